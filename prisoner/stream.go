package prisoner

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/uacaptivity/captivity/internal/ahead"
	"github.com/uacaptivity/captivity/internal/idset"
	"github.com/uacaptivity/captivity/internal/textenc"
	"github.com/uacaptivity/captivity/law"
)

// DefaultMaxCaseBytes is the largest single case a [Decoder] reads by
// default: 1 MiB, some five hundred times a typical case. A file holds
// any number of cases; the limit is per case.
const DefaultMaxCaseBytes = 1 << 20

// A Decoder reads a case file one case at a time, as it is read, in
// memory bounded by the largest case (not the file). The file holds one
// JSON array of cases or one or more case objects one after another (JSON
// Lines, or any whitespace between objects); a UTF-8 byte-order mark at
// the start is skipped.
//
// Decoding is as strict as [Decode]: unknown fields, a key given twice in
// one object, values of the wrong type, malformed dates and codes, text
// that is not UTF-8, text after the last case, a case over the size limit
// and two cases with the same ID are all errors. Lines and columns are
// counted as the input is read, never by reading it again.
type Decoder struct {
	r    io.Reader
	opts DecodeOptions
	max  int

	buf      []byte // buf[pos:end] is read and not yet used
	pos, end int
	eof      bool
	readErr  error

	line, col int // of buf[pos], 1-based; col in bytes
	started   bool
	array     bool // the file is a JSON array of cases
	done      bool

	col0     int       // the column the last case started at
	lastLine int       // the line the last case returned started on
	index    int       // cases returned by Next
	read     int       // cases read (ahead of Next)
	seen     idset.Set // case IDs seen, with the index and line where first
	ahead    *ahead.Reader[decoded]
}

// NewDecoder returns a decoder that reads from r.
func NewDecoder(r io.Reader, opts DecodeOptions) *Decoder {
	max := opts.MaxCaseBytes
	if max <= 0 {
		max = DefaultMaxCaseBytes
	}
	return &Decoder{r: r, opts: opts, max: max, line: 1, col: 1}
}

// Next returns the next case, validated. After the last case it returns
// io.EOF. A case with problems gives a *CaseError (with the case's index,
// ID, line and every problem at its JSON path), and reading goes on with
// the next case. A problem that stops the reading (syntax, encoding, a
// case over the size limit, a read error) gives a *FileError with its line
// and column; Next then returns io.EOF.
func (d *Decoder) Next() (Case, error) {
	if d == nil || d.r == nil || d.done {
		return Case{}, io.EOF
	}
	if d.ahead == nil {
		// The bytes of each case are read here; decoding and validating
		// them, the slow half, runs on converter goroutines.
		d.ahead = ahead.New(func() (func() decoded, bool) {
			raw, line, err := d.nextRaw()
			switch {
			case err == io.EOF:
				return nil, false
			case err != nil:
				return func() decoded { return decoded{err: err} }, true
			}
			col := d.col0
			return func() decoded {
				var sc scanner
				c, fields, err := decodeRaw(raw, line, col, &sc)
				return decoded{c: c, fields: fields, err: err, line: line}
			}, true
		})
	}
	r, ok := d.ahead.Next()
	if !ok {
		d.done = true
		return Case{}, io.EOF
	}
	if r.err != nil {
		d.done = true
		d.ahead.Stop()
		return Case{}, r.err
	}
	i := d.index
	d.index++
	d.lastLine = r.line
	c, fields := r.c, r.fields
	if c.ID != "" {
		if at, dup := d.seen.Add(c.ID, int64(i)<<32|int64(uint32(r.line))); dup {
			index, line := at>>32, uint32(at)
			fields = append(fields, FieldError{Path: "id", Code: CodeDuplicate,
				Message: law.Text{UK: fmt.Sprintf("такий самий ідентифікатор має справа [%d] (рядок %d)", index, line),
					EN: fmt.Sprintf("is the same as the ID of case [%d] (line %d)", index, line)}})
		}
	}
	if len(fields) > 0 {
		return Case{ID: c.ID}, &CaseError{Index: i, CaseID: printable(c.ID), Line: r.line, Fields: fields}
	}
	return c, nil
}

