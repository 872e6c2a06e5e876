// Package cli holds what the example programs' main functions share: the
// time zone of Ukrainian legal dates and the collector setting for batch
// runs. Library packages never use it: they read no clock.
package cli

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/uacaptivity/captivity/export"
)

// Kyiv returns the Europe/Kyiv zone, or a fixed UTC+2 when the system has
// no zone database.
func Kyiv() *time.Location {
	loc, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		return time.FixedZone("EET", 2*3600)
	}
	return loc
}

// TuneGC makes the collector run less often than Go's default unless
// GOGC is set: a batch keeps only a few megabytes live, so by default it
// would collect hundreds of times a second. 400 keeps the heap goal near
// five times the live heap (tens of MiB) and cuts the collector's share
// of a run from about a third to a few percent.
//
// With so high a percentage, what a run must keep (the case IDs seen, for
// duplicates) would be multiplied by five too, so a soft memory limit of
// 96 MiB makes the collector run more often as the heap nears it,
// unless GOMEMLIMIT is set.
func TuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(96 << 20)
	}
}

// OpenTables opens the case tables in the folder dir, named in messages
// by their paths under dir. Close them with the function returned.
func OpenTables(dir string) (export.Sources, func(), error) {
	src, closeAll, err := export.OpenCaseTables(os.DirFS(dir), ".")
	src.CasesName, src.EpisodesName = filepath.Join(dir, export.CasesFile), filepath.Join(dir, export.EpisodesFile)
	src.FamilyName, src.EventsName = filepath.Join(dir, export.FamilyFile), filepath.Join(dir, export.EventsFile)
	return src, closeAll, err
}

// CountCases counts the rows of dir's cases.csv, for a progress estimate.
// A malformed file counts the rows before the fault: the reader reports
// the fault itself.
func CountCases(dir string) (int, error) {
	f, err := os.Open(filepath.Join(dir, export.CasesFile))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	n := -1 // the header
	for {
		if _, err := r.Read(); err != nil { // io.EOF, or a fault the reader will report
			break
		}
		n++
	}
	if n < 0 {
		n = 0
	}
	return n, nil
}
