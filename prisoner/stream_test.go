package prisoner_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/uacaptivity/captivity/internal/synth"
	"github.com/uacaptivity/captivity/prisoner"
)

// generated returns n generated cases and the three JSON forms a register
// comes in: an array on one line, an array pretty-printed, JSON Lines.
func generated(t testing.TB, n int) ([]prisoner.Case, map[string][]byte) {
	g := synth.New(3)
	cs := make([]prisoner.Case, n)
	for i := range cs {
		cs[i] = g.Next()
	}
	oneLine, err := json.Marshal(cs)
	require.NoError(t, err)
	var pretty, lines bytes.Buffer
	require.NoError(t, prisoner.Encode(&pretty, cs, prisoner.EncodeOptions{}))
	require.NoError(t, prisoner.Encode(&lines, cs, prisoner.EncodeOptions{Lines: true}))
	return cs, map[string][]byte{"array one line": oneLine, "array pretty": pretty.Bytes(), "json lines": lines.Bytes()}
}

// Every form gives the same cases, one by one from the Decoder.
func TestDecoderForms(t *testing.T) {
	cs, forms := generated(t, 300)
	for name, data := range forms {
		t.Run(name, func(t *testing.T) {
			d := prisoner.NewDecoder(bytes.NewReader(data), prisoner.DecodeOptions{})
			for i := range cs {
				c, err := d.Next()
				require.NoError(t, err, "case %d", i)
				require.Equal(t, cs[i], c, "case %d", i)
			}
			_, err := d.Next()
			assert.Equal(t, io.EOF, err)
			_, err = d.Next()
			assert.Equal(t, io.EOF, err, "EOF stays")
		})
	}
}

// A bad case in the middle is reported with its index, ID and line, and
// reading goes on.
func TestDecoderGoesOnAfterABadCase(t *testing.T) {
	in := one("A") + "\n" + strings.Replace(one("B"), `"civilian"`, `"spy"`, 1) + "\n" + one("C") + "\n"
	d := prisoner.NewDecoder(strings.NewReader(in), prisoner.DecodeOptions{})
	c, err := d.Next()
	require.NoError(t, err)
	assert.Equal(t, "A", c.ID)
	_, err = d.Next()
	var ce *prisoner.CaseError
	require.ErrorAs(t, err, &ce)
	assert.ErrorIs(t, err, prisoner.ErrInvalid)
	assert.Equal(t, prisoner.CaseError{Index: 1, CaseID: "B", Line: 2, Fields: ce.Fields}, *ce)
	assert.Equal(t, "episodes[0].category", ce.Fields[0].Path)
	c, err = d.Next()
	require.NoError(t, err)
	assert.Equal(t, "C", c.ID)
}

// Strictness (issue: bad input): a key given twice, text that is not
// UTF-8, UTF-16, and places counted on a one-line array.
func TestDecoderStrictness(t *testing.T) {
	twice := `{"id":"A","person":{"citizenship":"UA"},"episodes":[{"id":"e1","category":"civilian","captured":"2022-03-01","captured":"2022-04-01"}]}`
	_, err := decode(twice)
	fe := fileErr(t, err)
	require.Len(t, fe.Cases, 1)
	assert.Equal(t, "episodes[0].captured", fe.Cases[0].Fields[0].Path)
	assert.Equal(t, prisoner.CodeDuplicate, fe.Cases[0].Fields[0].Code)

	latin1 := strings.Replace(one("A"), `"UA"}`, `"UA","name":"Ren`+"\xe9"+`"}`, 1)
	_, err = decode("[\n" + one("Z") + ",\n" + latin1 + "]")
	fe = fileErr(t, err)
	assert.Equal(t, 3, fe.Line)
	assert.Contains(t, fe.Err.Error(), "0xE9 is not UTF-8")

	var u16 bytes.Buffer
	u16.Write([]byte{0xff, 0xfe})
	for _, r := range one("A") {
		u16.Write([]byte{byte(r), 0})
	}
	_, err = decode(u16.String())
	fe = fileErr(t, err)
	assert.Contains(t, fe.Err.Error(), "UTF-16 little-endian")

	cs, err := decode("\ufeff" + one("A"))
	require.NoError(t, err, "a byte-order mark is accepted")
	assert.Equal(t, "A", cs[0].ID)

	// A syntax error deep in a one-line array of many cases: its column
	// is counted as read (this took quadratic time when every case
	// counted the lines from the start).
	var b strings.Builder
	b.WriteString("[")
	for i := 0; i < 2000; i++ {
		fmt.Fprintf(&b, "%s,", one(fmt.Sprint("C", i)))
	}
	col := b.Len() + 8
	b.WriteString(`{"id": }]`)
	_, err = decode(b.String())
	fe = fileErr(t, err)
	assert.Equal(t, 1, fe.Line)
	assert.Equal(t, col, fe.Column)
}

