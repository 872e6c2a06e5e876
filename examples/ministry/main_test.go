package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pb33f/libopenapi"
	validator "github.com/pb33f/libopenapi-validator"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/internal/golden"
	"github.com/uacaptivity/captivity/internal/samples"
	"github.com/uacaptivity/captivity/prisoner"
)

// contract validates every answer the tests receive against the committed
// openapi.json, with a validator that is not ours (libopenapi-validator).
var contract = sync.OnceValues(func() (validator.Validator, error) {
	doc, err := libopenapi.NewDocument(openapi)
	if err != nil {
		return nil, err
	}
	v, errs := validator.NewValidator(doc)
	if len(errs) > 0 {
		return nil, errs[0]
	}
	return v, nil
})

// lineSchema compiles the Line component, for each line of a JSON Lines
// answer (OpenAPI 3.1 cannot give the schema of a body's lines).
func lineSchema(t *testing.T) *jsonschema.Schema { return componentSchema(t, "Line") }

func componentSchema(t *testing.T, name string) *jsonschema.Schema {
	c := jsonschema.NewCompiler()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(openapi))
	require.NoError(t, err)
	const url = "https://example.invalid/openapi.json"
	require.NoError(t, c.AddResource(url, v))
	s, err := c.Compile(url + "#/components/schemas/" + name)
	require.NoError(t, err)
	return s
}

func startServer(t *testing.T, cfg Config) *httptest.Server {
	srv := httptest.NewServer(NewHandler(cfg))
	t.Cleanup(srv.Close)
	return srv
}

type reply struct {
	code   int
	header http.Header
	body   []byte
}

// do sends a request with the headers given as name, value pairs and
// checks the answer against the contract, for every documented path.
func do(t *testing.T, method, url, ctype, body string, header ...string) reply {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	require.NoError(t, err)
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	checkContract(t, req, resp, b)
	return reply{resp.StatusCode, resp.Header, b}
}

func checkContract(t *testing.T, req *http.Request, resp *http.Response, body []byte) {
	t.Helper()
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "application/x-ndjson") {
		line := lineSchema(t)
		for _, l := range bytes.Split(bytes.TrimSpace(body), []byte("\n")) {
			v, err := jsonschema.UnmarshalJSON(bytes.NewReader(l))
			require.NoError(t, err)
			assert.NoError(t, line.Validate(v), "each line is a Line")
		}
		return
	}
	v, err := contract()
	require.NoError(t, err)
	resp.Body = io.NopCloser(bytes.NewReader(body))
	req.Body = http.NoBody
	if ok, errs := v.ValidateHttpResponse(req, resp); !ok {
		if len(errs) == 1 && errs[0].ValidationType == "path" {
			// A path or method the document does not describe: its answer
			// is the Problem of the document's default responses.
			assert.Contains(t, []int{401, 404, 405}, resp.StatusCode)
			schema := componentSchema(t, "Problem")
			pv, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
			require.NoError(t, err)
			assert.NoError(t, schema.Validate(pv))
			return
		}
		for _, e := range errs {
			t.Errorf("%s %s → %d does not conform to openapi.json: %s (%s)", req.Method, req.URL.Path, resp.StatusCode, e.Message, e.Reason)
			for _, se := range e.SchemaValidationErrors {
				t.Errorf("  %s: %s", se.FieldPath, se.Reason)
			}
		}
	}
}

func problemOf(t *testing.T, r reply) Problem {
	t.Helper()
	assert.Equal(t, "application/problem+json", r.header.Get("Content-Type"), string(r.body))
	var p Problem
	require.NoError(t, json.Unmarshal(r.body, &p), string(r.body))
	assert.Equal(t, r.code, p.Status)
	assert.True(t, strings.HasPrefix(p.Type, "/problems/"), p.Type)
	return p
}

