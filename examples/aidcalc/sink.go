package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/export"
	"github.com/uacaptivity/captivity/internal/cli"
)

// A sink writes the results of one run in one format. write takes the
// results in input order; finish completes the output (in temporary
// files until the run commits them); print then copies to standard
// output what goes there; close removes the sink's own temporary files,
// however the run ended.
type sink struct {
	write    func(*aid.Result) error
	finishes []func() error
	printOut func() error
	closes   []func()
}

func (s *sink) onFinish(f func() error) { s.finishes = append(s.finishes, f) }

func (s *sink) close() {
	for _, f := range s.closes {
		f()
	}
}

func (s *sink) finish() error {
	for _, f := range s.finishes {
		if err := f(); err != nil {
			return err
		}
	}
	return nil
}

func (s *sink) print() error {
	if s.printOut == nil {
		return nil
	}
	return s.printOut()
}

// newSink makes the sink of cfg.format. Its files are created in outs.
func newSink(cfg config, rs aid.RuleSet, outs *cli.Outputs, stdout io.Writer) (*sink, error) {
	s := &sink{}
	switch cfg.format {
	case "jsonl", "json":
		var w io.Writer
		var toStdout io.WriteCloser
		if cfg.out != "" {
			f, err := outs.Create(cfg.out)
			if err != nil {
				return nil, err
			}
			w = f
		} else {
			// Reports to standard output stream as they come, written
			// from a goroutine of their own as a file's are.
			toStdout = cli.Background(stdout)
			s.closes = append(s.closes, func() { toStdout.Close() })
			w = toStdout
		}
		var arr *arrayWriter
		if cfg.format == "json" {
			arr = &arrayWriter{w: w}
			w = arr
		}
		jw := export.NewJSONWriter(w, cfg.asOf)
		s.write = jw.Write
		s.onFinish(jw.Flush)
		if arr != nil {
			s.onFinish(arr.Close)
		}
		if toStdout != nil {
			s.onFinish(toStdout.Close)
		}
	case "xlsx":
		target := cfg.out
		if !strings.EqualFold(filepath.Ext(target), ".xlsx") {
			target = filepath.Join(target, "reports.xlsx")
		}
		f, err := outs.Create(target)
		if err != nil {
			return nil, err
		}
		ww := export.NewReportWorkbookWriter(f, cfg.asOf, cfg.csvOptions())
		s.write = ww.Write
		s.onFinish(ww.Flush)
	case "csv":
		var f [6]*cli.Output
		for i, name := range []string{export.StatusFile, export.TimelineFile, export.DecisionsFile, export.EntitlementsFile, export.RecoveriesFile, export.WarningsFile} {
			var err error
			if f[i], err = outs.Create(filepath.Join(cfg.out, name)); err != nil {
				return nil, err
			}
		}
		rw := export.NewReportCSVWriter(export.ReportTables{Status: f[0], Timeline: f[1], Decisions: f[2], Entitlements: f[3], Recoveries: f[4], Warnings: f[5]},
			cfg.asOf, cfg.csvOptions())
		s.write = rw.Write
		s.onFinish(rw.Flush)
	default:
		t, err := newTableSink(cfg, rs)
		if err != nil {
			return nil, err
		}
		s.write = t.write
		s.closes = append(s.closes, t.close)
		if cfg.out != "" {
			dest, err := outs.Create(cfg.out)
			if err != nil {
				t.close()
				return nil, err
			}
			s.onFinish(func() error { return t.finish(dest) })
			break
		}
		dest, err := os.CreateTemp("", "aidcalc-table-*")
		if err != nil {
			t.close()
			return nil, err
		}
		s.closes = append(s.closes, func() { dest.Close(); os.Remove(dest.Name()) })
		// Without -out the table is made in a temporary file and printed
		// once it is whole.
		s.onFinish(func() error { return t.finish(dest) })
		s.printOut = func() error {
			defer os.Remove(dest.Name())
			defer dest.Close()
			if _, err := dest.Seek(0, io.SeekStart); err != nil {
				return err
			}
			_, err := io.Copy(stdout, dest)
			return err
		}
	}
	return s, nil
}

// tableRows is how many rows a section aligns at once: each block of
// this many rows is aligned on its own, so that memory stays flat for a
// register of any size (a run of fewer cases is aligned as one block).
const tableRows = 2000

