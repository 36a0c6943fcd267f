package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/outbound"
	"github.com/mediadesk/mediadesk/releases"
)

// routeCase is one concrete request per route pattern.
type routeCase struct {
	pattern string
	method  string
	path    string
	form    url.Values // for page POSTs
	json    string     // for API POSTs and PUTs
}

// routeCases covers every pattern of the dashboard, the JSON API and the
// routes other packages register (stand-ins here). {ref} is an enquiry
// of bob's, so officers pass the role check and meet User.Can.
func routeCases(ref string) []routeCase {
	rel := "fcdo-2023-10-16-albania"
	return []routeCase{
		{"GET /{$}", "GET", "/", nil, ""},
		{"GET /queues/{name}", "GET", "/queues/open", nil, ""},
		{"GET /enquiries/{ref}", "GET", "/enquiries/" + ref, nil, ""},
		{"POST /enquiries/{ref}/{action}", "POST", "/enquiries/" + ref + "/note", url.Values{"text": {"a note"}}, ""},
		{"GET /releases", "GET", "/releases", nil, ""},
		{"GET /releases/{id}", "GET", "/releases/" + rel, nil, ""},
		{"POST /releases/{id}/lines", "POST", "/releases/" + rel + "/lines", url.Values{"lines": {"Line one.\nLine two."}}, ""},
		{"POST /releases/{id}/lines/{key}/{op}", "POST", "/releases/" + rel + "/lines/" + releases.LineKey("We will not comment on operational matters.") + "/approve",
			url.Values{"expires": {"2030-01-01T09:00"}}, ""},
		{"POST /releases/{id}/send", "POST", "/releases/" + rel + "/send",
			url.Values{"ref": {ref}, "nonce": {"n1"}, "line": {releases.LineKey("The UK and Albania work closely together.")}}, ""},
		{"GET /reports", "GET", "/reports", nil, ""},
		{"GET /admin", "GET", "/admin", nil, ""},
		{"POST /admin/reload", "POST", "/admin/reload", url.Values{}, ""},
		{"GET /demo", "GET", "/demo", nil, ""},
		{"GET /demo/outbox", "GET", "/demo/outbox", nil, ""},
		{"GET /api/enquiries", "GET", "/api/enquiries", nil, ""},
		{"GET /api/enquiries/{ref}", "GET", "/api/enquiries/" + ref, nil, ""},
		{"POST /api/enquiries/{ref}/claim", "POST", "/api/enquiries/" + ref + "/claim", nil, `{"expect":"bob"}`},
		{"POST /api/enquiries/{ref}/assign", "POST", "/api/enquiries/" + ref + "/assign", nil, `{"to":"bob"}`},
		{"POST /api/enquiries/{ref}/notes", "POST", "/api/enquiries/" + ref + "/notes", nil, `{"text":"api note"}`},
		{"POST /api/enquiries/{ref}/waiting", "POST", "/api/enquiries/" + ref + "/waiting", nil, `{"on":true}`},
		{"POST /api/enquiries/{ref}/resolve", "POST", "/api/enquiries/" + ref + "/resolve", nil, `{}`},
		{"POST /api/enquiries/{ref}/reopen", "POST", "/api/enquiries/" + ref + "/reopen", nil, `{}`},
		{"GET /api/releases", "GET", "/api/releases", nil, ""},
		{"GET /api/releases/{id}", "GET", "/api/releases/" + rel, nil, ""},
		{"PUT /api/releases/{id}/lines", "PUT", "/api/releases/" + rel + "/lines", nil, `{"lines":["One."]}`},
		{"GET /api/releases/{id}/lines", "GET", "/api/releases/" + rel + "/lines", nil, ""},
		{"POST /api/releases/{id}/lines/{key}/approve", "POST", "/api/releases/" + rel + "/lines/" + releases.LineKey("We will not comment on operational matters.") + "/approve",
			nil, `{"expires":"2030-01-01T09:00:00Z"}`},
		{"POST /api/releases/{id}/lines/{key}/withdraw", "POST", "/api/releases/" + rel + "/lines/" + releases.LineKey("We will not comment on operational matters.") + "/withdraw",
			nil, `{}`},
		{"POST /api/releases/{id}/send", "POST", "/api/releases/" + rel + "/send", nil,
			`{"refs":["` + ref + `"],"nonce":"n1","line":"` + releases.LineKey("The UK and Albania work closely together.") + `"}`},
		{"GET /api/me", "GET", "/api/me", nil, ""},
		{"GET /api/status", "GET", "/api/status", nil, ""},
		{"GET /api/quarantine", "GET", "/api/quarantine", nil, ""},
		{"GET /api/automatic", "GET", "/api/automatic", nil, ""},
		{"POST /api/enquiries/{ref}/replies", "POST", "/api/enquiries/" + ref + "/replies", nil, `{"body":"hello","kind":"holding"}`},
		{"GET /api/enquiries/{ref}/outbox", "GET", "/api/enquiries/" + ref + "/outbox", nil, ""},
		{"GET /api/outbox", "GET", "/api/outbox", nil, ""},
		{"GET /api/reports/summary", "GET", "/api/reports/summary", nil, ""},
		{"GET /api/reports/breaches", "GET", "/api/reports/breaches", nil, ""},
		{"GET /api/reports/export", "GET", "/api/reports/export", nil, ""},
		{"GET /api/sla/clocks", "GET", "/api/sla/clocks", nil, ""},
		{"GET /api/sla/status", "GET", "/api/sla/status", nil, ""},
		{"GET /events", "GET", "/events", nil, ""},
		{"GET /enquiries/{ref}/draft", "GET", "/enquiries/" + ref + "/draft", nil, ""},
		{"PUT /enquiries/{ref}/draft", "PUT", "/enquiries/" + ref + "/draft", nil, `{"body":"a draft"}`},
		{"DELETE /enquiries/{ref}/draft", "DELETE", "/enquiries/" + ref + "/draft", nil, ""},
		{"POST /enquiries/{ref}/presence", "POST", "/enquiries/" + ref + "/presence", nil, `{"state":"viewing"}`},
		{"GET /attention", "GET", "/attention", nil, ""},
		{"GET /calls/new", "GET", "/calls/new", nil, ""},
		{"POST /calls", "POST", "/calls", url.Values{"nonce": {"r"}}, ""},
		{"POST /api/calls", "POST", "/api/calls", nil, `{"nonce":"r"}`},
		{"GET /search", "GET", "/search?q=policy", nil, ""},
		{"GET /api/search", "GET", "/api/search?q=policy", nil, ""},
		{"GET /enquiries/{ref}/messages/{id}/attachments/{n}", "GET", "/enquiries/" + ref + "/messages/none/attachments/1", nil, ""},
		{"POST /logout", "POST", "/logout", url.Values{}, ""},
	}
}

