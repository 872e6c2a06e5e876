package status_test

import (
	"reflect"
	"testing"

	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/prisoner"
	"github.com/uacaptivity/captivity/status"
	"pgregory.net/rapid"
)

// genCase draws a valid history: each event is one the life cycle allows
// in the state the model is in, on a day no earlier than the last.
func genCase(t *rapid.T) prisoner.Case {
	captured := civil.MustParse("2014-03-01").AddDays(rapid.IntRange(0, 3600).Draw(t, "captured"))
	c := prisoner.Case{
		ID:       "P",
		Person:   prisoner.Person{Citizenship: "UA"},
		Episodes: []prisoner.Episode{{ID: "e1", Category: prisoner.Political, Captured: captured}},
	}
	day := status.LawStart()
	if captured.After(day) {
		day = captured
	}
	state, suspended := status.None, false
	n := rapid.IntRange(0, 12).Draw(t, "events")
	for i := 1; i <= n; i++ {
		day = day.AddDays(rapid.IntRange(0, 90).Draw(t, "gap"))
		e := prisoner.Event{Seq: i, Date: day, Episode: "e1"}
		var choices []string
		switch state {
		case status.None, status.NotConfirmed:
			choices = []string{"apply"}
			if state == status.NotConfirmed {
				choices = append(choices, "reconsider")
			}
		case status.Applied:
			choices = []string{"apply", "open"}
			if suspended {
				choices = []string{"close"}
			} else {
				choices = append(choices, "establish", "refuse")
			}
		case status.Held:
			choices = []string{"release", "death", "invalidate"}
		case status.Released:
			choices = []string{"death", "invalidate"}
		case status.Deceased, status.Cancelled:
			choices = []string{"close"}
		}
		switch rapid.SampledFrom(choices).Draw(t, "signal") {
		case "apply":
			e.Kind, e.Party, state = prisoner.Application, prisoner.PartyPerson, status.Applied
		case "reconsider":
			e.Kind, e.Ruling, state = prisoner.CourtRuling, prisoner.Reconsider, status.Applied
		case "open":
			e.Kind, suspended = prisoner.ProceedingsOpened, true
		case "close":
			e.Kind, suspended = prisoner.ProceedingsClosed, false
		case "establish":
			e.Kind, e.Decision, state = prisoner.Decision, prisoner.Establish, status.Held
		case "refuse":
			e.Kind, e.Decision, state = prisoner.Decision, prisoner.NotConfirmed, status.NotConfirmed
		case "release":
			e.Kind, state = prisoner.ReleaseRecord, status.Released
		case "death":
			e.Kind, state = prisoner.DeathRecord, status.Deceased
		case "invalidate":
			e.Kind, e.Decision, e.Ground, state = prisoner.Decision, prisoner.Invalidate, prisoner.FalseInformation, status.Cancelled
		}
		c.Events = append(c.Events, e)
	}
	return c
}

func TestPropertyTimeline(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := genCase(t)
		if err := c.Validate(); err != nil {
			t.Fatalf("generated an invalid case: %v", err)
		}
		a, err := status.Build(c, status.Options{})
		if err != nil {
			t.Fatalf("a valid history was refused: %v", err)
		}
		b, err := status.Build(c, status.Options{})
		if err != nil || !reflect.DeepEqual(a, b) {
			t.Fatalf("building twice differs")
		}
		eventDays := map[civil.Date]bool{}
		for _, e := range c.Events {
			eventDays[e.Effective()] = true
		}
		et, _ := a.Episode("e1")
		for _, ch := range et.Changes {
			if !eventDays[ch.Date] {
				t.Fatalf("state changed on %s, a day with no event", ch.Date)
			}
		}
		// Between two event days the state does not move.
		first := c.Episodes[0].Captured
		prev := a.At("e1", first)
		for day := first; day.Before(first.AddDays(4000)); day = day.AddDays(7) {
			cur := a.At("e1", day)
			if cur.State != prev.State && !changedBetween(et, day.AddDays(-7), day) {
				t.Fatalf("state moved between %s and %s with no change", day.AddDays(-7), day)
			}
			prev = cur
		}
	})
}

func changedBetween(et status.EpisodeTimeline, from, to civil.Date) bool {
	for _, ch := range et.Changes {
		if ch.Date.After(from) && !ch.Date.After(to) {
			return true
		}
	}
	return false
}
