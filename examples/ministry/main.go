// Command ministry is an HTTP JSON service over the captivity library, as
// a ministry system would call it, built on net/http alone.
//
//	go run ./examples/ministry                      # listens on 127.0.0.1:8080
//	go run ./examples/ministry -addr 127.0.0.1:9000 -rules catchup.json
//
// Endpoints (openapi.json beside this file describes them; GET /openapi.json
// serves it):
//
//	GET  /healthz                         liveness: {"status": "ok", "module": ...}
//	GET  /v1/rulesets                     the rule sets served, their options and dated parameters with citations
//	POST /v1/evaluate?as_of=YYYY-MM-DD    evaluate one case, an array of cases or JSON Lines;
//	     [&rule_set=NAME]                 returns {"as_of", "rule_set", "reports": [...]}: status on as_of,
//	                                      timeline, every decision with its trace, entitlements, recoveries
//	POST /v1/evaluate/lines?as_of=...     the same for a register of any size, read case by case: answers
//	                                      JSON Lines as the cases are decided, one line per case (its
//	                                      report or its problems), then {"done": true, ...}
//
// Problems come back as application/problem+json (RFC 9457) with every
// field path: 400 for malformed JSON or parameters, 404 for an unknown rule
// set, 413 for a body over the limit, 422 for invalid cases or histories.
// Request bodies are limited (-max-body, 4 MiB by default, for
// /v1/evaluate; -max-stream-body, 1 GiB, for /v1/evaluate/lines; a body
// announced over the limit gets 413, one found over it while streaming
// ends the stream with that problem on the closing line), and so is each
// case (-max-case-bytes, 1 MiB). The server has read and write timeouts
// (a stream moves them on as it goes) and shuts down gracefully on SIGINT
// or SIGTERM.
package main

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sort"
	"syscall"
	"time"

	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/export"
	"github.com/uacaptivity/captivity/internal/cli"
	"github.com/uacaptivity/captivity/law"
	"github.com/uacaptivity/captivity/prisoner"
	"github.com/uacaptivity/captivity/status"
)

//go:embed openapi.json
var openapi []byte

// help is the service's -help.
var help = cli.Help{
	Name:  "ministry",
	Usage: "[flags]",
	About: `ministry is an HTTP JSON service over the captivity library, as a ministry
system would call it: POST cases to /v1/evaluate (one case, an array, or JSON
Lines) or a register of any size to /v1/evaluate/lines, and get each case's
status, every decision with its trace, entitlements, recoveries and warnings.
GET /openapi.json describes the API; GET /healthz answers liveness.`,
	Examples: []string{
		"ministry                                   # listen on 127.0.0.1:8080 under RPS-1",
		"ministry -addr 127.0.0.1:9000 -rules catchup.json   # serve another rule set as well",
		"curl -s -X POST --data-binary @cases.jsonl 'http://127.0.0.1:8080/v1/evaluate/lines?as_of=2026-11-28'",
	},
	Exit: "0 after a graceful shutdown (SIGINT, SIGTERM); 1 the server failed; 2 a usage error or a rule set that does not load.",
}

