package aid

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"

	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/prisoner"
)

// InputHash returns the SHA-256 (hex) of c's canonical form, version 2: the
// bytes "captivity-case/v2\n", then every field of the case in the order the
// prisoner types declare them (person, episodes, family, events), each as
// its tag byte (see the constants below; 1 for the case ID to 44 for an
// event's note) followed by its value: a text as its length in bytes
// (unsigned varint) and its UTF-8 bytes, a number or code as a signed
// varint, a date as the unsigned varint of YYYYMMDD, a flag as the tag
// alone. A field whose value is empty, zero or false is left out, except
// the tag that opens each episode, family member, event and missing
// document, which is always written. Varints are those of Go's
// encoding/binary (LEB128, zig-zag for signed).
//
// Two equal cases hash alike; any change to a fact changes the hash. It
// is the InputHash of a [Stamp].
func InputHash(c prisoner.Case) string {
	var stack [1024]byte
	sum := sha256.Sum256(appendCase(stack[:0], &c))
	var out [2 * sha256.Size]byte
	hex.Encode(out[:], sum[:])
	return string(out[:])
}

// Tags of the canonical form, in the order the fields are written. Their
// values are part of the hash: append new ones, never renumber.
const (
	tagID byte = iota + 1
	tagNote
	tagCitizenship
	tagStateless
	tagName
	tagBirthDate
	tagRNOKPP
	tagEpisode // opens an episode
	tagCategory
	tagServingAtCapture
	tagCaptured
	tagReleased
	tagReleaseKind
	tagDied
	tagDeathLinked
	tagEarlyDateReason
	tagMember // opens a family member
	tagRelation
	tagProof
	tagDependant
	tagMemberName
	tagMemberBirthDate
	tagMemberCitizenship
	tagMemberRNOKPP
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
	tagEventNote
)

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
	b = append(b, "captivity-case/v2\n"...)
	b = appendText(b, tagID, c.ID, false)
	b = appendText(b, tagNote, c.Note, false)
	p := &c.Person
	b = appendText(b, tagCitizenship, p.Citizenship, false)
	b = appendFlag(b, tagStateless, p.Stateless)
	b = appendText(b, tagName, p.Name, false)
	b = appendDate(b, tagBirthDate, p.BirthDate)
	b = appendText(b, tagRNOKPP, p.RNOKPP, false)
	for i := range c.Episodes {
		e := &c.Episodes[i]
		b = appendText(b, tagEpisode, e.ID, true)
		b = appendNum(b, tagCategory, int(e.Category), false)
		b = appendFlag(b, tagServingAtCapture, e.ServingAtCapture)
		b = appendDate(b, tagCaptured, e.Captured)
		b = appendDate(b, tagReleased, e.Released)
		b = appendNum(b, tagReleaseKind, int(e.ReleaseKind), false)
		b = appendDate(b, tagDied, e.Died)
		b = appendFlag(b, tagDeathLinked, e.DeathLinked)
		b = appendText(b, tagEarlyDateReason, e.EarlyDateReason, false)
	}
	for i := range c.Family {
		m := &c.Family[i]
		b = appendText(b, tagMember, m.ID, true)
		b = appendNum(b, tagRelation, int(m.Relation), false)
		b = appendNum(b, tagProof, int(m.Proof), false)
		b = appendFlag(b, tagDependant, m.Dependant)
		b = appendText(b, tagMemberName, m.Name, false)
		b = appendDate(b, tagMemberBirthDate, m.BirthDate)
		b = appendText(b, tagMemberCitizenship, m.Citizenship, false)
		b = appendText(b, tagMemberRNOKPP, m.RNOKPP, false)
		b = appendDate(b, tagSince, m.Since)
		b = appendDate(b, tagEnded, m.Ended)
	}
	for i := range c.Events {
		ev := &c.Events[i]
		b = appendNum(b, tagEvent, ev.Seq, true)
		b = appendDate(b, tagDate, ev.Date)
		b = appendNum(b, tagKind, int(ev.Kind), false)
		b = appendText(b, tagEventEpisode, ev.Episode, false)
		b = appendText(b, tagParty, ev.Party, false)
		b = appendText(b, tagEventMember, ev.Member, false)
		b = appendNum(b, tagDecision, int(ev.Decision), false)
		b = appendNum(b, tagGround, int(ev.Ground), false)
		b = appendDate(b, tagNotified, ev.Notified)
		b = appendFlag(b, tagPriorProcedure, ev.PriorProcedure)
		b = appendNum(b, tagRuling, int(ev.Ruling), false)
		b = appendNum(b, tagAid, int(ev.Aid), false)
		b = appendNum(b, tagYear, ev.Year, false)
		b = appendText(b, tagAmount, ev.Amount, false)
		b = appendNum(b, tagRegime, int(ev.Regime), false)
		for _, m := range ev.Missing {
			b = appendText(b, tagMissing, m, true)
		}
		b = appendFlag(b, tagOtherLawElected, ev.OtherLawElected)
		b = appendText(b, tagEventNote, ev.Note, false)
	}
	return b
}
