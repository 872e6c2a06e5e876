package aid_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/uacaptivity/captivity/aid"
)

// Allocate (shares of a split, LAW.md §7 split rounding): the cases the
// review found. Three kopiykas over five equal weights rounded half up
// gave a share of −0.01; weights of 2^50 overflowed int64.
func TestAllocateEdgeCases(t *testing.T) {
	tests := []struct {
		name    string
		total   aid.Money
		weights []int64
		r       aid.Rounding
		want    []string
	}{
		{"half up gives out too much: the first goes to zero, the rest is taken back from the last rounded-up shares", aid.Kopiykas(3), []int64{1, 1, 1, 1, 1}, aid.HalfUpAdjustFirst,
			[]string{"0.00", "0.01", "0.01", "0.01", "0.00"}},
		{"down: the leftover goes to the first", aid.Kopiykas(3), []int64{1, 1, 1, 1, 1}, aid.DownLeftoverToFirst,
			[]string{"0.03", "0.00", "0.00", "0.00", "0.00"}},
		{"huge equal weights split evenly", aid.UAH(100000), []int64{1 << 50, 1 << 50}, aid.DownLeftoverToFirst,
			[]string{"50000.00", "50000.00"}},
		{"the largest weights", aid.UAH(100000), []int64{math.MaxInt64, math.MaxInt64, math.MaxInt64}, aid.HalfUpAdjustFirst,
			[]string{"33333.34", "33333.33", "33333.33"}},
		{"zero total", aid.Money{}, []int64{3, 1}, aid.HalfUpAdjustFirst, []string{"0.00", "0.00"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := aid.Allocate(tt.total, tt.weights, tt.r)
			require.NoError(t, err)
			var s []string
			for _, m := range got {
				s = append(s, m.String())
			}
			assert.Equal(t, tt.want, s)
		})
	}
	for _, bad := range [][]int64{nil, {}, {0}, {1, -1}} {
		_, err := aid.Allocate(aid.UAH(1), bad, aid.DownLeftoverToFirst)
		assert.Error(t, err, "%v", bad)
	}
	_, err := aid.Allocate(aid.Kopiykas(-1), []int64{1}, aid.DownLeftoverToFirst)
	assert.Error(t, err)
}

// Property: for totals of 0–10 kopiykas (where rounding bites hardest)
// and for large ones, and weights anywhere in the int64 range, the shares
// are never negative, add up to the total exactly, and an earlier share
// of a larger or equal weight under DownLeftoverToFirst is never smaller.
func TestAllocateProperties(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		k := rapid.OneOf(rapid.Int64Range(0, 10), rapid.Int64Range(0, 1<<40)).Draw(rt, "kopiykas")
		weights := rapid.SliceOfN(rapid.OneOf(rapid.Int64Range(1, 10), rapid.Int64Range(1, math.MaxInt64)), 1, 12).Draw(rt, "weights")
		r := rapid.SampledFrom([]aid.Rounding{aid.DownLeftoverToFirst, aid.HalfUpAdjustFirst}).Draw(rt, "rounding")
		shares, err := aid.Allocate(aid.Kopiykas(k), weights, r)
		if err != nil {
			rt.Fatalf("allocate: %v", err)
		}
		if len(shares) != len(weights) {
			rt.Fatalf("%d shares for %d weights", len(shares), len(weights))
		}
		var sum int64
		for i, s := range shares {
			if s.Sign() < 0 {
				rt.Fatalf("share %d is negative: %s", i, s)
			}
			sum += s.Kopiykas()
		}
		if sum != k {
			rt.Fatalf("shares add up to %d kopiykas, not %d", sum, k)
		}
	})
}