func TestDocumentsAndOperations(t *testing.T) {
	srv := startServer(t, Config{})
	for _, p := range []string{"/healthz", "/readyz"} {
		r := do(t, "GET", srv.URL+p, "", "")
		assert.Equal(t, 200, r.code, p)
		assert.Equal(t, "application/json", r.header.Get("Content-Type"))
	}
	r := do(t, "GET", srv.URL+"/v1/rulesets", "", "")
	assert.Equal(t, 200, r.code)
	assert.Contains(t, string(r.body), `"name":"RPS-1"`)
	assert.Contains(t, string(r.body), `"law2022.annual":[{"valid_from":"2022-11-19"`)

	r = do(t, "GET", srv.URL+"/openapi.json", "", "")
	assert.Equal(t, 200, r.code)
	assert.Equal(t, openapi, r.body)
	assert.NotContains(t, string(r.body), `"$ref":"https://`, "every reference resolves inside the document")
	for _, p := range []string{"/schemas/case.schema.json", "/schemas/report.schema.json"} {
		r = do(t, "GET", srv.URL+p, "", "")
		assert.Equal(t, 200, r.code)
		assert.True(t, json.Valid(r.body))
	}
	// Each problem type has its page, in both languages.
	for kind, k := range problemKinds {
		r = do(t, "GET", srv.URL+"/problems/"+kind, "", "")
		require.Equal(t, 200, r.code, kind)
		assert.Contains(t, string(r.body), k.title.UK)
		assert.Contains(t, string(r.body), k.title.EN)
	}
	r = do(t, "GET", srv.URL+"/problems", "", "")
	assert.Equal(t, 200, r.code)
	assert.Contains(t, string(r.body), `href="/problems/too-large"`)

	// The metrics scrape, with what the service counted.
	do(t, "POST", srv.URL+"/v1/evaluate?as_of=2026-11-28", "application/json", string(samples.JSON()))
	r = do(t, "GET", srv.URL+"/metrics", "", "")
	assert.Equal(t, 200, r.code)
	for _, want := range []string{
		"captivity_cases_evaluated_total 13",
		`captivity_http_requests_total{code="200",route="POST /v1/evaluate"} 1`,
		`captivity_decisions_total{aid="annual",outcome="granted"}`,
		`captivity_decisions_total{aid="release",outcome="`,
		"captivity_http_request_duration_seconds_bucket",
		"captivity_http_requests_in_flight 1",
		"process_resident_memory_bytes",
	} {
		assert.Contains(t, string(r.body), want)
	}
}

func TestEvaluateSamples(t *testing.T) {
	srv := startServer(t, Config{})
	for _, ctype := range []string{"application/json", "application/json; charset=utf-8"} {
		r := do(t, "POST", srv.URL+"/v1/evaluate?as_of=2026-11-28", ctype, string(samples.JSON()))
		require.Equal(t, 200, r.code, string(r.body))
		assert.Equal(t, "application/json", r.header.Get("Content-Type"))
		var resp EvaluateResponse
		require.NoError(t, json.Unmarshal(r.body, &resp))
		assert.Equal(t, "RPS-1", resp.RuleSet)
		require.Len(t, resp.Reports, 13)
		assert.Equal(t, "700000.00", resp.Reports[1].Decisions[0].Amount.String(), "C-02: the pre-law block of Art. 17(6)")
		golden.Check(t, "evaluate-samples.json", r.body)
	}
	// The same cases as JSON Lines give the same answer.
	cs, err := samples.Cases()
	require.NoError(t, err)
	var lines bytes.Buffer
	require.NoError(t, prisoner.Encode(&lines, cs, prisoner.EncodeOptions{Lines: true}))
	r := do(t, "POST", srv.URL+"/v1/evaluate?as_of=2026-11-28", "application/x-ndjson", lines.String())
	require.Equal(t, 200, r.code)
	want := do(t, "POST", srv.URL+"/v1/evaluate?as_of=2026-11-28", "application/json", string(samples.JSON()))
	assert.Equal(t, string(want.body), string(r.body))
}

