package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Personal data in bad input: a name and an RNOKPP, which must never be
// echoed on standard output or standard error.
const (
	secretName   = "Коваленко Оксана Петрівна"
	secretRNOKPP = "3123456789"
)

// badInputs writes broken case files and case tables that carry a name
// and an RNOKPP, each as a path to give -in.
func badInputs(t *testing.T) map[string]string {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
		return p
	}
	person := `"person":{"citizenship":"UA","name":"` + secretName + `","rnokpp":"` + secretRNOKPP + `"}`
	ep := `"episodes":[{"id":"e1","category":"civilian","captured":"2023-02-10"}]`
	return map[string]string{
		"unknown key holding a name":  write("key.json", `{"id":"A",`+person+`,`+ep+`,"`+secretName+`":1}`),
		"escape sequences in a key":   write("esc.json", `{"id":"A",`+person+`,`+ep+`,"\u001b[2J\u001b]0;pwned\u0007":1}`),
		"bad date next to a name":     write("date.json", `{"id":"A",`+person+`,"episodes":[{"id":"e1","category":"civilian","captured":"2023-02-30"}]}`),
		"duplicate key":               write("dup.json", `{"id":"A",`+person+`,`+ep+`,"id":"B"}`),
		"syntax error after a name":   write("syntax.json", `[{"id":"A",`+person+`,"episodes": }]`),
		"latin-1 name":                write("latin1.json", `{"id":"A","person":{"citizenship":"UA","name":"Ren`+"\xe9"+` `+secretRNOKPP+`"},`+ep+`}`),
		"utf-16":                      write("utf16.json", "\xff\xfe{\x00\"\x00i\x00d\x00\"\x00"),
		"tables without a header row": filepath.Dir(write("nohead/cases.csv", "A,UA,,"+secretName+",,"+secretRNOKPP+",\n")),
		"tables in latin-1":           filepath.Dir(write("latin1/cases.csv", "case_id,citizenship,name,rnokpp\nA,UA,Ren\xe9,"+secretRNOKPP+"\n")),
		"bad rnokpp in tables":        filepath.Dir(write("rnokpp/cases.csv", "case_id,citizenship,name,rnokpp\nA,UA,"+secretName+",3123456780\n")),
	}
}

// Every bad input, in every mode: a clear message placed in the input,
// exit status 1, no name or RNOKPP echoed, no raw escape sequence, the
// output folder exactly as it was, and no temporary file left behind.
func TestBadInputLeaksNothingAndWritesNothing(t *testing.T) {
	for name, in := range badInputs(t) {
		for _, format := range []string{"table", "jsonl", "json", "csv"} {
			t.Run(name+"/"+format, func(t *testing.T) {
				tmp := t.TempDir()
				t.Setenv("TMPDIR", tmp)
				outDir := t.TempDir()
				before := filepath.Join(outDir, "kept.txt")
				require.NoError(t, os.WriteFile(before, []byte("was here"), 0o644))
				target := filepath.Join(outDir, "out")
				args := []string{"-in", in, "-format", format, "-out", target, "-as-of", "2026-11-28"}
				code, out, errs := runWith(t, "", args...)
				assert.Equal(t, 1, code, errs)
				for _, secret := range []string{secretName, secretRNOKPP, "pwned", "\x1b"} {
					assert.NotContains(t, out, secret)
					assert.NotContains(t, errs, secret)
				}
				assert.Contains(t, errs, filepath.Base(in), "the message names the input")
				entries, err := os.ReadDir(outDir)
				require.NoError(t, err)
				require.Len(t, entries, 1, "nothing written beside what was there: %v", entries)
				got, err := os.ReadFile(before)
				require.NoError(t, err)
				assert.Equal(t, "was here", string(got))
				left, err := os.ReadDir(tmp)
				require.NoError(t, err)
				assert.Empty(t, left, "temporary files left behind")
			})
		}
	}
}

// Encodings are named, never rewritten.
func TestBadInputNamesTheEncoding(t *testing.T) {
	in := badInputs(t)
	_, _, errs := runWith(t, "", "-in", in["latin-1 name"])
	assert.Contains(t, errs, "0xE9 is not UTF-8")
	_, _, errs = runWith(t, "", "-in", in["utf-16"])
	assert.Contains(t, errs, "UTF-16 little-endian")
	_, _, errs = runWith(t, "", "-in", in["tables in latin-1"])
	assert.Contains(t, errs, "0xE9 is not UTF-8")
}

