package aid

import (
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
