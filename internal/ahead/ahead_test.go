package ahead_test

import (
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/uacaptivity/captivity/internal/ahead"
)

// Items come back in the order they were read, converted on other
// goroutines or, with one core, on the caller's; Stop ends the reading.
func TestOrderAndStop(t *testing.T) {
	for _, procs := range []int{1, 4} {
		prev := runtime.GOMAXPROCS(procs)
		i := 0
		r := ahead.New(func() (func() int, bool) {
			if i == 1000 {
				return nil, false
			}
			n := i
			i++
			return func() int { return n * n }, true
		})
		for k := 0; k < 1000; k++ {
			v, ok := r.Next()
			assert.True(t, ok)
			assert.Equal(t, k*k, v)
		}
		_, ok := r.Next()
		assert.False(t, ok)
		_, ok = r.Next()
		assert.False(t, ok, "the end stays")

		i = 0
		s := ahead.New(func() (func() int, bool) { i++; return func() int { return 1 }, true })
		v, ok := s.Next()
		assert.True(t, ok)
		assert.Equal(t, 1, v)
		s.Stop()
		_, ok = s.Next()
		assert.False(t, ok)
		runtime.GOMAXPROCS(prev)
	}
}
