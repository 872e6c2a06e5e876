package main

import (
	"bytes"
	"net/http/httptest"
	"testing"

	"github.com/uacaptivity/captivity/internal/samples"
	"github.com/uacaptivity/captivity/prisoner"
)

// The handler's own cost of the README's sample request (13 cases) and of
// a single case, without the network: what the load test's throughput is
// made of.
func BenchmarkEvaluate(b *testing.B) {
	cs, err := samples.Cases()
	if err != nil {
		b.Fatal(err)
	}
	var single bytes.Buffer
	if err := prisoner.Encode(&single, cs[1:2], prisoner.EncodeOptions{}); err != nil {
		b.Fatal(err)
	}
	h := NewHandler(Config{})
	for _, bc := range []struct {
		name string
		body []byte
	}{{"sample", samples.JSON()}, {"single", single.Bytes()}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				req := httptest.NewRequest("POST", "/v1/evaluate?as_of=2026-11-28", bytes.NewReader(bc.body))
				req.Header.Set("Content-Type", "application/json")
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != 200 {
					b.Fatal(rec.Code, rec.Body.String())
				}
			}
		})
	}
}
