package aid_test

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/internal/samples"
	"github.com/uacaptivity/captivity/internal/synth"
	"github.com/uacaptivity/captivity/law"
	"github.com/uacaptivity/captivity/prisoner"
	"github.com/uacaptivity/captivity/status"
	"pgregory.net/rapid"
)

func TestParseMoney(t *testing.T) {
	tests := []struct {
		give, want string
		wantErr    bool
	}{
		{give: "100000", want: "100000.00"},
		{give: "100000.5", want: "100000.50"},
		{give: "0.01", want: "0.01"},
		{give: "-1.25", want: "-1.25"},
		{give: "1.005", wantErr: true},
		{give: "1e5", wantErr: true},
		{give: "1,00", wantErr: true},
		{give: " 1", wantErr: true},
		{give: "1.", wantErr: true},
		{give: ".5", wantErr: true},
		{give: "", wantErr: true},
		{give: "NaN", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			m, err := aid.ParseMoney(tt.give)
			if tt.wantErr {
				require.ErrorIs(t, err, aid.ErrMoney)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, m.String())
		})
	}
	assert.Equal(t, "1.23", aid.Kopiykas(123).String())
	assert.Equal(t, int64(10000000), aid.UAH(100000).Kopiykas())
	assert.True(t, aid.UAH(1).Equal(aid.Kopiykas(100)))
	assert.Equal(t, "300000.00", aid.UAH(100000).Times(3).String())
	assert.Equal(t, -1, aid.UAH(1).Cmp(aid.UAH(2)))
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"100000.00", "0.01", "-5", "1.5", "abc", "1e3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := aid.ParseMoney(s)
		if err != nil {
			return
		}
		back, err := aid.ParseMoney(m.String())
		if err != nil || !back.Equal(m) {
			t.Fatalf("round trip of %q: %v %v", s, back, err)
		}
	})
}

func TestAllocate(t *testing.T) {
	tests := []struct {
		total   string
		weights []int64
		r       aid.Rounding
		want    []string
	}{
		{"100000.00", []int64{1, 1, 1}, aid.DownLeftoverToFirst, []string{"33333.34", "33333.33", "33333.33"}},
		{"100000.00", []int64{1, 1, 1, 1, 1, 1}, aid.DownLeftoverToFirst, []string{"16666.70", "16666.66", "16666.66", "16666.66", "16666.66", "16666.66"}},
		{"100000.00", []int64{1, 1, 1, 1, 1, 1}, aid.HalfUpAdjustFirst, []string{"16666.65", "16666.67", "16666.67", "16666.67", "16666.67", "16666.67"}},
		{"0.01", []int64{1, 1}, aid.DownLeftoverToFirst, []string{"0.01", "0.00"}},
		{"100.00", []int64{2, 1, 1}, aid.DownLeftoverToFirst, []string{"50.00", "25.00", "25.00"}},
	}
	for _, tt := range tests {
		got, err := aid.Allocate(aid.MustParseMoney(tt.total), tt.weights, tt.r)
		require.NoError(t, err)
		var s []string
		for _, m := range got {
			s = append(s, m.String())
		}
		assert.Equal(t, tt.want, s, "D3: leftover kopiykas to the earliest applicant")
	}
	_, err := aid.Allocate(aid.UAH(1), nil, 0)
	assert.Error(t, err)
	_, err = aid.Allocate(aid.UAH(1), []int64{1, 0}, 0)
	assert.Error(t, err)
	_, err = aid.Allocate(aid.UAH(-1), []int64{1}, 0)
	assert.Error(t, err)
}

func TestPropertyAllocateAddsUp(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		total := aid.Kopiykas(rapid.Int64Range(0, 1_000_000_000_00).Draw(t, "kopiykas"))
		weights := rapid.SliceOfN(rapid.Int64Range(1, 1000), 1, 12).Draw(t, "weights")
		r := rapid.SampledFrom([]aid.Rounding{aid.DownLeftoverToFirst, aid.HalfUpAdjustFirst}).Draw(t, "rounding")
		shares, err := aid.Allocate(total, weights, r)
		if err != nil {
			t.Fatal(err)
		}
		var sum aid.Money
		for _, s := range shares {
			sum = sum.Add(s)
		}
		if !sum.Equal(total) {
			t.Fatalf("shares add to %s, not %s", sum, total)
		}
	})
}

