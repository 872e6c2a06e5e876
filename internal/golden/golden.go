// Package golden compares test output with the files under testdata/
// that hold it, and rewrites them when tests run with -update.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// Check compares got with testdata/NAME.golden, byte for byte; with
// -update it first writes got there.
func Check(t testing.TB, name string, got []byte) {
	t.Helper()
	CheckFile(t, filepath.Join("testdata", name+".golden"), got)
}

// CheckFile is Check for a file at any path: a generated file that is
// committed where its users look for it.
func CheckFile(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "rewrite it with go test -update")
	assert.Equal(t, string(want), string(got), path)
}
