// Command lawcheck runs a folder of legal test cases written as data (see
// package lawcase) and prints pass or fail for each, with the differences.
//
//	go run ./examples/lawcheck                  # the library's own cases, lawcase/testdata
//	go run ./examples/lawcheck path/to/folder   # yours
//
// It exits 1 when a case fails.
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/uacaptivity/captivity/lawcase"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	dir := "lawcase/testdata"
	switch len(args) {
	case 0:
	case 1:
		dir = args[0]
	default:
		fmt.Fprintln(stderr, "usage: lawcheck [folder]")
		return 2
	}
	outs, err := lawcase.CheckDir(os.DirFS(dir), ".")
	if err != nil {
		fmt.Fprintln(stderr, "lawcheck:", err)
		return 2
	}
	if len(outs) == 0 {
		fmt.Fprintf(stderr, "lawcheck: no *.json legal cases in %s\n", dir)
		return 2
	}
	failed := 0
	for _, o := range outs {
		mark := "PASS"
		if !o.Pass {
			mark = "FAIL"
			failed++
		}
		fmt.Fprintf(stdout, "%s  %s  %s  [%s]\n", mark, o.File, o.Name, o.Rule)
		for _, d := range o.Diffs {
			fmt.Fprintf(stdout, "        %s\n", d)
		}
	}
	fmt.Fprintf(stdout, "\n%d passed, %d failed\n", len(outs)-failed, failed)
	if failed > 0 {
		return 1
	}
	return 0
}
