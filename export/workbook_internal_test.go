package export

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/internal/samples"
	"github.com/xuri/excelize/v2"
)

// The report workbook holds, sheet for sheet, row for row and cell for
// cell, what the CSV reports hold: amounts as numbers whose stored text is
// the amount, dates as day numbers of the same day, flags as booleans.
func TestReportWorkbookMatchesCSV(t *testing.T) {
	cs, err := samples.Cases()
	require.NoError(t, err)
	asOf := civil.MustParse("2026-11-28")
	var tables [6]bytes.Buffer
	cw := NewReportCSVWriter(ReportTables{Status: &tables[0], Timeline: &tables[1], Decisions: &tables[2], Entitlements: &tables[3],
		Recoveries: &tables[4], Warnings: &tables[5]}, asOf, CSVOptions{})
	var book bytes.Buffer
	bw := NewReportWorkbookWriter(&book, asOf, CSVOptions{})
	for _, c := range cs {
		r, err := aid.Evaluate(c, aid.Default())
		require.NoError(t, err)
		require.NoError(t, cw.Write(r))
		require.NoError(t, bw.Write(r))
	}
	require.NoError(t, cw.Flush())
	require.NoError(t, bw.Flush())
	f, err := excelize.OpenReader(bytes.NewReader(book.Bytes()))
	require.NoError(t, err)
	defer f.Close()
	for i, sheet := range []string{"status", "timeline", "decisions", "entitlements", "recoveries", "warnings"} {
		want, err := csv.NewReader(strings.NewReader(tables[i].String())).ReadAll()
		require.NoError(t, err)
		got, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		require.NoError(t, err)
		require.Len(t, got, len(want), sheet)
		for r := 1; r < len(want); r++ {
			for c, cell := range want[r] {
				g := ""
				if c < len(got[r]) {
					g = got[r][c]
				}
				switch reportKind(want[0][c]) {
				case kindAmount:
					if g != "" {
						g, _, _ = spreadsheetAmount(g)
					}
				case kindDate:
					if g != "" {
						g, _ = serialDate(g, false)
					}
				case kindFlag:
					g = map[string]string{"1": "true", "0": "", "": ""}[g]
				}
				assert.Equal(t, Unneutralize(cell), g, "%s row %d column %s", sheet, r+1, want[0][c])
			}
		}
	}
}

// One meaning a column: years holds captivity-year numbers only, and
// calendar_years calendar years only (CMU 328 payments; annual aid under
// the calendar-year basis), in decisions.csv and entitlements.csv, under
// either year basis.
func TestYearColumnsHaveOneMeaning(t *testing.T) {
	cs, err := samples.Cases()
	require.NoError(t, err)
	for _, basis := range []aid.YearBasis{aid.Anniversary, aid.CalendarYear} {
		rs := aid.Default()
		rs.Options.YearBasis = basis
		var dec, ent bytes.Buffer
		w := NewReportCSVWriter(ReportTables{Decisions: &dec, Entitlements: &ent}, civil.MustParse("2026-11-28"), CSVOptions{})
		for _, c := range cs {
			r, err := aid.Evaluate(c, rs)
			require.NoError(t, err)
			require.NoError(t, w.Write(r))
		}
		require.NoError(t, w.Flush())
		calendarSeen := false
		for _, table := range []string{dec.String(), ent.String()} {
			rows, err := csv.NewReader(strings.NewReader(table)).ReadAll()
			require.NoError(t, err)
			col := map[string]int{}
			for i, h := range rows[0] {
				col[h] = i
			}
			for _, row := range rows[1:] {
				for _, y := range strings.Split(row[col["years"]], ";") {
					if y != "" {
						n, err := strconv.Atoi(y)
						require.NoError(t, err)
						assert.Less(t, n, 100, "a captivity-year number, not a calendar year: %v", row)
					}
				}
				for _, y := range strings.Split(row[col["calendar_years"]], ";") {
					if y != "" {
						calendarSeen = true
						n, err := strconv.Atoi(y)
						require.NoError(t, err)
						assert.Greater(t, n, 2000, "a calendar year: %v", row)
					}
				}
			}
		}
		assert.True(t, calendarSeen, "the samples' CMU 328 payments are calendar years")
	}
}
