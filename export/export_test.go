package export_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"testing/iotest"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/export"
	"github.com/uacaptivity/captivity/internal/golden"
	"github.com/uacaptivity/captivity/internal/samples"
	"github.com/uacaptivity/captivity/prisoner"
	"pgregory.net/rapid"
)

var asOf = civil.MustParse("2026-11-28")

func sampleCases(t testing.TB) []prisoner.Case {
	cs, err := samples.Cases()
	require.NoError(t, err)
	return cs
}

type tables struct{ cases, eps, fam, evs bytes.Buffer }

func (tb *tables) writers() export.Tables {
	return export.Tables{Cases: &tb.cases, Episodes: &tb.eps, Family: &tb.fam, Events: &tb.evs}
}

func (tb *tables) fs() fstest.MapFS {
	return fstest.MapFS{
		"t/cases.csv": {Data: tb.cases.Bytes()}, "t/episodes.csv": {Data: tb.eps.Bytes()},
		"t/family.csv": {Data: tb.fam.Bytes()}, "t/events.csv": {Data: tb.evs.Bytes()},
	}
}

func writeTables(t require.TestingT, cs []prisoner.Case, opts export.CSVOptions) *tables {
	var tb tables
	w := export.NewCaseTablesWriter(tb.writers(), opts)
	for _, c := range cs {
		require.NoError(t, w.Write(c))
	}
	require.NoError(t, w.Flush())
	return &tb
}

func TestCaseTablesRoundTrip(t *testing.T) {
	cs := sampleCases(t)
	for name, opts := range map[string]export.CSVOptions{
		"plain":     {},
		"excel":     {Excel: true},
		"ukrainian": {Headers: export.Ukrainian, Excel: true},
	} {
		t.Run(name, func(t *testing.T) {
			tb := writeTables(t, cs, opts)
			back, err := export.ReadCaseTables(tb.fs(), "t")
			require.NoError(t, err)
			assert.Equal(t, cs, back, "cases → CSV → cases gives equal cases")
			if opts.Excel {
				assert.True(t, bytes.HasPrefix(tb.cases.Bytes(), []byte("\ufeff")), "byte-order mark")
				assert.Contains(t, tb.cases.String(), "\r\n")
			}
		})
	}
}

func TestCaseTablesGolden(t *testing.T) {
	tb := writeTables(t, sampleCases(t), export.CSVOptions{})
	for name, got := range map[string][]byte{"cases": tb.cases.Bytes(), "episodes": tb.eps.Bytes(), "family": tb.fam.Bytes(), "events": tb.evs.Bytes()} {
		golden.Check(t, "tables-"+name+".csv", got)
	}
}

func TestMaliciousCells(t *testing.T) {
	c := sampleCases(t)[0]
	evil := []string{"=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A9)", "\tTAB", "\rCR", "'quoted", "''twice", "плюс=ok"}
	c.Person.Name = evil[0]
	c.Note = strings.Join(evil, " ")
	c.Family[0].Name = evil[3]
	for i := range c.Events {
		c.Events[i].Note = evil[i%len(evil)]
	}
	tb := writeTables(t, []prisoner.Case{c}, export.CSVOptions{})
	for _, table := range []*bytes.Buffer{&tb.cases, &tb.fam, &tb.evs} {
		recs, err := csv.NewReader(bytes.NewReader(table.Bytes())).ReadAll()
		require.NoError(t, err)
		for _, rec := range recs {
			for _, cell := range rec {
				if cell != "" {
					assert.NotContains(t, "=+-@\t\r", cell[:1], "no cell starts like a formula: %q", cell)
				}
			}
		}
	}
	back, err := export.ReadCaseTables(tb.fs(), "t")
	require.NoError(t, err)
	assert.Equal(t, []prisoner.Case{c}, back, "neutralised cells come back unchanged")
}

