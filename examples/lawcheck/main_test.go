package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uacaptivity/captivity/internal/golden"
)

func TestLibraryCasesPass(t *testing.T) {
	for _, args := range [][]string{nil, {"../../lawcase/testdata"}} {
		var out, errs bytes.Buffer
		code := run(args, &out, &errs)
		assert.Equal(t, 0, code, out.String()+errs.String())
		assert.Contains(t, out.String(), "PASS  028-a6-worked-example")
		assert.Regexp(t, `\n\d+ passed, 0 failed\n$`, out.String())
	}
}

func TestFailureShowsTheDifference(t *testing.T) {
	var out, errs bytes.Buffer
	code := run([]string{"testdata/failing"}, &out, &errs)
	assert.Equal(t, 1, code)
	assert.Equal(t, "FAIL  one.json  a lawyer's wrong expectation  [A1 Art. 7(1)]\n"+
		"        claim #3: want amount 50000.00, got 100000.00\n\n0 passed, 1 failed\n", out.String())
}

func TestHelpAndUsage(t *testing.T) {
	for _, h := range []string{"-help", "-h", "--help"} {
		var out, errs bytes.Buffer
		assert.Equal(t, 0, run([]string{h}, &out, &errs), h)
		assert.Contains(t, out.String(), "Examples:")
		assert.Contains(t, out.String(), "Exit status:")
	}
	var out, errs bytes.Buffer
	assert.Equal(t, 2, run([]string{"a", "b"}, &out, &errs))
	assert.Equal(t, 2, run([]string{"testdata/nowhere"}, &out, &errs))
	assert.Contains(t, errs.String(), "is not a folder")
	assert.Equal(t, 2, run([]string{"-nope"}, &out, &errs))
}

// A case file among the tests is named as one, with the file's name.
func TestCaseFileIsNamed(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "case.json"), []byte(`{"id":"A","person":{"citizenship":"UA"},"episodes":[]}`), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "typo.json"), []byte(`{"name":"has a typo","case":{},"expext":{}}`), 0o644))
	var out, errs bytes.Buffer
	assert.Equal(t, 1, run([]string{dir}, &out, &errs))
	assert.Contains(t, out.String(), "FAIL  case.json    []\n        this is a case file, not a legal test case")
	assert.Contains(t, out.String(), "FAIL  typo.json  has a typo  []\n        cannot read the file: json: unknown field \"expext\"")
}

// -lang uk: the report's own words in Ukrainian (the file's name and rule
// are its author's), and the help too.
func TestUkrainian(t *testing.T) {
	var out, errs bytes.Buffer
	assert.Equal(t, 1, run([]string{"-lang", "uk", "testdata/failing"}, &out, &errs))
	lines := strings.Split(out.String(), "\n")
	assert.True(t, strings.HasPrefix(lines[0], "НІ "), lines[0])
	assert.Empty(t, golden.EnglishWords(strings.Join(lines[1:], "\n")), out.String())
	out.Reset()
	assert.Equal(t, 0, run([]string{"-lang", "uk", "-help"}, &out, &errs))
	assert.Empty(t, golden.EnglishWords(out.String()), out.String())
	assert.Contains(t, out.String(), "Приклади:")
}
