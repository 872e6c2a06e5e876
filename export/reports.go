package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"

	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/law"
	"github.com/uacaptivity/captivity/prisoner"
	"github.com/uacaptivity/captivity/status"
)

// The report tables. Their file names and columns are API.
const (
	StatusFile       = "status.csv"
	TimelineFile     = "timeline.csv"
	DecisionsFile    = "decisions.csv"
	EntitlementsFile = "entitlements.csv"
	RecoveriesFile   = "recoveries.csv"
	WarningsFile     = "warnings.csv"
)

var (
	// status.csv: each episode's status on the day asked about.
	statusCols = []column{
		{"case_id", "ідентифікатор справи"}, {"episode", "епізод"}, {"as_of", "на дату"}, {"state", "статус"},
		{"state_uk", "статус (укр.)"}, {"since", "з дати"}, {"suspended", "розгляд зупинено"}, {"excluded", "виключено"},
		{"ground", "підстава"}, {"confidence", "достовірність"}, {"death", "смерть"},
	}
	// timeline.csv: every change of state.
	timelineCols = []column{
		{"case_id", "ідентифікатор справи"}, {"episode", "епізод"}, {"date", "дата"}, {"from", "з статусу"}, {"to", "у статус"},
		{"signal", "подія"}, {"seq", "№ події"}, {"ground", "підстава"}, {"confidence", "достовірність"},
		{"suspended", "розгляд зупинено"}, {"excluded", "виключено"}, {"deferred", "відкладено до 19.11.2022"},
		{"death", "смерть"}, {"implied", "заяву взято як подану"},
	}
	// decisions.csv: one row per claim.
	decisionsCols = []column{
		{"case_id", "ідентифікатор справи"}, {"seq", "№ звернення"}, {"date", "дата"}, {"episode", "епізод"}, {"aid", "вид допомоги"},
		{"claimant", "заявник"}, {"decision", "рішення"}, {"amount", "сума"}, {"years", "роки"}, {"payees", "отримувачі"},
		{"refusal", "код відмови"}, {"refusal_uk", "причина відмови"}, {"citations", "підстави"}, {"assumption", "є припущення"},
		{"rule_set", "набір правил"}, {"params_hash", "хеш параметрів"}, {"input_hash", "хеш справи"},
		{"calendar_years", "календарні роки"},
	}
	// entitlements.csv: granted, paid and open aid on the day asked about.
	entitlementsCols = []column{
		{"case_id", "ідентифікатор справи"}, {"as_of", "на дату"}, {"episode", "епізод"}, {"aid", "вид допомоги"},
		{"state", "стан"}, {"party", "отримувач"}, {"amount", "сума"}, {"years", "роки"}, {"date", "дата"}, {"seq", "№"},
		{"party_ref", "ідентифікатор отримувача в реєстрі"}, {"calendar_years", "календарні роки"},
	}
	// recoveries.csv: payments due back after invalidation (Art. 4(9)).
	recoveriesCols = []column{
		{"case_id", "ідентифікатор справи"}, {"episode", "епізод"}, {"seq", "№"}, {"date", "дата"}, {"aid", "вид допомоги"},
		{"payee", "отримувач"}, {"amount", "сума"}, {"citation", "підстава"},
	}
	// warnings.csv: what the rules had to assume about each case.
	warningsCols = []column{
		{"case_id", "ідентифікатор справи"}, {"seq", "№ події"}, {"path", "місце у справі"}, {"code", "код"},
		{"message_uk", "попередження"}, {"message_en", "попередження (англ.)"},
	}
)

// ReportTables are the destinations of the CSV reports; a nil one is not
// written. A writer never closes them.
type ReportTables struct {
	Status, Timeline, Decisions, Entitlements, Recoveries, Warnings io.Writer
}