// A register as one 100 MB line decodes case by case in flat memory.
func TestDecoderLargeOneLineArrayInFlatMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 100 MB")
	}
	g := synth.New(9)
	sample := make([][]byte, 64)
	for i := range sample {
		b, err := json.Marshal(g.Next())
		require.NoError(t, err)
		sample[i] = b
	}
	// A reader that makes the array as it is read: the file is never held.
	const target = 100 << 20
	r := &arrayReader{cases: sample, target: target}
	d := prisoner.NewDecoder(r, prisoner.DecodeOptions{})
	var ms runtime.MemStats
	n, peak := 0, uint64(0)
	for {
		_, err := d.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		var ce *prisoner.CaseError
		if errors.As(err, &ce) && ce.Fields[0].Code == prisoner.CodeDuplicate && ce.Fields[0].Path == "id" {
			n++ // the sample repeats its IDs; every case is still read
			continue
		}
		require.NoError(t, err)
		n++
		if n%20000 == 0 {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
		}
	}
	assert.Greater(t, r.written, int64(target))
	assert.Greater(t, n, 50000)
	assert.Less(t, peak, uint64(64<<20), "heap in use stays far below the file's size")
}

// arrayReader writes "[" case "," case … "]" until target bytes.
type arrayReader struct {
	cases   [][]byte
	target  int64
	written int64
	i       int
	pending []byte
	closed  bool
}

func (r *arrayReader) Read(p []byte) (int, error) {
	if len(r.pending) == 0 {
		switch {
		case r.closed:
			return 0, io.EOF
		case r.written == 0:
			r.pending = []byte("[")
		case r.written >= r.target:
			r.pending, r.closed = []byte("]"), true
		default:
			c := r.cases[r.i%len(r.cases)]
			r.i++
			r.pending = append(append([]byte(nil), c...), ',')
			if r.written+int64(len(r.pending)) >= r.target {
				r.pending = r.pending[:len(r.pending)-1]
				r.written = r.target - int64(len(r.pending))
			}
		}
	}
	n := copy(p, r.pending)
	r.pending = r.pending[n:]
	r.written += int64(n)
	return n, nil
}

// BenchmarkDecode compares, for each form of a register, decoding and
// validating its cases with a Decoder against encoding/json decoding the
// same bytes into the same Go types with no checks at all (Unmarshal of
// the array; a json.Decoder's loop for JSON Lines). The target: within
// 2x. ns/op is per case.
func BenchmarkDecode(b *testing.B) {
	const n = 2000
	_, forms := generated(b, n)
	for _, name := range []string{"array one line", "array pretty", "json lines"} {
		data := forms[name]
		form := strings.ReplaceAll(name, " ", "-")
		b.Run("form="+form+"/by=encoding-json", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data) / n))
			for i := 0; i < b.N; i += n {
				if name == "json lines" {
					dec := json.NewDecoder(bytes.NewReader(data))
					for {
						var c prisoner.Case
						if err := dec.Decode(&c); err != nil {
							if err == io.EOF {
								break
							}
							b.Fatal(err)
						}
					}
					continue
				}
				var out []prisoner.Case
				if err := json.Unmarshal(data, &out); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("form="+form+"/by=decoder", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data) / n))
			for i := 0; i < b.N; i += n {
				d := prisoner.NewDecoder(bytes.NewReader(data), prisoner.DecodeOptions{})
				for {
					if _, err := d.Next(); err != nil {
						if err == io.EOF {
							break
						}
						b.Fatal(err)
					}
				}
			}
		})
	}
}
