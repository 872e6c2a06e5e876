package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/export"
	"github.com/uacaptivity/captivity/internal/golden"
	"github.com/uacaptivity/captivity/internal/samples"
	"github.com/uacaptivity/captivity/prisoner"
)

// schemas compiles the components of the committed OpenAPI document, with
// the case and report schemas it refers to.
func schemas(t *testing.T) func(name string) *jsonschema.Schema {
	c := jsonschema.NewCompiler()
	for url, doc := range map[string][]byte{
		"https://github.com/uacaptivity/captivity/examples/ministry/openapi.json": openapi,
		"https://github.com/uacaptivity/captivity/export/report.schema.json":      export.ReportSchema(),
		"https://github.com/uacaptivity/captivity/prisoner/case.schema.json":      prisoner.Schema(),
	} {
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
		require.NoError(t, err)
		require.NoError(t, c.AddResource(url, v))
	}
	return func(name string) *jsonschema.Schema {
		s, err := c.Compile("https://github.com/uacaptivity/captivity/examples/ministry/openapi.json#/components/schemas/" + name)
		require.NoError(t, err)
		return s
	}
}

func conforms(t *testing.T, s *jsonschema.Schema, body []byte) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	require.NoError(t, err)
	assert.NoError(t, s.Validate(v), "response conforms to openapi.json")
}

func newServer(t *testing.T, cfg Config) *httptest.Server {
	srv := httptest.NewServer(NewHandler(cfg))
	t.Cleanup(srv.Close)
	return srv
}

func do(t *testing.T, method, url, body string) (int, string, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	require.NoError(t, err)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, resp.Header.Get("Content-Type"), b
}

func TestHealthAndRuleSets(t *testing.T) {
	schema := schemas(t)
	srv := newServer(t, Config{})
	code, ct, body := do(t, "GET", srv.URL+"/healthz", "")
	assert.Equal(t, 200, code)
	assert.Equal(t, "application/json", ct)
	conforms(t, schema("Health"), body)

	code, _, body = do(t, "GET", srv.URL+"/v1/rulesets", "")
	assert.Equal(t, 200, code)
	conforms(t, schema("RuleSets"), body)
	assert.Contains(t, string(body), `"name":"RPS-1"`)
	assert.Contains(t, string(body), `"law2022.annual":[{"valid_from":"2022-11-19"`)

	code, _, body = do(t, "GET", srv.URL+"/openapi.json", "")
	assert.Equal(t, 200, code)
	assert.Equal(t, openapi, body)
}

func TestEvaluateSamples(t *testing.T) {
	schema := schemas(t)
	srv := newServer(t, Config{})
	code, ct, body := do(t, "POST", srv.URL+"/v1/evaluate?as_of=2026-11-28", string(samples.JSON()))
	require.Equal(t, 200, code, string(body))
	assert.Equal(t, "application/json", ct)
	conforms(t, schema("EvaluateResponse"), body)
	var resp EvaluateResponse
	require.NoError(t, json.Unmarshal(body, &resp))
	assert.Equal(t, "RPS-1", resp.RuleSet)
	require.Len(t, resp.Reports, 13)
	assert.Equal(t, "700000.00", resp.Reports[1].Decisions[0].Amount.String(), "C-02: the pre-law block of Art. 17(6)")
	golden.Check(t, "evaluate-samples.json", body)
}

func TestEvaluateOtherRuleSet(t *testing.T) {
	rs, err := aid.LoadRuleSet(strings.NewReader(`{"name":"catch-up","held_claim_scope":"current_and_unpaid_started_years"}`))
	require.NoError(t, err)
	srv := newServer(t, Config{RuleSets: []aid.RuleSet{aid.Default(), rs}})
	code, _, body := do(t, "POST", srv.URL+"/v1/evaluate?as_of=2026-11-28&rule_set=catch-up", string(samples.JSON()))
	require.Equal(t, 200, code)
	var resp EvaluateResponse
	require.NoError(t, json.Unmarshal(body, &resp))
	assert.Equal(t, "200000.00", resp.Reports[0].Decisions[2].Amount.String(), "C-01: years 2 and 3 under catch-up")
	code, ct, _ := do(t, "POST", srv.URL+"/v1/evaluate?as_of=2026-11-28&rule_set=nope", "{}")
	assert.Equal(t, 404, code)
	assert.Equal(t, "application/problem+json", ct)
}

