package export

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/prisoner"
	"github.com/xuri/excelize/v2"
)

// The case tables as one workbook (Office Open XML, .xlsx): a sheet per
// table (cases, episodes, family, events), with the columns of the CSV
// tables. Cells are typed: IDs, RNOKPP and codes are text (a leading zero
// stays), amounts numbers shown with two decimals, dates date cells,
// flags booleans; every enumerated column has a drop-down of its codes;
// the header row is frozen. Read back, amounts are taken from the cell's
// stored text and dates from its day number, never through a float.

// Sheet names of a case workbook.
const (
	CasesSheet    = "cases"
	EpisodesSheet = "episodes"
	FamilySheet   = "family"
	EventsSheet   = "events"
)

// cellKind is how a column's cells are written and read.
type cellKind uint8

const (
	kindText cellKind = iota
	kindDate
	kindFlag
	kindNum
	kindAmount
	kindList // ;-separated codes, as text
)

// A sheetSpec is one table as a sheet: its name, columns, and the kind
// and drop-down codes of each column (by ordinal).
type sheetSpec struct {
	name  string
	cols  []column
	kinds map[int]cellKind
	codes map[int][]string
}

var workbookSheets = []sheetSpec{
	{name: CasesSheet, cols: casesCols,
		kinds: map[int]cellKind{csStateless: kindFlag, csBirthDate: kindDate}},
	{name: EpisodesSheet, cols: episodesCols,
		kinds: map[int]cellKind{epServing: kindFlag, epCaptured: kindDate, epReleased: kindDate, epDied: kindDate, epDeathLinked: kindFlag},
		codes: map[int][]string{epCategory: categoryCodes, epReleaseKind: releaseKindCodes}},
	{name: FamilySheet, cols: familyCols,
		kinds: map[int]cellKind{fmDependant: kindFlag, fmBirthDate: kindDate, fmSince: kindDate, fmEnded: kindDate, fmLivesWith: kindFlag},
		codes: map[int][]string{fmRelation: relationCodes, fmProof: proofCodes}},
	{name: EventsSheet, cols: eventsCols,
		kinds: map[int]cellKind{evSeq: kindNum, evDate: kindDate, evNotified: kindDate, evPrior: kindFlag, evYear: kindNum,
			evAmount: kindAmount, evMissing: kindList, evOtherLaw: kindFlag, evDocuments: kindList, evDecided: kindDate},
		codes: map[int][]string{evKind: eventKindCodes, evDecision: decisionCodes, evGround: groundCodes, evRuling: rulingCodes,
			evAid: aidKindCodes, evRegime: regimeCodes}},
}

// A CaseWorkbookWriter writes cases as one case workbook, one case at a
// time, streaming: rows go to temporary files as they come, so that a
// register of any size stays flat in memory; Flush writes the workbook
// to its writer. It has the options of the CSV tables (Ukrainian
// headers, redaction); Excel is always right for a workbook.
type CaseWorkbookWriter struct {
	w      io.Writer
	opts   CSVOptions
	f      *excelize.File
	sheets [4]*sheetOut
	err    error
	done   bool
	styles map[cellKind]int
	head   int
}

type sheetOut struct {
	spec   sheetSpec
	sw     *excelize.StreamWriter
	row    int
	styles map[cellKind]int
}

var errNoWorkbook = errors.New("export: a CaseWorkbookWriter is made by NewCaseWorkbookWriter")

// NewCaseWorkbookWriter returns a writer of a case workbook to w.
func NewCaseWorkbookWriter(w io.Writer, opts CSVOptions) *CaseWorkbookWriter {
	cw := &CaseWorkbookWriter{w: w, opts: opts, f: excelize.NewFile()}
	if w == nil {
		cw.err = errors.New("export: NewCaseWorkbookWriter needs a writer")
		return cw
	}
	cw.err = cw.start()
	return cw
}

func (cw *CaseWorkbookWriter) start() error {
	for i, spec := range workbookSheets {
		so, err := cw.addSheet(spec, i == 0)
		if err != nil {
			return err
		}
		cw.sheets[i] = so
	}
	return nil
}

