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
//	    "status": [{"episode": "e1", "on": "2023-01-10", "state": "held", "since": "2023-01-10",
//	                "suspended": false, "excluded": false, "death": "none"}],
//	    "decisions": [
//	      {"seq": 3, "granted": true, "amount": "700000.00", "years": [1, 2, 3, 4, 5, 6, 7],
//	       "citations": ["2010-IX:17(6)"], "assumption": true},
//	      {"seq": 4, "refusal": "already_paid"},
//	      {"seq": 7, "granted": true, "amount": "50000.00", "shares": {"f1": "50000.00", "f3": "50000.00"}}
//	    ],
//	    "recoveries": [{"seq": 3, "payee": "person", "amount": "100000.00"}],
//	    "entitlements": [{"on": "2026-11-28", "episode": "e1", "aid": "annual", "state": "open", "party": "family"}],
//	    "warnings": ["implied_application"],
//	    "payees": {"f1": "750000.00"},
//	    "total": "750000.00"
//	  }
//	}
//
// "rule_set" takes what aid.LoadRuleSet takes (settings by name); left
// out, or without a name, the case runs under RPS-1 with the changes
// given. Under "expect", every field is optional and what is given is
// checked: a status check names an episode and a day, and may check the
// day the state began, the suspension and exclusion flags and how the
// person died; a decision check names the claim by its seq ("refusal"
// implies "granted": false); "recoveries" and "warnings", when given, must
// match exactly; each entitlement must be a line of that day; "payees" is
// the sum granted to each payee and "total" the sum granted.
//
// A file that names what the case does not have (an episode, a party) or
// what does not exist (a refusal, warning, death or entitlement code, a
// setting) is an error of its own, never a silent pass; a case that does
// not validate lists every problem; every difference is reported, one a
// line. A case file (what aidcalc reads) is named as such; aidcalc reads
// the case of a test file.
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
	"slices"
	"sort"
	"strings"

	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/law"
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

// Expect is what the law should give. Every field is optional; what is
// given is checked, and every difference is reported.
type Expect struct {
	Status    []StatusCheck   `json:"status,omitempty"`
	Decisions []DecisionCheck `json:"decisions,omitempty"`
	// Recoveries, given (even empty), are exactly the payments due back
	// after an invalidation (Art. 4(9)).
	Recoveries *[]RecoveryCheck `json:"recoveries,omitempty"`
	// Entitlements are lines the result must hold on their day (granted,
	// paid, open, unpaid_at_death); other lines may be there too.
	Entitlements []EntitlementCheck `json:"entitlements,omitempty"`
	// Warnings are the codes of the result's warnings, in order (what the
	// rules had to assume); given, even empty, they must match.
	Warnings *[]string `json:"warnings,omitempty"`
	// Total is the sum granted across the claims.
	Total string `json:"total,omitempty"`
	// Payees is the sum granted to each payee (a family member's ID,
	// "person" or "representative"); every payee of the result must be
	// listed.
	Payees map[string]string `json:"payees,omitempty"`
}

// StatusCheck expects an episode's state on a day, and, where given, the
// day it began, its flags and how the person died.
type StatusCheck struct {
	Episode   string       `json:"episode"`
	On        civil.Date   `json:"on"`
	State     status.State `json:"state"`
	Since     civil.Date   `json:"since,omitzero"`
	Suspended *bool        `json:"suspended,omitempty"`
	Excluded  *bool        `json:"excluded,omitempty"`
	// Death is "in_captivity", "after_release_linked",
	// "after_release_not_linked" or "none" (no death by that day).
	Death string `json:"death,omitempty"`
}

// DecisionCheck expects the decision on the claim with sequence number Seq.
type DecisionCheck struct {
	Seq     int               `json:"seq"`
	Granted *bool             `json:"granted,omitempty"`
	Amount  string            `json:"amount,omitempty"`
	Years   []int             `json:"years,omitempty"`
	Refusal string            `json:"refusal,omitempty"`
	Shares  map[string]string `json:"shares,omitempty"`
	// Assumption: whether a step of the decision rests on an assumption
	// rather than verified law.
	Assumption *bool `json:"assumption,omitempty"`
	// Citations are codes ("2010-IX:17(6)") each of which the decision's
	// trace must cite.
	Citations []string `json:"citations,omitempty"`
}

// RecoveryCheck expects a payment due back: the payment's seq, its payee
// and amount.
type RecoveryCheck struct {
	Seq    int    `json:"seq"`
	Payee  string `json:"payee"`
	Amount string `json:"amount"`
}

