package law

import (
	"fmt"
	"strings"

	"github.com/uacaptivity/captivity/civil"
)

// An ActID identifies an act in citations and data: "2010-IX" for a law,
// "CMU-1281/2022" for a Cabinet resolution, "LAW.md" for the project's
// domain brief (cited for our own conventions). IDs are API: never renamed.
type ActID string

// The acts of the catalogue. See [Acts] for their data.
const (
	Law2010           ActID = "2010-IX"   // the law this library encodes
	Law3022           ActID = "3022-IX"   // rewrote Art. 9 (legal aid)
	Law3181           ActID = "3181-IX"   // widened Art. 4(1)(2)(b); ministry wording
	Law4017           ActID = "4017-IX"   // Art. 1(3), Art. 4(7) hearing, "declared invalid"
	LawAdminProcedure ActID = "2073-IX"   // Law on Administrative Procedure
	LawMissingPersons ActID = "2505-VIII" // persons missing under special circumstances
	CivilCode         ActID = "435-IV"    // Civil Code of Ukraine
	FamilyCode        ActID = "2947-III"  // Family Code of Ukraine
	CMU1281           ActID = "CMU-1281/2022"
	CMU1182           ActID = "CMU-1182/2023"
	CMUCivilian2026   ActID = "CMU-2025-12-26" // number not found; dated ID
	CMU38             ActID = "CMU-38/2018"
	CMU164            ActID = "CMU-164/2018"
	CMU328            ActID = "CMU-328/2018"
	CMU845            ActID = "CMU-845/2019"
	CMU1122           ActID = "CMU-1122/2019"
	CMU1370           ActID = "CMU-1370/2021"
	CMU55             ActID = "CMU-55/2023"
	CMU257            ActID = "CMU-257/2022"
	Decree417         ActID = "Decree-417/2018" // Lukyanenko scholarship
	Draft6700         ActID = "Bill-6700/2017"  // the 2017 MTOT draft, never enacted
	Brief             ActID = "LAW.md"          // the project's domain brief: our conventions
)

// StateBudget returns the ID of the Law on the State Budget of Ukraine for
// year ("Budget-2024"), which sets that year's minimum wage and
// subsistence minimum.
func StateBudget(year int) ActID { return ActID(fmt.Sprintf("Budget-%d", year)) }

// ActKind is the kind of a legal act. The zero value is unknown.
type ActKind uint8

// Kinds of act.
const (
	KindLaw ActKind = iota + 1
	KindCode
	KindCabinetResolution
	KindPresidentialDecree
	KindBill
	KindBrief
)

var actKindCodes = [...]string{
	KindLaw: "law", KindCode: "code", KindCabinetResolution: "cabinet_resolution",
	KindPresidentialDecree: "presidential_decree", KindBill: "bill", KindBrief: "brief",
}

// String returns the stable code of k.
func (k ActKind) String() string {
	if k == 0 || int(k) >= len(actKindCodes) {
		return fmt.Sprintf("ActKind(%d)", uint8(k))
	}
	return actKindCodes[k]
}

// MarshalText writes the stable code of k.
func (k ActKind) MarshalText() ([]byte, error) {
	if k == 0 || int(k) >= len(actKindCodes) {
		return nil, fmt.Errorf("law: unknown act kind %d", uint8(k))
	}
	return []byte(k.String()), nil
}

// Kind returns the kind of act id names, read from the form of the ID.
func (id ActID) Kind() ActKind {
	s := string(id)
	switch {
	case id == Brief:
		return KindBrief
	case id == CivilCode || id == FamilyCode:
		return KindCode
	case strings.HasPrefix(s, "CMU-"):
		return KindCabinetResolution
	case strings.HasPrefix(s, "Decree-"):
		return KindPresidentialDecree
	case strings.HasPrefix(s, "Bill-"):
		return KindBill
	case s != "":
		return KindLaw
	}
	return 0
}

func (id ActID) number() string {
	s := string(id)
	if i := strings.IndexByte(s, '-'); i >= 0 && id.Kind() != KindLaw && id.Kind() != KindCode {
		return s[i+1:]
	}
	return s
}