func TestRedact(t *testing.T) {
	cs := sampleCases(t)
	tb := writeTables(t, cs, export.CSVOptions{Redact: true})
	back, err := export.ReadCaseTables(tb.fs(), "t")
	require.NoError(t, err)
	require.Len(t, back, len(cs))
	for i, c := range back {
		assert.Empty(t, c.Person.Name)
		assert.Empty(t, c.Person.RNOKPP)
		assert.True(t, c.Person.BirthDate.IsZero())
		for _, m := range c.Family {
			assert.Empty(t, m.Name)
			assert.True(t, m.BirthDate.IsZero())
		}
		// Every figure stays: the same decisions.
		a, err := aid.Evaluate(cs[i], aid.Default())
		require.NoError(t, err)
		b, err := aid.Evaluate(c, aid.Default())
		require.NoError(t, err)
		assert.Equal(t, a.Decisions, b.Decisions)
	}
	assert.NotContains(t, tb.cases.String(), "Тестенко")
	assert.NotContains(t, tb.cases.String(), "3123456789")
}

func TestReaderReportsEveryBadRow(t *testing.T) {
	files := fstest.MapFS{
		"d/cases.csv": {Data: []byte("case_id,citizenship,note\nA,UA,\nB,XX1,\nC,UA,\n")},
		"d/episodes.csv": {Data: []byte("case_id,episode_id,category,captured\n" +
			"A,e1,civilian,2023-02-30\n" + // impossible date
			"B,e1,spy,2022-03-01\n" + // unknown category
			"C,e1,civilian,2022-03-01\n")},
		"d/events.csv": {Data: []byte("case_id,seq,date,kind,episode,party,aid\n" +
			"A,1,2023-05-01,claim,e1,f9,release\n" + // claimant who does not exist
			"C,x,2023-05-01,application,e1,person,\n")}, // seq not a number
	}
	cs, err := export.ReadCaseTables(files, "d")
	assert.Nil(t, cs, "nothing is half-imported")
	var te *export.TableError
	require.ErrorAs(t, err, &te)
	require.ErrorIs(t, err, export.ErrTable)
	got := map[string]bool{}
	for _, p := range te.Problems {
		got[p.File+":"+itoa(p.Line)+":"+p.Header] = true
		assert.NotEmpty(t, p.Message.UK)
	}
	for _, want := range []string{
		"d/episodes.csv:2:captured", "d/events.csv:2:party",
		"d/cases.csv:3:citizenship", "d/episodes.csv:3:category",
		"d/events.csv:3:seq",
	} {
		assert.True(t, got[want], "missing problem at %s; got %v", want, got)
	}
	for _, l := range te.Lines("en") {
		assert.NotContains(t, l, "XX1", "messages do not quote cells")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestReaderStructuralErrors(t *testing.T) {
	tests := map[string]fstest.MapFS{
		"unknown column": {"d/cases.csv": {Data: []byte("case_id,nickname\nA,x\n")}},
		"no case_id":     {"d/cases.csv": {Data: []byte("citizenship\nUA\n")}},
		"field count":    {"d/cases.csv": {Data: []byte("case_id,citizenship\nA,UA,extra\n")}},
		"bare quote":     {"d/cases.csv": {Data: []byte("case_id,citizenship\nA\"x,UA\n")}},
		"orphan rows": {"d/cases.csv": {Data: []byte("case_id,citizenship\nA,UA\n")},
			"d/episodes.csv": {Data: []byte("case_id,episode_id,category,captured\nZ,e1,civilian,2022-03-01\nA,e1,civilian,2022-03-01\n")}},
		"duplicate ids": {"d/cases.csv": {Data: []byte("case_id,citizenship\nA,UA\nB,UA\nA,UA\n")},
			"d/episodes.csv": {Data: []byte("case_id,episode_id,category,captured\nA,e1,civilian,2022-03-01\nB,e1,civilian,2022-03-01\nA,e1,civilian,2022-03-01\n")}},
		"empty file":    {"d/cases.csv": {Data: []byte("")}},
		"missing cases": {"d/episodes.csv": {Data: []byte("case_id\n")}},
	}
	for name, fsys := range tests {
		t.Run(name, func(t *testing.T) {
			cs, err := export.ReadCaseTables(fsys, "d")
			assert.Nil(t, cs)
			assert.Error(t, err)
		})
	}
}

func evaluateAll(t testing.TB) []*aid.Result {
	var out []*aid.Result
	k := aid.New(aid.Default())
	for _, c := range sampleCases(t) {
		r, err := k.Evaluate(c)
		require.NoError(t, err)
		out = append(out, r)
	}
	return out
}

func TestReportsGoldenAndDeterministic(t *testing.T) {
	results := evaluateAll(t)
	write := func() (map[string][]byte, []byte) {
		bufs := map[string]*bytes.Buffer{}
		for _, n := range []string{"status", "timeline", "decisions", "entitlements", "recoveries"} {
			bufs[n] = &bytes.Buffer{}
		}
		w := export.NewReportCSVWriter(export.ReportTables{Status: bufs["status"], Timeline: bufs["timeline"], Decisions: bufs["decisions"],
			Entitlements: bufs["entitlements"], Recoveries: bufs["recoveries"]}, asOf, export.CSVOptions{})
		var js bytes.Buffer
		jw := export.NewJSONWriter(&js, asOf)
		for _, r := range results {
			require.NoError(t, w.Write(r))
			require.NoError(t, jw.Write(r))
		}
		require.NoError(t, w.Flush())
		require.NoError(t, jw.Flush())
		out := map[string][]byte{}
		for n, b := range bufs {
			out[n] = b.Bytes()
		}
		return out, js.Bytes()
	}
	csvs, js := write()
	csvs2, js2 := write()
	assert.Equal(t, csvs, csvs2, "same input, same bytes")
	assert.Equal(t, js, js2, "same input, same bytes")
	for n, b := range csvs {
		golden.Check(t, "report-"+n+".csv", b)
	}
	golden.Check(t, "report.jsonl", js)
}

func TestReportHeadersInUkrainian(t *testing.T) {
	var buf bytes.Buffer
	w := export.NewReportCSVWriter(export.ReportTables{Decisions: &buf}, asOf, export.CSVOptions{Headers: export.Ukrainian, Excel: true})
	for _, r := range evaluateAll(t) {
		require.NoError(t, w.Write(r))
	}
	require.NoError(t, w.Flush())
	first, _, _ := strings.Cut(buf.String(), "\r\n")
	assert.True(t, strings.HasPrefix(first, "\ufeffідентифікатор справи,№ звернення"), first)
	assert.Contains(t, buf.String(), "вже виплачено або призначено")
}

func compile(t *testing.T, schema []byte) *jsonschema.Schema {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema))
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	require.NoError(t, c.AddResource("s.json", doc))
	s, err := c.Compile("s.json")
	require.NoError(t, err)
	return s
}

