package export

import (
	"strconv"
	"strings"
)

// Neutralize makes a cell safe to open in a spreadsheet: a cell that a
// spreadsheet would run as a formula (it starts with =, +, -, @, a tab or
// a carriage return), and a cell that starts with an apostrophe, gets an
// apostrophe in front. [Unneutralize] undoes it exactly, so values survive
// a round trip. This is our own rule against formula injection
// (STYLE.md §8), not a standard.
func Neutralize(s string) string {
	if s == "" {
		return s
	}
	if neutralized(s[0]) {
		return "'" + s
	}
	return s
}

// neutralized reports whether a cell beginning with c gets an apostrophe.
func neutralized(c byte) bool {
	switch c {
	case '=', '+', '-', '@', '\t', '\r', '\'':
		return true
	}
	return false
}

// Unneutralize removes the apostrophe [Neutralize] added.
func Unneutralize(s string) string {
	if strings.HasPrefix(s, "'") {
		return s[1:]
	}
	return s
}

func boolCell(b bool) string {
	if b {
		return "true"
	}
	return ""
}

func intCell(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// Lang is the language of CSV headers: "en" (stable keys, the default) or
// "uk" (for people).
type Lang string

// Header languages.
const (
	English   Lang = "en"
	Ukrainian Lang = "uk"
)

// A column is one CSV column: its stable key (the English header) and its
// Ukrainian header.
type column struct {
	key, uk string
}

func headers(cols []column, lang Lang) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		if lang == Ukrainian {
			out[i] = c.uk
		} else {
			out[i] = c.key
		}
	}
	return out
}

// CSVOptions tune the CSV writers. The zero value writes UTF-8 without a
// byte-order mark, LF line ends, English headers, and every value given.
type CSVOptions struct {
	// Excel adds a UTF-8 byte-order mark and CRLF line ends, so that a
	// spreadsheet opened by double-click shows Cyrillic correctly.
	Excel bool
	// Headers is the header language; empty means English.
	Headers Lang
	// Redact drops personal data (names, RNOKPP, birth dates) from case
	// tables; every figure, date of captivity and code is kept.
	Redact bool
}

const bom = "\ufeff"
