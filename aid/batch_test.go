package aid_test

import (
	"context"
	"errors"
	"io"
	"strconv"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/internal/synth"
	"github.com/uacaptivity/captivity/prisoner"
)

func source(cs []prisoner.Case, n int) func() (prisoner.Case, error) {
	i := 0
	return func() (prisoner.Case, error) {
		if i >= n {
			return prisoner.Case{}, io.EOF
		}
		c := cs[i%len(cs)]
		c.ID = c.ID + "#" + strconv.Itoa(i)
		i++
		return c, nil
	}
}

func TestBatchKeepsOrderAndMatchesEvaluate(t *testing.T) {
	cs := sampleCases(t)
	k := aid.New(aid.Default())
	for _, opts := range []aid.BatchOptions{{}, {Workers: 1}, {Workers: 4, Window: 4}, {Workers: 3, Window: 1}} {
		var got []aid.Item
		err := k.Batch(context.Background(), source(cs, 200), func(it aid.Item) error { got = append(got, it); return nil }, opts)
		require.NoError(t, err)
		require.Len(t, got, 200)
		for i, it := range got {
			require.Equal(t, i, it.Index)
			require.NoError(t, it.Err)
			c := cs[i%len(cs)]
			c.ID = it.CaseID
			want, err := aid.Evaluate(c, aid.Default())
			require.NoError(t, err)
			assert.Equal(t, summaries(want), summaries(it.Result))
		}
	}
}

func TestBatchReportsCaseErrorsAndGoesOn(t *testing.T) {
	bad := newCase(prisoner.Civilian, "2023-03-01").claim("2023-04-01", annual, "nobody").build()
	bad.ID = "BAD"
	good := sampleCases(t)[0]
	readErr := errors.New("row 7 is broken")
	inputs := []func() (prisoner.Case, error){
		func() (prisoner.Case, error) { return good, nil },
		func() (prisoner.Case, error) { return bad, nil },
		func() (prisoner.Case, error) { return prisoner.Case{ID: "X"}, readErr },
		func() (prisoner.Case, error) { return good, nil },
	}
	i := 0
	next := func() (prisoner.Case, error) {
		if i == len(inputs) {
			return prisoner.Case{}, io.EOF
		}
		i++
		return inputs[i-1]()
	}
	var got []aid.Item
	require.NoError(t, aid.New(aid.Default()).Batch(context.Background(), next, func(it aid.Item) error { got = append(got, it); return nil }, aid.BatchOptions{}))
	require.Len(t, got, 4)
	assert.NoError(t, got[0].Err)
	assert.ErrorIs(t, got[1].Err, prisoner.ErrInvalid)
	assert.Equal(t, "BAD", got[1].CaseID)
	assert.ErrorIs(t, got[2].Err, readErr)
	assert.Equal(t, "X", got[2].CaseID)
	assert.NoError(t, got[3].Err)
}

func TestBatchStops(t *testing.T) {
	cs := sampleCases(t)
	k := aid.New(aid.Default())
	stop := errors.New("disk full")
	n := 0
	err := k.Batch(context.Background(), source(cs, 100000), func(aid.Item) error {
		n++
		if n == 10 {
			return stop
		}
		return nil
	}, aid.BatchOptions{Workers: 2, Window: 8})
	assert.ErrorIs(t, err, stop)
	assert.Equal(t, 10, n)

	ctx, cancel := context.WithCancel(context.Background())
	n = 0
	err = k.Batch(ctx, source(cs, 100000), func(aid.Item) error {
		n++
		if n == 5 {
			cancel()
		}
		return nil
	}, aid.BatchOptions{Workers: 2, Window: 8})
	assert.ErrorIs(t, err, context.Canceled)
	assert.Less(t, n, 100000)
}

// The reader never runs more than Window cases ahead of what was emitted.
func TestBatchWindowBoundsInFlight(t *testing.T) {
	cs := sampleCases(t)
	var read, emitted, maxAhead atomic.Int64
	src := source(cs, 500)
	next := func() (prisoner.Case, error) {
		c, err := src()
		if err == nil {
			ahead := read.Add(1) - emitted.Load()
			if ahead > maxAhead.Load() {
				maxAhead.Store(ahead)
			}
		}
		return c, err
	}
	require.NoError(t, aid.New(aid.Default()).Batch(context.Background(), next, func(aid.Item) error { emitted.Add(1); return nil },
		aid.BatchOptions{Workers: 2, Window: 16}))
	assert.Equal(t, int64(500), emitted.Load())
	assert.LessOrEqual(t, maxAhead.Load(), int64(17))
}

// BenchmarkBatchGenerated evaluates generated cases in one batch on one
// worker, as the whole-register pipeline does: ns/op is per case.
func BenchmarkBatchGenerated(b *testing.B) {
	g := synth.New(1)
	cs := make([]prisoner.Case, 2000)
	for i := range cs {
		cs[i] = g.Next()
	}
	k := aid.New(aid.Default())
	b.ReportAllocs()
	i := 0
	err := k.Batch(context.Background(), func() (prisoner.Case, error) {
		if i == b.N {
			return prisoner.Case{}, io.EOF
		}
		i++
		return cs[i%len(cs)], nil
	}, func(it aid.Item) error { return it.Err }, aid.BatchOptions{Workers: 1})
	if err != nil {
		b.Fatal(err)
	}
}
