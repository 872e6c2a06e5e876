package export

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strconv"
	"strings"

	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/law"
	"github.com/uacaptivity/captivity/prisoner"
)

// Sources are the four case tables to read, with the names to use in
// messages. Episodes, Family and Events may be nil (no such rows).
type Sources struct {
	Cases, Episodes, Family, Events io.Reader
	// Names of the tables in messages; empty means the standard file names.
	CasesName, EpisodesName, FamilyName, EventsName string
	// NoValidate leaves the validation rules (prisoner.Case.Validate) to the
	// caller, for example to aid.Batch's workers, which run them in
	// parallel. Cells that cannot be read (bad dates, unknown codes, CSV
	// syntax) are still reported with their place; rule problems then come
	// back with JSON paths instead of cells.
	NoValidate bool
}

type tableIn struct {
	name    string
	cols    []column
	r       *csv.Reader
	keys    []string       // column key per field index
	at      map[string]int // key -> field index
	peek    []string
	line    int
	eof     bool
	fatal   *CellProblem
	started bool
}

func newTableIn(r io.Reader, name string, cols []column) *tableIn {
	t := &tableIn{name: name, cols: cols, at: map[string]int{}}
	if r == nil {
		t.eof, t.started = true, true
		return t
	}
	t.r = csv.NewReader(r)
	return t
}

func (t *tableIn) problem(line, field int, code prisoner.Code, msg law.Text) CellProblem {
	p := CellProblem{File: t.name, Line: line, Code: code, Message: msg}
	if field >= 0 && field < len(t.keys) {
		p.Column, p.Header = field+1, t.keys[field]
	}
	return p
}

// header reads and checks the header row: known columns (English keys or
// Ukrainian headers), none twice, case_id present.
func (t *tableIn) header() []CellProblem {
	t.started = true
	rec, err := t.r.Read()
	if err != nil {
		t.eof = true
		if err == io.EOF {
			p := t.problem(1, -1, prisoner.CodeRequired, law.Text{UK: "порожній файл: немає рядка заголовків", EN: "empty file: no header row"})
			t.fatal = &p
			return []CellProblem{p}
		}
		p := t.csvProblem(err)
		t.fatal = &p
		return []CellProblem{p}
	}
	var probs []CellProblem
	t.keys = make([]string, len(rec))
	for i, h := range rec {
		if i == 0 {
			h = strings.TrimPrefix(h, bom)
		}
		key := ""
		for _, c := range t.cols {
			if h == c.key || h == c.uk {
				key = c.key
			}
		}
		t.keys[i] = h
		switch {
		case key == "":
			probs = append(probs, t.problem(1, i, prisoner.CodeUnknown, law.Text{UK: "невідомий стовпець", EN: "is not a column of this table"}))
		case t.has(key):
			probs = append(probs, t.problem(1, i, prisoner.CodeDuplicate, law.Text{UK: "стовпець повторюється", EN: "is a column given twice"}))
		default:
			t.at[key] = i
			t.keys[i] = key
		}
	}
	if !t.has("case_id") {
		probs = append(probs, t.problem(1, -1, prisoner.CodeRequired, law.Text{UK: "немає стовпця case_id", EN: "has no case_id column"}))
	}
	if len(probs) > 0 {
		t.fatal = &probs[0]
		t.eof = true
	}
	return probs
}

func (t *tableIn) has(key string) bool { _, ok := t.at[key]; return ok }

func (t *tableIn) csvProblem(err error) CellProblem {
	var pe *csv.ParseError
	line := t.line + 1
	msg := law.Text{UK: "помилка формату CSV", EN: "malformed CSV"}
	if errors.As(err, &pe) {
		line = pe.Line
		switch {
		case errors.Is(pe.Err, csv.ErrFieldCount):
			msg = law.Text{UK: "кількість комірок не відповідає заголовку", EN: "has a different number of cells than the header"}
		case errors.Is(pe.Err, csv.ErrQuote), errors.Is(pe.Err, csv.ErrBareQuote):
			msg = law.Text{UK: "неправильні лапки", EN: "has a misplaced quote"}
		}
		p := CellProblem{File: t.name, Line: line, Code: prisoner.CodeInvalid, Message: msg}
		if pe.Column > 0 {
			p.Column = pe.Column
		}
		return p
	}
	return CellProblem{File: t.name, Line: line, Code: prisoner.CodeInvalid, Message: msg}
}