func TestProblems(t *testing.T) {
	schema := schemas(t)
	srv := newServer(t, Config{MaxBody: 2048})
	bad := `{"id":"X","person":{"citizenship":"UA"},
	  "episodes":[{"id":"e1","category":"civilian","captured":"2023-02-30"}],
	  "events":[{"seq":1,"date":"2023-05-01","kind":"claim","episode":"e1","aid":"release","party":"f4"}]}`
	history := `{"id":"H","person":{"citizenship":"UA"},"episodes":[{"id":"e1","category":"civilian","captured":"2023-02-10"}],
	  "events":[{"seq":1,"date":"2023-05-01","kind":"release_record","episode":"e1"}]}`
	tests := []struct {
		name, url, body string
		code            int
		paths           []string
	}{
		{"invalid case", "/v1/evaluate?as_of=2026-11-28", bad, 422, []string{"episodes[0].captured", "events[0].party"}},
		{"impossible history", "/v1/evaluate?as_of=2026-11-28", history, 422, []string{"events[0]"}},
		{"malformed json", "/v1/evaluate?as_of=2026-11-28", `{"id": }`, 400, nil},
		{"no as_of", "/v1/evaluate", bad, 400, nil},
		{"bad as_of", "/v1/evaluate?as_of=2023-02-30", bad, 400, nil},
		{"oversized body", "/v1/evaluate?as_of=2026-11-28", `[` + strings.Repeat(`{"id":"A"},`, 400) + `{"id":"B"}]`, 413, nil},
		{"unknown endpoint", "/v2/evaluate", "", 404, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, ct, body := do(t, "POST", srv.URL+tt.url, tt.body)
			assert.Equal(t, tt.code, code, string(body))
			assert.Equal(t, "application/problem+json", ct)
			conforms(t, schema("Problem"), body)
			var p Problem
			require.NoError(t, json.Unmarshal(body, &p))
			assert.Equal(t, tt.code, p.Status)
			var paths []string
			for _, e := range p.Errors {
				paths = append(paths, e.Path)
				assert.NotEmpty(t, e.Message.UK)
			}
			assert.Equal(t, tt.paths, paths)
		})
	}
	code, _, _ := do(t, "GET", srv.URL+"/v1/evaluate", "")
	assert.Equal(t, http.StatusMethodNotAllowed, code)
}

func TestConcurrentRequests(t *testing.T) {
	srv := newServer(t, Config{})
	_, _, want := do(t, "POST", srv.URL+"/v1/evaluate?as_of=2026-11-28", string(samples.JSON()))
	var wg sync.WaitGroup
	errs := make(chan string, 32)
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			resp, err := http.Post(srv.URL+"/v1/evaluate?as_of=2026-11-28", "application/json", bytes.NewReader(samples.JSON()))
			if err != nil {
				errs <- err.Error()
				return
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != 200 || !bytes.Equal(b, want) {
				errs <- fmt.Sprintf("request %d: %d, %d bytes", i, resp.StatusCode, len(b))
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// serve stops when its context ends, letting a request in progress finish.
func TestGracefulShutdown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, ln, NewHandler(Config{})) }()
	url := "http://" + ln.Addr().String()
	var resp *http.Response
	for i := 0; i < 50; i++ {
		if resp, err = http.Get(url + "/healthz"); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	require.NoError(t, err)
	resp.Body.Close()
	cancel()
	select {
	case err := <-done:
		assert.NoError(t, err)
	case <-time.After(5 * time.Second):
		t.Fatal("the server did not stop")
	}
	_, err = http.Get(url + "/healthz")
	assert.Error(t, err, "no longer listening")
}

// /v1/evaluate/lines answers a JSON Lines body line by line: each line
// conforms to the Line schema, bad cases are answered with their problems
// in place, and the closing line counts them. A body announced over the
// limit gets 413 problem+json.
func TestEvaluateLines(t *testing.T) {
	srv := newServer(t, Config{MaxStreamBody: 1 << 20})
	cs, err := samples.Cases()
	require.NoError(t, err)
	var body bytes.Buffer
	require.NoError(t, prisoner.Encode(&body, cs, prisoner.EncodeOptions{Lines: true}))
	body.WriteString(`{"id":"BAD","person":{"citizenship":"UA"},"episodes":[{"id":"e1","category":"civilian","captured":"2023-02-30"}]}` + "\n")
	code, ctype, out := do(t, "POST", srv.URL+"/v1/evaluate/lines?as_of=2026-11-28", body.String())
	require.Equal(t, http.StatusOK, code, string(out))
	assert.Equal(t, "application/x-ndjson", ctype)
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	require.Len(t, lines, len(cs)+2)
	line := schemas(t)("Line")
	for i, l := range lines {
		conforms(t, line, []byte(l))
		var got Line
		require.NoError(t, json.Unmarshal([]byte(l), &got))
		switch {
		case i < len(cs):
			assert.Equal(t, i, got.Case)
			require.NotNil(t, got.Report, l)
			assert.Equal(t, cs[i].ID, got.Report.CaseID)
		case i == len(cs):
			assert.Equal(t, "BAD", got.CaseID)
			require.NotEmpty(t, got.Errors)
			assert.Equal(t, "episodes[0].captured", got.Errors[0].Path)
		default:
			assert.Equal(t, Line{Done: true, Cases: len(cs) + 1, Reports: len(cs)}, got)
		}
	}

	// Malformed JSON in the middle ends the stream; the closing line says
	// where.
	code, _, out = do(t, "POST", srv.URL+"/v1/evaluate/lines?as_of=2026-11-28", lines2(cs[0])+"{\"id\": }\n")
	require.Equal(t, http.StatusOK, code)
	all := strings.Split(strings.TrimSpace(string(out)), "\n")
	var last Line
	require.NoError(t, json.Unmarshal([]byte(all[len(all)-1]), &last))
	require.NotNil(t, last.Problem)
	assert.Equal(t, http.StatusBadRequest, last.Problem.Status)
	assert.Contains(t, last.Problem.Detail, "line 2")

	big := strings.Repeat(" ", 2<<20)
	code, ctype, out = do(t, "POST", srv.URL+"/v1/evaluate/lines?as_of=2026-11-28", big)
	assert.Equal(t, http.StatusRequestEntityTooLarge, code)
	assert.Equal(t, "application/problem+json", ctype)
	conforms(t, schemas(t)("Problem"), out)
}

func lines2(c prisoner.Case) string {
	var b bytes.Buffer
	_ = prisoner.Encode(&b, []prisoner.Case{c}, prisoner.EncodeOptions{Lines: true})
	return b.String()
}
