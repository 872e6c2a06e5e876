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
	"github.com/uacaptivity/captivity/internal/cli"
	"github.com/uacaptivity/captivity/internal/pipeline"
	"github.com/uacaptivity/captivity/internal/synth"
)

var cases = flag.Int("pipeline.cases", 20000, "generated cases for BenchmarkPipeline (the scale example runs a million)")

func tables(tb testing.TB, n int) string {
	dir := filepath.Join(tb.TempDir(), "tables")
	require.NoError(tb, synth.WriteTables(dir, 1, n))
	return dir
}

func run(tb testing.TB, dir string, pass bool) (pipeline.Stats, string) {
	src, closeAll, err := cli.OpenTables(dir)
	require.NoError(tb, err)
	defer closeAll()
	var out bytes.Buffer
	st, err := pipeline.Run(context.Background(), src, &out, pipeline.Config{RuleSet: aid.Default(), AsOf: civil.MustNew(2026, 11, 28), PassThrough: pass})
	require.NoError(tb, err)
	return st, out.String()
}

func TestPipelineMatchesEvaluate(t *testing.T) {
	dir := tables(t, 500)
	st, out := run(t, dir, false)
	assert.Equal(t, 500, st.Cases)
	assert.Zero(t, st.Failed)
	g := synth.New(1)
	granted := 0
	for i := 0; i < 500; i++ {
		r, err := aid.Evaluate(g.Next(), aid.Default())
		require.NoError(t, err)
		for _, d := range r.Decisions {
			if d.Granted {
				granted++
			}
		}
	}
	assert.Equal(t, granted, strings.Count(out, ",granted,"), "the pipeline decides as Evaluate does")
	pst, pout := run(t, dir, true)
	assert.Equal(t, st.Decisions, pst.Decisions)
	assert.Zero(t, strings.Count(pout, ",granted,"), "the pass-through decides nothing")
}

// BenchmarkPipeline runs case tables → decisions.csv with the rules and
// with the pass-through baseline. The million-case run, with peak memory
// and one core against all, is examples/scale.
func BenchmarkPipeline(b *testing.B) {
	dir := tables(b, *cases)
	for _, mode := range []string{"baseline", "rules"} {
		b.Run("mode="+mode, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				st, _ := run(b, dir, mode == "baseline")
				if st.Cases != *cases {
					b.Fatalf("%d cases", st.Cases)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(*cases), "ns/case")
		})
	}
}