func TestScheduleBoundaries(t *testing.T) {
	p := aid.DefaultParameters()
	tests := []struct {
		sched   *aid.Schedule
		day     string
		inForce bool
		amount  string
		noVer   bool
	}{
		{p.Annual, "2022-11-18", false, "", true},
		{p.Annual, "2022-11-19", true, "100000.00", false},
		{p.Annual, "2022-11-20", true, "100000.00", false},
		{p.Civilian, "2025-12-31", false, "", true},
		{p.Civilian, "2026-01-01", true, "50000.00", false},
		{p.Civilian, "2026-01-02", true, "50000.00", false},
		{p.Reg2018Release, "2022-11-18", true, "100000.00", false},
		{p.Reg2018Release, "2022-11-19", false, "", false},
		{p.Reg2018Release, "2022-11-20", false, "", false},
		{p.Reg2018Support, "2019-11-26", true, "100000.00", false},
	}
	for _, tt := range tests {
		t.Run(tt.sched.Name()+"@"+tt.day, func(t *testing.T) {
			v, err := tt.sched.At(d(tt.day))
			if tt.noVer {
				require.ErrorIs(t, err, aid.ErrNoVersion)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.inForce, v.InForce)
			if tt.inForce {
				assert.Equal(t, tt.amount, v.Amount.String())
			}
		})
	}
	v, err := p.Reg2018Support.At(d("2019-11-27"))
	require.NoError(t, err)
	assert.True(t, v.Yearly, "CMU 328 as amended on 27.11.2019")
	v, err = p.Reg2018Support.At(d("2019-11-26"))
	require.NoError(t, err)
	assert.False(t, v.Yearly)
}

func TestNewScheduleRejects(t *testing.T) {
	ok := aid.Version{ValidFrom: d("2022-11-19"), InForce: true, Amount: aid.UAH(1), Citation: law.Cite(law.Law2010, "7"), Confidence: law.Verified}
	noCite, noConf, neg, noDate := ok, ok, ok, ok
	noCite.Citation = law.Citation{}
	noConf.Confidence = 0
	neg.Amount = aid.UAH(-1)
	noDate.ValidFrom = civil.Date{}
	for name, vs := range map[string][]aid.Version{
		"empty": nil, "overlap": {ok, ok}, "no citation": {noCite}, "no confidence": {noConf}, "negative": {neg}, "no date": {noDate},
	} {
		_, err := aid.NewSchedule("x", vs...)
		assert.ErrorIs(t, err, aid.ErrSchedule, name)
	}
	later := ok
	later.ValidFrom = d("2024-01-01")
	later.Amount = aid.UAH(2)
	s, err := aid.NewSchedule("x", later, ok) // out of order is sorted
	require.NoError(t, err)
	v, err := s.At(d("2023-12-31"))
	require.NoError(t, err)
	assert.Equal(t, "1.00", v.Amount.String())
	v, err = s.At(d("2024-01-01"))
	require.NoError(t, err)
	assert.Equal(t, "2.00", v.Amount.String())
}

func TestLoadRuleSet(t *testing.T) {
	rs, err := aid.LoadRuleSet(strings.NewReader(`{"name":"raise","feb29_rule":"mar1",
		"options":{"held_payee":"equal_shares"},
		"parameters":{"law2022.annual":[
			{"valid_from":"2022-11-19","in_force":true,"amount":"100000.00","citation":{"act":"2010-IX","article":"7","part":"1"},"confidence":"verified"},
			{"valid_from":"2027-01-01","in_force":true,"amount":"120000.00","citation":{"act":"LAW.md","article":"8","note":"what-if"},"confidence":"assumption"}]}}`))
	require.NoError(t, err)
	assert.Equal(t, "raise", rs.Name)
	assert.Equal(t, aid.EqualShares, rs.Options.HeldPayee)
	assert.Equal(t, civil.Mar1, rs.Feb29)
	v, err := rs.Parameters.Annual.At(d("2027-01-01"))
	require.NoError(t, err)
	assert.Equal(t, "120000.00", v.Amount.String())
	v, err = rs.Parameters.Release.At(d("2027-01-01"))
	require.NoError(t, err)
	assert.Equal(t, "100000.00", v.Amount.String(), "parameters not given keep their defaults")
	assert.NotEqual(t, aid.Default().Hash(), rs.Hash())

	for name, bad := range map[string]string{
		"no name":        `{"options":{}}`,
		"unknown option": `{"name":"x","options":{"nope":"y"}}`,
		"bad value":      `{"name":"x","options":{"held_payee":"everyone"}}`,
		"unknown param":  `{"name":"x","parameters":{"law2022.bonus":[]}}`,
		"no citation":    `{"name":"x","parameters":{"law2022.annual":[{"valid_from":"2022-11-19","in_force":true,"amount":"1.00","confidence":"verified"}]}}`,
	} {
		_, err := aid.LoadRuleSet(strings.NewReader(bad))
		assert.Error(t, err, name)
	}
}

