package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/semaphore"

	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/export"
	"github.com/uacaptivity/captivity/internal/projected"
	"github.com/uacaptivity/captivity/law"
	"github.com/uacaptivity/captivity/prisoner"
	"github.com/uacaptivity/captivity/status"
)

// Config is the service's configuration. The zero value serves RPS-1
// with the documented limits, open (no tokens).
type Config struct {
	// RuleSets are the rule sets served; the first is the default. None
	// means RPS-1 alone.
	RuleSets []aid.RuleSet
	// MaxBody is the largest request body of /v1/evaluate in bytes; 0
	// means 4 MiB.
	MaxBody int64
	// MaxStreamBody is the largest request body of /v1/evaluate/lines,
	// which is read case by case; 0 means 1 GiB.
	MaxStreamBody int64
	// MaxCaseBytes is the largest single case; 0 means
	// prisoner.DefaultMaxCaseBytes.
	MaxCaseBytes int
	// MaxCases is the most cases in one request to /v1/evaluate; 0 means
	// 2,000.
	MaxCases int
	// MaxRequests is the most requests to /v1/ in flight at once; 0 means
	// 128. Beyond it a request gets 503 with Retry-After.
	MaxRequests int64
	// MaxBytesInFlight is the most request bytes held at once by the
	// requests in flight (a request counts its Content-Length, or the
	// limit of its endpoint when it announces none; a stream counts four
	// times MaxCaseBytes); 0 means 64 MiB.
	MaxBytesInFlight int64
	// MaxCasesInFlight is the most cases of /v1/evaluate held at once; 0
	// means 8,000.
	MaxCasesInFlight int64
	// Timeout is the time one request to /v1/evaluate may take; 0 means
	// 30 seconds. StreamTimeout is the same for /v1/evaluate/lines; 0
	// means one hour.
	Timeout, StreamTimeout time.Duration
	// Tokens, if set, are the bearer tokens every request needs but those
	// to /healthz and /readyz.
	Tokens *Tokens
	// Log receives one line per request (never a case's contents); nil
	// discards them.
	Log *slog.Logger
}

func (c *Config) defaults() {
	if len(c.RuleSets) == 0 {
		c.RuleSets = []aid.RuleSet{aid.Default()}
	}
	def := func(v *int64, d int64) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&c.MaxBody, 4<<20)
	def(&c.MaxStreamBody, 1<<30)
	def(&c.MaxRequests, 128)
	def(&c.MaxBytesInFlight, 64<<20)
	def(&c.MaxCasesInFlight, 8000)
	if c.MaxCaseBytes <= 0 {
		c.MaxCaseBytes = prisoner.DefaultMaxCaseBytes
	}
	if c.MaxCases <= 0 {
		c.MaxCases = 2000
	}
	if c.Timeout <= 0 {
		c.Timeout = 30 * time.Second
	}
	if c.StreamTimeout <= 0 {
		c.StreamTimeout = time.Hour
	}
	if c.Log == nil {
		c.Log = slog.New(slog.DiscardHandler)
	}
}

// rules are the rule sets served, made once.
type rules struct {
	calcs map[string]*aid.Calculator
	def   string
	info  []byte // the body of GET /v1/rulesets
}

type service struct {
	cfg      Config
	tokens   *Tokens
	log      *slog.Logger
	metrics  *metrics
	rules    atomic.Pointer[rules]
	stopping atomic.Bool
	active   atomic.Int64 // requests being answered
	done     atomic.Int64 // requests answered
	requests *semaphore.Weighted
	bytes    *semaphore.Weighted
	cases    *semaphore.Weighted
	// cpu holds a slot per core: a request of /v1/evaluate decides its
	// cases holding one, in the order the requests came, so that fifty
	// requests in flight do not share two cores fifty ways and all finish
	// late. The wait is bounded by MaxRequests.
	cpu chan struct{}
}

// buffers hold request and answer bodies between requests.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func getBuffer() *bytes.Buffer { b := buffers.Get().(*bytes.Buffer); b.Reset(); return b }

func putBuffer(b *bytes.Buffer) {
	if b.Cap() <= 4<<20 {
		buffers.Put(b)
	}
}

