package aid

import (
	"slices"
	"strconv"
	"strings"

	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/law"
	"github.com/uacaptivity/captivity/prisoner"
)

// A ReminderKind says what happens on a reminder's day.
type ReminderKind string

// Kinds of reminder.
const (
	// ReminderClaimable: from this day a claim would be granted it.
	ReminderClaimable ReminderKind = "claimable"
	// ReminderLapses: the last day a claim would still be granted it.
	ReminderLapses ReminderKind = "lapses"
	// ReminderWindowEnds: the last day of a period the law sets, after
	// which a right can no longer arise (a death linked to the captivity
	// within a year of release, Art. 7(3)).
	ReminderWindowEnds ReminderKind = "window_ends"
)

// A Reminder is one dated thing that becomes claimable or lapses, for a
// party of a case: what an NGO plans its reminders by.
type Reminder struct {
	CaseID  string           `json:"case_id"`
	Date    civil.Date       `json:"date"`
	Kind    ReminderKind     `json:"kind"`
	Episode string           `json:"episode"`
	Aid     prisoner.AidKind `json:"aid"`
	// Party is who may claim ([PartyFamily] for any recognised family
	// member); empty for a window of the law.
	Party         string `json:"party,omitempty"`
	Years         []int  `json:"years,omitempty"`
	CalendarYears []int  `json:"calendar_years,omitempty"`
	// Amount is what a claim on the day would be granted for it (zero for
	// a window).
	Amount     Money          `json:"amount"`
	Text       law.Text       `json:"text"`
	Citation   law.Citation   `json:"citation"`
	Confidence law.Confidence `json:"confidence"`
	// Projected marks a reminder of a projection: it rests on a decision
	// the Commission has not made.
	Projected bool `json:"projected"`
}

