package main

import (
	"bytes"
	"html/template"
	"net/http"
	"slices"
	"sort"
	"strconv"

	"golang.org/x/text/language"

	"github.com/uacaptivity/captivity/law"
)

// Problem is an RFC 9457 problem detail: Type is a URI reference to the
// page this service serves about the problem (GET /problems/{kind}),
// Title and Detail are in the language the request asked for
// (Accept-Language; Ukrainian when it names neither), Errors are the
// field problems, each with its message in both languages.
type Problem struct {
	Type      string         `json:"type"`
	Title     string         `json:"title"`
	Status    int            `json:"status"`
	Detail    string         `json:"detail,omitempty"`
	RequestID string         `json:"request_id,omitempty"`
	Errors    []FieldProblem `json:"errors,omitempty"`
}

// A problemKind is one type of problem: its status, its title and what it
// means, in both languages.
type problemKind struct {
	status int
	title  law.Text
	about  law.Text
}

// problemKinds are the problem types the service sends; each has a page.
var problemKinds = map[string]problemKind{
	"bad-parameter": {400, law.Text{UK: "Неправильний параметр запиту", EN: "Bad query parameter"},
		law.Text{UK: "Параметр запиту відсутній, має неправильне значення, повторений або не відомий цій операції. Кожен параметр можна дати лише один раз.",
			EN: "A query parameter is missing, has a bad value, is repeated, or is not one this operation takes. Each parameter may be given once."}},
	"malformed-json": {400, law.Text{UK: "Файл справ не є правильним JSON", EN: "Malformed case file"},
		law.Text{UK: "Тіло запиту не вдалося прочитати як JSON: деталі називають рядок і стовпчик, де читання зупинилося.",
			EN: "The request body could not be read as JSON: the detail names the line and column where reading stopped."}},
	"unreadable": {400, law.Text{UK: "Тіло запиту не вдалося прочитати", EN: "Request body could not be read"},
		law.Text{UK: "З'єднання обірвалося або тіло запиту закінчилося раніше, ніж було оголошено.",
			EN: "The connection failed or the body ended before its announced length."}},
	"bad-request": {400, law.Text{UK: "Неправильний HTTP-запит", EN: "Bad HTTP request"},
		law.Text{UK: "Запит не є правильним HTTP/1.1: сервер не зміг прочитати його рядок або заголовки.",
			EN: "The request is not valid HTTP/1.1: the server could not read its request line or headers."}},
	"unauthorized": {401, law.Text{UK: "Потрібен дійсний токен доступу", EN: "A valid access token is needed"},
		law.Text{UK: "Сервіс налаштовано з токенами: кожен запит, крім /healthz і /readyz, має містити заголовок Authorization: Bearer з одним із них.",
			EN: "The service runs with tokens: every request but /healthz and /readyz needs an Authorization: Bearer header with one of them."}},
	"not-found": {404, law.Text{UK: "Такого ресурсу немає", EN: "No such resource"},
		law.Text{UK: "Шлях не є одним із описаних у /openapi.json. Шляхи пишуться точно, без подвійних скісних рисок і без «.» чи «..».",
			EN: "The path is not one /openapi.json describes. Paths are matched exactly, with no doubled slashes, '.' or '..'."}},
	"unknown-rule-set": {404, law.Text{UK: "Такого набору правил немає", EN: "No such rule set"},
		law.Text{UK: "Параметр rule_set не називає жодного набору правил цього сервісу; GET /v1/rulesets перелічує їх.",
			EN: "The rule_set parameter names no rule set this service serves; GET /v1/rulesets lists them."}},
	"method-not-allowed": {405, law.Text{UK: "Метод не дозволено", EN: "Method not allowed"},
		law.Text{UK: "Цей шлях приймає інший метод HTTP; заголовок Allow його називає.",
			EN: "This path takes another HTTP method; the Allow header names it."}},
	"too-large": {413, law.Text{UK: "Тіло запиту завелике", EN: "Request body too large"},
		law.Text{UK: "Тіло запиту перевищує межу цієї операції в байтах. Для реєстру будь-якого розміру використовуйте POST /v1/evaluate/lines.",
			EN: "The body is over this operation's limit in bytes. For a register of any size, use POST /v1/evaluate/lines."}},
	"too-many-cases": {413, law.Text{UK: "Забагато справ в одному запиті", EN: "Too many cases in one request"},
		law.Text{UK: "Запит містить більше справ, ніж дозволено одному запиту POST /v1/evaluate. Для більшої кількості використовуйте POST /v1/evaluate/lines.",
			EN: "The request holds more cases than one POST /v1/evaluate may. For more, use POST /v1/evaluate/lines."}},
	"case-too-large": {413, law.Text{UK: "Справа завелика", EN: "A case is too large"},
		law.Text{UK: "Одна справа перевищує межу розміру однієї справи в байтах JSON.",
			EN: "One case is over the size limit of a single case, in bytes of JSON."}},
	"unsupported-media-type": {415, law.Text{UK: "Непідтримуваний тип вмісту", EN: "Unsupported media type"},
		law.Text{UK: "Тіло запиту має бути application/json (справа, масив справ або JSON Lines) чи application/x-ndjson (JSON Lines), із заголовком Content-Type.",
			EN: "The body must be application/json (a case, an array of cases or JSON Lines) or application/x-ndjson (JSON Lines), with a Content-Type header."}},
	"invalid-case": {422, law.Text{UK: "Справа містить помилки", EN: "Invalid case"},
		law.Text{UK: "Одна чи кілька справ не відповідають моделі справи; кожна помилка названа зі шляхом JSON у errors.",
			EN: "One or more cases do not fit the case model; errors names every problem with its JSON path."}},
	"inconsistent-history": {422, law.Text{UK: "Історія справи, якої закон не допускає", EN: "Case history the law does not allow"},
		law.Text{UK: "Події справи складаються в історію статусу, якої не допускає життєвий цикл статусу за Законом № 2010-IX; errors називає кожну подію.",
			EN: "The case's events make a status history the life cycle of Law No. 2010-IX does not allow; errors names every event."}},
	"headers-too-large": {431, law.Text{UK: "Заголовки запиту завеликі", EN: "Request headers too large"},
		law.Text{UK: "Заголовки запиту разом перевищують межу сервера.", EN: "The request's headers together are over the server's limit."}},
	"internal": {500, law.Text{UK: "Внутрішня помилка сервісу", EN: "Internal error"},
		law.Text{UK: "Сервіс не зміг відповісти; ідентифікатор запиту допоможе оператору знайти подію в журналі.",
			EN: "The service could not answer; the request ID helps its operator find the event in the log."}},
	"not-implemented": {501, law.Text{UK: "Не реалізовано", EN: "Not implemented"},
		law.Text{UK: "Сервер не підтримує цю частину HTTP (наприклад, таке кодування передачі).",
			EN: "The server does not support this part of HTTP (a transfer encoding, say)."}},
	"overloaded": {503, law.Text{UK: "Сервіс перевантажений", EN: "Service overloaded"},
		law.Text{UK: "Зараз обробляється стільки запитів, справ чи байтів, скільки сервіс може тримати; повторіть після кількості секунд у заголовку Retry-After.",
			EN: "As many requests, cases or bytes are in flight as the service holds; try again after the seconds in the Retry-After header."}},
	"not-ready": {503, law.Text{UK: "Сервіс ще не готовий або зупиняється", EN: "Service not ready, or stopping"},
		law.Text{UK: "Сервіс завантажує набори правил або завершує роботу; /readyz покаже, коли він готовий.",
			EN: "The service is loading its rule sets or shutting down; /readyz tells when it is ready."}},
	"timeout": {503, law.Text{UK: "Час на запит вичерпано", EN: "Request took too long"},
		law.Text{UK: "Запит не встиг виконатися за час, відведений одному запиту; розділіть його або використовуйте POST /v1/evaluate/lines.",
			EN: "The request did not finish within the time one request is given; split it, or use POST /v1/evaluate/lines."}},
}