// send makes the request as c (with its CSRF token).
func (c *client) send(rc routeCase) *httptest.ResponseRecorder {
	c.t.Helper()
	switch {
	case rc.method == "GET":
		if rc.path == "/events" {
			return c.sse()
		}
		return c.get(rc.path)
	case rc.form != nil:
		v := url.Values{}
		for k, x := range rc.form {
			v[k] = x
		}
		return c.post(rc.path, v)
	}
	return c.do(rc.method, rc.path, strings.NewReader(rc.json), map[string]string{"Content-Type": "application/json", "X-CSRF-Token": c.csrf})
}

// sse opens /events and gives up at once: only the status matters here.
func (c *client) sse() *httptest.ResponseRecorder {
	c.t.Helper()
	old := liveMaxAge
	liveMaxAge = 0
	defer func() { liveMaxAge = old }()
	return c.do("GET", "/events", nil, nil)
}

var roles = []config.Role{config.RoleOfficer, config.RoleManager, config.RoleAdmin}

var roleUser = map[config.Role]string{config.RoleOfficer: "ann", config.RoleManager: "meg", config.RoleAdmin: "root"}

// TestRoutePolicyTableIsComplete: every pattern in the table is one the
// mux serves, and every route case resolves to its pattern.
func TestRoutePolicyTableIsComplete(t *testing.T) {
	f := newFixture(t)
	ref := f.plain("Policy", "bob")
	seen := map[string]bool{}
	for _, rc := range routeCases(ref) {
		_, pattern := f.mux.Handler(httptest.NewRequest(rc.method, rc.path, nil))
		if pattern != rc.pattern {
			t.Errorf("%s %s resolves to %q, want %q", rc.method, rc.path, pattern, rc.pattern)
		}
		seen[pattern] = true
	}
	for p := range routeRoles {
		if !seen[p] {
			t.Errorf("routeRoles has %q but no test case", p)
		}
	}
	for p := range publicRoutes {
		if RouteRole(p) != "" {
			t.Errorf("public %q has a role", p)
		}
	}
	if RouteRole("GET /something/new") != config.RoleAdmin {
		t.Error("an unknown route is not admin-only")
	}
	// Public: health, sign-in, static files.
	for _, p := range []string{"/healthz", "/login", "/static/app.css"} {
		if rec := f.client().get(p); rec.Code != 200 {
			t.Errorf("anonymous %s: %d", p, rec.Code)
		}
	}
	// A route another package adds later is admin-only until listed.
	f.mux.HandleFunc("GET /api/brand-new", func(w http.ResponseWriter, r *http.Request) {})
	for user, want := range map[string]int{"ann": 403, "meg": 403, "root": 200} {
		if rec := f.client().loginAs(user).get("/api/brand-new"); rec.Code != want {
			t.Errorf("%s on an unlisted route: %d, want %d", user, rec.Code, want)
		}
	}
}

