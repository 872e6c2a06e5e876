package aid_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/prisoner"
)

// mutations returns, for every leaf field of c (strings, flags, numbers,
// dates, list items), a copy of c with that one field changed, named by
// its path.
func mutations(c prisoner.Case) map[string]prisoner.Case {
	out := map[string]prisoner.Case{}
	var walk func(path string, get func(*prisoner.Case) reflect.Value, t reflect.Type)
	walk = func(path string, get func(*prisoner.Case) reflect.Value, t reflect.Type) {
		if t == reflect.TypeOf(civil.Date{}) {
			m := cloneCase(c)
			v := get(&m)
			d := v.Interface().(civil.Date)
			if d.IsZero() {
				d = civil.MustNew(2020, 1, 1)
			} else {
				d = d.AddDays(1)
			}
			v.Set(reflect.ValueOf(d))
			out[path] = m
			return
		}
		switch t.Kind() {
		case reflect.Struct:
			for i := 0; i < t.NumField(); i++ {
				f := t.Field(i)
				if !f.IsExported() {
					continue
				}
				walk(path+"."+f.Name, func(m *prisoner.Case) reflect.Value { return get(m).Field(i) }, f.Type)
			}
		case reflect.Slice:
			n := get(&c).Len()
			for i := 0; i < n; i++ {
				walk(fmt.Sprintf("%s[%d]", path, i), func(m *prisoner.Case) reflect.Value { return get(m).Index(i) }, t.Elem())
			}
		default:
			m := cloneCase(c)
			v := get(&m)
			switch t.Kind() {
			case reflect.String:
				v.SetString(v.String() + "x")
			case reflect.Bool:
				v.SetBool(!v.Bool())
			case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
				v.SetInt(v.Int() + 1)
			case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
				v.SetUint(v.Uint() + 1)
			default:
				panic("hash test: no mutation for " + path + " of kind " + t.Kind().String())
			}
			out[path] = m
		}
	}
	walk("case", func(m *prisoner.Case) reflect.Value { return reflect.ValueOf(m).Elem() }, reflect.TypeOf(c))
	return out
}

func cloneCase(c prisoner.Case) prisoner.Case {
	m := c
	m.Episodes = append([]prisoner.Episode(nil), c.Episodes...)
	m.Family = append([]prisoner.FamilyMember(nil), c.Family...)
	m.Events = append([]prisoner.Event(nil), c.Events...)
	for i := range m.Events {
		m.Events[i].Missing = append([]string(nil), c.Events[i].Missing...)
	}
	return m
}

// personal lists the fields that InputHash leaves out: personal data and
// free text, which no rule reads.
var personal = map[string]bool{
	"Name": true, "BirthDate": true, "RNOKPP": true, "Note": true, "EarlyDateReason": true, "RelationNote": true, "PersonRef": true,
}

// InputHash: every fact a rule reads, changed alone, gives a hash of its
// own; personal data and free text change nothing (the stamp must not let
// anyone holding a person's name and RNOKPP test for them in a report).
func TestInputHashSeesEveryFactAndNoPersonalData(t *testing.T) {
	for _, c := range sampleCases(t) {
		c.Events[0].Missing = []string{"passport"}
		for i := range c.Episodes {
			c.Episodes[i].EarlyDateReason = "given" // that one is given is a fact; its text is not
		}
		self := aid.InputHash(c)
		seen := map[string]string{self: "the case itself"}
		for path, m := range mutations(c) {
			h := aid.InputHash(m)
			field := path[strings.LastIndexByte(path, '.')+1:]
			if personal[field] {
				assert.Equal(t, self, h, "%s: %s is personal data and must not be hashed", c.ID, path)
				continue
			}
			if other, dup := seen[h]; dup {
				t.Errorf("%s: changing %s gives the hash of %s", c.ID, path, other)
			}
			seen[h] = path
		}
		assert.Greater(t, len(seen), 30, "the walk reached the fields")
	}
}

// The canonical form is versioned and pinned: this vector changes only
// with a new version of the form, which the CHANGELOG names as breaking.
func TestInputHashVectorV3(t *testing.T) {
	c := prisoner.Case{ID: "C-1", Person: prisoner.Person{Citizenship: "UA", Name: "Any Name", RNOKPP: "1234567899"},
		Episodes: []prisoner.Episode{{ID: "e1", Category: prisoner.Political, Captured: civil.MustNew(2016, 5, 12)}},
		Family:   []prisoner.FamilyMember{{ID: "f1", Relation: prisoner.Parent}},
		Events: []prisoner.Event{
			{Seq: 1, Date: civil.MustNew(2022, 12, 1), Kind: prisoner.Application, Episode: "e1", Party: "f1"},
			{Seq: 2, Date: civil.MustNew(2023, 1, 10), Kind: prisoner.Decision, Episode: "e1", Decision: prisoner.Establish},
			{Seq: 3, Date: civil.MustNew(2023, 1, 20), Kind: prisoner.Claim, Episode: "e1", Aid: prisoner.Annual, Party: "f1", Missing: []string{"passport"}},
		}}
	assert.Equal(t, "8cac80933e87dc81ab482d680397c3a2cb7c90b6fd825fd5390f83da46d02b3d", aid.InputHash(c))
}

// InputHash leaves empty values out of its text; these pairs differ only
// in where an empty value or a list item sits, and must not collide.
func TestInputHashEmptyValuesDoNotCollide(t *testing.T) {
	base := newCase(prisoner.Civilian, "2023-03-01").member("f1", prisoner.Spouse).
		established("2023-04-01", "2023-05-01").claim("2023-06-01", annual, "f1").build()
	withMissing := func(m ...string) prisoner.Case {
		c := cloneCase(base)
		c.Events[len(c.Events)-1].Missing = m
		return c
	}
	extraMember := cloneCase(base)
	extraMember.Family = append(extraMember.Family, prisoner.FamilyMember{})
	extraEpisode := cloneCase(base)
	extraEpisode.Episodes = append(extraEpisode.Episodes, prisoner.Episode{})
	extraEvent := cloneCase(base)
	extraEvent.Events = append(extraEvent.Events, prisoner.Event{})
	cases := map[string]prisoner.Case{
		"base":                base,
		"missing [\"\"]":      withMissing(""),
		"missing [\"\",\"\"]": withMissing("", ""),
		"missing [a]":         withMissing("a"),
		"missing [a,\"\"]":    withMissing("a", ""),
		"empty member":        extraMember,
		"empty episode":       extraEpisode,
		"empty event":         extraEvent,
	}
	seen := map[string]string{}
	for name, c := range cases {
		h := aid.InputHash(c)
		require.Len(t, h, 64)
		if other, dup := seen[h]; dup {
			t.Errorf("%s and %s hash alike", name, other)
		}
		seen[h] = name
	}
}
