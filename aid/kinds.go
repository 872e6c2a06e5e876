package aid

import (
	"strings"

	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/law"
	"github.com/uacaptivity/captivity/prisoner"
	"github.com/uacaptivity/captivity/status"
)

// release decides one-time aid after release (R1–R3, Art. 7(2)).
func (e *evaluator) release(b *builder, ev *prisoner.Event, ep *prisoner.Episode) Decision {
	t := ev.Date
	v, ok := e.version(b, e.rs.Parameters.Release, "R1", t)
	if !ok {
		return b.refuse(RegimeNotInForce, cite(law.Law2010, "17", "1"), law.Verified)
	}
	if isFamily(ev.Party) {
		b.step("R1", cite(law.Law2010, "7", "2"), law.Verified, "release aid is paid to the released person personally",
			"допомога після звільнення виплачується особисто звільненій особі")
		return b.refuse(ClaimantNotEntitled, cite(law.Law2010, "7", "2"), law.Verified)
	}
	if _, bad := e.established(b, ev); bad != nil {
		return *bad
	}
	if ep.Released.IsZero() || ep.Released.After(t) {
		return b.refuse(NotReleased, cite(law.Law2010, "7", "2"), law.Verified)
	}
	if !ep.Died.IsZero() && !ep.Died.After(t) {
		b.step("R3", cite(law.CivilCode, "1227").WithNote("Q11: aid never claimed does not pass to the family"), law.Assumption,
			"the person died before claiming; the entitlement is personal", "особа померла до звернення; право особисте")
		return b.refuse(PersonDeceased, cite(law.Law2010, "7", "2"), law.Assumption)
	}
	if bad := e.deadline(b, ev, ep.Released); bad != nil {
		return *bad
	}
	if bad := e.documents(b, ev); bad != nil {
		return *bad
	}
	if e.rs.Options.ReleaseAidPer.norm() == PerPerson && e.led.personRelease {
		b.step("R1", cite(law.Brief, "9").WithNote("Q10 release_aid_per=person"), law.Assumption,
			"release aid was already granted for another release", "допомогу після звільнення вже призначено за інше звільнення")
		return b.refuse(AlreadyPaid, cite(law.Law2010, "7", "2"), law.Assumption)
	}
	if p, ok := e.led.once(ev.Episode, prisoner.ReleaseAid); ok {
		b.stepf("R1", cite(law.Law2010, "7", "2"), law.Verified, law.Text{UK: "допомогу після цього звільнення {s1} {d0}", EN: "release aid for this release was {s0} on {d0}"},
			stepArgs{s: [2]string{p.how, p.howUK()}, d: [3]civil.Date{p.date}})
		return b.refuse(AlreadyPaid, cite(law.Law2010, "7", "2"), law.Verified)
	}
	if p, ok := e.led.once(ev.Episode, prisoner.Reg2018Release); ok && e.rs.Options.OffsetPriorRegimeReleaseAid.norm() == OffsetPrior {
		b.stepf("R2", cite(law.Brief, "6.2").WithNote("Q9: offset only for the same release"), law.Assumption,
			law.Text{UK: "допомогу після цього звільнення {s1} за програмою 2018 року {d0}", EN: "release aid for this release was {s0} under the 2018 programme on {d0}"},
			stepArgs{s: [2]string{p.how, p.howUK()}, d: [3]civil.Date{p.date}})
		return b.refuse(PriorRegimePaid, cite(law.Brief, "6.2"), law.Assumption)
	}
	b.stepf("R1", cite(law.Law2010, "7", "2"), law.Verified, law.Text{UK: "звільнено {d0}; одна виплата за звільнення", EN: "released on {d0}; one payment per release"},
		stepArgs{d: [3]civil.Date{ep.Released}})
	return b.grant(v.Amount, e.share1(prisoner.PartyPerson, v.Amount))
}

func (e *evaluator) deadline(b *builder, ev *prisoner.Event, from civil.Date) *Decision {
	n := e.rs.ClaimDeadlineDays
	if n <= 0 {
		return nil
	}
	last := from.AddDays(n)
	if ev.Date.After(last) {
		b.stepf("deadline", cite(law.Brief, "3.4").WithNote("claim_deadline"), law.Assumption,
			law.Text{UK: "строк звернення сплив {d0}", EN: "the term to claim ended on {d0}"}, stepArgs{d: [3]civil.Date{last}})
		b.refuse(DeadlinePassed, cite(law.Brief, "3.4"), law.Assumption)
		return &b.d
	}
	return nil
}

