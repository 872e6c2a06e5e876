package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/internal/golden"
	"github.com/xuri/excelize/v2"
)

var today = civil.MustParse("2026-11-28")

func runWith(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb, today, func() time.Time { return time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC) })
	return code, out.String(), errb.String()
}

func TestEmbeddedCases(t *testing.T) {
	code, out, errs := runWith(t, "", "-as-of", "2026-11-28", "-timeline")
	require.Equal(t, 0, code, errs)
	golden.Check(t, "table", []byte(out))
}

func TestDefaultsToToday(t *testing.T) {
	code, out, _ := runWith(t, "")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "evaluated on 2026-11-28")
}

// -help prints what the program does, examples and exit codes, and
// exits 0; a flag that does not apply is an error that says why.
func TestHelpAndFlagsThatDoNotApply(t *testing.T) {
	code, out, _ := runWith(t, "", "-help")
	assert.Equal(t, 0, code)
	for _, want := range []string{"Usage:", "Examples:", "Flags:", "Exit status:", "-format"} {
		assert.Contains(t, out, want)
	}
	for args, want := range map[string]string{
		"-redact":                          "-redact applies to the case tables of -cases-out",
		"-excel":                           "-excel applies to CSV",
		"-format jsonl -timeline":          "-timeline applies to the table output",
		"-format csv -out x -explain C-01": "-explain prints a case's reasoning as text",
		"-quiet -progress":                 "contradict",
		"-format jsonl -out results.json":  "a .json name holds one JSON document",
		"-format json -out results.jsonl":  "a .jsonl name holds JSON Lines",
		"-format yaml":                     "is not table, jsonl, json, csv or xlsx",
		"-explain C-01 -compare draft6700": "choose one",
	} {
		code, _, errs := runWith(t, "", strings.Fields(args)...)
		assert.Equal(t, 2, code, args)
		assert.Contains(t, errs, want, args)
	}
}

func TestExplain(t *testing.T) {
	code, out, errs := runWith(t, "", "-as-of", "2026-11-28", "-explain", "C-04", "-lang", "uk")
	require.Equal(t, 0, code, errs)
	assert.True(t, strings.HasPrefix(out, "Обґрунтування справи C-04"), "-explain prints the reasoning alone:\n%s", out)
	golden.Check(t, "explain-C-04-uk", []byte("\n"+out))
	code, _, errs = runWith(t, "", "-explain", "nope")
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "no case")
}

func TestJSON(t *testing.T) {
	code, out, errs := runWith(t, "", "-as-of", "2026-11-28", "-format", "jsonl")
	require.Equal(t, 0, code, errs)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 13, "JSON Lines: one object per case")
	// -format json: the same reports as one JSON array.
	_, arrOut, _ := runWith(t, "", "-as-of", "2026-11-28", "-format", "json")
	var arr []json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(arrOut), &arr))
	require.Len(t, arr, 13)
	var compact bytes.Buffer
	require.NoError(t, json.Compact(&compact, arr[0]))
	assert.Equal(t, lines[0], compact.String())
	var rep struct {
		CaseID string `json:"case_id"`
		AsOf   string `json:"as_of"`
		Stamp  struct {
			RuleSet    string `json:"rule_set"`
			ParamsHash string `json:"params_hash"`
		} `json:"stamp"`
		Decisions []struct {
			Amount string `json:"amount"`
			Trace  []any  `json:"trace"`
		} `json:"decisions"`
		Entitlements []any `json:"entitlements"`
	}
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &rep))
	assert.Equal(t, "C-01", rep.CaseID)
	assert.Equal(t, "2026-11-28", rep.AsOf)
	assert.Equal(t, "RPS-1", rep.Stamp.RuleSet)
	assert.Len(t, rep.Stamp.ParamsHash, 64)
	assert.Equal(t, "100000.00", rep.Decisions[0].Amount)
	assert.NotEmpty(t, rep.Decisions[0].Trace)
	assert.NotEmpty(t, rep.Entitlements)
}