// A Handler is the service: an http.Handler, ready once its rule sets
// are loaded (NewHandler loads them; Start lets a program answer
// /healthz and /readyz while it loads them).
type Handler struct {
	http.Handler
	s *service
}

// NewHandler returns the service's handler with cfg's rule sets loaded.
func NewHandler(cfg Config) *Handler {
	h := newHandler(cfg)
	h.Load(cfg.RuleSets)
	return h
}

// newHandler returns the handler with no rule set loaded: not ready.
func newHandler(cfg Config) *Handler {
	cfg.defaults()
	s := &service{cfg: cfg, tokens: cfg.Tokens, log: cfg.Log, metrics: newMetrics(),
		requests: semaphore.NewWeighted(cfg.MaxRequests), bytes: semaphore.NewWeighted(cfg.MaxBytesInFlight),
		cases: semaphore.NewWeighted(cfg.MaxCasesInFlight), cpu: make(chan struct{}, runtime.GOMAXPROCS(0))}
	mux := http.NewServeMux()
	routes := []struct {
		method, path string
		h            http.HandlerFunc
	}{
		{"GET", "/healthz", s.health},
		{"GET", "/readyz", s.ready},
		{"GET", "/metrics", s.noQuery(s.metrics.handler().ServeHTTP)},
		{"GET", "/openapi.json", s.noQuery(serveBytes("application/json", openapi))},
		{"GET", "/schemas/case.schema.json", s.noQuery(serveBytes("application/schema+json", prisoner.Schema()))},
		{"GET", "/schemas/report.schema.json", s.noQuery(serveBytes("application/schema+json", export.ReportSchema()))},
		{"GET", "/problems/{kind}", s.noQuery(problemDoc)},
		{"GET", "/problems", s.noQuery(problemIndex)},
		{"GET", "/v1/rulesets", s.work(s.ruleSets)},
		{"POST", "/v1/evaluate", s.work(s.evaluate)},
		{"POST", "/v1/evaluate/lines", s.work(s.evaluateLines)},
		{"POST", "/v1/screen", s.work(s.screen)},
		{"POST", "/v1/project", s.work(s.project)},
	}
	allowed := map[string]string{}
	for _, rt := range routes {
		mux.HandleFunc(rt.method+" "+rt.path, rt.h)
		p := strings.TrimSuffix(rt.path, "{kind}")
		if rt.method == "GET" {
			allowed[p] = "GET, HEAD"
		} else {
			allowed[p] = rt.method
		}
	}
	// Another method on a path served gets 405 with Allow; under
	// /problems/, a GET of a path not served gets 404.
	for p, methods := range allowed {
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			if strings.HasSuffix(p, "/") && (r.Method == "GET" || r.Method == "HEAD") {
				problem(w, r, "not-found", textf("див. /problems/", "see /problems/"), nil)
				return
			}
			w.Header().Set("Allow", methods)
			problem(w, r, "method-not-allowed", textf("цей шлях приймає "+methods, "this path takes "+methods), nil)
		})
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		problem(w, r, "not-found", textf("див. /openapi.json", "see /openapi.json"), nil)
	})
	return &Handler{Handler: s.front(mux), s: s}
}

// Load makes the rule sets the ones served and the service ready.
func (h *Handler) Load(sets []aid.RuleSet) {
	if len(sets) == 0 {
		sets = []aid.RuleSet{aid.Default()}
	}
	rs := &rules{calcs: map[string]*aid.Calculator{}, def: sets[0].Name}
	out := []RuleSetInfo{}
	for _, set := range sets {
		rs.calcs[set.Name] = aid.New(set)
		out = append(out, RuleSetInfo{Name: set.Name, Hash: set.Hash(), Default: set.Name == rs.def, Status: set.Status,
			Feb29Rule: set.Feb29.String(), Options: set.Options, Parameters: set.Parameters})
	}
	rs.info, _ = marshal(map[string]any{"rule_sets": out})
	h.s.rules.Store(rs)
}