// deathCovered checks Art. 7(3): death while held, or within one year
// after release (the anniversary included) from a linked cause.
func (e *evaluator) deathCovered(b *builder, ep *prisoner.Episode) bool {
	switch {
	case ep.DiedInCaptivity():
		b.stepf("D2", cite(law.Law2010, "7", "3"), law.Verified, law.Text{UK: "помер у полоні {d0}", EN: "died in captivity on {d0}"}, stepArgs{d: [3]civil.Date{ep.Died}})
		return true
	case ep.DiedAfterRelease():
		limit := ep.Released.AddYears(1, e.rs.Feb29)
		if ep.Died.After(limit) {
			b.stepf("D2", cite(law.Law2010, "7", "3"), law.Verified, law.Text{UK: "помер пізніше {d0}, більш ніж через рік після звільнення", EN: "died after {d0}, more than a year after release"},
				stepArgs{d: [3]civil.Date{limit}})
			return false
		}
		if !ep.DeathLinked {
			b.step("D2", cite(law.Law2010, "7", "3"), law.Verified, "no certificate links the death to the captivity",
				"немає довідки про зв'язок смерті з перебуванням у полоні")
			return false
		}
		b.stepf("D2", cite(law.Law2010, "7", "3"), law.Verified, law.Text{UK: "помер протягом року після звільнення (до {d0} включно) з пов'язаної причини",
			EN: "died within a year of release ({d0} inclusive) from a linked cause"}, stepArgs{d: [3]civil.Date{limit}})
		return true
	}
	return false
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
	b.stepf("D4", cite(law.Law2010, "7", "3").WithNote("death_aid_recipients=family_code_strict (Q23)"), law.Assumption,
		law.Text{UK: "за суворим тлумаченням не є отримувачем ({s0})", EN: "a {s0} is not a recipient under the strict reading"}, stepArgs{s: [2]string{m.Relation.String()}})
	b.refuse(NotFamilyMember, cite(law.Law2010, "7", "3"), law.Assumption)
	return &b.d
}

// deathEligible runs every check of a death-aid claim except the split
// and whether the sum was already paid.
func (e *evaluator) deathEligible(b *builder, ev *prisoner.Event, ep *prisoner.Episode) (Version, *Decision) {
	v, ok := e.version(b, e.rs.Parameters.Death, "D1", ev.Date)
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
	if ep.Died.IsZero() || ep.Died.After(ev.Date) || !e.deathCovered(b, ep) {
		b.refuse(DeathNotCovered, cite(law.Law2010, "7", "3"), law.Verified)
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
		b.step("D5", cite(law.Law2010, "7", "3"), law.Verified, "the claimant chose the one-time payment of another law",
			"заявник обрав одноразову виплату за іншим законом")
		b.refuse(OtherGroundElected, cite(law.Law2010, "7", "3"), law.Verified)
		return v, &b.d
	}
	if bad := e.documents(b, ev); bad != nil {
		return v, bad
	}
	return v, nil
}

