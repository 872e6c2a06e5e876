package aid

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"

	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/law"
)

// ErrNoVersion is wrapped when no parameter version covers a date.
var ErrNoVersion = errors.New("no parameter version in force")

// ErrSchedule is wrapped by the errors of [NewSchedule].
var ErrSchedule = errors.New("invalid parameter schedule")

// A Version holds one parameter's values in force from ValidFrom
// (inclusive) until the next Version's ValidFrom (exclusive). A version
// with InForce false says the aid is not available from that day (the end
// of a regime).
type Version struct {
	ValidFrom civil.Date `json:"valid_from"`
	InForce   bool       `json:"in_force"`
	// Amount is the sum per unit (per captivity year, per release, per
	// death, per payment).
	Amount Money `json:"amount"`
	// DeadlineMonths is the term to claim, counted from the release (or
	// the version's start; see Reg2018CMU38DeadlineFrom); 0 means none.
	DeadlineMonths int `json:"deadline_months,omitempty"`
	// Yearly: the aid can be paid once per calendar year (CMU 328 from
	// late 2019) rather than once.
	Yearly     bool           `json:"yearly,omitempty"`
	Citation   law.Citation   `json:"citation"`
	Confidence law.Confidence `json:"confidence"`
	Note       string         `json:"note,omitempty"`
}

// A Schedule is the dated versions of one parameter. It is immutable once
// built; lookups are binary searches. Because each version runs to the
// next one's start, a schedule has no gaps or overlaps by construction;
// "not available" is a version with InForce false.
type Schedule struct {
	name     string
	versions []Version
}

// NewSchedule copies and sorts vs, and rejects an empty list, two versions
// on one day, an unset ValidFrom, a version without citation or
// confidence, and a negative amount. Errors wrap [ErrSchedule].
func NewSchedule(name string, vs ...Version) (*Schedule, error) {
	if len(vs) == 0 {
		return nil, fmt.Errorf("%s: no versions: %w", name, ErrSchedule)
	}
	cp := append([]Version(nil), vs...)
	sort.SliceStable(cp, func(i, j int) bool { return cp[i].ValidFrom.Before(cp[j].ValidFrom) })
	for i, v := range cp {
		switch {
		case v.ValidFrom.IsZero():
			return nil, fmt.Errorf("%s: version %d has no valid_from: %w", name, i, ErrSchedule)
		case i > 0 && v.ValidFrom == cp[i-1].ValidFrom:
			return nil, fmt.Errorf("%s: two versions from %s (overlap): %w", name, v.ValidFrom, ErrSchedule)
		case v.Citation.IsZero():
			return nil, fmt.Errorf("%s: version from %s has no citation: %w", name, v.ValidFrom, ErrSchedule)
		case !v.Confidence.Valid():
			return nil, fmt.Errorf("%s: version from %s has no confidence: %w", name, v.ValidFrom, ErrSchedule)
		case v.Amount.Sign() < 0:
			return nil, fmt.Errorf("%s: version from %s has a negative amount: %w", name, v.ValidFrom, ErrSchedule)
		case v.DeadlineMonths < 0:
			return nil, fmt.Errorf("%s: version from %s has a negative deadline: %w", name, v.ValidFrom, ErrSchedule)
		}
	}
	return &Schedule{name: name, versions: cp}, nil
}

// Name returns the parameter's name ("law2022.annual").
func (s *Schedule) Name() string { return s.name }

// Versions returns a copy of the versions, oldest first.
func (s *Schedule) Versions() []Version { return append([]Version(nil), s.versions...) }

// At returns the version in force on d. Before the first version it
// returns an error wrapping [ErrNoVersion].
func (s *Schedule) At(d civil.Date) (Version, error) {
	v := s.at(d)
	if v == nil {
		return Version{}, fmt.Errorf("%s on %s: %w", s.name, d, ErrNoVersion)
	}
	return *v, nil
}

// at is [Schedule.At] without the error: the version in force on d, in
// place in the schedule, or nil before the first.
func (s *Schedule) at(d civil.Date) *Version {
	i := sort.Search(len(s.versions), func(i int) bool { return s.versions[i].ValidFrom.After(d) })
	if i == 0 {
		return nil
	}
	return &s.versions[i-1]
}

// MarshalJSON writes the versions as a JSON array.
func (s *Schedule) MarshalJSON() ([]byte, error) { return json.Marshal(s.versions) }

// Parameters are the amounts and terms of every aid kind, each a dated
// [Schedule]. Build them with [DefaultParameters] or [NewParameters].
type Parameters struct {
	Annual         *Schedule // law2022.annual: per creditable captivity year
	Release        *Schedule // law2022.release_one_time
	Death          *Schedule // law2022.death_one_time
	Civilian       *Schedule // reg2026.civilian_release_one_time
	Reg2018Release *Schedule // reg2018.release_one_time
	Reg2018Support *Schedule // reg2018.legal_aid_support
}

// Parameter names, as in LAW.md §6.5 and in rules files.
const (
	ParamAnnual         = "law2022.annual"
	ParamRelease        = "law2022.release_one_time"
	ParamDeath          = "law2022.death_one_time"
	ParamCivilian       = "reg2026.civilian_release_one_time"
	ParamReg2018Release = "reg2018.release_one_time"
	ParamReg2018Support = "reg2018.legal_aid_support"
)

func (p Parameters) all() []*Schedule {
	return []*Schedule{p.Annual, p.Release, p.Death, p.Civilian, p.Reg2018Release, p.Reg2018Support}
}

