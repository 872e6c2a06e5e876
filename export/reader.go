package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/internal/ahead"
	"github.com/uacaptivity/captivity/internal/idset"
	"github.com/uacaptivity/captivity/internal/textenc"
	"github.com/uacaptivity/captivity/law"
	"github.com/uacaptivity/captivity/prisoner"
)

// Sources are the four case tables to read, with the names to use in
// messages. Episodes, Family and Events may be nil (no such rows).
type Sources struct {
	Cases, Episodes, Family, Events io.Reader
	// Names of the tables in messages; empty means the standard file names.
	CasesName, EpisodesName, FamilyName, EventsName string
	// MaxRecordBytes is the largest record (a row, with a quoted cell's
	// line ends) read; 0 means [DefaultMaxRecordBytes]. A longer one ends
	// the reading with its place, before it is held in memory whole.
	MaxRecordBytes int
	// MaxRowsPerCase is the most rows one case may have in the four tables
	// together; 0 means [DefaultMaxRowsPerCase].
	MaxRowsPerCase int
}

// Limits of the case tables reader: memory stays under their product
// with the batch's window, whatever the size of the files.
const (
	// DefaultMaxRecordBytes is 1 MiB, some hundred times a full row.
	DefaultMaxRecordBytes = 1 << 20
	// DefaultMaxRowsPerCase is 571: the most a valid case can have (one
	// row in cases.csv, 20 episodes, 50 family members, 500 events).
	DefaultMaxRowsPerCase = 1 + 20 + 50 + 500
)

type tableIn struct {
	name    string
	cols    []column
	r       records
	keys    []string       // column key (or the header as written) per field index
	at      map[string]int // key -> field index
	pos     []int          // column ordinal -> field index, -1 if absent
	peek    []string       // the next row, read ahead; the reader's to reuse
	peekID  string         // its case_id
	peeked  bool
	line    int // the line the last row read starts on
	eof     bool
	fatal   *CellProblem
	started bool
	lim     *recordLimit
	// serials: the table is a workbook's sheet, whose date cells hold
	// day numbers (from 1899-12-30, or 1904-01-01 with date1904).
	serials, date1904 bool
}

// records are the rows of one table: a CSV file's (encoding/csv) or a
// workbook sheet's.
type records interface {
	Read() ([]string, error)
	FieldPos(field int) (line, column int)
}

func newTableIn(r io.Reader, name string, cols []column, maxRecord int) *tableIn {
	t := &tableIn{name: name, cols: cols, at: map[string]int{}}
	if r == nil {
		t.eof, t.started = true, true
		return t
	}
	t.lim = &recordLimit{r: r, max: maxRecord}
	br := bufio.NewReaderSize(t.lim, 64<<10)
	cr := csv.NewReader(br)
	cr.ReuseRecord = true // take copies the fields it keeps
	cr.Comma = separator(br)
	t.r = cr
	return t
}

// separator returns the cell separator of a table from its header row: a
// comma, or the semicolon (or tab) that spreadsheets in many locales,
// Ukrainian among them, write instead when a decimal comma is in use.
func separator(br *bufio.Reader) rune {
	head, _ := br.Peek(br.Size())
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	var n [3]int // , ; tab, outside quotes
	quoted := false
	for _, c := range head {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == ',':
			n[0]++
		case c == ';':
			n[1]++
		case c == '\t':
			n[2]++
		}
	}
	switch {
	case n[1] > n[0] && n[1] >= n[2]:
		return ';'
	case n[2] > n[0] && n[2] > n[1]:
		return '\t'
	}
	return ','
}

// errRecordTooLong stops a record over the limit as it is read.
var errRecordTooLong = errors.New("record over the size limit")

// notUTF8 stops a file that is not UTF-8 as it is read: text is never
// rewritten, and a file in another encoding is said to be one.
type notUTF8 struct {
	line  int
	b     byte
	utf16 string // the UTF-16 the file looks like, if it does
}

func (e *notUTF8) Error() string {
	return fmt.Sprintf("line %d: byte 0x%02X is not UTF-8", e.line, e.b)
}

