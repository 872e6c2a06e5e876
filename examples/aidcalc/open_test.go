package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/uacaptivity/captivity/internal/golden"
	"github.com/uacaptivity/captivity/internal/projected"
)

const openCases = "../../internal/samples/testdata/open.json"

// -screen and -project on cases with only an application print what a
// caseworker acts on, in both languages; on the embedded samples they
// run too.
func TestScreenAndProject(t *testing.T) {
	for _, lang := range []string{"en", "uk"} {
		code, out, errs := runWith(t, "", "-screen", "-as-of", "2026-12-02", "-in", openCases, "-lang", lang)
		require.Equal(t, 0, code, errs)
		golden.Check(t, "screen-"+lang, []byte(out))
		if lang == "uk" {
			assert.Empty(t, golden.EnglishWords(out), out)
		}
		code, out, errs = runWith(t, "", "-project", "-as-of", "2026-12-02", "-in", openCases, "-lang", lang)
		require.Equal(t, 0, code, errs)
		golden.Check(t, "project-"+lang, []byte(out))
		if lang == "uk" {
			assert.Empty(t, golden.EnglishWords(out), out)
		}
		for _, mode := range []string{"-screen", "-project"} {
			code, out, errs = runWith(t, "", mode, "-as-of", "2026-12-02", "-lang", lang)
			require.Equal(t, 0, code, errs)
			assert.Contains(t, out, "C-08")
			if lang == "uk" {
				assert.Empty(t, golden.EnglishWords(out), "%s:\n%s", mode, out)
			}
		}
	}
	code, out, _ := runWith(t, "", "-screen", "-as-of", "2026-12-02", "-in", openCases)
	require.Equal(t, 0, code)
	for _, want := range []string{
		"O-01 e1, civilian hostage (application pending): LIKELY COVERED BY THE LAW",
		"MISSING: whether the person was serving in Ukraine's security and defence forces when captured",
		"NOT MET: not a citizen of Ukraine: the law does not cover foreign civilians",
		"document ✗ documents or information on breaches of the Fourth Geneva Convention",
	} {
		assert.Contains(t, out, want)
	}
	code, out, _ = runWith(t, "", "-project", "-as-of", "2026-12-02", "-established-on", "2027-01-15", "-in", openCases)
	require.Equal(t, 0, code)
	assert.Contains(t, out, "2027-01-15  2027-03-10  e1       annual state aid  family  3     100000.00")
	assert.Contains(t, out, "O-04 e1: not projected")
}

// -project writes JSON lines with every line marked projected; -calendar
// writes an .ics a parser that is not ours reads, a CSV, or JSON Lines.
func TestProjectJSONAndCalendar(t *testing.T) {
	dir := t.TempDir()
	ics1 := filepath.Join(dir, "reminders.ics")
	out := filepath.Join(dir, "projections.jsonl")
	code, _, errs := runWith(t, "", "-project", "-as-of", "2026-12-02", "-in", openCases, "-out", out, "-calendar", ics1)
	require.Equal(t, 0, code, errs)
	assert.Contains(t, errs, "calendar "+ics1+": ")
	f, err := os.Open(out)
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	n := 0
	for sc.Scan() {
		var p projected.Case
		require.NoError(t, json.Unmarshal(sc.Bytes(), &p))
		n++
		if p.Report != nil {
			require.NotEmpty(t, p.Report.Projected)
			for _, d := range p.Report.Decisions {
				assert.True(t, d.Projected)
			}
			for _, e := range p.Report.Entitlements {
				assert.True(t, e.Projected)
			}
		}
		for _, r := range p.Calendar {
			assert.True(t, r.Projected)
		}
	}
	assert.Equal(t, 5, n, "a line per case of open.json")

	data, err := os.ReadFile(ics1)
	require.NoError(t, err)
	cal, err := ics.ParseCalendar(strings.NewReader(string(data)))
	require.NoError(t, err)
	require.NotEmpty(t, cal.Events())
	assert.Contains(t, cal.Events()[0].GetProperty(ics.ComponentPropertyCategories).Value, "PROJECTED")

	// The real calendar of the samples, as CSV and as JSON Lines.
	csvPath := filepath.Join(dir, "calendar.csv")
	code, table, errs := runWith(t, "", "-calendar", csvPath, "-as-of", "2026-12-02")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, table, "DATE")
	b, err := os.ReadFile(csvPath)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(b), "case_id,date,kind,"))
	xl := filepath.Join(dir, "calendar.xlsx")
	code, _, errs = runWith(t, "", "-calendar", xl, "-as-of", "2026-12-02", "-lang", "uk")
	require.Equal(t, 0, code, errs)
	book, err := excelize.OpenFile(xl)
	require.NoError(t, err)
	rows, err := book.GetRows("calendar")
	require.NoError(t, err)
	assert.Greater(t, len(rows), 1)
	jl := filepath.Join(dir, "calendar.jsonl")
	code, _, errs = runWith(t, "", "-calendar", jl, "-as-of", "2026-12-02")
	require.Equal(t, 0, code, errs)
	b, err = os.ReadFile(jl)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"kind":"claimable"`)
}

func TestOpenFlagsThatDoNotApply(t *testing.T) {
	for args, want := range map[string]string{
		"-screen -project":                    "choose one",
		"-established-on 2027-01-01":          "-established-on applies to a projection",
		"-screen -calendar x.ics":             "not with -screen",
		"-project -format csv -out d":         "write a table or JSON",
		"-project -explain C-01":              "do not combine",
		"-calendar x.txt":                     "name the file .ics",
		"-project -established-on 2027-02-30": "-established-on:",
	} {
		code, _, errs := runWith(t, "", strings.Fields(args)...)
		assert.Equal(t, 2, code, args)
		assert.Contains(t, errs, want, args)
	}
}
