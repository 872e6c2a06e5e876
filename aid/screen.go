package aid

import (
	"slices"

	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/law"
	"github.com/uacaptivity/captivity/prisoner"
	"github.com/uacaptivity/captivity/status"
)

// A Likelihood is what screening finds for an episode whose fact the
// Commission has not established: advice, never a status.
type Likelihood string

// Outcomes of screening.
const (
	// LikelyCovered: every condition of the law the case can show is met;
	// what is left is for the Commission to find.
	LikelyCovered Likelihood = "likely_covered"
	// LikelyNotCovered: a condition of the law is not met (Unmet says
	// which, with its citation).
	LikelyNotCovered Likelihood = "likely_not_covered"
	// CannotTell: facts are missing (Missing names each as a field to
	// fill), or the Commission's consideration is suspended.
	CannotTell Likelihood = "cannot_tell"
	// AlreadyEstablished: the Commission has established the fact; there
	// is nothing to screen.
	AlreadyEstablished Likelihood = "established"
)

var outcomeLabels = map[Likelihood]law.Text{
	LikelyCovered:      {UK: "імовірно підпадає під дію закону", EN: "likely covered by the law"},
	LikelyNotCovered:   {UK: "імовірно не підпадає під дію закону", EN: "likely not covered by the law"},
	CannotTell:         {UK: "неможливо сказати: бракує відомостей", EN: "cannot tell: facts are missing"},
	AlreadyEstablished: {UK: "факт уже встановлено Комісією", EN: "the fact is already established by the Commission"},
}

// Label is the outcome in both languages.
func (o Likelihood) Label() law.Text { return outcomeLabels[o] }

// ScreeningAdvice is the label every screening carries: it is advice.
var screeningAdvice = law.Text{
	UK: "Це попередня оцінка, а не рішення: встановлює факт позбавлення особистої свободи лише Комісія (ст. 3 ч. 1, ст. 4 ч. 7 Закону № 2010-IX).",
	EN: "This is advice, not a decision: only the Commission establishes the fact of deprivation of liberty (Art. 3(1), 4(7) of Law No. 2010-IX).",
}

// A Condition is one condition of the law that screening checked or
// could not check, with its legal ground.
type Condition struct {
	Code       string         `json:"code"`
	Text       law.Text       `json:"text"`
	Citation   law.Citation   `json:"citation"`
	Confidence law.Confidence `json:"confidence"`
}

// A MissingFact is a fact the case does not record and screening needs:
// Field is where in the case file it goes (a JSON path such as
// "episodes[0].serving_at_capture", or "events[]" for an event to add).
type MissingFact struct {
	Field string   `json:"field"`
	Text  law.Text `json:"text"`
}

// DocumentState says whether the case records a document of the
// application.
type DocumentState string

// Document states.
const (
	DocumentPresent     DocumentState = "present"      // an application lists it among its documents
	DocumentNotRecorded DocumentState = "not_recorded" // no application lists it
)

// A DocumentNeed is a document the application to the Commission needs
// for the episode's category (Art. 4(1)–(4)): its code (what
// prisoner.Event.Documents lists), its name, its ground and whether the
// case records it. Alternatives are other codes that serve as it;
// IfAny marks one that is needed only if there is one to give (the
// extract of a criminal case about the person).
type DocumentNeed struct {
	Code         string         `json:"code"`
	Label        law.Text       `json:"label"`
	Citation     law.Citation   `json:"citation"`
	Confidence   law.Confidence `json:"confidence"`
	State        DocumentState  `json:"state"`
	Alternatives []string       `json:"alternatives,omitempty"`
	IfAny        bool           `json:"if_any,omitempty"`
}

