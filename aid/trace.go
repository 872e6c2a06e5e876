package aid

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/law"
	"github.com/uacaptivity/captivity/status"
)

// A Step is one step of a decision's reasoning: the rule of LAW.md it
// applies (A1–A8, R1–R3, D1–D5, C1–C3, …; [Step.Rule]), what it found
// ([Step.Text]), its legal ground and how sure that ground is
// ([Step.Citation], [Step.Confidence]), and the parameter version used, if
// any ([Step.Param]). The text is rendered when asked for, so evaluating
// stays cheap; in JSON a step is
// {"rule", "text": {"uk", "en"}, "citation", "confidence", "param"}.
type Step struct {
	def  *stepDef      // the kind of step: rule, text (see steps.go)
	cite *law.Citation // its ground: def.cite, or the case's own
	conf law.Confidence
	// param: the step states a parameter version; args.s[0] is the
	// parameter's name and args.d[0] the version's first day.
	param bool
	args  stepArgs
}

// Rule returns the rule of LAW.md the step applies ("A3", "refuse", …).
func (s Step) Rule() string {
	if s.def == nil {
		return ""
	}
	return s.def.rule
}

// Citation returns the step's legal ground.
func (s Step) Citation() law.Citation {
	if s.cite == nil {
		return law.Citation{}
	}
	return *s.cite
}

// Confidence returns how sure the step's ground is.
func (s Step) Confidence() law.Confidence { return s.conf }

// stepArgs are the values a step's text refers to; kept typed so that a
// step costs no allocation until its text is rendered. The fields are in
// the order that packs them tightest: a trace is built for every claim.
type stepArgs struct {
	s     [2]string
	m     Money
	d     [3]civil.Date
	n     [4]int16 // counts of years, days, people: all far below 2^15
	state status.State
}

// Text returns what the step found, in Ukrainian and English.
func (s Step) Text() law.Text {
	switch {
	case s.def == nil:
		return law.Text{}
	case s.def.fromCode:
		return Code(s.args.s[0]).Message()
	}
	return law.Text{UK: s.args.render(s.def.text.UK, true), EN: s.args.render(s.def.text.EN, false)}
}

// Param returns the parameter version the step used
// ("law2022.annual@2022-11-19"), or "".
func (s Step) Param() string {
	if !s.param {
		return ""
	}
	if s.args.d[0].IsZero() {
		return s.args.s[0]
	}
	return s.args.s[0] + "@" + s.args.d[0].String()
}

type stepJSON struct {
	Rule       string         `json:"rule"`
	Text       law.Text       `json:"text"`
	Citation   law.Citation   `json:"citation"`
	Confidence law.Confidence `json:"confidence"`
	Param      string         `json:"param,omitempty"`
}

// MarshalJSON writes the step with its text rendered.
func (s Step) MarshalJSON() ([]byte, error) {
	return json.Marshal(stepJSON{Rule: s.Rule(), Text: s.Text(), Citation: s.Citation(), Confidence: s.conf, Param: s.Param()})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (s *Step) UnmarshalJSON(b []byte) error {
	var j stepJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	def := &stepDef{rule: j.Rule, cite: j.Citation, conf: j.Confidence, text: law.Text{UK: escape(j.Text.UK), EN: escape(j.Text.EN)}}
	*s = Step{def: def, cite: &def.cite, conf: j.Confidence, param: j.Param != "", args: stepArgs{s: [2]string{j.Param}}}
	return nil
}

// escape protects braces of a decoded text from being read as placeholders.
func escape(s string) string { return strings.ReplaceAll(s, "{", "{{") }

func (a stepArgs) render(t string, uk bool) string {
	if !strings.Contains(t, "{") {
		return t
	}
	var b strings.Builder
	b.Grow(len(t) + 32)
	for len(t) > 0 {
		// The literal text up to the next brace goes in one piece.
		i := strings.IndexByte(t, '{')
		if i < 0 {
			b.WriteString(t)
			break
		}
		b.WriteString(t[:i])
		t = t[i:]
		if len(t) > 1 && t[1] == '{' {
			b.WriteByte('{')
			t = t[2:]
			continue
		}
		end := strings.IndexByte(t, '}')
		if end < 0 {
			b.WriteString(t)
			break
		}
		name := t[1:end]
		t = t[end+1:]
		switch {
		case name == "m0":
			b.WriteString(a.m.String())
		case name == "state":
			if uk {
				b.WriteString(a.state.Label().UK)
			} else {
				b.WriteString(a.state.String())
			}
		case len(name) > 3 && name[0] == 'n' && name[1] >= '0' && name[1] <= '3' && name[2] == ' ':
			// {n0 рік|роки|років} (uk) or {n0 year|years} (en): the count
			// with the form that agrees with it.
			n := int(a.n[name[1]-'0'])
			forms := strings.Split(name[3:], "|")
			switch {
			case uk && len(forms) == 3:
				b.WriteString(law.PluralUK(n, forms[0], forms[1], forms[2]))
			case !uk && len(forms) == 2:
				b.WriteString(law.PluralEN(n, forms[0], forms[1]))
			default:
				b.WriteString(strconv.Itoa(n) + " " + forms[len(forms)-1])
			}
		case len(name) == 2 && name[1] >= '0' && name[1] <= '3':
			k := int(name[1] - '0')
			switch name[0] {
			case 'd':
				if k < len(a.d) {
					b.WriteString(a.d[k].String())
				}
			case 'n':
				b.WriteString(strconv.Itoa(int(a.n[k])))
			case 's':
				if k < len(a.s) {
					b.WriteString(a.s[k])
				}
			}
		}
	}
	return b.String()
}