// Stop makes the service not ready: /readyz answers 503 and new work is
// refused with 503 while the requests in flight finish.
func (h *Handler) Stop() { h.s.stopping.Store(true) }

// Idle reports whether no request is being answered, and how many have
// been answered so far.
func (h *Handler) Idle() (bool, int64) { return h.s.active.Load() == 0, h.s.done.Load() }

func serveBytes(ctype string, b []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", ctype)
		w.Header().Set("Content-Length", strconv.Itoa(len(b)))
		_, _ = w.Write(b)
	}
}

// Health is the body of /healthz and /readyz.
type Health struct {
	Status string `json:"status"`
	Module string `json:"module"`
}

func (s *service) health(w http.ResponseWriter, r *http.Request) {
	if !s.query(w, r) {
		return
	}
	writeJSON(w, http.StatusOK, Health{Status: "ok", Module: aid.ModuleVersion()})
}

func (s *service) ready(w http.ResponseWriter, r *http.Request) {
	if !s.query(w, r) {
		return
	}
	switch {
	case s.stopping.Load():
		writeJSON(w, http.StatusServiceUnavailable, Health{Status: "stopping", Module: aid.ModuleVersion()})
	case s.rules.Load() == nil:
		writeJSON(w, http.StatusServiceUnavailable, Health{Status: "loading", Module: aid.ModuleVersion()})
	default:
		writeJSON(w, http.StatusOK, Health{Status: "ready", Module: aid.ModuleVersion()})
	}
}

// noQuery answers a request with a query with 400.
func (s *service) noQuery(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.query(w, r) {
			h(w, r)
		}
	}
}

// query checks that r's query holds only the parameters named, each at
// most once; on a problem it answers 400 and returns false.
func (s *service) query(w http.ResponseWriter, r *http.Request, names ...string) bool {
	q, err := urlQuery(r)
	if err != nil {
		problem(w, r, "bad-parameter", textf("рядок запиту не вдалося прочитати", "the query string could not be read"), nil)
		return false
	}
	for k, vs := range q {
		known := false
		for _, n := range names {
			known = known || n == k
		}
		switch {
		case !known:
			problem(w, r, "bad-parameter", textf("ця операція не має параметра «"+safeParam(k)+"»", "this operation takes no parameter '"+safeParam(k)+"'"), nil)
			return false
		case len(vs) > 1:
			problem(w, r, "bad-parameter", textf("параметр «"+k+"» повторено: дайте його один раз", "parameter '"+k+"' is repeated: give it once"), nil)
			return false
		}
	}
	return true
}

// safeParam is a parameter name as a message may quote it.
func safeParam(k string) string {
	if len(k) > 32 || !requestIDPattern.MatchString(k) {
		return "…"
	}
	return k
}

// work guards the routes that do work: the service must be ready, and a
// request takes one of the request slots or gets 503.
func (s *service) work(h func(http.ResponseWriter, *http.Request, *rules)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		rs := s.rules.Load()
		if rs == nil || s.stopping.Load() {
			s.metrics.refused.WithLabelValues("not_ready").Inc()
			problem(w, r, "not-ready", textf("сервіс завантажує правила або зупиняється", "the service is loading its rules or stopping"), nil)
			return
		}
		if !s.requests.TryAcquire(1) {
			s.overloaded(w, r, "requests")
			return
		}
		defer s.requests.Release(1)
		h(w, r, rs)
	}
}

func (s *service) overloaded(w http.ResponseWriter, r *http.Request, limit string) {
	s.metrics.refused.WithLabelValues(limit).Inc()
	w.Header().Set("Retry-After", "1")
	problem(w, r, "overloaded", textf("досягнуто межі: "+limitUK[limit], "limit reached: "+limit+" in flight"), nil)
}

var limitUK = map[string]string{"requests": "запитів в обробці", "bytes": "байтів в обробці", "cases": "справ в обробці"}