func main() {
	fs := flag.NewFlagSet("ministry", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	maxBody := fs.Int64("max-body", 4<<20, "largest request body of /v1/evaluate, in bytes")
	maxStream := fs.Int64("max-stream-body", 1<<30, "largest request body of /v1/evaluate/lines, in bytes")
	maxCase := fs.Int("max-case-bytes", prisoner.DefaultMaxCaseBytes, "largest single case, in bytes")
	var rules rulesFlag
	fs.Var(&rules, "rules", "an extra rule set file (JSON); repeatable")
	if isHelp, err := cli.Parse(fs, os.Args[1:], help, os.Stdout); isHelp {
		os.Exit(0)
	} else if err != nil {
		os.Exit(2)
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	sets := []aid.RuleSet{aid.Default()}
	for _, path := range rules {
		f, err := os.Open(path)
		if err != nil {
			log.Error("rule set", "err", err)
			os.Exit(2)
		}
		rs, err := aid.LoadRuleSet(f)
		f.Close()
		if err != nil {
			log.Error("rule set", "file", path, "err", err)
			os.Exit(2)
		}
		sets = append(sets, rs)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Error("listen", "err", err)
		os.Exit(1)
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	log.Info("listening", "addr", ln.Addr().String())
	if err := serve(ctx, ln, NewHandler(Config{RuleSets: sets, MaxBody: *maxBody, MaxStreamBody: *maxStream, MaxCaseBytes: *maxCase})); err != nil {
		log.Error("serve", "err", err)
		os.Exit(1)
	}
	log.Info("stopped")
}

type rulesFlag []string

func (r *rulesFlag) String() string     { return fmt.Sprint(*r) }
func (r *rulesFlag) Set(s string) error { *r = append(*r, s); return nil }

// serve runs the server on ln until ctx is done, then shuts it down,
// letting requests in progress finish (at most 10 seconds).
func serve(ctx context.Context, ln net.Listener, h http.Handler) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// Config is the service's configuration.
type Config struct {
	// RuleSets are the rule sets served; the first is the default.
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
}

type service struct {
	calcs     map[string]*aid.Calculator
	sets      []aid.RuleSet
	def       string
	maxBody   int64
	maxStream int64
	maxCase   int
}

// NewHandler returns the service's HTTP handler.
func NewHandler(cfg Config) http.Handler {
	if len(cfg.RuleSets) == 0 {
		cfg.RuleSets = []aid.RuleSet{aid.Default()}
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 4 << 20
	}
	if cfg.MaxStreamBody <= 0 {
		cfg.MaxStreamBody = 1 << 30
	}
	s := &service{calcs: map[string]*aid.Calculator{}, sets: cfg.RuleSets, def: cfg.RuleSets[0].Name,
		maxBody: cfg.MaxBody, maxStream: cfg.MaxStreamBody, maxCase: cfg.MaxCaseBytes}
	for _, rs := range cfg.RuleSets {
		s.calcs[rs.Name] = aid.New(rs)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.health)
	mux.HandleFunc("GET /openapi.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(openapi)
	})
	mux.HandleFunc("GET /v1/rulesets", s.ruleSets)
	mux.HandleFunc("POST /v1/evaluate", s.evaluate)
	mux.HandleFunc("POST /v1/evaluate/lines", s.evaluateLines)
	for path, method := range map[string]string{"/healthz": "GET", "/openapi.json": "GET", "/v1/rulesets": "GET", "/v1/evaluate": "POST", "/v1/evaluate/lines": "POST"} {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Allow", method)
			problem(w, http.StatusMethodNotAllowed, "method-not-allowed", "Method not allowed", "use "+method, nil)
		})
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		problem(w, http.StatusNotFound, "not-found", "No such endpoint", "see /openapi.json", nil)
	})
	return mux
}

