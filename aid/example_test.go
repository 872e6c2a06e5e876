package aid_test

import (
	"fmt"

	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/prisoner"
)

func ExampleEvaluate() {
	c, err := prisoner.DecodeCase([]byte(`{
	  "id": "EX-1",
	  "person": {"citizenship": "UA"},
	  "episodes": [{"id": "e1", "category": "political", "captured": "2016-05-12"}],
	  "family": [{"id": "f1", "relation": "parent"}],
	  "events": [
	    {"seq": 1, "date": "2022-12-01", "kind": "application", "episode": "e1", "party": "f1"},
	    {"seq": 2, "date": "2023-01-10", "kind": "decision", "episode": "e1", "decision": "establish"},
	    {"seq": 3, "date": "2023-01-20", "kind": "claim", "episode": "e1", "aid": "annual", "party": "f1"},
	    {"seq": 4, "date": "2023-02-01", "kind": "claim", "episode": "e1", "aid": "release", "party": "f1"}
	  ]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := aid.Evaluate(c, aid.Default())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range res.Decisions {
		if d.Granted {
			fmt.Println(d.Seq, d.Aid, "granted", d.Amount, "for", len(d.Years), "years")
		} else {
			fmt.Println(d.Seq, d.Aid, "refused", d.Refusal)
		}
	}
	// Output:
	// 3 annual granted 700000.00 for 7 years
	// 4 release refused claimant_not_entitled
}

func ExampleAllocate() {
	shares, _ := aid.Allocate(aid.UAH(100000), []int64{1, 1, 1}, aid.DownLeftoverToFirst)
	fmt.Println(shares)
	// Output: [33333.34 33333.33 33333.33]
}

func ExampleParseMoney() {
	m, _ := aid.ParseMoney("100000")
	fmt.Println(m, m.Kopiykas())
	_, err := aid.ParseMoney("99.999")
	fmt.Println(err)
	// Output:
	// 100000.00 10000000
	// "99.999" is not UAH with a dot and at most two decimals: invalid amount
}

func ExampleSchedule_At() {
	p := aid.DefaultParameters()
	v, _ := p.Civilian.At(prisonerDate("2026-01-01"))
	fmt.Println(v.Amount, v.Citation.EN(), v.Confidence)
	_, err := p.Civilian.At(prisonerDate("2025-12-31"))
	fmt.Println(err)
	// Output:
	// 50000.00 CMU Resolution of 26.12.2025 secondary
	// reg2026.civilian_release_one_time on 2025-12-31: no parameter version in force
}

func ExampleDecision_Explain() {
	c := newCase(prisoner.Civilian, "2023-03-01").released("2024-01-10").established("2024-01-15", "2024-02-01").
		claim("2024-02-10", prisoner.ReleaseAid, prisoner.PartyPerson).build()
	res, _ := aid.Evaluate(c, aid.Default())
	fmt.Print(res.Decisions[0].Explain("en"))
	// Output:
	// #3 2024-02-10 release e1 person → granted UAH 100000.00
	//   R1       amount per unit UAH 100000.00 — Law No. 2010-IX, Art. 7(2) (amount set by CMU 1281 under Art. 7(4)) {law2022.release_one_time@2022-11-19}
	//   status   fact established; status released since 2024-02-01 — Law No. 2010-IX, Art. 4(7) (the decision fixes the release date)
	//   R1       released on 2024-01-10; one payment per release — Law No. 2010-IX, Art. 7(2)
	//   share    person 100000.00
}

// The grounds of a decision in one cell, as decisions.csv has them.
func ExampleDecision_AppendCitationCodes() {
	c, err := prisoner.DecodeCase([]byte(`{
	  "id": "EX-2",
	  "person": {"citizenship": "UA"},
	  "episodes": [{"id": "e1", "category": "civilian", "captured": "2023-03-01"}],
	  "events": [
	    {"seq": 1, "date": "2023-04-01", "kind": "application", "episode": "e1", "party": "person"},
	    {"seq": 2, "date": "2023-05-10", "kind": "decision", "episode": "e1", "decision": "establish"},
	    {"seq": 3, "date": "2024-03-15", "kind": "claim", "episode": "e1", "aid": "annual", "party": "representative"}
	  ]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := aid.Evaluate(c, aid.Default())
	if err != nil {
		fmt.Println(err)
		return
	}
	d := res.Decisions[0]
	fmt.Println(d.Granted, string(d.AppendCitationCodes(nil)))
	// Output:
	// true 2010-IX:7(1);2010-IX:4(7)
}

// A family whose relative was taken in 2024 has applied to the
// Commission; nothing is decided yet. Screening says whether the law
// likely covers him and what the application lacks; the projection says
// what the family could claim, and when, if the fact were established.
func ExampleCalculator_Project() {
	c, _ := prisoner.DecodeCase([]byte(`{"id":"N-1","person":{"citizenship":"UA"},
	  "family":[{"id":"f1","relation":"spouse"}],
	  "episodes":[{"id":"e1","category":"civilian","captured":"2024-03-10"}],
	  "events":[{"seq":1,"date":"2026-10-01","kind":"application","episode":"e1","party":"f1","documents":["victim_status"]}]}`))
	k := aid.New(aid.Default())
	asOf := civil.MustParse("2026-10-15")
	s, _ := k.Screen(c, asOf)
	e := s.Episodes[0]
	fmt.Println(e.Outcome)
	for _, d := range e.Documents {
		if d.State == aid.DocumentNotRecorded && !d.IfAny {
			fmt.Println("still to gather:", d.Code)
		}
	}
	p, _ := k.Project(c, aid.ProjectOptions{AsOf: asOf})
	fmt.Println("assumed established on", p.Episodes[0].EstablishedOn)
	for _, cl := range p.Claimable[:2] {
		fmt.Println(cl.From, cl.Until, cl.Aid, cl.Party, cl.Years, cl.Amount, "projected:", cl.Projected)
	}
	// Output:
	// likely_covered
	// still to gather: geneva_breach_documents
	// still to gather: security_forces_notice
	// assumed established on 2026-10-31
	// 2026-10-31 2027-03-10 annual family [3] 100000.00 projected: true
	// 2027-03-11 2028-03-10 annual family [4] 100000.00 projected: true
}
