package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"io"
	"strings"
)

// recReader splits a CSV stream into records exactly as encoding/csv's
// Reader reads them (comma-separated, RFC 4180 quoting, \r\n read as \n,
// empty lines skipped, every record with as many fields as the first),
// but without cutting the common record into fields: a record with no
// quote in it is handed over as its text, which [splitRecord] cuts later,
// on another goroutine if the caller likes. This is what lets the case
// tables reader split records on one goroutine and leave the cells to a
// batch's workers.
//
// A record with a quote in it is read whole (to the first line end after
// an even number of quotes: a quoted field cannot hold an unquoted line
// end) and given to encoding/csv itself, so quoting and every syntax
// error (kind, line, column) are encoding/csv's own. A test compares the
// two readers on generated and fuzzed input.
type recReader struct {
	br      *bufio.Reader
	long    []byte // a line longer than br's buffer
	chunk   []byte // the lines of a record with quotes
	numLine int    // lines read so far
	nfields int    // fields per record; 0 until the first record
}

// A record is one CSV record: its text when it has no quotes (valid until
// the next read), else its fields.
type record struct {
	line   int      // the line it starts on
	text   []byte   // without its line end; nil when fields is set
	fields []string // a record with quotes, parsed
}

func newRecReader(r io.Reader) *recReader {
	return &recReader{br: bufio.NewReaderSize(r, 64<<10)}
}

// readLine reads one line as it is in the stream, with its line end,
// valid until the next call. At the end of the stream a last line
// without a line end comes back with a nil error, as encoding/csv reads
// it; then io.EOF.
func (r *recReader) readLine() ([]byte, error) {
	line, err := r.br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		r.long = append(r.long[:0], line...)
		for err == bufio.ErrBufferFull {
			line, err = r.br.ReadSlice('\n')
			r.long = append(r.long, line...)
		}
		line = r.long
	}
	if len(line) > 0 && err == io.EOF {
		err = nil
	}
	r.numLine++
	return line, err
}

// content is a raw line as encoding/csv reads it, without its line end:
// a \r before the line end (or before the end of the stream) is dropped.
func content(line []byte) []byte {
	n := len(line)
	if n > 0 && line[n-1] == '\n' {
		n--
		if n > 0 && line[n-1] == '\r' {
			n--
		}
	} else if n > 0 && line[n-1] == '\r' {
		n--
	}
	return line[:n]
}

// read returns the next record, io.EOF at the end, a *csv.ParseError for
// broken quoting or a record with a different number of fields than the
// first, or the stream's own error.
func (r *recReader) read() (record, error) {
	var line, text []byte
	for len(text) == 0 {
		// encoding/csv skips a line that is only a line end. A last line
		// that is a lone \r is one too: it drops the \r first.
		var err error
		if line, err = r.readLine(); err != nil {
			return record{}, err
		}
		text = content(line)
	}
	start := r.numLine
	if bytes.IndexByte(line, '"') >= 0 {
		return r.quoted(line, start)
	}
	n := bytes.Count(text, comma) + 1
	if err := r.count(n, start); err != nil {
		return record{}, err
	}
	return record{line: start, text: text}, nil
}

var comma = []byte{','}

func (r *recReader) count(n, line int) error {
	if r.nfields == 0 {
		r.nfields = n
		return nil
	}
	if n != r.nfields {
		return &csv.ParseError{StartLine: line, Line: line, Column: 1, Err: csv.ErrFieldCount}
	}
	return nil
}

// quoted reads the rest of a record whose first line has a quote in it
// and parses it with encoding/csv.
func (r *recReader) quoted(first []byte, start int) (record, error) {
	r.chunk = append(r.chunk[:0], first...)
	quotes := bytes.Count(first, []byte{'"'})
	for quotes%2 == 1 && r.chunk[len(r.chunk)-1] == '\n' {
		l, err := r.readLine()
		if err == io.EOF {
			break
		}
		if err != nil {
			return record{}, err
		}
		r.chunk = append(r.chunk, l...)
		quotes += bytes.Count(l, []byte{'"'})
	}
	cr := csv.NewReader(bytes.NewReader(r.chunk))
	cr.FieldsPerRecord = -1
	fields, err := cr.Read()
	if err != nil {
		if pe, ok := err.(*csv.ParseError); ok {
			pe.StartLine += start - 1
			pe.Line += start - 1
		}
		return record{}, err
	}
	if err := r.count(len(fields), start); err != nil {
		return record{}, err
	}
	return record{line: start, fields: fields}, nil
}

// field returns field k of the record (Unneutralized), or nil if there is
// no such field. It does not allocate.
func (rec record) field(k int) []byte {
	if rec.text == nil {
		if k < len(rec.fields) {
			return unneutralizeBytes([]byte(rec.fields[k]))
		}
		return nil
	}
	t := rec.text
	for ; k > 0; k-- {
		i := bytes.IndexByte(t, ',')
		if i < 0 {
			return nil
		}
		t = t[i+1:]
	}
	if i := bytes.IndexByte(t, ','); i >= 0 {
		t = t[:i]
	}
	return unneutralizeBytes(t)
}

func unneutralizeBytes(b []byte) []byte {
	if len(b) > 0 && b[0] == '\'' {
		return b[1:]
	}
	return b
}

// splitRecord appends the comma-separated fields of text (a record with
// no quotes) to dst.
func splitRecord(dst []string, text string) []string {
	for {
		i := strings.IndexByte(text, ',')
		if i < 0 {
			return append(dst, text)
		}
		dst = append(dst, text[:i])
		text = text[i+1:]
	}
}
