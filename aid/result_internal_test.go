package aid

import (
	"encoding/binary"
	"strconv"
	"strings"
	"testing"

	"github.com/uacaptivity/captivity/law"
)

// AppendCitationCodes with more distinct grounds than it keeps places
// for, and equal grounds behind different pointers.
func TestAppendCitationCodesManyGrounds(t *testing.T) {
	var cites []law.Citation
	var want []string
	for i := 1; i <= 12; i++ {
		c := law.Cite(law.Law2010, strconv.Itoa(i))
		cites = append(cites, c, c) // the second is a copy: same code, another pointer
		want = append(want, c.Code())
	}
	var d Decision
	for i := range cites {
		d.Trace = append(d.Trace, Step{cite: &cites[i]}, Step{cite: &cites[i]}, Step{})
	}
	for i := len(cites) - 1; i >= 0; i-- { // every ground again, backwards
		d.Trace = append(d.Trace, Step{cite: &cites[i]})
	}
	if got := string(d.AppendCitationCodes(nil)); got != strings.Join(want, ";") {
		t.Fatalf("got %q, want %q", got, strings.Join(want, ";"))
	}
}

// The canonical form's one-byte shortcuts write what encoding/binary's
// varints write.
func TestCanonicalVarintShortcuts(t *testing.T) {
	for n := -300; n <= 300; n++ {
		want := binary.AppendVarint([]byte{7}, int64(n))
		if got := appendNum(nil, 7, n, true); string(got) != string(want) {
			t.Fatalf("appendNum(%d) = %x, want %x", n, got, want)
		}
		if n < 0 {
			continue
		}
		v := strings.Repeat("x", n)
		want = append(binary.AppendUvarint([]byte{9}, uint64(n)), v...)
		if got := appendText(nil, 9, v, true); string(got) != string(want) {
			t.Fatalf("appendText of %d bytes = %x, want %x", n, got, want)
		}
	}
}
