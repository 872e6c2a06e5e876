// Command ministry is an HTTP JSON service over the captivity library, as
// a ministry system would run it beside its register: an OpenAPI 3.1
// contract, bearer tokens, optional TLS and mutual TLS, Prometheus metrics,
// bilingual problem details, and limits that hold under load.
//
//	go run ./examples/ministry                            # 127.0.0.1:8080, open (loopback only)
//	go run ./examples/ministry -tokens tokens.txt -addr :8443 -tls-cert c.pem -tls-key k.pem
//	go run ./examples/ministry/loadtest                   # the load test, with its table
//
// Endpoints (GET /openapi.json describes every one, with examples):
//
//	GET  /healthz                 liveness (open)
//	GET  /readyz                  readiness: 503 while rule sets load and during shutdown (open)
//	GET  /metrics                 Prometheus metrics
//	GET  /openapi.json            the contract; /schemas/case.schema.json and
//	                              /schemas/report.schema.json the JSON Schemas it bundles
//	GET  /problems/{kind}         the page, in both languages, of each problem type
//	GET  /v1/rulesets             the rule sets served, their options and dated parameters
//	POST /v1/evaluate?as_of=D     evaluate one case, an array of cases or JSON Lines
//	     [&rule_set=NAME]         (at most -max-cases cases, -max-body bytes)
//	POST /v1/evaluate/lines?as_of=D   a register of any size, read case by case, answered
//	                              in JSON Lines as the cases are decided
//	POST /v1/screen?as_of=D       advice on cases the Commission has not decided: covered,
//	                              not covered (and why) or cannot tell (and what is missing)
//	POST /v1/project?as_of=D      what each party could claim, from and until when, if the
//	     [&established_on=D]      fact were established; every line marked projected
//
// Every error, net/http's own included, is application/problem+json (RFC
// 9457) whose type resolves to a page of this service, with title and
// detail in Ukrainian or English by Accept-Language. With -tokens, every
// request but /healthz and /readyz needs "Authorization: Bearer TOKEN";
// without it the service listens only on loopback unless -insecure-open
// says otherwise. Beyond its limits of requests, bytes and cases in flight
// it answers 503 with Retry-After rather than queue. It drains gracefully
// on SIGTERM or SIGINT and reloads its tokens file on SIGHUP. One access
// log line per request (JSON, standard error) names the route, status,
// size, case count and duration, never a case's contents.
package main

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/internal/cli"
	"github.com/uacaptivity/captivity/prisoner"
)

//go:embed openapi.json
var openapi []byte

// help is the service's -help.
var help = cli.Help{
	Name:  "ministry",
	Usage: "[flags]",
	About: `ministry is an HTTP JSON service over the captivity library, as a ministry
system would run it: POST cases to /v1/evaluate (one case, an array, or JSON
Lines) or a register of any size to /v1/evaluate/lines, and get each case's
status, every decision with its trace, entitlements, recoveries and warnings;
POST /v1/screen and /v1/project advise on cases the Commission has not decided.
GET /openapi.json describes the API; /healthz and /readyz answer liveness and
readiness; /metrics is for Prometheus. With -tokens FILE every other request
needs a bearer token; -tls-cert and -tls-key serve HTTPS, -client-ca asks for
client certificates too.`,
	Examples: []string{
		"ministry                                   # listen on 127.0.0.1:8080 under RPS-1, no tokens",
		"ministry -tokens tokens.txt -addr 0.0.0.0:8443 -tls-cert cert.pem -tls-key key.pem",
		"ministry -rules catchup.json               # serve another rule set as well",
		"curl -s -H 'Authorization: Bearer $TOKEN' -H 'Content-Type: application/x-ndjson' --data-binary @cases.jsonl 'http://127.0.0.1:8080/v1/evaluate/lines?as_of=2026-11-28'",
	},
	Exit: "0 after a graceful shutdown (SIGINT, SIGTERM); 1 the server failed; 2 a usage error, a rule set or tokens file that does not load, or an open service on a non-loopback address.",
}

// flags are the service's flags.
type flags struct {
	addr                string
	cfg                 Config
	rules               rulesFlag
	tokens              string
	cert, key, clientCA string
	insecureOpen        bool
	drain               time.Duration
	maxHeaderBytes      int
}

func main() { os.Exit(run(os.Args[1:])) }

