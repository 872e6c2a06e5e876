package aid

import "github.com/uacaptivity/captivity/law"

// A stepDef is one kind of step the rules take, declared once: its rule
// (LAW.md's numbering), its legal ground and how sure that ground is, and
// its text, with placeholders filled from the step's arguments when it is
// rendered. A step points to its def, so a trace costs a pointer and the
// step's own values per step.
type stepDef struct {
	rule string
	cite law.Citation
	conf law.Confidence
	text law.Text
	// fromCode: the text is the message of the refusal code held in the
	// step's first string argument.
	fromCode bool
}

// versionSteps are the two steps of looking up a parameter in force: the
// amount found, or the schedule not in force. Their ground is the
// version's own citation.
type versionSteps struct {
	param, notInForce stepDef
}

func versionStepsFor(rule string) versionSteps {
	return versionSteps{
		param:      stepDef{rule: rule, text: law.Text{UK: "сума за одиницю {m0} грн", EN: "amount per unit UAH {m0}"}},
		notInForce: stepDef{rule: rule, text: law.Text{UK: "{s0} не діє на {d0}", EN: "{s0} is not in force on {d0}"}},
	}
}

// The steps whose ground is the case's own: a status change, a family
// member's status, a refusal (the ground the refusing rule gives).
var (
	stepStatus = stepDef{rule: "status", text: law.Text{UK: "факт встановлено; статус «{state}» з {d0}", EN: "fact established; status {state} since {d0}"}}
	stepFamily = stepDef{rule: "family", text: law.Text{UK: "заявник {s0} — визнаний член сім'ї (на {d0})",
		EN: "claimant {s0} is a recognised family member (assessed on {d0})"}}
	stepRefuse      = stepDef{rule: "refuse", fromCode: true}
	stepReg2018Term = stepDef{rule: "reg2018", text: law.Text{UK: "строк звернення спливає {d0}", EN: "the term to apply ends on {d0}"}}

	annualVersion   = versionStepsFor("A1")
	releaseVersion  = versionStepsFor("R1")
	deathVersion    = versionStepsFor("D1")
	civilianVersion = versionStepsFor("C3")
	reg2018Version  = versionStepsFor("reg2018")
)