// TestRoleMatrix: every route × {anonymous, officer, manager, admin}.
func TestRoleMatrix(t *testing.T) {
	f := newFixture(t)
	clients := map[config.Role]*client{}
	for _, r := range roles {
		clients[r] = f.client().loginAs(roleUser[r])
	}
	for _, rc := range routeCases("") {
		need := RouteRole(rc.pattern)
		t.Run(strings.ReplaceAll(rc.pattern, "/", "_"), func(t *testing.T) {
			ref := f.plain("Matrix "+rc.pattern, "ann")
			rc := routeCases(ref)[indexOf(routeCases(ref), rc.pattern)]
			// Anonymous.
			rec := f.client().send(rc)
			wantAnon := http.StatusSeeOther
			if strings.HasPrefix(rc.path, "/api/") || rc.path == "/events" {
				wantAnon = http.StatusUnauthorized
			}
			if rc.method != "GET" && !strings.HasPrefix(rc.path, "/api/") {
				wantAnon = http.StatusSeeOther
			}
			if rec.Code != wantAnon {
				t.Errorf("anonymous: %d, want %d", rec.Code, wantAnon)
			}
			for _, role := range roles {
				c := clients[role]
				if rc.pattern == "POST /logout" {
					c = f.client().loginAs(roleUser[role])
				}
				rec := c.send(rc)
				allowed := roleRank(role) >= roleRank(need)
				if allowed && (rec.Code == http.StatusForbidden || rec.Code == http.StatusUnauthorized || rec.Code >= 500) {
					t.Errorf("%s: %d, want allowed; %s", role, rec.Code, firstLine(rec.Body.String()))
				}
				if !allowed && rec.Code != http.StatusForbidden {
					t.Errorf("%s: %d, want 403", role, rec.Code)
				}
			}
		})
	}
}

func indexOf(cases []routeCase, pattern string) int {
	for i, c := range cases {
		if c.pattern == pattern {
			return i
		}
	}
	panic("no case " + pattern)
}

func firstLine(s string) string {
	if i := strings.Index(s, "\n"); i >= 0 {
		return s[:i]
	}
	return s
}

