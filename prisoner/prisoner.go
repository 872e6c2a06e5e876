package prisoner

import (
	"log/slog"
	"slices"

	"github.com/uacaptivity/captivity/civil"
)

// Parties that are not family members. A family member is named by its
// [FamilyMember.ID]; those IDs may not take these values.
const (
	// PartyPerson is the person deprived of liberty, acting personally.
	PartyPerson = "person"
	// PartyRepresentative is the person's legal or authorised
	// representative (Art. 4(1)(1); CMU 1182 for held political prisoners).
	PartyRepresentative = "representative"
)

// AggressionStart is the day in "after 20 February 2014" (Art. 2(4),
// 4(8)(2), 4(11), 17(6) of Law 2010-IX). Validation flags a capture before
// it unless the episode gives a reason.
var aggressionStart = civil.MustNew(2014, 2, 20)

// AggressionStart returns 2014-02-20, the reference day of the law's
// "after 20 February 2014".
func AggressionStart() civil.Date { return aggressionStart }

// A Case is the facts of one person's captivity: the person, one or more
// episodes of deprivation of liberty, the family, and the dated events
// (applications, decisions, rulings, register records, claims, payments).
// It holds facts only; the status and aid packages draw conclusions.
//
// A Case is a plain record: build it in Go or decode it with [Decode], then
// call [Case.Validate]. Its JSON form is the case file (see the package
// documentation). A Case holds personal data; its LogValue redacts it.
//
// The validate tags are the field rules go-playground/validator checks; a
// field tagged validate:"-" has no rule of its own (its rules, if any, are
// cross-field ones, checked in Go) and the validator does not visit it.
type Case struct {
	// ID identifies the case within a file: 1–64 printable characters.
	ID       string         `json:"id" validate:"required,max=64,printascii"`
	Person   Person         `json:"person"`
	Episodes []Episode      `json:"episodes" validate:"required,min=1,max=20,dive"`
	Family   []FamilyMember `json:"family,omitempty" validate:"max=50"` // member rules: checkMemberFields
	// Events' field rules are checked in Go (validate.go), the hot part of
	// validation at register scale; the validator checks the rest.
	Events []Event `json:"events,omitempty" validate:"max=500"`
	Note   string  `json:"note,omitempty" validate:"max=2000"`
}

// Clone returns a deep copy of c: its episodes, family, events and each
// event's list of missing documents are new slices, so that changing c
// afterwards cannot change the copy, nor the copy c. [status.Build] and
// aid's evaluation keep such a copy, never the caller's slices.
func (c Case) Clone() Case {
	c.Episodes = slices.Clone(c.Episodes)
	c.Family = slices.Clone(c.Family)
	c.Events = slices.Clone(c.Events)
	for i := range c.Events {
		c.Events[i].Missing = slices.Clone(c.Events[i].Missing)
		c.Events[i].Documents = slices.Clone(c.Events[i].Documents)
	}
	return c
}

// Person is the person deprived of liberty. The name, birth date and
// RNOKPP are optional personal data that no rule needs.
type Person struct {
	// Citizenship is an ISO 3166-1 alpha-2 code ("UA"); empty only when
	// Stateless is true.
	Citizenship string     `json:"citizenship,omitempty" validate:"omitempty,iso3166_1_alpha2"`
	Stateless   bool       `json:"stateless,omitempty" validate:"-"`
	Name        string     `json:"name,omitempty" validate:"max=200"`
	BirthDate   civil.Date `json:"birth_date,omitzero" validate:"-"`
	// RNOKPP is the 10-digit taxpayer number; its check digit is verified.
	RNOKPP string `json:"rnokpp,omitempty" validate:"-"`
}

// Citizen reports whether the person is a citizen of Ukraine.
func (p Person) Citizen() bool { return p.Citizenship == "UA" }

// LogValue redacts the personal data of p (STYLE.md §9).
func (p Person) LogValue() slog.Value {
	return slog.GroupValue(slog.String("citizenship", p.Citizenship), slog.Bool("stateless", p.Stateless))
}

// LogValue identifies c without its personal data.
func (c Case) LogValue() slog.Value {
	return slog.GroupValue(slog.String("id", c.ID), slog.Int("episodes", len(c.Episodes)),
		slog.Int("family", len(c.Family)), slog.Int("events", len(c.Events)))
}