// cellStyles makes the styles of the workbook's cells once: text, date,
// amount and the header.
func (cw *CaseWorkbookWriter) cellStyles() (map[cellKind]int, int, error) {
	if cw.styles != nil {
		return cw.styles, cw.head, nil
	}
	f := cw.f
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@": text
	if err != nil {
		return nil, 0, err
	}
	date, err := f.NewStyle(&excelize.Style{CustomNumFmt: strPtr("yyyy-mm-dd")})
	if err != nil {
		return nil, 0, err
	}
	amount, err := f.NewStyle(&excelize.Style{NumFmt: 2}) // "0.00"
	if err != nil {
		return nil, 0, err
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	if err != nil {
		return nil, 0, err
	}
	cw.styles = map[cellKind]int{kindText: text, kindList: text, kindDate: date, kindAmount: amount}
	cw.head = head
	return cw.styles, head, nil
}

// addSheet adds the sheet of spec (the first renames the workbook's own
// sheet) and opens its stream writer, with the header row written.
func (cw *CaseWorkbookWriter) addSheet(spec sheetSpec, first bool) (*sheetOut, error) {
	f := cw.f
	styles, head, err := cw.cellStyles()
	if err != nil {
		return nil, err
	}
	if first {
		if err := f.SetSheetName("Sheet1", spec.name); err != nil {
			return nil, err
		}
	} else if _, err := f.NewSheet(spec.name); err != nil {
		return nil, err
	}
	// Printed, a sheet fits the page's width, landscape. This and the
	// drop-downs go on the sheet before its stream writer opens: the
	// writer keeps them.
	landscape, one, zero, fit := "landscape", 1, 0, true
	if err := f.SetPageLayout(spec.name, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return nil, err
	}
	if err := f.SetSheetProps(spec.name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return nil, err
	}
	for ord, codes := range spec.codes {
		col, _ := excelize.ColumnNumberToName(ord + 1) // ordinal 0 is case_id, column A
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(fmt.Sprintf("%s2:%s1048576", col, col))
		if err := dv.SetDropList(codes); err != nil {
			return nil, err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "code", "one of the codes of the list / один із кодів списку")
		if err := f.AddDataValidation(spec.name, dv); err != nil {
			return nil, err
		}
	}
	sw, err := f.NewStreamWriter(spec.name)
	if err != nil {
		return nil, err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	for ord := 0; ord < len(spec.cols); ord++ {
		// A column's width in characters, whole; excelize takes it as a
		// float64 at its API, the only float here (no amount, no date).
		width := 14
		switch spec.kinds[ord] {
		case kindFlag, kindNum:
			width = 10
		case kindText:
			width = max(14, len([]rune(header(spec.cols[ord], cw.opts.Headers)))+2)
		}
		if err := sw.SetColWidth(ord+1, ord+1, float64(width)); err != nil {
			return nil, err
		}
	}
	so := &sheetOut{spec: spec, sw: sw, row: 1, styles: styles}
	hdr := make([]any, 0, len(spec.cols))
	for _, h := range headers(spec.cols, cw.opts.Headers) {
		hdr = append(hdr, excelize.Cell{StyleID: head, Value: h})
	}
	if err := sw.SetRow("A1", hdr); err != nil {
		return nil, err
	}
	return so, nil
}

// writeOut writes the workbook to cw.w, its amount cells made numbers
// (numberCells), through a temporary file, as excelize keeps its sheets.
func (cw *CaseWorkbookWriter) writeOut() error {
	tmp, err := os.CreateTemp("", "captivity-workbook-*.xlsx")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	size, err := cw.f.WriteTo(tmp)
	if err != nil {
		return err
	}
	return numberCells(cw.w, tmp, size, cw.styles[kindAmount])
}

// finish flushes the sheets and writes the workbook to cw.w.
func (cw *CaseWorkbookWriter) finish(sheets []*sheetOut) error {
	if cw.done {
		return cw.err
	}
	cw.done = true
	for _, so := range sheets {
		if err := so.sw.Flush(); err != nil {
			cw.err = err
			return err
		}
	}
	cw.err = cw.writeOut()
	if err := cw.f.Close(); err != nil && cw.err == nil {
		cw.err = err
	}
	return cw.err
}

func strPtr(s string) *string { return &s }

// header is the header of column c in lang.
func header(c column, lang Lang) string {
	if lang == Ukrainian {
		return c.uk
	}
	return c.key
}

// row writes one row of cells, given as the CSV writer would write them
// (text), typed by the sheet's column kinds.
func (so *sheetOut) rowOf(cells []string) error {
	so.row++
	vals := make([]any, len(cells))
	for ord, c := range cells { // cells are in column order: ordinal 0 is case_id
		i := ord
		kind := so.spec.kinds[ord]
		switch {
		case c == "":
			vals[i] = excelize.Cell{StyleID: so.styles[kind]}
		case kind == kindFlag:
			vals[i] = excelize.Cell{Value: c == "true"}
		case kind == kindNum:
			n, err := strconv.Atoi(c)
			if err != nil {
				vals[i] = excelize.Cell{StyleID: so.styles[kindText], Value: c}
				continue
			}
			vals[i] = excelize.Cell{Value: n}
		case kind == kindDate:
			d, err := civil.Parse(c)
			if err != nil {
				vals[i] = excelize.Cell{StyleID: so.styles[kindText], Value: c}
				continue
			}
			vals[i] = excelize.Cell{StyleID: so.styles[kindDate], Value: serialOf(d)}
		case kind == kindAmount:
			if !plainAmount(c) {
				vals[i] = excelize.Cell{StyleID: so.styles[kindText], Value: c}
				continue
			}
			// Written as text in the amount style; numberCells makes it a
			// number cell holding these very digits (see there).
			vals[i] = excelize.Cell{StyleID: so.styles[kindAmount], Value: c}
		default:
			vals[i] = excelize.Cell{StyleID: so.styles[kindText], Value: c}
		}
	}
	cell, _ := excelize.CoordinatesToCellName(1, so.row)
	return so.sw.SetRow(cell, vals)
}

// Write writes the rows of one case.
func (cw *CaseWorkbookWriter) Write(c prisoner.Case) error {
	if cw == nil || cw.f == nil {
		return errNoWorkbook
	}
	if cw.err != nil {
		return cw.err
	}
	if cw.done {
		return errors.New("export: CaseWorkbookWriter.Write after Flush")
	}
	for i, rows := range caseRows(c, cw.opts) {
		for _, r := range rows {
			if err := cw.sheets[i].rowOf(r); err != nil {
				cw.err = err
				return err
			}
		}
	}
	return nil
}

// Flush ends the sheets and writes the workbook; it is the writer's last
// call, and returns the first error.
func (cw *CaseWorkbookWriter) Flush() error {
	if cw == nil || cw.f == nil {
		return errNoWorkbook
	}
	if cw.err != nil {
		return cw.err
	}
	return cw.finish(cw.sheets[:])
}

// serialOf is the day number of d in a workbook's 1900 date system
// (days from 1899-12-30; every date from 1900-03-01 on), as an integer.
func serialOf(d civil.Date) int { return epoch1900.DaysUntil(d) }

var (
	epoch1900 = civil.MustNew(1899, 12, 30)
	epoch1904 = civil.MustNew(1904, 1, 1)
)

// serialDate reads a date cell's stored day number (its integer part: a
// time of day is dropped) in the workbook's date system, as YYYY-MM-DD.
// Day numbers of the 1900 system before 61 (January and February 1900,
// where spreadsheets count a 29 February that never was) are refused.
func serialDate(s string, date1904 bool) (string, bool) {
	whole, _, _ := strings.Cut(s, ".")
	n, err := strconv.Atoi(whole)
	if err != nil || n < 0 || n > 2958465 { // 9999-12-31
		return s, false
	}
	if date1904 {
		return epoch1904.AddDays(n).String(), true
	}
	if n < 61 {
		return s, false
	}
	return epoch1900.AddDays(n).String(), true
}

// plainAmount reports whether s is an amount as the case format writes
// it: digits, a dot and two decimals, perhaps a minus sign.
func plainAmount(s string) bool {
	t := strings.TrimPrefix(s, "-")
	i := strings.IndexByte(t, '.')
	return i > 0 && i == len(t)-3 && len(t) <= 24 && strings.Trim(t[:i]+t[i+1:], "0123456789") == ""
}

// numberCells copies the workbook zip src (of size bytes) to w, making
// every amount cell a number cell. The stream writer takes numbers only
// as float64, and money never passes through a float here: amounts are
// written as text in their own style (<c r="O2" s="5" t="inlineStr"><is>
// <t>100000.00</t></is></c>), and the sheets are rewritten on the way out
// so that the cell stores the same digits as a number (<c r="O2" s="5">
// <v>100000.00</v></c>). Only the amount style's text cells change; the
// rest of the zip is copied as it is.
func numberCells(w io.Writer, src io.ReaderAt, size int64, amountStyle int) error {
	zr, err := zip.NewReader(src, size)
	if err != nil {
		return err
	}
	open := []byte(` s="` + strconv.Itoa(amountStyle) + `" t="inlineStr"><is><t>`)
	openTo := []byte(` s="` + strconv.Itoa(amountStyle) + `"><v>`)
	closing, closeTo := []byte(`</t></is></c>`), []byte(`</v></c>`)
	zw := zip.NewWriter(w)
	for _, f := range zr.File {
		dst, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: f.Method, Modified: f.Modified})
		if err != nil {
			return err
		}
		r, err := f.Open()
		if err != nil {
			return err
		}
		if strings.HasPrefix(f.Name, "xl/worksheets/") {
			err = replacePairs(dst, r, open, openTo, closing, closeTo)
		} else {
			_, err = io.Copy(dst, r)
		}
		r.Close()
		if err != nil {
			return err
		}
	}
	return zw.Close()
}

