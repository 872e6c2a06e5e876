package synth

import (
	"bufio"
	"encoding/json"
	"fmt"
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

// JSON forms of a case file.
const (
	ArrayOneLine = "array-one-line" // one JSON array on one line
	ArrayPretty  = "array-pretty"   // one JSON array, indented
	JSONLines    = "json-lines"     // one case per line
)

// WriteJSON writes n cases from seed as a case file of the given form to
// path, one case at a time: the file is never held in memory.
func WriteJSON(path, form string, seed uint64, n int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	g := New(seed)
	switch form {
	case ArrayOneLine, ArrayPretty:
		w.WriteString("[")
	case JSONLines:
	default:
		return fmt.Errorf("synth: unknown JSON form %q", form)
	}
	for i := 0; i < n; i++ {
		var b []byte
		if form == ArrayPretty {
			b, err = json.MarshalIndent(g.Next(), "  ", "  ")
		} else {
			b, err = json.Marshal(g.Next())
		}
		if err != nil {
			return err
		}
		switch {
		case form == JSONLines:
			w.Write(b)
			w.WriteString("\n")
		case form == ArrayPretty:
			if i > 0 {
				w.WriteString(",")
			}
			w.WriteString("\n  ")
			w.Write(b)
		default:
			if i > 0 {
				w.WriteString(",")
			}
			w.Write(b)
		}
	}
	switch form {
	case ArrayOneLine:
		w.WriteString("]")
	case ArrayPretty:
		w.WriteString("\n]\n")
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}
