package status

import (
	"cmp"
	"errors"
	"fmt"
	"slices"

	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/internal/enum"
	"github.com/uacaptivity/captivity/law"
	"github.com/uacaptivity/captivity/prisoner"
)

var lawStart = civil.MustNew(2022, 11, 19)

// LawStart returns 2022-11-19, the day Law 2010-IX took effect
// (Art. 17(1)). No Commission under the law existed before it.
func LawStart() civil.Date { return lawStart }

// EffectiveOn chooses the day a Commission decision takes effect
// (LAW.md §8 `decision_effective_on`). The zero value is the default.
type EffectiveOn uint8

// Choices of effective day.
const (
	// NotificationElseDecision: the day the decision was brought to the
	// person's notice, else the decision day (Law on Administrative
	// Procedure art. 74). The default.
	NotificationElseDecision EffectiveOn = iota + 1
	// DecisionDate: always the decision day.
	DecisionDate
)

var effectiveOn = enum.Table[EffectiveOn]{Name: "decision_effective_on", Default: true, Entries: []enum.Entry{{},
	{Code: "notification_date_else_decision_date"}, {Code: "decision_date"},
}}

// AssessedAt chooses the day on which family membership is judged
// (LAW.md §8 `family_status_assessed_at`, Q7). The zero value is the
// default.
type AssessedAt uint8

// Choices of assessment day.
const (
	// ApplicationDate: membership on the day of the claim. The default.
	ApplicationDate AssessedAt = iota + 1
	// DeprivationDate: membership on the day of capture (a divorce after
	// capture does not end it; a marriage after capture does not make one).
	DeprivationDate
)

var assessedAt = enum.Table[AssessedAt]{Name: "family_status_assessed_at", Default: true, Entries: []enum.Entry{{},
	{Code: "application_date"}, {Code: "deprivation_date"},
}}

// Implied chooses what [Build] does with a Commission decision on an
// episode for which no application is recorded (the rule set's setting
// `implied_application`). The zero value is the default.
type Implied uint8

// Choices for a decision with no recorded application.
const (
	// ImpliedWithWarning: the application is taken as made on the day of
	// the decision, and the timeline carries a warning that says so. The
	// Commission decides on an application (Art. 4(2) of Law 2010-IX), so
	// a decision shows that one was made; many records keep only the
	// decision. The default.
	ImpliedWithWarning Implied = iota + 1
	// ImpliedRefused: the decision is a problem, as any event the life
	// cycle does not allow; for registers that must be complete.
	ImpliedRefused
)

var implied = enum.Table[Implied]{Name: "implied_application", Default: true, Entries: []enum.Entry{{},
	{Code: "accept_with_warning"}, {Code: "refuse"},
}}

// Options tune [Build]. The zero value is the reference set RPS-1.
type Options struct {
	// DecisionEffectiveOn defaults to [NotificationElseDecision].
	DecisionEffectiveOn EffectiveOn `json:"decision_effective_on"`
	// FamilyAssessedAt defaults to [ApplicationDate].
	FamilyAssessedAt AssessedAt `json:"family_status_assessed_at"`
	// ImpliedApplication defaults to [ImpliedWithWarning].
	ImpliedApplication Implied `json:"implied_application"`
	// LawStart is the day Law 2010-IX took effect (Art. 17(1)); zero means
	// 2022-11-19. The aid package sets it from its rule set's dates.
	LawStart civil.Date `json:"law_start,omitzero"`
}

// lawStart returns o.LawStart, or 2022-11-19 when it is zero.
func (o Options) lawStart() civil.Date {
	if o.LawStart.IsZero() {
		return lawStart
	}
	return o.LawStart
}

// ErrInconsistent matches every *HistoryError with errors.Is.
var ErrInconsistent = errors.New("inconsistent case history")

// Problem codes of a *HistoryError.
const (
	CodeTransition = "transition"   // the event is not allowed in the state the episode is in
	CodeBeforeLaw  = "before_law"   // a Commission event before 2022-11-19 not marked prior_procedure
	CodeOutOfScope = "out_of_scope" // the fact was established for a person outside Art. 2
	CodeSuspended  = "suspended"    // a decision while consideration is suspended (Art. 4(11))
	CodeExcluded   = "excluded"     // a new application after a conviction (Art. 2(4))
	CodeMember     = "member"       // a family-member decision before the fact is established
)

