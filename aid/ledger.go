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

// ledger is what has been paid or granted so far in one evaluation.
type ledger struct {
	units         map[key]paid
	cmu328        map[string][]civil.Date // episode -> dates of CMU 328 payments or grants
	deathPaid     map[string]civil.Date   // episode -> first recorded payment of death aid
	personRelease *paid                   // the first release payment of any episode
	civilian      *paid
}

func newLedger() *ledger {
	return &ledger{units: map[key]paid{}, cmu328: map[string][]civil.Date{}, deathPaid: map[string]civil.Date{}}
}

func (l *ledger) put(k key, p paid) {
	if _, ok := l.units[k]; !ok {
		l.units[k] = p
	}
	switch k.kind {
	case prisoner.ReleaseAid:
		if l.personRelease == nil {
			l.personRelease = &p
		}
	case prisoner.CivilianAid:
		if l.civilian == nil {
			l.civilian = &p
		}
	}
}

func (l *ledger) recordPayment(i int, ev prisoner.Event) {
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
	if _, ok := l.deathPaid[ev.Episode]; !ok && ev.Aid == prisoner.DeathAid {
		l.deathPaid[ev.Episode] = ev.Date
	}
	if ev.Aid == prisoner.Reg2018Support {
		l.cmu328[ev.Episode] = append(l.cmu328[ev.Episode], ev.Date)
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
		l.cmu328[d.Episode] = append(l.cmu328[d.Episode], d.Date)
		l.put(key{d.Episode, d.Aid, d.Date.Year()}, p)
	default:
		l.put(key{d.Episode, d.Aid, 0}, p)
	}
}

// offsets is the number of CMU 328 payments that remove pre-law years
// (Art. 17(6)).
func (l *ledger) offsets(episode string) int { return len(l.cmu328[episode]) }

// cmu328In2022 returns the date of a CMU 328 payment made in 2022 before
// the law took effect (Art. 17(5)).
func (l *ledger) cmu328In2022(episode string) (civil.Date, bool) {
	for _, d := range l.cmu328[episode] {
		if d.Year() == 2022 && d.Before(lawStart) {
			return d, true
		}
	}
	return civil.Date{}, false
}

// annualPaid reports whether year u was paid, granted or offset. The
// earliest block years are the ones CMU 328 payments remove.
func (l *ledger) annualPaid(episode string, u unit, s scheme) (paid, bool) {
	if p, ok := l.units[key{episode, prisoner.Annual, u.id}]; ok {
		return p, true
	}
	if u.preLaw {
		if dates := l.cmu328[episode]; u.k <= len(dates) {
			return paid{date: dates[u.k-1], how: "offset by a CMU 328 payment"}, true
		}
	}
	return paid{}, false
}

func (l *ledger) once(episode string, kind prisoner.AidKind) (paid, bool) {
	p, ok := l.units[key{episode, kind, 0}]
	return p, ok
}
