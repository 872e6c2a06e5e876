package aid

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/law"
	"github.com/uacaptivity/captivity/status"
)

// A Setting is one entry of a rule set's flat namespace of settings: the
// readings of the law that the brief's table of options leaves open
// (LAW.md §8), by the names of that table. Values are the codes it takes,
// the default first (nil for a number: claim_deadline_days). Scope says
// which aid, or which part of the rules, it changes: a setting never
// reaches further than its scope.
type Setting struct {
	Name   string   `json:"name"`
	Values []string `json:"values,omitempty"`
	Scope  law.Text `json:"scope"`
}

// Scopes.
var (
	scopeAnnual   = law.Text{UK: "щорічна допомога (ст. 7 ч. 1, ст. 17 ч. 6)", EN: "annual aid (Art. 7(1), 17(6))"}
	scopeRelease  = law.Text{UK: "допомога після звільнення (ст. 7 ч. 2)", EN: "release aid (Art. 7(2))"}
	scopeDeath    = law.Text{UK: "допомога у зв'язку зі смертю (ст. 7 ч. 3)", EN: "death aid (Art. 7(3))"}
	scopeRelDeath = law.Text{UK: "лише допомога після звільнення і у зв'язку зі смертю (ст. 7 ч. 2, 3); не щорічна й не 2018 чи 2026 років",
		EN: "release and death aid only (Art. 7(2), 7(3)); not the annual aid, nor the 2018 or 2026 aid"}
	scopeProjection = law.Text{UK: "лише прогноз: день, на який припускається рішення Комісії; не змінює ні статусу, ні сум",
		EN: "projections only: the day the Commission's decision is assumed on; changes no status and no amount"}
	scopeStatus  = law.Text{UK: "статус і строки в ньому: кожна допомога, що від нього залежить", EN: "the status and its dates: every aid that turns on it"}
	scopeFamily  = law.Text{UK: "члени сім'ї як заявники будь-якої допомоги (ст. 1)", EN: "family members as claimants of any aid (Art. 1)"}
	scopeShares  = law.Text{UK: "частки будь-якої допомоги, поділеної між кількома отримувачами", EN: "the shares of any aid split among several payees"}
	scopeYears   = law.Text{UK: "річниці для будь-якої допомоги, що рахує роки", EN: "anniversaries, for any aid that counts years"}
	scopeReg2018 = law.Text{UK: "виплати 2018 року (ПКМУ 38, 328)", EN: "the 2018 payments (CMU 38, 328)"}
	scopeCivil   = law.Text{UK: "допомога цивільним 2026 року (50 000 грн)", EN: "the 2026 civilian aid (UAH 50,000)"}
	scopeAfterD  = law.Text{UK: "лише щорічна допомога за завершені роки, не заявлена до смерті (Q6); про призначену, але не виплачену допомогу — granted_unpaid_after_death",
		EN: "annual aid only, for completed years never claimed before the death (Q6); aid granted but not paid is granted_unpaid_after_death"}
)

// optionScopes is the scope of each option of [Options], by name.
var optionScopes = map[string]law.Text{
	"year_basis": scopeAnnual, "released_partial_year": scopeAnnual, "held_claim_scope": scopeAnnual,
	"held_payee": scopeAnnual, "family_claim_after_release": scopeAnnual, "pre_law_rounding": scopeAnnual,
	"post_law_year_anchor": scopeAnnual, "pre_law_claims_from": scopeAnnual, "death_aid_split": scopeDeath,
	"death_aid_recipients": scopeDeath, "offset_prior_regime_release_aid": scopeRelease, "release_aid_per": scopeRelease,
	"family_of_foreign_serviceman_covered": scopeFamily, "family_member_citizenship_required": scopeFamily,
	"invalidation_recovery":            {UK: "повернення виплаченого після визнання рішення нечинним (ст. 4 ч. 9): будь-яка допомога", EN: "recovery after invalidation (Art. 4(9)): any aid"},
	"civilian_50k_if_fact_established": scopeCivil, "reg2018_cmu38_deadline_from": scopeReg2018,
	"unpaid_years_after_death": scopeAfterD, "earliest_deprivation_date": scopeAnnual,
	"release_on_anniversary_completes_year": scopeAnnual,
	"granted_unpaid_after_death": {UK: "допомога будь-якого виду, призначена особі й не виплачена до її смерті (ЦК ст. 1227)",
		EN: "aid of any kind granted to the person and not paid before the death (Civil Code art. 1227)"},
}

// Settings lists every setting of the flat namespace, in a stable order:
// the options of [Options] in field order, then the 29 February rule,
// the split rounding, the claim deadline, the Commission's term and the
// status settings.
func Settings() []Setting {
	var out []Setting
	for _, o := range optionList() {
		out = append(out, Setting{Name: o.name, Values: slices.Clone(o.codes), Scope: optionScopes[o.name]})
	}
	return append(out,
		Setting{Name: "feb29_rule", Values: []string{civil.Feb28.String(), civil.Mar1.String()}, Scope: scopeYears},
		Setting{Name: "split_rounding", Values: roundingTable.Codes(), Scope: scopeShares},
		Setting{Name: "claim_deadline_days", Scope: scopeRelDeath},
		Setting{Name: "commission_term_days", Scope: scopeProjection},
		Setting{Name: "decision_effective_on", Values: []string{status.NotificationElseDecision.String(), status.DecisionDate.String()}, Scope: scopeStatus},
		Setting{Name: "family_status_assessed_at", Values: []string{status.ApplicationDate.String(), status.DeprivationDate.String()}, Scope: scopeFamily},
		Setting{Name: "implied_application", Values: []string{status.ImpliedWithWarning.String(), status.ImpliedRefused.String()}, Scope: scopeStatus},
	)
}

