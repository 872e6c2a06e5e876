package aid

import (
	"strings"

	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/law"
	"github.com/uacaptivity/captivity/prisoner"
	"github.com/uacaptivity/captivity/status"
)

// release decides one-time aid after release (R1–R3, Art. 7(2)).
func (e *evaluator) release(b *builder, ev *prisoner.Event, ep *prisoner.Episode) *Decision {
	t := ev.Date
	v, ok := e.version(b, e.rs.Parameters.Release, &releaseVersion, t)
	if !ok {
		return b.refuse(RegimeNotInForce, cite(law.Law2010, "17", "1"), law.Verified)
	}
	if isFamily(ev.Party) {
		b.add(&stepR1PaidPersonally, stepArgs{})
		return b.refuse(ClaimantNotEntitled, cite(law.Law2010, "7", "2"), law.Verified)
	}
	if _, bad := e.established(b, ev); bad != nil {
		return bad
	}
	if ep.Released.IsZero() || ep.Released.After(t) {
		return b.refuse(NotReleased, cite(law.Law2010, "7", "2"), law.Verified)
	}
	if !ep.Died.IsZero() && !ep.Died.After(t) {
		b.add(&stepR3DiedBeforeClaiming, stepArgs{})
		return b.refuse(PersonDeceased, cite(law.Law2010, "7", "2"), law.Assumption)
	}
	if bad := e.deadline(b, ev, ep.Released); bad != nil {
		return bad
	}
	if bad := e.documents(b, ev, law.CMU1281); bad != nil {
		return bad
	}
	if e.rs.Options.ReleaseAidPer.norm() == PerPerson && e.led.personRelease {
		b.add(&stepR1OtherReleasePaid, stepArgs{})
		return b.refuse(AlreadyPaid, cite(law.Law2010, "7", "2"), law.Assumption)
	}
	if p, ok := e.led.once(ev.Episode, prisoner.ReleaseAid); ok {
		b.add(&stepR1ThisReleasePaid, stepArgs{s: [2]string{p.how, p.howUK()}, d: [3]civil.Date{p.date}})
		return b.refuse(AlreadyPaid, cite(law.Law2010, "7", "2"), law.Verified)
	}
	if p, ok := e.led.once(ev.Episode, prisoner.Reg2018Release); ok && e.rs.Options.OffsetPriorRegimeReleaseAid.norm() == OffsetPrior {
		b.add(&stepR2PaidUnder2018, stepArgs{s: [2]string{p.how, p.howUK()}, d: [3]civil.Date{p.date}})
		return b.refuse(PriorRegimePaid, cite(law.Brief, "6.2"), law.Assumption)
	}
	b.add(&stepR1OnePerRelease, stepArgs{d: [3]civil.Date{ep.Released}})
	return b.grant(v.Amount, e.share1(prisoner.PartyPerson, v.Amount))
}

func (e *evaluator) deadline(b *builder, ev *prisoner.Event, from civil.Date) *Decision {
	n := e.rs.ClaimDeadlineDays
	if n <= 0 {
		return nil
	}
	last := from.AddDays(n)
	if ev.Date.After(last) {
		b.add(&stepDeadlinePassed, stepArgs{d: [3]civil.Date{last}})
		b.refuse(DeadlinePassed, cite(law.Brief, "3.4"), law.Assumption)
		return &b.d
	}
	return nil
}

// deathCovered checks Art. 7(3): death while held, or within one year
// after release (the anniversary included) from a linked cause. It
// returns "" when the death is covered, else the refusal's code: each
// reason its own.
func (e *evaluator) deathCovered(b *builder, ep *prisoner.Episode) Code {
	switch {
	case ep.DiedInCaptivity():
		b.add(&stepD2DiedInCaptivity, stepArgs{d: [3]civil.Date{ep.Died}})
		return ""
	case ep.DiedAfterRelease():
		limit := ep.Released.AddYears(1, e.rs.Feb29)
		if ep.Died.After(limit) {
			b.add(&stepD2DiedLaterThanYear, stepArgs{d: [3]civil.Date{limit}})
			return DeathAfterOneYear
		}
		if !ep.DeathLinked {
			b.add(&stepD2NoCertificate, stepArgs{})
			return DeathNotLinked
		}
		b.add(&stepD2DiedWithinYear, stepArgs{d: [3]civil.Date{limit}})
		return ""
	}
	return DeathNotCovered
}

