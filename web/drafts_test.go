package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/internal/servers"
	"github.com/mediadesk/mediadesk/store"
)

// putJSON sends a JSON request with the client's CSRF token.
func (c *client) putJSON(method, path, body string) *httptest.ResponseRecorder {
	c.t.Helper()
	return c.do(method, path, strings.NewReader(body), map[string]string{"Content-Type": "application/json", "X-CSRF-Token": c.csrf})
}

func readDraft(t *testing.T, rec *httptest.ResponseRecorder) draft {
	t.Helper()
	if rec.Code != http.StatusOK {
		t.Fatalf("draft: %d %s", rec.Code, rec.Body.String())
	}
	var d draft
	if err := json.Unmarshal(rec.Body.Bytes(), &d); err != nil {
		t.Fatalf("draft answer %q: %v", rec.Body.String(), err)
	}
	return d
}

// TestDrafts: a draft is saved and read back per user and enquiry, kept
// draftTTL, refused without the CSRF token, when too large, or not
// strict JSON, and dropped when the reply is sent.
func TestDrafts(t *testing.T) {
	redisBackends(t, func(t *testing.T, newRedis func(t *testing.T) *servers.Redis) {
		f := newFixtureOn(t, newRedis(t))
		ref := f.plain("Drafts", "ann")
		other := f.plain("Other", "ann")
		ann := f.client().loginAs("ann")
		bob := f.client().loginAs("bob")
		path := "/enquiries/" + ref + "/draft"

		if d := readDraft(t, ann.get(path)); d.Body != "" {
			t.Fatalf("a draft before any was saved: %+v", d)
		}
		d := readDraft(t, ann.putJSON("PUT", path, `{"body":"Dear Jo, half-way through","kind":"substantive"}`))
		if d.Body != "Dear Jo, half-way through" || d.Kind != "substantive" || !d.SavedAt.Equal(t0) {
			t.Fatalf("saved %+v", d)
		}
		// Restored after a reload: the same user on the same enquiry.
		if d := readDraft(t, ann.get(path)); d.Body != "Dear Jo, half-way through" || d.Kind != "substantive" {
			t.Errorf("restored %+v", d)
		}
		// Per user and enquiry.
		if d := readDraft(t, bob.get(path)); d.Body != "" {
			t.Errorf("bob reads ann's draft: %+v", d)
		}
		if d := readDraft(t, ann.get("/enquiries/"+other+"/draft")); d.Body != "" {
			t.Errorf("the draft leaks to another enquiry: %+v", d)
		}
		// Kept for draftTTL under the web layer's own key.
		if ttl := f.rdb.TTL(f.ctx, f.srv.draftKey("ann", ref)).Val(); ttl <= 0 || ttl > draftTTL {
			t.Errorf("draft TTL %v, want up to %v", ttl, draftTTL)
		}
		if !strings.Contains(f.srv.draftKey("ann", ref), "web:draft:") {
			t.Errorf("draft key %q is not the web layer's", f.srv.draftKey("ann", ref))
		}

		// Refused: no CSRF token, too large, not strict JSON, a bad kind,
		// an unknown enquiry.
		noCSRF := ann.do("PUT", path, strings.NewReader(`{"body":"x"}`), map[string]string{"Content-Type": "application/json"})
		if noCSRF.Code != http.StatusForbidden {
			t.Errorf("PUT without CSRF: %d", noCSRF.Code)
		}
		for _, c := range []struct {
			name, body string
			want       int
		}{
			{"body over 100,000 bytes", `{"body":"` + strings.Repeat("a", maxDraftBody+1) + `"}`, http.StatusRequestEntityTooLarge},
			{"request over the limit", `{"body":"` + strings.Repeat("a", maxDraftBytes) + `"}`, http.StatusRequestEntityTooLarge},
			{"unknown field", `{"body":"x","to":"someone"}`, http.StatusBadRequest},
			{"duplicate key", `{"body":"x","body":"y"}`, http.StatusBadRequest},
			{"two objects", `{"body":"x"}{"body":"y"}`, http.StatusBadRequest},
			{"bad kind", `{"body":"x","kind":"final"}`, http.StatusBadRequest},
		} {
			if rec := ann.putJSON("PUT", path, c.body); rec.Code != c.want {
				t.Errorf("%s: %d, want %d (%s)", c.name, rec.Code, c.want, firstLine(rec.Body.String()))
			}
		}
		if d := readDraft(t, ann.get(path)); d.Body != "Dear Jo, half-way through" {
			t.Errorf("a refused save changed the draft: %+v", d)
		}
		if rec := ann.get("/enquiries/TEST-NOPE/draft"); rec.Code != http.StatusNotFound {
			t.Errorf("draft of an unknown enquiry: %d", rec.Code)
		}

		// Sending the reply drops the draft; bob's own draft elsewhere stays.
		readDraft(t, bob.putJSON("PUT", path, `{"body":"bob's words"}`))
		ann.get("/enquiries/" + ref)
		if rec := ann.post("/enquiries/"+ref+"/reply", url.Values{"body": {"Dear Jo"}, "kind": {"holding"}}); rec.Code != http.StatusSeeOther {
			t.Fatalf("reply: %d %s", rec.Code, firstLine(rec.Body.String()))
		}
		if d := readDraft(t, ann.get(path)); d.Body != "" {
			t.Errorf("draft after the reply was sent: %+v", d)
		}
		if d := readDraft(t, bob.get(path)); d.Body != "bob's words" {
			t.Errorf("bob's draft after ann's reply: %+v", d)
		}
		// An empty body and DELETE both forget it.
		readDraft(t, bob.putJSON("PUT", path, `{"body":""}`))
		if n := f.rdb.Exists(f.ctx, f.srv.draftKey("bob", ref)).Val(); n != 0 {
			t.Error("an empty draft is still stored")
		}
		readDraft(t, bob.putJSON("PUT", path, `{"body":"again"}`))
		if rec := bob.putJSON("DELETE", path, ""); rec.Code != http.StatusNoContent {
			t.Errorf("DELETE: %d", rec.Code)
		}
		if d := readDraft(t, bob.get(path)); d.Body != "" {
			t.Errorf("after DELETE: %+v", d)
		}
	})
}

