package outbound

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/clock"
	"github.com/mediadesk/mediadesk/internal/servers"
	"github.com/mediadesk/mediadesk/internal/servers/servertest"
	"github.com/mediadesk/mediadesk/mailparse"
	"github.com/mediadesk/mediadesk/store"
)

// DeskAddress and the other test desk constants are shared with the
// external tests (package outbound_test).
const (
	DeskAddress = "press@desk.example.gov.uk"
	TestPrefix  = "TEST"
	IMAPPassEnv = "T_IMAP_PW"
	WebhookEnv  = "T_WEBHOOK_URL"
)

// DeskConfig writes a desk config with the given IMAP and SMTP addresses
// (and YAML appended at the end) and loads it.
func DeskConfig(t testing.TB, imapAddr, imapUser, smtpAddr, extra string) *config.Config {
	t.Helper()
	dir := t.TempDir()
	rel, err := filepath.Abs("testdata/releases.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(extra, "reports:") {
		// The managers' daily digest (08:00 desk time by default) is off
		// unless a test asks for it: these desks run on a fake clock that
		// starts at the real time, and a digest due in a test's window
		// would add a mail to the manager's count at some times of day.
		extra += "\nreports: {digest_schedule: \"off\"}\n"
	}
	y := fmt.Sprintf(`desk:
  name: Test Press Office
  timezone: Europe/London
  reference_prefix: %s
  address: %s
mailboxes:
  - id: desk
    address: %s
    security: none
    username: %s
    password_env: %s
    folders: [INBOX]
    sent_folder: Sent
redis:
  url_env: T_REDIS_URL
smtp:
  address: %s
  security: none
  from: "Test Press Office <%s>"
releases:
  sources:
    - file: %s
topics:
  - id: europe
    name: Europe and the Western Balkans
    keywords: [Albania, Tirana, Western Balkans, Kosovo]
  - id: general
    name: General enquiries
    fallback: true
officers:
  - {id: ann, name: Ann Ångström, email: ann@desk.example.gov.uk, role: officer, topics: ["*"]}
  - {id: bob, name: Bob Bryant, email: bob@desk.example.gov.uk, role: officer, topics: ["*"]}
  - {id: meg, name: Meg Manager, email: meg@desk.example.gov.uk, role: manager, topics: ["*"]}
rota:
  - {name: Duty desk, topics: ["*"], officers: [ann], start: "0 0 * * *", duration: 24h}
escalation:
  manager: meg
  after_breach: 30m
sla:
  policies:
    - {id: standard, acknowledge: 15m, first_response: 2h, resolution: 24h}
  deadline_margin: 15m
  warn_before: 15m
outlets:
  - {domain: bbc.co.uk, name: BBC, tier: broadcast}
  - {domain: lemonde.fr, name: Le Monde, tier: international}
  - {domain: reuters.com, name: Reuters, tier: wire}
web:
  base_url: https://desk.example.gov.uk
ingest:
  poll_interval: 2s
%s`, TestPrefix, DeskAddress, imapAddr, imapUser, IMAPPassEnv, smtpAddr, DeskAddress, rel, extra)
	path := filepath.Join(dir, "desk.yaml")
	if err := os.WriteFile(path, []byte(y), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(path, config.LoadOptions{})
	if err != nil {
		t.Fatalf("test config: %v", err)
	}
	return cfg
}

// QuietLogger logs to the test output with -v, else nowhere.
func QuietLogger(t testing.TB) *slog.Logger {
	if testing.Verbose() {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

// Eventually waits for an asynchronous outcome; it measures nothing.
func Eventually(t testing.TB, what string, within time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s after %v", what, within)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// env is a Redis, a store, an SMTP sink and a Service with a fast outbox.
type env struct {
	t     *testing.T
	ctx   context.Context
	redis *servers.Redis
	rdb   *redis.Client
	st    *store.Store
	clock *clock.Fake
	sink  *Sink
	cfg   *config.Config
	svc   *Service
}

func newEnv(t *testing.T, extra string, tweak func(o *Options)) *env {
	t.Helper()
	return newEnvOn(t, servertest.Redis(t), extra, tweak)
}

// newEnvOn is newEnv on a given Redis (the demo runs on miniredis).
func newEnvOn(t *testing.T, r *servers.Redis, extra string, tweak func(o *Options)) *env {
	t.Helper()
	opt, err := redis.ParseURL(r.URL)
	if err != nil {
		t.Fatal(err)
	}
	rdb := redis.NewClient(opt)
	t.Cleanup(func() { rdb.Close() })
	sink, err := StartSink("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sink.Close() })
	cfg := DeskConfig(t, "127.0.0.1:1", "desk", sink.Addr, extra)
	fc := clock.NewFake(time.Date(2023, 10, 16, 9, 30, 0, 0, cfg.Location))
	st := store.New(rdb, store.Options{RefPrefix: TestPrefix, Location: cfg.Location, Clock: fc})
	o := Options{Config: cfg, Store: st, Logger: QuietLogger(t), Clock: fc,
		Secret: func(string) string { return "" },
		Outbox: OutboxOptions{ClaimAfter: 2 * time.Second, Poll: 100 * time.Millisecond, RetryBase: 50 * time.Millisecond, RetryMax: 200 * time.Millisecond, MaxAttempts: 4}}
	if tweak != nil {
		tweak(&o)
	}
	svc, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	if err := svc.Init(ctx); err != nil {
		t.Fatal(err)
	}
	return &env{t: t, ctx: ctx, redis: r, rdb: rdb, st: st, clock: fc, sink: sink, cfg: cfg, svc: svc}
}

// run starts fn until the test ends.
func (e *env) run(fn func(ctx context.Context) error) {
	ctx, cancel := context.WithCancel(e.ctx)
	done := make(chan struct{})
	go func() { defer close(done); _ = fn(ctx) }()
	e.t.Cleanup(func() { cancel(); <-done })
}

// commit ingests raw as if fetched from INBOX uid, routed to officer ann
// with the test policy's due times, and returns the outcome.
func (e *env) commit(uid uint32, raw string) store.Outcome {
	e.t.Helper()
	m, err := mailparse.Parse([]byte(strings.ReplaceAll(raw, "\n", "\r\n")), mailparse.Options{})
	if err != nil {
		e.t.Fatal(err)
	}
	now := e.clock.Now()
	in := store.Incoming{Source: store.Source{Mailbox: "desk", Folder: "INBOX", UIDValidity: 1, UID: uid},
		Received: now, Msg: m}
	if m.Automatic == mailparse.NotAutomatic {
		in.New = &store.NewEnquiry{Topic: "general", Officer: "ann", Shift: "Duty desk", Policy: "standard",
			AcknowledgeDue: now.Add(15 * time.Minute), FirstResponseDue: now.Add(2 * time.Hour), ResolutionDue: now.Add(24 * time.Hour)}
		if strings.HasSuffix(m.From.Addr, "@lemonde.fr") {
			in.New.Outlet, in.New.OutletTier = "Le Monde", "international"
		}
	}
	outs, err := e.st.Commit(e.ctx, []store.Incoming{in}, store.CommitOptions{WarnBefore: 15 * time.Minute})
	if err != nil || outs[0].Err != nil {
		e.t.Fatalf("commit: %v %v", err, outs[0].Err)
	}
	return outs[0]
}

// job reads a job.
func (e *env) job(key string) *Job {
	e.t.Helper()
	j, err := e.svc.outbox.Job(e.ctx, key)
	if err != nil {
		e.t.Fatal(err)
	}
	return j
}

// waitState waits for a job to reach state.
func (e *env) waitState(key, state string) *Job {
	e.t.Helper()
	var j *Job
	Eventually(e.t, key+" "+state, 20*time.Second, func() bool {
		var err error
		j, err = e.svc.outbox.Job(e.ctx, key)
		return err == nil && j.State == state && (state != StateSent || j.Recorded)
	})
	return j
}

// enquiryMail is a journalist's enquiry.
func enquiryMail(id, from, subject, body string) string {
	return "From: " + from + "\nTo: " + DeskAddress + "\nSubject: " + subject +
		"\nDate: Mon, 16 Oct 2023 09:29:00 +0100\nMessage-ID: <" + id + ">\nContent-Type: text/plain; charset=utf-8\n\n" + body + "\n"
}