func TestJSONReportsMatchSchema(t *testing.T) {
	sch := compile(t, export.ReportSchema())
	var js bytes.Buffer
	jw := export.NewJSONWriter(&js, asOf)
	for _, r := range evaluateAll(t) {
		require.NoError(t, jw.Write(r))
	}
	require.NoError(t, jw.Flush())
	lines := strings.Split(strings.TrimSpace(js.String()), "\n")
	require.Len(t, lines, 13, "one line per case")
	for i, line := range lines {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(line))
		require.NoError(t, err)
		assert.NoError(t, sch.Validate(inst), "line %d", i+1)
	}
	// The schema is not vacuous: an amount as a number fails it.
	bad := strings.Replace(lines[0], `"amount":"100000.00"`, `"amount":100000`, 1)
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
	require.NoError(t, err)
	assert.Error(t, sch.Validate(inst))
	// And the case file written by prisoner.Encode matches the case schema.
	caseSch := compile(t, prisoner.Schema())
	var cf bytes.Buffer
	require.NoError(t, prisoner.Encode(&cf, sampleCases(t), prisoner.EncodeOptions{}))
	inst, err = jsonschema.UnmarshalJSON(&cf)
	require.NoError(t, err)
	assert.NoError(t, caseSch.Validate(inst))
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

func TestStickyError(t *testing.T) {
	w := export.NewReportCSVWriter(export.ReportTables{Decisions: failWriter{}}, asOf, export.CSVOptions{})
	for _, r := range evaluateAll(t) {
		_ = w.Write(r)
	}
	assert.ErrorIs(t, w.Flush(), os.ErrClosed)
	assert.ErrorIs(t, w.Flush(), os.ErrClosed, "the error is sticky")
	jw := export.NewJSONWriter(failWriter{}, asOf)
	_ = jw.Write(evaluateAll(t)[0])
	assert.ErrorIs(t, jw.Flush(), os.ErrClosed)
}