// The embedded cases written as case tables and read back with -in DIR
// give the same results; the reports come out as CSV with -format csv.
func TestCaseTablesAndCSVReports(t *testing.T) {
	dir := t.TempDir()
	tablesDir := filepath.Join(dir, "tables")
	code, direct, errs := runWith(t, "", "-as-of", "2026-11-28", "-cases-out", tablesDir, "-excel")
	require.Equal(t, 0, code, errs)
	for _, n := range []string{"cases.csv", "episodes.csv", "family.csv", "events.csv"} {
		b, err := os.ReadFile(filepath.Join(tablesDir, n))
		require.NoError(t, err)
		assert.True(t, strings.HasPrefix(string(b), "\ufeff"), "-excel adds a byte-order mark to %s", n)
	}
	code, viaTables, errs := runWith(t, "", "-as-of", "2026-11-28", "-in", tablesDir)
	require.Equal(t, 0, code, errs)
	assert.Equal(t, strings.Replace(direct, "embedded sample cases", tablesDir, 1), viaTables)

	reports := filepath.Join(dir, "reports")
	code, out, errs := runWith(t, "", "-as-of", "2026-11-28", "-format", "csv", "-out", reports, "-lang", "uk")
	require.Equal(t, 0, code, errs)
	assert.Empty(t, out)
	b, err := os.ReadFile(filepath.Join(reports, "decisions.csv"))
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(b), "ідентифікатор справи,"), "Ukrainian headers with -lang uk")
	assert.Equal(t, 39, strings.Count(string(b), "\n"), "a header and 38 decisions")

	code, _, errs = runWith(t, "", "-format", "csv")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "-out")
}

func TestRedactedCaseTables(t *testing.T) {
	dir := t.TempDir()
	code, _, errs := runWith(t, "", "-cases-out", dir, "-redact")
	require.Equal(t, 0, code, errs)
	b, err := os.ReadFile(filepath.Join(dir, "cases.csv"))
	require.NoError(t, err)
	assert.NotContains(t, string(b), "Тестенко")
	assert.NotContains(t, string(b), "3123456789")
}

func TestBadCaseTables(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "cases.csv"), []byte("case_id,citizenship\nA,UA\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "episodes.csv"), []byte("case_id,episode_id,category,captured\nA,e1,civilian,2023-02-30\n"), 0o644))
	code, out, errs := runWith(t, "", "-in", dir)
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, "episodes.csv:2:4 (captured): is not an existing date")
}

func TestInputFilesAndStdin(t *testing.T) {
	data, err := os.ReadFile("../../internal/samples/testdata/cases.json")
	require.NoError(t, err)
	code, fromStdin, errs := runWith(t, string(data), "-in", "-", "-as-of", "2026-11-28")
	require.Equal(t, 0, code, errs)
	code, fromFile, errs := runWith(t, "", "-in", "../../internal/samples/testdata/cases.json", "-as-of", "2026-11-28")
	require.Equal(t, 0, code, errs)
	assert.Equal(t, strings.Replace(fromFile, "../../internal/samples/testdata/cases.json", "-", 1), fromStdin)
	// The same file twice gives duplicate case IDs across files.
	code, _, errs = runWith(t, "", "-in", "../../internal/samples/testdata/cases.json", "-in", "../../internal/samples/testdata/cases.json")
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "cases.json:2: case C-01: id: the same case ID is also at ../../internal/samples/testdata/cases.json:2")
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"syntax error", []string{"-in", "testdata/broken.json"}, []string{"testdata/broken.json:4:9: invalid character"}},
		{"impossible date and missing claimant", []string{"-in", "testdata/impossible.json"},
			[]string{"episodes[0].captured: is not an existing date", "events[0].party: refers to a family member that is not in the case"}},
		{"missing file", []string{"-in", "testdata/nope.json"}, []string{"nope.json"}},
		{"bad flag value", []string{"-as-of", "2023-02-30"}, []string{"-as-of"}},
		{"bad format", []string{"-format", "xml"}, []string{"-format"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runWith(t, "", tt.args...)
			assert.NotEqual(t, 0, code)
			assert.Empty(t, out, "nothing half-done on standard output")
			for _, w := range tt.want {
				assert.Contains(t, errs, w)
			}
		})
	}
}

