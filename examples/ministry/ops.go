package main

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net"
	"net/http"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/uacaptivity/captivity/aid"
)

// metrics are the service's Prometheus metrics, in a registry of its own
// (never the global one).
type metrics struct {
	reg       *prometheus.Registry
	requests  *prometheus.CounterVec
	latency   *prometheus.HistogramVec
	inFlight  prometheus.Gauge
	cases     prometheus.Counter
	decisions *prometheus.CounterVec
	refused   *prometheus.CounterVec
}

func newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "captivity_http_requests_total",
			Help: "HTTP requests answered, by route and status code."}, []string{"route", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "captivity_http_request_duration_seconds",
			Help:    "Time from a request's headers to the end of its answer, by route.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30}}, []string{"route"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{Name: "captivity_http_requests_in_flight",
			Help: "Requests being answered now."}),
		cases: prometheus.NewCounter(prometheus.CounterOpts{Name: "captivity_cases_evaluated_total",
			Help: "Cases evaluated (each case whose report was sent)."}),
		decisions: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "captivity_decisions_total",
			Help: "Claim decisions sent, by kind of aid and outcome (granted, or the refusal code)."}, []string{"aid", "outcome"}),
		refused: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "captivity_http_refused_total",
			Help: "Requests refused with 503 before any work, by the limit reached (requests, bytes, cases, not_ready)."}, []string{"limit"}),
	}
	m.reg.MustRegister(m.requests, m.latency, m.inFlight, m.cases, m.decisions, m.refused,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// result counts one case's report and its decisions.
func (m *metrics) result(r *aid.Result) {
	m.cases.Inc()
	for i := range r.Decisions {
		d := &r.Decisions[i]
		outcome := "granted"
		if !d.Granted {
			outcome = string(d.Refusal)
		}
		m.decisions.WithLabelValues(d.Aid.String(), outcome).Inc()
	}
}

// openPaths answer without a token.
func openPath(p string) bool { return p == "/healthz" || p == "/readyz" }

// requestIDPattern is what a client's X-Request-ID must look like to be
// kept; any other is replaced.
var requestIDPattern = regexp.MustCompile(`^[A-Za-z0-9._:-]{1,64}$`)

func requestID(r *http.Request) string {
	if id := r.Header.Get("X-Request-ID"); requestIDPattern.MatchString(id) {
		return id
	}
	var b [12]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// front is what every request passes through before the routes: its
// request ID, the check of its path and of its token, the metrics and the
// access log line, and the net under every answer that turns any error
// Go's own handlers would write as text or HTML into problem+json.
func (s *service) front(mux http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := requestID(r)
		w.Header().Set("X-Request-ID", id)
		sw := &answer{ResponseWriter: w, r: r}
		s.metrics.inFlight.Inc()
		s.active.Add(1)
		defer func() {
			s.metrics.inFlight.Dec()
			s.active.Add(-1)
			s.done.Add(1)
		}()
		p := r.URL.Path
		clean := path.Clean(p)
		if strings.HasSuffix(p, "/") && clean != "/" {
			clean += "/"
		}
		switch {
		case p == "" || p[0] != '/' || clean != p || strings.Contains(r.URL.RawPath, "%2"):
			// No redirect to a cleaned path: a path is matched as written.
			problem(sw, r, "not-found", textf("шлях має бути записаний точно, як у /openapi.json", "write the path exactly as /openapi.json gives it"), nil)
		case s.tokens != nil && !openPath(p) && !s.tokens.allows(r):
			sw.Header().Set("WWW-Authenticate", `Bearer realm="captivity"`)
			problem(sw, r, "unauthorized", textf("немає заголовка Authorization: Bearer з дійсним токеном", "no Authorization: Bearer header with a valid token"), nil)
		default:
			mux.ServeHTTP(sw, r)
		}
		route := r.Pattern
		if route == "" {
			route = "unmatched"
		}
		code := sw.status()
		elapsed := time.Since(start)
		s.metrics.requests.WithLabelValues(route, strconv.Itoa(code)).Inc()
		s.metrics.latency.WithLabelValues(route).Observe(elapsed.Seconds())
		// The access log names the route, never the path or the query as
		// sent, and nothing of the body: no personal data reaches it.
		s.log.LogAttrs(r.Context(), slog.LevelInfo, "request", slog.String("request_id", id),
			slog.String("method", safeMethod(r.Method)), slog.String("route", route), slog.Int("status", code),
			slog.Int64("bytes", sw.bytes), slog.Int("cases", sw.cases), slog.Duration("duration", elapsed))
	})
}

