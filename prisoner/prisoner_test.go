package prisoner_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/internal/samples"
	"github.com/uacaptivity/captivity/internal/synth"
	"github.com/uacaptivity/captivity/prisoner"
)

func validCase() prisoner.Case {
	return prisoner.Case{
		ID:     "T-1",
		Person: prisoner.Person{Citizenship: "UA"},
		Episodes: []prisoner.Episode{{
			ID: "e1", Category: prisoner.Military, ServingAtCapture: true,
			Captured: civil.MustParse("2022-03-20"),
		}},
		Family: []prisoner.FamilyMember{{ID: "f1", Relation: prisoner.Spouse}},
		Events: []prisoner.Event{
			{Seq: 1, Date: civil.MustParse("2022-12-05"), Kind: prisoner.Application, Episode: "e1", Party: "f1"},
			{Seq: 2, Date: civil.MustParse("2023-02-14"), Kind: prisoner.Decision, Episode: "e1", Decision: prisoner.Establish},
			{Seq: 3, Date: civil.MustParse("2023-03-01"), Kind: prisoner.Claim, Episode: "e1", Aid: prisoner.Annual, Party: "f1"},
			{Seq: 4, Date: civil.MustParse("2023-03-05"), Kind: prisoner.Payment, Episode: "e1", Aid: prisoner.Annual, Party: "f1",
				Year: 1, Amount: "100000.00", Regime: prisoner.Law2022},
		},
	}
}

type problem struct {
	path string
	code prisoner.Code
}

func problemsOf(t *testing.T, err error) []problem {
	t.Helper()
	var ve *prisoner.ValidationError
	require.ErrorAs(t, err, &ve)
	require.ErrorIs(t, err, prisoner.ErrInvalid)
	var out []problem
	for _, f := range ve.Fields {
		assert.NotEmpty(t, f.Message.UK, f.Path)
		assert.NotEmpty(t, f.Message.EN, f.Path)
		out = append(out, problem{f.Path, f.Code})
	}
	return out
}

func TestValidateSamples(t *testing.T) {
	cs, err := samples.Cases()
	require.NoError(t, err)
	for _, c := range cs {
		assert.NoError(t, c.Validate(), c.ID)
	}
	c := validCase()
	assert.NoError(t, c.Validate())
}