func TestRulesFlag(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "rules.json")
	require.NoError(t, os.WriteFile(path, []byte(`{"name":"catch-up","held_claim_scope":"current_and_unpaid_started_years"}`), 0o644))
	code, out, errs := runWith(t, "", "-rules", path, "-as-of", "2026-11-28")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "under rule set catch-up")
	// C-01's second claim now also pays the unpaid year 2 (Q4 catch-up).
	assert.Contains(t, out, "years 2,3")

	require.NoError(t, os.WriteFile(path, []byte(`{"name":"x","options":{"held_claim_scope":"everything"}}`), 0o644))
	code, _, errs = runWith(t, "", "-rules", path)
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "held_claim_scope")
}

// In the streaming formats a bad case is reported and the others go on.
func TestStreamGoesOnAfterABadCase(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "cases.csv"), []byte("case_id,citizenship\nA,UA\nB,UA\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "episodes.csv"), []byte("case_id,episode_id,category,captured,released,release_kind\nA,e1,civilian,2023-02-10,2022-01-01,exchange\nB,e1,civilian,2023-02-10,,\n"), 0o644))
	code, out, errs := runWith(t, "", "-in", dir, "-format", "jsonl", "-as-of", "2026-11-28")
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "episodes.csv:2:5 (released): must not be before episodes[0].captured")
	assert.Contains(t, errs, "aidcalc: 2 cases in")
	assert.Equal(t, 1, strings.Count(out, "\n"), "case B is still reported")
	assert.Contains(t, out, `"case_id":"B"`)
}

// The comparison names each total and reconciles with the main table: its
// "granted by the decisions" under the reference rule set is the table's
// "granted in all"; a change in what is open to claim gets a line of its
// own, though no claim changed.
func TestCompareTotalsReconcile(t *testing.T) {
	_, table, _ := runWith(t, "", "-as-of", "2026-11-28")
	_, cmp, _ := runWith(t, "", "-as-of", "2026-11-28", "-compare", "held_claim_scope=current_and_unpaid_started_years")
	assert.Contains(t, table, "UAH 3250000.00 granted in all")
	assert.Contains(t, cmp, "granted by the decisions:                RPS-1 UAH 3250000.00,")
	for _, name := range []string{"paid (recorded in the cases):", "open to claim on the day:", "total (granted + paid + open):"} {
		assert.Contains(t, cmp, name)
	}
	assert.Contains(t, cmp, "C-02: RPS-1 UAH 900000.00, held_claim_scope=current_and_unpaid_started_years UAH 1100000.00, difference 200000.00\n"+
		"  open e1 annual family: 100000.00 for years [11] → 300000.00 for years [9 10 11] (200000.00) because of held_claim_scope\n")
}

