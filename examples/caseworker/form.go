package main

import (
	"encoding/json"
	"errors"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/uacaptivity/captivity/law"
	"github.com/uacaptivity/captivity/prisoner"
)

// The form's rows: enough for most cases without JavaScript; the page's
// small script adds more.
const (
	episodeRows = 2
	familyRows  = 4
	eventRows   = 8
)

// A field is one input of the case form. Name is the JSON path of the
// value in the case file ("episodes[0].captured"), so that a problem the
// decoder reports at a path is shown next to the input of that name.
type field struct {
	Key     string // the JSON key
	Label   string // the text key of its label
	Kind    string // text, date, number, bool, select, list
	Options []option
}

type option struct {
	Code  string
	Label law.Text
}

// options lists the codes of an enum with their labels, in value order.
func options[T interface {
	~uint8
	Valid() bool
	String() string
	Label() law.Text
}]() []option {
	var out []option
	for v := T(1); v.Valid(); v++ {
		out = append(out, option{Code: v.String(), Label: v.Label()})
	}
	return out
}

var (
	personFields = []field{
		{Key: "citizenship", Label: "citizenship", Kind: "text"},
		{Key: "stateless", Label: "stateless", Kind: "bool"},
	}
	episodeFields = []field{
		{Key: "id", Label: "ep.id", Kind: "text"},
		{Key: "category", Label: "category", Kind: "select", Options: options[prisoner.Category]()},
		{Key: "serving_at_capture", Label: "serving", Kind: "bool"},
		{Key: "captured", Label: "captured", Kind: "date"},
		{Key: "released", Label: "released", Kind: "date"},
		{Key: "release_kind", Label: "release_kind", Kind: "select", Options: options[prisoner.ReleaseKind]()},
		{Key: "died", Label: "died", Kind: "date"},
		{Key: "death_linked", Label: "death_linked", Kind: "bool"},
	}
	memberFields = []field{
		{Key: "id", Label: "m.id", Kind: "text"},
		{Key: "relation", Label: "relation", Kind: "select", Options: options[prisoner.Relation]()},
		{Key: "birth_date", Label: "birth_date", Kind: "date"},
	}
	eventFields = []field{
		{Key: "seq", Label: "seq", Kind: "number"},
		{Key: "date", Label: "date", Kind: "date"},
		{Key: "kind", Label: "kind", Kind: "select", Options: options[prisoner.EventKind]()},
		{Key: "episode", Label: "ev.episode", Kind: "text"},
		{Key: "party", Label: "party", Kind: "text"},
		{Key: "member", Label: "ev.member", Kind: "text"},
		{Key: "decision", Label: "decision", Kind: "select", Options: options[prisoner.DecisionKind]()},
		{Key: "aid", Label: "aid", Kind: "select", Options: options[prisoner.AidKind]()},
		{Key: "year", Label: "year", Kind: "number"},
		{Key: "amount", Label: "amount", Kind: "text"},
		{Key: "documents", Label: "documents", Kind: "list"},
		{Key: "missing", Label: "missing", Kind: "list"},
	}
)

// rowIndex matches the index of a row in a form name: "events[3].date".
var rowIndex = regexp.MustCompile(`^(episodes|family|events)\[(\d+)\]\.(.+)$`)

// caseFromForm turns the form into a case file's JSON, skipping empty
// rows; paths maps each row's index in the JSON back to its index in the
// form, so that problems land next to the right inputs.
func caseFromForm(form url.Values) ([]byte, map[string]int, error) {
	c := map[string]any{"id": strings.TrimSpace(form.Get("id"))}
	person := map[string]any{}
	for _, f := range personFields {
		if v, ok := value(f, form.Get("person."+f.Key)); ok {
			person[f.Key] = v
		}
	}
	c["person"] = person
	back := map[string]int{}
	rows := func(list string, fields []field, most int) []any {
		var out []any
		for i := 0; i < most; i++ {
			row := map[string]any{}
			for _, f := range fields {
				if v, ok := value(f, form.Get(list+"["+strconv.Itoa(i)+"]."+f.Key)); ok {
					row[f.Key] = v
				}
			}
			if len(row) == 0 {
				continue
			}
			if list == "events" {
				if _, ok := row["seq"]; !ok {
					row["seq"] = i + 1
				}
			}
			back[list+"["+strconv.Itoa(len(out))+"]"] = i
			out = append(out, row)
		}
		return out
	}
	n := func(list string, def int) int {
		// The page's script may add rows: count the highest index sent.
		most := def
		for k := range form {
			if m := rowIndex.FindStringSubmatch(k); m != nil && m[1] == list {
				if i, err := strconv.Atoi(m[2]); err == nil && i < 100 {
					most = max(most, i+1)
				}
			}
		}
		return most
	}
	c["episodes"] = rows("episodes", episodeFields, n("episodes", episodeRows))
	if fam := rows("family", memberFields, n("family", familyRows)); len(fam) > 0 {
		c["family"] = fam
	}
	if evs := rows("events", eventFields, n("events", eventRows)); len(evs) > 0 {
		c["events"] = evs
	}
	if c["id"] == "" && len(c["episodes"].([]any)) == 0 {
		return nil, nil, errEmptyForm
	}
	b, err := json.Marshal(c)
	return b, back, err
}

var errEmptyForm = errors.New("empty form")

// value reads one input as its JSON value; false for an empty one.
func value(f field, s string) (any, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, false
	}
	switch f.Kind {
	case "bool":
		return s == "on" || s == "true", s == "on" || s == "true"
	case "number":
		if n, err := strconv.Atoi(s); err == nil {
			return n, true
		}
		return s, true // the decoder names the problem
	case "list":
		var out []string
		for _, p := range strings.Split(s, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
		return out, len(out) > 0
	}
	return s, true
}

// formPath turns a problem's JSON path into the name of the form input
// it concerns, through the rows' mapping; a path inside a list value
// ("events[0].documents[1]") is the list's input.
func formPath(path string, back map[string]int) string {
	m := rowIndex.FindStringSubmatch(path)
	if m == nil {
		return strings.SplitN(path, "[", 2)[0]
	}
	row := m[1] + "[" + m[2] + "]"
	i, ok := back[row]
	if !ok {
		return path
	}
	rest := m[3]
	if j := strings.IndexAny(rest, "[."); j > 0 {
		rest = rest[:j]
	}
	return m[1] + "[" + strconv.Itoa(i) + "]." + rest
}
