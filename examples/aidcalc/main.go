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
//	-format F       table (default), jsonl (one JSON report a line), json (one JSON array)
//	                or csv (a folder of tables); without it, taken from -out's name
//	                (.jsonl, .json), else table
//	-out PATH       the output: a file for table, jsonl and json, a folder for csv (required for csv)
//	-excel          CSV with a byte-order mark and CRLF line ends, for spreadsheets
//	-cases-out DIR  also write the cases read as case tables into DIR
//	-redact         drop names, RNOKPP and birth dates from the case tables written
//	-rules FILE     a rule set in JSON (see aid.LoadRuleSet); default RPS-1
//	-explain ID     print the reasoning of every decision of case ID
//	-compare ALT    compare every case under the rule set with ALT: a rule-set file,
//	                SETTING=VALUE (one setting of the rule set changed), or draft6700
//	                (the 2017 draft, never enacted); per claim what changed and why,
//	                who gains and who loses, the total cost. With -format jsonl: one
//	                comparison per line (json: one array); with -format csv:
//	                comparison.csv in -out
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
// A flag that does not apply to the chosen output (-redact without
// -cases-out, -excel with table or JSON output, -timeline or -explain
// with JSON or CSV) is an error that says why. -help prints what the
// program does, worked examples and the exit codes.
//
// With -format jsonl the output is JSON Lines (-format json: the same
// objects in one JSON array): one object per case, as
// export.Report describes and export/report.schema.json validates (the
// case's stamp, each episode's status on as_of, the timeline, every
// decision with its trace, entitlements on as_of, recoveries, warnings). With
// -format csv the folder gets status.csv, timeline.csv, decisions.csv,
// entitlements.csv, recoveries.csv and warnings.csv, whose columns export.ReportCSVWriter
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
	"slices"
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
	template string
	compare  string
	screen   bool
	project  bool
	calendar string
	strict   bool
	quiet    bool
	progress bool

	establishedOn civil.Date

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
	cfg, err := parseFlags(args, stdout, stderr, today)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		var printed errPrinted
		if errors.As(err, &printed) {
			return 2
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
	if cfg.template != "" {
		return runTemplate(cfg, stderr)
	}
	if cfg.compare != "" {
		return runCompare(cfg, rs, stdin, stdout, stderr)
	}
	if cfg.screen || cfg.project || cfg.calendar != "" {
		return runOpen(cfg, rs, stdin, stdout, stderr)
	}
	return runStream(cfg, rs, stdin, stdout, stderr, now)
}

// errPrinted is an error already written to standard error.
type errPrinted struct{ error }