// One flat namespace of settings, by the names of the options table
// (LAW.md §8): every setting at the top of the file; the old places
// (options, status) still read; a setting in two places, an unknown key
// and a bad value are errors, each named, the unknown one with the
// closest known setting.
func TestRuleSetFlatNamespace(t *testing.T) {
	flat, err := aid.LoadRuleSet(strings.NewReader(`{"name":"f","feb29_rule":"mar1","held_payee":"equal_shares",
		"decision_effective_on":"decision_date","implied_application":"refuse","claim_deadline_days":90,"split_rounding":"half_up"}`))
	require.NoError(t, err)
	assert.Equal(t, civil.Mar1, flat.Feb29)
	assert.Equal(t, aid.EqualShares, flat.Options.HeldPayee)
	assert.Equal(t, status.DecisionDate, flat.Status.DecisionEffectiveOn)
	assert.Equal(t, status.ImpliedRefused, flat.Status.ImpliedApplication)
	assert.Equal(t, 90, flat.ClaimDeadlineDays)
	assert.Equal(t, aid.HalfUpAdjustFirst, flat.SplitRounding)

	old, err := aid.LoadRuleSet(strings.NewReader(`{"name":"f","feb29_rule":"mar1","options":{"held_payee":"equal_shares"},
		"status":{"decision_effective_on":"decision_date","implied_application":"refuse"},"claim_deadline_days":90,"split_rounding":"half_up"}`))
	require.NoError(t, err, "the old places still read")
	assert.Equal(t, flat.Hash(), old.Hash())

	for name, tt := range map[string]struct{ file, want string }{
		"misplaced":      {`{"name":"x","options":{"feb29_rul":"mar1"}}`, `unknown setting "options.feb29_rul" (did you mean "feb29_rule"?)`},
		"misspelt":       {`{"name":"x","held_paye":"equal_shares"}`, `unknown setting "held_paye" (did you mean "held_payee"?)`},
		"far off":        {`{"name":"x","colour":"red"}`, `unknown setting "colour"`},
		"in two places":  {`{"name":"x","held_payee":"equal_shares","options":{"held_payee":"equal_shares"}}`, `setting "held_payee" is given twice`},
		"bad value":      {`{"name":"x","held_payee":"everyone"}`, `everyone`},
		"negative days":  {`{"name":"x","claim_deadline_days":-1}`, `claim_deadline_days: must be 0 (none) or more days`},
		"every problem":  {`{"name":"x","held_paye":"a","year_basi":"b"}`, `"held_paye" (did you mean "held_payee"?); unknown setting "year_basi" (did you mean "year_basis"?)`},
		"not an object":  {`[1]`, `rule set`},
		"bad dates here": {`{"name":"x","dates":{"law_begin":{}}}`, `dates`},
	} {
		_, err := aid.LoadRuleSet(strings.NewReader(tt.file))
		require.Error(t, err, name)
		assert.Contains(t, err.Error(), tt.want, name)
	}

	// Every setting is listed once, with its values (default first) and
	// its scope in both languages; claim_deadline_days says it covers
	// release and death aid only.
	seen := map[string]bool{}
	for _, s := range aid.Settings() {
		assert.False(t, seen[s.Name], s.Name)
		seen[s.Name] = true
		assert.NotEmpty(t, s.Scope.UK, s.Name)
		assert.NotEmpty(t, s.Scope.EN, s.Name)
		switch s.Name {
		case "commission_term_days":
			assert.Contains(t, s.Scope.EN, "changes no status and no amount")
			continue
		}
		if s.Name != "claim_deadline_days" {
			require.NotEmpty(t, s.Values, s.Name)
			_, err := aid.LoadRuleSet(strings.NewReader(`{"name":"x","` + s.Name + `":"` + s.Values[len(s.Values)-1] + `"}`))
			assert.NoError(t, err, s.Name)
		} else {
			assert.Contains(t, s.Scope.EN, "release and death aid only")
		}
	}
	for _, name := range aid.OptionNames() {
		assert.True(t, seen[name], name)
	}
}