// recipient checks who may receive the death aid (D4, Art. 7(3)).
func (e *evaluator) recipient(b *builder, party string) *Decision {
	if e.rs.Options.DeathAidRecipients.norm() != FamilyCodeStrict {
		return nil
	}
	m, _ := e.c.Member(party)
	switch m.Relation {
	case prisoner.Spouse, prisoner.Child, prisoner.Parent, prisoner.Household, prisoner.Dependant:
		return nil
	}
	if m.Dependant {
		return nil
	}
	if m.LivesWith && m.Relation != prisoner.OtherRelation {
		// The Family Code's family: people who live together and share a
		// household (art. 3); a sibling, grandparent, grandchild or ward who
		// lived with the deceased is one.
		b.add(&stepD4LivesWith, stepArgs{s: [2]string{m.Relation.String()}})
		return nil
	}
	b.add(&stepD4NotRecipientStrict, stepArgs{s: [2]string{m.Relation.String()}})
	b.refuse(NotFamilyMember, cite(law.Law2010, "7", "3"), law.Assumption)
	return &b.d
}

// deathEligible runs every check of a death-aid claim except the split
// and whether the sum was already paid.
func (e *evaluator) deathEligible(b *builder, ev *prisoner.Event, ep *prisoner.Episode) (*Version, *Decision) {
	v, ok := e.version(b, e.rs.Parameters.Death, &deathVersion, ev.Date)
	if !ok {
		b.refuse(RegimeNotInForce, cite(law.Law2010, "17", "1"), law.Verified)
		return v, &b.d
	}
	if !isFamily(ev.Party) {
		b.refuse(ClaimantNotEntitled, cite(law.Law2010, "7", "3"), law.Verified)
		return v, &b.d
	}
	snap := e.tl.At(ev.Episode, ev.Date)
	if snap.State == status.Cancelled {
		b.refuse(FactCancelled, cite(law.Law2010, "4", "8"), law.Verified)
		return v, &b.d
	}
	if snap.Excluded {
		b.refuse(ExcludedConviction, cite(law.Law2010, "2", "4"), law.Verified)
		return v, &b.d
	}
	if !snap.State.Established() {
		b.refuse(FactNotEstablished, cite(law.Law2010, "4", "7"), law.Verified)
		return v, &b.d
	}
	if ep.Died.IsZero() || ep.Died.After(ev.Date) {
		b.refuse(DeathNotCovered, cite(law.Law2010, "7", "3"), law.Verified)
		return v, &b.d
	}
	if code := e.deathCovered(b, ep); code != "" {
		b.refuse(code, cite(law.Law2010, "7", "3"), law.Verified)
		return v, &b.d
	}
	if bad := e.deadline(b, ev, ep.Died); bad != nil {
		return v, bad
	}
	if bad := e.member(b, ev.Party, ev, ep); bad != nil {
		return v, bad
	}
	if bad := e.recipient(b, ev.Party); bad != nil {
		return v, bad
	}
	if ev.OtherLawElected {
		b.add(&stepD5OtherLawChosen, stepArgs{})
		b.refuse(OtherGroundElected, cite(law.Law2010, "7", "3"), law.Verified)
		return v, &b.d
	}
	if bad := e.documents(b, ev, law.CMU1281); bad != nil {
		return v, bad
	}
	return v, nil
}

// death decides one-time aid on death (D1–D5). Under the equal split, the
// sum is shared among every eligible claim registered before the death aid
// was paid; each claim's decision shows its own share and all the shares.
func (e *evaluator) death(b *builder, ev *prisoner.Event, ep *prisoner.Episode, dry bool) *Decision {
	v, bad := e.deathEligible(b, ev, ep)
	if bad != nil {
		return bad
	}
	if on, ok := e.led.deathPaidOn(ev.Episode); ok {
		b.add(&stepD3LaterApplicantRefused, stepArgs{d: [3]civil.Date{on}})
		return b.refuse(AlreadyPaid, cite(law.Brief, "6.3"), law.Assumption)
	}
	if e.rs.Options.DeathAidSplit.norm() == SplitSingle {
		if p, ok := e.led.once(ev.Episode, prisoner.DeathAid); ok {
			b.add(&stepD3WholeSumWent, stepArgs{s: [2]string{p.payee}})
			return b.refuse(AlreadyPaid, cite(law.Brief, "6.3"), law.Assumption)
		}
		b.add(&stepD3FirstApplicantTakesAll, stepArgs{})
		return b.grant(v.Amount, e.share1(ev.Party, v.Amount))
	}
	group := e.deathGroup(ev, ep, dry)
	b.add(&stepD3EqualShares, stepArgs{s: [2]string{strings.Join(group, ", ")}})
	shares := e.split(b, v.Amount, group)
	var mine Money
	for _, s := range shares {
		if s.Party == ev.Party {
			mine = s.Amount
		}
	}
	return b.grant(mine, shares)
}

