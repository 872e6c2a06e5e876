package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pattern is n bytes that are not a repeat of one chunk, so that a chunk
// written twice, lost or out of order shows.
func pattern(n int) []byte {
	p := make([]byte, n)
	x := uint32(1)
	for i := range p {
		x = x*1664525 + 1013904223
		p[i] = byte(x >> 24)
	}
	return p
}

// writeInPieces writes p in pieces of uneven sizes, as encoders do.
func writeInPieces(t *testing.T, w interface{ Write([]byte) (int, error) }, p []byte) {
	t.Helper()
	for i, size := 0, 1; i < len(p); size = size*7%70001 + 1 {
		j := min(len(p), i+size)
		n, err := w.Write(p[i:j])
		require.NoError(t, err)
		require.Equal(t, j-i, n)
		i = j
	}
}

// Outputs appear whole at Commit, however many chunks their bytes took
// on the way (more than chunkDepth chunks makes the producer wait for
// the writing goroutine), and a small output beside a large one too.
func TestOutputsCommitWritesEveryByteInOrder(t *testing.T) {
	dir := t.TempDir()
	big := pattern(3*chunkDepth*chunkSize + 12345)
	var outs Outputs
	a, err := outs.Create(filepath.Join(dir, "reports.jsonl"))
	require.NoError(t, err)
	b, err := outs.Create(filepath.Join(dir, "sub", "small.csv"))
	require.NoError(t, err)
	writeInPieces(t, a, big)
	_, err = b.Write([]byte("case_id\nC-1\n"))
	require.NoError(t, err)
	_, err = os.Stat(filepath.Join(dir, "reports.jsonl"))
	assert.ErrorIs(t, err, os.ErrNotExist, "nothing is in place before Commit")

	require.NoError(t, outs.Commit())
	got, err := os.ReadFile(filepath.Join(dir, "reports.jsonl"))
	require.NoError(t, err)
	assert.True(t, bytes.Equal(big, got), "the file holds every byte written, in order (%d bytes, want %d)", len(got), len(big))
	got, err = os.ReadFile(filepath.Join(dir, "sub", "small.csv"))
	require.NoError(t, err)
	assert.Equal(t, "case_id\nC-1\n", string(got))
	left, err := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	require.NoError(t, err)
	assert.Empty(t, left, "no temporary file is left")
}

// Abort leaves the place as it was: no target, no temporary file, no
// folder that Create made, even with chunks still on their way.
func TestOutputsAbortLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	var outs Outputs
	a, err := outs.Create(filepath.Join(dir, "new", "reports.jsonl"))
	require.NoError(t, err)
	writeInPieces(t, a, pattern(2*chunkDepth*chunkSize))
	outs.Abort()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, entries)
	outs.Abort() // twice is harmless
}

// failAfter accepts n bytes, then fails every write.
type failAfter struct {
	n      int
	writes int
}

var errDiskFull = errors.New("no space left on device")

func (f *failAfter) Write(p []byte) (int, error) {
	f.writes++
	if len(p) > f.n {
		return 0, errDiskFull
	}
	f.n -= len(p)
	return len(p), nil
}

// A write that fails on the goroutine is returned by a later Write and
// by Close; nothing more is written after it.
func TestBackgroundWriteErrorIsKept(t *testing.T) {
	f := &failAfter{n: chunkSize}
	b := &background{w: f}
	var err error
	for i := 0; i < 4*chunkDepth && err == nil; i++ {
		_, err = b.Write(pattern(chunkSize))
	}
	assert.ErrorIs(t, b.Close(), errDiskFull)
	assert.ErrorIs(t, b.Close(), errDiskFull, "Close again returns the same error")
	_, err = b.Write([]byte("x"))
	assert.Error(t, err)
	assert.Equal(t, 2, f.writes, "the write after the failed one is not tried")
}

// A small output is written by Close in one call, with no goroutine.
func TestBackgroundSmallOutputIsOneWrite(t *testing.T) {
	f := &failAfter{n: 1 << 20}
	b := &background{w: f}
	for range 100 {
		_, err := b.Write([]byte("0123456789"))
		require.NoError(t, err)
	}
	assert.Zero(t, f.writes, "nothing is written before Close")
	assert.Nil(t, b.full, "no goroutine is started")
	require.NoError(t, b.Close())
	assert.Equal(t, 1, f.writes)
	_, err := b.Write([]byte("late"))
	assert.ErrorIs(t, err, errClosed)
}