func run(args []string) int {
	var f flags
	fs := flag.NewFlagSet("ministry", flag.ContinueOnError)
	fs.StringVar(&f.addr, "addr", "127.0.0.1:8080", "address to listen on")
	fs.Int64Var(&f.cfg.MaxBody, "max-body", 4<<20, "largest request body of /v1/evaluate, in bytes")
	fs.Int64Var(&f.cfg.MaxStreamBody, "max-stream-body", 1<<30, "largest request body of /v1/evaluate/lines, in bytes")
	fs.IntVar(&f.cfg.MaxCaseBytes, "max-case-bytes", prisoner.DefaultMaxCaseBytes, "largest single case, in bytes")
	fs.IntVar(&f.cfg.MaxCases, "max-cases", 2000, "most cases in one request to /v1/evaluate")
	fs.Int64Var(&f.cfg.MaxRequests, "max-requests", 128, "most requests to /v1/ in flight; beyond, 503")
	fs.Int64Var(&f.cfg.MaxBytesInFlight, "max-bytes-in-flight", 64<<20, "most request bytes in flight; beyond, 503")
	fs.Int64Var(&f.cfg.MaxCasesInFlight, "max-cases-in-flight", 8000, "most cases of /v1/evaluate in flight; beyond, 503")
	fs.DurationVar(&f.cfg.Timeout, "timeout", 30*time.Second, "time one request to /v1/evaluate may take")
	fs.DurationVar(&f.cfg.StreamTimeout, "stream-timeout", time.Hour, "time one request to /v1/evaluate/lines may take")
	fs.Var(&f.rules, "rules", "an extra rule set file (JSON); repeatable")
	fs.StringVar(&f.tokens, "tokens", "", "file of bearer tokens, one a line (reloaded on SIGHUP); without it the service is open")
	fs.StringVar(&f.cert, "tls-cert", "", "TLS certificate file (PEM); with -tls-key, serve HTTPS")
	fs.StringVar(&f.key, "tls-key", "", "TLS private key file (PEM)")
	fs.StringVar(&f.clientCA, "client-ca", "", "CA certificates file (PEM): require and verify client certificates (mutual TLS)")
	fs.BoolVar(&f.insecureOpen, "insecure-open", false, "allow listening beyond loopback without -tokens")
	fs.DurationVar(&f.drain, "drain", 2*time.Second, "on SIGTERM, how long /readyz says 503 before the listener closes")
	fs.IntVar(&f.maxHeaderBytes, "max-header-bytes", 64<<10, "largest request header, in bytes")
	if isHelp, err := cli.Parse(fs, args, help, os.Stdout); isHelp {
		return 0
	} else if err != nil {
		return 2
	}
	log := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	f.cfg.Log = log
	// A request's garbage is most of what it allocates and little stays
	// live, so the heap may grow to five times what is live between
	// collections (GOGC=400, a third of the CPU less than Go's default
	// under the load test); a soft limit of 128 MiB makes the collector
	// run more often as the heap nears it. GOGC and GOMEMLIMIT, if set,
	// win.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(128 << 20)
	}

	mode := "open"
	if f.tokens != "" {
		t, err := LoadTokens(f.tokens)
		if err != nil {
			log.Error("tokens", "err", err.Error())
			return 2
		}
		f.cfg.Tokens = t
		mode = fmt.Sprintf("bearer tokens (%d)", t.Len())
	} else if !f.insecureOpen && !loopback(f.addr) {
		fmt.Fprintf(os.Stderr, "ministry: -addr %s is not a loopback address: give -tokens FILE, or -insecure-open to serve it open\n", f.addr)
		return 2
	}
	tlsConf, tlsMode, err := tlsConfig(f.cert, f.key, f.clientCA)
	if err != nil {
		fmt.Fprintln(os.Stderr, "ministry:", err)
		return 2
	}

	// The handler answers /healthz and /readyz at once; the rule sets
	// load after, and /readyz says 503 until they have.
	h := newHandler(f.cfg)
	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		log.Error("listen", "err", err.Error())
		return 1
	}
	var l net.Listener = goErrors{ln}
	if tlsConf != nil {
		// net/http's errors are rewritten above TLS, where they are
		// still plain text.
		l = goErrors{tls.NewListener(ln, tlsConf)}
	}
	scheme := "http"
	if tlsConf != nil {
		scheme = "https"
	}
	log.Info("listening", "url", scheme+"://"+ln.Addr().String(), "auth", mode, "tls", tlsMode,
		"max_body", f.cfg.MaxBody, "max_cases", f.cfg.MaxCases, "max_requests", f.cfg.MaxRequests)
	if mode == "open" {
		log.Warn("no -tokens: every endpoint is open to whoever reaches this address")
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	go func() {
		for range hup {
			if f.cfg.Tokens == nil {
				continue
			}
			if err := f.cfg.Tokens.Reload(f.tokens); err != nil {
				log.Error("tokens not reloaded; the old ones stay", "err", err.Error())
				continue
			}
			log.Info("tokens reloaded", "tokens", f.cfg.Tokens.Len())
		}
	}()
	go releaseMemory(ctx, h)

	errc := make(chan error, 1)
	srv := newServer(h, f.maxHeaderBytes)
	go func() { errc <- srv.Serve(l) }()
	sets, err := loadRuleSets(f.rules)
	if err != nil {
		log.Error("rule set", "err", err.Error())
		_ = srv.Close()
		return 2
	}
	h.Load(sets)
	log.Info("ready", "rule_sets", len(sets))
	if err := wait(ctx, srv, h, errc, f.drain); err != nil {
		log.Error("serve", "err", err.Error())
		return 1
	}
	log.Info("stopped")
	return 0
}

