package aid

import (
	"fmt"
	"strings"

	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/law"
	"github.com/uacaptivity/captivity/prisoner"
	"github.com/uacaptivity/captivity/status"
)

// EntitlementState says where an entitlement stands on a day.
type EntitlementState string

// Entitlement states.
const (
	// StateGranted: a claim was granted (by this evaluation).
	StateGranted EntitlementState = "granted"
	// StatePaid: a payment recorded in the case.
	StatePaid EntitlementState = "paid"
	// StateOpen: not claimed yet; a claim on the day would be granted.
	StateOpen EntitlementState = "open"
	// StateUnpaidAtDeath: aid granted to the person before the death for
	// which no payment to the person is recorded: it passes to the family
	// members ([PartyFamily]) or, with none or under the option
	// granted_unpaid_after_death=estate, into the estate ([PartyEstate])
	// (Civil Code art. 1227; R3, Q11). Dated the day of death; for review
	// by hand, since a register may not record every payment.
	StateUnpaidAtDeath EntitlementState = "unpaid_at_death"
)

// PartyEstate in an unpaid-at-death entitlement means the person's estate.
const PartyEstate = "estate"

// PartyFamily in an open entitlement means "any recognised family member".
const PartyFamily = "family"

// An Entitlement is one line of what a case has been granted, has been
// paid, or may still claim, per episode and aid kind.
type Entitlement struct {
	Episode string           `json:"episode"`
	Aid     prisoner.AidKind `json:"aid"`
	State   EntitlementState `json:"state"`
	// Party is who received it, or who may claim it ([PartyFamily] for any
	// recognised family member).
	Party  string `json:"party"`
	Amount Money  `json:"amount"`
	// Years are the captivity years covered, by their number from capture
	// (1 is the first year), for annual aid.
	Years []int `json:"years,omitempty"`
	// CalendarYears are the calendar years covered: of a CMU 328 payment,
	// or of annual aid under the calendar-year basis (year_basis). A year
	// is in one of the two lists, never both.
	CalendarYears []int `json:"calendar_years,omitempty"`
	// Date is the day granted or paid; for an open entitlement, the day
	// asked about.
	Date civil.Date `json:"date"`
	// Seq is the claim's or payment's sequence number (0 when open).
	Seq int `json:"seq,omitempty"`
	// PartyRef is the register's identifier of the party, when the party
	// is a family member with a person_ref: the same in every case the
	// person appears in, so that totals can be summed per payee.
	PartyRef string `json:"party_ref,omitempty"`
	// Projected marks an entitlement of a projection: it rests on a
	// Commission decision that has not been made, and counts in no total.
	Projected bool `json:"projected,omitempty"`
}

