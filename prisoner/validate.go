package prisoner

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-playground/validator/v10"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/law"
)

// validate is the one validator instance, built once with every
// registration done before first use (validator's instances are safe for
// concurrent use once built).
var validate = sync.OnceValue(func() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			return ""
		}
		return name
	})
	// known: an enum value that has a code (zero passes only with omitempty).
	// The field is reached through its address where it has one (it has
	// in a Case): boxing a pointer does not allocate, boxing the value
	// does, and this runs for every episode of every case.
	_ = v.RegisterValidation("known", func(fl validator.FieldLevel) bool {
		f := fl.Field()
		var x any
		if f.CanAddr() {
			x = f.Addr().Interface()
		} else {
			x = f.Interface()
		}
		k, ok := x.(interface{ Valid() bool })
		return ok && k.Valid()
	})
	return v
})

var amountRe = regexp.MustCompile(`^[0-9]{1,12}\.[0-9]{2}$`)

// Validate checks c and returns a *ValidationError listing every problem,
// or nil. Field rules (required values, lengths, codes) and cross-field
// rules (dates in order, references, the RNOKPP check digit, fields that do
// not belong to an event's kind) are all checked; nothing stops at the
// first problem. Messages name the path and never the value.
func (c *Case) Validate() error {
	var p problems
	c.check(&p)
	return p.err()
}

func (c *Case) check(p *problems) {
	tagProblems(c, p)
	c.checkCross(p)
}

// tagProblems runs the validator's tag rules and converts its errors; the
// validator's types never leave this function.
func tagProblems(c *Case, p *problems) {
	if tagsHold(c) {
		return // every tag rule holds: the validator would find nothing
	}
	err := validate().Struct(c)
	var ves validator.ValidationErrors
	if !errors.As(err, &ves) {
		return
	}
	for _, fe := range ves {
		path := fe.Namespace()
		if _, rest, ok := strings.Cut(path, "."); ok {
			path = rest
		}
		if p.has(path) {
			continue
		}
		switch fe.Tag() {
		case "required":
			p.add(path, CodeRequired, msgRequired())
		case "min":
			if fe.Kind() == reflect.Slice {
				p.add(path, CodeRequired, law.Text{UK: "потрібен хоча б один запис", EN: "needs at least one entry"})
			} else {
				p.add(path, CodeInvalid, law.Text{UK: "замале значення (мінімум " + fe.Param() + ")", EN: "is below the minimum " + fe.Param()})
			}
		case "max":
			if fe.Kind() == reflect.Int {
				p.add(path, CodeInvalid, law.Text{UK: "завелике значення (максимум " + fe.Param() + ")", EN: "is above the maximum " + fe.Param()})
			} else {
				p.add(path, CodeTooLong, msgTooLong(fe.Param()))
			}
		case "iso3166_1_alpha2":
			p.add(path, CodeCountry, law.Text{UK: "не є кодом країни ISO 3166-1 alpha-2 (напр. UA)", EN: "is not an ISO 3166-1 alpha-2 country code (such as UA)"})
		case "printascii":
			p.add(path, CodeInvalid, law.Text{UK: "дозволені лише друковані символи ASCII", EN: "may hold printable ASCII characters only"})
		case "known":
			p.add(path, CodeInvalid, law.Text{UK: "невідоме значення", EN: "is not a known value"})
		default:
			p.add(path, CodeInvalid, law.Text{UK: "недопустиме значення", EN: "is not valid (" + fe.Tag() + ")"})
		}
	}
}

// tagsHold reports whether c certainly meets every rule of the validate
// tags on Case, Person and Episode. It is the validator's rules written
// out in Go, stricter where in doubt: when it says no, the validator runs
// and says what is wrong, so messages come from one place. At register
// scale the validator's reflection was a fifth of the whole job; a test
// checks the two agree on valid and broken cases.
func tagsHold(c *Case) bool {
	if !printASCII(c.ID, 64) || len(c.Episodes) < 1 || len(c.Episodes) > 20 ||
		len(c.Family) > 50 || len(c.Events) > 500 || !runesAtMost(c.Note, 2000) {
		return false
	}
	if cz := c.Person.Citizenship; cz != "" && !alpha2()[cz] {
		return false
	}
	if !runesAtMost(c.Person.Name, 200) {
		return false
	}
	for i := range c.Episodes {
		e := &c.Episodes[i]
		if !printASCII(e.ID, 32) || !e.Category.Valid() || e.Captured.IsZero() ||
			(e.ReleaseKind != 0 && !e.ReleaseKind.Valid()) || !runesAtMost(e.EarlyDateReason, 500) {
			return false
		}
	}
	return true
}

