package lawcase_test

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uacaptivity/captivity/lawcase"
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
		"claim #3: want amount 600000.00, got granted 700000.00 years [1 2 3 4 5 6 7]",
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