// safeMethod is the request's method if it is a standard one.
func safeMethod(m string) string {
	switch m {
	case "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "CONNECT", "TRACE":
		return m
	}
	return "other"
}

// answer is the ResponseWriter every handler writes to. It counts what is
// sent, and an error answered as text or HTML (net/http's own helpers do
// that) is sent as problem+json instead.
type answer struct {
	http.ResponseWriter
	r       *http.Request
	code    int
	bytes   int64
	cases   int
	swallow bool
}

func (a *answer) WriteHeader(code int) {
	if a.code != 0 {
		return
	}
	ct := a.Header().Get("Content-Type")
	if code >= 300 && (ct == "" || strings.HasPrefix(ct, "text/")) {
		kind := problemKindOf(code)
		if code < 400 {
			kind, code = "not-found", http.StatusNotFound
		}
		a.Header().Del("Location")
		a.Header().Del("X-Content-Type-Options")
		lang := langOf(a.r)
		p := newProblem(kind, textf("", ""), lang)
		p.Status = code
		p.RequestID = a.Header().Get("X-Request-ID")
		a.code = code
		a.swallow = true
		writeProblem(a.ResponseWriter, p, lang)
		n, _ := strconv.ParseInt(a.Header().Get("Content-Length"), 10, 64)
		a.bytes += n
		return
	}
	a.code = code
	a.ResponseWriter.WriteHeader(code)
}

func (a *answer) Write(p []byte) (int, error) {
	if a.code == 0 {
		a.WriteHeader(http.StatusOK)
	}
	if a.swallow {
		return len(p), nil
	}
	n, err := a.ResponseWriter.Write(p)
	a.bytes += int64(n)
	return n, err
}

func (a *answer) status() int {
	if a.code == 0 {
		return http.StatusOK
	}
	return a.code
}

// Flush and Unwrap let streams flush and move their deadlines.
func (a *answer) Flush() {
	if f, ok := a.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (a *answer) Unwrap() http.ResponseWriter { return a.ResponseWriter }

// goErrors is a listener whose connections send, in place of the plain
// text answers net/http writes itself before any handler runs (431 for
// headers over the limit, 400 for a request it cannot parse, 501 for a
// transfer encoding it does not know), the same status as problem+json.
// net/http writes each such answer in one Write of a fixed form
// ("HTTP/1.1 <code> <text>" + its errorHeaders + the text); nothing a
// handler sends has that form, since every handler answer has a JSON,
// HTML or Prometheus content type.
type goErrors struct{ net.Listener }

func (l goErrors) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &goErrorConn{Conn: c}, nil
}

type goErrorConn struct{ net.Conn }

// goErrorHeaders are the headers net/http sends with its own errors.
const goErrorHeaders = "\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n"

func (c *goErrorConn) Write(p []byte) (int, error) {
	if len(p) < 512 && bytes.HasPrefix(p, []byte("HTTP/1.1 ")) {
		if i := bytes.Index(p, []byte(goErrorHeaders)); i > 0 {
			if code, err := strconv.Atoi(string(p[9:min(12, i)])); err == nil && code >= 400 {
				pr := newProblem(problemKindOf(code), textf(string(p[i+len(goErrorHeaders):]), string(p[i+len(goErrorHeaders):])), "uk")
				pr.Status = code
				b, _ := marshal(pr)
				b = append(b, '\n')
				head := "HTTP/1.1 " + strconv.Itoa(code) + " " + http.StatusText(code) +
					"\r\nContent-Type: application/problem+json\r\nContent-Language: uk\r\nContent-Length: " + strconv.Itoa(len(b)) + "\r\nConnection: close\r\n\r\n"
				if _, err := c.Conn.Write(append([]byte(head), b...)); err != nil {
					return 0, err
				}
				return len(p), nil
			}
		}
	}
	return c.Conn.Write(p)
}
