package main

import (
	"bytes"
	"encoding/json"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/uacaptivity/captivity/export"
	"github.com/uacaptivity/captivity/internal/golden"
	"github.com/uacaptivity/captivity/internal/samples"
	"github.com/uacaptivity/captivity/prisoner"
)

// The committed openapi.json is what this test builds: the service
// serves that file, and this test keeps it current (go test -update
// rewrites it). Its examples are the service's real answers to the
// example requests, and the JSON Schemas of cases and reports are bundled
// into its components, so that the document stands alone.
func TestOpenAPIDocument(t *testing.T) {
	golden.CheckFile(t, "openapi.json", buildOpenAPI(t))
}

type obj = map[string]any

func ref(name string) obj { return obj{"$ref": "#/components/schemas/" + name} }

// bundle turns a JSON Schema file into components: its root as name and
// each of its $defs as prefix+Def, with every #/$defs/ reference
// rewritten.
func bundle(t *testing.T, into obj, name, prefix string, schema []byte) {
	var root obj
	require.NoError(t, json.Unmarshal(schema, &root))
	defs, _ := root["$defs"].(obj)
	delete(root, "$defs")
	delete(root, "$schema")
	delete(root, "$id")
	rename := func(def string) string { return prefix + strings.ToUpper(def[:1]) + def[1:] }
	var walk func(v any) any
	walk = func(v any) any {
		switch v := v.(type) {
		case obj:
			for k, x := range v {
				if s, ok := x.(string); ok && k == "$ref" && strings.HasPrefix(s, "#/$defs/") {
					v[k] = "#/components/schemas/" + rename(strings.TrimPrefix(s, "#/$defs/"))
					continue
				}
				v[k] = walk(x)
			}
		case []any:
			for i := range v {
				v[i] = walk(v[i])
			}
		}
		return v
	}
	into[name] = walk(root)
	for _, k := range slices.Sorted(maps.Keys(defs)) {
		into[rename(k)] = walk(defs[k])
	}
}

// exampleAnswer is the service's answer to a request, as an example value.
func exampleAnswer(t *testing.T, h http.Handler, method, target, ctype, body string, header ...string) (int, any) {
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	req.Header.Set("X-Request-ID", "example")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if strings.Contains(rec.Header().Get("Content-Type"), "json") && !strings.Contains(rec.Header().Get("Content-Type"), "ndjson") {
		var v any
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &v), rec.Body.String())
		return rec.Code, v
	}
	return rec.Code, rec.Body.String()
}

func content(ctype string, schema obj, example any) obj {
	m := obj{"schema": schema}
	if example != nil {
		m["example"] = example
	}
	return obj{ctype: m}
}

func problemResponse(desc string, example any) obj {
	return obj{"description": desc, "content": content("application/problem+json", ref("Problem"), example)}
}