// printASCII reports whether s is 1 to max printable ASCII characters.
func printASCII(s string, max int) bool {
	if s == "" || len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// runesAtMost reports whether s has at most max characters, as the
// validator's max counts them.
func runesAtMost(s string, max int) bool {
	return len(s) <= max || utf8.RuneCountInString(s) <= max
}

// alpha2 is the set of the ISO 3166-1 alpha-2 codes, as the validator
// knows them: every two capital letters it accepts. Built once; never
// changed.
var alpha2 = sync.OnceValue(func() map[string]bool {
	set := map[string]bool{}
	v := validate()
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			if v.Var(code, "iso3166_1_alpha2") == nil {
				set[code] = true
			}
		}
	}
	return set
})

func (c *Case) checkCross(p *problems) {
	person := c.Person
	switch {
	case person.Stateless && person.Citizenship != "":
		p.add("person.stateless", CodeConflict, law.Text{UK: "особа без громадянства не може мати громадянство", EN: "conflicts with person.citizenship"})
	case !person.Stateless && person.Citizenship == "" && !p.has("person.citizenship"):
		p.add("person.citizenship", CodeRequired, law.Text{UK: "вкажіть громадянство або позначте особу без громадянства", EN: "is required unless person.stateless is true"})
	}
	checkRNOKPP(p, elemAt{"person", -1}, person.RNOKPP)

	// IDs and seqs are looked up by scanning: a case has at most 20
	// episodes, 50 members and 500 events, and maps cost more than the
	// scans for the cases a register holds.
	for i, e := range c.Episodes {
		at := elemAt{"episodes", i}
		if e.ID != "" && c.episodeBefore(e.ID, i) >= 0 {
			p.add(at.f("id"), CodeDuplicate, msgDuplicate(wordEpisodeID))
		}
		c.checkEpisode(p, at, e)
		if i > 0 {
			prev := c.Episodes[i-1]
			end := civil.Min(prev.Released, prev.Died)
			switch {
			case end.IsZero() && !prev.Captured.IsZero():
				p.add(at.f("captured"), CodeOrder, law.Text{UK: "попередній епізод не завершено звільненням чи смертю", EN: "follows an episode that has no release or death"})
			case !e.Captured.IsZero() && !end.IsZero() && !e.Captured.After(end):
				p.add(at.f("captured"), CodeOrder, msgOrder(fmt.Sprintf("episodes[%d] end", i-1), "before or on"))
			}
		}
	}

	for i, m := range c.Family {
		at := elemAt{"family", i}
		checkMemberFields(p, at, m)
		switch {
		case m.ID == PartyPerson || m.ID == PartyRepresentative:
			p.add(at.f("id"), CodeInvalid, law.Text{UK: "ідентифікатор зарезервовано", EN: "is a reserved word (person, representative)"})
		case m.ID != "" && c.memberBefore(m.ID, i):
			p.add(at.f("id"), CodeDuplicate, msgDuplicate(wordMemberID))
		}
		checkRNOKPP(p, at, m.RNOKPP)
		if !m.Ended.IsZero() && !m.Since.IsZero() && m.Ended.Before(m.Since) {
			p.add(at.f("ended"), CodeOrder, msgOrder(at.f("since"), "before"))
		}
		if !m.BirthDate.IsZero() && !m.Since.IsZero() && m.Since.Before(m.BirthDate) {
			p.add(at.f("since"), CodeOrder, msgOrder(at.f("birth_date"), "before"))
		}
	}

	for i := range c.Events {
		ev := &c.Events[i]
		at := evAt(i)
		if ev.Seq > 0 {
			for j := range i {
				if c.Events[j].Seq == ev.Seq {
					p.add(at.f("seq"), CodeDuplicate, msgDuplicate(wordSeq))
					break
				}
			}
		}
		c.checkEvent(p, at, ev)
	}
}

