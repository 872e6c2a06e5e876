// Command scale measures the whole-register pipeline: case tables of n
// generated cases → every claim read, validated and decided →
// decisions.csv, on all cores and on one. Each run is a child process, so
// its peak resident memory is its own.
//
//	go run ./examples/scale -n 1000000 -count 5 | tee scale.txt
//	go run golang.org/x/perf/cmd/benchstat@latest scale.txt
//
// Each of -count rounds runs the pipeline on all cores and on one, back to
// back, in an order that reverses every round; the speed-up is taken
// within each round and its median reported, so that a machine whose
// speed drifts between minutes does not decide it.
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

// help is the benchmark's -help.
var help = cli.Help{
	Name:  "scale",
	Usage: "[flags]",
	About: `scale measures the library on generated registers: by default the
whole-register pipeline (case tables read and validated, every claim decided,
decisions.csv written) on a million cases, on all cores and on one, each run
in a child process so that its peak memory is its own; with -paths, the real
aidcalc program on every input form to every output format at several sizes.
Run it from the repository's root.`,
	Examples: []string{
		"go run ./examples/scale -n 1000000 -count 3 | tee scale.txt   # the pipeline, three rounds",
		"go run ./examples/scale -paths                                 # every input and output, 10k/100k/1M",
		"go run ./examples/scale -paths -sizes 10000,100000              # the same, smaller",
	},
	Exit: "0 the measurements ran; 1 a run failed; 2 a usage error.",
}

func main() {
	flag.CommandLine.Init("scale", flag.ContinueOnError)
	n := flag.Int("n", 1000000, "cases to generate")
	seed := flag.Uint64("seed", 1, "generator seed")
	count := flag.Int("count", 1, "runs of each configuration")
	dir := flag.String("dir", "", "folder for the generated tables (default under the temporary directory)")
	child := flag.Bool("child", false, "internal: run the pipeline in this process")
	cpuprofile := flag.String("cpuprofile", "", "with -child: write a CPU profile here")
	window := flag.Int("window", 0, "cases in flight in each pipeline (0: the batch's default, 64 per core)")
	paths := flag.Bool("paths", false, "run aidcalc on every input form (JSON array on one line, pretty, JSON Lines, CSV tables) to every output format (table, jsonl, csv) at each of -sizes")
	sizes := flag.String("sizes", "10000,100000,1000000", "with -paths: the register sizes, comma-separated")
	ceiling := flag.Bool("ceiling", false, "only measure how much faster all cores run independent arithmetic than one (the machine's own limit)")
	if isHelp, err := cli.Parse(flag.CommandLine, os.Args[1:], help, os.Stdout); isHelp {
		os.Exit(0)
	} else if err != nil {
		os.Exit(2)
	}
	if *paths {
		ns, err := parseSizes(*sizes)
		if err == nil {
			d := *dir
			if d == "" {
				d = filepath.Join(os.TempDir(), "captivity-paths")
			}
			err = runPaths(d, ns, *seed)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "scale:", err)
			os.Exit(1)
		}
		return
	}
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
	if *child {
		if *cpuprofile != "" {
			f, err := os.Create(*cpuprofile)
			if err == nil {
				_ = pprof.StartCPUProfile(f)
				code := runChild(*dir, *window)
				pprof.StopCPUProfile()
				f.Close()
				os.Exit(code)
			}
		}
		os.Exit(runChild(*dir, *window))
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
	procsList := []int{runtime.NumCPU(), 1}
	if runtime.NumCPU() == 1 {
		procsList = []int{1}
	}
	all := procsList[0]
	// The runs of one round follow each other closely, in an order that
	// reverses every round, so that a machine whose speed drifts (a shared
	// virtual machine) weighs on both sides of the comparison alike. The
	// speed-up is taken within a round, and its median reported.
	times := map[int][]float64{}
	peak := map[int]float64{}
	var speedups []float64
	for i := 0; i < *count; i++ {
		round := map[int]float64{}
		for j := range procsList {
			procs := procsList[j]
			if i%2 == 1 {
				procs = procsList[len(procsList)-1-j]
			}
			ns, rss, cases, err := spawn(*dir, procs, *window)
			if err != nil {
				fmt.Fprintln(os.Stderr, "scale:", err)
				os.Exit(1)
			}
			name := fmt.Sprintf("BenchmarkPipeline/cases=%d-%d", cases, procs)
			fmt.Printf("%s\t1\t%.0f ns/op\t%.1f peak-RSS-MiB\t%.0f cases/s\n", name, ns, rss, float64(cases)/(ns/1e9))
			round[procs] = ns
			times[procs] = append(times[procs], ns)
			peak[procs] = max(peak[procs], rss)
		}
		if all != 1 {
			speedups = append(speedups, round[1]/round[all])
		}
	}
	fmt.Fprintf(os.Stderr, "\nscale: %d rounds, %d cases\n", *count, *n)
	for _, procs := range procsList {
		fmt.Fprintf(os.Stderr, "  %d core(s): best %6.2f s, median %6.2f s, peak RSS %.1f MiB\n",
			procs, slices.Min(times[procs])/1e9, median(times[procs])/1e9, peak[procs])
	}
	if len(speedups) > 0 {
		fmt.Fprintf(os.Stderr, "  %d cores are %.2fx faster than one (median of the rounds)\n", all, median(speedups))
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
func spawn(dir string, procs, window int) (ns, rssMiB float64, cases int, err error) {
	exe, err := os.Executable()
	if err != nil {
		return 0, 0, 0, err
	}
	cmd := exec.Command(exe, "-dir", dir, "-child", "-window", strconv.Itoa(window))
	cmd.Env = append(os.Environ(), "GOMAXPROCS="+strconv.Itoa(procs))
	cmd.Stderr = os.Stderr
	start := time.Now()
	out, err := cmd.Output()
	elapsed := time.Since(start)
	if err != nil {
		return 0, 0, 0, fmt.Errorf("pipeline with %d cores: %w", procs, err)
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

func runChild(dir string, window int) int {
	cli.TuneGC()
	src, closeAll, err := cli.OpenTables(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "scale:", err)
		return 1
	}
	defer closeAll()
	st, err := pipeline.Run(context.Background(), src, io.Discard, pipeline.Config{
		RuleSet: aid.Default(), AsOf: civil.MustNew(2026, 11, 28), Window: window,
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
	fmt.Fprintf(os.Stderr, "scale: live heap after the run %.1f MiB, heap high-water %.1f MiB (HeapSys)\n",
		float64(ms.HeapAlloc)/(1<<20), float64(ms.HeapSys)/(1<<20))
	fmt.Println(st.Cases)
	return 0
}
