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
}

// An Item is the outcome of one case of a batch: its index in the input
// (0-based), its ID, and either its result or its error.
type Item struct {
	Index  int
	CaseID string
	Result *Result
	Err    error
}

// Batch evaluates the cases that next yields, over a pool of workers,
// and calls emit with each case's [Item] in input order. next is called
// from one goroutine at a time and returns io.EOF after the last case;
// any other error it returns is the error of that case, and the batch
// goes on. A case that fails to evaluate (invalid, or a history the life
// cycle does not allow) is reported in its Item and does not stop the
// others. emit is called from the caller's goroutine; an error from emit,
// or the cancellation of ctx, stops the batch and is returned. At most
// opts.Window cases are in flight at any time.
func (k *Calculator) Batch(ctx context.Context, next func() (prisoner.Case, error), emit func(Item) error, opts BatchOptions) error {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	window := opts.Window
	if window <= 0 {
		window = 64 * workers
	}
	if window < workers {
		window = workers
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		i   int
		c   prisoner.Case
		err error
	}
	jobs := make(chan job, window)
	results := make(chan Item, window)
	slots := make(chan struct{}, window)

	go func() { // the reader
		defer close(jobs)
		for i := 0; ; i++ {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			c, err := next()
			if errors.Is(err, io.EOF) {
				return
			}
			select {
			case jobs <- job{i, c, err}:
			case <-ctx.Done():
				return
			}
		}
	}()

	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				it := Item{Index: j.i, CaseID: j.c.ID, Err: j.err}
				if j.err == nil {
					if opts.Validated {
						it.Result, it.Err = k.EvaluateValid(j.c)
					} else {
						it.Result, it.Err = k.Evaluate(j.c)
					}
				}
				select {
				case results <- it:
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

	pending := make(map[int]Item, window)
	nextIndex := 0
	var stop error
	for it := range results {
		if stop != nil {
			continue // draining after a stop
		}
		pending[it.Index] = it
		for {
			p, ok := pending[nextIndex]
			if !ok {
				break
			}
			delete(pending, nextIndex)
			nextIndex++
			<-slots
			if err := emit(p); err != nil {
				stop = err
				cancel()
				break
			}
		}
	}
	if stop != nil {
		return stop
	}
	return ctx.Err()
}
