package civil_test

import (
	"fmt"

	"github.com/uacaptivity/captivity/civil"
)

func ExampleParse() {
	d, err := civil.Parse("2023-02-29")
	fmt.Println(d.IsZero(), err)
	d, _ = civil.Parse("2016-05-12")
	fmt.Println(d, d.Anniversary(7, civil.Feb28))
	// Output:
	// true day 29 does not exist in 2023-02: invalid date
	// 2016-05-12 2023-05-12
}

func ExampleDate_AddYears() {
	leap := civil.MustParse("2020-02-29")
	fmt.Println(leap.AddYears(1, civil.Feb28), leap.AddYears(1, civil.Mar1))
	// Output: 2021-02-28 2021-03-01
}

func ExamplePeriod() {
	p, _ := civil.NewPeriod(civil.MustParse("2022-11-19"), civil.MustParse("2022-12-31"))
	fmt.Println(p, p.Days(), p.Contains(civil.MustParse("2022-12-31")))
	// Output: 2022-11-19/2022-12-31 43 true
}
