package aid

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/law"
	"github.com/uacaptivity/captivity/prisoner"
)

// A Difference is one setting in which two rule sets differ: an option of
// LAW.md §8 ("held_claim_scope"), the 29 February rule, the split
// rounding, the claim deadline, a status option, or a parameter
// ("law2022.annual"), with its value in each.
type Difference struct {
	Name     string       `json:"name"`
	A        string       `json:"a"`
	B        string       `json:"b"`
	Citation law.Citation `json:"citation"`
}

// Differences lists the settings in which a and b differ, in a stable
// order. Names do not count.
func Differences(a, b RuleSet) []Difference {
	ma, mb := settings(a), settings(b)
	var out []Difference
	for _, k := range sortedKeys(ma, mb) {
		if !bytes.Equal(ma[k], mb[k]) {
			c := law.Cite(law.Brief, "8").WithNote(k)
			if len(k) > 8 && (k[:8] == "law2022." || k[:8] == "reg2018." || k[:8] == "reg2026.") {
				c = law.Cite(law.Brief, "6.5").WithNote(k)
			}
			out = append(out, Difference{Name: k, A: string(ma[k]), B: string(mb[k]), Citation: c})
		}
	}
	return out
}

// settings flattens a rule set into named JSON values.
func settings(rs RuleSet) map[string][]byte {
	m := map[string][]byte{}
	put := func(prefix string, v any) {
		b, _ := json.Marshal(v)
		var obj map[string]json.RawMessage
		if json.Unmarshal(b, &obj) == nil && prefix != "" {
			for k, val := range obj {
				m[k] = val
			}
			return
		}
		m[prefix] = b
	}
	put("options", rs.Options.normalized())
	put("status", rs.Status)
	m["feb29_rule"], _ = json.Marshal(rs.Feb29)
	m["split_rounding"], _ = json.Marshal(rs.SplitRounding.norm())
	m["claim_deadline_days"], _ = json.Marshal(rs.ClaimDeadlineDays)
	m["commission_term_days"], _ = json.Marshal(cmp.Or(rs.CommissionTermDays, DefaultCommissionTermDays))
	p := rs.Parameters
	if p.Annual == nil {
		p = DefaultParameters()
	}
	for i, s := range p.all() {
		m[paramNames[i]], _ = json.Marshal(s)
	}
	return m
}

