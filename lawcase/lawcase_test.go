package lawcase_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/lawcase"
	"github.com/uacaptivity/captivity/status"
)

// Every legal case under testdata/ holds.
func TestLegalCases(t *testing.T) {
	outs, err := lawcase.CheckDir(os.DirFS("testdata"), ".")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(outs), 40)
	for _, o := range outs {
		t.Run(o.File, func(t *testing.T) {
			assert.True(t, o.Pass, "%s (%s):\n%s", o.Name, o.Rule, strings.Join(o.Diffs, "\n"))
		})
	}
}

func TestDiffsAreShown(t *testing.T) {
	f, err := lawcase.Load(strings.NewReader(`{
	  "name": "wrong on purpose", "rule": "A6",
	  "case": {"id": "W", "person": {"citizenship": "UA"},
	    "episodes": [{"id": "e1", "category": "political", "captured": "2016-05-12"}],
	    "family": [{"id": "f1", "relation": "parent"}],
	    "events": [
	      {"seq": 1, "date": "2022-12-01", "kind": "application", "episode": "e1", "party": "f1"},
	      {"seq": 2, "date": "2023-01-10", "kind": "decision", "episode": "e1", "decision": "establish"},
	      {"seq": 3, "date": "2023-01-20", "kind": "claim", "episode": "e1", "aid": "annual", "party": "f1"}]},
	  "expect": {
	    "status": [{"episode": "e1", "on": "2023-01-09", "state": "held"}],
	    "decisions": [{"seq": 3, "granted": true, "amount": "600000.00"}, {"seq": 9, "refusal": "already_paid"}],
	    "total": "1.00", "warnings": ["implied_application"]}}`))
	require.NoError(t, err)
	o := lawcase.Check(f)
	assert.False(t, o.Pass)
	assert.Equal(t, []string{
		"status of e1 on 2023-01-09: want held, got applied",
		"claim #3: want amount 600000.00, got 700000.00",
		"claim #9: no such claim in the case",
		"total granted: want 1.00, got 700000.00",
		"warnings: want [implied_application], got []",
	}, o.Diffs)
}

func TestLoadRejects(t *testing.T) {
	for name, s := range map[string]string{
		"unknown field": `{"name":"x","case":{},"expext":{}}`,
		"no case":       `{"name":"x"}`,
		"not json":      `{`,
	} {
		_, err := lawcase.Load(strings.NewReader(s))
		assert.Error(t, err, name)
	}
	o := lawcase.Check(lawcase.File{Name: "bad case", Case: []byte(`{"id":"x"}`)})
	assert.False(t, o.Pass)
	assert.Contains(t, o.Diffs[0], "case:")
	o = lawcase.Check(lawcase.File{Name: "bad rules", Case: []byte(`{}`), RuleSet: []byte(`{"options":{"held_payee":"all"}}`)})
	assert.Contains(t, o.Diffs[0], "rule_set:")
}

// A file with mistakes in it gets one error per mistake, before anything
// is evaluated: an episode the case does not have (which would otherwise
// read as state none and pass), a refusal code, a party, a death, an
// entitlement state and a warning code that do not exist.
func TestMistakesInAFileAreErrors(t *testing.T) {
	f, err := lawcase.Load(strings.NewReader(`{
	  "name": "mistakes", "rule": "none",
	  "case": {"id": "M", "person": {"citizenship": "UA"},
	    "episodes": [{"id": "e1", "category": "civilian", "captured": "2023-02-10"}],
	    "family": [{"id": "f1", "relation": "parent"}],
	    "events": [
	      {"seq": 1, "date": "2023-03-01", "kind": "application", "episode": "e1", "party": "f1"},
	      {"seq": 2, "date": "2023-04-01", "kind": "decision", "episode": "e1", "decision": "establish"},
	      {"seq": 3, "date": "2023-05-01", "kind": "claim", "episode": "e1", "aid": "annual", "party": "f1"}]},
	  "expect": {
	    "status": [{"episode": "E1", "on": "2023-01-01", "state": "none"}, {"episode": "e1", "on": "2023-05-01", "state": "held", "death": "drowned"}],
	    "decisions": [{"seq": 3, "refusal": "year_already_paid"}, {"seq": 3, "granted": true, "shares": {"f9": "100000.00"}}],
	    "entitlements": [{"on": "2023-06-01", "episode": "e1", "aid": "annual", "state": "owed"}],
	    "warnings": ["nope"]}}`))
	require.NoError(t, err)
	o := lawcase.Check(f)
	assert.False(t, o.Pass)
	require.Len(t, o.Diffs, 6, strings.Join(o.Diffs, "\n"))
	for i, want := range []string{`no episode "E1"`, `death "drowned"`, `"year_already_paid" is not a refusal code`, `no party "f9"`, `state "owed"`, `"nope" is not a warning code`} {
		assert.Contains(t, o.Diffs[i], want)
	}
}

