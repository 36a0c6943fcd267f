package web

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/outbound"
	"github.com/mediadesk/mediadesk/releases"
	"github.com/mediadesk/mediadesk/store"
)

func (f *fixture) timeline(ref string) []store.Event {
	f.t.Helper()
	tl, err := f.st.Timeline(f.ctx, ref)
	if err != nil {
		f.t.Fatal(err)
	}
	return tl
}

func (f *fixture) enquiry(ref string) *store.Enquiry {
	f.t.Helper()
	e, err := f.st.Enquiry(f.ctx, ref)
	if err != nil {
		f.t.Fatal(err)
	}
	return e
}

func lastEvent(tl []store.Event) store.Event { return tl[len(tl)-1] }

// TestPageActions runs every action from the enquiry page's forms and
// checks Redis and the timeline.
func TestPageActions(t *testing.T) {
	f := newFixture(t)
	ref := f.plain("Actions", "")
	bob := f.client().loginAs("bob")
	done := func(rec *httptest.ResponseRecorder, code string) {
		t.Helper()
		want := "/enquiries/" + ref + "?done=" + code
		if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != want {
			t.Fatalf("%d %q, want %s; %s", rec.Code, rec.Header().Get("Location"), want, textOf(rec.Body.String(), "flash"))
		}
		page := bob.get(want).Body.String()
		if textOf(page, "flash") != flashes[code] {
			t.Errorf("flash %q", textOf(page, "flash"))
		}
	}
	done(bob.post("/enquiries/"+ref+"/claim", url.Values{"expect": {""}}), "claimed")
	if e := f.enquiry(ref); e.Officer != "bob" {
		t.Fatalf("officer %q", e.Officer)
	}
	if ev := lastEvent(f.timeline(ref)); ev.Type != "claimed" || ev.By != "bob" {
		t.Fatalf("timeline %+v", ev)
	}
	done(bob.post("/enquiries/"+ref+"/claim", url.Values{"expect": {"bob"}}), "noop")

	done(bob.post("/enquiries/"+ref+"/note", url.Values{"text": {"  Called the journalist back.  "}}), "noted")
	if ev := lastEvent(f.timeline(ref)); ev.Type != "note" || ev.Text != "Called the journalist back." || ev.By != "bob" {
		t.Fatalf("note %+v", ev)
	}
	done(bob.post("/enquiries/"+ref+"/reply", url.Values{"body": {"We will come back to you by 4pm."}, "kind": {"holding"}, "reply_id": {"r1"}}), "replied")
	reqs := f.replies.requests()
	if len(reqs) != 1 || reqs[0].By != "bob" || reqs[0].Kind != "holding" || reqs[0].ID != "r1" || reqs[0].Body != "We will come back to you by 4pm." || reqs[0].UseLinesToTake {
		t.Fatalf("reply requests %+v", reqs)
	}
	done(bob.post("/enquiries/"+ref+"/reply", url.Values{"body": {""}, "kind": {"substantive"}, "use_lines": {"1"}, "reply_id": {"r2"}}), "replied")
	if reqs := f.replies.requests(); !reqs[1].UseLinesToTake {
		t.Error("use_lines not passed on")
	}
	done(bob.post("/enquiries/"+ref+"/waiting", url.Values{"on": {"1"}}), "waiting")
	if e := f.enquiry(ref); e.Status != store.StatusWaiting {
		t.Fatalf("status %s", e.Status)
	}
	page := bob.get("/enquiries/" + ref).Body.String()
	if !strings.Contains(page, `id="resume"`) || !strings.Contains(page, "paused") {
		t.Error("the waiting page offers no resume or does not show the paused clock")
	}
	done(bob.post("/enquiries/"+ref+"/waiting", url.Values{"on": {"0"}}), "resumed")
	done(bob.post("/enquiries/"+ref+"/assign", url.Values{"to": {"ann"}, "expect": {"bob"}, "reason": {"ann knows Albania"}}), "assigned")
	if ev := lastEvent(f.timeline(ref)); ev.Type != "assigned" || !strings.Contains(ev.Text, "ann knows Albania") || ev.By != "bob" {
		t.Fatalf("assign %+v", ev)
	}
	// bob handed it over: now ann's.
	ann := f.client().loginAs("ann")
	if rec := ann.post("/enquiries/"+ref+"/resolve", url.Values{"note": {"Answered by phone."}}); rec.Code != http.StatusSeeOther {
		t.Fatalf("resolve: %d", rec.Code)
	}
	e := f.enquiry(ref)
	if e.Status != store.StatusResolved || e.Clocks[store.ClockResolution].Met.IsZero() {
		t.Fatalf("after resolve: %s %+v", e.Status, e.Clocks)
	}
	if rec := ann.post("/enquiries/"+ref+"/reopen", url.Values{"note": {"The journalist came back."}}); rec.Code != http.StatusSeeOther {
		t.Fatalf("reopen: %d", rec.Code)
	}
	types := []string{}
	for _, ev := range f.timeline(ref) {
		types = append(types, ev.Type)
	}
	if got := strings.Join(types, ","); got != "received,claimed,note,waiting,resumed,assigned,resolved,reopened" {
		t.Errorf("timeline %s", got)
	}
	// The page shows the timeline.
	page = ann.get("/enquiries/" + ref).Body.String()
	for _, want := range []string{"Called the journalist back.", "ann knows Albania", "Answered by phone.", "The journalist came back."} {
		if !strings.Contains(textOf(page, "timeline"), want) {
			t.Errorf("timeline lacks %q", want)
		}
	}
}