// replacePairs copies r to w, streaming, replacing each open with openTo
// and the first close after it with closeTo.
func replacePairs(w io.Writer, r io.Reader, open, openTo, closing, closeTo []byte) error {
	buf := make([]byte, 0, 256<<10)
	chunk := make([]byte, 128<<10)
	target, repl, inside := open, openTo, false
	eof := false
	for {
		for {
			i := bytes.Index(buf, target)
			if i < 0 {
				break
			}
			if _, err := w.Write(buf[:i]); err != nil {
				return err
			}
			if _, err := w.Write(repl); err != nil {
				return err
			}
			buf = buf[:copy(buf, buf[i+len(target):])]
			if inside = !inside; inside {
				target, repl = closing, closeTo
			} else {
				target, repl = open, openTo
			}
		}
		if eof {
			_, err := w.Write(buf)
			return err
		}
		if keep := len(target) - 1; len(buf) > keep { // a match may straddle the next read
			if _, err := w.Write(buf[:len(buf)-keep]); err != nil {
				return err
			}
			buf = buf[:copy(buf, buf[len(buf)-keep:])]
		}
		n, err := r.Read(chunk)
		buf = append(buf, chunk[:n]...)
		if err == io.EOF {
			eof = true
		} else if err != nil {
			return err
		}
	}
}

