package export_test

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/export"
	"github.com/uacaptivity/captivity/internal/samples"
	"github.com/uacaptivity/captivity/internal/synth"
	"github.com/uacaptivity/captivity/prisoner"
	"github.com/xuri/excelize/v2"
)

// readWorkbook reads every case of a case workbook.
func readWorkbook(t *testing.T, data []byte) ([]prisoner.Case, error) {
	t.Helper()
	r, closeAll, err := export.NewCaseWorkbookReader(bytes.NewReader(data), "book.xlsx", export.Sources{})
	require.NoError(t, err)
	defer closeAll()
	var out []prisoner.Case
	for {
		c, err := r.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, c)
	}
}

func writeWorkbook(t *testing.T, cs []prisoner.Case, opts export.CSVOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := export.NewCaseWorkbookWriter(&buf, opts)
	for _, c := range cs {
		require.NoError(t, w.Write(c))
	}
	require.NoError(t, w.Flush())
	return buf.Bytes()
}

// The sample cases through a case workbook and back are the same cases;
// amounts are numbers read back exactly from their stored text, dates
// real date cells, IDs and RNOKPP text, with Ukrainian headers too.
func TestCaseWorkbookRoundTrip(t *testing.T) {
	cs, err := samples.Cases()
	require.NoError(t, err)
	// Amounts a float would not keep, and a member ID with leading zeros.
	extra := prisoner.Case{ID: "007", Person: prisoner.Person{Citizenship: "UA", RNOKPP: "0123456781"},
		Episodes: []prisoner.Episode{{ID: "e1", Category: prisoner.Political, Captured: civil.MustParse("2016-02-29")}},
		Family:   []prisoner.FamilyMember{{ID: "0012", Relation: prisoner.Parent}}}
	for i, amt := range []string{"0.10", "0.20", "999999999.99", "100000.00", "1234.56"} {
		extra.Events = append(extra.Events, prisoner.Event{Seq: i + 1, Date: civil.MustParse("2019-05-01").AddDays(i), Kind: prisoner.Payment,
			Episode: "e1", Party: "0012", Aid: prisoner.Reg2018Support, Year: 2019 + i, Amount: amt, Regime: prisoner.Reg2018})
	}
	require.NoError(t, extra.Validate())
	cs = append(cs, extra)
	for _, opts := range []export.CSVOptions{{}, {Headers: export.Ukrainian}} {
		data := writeWorkbook(t, cs, opts)
		got, err := readWorkbook(t, data)
		require.NoError(t, err)
		require.Len(t, got, len(cs))
		for i := range cs {
			assert.Equal(t, cs[i], got[i], "case %s (headers %q)", cs[i].ID, opts.Headers)
		}

		// The cells are typed as a spreadsheet shows them.
		f, err := excelize.OpenReader(bytes.NewReader(data))
		require.NoError(t, err)
		rows, err := f.GetRows(export.EventsSheet, excelize.Options{RawCellValue: true})
		require.NoError(t, err)
		var amounts []string
		for r, row := range rows[1:] {
			if len(row) > 14 && row[14] != "" {
				amounts = append(amounts, row[14])
				typ, err := f.GetCellType(export.EventsSheet, fmt.Sprintf("O%d", r+2))
				require.NoError(t, err)
				assert.NotEqual(t, excelize.CellTypeInlineString, typ, "an amount is a number cell")
			}
		}
		assert.Contains(t, amounts, "999999999.99", "the stored text of the amount, digit for digit")
		assert.Contains(t, amounts, "0.10", "the amount as written, two decimals, no float between")
		dvs, err := f.GetDataValidations(export.EventsSheet)
		require.NoError(t, err)
		assert.NotEmpty(t, dvs, "drop-downs on the enumerated columns")
		panes, err := f.GetPanes(export.CasesSheet)
		require.NoError(t, err)
		assert.True(t, panes.Freeze, "the header row is frozen")
		require.NoError(t, f.Close())
	}
}

// Any bytes as a case workbook: an error or cases, never a panic.
func FuzzCaseWorkbookReader(f *testing.F) {
	cs, err := samples.Cases()
	require.NoError(f, err)
	var buf bytes.Buffer
	w := export.NewCaseWorkbookWriter(&buf, export.CSVOptions{})
	for _, c := range cs[:3] {
		require.NoError(f, w.Write(c))
	}
	require.NoError(f, w.Flush())
	f.Add(buf.Bytes())
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, closeAll, err := export.NewCaseWorkbookReader(bytes.NewReader(data), "fuzz.xlsx", export.Sources{})
		if err != nil {
			return
		}
		defer closeAll()
		for range 1000 {
			if _, err := r.Next(); err == io.EOF {
				return
			}
		}
	})
}

var workbookCases = flag.Int("workbook-cases", 10000, "cases in BenchmarkCaseWorkbook (the README measures 100000)")

// BenchmarkCaseWorkbook writes generated cases as a case workbook to a
// file and reads them back, reporting the peak live heap of each half:
// the writer spills each sheet to a temporary file past 16 MiB, the
// reader goes row by row, so memory does not grow with the register.
func BenchmarkCaseWorkbook(b *testing.B) {
	b.ReportAllocs()
	path := filepath.Join(b.TempDir(), "register.xlsx")
	heap := func() float64 {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return float64(ms.HeapAlloc) / (1 << 20)
	}
	var peakW, peakR float64
	for b.Loop() {
		f, err := os.Create(path)
		require.NoError(b, err)
		w := export.NewCaseWorkbookWriter(f, export.CSVOptions{})
		g := synth.New(1)
		for i := range *workbookCases {
			require.NoError(b, w.Write(g.Next()))
			if i%2000 == 0 {
				peakW = max(peakW, heap())
			}
		}
		require.NoError(b, w.Flush())
		require.NoError(b, f.Close())
		rf, err := os.Open(path)
		require.NoError(b, err)
		r, closeAll, err := export.NewCaseWorkbookReader(rf, "register.xlsx", export.Sources{})
		require.NoError(b, err)
		require.NoError(b, rf.Close())
		n := 0
		for {
			_, err := r.Next()
			if err == io.EOF {
				break
			}
			require.NoError(b, err)
			if n++; n%2000 == 0 {
				peakR = max(peakR, heap())
			}
		}
		require.NoError(b, closeAll())
		require.Equal(b, *workbookCases, n)
	}
	b.ReportMetric(peakW, "write-heap-MiB")
	b.ReportMetric(peakR, "read-heap-MiB")
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(*workbookCases), "µs/case")
}

// A cell that cannot be read is one problem, not two (the validation's
// "is required" for the value left empty is not added).
func TestOneProblemPerCell(t *testing.T) {
	fsys := fstest.MapFS{
		"cases.csv":    {Data: []byte("case_id,citizenship\nA,UA\n")},
		"episodes.csv": {Data: []byte("case_id,episode_id,category,captured\nA,e1,pirate,2023-02-30\n")},
	}
	_, err := export.ReadCaseTables(fsys, ".")
	var te *export.TableError
	require.ErrorAs(t, err, &te)
	require.Len(t, te.Problems, 2, "%v", te.Problems)
	headers := []string{te.Problems[0].Header, te.Problems[1].Header}
	assert.ElementsMatch(t, []string{"category", "captured"}, headers)
}
