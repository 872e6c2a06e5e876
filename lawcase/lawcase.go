// Package lawcase runs legal test cases written as data: the facts of a
// case, the reading of the law to apply, and what the law should give on
// which dates, in one JSON file a lawyer can write without Go.
//
// # The file
//
//	{
//	  "name": "A6 worked example: 6 years and 191 days round to 7",
//	  "rule": "Law 2010-IX Art. 17(6); LAW.md §6.1",
//	  "note": "free text",
//	  "rule_set": {"held_payee": "equal_shares"},
//	  "case": { ...a case, exactly as in a case file (see package prisoner)... },
//	  "expect": {
//	    "status": [{"episode": "e1", "on": "2023-01-10", "state": "held"}],
//	    "decisions": [
//	      {"seq": 3, "granted": true, "amount": "700000.00", "years": [1, 2, 3, 4, 5, 6, 7]},
//	      {"seq": 4, "refusal": "already_paid"},
//	      {"seq": 7, "granted": true, "amount": "50000.00", "shares": {"f1": "50000.00", "f3": "50000.00"}}
//	    ],
//	    "total": "750000.00"
//	  }
//	}
//
// "rule_set" takes what aid.LoadRuleSet takes; left out, or without a name,
// the case runs under RPS-1 with the changes given. Under "expect", every
// field is optional: a decision check names the claim by its seq and
// checks only what it gives ("refusal" implies "granted": false). "status"
// checks an episode's state on a day; "total" the sum granted; "warnings"
// the codes of what the rules had to assume, in order.
//
// [Check] runs one file and returns an [Outcome] listing every difference
// between what the file expects and what the library gives.
package lawcase

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/prisoner"
	"github.com/uacaptivity/captivity/status"
)

// A File is one legal test case.
type File struct {
	Name    string          `json:"name"`
	Rule    string          `json:"rule"`
	Note    string          `json:"note,omitempty"`
	RuleSet json.RawMessage `json:"rule_set,omitempty"`
	Case    json.RawMessage `json:"case"`
	Expect  Expect          `json:"expect"`
}

// Expect is what the law should give.
type Expect struct {
	Status    []StatusCheck   `json:"status,omitempty"`
	Decisions []DecisionCheck `json:"decisions,omitempty"`
	Total     string          `json:"total,omitempty"`
	// Warnings are the codes of the result's warnings, in order (what the
	// rules had to assume); given, even empty, they must match.
	Warnings *[]string `json:"warnings,omitempty"`
}

// StatusCheck expects an episode's state on a day.
type StatusCheck struct {
	Episode string       `json:"episode"`
	On      civil.Date   `json:"on"`
	State   status.State `json:"state"`
}

// DecisionCheck expects the decision on the claim with sequence number Seq.
type DecisionCheck struct {
	Seq     int               `json:"seq"`
	Granted *bool             `json:"granted,omitempty"`
	Amount  string            `json:"amount,omitempty"`
	Years   []int             `json:"years,omitempty"`
	Refusal string            `json:"refusal,omitempty"`
	Shares  map[string]string `json:"shares,omitempty"`
}

// Load reads one file strictly: unknown fields are errors.
func Load(r io.Reader) (File, error) {
	var f File
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return File{}, err
	}
	if f.Name == "" || len(f.Case) == 0 {
		return File{}, fmt.Errorf("a legal case needs a name and a case")
	}
	return f, nil
}

// An Outcome is the result of checking one file.
type Outcome struct {
	File  string   `json:"file"`
	Name  string   `json:"name"`
	Rule  string   `json:"rule"`
	Pass  bool     `json:"pass"`
	Diffs []string `json:"diffs,omitempty"`
}