func TestHashIgnoresNameAndDefaults(t *testing.T) {
	a := aid.Default()
	b := aid.Default()
	b.Name = "other"
	b.Options.HeldPayee = aid.FirstApplicant // the default, spelled out
	assert.Equal(t, a.Hash(), b.Hash())
	b.Options.HeldPayee = aid.EqualShares
	assert.NotEqual(t, a.Hash(), b.Hash())
}

func sampleCases(t testing.TB) []prisoner.Case {
	cs, err := samples.Cases()
	require.NoError(t, err)
	return cs
}

func TestStampAndDeterminism(t *testing.T) {
	for _, c := range sampleCases(t) {
		a, err := aid.Evaluate(c, aid.Default())
		require.NoError(t, err)
		b, err := aid.Evaluate(c, aid.Default())
		require.NoError(t, err)
		assert.Equal(t, a.Decisions, b.Decisions, "same input, same decisions")
		assert.Equal(t, a.Stamp, b.Stamp)
		assert.Equal(t, aid.ModuleVersion(), a.Stamp.Module)
		assert.Equal(t, aid.RPS1, a.Stamp.RuleSet)
		assert.Len(t, a.Stamp.InputHash, 64)
	}
	cs := sampleCases(t)
	a, _ := aid.Evaluate(cs[0], aid.Default())
	b, _ := aid.Evaluate(cs[1], aid.Default())
	assert.NotEqual(t, a.Stamp.InputHash, b.Stamp.InputHash)
}

