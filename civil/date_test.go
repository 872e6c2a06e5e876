package civil_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uacaptivity/captivity/civil"
)

func TestParse(t *testing.T) {
	tests := []struct {
		give    string
		want    string
		wantErr bool
	}{
		{give: "2022-11-19", want: "2022-11-19"},
		{give: "2024-02-29", want: "2024-02-29"},
		{give: "0001-01-01", want: "0001-01-01"},
		{give: "9999-12-31", want: "9999-12-31"},
		{give: "2023-02-29", wantErr: true}, // not a leap year: never normalised to 03-01
		{give: "2023-02-30", wantErr: true},
		{give: "2023-04-31", wantErr: true},
		{give: "2023-13-01", wantErr: true},
		{give: "2023-00-10", wantErr: true},
		{give: "2023-01-00", wantErr: true},
		{give: "0000-01-01", wantErr: true},
		{give: "2023-1-01", wantErr: true},
		{give: "2023/01/01", wantErr: true},
		{give: " 2023-01-01", wantErr: true},
		{give: "2023-01-01T00:00:00Z", wantErr: true},
		{give: "+023-01-01", wantErr: true},
		{give: "", wantErr: true},
		{give: "１２３４-01-01", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			got, err := civil.Parse(tt.give)
			if tt.wantErr {
				require.ErrorIs(t, err, civil.ErrInvalidDate)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.String())
		})
	}
}

func TestZeroDate(t *testing.T) {
	var d civil.Date
	assert.True(t, d.IsZero())
	assert.Equal(t, "", d.String())
	assert.True(t, d.Before(civil.MustNew(1, 1, 1)))
	assert.True(t, d.AddDays(3).IsZero())
	assert.True(t, d.AddYears(1, civil.Feb28).IsZero())
	assert.Equal(t, 0, d.DaysUntil(civil.MustNew(2020, 1, 1)))
}

func TestCompareAndDays(t *testing.T) {
	a := civil.MustParse("2022-11-18")
	b := civil.MustParse("2022-11-19")
	assert.True(t, a.Before(b))
	assert.True(t, b.After(a))
	assert.Equal(t, -1, a.Compare(b))
	assert.Equal(t, 0, a.Compare(civil.MustNew(2022, 11, 18)))
	assert.True(t, a == civil.MustNew(2022, 11, 18), "dates are comparable with ==")
	assert.Equal(t, 1, a.DaysUntil(b))
	assert.Equal(t, -1, b.DaysUntil(a))
	// LAW.md §6.1 worked example: 2022-05-12 to 2022-11-19 is 191 days.
	assert.Equal(t, 191, civil.MustParse("2022-05-12").DaysUntil(b))
	assert.Equal(t, 366, civil.MustParse("2024-01-01").DaysUntil(civil.MustParse("2025-01-01")))
	assert.Equal(t, "2024-03-01", civil.MustParse("2024-02-28").AddDays(2).String())
	assert.Equal(t, civil.MustParse("2022-11-18"), civil.Min(b, a))
	assert.Equal(t, a, civil.Min(civil.Date{}, a))
}

func TestAddYears(t *testing.T) {
	tests := []struct {
		name, rule string
		give       string
		n          int
		feb        civil.Feb29Rule
		want       string
	}{
		{name: "ordinary anniversary", rule: "Civil Code art. 254(1)", give: "2016-05-12", n: 7, want: "2023-05-12"},
		{name: "29 Feb to common year, default", rule: "LAW.md §7 feb29_rule=feb28", give: "2020-02-29", n: 1, want: "2021-02-28"},
		{name: "29 Feb to common year, feb28", rule: "LAW.md §7 feb29_rule=feb28", give: "2020-02-29", n: 1, feb: civil.Feb28, want: "2021-02-28"},
		{name: "29 Feb to common year, mar1", rule: "LAW.md §7 feb29_rule=mar1", give: "2020-02-29", n: 1, feb: civil.Mar1, want: "2021-03-01"},
		{name: "29 Feb to leap year", rule: "Civil Code art. 254(1)", give: "2020-02-29", n: 4, feb: civil.Mar1, want: "2024-02-29"},
		{name: "backwards", rule: "Civil Code art. 254(1)", give: "2024-02-29", n: -1, want: "2023-02-28"},
		{name: "zero years", rule: "identity", give: "2014-02-21", n: 0, want: "2014-02-21"},
		{name: "out of range", rule: "MaxYear", give: "9999-01-01", n: 1, want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := civil.MustParse(tt.give).AddYears(tt.n, tt.feb)
			assert.Equal(t, tt.want, got.String(), tt.rule)
			assert.Equal(t, got, civil.MustParse(tt.give).Anniversary(tt.n, tt.feb), tt.rule)
		})
	}
}

func TestAddMonths(t *testing.T) {
	tests := []struct {
		give string
		n    int
		want string
	}{
		{"2017-12-27", 6, "2018-06-27"}, // LAW.md §7: the CMU 38 six-month term
		{"2024-01-31", 1, "2024-02-29"}, // Civil Code art. 254(3): clamp to month end
		{"2023-01-31", 1, "2023-02-28"},
		{"2023-08-31", 1, "2023-09-30"},
		{"2023-03-31", -1, "2023-02-28"},
		{"2023-12-15", 1, "2024-01-15"},
		{"2023-01-15", -13, "2021-12-15"},
		{"0001-01-15", -1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			assert.Equal(t, tt.want, civil.MustParse(tt.give).AddMonths(tt.n).String(), "Civil Code art. 254(3)")
		})
	}
}

