package aid_test

import (
	"encoding/json"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/internal/samples"
	"github.com/uacaptivity/captivity/internal/synth"
	"github.com/uacaptivity/captivity/prisoner"
	"github.com/uacaptivity/captivity/status"
)

// screeningCase is one legal case of testdata/screening.json: the rule
// it pins, the case, and what screening must find. not_recorded lists
// the documents needed that the case does not record (not those needed
// only if there is one), when the case says; needed, documents that must
// not be marked "if any".
type screeningCase struct {
	Rule        string          `json:"rule"`
	Case        json.RawMessage `json:"case"`
	Outcome     aid.Likelihood  `json:"outcome"`
	Unmet       []string        `json:"unmet"`
	Missing     []string        `json:"missing"`
	NotRecorded []string        `json:"not_recorded"`
	Needed      []string        `json:"needed"`
	Notes       []string        `json:"notes"`
}

func TestScreeningCases(t *testing.T) {
	data, err := os.ReadFile("testdata/screening.json")
	require.NoError(t, err)
	var cases []screeningCase
	require.NoError(t, json.Unmarshal(data, &cases))
	require.NotEmpty(t, cases)
	k := aid.New(aid.Default())
	asOf := civil.MustParse("2026-12-02")
	for _, tt := range cases {
		t.Run(tt.Rule, func(t *testing.T) {
			c, err := prisoner.DecodeCase(tt.Case)
			require.NoError(t, err)
			s, err := k.Screen(c, asOf)
			require.NoError(t, err)
			assert.Contains(t, s.Advice.UK, "не рішення")
			assert.Contains(t, s.Advice.EN, "not a decision")
			require.Len(t, s.Episodes, 1)
			e := s.Episodes[0]
			assert.Equal(t, tt.Outcome, e.Outcome)
			assert.NotEmpty(t, e.Outcome.Label().UK)
			if tt.Outcome == aid.AlreadyEstablished {
				return
			}
			var unmet, missing, notRecorded, notes []string
			for _, u := range e.Unmet {
				unmet = append(unmet, u.Code)
				assert.NotEmpty(t, u.Citation.Act, "every unmet condition has its ground")
				assert.NotEmpty(t, u.Text.UK)
				assert.NotEmpty(t, u.Text.EN)
			}
			for _, m := range e.Missing {
				missing = append(missing, m.Field)
				assert.NotEmpty(t, m.Text.UK)
			}
			for _, d := range e.Documents {
				if d.State == aid.DocumentNotRecorded && !d.IfAny {
					notRecorded = append(notRecorded, d.Code)
				}
				if slices.Contains(tt.Needed, d.Code) {
					assert.False(t, d.IfAny, "%s is needed, not 'if any'", d.Code)
				}
				assert.NotEmpty(t, d.Label.UK, d.Code)
			}
			for _, n := range e.Notes {
				notes = append(notes, n.Code)
			}
			assert.ElementsMatch(t, tt.Unmet, unmet, "unmet")
			assert.ElementsMatch(t, tt.Missing, missing, "missing")
			if tt.NotRecorded != nil {
				assert.ElementsMatch(t, tt.NotRecorded, notRecorded, "documents not recorded")
			}
			assert.ElementsMatch(t, tt.Notes, notes, "notes")
			assert.NotEmpty(t, e.ForCommission, "what only the Commission finds is named")
		})
	}
}

// Screening never changes the status, nor the case it was given.
func TestScreenChangesNothing(t *testing.T) {
	cs, err := samples.Cases()
	require.NoError(t, err)
	k := aid.New(aid.Default())
	for _, c := range cs {
		before := c.Clone()
		want, err := k.Evaluate(c)
		require.NoError(t, err)
		_, err = k.Screen(c, civil.MustParse("2026-12-02"))
		require.NoError(t, err)
		got, err := k.Evaluate(c)
		require.NoError(t, err)
		assert.Equal(t, before, c)
		assert.Equal(t, want.Decisions, got.Decisions)
	}
}

// open keeps of a case what an NGO has before the Commission decides: the
// person, the family, the applications and the criminal proceedings.
func open(c prisoner.Case) prisoner.Case {
	c = c.Clone()
	c.Events = slices.DeleteFunc(c.Events, func(ev prisoner.Event) bool {
		switch ev.Kind {
		case prisoner.Application:
			return ev.Member != ""
		case prisoner.ProceedingsOpened, prisoner.ProceedingsClosed, prisoner.Conviction:
			return false
		}
		return true
	})
	for i := range c.Events {
		c.Events[i].Missing = nil
	}
	return c
}

// assumedEvents are the events a projection assumed, as they would be
// recorded: the application it assumed, then the establishing decision.
func assumedEvents(c prisoner.Case, p *aid.Projection) []prisoner.Event {
	seq := 0
	for _, ev := range c.Events {
		seq = max(seq, ev.Seq)
	}
	var out []prisoner.Event
	for _, pe := range p.Episodes {
		if pe.ApplicationAssumed {
			seq++
			out = append(out, prisoner.Event{Seq: seq, Date: p.AsOf, Kind: prisoner.Application, Episode: pe.Episode, Party: prisoner.PartyRepresentative})
		}
		seq++
		out = append(out, prisoner.Event{Seq: seq, Date: pe.EstablishedOn, Kind: prisoner.Decision, Decision: prisoner.Establish, Episode: pe.Episode})
	}
	return out
}

