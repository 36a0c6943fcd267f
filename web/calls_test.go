package web

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/servers"
	"github.com/mediadesk/mediadesk/internal/servers/servertest"
	"github.com/mediadesk/mediadesk/releases/release"
	"github.com/mediadesk/mediadesk/routing"
	"github.com/mediadesk/mediadesk/sla"
	"github.com/mediadesk/mediadesk/sla/plan"
	"github.com/mediadesk/mediadesk/store"
)

// testCallRouter routes like internal/app.Router (which web cannot import):
// routing.Router for the decision, the rota against the live load.
type testCallRouter struct {
	cfg *config.Config
	r   *routing.Router
	now func() time.Time
}

func newTestCallRouter(t testing.TB, f *fixture) *testCallRouter {
	t.Helper()
	rl, err := release.LoadJSONL(strings.NewReader(testRelease))
	if err != nil {
		t.Fatal(err)
	}
	r, err := routing.NewRouter(f.cfg, routing.NewCatalogue(rl, f.cfg.Location))
	if err != nil {
		t.Fatal(err)
	}
	return &testCallRouter{cfg: f.cfg, r: r, now: f.clock.Now}
}

func (a *testCallRouter) Officers() []string {
	var ids []string
	for _, o := range a.cfg.Officers {
		ids = append(ids, o.ID)
	}
	return ids
}

func (a *testCallRouter) Route(in *store.Incoming) {
	input := routing.InputFromMessage(in.Msg)
	input.Received = in.Received
	d := a.r.Route(input, a.now(), routing.Load{})
	in.New = &store.NewEnquiry{Outlet: d.Outlet, OutletTier: d.OutletTier, Topic: d.Topic, TopicReason: d.TopicReason,
		Release: d.Release, ReleaseTitle: d.ReleaseTitle, Deadline: d.Deadline, DeadlinePhrase: d.DeadlinePhrase,
		Policy: d.Plan.Policy, AcknowledgeDue: d.Plan.AcknowledgeDue, FirstResponseDue: d.Plan.FirstResponseDue,
		ResolutionDue: d.Plan.ResolutionDue}
	in.DeadlineTarget = plan.DeadlineTarget(a.cfg.SLA.DeadlineMargin, d.Deadline, in.Received)
}

func (a *testCallRouter) Assign(in *store.Incoming, load *store.Load) {
	as := a.r.Rota().Assign(in.New.Topic, a.now(), routing.Load{Open: load.Open, LastAssigned: load.LastAssigned})
	in.New.Officer, in.New.OfficerReason, in.New.Shift = as.Officer, as.Reason, as.Shift
}

func callFixture(t *testing.T, r *servers.Redis) *fixture {
	t.Helper()
	var f *fixture
	var router *testCallRouter
	f = newFixtureOn(t, r, func(o *Options) { o.Calls = callRouterFunc(func() CallRouter { return router }) })
	router = newTestCallRouter(t, f)
	return f
}

// callRouterFunc defers building the router until the fixture exists.
type callRouterFunc func() CallRouter

func (c callRouterFunc) Officers() []string                          { return c().Officers() }
func (c callRouterFunc) Route(in *store.Incoming)                    { c().Route(in) }
func (c callRouterFunc) Assign(in *store.Incoming, load *store.Load) { c().Assign(in, load) }

var nonceField = regexp.MustCompile(`name="nonce" value="([0-9a-f]+)"`)

