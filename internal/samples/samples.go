// Package samples holds the synthetic sample cases (no real person's data)
// that the example programs embed and the tests of every package use.
package samples

import (
	"bytes"
	_ "embed"

	"github.com/uacaptivity/captivity/prisoner"
)

// casesJSON is the case file testdata/cases.json.
//
//go:embed testdata/cases.json
var casesJSON []byte

// JSON returns a copy of the sample case file.
func JSON() []byte { return bytes.Clone(casesJSON) }

// Cases decodes the sample cases. It returns an error only if the committed
// file is broken, which the package's test prevents.
func Cases() ([]prisoner.Case, error) {
	return prisoner.Decode(bytes.NewReader(casesJSON), prisoner.DecodeOptions{})
}