// problemKindOf returns the kind of a status sent by code outside the
// handlers (Go's own errors, mux fallbacks).
func problemKindOf(status int) string {
	switch status {
	case 401:
		return "unauthorized"
	case 404:
		return "not-found"
	case 405:
		return "method-not-allowed"
	case 413:
		return "too-large"
	case 415:
		return "unsupported-media-type"
	case 431:
		return "headers-too-large"
	case 501:
		return "not-implemented"
	case 503:
		return "overloaded"
	}
	if status >= 500 {
		return "internal"
	}
	return "bad-request"
}

// problemPath is the type URI of a kind: a reference relative to the
// service, resolved against the request's URI (RFC 9457 §3.1.1).
func problemPath(kind string) string { return "/problems/" + kind }

// languages are the languages problems are written in; the first is the
// default.
var languages = language.NewMatcher([]language.Tag{language.Ukrainian, language.English})

// langOf is "uk" or "en", by the request's Accept-Language: Ukrainian
// unless English is preferred.
func langOf(r *http.Request) string {
	h := r.Header.Get("Accept-Language")
	if h == "" {
		return "uk"
	}
	tags, _, err := language.ParseAcceptLanguage(h)
	if err != nil || len(tags) == 0 {
		return "uk"
	}
	_, i, conf := languages.Match(tags...)
	if conf == language.No || i == 0 {
		return "uk"
	}
	return "en"
}