func TestEvaluateOtherRuleSet(t *testing.T) {
	rs, err := aid.LoadRuleSet(strings.NewReader(`{"name":"catch-up","held_claim_scope":"current_and_unpaid_started_years"}`))
	require.NoError(t, err)
	srv := startServer(t, Config{RuleSets: []aid.RuleSet{aid.Default(), rs}})
	r := do(t, "POST", srv.URL+"/v1/evaluate?as_of=2026-11-28&rule_set=catch-up", "application/json", string(samples.JSON()))
	require.Equal(t, 200, r.code)
	var resp EvaluateResponse
	require.NoError(t, json.Unmarshal(r.body, &resp))
	assert.Equal(t, "200000.00", resp.Reports[0].Decisions[2].Amount.String(), "C-01: years 2 and 3 under catch-up")
	r = do(t, "POST", srv.URL+"/v1/evaluate?as_of=2026-11-28&rule_set=nope", "application/json", "{}")
	assert.Equal(t, 404, r.code)
	problemOf(t, r)
}

func TestProblems(t *testing.T) {
	srv := startServer(t, Config{MaxBody: 2048, MaxCases: 3})
	bad := `{"id":"X","person":{"citizenship":"UA"},
	  "episodes":[{"id":"e1","category":"civilian","captured":"2023-02-30"}],
	  "events":[{"seq":1,"date":"2023-05-01","kind":"claim","episode":"e1","aid":"release","party":"f4"}]}`
	history := `{"id":"H","person":{"citizenship":"UA"},"episodes":[{"id":"e1","category":"civilian","captured":"2023-02-10"}],
	  "events":[{"seq":1,"date":"2023-05-01","kind":"release_record","episode":"e1"}]}`
	const ev = "/v1/evaluate?as_of=2026-11-28"
	const js = "application/json"
	tests := []struct {
		name, method, url, ctype, body string
		code                           int
		kind                           string
		paths                          []string
	}{
		{"invalid case", "POST", ev, js, bad, 422, "invalid-case", []string{"episodes[0].captured", "events[0].party"}},
		{"impossible history", "POST", ev, js, history, 422, "inconsistent-history", []string{"events[0]"}},
		{"malformed json", "POST", ev, js, `{"id": }`, 400, "malformed-json", nil},
		{"no case", "POST", ev, js, ` `, 400, "malformed-json", nil},
		{"no as_of", "POST", "/v1/evaluate", js, bad, 400, "bad-parameter", nil},
		{"bad as_of", "POST", "/v1/evaluate?as_of=2023-02-30", js, bad, 400, "bad-parameter", nil},
		{"repeated as_of", "POST", ev + "&as_of=2026-01-01", js, bad, 400, "bad-parameter", nil},
		{"unknown parameter", "POST", ev + "&asof=2026-01-01", js, bad, 400, "bad-parameter", nil},
		{"query on healthz", "GET", "/healthz?x=1", "", "", 400, "bad-parameter", nil},
		{"oversized body", "POST", ev, js, `[` + strings.Repeat(`{"id":"A"},`, 400) + `{"id":"B"}]`, 413, "too-large", nil},
		{"too many cases", "POST", ev, js, `[{"id":"A"},{"id":"B"},{"id":"C"},{"id":"D"}]`, 413, "too-many-cases", nil},
		{"text/plain", "POST", ev, "text/plain", bad, 415, "unsupported-media-type", nil},
		{"form", "POST", ev, "application/x-www-form-urlencoded", bad, 415, "unsupported-media-type", nil},
		{"multipart", "POST", ev, "multipart/form-data; boundary=x", bad, 415, "unsupported-media-type", nil},
		{"no content type", "POST", ev, "", bad, 415, "unsupported-media-type", nil},
		{"latin-1 json", "POST", ev, "application/json; charset=latin1", bad, 415, "unsupported-media-type", nil},
		{"unknown endpoint", "POST", "/v2/evaluate", js, "", 404, "not-found", nil},
		{"doubled slash", "GET", "//healthz", "", "", 404, "not-found", nil},
		{"dot segment", "GET", "/v1/../healthz", "", "", 404, "not-found", nil},
		{"method", "GET", "/v1/evaluate", "", "", 405, "method-not-allowed", nil},
		{"method on healthz", "DELETE", "/healthz", "", "", 405, "method-not-allowed", nil},
		{"unknown problem page", "GET", "/problems/nope", "", "", 404, "not-found", nil},
		{"under a problem page", "GET", "/problems/too-large/x", "", "", 404, "not-found", nil},
		{"post to a problem page", "POST", "/problems/too-large", js, "{}", 405, "method-not-allowed", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := do(t, tt.method, srv.URL+tt.url, tt.ctype, tt.body)
			assert.Equal(t, tt.code, r.code, string(r.body))
			p := problemOf(t, r)
			assert.Equal(t, "/problems/"+tt.kind, p.Type)
			assert.Equal(t, problemKinds[tt.kind].title.UK, p.Title, "Ukrainian by default")
			var paths []string
			for _, e := range p.Errors {
				paths = append(paths, e.Path)
				assert.NotEmpty(t, e.Message.UK)
				assert.NotEmpty(t, e.Message.EN)
			}
			assert.Equal(t, tt.paths, paths)
			assert.NotEmpty(t, r.header.Get("X-Request-ID"))
			assert.Equal(t, r.header.Get("X-Request-ID"), p.RequestID)
			if tt.code == 405 {
				assert.NotEmpty(t, r.header.Get("Allow"))
			}
		})
	}
}

