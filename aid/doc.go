// Package aid decides the state aid of Law 2010-IX and the related
// regimes, claim by claim, to the kopiyka, with the reason for every
// figure.
//
// # Money
//
// [Money] is an immutable UAH amount with two decimals over
// shopspring/decimal. It is built from strings or whole kopiykas, never
// from floats; no package-level decimal setting is touched and nothing is
// divided except through [Allocate], which splits on whole kopiykas and
// hands the leftover to the first share by a declared [Rounding], so shares
// always add up to the total.
//
// # Parameters
//
// Every amount, term and switch is a dated [Version] in a [Schedule] with
// its citation and confidence; [Schedule.At] finds the version in force on
// a day by binary search. [DefaultParameters] holds LAW.md §6.5: UAH
// 100,000 per creditable year, per release and per death from 2022-11-19;
// UAH 50,000 to released civilians from 2026-01-01; the 2018–2022
// programme's UAH 100,000 payments (CMU 38 with its six-month term, 845,
// 1122; CMU 328 once, then yearly from the 2019 amendment) until the law
// replaced them.
//
// # Rule sets
//
// A [RuleSet] is a name, the [Options] (one typed field per row of LAW.md
// §8; the zero value of each is the reference set RPS-1), the status
// options, the 29 February rule, the split rounding and the parameters.
// [Default] is RPS-1; [LoadRuleSet] reads another from JSON, where every
// setting is named at the top level, by the names of [Settings]:
//
//	{"name": "strict register", "implied_application": "refuse",
//	 "held_claim_scope": "current_and_unpaid_started_years", "feb29_rule": "mar1"}
//
// [Settings] lists each setting with its values (the default first) and
// its scope: the aid, or the part of the rules, it changes and nothing
// else (claim_deadline_days, for one, reaches the release and death aid
// only).
//
// # Decisions
//
// [Evaluate] (or a [Calculator] for many cases) decides a case's claims in
// registration order. Each [Decision] is granted (amount, the captivity
// years covered, the payees' [Share]s) or refused with a stable [Code] and
// the unmet conditions ([Reason]), and carries its trace: every [Step] with
// the rule of LAW.md it applies (A1–A8, R1–R3, D1–D5, C1–C3), the
// parameter version used, the citation, and its confidence; a step that
// rests on our assumption rather than verified law has confidence U, and
// [Decision.Explain] marks it "[U]". A granted claim counts as paid for
// every later claim; payments recorded in the case count from their date.
//
// The refusal codes are: regime_not_in_force, fact_not_established,
// fact_cancelled, excluded_conviction, documents_incomplete,
// not_family_member, family_not_covered, not_citizen,
// claimant_not_entitled, family_claim_after_release, person_deceased,
// already_paid, nothing_due, not_released, death_not_covered (no death Art. 7(3) covers),
// death_after_one_year, death_not_linked (before v0.2.0 both were death_not_covered),
// other_ground_elected, prior_regime_paid, fact_established, not_civilian,
// deadline_passed, not_held. [Codes] gives their meanings in Ukrainian and
// English.
//
// # Annual aid
//
// Years are counted from the capture date's anniversaries (LAW.md §7).
// While the person is held, a family member's claim pays the current year
// and any unpaid year of the pre-law block; after release, the person is
// paid every completed unpaid year and the block. The pre-law block (Art.
// 17(6)) is the time held up to 2022-11-19 (or the earlier release)
// rounded to the nearest whole year, less one year per CMU 328 payment;
// a CMU 328 payment in 2022 defers the aid to 2023-01-01 (Art. 17(5)).
//
// # Comparisons
//
// [Compare] evaluates a case under two rule sets and reports, claim by
// claim and per aid kind and payee, what changed and by how much, naming
// for each change the setting that causes it on its own ([Differences]
// lists the settings in which two rule sets differ). [Draft6700] is the
// 2017 draft, never enacted: two minimum wages a month to a political
// prisoner or the family, with the minimum wage of each year's State
// Budget law; its results are always labelled [NeverEnacted].
//
// # Results
//
// A [Result] holds the status timeline, the decisions, the recoveries due
// after an invalidation (Art. 4(9)), and a [Stamp]: the module version,
// the rule set's name, a hash of its content and a hash of the case, so a
// decision can be reproduced and a change of parameters is visible.
// [Result.Entitlements] tells what was granted, paid, and is still open on
// a day.
//
// # Before the Commission decides
//
// Most cases an NGO opens have no decision yet. [Calculator.Screen]
// advises, per episode without an establishing decision, whether the law
// likely covers the person (citizenship or service at capture, Art. 2(1)
// and 2(2); a deprivation after 20 February 2014; no excluding
// conviction, Art. 2(4)), which facts are missing, as fields of the case
// file, and which documents of Art. 4(1)–(4) the application needs; it
// never changes a status. [Calculator.Project] evaluates the case as if
// the Commission had established the fact (by default on the application
// day plus the rule set's commission_term_days, 30 days under the Law on
// Administrative Procedure art. 34(2)) and lists per party what could be
// claimed, from and until when ([Claimable]); every line of it is marked
// projected, and recording the assumed decision gives the same amounts.
// [Result.Calendar] lists the days on which something becomes claimable
// or lapses.
package aid

//go:generate go run ../internal/enumgen
