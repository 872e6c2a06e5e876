package aid

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"

	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/prisoner"
)

// InputHash returns the SHA-256 (hex) of c's canonical text: every field
// of the case, in the order the prisoner types declare them, one
// "name=value" line each; text values are written "length:text", dates
// YYYY-MM-DD, codes as numbers.
// Two equal cases hash alike; any change to a fact changes the hash. It
// is the InputHash of a [Stamp].
func InputHash(c prisoner.Case) string {
	var stack [2048]byte
	b := appendCase(stack[:0], &c)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func appendCase(b []byte, c *prisoner.Case) []byte {
	str := func(name, v string) { // length-prefixed, so any text is unambiguous
		b = append(b, name...)
		b = append(b, '=')
		b = strconv.AppendInt(b, int64(len(v)), 10)
		b = append(b, ':')
		b = append(b, v...)
		b = append(b, '\n')
	}
	num := func(name string, n int) {
		b = append(b, name...)
		b = append(b, '=')
		b = strconv.AppendInt(b, int64(n), 10)
		b = append(b, '\n')
	}
	flag := func(name string, v bool) {
		if v {
			b = append(b, name...)
			b = append(b, "=true\n"...)
		}
	}
	date := func(name string, d civil.Date) {
		b = append(b, name...)
		b = append(b, '=')
		b = d.AppendFormat(b)
		b = append(b, '\n')
	}
	b = append(b, "captivity-case/v1\n"...)
	str("id", c.ID)
	str("note", c.Note)
	p := c.Person
	str("person.citizenship", p.Citizenship)
	flag("person.stateless", p.Stateless)
	str("person.name", p.Name)
	date("person.birth_date", p.BirthDate)
	str("person.rnokpp", p.RNOKPP)
	for _, e := range c.Episodes {
		str("episode", e.ID)
		str("category", e.Category.String())
		flag("serving_at_capture", e.ServingAtCapture)
		date("captured", e.Captured)
		date("released", e.Released)
		num("release_kind", int(e.ReleaseKind))
		date("died", e.Died)
		flag("death_linked", e.DeathLinked)
		str("early_date_reason", e.EarlyDateReason)
	}
	for _, m := range c.Family {
		str("member", m.ID)
		num("relation", int(m.Relation))
		num("proof", int(m.Proof))
		flag("dependant", m.Dependant)
		str("name", m.Name)
		date("birth_date", m.BirthDate)
		str("citizenship", m.Citizenship)
		str("rnokpp", m.RNOKPP)
		date("since", m.Since)
		date("ended", m.Ended)
	}
	for _, ev := range c.Events {
		num("event", ev.Seq)
		date("date", ev.Date)
		num("kind", int(ev.Kind))
		str("episode", ev.Episode)
		str("party", ev.Party)
		str("member", ev.Member)
		num("decision", int(ev.Decision))
		num("ground", int(ev.Ground))
		date("notified", ev.Notified)
		flag("prior_procedure", ev.PriorProcedure)
		num("ruling", int(ev.Ruling))
		num("aid", int(ev.Aid))
		num("year", ev.Year)
		str("amount", ev.Amount)
		num("regime", int(ev.Regime))
		for _, m := range ev.Missing {
			str("missing", m)
		}
		flag("other_law_elected", ev.OtherLawElected)
		str("note", ev.Note)
	}
	return b
}
