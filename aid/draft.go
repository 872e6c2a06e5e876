package aid

import (
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/law"
	"github.com/uacaptivity/captivity/prisoner"
)

// Draft6700 is the rule set of draft law No. 6700 of 2017 (LAW.md §10),
// which was registered in the Rada and never considered: it was never in
// force and nothing was ever paid under it. It is here for comparison
// only: what a monthly payment of two minimum wages to a political
// prisoner or the family would have paid, month by month, against what Law
// 2010-IX pays.
type Draft6700 struct {
	// MinimumWage is the monthly minimum wage by date, as the State Budget
	// laws set it.
	MinimumWage *Schedule
	// Multiple is the number of minimum wages a month (2 in the draft).
	Multiple int
	// From is the first day the draft is imagined to apply; unset means
	// from the capture (as if it had been law throughout).
	From civil.Date
}

// NeverEnacted labels every result of the draft.
const NeverEnacted = "draft law No. 6700 (2017) was never enacted; these are hypothetical amounts"

// DefaultDraft6700 returns the draft with the minimum wage of the State
// Budget laws from 2014 to 2026, a version from each 1 January (each
// year's law sets its own) and from each mid-year change. Each value is
// cited to its year's budget law (Art. 8, where these laws set the minimum
// wage); the values come from secondary sources (confidence S). December 2016:
// the budget law as adopted said UAH 1,550, an amendment raised it to
// 1,600, which is the value used.
func DefaultDraft6700() Draft6700 {
	d := civil.MustParse
	v := func(from string, uah int64, note string) Version {
		day := d(from)
		c := law.Cite(law.StateBudget(day.Year()), "8")
		if note != "" {
			c = c.WithNote(note)
		}
		return Version{ValidFrom: day, InForce: true, Amount: UAH(uah), Citation: c, Confidence: law.Secondary}
	}
	return Draft6700{
		Multiple: 2,
		MinimumWage: mustSchedule("minimum_wage.monthly",
			v("2014-01-01", 1218, ""),
			v("2015-01-01", 1218, ""),
			v("2015-09-01", 1378, ""),
			v("2016-01-01", 1378, ""),
			v("2016-05-01", 1450, ""),
			v("2016-12-01", 1600, "as amended; the law as adopted said 1550"),
			v("2017-01-01", 3200, ""),
			v("2018-01-01", 3723, ""),
			v("2019-01-01", 4173, ""),
			v("2020-01-01", 4723, ""),
			v("2020-09-01", 5000, "as amended by Law 822-IX of 25.08.2020"),
			v("2021-01-01", 6000, ""),
			v("2021-12-01", 6500, ""),
			v("2022-01-01", 6500, ""),
			v("2022-10-01", 6700, ""),
			v("2023-01-01", 6700, ""),
			v("2024-01-01", 7100, ""),
			v("2024-04-01", 8000, ""),
			v("2025-01-01", 8000, ""),
			v("2026-01-01", 8647, "State Budget 2026 (bill 14000); law number not retrieved"),
		),
	}
}

// A DraftMonth is one calendar month of the draft's payment.
type DraftMonth struct {
	Month       string       `json:"month"` // YYYY-MM
	Days        int          `json:"days"`  // days held in the month
	DaysInMonth int          `json:"days_in_month"`
	MinimumWage Money        `json:"minimum_wage"`
	Amount      Money        `json:"amount"`
	Citation    law.Citation `json:"citation"`
}

// DraftResult is what the draft would have paid for one episode.
type DraftResult struct {
	Episode string       `json:"episode"`
	Label   string       `json:"label"`
	Covered bool         `json:"covered"`
	Reason  law.Text     `json:"reason"`
	Months  []DraftMonth `json:"months,omitempty"`
	Total   Money        `json:"total"`
}

// DraftRounding is the draft's pro-rata rule, ours (the draft said
// nothing): a partial month pays its share by calendar days held, rounded
// half up to the kopiyka.
func DraftRounding() law.Citation {
	return law.Cite(law.Brief, "10").WithNote("pro-rata by calendar days held, half up to the kopiyka; our rule")
}

// Evaluate returns, for each episode of c, what the draft would have paid
// up to asOf (inclusive): for a political prisoner who is a citizen of
// Ukraine, Multiple minimum wages for each calendar month held, a partial
// month by days held (the capture day counts, the day of release or death
// does not). Other categories were outside the draft.
func (d Draft6700) Evaluate(c prisoner.Case, asOf civil.Date) []DraftResult {
	mult := d.Multiple
	if mult <= 0 {
		mult = 2
	}
	var out []DraftResult
	for _, ep := range c.Episodes {
		r := DraftResult{Episode: ep.ID, Label: NeverEnacted}
		if ep.Category != prisoner.Political || !c.Person.Citizen() {
			r.Reason = law.Text{UK: "проєкт 6700 стосувався лише політв'язнів — громадян України", EN: "draft 6700 covered only political prisoners who were citizens of Ukraine"}
			out = append(out, r)
			continue
		}
		r.Covered = true
		r.Reason = law.Text{UK: "щомісячна виплата у розмірі двох мінімальних заробітних плат", EN: "a monthly payment of two minimum wages"}
		start := ep.Captured
		if !d.From.IsZero() && d.From.After(start) {
			start = d.From
		}
		end := civil.Min(ep.Released, ep.Died) // first day not held
		if end.IsZero() || asOf.Before(end) {
			end = asOf.AddDays(1)
		}
		for m := civil.MustNew(start.Year(), start.Month(), 1); m.Before(end); m = m.AddMonths(1) {
			dim := civil.DaysIn(m.Year(), m.Month())
			next := m.AddMonths(1)
			from, to := m, next
			if from.Before(start) {
				from = start
			}
			if end.Before(to) {
				to = end
			}
			days := from.DaysUntil(to)
			if days <= 0 {
				continue
			}
			v, err := d.MinimumWage.At(m)
			if err != nil {
				continue // before the first minimum wage known
			}
			full := v.Amount.Times(mult).Kopiykas()
			amt := Kopiykas(full)
			if days < dim {
				k := full * int64(days)
				q := k / int64(dim)
				if 2*(k%int64(dim)) >= int64(dim) {
					q++
				}
				amt = Kopiykas(q)
			}
			month := m.String()[:7]
			r.Months = append(r.Months, DraftMonth{Month: month, Days: days, DaysInMonth: dim, MinimumWage: v.Amount, Amount: amt, Citation: v.Citation})
			r.Total = r.Total.Add(amt)
		}
		out = append(out, r)
	}
	return out
}

// DraftCitation is the citation of the draft itself.
func DraftCitation() law.Citation { return law.Cite(law.Draft6700, "").WithNote("never enacted") }
