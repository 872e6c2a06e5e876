package aid

import (
	"bytes"

	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/law"
	"github.com/uacaptivity/captivity/prisoner"
	"github.com/uacaptivity/captivity/status"
)

// Code is the stable, machine-readable reason a claim is refused. Codes
// are API: never renamed.
type Code string

// Refusal codes.
const (
	RegimeNotInForce        Code = "regime_not_in_force"        // the aid did not exist on the claim date (C3, A6b, regime ends)
	FactNotEstablished      Code = "fact_not_established"       // no effective establish decision (Art. 3(1), 4(7))
	FactCancelled           Code = "fact_cancelled"             // the decision was declared invalid (Art. 4(8))
	ExcludedConviction      Code = "excluded_conviction"        // a final conviction for an excluding crime (Art. 2(4))
	DocumentsIncomplete     Code = "documents_incomplete"       // the claim lacks documents
	NotFamilyMember         Code = "not_family_member"          // the claimant is not a recognised family member on the day assessed
	FamilyNotCovered        Code = "family_not_covered"         // family of a foreign serviceman (Art. 2(3))
	NotCitizen              Code = "not_citizen"                // a citizenship condition is not met
	ClaimantNotEntitled     Code = "claimant_not_entitled"      // this party cannot claim this aid (e.g. family for release aid)
	FamilyClaimAfterRelease Code = "family_claim_after_release" // the family's right ends with the release (A5)
	PersonDeceased          Code = "person_deceased"            // the personal entitlement ended with the death (A7, R3)
	AlreadyPaid             Code = "already_paid"               // every unit claimed was already paid or granted
	NothingDue              Code = "nothing_due"                // no creditable unit (e.g. no full year)
	NotReleased             Code = "not_released"               // release aid before release
	DeathNotCovered         Code = "death_not_covered"          // no death (by the claim's day) that Art. 7(3) covers; before v0.2.0 also the two below
	DeathAfterOneYear       Code = "death_after_one_year"       // a death after release, later than one year after it (Art. 7(3))
	DeathNotLinked          Code = "death_not_linked"           // a death within the year after release, not linked to the captivity (Art. 7(3))
	OtherGroundElected      Code = "other_ground_elected"       // the claimant chose another law's death payment (Art. 7(3))
	PriorRegimePaid         Code = "prior_regime_paid"          // release aid already paid under the 2018 regime (R2)
	FactEstablished         Code = "fact_established"           // the 2026 civilian aid is for people without an established fact (C2)
	NotCivilian             Code = "not_civilian"               // the 2026 civilian aid is for civilians (C1)
	DeadlinePassed          Code = "deadline_passed"            // the claim came after its term
	NotHeld                 Code = "not_held"                   // support for persons held, claimed when not held
)

// Codes lists every refusal code with its bilingual meaning.
func Codes() map[Code]law.Text {
	out := map[Code]law.Text{}
	for _, c := range allCodes() {
		out[c] = c.Message()
	}
	return out
}

func allCodes() []Code {
	return []Code{RegimeNotInForce, FactNotEstablished, FactCancelled, ExcludedConviction, DocumentsIncomplete, NotFamilyMember, FamilyNotCovered, NotCitizen, ClaimantNotEntitled, FamilyClaimAfterRelease, PersonDeceased, AlreadyPaid, NothingDue, NotReleased, DeathNotCovered, DeathAfterOneYear, DeathNotLinked, OtherGroundElected, PriorRegimePaid, FactEstablished, NotCivilian, DeadlinePassed, NotHeld}
}

