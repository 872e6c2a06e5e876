package status

import (
	"github.com/uacaptivity/captivity/internal/enum"
	"github.com/uacaptivity/captivity/law"
)

// State is the legal status of one episode under Law 2010-IX
// (LAW.md §4). The zero value is unset; [None] is the first real state.
type State uint8

// States.
const (
	// None: nothing is registered under Law 2010-IX (and, before
	// 2022-11-19, nothing could be).
	None State = iota + 1
	// Applied: an application to the Commission is pending, or a court
	// sent the case back for reconsideration.
	Applied
	// NotConfirmed: the Commission decided the fact is not confirmed.
	NotConfirmed
	// Held: the fact is established and the person is held.
	Held
	// Released: the fact is established and the person was released.
	Released
	// Deceased: the fact is established and the person died.
	Deceased
	// Cancelled: the establishing decision was declared invalid
	// (Art. 4(8)) or annulled by a court.
	Cancelled
)

var states = enum.Table[State]{Name: "state", Entries: []enum.Entry{{},
	{Code: "none", Label: law.Text{UK: "не зареєстровано", EN: "not registered"}},
	{Code: "applied", Label: law.Text{UK: "заява на розгляді", EN: "application pending"}},
	{Code: "not_confirmed", Label: law.Text{UK: "факт не підтверджено", EN: "fact not confirmed"}},
	{Code: "held", Label: law.Text{UK: "факт встановлено, утримується", EN: "established, held"}},
	{Code: "released", Label: law.Text{UK: "факт встановлено, звільнений", EN: "established, released"}},
	{Code: "deceased", Label: law.Text{UK: "факт встановлено, помер", EN: "established, deceased"}},
	{Code: "cancelled", Label: law.Text{UK: "рішення визнано нечинним", EN: "decision declared invalid"}},
}}

// Established reports whether the fact is established in state s: held,
// released or deceased. Every benefit of the law needs it (Art. 3(1),
// 4(7)).
func (s State) Established() bool { return s == Held || s == Released || s == Deceased }

// States lists every state in order.
func States() []State {
	return []State{None, Applied, NotConfirmed, Held, Released, Deceased, Cancelled}
}

// Signal is what an event does to an episode's life cycle. Several event
// kinds map to one signal; claims and payments send none.
type Signal uint8

// Signals.
const (
	SigApply             Signal = iota + 1 // an application to the Commission
	SigEstablish                           // decision: the fact is established
	SigNotConfirm                          // decision: the fact is not confirmed
	SigInvalidate                          // decision: the establishing decision is declared invalid
	SigReconsider                          // court: a refusal annulled, reconsideration ordered
	SigAnnul                               // court: the establishing decision annulled
	SigRecordRelease                       // the release entered in the Register
	SigRecordDeath                         // the death entered in the Register
	SigReleaseFact                         // a release known only as a fact (no Register record)
	SigDeathFact                           // a death known only as a fact (no Register record)
	SigProceedingsOpened                   // criminal proceedings for an excluding crime opened
	SigProceedingsClosed                   // those proceedings closed
	SigConviction                          // a conviction for an excluding crime became final
)

var signals = enum.Table[Signal]{Name: "signal", Entries: []enum.Entry{{},
	{Code: "apply", Label: law.Text{UK: "заява", EN: "application"}},
	{Code: "establish", Label: law.Text{UK: "рішення про встановлення факту", EN: "decision establishing the fact"}},
	{Code: "not_confirm", Label: law.Text{UK: "рішення: факт не підтверджено", EN: "decision: fact not confirmed"}},
	{Code: "invalidate", Label: law.Text{UK: "рішення визнано нечинним", EN: "decision declared invalid"}},
	{Code: "reconsider", Label: law.Text{UK: "суд: повторний розгляд", EN: "court: reconsideration"}},
	{Code: "annul", Label: law.Text{UK: "суд: рішення скасовано", EN: "court: decision annulled"}},
	{Code: "record_release", Label: law.Text{UK: "запис про звільнення", EN: "release recorded"}},
	{Code: "record_death", Label: law.Text{UK: "запис про смерть", EN: "death recorded"}},
	{Code: "release_fact", Label: law.Text{UK: "звільнення (без запису в Реєстрі)", EN: "release (not recorded)"}},
	{Code: "death_fact", Label: law.Text{UK: "смерть (без запису в Реєстрі)", EN: "death (not recorded)"}},
	{Code: "proceedings_opened", Label: law.Text{UK: "розпочато кримінальне провадження", EN: "proceedings opened"}},
	{Code: "proceedings_closed", Label: law.Text{UK: "кримінальне провадження закрито", EN: "proceedings closed"}},
	{Code: "conviction", Label: law.Text{UK: "вирок набрав законної сили", EN: "conviction final"}},
}}

// Signals lists every signal in order.
func Signals() []Signal {
	out := make([]Signal, 0, len(signals.Entries)-1)
	for i := 1; i < len(signals.Entries); i++ {
		out = append(out, Signal(i))
	}
	return out
}

// MemberState is a family member's own status (LAW.md §4, last rule).
type MemberState uint8

// Member states.
const (
	// Claimed: listed in the case, membership not yet proven.
	Claimed MemberState = iota + 1
	// Recognised: a member, by civil-status documents or by a Commission
	// decision (Art. 4(5), 4(7)).
	Recognised
	// Rejected: the Commission refused to recognise the person (Art. 4(7)).
	Rejected
	// Invalidated: the recognising decision was declared invalid (Art. 4(8)).
	Invalidated
	// NotMember: not a member on the day assessed: the relation had ended
	// (a divorce) or had not yet begun.
	NotMember
)

var memberStates = enum.Table[MemberState]{Name: "member state", Entries: []enum.Entry{{},
	{Code: "claimed", Label: law.Text{UK: "заявлено", EN: "claimed"}},
	{Code: "recognised", Label: law.Text{UK: "визнано членом сім'ї", EN: "recognised"}},
	{Code: "rejected", Label: law.Text{UK: "відмовлено у визнанні", EN: "rejected"}},
	{Code: "invalidated", Label: law.Text{UK: "рішення про визнання нечинне", EN: "recognition invalidated"}},
	{Code: "not_member", Label: law.Text{UK: "не є членом сім'ї на цю дату", EN: "not a member on that day"}},
}}
