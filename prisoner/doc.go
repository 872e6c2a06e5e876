// Package prisoner holds the facts of a case under Law 2010-IX: the person
// deprived of liberty, one or more episodes of captivity, the family
// members, and the dated events of the case (applications and decisions of
// the Commission, court rulings, Unified Register records, criminal
// proceedings, aid claims and payments already made). It draws no legal
// conclusion: package status derives the legal status and package aid the
// aid owed.
//
// # The case file
//
// A case file is UTF-8 JSON holding either one array of cases or one or
// more case objects one after another (JSON Lines). [Decode] reads both;
// [Encode] writes either. The JSON Schema of the format is [Schema]
// (case.schema.json beside this file). A case looks like this:
//
//	{
//	  "id": "C-01",
//	  "person": {"citizenship": "UA"},
//	  "episodes": [{"id": "e1", "category": "military", "serving_at_capture": true, "captured": "2022-03-20"}],
//	  "family": [{"id": "f1", "relation": "spouse"}],
//	  "events": [
//	    {"seq": 1, "date": "2022-12-05", "kind": "application", "episode": "e1", "party": "f1"},
//	    {"seq": 2, "date": "2023-02-14", "kind": "decision", "episode": "e1", "decision": "establish"},
//	    {"seq": 3, "date": "2023-03-01", "kind": "claim", "episode": "e1", "aid": "annual", "party": "f1"}
//	  ]
//	}
//
// Dates are civil dates written YYYY-MM-DD; amounts are UAH strings with
// two decimals ("100000.00"); codes (category, relation, kind, decision,
// aid, …) are the stable lower-case codes of the enum types here. A party
// is "person", "representative" or a family member's id. Personal data
// (names, birth dates, RNOKPP) are optional and no rule uses them.
//
// Decoding is strict: unknown fields, a key given twice in one object,
// wrong types, days that do not exist, unknown codes, text that is not
// UTF-8 (a UTF-8 byte-order mark is skipped), text after the last case, a
// case over [DecodeOptions.MaxCaseBytes] (1 MiB by default) and two cases
// with one ID are all errors. A file may hold any number of cases: a
// [Decoder] reads them one at a time, in memory bounded by the largest
// case, counting lines as it reads; [Decode] collects them all. Messages
// never quote the input: an unknown key is counted, not shown.
//
// # Validation
//
// [Case.Validate] returns a *[ValidationError] that lists every problem of
// a case at once, each a [FieldError] with its JSON path
// ("family[2].birth_date"), a stable [Code] and a message in Ukrainian and
// English. [Decode] validates every case and returns a *[FileError] that
// lists each bad case's problems (or the line and column of a syntax
// problem). Both match [ErrInvalid] with errors.Is. Messages never quote
// a value from the input, so they carry no personal data.
//
// The field rules use go-playground/validator; the cross-field rules are Go:
// release and death not before capture, death not before release, episodes
// in order and not overlapping, parties and members that exist, events
// that belong to an existing episode and not before its capture, fields
// that do not belong to an event's kind, the RNOKPP check digit, ISO
// country codes, and a capture before 2014-02-20 (the reference day of
// Law 2010-IX's "after 20 February 2014") unless the episode says why.
//
// # What a case cannot express yet
//
// Who deprived the person of liberty and where they were held (Register
// fields the law does not list); the content of documents beyond a list of
// missing ones; the Lukyanenko scholarship; in-kind benefits.
package prisoner

import _ "embed"

//go:embed case.schema.json
var schema []byte

// Schema returns the JSON Schema (draft 2020-12) of the case file.
func Schema() []byte { return append([]byte(nil), schema...) }

//go:generate go run ../internal/enumgen