// TestPresenceExpires: a heartbeat shows the user to others (not to
// themselves) as viewing or drafting, and the entry is gone presenceTTL
// after the last heartbeat, by the fake clock.
func TestPresenceExpires(t *testing.T) {
	redisBackends(t, func(t *testing.T, newRedis func(t *testing.T) *servers.Redis) {
		f := newFixtureOn(t, newRedis(t))
		ref := f.plain("Presence", "ann")
		ann := f.client().loginAs("ann")
		bob := f.client().loginAs("bob")
		path := "/enquiries/" + ref + "/presence"
		beat := func(c *client, state string) presenceAnswer {
			t.Helper()
			rec := c.putJSON("POST", path, `{"state":"`+state+`"}`)
			if rec.Code != http.StatusOK {
				t.Fatalf("heartbeat: %d %s", rec.Code, rec.Body.String())
			}
			var a presenceAnswer
			if err := json.Unmarshal(rec.Body.Bytes(), &a); err != nil {
				t.Fatal(err)
			}
			return a
		}
		texts := func(a presenceAnswer) string {
			var s []string
			for _, o := range a.Others {
				s = append(s, o.Text)
			}
			return strings.Join(s, "; ")
		}
		if a := beat(ann, "drafting"); len(a.Others) != 0 || a.EveryMs != presenceEvery.Milliseconds() {
			t.Errorf("alone: %+v", a)
		}
		if got := texts(beat(bob, "viewing")); got != "Ann Officer is drafting a reply" {
			t.Errorf("bob sees %q", got)
		}
		if got := texts(beat(ann, "viewing")); got != "Bob Officer is viewing" {
			t.Errorf("ann sees %q", got)
		}
		// Bob stops sending heartbeats; ann keeps on.
		f.clock.Advance(presenceTTL - time.Second)
		if got := texts(beat(ann, "viewing")); got != "Bob Officer is viewing" {
			t.Errorf("just before expiry ann sees %q", got)
		}
		f.clock.Advance(2 * time.Second)
		if got := texts(beat(ann, "viewing")); got != "" {
			t.Errorf("after expiry ann sees %q", got)
		}
		if n := f.rdb.ZCard(f.ctx, f.srv.presenceKey(ref)).Val(); n != 1 {
			t.Errorf("%d entries in the presence set, want ann's only", n)
		}
		if n := f.rdb.HLen(f.ctx, f.srv.presenceKey(ref)+":state").Val(); n != 1 {
			t.Errorf("%d states kept, want ann's only", n)
		}
		// Leaving removes the entry at once.
		beat(bob, "viewing")
		if rec := bob.putJSON("POST", path, `{"state":"left"}`); rec.Code != http.StatusNoContent {
			t.Errorf("left: %d", rec.Code)
		}
		if got := texts(beat(ann, "viewing")); got != "" {
			t.Errorf("after bob left ann sees %q", got)
		}
		// Refused: a bad state, no CSRF token, an unknown enquiry.
		if rec := ann.putJSON("POST", path, `{"state":"lurking"}`); rec.Code != http.StatusBadRequest {
			t.Errorf("bad state: %d", rec.Code)
		}
		if rec := ann.do("POST", path, strings.NewReader(`{"state":"viewing"}`), map[string]string{"Content-Type": "application/json"}); rec.Code != http.StatusForbidden {
			t.Errorf("no CSRF: %d", rec.Code)
		}
		if rec := ann.putJSON("POST", "/enquiries/TEST-NOPE/presence", `{"state":"viewing"}`); rec.Code != http.StatusNotFound {
			t.Errorf("unknown enquiry: %d", rec.Code)
		}
	})
}

