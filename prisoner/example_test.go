package prisoner_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/uacaptivity/captivity/prisoner"
)

func ExampleDecode() {
	file := `{"id":"A","person":{"citizenship":"UA"},"episodes":[{"id":"e1","category":"civilian","captured":"2022-03-05"}]}
{"id":"B","person":{"citizenship":"UA"},"episodes":[{"id":"e1","category":"military","serving_at_capture":true,"captured":"2023-02-30"}]}`
	_, err := prisoner.Decode(strings.NewReader(file), prisoner.DecodeOptions{})
	var fe *prisoner.FileError
	if errors.As(err, &fe) {
		for _, line := range fe.Lines("en") {
			fmt.Println(line)
		}
	}
	// Output:
	// [1] case B (line 2): episodes[0].captured: is not an existing date written YYYY-MM-DD
}

func ExampleCase_Validate() {
	c := prisoner.Case{
		ID:       "A",
		Person:   prisoner.Person{Citizenship: "UA", RNOKPP: "3123456788"},
		Episodes: []prisoner.Episode{{ID: "e1", Category: prisoner.Civilian}},
	}
	var ve *prisoner.ValidationError
	if errors.As(c.Validate(), &ve) {
		for _, f := range ve.Fields {
			fmt.Println(f.Path, f.Code, "—", f.Message.UK)
		}
	}
	// Output:
	// episodes[0].captured required — обов'язкове поле не заповнено
	// person.rnokpp checksum — неправильна контрольна цифра РНОКПП
}