// A ReportCSVWriter writes evaluation results as the CSV report tables,
// one result at a time, in the manner of encoding/csv.
//
// Columns, in order (English keys; Ukrainian headers with
// CSVOptions.Headers = "uk"):
//
//	status.csv        case_id, episode, as_of, state, state_uk, since, suspended, excluded, ground, confidence, death
//	timeline.csv      case_id, episode, date, from, to, signal, seq, ground, confidence, suspended, excluded, deferred, death,
//	                  implied
//	decisions.csv     case_id, seq, date, episode, aid, claimant, decision, amount, years, payees, refusal,
//	                  refusal_uk, citations, assumption, rule_set, params_hash, input_hash, calendar_years
//	entitlements.csv  case_id, as_of, episode, aid, state, party, amount, years, date, seq, party_ref,
//	                  calendar_years
//
// years holds captivity years by their number from capture (1 is the first
// year); calendar_years the calendar years of a CMU 328 payment or of
// annual aid under the calendar-year basis: one meaning a column, each a
// ";"-separated list of whole numbers.
//
//	warnings.csv      case_id, seq, path, code, message_uk, message_en
//	recoveries.csv    case_id, episode, seq, date, aid, payee, amount, citation
//
// Dates are YYYY-MM-DD; amounts have two decimals and a dot; lists
// (years, citations) are separated by ";", payees are "party=amount";
// booleans are "true" or empty; citations are compact codes
// ("2010-IX:7(1)"); death is how a death on or before the day came
// (Art. 7(3)): in_captivity, after_release_linked (with the certificate
// that links it to the captivity), after_release_not_linked, or empty.
type ReportCSVWriter struct {
	asOf                                         civil.Date
	status, timeline, decisions, ents, recovered *csvOut
	warnings                                     *csvOut
	buf                                          []byte // a row's cells, before they are made one string
}

// NewReportCSVWriter returns a writer of the report tables for results
// evaluated on asOf (the day of status and entitlements).
func NewReportCSVWriter(t ReportTables, asOf civil.Date, opts CSVOptions) *ReportCSVWriter {
	return &ReportCSVWriter{
		asOf:      asOf,
		status:    newCSVOut(t.Status, statusCols, opts),
		timeline:  newCSVOut(t.Timeline, timelineCols, opts),
		decisions: newCSVOut(t.Decisions, decisionsCols, opts),
		ents:      newCSVOut(t.Entitlements, entitlementsCols, opts),
		recovered: newCSVOut(t.Recoveries, recoveriesCols, opts),
		warnings:  newCSVOut(t.Warnings, warningsCols, opts),
	}
}

func (w *ReportCSVWriter) outs() []*csvOut {
	return []*csvOut{w.status, w.timeline, w.decisions, w.ents, w.recovered, w.warnings}
}

// Write writes the rows of one result.
func (w *ReportCSVWriter) Write(r *aid.Result) error {
	if w == nil || r == nil {
		return errors.New("export: ReportCSVWriter.Write needs a writer and a result")
	}
	var episodes []status.EpisodeTimeline
	if r.Timeline != nil {
		episodes = r.Timeline.Episodes
	}
	var c prisoner.Case
	if w.status != nil || w.timeline != nil {
		c = r.Case()
	}
	if o := w.status; o != nil {
		for _, et := range episodes {
			s := et.At(w.asOf)
			ground, conf := "", ""
			if s.Change != nil {
				ground, conf = s.Change.Ground.Code(), s.Change.Conf.String()
			}
			o.row(r.CaseID, et.Episode, w.asOf.String(), s.State.String(), s.State.Label().UK, s.Since.String(),
				boolCell(s.Suspended), boolCell(s.Excluded), ground, conf, deathOf(c, et.Episode, w.asOf))
		}
	}
	if o := w.timeline; o != nil {
		for _, et := range episodes {
			for _, ch := range et.Changes {
				o.row(r.CaseID, et.Episode, ch.Date.String(), ch.From.String(), ch.To.String(), ch.Signal.String(),
					intCell(ch.Seq), ch.Ground.Code(), ch.Conf.String(), boolCell(ch.Suspended), boolCell(ch.Excluded), boolCell(ch.Deferred),
					changeDeath(c, et.Episode, ch), boolCell(ch.Implied))
			}
		}
	}
	if o := w.decisions; o != nil {
		for i := range r.Decisions {
			d := &r.Decisions[i]
			decision := "refused"
			if d.Granted {
				decision = "granted"
			}
			// The cells made from numbers, dates and lists are written into
			// one buffer and made one string: one allocation a row.
			b := w.buf[:0]
			var at [7]int
			b = strconv.AppendInt(b, int64(d.Seq), 10)
			at[0] = len(b)
			b = d.Date.AppendFormat(b)
			at[1] = len(b)
			if d.Granted {
				b = d.Amount.Append(b)
			}
			at[2] = len(b)
			b = appendYears(b, d.Years, false) // numbers from capture
			at[3] = len(b)
			b = appendPayees(b, d.Shares)
			at[4] = len(b)
			b = d.AppendCitationCodes(b)
			at[5] = len(b)
			b = appendYears(b, d.Years, true) // calendar years
			at[6] = len(b)
			cells := string(b)
			w.buf = b
			o.row(r.CaseID, cells[:at[0]], cells[at[0]:at[1]], d.Episode, d.Aid.String(), d.Claimant, decision, cells[at[1]:at[2]],
				cells[at[2]:at[3]], cells[at[3]:at[4]], string(d.Refusal), d.Refusal.Message().UK, cells[at[4]:at[5]],
				boolCell(d.Assumed()), r.Stamp.RuleSet, r.Stamp.ParamsHash, r.Stamp.InputHash, cells[at[5]:at[6]])
		}
	}
	if o := w.ents; o != nil {
		for _, e := range r.Entitlements(w.asOf) {
			o.row(r.CaseID, w.asOf.String(), e.Episode, e.Aid.String(), string(e.State), e.Party, e.Amount.String(),
				ints(e.Years), e.Date.String(), intCell(e.Seq), e.PartyRef, ints(e.CalendarYears))
		}
	}
	if o := w.recovered; o != nil {
		for _, x := range r.Recoveries {
			o.row(r.CaseID, x.Episode, intCell(x.Seq), x.Date.String(), x.Aid.String(), x.Payee, x.Amount.String(), x.Citation.Code())
		}
	}
	if o := w.warnings; o != nil {
		for _, x := range r.Warnings {
			o.row(r.CaseID, intCell(x.Seq), x.Path, string(x.Code), x.Message.UK, x.Message.EN)
		}
	}
	for _, o := range w.outs() {
		if o != nil && o.err != nil {
			return o.err
		}
	}
	return nil
}