func TestValidateProblems(t *testing.T) {
	d := civil.MustParse
	tests := []struct {
		name, rule string
		edit       func(c *prisoner.Case)
		want       []problem
	}{
		{"missing id and episodes", "the case needs an ID and an episode",
			func(c *prisoner.Case) { c.ID = ""; c.Episodes = nil; c.Events = nil },
			[]problem{{"id", prisoner.CodeRequired}, {"episodes", prisoner.CodeRequired}}},
		{"release before capture", "release not before capture",
			func(c *prisoner.Case) {
				c.Episodes[0].Released = d("2022-03-19")
				c.Episodes[0].ReleaseKind = prisoner.Exchange
			},
			[]problem{{"episodes[0].released", prisoner.CodeOrder}}},
		{"death before capture", "death not before capture",
			func(c *prisoner.Case) { c.Episodes[0].Died = d("2021-01-01") },
			[]problem{{"episodes[0].died", prisoner.CodeOrder}}},
		{"death before release", "death after release",
			func(c *prisoner.Case) {
				c.Episodes[0].Released = d("2023-01-01")
				c.Episodes[0].ReleaseKind = prisoner.Exchange
				c.Episodes[0].Died = d("2022-12-31")
			},
			[]problem{{"episodes[0].died", prisoner.CodeOrder}}},
		{"release without kind", "a release whose kind is not known is allowed (no rule turns on it)",
			func(c *prisoner.Case) { c.Episodes[0].Released = d("2023-01-01") },
			nil},
		{"capture before 2014-02-20", "Law 2010-IX Art. 17(6): after 20 February 2014",
			func(c *prisoner.Case) { c.Episodes[0].Captured = d("2014-02-19"); c.Events = nil },
			[]problem{{"episodes[0].captured", prisoner.CodeEarly}}},
		{"capture on 2014-02-20 passes validation", "the rules, not validation, decide 'after'",
			func(c *prisoner.Case) { c.Episodes[0].Captured = d("2014-02-20") }, nil},
		{"early capture with a reason", "early_date_reason",
			func(c *prisoner.Case) {
				c.Episodes[0].Captured = d("2013-11-30")
				c.Episodes[0].EarlyDateReason = "testing"
			}, nil},
		{"claimant who does not exist", "a claimant names an existing family member",
			func(c *prisoner.Case) { c.Events[2].Party = "f9" },
			[]problem{{"events[2].party", prisoner.CodeReference}}},
		{"event of an unknown episode", "events refer to existing episodes",
			func(c *prisoner.Case) { c.Events[0].Episode = "e7" },
			[]problem{{"events[0].episode", prisoner.CodeReference}}},
		{"duplicate seq", "registration sequence is unique",
			func(c *prisoner.Case) { c.Events[1].Seq = 1 },
			[]problem{{"events[1].seq", prisoner.CodeDuplicate}}},
		{"bad RNOKPP check digit", "RNOKPP check digit",
			func(c *prisoner.Case) { c.Person.RNOKPP = "3123456788" },
			[]problem{{"person.rnokpp", prisoner.CodeChecksum}}},
		{"RNOKPP not digits", "RNOKPP is 10 digits",
			func(c *prisoner.Case) { c.Family[0].RNOKPP = "12345" },
			[]problem{{"family[0].rnokpp", prisoner.CodeInvalid}}},
		{"bad country", "ISO 3166-1 alpha-2",
			func(c *prisoner.Case) { c.Person.Citizenship = "UKR" },
			[]problem{{"person.citizenship", prisoner.CodeCountry}}},
		{"no citizenship", "citizenship or stateless",
			func(c *prisoner.Case) { c.Person.Citizenship = "" },
			[]problem{{"person.citizenship", prisoner.CodeRequired}}},
		{"claim decided before it was filed", "a claim is decided on or after the day it is filed",
			func(c *prisoner.Case) { c.Events[2].Decided = c.Events[2].Date.AddDays(-1) },
			[]problem{{"events[2].decided", prisoner.CodeOrder}}},
		{"decided on a payment", "decided belongs to claims",
			func(c *prisoner.Case) { c.Events[3].Decided = c.Events[3].Date },
			[]problem{{"events[3].decided", prisoner.CodeNotAllowed}}},
		{"a document both present and missing", "no document is both present and missing",
			func(c *prisoner.Case) {
				c.Events[2].Missing = []string{"bank_account"}
				c.Events[2].Documents = []string{"joint_centre_certificate", "bank_account"}
			},
			[]problem{{"events[2].documents[1]", prisoner.CodeConflict}}},
		{"documents on a payment", "documents belong to applications and claims",
			func(c *prisoner.Case) { c.Events[3].Documents = []string{"victim_status"} },
			[]problem{{"events[3].documents", prisoner.CodeNotAllowed}}},
		{"person_ref with a line break", "person_ref is printable ASCII",
			func(c *prisoner.Case) { c.Family[0].PersonRef = "P-1\n" },
			[]problem{{"family[0].person_ref", prisoner.CodeInvalid}}},
		{"amount on a claim", "fields belong to their kind",
			func(c *prisoner.Case) { c.Events[2].Amount = "1.00" },
			[]problem{{"events[2].amount", prisoner.CodeNotAllowed}}},
		{"payment amount with a comma", "amounts have two decimals and a dot",
			func(c *prisoner.Case) { c.Events[3].Amount = "100000,00" },
			[]problem{{"events[3].amount", prisoner.CodeAmount}}},
		{"payment regime mismatch", "aid kind and regime agree",
			func(c *prisoner.Case) { c.Events[3].Regime = prisoner.Reg2018 },
			[]problem{{"events[3].regime", prisoner.CodeConflict}}},
		{"annual payment without year", "a payment names its year",
			func(c *prisoner.Case) { c.Events[3].Year = 0 },
			[]problem{{"events[3].year", prisoner.CodeRequired}}},
		{"decision without kind", "decisions say what was decided",
			func(c *prisoner.Case) { c.Events[1].Decision = 0 },
			[]problem{{"events[1].decision", prisoner.CodeRequired}}},
		{"invalidation without ground", "Art. 4(8) names the ground",
			func(c *prisoner.Case) { c.Events[1].Decision = prisoner.Invalidate },
			[]problem{{"events[1].ground", prisoner.CodeRequired}}},
		{"event before capture", "no application before the deprivation",
			func(c *prisoner.Case) { c.Events[0].Date = d("2022-03-01") },
			[]problem{{"events[0].date", prisoner.CodeOrder}}},
		{"notified before decided", "notification after the decision",
			func(c *prisoner.Case) { c.Events[1].Notified = d("2023-02-13") },
			[]problem{{"events[1].notified", prisoner.CodeOrder}}},
		{"reserved member id", "party names are reserved",
			func(c *prisoner.Case) {
				c.Family[0].ID = "person"
				c.Events[0].Party = "person"
				c.Events[2].Party = "person"
				c.Events[3].Party = "person"
			},
			[]problem{{"family[0].id", prisoner.CodeInvalid}}},
		{"overlapping episodes", "a second capture follows a release",
			func(c *prisoner.Case) {
				c.Episodes = append(c.Episodes, prisoner.Episode{ID: "e2", Category: prisoner.Civilian, Captured: d("2023-01-01")})
			},
			[]problem{{"episodes[1].captured", prisoner.CodeOrder}}},
		{"unknown enum value", "codes are known",
			func(c *prisoner.Case) { c.Episodes[0].Category = 77 },
			[]problem{{"episodes[0].category", prisoner.CodeInvalid}}},
		{"divorce before marriage", "relation ends after it begins",
			func(c *prisoner.Case) { c.Family[0].Since = d("2020-01-01"); c.Family[0].Ended = d("2019-01-01") },
			[]problem{{"family[0].ended", prisoner.CodeOrder}}},
		{"many problems at once", "every problem is listed",
			func(c *prisoner.Case) {
				c.Person.RNOKPP = "3123456788"
				c.Events[2].Party = "nobody"
				c.Family[0].Relation = 0
			},
			[]problem{{"family[0].relation", prisoner.CodeRequired}, {"person.rnokpp", prisoner.CodeChecksum}, {"events[2].party", prisoner.CodeReference}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := validCase()
			tt.edit(&c)
			err := c.Validate()
			if tt.want == nil {
				require.NoError(t, err, tt.rule)
				return
			}
			assert.ElementsMatch(t, tt.want, problemsOf(t, err), tt.rule)
		})
	}
}

