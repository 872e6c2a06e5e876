// Package whatif compares the library's reference reading of the law with
// another one: a rule-set file, one option of LAW.md §8 set to another
// value, or the never-enacted 2017 draft, case by case and across a batch.
// The example programs share it.
package whatif

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/export"
	"github.com/uacaptivity/captivity/law"
	"github.com/uacaptivity/captivity/prisoner"
)

// An Alternative is what the reference rule set is compared with.
type Alternative struct {
	Name    string
	RuleSet aid.RuleSet
	Draft   *aid.Draft6700 // set for the 2017 draft
}

// Parse reads an alternative: "draft6700", "SETTING=VALUE" (a setting of
// the rule set by its name: see aid.Settings), or the path of a rule-set
// file.
func Parse(spec string) (Alternative, error) {
	switch {
	case spec == "draft6700":
		d := aid.DefaultDraft6700()
		return Alternative{Name: "draft 6700 (2017, never enacted)", Draft: &d}, nil
	case strings.Contains(spec, "=") && !strings.ContainsAny(spec, "/\\"):
		name, value, _ := strings.Cut(spec, "=")
		name = strings.TrimSpace(name)
		val, _ := json.Marshal(value)
		if name == "claim_deadline_days" { // a number of days
			n, err := strconv.Atoi(value)
			if err != nil {
				return Alternative{}, fmt.Errorf("claim_deadline_days takes a whole number of days, not %q", value)
			}
			val = []byte(strconv.Itoa(n))
		}
		nb, _ := json.Marshal(spec)
		body := fmt.Sprintf(`{"name":%s,%q:%s}`, nb, name, val)
		rs, err := aid.LoadRuleSet(strings.NewReader(body))
		if err != nil {
			var names []string
			for _, s := range aid.Settings() {
				names = append(names, s.Name)
			}
			return Alternative{}, fmt.Errorf("%w (settings: %s)", err, strings.Join(names, ", "))
		}
		return Alternative{Name: spec, RuleSet: rs}, nil
	}
	f, err := os.Open(spec)
	if err != nil {
		return Alternative{}, err
	}
	defer f.Close()
	rs, err := aid.LoadRuleSet(f)
	if err != nil {
		return Alternative{}, fmt.Errorf("%s: %w", spec, err)
	}
	return Alternative{Name: rs.Name, RuleSet: rs}, nil
}

// A Row is one case compared.
type Row struct {
	CaseID     string            `json:"case_id"`
	Base       string            `json:"base"`
	Other      string            `json:"other"`
	AsOf       civil.Date        `json:"as_of"`
	TotalBase  aid.Money         `json:"total_base"`
	TotalOther aid.Money         `json:"total_other"`
	Delta      aid.Money         `json:"delta"`
	Comparison *aid.Comparison   `json:"comparison,omitempty"`
	Draft      []aid.DraftResult `json:"draft,omitempty"`
	Label      string            `json:"label,omitempty"`
}

// CompareCase compares one case.
func CompareCase(c prisoner.Case, base aid.RuleSet, alt Alternative, asOf civil.Date) (Row, error) {
	if alt.Draft != nil {
		r, err := aid.Evaluate(c, base)
		if err != nil {
			return Row{}, err
		}
		row := Row{CaseID: c.ID, Base: base.Name, Other: alt.Name, AsOf: asOf, Label: aid.NeverEnacted}
		for _, e := range r.Entitlements(asOf) {
			if e.State != aid.StateUnpaidAtDeath { // a grant counted already, passing on
				row.TotalBase = row.TotalBase.Add(e.Amount)
			}
		}
		row.Draft = alt.Draft.Evaluate(c, asOf)
		for _, d := range row.Draft {
			row.TotalOther = row.TotalOther.Add(d.Total)
		}
		row.Delta = row.TotalOther.Sub(row.TotalBase)
		return row, nil
	}
	cmp, err := aid.Compare(c, base, alt.RuleSet, asOf)
	if err != nil {
		return Row{}, err
	}
	return Row{CaseID: c.ID, Base: base.Name, Other: alt.Name, AsOf: asOf, TotalBase: cmp.TotalA, TotalOther: cmp.TotalB,
		Delta: cmp.Delta, Comparison: &cmp}, nil
}

