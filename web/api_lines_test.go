package web

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/releases"
)

// apiCall sends a JSON body as c, with its CSRF token (or a bearer token
// when tok is set), and decodes the answer into out (when not nil).
func (c *client) apiCall(method, path, body, tok string, out any) int {
	c.t.Helper()
	hdr := map[string]string{"Content-Type": "application/json", "X-CSRF-Token": c.csrf}
	if tok != "" {
		hdr = map[string]string{"Content-Type": "application/json", "Authorization": "Bearer " + tok}
	}
	var rd *strings.Reader
	if body != "" {
		rd = strings.NewReader(body)
	} else {
		rd = strings.NewReader("")
	}
	rec := c.do(method, path, rd, hdr)
	if out != nil && rec.Code < 300 {
		if err := json.Unmarshal(rec.Body.Bytes(), out); err != nil {
			c.t.Fatalf("%s %s: %v in %s", method, path, err, rec.Body.String())
		}
	}
	return rec.Code
}

// TestLinesAPI: the JSON API approves lines to take as the release page
// does — managers only (an officer's session or token gets 403), CSRF
// for a session, a strict body, an expiry in the future, the approval
// recorded in the line history; officers are offered only approved lines
// that have not expired, the bulk answer sends an approved line as the
// caller and refuses an expired one with nothing sent.
func TestLinesAPI(t *testing.T) {
	f := newFixture(t)
	ref1, _ := f.storyEnquiry("1", "ann")
	ref2, _ := f.storyEnquiry("2", "ann")
	key := releases.LineKey(storyLine)
	base := "/api/releases/" + storyRelease
	ann := f.client().loginAs("ann")
	meg := f.client().loginAs("meg")
	tokAnn, err := NewAPIToken(f.srv.o.TokensFile, "ann")
	if err != nil {
		t.Fatal(err)
	}
	tokMeg, _ := NewAPIToken(f.srv.o.TokensFile, "meg")
	var got linesAnswer
	if code := ann.apiCall("GET", base+"/lines", "", "", &got); code != 200 || len(got.Lines) != 0 || got.Drafts != 2 || got.History != nil {
		t.Fatalf("officer before approval: %d %+v", code, got)
	}
	expires := f.clock.Now().Add(3 * time.Hour).UTC().Format(time.RFC3339)
	approve := `{"expires":"` + expires + `"}`
	noCSRF := *meg
	noCSRF.csrf = "wrong"
	for _, c := range []struct {
		name string
		c    *client
		path string
		body string
		tok  string
		want int
	}{
		{"officer's session", ann, base + "/lines/" + key + "/approve", approve, "", http.StatusForbidden},
		{"officer's token", ann, base + "/lines/" + key + "/approve", approve, tokAnn, http.StatusForbidden},
		{"officer withdraws", ann, base + "/lines/" + key + "/withdraw", `{}`, "", http.StatusForbidden},
		{"manager without the CSRF token", &noCSRF, base + "/lines/" + key + "/approve", approve, "", http.StatusForbidden},
		{"no expiry", meg, base + "/lines/" + key + "/approve", `{}`, "", http.StatusBadRequest},
		{"expiry without an offset", meg, base + "/lines/" + key + "/approve", `{"expires":"2023-10-16T18:00"}`, "", http.StatusBadRequest},
		{"expiry in the past", meg, base + "/lines/" + key + "/approve", `{"expires":"2023-10-16T06:00:00Z"}`, "", http.StatusBadRequest},
		{"unknown field", meg, base + "/lines/" + key + "/approve", `{"expires":"` + expires + `","by":"ann"}`, "", http.StatusBadRequest},
		{"trailing data", meg, base + "/lines/" + key + "/approve", approve + `{}`, "", http.StatusBadRequest},
		{"unknown line", meg, base + "/lines/0000/approve", approve, "", http.StatusConflict},
		{"unknown release", meg, "/api/releases/nope/lines/" + key + "/approve", approve, "", http.StatusNotFound},
	} {
		if code := c.c.apiCall("POST", c.path, c.body, c.tok, nil); code != c.want {
			t.Errorf("%s: %d, want %d", c.name, code, c.want)
		}
	}
	if log, _ := f.srv.releases.LineLog(f.ctx, storyRelease, 5); len(log) != 0 {
		t.Fatalf("refused approvals recorded: %+v", log)
	}
	// A manager's token approves (no CSRF token with a bearer token).
	var ap struct{ Line apiLine }
	if code := meg.apiCall("POST", base+"/lines/"+key+"/approve", approve, tokMeg, &ap); code != 200 ||
		ap.Line.State != "approved" || ap.Line.ApprovedBy != "meg" || ap.Line.ExpiresAt == nil || ap.Line.ExpiresAt.UTC().Format(time.RFC3339) != expires {
		t.Fatalf("manager approves: %d %+v", code, ap.Line)
	}
	got = linesAnswer{}
	if code := ann.apiCall("GET", base+"/lines", "", "", &got); code != 200 || len(got.Lines) != 1 || got.Lines[0].Key != key ||
		got.Lines[0].State != "approved" || got.Drafts != 1 {
		t.Fatalf("officer after approval: %d %+v", code, got)
	}
	got = linesAnswer{}
	if meg.apiCall("GET", base+"/lines", "", "", &got); len(got.Lines) != 2 || len(got.History) != 1 ||
		got.History[0].What != "approved" || got.History[0].By != "meg" || got.History[0].Key != key {
		t.Fatalf("manager after approval: %+v", got)
	}
	// The bulk answer: sent as the caller to each enquiry, once per nonce.
	send := `{"line":"` + key + `","refs":["` + ref1 + `","` + ref2 + `","` + ref1 + `"],"nonce":"api-1"}`
	var sent struct {
		Sent     []string
		Outcomes []apiOutcome
	}
	if code := ann.apiCall("POST", base+"/send", send, "", &sent); code != 200 || len(sent.Sent) != 2 || len(sent.Outcomes) != 2 {
		t.Fatalf("send: %d %+v", code, sent)
	}
	reqs := f.replies.requests()
	if len(reqs) != 2 || reqs[0].By != "ann" || reqs[0].Body != storyLine || reqs[0].ID != "bulk-api-1" || reqs[0].Kind != "substantive" {
		t.Fatalf("replies asked for: %+v", reqs)
	}
	for _, c := range []struct{ name, body string }{
		{"no nonce", `{"line":"` + key + `","refs":["` + ref1 + `"]}`},
		{"bad kind", `{"line":"` + key + `","refs":["` + ref1 + `"],"nonce":"x","kind":"rude"}`},
		{"no enquiries", `{"line":"` + key + `","refs":[],"nonce":"x"}`},
		{"a \"by\"", `{"line":"` + key + `","refs":["` + ref1 + `"],"nonce":"x","by":"meg"}`},
	} {
		if code := ann.apiCall("POST", base+"/send", c.body, "", nil); code != http.StatusBadRequest {
			t.Errorf("send, %s: %d, want 400", c.name, code)
		}
	}
	// Expired: no longer offered, and not sent.
	f.clock.Advance(3*time.Hour + time.Minute)
	got = linesAnswer{}
	if code := ann.apiCall("GET", base+"/lines", "", tokAnn, &got); code != 200 || len(got.Lines) != 0 || got.Expired != 1 {
		t.Fatalf("officer after expiry: %d %+v", code, got)
	}
	if code := ann.apiCall("POST", base+"/send", strings.Replace(send, "api-1", "api-2", 1), tokAnn, nil); code != http.StatusConflict {
		t.Fatalf("send an expired line: %d", code)
	}
	if n := len(f.replies.requests()); n != 2 {
		t.Fatalf("%d replies asked for after the expiry, want the 2 from before", n)
	}
	// Withdrawn: back to draft, recorded.
	var wd struct{ Line apiLine }
	if code := meg.apiCall("POST", base+"/lines/"+key+"/withdraw", "", tokMeg, &wd); code != 200 || wd.Line.State != "draft" {
		t.Fatalf("withdraw: %d %+v", code, wd)
	}
	log, _ := f.srv.releases.LineLog(f.ctx, storyRelease, 5)
	var whats []string
	for _, ev := range log {
		whats = append(whats, ev.What+":"+ev.By)
	}
	if strings.Join(whats, " ") != "withdrawn:meg sent:ann approved:meg" {
		t.Errorf("line history %v", whats)
	}
}
