package synth_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/internal/synth"
	"github.com/uacaptivity/captivity/prisoner"
)

func TestCasesAreValidAndDeterministic(t *testing.T) {
	a, b := synth.New(7), synth.New(7)
	kinds := map[prisoner.Category]int{}
	claims, granted := 0, 0
	for i := 0; i < 3000; i++ {
		c := a.Next()
		require.Equal(t, c, b.Next(), "same seed, same cases")
		r, err := aid.Evaluate(c, aid.Default())
		require.NoError(t, err, "case %d", i)
		kinds[c.Episodes[0].Category]++
		for _, d := range r.Decisions {
			claims++
			if d.Granted {
				granted++
			}
		}
	}
	assert.Len(t, kinds, 4, "every category appears")
	assert.Greater(t, claims, 3000)
	assert.Greater(t, granted, claims/3)
	assert.NotEqual(t, synth.New(1).Next(), synth.New(2).Next())
}
