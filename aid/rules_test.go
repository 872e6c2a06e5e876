package aid_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/prisoner"
	"github.com/uacaptivity/captivity/status"
)

const (
	P   = prisoner.PartyPerson
	Rep = prisoner.PartyRepresentative
)

var (
	annual   = prisoner.Annual
	release  = prisoner.ReleaseAid
	death    = prisoner.DeathAid
	civilian = prisoner.CivilianAid
)

func missing(e *prisoner.Event)   { e.Missing = []string{"bank_account"} }
func otherLaw(e *prisoner.Event)  { e.OtherLawElected = true }
func pl(m *prisoner.FamilyMember) { m.Citizenship = "PL" }

type ruleCase struct {
	name, rule string
	// option names the LAW.md §8 option whose alternative the edit sets.
	option string
	give   *cb
	edit   func(*aid.RuleSet)
	want   []string
}

// heldFamily: a civilian held since 2023-03-01, established, with a spouse.
func heldFamily() *cb {
	return newCase(prisoner.Civilian, "2023-03-01").member("f1", prisoner.Spouse).member("f2", prisoner.Child).
		established("2023-04-01", "2023-05-01")
}

func ruleCases() []ruleCase {
	return []ruleCase{
		// A1–A3: annual aid while held.
		{name: "A1 one year, no pro-rata", rule: "A1 Art. 7(1)",
			give: heldFamily().claim("2023-06-01", annual, "f1"), want: []string{"100000.00 y1"}},
		{name: "A3 the anniversary day is still the year ending", rule: "A3, LAW.md §7 current year",
			give: heldFamily().claim("2023-06-01", annual, "f1").claim("2024-03-01", annual, "f1").claim("2024-03-02", annual, "f1"),
			want: []string{"100000.00 y1", "already_paid", "100000.00 y2"}},
		{name: "A3 one family member per year", rule: "A3 'one of the family members'",
			give: heldFamily().claim("2023-06-01", annual, "f1").claim("2023-06-02", annual, "f2"), want: []string{"100000.00 y1", "already_paid"}},
		{name: "A3 no catch-up of an unclaimed later year", rule: "A3, Q4 default",
			give: heldFamily().claim("2023-06-01", annual, "f1").claim("2025-06-01", annual, "f1"), want: []string{"100000.00 y1", "100000.00 y3"}},
		{name: "A3 catch-up option", rule: "Q4 held_claim_scope", option: "held_claim_scope",
			give: heldFamily().claim("2023-06-01", annual, "f1").claim("2025-06-01", annual, "f1"),
			edit: func(rs *aid.RuleSet) { rs.Options.HeldClaimScope = aid.AllStartedYears },
			want: []string{"100000.00 y1", "200000.00 y2,3"}},
		{name: "A3 equal shares option", rule: "held_payee=equal_shares", option: "held_payee",
			give: heldFamily().member("f3", prisoner.Parent).claim("2023-06-01", annual, "f1"),
			edit: func(rs *aid.RuleSet) { rs.Options.HeldPayee = aid.EqualShares },
			want: []string{"100000.00 y1 [f1 33333.34 f2 33333.33 f3 33333.33]"}},
		{name: "A3 representative while held", rule: "Art. 4(1)(1); CMU 1182",
			give: heldFamily().claim("2023-06-01", annual, Rep), want: []string{"100000.00 y1"}},
		{name: "A3 documents missing", rule: "§3.3 documents",
			give: heldFamily().claim("2023-06-01", annual, "f1", missing), want: []string{"documents_incomplete"}},
		{name: "A1 claim before the law", rule: "Art. 17(1)",
			give: newCase(prisoner.Civilian, "2022-03-01").claim("2022-11-18", annual, P), want: []string{"regime_not_in_force"}},
		{name: "A3 claim before the fact is established", rule: "Art. 4(7)",
			give: newCase(prisoner.Civilian, "2023-03-01").member("f1", prisoner.Spouse).claim("2023-04-01", annual, "f1").established("2023-04-02", "2023-05-01"),
			want: []string{"fact_not_established"}},
		{name: "A3 household member before recognition", rule: "Art. 4(5), 4(7)",
			give: heldFamily().member("h", prisoner.Household).claim("2023-06-01", annual, "h"), want: []string{"not_family_member"}},
		{name: "A3 divorced spouse", rule: "Family Code art. 3; family_status_assessed_at",
			give: newCase(prisoner.Civilian, "2023-03-01").member("f1", prisoner.Spouse, func(m *prisoner.FamilyMember) { m.Ended = d("2023-05-20") }).
				established("2023-04-01", "2023-05-01").claim("2023-06-01", annual, "f1"),
			want: []string{"not_family_member"}},
		{name: "Q7 divorced after capture, assessed at capture", rule: "family_status_assessed_at=deprivation_date", option: "family_status_assessed_at",
			give: newCase(prisoner.Civilian, "2023-03-01").member("f1", prisoner.Spouse, func(m *prisoner.FamilyMember) { m.Ended = d("2023-05-20") }).
				established("2023-04-01", "2023-05-01").claim("2023-06-01", annual, "f1"),
			edit: func(rs *aid.RuleSet) { rs.Status.FamilyAssessedAt = status.DeprivationDate },
			want: []string{"100000.00 y1"}},
		{name: "decision effective on notification", rule: "Law on Administrative Procedure art. 74",
			give: newCase(prisoner.Civilian, "2023-03-01").member("f1", prisoner.Spouse).
				event(prisoner.Event{Date: d("2023-04-01"), Kind: prisoner.Application, Party: P}).
				event(prisoner.Event{Date: d("2023-05-01"), Kind: prisoner.Decision, Decision: prisoner.Establish, Notified: d("2023-05-20")}).
				claim("2023-05-10", annual, "f1").claim("2023-05-20", annual, "f1"),
			want: []string{"fact_not_established", "100000.00 y1"}},
		{name: "decision effective on its date", rule: "decision_effective_on=decision_date", option: "decision_effective_on",
			give: newCase(prisoner.Civilian, "2023-03-01").member("f1", prisoner.Spouse).
				event(prisoner.Event{Date: d("2023-04-01"), Kind: prisoner.Application, Party: P}).
				event(prisoner.Event{Date: d("2023-05-01"), Kind: prisoner.Decision, Decision: prisoner.Establish, Notified: d("2023-05-20")}).
				claim("2023-05-10", annual, "f1").claim("2023-05-20", annual, "f1"),
			edit: func(rs *aid.RuleSet) { rs.Status.DecisionEffectiveOn = status.DecisionDate },
			want: []string{"100000.00 y1", "already_paid"}},
		{name: "A8 per detainee: a second episode has its own years", rule: "A8; Q10",
			give: newCase(prisoner.Civilian, "2022-12-01").released("2023-02-01").member("f1", prisoner.Parent).established("2022-12-10", "2022-12-20").
				claim("2023-01-10", annual, "f1").
				episode("e2", prisoner.Civilian, "2023-06-01").established("2023-06-10", "2023-07-01").claim("2023-08-01", annual, "f1"),
			want: []string{"100000.00 y1", "100000.00 y1"}},
		{name: "calendar-year basis", rule: "year_basis=calendar_year (Q21)", option: "year_basis",
			give: heldFamily().claim("2023-06-01", annual, "f1").claim("2024-01-02", annual, "f1"),
			edit: func(rs *aid.RuleSet) { rs.Options.YearBasis = aid.CalendarYear },
			want: []string{"100000.00 y2023", "100000.00 y2024"}},
		{name: "anniversary basis for the same claims", rule: "year_basis=anniversary",
			give: heldFamily().claim("2023-06-01", annual, "f1").claim("2024-01-02", annual, "f1"),
			want: []string{"100000.00 y1", "already_paid"}},

		// A4–A5: after release.
		{name: "A4 released the day before the anniversary", rule: "A4 each full year",
			give: newCase(prisoner.Military, "2023-03-01").released("2024-02-29").established("2024-03-05", "2024-03-10").claim("2024-04-01", annual, P),
			want: []string{"nothing_due"}},
		{name: "A4 released on the anniversary completes the year", rule: "Q14; Civil Code art. 254(1)",
			give: newCase(prisoner.Military, "2023-03-01").released("2024-03-01").established("2024-03-05", "2024-03-10").claim("2024-04-01", annual, P),
			want: []string{"100000.00 y1"}},
		{name: "Q14 alternative: the anniversary does not complete", rule: "release_on_anniversary_completes_year=false", option: "release_on_anniversary_completes_year",
			give: newCase(prisoner.Military, "2023-03-01").released("2024-03-01").established("2024-03-05", "2024-03-10").claim("2024-04-01", annual, P),
			edit: func(rs *aid.RuleSet) { rs.Options.ReleaseOnAnniversaryCompletesYear = aid.AnniversaryIncomplete },
			want: []string{"nothing_due"}},
		{name: "A4 the incomplete last year, paid option", rule: "released_partial_year=paid", option: "released_partial_year",
			give: newCase(prisoner.Military, "2023-03-01").released("2024-02-29").established("2024-03-05", "2024-03-10").claim("2024-04-01", annual, P),
			edit: func(rs *aid.RuleSet) { rs.Options.ReleasedPartialYear = aid.PartialPaid },
			want: []string{"100000.00 y1"}},
		{name: "A4 years paid to the family are not paid again", rule: "A4; Art. 17(6)",
			give: heldFamily().claim("2023-06-01", annual, "f1").released("2025-04-01").claim("2025-05-01", annual, P),
			want: []string{"100000.00 y1", "100000.00 y2"}},
		{name: "A5 family claim after release", rule: "A5 Art. 7(1), 17(6)",
			give: heldFamily().released("2025-04-01").claim("2025-05-01", annual, "f1"), want: []string{"family_claim_after_release"}},
		{name: "A5 alternative: family may claim the years held", rule: "family_claim_after_release=allowed_for_years_held", option: "family_claim_after_release",
			give: heldFamily().released("2025-04-01").claim("2025-05-01", annual, "f1"),
			edit: func(rs *aid.RuleSet) { rs.Options.FamilyClaimAfterRelease = aid.FamilyForYearsHeld },
			want: []string{"200000.00 y1,2"}},
		{name: "29 February capture, feb28 rule", rule: "LAW.md §7 feb29_rule=feb28",
			give: newCase(prisoner.Military, "2024-02-29").released("2025-02-28").established("2025-03-01", "2025-03-05").claim("2025-03-10", annual, P),
			want: []string{"100000.00 y1"}},
		{name: "29 February capture, mar1 rule", rule: "LAW.md §7 feb29_rule=mar1 (Q13)", option: "feb29_rule",
			give: newCase(prisoner.Military, "2024-02-29").released("2025-02-28").established("2025-03-01", "2025-03-05").claim("2025-03-10", annual, P),
			edit: func(rs *aid.RuleSet) { rs.Feb29 = civil.Mar1 },
			want: []string{"nothing_due"}},

		// A6: the pre-law block.
		{name: "A6 worked example: 6 years and 191 days round to 7", rule: "A6 Art. 17(6); LAW.md §6.1 example",
			give: newCase(prisoner.Political, "2016-05-12").member("f1", prisoner.Parent).established("2022-12-01", "2023-01-10").
				claim("2023-01-20", annual, "f1").claim("2023-05-12", annual, "f1").claim("2023-05-13", annual, "f1"),
			want: []string{"700000.00 y1,2,3,4,5,6,7", "already_paid", "100000.00 y8"}},
		{name: "A6 less than half a year rounds down", rule: "A6 Art. 17(6)",
			give: newCase(prisoner.Civilian, "2022-10-01").member("f1", prisoner.Parent).established("2022-12-01", "2023-01-10").claim("2023-01-20", annual, "f1"),
			want: []string{"100000.00 y1"}},
		{name: "A6 exactly half a year rounds up", rule: "A6 pre_law_rounding=nearest_half_up",
			give: newCase(prisoner.Civilian, "2019-06-01").released("2019-12-01").established("2022-12-01", "2023-01-10").claim("2023-01-20", annual, P),
			want: []string{"100000.00 y1"}},
		{name: "A6 exactly half a year, half-down option", rule: "pre_law_rounding=nearest_half_down", option: "pre_law_rounding",
			give: newCase(prisoner.Civilian, "2019-06-01").released("2019-12-01").established("2022-12-01", "2023-01-10").claim("2023-01-20", annual, P),
			edit: func(rs *aid.RuleSet) { rs.Options.PreLawRounding = aid.HalfDown },
			want: []string{"nothing_due"}},
		{name: "A6 a CMU 328 payment removes a block year", rule: "Art. 17(6) last sentence",
			give: newCase(prisoner.Political, "2016-05-12").member("f1", prisoner.Parent).paid("2019-03-01", prisoner.Reg2018Support, "f1", 2019).
				established("2022-12-01", "2023-01-10").claim("2023-01-20", annual, "f1"),
			want: []string{"600000.00 y2,3,4,5,6,7"}},
		{name: "A6b a CMU 328 payment in 2022 defers the aid to 2023", rule: "Art. 17(5)",
			give: newCase(prisoner.Political, "2016-05-12").member("f1", prisoner.Parent).paid("2022-05-01", prisoner.Reg2018Support, "f1", 2022).
				established("2022-12-01", "2022-12-10").claim("2022-12-31", annual, "f1").claim("2023-01-01", annual, "f1"),
			want: []string{"regime_not_in_force", "600000.00 y2,3,4,5,6,7"}},
		{name: "A6 capture on 20 February 2014 is not 'after'", rule: "Art. 17(6) 'after 20 February 2014'",
			give: newCase(prisoner.Political, "2014-02-20").released("2014-09-01").established("2022-12-01", "2023-01-10").claim("2023-01-20", annual, P),
			want: []string{"nothing_due"}},
		{name: "A6 capture on 21 February 2014 is after", rule: "Art. 17(6) 'after 20 February 2014'",
			give: newCase(prisoner.Political, "2014-02-21").released("2014-09-01").established("2022-12-01", "2023-01-10").claim("2023-01-20", annual, P),
			want: []string{"100000.00 y1"}},
		{name: "A6 capture on 20 February 2014 counts under the option", rule: "earliest_deprivation_date=on_or_after", option: "earliest_deprivation_date",
			give: newCase(prisoner.Political, "2014-02-20").released("2014-09-01").established("2022-12-01", "2023-01-10").claim("2023-01-20", annual, P),
			edit: func(rs *aid.RuleSet) { rs.Options.EarliestDeprivation = aid.OnOrAfterAggressionStart },
			want: []string{"100000.00 y1"}},
		{name: "A6 block claimable only from CMU 1182 under the option", rule: "pre_law_claims_from=cmu1182_effective (Q20)", option: "pre_law_claims_from",
			give: newCase(prisoner.Political, "2016-05-12").member("f1", prisoner.Parent).established("2022-12-01", "2023-01-10").
				claim("2023-01-20", annual, "f1").claim("2023-12-01", annual, "f1"),
			edit: func(rs *aid.RuleSet) { rs.Options.PreLawClaimsFrom = aid.FromCMU1182 },
			want: []string{"100000.00 y7", "700000.00 y1,2,3,4,5,6,8"}},
		{name: "A6 later years run from the anniversaries", rule: "post_law_year_anchor=deprivation_anniversary (Q19)",
			give: newCase(prisoner.Civilian, "2022-10-01").member("f1", prisoner.Parent).established("2022-12-01", "2023-01-05").
				claim("2023-01-10", annual, "f1").claim("2023-10-15", annual, "f1"),
			want: []string{"100000.00 y1", "100000.00 y2"}},
		{name: "A6 later years run from the law's start", rule: "post_law_year_anchor=law_start", option: "post_law_year_anchor",
			give: newCase(prisoner.Civilian, "2022-10-01").member("f1", prisoner.Parent).established("2022-12-01", "2023-01-05").
				claim("2023-01-10", annual, "f1").claim("2023-10-15", annual, "f1"),
			edit: func(rs *aid.RuleSet) { rs.Options.PostLawYearAnchor = aid.AnchorLawStart },
			want: []string{"100000.00 y1", "already_paid"}},

		// A7: death.
		{name: "A7 no annual aid after death", rule: "A7 Art. 7(1); Q6",
			give: heldFamily().died("2025-04-01", false).claim("2025-05-01", annual, "f1"), want: []string{"person_deceased"}},
		{name: "A7 family may claim completed years under the option", rule: "unpaid_years_after_death=family", option: "unpaid_years_after_death",
			give: heldFamily().died("2025-04-01", false).claim("2025-05-01", annual, "f1"),
			edit: func(rs *aid.RuleSet) { rs.Options.UnpaidYearsAfterDeath = aid.AfterDeathFamily },
			want: []string{"200000.00 y1,2"}},

		// Exclusion and invalidation.
		{name: "conviction before invalidation", rule: "Art. 2(4)",
			give: heldFamily().event(prisoner.Event{Date: d("2023-05-15"), Kind: prisoner.Conviction}).claim("2023-06-01", annual, "f1"),
			want: []string{"excluded_conviction"}},
		{name: "claim after invalidation", rule: "Art. 4(8)",
			give: heldFamily().event(prisoner.Event{Date: d("2023-05-15"), Kind: prisoner.Decision, Decision: prisoner.Invalidate, Ground: prisoner.FalseInformation}).
				claim("2023-06-01", annual, "f1"),
			want: []string{"fact_cancelled"}},

		// R1–R3: release aid.
		{name: "R1 release aid once per release", rule: "R1 Art. 7(2)",
			give: newCase(prisoner.Civilian, "2023-03-01").released("2024-01-10").established("2024-01-15", "2024-02-01").
				claim("2024-02-10", release, P).claim("2024-03-10", release, P),
			want: []string{"100000.00", "already_paid"}},
		{name: "R1 family cannot take release aid", rule: "R1 personally",
			give: newCase(prisoner.Civilian, "2023-03-01").released("2024-01-10").member("f1", prisoner.Spouse).established("2024-01-15", "2024-02-01").
				claim("2024-02-10", release, "f1"),
			want: []string{"claimant_not_entitled"}},
		{name: "R1 not released yet", rule: "R1",
			give: heldFamily().claim("2023-06-01", release, Rep), want: []string{"not_released"}},
		{name: "R2 paid under the 2018 programme", rule: "R2 (Q9)",
			give: newCase(prisoner.Political, "2016-03-01").released("2019-09-07").paid("2019-10-01", prisoner.Reg2018Release, P, 0).
				established("2022-12-01", "2023-01-10").claim("2023-01-20", release, P),
			want: []string{"prior_regime_paid"}},
		{name: "R2 alternative: no offset", rule: "offset_prior_regime_release_aid=false", option: "offset_prior_regime_release_aid",
			give: newCase(prisoner.Political, "2016-03-01").released("2019-09-07").paid("2019-10-01", prisoner.Reg2018Release, P, 0).
				established("2022-12-01", "2023-01-10").claim("2023-01-20", release, P),
			edit: func(rs *aid.RuleSet) { rs.Options.OffsetPriorRegimeReleaseAid = aid.NoOffsetPrior },
			want: []string{"100000.00"}},
		{name: "R3 died before claiming", rule: "R3; Q11",
			give: newCase(prisoner.Civilian, "2023-03-01").released("2024-01-10").died("2024-02-05", false).established("2024-01-15", "2024-02-01").
				claim("2024-02-10", release, P),
			want: []string{"person_deceased"}},
		{name: "R1 per episode: a second release pays again", rule: "release_aid_per=episode (Q10)",
			give: newCase(prisoner.Civilian, "2022-12-01").released("2023-02-01").established("2023-02-05", "2023-02-10").claim("2023-02-20", release, P).
				episode("e2", prisoner.Civilian, "2023-06-01").released("2024-01-01").established("2024-01-05", "2024-01-10").claim("2024-01-20", release, P),
			want: []string{"100000.00", "100000.00"}},
		{name: "R1 per person under the option", rule: "release_aid_per=person", option: "release_aid_per",
			give: newCase(prisoner.Civilian, "2022-12-01").released("2023-02-01").established("2023-02-05", "2023-02-10").claim("2023-02-20", release, P).
				episode("e2", prisoner.Civilian, "2023-06-01").released("2024-01-01").established("2024-01-05", "2024-01-10").claim("2024-01-20", release, P),
			edit: func(rs *aid.RuleSet) { rs.Options.ReleaseAidPer = aid.PerPerson },
			want: []string{"100000.00", "already_paid"}},
		{name: "claim deadline option", rule: "claim_deadline (none in the law)", option: "claim_deadline_days",
			give: newCase(prisoner.Civilian, "2023-03-01").released("2024-01-10").established("2024-01-11", "2024-01-20").claim("2024-02-10", release, P),
			edit: func(rs *aid.RuleSet) { rs.ClaimDeadlineDays = 30 },
			want: []string{"deadline_passed"}},

		// D1–D5: death aid.
		{name: "D2 died in captivity", rule: "D2 Art. 7(3)",
			give: heldFamily().died("2024-05-01", false).claim("2024-06-01", death, "f1"), want: []string{"100000.00"}},
		{name: "D2 died on the last day of the year after release", rule: "D2 one year inclusive",
			give: heldFamily().released("2024-05-01").died("2025-05-01", true).claim("2025-06-01", death, "f1"), want: []string{"100000.00"}},
		{name: "D2 died the day after", rule: "D2 one year inclusive",
			give: heldFamily().released("2024-05-01").died("2025-05-02", true).claim("2025-06-01", death, "f1"), want: []string{"death_after_one_year"}},
		{name: "D2 death after release not linked", rule: "D2 MoH certificate",
			give: heldFamily().released("2024-05-01").died("2024-09-01", false).claim("2024-10-01", death, "f1"), want: []string{"death_not_linked"}},
		{name: "D3 equal shares, leftover kopiyka to the earliest", rule: "D3 (Q8)",
			give: heldFamily().member("f3", prisoner.Parent).died("2024-05-01", false).
				claim("2024-06-01", death, "f2").claim("2024-06-02", death, "f1").claim("2024-06-03", death, "f3"),
			want: []string{"33333.34 [f2 33333.34 f1 33333.33 f3 33333.33]", "33333.33 [f2 33333.34 f1 33333.33 f3 33333.33]", "33333.33 [f2 33333.34 f1 33333.33 f3 33333.33]"}},
		{name: "D3 single applicant option", rule: "death_aid_split=single_applicant", option: "death_aid_split",
			give: heldFamily().member("f3", prisoner.Parent).died("2024-05-01", false).
				claim("2024-06-01", death, "f2").claim("2024-06-02", death, "f1").claim("2024-06-03", death, "f3"),
			edit: func(rs *aid.RuleSet) { rs.Options.DeathAidSplit = aid.SplitSingle },
			want: []string{"100000.00", "already_paid", "already_paid"}},
		{name: "D3 half-up split rounding", rule: "split_rounding=half_up", option: "split_rounding",
			give: newCase(prisoner.Civilian, "2023-03-01").member("a", prisoner.Spouse).member("b", prisoner.Child).member("c", prisoner.Child).
				member("e", prisoner.Child).member("f", prisoner.Parent).member("g", prisoner.Parent).established("2023-04-01", "2023-05-01").died("2024-05-01", false).
				claim("2024-06-01", death, "a").claim("2024-06-01", death, "b").claim("2024-06-01", death, "c").
				claim("2024-06-01", death, "e").claim("2024-06-01", death, "f").claim("2024-06-01", death, "g"),
			edit: func(rs *aid.RuleSet) { rs.SplitRounding = aid.HalfUpAdjustFirst },
			want: []string{
				"16666.65 [a 16666.65 b 16666.67 c 16666.67 e 16666.67 f 16666.67 g 16666.67]",
				"16666.67 [a 16666.65 b 16666.67 c 16666.67 e 16666.67 f 16666.67 g 16666.67]",
				"16666.67 [a 16666.65 b 16666.67 c 16666.67 e 16666.67 f 16666.67 g 16666.67]",
				"16666.67 [a 16666.65 b 16666.67 c 16666.67 e 16666.67 f 16666.67 g 16666.67]",
				"16666.67 [a 16666.65 b 16666.67 c 16666.67 e 16666.67 f 16666.67 g 16666.67]",
				"16666.67 [a 16666.65 b 16666.67 c 16666.67 e 16666.67 f 16666.67 g 16666.67]"}},
		{name: "D3 a claim after the death aid was paid", rule: "D3 applicants before payment",
			give: heldFamily().died("2024-05-01", false).claim("2024-06-01", death, "f1").paid("2024-06-20", death, "f1", 0).claim("2024-07-01", death, "f2"),
			want: []string{"100000.00", "already_paid"}},
		{name: "D4 a sibling under the working list", rule: "D4 family_list_plus_dependants",
			give: heldFamily().member("s", prisoner.Sibling).died("2024-05-01", false).claim("2024-06-01", death, "s"), want: []string{"100000.00"}},
		{name: "D4 a sibling under the strict reading", rule: "death_aid_recipients=family_code_strict (Q23)", option: "death_aid_recipients",
			give: heldFamily().member("s", prisoner.Sibling).died("2024-05-01", false).claim("2024-06-01", death, "s"),
			edit: func(rs *aid.RuleSet) { rs.Options.DeathAidRecipients = aid.FamilyCodeStrict },
			want: []string{"not_family_member"}},
		{name: "D5 another law's payment chosen", rule: "D5 Art. 7(3) third paragraph",
			give: heldFamily().died("2024-05-01", false).claim("2024-06-01", death, "f1", otherLaw).claim("2024-06-02", death, "f2"),
			want: []string{"other_ground_elected", "100000.00"}},
		{name: "D the person cannot claim death aid", rule: "Art. 7(3) recipients",
			give: heldFamily().died("2024-05-01", false).claim("2024-06-01", death, Rep), want: []string{"claimant_not_entitled"}},

		// C1–C3: the 2026 civilian aid.
		{name: "C3 a day before the aid exists", rule: "C3",
			give: newCase(prisoner.Civilian, "2023-03-01").released("2025-10-01").claim("2025-12-31", civilian, P), want: []string{"regime_not_in_force"}},
		{name: "C1 on the first day", rule: "C1, C3",
			give: newCase(prisoner.Civilian, "2023-03-01").released("2025-10-01").claim("2026-01-01", civilian, P).claim("2026-01-02", civilian, P),
			want: []string{"50000.00", "already_paid"}},
		{name: "C1 not for servicemen", rule: "C1",
			give: newCase(prisoner.Military, "2023-03-01").released("2025-10-01").claim("2026-01-10", civilian, P), want: []string{"not_civilian"}},
		{name: "C1 not for a foreign civilian", rule: "C1 citizens",
			give: newCase(prisoner.Civilian, "2023-03-01").citizen("PL").released("2025-10-01").claim("2026-01-10", civilian, P), want: []string{"not_civilian"}},
		{name: "C2 the fact is established", rule: "C2 (Q12)",
			give: newCase(prisoner.Civilian, "2023-03-01").released("2025-10-01").established("2025-10-05", "2025-11-01").claim("2026-01-10", civilian, P),
			want: []string{"fact_established"}},
		{name: "C2 alternative: allowed anyway", rule: "civilian_50k_if_fact_established=true", option: "civilian_50k_if_fact_established",
			give: newCase(prisoner.Civilian, "2023-03-01").released("2025-10-01").established("2025-10-05", "2025-11-01").claim("2026-01-10", civilian, P),
			edit: func(rs *aid.RuleSet) { rs.Options.Civilian50kIfFactEstablished = aid.Civilian50kAllowed },
			want: []string{"50000.00"}},
		{name: "C1 not after a conviction", rule: "Art. 2(4) by analogy (U)",
			give: newCase(prisoner.Civilian, "2023-03-01").released("2025-10-01").event(prisoner.Event{Date: d("2025-11-01"), Kind: prisoner.Conviction}).
				claim("2026-01-10", civilian, P),
			want: []string{"excluded_conviction"}},
		{name: "C1 not yet released", rule: "C1 released",
			give: newCase(prisoner.Civilian, "2023-03-01").claim("2026-01-10", civilian, Rep), want: []string{"not_released"}},

		// The 2018–2022 programme.
		{name: "CMU 38 on the last day of six months", rule: "CMU 38: within six months",
			give: newCase(prisoner.Political, "2015-01-10").released("2017-12-27").claim("2018-06-27", prisoner.Reg2018Release, P), want: []string{"100000.00"}},
		{name: "CMU 38 a day late", rule: "CMU 38: within six months",
			give: newCase(prisoner.Political, "2015-01-10").released("2017-12-27").claim("2018-06-28", prisoner.Reg2018Release, P), want: []string{"deadline_passed"}},
		{name: "CMU 38 term from the resolution", rule: "reg2018_cmu38_deadline_from=resolution_effective_date", option: "reg2018_cmu38_deadline_from",
			give: newCase(prisoner.Political, "2015-01-10").released("2017-12-27").claim("2018-06-28", prisoner.Reg2018Release, P),
			edit: func(rs *aid.RuleSet) { rs.Options.Reg2018CMU38DeadlineFrom = aid.FromResolution },
			want: []string{"100000.00"}},
		{name: "2018 programme ended with the law", rule: "Art. 17(3); LAW.md §11",
			give: newCase(prisoner.Political, "2015-01-10").released("2022-10-01").claim("2022-11-19", prisoner.Reg2018Release, P), want: []string{"regime_not_in_force"}},
		{name: "CMU 328 one-time, then yearly", rule: "CMU 328 and its 2019 amendment",
			give: newCase(prisoner.Political, "2015-01-10").member("f1", prisoner.Spouse).
				claim("2018-06-01", prisoner.Reg2018Support, "f1").claim("2019-06-01", prisoner.Reg2018Support, "f1").
				claim("2020-02-01", prisoner.Reg2018Support, "f1").claim("2020-06-01", prisoner.Reg2018Support, "f1").claim("2021-02-01", prisoner.Reg2018Support, "f1"),
			want: []string{"100000.00", "already_paid", "100000.00", "already_paid", "100000.00"}},

		// Family-level options.
		{name: "family of a foreign serviceman", rule: "Art. 2(3)",
			give: newCase(prisoner.ForeignMilitary, "2023-03-01").citizen("GB").member("f1", prisoner.Spouse).established("2023-04-01", "2023-05-01").claim("2023-06-01", annual, "f1"),
			want: []string{"family_not_covered"}},
		{name: "family of a foreign serviceman covered", rule: "family_of_foreign_serviceman_covered=true", option: "family_of_foreign_serviceman_covered",
			give: newCase(prisoner.ForeignMilitary, "2023-03-01").citizen("GB").member("f1", prisoner.Spouse).established("2023-04-01", "2023-05-01").claim("2023-06-01", annual, "f1"),
			edit: func(rs *aid.RuleSet) { rs.Options.FamilyOfForeignServicemanCovered = aid.ForeignFamilyCovered },
			want: []string{"100000.00 y1"}},
		{name: "family member's citizenship required", rule: "family_member_citizenship_required=true", option: "family_member_citizenship_required",
			give: newCase(prisoner.Civilian, "2023-03-01").member("f1", prisoner.Spouse, pl).established("2023-04-01", "2023-05-01").claim("2023-06-01", annual, "f1"),
			edit: func(rs *aid.RuleSet) { rs.Options.FamilyMemberCitizenshipRequired = aid.CitizenshipRequired },
			want: []string{"not_citizen"}},
	}
}