// Message returns the bilingual meaning of c.
func (c Code) Message() law.Text {
	switch c {
	case RegimeNotInForce:
		return law.Text{UK: "на дату звернення допомога не діяла", EN: "the aid was not in force on the claim date"}
	case FactNotEstablished:
		return law.Text{UK: "факт позбавлення свободи не встановлено", EN: "the fact of deprivation of liberty is not established"}
	case FactCancelled:
		return law.Text{UK: "рішення про встановлення факту визнано нечинним", EN: "the establishing decision was declared invalid"}
	case ExcludedConviction:
		return law.Text{UK: "обвинувальний вирок за злочин, що виключає дію закону", EN: "a final conviction for an excluding crime"}
	case DocumentsIncomplete:
		return law.Text{UK: "неповний пакет документів", EN: "the documents are incomplete"}
	case NotFamilyMember:
		return law.Text{UK: "заявник не є визнаним членом сім'ї", EN: "the claimant is not a recognised family member"}
	case FamilyNotCovered:
		return law.Text{UK: "закон не поширюється на сім'ю іноземця-військовослужбовця", EN: "the law does not cover the family of a foreign serviceman"}
	case NotCitizen:
		return law.Text{UK: "не виконано умову громадянства", EN: "a citizenship condition is not met"}
	case ClaimantNotEntitled:
		return law.Text{UK: "цей заявник не може отримати цю допомогу", EN: "this claimant cannot receive this aid"}
	case FamilyClaimAfterRelease:
		return law.Text{UK: "після звільнення члени сім'ї не отримують щорічну допомогу", EN: "after release the family cannot claim annual aid"}
	case PersonDeceased:
		return law.Text{UK: "особа померла; особисте право не переходить", EN: "the person has died; the personal entitlement does not pass"}
	case AlreadyPaid:
		return law.Text{UK: "вже виплачено або призначено", EN: "already paid or granted"}
	case NothingDue:
		return law.Text{UK: "немає року чи періоду, за який належить виплата", EN: "no year or period is due"}
	case NotReleased:
		return law.Text{UK: "особу не звільнено", EN: "the person has not been released"}
	case DeathNotCovered:
		return law.Text{UK: "смерть не підпадає під ст. 7 ч. 3", EN: "the death is not covered by Art. 7(3)"}
	case DeathAfterOneYear:
		return law.Text{UK: "смерть настала пізніше ніж через рік після звільнення", EN: "the death came more than a year after the release"}
	case DeathNotLinked:
		return law.Text{UK: "смерть після звільнення не пов'язана з полоном (немає висновку)", EN: "the death after release is not linked to the captivity (no certificate)"}
	case OtherGroundElected:
		return law.Text{UK: "обрано виплату за іншим законом", EN: "the claimant chose the payment under another law"}
	case PriorRegimePaid:
		return law.Text{UK: "допомогу після цього звільнення вже виплачено за програмою 2018 року", EN: "release aid for this release was paid under the 2018 programme"}
	case FactEstablished:
		return law.Text{UK: "факт встановлено: діє допомога за Законом 2010-IX", EN: "the fact is established: Law 2010-IX aid applies instead"}
	case NotCivilian:
		return law.Text{UK: "допомога призначена цивільним громадянам України", EN: "the aid is for civilian citizens of Ukraine"}
	case DeadlinePassed:
		return law.Text{UK: "пропущено строк звернення", EN: "the claim is out of time"}
	case NotHeld:
		return law.Text{UK: "особа не утримувалася на дату звернення", EN: "the person was not held on the claim date"}
	}
	return law.Text{}
}

// A Decision is the outcome of one claim: granted with an amount, the
// units it covers and the payees' shares, or refused with a stable code
// and the unmet conditions. Every decision carries its trace.
type Decision struct {
	// Event is the claim's index in the case's events; Seq its sequence.
	Event    int              `json:"event"`
	Seq      int              `json:"seq"`
	Date     civil.Date       `json:"date"`
	Episode  string           `json:"episode"`
	Aid      prisoner.AidKind `json:"aid"`
	Claimant string           `json:"claimant"`
	Granted  bool             `json:"granted"`
	// Amount is the total granted (UAH 0.00 when refused).
	Amount Money `json:"amount"`
	// Years lists the captivity years an annual grant covers.
	Years []YearLine `json:"years,omitempty"`
	// Shares splits Amount among payees; they add up to Amount exactly.
	Shares []Share `json:"shares,omitempty"`
	// Refusal is the code of a refused claim.
	Refusal Code `json:"refusal,omitempty"`
	// Reasons are the unmet conditions of a refused claim.
	Reasons []Reason `json:"reasons,omitempty"`
	// Trace is every step taken, in order.
	Trace []Step `json:"trace"`
	// Projected marks a decision of a projection ([Calculator.Project]):
	// it rests on a Commission decision that has not been made.
	Projected bool `json:"projected,omitempty"`
}