// Title and detail follow Accept-Language; field messages carry both.
func TestProblemLanguage(t *testing.T) {
	srv := startServer(t, Config{})
	for _, tt := range []struct{ accept, lang string }{
		{"", "uk"}, {"en", "en"}, {"en-GB,en;q=0.9", "en"}, {"uk-UA,uk;q=0.9,en;q=0.8", "uk"},
		{"de,en;q=0.5", "en"}, {"de", "uk"}, {"fr;q=0.9,uk;q=0.5,en;q=0.4", "uk"}, {"*", "uk"}, {";;;", "uk"},
	} {
		r := do(t, "POST", srv.URL+"/v1/evaluate", "application/json", "{}", "Accept-Language", tt.accept)
		p := problemOf(t, r)
		want := problemKinds["bad-parameter"].title.UK
		if tt.lang == "en" {
			want = problemKinds["bad-parameter"].title.EN
		}
		assert.Equal(t, want, p.Title, "Accept-Language %q", tt.accept)
		assert.Equal(t, tt.lang, r.header.Get("Content-Language"))
	}
}

// Errors that net/http writes itself, before any handler, come as
// problem+json too.
func TestGoErrorsAsProblems(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	h := NewHandler(Config{})
	srv := newServer(h, 4<<10)
	go func() { _ = srv.Serve(goErrors{ln}) }()
	t.Cleanup(func() { _ = srv.Close() })
	raw := func(req string) (int, http.Header, []byte) {
		c, err := net.Dial("tcp", ln.Addr().String())
		require.NoError(t, err)
		defer c.Close()
		_, err = io.WriteString(c, req)
		require.NoError(t, err)
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		require.NoError(t, err)
		b, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		return resp.StatusCode, resp.Header, b
	}
	for _, tt := range []struct {
		name, req string
		code      int
	}{
		{"headers over the limit", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("a", 8<<10) + "\r\n\r\n", 431},
		{"malformed request line", "GARBAGE\r\n\r\n", 400},
		{"no host", "GET /healthz HTTP/1.1\r\n\r\n", 400},
		{"unknown transfer encoding", "POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501},
		{"absolute form with a doubled slash", "GET http://x//healthz HTTP/1.1\r\nHost: x\r\n\r\n", 404},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, hdr, body := raw(tt.req)
			assert.Equal(t, tt.code, code, string(body))
			assert.Equal(t, "application/problem+json", hdr.Get("Content-Type"), string(body))
			var p Problem
			require.NoError(t, json.Unmarshal(body, &p), string(body))
			assert.Equal(t, tt.code, p.Status)
			assert.NotEmpty(t, p.Title)
		})
	}
}