func TestConcurrentEvaluation(t *testing.T) {
	cs := sampleCases(t)
	rs := aid.Default()
	want := make([][]string, len(cs))
	for i, c := range cs {
		r, err := aid.Evaluate(c, rs)
		require.NoError(t, err)
		want[i] = summaries(r)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, c := range cs {
				r, err := aid.Evaluate(c, rs)
				if err != nil || strings.Join(summaries(r), "|") != strings.Join(want[i], "|") {
					errs <- c.ID
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for id := range errs {
		t.Errorf("case %s differs when evaluated concurrently", id)
	}
}

func TestEvaluateErrors(t *testing.T) {
	bad := newCase(prisoner.Civilian, "2023-03-01").claim("2023-04-01", annual, "nobody").build()
	_, err := aid.Evaluate(bad, aid.Default())
	require.ErrorIs(t, err, prisoner.ErrInvalid)
	// A decision with no application before it: taken as implied, with a
	// warning, by default; an error under implied_application=refuse.
	hist := newCase(prisoner.Civilian, "2023-03-01").event(prisoner.Event{Date: d("2023-04-01"), Kind: prisoner.Decision, Decision: prisoner.Establish}).build()
	r, err := aid.Evaluate(hist, aid.Default())
	require.NoError(t, err)
	require.NotEmpty(t, r.Warnings)
	assert.Equal(t, prisoner.WarnImpliedApplication, r.Warnings[0].Code)
	strict := aid.Default()
	strict.Status.ImpliedApplication = status.ImpliedRefused
	_, err = aid.Evaluate(hist, strict)
	require.ErrorIs(t, err, status.ErrInconsistent)
	assert.Contains(t, err.Error(), "add the application that preceded this decision")
}

// The sample cases, decided as LAW.md's rules read.
func TestSampleDecisions(t *testing.T) {
	want := map[string][]string{
		"C-01": {"100000.00 y1", "already_paid", "100000.00 y3"},
		"C-02": {"700000.00 y1,2,3,4,5,6,7", "100000.00 y8"},
		"C-03": {"100000.00", "100000.00 y1", "family_claim_after_release", "fact_established"},
		"C-04": {"100000.00 y1", "50000.00 [f1 50000.00 f3 50000.00]", "other_ground_elected", "50000.00 [f1 50000.00 f3 50000.00]"},
		"C-05": {"300000.00 y2,3,4", "100000.00", "already_paid", "100000.00"},
		"C-06": {"100000.00", "nothing_due", "family_not_covered"},
		"C-07": {"fact_not_established", "100000.00", "regime_not_in_force"},
		"C-08": {"regime_not_in_force", "50000.00", "already_paid"},
		"C-09": {"not_family_member", "200000.00 y1,3", "documents_incomplete"},
		"C-10": {"100000.00", "fact_cancelled"},
		"C-11": {"100000.00 y1", "100000.00"},
		"C-12": {"100000.00", "prior_regime_paid", "300000.00 y2,3,4"},
		"C-13": {"100000.00", "100000.00 y1"},
	}
	for _, c := range sampleCases(t) {
		r, err := aid.Evaluate(c, aid.Default())
		require.NoError(t, err, c.ID)
		assert.Equal(t, want[c.ID], summaries(r), c.ID+": "+c.Note)
	}
}

func TestEntitlements(t *testing.T) {
	// Held since 2023-03-01; year 1 granted; on 2024-04-01 year 2 is open to the family.
	c := heldFamily().claim("2023-06-01", annual, "f1").build()
	r, err := aid.Evaluate(c, aid.Default())
	require.NoError(t, err)
	var got []string
	for _, e := range r.Entitlements(d("2024-04-01")) {
		got = append(got, string(e.State)+" "+e.Aid.String()+" "+e.Party+" "+e.Amount.String())
	}
	assert.Equal(t, []string{"granted annual f1 100000.00", "open annual family 100000.00"}, got)

	// Released: release aid and completed years are open to the person.
	c = heldFamily().claim("2023-06-01", annual, "f1").released("2025-04-01").build()
	r, err = aid.Evaluate(c, aid.Default())
	require.NoError(t, err)
	got = nil
	for _, e := range r.Entitlements(d("2025-05-01")) {
		got = append(got, string(e.State)+" "+e.Aid.String()+" "+e.Party+" "+e.Amount.String())
	}
	assert.Equal(t, []string{"granted annual f1 100000.00", "open annual person 100000.00", "open release person 100000.00"}, got)
	// Before the grant date the grant is not there yet, and year 1 is open.
	early := r.Entitlements(d("2023-05-31"))
	require.Len(t, early, 1)
	assert.Equal(t, aid.StateOpen, early[0].State)
	assert.Equal(t, []int{1}, early[0].Years)
}

// Released persons: the annual aid never falls when the captivity lasts longer.
func TestPropertyLongerCaptivityNeverPaysLess(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		captured := d("2014-03-01").AddDays(rapid.IntRange(0, 4000).Draw(t, "captured"))
		days := rapid.IntRange(1, 3000).Draw(t, "days")
		extra := rapid.IntRange(1, 800).Draw(t, "extra")
		amount := func(n int) aid.Money {
			rel := captured.AddDays(n)
			claim := rel.AddDays(30)
			if claim.Before(d("2023-01-01")) {
				claim = d("2023-01-01")
			}
			c := newCase(prisoner.Military, captured.String()).released(rel.String()).
				established(claim.String(), claim.String()).claim(claim.String(), annual, P).build()
			r, err := aid.Evaluate(c, aid.Default())
			if err != nil {
				t.Fatalf("evaluate: %v", err)
			}
			return r.Granted()
		}
		short, long := amount(days), amount(days+extra)
		if long.Cmp(short) < 0 {
			t.Fatalf("captured %s: %d days pays %s, %d days pays %s", captured, days, short, days+extra, long)
		}
	})
}

// No captivity year is ever paid twice, whatever the claims.
func TestPropertyNoYearPaidTwice(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		captured := d("2015-01-01").AddDays(rapid.IntRange(0, 3500).Draw(t, "captured"))
		b := newCase(prisoner.Political, captured.String()).member("f1", prisoner.Spouse).member("f2", prisoner.Parent)
		start := captured
		if start.Before(d("2022-11-19")) {
			start = d("2022-11-19")
		}
		b.established(start.String(), start.AddDays(10).String())
		day := start.AddDays(11)
		released := false
		for i := rapid.IntRange(1, 10).Draw(t, "claims"); i > 0; i-- {
			day = day.AddDays(rapid.IntRange(0, 400).Draw(t, "gap"))
			if !released && rapid.Bool().Draw(t, "release") {
				b.released(day.String())
				released = true
			}
			party := rapid.SampledFrom([]string{"f1", "f2", P}).Draw(t, "party")
			b.claim(day.String(), annual, party)
		}
		opts := with(func(rs *aid.RuleSet) {
			rs.Options.HeldClaimScope = rapid.SampledFrom([]aid.HeldScope{aid.CurrentPlusBlock, aid.AllStartedYears}).Draw(t, "scope")
			rs.Options.FamilyClaimAfterRelease = rapid.SampledFrom([]aid.AfterRelease{aid.FamilyRefused, aid.FamilyForYearsHeld}).Draw(t, "after")
			rs.Options.YearBasis = rapid.SampledFrom([]aid.YearBasis{aid.Anniversary, aid.CalendarYear}).Draw(t, "basis")
		})
		c := b.build()
		if err := c.Validate(); err != nil {
			t.Skip("generated an invalid case")
		}
		r, err := aid.Evaluate(c, opts)
		if err != nil {
			t.Fatalf("evaluate: %v", err)
		}
		seen := map[int]bool{}
		for _, dc := range r.Decisions {
			for _, y := range dc.Years {
				if seen[y.ID] {
					t.Fatalf("year %d paid twice", y.ID)
				}
				seen[y.ID] = true
			}
		}
	})
}