func TestValidationMessageText(t *testing.T) {
	c := validCase()
	c.Person.RNOKPP = "3123456788"
	err := c.Validate()
	assert.Equal(t, "invalid case: person.rnokpp: has a wrong check digit (1 problem(s))", err.Error())
	assert.NotContains(t, err.Error(), "3123456788", "messages carry no personal data")
}

func TestRNOKPP(t *testing.T) {
	assert.True(t, prisoner.ValidRNOKPP("3123456789"))
	assert.True(t, prisoner.ValidRNOKPP("2987654320"))
	assert.False(t, prisoner.ValidRNOKPP("2987654321"))
	assert.False(t, prisoner.ValidRNOKPP("298765432"))
	assert.False(t, prisoner.ValidRNOKPP("29876543a0"))
}

func decode(s string) ([]prisoner.Case, error) {
	return prisoner.Decode(strings.NewReader(s), prisoner.DecodeOptions{})
}

const minimal = `{"id":"%s","person":{"citizenship":"UA"},"episodes":[{"id":"e1","category":"civilian","captured":"2022-03-01"}]}`

func one(id string) string { return strings.Replace(minimal, "%s", id, 1) }

func TestDecodeForms(t *testing.T) {
	for name, in := range map[string]string{
		"object":      one("A"),
		"array":       "[" + one("A") + "," + one("B") + "]",
		"json lines":  one("A") + "\n" + one("B") + "\n",
		"array space": "\n [ " + one("A") + " ] \n",
	} {
		t.Run(name, func(t *testing.T) {
			cs, err := decode(in)
			require.NoError(t, err)
			assert.Equal(t, "A", cs[0].ID)
		})
	}
}