// sheetRecords are the rows of one sheet, as the case tables reader takes
// them: each cell's stored text (a number as written, a date as its day
// number, a flag as 1 or 0), rows numbered as the spreadsheet numbers
// them.
type sheetRecords struct {
	rows *excelize.Rows
	row  int
	max  int // the most cells' bytes in one row
}

func (s *sheetRecords) Read() ([]string, error) {
	for s.rows.Next() {
		s.row++
		cells, err := s.rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, err
		}
		n := 0
		for _, c := range cells {
			n += len(c)
		}
		if n > s.max {
			return nil, errRecordTooLong
		}
		empty := true
		for _, c := range cells {
			if c != "" {
				empty = false
				break
			}
		}
		if !empty {
			return cells, nil
		}
	}
	if err := s.rows.Error(); err != nil {
		return nil, err
	}
	return nil, io.EOF
}

func (s *sheetRecords) FieldPos(int) (int, int) { return s.row, 1 }

// NewCaseWorkbookReader returns a reader of the case workbook in r (what
// [CaseWorkbookWriter] writes, or a workbook with sheets named cases,
// episodes, family and events laid out as the case tables; columns in any
// order, headers in English or Ukrainian). name names it in problems:
// "name [sheet]", with the sheet's row and the column's header. The
// limits of s (its readers are not used) apply. The workbook is read into
// memory as a zip (its sheets are read row by row); call Close when done.
func NewCaseWorkbookReader(r io.Reader, name string, s Sources) (*CaseTablesReader, func() error, error) {
	if r == nil {
		return nil, func() error { return nil }, errors.New("export: NewCaseWorkbookReader needs a reader")
	}
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, func() error { return nil }, fmt.Errorf("%s: not a workbook that can be read (.xlsx): %w", name, err)
	}
	props, _ := f.GetWorkbookProps()
	date1904 := props.Date1904 != nil && *props.Date1904
	maxRecord, maxRows := s.MaxRecordBytes, s.MaxRowsPerCase
	if maxRecord <= 0 {
		maxRecord = DefaultMaxRecordBytes
	}
	if maxRows <= 0 {
		maxRows = DefaultMaxRowsPerCase
	}
	var opened []*excelize.Rows
	closeAll := func() error {
		for _, rows := range opened {
			rows.Close()
		}
		return f.Close()
	}
	table := func(sheet string, cols []column) *tableIn {
		t := &tableIn{name: name + " [" + sheet + "]", cols: cols, at: map[string]int{}, serials: true, date1904: date1904}
		if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
			t.eof, t.started = true, true
			return t
		}
		rows, err := f.Rows(sheet)
		if err != nil {
			t.eof, t.started = true, true
			return t
		}
		opened = append(opened, rows)
		t.r = &sheetRecords{rows: rows, max: maxRecord}
		return t
	}
	cr := &CaseTablesReader{
		cases:   table(CasesSheet, casesCols),
		eps:     table(EpisodesSheet, episodesCols),
		family:  table(FamilySheet, familyCols),
		events:  table(EventsSheet, eventsCols),
		maxRows: maxRows,
	}
	if idx, _ := f.GetSheetIndex(CasesSheet); idx < 0 {
		closeAll()
		return nil, func() error { return nil }, fmt.Errorf("%s: the workbook has no sheet %q (its sheets: %s)", name, CasesSheet, strings.Join(f.GetSheetList(), ", "))
	}
	return cr, closeAll, nil
}