// A Problem is one offending event: its path in the case ("events[3]"),
// its sequence number, a stable code, the state it met and a message.
type Problem struct {
	Path    string   `json:"path"`
	Seq     int      `json:"seq,omitempty"`
	Code    string   `json:"code"`
	State   State    `json:"state,omitzero"`
	Signal  Signal   `json:"signal,omitzero"`
	Message law.Text `json:"message"`
}

// A HistoryError lists every event of a case that the life cycle does
// not allow. [Build] returns it as *HistoryError, never with no problems.
type HistoryError struct {
	CaseID   string
	Problems []Problem
}

// Error returns the case, its first problem and the count, in English.
func (e *HistoryError) Error() string {
	if e == nil || len(e.Problems) == 0 {
		return "inconsistent case history"
	}
	p := e.Problems[0]
	where := p.Path
	if p.Seq != 0 {
		where = fmt.Sprintf("event seq %d (%s)", p.Seq, p.Path)
	}
	return fmt.Sprintf("case %s: %s: %s (%d problem(s))", e.CaseID, where, p.Message.EN, len(e.Problems))
}

// Is reports whether target is ErrInconsistent.
func (e *HistoryError) Is(target error) bool { return target == ErrInconsistent }

// A Change is one step of an episode's timeline: on Date the episode went
// From one state To another (or stayed, when only a flag changed), because
// of an event (Event is its index in the case's events; -1 for a fact
// taken from the episode), on a legal ground.
type Change struct {
	Date      civil.Date     `json:"date"`
	From      State          `json:"from"`
	To        State          `json:"to"`
	Signal    Signal         `json:"signal"`
	Event     int            `json:"event"`
	Seq       int            `json:"seq,omitempty"`
	Who       law.Text       `json:"who"`
	Ground    law.Citation   `json:"ground"`
	Conf      law.Confidence `json:"confidence"`
	Suspended bool           `json:"suspended,omitempty"`
	Excluded  bool           `json:"excluded,omitempty"`
	// Deferred: the event is dated before 2022-11-19 and takes effect on
	// that day (Art. 17(3)).
	Deferred bool `json:"deferred,omitempty"`
	// Implied: no application is recorded; the decision that follows
	// (Event) shows one was made, and it is taken as made on that day
	// (Options.ImpliedApplication; the timeline's warnings say so).
	Implied bool `json:"implied,omitempty"`
}

// EpisodeTimeline is the life cycle of one episode.
type EpisodeTimeline struct {
	Episode string   `json:"episode"`
	Changes []Change `json:"changes"`
}

// Snapshot is the status of an episode on a day.
type Snapshot struct {
	State State `json:"state"`
	// Since is the day the state began; unset for None with no change.
	Since civil.Date `json:"since,omitzero"`
	// Suspended: consideration suspended by criminal proceedings (Art. 4(11)).
	Suspended bool `json:"suspended,omitempty"`
	// Excluded: a conviction for an excluding crime is final (Art. 2(4)).
	Excluded bool `json:"excluded,omitempty"`
	// Change is the change that put the episode in State; nil if none.
	Change *Change `json:"change,omitempty"`
}

// A Timeline is the legal status of every episode of a case over time,
// and the family members' own status. Build it with [Build]. It is
// immutable and safe for concurrent use.
type Timeline struct {
	CaseID   string            `json:"case_id"`
	Episodes []EpisodeTimeline `json:"episodes"`
	// Warnings are what the timeline had to assume (an application implied
	// by a decision, a release or death with no Register record, a release
	// of unknown kind), in the order of the episodes and their events.
	Warnings []prisoner.Warning `json:"warnings,omitempty"`
	opts     Options
	c        prisoner.Case
}

// Options returns the options the timeline was built with.
func (t *Timeline) Options() Options { return t.opts }