func fileErr(t *testing.T, err error) *prisoner.FileError {
	t.Helper()
	var fe *prisoner.FileError
	require.ErrorAs(t, err, &fe)
	require.ErrorIs(t, err, prisoner.ErrInvalid)
	return fe
}

func TestDecodeRejects(t *testing.T) {
	tests := []struct {
		name      string
		give      string
		line, col int
		paths     []string
	}{
		{name: "syntax error", give: "[\n" + one("A") + ",\n{\"id\": }\n]", line: 3, col: 8},
		{name: "unclosed", give: "[" + one("A"), line: 1},
		{name: "trailing garbage after array", give: "[" + one("A") + "] x", line: 1},
		{name: "trailing garbage after object", give: one("A") + " ]", line: 1},
		{name: "empty", give: "  \n", line: 1, col: 1},
		{name: "not an object", give: "42", line: 1, col: 1},
		{name: "unknown field", give: `{"id":"A","person":{"citizenship":"UA","nickname":"x"},"episodes":[{"id":"e1","category":"civilian","captured":"2022-03-01"}]}`,
			paths: []string{"person"}},
		{name: "impossible date and missing claimant", give: `{"id":"A","person":{"citizenship":"UA"},
			"episodes":[{"id":"e1","category":"civilian","captured":"2023-02-30"}],
			"events":[{"seq":1,"date":"2023-05-01","kind":"claim","episode":"e1","aid":"release","party":"f4"}]}`,
			paths: []string{"episodes[0].captured", "events[0].party"}},
		{name: "wrong types", give: `{"id":7,"person":{"citizenship":"UA","stateless":"no"},"episodes":[{"id":"e1","category":"spy","captured":"2022-03-01"}]}`,
			paths: []string{"id", "person.stateless", "episodes[0].category"}},
		{name: "duplicate case ids", give: "[" + one("A") + "," + one("A") + "]", paths: []string{"id"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs, err := decode(tt.give)
			assert.Nil(t, cs, "nothing is half-decoded")
			fe := fileErr(t, err)
			if tt.paths == nil {
				require.Error(t, fe.Err)
				assert.Equal(t, tt.line, fe.Line)
				if tt.col != 0 {
					assert.Equal(t, tt.col, fe.Column)
				}
				return
			}
			var got []string
			for _, c := range fe.Cases {
				for _, f := range c.Fields {
					got = append(got, f.Path)
				}
			}
			assert.ElementsMatch(t, tt.paths, got)
			assert.NotEmpty(t, fe.Lines("uk"))
		})
	}
}

// The size limit is per case, not per file: a file of many cases each
// under the limit reads; one case over it stops the reading with its line.
func TestDecodeTooLarge(t *testing.T) {
	a, b := one("A"), one("B")
	in := "[" + a + ",\n" + b + "]"
	_, err := prisoner.Decode(strings.NewReader(in), prisoner.DecodeOptions{MaxCaseBytes: 50})
	fe := fileErr(t, err)
	assert.ErrorIs(t, fe, prisoner.ErrTooLarge)
	assert.Equal(t, 1, fe.Line)
	cs, err := prisoner.Decode(strings.NewReader(in), prisoner.DecodeOptions{MaxCaseBytes: max(len(a), len(b))})
	assert.NoError(t, err, "exactly at the limit is allowed")
	assert.Len(t, cs, 2)
	_, err = prisoner.Decode(strings.NewReader("[\n"+a+",\n"+b+strings.Repeat(" ", 0)+"]"), prisoner.DecodeOptions{MaxCaseBytes: len(a)})
	if len(b) > len(a) {
		fe = fileErr(t, err)
		assert.Equal(t, 3, fe.Line, "the case over the limit is named by its line")
	}
}