func TestRules(t *testing.T) {
	for _, tt := range ruleCases() {
		t.Run(tt.name, func(t *testing.T) {
			res, err := aid.Evaluate(tt.give.build(), with(tt.edit))
			require.NoError(t, err, tt.rule)
			assert.Equal(t, tt.want, summaries(res), tt.rule)
			for _, dc := range res.Decisions {
				assert.NotEmpty(t, dc.Trace, tt.rule)
				if !dc.Granted {
					require.NotEmpty(t, dc.Reasons, tt.rule)
					assert.False(t, dc.Reasons[0].Citation.IsZero(), tt.rule)
				}
				var sum aid.Money
				for _, s := range dc.Shares {
					sum = sum.Add(s.Amount)
				}
				if dc.Granted && dc.Aid != prisoner.DeathAid {
					assert.True(t, sum.Equal(dc.Amount), "shares add up: %s", tt.rule)
				}
			}
		})
	}
}

// Every option of LAW.md §8 has a case whose outcome changes with it.
func TestEveryOptionMatters(t *testing.T) {
	byOption := map[string]ruleCase{}
	for _, tt := range ruleCases() {
		if tt.option != "" {
			byOption[tt.option] = tt
		}
	}
	for _, s := range aid.Settings() {
		name := s.Name
		t.Run(name, func(t *testing.T) {
			switch name {
			case "invalidation_recovery":
				return // changes recoveries, not decisions: TestRecoveries
			case "granted_unpaid_after_death":
				return // changes entitlements, not decisions: TestGrantedUnpaidAtDeath
			case "implied_application":
				return // accepts or refuses a history: TestEvaluateErrors, status.TestImpliedApplication
			case "commission_term_days":
				return // dates a projection only: TestProjectCommissionTerm
			}
			tt, ok := byOption[name]
			require.True(t, ok, "no case exercises option %s", name)
			def, err := aid.Evaluate(tt.give.build(), aid.Default())
			require.NoError(t, err)
			alt, err := aid.Evaluate(tt.give.build(), with(tt.edit))
			require.NoError(t, err)
			assert.NotEqual(t, summaries(def), summaries(alt), "option %s changes nothing", name)
			assert.NotEqual(t, def.Stamp.ParamsHash, alt.Stamp.ParamsHash, "the stamp shows the changed option")
		})
	}
}

