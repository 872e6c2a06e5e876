package export

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/uacaptivity/captivity/law"
	"github.com/uacaptivity/captivity/prisoner"
)

// The case tables: four CSV files that hold everything a case file holds,
// keyed by case_id. Their names, and the columns below, are API.
const (
	CasesFile    = "cases.csv"
	EpisodesFile = "episodes.csv"
	FamilyFile   = "family.csv"
	EventsFile   = "events.csv"
)

// Column ordinals: a column's place in its table's list below, which is
// also the order the writer writes them in. The reader maps each to the
// field it is in, since a file may hold them in any order.
const colCaseID = 0 // every table

const (
	csCitizenship = iota + 1
	csStateless
	csName
	csBirthDate
	csRNOKPP
	csNote
)

const (
	epID = iota + 1
	epCategory
	epServing
	epCaptured
	epReleased
	epReleaseKind
	epDied
	epDeathLinked
	epEarlyReason
)

const (
	fmID = iota + 1
	fmRelation
	fmProof
	fmDependant
	fmName
	fmBirthDate
	fmCitizenship
	fmRNOKPP
	fmSince
	fmEnded
	fmRelationNote
	fmLivesWith
	fmPersonRef
)

const (
	evSeq = iota + 1
	evDate
	evKind
	evEpisode
	evParty
	evMember
	evDecision
	evGround
	evNotified
	evPrior
	evRuling
	evAid
	evYear
	evAmount
	evRegime
	evMissing
	evOtherLaw
	evNote
	evDocuments
	evDecided
)

var (
	casesCols = []column{
		colCaseID: {"case_id", "ідентифікатор справи"}, csCitizenship: {"citizenship", "громадянство"},
		csStateless: {"stateless", "особа без громадянства"}, csName: {"name", "ПІБ"}, csBirthDate: {"birth_date", "дата народження"},
		csRNOKPP: {"rnokpp", "РНОКПП"}, csNote: {"note", "примітка"},
	}
	episodesCols = []column{
		colCaseID: {"case_id", "ідентифікатор справи"}, epID: {"episode_id", "епізод"}, epCategory: {"category", "категорія"},
		epServing: {"serving_at_capture", "на службі під час захоплення"}, epCaptured: {"captured", "дата позбавлення свободи"},
		epReleased: {"released", "дата звільнення"}, epReleaseKind: {"release_kind", "спосіб звільнення"}, epDied: {"died", "дата смерті"},
		epDeathLinked: {"death_linked", "смерть пов'язана з полоном"}, epEarlyReason: {"early_date_reason", "пояснення ранньої дати"},
	}
	familyCols = []column{
		colCaseID: {"case_id", "ідентифікатор справи"}, fmID: {"member_id", "член сім'ї"}, fmRelation: {"relation", "ступінь спорідненості"},
		fmProof: {"proof", "підтвердження"}, fmDependant: {"dependant", "утриманець"}, fmName: {"name", "ПІБ"},
		fmBirthDate: {"birth_date", "дата народження"}, fmCitizenship: {"citizenship", "громадянство"}, fmRNOKPP: {"rnokpp", "РНОКПП"},
		fmSince: {"since", "з дати"}, fmEnded: {"ended", "до дати"}, fmRelationNote: {"relation_note", "опис зв'язку"},
		fmLivesWith: {"lives_with", "проживає разом"}, fmPersonRef: {"person_ref", "ідентифікатор особи в реєстрі"},
	}
	eventsCols = []column{
		colCaseID: {"case_id", "ідентифікатор справи"}, evSeq: {"seq", "№"}, evDate: {"date", "дата"}, evKind: {"kind", "вид події"},
		evEpisode: {"episode", "епізод"}, evParty: {"party", "сторона"}, evMember: {"member", "член сім'ї"},
		evDecision: {"decision", "рішення"}, evGround: {"ground", "підстава"}, evNotified: {"notified", "дата повідомлення"},
		evPrior: {"prior_procedure", "за попереднім порядком"}, evRuling: {"ruling", "рішення суду"}, evAid: {"aid", "вид допомоги"},
		evYear: {"year", "рік"}, evAmount: {"amount", "сума"}, evRegime: {"regime", "режим"},
		evMissing: {"missing", "бракує документів"}, evOtherLaw: {"other_law_elected", "обрано інший закон"}, evNote: {"note", "примітка"},
		evDocuments: {"documents", "наявні документи"}, evDecided: {"decided", "дата рішення за зверненням"},
	}
)