func BenchmarkEvaluateTypicalCase(b *testing.B) {
	// One episode, three family members, six events, three claims.
	c := newCase(prisoner.Military, "2021-08-20").member("f1", prisoner.Spouse).member("f2", prisoner.Child).member("f3", prisoner.Parent).
		established("2022-12-01", "2023-01-10").claim("2023-01-20", annual, "f1").claim("2023-02-01", annual, "f2").claim("2024-09-01", annual, "f1").
		build()
	k := aid.New(aid.Default())
	b.ReportAllocs()
	for b.Loop() {
		if _, err := k.Evaluate(c); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzLoadRuleSet(f *testing.F) {
	f.Add(`{"name":"x","options":{"held_payee":"equal_shares"}}`)
	f.Add(`{"name":"y","parameters":{"law2022.annual":[{"valid_from":"2022-11-19","in_force":true,"amount":"1.00","citation":{"act":"2010-IX"},"confidence":"verified"}]}}`)
	f.Add(`{}`)
	f.Fuzz(func(t *testing.T, s string) {
		rs, err := aid.LoadRuleSet(strings.NewReader(s))
		if err != nil {
			return
		}
		// Whatever loads can evaluate a case without panicking.
		c := newCase(prisoner.Civilian, "2023-03-01").member("f1", prisoner.Spouse).established("2023-04-01", "2023-05-01").
			claim("2023-06-01", annual, "f1").build()
		_, _ = aid.Evaluate(c, rs)
		_ = rs.Hash()
	})
}

// AppendCitationCodes lists each distinct ground of a trace once, in the
// order of first appearance, as a plain walk over the steps would.
func TestAppendCitationCodes(t *testing.T) {
	g := synth.New(7)
	cs := append(sampleCases(t), make([]prisoner.Case, 300)...)
	for i := len(cs) - 300; i < len(cs); i++ {
		cs[i] = g.Next()
	}
	n := 0
	for _, c := range cs {
		r, err := aid.Evaluate(c, aid.Default())
		require.NoError(t, err)
		for _, d := range r.Decisions {
			var want []string
			for _, s := range d.Trace {
				if code := s.Citation().Code(); !s.Citation().IsZero() && !slices.Contains(want, code) {
					want = append(want, code)
				}
			}
			got := string(d.AppendCitationCodes([]byte("x")))
			require.Equal(t, "x"+strings.Join(want, ";"), got, "case %s claim %d", c.ID, d.Seq)
			n++
		}
	}
	assert.Greater(t, n, 300)
}
