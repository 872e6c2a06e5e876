package lawcase_test

import (
	"fmt"
	"strings"

	"github.com/uacaptivity/captivity/lawcase"
)

func ExampleCheck() {
	f, _ := lawcase.Load(strings.NewReader(`{
	  "name": "29 February capture, mar1 rule",
	  "rule": "LAW.md §7 feb29_rule=mar1",
	  "rule_set": {"feb29_rule": "mar1"},
	  "case": {"id": "X", "person": {"citizenship": "UA"},
	    "episodes": [{"id": "e1", "category": "military", "serving_at_capture": true, "captured": "2024-02-29", "released": "2025-02-28", "release_kind": "exchange"}],
	    "events": [
	      {"seq": 1, "date": "2025-03-01", "kind": "application", "episode": "e1", "party": "person"},
	      {"seq": 2, "date": "2025-03-05", "kind": "decision", "episode": "e1", "decision": "establish"},
	      {"seq": 3, "date": "2025-03-10", "kind": "claim", "episode": "e1", "aid": "annual", "party": "person"}]},
	  "expect": {"decisions": [{"seq": 3, "granted": true, "amount": "100000.00"}]}}`))
	o := lawcase.Check(f)
	fmt.Println(o.Pass)
	fmt.Println(strings.Join(o.Diffs, "\n"))
	// Output:
	// false
	// claim #3: want granted, got refused nothing_due
}