// short returns the name an act goes by in a citation.
func (id ActID) short() Text {
	s := string(id)
	switch id {
	case CivilCode:
		return Text{UK: "Цивільний кодекс України", EN: "Civil Code of Ukraine"}
	case FamilyCode:
		return Text{UK: "Сімейний кодекс України", EN: "Family Code of Ukraine"}
	case CMUCivilian2026:
		return Text{UK: "Постанова КМУ від 26.12.2025", EN: "CMU Resolution of 26.12.2025"}
	}
	n := id.number()
	switch id.Kind() {
	case KindCabinetResolution:
		return Text{UK: "Постанова КМУ № " + n, EN: "CMU Resolution No. " + n}
	case KindPresidentialDecree:
		return Text{UK: "Указ Президента України № " + n, EN: "Presidential Decree No. " + n}
	case KindBill:
		return Text{UK: "Проєкт закону № " + n, EN: "Draft law No. " + n}
	case KindBrief:
		return Text{UK: "LAW.md (правила проєкту)", EN: "LAW.md (project brief)"}
	case KindLaw:
		if y, ok := strings.CutPrefix(s, "Budget-"); ok {
			return Text{UK: "Закон про Державний бюджет України на " + y + " рік", EN: "Law on the State Budget of Ukraine for " + y}
		}
		return Text{UK: "Закон № " + n, EN: "Law No. " + n}
	}
	return Text{UK: string(id), EN: string(id)}
}

func (id ActID) articleWord() Text {
	switch id.Kind() {
	case KindCabinetResolution, KindPresidentialDecree:
		return Text{UK: "п.", EN: "para."}
	case KindBrief:
		return Text{UK: "§", EN: "§"}
	}
	return Text{UK: "ст.", EN: "Art."}
}

// An Act is one legal source: a law, a code, a Cabinet resolution, a
// presidential decree, a bill, or the project's brief. It is a plain
// value; the dates are civil dates (zero when not known).
type Act struct {
	ID     ActID   `json:"id"`
	Kind   ActKind `json:"kind"`
	Number string  `json:"number"`
	Title  Text    `json:"title"`
	// Adopted is the day the act was adopted (or a bill registered).
	Adopted civil.Date `json:"adopted,omitzero"`
	// InForce is the day it took effect; zero if it never did or the day
	// was not retrieved (see InForceNote and InForceConfidence).
	InForce           civil.Date `json:"in_force,omitzero"`
	InForceConfidence Confidence `json:"in_force_confidence,omitzero"`
	InForceNote       string     `json:"in_force_note,omitempty"`
	// Enacted is false for an act that was never in force (a bill).
	Enacted bool `json:"enacted"`
	// Governs says in a sentence what the act does for this library.
	Governs string `json:"governs"`
	// Amends lists the acts this act amends.
	Amends []ActID `json:"amends,omitempty"`
	// Confidence is how sure we are of this record as a whole.
	Confidence Confidence `json:"confidence"`
	// Sources are the brief's source tags (S66, …).
	Sources []string `json:"sources,omitempty"`
}

// InForceOn reports whether the act was in force on d, as far as the
// catalogue knows: enacted, with a known in-force date on or before d.
func (a Act) InForceOn(d civil.Date) bool {
	return a.Enacted && !a.InForce.IsZero() && !d.Before(a.InForce)
}

// ActByID returns the act id names and whether the catalogue has it.
func ActByID(id ActID) (Act, bool) {
	for _, a := range Acts() {
		if a.ID == id {
			return a, true
		}
	}
	return Act{}, false
}

