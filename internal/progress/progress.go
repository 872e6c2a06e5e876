// Package progress reports the progress of a long batch on a writer
// (standard error, in the programs): cases done, the rate, the time left.
package progress

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/uacaptivity/captivity/law"
)

// A Meter counts done cases and prints a line at most once per interval,
// and once at the end. It is not safe for concurrent use.
type Meter struct {
	W        io.Writer
	Prefix   string           // "aidcalc"
	Total    int              // 0 when unknown
	Now      func() time.Time // the clock; programs pass time.Now
	Interval time.Duration    // 0 means a second
	// Live prints a line every interval while counting; without it only
	// the final line is printed (the programs set it when standard error
	// is a terminal, or with -progress).
	Live bool
	// Quiet prints nothing at all (-quiet).
	Quiet bool
	// Lang is "uk" for Ukrainian lines; anything else gives English.
	Lang  string
	done  int
	start time.Time
	last  time.Time
}

// Tick counts one case.
func (m *Meter) Tick() {
	now := m.Now()
	if m.done == 0 {
		m.start, m.last = now, now
	}
	m.done++
	every := m.Interval
	if every <= 0 {
		every = time.Second
	}
	if m.Live && !m.Quiet && now.Sub(m.last) >= every {
		m.last = now
		m.print(now)
	}
}

// Done returns the number of cases counted.
func (m *Meter) Done() int { return m.done }

// Finish prints the final line.
func (m *Meter) Finish() {
	if m.Quiet {
		return
	}
	took := m.Now().Sub(m.start).Round(time.Millisecond)
	switch {
	case m.done == 0 && m.Lang == "uk":
		fmt.Fprintf(m.W, "%s: жодної справи\n", m.Prefix)
	case m.done == 0:
		fmt.Fprintf(m.W, "%s: no cases\n", m.Prefix)
	case m.Lang == "uk":
		fmt.Fprintf(m.W, "%s: %s за %s\n", m.Prefix, law.PluralUK(m.done, "справа", "справи", "справ"), seconds(took))
	default:
		fmt.Fprintf(m.W, "%s: %s in %s\n", m.Prefix, law.PluralEN(m.done, "case", "cases"), took)
	}
}

// seconds writes d in seconds with a Ukrainian unit ("0,5 с").
func seconds(d time.Duration) string {
	return strings.Replace(fmt.Sprintf("%.1f с", d.Seconds()), ".", ",", 1)
}

func (m *Meter) print(now time.Time) {
	rate := 0
	if ms := now.Sub(m.start).Milliseconds(); ms > 0 {
		rate = int(int64(m.done) * 1000 / ms)
	}
	left := ""
	if rate > 0 && m.Total > m.done {
		left = fmt.Sprintf(", about %ds left", (m.Total-m.done)/rate)
		if m.Lang == "uk" {
			left = fmt.Sprintf(", лишилося близько %d с", (m.Total-m.done)/rate)
		}
	}
	total := ""
	if m.Total > 0 {
		total = fmt.Sprintf("/%d", m.Total)
	}
	if m.Lang == "uk" {
		fmt.Fprintf(m.W, "%s: справ %d%s, %d/с%s\n", m.Prefix, m.done, total, rate, left)
		return
	}
	fmt.Fprintf(m.W, "%s: %d%s cases, %d/s%s\n", m.Prefix, m.done, total, rate, left)
}