// genCase draws a valid case with free text in every text field.
func genCase(t *rapid.T, id string) prisoner.Case {
	text := rapid.StringMatching(`[=+\-@'\t a-zA-Zа-яА-ЯіїєґІЇЄҐ0-9,;"\n]{0,12}`)
	captured := civil.MustParse("2014-03-01").AddDays(rapid.IntRange(0, 4000).Draw(t, "captured"))
	c := prisoner.Case{ID: id, Note: text.Draw(t, "note"),
		Person:   prisoner.Person{Citizenship: "UA", Name: text.Draw(t, "name")},
		Episodes: []prisoner.Episode{{ID: "e1", Category: prisoner.Civilian, Captured: captured, EarlyDateReason: text.Draw(t, "reason")}},
	}
	if rapid.Bool().Draw(t, "released") {
		c.Episodes[0].Released = captured.AddDays(rapid.IntRange(0, 900).Draw(t, "held"))
		c.Episodes[0].ReleaseKind = prisoner.Exchange
	}
	for i := range rapid.IntRange(0, 3).Draw(t, "family") {
		c.Family = append(c.Family, prisoner.FamilyMember{ID: "f" + strconv.Itoa(i+1), Relation: prisoner.Relation(rapid.IntRange(1, 9).Draw(t, "rel")), Name: text.Draw(t, "fname")})
	}
	for i := range rapid.IntRange(0, 4).Draw(t, "events") {
		ev := prisoner.Event{Seq: i + 1, Date: captured.AddDays(i), Kind: prisoner.Claim, Episode: "e1", Aid: prisoner.AidKind(rapid.IntRange(1, 6).Draw(t, "aid")),
			Party: prisoner.PartyPerson, Note: text.Draw(t, "enote")}
		if rapid.Bool().Draw(t, "missing") {
			ev.Missing = []string{"bank_account", "passport"}
		}
		c.Events = append(c.Events, ev)
	}
	return c
}

// genCases draws one to four valid cases with IDs prefix0, prefix1, ….
func genCases(rt *rapid.T, prefix string) []prisoner.Case {
	var cs []prisoner.Case
	for i := range rapid.IntRange(1, 4).Draw(rt, "cases") {
		c := genCase(rt, prefix+strconv.Itoa(i))
		if c.Validate() != nil {
			rt.Skip("invalid draw")
		}
		cs = append(cs, c)
	}
	return cs
}

func TestPropertyCaseTablesRoundTrip(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		cs := genCases(rt, "P")
		tb := writeTables(rt, cs, export.CSVOptions{Excel: rapid.Bool().Draw(rt, "excel")})
		back, err := export.ReadCaseTables(tb.fs(), "t")
		if err != nil {
			rt.Fatalf("read back: %v", err)
		}
		if !assert.ObjectsAreEqual(cs, back) {
			rt.Fatalf("round trip differs:\n%#v\n%#v", cs, back)
		}
	})
}

func FuzzCaseTablesRoundTrip(f *testing.F) {
	f.Add("=cmd|' /C calc'!A0", "плюс", "'")
	f.Add("", "+", "a,b\"c\nd")
	f.Add("a\x00b\x00", "\xff", "") // not UTF-8, with NUL bytes: not taken for UTF-16
	f.Fuzz(func(t *testing.T, name, note, evNote string) {
		c := sampleCases(t)[0]
		c.Person.Name, c.Note, c.Events[0].Note = name, note, evNote
		if c.Validate() != nil {
			return
		}
		tb := writeTables(t, []prisoner.Case{c}, export.CSVOptions{})
		back, err := export.ReadCaseTables(tb.fs(), "t")
		if !utf8.ValidString(name) || !utf8.ValidString(note) || !utf8.ValidString(evNote) {
			// Text that is not UTF-8 is refused, never rewritten.
			require.ErrorIs(t, err, export.ErrTable)
			assert.Regexp(t, "is not UTF-8|looks like UTF-16", err.Error())
			return
		}
		if err != nil {
			// encoding/csv cannot keep a lone \r (it reads it as a line end)
			if strings.ContainsRune(name+note+evNote, '\r') {
				return
			}
			t.Fatalf("read back: %v", err)
		}
		if strings.ContainsRune(name+note+evNote, '\r') {
			return
		}
		assert.Equal(t, []prisoner.Case{c}, back)
	})
}

