package main

import (
	"path/filepath"
	"strings"

	"github.com/uacaptivity/captivity/internal/cli"
	"github.com/uacaptivity/captivity/internal/problems"
)

// problemsPath is where the problems report goes: problems.csv in a
// -format csv folder, FILE.problems.jsonl (JSON Lines) beside a -format
// jsonl or json -out FILE, FILE.problems.csv beside a table -out FILE, nowhere when
// the output is standard output (the problems are on standard error).
func problemsPath(cfg config) string {
	switch {
	case cfg.format == "csv", cfg.format == "xlsx" && !strings.EqualFold(filepath.Ext(cfg.out), ".xlsx"):
		return filepath.Join(cfg.out, "problems.csv")
	case cfg.out != "" && (cfg.format == "json" || cfg.format == "jsonl"):
		return cfg.out + ".problems.jsonl"
	case cfg.out != "":
		return cfg.out + ".problems.csv"
	}
	return ""
}

// writeProblems writes the problems report, one row per problem.
func writeProblems(outs *cli.Outputs, cfg config, ps []problems.Problem) error {
	path := problemsPath(cfg)
	if path == "" {
		return nil
	}
	f, err := outs.Create(path)
	if err != nil {
		return err
	}
	if cfg.format == "json" || cfg.format == "jsonl" {
		return problems.WriteJSONLines(f, ps)
	}
	return problems.WriteCSV(f, ps, cfg.excel)
}