// A Summary adds up a batch: who gains, who loses, the total cost.
type Summary struct {
	Cases, Gain, Lose, Same int
	// TotalBase and TotalOther are what the cases receive or may claim on
	// the day: Granted + Paid + Open of each (for the draft, its total).
	TotalBase, TotalOther aid.Money
	// Granted (the main report's "granted in all"), Paid (recorded) and
	// Open (still open to claim) under each rule set; Recovery is what is
	// due back after an invalidation.
	Granted, Paid, Open, Recovery aid.MoneyPair
	// Compared: the rows compared two rule sets (not the 2017 draft), so
	// the totals above are there.
	Compared bool
	// Cost is the sum of the rows' net differences (recoveries due back
	// after an invalidation taken off).
	Cost aid.Money
	// Parties are gains and losses per payee across the batch ("C-01/f1").
	Gainers, Losers []PartyDelta
}

// A PartyDelta is what one payee of one case gains or loses.
type PartyDelta struct {
	CaseID, Party string
	Delta         aid.Money
}

// Add counts one row.
func (s *Summary) Add(r Row) {
	s.Cases++
	s.TotalBase, s.TotalOther = s.TotalBase.Add(r.TotalBase), s.TotalOther.Add(r.TotalOther)
	s.Cost = s.Cost.Add(r.Delta)
	switch r.Delta.Sign() {
	case 1:
		s.Gain++
	case -1:
		s.Lose++
	default:
		s.Same++
	}
	if c := r.Comparison; c != nil {
		add := func(p *aid.MoneyPair, x aid.MoneyPair) { p.A, p.B = p.A.Add(x.A), p.B.Add(x.B) }
		add(&s.Granted, c.Granted)
		add(&s.Paid, c.Paid)
		add(&s.Open, c.Open)
		add(&s.Recovery, aid.MoneyPair{A: c.RecoveryA, B: c.RecoveryB})
		s.Compared = true
	}
	if r.Comparison != nil {
		for _, p := range r.Comparison.Parties {
			switch p.Delta.Sign() {
			case 1:
				s.Gainers = append(s.Gainers, PartyDelta{r.CaseID, p.Party, p.Delta})
			case -1:
				s.Losers = append(s.Losers, PartyDelta{r.CaseID, p.Party, p.Delta})
			}
		}
	}
}

// WriteText writes a row for people, in lang ("uk" or "en"): totals, and
// each changed claim and open entitlement with the setting that changed it.
func WriteText(w io.Writer, r Row, lang string) {
	uk := lang == "uk"
	if uk {
		fmt.Fprintf(w, "%s: %s %s грн, %s %s грн, різниця %s\n", r.CaseID, r.Base, r.TotalBase, r.Other, r.TotalOther, r.Delta)
	} else {
		fmt.Fprintf(w, "%s: %s UAH %s, %s UAH %s, difference %s\n", r.CaseID, r.Base, r.TotalBase, r.Other, r.TotalOther, r.Delta)
	}
	if c := r.Comparison; c != nil && !c.RecoveryA.Equal(c.RecoveryB) {
		if uk {
			fmt.Fprintf(w, "  до повернення після визнання рішення нечинним (ст. 4 ч. 9): %s %s грн, %s %s грн\n", r.Base, c.RecoveryA, r.Other, c.RecoveryB)
		} else {
			fmt.Fprintf(w, "  due back after invalidation (Art. 4(9)): %s UAH %s, %s UAH %s\n", r.Base, c.RecoveryA, r.Other, c.RecoveryB)
		}
	}
	because := "because of"
	if uk {
		because = "через"
	}
	if r.Comparison != nil {
		for _, ch := range r.Comparison.Claims {
			if !ch.Changed {
				continue
			}
			var causes []string
			for _, c := range ch.Causes {
				causes = append(causes, c.Name+": "+c.A+" → "+c.B+" ("+c.Citation.Code()+")")
			}
			kind := ch.Aid.String()
			if uk {
				kind = ch.Aid.Label().UK
			}
			fmt.Fprintf(w, "  #%d %s %s: %s → %s (%s) %s %s\n", ch.Seq, kind, partyIn(ch.Claimant, lang), outcomeIn(ch.A, lang), outcomeIn(ch.B, lang), ch.Delta, because, strings.Join(causes, "; "))
		}
		var causes []string
		for _, c := range r.Comparison.Differences {
			causes = append(causes, c.Name)
		}
		for _, e := range r.Comparison.Entitlements {
			state, kind := string(e.State), e.Aid.String()
			if uk {
				state, kind = stateUK(e.State), e.Aid.Label().UK
			}
			fmt.Fprintf(w, "  %s %s %s %s: %s → %s (%s) %s %s\n", state, e.Episode, kind, partyIn(e.Party, lang),
				moneyYears(e.A, e.YearsA, lang), moneyYears(e.B, e.YearsB, lang), e.Delta, because, strings.Join(causes, "; "))
		}
	}
	for _, d := range r.Draft {
		if !d.Covered {
			fmt.Fprintf(w, "  %s: %s\n", d.Episode, d.Reason.In(lang))
			continue
		}
		if uk {
			fmt.Fprintf(w, "  %s: %s, %s грн (%s)\n", d.Episode, law.PluralUK(len(d.Months), "місяць", "місяці", "місяців"), d.Total, d.Label)
			continue
		}
		fmt.Fprintf(w, "  %s: %d months, UAH %s (%s)\n", d.Episode, len(d.Months), d.Total, d.Label)
	}
}