// TestEnquiryPermissions: an officer may view, note and claim a
// colleague's enquiry, and nothing else until they claim it; a manager
// may do everything. Pages and API agree.
func TestEnquiryPermissions(t *testing.T) {
	f := newFixture(t)
	bob := f.client().loginAs("bob")
	meg := f.client().loginAs("meg")
	pageActions := []struct {
		action string
		form   url.Values
	}{
		{"assign", url.Values{"to": {"bob"}, "expect": {"ann"}}},
		{"reply", url.Values{"body": {"hi"}, "kind": {"holding"}}},
		{"waiting", url.Values{"on": {"1"}}},
		{"resolve", url.Values{}},
		{"reopen", url.Values{}},
	}
	ref := f.plain("Ann's enquiry", "ann")
	for _, a := range pageActions {
		if rec := bob.post("/enquiries/"+ref+"/"+a.action, a.form); rec.Code != http.StatusForbidden {
			t.Errorf("bob %s on ann's: %d", a.action, rec.Code)
		}
	}
	for _, a := range []string{"assign", "waiting", "resolve", "reopen"} {
		rec := bob.do("POST", "/api/enquiries/"+ref+"/"+a, strings.NewReader(`{"to":"bob"}`), map[string]string{"X-CSRF-Token": bob.csrf})
		if rec.Code != http.StatusForbidden {
			t.Errorf("bob API %s on ann's: %d", a, rec.Code)
		}
	}
	rec := bob.do("POST", "/api/enquiries/"+ref+"/replies", strings.NewReader(`{"body":"x","kind":"holding"}`), map[string]string{"X-CSRF-Token": bob.csrf})
	if rec.Code != http.StatusForbidden {
		t.Errorf("bob API reply on ann's: %d", rec.Code)
	}
	if len(f.replies.requests()) != 0 {
		t.Fatal("a refused reply reached the replier")
	}
	// The page says so and offers only what bob may do.
	page := bob.get("/enquiries/" + ref).Body.String()
	for _, id := range []string{`id="assign"`, `id="resolve"`, `id="send-reply"`, `id="waiting"`} {
		if strings.Contains(page, id) {
			t.Errorf("bob's page offers %s", id)
		}
	}
	if !strings.Contains(page, `id="claim"`) || !strings.Contains(page, "Take over from Ann Officer") || !strings.Contains(page, `id="claim-hint"`) {
		t.Error("bob's page does not offer to take over")
	}
	// bob may note and take over.
	if rec := bob.post("/enquiries/"+ref+"/note", url.Values{"text": {"I'll cover"}}); rec.Code != http.StatusSeeOther {
		t.Fatalf("bob note: %d", rec.Code)
	}
	if rec := bob.post("/enquiries/"+ref+"/claim", url.Values{"expect": {"ann"}}); rec.Code != http.StatusSeeOther {
		t.Fatalf("bob claim: %d %s", rec.Code, rec.Body.String())
	}
	if rec := bob.post("/enquiries/"+ref+"/reply", url.Values{"body": {"hi"}, "kind": {"holding"}}); rec.Code != http.StatusSeeOther {
		t.Fatalf("bob reply after claiming: %d", rec.Code)
	}
	// A manager may do anything to anyone's.
	ref2 := f.plain("Ann's other", "ann")
	for _, a := range pageActions {
		if a.action == "reopen" {
			continue
		}
		if rec := meg.post("/enquiries/"+ref2+"/"+a.action, a.form); rec.Code != http.StatusSeeOther {
			t.Errorf("manager %s: %d %s", a.action, rec.Code, rec.Body.String())
		}
	}
	if rec := meg.post("/enquiries/"+ref2+"/reopen", url.Values{}); rec.Code != http.StatusSeeOther {
		t.Errorf("manager reopen: %d", rec.Code)
	}
	// An unassigned enquiry is anyone's.
	ref3 := f.plain("Nobody's", "")
	if rec := bob.post("/enquiries/"+ref3+"/resolve", url.Values{}); rec.Code != http.StatusSeeOther {
		t.Errorf("bob resolve unassigned: %d", rec.Code)
	}
}

// TestReplyAPIActsAsTheUser: the reply endpoint reads its body once,
// strictly, and sends as the signed-in user: "by" may only repeat that
// user, and a body with anything after its JSON object (the old
// impersonation: {"by":"meg"}{} slipped past one parser and into another)
// is a 400 that reaches nobody.
func TestReplyAPIActsAsTheUser(t *testing.T) {
	f := newFixture(t)
	ref := f.plain("Reply API", "ann")
	ann := f.client().loginAs("ann")
	post := func(body string, hdr ...string) (int, string) {
		h := map[string]string{"X-CSRF-Token": ann.csrf, "Content-Type": "application/json"}
		for i := 0; i+1 < len(hdr); i += 2 {
			h[hdr[i]] = hdr[i+1]
		}
		rec := ann.do("POST", "/api/enquiries/"+ref+"/replies", strings.NewReader(body), h)
		return rec.Code, rec.Body.String()
	}
	for _, tc := range []struct {
		name, body string
		code       int
	}{
		{"trailing object", `{"kind":"holding","body":"hello","by":"meg"}{}`, http.StatusBadRequest},
		{"trailing object, by me", `{"kind":"holding","body":"hello","by":"ann"}{}`, http.StatusBadRequest},
		{"trailing object, no by", `{"kind":"holding","body":"hello"}{"by":"meg"}`, http.StatusBadRequest},
		{"trailing garbage", `{"kind":"holding","body":"hello"} x`, http.StatusBadRequest},
		{"not json", `not json`, http.StatusBadRequest},
		{"empty", ``, http.StatusBadRequest},
		{"array", `[{"kind":"holding","body":"hello"}]`, http.StatusBadRequest},
		{"unknown field", `{"body":"hello","kind":"holding","extra":1}`, http.StatusBadRequest},
		{"by someone else", `{"body":"hello","kind":"holding","by":"meg"}`, http.StatusForbidden},
		{"by someone else, other case", `{"body":"hello","kind":"holding","BY":"meg"}`, http.StatusForbidden},
		{"by not a string", `{"body":"hello","kind":"holding","by":1}`, http.StatusBadRequest},
		{"by twice", `{"body":"hello","kind":"holding","by":"ann","BY":"meg"}`, http.StatusBadRequest},
	} {
		if code, out := post(tc.body); code != tc.code {
			t.Errorf("%s: %d, want %d: %s", tc.name, code, tc.code, out)
		}
	}
	if n := len(f.replies.requests()); n != 0 {
		t.Fatalf("%d refused replies reached the replier: %+v", n, f.replies.requests())
	}
	// Accepted: as ann, whatever the body, with the Idempotency-Key.
	if code, out := post(`{"body":"hello","kind":"holding"}`, "Idempotency-Key", "k1"); code != http.StatusAccepted {
		t.Fatalf("plain reply: %d %s", code, out)
	}
	if code, out := post(`{"body":"again","kind":"substantive","by":"ann","id":"k2"}`); code != http.StatusAccepted {
		t.Fatalf("reply naming oneself: %d %s", code, out)
	}
	reqs := f.replies.requests()
	if len(reqs) != 2 || reqs[0].By != "ann" || reqs[1].By != "ann" || reqs[0].ID != "k1" || reqs[1].ID != "k2" ||
		reqs[0].Body != "hello" || reqs[1].Kind != "substantive" {
		t.Fatalf("replier got %+v", reqs)
	}
	// The replier's refusals keep their status.
	f.replies.err = fmt.Errorf("%w: the reply is empty", outbound.ErrBadRequest)
	if code, out := post(`{"body":" ","kind":"holding"}`); code != http.StatusBadRequest || !strings.Contains(out, "the reply is empty") {
		t.Errorf("replier's bad request: %d %s", code, out)
	}
	f.replies.err = nil
	// Unknown enquiry.
	rec := ann.do("POST", "/api/enquiries/TEST-1999-000001/replies", strings.NewReader(`{"body":"x","kind":"holding"}`),
		map[string]string{"X-CSRF-Token": ann.csrf})
	if rec.Code != http.StatusNotFound {
		t.Errorf("unknown enquiry: %d", rec.Code)
	}
}