// decoded is a case read and decoded, or the error that stops the
// reading.
type decoded struct {
	c      Case
	fields []FieldError
	err    error
	line   int
}

// Line returns the line on which the case last returned by Next (or the
// case of its error) starts; 0 before the first.
func (d *Decoder) Line() int {
	if d == nil {
		return 0
	}
	return d.lastLine
}

// fill reads more input, keeping buf[pos:end]; it reports whether any
// was read.
func (d *Decoder) fill() bool {
	if d.eof {
		return false
	}
	if d.pos > 0 {
		n := copy(d.buf, d.buf[d.pos:d.end])
		d.pos, d.end = 0, n
	}
	if d.end == len(d.buf) {
		size := max(64<<10, 2*len(d.buf))
		if l, ok := d.r.(interface{ Len() int }); ok && d.buf == nil && l.Len() < size {
			// Input in memory (a request's body): a buffer its size,
			// not 64 KiB for a few cases.
			size = max(l.Len()+1, 512)
		}
		nb := make([]byte, size)
		copy(nb, d.buf[:d.end])
		d.buf = nb
	}
	n, err := d.r.Read(d.buf[d.end:])
	d.end += n
	if err != nil {
		d.eof = true
		if err != io.EOF {
			d.readErr = err
		}
	}
	return n > 0 || !d.eof
}

// peek returns the next byte without using it, and false at the end.
func (d *Decoder) peek() (byte, bool) {
	for d.pos >= d.end {
		if !d.fill() {
			return 0, false
		}
	}
	return d.buf[d.pos], true
}

// advance uses n bytes of buf[pos:], counting lines.
func (d *Decoder) advance(n int) {
	b := d.buf[d.pos : d.pos+n]
	if k := bytes.Count(b, []byte{'\n'}); k > 0 {
		d.line += k
		d.col = n - bytes.LastIndexByte(b, '\n')
	} else {
		d.col += n
	}
	d.pos += n
}

// skipSpace skips white space (and, between the cases of an array, the
// commas are handled by the caller).
func (d *Decoder) skipSpace() {
	for {
		b, ok := d.peek()
		if !ok || (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
			return
		}
		d.advance(1)
	}
}

// errAt is a problem that stops the reading at line and col, in both
// languages.
func (d *Decoder) errAt(line, col int, uk, en string) error {
	return fileError(line, col, nil, uk, en)
}

// fileError is a *FileError with its message in both languages; Err wraps
// base (when given) with the English text, or is base alone when en is
// empty.
func fileError(line, col int, base error, uk, en string) *FileError {
	var err error
	switch {
	case base != nil && en == "":
		err = base
	case base != nil:
		err = fmt.Errorf("%w: %s", base, en)
	default:
		err = errors.New(en)
	}
	return &FileError{Line: line, Column: col, Err: err, Message: law.Text{UK: uk, EN: err.Error()}}
}