// TestLogCallForm: an officer logs a call on the dashboard; it becomes an
// enquiry with channel phone, routed and clocked like mail (the stated
// deadline pulls the clocks forward), seen in the queue, the API, the
// export and the report; submitting the same form twice makes one enquiry.
func TestLogCallForm(t *testing.T) {
	redisBackends(t, func(t *testing.T, r func(t *testing.T) *servers.Redis) {
		f := callFixture(t, r(t))
		c := f.client().loginAs("bob")
		page := c.get("/calls/new")
		if page.Code != 200 {
			t.Fatalf("GET /calls/new: %d", page.Code)
		}
		m := nonceField.FindStringSubmatch(page.Body.String())
		if m == nil {
			t.Fatalf("no nonce in the form:\n%s", page.Body.String())
		}
		deadline := t0.Add(90 * time.Minute).In(f.cfg.Location) // 11:00 London
		form := url.Values{"nonce": {m[1]}, "name": {"Jo Reporter"}, "phone": {"+44 20 7946 0000"},
			"outlet": {"BBC"}, "channel": {"phone"}, "question": {"Will the Foreign Secretary visit Albania again?\nNeeds a quote."},
			"deadline": {deadline.Format("2006-01-02T15:04")}}
		rec := c.post("/calls", form)
		if rec.Code != http.StatusSeeOther {
			t.Fatalf("POST /calls: %d %s", rec.Code, rec.Body.String())
		}
		ref := strings.TrimPrefix(strings.Split(rec.Header().Get("Location"), "?")[0], "/enquiries/")
		e, err := f.st.Enquiry(f.ctx, ref)
		if err != nil {
			t.Fatal(err)
		}
		if e.Channel != store.ChannelPhone || e.Topic != "europe" || e.Officer != "ann" || e.Outlet != "BBC" || e.OutletTier != "broadcast" {
			t.Errorf("enquiry: channel %q topic %q officer %q outlet %q/%q", e.Channel, e.Topic, e.Officer, e.Outlet, e.OutletTier)
		}
		if !e.Deadline.Equal(deadline) {
			t.Errorf("deadline %v, want %v", e.Deadline, deadline)
		}
		// standard: acknowledge 15m, first response 2h → pulled to 11:00 − 15m.
		if got, want := e.Clocks[store.ClockAcknowledge].Due, t0.Add(15*time.Minute); !got.Equal(want) {
			t.Errorf("acknowledge due %v, want %v", got, want)
		}
		if got, want := e.Clocks[store.ClockFirstResponse].Due, t0.Add(75*time.Minute); !got.Equal(want) {
			t.Errorf("first response due %v, want %v (deadline − margin)", got, want)
		}
		if e.Clocks[store.ClockResolution].Due.IsZero() {
			t.Error("no resolution clock")
		}
		if n, _, _, err := f.st.ClockBacklog(f.ctx); n != 3 {
			t.Errorf("%d clocks scheduled to warn (%v), want 3", n, err)
		}
		// Twice the same form (a double click, a resent POST): one enquiry.
		rec = c.post("/calls", form)
		if loc := rec.Header().Get("Location"); rec.Code != http.StatusSeeOther || !strings.HasPrefix(loc, "/enquiries/"+ref) {
			t.Fatalf("second POST: %d %q, want the same enquiry %s", rec.Code, loc, ref)
		}
		_, total, err := f.st.List(f.ctx, store.ListOptions{})
		if err != nil || total != 1 {
			t.Fatalf("enquiries after a double submit: %d (%v), want 1", total, err)
		}
		// The queue and the API show it.
		if q := c.get("/queues/open"); !strings.Contains(q.Body.String(), ref) || !strings.Contains(q.Body.String(), "Phone call (BBC)") ||
			!strings.Contains(q.Body.String(), `<span class="channel phone" title="logged on the dashboard">phone</span>`) {
			t.Errorf("queue does not show the call %s as a phone enquiry", ref)
		}
		api := c.get("/api/enquiries/" + ref)
		var got map[string]any
		if err := json.Unmarshal(api.Body.Bytes(), &got); err != nil || got["channel"] != "phone" {
			t.Errorf("API enquiry: %v %s", err, api.Body.String())
		}
		// The export has the channel column; the report counts it.
		rep, err := sla.NewReporter(f.st, f.cfg, f.clock)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		q := sla.Query{From: t0.Add(-24 * time.Hour), To: t0.Add(24 * time.Hour)}
		if n, err := rep.Export(f.ctx, q, sla.ExportCSV, &buf); err != nil || n != 1 {
			t.Fatalf("export: %d %v", n, err)
		}
		rows, err := csv.NewReader(&buf).ReadAll()
		if err != nil || len(rows) != 2 {
			t.Fatalf("export CSV: %v %d rows", err, len(rows))
		}
		col := slices.Index(rows[0], "channel")
		if col < 0 || rows[1][col] != "phone" || rows[1][0] != ref {
			t.Errorf("export: channel column %d in %q / %q", col, rows[0], rows[1])
		}
		proj, err := sla.NewProjector(f.st, f.cfg, quietLogger(t))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := proj.CatchUp(f.ctx); err != nil {
			t.Fatal(err)
		}
		report, err := rep.Report(f.ctx, q)
		if err != nil || report.Total.Opened != 1 {
			t.Fatalf("report: opened %v, err %v", report, err)
		}
	})
}

