package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uacaptivity/captivity/export"
	"github.com/uacaptivity/captivity/internal/golden"
	"github.com/uacaptivity/captivity/internal/samples"
)

// A clock that moves a second on every reading, so progress lines appear.
func ticking() func() time.Time {
	t := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	return func() time.Time { t = t.Add(time.Second); return t }
}

func TestReport(t *testing.T) {
	out := filepath.Join(t.TempDir(), "owed.csv")
	var stdout, stderr bytes.Buffer
	code := run([]string{"-as-of", "2026-11-28", "-out", out, "-progress", "testdata/tables"}, &stdout, &stderr, ticking(), time.UTC)
	require.Equal(t, 0, code, stderr.String())
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	golden.Check(t, "entitlements.csv", got)
	golden.Check(t, "summary.txt", []byte(strings.ReplaceAll(strings.ReplaceAll(stdout.String(), projectedPath(out), "PROJECTED"), out, "OUT")))
	// The open cases' projection, apart from the report: every row marked.
	proj, err := os.ReadFile(projectedPath(out))
	require.NoError(t, err)
	golden.Check(t, "projected.csv", proj)
	rows, err := csv.NewReader(bytes.NewReader(proj)).ReadAll()
	require.NoError(t, err)
	require.Greater(t, len(rows), 1)
	for _, r := range rows[1:] {
		assert.Equal(t, "true", r[len(r)-1], "every row is projected")
	}
	assert.Contains(t, stderr.String(), "ngo: 13 cases in ")
	assert.Regexp(t, `ngo: \d+/13 cases, \d+/s`, stderr.String(), "progress on standard error")
}

func TestExcel(t *testing.T) {
	out := filepath.Join(t.TempDir(), "owed.csv")
	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, run([]string{"-excel", "-out", out, "testdata/tables"}, &stdout, &stderr, ticking(), time.UTC))
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(got), "\ufeffcase_id,"))
	assert.Contains(t, string(got), "\r\n")
}

func TestBadRowsAreReportedAndTheRestGoesOn(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "cases.csv"), []byte("case_id,citizenship\nA,UA\nB,UA\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "episodes.csv"), []byte("case_id,episode_id,category,captured\nA,e1,civilian,2023-02-30\nB,e1,civilian,2023-02-10\n"), 0o644))
	out := filepath.Join(dir, "owed.csv")
	var stdout, stderr bytes.Buffer
	code := run([]string{"-as-of", "2026-11-28", "-out", out, dir}, &stdout, &stderr, ticking(), time.UTC)
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr.String(), "episodes.csv:2:4 (captured): is not an existing date")
	assert.Contains(t, stdout.String(), "1 case (1 with problems)")
}

func TestUsageErrors(t *testing.T) {
	var stdout, stderr bytes.Buffer
	assert.Equal(t, 2, run([]string{"a", "b"}, &stdout, &stderr, ticking(), time.UTC))
	assert.Equal(t, 2, run([]string{"-as-of", "2023-13-01"}, &stdout, &stderr, ticking(), time.UTC))
	assert.Equal(t, 1, run([]string{"-out", filepath.Join(t.TempDir(), "x.csv"), "testdata/none"}, &stdout, &stderr, ticking(), time.UTC))
}

func TestCompare(t *testing.T) {
	out := filepath.Join(t.TempDir(), "owed.csv")
	var stdout, stderr bytes.Buffer
	code := run([]string{"-as-of", "2026-11-28", "-out", out, "-compare", "held_claim_scope=current_and_unpaid_started_years", "testdata/tables"}, &stdout, &stderr, ticking(), time.UTC)
	require.Equal(t, 0, code, stderr.String())
	assert.Contains(t, stdout.String(), "13 cases: 4 gain, 0 lose, 9 unchanged")
	assert.Contains(t, stdout.String(), "cost of the change (total less due back): UAH 900000.00")
	assert.Equal(t, 2, run([]string{"-compare", "nonsense=1", "testdata/tables"}, &stdout, &stderr, ticking(), time.UTC))
}

