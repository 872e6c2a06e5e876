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
	// Workers is the number of cases evaluated at once; 0 or less means
	// runtime.GOMAXPROCS(0).
	Workers int
	// Window is the most cases in flight (read but not yet emitted); 0 or
	// less means 64 per worker. Memory is bounded by it, not by the count
	// of cases.
	Window int
}

// An Item is the outcome of one case of a batch: its index in the input
// (0-based), its ID, and either its result or its error. The Result is
// the caller's to keep.
type Item struct {
	Index  int
	CaseID string
	Result *Result
	Err    error
}

// chunk is how many cases travel together between the reader, the
// workers and the writer: handing cases over one at a time costs more
// than deciding some of them.
const chunk = 32

// Batch evaluates the cases that next yields, over a pool of workers, and
// calls emit with each case's [Item] in input order. Each case is
// validated and evaluated as [Calculator.Evaluate] does it.
//
// next is called from one goroutine at a time and returns io.EOF after the
// last case; any other error it returns is the error of that case (with
// the case's ID, if next could read it), and the batch goes on. A case
// that fails to evaluate (invalid, or a history the life cycle does not
// allow) is reported in its Item and does not stop the others.
//
// emit is called from the caller's goroutine, one item at a time; an
// error from emit, or the cancellation of ctx, stops the batch, and Batch
// returns it once every goroutine it started has ended. At most
// opts.Window cases are in flight at any time (rounded up to whole chunks
// of 32 cases, which is how cases travel between goroutines).
func (k *Calculator) Batch(ctx context.Context, next func() (prisoner.Case, error), emit func(Item) error, opts BatchOptions) error {
	if next == nil || emit == nil {
		return errors.New("aid: Batch needs a next and an emit function")
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	window := opts.Window
	if window <= 0 {
		window = 64 * workers
	}
	size := min(chunk, window)
	chunks := max(1, (window+size-1)/size)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type batch struct {
		n     int // chunk number
		items []Item
		cases []prisoner.Case
	}
	jobs := make(chan *batch, chunks)
	results := make(chan *batch, chunks)
	slots := make(chan struct{}, chunks)

	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // the reader
		defer wg.Done()
		defer close(jobs)
		index := 0
		for n := 0; ; n++ {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			b := &batch{n: n, items: make([]Item, 0, size), cases: make([]prisoner.Case, 0, size)}
			eof := false
			for len(b.items) < size {
				c, err := next()
				if errors.Is(err, io.EOF) {
					eof = true
					break
				}
				b.items = append(b.items, Item{Index: index, CaseID: c.ID, Err: err})
				b.cases = append(b.cases, c)
				index++
			}
			if len(b.items) > 0 {
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

	var workersDone sync.WaitGroup
	for range workers {
		workersDone.Add(1)
		go func() {
			defer workersDone.Done()
			for b := range jobs {
				for i := range b.items {
					if it := &b.items[i]; it.Err == nil {
						it.Result, it.Err = k.Evaluate(b.cases[i])
					}
				}
				b.cases = nil
				select {
				case results <- b:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		workersDone.Wait()
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
				err := ctx.Err()
				if err == nil {
					err = emit(it)
				}
				if err != nil {
					stop = err
					cancel()
					break
				}
			}
			<-slots
		}
	}
	wg.Wait()
	if stop != nil {
		return stop
	}
	return ctx.Err()
}
