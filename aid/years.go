package aid

import (
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/prisoner"
)

// A unit is one creditable captivity year of an episode.
type unit struct {
	k      int // 1-based index from capture
	id     int // the key it is paid under (k, or a calendar year)
	from   civil.Date
	to     civil.Date
	preLaw bool
}

// scheme counts the captivity years of one episode under a rule set
// (LAW.md §6.1 A2, A6; §7).
type scheme struct {
	d        civil.Date
	rule     civil.Feb29Rule
	opts     Options
	block    bool       // the pre-law block applies (A6)
	n        int        // years in the block, before CMU 328 offsets
	m        int        // completed years by blockEnd
	r        int        // days from the last anniversary to blockEnd
	yearLen  int        // length in days of year m+1
	blockEnd civil.Date // the earlier of release, death and 2022-11-19
	base     civil.Date // start of later years under AnchorLawStart
	calStart int        // first calendar year of later units (CalendarYear)
}

func newScheme(ep *prisoner.Episode, rs *RuleSet) scheme {
	o := rs.Options
	s := scheme{d: ep.Captured, rule: rs.Feb29, opts: o}
	law := rs.Dates.LawStart.Date
	earliest := rs.Dates.AggressionStart.Date
	after := ep.Captured.After(earliest) || (o.EarliestDeprivation.norm() == OnOrAfterAggressionStart && ep.Captured == earliest)
	if after && ep.Captured.Before(law) {
		s.block = true
		s.blockEnd = civil.Min(civil.Min(ep.Released, ep.Died), law)
		s.m = ep.Captured.YearsSince(s.blockEnd, s.rule)
		last := ep.Captured.AddYears(s.m, s.rule)
		s.r = last.DaysUntil(s.blockEnd)
		s.yearLen = last.DaysUntil(ep.Captured.AddYears(s.m+1, s.rule))
		s.n = s.m
		twice := 2 * s.r
		if twice > s.yearLen || (twice == s.yearLen && o.PreLawRounding.norm() == HalfUp) {
			s.n++
		}
	}
	s.base = ep.Captured
	if ep.Captured.Before(law) {
		s.base = law
	}
	s.calStart = s.base.Year()
	if s.block && s.n > 0 {
		s.calStart = law.Year() + 1 // the block already counts up to 2022-11-19
	}
	return s
}

// unit returns year k (k ≥ 1).
func (s scheme) unit(k int) unit {
	if s.block && k <= s.n {
		return unit{k: k, id: k, from: s.d.AddYears(k-1, s.rule), to: s.d.AddYears(k, s.rule), preLaw: true}
	}
	if s.opts.YearBasis.norm() == CalendarYear {
		y := s.calStart + (k - s.n - 1)
		from := civil.MustNew(y, 1, 1)
		if from.Before(s.base) {
			from = s.base
		}
		return unit{k: k, id: y, from: from, to: civil.MustNew(y, 12, 31)}
	}
	if s.opts.PostLawYearAnchor.norm() == AnchorLawStart && s.base != s.d {
		j := k - s.n
		return unit{k: k, id: k, from: s.base.AddYears(j-1, s.rule), to: s.base.AddYears(j, s.rule)}
	}
	return unit{k: k, id: k, from: s.d.AddYears(k-1, s.rule), to: s.d.AddYears(k, s.rule)}
}

// plain reports whether every year runs from one capture anniversary to
// the next, so a year can be found by arithmetic rather than by search.
func (s scheme) plain() bool {
	return s.opts.YearBasis.norm() == Anniversary && (s.opts.PostLawYearAnchor.norm() == AnchorDeprivation || s.base == s.d)
}

// maxYears bounds every loop over years: no captivity lasts a century.
const maxYears = 100

// current returns the year in progress on day t: the first year whose end
// is on or after t (so on an anniversary the year ending then is still
// current, LAW.md §7).
func (s scheme) current(t civil.Date) int {
	if s.plain() {
		k := s.d.YearsSince(t, s.rule) // the last anniversary on or before t
		if k == 0 {
			return 1 // the capture day and the first year
		}
		if s.d.AddYears(k, s.rule) != t {
			k++ // t is inside year k+1; on the anniversary itself year k is still current
		}
		return k
	}
	start := 1
	if s.block && s.n > 0 && s.opts.PostLawYearAnchor.norm() == AnchorLawStart && s.base != s.d && !t.Before(s.base) {
		// Under the law-start anchor the years after the block run from
		// the law's start, and the block's last year, which keeps its
		// capture anniversary, overlaps the first of them: from the law's
		// start on, the current year is a post-law year (Art. 17(6)).
		start = s.n + 1
	}
	for k := start; k <= maxYears; k++ {
		u := s.unit(k)
		if u.to.IsZero() || !u.to.Before(t) {
			return k
		}
	}
	return maxYears
}

// completed returns how many years were complete on release day r: year k
// is complete when it ends on or before r (or strictly before, with
// AnniversaryIncomplete).
func (s scheme) completed(r civil.Date) int {
	if s.plain() {
		k := s.d.YearsSince(r, s.rule)
		if k > 0 && s.opts.ReleaseOnAnniversaryCompletesYear.norm() == AnniversaryIncomplete && s.d.AddYears(k, s.rule) == r {
			k--
		}
		return k
	}
	n := 0
	for k := 1; k <= maxYears; k++ {
		u := s.unit(k)
		done := !u.to.After(r)
		if s.opts.ReleaseOnAnniversaryCompletesYear.norm() == AnniversaryIncomplete {
			done = u.to.Before(r)
		}
		if !done {
			break
		}
		n = k
	}
	return n
}