// templateNotes are the instructions sheet of a case-entry template, a
// line each, in Ukrainian and English.
var templateNotes = [][2]string{
	{"Шаблон для введення справ (Закон № 2010-IX)", "Case-entry template (Law No. 2010-IX)"},
	{"", ""},
	{"Аркуш cases: один рядок на справу — особа, позбавлена особистої свободи.", "Sheet cases: one row a case: the person deprived of liberty."},
	{"Аркуш episodes: один рядок на епізод полону (захоплення, звільнення, смерть).", "Sheet episodes: one row an episode of captivity (capture, release, death)."},
	{"Аркуш family: один рядок на члена сім'ї; member_id — як його названо в подіях (f1, f2).", "Sheet family: one row a family member; member_id as events name them (f1, f2)."},
	{"Аркуш events: один рядок на подію — заява, рішення Комісії, запис у Реєстрі, звернення по допомогу, виплата; seq — порядковий номер у справі.", "Sheet events: one row an event: an application, a Commission decision, a Register record, an aid claim, a payment; seq numbers them within the case."},
	{"", ""},
	{"Стовпець case_id пов'язує рядки всіх аркушів зі справою; рядки однієї справи йдуть поспіль, у порядку аркуша cases.", "The case_id column ties the rows of every sheet to their case; a case's rows come together, in the order of the cases sheet."},
	{"Коди (категорія, спорідненість, вид події, вид допомоги, рішення) обирайте зі списку в комірці.", "Choose codes (category, relation, event kind, aid kind, decision) from the cell's drop-down list."},
	{"Дати — це дати (РРРР-ММ-ДД); суми — гривні з двома знаками після коми; ідентифікатори й РНОКПП — текст (нулі на початку зберігаються).", "Dates are dates (YYYY-MM-DD); amounts are hryvnias with two decimals; IDs and RNOKPP are text (leading zeros stay)."},
	{"Так/ні — логічні значення (TRUE/FALSE).", "Yes/no columns are booleans (TRUE/FALSE)."},
	{"", ""},
	{"Справу-приклад можна видалити або залишити як зразок.", "The example case may be deleted or kept as a model."},
	{"Перевірка: aidcalc -in ЦЕЙ_ФАЙЛ.xlsx -lang uk — кожну проблему названо з аркушем, рядком і стовпцем.", "Check it: aidcalc -in THIS_FILE.xlsx: every problem is named with its sheet, row and column."},
}