// Check runs f and compares what the library gives with what f expects.
// A file whose case or rule set does not load fails with that reason.
func Check(f File) Outcome {
	out := Outcome{Name: f.Name, Rule: f.Rule}
	fail := func(format string, args ...any) { out.Diffs = append(out.Diffs, fmt.Sprintf(format, args...)) }
	rs := aid.Default()
	if len(f.RuleSet) > 0 {
		raw := f.RuleSet
		var probe struct {
			Name string `json:"name"`
		}
		_ = json.Unmarshal(raw, &probe)
		if probe.Name == "" {
			var m map[string]json.RawMessage
			if err := json.Unmarshal(raw, &m); err == nil {
				m["name"] = json.RawMessage(`"` + "test: " + strings.ReplaceAll(f.Name, `"`, "'") + `"`)
				raw, _ = json.Marshal(m)
			}
		}
		var err error
		rs, err = aid.LoadRuleSet(bytes.NewReader(raw))
		if err != nil {
			fail("rule_set: %v", err)
			return out
		}
	}
	c, err := prisoner.DecodeCase(f.Case)
	if err != nil {
		fail("case: %v", err)
		return out
	}
	res, err := aid.Evaluate(c, rs)
	if err != nil {
		fail("evaluate: %v", err)
		return out
	}
	for _, sc := range f.Expect.Status {
		got := res.Timeline.At(sc.Episode, sc.On).State
		if got != sc.State {
			fail("status of %s on %s: want %s, got %s", sc.Episode, sc.On, sc.State, got)
		}
	}
	bySeq := map[int]aid.Decision{}
	for _, d := range res.Decisions {
		bySeq[d.Seq] = d
	}
	for _, dc := range f.Expect.Decisions {
		d, ok := bySeq[dc.Seq]
		if !ok {
			fail("claim #%d: no such claim in the case", dc.Seq)
			continue
		}
		got := Describe(d)
		wantGranted := dc.Granted
		if dc.Refusal != "" {
			no := false
			wantGranted = &no
		}
		switch {
		case wantGranted != nil && *wantGranted != d.Granted:
			fail("claim #%d: want %s, got %s", dc.Seq, grantWord(*wantGranted), got)
		case dc.Refusal != "" && string(d.Refusal) != dc.Refusal:
			fail("claim #%d: want refusal %s, got %s", dc.Seq, dc.Refusal, got)
		case dc.Amount != "" && d.Amount.String() != dc.Amount:
			fail("claim #%d: want amount %s, got %s", dc.Seq, dc.Amount, got)
		case dc.Years != nil && fmt.Sprint(dc.Years) != fmt.Sprint(yearIDs(d)):
			fail("claim #%d: want years %v, got %s", dc.Seq, dc.Years, got)
		case dc.Shares != nil && !sameShares(dc.Shares, d.Shares):
			fail("claim #%d: want shares %v, got %s", dc.Seq, sortedShares(dc.Shares), got)
		}
	}
	if f.Expect.Total != "" && res.Granted().String() != f.Expect.Total {
		fail("total granted: want %s, got %s", f.Expect.Total, res.Granted())
	}
	if want := f.Expect.Warnings; want != nil {
		got := []string{}
		for _, w := range res.Warnings {
			got = append(got, string(w.Code))
		}
		if strings.Join(got, ",") != strings.Join(*want, ",") {
			fail("warnings: want [%s], got [%s]", strings.Join(*want, ", "), strings.Join(got, ", "))
		}
	}
	out.Pass = len(out.Diffs) == 0
	return out
}

func grantWord(g bool) string {
	if g {
		return "granted"
	}
	return "refused"
}

// Describe writes a decision briefly: "granted 100000.00 years [1 2]
// shares f1=…" or "refused already_paid".
func Describe(d aid.Decision) string {
	if !d.Granted {
		return "refused " + string(d.Refusal)
	}
	s := "granted " + d.Amount.String()
	if len(d.Years) > 0 {
		s += fmt.Sprintf(" years %v", yearIDs(d))
	}
	if len(d.Shares) > 1 {
		var parts []string
		for _, sh := range d.Shares {
			parts = append(parts, sh.Party+"="+sh.Amount.String())
		}
		s += " shares " + strings.Join(parts, ",")
	}
	return s
}

func yearIDs(d aid.Decision) []int {
	ids := []int{}
	for _, y := range d.Years {
		ids = append(ids, y.ID)
	}
	return ids
}

func sameShares(want map[string]string, got []aid.Share) bool {
	if len(want) != len(got) {
		return false
	}
	for _, s := range got {
		if want[s.Party] != s.Amount.String() {
			return false
		}
	}
	return true
}

func sortedShares(m map[string]string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, k+"="+m[k])
	}
	return strings.Join(parts, ",")
}

// CheckDir checks every *.json file of dir in fsys, in name order.
func CheckDir(fsys fs.FS, dir string) ([]Outcome, error) {
	if fsys == nil {
		return nil, errors.New("lawcase: CheckDir needs a file system")
	}
	names, err := fs.Glob(fsys, path.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var outs []Outcome
	for _, n := range names {
		data, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		f, err := Load(bytes.NewReader(data))
		if err != nil {
			outs = append(outs, Outcome{File: n, Diffs: []string{"cannot read the file: " + err.Error()}})
			continue
		}
		o := Check(f)
		o.File = n
		outs = append(outs, o)
	}
	return outs, nil
}
