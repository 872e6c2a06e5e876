package export

import (
	"bytes"
	"encoding/csv"
	"testing"

	"pgregory.net/rapid"
)

// csvOut writes its own bytes; they must be exactly encoding/csv's for the
// same (neutralized) record, with and without CRLF.
func TestCSVOutMatchesEncodingCSV(t *testing.T) {
	piece := rapid.SampledFrom([]string{"", "a", "Київ", ",", `"`, "\r", "\n", "\r\n", " ", "\t", "\u00a0", "\u2003",
		"=", "+", "-", "@", "'", `\.`, `\`, ".", "1", "x y"})
	cellGen := rapid.Custom(func(t *rapid.T) string {
		var b bytes.Buffer
		for _, p := range rapid.SliceOfN(piece, 0, 5).Draw(t, "pieces") {
			b.WriteString(p)
		}
		return b.String()
	})
	rapid.Check(t, func(t *rapid.T) {
		crlf := rapid.Bool().Draw(t, "crlf")
		rec := rapid.SliceOfN(cellGen, 1, 6).Draw(t, "record")
		header := rapid.SliceOfN(cellGen, 1, 6).Draw(t, "header")

		var got bytes.Buffer
		o := &csvOut{csvRec: csvRec{crlf: crlf}, w: &got}
		o.write(header)
		o.row(rec...)
		if err := o.flush(); err != nil {
			t.Fatal(err)
		}

		var want bytes.Buffer
		w := csv.NewWriter(&want)
		w.UseCRLF = crlf
		neutral := make([]string, len(rec))
		for i, c := range rec {
			neutral[i] = Neutralize(c)
		}
		_ = w.Write(header)
		_ = w.Write(neutral)
		w.Flush()
		if got.String() != want.String() {
			t.Fatalf("record %q (crlf %v):\n got %q\nwant %q", rec, crlf, got.String(), want.String())
		}
		// The same row, cell by cell, from bytes and from text.
		byCell := csvRec{crlf: crlf}
		for i, c := range rec {
			if i%2 == 0 {
				cell(&byCell, i == 0, []byte(c))
			} else {
				cell(&byCell, i == 0, c)
			}
		}
		byCell.endRecord()
		row := csvRec{crlf: crlf}
		row.row(rec...)
		if string(byCell.buf) != string(row.buf) {
			t.Fatalf("record %q (crlf %v): cell by cell %q, row %q", rec, crlf, byCell.buf, row.buf)
		}
	})
}
