package web

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"golang.org/x/crypto/bcrypt"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/clock"
	"github.com/mediadesk/mediadesk/internal/servers"
	"github.com/mediadesk/mediadesk/internal/servers/servertest"
	"github.com/mediadesk/mediadesk/mailparse"
	"github.com/mediadesk/mediadesk/outbound"
	"github.com/mediadesk/mediadesk/releases"
	"github.com/mediadesk/mediadesk/releases/release"
	"github.com/mediadesk/mediadesk/sla"
	"github.com/mediadesk/mediadesk/store"
)

// t0 is Monday 16 October 2023, 10:30 in London.
var t0 = time.Date(2023, 10, 16, 9, 30, 0, 0, time.UTC)

const testPassword = "correct horse battery"

const testDesk = `desk:
  name: Test Press Office
  timezone: Europe/London
  reference_prefix: TEST
  address: press@desk.example.gov.uk
mailboxes:
  - {id: desk, address: "127.0.0.1:1143", security: none, username: desk, password_env: T_IMAP_PASS, folders: [INBOX]}
redis: {url_env: T_REDIS_URL}
smtp: {address: "127.0.0.1:1025", security: none, from: "Test Press Office <press@desk.example.gov.uk>"}
releases:
  sources:
    - file: releases.jsonl
topics:
  - {id: europe, name: Europe, keywords: [Albania]}
  - {id: general, name: General enquiries, fallback: true}
officers:
  - {id: ann, name: Ann Officer, email: ann@desk.example.gov.uk, role: officer, topics: ["*"]}
  - {id: bob, name: Bob Officer, email: bob@desk.example.gov.uk, role: officer, topics: ["*"]}
  - {id: meg, name: Meg Manager, email: meg@desk.example.gov.uk, role: manager, topics: ["*"]}
  - {id: root, name: Desk Admin, email: root@desk.example.gov.uk, role: admin, topics: []}
rota:
  - {name: Duty desk, topics: ["*"], officers: [ann], start: "0 0 * * *", duration: 24h}
escalation: {manager: meg, after_breach: 30m}
sla:
  policies:
    - {id: standard, acknowledge: 15m, first_response: 2h, resolution: 24h}
  deadline_margin: 15m
  warn_before: 15m
outlets:
  - {domain: bbc.co.uk, name: BBC, tier: broadcast}
`

const testRelease = `{"id":"fcdo-2023-10-16-albania","title":"Foreign Secretary visits Albania","url":"https://www.gov.uk/government/news/albania","published":"2023-10-16T09:00:00+01:00","department":"FCDO","topics":["europe"],"body":"The Foreign Secretary visited Tirana.","lines_to_take":["The UK and Albania work closely together.","We will not comment on operational matters."]}
`

// fixture is a Server over a real (or mini) Redis with a fake clock, its
// routes and stand-ins for the routes outbound and sla register.
type fixture struct {
	t       testing.TB
	ctx     context.Context
	cfg     *config.Config
	clock   *clock.Fake
	rdb     *redis.Client
	st      *store.Store
	srv     *Server
	mux     *http.ServeMux
	h       http.Handler
	replies *fakeReplier
	dir     string
	uid     uint32
}

type fixtureOpt func(o *Options)

func newFixture(t *testing.T, opts ...fixtureOpt) *fixture {
	t.Helper()
	return newFixtureOn(t, servertest.Redis(t), opts...)
}

// newFixtureOn is newFixture on a given Redis.
func newFixtureOn(t testing.TB, r *servers.Redis, opts ...fixtureOpt) *fixture {
	t.Helper()
	opt, err := redis.ParseURL(r.URL)
	if err != nil {
		t.Fatal(err)
	}
	rdb := redis.NewClient(opt)
	t.Cleanup(func() { rdb.Close() })
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "releases.jsonl"), []byte(testRelease), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Parse([]byte(testDesk), filepath.Join(dir, "desk.yaml"), config.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	fc := clock.NewFake(t0)
	st := store.New(rdb, store.Options{RefPrefix: "TEST", Location: cfg.Location, Clock: fc})
	rels := releases.NewStore(rdb, "")
	rl, err := release.LoadJSONL(strings.NewReader(testRelease))
	if err == nil {
		_, err = rels.Put(context.Background(), rl)
	}
	if err != nil {
		t.Fatal(err)
	}
	users := filepath.Join(dir, "users")
	for _, id := range []string{"ann", "bob", "meg", "root"} {
		if err := SetPassword(users, id, testPassword, bcrypt.MinCost); err != nil {
			t.Fatal(err)
		}
	}
	f := &fixture{t: t, ctx: context.Background(), cfg: cfg, clock: fc, rdb: rdb, st: st, dir: dir, replies: &fakeReplier{}}
	o := Options{
		Config: cfg, Store: st, Releases: rels, Clock: fc, Log: quietLogger(t),
		UsersFile: users, TokensFile: filepath.Join(dir, "tokens"),
		Replies: f.replies, Reports: fakeReports{}, EventsBlock: 100 * time.Millisecond,
	}
	for _, fn := range opts {
		fn(&o)
	}
	srv, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	srv.Register(mux)
	registerStandIns(mux)
	f.srv, f.mux, f.h = srv, mux, srv.Protect(mux)
	return f
}

