// Package pipeline runs the whole-register job: case tables in, every
// claim decided, decisions.csv out, all streaming over aid.Batch. The
// example programs and the scale benchmarks share it.
package pipeline

import (
	"bufio"
	"context"
	"io"

	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/export"
)

// Config tunes Run.
type Config struct {
	RuleSet aid.RuleSet
	AsOf    civil.Date
	Workers int // 0: GOMAXPROCS
	Window  int // cases in flight; 0: aid.BatchOptions' default
	// PassThrough reads, validates and writes, deciding nothing: the
	// baseline the cost of the rules is measured against.
	PassThrough bool
	// OnItem, if set, sees every item after it is written (progress,
	// error reports). It runs on one goroutine and must not keep the
	// item's Result: results are reused (aid.BatchOptions.ReuseResults).
	OnItem func(aid.Item)
}

// Stats counts what a run did.
type Stats struct {
	Cases, Failed, Decisions int
}

// Run reads the case tables of src, decides every claim (validation runs
// in the workers, in parallel) and writes decisions.csv to out.
func Run(ctx context.Context, src export.Sources, out io.Writer, cfg Config) (Stats, error) {
	src.NoValidate = true
	r := export.NewCaseTablesReader(src)
	bw := bufio.NewWriterSize(out, 256<<10)
	var opts export.CSVOptions
	w := export.NewReportCSVWriter(export.ReportTables{Decisions: bw}, cfg.AsOf, opts)
	var st Stats
	err := aid.New(cfg.RuleSet).BatchLazy(ctx, r.NextLazy, func(it aid.Item) error {
		if it.Err != nil {
			st.Failed++
		} else {
			st.Cases++
			st.Decisions += len(it.Result.Decisions)
			if err := w.WriteDecisionRows(it.Rendered); err != nil {
				return err
			}
		}
		if cfg.OnItem != nil {
			cfg.OnItem(it)
		}
		return nil
	}, aid.BatchOptions{Workers: cfg.Workers, Window: cfg.Window, PassThrough: cfg.PassThrough, ReuseResults: true,
		// Each worker formats the rows of the results it makes.
		Render: func(b []byte, r *aid.Result) []byte { return export.AppendDecisions(b, r, opts) }})
	if err != nil {
		return st, err
	}
	if err := w.Flush(); err != nil {
		return st, err
	}
	return st, bw.Flush()
}
