package main

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uacaptivity/captivity/internal/synth"
)

// The child run, in process, on a few generated cases.
func TestChild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "t")
	require.NoError(t, synth.WriteTables(dir, 3, 300))
	assert.Equal(t, 0, runChild(dir, 0))
	assert.Equal(t, 0, runChild(dir, 5), "a window smaller than a chunk")
	assert.Equal(t, 1, runChild(filepath.Join(dir, "none"), 0))
}

func TestMedian(t *testing.T) {
	assert.Equal(t, 2.0, median([]float64{3, 1, 2}))
	assert.Equal(t, 2.5, median([]float64{4, 1, 3, 2}))
	assert.Equal(t, 0.0, median(nil))
}