// episodeBefore returns the index of the last episode before index end
// with the given ID, or -1.
func (c *Case) episodeBefore(id string, end int) int {
	for j := end - 1; j >= 0; j-- {
		if c.Episodes[j].ID == id {
			return j
		}
	}
	return -1
}

// memberBefore reports whether a family member before index end has the
// given ID.
func (c *Case) memberBefore(id string, end int) bool {
	for j := range end {
		if c.Family[j].ID == id {
			return true
		}
	}
	return false
}

func (c *Case) checkEpisode(p *problems, at elemAt, e Episode) {
	if !e.Captured.IsZero() {
		if e.Captured.Before(aggressionStart) && strings.TrimSpace(e.EarlyDateReason) == "" {
			p.add(at.f("captured"), CodeEarly, law.Text{
				UK: "раніше 20.02.2014: вкажіть причину в early_date_reason",
				EN: "is before 2014-02-20 (Art. 2(4), 17(6) of Law 2010-IX count from then): give early_date_reason if it is right",
			})
		}
		if !e.Released.IsZero() && e.Released.Before(e.Captured) {
			p.add(at.f("released"), CodeOrder, msgOrder(at.f("captured"), "before"))
		}
		if !e.Died.IsZero() && e.Died.Before(e.Captured) {
			p.add(at.f("died"), CodeOrder, msgOrder(at.f("captured"), "before"))
		}
		if b := c.Person.BirthDate; !b.IsZero() && e.Captured.Before(b) {
			p.add(at.f("captured"), CodeOrder, msgOrder("person.birth_date", "before"))
		}
	}
	if !e.Died.IsZero() && !e.Released.IsZero() && e.Died.Before(e.Released) {
		p.add(at.f("died"), CodeOrder, msgOrder(at.f("released"), "before"))
	}
	if e.Released.IsZero() && e.ReleaseKind != 0 {
		p.add(at.f("release_kind"), CodeNotAllowed, law.Text{UK: "вказано без дати звільнення", EN: "is given without a release date"})
	}
	// A release whose kind is not known is allowed: no rule turns on the
	// kind, and many records do not say it (the case schema never
	// required it).
	if e.DeathLinked && !e.DiedAfterRelease() {
		p.add(at.f("death_linked"), CodeNotAllowed, law.Text{UK: "застосовується лише до смерті після звільнення", EN: "applies only to a death after release"})
	}
}

// fields of an Event that only some kinds may set.
type eventField struct {
	name  string
	set   func(*Event) bool
	kinds []EventKind
}

var eventFields = []eventField{
	{"party", func(e *Event) bool { return e.Party != "" }, []EventKind{Application, Claim, Payment}},
	{"member", func(e *Event) bool { return e.Member != "" }, []EventKind{Decision}},
	{"decision", func(e *Event) bool { return e.Decision != 0 }, []EventKind{Decision}},
	{"ground", func(e *Event) bool { return e.Ground != 0 }, []EventKind{Decision}},
	{"notified", func(e *Event) bool { return !e.Notified.IsZero() }, []EventKind{Decision}},
	{"prior_procedure", func(e *Event) bool { return e.PriorProcedure }, []EventKind{Application, Decision}},
	{"ruling", func(e *Event) bool { return e.Ruling != 0 }, []EventKind{CourtRuling}},
	{"aid", func(e *Event) bool { return e.Aid != 0 }, []EventKind{Claim, Payment}},
	{"year", func(e *Event) bool { return e.Year != 0 }, []EventKind{Payment}},
	{"amount", func(e *Event) bool { return e.Amount != "" }, []EventKind{Payment}},
	{"regime", func(e *Event) bool { return e.Regime != 0 }, []EventKind{Payment}},
	{"missing", func(e *Event) bool { return len(e.Missing) > 0 }, []EventKind{Claim}},
	{"documents", func(e *Event) bool { return len(e.Documents) > 0 }, []EventKind{Application, Claim}},
	{"decided", func(e *Event) bool { return !e.Decided.IsZero() }, []EventKind{Claim}},
	{"other_law_elected", func(e *Event) bool { return e.OtherLawElected }, []EventKind{Claim}},
}

