package civil

import (
	"errors"
	"fmt"
	"time"
)

// ErrInvalidDate is wrapped by every error that reports a malformed or
// non-existent date.
var ErrInvalidDate = errors.New("invalid date")

// A Date is a day of the proleptic Gregorian calendar with no time and no
// zone. It is immutable and comparable with ==. The zero Date is "unset":
// it is not a valid day, its String is "", and it sorts before every set
// Date.
//
// Internally a Date holds its day as the number YYYYMMDD (n = 0 is
// unset): dates compare as numbers and give their year, month and day
// without a calendar computation, which the rules need far more often
// than they count days; counting days converts (see [Date.DaysUntil]).
type Date struct {
	n int32
}

// pack makes the Date of a valid y-m-d.
func pack(y, m, d int) Date { return Date{n: int32(y*10000 + m*100 + d)} }

// days returns the day number of a set Date: 1 is 0001-01-01.
func (d Date) days() int {
	y, m, day := d.YMD()
	return daysFromCivil(y, m, day) - epochOffset
}

// fromDays is the Date of day number v (1 is 0001-01-01), which must be
// in range.
func fromDays(v int) Date { return pack(civilFromDays(v + epochOffset)) }

// Bounds of the representable years.
const (
	MinYear = 1
	MaxYear = 9999
)

// Month lengths of a common year.
var monthDays = [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// IsLeap reports whether y is a leap year of the Gregorian calendar.
func IsLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// DaysIn returns the number of days in month m of year y, or 0 when m is
// not 1–12.
func DaysIn(y, m int) int {
	if m < 1 || m > 12 {
		return 0
	}
	if m == 2 && IsLeap(y) {
		return 29
	}
	return monthDays[m]
}

// New returns the Date for year y, month m and day d. It returns an error
// wrapping [ErrInvalidDate] when the day does not exist or the year is
// outside [MinYear]..[MaxYear]; it never normalises.
func New(y, m, d int) (Date, error) {
	if y < MinYear || y > MaxYear {
		return Date{}, fmt.Errorf("year %d out of range %d..%d: %w", y, MinYear, MaxYear, ErrInvalidDate)
	}
	if m < 1 || m > 12 {
		return Date{}, fmt.Errorf("month %d out of range 1..12: %w", m, ErrInvalidDate)
	}
	if d < 1 || d > DaysIn(y, m) {
		return Date{}, fmt.Errorf("day %d does not exist in %04d-%02d: %w", d, y, m, ErrInvalidDate)
	}
	return pack(y, m, d), nil
}

// MustNew is like [New] but panics on an invalid date. It exists for tests
// and literal tables only; library code never calls it on input.
func MustNew(y, m, d int) Date {
	t, err := New(y, m, d)
	if err != nil {
		panic(err)
	}
	return t
}

// MustParse is like [Parse] but panics on error. For tests and literal
// tables only.
func MustParse(s string) Date {
	t, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return t
}

// Parse reads a date written exactly as YYYY-MM-DD (ISO 8601 calendar date,
// four-digit year). Anything else (other separators, missing zeros,
// surrounding spaces, a time part, a day the month lacks) is an error
// wrapping [ErrInvalidDate]. The empty string is an error too; callers that
// allow an unset date check for "" first.
func Parse(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, fmt.Errorf("%q is not in the form YYYY-MM-DD: %w", truncate(s), ErrInvalidDate)
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, fmt.Errorf("%q is not in the form YYYY-MM-DD: %w", truncate(s), ErrInvalidDate)
	}
	return New(y, m, d)
}

func truncate(s string) string {
	if len(s) > 32 {
		return s[:32] + "…"
	}
	return s
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// DateOf returns the civil date of instant t in location loc. A nil loc is
// UTC. It is the only way a time.Time enters this package.
func DateOf(t time.Time, loc *time.Location) Date {
	if loc == nil {
		loc = time.UTC
	}
	y, m, d := t.In(loc).Date()
	if y < MinYear || y > MaxYear {
		return Date{}
	}
	return MustNew(y, int(m), d)
}

// IsZero reports whether d is the unset zero Date.
func (d Date) IsZero() bool { return d.n == 0 }

// YMD returns the year, month and day of d; all zero for the zero Date.
func (d Date) YMD() (y, m, day int) {
	if d.n == 0 {
		return 0, 0, 0
	}
	n := int(d.n)
	return n / 10000, n / 100 % 100, n % 100
}

// Year returns the year of d (0 for the zero Date).
func (d Date) Year() int { y, _, _ := d.YMD(); return y }

// Month returns the month of d, 1–12 (0 for the zero Date).
func (d Date) Month() int { _, m, _ := d.YMD(); return m }

// Day returns the day of the month of d (0 for the zero Date).
func (d Date) Day() int { _, _, day := d.YMD(); return day }

// Weekday returns the day of the week of d. The zero Date has no weekday;
// the result for it is meaningless.
func (d Date) Weekday() time.Weekday {
	// 0001-01-01 (day 1) was a Monday.
	return time.Weekday(d.days() % 7)
}

// String returns d as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.n == 0 {
		return ""
	}
	var buf [10]byte
	return string(d.AppendFormat(buf[:0]))
}

