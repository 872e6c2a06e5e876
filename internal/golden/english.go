package golden

import (
	"regexp"
	"sort"
	"strings"
)

var (
	latinWord = regexp.MustCompile(`[A-Za-z0-9_.@\[\]\-]*[A-Za-z][A-Za-z0-9_.@\[\]\-]*`)
	hexDigits = regexp.MustCompile(`^[0-9a-f]+$`)
	// names allowed in Ukrainian output: the brief (LAW.md), the Roman
	// numeral of an act's number (2010-IX), the reference rule set (RPS),
	// the confidence letter U, the build of a checkout (devel), the
	// programs' own names, and the file formats by name and by code.
	latinNames = map[string]bool{"IX": true, "LAW": true, "md": true, "RPS": true, "U": true, "devel": true, "aidcalc": true, "ngo": true, "lawcheck": true,
		"JSON": true, "Lines": true, "CSV": true, "Excel": true, "json": true, "jsonl": true, "csv": true, "table": true, "xlsx": true, "ics": true, "iCalendar": true, "CRLF": true, "en": true, "uk": true}
)

// EnglishWords returns, sorted and once each, the words of out written in
// Latin letters that are neither codes (with an underscore, a digit, a
// dot, @ or a bracket: a refusal code, a case or party ID, a citation
// such as 2010-IX:7(1), a JSON path, a parameter; or a flag's name, after
// a hyphen) nor on the short list of allowed names, nor a hash's hex
// digits: what a Ukrainian text must not hold.
func EnglishWords(out string) []string {
	seen := map[string]bool{}
	for _, tok := range latinWord.FindAllString(out, -1) {
		if strings.HasPrefix(tok, "-") && len(tok) > 1 && tok[1] != '-' {
			continue // a flag's name (-format)
		}
		tok = strings.Trim(tok, ".-")
		switch {
		case tok == "", latinNames[tok], strings.ContainsAny(tok, "_0123456789.@["), hexDigits.MatchString(tok) && len(tok) >= 2:
			continue
		}
		seen[tok] = true
	}
	words := make([]string, 0, len(seen))
	for w := range seen {
		words = append(words, w)
	}
	sort.Strings(words)
	return words
}
