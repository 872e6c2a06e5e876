package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"iter"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/uacaptivity/captivity/export"
	"github.com/uacaptivity/captivity/prisoner"
)

// chromium finds the browser: $CHROME, else Debian's chromium. Without
// one the browser tests skip, except under CI, where they must run.
func chromium(t *testing.T) string {
	for _, p := range []string{os.Getenv("CHROME"), "chromium", "chromium-browser", "google-chrome"} {
		if p == "" {
			continue
		}
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("no Chromium: the browser tests must run under CI (.ci/run installs Debian's chromium)")
	}
	t.Skip("no Chromium here: install Debian's chromium (apt-get install chromium) to run the browser tests")
	return ""
}

// shots is where the screenshots go: $CASEWORKER_SCREENSHOTS, or the
// test's own folder.
func shots(t *testing.T) string {
	if d := os.Getenv("CASEWORKER_SCREENSHOTS"); d != "" {
		require.NoError(t, os.MkdirAll(d, 0o755))
		return d
	}
	return t.TempDir()
}

func newBrowser(t *testing.T) context.Context {
	path := chromium(t)
	// As the machine's notes say: headless, no sandbox (root), and none of
	// the background connections this closed network refuses.
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 1000))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 120*time.Second)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	return ctx
}

func get[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	require.NoError(t, err)
	return v
}

func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	require.NoError(t, chromedp.Do(ctx, steps...))
}

// submit runs the steps that send a form and waits for the page that
// answers it.
func submit(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	_, err := chromedp.RunResponse(ctx, steps...)
	require.NoError(t, err)
}

func screenshot(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	png := get(t, ctx, chromedp.FullScreenshot(100))
	require.NoError(t, os.WriteFile(filepath.Join(dir, name), png, 0o644))
	t.Logf("screenshot %s", filepath.Join(dir, name))
}

// pageAmounts are the decision amounts shown, by seq.
func pageAmounts(t *testing.T, ctx context.Context) map[string]string {
	pairs := get(t, ctx, chromedp.Evaluate[[][]string](`Array.from(document.querySelectorAll("td.amount")).map(e => [e.dataset.seq, e.textContent.trim()])`))
	out := map[string]string{}
	for _, p := range pairs {
		out[p[0]] = p[1]
	}
	return out
}