// AppendFormat appends d as YYYY-MM-DD to b (nothing for the zero Date)
// and returns the extended slice.
func (d Date) AppendFormat(b []byte) []byte {
	if d.n == 0 {
		return b
	}
	y, m, day := d.YMD()
	b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+day/10), byte('0'+day%10))
	return b
}

// MarshalText writes d as YYYY-MM-DD; the zero Date writes as empty text.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads YYYY-MM-DD as [Parse] does. Empty text gives the
// zero Date, so an omitted or empty JSON string means "unset".
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	t, err := Parse(string(b))
	if err != nil {
		return err
	}
	*d = t
	return nil
}

// Compare returns -1 if d is before e, 0 if they are the same day and +1 if
// d is after e. The zero Date is before every set Date.
func (d Date) Compare(e Date) int {
	switch {
	case d.n < e.n:
		return -1
	case d.n > e.n:
		return 1
	}
	return 0
}

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.n < e.n }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.n > e.n }

// Min returns the earlier of d and e, ignoring an unset one; the zero Date
// only when both are unset.
func Min(d, e Date) Date {
	switch {
	case d.IsZero():
		return e
	case e.IsZero():
		return d
	case e.Before(d):
		return e
	}
	return d
}

// AddDays returns d moved by n days (n may be negative). Adding to the zero
// Date, or leaving the representable range, gives the zero Date.
func (d Date) AddDays(n int) Date {
	if d.n == 0 {
		return Date{}
	}
	v := int64(d.days()) + int64(n)
	if v < 1 || v > int64(maxDays) {
		return Date{}
	}
	return fromDays(int(v))
}

// DaysUntil returns the number of days from d to e: e minus d as calendar
// dates, so the start day is excluded and the end day included
// (Civil Code art. 253: a term runs from the day after the event). It is
// negative when e is before d. Both dates must be set; with an unset one
// the result is 0.
func (d Date) DaysUntil(e Date) int {
	if d.n == 0 || e.n == 0 {
		return 0
	}
	return e.days() - d.days()
}

// A Feb29Rule says where 29 February lands in a year that has no such day.
// The zero value means [Feb28], the default of LAW.md §8 (`feb29_rule`).
type Feb29Rule uint8

const (
	// Feb28 moves 29 February to 28 February: the last day of the month,
	// by analogy with Civil Code art. 254(3) (our assumption).
	Feb28 Feb29Rule = iota + 1
	// Mar1 moves 29 February to 1 March.
	Mar1
)

var feb29Codes = [...]string{Feb28: "feb28", Mar1: "mar1"}

// String returns the stable code of r ("feb28", "mar1"); the zero value
// prints as its default "feb28".
func (r Feb29Rule) String() string {
	if r == 0 {
		return feb29Codes[Feb28]
	}
	if int(r) < len(feb29Codes) {
		return feb29Codes[r]
	}
	return fmt.Sprintf("Feb29Rule(%d)", uint8(r))
}

// MarshalText writes the stable code of r.
func (r Feb29Rule) MarshalText() ([]byte, error) {
	if r > Mar1 {
		return nil, fmt.Errorf("civil: unknown Feb29Rule %d", uint8(r))
	}
	return []byte(r.String()), nil
}

// UnmarshalText reads "feb28" or "mar1"; empty text is the default.
func (r *Feb29Rule) UnmarshalText(b []byte) error {
	switch string(b) {
	case "":
		*r = 0
	case "feb28":
		*r = Feb28
	case "mar1":
		*r = Mar1
	default:
		return fmt.Errorf("civil: unknown 29 February rule %q (want feb28 or mar1)", truncate(string(b)))
	}
	return nil
}

