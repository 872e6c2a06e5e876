package status_test

import (
	"fmt"
	"strings"

	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/prisoner"
	"github.com/uacaptivity/captivity/status"
)

func ExampleBuild() {
	c, _ := prisoner.DecodeCase([]byte(`{"id": "S", "person": {"citizenship": "UA"},
	  "episodes": [{"id": "e1", "category": "civilian", "captured": "2022-03-15", "released": "2022-03-31", "release_kind": "deoccupation"}],
	  "events": [
	    {"seq": 1, "date": "2023-01-15", "kind": "application", "episode": "e1", "party": "person"},
	    {"seq": 2, "date": "2023-05-10", "kind": "decision", "episode": "e1", "decision": "not_confirmed", "notified": "2023-05-15"},
	    {"seq": 3, "date": "2023-10-02", "kind": "court_ruling", "episode": "e1", "ruling": "reconsider"},
	    {"seq": 4, "date": "2024-01-25", "kind": "decision", "episode": "e1", "decision": "establish"}]}`))
	tl, err := status.Build(c, status.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, day := range []string{"2022-11-18", "2023-05-14", "2023-05-15", "2024-06-01"} {
		s := tl.At("e1", civil.MustParse(day))
		fmt.Println(day, s.State, strings.TrimSpace(s.State.Label().UK))
	}
	// Output:
	// 2022-11-18 none не зареєстровано
	// 2023-05-14 applied заява на розгляді
	// 2023-05-15 not_confirmed факт не підтверджено
	// 2024-06-01 released факт встановлено, звільнений
}