// Episode returns the timeline of the episode with the given ID.
func (t *Timeline) Episode(id string) (EpisodeTimeline, bool) {
	for _, e := range t.Episodes {
		if e.Episode == id {
			return e, true
		}
	}
	return EpisodeTimeline{}, false
}

// At returns the status of the episode on day d: the state after every
// change dated on or before d. An unknown episode is [None].
func (t *Timeline) At(episode string, d civil.Date) Snapshot {
	et, _ := t.Episode(episode)
	return et.At(d)
}

// At returns the status on day d.
func (et EpisodeTimeline) At(d civil.Date) Snapshot {
	s := Snapshot{State: None}
	for i := range et.Changes {
		ch := &et.Changes[i]
		if ch.Date.After(d) {
			break
		}
		if ch.To != s.State || s.Change == nil {
			// The change that put the episode in its state is its ground;
			// a later one that keeps the state (a Register record, a
			// family member's recognition, a suspension) is not.
			s.Since, s.Change = ch.Date, ch
		}
		s.State, s.Suspended, s.Excluded = ch.To, ch.Suspended, ch.Excluded
	}
	return s
}

// Build derives the timeline of every episode of c. It assumes c is valid
// (see [prisoner.Case.Validate]). Events are taken in order of the day
// they take effect and, on one day, of their sequence number; a decision
// takes effect as [Options.DecisionEffectiveOn] says. Applications and
// decisions made before 2022-11-19 under an earlier procedure
// (prior_procedure) take effect on 2022-11-19 (Art. 17(3)); others dated
// before it are problems. A release or death with no Register record
// takes effect on its own date.
//
// Every event the life cycle does not allow, and every establish
// decision for a person outside Art. 2, is reported in one *HistoryError;
// no timeline is returned then.
func Build(c prisoner.Case, opts Options) (*Timeline, error) {
	c = c.Clone() // the timeline keeps its own copy of the case
	t := &Timeline{CaseID: c.ID, opts: opts, c: c}
	var problems []Problem
	t.Episodes = make([]EpisodeTimeline, 0, len(t.c.Episodes))
	for i := range t.c.Episodes {
		var block []Change
		et, ps := buildEpisode(&t.c, &t.c.Episodes[i], opts, table, &block, &t.Warnings)
		t.Episodes = append(t.Episodes, et)
		problems = append(problems, ps...)
	}
	problems = append(problems, checkMemberDecisions(t, &t.c)...)
	if len(problems) > 0 {
		return nil, &HistoryError{CaseID: c.ID, Problems: problems}
	}
	return t, nil
}

type step struct {
	eff      civil.Date
	seq      int
	index    int // event index, -1 for a fact
	sig      Signal
	deferred bool
	ground   prisoner.Ground
}

func signalOf(ev *prisoner.Event) Signal {
	switch ev.Kind {
	case prisoner.Application:
		return SigApply
	case prisoner.Decision:
		switch ev.Decision {
		case prisoner.Establish:
			return SigEstablish
		case prisoner.NotConfirmed:
			return SigNotConfirm
		case prisoner.Invalidate:
			if ev.Member == "" {
				return SigInvalidate
			}
		}
	case prisoner.CourtRuling:
		if ev.Ruling == prisoner.Reconsider {
			return SigReconsider
		}
		return SigAnnul
	case prisoner.ReleaseRecord:
		return SigRecordRelease
	case prisoner.DeathRecord:
		return SigRecordDeath
	case prisoner.ProceedingsOpened:
		return SigProceedingsOpened
	case prisoner.ProceedingsClosed:
		return SigProceedingsClosed
	case prisoner.Conviction:
		return SigConviction
	}
	return 0
}

func effective(ev *prisoner.Event, opts Options) civil.Date {
	if ev.Kind == prisoner.Decision && opts.DecisionEffectiveOn.norm() == DecisionDate {
		return ev.Date
	}
	return ev.Effective()
}

