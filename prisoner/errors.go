package prisoner

import (
	"errors"
	"fmt"
	"strings"

	"github.com/uacaptivity/captivity/law"
)

// ErrInvalid matches every *ValidationError and *FileError with errors.Is.
var ErrInvalid = errors.New("invalid case")

// Code is the stable, machine-readable kind of a field problem. Codes are
// API: never renamed.
type Code string

// Problem codes.
const (
	CodeRequired   Code = "required"          // a required value is missing
	CodeInvalid    Code = "invalid"           // a value is malformed (bad date, unknown code)
	CodeType       Code = "type"              // a JSON value has the wrong type
	CodeUnknown    Code = "unknown"           // a field the format does not have
	CodeTooLong    Code = "too_long"          // a string or list is over its limit
	CodeOrder      Code = "order"             // two dates are in an impossible order
	CodeDuplicate  Code = "duplicate"         // an ID or sequence number is used twice
	CodeReference  Code = "reference"         // a reference to an episode or member that does not exist
	CodeNotAllowed Code = "not_allowed"       // a field that does not belong to this kind of event
	CodeChecksum   Code = "checksum"          // an RNOKPP whose check digit is wrong
	CodeCountry    Code = "country"           // not an ISO 3166-1 alpha-2 code
	CodeEarly      Code = "before_aggression" // a capture before 2014-02-20 with no reason given
	CodeAmount     Code = "amount"            // not a UAH amount with two decimals
	CodeConflict   Code = "conflict"          // two fields that exclude each other
)

// A FieldError is one problem in a case, at a JSON path relative to the
// case ("family[2].birth_date"). Message is for people, in Ukrainian and
// English; never match on it, match on Code. Messages never quote the
// value, so they carry no personal data.
type FieldError struct {
	Path    string   `json:"path"`
	Code    Code     `json:"code"`
	Message law.Text `json:"message"`
}

// String returns the problem as "path: message", in English.
func (f FieldError) String() string { return f.Path + ": " + f.Message.EN }

// A ValidationError lists every problem found in one case. Functions in
// this package return it as *ValidationError, never with no Fields.
// errors.Is(err, ErrInvalid) matches it.
type ValidationError struct {
	Fields []FieldError `json:"fields"`
}

// Error returns the first problem and the count of problems, in English.
func (e *ValidationError) Error() string {
	if len(e.Fields) == 0 {
		return "invalid case"
	}
	f := e.Fields[0]
	return fmt.Sprintf("invalid case: %s: %s (%d problem(s))", f.Path, f.Message.EN, len(e.Fields))
}

// Is reports whether target is ErrInvalid.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalid }

// A CaseError is the problems of one case in a file: its index in the file
// (0-based), its ID when it had one, the line where it starts, and its
// field problems.
type CaseError struct {
	Index  int          `json:"index"`
	CaseID string       `json:"case_id,omitempty"`
	Line   int          `json:"line,omitempty"`
	Fields []FieldError `json:"fields,omitempty"`
}

// Error returns the case's place and its first problem, in English.
func (e *CaseError) Error() string {
	place := fmt.Sprintf("case [%d]", e.Index)
	if e.CaseID != "" {
		place += " " + e.CaseID
	}
	if e.Line > 0 {
		place += fmt.Sprintf(" (line %d)", e.Line)
	}
	if len(e.Fields) == 0 {
		return place + ": invalid case"
	}
	return fmt.Sprintf("%s: %s: %s (%d problem(s))", place, e.Fields[0].Path, e.Fields[0].Message.EN, len(e.Fields))
}

// Is reports whether target is ErrInvalid.
func (e *CaseError) Is(target error) bool { return target == ErrInvalid }

// A FileError lists every problem found in a case file: syntax and size
// problems (with line and column), and each case's field problems. It is
// returned as *FileError, never with no problems; errors.Is(err,
// ErrInvalid) matches it.
type FileError struct {
	// Line and Column locate a syntax or size problem (1-based); zero when
	// the file parsed.
	Line, Column int
	// Err is a syntax or size problem that stopped the reading; nil when
	// the file parsed.
	Err error
	// Message is Err in both languages, for people (set by the decoders
	// of this package; empty otherwise).
	Message law.Text
	// Cases are the cases with problems, in file order.
	Cases []CaseError
}