// TestLogCallAPI: POST /api/calls takes strict JSON, answers 201 then 200
// with the same reference for the same nonce.
func TestLogCallAPI(t *testing.T) {
	f := callFixture(t, servertestRedis(t))
	c := f.client().loginAs("ann")
	send := func(body string) (int, map[string]any) {
		rec := c.do("POST", "/api/calls", strings.NewReader(body), map[string]string{"Content-Type": "application/json", "X-CSRF-Token": c.csrf})
		var v map[string]any
		_ = json.Unmarshal(rec.Body.Bytes(), &v)
		return rec.Code, v
	}
	body := `{"name":"Sam","email":"Sam@Example.com","question":"Any comment on the visit?","nonce":"n-1","send_ack":true}`
	code, v := send(body)
	if code != http.StatusCreated || v["created"] != true {
		t.Fatalf("first: %d %v", code, v)
	}
	ref, _ := v["ref"].(string)
	if code, v = send(body); code != http.StatusOK || v["ref"] != ref || v["created"] != false {
		t.Fatalf("again: %d %v, want 200 with %s", code, v, ref)
	}
	e, err := f.st.Enquiry(f.ctx, ref)
	if err != nil || e.From != "sam@example.com" || e.Fields["ack_requested"] != "1" || e.Channel != "phone" {
		t.Fatalf("enquiry: %v %+v", err, e)
	}
	for _, bad := range []string{
		`{"question":"q","phone":"1","nonce":"x","extra":1}`,
		`{"question":"q","phone":"1","nonce":"x"} {}`,
		`{"question":"q","phone":"1","nonce":"x","nonce":"y"}`,
		`{"question":"q","nonce":"x"}`,
	} {
		if code, v := send(bad); code != http.StatusBadRequest {
			t.Errorf("%s: %d %v, want 400", bad, code, v)
		}
	}
}

