package aid

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"strings"

	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/prisoner"
)

// InputHash returns the SHA-256 (hex) of c's canonical form, version 3
// (described below). It covers every fact of c that a rule can use, and
// nothing else: personal data (the names, birth dates and RNOKPP of the
// person and of the family, the case's and events' free-text notes, the
// text of an early date's reason, a relation's description) is left out, so that holding a
// person's name and tax number does not let anyone test whether that
// person is in a shared report. That an early date's reason was given is
// written, since validation turns on it.
//
// Two cases that differ in a fact the rules read hash apart; cases that
// differ only in personal data hash alike. It is the InputHash of a
// [Stamp].
//
// # Canonical form, version 3
//
// The bytes "captivity-case/v3\n", then the fields below in this order,
// each written as its tag byte followed by its value: a text as its
// length in bytes (unsigned LEB128 varint) and its UTF-8 bytes; an
// enumeration as the text of its stable code (the code of the JSON case
// file, never its number); a number as a signed zig-zag varint; a date as
// the unsigned varint of YYYYMMDD; a flag as the tag alone. Varints are
// those of Go's encoding/binary. A field whose value is empty, zero or
// false is left out, except the tags that open an episode, a family
// member, an event and a missing document, which are always written.
//
//	 1 case ID            2 citizenship         3 stateless
//	 4 episode (its ID)   5 category            6 serving at capture
//	 7 captured           8 released            9 release kind
//	10 died              11 death linked       12 early date reason given
//	13 member (its ID)   14 relation           15 proof
//	16 dependant         17 member citizenship 18 since
//	19 ended             20 event (its seq)    21 date
//	22 kind              23 episode of event   24 party
//	25 member of event   26 decision           27 ground
//	28 notified          29 prior procedure    30 ruling
//	31 aid               32 year               33 amount (as written)
//	34 regime            35 missing document   36 other law elected
//
// Episodes, members, events and missing documents are written in the
// order of the case. The form is pinned by a test vector: any change to
// it is a new version and a breaking change named in the CHANGELOG.
func InputHash(c prisoner.Case) string {
	var stack [1024]byte
	sum := sha256.Sum256(appendCase(stack[:0], &c))
	return hex.EncodeToString(sum[:])
}

// Tags of the canonical form, in the order the fields are written. Their
// values are part of the hash: a change is a new version of the form.
const (
	tagID byte = iota + 1
	tagCitizenship
	tagStateless
	tagEpisode // opens an episode
	tagCategory
	tagServingAtCapture
	tagCaptured
	tagReleased
	tagReleaseKind
	tagDied
	tagDeathLinked
	tagEarlyDateReason // given or not; its text is not hashed
	tagMember          // opens a family member
	tagRelation
	tagProof
	tagDependant
	tagMemberCitizenship
	tagSince
	tagEnded
	tagEvent // opens an event, with its sequence number
	tagDate
	tagKind
	tagEventEpisode
	tagParty
	tagEventMember
	tagDecision
	tagGround
	tagNotified
	tagPriorProcedure
	tagRuling
	tagAid
	tagYear
	tagAmount
	tagRegime
	tagMissing // one missing document
	tagOtherLawElected
	tagLivesWith
	tagDocument // one document present
	tagDecided
)

// appendCode writes an enumeration as its stable text code; the zero
// value (unset) and a value without a code are left out.
func appendCode(b []byte, tag byte, v interface {
	Valid() bool
	String() string
}) []byte {
	if !v.Valid() {
		return b
	}
	return appendText(b, tag, v.String(), false)
}

func appendText(b []byte, tag byte, v string, always bool) []byte {
	if v == "" && !always {
		return b
	}
	if len(v) < 0x80 { // the varint of a length under 128 is the length
		b = append(b, tag, byte(len(v)))
	} else {
		b = append(b, tag)
		b = binary.AppendUvarint(b, uint64(len(v)))
	}
	return append(b, v...)
}

func appendNum(b []byte, tag byte, n int, always bool) []byte {
	if n == 0 && !always {
		return b
	}
	if n >= 0 && n < 0x40 { // zig-zag 2n, under 128: one byte
		return append(b, tag, byte(2*n))
	}
	b = append(b, tag)
	return binary.AppendVarint(b, int64(n))
}

func appendFlag(b []byte, tag byte, v bool) []byte {
	if v {
		b = append(b, tag)
	}
	return b
}

func appendDate(b []byte, tag byte, d civil.Date) []byte {
	if d.IsZero() {
		return b
	}
	y, m, day := d.YMD()
	b = append(b, tag)
	return binary.AppendUvarint(b, uint64(y*10000+m*100+day))
}

func appendCase(b []byte, c *prisoner.Case) []byte {
	b = append(b, "captivity-case/v3\n"...)
	b = appendText(b, tagID, c.ID, false)
	p := &c.Person
	b = appendText(b, tagCitizenship, p.Citizenship, false)
	b = appendFlag(b, tagStateless, p.Stateless)
	for i := range c.Episodes {
		e := &c.Episodes[i]
		b = appendText(b, tagEpisode, e.ID, true)
		b = appendCode(b, tagCategory, e.Category)
		b = appendFlag(b, tagServingAtCapture, e.ServingAtCapture)
		b = appendDate(b, tagCaptured, e.Captured)
		b = appendDate(b, tagReleased, e.Released)
		b = appendCode(b, tagReleaseKind, e.ReleaseKind)
		b = appendDate(b, tagDied, e.Died)
		b = appendFlag(b, tagDeathLinked, e.DeathLinked)
		b = appendFlag(b, tagEarlyDateReason, strings.TrimSpace(e.EarlyDateReason) != "")
	}
	for i := range c.Family {
		m := &c.Family[i]
		b = appendText(b, tagMember, m.ID, true)
		b = appendCode(b, tagRelation, m.Relation)
		b = appendCode(b, tagProof, m.Proof)
		b = appendFlag(b, tagDependant, m.Dependant)
		b = appendText(b, tagMemberCitizenship, m.Citizenship, false)
		b = appendDate(b, tagSince, m.Since)
		b = appendDate(b, tagEnded, m.Ended)
		b = appendFlag(b, tagLivesWith, m.LivesWith)
	}
	for i := range c.Events {
		ev := &c.Events[i]
		b = appendNum(b, tagEvent, ev.Seq, true)
		b = appendDate(b, tagDate, ev.Date)
		b = appendCode(b, tagKind, ev.Kind)
		b = appendText(b, tagEventEpisode, ev.Episode, false)
		b = appendText(b, tagParty, ev.Party, false)
		b = appendText(b, tagEventMember, ev.Member, false)
		b = appendCode(b, tagDecision, ev.Decision)
		b = appendCode(b, tagGround, ev.Ground)
		b = appendDate(b, tagNotified, ev.Notified)
		b = appendFlag(b, tagPriorProcedure, ev.PriorProcedure)
		b = appendCode(b, tagRuling, ev.Ruling)
		b = appendCode(b, tagAid, ev.Aid)
		b = appendNum(b, tagYear, ev.Year, false)
		b = appendText(b, tagAmount, ev.Amount, false)
		b = appendCode(b, tagRegime, ev.Regime)
		for _, m := range ev.Missing {
			b = appendText(b, tagMissing, m, true)
		}
		b = appendFlag(b, tagOtherLawElected, ev.OtherLawElected)
		for _, doc := range ev.Documents {
			b = appendText(b, tagDocument, doc, true)
		}
		b = appendDate(b, tagDecided, ev.Decided)
	}
	return b
}