// Error returns the file, the first problem and the count, in English.
func (e *FileError) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("line %d, column %d: %v", e.Line, e.Column, e.Err)
	}
	n := 0
	for _, c := range e.Cases {
		n += len(c.Fields)
	}
	if len(e.Cases) == 0 {
		return "invalid case file"
	}
	c := e.Cases[0]
	return fmt.Sprintf("case [%d]: %s: %s (%d problem(s) in %d case(s))",
		c.Index, c.Fields[0].Path, c.Fields[0].Message.EN, n, len(e.Cases))
}

// Is reports whether target is ErrInvalid.
func (e *FileError) Is(target error) bool { return target == ErrInvalid }

// Unwrap returns the syntax or size error, if any.
func (e *FileError) Unwrap() error { return e.Err }

// Lines returns one line per problem, in the given language ("uk" or
// "en"), each starting with the case's place: "[2] case C-03 (line 40):
// family[1].birth_date: …".
func (e *FileError) Lines(lang string) []string {
	uk := lang == "uk"
	if e.Err != nil {
		if uk && e.Message.UK != "" {
			return []string{fmt.Sprintf("рядок %d, стовпчик %d: %s", e.Line, e.Column, e.Message.UK)}
		}
		return []string{fmt.Sprintf("line %d, column %d: %v", e.Line, e.Column, e.Err)}
	}
	var out []string
	for _, c := range e.Cases {
		place := fmt.Sprintf("[%d]", c.Index)
		if c.CaseID != "" {
			if uk {
				place += " справа " + c.CaseID
			} else {
				place += " case " + c.CaseID
			}
		}
		if c.Line > 0 {
			if uk {
				place += fmt.Sprintf(" (рядок %d)", c.Line)
			} else {
				place += fmt.Sprintf(" (line %d)", c.Line)
			}
		}
		for _, f := range c.Fields {
			out = append(out, place+": "+f.Path+": "+f.Message.In(lang))
		}
	}
	return out
}

// problems collects field problems with their bilingual messages.
type problems struct {
	fields []FieldError
	seen   map[string]bool // paths that already have a problem
}

// add records a problem at path, unless path already has one: the first
// problem found at a place is the one reported.
func (p *problems) add(path string, code Code, msg law.Text) {
	if p.seen == nil {
		p.seen = map[string]bool{}
	}
	if p.seen[path] {
		return
	}
	p.seen[path] = true
	p.fields = append(p.fields, FieldError{Path: path, Code: code, Message: msg})
}

// has reports whether path, or a path below it, already has a problem.
func (p *problems) has(path string) bool {
	if p.seen[path] {
		return true
	}
	for s := range p.seen {
		if strings.HasPrefix(s, path+".") || strings.HasPrefix(s, path+"[") {
			return true
		}
	}
	return false
}

func (p *problems) err() error {
	if len(p.fields) == 0 {
		return nil
	}
	return &ValidationError{Fields: p.fields}
}

// Messages for the codes. Each takes details that never contain values
// from the input.
func msgRequired() law.Text {
	return law.Text{UK: "обов'язкове поле не заповнено", EN: "is required"}
}

func msgTooLong(limit string) law.Text {
	return law.Text{UK: "перевищено межу (" + limit + ")", EN: "is over the limit (" + limit + ")"}
}

func msgOrder(other, rel string) law.Text {
	uk := map[string]string{"before": "не може бути раніше", "after": "не може бути пізніше"}[rel]
	return law.Text{UK: uk + " " + other, EN: "must not be " + rel + " " + other}
}

func msgDuplicate(what law.Text) law.Text {
	return law.Text{UK: "повторюється " + what.UK, EN: "repeats a " + what.EN + " used before"}
}

func msgReference(what law.Text) law.Text {
	return law.Text{UK: "посилається на " + what.UK + ", якого немає у справі", EN: "refers to a " + what.EN + " that is not in the case"}
}

var (
	wordEpisode   = law.Text{UK: "епізод", EN: "episode"}
	wordMember    = law.Text{UK: "члена сім'ї", EN: "family member"}
	wordEpisodeID = law.Text{UK: "ідентифікатор епізоду", EN: "episode ID"}
	wordMemberID  = law.Text{UK: "ідентифікатор члена сім'ї", EN: "family member ID"}
	wordSeq       = law.Text{UK: "порядковий номер події", EN: "sequence number"}
)

func msgNotAllowed(kind string) law.Text {
	return law.Text{UK: "не застосовується до події виду «" + kind + "»", EN: "does not apply to an event of kind " + kind}
}