// buildEpisode derives the timeline of episode ep, its changes cut from
// *block (which grows when short; changes cut before keep the old one).
func buildEpisode(c *prisoner.Case, ep *prisoner.Episode, opts Options, table []Transition, block *[]Change, warn *[]prisoner.Warning) (EpisodeTimeline, []Problem) {
	var (
		steps                          = make([]step, 0, 8)
		problems                       []Problem
		recordedRelease, recordedDeath bool
	)
	for i := range c.Events {
		ev := &c.Events[i]
		if ev.Episode != ep.ID {
			continue
		}
		sig := signalOf(ev)
		if sig == 0 {
			continue
		}
		st := step{eff: effective(ev, opts), seq: ev.Seq, index: i, sig: sig, ground: ev.Ground}
		commission := ev.Kind == prisoner.Application || ev.Kind == prisoner.Decision
		if start := opts.lawStart(); st.eff.Before(start) {
			switch {
			case commission && ev.PriorProcedure:
				st.eff, st.deferred = start, true
			case commission:
				problems = append(problems, Problem{Path: fmt.Sprintf("events[%d]", i), Seq: ev.Seq, Code: CodeBeforeLaw, Signal: sig,
					Message: law.Text{
						UK: "подія Комісії до 19.11.2022: Комісії ще не було; позначте prior_procedure, якщо це рішення за попереднім порядком",
						EN: "a Commission event before 2022-11-19, when no Commission existed; mark prior_procedure if it was made under an earlier procedure (Art. 17(3))",
					}})
				continue
			default:
				st.eff, st.deferred = start, true
			}
		}
		recordedRelease = recordedRelease || sig == SigRecordRelease
		recordedDeath = recordedDeath || sig == SigRecordDeath
		steps = append(steps, st)
	}
	epPath := func(field string) string { return fmt.Sprintf("episodes[%d].%s", episodeIndex(c, ep), field) }
	if !ep.Released.IsZero() && !recordedRelease {
		steps = append(steps, step{eff: ep.Released, index: -1, sig: SigReleaseFact})
		*warn = append(*warn, prisoner.Warning{Code: prisoner.WarnNoRegisterRecord, Path: epPath("released"), Message: law.Text{
			UK: "звільнення без запису в Єдиному реєстрі (події release_record): взято дату звільнення",
			EN: "the release has no Unified Register record (a release_record event): it takes effect on the release date"}})
	}
	if !ep.Released.IsZero() && ep.ReleaseKind == 0 {
		*warn = append(*warn, prisoner.Warning{Code: prisoner.WarnReleaseKindUnknown, Path: epPath("release_kind"), Message: law.Text{
			UK: "не вказано, як особу звільнено (release_kind); жодне правило цієї бібліотеки від цього не залежить, але Реєстр це містить",
			EN: "the kind of release (release_kind) is not given; no rule of this library turns on it, but the Register records it"}})
	}
	if !ep.Died.IsZero() && !recordedDeath {
		steps = append(steps, step{eff: ep.Died, index: -1, sig: SigDeathFact})
		*warn = append(*warn, prisoner.Warning{Code: prisoner.WarnNoRegisterRecord, Path: epPath("died"), Message: law.Text{
			UK: "смерть без запису в Єдиному реєстрі (події death_record): взято дату смерті",
			EN: "the death has no Unified Register record (a death_record event): it takes effect on the day of death"}})
	}
	slices.SortStableFunc(steps, func(a, b step) int {
		if c := a.eff.Compare(b.eff); c != 0 {
			return c
		}
		return cmp.Compare(a.seq, b.seq)
	})

	if cap(*block)-len(*block) < len(steps) {
		*block = make([]Change, 0, max(2*cap(*block), len(steps)))
	}
	start := len(*block)
	*block = (*block)[:start+len(steps)]
	et := EpisodeTimeline{Episode: ep.ID, Changes: (*block)[start : start : start+len(steps)]}
	state, suspended, excluded := None, false, false
	convictionGround := false
	for _, st := range steps {
		path := eventPath(st.index)
		fact := st.index < 0
		if fact && !(state == Held || (state == Released && st.sig == SigDeathFact)) {
			continue // the fact is taken into account when the fact is established
		}
		died := !ep.Died.IsZero() && !ep.Died.After(st.eff)
		released := !ep.Released.IsZero() && !ep.Released.After(st.eff)
		tr, ok := lookup(table, state, st.sig, died, released)
		if !ok && state == None && (st.sig == SigEstablish || st.sig == SigNotConfirm) && opts.ImpliedApplication.norm() == ImpliedWithWarning {
			// The Commission decides on an application (Art. 3(5), 4(1)-(6)
			// of Law 2010-IX): a decision with none recorded shows that one
			// was made. It is taken as made on the decision's day.
			if app, okApp := lookup(table, None, SigApply, died, released); okApp {
				if next, okNext := lookup(table, app.To, st.sig, died, released); okNext {
					et.Changes = append(et.Changes, Change{
						Date: st.eff, From: None, To: app.To, Signal: SigApply, Event: st.index, Seq: seqOf(c, st.index),
						Who: app.Who, Ground: app.Ground, Conf: app.Conf, Suspended: suspended, Excluded: excluded, Deferred: st.deferred, Implied: true,
					})
					*warn = append(*warn, prisoner.Warning{Code: prisoner.WarnImpliedApplication, Path: path.String(), Seq: seqOf(c, st.index), Message: law.Text{
						UK: "заяви до цього рішення не записано: вважається, що її подано в день рішення",
						EN: "no application is recorded before this decision: it is taken as made on the day of the decision"}})
					state, tr, ok = app.To, next, true
				}
			}
		}
		switch {
		case !ok:
			msg := law.Text{
				UK: "подія «" + st.sig.Label().UK + "» неможлива у стані «" + state.Label().UK + "»",
				EN: "event \"" + st.sig.Label().EN + "\" is not possible in state " + state.String(),
			}
			if fix := fixFor(state, st.sig); fix.EN != "" {
				msg = law.Text{UK: msg.UK + ": " + fix.UK, EN: msg.EN + ": " + fix.EN}
			}
			problems = append(problems, Problem{Path: path.String(), Seq: seqOf(c, st.index), Code: CodeTransition, State: state, Signal: st.sig, Message: msg})
			continue
		case st.sig == SigEstablish && suspended:
			problems = append(problems, Problem{Path: path.String(), Seq: seqOf(c, st.index), Code: CodeSuspended, State: state, Signal: st.sig,
				Message: law.Text{UK: "рішення під час зупинення розгляду (ст. 4 ч. 11)", EN: "a decision while consideration is suspended by criminal proceedings (Art. 4(11))"}})
			continue
		case st.sig == SigApply && state == Cancelled && convictionGround:
			problems = append(problems, Problem{Path: path.String(), Seq: seqOf(c, st.index), Code: CodeExcluded, State: state, Signal: st.sig,
				Message: law.Text{UK: "закон не застосовується після обвинувального вироку (ст. 2 ч. 4)", EN: "the law does not apply after a final conviction (Art. 2(4))"}})
			continue
		case st.sig == SigEstablish:
			if p, bad := outOfScope(&c.Person, ep); bad {
				p.Path, p.Seq, p.State, p.Signal = path.String(), seqOf(c, st.index), state, st.sig
				problems = append(problems, p)
				continue
			}
		}
		switch st.sig {
		case SigProceedingsOpened:
			suspended = true
		case SigProceedingsClosed:
			suspended = false
		case SigConviction:
			excluded, suspended = true, false
		case SigInvalidate:
			convictionGround = st.ground == prisoner.ConvictionGround
		}
		et.Changes = append(et.Changes, Change{
			Date: st.eff, From: state, To: tr.To, Signal: st.sig, Event: st.index, Seq: seqOf(c, st.index),
			Who: tr.Who, Ground: tr.Ground, Conf: tr.Conf, Suspended: suspended, Excluded: excluded, Deferred: st.deferred,
		})
		state = tr.To
	}
	return et, problems
}