// next fills peek with the next row, or sets eof or fatal.
func (t *tableIn) next() {
	if t.eof || t.fatal != nil || t.peek != nil {
		return
	}
	rec, err := t.r.Read()
	if err == io.EOF {
		t.eof = true
		return
	}
	if err != nil {
		p := t.csvProblem(err)
		t.fatal, t.eof = &p, true
		return
	}
	line, _ := t.r.FieldPos(0)
	t.peek, t.line = rec, line
}

func (t *tableIn) cell(rec []string, key string) string {
	i, ok := t.at[key]
	if !ok || i >= len(rec) {
		return ""
	}
	return Unneutralize(rec[i])
}

type row struct {
	rec  []string
	line int
}

// take returns the rows at the head of the table that belong to case id.
func (t *tableIn) take(id string) []row {
	var rows []row
	for {
		t.next()
		if t.peek == nil || t.cell(t.peek, "case_id") != id {
			return rows
		}
		rows = append(rows, row{t.peek, t.line})
		t.peek = nil
	}
}

// A CaseTablesReader reads the four case tables back into cases, one case
// at a time. The rows of episodes.csv, family.csv and events.csv must be
// grouped by case in the order of cases.csv, as [CaseTablesWriter] writes
// them; columns may be in any order, with English keys or Ukrainian
// headers, and any may be left out except case_id. A byte-order mark is
// accepted and cells neutralized against formulas are restored.
type CaseTablesReader struct {
	cases, eps, family, events *tableIn
	lastID                     string
	done                       bool
	noValidate                 bool
}

// NewCaseTablesReader returns a reader of s.
func NewCaseTablesReader(s Sources) *CaseTablesReader {
	name := func(n, def string) string {
		if n == "" {
			return def
		}
		return n
	}
	return &CaseTablesReader{
		cases:      newTableIn(s.Cases, name(s.CasesName, CasesFile), casesCols),
		eps:        newTableIn(s.Episodes, name(s.EpisodesName, EpisodesFile), episodesCols),
		family:     newTableIn(s.Family, name(s.FamilyName, FamilyFile), familyCols),
		events:     newTableIn(s.Events, name(s.EventsName, EventsFile), eventsCols),
		noValidate: s.NoValidate,
	}
}

// Next returns the next case. At the end it returns io.EOF. A case with
// problems gives a *TableError that lists them all, with file, line and
// column; reading goes on with the next case. A malformed header or CSV
// syntax ends reading: Next returns that *TableError and then io.EOF.
func (r *CaseTablesReader) Next() (prisoner.Case, error) {
	raw, err := r.nextRaw()
	if err != nil {
		return prisoner.Case{}, err
	}
	return raw.build()
}

// NextLazy is [CaseTablesReader.Next] in two halves: it reads the next
// case's rows now, and returns a function that turns them into the case
// (converting every cell and, unless Sources.NoValidate, validating) when
// called. The function may run on another goroutine, concurrently with
// further reading: a batch reads on one goroutine and builds on many
// (see aid.Calculator.BatchLazy). Errors and io.EOF are as for Next.
func (r *CaseTablesReader) NextLazy() (func() (prisoner.Case, error), error) {
	raw, err := r.nextRaw()
	if err != nil {
		return nil, err
	}
	return raw.build, nil
}

// rawCase is the rows of one case, read but not yet converted.
type rawCase struct {
	r                  *CaseTablesReader
	id                 string
	head               row
	dup                bool
	eps, family, evnts []row
}

