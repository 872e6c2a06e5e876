package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/export"
	"github.com/uacaptivity/captivity/internal/cli"
	"github.com/uacaptivity/captivity/internal/idset"
	"github.com/uacaptivity/captivity/internal/problems"
	"github.com/uacaptivity/captivity/internal/progress"
	"github.com/uacaptivity/captivity/internal/samples"
	"github.com/uacaptivity/captivity/law"
	"github.com/uacaptivity/captivity/lawcase"
	"github.com/uacaptivity/captivity/prisoner"
)

// runStream is the main job, for every format: inputs are read case by
// case, evaluated over aid.Calculator's Batch and written as they come,
// so memory does not grow with the number of cases.
//
// Outputs are whole or absent: files are written beside their targets
// and moved into place at the end. A case with problems is reported on
// standard error and in a problems report (problems.csv in a -format csv
// folder, FILE.problems.csv beside a -out FILE), and left out; the other
// cases are written and the exit status is 1. With -strict, or when no
// case is good, nothing is written.
func runStream(cfg config, rs aid.RuleSet, stdin io.Reader, stdout, stderr io.Writer, now func() time.Time) int {
	var outs cli.Outputs
	fail := func(err error) int {
		outs.Abort()
		fmt.Fprintln(stderr, "aidcalc:", err)
		return 1
	}
	src := &inputSource{files: cfg.in, stdin: stdin, stderr: stderr, lang: cfg.lang, maxCase: cfg.maxCaseBytes,
		maxRecord: cfg.maxRecordBytes, maxRows: cfg.maxCaseRows, lines: map[int]int{}}
	meter := progress.Meter{W: stderr, Prefix: "aidcalc", Now: now, Total: src.countTables(), Live: cfg.progress, Quiet: cfg.quiet, Lang: cfg.lang}
	src.meter = &meter

	sink, err := newSink(cfg, rs, &outs, stdout)
	if err != nil {
		return fail(err)
	}
	defer sink.close()
	next := src.next
	// -cases-out: the cases read, written again as case tables (a folder
	// of CSV files, or one workbook).
	var casesOut interface {
		Write(prisoner.Case) error
		Flush() error
	}
	if strings.EqualFold(filepath.Ext(cfg.casesOut), ".xlsx") {
		f, err := outs.Create(cfg.casesOut)
		if err != nil {
			return fail(err)
		}
		casesOut = export.NewCaseWorkbookWriter(f, cfg.csvOptions())
	} else if cfg.casesOut != "" {
		var f [4]*cli.Output
		for i, name := range []string{export.CasesFile, export.EpisodesFile, export.FamilyFile, export.EventsFile} {
			if f[i], err = outs.Create(filepath.Join(cfg.casesOut, name)); err != nil {
				return fail(err)
			}
		}
		casesOut = export.NewCaseTablesWriter(export.Tables{Cases: f[0], Episodes: f[1], Family: f[2], Events: f[3]}, cfg.csvOptions())
	}
	if casesOut != nil {
		next = func() (prisoner.Case, error) {
			c, err := src.next()
			if err == nil {
				err = casesOut.Write(c)
			}
			return c, err
		}
		sink.onFinish(casesOut.Flush)
	}
	good := 0
	var probs []problems.Problem
	err = aid.New(rs).Batch(context.Background(), next, func(it aid.Item) error {
		meter.Tick()
		line := src.lineOf(it.Index)
		if it.Err != nil {
			ps := src.problemsOf(it, line)
			for _, p := range ps {
				fmt.Fprintln(stderr, p.Text(cfg.lang))
			}
			probs = append(probs, ps...)
			return nil
		}
		good++
		return sink.write(it.Result)
	}, aid.BatchOptions{Window: cfg.window})
	meter.Finish()
	if err != nil {
		return fail(err)
	}
	if len(probs) > 0 && (cfg.strict || good == 0) {
		outs.Abort()
		n := problems.Cases(probs)
		switch {
		case good > 0 && cfg.lang == "uk":
			fmt.Fprintf(stderr, "aidcalc: -strict: проблеми у %s; нічого не записано\n", law.PluralUK(n, "справі", "справах", "справах"))
		case good > 0:
			fmt.Fprintf(stderr, "aidcalc: -strict: %s with problems; nothing written\n", law.PluralEN(n, "case", "cases"))
		case cfg.lang == "uk":
			fmt.Fprintln(stderr, "aidcalc: жодну справу не вдалося оцінити; нічого не записано")
		default:
			fmt.Fprintln(stderr, "aidcalc: no case could be evaluated; nothing written")
		}
		return 1
	}
	if err := sink.finish(); err != nil {
		return fail(err)
	}
	if len(probs) > 0 {
		if err := writeProblems(&outs, cfg, probs); err != nil {
			return fail(err)
		}
	}
	if err := outs.Commit(); err != nil {
		fmt.Fprintln(stderr, "aidcalc:", err)
		return 1
	}
	if err := sink.print(); err != nil {
		fmt.Fprintln(stderr, "aidcalc:", err)
		return 1
	}
	if len(probs) > 0 {
		if where := problemsPath(cfg); where != "" {
			n := problems.Cases(probs)
			if cfg.lang == "uk" {
				fmt.Fprintf(stderr, "aidcalc: пропущено %s з проблемами; їх перелічено в %s\n", law.PluralUK(n, "справу", "справи", "справ"), cli.Safe(where))
			} else {
				fmt.Fprintf(stderr, "aidcalc: %s with problems left out; listed in %s\n", law.PluralEN(n, "case", "cases"), cli.Safe(where))
			}
		}
		return 1
	}
	return 0
}