// Calendar lists what becomes claimable or lapses from day from to day
// until, per party, in date order: for each episode, each captivity year
// and each one-time aid from the first day a claim would be granted it
// (what is claimable on from is listed on from), the last day of what
// the rules let lapse (a held person's current year under
// held_claim_scope=current_year, a claim_deadline_days term, the CMU 38
// six-month term), and the end of the year after a release within which
// a death linked to the captivity gives the death aid. On the result of
// a projection every reminder is marked projected.
func (r *Result) Calendar(from, until civil.Date) []Reminder {
	if r == nil || until.Before(from) {
		return nil
	}
	rs := r.rs
	if rs == nil {
		rs = &defaultCalculator().rs
	}
	projected := len(r.Projected) > 0
	out := []Reminder{}
	for i := range r.c.Episodes {
		ep := &r.c.Episodes[i]
		for _, cl := range r.claimables(ep.ID, from, until) {
			rem := Reminder{CaseID: r.CaseID, Date: cl.From, Kind: ReminderClaimable, Episode: ep.ID, Aid: cl.Aid, Party: cl.Party,
				Years: cl.Years, CalendarYears: cl.CalendarYears, Amount: cl.Amount, Citation: aidCitation(cl.Aid, cl.PreLaw),
				Confidence: law.Verified, Projected: projected}
			rem.Text = reminderText(rem, cl.PreLaw)
			out = append(out, rem)
			if !cl.Until.IsZero() {
				lapse := rem
				lapse.Date, lapse.Kind, lapse.Confidence = cl.Until, ReminderLapses, law.Assumption
				lapse.Citation = lapseCitation(rs, cl)
				lapse.Text = reminderText(lapse, cl.PreLaw)
				out = append(out, lapse)
			}
		}
		// The CMU 38 six-month term of the 2018–2022 release aid.
		if !ep.Released.IsZero() && rs.Parameters.Reg2018Release != nil {
			if v, err := rs.Parameters.Reg2018Release.At(ep.Released); err == nil && v.InForce && v.DeadlineMonths > 0 && !r.paidOrGranted(ep.ID, prisoner.Reg2018Release) {
				start := ep.Released
				if rs.Options.Reg2018CMU38DeadlineFrom.norm() == FromResolution && start.Before(v.ValidFrom) {
					start = v.ValidFrom
				}
				last := start.AddMonths(v.DeadlineMonths)
				if !last.Before(from) && !last.After(until) {
					rem := Reminder{CaseID: r.CaseID, Date: last, Kind: ReminderLapses, Episode: ep.ID, Aid: prisoner.Reg2018Release,
						Party: prisoner.PartyPerson, Amount: v.Amount, Citation: v.Citation, Confidence: law.Assumption, Projected: projected}
					rem.Text = reminderText(rem, false)
					out = append(out, rem)
				}
			}
		}
		// The year after a release within which a death linked to the
		// captivity gives the death aid (Art. 7(3)).
		if !ep.Released.IsZero() && ep.Died.IsZero() {
			end := ep.Released.AddYears(1, rs.Feb29).AddDays(-1)
			if !end.Before(from) && !end.After(until) {
				out = append(out, Reminder{CaseID: r.CaseID, Date: end, Kind: ReminderWindowEnds, Episode: ep.ID, Aid: prisoner.DeathAid,
					Citation: cite(law.Law2010, "7", "3"), Confidence: law.Verified, Projected: projected,
					Text: law.Text{
						UK: "останній день року після звільнення: смерть, пов'язана з перебуванням у місцях несвободи, до цього дня дає сім'ї право на одноразову допомогу (ст. 7 ч. 3)",
						EN: "the last day of the year after release: a death linked to the captivity up to this day gives the family the one-time death aid (Art. 7(3))"}})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Reminder) int {
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		return strings.Compare(a.Episode, b.Episode)
	})
	return out
}

// paidOrGranted reports whether kind was paid or granted for episode id.
func (r *Result) paidOrGranted(id string, kind prisoner.AidKind) bool {
	for _, d := range r.Decisions {
		if d.Granted && d.Episode == id && d.Aid == kind {
			return true
		}
	}
	for _, ev := range r.c.Events {
		if ev.Kind == prisoner.Payment && ev.Episode == id && ev.Aid == kind {
			return true
		}
	}
	return false
}

// aidCitation is the article that grants an aid.
func aidCitation(kind prisoner.AidKind, preLaw bool) law.Citation {
	switch kind {
	case prisoner.Annual:
		if preLaw {
			return cite(law.Law2010, "17", "6")
		}
		return cite(law.Law2010, "7", "1")
	case prisoner.ReleaseAid:
		return cite(law.Law2010, "7", "2")
	case prisoner.DeathAid:
		return cite(law.Law2010, "7", "3")
	case prisoner.CivilianAid:
		return law.Cite(law.CMUCivilian2026, "")
	}
	return law.Citation{}
}

// lapseCitation is the ground on which a claimable thing lapses: the
// claim deadline of the rule set for the one-time aid, the scope of a
// held person's claim for a year of annual aid.
func lapseCitation(rs *RuleSet, cl Claimable) law.Citation {
	if cl.Aid == prisoner.Annual {
		return cite(law.Brief, "8").WithNote("held_claim_scope=" + rs.Options.HeldClaimScope.norm().String())
	}
	if rs.ClaimDeadlineDays > 0 {
		return cite(law.Brief, "3.4").WithNote("claim_deadline_days=" + strconv.Itoa(rs.ClaimDeadlineDays))
	}
	return cite(law.Brief, "8")
}

// reminderText says what a reminder is, in both languages.
func reminderText(r Reminder, preLaw bool) law.Text {
	label := r.Aid.Label()
	what := label
	if r.Aid == prisoner.Annual {
		ys := r.Years
		if len(ys) == 0 {
			ys = r.CalendarYears
		}
		n := ""
		for i, y := range ys {
			if i > 0 {
				n += ", "
			}
			n += strconv.Itoa(y)
		}
		switch {
		case preLaw:
			what = law.Text{UK: label.UK + ": рік " + n + " (до набрання чинності законом, ст. 17 ч. 6)", EN: label.EN + ": year " + n + " (before the law, Art. 17(6))"}
		case len(r.CalendarYears) > 0:
			what = law.Text{UK: label.UK + ": " + n + " рік", EN: label.EN + ": calendar year " + n}
		default:
			what = law.Text{UK: label.UK + ": " + n + "-й рік неволі", EN: label.EN + ": captivity year " + n}
		}
	}
	amount := r.Amount.String()
	switch r.Kind {
	case ReminderLapses:
		return law.Text{UK: "останній день, щоб звернутися: " + what.UK + " (" + amount + " грн)",
			EN: "last day to claim: " + what.EN + " (UAH " + amount + ")"}
	default:
		return law.Text{UK: "можна звернутися: " + what.UK + " (" + amount + " грн)",
			EN: "can be claimed: " + what.EN + " (UAH " + amount + ")"}
	}
}