// Flush writes out everything buffered and returns the first error.
func (w *ReportCSVWriter) Flush() error {
	if w == nil {
		return nil
	}
	var first error
	for _, o := range w.outs() {
		if o == nil {
			continue
		}
		if err := o.flush(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// ints lists numbers ";"-separated.
func ints(xs []int) string {
	var b []byte
	for i, x := range xs {
		if i > 0 {
			b = append(b, ';')
		}
		b = strconv.AppendInt(b, int64(x), 10)
	}
	return string(b)
}

// appendYears appends, ";"-separated, the years of a decision: their
// numbers from capture, or (calendar) the calendar years of those keyed
// by one (the calendar-year basis). A year is in one list only.
func appendYears(b []byte, ys []aid.YearLine, calendar bool) []byte {
	first := true
	for _, y := range ys {
		if (y.ID != y.K) != calendar {
			continue
		}
		if !first {
			b = append(b, ';')
		}
		first = false
		v := y.K
		if calendar {
			v = y.ID
		}
		b = strconv.AppendInt(b, int64(v), 10)
	}
	return b
}

// appendPayees appends the shares of a decision to b as "party=amount",
// ";"-separated.
func appendPayees(b []byte, shares []aid.Share) []byte {
	for i, s := range shares {
		if i > 0 {
			b = append(b, ';')
		}
		b = append(b, s.Party...)
		b = append(b, '=')
		b = s.Amount.Append(b)
	}
	return b
}

// A Report is one line of the JSON report: everything evaluated for one
// case. Field names are API; see report.schema.json.
type Report struct {
	CaseID       string            `json:"case_id"`
	AsOf         civil.Date        `json:"as_of"`
	Stamp        aid.Stamp         `json:"stamp"`
	Status       []EpisodeStatus   `json:"status"`
	Timeline     []TimelineChange  `json:"timeline"`
	Decisions    []aid.Decision    `json:"decisions"`
	Entitlements []aid.Entitlement `json:"entitlements"`
	Recoveries   []aid.Recovery    `json:"recoveries"`
	// Warnings are what the rules had to assume (see [prisoner.Warning]).
	Warnings []prisoner.Warning `json:"warnings"`
	// Projected, on the report of a projection, are the Commission
	// decisions it assumed (see [aid.Calculator.Project]).
	Projected []aid.ProjectedEpisode `json:"projected,omitempty"`
}

// deathOf says how the person died in episode id, if the death was on
// or before on (Art. 7(3)): "in_captivity", "after_release_linked",
// "after_release_not_linked", or "".
func deathOf(c prisoner.Case, id string, on civil.Date) string {
	ep, ok := c.EpisodeByID(id)
	if !ok || ep.Died.After(on) {
		return ""
	}
	return deathKind(ep)
}

// deathKind says how the person died in ep, or "".
func deathKind(ep prisoner.Episode) string { return ep.Death() }

// changeDeath is deathOf for a change that records the death.
func changeDeath(c prisoner.Case, id string, ch status.Change) string {
	if ch.Signal != status.SigRecordDeath && ch.Signal != status.SigDeathFact {
		return ""
	}
	ep, _ := c.EpisodeByID(id)
	return deathKind(ep)
}

// EpisodeStatus is an episode's status on the report's day.
type EpisodeStatus struct {
	Episode    string         `json:"episode"`
	State      status.State   `json:"state"`
	Label      law.Text       `json:"label"`
	Since      civil.Date     `json:"since,omitzero"`
	Suspended  bool           `json:"suspended"`
	Excluded   bool           `json:"excluded"`
	Ground     law.Citation   `json:"ground,omitzero"`
	Confidence law.Confidence `json:"confidence,omitzero"`
	// Death is how the person died, if by the report's day (see
	// [ReportCSVWriter]'s death column).
	Death string `json:"death,omitempty"`
}

// TimelineChange is one change of an episode's state.
type TimelineChange struct {
	Episode string `json:"episode"`
	status.Change
	// Death is how the person died, on the change that records it.
	Death string `json:"death,omitempty"`
}

// NewReport builds the report of r on asOf.
func NewReport(r *aid.Result, asOf civil.Date) Report {
	if r == nil {
		return Report{AsOf: asOf, Status: []EpisodeStatus{}, Timeline: []TimelineChange{}, Decisions: []aid.Decision{},
			Entitlements: []aid.Entitlement{}, Recoveries: []aid.Recovery{}, Warnings: []prisoner.Warning{}}
	}
	rep := Report{CaseID: r.CaseID, AsOf: asOf, Stamp: r.Stamp, Decisions: r.Decisions, Recoveries: r.Recoveries,
		Status: []EpisodeStatus{}, Timeline: []TimelineChange{}, Entitlements: r.Entitlements(asOf)}
	if rep.Decisions == nil {
		rep.Decisions = []aid.Decision{}
	}
	if rep.Recoveries == nil {
		rep.Recoveries = []aid.Recovery{}
	}
	rep.Warnings, rep.Projected = r.Warnings, r.Projected
	if rep.Warnings == nil {
		rep.Warnings = []prisoner.Warning{}
	}
	if rep.Entitlements == nil {
		rep.Entitlements = []aid.Entitlement{}
	}
	var episodes []status.EpisodeTimeline
	if r.Timeline != nil {
		episodes = r.Timeline.Episodes
	}
	c := r.Case()
	for _, et := range episodes {
		s := et.At(asOf)
		es := EpisodeStatus{Episode: et.Episode, State: s.State, Label: s.State.Label(), Since: s.Since, Suspended: s.Suspended, Excluded: s.Excluded,
			Death: deathOf(c, et.Episode, asOf)}
		if s.Change != nil {
			es.Ground, es.Confidence = s.Change.Ground, s.Change.Conf
		}
		rep.Status = append(rep.Status, es)
		for _, ch := range et.Changes {
			rep.Timeline = append(rep.Timeline, TimelineChange{Episode: et.Episode, Change: ch, Death: changeDeath(c, et.Episode, ch)})
		}
	}
	return rep
}

// A JSONWriter writes reports as JSON Lines: one [Report] object per line,
// one line per case, so a reader can stream them and memory does not grow
// with the count. Amounts are strings with two decimals; dates are
// YYYY-MM-DD. It has the method set of [ReportCSVWriter]; the first error
// is sticky and reported by Flush.
type JSONWriter struct {
	asOf civil.Date
	buf  *bufio.Writer // nil when the writer needs no buffer
	enc  *json.Encoder
	err  error
}

// NewJSONWriter returns a writer of reports on asOf to w.
func NewJSONWriter(w io.Writer, asOf civil.Date) *JSONWriter {
	var bw *bufio.Writer
	if _, inMemory := w.(*bytes.Buffer); !inMemory {
		// Each report is a handful of writes; a buffer in memory needs
		// no buffer in front of it.
		bw = bufio.NewWriterSize(w, 64<<10)
		w = bw
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &JSONWriter{asOf: asOf, buf: bw, enc: enc}
}

// Write writes the report of one result as one line.
func (w *JSONWriter) Write(r *aid.Result) error {
	if w == nil || w.enc == nil || r == nil {
		return errors.New("export: JSONWriter.Write needs a writer made by NewJSONWriter and a result")
	}
	if w.err != nil {
		return w.err
	}
	w.err = w.enc.Encode(fastReport(NewReport(r, w.asOf)))
	return w.err
}

// Flush writes out everything buffered and returns the first error.
func (w *JSONWriter) Flush() error {
	if w == nil || w.enc == nil {
		return nil
	}
	if w.err != nil || w.buf == nil {
		return w.err
	}
	w.err = w.buf.Flush()
	return w.err
}

// reportJSON is a [Report] as [JSONWriter] encodes it: the same fields,
// giving the same bytes, with each decision's trace as plain steps.
// encoding/json re-scans what every MarshalJSON returns, and a report has
// dozens of steps: written as plain structs they cost a fifth as much. A
// test checks the bytes against json.Marshal of the Report.
type reportJSON struct {
	CaseID       string            `json:"case_id"`
	AsOf         civil.Date        `json:"as_of"`
	Stamp        aid.Stamp         `json:"stamp"`
	Status       []EpisodeStatus   `json:"status"`
	Timeline     []TimelineChange  `json:"timeline"`
	Decisions    []decisionJSON    `json:"decisions"`
	Entitlements []aid.Entitlement `json:"entitlements"`
	Recoveries   []aid.Recovery    `json:"recoveries"`
	// Warnings are what the rules had to assume (see [prisoner.Warning]).
	Warnings  []prisoner.Warning     `json:"warnings"`
	Projected []aid.ProjectedEpisode `json:"projected,omitempty"`
}

// decisionJSON is an aid.Decision with its trace as plain steps.
type decisionJSON struct {
	Event     int              `json:"event"`
	Seq       int              `json:"seq"`
	Date      civil.Date       `json:"date"`
	Episode   string           `json:"episode"`
	Aid       prisoner.AidKind `json:"aid"`
	Claimant  string           `json:"claimant"`
	Granted   bool             `json:"granted"`
	Amount    aid.Money        `json:"amount"`
	Years     []aid.YearLine   `json:"years,omitempty"`
	Shares    []aid.Share      `json:"shares,omitempty"`
	Refusal   aid.Code         `json:"refusal,omitempty"`
	Reasons   []aid.Reason     `json:"reasons,omitempty"`
	Trace     []stepJSON       `json:"trace"`
	Projected bool             `json:"projected,omitempty"`
}

// stepJSON is an aid.Step as its MarshalJSON writes it.
type stepJSON struct {
	Rule       string         `json:"rule"`
	Text       law.Text       `json:"text"`
	Citation   law.Citation   `json:"citation"`
	Confidence law.Confidence `json:"confidence"`
	Param      string         `json:"param,omitempty"`
}

func fastReport(r Report) reportJSON {
	out := reportJSON{CaseID: r.CaseID, AsOf: r.AsOf, Stamp: r.Stamp, Status: r.Status, Timeline: r.Timeline,
		Entitlements: r.Entitlements, Recoveries: r.Recoveries, Warnings: r.Warnings, Projected: r.Projected, Decisions: make([]decisionJSON, len(r.Decisions))}
	n := 0
	for i := range r.Decisions {
		n += len(r.Decisions[i].Trace)
	}
	steps := make([]stepJSON, 0, n)
	for i := range r.Decisions {
		d := &r.Decisions[i]
		start := len(steps)
		for _, st := range d.Trace {
			steps = append(steps, stepJSON{Rule: st.Rule(), Text: st.Text(), Citation: st.Citation(), Confidence: st.Confidence(), Param: st.Param()})
		}
		trace := steps[start:len(steps):len(steps)]
		if d.Trace == nil {
			trace = nil
		}
		out.Decisions[i] = decisionJSON{Event: d.Event, Seq: d.Seq, Date: d.Date, Episode: d.Episode, Aid: d.Aid, Claimant: d.Claimant,
			Granted: d.Granted, Amount: d.Amount, Years: d.Years, Shares: d.Shares, Refusal: d.Refusal, Reasons: d.Reasons, Trace: trace, Projected: d.Projected}
	}
	return out
}
