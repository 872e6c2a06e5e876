// Command lawcheck runs a folder of legal test cases written as data (see
// package lawcase) and prints pass or fail for each, with every difference
// between what a file expects and what the library gives.
//
//	go run ./examples/lawcheck                  # the library's own cases (embedded)
//	go run ./examples/lawcheck path/to/folder   # yours
//	go run ./examples/lawcheck -help
//
// It exits 0 when every case passes, 1 when one fails, 2 on a usage error.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/uacaptivity/captivity/internal/cli"
	"github.com/uacaptivity/captivity/lawcase"
)

const usage = `lawcheck runs legal test cases written as data and says, for each file,
whether the library decides the case as the file expects, with every
difference.

Usage:
  lawcheck [FOLDER]

FOLDER holds *.json legal test cases: a name, the rule it pins, an
optional rule_set (settings by name), the case, and what to expect
(status with its flags, decisions, recoveries, entitlements, warnings,
totals). Without FOLDER, the library's own cases are run.

Examples:
  lawcheck                          run the library's own 85 cases
  lawcheck my-tests                 run yours, in my-tests/*.json
  lawcheck -lang uk my-tests        the report in Ukrainian

Flags:
  -lang en|uk   the language of the report (default en)

A file with a mistake (an episode or party the case does not have, an
unknown refusal or warning code, a setting that does not exist) is an
error of its own, never a silent pass. A case file that is not a test
(what aidcalc reads) is named as such.

Exit status: 0 every case passes; 1 a case fails; 2 a usage error or no
cases in FOLDER.
`

const usageUK = `lawcheck запускає юридичні тести, записані як дані, і для кожного файлу каже,
чи бібліотека вирішує справу так, як очікує файл, з кожною розбіжністю.

Виклик:
  lawcheck [ТЕКА]

У ТЕЦІ — юридичні тести *.json: назва, правило, яке тест закріплює, необов'язковий
rule_set (налаштування за назвами), справа і що очікується (статус із позначками,
рішення, повернення, права на допомогу, попередження, суми). Без ТЕКИ запускаються
власні тести бібліотеки.

Приклади:
  lawcheck -lang uk                 власні 85 тестів бібліотеки
  lawcheck -lang uk мої-тести       ваші, у мої-тести/*.json

Прапорці:
  -lang en|uk   мова звіту (типово en)

Помилка у файлі (епізод чи сторона, яких у справі немає, невідомий код відмови чи
попередження, налаштування, якого немає) — окрема помилка, а не мовчазний успіх.
Файл справ, що не є тестом, названо таким.

Код завершення: 0 — усі тести пройшли; 1 — тест не пройшов; 2 — помилка виклику
або в ТЕЦІ немає тестів.
`

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("lawcheck", flag.ContinueOnError)
	fs.SetOutput(stderr)
	lang := fs.String("lang", "en", "language of the report: en or uk")
	fs.Usage = func() {}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			if cli.LangOf(args) == "uk" {
				fmt.Fprint(stdout, usageUK)
			} else {
				fmt.Fprint(stdout, usage)
			}
			return 0
		}
		fmt.Fprintln(stderr, "run lawcheck -help for how to use it")
		return 2
	}
	if *lang != "en" && *lang != "uk" {
		fmt.Fprintf(stderr, "lawcheck: -lang: %q is not en or uk\n", *lang)
		return 2
	}
	uk := *lang == "uk"
	var (
		fsys  = lawcase.Library()
		where = "the library's own cases"
	)
	switch fs.NArg() {
	case 0:
	case 1:
		dir := fs.Arg(0)
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			if uk {
				fmt.Fprintf(stderr, "lawcheck: %s — не тека (lawcheck -help пояснює, як запускати)\n", dir)
			} else {
				fmt.Fprintf(stderr, "lawcheck: %s is not a folder (lawcheck -help for how to run it)\n", dir)
			}
			return 2
		}
		fsys, where = os.DirFS(dir), dir
	default:
		if uk {
			fmt.Fprintln(stderr, "lawcheck: щонайбільше одна тека (lawcheck -help пояснює, як запускати)")
		} else {
			fmt.Fprintln(stderr, "lawcheck: one folder at most (lawcheck -help for how to run it)")
		}
		return 2
	}
	return check(fsys, where, uk, stdout, stderr)
}

func check(fsys fs.FS, where string, uk bool, stdout, stderr io.Writer) int {
	outs, err := lawcase.CheckDir(fsys, ".")
	if err != nil {
		fmt.Fprintln(stderr, "lawcheck:", err)
		return 2
	}
	if len(outs) == 0 {
		if uk {
			fmt.Fprintf(stderr, "lawcheck: у %s немає юридичних тестів *.json\n", where)
		} else {
			fmt.Fprintf(stderr, "lawcheck: no *.json legal cases in %s\n", where)
		}
		return 2
	}
	failed := 0
	for _, o := range outs {
		mark, diffs := "PASS", o.Diffs
		if uk {
			mark, diffs = "ТАК ", o.DiffsUK
		}
		if !o.Pass {
			mark = "FAIL"
			if uk {
				mark = "НІ  "
			}
			failed++
		}
		fmt.Fprintf(stdout, "%s  %s  %s  [%s]\n", mark, o.File, o.Name, o.Rule)
		for _, d := range diffs {
			fmt.Fprintf(stdout, "        %s\n", d)
		}
	}
	if uk {
		fmt.Fprintf(stdout, "\nпройшли: %d, не пройшли: %d\n", len(outs)-failed, failed)
	} else {
		fmt.Fprintf(stdout, "\n%d passed, %d failed\n", len(outs)-failed, failed)
	}
	if failed > 0 {
		return 1
	}
	return 0
}
