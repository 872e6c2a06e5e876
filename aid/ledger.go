package aid

import (
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/prisoner"
)

// paid is one unit already paid or granted.
type paid struct {
	date   civil.Date
	how    string // "granted", "paid", "offset by a CMU 328 payment"
	payee  string
	amount Money
	event  int
}

func (p paid) howUK() string {
	switch p.how {
	case "granted":
		return "призначено"
	case "paid":
		return "виплачено"
	}
	return "зараховано виплатою за ПКМУ 328"
}

type key struct {
	episode string
	kind    prisoner.AidKind
	unit    int
}

// ledger is what has been paid or granted so far in one evaluation. A
// case has few such entries, so plain slices searched in order serve
// better than maps.
type ledger struct {
	units         []unitPaid
	cmu328        []dated // CMU 328 payments or grants, per episode, in order
	deathPaid     []dated // the first recorded payment of death aid, per episode
	personRelease bool    // a release payment or grant, of any episode
	civilian      bool    // a payment or grant of the 2026 civilian aid
}

type unitPaid struct {
	k key
	p paid
}

type dated struct {
	episode string
	date    civil.Date
}

func newLedger() *ledger { return &ledger{} }

func (l *ledger) get(k key) (paid, bool) {
	for i := range l.units {
		if l.units[i].k == k {
			return l.units[i].p, true
		}
	}
	return paid{}, false
}

func (l *ledger) put(k key, p paid) {
	if _, ok := l.get(k); !ok {
		l.units = append(l.units, unitPaid{k, p})
	}
	switch k.kind {
	case prisoner.ReleaseAid:
		l.personRelease = true
	case prisoner.CivilianAid:
		l.civilian = true
	}
}

func (l *ledger) deathPaidOn(episode string) (civil.Date, bool) {
	for _, d := range l.deathPaid {
		if d.episode == episode {
			return d.date, true
		}
	}
	return civil.Date{}, false
}

// cmu328Dates returns the dates of the CMU 328 payments of an episode.
func (l *ledger) cmu328Count(episode string) int {
	n := 0
	for _, d := range l.cmu328 {
		if d.episode == episode {
			n++
		}
	}
	return n
}

func (l *ledger) cmu328Nth(episode string, n int) civil.Date {
	for _, d := range l.cmu328 {
		if d.episode == episode {
			if n == 0 {
				return d.date
			}
			n--
		}
	}
	return civil.Date{}
}

func (l *ledger) recordPayment(i int, ev *prisoner.Event) {
	amount, err := ParseMoney(ev.Amount)
	if err != nil {
		amount = Money{}
	}
	p := paid{date: ev.Date, how: "paid", payee: ev.Party, amount: amount, event: i}
	u := 0
	switch ev.Aid {
	case prisoner.Annual, prisoner.Reg2018Support:
		u = ev.Year
	}
	if _, ok := l.deathPaidOn(ev.Episode); !ok && ev.Aid == prisoner.DeathAid {
		l.deathPaid = append(l.deathPaid, dated{ev.Episode, ev.Date})
	}
	if ev.Aid == prisoner.Reg2018Support {
		l.cmu328 = append(l.cmu328, dated{ev.Episode, ev.Date})
	}
	l.put(key{ev.Episode, ev.Aid, u}, p)
}

func (l *ledger) recordGrant(d Decision) {
	p := paid{date: d.Date, how: "granted", payee: d.Claimant, amount: d.Amount, event: d.Event}
	switch d.Aid {
	case prisoner.Annual:
		for _, y := range d.Years {
			q := p
			q.amount = y.Amount
			l.put(key{d.Episode, d.Aid, y.ID}, q)
		}
	case prisoner.Reg2018Support:
		l.cmu328 = append(l.cmu328, dated{d.Episode, d.Date})
		l.put(key{d.Episode, d.Aid, d.Date.Year()}, p)
	default:
		l.put(key{d.Episode, d.Aid, 0}, p)
	}
}

// offsets is the number of CMU 328 payments that remove pre-law years
// (Art. 17(6)).
func (l *ledger) offsets(episode string) int { return l.cmu328Count(episode) }

// cmu328In2022 returns the date of a CMU 328 payment made in 2022 before
// the law took effect (Art. 17(5)).
func (l *ledger) cmu328In2022(episode string, lawStart civil.Date) (civil.Date, bool) {
	for _, d := range l.cmu328 {
		if d.episode == episode && d.date.Year() == 2022 && d.date.Before(lawStart) {
			return d.date, true
		}
	}
	return civil.Date{}, false
}

// annualPaid reports whether year u was paid, granted or offset. The
// earliest block years are the ones CMU 328 payments remove.
func (l *ledger) annualPaid(episode string, u unit, s scheme) (paid, bool) {
	if p, ok := l.get(key{episode, prisoner.Annual, u.id}); ok {
		return p, true
	}
	if u.preLaw && u.k <= l.cmu328Count(episode) {
		return paid{date: l.cmu328Nth(episode, u.k-1), how: "offset by a CMU 328 payment"}, true
	}
	return paid{}, false
}

func (l *ledger) once(episode string, kind prisoner.AidKind) (paid, bool) {
	return l.get(key{episode, kind, 0})
}
