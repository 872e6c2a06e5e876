package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLibraryCasesPass(t *testing.T) {
	var out, errs bytes.Buffer
	code := run([]string{"../../lawcase/testdata"}, &out, &errs)
	assert.Equal(t, 0, code, out.String()+errs.String())
	assert.Contains(t, out.String(), "PASS  028-a6-worked-example")
	assert.Regexp(t, `\n\d+ passed, 0 failed\n$`, out.String())
}

func TestFailureShowsTheDifference(t *testing.T) {
	var out, errs bytes.Buffer
	code := run([]string{"testdata/failing"}, &out, &errs)
	assert.Equal(t, 1, code)
	assert.Equal(t, "FAIL  one.json  a lawyer's wrong expectation  [A1 Art. 7(1)]\n"+
		"        claim #3: want amount 50000.00, got granted 100000.00 years [1]\n\n0 passed, 1 failed\n", out.String())
}

func TestUsage(t *testing.T) {
	var out, errs bytes.Buffer
	assert.Equal(t, 2, run([]string{"a", "b"}, &out, &errs))
	assert.Equal(t, 2, run([]string{"testdata/nowhere"}, &out, &errs))
	assert.True(t, strings.Contains(errs.String(), "usage") || errs.Len() > 0)
}
