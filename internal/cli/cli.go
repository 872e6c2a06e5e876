// Package cli holds what the example programs' main functions share: the
// time zone of Ukrainian legal dates and the collector setting for batch
// runs. Library packages never use it: they read no clock.
package cli

import (
	"os"
	"runtime/debug"
	"time"
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
func TuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}
