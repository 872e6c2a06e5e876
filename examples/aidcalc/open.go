package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/export"
	"github.com/uacaptivity/captivity/internal/cli"
	"github.com/uacaptivity/captivity/internal/projected"
	"github.com/uacaptivity/captivity/law"
)

// calendarYears is how far ahead the calendar looks from -as-of.
const calendarYears = projected.Years

// tr picks the text of lang.
func tr(lang, uk, en string) string {
	if lang == "uk" {
		return uk
	}
	return en
}

// runOpen runs -screen, -project and -calendar: advice on cases the
// Commission has not decided, what establishing the fact would give, and
// the calendar of what becomes claimable or lapses. Screening and
// projection are printed (table) or written as JSON; the calendar goes to
// its own file (.ics, .csv, or JSON Lines).
func runOpen(cfg config, rs aid.RuleSet, stdin io.Reader, stdout, stderr io.Writer) int {
	cases, _, ok := load(cfg.in, stdin, stderr, cfg.lang)
	if !ok {
		return 1
	}
	k := aid.New(rs)
	var out bytes.Buffer
	var jsonOut io.Writer = &out
	var arr *arrayWriter
	if cfg.format == "json" {
		arr = &arrayWriter{w: &out}
		jsonOut = arr
	}
	lang := cfg.lang
	var reminders []aid.Reminder
	bad := false
	switch {
	case cfg.screen:
		if cfg.format == "table" {
			fmt.Fprintf(&out, "%s %s. %s\n", tr(lang, "Попередня оцінка на", "Screening on"), cfg.asOf, tr(lang, screeningAdviceUK, screeningAdviceEN))
		}
		for _, c := range cases {
			s, err := k.Screen(c, cfg.asOf)
			if err != nil {
				reportEvalError(stderr, c.ID, err, lang)
				bad = true
				continue
			}
			if cfg.format == "table" {
				writeScreening(&out, s, lang)
			} else if err := writeJSONLine(jsonOut, s); err != nil {
				fmt.Fprintln(stderr, "aidcalc:", err)
				return 1
			}
		}
	case cfg.project:
		if cfg.format == "table" {
			fmt.Fprintf(&out, "%s %s. %s\n", tr(lang, "Прогноз на", "Projection on"), cfg.asOf, tr(lang, projectionAdviceUK, projectionAdviceEN))
		}
		for _, c := range cases {
			p, err := k.Project(c, aid.ProjectOptions{AsOf: cfg.asOf, EstablishedOn: cfg.establishedOn})
			if err != nil {
				reportEvalError(stderr, c.ID, err, lang)
				bad = true
				continue
			}
			pc := projected.Of(p, cfg.asOf, rs.Feb29)
			reminders = append(reminders, pc.Calendar...)
			if cfg.format == "table" {
				writeProjection(&out, p, pc.Calendar, lang)
			} else if err := writeJSONLine(jsonOut, pc); err != nil {
				fmt.Fprintln(stderr, "aidcalc:", err)
				return 1
			}
		}
	default: // -calendar alone: the real calendar of each case
		for _, c := range cases {
			r, err := k.Evaluate(c)
			if err != nil {
				reportEvalError(stderr, c.ID, err, lang)
				bad = true
				continue
			}
			reminders = append(reminders, r.Calendar(cfg.asOf, cfg.asOf.AddYears(calendarYears, rs.Feb29))...)
		}
		if cfg.format == "table" {
			writeReminders(&out, reminders, lang)
		}
	}
	if arr != nil {
		if err := arr.Close(); err != nil {
			fmt.Fprintln(stderr, "aidcalc:", err)
			return 1
		}
	}
	var outputs cli.Outputs
	if cfg.calendar != "" {
		f, err := outputs.Create(cfg.calendar)
		if err == nil {
			err = writeCalendar(f, cfg.calendar, reminders, cfg)
		}
		if err != nil {
			outputs.Abort()
			fmt.Fprintln(stderr, "aidcalc: -calendar:", err)
			return 1
		}
	}
	dest := stdout
	if cfg.out != "" {
		f, err := outputs.Create(cfg.out)
		if err != nil {
			outputs.Abort()
			fmt.Fprintln(stderr, "aidcalc:", err)
			return 1
		}
		dest = f
	}
	if _, err := dest.Write(out.Bytes()); err != nil {
		outputs.Abort()
		fmt.Fprintln(stderr, "aidcalc:", err)
		return 1
	}
	if err := outputs.Commit(); err != nil {
		fmt.Fprintln(stderr, "aidcalc:", err)
		return 1
	}
	if cfg.calendar != "" {
		fmt.Fprintf(stderr, "%s %s: %s\n", tr(lang, "календар", "calendar"), cli.Safe(cfg.calendar),
			tr(lang, law.PluralUK(len(reminders), "подія", "події", "подій"), law.PluralEN(len(reminders), "event", "events")))
	}
	if bad {
		return 1
	}
	return 0
}