// Every difference is listed, each field of each check on its own line.
func TestEveryDifferenceIsListed(t *testing.T) {
	data, err := os.ReadFile("testdata/085-art4-9-recovery-after-invalidation-checked-in-full.json")
	require.NoError(t, err)
	f, err := lawcase.Load(bytes.NewReader(data))
	require.NoError(t, err)
	yes := true
	f.Expect.Status = []lawcase.StatusCheck{{Episode: "e1", On: civil.MustParse("2023-08-01"), State: status.Released,
		Since: civil.MustParse("2023-07-02"), Excluded: &yes, Suspended: &yes, Death: "in_captivity"}}
	f.Expect.Decisions = []lawcase.DecisionCheck{{Seq: 3, Granted: &yes, Amount: "1.00", Citations: []string{"2010-IX:7(1)"}, Assumption: &yes}}
	f.Expect.Recoveries = &[]lawcase.RecoveryCheck{}
	f.Expect.Payees = map[string]string{"person": "1.00"}
	o := lawcase.Check(f)
	assert.Equal(t, []string{
		"status of e1 on 2023-08-01: want since 2023-07-02, got since 2023-07-01",
		"status of e1 on 2023-08-01: want suspended true, got false",
		"status of e1 on 2023-08-01: want excluded true, got false",
		"status of e1 on 2023-08-01: want death in_captivity, got none",
		"claim #3: want amount 1.00, got 100000.00",
		"claim #3: want assumption true, got false",
		"claim #3: want a step citing 2010-IX:7(1), got citations 2010-IX:7(2), 2010-IX:4(7)",
		"recoveries: want [], got [#3 person 100000.00]",
		"totals per payee: want person=1.00, got person=100000.00",
	}, o.Diffs)
}

// A case that does not validate lists every problem.
func TestInvalidCaseListsEveryProblem(t *testing.T) {
	o := lawcase.Check(lawcase.File{Name: "bad", Case: []byte(`{"id":"","person":{"citizenship":"XX"},"episodes":[{"id":"e1","category":"pow","captured":"2023-02-30"}]}`)})
	assert.False(t, o.Pass)
	assert.GreaterOrEqual(t, len(o.Diffs), 3, strings.Join(o.Diffs, "\n"))
	for _, d := range o.Diffs {
		assert.True(t, strings.HasPrefix(d, "case: "), d)
	}
}

// Each mistake of a rule set is an error of its own.
func TestRuleSetMistakesOneEach(t *testing.T) {
	o := lawcase.Check(lawcase.File{Name: "bad settings", Case: []byte(`{}`), RuleSet: []byte(`{"held_paye":"x","year_basi":"y"}`)})
	assert.False(t, o.Pass)
	require.Len(t, o.Diffs, 2, strings.Join(o.Diffs, "\n"))
	assert.Contains(t, o.Diffs[0], `did you mean "held_payee"`)
	assert.Contains(t, o.Diffs[1], `did you mean "year_basis"`)
}
