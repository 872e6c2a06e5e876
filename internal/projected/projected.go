// Package projected is a projection as the programs write it (aidcalc
// -project in JSON, the ministry service's POST /v1/project): the
// assumed decisions, what each party could claim, what can be claimed
// now, the calendar and the projected report.
package projected

import (
	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/export"
	"github.com/uacaptivity/captivity/law"
)

// Years is how far the calendar looks ahead of the latest assumed
// decision.
const Years = 3

// A Case is the projection of one case; every line of its calendar and
// report is marked projected.
type Case struct {
	CaseID   string                 `json:"case_id"`
	Advice   law.Text               `json:"advice"`
	Episodes []aid.ProjectedEpisode `json:"episodes"`
	// NotProjected are the open episodes screening finds likely not
	// covered, with why.
	NotProjected []aid.EpisodeScreening `json:"not_projected,omitempty"`
	Claimable    []aid.Claimable        `json:"claimable"`
	// Now is what could be claimed today without the decision (the 2026
	// civilian aid).
	Now      []aid.Entitlement `json:"now,omitempty"`
	Calendar []aid.Reminder    `json:"calendar"`
	// Report is the projected evaluation on the latest day assumed;
	// absent when no episode is projected.
	Report *export.Report `json:"report,omitempty"`
}

// Of is p, made on asOf, with its calendar and report. Without a
// projected result the calendar is empty: a caller that wants the real
// one sets it.
func Of(p *aid.Projection, asOf civil.Date, feb civil.Feb29Rule) Case {
	c := Case{CaseID: p.CaseID, Advice: p.Advice, Episodes: p.Episodes, NotProjected: p.NotProjected,
		Claimable: p.Claimable, Now: p.Now, Calendar: []aid.Reminder{}}
	if p.Result == nil {
		return c
	}
	last := Last(p, asOf)
	c.Calendar = append(c.Calendar, p.Result.Calendar(asOf, last.AddYears(Years, feb))...)
	rep := export.NewReport(p.Result, last)
	c.Report = &rep
	return c
}

// Last is the latest day p assumes a decision on, and no earlier than
// asOf.
func Last(p *aid.Projection, asOf civil.Date) civil.Date {
	last := asOf
	for _, pe := range p.Episodes {
		if pe.EstablishedOn.After(last) {
			last = pe.EstablishedOn
		}
	}
	return last
}
