// Package status derives the legal status of a case under Law 2010-IX
// over time: for each episode of captivity, the life cycle of LAW.md §4
// (none → applied → held / released / deceased, not_confirmed, cancelled),
// and for each family member their own status (claimed, recognised,
// rejected, invalidated, not a member).
//
// # Building a timeline
//
// [Build] takes a validated [prisoner.Case] and returns a [Timeline]: for
// each episode, every [Change] of state with its day, the event behind it,
// who caused it and the legal ground ([law.Citation] with its
// [law.Confidence]). [Timeline.At] answers "what was the status on day d".
// The rules:
//
//   - Nothing under the law existed before 2022-11-19 (Art. 17(1)): the
//     state is none on every earlier day. Applications and decisions made
//     earlier under another procedure (marked prior_procedure) take effect
//     on 2022-11-19 (Art. 17(3)); other Commission events dated earlier are
//     problems.
//   - A decision takes effect on its notification day, else its decision
//     day (Law on Administrative Procedure art. 74; option
//     [Options.DecisionEffectiveOn]).
//   - An establish decision leads to held, released or deceased according
//     to the facts on the day it takes effect (Art. 4(7)).
//   - Register records of release and death take effect on the day
//     recorded; a release or death with no record, on its own day (an
//     assumption, flagged U).
//   - Criminal proceedings suspend consideration (Art. 4(11)); a final
//     conviction marks the episode excluded (Art. 2(4)). Exclusions are
//     never inferred: they come in as events and decisions.
//
// # Problems
//
// An event the life cycle does not allow (a decision with no application,
// an application after a conviction, an establish decision for a person
// outside Art. 2, a family decision before the fact is established) is
// reported in a *[HistoryError] that lists every such event with its path
// ("events[3]"); [Build] never guesses. [Next] gives the single transition
// for a state and signal, or a *[TransitionError].
//
// # The diagram
//
// status/README.md holds the life cycle as a Mermaid state diagram drawn
// from [Transitions] by `go generate ./status`; a test fails when the two
// differ.
package status

//go:generate go run ./internal/gendiagram

//go:generate go run ../internal/enumgen