// Entitlements returns, on day asOf, every grant of this evaluation dated
// on or before asOf (one line per payee), every payment recorded in the
// case by then, and what is still open: for each episode and aid kind of
// Law 2010-IX and the 2026 aid, what a claim made on asOf by the party
// entitled to make it would be granted, given everything granted or paid
// before. The open lines run the same rules as [Evaluate], so they never
// disagree with a decision.
func (r *Result) Entitlements(asOf civil.Date) []Entitlement {
	var out []Entitlement
	rs := r.rs
	if rs == nil { // a zero Result
		rs = &defaultCalculator().rs
	}
	e := &evaluator{c: &r.c, rs: rs, tl: r.Timeline, led: newLedger()}
	for _, i := range ordered(&r.c) {
		ev := &r.c.Events[i]
		if ev.Date.After(asOf) || ev.Kind != prisoner.Payment {
			continue
		}
		e.led.recordPayment(i, ev)
		amt, _ := ParseMoney(ev.Amount)
		var years, cal []int
		switch {
		case ev.Year == 0:
		case ev.Aid == prisoner.Reg2018Support || rs.Options.YearBasis.norm() == CalendarYear:
			cal = []int{ev.Year}
		default:
			years = []int{ev.Year}
		}
		out = append(out, Entitlement{Episode: ev.Episode, Aid: ev.Aid, State: StatePaid, Party: ev.Party, Amount: amt, Years: years, CalendarYears: cal, Date: ev.Date, Seq: ev.Seq})
	}
	for _, d := range r.Decisions {
		if !d.Granted || d.Date.After(asOf) {
			continue
		}
		e.led.recordGrant(d)
		years, cal := splitYears(d.Years)
		for _, s := range d.Shares {
			if d.Aid == prisoner.DeathAid && s.Party != d.Claimant {
				continue // each claimant's decision reports its own share
			}
			out = append(out, Entitlement{Episode: d.Episode, Aid: d.Aid, State: StateGranted, Party: s.Party, Amount: s.Amount, Years: years, CalendarYears: cal, Date: d.Date, Seq: d.Seq})
		}
	}
	out = append(out, r.unpaidAtDeath(asOf)...)
	for i := range r.c.Episodes {
		ep := &r.c.Episodes[i]
		if ep.Captured.After(asOf) {
			continue
		}
		for _, kind := range []prisoner.AidKind{prisoner.Annual, prisoner.ReleaseAid, prisoner.DeathAid, prisoner.CivilianAid} {
			party, show := e.openParty(kind, ep, asOf)
			if party == "" {
				continue
			}
			ev := prisoner.Event{Seq: 0, Date: asOf, Kind: prisoner.Claim, Episode: ep.ID, Aid: kind, Party: party}
			d := e.decide(-1, &ev, true)
			if !d.Granted {
				continue
			}
			years, cal := splitYears(d.Years)
			amount := d.Amount
			if kind == prisoner.DeathAid {
				if _, ok := e.led.once(ep.ID, prisoner.DeathAid); ok {
					continue // shared among the applicants already granted
				}
				v, _ := e.rs.Parameters.Death.At(asOf)
				amount = v.Amount
			}
			out = append(out, Entitlement{Episode: ep.ID, Aid: kind, State: StateOpen, Party: show, Amount: amount, Years: years, CalendarYears: cal, Date: asOf})
		}
	}
	for i := range out {
		if m, ok := r.c.Member(out[i].Party); ok {
			out[i].PartyRef = m.PersonRef
		}
		out[i].Projected = len(r.Projected) > 0
	}
	return out
}

// unpaidAtDeath returns, for each episode whose person died on or before
// asOf, and each aid kind, what was granted to the person before the
// death beyond what the case records as paid to the person: it is not
// lost at death but passes on (Civil Code art. 1227: social payments due
// to a person and not received pass to the family members, failing them
// into the estate; R3).
func (r *Result) unpaidAtDeath(asOf civil.Date) []Entitlement {
	var out []Entitlement
	to := PartyFamily
	if (r.rs != nil && r.rs.Options.GrantedUnpaidAfterDeath.norm() == GrantedToEstate) || len(r.c.Family) == 0 {
		to = PartyEstate
	}
	for i := range r.c.Episodes {
		ep := &r.c.Episodes[i]
		if ep.Died.IsZero() || ep.Died.After(asOf) {
			continue
		}
		for _, kind := range []prisoner.AidKind{prisoner.Annual, prisoner.ReleaseAid, prisoner.CivilianAid, prisoner.Reg2018Release, prisoner.Reg2018Support} {
			var granted, paid Money
			var years, cal []int
			for _, d := range r.Decisions {
				if !d.Granted || d.Episode != ep.ID || d.Aid != kind || grantedOn(r, d).After(ep.Died) {
					continue
				}
				for _, sh := range d.Shares {
					if sh.Party == prisoner.PartyPerson {
						granted = granted.Add(sh.Amount)
						y, c := splitYears(d.Years)
						years, cal = append(years, y...), append(cal, c...)
					}
				}
			}
			if granted.IsZero() {
				continue
			}
			for j := range r.c.Events {
				ev := &r.c.Events[j]
				if ev.Kind == prisoner.Payment && ev.Episode == ep.ID && ev.Aid == kind && ev.Party == prisoner.PartyPerson && !ev.Date.After(asOf) {
					amt, _ := ParseMoney(ev.Amount)
					paid = paid.Add(amt)
				}
			}
			if left := granted.Sub(paid); left.Sign() > 0 {
				out = append(out, Entitlement{Episode: ep.ID, Aid: kind, State: StateUnpaidAtDeath, Party: to, Amount: left, Years: years, CalendarYears: cal, Date: ep.Died})
			}
		}
	}
	return out
}

// splitYears lists the years of a decision in two: their numbers from
// capture, and the calendar years they are keyed by where the year basis
// is the calendar year (a year's ID then differs from its number).
func splitYears(ys []YearLine) (years, calendar []int) {
	for _, y := range ys {
		if y.ID != y.K {
			calendar = append(calendar, y.ID)
		} else {
			years = append(years, y.K)
		}
	}
	return years, calendar
}