// recordLimit passes its reader through, checking what passes: it fails
// once one line (a record, or a line of a record whose quoted cells hold
// line ends) passes max bytes, which encoding/csv would hold whole in
// memory, and at the first byte that is not UTF-8. It checks each chunk
// as it is read, so the cells need no check of their own.
type recordLimit struct {
	r     io.Reader
	max   int
	line  int // bytes of the current line
	lines int // line ends passed
	carry [utf8.UTFMax]byte
	nc    int   // bytes of a character cut by the end of the last chunk
	err   error // the first problem, returned from then on
}

// Read passes the next bytes on, checked; a problem found is returned
// again on every later read, so that a reader in between (the buffer that
// peeks at the header row) cannot lose it.
func (l *recordLimit) Read(p []byte) (int, error) {
	if l.err != nil {
		return 0, l.err
	}
	n, err := l.read(p)
	if err != nil && err != io.EOF {
		l.err = err
	}
	return n, err
}

func (l *recordLimit) read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for i := 0; i < n; {
		j := bytes.IndexByte(p[i:n], '\n')
		if j < 0 {
			l.line += n - i
			break
		}
		l.line += j
		if l.line > l.max {
			break
		}
		l.line, l.lines, i = 0, l.lines+1, i+j+1
	}
	if l.line > l.max {
		return n, errRecordTooLong
	}
	if at, bad := l.checkUTF8(p[:n], err != nil); bad != nil {
		// Only the lines before the one with the bad byte go on: that
		// line never reaches a cell.
		return bytes.LastIndexByte(p[:at], '\n') + 1, bad
	}
	return n, err
}