func writeTokens(t *testing.T, tokens ...string) string {
	path := filepath.Join(t.TempDir(), "tokens.txt")
	require.NoError(t, os.WriteFile(path, []byte("# the service's tokens\n\n"+strings.Join(tokens, "\n")+"\n"), 0o600))
	return path
}

func TestTokens(t *testing.T) {
	const good, other = "s3cr3t-token-0123456789", "another-token-9876543210"
	path := writeTokens(t, good)
	tokens, err := LoadTokens(path)
	require.NoError(t, err)
	assert.Equal(t, 1, tokens.Len())
	srv := startServer(t, Config{Tokens: tokens})
	ev := srv.URL + "/v1/evaluate?as_of=2026-11-28"

	for _, auth := range []string{"", "Bearer", "Bearer wrong-token-000000000", "Basic " + good, "Bearer " + good + "x", "bearer " + other} {
		r := do(t, "POST", ev, "application/json", string(samples.JSON()), "Authorization", auth)
		assert.Equal(t, 401, r.code, "Authorization %q", auth)
		assert.Equal(t, "/problems/unauthorized", problemOf(t, r).Type)
		assert.Equal(t, `Bearer realm="captivity"`, r.header.Get("WWW-Authenticate"))
	}
	for _, p := range []string{"/metrics", "/v1/rulesets", "/openapi.json", "/nope"} {
		assert.Equal(t, 401, do(t, "GET", srv.URL+p, "", "").code, p)
	}
	for _, p := range []string{"/healthz", "/readyz"} {
		assert.Equal(t, 200, do(t, "GET", srv.URL+p, "", "").code, p+" stays open")
	}
	r := do(t, "POST", ev, "application/json", string(samples.JSON()), "Authorization", "Bearer "+good)
	assert.Equal(t, 200, r.code)
	assert.Equal(t, 200, do(t, "GET", srv.URL+"/metrics", "", "", "Authorization", "bearer "+good).code, "the scheme's case does not matter")

	// A reload replaces the tokens; a bad file leaves them as they were.
	require.NoError(t, os.WriteFile(path, []byte(other+"\n"), 0o600))
	require.NoError(t, tokens.Reload(path))
	assert.Equal(t, 401, do(t, "GET", srv.URL+"/v1/rulesets", "", "", "Authorization", "Bearer "+good).code)
	assert.Equal(t, 200, do(t, "GET", srv.URL+"/v1/rulesets", "", "", "Authorization", "Bearer "+other).code)
	require.NoError(t, os.WriteFile(path, []byte("short\n"), 0o600))
	assert.ErrorContains(t, tokens.Reload(path), "line 1: a token needs at least 16 characters")
	assert.Equal(t, 200, do(t, "GET", srv.URL+"/v1/rulesets", "", "", "Authorization", "Bearer "+other).code)

	_, err = LoadTokens(writeTokens(t))
	assert.ErrorContains(t, err, "no token in the file")
	_, err = LoadTokens(writeTokens(t, "has a space in it, long enough"))
	assert.ErrorContains(t, err, "holds no spaces")
}

func TestLoopbackOnlyWhenOpen(t *testing.T) {
	for addr, want := range map[string]bool{"127.0.0.1:8080": true, "localhost:1": true, "[::1]:80": true,
		":8080": false, "0.0.0.0:8080": false, "10.0.0.1:80": false, "example.org:80": false, "bad": false} {
		assert.Equal(t, want, loopback(addr), addr)
	}
	assert.Equal(t, 2, run([]string{"-addr", "0.0.0.0:0"}), "no tokens, not loopback: refused")
	assert.Equal(t, 2, run([]string{"-tokens", filepath.Join(t.TempDir(), "none")}), "a tokens file that is not there")
	assert.Equal(t, 2, run([]string{"-tls-cert", "x.pem"}), "a certificate without its key")
}

