package aid

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/uacaptivity/captivity/internal/enum"
	"github.com/uacaptivity/captivity/law"
)

// ErrMoney is wrapped by every error about a malformed amount.
var ErrMoney = errors.New("invalid amount")

// Money is an amount of hryvnias (UAH) with exactly two decimals
// (kopiykas). It is immutable: every method returns a new value. The zero
// Money is UAH 0.00. Money never passes through a float: construct it from
// a string ([ParseMoney]) or whole kopiykas ([Kopiykas]). Compare with
// [Money.Cmp] or [Money.Equal], not ==.
type Money struct {
	d decimal.Decimal
}

var hundred = decimal.NewFromInt(100)

// Kopiykas returns the amount of n kopiykas (n/100 UAH).
func Kopiykas(n int64) Money { return Money{d: decimal.New(n, -2)} }

// UAH returns the amount of n whole hryvnias.
func UAH(n int64) Money { return Money{d: decimal.NewFromInt(n)} }

// ParseMoney reads an amount written with a dot and at most two decimals:
// "100000", "100000.5", "100000.00", "-1.25". It rejects more decimals
// (no rounding happens here), exponents, spaces and thousands separators.
func ParseMoney(s string) (Money, error) {
	body := strings.TrimPrefix(s, "-")
	whole, frac, hasDot := strings.Cut(body, ".")
	if whole == "" || strings.Trim(whole, "0123456789") != "" || len(whole) > 15 ||
		(hasDot && (frac == "" || len(frac) > 2 || strings.Trim(frac, "0123456789") != "")) {
		return Money{}, fmt.Errorf("%q is not UAH with a dot and at most two decimals: %w", clip(s), ErrMoney)
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return Money{}, fmt.Errorf("%q: %w", clip(s), ErrMoney)
	}
	return Money{d: d}, nil
}

// MustParseMoney is like [ParseMoney] but panics; for tests and literal
// tables only.
func MustParseMoney(s string) Money {
	m, err := ParseMoney(s)
	if err != nil {
		panic(err)
	}
	return m
}

func clip(s string) string {
	if len(s) > 24 {
		return s[:24] + "…"
	}
	return s
}

// String returns the amount with two decimals and a dot: "100000.00".
func (m Money) String() string {
	var buf [24]byte
	return string(m.Append(buf[:0]))
}

// Append appends the amount as [Money.String] writes it. Amounts in whole
// kopiykas of up to 16 digits, which is every amount the rules make, are
// written directly; any other goes through decimal's StringFixed(2),
// which rounds half away from zero.
func (m Money) Append(b []byte) []byte {
	exp := m.d.Exponent()
	if exp < -2 || exp > 0 || m.d.NumDigits() > 16 {
		return append(b, m.d.StringFixed(2)...)
	}
	k := m.d.CoefficientInt64()
	for ; exp > -2; exp-- {
		k *= 10
	}
	if k < 0 {
		b = append(b, '-')
		k = -k
	}
	b = strconv.AppendInt(b, k/100, 10)
	return append(b, '.', byte('0'+k%100/10), byte('0'+k%10))
}

// Kopiykas returns the amount in kopiykas.
func (m Money) Kopiykas() int64 { return m.d.Mul(hundred).IntPart() }

// Add returns m + o.
func (m Money) Add(o Money) Money { return Money{d: m.d.Add(o.d)} }

// Sub returns m − o.
func (m Money) Sub(o Money) Money { return Money{d: m.d.Sub(o.d)} }

// Times returns m × n.
func (m Money) Times(n int) Money { return Money{d: m.d.Mul(decimal.NewFromInt(int64(n)))} }

// Cmp returns -1, 0 or +1 as m is less than, equal to or greater than o.
func (m Money) Cmp(o Money) int { return m.d.Cmp(o.d) }

// Equal reports whether m and o are the same amount.
func (m Money) Equal(o Money) bool { return m.d.Equal(o.d) }

// IsZero reports whether m is UAH 0.00.
func (m Money) IsZero() bool { return m.d.IsZero() }

// Sign returns -1, 0 or +1.
func (m Money) Sign() int { return m.d.Sign() }