func pick(t law.Text, lang string) string {
	if lang == "en" {
		return t.EN
	}
	return t.UK
}

// newProblem is the problem of kind, with detail in lang.
func newProblem(kind string, detail law.Text, lang string) Problem {
	k, ok := problemKinds[kind]
	if !ok {
		kind, k = "internal", problemKinds["internal"]
	}
	return Problem{Type: problemPath(kind), Title: pick(k.title, lang), Status: k.status, Detail: pick(detail, lang)}
}

// problem answers r with the problem of kind.
func problem(w http.ResponseWriter, r *http.Request, kind string, detail law.Text, probs []FieldProblem) {
	lang := langOf(r)
	p := newProblem(kind, detail, lang)
	sort.SliceStable(probs, func(i, j int) bool { return probs[i].Case < probs[j].Case })
	p.Errors = probs
	p.RequestID = w.Header().Get("X-Request-ID")
	writeProblem(w, p, lang)
}

// writeProblem sends p, written in lang, as application/problem+json.
func writeProblem(w http.ResponseWriter, p Problem, lang string) {
	b, _ := marshal(p)
	h := w.Header()
	h.Set("Content-Type", "application/problem+json")
	h.Set("Content-Length", strconv.Itoa(len(b)+1))
	h.Del("Content-Encoding")
	h.Set("Content-Language", lang)
	h.Add("Vary", "Accept-Language")
	if p.Status == http.StatusServiceUnavailable && h.Get("Retry-After") == "" {
		h.Set("Retry-After", "1")
	}
	w.WriteHeader(p.Status)
	_, _ = w.Write(append(b, '\n'))
}

// textf is a detail given in both languages.
func textf(uk, en string) law.Text { return law.Text{UK: uk, EN: en} }

var problemPage = template.Must(template.New("problem").Parse(`<!doctype html>
<html lang="uk">
<head><meta charset="utf-8"><title>{{.Kind}}: {{.UK.Title}} / {{.EN.Title}}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body>
<main>
<p><code>{{.Kind}}</code> · HTTP {{.Status}}</p>
<section lang="uk"><h1>{{.UK.Title}}</h1><p>{{.UK.About}}</p></section>
<section lang="en"><h1>{{.EN.Title}}</h1><p>{{.EN.About}}</p></section>
{{if .Kinds}}<nav><ul>{{range .Kinds}}<li><a href="/problems/{{.}}">{{.}}</a></li>{{end}}</ul></nav>{{end}}
</main>
</body>
</html>
`))

type pageText struct{ Title, About string }

// problemDoc writes the page of one problem type, in both languages.
func problemDoc(w http.ResponseWriter, r *http.Request) {
	kind := r.PathValue("kind")
	k, ok := problemKinds[kind]
	if !ok {
		problem(w, r, "not-found", textf("немає такого типу проблеми: див. /problems", "no such problem type: see /problems"), nil)
		return
	}
	var buf bytes.Buffer
	_ = problemPage.Execute(&buf, map[string]any{"Kind": kind, "Status": k.status,
		"UK": pageText{k.title.UK, k.about.UK}, "EN": pageText{k.title.EN, k.about.EN}})
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write(buf.Bytes())
}

// problemIndex lists every problem type.
func problemIndex(w http.ResponseWriter, _ *http.Request) {
	kinds := make([]string, 0, len(problemKinds))
	for k := range problemKinds {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	var buf bytes.Buffer
	_ = problemPage.Execute(&buf, map[string]any{"Kind": "problems", "Status": "4xx/5xx",
		"UK": pageText{"Типи проблем", "Кожна відповідь про помилку має поле type з посиланням на одну з цих сторінок."},
		"EN": pageText{"Problem types", "Every error response has a type field linking to one of these pages."}, "Kinds": kinds})
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write(buf.Bytes())
}
