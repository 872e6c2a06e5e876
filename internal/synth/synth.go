// Package synth generates synthetic cases, deterministic from a seed, for
// benchmarks and scale tests: realistic mixes of categories, one or two
// episodes, families of one to six, applications, decisions (refusals and
// re-applications among them), claims and payments, between 2014 and 2026.
// No case is a real person's. Every case it makes is valid and has a
// history the life cycle allows.
package synth

import (
	"math/rand/v2"
	"strconv"

	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/prisoner"
)

// A Generator makes cases one after another. The same seed gives the same
// cases in the same order. It is not safe for concurrent use.
type Generator struct {
	r *rand.Rand
	n int
}

// New returns a generator for seed.
func New(seed uint64) *Generator {
	return &Generator{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

var (
	lawStart = civil.MustNew(2022, 11, 19)
	first    = civil.MustNew(2014, 3, 1)
	fullInv  = civil.MustNew(2022, 2, 24)
	horizon  = civil.MustNew(2026, 10, 31)
)

func (g *Generator) pct(p int) bool { return g.r.IntN(100) < p }

func (g *Generator) day(from, to civil.Date) civil.Date {
	span := from.DaysUntil(to)
	if span <= 0 {
		return from
	}
	return from.AddDays(g.r.IntN(span + 1))
}

// Next returns the next case.
func (g *Generator) Next() prisoner.Case {
	g.n++
	c := prisoner.Case{ID: "S" + strconv.Itoa(g.n), Person: prisoner.Person{Citizenship: "UA"}}
	cat := prisoner.Military
	switch x := g.r.IntN(100); {
	case x < 25:
		cat = prisoner.Civilian
	case x < 40:
		cat = prisoner.Political
	case x < 44:
		cat = prisoner.ForeignMilitary
		c.Person.Citizenship = []string{"GB", "US", "GE", "PL", "CO"}[g.r.IntN(5)]
	}
	// Family of one to six.
	rels := []prisoner.Relation{prisoner.Spouse, prisoner.Child, prisoner.Parent, prisoner.Child, prisoner.Sibling, prisoner.Grandparent, prisoner.Household}
	for i := range 1 + g.r.IntN(6) {
		m := prisoner.FamilyMember{ID: "f" + strconv.Itoa(i+1), Relation: rels[g.r.IntN(len(rels))]}
		if m.Relation == prisoner.Household {
			m.Proof = prisoner.ByDecision
		}
		c.Family = append(c.Family, m)
	}
	episodes := 1
	if g.pct(8) {
		episodes = 2
	}
	start := first
	seq := 0
	for e := 0; e < episodes; e++ {
		id := "e" + strconv.Itoa(e+1)
		var captured civil.Date
		if start == first && g.pct(80) {
			captured = g.day(fullInv, civil.MustNew(2025, 6, 30))
		} else {
			captured = g.day(start, civil.MustNew(2025, 6, 30))
		}
		ep := prisoner.Episode{ID: id, Category: cat, Captured: captured,
			ServingAtCapture: cat == prisoner.Military || cat == prisoner.ForeignMilitary}
		last := e == episodes-1
		if !last || g.pct(50) {
			rel := captured.AddDays(20 + g.r.IntN(1400))
			if rel.After(horizon) {
				rel = horizon
			}
			ep.Released, ep.ReleaseKind = rel, prisoner.ReleaseKind(1+g.r.IntN(4))
			if last && g.pct(2) {
				ep.Died = rel.AddDays(g.r.IntN(300))
				ep.DeathLinked = g.pct(70)
			}
		} else if g.pct(4) {
			ep.Died = g.day(captured, horizon)
		}
		if !last && episodes == 2 && ep.Released.After(civil.MustNew(2025, 6, 1)) {
			ep.Released = civil.MustNew(2025, 6, 1)
			if ep.Released.Before(captured) {
				ep.Released = captured.AddDays(1)
			}
		}
		c.Episodes = append(c.Episodes, ep)
		end := civil.Min(ep.Released, ep.Died)
		if !end.IsZero() {
			start = end.AddDays(1)
		}
		seq = g.history(&c, ep, seq)
	}
	return c
}

// history adds the events of one episode: applications, decisions, claims
// and some payments, on days the life cycle allows.
func (g *Generator) history(c *prisoner.Case, ep prisoner.Episode, seq int) int {
	add := func(ev prisoner.Event) {
		seq++
		ev.Seq, ev.Episode = seq, ep.ID
		c.Events = append(c.Events, ev)
	}
	from := ep.Captured
	if from.Before(lawStart) {
		from = lawStart
	}
	end := civil.Min(ep.Released, ep.Died)
	applicant := c.Family[0].ID
	if !ep.Released.IsZero() && g.pct(60) {
		applicant = prisoner.PartyPerson
	}
	if ep.Category == prisoner.Political && ep.Captured.Before(civil.MustNew(2022, 1, 1)) && g.pct(40) {
		y := ep.Captured.Year() + 1
		if y < 2019 {
			y = 2019
		}
		if y <= 2021 && (end.IsZero() || end.Year() > y) {
			add(prisoner.Event{Date: civil.MustNew(y, 6, 1), Kind: prisoner.Payment, Aid: prisoner.Reg2018Support,
				Regime: prisoner.Reg2018, Year: y, Amount: "100000.00", Party: c.Family[0].ID})
		}
	}
	applied := g.day(from, from.AddDays(200))
	if applied.After(horizon) {
		return seq
	}
	add(prisoner.Event{Date: applied, Kind: prisoner.Application, Party: applicant})
	decided := applied.AddDays(20 + g.r.IntN(150))
	if decided.After(horizon) {
		return seq
	}
	if g.pct(12) {
		add(prisoner.Event{Date: decided, Kind: prisoner.Decision, Decision: prisoner.NotConfirmed})
		if g.pct(60) {
			return seq
		}
		again := decided.AddDays(30 + g.r.IntN(120))
		add(prisoner.Event{Date: again, Kind: prisoner.Application, Party: applicant})
		decided = again.AddDays(30 + g.r.IntN(120))
		if decided.After(horizon) {
			return seq
		}
	}
	add(prisoner.Event{Date: decided, Kind: prisoner.Decision, Decision: prisoner.Establish})
	claim := decided.AddDays(5 + g.r.IntN(60))
	held := end.IsZero() || end.After(claim)
	for i := 0; i < 1+g.r.IntN(3) && claim.Before(horizon); i++ {
		if !end.IsZero() && !claim.Before(end) {
			break
		}
		add(prisoner.Event{Date: claim, Kind: prisoner.Claim, Aid: prisoner.Annual, Party: c.Family[g.r.IntN(len(c.Family))].ID})
		claim = claim.AddDays(150 + g.r.IntN(300))
	}
	_ = held
	if !ep.Released.IsZero() {
		after := ep.Released
		if decided.After(after) {
			after = decided
		}
		when := after.AddDays(10 + g.r.IntN(90))
		if when.Before(horizon) {
			add(prisoner.Event{Date: when, Kind: prisoner.Claim, Aid: prisoner.ReleaseAid, Party: prisoner.PartyPerson})
			add(prisoner.Event{Date: when, Kind: prisoner.Claim, Aid: prisoner.Annual, Party: prisoner.PartyPerson})
		}
	}
	if !ep.Died.IsZero() {
		after := ep.Died
		if decided.After(after) {
			after = decided
		}
		when := after.AddDays(10 + g.r.IntN(60))
		for i := 0; i < len(c.Family) && i < 3 && when.Before(horizon); i++ {
			add(prisoner.Event{Date: when.AddDays(i), Kind: prisoner.Claim, Aid: prisoner.DeathAid, Party: c.Family[i].ID})
		}
	}
	return seq
}
