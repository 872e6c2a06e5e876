package law_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/uacaptivity/captivity/law"
)

// Ukrainian agreement with numerals: 1, 21 take the singular; 2, 22 the
// paucal; 5, 11, 25 and 0 the genitive plural.
func TestPluralUK(t *testing.T) {
	for n, want := range map[int]string{
		0: "0 років", 1: "1 рік", 2: "2 роки", 4: "4 роки", 5: "5 років", 11: "11 років", 12: "12 років",
		14: "14 років", 21: "21 рік", 22: "22 роки", 25: "25 років", 101: "101 рік", 111: "111 років", 112: "112 років",
	} {
		assert.Equal(t, want, law.PluralUK(n, "рік", "роки", "років"), "n=%d", n)
	}
	assert.Equal(t, "1 year", law.PluralEN(1, "year", "years"))
	assert.Equal(t, "2 years", law.PluralEN(2, "year", "years"))
	assert.Equal(t, "0 years", law.PluralEN(0, "year", "years"))
}
