package aid_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/civil"
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
