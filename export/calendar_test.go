package export_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/export"
	"github.com/uacaptivity/captivity/internal/samples"
	"github.com/uacaptivity/captivity/prisoner"
)

// reminders are a real calendar of the samples and a projected one of an
// open case.
func reminders(t *testing.T) []aid.Reminder {
	cs, err := samples.Cases()
	require.NoError(t, err)
	k := aid.New(aid.Default())
	from, until := civil.MustParse("2026-12-02"), civil.MustParse("2028-12-31")
	var out []aid.Reminder
	for _, c := range cs {
		r, err := k.Evaluate(c)
		require.NoError(t, err)
		out = append(out, r.Calendar(from, until)...)
	}
	open, err := prisoner.DecodeCase([]byte(`{"id":"N-1","person":{"citizenship":"UA"},"family":[{"id":"f1","relation":"spouse"}],
	  "episodes":[{"id":"e1","category":"civilian","captured":"2024-03-10"}],
	  "events":[{"seq":1,"date":"2026-10-01","kind":"application","episode":"e1","party":"f1"}]}`))
	require.NoError(t, err)
	p, err := k.Project(open, aid.ProjectOptions{AsOf: from})
	require.NoError(t, err)
	out = append(out, p.Result.Calendar(from, until)...)
	return out
}

// The .ics file imports into an iCalendar parser that is not ours
// (arran4/golang-ical): one all-day event per reminder, on its day, with
// its text, a stable and unique UID, projected ones marked; every line
// at most 75 octets, CRLF-ended, never split inside a character.
func TestWriteICS(t *testing.T) {
	rems := reminders(t)
	require.NotEmpty(t, rems)
	projected := 0
	for _, r := range rems {
		if r.Projected {
			projected++
		}
	}
	require.Positive(t, projected)
	for _, lang := range []export.Lang{export.Ukrainian, export.English} {
		var b bytes.Buffer
		require.NoError(t, export.WriteICS(&b, rems, export.CalendarOptions{Lang: lang, Made: civil.MustParse("2026-12-02")}))
		raw := b.String()
		assert.True(t, strings.HasSuffix(raw, "END:VCALENDAR\r\n"))
		for _, l := range strings.Split(strings.TrimSuffix(raw, "\r\n"), "\r\n") {
			assert.LessOrEqual(t, len(l), 75, "folded: %q", l)
			assert.NotContains(t, l, "\n")
			assert.True(t, strings.ToValidUTF8(l, "?") == l, "no character split: %q", l)
		}
		cal, err := ics.ParseCalendar(strings.NewReader(raw))
		require.NoError(t, err)
		events := cal.Events()
		require.Len(t, events, len(rems))
		uids := map[string]bool{}
		marked := 0
		for i, ev := range events {
			r := rems[i]
			uid := ev.GetProperty(ics.ComponentPropertyUniqueId).Value
			assert.False(t, uids[uid], "unique UID")
			uids[uid] = true
			start, err := ev.GetAllDayStartAt()
			require.NoError(t, err)
			assert.Equal(t, r.Date.String(), start.Format("2006-01-02"))
			summary := ev.GetProperty(ics.ComponentPropertySummary).Value
			assert.Contains(t, unescape(summary), r.Text.In(string(lang)))
			assert.Contains(t, unescape(summary), r.CaseID)
			if strings.Contains(ev.GetProperty(ics.ComponentPropertyCategories).Value, "PROJECTED") {
				marked++
			}
		}
		assert.Equal(t, projected, marked, "every projected reminder is marked")
	}
	// The same reminders give the same UIDs: a calendar updates, not doubles.
	var a, b bytes.Buffer
	require.NoError(t, export.WriteICS(&a, rems, export.CalendarOptions{}))
	require.NoError(t, export.WriteICS(&b, rems, export.CalendarOptions{Lang: export.English}))
	uidsOf := func(s string) (out []string) {
		for _, l := range strings.Split(s, "\r\n") {
			if strings.HasPrefix(l, "UID:") {
				out = append(out, l)
			}
		}
		return out
	}
	assert.Equal(t, uidsOf(a.String()), uidsOf(b.String()))
}

func unescape(s string) string {
	return strings.NewReplacer(`\n`, "\n", `\,`, ",", `\;`, ";", `\\`, `\`).Replace(s)
}

func TestWriteRemindersCSV(t *testing.T) {
	rems := reminders(t)
	var b bytes.Buffer
	require.NoError(t, export.WriteRemindersCSV(&b, rems, export.CSVOptions{Headers: export.Ukrainian}))
	rows, err := csv.NewReader(&b).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, len(rems)+1)
	assert.Equal(t, "справа", rows[0][0])
	assert.Equal(t, rems[0].Date.String(), rows[1][1])
	assert.Contains(t, rows[len(rows)-1][9], "можна звернутися")
}

// The calendar as a workbook: one sheet, dates as date cells, amounts as
// numbers, the projected flag a boolean; read back by excelize.
func TestWriteRemindersWorkbook(t *testing.T) {
	rems := reminders(t)
	var b bytes.Buffer
	require.NoError(t, export.WriteRemindersWorkbook(&b, rems, export.CSVOptions{Headers: export.Ukrainian}))
	f, err := excelize.OpenReader(&b)
	require.NoError(t, err)
	rows, err := f.GetRows("calendar")
	require.NoError(t, err)
	require.Len(t, rows, len(rems)+1)
	assert.Equal(t, "справа", rows[0][0])
	typ, err := f.GetCellType("calendar", "I2")
	require.NoError(t, err)
	assert.Contains(t, []excelize.CellType{excelize.CellTypeNumber, excelize.CellTypeUnset}, typ, "the amount is a number cell (no t attribute)")
	v, err := f.GetCellValue("calendar", "I2", excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	assert.Equal(t, rems[0].Amount.String(), v, "the exact decimal, never through a float")
}