func (s *service) health(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok", "module": aid.ModuleVersion()})
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

func (s *service) ruleSets(w http.ResponseWriter, _ *http.Request) {
	out := []RuleSetInfo{}
	for _, rs := range s.sets {
		out = append(out, RuleSetInfo{Name: rs.Name, Hash: rs.Hash(), Default: rs.Name == s.def, Status: rs.Status,
			Feb29Rule: rs.Feb29.String(), Options: rs.Options, Parameters: rs.Parameters})
	}
	writeJSON(w, http.StatusOK, map[string]any{"rule_sets": out})
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
func (s *service) params(w http.ResponseWriter, r *http.Request) (civil.Date, string, *aid.Calculator, bool) {
	q := r.URL.Query()
	asOf, err := civil.Parse(q.Get("as_of"))
	if err != nil {
		problem(w, http.StatusBadRequest, "bad-parameter", "as_of must be a date YYYY-MM-DD", "query parameter as_of", nil)
		return civil.Date{}, "", nil, false
	}
	name := q.Get("rule_set")
	if name == "" {
		name = s.def
	}
	calc, ok := s.calcs[name]
	if !ok {
		problem(w, http.StatusNotFound, "unknown-rule-set", "No such rule set", "GET /v1/rulesets lists them", nil)
		return civil.Date{}, "", nil, false
	}
	return asOf, name, calc, true
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
func (s *service) evaluateLines(w http.ResponseWriter, r *http.Request) {
	asOf, _, calc, ok := s.params(w, r)
	if !ok {
		return
	}
	if r.ContentLength > s.maxStream {
		problem(w, http.StatusRequestEntityTooLarge, "too-large", "Request body too large", fmt.Sprintf("the limit is %d bytes", s.maxStream), nil)
		return
	}
	body := http.MaxBytesReader(w, r.Body, s.maxStream)
	dec := prisoner.NewDecoder(body, prisoner.DecodeOptions{MaxCaseBytes: s.maxCase})
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", "application/x-ndjson")
	w.WriteHeader(http.StatusOK)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	var stop *Problem
	cases, reports := 0, 0
	next := func() (prisoner.Case, error) {
		if stop != nil {
			return prisoner.Case{}, io.EOF
		}
		// A long stream keeps its connection: each case read moves the
		// read deadline on.
		_ = rc.SetReadDeadline(time.Now().Add(30 * time.Second))
		c, err := dec.Next()
		var fe *prisoner.FileError
		var mbe *http.MaxBytesError
		switch {
		case errors.As(err, &mbe):
			stop = &Problem{Type: problemType("too-large"), Title: "Request body too large", Status: http.StatusRequestEntityTooLarge, Detail: fmt.Sprintf("the limit is %d bytes", s.maxStream)}
			return prisoner.Case{}, io.EOF
		case errors.As(err, &fe) && fe.Err != nil:
			stop = &Problem{Type: problemType("malformed-json"), Title: "Malformed case file", Status: http.StatusBadRequest, Detail: fmt.Sprintf("line %d, column %d: %v", fe.Line, fe.Column, fe.Err)}
			return prisoner.Case{}, io.EOF
		case err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, prisoner.ErrInvalid):
			stop = &Problem{Type: problemType("unreadable"), Title: "Request body could not be read", Status: http.StatusBadRequest}
			return prisoner.Case{}, io.EOF
		}
		return c, err
	}
	err := calc.Batch(r.Context(), next, func(it aid.Item) error {
		cases++
		line := Line{Case: it.Index, CaseID: it.CaseID}
		var ce *prisoner.CaseError
		var he *status.HistoryError
		switch {
		case it.Err == nil:
			rep := export.NewReport(it.Result, asOf)
			line.Report = &rep
			reports++
		case errors.As(it.Err, &ce):
			for _, f := range ce.Fields {
				line.Errors = append(line.Errors, FieldProblem{Case: it.Index, CaseID: ce.CaseID, Path: f.Path, Code: string(f.Code), Message: f.Message})
			}
		case errors.As(it.Err, &he):
			for _, p := range he.Problems {
				line.Errors = append(line.Errors, FieldProblem{Case: it.Index, CaseID: it.CaseID, Path: p.Path, Code: p.Code, Message: p.Message})
			}
		default:
			line.Errors = []FieldProblem{{Case: it.Index, CaseID: it.CaseID, Code: "invalid", Message: law.Text{UK: "недопустима справа", EN: "invalid case"}}}
		}
		_ = rc.SetWriteDeadline(time.Now().Add(60 * time.Second))
		return enc.Encode(line)
	}, aid.BatchOptions{})
	if err != nil {
		return // the client went away, or the connection failed
	}
	_ = enc.Encode(Line{Done: true, Cases: cases, Reports: reports, Problem: stop})
}

func (s *service) evaluate(w http.ResponseWriter, r *http.Request) {
	asOf, name, calc, ok := s.params(w, r)
	if !ok {
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.maxBody))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			problem(w, http.StatusRequestEntityTooLarge, "too-large", "Request body too large", fmt.Sprintf("the limit is %d bytes", s.maxBody), nil)
			return
		}
		problem(w, http.StatusBadRequest, "unreadable", "Request body could not be read", "", nil)
		return
	}
	cases, err := prisoner.Decode(bytes.NewReader(body), prisoner.DecodeOptions{MaxCaseBytes: s.maxCase})
	if err != nil {
		var fe *prisoner.FileError
		if errors.As(err, &fe) && fe.Err != nil {
			problem(w, http.StatusBadRequest, "malformed-json", "Malformed case file", fmt.Sprintf("line %d, column %d: %v", fe.Line, fe.Column, fe.Err), nil)
			return
		}
		var probs []FieldProblem
		if errors.As(err, &fe) {
			for _, c := range fe.Cases {
				for _, f := range c.Fields {
					probs = append(probs, FieldProblem{Case: c.Index, CaseID: c.CaseID, Path: f.Path, Code: string(f.Code), Message: f.Message})
				}
			}
		}
		problem(w, http.StatusUnprocessableEntity, "invalid-case", "Invalid case", fmt.Sprintf("%d problem(s)", len(probs)), probs)
		return
	}
	resp := EvaluateResponse{AsOf: asOf, RuleSet: name, Reports: make([]export.Report, 0, len(cases))}
	var probs []FieldProblem
	for i, c := range cases {
		res, err := calc.Evaluate(c)
		var he *status.HistoryError
		if errors.As(err, &he) {
			for _, p := range he.Problems {
				probs = append(probs, FieldProblem{Case: i, CaseID: c.ID, Path: p.Path, Code: p.Code, Message: p.Message})
			}
			continue
		}
		if err != nil {
			probs = append(probs, FieldProblem{Case: i, CaseID: c.ID, Code: "invalid", Message: law.Text{UK: err.Error(), EN: err.Error()}})
			continue
		}
		resp.Reports = append(resp.Reports, export.NewReport(res, asOf))
	}
	if len(probs) > 0 {
		problem(w, http.StatusUnprocessableEntity, "inconsistent-history", "Case history the law does not allow", fmt.Sprintf("%d problem(s)", len(probs)), probs)
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

// Problem is an RFC 9457 problem detail, with the field problems.
type Problem struct {
	Type   string         `json:"type"`
	Title  string         `json:"title"`
	Status int            `json:"status"`
	Detail string         `json:"detail,omitempty"`
	Errors []FieldProblem `json:"errors,omitempty"`
}

func problem(w http.ResponseWriter, code int, kind, title, detail string, probs []FieldProblem) {
	sort.SliceStable(probs, func(i, j int) bool { return probs[i].Case < probs[j].Case })
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(Problem{Type: problemType(kind), Title: title, Status: code, Detail: detail, Errors: probs})
}

func problemType(kind string) string {
	return "https://github.com/uacaptivity/captivity/problems/" + kind
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}
