// Package civil holds legal (civil) dates: a calendar day with no time of
// day and no time zone, as Ukrainian law uses them for captivity, release,
// death, applications and decisions.
//
// # Dates
//
// A [Date] is a small comparable value. The zero Date means "unset"
// (see [Date.IsZero]); every other Date is a real day between 0001-01-01
// and 9999-12-31 in the proleptic Gregorian calendar. Dates compare with
// ==, [Date.Before], [Date.After] and [Date.Compare].
//
// [Parse] accepts exactly YYYY-MM-DD and rejects days that do not exist:
// 2023-02-30 is an error, never 2023-03-02. Legal input is never
// normalised. [New] applies the same checks to numbers.
//
// # Conventions
//
// The arithmetic follows the Civil Code of Ukraine, arts. 253–254, as
// LAW.md §7 restates them:
//
//   - [Date.AddYears] keeps month and day (art. 254(1)). For 29 February in
//     a target year that is not a leap year the caller chooses the rule:
//     [Feb28] (the default, by analogy with the month-end rule of
//     art. 254(3)) or [Mar1]. The analogy is our assumption, not law.
//   - [Date.AddMonths] clamps to the last day of a shorter month
//     (art. 254(3)): 2024-01-31 plus one month is 2024-02-29.
//   - [Date.DaysUntil] counts days with the start excluded and the end
//     included, which is the difference of the two calendar dates
//     (a term starts on the day after the event, art. 253).
//   - A [Period] is inclusive at both ends.
//
// The non-working-day rule of art. 254(5) concerns deadlines for acts and
// is not applied here; a caller that needs it applies it on top.
//
// # Time
//
// Nothing in this package reads the clock. [DateOf] turns an instant into
// a Date only with an explicit location.
package civil