// mediaType checks that a POST body is JSON or JSON Lines; on a problem it
// answers 415 and returns false.
func mediaType(w http.ResponseWriter, r *http.Request) bool {
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err == nil && (mt == "application/json" || mt == "application/x-ndjson") {
		if cs, ok := params["charset"]; !ok || cs == "utf-8" || cs == "UTF-8" {
			return true
		}
	}
	w.Header().Set("Accept-Post", "application/json, application/x-ndjson")
	problem(w, r, "unsupported-media-type", textf("надішліть Content-Type: application/json або application/x-ndjson", "send Content-Type: application/json or application/x-ndjson"), nil)
	return false
}

func (s *service) ruleSets(w http.ResponseWriter, r *http.Request, rs *rules) {
	if !s.query(w, r) {
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(append(rs.info, '\n'))
}

// RuleSetInfo describes one rule set served.
type RuleSetInfo struct {
	Name       string         `json:"name"`
	Hash       string         `json:"hash"`
	Default    bool           `json:"default"`
	Status     status.Options `json:"status"`
	Feb29Rule  string         `json:"feb29_rule"`
	Options    aid.Options    `json:"options"`
	Parameters aid.Parameters `json:"parameters"`
}

// EvaluateResponse is the body of a successful POST /v1/evaluate.
type EvaluateResponse struct {
	AsOf    civil.Date      `json:"as_of"`
	RuleSet string          `json:"rule_set"`
	Reports []export.Report `json:"reports"`
}

// A FieldProblem is one problem of a request, with its place.
type FieldProblem struct {
	Case    int      `json:"case"` // index of the case in the request
	CaseID  string   `json:"case_id,omitempty"`
	Path    string   `json:"path"`
	Code    string   `json:"code"`
	Message law.Text `json:"message"`
}

// params reads as_of and rule_set; on a problem it answers and returns
// false.
func (s *service) params(w http.ResponseWriter, r *http.Request, rs *rules, names ...string) (civil.Date, string, *aid.Calculator, bool) {
	if !s.query(w, r, append([]string{"as_of", "rule_set"}, names...)...) {
		return civil.Date{}, "", nil, false
	}
	q, _ := urlQuery(r)
	asOf, err := civil.Parse(q.Get("as_of"))
	if err != nil {
		problem(w, r, "bad-parameter", textf("параметр as_of має бути датою РРРР-ММ-ДД", "query parameter as_of must be a date YYYY-MM-DD"), nil)
		return civil.Date{}, "", nil, false
	}
	name := q.Get("rule_set")
	if name == "" {
		name = rs.def
	}
	calc, ok := rs.calcs[name]
	if !ok {
		problem(w, r, "unknown-rule-set", textf("GET /v1/rulesets перелічує набори правил", "GET /v1/rulesets lists them"), nil)
		return civil.Date{}, "", nil, false
	}
	return asOf, name, calc, true
}

// ctxReader reads r until ctx is done: decoding stops when the client
// goes or the request's time is up.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// readProblem answers a problem that stopped the reading of a body, and
// returns the problem for the closing line of a stream.
func (s *service) readProblem(r *http.Request, err error, limit int64) (string, law.Text) {
	var mbe *http.MaxBytesError
	var fe *prisoner.FileError
	switch {
	case errors.As(err, &mbe):
		return "too-large", textf(fmt.Sprintf("межа — %d байтів", limit), fmt.Sprintf("the limit is %d bytes", limit))
	case errors.Is(err, context.DeadlineExceeded):
		return "timeout", textf("час на запит вичерпано під час читання", "the request's time ran out while it was read")
	case errors.Is(err, prisoner.ErrTooLarge):
		return "case-too-large", textf(fmt.Sprintf("межа однієї справи — %d байтів", s.cfg.MaxCaseBytes), fmt.Sprintf("the limit of one case is %d bytes", s.cfg.MaxCaseBytes))
	case errors.As(err, &fe) && fe.Err != nil:
		msg := fe.Message
		if msg.EN == "" {
			msg = textf(fe.Err.Error(), fe.Err.Error())
		}
		return "malformed-json", textf(fmt.Sprintf("рядок %d, стовпчик %d: %s", fe.Line, fe.Column, msg.UK), fmt.Sprintf("line %d, column %d: %s", fe.Line, fe.Column, msg.EN))
	}
	return "unreadable", textf("", "")
}

func caseProblems(ce *prisoner.CaseError) []FieldProblem {
	var out []FieldProblem
	for _, f := range ce.Fields {
		out = append(out, FieldProblem{Case: ce.Index, CaseID: ce.CaseID, Path: f.Path, Code: string(f.Code), Message: f.Message})
	}
	return out
}

func historyProblems(index int, id string, err error) []FieldProblem {
	var he *status.HistoryError
	if errors.As(err, &he) {
		var out []FieldProblem
		for _, p := range he.Problems {
			out = append(out, FieldProblem{Case: index, CaseID: id, Path: p.Path, Code: p.Code, Message: p.Message})
		}
		return out
	}
	return []FieldProblem{{Case: index, CaseID: id, Code: "invalid", Message: textf("недопустима справа", "invalid case")}}
}

// caseRequest is what a request of cases gives its handler once its
// body is read and every case checked.
type caseRequest struct {
	ctx   context.Context
	asOf  civil.Date
	name  string
	calc  *aid.Calculator
	query url.Values
	cases []prisoner.Case
}

// withCases reads a request of cases: the parameters (as_of, rule_set and
// those named), the media type, the body within its limits, and every
// case, checked; on a problem it answers it. Then it calls fn holding a
// core slot and the cases' place in flight.
func (s *service) withCases(w http.ResponseWriter, r *http.Request, rs *rules, fn func(caseRequest), names ...string) {
	asOf, name, calc, ok := s.params(w, r, rs, names...)
	if !ok || !mediaType(w, r) {
		return
	}
	limit := s.cfg.MaxBody
	if r.ContentLength > limit {
		problem(w, r, "too-large", textf(fmt.Sprintf("межа — %d байтів", limit), fmt.Sprintf("the limit is %d bytes", limit)), nil)
		return
	}
	hold := limit
	if r.ContentLength >= 0 {
		hold = max(r.ContentLength, 4<<10)
	}
	if !s.bytes.TryAcquire(hold) {
		s.overloaded(w, r, "bytes")
		return
	}
	defer s.bytes.Release(hold)
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
	defer cancel()
	in := getBuffer()
	defer putBuffer(in)
	if _, err := in.ReadFrom(ctxReader{ctx, http.MaxBytesReader(w, r.Body, limit)}); err != nil {
		if r.Context().Err() == nil {
			kind, detail := s.readProblem(r, err, limit)
			problem(w, r, kind, detail, nil)
		}
		return
	}
	select {
	case s.cpu <- struct{}{}:
		defer func() { <-s.cpu }()
	case <-ctx.Done():
		if r.Context().Err() == nil {
			problem(w, r, "timeout", textf("час на запит вичерпано в черзі", "the request's time ran out in the queue"), nil)
		}
		return
	}

	dec := prisoner.NewDecoder(bytes.NewReader(in.Bytes()), prisoner.DecodeOptions{MaxCaseBytes: s.cfg.MaxCaseBytes})
	var (
		cases []prisoner.Case
		probs []FieldProblem
		n     int
	)
	for {
		c, err := dec.Next()
		if err == io.EOF {
			break
		}
		n++
		if n > s.cfg.MaxCases {
			problem(w, r, "too-many-cases", textf(fmt.Sprintf("межа — %d справ у запиті", s.cfg.MaxCases), fmt.Sprintf("the limit is %d cases a request", s.cfg.MaxCases)), nil)
			return
		}
		var ce *prisoner.CaseError
		switch {
		case errors.As(err, &ce):
			probs = append(probs, caseProblems(ce)...)
		case err != nil:
			if r.Context().Err() != nil {
				return // the client went away
			}
			kind, detail := s.readProblem(r, err, limit)
			problem(w, r, kind, detail, nil)
			return
		default:
			cases = append(cases, c)
		}
	}
	if len(probs) > 0 {
		problem(w, r, "invalid-case", textf(fmt.Sprintf("помилок: %d", len(probs)), fmt.Sprintf("%d problem(s)", len(probs))), probs)
		return
	}
	if n == 0 {
		problem(w, r, "malformed-json", textf("тіло запиту не містить жодної справи", "the body holds no case"), nil)
		return
	}
	held := int64(len(cases))
	if !s.cases.TryAcquire(held) {
		s.overloaded(w, r, "cases")
		return
	}
	defer s.cases.Release(held)
	q, _ := urlQuery(r)
	fn(caseRequest{ctx: ctx, asOf: asOf, name: name, calc: calc, query: q, cases: cases})
}

// evaluate answers POST /v1/evaluate: every case of the body is read and
// checked first; if all are valid, each is evaluated and the reports are
// sent together, else every problem is sent with 422.
func (s *service) evaluate(w http.ResponseWriter, r *http.Request, rs *rules) {
	s.withCases(w, r, rs, func(cr caseRequest) { s.evaluateCases(w, r, cr) })
}

func (s *service) evaluateCases(w http.ResponseWriter, r *http.Request, cr caseRequest) {
	ctx, asOf, name, calc, cases := cr.ctx, cr.asOf, cr.name, cr.calc, cr.cases
	var probs []FieldProblem

	// The reports are written as JSON Lines into out, then the line ends
	// become the commas of the array: JSON escapes every newline inside a
	// string, so each newline the writer sends ends a report.
	out := getBuffer()
	defer putBuffer(out)
	jw := export.NewJSONWriter(out, asOf)
	results := make([]*aid.Result, 0, len(cases))
	for i, c := range cases {
		if ctx.Err() != nil {
			if r.Context().Err() == nil {
				problem(w, r, "timeout", textf("час на запит вичерпано", "the request's time ran out"), nil)
			}
			return
		}
		res, err := calc.Evaluate(c)
		cases[i] = prisoner.Case{} // let the case go once it is decided
		if err != nil {
			probs = append(probs, historyProblems(i, c.ID, err)...)
			continue
		}
		if len(probs) == 0 {
			if err := jw.Write(res); err != nil {
				problem(w, r, "internal", textf("", ""), nil)
				return
			}
			results = append(results, res)
		}
	}
	if len(probs) > 0 {
		problem(w, r, "inconsistent-history", textf(fmt.Sprintf("помилок: %d", len(probs)), fmt.Sprintf("%d problem(s)", len(probs))), probs)
		return
	}
	if err := jw.Flush(); err != nil {
		problem(w, r, "internal", textf("", ""), nil)
		return
	}
	body := out.Bytes()
	for i, b := range body {
		if b == '\n' {
			body[i] = ','
		}
	}
	body = body[:len(body)-1]
	head, _ := marshal(struct {
		AsOf    civil.Date `json:"as_of"`
		RuleSet string     `json:"rule_set"`
	}{asOf, name})
	head = append(head[:len(head)-1], `,"reports":[`...)
	const tail = "]}\n"
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(head)+len(body)+len(tail)))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(head)
	_, _ = w.Write(body)
	_, _ = io.WriteString(w, tail)
	for _, res := range results {
		s.metrics.result(res)
	}
	if a, ok := w.(*answer); ok {
		a.cases = len(results)
	}
}