// nextRaw reads the rows of the next case: the serial half of Next.
func (r *CaseTablesReader) nextRaw() (*rawCase, error) {
	if r.done {
		return nil, io.EOF
	}
	var probs []CellProblem
	for _, t := range r.all() {
		if !t.started {
			probs = append(probs, t.header()...)
		}
	}
	if len(probs) > 0 {
		r.done = true
		return nil, &TableError{Problems: probs}
	}
	r.cases.next()
	if p := r.firstFatal(); p != nil {
		r.done = true
		return nil, &TableError{Problems: []CellProblem{*p}}
	}
	if r.cases.peek == nil {
		r.done = true
		return nil, r.leftovers()
	}
	raw := &rawCase{r: r, head: row{r.cases.peek, r.cases.line}}
	r.cases.peek = nil
	raw.id = r.cases.cell(raw.head.rec, "case_id")
	raw.dup = raw.id != "" && raw.id == r.lastID
	r.lastID = raw.id
	raw.eps, raw.family, raw.evnts = r.eps.take(raw.id), r.family.take(raw.id), r.events.take(raw.id)
	if p := r.firstFatal(); p != nil {
		r.done = true
		return nil, &TableError{Problems: []CellProblem{*p}}
	}
	return raw, nil
}

// build converts the rows (reading only the tables' headers, which no
// longer change), so it may run concurrently with nextRaw.
func (raw *rawCase) build() (prisoner.Case, error) {
	b := &caseBuilder{r: raw.r, id: raw.id}
	if raw.dup {
		b.add(raw.r.cases, raw.head.line, raw.r.cases.at["case_id"], prisoner.CodeDuplicate, law.Text{UK: "справа з таким ідентифікатором щойно була", EN: "repeats the case just before"})
	}
	c := b.build(raw)
	if len(b.probs) > 0 {
		return prisoner.Case{ID: raw.id}, &TableError{Problems: b.probs}
	}
	return c, nil
}

func (r *CaseTablesReader) all() []*tableIn { return []*tableIn{r.cases, r.eps, r.family, r.events} }

func (r *CaseTablesReader) firstFatal() *CellProblem {
	for _, t := range r.all() {
		if t.fatal != nil {
			return t.fatal
		}
	}
	return nil
}

// leftovers reports child rows that matched no case in order.
func (r *CaseTablesReader) leftovers() error {
	var probs []CellProblem
	for _, t := range []*tableIn{r.eps, r.family, r.events} {
		for {
			t.next()
			if t.peek == nil {
				break
			}
			probs = append(probs, t.problem(t.line, t.at["case_id"], prisoner.CodeReference,
				law.Text{UK: "рядок справи, якої немає в cases.csv або не в тому порядку", EN: "belongs to no case of cases.csv in order (unknown case, or rows out of the cases' order)"}))
			t.peek = nil
		}
		if t.fatal != nil {
			probs = append(probs, *t.fatal)
		}
	}
	if len(probs) > 0 {
		return &TableError{Problems: probs}
	}
	return io.EOF
}

// caseBuilder turns the rows of one case into a Case, collecting problems.
type caseBuilder struct {
	r     *CaseTablesReader
	id    string
	probs []CellProblem
	raw   *rawCase // the rows each part came from, for mapping validation paths back
}

func (b *caseBuilder) add(t *tableIn, line, field int, code prisoner.Code, msg law.Text) {
	p := t.problem(line, field, code, msg)
	p.CaseID = b.id
	b.probs = append(b.probs, p)
}

func (b *caseBuilder) date(t *tableIn, rw row, key string) civil.Date {
	s := t.cell(rw.rec, key)
	if s == "" {
		return civil.Date{}
	}
	d, err := civil.Parse(s)
	if err != nil {
		b.add(t, rw.line, t.at[key], prisoner.CodeInvalid, law.Text{UK: "не є наявною датою у формі РРРР-ММ-ДД", EN: "is not an existing date written YYYY-MM-DD"})
	}
	return d
}

func (b *caseBuilder) flag(t *tableIn, rw row, key string) bool {
	switch strings.ToLower(t.cell(rw.rec, key)) {
	case "", "false", "0", "no", "ні":
		return false
	case "true", "1", "yes", "так":
		return true
	}
	b.add(t, rw.line, t.at[key], prisoner.CodeType, law.Text{UK: "має бути true або false", EN: "must be true or false"})
	return false
}

func (b *caseBuilder) num(t *tableIn, rw row, key string) int {
	s := t.cell(rw.rec, key)
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		b.add(t, rw.line, t.at[key], prisoner.CodeType, law.Text{UK: "має бути цілим невід'ємним числом", EN: "must be a whole number of zero or more"})
	}
	return n
}

