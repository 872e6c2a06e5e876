package status

import (
	"errors"
	"fmt"
	"strings"

	"github.com/uacaptivity/captivity/internal/enum"

	"github.com/uacaptivity/captivity/law"
)

// A Transition is one allowed move of the life cycle: from a state, on a
// signal, to a state, caused by someone, on a legal ground. From == 0 means
// "from any state" (the flag-only signals); To == 0 means "stays where it
// is". When several rows share From and Signal, Cond picks one.
type Transition struct {
	From   State          `json:"from,omitzero"`
	Signal Signal         `json:"signal"`
	To     State          `json:"to,omitzero"`
	Cond   Cond           `json:"cond,omitzero"`
	Who    law.Text       `json:"who"`
	Ground law.Citation   `json:"ground"`
	Conf   law.Confidence `json:"confidence"`
}

// Cond is the fact that selects among transitions of the same state and
// signal.
type Cond uint8

// Conditions of the establish decision (LAW.md §4: the target state
// depends on the facts known at the decision).
const (
	WhileHeld    Cond = iota + 1 // the person is held on the effective day
	AfterRelease                 // released on or before the effective day
	AfterDeath                   // died on or before the effective day
)

var conds = enum.Table[Cond]{Name: "condition", Entries: []enum.Entry{{},
	{Code: "while_held", Label: law.Text{UK: "утримується на момент рішення", EN: "held at the decision"}},
	{Code: "after_release", Label: law.Text{UK: "звільнений до рішення", EN: "released by the decision"}},
	{Code: "after_death", Label: law.Text{UK: "помер до рішення", EN: "died by the decision"}},
}}

func (c Cond) holds(died, released bool) bool {
	switch c {
	case AfterDeath:
		return died
	case AfterRelease:
		return released && !died
	case WhileHeld:
		return !released && !died
	}
	return true
}

var (
	whoApplicant  = law.Text{UK: "особа, законний представник або член сім'ї", EN: "the person, a legal representative or a family member"}
	whoCommission = law.Text{UK: "Комісія", EN: "the Commission"}
	whoCourt      = law.Text{UK: "суд", EN: "a court"}
	whoRegister   = law.Text{UK: "держатель Єдиного реєстру", EN: "the Register holder"}
	whoFacts      = law.Text{UK: "факт (дата події)", EN: "the facts (the day it happened)"}
	whoProsecutor = law.Text{UK: "орган досудового розслідування", EN: "the investigating authority"}
	whoCriminal   = law.Text{UK: "суд у кримінальній справі", EN: "the criminal court"}
)

// Transitions returns the transition table of LAW.md §4, one row per
// allowed move. It returns a new copy on every call.
func Transitions() []Transition { return append([]Transition(nil), table...) }

// table is the transition table; it is built once and never changed.
var table = transitions()

func transitions() []Transition {
	c := law.Cite
	apply := c(law.Law2010, "4", "1").WithNote("and 4(2)–4(4), 6(1)(2)")
	return []Transition{
		{From: None, Signal: SigApply, To: Applied, Who: whoApplicant, Ground: apply, Conf: law.Verified},
		{From: Applied, Signal: SigApply, To: Applied, Who: whoApplicant, Ground: c(law.Law2010, "4", "12").WithNote("a further application or documents; the Commission may not refuse to consider them"), Conf: law.Verified},
		{From: NotConfirmed, Signal: SigApply, To: Applied, Who: whoApplicant, Ground: apply.WithNote("re-application with new documents"), Conf: law.Verified},
		{From: Cancelled, Signal: SigApply, To: Applied, Who: whoApplicant, Ground: c(law.Brief, "4").WithNote("new application after invalidation, by analogy; not after a conviction (Art. 2(4))"), Conf: law.Assumption},

		{From: Held, Signal: SigApply, To: Held, Who: whoApplicant, Ground: c(law.Law2010, "4", "5", "1").WithNote("application to recognise a family member"), Conf: law.Verified},
		{From: Released, Signal: SigApply, To: Released, Who: whoApplicant, Ground: c(law.Law2010, "4", "5", "1").WithNote("application to recognise a family member"), Conf: law.Verified},
		{From: Deceased, Signal: SigApply, To: Deceased, Who: whoApplicant, Ground: c(law.Law2010, "4", "5", "1").WithNote("application to recognise a family member"), Conf: law.Verified},

		{From: Applied, Signal: SigEstablish, To: Held, Cond: WhileHeld, Who: whoCommission, Ground: c(law.Law2010, "4", "7"), Conf: law.Verified},
		{From: Applied, Signal: SigEstablish, To: Released, Cond: AfterRelease, Who: whoCommission, Ground: c(law.Law2010, "4", "7").WithNote("the decision fixes the release date"), Conf: law.Verified},
		{From: Applied, Signal: SigEstablish, To: Deceased, Cond: AfterDeath, Who: whoCommission, Ground: c(law.Law2010, "4", "7"), Conf: law.Verified},
		{From: Applied, Signal: SigNotConfirm, To: NotConfirmed, Who: whoCommission, Ground: c(law.Law2010, "4", "7").WithNote("after the right to be heard is ensured (4017-IX)"), Conf: law.Verified},

		{From: NotConfirmed, Signal: SigReconsider, To: Applied, Who: whoCourt, Ground: c(law.Law2010, "4", "10"), Conf: law.Verified},

		{From: Held, Signal: SigInvalidate, To: Cancelled, Who: whoCommission, Ground: c(law.Law2010, "4", "8"), Conf: law.Verified},
		{From: Released, Signal: SigInvalidate, To: Cancelled, Who: whoCommission, Ground: c(law.Law2010, "4", "8"), Conf: law.Verified},
		{From: Deceased, Signal: SigInvalidate, To: Cancelled, Who: whoCommission, Ground: c(law.Law2010, "4", "8"), Conf: law.Verified},
		{From: Held, Signal: SigAnnul, To: Cancelled, Who: whoCourt, Ground: c(law.Law2010, "4", "10").WithNote("court annulment treated as invalidation; no case law retrieved"), Conf: law.Assumption},
		{From: Released, Signal: SigAnnul, To: Cancelled, Who: whoCourt, Ground: c(law.Law2010, "4", "10").WithNote("court annulment treated as invalidation; no case law retrieved"), Conf: law.Assumption},
		{From: Deceased, Signal: SigAnnul, To: Cancelled, Who: whoCourt, Ground: c(law.Law2010, "4", "10").WithNote("court annulment treated as invalidation; no case law retrieved"), Conf: law.Assumption},

		{From: Held, Signal: SigRecordRelease, To: Released, Who: whoRegister, Ground: c(law.Law2010, "5", "2").WithNote("Register procedure of CMU 1281 not seen"), Conf: law.Assumption},
		{From: Held, Signal: SigReleaseFact, To: Released, Who: whoFacts, Ground: c(law.Brief, "4").WithNote("no Register record: the release date is used"), Conf: law.Assumption},
		{From: Held, Signal: SigRecordDeath, To: Deceased, Who: whoRegister, Ground: c(law.Law2010, "7", "3"), Conf: law.Verified},
		{From: Released, Signal: SigRecordDeath, To: Deceased, Who: whoRegister, Ground: c(law.Law2010, "7", "3"), Conf: law.Verified},
		{From: Held, Signal: SigDeathFact, To: Deceased, Who: whoFacts, Ground: c(law.Brief, "4").WithNote("no Register record: the date of death is used"), Conf: law.Assumption},
		{From: Released, Signal: SigDeathFact, To: Deceased, Who: whoFacts, Ground: c(law.Brief, "4").WithNote("no Register record: the date of death is used"), Conf: law.Assumption},

		{Signal: SigProceedingsOpened, Who: whoProsecutor, Ground: c(law.Law2010, "4", "11").WithNote("suspends the consideration of an application"), Conf: law.Verified},
		{Signal: SigProceedingsClosed, Who: whoProsecutor, Ground: c(law.Law2010, "4", "11"), Conf: law.Verified},
		{Signal: SigConviction, Who: whoCriminal, Ground: c(law.Law2010, "2", "4").WithNote("the law does not apply; the Commission must declare its decision invalid (Art. 4(8)(2))"), Conf: law.Verified},
	}
}

