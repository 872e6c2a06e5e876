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
//	                OPTION=VALUE (one option of LAW.md §8 changed), or draft6700
//	                (the 2017 draft, never enacted); per claim what changed and why,
//	                who gains and who loses, the total cost. With -format json: one
//	                comparison per line; with -format csv: comparison.csv in -out
//	-lang L         en (default) or uk, for messages, explanations and CSV headers
//
// On bad input it prints one line per problem, with the file and the
// JSON path (or the file, line and column of a CSV cell), prints nothing
// else, and exits 1.
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
	"path/filepath"
	"strings"
	"text/tabwriter"
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
	today := civil.DateOf(time.Now(), cli.Kyiv())
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, today, time.Now))
}

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
	if cfg.format != "table" {
		return runStream(cfg, rs, stdin, stdout, stderr, now)
	}
	cases, source, ok := load(cfg.in, stdin, stderr, cfg.lang)
	if !ok {
		return 1
	}
	results := make([]*aid.Result, 0, len(cases))
	bad := false
	for _, c := range cases {
		r, err := aid.Evaluate(c, rs)
		if err != nil {
			bad = true
			reportEvalError(stderr, c.ID, err, cfg.lang)
			continue
		}
		results = append(results, r)
	}
	if bad {
		return 1
	}
	if cfg.casesOut != "" {
		if err := writeCaseTables(cfg.casesOut, cases, cfg.csvOptions()); err != nil {
			fmt.Fprintln(stderr, "aidcalc:", err)
			return 1
		}
	}
	var out bytes.Buffer
	if err := writeTable(&out, results, cases, cfg, rs, source); err != nil {
		fmt.Fprintln(stderr, "aidcalc:", err)
		return 1
	}
	if cfg.out != "" {
		if err := os.WriteFile(cfg.out, out.Bytes(), 0o644); err != nil {
			fmt.Fprintln(stderr, "aidcalc:", err)
			return 1
		}
		return 0
	}
	if _, err := stdout.Write(out.Bytes()); err != nil {
		return 1
	}
	return 0
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
	fs.StringVar(&cfg.compare, "compare", "", "compare with a rule-set file, OPTION=VALUE, or draft6700")
	fs.StringVar(&cfg.rules, "rules", "", "rule set file (JSON)")
	fs.StringVar(&cfg.explain, "explain", "", "print the reasoning of the decisions of this case")
	fs.StringVar(&cfg.lang, "lang", "en", "language of messages: en or uk")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
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

func writeTable(w io.Writer, results []*aid.Result, cases []prisoner.Case, cfg config, rs aid.RuleSet, source string) error {
	fmt.Fprintf(w, "%d cases from %s, evaluated on %s under rule set %s\n\n", len(results), source, cfg.asOf, rs.Name)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "CASE\tCATEGORY\tEPISODES\tFAMILY\tEVENTS\tSTATUS ON "+cfg.asOf.String())
	for i, r := range results {
		c := cases[i]
		var cats []string
		for _, e := range c.Episodes {
			cats = append(cats, e.Category.String())
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%s\n", c.ID, strings.Join(unique(cats), ","), len(c.Episodes), len(c.Family), len(c.Events), statusLine(r, cfg.asOf, cfg.lang))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if cfg.timeline {
		fmt.Fprintln(w, "\nTimelines")
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "CASE\tEPISODE\tDATE\tFROM\tTO\tEVENT\tGROUND")
		for _, r := range results {
			for _, et := range r.Timeline.Episodes {
				for _, ch := range et.Changes {
					ev := fmt.Sprintf("#%d %s", ch.Seq, ch.Signal)
					if ch.Event < 0 {
						ev = ch.Signal.String()
					}
					ground := ch.Ground.Code()
					if ch.Conf.Letter() == "U" {
						ground += " [U]"
					}
					if ch.Deferred {
						ground += " (dated before 2022-11-19; takes effect then)"
					}
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.CaseID, et.Episode, ch.Date, ch.From, ch.To, ev, ground)
				}
			}
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	fmt.Fprintln(w, "\nClaims")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "CASE\tSEQ\tDATE\tEPISODE\tAID\tCLAIMANT\tDECISION\tAMOUNT\tYEARS / REASON")
	var total aid.Money
	granted, refused := 0, 0
	for _, r := range results {
		for _, d := range r.Decisions {
			if d.Granted {
				granted++
				total = total.Add(d.Amount)
				fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\tgranted\t%s\t%s\n", r.CaseID, d.Seq, d.Date, d.Episode, d.Aid, d.Claimant, d.Amount, years(d))
			} else {
				refused++
				fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\trefused\t\t%s\n", r.CaseID, d.Seq, d.Date, d.Episode, d.Aid, d.Claimant, d.Refusal)
			}
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w, "\nTotals per case")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "CASE\tCLAIMS\tGRANTED (UAH)\tRECOVERY DUE (UAH)\t")
	for _, r := range results {
		var rec aid.Money
		for _, x := range r.Recoveries {
			rec = rec.Add(x.Amount)
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t\n", r.CaseID, len(r.Decisions), r.Granted(), rec)
	}
	fmt.Fprintf(tw, "all\t%d\t%s\t\t\n", granted+refused, total)
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%d claims granted, %d refused; UAH %s granted in all.\n", granted, refused, total)
	fmt.Fprintln(w, "Years marked * belong to the pre-law block (Law 2010-IX, Art. 17(6)).")
	if cfg.explain != "" {
		found := false
		for _, r := range results {
			if r.CaseID != cfg.explain {
				continue
			}
			found = true
			fmt.Fprintf(w, "\nExplanation of case %s (stamp: %s %s params %.12s input %.12s)\n", r.CaseID, r.Stamp.Module, r.Stamp.RuleSet, r.Stamp.ParamsHash, r.Stamp.InputHash)
			for _, d := range r.Decisions {
				fmt.Fprint(w, d.Explain(cfg.lang))
			}
			for _, x := range r.Recoveries {
				fmt.Fprintf(w, "recovery due: %s %s from %s (%s)\n", x.Aid, x.Amount, x.Payee, x.Citation.EN())
			}
		}
		if !found {
			return fmt.Errorf("-explain: no case %q", cfg.explain)
		}
	}
	return nil
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

// createAll creates dir and the named files in it. finish closes them all
// and reports the first error; call it once the writing is flushed. On an
// error, the files created so far are closed.
func createAll(dir string, names ...string) (files []*os.File, finish func() error, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, nil, err
	}
	finish = func() error {
		var first error
		for _, f := range files {
			if err := f.Close(); err != nil && first == nil {
				first = err
			}
		}
		return first
	}
	for _, n := range names {
		f, err := os.Create(filepath.Join(dir, n))
		if err != nil {
			_ = finish()
			return nil, nil, err
		}
		files = append(files, f)
	}
	return files, finish, nil
}

// writeCaseTables writes cases as the four case tables into dir.
func writeCaseTables(dir string, cases []prisoner.Case, opts export.CSVOptions) error {
	f, finish, err := createAll(dir, export.CasesFile, export.EpisodesFile, export.FamilyFile, export.EventsFile)
	if err != nil {
		return err
	}
	w := export.NewCaseTablesWriter(export.Tables{Cases: f[0], Episodes: f[1], Family: f[2], Events: f[3]}, opts)
	for _, c := range cases {
		if err = w.Write(c); err != nil {
			break
		}
	}
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if cerr := finish(); err == nil {
		err = cerr
	}
	return err
}
