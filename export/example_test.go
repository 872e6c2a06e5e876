package export_test

import (
	"bytes"
	"fmt"
	"os"

	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/export"
	"github.com/uacaptivity/captivity/prisoner"
)

func ExampleNeutralize() {
	for _, cell := range []string{"=cmd|' /C calc'!A0", "+380", "Олена"} {
		n := export.Neutralize(cell)
		fmt.Printf("%s → %s → %s\n", cell, n, export.Unneutralize(n))
	}
	// Output:
	// =cmd|' /C calc'!A0 → '=cmd|' /C calc'!A0 → =cmd|' /C calc'!A0
	// +380 → '+380 → +380
	// Олена → Олена → Олена
}

func ExampleReportCSVWriter() {
	c, _ := prisoner.DecodeCase([]byte(`{"id": "R", "person": {"citizenship": "UA"},
	  "episodes": [{"id": "e1", "category": "civilian", "captured": "2023-03-01", "released": "2024-01-10", "release_kind": "exchange"}],
	  "events": [
	    {"seq": 1, "date": "2024-01-15", "kind": "application", "episode": "e1", "party": "person"},
	    {"seq": 2, "date": "2024-02-01", "kind": "decision", "episode": "e1", "decision": "establish"},
	    {"seq": 3, "date": "2024-02-10", "kind": "claim", "episode": "e1", "aid": "release", "party": "person"},
	    {"seq": 4, "date": "2024-02-10", "kind": "claim", "episode": "e1", "aid": "annual", "party": "person"}]}`))
	res, _ := aid.Evaluate(c, aid.Default())
	w := export.NewReportCSVWriter(export.ReportTables{Entitlements: os.Stdout}, civil.MustParse("2026-11-28"), export.CSVOptions{})
	_ = w.Write(res)
	_ = w.Flush()
	// Output:
	// case_id,as_of,episode,aid,state,party,amount,years,date,seq,party_ref,calendar_years
	// R,2026-11-28,e1,release,granted,person,100000.00,,2024-02-10,3,,
}

func ExampleCaseTablesWriter() {
	c, _ := prisoner.DecodeCase([]byte(`{"id": "T", "person": {"citizenship": "UA", "name": "=Вигадана"},
	  "episodes": [{"id": "e1", "category": "civilian", "captured": "2023-03-01"}]}`))
	var cases, eps bytes.Buffer
	w := export.NewCaseTablesWriter(export.Tables{Cases: &cases, Episodes: &eps, Family: &bytes.Buffer{}, Events: &bytes.Buffer{}},
		export.CSVOptions{Headers: export.Ukrainian})
	_ = w.Write(c)
	_ = w.Flush()
	fmt.Print(cases.String(), eps.String())
	// Output:
	// ідентифікатор справи,громадянство,особа без громадянства,ПІБ,дата народження,РНОКПП,примітка
	// T,UA,,'=Вигадана,,,
	// ідентифікатор справи,епізод,категорія,на службі під час захоплення,дата позбавлення свободи,дата звільнення,спосіб звільнення,дата смерті,смерть пов'язана з полоном,пояснення ранньої дати
	// T,e1,civilian,,2023-03-01,,,,,
}
