// Command scale measures the whole-register pipeline: case tables of n
// generated cases → every claim decided → decisions.csv, against the same
// pipeline with the rules replaced by a pass-through (read, validate and
// write only), on one core and on all of them. Each run is a child
// process, so its peak resident memory is its own.
//
//	go run ./examples/scale -n 1000000 -count 5 | tee scale.txt
//	go run golang.org/x/perf/cmd/benchstat@latest scale.txt
//
// Each of -count rounds runs the four pipelines back to back, in an order
// that reverses every round; the ratios (rules against baseline, one core
// against all) are taken within each round and their median reported, so
// that a machine whose speed drifts between minutes does not decide them.
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
	"slices"
	"strconv"
	"sync"
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
	window := flag.Int("window", 0, "cases in flight in each pipeline (0: the batch's default, 64 per core)")
	ceiling := flag.Bool("ceiling", false, "only measure how much faster all cores run independent arithmetic than one (the machine's own limit)")
	flag.Parse()
	if *ceiling {
		for _, k := range []struct {
			name string
			run  func(g int) uint64
		}{{"arithmetic", arithmetic}, {"memory streaming", streaming}} {
			one, all := parallel(1, k.run), parallel(runtime.NumCPU(), k.run)
			fmt.Printf("scale: %d goroutines of %s: %s on 1 core, %s on %d: %.2fx\n", runtime.NumCPU(), k.name,
				one.Round(time.Millisecond), all.Round(time.Millisecond), runtime.NumCPU(), float64(one)/float64(all))
		}
		return
	}
	if *dir == "" {
		*dir = filepath.Join(os.TempDir(), fmt.Sprintf("captivity-scale-%d-%d", *n, *seed))
	}
	if *child != "" {
		if *cpuprofile != "" {
			f, err := os.Create(*cpuprofile)
			if err == nil {
				_ = pprof.StartCPUProfile(f)
				code := runChild(*dir, *child, *window)
				pprof.StopCPUProfile()
				f.Close()
				os.Exit(code)
			}
		}
		os.Exit(runChild(*dir, *child, *window))
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
	all := procsList[len(procsList)-1]
	// The runs of one round follow each other closely, in an order that
	// reverses every round, so that a machine whose speed drifts (a shared
	// virtual machine) weighs on both sides of each comparison alike. The
	// ratios are taken within a round, and their median reported.
	type run struct {
		mode  string
		procs int
	}
	order := []run{{"baseline", all}, {"rules", all}}
	if all != 1 {
		order = append(order, run{"rules", 1}, run{"baseline", 1})
	}
	var ratios, speedups []float64
	for i := 0; i < *count; i++ {
		round := map[string]float64{}
		for j := range order {
			r := order[j]
			if i%2 == 1 {
				r = order[len(order)-1-j]
			}
			ns, rss, cases, err := spawn(*dir, r.mode, r.procs, *window)
			if err != nil {
				fmt.Fprintln(os.Stderr, "scale:", err)
				os.Exit(1)
			}
			name := fmt.Sprintf("BenchmarkPipeline/cases=%d/mode=%s-%d", cases, r.mode, r.procs)
			fmt.Printf("%s\t1\t%.0f ns/op\t%.1f peak-RSS-MiB\t%.0f cases/s\n", name, ns, rss, float64(cases)/(ns/1e9))
			key := r.mode + strconv.Itoa(r.procs)
			round[key] = ns
			if b, ok := best[key]; !ok || ns < b.ns {
				best[key] = result{ns, rss}
			}
		}
		key := strconv.Itoa(all)
		ratios = append(ratios, round["rules"+key]/round["baseline"+key])
		if all != 1 {
			speedups = append(speedups, round["rules1"]/round["rules"+key])
		}
	}
	r, b := best["rules"+strconv.Itoa(all)], best["baseline"+strconv.Itoa(all)]
	fmt.Fprintf(os.Stderr, "\nscale: %d rounds, %d cases, %d cores\n", *count, *n, all)
	fmt.Fprintf(os.Stderr, "  rules:    best %6.2f s, peak RSS %.1f MiB\n", r.ns/1e9, r.rss)
	fmt.Fprintf(os.Stderr, "  baseline: best %6.2f s, peak RSS %.1f MiB\n", b.ns/1e9, b.rss)
	fmt.Fprintf(os.Stderr, "  the rules add %.0f%% to the baseline (median of the rounds; best against best %.0f%%; target at most 30%%)\n",
		(median(ratios)-1)*100, (r.ns/b.ns-1)*100)
	if len(speedups) > 0 {
		one := best["rules1"]
		fmt.Fprintf(os.Stderr, "  %d cores are %.2fx faster than one (median of the rounds; best against best %.2fx; target at least 1.7x)\n",
			all, median(speedups), one.ns/r.ns)
	}
}

// parallel times one goroutine per core running work with
// GOMAXPROCS=procs: with work pure arithmetic, how much all cores can give
// at best on this machine; with work streaming through memory, how much
// they give when memory is the limit.
func parallel(procs int, work func(g int) uint64) time.Duration {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
	start := time.Now()
	var wg sync.WaitGroup
	sums := make([]uint64, runtime.NumCPU())
	for g := range sums {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sums[g] = work(g)
		}()
	}
	wg.Wait()
	return time.Since(start)
}

func arithmetic(g int) uint64 {
	x := uint64(g + 1)
	for i := 0; i < 1_500_000_000; i++ {
		x = x*6364136223846793005 + 1442695040888963407
		x ^= x >> 17
	}
	return x
}

func streaming(g int) uint64 {
	buf := make([]uint64, 8<<20) // 64 MiB, far past the caches
	var s uint64
	for r := 0; r < 30; r++ {
		for i := 0; i < len(buf); i += 8 { // one word per 64-byte line
			buf[i] += uint64(g)
			s += buf[i]
		}
	}
	return s
}

// median returns the middle value of xs (the mean of the middle two when
// their number is even).
func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// spawn runs one pipeline in a child process with GOMAXPROCS=procs and
// returns its wall time, peak RSS and case count.
func spawn(dir, mode string, procs, window int) (ns, rssMiB float64, cases int, err error) {
	exe, err := os.Executable()
	if err != nil {
		return 0, 0, 0, err
	}
	cmd := exec.Command(exe, "-dir", dir, "-child", mode, "-window", strconv.Itoa(window))
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

func runChild(dir, mode string, window int) int {
	cli.TuneGC()
	src, closeAll, err := cli.OpenTables(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "scale:", err)
		return 1
	}
	defer closeAll()
	st, err := pipeline.Run(context.Background(), src, io.Discard, pipeline.Config{
		RuleSet: aid.Default(), AsOf: civil.MustNew(2026, 11, 28), PassThrough: mode == "baseline",
		Window: window,
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
