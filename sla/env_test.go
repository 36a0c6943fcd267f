package sla

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/clock"
	"github.com/mediadesk/mediadesk/internal/fixture"
	"github.com/mediadesk/mediadesk/internal/servers"
	"github.com/mediadesk/mediadesk/internal/servers/servertest"
	"github.com/mediadesk/mediadesk/mailparse"
	"github.com/mediadesk/mediadesk/sla/plan"
	"github.com/mediadesk/mediadesk/store"
)

var (
	cfgOnce sync.Once
	cfgVal  *config.Config
	cfgErr  error
)

// deskConfig is the project's test desk (testdata/desk.yaml at the module
// root), loaded once.
func deskConfig(t testing.TB) *config.Config {
	t.Helper()
	path := fixture.Desk(t)
	cfgOnce.Do(func() { cfgVal, cfgErr = config.Load(path, config.LoadOptions{}) })
	if cfgErr != nil {
		t.Fatal(cfgErr)
	}
	return cfgVal
}

// monday is 09:30 BST on Monday 16 October 2023, in hours.
var monday = time.Date(2023, 10, 16, 8, 30, 0, 0, time.UTC)

type env struct {
	t     testing.TB
	ctx   context.Context
	cfg   *config.Config
	rdb   *redis.Client
	st    *store.Store
	clock *clock.Fake
	uid   atomic.Uint32
	// mini is set on miniredis, which is slower: tests scale down.
	mini bool
}

// realAndMini runs fn against a real redis-server (skipped when absent)
// and against miniredis, which the demo runs on.
func realAndMini(t *testing.T, fn func(t *testing.T, newEnv func() *env)) {
	t.Run("redis", func(t *testing.T) {
		r := servertest.RealRedis(t)
		fn(t, func() *env { return newEnv(t, r) })
	})
	t.Run("miniredis", func(t *testing.T) {
		r := servertest.Miniredis(t)
		fn(t, func() *env { return newEnv(t, r) })
	})
}

func newEnv(t testing.TB, r *servers.Redis) *env {
	t.Helper()
	opt, err := redis.ParseURL(r.URL)
	if err != nil {
		t.Fatal(err)
	}
	opt.PoolSize = 8
	rdb := redis.NewClient(opt)
	t.Cleanup(func() { rdb.Close() })
	cfg := deskConfig(t)
	fc := clock.NewFake(monday)
	st := store.New(rdb, store.Options{Prefix: cfg.Redis.KeyPrefix, RefPrefix: cfg.Desk.ReferencePrefix, Location: cfg.Location, Clock: fc})
	return &env{t: t, ctx: context.Background(), cfg: cfg, rdb: rdb, st: st, clock: fc, mini: r.Kind == servers.KindMiniredis}
}

// quiet is a logger for tests: warnings and errors only.
var quiet = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))

// open describes an enquiry to commit.
type open struct {
	From     string
	Tier     string
	Outlet   string
	Topic    string
	Officer  string
	Release  string
	Channel  string // "" (mail from a mailbox), "phone" or "email"
	Lang     string
	Deadline time.Time
	At       time.Time // received (default: the clock's now)
}

func (e *env) incoming(o open) store.Incoming {
	at := o.At
	if at.IsZero() {
		at = e.clock.Now()
	}
	if o.Topic == "" {
		o.Topic = "general"
	}
	if o.From == "" {
		o.From = fmt.Sprintf("j%d@example.com", e.uid.Load()+1)
	}
	uid := e.uid.Add(1)
	id := fmt.Sprintf("m%d@example.com", uid)
	m := &mailparse.Message{MessageID: id, From: mailparse.Address{Addr: o.From}, Subject: "question " + id,
		Date: at, Text: "body " + id, NewText: "body " + id, Size: 100}
	p := plan.For(e.cfg, o.Tier, o.Topic, at, o.Deadline)
	pol := e.cfg.PolicyFor(o.Tier, o.Topic)
	return store.Incoming{
		Source:   store.Source{Mailbox: "newsdesk", Folder: "INBOX", UIDValidity: 1, UID: uid},
		Received: at, Size: 100, Msg: m,
		New: &store.NewEnquiry{
			Outlet: o.Outlet, OutletTier: o.Tier, Topic: o.Topic, Officer: o.Officer, Release: o.Release,
			Channel: o.Channel, Lang: o.Lang, Deadline: o.Deadline, Policy: p.Policy,
			PolicyAck: pol.Acknowledge, PolicyFRT: pol.FirstResponse, PolicyRes: pol.Resolution,
			AcknowledgeDue: p.AcknowledgeDue, FirstResponseDue: p.FirstResponseDue, ResolutionDue: p.ResolutionDue,
		},
		DeadlineTarget: plan.DeadlineTarget(e.cfg.SLA.DeadlineMargin, o.Deadline, at),
	}
}