// nextRaw returns the bytes of the next case and the line it starts on.
func (d *Decoder) nextRaw() ([]byte, int, error) {
	if !d.started {
		d.started = true
		for d.end-d.pos < 4 && d.fill() {
			// the first bytes tell a byte-order mark or UTF-16
		}
		if d.end-d.pos >= 3 && bytes.HasPrefix(d.buf[d.pos:d.end], []byte("\xef\xbb\xbf")) {
			d.pos += 3 // a byte-order mark: not a character of the file
		} else if enc := textenc.UTF16(d.buf[d.pos:d.end]); enc != "" {
			return nil, 0, d.errAt(1, 1, "файл схожий на "+enc+", а не UTF-8: збережіть його як UTF-8 (у таблиці чи редакторі: «Зберегти як», кодування UTF-8)",
				"the file looks like "+enc+", not UTF-8: save it as UTF-8 (in a spreadsheet or editor: Save as, encoding UTF-8)")
		}
		d.skipSpace()
		b, ok := d.peek()
		switch {
		case !ok && d.readErr != nil:
			return nil, 0, d.readErr
		case !ok:
			return nil, 0, fileError(1, 1, ErrEmpty, "у файлі немає жодної справи", "")
		case b == '[':
			d.array = true
			d.advance(1)
			d.skipSpace()
			if b, ok := d.peek(); ok && b == ']' {
				return nil, 0, fileError(1, 1, ErrEmpty, "у файлі немає жодної справи", "")
			}
		case b == '{':
		default:
			return nil, 0, d.errAt(d.line, d.col, "файл справ починається з [ (масив справ) або { (справа)", "a case file starts with [ (an array of cases) or { (a case)")
		}
	} else {
		d.skipSpace()
		if d.array {
			b, ok := d.peek()
			switch {
			case !ok:
				return nil, 0, d.eofError("масив справ не закрито дужкою ]", "the array of cases is not closed with ]")
			case b == ']':
				d.advance(1)
				d.skipSpace()
				if _, ok := d.peek(); ok {
					return nil, 0, d.errAt(d.line, d.col, "текст після закривної ] масиву справ", "text after the closing ] of the case array")
				}
				if d.readErr != nil {
					return nil, 0, d.readErr
				}
				return nil, 0, io.EOF
			case b == ',':
				d.advance(1)
				d.skipSpace()
			default:
				return nil, 0, d.errAt(d.line, d.col, "після справи очікується , або ]", "expected , or ] after a case")
			}
		}
	}
	b, ok := d.peek()
	if !ok {
		if d.readErr != nil {
			return nil, 0, d.readErr
		}
		if d.array {
			return nil, 0, d.eofError("масив справ не закрито дужкою ]", "the array of cases is not closed with ]")
		}
		if d.read == 0 {
			return nil, 0, fileError(1, 1, ErrEmpty, "у файлі немає жодної справи", "")
		}
		return nil, 0, io.EOF
	}
	if b != '{' {
		if d.array {
			return nil, 0, d.errAt(d.line, d.col, "кожна справа — це об'єкт JSON, що починається з {", "each case is a JSON object, starting with {")
		}
		return nil, 0, d.errAt(d.line, d.col, "текст після справи: кожна справа — це об'єкт JSON, що починається з {", "text after a case: each case is a JSON object, starting with {")
	}
	return d.value()
}

func (d *Decoder) eofError(uk, en string) error {
	if d.readErr != nil {
		return d.readErr
	}
	return d.errAt(d.line, d.col, "файл несподівано закінчився: "+uk, "unexpected end of input: "+en)
}