// Tables are the four destinations (or sources) of the case tables. A
// writer never closes them.
type Tables struct {
	Cases, Episodes, Family, Events io.Writer
}

// csvOut is one CSV destination with the options applied: an
// encoding/csv Writer (CRLF line ends with CSVOptions.Excel) whose cells
// are neutralized against formula injection. The first error is sticky.
type csvOut struct {
	w   *csv.Writer
	err error
	// sheet, when set, takes the rows instead: a report workbook's sheet,
	// typed cells, no neutralizing (a text cell is never a formula).
	sheet *sheetOut
}

// newCSVOut returns a destination to w, with the byte-order mark (for
// Excel) and the header row written; a nil w gives nil, which writes
// nothing.
func newCSVOut(w io.Writer, cols []column, o CSVOptions) *csvOut {
	if w == nil {
		return nil
	}
	out := &csvOut{}
	if o.Excel {
		_, out.err = io.WriteString(w, bom)
	}
	out.w = csv.NewWriter(w)
	out.w.UseCRLF = o.Excel
	if out.err == nil {
		out.err = out.w.Write(headers(cols, o.Headers))
	}
	return out
}

// row writes cells neutralized against formula injection. The slice is
// the caller's again when row returns.
func (o *csvOut) row(cells ...string) {
	if o == nil || o.err != nil {
		return
	}
	if o.sheet != nil {
		o.err = o.sheet.rowOf(cells)
		return
	}
	for i, c := range cells {
		cells[i] = Neutralize(c)
	}
	o.err = o.w.Write(cells)
}

// flush writes out what is buffered and returns the first error.
func (o *csvOut) flush() error {
	if o == nil {
		return nil
	}
	if o.sheet != nil {
		return o.err // the workbook writes the sheet
	}
	if o.err == nil {
		o.w.Flush()
		o.err = o.w.Error()
	}
	return o.err
}

// A CaseTablesWriter writes cases as the four case tables, one case at a
// time, in the manner of encoding/csv: Write buffers, Flush writes out and
// reports the first error, which is sticky. Rows of every table are in the
// order of the cases, which is what [CaseTablesReader] expects. It holds
// no case after Write returns, so memory does not grow with the count.
type CaseTablesWriter struct {
	opts                       CSVOptions
	cases, eps, family, events *csvOut
}

// NewCaseTablesWriter returns a writer to t, with the header row of each
// table already written.
func NewCaseTablesWriter(t Tables, opts CSVOptions) *CaseTablesWriter {
	return &CaseTablesWriter{
		opts:   opts,
		cases:  newCSVOut(t.Cases, casesCols, opts),
		eps:    newCSVOut(t.Episodes, episodesCols, opts),
		family: newCSVOut(t.Family, familyCols, opts),
		events: newCSVOut(t.Events, eventsCols, opts),
	}
}

// Write writes one case: a row in cases.csv, and its episodes, family
// members and events in the other tables. It validates nothing; write
// validated cases. A nil table of [Tables] is skipped: its rows are not
// written.
func (w *CaseTablesWriter) Write(c prisoner.Case) error {
	if w == nil {
		return errors.New("export: Write on a nil CaseTablesWriter")
	}
	t := caseRows(c, w.opts)
	for i, out := range []*csvOut{w.cases, w.eps, w.family, w.events} {
		for _, r := range t[i] {
			out.row(r...)
		}
	}
	return w.err()
}

