package prisoner

import (
	"github.com/uacaptivity/captivity/internal/enum"
	"github.com/uacaptivity/captivity/law"
)

// Category is the ground of Art. 2 of Law 2010-IX on which a person is
// covered. The zero value is unset.
type Category uint8

// Categories (LAW.md §2.1).
const (
	// Military: a member of Ukraine's security and defence forces protected
	// by the Third Geneva Convention or Additional Protocol I (Art. 2(1)(1)).
	Military Category = iota + 1
	// Political: a civilian deprived of liberty for activity in defence of
	// Ukraine's sovereignty ("political prisoner", Art. 2(1)(2)(a)).
	Political
	// Civilian: a civilian hostage taken to coerce (Art. 2(1)(2)(b)).
	Civilian
	// ForeignMilitary: a foreigner or stateless person who was serving in
	// Ukraine's forces when captured (Art. 2(2)).
	ForeignMilitary
)

var categories = enum.Table[Category]{Name: "category", Entries: []enum.Entry{{},
	{Code: "military", Label: law.Text{UK: "військовослужбовець", EN: "serviceman"}},
	{Code: "political", Label: law.Text{UK: "політв'язень", EN: "political prisoner"}},
	{Code: "civilian", Label: law.Text{UK: "цивільний заручник", EN: "civilian hostage"}},
	{Code: "foreign_military", Label: law.Text{UK: "іноземець на службі", EN: "foreign serviceman"}},
}}

// Civic reports whether c is one of the civilian categories of
// Art. 2(1)(2) (political prisoner or civilian hostage).
func (c Category) Civic() bool { return c == Political || c == Civilian }

// ReleaseKind says how a person came back under Ukraine's control
// (LAW.md §2.2). The zero value is unset.
type ReleaseKind uint8

// Kinds of release.
const (
	Exchange     ReleaseKind = iota + 1 // exchange of prisoners
	Freed                               // set free by the captor
	Deoccupation                        // the area was de-occupied
	SelfReturn                          // the person returned on their own
	OtherRelease                        // any other way
)

var releaseKinds = enum.Table[ReleaseKind]{Name: "release kind", Entries: []enum.Entry{{},
	{Code: "exchange", Label: law.Text{UK: "обмін", EN: "exchange"}},
	{Code: "freed", Label: law.Text{UK: "звільнення", EN: "set free"}},
	{Code: "deoccupation", Label: law.Text{UK: "деокупація", EN: "de-occupation"}},
	{Code: "self_return", Label: law.Text{UK: "самостійне повернення", EN: "returned on own"}},
	{Code: "other", Label: law.Text{UK: "інше", EN: "other"}},
}}

// Relation is how a family member is related to the person (LAW.md §2.4,
// the working list). The zero value is unset.
type Relation uint8

// Relations.
const (
	Spouse Relation = iota + 1
	Child           // adult children included; no age limit
	Parent
	Sibling
	Grandparent
	Grandchild
	Ward      // a person under the detainee's guardianship or custody
	Household // lives with the detainee, shares a household (unmarried partner included)
	Dependant // a dependant under the pension-insurance law only (Art. 7(3))
	// OtherRelation: a relative or person outside the working list (a
	// cousin, an aunt, an in-law, a friend). Such a claimant is not a
	// family member unless a Commission decision recognises them
	// (Art. 4(5)); describe the relation in RelationNote.
	OtherRelation
)

var relations = enum.Table[Relation]{Name: "relation", Entries: []enum.Entry{{},
	{Code: "spouse", Label: law.Text{UK: "дружина/чоловік", EN: "spouse"}},
	{Code: "child", Label: law.Text{UK: "дитина", EN: "child"}},
	{Code: "parent", Label: law.Text{UK: "батько/мати", EN: "parent"}},
	{Code: "sibling", Label: law.Text{UK: "рідний брат/сестра", EN: "sibling"}},
	{Code: "grandparent", Label: law.Text{UK: "дід/баба", EN: "grandparent"}},
	{Code: "grandchild", Label: law.Text{UK: "онук/онука", EN: "grandchild"}},
	{Code: "ward", Label: law.Text{UK: "підопічна особа", EN: "ward"}},
	{Code: "household", Label: law.Text{UK: "член домогосподарства", EN: "household member"}},
	{Code: "dependant", Label: law.Text{UK: "утриманець", EN: "dependant"}},
	{Code: "other", Label: law.Text{UK: "інший зв'язок (поза переліком)", EN: "other relation (outside the list)"}},
}}