// Beyond the limit of requests in flight a request gets 503 with
// Retry-After at once, never a queue; the service recovers as soon as
// the slot is free.
func TestOverload(t *testing.T) {
	srv := startServer(t, Config{MaxRequests: 1})
	pr, pw := io.Pipe()
	t.Cleanup(func() { pw.Close() }) // before the server closes: a failed test does not hang
	started := make(chan struct{})
	done := make(chan int)
	go func() {
		req, _ := http.NewRequest("POST", srv.URL+"/v1/evaluate/lines?as_of=2026-11-28", pr)
		req.Header.Set("Content-Type", "application/x-ndjson")
		close(started)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			done <- 0
			return
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		done <- resp.StatusCode
	}()
	<-started
	// A first case makes the client send its headers (the transport holds
	// them until the body has bytes); the stream then waits for the next,
	// holding the one slot.
	_, _ = io.WriteString(pw, lines2(mustSample(t, 0)))
	require.Eventually(t, func() bool {
		r := do(t, "GET", srv.URL+"/v1/rulesets", "", "")
		return r.code == 503
	}, 10*time.Second, 10*time.Millisecond)
	r := do(t, "POST", srv.URL+"/v1/evaluate?as_of=2026-11-28", "application/json", string(samples.JSON()))
	assert.Equal(t, 503, r.code)
	assert.Equal(t, "/problems/overloaded", problemOf(t, r).Type)
	assert.Equal(t, "1", r.header.Get("Retry-After"))
	pw.Close()
	assert.Equal(t, 200, <-done)
	assert.Equal(t, 200, do(t, "GET", srv.URL+"/v1/rulesets", "", "").code, "the slot is free again")
}

// A client that goes away ends the work of its stream.
func TestClientGone(t *testing.T) {
	h := NewHandler(Config{})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	pr, pw := io.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(func() { cancel(); pw.CloseWithError(io.ErrClosedPipe) }) // a failed test does not hang
	req, _ := http.NewRequestWithContext(ctx, "POST", srv.URL+"/v1/evaluate/lines?as_of=2026-11-28", pr)
	req.Header.Set("Content-Type", "application/x-ndjson")
	go func() {
		for {
			if _, err := io.WriteString(pw, lines2(mustSample(t, 0))); err != nil {
				return
			}
		}
	}()
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			_, _ = io.CopyN(io.Discard, resp.Body, 1<<20)
			resp.Body.Close()
		}
	}()
	require.Eventually(t, func() bool { idle, _ := h.Idle(); return !idle }, 5*time.Second, 5*time.Millisecond)
	cancel()
	pw.CloseWithError(io.ErrClosedPipe)
	require.Eventually(t, func() bool { idle, _ := h.Idle(); return idle }, 5*time.Second, 5*time.Millisecond, "the stream's work ended")
}

// /readyz is 503 until the rule sets are loaded and from the start of a
// shutdown; work is refused then, with 503 not-ready.
func TestReadiness(t *testing.T) {
	h := newHandler(Config{})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	assert.Equal(t, 200, do(t, "GET", srv.URL+"/healthz", "", "").code)
	r := do(t, "GET", srv.URL+"/readyz", "", "")
	assert.Equal(t, 503, r.code)
	assert.Contains(t, string(r.body), `"status":"loading"`)
	r = do(t, "GET", srv.URL+"/v1/rulesets", "", "")
	assert.Equal(t, 503, r.code)
	assert.Equal(t, "/problems/not-ready", problemOf(t, r).Type)
	h.Load([]aid.RuleSet{aid.Default()})
	assert.Equal(t, 200, do(t, "GET", srv.URL+"/readyz", "", "").code)
	assert.Equal(t, 200, do(t, "GET", srv.URL+"/v1/rulesets", "", "").code)
	h.Stop()
	r = do(t, "GET", srv.URL+"/readyz", "", "")
	assert.Equal(t, 503, r.code)
	assert.Contains(t, string(r.body), `"status":"stopping"`)
}