// standInRoutes are the routes other packages register; the stand-ins
// answer 200 with the request body so tests can see what reached them.
// (POST /api/enquiries/{ref}/replies is the API's own, on fakeReplier.)
var standInRoutes = []string{
	"GET /healthz",
	"GET /api/enquiries/{ref}/outbox",
	"GET /api/outbox",
	"GET /api/reports/summary",
	"GET /api/reports/breaches",
	"GET /api/reports/export",
	"GET /api/sla/clocks",
	"GET /api/sla/status",
	"GET /demo",
	"GET /demo/outbox",
}

func registerStandIns(mux *http.ServeMux) {
	for _, p := range standInRoutes {
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			b, _ := io.ReadAll(r.Body)
			w.Header().Set("Content-Type", "application/json")
			_ = json.NewEncoder(w).Encode(map[string]string{"stand_in": p, "body": string(b)})
		})
	}
}

func quietLogger(t testing.TB) *slog.Logger {
	if testing.Verbose() {
		return slog.New(slog.NewTextHandler(&testWriter{t: t}, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

type testWriter struct{ t testing.TB }

func (w *testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// fakeReplier records reply requests.
type fakeReplier struct {
	mu   sync.Mutex
	reqs []outbound.ReplyRequest
	err  error
}

func (f *fakeReplier) Reply(ctx context.Context, ref string, r outbound.ReplyRequest) (*outbound.Job, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return nil, f.err
	}
	f.reqs = append(f.reqs, r)
	return &outbound.Job{Key: "reply:" + ref + ":" + r.ID}, nil
}

func (f *fakeReplier) requests() []outbound.ReplyRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]outbound.ReplyRequest(nil), f.reqs...)
}

// fakeReports returns a fixed report.
type fakeReports struct{}

func share(f float64) *float64 { return &f }

func (fakeReports) Report(ctx context.Context, q sla.Query) (*sla.Report, error) {
	if q.Filter.Topic == "unanswerable" {
		return nil, fmt.Errorf("report: the rollups cannot answer that: %w", sla.ErrBadQuery)
	}
	row := func(key, label string, opened int64) sla.Row {
		return sla.Row{Key: key, Label: label, Opened: opened, OpenNow: opened / 2, Clocks: map[string]*sla.ClockStats{
			store.ClockAcknowledge:   {Met: opened - 1, Breached: 1, MetShare: share(float64(opened-1) / float64(opened)), Timed: opened - 1, Median: sla.Duration(4 * time.Minute), P90: sla.Duration(12 * time.Minute)},
			store.ClockFirstResponse: {Met: opened - 2, Late: 1, Breached: 2, MetShare: share(float64(opened-2) / float64(opened)), Timed: opened - 1, Median: sla.Duration(47 * time.Minute), P90: sla.Duration(110 * time.Minute)},
		}}
	}
	rep := &sla.Report{Desk: "Test Press Office", Timezone: "Europe/London", From: q.From.Format("2006-01-02"), To: q.To.Format("2006-01-02"),
		By: q.By, Generated: t0, Percentiles: "Percentiles from 1-minute buckets.", InHours: "In hours: a shift was on.",
		Total: row("", "all", 40)}
	switch q.By {
	case sla.ByTopic:
		rep.Rows = []sla.Row{row("europe", "Europe", 25), row("general", "<script>alert('topic')</script>", 15)}
	case sla.ByOfficer:
		rep.Rows = []sla.Row{row("ann", "Ann Officer", 30), row("bob", "Bob Officer", 10)}
	case sla.ByOutlet:
		rep.Rows = []sla.Row{row("BBC", "BBC", 22), row("", "", 18)}
	case sla.ByRelease:
		rep.Rows = []sla.Row{row("fcdo-2023-10-16-albania", "Foreign Secretary visits Albania", 12)}
	case sla.ByHours:
		rep.Rows = []sla.Row{row("in", "in hours", 31), row("out", "out of hours", 9)}
	case sla.ByDay:
		rep.Rows = []sla.Row{row("2023-10-12", "2023-10-12", 8), row("2023-10-13", "2023-10-13", 12), row("2023-10-16", "2023-10-16", 20)}
	}
	if q.Breaches != 0 {
		rep.BreachCount = 1
		rep.Breaches = []sla.Breach{{Ref: "TEST-2023-000001", Clock: store.ClockAcknowledge, Created: t0, Due: t0.Add(15 * time.Minute),
			Status: "open", Topic: "europe", Officer: "ann", Outlet: "BBC", Subject: "<img src=x onerror=alert(1)> breach"}}
	}
	return rep, nil
}

// hostile is a message written by someone who wants script to run in the
// dashboard.
func hostileMessage(id string) *mailparse.Message {
	return &mailparse.Message{
		MessageID:  id,
		From:       mailparse.Address{Name: `"><script>window.pwned=1</script><img src=x onerror="window.pwned=1">`, Addr: `evil"<script>@bbc.co.uk`},
		To:         []mailparse.Address{{Name: `</iframe><script>window.pwned=1</script>`, Addr: "press@desk.example.gov.uk"}},
		Subject:    `Question </iframe><script>window.pwned=1</script><img src=x onerror=window.pwned=1> {{.CSRF}}`,
		Date:       t0,
		Text:       "Hello <script>window.pwned=1</script>\n</iframe><iframe src=javascript:window.pwned=1></iframe>",
		NewText:    "Hello <script>window.pwned=1</script>\n</iframe><iframe src=javascript:window.pwned=1></iframe>",
		QuotedText: "> <a href=\"javascript:window.pwned=1\">click</a>",
		HTML: `<p>Hello</p><script>window.pwned=1</script>` +
			`<a href="javascript:window.pwned=1">click me</a> <a href="https://www.bbc.co.uk/news">BBC</a>` +
			`<img src="https://tracker.evil.example/pixel.gif" onerror="window.pwned=1">` +
			`<div style="background:url(javascript:window.pwned=1);width:expression(window.pwned=1)">styled</div>` +
			`<style>body{background:url(https://evil.example/x.png)}</style>` +
			`</iframe><script>top.pwned=1</script>` +
			`<iframe src="https://evil.example/"></iframe><form action="https://evil.example/"><input name=q></form>` +
			`<svg onload="window.pwned=1"><circle r=1></circle></svg><object data="https://evil.example/x.swf"></object>` +
			`<link rel=stylesheet href="https://evil.example/x.css"><base href="https://evil.example/">` +
			`<meta http-equiv="refresh" content="0;url=https://evil.example/">`,
		Attachments: []mailparse.Attachment{
			{Filename: `"><img src=x onerror=window.pwned=1>.pdf`, ContentType: "application/pdf", Size: 12345, Index: 1},
			{Filename: `</iframe><script>window.pwned=1</script>.docx`, ContentType: `text/html"><script>x</script>`, Size: 99, Index: 2},
		},
		Warnings: []string{`<script>window.pwned=1</script> warning`},
		Size:     4000,
	}
}

// commit stores a message as a new enquiry routed as given.
func (f *fixture) commit(m *mailparse.Message, n *store.NewEnquiry) string {
	f.t.Helper()
	f.uid++
	if n == nil {
		n = &store.NewEnquiry{Topic: "europe", Officer: "ann", Policy: "standard", Outlet: "BBC", OutletTier: "broadcast"}
	}
	now := f.clock.Now()
	if n.AcknowledgeDue.IsZero() {
		n.AcknowledgeDue, n.FirstResponseDue, n.ResolutionDue = now.Add(15*time.Minute), now.Add(2*time.Hour), now.Add(24*time.Hour)
		n.PolicyFRT = 2 * time.Hour
	}
	out, err := f.st.Commit(f.ctx, []store.Incoming{{
		Source:   store.Source{Mailbox: "desk", Folder: "INBOX", UIDValidity: 7, UID: f.uid},
		Received: now, Size: m.Size, Msg: m, New: n,
	}}, store.CommitOptions{WarnBefore: 15 * time.Minute})
	if err != nil || out[0].Err != nil || out[0].Ref == "" {
		f.t.Fatalf("commit: %v %+v", err, out)
	}
	return out[0].Ref
}

// plain is an ordinary enquiry.
func (f *fixture) plain(subject, officer string) string {
	f.t.Helper()
	m := &mailparse.Message{MessageID: subject + "@bbc.co.uk", From: mailparse.Address{Name: "Jo Reporter", Addr: "jo@bbc.co.uk"},
		Subject: subject, Date: f.clock.Now(), Text: "Can you comment?", NewText: "Can you comment?", Size: 100}
	return f.commit(m, &store.NewEnquiry{Topic: "europe", Officer: officer, Policy: "standard", Outlet: "BBC", OutletTier: "broadcast",
		Release: "fcdo-2023-10-16-albania", ReleaseTitle: "Foreign Secretary visits Albania", ReleaseScore: 0.9, ReleaseReason: "url"})
}

// client is a browser stand-in: it keeps cookies and the page's CSRF
// token and calls the handler directly.
type client struct {
	t       testing.TB
	f       *fixture
	ip      string
	cookies map[string]*http.Cookie
	csrf    string
	https   bool
}

func (f *fixture) client() *client {
	return &client{t: f.t, f: f, ip: "192.0.2.10", cookies: map[string]*http.Cookie{}}
}

var csrfMeta = regexp.MustCompile(`<meta name="csrf-token" content="([^"]+)">`)
var loginToken = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func (c *client) do(method, path string, body io.Reader, hdr map[string]string) *httptest.ResponseRecorder {
	c.t.Helper()
	req := httptest.NewRequest(method, "http://desk.test"+path, body)
	if c.https {
		req = httptest.NewRequest(method, "https://desk.test"+path, body)
	}
	req.RemoteAddr = c.ip + ":40000"
	for _, ck := range c.cookies {
		req.AddCookie(&http.Cookie{Name: ck.Name, Value: ck.Value})
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	c.f.h.ServeHTTP(rec, req)
	for _, ck := range rec.Result().Cookies() {
		if ck.MaxAge < 0 {
			delete(c.cookies, ck.Name)
		} else {
			c.cookies[ck.Name] = ck
		}
	}
	if m := csrfMeta.FindStringSubmatch(rec.Body.String()); m != nil {
		c.csrf = m[1]
	}
	return rec
}

func (c *client) get(path string) *httptest.ResponseRecorder {
	c.t.Helper()
	return c.do("GET", path, nil, nil)
}

// post sends a form with the page's CSRF token (unless the values say
// otherwise).
func (c *client) post(path string, v url.Values) *httptest.ResponseRecorder {
	c.t.Helper()
	form := url.Values{}
	for k, x := range v {
		form[k] = x
	}
	v = form
	if _, ok := v["csrf"]; !ok && c.csrf != "" {
		v.Set("csrf", c.csrf)
	}
	return c.do("POST", path, strings.NewReader(v.Encode()), map[string]string{"Content-Type": "application/x-www-form-urlencoded"})
}

// loginAs signs in and loads a page to learn the CSRF token.
func (c *client) loginAs(user string) *client {
	c.t.Helper()
	if rec := c.tryLogin(user, testPassword); rec.Code != http.StatusSeeOther {
		c.t.Fatalf("login %s: %d %s", user, rec.Code, rec.Body.String())
	}
	if rec := c.get("/releases"); rec.Code != 200 || c.csrf == "" {
		c.t.Fatalf("after login: %d, csrf %q", rec.Code, c.csrf)
	}
	return c
}

func (c *client) tryLogin(user, password string) *httptest.ResponseRecorder {
	c.t.Helper()
	rec := c.get("/login")
	m := loginToken.FindStringSubmatch(rec.Body.String())
	if m == nil {
		c.t.Fatalf("no login token in %s", rec.Body.String())
	}
	return c.do("POST", "/login", strings.NewReader(url.Values{"csrf": {m[1]}, "user": {user}, "password": {password}, "next": {"/"}}.Encode()),
		map[string]string{"Content-Type": "application/x-www-form-urlencoded"})
}

func (c *client) session() string {
	for n, ck := range c.cookies {
		if n == "mediadesk" || n == "__Host-mediadesk" {
			return ck.Value
		}
	}
	return ""
}
