// Command caseworker is a web page for the caseworkers and lawyers of an
// NGO: upload a case workbook (the template aidcalc -template writes, also
// at /template.xlsx), a zip of case tables or a JSON case file, or fill
// in one case in a form, and see for every case its status on a chosen
// day with its ground, every claim's decision with the amount and the
// reasoning (each step with its citation and the [U] mark of an
// assumption), what is still open, the screening and projection of a
// case the Commission has not decided, and the calendar of what comes
// next; download the results as XLSX, CSV, JSON Lines and the calendar
// as .ics. Ukrainian by default, English by a switch.
//
//	go run ./examples/caseworker                  # http://127.0.0.1:8090
//	go run ./examples/caseworker -tokens tokens.txt -addr 0.0.0.0:8090
//
// Nothing is stored on the server: the cases live for one request, and
// the results page carries them back for a language switch or a
// download. The page runs no script but its own file (a Content-Security-
// Policy says so), every form is protected against cross-site requests,
// uploads are limited, and the log holds no case data. Without -tokens it
// listens only on loopback; with it, a caseworker signs in with a token.
package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/uacaptivity/captivity/internal/cli"
)

var help = cli.Help{
	Name:  "caseworker",
	Usage: "[flags]",
	About: `caseworker serves a web page for caseworkers: upload a case workbook, a zip of
case tables or a JSON case file, or fill in one case, and see each case's
status, every decision with its amount and reasoning, what is still open, the
screening and projection of an open case and the calendar of what comes next;
download the results. Nothing is stored on the server.`,
	Examples: []string{
		"caseworker                                  # http://127.0.0.1:8090, for this machine only",
		"caseworker -tokens tokens.txt -addr 0.0.0.0:8090   # for a team: each signs in with a token",
	},
	Exit: "0 after SIGINT or SIGTERM; 1 the server failed; 2 a usage error.",
	UK: &cli.HelpUK{
		About: `caseworker — вебсторінка для працівників, що ведуть справи: завантажте книгу справ,
архів таблиць чи файл JSON або заповніть одну справу й побачите статус кожної справи,
кожне рішення із сумою та обґрунтуванням, що ще можна отримати, оцінку та прогноз для
невирішеної справи і календар; завантажте результати. На сервері нічого не зберігається.`,
		Examples: []string{
			"caseworker                                  # http://127.0.0.1:8090, лише для цього комп'ютера",
			"caseworker -tokens токени.txt -addr 0.0.0.0:8090   # для команди: вхід за токеном",
		},
		Exit:  "0 — після SIGINT або SIGTERM; 1 — збій сервера; 2 — помилка виклику.",
		Flags: map[string]string{"addr": "адреса, на якій слухати", "tokens": "файл токенів доступу, по одному в рядку; без нього — лише локально", "max-upload": "найбільший завантажуваний файл, у байтах", "insecure-open": "дозволити слухати не лише локально без -tokens"},
	},
}

func main() { os.Exit(run(os.Args[1:])) }

func run(args []string) int {
	fs := flag.NewFlagSet("caseworker", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:8090", "address to listen on")
	tokens := fs.String("tokens", "", "file of access tokens, one a line (16 characters or more); without it the page is open and loopback only")
	maxUpload := fs.Int64("max-upload", 8<<20, "largest upload, in bytes")
	open := fs.Bool("insecure-open", false, "allow listening beyond loopback without -tokens")
	if isHelp, err := cli.Parse(fs, args, help, os.Stdout); isHelp {
		return 0
	} else if err != nil {
		return 2
	}
	log := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	cfg := Config{MaxUpload: *maxUpload, Log: log}
	if *tokens != "" {
		hs, err := readTokens(*tokens)
		if err != nil {
			fmt.Fprintln(os.Stderr, "caseworker:", err)
			return 2
		}
		cfg.Tokens = hs
	} else if !*open && !loopback(*addr) {
		fmt.Fprintf(os.Stderr, "caseworker: -addr %s is not a loopback address: give -tokens FILE, or -insecure-open\n", *addr)
		return 2
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "caseworker:", err)
		return 1
	}
	mode := "open, this machine only"
	if len(cfg.Tokens) > 0 {
		mode = fmt.Sprintf("access tokens (%d)", len(cfg.Tokens))
	}
	log.Info("listening", "url", "http://"+ln.Addr().String(), "auth", mode)
	srv := &http.Server{Handler: newApp(cfg), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 60 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 120 * time.Second, MaxHeaderBytes: 64 << 10}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		log.Error("serve", "err", err.Error())
		return 1
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return 1
	}
	return 0
}

// readTokens reads a tokens file: one token a line, blank lines and #
// comments skipped, each at least 16 characters; kept as hashes.
func readTokens(path string) ([][sha256.Size]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out [][sha256.Size]byte
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if len(line) < 16 {
			return nil, fmt.Errorf("%s: line %d: a token needs at least 16 characters", path, n)
		}
		out = append(out, sha256.Sum256([]byte(line)))
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no token in the file", path)
	}
	return out, sc.Err()
}

func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	return host == "localhost" || (ip != nil && ip.IsLoopback())
}