// EpisodeScreening is the screening of one episode.
type EpisodeScreening struct {
	Episode  string            `json:"episode"`
	Category prisoner.Category `json:"category"`
	// State is the episode's status on the day screened.
	State   status.State `json:"state"`
	Outcome Likelihood   `json:"outcome"`
	// Met and Unmet are the conditions the case shows, each with its
	// citation; one unmet condition makes the outcome LikelyNotCovered.
	Met   []Condition `json:"met"`
	Unmet []Condition `json:"unmet"`
	// Missing are the facts to record before screening can tell.
	Missing []MissingFact `json:"missing"`
	// Documents are what the application needs, and whether the case
	// records each: an incomplete file does not change the outcome (the
	// Commission may not refuse to consider an application, Art. 4(12)),
	// but it is what a caseworker gathers next.
	Documents []DocumentNeed `json:"documents"`
	// ForCommission are the conditions only the Commission finds (the
	// motive of a political prisoner's detention, a hostage's coercion):
	// the library never infers them.
	ForCommission []Condition `json:"for_commission"`
	// Notes are other things the law says about the case's position.
	Notes []Condition `json:"notes,omitempty"`
}

// A Screening is the advice for every episode of a case on a day.
type Screening struct {
	CaseID string     `json:"case_id"`
	AsOf   civil.Date `json:"as_of"`
	// Advice says, in both languages, that this is advice.
	Advice   law.Text           `json:"advice"`
	Episodes []EpisodeScreening `json:"episodes"`
}

// documentLabels name the documents of the Commission's procedure
// (Art. 4(1)–(4)) and the evidence seen in practice (LAW.md §3.3).
var documentLabels = map[string]law.Text{
	"application": {UK: "заява до Комісії за встановленою формою", EN: "the application to the Commission, on the set form"},
	"military_certificate": {UK: "довідка Міноборони, командування, правоохоронного органу чи командира частини (форма ПКМУ 55) про перебування в місцях несвободи",
		EN: "a certificate of the Ministry of Defence, a command, a law-enforcement body or a unit commander (CMU 55 form) that the person is or was in places of non-freedom"},
	"volunteer_formation_document": {UK: "документ про участь у складі добровольчого формування в заходах із захисту від агресії, зі строком несвободи",
		EN: "a document that the person, in a volunteer formation, took part in measures of defence against the aggression, with the term of non-freedom"},
	"geneva_breach_documents": {UK: "документи чи відомості про порушення щодо особи Четвертої Женевської конвенції",
		EN: "documents or information on breaches of the Fourth Geneva Convention against the person"},
	"deprivation_circumstances": {UK: "документи чи відомості про факт і обставини позбавлення свободи",
		EN: "documents or information on the fact and circumstances of the deprivation"},
	"pretrial_register_extract": {UK: "витяг з Єдиного реєстру досудових розслідувань", EN: "an extract from the register of pre-trial investigations"},
	"security_forces_notice": {UK: "повідомлення органів сектору безпеки і оборони щодо особи",
		EN: "the notice of the security and defence bodies about the person"},
}

// evidence are codes of evidence that, in practice, stand for the
// documents or information on the fact and circumstances of a
// deprivation (LAW.md §3.3: certificates of the SBU Joint Centre, the
// ICRC or the Ombudsman, victim status in criminal proceedings, witness
// statements).
var evidence = []string{"joint_centre_certificate", "icrc_confirmation", "ombudsman_certificate", "victim_status", "witness_statements"}

// Screen advises on each episode of c on day asOf, from what the case
// records on or before that day: does the law cover the person, what is
// missing, and what only the Commission can find. Screening never
// changes the status. c is validated first; a history the life cycle
// does not allow is a *status.HistoryError.
func (k *Calculator) Screen(c prisoner.Case, asOf civil.Date) (*Screening, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	k = k.calc()
	c = c.Clone()
	tl, err := status.Build(c, k.rs.Status)
	if err != nil {
		return nil, err
	}
	out := &Screening{CaseID: c.ID, AsOf: asOf, Advice: screeningAdvice, Episodes: []EpisodeScreening{}}
	for i := range c.Episodes {
		out.Episodes = append(out.Episodes, k.screenEpisode(&c, i, tl, asOf))
	}
	return out, nil
}