const (
	screeningAdviceUK  = "Це попередня оцінка, а не рішення: встановлює факт лише Комісія (ст. 3 ч. 1, ст. 4 ч. 7 Закону № 2010-IX)."
	screeningAdviceEN  = "This is advice, not a decision: only the Commission establishes the fact (Art. 3(1), 4(7) of Law No. 2010-IX)."
	projectionAdviceUK = "Це прогноз, а не рішення: він припускає, що Комісія встановить факт; суми не входять у жодні підсумки."
	projectionAdviceEN = "This is a projection, not a decision: it assumes the Commission establishes the fact; its amounts count in no total."
)

func writeJSONLine(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func writeScreening(w io.Writer, s *aid.Screening, lang string) {
	for _, e := range s.Episodes {
		fmt.Fprintf(w, "\n%s %s, %s (%s): %s\n", s.CaseID, e.Episode, e.Category.Label().In(lang), e.State.Label().In(lang), strings.ToUpper(e.Outcome.Label().In(lang)))
		if e.Outcome == aid.AlreadyEstablished {
			continue
		}
		for _, c := range e.Unmet {
			fmt.Fprintf(w, "  %s %s — %s\n", tr(lang, "НЕ ВИКОНАНО:", "NOT MET:"), c.Text.In(lang), c.Citation.Text().In(lang))
		}
		for _, m := range e.Missing {
			fmt.Fprintf(w, "  %s %s (%s %s)\n", tr(lang, "БРАКУЄ:", "MISSING:"), m.Text.In(lang), tr(lang, "поле", "field"), m.Field)
		}
		for _, c := range e.Met {
			fmt.Fprintf(w, "  %s %s\n", tr(lang, "виконано:", "met:"), c.Text.In(lang))
		}
		for _, d := range e.Documents {
			mark := "✓"
			if d.State == aid.DocumentNotRecorded {
				mark = "✗"
			}
			ifAny := ""
			if d.IfAny {
				ifAny = tr(lang, " (якщо є кримінальне провадження щодо особи)", " (if there is a criminal case about the person)")
			}
			fmt.Fprintf(w, "  %s %s %s%s — %s\n", tr(lang, "документ", "document"), mark, d.Label.In(lang), ifAny, d.Citation.Text().In(lang))
		}
		for _, c := range e.ForCommission {
			fmt.Fprintf(w, "  %s %s\n", tr(lang, "встановлює Комісія:", "for the Commission:"), c.Text.In(lang))
		}
		for _, c := range e.Notes {
			fmt.Fprintf(w, "  %s %s\n", tr(lang, "зауваження:", "note:"), c.Text.In(lang))
		}
	}
}

func writeProjection(w io.Writer, p *aid.Projection, cal []aid.Reminder, lang string) {
	for _, e := range p.NotProjected {
		fmt.Fprintf(w, "\n%s %s: %s — %s\n", p.CaseID, e.Episode, tr(lang, "без прогнозу", "not projected"), e.Outcome.Label().In(lang))
		for _, c := range e.Unmet {
			fmt.Fprintf(w, "  %s %s — %s\n", tr(lang, "НЕ ВИКОНАНО:", "NOT MET:"), c.Text.In(lang), c.Citation.Text().In(lang))
		}
	}
	if len(p.Episodes) == 0 {
		if len(p.NotProjected) == 0 {
			fmt.Fprintf(w, "\n%s: %s\n", p.CaseID, tr(lang, "немає відкритого епізоду: факт уже встановлено, скасовано або виключено", "no open episode: the fact is established, cancelled or excluded"))
		}
		return
	}
	for _, pe := range p.Episodes {
		assumed := ""
		if pe.ApplicationAssumed {
			assumed = tr(lang, "; заяви у справі немає: припущено подану сьогодні", "; the case records no application: one is assumed made today")
		}
		if pe.AssumedServing {
			assumed += tr(lang, "; припущено, що особа проходила службу під час захоплення (ст. 2 ч. 1 п. 1): запишіть serving_at_capture",
				"; assumed serving at capture (Art. 2(1)(1)): record serving_at_capture")
		}
		fmt.Fprintf(w, "\n%s %s: %s %s (%s%s)\n", p.CaseID, pe.Episode, tr(lang, "факт припущено встановленим", "the fact assumed established on"), pe.EstablishedOn,
			pe.Basis.In(lang), assumed)
	}
	if len(p.Claimable) == 0 {
		fmt.Fprintf(w, "  %s\n", tr(lang, "нічого не можна було б отримати", "nothing could be claimed"))
	} else {
		tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', 0)
		fmt.Fprintln(tw, "  "+tr(lang, "З\tДО\tЕПІЗОД\tДОПОМОГА\tХТО\tРІК\tСУМА (ПРОГНОЗ)", "FROM\tUNTIL\tEPISODE\tAID\tWHO\tYEAR\tAMOUNT (PROJECTED)"))
		for _, c := range p.Claimable {
			until := "—"
			if !c.Until.IsZero() {
				until = c.Until.String()
			}
			year := ints(c.Years) + ints(c.CalendarYears)
			if c.PreLaw {
				year += "*"
			}
			if year == "" {
				year = "—"
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\t%s\n", c.From, until, c.Episode, c.Aid.Label().In(lang), partyLabel(c.Party, lang), year, c.Amount)
		}
		_ = tw.Flush()
	}
	for _, e := range p.Now {
		fmt.Fprintf(w, "  %s %s %s, %s: %s\n", tr(lang, "сьогодні, без рішення Комісії:", "today, without the Commission's decision:"), e.Episode,
			e.Aid.Label().In(lang), partyLabel(e.Party, lang), e.Amount)
	}
	if p.Result != nil {
		for _, d := range p.Result.Decisions {
			verdict := tr(lang, "відмова: ", "refused: ") + d.Refusal.Message().In(lang)
			if d.Granted {
				verdict = tr(lang, "призначено ", "granted ") + d.Amount.String()
			}
			fmt.Fprintf(w, "  %s #%d %s %s %s → %s (%s)\n", tr(lang, "звернення у справі:", "claim on record:"), d.Seq, d.Date, d.Aid.Label().In(lang), partyLabel(d.Claimant, lang), verdict, tr(lang, "прогноз", "projected"))
		}
	}
	n := min(len(cal), 4)
	for _, r := range cal[:n] {
		fmt.Fprintf(w, "  %s %s: %s\n", tr(lang, "нагадування", "reminder"), r.Date, r.Text.In(lang))
	}
	if len(cal) > n {
		fmt.Fprintf(w, "  … %s %d (-calendar)\n", tr(lang, "ще", "more:"), len(cal)-n)
	}
}

func writeReminders(w io.Writer, rems []aid.Reminder, lang string) {
	tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', 0)
	fmt.Fprintln(tw, tr(lang, "ДАТА\tСПРАВА\tЕПІЗОД\tХТО\tЩО", "DATE\tCASE\tEPISODE\tWHO\tWHAT"))
	for _, r := range rems {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.Date, r.CaseID, r.Episode, partyLabel(r.Party, lang), r.Text.In(lang))
	}
	_ = tw.Flush()
}

func partyLabel(p, lang string) string {
	if p == "" {
		return "—"
	}
	if l := aid.PartyLabel(p); l.UK != "" {
		if lang == "uk" {
			return l.UK
		}
		return p
	}
	return p
}

func ints(xs []int) string {
	var b strings.Builder
	for i, x := range xs {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprint(&b, x)
	}
	return b.String()
}

// writeCalendar writes the reminders to f in the format its name says:
// .ics (iCalendar), .csv, .xlsx, or JSON Lines (.jsonl, .json: one array).
func writeCalendar(f io.Writer, name string, rems []aid.Reminder, cfg config) error {
	lang := export.English
	if cfg.lang == "uk" {
		lang = export.Ukrainian
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".ics":
		return export.WriteICS(f, rems, export.CalendarOptions{Lang: lang, Made: cfg.asOf})
	case ".csv":
		return export.WriteRemindersCSV(f, rems, export.CSVOptions{Excel: cfg.excel, Headers: lang})
	case ".xlsx":
		return export.WriteRemindersWorkbook(f, rems, export.CSVOptions{Headers: lang})
	case ".json":
		enc := json.NewEncoder(f)
		enc.SetEscapeHTML(false)
		if rems == nil {
			rems = []aid.Reminder{}
		}
		return enc.Encode(rems)
	default:
		for _, r := range rems {
			if err := writeJSONLine(f, r); err != nil {
				return err
			}
		}
		return nil
	}
}
