package main

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/export"
	"github.com/uacaptivity/captivity/law"
	"github.com/uacaptivity/captivity/prisoner"
	"github.com/uacaptivity/captivity/status"
)

// results is the results page: every case, and the cases themselves (as
// JSON Lines, carried back by the page's forms to switch the language or
// download: nothing is kept on the server).
type results struct {
	AsOf    string
	RuleSet string
	Cases   []caseView
	Carried string
}

type caseView struct {
	ID         string
	Status     []statusView
	Decisions  []decisionView
	Open       []lineView
	Warnings   []string
	Screening  []screenView
	Projection *projectionView
	Calendar   []lineView
}

type statusView struct {
	Episode, State, Since, Ground string
	Assumption                    bool
}

type decisionView struct {
	Seq                                     int
	Date, Aid, Claimant, Amount, Reason, ID string
	Granted                                 bool
	Steps                                   []stepView
}

type stepView struct {
	Rule, Text, Citation string
	Assumption           bool
}

// lineView is one line of a list: an entitlement, a claimable, a
// reminder.
type lineView struct {
	Date, Until, Episode, Aid, Party, Years, Amount, Text, Citation string
	Assumption, Projected                                           bool
}

type screenView struct {
	Episode, Outcome                        string
	Covered, NotCovered                     bool
	Met, Unmet, Missing, Docs, ForCommisson []string
}

type projectionView struct {
	Now       []string
	Assumed   []string
	Claimable []lineView
	Skipped   []string
}

// evaluate decides every case on asOf, and screens and projects the open
// ones; a case the law's life cycle does not allow is a problem.
func (a *app) evaluate(cases []prisoner.Case, asOf civil.Date, lang string) (*results, []string) {
	var carried bytes.Buffer
	if err := prisoner.Encode(&carried, cases, prisoner.EncodeOptions{Lines: true}); err != nil {
		return nil, []string{err.Error()}
	}
	out := &results{AsOf: asOf.String(), RuleSet: a.calc.RuleSet().Name, Carried: carried.String()}
	var probs []string
	for _, c := range cases {
		r, err := a.calc.Evaluate(c)
		if err != nil {
			var he *status.HistoryError
			if errors.As(err, &he) {
				for _, p := range he.Problems {
					probs = append(probs, fmt.Sprintf("%s %s: %s: %s", t(lang, "case"), c.ID, p.Path, p.Message.In(lang)))
				}
				continue
			}
			probs = append(probs, fmt.Sprintf("%s %s: %s", t(lang, "case"), c.ID, err))
			continue
		}
		out.Cases = append(out.Cases, a.view(c, r, asOf, lang))
	}
	return out, probs
}

func cite(c law.Citation, lang string) string { return c.Text().In(lang) }

func party(p, lang string) string {
	if p == aid.PartyFamily {
		return t(lang, "party.family")
	}
	if l := aid.PartyLabel(p); l.UK != "" {
		return l.In(lang)
	}
	return p
}

func years(ys, cal []int) string {
	var s []string
	for _, y := range ys {
		s = append(s, strconv.Itoa(y))
	}
	for _, y := range cal {
		s = append(s, strconv.Itoa(y))
	}
	return strings.Join(s, ", ")
}