// A section is one part of the table output, spooled to a temporary
// file as the results come, and aligned a block at a time.
type section struct {
	f    *os.File
	bw   *bufio.Writer
	tw   *tabwriter.Writer
	head string
	rows int
	fl   uint
}

func newSection(head string, flags uint) (*section, error) {
	f, err := os.CreateTemp("", "aidcalc-section-*")
	if err != nil {
		return nil, err
	}
	s := &section{f: f, bw: bufio.NewWriterSize(f, 64<<10), head: head, fl: flags}
	s.tw = tabwriter.NewWriter(s.bw, 0, 0, 2, ' ', flags)
	fmt.Fprintln(s.tw, head)
	return s, nil
}

func (s *section) row(format string, args ...any) {
	fmt.Fprintf(s.tw, format, args...)
	s.rows++
	if s.rows%tableRows == 0 {
		s.tw.Flush()
		s.tw = tabwriter.NewWriter(s.bw, 0, 0, 2, ' ', s.fl)
	}
}

// copyTo flushes the section and copies it to w.
func (s *section) copyTo(w io.Writer) error {
	if err := s.tw.Flush(); err != nil {
		return err
	}
	if err := s.bw.Flush(); err != nil {
		return err
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	_, err := io.Copy(w, s.f)
	return err
}

func (s *section) close() {
	s.f.Close()
	os.Remove(s.f.Name())
}

// tableSink writes the default table output: the status of every case,
// the timelines (with -timeline), every claim, the totals per case, and
// with -explain one case's reasoning. It holds no result after writing
// its rows, except the one to explain.
type tableSink struct {
	cfg                     config
	rs                      aid.RuleSet
	cases, timeline, claims *section
	totals, warnings        *section
	nWarnings               int
	n, granted, refused     int
	total                   aid.Money
	explained               *aid.Result
	source                  string
	w                       words
}

func newTableSink(cfg config, rs aid.RuleSet) (*tableSink, error) {
	t := &tableSink{cfg: cfg, rs: rs, source: "embedded sample cases", w: wordsFor(cfg.lang)}
	if cfg.lang == "uk" {
		t.source = "вбудованих зразків"
	}
	if len(cfg.in) > 0 {
		t.source = cli.Safe(strings.Join(cfg.in, ", "))
	}
	var err error
	mk := func(dst **section, head string, flags uint) {
		if err == nil {
			*dst, err = newSection(head, flags)
		}
	}
	mk(&t.cases, t.w.casesHead+cfg.asOf.String(), 0)
	if cfg.timeline {
		mk(&t.timeline, t.w.timelineHead, 0)
	}
	mk(&t.claims, t.w.claimsHead, 0)
	mk(&t.totals, t.w.totalsHead, tabwriter.AlignRight)
	mk(&t.warnings, t.w.warningsHead, 0)
	if err != nil {
		t.close()
		return nil, err
	}
	return t, nil
}

func (t *tableSink) close() {
	for _, s := range []*section{t.cases, t.timeline, t.claims, t.totals, t.warnings} {
		if s != nil {
			s.close()
		}
	}
}

func (t *tableSink) write(r *aid.Result) error {
	t.n++
	c := r.Case()
	uk := t.cfg.lang == "uk"
	var cats []string
	for _, e := range c.Episodes {
		if uk {
			cats = append(cats, e.Category.Label().UK)
		} else {
			cats = append(cats, e.Category.String())
		}
	}
	t.cases.row("%s\t%s\t%d\t%d\t%d\t%s\n", r.CaseID, strings.Join(unique(cats), ","), len(c.Episodes), len(c.Family), len(c.Events), statusLine(r, t.cfg.asOf, t.cfg.lang))
	if t.timeline != nil {
		for _, et := range r.Timeline.Episodes {
			for _, ch := range et.Changes {
				sig, from, to := ch.Signal.String(), ch.From.String(), ch.To.String()
				if uk {
					sig, from, to = ch.Signal.Label().UK, ch.From.Label().UK, ch.To.Label().UK
				}
				ev := fmt.Sprintf("#%d %s", ch.Seq, sig)
				if ch.Event < 0 {
					ev = sig
				}
				ground := ch.Ground.Code()
				if ch.Conf.Letter() == "U" {
					ground += " [U]"
				}
				if ch.Deferred {
					ground += t.w.deferred
				}
				t.timeline.row("%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.CaseID, et.Episode, ch.Date, from, to, ev, ground)
			}
		}
	}
	for _, d := range r.Decisions {
		kind, claimant := d.Aid.String(), d.Claimant
		if uk {
			kind, claimant = d.Aid.Label().UK, partyUK(d.Claimant)
		}
		if d.Granted {
			t.granted++
			t.total = t.total.Add(d.Amount)
			t.claims.row("%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.CaseID, d.Seq, d.Date, d.Episode, kind, claimant, t.w.granted, d.Amount, years(d, t.w))
		} else {
			t.refused++
			why := string(d.Refusal)
			if uk {
				why = d.Refusal.Message().UK
			}
			t.claims.row("%s\t%d\t%s\t%s\t%s\t%s\t%s\t\t%s\n", r.CaseID, d.Seq, d.Date, d.Episode, kind, claimant, t.w.refused, why)
		}
	}
	var rec aid.Money
	for _, x := range r.Recoveries {
		rec = rec.Add(x.Amount)
	}
	t.totals.row("%s\t%d\t%s\t%s\t\n", r.CaseID, len(r.Decisions), r.Granted(), rec)
	for _, x := range r.Warnings {
		seq := ""
		if x.Seq != 0 {
			seq = fmt.Sprintf("#%d", x.Seq)
		}
		t.warnings.row("%s\t%s\t%s\t%s\t%s\n", r.CaseID, seq, x.Path, x.Code, x.Message.In(t.cfg.lang))
		t.nWarnings++
	}
	if t.cfg.explain != "" && r.CaseID == t.cfg.explain {
		t.explained = r
	}
	return nil
}

// finish writes the whole table output to w and removes the sections.
func (t *tableSink) finish(w io.Writer) error {
	defer t.close()
	if t.cfg.explain != "" && t.explained == nil {
		return fmt.Errorf("-explain: no case %q", cli.Safe(t.cfg.explain))
	}
	bw := bufio.NewWriter(w)
	if t.explained != nil { // -explain: that case's reasoning, nothing else
		t.explain(bw)
		return bw.Flush()
	}
	fmt.Fprintf(bw, "%s\n\n", t.w.header(t.n, t.source, t.cfg.asOf.String(), cli.Safe(t.rs.Name)))
	if err := t.cases.copyTo(bw); err != nil {
		return err
	}
	if t.timeline != nil {
		fmt.Fprintln(bw, "\n"+t.w.timelines)
		if err := t.timeline.copyTo(bw); err != nil {
			return err
		}
	}
	fmt.Fprintln(bw, "\n"+t.w.claims)
	if err := t.claims.copyTo(bw); err != nil {
		return err
	}
	fmt.Fprintln(bw, "\n"+t.w.totals)
	t.totals.row("%s\t%d\t%s\t\t\n", t.w.all, t.granted+t.refused, t.total)
	if err := t.totals.copyTo(bw); err != nil {
		return err
	}
	fmt.Fprintf(bw, "\n%s\n", t.w.summary(t.granted, t.refused, t.total.String()))
	fmt.Fprintln(bw, t.w.preLawNote)
	if t.nWarnings > 0 {
		fmt.Fprintf(bw, "\n%s\n", t.w.warningsIntro(t.nWarnings))
		if err := t.warnings.copyTo(bw); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// explain writes the reasoning of the case of -explain: every decision's
// steps, its recoveries and its warnings.
func (t *tableSink) explain(bw *bufio.Writer) {
	r := t.explained
	fmt.Fprintln(bw, t.w.explanation(r.CaseID, r.Stamp.Module, r.Stamp.RuleSet, r.Stamp.ParamsHash, r.Stamp.InputHash))
	for _, d := range r.Decisions {
		fmt.Fprint(bw, d.Explain(t.cfg.lang))
	}
	for _, x := range r.Recoveries {
		kind, payee, cite := x.Aid.String(), x.Payee, x.Citation.EN()
		if t.cfg.lang == "uk" {
			kind, payee, cite = x.Aid.Label().UK, partyUK(x.Payee), x.Citation.UK()
		}
		fmt.Fprintln(bw, t.w.recovery(kind, x.Amount.String(), payee, cite))
	}
	for _, x := range r.Warnings {
		where := x.Path
		if x.Seq != 0 {
			where = t.w.event(x.Seq, x.Path)
		}
		fmt.Fprintln(bw, t.w.warning(string(x.Code), where, x.Message.In(t.cfg.lang)))
	}
}
