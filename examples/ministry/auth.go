package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"
	"sync/atomic"
)

// minTokenLen is the shortest token the service accepts in its tokens
// file: 16 characters, so that a token cannot be guessed by trying.
const minTokenLen = 16

// Tokens are the bearer tokens the service accepts, kept as SHA-256
// hashes: a request's token is hashed and compared with every one in
// constant time, so neither the tokens nor how much of one a guess got
// right can be read from the service's memory or its timing. The set can
// be replaced while the service runs (SIGHUP reloads the file).
type Tokens struct {
	hashes atomic.Pointer[[][sha256.Size]byte]
}

// LoadTokens reads a tokens file: one token per line; blank lines and
// lines starting with # are skipped. A file with no token, or with a
// token shorter than 16 characters or holding spaces, is an error.
func LoadTokens(path string) (*Tokens, error) {
	t := &Tokens{}
	if err := t.Reload(path); err != nil {
		return nil, err
	}
	return t, nil
}

// Reload replaces the tokens with those of the file; on an error the
// tokens stay as they were.
func (t *Tokens) Reload(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	hashes, err := parseTokens(data)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	t.hashes.Store(&hashes)
	return nil
}

func parseTokens(data []byte) ([][sha256.Size]byte, error) {
	var out [][sha256.Size]byte
	var errs []error
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case len(line) < minTokenLen:
			errs = append(errs, fmt.Errorf("line %d: a token needs at least %d characters", n, minTokenLen))
		case strings.ContainsAny(line, " \t"):
			errs = append(errs, fmt.Errorf("line %d: a token holds no spaces", n))
		default:
			out = append(out, sha256.Sum256([]byte(line)))
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, err)
	}
	if len(errs) == 0 && len(out) == 0 {
		errs = append(errs, errors.New("no token in the file"))
	}
	return out, errors.Join(errs...)
}

// Len is the number of tokens.
func (t *Tokens) Len() int {
	if t == nil || t.hashes.Load() == nil {
		return 0
	}
	return len(*t.hashes.Load())
}

// allows reports whether r carries one of the tokens.
func (t *Tokens) allows(r *http.Request) bool {
	h := r.Header.Get("Authorization")
	scheme, token, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" {
		return false
	}
	sum := sha256.Sum256([]byte(strings.TrimSpace(token)))
	match := 0
	for _, want := range *t.hashes.Load() {
		match |= subtle.ConstantTimeCompare(sum[:], want[:])
	}
	return match == 1
}
