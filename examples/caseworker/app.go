package main

import (
	"archive/zip"
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/export"
	"github.com/uacaptivity/captivity/internal/cli"
	"github.com/uacaptivity/captivity/internal/samples"
	"github.com/uacaptivity/captivity/law"
	"github.com/uacaptivity/captivity/prisoner"
)

//go:embed templates/*.html static/*
var assets embed.FS

// Limits of one request: the page is for a caseworker's cases, not a
// register (aidcalc and ngo take any size).
const (
	maxCases = 500
)

// Config is the page's configuration.
type Config struct {
	// MaxUpload is the largest upload in bytes; 0 means 8 MiB.
	MaxUpload int64
	// Tokens, if set, are the access tokens (SHA-256 hashes) of a
	// deployment beyond one machine: a caseworker signs in with one.
	Tokens [][sha256.Size]byte
	// Today gives the default day of evaluation.
	Today func() civil.Date
	// Log gets one line per request, never a case's contents.
	Log *slog.Logger
}

type app struct {
	cfg   Config
	calc  *aid.Calculator
	pages *template.Template
	log   *slog.Logger
}

// newApp returns the page's handler.
func newApp(cfg Config) http.Handler {
	if cfg.MaxUpload <= 0 {
		cfg.MaxUpload = 8 << 20
	}
	if cfg.Today == nil {
		cfg.Today = func() civil.Date { return civil.DateOf(time.Now(), cli.Kyiv()) }
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	a := &app{cfg: cfg, calc: aid.New(aid.Default()), log: cfg.Log}
	a.pages = template.Must(template.New("").Funcs(template.FuncMap{
		"t": t,
		"tf": func(lang, key string, args ...any) string {
			return fmt.Sprintf(t(lang, key), args...)
		},
		"in": func(lang string, v interface{ In(string) string }) string { return v.In(lang) },
		"seq": func(n int) []int {
			out := make([]int, n)
			for i := range out {
				out[i] = i
			}
			return out
		},
		"name": func(list string, i int, key string) string { return fmt.Sprintf("%s[%d].%s", list, i, key) },
		"inc":  func(i int) int { return i + 1 },
		"cases": func(lang string, n int) string {
			if lang == "en" {
				return law.PluralEN(n, "case", "cases")
			}
			return law.PluralUK(n, "справу", "справи", "справ")
		},
		"list":        func(xs ...string) []string { return xs },
		"asOfField":   func() field { return field{Key: "as_of", Label: "asof", Kind: "date"} },
		"caseIDField": func() field { return field{Key: "id", Label: "case.id", Kind: "text"} },
		"tokenField":  func() field { return field{Key: "token", Label: "login.token", Kind: "text"} },
		// fdid is fd with an ID of its own (a second input of the same
		// name on the page).
		"fdid": func(p *page, name, id string, f field) map[string]any {
			return map[string]any{"Lang": p.Lang, "Name": name, "ID": id, "F": f, "Value": p.Form[name], "Errs": p.FieldErrors[name]}
		},
		// fd is what the "field" template needs for one input.
		"fd": func(p *page, name string, f field) map[string]any {
			return map[string]any{"Lang": p.Lang, "Name": name, "ID": inputID(name), "F": f, "Value": p.Form[name], "Errs": p.FieldErrors[name]}
		},
	}).ParseFS(assets, "templates/*.html"))
	mux := http.NewServeMux()
	static, _ := fs.Sub(assets, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	mux.HandleFunc("GET /{$}", a.index)
	mux.HandleFunc("POST /results", a.results)
	mux.HandleFunc("POST /download", a.download)
	mux.HandleFunc("GET /template.xlsx", a.template)
	mux.HandleFunc("GET /login", a.loginPage)
	mux.HandleFunc("POST /login", a.login)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "ok\n") })
	return a.guard(mux)
}

// guard sets the security headers of every answer, checks the access
// token where there are tokens, and logs the request without its data.
func (a *app) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		h := w.Header()
		// No script but the page's own file, no style but its own, no
		// frame, no form sent anywhere else, nothing cached.
		h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cache-Control", "no-store")
		sw := &statusWriter{ResponseWriter: w, code: 200}
		if len(a.cfg.Tokens) > 0 && !a.signedIn(r) && r.URL.Path != "/login" && !strings.HasPrefix(r.URL.Path, "/static/") && r.URL.Path != "/healthz" {
			http.Redirect(sw, r, "/login?lang="+langOf(r), http.StatusSeeOther)
		} else {
			next.ServeHTTP(sw, r)
		}
		a.log.Info("request", "method", r.Method, "route", r.Pattern, "status", sw.code, "duration", time.Since(start))
	})
}

