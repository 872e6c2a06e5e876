package export_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uacaptivity/captivity/export"
	"github.com/uacaptivity/captivity/internal/samples"
)

// soffice returns LibreOffice's command, or skips the test where it is
// not installed; under CI (CI=true), where .ci/run installs it, its
// absence fails the test.
func soffice(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("soffice not found: .ci/run installs libreoffice-calc")
		}
		t.Skip("LibreOffice (soffice) is not installed: the round trip through a real spreadsheet is skipped; apt-get install --no-install-recommends libreoffice-calc to run it")
	}
	return path
}

// convert runs LibreOffice headless: with infilter (or none), files
// converted to the format to, written into dir.
func convert(t *testing.T, exe, dir, infilter, to string, files ...string) {
	t.Helper()
	profile := "file://" + filepath.Join(t.TempDir(), "profile") // its own profile: no lock on a user's
	args := []string{"-env:UserInstallation=" + profile, "--headless"}
	if infilter != "" {
		args = append(args, "--infilter="+infilter)
	}
	args = append(append(args, "--convert-to", to, "--outdir", dir), files...)
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	done := make(chan error, 1)
	var out []byte
	go func() {
		var err error
		out, err = cmd.CombinedOutput()
		done <- err
	}()
	select {
	case err := <-done:
		require.NoError(t, err, string(out))
	case <-time.After(2 * time.Minute):
		_ = cmd.Process.Kill()
		t.Fatal("LibreOffice did not finish in two minutes")
	}
}

// The case tables, opened in LibreOffice Calc as a user would (UTF-8
// chosen, the types Calc detects: amounts become numbers, dates dates,
// true a boolean), saved as a spreadsheet (.ods and .xlsx), then saved
// back as CSV with semicolons, in an English and a Ukrainian locale, read
// back as the same cases.
func TestCaseTablesSurviveLibreOffice(t *testing.T) {
	exe := soffice(t)
	want, err := samples.Cases()
	require.NoError(t, err)
	for _, locale := range []struct{ name, lang, via string }{{"English", "1033", "ods"}, {"Ukrainian", "1058", "ods"}, {"English", "1033", "xlsx"}, {"Ukrainian", "1058", "xlsx"}} {
		t.Run(locale.name+" via "+locale.via, func(t *testing.T) {
			ours, ods, back := t.TempDir(), t.TempDir(), t.TempDir()
			var csvs []string
			var files []*os.File
			for _, name := range []string{export.CasesFile, export.EpisodesFile, export.FamilyFile, export.EventsFile} {
				csvs = append(csvs, filepath.Join(ours, name))
				f, err := os.Create(filepath.Join(ours, name))
				require.NoError(t, err)
				files = append(files, f)
			}
			w := export.NewCaseTablesWriter(export.Tables{Cases: files[0], Episodes: files[1], Family: files[2], Events: files[3]}, export.CSVOptions{})
			for _, c := range want {
				require.NoError(t, w.Write(c))
			}
			require.NoError(t, w.Flush())
			for _, f := range files {
				require.NoError(t, f.Close())
			}
			// Import: comma, double quote, UTF-8 (76), from line 1, the locale's language.
			convert(t, exe, ods, "CSV:44,34,76,1,,"+locale.lang, locale.via, csvs...)
			var sheets []string
			for _, name := range []string{"cases", "episodes", "family", "events"} {
				sheets = append(sheets, filepath.Join(ods, name+"."+locale.via))
			}
			// Export: semicolons, as Calc does where the decimal mark is a comma.
			convert(t, exe, back, "", "csv:Text - txt - csv (StarCalc):59,34,76,1", sheets...)
			got, err := export.ReadCaseTables(os.DirFS(back), ".")
			require.NoError(t, err)
			require.Len(t, got, len(want))
			for i := range want {
				assert.Equal(t, want[i], got[i], "case %s after LibreOffice (%s)", want[i].ID, locale.name)
			}
		})
	}
}

// Our case workbook, opened and saved again as .xlsx by LibreOffice Calc,
// reads back as the same cases: the cell types survive (text IDs with
// leading zeros, amounts, dates, booleans).
func TestCaseWorkbookSurvivesLibreOffice(t *testing.T) {
	exe := soffice(t)
	want, err := samples.Cases()
	require.NoError(t, err)
	dir, back := t.TempDir(), t.TempDir()
	book := filepath.Join(dir, "register.xlsx")
	var buf bytes.Buffer
	w := export.NewCaseWorkbookWriter(&buf, export.CSVOptions{Headers: export.Ukrainian})
	for _, c := range want {
		require.NoError(t, w.Write(c))
	}
	require.NoError(t, w.Flush())
	require.NoError(t, os.WriteFile(book, buf.Bytes(), 0o644))
	convert(t, exe, back, "", "xlsx:Calc MS Excel 2007 XML", book)
	data, err := os.ReadFile(filepath.Join(back, "register.xlsx"))
	require.NoError(t, err)
	got, err := readWorkbook(t, data)
	require.NoError(t, err)
	require.Len(t, got, len(want))
	for i := range want {
		assert.Equal(t, want[i], got[i], "case %s after LibreOffice", want[i].ID)
	}
}