// checkEventFields applies to an event the field rules that the other
// records carry as validator tags, with the same codes and messages.
func checkEventFields(p *problems, at elemAt, ev *Event) {
	tooLong := func(name, v string, limit int) {
		if len(v) > limit {
			p.add(at.f(name), CodeTooLong, msgTooLong(strconv.Itoa(limit)))
		}
	}
	known := func(name string, set, valid bool) {
		if set && !valid {
			p.add(at.f(name), CodeInvalid, law.Text{UK: "невідоме значення", EN: "is not a known value"})
		}
	}
	switch {
	case ev.Seq < 1:
		p.add(at.f("seq"), CodeInvalid, law.Text{UK: "замале значення (мінімум 1)", EN: "is below the minimum 1"})
	case ev.Seq > 1000000:
		p.add(at.f("seq"), CodeInvalid, law.Text{UK: "завелике значення (максимум 1000000)", EN: "is above the maximum 1000000"})
	}
	if ev.Date.IsZero() {
		p.add(at.f("date"), CodeRequired, msgRequired())
	}
	if ev.Kind == 0 {
		p.add(at.f("kind"), CodeRequired, msgRequired())
	}
	known("kind", ev.Kind != 0, ev.Kind.Valid())
	if ev.Episode == "" {
		p.add(at.f("episode"), CodeRequired, msgRequired())
	}
	tooLong("episode", ev.Episode, 32)
	tooLong("party", ev.Party, 32)
	tooLong("member", ev.Member, 32)
	known("decision", ev.Decision != 0, ev.Decision.Valid())
	known("ground", ev.Ground != 0, ev.Ground.Valid())
	known("ruling", ev.Ruling != 0, ev.Ruling.Valid())
	known("aid", ev.Aid != 0, ev.Aid.Valid())
	known("regime", ev.Regime != 0, ev.Regime.Valid())
	switch {
	case ev.Year < 0:
		p.add(at.f("year"), CodeInvalid, law.Text{UK: "замале значення (мінімум 0)", EN: "is below the minimum 0"})
	case ev.Year > 9999:
		p.add(at.f("year"), CodeInvalid, law.Text{UK: "завелике значення (максимум 9999)", EN: "is above the maximum 9999"})
	}
	tooLong("amount", ev.Amount, 20)
	if len(ev.Missing) > 20 {
		p.add(at.f("missing"), CodeTooLong, msgTooLong("20"))
	}
	for i, m := range ev.Missing {
		if len(m) > 64 {
			p.add(at.f("missing["+strconv.Itoa(i)+"]"), CodeTooLong, msgTooLong("64"))
		}
	}
	if len(ev.Documents) > 20 {
		p.add(at.f("documents"), CodeTooLong, msgTooLong("20"))
	}
	for i, doc := range ev.Documents {
		switch {
		case len(doc) > 64:
			p.add(at.f("documents["+strconv.Itoa(i)+"]"), CodeTooLong, msgTooLong("64"))
		case slices.Contains(ev.Missing, doc):
			p.add(at.f("documents["+strconv.Itoa(i)+"]"), CodeConflict, law.Text{UK: "документ вказано і наявним, і відсутнім", EN: "is a document given as both present and missing"})
		}
	}
	if !ev.Decided.IsZero() && !ev.Date.IsZero() && ev.Decided.Before(ev.Date) {
		p.add(at.f("decided"), CodeOrder, law.Text{UK: "раніше за дату звернення", EN: "is before the day the claim was filed"})
	}
	tooLong("note", ev.Note, 500)
}