// MarshalText writes [Money.String]; JSON carries amounts as strings so
// no reader turns them into floats.
func (m Money) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText reads what [ParseMoney] reads.
func (m *Money) UnmarshalText(b []byte) error {
	v, err := ParseMoney(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// Rounding is how a split rounds each share to the kopiyka (LAW.md §8
// `split_rounding`). The zero value is the default.
type Rounding uint8

// Roundings.
const (
	// DownLeftoverToFirst rounds every share down to the kopiyka and gives
	// the kopiykas left over to the first share (the earliest applicant).
	// The default; our convention (LAW.md §6.3 D3, §7), not law.
	DownLeftoverToFirst Rounding = iota + 1
	// HalfUpAdjustFirst rounds every share half up to the kopiyka and
	// corrects the first share so the shares add up to the total.
	HalfUpAdjustFirst
)

var roundingTable = enum.Table[Rounding]{Name: "split_rounding", Default: true, Entries: []enum.Entry{{},
	{Code: "down_leftover_to_earliest"}, {Code: "half_up"},
}}

// splitCitation is the ground of the default split rounding: our own
// convention, recorded as such (LAW.md §7).
var splitCitation = law.Cite(law.Brief, "7").WithNote("split rounding: down to the kopiyka, leftover to the earliest applicant; our convention")

// Allocate splits total into shares proportional to weights (all > 0),
// rounded to the kopiyka by r. The shares always add up to total exactly,
// and none is negative.
//
// With [DownLeftoverToFirst] (the default) each share is rounded down and
// the kopiykas left over go to the first share. With [HalfUpAdjustFirst]
// each share is rounded half up and the first share takes the difference
// to the total; where that would make it negative (three kopiykas rounded
// up over five shares), it becomes zero and the kopiykas still given out
// beyond the total are taken back one by one from the other shares that
// were rounded up, last share first. Both are our own conventions
// (LAW.md §7: the law sets no rounding for shares).
//
// It returns an error for no weights, a weight ≤ 0 or a negative total.
// Arithmetic is exact on whole kopiykas with arbitrary precision: no
// weight, however large, overflows, and no decimal division is used.
func Allocate(total Money, weights []int64, r Rounding) ([]Money, error) {
	if len(weights) == 0 {
		return nil, errors.New("aid: allocate needs at least one weight")
	}
	if total.Sign() < 0 {
		return nil, errors.New("aid: allocate needs a total of zero or more")
	}
	if c := total.d.Mul(hundred); !c.IsInteger() || c.GreaterThan(decimal.NewFromInt(math.MaxInt64-int64(len(weights)))) {
		return nil, errors.New("aid: allocate needs a total in whole kopiykas within the int64 range")
	}
	sum := new(big.Int)
	for _, w := range weights {
		if w <= 0 {
			return nil, errors.New("aid: allocate weights must be positive")
		}
		sum.Add(sum, big.NewInt(w))
	}
	k := total.Kopiykas()
	kb := big.NewInt(k)
	shares := make([]int64, len(weights))
	up := make([]bool, len(weights))
	var given int64
	num, q, rem, twice := new(big.Int), new(big.Int), new(big.Int), new(big.Int)
	for i, w := range weights {
		num.Mul(kb, big.NewInt(w))
		q.QuoRem(num, sum, rem)
		share := q.Int64() // at most k: w ≤ sum
		if r.norm() == HalfUpAdjustFirst && twice.Lsh(rem, 1).Cmp(sum) >= 0 {
			share++
			up[i] = true
		}
		shares[i] = share
		given += share // at most k + len(weights): no overflow for a Money total
	}
	// The first share takes the difference, as far as it can without going
	// below zero; what is left is taken back from the rounded-up shares.
	if d := k - given; d >= 0 || shares[0]+d >= 0 {
		shares[0] += d
	} else {
		given -= shares[0]
		shares[0] = 0
		for i := len(shares) - 1; i > 0 && given > k; i-- {
			if up[i] {
				shares[i]--
				given--
			}
		}
	}
	out := make([]Money, len(shares))
	for i, s := range shares {
		out[i] = Kopiykas(s)
	}
	return out, nil
}
