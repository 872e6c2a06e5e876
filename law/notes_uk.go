package law

// notesUK gives, for each note the library writes on a citation (in
// English, the form it is stored and hashed in), its Ukrainian wording,
// for citations shown to people in Ukrainian. Made once, never changed. A
// test renders every result of the samples and the legal cases in
// Ukrainian and fails on a note missing here.
var notesUK = map[string]string{
	"Procedure for granting the aid; document list not seen":                                   "Порядок надання допомоги; перелік документів не переглянуто",
	"Q10 release_aid_per=person":                                                               "Q10 release_aid_per=person",
	"Q11: aid never claimed does not pass to the family":                                       "Q11: допомога, по яку не зверталися, до сім'ї не переходить",
	"Q12: the two schemes exclude each other":                                                  "Q12: дві програми виключають одна одну",
	"Q4: catch-up of unpaid started years":                                                     "Q4: виплата за невиплачені розпочаті роки",
	"Q9: offset only for the same release":                                                     "Q9: зарахування лише за те саме звільнення",
	"Register procedure of CMU 1281 not seen":                                                  "порядок ведення Реєстру за ПКМУ 1281 не переглянуто",
	"a further application or documents; the Commission may not refuse to consider them":       "нова заява чи документи; Комісія не може відмовити в їх розгляді",
	"a relation outside the Family Code's notion of family, not recognised by the Commission":  "зв'язок поза поняттям сім'ї за Сімейним кодексом, Комісією не визнаний",
	"a year is complete when its anniversary is on or before the release":                      "рік повний, якщо його річниця не пізніше дня звільнення",
	"a year is never paid twice":                                                               "рік ніколи не оплачується двічі",
	"after the right to be heard is ensured (4017-IX)":                                         "після забезпечення права бути заслуханим (4017-IX)",
	"amount set by CMU 1281 under Art. 7(4)":                                                   "розмір встановлено ПКМУ 1281 відповідно до ст. 7 ч. 4",
	"and 17(6): the family's right runs while the person is held":                              "і ст. 17 ч. 6: право сім'ї діє, поки особа утримується",
	"and 4(2)–4(4), 6(1)(2)":                                                                   "і ст. 4 ч. 2–4, ст. 6 ч. 1 п. 2",
	"annual aid of the law replaces it; CMU 328 payments offset pre-law years":                 "її замінює щорічна допомога за законом; виплати за ПКМУ 328 зараховуються в роки до закону",
	"application to recognise a family member":                                                 "заява про визнання членом сім'ї",
	"applied to the 2026 aid by analogy: the resolution was not seen":                          "застосовано до допомоги 2026 року за аналогією: постанову не переглянуто",
	"apply within six months":                                                                  "звернутися протягом шести місяців",
	"civil-status documents":                                                                   "документи про цивільний стан",
	"court annulment treated as invalidation; no case law retrieved":                           "скасування судом прирівняно до визнання нечинним; судової практики не знайдено",
	"day arithmetic and ties: LAW.md §7":                                                       "підрахунок днів і рівні частки: LAW.md § 7",
	"death_aid_recipients=family_code_strict (Q23)":                                            "death_aid_recipients=family_code_strict (Q23)",
	"death_aid_recipients=family_code_strict (Q23): lives with the person, shares a household": "death_aid_recipients=family_code_strict (Q23): проживає разом з особою, має спільний побут",
	"death_aid_split=equal_shares_among_applicants (Q8)":                                       "death_aid_split=equal_shares_among_applicants (Q8)",
	"documents of the application; the list was not seen":                                      "документи заяви; перелік не переглянуто",
	"effective day not retrieved; taken as 2023-11-10":                                         "дату набрання чинності не знайдено; взято 2023-11-10",
	"held_payee=single_first_applicant: 'one of the family members'":                           "held_payee=single_first_applicant: «одному з членів сім'ї»",
	"in force December 2019; exact day unverified":                                             "чинна з грудня 2019 року; точний день не перевірено",
	"membership under the Family Code, art. 3":                                                 "членство в сім'ї за Сімейним кодексом, ст. 3",
	"needs a Commission decision (LAW.md §2.4, U)":                                             "потрібне рішення Комісії (LAW.md § 2.4, U)",
	"never enacted": "так і не ухвалено",
	"new application after invalidation, by analogy; not after a conviction (Art. 2(4))": "нова заява після визнання рішення нечинним, за аналогією; не після вироку (ст. 2 ч. 4)",
	"no Register record: the date of death is used":                                      "запису в Реєстрі немає: взято дату смерті",
	"no Register record: the release date is used":                                       "запису в Реєстрі немає: взято дату звільнення",
	"no creditable year":                    "немає року, що зараховується",
	"once":                                  "один раз",
	"one-time legal-aid and family support": "одноразова допомога на правничу допомогу і підтримку сім'ї",
	"pro-rata by calendar days held, half up to the kopiyka; our rule":                                     "пропорційно календарним дням утримання, округлення до копійки за правилом половини вгору; наше правило",
	"re-application with new documents":                                                                    "повторна заява з новими документами",
	"repeatable every year while held (amendment of 27.11.2019; effective day unverified)":                 "щороку, поки особа утримується (зміна від 27.11.2019; дату набрання чинності не перевірено)",
	"six-month term; start per reg2018_cmu38_deadline_from":                                                "шестимісячний строк; початок за reg2018_cmu38_deadline_from",
	"split rounding: down to the kopiyka, leftover to the earliest applicant; our convention":              "округлення часток: вниз до копійки, залишок — першому заявникові; наше правило",
	"suspends the consideration of an application":                                                         "зупиняє розгляд заяви",
	"the decision fixes the release date":                                                                  "рішення фіксує дату звільнення",
	"the law does not apply; the Commission must declare its decision invalid (Art. 4(8)(2))":              "закон не застосовується; Комісія має визнати своє рішення нечинним (ст. 4 ч. 8 п. 2)",
	"the law's regime replaces the budget programme from 2022-11-19":                                       "режим закону замінює бюджетну програму з 2022-11-19",
	"which block years the CMU 328 payments remove: the earliest (our convention)":                         "які роки до закону знімають виплати за ПКМУ 328: найраніші (наше правило)",
	"in-force date not retrieved":                                                                          "дату набрання чинності не знайдено",
	"the day after publication; the publication date was not retrieved":                                    "наступного дня після опублікування; дату опублікування не знайдено",
	"18 months after publication, December 2023; the exact day is unverified":                              "через 18 місяців після опублікування, грудень 2023 року; точний день не перевірено",
	"90 days after publication; the consolidated version of 2010-IX is dated 03.08.2023":                   "через 90 днів після опублікування; редакція 2010-IX датована 03.08.2023",
	"Art. 17(1): six months after publication (19.05.2022); Art. 17(7)(1) alone from 20.05.2022":           "ст. 17 ч. 1: через шість місяців після опублікування (19.05.2022); лише ст. 17 ч. 7 п. 1 — з 20.05.2022",
	"Art. 17(7)(1) of 2010-IX required it to take effect with the law; the publication date is unverified": "ст. 17 ч. 7 п. 1 Закону 2010-IX вимагала, щоб вона набрала чинності разом із законом; дату опублікування не перевірено",
	"December 2019; the exact day is unverified":                                                           "грудень 2019 року; точний день не перевірено",
	"number not found": "номер не знайдено",
	"one month after publication; the consolidated version is dated 20.08.2023":                                                "через місяць після опублікування; редакція датована 20.08.2023",
	"registered in the Rada in July 2017 (day not retrieved; the first is a placeholder) and never considered; never in force": "зареєстровано у Верховній Раді в липні 2017 року (день не знайдено; перше число умовне), не розглянуто; чинності не набрав",
}

// noteUK returns the Ukrainian wording of a citation's note: its entry in
// the library's list of notes, or the note itself when it is a code
// (a setting's name, "feb29_rule") or not in the list.
func noteUK(note string) string {
	if uk, ok := notesUK[note]; ok {
		return uk
	}
	return note
}