// value reads one object, from its { to its matching }, and returns its
// bytes. It finds the end by counting brackets outside strings; the JSON
// itself is checked when the case is decoded.
func (d *Decoder) value() ([]byte, int, error) {
	line, col := d.line, d.col
	d.col0 = col
	depth, inString := 0, false
	i := d.pos
	for {
		if i >= d.end {
			n := i - d.pos
			if n > d.max {
				return nil, 0, fileError(line, col, ErrTooLarge, fmt.Sprintf("справа, що починається тут, більша за %d байтів (збільште обмеження на справу, якщо вона правильна)", d.max),
					fmt.Sprintf("the case starting here is over %d bytes (raise the limit per case if it is right)", d.max))
			}
			if !d.fill() {
				d.advance(d.end - d.pos)
				return nil, 0, d.eofError("дужку чи лапки справи, що починається в рядку "+strconv.Itoa(line)+", не закрито", "a bracket or quote of the case starting on line "+strconv.Itoa(line)+" is not closed")
			}
			i = d.pos + n
			continue
		}
		if inString {
			// Jump to the next quote or backslash.
			j := indexIn(d.buf[i:d.end], &quoteOrEscape)
			if j < 0 {
				i = d.end
				continue
			}
			i += j
			if d.buf[i] == '\\' {
				if i+1 >= d.end { // the escaped byte is not read yet
					if !d.more(&i) {
						d.advance(d.end - d.pos)
						return nil, 0, d.eofError("лапки справи, що починається в рядку "+strconv.Itoa(line)+", не закрито", "a quote of the case starting on line "+strconv.Itoa(line)+" is not closed")
					}
					continue
				}
				i += 2
				continue
			}
			i++
			inString = false
			continue
		}
		j := indexIn(d.buf[i:d.end], &structural)
		if j < 0 {
			i = d.end
			continue
		}
		i += j
		c := d.buf[i]
		i++
		switch {
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
			if depth == 0 {
				n := i - d.pos
				if n > d.max {
					return nil, 0, fileError(line, col, ErrTooLarge, fmt.Sprintf("справа, що починається тут, більша за %d байтів (збільште обмеження на справу, якщо вона правильна)", d.max),
						fmt.Sprintf("the case starting here is over %d bytes (raise the limit per case if it is right)", d.max))
				}
				out := bytes.Clone(d.buf[d.pos:i]) // checked for UTF-8 by decodeRaw, in parallel
				d.advance(n)
				d.read++
				return out, line, nil
			}
		}
	}
}

// more reads more input while keeping the offset *i into the case being
// read; it reports whether anything was read.
func (d *Decoder) more(i *int) bool {
	n := *i - d.pos
	if !d.fill() {
		return false
	}
	*i = d.pos + n
	return true
}