// AppendCitationCodes appends to b the distinct codes of the grounds in
// d's trace ([law.Citation.AppendCode]: act, article, part and point; the
// note does not count), in the order they first appear, separated by ";":
// the decision's grounds in one cell, as decisions.csv has them.
func (d *Decision) AppendCitationCodes(b []byte) []byte {
	start := len(b)
	// Steps of one kind share one citation: a ground met before is
	// skipped without writing its code out.
	var seen [8]*law.Citation
	n := 0
steps:
	for i := range d.Trace {
		c := d.Trace[i].cite
		if c == nil || c.IsZero() {
			continue
		}
		for _, s := range seen[:n] {
			if s == c {
				continue steps
			}
		}
		if n < len(seen) {
			seen[n] = c
			n++
		}
		at := len(b)
		if at > start {
			b = append(b, ';')
		}
		b = c.AppendCode(b)
		if at > start && containsCode(b[start:at], b[at+1:]) {
			b = b[:at]
		}
	}
	return b
}

// containsCode reports whether the ";"-separated list holds code.
func containsCode(list, code []byte) bool {
	for len(list) > 0 {
		i := bytes.IndexByte(list, ';')
		if i < 0 {
			return bytes.Equal(list, code)
		}
		if bytes.Equal(list[:i], code) {
			return true
		}
		list = list[i+1:]
	}
	return false
}

// Assumed reports whether any step of the decision rests on an assumption
// (confidence U) rather than verified law.
func (d Decision) Assumed() bool {
	for _, s := range d.Trace {
		if s.conf == law.Assumption {
			return true
		}
	}
	return false
}

// A YearLine is one captivity year paid by an annual grant.
type YearLine struct {
	// K is the year's number from capture (1 = first year).
	K int `json:"k"`
	// ID is the key the year is paid under: K, or the calendar year under
	// the calendar-year basis.
	ID   int        `json:"id"`
	From civil.Date `json:"from"`
	To   civil.Date `json:"to"`
	// PreLaw marks a year of the pre-law block (Art. 17(6)).
	PreLaw bool  `json:"pre_law,omitempty"`
	Amount Money `json:"amount"`
}

// A Share is one payee's part of a grant.
type Share struct {
	Party  string `json:"party"`
	Amount Money  `json:"amount"`
}

// A Reason is one unmet condition of a refused claim.
type Reason struct {
	Code       Code           `json:"code"`
	Message    law.Text       `json:"message"`
	Citation   law.Citation   `json:"citation"`
	Confidence law.Confidence `json:"confidence"`
}

// A Recovery is a payment due back after the establishing decision was
// declared invalid (Art. 4(9)).
type Recovery struct {
	Episode  string           `json:"episode"`
	Event    int              `json:"event"`
	Seq      int              `json:"seq"`
	Date     civil.Date       `json:"date"`
	Aid      prisoner.AidKind `json:"aid"`
	Payee    string           `json:"payee"`
	Amount   Money            `json:"amount"`
	Citation law.Citation     `json:"citation"`
}

// A Result is the evaluation of one case under one rule set.
type Result struct {
	CaseID     string           `json:"case_id"`
	Stamp      Stamp            `json:"stamp"`
	Timeline   *status.Timeline `json:"timeline"`
	Decisions  []Decision       `json:"decisions"`
	Recoveries []Recovery       `json:"recoveries,omitempty"`
	// Warnings are what the evaluation had to assume because the case does
	// not say it (the timeline's: an application implied by a decision, a
	// release or death with no Register record, a release of unknown kind).
	Warnings []prisoner.Warning `json:"warnings,omitempty"`
	// Projected, on the result of [Calculator.Project], are the
	// Commission decisions it assumed; every decision and entitlement of
	// such a result is marked projected. Empty for a real evaluation.
	Projected []ProjectedEpisode `json:"projected,omitempty"`

	c  prisoner.Case
	rs *RuleSet // the calculator's, which never changes
}

// Granted returns the total granted across the decisions.
func (r *Result) Granted() Money {
	var t Money
	for _, d := range r.Decisions {
		t = t.Add(d.Amount)
	}
	return t
}

// Case returns a copy of the case the result was evaluated from. The
// result keeps a copy of its own, made when it was evaluated: changing
// the caller's case afterwards, or the copy returned here, changes
// nothing in the result.
func (r *Result) Case() prisoner.Case { return r.c.Clone() }
