package export

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/civil"
)

// CalendarOptions tune [WriteICS].
type CalendarOptions struct {
	// Lang is the language of each event's summary and description:
	// "uk" (the default) or "en".
	Lang Lang
	// Made is the day the calendar is made, written as every event's
	// DTSTAMP (RFC 5545 §3.8.7.2); the library never reads the clock.
	// Zero means each reminder's own day.
	Made civil.Date
}

// WriteICS writes reminders as an iCalendar file (RFC 5545): one
// all-day VEVENT per reminder, with a stable UID (the same reminder gives
// the same UID in every file, so a calendar that imports a newer file
// updates its events instead of doubling them), the reminder's text as
// summary, its legal ground in the description, and "projected" in its
// categories when it rests on a decision not made. Lines are folded at 75
// octets and end with CRLF. The case's ID and the party's ID (never a
// name) say whose it is.
func WriteICS(w io.Writer, rems []aid.Reminder, opts CalendarOptions) error {
	if w == nil {
		return errors.New("export: WriteICS needs a writer")
	}
	lang := "uk"
	if opts.Lang == English {
		lang = "en"
	}
	bw := bufio.NewWriter(w)
	line := func(s string) { writeFolded(bw, s) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//uacaptivity//captivity//" + strings.ToUpper(lang))
	line("CALSCALE:GREGORIAN")
	line("METHOD:PUBLISH")
	for _, r := range rems {
		stamp := opts.Made
		if stamp.IsZero() {
			stamp = r.Date
		}
		summary := r.Text.In(lang)
		projected := ""
		if r.Projected {
			projected = map[string]string{"uk": "прогноз: ", "en": "projected: "}[lang]
		}
		who := r.Party
		if who == "" {
			who = "—"
		}
		desc := map[string]string{
			"uk": "Справа " + r.CaseID + ", епізод " + r.Episode + ", хто звертається: " + who + ".\nПідстава: " + r.Citation.UK() + " (" + r.Confidence.Label().UK + ").",
			"en": "Case " + r.CaseID + ", episode " + r.Episode + ", who claims: " + who + ".\nGround: " + r.Citation.EN() + " (" + r.Confidence.Label().EN + ").",
		}[lang]
		if r.Projected {
			desc += map[string]string{"uk": "\nПрогноз: припускає рішення Комісії, якого ще немає.", "en": "\nProjected: it assumes a Commission decision not yet made."}[lang]
		}
		line("BEGIN:VEVENT")
		line("UID:" + reminderUID(r) + "@captivity")
		line("DTSTAMP:" + icsDate(stamp) + "T000000Z")
		line("DTSTART;VALUE=DATE:" + icsDate(r.Date))
		line("DTEND;VALUE=DATE:" + icsDate(r.Date.AddDays(1)))
		line("SUMMARY:" + icsText(projected+r.CaseID+": "+summary))
		line("DESCRIPTION:" + icsText(desc))
		cats := "CAPTIVITY," + strings.ToUpper(string(r.Kind)) + "," + strings.ToUpper(r.Aid.String())
		if r.Projected {
			cats += ",PROJECTED"
		}
		line("CATEGORIES:" + cats)
		line("TRANSP:TRANSPARENT")
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	return bw.Flush()
}

// reminderUID is the same for the same reminder: what it is and for whom,
// not its text.
func reminderUID(r aid.Reminder) string {
	var b strings.Builder
	for _, s := range []string{r.CaseID, r.Episode, string(r.Kind), r.Aid.String(), r.Party, r.Date.String(), strconv.FormatBool(r.Projected)} {
		b.WriteString(s)
		b.WriteByte(0)
	}
	for _, y := range r.Years {
		b.WriteString(strconv.Itoa(y) + ",")
	}
	for _, y := range r.CalendarYears {
		b.WriteString("c" + strconv.Itoa(y) + ",")
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:16])
}

func icsDate(d civil.Date) string {
	y, m, day := d.Year(), int(d.Month()), d.Day()
	return pad(y, 4) + pad(m, 2) + pad(day, 2)
}

func pad(n, width int) string {
	s := strconv.Itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	return s
}

// icsText escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon,
// comma and newline.
func icsText(s string) string {
	r := strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)
	return r.Replace(s)
}

// writeFolded writes one content line, folded so that no line is longer
// than 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence, each
// line ended by CRLF.
func writeFolded(w *bufio.Writer, s string) {
	const limit = 75
	first := true
	for len(s) > 0 {
		room := limit
		if !first {
			room-- // the leading space of a continuation
			_ = w.WriteByte(' ')
		}
		n := len(s)
		if n > room {
			n = room
			for n > 0 && !utf8.RuneStart(s[n]) {
				n--
			}
		}
		_, _ = w.WriteString(s[:n])
		_, _ = w.WriteString("\r\n")
		s = s[n:]
		first = false
	}
}

var reminderColumns = []column{
	{"case_id", "справа"}, {"date", "дата"}, {"kind", "що"}, {"episode", "епізод"}, {"aid", "вид допомоги"},
	{"party", "хто звертається"}, {"years", "роки неволі"}, {"calendar_years", "календарні роки"}, {"amount", "сума"},
	{"text", "опис"}, {"citation", "підстава"}, {"confidence", "достовірність"}, {"projected", "прогноз"},
}

// WriteRemindersCSV writes reminders as one CSV table, a row each, with
// the text in the header language (English unless opts.Headers is
// Ukrainian).
func WriteRemindersCSV(w io.Writer, rems []aid.Reminder, opts CSVOptions) error {
	if w == nil {
		return errors.New("export: WriteRemindersCSV needs a writer")
	}
	out := newCSVOut(w, reminderColumns, opts)
	reminderRows(out, rems, opts)
	return out.flush()
}

func reminderRows(out *csvOut, rems []aid.Reminder, opts CSVOptions) {
	lang := "en"
	if opts.Headers == Ukrainian {
		lang = "uk"
	}
	for _, r := range rems {
		out.row(r.CaseID, r.Date.String(), string(r.Kind), r.Episode, r.Aid.String(), r.Party, ints(r.Years), ints(r.CalendarYears),
			r.Amount.String(), r.Text.In(lang), r.Citation.Code(), r.Confidence.String(), boolCell(r.Projected))
	}
}

// WriteRemindersWorkbook writes reminders as a workbook of one sheet,
// "calendar", with the columns of [WriteRemindersCSV] and typed cells:
// dates date cells, amounts numbers shown 0.00 (written without a
// float, as the report workbook's), the projected flag a boolean.
func WriteRemindersWorkbook(w io.Writer, rems []aid.Reminder, opts CSVOptions) error {
	if w == nil {
		return errors.New("export: WriteRemindersWorkbook needs a writer")
	}
	book := &CaseWorkbookWriter{w: w, opts: opts, f: excelize.NewFile()}
	kinds := map[int]cellKind{}
	for ord, c := range reminderColumns {
		kinds[ord] = reportKind(c.key)
	}
	so, err := book.addSheet(sheetSpec{name: "calendar", cols: reminderColumns, kinds: kinds}, true)
	if err != nil {
		return err
	}
	out := &csvOut{sheet: so}
	reminderRows(out, rems, opts)
	if err := out.flush(); err != nil {
		return err
	}
	return book.finish([]*sheetOut{so})
}
