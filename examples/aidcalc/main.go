// Command aidcalc is the main job of the captivity library: it reads case
// files, validates them, derives each case's legal status and decides every
// aid claim under Law 2010-IX, printing the results.
//
// With no arguments it runs on the synthetic sample cases embedded in the
// program:
//
//	go run ./examples/aidcalc
//
// Flags:
//
//	-in PATH        a case file (JSON array or JSON Lines), or a folder of case tables
//	                (cases.csv, episodes.csv, family.csv, events.csv); repeatable; - is standard input
//	-as-of DATE     the evaluation day, YYYY-MM-DD (default: today, in Kyiv time)
//	-timeline       print every change of state with its day and legal ground
//	-format F       table (default), json or csv
//	-out PATH       the output: a file for table and json, a folder for csv (required for csv)
//	-excel          CSV with a byte-order mark and CRLF line ends, for spreadsheets
//	-cases-out DIR  also write the cases read as case tables into DIR
//	-redact         drop names, RNOKPP and birth dates from the case tables written
//	-rules FILE     a rule set in JSON (see aid.LoadRuleSet); default RPS-1
//	-explain ID     print the reasoning of every decision of case ID
//	-compare ALT    compare every case under the rule set with ALT: a rule-set file,
//	                SETTING=VALUE (one setting of the rule set changed), or draft6700
//	                (the 2017 draft, never enacted); per claim what changed and why,
//	                who gains and who loses, the total cost. With -format json: one
//	                comparison per line; with -format csv: comparison.csv in -out
//	-lang L         en (default) or uk, for messages, explanations and CSV headers
//	-strict         write nothing when any case has a problem
//	-quiet          print no progress; -progress prints it every second even when
//	                standard error is not a terminal (where it is, it does anyway)
//	-max-case-bytes N  the largest single case of a JSON case file (default 1 MiB);
//	                a file may hold any number of cases
//	-max-record-bytes N, -max-case-rows N  the largest row of a case table (1 MiB) and
//	                the most rows of one case (571); memory stays under their product
//	                with the batch's window, whatever the size of the files
//	-window N       the most cases held at once (default 64 per core)
//
// Every input is read case by case and every output is written as the
// cases come, so a register of any size runs in flat memory, the table
// output included. Outputs are whole or absent: they are written beside
// their targets and moved into place at the end; a run that fails leaves
// what was there before.
//
// On bad input it prints one line per problem, with the file, the line
// and the JSON path (or the file, line and column of a CSV cell), and
// exits 1. The cases without problems are still written, and the problems
// are listed in a report (problems.csv in a -format csv folder,
// FILE.problems.csv beside -out FILE); with -strict, or when no case is
// good, nothing is written.
//
// # Output
//
// With -format json the output is JSON Lines: one object per case, as
// export.Report describes and export/report.schema.json validates (the
// case's stamp, each episode's status on as_of, the timeline, every
// decision with its trace, entitlements on as_of, recoveries). With
// -format csv the folder gets status.csv, timeline.csv, decisions.csv,
// entitlements.csv and recoveries.csv, whose columns export.ReportCSVWriter
// documents. Amounts are strings with two decimals; dates are YYYY-MM-DD.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/export"
	"github.com/uacaptivity/captivity/internal/cli"
	"github.com/uacaptivity/captivity/internal/samples"
	"github.com/uacaptivity/captivity/prisoner"
	"github.com/uacaptivity/captivity/status"
)

func main() {
	cli.TuneGC()
	if cli.IsTerminal(os.Stderr) {
		liveProgress = true
	}
	today := civil.DateOf(time.Now(), cli.Kyiv())
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, today, time.Now))
}

// liveProgress is whether progress is shown every second by default: when
// standard error is a terminal. Set once, in main.
var liveProgress bool

type inputs []string

func (i *inputs) String() string     { return strings.Join(*i, ",") }
func (i *inputs) Set(s string) error { *i = append(*i, s); return nil }

type config struct {
	in       inputs
	asOf     civil.Date
	timeline bool
	format   string
	out      string
	rules    string
	explain  string
	lang     string
	excel    bool
	redact   bool
	casesOut string
	compare  string
	strict   bool
	quiet    bool
	progress bool

	maxCaseBytes   int
	maxRecordBytes int
	maxCaseRows    int
	window         int
}