func (c *Case) checkEvent(p *problems, at elemAt, ev *Event) {
	checkEventFields(p, at, ev)
	if !ev.Kind.Valid() {
		return // kind-specific checks need a kind
	}
	for _, f := range eventFields {
		if f.set(ev) && !contains(f.kinds, ev.Kind) {
			p.add(at.f(f.name), CodeNotAllowed, msgNotAllowed(ev.Kind.String()))
		}
	}
	k := c.episodeBefore(ev.Episode, len(c.Episodes))
	ok := ev.Episode != "" && k >= 0
	var ep *Episode
	if ok {
		ep = &c.Episodes[k]
	}
	if ev.Episode != "" && !ok {
		p.add(at.f("episode"), CodeReference, msgReference(wordEpisode))
	}
	if ok && !ev.Date.IsZero() && !ep.Captured.IsZero() && ev.Date.Before(ep.Captured) && ev.Kind != Payment {
		p.add(at.f("date"), CodeOrder, msgOrder("the episode's capture", "before"))
	}
	if ev.Kind == Decision && !ev.Notified.IsZero() && ev.Notified.Before(ev.Date) {
		p.add(at.f("notified"), CodeOrder, msgOrder(at.f("date"), "before"))
	}
	party := func(required bool) {
		switch {
		case ev.Party == "" && required:
			p.add(at.f("party"), CodeRequired, msgRequired())
		case ev.Party == "", ev.Party == PartyPerson, ev.Party == PartyRepresentative:
		case !c.memberBefore(ev.Party, len(c.Family)):
			p.add(at.f("party"), CodeReference, msgReference(wordMember))
		}
	}
	switch ev.Kind {
	case Application:
		party(true)
	case Decision:
		switch ev.Decision {
		case 0:
			p.add(at.f("decision"), CodeRequired, msgRequired())
		case RecogniseMember, RefuseMember:
			if ev.Member == "" {
				p.add(at.f("member"), CodeRequired, msgRequired())
			}
		case Invalidate:
			if ev.Ground == 0 {
				p.add(at.f("ground"), CodeRequired, msgRequired())
			}
		}
		if ev.Ground != 0 && ev.Decision != Invalidate {
			p.add(at.f("ground"), CodeNotAllowed, law.Text{UK: "лише для рішення про визнання нечинним", EN: "applies only to an invalidate decision"})
		}
		if ev.Member != "" && ev.Decision != RecogniseMember && ev.Decision != RefuseMember && ev.Decision != Invalidate {
			p.add(at.f("member"), CodeNotAllowed, law.Text{UK: "лише для рішень щодо членів сім'ї", EN: "applies only to decisions on family members"})
		}
		if ev.Member != "" && !c.memberBefore(ev.Member, len(c.Family)) {
			p.add(at.f("member"), CodeReference, msgReference(wordMember))
		}
	case CourtRuling:
		if ev.Ruling == 0 {
			p.add(at.f("ruling"), CodeRequired, msgRequired())
		}
	case Claim:
		if ev.Aid == 0 {
			p.add(at.f("aid"), CodeRequired, msgRequired())
		}
		party(true)
		if ev.OtherLawElected && ev.Aid != DeathAid && ev.Aid != 0 {
			p.add(at.f("other_law_elected"), CodeNotAllowed, law.Text{UK: "лише для допомоги у разі смерті", EN: "applies only to a death-aid claim"})
		}
	case Payment:
		if ev.Aid == 0 {
			p.add(at.f("aid"), CodeRequired, msgRequired())
		}
		party(true)
		switch {
		case ev.Amount == "":
			p.add(at.f("amount"), CodeRequired, msgRequired())
		case !amountRe.MatchString(ev.Amount):
			p.add(at.f("amount"), CodeAmount, law.Text{UK: "сума в гривнях з двома знаками після крапки (100000.00)", EN: "must be UAH with two decimals and a dot (100000.00)"})
		}
		if ev.Regime == 0 {
			p.add(at.f("regime"), CodeRequired, msgRequired())
		} else if ev.Aid != 0 && ev.Aid.Regime() != ev.Regime {
			p.add(at.f("regime"), CodeConflict, law.Text{UK: "не відповідає виду допомоги", EN: "does not match the aid kind (" + ev.Aid.Regime().String() + ")"})
		}
		if (ev.Aid == Annual || ev.Aid == Reg2018Support) && ev.Year == 0 {
			p.add(at.f("year"), CodeRequired, law.Text{UK: "вкажіть рік, за який виплачено", EN: "is required: the year the payment covered"})
		}
	}
}