// TestLogCallValidation: what an officer typed is checked before
// anything is written.
func TestLogCallValidation(t *testing.T) {
	f := callFixture(t, servertestRedis(t))
	u := &User{ID: "ann", Name: "Ann Officer", Role: config.RoleOfficer}
	ok := CallRequest{Question: "Comment?", Phone: "+44 1", Nonce: "v"}
	for _, tc := range []struct {
		name string
		edit func(r *CallRequest)
		want string
	}{
		{"no question", func(r *CallRequest) { r.Question = "  " }, "question"},
		{"no contact", func(r *CallRequest) { r.Phone = "" }, "email address or phone"},
		{"no nonce", func(r *CallRequest) { r.Nonce = "" }, "nonce"},
		{"bad email", func(r *CallRequest) { r.Email = "not an address" }, "not valid"},
		{"display name in email", func(r *CallRequest) { r.Email = "Jo <jo@example.com>" }, "not valid"},
		{"own address", func(r *CallRequest) { r.Email = "ann@desk.example.gov.uk" }, "desk's own"},
		{"ack without email", func(r *CallRequest) { r.SendAck = true }, "needs the journalist's email"},
		{"letters in phone", func(r *CallRequest) { r.Phone = "call me maybe" }, "phone number"},
		{"control chars", func(r *CallRequest) { r.Name = "Jo\r\nBcc: x@example.com" }, "control characters"},
		{"past deadline", func(r *CallRequest) { r.Deadline = t0.Add(-time.Hour).Format(time.RFC3339) }, "passed"},
		{"bad deadline", func(r *CallRequest) { r.Deadline = "tomorrow" }, "not a date"},
		{"bad channel", func(r *CallRequest) { r.Channel = "fax" }, "channel"},
		{"long outlet", func(r *CallRequest) { r.Outlet = strings.Repeat("x", 201) }, "longer"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := ok
			tc.edit(&r)
			_, err := f.srv.LogCall(f.ctx, u, r)
			status, msg := callError(err)
			if err == nil || status != http.StatusBadRequest || !strings.Contains(msg, tc.want) {
				t.Errorf("got %d %q (%v), want 400 with %q", status, msg, err, tc.want)
			}
		})
	}
	if _, total, _ := f.st.List(f.ctx, store.ListOptions{}); total != 0 {
		t.Errorf("%d enquiries written by refused calls", total)
	}
}

// TestLogCallGuarded: signing in, the CSRF token and the officer role are
// required; without a router the form says calls are unavailable.
func TestLogCallGuarded(t *testing.T) {
	f := callFixture(t, servertestRedis(t))
	form := url.Values{"nonce": {"g"}, "phone": {"1"}, "question": {"q"}} // valid: without a router, 503
	anon := f.client()
	if rec := anon.post("/calls", form); rec.Code == http.StatusSeeOther && strings.HasPrefix(rec.Header().Get("Location"), "/enquiries/") {
		t.Fatalf("anonymous call logged: %d", rec.Code)
	}
	c := f.client().loginAs("ann")
	bad := url.Values{"csrf": {"wrong"}}
	for k, v := range form {
		bad[k] = v
	}
	if rec := c.post("/calls", bad); rec.Code != http.StatusForbidden {
		t.Errorf("wrong CSRF token: %d, want 403", rec.Code)
	}
	if rec := c.do("POST", "/api/calls", strings.NewReader(`{"phone":"1","question":"q","nonce":"g"}`),
		map[string]string{"Content-Type": "application/json"}); rec.Code != http.StatusForbidden {
		t.Errorf("API without CSRF header: %d, want 403", rec.Code)
	}
	if _, total, _ := f.st.List(f.ctx, store.ListOptions{}); total != 0 {
		t.Errorf("%d enquiries written by refused requests", total)
	}
	for _, p := range []string{"GET /calls/new", "POST /calls", "POST /api/calls"} {
		if RouteRole(p) != config.RoleOfficer {
			t.Errorf("%s needs %q, want officer", p, RouteRole(p))
		}
	}
	off := newFixtureOn(t, servertestRedis(t))
	c2 := off.client().loginAs("ann")
	if rec := c2.get("/calls/new"); !strings.Contains(rec.Body.String(), "not available") {
		t.Errorf("without a router the form should say so")
	}
	if rec := c2.post("/calls", form); rec.Code != http.StatusServiceUnavailable {
		t.Errorf("without a router: %d, want 503", rec.Code)
	}
}

func servertestRedis(t *testing.T) *servers.Redis { t.Helper(); return servertest.Redis(t) }

// TestCallMailboxReserved: the pseudo-mailbox of logged calls is the id
// the configuration refuses for a real mailbox, so no mailbox's messages
// can collide with a call's source.
func TestCallMailboxReserved(t *testing.T) {
	if store.CallMailbox != config.ReservedCallMailbox {
		t.Errorf("store.CallMailbox %q, config.ReservedCallMailbox %q", store.CallMailbox, config.ReservedCallMailbox)
	}
}