// deathGroup lists, in registration order, the claimants of every eligible
// death-aid claim for the episode registered before the first payment of
// death aid, one entry per family member.
func (e *evaluator) deathGroup(cur *prisoner.Event, ep *prisoner.Episode, dry bool) []string {
	var paidOn civil.Date
	for i := range e.c.Events {
		ev := &e.c.Events[i]
		if ev.Kind == prisoner.Payment && ev.Aid == prisoner.DeathAid && ev.Episode == ep.ID && (paidOn.IsZero() || ev.Date.Before(paidOn)) {
			paidOn = ev.Date
		}
	}
	var group []string
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			group = append(group, p)
		}
	}
	for _, i := range ordered(e.c) {
		ev := &e.c.Events[i]
		if ev.Kind != prisoner.Claim || ev.Aid != prisoner.DeathAid || ev.Episode != ep.ID {
			continue
		}
		if !paidOn.IsZero() && !ev.Date.Before(paidOn) {
			continue
		}
		if _, bad := e.deathEligible(&builder{}, ev, ep); bad == nil {
			add(ev.Party)
		}
	}
	if dry || !seen[cur.Party] {
		add(cur.Party)
	}
	return group
}

// civilian decides the 2026 one-time aid to released civilians (C1–C3).
func (e *evaluator) civilian(b *builder, ev *prisoner.Event, ep *prisoner.Episode) *Decision {
	v, ok := e.version(b, e.rs.Parameters.Civilian, &civilianVersion, ev.Date)
	if !ok {
		return b.refuse(RegimeNotInForce, cite(law.CMUCivilian2026, ""), law.Secondary)
	}
	if isFamily(ev.Party) {
		return b.refuse(ClaimantNotEntitled, cite(law.CMUCivilian2026, ""), law.Secondary)
	}
	if !e.c.Person.Citizen() || !ep.Category.Civic() || ep.ServingAtCapture {
		b.add(&stepC1CitizensOnly, stepArgs{})
		return b.refuse(NotCivilian, cite(law.CMUCivilian2026, ""), law.Secondary)
	}
	if ep.Released.IsZero() || ep.Released.After(ev.Date) {
		return b.refuse(NotReleased, cite(law.CMUCivilian2026, ""), law.Secondary)
	}
	snap := e.tl.At(ev.Episode, ev.Date)
	if snap.Excluded {
		b.add(&stepC1Conviction, stepArgs{})
		return b.refuse(ExcludedConviction, cite(law.Law2010, "2", "4"), law.Assumption)
	}
	if snap.State.Established() && e.rs.Options.Civilian50kIfFactEstablished.norm() == Civilian50kExcluded {
		b.add(&stepC2FactEstablished, stepArgs{})
		return b.refuse(FactEstablished, cite(law.Brief, "6.4"), law.Assumption)
	}
	if bad := e.documents(b, ev, law.CMUCivilian2026); bad != nil {
		return bad
	}
	if e.led.civilian {
		return b.refuse(AlreadyPaid, cite(law.CMUCivilian2026, "").WithNote("once"), law.Secondary)
	}
	b.add(&stepC1PaidOnce, stepArgs{d: [3]civil.Date{ep.Released}})
	return b.grant(v.Amount, e.share1(prisoner.PartyPerson, v.Amount))
}