// death decides one-time aid on death (D1–D5). Under the equal split, the
// sum is shared among every eligible claim registered before the death aid
// was paid; each claim's decision shows its own share and all the shares.
func (e *evaluator) death(b *builder, ev *prisoner.Event, ep *prisoner.Episode, dry bool) Decision {
	v, bad := e.deathEligible(b, ev, ep)
	if bad != nil {
		return *bad
	}
	if on, ok := e.led.deathPaidOn(ev.Episode); ok {
		b.stepf("D3", cite(law.Brief, "6.3"), law.Assumption, law.Text{UK: "допомогу у разі смерті виплачено {d0}; пізнішому заявникові відмовлено",
			EN: "the death aid was paid on {d0}; a later applicant is refused"}, stepArgs{d: [3]civil.Date{on}})
		return b.refuse(AlreadyPaid, cite(law.Brief, "6.3"), law.Assumption)
	}
	if e.rs.Options.DeathAidSplit.norm() == SplitSingle {
		if p, ok := e.led.once(ev.Episode, prisoner.DeathAid); ok {
			b.stepf("D3", cite(law.Brief, "6.3").WithNote("death_aid_split=single_applicant"), law.Assumption,
				law.Text{UK: "уся сума призначена {s0}", EN: "the whole sum went to {s0}"}, stepArgs{s: [2]string{p.payee}})
			return b.refuse(AlreadyPaid, cite(law.Brief, "6.3"), law.Assumption)
		}
		b.step("D3", cite(law.Brief, "6.3").WithNote("death_aid_split=single_applicant"), law.Assumption,
			"the first eligible applicant takes the whole sum", "перший заявник отримує всю суму")
		return b.grant(v.Amount, e.share1(ev.Party, v.Amount))
	}
	group := e.deathGroup(ev, ep, dry)
	b.stepf("D3", cite(law.Brief, "6.3").WithNote("death_aid_split=equal_shares_among_applicants (Q8)"), law.Assumption,
		law.Text{UK: "порівну між заявниками: {s0}", EN: "equal shares among the eligible applicants: {s0}"}, stepArgs{s: [2]string{strings.Join(group, ", ")}})
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
func (e *evaluator) civilian(b *builder, ev *prisoner.Event, ep *prisoner.Episode) Decision {
	v, ok := e.version(b, e.rs.Parameters.Civilian, "C3", ev.Date)
	if !ok {
		return b.refuse(RegimeNotInForce, cite(law.CMUCivilian2026, ""), law.Secondary)
	}
	if isFamily(ev.Party) {
		return b.refuse(ClaimantNotEntitled, cite(law.CMUCivilian2026, ""), law.Secondary)
	}
	if !e.c.Person.Citizen() || !ep.Category.Civic() || ep.ServingAtCapture {
		b.step("C1", cite(law.CMUCivilian2026, ""), law.Secondary, "the aid is for released civilian citizens of Ukraine",
			"допомога для звільнених цивільних громадян України")
		return b.refuse(NotCivilian, cite(law.CMUCivilian2026, ""), law.Secondary)
	}
	if ep.Released.IsZero() || ep.Released.After(ev.Date) {
		return b.refuse(NotReleased, cite(law.CMUCivilian2026, ""), law.Secondary)
	}
	snap := e.tl.At(ev.Episode, ev.Date)
	if snap.Excluded {
		b.step("C1", cite(law.Law2010, "2", "4").WithNote("applied to the 2026 aid by analogy: the resolution was not seen"), law.Assumption,
			"a conviction for an excluding crime is final", "обвинувальний вирок за злочин, що виключає дію закону, набрав сили")
		return b.refuse(ExcludedConviction, cite(law.Law2010, "2", "4"), law.Assumption)
	}
	if snap.State.Established() && e.rs.Options.Civilian50kIfFactEstablished.norm() == Civilian50kExcluded {
		b.step("C2", cite(law.Brief, "6.4").WithNote("Q12: the two schemes exclude each other"), law.Assumption,
			"the fact is established: the aid of Law 2010-IX applies instead", "факт встановлено: застосовується допомога за Законом 2010-IX")
		return b.refuse(FactEstablished, cite(law.Brief, "6.4"), law.Assumption)
	}
	if bad := e.documents(b, ev); bad != nil {
		return *bad
	}
	if e.led.civilian {
		return b.refuse(AlreadyPaid, cite(law.CMUCivilian2026, "").WithNote("once"), law.Secondary)
	}
	b.stepf("C1", cite(law.CMUCivilian2026, ""), law.Secondary, law.Text{UK: "звільнена цивільна особа {d0}; виплачується один раз", EN: "released civilian on {d0}; paid once"},
		stepArgs{d: [3]civil.Date{ep.Released}})
	return b.grant(v.Amount, e.share1(prisoner.PartyPerson, v.Amount))
}

// reg2018Release decides the 2018–2022 one-time release aid (CMU 38, 845,
// 1122). The programme was discretionary; the library checks its dates,
// its term and that it is paid once per release.
func (e *evaluator) reg2018Release(b *builder, ev *prisoner.Event, ep *prisoner.Episode) Decision {
	v, ok := e.version(b, e.rs.Parameters.Reg2018Release, "reg2018", ev.Date)
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
		b.stepf("reg2018", v.Citation.WithNote("six-month term; start per reg2018_cmu38_deadline_from"), law.Assumption,
			law.Text{UK: "строк звернення спливає {d0}", EN: "the term to apply ends on {d0}"}, stepArgs{d: [3]civil.Date{last}})
		if ev.Date.After(last) {
			return b.refuse(DeadlinePassed, v.Citation, law.Assumption)
		}
	}
	if bad := e.documents(b, ev); bad != nil {
		return *bad
	}
	if _, ok := e.led.once(ev.Episode, prisoner.Reg2018Release); ok {
		return b.refuse(AlreadyPaid, v.Citation, v.Confidence)
	}
	return b.grant(v.Amount, e.share1(prisoner.PartyPerson, v.Amount))
}

// reg2018Support decides the CMU 328 legal-aid and family support: while
// the person is held, once (from 2018-04-28) or once a calendar year (from
// the 2019 amendment).
func (e *evaluator) reg2018Support(b *builder, ev *prisoner.Event, ep *prisoner.Episode) Decision {
	v, ok := e.version(b, e.rs.Parameters.Reg2018Support, "reg2018", ev.Date)
	if !ok {
		return b.refuse(RegimeNotInForce, v.Citation, law.Assumption)
	}
	if !ep.Held(ev.Date) {
		return b.refuse(NotHeld, v.Citation, v.Confidence)
	}
	if bad := e.documents(b, ev); bad != nil {
		return *bad
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
	for _, et := range e.tl.Episodes {
		var cancelled civil.Date
		for _, ch := range et.Changes {
			if ch.To == status.Cancelled {
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
		for _, d := range ds {
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
