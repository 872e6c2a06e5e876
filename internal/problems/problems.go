// Package problems is the problems report of the programs: one row per
// problem of a run's input, with its place (file, line, column, JSON path
// or column header, the event's seq), the case, a stable code and a
// message that never quotes the input. The programs print each on
// standard error and write the report beside their output.
package problems

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/uacaptivity/captivity/export"
	"github.com/uacaptivity/captivity/internal/cli"
	"github.com/uacaptivity/captivity/status"
)

// A Problem is one row of the problems report.
type Problem struct {
	File    string `json:"file"`
	CaseID  string `json:"case_id,omitempty"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Path    string `json:"path,omitempty"` // a JSON path, or a CSV column's header
	Seq     int    `json:"seq,omitempty"`
	Code    string `json:"code"`
	Message string `json:"message"`
	Cell    bool   `json:"-"` // a cell of the case tables: Path is its column's header
}

var header = []string{"file", "case_id", "line", "column", "path", "seq", "code", "message"}

func (p Problem) record() []string {
	return []string{p.File, p.CaseID, num(p.Line), num(p.Column), p.Path, num(p.Seq), p.Code, p.Message}
}

func num(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// Text is the problem as one line for standard error: the place first
// (file:line:column (header) for a cell of the case tables,
// file:line: case ID: path for a JSON case), then the message.
func (p Problem) Text(lang string) string {
	s := cli.Safe(p.File)
	if p.Line > 0 {
		s += ":" + strconv.Itoa(p.Line)
		if p.Column > 0 {
			s += ":" + strconv.Itoa(p.Column)
		}
	}
	if p.Cell {
		if p.Path != "" {
			s += " (" + p.Path + ")"
		}
		s += ": " + p.Message
		if p.CaseID != "" {
			s += " [" + p.CaseID + "]"
		}
		return s
	}
	if p.CaseID != "" {
		if lang == "uk" {
			s += ": справа " + p.CaseID
		} else {
			s += ": case " + p.CaseID
		}
	}
	if p.Path != "" {
		s += ": " + p.Path
	}
	if p.Seq > 0 {
		s += fmt.Sprintf(" (seq %d)", p.Seq)
	}
	return s + ": " + p.Message
}

// FromCell is a problem of the case tables.
func FromCell(c export.CellProblem, lang string) Problem {
	return Problem{File: c.File, CaseID: cli.Safe(c.CaseID), Line: c.Line, Column: c.Column, Path: c.Header, Code: string(c.Code), Message: c.Message.In(lang), Cell: true}
}

// FromHistory are the problems of a case whose history the life cycle
// does not allow, or of any other error; line is where the case starts
// (0 if not known).
func FromHistory(file, id string, line int, err error, lang string) []Problem {
	var he *status.HistoryError
	if errors.As(err, &he) {
		var out []Problem
		for _, p := range he.Problems {
			out = append(out, Problem{File: file, CaseID: id, Line: line, Path: p.Path, Seq: p.Seq, Code: p.Code, Message: p.Message.In(lang)})
		}
		return out
	}
	var te *export.TableError
	if errors.As(err, &te) {
		var out []Problem
		for _, p := range te.Problems {
			out = append(out, FromCell(p, lang))
		}
		return out
	}
	return []Problem{{File: file, CaseID: id, Line: line, Code: "error", Message: err.Error()}}
}

// Cases counts the distinct cases (or inputs) the problems are of.
func Cases(ps []Problem) int {
	seen := map[string]bool{}
	for _, p := range ps {
		seen[p.File+"\x00"+p.CaseID] = true
	}
	return len(seen)
}

// WriteCSV writes the report as CSV (with a byte-order mark and CRLF for
// a spreadsheet when excel is set), cells neutralized against formulas.
func WriteCSV(w io.Writer, ps []Problem, excel bool) error {
	if excel {
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = excel
	_ = cw.Write(header)
	for _, p := range ps {
		rec := p.record()
		for i := range rec {
			rec[i] = export.Neutralize(rec[i])
		}
		_ = cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}

// WriteJSONLines writes the report as JSON Lines, one problem a line.
func WriteJSONLines(w io.Writer, ps []Problem) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, p := range ps {
		if err := enc.Encode(p); err != nil {
			return err
		}
	}
	return nil
}
