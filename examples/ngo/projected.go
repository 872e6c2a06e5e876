package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/export"
	"github.com/uacaptivity/captivity/status"
)

// projectedPath is the projected report beside the report out:
// owed.csv → owed.projected.csv.
func projectedPath(out string) string {
	return strings.TrimSuffix(out, filepath.Ext(out)) + ".projected.csv"
}

var projectedHeader = []string{"case_id", "episode", "party", "relation", "aid", "from", "until", "years", "calendar_years",
	"amount", "established_on", "basis_en", "basis_uk", "projected"}

var projectedHeaderUK = []string{"ідентифікатор справи", "епізод", "отримувач", "спорідненість", "вид допомоги", "з", "до", "роки полону",
	"календарні роки", "сума", "факт припущено встановленим", "підстава припущення (англ.)", "підстава припущення", "прогноз"}

// projected is the report of what the open cases would give if the
// Commission established the fact: one row per captivity year or
// one-time aid, from the first day it could be claimed. Advice: its
// amounts are in no total of the entitlements report.
type projected struct {
	w     *csv.Writer
	calc  *aid.Calculator
	err   error
	cases int
	rows  int
	total aid.Money
}

func newProjected(w io.Writer, calc *aid.Calculator, excel bool, lang string) *projected {
	p := &projected{w: csv.NewWriter(w), calc: calc}
	p.w.UseCRLF = excel
	if excel {
		_, p.err = io.WriteString(w, "\ufeff")
	}
	if p.err == nil {
		h := projectedHeader
		if lang == "uk" {
			h = projectedHeaderUK
		}
		p.err = p.w.Write(h)
	}
	return p
}

// open reports whether res has an episode whose fact is not established
// on asOf, nor cancelled or excluded.
func open(res *aid.Result, asOf civil.Date) bool {
	if res.Timeline == nil {
		return false
	}
	for _, et := range res.Timeline.Episodes {
		s := et.At(asOf)
		if !s.State.Established() && s.State != status.Cancelled && !s.Excluded {
			return true
		}
	}
	return false
}

func (p *projected) write(res *aid.Result, asOf civil.Date) error {
	if p.err != nil || !open(res, asOf) {
		return p.err
	}
	c := res.Case()
	pr, err := p.calc.Project(c, aid.ProjectOptions{AsOf: asOf})
	if err != nil || len(pr.Episodes) == 0 {
		return nil // screening finds the open episodes likely not covered
	}
	p.cases++
	on := map[string]aid.ProjectedEpisode{}
	for _, pe := range pr.Episodes {
		on[pe.Episode] = pe
	}
	list := func(ys []int) string {
		var out []string
		for _, y := range ys {
			out = append(out, fmt.Sprint(y))
		}
		return strings.Join(out, ";")
	}
	for _, cl := range pr.Claimable {
		relation := ""
		if m, ok := c.Member(cl.Party); ok {
			relation = m.Relation.String()
		}
		until := ""
		if !cl.Until.IsZero() {
			until = cl.Until.String()
		}
		pe := on[cl.Episode]
		rec := []string{pr.CaseID, cl.Episode, cl.Party, relation, cl.Aid.String(), cl.From.String(), until, list(cl.Years), list(cl.CalendarYears),
			cl.Amount.String(), pe.EstablishedOn.String(), pe.Basis.EN, pe.Basis.UK, "true"}
		for i := range rec {
			rec[i] = export.Neutralize(rec[i])
		}
		if p.err = p.w.Write(rec); p.err != nil {
			return p.err
		}
		p.rows++
		p.total = p.total.Add(cl.Amount)
	}
	return nil
}

func (p *projected) flush() error {
	if p.err != nil {
		return p.err
	}
	p.w.Flush()
	return p.w.Error()
}

// print says how many open cases were projected, and where, with the
// projected amounts kept apart from the report's totals.
func (p *projected) print(w io.Writer, path, lang string) {
	if lang == "uk" {
		fmt.Fprintf(w, "Прогноз для відкритих справ (%s): %d, %d %s, разом %s грн — порада, а не рішення; у підсумки вище не входить (%s).\n",
			"факт ще не встановлено", p.cases, p.rows, pluralUK(p.rows), p.total, path)
		return
	}
	fmt.Fprintf(w, "Projected for open cases (the fact not yet established): %d, %d %s, UAH %s in all — advice, not a decision; not in the totals above (%s).\n",
		p.cases, p.rows, pluralEN(p.rows), p.total, path)
}

func pluralUK(n int) string {
	switch d, h := n%10, n%100; {
	case d == 1 && h != 11:
		return "рядок"
	case d >= 2 && d <= 4 && (h < 12 || h > 14):
		return "рядки"
	}
	return "рядків"
}

func pluralEN(n int) string {
	if n == 1 {
		return "row"
	}
	return "rows"
}
