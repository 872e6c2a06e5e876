package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/export"
	"github.com/uacaptivity/captivity/internal/cli"
	"github.com/uacaptivity/captivity/internal/progress"
	"github.com/uacaptivity/captivity/internal/samples"
	"github.com/uacaptivity/captivity/prisoner"
)

// runStream is the JSON and CSV path: inputs are read case by case,
// evaluated over aid.Batch and written as they come, so memory does not
// grow with the number of cases. A case with problems is reported (with
// its case ID) and left out; the others go on, and the exit status is 1.
func runStream(cfg config, rs aid.RuleSet, stdin io.Reader, stdout, stderr io.Writer, now func() time.Time) int {
	src := &inputSource{files: cfg.in, stdin: stdin, stderr: stderr, lang: cfg.lang}
	meter := progress.Meter{W: stderr, Prefix: "aidcalc", Now: now, Total: src.countTables()}
	src.meter = &meter

	var write func(*aid.Result) error
	var flush func() error
	switch cfg.format {
	case "json":
		var w io.Writer = stdout
		if cfg.out != "" {
			f, err := os.Create(cfg.out)
			if err != nil {
				fmt.Fprintln(stderr, "aidcalc:", err)
				return 1
			}
			defer f.Close()
			w = f
		}
		jw := export.NewJSONWriter(w, cfg.asOf)
		write, flush = jw.Write, jw.Flush
	case "csv":
		f, finish, err := createAll(cfg.out, export.StatusFile, export.TimelineFile, export.DecisionsFile, export.EntitlementsFile, export.RecoveriesFile)
		if err != nil {
			fmt.Fprintln(stderr, "aidcalc:", err)
			return 1
		}
		rw := export.NewReportCSVWriter(export.ReportTables{Status: f[0], Timeline: f[1], Decisions: f[2], Entitlements: f[3], Recoveries: f[4]},
			cfg.asOf, cfg.csvOptions())
		write = rw.Write
		flush = func() error {
			err := rw.Flush()
			if cerr := finish(); err == nil {
				err = cerr
			}
			return err
		}
	}
	next := src.next
	var casesFinish func() error
	if cfg.casesOut != "" {
		f, finish, err := createAll(cfg.casesOut, export.CasesFile, export.EpisodesFile, export.FamilyFile, export.EventsFile)
		if err != nil {
			fmt.Fprintln(stderr, "aidcalc:", err)
			return 1
		}
		tw := export.NewCaseTablesWriter(export.Tables{Cases: f[0], Episodes: f[1], Family: f[2], Events: f[3]}, cfg.csvOptions())
		next = func() (prisoner.Case, error) {
			c, err := src.next()
			if err == nil {
				err = tw.Write(c)
			}
			return c, err
		}
		casesFinish = func() error {
			err := tw.Flush()
			if cerr := finish(); err == nil {
				err = cerr
			}
			return err
		}
	}
	failed := 0
	err := aid.New(rs).Batch(context.Background(), next, func(it aid.Item) error {
		meter.Tick()
		if it.Err != nil {
			failed++
			reportEvalError(stderr, it.CaseID, it.Err, cfg.lang)
			return nil
		}
		return write(it.Result)
	}, aid.BatchOptions{})
	if err == nil {
		err = flush()
	}
	if err == nil && casesFinish != nil {
		err = casesFinish()
	}
	meter.Finish()
	if err != nil {
		fmt.Fprintln(stderr, "aidcalc:", err)
		return 1
	}
	if failed > 0 || src.failed {
		return 1
	}
	return 0
}

// inputSource yields the cases of every input in turn: the embedded
// samples when there is none, a JSON case file decoded whole (files are
// bounded by prisoner.DefaultMaxBytes), a folder of case tables read case
// by case.
type inputSource struct {
	files  []string
	stdin  io.Reader
	stderr io.Writer
	lang   string
	meter  *progress.Meter
	failed bool

	i       int
	pending []prisoner.Case
	tables  *export.CaseTablesReader
	closers []func()
	started bool
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

func (s *inputSource) next() (prisoner.Case, error) {
	for {
		if len(s.pending) > 0 {
			c := s.pending[0]
			s.pending = s.pending[1:]
			return c, nil
		}
		if s.tables != nil {
			c, err := s.tables.Next()
			if err == io.EOF {
				s.tables = nil
				for _, f := range s.closers {
					f()
				}
				s.closers = nil
				continue
			}
			return c, err
		}
		if !s.open() {
			return prisoner.Case{}, io.EOF
		}
	}
}

// open starts the next input; false when there is none left.
func (s *inputSource) open() bool {
	if len(s.files) == 0 {
		if s.started {
			return false
		}
		s.started = true
		cs, _ := prisoner.Decode(bytes.NewReader(samples.JSON()), prisoner.DecodeOptions{})
		s.pending = cs
		s.meter.Total += len(cs)
		return true
	}
	if s.i >= len(s.files) {
		return false
	}
	name := s.files[s.i]
	s.i++
	if info, err := os.Stat(name); err == nil && info.IsDir() {
		src, closeAll, err := cli.OpenTables(name)
		if err != nil {
			fmt.Fprintln(s.stderr, "aidcalc:", err)
			s.failed = true
			return true
		}
		s.closers = append(s.closers, closeAll)
		s.tables = export.NewCaseTablesReader(src)
		return true
	}
	cs, name, err := decodeFile(name, s.stdin)
	if err != nil {
		report(s.stderr, name, err, s.lang)
		s.failed = true
		return true
	}
	s.pending = cs
	s.meter.Total += len(cs)
	return true
}
