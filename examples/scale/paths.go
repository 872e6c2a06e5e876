package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/uacaptivity/captivity/internal/synth"
)

// inputForms are the inputs a register comes in: the three JSON forms
// and the CSV case tables.
var inputForms = []string{synth.ArrayOneLine, synth.ArrayPretty, synth.JSONLines, "csv-tables"}

// outputForms are aidcalc's output formats.
var outputForms = []string{"table", "jsonl", "csv"}

// runPaths runs the real aidcalc program on generated registers of each
// size in every input form to every output format, and prints the time
// per case and the peak resident memory of each run, then how the time
// per case at the largest size compares with the smallest (linear time
// keeps it within 1.25x).
func runPaths(dir string, sizes []int, seed uint64) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	exe := filepath.Join(dir, "aidcalc")
	build := exec.Command("go", "build", "-o", exe, "./examples/aidcalc")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("building aidcalc (run this from the repository's root): %w", err)
	}
	type key struct{ in, out string }
	perCase := map[key][]float64{}
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "cases\tinput\toutput\ttime/case\ttotal\tpeak RSS\twritten\t")
	for _, n := range sizes {
		base := filepath.Join(dir, fmt.Sprintf("n%d-s%d", n, seed))
		inputs, err := generate(base, n, seed)
		if err != nil {
			return err
		}
		for _, in := range inputForms {
			for _, out := range outputForms {
				target := filepath.Join(base, "out-"+in+"-"+out)
				os.RemoveAll(target)
				if out == "jsonl" {
					target += ".jsonl"
				}
				args := []string{"-in", inputs[in], "-format", out, "-out", target, "-as-of", "2026-11-28", "-quiet"}
				cmd := exec.Command(exe, args...)
				cmd.Stderr = os.Stderr
				// The previous run's output goes to disk first, so that its
				// write-back does not slow this run down.
				syscall.Sync()
				start := time.Now()
				if err := cmd.Run(); err != nil {
					return fmt.Errorf("aidcalc %s: %w", strings.Join(args, " "), err)
				}
				elapsed := time.Since(start)
				rss := 0.0
				if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
					rss = float64(ru.Maxrss) / 1024 // KiB on Linux
				}
				us := float64(elapsed.Microseconds()) / float64(n)
				perCase[key{in, out}] = append(perCase[key{in, out}], us)
				written := sizeOf(target)
				fmt.Fprintf(tw, "%d\t%s\t%s\t%.1f µs\t%.2f s\t%.0f MiB\t%.0f MB\t\n", n, in, out, us, elapsed.Seconds(), rss, float64(written)/1e6)
				os.RemoveAll(target)
			}
		}
		tw.Flush()
	}
	if len(sizes) > 1 {
		fmt.Printf("\ntime per case at %d cases against %d (linear: within 1.25x)\n", sizes[len(sizes)-1], sizes[0])
		for _, in := range inputForms {
			for _, out := range outputForms {
				t := perCase[key{in, out}]
				fmt.Printf("  %-15s → %-5s %.2fx\n", in, out, t[len(t)-1]/t[0])
			}
		}
	}
	return nil
}

// sizeOf is the size of the file at path, or of the files in the folder.
func sizeOf(path string) int64 {
	var n int64
	filepath.WalkDir(path, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}

// generate writes the register of n cases in every input form under
// base, unless it is there, and returns the path of each.
func generate(base string, n int, seed uint64) (map[string]string, error) {
	paths := map[string]string{"csv-tables": filepath.Join(base, "tables")}
	for _, f := range []string{synth.ArrayOneLine, synth.ArrayPretty, synth.JSONLines} {
		paths[f] = filepath.Join(base, f+".json")
	}
	if _, err := os.Stat(filepath.Join(base, "done")); err == nil {
		return paths, nil
	}
	fmt.Fprintf(os.Stderr, "scale: generating %d cases in every input form into %s\n", n, base)
	if err := synth.WriteTables(paths["csv-tables"], seed, n); err != nil {
		return nil, err
	}
	for _, f := range []string{synth.ArrayOneLine, synth.ArrayPretty, synth.JSONLines} {
		if err := synth.WriteJSON(paths[f], f, seed, n); err != nil {
			return nil, err
		}
	}
	return paths, os.WriteFile(filepath.Join(base, "done"), nil, 0o644)
}

func parseSizes(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("-sizes: %q is not a positive count", f)
		}
		out = append(out, n)
	}
	return out, nil
}