func (a *app) view(c prisoner.Case, r *aid.Result, asOf civil.Date, lang string) caseView {
	v := caseView{ID: c.ID}
	for _, et := range r.Timeline.Episodes {
		s := et.At(asOf)
		sv := statusView{Episode: et.Episode, State: s.State.Label().In(lang)}
		if !s.Since.IsZero() {
			sv.Since = s.Since.String()
		}
		if s.Change != nil {
			sv.Ground, sv.Assumption = cite(s.Change.Ground, lang), s.Change.Conf == law.Assumption
		}
		v.Status = append(v.Status, sv)
	}
	for i, d := range r.Decisions {
		dv := decisionView{Seq: d.Seq, Date: d.Date.String(), Aid: d.Aid.Label().In(lang), Claimant: party(d.Claimant, lang),
			Amount: d.Amount.String(), Granted: d.Granted, ID: fmt.Sprintf("%s-%d-%d", c.ID, d.Seq, i)}
		if d.Granted {
			dv.Reason = t(lang, "granted")
			if len(d.Years) > 0 {
				var ks []int
				for _, y := range d.Years {
					ks = append(ks, y.K)
				}
				dv.Reason += ": " + t(lang, "years.in") + " " + years(ks, nil)
			}
		} else {
			dv.Reason = d.Refusal.Message().In(lang)
		}
		for _, st := range d.Trace {
			dv.Steps = append(dv.Steps, stepView{Rule: st.Rule(), Text: st.Text().In(lang), Citation: cite(st.Citation(), lang), Assumption: st.Confidence() == law.Assumption})
		}
		v.Decisions = append(v.Decisions, dv)
	}
	for _, e := range r.Entitlements(asOf) {
		if e.State != aid.StateOpen {
			continue
		}
		v.Open = append(v.Open, lineView{Episode: e.Episode, Aid: e.Aid.Label().In(lang), Party: party(e.Party, lang), Years: years(e.Years, e.CalendarYears), Amount: e.Amount.String()})
	}
	for _, w := range r.Warnings {
		v.Warnings = append(v.Warnings, w.Message.In(lang))
	}
	calendar := r.Calendar(asOf, asOf.AddYears(3, civil.Feb28))
	// The open episodes: screening and projection.
	s, err := a.calc.Screen(c, asOf)
	if err == nil {
		for _, e := range s.Episodes {
			if e.Outcome == aid.AlreadyEstablished {
				continue
			}
			sv := screenView{Episode: e.Episode, Outcome: e.Outcome.Label().In(lang), Covered: e.Outcome == aid.LikelyCovered, NotCovered: e.Outcome == aid.LikelyNotCovered}
			for _, m := range e.Met {
				sv.Met = append(sv.Met, m.Text.In(lang))
			}
			for _, m := range e.Unmet {
				sv.Unmet = append(sv.Unmet, m.Text.In(lang)+" — "+cite(m.Citation, lang))
			}
			for _, m := range e.Missing {
				sv.Missing = append(sv.Missing, m.Text.In(lang))
			}
			for _, d := range e.Documents {
				mark := "✓ "
				if d.State == aid.DocumentNotRecorded {
					mark = "✗ "
				}
				sv.Docs = append(sv.Docs, mark+d.Label.In(lang))
			}
			for _, m := range e.ForCommission {
				sv.ForCommisson = append(sv.ForCommisson, m.Text.In(lang))
			}
			v.Screening = append(v.Screening, sv)
		}
	}
	if len(v.Screening) > 0 {
		if p, err := a.calc.Project(c, aid.ProjectOptions{AsOf: asOf}); err == nil {
			pv := &projectionView{}
			for _, pe := range p.Episodes {
				pv.Assumed = append(pv.Assumed, fmt.Sprintf(t(lang, "project.assumed"), pe.EstablishedOn, pe.Basis.In(lang)))
			}
			for _, e := range p.Now {
				pv.Now = append(pv.Now, fmt.Sprintf("%s: %s, %s: %s", e.Episode, e.Aid.Label().In(lang), party(e.Party, lang), e.Amount))
			}
			for _, e := range p.NotProjected {
				pv.Skipped = append(pv.Skipped, e.Episode+": "+e.Outcome.Label().In(lang))
			}
			for _, cl := range p.Claimable {
				lv := lineView{Date: cl.From.String(), Episode: cl.Episode, Aid: cl.Aid.Label().In(lang), Party: party(cl.Party, lang),
					Years: years(cl.Years, cl.CalendarYears), Amount: cl.Amount.String(), Projected: true}
				if !cl.Until.IsZero() {
					lv.Until = cl.Until.String()
				}
				pv.Claimable = append(pv.Claimable, lv)
			}
			v.Projection = pv
			if p.Result != nil {
				calendar = append(calendar, p.Result.Calendar(asOf, asOf.AddYears(3, civil.Feb28))...)
			}
		}
	}
	for _, rem := range calendar {
		v.Calendar = append(v.Calendar, lineView{Date: rem.Date.String(), Episode: rem.Episode, Party: party(rem.Party, lang),
			Text: rem.Text.In(lang), Citation: cite(rem.Citation, lang), Assumption: rem.Confidence == law.Assumption, Projected: rem.Projected})
	}
	return v
}

