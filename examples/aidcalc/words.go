package main

import (
	"fmt"

	"github.com/uacaptivity/captivity/law"
)

// words is the wording of the table output in one language. Codes (a
// refusal, a setting) stay codes; labels and sentences are translated.
type words struct {
	casesHead, timelineHead, claimsHead, totalsHead, warningsHead string
	timelines, claims, totals                                     string
	since, suspended, excluded, granted, refused, all, shares     string
	years                                                         string
	header                                                        func(n int, source, asOf, ruleSet string) string
	summary                                                       func(granted, refused int, total string) string
	preLawNote, deferred                                          string
	warningsIntro                                                 func(n int) string
	explanation                                                   func(id, module, ruleSet, params, input string) string
	recovery                                                      func(aid, amount, payee, cite string) string
	warning                                                       func(code, where, msg string) string
	event                                                         func(seq int, path string) string
}

var wordsEN = words{
	casesHead:    "CASE\tCATEGORY\tEPISODES\tFAMILY\tEVENTS\tSTATUS ON ",
	timelineHead: "CASE\tEPISODE\tDATE\tFROM\tTO\tEVENT\tGROUND",
	claimsHead:   "CASE\tSEQ\tDATE\tEPISODE\tAID\tCLAIMANT\tDECISION\tAMOUNT\tYEARS / REASON",
	totalsHead:   "CASE\tCLAIMS\tGRANTED (UAH)\tRECOVERY DUE (UAH)\t",
	warningsHead: "CASE\tSEQ\tWHERE\tCODE\tWARNING",
	timelines:    "Timelines", claims: "Claims", totals: "Totals per case",
	since: " since ", suspended: " (suspended)", excluded: " (excluded)", granted: "granted", refused: "refused", all: "all",
	shares: "shares: ", years: "years ",
	header: func(n int, source, asOf, ruleSet string) string {
		return fmt.Sprintf("%s from %s, evaluated on %s under rule set %s", law.PluralEN(n, "case", "cases"), source, asOf, ruleSet)
	},
	summary: func(granted, refused int, total string) string {
		return fmt.Sprintf("%s granted, %d refused; UAH %s granted in all.", law.PluralEN(granted, "claim", "claims"), refused, total)
	},
	preLawNote: "Years marked * belong to the pre-law block (Law 2010-IX, Art. 17(6)).",
	deferred:   " (dated before 2022-11-19; takes effect then)",
	warningsIntro: func(n int) string {
		return fmt.Sprintf("Warnings: %d, what the rules had to assume because a case does not say it", n)
	},
	explanation: func(id, module, ruleSet, params, input string) string {
		return fmt.Sprintf("Explanation of case %s (stamp: %s %s params %.12s input %.12s)", id, module, ruleSet, params, input)
	},
	recovery: func(aid, amount, payee, cite string) string {
		return fmt.Sprintf("recovery due: %s %s from %s (%s)", aid, amount, payee, cite)
	},
	warning: func(code, where, msg string) string { return fmt.Sprintf("warning %s at %s: %s", code, where, msg) },
	event:   func(seq int, path string) string { return fmt.Sprintf("event #%d (%s)", seq, path) },
}

var wordsUK = words{
	casesHead:    "СПРАВА\tКАТЕГОРІЯ\tЕПІЗОДИ\tСІМ'Я\tПОДІЇ\tСТАТУС НА ",
	timelineHead: "СПРАВА\tЕПІЗОД\tДАТА\tЗІ СТАТУСУ\tУ СТАТУС\tПОДІЯ\tПІДСТАВА",
	claimsHead:   "СПРАВА\t№\tДАТА\tЕПІЗОД\tВИД ДОПОМОГИ\tЗАЯВНИК\tРІШЕННЯ\tСУМА\tРОКИ / ПРИЧИНА",
	totalsHead:   "СПРАВА\tЗВЕРНЕНЬ\tПРИЗНАЧЕНО (ГРН)\tДО ПОВЕРНЕННЯ (ГРН)\t",
	warningsHead: "СПРАВА\t№\tДЕ\tКОД\tПОПЕРЕДЖЕННЯ",
	timelines:    "Зміни статусу", claims: "Звернення", totals: "Підсумки за справами",
	since: " з ", suspended: " (розгляд зупинено)", excluded: " (виключено)", granted: "призначено", refused: "відмовлено", all: "усього",
	shares: "частки: ", years: "роки ",
	header: func(n int, source, asOf, ruleSet string) string {
		return fmt.Sprintf("%s з %s, оцінено на %s за набором правил %s", law.PluralUK(n, "справа", "справи", "справ"), source, asOf, ruleSet)
	},
	summary: func(granted, refused int, total string) string {
		return fmt.Sprintf("Призначено: %s, відмовлено: %s; усього призначено %s грн.",
			law.PluralUK(granted, "звернення", "звернення", "звернень"), law.PluralUK(refused, "звернення", "звернення", "звернень"), total)
	},
	preLawNote: "Роки, позначені *, належать до років до закону (Закон № 2010-IX, ст. 17 ч. 6).",
	deferred:   " (датовано до 19.11.2022; діє з цього дня)",
	warningsIntro: func(n int) string {
		return fmt.Sprintf("Попередження: %d — що правилам довелося припустити, бо справа цього не містить", n)
	},
	explanation: func(id, module, ruleSet, params, input string) string {
		return fmt.Sprintf("Обґрунтування справи %s (відбиток: %s %s параметри %.12s справа %.12s)", id, module, ruleSet, params, input)
	},
	recovery: func(aid, amount, payee, cite string) string {
		return fmt.Sprintf("до повернення: %s %s грн від %s (%s)", aid, amount, payee, cite)
	},
	warning: func(code, where, msg string) string {
		return fmt.Sprintf("попередження %s у %s: %s", code, where, msg)
	},
	event: func(seq int, path string) string { return fmt.Sprintf("подія №%d (%s)", seq, path) },
}

// wordsFor returns the wording of lang ("uk" or "en").
func wordsFor(lang string) words {
	if lang == "uk" {
		return wordsUK
	}
	return wordsEN
}