func FuzzCaseTablesReader(f *testing.F) {
	tb := writeTables(f, sampleCases(f), export.CSVOptions{})
	f.Add(tb.cases.Bytes(), tb.eps.Bytes(), tb.evs.Bytes())
	f.Add([]byte("case_id\n"), []byte("x"), []byte("\"\n"))
	f.Fuzz(func(t *testing.T, cases, eps, evs []byte) {
		fsys := fstest.MapFS{"t/cases.csv": {Data: cases}, "t/episodes.csv": {Data: eps}, "t/events.csv": {Data: evs}}
		cs, err := export.ReadCaseTables(fsys, "t")
		if err != nil {
			return
		}
		for _, c := range cs {
			if err := c.Validate(); err != nil {
				t.Fatalf("the reader returned an invalid case: %v", err)
			}
		}
	})
}

// Writing a million decisions does not grow the heap with the count.
func TestWriterMemoryIsConstant(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a million rows")
	}
	r := evaluateAll(t)[0] // three decisions per result
	w := export.NewReportCSVWriter(export.ReportTables{Decisions: discard{}}, asOf, export.CSVOptions{})
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	for i := 0; i < 10_000; i++ {
		require.NoError(t, w.Write(r))
	}
	before := heap()
	const results = 333_334 // × 3 decisions = 1,000,002 rows
	for i := 0; i < results; i++ {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	require.NoError(t, w.Flush())
	after := heap()
	growth := int64(after) - int64(before)
	t.Logf("heap before %d B, after %d B, growth %d B over 1,000,002 decision rows", before, after, growth)
	assert.Less(t, growth, int64(1<<20), "heap grows less than 1 MiB")
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

func BenchmarkWriteDecisions(b *testing.B) {
	r := evaluateAll(b)[0]
	w := export.NewReportCSVWriter(export.ReportTables{Decisions: discard{}}, asOf, export.CSVOptions{})
	b.ReportAllocs()
	for b.Loop() {
		if err := w.Write(r); err != nil {
			b.Fatal(err)
		}
	}
	require.NoError(b, w.Flush())
}

func TestPropertyCaseFileRoundTrip(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		cs := genCases(rt, "J")
		var buf bytes.Buffer
		if err := prisoner.Encode(&buf, cs, prisoner.EncodeOptions{Lines: rapid.Bool().Draw(rt, "lines")}); err != nil {
			rt.Fatal(err)
		}
		back, err := prisoner.Decode(&buf, prisoner.DecodeOptions{})
		if err != nil {
			rt.Fatalf("decode: %v", err)
		}
		if !assert.ObjectsAreEqual(cs, back) {
			rt.Fatalf("JSON round trip differs")
		}
	})
}

// The review's reproductions: a zero TableError and a CaseTablesWriter
// with tables left nil used to panic. Nil tables are skipped.
func TestZeroErrorsAndNilTables(t *testing.T) {
	assert.NotEmpty(t, (&export.TableError{}).Error())
	assert.Empty(t, (&export.TableError{}).Lines("uk"))
	var cases bytes.Buffer
	w := export.NewCaseTablesWriter(export.Tables{Cases: &cases}, export.CSVOptions{})
	cs, err := samples.Cases()
	require.NoError(t, err)
	for _, c := range cs {
		require.NoError(t, w.Write(c))
	}
	require.NoError(t, w.Flush())
	assert.Equal(t, len(cs)+1, strings.Count(cases.String(), "\n"))
	r := export.NewReportCSVWriter(export.ReportTables{}, civil.MustNew(2026, 1, 1), export.CSVOptions{})
	res, err := aid.Evaluate(cs[0], aid.Default())
	require.NoError(t, err)
	require.NoError(t, r.Write(res))
	require.NoError(t, r.Flush())
}

func BenchmarkWriteJSONReport(b *testing.B) {
	r := evaluateAll(b)[0]
	w := export.NewJSONWriter(discard{}, asOf)
	b.ReportAllocs()
	for b.Loop() {
		if err := w.Write(r); err != nil {
			b.Fatal(err)
		}
	}
	require.NoError(b, w.Flush())
}

