package aid

import (
	"cmp"
	"slices"
	"sort"
	"sync"

	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/law"
	"github.com/uacaptivity/captivity/prisoner"
	"github.com/uacaptivity/captivity/status"
)

// Evaluate decides every claim of c under rs, in registration order (the
// claim's date, then its sequence number), and returns the result. A
// granted claim counts as paid for every later claim, and so do the
// payments recorded in the case, from their date; no captivity year, release
// or death is ever paid twice.
//
// c is validated first: an invalid case gives a *prisoner.ValidationError,
// a history the life cycle does not allow a *status.HistoryError. A refused
// claim is not an error. Evaluate reads nothing but its arguments and is
// safe for concurrent use. To evaluate many cases under one rule set, make
// a [Calculator] once.
func Evaluate(c prisoner.Case, rs RuleSet) (*Result, error) {
	return New(rs).Evaluate(c)
}

// A Calculator evaluates cases under one rule set. It is immutable and
// safe for concurrent use; make one per rule set and reuse it.
type Calculator struct {
	rs   RuleSet
	hash string
	// steps holds *[]Step scratch blocks that traces are built in before
	// they are copied out at their exact size (see evaluate).
	steps sync.Pool
}

// New returns a Calculator for rs. Each parameter schedule that rs leaves
// nil takes its RPS-1 default ([DefaultParameters]), and so does each
// legal date left zero ([DefaultDates]).
func New(rs RuleSet) *Calculator {
	rs = rs.withDefaults()
	return &Calculator{rs: rs, hash: rs.Hash()}
}

// defaultCalculator is the calculator of a zero or nil *Calculator: RPS-1.
// It is made once, on first use, and never changes.
var defaultCalculator = sync.OnceValue(func() *Calculator { return New(Default()) })

// calc returns k, or the RPS-1 calculator if k is nil or was not made by
// [New]: a zero Calculator evaluates under RPS-1.
func (k *Calculator) calc() *Calculator {
	if k == nil || k.hash == "" {
		return defaultCalculator()
	}
	return k
}

// RuleSet returns the calculator's rule set (RPS-1 for a zero Calculator).
func (k *Calculator) RuleSet() RuleSet { return k.calc().rs }

// Evaluate is [Evaluate] under the calculator's rule set. A zero or nil
// Calculator evaluates under RPS-1, as New(Default()) does.
func (k *Calculator) Evaluate(c prisoner.Case) (*Result, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return k.calc().evaluate(c)
}

// evaluate evaluates a validated case.
func (k *Calculator) evaluate(c prisoner.Case) (*Result, error) {
	rs := &k.rs // never changed once New made it: results and evaluators point to it
	claims := 0
	for i := range c.Events {
		if c.Events[i].Kind == prisoner.Claim {
			claims++
		}
	}
	c = c.Clone() // the result keeps its own copy: see [Result.Case]
	tl, err := status.Build(c, rs.Status)
	if err != nil {
		return nil, err
	}
	// The traces are built one after another in a scratch block, then
	// copied into one block of their exact size.
	scratch, _ := k.steps.Get().(*[]Step)
	if scratch == nil {
		scratch = new([]Step)
	}
	e := &evaluator{tl: tl, led: newLedger(), steps: (*scratch)[:0], cites: make([]law.Citation, 0, claims)}
	res := &Result{Timeline: tl, Warnings: tl.Warnings}
	if claims > 0 {
		res.Decisions = make([]Decision, 0, claims)
	}
	res.CaseID, res.c, res.rs = c.ID, c, rs
	res.Stamp = Stamp{Module: ModuleVersion(), RuleSet: rs.Name, ParamsHash: k.hash, InputHash: InputHash(c)}
	e.c, e.rs = &res.c, rs
	for _, i := range ordered(&res.c) {
		ev := &res.c.Events[i]
		switch ev.Kind {
		case prisoner.Payment:
			e.led.recordPayment(i, ev)
		case prisoner.Claim:
			d := e.decide(i, ev, false)
			if d.Granted {
				e.led.recordGrant(d)
			}
			res.Decisions = append(res.Decisions, d)
		}
	}
	res.Recoveries = e.recoveries(res.Decisions)
	// Each decision's trace is the next run of steps in the scratch block.
	block := make([]Step, len(e.steps))
	copy(block, e.steps)
	for i, at := range res.Decisions {
		n := len(at.Trace)
		res.Decisions[i].Trace = block[:n:n]
		block = block[n:]
	}
	*scratch = e.steps[:0]
	k.steps.Put(scratch)
	return res, nil
}