// Acts returns the catalogue of acts of LAW.md §1, the Law on
// Administrative Procedure, the Civil and Family Codes, the 2017 draft
// (LAW.md §10) and the brief itself, ordered as they are here. It builds a
// new slice on every call.
func Acts() []Act {
	d := civil.MustParse
	acts := []Act{
		{
			ID: Law2010, Kind: KindLaw, Number: "2010-IX", Enacted: true,
			Title: Text{
				UK: "Про соціальний і правовий захист осіб, стосовно яких встановлено факт позбавлення особистої свободи внаслідок збройної агресії проти України, та членів їхніх сімей",
				EN: "On social and legal protection of persons in respect of whom the fact of deprivation of personal liberty as a result of armed aggression against Ukraine has been established, and members of their families",
			},
			Adopted: d("2022-01-26"), InForce: d("2022-11-19"), InForceConfidence: Verified,
			InForceNote: "Art. 17(1): six months after publication (19.05.2022); Art. 17(7)(1) alone from 20.05.2022",
			Governs:     "who is covered, the Commission, the Unified Register, the annual, release and death aid and the other guarantees",
			Confidence:  Verified, Sources: []string{"S1", "S2", "S3", "S45", "S66"},
		},
		{
			ID: Law3022, Kind: KindLaw, Number: "3022-IX", Enacted: true,
			Title:   Text{UK: "Закон про внесення змін щодо професійної правничої допомоги (п. 31 змінює ст. 9 Закону 2010-IX)", EN: "Law amending acts on professional legal aid (point 31 rewrites Art. 9 of Law 2010-IX)"},
			Adopted: d("2023-04-10"), InForce: d("2023-08-03"), InForceConfidence: Secondary,
			InForceNote: "90 days after publication; the consolidated version of 2010-IX is dated 03.08.2023",
			Governs:     "reimbursement of professional legal aid and free secondary legal aid (Art. 9 of 2010-IX); no amount changed",
			Amends:      []ActID{Law2010}, Confidence: Verified, Sources: []string{"S1", "S67"},
		},
		{
			ID: Law3181, Kind: KindLaw, Number: "3181-IX", Enacted: true,
			Title:   Text{UK: "Закон про внесення змін до Закону 2010-IX щодо підстав встановлення факту", EN: "Law amending Law 2010-IX on the grounds for establishing the fact"},
			Adopted: d("2023-06-29"), InForce: d("2023-08-20"), InForceConfidence: Secondary,
			InForceNote: "one month after publication; the consolidated version is dated 20.08.2023",
			Governs:     "widens the volunteer-formation ground of Art. 4(1)(2)(b); the ministry for the temporarily occupied territories in Art. 3–6",
			Amends:      []ActID{Law2010}, Confidence: Verified, Sources: []string{"S1", "S68"},
		},
		{
			ID: Law4017, Kind: KindLaw, Number: "4017-IX", Enacted: true,
			Title:             Text{UK: "Закон про узгодження законодавчих актів із Законом «Про адміністративну процедуру» (розд. I п. 180)", EN: "Law aligning acts with the Law on Administrative Procedure (section I point 180)"},
			Adopted:           d("2024-10-10"),
			InForceConfidence: Assumption,
			InForceNote:       "the day after publication; the publication date was not retrieved",
			Governs:           "adds Art. 1(3) and the hearing condition of Art. 4(7); a decision is now 'declared invalid' (Art. 4(8)–(9))",
			Amends:            []ActID{Law2010}, Confidence: Verified, Sources: []string{"S2", "S69"},
		},
		{
			ID: LawAdminProcedure, Kind: KindLaw, Number: "2073-IX", Enacted: true,
			Title:   Text{UK: "Про адміністративну процедуру", EN: "On Administrative Procedure"},
			Adopted: d("2022-02-17"), InForce: d("2023-12-15"), InForceConfidence: Assumption,
			InForceNote: "18 months after publication, December 2023; the exact day is unverified",
			Governs:     "terms of the Commission's decisions (art. 34), their entry into force (art. 74), appeal (art. 80) and invalidation (arts. 86–91)",
			Confidence:  Verified, Sources: []string{"S69", "S70"},
		},
		{
			ID: LawMissingPersons, Kind: KindLaw, Number: "2505-VIII", Enacted: true,
			Title:             Text{UK: "Про правовий статус осіб, зниклих безвісти за особливих обставин", EN: "On the legal status of persons missing under special circumstances"},
			Adopted:           d("2018-07-12"),
			InForceConfidence: Assumption,
			Governs:           "a separate status with its own register; missing alone does not establish deprivation of liberty under 2010-IX",
			Confidence:        Secondary, Sources: []string{"S55b"},
		},
		{
			ID: CivilCode, Kind: KindCode, Number: "435-IV", Enacted: true,
			Title:   Text{UK: "Цивільний кодекс України", EN: "Civil Code of Ukraine"},
			Adopted: d("2003-01-16"), InForce: d("2004-01-01"), InForceConfidence: Verified,
			Governs:    "how terms are counted (arts. 253–254); social payments due to a deceased person (art. 1227)",
			Confidence: Verified, Sources: []string{"S71"},
		},
		{
			ID: FamilyCode, Kind: KindCode, Number: "2947-III", Enacted: true,
			Title:   Text{UK: "Сімейний кодекс України", EN: "Family Code of Ukraine"},
			Adopted: d("2002-01-10"), InForce: d("2004-01-01"), InForceConfidence: Verified,
			Governs:    "who is a family member (art. 3), to which Art. 4(5)(3) and 7(3) of 2010-IX refer",
			Confidence: Verified, Sources: []string{"S72"},
		},
		{
			ID: CMU1281, Kind: KindCabinetResolution, Number: "1281", Enacted: true,
			Title:   Text{UK: "Деякі питання реалізації Закону України «Про соціальний і правовий захист осіб, стосовно яких встановлено факт позбавлення особистої свободи…»", EN: "Some issues of implementing the Law on social and legal protection of persons deprived of personal liberty…"},
			Adopted: d("2022-11-15"), InForce: d("2022-11-19"), InForceConfidence: Assumption,
			InForceNote: "Art. 17(7)(1) of 2010-IX required it to take effect with the law; the publication date is unverified",
			Governs:     "the Regulation on the Commission, the Procedure for granting and paying the aid (the UAH 100,000 amounts), the Unified Register procedure",
			Confidence:  Verified, Sources: []string{"S15", "S16", "S12", "S66", "S77"},
		},
		{
			ID: CMU1182, Kind: KindCabinetResolution, Number: "1182", Enacted: true,
			Title:             Text{UK: "Постанова про внесення змін до постанов КМУ № 328 і № 1281", EN: "Resolution amending CMU Resolutions 328 and 1281"},
			Adopted:           d("2023-11-10"),
			InForceConfidence: Assumption,
			InForceNote:       "in-force date not retrieved",
			Governs:           "payment mechanics; family members; legal-aid reimbursement; the procedure for pre-law years (Art. 17(6)); aid through authorised representatives",
			Amends:            []ActID{CMU328, CMU1281}, Confidence: Verified, Sources: []string{"S16", "S17", "S74"},
		},
		{
			ID: CMUCivilian2026, Kind: KindCabinetResolution, Number: "", Enacted: true,
			Title:   Text{UK: "Постанова КМУ від 26.12.2025 про одноразову допомогу звільненим цивільним", EN: "CMU Resolution of 26.12.2025 on one-time aid to released civilians"},
			Adopted: d("2025-12-26"), InForce: d("2026-01-01"), InForceConfidence: Secondary,
			InForceNote: "number not found",
			Governs:     "one-time UAH 50,000 to released civilians, decided by a separate interagency commission",
			Confidence:  Secondary, Sources: []string{"S47", "S76"},
		},
		{
			ID: CMU38, Kind: KindCabinetResolution, Number: "38", Enacted: true,
			Title:   Text{UK: "Деякі питання соціальної підтримки осіб, звільнених з полону", EN: "Some issues of social support of persons released from captivity"},
			Adopted: d("2018-01-31"), InForce: d("2018-01-31"), InForceConfidence: Assumption,
			Governs:    "one-time UAH 100,000 to persons released in the exchange of 27.12.2017; apply within six months",
			Confidence: Verified, Sources: []string{"S33"},
		},
		{
			ID: CMU164, Kind: KindCabinetResolution, Number: "164", Enacted: true,
			Title:   Text{UK: "Постанова про внесення змін до постанови КМУ № 38", EN: "Resolution amending CMU Resolution 38"},
			Adopted: d("2018-03-14"), InForceConfidence: Assumption,
			Governs: "widened CMU 38 from 'released from captivity' to 'unlawfully deprived of personal liberty'",
			Amends:  []ActID{CMU38}, Confidence: Verified, Sources: []string{"S34"},
		},
		{
			ID: CMU328, Kind: KindCabinetResolution, Number: "328", Enacted: true,
			Title:   Text{UK: "Порядок використання коштів державного бюджету для захисту прав і свобод осіб, позбавлених особистої свободи, та підтримки їхніх сімей", EN: "Procedure for using budget funds on protecting the rights of persons deprived of liberty and on supporting them and their families"},
			Adopted: d("2018-04-18"), InForce: d("2018-04-28"), InForceConfidence: Verified,
			Governs:    "2018–2022 budget programme: legal-aid and family support UAH 100,000 (one-time; yearly from late 2019); offsets pre-law years under Art. 17(5)–(6) of 2010-IX",
			Confidence: Verified, Sources: []string{"S27", "S28", "S29", "S30", "S66"},
		},
		{
			ID: CMU845, Kind: KindCabinetResolution, Number: "845", Enacted: true,
			Title:   Text{UK: "Постанова про одноразову допомогу особам, звільненим 07.09.2019", EN: "Resolution on one-time aid to persons released on 07.09.2019"},
			Adopted: d("2019-09-11"), InForce: d("2019-09-26"), InForceConfidence: Verified,
			Governs:    "one-time UAH 100,000 to persons released on 07.09.2019",
			Confidence: Verified, Sources: []string{"S35"},
		},
		{
			ID: CMU1122, Kind: KindCabinetResolution, Number: "1122", Enacted: true,
			Title:   Text{UK: "Порядок соціального та правового захисту осіб, стосовно яких встановлено факт позбавлення особистої свободи внаслідок збройної агресії, після їх звільнення", EN: "Procedure for social and legal protection, after release, of persons deprived of liberty as a result of armed aggression"},
			Adopted: d("2019-12-11"), InForce: d("2019-12-11"), InForceConfidence: Assumption,
			InForceNote: "December 2019; the exact day is unverified",
			Governs:     "one-time UAH 100,000 after release, by an interagency commission; its decisions carry the rights of 2010-IX (Art. 17(3))",
			Confidence:  Verified, Sources: []string{"S36", "S52b", "S66"},
		},
		{
			ID: CMU1370, Kind: KindCabinetResolution, Number: "1370", Enacted: true,
			Title:   Text{UK: "Постанова про внесення змін до постанови КМУ № 1122", EN: "Resolution amending CMU Resolution 1122"},
			Adopted: d("2021-12-23"), InForceConfidence: Assumption,
			Governs: "removed the condition of being on an SBU list",
			Amends:  []ActID{CMU1122}, Confidence: Secondary, Sources: []string{"S37"},
		},
		{
			ID: CMU55, Kind: KindCabinetResolution, Number: "55", Enacted: true,
			Title:   Text{UK: "Постанова про довідки про перебування в місцях несвободи", EN: "Resolution on certificates of stay in places of non-freedom"},
			Adopted: d("2023-01-20"), InForceConfidence: Assumption,
			Governs:    "the certificate for servicemen required by Art. 4(1)(2)(a) and 4(4)(2) of 2010-IX",
			Confidence: Verified, Sources: []string{"S50", "S61"},
		},
		{
			ID: CMU257, Kind: KindCabinetResolution, Number: "257", Enacted: true,
			Title:   Text{UK: "Постанова про Координаційний штаб з питань поводження з військовополоненими", EN: "Resolution on the Coordination Headquarters for the Treatment of POWs"},
			Adopted: d("2022-03-11"), InForceConfidence: Assumption,
			Governs:    "the Coordination Headquarters, whose certificates serve as evidence",
			Confidence: Verified, Sources: []string{"S48b"},
		},
		{
			ID: Decree417, Kind: KindPresidentialDecree, Number: "417/2018", Enacted: true,
			Title:   Text{UK: "Про державну стипендію імені Левка Лук'яненка", EN: "On the Levko Lukyanenko state scholarship"},
			Adopted: d("2018-12-07"), InForce: d("2018-12-07"), InForceConfidence: Verified,
			Governs:    "monthly scholarship of three subsistence minimums for able-bodied persons",
			Confidence: Verified, Sources: []string{"S46"},
		},
		{
			ID: Draft6700, Kind: KindBill, Number: "6700", Enacted: false,
			Title:       Text{UK: "Про визнання осіб, позбавлених особистої свободи з політичних мотивів, політв'язнями та надання їм державної соціальної допомоги (проєкт, 2017)", EN: "On recognising persons deprived of liberty for political motives as political prisoners and on state social aid to them (draft, 2017)"},
			Adopted:     d("2017-07-01"),
			InForceNote: "registered in the Rada in July 2017 (day not retrieved; the first is a placeholder) and never considered; never in force",
			Governs:     "would have paid two minimum wages a month to political prisoners in Crimea and Russia or their families",
			Confidence:  Verified, Sources: []string{"S29", "S38", "S40", "S41"},
		},
	}
	for _, b := range budgets() {
		acts = append(acts, Act{
			ID: StateBudget(b.year), Kind: KindLaw, Number: b.number, Enacted: true,
			Title:   Text{UK: "Про Державний бюджет України на " + fmt.Sprint(b.year) + " рік", EN: "On the State Budget of Ukraine for " + fmt.Sprint(b.year)},
			InForce: civil.MustNew(b.year, 1, 1), InForceConfidence: Secondary,
			Governs:    "the minimum wage and subsistence minimums for " + fmt.Sprint(b.year) + " (used by the comparison with the 2017 draft)",
			Confidence: Secondary,
		})
	}
	return append(acts, Act{
		ID: Brief, Kind: KindBrief, Number: "LAW.md", Enacted: false,
		Title:      Text{UK: "Стислий виклад закону для розробників (правила та припущення проєкту)", EN: "Domain brief for developers (the project's conventions and assumptions)"},
		Governs:    "our own conventions where the law is silent: date arithmetic (§7), the reference parameters RPS-1 (§8), the open questions (§9)",
		Confidence: Assumption,
	})
}

// budgets lists the State Budget laws whose minimum wage the library
// uses, with the law's number where a source gave it (empty otherwise).
func budgets() []struct {
	year   int
	number string
} {
	return []struct {
		year   int
		number string
	}{
		{2014, ""}, {2015, ""}, {2016, "928-VIII"}, {2017, ""}, {2018, ""}, {2019, "2629-VIII"}, {2020, ""},
		{2021, ""}, {2022, ""}, {2023, ""}, {2024, "3460-IX"}, {2025, ""}, {2026, ""},
	}
}