// episodeIndex returns the index of ep in c's episodes.
func episodeIndex(c *prisoner.Case, ep *prisoner.Episode) int {
	for i := range c.Episodes {
		if &c.Episodes[i] == ep {
			return i
		}
	}
	return -1
}

// eventPath is the path of event i; it is only built for problems, so the
// common path allocates nothing.
type eventPath int

func (i eventPath) String() string { return fmt.Sprintf("events[%d]", int(i)) }

func seqOf(c *prisoner.Case, i int) int {
	if i < 0 {
		return 0
	}
	return c.Events[i].Seq
}

// outOfScope checks Art. 2: citizens in the three categories; foreigners
// and stateless persons only if serving in Ukraine's forces at capture.
func outOfScope(p *prisoner.Person, ep *prisoner.Episode) (Problem, bool) {
	bad := func(uk, en string, art string) (Problem, bool) {
		return Problem{Code: CodeOutOfScope, Message: law.Text{
			UK: "факт встановлено щодо особи поза сферою дії закону: " + uk + " (ст. " + art + ")",
			EN: "the fact was established for a person outside the law: " + en + " (Art. " + art + ")",
		}}, true
	}
	switch ep.Category {
	case prisoner.Military:
		if !p.Citizen() {
			return bad("військовослужбовець не є громадянином України; категорія foreign_military", "a serviceman who is not a citizen of Ukraine belongs to foreign_military", "2(1)(1)")
		}
		if !ep.ServingAtCapture {
			return bad("не перебував на службі під час захоплення", "not serving in Ukraine's forces at capture", "2(1)(1)")
		}
	case prisoner.Political, prisoner.Civilian:
		if !p.Citizen() {
			return bad("цивільна особа не є громадянином України", "a civilian who is not a citizen of Ukraine", "2(1)(2), 2(2)")
		}
		if ep.ServingAtCapture {
			return bad("цивільна категорія для особи на службі", "a civilian category for a person serving at capture", "2(1)(2)")
		}
	case prisoner.ForeignMilitary:
		if p.Citizen() {
			return bad("громадянин України не належить до категорії foreign_military", "a citizen of Ukraine is not foreign_military", "2(2)")
		}
		if !ep.ServingAtCapture {
			return bad("іноземець не перебував на службі під час захоплення", "a foreigner not serving at capture", "2(2)")
		}
	}
	return Problem{}, false
}