// ordered returns the indexes of the claims and payments of c by date,
// then sequence number.
func ordered(c *prisoner.Case) []int {
	var idx []int
	for i := range c.Events {
		if k := c.Events[i].Kind; k == prisoner.Claim || k == prisoner.Payment {
			idx = append(idx, i)
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		ea, eb := &c.Events[a], &c.Events[b]
		if d := ea.Date.Compare(eb.Date); d != 0 {
			return d
		}
		return cmp.Compare(ea.Seq, eb.Seq)
	})
	return idx
}

type evaluator struct {
	c       *prisoner.Case
	rs      *RuleSet
	tl      *status.Timeline
	led     *ledger
	steps   []Step
	cites   []law.Citation // grounds computed for this case, that steps point to
	units   []unit         // scratch for the annual aid
	ks      []int          // scratch: the years a claim covers
	schemes []episodeScheme
}

// share1 is the single share of a grant to one payee.
func (e *evaluator) share1(party string, amount Money) []Share {
	return []Share{{Party: party, Amount: amount}}
}

// builder accumulates a decision. Its steps go to the evaluator's block
// (see [evaluator.decide]); a builder without an evaluator tests a
// condition on the side and keeps no steps.
type builder struct {
	e *evaluator
	d Decision
}

// push appends s to the trace, unless the builder keeps no steps.
func (b *builder) push(s Step) {
	if b.e != nil {
		b.e.steps = append(b.e.steps, s)
	}
}

// add appends a step of kind def, on def's own ground.
func (b *builder) add(def *stepDef, a stepArgs) {
	b.push(Step{def: def, cite: &def.cite, conf: def.conf, args: a})
}

// addOn appends a step of kind def on a ground of the case's own.
func (b *builder) addOn(def *stepDef, cite *law.Citation, conf law.Confidence, a stepArgs) {
	b.push(Step{def: def, cite: cite, conf: conf, args: a})
}

// keep stores a ground computed for this case among the evaluator's, for
// a step to point to; nil for a builder that keeps no steps.
func (b *builder) keep(c law.Citation) *law.Citation {
	if b.e == nil {
		return nil
	}
	b.e.cites = append(b.e.cites, c)
	return &b.e.cites[len(b.e.cites)-1]
}

func (b *builder) refuse(code Code, cite law.Citation, conf law.Confidence) *Decision {
	b.d.Granted, b.d.Refusal, b.d.Amount = false, code, Money{}
	if b.d.Reasons == nil && b.e != nil {
		b.d.Reasons = make([]Reason, 0, 1)
	}
	b.d.Reasons = append(b.d.Reasons, Reason{Code: code, Message: code.Message(), Citation: cite, Confidence: conf})
	b.addOn(&stepRefuse, b.keep(cite), conf, stepArgs{s: [2]string{string(code)}})
	b.d.Years, b.d.Shares = nil, nil
	return &b.d
}

func (b *builder) grant(total Money, shares []Share) *Decision {
	b.d.Granted, b.d.Amount, b.d.Shares = true, total, shares
	return &b.d
}

func cite(act law.ActID, article string, rest ...string) law.Citation {
	return law.Cite(act, article, rest...)
}

// decide evaluates one claim. With dry set it is a preview (entitlements)
// and must not look at the claim's own documents. The decision's trace is
// the run of steps appended to e.steps while deciding it, cut so that
// appending to one trace cannot reach the next.
func (e *evaluator) decide(i int, ev *prisoner.Event, dry bool) Decision {
	start := len(e.steps)
	// The kinds return the builder's own decision: copied once, here.
	d := *e.decideKind(&builder{e: e, d: Decision{Event: i, Seq: ev.Seq, Date: ev.Date, Episode: ev.Episode, Aid: ev.Aid, Claimant: ev.Party}}, ev, dry)
	end := len(e.steps)
	d.Trace = e.steps[start:end:end]
	return d
}

func (e *evaluator) decideKind(b *builder, ev *prisoner.Event, dry bool) *Decision {
	ep := e.episode(ev.Episode)
	switch ev.Aid {
	case prisoner.Annual:
		return e.annual(b, ev, ep)
	case prisoner.ReleaseAid:
		return e.release(b, ev, ep)
	case prisoner.DeathAid:
		return e.death(b, ev, ep, dry)
	case prisoner.CivilianAid:
		return e.civilian(b, ev, ep)
	case prisoner.Reg2018Release:
		return e.reg2018Release(b, ev, ep)
	case prisoner.Reg2018Support:
		return e.reg2018Support(b, ev, ep)
	}
	return b.refuse(ClaimantNotEntitled, cite(law.Brief, "5"), law.Assumption)
}