// Every other step, with its ground.
var (
	stepA6bCMU328Defers = stepDef{rule: "A6b", cite: cite(law.Law2010, "17", "5"), conf: law.Verified,
		text: law.Text{UK: "виплата за ПКМУ 328 від {d0} відкладає щорічну допомогу до {d1}",
			EN: "a CMU 328 payment of {d0} defers the annual aid to {d1}"}}
	stepA6PreLawBlock = stepDef{rule: "A6", cite: cite(law.Law2010, "17", "6").WithNote("day arithmetic and ties: LAW.md §7"), conf: law.Assumption,
		text: law.Text{UK: "роки до закону: {n0 повний рік|повні роки|повних років} до {d0}, ще {n1 день|дні|днів} із {n2}, округлено ({s0}) до {n3}",
			EN: "pre-law block: {n0 full year|full years} to {d0}, {n1 more day|more days} of a {n2}-day year, rounded ({s0}) to {n3 year|years}"}}
	stepA6BlockOffsetCMU328 = stepDef{rule: "A6", cite: cite(law.Law2010, "17", "6").WithNote("which block years the CMU 328 payments remove: the earliest (our convention)"), conf: law.Assumption,
		text: law.Text{UK: "{n0 рік|роки|років} виключено через виплати за ПКМУ 328", EN: "{n0 year|years} of the block left out for CMU 328 payments"}}
	stepA7DiedUnpaidToNoOne = stepDef{rule: "A7", cite: cite(law.Law2010, "7", "1"), conf: law.Assumption,
		text: law.Text{UK: "особа померла; невиплачені роки нікому не виплачуються (Q6)", EN: "the person has died; completed unpaid years go to no one (Q6)"}}
	stepA5FamilyRightEnded = stepDef{rule: "A5", cite: cite(law.Law2010, "7", "1").WithNote("and 17(6): the family's right runs while the person is held"), conf: law.Verified,
		text: law.Text{UK: "особу звільнено {d0}; право сім'ї припинилося", EN: "the person was released on {d0}; the family's right has ended"}}
	stepA3YearAlreadyPaid = stepDef{rule: "A3", cite: cite(law.Brief, "6.1").WithNote("a year is never paid twice"), conf: law.Assumption,
		text: law.Text{UK: "рік {n0} уже {s1} {d0}", EN: "year {n0} already {s0} on {d0}"}}
	stepA3HeldCurrentYear = stepDef{rule: "A3", cite: cite(law.Law2010, "7", "1"), conf: law.Secondary,
		text: law.Text{UK: "утримується на {d0}: поточний рік полону {n0} ({d1} – {d2})", EN: "held on {d0}: the current captivity year is {n0} ({d1} to {d2})"}}
	stepA6BlockNotBeforeCMU1182 = stepDef{rule: "A6", cite: cite(law.CMU1182, "").WithNote("pre_law_claims_from=cmu1182_effective"), conf: law.Assumption,
		text: law.Text{UK: "роки до закону не можна отримати до набрання чинності ПКМУ 1182 ({d0})", EN: "the pre-law block cannot be claimed before CMU 1182 takes effect ({d0})"}}
	stepA3CatchUp = stepDef{rule: "A3", cite: cite(law.Brief, "9").WithNote("Q4: catch-up of unpaid started years"), conf: law.Assumption,
		text: law.Text{UK: "наздоганяння: усі невиплачені розпочаті роки", EN: "catch-up: every unpaid year begun since the block is claimable"}}
	stepA4CaptivityEnded = stepDef{rule: "A4", cite: cite(law.Brief, "7").WithNote("a year is complete when its anniversary is on or before the release"), conf: law.Assumption,
		text: law.Text{UK: "полон завершився {d0}: {n0 повний рік|повні роки|повних років}", EN: "captivity ended on {d0}: {n0 year|years} complete"}}
	stepA4IncompleteYearPaid = stepDef{rule: "A4", cite: cite(law.Brief, "8").WithNote("released_partial_year=paid"), conf: law.Assumption,
		text: law.Text{UK: "неповний рік {n0} також виплачується", EN: "the incomplete year {n0} is paid too"}}
	stepA3SharedEqually = stepDef{rule: "A3", cite: cite(law.Brief, "8").WithNote("held_payee=equal_shares"), conf: law.Assumption,
		text: law.Text{UK: "порівну між {n0} членами сім'ї", EN: "shared equally among {n0} recognised family members"}}
	stepA3PaidFirstApplicant = stepDef{rule: "A3", cite: cite(law.Brief, "6.1").WithNote("held_payee=single_first_applicant: 'one of the family members'"), conf: law.Secondary,
		text: law.Text{UK: "виплачується першому члену сім'ї, який звернувся", EN: "paid to the first family member who claimed"}}
	stepD3SplitHalfUp = stepDef{rule: "D3", cite: splitCitation.WithNote("split_rounding=half_up"), conf: law.Assumption,
		text: law.Text{UK: "частки округлено до копійки; першу частку виправлено, щоб зберегти суму", EN: "shares rounded half up to the kopiyka; the first share corrected to keep the total"}}
	stepD3SplitDown = stepDef{rule: "D3", cite: splitCitation, conf: law.Assumption,
		text: law.Text{UK: "частки округлено вниз до копійки; залишок — першому заявникові", EN: "shares rounded down to the kopiyka; leftover to the earliest applicant"}}
	stepR1PaidPersonally = stepDef{rule: "R1", cite: cite(law.Law2010, "7", "2"), conf: law.Verified,
		text: law.Text{UK: "допомога після звільнення виплачується особисто звільненій особі", EN: "release aid is paid to the released person personally"}}
	stepR3DiedBeforeClaiming = stepDef{rule: "R3", cite: cite(law.CivilCode, "1227").WithNote("Q11: aid never claimed does not pass to the family"), conf: law.Assumption,
		text: law.Text{UK: "особа померла до звернення; право особисте", EN: "the person died before claiming; the entitlement is personal"}}
	stepR1OtherReleasePaid = stepDef{rule: "R1", cite: cite(law.Brief, "9").WithNote("Q10 release_aid_per=person"), conf: law.Assumption,
		text: law.Text{UK: "допомогу після звільнення вже призначено за інше звільнення", EN: "release aid was already granted for another release"}}
	stepR1ThisReleasePaid = stepDef{rule: "R1", cite: cite(law.Law2010, "7", "2"), conf: law.Verified,
		text: law.Text{UK: "допомогу після цього звільнення {s1} {d0}", EN: "release aid for this release was {s0} on {d0}"}}
	stepR2PaidUnder2018 = stepDef{rule: "R2", cite: cite(law.Brief, "6.2").WithNote("Q9: offset only for the same release"), conf: law.Assumption,
		text: law.Text{UK: "допомогу після цього звільнення {s1} за програмою 2018 року {d0}", EN: "release aid for this release was {s0} under the 2018 programme on {d0}"}}
	stepR1OnePerRelease = stepDef{rule: "R1", cite: cite(law.Law2010, "7", "2"), conf: law.Verified,
		text: law.Text{UK: "звільнено {d0}; одна виплата за звільнення", EN: "released on {d0}; one payment per release"}}
	stepDeadlinePassed = stepDef{rule: "deadline", cite: cite(law.Brief, "3.4").WithNote("claim_deadline"), conf: law.Assumption,
		text: law.Text{UK: "строк звернення сплив {d0}", EN: "the term to claim ended on {d0}"}}
	stepD2DiedInCaptivity = stepDef{rule: "D2", cite: cite(law.Law2010, "7", "3"), conf: law.Verified,
		text: law.Text{UK: "помер у полоні {d0}", EN: "died in captivity on {d0}"}}
	stepD2DiedLaterThanYear = stepDef{rule: "D2", cite: cite(law.Law2010, "7", "3"), conf: law.Verified,
		text: law.Text{UK: "помер пізніше {d0}, більш ніж через рік після звільнення", EN: "died after {d0}, more than a year after release"}}
	stepD2NoCertificate = stepDef{rule: "D2", cite: cite(law.Law2010, "7", "3"), conf: law.Verified,
		text: law.Text{UK: "немає довідки про зв'язок смерті з перебуванням у полоні", EN: "no certificate links the death to the captivity"}}
	stepD2DiedWithinYear = stepDef{rule: "D2", cite: cite(law.Law2010, "7", "3"), conf: law.Verified,
		text: law.Text{UK: "помер протягом року після звільнення (до {d0} включно) з пов'язаної причини",
			EN: "died within a year of release ({d0} inclusive) from a linked cause"}}
	stepD4NotRecipientStrict = stepDef{rule: "D4", cite: cite(law.Law2010, "7", "3").WithNote("death_aid_recipients=family_code_strict (Q23)"), conf: law.Assumption,
		text: law.Text{UK: "за суворим тлумаченням не є отримувачем ({s0})", EN: "a {s0} is not a recipient under the strict reading"}}
	stepD4LivesWith = stepDef{rule: "D4", cite: cite(law.FamilyCode, "3").WithNote("death_aid_recipients=family_code_strict (Q23): lives with the person, shares a household"), conf: law.Assumption,
		text: law.Text{UK: "{s0} проживав разом з особою і мав спільний побут: член сім'ї за Сімейним кодексом", EN: "the {s0} lived with the person and shared a household: a family member under the Family Code"}}
	stepD5OtherLawChosen = stepDef{rule: "D5", cite: cite(law.Law2010, "7", "3"), conf: law.Verified,
		text: law.Text{UK: "заявник обрав одноразову виплату за іншим законом", EN: "the claimant chose the one-time payment of another law"}}
	stepD3LaterApplicantRefused = stepDef{rule: "D3", cite: cite(law.Brief, "6.3"), conf: law.Assumption,
		text: law.Text{UK: "допомогу у разі смерті виплачено {d0}; пізнішому заявникові відмовлено",
			EN: "the death aid was paid on {d0}; a later applicant is refused"}}
	stepD3WholeSumWent = stepDef{rule: "D3", cite: cite(law.Brief, "6.3").WithNote("death_aid_split=single_applicant"), conf: law.Assumption,
		text: law.Text{UK: "уся сума призначена {s0}", EN: "the whole sum went to {s0}"}}
	stepD3FirstApplicantTakesAll = stepDef{rule: "D3", cite: cite(law.Brief, "6.3").WithNote("death_aid_split=single_applicant"), conf: law.Assumption,
		text: law.Text{UK: "перший заявник отримує всю суму", EN: "the first eligible applicant takes the whole sum"}}
	stepD3EqualShares = stepDef{rule: "D3", cite: cite(law.Brief, "6.3").WithNote("death_aid_split=equal_shares_among_applicants (Q8)"), conf: law.Assumption,
		text: law.Text{UK: "порівну між заявниками: {s0}", EN: "equal shares among the eligible applicants: {s0}"}}
	stepC1CitizensOnly = stepDef{rule: "C1", cite: cite(law.CMUCivilian2026, ""), conf: law.Secondary,
		text: law.Text{UK: "допомога для звільнених цивільних громадян України", EN: "the aid is for released civilian citizens of Ukraine"}}
	stepC1Conviction = stepDef{rule: "C1", cite: cite(law.Law2010, "2", "4").WithNote("applied to the 2026 aid by analogy: the resolution was not seen"), conf: law.Assumption,
		text: law.Text{UK: "обвинувальний вирок за злочин, що виключає дію закону, набрав сили", EN: "a conviction for an excluding crime is final"}}
	stepC2FactEstablished = stepDef{rule: "C2", cite: cite(law.Brief, "6.4").WithNote("Q12: the two schemes exclude each other"), conf: law.Assumption,
		text: law.Text{UK: "факт встановлено: застосовується допомога за Законом 2010-IX", EN: "the fact is established: the aid of Law 2010-IX applies instead"}}
	stepC1PaidOnce = stepDef{rule: "C1", cite: cite(law.CMUCivilian2026, ""), conf: law.Secondary,
		text: law.Text{UK: "звільнена цивільна особа {d0}; виплачується один раз", EN: "released civilian on {d0}; paid once"}}
)
