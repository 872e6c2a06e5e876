package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"html"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"sync"
	"testing"

	ics "github.com/arran4/golang-ical"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/export"
	"github.com/uacaptivity/captivity/internal/golden"
	"github.com/uacaptivity/captivity/internal/samples"
	"github.com/uacaptivity/captivity/prisoner"
)

var testDay = civil.MustParse("2026-12-02")

type client struct {
	t    *testing.T
	base string
	c    *http.Client
	csrf string
}

func newClient(t *testing.T, h http.Handler) *client {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	jar, _ := cookiejar.New(nil)
	c := &client{t: t, base: srv.URL, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	return c
}

var csrfField = regexp.MustCompile(`name="csrf" value="([0-9a-f]{32})"`)

func (c *client) get(path string) (int, http.Header, string) {
	resp, err := c.c.Get(c.base + path)
	require.NoError(c.t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if m := csrfField.FindStringSubmatch(string(b)); m != nil {
		c.csrf = m[1]
	}
	return resp.StatusCode, resp.Header, string(b)
}

// post sends a multipart form with the fields and, if name is set, a
// file.
func (c *client) post(path string, fields map[string]string, name string, file []byte) (int, http.Header, []byte) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, v := range fields {
		_ = mw.WriteField(k, v)
	}
	if name != "" {
		fw, err := mw.CreateFormFile("file", name)
		require.NoError(c.t, err)
		_, _ = fw.Write(file)
	}
	require.NoError(c.t, mw.Close())
	req, _ := http.NewRequest("POST", c.base+path, &b)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := c.c.Do(req)
	require.NoError(c.t, err)
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, out
}

func (c *client) postForm(path string, v url.Values) (int, []byte) {
	resp, err := c.c.PostForm(c.base+path, v)
	require.NoError(c.t, err)
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, out
}

func testApp(cfg Config) http.Handler {
	cfg.Today = func() civil.Date { return testDay }
	return newApp(cfg)
}

// amounts are the decision amounts the results page shows, by seq.
var amountCell = regexp.MustCompile(`class="num amount" data-seq="(\d+)">([0-9.]+)<`)

func amounts(page string) map[string]string {
	out := map[string]string{}
	for _, m := range amountCell.FindAllStringSubmatch(page, -1) {
		out[m[1]] = m[2]
	}
	return out
}

func libraryAmounts(t *testing.T, c prisoner.Case) map[string]string {
	r, err := aid.Evaluate(c, aid.Default())
	require.NoError(t, err)
	out := map[string]string{}
	for _, d := range r.Decisions {
		out[strconv.Itoa(d.Seq)] = d.Amount.String()
	}
	return out
}

func TestPageHeadersAndLanguage(t *testing.T) {
	c := newClient(t, testApp(Config{}))
	code, h, body := c.get("/")
	require.Equal(t, 200, code)
	assert.Contains(t, h.Get("Content-Security-Policy"), "script-src 'self'")
	assert.NotContains(t, h.Get("Content-Security-Policy"), "unsafe-inline")
	assert.Equal(t, "no-store", h.Get("Cache-Control"))
	assert.Contains(t, h.Get("Set-Cookie"), "SameSite=Strict")
	assert.Contains(t, body, `<html lang="uk">`)
	assert.Contains(t, body, "Завантажити справи")
	assert.NotContains(t, body, "<script>", "no inline script")
	// Every input has its label.
	ids := regexp.MustCompile(`<(?:input|select) id="([^"]+)"`).FindAllStringSubmatch(body, -1)
	require.NotEmpty(t, ids)
	for _, m := range ids {
		assert.Contains(t, body, `for="`+m[1]+`"`, "a label for %s", m[1])
	}
	_, _, body = c.get("/?lang=en")
	assert.Contains(t, body, `<html lang="en">`)
	assert.Contains(t, body, "Upload cases")
}

func TestUploadsAgreeWithTheLibrary(t *testing.T) {
	c := newClient(t, testApp(Config{}))
	c.get("/")
	example := templateExample()
	want := libraryAmounts(t, example)

	// The template's example, as a workbook.
	var book bytes.Buffer
	require.NoError(t, export.WriteCaseTemplate(&book, []prisoner.Case{example}, export.CSVOptions{}))
	code, _, body := c.post("/results", map[string]string{"csrf": c.csrf, "as_of": "2026-12-02"}, "cases.xlsx", book.Bytes())
	require.Equal(t, 200, code, string(body))
	assert.Equal(t, want, amounts(string(body)))
	assert.Contains(t, string(body), "EXAMPLE-1")

	// The samples as JSON; then as a zip of case tables.
	code, _, body = c.post("/results", map[string]string{"csrf": c.csrf, "as_of": "2026-12-02", "lang": "en"}, "cases.json", samples.JSON())
	require.Equal(t, 200, code, string(body))
	assert.Contains(t, string(body), "13 cases evaluated on 2026-12-02")
	cs, err := samples.Cases()
	require.NoError(t, err)
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	var tabs [4]bytes.Buffer
	tw := export.NewCaseTablesWriter(export.Tables{Cases: &tabs[0], Episodes: &tabs[1], Family: &tabs[2], Events: &tabs[3]}, export.CSVOptions{})
	for _, cc := range cs {
		require.NoError(t, tw.Write(cc))
	}
	require.NoError(t, tw.Flush())
	for i, n := range []string{"cases.csv", "episodes.csv", "family.csv", "events.csv"} {
		f, _ := zw.Create("tables/" + n)
		_, _ = f.Write(tabs[i].Bytes())
	}
	require.NoError(t, zw.Close())
	code, _, zbody := c.post("/results", map[string]string{"csrf": c.csrf, "as_of": "2026-12-02", "lang": "en"}, "tables.zip", zb.Bytes())
	require.Equal(t, 200, code, string(zbody))
	assert.Equal(t, amounts(string(body)), amounts(string(zbody)), "the same cases give the same amounts")
}

func TestProblemsNextToTheirFields(t *testing.T) {
	c := newClient(t, testApp(Config{}))
	c.get("/")
	form := url.Values{"csrf": {c.csrf}, "lang": {"uk"}, "id": {"F-1"}, "person.citizenship": {"UA"},
		"episodes[0].id": {"e1"}, "episodes[0].category": {"civilian"}, "episodes[0].captured": {"2023-02-30"},
		"events[3].date": {"2023-05-01"}, "events[3].kind": {"claim"}, "events[3].episode": {"e1"}, "events[3].aid": {"release"}, "events[3].party": {"f9"}}
	code, body := c.postForm("/results", form)
	require.Equal(t, http.StatusUnprocessableEntity, code)
	page := string(body)
	assert.Contains(t, page, `id="f-episodes-0-captured-err"`, "the capture date's problem is next to its input")
	assert.Contains(t, page, `id="f-events-3-party-err"`, "the party's problem is next to the fourth event's input")
	assert.Contains(t, page, `value="2023-02-30"`, "what was typed is shown again")
	assert.Contains(t, page, "Виправте, будь ласка")

	// Without the form token: refused.
	form.Set("csrf", "00000000000000000000000000000000")
	code, _ = c.postForm("/results", form)
	assert.Equal(t, http.StatusForbidden, code)

	// An upload over the limit.
	small := newClient(t, testApp(Config{MaxUpload: 1 << 10}))
	small.get("/")
	code, _, _ = small.post("/results", map[string]string{"csrf": small.csrf}, "big.json", bytes.Repeat([]byte(" "), 4<<10))
	assert.Equal(t, http.StatusUnprocessableEntity, code)
}

func TestDownloads(t *testing.T) {
	c := newClient(t, testApp(Config{}))
	c.get("/")
	carried := string(samples.JSON())
	for _, format := range []string{"xlsx", "csv", "jsonl", "ics"} {
		code, b := c.postForm("/download", url.Values{"csrf": {c.csrf}, "lang": {"en"}, "as_of": {"2026-12-02"}, "cases": {carried}, "format": {format}})
		require.Equal(t, 200, code, format)
		switch format {
		case "xlsx":
			f, err := excelize.OpenReader(bytes.NewReader(b))
			require.NoError(t, err)
			assert.Contains(t, f.GetSheetList(), "decisions")
		case "csv":
			zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
			require.NoError(t, err)
			assert.Len(t, zr.File, 6)
		case "jsonl":
			assert.Equal(t, 13, bytes.Count(b, []byte("\n")))
		case "ics":
			cal, err := ics.ParseCalendar(bytes.NewReader(b))
			require.NoError(t, err)
			assert.NotEmpty(t, cal.Events())
		}
	}
}

func TestTokensAndLogs(t *testing.T) {
	var logs bytes.Buffer
	var mu sync.Mutex
	h := testApp(Config{Tokens: [][sha256.Size]byte{sha256.Sum256([]byte("a-long-access-token-123"))},
		Log: slog.New(slog.NewJSONHandler(writerFunc(func(p []byte) (int, error) { mu.Lock(); defer mu.Unlock(); return logs.Write(p) }), nil))})
	c := newClient(t, h)
	code, hdr, _ := c.get("/")
	assert.Equal(t, http.StatusSeeOther, code)
	assert.Contains(t, hdr.Get("Location"), "/login")
	c.get("/login")
	code, _ = c.postForm("/login", url.Values{"csrf": {c.csrf}, "token": {"wrong-token-0000000000"}})
	assert.Equal(t, http.StatusUnauthorized, code)
	code, _ = c.postForm("/login", url.Values{"csrf": {c.csrf}, "token": {"a-long-access-token-123"}})
	assert.Equal(t, http.StatusSeeOther, code)
	code, _, _ = c.get("/")
	assert.Equal(t, 200, code)
	cs, _ := samples.Cases()
	cs[0].Person.Name = "Петренко Олена"
	var js bytes.Buffer
	require.NoError(t, prisoner.Encode(&js, cs[:1], prisoner.EncodeOptions{}))
	code, _, _ = c.post("/results", map[string]string{"csrf": c.csrf}, "one.json", js.Bytes())
	assert.Equal(t, 200, code)
	mu.Lock()
	defer mu.Unlock()
	assert.NotContains(t, logs.String(), "Петренко")
	assert.NotContains(t, logs.String(), cs[0].ID)
	assert.Contains(t, logs.String(), `"route":"POST /results"`)
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// In Ukrainian the pages hold no English word but codes: the codes of
// the drop-downs (in brackets), the party codes, country codes, the
// switch to English and format names.
func TestUkrainianPages(t *testing.T) {
	c := newClient(t, testApp(Config{}))
	_, _, index := c.get("/")
	_, _, res := c.post("/results", map[string]string{"csrf": c.csrf, "as_of": "2026-12-02"}, "cases.json", samples.JSON())
	codes := regexp.MustCompile(`\([a-z_0-9]+\)|\bperson\b|\brepresentative\b|\bUA\b|\bEnglish\b|\bzip\b`)
	tags := regexp.MustCompile(`(?s)<[^>]*>`)
	for name, page := range map[string]string{"index": index, "results": string(res)} {
		text := html.UnescapeString(tags.ReplaceAllString(page, " "))
		assert.Empty(t, golden.EnglishWords(codes.ReplaceAllString(text, " ")), name)
	}
}