// episode returns the case's episode with the given ID, or an empty one.
// scheme returns the scheme of years of episode ep, made once per case:
// a case often claims the annual aid several times for one episode.
func (e *evaluator) scheme(ep *prisoner.Episode) scheme {
	for i := range e.schemes {
		if e.schemes[i].ep == ep {
			return e.schemes[i].s
		}
	}
	s := newScheme(ep, e.rs)
	e.schemes = append(e.schemes, episodeScheme{ep, s})
	return s
}

type episodeScheme struct {
	ep *prisoner.Episode
	s  scheme
}

func (e *evaluator) episode(id string) *prisoner.Episode {
	for i := range e.c.Episodes {
		if e.c.Episodes[i].ID == id {
			return &e.c.Episodes[i]
		}
	}
	return &prisoner.Episode{}
}

// version looks up the parameter in force on the claim date; a claim
// before the first version or while the version is not in force is
// refused as regime_not_in_force.
func (e *evaluator) version(b *builder, s *Schedule, vs *versionSteps, t civil.Date) (*Version, bool) {
	v := s.at(t)
	if v == nil || !v.InForce {
		c := &s.versions[0].Citation
		if v != nil {
			c = &v.Citation
		} else {
			v = &Version{}
		}
		b.addOn(&vs.notInForce, c, law.Verified, stepArgs{s: [2]string{s.Name()}, d: [3]civil.Date{t}})
		return v, false
	}
	b.push(Step{def: &vs.param, cite: &v.Citation, conf: v.Confidence, param: true,
		args: stepArgs{m: v.Amount, s: [2]string{s.Name()}, d: [3]civil.Date{v.ValidFrom}}})
	return v, true
}

// established checks the status conditions shared by the Law 2010-IX aid:
// the fact established on the claim date, not cancelled, no conviction.
func (e *evaluator) established(b *builder, ev *prisoner.Event) (status.Snapshot, *Decision) {
	snap := e.tl.At(ev.Episode, ev.Date)
	switch {
	case snap.State == status.Cancelled:
		b.refuse(FactCancelled, cite(law.Law2010, "4", "8"), law.Verified)
		return snap, &b.d
	case snap.Excluded:
		b.refuse(ExcludedConviction, cite(law.Law2010, "2", "4"), law.Verified)
		return snap, &b.d
	case !snap.State.Established():
		b.refuse(FactNotEstablished, cite(law.Law2010, "4", "7"), law.Verified)
		return snap, &b.d
	}
	b.addOn(&stepStatus, &snap.Change.Ground, snap.Change.Conf, stepArgs{state: snap.State, d: [3]civil.Date{snap.Since}})
	return snap, nil
}

// documents refuses a claim that lacks documents, on the ground of the
// act that sets the procedure of its aid: the CMU 1281 Procedure for the
// aid of Law 2010-IX, the act of the parameter version in force for the
// other regimes (the resolution of 26.12.2025 for the 2026 civilian aid,
// CMU 38, 845 or 1122, CMU 328).
func (e *evaluator) documents(b *builder, ev *prisoner.Event, act law.ActID) *Decision {
	if len(ev.Missing) > 0 {
		ground := cite(act, "").WithNote("documents of the application; the list was not seen")
		if act == law.CMU1281 {
			ground = cite(law.CMU1281, "").WithNote("Procedure for granting the aid; document list not seen")
		}
		b.refuse(DocumentsIncomplete, ground, law.Secondary)
		return &b.d
	}
	return nil
}

// member checks that a family claimant is covered and recognised on the
// day assessed (Art. 2(3), 4(5); LAW.md §2.3–2.4, §8).
func (e *evaluator) member(b *builder, party string, ev *prisoner.Event, ep *prisoner.Episode) *Decision {
	if ep.Category == prisoner.ForeignMilitary && e.rs.Options.FamilyOfForeignServicemanCovered.norm() == ForeignFamilyNotCovered {
		b.refuse(FamilyNotCovered, cite(law.Law2010, "2", "3"), law.Verified)
		return &b.d
	}
	if e.rs.Options.FamilyMemberCitizenshipRequired.norm() == CitizenshipRequired {
		if m, _ := e.c.Member(party); m.Citizenship != "UA" {
			b.refuse(NotCitizen, cite(law.Brief, "8").WithNote("family_member_citizenship_required"), law.Assumption)
			return &b.d
		}
	}
	ms := e.tl.Member(party, ev.Episode, ev.Date)
	if ms.State != status.Recognised {
		b.refuse(NotFamilyMember, ms.Ground, ms.Conf)
		return &b.d
	}
	b.addOn(&stepFamily, b.keep(ms.Ground), ms.Conf, stepArgs{s: [2]string{party}, d: [3]civil.Date{ms.AssessedOn}})
	return nil
}