// AddYears returns the same month and day n years later (or earlier for a
// negative n), as Civil Code art. 254(1) counts a term in years. When d is
// 29 February and the target year is not a leap year, rule decides
// ([Feb28] by default). The zero Date, or a result outside the
// representable years, gives the zero Date.
func (d Date) AddYears(n int, rule Feb29Rule) Date {
	if d.n == 0 {
		return Date{}
	}
	y, m, day := d.YMD()
	return anniversary(y, m, day, y+n, rule)
}

// anniversary returns the day m-day of year ty, the month and day being
// those of a valid date; 29 February in a common year is moved by rule.
func anniversary(y, m, day, ty int, rule Feb29Rule) Date {
	if ty < MinYear || ty > MaxYear {
		return Date{}
	}
	if m == 2 && day == 29 && !IsLeap(ty) {
		if rule == Mar1 {
			m, day = 3, 1
		} else {
			day = 28
		}
	}
	return pack(ty, m, day)
}

// Anniversary returns the k-th anniversary of d: d.AddYears(k, rule).
// Anniversary(0) is d itself. LAW.md §7 counts captivity years with it.
func (d Date) Anniversary(k int, rule Feb29Rule) Date { return d.AddYears(k, rule) }

// AddMonths returns the same day n months later (or earlier). When the
// target month is shorter the result is its last day (Civil Code
// art. 254(3)): 2024-01-31 plus one month is 2024-02-29. The zero Date, or
// a result outside the representable years, gives the zero Date.
func (d Date) AddMonths(n int) Date {
	if d.n == 0 {
		return Date{}
	}
	y, m, day := d.YMD()
	total := y*12 + (m - 1) + n
	ty, tm := total/12, total%12+1
	if total < 0 || ty < MinYear || ty > MaxYear {
		return Date{}
	}
	if dim := DaysIn(ty, tm); day > dim {
		day = dim
	}
	return MustNew(ty, tm, day)
}

// YearsSince returns the number of whole years from d to t: the largest k
// with d.AddYears(k, rule) on or before t (0 when t is before d's first
// anniversary, negative never). It is the number of completed years of a
// term that started on d, and, with d a birth date, the age on t. With an
// unset date it returns 0.
func (d Date) YearsSince(t Date, rule Feb29Rule) int {
	if d.n == 0 || t.n == 0 || t.Before(d) {
		return 0
	}
	y, m, day := d.YMD()
	k := t.Year() - y
	for k > 0 && anniversary(y, m, day, y+k, rule).After(t) {
		k--
	}
	return k
}

// AgeOn returns the age in completed years on t of a person born on d. A
// person born on 29 February turns a year older on the day rule gives in
// a common year (28 February by default). See [Date.YearsSince].
func (d Date) AgeOn(t Date, rule Feb29Rule) int { return d.YearsSince(t, rule) }

// epochOffset converts between day numbers (1 = 0001-01-01) and the days
// since 1970-01-01 that daysFromCivil counts.
var epochOffset = daysFromCivil(1, 1, 1) - 1

var maxDays = daysFromCivil(MaxYear, 12, 31) - epochOffset

// daysFromCivil returns the days since 1970-01-01 of y-m-d, by Neri and
// Schneider's algorithm ("Euclidean affine functions and their application
// to calendar algorithms", 2022): in a calendar whose years begin on
// 1 March, a year's and a month's first days are affine functions of their
// numbers. Years are 1–9999, so the arithmetic is unsigned and 32-bit.
func daysFromCivil(y, m, d int) int {
	uy, um := uint32(y), uint32(m)
	if um <= 2 { // January and February end the year before
		uy--
		um += 12
	}
	c := uy / 100
	days := 1461*uy/4 - c + c/4 + (979*um-2919)/32 + uint32(d) - 1 // since 0000-03-01
	return int(days) - 719468
}

// civilFromDays is the inverse of daysFromCivil (same paper): centuries,
// then years, then months and days by multiplications and shifts. For the
// years 1–9999, z + 719468 (the days since 0000-03-01) is positive.
func civilFromDays(z int) (int, int, int) {
	n := uint32(z + 719468)
	n1 := 4*n + 3
	c := n1 / 146097
	nc := n1 % 146097 / 4 // day of the century
	p2 := uint64(2939745) * uint64(4*nc+3)
	yc := uint32(p2 >> 32)                    // year of the century
	ny := uint32(p2&0xFFFFFFFF) / 2939745 / 4 // day of the year, from 1 March
	y := 100*c + yc
	n3 := 2141*ny + 197913
	m, d := n3>>16, n3&0xFFFF/2141+1
	if ny >= 306 { // January or February: the next calendar year
		y++
		m -= 12
	}
	return int(y), int(m), int(d)
}
