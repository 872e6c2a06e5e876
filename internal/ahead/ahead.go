// Package ahead reads items in order on one goroutine and converts them
// on several, handing them back in order: the case readers read a case's
// bytes or rows where the caller calls them, and leave the slow half
// (decoding, converting every cell, validating) to a few converter
// goroutines, so that a batch whose workers wait for the next case is not
// held up by one core.
package ahead

import (
	"runtime"
	"sync"
)

// perWorker is how many items are read ahead for each converter.
const perWorker = 32

// A Reader hands back, in order, what the jobs that read returns make.
// It is not safe for concurrent use.
type Reader[T any] struct {
	read  func() (func() T, bool)
	ahead []*job[T]
	pool  *pool[T]
	end   bool
}

type job[T any] struct {
	run   func() T
	ready chan struct{}
	out   T
}

// pool is the converter goroutines. They stop when ch is closed: at the
// end of the input, or by a cleanup once the Reader is no longer
// referenced.
type pool[T any] struct {
	ch   chan *job[T]
	once sync.Once
}

func (p *pool[T]) stop() { p.once.Do(func() { close(p.ch) }) }

// New returns a Reader over read, which reads the next item and returns
// the job that converts it, or false at the end. read is called only from
// the goroutine that calls Next; the jobs run on other goroutines (on the
// caller's when GOMAXPROCS is 1), so they must not share mutable state
// with read or with each other.
func New[T any](read func() (func() T, bool)) *Reader[T] {
	return &Reader[T]{read: read}
}

// Next returns the next item, or false after the last.
func (r *Reader[T]) Next() (T, bool) {
	n := runtime.GOMAXPROCS(0)
	if n == 1 && r.pool == nil {
		if r.end {
			var zero T
			return zero, false
		}
		run, ok := r.read()
		if !ok {
			r.end = true
			var zero T
			return zero, false
		}
		return run(), true
	}
	if r.pool == nil && !r.end {
		r.pool = &pool[T]{ch: make(chan *job[T], n*perWorker)}
		for range n {
			go convert(r.pool.ch)
		}
		// A Reader dropped before its end lets its converters go.
		runtime.AddCleanup(r, (*pool[T]).stop, r.pool)
	}
	for !r.end && len(r.ahead) < n*perWorker {
		run, ok := r.read()
		if !ok {
			r.end = true
			break
		}
		j := &job[T]{run: run, ready: make(chan struct{})}
		r.ahead = append(r.ahead, j)
		r.pool.ch <- j
	}
	if r.end && r.pool != nil {
		r.pool.stop() // everything is read: the converters end with the last job
	}
	if len(r.ahead) == 0 {
		var zero T
		return zero, false
	}
	j := r.ahead[0]
	r.ahead[0] = nil
	r.ahead = r.ahead[1:]
	<-j.ready
	return j.out, true
}

// Stop ends the reading: the converters finish the jobs they have and
// end, and Next returns false from then on. A reader whose caller stops
// early (at a problem that ends the input) calls it so as not to leave
// its converters waiting for the collector.
func (r *Reader[T]) Stop() {
	r.end = true
	r.ahead = nil
	if r.pool != nil {
		r.pool.stop()
	}
}

func convert[T any](ch <-chan *job[T]) {
	for j := range ch {
		j.out = j.run()
		j.run = nil
		close(j.ready)
	}
}
