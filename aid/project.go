package aid

import (
	"errors"
	"fmt"
	"slices"

	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/law"
	"github.com/uacaptivity/captivity/prisoner"
	"github.com/uacaptivity/captivity/status"
)

// DefaultCommissionTermDays is the Commission's term when the rule set
// gives none: a case opened on application is decided within 30 calendar
// days (Law on Administrative Procedure art. 34(2), which Art. 1(3) of
// Law 2010-IX makes apply). It never changes a status: it only dates a
// projection.
const DefaultCommissionTermDays = 30

// ProjectOptions tune [Calculator.Project]. AsOf is required.
type ProjectOptions struct {
	// AsOf is the day the projection is made: events after it are not
	// read, and an episode with no application is taken as applied for
	// on it.
	AsOf civil.Date
	// EstablishedOn is the day the fact is assumed established for every
	// episode without an establishing decision. Zero means each such
	// episode's application day plus the rule set's Commission term
	// ([RuleSet.CommissionTermDays]), and no earlier than AsOf.
	EstablishedOn civil.Date
	// Until is the last day of the claimable list; zero means three years
	// after the latest assumed decision.
	Until civil.Date
}

// A ProjectedEpisode is the assumption a projection makes for one
// episode: the fact established on a day, and why that day.
type ProjectedEpisode struct {
	Episode       string     `json:"episode"`
	EstablishedOn civil.Date `json:"established_on"`
	// Basis says how the day was chosen, in both languages.
	Basis law.Text `json:"basis"`
	// ApplicationAssumed: the case records no application for the
	// episode; the projection assumes one made on AsOf.
	ApplicationAssumed bool `json:"application_assumed,omitempty"`
	// AssumedServing: the case does not record that the serviceman was
	// serving at capture (Art. 2(1)(1), 2(2)); the projection assumes it,
	// as the category says.
	AssumedServing bool `json:"assumed_serving,omitempty"`
}

// A Claimable is what a party could claim if the fact were established
// as projected: one captivity year of annual aid, or one one-time aid,
// from the first day a claim would be granted it. Until is the last day
// it could be claimed when the rules let it lapse (a held person's
// current year, under held_claim_scope=current_year, is lost at the next
// anniversary); zero when nothing in the rules ends it.
type Claimable struct {
	Episode string           `json:"episode"`
	Aid     prisoner.AidKind `json:"aid"`
	// Party is who may claim it ([PartyFamily] for any recognised family
	// member), as in [Entitlement].
	Party         string     `json:"party"`
	From          civil.Date `json:"from"`
	Until         civil.Date `json:"until,omitzero"`
	Amount        Money      `json:"amount"`
	Years         []int      `json:"years,omitempty"`
	CalendarYears []int      `json:"calendar_years,omitempty"`
	PreLaw        bool       `json:"pre_law,omitempty"`
	Projected     bool       `json:"projected"`
}

// A Projection is what a case would give if the Commission established
// the fact: a normal [Result] (decisions of the claims recorded,
// entitlements, traces), every line of it marked projected, and for each
// party what it could claim and from when. It is advice: nothing of it
// is a decision or counts in a real total.
type Projection struct {
	CaseID   string             `json:"case_id"`
	AsOf     civil.Date         `json:"as_of"`
	Advice   law.Text           `json:"advice"`
	Episodes []ProjectedEpisode `json:"episodes"`
	// NotProjected are the open episodes screening finds likely not
	// covered: no decision is assumed for them, and Unmet says why.
	NotProjected []EpisodeScreening `json:"not_projected,omitempty"`
	// Result is the case evaluated as if each episode of Episodes had its
	// establishing decision; nil when no episode is projected.
	Result    *Result     `json:"result,omitempty"`
	Claimable []Claimable `json:"claimable"`
	// Now is what could be claimed on AsOf without the Commission's
	// decision, from the case as it is: the 2026 aid to a released
	// civilian, which is for those whose fact is not established (and,
	// under the default civilian_50k_if_fact_established, lost once it
	// is). Not projected; listed so that a caseworker weighs it.
	Now []Entitlement `json:"now,omitempty"`
}

