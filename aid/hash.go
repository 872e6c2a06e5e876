package aid

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"

	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/prisoner"
)

// InputHash returns the SHA-256 (hex) of c's canonical text, version 2:
// the line "captivity-case/v2", then every field of the case in the order
// the prisoner types declare them, one "name=value" line each. Text values
// are written "length:text", dates YYYY-MM-DD, codes as numbers. A field
// whose value is empty, zero or false is left out, except the first line
// of each episode, family member and event ("episode=", "member=",
// "event="), which is always written; since the fields keep their order and
// the sections theirs (person, episodes, family, events), the text still
// names one case only.
//
// Two equal cases hash alike; any change to a fact changes the hash. It
// is the InputHash of a [Stamp].
func InputHash(c prisoner.Case) string {
	var stack [1024]byte
	sum := sha256.Sum256(appendCase(stack[:0], &c))
	var out [2 * sha256.Size]byte
	hex.Encode(out[:], sum[:])
	return string(out[:])
}

// The append functions below write the lines of a case's canonical text
// (see [InputHash]); header lines are written even when empty.

func appendName(b []byte, name string) []byte {
	b = append(b, name...)
	return append(b, '=')
}

// appendText writes a length-prefixed value, so any text is unambiguous.
func appendText(b []byte, name, v string, header bool) []byte {
	if v == "" && !header {
		return b
	}
	b = appendName(b, name)
	b = strconv.AppendInt(b, int64(len(v)), 10)
	b = append(b, ':')
	b = append(b, v...)
	return append(b, '\n')
}

func appendNum(b []byte, name string, n int, header bool) []byte {
	if n == 0 && !header {
		return b
	}
	b = appendName(b, name)
	b = strconv.AppendInt(b, int64(n), 10)
	return append(b, '\n')
}

func appendFlag(b []byte, name string, v bool) []byte {
	if !v {
		return b
	}
	b = appendName(b, name)
	return append(b, "true\n"...)
}

func appendDate(b []byte, name string, d civil.Date) []byte {
	if d.IsZero() {
		return b
	}
	b = appendName(b, name)
	b = d.AppendFormat(b)
	return append(b, '\n')
}

func appendCase(b []byte, c *prisoner.Case) []byte {
	b = append(b, "captivity-case/v2\n"...)
	b = appendText(b, "id", c.ID, false)
	b = appendText(b, "note", c.Note, false)
	p := &c.Person
	b = appendText(b, "person.citizenship", p.Citizenship, false)
	b = appendFlag(b, "person.stateless", p.Stateless)
	b = appendText(b, "person.name", p.Name, false)
	b = appendDate(b, "person.birth_date", p.BirthDate)
	b = appendText(b, "person.rnokpp", p.RNOKPP, false)
	for i := range c.Episodes {
		e := &c.Episodes[i]
		b = appendText(b, "episode", e.ID, true)
		b = appendText(b, "category", e.Category.String(), false)
		b = appendFlag(b, "serving_at_capture", e.ServingAtCapture)
		b = appendDate(b, "captured", e.Captured)
		b = appendDate(b, "released", e.Released)
		b = appendNum(b, "release_kind", int(e.ReleaseKind), false)
		b = appendDate(b, "died", e.Died)
		b = appendFlag(b, "death_linked", e.DeathLinked)
		b = appendText(b, "early_date_reason", e.EarlyDateReason, false)
	}
	for i := range c.Family {
		m := &c.Family[i]
		b = appendText(b, "member", m.ID, true)
		b = appendNum(b, "relation", int(m.Relation), false)
		b = appendNum(b, "proof", int(m.Proof), false)
		b = appendFlag(b, "dependant", m.Dependant)
		b = appendText(b, "name", m.Name, false)
		b = appendDate(b, "birth_date", m.BirthDate)
		b = appendText(b, "citizenship", m.Citizenship, false)
		b = appendText(b, "rnokpp", m.RNOKPP, false)
		b = appendDate(b, "since", m.Since)
		b = appendDate(b, "ended", m.Ended)
	}
	for i := range c.Events {
		ev := &c.Events[i]
		b = appendNum(b, "event", ev.Seq, true)
		b = appendDate(b, "date", ev.Date)
		b = appendNum(b, "kind", int(ev.Kind), false)
		b = appendText(b, "episode", ev.Episode, false)
		b = appendText(b, "party", ev.Party, false)
		b = appendText(b, "member", ev.Member, false)
		b = appendNum(b, "decision", int(ev.Decision), false)
		b = appendNum(b, "ground", int(ev.Ground), false)
		b = appendDate(b, "notified", ev.Notified)
		b = appendFlag(b, "prior_procedure", ev.PriorProcedure)
		b = appendNum(b, "ruling", int(ev.Ruling), false)
		b = appendNum(b, "aid", int(ev.Aid), false)
		b = appendNum(b, "year", ev.Year, false)
		b = appendText(b, "amount", ev.Amount, false)
		b = appendNum(b, "regime", int(ev.Regime), false)
		for _, m := range ev.Missing {
			b = appendText(b, "missing", m, true)
		}
		b = appendFlag(b, "other_law_elected", ev.OtherLawElected)
		b = appendText(b, "note", ev.Note, false)
	}
	return b
}