// A Line is one line of the response of /v1/evaluate/lines: the report
// of the case at index Case, or its problems; the last line has Done set
// and the counts (or, if reading stopped, the problem that stopped it).
type Line struct {
	Case    int            `json:"case"`
	CaseID  string         `json:"case_id,omitempty"`
	Report  *export.Report `json:"report,omitempty"`
	Errors  []FieldProblem `json:"errors,omitempty"`
	Done    bool           `json:"done,omitempty"`
	Cases   int            `json:"cases,omitempty"`
	Reports int            `json:"reports,omitempty"`
	Problem *Problem       `json:"problem,omitempty"`
}

// evaluateLines reads a case file of any size case by case and answers
// with JSON Lines as the cases are decided: one line per case, in input
// order, then a closing line. Memory is bounded by the largest case and
// the batch's window, not by the body.
func (s *service) evaluateLines(w http.ResponseWriter, r *http.Request, rs *rules) {
	asOf, _, calc, ok := s.params(w, r, rs)
	if !ok || !mediaType(w, r) {
		return
	}
	limit := s.cfg.MaxStreamBody
	if r.ContentLength > limit {
		problem(w, r, "too-large", textf(fmt.Sprintf("межа — %d байтів", limit), fmt.Sprintf("the limit is %d bytes", limit)), nil)
		return
	}
	hold := 4 * int64(s.cfg.MaxCaseBytes)
	if r.ContentLength >= 0 {
		hold = min(hold, max(r.ContentLength, 4<<10))
	}
	if !s.bytes.TryAcquire(hold) {
		s.overloaded(w, r, "bytes")
		return
	}
	defer s.bytes.Release(hold)
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.StreamTimeout)
	defer cancel()
	lang := langOf(r)

	dec := prisoner.NewDecoder(ctxReader{ctx, http.MaxBytesReader(w, r.Body, limit)}, prisoner.DecodeOptions{MaxCaseBytes: s.cfg.MaxCaseBytes})
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", "application/x-ndjson")
	w.WriteHeader(http.StatusOK)
	var (
		stop   *Problem
		report bytes.Buffer
	)
	jw := export.NewJSONWriter(&report, asOf)
	cases, reports := 0, 0
	next := func() (prisoner.Case, error) {
		if stop != nil {
			return prisoner.Case{}, io.EOF
		}
		// A long stream keeps its connection: each case read moves the
		// read deadline on.
		_ = rc.SetReadDeadline(time.Now().Add(30 * time.Second))
		c, err := dec.Next()
		var ce *prisoner.CaseError
		if err != nil && err != io.EOF && !errors.As(err, &ce) {
			kind, detail := s.readProblem(r, err, limit)
			p := newProblem(kind, detail, lang)
			stop = &p
			return prisoner.Case{}, io.EOF
		}
		return c, err
	}
	var line []byte
	err := calc.Batch(ctx, next, func(it aid.Item) error {
		cases++
		line = line[:0]
		line = append(line, `{"case":`...)
		line = strconv.AppendInt(line, int64(it.Index), 10)
		if it.CaseID != "" {
			line = append(line, `,"case_id":`...)
			id, _ := marshal(it.CaseID)
			line = append(line, id...)
		}
		var ce *prisoner.CaseError
		switch {
		case it.Err == nil:
			report.Reset()
			if err := jw.Write(it.Result); err != nil {
				return err
			}
			if err := jw.Flush(); err != nil {
				return err
			}
			line = append(line, `,"report":`...)
			line = append(line, bytes.TrimSuffix(report.Bytes(), []byte("\n"))...)
			s.metrics.result(it.Result)
			reports++
		case errors.As(it.Err, &ce):
			errs, _ := marshal(caseProblems(ce))
			line = append(append(line, `,"errors":`...), errs...)
		default:
			errs, _ := marshal(historyProblems(it.Index, it.CaseID, it.Err))
			line = append(append(line, `,"errors":`...), errs...)
		}
		line = append(line, "}\n"...)
		_ = rc.SetWriteDeadline(time.Now().Add(60 * time.Second))
		_, err := w.Write(line)
		return err
	}, aid.BatchOptions{})
	if a, ok := w.(*answer); ok {
		a.cases = reports
	}
	if err != nil {
		return // the client went away, the time ran out or the connection failed
	}
	b, _ := marshal(Line{Done: true, Cases: cases, Reports: reports, Problem: stop})
	_, _ = w.Write(append(b, '\n'))
}

