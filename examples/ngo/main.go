// Command ngo is a batch program for an NGO that keeps its cases in a
// spreadsheet: it reads a folder of case tables (cases.csv, episodes.csv,
// family.csv, events.csv; see package export), decides every claim, and
// writes an entitlements report that opens in a spreadsheet: who is owed
// what, per family member, with the reason. It prints a short summary and
// shows progress on standard error.
//
//	go run ./examples/ngo                                   # the sample tables, embedded in the program
//	go run ./examples/ngo -out owed.csv -excel path/to/tables
//	go run ./examples/ngo -help
//
// Flags:
//
//	-as-of DATE   the day of the report (default: today, in Kyiv time)
//	-out FILE     the report (default entitlements.csv in the current folder)
//	-excel        byte-order mark and CRLF, for a double-click in a spreadsheet
//	-rules FILE   another rule set (see aid.LoadRuleSet)
//	-compare ALT  also compare every case with ALT (a rule-set file, SETTING=VALUE, or
//	              draft6700) and print who gains, who loses and the total cost
//	-strict       write no report when any case has a problem
//	-max-record-bytes N, -max-case-rows N, -window N  the limits: the largest row of a
//	              table (1 MiB), the most rows of one case (571), the most cases held
//	              at once (64 per core)
//	-quiet        print no progress; -progress prints it every second even when
//	              standard error is not a terminal
//	-lang L       en (default) or uk: messages, the summary and the report's headers
//
// Report columns: case_id, episode, party, relation, aid, state, amount,
// years (captivity years by number from capture), calendar_years (of a
// CMU 328 payment, or under the calendar-year basis), date, reason_en,
// reason_uk. state is granted (a claim was
// granted), paid (a payment recorded in the tables) or open (not claimed
// yet; a claim on the report's day would be granted). A case with problems
// is left out of the report and each problem is printed with its file,
// line and column; the program then exits 1. The report appears whole or
// not at all: with -strict, or when no case is good, nothing is written
// and a report already there is left as it was. Otherwise the problems
// are also listed beside the report (owed.csv → owed.problems.csv).
//
// Cases the Commission has not decided yet get a projection of their own
// beside the report (owed.csv → owed.projected.csv): what each family
// member could claim, from when and until when, if the fact were
// established at the end of the Commission's term (the application day
// plus 30 days, Law on Administrative Procedure art. 34(2)). Every row is
// marked projected; its amounts are advice and in no total of the report.
package main

import (
	"context"
	"embed"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/export"
	"github.com/uacaptivity/captivity/internal/cli"
	"github.com/uacaptivity/captivity/internal/problems"
	"github.com/uacaptivity/captivity/internal/progress"
	"github.com/uacaptivity/captivity/internal/whatif"
	"github.com/uacaptivity/captivity/law"
	"github.com/uacaptivity/captivity/prisoner"
)

// liveProgress is whether progress is shown every second by default: when
// standard error is a terminal. Set once, in main.
var liveProgress bool

func main() {
	cli.TuneGC()
	liveProgress = cli.IsTerminal(os.Stderr)
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, time.Now, cli.Kyiv()))
}