// The request ID: the client's if it is well formed, else a new one; the
// access log carries it and never a case's contents.
func TestRequestIDAndAccessLog(t *testing.T) {
	var logs bytes.Buffer
	var mu sync.Mutex
	srv := startServer(t, Config{Log: slog.New(slog.NewJSONHandler(&lockedWriter{w: &logs, mu: &mu}, nil))})
	c := mustSample(t, 0)
	c.Person.Name = "Петренко Олена"
	c.Person.RNOKPP = ""
	body := lines2(c)
	r := do(t, "POST", srv.URL+"/v1/evaluate?as_of=2026-11-28", "application/json", body, "X-Request-ID", "trace-42")
	require.Equal(t, 200, r.code, string(r.body))
	assert.Equal(t, "trace-42", r.header.Get("X-Request-ID"))
	r = do(t, "GET", srv.URL+"/healthz", "", "", "X-Request-ID", "not ok")
	assert.Regexp(t, `^[0-9a-f]{24}$`, r.header.Get("X-Request-ID"))
	mu.Lock()
	defer mu.Unlock()
	out := logs.String()
	assert.Contains(t, out, `"request_id":"trace-42"`)
	assert.Contains(t, out, `"route":"POST /v1/evaluate"`)
	assert.Contains(t, out, `"cases":1`)
	for _, private := range []string{"Петренко", c.ID, "2026-11-28", "as_of"} {
		assert.NotContains(t, out, private, "the access log holds no case data and no query")
	}
}