// Bad tables carrying a name and an RNOKPP: neither is echoed, and no
// report is written (nor one already there overwritten).
func TestBadTablesLeakNothingAndWriteNothing(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "cases.csv"), []byte("A,UA,,Коваленко Оксана Петрівна,,3123456789,\n"), 0o644))
	out := filepath.Join(t.TempDir(), "owed.csv")
	require.NoError(t, os.WriteFile(out, []byte("old report"), 0o644))
	var stdout, stderr bytes.Buffer
	code := run([]string{"-as-of", "2026-11-28", "-out", out, dir}, &stdout, &stderr, ticking(), time.UTC)
	assert.Equal(t, 1, code)
	for _, secret := range []string{"Коваленко", "3123456789"} {
		assert.NotContains(t, stdout.String()+stderr.String(), secret)
	}
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, "old report", string(got))
	entries, _ := os.ReadDir(filepath.Dir(out))
	assert.Len(t, entries, 1)
}

// -help exits 0 with examples; without a folder the embedded sample
// tables run, wherever the program is; -lang uk gives the summary and the
// headers in Ukrainian.
func TestHelpDefaultsAndUkrainian(t *testing.T) {
	var stdout, stderr bytes.Buffer
	assert.Equal(t, 0, run([]string{"-help"}, &stdout, &stderr, ticking(), time.UTC))
	assert.Contains(t, stdout.String(), "Examples:")
	assert.Contains(t, stdout.String(), "Exit status:")

	stdout.Reset()
	out := filepath.Join(t.TempDir(), "owed.csv")
	require.Equal(t, 0, run([]string{"-as-of", "2026-11-28", "-out", out, "-lang", "uk", "-quiet"}, &stdout, &stderr, ticking(), time.UTC), stderr.String())
	assert.Contains(t, stdout.String(), "справ — 13 (з проблемами — 0)")
	assert.Contains(t, stdout.String(), "призначено рішеннями:  3250000.00 грн")
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(data), "ідентифікатор справи,епізод,"))
	assert.Empty(t, golden.EnglishWords(strings.ReplaceAll(strings.ReplaceAll(stdout.String()+stderr.String(), projectedPath(out), ""), out, "")), "the summary in Ukrainian:\n%s", stdout.String())
	// The report's Ukrainian column: every reason in Ukrainian.
	rows, err := csv.NewReader(strings.NewReader(string(data))).ReadAll()
	require.NoError(t, err)
	for _, row := range rows[1:] {
		assert.Empty(t, golden.EnglishWords(row[len(row)-1]), "reason_uk of %v", row)
	}

	stdout.Reset()
	assert.Equal(t, 0, run([]string{"-lang", "uk", "-help"}, &stdout, &stderr, ticking(), time.UTC))
	assert.Contains(t, stdout.String(), "Приклади:")
	assert.Empty(t, golden.EnglishWords(stdout.String()), stdout.String())
	assert.Equal(t, 2, run([]string{"-lang", "de"}, &stdout, &stderr, ticking(), time.UTC))
	assert.Equal(t, 2, run([]string{"-quiet", "-progress"}, &stdout, &stderr, ticking(), time.UTC))
}

// ngo reads a case workbook as well as a folder of tables.
func TestWorkbook(t *testing.T) {
	cs, err := samples.Cases()
	require.NoError(t, err)
	dir := t.TempDir()
	book := filepath.Join(dir, "register.xlsx")
	f, err := os.Create(book)
	require.NoError(t, err)
	require.NoError(t, export.WriteCaseTemplate(f, cs, export.CSVOptions{}))
	require.NoError(t, f.Close())
	var stdout, stderr bytes.Buffer
	out := filepath.Join(dir, "owed.csv")
	require.Equal(t, 0, run([]string{"-as-of", "2026-11-28", "-out", out, "-quiet", book}, &stdout, &stderr, ticking(), time.UTC), stderr.String())
	assert.Contains(t, stdout.String(), "13 cases (0 with problems), 30 report lines")
	assert.Contains(t, stdout.String(), "granted by decisions:  UAH 3250000.00")
}