func TestDecodeCase(t *testing.T) {
	c, err := prisoner.DecodeCase([]byte(one("Z")))
	require.NoError(t, err)
	assert.Equal(t, "Z", c.ID)
	_, err = prisoner.DecodeCase([]byte(one("Z") + one("Y")))
	assert.ErrorIs(t, err, prisoner.ErrInvalid)
	_, err = prisoner.DecodeCase([]byte(`{"id":"Z"}`))
	var ve *prisoner.ValidationError
	require.ErrorAs(t, err, &ve)
}

func TestRoundTrip(t *testing.T) {
	cs, err := samples.Cases()
	require.NoError(t, err)
	for _, lines := range []bool{false, true} {
		var buf bytes.Buffer
		require.NoError(t, prisoner.Encode(&buf, cs, prisoner.EncodeOptions{Lines: lines}))
		back, err := prisoner.Decode(&buf, prisoner.DecodeOptions{})
		require.NoError(t, err)
		assert.Equal(t, cs, back)
	}
}

func TestSchemaAcceptsSamplesAndRejectsUnknownFields(t *testing.T) {
	compiler := jsonschema.NewCompiler()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(prisoner.Schema()))
	require.NoError(t, err)
	require.NoError(t, compiler.AddResource("case.schema.json", doc))
	sch, err := compiler.Compile("case.schema.json")
	require.NoError(t, err)

	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(samples.JSON()))
	require.NoError(t, err)
	require.NoError(t, sch.Validate(inst))

	// What Encode writes satisfies the schema too.
	cs, err := samples.Cases()
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, prisoner.Encode(&buf, cs, prisoner.EncodeOptions{}))
	inst, err = jsonschema.UnmarshalJSON(&buf)
	require.NoError(t, err)
	require.NoError(t, sch.Validate(inst))

	var bad any
	require.NoError(t, json.Unmarshal([]byte(`{"id":"A","person":{"x":1},"episodes":[]}`), &bad))
	assert.Error(t, sch.Validate(bad))
}

