package law

import (
	"fmt"
	"strings"
)

// Text is a message or label in Ukrainian and English. End users see UK;
// developers and logs use EN.
type Text struct {
	UK string `json:"uk"`
	EN string `json:"en"`
}

// In returns the text in the language lang ("uk" or "en"); any other value
// gives English.
func (t Text) In(lang string) string {
	if strings.EqualFold(lang, "uk") {
		return t.UK
	}
	return t.EN
}

// Confidence says how sure we are of a rule or a fact (LAW.md, "How sure
// we are about each fact"). The zero value is unknown and never valid on a
// parameter.
type Confidence uint8

const (
	// Verified (V): a primary or official source says it, or two
	// independent secondary sources agree.
	Verified Confidence = iota + 1
	// Secondary (S): one secondary source says it; check before release.
	Secondary
	// Assumption (U): our reconstruction or inference; always an option.
	Assumption
)

var confidenceCodes = [...]string{Verified: "verified", Secondary: "secondary", Assumption: "assumption"}
var confidenceLetters = [...]string{Verified: "V", Secondary: "S", Assumption: "U"}
var confidenceLabels = [...]Text{
	Verified:   {UK: "перевірено", EN: "verified"},
	Secondary:  {UK: "вторинне джерело", EN: "secondary source"},
	Assumption: {UK: "припущення", EN: "assumption"},
}

// Valid reports whether c is one of the three known values.
func (c Confidence) Valid() bool { return c >= Verified && c <= Assumption }

// String returns the stable code: "verified", "secondary" or "assumption".
func (c Confidence) String() string {
	if !c.Valid() {
		return fmt.Sprintf("Confidence(%d)", uint8(c))
	}
	return confidenceCodes[c]
}

// Letter returns the brief's tag: "V", "S" or "U" ("?" when unknown).
func (c Confidence) Letter() string {
	if !c.Valid() {
		return "?"
	}
	return confidenceLetters[c]
}

// Label returns the bilingual label of c.
func (c Confidence) Label() Text {
	if !c.Valid() {
		return Text{UK: "невідомо", EN: "unknown"}
	}
	return confidenceLabels[c]
}

// MarshalText writes the stable code; an unknown value is an error.
func (c Confidence) MarshalText() ([]byte, error) {
	if !c.Valid() {
		return nil, fmt.Errorf("law: unknown confidence %d", uint8(c))
	}
	return []byte(c.String()), nil
}

// UnmarshalText reads a stable code or the brief's letter (V, S, U).
func (c *Confidence) UnmarshalText(b []byte) error {
	s := string(b)
	for i := Verified; i <= Assumption; i++ {
		if s == confidenceCodes[i] || s == confidenceLetters[i] {
			*c = i
			return nil
		}
	}
	return fmt.Errorf("law: unknown confidence %q (want verified, secondary or assumption)", s)
}

// Weaker returns the weaker of c and d: a conclusion is only as sure as
// its least sure step. An unknown value counts as weakest.
func Weaker(c, d Confidence) Confidence {
	if !c.Valid() || !d.Valid() {
		return 0
	}
	if c > d {
		return c
	}
	return d
}

// A Citation points into an act: article, part and point, each as written
// in the act ("7", "3", "1"; "17", "6"). Empty parts are omitted. Note is a
// free qualifier ("as amended by 4017-IX", "LAW.md §7"). The zero Citation
// is empty.
type Citation struct {
	Act     ActID  `json:"act"`
	Article string `json:"article,omitempty"`
	Part    string `json:"part,omitempty"`
	Point   string `json:"point,omitempty"`
	Note    string `json:"note,omitempty"`
}

// Cite is a short constructor: Cite(Law2010, "7", "3") is Art. 7(3) of
// Law 2010-IX. The optional third string is the point.
func Cite(act ActID, article string, partPoint ...string) Citation {
	c := Citation{Act: act, Article: article}
	if len(partPoint) > 0 {
		c.Part = partPoint[0]
	}
	if len(partPoint) > 1 {
		c.Point = partPoint[1]
	}
	return c
}

// WithNote returns c with the note n.
func (c Citation) WithNote(n string) Citation { c.Note = n; return c }

// IsZero reports whether c names no act.
func (c Citation) IsZero() bool { return c.Act == "" }

// Code returns the compact form "2010-IX:7(3)(1)", the act alone when no
// article is given. The note is not part of the code.
func (c Citation) Code() string {
	var buf [32]byte
	return string(c.AppendCode(buf[:0]))
}

// AppendCode appends [Citation.Code] to b.
func (c Citation) AppendCode(b []byte) []byte {
	b = append(b, c.Act...)
	if c.Article != "" {
		b = append(b, ':')
		b = append(b, c.Article...)
		if c.Part != "" {
			b = append(b, '(')
			b = append(b, c.Part...)
			b = append(b, ')')
		}
		if c.Point != "" {
			b = append(b, '(')
			b = append(b, c.Point...)
			b = append(b, ')')
		}
	}
	return b
}

// String returns [Citation.Code], with the note after a space and in
// brackets when there is one.
func (c Citation) String() string {
	if c.Note != "" {
		return c.Code() + " [" + c.Note + "]"
	}
	return c.Code()
}

// EN returns the citation in English, for example
// "Law No. 2010-IX, Art. 7(3)(1)". An act outside the catalogue prints
// by its ID.
func (c Citation) EN() string {
	var b strings.Builder
	b.WriteString(c.Act.short().EN)
	if c.Article != "" {
		b.WriteString(", " + c.Act.articleWord().EN + " " + c.Article)
		if c.Part != "" {
			b.WriteString("(" + c.Part + ")")
		}
		if c.Point != "" {
			b.WriteString("(" + c.Point + ")")
		}
	}
	if c.Note != "" {
		b.WriteString(" (" + c.Note + ")")
	}
	return b.String()
}

// UK returns the citation in Ukrainian, for example
// "Закон № 2010-IX, ст. 7 ч. 3 п. 1".
func (c Citation) UK() string {
	var b strings.Builder
	b.WriteString(c.Act.short().UK)
	if c.Article != "" {
		b.WriteString(", " + c.Act.articleWord().UK + " " + c.Article)
		if c.Part != "" {
			b.WriteString(" ч. " + c.Part)
		}
		if c.Point != "" {
			b.WriteString(" п. " + c.Point)
		}
	}
	if c.Note != "" {
		b.WriteString(" (" + noteUK(c.Note) + ")")
	}
	return b.String()
}

// Text returns both readable forms.
func (c Citation) Text() Text { return Text{UK: c.UK(), EN: c.EN()} }
