package aid_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/prisoner"
)

func TestCompareWithItself(t *testing.T) {
	for _, c := range sampleCases(t) {
		cmp, err := aid.Compare(c, aid.Default(), aid.Default(), d("2026-11-28"))
		require.NoError(t, err)
		assert.True(t, cmp.Same, c.ID)
		assert.Empty(t, cmp.Differences, c.ID)
		assert.True(t, cmp.Delta.IsZero(), c.ID)
		for _, ch := range cmp.Claims {
			assert.False(t, ch.Changed)
			assert.Equal(t, "0.00", ch.Delta.String(), "a difference of zero is reported as such")
		}
	}
}

// Each option of LAW.md §8 has a case whose comparison names it as the cause.
func TestCompareNamesTheCause(t *testing.T) {
	for _, tt := range ruleCases() {
		if tt.option == "" {
			continue
		}
		t.Run(tt.option, func(t *testing.T) {
			cmp, err := aid.Compare(tt.give.build(), aid.Default(), with(tt.edit), d("2026-11-28"))
			require.NoError(t, err)
			require.Len(t, cmp.Differences, 1, "only %s differs", tt.option)
			assert.Equal(t, tt.option, cmp.Differences[0].Name)
			named := false
			for _, ch := range cmp.Claims {
				if ch.Changed {
					require.NotEmpty(t, ch.Causes)
					named = named || ch.Causes[0].Name == tt.option
					assert.False(t, ch.Causes[0].Citation.IsZero())
				}
			}
			assert.True(t, named, "some claim changes because of %s", tt.option)
			assert.False(t, cmp.Same)
		})
	}
}

func TestCompareAmountsAndKinds(t *testing.T) {
	// Catch-up: year 2 becomes payable too (Q4).
	c := heldFamily().claim("2023-06-01", annual, "f1").claim("2025-06-01", annual, "f1").build()
	alt := with(func(rs *aid.RuleSet) { rs.Name = "catch-up"; rs.Options.HeldClaimScope = aid.AllStartedYears })
	cmp, err := aid.Compare(c, aid.Default(), alt, d("2025-07-01"))
	require.NoError(t, err)
	require.Len(t, cmp.Claims, 2)
	assert.False(t, cmp.Claims[0].Changed)
	assert.True(t, cmp.Claims[1].Changed)
	assert.Equal(t, "100000.00", cmp.Claims[1].Delta.String())
	assert.Equal(t, "granted 100000.00 for years [3]", cmp.Claims[1].A.String())
	assert.Equal(t, "granted 200000.00 for years [2 3]", cmp.Claims[1].B.String())
	assert.Equal(t, "100000.00", cmp.Delta.String())
	assert.Equal(t, "catch-up", cmp.B)
}

// The 2017 draft, checked by hand: two minimum wages a month, partial
// months by calendar days held (capture day in, release day out), half up
// to the kopiyka, across minimum-wage changes.
func TestDraft6700ByHand(t *testing.T) {
	draft := aid.DefaultDraft6700()
	tests := []struct {
		name, captured, released, died, asOf string
		cat                                  prisoner.Category
		want                                 string
		months                               []string
	}{
		{name: "spring 2016: 1378 then 1450", captured: "2016-04-20", released: "2016-06-10", asOf: "2026-11-28", cat: prisoner.Political,
			// Apr: 2756.00 × 11/30 = 1010.5333 → 1010.53; May: 2900.00; Jun: 2900.00 × 9/30 = 870.00
			want: "4780.53", months: []string{"2016-04 1010.53", "2016-05 2900.00", "2016-06 870.00"}},
		{name: "across December 2016 and 2017", captured: "2016-11-15", released: "2017-01-10", asOf: "2026-11-28", cat: prisoner.Political,
			// Nov: 2900 × 16/30 = 1546.667 → 1546.67; Dec: 3200.00; Jan: 6400 × 9/31 = 1858.0645 → 1858.06
			want: "6604.73", months: []string{"2016-11 1546.67", "2016-12 3200.00", "2017-01 1858.06"}},
		{name: "the September 2020 raise", captured: "2020-08-31", released: "2020-09-02", asOf: "2026-11-28", cat: prisoner.Political,
			// Aug: 9446 × 1/31 = 304.709 → 304.71; Sep: 10000 × 1/30 = 333.333 → 333.33
			want: "638.04", months: []string{"2020-08 304.71", "2020-09 333.33"}},
		{name: "held, April 2024 raise, to the day asked", captured: "2024-03-15", asOf: "2024-04-30", cat: prisoner.Political,
			// Mar: 14200 × 17/31 = 7787.097 → 7787.10; Apr: 16000.00 (held through the 30th)
			want: "23787.10", months: []string{"2024-03 7787.10", "2024-04 16000.00"}},
		{name: "leap day, died the next day", captured: "2020-02-29", died: "2020-03-01", asOf: "2026-11-28", cat: prisoner.Political,
			// Feb: 9446 × 1/29 = 325.724 → 325.72; March: not held
			want: "325.72", months: []string{"2020-02 325.72"}},
		{name: "into 2026", captured: "2025-12-31", asOf: "2026-01-31", cat: prisoner.Political,
			// Dec: 16000 × 1/31 = 516.129 → 516.13; Jan 2026: 17294.00
			want: "17810.13", months: []string{"2025-12 516.13", "2026-01 17294.00"}},
		{name: "a civilian hostage was outside the draft", captured: "2022-03-01", asOf: "2026-11-28", cat: prisoner.Civilian, want: "0.00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newCase(tt.cat, tt.captured)
			b.last().EarlyDateReason = ""
			if tt.released != "" {
				b.released(tt.released)
			}
			if tt.died != "" {
				b.died(tt.died, false)
			}
			res := draft.Evaluate(b.build(), d(tt.asOf))
			require.Len(t, res, 1)
			assert.Equal(t, tt.want, res[0].Total.String(), "LAW.md §10: two minimum wages a month")
			assert.Equal(t, aid.NeverEnacted, res[0].Label)
			var got []string
			for _, m := range res[0].Months {
				got = append(got, m.Month+" "+m.Amount.String())
				assert.Equal(t, "Budget-"+m.Month[:4], string(m.Citation.Act), "each value cites its year's budget law")
			}
			assert.Equal(t, tt.months, got)
		})
	}
}

// Switching what is recovered after an invalidation (Art. 4(9)) changes
// what the case costs, though no decision changes: the comparison counts
// recoveries (issue: the case model, 11).
func TestCompareCountsRecoveries(t *testing.T) {
	var c prisoner.Case
	for _, s := range sampleCases(t) {
		if r, err := aid.Evaluate(s, aid.Default()); err == nil && len(r.Recoveries) > 0 {
			c = s
			break
		}
	}
	require.NotEmpty(t, c.ID, "a sample case with a recovery")
	b := aid.Default()
	b.Name, b.Options.InvalidationRecovery = "no recovery", aid.RecoverNone
	cmp, err := aid.Compare(c, aid.Default(), b, civil.MustNew(2026, 11, 28))
	require.NoError(t, err)
	assert.False(t, cmp.Same)
	assert.True(t, cmp.RecoveryB.IsZero())
	assert.False(t, cmp.RecoveryA.IsZero())
	assert.Equal(t, cmp.RecoveryA.String(), cmp.Delta.String(), "nothing is due back: B costs what A recovered")
}