// JSONWriter writes each report as json.Marshal writes the Report, byte
// for byte (it encodes a plain copy, faster).
func TestJSONWriterMatchesMarshalOfReport(t *testing.T) {
	rs := evaluateAll(t)
	var got bytes.Buffer
	w := export.NewJSONWriter(&got, asOf)
	var want bytes.Buffer
	for _, r := range rs {
		require.NoError(t, w.Write(r))
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		require.NoError(t, enc.Encode(export.NewReport(r, asOf)))
	}
	require.NoError(t, w.Flush())
	assert.Equal(t, want.String(), got.String())
}

// A case ID repeated on rows of cases.csv that are not next to each other
// is a problem of the later case, naming the earlier line (issue: a case
// counted twice).
func TestCaseTablesReaderRepeatedIDAnywhere(t *testing.T) {
	src := export.Sources{
		Cases:    strings.NewReader("case_id,citizenship\nA,UA\nB,UA\nA,UA\n"),
		Episodes: strings.NewReader("case_id,episode_id,category,captured\nA,e1,civilian,2023-02-10\nB,e1,civilian,2023-02-10\nA,e1,civilian,2023-02-10\n"),
	}
	r := export.NewCaseTablesReader(src)
	var ids []string
	var probs []export.CellProblem
	for {
		c, err := r.Next()
		if err == io.EOF {
			break
		}
		var te *export.TableError
		if errors.As(err, &te) {
			probs = append(probs, te.Problems...)
			continue
		}
		require.NoError(t, err)
		ids = append(ids, c.ID)
	}
	assert.Equal(t, []string{"A", "B"}, ids)
	require.Len(t, probs, 1)
	assert.Equal(t, 4, probs[0].Line)
	assert.Equal(t, prisoner.CodeDuplicate, probs[0].Code)
	assert.Contains(t, probs[0].Message.EN, "line 2")
}

// The case tables must be UTF-8, checked as the bytes are read: however
// the reads cut the characters, Cyrillic passes, a Latin-1 byte is named
// with its line, and UTF-16 is named as such.
func TestCaseTablesEncoding(t *testing.T) {
	read := func(cases string, oneByte bool) ([]prisoner.Case, error) {
		var r io.Reader = strings.NewReader(cases)
		if oneByte {
			r = iotest.OneByteReader(r)
		}
		var out []prisoner.Case
		tr := export.NewCaseTablesReader(export.Sources{Cases: r,
			Episodes: strings.NewReader("case_id,episode_id,category,captured\nA,e1,civilian,2023-02-10\nB,e1,civilian,2023-02-10\n")})
		for {
			c, err := tr.Next()
			if err == io.EOF {
				return out, nil
			}
			if err != nil {
				return out, err
			}
			out = append(out, c)
		}
	}
	for _, oneByte := range []bool{false, true} {
		cs, err := read("case_id,citizenship,name\nA,UA,Коваленко Оксана\nB,UA,Їжак Ґанна\n", oneByte)
		require.NoError(t, err)
		require.Len(t, cs, 2)
		assert.Equal(t, "Їжак Ґанна", cs[1].Person.Name)
		_, err = read("case_id,citizenship,name\nA,UA,Ok\nB,UA,Ren\xe9\n", oneByte)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "cases.csv:3: byte 0xE9 is not UTF-8")
	}
	for _, u16 := range []string{"\xff\xfec\x00a\x00s\x00e\x00", "c\x00a\x00s\x00e\x00_\x00i\x00d\x00\n\x00"} {
		_, err := read(u16, false)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "looks like UTF-16 little-endian", "%q", u16)
	}
}

// A problem of a case's rows as a whole names the table and its field
// (issue: messages that name no field).
func TestListProblemsNameTheirTable(t *testing.T) {
	r := export.NewCaseTablesReader(export.Sources{Cases: strings.NewReader("case_id,citizenship\nA,UA\n")})
	_, err := r.Next()
	var te *export.TableError
	require.ErrorAs(t, err, &te)
	require.NotEmpty(t, te.Problems)
	assert.Equal(t, export.EpisodesFile, te.Problems[0].File)
	assert.Equal(t, "episodes", te.Problems[0].Header)
	assert.Equal(t, prisoner.CodeRequired, te.Problems[0].Code)
}
