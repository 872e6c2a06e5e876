package main

import (
	"bytes"
	"io"
)

// An arrayWriter turns JSON Lines into one JSON array: "[", the lines
// separated by commas, "]". A JSON encoder writes no raw line break
// inside a value, so each one ends a line. Close writes the closing
// bracket (and the opening one, for no lines at all).
type arrayWriter struct {
	w       io.Writer
	started bool // "[" written
	pending bool // a line ended: a comma goes before the next one
	err     error
}

func (a *arrayWriter) Write(p []byte) (int, error) {
	if a.err != nil {
		return 0, a.err
	}
	n := len(p)
	for len(p) > 0 {
		if !a.started {
			a.write([]byte("[\n"))
			a.started = true
		}
		if a.pending {
			a.write([]byte(",\n"))
			a.pending = false
		}
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			a.write(p)
			break
		}
		a.write(p[:i])
		a.pending = true
		p = p[i+1:]
	}
	if a.err != nil {
		return 0, a.err
	}
	return n, nil
}

func (a *arrayWriter) write(p []byte) {
	if a.err == nil {
		_, a.err = a.w.Write(p)
	}
}

// Close ends the array.
func (a *arrayWriter) Close() error {
	if !a.started {
		a.write([]byte("[]\n"))
		return a.err
	}
	a.write([]byte("\n]\n"))
	return a.err
}
