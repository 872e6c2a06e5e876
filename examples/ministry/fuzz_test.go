package main

import (
	"net/http/httptest"
	"testing"
)

// The tokens file and the Accept-Language header are read from outside:
// neither panics on any input, and a token file that parses gives tokens
// of at least 16 characters.
func FuzzTokensAndLanguage(f *testing.F) {
	f.Add([]byte("# tokens\n0123456789abcdef0123\n\n"), "uk-UA,uk;q=0.9,en;q=0.8")
	f.Add([]byte("short\n has space here, long enough \n"), "*;q=0")
	f.Add([]byte{0xff, 0xfe, '\n'}, ";;;,,q=abc")
	f.Fuzz(func(t *testing.T, file []byte, accept string) {
		if _, err := parseTokens(file); err == nil && len(file) < 16 {
			t.Fatalf("a file of %d bytes gave a token", len(file))
		}
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("Accept-Language", accept)
		if l := langOf(r); l != "uk" && l != "en" {
			t.Fatalf("language %q", l)
		}
	})
}
