package civil

import (
	"errors"
	"fmt"
)

// ErrInvalidPeriod is wrapped by the errors of [NewPeriod].
var ErrInvalidPeriod = errors.New("invalid period")

// A Period is a span of days inclusive at both ends: it contains Start, End
// and every day between. An unset End means the period is still open
// (for example a captivity that has not ended). The zero Period is empty
// and contains no day.
type Period struct {
	Start Date `json:"start"`
	End   Date `json:"end,omitzero"`
}

// NewPeriod returns the Period from start to end, both included. end may be
// unset (open period); otherwise it must not be before start.
func NewPeriod(start, end Date) (Period, error) {
	if start.IsZero() {
		return Period{}, fmt.Errorf("period start is unset: %w", ErrInvalidPeriod)
	}
	if !end.IsZero() && end.Before(start) {
		return Period{}, fmt.Errorf("period end %s is before its start %s: %w", end, start, ErrInvalidPeriod)
	}
	return Period{Start: start, End: end}, nil
}

// IsZero reports whether p is the zero Period.
func (p Period) IsZero() bool { return p.Start.IsZero() && p.End.IsZero() }

// Open reports whether p has a start and no end.
func (p Period) Open() bool { return !p.Start.IsZero() && p.End.IsZero() }

// Contains reports whether day t lies in p, ends included. An open period
// contains every day from its start on.
func (p Period) Contains(t Date) bool {
	if p.Start.IsZero() || t.IsZero() || t.Before(p.Start) {
		return false
	}
	return p.End.IsZero() || !t.After(p.End)
}

// Days returns the number of days in p counting both ends, or 0 for an
// open or zero period.
func (p Period) Days() int {
	if p.Start.IsZero() || p.End.IsZero() {
		return 0
	}
	return p.Start.DaysUntil(p.End) + 1
}

// Overlaps reports whether p and q share at least one day.
func (p Period) Overlaps(q Period) bool {
	if p.Start.IsZero() || q.Start.IsZero() {
		return false
	}
	pEndsBeforeQ := !p.End.IsZero() && p.End.Before(q.Start)
	qEndsBeforeP := !q.End.IsZero() && q.End.Before(p.Start)
	return !pEndsBeforeQ && !qEndsBeforeP
}

// String writes p as "START/END" (ISO 8601 interval), "START/.." when open.
func (p Period) String() string {
	if p.IsZero() {
		return ""
	}
	if p.End.IsZero() {
		return p.Start.String() + "/.."
	}
	return p.Start.String() + "/" + p.End.String()
}