// claimant is who would make a claim the projection lists for party.
func claimant(p *aid.Projection, c prisoner.Case, cl aid.Claimable) string {
	if cl.Party != aid.PartyFamily {
		return cl.Party
	}
	for _, m := range c.Family {
		if p.Result.Timeline.Member(m.ID, cl.Episode, cl.From).State == status.Recognised {
			return m.ID
		}
	}
	return ""
}

// Projecting a case, then recording the assumed decision and claiming on
// each day the projection names, gives the amounts the projection gave:
// a claim on day D is granted every unit open on D. Checked on the
// samples and on a thousand generated cases, each reduced to what it held
// before the Commission decided.
func TestProjectThenRecordChangesNoAmount(t *testing.T) {
	cs, err := samples.Cases()
	require.NoError(t, err)
	g := synth.New(7)
	for range 1000 {
		cs = append(cs, g.Next())
	}
	k := aid.New(aid.Default())
	asOf := civil.MustParse("2026-12-02")
	checked := 0
	for _, full := range cs {
		c := open(full)
		p, err := k.Project(c, aid.ProjectOptions{AsOf: asOf})
		require.NoError(t, err, full.ID)
		if p.Result == nil {
			continue
		}
		for _, d := range p.Result.Decisions {
			assert.True(t, d.Projected, "every decision of a projection is marked")
		}
		for _, en := range p.Result.Entitlements(asOf) {
			assert.True(t, en.Projected, "every entitlement of a projection is marked")
		}
		recorded := c.Clone()
		recorded.Events = append(recorded.Events, assumedEvents(c, p)...)
		done := map[string]bool{}
		for _, cl := range p.Claimable {
			key := cl.Episode + cl.Aid.String() + cl.From.String()
			if done[key] {
				continue
			}
			done[key] = true
			// A claim on cl.From is granted every unit of its kind open then.
			var want aid.Money
			for _, o := range p.Claimable {
				if o.Episode == cl.Episode && o.Aid == cl.Aid && !o.From.After(cl.From) && (o.Until.IsZero() || !o.Until.Before(cl.From)) {
					want = want.Add(o.Amount)
				}
			}
			party := claimant(p, c, cl)
			require.NotEmpty(t, party, "%s: someone can claim %s", full.ID, cl.Aid)
			claim := recorded.Clone()
			seq := 0
			for _, ev := range claim.Events {
				seq = max(seq, ev.Seq)
			}
			claim.Events = append(claim.Events, prisoner.Event{Seq: seq + 1, Date: cl.From, Kind: prisoner.Claim, Episode: cl.Episode, Aid: cl.Aid, Party: party})
			res, err := k.Evaluate(claim)
			require.NoError(t, err, full.ID)
			i := slices.IndexFunc(res.Decisions, func(d aid.Decision) bool { return d.Seq == seq+1 })
			require.GreaterOrEqual(t, i, 0)
			d := res.Decisions[i]
			assert.True(t, d.Granted, "%s: a claim of %s on %s is granted as projected (%s)", full.ID, cl.Aid, cl.From, d.Refusal)
			assert.Equal(t, want.String(), d.Amount.String(), "%s: %s claimed on %s", full.ID, cl.Aid, cl.From)
			assert.False(t, d.Projected, "a recorded decision is real")
			checked++
		}
	}
	t.Logf("%d claims checked", checked)
	assert.Greater(t, checked, 500, "enough claims checked")
}

// projectionCase is one legal case of testdata/projection.json: the rule
// it pins, the case, the assumed decision's day, and what the projection
// must list (from|until|aid|party|years|pre-law|amount) and what can be
// claimed now (aid|party|amount).
type projectionCase struct {
	Rule          string          `json:"rule"`
	AsOf          civil.Date      `json:"as_of"`
	EstablishedOn civil.Date      `json:"established_on"`
	Case          json.RawMessage `json:"case"`
	Claimable     []string        `json:"claimable"`
	Now           []string        `json:"now"`
}

func TestProjectionCases(t *testing.T) {
	data, err := os.ReadFile("testdata/projection.json")
	require.NoError(t, err)
	var cases []projectionCase
	require.NoError(t, json.Unmarshal(data, &cases))
	k := aid.New(aid.Default())
	for _, tt := range cases {
		t.Run(tt.Rule, func(t *testing.T) {
			c, err := prisoner.DecodeCase(tt.Case)
			require.NoError(t, err)
			p, err := k.Project(c, aid.ProjectOptions{AsOf: tt.AsOf, EstablishedOn: tt.EstablishedOn})
			require.NoError(t, err)
			got := []string{}
			for _, cl := range p.Claimable {
				until, pre := "", ""
				if !cl.Until.IsZero() {
					until = cl.Until.String()
				}
				if cl.PreLaw {
					pre = "pre-law"
				}
				ys := ""
				for i, y := range append(cl.Years, cl.CalendarYears...) {
					if i > 0 {
						ys += ","
					}
					ys += strconv.Itoa(y)
				}
				got = append(got, strings.Join([]string{cl.From.String(), until, cl.Aid.String(), cl.Party, ys, pre, cl.Amount.String()}, "|"))
				assert.True(t, cl.Projected)
			}
			assert.Equal(t, tt.Claimable, got)
			now := []string{}
			for _, e := range p.Now {
				now = append(now, e.Aid.String()+"|"+e.Party+"|"+e.Amount.String())
				assert.False(t, e.Projected, "what is claimable now is real")
			}
			assert.Equal(t, tt.Now, now)
		})
	}
}
