package status_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/internal/samples"
	"github.com/uacaptivity/captivity/law"
	"github.com/uacaptivity/captivity/prisoner"
	"github.com/uacaptivity/captivity/status"
)

var d = civil.MustParse

// TestNextEveryPair checks every (state, signal) pair against a table
// written from LAW.md §4 independently of the package's table.
func TestNextEveryPair(t *testing.T) {
	type key struct {
		from status.State
		sig  status.Signal
	}
	allowed := map[key]status.State{
		{status.None, status.SigApply}:              status.Applied,
		{status.Applied, status.SigApply}:           status.Applied,
		{status.NotConfirmed, status.SigApply}:      status.Applied,
		{status.Cancelled, status.SigApply}:         status.Applied,
		{status.Held, status.SigApply}:              status.Held,
		{status.Released, status.SigApply}:          status.Released,
		{status.Deceased, status.SigApply}:          status.Deceased,
		{status.Applied, status.SigEstablish}:       status.Held, // when held at the decision
		{status.Applied, status.SigNotConfirm}:      status.NotConfirmed,
		{status.NotConfirmed, status.SigReconsider}: status.Applied,
		{status.Held, status.SigInvalidate}:         status.Cancelled,
		{status.Released, status.SigInvalidate}:     status.Cancelled,
		{status.Deceased, status.SigInvalidate}:     status.Cancelled,
		{status.Held, status.SigAnnul}:              status.Cancelled,
		{status.Released, status.SigAnnul}:          status.Cancelled,
		{status.Deceased, status.SigAnnul}:          status.Cancelled,
		{status.Held, status.SigRecordRelease}:      status.Released,
		{status.Held, status.SigReleaseFact}:        status.Released,
		{status.Held, status.SigRecordDeath}:        status.Deceased,
		{status.Released, status.SigRecordDeath}:    status.Deceased,
		{status.Held, status.SigDeathFact}:          status.Deceased,
		{status.Released, status.SigDeathFact}:      status.Deceased,
	}
	// The ground each signal rests on (LAW.md §4 table); an application in an
	// established state is one to recognise a family member (Art. 4(5)).
	grounds := map[status.Signal]string{
		status.SigEstablish: "2010-IX:4(7)", status.SigNotConfirm: "2010-IX:4(7)", status.SigReconsider: "2010-IX:4(10)",
		status.SigInvalidate: "2010-IX:4(8)", status.SigAnnul: "2010-IX:4(10)", status.SigRecordRelease: "2010-IX:5(2)",
		status.SigRecordDeath: "2010-IX:7(3)", status.SigReleaseFact: "LAW.md:4", status.SigDeathFact: "LAW.md:4",
	}
	flagOnly := map[status.Signal]bool{status.SigProceedingsOpened: true, status.SigProceedingsClosed: true, status.SigConviction: true}
	for _, from := range status.States() {
		for _, sig := range status.Signals() {
			t.Run(fmt.Sprintf("%s/%s", from, sig), func(t *testing.T) {
				tr, err := status.Next(from, sig, false, false)
				want, ok := allowed[key{from, sig}]
				switch {
				case flagOnly[sig]:
					require.NoError(t, err)
					assert.Equal(t, from, tr.To, "LAW.md §2.5: flags do not change the state")
				case ok:
					require.NoError(t, err)
					assert.Equal(t, want, tr.To)
					wantGround := grounds[sig]
					if sig == status.SigApply {
						wantGround = map[status.State]string{status.None: "2010-IX:4(1)", status.Applied: "2010-IX:4(12)", status.NotConfirmed: "2010-IX:4(1)",
							status.Cancelled: "LAW.md:4", status.Held: "2010-IX:4(5)(1)", status.Released: "2010-IX:4(5)(1)", status.Deceased: "2010-IX:4(5)(1)"}[from]
					}
					assert.Equal(t, wantGround, tr.Ground.Code(), "the legal ground of %s", sig)
					assert.True(t, tr.Conf.Valid())
				default:
					require.ErrorIs(t, err, status.ErrTransition)
					var te *status.TransitionError
					require.ErrorAs(t, err, &te)
					assert.Equal(t, from, te.From)
				}
			})
		}
	}
	// The establish decision looks at the facts on its effective day (Art. 4(7)).
	tr, err := status.Next(status.Applied, status.SigEstablish, false, true)
	require.NoError(t, err)
	assert.Equal(t, status.Released, tr.To)
	assert.Equal(t, "2010-IX:4(7)", tr.Ground.Code())
	tr, err = status.Next(status.Applied, status.SigEstablish, true, true)
	require.NoError(t, err)
	assert.Equal(t, status.Deceased, tr.To)
}