// commit commits enquiries and returns their references.
func (e *env) commit(os ...open) []string {
	e.t.Helper()
	ins := make([]store.Incoming, len(os))
	for i, o := range os {
		ins[i] = e.incoming(o)
	}
	var refs []string
	for start := 0; start < len(ins); start += 40 {
		end := min(start+40, len(ins))
		out, err := e.st.Commit(e.ctx, ins[start:end], store.CommitOptions{WarnBefore: e.cfg.SLA.WarnBefore})
		if err != nil {
			e.t.Fatal(err)
		}
		for _, o := range out {
			if o.Err != nil || o.Kind != "enquiry" {
				e.t.Fatalf("commit: %+v", o)
			}
			refs = append(refs, o.Ref)
		}
	}
	return refs
}

// reset empties Redis and sets the clock back to monday.
func (e *env) reset() {
	e.t.Helper()
	if err := e.rdb.FlushDB(e.ctx).Err(); err != nil {
		e.t.Fatal(err)
	}
	e.clock.Set(monday)
}

func (e *env) one(o open) string { e.t.Helper(); return e.commit(o)[0] }

// followup commits a follow-up from the sender of ref's first message.
func (e *env) followup(ref, from string, deadline time.Time) store.Outcome {
	e.t.Helper()
	at := e.clock.Now()
	uid := e.uid.Add(1)
	m := &mailparse.Message{MessageID: fmt.Sprintf("f%d@example.com", uid), From: mailparse.Address{Addr: from},
		Subject: "Re: [" + ref + "] question", Date: at, Text: "more", NewText: "more", Size: 50}
	in := store.Incoming{Source: store.Source{Mailbox: "newsdesk", Folder: "INBOX", UIDValidity: 1, UID: uid},
		Received: at, Size: 50, Msg: m, DeadlineTarget: plan.DeadlineTarget(e.cfg.SLA.DeadlineMargin, deadline, at)}
	out, err := e.st.Commit(e.ctx, []store.Incoming{in}, store.CommitOptions{WarnBefore: e.cfg.SLA.WarnBefore})
	if err != nil || out[0].Err != nil {
		e.t.Fatalf("follow-up: %v %+v", err, out)
	}
	return out[0]
}

func (e *env) respond(ref, by string, kind store.ResponseKind) {
	e.t.Helper()
	if _, err := e.st.RecordResponse(e.ctx, ref, store.Response{At: e.clock.Now(), By: by, Kind: kind, Via: "dashboard"}); err != nil {
		e.t.Fatal(err)
	}
}

func (e *env) enquiry(ref string) *store.Enquiry {
	e.t.Helper()
	q, err := e.st.Enquiry(e.ctx, ref)
	if err != nil {
		e.t.Fatal(err)
	}
	return q
}

// events reads the whole events stream.
func (e *env) events() []redis.XMessage {
	e.t.Helper()
	msgs, err := e.rdb.XRange(e.ctx, e.st.Prefix()+"events", "-", "+").Result()
	if err != nil {
		e.t.Fatal(err)
	}
	return msgs
}

// recorder is a Notifier that records what it was given and, like an
// outbox, drops a key it has seen.
type recorder struct {
	mu    sync.Mutex
	calls map[string]int
	seen  map[string]bool
	sent  []Notice
	fail  func(n Notice) error
}

func newRecorder() *recorder { return &recorder{calls: map[string]int{}, seen: map[string]bool{}} }

func (r *recorder) Notify(ctx context.Context, n Notice) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls[n.Key]++
	if r.fail != nil {
		if err := r.fail(n); err != nil {
			return err
		}
	}
	if r.seen[n.Key] {
		return nil
	}
	r.seen[n.Key] = true
	r.sent = append(r.sent, n)
	return nil
}

func (r *recorder) byKind() map[string]int {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := map[string]int{}
	for _, n := range r.sent {
		out[n.Kind]++
	}
	return out
}