func loadRuleSets(paths []string) ([]aid.RuleSet, error) {
	sets := []aid.RuleSet{aid.Default()}
	for _, path := range paths {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		rs, err := aid.LoadRuleSet(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		sets = append(sets, rs)
	}
	return sets, nil
}

// loopback reports whether addr's host is a loopback address.
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// tlsConfig is the TLS configuration of the flags, or nil for none.
func tlsConfig(cert, key, clientCA string) (*tls.Config, string, error) {
	if cert == "" && key == "" {
		if clientCA != "" {
			return nil, "", errors.New("-client-ca needs -tls-cert and -tls-key")
		}
		return nil, "off", nil
	}
	if cert == "" || key == "" {
		return nil, "", errors.New("-tls-cert and -tls-key go together")
	}
	pair, err := tls.LoadX509KeyPair(cert, key)
	if err != nil {
		return nil, "", fmt.Errorf("TLS certificate: %w", err)
	}
	conf := &tls.Config{Certificates: []tls.Certificate{pair}, MinVersion: tls.VersionTLS12, NextProtos: []string{"http/1.1"}}
	if clientCA == "" {
		return conf, "on", nil
	}
	pem, err := os.ReadFile(clientCA)
	if err != nil {
		return nil, "", err
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		return nil, "", fmt.Errorf("-client-ca %s: no PEM certificate", clientCA)
	}
	conf.ClientCAs, conf.ClientAuth = pool, tls.RequireAndVerifyClientCert
	return conf, "mutual", nil
}

type rulesFlag []string

func (r *rulesFlag) String() string     { return strings.Join(*r, ",") }
func (r *rulesFlag) Set(s string) error { *r = append(*r, s); return nil }

func newServer(h http.Handler, maxHeader int) *http.Server {
	return &http.Server{
		Handler:                      h,
		ReadHeaderTimeout:            5 * time.Second,
		ReadTimeout:                  30 * time.Second,
		WriteTimeout:                 60 * time.Second,
		IdleTimeout:                  120 * time.Second,
		MaxHeaderBytes:               maxHeader,
		DisableGeneralOptionsHandler: true,
	}
}

// serve runs the service on ln until ctx is done, then drains it: /readyz
// says 503 for drain, the listener closes, and the requests in progress
// finish (at most 25 seconds).
func serve(ctx context.Context, ln net.Listener, h *Handler, drain time.Duration) error {
	srv := newServer(h, 64<<10)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(goErrors{ln}) }()
	return wait(ctx, srv, h, errc, drain)
}

func wait(ctx context.Context, srv *http.Server, h *Handler, errc chan error, drain time.Duration) error {
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	h.Stop()
	time.Sleep(drain)
	shutdown, cancel := context.WithTimeout(context.Background(), 25*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// releaseMemory hands the memory of a burst of requests back to the
// system once the service is idle: the Go runtime would keep it for
// minutes, and an operator reads the RSS.
func releaseMemory(ctx context.Context, h *Handler) {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	var prev, freed int64
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		// Idle now, no request for a second, and some since the last time.
		idle, done := h.Idle()
		if idle && done == prev && done != freed {
			freed = done
			// Twice: what sync.Pool holds survives one collection.
			debug.FreeOSMemory()
			debug.FreeOSMemory()
		}
		prev = done
	}
}