// help is aidcalc's -help.
var help = cli.Help{
	Name:  "aidcalc",
	Usage: "[flags]",
	About: `aidcalc decides cases under Law 2010-IX: for each case it derives the legal
status of every episode, decides every aid claim with its amount and the
articles it rests on, and lists what is still open to claim. It reads case
files (a JSON array or JSON Lines, or a legal test case), or folders of case
tables (cases.csv, episodes.csv, family.csv, events.csv); without -in it runs
on 13 sample cases embedded in the program. Every input is read case by case,
so a register of any size runs in flat memory. Outputs are whole or absent.`,
	Examples: []string{
		"aidcalc -as-of 2026-11-28                              # the sample cases, as a table",
		"aidcalc -in register.jsonl -format csv -out reports/   # status.csv, decisions.csv, ... in reports/",
		"aidcalc -in tables/ -explain C-05 -lang uk             # one case's reasoning, in Ukrainian",
		"aidcalc -in cases.json -compare held_payee=equal_shares  # what one setting changes",
		"aidcalc -in open.json -screen                          # is the person covered, what is missing",
		"aidcalc -in open.json -project -calendar reminders.ics # what the family could claim, and when",
	},
	Exit: "0 every case decided; 1 a case has problems (the others are still written, unless -strict) or a file cannot be read or written; 2 a usage error.",
	UK: &cli.HelpUK{
		About: `aidcalc оцінює справи за Законом № 2010-IX: для кожної справи визначає правовий
статус кожного епізоду, вирішує кожне звернення по допомогу із сумою і статтями,
на яких рішення ґрунтується, і показує, що ще можна отримати. Читає файли справ
(масив JSON чи JSON Lines, або юридичний тест) чи теки таблиць справ (cases.csv,
episodes.csv, family.csv, events.csv); без -in працює на 13 зразках справ,
вбудованих у програму. Кожен вхід читається справа за справою, тож реєстр будь-якого
розміру займає сталу пам'ять. Вихідні файли з'являються цілими або не з'являються.`,
		Examples: []string{
			"aidcalc -as-of 2026-11-28 -lang uk                     # зразки справ, таблицею",
			"aidcalc -in реєстр.jsonl -format csv -out звіти/       # status.csv, decisions.csv тощо в теці звіти/",
			"aidcalc -in таблиці/ -explain C-05 -lang uk           # обґрунтування однієї справи українською",
			"aidcalc -in cases.json -compare held_payee=equal_shares  # що змінює одне налаштування",
			"aidcalc -in відкриті.json -screen -lang uk             # чи підпадає особа під закон, чого бракує",
			"aidcalc -in відкриті.json -project -calendar нагадування.ics -lang uk  # що й коли зможе отримати сім'я",
		},
		Exit: "0 — усі справи оцінено; 1 — у справі є проблеми (решта все одно записується, якщо не -strict) або файл не вдалося прочитати чи записати; 2 — помилка виклику.",
		Flags: map[string]string{
			"as-of":            "день оцінки, РРРР-ММ-ДД (типово сьогодні за київським часом)",
			"in":               "файл справ (масив JSON, JSON Lines, юридичний тест) або тека таблиць справ; можна кілька; - для стандартного вводу",
			"timeline":         "у табличному виводі — кожна зміна статусу (json і csv містять їх завжди)",
			"format":           "table (типово), jsonl (звіт JSON на рядок), json (один масив JSON), csv (тека таблиць) або xlsx (одна книга); типово — за назвою -out",
			"out":              "куди записати вивід: файл для table, jsonl і json, тека для csv",
			"excel":            "CSV з міткою порядку байтів і CRLF, для електронних таблиць (вивід csv і -cases-out)",
			"redact":           "прибрати ПІБ, РНОКПП і дати народження з таблиць справ -cases-out",
			"cases-out":        "також записати прочитані справи таблицями справ у цю теку або однією книгою у ФАЙЛ.xlsx",
			"template":         "записати книгу для введення справ (ФАЙЛ.xlsx) зі справою-прикладом та інструкцією і завершити",
			"compare":          "порівняти кожну справу з файлом набору правил, НАЛАШТУВАННЯ=ЗНАЧЕННЯ або draft6700",
			"rules":            "файл набору правил (JSON, налаштування за назвами); типово RPS-1",
			"screen":           "попередня оцінка справ, яких Комісія ще не вирішила: підпадає, не підпадає (і чому) чи неможливо сказати (і чого бракує); порада, а не статус",
			"project":          "прогноз для відкритих справ, наче Комісія встановила факт: що кожен зможе отримати, з якого й до якого дня",
			"established-on":   "з -project: день, на який припускається встановлення факту (типово день заяви плюс строк розгляду, 30 днів)",
			"calendar":         "записати календар того, що стає доступним або спливає (з -project — прогноз), у ФАЙЛ.ics (iCalendar), ФАЙЛ.csv, ФАЙЛ.xlsx або ФАЙЛ.jsonl",
			"explain":          "надрукувати лише обґрунтування кожного рішення цієї справи",
			"lang":             "мова повідомлень, обґрунтувань і заголовків CSV: en або uk",
			"strict":           "нічого не записувати, якщо в будь-якій справі є проблема",
			"quiet":            "не показувати перебіг",
			"progress":         "показувати перебіг щосекунди, навіть коли стандартний потік помилок — не термінал",
			"max-case-bytes":   "найбільша окрема справа файлу JSON, у байтах",
			"max-record-bytes": "найбільший рядок таблиці справ, у байтах",
			"max-case-rows":    "найбільша кількість рядків однієї справи в таблицях справ",
			"window":           "найбільша кількість справ водночас (прочитаних і ще не записаних); 0 — 64 на ядро",
		},
	},
}