// outcomeIn writes a decision in brief in lang.
func outcomeIn(o aid.Outcome, lang string) string {
	if lang != "uk" {
		return o.String()
	}
	if !o.Granted {
		return "відмовлено: " + o.Refusal.Message().UK
	}
	s := "призначено " + o.Amount.String()
	if len(o.Years) > 0 {
		s += fmt.Sprintf(" за роки %v", o.Years)
	}
	if len(o.Shares) > 1 {
		for _, sh := range o.Shares {
			s += " " + partyIn(sh.Party, lang) + "=" + sh.Amount.String()
		}
	}
	return s
}

// partyIn names a party in lang.
func partyIn(p, lang string) string {
	if lang == "uk" {
		return aid.PartyLabel(p).UK
	}
	return p
}

// stateUK names an entitlement state in Ukrainian.
func stateUK(s aid.EntitlementState) string {
	switch s {
	case aid.StateOpen:
		return "можна отримати"
	case aid.StateUnpaidAtDeath:
		return "не виплачено до смерті"
	case aid.StatePaid:
		return "виплачено"
	case aid.StateGranted:
		return "призначено"
	}
	return string(s)
}

// moneyYears writes an amount with the captivity years it covers.
func moneyYears(m aid.Money, years []int, lang string) string {
	if len(years) == 0 {
		return m.String()
	}
	if lang == "uk" {
		return fmt.Sprintf("%s за роки %v", m, years)
	}
	return fmt.Sprintf("%s for years %v", m, years)
}

// WriteSummary writes the batch's totals in lang, each named: what the
// decisions grant (the main report's total), what is recorded as paid,
// what is still open to claim, their sum, what is due back, and the cost.
func WriteSummary(w io.Writer, s Summary, base, other, lang string) {
	uk := lang == "uk"
	if uk {
		fmt.Fprintf(w, "\n%s: виграють %d, втрачають %d, без змін %d за %s порівняно з %s\n",
			law.PluralUK(s.Cases, "справа", "справи", "справ"), s.Gain, s.Lose, s.Same, other, base)
	} else {
		fmt.Fprintf(w, "\n%d cases: %d gain, %d lose, %d unchanged under %s compared with %s\n", s.Cases, s.Gain, s.Lose, s.Same, other, base)
	}
	unit := "UAH %s"
	if uk {
		unit = "%s грн"
	}
	if s.Compared {
		row := func(en, ukName string, p aid.MoneyPair) {
			name := en
			if uk {
				name = ukName
			}
			fmt.Fprintf(w, "  %-40s %s "+unit+", %s "+unit+"\n", name+":", base, p.A, other, p.B)
		}
		row("granted by the decisions", "призначено рішеннями", s.Granted)
		row("paid (recorded in the cases)", "виплачено (записано у справах)", s.Paid)
		row("open to claim on the day", "можна отримати на цей день", s.Open)
		row("total (granted + paid + open)", "усього (призначено + виплачено + можна отримати)", aid.MoneyPair{A: s.TotalBase, B: s.TotalOther})
		if !s.Recovery.A.IsZero() || !s.Recovery.B.IsZero() {
			row("due back after invalidation (Art. 4(9))", "до повернення (ст. 4 ч. 9)", s.Recovery)
		}
		if uk {
			fmt.Fprintf(w, "вартість зміни (усього мінус до повернення): %s грн\n", s.Cost)
		} else {
			fmt.Fprintf(w, "cost of the change (total less due back): UAH %s\n", s.Cost)
		}
	} else if uk {
		fmt.Fprintf(w, "усього: %s %s грн, %s %s грн, вартість зміни %s грн\n", base, s.TotalBase, other, s.TotalOther, s.Cost)
	} else {
		fmt.Fprintf(w, "total: %s UAH %s, %s UAH %s, cost of the change UAH %s\n", base, s.TotalBase, other, s.TotalOther, s.Cost)
	}
	gain, lose := "gain", "lose"
	if uk {
		gain, lose = "виграють", "втрачають"
	}
	list := func(ps []PartyDelta) string {
		var out []string
		for _, p := range ps {
			sign := ""
			if p.Delta.Sign() > 0 {
				sign = "+"
			}
			out = append(out, p.CaseID+"/"+partyIn(p.Party, lang)+" "+sign+p.Delta.String())
		}
		return strings.Join(out, ", ")
	}
	if len(s.Gainers) > 0 {
		fmt.Fprintf(w, "%s: %s\n", gain, list(s.Gainers))
	}
	if len(s.Losers) > 0 {
		fmt.Fprintf(w, "%s: %s\n", lose, list(s.Losers))
	}
}