func TestYearsSinceAndAge(t *testing.T) {
	tests := []struct {
		name  string
		from  string
		to    string
		feb   civil.Feb29Rule
		years int
	}{
		{"day before anniversary", "2016-05-12", "2022-05-11", 0, 5},
		{"on anniversary completes the year", "2016-05-12", "2022-05-12", 0, 6},
		{"day after anniversary", "2016-05-12", "2022-05-13", 0, 6},
		{"leap-day birth, feb28 rule", "2004-02-29", "2022-02-28", civil.Feb28, 18},
		{"leap-day birth, mar1 rule", "2004-02-29", "2022-02-28", civil.Mar1, 17},
		{"leap-day birth, mar1 rule on 1 March", "2004-02-29", "2022-03-01", civil.Mar1, 18},
		{"before start", "2020-01-01", "2019-01-01", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from, to := civil.MustParse(tt.from), civil.MustParse(tt.to)
			assert.Equal(t, tt.years, from.YearsSince(to, tt.feb))
			assert.Equal(t, tt.years, from.AgeOn(to, tt.feb))
		})
	}
}

func TestJSON(t *testing.T) {
	type rec struct {
		A civil.Date `json:"a"`
		B civil.Date `json:"b,omitzero"`
	}
	out, err := json.Marshal(rec{A: civil.MustParse("2022-11-19")})
	require.NoError(t, err)
	assert.Equal(t, `{"a":"2022-11-19"}`, string(out))

	var r rec
	require.NoError(t, json.Unmarshal([]byte(`{"a":"2024-02-29","b":""}`), &r))
	assert.Equal(t, "2024-02-29", r.A.String())
	assert.True(t, r.B.IsZero())
	require.ErrorIs(t, json.Unmarshal([]byte(`{"a":"2023-02-29"}`), &r), civil.ErrInvalidDate)
}

func TestFeb29RuleText(t *testing.T) {
	var r civil.Feb29Rule
	require.NoError(t, r.UnmarshalText([]byte("mar1")))
	assert.Equal(t, civil.Mar1, r)
	assert.Equal(t, "feb28", civil.Feb29Rule(0).String())
	assert.Error(t, r.UnmarshalText([]byte("march")))
}

func TestWeekdayAndDateOf(t *testing.T) {
	assert.Equal(t, time.Saturday, civil.MustParse("2022-11-19").Weekday())
	assert.Equal(t, time.Monday, civil.MustParse("0001-01-01").Weekday())
	kyiv := time.FixedZone("EET", 2*3600)
	instant := time.Date(2022, 11, 18, 23, 30, 0, 0, time.UTC)
	assert.Equal(t, "2022-11-19", civil.DateOf(instant, kyiv).String())
	assert.Equal(t, "2022-11-18", civil.DateOf(instant, nil).String())
}

func TestPeriod(t *testing.T) {
	p, err := civil.NewPeriod(civil.MustParse("2022-03-01"), civil.MustParse("2022-03-31"))
	require.NoError(t, err)
	assert.Equal(t, 31, p.Days(), "inclusive at both ends")
	assert.True(t, p.Contains(civil.MustParse("2022-03-01")))
	assert.True(t, p.Contains(civil.MustParse("2022-03-31")))
	assert.False(t, p.Contains(civil.MustParse("2022-04-01")))
	assert.False(t, p.Contains(civil.MustParse("2022-02-28")))
	assert.Equal(t, "2022-03-01/2022-03-31", p.String())

	open, err := civil.NewPeriod(civil.MustParse("2022-03-01"), civil.Date{})
	require.NoError(t, err)
	assert.True(t, open.Open())
	assert.True(t, open.Contains(civil.MustParse("2030-01-01")))
	assert.Equal(t, 0, open.Days())
	assert.True(t, open.Overlaps(p))
	q := civil.Period{Start: civil.MustParse("2022-04-01"), End: civil.MustParse("2022-04-02")}
	assert.False(t, p.Overlaps(q))
	assert.True(t, p.Overlaps(civil.Period{Start: civil.MustParse("2022-03-31"), End: civil.MustParse("2022-04-02")}))

	_, err = civil.NewPeriod(civil.MustParse("2022-03-02"), civil.MustParse("2022-03-01"))
	require.ErrorIs(t, err, civil.ErrInvalidPeriod)
	_, err = civil.NewPeriod(civil.Date{}, civil.MustParse("2022-03-01"))
	require.ErrorIs(t, err, civil.ErrInvalidPeriod)
}

// Every day from 1900 to 2100 round-trips through its parts and its text.
func TestRoundTripEveryDay(t *testing.T) {
	d := civil.MustParse("1900-01-01")
	end := civil.MustParse("2100-12-31")
	prev := d.AddDays(-1)
	for !d.After(end) {
		y, m, day := d.YMD()
		require.Equal(t, d, civil.MustNew(y, m, day))
		require.Equal(t, d, civil.MustParse(d.String()))
		require.Equal(t, 1, prev.DaysUntil(d))
		prev, d = d, d.AddDays(1)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"2022-11-19", "2024-02-29", "2023-02-29", "0001-01-01", "9999-12-31", "", "2023-1-1", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := civil.Parse(s)
		if err != nil {
			return
		}
		if d.String() != s {
			t.Fatalf("Parse(%q).String() = %q", s, d.String())
		}
		again, err := civil.Parse(d.String())
		if err != nil || again != d {
			t.Fatalf("round trip of %q: %v, %v", s, again, err)
		}
		if d.AddDays(1).DaysUntil(d) != -1 && !d.AddDays(1).IsZero() {
			t.Fatalf("AddDays/DaysUntil disagree at %s", s)
		}
	})
}

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_, _ = civil.Parse("2022-11-19")
	}
}
