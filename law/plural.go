package law

import "strconv"

// PluralUK writes n and the form of a Ukrainian noun phrase that agrees
// with it: one for 1, 21, 31, ... (not 11), few for 2–4, 22–24, ... (not
// 12–14), many for the rest and for 0 ("1 рік", "3 роки", "5 років",
// "11 років", "21 рік").
func PluralUK(n int, one, few, many string) string {
	return strconv.Itoa(n) + " " + pluralFormUK(n, one, few, many)
}

func pluralFormUK(n int, one, few, many string) string {
	if n < 0 {
		n = -n
	}
	switch d, h := n%10, n%100; {
	case d == 1 && h != 11:
		return one
	case d >= 2 && d <= 4 && (h < 12 || h > 14):
		return few
	}
	return many
}

// PluralEN writes n and the English form that agrees with it: one for 1,
// other for the rest ("1 year", "0 years", "3 years").
func PluralEN(n int, one, other string) string {
	if n == 1 || n == -1 {
		return strconv.Itoa(n) + " " + one
	}
	return strconv.Itoa(n) + " " + other
}
