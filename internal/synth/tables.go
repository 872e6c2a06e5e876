package synth

import (
	"bufio"
	"os"
	"path/filepath"

	"github.com/uacaptivity/captivity/export"
)

// WriteTables writes n cases from seed as the four case tables into dir.
func WriteTables(dir string, seed uint64, n int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	names := []string{export.CasesFile, export.EpisodesFile, export.FamilyFile, export.EventsFile}
	files := make([]*os.File, len(names))
	bufs := make([]*bufio.Writer, len(names))
	for i, name := range names {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		defer f.Close()
		files[i], bufs[i] = f, bufio.NewWriterSize(f, 1<<20)
	}
	w := export.NewCaseTablesWriter(export.Tables{Cases: bufs[0], Episodes: bufs[1], Family: bufs[2], Events: bufs[3]}, export.CSVOptions{})
	g := New(seed)
	for i := 0; i < n; i++ {
		if err := w.Write(g.Next()); err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	for i := range files {
		if err := bufs[i].Flush(); err != nil {
			return err
		}
		if err := files[i].Close(); err != nil {
			return err
		}
	}
	return nil
}
