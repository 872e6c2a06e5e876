package aid

import (
	"context"
	"errors"
	"io"
	"runtime"
	"sync"

	"github.com/uacaptivity/captivity/prisoner"
)

// BatchOptions tune [Calculator.Batch]. The zero value gives the defaults.
type BatchOptions struct {
	// Workers is the number of cases evaluated at once; 0 means
	// runtime.GOMAXPROCS(0).
	Workers int
	// Window is the most cases in flight (read but not yet emitted); 0
	// means 64 per worker. Memory is bounded by it, not by the count.
	Window int
	// Validated says the cases come validated (from prisoner.Decode or
	// export.CaseTablesReader), so Batch skips validating them again.
	Validated bool
	// PassThrough validates each case (unless Validated) but decides
	// nothing: each Result lists the claims undecided, with no timeline
	// and no trace. It measures, or checks, everything but the rules.
	PassThrough bool
	// ReuseResults lets the batch build each Result in the memory of one
	// already emitted, as csv.Reader.ReuseRecord does for records: emit
	// must not keep an Item's Result, or any slice in it (decisions,
	// traces), after it returns; copy what it needs. A whole-register run
	// that writes each result out and forgets it allocates far less.
	ReuseResults bool
	// Render, if set, is called by the worker that evaluated a case, right
	// after, to append what will be written of the result to b (CSV rows,
	// say); what it appended reaches emit as Item.Rendered. Formatting
	// each result where it was made, in parallel and while it is in that
	// core's cache, costs far less than formatting it in emit. Render is
	// called from several goroutines at once.
	Render func(b []byte, r *Result) []byte
}

// An Item is the outcome of one case of a batch: its index in the input
// (0-based), its ID, and either its result or its error.
type Item struct {
	Index  int
	CaseID string
	Result *Result
	Err    error
	// Rendered is what BatchOptions.Render made of the result. Like the
	// result with ReuseResults, it must not be kept after emit returns.
	Rendered []byte
}

// chunk is how many cases travel together between the reader, the
// workers and the writer: handing cases over one at a time costs more
// than deciding them. It is half the default window per worker, so that
// a worker finds the next chunk read while the writer still holds its
// last one: with whole-window chunks two cores stood idle a tenth of the
// time (measured with examples/scale: 1.82 cores busy at 64, 1.92 at 32).
const chunk = 32

// Batch evaluates the cases that next yields, over a pool of workers,
// and calls emit with each case's [Item] in input order. next is called
// from one goroutine at a time and returns io.EOF after the last case;
// any other error it returns is the error of that case, and the batch
// goes on. A case that fails to evaluate (invalid, or a history the life
// cycle does not allow) is reported in its Item and does not stop the
// others. emit is called from the caller's goroutine; an error from emit,
// or the cancellation of ctx, stops the batch and is returned. At most
// opts.Window cases are in flight at any time (rounded up to whole chunks
// of 32 cases, which is how cases travel between goroutines).
func (k *Calculator) Batch(ctx context.Context, next func() (prisoner.Case, error), emit func(Item) error, opts BatchOptions) error {
	return k.BatchLazy(ctx, func() (func() (prisoner.Case, error), error) {
		c, err := next()
		if errors.Is(err, io.EOF) {
			return nil, err
		}
		return func() (prisoner.Case, error) { return c, err }, nil
	}, emit, opts)
}