// statusSettings are the settings that live in [RuleSet.Status].
var statusSettings = []string{"decision_effective_on", "family_status_assessed_at", "implied_application"}

// topSettings are the settings that are fields of [RuleSet] itself.
var topSettings = []string{"feb29_rule", "split_rounding", "claim_deadline_days", "commission_term_days"}

// ruleSetKeys are the keys of a rule-set file besides the settings.
var ruleSetKeys = []string{"name", "parameters", "dates", "options", "status"}

// isSetting reports whether name is a setting of the flat namespace.
func isSetting(name string) bool {
	return slices.Contains(topSettings, name) || slices.Contains(statusSettings, name) || OptionValues(name) != nil
}

// settingNames lists the names of every setting.
func settingNames() []string {
	var out []string
	for _, s := range Settings() {
		out = append(out, s.Name)
	}
	return out
}

// decodeRuleSet reads a rule-set file into rs (which holds the defaults):
// every setting at the top level by its name; the old places (options
// and status objects) still read, deprecated; unknown keys are errors
// that name the closest known setting. Every problem is reported.
func decodeRuleSet(r io.Reader, rs *RuleSet) error {
	var raw map[string]json.RawMessage
	dec := json.NewDecoder(r)
	if err := dec.Decode(&raw); err != nil {
		return err
	}
	var problems []string
	flat := map[string]json.RawMessage{}
	put := func(where, k string, v json.RawMessage) {
		if _, dup := flat[k]; dup {
			problems = append(problems, fmt.Sprintf("setting %q is given twice (at the top and %s)", k, where))
			return
		}
		flat[k] = v
	}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := raw[k]
		switch k {
		case "name":
			if err := json.Unmarshal(v, &rs.Name); err != nil {
				problems = append(problems, "name: "+err.Error())
			}
		case "parameters":
			if err := json.Unmarshal(v, &rs.Parameters); err != nil {
				problems = append(problems, err.Error())
			}
		case "dates":
			d := json.NewDecoder(bytes.NewReader(v))
			d.DisallowUnknownFields()
			if err := d.Decode(&rs.Dates); err != nil {
				problems = append(problems, "dates: "+err.Error())
			}
		case "options", "status": // deprecated places: read as if at the top
			var m map[string]json.RawMessage
			if err := json.Unmarshal(v, &m); err != nil {
				problems = append(problems, k+": "+err.Error())
				continue
			}
			inner := make([]string, 0, len(m))
			for ik := range m {
				inner = append(inner, ik)
			}
			sort.Strings(inner)
			for _, ik := range inner {
				if ik == "law_start" && k == "status" {
					continue // set from dates.law_start; kept for files that wrote it
				}
				if !isSetting(ik) {
					problems = append(problems, unknownSetting(k+"."+ik, ik))
					continue
				}
				put("under "+k, ik, m[ik])
			}
		default:
			if !isSetting(k) {
				problems = append(problems, unknownSetting(k, k))
				continue
			}
			put("at the top", k, v)
		}
	}
	opts, stat := map[string]json.RawMessage{}, map[string]json.RawMessage{}
	for _, k := range slices.Sorted(maps.Keys(flat)) {
		v := flat[k]
		var err error
		switch {
		case k == "feb29_rule":
			err = json.Unmarshal(v, &rs.Feb29)
		case k == "split_rounding":
			err = json.Unmarshal(v, &rs.SplitRounding)
		case k == "claim_deadline_days":
			if err = json.Unmarshal(v, &rs.ClaimDeadlineDays); err == nil && rs.ClaimDeadlineDays < 0 {
				err = fmt.Errorf("must be 0 (none) or more days")
			}
		case k == "commission_term_days":
			if err = json.Unmarshal(v, &rs.CommissionTermDays); err == nil && rs.CommissionTermDays < 0 {
				err = fmt.Errorf("must be 0 (the default, 30) or more days")
			}
		case slices.Contains(statusSettings, k):
			stat[k] = v
		default:
			opts[k] = v
		}
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", k, err))
		}
	}
	if len(opts) > 0 {
		b, _ := json.Marshal(opts)
		if err := json.Unmarshal(b, &rs.Options); err != nil {
			problems = append(problems, err.Error())
		}
	}
	if len(stat) > 0 {
		b, _ := json.Marshal(stat)
		if err := json.Unmarshal(b, &rs.Status); err != nil {
			problems = append(problems, err.Error())
		}
	}
	if len(problems) > 0 {
		return settingErrors(problems)
	}
	return nil
}

// unknownSetting is the message for an unknown key at path: it names the
// closest known setting.
func unknownSetting(path, key string) string {
	msg := fmt.Sprintf("unknown setting %q", path)
	if near := closest(key, append(settingNames(), ruleSetKeys...)); near != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", near)
	}
	return msg
}

// closest returns the name in names nearest to s by edit distance, if it
// is near enough to be a likely misspelling (at most a third of its
// length, and at least 1 edit away from nothing); "" otherwise.
func closest(s string, names []string) string {
	best, bestD := "", len(s)/3+2
	for _, n := range names {
		if d := editDistance(strings.ToLower(s), n); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// settingErrors are the problems of a rule-set file, each its own error
// (Unwrap), written on one line.
type settingErrors []string

func (e settingErrors) Error() string { return strings.Join(e, "; ") }

func (e settingErrors) Unwrap() []error {
	out := make([]error, len(e))
	for i, p := range e {
		out[i] = errors.New(p)
	}
	return out
}