// A place is where a case was read: its file and, for a JSON file, its
// line.
type place struct {
	file string
	line int
}

func (p place) String() string {
	if p.line > 0 {
		return fmt.Sprintf("%s:%d", cli.Safe(p.file), p.line)
	}
	return cli.Safe(p.file)
}

// inputSource yields the cases of every input in turn: the embedded
// samples when there is none, a JSON case file read case by case, a
// folder of case tables read case by case. It reports a case ID used
// twice anywhere in the inputs, with both places.
type inputSource struct {
	files              []string
	stdin              io.Reader
	stderr             io.Writer
	lang               string
	maxCase            int
	maxRecord, maxRows int
	meter              *progress.Meter

	i       int
	name    string // the input being read
	dec     *prisoner.Decoder
	tables  *export.CaseTablesReader
	closers []func()
	started bool

	index   int       // items yielded
	spans   []span    // which input each index came from
	seen    idset.Set // case IDs across inputs: the input (its span) and line
	pending error     // a problem of an input, yielded before its next case
	mu      sync.Mutex
	lines   map[int]int // index -> line, for the cases in flight
}

// A span is the first index of the cases read from one input.
type span struct {
	first int
	name  string
}

func (s *inputSource) countTables() int {
	n := 0
	for _, f := range s.files {
		if info, err := os.Stat(f); err == nil && info.IsDir() {
			c, _ := cli.CountCases(f)
			n += c
		}
	}
	return n
}

// fileOf returns the input the case of index i came from.
func (s *inputSource) fileOf(i int) string {
	k := sort.Search(len(s.spans), func(k int) bool { return s.spans[k].first > i }) - 1
	if k < 0 {
		return ""
	}
	return s.spans[k].name
}

// inputError is a problem of an input rather than of a case: a syntax
// error that stops the reading of a file, a file that cannot be opened.
type inputError struct{ ps []problems.Problem }

func (e *inputError) Error() string { return e.ps[0].Message }

// errDuplicate is the error of a case whose ID was used before.
type errDuplicate struct{ first, here place }

func (e *errDuplicate) Error() string { return "the same case ID is at " + e.first.String() }

func (s *inputSource) next() (prisoner.Case, error) {
	if err := s.pending; err != nil {
		s.pending = nil
		s.index++
		return prisoner.Case{}, err
	}
	for {
		var (
			c    prisoner.Case
			err  error
			line int
		)
		if err := s.pending; err != nil {
			s.pending = nil
			s.index++
			return prisoner.Case{}, err
		}
		switch {
		case s.dec != nil:
			c, err = s.dec.Next()
			line = s.dec.Line()
		case s.tables != nil:
			c, err = s.tables.Next()
		default:
			if !s.open() {
				return prisoner.Case{}, io.EOF
			}
			continue
		}
		if err == io.EOF {
			s.dec, s.tables = nil, nil
			for _, f := range s.closers {
				f()
			}
			s.closers = nil
			continue
		}
		s.index++
		var fe *prisoner.FileError
		if errors.As(err, &fe) && fe.Err != nil {
			// The input cannot be read on: a problem of its own, not a
			// case's.
			msg := fe.Err.Error()
			if fe.Message.EN != "" {
				msg = fe.Message.In(s.lang)
			}
			return prisoner.Case{}, &inputError{[]problems.Problem{{File: s.name, Line: fe.Line, Column: fe.Column, Code: "syntax", Message: msg}}}
		}
		// A file checks its own case IDs (prisoner.Decoder and
		// export.CaseTablesReader report a repeated one); only across
		// several inputs is there more to check.
		if err == nil && c.ID != "" && len(s.files) > 1 {
			here := place{s.name, line}
			if at, dup := s.seen.Add(c.ID, int64(len(s.spans)-1)<<32|int64(uint32(line))); dup {
				first := place{s.spans[at>>32].name, int(uint32(at))}
				return c, &errDuplicate{first, here}
			}
		}
		if line > 0 {
			s.mu.Lock()
			s.lines[s.index-1] = line
			s.mu.Unlock()
		}
		return c, err
	}
}

// lineOf returns, and forgets, the line the case of index i starts on in
// a JSON file (0 if it was not read from one). The lines of the cases in
// flight are kept: at most the batch's window.
func (s *inputSource) lineOf(i int) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	l := s.lines[i]
	delete(s.lines, i)
	return l
}