// Documentary reports whether a relation of this kind is proven by
// civil-status documents (marriage or birth certificates, guardianship
// orders). A household member or a dependant has no such document and needs
// a Commission decision recognising them (Art. 4(5); LAW.md §2.4, an
// inference marked U).
func (r Relation) Documentary() bool { return r >= Spouse && r <= Ward }

// Proof says how a family member's membership is proven (Art. 4(5)). The
// zero value means "the usual way": documents for a documentary relation,
// a Commission decision otherwise.
type Proof uint8

// Proofs.
const (
	ByDocuments Proof = iota + 1 // civil-status documents
	ByDecision                   // a Commission decision recognising the member
)

var proofs = enum.Table[Proof]{Name: "proof", Entries: []enum.Entry{{},
	{Code: "documents", Label: law.Text{UK: "документи про цивільний стан", EN: "civil-status documents"}},
	{Code: "decision", Label: law.Text{UK: "рішення Комісії", EN: "Commission decision"}},
}}

// EventKind is the kind of a dated [Event]. The zero value is unset.
type EventKind uint8

// Kinds of event.
const (
	// Application to the Commission to establish the fact (Art. 4(1)–(4))
	// or to recognise a family member (Art. 4(5)).
	Application EventKind = iota + 1
	// Decision of the Commission (Art. 4(7)–(8)); see [DecisionKind].
	Decision
	// CourtRuling on a Commission decision (Art. 4(10)); see [RulingKind].
	CourtRuling
	// ReleaseRecord: the release entered in the Unified Register; Date is
	// the day recorded, the release itself is [Episode.Released].
	ReleaseRecord
	// DeathRecord: the death entered in the Unified Register; Date is the
	// day recorded, the death itself is [Episode.Died].
	DeathRecord
	// ProceedingsOpened: a Ukrainian pre-trial investigation for an
	// excluding crime was opened against the person (Art. 4(11)).
	ProceedingsOpened
	// ProceedingsClosed: that investigation ended without a conviction.
	ProceedingsClosed
	// Conviction: a guilty verdict for an excluding crime became final
	// (Art. 2(4)); Date is the day it became final.
	Conviction
	// Claim for aid; see [AidKind].
	Claim
	// Payment of aid already made, under any regime.
	Payment
)

var eventKinds = enum.Table[EventKind]{Name: "event kind", Entries: []enum.Entry{{},
	{Code: "application", Label: law.Text{UK: "заява до Комісії", EN: "application to the Commission"}},
	{Code: "decision", Label: law.Text{UK: "рішення Комісії", EN: "Commission decision"}},
	{Code: "court_ruling", Label: law.Text{UK: "рішення суду", EN: "court ruling"}},
	{Code: "release_record", Label: law.Text{UK: "запис про звільнення", EN: "release recorded"}},
	{Code: "death_record", Label: law.Text{UK: "запис про смерть", EN: "death recorded"}},
	{Code: "proceedings_opened", Label: law.Text{UK: "розпочато кримінальне провадження", EN: "criminal proceedings opened"}},
	{Code: "proceedings_closed", Label: law.Text{UK: "кримінальне провадження закрито", EN: "criminal proceedings closed"}},
	{Code: "conviction", Label: law.Text{UK: "вирок набрав законної сили", EN: "conviction became final"}},
	{Code: "claim", Label: law.Text{UK: "звернення за допомогою", EN: "aid claim"}},
	{Code: "payment", Label: law.Text{UK: "виплата", EN: "payment"}},
}}

// DecisionKind is the kind of a Commission decision (Art. 4(7)–(8)).
type DecisionKind uint8

// Decisions.
const (
	Establish       DecisionKind = iota + 1 // the fact is established
	NotConfirmed                            // the fact is not confirmed
	RecogniseMember                         // a person is recognised as a family member
	RefuseMember                            // recognition as a family member is refused
	Invalidate                              // an earlier decision is declared invalid (Art. 4(8))
)

var decisionKinds = enum.Table[DecisionKind]{Name: "decision", Entries: []enum.Entry{{},
	{Code: "establish", Label: law.Text{UK: "встановити факт", EN: "establish the fact"}},
	{Code: "not_confirmed", Label: law.Text{UK: "факт не підтверджено", EN: "fact not confirmed"}},
	{Code: "recognise_member", Label: law.Text{UK: "визнати членом сім'ї", EN: "recognise family member"}},
	{Code: "refuse_member", Label: law.Text{UK: "відмовити у визнанні членом сім'ї", EN: "refuse family member"}},
	{Code: "invalidate", Label: law.Text{UK: "визнати рішення нечинним", EN: "declare decision invalid"}},
}}