func (cfg config) csvOptions() export.CSVOptions {
	o := export.CSVOptions{Excel: cfg.excel, Redact: cfg.redact}
	if cfg.lang == "uk" {
		o.Headers = export.Ukrainian
	}
	return o
}

// run is the program; it returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, today civil.Date, now func() time.Time) int {
	cfg, err := parseFlags(args, stderr, today)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintln(stderr, "aidcalc:", err)
		return 2
	}
	rs := aid.Default()
	if cfg.rules != "" {
		f, err := os.Open(cfg.rules)
		if err != nil {
			fmt.Fprintln(stderr, "aidcalc:", err)
			return 1
		}
		rs, err = aid.LoadRuleSet(f)
		f.Close()
		if err != nil {
			fmt.Fprintf(stderr, "aidcalc: %s: %v\n", cfg.rules, err)
			return 1
		}
	}
	if cfg.compare != "" {
		return runCompare(cfg, rs, stdin, stdout, stderr)
	}
	return runStream(cfg, rs, stdin, stdout, stderr, now)
}

func parseFlags(args []string, stderr io.Writer, today civil.Date) (config, error) {
	var cfg config
	fs := flag.NewFlagSet("aidcalc", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asOf := fs.String("as-of", "", "evaluation day YYYY-MM-DD (default today)")
	fs.Var(&cfg.in, "in", "case file (JSON array or JSON Lines); repeatable; - for standard input")
	fs.BoolVar(&cfg.timeline, "timeline", false, "print every change of state")
	fs.StringVar(&cfg.format, "format", "table", "output format: table, json or csv")
	fs.StringVar(&cfg.out, "out", "", "write output to this file (a folder for csv)")
	fs.BoolVar(&cfg.excel, "excel", false, "CSV with a byte-order mark and CRLF line ends")
	fs.BoolVar(&cfg.redact, "redact", false, "drop personal data from the case tables written")
	fs.StringVar(&cfg.casesOut, "cases-out", "", "write the cases read as case tables into this folder")
	fs.StringVar(&cfg.compare, "compare", "", "compare with a rule-set file, SETTING=VALUE, or draft6700")
	fs.StringVar(&cfg.rules, "rules", "", "rule set file (JSON)")
	fs.StringVar(&cfg.explain, "explain", "", "print the reasoning of the decisions of this case")
	fs.StringVar(&cfg.lang, "lang", "en", "language of messages: en or uk")
	fs.BoolVar(&cfg.strict, "strict", false, "write nothing when any case has a problem")
	fs.BoolVar(&cfg.quiet, "quiet", false, "print no progress")
	fs.BoolVar(&cfg.progress, "progress", false, "print progress every second even when standard error is not a terminal")
	fs.IntVar(&cfg.maxCaseBytes, "max-case-bytes", prisoner.DefaultMaxCaseBytes, "the largest single case of a JSON case file, in bytes")
	fs.IntVar(&cfg.maxRecordBytes, "max-record-bytes", export.DefaultMaxRecordBytes, "the largest row of a case table, in bytes")
	fs.IntVar(&cfg.maxCaseRows, "max-case-rows", export.DefaultMaxRowsPerCase, "the most rows one case may have in the case tables")
	fs.IntVar(&cfg.window, "window", 0, "the most cases held at once (read and not yet written); 0: 64 per core")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	cfg.progress = cfg.progress || liveProgress
	if fs.NArg() > 0 {
		return cfg, fmt.Errorf("unexpected argument %q (case files go after -in)", fs.Arg(0))
	}
	cfg.asOf = today
	if *asOf != "" {
		d, err := civil.Parse(*asOf)
		if err != nil {
			return cfg, fmt.Errorf("-as-of: %w", err)
		}
		cfg.asOf = d
	}
	switch cfg.format {
	case "table", "json":
	case "csv":
		if cfg.out == "" {
			return cfg, fmt.Errorf("-format csv writes a folder of tables: give it with -out DIR")
		}
	default:
		return cfg, fmt.Errorf("-format: %q is not table, json or csv", cfg.format)
	}
	if cfg.lang != "en" && cfg.lang != "uk" {
		return cfg, fmt.Errorf("-lang: %q is not en or uk", cfg.lang)
	}
	return cfg, nil
}

// load reads every input; on any problem it reports them all and returns
// false.
func load(files []string, stdin io.Reader, stderr io.Writer, lang string) ([]prisoner.Case, string, bool) {
	if len(files) == 0 {
		cs, err := prisoner.Decode(bytes.NewReader(samples.JSON()), prisoner.DecodeOptions{})
		if err != nil {
			report(stderr, "embedded samples", err, lang)
			return nil, "", false
		}
		return cs, "embedded sample cases", true
	}
	var all []prisoner.Case
	ok := true
	seen := map[string]string{}
	add := func(name string, cs []prisoner.Case) {
		for _, c := range cs {
			if first, dup := seen[c.ID]; dup {
				fmt.Fprintf(stderr, "%s: case %s: id: the same ID is in %s\n", name, c.ID, first)
				ok = false
			}
			seen[c.ID] = name
		}
		all = append(all, cs...)
	}
	for _, name := range files {
		var cs []prisoner.Case
		var err error
		if info, serr := os.Stat(name); serr == nil && info.IsDir() {
			cs, err = export.ReadCaseTables(os.DirFS(name), ".")
		} else {
			cs, name, err = decodeFile(name, stdin)
		}
		if err != nil {
			report(stderr, name, err, lang)
			ok = false
			continue
		}
		add(name, cs)
	}
	return all, strings.Join(files, ", "), ok
}

// decodeFile reads a case file, or standard input for "-"; it returns the
// name to use in messages.
func decodeFile(name string, stdin io.Reader) ([]prisoner.Case, string, error) {
	if name == "-" {
		cs, err := prisoner.Decode(stdin, prisoner.DecodeOptions{})
		return cs, "standard input", err
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, name, err
	}
	defer f.Close()
	cs, err := prisoner.Decode(f, prisoner.DecodeOptions{})
	return cs, name, err
}

func report(w io.Writer, name string, err error, lang string) {
	var fe *prisoner.FileError
	if errors.As(err, &fe) {
		for _, l := range fe.Lines(lang) {
			fmt.Fprintf(w, "%s: %s\n", name, l)
		}
		return
	}
	var te *export.TableError
	if errors.As(err, &te) {
		for _, l := range te.Lines(lang) {
			fmt.Fprintf(w, "%s: %s\n", name, l)
		}
		return
	}
	fmt.Fprintf(w, "%s: %v\n", name, err)
}

func reportEvalError(w io.Writer, id string, err error, lang string) {
	var he *status.HistoryError
	if errors.As(err, &he) {
		for _, p := range he.Problems {
			fmt.Fprintf(w, "case %s: %s (seq %d): %s\n", id, p.Path, p.Seq, p.Message.In(lang))
		}
		return
	}
	var ve *prisoner.ValidationError
	if errors.As(err, &ve) {
		for _, f := range ve.Fields {
			fmt.Fprintf(w, "case %s: %s: %s\n", id, f.Path, f.Message.In(lang))
		}
		return
	}
	fmt.Fprintf(w, "case %s: %v\n", id, err)
}

func statusLine(r *aid.Result, asOf civil.Date, lang string) string {
	var parts []string
	for _, et := range r.Timeline.Episodes {
		s := et.At(asOf)
		label := s.State.String()
		if lang == "uk" {
			label = s.State.Label().UK
		}
		p := et.Episode + ": " + label
		if !s.Since.IsZero() {
			p += " since " + s.Since.String()
		}
		if s.Suspended {
			p += " (suspended)"
		}
		if s.Excluded {
			p += " (excluded)"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, "; ")
}

func years(d aid.Decision) string {
	if len(d.Years) == 0 {
		var sh []string
		if len(d.Shares) > 1 {
			for _, s := range d.Shares {
				sh = append(sh, s.Party+" "+s.Amount.String())
			}
			return "shares: " + strings.Join(sh, ", ")
		}
		return ""
	}
	var ks []string
	for _, y := range d.Years {
		k := fmt.Sprint(y.ID)
		if y.PreLaw {
			k += "*"
		}
		ks = append(ks, k)
	}
	return "years " + strings.Join(ks, ",")
}

func unique(s []string) []string {
	var out []string
	for _, x := range s {
		if len(out) == 0 || out[len(out)-1] != x {
			out = append(out, x)
		}
	}
	return out
}