// An Episode is one deprivation of liberty, from capture to release or
// death. A person captured twice has two episodes (LAW.md Q10).
type Episode struct {
	// ID identifies the episode within the case ("e1").
	ID       string   `json:"id" validate:"required,max=32,printascii"`
	Category Category `json:"category" validate:"required,known"`
	// ServingAtCapture: a member of Ukraine's forces when captured
	// (required for Art. 2(1)(1) and 2(2)).
	ServingAtCapture bool `json:"serving_at_capture,omitempty" validate:"-"`
	// Captured is the day the deprivation began, as the Commission fixes it
	// (Art. 4(7)).
	Captured civil.Date `json:"captured" validate:"required"`
	// Released is the day of release; unset while held.
	Released    civil.Date  `json:"released,omitzero" validate:"-"`
	ReleaseKind ReleaseKind `json:"release_kind,omitzero" validate:"omitempty,known"`
	// Died is the day of death; unset while alive.
	Died civil.Date `json:"died,omitzero" validate:"-"`
	// DeathLinked: a death after release was caused by a wound, disease
	// or accident linked to the captivity, proven by the MoH-form
	// certificate (Art. 7(3)).
	DeathLinked bool `json:"death_linked,omitempty" validate:"-"`
	// EarlyDateReason explains a capture before 2014-02-20; without it
	// such a date is flagged as a likely typing error.
	EarlyDateReason string `json:"early_date_reason,omitempty" validate:"max=500"`
}

// DiedInCaptivity reports whether the person died while held in this
// episode: a death with no release before it.
func (e Episode) DiedInCaptivity() bool { return !e.Died.IsZero() && e.Released.IsZero() }

// DiedAfterRelease reports whether the person died after this episode's
// release.
func (e Episode) DiedAfterRelease() bool { return !e.Died.IsZero() && !e.Released.IsZero() }

// Death says how the person died in this episode (Art. 7(3)):
// "in_captivity", "after_release_linked" (a death after release linked
// to the captivity), "after_release_not_linked", or "" with no death.
func (e Episode) Death() string {
	switch {
	case e.DiedInCaptivity():
		return "in_captivity"
	case e.DiedAfterRelease() && e.DeathLinked:
		return "after_release_linked"
	case e.DiedAfterRelease():
		return "after_release_not_linked"
	}
	return ""
}

// Held reports whether the person was held in this episode on day t: from
// the capture day up to the day before release or death. On the release
// day the person is free (the captivity period of [Episode.Period] still
// includes it, as the last day of the term).
func (e Episode) Held(t civil.Date) bool {
	if t.IsZero() || t.Before(e.Captured) {
		return false
	}
	end := civil.Min(e.Released, e.Died)
	return end.IsZero() || t.Before(end)
}

// Period returns the captivity as an inclusive period from capture to
// release (or death); open while held.
func (e Episode) Period() civil.Period {
	return civil.Period{Start: e.Captured, End: civil.Min(e.Released, e.Died)}
}

// A FamilyMember is a relative or household member of the person
// (LAW.md §2.4). Name, birth date, citizenship and RNOKPP are optional
// personal data.
type FamilyMember struct { // field rules: validate.go, checkMemberFields
	// ID names the member in events ("f1"); not "person" or "representative".
	ID       string   `json:"id"`
	Relation Relation `json:"relation"`
	// RelationNote describes a relation "other" in the user's words
	// ("cousin"); free text, never read by a rule, never hashed.
	RelationNote string `json:"relation_note,omitempty"`
	// Proof is how membership is proven; unset means documents for a
	// documentary relation and a Commission decision otherwise.
	Proof Proof `json:"proof,omitzero"`
	// Dependant: a dependant under the pension-insurance law (Art. 7(3)),
	// whatever the relation.
	Dependant   bool       `json:"dependant,omitempty"`
	Name        string     `json:"name,omitempty"`
	BirthDate   civil.Date `json:"birth_date,omitzero"`
	Citizenship string     `json:"citizenship,omitempty"`
	RNOKPP      string     `json:"rnokpp,omitempty"`
	// Since is the day the relation began (a marriage); unset when it
	// dates from birth or is unknown.
	Since civil.Date `json:"since,omitzero"`
	// Ended is the day the relation ended (a divorce); unset while it lasts.
	Ended civil.Date `json:"ended,omitzero"`
	// LivesWith: the member lives with the person and shares a household
	// (Family Code art. 3). Under the strict reading of who receives the
	// death aid (death_aid_recipients=family_code_strict) it makes a
	// sibling, grandparent, grandchild or ward a member of the family.
	LivesWith bool `json:"lives_with,omitempty"`
	// PersonRef is the register's own identifier of this person, the same
	// in every case the person appears in (a family with two detainees):
	// reports carry it beside the member's ID so that totals can be summed
	// per payee across cases. Printable ASCII, at most 64 characters; never
	// read by a rule, never hashed. Not an RNOKPP or a name.
	PersonRef string `json:"person_ref,omitempty"`
}

