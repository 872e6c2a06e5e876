package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/internal/whatif"
)

// runCompare compares every case under rs with the alternative of
// -compare and writes the comparison in the chosen format.
func runCompare(cfg config, rs aid.RuleSet, stdin io.Reader, stdout, stderr io.Writer) int {
	alt, err := whatif.Parse(cfg.compare)
	if err != nil {
		fmt.Fprintln(stderr, "aidcalc: -compare:", err)
		return 2
	}
	cases, _, ok := load(cfg.in, stdin, stderr, cfg.lang)
	if !ok {
		return 1
	}
	var out bytes.Buffer
	var csvw *whatif.CSVWriter
	if cfg.format == "csv" {
		csvw = whatif.NewCSVWriter(&out, cfg.excel)
	}
	var jsonOut io.Writer = &out
	var arr *arrayWriter
	if cfg.format == "json" {
		arr = &arrayWriter{w: &out}
		jsonOut = arr
	}
	var sum whatif.Summary
	bad := false
	for _, c := range cases {
		row, err := whatif.CompareCase(c, rs, alt, cfg.asOf)
		if err != nil {
			reportEvalError(stderr, c.ID, err, cfg.lang)
			bad = true
			continue
		}
		sum.Add(row)
		switch cfg.format {
		case "json", "jsonl":
			err = whatif.WriteJSON(jsonOut, row)
		case "csv":
			err = csvw.Write(row)
		default:
			whatif.WriteText(&out, row, cfg.lang)
		}
		if err != nil {
			fmt.Fprintln(stderr, "aidcalc:", err)
			return 1
		}
	}
	if bad {
		return 1
	}
	if csvw != nil {
		if err := csvw.Flush(); err != nil {
			fmt.Fprintln(stderr, "aidcalc:", err)
			return 1
		}
	}
	if arr != nil {
		_ = arr.Close() // into a buffer: cannot fail
	}
	if cfg.format == "table" {
		whatif.WriteSummary(&out, sum, rs.Name, alt.Name, cfg.lang)
	}
	dst := cfg.out
	if cfg.format == "csv" {
		if err := os.MkdirAll(cfg.out, 0o755); err != nil {
			fmt.Fprintln(stderr, "aidcalc:", err)
			return 1
		}
		dst = filepath.Join(cfg.out, "comparison.csv")
	}
	if dst != "" {
		if err := os.WriteFile(dst, out.Bytes(), 0o644); err != nil {
			fmt.Fprintln(stderr, "aidcalc:", err)
			return 1
		}
		if cfg.format != "table" {
			whatif.WriteSummary(stderr, sum, rs.Name, alt.Name, cfg.lang)
		}
		return 0
	}
	_, _ = stdout.Write(out.Bytes())
	return 0
}
