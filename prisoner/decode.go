package prisoner

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/uacaptivity/captivity/law"
)

// ErrTooLarge is wrapped by the Err of a *FileError for a case over the
// size limit ([DecodeOptions.MaxCaseBytes]).
var ErrTooLarge = errors.New("a case is over the size limit")

// ErrEmpty is the Err of a *FileError for input that holds no case.
var ErrEmpty = errors.New("case file holds no case")

// DecodeOptions tune [Decode] and [NewDecoder]. The zero value gives the
// defaults.
type DecodeOptions struct {
	// MaxCaseBytes is the largest single case read, in bytes of JSON; 0
	// means [DefaultMaxCaseBytes]. There is no limit on the file: a
	// register of any size in one file is read case by case.
	MaxCaseBytes int
}

// Decode reads a whole case file and returns its cases, every one
// validated; for a register too large to hold, read it case by case with
// a [Decoder], which Decode uses and whose format and strictness it
// shares.
//
// On any problem Decode returns no cases and a *FileError that lists every
// problem it found: a syntax, encoding or size problem with its line and
// column (reading stops there), or else each case's field problems with
// their JSON paths. Nothing is half-decoded.
func Decode(r io.Reader, opts DecodeOptions) ([]Case, error) {
	d := NewDecoder(r, opts)
	var (
		out []Case
		bad []CaseError
	)
	for {
		c, err := d.Next()
		if err == io.EOF {
			break
		}
		var ce *CaseError
		switch {
		case errors.As(err, &ce):
			bad = append(bad, *ce)
		case err != nil:
			return nil, err
		default:
			out = append(out, c)
		}
	}
	if len(bad) > 0 {
		return nil, &FileError{Cases: bad}
	}
	return out, nil
}

// DecodeCase reads one case object from data, with the same strictness
// as [Decode], and validates it. Problems come back as *ValidationError.
func DecodeCase(data []byte) (Case, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return Case{}, syntaxError(data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return Case{}, fileError(lineOf(data, int(dec.InputOffset())), 1, nil, "текст після об'єкта справи", "text after the case object")
	}
	c, fields := decodeOne(v)
	if len(fields) > 0 {
		return Case{}, &ValidationError{Fields: fields}
	}
	return c, nil
}

// DecodeValue converts one case given as generic JSON values (what
// encoding/json decodes into an any with UseNumber: map[string]any,
// []any, string, bool, json.Number) into a validated Case, with the
// strictness of [Decode]. Other readers (the CSV case tables) build such a
// value and reuse the same rules and the same JSON paths. Problems come
// back as *ValidationError.
func DecodeValue(v any) (Case, error) {
	c, fields := decodeOne(v)
	if len(fields) > 0 {
		return Case{}, &ValidationError{Fields: fields}
	}
	return c, nil
}

func syntaxError(data []byte, err error) error {
	var se *json.SyntaxError
	off := len(data)
	uk, en := "помилка JSON: "+syntaxUK(err.Error()), err.Error()
	switch {
	case errors.As(err, &se):
		off = int(se.Offset)
		if off > 0 {
			off-- // Offset is just past the offending byte
		}
		uk, en = "помилка синтаксису JSON: тут "+syntaxUK(se.Error()), se.Error()
	case errors.Is(err, io.ErrUnexpectedEOF):
		uk, en = "файл несподівано закінчився: дужку чи лапки не закрито", "unexpected end of input: a bracket or quote is not closed"
	}
	line, col := position(data, off)
	return fileError(line, col, nil, uk, en)
}

func lineOf(data []byte, off int) int { l, _ := position(data, off); return l }

// position turns a byte offset into a 1-based line and column (in bytes).
func position(data []byte, off int) (int, int) {
	if off > len(data) {
		off = len(data)
	}
	if off < 0 {
		off = 0
	}
	line := 1 + bytes.Count(data[:off], []byte{'\n'})
	col := off - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}

func printable(s string) string {
	for _, r := range s {
		if r < 0x20 || r > 0x7e {
			return ""
		}
	}
	if len(s) > 64 {
		return ""
	}
	return s
}