// EntitlementCheck expects a line of the entitlements on day On.
type EntitlementCheck struct {
	On      civil.Date           `json:"on"`
	Episode string               `json:"episode"`
	Aid     prisoner.AidKind     `json:"aid"`
	State   aid.EntitlementState `json:"state"`
	Party   string               `json:"party,omitempty"`
	Amount  string               `json:"amount,omitempty"`
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
	// DiffsUK are the same differences in Ukrainian, in the same order.
	DiffsUK []string `json:"diffs_uk,omitempty"`
}

// Check runs f and compares what the library gives with what f expects.
// A file whose case or rule set does not load fails with that reason.
func Check(f File) Outcome {
	out := Outcome{Name: f.Name, Rule: f.Rule}
	fail := func(uk, en string, args ...any) {
		out.Diffs = append(out.Diffs, fmt.Sprintf(en, args...))
		out.DiffsUK = append(out.DiffsUK, fmt.Sprintf(uk, args...))
	}
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
			// One line per problem of the rule set (a misspelt setting, a
			// bad value), as for every other mistake of a file.
			var multi interface{ Unwrap() []error }
			if errors.As(err, &multi) {
				for _, e := range multi.Unwrap() {
					fail("rule_set: %v", "rule_set: %v", e)
				}
			} else {
				fail("rule_set: %v", "rule_set: %v", err)
			}
			return out
		}
	}
	c, err := prisoner.DecodeCase(f.Case)
	if err != nil {
		var ve *prisoner.ValidationError
		if errors.As(err, &ve) {
			for _, fe := range ve.Fields {
				out.Diffs = append(out.Diffs, "case: "+fe.Path+": "+fe.Message.EN)
				out.DiffsUK = append(out.DiffsUK, "справа: "+fe.Path+": "+fe.Message.UK)
			}
		} else {
			fail("справа: %v", "case: %v", err)
		}
		return out
	}
	if probs, probsUK := checkRefs(f.Expect, c); len(probs) > 0 {
		out.Diffs, out.DiffsUK = probs, probsUK
		return out
	}
	res, err := aid.Evaluate(c, rs)
	if err != nil {
		var he *status.HistoryError
		if errors.As(err, &he) {
			for _, p := range he.Problems {
				out.Diffs = append(out.Diffs, fmt.Sprintf("case: %s (seq %d): %s", p.Path, p.Seq, p.Message.EN))
				out.DiffsUK = append(out.DiffsUK, fmt.Sprintf("справа: %s (№ %d): %s", p.Path, p.Seq, p.Message.UK))
			}
		} else {
			fail("оцінка: %v", "evaluate: %v", err)
		}
		return out
	}
	for _, sc := range f.Expect.Status {
		snap := res.Timeline.At(sc.Episode, sc.On)
		at := fmt.Sprintf("status of %s on %s", sc.Episode, sc.On)
		if snap.State != sc.State {
			fail("%s: очікується %s, маємо %s", "%s: want %s, got %s", at, sc.State, snap.State)
		}
		if !sc.Since.IsZero() && snap.Since != sc.Since {
			fail("%s: очікується з %s, маємо з %s", "%s: want since %s, got since %s", at, sc.Since, orNone(snap.Since))
		}
		if sc.Suspended != nil && *sc.Suspended != snap.Suspended {
			fail("%s: очікується «розгляд зупинено» %t, маємо %t", "%s: want suspended %t, got %t", at, *sc.Suspended, snap.Suspended)
		}
		if sc.Excluded != nil && *sc.Excluded != snap.Excluded {
			fail("%s: очікується «виключено» %t, маємо %t", "%s: want excluded %t, got %t", at, *sc.Excluded, snap.Excluded)
		}
		if sc.Death != "" {
			ep, _ := c.EpisodeByID(sc.Episode)
			got := "none"
			if !ep.Died.IsZero() && !ep.Died.After(sc.On) {
				got = ep.Death()
			}
			if got != sc.Death {
				fail("%s: очікується смерть %s, маємо %s", "%s: want death %s, got %s", at, sc.Death, got)
			}
		}
	}
	bySeq := map[int]aid.Decision{}
	for _, d := range res.Decisions {
		bySeq[d.Seq] = d
	}
	for _, dc := range f.Expect.Decisions {
		d, ok := bySeq[dc.Seq]
		if !ok {
			fail("звернення №%d: такого звернення у справі немає", "claim #%d: no such claim in the case", dc.Seq)
			continue
		}
		got := Describe(d)
		wantGranted := dc.Granted
		if dc.Refusal != "" {
			no := false
			wantGranted = &no
		}
		if wantGranted != nil && *wantGranted != d.Granted {
			out.Diffs = append(out.Diffs, fmt.Sprintf("claim #%d: want %s, got %s", dc.Seq, grantWord(*wantGranted), got))
			out.DiffsUK = append(out.DiffsUK, fmt.Sprintf("звернення №%d: очікується %s, маємо %s", dc.Seq, grantWordUK(*wantGranted), describeUK(d)))
			continue // what else the file expects of it follows from the outcome
		}
		if dc.Refusal != "" && string(d.Refusal) != dc.Refusal {
			out.Diffs = append(out.Diffs, fmt.Sprintf("claim #%d: want refusal %s, got %s", dc.Seq, dc.Refusal, got))
			out.DiffsUK = append(out.DiffsUK, fmt.Sprintf("звернення №%d: очікується відмова %s, маємо %s", dc.Seq, dc.Refusal, describeUK(d)))
		}
		if dc.Amount != "" && d.Amount.String() != dc.Amount {
			fail("звернення №%d: очікується сума %s, маємо %s", "claim #%d: want amount %s, got %s", dc.Seq, dc.Amount, d.Amount)
		}
		if dc.Years != nil && fmt.Sprint(dc.Years) != fmt.Sprint(yearIDs(d)) {
			fail("звернення №%d: очікуються роки %v, маємо %v", "claim #%d: want years %v, got %v", dc.Seq, dc.Years, yearIDs(d))
		}
		if dc.Shares != nil && !sameShares(dc.Shares, d.Shares) {
			fail("звернення №%d: очікуються частки %s, маємо %s", "claim #%d: want shares %s, got %s", dc.Seq, sortedShares(dc.Shares), sharesOf(d.Shares))
		}
		if dc.Assumption != nil && *dc.Assumption != d.Assumed() {
			fail("звернення №%d: очікується «є припущення» %t, маємо %t", "claim #%d: want assumption %t, got %t", dc.Seq, *dc.Assumption, d.Assumed())
		}
		if len(dc.Citations) > 0 {
			cited := strings.Split(string(d.AppendCitationCodes(nil)), ";")
			for _, want := range dc.Citations {
				if !slices.Contains(cited, want) {
					fail("звернення №%d: очікується крок із посиланням на %s, маємо посилання %s", "claim #%d: want a step citing %s, got citations %s", dc.Seq, want, strings.Join(cited, ", "))
				}
			}
		}
	}
	if want := f.Expect.Recoveries; want != nil {
		var w, g []string
		for _, x := range *want {
			w = append(w, fmt.Sprintf("#%d %s %s", x.Seq, x.Payee, x.Amount))
		}
		for _, x := range res.Recoveries {
			g = append(g, fmt.Sprintf("#%d %s %s", x.Seq, x.Payee, x.Amount))
		}
		slices.Sort(w)
		slices.Sort(g)
		if !slices.Equal(w, g) {
			fail("до повернення: очікується [%s], маємо [%s]", "recoveries: want [%s], got [%s]", strings.Join(w, ", "), strings.Join(g, ", "))
		}
	}
	for _, ec := range f.Expect.Entitlements {
		lines := res.Entitlements(ec.On)
		found := false
		var seen []string
		for _, e := range lines {
			if e.Episode != ec.Episode || e.Aid != ec.Aid {
				continue
			}
			seen = append(seen, fmt.Sprintf("%s %s %s", e.State, e.Party, e.Amount))
			if e.State == ec.State && (ec.Party == "" || e.Party == ec.Party) && (ec.Amount == "" || e.Amount.String() == ec.Amount) {
				found = true
			}
		}
		if !found {
			fail("право %s %s на %s: очікується %s %s %s, маємо [%s]", "entitlement %s %s on %s: want %s %s %s, got [%s]", ec.Episode, ec.Aid, ec.On, ec.State, orAny(ec.Party), orAny(ec.Amount), strings.Join(seen, ", "))
		}
	}
	if f.Expect.Total != "" && res.Granted().String() != f.Expect.Total {
		fail("усього призначено: очікується %s, маємо %s", "total granted: want %s, got %s", f.Expect.Total, res.Granted())
	}
	if f.Expect.Payees != nil {
		got := map[string]aid.Money{}
		for _, d := range res.Decisions {
			if d.Granted {
				for _, sh := range d.Shares {
					if d.Aid == prisoner.DeathAid && sh.Party != d.Claimant {
						continue // each claimant's decision lists every share; count its own
					}
					got[sh.Party] = got[sh.Party].Add(sh.Amount)
				}
			}
		}
		gotS := map[string]string{}
		for k, v := range got {
			gotS[k] = v.String()
		}
		if sortedShares(gotS) != sortedShares(f.Expect.Payees) {
			fail("суми за отримувачами: очікується %s, маємо %s", "totals per payee: want %s, got %s", sortedShares(f.Expect.Payees), sortedShares(gotS))
		}
	}
	if want := f.Expect.Warnings; want != nil {
		got := []string{}
		for _, w := range res.Warnings {
			got = append(got, string(w.Code))
		}
		if strings.Join(got, ",") != strings.Join(*want, ",") {
			fail("попередження: очікується [%s], маємо [%s]", "warnings: want [%s], got [%s]", strings.Join(*want, ", "), strings.Join(got, ", "))
		}
	}
	out.Pass = len(out.Diffs) == 0
	return out
}