// checkMemberDecisions reports family-member decisions made before the
// fact is established for their episode (Art. 4(5) requires the decision
// establishing the fact).
func checkMemberDecisions(t *Timeline, c *prisoner.Case) []Problem {
	var out []Problem
	for i := range c.Events {
		ev := &c.Events[i]
		if ev.Kind != prisoner.Decision || ev.Member == "" {
			continue
		}
		eff := effective(ev, t.opts)
		if st := t.At(ev.Episode, eff).State; !st.Established() && ev.Decision != prisoner.Invalidate {
			out = append(out, Problem{Path: eventPath(i).String(), Seq: ev.Seq, Code: CodeMember, State: st,
				Message: law.Text{UK: "рішення щодо члена сім'ї до встановлення факту (ст. 4 ч. 5)", EN: "a family-member decision before the fact is established (Art. 4(5))"}})
		}
	}
	return out
}

// fixFor suggests, for an event the life cycle does not allow, the fix
// that would make the history possible, where there is an obvious one;
// the zero Text otherwise.
func fixFor(state State, sig Signal) law.Text {
	switch {
	case state == None && (sig == SigEstablish || sig == SigNotConfirm):
		return law.Text{UK: "додайте заяву, що передувала цьому рішенню (або дозвольте implied_application)",
			EN: "add the application that preceded this decision (or allow implied_application)"}
	case (state == None || state == Applied || state == NotConfirmed) && (sig == SigRecordRelease || sig == SigRecordDeath || sig == SigInvalidate || sig == SigAnnul):
		return law.Text{UK: "додайте рішення про встановлення факту, що передувало цій події",
			EN: "add the decision establishing the fact that preceded this event"}
	case state.Established() && sig == SigEstablish:
		return law.Text{UK: "факт уже встановлено: приберіть повторне рішення або дайте йому інший епізод",
			EN: "the fact is already established: remove the repeated decision or give it its own episode"}
	}
	return law.Text{}
}
