// Package law holds the legal sources as data: the acts ([Act]) that the
// library applies or compares against, a [Citation] that points into one of
// them (article, part, point) and prints itself in Ukrainian and English,
// and the [Confidence] of a rule, mirroring the V/S/U tags of the project's
// domain brief (LAW.md).
//
// # Acts
//
// [Acts] returns the catalogue: Law 2010-IX and the laws that amended it
// (3022-IX, 3181-IX, 4017-IX), the Cabinet resolutions that carry the aid
// (CMU 1281, 1182 and the 2026 civilian aid), the 2018–2022 budget
// programme (CMU 38, 164, 328, 845, 1122, 1370), the Lukyanenko
// scholarship decree, the related codes, and draft No. 6700 of 2017, which
// never entered into force. Each act is a value; the catalogue is built
// anew on every call, so no caller can change another's copy.
//
// # Citations
//
// A [Citation] names an act by its [ActID] and, optionally, an article,
// part, point and a free note. Its compact code, used in traces and CSV, is
// "2010-IX:7(3)" (act, then article and its part in brackets, then the
// point in brackets). [Citation.EN] and [Citation.UK] give the readable
// forms "Law No. 2010-IX, Art. 7(3)" and "Закон № 2010-IX, ст. 7 ч. 3".
//
// # Confidence
//
// Every rule the library applies carries a [Confidence]: [Verified] (a
// primary source says it), [Secondary] (one secondary source says it) or
// [Assumption] (our own reading, to be checked; exposed as an option
// wherever it changes an outcome).
package law