// checkRefs finds what a file expects of things the case or the library
// does not have: an episode or a party the case does not name, a refusal,
// death, entitlement state or warning code that does not exist. Each is an
// error of the file, not a silent pass or a bare mismatch.
func checkRefs(x Expect, c prisoner.Case) (en, uk []string) {
	var out, outUK []string
	bad := func(uk, en string, args ...any) {
		out = append(out, fmt.Sprintf(en, args...))
		outUK = append(outUK, fmt.Sprintf(uk, args...))
	}
	episode := func(where, id string) {
		if _, ok := c.EpisodeByID(id); !ok {
			var ids []string
			for _, e := range c.Episodes {
				ids = append(ids, e.ID)
			}
			bad("%s: у справі немає епізоду %q (її епізоди: %s)", "%s: the case has no episode %q (its episodes: %s)", where, id, strings.Join(ids, ", "))
		}
	}
	party := func(where, id string, extra ...string) {
		if id == prisoner.PartyPerson || id == prisoner.PartyRepresentative || slices.Contains(extra, id) {
			return
		}
		if _, ok := c.Member(id); !ok {
			ids := []string{prisoner.PartyPerson, prisoner.PartyRepresentative}
			for _, m := range c.Family {
				ids = append(ids, m.ID)
			}
			ids = append(ids, extra...)
			bad("%s: у справі немає сторони %q (її сторони: %s)", "%s: the case has no party %q (its parties: %s)", where, id, strings.Join(ids, ", "))
		}
	}
	codes := aid.Codes()
	for i, sc := range x.Status {
		where := fmt.Sprintf("expect.status[%d]", i)
		episode(where, sc.Episode)
		if sc.On.IsZero() {
			bad("%s: потрібен день (on)", "%s: needs a day (on)", where)
		}
		if sc.State == 0 {
			bad("%s: потрібен статус (state)", "%s: needs a state", where)
		}
		if sc.Death != "" && !slices.Contains([]string{"none", "in_captivity", "after_release_linked", "after_release_not_linked"}, sc.Death) {
			bad("%s: смерть %q — не одне з none, in_captivity, after_release_linked, after_release_not_linked", "%s: death %q is not one of none, in_captivity, after_release_linked, after_release_not_linked", where, sc.Death)
		}
	}
	for i, dc := range x.Decisions {
		where := fmt.Sprintf("expect.decisions[%d] (claim #%d)", i, dc.Seq)
		if _, ok := codes[aid.Code(dc.Refusal)]; dc.Refusal != "" && !ok {
			bad("%s: %q — не код відмови (%s)", "%s: %q is not a refusal code (%s)", where, dc.Refusal, knownCodes(codes))
		}
		if dc.Refusal != "" && dc.Granted != nil && *dc.Granted {
			bad("%s: відмова і granted: true суперечать одне одному", "%s: a refusal and granted: true contradict each other", where)
		}
		for p := range dc.Shares {
			party(where+".shares", p)
		}
	}
	if x.Recoveries != nil {
		for i, r := range *x.Recoveries {
			party(fmt.Sprintf("expect.recoveries[%d]", i), r.Payee)
		}
	}
	states := []aid.EntitlementState{aid.StateGranted, aid.StatePaid, aid.StateOpen, aid.StateUnpaidAtDeath}
	for i, ec := range x.Entitlements {
		where := fmt.Sprintf("expect.entitlements[%d]", i)
		episode(where, ec.Episode)
		if ec.On.IsZero() {
			bad("%s: потрібен день (on)", "%s: needs a day (on)", where)
		}
		if !slices.Contains(states, ec.State) {
			bad("%s: стан %q — не одне з granted, paid, open, unpaid_at_death", "%s: state %q is not one of granted, paid, open, unpaid_at_death", where, ec.State)
		}
		if ec.Party != "" {
			party(where, ec.Party, aid.PartyFamily, aid.PartyEstate)
		}
	}
	for p := range x.Payees {
		party("expect.payees", p)
	}
	if x.Warnings != nil {
		known := []string{string(prisoner.WarnImpliedApplication), string(prisoner.WarnNoRegisterRecord), string(prisoner.WarnReleaseKindUnknown)}
		for i, w := range *x.Warnings {
			if !slices.Contains(known, w) {
				bad("expect.warnings[%d]: %q — не код попередження (%s)", "expect.warnings[%d]: %q is not a warning code (%s)", i, w, strings.Join(known, ", "))
			}
		}
	}
	return out, outUK
}