// help is ngo's -help.
var help = cli.Help{
	Name:  "ngo",
	Usage: "[flags] [FOLDER | BOOK.xlsx]",
	About: `ngo reads a folder of case tables an NGO keeps in a spreadsheet
(cases.csv, episodes.csv, family.csv, events.csv), decides every claim under
Law 2010-IX and writes an entitlements report that opens in a spreadsheet:
who is owed what, per family member, with the reason in Ukrainian and English.
Cases the Commission has not decided get a projected report beside it
(owed.projected.csv): what could be claimed, from when, if the fact were
established; advice, in no total. Without FOLDER it runs on sample tables
embedded in the program.`,
	Examples: []string{
		"ngo                                       # the sample tables; the report in entitlements.csv",
		"ngo -out owed.csv -excel my-tables        # your tables, a report for a double-click in Excel",
		"ngo -lang uk -compare held_payee=equal_shares my-tables  # in Ukrainian, with a what-if",
	},
	Exit: "0 every case decided; 1 a case has problems (listed beside the report, the others still written unless -strict) or a file cannot be read or written; 2 a usage error.",
	UK: &cli.HelpUK{
		About: `ngo читає теку таблиць справ, які громадська організація веде в електронній
таблиці (cases.csv, episodes.csv, family.csv, events.csv), вирішує кожне звернення за
Законом № 2010-IX і записує звіт про права на допомогу, що відкривається в
електронній таблиці: кому що належить, за членами сім'ї, з підставою українською
та англійською. Справи, яких Комісія ще не вирішила, отримують поруч звіт-прогноз
(owed.projected.csv): що можна було б отримати й з якого дня, якби факт було
встановлено; це порада, що не входить у жодні підсумки. Без ТЕКИ працює на
зразках таблиць, вбудованих у програму.`,
		Examples: []string{
			"ngo -lang uk                              # зразки таблиць; звіт у entitlements.csv",
			"ngo -out борг.csv -excel мої-таблиці       # ваші таблиці, звіт для відкриття в Excel",
			"ngo -lang uk -compare held_payee=equal_shares мої-таблиці  # українською, з порівнянням",
		},
		Exit: "0 — усі справи оцінено; 1 — у справі є проблеми (їх перелічено поруч зі звітом, решта все одно записується, якщо не -strict) або файл не вдалося прочитати чи записати; 2 — помилка виклику.",
		Flags: map[string]string{
			"as-of":            "день звіту, РРРР-ММ-ДД (типово сьогодні)",
			"out":              "файл звіту",
			"excel":            "мітка порядку байтів і CRLF",
			"rules":            "файл набору правил (JSON)",
			"compare":          "порівняти з файлом набору правил, НАЛАШТУВАННЯ=ЗНАЧЕННЯ або draft6700",
			"strict":           "не записувати звіт, якщо в будь-якій справі є проблема",
			"quiet":            "не показувати перебіг",
			"progress":         "показувати перебіг щосекунди, навіть коли стандартний потік помилок — не термінал",
			"max-record-bytes": "найбільший рядок таблиці справ, у байтах",
			"max-case-rows":    "найбільша кількість рядків однієї справи в таблицях справ",
			"window":           "найбільша кількість справ водночас; 0 — 64 на ядро",
			"lang":             "мова повідомлень, підсумку й заголовків звіту: en або uk",
		},
	},
}

//go:embed testdata/tables/*.csv
var sampleTables embed.FS