// grantedOn is the day decision d was granted: the claim's decided day
// when the case records one, else the day it was filed.
func grantedOn(r *Result, d Decision) civil.Date {
	if d.Event >= 0 && d.Event < len(r.c.Events) {
		if dec := r.c.Events[d.Event].Decided; !dec.IsZero() {
			return dec
		}
	}
	return d.Date
}

// openParty picks who would claim aid of kind on asOf, and how to show it.
func (e *evaluator) openParty(kind prisoner.AidKind, ep *prisoner.Episode, asOf civil.Date) (string, string) {
	firstMember := func() string {
		for _, m := range e.c.Family {
			if e.tl.Member(m.ID, ep.ID, asOf).State == status.Recognised {
				return m.ID
			}
		}
		return ""
	}
	switch kind {
	case prisoner.Annual:
		if ep.Held(asOf) {
			if m := firstMember(); m != "" {
				return m, PartyFamily
			}
			return prisoner.PartyRepresentative, prisoner.PartyRepresentative
		}
		if !ep.Died.IsZero() && !ep.Died.After(asOf) {
			if m := firstMember(); m != "" {
				return m, PartyFamily
			}
			return "", ""
		}
		return prisoner.PartyPerson, prisoner.PartyPerson
	case prisoner.DeathAid:
		if m := firstMember(); m != "" {
			return m, PartyFamily
		}
		return "", ""
	}
	return prisoner.PartyPerson, prisoner.PartyPerson
}

// Explain writes the decision's reasoning in lang ("uk" or "en"), one
// step a line: the rule, what it found, the legal ground, and "[U]" on a
// step that rests on an assumption rather than verified law.
func (d Decision) Explain(lang string) string {
	var b strings.Builder
	outcome := fmt.Sprintf("granted UAH %s", d.Amount)
	if lang == "uk" {
		outcome = "призначено " + d.Amount.String() + " грн"
	}
	if !d.Granted {
		outcome = string(d.Refusal) + ": " + d.Refusal.Message().In(lang)
		if lang == "uk" {
			outcome = "відмовлено (" + string(d.Refusal) + "): " + d.Refusal.Message().UK
		}
	}
	kind, claimant := d.Aid.String(), d.Claimant
	if lang == "uk" {
		kind, claimant = d.Aid.Label().UK, partyUK(d.Claimant)
	}
	fmt.Fprintf(&b, "#%d %s %s %s %s → %s\n", d.Seq, d.Date, kind, d.Episode, claimant, outcome)
	for _, s := range d.Trace {
		flag := ""
		if s.Confidence() == law.Assumption {
			flag = " [U]"
		}
		c := s.Citation()
		ground := c.EN()
		if lang == "uk" {
			ground = c.UK()
		}
		param := ""
		if p := s.Param(); p != "" {
			param = " {" + p + "}"
		}
		rule := s.Rule()
		if lang == "uk" {
			rule = ruleUK(rule)
		}
		fmt.Fprintf(&b, "  %-8s %s — %s%s%s\n", rule, s.Text().In(lang), ground, param, flag)
	}
	share := "share"
	if lang == "uk" {
		share = "частка"
	}
	for _, sh := range d.Shares {
		party := sh.Party
		if lang == "uk" {
			party = partyUK(party)
		}
		fmt.Fprintf(&b, "  %-8s %s %s\n", share, party, sh.Amount)
	}
	return b.String()
}

// ruleUK names, in Ukrainian, the steps whose rule is a word rather than a
// rule of the brief (A1, D3): the status, the family check, the refusal.
func ruleUK(rule string) string {
	switch rule {
	case "status":
		return "статус"
	case "family":
		return "сім'я"
	case "refuse":
		return "відмова"
	}
	return rule
}

// PartyLabel names a party in both languages: the person, the
// representative, the family ([PartyFamily]) or the estate
// ([PartyEstate]); any other party (a family member) by the ID the case
// gives it.
func PartyLabel(party string) law.Text {
	switch party {
	case prisoner.PartyPerson:
		return law.Text{UK: "особа", EN: "the person"}
	case prisoner.PartyRepresentative:
		return law.Text{UK: "представник", EN: "the representative"}
	case PartyFamily:
		return law.Text{UK: "сім'я", EN: "the family"}
	case PartyEstate:
		return law.Text{UK: "спадщина", EN: "the estate"}
	}
	return law.Text{UK: party, EN: party}
}

func partyUK(p string) string { return PartyLabel(p).UK }
