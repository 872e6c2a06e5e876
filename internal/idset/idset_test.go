package idset_test

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/uacaptivity/captivity/internal/idset"
)

func TestAddFindsEveryRepeat(t *testing.T) {
	var s idset.Set
	for i := 0; i < 100000; i++ {
		_, dup := s.Add("C-"+strconv.Itoa(i), int64(i))
		assert.False(t, dup)
	}
	for i := 0; i < 100000; i += 997 {
		n, dup := s.Add("C-"+strconv.Itoa(i), -1)
		assert.True(t, dup)
		assert.Equal(t, int64(i), n)
	}
	_, dup := s.Add("", 5)
	assert.False(t, dup)
	n, dup := s.Add("", 6)
	assert.True(t, dup)
	assert.Equal(t, int64(5), n)
	assert.Equal(t, 100001, s.Len())
}