// reg2018Release decides the 2018–2022 one-time release aid (CMU 38, 845,
// 1122). The programme was discretionary; the library checks its dates,
// its term and that it is paid once per release.
func (e *evaluator) reg2018Release(b *builder, ev *prisoner.Event, ep *prisoner.Episode) *Decision {
	v, ok := e.version(b, e.rs.Parameters.Reg2018Release, &reg2018Version, ev.Date)
	if !ok {
		return b.refuse(RegimeNotInForce, v.Citation, law.Assumption)
	}
	if isFamily(ev.Party) {
		return b.refuse(ClaimantNotEntitled, v.Citation, v.Confidence)
	}
	if ep.Released.IsZero() || ep.Released.After(ev.Date) {
		return b.refuse(NotReleased, v.Citation, v.Confidence)
	}
	if v.DeadlineMonths > 0 {
		from := ep.Released
		if e.rs.Options.Reg2018CMU38DeadlineFrom.norm() == FromResolution && from.Before(v.ValidFrom) {
			from = v.ValidFrom
		}
		last := from.AddMonths(v.DeadlineMonths)
		b.addOn(&stepReg2018Term, b.keep(v.Citation.WithNote("six-month term; start per reg2018_cmu38_deadline_from")), law.Assumption,
			stepArgs{d: [3]civil.Date{last}})
		if ev.Date.After(last) {
			return b.refuse(DeadlinePassed, v.Citation, law.Assumption)
		}
	}
	if bad := e.documents(b, ev, v.Citation.Act); bad != nil {
		return bad
	}
	if _, ok := e.led.once(ev.Episode, prisoner.Reg2018Release); ok {
		return b.refuse(AlreadyPaid, v.Citation, v.Confidence)
	}
	return b.grant(v.Amount, e.share1(prisoner.PartyPerson, v.Amount))
}

// reg2018Support decides the CMU 328 legal-aid and family support: while
// the person is held, once (from 2018-04-28) or once a calendar year (from
// the 2019 amendment).
func (e *evaluator) reg2018Support(b *builder, ev *prisoner.Event, ep *prisoner.Episode) *Decision {
	v, ok := e.version(b, e.rs.Parameters.Reg2018Support, &reg2018Version, ev.Date)
	if !ok {
		return b.refuse(RegimeNotInForce, v.Citation, law.Assumption)
	}
	if !ep.Held(ev.Date) {
		return b.refuse(NotHeld, v.Citation, v.Confidence)
	}
	if bad := e.documents(b, ev, v.Citation.Act); bad != nil {
		return bad
	}
	if v.Yearly {
		if _, ok := e.led.get(key{ev.Episode, prisoner.Reg2018Support, ev.Date.Year()}); ok {
			return b.refuse(AlreadyPaid, v.Citation, v.Confidence)
		}
	} else if e.led.cmu328Count(ev.Episode) > 0 {
		return b.refuse(AlreadyPaid, v.Citation, v.Confidence)
	}
	return b.grant(v.Amount, e.share1(payee(ev.Party), v.Amount))
}

// recoveries lists the payments and grants made under an establishing
// decision that was later declared invalid or annulled (Art. 4(9)).
func (e *evaluator) recoveries(ds []Decision) []Recovery {
	scope := e.rs.Options.InvalidationRecovery.norm()
	if scope == RecoverNone {
		return nil
	}
	var out []Recovery
	for i := range e.tl.Episodes {
		et := &e.tl.Episodes[i]
		var cancelled civil.Date
		for j := range et.Changes {
			if ch := &et.Changes[j]; ch.To == status.Cancelled {
				cancelled = ch.Date
				break
			}
		}
		if cancelled.IsZero() {
			continue
		}
		add := func(r Recovery) {
			if scope == RecoverPersonOnly && r.Payee != prisoner.PartyPerson {
				return
			}
			out = append(out, r)
		}
		for j := range ds {
			d := &ds[j]
			if d.Episode != et.Episode || !d.Granted || d.Aid.Regime() != prisoner.Law2022 || d.Date.After(cancelled) {
				continue
			}
			for _, s := range d.Shares {
				add(Recovery{Episode: d.Episode, Event: d.Event, Seq: d.Seq, Date: d.Date, Aid: d.Aid, Payee: s.Party, Amount: s.Amount,
					Citation: cite(law.Law2010, "4", "9")})
			}
		}
		for i := range e.c.Events {
			ev := &e.c.Events[i]
			if ev.Kind != prisoner.Payment || ev.Episode != et.Episode || ev.Regime != prisoner.Law2022 || ev.Date.After(cancelled) {
				continue
			}
			amt, _ := ParseMoney(ev.Amount)
			add(Recovery{Episode: ev.Episode, Event: i, Seq: ev.Seq, Date: ev.Date, Aid: ev.Aid, Payee: ev.Party, Amount: amt,
				Citation: cite(law.Law2010, "4", "9")})
		}
	}
	return out
}