func knownCodes(m map[aid.Code]law.Text) string {
	var out []string
	for c := range m {
		out = append(out, string(c))
	}
	slices.Sort(out)
	return strings.Join(out, ", ")
}

func orNone(d civil.Date) string {
	if d.IsZero() {
		return "none"
	}
	return d.String()
}

func orAny(s string) string {
	if s == "" {
		return "(any)"
	}
	return s
}

func sharesOf(shares []aid.Share) string {
	var parts []string
	for _, sh := range shares {
		parts = append(parts, sh.Party+"="+sh.Amount.String())
	}
	slices.Sort(parts)
	return strings.Join(parts, ",")
}

func grantWord(g bool) string {
	if g {
		return "granted"
	}
	return "refused"
}

// Describe writes a decision briefly: "granted 100000.00 years [1 2]
// shares f1=…" or "refused already_paid".
func Describe(d aid.Decision) string { return describe(d, false) }

// describe writes a decision briefly, in Ukrainian when uk.
func describe(d aid.Decision, uk bool) string {
	granted, refused, years, shares := "granted ", "refused ", " years %v", " shares "
	if uk {
		granted, refused, years, shares = "призначено ", "відмовлено ", " роки %v", " частки "
	}
	if !d.Granted {
		return refused + string(d.Refusal)
	}
	s := granted + d.Amount.String()
	if len(d.Years) > 0 {
		s += fmt.Sprintf(years, yearIDs(d))
	}
	if len(d.Shares) > 1 {
		var parts []string
		for _, sh := range d.Shares {
			parts = append(parts, sh.Party+"="+sh.Amount.String())
		}
		s += shares + strings.Join(parts, ",")
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

// nameOf returns the name a file gives itself, read leniently, for a file
// that does not load.
func nameOf(data []byte) string {
	var probe struct {
		Name string `json:"name"`
	}
	_ = json.Unmarshal(data, &probe)
	return probe.Name
}

// readError says why a file is not a legal test case: a case file (the
// kind aidcalc reads) is named as such, with how to make a test of it.
func readError(data []byte, err error) (en, uk string) {
	if isCaseFile(data) {
		return `this is a case file, not a legal test case: put it under "case" in {"name": "...", "rule": "...", "case": {...}, "expect": {...}}`,
			`це файл справ, а не юридичний тест: покладіть його в "case" у {"name": "...", "rule": "...", "case": {...}, "expect": {...}}`
	}
	return "cannot read the file: " + err.Error(), "файл не вдалося прочитати: " + err.Error()
}

func grantWordUK(g bool) string {
	if g {
		return "призначено"
	}
	return "відмовлено"
}

// describeUK is [Describe] in Ukrainian.
func describeUK(d aid.Decision) string { return describe(d, true) }

// isCaseFile reports whether data looks like a case file (an object with
// an id and episodes, or an array of them) rather than a legal test case.
func isCaseFile(data []byte) bool {
	var probe map[string]json.RawMessage
	if json.Unmarshal(data, &probe) != nil {
		var arr []map[string]json.RawMessage
		if json.Unmarshal(data, &arr) != nil || len(arr) == 0 {
			return false
		}
		probe = arr[0]
	}
	_, id := probe["id"]
	_, eps := probe["episodes"]
	_, cs := probe["case"]
	return id && eps && !cs
}

// CaseOf returns the case of a legal test case file, as case-file JSON,
// and whether data is one: what aidcalc -in reads from a test.
func CaseOf(data []byte) ([]byte, bool) {
	var probe map[string]json.RawMessage
	if json.Unmarshal(data, &probe) != nil {
		return nil, false
	}
	c, hasCase := probe["case"]
	_, hasExpect := probe["expect"]
	if !hasCase || !hasExpect {
		return nil, false
	}
	return c, true
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
			en, uk := readError(data, err)
			outs = append(outs, Outcome{File: n, Name: nameOf(data), Diffs: []string{en}, DiffsUK: []string{uk}})
			continue
		}
		o := Check(f)
		o.File = n
		outs = append(outs, o)
	}
	return outs, nil
}