// sortedKeys returns the keys of all the maps, each once, sorted.
func sortedKeys[V any](ms ...map[string]V) []string {
	seen := map[string]bool{}
	var keys []string
	for _, m := range ms {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	sort.Strings(keys)
	return keys
}

// with returns a with the single setting d taken from b.
func with(a, b RuleSet, name string) RuleSet {
	ma, mb := settings(a), settings(b)
	ma[name] = mb[name]
	var out RuleSet
	out.Name = a.Name + " with " + name + " of " + b.Name
	opts := map[string]json.RawMessage{}
	status := map[string]json.RawMessage{}
	params := map[string]json.RawMessage{}
	for k, v := range ma {
		switch {
		case indexOf(paramNames, k) >= 0:
			params[k] = v
		case k == "decision_effective_on" || k == "family_status_assessed_at":
			status[k] = v
		case k == "feb29_rule":
			_ = json.Unmarshal(v, &out.Feb29)
		case k == "split_rounding":
			_ = json.Unmarshal(v, &out.SplitRounding)
		case k == "claim_deadline_days":
			_ = json.Unmarshal(v, &out.ClaimDeadlineDays)
		case k == "commission_term_days":
			_ = json.Unmarshal(v, &out.CommissionTermDays)
		default:
			opts[k] = v
		}
	}
	ob, _ := json.Marshal(opts)
	_ = json.Unmarshal(ob, &out.Options)
	sb, _ := json.Marshal(status)
	_ = json.Unmarshal(sb, &out.Status)
	pb, _ := json.Marshal(params)
	if err := json.Unmarshal(pb, &out.Parameters); err != nil {
		out.Parameters = a.Parameters
	}
	return out
}

// An Outcome is a decision in brief, for comparisons.
type Outcome struct {
	Granted bool    `json:"granted"`
	Amount  Money   `json:"amount"`
	Years   []int   `json:"years,omitempty"`
	Shares  []Share `json:"shares,omitempty"`
	Refusal Code    `json:"refusal,omitempty"`
}

func outcome(d Decision) Outcome {
	o := Outcome{Granted: d.Granted, Amount: d.Amount, Refusal: d.Refusal, Shares: d.Shares}
	for _, y := range d.Years {
		o.Years = append(o.Years, y.ID)
	}
	return o
}

// String returns the stable code of o.
func (o Outcome) String() string {
	if !o.Granted {
		return "refused " + string(o.Refusal)
	}
	s := "granted " + o.Amount.String()
	if len(o.Years) > 0 {
		s += fmt.Sprintf(" for years %v", o.Years)
	}
	if len(o.Shares) > 1 {
		s += " to"
		for _, sh := range o.Shares {
			s += " " + sh.Party + "=" + sh.Amount.String()
		}
	}
	return s
}

func (o Outcome) same(p Outcome) bool {
	if len(o.Shares) != len(p.Shares) {
		return false
	}
	for i := range o.Shares {
		if o.Shares[i].Party != p.Shares[i].Party || !o.Shares[i].Amount.Equal(p.Shares[i].Amount) {
			return false
		}
	}
	return o.Granted == p.Granted && o.Amount.Equal(p.Amount) && o.Refusal == p.Refusal && fmt.Sprint(o.Years) == fmt.Sprint(p.Years)
}

// A ClaimChange compares one claim's decision under two rule sets. Delta
// is B minus A; Causes are the settings that change this claim's decision
// on their own (each tried alone on top of A), with their citations.
type ClaimChange struct {
	Seq      int              `json:"seq"`
	Date     civil.Date       `json:"date"`
	Episode  string           `json:"episode"`
	Aid      prisoner.AidKind `json:"aid"`
	Claimant string           `json:"claimant"`
	A        Outcome          `json:"a"`
	B        Outcome          `json:"b"`
	Delta    Money            `json:"delta"`
	Changed  bool             `json:"changed"`
	Causes   []Difference     `json:"causes,omitempty"`
}

// A KindTotal compares what one aid kind is worth, granted and open, on
// the comparison day.
type KindTotal struct {
	Aid   prisoner.AidKind `json:"aid"`
	A     Money            `json:"a"`
	B     Money            `json:"b"`
	Delta Money            `json:"delta"`
}

// A PartyTotal compares what one payee receives or may claim.
type PartyTotal struct {
	Party string `json:"party"`
	A     Money  `json:"a"`
	B     Money  `json:"b"`
	Delta Money  `json:"delta"`
}

// An EntitlementChange is a line of the entitlements on the comparison
// day, other than a grant (grants are [ClaimChange]s) and a recorded
// payment (a fact, the same under both), that differs between the rule
// sets: what is open to claim, or what a death left unpaid. A is its
// amount under the first rule set (zero if it has no such line), B under
// the second.
type EntitlementChange struct {
	Episode string           `json:"episode"`
	Aid     prisoner.AidKind `json:"aid"`
	State   EntitlementState `json:"state"`
	Party   string           `json:"party"`
	A       Money            `json:"a"`
	B       Money            `json:"b"`
	YearsA  []int            `json:"years_a,omitempty"`
	YearsB  []int            `json:"years_b,omitempty"`
	Delta   Money            `json:"delta"`
}

// A MoneyPair is an amount under two rule sets: A under the first, B
// under the second.
type MoneyPair struct {
	A Money `json:"a"`
	B Money `json:"b"`
}

// A Comparison is one case evaluated under two rule sets.
type Comparison struct {
	CaseID      string        `json:"case_id"`
	A           string        `json:"a"`
	B           string        `json:"b"`
	AsOf        civil.Date    `json:"as_of"`
	Differences []Difference  `json:"differences"`
	Claims      []ClaimChange `json:"claims"`
	// Entitlements are the open (and unpaid-at-death) lines that differ.
	Entitlements []EntitlementChange `json:"entitlements,omitempty"`
	// Granted is the sum of the granted decisions (what the main report
	// calls granted in all), Paid the payments recorded in the case, Open
	// what is still open to claim on AsOf; TotalA and TotalB are
	// Granted + Paid + Open under each rule set.
	Granted MoneyPair `json:"granted"`
	Paid    MoneyPair `json:"paid"`
	Open    MoneyPair `json:"open"`
	// Kinds are granted plus open entitlements per aid kind on AsOf.
	Kinds []KindTotal `json:"kinds"`
	// Parties are the same per payee ("person", a family member, or
	// "family" for what any family member may still claim): who gains and
	// who loses.
	Parties []PartyTotal `json:"parties"`
	TotalA  Money        `json:"total_a"`
	TotalB  Money        `json:"total_b"`
	// RecoveryA and RecoveryB are what is due back after an invalidation
	// (Art. 4(9)) under each rule set.
	RecoveryA Money `json:"recovery_a"`
	RecoveryB Money `json:"recovery_b"`
	// Delta is the net difference: (TotalB − RecoveryB) − (TotalA −
	// RecoveryA), the cost of B against A.
	Delta Money `json:"delta"`
	// Same is true when nothing the case receives differs.
	Same bool `json:"same"`
}

// Compare evaluates c under a and b and reports, claim by claim and per
// aid kind on asOf (granted plus still open), what changed, by how much,
// and which setting caused each change. A claim whose decision does not
// change is reported with Changed false and a zero delta.
func Compare(c prisoner.Case, a, b RuleSet, asOf civil.Date) (Comparison, error) {
	ra, err := Evaluate(c, a)
	if err != nil {
		return Comparison{}, err
	}
	rb, err := Evaluate(c, b)
	if err != nil {
		return Comparison{}, err
	}
	cmp := Comparison{CaseID: c.ID, A: a.Name, B: b.Name, AsOf: asOf, Differences: Differences(a, b), Same: true}
	// What each setting alone does to the decisions.
	alone := map[string][]Outcome{}
	for _, d := range cmp.Differences {
		r, err := Evaluate(c, with(a, b, d.Name))
		if err != nil {
			continue
		}
		for _, dec := range r.Decisions {
			alone[d.Name] = append(alone[d.Name], outcome(dec))
		}
	}
	for i, da := range ra.Decisions {
		db := rb.Decisions[i]
		oa, ob := outcome(da), outcome(db)
		ch := ClaimChange{Seq: da.Seq, Date: da.Date, Episode: da.Episode, Aid: da.Aid, Claimant: da.Claimant, A: oa, B: ob,
			Delta: db.Amount.Sub(da.Amount), Changed: !oa.same(ob)}
		if ch.Changed {
			cmp.Same = false
			for _, d := range cmp.Differences {
				if outs := alone[d.Name]; i < len(outs) && !outs[i].same(oa) {
					ch.Causes = append(ch.Causes, d)
				}
			}
			if len(ch.Causes) == 0 && len(cmp.Differences) > 0 {
				ch.Causes = cmp.Differences // only the settings together make the change
			}
		}
		cmp.Claims = append(cmp.Claims, ch)
	}
	ka, kb := kindTotals(ra, asOf), kindTotals(rb, asOf)
	for _, k := range prisoner.AidKinds() {
		if ka[k].IsZero() && kb[k].IsZero() {
			continue
		}
		kt := KindTotal{Aid: k, A: ka[k], B: kb[k], Delta: kb[k].Sub(ka[k])}
		if !kt.Delta.IsZero() {
			cmp.Same = false
		}
		cmp.Kinds = append(cmp.Kinds, kt)
		cmp.TotalA, cmp.TotalB = cmp.TotalA.Add(kt.A), cmp.TotalB.Add(kt.B)
	}
	for _, x := range ra.Recoveries {
		cmp.RecoveryA = cmp.RecoveryA.Add(x.Amount)
	}
	for _, x := range rb.Recoveries {
		cmp.RecoveryB = cmp.RecoveryB.Add(x.Amount)
	}
	if !cmp.RecoveryA.Equal(cmp.RecoveryB) {
		cmp.Same = false
	}
	cmp.Delta = cmp.TotalB.Sub(cmp.RecoveryB).Sub(cmp.TotalA.Sub(cmp.RecoveryA))
	cmp.Granted = MoneyPair{ra.Granted(), rb.Granted()}
	ea, eb := ra.Entitlements(asOf), rb.Entitlements(asOf)
	cmp.Paid = MoneyPair{stateTotal(ea, StatePaid), stateTotal(eb, StatePaid)}
	cmp.Open = MoneyPair{stateTotal(ea, StateOpen), stateTotal(eb, StateOpen)}
	cmp.Entitlements = entitlementChanges(ea, eb)
	if len(cmp.Entitlements) > 0 {
		cmp.Same = false
	}
	pa, pb := partyTotals(ra, asOf), partyTotals(rb, asOf)
	for _, p := range sortedKeys(pa, pb) {
		cmp.Parties = append(cmp.Parties, PartyTotal{Party: p, A: pa[p], B: pb[p], Delta: pb[p].Sub(pa[p])})
	}
	return cmp, nil
}

// stateTotal sums the lines of es in state st.
func stateTotal(es []Entitlement, st EntitlementState) Money {
	var m Money
	for _, e := range es {
		if e.State == st {
			m = m.Add(e.Amount)
		}
	}
	return m
}

// entitlementChanges lists the open and unpaid-at-death lines that differ
// between a and b, in the order they first appear.
func entitlementChanges(a, b []Entitlement) []EntitlementChange {
	type key struct {
		ep    string
		aid   prisoner.AidKind
		st    EntitlementState
		party string
	}
	var order []key
	byKey := map[key]*EntitlementChange{}
	add := func(es []Entitlement, inB bool) {
		for _, e := range es {
			if e.State != StateOpen && e.State != StateUnpaidAtDeath {
				continue
			}
			k := key{e.Episode, e.Aid, e.State, e.Party}
			ch := byKey[k]
			if ch == nil {
				ch = &EntitlementChange{Episode: e.Episode, Aid: e.Aid, State: e.State, Party: e.Party}
				byKey[k] = ch
				order = append(order, k)
			}
			if inB {
				ch.B, ch.YearsB = ch.B.Add(e.Amount), append(ch.YearsB, e.Years...)
			} else {
				ch.A, ch.YearsA = ch.A.Add(e.Amount), append(ch.YearsA, e.Years...)
			}
		}
	}
	add(a, false)
	add(b, true)
	var out []EntitlementChange
	for _, k := range order {
		ch := byKey[k]
		ch.Delta = ch.B.Sub(ch.A)
		if !ch.Delta.IsZero() || fmt.Sprint(ch.YearsA) != fmt.Sprint(ch.YearsB) {
			out = append(out, *ch)
		}
	}
	return out
}

// partyTotals sums, per payee, what is granted, paid or open on asOf,
// less what is due back from them after an invalidation (Art. 4(9)).
func partyTotals(r *Result, asOf civil.Date) map[string]Money {
	m := map[string]Money{}
	for _, e := range r.Entitlements(asOf) {
		if e.State != StateUnpaidAtDeath { // a grant counted already, passing on
			m[e.Party] = m[e.Party].Add(e.Amount)
		}
	}
	for _, x := range r.Recoveries {
		m[x.Payee] = m[x.Payee].Sub(x.Amount)
	}
	return m
}

// kindTotals sums, per aid kind, what was granted, recorded as paid and
// is still open on asOf.
func kindTotals(r *Result, asOf civil.Date) map[prisoner.AidKind]Money {
	m := map[prisoner.AidKind]Money{}
	for _, e := range r.Entitlements(asOf) {
		if e.State != StateUnpaidAtDeath { // a grant counted already, passing on
			m[e.Aid] = m[e.Aid].Add(e.Amount)
		}
	}
	return m
}