// enum parses a code into v.
func (b *caseBuilder) enum(t *tableIn, rw row, key string, v interface{ Set(string) error }) {
	if err := v.Set(t.cell(rw.rec, key)); err != nil {
		b.add(t, rw.line, t.at[key], prisoner.CodeInvalid, law.Text{UK: "невідоме значення", EN: "is not a known value"})
	}
}

func (b *caseBuilder) build(raw *rawCase) prisoner.Case {
	r := b.r
	head := raw.head
	ct := r.cases
	b.raw = raw
	c := prisoner.Case{ID: b.id, Note: ct.cell(head.rec, "note")}
	c.Person = prisoner.Person{
		Citizenship: ct.cell(head.rec, "citizenship"), Stateless: b.flag(ct, head, "stateless"),
		Name: ct.cell(head.rec, "name"), BirthDate: b.date(ct, head, "birth_date"), RNOKPP: ct.cell(head.rec, "rnokpp"),
	}
	if len(raw.eps) > 0 {
		c.Episodes = make([]prisoner.Episode, 0, len(raw.eps))
	}
	if len(raw.family) > 0 {
		c.Family = make([]prisoner.FamilyMember, 0, len(raw.family))
	}
	if len(raw.evnts) > 0 {
		c.Events = make([]prisoner.Event, 0, len(raw.evnts))
	}
	et := r.eps
	for _, rw := range raw.eps {
		e := prisoner.Episode{ID: et.cell(rw.rec, "episode_id"), ServingAtCapture: b.flag(et, rw, "serving_at_capture"),
			Captured: b.date(et, rw, "captured"), Released: b.date(et, rw, "released"), Died: b.date(et, rw, "died"),
			DeathLinked: b.flag(et, rw, "death_linked"), EarlyDateReason: et.cell(rw.rec, "early_date_reason")}
		b.enum(et, rw, "category", &e.Category)
		b.enum(et, rw, "release_kind", &e.ReleaseKind)
		c.Episodes = append(c.Episodes, e)
	}
	ft := r.family
	for _, rw := range raw.family {
		m := prisoner.FamilyMember{ID: ft.cell(rw.rec, "member_id"), Dependant: b.flag(ft, rw, "dependant"),
			Name: ft.cell(rw.rec, "name"), BirthDate: b.date(ft, rw, "birth_date"), Citizenship: ft.cell(rw.rec, "citizenship"),
			RNOKPP: ft.cell(rw.rec, "rnokpp"), Since: b.date(ft, rw, "since"), Ended: b.date(ft, rw, "ended")}
		b.enum(ft, rw, "relation", &m.Relation)
		b.enum(ft, rw, "proof", &m.Proof)
		c.Family = append(c.Family, m)
	}
	vt := r.events
	for _, rw := range raw.evnts {
		ev := prisoner.Event{Seq: b.num(vt, rw, "seq"), Date: b.date(vt, rw, "date"), Episode: vt.cell(rw.rec, "episode"),
			Party: vt.cell(rw.rec, "party"), Member: vt.cell(rw.rec, "member"), Notified: b.date(vt, rw, "notified"),
			PriorProcedure: b.flag(vt, rw, "prior_procedure"), Year: b.num(vt, rw, "year"), Amount: vt.cell(rw.rec, "amount"),
			OtherLawElected: b.flag(vt, rw, "other_law_elected"), Note: vt.cell(rw.rec, "note")}
		b.enum(vt, rw, "kind", &ev.Kind)
		b.enum(vt, rw, "decision", &ev.Decision)
		b.enum(vt, rw, "ground", &ev.Ground)
		b.enum(vt, rw, "ruling", &ev.Ruling)
		b.enum(vt, rw, "aid", &ev.Aid)
		b.enum(vt, rw, "regime", &ev.Regime)
		if m := vt.cell(rw.rec, "missing"); m != "" {
			ev.Missing = strings.Split(m, ";")
		}
		c.Events = append(c.Events, ev)
	}
	if r.noValidate {
		return c
	}
	if err := c.Validate(); err != nil {
		var ve *prisoner.ValidationError
		if errors.As(err, &ve) {
			for _, f := range ve.Fields {
				b.place(f)
			}
		}
	}
	return c
}

