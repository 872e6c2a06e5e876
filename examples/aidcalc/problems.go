package main

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"

	"github.com/uacaptivity/captivity/export"
	"github.com/uacaptivity/captivity/internal/cli"
	"github.com/uacaptivity/captivity/status"
)

// A problem is one row of the problems report: where (file, line,
// column, the JSON path or the column's header, the event's seq), which
// case, a stable code and a message. Messages never quote the input.
type problem struct {
	File    string
	CaseID  string
	Line    int
	Column  int
	Path    string // a JSON path, or a CSV column's header
	Seq     int
	Code    string
	Message string
	cell    bool // a cell of the case tables: Path is its column's header
}

var problemHeader = []string{"file", "case_id", "line", "column", "path", "seq", "code", "message"}

func (p problem) record() []string {
	return []string{p.File, p.CaseID, num(p.Line), num(p.Column), p.Path, num(p.Seq), p.Code, p.Message}
}

func num(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// line is the problem as one line for standard error: the place first
// (file:line:column (header) for a cell of the case tables,
// file:line: case ID: path for a JSON case), then the message.
func (p problem) line(lang string) string {
	s := cli.Safe(p.File)
	if p.Line > 0 {
		s += ":" + strconv.Itoa(p.Line)
		if p.Column > 0 {
			s += ":" + strconv.Itoa(p.Column)
		}
	}
	if p.cell {
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

// cellProblem is a problem of the case tables.
func cellProblem(c export.CellProblem, lang string) problem {
	return problem{File: c.File, CaseID: cli.Safe(c.CaseID), Line: c.Line, Column: c.Column, Path: c.Header, Code: string(c.Code), Message: c.Message.In(lang), cell: true}
}

// historyProblems are the problems of a case whose history the life
// cycle does not allow, or of any other error.
func historyProblems(file, id string, err error, lang string) []problem {
	var he *status.HistoryError
	if errors.As(err, &he) {
		var out []problem
		for _, p := range he.Problems {
			out = append(out, problem{File: file, CaseID: id, Path: p.Path, Seq: p.Seq, Code: p.Code, Message: p.Message.In(lang)})
		}
		return out
	}
	return []problem{{File: file, CaseID: id, Code: "error", Message: err.Error()}}
}

// countCases counts the distinct cases (or inputs) the problems are of.
func countCases(ps []problem) int {
	seen := map[string]bool{}
	for _, p := range ps {
		seen[p.File+"\x00"+p.CaseID] = true
	}
	return len(seen)
}

// problemsPath is where the problems report goes: problems.csv in a
// -format csv folder, FILE.problems.jsonl (JSON Lines) beside a -format
// json -out FILE, FILE.problems.csv beside a table -out FILE, nowhere when
// the output is standard output (the problems are on standard error).
func problemsPath(cfg config) string {
	switch {
	case cfg.format == "csv":
		return filepath.Join(cfg.out, "problems.csv")
	case cfg.out != "" && cfg.format == "json":
		return cfg.out + ".problems.jsonl"
	case cfg.out != "":
		return cfg.out + ".problems.csv"
	}
	return ""
}

// problemJSON is a problem as a line of the JSON Lines report.
type problemJSON struct {
	File    string `json:"file"`
	CaseID  string `json:"case_id,omitempty"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Path    string `json:"path,omitempty"`
	Seq     int    `json:"seq,omitempty"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// writeProblems writes the problems report, one row per problem.
func writeProblems(outs *cli.Outputs, cfg config, ps []problem) error {
	path := problemsPath(cfg)
	if path == "" {
		return nil
	}
	f, err := outs.Create(path)
	if err != nil {
		return err
	}
	if cfg.format == "json" {
		enc := json.NewEncoder(f)
		enc.SetEscapeHTML(false)
		for _, p := range ps {
			if err := enc.Encode(problemJSON{p.File, p.CaseID, p.Line, p.Column, p.Path, p.Seq, p.Code, p.Message}); err != nil {
				return err
			}
		}
		return nil
	}
	if cfg.excel {
		if _, err := f.WriteString("\ufeff"); err != nil {
			return err
		}
	}
	w := csv.NewWriter(f)
	w.UseCRLF = cfg.excel
	_ = w.Write(problemHeader)
	for _, p := range ps {
		rec := p.record()
		for i := range rec {
			rec[i] = export.Neutralize(rec[i])
		}
		_ = w.Write(rec)
	}
	w.Flush()
	return w.Error()
}