func FuzzDecode(f *testing.F) {
	f.Add(samples.JSON())
	f.Add([]byte(one("A")))
	f.Add([]byte(`[{"id":"A","episodes":[{"captured":"2024-02-29"}],"events":[{"seq":1}]}]`))
	f.Add([]byte(`{"id":"A"} {"id":"B"}`))
	f.Add([]byte("\ufeff[" + one("A") + ",\n" + one("B") + "]"))
	f.Add([]byte(`{"id":"A\"}\\","x":[{"y":"]}"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		cs, err := prisoner.Decode(bytes.NewReader(data), prisoner.DecodeOptions{})
		// Read a byte at a time, the decoder meets every buffer boundary
		// inside a string, an escape and a bracket: same cases, same error.
		cs1, err1 := prisoner.Decode(iotest.OneByteReader(bytes.NewReader(data)), prisoner.DecodeOptions{})
		assert.Equal(t, cs, cs1)
		assert.Equal(t, fmt.Sprint(err), fmt.Sprint(err1))
		if err != nil {
			if !errors.Is(err, prisoner.ErrInvalid) {
				t.Fatalf("error does not match ErrInvalid: %v", err)
			}
			return
		}
		var buf bytes.Buffer
		if err := prisoner.Encode(&buf, cs, prisoner.EncodeOptions{Lines: true}); err != nil {
			t.Fatal(err)
		}
		back, err := prisoner.Decode(&buf, prisoner.DecodeOptions{})
		if err != nil {
			t.Fatalf("re-decoding what Encode wrote: %v", err)
		}
		assert.Equal(t, cs, back)
	})
}

// The one-pass decoder takes only what encoding/json, the reference for
// the case format, takes as the same case (with no key twice in an object,
// no unknown key, valid): whatever it refuses goes the reference's way.
func FuzzDecodeFastAgrees(f *testing.F) {
	cs, err := samples.Cases()
	require.NoError(f, err)
	g := synth.New(3)
	for range 20 {
		cs = append(cs, g.Next())
	}
	for _, c := range cs {
		b, err := json.Marshal(c)
		require.NoError(f, err)
		f.Add(b)
	}
	f.Add([]byte(one("A")))
	f.Add([]byte(`{"id":"A","ID":"B","episodes":[{"id":"e1","category":"pow","captured":"2022-03-01"}]}`))
	f.Add([]byte(`{"id":"A","episodes":[{"id":"e1","category":"pow","captured":"2022-03-01","captured":"2022-03-02"}]}`))
	f.Add([]byte(`{"id":"A","episodes":[{"id":"e1","category":"pow","captured":"2022-03-01"}],"events":[{"seq":1e0,"date":"2022-03-02","kind":"application","episode":"e1"}]}`))
	f.Add([]byte(`{"id":"A","note":null,"episodes":[{"id":"e1","category":null,"captured":"2022-03-01"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fast, ok := prisoner.DecodeFast(data)
		if !ok {
			return
		}
		ref, refOK := prisoner.DecodeReference(data)
		require.True(t, refOK, "the one-pass decoder took a case encoding/json refuses: %q", data)
		require.Equal(t, ref, fast)
	})
}

func BenchmarkDecodeSamples(b *testing.B) {
	data := samples.JSON()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := prisoner.Decode(bytes.NewReader(data), prisoner.DecodeOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// Validating generated cases (a register's mix): time and allocations per
// case. Validation runs once per case in a batch, in the workers.
func BenchmarkValidateGenerated(b *testing.B) {
	g := synth.New(1)
	cs := make([]prisoner.Case, 1024)
	for i := range cs {
		cs[i] = g.Next()
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if err := cs[i%len(cs)].Validate(); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// tagsHold, the fast path of validation, must never pass a case that the
// validator's tag rules reject: on the samples, on generated cases and on
// each of them broken one field at a time, the two agree.
func TestTagsHoldAgreesWithValidator(t *testing.T) {
	cs, err := samples.Cases()
	require.NoError(t, err)
	g := synth.New(5)
	for i := 0; i < 200; i++ {
		cs = append(cs, g.Next())
	}
	breaks := []func(c *prisoner.Case){
		func(c *prisoner.Case) { c.ID = "" },
		func(c *prisoner.Case) { c.ID = strings.Repeat("x", 65) },
		func(c *prisoner.Case) { c.ID = "тест" },
		func(c *prisoner.Case) { c.ID = "a\tb" },
		func(c *prisoner.Case) { c.Episodes = nil },
		func(c *prisoner.Case) { c.Note = strings.Repeat("я", 2001) },
		func(c *prisoner.Case) { c.Person.Citizenship = "XX" },
		func(c *prisoner.Case) { c.Person.Citizenship = "ua" },
		func(c *prisoner.Case) { c.Person.Name = strings.Repeat("я", 201) },
		func(c *prisoner.Case) { c.Episodes[0].ID = "" },
		func(c *prisoner.Case) { c.Episodes[0].Category = 0 },
		func(c *prisoner.Case) { c.Episodes[0].Category = 99 },
		func(c *prisoner.Case) { c.Episodes[0].Captured = civil.Date{} },
		func(c *prisoner.Case) { c.Episodes[0].ReleaseKind = 99 },
		func(c *prisoner.Case) { c.Episodes[0].EarlyDateReason = strings.Repeat("я", 501) },
		func(c *prisoner.Case) { c.Family = make([]prisoner.FamilyMember, 51) },
		func(c *prisoner.Case) { c.Events = make([]prisoner.Event, 501) },
	}
	for _, c := range cs {
		assert.Equal(t, prisoner.TagRulesHold(&c), prisoner.TagsHoldFast(&c), c.ID)
		for i, br := range breaks {
			m := c.Clone()
			br(&m)
			assert.False(t, prisoner.TagsHoldFast(&m), "%s: break %d passes the fast path", c.ID, i)
			assert.False(t, prisoner.TagRulesHold(&m), "%s: break %d passes the validator", c.ID, i)
		}
	}
}