var projectionAdvice = law.Text{
	UK: "Це прогноз, а не рішення: він припускає, що Комісія встановить факт у вказаний день; суми нічого не гарантують і не входять у жодні підсумки.",
	EN: "This is a projection, not a decision: it assumes the Commission establishes the fact on the day given; its amounts promise nothing and count in no total.",
}

// ErrNoAsOf is the error of a projection without ProjectOptions.AsOf.
var ErrNoAsOf = errors.New("aid: a projection needs its AsOf day")

// Project evaluates c as if the Commission had established the fact, on
// opts.EstablishedOn or by default at the end of its term after the
// application, for every episode whose fact is not established on
// opts.AsOf (nor cancelled, nor excluded by a conviction), and lists
// what each party could claim from when. An episode with no application
// is taken as applied for on AsOf. Recording the assumed decision in the
// case and evaluating it gives the same amounts (a test checks it).
func (k *Calculator) Project(c prisoner.Case, opts ProjectOptions) (*Projection, error) {
	if opts.AsOf.IsZero() {
		return nil, ErrNoAsOf
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	k = k.calc()
	c = c.Clone()
	c.Events = slices.DeleteFunc(c.Events, func(ev prisoner.Event) bool { return ev.Date.After(opts.AsOf) })
	tl, err := status.Build(c, k.rs.Status)
	if err != nil {
		return nil, err
	}
	p := &Projection{CaseID: c.ID, AsOf: opts.AsOf, Advice: projectionAdvice, Episodes: []ProjectedEpisode{}, Claimable: []Claimable{}}
	term := k.rs.CommissionTermDays
	if term <= 0 {
		term = DefaultCommissionTermDays
	}
	own := c.Clone() // the case as it is, for what it gives without the decision
	seq := 0
	for _, ev := range c.Events {
		seq = max(seq, ev.Seq)
	}
	last := civil.Date{}
	for i := range c.Episodes {
		ep := &c.Episodes[i]
		snap := tl.At(ep.ID, opts.AsOf)
		if snap.State.Established() || snap.State == status.Cancelled || snap.Excluded {
			continue
		}
		pe := ProjectedEpisode{Episode: ep.ID}
		// The Commission establishes the fact only for a person the law
		// covers: an episode screening finds likely not covered is not
		// projected; a serviceman whose service at capture is not
		// recorded is projected as serving, as his category says.
		sc := k.screenEpisode(&c, i, tl, opts.AsOf)
		if sc.Outcome == LikelyNotCovered {
			p.NotProjected = append(p.NotProjected, sc)
			continue
		}
		var assumeServing bool
		for _, m := range sc.Missing {
			if m.Field == "episodes["+itoa(i)+"].serving_at_capture" {
				assumeServing = true
			}
		}
		if assumeServing {
			ep.ServingAtCapture = true
			pe.AssumedServing = true
		}
		var applied civil.Date
		for j := range c.Events {
			ev := &c.Events[j]
			if ev.Kind == prisoner.Application && ev.Episode == ep.ID && ev.Member == "" {
				applied = ev.Date
			}
		}
		if applied.IsZero() {
			pe.ApplicationAssumed = true
			applied = opts.AsOf
			seq++
			c.Events = append(c.Events, prisoner.Event{Seq: seq, Date: applied, Kind: prisoner.Application, Episode: ep.ID,
				Party: prisoner.PartyRepresentative, Note: "assumed by the projection"})
		}
		switch {
		case !opts.EstablishedOn.IsZero():
			if opts.EstablishedOn.Before(applied) || opts.EstablishedOn.Before(ep.Captured) {
				return nil, fmt.Errorf("aid: the projected decision of %s (%s) comes before its application or its capture", opts.EstablishedOn, ep.ID)
			}
			pe.EstablishedOn = opts.EstablishedOn
			pe.Basis = law.Text{UK: "день, вказаний для прогнозу", EN: "the day the projection was asked for"}
		default:
			pe.EstablishedOn = later(applied.AddDays(term), opts.AsOf)
			day := law.Text{UK: "день заяви (" + applied.String() + ")", EN: "the application day (" + applied.String() + ")"}
			if pe.ApplicationAssumed {
				day = law.Text{UK: "заяви у справі немає: припущено подану " + applied.String(), EN: "no application on record: one assumed made on " + applied.String()}
			}
			pe.Basis = law.Text{
				UK: day.UK + " плюс строк розгляду " + law.PluralUK(term, "день", "дні", "днів") + " (Закон про адміністративну процедуру, ст. 34 ч. 2)",
				EN: day.EN + " plus the Commission's term of " + law.PluralEN(term, "day", "days") + " (Law on Administrative Procedure art. 34(2))"}
			if pe.EstablishedOn == opts.AsOf && applied.AddDays(term).Before(opts.AsOf) {
				pe.Basis = law.Text{UK: "строк розгляду минув: прогноз від дня запиту", EN: "the Commission's term has passed: projected from the day asked"}
			}
		}
		seq++
		c.Events = append(c.Events, prisoner.Event{Seq: seq, Date: pe.EstablishedOn, Kind: prisoner.Decision, Decision: prisoner.Establish,
			Episode: ep.ID, Note: "assumed by the projection"})
		p.Episodes = append(p.Episodes, pe)
		if pe.EstablishedOn.After(last) {
			last = pe.EstablishedOn
		}
	}
	if len(p.Episodes) == 0 {
		return p, nil
	}
	// What the case gives today, without the decision.
	if real, err := k.evaluate(own); err == nil {
		for _, en := range real.Entitlements(opts.AsOf) {
			if en.State == StateOpen && en.Aid == prisoner.CivilianAid {
				p.Now = append(p.Now, en)
			}
		}
	}
	res, err := k.Evaluate(c)
	if err != nil {
		return nil, err
	}
	res.Projected = slices.Clone(p.Episodes)
	for i := range res.Decisions {
		res.Decisions[i].Projected = true
	}
	p.Result = res
	until := opts.Until
	if until.IsZero() {
		until = last.AddYears(3, k.rs.Feb29)
	}
	for _, pe := range p.Episodes {
		p.Claimable = append(p.Claimable, res.claimables(pe.Episode, pe.EstablishedOn, until)...)
	}
	slices.SortStableFunc(p.Claimable, func(a, b Claimable) int { return a.From.Compare(b.From) })
	return p, nil
}

// claimables lists, for episode id, what a claim would be granted from
// day from to day until: one line per captivity year and per one-time
// aid, dated the first day a claim on it would be granted, with the day
// it lapses if it does. The days tried are those on which the answer
// can change: from, each anniversary of the capture and the day after, the release, the
// death, the day after each, the day after a claim term ends, and the
// day each Commission decision takes effect.
func (r *Result) claimables(id string, from, until civil.Date) []Claimable {
	ep, ok := r.c.EpisodeByID(id)
	if !ok || until.Before(from) {
		return nil
	}
	days := []civil.Date{from}
	feb := civil.Feb28
	if r.rs != nil {
		feb = r.rs.Feb29
	}
	for n := 1; ; n++ {
		d := ep.Captured.AddYears(n, feb)
		if d.After(until) {
			break
		}
		// The anniversary ends a year (LAW.md §7); the next begins the day
		// after. Both are tried.
		for _, x := range []civil.Date{d, d.AddDays(1)} {
			if x.After(from) && !x.After(until) {
				days = append(days, x)
			}
		}
	}
	// A decision (establishing the fact, recognising a member) opens what
	// it opens on the day it takes effect.
	for _, ev := range r.c.Events {
		if ev.Kind == prisoner.Decision && ev.Episode == id {
			for _, d := range []civil.Date{ev.Date, ev.Effective()} {
				if d.After(from) && !d.After(until) {
					days = append(days, d)
				}
			}
		}
	}
	deadline := 0
	if r.rs != nil {
		deadline = r.rs.ClaimDeadlineDays
	}
	for _, d := range []civil.Date{ep.Released, ep.Died} {
		if d.IsZero() {
			continue
		}
		next := []civil.Date{d, d.AddDays(1)}
		if deadline > 0 {
			next = append(next, d.AddDays(deadline+1)) // the claim term ends
		}
		for _, n := range next {
			if n.After(from) && !n.After(until) {
				days = append(days, n)
			}
		}
	}
	slices.SortFunc(days, civil.Date.Compare)
	days = slices.Compact(days)

	type unit struct {
		aid     prisoner.AidKind
		party   string
		year    int
		preLaw  bool
		calYear bool
	}
	var out []Claimable
	open := map[unit]int{} // the line of each unit open on the day before
	for _, d := range days {
		seen := map[unit]bool{}
		for _, en := range r.Entitlements(d) {
			if en.State != StateOpen || en.Episode != id {
				continue
			}
			add := func(u unit, amount Money, years, cal []int) {
				seen[u] = true
				if _, ok := open[u]; ok {
					return
				}
				open[u] = len(out)
				out = append(out, Claimable{Episode: id, Aid: u.aid, Party: u.party, From: d, Amount: amount, Years: years,
					CalendarYears: cal, PreLaw: u.preLaw, Projected: len(r.Projected) > 0})
			}
			if en.Aid != prisoner.Annual {
				add(unit{aid: en.Aid, party: en.Party}, en.Amount, nil, nil)
				continue
			}
			for _, y := range r.openYears(en, d) {
				cal := y.ID != y.K
				u := unit{aid: en.Aid, party: en.Party, year: y.ID, preLaw: y.PreLaw, calYear: cal}
				if cal {
					add(u, y.Amount, nil, []int{y.ID})
				} else {
					add(u, y.Amount, []int{y.K}, nil)
				}
			}
		}
		// What was open and is not any more has lapsed the day before,
		// unless a claim took it.
		for u, i := range open {
			if !seen[u] {
				if out[i].Until.IsZero() {
					out[i].Until = d.AddDays(-1)
				}
				delete(open, u)
			}
		}
	}
	return out
}

// openYears are the years, with their amounts, of an open annual
// entitlement on day d: the same decision Entitlements made for it.
func (r *Result) openYears(en Entitlement, d civil.Date) []YearLine {
	rs := r.rs
	if rs == nil {
		rs = &defaultCalculator().rs
	}
	e := &evaluator{c: &r.c, rs: rs, tl: r.Timeline, led: newLedger()}
	for _, j := range ordered(&r.c) {
		if ev := &r.c.Events[j]; ev.Kind == prisoner.Payment && !ev.Date.After(d) {
			e.led.recordPayment(j, ev)
		}
	}
	for _, dec := range r.Decisions {
		if dec.Granted && !dec.Date.After(d) {
			e.led.recordGrant(dec)
		}
	}
	party, _ := e.openParty(prisoner.Annual, ptrEpisode(r.c, en.Episode), d)
	ev := prisoner.Event{Date: d, Kind: prisoner.Claim, Episode: en.Episode, Aid: prisoner.Annual, Party: party}
	dec := e.decide(-1, &ev, true)
	return dec.Years
}

func ptrEpisode(c prisoner.Case, id string) *prisoner.Episode {
	for i := range c.Episodes {
		if c.Episodes[i].ID == id {
			return &c.Episodes[i]
		}
	}
	return &prisoner.Episode{}
}

// later is the later of two days.
func later(a, b civil.Date) civil.Date {
	if a.After(b) {
		return a
	}
	return b
}