// CSVHeader is the header of the comparison CSV: one row per claim (or
// per draft episode), with the case totals repeated.
var csvHeader = []string{"case_id", "base", "other", "as_of", "total_base", "total_other", "delta", "seq", "aid", "claimant",
	"decision_base", "decision_other", "claim_delta", "causes"}

// CSVWriter writes comparison rows as CSV, spreadsheet-safe.
type CSVWriter struct {
	w      *csv.Writer
	header bool
}

// NewCSVWriter returns a writer; excel adds a byte-order mark and CRLF.
func NewCSVWriter(w io.Writer, excel bool) *CSVWriter {
	if excel {
		_, _ = io.WriteString(w, "\ufeff")
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = excel
	return &CSVWriter{w: cw}
}

// Write writes the rows of one comparison.
func (c *CSVWriter) Write(r Row) error {
	if !c.header {
		c.header = true
		if err := c.w.Write(csvHeader); err != nil {
			return err
		}
	}
	base := []string{r.CaseID, r.Base, r.Other, r.AsOf.String(), r.TotalBase.String(), r.TotalOther.String(), r.Delta.String()}
	write := func(rest ...string) error {
		rec := append(append([]string{}, base...), rest...)
		for i := range rec {
			rec[i] = export.Neutralize(rec[i])
		}
		return c.w.Write(rec)
	}
	if r.Comparison != nil {
		for _, ch := range r.Comparison.Claims {
			var causes []string
			for _, x := range ch.Causes {
				causes = append(causes, x.Name)
			}
			if err := write(fmt.Sprint(ch.Seq), ch.Aid.String(), ch.Claimant, ch.A.String(), ch.B.String(), ch.Delta.String(), strings.Join(causes, ";")); err != nil {
				return err
			}
		}
		var causes []string
		for _, x := range r.Comparison.Differences {
			causes = append(causes, x.Name)
		}
		for _, e := range r.Comparison.Entitlements { // open lines: no claim, so no seq
			if err := write("", e.Aid.String(), e.Party, string(e.State)+" "+moneyYears(e.A, e.YearsA, "en"), string(e.State)+" "+moneyYears(e.B, e.YearsB, "en"),
				e.Delta.String(), strings.Join(causes, ";")); err != nil {
				return err
			}
		}
	}
	for _, d := range r.Draft {
		if err := write("", "draft6700", d.Episode, "", fmt.Sprintf("%d months", len(d.Months)), d.Total.String(), d.Label); err != nil {
			return err
		}
	}
	return nil
}

// Flush writes out the buffer.
func (c *CSVWriter) Flush() error {
	c.w.Flush()
	return c.w.Error()
}

// WriteJSON writes one row as a JSON line.
func WriteJSON(w io.Writer, r Row) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
