package export

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/law"
)

// What a spreadsheet writes back when a user opens our CSV and saves it
// again, in a Ukrainian or an English locale, and how the case tables
// reader takes it. Every form below has one reading; a value that could
// be read two ways is a problem that says so, never a guess.

// spreadsheetAmount reads an amount cell as a spreadsheet may write it,
// and returns it with two decimals and a dot ("100000.00"): a whole
// number ("100000"), a decimal comma ("100000,5"), spaces (also
// no-break) or apostrophes between thousands ("100 000,00"), or a
// thousands separator with the other mark as the decimal one
// ("100,000.00", "100.000,00"). A number with one mark and exactly three
// digits after it ("1.000", "1,000") is ambiguous (one, or a thousand):
// ok is false and why says so. A cell it does not recognise comes back as
// it was, for the validation to name.
func spreadsheetAmount(s string) (out string, ok bool, why law.Text) {
	t := strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "", "'", "").Replace(strings.TrimSpace(s))
	neg := strings.HasPrefix(t, "-")
	if neg {
		t = t[1:]
	}
	if t == "" || strings.Trim(t, "0123456789.,") != "" {
		return s, true, law.Text{}
	}
	lastDot, lastComma := strings.LastIndexByte(t, '.'), strings.LastIndexByte(t, ',')
	intPart, frac := t, ""
	var thousands byte
	switch {
	case lastDot < 0 && lastComma < 0:
	case lastDot >= 0 && lastComma >= 0: // both: the last one is the decimal mark
		dec := max(lastDot, lastComma)
		thousands = ','
		if dec == lastComma {
			thousands = '.'
		}
		intPart, frac = t[:dec], t[dec+1:]
	default:
		mark := byte('.')
		at := lastDot
		if lastComma >= 0 {
			mark, at = ',', lastComma
		}
		n := strings.Count(t, string(mark))
		after := t[at+1:]
		switch {
		case n == 1 && len(after) <= 2:
			intPart, frac = t[:at], after
		case len(after) == 3 && n == 1:
			return s, false, law.Text{
				UK: fmt.Sprintf("сума %q неоднозначна: три цифри після %q можуть бути і дробовою частиною, і тисячами; запишіть суму з двома знаками після крапки (наприклад, 1000.00)", s, string(mark)),
				EN: fmt.Sprintf("amount %q is ambiguous: three digits after %q may be decimals or thousands; write it with two decimals after a dot (such as 1000.00)", s, string(mark))}
		default: // several: thousands separators, no decimals
			thousands = mark
		}
	}
	if thousands != 0 {
		groups := strings.Split(intPart, string(thousands))
		for i, g := range groups {
			if (i == 0 && (len(g) < 1 || len(g) > 3)) || (i > 0 && len(g) != 3) {
				return s, true, law.Text{} // not a number in thousands: the validation names it
			}
		}
		intPart = strings.Join(groups, "")
	}
	if intPart == "" || strings.Trim(intPart, "0123456789") != "" || strings.Trim(frac, "0123456789") != "" || len(frac) > 2 {
		return s, true, law.Text{}
	}
	for len(frac) < 2 {
		frac += "0"
	}
	if neg {
		intPart = "-" + intPart
	}
	return intPart + "." + frac, true, law.Text{}
}

// spreadsheetDate reads a date cell as a spreadsheet may write it: the
// case file's YYYY-MM-DD, or day.month.year with four digits (Ukrainian
// locales, "28.11.2026"). Slashes (English locales) are read when only
// one reading exists: a first part over 12 is the day ("28/11/2026"), a
// second part over 12 is the day ("11/28/2026"); "03/04/2026" could be
// either and is a problem, as is a year of two digits. ok is false with
// why for an ambiguous date; anything else comes back unchanged for
// civil.Parse to judge.
func spreadsheetDate(s string) (out string, ok bool, why law.Text) {
	t := strings.TrimSpace(s)
	sep := ""
	switch {
	case strings.Count(t, ".") == 2:
		sep = "."
	case strings.Count(t, "/") == 2:
		sep = "/"
	default:
		return s, true, law.Text{}
	}
	p := strings.Split(t, sep)
	a, errA := strconv.Atoi(p[0])
	b, errB := strconv.Atoi(p[1])
	y, errY := strconv.Atoi(p[2])
	if errA != nil || errB != nil || errY != nil || a < 1 || b < 1 {
		return s, true, law.Text{}
	}
	if len(p[2]) != 4 {
		return s, false, law.Text{UK: fmt.Sprintf("у даті %q рік із двох цифр: запишіть її як РРРР-ММ-ДД", s),
			EN: fmt.Sprintf("date %q has a two-digit year: write it YYYY-MM-DD", s)}
	}
	day, month := a, b
	if sep == "/" {
		switch {
		case a > 12 && b <= 12:
		case b > 12 && a <= 12:
			day, month = b, a
		case a <= 12 && b <= 12 && a != b:
			return s, false, law.Text{UK: fmt.Sprintf("дата %q неоднозначна (%d-те число %d-го місяця чи навпаки?): запишіть її як РРРР-ММ-ДД", s, a, b),
				EN: fmt.Sprintf("date %q is ambiguous (day %d of month %d, or the other way round?): write it YYYY-MM-DD", s, a, b)}
		}
	}
	d, err := civil.New(y, month, day)
	if err != nil {
		return s, true, law.Text{}
	}
	return d.String(), true, law.Text{}
}

// spreadsheetBools are the words spreadsheets write for true and false,
// in English and Ukrainian locales, besides ours.
var spreadsheetBools = map[string]bool{
	"істина": true, "хибність": false, "хиба": false, "правда": true, "брехня": false,
}