// marshal is json.Marshal without the escaping of <, > and &, which a
// JSON client never needs.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

func urlQuery(r *http.Request) (url.Values, error) { return url.ParseQuery(r.URL.RawQuery) }

func writeJSON(w http.ResponseWriter, code int, v any) {
	b, _ := marshal(v)
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)+1))
	w.WriteHeader(code)
	_, _ = w.Write(append(b, '\n'))
}

// ScreenResponse is the body of a successful POST /v1/screen.
type ScreenResponse struct {
	AsOf       civil.Date       `json:"as_of"`
	RuleSet    string           `json:"rule_set"`
	Screenings []*aid.Screening `json:"screenings"`
}

// screen answers POST /v1/screen: advice for each case on as_of, never a
// status.
func (s *service) screen(w http.ResponseWriter, r *http.Request, rs *rules) {
	s.withCases(w, r, rs, func(cr caseRequest) {
		resp := ScreenResponse{AsOf: cr.asOf, RuleSet: cr.name, Screenings: make([]*aid.Screening, 0, len(cr.cases))}
		var probs []FieldProblem
		for i, c := range cr.cases {
			if cr.ctx.Err() != nil {
				return // the client went away, or the time ran out
			}
			sc, err := cr.calc.Screen(c, cr.asOf)
			if err != nil {
				probs = append(probs, historyProblems(i, c.ID, err)...)
				continue
			}
			resp.Screenings = append(resp.Screenings, sc)
		}
		if len(probs) > 0 {
			problem(w, r, "inconsistent-history", textf(fmt.Sprintf("помилок: %d", len(probs)), fmt.Sprintf("%d problem(s)", len(probs))), probs)
			return
		}
		writeJSON(w, http.StatusOK, resp)
	})
}

