// Package pipeline runs the whole-register job: case tables in, every
// claim decided, decisions.csv out, all streaming over aid.Calculator's
// Batch. The example programs and the scale benchmark share it.
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
	// OnItem, if set, sees every item after it is written (progress,
	// error reports). It runs on one goroutine.
	OnItem func(aid.Item)
}

// Stats counts what a run did.
type Stats struct {
	Cases, Failed, Decisions int
}

// Run reads the case tables of src, decides every claim and writes
// decisions.csv to out.
func Run(ctx context.Context, src export.Sources, out io.Writer, cfg Config) (Stats, error) {
	r := export.NewCaseTablesReader(src)
	bw := bufio.NewWriterSize(out, 256<<10)
	w := export.NewReportCSVWriter(export.ReportTables{Decisions: bw}, cfg.AsOf, export.CSVOptions{})
	var st Stats
	err := aid.New(cfg.RuleSet).Batch(ctx, r.Next, func(it aid.Item) error {
		if it.Err != nil {
			st.Failed++
		} else {
			st.Cases++
			st.Decisions += len(it.Result.Decisions)
			if err := w.Write(it.Result); err != nil {
				return err
			}
		}
		if cfg.OnItem != nil {
			cfg.OnItem(it)
		}
		return nil
	}, aid.BatchOptions{Workers: cfg.Workers, Window: cfg.Window})
	if err != nil {
		return st, err
	}
	if err := w.Flush(); err != nil {
		return st, err
	}
	return st, bw.Flush()
}
