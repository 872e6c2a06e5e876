package prisoner

// TagsHoldFast and TagRulesHold expose, to the tests only, the fast path
// of the tag rules and the validator's own verdict.
var TagsHoldFast = tagsHold

func TagRulesHold(c *Case) bool { return validate().Struct(c) == nil }

// DecodeFast and DecodeReference expose, to the tests only, the one-pass
// decoder of well-formed cases and the encoding/json reading it must agree
// with.
func DecodeFast(raw []byte) (Case, bool) { return decodeFast(raw) }

func DecodeReference(raw []byte) (Case, bool) {
	var sc scanner
	c, _, ok, _ := decodeReference(raw, &sc)
	return c, ok
}
