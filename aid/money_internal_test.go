package aid

import (
	"math"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

// Money.Append writes whole-kopiyka amounts itself; it must write exactly
// what decimal's StringFixed(2) writes, for every coefficient and exponent.
func TestMoneyAppendMatchesStringFixed(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := rapid.OneOf(rapid.Int64Range(-100000000, 100000000), rapid.Int64Range(math.MinInt64, math.MaxInt64)).Draw(t, "coefficient")
		exp := rapid.Int32Range(-5, 3).Draw(t, "exp")
		m := Money{d: decimal.New(c, exp)}
		if got, want := m.String(), m.d.StringFixed(2); got != want {
			t.Fatalf("%de%d: String %q, StringFixed %q", c, exp, got, want)
		}
	})
	for _, m := range []Money{{}, Kopiykas(-1), Kopiykas(-50), Kopiykas(0), UAH(100000), Kopiykas(9999999999999999)} {
		if got, want := m.String(), m.d.StringFixed(2); got != want {
			t.Errorf("String %q, StringFixed %q", got, want)
		}
	}
}
