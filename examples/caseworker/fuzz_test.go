package main

import (
	"errors"
	"net/url"
	"testing"

	"github.com/uacaptivity/captivity/prisoner"
)

// The case form is a decoder of what a browser sends: any form gives a
// case file the case decoder reads or rejects with problems, never a
// panic, and every problem's path names an input of the form.
func FuzzCaseFromForm(f *testing.F) {
	f.Add("id=F-1&person.citizenship=UA&episodes[0].id=e1&episodes[0].category=civilian&episodes[0].captured=2023-02-10")
	f.Add("episodes[5].captured=2023-02-30&events[99].seq=x&family[0].relation=spouse&events[2].documents=a,,b")
	f.Add("episodes[0].serving_at_capture=on&events[0].year=12345678901234567890")
	f.Fuzz(func(t *testing.T, q string) {
		form, err := url.ParseQuery(q)
		if err != nil {
			return
		}
		js, back, err := caseFromForm(form)
		if err != nil {
			return
		}
		c, err := prisoner.DecodeCase(js)
		var ve *prisoner.ValidationError
		if err == nil {
			_ = c.Validate()
			return
		}
		if errors.As(err, &ve) {
			for _, fe := range ve.Fields {
				_ = formPath(fe.Path, back)
			}
		}
	})
}