// checkUTF8 checks chunk, with the start of a character the last chunk
// cut; at the end of the input (last) no character may stay cut. On a
// byte that is not UTF-8 it returns its offset in chunk and the error.
func (l *recordLimit) checkUTF8(chunk []byte, last bool) (int, error) {
	b := chunk
	if l.nc > 0 {
		// Complete the cut character from this chunk's first bytes.
		need := min(utf8.UTFMax-l.nc, len(b))
		buf := append(l.carry[:l.nc:l.nc], b[:need]...)
		r, size := utf8.DecodeRune(buf)
		switch {
		case r == utf8.RuneError && size <= 1 && !utf8.FullRune(buf) && !last:
			l.nc = copy(l.carry[:], buf)
			return 0, nil
		case r == utf8.RuneError && size <= 1:
			return 0, &notUTF8{line: l.lines + 1 - bytes.Count(chunk, []byte{'\n'}), b: buf[0]}
		}
		b = b[size-l.nc:]
		l.nc = 0
	}
	off := len(chunk) - len(b)
	if utf8.Valid(b) {
		return 0, nil
	}
	if l.lines == bytes.Count(chunk, []byte{'\n'}) && off == 0 {
		if enc := textenc.UTF16(b); enc != "" {
			return 0, &notUTF8{line: 1, b: b[0], utf16: enc}
		}
	}
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			if !utf8.FullRune(b[i:]) && !last {
				l.nc = copy(l.carry[:], b[i:])
				return 0, nil
			}
			return off + i, &notUTF8{line: l.lines + 1 - bytes.Count(b[i:], []byte{'\n'}), b: b[i]}
		}
		i += size
	}
	return 0, nil
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
	fields, err := t.r.Read()
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
	// UTF-16 of ASCII is valid UTF-8, NUL bytes between the letters: the
	// check of the bytes lets it through, the header shows it.
	if enc := headerUTF16(fields); enc != "" {
		p := CellProblem{File: t.name, Line: 1, Code: prisoner.CodeInvalid, Message: law.Text{
			UK: "файл схожий на " + enc + ", а не UTF-8: збережіть його як CSV UTF-8",
			EN: "the file looks like " + enc + ", not UTF-8: save it as CSV UTF-8"}}
		t.fatal, t.eof = &p, true
		return []CellProblem{p}
	}
	var probs []CellProblem
	t.keys = make([]string, len(fields))
	t.pos = make([]int, len(t.cols))
	for i := range t.pos {
		t.pos[i] = -1
	}
	for i, h := range fields {
		if i == 0 {
			h = strings.TrimPrefix(h, bom)
		}
		key, ord := "", -1
		for o, c := range t.cols {
			if h == c.key || h == c.uk {
				key, ord = c.key, o
			}
		}
		t.keys[i] = h
		switch {
		case key == "":
			// The header's text is not echoed: in a file without a header
			// row it is a person's data.
			p := CellProblem{File: t.name, Line: 1, Column: i + 1, Code: prisoner.CodeUnknown, Message: law.Text{
				UK: "заголовок не є назвою стовпця цієї таблиці (чи є рядок заголовків?)",
				EN: "has a header that is not a column of this table (is the header row missing?)"}}
			probs = append(probs, p)
		case t.has(key):
			probs = append(probs, t.problem(1, i, prisoner.CodeDuplicate, law.Text{UK: "стовпець повторюється", EN: "is a column given twice"}))
		default:
			t.at[key] = i
			t.pos[ord] = i
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
	var nu *notUTF8
	if errors.As(err, &nu) && nu.utf16 != "" {
		return CellProblem{File: t.name, Line: 1, Code: prisoner.CodeInvalid, Message: law.Text{
			UK: "файл схожий на " + nu.utf16 + ", а не UTF-8: збережіть його як CSV UTF-8",
			EN: "the file looks like " + nu.utf16 + ", not UTF-8: save it as CSV UTF-8"}}
	}
	if errors.As(err, &nu) {
		return CellProblem{File: t.name, Line: nu.line, Code: prisoner.CodeInvalid, Message: law.Text{
			UK: fmt.Sprintf("байт 0x%02X не є UTF-8 (файл у Windows-1251 чи Latin-1?): збережіть його як CSV UTF-8", nu.b),
			EN: fmt.Sprintf("byte 0x%02X is not UTF-8 (is the file Windows-1251 or Latin-1?): save it as CSV UTF-8", nu.b)}}
	}
	if errors.Is(err, errRecordTooLong) {
		line, limit := t.line+1, DefaultMaxRecordBytes
		if t.lim != nil {
			line, limit = t.lim.lines+1, t.lim.max
		} else if sr, ok := t.r.(*sheetRecords); ok {
			line, limit = sr.row, sr.max
		}
		return CellProblem{File: t.name, Line: line, Code: prisoner.CodeTooLong, Message: law.Text{
			UK: fmt.Sprintf("рядок довший за %d байтів", limit), EN: fmt.Sprintf("has a line over %d bytes (the limit per record)", limit)}}
	}
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

// next reads the next row into peek, or sets eof or fatal. The row stays
// valid until the table is read again: take copies it out first.
func (t *tableIn) next() {
	if t.eof || t.fatal != nil || t.peeked {
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
	t.line, _ = t.r.FieldPos(0)
	t.peek, t.peeked = rec, true
	t.peekID = ""
	if i := t.pos[colCaseID]; i >= 0 && i < len(rec) {
		t.peekID = Unneutralize(rec[i])
	}
}

// headerUTF16 names the UTF-16 a header row was read from, or "".
func headerUTF16(fields []string) string {
	if len(fields) == 0 {
		return ""
	}
	return textenc.UTF16([]byte(fields[0]))
}

// cell returns the cell of column ord (a column ordinal) in rec, the
// fields of one row, restored if it was neutralized against formulas.
func (t *tableIn) cell(rec []string, ord int) string {
	i := t.pos[ord]
	if i < 0 || i >= len(rec) {
		return ""
	}
	return Unneutralize(rec[i])
}

// A row is one row of a case, kept between reading and building: its
// line and its fields.
type row struct {
	line   int
	fields []string
}

// take moves the rows at the head of the table that belong to case id
// into raw and returns them.
func (t *tableIn) take(id string, raw *rawCase) []row {
	start := len(raw.rows)
	for {
		t.next()
		if !t.peeked || t.peekID != id {
			return raw.rows[start:len(raw.rows):len(raw.rows)]
		}
		if len(raw.rows) >= raw.r.maxRows {
			p := t.problem(t.line, t.pos[colCaseID], prisoner.CodeTooLong, law.Text{
				UK: fmt.Sprintf("справа має понад %d рядків у таблицях", raw.r.maxRows),
				EN: fmt.Sprintf("is a row past the limit of %d rows per case", raw.r.maxRows)})
			p.CaseID = id
			t.fatal, t.eof, t.peeked = &p, true, false
			return raw.rows[start:len(raw.rows):len(raw.rows)]
		}
		raw.keep(t)
	}
}

// A CaseTablesReader reads the four case tables back into cases, one case
// at a time. The rows of episodes.csv, family.csv and events.csv must be
// grouped by case in the order of cases.csv, as [CaseTablesWriter] writes
// them; columns may be in any order, with English keys or Ukrainian
// headers, and any may be left out except case_id. A byte-order mark is
// accepted and cells neutralized against formulas are restored. A case ID
// used twice anywhere in cases.csv is a problem of the later case, with
// the line of the earlier (the reader keeps every ID it has seen).
type CaseTablesReader struct {
	cases, eps, family, events *tableIn
	lastID                     string
	seen                       idset.Set // case IDs seen, with their line in cases.csv
	done                       bool
	rowsHint, cellsHint        int // the sizes of the last case's lists
	maxRows                    int

	// Cases are read ahead: their rows are read in Next's goroutine, and
	// each is converted and validated (the slow half) on one of a few
	// converter goroutines, so that a batch whose workers wait for Next is
	// not held up by one core. Next hands them back in order.
	ahead *ahead.Reader[built]
}

// built is a case read and converted, or its error.
type built struct {
	c   prisoner.Case
	err error
}

// NewCaseTablesReader returns a reader of s.
func NewCaseTablesReader(s Sources) *CaseTablesReader {
	name := func(n, def string) string {
		if n == "" {
			return def
		}
		return n
	}
	maxRecord, maxRows := s.MaxRecordBytes, s.MaxRowsPerCase
	if maxRecord <= 0 {
		maxRecord = DefaultMaxRecordBytes
	}
	if maxRows <= 0 {
		maxRows = DefaultMaxRowsPerCase
	}
	return &CaseTablesReader{
		cases:   newTableIn(s.Cases, name(s.CasesName, CasesFile), casesCols, maxRecord),
		eps:     newTableIn(s.Episodes, name(s.EpisodesName, EpisodesFile), episodesCols, maxRecord),
		family:  newTableIn(s.Family, name(s.FamilyName, FamilyFile), familyCols, maxRecord),
		events:  newTableIn(s.Events, name(s.EventsName, EventsFile), eventsCols, maxRecord),
		maxRows: maxRows,
	}
}

// Next returns the next case, validated. At the end it returns io.EOF. A
// case with problems gives a *TableError that lists them all, with file,
// line and column (validation problems too, mapped back to their cells);
// reading goes on with the next case. A malformed header or CSV syntax
// ends reading: Next returns that *TableError and then io.EOF. A nil or
// zero reader returns io.EOF.
//
// Next is not safe for concurrent use; it may read ahead of the case it
// returns, and convert the cases read ahead on other goroutines, which end
// at the end of the tables or once the reader is no longer referenced.
func (r *CaseTablesReader) Next() (prisoner.Case, error) {
	if r == nil || r.cases == nil {
		return prisoner.Case{}, io.EOF
	}
	if r.ahead == nil {
		r.ahead = ahead.New(func() (func() built, bool) {
			raw, err := r.nextRaw()
			switch {
			case err == io.EOF:
				return nil, false
			case err != nil:
				return func() built { return built{err: err} }, true
			}
			return func() built { c, err := raw.build(); return built{c, err} }, true
		})
	}
	b, ok := r.ahead.Next()
	if !ok {
		return prisoner.Case{}, io.EOF
	}
	return b.c, b.err
}

// rawCase is the rows of one case, read but not yet converted. The rows
// of all four tables are kept in one list, their cells in one block.
type rawCase struct {
	r                        *CaseTablesReader
	id                       string
	dup                      bool // the case just before has the same ID
	firstLine                int  // the line of cases.csv where an earlier case has this ID
	rows                     []row
	cells                    []string
	head                     row
	episodes, family, events []row
}

// keep copies the row t has read ahead into the case, and consumes it.
// encoding/csv makes new strings for every record and reuses only the
// slice that holds them: copying the strings into the case's block keeps
// the row.
func (raw *rawCase) keep(t *tableIn) {
	if len(raw.cells)+len(t.peek) > cap(raw.cells) {
		raw.cells = make([]string, 0, max(2*cap(raw.cells), len(t.peek)))
	}
	start := len(raw.cells)
	raw.cells = append(raw.cells, t.peek...)
	raw.rows = append(raw.rows, row{line: t.line, fields: raw.cells[start:len(raw.cells):len(raw.cells)]})
	t.peeked = false
}

// nextRaw reads the rows of the next case.
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
	if !r.cases.peeked {
		r.done = true
		return nil, r.leftovers()
	}
	// Sized like the last case: one allocation each for most cases.
	raw := &rawCase{r: r, id: r.cases.peekID, rows: make([]row, 0, r.rowsHint), cells: make([]string, 0, r.cellsHint)}
	raw.keep(r.cases)
	raw.head = raw.rows[0]
	raw.dup = raw.id != "" && raw.id == r.lastID
	if !raw.dup && raw.id != "" {
		if first, ok := r.seen.Add(raw.id, int64(raw.head.line)); ok {
			raw.firstLine = int(first)
		}
	}
	r.lastID = raw.id
	raw.episodes = r.eps.take(raw.id, raw)
	raw.family = r.family.take(raw.id, raw)
	raw.events = r.events.take(raw.id, raw)
	r.rowsHint, r.cellsHint = len(raw.rows)+len(raw.rows)/4+1, len(raw.cells)+len(raw.cells)/4+8
	if p := r.firstFatal(); p != nil {
		r.done = true
		return nil, &TableError{Problems: []CellProblem{*p}}
	}
	return raw, nil
}

// build converts the rows into a case and validates it.
func (raw *rawCase) build() (prisoner.Case, error) {
	b := &caseBuilder{r: raw.r, id: raw.id, raw: raw}
	if raw.dup {
		b.add(raw.r.cases, raw.head.line, raw.r.cases.pos[colCaseID], prisoner.CodeDuplicate, law.Text{UK: "справа з таким ідентифікатором щойно була", EN: "repeats the case just before"})
	}
	if raw.firstLine > 0 {
		b.add(raw.r.cases, raw.head.line, raw.r.cases.pos[colCaseID], prisoner.CodeDuplicate, law.Text{
			UK: fmt.Sprintf("такий самий ідентифікатор справи є в рядку %d", raw.firstLine),
			EN: fmt.Sprintf("is the case ID of line %d too", raw.firstLine)})
	}
	c := b.build()
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
			if !t.peeked {
				break
			}
			probs = append(probs, t.problem(t.line, t.pos[colCaseID], prisoner.CodeReference,
				law.Text{UK: "рядок справи, якої немає в cases.csv або не в тому порядку", EN: "belongs to no case of cases.csv in order (unknown case, or rows out of the cases' order)"}))
			t.peeked = false
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
// It converts one row at a time: at sets the row, and the cell readers
// read from it.
type caseBuilder struct {
	r     *CaseTablesReader
	id    string
	probs []CellProblem
	raw   *rawCase // the rows each part came from, for mapping validation paths back

	t    *tableIn // the row being converted: its table, line and fields
	line int
	rec  []string
}

func (b *caseBuilder) add(t *tableIn, line, field int, code prisoner.Code, msg law.Text) {
	p := t.problem(line, field, code, msg)
	p.CaseID = b.id
	b.probs = append(b.probs, p)
}

// at makes rw, a row of table t, the one the cell readers read.
func (b *caseBuilder) at(t *tableIn, rw row) {
	b.t, b.line, b.rec = t, rw.line, rw.fields
}

func (b *caseBuilder) str(ord int) string { return b.t.cell(b.rec, ord) }

func (b *caseBuilder) bad(ord int, code prisoner.Code, msg law.Text) {
	b.add(b.t, b.line, b.t.pos[ord], code, msg)
}

func (b *caseBuilder) date(ord int) civil.Date {
	s := b.str(ord)
	if s == "" {
		return civil.Date{}
	}
	if b.t.serials && s != "" && strings.Trim(s, "0123456789.") == "" {
		// A workbook's date cell: a day number, perhaps with a time of day.
		var ok bool
		if s, ok = serialDate(s, b.t.date1904); !ok {
			b.bad(ord, prisoner.CodeInvalid, law.Text{UK: "не є датою", EN: "is not a date"})
			return civil.Date{}
		}
	}
	if len(s) != 10 || s[4] != '-' { // not YYYY-MM-DD: a spreadsheet's form?
		var ok bool
		var why law.Text
		if s, ok, why = spreadsheetDate(s); !ok {
			b.bad(ord, prisoner.CodeInvalid, why)
			return civil.Date{}
		}
	}
	d, err := civil.Parse(s)
	if err != nil {
		b.bad(ord, prisoner.CodeInvalid, law.Text{UK: "не є наявною датою у формі РРРР-ММ-ДД", EN: "is not an existing date written YYYY-MM-DD"})
	}
	return d
}

func (b *caseBuilder) flag(ord int) bool {
	v := strings.ToLower(b.str(ord))
	switch v {
	case "", "false", "0", "no", "ні":
		return false
	case "true", "1", "yes", "так":
		return true
	}
	if t, ok := spreadsheetBools[v]; ok {
		return t
	}
	b.bad(ord, prisoner.CodeType, law.Text{UK: "має бути true або false", EN: "must be true or false"})
	return false
}

// amount reads an amount cell, as a spreadsheet may have rewritten it
// (see spreadsheetAmount).
func (b *caseBuilder) amount(ord int) string {
	s := b.str(ord)
	if s == "" || (strings.IndexByte(s, '.') == len(s)-3 && strings.Trim(s, "0123456789.") == "") {
		return s // already ours
	}
	out, ok, why := spreadsheetAmount(s)
	if !ok {
		b.bad(ord, prisoner.CodeAmount, why)
	}
	return out
}

func (b *caseBuilder) num(ord int) int {
	s := b.str(ord)
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		b.bad(ord, prisoner.CodeType, law.Text{UK: "має бути цілим невід'ємним числом", EN: "must be a whole number of zero or more"})
	}
	return n
}

// An enumType is one of prisoner's enum types: values from 1 up to the last
// valid one, each with its stable code.
type enumType interface {
	~uint8
	Valid() bool
	String() string
}

// codesOf lists the stable codes of T in value order, from 1.
func codesOf[T enumType]() []string {
	var out []string
	for v := T(1); v.Valid(); v++ {
		out = append(out, v.String())
	}
	return out
}

// The codes of each enum a case table has, made once and never changed:
// a cell is matched against them without the allocations of
// UnmarshalText through an interface.
var (
	categoryCodes    = codesOf[prisoner.Category]()
	releaseKindCodes = codesOf[prisoner.ReleaseKind]()
	relationCodes    = codesOf[prisoner.Relation]()
	proofCodes       = codesOf[prisoner.Proof]()
	eventKindCodes   = codesOf[prisoner.EventKind]()
	decisionCodes    = codesOf[prisoner.DecisionKind]()
	groundCodes      = codesOf[prisoner.Ground]()
	rulingCodes      = codesOf[prisoner.RulingKind]()
	aidKindCodes     = codesOf[prisoner.AidKind]()
	regimeCodes      = codesOf[prisoner.Regime]()
)

// enum parses the code in cell ord into *v, one of codes (T's codes); an
// empty cell leaves the zero value, as UnmarshalText does.
func enum[T enumType](b *caseBuilder, ord int, codes []string, v *T) {
	s := b.str(ord)
	if s == "" {
		return
	}
	for i, c := range codes {
		if c == s {
			*v = T(i + 1)
			return
		}
	}
	b.bad(ord, prisoner.CodeInvalid, law.Text{UK: "невідоме значення", EN: "is not a known value"})
}

func (b *caseBuilder) build() prisoner.Case {
	r, raw := b.r, b.raw
	b.at(r.cases, raw.head)
	c := prisoner.Case{ID: b.id, Note: b.str(csNote)}
	c.Person = prisoner.Person{
		Citizenship: b.str(csCitizenship), Stateless: b.flag(csStateless),
		Name: b.str(csName), BirthDate: b.date(csBirthDate), RNOKPP: b.str(csRNOKPP),
	}
	if n := len(raw.episodes); n > 0 {
		c.Episodes = make([]prisoner.Episode, 0, n)
	}
	if n := len(raw.family); n > 0 {
		c.Family = make([]prisoner.FamilyMember, 0, n)
	}
	if n := len(raw.events); n > 0 {
		c.Events = make([]prisoner.Event, 0, n)
	}
	for _, rw := range raw.episodes {
		b.at(r.eps, rw)
		e := prisoner.Episode{ID: b.str(epID), ServingAtCapture: b.flag(epServing),
			Captured: b.date(epCaptured), Released: b.date(epReleased), Died: b.date(epDied),
			DeathLinked: b.flag(epDeathLinked), EarlyDateReason: b.str(epEarlyReason)}
		enum(b, epCategory, categoryCodes, &e.Category)
		enum(b, epReleaseKind, releaseKindCodes, &e.ReleaseKind)
		c.Episodes = append(c.Episodes, e)
	}
	for _, rw := range raw.family {
		b.at(r.family, rw)
		m := prisoner.FamilyMember{ID: b.str(fmID), Dependant: b.flag(fmDependant),
			Name: b.str(fmName), BirthDate: b.date(fmBirthDate), Citizenship: b.str(fmCitizenship),
			RNOKPP: b.str(fmRNOKPP), Since: b.date(fmSince), Ended: b.date(fmEnded), RelationNote: b.str(fmRelationNote),
			LivesWith: b.flag(fmLivesWith), PersonRef: b.str(fmPersonRef)}
		enum(b, fmRelation, relationCodes, &m.Relation)
		enum(b, fmProof, proofCodes, &m.Proof)
		c.Family = append(c.Family, m)
	}
	for _, rw := range raw.events {
		b.at(r.events, rw)
		ev := prisoner.Event{Seq: b.num(evSeq), Date: b.date(evDate), Episode: b.str(evEpisode),
			Party: b.str(evParty), Member: b.str(evMember), Notified: b.date(evNotified),
			PriorProcedure: b.flag(evPrior), Year: b.num(evYear), Amount: b.amount(evAmount),
			OtherLawElected: b.flag(evOtherLaw), Note: b.str(evNote), Decided: b.date(evDecided)}
		enum(b, evKind, eventKindCodes, &ev.Kind)
		enum(b, evDecision, decisionCodes, &ev.Decision)
		enum(b, evGround, groundCodes, &ev.Ground)
		enum(b, evRuling, rulingCodes, &ev.Ruling)
		enum(b, evAid, aidKindCodes, &ev.Aid)
		enum(b, evRegime, regimeCodes, &ev.Regime)
		if m := b.str(evMissing); m != "" {
			ev.Missing = strings.Split(m, ";")
		}
		if m := b.str(evDocuments); m != "" {
			ev.Documents = strings.Split(m, ";")
		}
		c.Events = append(c.Events, ev)
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
		lt, rows := r.eps, b.raw.episodes
		switch name {
		case "family":
			lt, rows = r.family, b.raw.family
		case "events":
			lt, rows = r.events, b.raw.events
		}
		switch {
		case idx >= 0 && idx < len(rows):
			t, line, key = lt, rows[idx].line, rest
			if rest == "id" {
				key = map[string]string{"episodes": "episode_id", "family": "member_id"}[name]
			}
			if i := strings.IndexByte(key, '['); i >= 0 { // missing[2]
				key = key[:i]
			}
		case idx < 0:
			// A problem of the case's rows as a whole (none, too many): in
			// that table, at its first row of the case if it has one,
			// named by the table's field in the case file.
			t, line = lt, 0
			if len(rows) > 0 {
				line = rows[0].line
			}
			p := t.problem(line, -1, f.Code, f.Message)
			p.Header, p.CaseID = name, b.id
			b.probs = append(b.probs, p)
			return
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
	for _, q := range b.probs {
		if field >= 0 && q.File == p.File && q.Line == p.Line && q.Column == p.Column {
			return // the cell has its problem already (a code or date that could not be read): what follows from it is not another
		}
	}
	b.probs = append(b.probs, p)
}

// OpenCaseTables opens the case tables under dir in fsys for a
// [CaseTablesReader], buffered, with their paths as names in messages.
// cases.csv must exist; the other three may be absent. Close the files
// with the function returned (also on error, where it is a no-op).
func OpenCaseTables(fsys fs.FS, dir string) (Sources, func(), error) {
	if fsys == nil {
		return Sources{}, func() {}, errors.New("export: OpenCaseTables needs a file system")
	}
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