func buildOpenAPI(t *testing.T) []byte {
	h := NewHandler(Config{MaxBody: 64 << 10, MaxCases: 50})
	cs, err := samples.Cases()
	require.NoError(t, err)
	var one, lines bytes.Buffer
	require.NoError(t, prisoner.Encode(&one, cs[1:2], prisoner.EncodeOptions{}))
	require.NoError(t, prisoner.Encode(&lines, cs[1:3], prisoner.EncodeOptions{Lines: true}))
	var oneFile []any
	require.NoError(t, json.Unmarshal(one.Bytes(), &oneFile))
	oneCase := oneFile[0]
	const asOf = "?as_of=2026-11-28"
	invalid := `{"id":"X","person":{"citizenship":"UA"},"episodes":[{"id":"e1","category":"civilian","captured":"2023-02-30"}],` +
		`"events":[{"seq":1,"date":"2023-05-01","kind":"claim","episode":"e1","aid":"release","party":"f4"}]}`
	history := `{"id":"H","person":{"citizenship":"UA"},"episodes":[{"id":"e1","category":"civilian","captured":"2023-02-10"}],` +
		`"events":[{"seq":1,"date":"2023-05-01","kind":"release_record","episode":"e1"}]}`

	ex := func(want int, method, target, ctype, body string, header ...string) any {
		code, v := exampleAnswer(t, h, method, target, ctype, body, header...)
		require.Equal(t, want, code, "%s %s: %v", method, target, v)
		return v
	}
	health := ex(200, "GET", "/healthz", "", "")
	ready := ex(200, "GET", "/readyz", "", "")
	ruleSets := ex(200, "GET", "/v1/rulesets", "", "")
	evaluated := ex(200, "POST", "/v1/evaluate"+asOf, "application/json", one.String())
	linesOut := ex(200, "POST", "/v1/evaluate/lines"+asOf, "application/x-ndjson", lines.String())
	badParam := ex(400, "POST", "/v1/evaluate?as_of=2026-11-28&as_of=2026-11-29", "application/json", one.String(), "Accept-Language", "en")
	badParamUK := ex(400, "GET", "/healthz?verbose=1", "", "")
	malformed := ex(400, "POST", "/v1/evaluate"+asOf, "application/json", `{"id": }`, "Accept-Language", "en")
	unknownSet := ex(404, "POST", "/v1/evaluate"+asOf+"&rule_set=nope", "application/json", one.String(), "Accept-Language", "en")
	tooLarge := ex(413, "POST", "/v1/evaluate"+asOf, "application/json", strings.Repeat(" ", 65<<10), "Accept-Language", "en")
	media := ex(415, "POST", "/v1/evaluate"+asOf, "text/plain", one.String(), "Accept-Language", "en")
	invalidCase := ex(422, "POST", "/v1/evaluate"+asOf, "application/json", invalid)
	historyCase := ex(422, "POST", "/v1/evaluate"+asOf, "application/json", history, "Accept-Language", "en")
	notFound := ex(404, "GET", "/problems/nope", "", "", "Accept-Language", "en")
	openCase := `{"id":"N-1","person":{"citizenship":"UA"},"family":[{"id":"f1","relation":"spouse"}],` +
		`"episodes":[{"id":"e1","category":"civilian","captured":"2024-03-10"}],` +
		`"events":[{"seq":1,"date":"2026-10-01","kind":"application","episode":"e1","party":"f1","documents":["victim_status"]}]}`
	var openExample any
	require.NoError(t, json.Unmarshal([]byte(openCase), &openExample))
	screened := ex(200, "POST", "/v1/screen"+asOf, "application/json", openCase)
	projected := ex(200, "POST", "/v1/project"+asOf, "application/json", openCase)
	unauthorized := obj{"type": "/problems/unauthorized", "title": "A valid access token is needed", "status": 401,
		"detail": "no Authorization: Bearer header with a valid token", "request_id": "example"}
	overloaded := obj{"type": "/problems/overloaded", "title": "Service overloaded", "status": 503,
		"detail": "limit reached: requests in flight", "request_id": "example"}

	errs := func(codes ...int) obj {
		out := obj{}
		for _, c := range codes {
			switch c {
			case 400:
				out["400"] = problemResponse("A query parameter that is missing, malformed, repeated or unknown; or a body that is not JSON", badParamUK)
			case 401:
				out["401"] = obj{"description": "No valid bearer token (only when the service runs with tokens)",
					"headers": obj{"WWW-Authenticate": obj{"description": "Bearer realm=\"captivity\"", "schema": obj{"type": "string"}}},
					"content": content("application/problem+json", ref("Problem"), unauthorized)}
			case 503:
				out["503"] = obj{"description": "Over a limit of requests, bytes or cases in flight, or not ready (loading rule sets, shutting down): try again after Retry-After seconds",
					"headers": obj{"Retry-After": obj{"description": "Seconds to wait", "schema": obj{"type": "integer", "minimum": 1}}},
					"content": content("application/problem+json", ref("Problem"), overloaded)}
			}
		}
		out["default"] = problemResponse("Any other error (404 for a path not described here, 405 with Allow for another method, 431 for headers over the limit, 500), as problem+json", nil)
		return out
	}
	with := func(a obj, b obj) obj {
		for k, v := range b {
			a[k] = v
		}
		return a
	}
	requestID := obj{"X-Request-ID": obj{"description": "The request's ID: the client's X-Request-ID if it is 1 to 64 letters, digits or ._:-, else one made by the service; every log line of the request carries it",
		"schema": obj{"type": "string"}}}
	ok := func(desc, ctype string, schema obj, example any) obj {
		return obj{"description": desc, "headers": requestID, "content": content(ctype, schema, example)}
	}
	asOfParam := obj{"name": "as_of", "in": "query", "required": true, "description": "The day of status and entitlements (YYYY-MM-DD); given once",
		"schema": obj{"type": "string", "format": "date"}, "example": "2026-11-28"}
	ruleSetParam := obj{"name": "rule_set", "in": "query", "required": false, "description": "A rule set name from /v1/rulesets; the default rule set if absent",
		"schema": obj{"type": "string"}, "example": "RPS-1"}
	open := []any{}
	get := func(id, summary, desc string, responses obj, tags ...string) obj {
		return obj{"get": obj{"operationId": id, "summary": summary, "description": desc, "tags": tags, "responses": responses}}
	}
	kinds := slices.Sorted(maps.Keys(problemKinds))

	paths := obj{
		"/healthz": get("getHealth", "Liveness", "Answers 200 while the process serves HTTP, whatever its state; takes no parameter and no token.",
			with(obj{"200": ok("The service is up", "application/json", ref("Health"), health)}, errs(400)), "operations"),
		"/readyz": get("getReadiness", "Readiness", "200 once the rule sets are loaded; 503 while they load and from the start of a shutdown, so that a load balancer stops sending work before the listener closes. Takes no token.",
			with(obj{"200": ok("Ready", "application/json", ref("Health"), ready),
				"503": obj{"description": "Loading or stopping", "content": content("application/json", ref("Health"), obj{"status": "stopping", "module": "(devel)"})}}, errs(400)), "operations"),
		"/metrics": get("getMetrics", "Prometheus metrics", "Requests by route and code, latency, requests in flight, cases evaluated, decisions by kind of aid and outcome, refusals by limit, and the Go runtime's and the process's own metrics, in the Prometheus text format.",
			with(obj{"200": ok("Metrics", "text/plain", obj{"type": "string"}, "# HELP captivity_cases_evaluated_total Cases evaluated (each case whose report was sent).\n# TYPE captivity_cases_evaluated_total counter\ncaptivity_cases_evaluated_total 13\n")}, errs(400, 401)), "operations"),
		"/openapi.json": get("getOpenAPI", "This document", "The OpenAPI 3.1 document of the service, with every schema bundled.",
			with(obj{"200": ok("The document", "application/json", obj{"type": "object"}, nil)}, errs(400, 401)), "documents"),
		"/schemas/case.schema.json": get("getCaseSchema", "The JSON Schema of a case file", "The schema bundled here as CaseFile, as a standalone JSON Schema 2020-12 document.",
			with(obj{"200": ok("The schema", "application/schema+json", obj{"type": "object"}, nil)}, errs(400, 401)), "documents"),
		"/schemas/report.schema.json": get("getReportSchema", "The JSON Schema of a report", "The schema bundled here as Report, as a standalone JSON Schema 2020-12 document.",
			with(obj{"200": ok("The schema", "application/schema+json", obj{"type": "object"}, nil)}, errs(400, 401)), "documents"),
		"/problems": get("listProblemTypes", "The problem types", "A page, in Ukrainian and English, listing every problem type.",
			with(obj{"200": ok("The page", "text/html", obj{"type": "string"}, nil)}, errs(400, 401)), "documents"),
		"/problems/{kind}": with(get("getProblemType", "One problem type", "The page, in Ukrainian and English, that a problem's type URI points to.",
			with(obj{"200": ok("The page", "text/html", obj{"type": "string"}, nil), "404": problemResponse("No such problem type", notFound)}, errs(400, 401)), "documents"),
			obj{"parameters": []any{obj{"name": "kind", "in": "path", "required": true, "description": "The problem type", "schema": obj{"type": "string", "enum": kinds}}}}),
		"/v1/rulesets": get("listRuleSets", "The rule sets served", "Each rule set's name, hash, options and dated parameters with their citations; the first is the default.",
			with(obj{"200": ok("Rule sets", "application/json", ref("RuleSets"), ruleSets)}, errs(400, 401, 503)), "evaluation"),
		"/v1/evaluate": obj{"post": obj{
			"operationId": "evaluate",
			"summary":     "Evaluate one or many cases",
			"description": "Every case of the body is read and checked first; if all are valid each is evaluated and the reports are sent together, in input order, else every problem is sent with 422 and no report. At most -max-body bytes (4 MiB by default), -max-cases cases (2,000) and, per case, -max-case-bytes (1 MiB); for more, use /v1/evaluate/lines. A request has -timeout (30 s) and its work stops when the client goes.",
			"tags":        []any{"evaluation"},
			"parameters":  []any{asOfParam, ruleSetParam},
			"requestBody": obj{"required": true,
				"description": "A case file: one case object, an array of cases, or JSON Lines.",
				"content": obj{
					"application/json":     obj{"schema": ref("CaseFile"), "example": oneCase},
					"application/x-ndjson": obj{"schema": obj{"type": "string", "description": "JSON Lines: one case object (CaseFile's single form) a line"}, "example": lines.String()},
				}},
			"responses": with(obj{
				"200": ok("One report per case, in input order", "application/json", ref("EvaluateResponse"), evaluated),
				"400": problemResponse("Malformed JSON, a body with no case, or a bad, repeated or unknown query parameter", malformed),
				"404": problemResponse("Unknown rule set", unknownSet),
				"413": problemResponse("A body over -max-body, more than -max-cases cases, or one case over -max-case-bytes", tooLarge),
				"415": obj{"description": "A body that is not application/json or application/x-ndjson",
					"headers": obj{"Accept-Post": obj{"description": "The media types taken", "schema": obj{"type": "string"}}},
					"content": content("application/problem+json", ref("Problem"), media)},
				"422": obj{"description": "Invalid cases (every field problem with its JSON path) or a case history the law does not allow",
					"content": obj{"application/problem+json": obj{"schema": ref("Problem"), "examples": obj{
						"invalid-case":         obj{"summary": "A case that does not fit the model (Ukrainian, the default)", "value": invalidCase},
						"inconsistent-history": obj{"summary": "A history the life cycle does not allow (Accept-Language: en)", "value": historyCase},
					}}}},
			}, errs(401, 503)),
		}},
		"/v1/screen": obj{"post": obj{
			"operationId": "screen",
			"summary":     "Screen cases before the Commission decides",
			"description": "For each episode without an establishing decision: likely covered, likely not covered (with the unmet condition and its citation) or cannot tell (with the missing facts, each a field of the case file), the documents the application needs (Art. 4(1)-(4)) and whether the case records them, and what only the Commission can find. Advice, never a status. Limits as /v1/evaluate.",
			"tags":        []any{"evaluation"},
			"parameters":  []any{asOfParam, ruleSetParam},
			"requestBody": obj{"required": true, "description": "A case file: one case object, an array of cases, or JSON Lines.",
				"content": obj{
					"application/json":     obj{"schema": ref("CaseFile"), "example": openExample},
					"application/x-ndjson": obj{"schema": obj{"type": "string", "description": "JSON Lines: one case object a line"}, "example": openCase + "\n"},
				}},
			"responses": with(obj{
				"200": ok("One screening per case, in input order", "application/json", ref("ScreenResponse"), screened),
				"400": problemResponse("Malformed JSON, a body with no case, or a bad, repeated or unknown query parameter", malformed),
				"404": problemResponse("Unknown rule set", unknownSet),
				"413": problemResponse("A body over -max-body, more than -max-cases cases, or one case over -max-case-bytes", tooLarge),
				"415": problemResponse("A body that is not application/json or application/x-ndjson", media),
				"422": problemResponse("Invalid cases or a case history the law does not allow", invalidCase),
			}, errs(401, 503)),
		}},
		"/v1/project": obj{"post": obj{
			"operationId": "project",
			"summary":     "Project what a family would be owed if the fact were established",
			"description": "Each case evaluated as if the Commission had established the fact for every open episode: on established_on, or by default on the application day plus the Commission's term (commission_term_days, 30 days under the Law on Administrative Procedure art. 34(2)), no earlier than as_of. Answers the assumed decisions, what each party could claim from when (and until when, where the rules let it lapse), the calendar of what becomes claimable or lapses, and the projected report; every decision, entitlement and reminder is marked projected and none is real. Limits as /v1/evaluate.",
			"tags":        []any{"evaluation"},
			"parameters": []any{asOfParam, ruleSetParam, obj{"name": "established_on", "in": "query", "required": false,
				"description": "The day the fact is assumed established (YYYY-MM-DD); by default the application day plus the Commission's term",
				"schema":      obj{"type": "string", "format": "date"}, "example": "2027-01-15"}},
			"requestBody": obj{"required": true, "description": "A case file: one case object, an array of cases, or JSON Lines.",
				"content": obj{
					"application/json":     obj{"schema": ref("CaseFile"), "example": openExample},
					"application/x-ndjson": obj{"schema": obj{"type": "string", "description": "JSON Lines: one case object a line"}, "example": openCase + "\n"},
				}},
			"responses": with(obj{
				"200": ok("One projection per case, in input order", "application/json", ref("ProjectResponse"), projected),
				"400": problemResponse("Malformed JSON, a body with no case, or a bad, repeated or unknown query parameter", malformed),
				"404": problemResponse("Unknown rule set", unknownSet),
				"413": problemResponse("A body over -max-body, more than -max-cases cases, or one case over -max-case-bytes", tooLarge),
				"415": problemResponse("A body that is not application/json or application/x-ndjson", media),
				"422": problemResponse("Invalid cases, a case history the law does not allow, or an established_on before the application", invalidCase),
			}, errs(401, 503)),
		}},
		"/v1/evaluate/lines": obj{"post": obj{
			"operationId": "evaluateLines",
			"summary":     "Evaluate a register of any size, case by case",
			"description": "The body is read case by case and answered in JSON Lines as the cases are decided: one Line per case in input order (its report, or its problems), then a closing Line with done, the counts and, if reading stopped (malformed JSON, a body over -max-stream-body, 1 GiB by default, or a case over -max-case-bytes), the problem that stopped it. Memory does not grow with the body. A request has -stream-timeout (1 h); each case read and each line written move the connection's deadlines on.",
			"tags":        []any{"evaluation"},
			"parameters":  []any{asOfParam, ruleSetParam},
			"requestBody": obj{"required": true, "description": "JSON Lines (or a JSON array) of cases.",
				"content": obj{
					"application/x-ndjson": obj{"schema": obj{"type": "string", "description": "JSON Lines: one case object a line"}, "example": lines.String()},
					"application/json":     obj{"schema": ref("CaseFile"), "example": []any{oneCase}},
				}},
			"responses": with(obj{
				"200": ok("JSON Lines: each line is one Line (see the Line schema), the last has done", "application/x-ndjson",
					obj{"type": "string", "description": "JSON Lines of Line objects"}, linesOut),
				"400": problemResponse("A bad, repeated or unknown query parameter", badParam),
				"404": problemResponse("Unknown rule set", unknownSet),
				"413": problemResponse("A body announced (Content-Length) over -max-stream-body", tooLarge),
				"415": problemResponse("A body that is not application/x-ndjson or application/json", media),
			}, errs(401, 503)),
		}},
	}

	schemas := obj{
		"Health": obj{"type": "object", "additionalProperties": false, "required": []any{"status", "module"},
			"properties": obj{"status": obj{"enum": []any{"ok", "ready", "loading", "stopping"}}, "module": obj{"type": "string"}}},
		"RuleSets": obj{"type": "object", "additionalProperties": false, "required": []any{"rule_sets"},
			"properties": obj{"rule_sets": obj{"type": "array", "minItems": 1, "items": ref("RuleSet")}}},
		"RuleSet": obj{"type": "object", "additionalProperties": false,
			"required": []any{"name", "hash", "default", "status", "feb29_rule", "options", "parameters"},
			"properties": obj{"name": obj{"type": "string"}, "hash": obj{"type": "string", "pattern": "^[0-9a-f]{64}$"},
				"default": obj{"type": "boolean"}, "status": obj{"type": "object", "additionalProperties": obj{"type": "string"}},
				"feb29_rule": obj{"enum": []any{"feb28", "mar1"}}, "options": obj{"type": "object", "additionalProperties": obj{"type": "string"}},
				"parameters": obj{"type": "object", "additionalProperties": obj{"type": "array", "items": ref("ParameterVersion")}}}},
		"ParameterVersion": obj{"type": "object", "additionalProperties": false,
			"required": []any{"valid_from", "in_force", "amount", "citation", "confidence"},
			"properties": obj{"valid_from": obj{"type": "string", "format": "date"}, "in_force": obj{"type": "boolean"},
				"amount": obj{"type": "string", "pattern": `^[0-9]+\.[0-9]{2}$`}, "deadline_months": obj{"type": "integer"},
				"yearly": obj{"type": "boolean"}, "citation": ref("ReportCitation"), "confidence": ref("ReportConfidence"),
				"note": obj{"type": "string"}}},
		"EvaluateResponse": obj{"type": "object", "additionalProperties": false, "required": []any{"as_of", "rule_set", "reports"},
			"properties": obj{"as_of": obj{"type": "string", "format": "date"}, "rule_set": obj{"type": "string"},
				"reports": obj{"type": "array", "items": ref("Report")}}},
		"Problem": obj{"type": "object", "additionalProperties": false, "required": []any{"type", "title", "status"},
			"description": "RFC 9457 problem details. type is a URI reference, resolved against the request's URI, to the service's page about the problem; title and detail are in Ukrainian, or in English when Accept-Language prefers it; errors lists every field problem, each message in both languages.",
			"properties": obj{"type": obj{"type": "string", "format": "uri-reference"}, "title": obj{"type": "string"},
				"status": obj{"type": "integer", "minimum": 400, "maximum": 599}, "detail": obj{"type": "string"},
				"request_id": obj{"type": "string"}, "errors": obj{"type": "array", "items": ref("FieldProblem")}}},
		"FieldProblem": obj{"type": "object", "additionalProperties": false, "required": []any{"case", "path", "code", "message"},
			"properties": obj{"case": obj{"type": "integer", "minimum": 0, "description": "The case's index in the request, from 0"},
				"case_id": obj{"type": "string"}, "path": obj{"type": "string", "description": "The JSON path of the field in the case, or the event"},
				"code": obj{"type": "string"}, "message": ref("ReportText")}},
		"Line": obj{"type": "object", "additionalProperties": false, "required": []any{"case"},
			"description": "One line of the answer of /v1/evaluate/lines: a case's report or its problems; the closing line has done, the counts, and the problem that ended the stream, if one did.",
			"properties": obj{"case": obj{"type": "integer", "minimum": 0}, "case_id": obj{"type": "string"},
				"report": ref("Report"), "errors": obj{"type": "array", "items": ref("FieldProblem")},
				"done": obj{"const": true}, "cases": obj{"type": "integer", "minimum": 0}, "reports": obj{"type": "integer", "minimum": 0},
				"problem": ref("Problem")}},
	}
	str := obj{"type": "string"}
	arr := func(items obj) obj { return obj{"type": "array", "items": items} }
	ints := arr(obj{"type": "integer"})
	condition := obj{"type": "object", "additionalProperties": false, "required": []any{"code", "text", "citation", "confidence"},
		"properties": obj{"code": str, "text": ref("ReportText"), "citation": ref("ReportCitation"), "confidence": ref("ReportConfidence")}}
	schemas["Condition"] = condition
	schemas["EpisodeScreening"] = obj{"type": "object", "additionalProperties": false,
		"required": []any{"episode", "category", "state", "outcome", "met", "unmet", "missing", "documents", "for_commission"},
		"properties": obj{"episode": str, "category": obj{"enum": []any{"military", "political", "civilian", "foreign_military"}},
			"state": ref("ReportState"), "outcome": obj{"enum": []any{"likely_covered", "likely_not_covered", "cannot_tell", "established"}},
			"met": arr(ref("Condition")), "unmet": arr(ref("Condition")),
			"missing": arr(obj{"type": "object", "additionalProperties": false, "required": []any{"field", "text"},
				"properties": obj{"field": obj{"type": "string", "description": "where in the case file the fact goes: a JSON path, or events for an event to add"}, "text": ref("ReportText")}}),
			"documents": arr(obj{"type": "object", "additionalProperties": false, "required": []any{"code", "label", "citation", "confidence", "state"},
				"properties": obj{"code": str, "label": ref("ReportText"), "citation": ref("ReportCitation"), "confidence": ref("ReportConfidence"),
					"state": obj{"enum": []any{"present", "not_recorded"}}, "alternatives": arr(str), "if_any": obj{"type": "boolean"}}}),
			"for_commission": arr(ref("Condition")), "notes": arr(ref("Condition"))}}
	schemas["Screening"] = obj{"type": "object", "additionalProperties": false, "required": []any{"case_id", "as_of", "advice", "episodes"},
		"properties": obj{"case_id": str, "as_of": ref("ReportDate"), "advice": ref("ReportText"), "episodes": arr(ref("EpisodeScreening"))}}
	schemas["ScreenResponse"] = obj{"type": "object", "additionalProperties": false, "required": []any{"as_of", "rule_set", "screenings"},
		"properties": obj{"as_of": ref("ReportDate"), "rule_set": str, "screenings": arr(ref("Screening"))}}
	schemas["ProjectedEpisode"] = obj{"type": "object", "additionalProperties": false, "required": []any{"episode", "established_on", "basis"},
		"properties": obj{"episode": str, "established_on": ref("ReportDate"), "basis": ref("ReportText"), "application_assumed": obj{"type": "boolean"}, "assumed_serving": obj{"type": "boolean"}}}
	schemas["Claimable"] = obj{"type": "object", "additionalProperties": false, "required": []any{"episode", "aid", "party", "from", "amount", "projected"},
		"properties": obj{"episode": str, "aid": ref("ReportAid"), "party": str, "from": ref("ReportDate"), "until": ref("ReportDate"),
			"amount": ref("ReportAmount"), "years": ints, "calendar_years": ints, "pre_law": obj{"type": "boolean"}, "projected": obj{"type": "boolean"}}}
	schemas["Reminder"] = obj{"type": "object", "additionalProperties": false,
		"required": []any{"case_id", "date", "kind", "episode", "aid", "amount", "text", "citation", "confidence", "projected"},
		"properties": obj{"case_id": str, "date": ref("ReportDate"), "kind": obj{"enum": []any{"claimable", "lapses", "window_ends"}},
			"episode": str, "aid": ref("ReportAid"), "party": str, "years": ints, "calendar_years": ints, "amount": ref("ReportAmount"),
			"text": ref("ReportText"), "citation": ref("ReportCitation"), "confidence": ref("ReportConfidence"), "projected": obj{"type": "boolean"}}}
	schemas["ProjectedCase"] = obj{"type": "object", "additionalProperties": false, "required": []any{"case_id", "advice", "episodes", "claimable", "calendar"},
		"properties": obj{"case_id": str, "advice": ref("ReportText"), "episodes": arr(ref("ProjectedEpisode")), "not_projected": arr(ref("EpisodeScreening")), "claimable": arr(ref("Claimable")), "now": arr(ref("ReportEntitlement")),
			"calendar": arr(ref("Reminder")), "report": ref("Report")}}
	schemas["ProjectResponse"] = obj{"type": "object", "additionalProperties": false, "required": []any{"as_of", "rule_set", "projections"},
		"properties": obj{"as_of": ref("ReportDate"), "rule_set": str, "projections": arr(ref("ProjectedCase"))}}
	bundle(t, schemas, "CaseFile", "Case", prisoner.Schema())
	bundle(t, schemas, "Report", "Report", export.ReportSchema())

	doc := obj{
		"openapi": "3.1.0",
		"info": obj{
			"title":   "captivity ministry service",
			"version": "0.3.0",
			"summary": "Status and state aid under Ukraine's Law No. 2010-IX, case by case, with the reason for every figure",
			"description": "Evaluates cases under Law No. 2010-IX on the social and legal protection of persons deprived of personal liberty as a result of armed aggression against Ukraine, and of their families: the legal status on a date, every aid claim's decision with its trace and citations, entitlements and recoveries. Amounts are UAH strings with two decimals; dates are YYYY-MM-DD.\n\n" +
				"Every error is application/problem+json (RFC 9457), whatever answers it: a path not described here gets 404, another method on a described path 405 with Allow, headers over the limit 431. Title and detail are in Ukrainian, or English when Accept-Language prefers it.\n\n" +
				"Authentication: when the service runs with -tokens, every operation but getHealth and getReadiness needs a bearer token; without -tokens it is open and listens only on loopback.",
			"license": obj{"name": "Apache-2.0", "identifier": "Apache-2.0"},
			"contact": obj{"name": "captivity", "url": "https://github.com/uacaptivity/captivity"},
		},
		"servers": []any{obj{"url": "http://127.0.0.1:8080", "description": "The service as go run ./examples/ministry starts it"}},
		"tags": []any{
			obj{"name": "evaluation", "description": "Cases in, status and aid out"},
			obj{"name": "operations", "description": "For the operator: liveness, readiness, metrics"},
			obj{"name": "documents", "description": "The contract, its schemas and the problem types"},
		},
		"security": []any{obj{"bearer": []any{}}},
		"paths":    paths,
		"components": obj{
			"securitySchemes": obj{"bearer": obj{"type": "http", "scheme": "bearer",
				"description": "A token from the service's -tokens file (one a line, at least 16 characters), sent as Authorization: Bearer TOKEN."}},
			"schemas": schemas,
		},
	}
	for _, p := range []string{"/healthz", "/readyz"} {
		paths[p].(obj)["get"].(obj)["security"] = open
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	require.NoError(t, enc.Encode(doc))
	return buf.Bytes()
}