// open starts the next input; false when there is none left.
func (s *inputSource) open() bool {
	if len(s.files) == 0 {
		if s.started {
			return false
		}
		s.started = true
		s.begin("embedded samples")
		s.dec = prisoner.NewDecoder(bytes.NewReader(samples.JSON()), prisoner.DecodeOptions{})
		s.meter.Total += 13
		return true
	}
	if s.i >= len(s.files) {
		return false
	}
	name := s.files[s.i]
	s.i++
	if info, err := os.Stat(name); err == nil && info.IsDir() {
		s.begin(name)
		src, closeAll, err := cli.OpenTables(name)
		if err != nil {
			s.pending = &inputError{[]problems.Problem{{File: name, Code: "unreadable", Message: err.Error()}}}
			return true
		}
		s.closers = append(s.closers, closeAll)
		src.MaxRecordBytes, src.MaxRowsPerCase = s.maxRecord, s.maxRows
		s.tables = export.NewCaseTablesReader(src)
		return true
	}
	if strings.EqualFold(filepath.Ext(name), ".xlsx") {
		s.begin(name)
		f, err := os.Open(name)
		if err == nil {
			var closeBook func() error
			var cr *export.CaseTablesReader
			cr, closeBook, err = export.NewCaseWorkbookReader(f, name, export.Sources{MaxRecordBytes: s.maxRecord, MaxRowsPerCase: s.maxRows})
			f.Close() // read whole into memory as a zip
			if err == nil {
				s.closers = append(s.closers, func() { closeBook() })
				s.tables = cr
				return true
			}
		}
		s.pending = &inputError{[]problems.Problem{{File: name, Code: "unreadable", Message: err.Error()}}}
		return true
	}
	var r io.Reader = s.stdin
	if name == "-" {
		name = "standard input"
		if s.lang == "uk" {
			name = "стандартний ввід"
		}
	} else {
		f, err := os.Open(name)
		if err != nil {
			s.begin(name)
			s.pending = &inputError{[]problems.Problem{{File: name, Code: "unreadable", Message: err.Error()}}}
			return true
		}
		s.closers = append(s.closers, func() { f.Close() })
		r = f
	}
	s.begin(name)
	s.dec = prisoner.NewDecoder(testCase(r), prisoner.DecodeOptions{MaxCaseBytes: s.maxCase})
	return true
}

// testCase returns r, or, when r holds a legal test case (package
// lawcase: a name, a case and what it expects), the case in it: the same
// file runs in lawcheck and in aidcalc. Only a small file is looked at;
// a large one is read as it comes.
func testCase(r io.Reader) io.Reader {
	const small = 4 << 20
	head := make([]byte, small+1)
	n, err := io.ReadFull(r, head)
	head = head[:n]
	if err == nil { // more than small: a case file, read on
		return io.MultiReader(bytes.NewReader(head), r)
	}
	if c, ok := lawcase.CaseOf(head); ok {
		return bytes.NewReader(c)
	}
	if err != io.EOF && err != io.ErrUnexpectedEOF {
		return io.MultiReader(bytes.NewReader(head), errReader{err})
	}
	return bytes.NewReader(head)
}

// errReader returns its error on every read.
type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

func (s *inputSource) begin(name string) {
	s.name = name
	s.spans = append(s.spans, span{first: s.index, name: name})
}

// problems turns the error of a batch item into problem rows.
func (s *inputSource) problemsOf(it aid.Item, line int) []problems.Problem {
	file := s.fileOf(it.Index)
	id := cli.Safe(it.CaseID)
	var (
		ce  *prisoner.CaseError
		te  *export.TableError
		ve  *prisoner.ValidationError
		dup *errDuplicate
		ie  *inputError
		out []problems.Problem
	)
	switch {
	case errors.As(it.Err, &ie):
		out = ie.ps
	case errors.As(it.Err, &ce):
		for _, f := range ce.Fields {
			out = append(out, problems.Problem{File: file, CaseID: id, Line: ce.Line, Path: f.Path, Code: string(f.Code), Message: f.Message.In(s.lang)})
		}
	case errors.As(it.Err, &te):
		for _, p := range te.Problems {
			out = append(out, problems.FromCell(p, s.lang))
		}
	case errors.As(it.Err, &ve):
		for _, f := range ve.Fields {
			out = append(out, problems.Problem{File: file, CaseID: id, Line: line, Path: f.Path, Code: string(f.Code), Message: f.Message.In(s.lang)})
		}
	case errors.As(it.Err, &dup):
		msg := "the same case ID is also at " + dup.first.String()
		if s.lang == "uk" {
			msg = "такий самий ідентифікатор справи є також у " + dup.first.String()
		}
		out = append(out, problems.Problem{File: file, CaseID: id, Line: dup.here.line, Path: "id", Code: string(prisoner.CodeDuplicate), Message: msg})
	default:
		out = problems.FromHistory(file, id, line, it.Err, s.lang)
	}
	return out
}
