package prisoner

// TagsHoldFast and TagRulesHold expose, to the tests only, the fast path
// of the tag rules and the validator's own verdict.
var TagsHoldFast = tagsHold

func TagRulesHold(c *Case) bool { return validate().Struct(c) == nil }