func isFamily(party string) bool {
	return party != prisoner.PartyPerson && party != prisoner.PartyRepresentative
}

func (e *evaluator) annual(b *builder, ev *prisoner.Event, ep *prisoner.Episode) *Decision {
	t := ev.Date
	v, ok := e.version(b, e.rs.Parameters.Annual, &annualVersion, t)
	if !ok {
		return b.refuse(RegimeNotInForce, cite(law.Law2010, "17", "1"), law.Verified)
	}
	until := e.rs.Dates.CMU328Deferral
	if paid, ok := e.led.cmu328In2022(ev.Episode, e.rs.Dates.LawStart.Date); ok && t.Before(until.Date) {
		b.addOn(&stepA6bCMU328Defers, b.keep(until.Citation), until.Confidence, stepArgs{d: [3]civil.Date{paid, until.Date}})
		return b.refuse(RegimeNotInForce, until.Citation, until.Confidence)
	}
	if _, bad := e.established(b, ev); bad != nil {
		return bad
	}
	if bad := e.documents(b, ev, law.CMU1281); bad != nil {
		return bad
	}
	family := isFamily(ev.Party)
	if family {
		if bad := e.member(b, ev.Party, ev, ep); bad != nil {
			return bad
		}
	}
	s := e.scheme(ep)
	if s.block {
		b.add(&stepA6PreLawBlock, stepArgs{n: [4]int16{int16(s.m), int16(s.r), int16(s.yearLen), int16(s.n)}, d: [3]civil.Date{s.blockEnd}, s: [2]string{e.rs.Options.PreLawRounding.String()}})
		if off := e.led.offsets(ev.Episode); off > 0 {
			b.add(&stepA6BlockOffsetCMU328, stepArgs{n: [4]int16{int16(off)}})
		}
	}
	died := !ep.Died.IsZero() && !ep.Died.After(t)
	released := !ep.Released.IsZero() && !ep.Released.After(t)
	var candidates []int
	switch {
	case died:
		if e.rs.Options.UnpaidYearsAfterDeath.norm() == AfterDeathNobody || !family {
			b.add(&stepA7DiedUnpaidToNoOne, stepArgs{})
			return b.refuse(PersonDeceased, cite(law.Law2010, "7", "1"), law.Assumption)
		}
		end := ep.Died
		if released {
			end = ep.Released
		}
		candidates = e.closedYears(b, s, end)
	case released:
		if family && e.rs.Options.FamilyClaimAfterRelease.norm() == FamilyRefused {
			b.add(&stepA5FamilyRightEnded, stepArgs{d: [3]civil.Date{ep.Released}})
			return b.refuse(FamilyClaimAfterRelease, cite(law.Law2010, "7", "1"), law.Verified)
		}
		candidates = e.closedYears(b, s, ep.Released)
	default:
		candidates = e.heldYears(b, s, t)
	}
	years := e.units[:0]
	defer func() { e.units = years[:0] }()
	anyPaid := false
	for _, k := range candidates {
		u := s.unit(k)
		if p, paid := e.led.annualPaid(ev.Episode, u, s); paid {
			anyPaid = true
			b.add(&stepA3YearAlreadyPaid, stepArgs{n: [4]int16{int16(k)}, s: [2]string{p.how, p.howUK()}, d: [3]civil.Date{p.date}})
			continue
		}
		years = append(years, u)
	}
	if len(years) == 0 {
		if anyPaid {
			return b.refuse(AlreadyPaid, cite(law.Law2010, "7", "1"), law.Verified)
		}
		return b.refuse(NothingDue, cite(law.Law2010, "7", "1").WithNote("no creditable year"), law.Secondary)
	}
	b.d.Years = make([]YearLine, 0, len(years))
	for _, u := range years {
		b.d.Years = append(b.d.Years, YearLine{K: u.k, ID: u.id, From: u.from, To: u.to, PreLaw: u.preLaw, Amount: v.Amount})
	}
	total := v.Amount
	if len(years) > 1 {
		total = v.Amount.Times(len(years))
	}
	return e.pay(b, total, ev, ep, family && !released && !died)
}