var paramNames = []string{ParamAnnual, ParamRelease, ParamDeath, ParamCivilian, ParamReg2018Release, ParamReg2018Support}

// MarshalJSON writes the parameters as an object keyed by parameter name.
func (p Parameters) MarshalJSON() ([]byte, error) {
	m := map[string]*Schedule{}
	for i, s := range p.all() {
		if s != nil {
			m[paramNames[i]] = s
		}
	}
	return json.Marshal(m)
}

// UnmarshalJSON reads an object keyed by parameter name; each value is an
// array of versions. Names not given keep the defaults of
// [DefaultParameters]; unknown names are errors.
func (p *Parameters) UnmarshalJSON(b []byte) error {
	var raw map[string][]Version
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&raw); err != nil {
		return fmt.Errorf("parameters: %w", err)
	}
	def := DefaultParameters()
	slots := []**Schedule{&def.Annual, &def.Release, &def.Death, &def.Civilian, &def.Reg2018Release, &def.Reg2018Support}
	for name, vs := range raw {
		i := indexOf(paramNames, name)
		if i < 0 {
			return fmt.Errorf("parameters: unknown parameter %q", name)
		}
		s, err := NewSchedule(name, vs...)
		if err != nil {
			return err
		}
		*slots[i] = s
	}
	*p = def
	return nil
}

// withDefaults fills each nil schedule of p with its default from
// [DefaultParameters].
func (p Parameters) withDefaults() Parameters {
	if p.Annual != nil && p.Release != nil && p.Death != nil && p.Civilian != nil && p.Reg2018Release != nil && p.Reg2018Support != nil {
		return p
	}
	def := DefaultParameters()
	for _, f := range []struct{ v, def **Schedule }{
		{&p.Annual, &def.Annual}, {&p.Release, &def.Release}, {&p.Death, &def.Death},
		{&p.Civilian, &def.Civilian}, {&p.Reg2018Release, &def.Reg2018Release}, {&p.Reg2018Support, &def.Reg2018Support},
	} {
		if *f.v == nil {
			*f.v = *f.def
		}
	}
	return p
}

func indexOf(s []string, v string) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}

func mustSchedule(name string, vs ...Version) *Schedule {
	s, err := NewSchedule(name, vs...)
	if err != nil {
		panic(err) // literal table below; a test builds it
	}
	return s
}

// DefaultParameters returns the amounts of LAW.md §6.5, each with its
// citation and confidence. It builds new schedules on every call.
func DefaultParameters() Parameters {
	d := civil.MustParse
	uah100k := UAH(100000)
	law2022 := d("2022-11-19")
	return Parameters{
		Annual: mustSchedule(ParamAnnual,
			Version{ValidFrom: law2022, InForce: true, Amount: uah100k, Citation: law.Cite(law.Law2010, "7", "1").WithNote("amount set by CMU 1281 under Art. 7(4)"), Confidence: law.Verified}),
		Release: mustSchedule(ParamRelease,
			Version{ValidFrom: law2022, InForce: true, Amount: uah100k, Citation: law.Cite(law.Law2010, "7", "2").WithNote("amount set by CMU 1281 under Art. 7(4)"), Confidence: law.Verified}),
		Death: mustSchedule(ParamDeath,
			Version{ValidFrom: law2022, InForce: true, Amount: uah100k, Citation: law.Cite(law.Law2010, "7", "3").WithNote("amount set by CMU 1281 under Art. 7(4)"), Confidence: law.Verified}),
		Civilian: mustSchedule(ParamCivilian,
			Version{ValidFrom: d("2026-01-01"), InForce: true, Amount: UAH(50000), Citation: law.Cite(law.CMUCivilian2026, ""), Confidence: law.Secondary}),
		Reg2018Release: mustSchedule(ParamReg2018Release,
			Version{ValidFrom: d("2018-01-31"), InForce: true, Amount: uah100k, DeadlineMonths: 6, Citation: law.Cite(law.CMU38, "").WithNote("apply within six months"), Confidence: law.Verified},
			Version{ValidFrom: d("2019-09-26"), InForce: true, Amount: uah100k, Citation: law.Cite(law.CMU845, ""), Confidence: law.Verified},
			Version{ValidFrom: d("2019-12-11"), InForce: true, Amount: uah100k, Citation: law.Cite(law.CMU1122, "").WithNote("in force December 2019; exact day unverified"), Confidence: law.Assumption},
			Version{ValidFrom: law2022, InForce: false, Citation: law.Cite(law.Law2010, "17", "3").WithNote("the law's regime replaces the budget programme from 2022-11-19"), Confidence: law.Assumption}),
		Reg2018Support: mustSchedule(ParamReg2018Support,
			Version{ValidFrom: d("2018-04-28"), InForce: true, Amount: uah100k, Citation: law.Cite(law.CMU328, "").WithNote("one-time legal-aid and family support"), Confidence: law.Verified},
			Version{ValidFrom: d("2019-11-27"), InForce: true, Amount: uah100k, Yearly: true, Citation: law.Cite(law.CMU328, "").WithNote("repeatable every year while held (amendment of 27.11.2019; effective day unverified)"), Confidence: law.Assumption},
			Version{ValidFrom: law2022, InForce: false, Citation: law.Cite(law.Law2010, "17", "5").WithNote("annual aid of the law replaces it; CMU 328 payments offset pre-law years"), Confidence: law.Assumption}),
	}
}
