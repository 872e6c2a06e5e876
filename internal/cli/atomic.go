package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
)

// Outputs is a set of output files that appear whole or not at all: each
// is written to a temporary file beside its target and moved into place
// by Commit, after everything was written; Abort removes them and leaves
// the targets, and any folder, as they were.
type Outputs struct {
	files   []*Output
	targets []string
	made    []string // folders Outputs created, to remove on Abort if empty
}

// An Output is one file of [Outputs], written as it is made. What is
// written reaches the file from a goroutine of its own (see background),
// so a write error may be returned by a later Write, and is returned by
// Commit.
type Output struct {
	f  *os.File
	bg background
}

// Write writes p to the output.
func (o *Output) Write(p []byte) (int, error) { return o.bg.Write(p) }

// close writes out what is buffered and closes the file, and returns the
// first error of either.
func (o *Output) close() error {
	err := o.bg.Close()
	if cerr := o.f.Close(); err == nil {
		err = cerr
	}
	return err
}

// Create returns a temporary file that Commit moves to path.
func (o *Outputs) Create(path string) (*Output, error) {
	dir := filepath.Dir(path)
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
		o.made = append(o.made, dir)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, err
	}
	out := &Output{f: f, bg: background{w: f}}
	o.files = append(o.files, out)
	o.targets = append(o.targets, path)
	return out, nil
}

// Commit closes every file and moves each into place. If closing one
// fails, nothing is moved and every temporary file is removed.
func (o *Outputs) Commit() error {
	var first error
	for _, f := range o.files {
		if err := f.close(); err != nil && first == nil {
			first = err
		}
	}
	if first != nil {
		o.remove()
		return first
	}
	for i, f := range o.files {
		if err := os.Chmod(f.f.Name(), 0o644); err != nil && first == nil {
			first = err
		}
		if err := os.Rename(f.f.Name(), o.targets[i]); err != nil && first == nil {
			first = err
		}
	}
	o.files, o.targets, o.made = nil, nil, nil
	return first
}

// Abort closes and removes every temporary file, and the folders Create
// made if they are empty.
func (o *Outputs) Abort() {
	for _, f := range o.files {
		f.close()
	}
	o.remove()
}

func (o *Outputs) remove() {
	for _, f := range o.files {
		os.Remove(f.f.Name())
	}
	for i := len(o.made) - 1; i >= 0; i-- {
		os.Remove(o.made[i]) // only succeeds when empty
	}
	o.files, o.targets, o.made = nil, nil, nil
}

// Safe returns s fit to print on a terminal: control characters (escape
// sequences among them) and invalid UTF-8 are written as Go escapes.
func Safe(s string) string {
	clean := true
	for _, r := range s {
		if r == unicode.ReplacementChar || unicode.IsControl(r) || r == '\u202e' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	q := strconv.QuoteToGraphic(s)
	return strings.ReplaceAll(q[1:len(q)-1], `\"`, `"`)
}

// IsTerminal reports whether f is a terminal (a character device).
func IsTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