// place maps a validation problem at a JSON path back to its cell.
func (b *caseBuilder) place(f prisoner.FieldError) {
	r := b.r
	head, rest, _ := strings.Cut(f.Path, ".")
	name, idx := head, -1
	if i := strings.IndexByte(head, '['); i >= 0 {
		name = head[:i]
		idx, _ = strconv.Atoi(strings.TrimSuffix(head[i+1:], "]"))
	}
	t, line, key := r.cases, b.raw.head.line, ""
	switch name {
	case "id":
		key = "case_id"
	case "note":
		key = "note"
	case "person":
		key = rest
	case "episodes", "family", "events":
		rows := map[string][]row{"episodes": b.raw.eps, "family": b.raw.family, "events": b.raw.evnts}[name]
		tables := map[string]*tableIn{"episodes": r.eps, "family": r.family, "events": r.events}
		if idx >= 0 && idx < len(rows) {
			t, line, key = tables[name], rows[idx].line, rest
			if rest == "id" {
				key = map[string]string{"episodes": "episode_id", "family": "member_id"}[name]
			}
			if i := strings.IndexByte(key, '['); i >= 0 { // missing[2]
				key = key[:i]
			}
		}
	}
	field := -1
	if i, ok := t.at[key]; ok {
		field = i
	}
	p := t.problem(line, field, f.Code, f.Message)
	if field < 0 && key != "" {
		p.Header = key // the column is not in the file
	}
	p.CaseID = b.id
	b.probs = append(b.probs, p)
}

// OpenCaseTables opens the case tables under dir in fsys for a
// [CaseTablesReader], buffered, with their paths as names in messages.
// cases.csv must exist; the other three may be absent. Close the files
// with the function returned (also on error, where it is a no-op).
func OpenCaseTables(fsys fs.FS, dir string) (Sources, func(), error) {
	var files []fs.File
	closeAll := func() {
		for _, f := range files {
			f.Close()
		}
	}
	var s Sources
	for _, t := range []struct {
		file string
		dst  *io.Reader
		name *string
	}{{CasesFile, &s.Cases, &s.CasesName}, {EpisodesFile, &s.Episodes, &s.EpisodesName},
		{FamilyFile, &s.Family, &s.FamilyName}, {EventsFile, &s.Events, &s.EventsName}} {
		p := path.Join(dir, t.file)
		f, err := fsys.Open(p)
		if err != nil {
			if t.file != CasesFile && errors.Is(err, fs.ErrNotExist) {
				continue
			}
			closeAll()
			return Sources{}, func() {}, err
		}
		files = append(files, f)
		*t.dst, *t.name = bufio.NewReaderSize(f, 256<<10), p
	}
	return s, closeAll, nil
}

// ReadCaseTables reads the four case tables from fsys (under dir) and
// returns every case, or, if anything is wrong, no case and a *TableError
// listing every problem found: nothing is half-imported. Case IDs must be
// unique across the whole set. episodes.csv, family.csv and events.csv
// may be absent.
func ReadCaseTables(fsys fs.FS, dir string) ([]prisoner.Case, error) {
	src, closeAll, err := OpenCaseTables(fsys, dir)
	defer closeAll()
	if err != nil {
		return nil, fmt.Errorf("case tables: %w", err)
	}
	return ReadAll(NewCaseTablesReader(src))
}

// ReadAll reads every case from r. If any case has a problem it returns no
// case and one *TableError with every problem, including case IDs used
// twice anywhere in the set.
func ReadAll(r *CaseTablesReader) ([]prisoner.Case, error) {
	var (
		out   []prisoner.Case
		probs []CellProblem
		seen  = map[string]bool{}
	)
	for {
		c, err := r.Next()
		if err == io.EOF {
			break
		}
		var te *TableError
		if errors.As(err, &te) {
			probs = append(probs, te.Problems...)
			continue
		}
		if err != nil {
			return nil, err
		}
		if seen[c.ID] {
			probs = append(probs, CellProblem{File: r.cases.name, Line: r.cases.line, Column: r.cases.at["case_id"] + 1, Header: "case_id",
				CaseID: c.ID, Code: prisoner.CodeDuplicate, Message: law.Text{UK: "ідентифікатор справи повторюється", EN: "is a case ID used before"}})
			continue
		}
		seen[c.ID] = true
		out = append(out, c)
	}
	if len(probs) > 0 {
		return nil, &TableError{Problems: probs}
	}
	return out, nil
}