type statusWriter struct {
	http.ResponseWriter
	code int
}

func (s *statusWriter) WriteHeader(code int) { s.code = code; s.ResponseWriter.WriteHeader(code) }

// signedIn reports whether the request carries a valid access token in
// its cookie.
func (a *app) signedIn(r *http.Request) bool {
	c, err := r.Cookie("cw_token")
	return err == nil && a.tokenOK(c.Value)
}

func (a *app) tokenOK(token string) bool {
	sum := sha256.Sum256([]byte(token))
	ok := 0
	for _, want := range a.cfg.Tokens {
		ok |= subtle.ConstantTimeCompare(sum[:], want[:])
	}
	return ok == 1
}

// langOf is "en" when the request asks for English, else "uk".
func langOf(r *http.Request) string {
	if r.FormValue("lang") == "en" {
		return "en"
	}
	return "uk"
}

// csrf returns the request's form token, setting the cookie it is
// checked against (a double-submit token: a page of another site can
// send neither, since the cookie is SameSite=Strict).
func csrf(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie("cw_csrf"); err == nil && len(c.Value) == 32 {
		return c.Value
	}
	var b [16]byte
	_, _ = rand.Read(b[:])
	tok := hex.EncodeToString(b[:])
	http.SetCookie(w, &http.Cookie{Name: "cw_csrf", Value: tok, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
	return tok
}

func csrfOK(r *http.Request) bool {
	c, err := r.Cookie("cw_csrf")
	if err != nil || len(c.Value) != 32 {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(c.Value), []byte(r.FormValue("csrf"))) == 1
}

// page is what the templates get.
type page struct {
	Lang, Other  string
	CSRF         string
	AsOf         string
	Errors       []string            // problems of the upload or the whole form
	FieldErrors  map[string][]string // by input name
	Form         map[string]string   // the inputs as sent, to show them again
	Episodes     []int
	Family       []int
	Events       []int
	PersonFields []field
	EpFields     []field
	MemberFields []field
	EventFields  []field
	Results      *results
}

func (a *app) newPage(w http.ResponseWriter, r *http.Request) *page {
	lang := langOf(r)
	other := "en"
	if lang == "en" {
		other = "uk"
	}
	return &page{Lang: lang, Other: other, CSRF: csrf(w, r), AsOf: a.cfg.Today().String(), FieldErrors: map[string][]string{}, Form: map[string]string{},
		Episodes: seqN(episodeRows), Family: seqN(familyRows), Events: seqN(eventRows),
		PersonFields: personFields, EpFields: episodeFields, MemberFields: memberFields, EventFields: eventFields}
}

func seqN(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

func (a *app) render(w http.ResponseWriter, name string, p *page, code int) {
	var b bytes.Buffer
	if err := a.pages.ExecuteTemplate(&b, name, p); err != nil {
		a.log.Error("template", "name", name, "err", err.Error())
		http.Error(w, "template error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	_, _ = w.Write(b.Bytes())
}

func (a *app) index(w http.ResponseWriter, r *http.Request) {
	p := a.newPage(w, r)
	if r.URL.Query().Get("sample") == "1" {
		p.Form = sampleForm()
	}
	a.render(w, "index.html", p, http.StatusOK)
}

// sampleForm fills the form with one sample case (a political prisoner
// whose parent claims): what the "example" link shows.
func sampleForm() map[string]string {
	return map[string]string{
		"id": "FORM-1", "person.citizenship": "UA",
		"episodes[0].id": "e1", "episodes[0].category": "political", "episodes[0].captured": "2016-03-01",
		"family[0].id": "f1", "family[0].relation": "parent",
		"events[0].seq": "1", "events[0].date": "2023-01-10", "events[0].kind": "application", "events[0].episode": "e1", "events[0].party": "f1",
		"events[1].seq": "2", "events[1].date": "2023-03-01", "events[1].kind": "decision", "events[1].episode": "e1", "events[1].decision": "establish",
		"events[2].seq": "3", "events[2].date": "2023-04-01", "events[2].kind": "claim", "events[2].episode": "e1", "events[2].aid": "annual", "events[2].party": "f1",
	}
}

// readCases reads the cases of a results or download request: the
// uploaded file, else the form, else the cases the results page carries
// back (to switch its language or download).
func (a *app) readCases(r *http.Request, p *page) ([]prisoner.Case, bool) {
	lang := p.Lang
	if carried := r.FormValue("cases"); carried != "" {
		cs, err := prisoner.Decode(strings.NewReader(carried), prisoner.DecodeOptions{})
		if err != nil {
			p.Errors = append(p.Errors, problemLines(err, lang)...)
			return nil, false
		}
		return cs, true
	}
	file, hdr, err := r.FormFile("file")
	if err == nil && hdr.Size > 0 {
		defer file.Close()
		data, err := io.ReadAll(io.LimitReader(file, a.cfg.MaxUpload+1))
		if err != nil || int64(len(data)) > a.cfg.MaxUpload {
			p.Errors = append(p.Errors, fmt.Sprintf(t(lang, "err.toolarge"), a.cfg.MaxUpload>>20))
			return nil, false
		}
		return a.readFile(path.Base(hdr.Filename), data, p)
	}
	for k, vs := range r.PostForm {
		if len(vs) > 0 {
			p.Form[k] = vs[0]
		}
	}
	js, back, err := caseFromForm(r.PostForm)
	if errors.Is(err, errEmptyForm) {
		p.Errors = append(p.Errors, t(lang, "err.nofile"))
		return nil, false
	}
	c, err := prisoner.DecodeCase(js)
	if err != nil {
		var ve *prisoner.ValidationError
		var fe *prisoner.FileError
		switch {
		case errors.As(err, &ve):
			for _, f := range ve.Fields {
				name := formPath(f.Path, back)
				p.FieldErrors[name] = append(p.FieldErrors[name], f.Message.In(lang))
				p.Errors = append(p.Errors, label(lang, name)+": "+f.Message.In(lang))
			}
		case errors.As(err, &fe):
			p.Errors = append(p.Errors, problemLines(err, lang)...)
		default:
			p.Errors = append(p.Errors, err.Error())
		}
		return nil, false
	}
	return []prisoner.Case{c}, true
}

// label names an input for the list of problems: its label and its row.
func label(lang, name string) string {
	if m := rowIndex.FindStringSubmatch(name); m != nil {
		row := map[string]string{"episodes": "episode", "family": "member", "events": "event"}[m[1]]
		fields := map[string][]field{"episodes": episodeFields, "family": memberFields, "events": eventFields}[m[1]]
		key := m[3]
		for _, f := range fields {
			if f.Key == key {
				key = t(lang, f.Label)
			}
		}
		i := 0
		_, _ = fmt.Sscan(m[2], &i)
		return fmt.Sprintf("%s %d, %s", t(lang, row), i+1, key)
	}
	switch name {
	case "id":
		return t(lang, "case.id")
	case "person.citizenship":
		return t(lang, "citizenship")
	}
	return name
}

// problemLines are the lines of a file's problems, in lang.
func problemLines(err error, lang string) []string {
	var fe *prisoner.FileError
	if errors.As(err, &fe) {
		return fe.Lines(lang)
	}
	var ce *prisoner.CaseError
	if errors.As(err, &ce) {
		var out []string
		for _, f := range ce.Fields {
			out = append(out, f.Path+": "+f.Message.In(lang))
		}
		return out
	}
	return []string{err.Error()}
}

// readFile reads an uploaded case workbook, zip of case tables or JSON
// case file.
func (a *app) readFile(name string, data []byte, p *page) ([]prisoner.Case, bool) {
	lang := p.Lang
	var (
		cs  []prisoner.Case
		err error
	)
	switch {
	case bytes.HasPrefix(data, []byte("PK")) && strings.HasSuffix(strings.ToLower(name), ".xlsx"):
		var rd *export.CaseTablesReader
		var closeBook func() error
		rd, closeBook, err = export.NewCaseWorkbookReader(bytes.NewReader(data), name, export.Sources{})
		if err == nil {
			cs, err = readAll(rd)
			_ = closeBook()
		}
	case bytes.HasPrefix(data, []byte("PK")):
		zr, zerr := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if zerr != nil {
			p.Errors = append(p.Errors, t(lang, "err.format"))
			return nil, false
		}
		dir, ok := tablesDir(zr)
		if !ok {
			p.Errors = append(p.Errors, t(lang, "err.zip"))
			return nil, false
		}
		cs, err = export.ReadCaseTables(zr, dir)
	default:
		trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
		if len(trimmed) == 0 || (trimmed[0] != '{' && trimmed[0] != '[') {
			p.Errors = append(p.Errors, t(lang, "err.format"))
			return nil, false
		}
		cs, err = prisoner.Decode(bytes.NewReader(data), prisoner.DecodeOptions{})
	}
	if err != nil {
		for _, l := range problemLines(err, lang) {
			p.Errors = append(p.Errors, name+": "+l)
		}
		return nil, false
	}
	if len(cs) > maxCases {
		p.Errors = append(p.Errors, fmt.Sprintf(t(lang, "err.toomany"), maxCases))
		return nil, false
	}
	return cs, true
}

func readAll(rd *export.CaseTablesReader) ([]prisoner.Case, error) {
	var out []prisoner.Case
	for len(out) <= maxCases {
		c, err := rd.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// tablesDir is the folder of the zip that holds cases.csv.
func tablesDir(zr *zip.Reader) (string, bool) {
	for _, f := range zr.File {
		if path.Base(f.Name) == "cases.csv" {
			return path.Dir(f.Name), true
		}
	}
	return "", false
}

func (a *app) asOf(r *http.Request, p *page) (civil.Date, bool) {
	s := strings.TrimSpace(r.FormValue("as_of"))
	if s == "" {
		return a.cfg.Today(), true
	}
	d, err := civil.Parse(s)
	if err != nil {
		p.FieldErrors["as_of"] = append(p.FieldErrors["as_of"], t(p.Lang, "err.asof"))
		p.Errors = append(p.Errors, t(p.Lang, "asof")+": "+t(p.Lang, "err.asof"))
		return civil.Date{}, false
	}
	p.AsOf = d.String()
	return d, true
}

func (a *app) results(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, a.cfg.MaxUpload+1<<20)
	if err := r.ParseMultipartForm(1 << 20); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		p := a.newPage(w, r)
		p.Errors = append(p.Errors, fmt.Sprintf(t(p.Lang, "err.toolarge"), a.cfg.MaxUpload>>20))
		a.render(w, "index.html", p, http.StatusRequestEntityTooLarge)
		return
	}
	p := a.newPage(w, r)
	asOf, cases, ok := a.input(w, r, p)
	if !ok {
		return
	}
	res, probs := a.evaluate(cases, asOf, p.Lang)
	if len(probs) > 0 {
		p.Errors = append(p.Errors, probs...)
		a.render(w, "index.html", p, http.StatusUnprocessableEntity)
		return
	}
	p.Results = res
	a.render(w, "results.html", p, http.StatusOK)
}

// input checks a form's token and reads its day and its cases; on a
// problem it answers with the start page and the problems, and returns
// false.
func (a *app) input(w http.ResponseWriter, r *http.Request, p *page) (civil.Date, []prisoner.Case, bool) {
	if !csrfOK(r) {
		p.Errors = append(p.Errors, t(p.Lang, "err.csrf"))
		a.render(w, "index.html", p, http.StatusForbidden)
		return civil.Date{}, nil, false
	}
	asOf, okDate := a.asOf(r, p)
	cases, ok := a.readCases(r, p)
	if !ok || !okDate {
		a.render(w, "index.html", p, http.StatusUnprocessableEntity)
		return civil.Date{}, nil, false
	}
	return asOf, cases, true
}

func (a *app) template(w http.ResponseWriter, r *http.Request) {
	var b bytes.Buffer
	if err := export.WriteCaseTemplate(&b, []prisoner.Case{templateExample()}, export.CSVOptions{Headers: export.Lang(langOf(r))}); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="cases-template.xlsx"`)
	_, _ = w.Write(b.Bytes())
}

// templateExample is the example case of the workbook template: the
// second sample case, as aidcalc -template writes it.
func templateExample() prisoner.Case {
	cs, _ := samples.Cases()
	c := cs[1].Clone()
	c.ID, c.Note = "EXAMPLE-1", "Приклад / example: a political prisoner since 2016; a parent claims the pre-law years"
	return c
}

func (a *app) loginPage(w http.ResponseWriter, r *http.Request) {
	a.render(w, "login.html", a.newPage(w, r), http.StatusOK)
}

func (a *app) login(w http.ResponseWriter, r *http.Request) {
	p := a.newPage(w, r)
	if !csrfOK(r) {
		p.Errors = append(p.Errors, t(p.Lang, "err.csrf"))
		a.render(w, "login.html", p, http.StatusForbidden)
		return
	}
	tok := strings.TrimSpace(r.FormValue("token"))
	if !a.tokenOK(tok) {
		p.FieldErrors["token"] = []string{t(p.Lang, "login.bad")}
		p.Errors = append(p.Errors, t(p.Lang, "login.bad"))
		a.render(w, "login.html", p, http.StatusUnauthorized)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "cw_token", Value: tok, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
	http.Redirect(w, r, "/?lang="+p.Lang, http.StatusSeeOther)
}

// inputID is an HTML id for the input of name: letters, digits and
// hyphens.
func inputID(name string) string {
	return "f-" + strings.NewReplacer("[", "-", "]", "", ".", "-", "_", "-").Replace(name)
}