// download answers the results page's download buttons: the cases it
// carries, evaluated again (nothing was kept), in the format asked.
func (a *app) download(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, a.cfg.MaxUpload+1<<20)
	p := a.newPage(w, r)
	if err := r.ParseForm(); err != nil {
		p.Errors = append(p.Errors, t(p.Lang, "err.csrf"))
		a.render(w, "index.html", p, http.StatusForbidden)
		return
	}
	asOf, cases, ok := a.input(w, r, p)
	if !ok {
		return
	}
	var rs []*aid.Result
	var rems []aid.Reminder
	for _, c := range cases {
		res, err := a.calc.Evaluate(c)
		if err != nil {
			p.Errors = append(p.Errors, c.ID+": "+err.Error())
			continue
		}
		rs = append(rs, res)
		rems = append(rems, res.Calendar(asOf, asOf.AddYears(3, civil.Feb28))...)
		if pr, err := a.calc.Project(c, aid.ProjectOptions{AsOf: asOf}); err == nil && pr.Result != nil {
			rems = append(rems, pr.Result.Calendar(asOf, asOf.AddYears(3, civil.Feb28))...)
		}
	}
	if len(p.Errors) > 0 {
		a.render(w, "index.html", p, http.StatusUnprocessableEntity)
		return
	}
	lang := export.English
	if p.Lang == "uk" {
		lang = export.Ukrainian
	}
	opts := export.CSVOptions{Headers: lang, Excel: true}
	var b bytes.Buffer
	var name, ctype string
	var err error
	stamp := "results-" + asOf.String()
	switch r.FormValue("format") {
	case "xlsx":
		name, ctype = stamp+".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
		ww := export.NewReportWorkbookWriter(&b, asOf, opts)
		for _, res := range rs {
			if err = ww.Write(res); err != nil {
				break
			}
		}
		if err == nil {
			err = ww.Flush()
		}
	case "csv":
		name, ctype = stamp+".zip", "application/zip"
		err = writeCSVZip(&b, rs, asOf, opts)
	case "jsonl":
		name, ctype = stamp+".jsonl", "application/x-ndjson"
		jw := export.NewJSONWriter(&b, asOf)
		for _, res := range rs {
			if err = jw.Write(res); err != nil {
				break
			}
		}
		if err == nil {
			err = jw.Flush()
		}
	case "ics":
		name, ctype = stamp+".ics", "text/calendar; charset=utf-8"
		err = export.WriteICS(&b, rems, export.CalendarOptions{Lang: lang, Made: a.cfg.Today()})
	default:
		http.Error(w, "unknown format", http.StatusBadRequest)
		return
	}
	if err != nil {
		http.Error(w, "could not write the file", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Header().Set("Content-Length", strconv.Itoa(b.Len()))
	_, _ = w.Write(b.Bytes())
}

// writeCSVZip writes the report tables (status.csv, timeline.csv,
// decisions.csv, entitlements.csv, recoveries.csv, warnings.csv) into
// one zip.
func writeCSVZip(b *bytes.Buffer, rs []*aid.Result, asOf civil.Date, opts export.CSVOptions) error {
	names := []string{"status.csv", "timeline.csv", "decisions.csv", "entitlements.csv", "recoveries.csv", "warnings.csv"}
	bufs := make([]bytes.Buffer, len(names))
	cw := export.NewReportCSVWriter(export.ReportTables{Status: &bufs[0], Timeline: &bufs[1], Decisions: &bufs[2],
		Entitlements: &bufs[3], Recoveries: &bufs[4], Warnings: &bufs[5]}, asOf, opts)
	for _, r := range rs {
		if err := cw.Write(r); err != nil {
			return err
		}
	}
	if err := cw.Flush(); err != nil {
		return err
	}
	zw := zip.NewWriter(b)
	for i, n := range names {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate, Modified: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return err
		}
		if _, err := f.Write(bufs[i].Bytes()); err != nil {
			return err
		}
	}
	return zw.Close()
}