func TestPageActionErrors(t *testing.T) {
	f := newFixture(t)
	ref := f.plain("Errors", "ann")
	ann := f.client().loginAs("ann")
	bob := f.client().loginAs("bob")
	// Two officers take over from ann at once: the second loses.
	if rec := bob.post("/enquiries/"+ref+"/claim", url.Values{"expect": {"ann"}}); rec.Code != http.StatusSeeOther {
		t.Fatalf("bob: %d", rec.Code)
	}
	meg := f.client().loginAs("meg")
	rec := meg.post("/enquiries/"+ref+"/claim", url.Values{"expect": {"ann"}})
	if rec.Code != http.StatusConflict || !strings.Contains(textOf(rec.Body.String(), "flash"), "Someone got there first") ||
		!strings.Contains(textOf(rec.Body.String(), "flash"), "bob") {
		t.Fatalf("second claim: %d %q", rec.Code, textOf(rec.Body.String(), "flash"))
	}
	if e := f.enquiry(ref); e.Officer != "bob" {
		t.Fatalf("officer %s", e.Officer)
	}
	// A stale claim of an enquiry shown unassigned.
	ref2 := f.plain("Unassigned", "")
	bob.post("/enquiries/"+ref2+"/claim", url.Values{"expect": {""}})
	if rec := ann.post("/enquiries/"+ref2+"/claim", url.Values{"expect": {""}}); rec.Code != http.StatusConflict {
		t.Fatalf("claim of an enquiry claimed meanwhile: %d", rec.Code)
	}
	// Bad input keeps what was typed.
	rec = bob.post("/enquiries/"+ref+"/note", url.Values{"text": {"   "}})
	if rec.Code != http.StatusBadRequest || textOf(rec.Body.String(), "flash") != "The note is empty." {
		t.Fatalf("empty note: %d %q", rec.Code, textOf(rec.Body.String(), "flash"))
	}
	if rec := bob.post("/enquiries/"+ref+"/assign", url.Values{"to": {"nobody"}}); rec.Code != http.StatusBadRequest {
		t.Fatalf("assign to nobody: %d", rec.Code)
	}
	f.replies.err = fmt.Errorf("%w: release x has no lines to take", outbound.ErrBadRequest)
	rec = bob.post("/enquiries/"+ref+"/reply", url.Values{"body": {"Draft <b>kept</b>"}, "kind": {"substantive"}})
	if rec.Code != http.StatusBadRequest || textOf(rec.Body.String(), "flash") != "Not sent: release x has no lines to take" ||
		textOf(rec.Body.String(), "reply-body") != "Draft <b>kept</b>" || !strings.Contains(rec.Body.String(), `value="substantive" id="kind-substantive" checked`) {
		t.Fatalf("refused reply: %d %q %q", rec.Code, textOf(rec.Body.String(), "flash"), textOf(rec.Body.String(), "reply-body"))
	}
	f.replies.err = nil
	// Waiting on a resolved enquiry is refused by the store.
	bob.post("/enquiries/"+ref+"/resolve", nil)
	if rec := bob.post("/enquiries/"+ref+"/waiting", url.Values{"on": {"1"}}); rec.Code != http.StatusConflict {
		t.Fatalf("waiting on resolved: %d", rec.Code)
	}
	for path, want := range map[string]int{
		"/enquiries/TEST-1999-000001/note": 404, "/enquiries/bad:ref/note": 404, "/enquiries/" + ref + "/explode": 404,
	} {
		if rec := bob.post(path, url.Values{"text": {"x"}}); rec.Code != want {
			t.Errorf("%s: %d, want %d", path, rec.Code, want)
		}
	}
	if rec := bob.get("/enquiries/TEST-1999-000001"); rec.Code != 404 {
		t.Errorf("unknown enquiry page: %d", rec.Code)
	}
	if rec := bob.get("/queues/everything"); rec.Code != 404 {
		t.Errorf("unknown queue: %d", rec.Code)
	}
	// No replier: the page offers no reply form and the action says why.
	f2 := newFixture(t, func(o *Options) { o.Replies = nil })
	ref3 := f2.plain("No replies", "ann")
	a2 := f2.client().loginAs("ann")
	if strings.Contains(a2.get("/enquiries/"+ref3).Body.String(), "reply-form") {
		t.Error("a reply form without a replier")
	}
	if rec := a2.post("/enquiries/"+ref3+"/reply", url.Values{"body": {"x"}, "kind": {"holding"}}); rec.Code != http.StatusBadRequest {
		t.Errorf("reply without a replier: %d", rec.Code)
	}
}

