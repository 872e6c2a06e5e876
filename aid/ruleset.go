package aid

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"runtime/debug"
	"sync"

	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/law"
	"github.com/uacaptivity/captivity/prisoner"
	"github.com/uacaptivity/captivity/status"
)

// modulePath is the path of this module, as build information names it.
const modulePath = "github.com/uacaptivity/captivity"

// DevelVersion is what [ModuleVersion] returns when the build records no
// version of this module: a build from a checkout without a tag, or
// tests.
const DevelVersion = "(devel)"

// ModuleVersion returns the version of this module that the running
// program was built with, as the Go toolchain recorded it
// (runtime/debug.ReadBuildInfo): the version required from the module
// proxy ("v0.2.0") when the module is a dependency, or the version the
// toolchain stamped from version control when it is the main module.
// Without one it returns [DevelVersion]. It is written into every
// [Stamp].
func ModuleVersion() string { return moduleVersion() }

var moduleVersion = sync.OnceValue(func() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return DevelVersion
	}
	if info.Main.Path == modulePath && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	for _, m := range info.Deps {
		if m.Path == modulePath {
			if m.Replace != nil && m.Replace.Version != "" {
				return m.Replace.Version
			}
			if m.Version != "" {
				return m.Version
			}
		}
	}
	return DevelVersion
})

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
	ClaimDeadlineDays int `json:"claim_deadline_days,omitempty"`
	// CommissionTermDays is the Commission's term to decide, in calendar
	// days from the application; 0, the default, means 30 (Law on
	// Administrative Procedure art. 34(2), applied by Art. 1(3)). It
	// changes no status and no amount: it only dates a projection's
	// assumed decision ([Calculator.Project]).
	CommissionTermDays int        `json:"commission_term_days,omitempty"`
	Options            Options    `json:"options"`
	Parameters         Parameters `json:"parameters"`
	// Dates are the days set by law that the rules turn on; a zero one
	// takes its default of [DefaultDates].
	Dates Dates `json:"dates"`
}

// A LegalDate is a day that a rule turns on, with the provision that sets
// it and how sure that reading is.
type LegalDate struct {
	Date       civil.Date     `json:"date"`
	Citation   law.Citation   `json:"citation"`
	Confidence law.Confidence `json:"confidence"`
}

// Dates are the days set by law (or, marked as assumptions, by our
// reading of it) that the rules turn on. They are data of the rule set,
// like the amounts: [LoadRuleSet] can override each, and [RuleSet.Hash]
// covers them.
type Dates struct {
	// AggressionStart, 2014-02-20: deprivations are counted from it
	// (Art. 2(4) and 17(6) of Law 2010-IX; see Options.EarliestDeprivation
	// for whether the day itself counts).
	AggressionStart LegalDate `json:"aggression_start,omitzero"`
	// LawStart, 2022-11-19: Law 2010-IX took effect (Art. 17(1)); the
	// pre-law block of years ends on it and Commission events made
	// earlier take effect on it (Art. 17(3)).
	LawStart LegalDate `json:"law_start,omitzero"`
	// CMU328Deferral, 2023-01-01: a CMU 328 payment in 2022 before the
	// law defers the annual aid to this day (Art. 17(5)).
	CMU328Deferral LegalDate `json:"cmu328_deferral,omitzero"`
	// CMU1182Effective: the day CMU 1182 took effect, used only with
	// Options.PreLawClaimsFrom = cmu1182_effective. Its text was not
	// retrieved; 2023-11-10 is an assumption.
	CMU1182Effective LegalDate `json:"cmu1182_effective,omitzero"`
}

// DefaultDates returns the dates of RPS-1, each with its citation and
// confidence.
func DefaultDates() Dates {
	return Dates{
		AggressionStart:  LegalDate{prisoner.AggressionStart(), law.Cite(law.Law2010, "2", "4"), law.Verified},
		LawStart:         LegalDate{status.LawStart(), law.Cite(law.Law2010, "17", "1"), law.Verified},
		CMU328Deferral:   LegalDate{civil.MustNew(2023, 1, 1), law.Cite(law.Law2010, "17", "5"), law.Verified},
		CMU1182Effective: LegalDate{civil.MustNew(2023, 11, 10), law.Cite(law.CMU1182, "").WithNote("effective day not retrieved; taken as 2023-11-10"), law.Assumption},
	}
}

// withDefaults fills each zero date with its default.
func (d Dates) withDefaults() Dates {
	def := DefaultDates()
	for _, f := range []struct{ v, def *LegalDate }{
		{&d.AggressionStart, &def.AggressionStart}, {&d.LawStart, &def.LawStart},
		{&d.CMU328Deferral, &def.CMU328Deferral}, {&d.CMU1182Effective, &def.CMU1182Effective},
	} {
		if f.v.Date.IsZero() {
			*f.v = *f.def
		}
	}
	return d
}

// withDefaults fills what rs leaves unset with RPS-1's defaults: each nil
// parameter schedule and each zero legal date. The status options get the
// law's start from the dates.
func (rs RuleSet) withDefaults() RuleSet {
	rs.Parameters = rs.Parameters.withDefaults()
	rs.Dates = rs.Dates.withDefaults()
	rs.Status.LawStart = rs.Dates.LawStart.Date
	return rs
}

// Default returns the reference rule set RPS-1: every option at its
// default and the parameters of [DefaultParameters].
func Default() RuleSet {
	return RuleSet{Name: RPS1}.withDefaults()
}

// LoadRuleSet reads a rule set from JSON: a name, every setting by its
// name at the top level (the names of [Settings]: the options of
// LAW.md §8, feb29_rule, split_rounding, claim_deadline_days,
// decision_effective_on, family_status_assessed_at, implied_application),
// and the parameters and dates to override:
//
//	{"name": "catch-up", "held_claim_scope": "current_and_unpaid_started_years",
//	 "decision_effective_on": "decision_date", "feb29_rule": "mar1",
//	 "parameters": {"law2022.annual": [{"valid_from": "2022-11-19", "in_force": true,
//	   "amount": "100000.00", "citation": {"act": "2010-IX", "article": "7", "part": "1"},
//	   "confidence": "verified"}]}}
//
// Everything omitted keeps its RPS-1 default. Settings under "options"
// or "status", where files before v0.3.0 put them, are still read
// (deprecated); a setting given in two places is an error. Unknown keys
// and values are errors, each naming the closest known setting, and every
// one is reported. A name is required so that results say which rule set
// made them.
func LoadRuleSet(r io.Reader) (RuleSet, error) {
	rs := Default()
	rs.Name = ""
	if err := decodeRuleSet(r, &rs); err != nil {
		return RuleSet{}, fmt.Errorf("rule set: %w", err)
	}
	if rs.Name == "" {
		return RuleSet{}, fmt.Errorf("rule set: a name is required")
	}
	return rs.withDefaults(), nil
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
		Term       int             `json:"commission_term_days,omitempty"`
		Options    Options         `json:"options"`
		Parameters Parameters      `json:"parameters"`
		Dates      Dates           `json:"dates"`
	}{rs.Status, rs.Feb29, rs.SplitRounding.norm(), rs.ClaimDeadlineDays, commissionTerm(rs.CommissionTermDays), rs.Options.normalized(), rs.Parameters.withDefaults(), rs.Dates.withDefaults()}
	b, err := json.Marshal(content)
	if err != nil {
		return "unhashable: " + err.Error()
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// commissionTerm is the term as the hash counts it: the default 30 as 0,
// so that a rule set that gives 30 hashes as one that gives none.
func commissionTerm(days int) int {
	if days == DefaultCommissionTermDays {
		return 0
	}
	return days
}