func run(args []string, stdout, stderr io.Writer, now func() time.Time, loc *time.Location) int {
	fs := flag.NewFlagSet("ngo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asOfFlag := fs.String("as-of", "", "the day of the report, YYYY-MM-DD (default today)")
	out := fs.String("out", "entitlements.csv", "the report file")
	excel := fs.Bool("excel", false, "byte-order mark and CRLF line ends")
	rules := fs.String("rules", "", "rule set file (JSON)")
	compare := fs.String("compare", "", "compare with a rule-set file, SETTING=VALUE or draft6700")
	strict := fs.Bool("strict", false, "write no report when any case has a problem")
	quiet := fs.Bool("quiet", false, "print no progress")
	live := fs.Bool("progress", false, "print progress every second even when standard error is not a terminal")
	maxRecord := fs.Int("max-record-bytes", export.DefaultMaxRecordBytes, "the largest row of a case table, in bytes")
	maxRows := fs.Int("max-case-rows", export.DefaultMaxRowsPerCase, "the most rows one case may have in the case tables")
	window := fs.Int("window", 0, "the most cases held at once; 0: 64 per core")
	lang := fs.String("lang", "en", "language of messages, the summary and the report's headers: en or uk")
	if isHelp, err := cli.Parse(fs, args, help, stdout); isHelp {
		return 0
	} else if err != nil {
		return 2
	}
	if *lang != "en" && *lang != "uk" {
		fmt.Fprintf(stderr, "ngo: -lang: %q is not en or uk\n", *lang)
		return 2
	}
	if *quiet && *live {
		fmt.Fprintln(stderr, "ngo: -quiet and -progress contradict each other")
		return 2
	}
	if fs.NArg() > 1 {
		fmt.Fprintln(stderr, "ngo: one folder of case tables at most (ngo -help for how to run it)")
		return 2
	}
	dir := "sample tables (embedded)"
	var tables iofs.FS
	if fs.NArg() == 1 {
		dir = fs.Arg(0)
	} else {
		tables, _ = iofs.Sub(sampleTables, "testdata/tables")
	}
	asOf := civil.DateOf(now(), loc)
	if *asOfFlag != "" {
		d, err := civil.Parse(*asOfFlag)
		if err != nil {
			fmt.Fprintln(stderr, "ngo: -as-of:", err)
			return 2
		}
		asOf = d
	}
	rs := aid.Default()
	if *rules != "" {
		f, err := os.Open(*rules)
		if err == nil {
			rs, err = aid.LoadRuleSet(f)
			f.Close()
		}
		if err != nil {
			fmt.Fprintln(stderr, "ngo:", err)
			return 2
		}
	}
	var alt *whatif.Alternative
	if *compare != "" {
		a, err := whatif.Parse(*compare)
		if err != nil {
			fmt.Fprintln(stderr, "ngo: -compare:", err)
			return 2
		}
		alt = &a
	}
	var cmpSum whatif.Summary
	var (
		total    int
		src      export.Sources
		closeAll = func() {}
		err      error
		book     *export.CaseTablesReader
	)
	switch {
	case tables != nil:
		src, closeAll, err = export.OpenCaseTables(tables, ".")
	case strings.EqualFold(filepath.Ext(dir), ".xlsx"): // a case workbook
		var f *os.File
		if f, err = os.Open(dir); err == nil {
			var closeBook func() error
			book, closeBook, err = export.NewCaseWorkbookReader(f, dir, export.Sources{MaxRecordBytes: *maxRecord, MaxRowsPerCase: *maxRows})
			f.Close()
			if err == nil {
				closeAll = func() { closeBook() }
			}
		}
	default:
		if total, err = cli.CountCases(dir); err == nil {
			src, closeAll, err = cli.OpenTables(dir)
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "ngo:", err)
		return 1
	}
	defer closeAll()
	// The report appears whole or not at all: written beside its place
	// and moved there at the end.
	var outs cli.Outputs
	defer outs.Abort()
	outFile, err := outs.Create(*out)
	if err != nil {
		fmt.Fprintln(stderr, "ngo:", err)
		return 1
	}

	rep := newReport(outFile, *excel, *lang)
	// Open cases also get a projection, in a report of its own beside
	// this one: never mixed into the entitlements or their totals.
	projFile, err := outs.Create(projectedPath(*out))
	if err != nil {
		fmt.Fprintln(stderr, "ngo:", err)
		return 1
	}
	calc := aid.New(rs)
	proj := newProjected(projFile, calc, *excel, *lang)
	sum := summary{open: map[prisoner.AidKind]aid.Money{}}
	prog := progress.Meter{W: stderr, Prefix: "ngo", Total: total, Now: now, Live: *live || liveProgress, Quiet: *quiet, Lang: *lang}
	src.MaxRecordBytes, src.MaxRowsPerCase = *maxRecord, *maxRows
	reader := book
	if reader == nil {
		reader = export.NewCaseTablesReader(src)
	}
	var probs []problems.Problem
	// Each case needs its own facts for the relations column, so the
	// reader hands cases to the batch and remembers nothing else.
	err = calc.Batch(context.Background(), reader.Next, func(it aid.Item) error {
		prog.Tick()
		if it.Err != nil {
			sum.bad++
			for _, p := range problems.FromHistory(dir, cli.Safe(it.CaseID), 0, it.Err, *lang) {
				fmt.Fprintln(stderr, "ngo:", p.Text(*lang))
				probs = append(probs, p)
			}
			return nil
		}
		sum.cases++
		if alt != nil {
			row, err := whatif.CompareCase(it.Result.Case(), rs, *alt, asOf)
			if err == nil {
				cmpSum.Add(row)
			}
		}
		if err := proj.write(it.Result, asOf); err != nil {
			return err
		}
		return rep.write(it.Result, asOf, &sum)
	}, aid.BatchOptions{Window: *window})
	if err == nil {
		err = rep.flush()
	}
	if err == nil {
		err = proj.flush()
	}
	prog.Finish()
	if err != nil {
		fmt.Fprintln(stderr, "ngo:", err)
		return 1
	}
	if sum.bad > 0 && (*strict || sum.cases == 0) {
		fmt.Fprintf(stderr, "ngo: %d case(s) with problems; no report written\n", sum.bad)
		return 1
	}
	if len(probs) > 0 {
		f, err := outs.Create(problemsPath(*out))
		if err == nil {
			err = problems.WriteCSV(f, probs, *excel)
		}
		if err != nil {
			fmt.Fprintln(stderr, "ngo:", err)
			return 1
		}
	}
	if err := outs.Commit(); err != nil {
		fmt.Fprintln(stderr, "ngo:", err)
		return 1
	}
	if len(probs) > 0 {
		fmt.Fprintf(stderr, "ngo: %d case(s) with problems left out; listed in %s\n", sum.bad, cli.Safe(problemsPath(*out)))
	}
	sum.print(stdout, asOf, *out, rs.Name, *lang)
	proj.print(stdout, projectedPath(*out), *lang)
	if alt != nil {
		whatif.WriteSummary(stdout, cmpSum, rs.Name, alt.Name, *lang)
	}
	if sum.bad > 0 {
		return 1
	}
	return 0
}

// problemsPath is the problems report beside the report out:
// owed.csv → owed.problems.csv.
func problemsPath(out string) string {
	return strings.TrimSuffix(out, filepath.Ext(out)) + ".problems.csv"
}

type summary struct {
	cases, bad, lines int
	granted, paid     aid.Money
	open              map[prisoner.AidKind]aid.Money
	owed              int // cases with something open
}

func (s summary) print(w io.Writer, asOf civil.Date, out, ruleSet, lang string) {
	t := summaryText[lang]
	if t.head == "" {
		t = summaryText["en"]
	}
	cases := law.PluralEN(s.cases, "case", "cases")
	if lang == "uk" {
		cases = strconv.Itoa(s.cases)
	}
	fmt.Fprintf(w, t.head+"\n", asOf, ruleSet, cases, s.bad, s.lines, out)
	fmt.Fprintf(w, t.granted+"\n", s.granted)
	fmt.Fprintf(w, t.paid+"\n", s.paid)
	var kinds []prisoner.AidKind
	var total aid.Money
	for k, m := range s.open {
		kinds = append(kinds, k)
		total = total.Add(m)
	}
	sort.Slice(kinds, func(i, j int) bool { return kinds[i] < kinds[j] })
	fmt.Fprintf(w, t.open+"\n", total, s.owed)
	for _, k := range kinds {
		if lang == "uk" {
			fmt.Fprintf(w, "    %s: %s грн\n", k.Label().UK, s.open[k])
			continue
		}
		fmt.Fprintf(w, "    %-16s UAH %s\n", k.String()+":", s.open[k])
	}
}

// summaryText is the summary's wording in each language.
var summaryText = map[string]struct{ head, granted, paid, open string }{
	"en": {"Entitlements on %s under %s: %s (%d with problems), %d report lines in %s",
		"  granted by decisions:  UAH %s", "  paid (recorded):       UAH %s", "  open to claim:         UAH %s in %d cases"},
	"uk": {"Права на допомогу на %s за набором правил %s: справ — %s (з проблемами — %d), рядків звіту — %d у %s",
		"  призначено рішеннями:  %s грн", "  виплачено (записано):  %s грн", "  можна ще отримати:     %s грн, справ — %d"},
}

type report struct {
	w   *csv.Writer
	err error
}

var reportHeader = []string{"case_id", "episode", "party", "relation", "aid", "state", "amount", "years", "calendar_years", "date", "reason_en", "reason_uk"}

// reportHeaderUK is the header row under -lang uk.
var reportHeaderUK = []string{"ідентифікатор справи", "епізод", "отримувач", "спорідненість", "вид допомоги", "стан", "сума", "роки полону", "календарні роки", "дата", "підстава (англ.)", "підстава"}

func newReport(w io.Writer, excel bool, lang string) *report {
	r := &report{w: csv.NewWriter(w)}
	r.w.UseCRLF = excel
	if excel {
		_, r.err = io.WriteString(w, "\ufeff")
	}
	if r.err == nil {
		header := reportHeader
		if lang == "uk" {
			header = reportHeaderUK
		}
		r.err = r.w.Write(header)
	}
	return r
}

func (r *report) write(res *aid.Result, asOf civil.Date, s *summary) error {
	if r.err != nil {
		return r.err
	}
	owed := false
	c := res.Case()
	for _, e := range res.Entitlements(asOf) {
		relation := ""
		if m, ok := c.Member(e.Party); ok {
			relation = m.Relation.String()
		}
		list := func(ys []int) string {
			var out []string
			for _, y := range ys {
				out = append(out, fmt.Sprint(y))
			}
			return strings.Join(out, ";")
		}
		why := reason(e)
		rec := []string{res.CaseID, e.Episode, e.Party, relation, e.Aid.String(), string(e.State), e.Amount.String(),
			list(e.Years), list(e.CalendarYears), e.Date.String(), why.EN, why.UK}
		for i := range rec {
			rec[i] = export.Neutralize(rec[i])
		}
		if r.err = r.w.Write(rec); r.err != nil {
			return r.err
		}
		s.lines++
		switch e.State {
		case aid.StateGranted:
			s.granted = s.granted.Add(e.Amount)
		case aid.StatePaid:
			s.paid = s.paid.Add(e.Amount)
		case aid.StateOpen:
			s.open[e.Aid] = s.open[e.Aid].Add(e.Amount)
			owed = true
		}
	}
	if owed {
		s.owed++
	}
	return nil
}

func (r *report) flush() error {
	if r.err != nil {
		return r.err
	}
	r.w.Flush()
	return r.w.Error()
}

// reason says, in both languages, why an entitlement line is there.
func reason(e aid.Entitlement) law.Text {
	years := ""
	if len(e.Years) > 0 {
		years = fmt.Sprint(e.Years)
	}
	switch e.State {
	case aid.StatePaid:
		return law.Text{EN: "payment recorded in the case", UK: "виплату зафіксовано у справі"}
	case aid.StateGranted:
		switch e.Aid {
		case prisoner.Annual:
			return law.Text{EN: "annual aid granted for captivity years " + years + " (Law 2010-IX Art. 7(1), 17(6))",
				UK: "щорічну допомогу призначено за роки полону " + years + " (Закон 2010-IX ст. 7 ч. 1, ст. 17 ч. 6)"}
		case prisoner.DeathAid:
			return law.Text{EN: "share of the one-time death aid (Art. 7(3))", UK: "частка одноразової допомоги у разі смерті (ст. 7 ч. 3)"}
		}
		return law.Text{EN: e.Aid.Label().EN + " granted", UK: e.Aid.Label().UK + ": призначено"}
	case aid.StateUnpaidAtDeath:
		return law.Text{EN: e.Aid.Label().EN + " granted to the person, with no payment recorded before the death: it passes to the family members, failing them to the estate (Civil Code art. 1227); check the register",
			UK: e.Aid.Label().UK + ": призначено особі, виплати до смерті не зафіксовано; переходить до членів сім'ї, а за їх відсутності — до спадщини (ЦК ст. 1227); перевірте реєстр"}
	}
	switch {
	case e.Aid == prisoner.Annual && e.Party == aid.PartyFamily:
		return law.Text{EN: "annual aid for captivity years " + years + ": one family member may claim while the person is held (Art. 7(1))",
			UK: "щорічна допомога за роки полону " + years + ": може отримати один член сім'ї, поки особа утримується (ст. 7 ч. 1)"}
	case e.Aid == prisoner.Annual:
		return law.Text{EN: "annual aid for completed captivity years " + years + ", to the released person (Art. 7(1), 17(6))",
			UK: "щорічна допомога за повні роки полону " + years + " звільненій особі (ст. 7 ч. 1, ст. 17 ч. 6)"}
	case e.Aid == prisoner.ReleaseAid:
		return law.Text{EN: "one-time aid after release, to the person (Art. 7(2))", UK: "одноразова допомога після звільнення особі (ст. 7 ч. 2)"}
	case e.Aid == prisoner.DeathAid:
		return law.Text{EN: "one-time death aid, to family members, parents or dependants (Art. 7(3))",
			UK: "одноразова допомога у разі смерті членам сім'ї, батькам або утриманцям (ст. 7 ч. 3)"}
	case e.Aid == prisoner.CivilianAid:
		return law.Text{EN: "one-time aid to a released civilian (CMU Resolution of 26.12.2025)", UK: "одноразова допомога звільненій цивільній особі (постанова КМУ від 26.12.2025)"}
	}
	return e.Aid.Label()
}
