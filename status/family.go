package status

import (
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/law"
	"github.com/uacaptivity/captivity/prisoner"
)

// MemberStatus is a family member's own status on a day, with the day it
// began and its ground.
type MemberStatus struct {
	Member string         `json:"member"`
	State  MemberState    `json:"state"`
	Since  civil.Date     `json:"since,omitzero"`
	Ground law.Citation   `json:"ground"`
	Conf   law.Confidence `json:"confidence"`
	// AssessedOn is the day membership was judged on (see
	// [Options.FamilyAssessedAt]).
	AssessedOn civil.Date `json:"assessed_on"`
}

// Member returns the status of family member id for the given episode, for
// a claim or question on day on. Whether the relation exists is judged on
// the day [Options.FamilyAssessedAt] names (on itself by default, the
// capture day otherwise); recognition by a Commission decision counts once
// the decision has taken effect by on. An unknown member is NotMember.
func (t *Timeline) Member(id, episode string, on civil.Date) MemberStatus {
	m, ok := t.c.Member(id)
	if !ok {
		return MemberStatus{Member: id, State: NotMember, AssessedOn: on}
	}
	assess := on
	if t.opts.FamilyAssessedAt.norm() == DeprivationDate {
		if ep, ok := t.c.EpisodeByID(episode); ok {
			assess = ep.Captured
		}
	}
	out := MemberStatus{Member: id, AssessedOn: assess}
	switch {
	case !m.Ended.IsZero() && !m.Ended.After(assess):
		out.State, out.Since, out.Ground, out.Conf = NotMember, m.Ended, law.Cite(law.FamilyCode, "3"), law.Verified
		return out
	case !m.Since.IsZero() && m.Since.After(assess):
		out.State, out.Ground, out.Conf = NotMember, law.Cite(law.FamilyCode, "3"), law.Verified
		return out
	}
	// Decisions about this member, in effect by on.
	var last *prisoner.Event
	for i := range t.c.Events {
		ev := &t.c.Events[i]
		if ev.Kind != prisoner.Decision || ev.Member != id || ev.Episode != episode || effective(ev, t.opts).After(on) {
			continue
		}
		if last == nil || effective(ev, t.opts).After(effective(last, t.opts)) ||
			(effective(ev, t.opts) == effective(last, t.opts) && ev.Seq > last.Seq) {
			last = ev
		}
	}
	if last != nil {
		since := effective(last, t.opts)
		switch last.Decision {
		case prisoner.RecogniseMember:
			out.State, out.Since, out.Ground, out.Conf = Recognised, since, law.Cite(law.Law2010, "4", "7"), law.Verified
		case prisoner.RefuseMember:
			out.State, out.Since, out.Ground, out.Conf = Rejected, since, law.Cite(law.Law2010, "4", "7"), law.Verified
		case prisoner.Invalidate:
			out.State, out.Since, out.Ground, out.Conf = Invalidated, since, law.Cite(law.Law2010, "4", "8"), law.Verified
		}
		return out
	}
	if m.Relation == prisoner.OtherRelation {
		// Outside the working list of relations, and not recognised by a
		// Commission decision: not a family member (Art. 4(5)(3): the
		// Family Code's notion; LAW.md §2.4).
		out.State, out.Ground, out.Conf = NotMember, law.Cite(law.Law2010, "4", "5", "3").WithNote("a relation outside the Family Code's notion of family, not recognised by the Commission"), law.Secondary
		return out
	}
	family := law.Cite(law.Law2010, "4", "5").WithNote("membership under the Family Code, art. 3")
	if m.ProvenBy() == prisoner.ByDocuments {
		out.State, out.Since, out.Ground, out.Conf = Recognised, m.Since, family.WithNote("civil-status documents"), law.Verified
		return out
	}
	out.State, out.Ground, out.Conf = Claimed, family.WithNote("needs a Commission decision (LAW.md §2.4, U)"), law.Assumption
	return out
}
