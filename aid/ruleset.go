package aid

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"

	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/status"
)

// ModuleVersion is the version of this module written into every
// [Stamp]. It changes with every release.
const ModuleVersion = "v0.1.0-dev"

// RPS1 is the name of the reference rule set (LAW.md §8).
const RPS1 = "RPS-1"

// A RuleSet is everything the evaluation depends on besides the case: a
// name, the options (readings of the law) and the dated parameters.
type RuleSet struct {
	Name   string         `json:"name"`
	Status status.Options `json:"status"`
	// Feb29 is the 29 February rule for anniversaries (LAW.md §7).
	Feb29 civil.Feb29Rule `json:"feb29_rule"`
	// SplitRounding is how shares are rounded (LAW.md §8 split_rounding).
	SplitRounding Rounding `json:"split_rounding"`
	// ClaimDeadlineDays is a term to claim release and death aid, counted
	// from the release or the death (LAW.md §8 claim_deadline); 0, the
	// default, means none: the law sets none.
	ClaimDeadlineDays int        `json:"claim_deadline_days,omitempty"`
	Options           Options    `json:"options"`
	Parameters        Parameters `json:"parameters"`
}

// Default returns the reference rule set RPS-1: every option at its
// default and the parameters of [DefaultParameters].
func Default() RuleSet {
	return RuleSet{Name: RPS1, Parameters: DefaultParameters()}
}

// LoadRuleSet reads a rule set from JSON:
//
//	{"name": "catch-up", "options": {"held_claim_scope": "current_and_unpaid_started_years"},
//	 "status": {"decision_effective_on": "decision_date"}, "feb29_rule": "mar1",
//	 "parameters": {"law2022.annual": [{"valid_from": "2022-11-19", "in_force": true,
//	   "amount": "100000.00", "citation": {"act": "2010-IX", "article": "7", "part": "1"},
//	   "confidence": "verified"}]}}
//
// Everything omitted keeps its RPS-1 default; unknown fields and option
// values are errors. A name is required so that results say which rule
// set made them.
func LoadRuleSet(r io.Reader) (RuleSet, error) {
	rs := Default()
	rs.Name = ""
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&rs); err != nil {
		return RuleSet{}, fmt.Errorf("rule set: %w", err)
	}
	if rs.Name == "" {
		return RuleSet{}, fmt.Errorf("rule set: a name is required")
	}
	if rs.Parameters.Annual == nil {
		rs.Parameters = DefaultParameters()
	}
	return rs, nil
}

// Stamp identifies how a result was made, so that it can be reproduced:
// the module version, the rule set's name, a SHA-256 of the rule set
// (options with defaults filled in, and every parameter version; see
// [RuleSet.Hash]) and a SHA-256 of the case (see [InputHash]).
type Stamp struct {
	Module     string `json:"module"`
	RuleSet    string `json:"rule_set"`
	ParamsHash string `json:"params_hash"`
	InputHash  string `json:"input_hash"`
}

// Hash returns the SHA-256 (hex) of the rule set's content: the options
// with their defaults filled in and every parameter version. Two rule sets
// that decide alike hash alike, whatever their names.
func (rs RuleSet) Hash() string {
	content := struct {
		Status     status.Options  `json:"status"`
		Feb29      civil.Feb29Rule `json:"feb29_rule"`
		Split      Rounding        `json:"split_rounding"`
		Deadline   int             `json:"claim_deadline_days"`
		Options    Options         `json:"options"`
		Parameters Parameters      `json:"parameters"`
	}{rs.Status, rs.Feb29, rs.SplitRounding.norm(), rs.ClaimDeadlineDays, rs.Options.normalized(), rs.Parameters}
	b, err := json.Marshal(content)
	if err != nil {
		return "unhashable: " + err.Error()
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
