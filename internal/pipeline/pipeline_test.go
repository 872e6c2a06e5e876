package pipeline_test

import (
	"bytes"
	"context"
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/export"
	"github.com/uacaptivity/captivity/internal/cli"
	"github.com/uacaptivity/captivity/internal/pipeline"
	"github.com/uacaptivity/captivity/internal/synth"
)

var cases = flag.Int("pipeline.cases", 20000, "generated cases for BenchmarkPipeline (the scale example runs a million)")

var asOf = civil.MustNew(2026, 11, 28)

func tables(tb testing.TB, n int) string {
	dir := filepath.Join(tb.TempDir(), "tables")
	require.NoError(tb, synth.WriteTables(dir, 1, n))
	return dir
}

func run(tb testing.TB, dir string, workers int) (pipeline.Stats, string) {
	src, closeAll, err := cli.OpenTables(dir)
	require.NoError(tb, err)
	defer closeAll()
	var out bytes.Buffer
	st, err := pipeline.Run(context.Background(), src, &out, pipeline.Config{RuleSet: aid.Default(), AsOf: asOf, Workers: workers})
	require.NoError(tb, err)
	return st, out.String()
}

// The whole pipeline (case tables read back, a batch over 1, 3 and 8
// workers, the report writer) gives byte for byte, case by case, what
// aid.Evaluate of each generated case and the report writer give.
func TestPipelineMatchesEvaluateCaseByCase(t *testing.T) {
	const n = 600
	dir := tables(t, n)
	var want strings.Builder
	g := synth.New(1)
	decisions := 0
	for i := 0; i < n; i++ {
		r, err := aid.Evaluate(g.Next(), aid.Default())
		require.NoError(t, err)
		decisions += len(r.Decisions)
		var b bytes.Buffer
		w := export.NewReportCSVWriter(export.ReportTables{Decisions: &b}, asOf, export.CSVOptions{})
		require.NoError(t, w.Write(r))
		require.NoError(t, w.Flush())
		_, body, _ := strings.Cut(b.String(), "\n")
		want.WriteString(body)
	}
	for _, workers := range []int{1, 3, 8} {
		st, out := run(t, dir, workers)
		assert.Equal(t, pipeline.Stats{Cases: n, Decisions: decisions}, st, "workers=%d", workers)
		header, body, _ := strings.Cut(out, "\n")
		assert.True(t, strings.HasPrefix(header, "case_id,seq,date,"), "workers=%d", workers)
		wantLines, gotLines := strings.SplitAfter(want.String(), "\n"), strings.SplitAfter(body, "\n")
		require.Equal(t, len(wantLines), len(gotLines), "workers=%d", workers)
		for i := range wantLines {
			require.Equal(t, wantLines[i], gotLines[i], "workers=%d, row %d", workers, i+1)
		}
	}
}

// BenchmarkPipeline runs case tables → decisions.csv. The million-case
// run, with peak memory and one core against all, is examples/scale.
func BenchmarkPipeline(b *testing.B) {
	dir := tables(b, *cases)
	b.ReportAllocs()
	for b.Loop() {
		st, _ := run(b, dir, 0)
		if st.Cases != *cases {
			b.Fatalf("%d cases", st.Cases)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(*cases), "ns/case")
}