// WriteCaseTemplate writes a case-entry template to w: the case workbook
// of [CaseWorkbookWriter] (typed columns, drop-downs, frozen headers)
// holding the example cases, and an instructions sheet in Ukrainian and
// English.
func WriteCaseTemplate(w io.Writer, examples []prisoner.Case, opts CSVOptions) error {
	cw := NewCaseWorkbookWriter(w, opts)
	if cw.err != nil {
		return cw.err
	}
	for _, c := range examples {
		if err := cw.Write(c); err != nil {
			return err
		}
	}
	const sheet = "instructions"
	if _, err := cw.f.NewSheet(sheet); err != nil {
		return err
	}
	bold, err := cw.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}})
	if err != nil {
		return err
	}
	for i, n := range templateNotes {
		row := i + 1
		if err := cw.f.SetSheetRow(sheet, fmt.Sprintf("A%d", row), &[]any{n[0], n[1]}); err != nil {
			return err
		}
		if i == 0 {
			_ = cw.f.SetCellStyle(sheet, "A1", "B1", bold)
		}
	}
	_ = cw.f.SetColWidth(sheet, "A", "B", 90)
	return cw.Flush()
}

// reportKind is the cell kind of a report column, by its key.
func reportKind(key string) cellKind {
	switch key {
	case "as_of", "since", "date":
		return kindDate
	case "amount":
		return kindAmount
	case "seq":
		return kindNum
	case "suspended", "excluded", "deferred", "assumption", "implied", "projected":
		return kindFlag
	}
	return kindText
}

// A ReportWorkbookWriter writes evaluation results as one workbook, a
// sheet per report table of [ReportCSVWriter] (status, timeline,
// decisions, entitlements, recoveries, warnings), with the same columns
// and rows and typed cells: amounts numbers shown 0.00, dates date
// cells, flags booleans, the rest text. Like the case workbook it
// streams, and Flush writes it.
type ReportWorkbookWriter struct {
	rw     *ReportCSVWriter
	book   *CaseWorkbookWriter // its file, styles and stream handling
	sheets []*sheetOut
}

// NewReportWorkbookWriter returns a writer of the report workbook for
// results evaluated on asOf to w; opts.Headers chooses the headers'
// language.
func NewReportWorkbookWriter(w io.Writer, asOf civil.Date, opts CSVOptions) *ReportWorkbookWriter {
	rw := &ReportWorkbookWriter{book: &CaseWorkbookWriter{w: w, opts: opts, f: excelize.NewFile()}}
	if w == nil {
		rw.book.err = errors.New("export: NewReportWorkbookWriter needs a writer")
		return rw
	}
	specs := []struct {
		name string
		cols []column
	}{{"status", statusCols}, {"timeline", timelineCols}, {"decisions", decisionsCols}, {"entitlements", entitlementsCols},
		{"recoveries", recoveriesCols}, {"warnings", warningsCols}}
	var outs []*csvOut
	for i, sp := range specs {
		kinds := map[int]cellKind{}
		for ord, c := range sp.cols {
			kinds[ord] = reportKind(c.key)
		}
		so, err := rw.book.addSheet(sheetSpec{name: sp.name, cols: sp.cols, kinds: kinds}, i == 0)
		if err != nil {
			rw.book.err = err
			return rw
		}
		rw.sheets = append(rw.sheets, so)
		outs = append(outs, &csvOut{sheet: so})
	}
	rw.rw = &ReportCSVWriter{asOf: asOf, status: outs[0], timeline: outs[1], decisions: outs[2], ents: outs[3], recovered: outs[4], warnings: outs[5]}
	return rw
}

// Write writes the rows of one result.
func (rw *ReportWorkbookWriter) Write(r *aid.Result) error {
	if rw == nil || rw.book == nil || rw.book.f == nil {
		return errNoWorkbook
	}
	if rw.book.err != nil {
		return rw.book.err
	}
	if rw.rw == nil {
		return errNoWorkbook
	}
	return rw.rw.Write(r)
}

// Flush ends the sheets and writes the workbook; it is the writer's last
// call, and returns the first error.
func (rw *ReportWorkbookWriter) Flush() error {
	if rw == nil || rw.book == nil || rw.book.f == nil {
		return errNoWorkbook
	}
	if rw.book.err != nil {
		return rw.book.err
	}
	if rw.rw != nil {
		if err := rw.rw.Flush(); err != nil {
			return err
		}
	}
	return rw.book.finish(rw.sheets)
}
