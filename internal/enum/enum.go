// Package enum gives the typed enumerations of the library their stable
// text codes and bilingual labels from one table each, so that String,
// MarshalText and UnmarshalText behave the same for every enum.
//
// Values start at 1: the zero value of every enum is "unset" and has no
// code (STYLE.md §2).
package enum

import (
	"fmt"

	"github.com/uacaptivity/captivity/law"
)

// An Entry is one value of an enum: its stable code and its label.
type Entry struct {
	Code  string
	Label law.Text
}

// Table maps values 1..n of an enum to their entries; index 0 is unused.
type Table[T ~uint8] struct {
	Name string // the enum's name, for error messages
	// Default marks an option whose zero value means its first value:
	// internal/enumgen then gives the type a norm method, and its String,
	// MarshalText and UnmarshalText treat the zero value as the default.
	Default bool
	Entries []Entry
}

// Valid reports whether v has an entry.
func (t Table[T]) Valid(v T) bool { return v >= 1 && int(v) < len(t.Entries) }

// String returns the code of v, or Name(n) for a value without one.
func (t Table[T]) String(v T) string {
	if !t.Valid(v) {
		return fmt.Sprintf("%s(%d)", t.Name, uint8(v))
	}
	return t.Entries[v].Code
}

// Label returns the bilingual label of v (empty for an invalid value).
func (t Table[T]) Label(v T) law.Text {
	if !t.Valid(v) {
		return law.Text{}
	}
	return t.Entries[v].Label
}

// Marshal returns the code of v, or an error for a value without one.
// The zero value marshals as empty text, so omitted fields stay omitted.
func (t Table[T]) Marshal(v T) ([]byte, error) {
	if v == 0 {
		return []byte{}, nil
	}
	if !t.Valid(v) {
		return nil, fmt.Errorf("unknown %s value %d", t.Name, uint8(v))
	}
	return []byte(t.Entries[v].Code), nil
}

// Parse returns the value whose code is s; empty text is the zero value.
func (t Table[T]) Parse(s string) (T, error) {
	if s == "" {
		return 0, nil
	}
	for i := 1; i < len(t.Entries); i++ {
		if t.Entries[i].Code == s {
			return T(i), nil
		}
	}
	return 0, fmt.Errorf("unknown %s %q (want one of %s)", t.Name, clip(s), t.codes())
}

// Codes lists the codes in value order.
func (t Table[T]) Codes() []string {
	out := make([]string, 0, len(t.Entries))
	for _, e := range t.Entries[1:] {
		out = append(out, e.Code)
	}
	return out
}

func (t Table[T]) codes() string {
	s := ""
	for i, c := range t.Codes() {
		if i > 0 {
			s += ", "
		}
		s += c
	}
	return s
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}