// With some good cases and some bad: the good ones are written, the bad
// ones listed in the problems report, exit 1; -strict writes nothing and
// leaves what was there.
func TestSomeBadCases(t *testing.T) {
	dir := t.TempDir()
	good := `{"id":"G","person":{"citizenship":"UA"},"episodes":[{"id":"e1","category":"civilian","captured":"2023-02-10"}]}`
	bad := `{"id":"B","person":{"citizenship":"UA"},"episodes":[{"id":"e1","category":"civilian","captured":"2023-02-30"}]}`
	in := filepath.Join(dir, "mixed.jsonl")
	require.NoError(t, os.WriteFile(in, []byte(good+"\n"+bad+"\n"), 0o644))

	out := filepath.Join(dir, "reports")
	code, _, errs := runWith(t, "", "-in", in, "-format", "csv", "-out", out, "-as-of", "2026-11-28")
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "listed in")
	status, err := os.ReadFile(filepath.Join(out, "status.csv"))
	require.NoError(t, err)
	assert.Contains(t, string(status), "\nG,")
	assert.NotContains(t, string(status), "\nB,")
	problems, err := os.ReadFile(filepath.Join(out, "problems.csv"))
	require.NoError(t, err)
	assert.Contains(t, string(problems), "mixed.jsonl,B,2,,episodes[0].captured,,invalid,")

	strictOut := filepath.Join(dir, "strict")
	require.NoError(t, os.MkdirAll(strictOut, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(strictOut, "status.csv"), []byte("old"), 0o644))
	code, _, errs = runWith(t, "", "-in", in, "-format", "csv", "-out", strictOut, "-strict")
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "nothing written")
	old, err := os.ReadFile(filepath.Join(strictOut, "status.csv"))
	require.NoError(t, err)
	assert.Equal(t, "old", string(old), "a failed run never overwrites what was there")
	entries, _ := os.ReadDir(strictOut)
	assert.Len(t, entries, 1)
}

// A case ID on two rows of cases.csv that are not next to each other is
// reported once, as a problem, in every format; it is never counted twice.
func TestRepeatedCaseInTables(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "cases.csv"), []byte("case_id,citizenship\nA,UA\nB,UA\nA,UA\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "episodes.csv"), []byte("case_id,episode_id,category,captured\nA,e1,civilian,2023-02-10\nB,e1,civilian,2023-02-10\nA,e1,civilian,2023-02-10\n"), 0o644))
	for _, format := range []string{"table", "jsonl"} {
		code, out, errs := runWith(t, "", "-in", dir, "-format", format, "-as-of", "2026-11-28")
		assert.Equal(t, 1, code)
		assert.Contains(t, errs, "cases.csv:4:1 (case_id): is the case ID of line 2 too")
		if format == "jsonl" {
			assert.Equal(t, 2, strings.Count(out, "\n"), "A and B once each")
		}
	}
}

// The limits have flags; over one, a clear error with its place, and
// nothing written.
func TestLimits(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "cases.csv"), []byte("case_id,citizenship,note\nA,UA,"+strings.Repeat("x", 300)+"\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "episodes.csv"), []byte("case_id,episode_id,category,captured,released\nA,e1,civilian,2023-02-10,2023-05-01\nA,e2,civilian,2024-02-10,\n"), 0o644))
	code, _, errs := runWith(t, "", "-in", dir, "-max-record-bytes", "100")
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "cases.csv:2: has a line over 100 bytes")
	code, _, errs = runWith(t, "", "-in", dir, "-max-case-rows", "2")
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "episodes.csv:3:1 (case_id): is a row past the limit of 2 rows per case")
	json := filepath.Join(dir, "big.json")
	require.NoError(t, os.WriteFile(json, []byte(`[{"id":"A","note":"`+strings.Repeat("x", 300)+`"}]`), 0o644))
	code, _, errs = runWith(t, "", "-in", json, "-max-case-bytes", "100")
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "big.json:1:2: a case is over the size limit")
}