// heldYears returns the years a claim while the person is held covers
// (A3, A6; held_claim_scope, pre_law_claims_from).
func (e *evaluator) heldYears(b *builder, s scheme, t civil.Date) []int {
	kc := s.current(t)
	u := s.unit(kc)
	b.add(&stepA3HeldCurrentYear, stepArgs{n: [4]int16{int16(kc)}, d: [3]civil.Date{t, u.from, u.to}})
	blockOpen := s.block && s.n > 0
	if from := e.rs.Dates.CMU1182Effective; blockOpen && e.rs.Options.PreLawClaimsFrom.norm() == FromCMU1182 && t.Before(from.Date) {
		blockOpen = false
		b.addOn(&stepA6BlockNotBeforeCMU1182, b.keep(from.Citation), from.Confidence, stepArgs{d: [3]civil.Date{from.Date}})
	}
	ks := e.ks[:0]
	if blockOpen {
		for k := 1; k <= s.n; k++ {
			ks = append(ks, k)
		}
	}
	if !blockOpen || kc > s.n {
		ks = append(ks, kc)
	}
	if e.rs.Options.HeldClaimScope.norm() == AllStartedYears {
		b.add(&stepA3CatchUp, stepArgs{})
		// Years before the block's end are the block's (s.n is 0 without one).
		for k := s.n + 1; k < kc; k++ {
			ks = append(ks, k)
		}
	}
	e.ks = ks
	return uniqueSorted(ks)
}

// closedYears returns the years owed once the captivity has ended on end:
// every completed year and the pre-law block (A4, A6), and the last
// incomplete year when released_partial_year is paid.
func (e *evaluator) closedYears(b *builder, s scheme, end civil.Date) []int {
	done := s.completed(end)
	b.add(&stepA4CaptivityEnded, stepArgs{d: [3]civil.Date{end}, n: [4]int16{int16(done)}})
	ks := e.ks[:0]
	for k := 1; k <= done; k++ {
		ks = append(ks, k)
	}
	if s.block {
		for k := 1; k <= s.n; k++ {
			ks = append(ks, k)
		}
	}
	if e.rs.Options.ReleasedPartialYear.norm() == PartialPaid {
		if k := s.current(end); k > done {
			b.add(&stepA4IncompleteYearPaid, stepArgs{n: [4]int16{int16(k)}})
			ks = append(ks, k)
		}
	}
	e.ks = ks
	return uniqueSorted(ks)
}

func uniqueSorted(ks []int) []int {
	sort.Ints(ks)
	out := ks[:0]
	for i, k := range ks {
		if i == 0 || k != ks[i-1] {
			out = append(out, k)
		}
	}
	return out
}

// pay grants total to the claimant, or, for a family claim while held under
// held_payee=equal_shares, in equal shares to every recognised member.
func (e *evaluator) pay(b *builder, total Money, ev *prisoner.Event, ep *prisoner.Episode, heldFamily bool) *Decision {
	payees := []string{payee(ev.Party)}
	if heldFamily && e.rs.Options.HeldPayee.norm() == EqualShares {
		for i := range e.c.Family {
			if id := e.c.Family[i].ID; id != ev.Party && e.tl.Member(id, ev.Episode, ev.Date).State == status.Recognised {
				payees = append(payees, id)
			}
		}
		b.add(&stepA3SharedEqually, stepArgs{n: [4]int16{int16(len(payees))}})
	} else if heldFamily {
		b.add(&stepA3PaidFirstApplicant, stepArgs{})
	}
	return b.grant(total, e.split(b, total, payees))
}

func payee(party string) string {
	if party == prisoner.PartyRepresentative {
		return prisoner.PartyPerson // paid to the person through the representative
	}
	return party
}

func (e *evaluator) split(b *builder, total Money, payees []string) []Share {
	if len(payees) == 1 {
		return e.share1(payees[0], total)
	}
	w := make([]int64, len(payees))
	for i := range w {
		w[i] = 1
	}
	r := e.rs.SplitRounding.norm()
	amounts, err := Allocate(total, w, r)
	if err != nil { // cannot happen: weights are positive and totals non-negative
		return e.share1(payees[0], total)
	}
	if len(payees) > 1 {
		if r == HalfUpAdjustFirst {
			b.add(&stepD3SplitHalfUp, stepArgs{})
		} else {
			b.add(&stepD3SplitDown, stepArgs{})
		}
	}
	out := make([]Share, len(payees))
	for i, p := range payees {
		out[i] = Share{Party: p, Amount: amounts[i]}
	}
	return out
}