var openedField = `name="opened" value="`

// openedAt is the reply form's "opened" value on an enquiry page.
func openedAt(t *testing.T, html string) string {
	t.Helper()
	i := strings.Index(html, openedField)
	if i < 0 {
		t.Fatal("the reply form carries no opened field")
	}
	rest := html[i+len(openedField):]
	return rest[:strings.IndexByte(rest, '"')]
}

// TestReplyCollision: a reply is refused with 409, naming who replied,
// when a colleague replied after the form was opened; the text is kept,
// and "Send anyway" sends it. A reply of one's own, or one before the
// form was opened, is no collision.
func TestReplyCollision(t *testing.T) {
	f := newFixture(t)
	ref := f.plain("Collision", "ann")
	ann := f.client().loginAs("ann")
	page := ann.get("/enquiries/" + ref).Body.String()
	opened := openedAt(t, page)

	// Ann's own earlier reply, and one by bob before the page was opened, are not collisions.
	if _, err := f.st.RecordResponse(f.ctx, ref, store.Response{At: t0.Add(-time.Minute), By: "bob", Kind: store.Holding, Via: "api", MessageID: "<early@x>"}); err != nil {
		t.Fatal(err)
	}
	f.clock.Advance(time.Minute)
	if _, err := f.st.RecordResponse(f.ctx, ref, store.Response{At: f.clock.Now(), By: "ann", Kind: store.Holding, Via: "api", MessageID: "<own@x>"}); err != nil {
		t.Fatal(err)
	}
	form := url.Values{"body": {"My answer"}, "kind": {"substantive"}, "opened": {opened}}
	if rec := ann.post("/enquiries/"+ref+"/reply", form); rec.Code != http.StatusSeeOther {
		t.Fatalf("no collision: %d %s", rec.Code, firstLine(rec.Body.String()))
	}

	// Bob replies (from his mail client) after ann opened the page.
	page = ann.get("/enquiries/" + ref).Body.String()
	form.Set("opened", openedAt(t, page))
	f.clock.Advance(time.Minute)
	if _, err := f.st.RecordResponse(f.ctx, ref, store.Response{At: f.clock.Now(), By: "bob", Kind: store.Substantive, Via: "sent-folder", MessageID: "<bob@x>"}); err != nil {
		t.Fatal(err)
	}
	before := len(f.replies.requests())
	rec := ann.post("/enquiries/"+ref+"/reply", form)
	body := rec.Body.String()
	if rec.Code != http.StatusConflict {
		t.Fatalf("collision: %d, want 409", rec.Code)
	}
	for _, want := range []string{"Bob Officer has replied", "since you opened this enquiry", "My answer", `name="send_anyway" value="1"`, "Send anyway"} {
		if !strings.Contains(body, want) {
			t.Errorf("the 409 page lacks %q", want)
		}
	}
	if n := len(f.replies.requests()); n != before {
		t.Fatalf("a colliding reply was sent (%d requests, had %d)", n, before)
	}
	// Confirmed: the re-rendered form sends it.
	form.Set("opened", openedAt(t, body))
	form.Set("send_anyway", "1")
	if rec := ann.post("/enquiries/"+ref+"/reply", form); rec.Code != http.StatusSeeOther {
		t.Fatalf("send anyway: %d %s", rec.Code, firstLine(rec.Body.String()))
	}
	if n := len(f.replies.requests()); n != before+1 {
		t.Errorf("send anyway: %d requests, want %d", n, before+1)
	}
	// Without the confirmation, the re-rendered form's newer opened time
	// is enough too (the officer has now seen bob's reply).
	form.Del("send_anyway")
	form.Set("opened", openedAt(t, body))
	if rec := ann.post("/enquiries/"+ref+"/reply", form); rec.Code != http.StatusSeeOther {
		t.Errorf("after seeing bob's reply: %d", rec.Code)
	}
}