// caseRows are the rows of one case in the four tables (cases,
// episodes, family, events), as text cells in the columns' order, with
// personal data left out under opts.Redact. The CSV and the workbook
// writers both write them.
func caseRows(c prisoner.Case, opts CSVOptions) [4][][]string {
	var t [4][][]string
	p := c.Person
	name, birth, rnokpp := p.Name, p.BirthDate.String(), p.RNOKPP
	if opts.Redact {
		name, birth, rnokpp = "", "", ""
	}
	t[0] = append(t[0], []string{c.ID, p.Citizenship, boolCell(p.Stateless), name, birth, rnokpp, c.Note})
	for _, e := range c.Episodes {
		t[1] = append(t[1], []string{c.ID, e.ID, e.Category.String(), boolCell(e.ServingAtCapture), e.Captured.String(), e.Released.String(),
			code(e.ReleaseKind), e.Died.String(), boolCell(e.DeathLinked), e.EarlyDateReason})
	}
	for _, m := range c.Family {
		name, birth, rnokpp := m.Name, m.BirthDate.String(), m.RNOKPP
		if opts.Redact {
			name, birth, rnokpp = "", "", ""
		}
		t[2] = append(t[2], []string{c.ID, m.ID, m.Relation.String(), code(m.Proof), boolCell(m.Dependant), name, birth, m.Citizenship, rnokpp,
			m.Since.String(), m.Ended.String(), m.RelationNote, boolCell(m.LivesWith), m.PersonRef})
	}
	for _, ev := range c.Events {
		t[3] = append(t[3], []string{c.ID, strconv.Itoa(ev.Seq), ev.Date.String(), ev.Kind.String(), ev.Episode, ev.Party, ev.Member,
			code(ev.Decision), code(ev.Ground), ev.Notified.String(), boolCell(ev.PriorProcedure), code(ev.Ruling),
			code(ev.Aid), intCell(ev.Year), ev.Amount, code(ev.Regime), strings.Join(ev.Missing, ";"),
			boolCell(ev.OtherLawElected), ev.Note, strings.Join(ev.Documents, ";"), ev.Decided.String()})
	}
	return t
}

func (w *CaseTablesWriter) err() error {
	for _, o := range w.outs() {
		if o != nil && o.err != nil {
			return o.err
		}
	}
	return nil
}

func (w *CaseTablesWriter) outs() []*csvOut { return []*csvOut{w.cases, w.eps, w.family, w.events} }

// Flush writes out everything buffered and returns the first error of any
// table, if one happened.
func (w *CaseTablesWriter) Flush() error {
	if w == nil {
		return nil
	}
	var first error
	for _, o := range w.outs() {
		if err := o.flush(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// code writes an enum's code, or "" for the zero value.
func code(v interface{ MarshalText() ([]byte, error) }) string {
	b, err := v.MarshalText()
	if err != nil {
		return ""
	}
	return string(b)
}

// ErrTable matches every *TableError with errors.Is.
var ErrTable = errors.New("invalid case tables")

// A CellProblem is one problem in the case tables: the file, the line
// (1-based, the header is line 1), the column (1-based) and its header,
// the case it belongs to, a stable code and a bilingual message. Messages
// never quote the cell, so they carry no personal data.
type CellProblem struct {
	File    string        `json:"file"`
	Line    int           `json:"line"`
	Column  int           `json:"column,omitempty"`
	Header  string        `json:"header,omitempty"`
	CaseID  string        `json:"case_id,omitempty"`
	Code    prisoner.Code `json:"code"`
	Message law.Text      `json:"message"`
}

// String returns the problem as "file:line:column (header): message", in English.
func (p CellProblem) String() string {
	place := fmt.Sprintf("%s:%d", p.File, p.Line)
	if p.Column > 0 {
		place += fmt.Sprintf(":%d (%s)", p.Column, p.Header)
	}
	return place + ": " + p.Message.EN
}

// A TableError lists problems in the case tables. It is returned as
// *TableError, never with no problems.
type TableError struct {
	Problems []CellProblem
}

// Error returns the first problem and the count of problems, in English.
func (e *TableError) Error() string {
	if e == nil || len(e.Problems) == 0 {
		return "invalid case tables"
	}
	return fmt.Sprintf("%s (%d problem(s))", e.Problems[0], len(e.Problems))
}

// Is reports whether target is ErrTable or prisoner.ErrInvalid.
func (e *TableError) Is(target error) bool {
	return target == ErrTable || target == prisoner.ErrInvalid
}

// Lines returns one line per problem in lang ("uk" or "en").
func (e *TableError) Lines(lang string) []string {
	if e == nil {
		return nil
	}
	out := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		place := fmt.Sprintf("%s:%d", p.File, p.Line)
		if p.Column > 0 {
			place += fmt.Sprintf(":%d (%s)", p.Column, p.Header)
		}
		out[i] = place + ": " + p.Message.In(lang)
	}
	return out
}