func build(t *testing.T, c prisoner.Case, opts status.Options) *status.Timeline {
	t.Helper()
	require.NoError(t, c.Validate())
	tl, err := status.Build(c, opts)
	require.NoError(t, err)
	return tl
}

func sample(t *testing.T, id string) prisoner.Case {
	t.Helper()
	cs, err := samples.Cases()
	require.NoError(t, err)
	for _, c := range cs {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("no sample %s", id)
	return prisoner.Case{}
}

func TestSampleTimelines(t *testing.T) {
	tests := []struct {
		caseID, episode, on string
		want                status.State
		rule                string
	}{
		{"C-01", "e1", "2022-12-04", status.None, "no application yet"},
		{"C-01", "e1", "2022-12-05", status.Applied, "Art. 4(1): application filed"},
		{"C-01", "e1", "2023-02-14", status.Applied, "art. 74: the decision is not yet notified"},
		{"C-01", "e1", "2023-02-19", status.Applied, "art. 74: the day before notification"},
		{"C-01", "e1", "2023-02-20", status.Held, "art. 74: effective on notification"},
		{"C-02", "e1", "2022-11-18", status.None, "Art. 17(1): nothing before the law"},
		{"C-03", "e1", "2023-10-20", status.Released, "Art. 4(7): release already happened at the decision"},
		{"C-04", "e1", "2023-07-31", status.Held, "death not yet recorded"},
		{"C-04", "e1", "2023-08-01", status.Deceased, "Art. 7(3): death recorded"},
		{"C-05", "e1", "2024-07-09", status.Held, "release recorded later than it happened"},
		{"C-05", "e1", "2024-07-10", status.Released, "register record takes effect on the day recorded"},
		{"C-05", "e1", "2025-03-20", status.Deceased, "death recorded"},
		{"C-07", "e1", "2023-05-14", status.Applied, "refusal not yet notified"},
		{"C-07", "e1", "2023-05-15", status.NotConfirmed, "Art. 4(7): not confirmed"},
		{"C-07", "e1", "2023-10-02", status.Applied, "Art. 4(10): court orders reconsideration"},
		{"C-07", "e1", "2024-01-25", status.Released, "established after release"},
		{"C-08", "e1", "2026-06-01", status.None, "no Commission events at all"},
		{"C-09", "e1", "2023-06-01", status.NotConfirmed, "refused"},
		{"C-09", "e1", "2023-09-01", status.Applied, "re-application with new documents"},
		{"C-09", "e1", "2024-01-05", status.Held, "a family member's application keeps the state"},
		{"C-10", "e1", "2024-05-31", status.Released, "conviction alone does not change the state"},
		{"C-10", "e1", "2024-06-01", status.Cancelled, "Art. 4(8)(2): declared invalid"},
		{"C-12", "e1", "2022-11-18", status.None, "Art. 17(3): the prior decision counts from the law's start"},
		{"C-12", "e1", "2022-11-19", status.Released, "Art. 17(3): the prior decision counts from the law's start"},
		{"C-12", "e1", "2022-11-20", status.Released, "day after"},
		{"C-13", "e1", "2023-11-01", status.Released, "first episode"},
		{"C-13", "e2", "2023-09-30", status.Applied, "second episode has its own life cycle"},
		{"C-13", "e2", "2023-10-01", status.Held, "second episode has its own life cycle"},
	}
	for _, tt := range tests {
		t.Run(tt.caseID+"/"+tt.on, func(t *testing.T) {
			tl := build(t, sample(t, tt.caseID), status.Options{})
			assert.Equal(t, tt.want, tl.At(tt.episode, d(tt.on)).State, tt.rule)
		})
	}
	tl := build(t, sample(t, "C-10"), status.Options{})
	assert.True(t, tl.At("e1", d("2024-05-10")).Excluded, "Art. 2(4): conviction marks the episode")
	assert.False(t, tl.At("e1", d("2024-05-09")).Excluded)
	snap := tl.At("e1", d("2024-07-01"))
	require.NotNil(t, snap.Change)
	assert.Equal(t, "2010-IX:4(8)", snap.Change.Ground.Code())
	assert.Equal(t, d("2024-06-01"), snap.Since)
}

func TestDecisionEffectiveOnOption(t *testing.T) {
	c := sample(t, "C-01")
	tl := build(t, c, status.Options{DecisionEffectiveOn: status.DecisionDate})
	assert.Equal(t, status.Held, tl.At("e1", d("2023-02-14")).State, "decision_effective_on=decision_date")
	tl = build(t, c, status.Options{})
	assert.Equal(t, status.Applied, tl.At("e1", d("2023-02-14")).State, "default: notification date")
}

func base() prisoner.Case {
	return prisoner.Case{
		ID:       "S",
		Person:   prisoner.Person{Citizenship: "UA"},
		Episodes: []prisoner.Episode{{ID: "e1", Category: prisoner.Civilian, Captured: d("2022-03-01")}},
		Family:   []prisoner.FamilyMember{{ID: "f1", Relation: prisoner.Spouse, Since: d("2010-01-01")}, {ID: "f2", Relation: prisoner.Household}},
	}
}

func ev(seq int, date string, kind prisoner.EventKind, edit ...func(*prisoner.Event)) prisoner.Event {
	e := prisoner.Event{Seq: seq, Date: d(date), Kind: kind, Episode: "e1"}
	if kind == prisoner.Application {
		e.Party = prisoner.PartyPerson
	}
	for _, f := range edit {
		f(&e)
	}
	return e
}

func decided(k prisoner.DecisionKind) func(*prisoner.Event) {
	return func(e *prisoner.Event) { e.Decision = k }
}

func TestHistoryProblems(t *testing.T) {
	tests := []struct {
		name   string
		events []prisoner.Event
		edit   func(*prisoner.Case)
		refuse bool              // implied_application=refuse
		want   map[string]string // path -> code
	}{
		{name: "decision with no application, under implied_application=refuse",
			events: []prisoner.Event{ev(1, "2023-01-01", prisoner.Decision, decided(prisoner.Establish))},
			refuse: true,
			want:   map[string]string{"events[0]": status.CodeTransition}},
		{name: "release recorded before establishment",
			events: []prisoner.Event{ev(1, "2023-01-01", prisoner.ReleaseRecord), ev(2, "2023-02-01", prisoner.Application)},
			want:   map[string]string{"events[0]": status.CodeTransition}},
		{name: "Commission event before the law",
			events: []prisoner.Event{ev(1, "2022-11-18", prisoner.Application)},
			want:   map[string]string{"events[0]": status.CodeBeforeLaw}},
		{name: "application after invalidation for conviction",
			events: []prisoner.Event{
				ev(1, "2023-01-01", prisoner.Application), ev(2, "2023-02-01", prisoner.Decision, decided(prisoner.Establish)),
				ev(3, "2023-03-01", prisoner.Conviction),
				ev(4, "2023-04-01", prisoner.Decision, decided(prisoner.Invalidate), func(e *prisoner.Event) { e.Ground = prisoner.ConvictionGround }),
				ev(5, "2023-05-01", prisoner.Application),
			},
			want: map[string]string{"events[4]": status.CodeExcluded}},
		{name: "establish while suspended",
			events: []prisoner.Event{
				ev(1, "2023-01-01", prisoner.Application), ev(2, "2023-01-15", prisoner.ProceedingsOpened),
				ev(3, "2023-02-01", prisoner.Decision, decided(prisoner.Establish)),
			},
			want: map[string]string{"events[2]": status.CodeSuspended}},
		{name: "foreign civilian established",
			events: []prisoner.Event{ev(1, "2023-01-01", prisoner.Application), ev(2, "2023-02-01", prisoner.Decision, decided(prisoner.Establish))},
			edit:   func(c *prisoner.Case) { c.Person.Citizenship = "PL" },
			want:   map[string]string{"events[1]": status.CodeOutOfScope}},
		{name: "family decision before establishment",
			events: []prisoner.Event{ev(1, "2023-01-01", prisoner.Application), ev(2, "2023-01-02", prisoner.Decision, decided(prisoner.RecogniseMember), func(e *prisoner.Event) { e.Member = "f2" })},
			want:   map[string]string{"events[1]": status.CodeMember}},
		{name: "every offending event is listed", refuse: true,
			events: []prisoner.Event{
				ev(1, "2023-01-01", prisoner.Decision, decided(prisoner.NotConfirmed)),
				ev(2, "2023-02-01", prisoner.CourtRuling, func(e *prisoner.Event) { e.Ruling = prisoner.Reconsider }),
				ev(3, "2023-03-01", prisoner.DeathRecord),
			},
			want: map[string]string{"events[0]": status.CodeTransition, "events[1]": status.CodeTransition, "events[2]": status.CodeTransition}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := base()
			c.Events = tt.events
			if tt.edit != nil {
				tt.edit(&c)
			}
			require.NoError(t, c.Validate())
			var opts status.Options
			if tt.refuse {
				opts.ImpliedApplication = status.ImpliedRefused
			}
			tl, err := status.Build(c, opts)
			assert.Nil(t, tl)
			require.ErrorIs(t, err, status.ErrInconsistent)
			var he *status.HistoryError
			require.ErrorAs(t, err, &he)
			got := map[string]string{}
			for _, p := range he.Problems {
				got[p.Path] = p.Code
				assert.NotEmpty(t, p.Message.UK)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// A Commission decision with no recorded application (Art. 3(5), 4(1)-(6):
// the Commission decides on an application): by default the application
// is taken as made on the decision's day, marked implied, with a warning
// naming the event by seq and path; under implied_application=refuse it
// is a problem that says how to fix it.
func TestImpliedApplication(t *testing.T) {
	for _, kind := range []prisoner.DecisionKind{prisoner.Establish, prisoner.NotConfirmed} {
		t.Run(kind.String(), func(t *testing.T) {
			c := base()
			c.Events = []prisoner.Event{ev(4, "2023-01-01", prisoner.Decision, decided(kind))}
			require.NoError(t, c.Validate())
			tl, err := status.Build(c, status.Options{})
			require.NoError(t, err)
			ch := tl.Episodes[0].Changes
			require.Len(t, ch, 2)
			assert.Equal(t, status.SigApply, ch[0].Signal)
			assert.True(t, ch[0].Implied)
			assert.Equal(t, 4, ch[0].Seq)
			assert.False(t, ch[1].Implied)
			want := status.Held
			if kind == prisoner.NotConfirmed {
				want = status.NotConfirmed
			}
			assert.Equal(t, want, tl.Episodes[0].At(civil.MustNew(2023, 6, 1)).State)
			require.Len(t, tl.Warnings, 1)
			assert.Equal(t, prisoner.Warning{Code: prisoner.WarnImpliedApplication, Path: "events[0]", Seq: 4, Message: tl.Warnings[0].Message}, tl.Warnings[0])

			_, err = status.Build(c, status.Options{ImpliedApplication: status.ImpliedRefused})
			require.ErrorIs(t, err, status.ErrInconsistent)
			assert.Contains(t, err.Error(), "event seq 4 (events[0])")
			assert.Contains(t, err.Error(), "add the application that preceded this decision")
		})
	}
	// An application on record: no implied one, no warning.
	c := base()
	c.Events = []prisoner.Event{ev(1, "2022-12-01", prisoner.Application), ev(2, "2023-01-01", prisoner.Decision, decided(prisoner.Establish))}
	tl, err := status.Build(c, status.Options{})
	require.NoError(t, err)
	assert.Empty(t, tl.Warnings)
	assert.Len(t, tl.Episodes[0].Changes, 2)
}

func TestScope(t *testing.T) {
	tests := []struct {
		name     string
		person   prisoner.Person
		category prisoner.Category
		serving  bool
		ok       bool
	}{
		{"citizen serviceman", prisoner.Person{Citizenship: "UA"}, prisoner.Military, true, true},
		{"citizen not serving as military", prisoner.Person{Citizenship: "UA"}, prisoner.Military, false, false},
		{"foreign serviceman", prisoner.Person{Citizenship: "GB"}, prisoner.ForeignMilitary, true, true},
		{"stateless serviceman", prisoner.Person{Stateless: true}, prisoner.ForeignMilitary, true, true},
		{"foreigner not serving", prisoner.Person{Citizenship: "GB"}, prisoner.ForeignMilitary, false, false},
		{"citizen as foreign_military", prisoner.Person{Citizenship: "UA"}, prisoner.ForeignMilitary, true, false},
		{"citizen political prisoner", prisoner.Person{Citizenship: "UA"}, prisoner.Political, false, true},
		{"foreign hostage", prisoner.Person{Citizenship: "DE"}, prisoner.Civilian, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := base()
			c.Person = tt.person
			c.Episodes[0].Category, c.Episodes[0].ServingAtCapture = tt.category, tt.serving
			c.Events = []prisoner.Event{ev(1, "2023-01-01", prisoner.Application), ev(2, "2023-02-01", prisoner.Decision, decided(prisoner.Establish))}
			_, err := status.Build(c, status.Options{})
			if tt.ok {
				assert.NoError(t, err, "Law 2010-IX Art. 2")
			} else {
				assert.ErrorIs(t, err, status.ErrInconsistent, "Law 2010-IX Art. 2")
			}
		})
	}
}

func TestReleaseFactWithoutRecord(t *testing.T) {
	c := base()
	c.Episodes[0].Released, c.Episodes[0].ReleaseKind = d("2023-06-10"), prisoner.Exchange
	c.Events = []prisoner.Event{ev(1, "2023-01-01", prisoner.Application), ev(2, "2023-02-01", prisoner.Decision, decided(prisoner.Establish))}
	tl := build(t, c, status.Options{})
	assert.Equal(t, status.Held, tl.At("e1", d("2023-06-09")).State)
	s := tl.At("e1", d("2023-06-10"))
	assert.Equal(t, status.Released, s.State)
	assert.Equal(t, law.Assumption, s.Change.Conf, "no Register record: the fact's date, an assumption")
	assert.Equal(t, -1, s.Change.Event)
}

func TestMemberStatus(t *testing.T) {
	c := base()
	c.Family = append(c.Family, prisoner.FamilyMember{ID: "f3", Relation: prisoner.Spouse, Since: d("2000-01-01"), Ended: d("2022-06-01")})
	c.Family = append(c.Family, prisoner.FamilyMember{ID: "f4", Relation: prisoner.Spouse, Since: d("2023-05-01")})
	c.Events = []prisoner.Event{
		ev(1, "2023-01-01", prisoner.Application), ev(2, "2023-02-01", prisoner.Decision, decided(prisoner.Establish)),
		ev(3, "2023-03-01", prisoner.Application, func(e *prisoner.Event) { e.Party = "f2" }),
		ev(4, "2023-04-01", prisoner.Decision, decided(prisoner.RecogniseMember), func(e *prisoner.Event) { e.Member = "f2" }),
	}
	tl := build(t, c, status.Options{})
	tests := []struct {
		member, on string
		want       status.MemberState
		rule       string
	}{
		{"f1", "2023-01-01", status.Recognised, "Art. 4(5): spouse by civil-status documents"},
		{"f2", "2023-03-31", status.Claimed, "Art. 4(5): household member needs a decision"},
		{"f2", "2023-04-01", status.Recognised, "Art. 4(7): recognised by decision"},
		{"f3", "2023-01-01", status.NotMember, "divorced before the claim (assessed at application date)"},
		{"f4", "2023-06-01", status.Recognised, "married after capture, assessed at application date"},
		{"f9", "2023-06-01", status.NotMember, "unknown member"},
	}
	for _, tt := range tests {
		t.Run(tt.member+"/"+tt.on, func(t *testing.T) {
			assert.Equal(t, tt.want, tl.Member(tt.member, "e1", d(tt.on)).State, tt.rule)
		})
	}
	// LAW.md §8 family_status_assessed_at = deprivation_date: the divorce came
	// after the capture, the marriage after it too.
	tl = build(t, c, status.Options{FamilyAssessedAt: status.DeprivationDate})
	assert.Equal(t, status.Recognised, tl.Member("f3", "e1", d("2023-01-01")).State, "Q7: deprivation date")
	assert.Equal(t, status.NotMember, tl.Member("f4", "e1", d("2023-06-01")).State, "Q7: deprivation date")
}

func TestDiagramIsCurrent(t *testing.T) {
	got, err := os.ReadFile("README.md")
	require.NoError(t, err)
	assert.Equal(t, status.Readme(), string(got), "run go generate ./status")
}

// The ground of a state is the change that put the episode in it: a
// family member's application after the establish decision keeps the
// state, and the status still cites the establish decision (Art. 4(7)),
// not the application (issue: the case model, 11).
func TestSnapshotGroundIsTheChangeThatSetTheState(t *testing.T) {
	cs, err := samples.Cases()
	require.NoError(t, err)
	for _, c := range cs {
		tl, err := status.Build(c, status.Options{})
		require.NoError(t, err)
		for _, et := range tl.Episodes {
			s := et.At(civil.MustNew(2026, 11, 28))
			if s.Change == nil {
				continue
			}
			assert.Equal(t, s.State, s.Change.To, "%s %s", c.ID, et.Episode)
			assert.Equal(t, s.Since, s.Change.Date, "%s %s: the change of the state is the one dated since", c.ID, et.Episode)
			if s.State == status.Held {
				assert.Equal(t, "2010-IX:4(7)", s.Change.Ground.Code(), "%s %s", c.ID, et.Episode)
			}
		}
	}
}