// BatchLazy is [Calculator.Batch] for a source that reads a case on one
// goroutine and builds it on another: next returns a function that makes
// the case, and the workers call it, so that building (converting cells,
// say) runs in parallel too. export.CaseTablesReader.NextLazy is such a
// source. next returns io.EOF after the last case; any other error is that
// case's error, as is an error from the function it returned.
func (k *Calculator) BatchLazy(ctx context.Context, next func() (func() (prisoner.Case, error), error), emit func(Item) error, opts BatchOptions) error {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	window := opts.Window
	if window <= 0 {
		window = 64 * workers
	}
	size := chunk
	if window < size {
		size = window
	}
	chunks := (window + size - 1) / size
	if chunks < 1 {
		chunks = 1
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		build func() (prisoner.Case, error)
		err   error
	}
	type batch struct {
		n      int // chunk number
		first  int // index of its first case
		jobs   []job
		items  []Item
		out    []byte // what Render made of the chunk's results
		worker int    // the worker that evaluated the chunk
	}
	jobs := make(chan *batch, chunks)
	results := make(chan *batch, chunks)
	slots := make(chan struct{}, chunks)

	go func() { // the reader
		defer close(jobs)
		index := 0
		for n := 0; ; n++ {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			b := &batch{n: n, first: index, jobs: make([]job, 0, size)}
			eof := false
			for len(b.jobs) < size {
				build, err := next()
				if errors.Is(err, io.EOF) {
					eof = true
					break
				}
				b.jobs = append(b.jobs, job{build, err})
				index++
			}
			if len(b.jobs) > 0 {
				select {
				case jobs <- b:
				case <-ctx.Done():
					return
				}
			}
			if eof {
				return
			}
		}
	}()

	// Once emitted, a chunk goes back to the worker that made it, which
	// reuses its items slice, its render buffer and, with ReuseResults,
	// its results: kept on a stack, so that each new result is built in
	// the one emitted last, the likeliest to be still in the core's cache
	// (a queue would hand back the one emitted longest ago, a window's
	// worth of cases back). Channels, not a sync.Pool, which the collector
	// empties; they never hold more than the window.
	returned := make([]chan *batch, workers)
	for w := range returned {
		returned[w] = make(chan *batch, chunks)
	}
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		returned := returned[w]
		go func() {
			defer wg.Done()
			var (
				free     []*Result // results emitted and handed back, last on top
				spare    []Item    // an items slice handed back
				spareOut []byte    // a render buffer handed back
			)
			for b := range jobs {
				b.worker = w
			drain:
				for {
					select {
					case p := <-returned:
						if opts.ReuseResults {
							for _, it := range p.items {
								if it.Result != nil {
									free = append(free, it.Result)
								}
							}
						}
						clear(p.items)
						spare = p.items[:0]
						if p.out != nil {
							spareOut = p.out[:0]
						}
					default:
						break drain
					}
				}
				if cap(spare) >= len(b.jobs) {
					b.items, spare = spare[:len(b.jobs)], nil
				} else {
					b.items = make([]Item, len(b.jobs))
				}
				if opts.Render != nil {
					b.out, spareOut = spareOut, nil
				}
				for i, j := range b.jobs {
					var c prisoner.Case
					err := j.err
					if err == nil {
						c, err = j.build()
					}
					it := Item{Index: b.first + i, CaseID: c.ID, Err: err}
					if err == nil {
						var into *Result
						if opts.ReuseResults {
							if n := len(free); n > 0 {
								into, free = free[n-1], free[:n-1]
							} else {
								into = new(Result)
							}
						}
						it.Result, it.Err = k.batchOne(c, into, opts)
						if it.Err != nil && into != nil {
							free = append(free, into)
						}
						if it.Err == nil && opts.Render != nil {
							start := len(b.out)
							b.out = opts.Render(b.out, it.Result)
							it.Rendered = b.out[start:len(b.out):len(b.out)]
						}
					}
					b.items[i] = it
				}
				b.jobs = nil
				select {
				case results <- b:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	pending := make(map[int]*batch, chunks)
	nextChunk := 0
	var stop error
	for b := range results {
		if stop != nil {
			continue // draining after a stop
		}
		pending[b.n] = b
		for stop == nil {
			p, ok := pending[nextChunk]
			if !ok {
				break
			}
			delete(pending, nextChunk)
			nextChunk++
			for _, it := range p.items {
				if err := emit(it); err != nil {
					stop = err
					cancel()
					break
				}
			}
			if stop == nil {
				select { // to the worker that made it, unless enough are waiting
				case returned[p.worker] <- p:
				default:
				}
			}
			<-slots
		}
	}
	if stop != nil {
		return stop
	}
	return ctx.Err()
}

// batchOne evaluates c for a batch, into a reused result if into is set.
func (k *Calculator) batchOne(c prisoner.Case, into *Result, opts BatchOptions) (*Result, error) {
	if !opts.Validated {
		if err := c.Validate(); err != nil {
			return nil, err
		}
	}
	if opts.PassThrough {
		return k.passThrough(c, into), nil
	}
	return k.evaluateInto(c, into)
}

// passThrough returns the claims of c undecided, in into if it is set.
func (k *Calculator) passThrough(c prisoner.Case, into *Result) *Result {
	res := into
	if res == nil {
		res = &Result{}
	} else {
		*res = Result{Decisions: res.Decisions[:0], mem: res.mem}
	}
	res.CaseID, res.c, res.rs = c.ID, c, k.rs
	res.Stamp = Stamp{Module: ModuleVersion, RuleSet: k.rs.Name, ParamsHash: k.hash}
	for i, ev := range c.Events {
		if ev.Kind == prisoner.Claim {
			res.Decisions = append(res.Decisions, Decision{Event: i, Seq: ev.Seq, Date: ev.Date, Episode: ev.Episode, Aid: ev.Aid, Claimant: ev.Party})
		}
	}
	if len(res.Decisions) == 0 {
		res.Decisions = nil // as a fresh result has it
	}
	return res
}
