package cli

import (
	"errors"
	"io"
	"sync"
)

// Sizes of a [background] writer's chunks, and how many may wait for
// the file at once: 4 MiB at most for each output.
const (
	chunkSize  = 256 << 10
	chunkDepth = 16
)

// background writes to w from a goroutine of its own, a chunk at a time,
// so that whoever produces the output does not wait for each write to
// reach the file. Writing gigabytes makes the kernel's write calls slow
// (its write-back of the pages runs in them); done by the goroutine that
// also encodes the reports, that time was added to every case. The
// goroutine starts with the first full chunk, so a small output is
// written by Close in one call, from the caller's goroutine.
//
// Write and Close are called from one goroutine; the first error of the
// file is returned by every later Write and by Close.
type background struct {
	w    io.Writer
	buf  []byte
	full chan []byte // chunks for the goroutine to write
	free chan []byte // chunks it has written, to fill again
	done chan struct{}

	closed bool

	mu  sync.Mutex
	err error // the first write error, set by the goroutine
}

func (b *background) Write(p []byte) (int, error) {
	if b.closed {
		return 0, errClosed
	}
	if err := b.failed(); err != nil {
		return 0, err
	}
	n := len(p)
	for len(p) > 0 {
		if b.buf == nil {
			b.buf = make([]byte, 0, chunkSize)
		}
		k := copy(b.buf[len(b.buf):cap(b.buf)], p)
		b.buf, p = b.buf[:len(b.buf)+k], p[k:]
		if len(b.buf) == cap(b.buf) {
			b.send()
		}
	}
	return n, b.failed()
}

// send hands the full chunk to the goroutine and takes an empty one,
// waiting for one when chunkDepth chunks are in flight.
func (b *background) send() {
	if b.full == nil {
		b.full, b.free, b.done = make(chan []byte, chunkDepth), make(chan []byte, chunkDepth), make(chan struct{})
		go b.run()
		for range chunkDepth - 1 {
			b.free <- make([]byte, 0, chunkSize)
		}
	}
	b.full <- b.buf
	b.buf = (<-b.free)[:0]
}

func (b *background) run() {
	defer close(b.done)
	for c := range b.full {
		if b.failed() == nil {
			if _, err := b.w.Write(c); err != nil {
				b.mu.Lock()
				b.err = err
				b.mu.Unlock()
			}
		}
		b.free <- c
	}
}

func (b *background) failed() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.err
}

// Close writes what is buffered, waits for the goroutine to end and
// returns the first error. It does not close w.
func (b *background) Close() error {
	if b.closed {
		return b.failed()
	}
	b.closed = true
	if b.full != nil {
		if len(b.buf) > 0 {
			b.full <- b.buf
		}
		close(b.full)
		<-b.done
		b.full = nil
	} else if len(b.buf) > 0 {
		if _, err := b.w.Write(b.buf); err != nil {
			b.err = err
		}
	}
	b.buf = nil
	return b.failed()
}

// errClosed is what Write returns after Close.
var errClosed = errors.New("cli: write to an output after it was closed")

// Background returns a writer that writes to w as an [Output] does, from
// a goroutine of its own; its Close writes out what is buffered and
// returns the first error, and does not close w.
func Background(w io.Writer) io.WriteCloser { return &background{w: w} }