func TestCompare(t *testing.T) {
	code, out, errs := runWith(t, "", "-as-of", "2026-11-28", "-compare", "held_claim_scope=current_and_unpaid_started_years")
	require.Equal(t, 0, code, errs)
	golden.Check(t, "compare-catchup", []byte(out))
	code, out, errs = runWith(t, "", "-as-of", "2026-11-28", "-compare", "draft6700")
	require.Equal(t, 0, code, errs)
	golden.Check(t, "compare-draft6700", []byte(out))
	assert.Contains(t, out, "never enacted")

	code, out, errs = runWith(t, "", "-as-of", "2026-11-28", "-compare", "feb29_rule=mar1", "-format", "jsonl")
	require.Equal(t, 0, code, errs)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 13)
	var row struct {
		CaseID     string `json:"case_id"`
		Delta      string `json:"delta"`
		Comparison struct {
			Claims []struct {
				Changed bool `json:"changed"`
				Causes  []struct {
					Name string `json:"name"`
				} `json:"causes"`
			} `json:"claims"`
		} `json:"comparison"`
	}
	require.NoError(t, json.Unmarshal([]byte(lines[10]), &row))
	assert.Equal(t, "C-11", row.CaseID)
	assert.Equal(t, "-100000.00", row.Delta, "C-11: under mar1 the year is not complete")
	require.True(t, row.Comparison.Claims[0].Changed)
	assert.Equal(t, "feb29_rule", row.Comparison.Claims[0].Causes[0].Name)

	dir := t.TempDir()
	code, _, errs = runWith(t, "", "-as-of", "2026-11-28", "-compare", "draft6700", "-format", "csv", "-out", dir)
	require.Equal(t, 0, code, errs)
	b, err := os.ReadFile(filepath.Join(dir, "comparison.csv"))
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(b), "case_id,base,other,as_of,total_base,total_other,delta,"))
	assert.Contains(t, errs, "13 cases: 3 gain, 10 lose")

	code, _, errs = runWith(t, "", "-compare", "held_payee=everyone")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "held_payee")
}

// -template writes a case-entry workbook; its example case, read back
// with -in, is decided as the same case in JSON (sample C-02).
func TestTemplateRoundTrip(t *testing.T) {
	book := filepath.Join(t.TempDir(), "t.xlsx")
	code, _, errs := runWith(t, "", "-template", book)
	require.Equal(t, 0, code, errs)
	code, fromBook, errs := runWith(t, "", "-in", book, "-format", "jsonl", "-as-of", "2026-11-28", "-quiet")
	require.Equal(t, 0, code, errs)
	_, all, _ := runWith(t, "", "-format", "jsonl", "-as-of", "2026-11-28", "-quiet")
	var want string
	for _, line := range strings.Split(all, "\n") {
		if strings.Contains(line, `"case_id":"C-02"`) {
			want = line
		}
	}
	require.NotEmpty(t, want)
	decisions := func(line string) string {
		var r struct {
			Decisions []struct {
				Seq     int    `json:"seq"`
				Granted bool   `json:"granted"`
				Amount  string `json:"amount"`
			} `json:"decisions"`
		}
		require.NoError(t, json.Unmarshal([]byte(line), &r))
		return fmt.Sprint(r.Decisions)
	}
	assert.Equal(t, decisions(want), decisions(strings.TrimSpace(fromBook)))
	code, _, errs = runWith(t, "", "-template", filepath.Join(t.TempDir(), "t.csv"))
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "name it .xlsx")
}

// -format xlsx writes the reports as one workbook, into a folder or a
// FILE.xlsx (which implies the format).
func TestXLSXReports(t *testing.T) {
	dir := t.TempDir()
	code, _, errs := runWith(t, "", "-format", "xlsx", "-out", dir, "-as-of", "2026-11-28", "-quiet")
	require.Equal(t, 0, code, errs)
	f, err := excelize.OpenFile(filepath.Join(dir, "reports.xlsx"))
	require.NoError(t, err)
	rows, err := f.GetRows("decisions")
	require.NoError(t, err)
	assert.Len(t, rows, 39, "a header and the 38 claims of the samples")
	require.NoError(t, f.Close())
	book := filepath.Join(t.TempDir(), "r.xlsx")
	code, _, errs = runWith(t, "", "-out", book, "-as-of", "2026-11-28", "-quiet")
	require.Equal(t, 0, code, errs)
	f, err = excelize.OpenFile(book)
	require.NoError(t, err)
	assert.Equal(t, []string{"status", "timeline", "decisions", "entitlements", "recoveries", "warnings"}, f.GetSheetList())
	require.NoError(t, f.Close())
}