// ErrTransition is wrapped by every *TransitionError.
var ErrTransition = errors.New("transition not allowed")

// A TransitionError says that a signal is not allowed in a state.
type TransitionError struct {
	From   State
	Signal Signal
}

// Error says which signal the state does not allow, in English.
func (e *TransitionError) Error() string {
	return fmt.Sprintf("%s: %s in state %s", ErrTransition, e.Signal, e.From)
}

// Unwrap returns ErrTransition.
func (e *TransitionError) Unwrap() error { return ErrTransition }

// Next returns the transition the life cycle takes from state from on
// signal sig, given whether the person had died or been released by the
// day it takes effect (which only the establish decision looks at). A
// move the table does not allow is a *TransitionError wrapping
// [ErrTransition].
func Next(from State, sig Signal, died, released bool) (Transition, error) {
	t, ok := lookup(table, from, sig, died, released)
	if !ok {
		return Transition{}, &TransitionError{From: from, Signal: sig}
	}
	return t, nil
}

// lookup returns the transition for (from, sig) under the facts, and
// whether one is allowed.
func lookup(table []Transition, from State, sig Signal, died, released bool) (Transition, bool) {
	for i := range table { // by index: a row is some 150 bytes to copy
		t := &table[i]
		if t.Signal != sig || (t.From != 0 && t.From != from) {
			continue
		}
		if t.Cond != 0 && !t.Cond.holds(died, released) {
			continue
		}
		out := *t
		if out.To == 0 {
			out.To = from
		}
		return out, true
	}
	return Transition{}, false
}

// Mermaid returns the life cycle as a Mermaid state diagram, drawn from
// [Transitions]: one arrow per row (flag-only rows, which keep the state,
// are listed as notes). The committed status/README.md holds it;
// `go generate ./status` rewrites it.
func Mermaid() string {
	var b strings.Builder
	b.WriteString("stateDiagram-v2\n")
	b.WriteString("    [*] --> none\n")
	for _, t := range Transitions() {
		if t.From == 0 {
			continue
		}
		label := t.Signal.String()
		if t.Cond != 0 {
			label += " [" + t.Cond.Label().EN + "]"
		}
		label += " · " + t.Ground.Code()
		if t.Conf == law.Assumption {
			label += " (U)"
		}
		fmt.Fprintf(&b, "    %s --> %s: %s\n", t.From, t.To, label)
	}
	for _, t := range Transitions() {
		if t.From == 0 {
			fmt.Fprintf(&b, "    note right of applied: %s in any state keeps it · %s\n", t.Signal, t.Ground.Code())
		}
	}
	return b.String()
}

// Readme returns the content of status/README.md: a short text and the
// [Mermaid] diagram.
func Readme() string {
	return "# The legal status life cycle\n\n" +
		"Generated from `status.Transitions()` by `go generate ./status`; do not edit.\n" +
		"Each arrow is a signal, the condition that selects it, and its legal ground\n" +
		"(U marks an assumption of ours, not verified law). See LAW.md §4.\n\n" +
		"```mermaid\n" + Mermaid() + "```\n"
}
