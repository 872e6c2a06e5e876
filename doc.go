// Package captivity encodes Ukraine's Law No. 2010-IX "On social and legal
// protection of persons in respect of whom the fact of deprivation of
// personal liberty as a result of armed aggression against Ukraine has been
// established, and members of their families": who has the legal status and
// when, which state aid each claim earns, how much to the kopiyka, and why,
// article by article.
//
// This root package holds no code; it is the map.
//
// # Packages
//
// Imports run one way: export → aid → status → prisoner → law, civil
// (lawcase sits beside export, over aid).
//
//   - [github.com/uacaptivity/captivity/civil]: legal dates (no time, no
//     zone), strict parsing, anniversaries with an explicit 29 February
//     rule, inclusive periods.
//   - [github.com/uacaptivity/captivity/law]: the acts (Law 2010-IX, the
//     laws that amended it, the Cabinet resolutions, the 2018 programme,
//     the never-enacted 2017 draft), bilingual citations, and the
//     confidence of every rule (verified, secondary, assumption).
//   - [github.com/uacaptivity/captivity/prisoner]: the facts of a case
//     (person, episodes, family, dated events), the JSON case file and its
//     schema, validation that lists every problem with its path.
//   - [github.com/uacaptivity/captivity/status]: the legal life cycle of
//     each episode on any date, and each family member's status, with the
//     event and legal ground behind every change.
//   - [github.com/uacaptivity/captivity/aid]: exact money, dated
//     parameters, the rule-set options of the open questions, claim
//     decisions with a trace, entitlements on a date, reproducibility
//     stamps; screening and projection of a case the Commission has not
//     decided, and the calendar of what becomes claimable or lapses.
//   - [github.com/uacaptivity/captivity/export]: case tables in CSV and
//     workbooks both ways, CSV, workbook and JSON Lines reports, their
//     schemas; the calendar as iCalendar, CSV or a workbook;
//     spreadsheet-safe.
//   - [github.com/uacaptivity/captivity/lawcase]: legal test cases as data.
//   - examples/aidcalc (the main program), examples/ngo (an NGO's
//     entitlements report), examples/ministry (an HTTP service),
//     examples/caseworker (a web page for caseworkers),
//     examples/lawcheck (legal test cases).
//
// # From a case file to a decision
//
// A case file is JSON (see prisoner's documentation for the format and
// prisoner/case.schema.json for its schema). Decode it, evaluate each case
// under a rule set, and read the decisions:
//
//	cases, err := prisoner.Decode(file, prisoner.DecodeOptions{}) // validated; *prisoner.FileError lists every problem
//	res, err := aid.Evaluate(cases[0], aid.Default())             // RPS-1, the reference readings of the law
//	for _, d := range res.Decisions {
//		fmt.Println(d.Seq, d.Aid, d.Granted, d.Amount, d.Refusal)
//		fmt.Print(d.Explain("uk"))                            // every step, its article, [U] on assumptions
//	}
//	snap := res.Timeline.At("e1", civil.MustParse("2026-11-28"))  // the legal status on a day
//	owed := res.Entitlements(civil.MustParse("2026-11-28"))       // granted, paid, still open
//
// For many cases, make one [github.com/uacaptivity/captivity/aid.Calculator]
// and use its Batch; write the results with export's writers.
//
// # Legal sources
//
// The rules follow the project's domain brief (LAW.md), which restates the
// official consolidated text of Law 2010-IX (version of February 2026) and
// secondary sources on CMU Resolution 1281, whose text was not seen. Every
// decision step cites its act and article and says whether it rests on
// verified law or on an assumption of ours; every assumption that changes
// an outcome is an option of [github.com/uacaptivity/captivity/aid.Options]
// whose default is the reference set RPS-1.
//
// # Conventions
//
// No floats touch money or dates. Library code never reads the clock, the
// environment or the network, keeps no mutable global state, never panics
// on input and never logs. Ineligibility is a result, not an error.
//
// # Stability
//
// The module is at v0: the API may still change, and every change that
// alters a result is announced in CHANGELOG.md. Codes (refusal codes,
// states, JSON field names, validation paths) are API and are not renamed.
package captivity
