package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// readBoth reads data with encoding/csv and with recReader and describes
// every record (its start line and fields) and the error that ends each
// reading, so that the two can be compared whole. bufSize, if not zero,
// makes recReader's buffer small, for lines longer than it.
func readBoth(data []byte, bufSize int) (want, got string) {
	var w, g strings.Builder
	cr := csv.NewReader(bytes.NewReader(data))
	for {
		rec, err := cr.Read()
		if err != nil {
			fmt.Fprintf(&w, "end: %s\n", describe(err))
			break
		}
		line, _ := cr.FieldPos(0)
		fmt.Fprintf(&w, "%d %q\n", line, rec)
	}
	rr := newRecReader(bytes.NewReader(data))
	if bufSize > 0 {
		rr.br = bufio.NewReaderSize(iotest.HalfReader(bytes.NewReader(data)), bufSize)
	}
	for {
		rec, err := rr.read()
		if err != nil {
			fmt.Fprintf(&g, "end: %s\n", describe(err))
			break
		}
		fields := rec.fields
		if rec.text != nil {
			fields = splitRecord(nil, string(rec.text))
		}
		fmt.Fprintf(&g, "%d %q\n", rec.line, fields)
	}
	return w.String(), g.String()
}

func describe(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Sprintf("%d:%d-%d %v", pe.StartLine, pe.Line, pe.Column, pe.Err)
	}
	return err.Error()
}

// recReader reads records, line numbers and errors exactly as
// encoding/csv does, on input made of the pieces that matter to CSV.
func TestRecReaderMatchesEncodingCSV(t *testing.T) {
	piece := rapid.SampledFrom([]string{"a", "Київ", ",", ",", `"`, `""`, "\r", "\n", "\n", "\r\n", " ", "'", "1", "x y"})
	rapid.Check(t, func(t *rapid.T) {
		var b bytes.Buffer
		for _, p := range rapid.SliceOfN(piece, 0, 40).Draw(t, "pieces") {
			b.WriteString(p)
		}
		small := rapid.SampledFrom([]int{0, 16}).Draw(t, "buffer")
		want, got := readBoth(b.Bytes(), small)
		if want != got {
			t.Fatalf("input %q:\nencoding/csv:\n%s\nrecReader:\n%s", b.String(), want, got)
		}
	})
}

// The same for well-formed tables with quoted cells here and there, so
// that long runs of good records are compared too.
func TestRecReaderMatchesEncodingCSVOnTables(t *testing.T) {
	cell := rapid.SampledFrom([]string{"", "a", "S1", "2024-01-02", `"q"`, `"a,b"`, "\"x\ny\"", "\"\r\n\"", `""""`, "'=1", "Київ"})
	rapid.Check(t, func(t *rapid.T) {
		cols := rapid.IntRange(1, 5).Draw(t, "columns")
		rows := rapid.IntRange(0, 30).Draw(t, "rows")
		var b bytes.Buffer
		for i := 0; i <= rows; i++ {
			n := cols
			if rapid.IntRange(0, 40).Draw(t, "odd") == 0 {
				n++ // a record with a field too many
			}
			for j := 0; j < n; j++ {
				if j > 0 {
					b.WriteByte(',')
				}
				b.WriteString(cell.Draw(t, "cell"))
			}
			b.WriteString(rapid.SampledFrom([]string{"\n", "\r\n", "\n\n"}).Draw(t, "end"))
		}
		want, got := readBoth(b.Bytes(), 0)
		if want != got {
			t.Fatalf("input %q:\nencoding/csv:\n%s\nrecReader:\n%s", b.String(), want, got)
		}
	})
}

func TestRecordField(t *testing.T) {
	rr := newRecReader(strings.NewReader("a,'=b,c\n\"'x\",y,\"z\"\n"))
	rec, err := rr.read()
	require.NoError(t, err)
	require.Equal(t, "a", string(rec.field(0)))
	require.Equal(t, "=b", string(rec.field(1)), "neutralized cells are restored")
	require.Equal(t, "c", string(rec.field(2)))
	require.Nil(t, rec.field(3))
	rec, err = rr.read()
	require.NoError(t, err)
	require.Equal(t, "x", string(rec.field(0)))
	require.Equal(t, "z", string(rec.field(2)))
	require.Nil(t, rec.field(3))
}

func FuzzRecReader(f *testing.F) {
	f.Add([]byte("case_id,x\nS1,\"a\nb\"\r\n\nS2,\"\"\"\"\n"))
	f.Add([]byte("a,b\n\"c\n"))
	f.Add([]byte("a\"b\r"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, small := range []int{0, 16} {
			want, got := readBoth(data, small)
			if want != got {
				t.Fatalf("input %q (buffer %d):\nencoding/csv:\n%s\nrecReader:\n%s", data, small, want, got)
			}
		}
	})
}
