package export

import (
	"encoding"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/uacaptivity/captivity/prisoner"
)

// The reader's code lists say what each enum's UnmarshalText says: every
// code reads back as its value, and nothing else is a code.
func TestEnumCodesMatchUnmarshalText(t *testing.T) {
	checkCodes[prisoner.Category](t, categoryCodes)
	checkCodes[prisoner.ReleaseKind](t, releaseKindCodes)
	checkCodes[prisoner.Relation](t, relationCodes)
	checkCodes[prisoner.Proof](t, proofCodes)
	checkCodes[prisoner.EventKind](t, eventKindCodes)
	checkCodes[prisoner.DecisionKind](t, decisionCodes)
	checkCodes[prisoner.Ground](t, groundCodes)
	checkCodes[prisoner.RulingKind](t, rulingCodes)
	checkCodes[prisoner.AidKind](t, aidKindCodes)
	checkCodes[prisoner.Regime](t, regimeCodes)
}

func checkCodes[T enumType, P interface {
	*T
	encoding.TextUnmarshaler
}](t *testing.T, codes []string) {
	t.Helper()
	assert.NotEmpty(t, codes)
	for i, c := range codes {
		var v T
		assert.NoError(t, P(&v).UnmarshalText([]byte(c)))
		assert.Equal(t, T(i+1), v, "%q", c)
	}
	var v T
	assert.Error(t, P(&v).UnmarshalText([]byte("no-such-code")))
}
