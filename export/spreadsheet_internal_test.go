package export

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/uacaptivity/captivity/civil"
)

// What spreadsheets write back for an amount, and how it is read: every
// form with one reading is taken; one mark with three digits after it is
// ambiguous and refused; what is not a number is left for validation.
func TestSpreadsheetAmount(t *testing.T) {
	for in, want := range map[string]string{
		"100000": "100000.00", "100000.00": "100000.00", "100000,00": "100000.00", "100000,5": "100000.50",
		"0,1": "0.10", "0.2": "0.20", "999999999,99": "999999999.99", "100 000,00": "100000.00",
		"100\u00a0000,00": "100000.00", "1,000,000": "1000000.00", "1.000.000": "1000000.00",
		"100,000.00": "100000.00", "100.000,00": "100000.00", "1'000.50": "1000.50",
	} {
		got, ok, _ := spreadsheetAmount(in)
		assert.True(t, ok, in)
		assert.Equal(t, want, got, in)
	}
	for _, in := range []string{"1.000", "1,000", "100,000"} {
		got, ok, why := spreadsheetAmount(in)
		assert.False(t, ok, in)
		assert.Equal(t, in, got)
		assert.Contains(t, why.EN, "ambiguous", in)
		assert.Contains(t, why.UK, "неоднозначна", in)
	}
	for _, in := range []string{"abc", "1e5", "10,00,000", "1.2.3,4", ""} {
		got, ok, _ := spreadsheetAmount(in)
		assert.True(t, ok, in)
		assert.Equal(t, in, got, "left for the validation: %q", in)
	}
}

func TestSpreadsheetDate(t *testing.T) {
	for in, want := range map[string]string{
		"28.11.2026": "2026-11-28", "1.2.2023": "2023-02-01", "28/11/2026": "2026-11-28", "11/28/2026": "2026-11-28",
		"04/04/2026": "2026-04-04",
	} {
		got, ok, _ := spreadsheetDate(in)
		assert.True(t, ok, in)
		assert.Equal(t, want, got, in)
	}
	for _, in := range []string{"03/04/2026", "28.11.26", "11/28/26"} {
		_, ok, why := spreadsheetDate(in)
		assert.False(t, ok, in)
		assert.NotEmpty(t, why.UK, in)
	}
	got, ok, _ := spreadsheetDate("31.02.2026")
	assert.True(t, ok)
	assert.Equal(t, "31.02.2026", got, "no such day: left for civil.Parse to refuse")
}

// A date cell's day number in both date systems of a workbook: 2023-02-10
// is 44967 from 1899-12-30 and 43505 from 1904-01-01; a time of day is
// dropped; January and February 1900 (where spreadsheets count a 29
// February that never was) are refused.
func TestSerialDate(t *testing.T) {
	for _, tt := range []struct {
		in       string
		date1904 bool
		want     string
		ok       bool
	}{
		{"44967", false, "2023-02-10", true}, {"43505", true, "2023-02-10", true}, {"44967.75", false, "2023-02-10", true},
		{"61", false, "1900-03-01", true}, {"60", false, "60", false}, {"0", true, "1904-01-01", true}, {"x", false, "x", false},
	} {
		got, ok := serialDate(tt.in, tt.date1904)
		assert.Equal(t, tt.ok, ok, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
	assert.Equal(t, 44967, serialOf(civilDate("2023-02-10")))
}

func civilDate(s string) civil.Date { return civil.MustParse(s) }