// ProvenBy returns how m's membership is proven, resolving the unset
// default.
func (m FamilyMember) ProvenBy() Proof {
	if m.Proof != 0 {
		return m.Proof
	}
	if m.Relation.Documentary() {
		return ByDocuments
	}
	return ByDecision
}

// LogValue redacts the personal data of m.
func (m FamilyMember) LogValue() slog.Value {
	return slog.GroupValue(slog.String("id", m.ID), slog.String("relation", m.Relation.String()))
}

// An Event is a dated fact about the case. Kind says which fields apply;
// validation rejects fields that do not belong to the kind. Seq is the
// registration sequence, unique within the case, that orders events of the
// same day.
type Event struct { // field rules: validate.go, checkEventFields
	Seq  int        `json:"seq"`
	Date civil.Date `json:"date"`
	Kind EventKind  `json:"kind"`
	// Episode is the ID of the episode the event concerns.
	Episode string `json:"episode"`
	// Party is who acted: the applicant (application), the claimant
	// (claim) or the payee (payment): [PartyPerson],
	// [PartyRepresentative] or a family member's ID.
	Party string `json:"party,omitempty"`
	// Member is the family member a decision concerns (recognise_member,
	// refuse_member, or invalidate of a recognition).
	Member string `json:"member,omitempty"`
	// Decision is the kind of a Commission decision.
	Decision DecisionKind `json:"decision,omitzero"`
	// Ground is the ground of an invalidation.
	Ground Ground `json:"ground,omitzero"`
	// Notified is the day a decision was brought to the person's notice
	// (Law on Administrative Procedure art. 74); unset when not known.
	Notified civil.Date `json:"notified,omitzero"`
	// PriorProcedure marks an application or decision made before
	// 2022-11-19 under an earlier procedure (CMU 1122), which carries the
	// rights of Law 2010-IX (Art. 17(3)).
	PriorProcedure bool `json:"prior_procedure,omitempty"`
	// Ruling is what a court did.
	Ruling RulingKind `json:"ruling,omitzero"`
	// Aid is the kind of aid claimed or paid.
	Aid AidKind `json:"aid,omitzero"`
	// Year is the captivity year a payment of annual aid covered (1 is
	// the first year from capture; a calendar year such as 2023 under the
	// calendar-year basis), or the calendar year of a CMU 328 payment.
	Year int `json:"year,omitempty"`
	// Amount is a payment's amount in UAH with two decimals ("100000.00").
	Amount string `json:"amount,omitempty"`
	// Regime is the regime a payment was made under.
	Regime Regime `json:"regime,omitzero"`
	// Missing lists the documents a claim lacks (free codes such as
	// "bank_account"); empty means the claim's documents are complete.
	Missing []string `json:"missing,omitempty"`
	// Documents lists, on an application or a claim, documents that are
	// present (free codes such as "joint_centre_certificate",
	// "victim_status"), for the record; no code may be both present and
	// missing. No rule reads them yet.
	Documents []string `json:"documents,omitempty"`
	// Decided is, on a claim, the day it was decided or approved, when the
	// record has it apart from the day it was filed (Date). The rules
	// decide a claim as of its filing; the decided day dates the grant
	// (for what a death leaves unpaid).
	Decided civil.Date `json:"decided,omitzero"`
	// OtherLawElected: on a death-aid claim, the claimant chose the
	// one-time death payment of another law instead (Art. 7(3)).
	OtherLawElected bool `json:"other_law_elected,omitempty"`
	// Note is free text; it must not hold personal data.
	Note string `json:"note,omitempty"`
}

// Effective returns the day a Commission decision takes effect: the
// notification day when known (Law on Administrative Procedure art. 74),
// else the decision day. For other events it is the event's date.
func (ev Event) Effective() civil.Date {
	if ev.Kind == Decision && !ev.Notified.IsZero() {
		return ev.Notified
	}
	return ev.Date
}

// EpisodeByID returns the episode with the given ID.
func (c *Case) EpisodeByID(id string) (Episode, bool) {
	for i := range c.Episodes { // by index: an episode is not copied to be compared
		if c.Episodes[i].ID == id {
			return c.Episodes[i], true
		}
	}
	return Episode{}, false
}

// Member returns the family member with the given ID.
func (c *Case) Member(id string) (FamilyMember, bool) {
	for i := range c.Family {
		if c.Family[i].ID == id {
			return c.Family[i], true
		}
	}
	return FamilyMember{}, false
}