func (k *Calculator) screenEpisode(c *prisoner.Case, i int, tl *status.Timeline, asOf civil.Date) EpisodeScreening {
	ep := &c.Episodes[i]
	snap := tl.At(ep.ID, asOf)
	s := EpisodeScreening{Episode: ep.ID, Category: ep.Category, State: snap.State,
		Met: []Condition{}, Unmet: []Condition{}, Missing: []MissingFact{}, Documents: []DocumentNeed{}, ForCommission: []Condition{}}
	if snap.State.Established() {
		s.Outcome = AlreadyEstablished
		return s
	}
	path := func(field string) string { return "episodes[" + itoa(i) + "]." + field }
	met := func(code string, t law.Text, cit law.Citation, conf law.Confidence) {
		s.Met = append(s.Met, Condition{code, t, cit, conf})
	}
	unmet := func(code string, t law.Text, cit law.Citation, conf law.Confidence) {
		s.Unmet = append(s.Unmet, Condition{code, t, cit, conf})
	}
	p := c.Person
	civic := ep.Category == prisoner.Political || ep.Category == prisoner.Civilian

	// Citizenship and service at capture (Art. 2(1), 2(2)).
	switch {
	case ep.Category == prisoner.ForeignMilitary && !p.Citizen():
		met("citizenship", law.Text{UK: "іноземець або особа без громадянства: закон охоплює, якщо особа проходила службу (ст. 2 ч. 2)",
			EN: "a foreigner or stateless person: covered if serving at capture (Art. 2(2))"}, cite(law.Law2010, "2", "2"), law.Verified)
	case ep.Category == prisoner.ForeignMilitary:
		unmet("citizenship", law.Text{UK: "громадянин України не належить до категорії foreign_military: його категорія — military (ст. 2 ч. 1 п. 1)",
			EN: "a citizen of Ukraine is not foreign_military: the category is military (Art. 2(1)(1))"}, cite(law.Law2010, "2", "2"), law.Verified)
	case p.Citizen():
		met("citizenship", law.Text{UK: "громадянин України (ст. 2 ч. 1)", EN: "a citizen of Ukraine (Art. 2(1))"}, cite(law.Law2010, "2", "1"), law.Verified)
	case ep.ServingAtCapture:
		unmet("citizenship", law.Text{UK: "не громадянин України; іноземець на службі в Силах оборони може бути охоплений як foreign_military (ст. 2 ч. 2)",
			EN: "not a citizen of Ukraine; a foreigner serving in Ukraine's forces may be covered as foreign_military (Art. 2(2))"}, cite(law.Law2010, "2", "1"), law.Verified)
	default:
		unmet("citizenship", law.Text{UK: "не громадянин України: закон не охоплює іноземних цивільних (ст. 2 ч. 1, 2)",
			EN: "not a citizen of Ukraine: the law does not cover foreign civilians (Art. 2(1), 2(2))"}, cite(law.Law2010, "2", "1"), law.Verified)
	}
	switch {
	case civic && ep.ServingAtCapture:
		unmet("serving_at_capture", law.Text{UK: "цивільна категорія для особи, що проходила службу під час захоплення: категорія — military (ст. 2 ч. 1 п. 2)",
			EN: "a civilian category for a person serving at capture: the category is military (Art. 2(1)(2))"}, cite(law.Law2010, "2", "1", "2"), law.Verified)
	case civic:
		met("serving_at_capture", law.Text{UK: "цивільна особа (ст. 2 ч. 1 п. 2)", EN: "a civilian (Art. 2(1)(2))"}, cite(law.Law2010, "2", "1", "2"), law.Verified)
	case ep.ServingAtCapture:
		met("serving_at_capture", law.Text{UK: "проходила службу в Силах безпеки і оборони під час захоплення", EN: "serving in Ukraine's security and defence forces at capture"},
			cite(law.Law2010, "2", "1", "1"), law.Verified)
	default:
		s.Missing = append(s.Missing, MissingFact{Field: path("serving_at_capture"), Text: law.Text{
			UK: "чи проходила особа службу в Силах безпеки і оборони України під час захоплення (ст. 2 ч. 1 п. 1, ч. 2)",
			EN: "whether the person was serving in Ukraine's security and defence forces when captured (Art. 2(1)(1), 2(2))"}})
	}

	// A deprivation after 20 February 2014 (Art. 2(4), 17(6): every
	// time-bound rule of the law counts from that day).
	start := k.rs.Dates.AggressionStart
	after := ep.Captured.After(start.Date) || (k.rs.Options.EarliestDeprivation.norm() == OnOrAfterAggressionStart && ep.Captured == start.Date)
	conf := start.Confidence
	if ep.Captured == start.Date {
		conf = law.Assumption // whether the day itself counts is open (LAW.md §2.1)
	}
	if after {
		met("after_aggression_start", law.Text{UK: "позбавлення свободи після 20 лютого 2014 року", EN: "deprived of liberty after 20 February 2014"}, start.Citation, conf)
	} else {
		unmet("after_aggression_start", law.Text{UK: "позбавлення свободи не пізніше 20 лютого 2014 року: закон рахує лише пізніші (ст. 2 ч. 4, ст. 17 ч. 6)",
			EN: "deprived of liberty on or before 20 February 2014: the law counts only later ones (Art. 2(4), 17(6))"}, start.Citation, conf)
	}

	// Exclusions, given as events (Art. 2(4), 4(11)).
	var convicted, pending bool
	var application *prisoner.Event
	var notConfirmed bool
	docs := map[string]bool{}
	for j := range c.Events {
		ev := &c.Events[j]
		if ev.Date.After(asOf) || ev.Episode != ep.ID {
			continue
		}
		switch {
		case ev.Kind == prisoner.Conviction:
			convicted = true
		case ev.Kind == prisoner.ProceedingsOpened:
			pending = true
		case ev.Kind == prisoner.ProceedingsClosed:
			pending = false
		case ev.Kind == prisoner.Application && ev.Member == "":
			application = ev
			for _, d := range ev.Documents {
				docs[d] = true
			}
		case ev.Kind == prisoner.Decision && ev.Decision == prisoner.NotConfirmed:
			notConfirmed = true
		}
	}
	if snap.Excluded || convicted {
		unmet("no_conviction", law.Text{UK: "вирок за злочин, що виключає дію закону, набрав законної сили (ст. 2 ч. 4)",
			EN: "a guilty verdict for an excluding crime has become final (Art. 2(4))"}, cite(law.Law2010, "2", "4"), law.Verified)
	} else {
		met("no_conviction", law.Text{UK: "справа не містить вироку, що виключає дію закону (ст. 2 ч. 4)", EN: "the case records no excluding conviction (Art. 2(4))"},
			cite(law.Law2010, "2", "4"), law.Verified)
	}
	if pending && !convicted {
		s.Missing = append(s.Missing, MissingFact{Field: "events[]", Text: law.Text{
			UK: "завершення кримінального провадження (proceedings_closed або conviction): доти Комісія зупиняє розгляд заяви (ст. 4 ч. 11)",
			EN: "the end of the criminal proceedings (proceedings_closed or conviction): until then the Commission suspends its consideration (Art. 4(11))"}})
	}
	if snap.State == status.Cancelled {
		unmet("not_invalidated", law.Text{UK: "рішення про встановлення факту визнано нечинним (ст. 4 ч. 8)", EN: "the decision establishing the fact was declared invalid (Art. 4(8))"},
			cite(law.Law2010, "4", "8"), law.Verified)
	}
	if notConfirmed {
		s.Notes = append(s.Notes, Condition{Code: "reapply", Text: law.Text{
			UK: "Комісія вирішила, що факт не підтверджено: можна подати заяву знову з новими документами або оскаржити рішення протягом 30 днів",
			EN: "the Commission found the fact not confirmed: an application may be made again with new documents, or the decision appealed within 30 days"},
			Citation: law.Cite(law.LawAdminProcedure, "80"), Confidence: law.Verified})
	}
	if ep.Category == prisoner.ForeignMilitary && !p.Citizen() && k.rs.Options.FamilyOfForeignServicemanCovered.norm() == ForeignFamilyNotCovered {
		s.Notes = append(s.Notes, Condition{Code: "family_not_covered", Text: law.Text{
			UK: "закон поширюється на членів сімей громадян України: сім'я іноземця-військового не отримує допомоги (ст. 2 ч. 3)",
			EN: "the law covers the families of citizens of Ukraine: a foreign serviceman's family gets no aid (Art. 2(3))"},
			Citation: cite(law.Law2010, "2", "3"), Confidence: law.Verified})
	}

	// The application and its documents (Art. 4(1)–(4)).
	part := map[prisoner.Category]string{prisoner.Military: "1", prisoner.Political: "2", prisoner.Civilian: "3", prisoner.ForeignMilitary: "4"}[ep.Category]
	if application == nil {
		s.Missing = append(s.Missing, MissingFact{Field: "events[]", Text: law.Text{
			UK: "заява до Комісії про встановлення факту (подія «заява до Комісії» для епізоду " + ep.ID + ")",
			EN: "the application to the Commission to establish the fact (an application event for episode " + ep.ID + ")"}})
	}
	need := func(code string, ifAny bool, alternatives ...string) {
		d := DocumentNeed{Code: code, Label: documentLabels[code], Citation: cite(law.Law2010, "4", part), Confidence: law.Verified,
			State: DocumentNotRecorded, Alternatives: alternatives, IfAny: ifAny}
		present := docs[code] || (code == "application" && application != nil)
		for _, a := range alternatives {
			present = present || docs[a]
		}
		if present {
			d.State = DocumentPresent
		}
		if len(alternatives) > 0 && slices.Contains(alternatives, evidence[0]) {
			d.Confidence = law.Secondary // the evidence seen in practice (LAW.md §3.3)
		}
		s.Documents = append(s.Documents, d)
	}
	need("application", false)
	switch ep.Category {
	case prisoner.Military:
		need("military_certificate", false, "volunteer_formation_document")
	case prisoner.Political:
		need("geneva_breach_documents", false)
	case prisoner.Civilian:
		need("deprivation_circumstances", false, evidence...)
		need("geneva_breach_documents", false)
	case prisoner.ForeignMilitary:
		need("military_certificate", false)
	}
	need("pretrial_register_extract", !pending)
	need("security_forces_notice", false)

	// What only the Commission finds (Art. 2(1), 2(2), 4(6)).
	forCommission := map[prisoner.Category]Condition{
		prisoner.Military: {Code: "defence_of_ukraine", Citation: cite(law.Law2010, "2", "1", "1"), Confidence: law.Verified, Text: law.Text{
			UK: "позбавлення свободи у зв'язку із захистом суверенітету, незалежності й територіальної цілісності України, як особи під захистом Третьої Женевської конвенції чи Першого додаткового протоколу до Женевських конвенцій",
			EN: "deprived of liberty in connection with defending Ukraine's sovereignty, independence and territorial integrity, as a person protected by the Third Geneva Convention or Additional Protocol I"}},
		prisoner.Political: {Code: "political_motive", Citation: cite(law.Law2010, "2", "1", "2"), Confidence: law.Verified, Text: law.Text{
			UK: "утримання на окупованій території чи території держави-агресора через діяльність на захист України, з підставами вважати, що вона наражала особу на переслідування",
			EN: "held while on occupied or the aggressor's territory because of activity in defence of Ukraine, with grounds to think it exposed the person to persecution"}},
		prisoner.Civilian: {Code: "coercion", Citation: cite(law.Law2010, "2", "1", "2"), Confidence: law.Verified, Text: law.Text{
			UK: "утримання на окупованій території чи території держави-агресора з метою примусити Україну, іншу державу, орган чи особу до дії або бездіяльності як умови звільнення",
			EN: "held while on occupied or the aggressor's territory to push Ukraine, another state, a body or a person to act or not act as a condition of release"}},
		prisoner.ForeignMilitary: {Code: "lawful_service", Citation: cite(law.Law2010, "2", "2"), Confidence: law.Verified, Text: law.Text{
			UK: "правомірне проходження служби у Збройних Силах України чи іншому військовому формуванні, утвореному за законом, на момент позбавлення свободи",
			EN: "serving lawfully in the Armed Forces of Ukraine or another formation created under Ukrainian law at the moment of deprivation"}},
	}
	if f, ok := forCommission[ep.Category]; ok {
		s.ForCommission = append(s.ForCommission, f)
	}

	switch {
	case len(s.Unmet) > 0:
		s.Outcome = LikelyNotCovered
	case len(s.Missing) > 0:
		s.Outcome = CannotTell
	default:
		s.Outcome = LikelyCovered
	}
	return s
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