// TestAPIBodiesAreStrict: every API endpoint that reads JSON reads it with
// the one strict reader: trailing data, unknown fields and non-objects
// are 400s, and nothing changes.
func TestAPIBodiesAreStrict(t *testing.T) {
	f := newFixture(t)
	ref := f.plain("Strict", "ann")
	meg := f.client().loginAs("meg")
	for _, tc := range []struct{ method, path, body string }{
		{"POST", "/api/enquiries/" + ref + "/assign", `{"to":"bob"}{"to":"meg"}`},
		{"POST", "/api/enquiries/" + ref + "/notes", `{"text":"a"} {"text":"b"}`},
		{"POST", "/api/enquiries/" + ref + "/resolve", `{"note":"x","by":"ann"}`},
		{"POST", "/api/enquiries/" + ref + "/waiting", `[true]`},
		{"POST", "/api/enquiries/" + ref + "/claim", `null`},
		{"PUT", "/api/releases/fcdo-2023-10-16-albania/lines", `{"lines":["One."]}x`},
		{"PUT", "/api/releases/fcdo-2023-10-16-albania/lines", ``},
		{"POST", "/api/releases/fcdo-2023-10-16-albania/lines/0000/approve", `{"expires":"2030-01-01T09:00:00Z","until":"x"}`},
		{"POST", "/api/releases/fcdo-2023-10-16-albania/lines/0000/withdraw", `[]`},
		{"POST", "/api/releases/fcdo-2023-10-16-albania/send", `{"refs":["` + ref + `"],"nonce":"n"} x`},
	} {
		rec := meg.do(tc.method, tc.path, strings.NewReader(tc.body), map[string]string{"X-CSRF-Token": meg.csrf, "Content-Type": "application/json"})
		if rec.Code != http.StatusBadRequest {
			t.Errorf("%s %s %s: %d, want 400: %s", tc.method, tc.path, tc.body, rec.Code, firstLine(rec.Body.String()))
		}
	}
	e, err := f.st.Enquiry(f.ctx, ref)
	if err != nil {
		t.Fatal(err)
	}
	if e.Officer != "ann" || e.Status != "open" {
		t.Errorf("a refused body changed the enquiry: officer %q status %q", e.Officer, e.Status)
	}
	// An empty body still means "no fields" for the actions.
	rec := meg.do("POST", "/api/enquiries/"+ref+"/resolve", nil, map[string]string{"X-CSRF-Token": meg.csrf})
	if rec.Code != http.StatusOK {
		t.Errorf("resolve with no body: %d %s", rec.Code, rec.Body.String())
	}
}