// The page in a real browser: upload the template's example, see the
// amounts aidcalc gives, open an explanation, switch the language,
// download every format and read it back; fill in a case through the
// form with the keyboard; see a problem next to its field; read the page
// at 200 % zoom and print it.
func TestInABrowser(t *testing.T) {
	ctx := newBrowser(t)
	dir := shots(t)
	srv := httptest.NewServer(testApp(Config{}))
	t.Cleanup(srv.Close)

	// 1. The upload of the template's example case.
	example := templateExample()
	want := libraryAmounts(t, example)
	var book bytes.Buffer
	require.NoError(t, export.WriteCaseTemplate(&book, []prisoner.Case{example}, export.CSVOptions{}))
	xlsx := filepath.Join(t.TempDir(), "cases.xlsx")
	require.NoError(t, os.WriteFile(xlsx, book.Bytes(), 0o644))
	do(t, ctx, chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.CSS("#upload-form")))
	assert.Equal(t, "Допомога звільненим і їхнім сім'ям: розрахунок", get(t, ctx, chromedp.Text(chromedp.CSS("h1"))), "Ukrainian by default")
	screenshot(t, ctx, dir, "1-upload-uk.png")
	do(t, ctx, chromedp.SetUploadFiles(chromedp.CSS("#f-file"), []string{xlsx}))
	submit(t, ctx, chromedp.Click(chromedp.CSS("#upload-go")))
	assert.Contains(t, get(t, ctx, chromedp.Text(chromedp.CSS("#summary"))), "Оцінено 1 справу")
	assert.Equal(t, want, pageAmounts(t, ctx), "the page shows the amounts of aidcalc (the library) for the same case")
	screenshot(t, ctx, dir, "2-results-uk.png")

	// 2. An explanation opens in place, with its citations and [U] marks.
	do(t, ctx, chromedp.Click(chromedp.CSS("details summary")))
	assert.True(t, get(t, ctx, chromedp.Evaluate[bool](`document.querySelector("details").open`)))
	steps := get(t, ctx, chromedp.Text(chromedp.CSS("details ol.steps")))
	assert.Contains(t, steps, "Закон № 2010-IX")
	screenshot(t, ctx, dir, "3-explanation-uk.png")

	// 3. English by the switch: the same amounts.
	submit(t, ctx, chromedp.Click(chromedp.CSS("#switch-lang")))
	assert.Contains(t, get(t, ctx, chromedp.Text(chromedp.CSS("#summary"))), "1 case evaluated on 2026-12-02")
	assert.Equal(t, "en", get(t, ctx, chromedp.Evaluate[string](`document.documentElement.lang`)))
	assert.Equal(t, want, pageAmounts(t, ctx))
	screenshot(t, ctx, dir, "4-results-en.png")

	// 4. Every download, read back.
	downloads := t.TempDir()
	progress := chromedp.Events(ctx, browser.DownloadProgress)
	do(t, ctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: downloads, EventsEnabled: ptr(true)})
		return err
	}))
	next, stop := iter.Pull2(progress)
	defer stop()
	for _, format := range []string{"xlsx", "csv", "jsonl", "ics"} {
		do(t, ctx, chromedp.Click(chromedp.CSS("#dl-"+format)))
		var file string
		for file == "" {
			ev, err, ok := next()
			require.True(t, ok, "the download of %s ended", format)
			require.NoError(t, err)
			if ev.State == browser.DownloadProgressStateCompleted {
				file = filepath.Join(downloads, ev.GUID)
			}
		}
		data, err := os.ReadFile(file)
		require.NoError(t, err, format)
		switch format {
		case "xlsx":
			f, err := excelize.OpenReader(bytes.NewReader(data))
			require.NoError(t, err)
			rows, err := f.GetRows("decisions")
			require.NoError(t, err)
			assert.Greater(t, len(rows), len(want), "a row per decision")
		case "csv":
			zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			require.NoError(t, err)
			assert.Len(t, zr.File, 6)
		case "jsonl":
			sc := bufio.NewScanner(bytes.NewReader(data))
			sc.Buffer(nil, 1<<20)
			require.True(t, sc.Scan())
			var rep export.Report
			require.NoError(t, json.Unmarshal(sc.Bytes(), &rep))
			got := map[string]string{}
			for _, d := range rep.Decisions {
				got[strconv.Itoa(d.Seq)] = d.Amount.String()
			}
			assert.Equal(t, want, got, "the JSON Lines download has the page's amounts")
		case "ics":
			cal, err := ics.ParseCalendar(bytes.NewReader(data))
			require.NoError(t, err)
			assert.NotEmpty(t, cal.Events())
		}
	}

	// 5. One case through the form, typed with the keyboard and sent
	// with Enter.
	do(t, ctx, chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.CSS("#case-form")))
	form := sampleForm()
	for _, name := range sortedKeys(form) {
		id := "#" + inputID(name)
		kind := get(t, ctx, chromedp.Evaluate[string](`document.querySelector("#case-form `+id+`").tagName`))
		if kind == "SELECT" {
			do(t, ctx, chromedp.SetValue(chromedp.CSS("#case-form "+id), form[name]))
			continue
		}
		do(t, ctx, chromedp.SendKeys(chromedp.CSS("#case-form "+id), form[name]))
	}
	screenshot(t, ctx, dir, "5-form-uk.png")
	do(t, ctx, chromedp.Focus(chromedp.CSS("#form-go")))
	submit(t, ctx, chromedp.KeyEvent("\r"))
	js, _, err := caseFromForm(formValues(form))
	require.NoError(t, err)
	c, err := prisoner.DecodeCase(js)
	require.NoError(t, err)
	assert.Equal(t, libraryAmounts(t, c), pageAmounts(t, ctx), "the form's case gives the library's amounts")
	screenshot(t, ctx, dir, "6-form-results-uk.png")

	// 6. A problem is shown next to its field, in Ukrainian.
	do(t, ctx, chromedp.Navigate(srv.URL+"/?sample=1"), chromedp.WaitVisible(chromedp.CSS("#case-form")),
		chromedp.SetValue(chromedp.CSS("#case-form #f-episodes-0-captured"), "2016-02-30"))
	submit(t, ctx, chromedp.Click(chromedp.CSS("#form-go")))
	msg := get(t, ctx, chromedp.Text(chromedp.CSS("#f-episodes-0-captured-err")))
	assert.Contains(t, msg, "дат", "the message is Ukrainian: %s", msg)
	assert.Equal(t, "true", get(t, ctx, chromedp.Evaluate[string](`document.querySelector("#f-episodes-0-captured").getAttribute("aria-invalid")`)))
	screenshot(t, ctx, dir, "7-error-uk.png")

	// 7. At 200 % zoom (half the width in CSS pixels) nothing runs off
	// the side; printed, the page drops its buttons and opens every
	// explanation.
	do(t, ctx, chromedp.EmulateViewport(640, 1000), chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.CSS("#case-form")))
	wide := get(t, ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("body *")).filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.tagName + "#" + e.id + "." + e.className)`))
	assert.Empty(t, wide, "no element runs off the side at 200 %")
	screenshot(t, ctx, dir, "8-zoom-200.png")
	do(t, ctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	}))
	assert.Equal(t, "none", get(t, ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector("nav.lang")).display`)), "printed without its navigation")
}

func ptr[T any](v T) *T { return &v }

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	// Inputs in page order is not needed: each is found by its id.
	return keys
}

func formValues(m map[string]string) url.Values {
	v := url.Values{}
	for k, s := range m {
		v.Set(k, s)
	}
	return v
}
