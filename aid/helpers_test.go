package aid_test

import (
	"fmt"
	"strings"

	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/prisoner"
)

var d = civil.MustParse

// cb builds test cases tersely: one episode "e1" unless more are added.
type cb struct {
	c   prisoner.Case
	seq int
}

func newCase(cat prisoner.Category, captured string) *cb {
	b := &cb{c: prisoner.Case{ID: "T", Person: prisoner.Person{Citizenship: "UA"}}}
	b.episode("e1", cat, captured)
	return b
}

func (b *cb) episode(id string, cat prisoner.Category, captured string) *cb {
	b.c.Episodes = append(b.c.Episodes, prisoner.Episode{ID: id, Category: cat, Captured: d(captured),
		ServingAtCapture: cat == prisoner.Military || cat == prisoner.ForeignMilitary})
	return b
}

func (b *cb) last() *prisoner.Episode { return &b.c.Episodes[len(b.c.Episodes)-1] }

func (b *cb) released(date string) *cb {
	b.last().Released, b.last().ReleaseKind = d(date), prisoner.Exchange
	return b
}

func (b *cb) died(date string, linked bool) *cb {
	b.last().Died, b.last().DeathLinked = d(date), linked
	return b
}

func (b *cb) citizen(cc string) *cb { b.c.Person.Citizenship = cc; return b }

func (b *cb) member(id string, rel prisoner.Relation, edit ...func(*prisoner.FamilyMember)) *cb {
	m := prisoner.FamilyMember{ID: id, Relation: rel}
	for _, f := range edit {
		f(&m)
	}
	b.c.Family = append(b.c.Family, m)
	return b
}

func (b *cb) event(e prisoner.Event) *cb {
	b.seq++
	e.Seq = b.seq
	if e.Episode == "" {
		e.Episode = b.last().ID
	}
	b.c.Events = append(b.c.Events, e)
	return b
}

// established adds an application by the person and an establish decision.
func (b *cb) established(applied, decided string) *cb {
	b.event(prisoner.Event{Date: d(applied), Kind: prisoner.Application, Party: prisoner.PartyPerson})
	return b.event(prisoner.Event{Date: d(decided), Kind: prisoner.Decision, Decision: prisoner.Establish})
}

func (b *cb) claim(date string, aidKind prisoner.AidKind, party string, edit ...func(*prisoner.Event)) *cb {
	e := prisoner.Event{Date: d(date), Kind: prisoner.Claim, Aid: aidKind, Party: party}
	for _, f := range edit {
		f(&e)
	}
	return b.event(e)
}

func (b *cb) paid(date string, aidKind prisoner.AidKind, party string, year int) *cb {
	return b.event(prisoner.Event{Date: d(date), Kind: prisoner.Payment, Aid: aidKind, Party: party, Year: year,
		Amount: "100000.00", Regime: aidKind.Regime()})
}

func (b *cb) build() prisoner.Case { return b.c }

// summary writes a decision as "100000.00 y1,2", "50000.00 [f1 50000.00 f3 50000.00]" or the refusal code.
func summary(dc aid.Decision) string {
	if !dc.Granted {
		return string(dc.Refusal)
	}
	s := dc.Amount.String()
	if len(dc.Years) > 0 {
		var ks []string
		for _, y := range dc.Years {
			ks = append(ks, fmt.Sprint(y.ID))
		}
		s += " y" + strings.Join(ks, ",")
	}
	if len(dc.Shares) > 1 {
		var sh []string
		for _, x := range dc.Shares {
			sh = append(sh, x.Party+" "+x.Amount.String())
		}
		s += " [" + strings.Join(sh, " ") + "]"
	}
	return s
}

func summaries(r *aid.Result) []string {
	out := []string{}
	for _, dc := range r.Decisions {
		out = append(out, summary(dc))
	}
	return out
}

func with(edit func(*aid.RuleSet)) aid.RuleSet {
	rs := aid.Default()
	if edit != nil {
		edit(&rs)
	}
	return rs
}

func prisonerDate(s string) civil.Date { return civil.MustParse(s) }