// decodeOne converts one generic JSON value into a Case, collecting every
// problem (structure, types and values first, then the validation rules).
func decodeOne(v any) (Case, []FieldError) {
	var (
		c Case
		p problems
	)
	if _, ok := v.(map[string]any); !ok {
		p.add("", CodeType, law.Text{UK: "справа має бути об'єктом JSON", EN: "a case must be a JSON object"})
		return Case{}, p.fields
	}
	assign(reflect.ValueOf(&c).Elem(), v, "", &p)
	c.check(&p)
	return c, p.fields
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// assign stores the generic JSON value v into dst, following the json
// tags of dst's type, and records a problem for every mismatch.
func assign(dst reflect.Value, v any, path string, p *problems) {
	if dst.CanAddr() && dst.Addr().Type().Implements(textUnmarshaler) {
		s, ok := v.(string)
		if !ok {
			p.add(path, CodeType, law.Text{UK: "має бути рядком", EN: "must be a string"})
			return
		}
		if err := dst.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			p.add(path, CodeInvalid, invalidText(dst.Type()))
		}
		return
	}
	switch dst.Kind() {
	case reflect.Struct:
		obj, ok := v.(map[string]any)
		if !ok {
			p.add(path, CodeType, law.Text{UK: "має бути об'єктом", EN: "must be an object"})
			return
		}
		fields := jsonFields(dst.Type())
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		unknown := 0
		for _, k := range keys {
			at := join(path, k)
			idx, ok := fields[k]
			if !ok {
				unknown++ // its text is not echoed: it may be anything, a name among others
				continue
			}
			if obj[k] == nil {
				continue // null: leave unset
			}
			assign(dst.Field(idx), obj[k], at, p)
		}
		if unknown > 0 {
			p.add(path, CodeUnknown, law.Text{
				UK: fmt.Sprintf("має ключі, яких немає у форматі справи (%d); їх текст не наводиться", unknown),
				EN: fmt.Sprintf("has %d key(s) that are not fields of the case format (their text is not shown)", unknown)})
		}
	case reflect.Slice:
		arr, ok := v.([]any)
		if !ok {
			p.add(path, CodeType, law.Text{UK: "має бути масивом", EN: "must be an array"})
			return
		}
		s := reflect.MakeSlice(dst.Type(), len(arr), len(arr))
		for i, el := range arr {
			assign(s.Index(i), el, path+"["+strconv.Itoa(i)+"]", p)
		}
		dst.Set(s)
	case reflect.String:
		s, ok := v.(string)
		if !ok {
			p.add(path, CodeType, law.Text{UK: "має бути рядком", EN: "must be a string"})
			return
		}
		dst.SetString(s)
	case reflect.Bool:
		b, ok := v.(bool)
		if !ok {
			p.add(path, CodeType, law.Text{UK: "має бути true або false", EN: "must be true or false"})
			return
		}
		dst.SetBool(b)
	case reflect.Int:
		n, ok := v.(json.Number)
		i, err := strconv.ParseInt(string(n), 10, 32)
		if !ok || err != nil {
			p.add(path, CodeType, law.Text{UK: "має бути цілим числом", EN: "must be a whole number"})
			return
		}
		dst.SetInt(i)
	default:
		p.add(path, CodeType, law.Text{UK: "непідтримуваний тип", EN: "has an unsupported type"})
	}
}

func invalidText(t reflect.Type) law.Text {
	if t.Name() == "Date" {
		return law.Text{UK: "не є наявною датою у формі РРРР-ММ-ДД", EN: "is not an existing date written YYYY-MM-DD"}
	}
	if tbl := enumCodes(t); tbl != "" {
		return law.Text{UK: "невідоме значення; допустимі: " + tbl, EN: "is not a known value; one of: " + tbl}
	}
	return law.Text{UK: "недопустиме значення", EN: "is not a valid value"}
}

// enumCodes lists the codes of an enum type of this package.
func enumCodes(t reflect.Type) string {
	var codes []string
	switch t {
	case reflect.TypeFor[Category]():
		codes = categories.Codes()
	case reflect.TypeFor[ReleaseKind]():
		codes = releaseKinds.Codes()
	case reflect.TypeFor[Relation]():
		codes = relations.Codes()
	case reflect.TypeFor[Proof]():
		codes = proofs.Codes()
	case reflect.TypeFor[EventKind]():
		codes = eventKinds.Codes()
	case reflect.TypeFor[DecisionKind]():
		codes = decisionKinds.Codes()
	case reflect.TypeFor[Ground]():
		codes = grounds.Codes()
	case reflect.TypeFor[RulingKind]():
		codes = rulings.Codes()
	case reflect.TypeFor[AidKind]():
		codes = aidKinds.Codes()
	case reflect.TypeFor[Regime]():
		codes = regimes.Codes()
	}
	return strings.Join(codes, ", ")
}

func jsonFields(t reflect.Type) map[string]int {
	m := make(map[string]int, t.NumField())
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if f.IsExported() && name != "" && name != "-" {
			m[name] = i
		}
	}
	return m
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// EncodeOptions tune [Encode]. The zero value writes an indented JSON array.
type EncodeOptions struct {
	// Lines writes JSON Lines (one compact case per line) instead of an
	// indented array.
	Lines bool
}

// Encode writes cases as a case file that [Decode] reads back to equal
// cases. It writes one case at a time and does not close w.
func Encode(w io.Writer, cases []Case, opts EncodeOptions) error {
	if opts.Lines {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for i := range cases {
			if err := enc.Encode(&cases[i]); err != nil {
				return fmt.Errorf("case [%d]: %w", i, err)
			}
		}
		return nil
	}
	if _, err := io.WriteString(w, "[\n"); err != nil {
		return err
	}
	for i := range cases {
		b, err := json.MarshalIndent(&cases[i], "  ", "  ")
		if err != nil {
			return fmt.Errorf("case [%d]: %w", i, err)
		}
		sep := ",\n"
		if i == len(cases)-1 {
			sep = "\n"
		}
		if _, err := w.Write(append(append([]byte("  "), b...), sep...)); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "]\n")
	return err
}