// TestChangeText: the banner's words for each kind of live event.
func TestChangeText(t *testing.T) {
	f := newFixture(t)
	for _, c := range []struct {
		typ  string
		data map[string]any
		want string
	}{
		{"note.added", map[string]any{"by": "bob"}, "note added by Bob Officer"},
		{"response.recorded", map[string]any{"by": "bob", "kind": "holding"}, "reply sent by Bob Officer"},
		{"enquiry.assigned", map[string]any{"by": "meg", "to": "bob"}, "assigned to Bob Officer by Meg Manager"},
		{"enquiry.assigned", map[string]any{"by": "bob", "to": "bob"}, "claimed by Bob Officer"},
		{"enquiry.resolved", map[string]any{"by": "ann"}, "resolved by Ann Officer"},
		{"clock.breached", map[string]any{"clock": store.ClockAcknowledge}, "the holding reply clock breached"},
		{"clock.warned", map[string]any{"clock": store.ClockResolution}, "the resolution clock is about to breach"},
		{"enquiry.followup", nil, "new message from the journalist"},
		{"note.added", nil, "note added by someone"},
		{"something.new", nil, "something new"},
	} {
		if got := f.srv.changeText(c.typ, c.data); got != c.want {
			t.Errorf("%s %v: %q, want %q", c.typ, c.data, got, c.want)
		}
	}
}

// TestPresenceNewsIsLive: a heartbeat that is news (someone arrives, or
// changes state) goes out on the live hub as a "presence" event; a
// heartbeat that changes nothing does not.
func TestPresenceNewsIsLive(t *testing.T) {
	f := newFixture(t)
	ref := f.plain("Presence live", "ann")
	ann := f.client().loginAs("ann")
	ch, stop := f.srv.hub.subscribe()
	defer stop()
	beat := func(state string) {
		t.Helper()
		if rec := ann.putJSON("POST", "/enquiries/"+ref+"/presence", `{"state":"`+state+`"}`); rec.Code != http.StatusOK {
			t.Fatalf("heartbeat: %d", rec.Code)
		}
	}
	expect := func(what string, want bool) {
		t.Helper()
		select {
		case ev := <-ch:
			if !want || ev.Type != presenceEvent || ev.Ref != ref {
				t.Errorf("%s: event %+v", what, ev)
			}
		case <-time.After(300 * time.Millisecond):
			if want {
				t.Errorf("%s: no presence event", what)
			}
		}
	}
	beat("viewing")
	expect("arrives", true)
	beat("viewing")
	expect("the same again", false)
	beat("drafting")
	expect("starts drafting", true)
}

// TestReplyCollisionAPI: the JSON API's reply takes "opened" and
// "send_anyway" to the same rule.
func TestReplyCollisionAPI(t *testing.T) {
	f := newFixture(t)
	ref := f.plain("Collision API", "ann")
	ann := f.client().loginAs("ann")
	opened := f.clock.Now().UnixMilli()
	f.clock.Advance(time.Minute)
	if _, err := f.st.RecordResponse(f.ctx, ref, store.Response{At: f.clock.Now(), By: "bob", Kind: store.Holding, Via: "sent-folder", MessageID: "<bob-api@x>"}); err != nil {
		t.Fatal(err)
	}
	path := "/api/enquiries/" + ref + "/replies"
	body := func(extra string) string {
		return fmt.Sprintf(`{"body":"Mine","kind":"substantive","opened":%d%s}`, opened, extra)
	}
	rec := ann.putJSON("POST", path, body(""))
	if rec.Code != http.StatusConflict || !strings.Contains(rec.Body.String(), "Bob Officer has replied") || !strings.Contains(rec.Body.String(), "send_anyway") {
		t.Fatalf("colliding API reply: %d %s", rec.Code, rec.Body.String())
	}
	if n := len(f.replies.requests()); n != 0 {
		t.Fatalf("sent anyway: %d", n)
	}
	if rec := ann.putJSON("POST", path, body(`,"send_anyway":true`)); rec.Code != http.StatusAccepted {
		t.Fatalf("send_anyway: %d %s", rec.Code, rec.Body.String())
	}
	// Without "opened", the API is as before.
	if rec := ann.putJSON("POST", path, `{"body":"Again","kind":"substantive"}`); rec.Code != http.StatusAccepted {
		t.Errorf("no opened: %d %s", rec.Code, rec.Body.String())
	}
}