// Ground is the ground of an invalidation (Art. 4(8)).
type Ground uint8

// Grounds.
const (
	FalseInformation Ground = iota + 1 // Art. 4(8)(1)
	ConvictionGround                   // Art. 4(8)(2)
)

var grounds = enum.Table[Ground]{Name: "ground", Entries: []enum.Entry{{},
	{Code: "false_information", Label: law.Text{UK: "недостовірні відомості", EN: "false information"}},
	{Code: "conviction", Label: law.Text{UK: "обвинувальний вирок", EN: "conviction"}},
}}

// RulingKind is what a court did with a Commission decision (Art. 4(10)).
type RulingKind uint8

// Rulings.
const (
	// Reconsider: a refusal annulled and the Commission ordered to decide again.
	Reconsider RulingKind = iota + 1
	// Annul: an establishing decision annulled.
	Annul
)

var rulings = enum.Table[RulingKind]{Name: "ruling", Entries: []enum.Entry{{},
	{Code: "reconsider", Label: law.Text{UK: "скасувати і зобов'язати розглянути повторно", EN: "annul and order reconsideration"}},
	{Code: "annul", Label: law.Text{UK: "скасувати рішення про встановлення факту", EN: "annul the establishing decision"}},
}}

// AidKind is a kind of money aid (LAW.md §5–§6).
type AidKind uint8

// Kinds of aid.
const (
	// Annual state aid, per captivity year (Art. 7(1), 17(5)–(6)).
	Annual AidKind = iota + 1
	// ReleaseAid: one-time aid after release (Art. 7(2)).
	ReleaseAid
	// DeathAid: one-time aid on death (Art. 7(3)).
	DeathAid
	// CivilianAid: one-time UAH 50,000 to a released civilian (CMU of 26.12.2025).
	CivilianAid
	// Reg2018Release: one-time release aid of the 2018–2022 regime (CMU 38, 845, 1122).
	Reg2018Release
	// Reg2018Support: legal-aid and family support of the 2018–2022 regime (CMU 328).
	Reg2018Support
)

var aidKinds = enum.Table[AidKind]{Name: "aid kind", Entries: []enum.Entry{{},
	{Code: "annual", Label: law.Text{UK: "щорічна державна грошова допомога", EN: "annual state aid"}},
	{Code: "release", Label: law.Text{UK: "одноразова допомога після звільнення", EN: "one-time aid after release"}},
	{Code: "death", Label: law.Text{UK: "одноразова допомога у разі смерті", EN: "one-time aid on death"}},
	{Code: "civilian_2026", Label: law.Text{UK: "допомога звільненим цивільним (50 000 грн)", EN: "aid to released civilians (UAH 50,000)"}},
	{Code: "reg2018_release", Label: law.Text{UK: "одноразова допомога після звільнення (2018–2022)", EN: "one-time release aid (2018–2022)"}},
	{Code: "reg2018_support", Label: law.Text{UK: "допомога на правничу допомогу та підтримку сім'ї (ПКМУ 328)", EN: "legal-aid and family support (CMU 328)"}},
}}

// AidKinds lists every aid kind in value order.
func AidKinds() []AidKind {
	return []AidKind{Annual, ReleaseAid, DeathAid, CivilianAid, Reg2018Release, Reg2018Support}
}

// Regime is the legal regime under which a payment was made (LAW.md §11).
type Regime uint8

// Regimes.
const (
	Reg2018 Regime = iota + 1 // the 2018–2022 budget programme
	Law2022                   // Law 2010-IX with CMU 1281, from 2022-11-19
	Reg2026                   // the 2026 civilian aid
)

var regimes = enum.Table[Regime]{Name: "regime", Entries: []enum.Entry{{},
	{Code: "reg2018", Label: law.Text{UK: "бюджетна програма 2018–2022", EN: "2018–2022 budget programme"}},
	{Code: "law2022", Label: law.Text{UK: "Закон 2010-IX", EN: "Law 2010-IX"}},
	{Code: "reg2026", Label: law.Text{UK: "допомога цивільним 2026", EN: "2026 civilian aid"}},
}}

// Regime returns the regime under which aid of kind k is paid.
func (k AidKind) Regime() Regime {
	switch k {
	case Reg2018Release, Reg2018Support:
		return Reg2018
	case CivilianAid:
		return Reg2026
	case Annual, ReleaseAid, DeathAid:
		return Law2022
	}
	return 0
}
