// Command scale measures the whole-register pipeline: case tables of n
// generated cases → every claim decided → decisions.csv, against the same
// pipeline with the rules replaced by a pass-through (read, validate and
// write only), on one core and on all of them. Each run is a child
// process, so its peak resident memory is its own.
//
//	go run ./examples/scale -n 1000000 -count 5 | tee scale.txt
//	go run golang.org/x/perf/cmd/benchstat@latest scale.txt
//
// The lines are in Go benchmark format (ns/op is the whole run), so
// benchstat compares runs and machines. The generated tables are kept in
// -dir (default: a folder under the system's temporary directory) and
// reused for the same -n and -seed.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"syscall"
	"time"

	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/internal/cli"
	"github.com/uacaptivity/captivity/internal/pipeline"
	"github.com/uacaptivity/captivity/internal/synth"
)

func main() {
	n := flag.Int("n", 1000000, "cases to generate")
	seed := flag.Uint64("seed", 1, "generator seed")
	count := flag.Int("count", 1, "runs of each configuration")
	dir := flag.String("dir", "", "folder for the generated tables (default under the temporary directory)")
	child := flag.String("child", "", "internal: run one pipeline in this process (rules or baseline)")
	cpuprofile := flag.String("cpuprofile", "", "with -child: write a CPU profile here")
	flag.Parse()
	if *dir == "" {
		*dir = filepath.Join(os.TempDir(), fmt.Sprintf("captivity-scale-%d-%d", *n, *seed))
	}
	if *child != "" {
		if *cpuprofile != "" {
			f, err := os.Create(*cpuprofile)
			if err == nil {
				_ = pprof.StartCPUProfile(f)
				code := runChild(*dir, *child)
				pprof.StopCPUProfile()
				f.Close()
				os.Exit(code)
			}
		}
		os.Exit(runChild(*dir, *child))
	}
	if _, err := os.Stat(filepath.Join(*dir, "events.csv")); err != nil {
		fmt.Fprintf(os.Stderr, "scale: generating %d cases into %s\n", *n, *dir)
		start := time.Now()
		if err := synth.WriteTables(*dir, *seed, *n); err != nil {
			fmt.Fprintln(os.Stderr, "scale:", err)
			os.Exit(1)
		}
		fmt.Fprintf(os.Stderr, "scale: generated in %s\n", time.Since(start).Round(time.Millisecond))
	}
	fmt.Printf("goos: %s\ngoarch: %s\npkg: github.com/uacaptivity/captivity/examples/scale\ncpu: %d cores\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU())
	type result struct{ ns, rss float64 }
	best := map[string]result{}
	procsList := []int{1, runtime.NumCPU()}
	if runtime.NumCPU() == 1 {
		procsList = []int{1}
	}
	for i := 0; i < *count; i++ {
		for _, mode := range []string{"baseline", "rules"} {
			for _, procs := range procsList {
				ns, rss, cases, err := spawn(*dir, mode, procs)
				if err != nil {
					fmt.Fprintln(os.Stderr, "scale:", err)
					os.Exit(1)
				}
				name := fmt.Sprintf("BenchmarkPipeline/cases=%d/mode=%s-%d", cases, mode, procs)
				fmt.Printf("%s\t1\t%.0f ns/op\t%.1f peak-RSS-MiB\t%.0f cases/s\n", name, ns, rss, float64(cases)/(ns/1e9))
				key := mode + strconv.Itoa(procs)
				if b, ok := best[key]; !ok || ns < b.ns {
					best[key] = result{ns, rss}
				}
			}
		}
	}
	all := strconv.Itoa(procsList[len(procsList)-1])
	r, b := best["rules"+all], best["baseline"+all]
	fmt.Fprintf(os.Stderr, "\nscale: best of %d, %d cases, %s cores\n", *count, *n, all)
	fmt.Fprintf(os.Stderr, "  rules:    %6.2f s, peak RSS %.1f MiB\n", r.ns/1e9, r.rss)
	fmt.Fprintf(os.Stderr, "  baseline: %6.2f s, peak RSS %.1f MiB\n", b.ns/1e9, b.rss)
	fmt.Fprintf(os.Stderr, "  the rules add %.0f%% to the baseline (target at most 30%%)\n", (r.ns/b.ns-1)*100)
	if one, ok := best["rules1"]; ok && all != "1" {
		fmt.Fprintf(os.Stderr, "  %s cores are %.2fx faster than one (target at least 1.7x)\n", all, one.ns/r.ns)
	}
}

// spawn runs one pipeline in a child process with GOMAXPROCS=procs and
// returns its wall time, peak RSS and case count.
func spawn(dir, mode string, procs int) (ns, rssMiB float64, cases int, err error) {
	exe, err := os.Executable()
	if err != nil {
		return 0, 0, 0, err
	}
	cmd := exec.Command(exe, "-dir", dir, "-child", mode)
	cmd.Env = append(os.Environ(), "GOMAXPROCS="+strconv.Itoa(procs))
	cmd.Stderr = os.Stderr
	start := time.Now()
	out, err := cmd.Output()
	elapsed := time.Since(start)
	if err != nil {
		return 0, 0, 0, fmt.Errorf("%s with %d cores: %w", mode, procs, err)
	}
	cases, _ = strconv.Atoi(string(trim(out)))
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rssMiB = float64(ru.Maxrss) / 1024 // Linux reports KiB
	}
	return float64(elapsed.Nanoseconds()), rssMiB, cases, nil
}

func trim(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == ' ') {
		b = b[:len(b)-1]
	}
	return b
}

func runChild(dir, mode string) int {
	cli.TuneGC()
	src, closeAll, err := cli.OpenTables(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "scale:", err)
		return 1
	}
	defer closeAll()
	st, err := pipeline.Run(context.Background(), src, io.Discard, pipeline.Config{
		RuleSet: aid.Default(), AsOf: civil.MustNew(2026, 11, 28), PassThrough: mode == "baseline",
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "scale:", err)
		return 1
	}
	if st.Failed > 0 {
		fmt.Fprintf(os.Stderr, "scale: %d cases failed\n", st.Failed)
		return 1
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(os.Stderr, "scale: %s: live heap after the run %.1f MiB, heap high-water %.1f MiB (HeapSys)\n",
		mode, float64(ms.HeapAlloc)/(1<<20), float64(ms.HeapSys)/(1<<20))
	fmt.Println(st.Cases)
	return 0
}
