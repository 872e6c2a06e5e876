package civil

import "testing"

// Hinnant's algorithms in their signed form, as first written: the
// reference the day arithmetic (now Neri and Schneider's) must match on
// every representable day.
func refDaysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func refCivilFromDays(z int) (int, int, int) {
	z += 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

func TestDayArithmeticMatchesReferenceOnEveryDay(t *testing.T) {
	first, last := refDaysFromCivil(MinYear, 1, 1), refDaysFromCivil(MaxYear, 12, 31)
	for z := first; z <= last; z++ {
		y, m, d := civilFromDays(z)
		ry, rm, rd := refCivilFromDays(z)
		if y != ry || m != rm || d != rd {
			t.Fatalf("civilFromDays(%d) = %d-%d-%d, want %d-%d-%d", z, y, m, d, ry, rm, rd)
		}
		if got := daysFromCivil(y, m, d); got != z {
			t.Fatalf("daysFromCivil(%d-%d-%d) = %d, want %d", y, m, d, got, z)
		}
	}
}

func BenchmarkCivilFromDays(b *testing.B) {
	first, last := daysFromCivil(1900, 1, 1), daysFromCivil(2100, 12, 31)
	z, sum := first, 0
	for b.Loop() {
		y, m, d := civilFromDays(z)
		sum += y + m + d
		if z++; z > last {
			z = first
		}
	}
	_ = sum
}

func BenchmarkDaysFromCivil(b *testing.B) {
	y, m, d, sum := 1900, 1, 1, 0
	for b.Loop() {
		sum += daysFromCivil(y, m, d)
		if d++; d > 28 {
			d = 1
			if m++; m > 12 {
				m = 1
				if y++; y > 2100 {
					y = 1900
				}
			}
		}
	}
	_ = sum
}

// A Date holds YYYYMMDD; over every representable day, day numbers and
// dates convert both ways, follow each other, and order alike, and the
// weekday advances by one.
func TestPackedDatesOnEveryDay(t *testing.T) {
	prev := fromDays(1)
	if prev != MustNew(1, 1, 1) || prev.Weekday() != 1 { // a Monday
		t.Fatalf("day 1 is %v, a %v", prev, prev.Weekday())
	}
	for v := 2; v <= maxDays; v++ {
		d := fromDays(v)
		if d.days() != v || !prev.Before(d) || prev.DaysUntil(d) != 1 || prev.AddDays(1) != d || d.AddDays(-1) != prev ||
			d.Weekday() != (prev.Weekday()+1)%7 {
			t.Fatalf("day %d: %v after %v", v, d, prev)
		}
		prev = d
	}
	if prev != MustNew(MaxYear, 12, 31) || !prev.AddDays(1).IsZero() || !fromDays(1).AddDays(-1).IsZero() {
		t.Fatalf("the range ends at %v", prev)
	}
}