func parseFlags(args []string, stdout, stderr io.Writer, today civil.Date) (config, error) {
	var cfg config
	fs := flag.NewFlagSet("aidcalc", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asOf := fs.String("as-of", "", "the evaluation day, YYYY-MM-DD (default today, in Kyiv time)")
	fs.Var(&cfg.in, "in", "a case file (JSON array, JSON Lines, a legal test case) or a folder of case tables; repeatable; - for standard input")
	fs.BoolVar(&cfg.timeline, "timeline", false, "the table output lists every change of state (json and csv always carry it)")
	fs.StringVar(&cfg.format, "format", "", "table (the default), jsonl (one JSON report a line), json (one JSON array), csv (a folder of tables) or xlsx (one workbook); default from -out's name")
	fs.StringVar(&cfg.out, "out", "", "write the output here: a file for table, jsonl and json, a folder for csv")
	fs.BoolVar(&cfg.excel, "excel", false, "CSV with a byte-order mark and CRLF line ends, for spreadsheets (csv output and -cases-out)")
	fs.BoolVar(&cfg.redact, "redact", false, "drop names, RNOKPP and birth dates from the case tables of -cases-out")
	fs.StringVar(&cfg.casesOut, "cases-out", "", "also write the cases read as case tables into this folder, or as one workbook into a FILE.xlsx")
	fs.StringVar(&cfg.template, "template", "", "write a case-entry workbook (FILE.xlsx) with one example case and instructions, and stop")
	fs.StringVar(&cfg.compare, "compare", "", "compare every case with a rule-set file, SETTING=VALUE, or draft6700")
	fs.StringVar(&cfg.rules, "rules", "", "a rule-set file (JSON, settings by name); default RPS-1")
	fs.BoolVar(&cfg.screen, "screen", false, "screen each case the Commission has not decided: covered, not covered (and why) or cannot tell (and what is missing); advice, never a status")
	fs.BoolVar(&cfg.project, "project", false, "project each open case as if the Commission established the fact: what each party could claim, from when and until when")
	establishedOn := fs.String("established-on", "", "with -project: the day the fact is assumed established (default: the application day plus the Commission's term, 30 days)")
	fs.StringVar(&cfg.calendar, "calendar", "", "write the calendar of what becomes claimable or lapses (projected with -project) to FILE.ics (iCalendar), FILE.csv, FILE.xlsx or FILE.jsonl")
	fs.StringVar(&cfg.explain, "explain", "", "print only the reasoning of every decision of this case")
	fs.StringVar(&cfg.lang, "lang", "en", "language of messages, explanations and CSV headers: en or uk")
	fs.BoolVar(&cfg.strict, "strict", false, "write nothing when any case has a problem")
	fs.BoolVar(&cfg.quiet, "quiet", false, "print no progress")
	fs.BoolVar(&cfg.progress, "progress", false, "print progress every second even when standard error is not a terminal")
	fs.IntVar(&cfg.maxCaseBytes, "max-case-bytes", prisoner.DefaultMaxCaseBytes, "the largest single case of a JSON case file, in bytes")
	fs.IntVar(&cfg.maxRecordBytes, "max-record-bytes", export.DefaultMaxRecordBytes, "the largest row of a case table, in bytes")
	fs.IntVar(&cfg.maxCaseRows, "max-case-rows", export.DefaultMaxRowsPerCase, "the most rows one case may have in the case tables")
	fs.IntVar(&cfg.window, "window", 0, "the most cases held at once (read and not yet written); 0: 64 per core")
	if isHelp, err := cli.Parse(fs, args, help, stdout); isHelp || err != nil {
		if isHelp {
			return cfg, flag.ErrHelp
		}
		return cfg, errPrinted{err}
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	say := func(uk, en string) error {
		if cfg.lang == "uk" {
			return errors.New(uk)
		}
		return errors.New(en)
	}
	if fs.NArg() > 0 {
		return cfg, say(fmt.Sprintf("зайвий аргумент %q (файли справ — після -in)", fs.Arg(0)), fmt.Sprintf("unexpected argument %q (case files go after -in)", fs.Arg(0)))
	}
	cfg.asOf = today
	if *asOf != "" {
		d, err := civil.Parse(*asOf)
		if err != nil {
			return cfg, say("-as-of: "+*asOf+" — не наявна дата у формі РРРР-ММ-ДД", "-as-of: "+err.Error())
		}
		cfg.asOf = d
	}
	if *establishedOn != "" {
		d, err := civil.Parse(*establishedOn)
		if err != nil {
			return cfg, say("-established-on: "+*establishedOn+" — не наявна дата у формі РРРР-ММ-ДД", "-established-on: "+err.Error())
		}
		cfg.establishedOn = d
	}
	ext := strings.ToLower(filepath.Ext(cfg.out))
	if cfg.format == "" {
		switch ext {
		case ".jsonl", ".ndjson":
			cfg.format = "jsonl"
		case ".json":
			cfg.format = "json"
		case ".xlsx":
			cfg.format = "xlsx"
		default:
			cfg.format = "table"
		}
	}
	switch cfg.format {
	case "table", "jsonl":
	case "xlsx":
		if cfg.out == "" {
			return cfg, say("-format xlsx записує книгу: вкажіть -out ФАЙЛ.xlsx або теку", "-format xlsx writes a workbook: give -out FILE.xlsx or a folder")
		}
	case "json":
		if ext == ".jsonl" || ext == ".ndjson" {
			return cfg, say(fmt.Sprintf("-out %s: ім'я %s означає JSON Lines; вкажіть -format jsonl або назвіть файл .json для одного масиву JSON", cfg.out, ext),
				fmt.Sprintf("-out %s: a %s name holds JSON Lines; use -format jsonl, or name the file .json for one JSON array", cfg.out, ext))
		}
	case "csv":
		if cfg.out == "" {
			return cfg, say("-format csv записує теку таблиць: вкажіть її через -out ТЕКА", "-format csv writes a folder of tables: give it with -out DIR")
		}
	default:
		return cfg, say(fmt.Sprintf("-format: %q — не table, jsonl, json, csv чи xlsx", cfg.format), fmt.Sprintf("-format: %q is not table, jsonl, json, csv or xlsx", cfg.format))
	}
	if cfg.format == "jsonl" && ext == ".json" {
		return cfg, say(fmt.Sprintf("-out %s: ім'я .json означає один документ JSON; вкажіть -format json для масиву або назвіть файл .jsonl для JSON Lines", cfg.out),
			fmt.Sprintf("-out %s: a .json name holds one JSON document; use -format json for an array, or name the file .jsonl for JSON Lines", cfg.out))
	}
	if cfg.lang != "en" && cfg.lang != "uk" {
		return cfg, fmt.Errorf("-lang: %q is not en or uk", cfg.lang)
	}
	// A flag that does not apply is an error that says why, never ignored.
	switch {
	case set["redact"] && cfg.casesOut == "":
		return cfg, say("-redact стосується таблиць справ -cases-out, а їх немає", "-redact applies to the case tables of -cases-out, and there are none")
	case set["excel"] && cfg.format != "csv" && cfg.casesOut == "" && cfg.format != "xlsx":
		return cfg, say("-excel стосується CSV (-format csv, -cases-out), а не виводу "+cfg.format, fmt.Sprintf("-excel applies to CSV (-format csv, -cases-out), not to %s output", cfg.format))
	case set["timeline"] && cfg.format != "table":
		return cfg, say("-timeline стосується табличного виводу; вивід "+cfg.format+" і так містить усі зміни статусу", fmt.Sprintf("-timeline applies to the table output; %s output carries every timeline already", cfg.format))
	case set["explain"] && cfg.format != "table":
		return cfg, say("-explain друкує обґрунтування справи текстом; вивід "+cfg.format+" і так містить кроки кожного рішення", fmt.Sprintf("-explain prints a case's reasoning as text; %s output carries every decision's trace already", cfg.format))
	case set["explain"] && cfg.compare != "":
		return cfg, say("-explain і -compare: оберіть одне (-compare показує для кожного звернення, що змінилося й чому)", "-explain and -compare: choose one (-compare shows per claim what changed and why)")
	case cfg.screen && cfg.project:
		return cfg, say("-screen і -project: оберіть одне (-project показує й те, що можна отримати)", "-screen and -project: choose one (-project also shows what could be claimed)")
	case set["established-on"] && !cfg.project:
		return cfg, say("-established-on стосується прогнозу: додайте -project", "-established-on applies to a projection: add -project")
	case cfg.screen && cfg.calendar != "":
		return cfg, say("-calendar показує, що можна отримати й коли: з -project (прогноз) або сам (справжній календар), не з -screen", "-calendar lists what can be claimed when: with -project (projected) or alone (the real calendar), not with -screen")
	case (cfg.screen || cfg.project || cfg.calendar != "") && (cfg.format == "csv" || cfg.format == "xlsx"):
		return cfg, say("-screen, -project і -calendar пишуть таблицю або JSON; календар у CSV — -calendar ФАЙЛ.csv", "-screen, -project and -calendar write a table or JSON; for the calendar as CSV give -calendar FILE.csv")
	case (cfg.screen || cfg.project || cfg.calendar != "") && (cfg.compare != "" || cfg.explain != "" || cfg.casesOut != "" || set["timeline"] || set["strict"]):
		return cfg, say("-screen, -project і -calendar не поєднуються з -compare, -explain, -cases-out, -timeline чи -strict", "-screen, -project and -calendar do not combine with -compare, -explain, -cases-out, -timeline or -strict")
	case cfg.calendar != "" && !slices.Contains([]string{".ics", ".csv", ".xlsx", ".jsonl", ".ndjson", ".json"}, strings.ToLower(filepath.Ext(cfg.calendar))):
		return cfg, say("-calendar "+cfg.calendar+": назвіть файл .ics (iCalendar), .csv, .xlsx або .jsonl", "-calendar "+cfg.calendar+": name the file .ics (iCalendar), .csv, .xlsx or .jsonl")
	case set["quiet"] && set["progress"]:
		return cfg, say("-quiet і -progress суперечать одне одному", "-quiet and -progress contradict each other")
	}
	cfg.progress = cfg.progress || liveProgress
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
		w := wordsFor(lang)
		p := et.Episode + ": " + label
		if !s.Since.IsZero() {
			p += w.since + s.Since.String()
		}
		if s.Suspended {
			p += w.suspended
		}
		if s.Excluded {
			p += w.excluded
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, "; ")
}

func years(d aid.Decision, w words) string {
	if len(d.Years) == 0 {
		var sh []string
		if len(d.Shares) > 1 {
			for _, s := range d.Shares {
				party := s.Party
				if w.shares != wordsEN.shares {
					party = partyUK(party)
				}
				sh = append(sh, party+" "+s.Amount.String())
			}
			return w.shares + strings.Join(sh, ", ")
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
	return w.years + strings.Join(ks, ",")
}

// partyUK names a party in Ukrainian.
func partyUK(p string) string { return aid.PartyLabel(p).UK }

func unique(s []string) []string {
	var out []string
	for _, x := range s {
		if len(out) == 0 || out[len(out)-1] != x {
			out = append(out, x)
		}
	}
	return out
}