// A ProjectedCase is one case of the answer of POST /v1/project: the
// decisions assumed, what each party could claim from when, what can be
// claimed now, the calendar and the projected report, every line of
// which is marked projected.
type ProjectedCase = projected.Case

// ProjectResponse is the body of a successful POST /v1/project.
type ProjectResponse struct {
	AsOf        civil.Date      `json:"as_of"`
	RuleSet     string          `json:"rule_set"`
	Projections []ProjectedCase `json:"projections"`
}

// project answers POST /v1/project: each case as if the Commission had
// established the fact (on established_on, or at the end of its term).
func (s *service) project(w http.ResponseWriter, r *http.Request, rs *rules) {
	s.withCases(w, r, rs, s.projectCases(w, r), "established_on")
}

func (s *service) projectCases(w http.ResponseWriter, r *http.Request) func(caseRequest) {
	return func(cr caseRequest) {
		var on civil.Date
		if v := cr.query.Get("established_on"); v != "" {
			d, err := civil.Parse(v)
			if err != nil {
				problem(w, r, "bad-parameter", textf("параметр established_on має бути датою РРРР-ММ-ДД", "query parameter established_on must be a date YYYY-MM-DD"), nil)
				return
			}
			on = d
		}
		resp := ProjectResponse{AsOf: cr.asOf, RuleSet: cr.name, Projections: make([]ProjectedCase, 0, len(cr.cases))}
		var probs []FieldProblem
		for i, c := range cr.cases {
			if cr.ctx.Err() != nil {
				return // the client went away, or the time ran out
			}
			p, err := cr.calc.Project(c, aid.ProjectOptions{AsOf: cr.asOf, EstablishedOn: on})
			if err == nil && p.Result == nil {
				// Nothing open: the calendar is the real one.
				var real *aid.Result
				if real, err = cr.calc.Evaluate(c); err == nil {
					pc := projected.Of(p, cr.asOf, cr.calc.RuleSet().Feb29)
					pc.Calendar = append(pc.Calendar, real.Calendar(cr.asOf, cr.asOf.AddYears(projected.Years, cr.calc.RuleSet().Feb29))...)
					resp.Projections = append(resp.Projections, pc)
					continue
				}
			}
			if err != nil {
				var he *status.HistoryError
				if errors.As(err, &he) {
					probs = append(probs, historyProblems(i, c.ID, err)...)
				} else {
					probs = append(probs, FieldProblem{Case: i, CaseID: c.ID, Path: "", Code: "projection",
						Message: textf("прогноз неможливий: день рішення раніше за заяву чи захоплення", "no projection: the decision day comes before the application or the capture")})
				}
				continue
			}
			resp.Projections = append(resp.Projections, projected.Of(p, cr.asOf, cr.calc.RuleSet().Feb29))
		}
		if len(probs) > 0 {
			problem(w, r, "inconsistent-history", textf(fmt.Sprintf("помилок: %d", len(probs)), fmt.Sprintf("%d problem(s)", len(probs))), probs)
			return
		}
		writeJSON(w, http.StatusOK, resp)
	}
}