type lockedWriter struct {
	w  io.Writer
	mu *sync.Mutex
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func TestConcurrentRequests(t *testing.T) {
	srv := startServer(t, Config{})
	want := do(t, "POST", srv.URL+"/v1/evaluate?as_of=2026-11-28", "application/json", string(samples.JSON())).body
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

// serve stops when its context ends: /readyz says 503 while it drains,
// and a request in progress finishes.
func TestGracefulShutdown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	h := NewHandler(Config{})
	go func() { done <- serve(ctx, ln, h, 300*time.Millisecond) }()
	url := "http://" + ln.Addr().String()
	var resp *http.Response
	for i := 0; i < 50; i++ {
		if resp, err = http.Get(url + "/readyz"); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, 200, resp.StatusCode)
	cancel()
	require.Eventually(t, func() bool {
		resp, err := http.Get(url + "/readyz")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == 503
	}, time.Second, 10*time.Millisecond, "draining: not ready")
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
	srv := startServer(t, Config{MaxStreamBody: 1 << 20})
	cs, err := samples.Cases()
	require.NoError(t, err)
	var body bytes.Buffer
	require.NoError(t, prisoner.Encode(&body, cs, prisoner.EncodeOptions{Lines: true}))
	body.WriteString(`{"id":"BAD","person":{"citizenship":"UA"},"episodes":[{"id":"e1","category":"civilian","captured":"2023-02-30"}]}` + "\n")
	r := do(t, "POST", srv.URL+"/v1/evaluate/lines?as_of=2026-11-28", "application/x-ndjson", body.String())
	require.Equal(t, http.StatusOK, r.code, string(r.body))
	assert.Equal(t, "application/x-ndjson", r.header.Get("Content-Type"))
	lines := strings.Split(strings.TrimSpace(string(r.body)), "\n")
	require.Len(t, lines, len(cs)+2)
	single := do(t, "POST", srv.URL+"/v1/evaluate?as_of=2026-11-28", "application/json", string(samples.JSON()))
	var all EvaluateResponse
	require.NoError(t, json.Unmarshal(single.body, &all))
	for i, l := range lines {
		var got Line
		require.NoError(t, json.Unmarshal([]byte(l), &got))
		switch {
		case i < len(cs):
			assert.Equal(t, i, got.Case)
			require.NotNil(t, got.Report, l)
			assert.Equal(t, cs[i].ID, got.Report.CaseID)
			assert.Equal(t, all.Reports[i].Decisions, got.Report.Decisions, "the same report as /v1/evaluate")
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
	r = do(t, "POST", srv.URL+"/v1/evaluate/lines?as_of=2026-11-28", "application/x-ndjson", lines2(cs[0])+"{\"id\": }\n", "Accept-Language", "en")
	require.Equal(t, http.StatusOK, r.code)
	out := strings.Split(strings.TrimSpace(string(r.body)), "\n")
	var last Line
	require.NoError(t, json.Unmarshal([]byte(out[len(out)-1]), &last))
	require.NotNil(t, last.Problem)
	assert.Equal(t, http.StatusBadRequest, last.Problem.Status)
	assert.Contains(t, last.Problem.Detail, "line 2")

	big := strings.Repeat(" ", 2<<20)
	r = do(t, "POST", srv.URL+"/v1/evaluate/lines?as_of=2026-11-28", "application/x-ndjson", big)
	assert.Equal(t, http.StatusRequestEntityTooLarge, r.code)
	problemOf(t, r)
}

func mustSample(t *testing.T, i int) prisoner.Case {
	cs, err := samples.Cases()
	require.NoError(t, err)
	return cs[i]
}

func lines2(c prisoner.Case) string {
	var b bytes.Buffer
	_ = prisoner.Encode(&b, []prisoner.Case{c}, prisoner.EncodeOptions{Lines: true})
	return b.String()
}

const openCase = `{"id":"N-1","person":{"citizenship":"UA"},"family":[{"id":"f1","relation":"spouse"}],` +
	`"episodes":[{"id":"e1","category":"civilian","captured":"2024-03-10"}],` +
	`"events":[{"seq":1,"date":"2026-10-01","kind":"application","episode":"e1","party":"f1","documents":["victim_status"]}]}`

// /v1/screen advises; /v1/project projects, every line marked projected,
// and the same claim recorded for real gives the projected amount.
func TestScreenAndProject(t *testing.T) {
	srv := startServer(t, Config{})
	r := do(t, "POST", srv.URL+"/v1/screen?as_of=2026-12-02", "application/json", openCase)
	require.Equal(t, 200, r.code, string(r.body))
	var sc ScreenResponse
	require.NoError(t, json.Unmarshal(r.body, &sc))
	require.Len(t, sc.Screenings, 1)
	assert.Equal(t, "likely_covered", string(sc.Screenings[0].Episodes[0].Outcome))

	r = do(t, "POST", srv.URL+"/v1/project?as_of=2026-12-02&established_on=2027-01-15", "application/json", openCase)
	require.Equal(t, 200, r.code, string(r.body))
	var pr ProjectResponse
	require.NoError(t, json.Unmarshal(r.body, &pr))
	require.Len(t, pr.Projections, 1)
	p := pr.Projections[0]
	assert.Equal(t, "2027-01-15", p.Episodes[0].EstablishedOn.String())
	require.NotEmpty(t, p.Claimable)
	assert.Equal(t, "2027-01-15", p.Claimable[0].From.String())
	assert.Equal(t, "100000.00", p.Claimable[0].Amount.String())
	require.NotEmpty(t, p.Calendar)
	for _, rem := range p.Calendar {
		assert.True(t, rem.Projected)
	}
	require.NotNil(t, p.Report)
	assert.NotEmpty(t, p.Report.Projected)
	for _, e := range p.Report.Entitlements {
		assert.True(t, e.Projected)
	}

	// Samples: every sample case answers, the established ones with their
	// real calendar.
	r = do(t, "POST", srv.URL+"/v1/project?as_of=2026-12-02", "application/json", string(samples.JSON()))
	require.Equal(t, 200, r.code, string(r.body))
	r = do(t, "POST", srv.URL+"/v1/screen?as_of=2026-12-02", "application/json", string(samples.JSON()))
	require.Equal(t, 200, r.code, string(r.body))

	r = do(t, "POST", srv.URL+"/v1/project?as_of=2026-12-02&established_on=2026-02-30", "application/json", openCase)
	assert.Equal(t, 400, r.code)
	r = do(t, "POST", srv.URL+"/v1/project?as_of=2026-12-02&established_on=2026-09-01", "application/json", openCase)
	assert.Equal(t, 422, r.code)
	problemOf(t, r)
	r = do(t, "POST", srv.URL+"/v1/screen?as_of=2026-12-02&established_on=2026-09-01", "application/json", openCase)
	assert.Equal(t, 400, r.code, "established_on is not a parameter of /v1/screen")
}