// positionFrom returns the line and column of byte off of b, where b
// starts at line, col.
func positionFrom(b []byte, off, line, col int) (int, int) {
	off = min(max(off, 0), len(b))
	for _, c := range b[:off] {
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}

// decodeRaw decodes and validates the bytes of one case, which start on
// line. The common case, a well-formed case, is decoded straight into the
// typed structs; anything else goes through the generic path, which finds
// every problem with its JSON path.
//
// A syntax error is returned as a *FileError with its line and column
// (col is the column the case starts at): it stops the reading.
func decodeRaw(raw []byte, line, col int, sc *scanner) (Case, []FieldError, error) {
	if !utf8.Valid(raw) {
		off := textenc.InvalidUTF8(raw)
		l, cl := positionFrom(raw, off, line, col)
		return Case{}, nil, fileError(l, cl, nil, fmt.Sprintf("байт 0x%02X не є UTF-8 (файл у Latin-1 чи Windows-1251? збережіть його як UTF-8)", raw[off]),
			fmt.Sprintf("byte 0x%02X is not UTF-8 (is the file Latin-1 or Windows-1251? save it as UTF-8)", raw[off]))
	}
	if c, ok := decodeFast(raw); ok {
		return c, nil, nil
	}
	c, dup, ok, err := decodeReference(raw, sc)
	var se *json.SyntaxError
	if errors.As(err, &se) {
		l, cl := positionFrom(raw, int(se.Offset)-1, line, col)
		return Case{}, nil, fileError(l, cl, nil, "помилка синтаксису JSON: тут "+syntaxUK(se.Error()), se.Error())
	}
	if dup != "" {
		return Case{ID: c.ID}, []FieldError{{Path: dup, Code: CodeDuplicate, Message: law.Text{UK: "ключ повторюється в одному об'єкті", EN: "is a key given twice in one object"}}}, nil
	}
	if ok {
		return c, nil, nil // a case the v2 decoder refused that encoding/json, the reference, takes
	}
	// The slow path: generic values, every problem with its path.
	gd := json.NewDecoder(bytes.NewReader(raw))
	gd.UseNumber()
	var v any
	if err := gd.Decode(&v); err != nil {
		return Case{}, nil, fileError(line, col, err, "справу не вдалося прочитати як JSON", "")
	}
	c, fields := decodeOne(v)
	return c, fields, nil
}

// decodeFast decodes a well-formed, valid case in one pass: the JSON v2
// decoder takes it straight into the typed structs and refuses a key given
// twice in one object and a key the format does not know. It reports false
// for anything else, which [decodeReference] and the generic path then
// look at; a fuzz test checks that every case it takes, encoding/json
// takes as the same case.
func decodeFast(raw []byte) (Case, bool) {
	var c Case
	if jsonv2.Unmarshal(raw, &c, jsonv2.RejectUnknownMembers(true)) != nil || c.Validate() != nil {
		return Case{}, false
	}
	return c, true
}

// decodeReference decodes raw with encoding/json, the reference for the
// case format: the case, the path of the first key given twice in one
// object (encoding/json keeps the last silently), whether the case is
// well-formed, known in every key and valid, and encoding/json's error.
func decodeReference(raw []byte, sc *scanner) (c Case, dup string, ok bool, err error) {
	dup, unknown := sc.check(raw)
	err = json.Unmarshal(raw, &c)
	return c, dup, err == nil && dup == "" && !unknown && c.Validate() == nil, err
}

// fieldSets are the JSON field names of the case format's objects, read
// from the types' tags once; never changed.
var fieldSets = sync.OnceValue(func() map[string]map[string]bool {
	names := func(t reflect.Type) map[string]bool {
		m := map[string]bool{}
		for name := range jsonFields(t) {
			m[name] = true
		}
		return m
	}
	return map[string]map[string]bool{
		"case": names(reflect.TypeFor[Case]()), "person": names(reflect.TypeFor[Person]()),
		"episodes": names(reflect.TypeFor[Episode]()), "family": names(reflect.TypeFor[FamilyMember]()),
		"events": names(reflect.TypeFor[Event]()),
	}
})

// scanner checks the keys of a case before it is decoded: a key given
// twice in one object (encoding/json keeps the last silently), and a key
// that is not a field of the case format (then the slow path names it).
// It keeps its stack between cases, so that a register of cases allocates
// it once.
type scanner struct {
	stack []frame
}

// A frame is one open object or array: for an object, its known field
// names (nil where the format has no object), the keys seen (as byte
// ranges of the case) and the current key; for an array, the index
// reached and the field it is the value of.
type frame struct {
	object bool
	fields map[string]bool
	keys   [][2]int
	key    [2]int
	index  int
}

// check returns the JSON path of the first key given twice in one object
// of raw, or "", and whether raw has a key the format does not know (or
// an object where the format has none).
func (s *scanner) check(raw []byte) (dup string, unknown bool) {
	sets := fieldSets()
	s.stack = s.stack[:0]
	expectKey := false
	for i := 0; i < len(raw); i++ {
		// Jump to the next byte that matters: white space, numbers and
		// literals between them are nothing to a key check.
		j := indexIn(raw[i:], &structuralComma)
		if j < 0 {
			break
		}
		i += j
		switch c := raw[i]; c {
		case '"':
			start := i + 1
			i++
			for i < len(raw) {
				k := indexIn(raw[i:], &quoteOrEscape)
				if k < 0 {
					i = len(raw)
					break
				}
				i += k
				if raw[i] == '"' {
					break
				}
				i += 2 // an escape and the byte it escapes
			}
			if expectKey && len(s.stack) > 0 {
				top := &s.stack[len(s.stack)-1]
				k := [2]int{start, min(i, len(raw))}
				key := raw[k[0]:k[1]]
				known := top.fields != nil && top.fields[string(key)]
				for _, seen := range top.keys {
					if bytes.Equal(raw[seen[0]:seen[1]], key) {
						top.key = k
						if !known { // name the object, not a key that may be anything
							s.stack = s.stack[:len(s.stack)-1]
						}
						return s.path(raw), unknown
					}
				}
				if !known {
					unknown = true
				}
				top.keys = append(top.keys, k)
				top.key = k
				expectKey = false
			}
		case '{':
			var fields map[string]bool
			switch n := len(s.stack); {
			case n == 0:
				fields = sets["case"]
			case n == 1 && s.stack[0].object && string(raw[s.stack[0].key[0]:s.stack[0].key[1]]) == "person":
				fields = sets["person"]
			case n == 2 && !s.stack[1].object:
				fields = sets[string(raw[s.stack[0].key[0]:s.stack[0].key[1]])]
			}
			if fields == nil {
				unknown = true
			}
			s.push(true, fields)
			expectKey = true
		case '[':
			s.push(false, nil)
		case '}', ']':
			if len(s.stack) > 0 {
				s.stack = s.stack[:len(s.stack)-1]
			}
		case ',':
			if len(s.stack) > 0 {
				top := &s.stack[len(s.stack)-1]
				if top.object {
					expectKey = true
				} else {
					top.index++
				}
			}
		}
	}
	return "", unknown
}

func (s *scanner) push(object bool, fields map[string]bool) {
	if len(s.stack) < cap(s.stack) {
		s.stack = s.stack[:len(s.stack)+1]
		f := &s.stack[len(s.stack)-1]
		f.object, f.fields, f.keys, f.index = object, fields, f.keys[:0], 0
		return
	}
	s.stack = append(s.stack, frame{object: object, fields: fields})
}

// path is the JSON path of the current key of the innermost object.
func (s *scanner) path(raw []byte) string {
	var b []byte
	for i, f := range s.stack {
		if i == 0 && f.object {
			b = append(b, raw[f.key[0]:f.key[1]]...)
			continue
		}
		if f.object {
			b = append(b, '.')
			b = append(b, raw[f.key[0]:f.key[1]]...)
		} else {
			b = append(b, '[')
			b = strconv.AppendInt(b, int64(f.index), 10)
			b = append(b, ']')
		}
	}
	return string(b)
}

// Byte sets for indexIn, made once and never changed (bytes.IndexAny
// builds its set on every call, which cost more than the search).
var (
	quoteOrEscape   = byteSet("\"\\")
	structural      = byteSet("\"{}[]")
	structuralComma = byteSet("\"{}[],")
)

func byteSet(chars string) (set [256]bool) {
	for i := 0; i < len(chars); i++ {
		set[chars[i]] = true
	}
	return set
}

// indexIn returns the index of the first byte of b in set, or -1.
func indexIn(b []byte, set *[256]bool) int {
	for i, c := range b {
		if set[c] {
			return i
		}
	}
	return -1
}

// syntaxUK says in Ukrainian what encoding/json's syntax error en says.
func syntaxUK(en string) string {
	char := ""
	if i := strings.Index(en, "character '"); i >= 0 {
		rest := en[i+len("character '"):]
		if j := strings.Index(rest, "' "); j >= 0 {
			char = " «" + rest[:j] + "»"
		}
	}
	switch {
	case strings.Contains(en, "looking for beginning of value"):
		return "неочікуваний символ" + char + " там, де має початися значення"
	case strings.Contains(en, "looking for beginning of object key string"):
		return "неочікуваний символ" + char + " там, де має бути ключ у лапках"
	case strings.Contains(en, "after object key:value pair"):
		return "неочікуваний символ" + char + " після пари ключ: значення (бракує коми чи }?)"
	case strings.Contains(en, "after object key"):
		return "неочікуваний символ" + char + " після ключа (бракує двокрапки?)"
	case strings.Contains(en, "after array element"):
		return "неочікуваний символ" + char + " після елемента масиву (бракує коми чи ]?)"
	case strings.Contains(en, "in string literal"), strings.Contains(en, "in string escape code"):
		return "неправильний символ" + char + " у рядку в лапках"
	case strings.Contains(en, "unexpected end"):
		return "файл несподівано закінчився"
	}
	return "неочікуваний символ" + char
}
