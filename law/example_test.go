package law_test

import (
	"fmt"

	"github.com/uacaptivity/captivity/law"
)

func ExampleCitation() {
	c := law.Cite(law.Law2010, "17", "6")
	fmt.Println(c.Code())
	fmt.Println(c.EN())
	fmt.Println(c.UK())
	// Output:
	// 2010-IX:17(6)
	// Law No. 2010-IX, Art. 17(6)
	// Закон № 2010-IX, ст. 17 ч. 6
}

func ExampleActByID() {
	a, _ := law.ActByID(law.Law2010)
	fmt.Println(a.Number, a.InForce, a.Enacted)
	// Output: 2010-IX 2022-11-19 true
}