// checkMemberFields applies to a family member the field rules that the
// other records carry as validator tags, with the same codes and messages.
// The country code goes through the validator's own ISO 3166 rule.
func checkMemberFields(p *problems, at elemAt, m FamilyMember) {
	switch {
	case m.ID == "":
		p.add(at.f("id"), CodeRequired, msgRequired())
	case len(m.ID) > 32:
		p.add(at.f("id"), CodeTooLong, msgTooLong("32"))
	case !printableASCII(m.ID):
		p.add(at.f("id"), CodeInvalid, law.Text{UK: "дозволені лише друковані символи ASCII", EN: "may hold printable ASCII characters only"})
	}
	switch {
	case m.Relation == 0:
		p.add(at.f("relation"), CodeRequired, msgRequired())
	case !m.Relation.Valid():
		p.add(at.f("relation"), CodeInvalid, law.Text{UK: "невідоме значення", EN: "is not a known value"})
	}
	if m.Proof != 0 && !m.Proof.Valid() {
		p.add(at.f("proof"), CodeInvalid, law.Text{UK: "невідоме значення", EN: "is not a known value"})
	}
	if len(m.RelationNote) > 200 {
		p.add(at.f("relation_note"), CodeTooLong, msgTooLong("200"))
	}
	if len(m.Name) > 200 {
		p.add(at.f("name"), CodeTooLong, msgTooLong("200"))
	}
	if m.Citizenship != "" && validate().Var(m.Citizenship, "iso3166_1_alpha2") != nil {
		p.add(at.f("citizenship"), CodeCountry, law.Text{UK: "не є кодом країни ISO 3166-1 alpha-2 (напр. UA)", EN: "is not an ISO 3166-1 alpha-2 country code (such as UA)"})
	}
	switch {
	case len(m.PersonRef) > 64:
		p.add(at.f("person_ref"), CodeTooLong, msgTooLong("64"))
	case !printableASCII(m.PersonRef):
		p.add(at.f("person_ref"), CodeInvalid, law.Text{UK: "дозволені лише друковані символи ASCII", EN: "may hold printable ASCII characters only"})
	}
}

func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// elemAt is the path of an element of a list of the case (the person when
// i < 0), built only when a problem needs it.
type elemAt struct {
	list string
	i    int
}

func (a elemAt) f(field string) string {
	if a.i < 0 {
		return a.list + "." + field
	}
	return a.list + "[" + strconv.Itoa(a.i) + "]." + field
}

func evAt(i int) elemAt { return elemAt{"events", i} }

func contains[T comparable](s []T, v T) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// ValidRNOKPP reports whether s is a 10-digit RNOKPP (the individual
// taxpayer number) whose last digit is its check digit: the first nine
// digits weighted -1, 5, 7, 9, 4, 6, 10, 5, 7, summed, taken modulo 11 and
// then modulo 10.
func ValidRNOKPP(s string) bool {
	if len(s) != 10 {
		return false
	}
	weights := [9]int{-1, 5, 7, 9, 4, 6, 10, 5, 7}
	sum := 0
	for i := 0; i < 10; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
		if i < 9 {
			sum += weights[i] * int(s[i]-'0')
		}
	}
	check := ((sum % 11) + 11) % 11 % 10
	return check == int(s[9]-'0')
}

func checkRNOKPP(p *problems, at elemAt, s string) {
	if s == "" {
		return
	}
	path := at.f("rnokpp")
	if len(s) != 10 || strings.Trim(s, "0123456789") != "" {
		p.add(path, CodeInvalid, law.Text{UK: "РНОКПП має складатися з 10 цифр", EN: "must be 10 digits"})
		return
	}
	if !ValidRNOKPP(s) {
		p.add(path, CodeChecksum, law.Text{UK: "неправильна контрольна цифра РНОКПП", EN: "has a wrong check digit"})
	}
}