func TestRecoveries(t *testing.T) {
	give := newCase(prisoner.Civilian, "2022-06-01").member("f1", prisoner.Spouse).established("2022-12-01", "2022-12-10").
		claim("2023-01-10", annual, "f1").released("2023-04-20").claim("2023-07-15", release, P).
		event(prisoner.Event{Date: d("2024-05-10"), Kind: prisoner.Conviction}).
		event(prisoner.Event{Date: d("2024-06-01"), Kind: prisoner.Decision, Decision: prisoner.Invalidate, Ground: prisoner.ConvictionGround})
	tests := []struct {
		scope aid.RecoveryScope
		want  []string
	}{
		{aid.RecoverAll, []string{"f1 100000.00", "person 100000.00"}},
		{aid.RecoverPersonOnly, []string{"person 100000.00"}},
		{aid.RecoverNone, nil},
	}
	for _, tt := range tests {
		t.Run(tt.scope.String(), func(t *testing.T) {
			res, err := aid.Evaluate(give.build(), with(func(rs *aid.RuleSet) { rs.Options.InvalidationRecovery = tt.scope }))
			require.NoError(t, err)
			var got []string
			for _, r := range res.Recoveries {
				got = append(got, r.Payee+" "+r.Amount.String())
				assert.Equal(t, "2010-IX:4(9)", r.Citation.Code(), "Art. 4(9)")
			}
			assert.Equal(t, tt.want, got, "Art. 4(9); Q22")
		})
	}
}

// A claim on the capture day itself is for the first year (LAW.md §7).
func TestClaimOnTheCaptureDay(t *testing.T) {
	c := newCase(prisoner.Civilian, "2023-03-01").member("f1", prisoner.Spouse).
		event(prisoner.Event{Date: d("2023-03-01"), Kind: prisoner.Application, Party: P}).
		event(prisoner.Event{Date: d("2023-03-01"), Kind: prisoner.Decision, Decision: prisoner.Establish}).
		claim("2023-03-01", annual, "f1").build()
	r, err := aid.Evaluate(c, aid.Default())
	require.NoError(t, err)
	assert.Equal(t, []string{"100000.00 y1"}, summaries(r))
}
