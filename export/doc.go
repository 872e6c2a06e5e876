// Package export moves cases and results in and out as JSON and CSV that
// ministry systems and NGO spreadsheets take as they are.
//
// # Case tables
//
// A case file can also be kept as four CSV tables keyed by case_id:
// cases.csv, episodes.csv, family.csv and events.csv. [CaseTablesWriter]
// writes them and [CaseTablesReader] reads them back, case by case, so that
// cases → CSV → cases gives equal cases. Columns (English keys, or
// Ukrainian headers for people):
//
//	cases.csv     case_id, citizenship, stateless, name, birth_date, rnokpp, note
//	episodes.csv  case_id, episode_id, category, serving_at_capture, captured, released,
//	              release_kind, died, death_linked, early_date_reason
//	family.csv    case_id, member_id, relation, proof, dependant, name, birth_date,
//	              citizenship, rnokpp, since, ended, relation_note
//	events.csv    case_id, seq, date, kind, episode, party, member, decision, ground,
//	              notified, prior_procedure, ruling, aid, year, amount, regime, missing,
//	              other_law_elected, note
//
// Values are the codes and formats of the JSON case file (see package
// prisoner); booleans are "true" or empty; "missing" lists documents
// separated by ";". Rows of the three child tables are grouped by case in
// the order of cases.csv. The reader reports every problem with its file,
// line, column and a bilingual message, never quoting the cell;
// [ReadCaseTables] imports nothing when anything is wrong.
//
// # Reports
//
// [ReportCSVWriter] writes results as status.csv, timeline.csv,
// decisions.csv, entitlements.csv and recoveries.csv (columns on the
// type); [JSONWriter] writes one JSON object per case per line (JSON
// Lines), described by [ReportSchema]. Both stream: one result at a time,
// constant memory, a sticky error reported by Flush, and they never close
// the caller's writer. Output is deterministic: the same input gives the
// same bytes.
//
// # Spreadsheet safety and privacy
//
// CSV is UTF-8 with ISO dates and amounts with two decimals and a dot.
// [CSVOptions].Excel adds a byte-order mark and CRLF line ends, so a
// spreadsheet opened by double-click shows Cyrillic correctly. A cell that
// a spreadsheet would run as a formula (starting with =, +, -, @, tab or
// carriage return) is written with a leading apostrophe ([Neutralize]) and
// read back unchanged. [CSVOptions].Redact drops names, RNOKPP and birth
// dates while keeping every figure.
package export

import _ "embed"

//go:embed report.schema.json
var reportSchema []byte

// ReportSchema returns the JSON Schema (draft 2020-12) of one line of the
// JSON report.
func ReportSchema() []byte { return append([]byte(nil), reportSchema...) }
