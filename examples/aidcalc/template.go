package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/uacaptivity/captivity/export"
	"github.com/uacaptivity/captivity/internal/cli"
	"github.com/uacaptivity/captivity/internal/samples"
	"github.com/uacaptivity/captivity/prisoner"
)

// runTemplate writes the case-entry workbook of -template: the columns
// of the case tables with their drop-downs, one example case (sample
// C-02: a political prisoner whose parent claims the pre-law years) and
// the instructions, whole or not at all.
func runTemplate(cfg config, stderr io.Writer) int {
	fail := func(err error) int {
		fmt.Fprintln(stderr, "aidcalc:", err)
		return 1
	}
	if !strings.EqualFold(filepath.Ext(cfg.template), ".xlsx") {
		return fail(fmt.Errorf("-template %s: the template is a workbook: name it .xlsx", cli.Safe(cfg.template)))
	}
	cs, err := samples.Cases()
	if err != nil {
		return fail(err)
	}
	example := cs[1].Clone()
	example.ID, example.Note = "EXAMPLE-1", "Приклад / example: a political prisoner since 2016; a parent claims the pre-law years"
	var outs cli.Outputs
	f, err := outs.Create(cfg.template)
	if err != nil {
		return fail(err)
	}
	if err := export.WriteCaseTemplate(f, []prisoner.Case{example}, cfg.csvOptions()); err != nil {
		outs.Abort()
		return fail(err)
	}
	if err := outs.Commit(); err != nil {
		return fail(err)
	}
	return 0
}