func TestLinesToTake(t *testing.T) {
	f := newFixture(t)
	ref := f.plain("Lines", "ann")
	ann := f.client().loginAs("ann")
	page := ann.get("/enquiries/" + ref).Body.String()
	if textOf(page, "lines-to-take") != "" || strings.Contains(page, `id="insert-lines"`) {
		t.Fatal("the enquiry page offers draft lines to take")
	}
	approve := func(text string) {
		t.Helper()
		if _, err := f.srv.releases.ApproveLine(f.ctx, "fcdo-2023-10-16-albania", releases.LineKey(text), "meg", f.clock.Now(), f.clock.Now().Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	approve("The UK and Albania work closely together.")
	page = ann.get("/enquiries/" + ref).Body.String()
	if got := textOf(page, "lines-to-take"); !strings.Contains(got, "work closely together") || strings.Contains(got, "operational matters") ||
		!strings.Contains(page, `id="insert-lines"`) {
		t.Fatalf("the enquiry page offers %q, want only the approved line", got)
	}
	if rec := ann.post("/releases/fcdo-2023-10-16-albania/lines", url.Values{"lines": {"Mine."}}); rec.Code != http.StatusForbidden {
		t.Fatalf("officer edits lines: %d", rec.Code)
	}
	meg := f.client().loginAs("meg")
	rec := meg.post("/releases/fcdo-2023-10-16-albania/lines", url.Values{"lines": {"  First line.\r\n\r\nSecond <script>line</script>.\n"}})
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/releases/fcdo-2023-10-16-albania?done=saved" {
		t.Fatalf("save: %d %q", rec.Code, rec.Header().Get("Location"))
	}
	rel, _, _ := f.srv.releases.Get(f.ctx, "fcdo-2023-10-16-albania")
	if len(rel.LinesToTake) != 2 || rel.LinesToTake[0] != "First line." || rel.LinesToTake[1] != "Second <script>line</script>." {
		t.Fatalf("stored %q", rel.LinesToTake)
	}
	approve("Second <script>line</script>.")
	page = ann.get("/enquiries/" + ref).Body.String()
	checkSafe(t, "enquiry with lines", page)
	if got := textOf(page, "lines-to-take"); !strings.Contains(got, "Second <script>line</script>.") {
		t.Errorf("lines shown as %q", got)
	}
	if rec := meg.post("/releases/nope/lines", url.Values{"lines": {"x"}}); rec.Code != 404 {
		t.Errorf("unknown release: %d", rec.Code)
	}
	if rec := meg.post("/releases/fcdo-2023-10-16-albania/lines", url.Values{"lines": {strings.Repeat("x\n", 51)}}); rec.Code != 400 {
		t.Errorf("51 lines: %d", rec.Code)
	}
	// JSON.
	rec = meg.do("PUT", "/api/releases/fcdo-2023-10-16-albania/lines", strings.NewReader(`{"lines":["Only line."]}`),
		map[string]string{"X-CSRF-Token": meg.csrf, "Content-Type": "application/json"})
	if rec.Code != 200 {
		t.Fatalf("PUT lines: %d %s", rec.Code, rec.Body.String())
	}
	var got struct {
		LinesToTake []string `json:"lines_to_take"`
	}
	_ = json.Unmarshal(ann.get("/api/releases/fcdo-2023-10-16-albania").Body.Bytes(), &got)
	if len(got.LinesToTake) != 1 || got.LinesToTake[0] != "Only line." {
		t.Errorf("API release %+v", got)
	}
	if rec := ann.get("/releases?q=albania"); !strings.Contains(rec.Body.String(), "Foreign Secretary visits Albania") {
		t.Error("release search")
	}
	if rec := ann.get("/releases?q=zzz"); strings.Contains(rec.Body.String(), "Foreign Secretary visits Albania") {
		t.Error("release search matches everything")
	}
}

func TestAPIActions(t *testing.T) {
	f := newFixture(t)
	ref := f.plain("API", "ann")
	bob := f.client().loginAs("bob")
	call := func(c *client, action, body string) (int, map[string]any) {
		rec := c.do("POST", "/api/enquiries/"+ref+"/"+action, strings.NewReader(body), map[string]string{"X-CSRF-Token": c.csrf, "Content-Type": "application/json"})
		var out map[string]any
		_ = json.Unmarshal(rec.Body.Bytes(), &out)
		return rec.Code, out
	}
	if code, out := call(bob, "claim", `{"expect":"ann"}`); code != 200 || out["changed"] != true {
		t.Fatalf("claim: %d %v", code, out)
	}
	if code, out := call(bob, "claim", `{"expect":"ann"}`); code != 200 || out["changed"] != false {
		t.Fatalf("claim again: %d %v", code, out)
	}
	meg := f.client().loginAs("meg")
	if code, out := call(meg, "claim", `{"expect":"ann"}`); code != 409 || !strings.Contains(out["error"].(string), "bob") {
		t.Fatalf("stale claim: %d %v", code, out)
	}
	if code, _ := call(bob, "notes", `{"text":""}`); code != 400 {
		t.Fatalf("empty note: %d", code)
	}
	if code, _ := call(bob, "notes", `{"text":"x","colour":"red"}`); code != 400 {
		t.Fatalf("unknown field: %d", code)
	}
	for _, a := range []struct{ action, body string }{
		{"notes", `{"text":"from the API"}`}, {"waiting", `{"on":true}`}, {"waiting", `{"on":false}`},
		{"resolve", `{"note":"done"}`}, {"reopen", `{}`}, {"assign", `{"to":"ann","expect":"bob","reason":"back"}`},
	} {
		if code, out := call(bob, a.action, a.body); code != 200 || out["changed"] != true {
			t.Fatalf("%s %s: %d %v", a.action, a.body, code, out)
		}
	}
	types := []string{}
	for _, ev := range f.timeline(ref) {
		types = append(types, ev.Type+":"+ev.By)
	}
	if got := strings.Join(types, ","); got != "received:system,claimed:bob,note:bob,waiting:bob,resumed:bob,resolved:bob,reopened:bob,assigned:bob" {
		t.Errorf("timeline %s", got)
	}
	var me map[string]any
	_ = json.Unmarshal(bob.get("/api/me").Body.Bytes(), &me)
	if me["id"] != "bob" || me["role"] != "officer" {
		t.Errorf("me %v", me)
	}
	if rec := bob.get("/api/enquiries/bad:ref"); rec.Code != 404 {
		t.Errorf("bad ref: %d", rec.Code)
	}
}

// TestLiveEvents: /events streams a change for each entry on the events
// stream, to a signed-in browser only.
func TestLiveEvents(t *testing.T) {
	f := newFixture(t)
	srv := httptest.NewServer(f.h)
	defer srv.Close()
	if res, err := http.Get(srv.URL + "/events"); err != nil || res.StatusCode != 401 {
		t.Fatalf("anonymous: %v %v", err, res)
	}
	se, err := f.srv.sessions.create(f.ctx, "ann")
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest("GET", srv.URL+"/events", nil)
	req.AddCookie(&http.Cookie{Name: "mediadesk", Value: se.ID})
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("events: %d %q", res.StatusCode, res.Header.Get("Content-Type"))
	}
	lines := make(chan string, 100)
	go func() {
		sc := bufio.NewScanner(res.Body)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	wait := func(want string) {
		t.Helper()
		deadline := time.After(10 * time.Second)
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					t.Fatalf("stream ended before %q", want)
				}
				if strings.Contains(l, want) {
					return
				}
			case <-deadline:
				t.Fatalf("no %q within 10s", want)
			}
		}
	}
	wait(": connected")
	time.Sleep(300 * time.Millisecond) // the hub's first read
	ref := f.plain("Live", "ann")
	wait(`data: {"type":"enquiry.created","ref":"` + ref + `","text":"new message from the journalist"}`)
	if _, err := f.st.AddNote(f.ctx, ref, "bob", "x"); err != nil {
		t.Fatal(err)
	}
	wait(`data: {"type":"note.added","ref":"` + ref + `","text":"note added by Bob Officer"}`) // what changed, in words
	// Signing out ends the stream at the next check.
	old := liveRecheck
	liveRecheck = 50 * time.Millisecond
	defer func() { liveRecheck = old }()
	_ = f.srv.sessions.destroy(f.ctx, se.ID)
	// (the ticker was created with the old period; a new stream uses the new one)
	req2, _ := http.NewRequest("GET", srv.URL+"/events", nil)
	se2, _ := f.srv.sessions.create(f.ctx, "ann")
	req2.AddCookie(&http.Cookie{Name: "mediadesk", Value: se2.ID})
	res2, err := http.DefaultClient.Do(req2)
	if err != nil {
		t.Fatal(err)
	}
	defer res2.Body.Close()
	_ = f.srv.sessions.destroy(f.ctx, se2.ID)
	done := make(chan string, 1)
	go func() {
		b := new(strings.Builder)
		sc := bufio.NewScanner(res2.Body)
		for sc.Scan() {
			b.WriteString(sc.Text() + "\n")
		}
		done <- b.String()
	}()
	select {
	case body := <-done:
		if !strings.Contains(body, "event: signedout") {
			t.Errorf("stream after sign-out: %q", body)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the stream outlived its session")
	}
}
