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
//
// Problems come back as application/problem+json (RFC 9457) with every
// field path: 400 for malformed JSON or parameters, 404 for an unknown rule
// set, 413 for a body over the limit, 422 for invalid cases or histories.
// Request bodies are limited (-max-body, 4 MiB by default); the server has
// read and write timeouts and shuts down gracefully on SIGINT or SIGTERM.
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
	"github.com/uacaptivity/captivity/law"
	"github.com/uacaptivity/captivity/prisoner"
	"github.com/uacaptivity/captivity/status"
)

//go:embed openapi.json
var openapi []byte

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	maxBody := flag.Int64("max-body", 4<<20, "largest request body, in bytes")
	var rules rulesFlag
	flag.Var(&rules, "rules", "an extra rule set file (JSON); repeatable")
	flag.Parse()
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
	if err := serve(ctx, ln, NewHandler(Config{RuleSets: sets, MaxBody: *maxBody})); err != nil {
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
	// MaxBody is the largest request body in bytes; 0 means 4 MiB.
	MaxBody int64
}

type service struct {
	calcs   map[string]*aid.Calculator
	sets    []aid.RuleSet
	def     string
	maxBody int64
}

// NewHandler returns the service's HTTP handler.
func NewHandler(cfg Config) http.Handler {
	if len(cfg.RuleSets) == 0 {
		cfg.RuleSets = []aid.RuleSet{aid.Default()}
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 4 << 20
	}
	s := &service{calcs: map[string]*aid.Calculator{}, sets: cfg.RuleSets, def: cfg.RuleSets[0].Name, maxBody: cfg.MaxBody}
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
	for path, method := range map[string]string{"/healthz": "GET", "/openapi.json": "GET", "/v1/rulesets": "GET", "/v1/evaluate": "POST"} {
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

func (s *service) evaluate(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	asOf, err := civil.Parse(q.Get("as_of"))
	if err != nil {
		problem(w, http.StatusBadRequest, "bad-parameter", "as_of must be a date YYYY-MM-DD", "query parameter as_of", nil)
		return
	}
	name := q.Get("rule_set")
	if name == "" {
		name = s.def
	}
	calc, ok := s.calcs[name]
	if !ok {
		problem(w, http.StatusNotFound, "unknown-rule-set", "No such rule set", "GET /v1/rulesets lists them", nil)
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
	cases, err := prisoner.Decode(bytes.NewReader(body), prisoner.DecodeOptions{})
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
	_ = enc.Encode(Problem{Type: "https://github.com/uacaptivity/captivity/problems/" + kind, Title: title, Status: code, Detail: detail, Errors: probs})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}
