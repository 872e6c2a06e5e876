package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/uacaptivity/captivity/internal/golden"
)

// Under -lang uk every label, header, message and citation note of the
// table output, the timeline, every case's explanation and the progress
// line is Ukrainian: no English word is left, only codes and citations.
func TestUkrainianOutputHasNoEnglish(t *testing.T) {
	runs := [][]string{
		{"-as-of", "2026-11-28", "-lang", "uk", "-timeline"},
		{"-as-of", "2026-11-28", "-lang", "uk", "-compare", "held_claim_scope=current_and_unpaid_started_years"},
	}
	for _, id := range []string{"C-01", "C-02", "C-03", "C-04", "C-05", "C-06", "C-07", "C-08", "C-09", "C-10", "C-11", "C-12", "C-13"} {
		runs = append(runs, []string{"-as-of", "2026-11-28", "-lang", "uk", "-explain", id})
	}
	for _, args := range runs {
		code, out, errs := runWith(t, "", args...)
		assert.Equal(t, 0, code, errs)
		assert.Empty(t, golden.EnglishWords(out+errs), "%v:\n%s", args, out)
	}
	// The help, usage errors and a broken file, in Ukrainian too.
	code, help, _ := runWith(t, "", "-lang", "uk", "-help")
	assert.Equal(t, 0, code)
	assert.Contains(t, help, "Приклади:")
	assert.Empty(t, golden.EnglishWords(help), help)
	for _, args := range [][]string{
		{"-lang", "uk", "-nope"}, {"-lang", "uk", "-redact"}, {"-lang", "uk", "-format", "jsonl", "-timeline"},
		{"-lang", "uk", "-quiet", "-progress"}, {"-lang", "uk", "-as-of", "2023-02-30"},
	} {
		code, out, errs := runWith(t, "", args...)
		assert.Equal(t, 2, code, args)
		assert.Empty(t, golden.EnglishWords(out+errs), "%v:\n%s", args, errs)
	}
	code, out, errs := runWith(t, `[{"id":"A",}]`, "-lang", "uk", "-in", "-")
	assert.Equal(t, 1, code)
	assert.Empty(t, golden.EnglishWords(out+errs), errs)

	assert.Equal(t, []string{"annual", "cases", "held"}, golden.EnglishWords("annual cases held 2010-IX:7(1) C-01 e1 already_paid episodes[0].released ab12cd LAW.md"), "the check itself")
}
