package aid_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/law"
	"github.com/uacaptivity/captivity/prisoner"
	"github.com/uacaptivity/captivity/status"
)

// The reproductions of the review: each used to panic.
func TestNoPanicReproductions(t *testing.T) {
	release := newCase(prisoner.Military, "2023-01-10").released("2024-02-01").
		established("2024-02-05", "2024-03-01").claim("2024-03-10", prisoner.ReleaseAid, "person").build()

	t.Run("New with one schedule set takes the others' defaults (R1, Art. 7(2))", func(t *testing.T) {
		rs := aid.Default()
		only := aid.Parameters{Annual: rs.Parameters.Annual}
		res, err := aid.New(aid.RuleSet{Name: "partial", Parameters: only}).Evaluate(release)
		require.NoError(t, err)
		require.Len(t, res.Decisions, 1)
		assert.True(t, res.Decisions[0].Granted)
		assert.Equal(t, "100000.00", res.Decisions[0].Amount.String())
	})
	t.Run("a zero Calculator evaluates under RPS-1", func(t *testing.T) {
		var zero aid.Calculator
		got, err := zero.Evaluate(release)
		require.NoError(t, err)
		want, err := aid.Evaluate(release, aid.Default())
		require.NoError(t, err)
		assert.Equal(t, summaries(want), summaries(got))
		assert.Equal(t, want.Stamp, got.Stamp)
		var nilCalc *aid.Calculator
		_, err = nilCalc.Evaluate(release)
		assert.NoError(t, err)
		assert.Equal(t, aid.RPS1, nilCalc.RuleSet().Name)
	})
	t.Run("Error of zero errors", func(t *testing.T) {
		assert.NotEmpty(t, (&status.HistoryError{}).Error())
		assert.NotEmpty(t, (&prisoner.ValidationError{}).Error())
	})
}

// Build and Evaluate keep their own copy of the case: changing the
// caller's case after Evaluate, while another goroutine reads the result
// (run with -race), changes nothing the result answers.
func TestResultDoesNotAliasTheCase(t *testing.T) {
	c := newCase(prisoner.Political, "2021-05-01").member("f1", prisoner.Spouse).
		established("2022-12-01", "2023-01-10").claim("2023-01-20", annual, "f1").build()
	c.Events[len(c.Events)-1].Missing = []string{"passport"}
	res, err := aid.Evaluate(c, aid.Default())
	require.NoError(t, err)
	on := civil.MustNew(2023, 6, 1)
	wantMember := res.Timeline.Member("f1", "e1", on)
	wantCase := res.Case()
	wantEnt := res.Entitlements(on)

	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 200; i++ {
			assert.Equal(t, wantMember, res.Timeline.Member("f1", "e1", on))
			assert.Equal(t, wantEnt, res.Entitlements(on))
		}
	}()
	for i := 0; i < 200; i++ {
		c.Family[0].Ended = civil.MustNew(2022, 1, 1)
		c.Family[0].Relation = prisoner.Sibling
		c.Episodes[0].Captured = civil.MustNew(2015, 1, 1)
		c.Events[0].Date = civil.MustNew(2030, 1, 1)
		c.Events[len(c.Events)-1].Missing[0] = "changed"
	}
	wg.Wait()
	assert.Equal(t, wantMember, res.Timeline.Member("f1", "e1", on))
	assert.Equal(t, wantCase, res.Case())
	got := res.Case()
	got.Family[0].ID = "changed"
	assert.Equal(t, wantCase, res.Case(), "the copy Case returns is the caller's")
}

// The legal dates the rules turn on are data of the rule set: loaded,
// defaulted one by one, and covered by the hash (Art. 17(5)'s 2023-01-01
// here, moved by a rules file).
func TestLegalDatesAreRuleSetData(t *testing.T) {
	def := aid.Default()
	assert.Equal(t, civil.MustNew(2023, 1, 1), def.Dates.CMU328Deferral.Date)
	assert.Equal(t, civil.MustNew(2022, 11, 19), def.Dates.LawStart.Date)
	assert.Equal(t, civil.MustNew(2014, 2, 20), def.Dates.AggressionStart.Date)
	assert.Equal(t, law.Assumption, def.Dates.CMU1182Effective.Confidence)

	rs, err := aid.LoadRuleSet(strings.NewReader(`{"name": "later deferral", "dates": {"cmu328_deferral":
		{"date": "2023-06-01", "citation": {"act": "2010-IX", "article": "17", "part": "5"}, "confidence": "assumption"}}}`))
	require.NoError(t, err)
	assert.Equal(t, civil.MustNew(2023, 6, 1), rs.Dates.CMU328Deferral.Date)
	assert.Equal(t, def.Dates.LawStart, rs.Dates.LawStart, "dates not given keep their defaults")
	assert.NotEqual(t, def.Hash(), rs.Hash(), "the dates are in the hash")

	moved := def
	moved.Dates.LawStart.Date = civil.MustNew(2022, 12, 1)
	assert.NotEqual(t, def.Hash(), moved.Hash())
	zeroDates := def
	zeroDates.Dates = aid.Dates{}
	assert.Equal(t, def.Hash(), zeroDates.Hash(), "zero dates are the defaults")
}

// A claim that lacks documents is refused on the ground of the act that
// sets its aid's procedure: the 2026 civilian aid under the resolution of
// 26.12.2025, not the CMU 1281 Procedure of Law 2010-IX's aid (issue:
// the case model, 11).
func TestDocumentsRefusalCitesTheAidsOwnAct(t *testing.T) {
	c := newCase(prisoner.Civilian, "2023-03-01").released("2025-10-01").claim("2026-01-10", prisoner.CivilianAid, "person").build()
	c.Episodes[0].ReleaseKind = 0 // a release whose kind is not known is allowed
	c.Events[len(c.Events)-1].Missing = []string{"release certificate"}
	res, err := aid.Evaluate(c, aid.Default())
	require.NoError(t, err)
	d := res.Decisions[0]
	require.Equal(t, aid.DocumentsIncomplete, d.Refusal)
	assert.Equal(t, law.CMUCivilian2026, d.Reasons[0].Citation.Act)
}
