package app

// Scale-out tests: desks on a real Redis Cluster and through a real
// Sentinel, and several serve processes on one Redis (scale_serve_test.go).
// The servers are started by the tests on free loopback ports; without
// redis-server the tests skip (fail with MEDIADESK_REQUIRE_REAL=1).

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/clock"
	"github.com/mediadesk/mediadesk/internal/servers"
	"github.com/mediadesk/mediadesk/internal/servers/servertest"
	"github.com/mediadesk/mediadesk/outbound"
	"github.com/mediadesk/mediadesk/sla"
	"github.com/mediadesk/mediadesk/store"
)

// scaleDesk is the desk config the scale tests run: one mailbox folder,
// acknowledgements and officer alerts by email, one SLA policy.
func scaleDesk(ref, imapAddr, imapUser, folder, smtpAddr, extra string) string {
	lower := strings.ToLower(ref)
	return fmt.Sprintf(`desk: {name: %[1]s desk, timezone: Europe/London, reference_prefix: %[1]s, address: desk@%[2]s.example}
mailboxes:
  - {id: %[2]s, address: %[3]q, security: none, username: %[4]q, password_env: SCALE_IMAP_PASSWORD, folders: [%[5]q]}
redis: {url_env: SCALE_REDIS_URL}
smtp: {address: %[6]q, security: none, from: "Press office <desk@%[2]s.example>"}
releases: {sources: [{file: releases.jsonl}]}
topics:
  - {id: migration, keywords: [asylum, small boats]}
  - {id: general, fallback: true}
officers:
  - {id: ann, name: Ann, email: ann@%[2]s.example, role: officer, topics: ["*"]}
  - {id: bob, name: Bob, email: bob@%[2]s.example, role: officer, topics: ["*"]}
  - {id: meg, name: Meg, email: meg@%[2]s.example, role: manager, topics: ["*"]}
rota:
  - {name: All day, topics: ["*"], officers: [ann, bob], start: "0 0 * * *", duration: 24h}
escalation: {manager: meg, after_breach: 30m}
sla:
  policies: [{id: standard, acknowledge: 15m, first_response: 2h, resolution: 24h}]
  deadline_margin: 15m
  warn_before: 10m
  sweep_interval: 200ms
outlets:
  - {domain: bbc.co.uk, name: BBC, tier: broadcast}
reports: {digest_schedule: "off"}
acknowledgements: {desk_limit_per_hour: 1000000}
%[7]s`, ref, lower, imapAddr, imapUser, folder, smtpAddr, extra)
}

const scaleRelease = `{"id":"r1","title":"Asylum figures","url":"https://www.gov.uk/r1","published":"2026-01-05","topics":["migration"],"body":"Asylum figures for the quarter."}` + "\n"

// loadScaleDesk writes the config into a temporary folder and loads it.
func loadScaleDesk(t testing.TB, yaml string) *config.Config {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "releases.jsonl"), []byte(scaleRelease), 0o600); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "desk.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(path, config.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// scaleMail is journalist mail number i to desk: a sender of its own (so
// every one is acknowledged) and a Message-ID of its own.
func scaleMail(desk string, i int) []byte {
	return []byte(fmt.Sprintf("From: Reporter %[2]d <r%[2]d.%[1]s@bbc.co.uk>\r\n"+
		"To: Press office <desk@%[1]s.example>\r\nSubject: Question %[2]d about asylum figures\r\n"+
		"Date: %[3]s\r\nMessage-ID: <q%[2]d.%[1]s@newsroom.example>\r\nMIME-Version: 1.0\r\n"+
		"Content-Type: text/plain; charset=utf-8\r\n\r\nHello,\r\n\r\nWhat are the latest asylum figures? Question %[2]d.\r\n\r\nThanks\r\n",
		desk, i, time.Now().Format(time.RFC1123Z)))
}

func scaleMails(desk string, from, n int) [][]byte {
	out := make([][]byte, n)
	for i := range out {
		out[i] = scaleMail(desk, from+i)
	}
	return out
}

// quietLog keeps the test output to warnings (all of it with -v).
func quietLog() *slog.Logger {
	if testing.Verbose() {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

// runDesk starts a desk over rdb and stops it at cleanup.
func runDesk(t testing.TB, cfg *config.Config, rdb redis.UniversalClient, clk clock.Clock, imapPass string) *Desk {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	d, err := New(ctx, Options{Config: cfg, Redis: rdb, Listen: "-", OpsListen: "-", Clock: clk, Logger: quietLog(),
		Secret: func(string) string { return imapPass }})
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); _ = d.Run(ctx) }()
	t.Cleanup(func() { cancel(); wg.Wait() })
	return d
}

// waitUntil polls cond until it holds; it waits for an outcome and
// measures nothing.
func waitUntil(t testing.TB, what string, within time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s after %s", what, within)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

func folderStats(t testing.TB, st *store.Store, mailbox, folder string) store.FolderStats {
	t.Helper()
	fs, err := st.FolderStats(context.Background(), [][2]string{{mailbox, folder}})
	if err != nil {
		t.Logf("folder stats: %v", err) // e.g. during a failover
		return store.FolderStats{}
	}
	return fs[0]
}

// scaleOutcome checks what every topology must give for n messages to a
// desk: n enquiries, none twice; every journalist acknowledged once and
// every alert mailed once; after three hours without a reply, both the
// acknowledge and first-response clocks of every enquiry breached, once
// each, and the report says so.
func scaleOutcome(t *testing.T, d *Desk, fc *clock.Fake, sink *outbound.Sink, n int, o outcomeOpts) {
	t.Helper()
	ctx := context.Background()
	cfg := d.Config()
	mb := cfg.Mailboxes[0]
	st := d.Store
	waitUntil(t, fmt.Sprintf("%s: %d messages committed", cfg.Desk.ReferencePrefix, n), 60*time.Second, func() bool {
		return folderStats(t, st, mb.ID, mb.Folders[0]).Messages >= int64(n)
	})
	s := folderStats(t, st, mb.ID, mb.Folders[0])
	if s.Messages != int64(n) || s.Enquiries != int64(n) {
		t.Errorf("%s: stats %+v, want %d messages and enquiries", cfg.Desk.ReferencePrefix, s, n)
	}
	if all, err := st.Count(ctx); err != nil || all != int64(n) {
		t.Errorf("%s: %d enquiries indexed, want %d (%v)", cfg.Desk.ReferencePrefix, all, n, err)
	}
	// Acknowledgements: one per journalist.
	acked := func() map[string]int {
		per := map[string]int{}
		for _, m := range sink.Messages() {
			if strings.Contains(m.Header("From"), "desk@"+mb.ID+".example") && m.Header("Auto-Submitted") == "auto-replied" {
				per[strings.Join(m.To, ",")]++
			}
		}
		return per
	}
	waitUntil(t, cfg.Desk.ReferencePrefix+": every journalist acknowledged", 60*time.Second, func() bool { return len(acked()) >= n })
	for to, c := range acked() {
		if c != 1 {
			t.Errorf("%s: %d acknowledgements to %s", cfg.Desk.ReferencePrefix, c, to)
		}
	}
	if o.refs {
		refsKept(t, d, sink)
	}
	if !o.advance {
		return
	}
	fc.Advance(3 * time.Hour)
	q := sla.Query{From: fc.Now().Add(-24 * time.Hour), To: fc.Now().Add(24 * time.Hour), Breaches: -1}
	var rep *sla.Report
	waitUntil(t, cfg.Desk.ReferencePrefix+": every acknowledge and first-response clock breached", 60*time.Second, func() bool {
		var err error
		rep, err = d.SLA().Reports.Report(ctx, q)
		return err == nil && rep.BreachCount >= int64(2*n)
	})
	if rep.Total.Opened != int64(n) || rep.BreachCount != int64(2*n) || rep.Total.OverdueNow != int64(n) {
		t.Errorf("%s: report opened %d, breaches %d, overdue %d; want %d, %d, %d", cfg.Desk.ReferencePrefix,
			rep.Total.Opened, rep.BreachCount, rep.Total.OverdueNow, n, 2*n, n)
	}
	seen := map[string]bool{}
	for _, b := range rep.Breaches {
		k := b.Ref + "|" + b.Clock
		if seen[k] {
			t.Errorf("%s: breach %s listed twice", cfg.Desk.ReferencePrefix, k)
		}
		seen[k] = true
	}
}

type outcomeOpts struct {
	// advance moves the clock three hours on and checks the breaches.
	advance bool
	// refs checks that no reference was given to two messages: see
	// refsKept.
	refs bool
}

// refsKept: every reference a journalist was told in an acknowledgement
// names, in Redis, that journalist's enquiry, and no reference went to two
// journalists: a reference drawn on a primary that then failed over was
// never shown to anyone (redis.wait_replicas), so it was never reissued
// for a different message.
func refsKept(t *testing.T, d *Desk, sink *outbound.Sink) {
	t.Helper()
	ctx := context.Background()
	to := map[string]string{} // ref → the journalist acknowledged with it
	checked := 0
	for _, m := range sink.Messages() {
		if m.Header("Auto-Submitted") != "auto-replied" {
			continue
		}
		refs := d.Store.SubjectRefs(m.Header("Subject"))
		if len(refs) != 1 || len(m.To) != 1 {
			t.Errorf("acknowledgement %q to %v: want one reference and one recipient", m.Header("Subject"), m.To)
			continue
		}
		ref, who := refs[0], strings.ToLower(m.To[0])
		if prev, ok := to[ref]; ok && prev != who {
			t.Errorf("reference %s given to %s and to %s", ref, prev, who)
		}
		to[ref] = who
		e, err := d.Store.Enquiry(ctx, ref)
		if err != nil {
			t.Errorf("reference %s told to %s: %v", ref, who, err)
			continue
		}
		if !strings.EqualFold(e.From, who) {
			t.Errorf("reference %s told to %s names %s's enquiry", ref, who, e.From)
		}
		checked++
	}
	t.Logf("%d references told to journalists, each naming their own enquiry", checked)
}

// noMailTwice: no Message-ID reached the SMTP server twice.
func noMailTwice(t *testing.T, sink *outbound.Sink) {
	t.Helper()
	ids := map[string]int{}
	for _, m := range sink.Messages() {
		ids[m.Header("Message-ID")]++
	}
	for id, c := range ids {
		if c > 1 {
			t.Errorf("%s sent %d times", id, c)
		}
	}
	t.Logf("%d mails sent, none twice", len(sink.Messages()))
}

func startSink(t testing.TB) *outbound.Sink {
	t.Helper()
	sink, err := outbound.StartSink("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sink.Close() })
	return sink
}

// TestDeskOnSingleRedis is the baseline the other topologies must equal.
func TestDeskOnSingleRedis(t *testing.T) {
	if testing.Short() {
		t.Skip("scale test")
	}
	r := servertest.RealRedis(t)
	im := servertest.IMAP(t)
	sink := startSink(t)
	rdb, err := ConnectRedis(context.Background(), r.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rdb.Close() })
	fc := clock.NewFake(time.Now())
	cfg := loadScaleDesk(t, scaleDesk("FCDO", im.Addr, im.Username, "INBOX", sink.Addr, ""))
	d := runDesk(t, cfg, rdb, fc, im.Password)
	const n = 120
	if err := im.Append(context.Background(), "INBOX", scaleMails("fcdo", 0, n)...); err != nil {
		t.Fatal(err)
	}
	scaleOutcome(t, d, fc, sink, n, outcomeOpts{advance: true})
	noMailTwice(t, sink)
}

// TestDesksOnRedisCluster runs two desks on one real Redis Cluster of
// three masters: ingest, acknowledgements, SLA sweeps and reports give
// what they give on one server; each desk's keys all carry its hash tag
// and sit on one master, and the two desks sit on different masters.
func TestDesksOnRedisCluster(t *testing.T) {
	if testing.Short() {
		t.Skip("scale test")
	}
	cl := servertest.RedisCluster(t, 3)
	im := servertest.IMAP(t, servers.DovecotOptions{Folders: []string{"Defra"}})
	sink := startSink(t)
	ctx := context.Background()
	rdb, err := ConnectRedis(ctx, cl.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rdb.Close() })
	fc := clock.NewFake(time.Now())
	// FCDO and DEFRA hash to different masters of three (slots 11326 and
	// 3764): checked below, not assumed.
	fcdo := runDesk(t, loadScaleDesk(t, scaleDesk("FCDO", im.Addr, im.Username, "INBOX", sink.Addr, "")), rdb, fc, im.Password)
	defra := runDesk(t, loadScaleDesk(t, scaleDesk("DEFRA", im.Addr, im.Username, "Defra", sink.Addr, "")), rdb, fc, im.Password)
	const n = 120
	if err := im.Append(ctx, "INBOX", scaleMails("fcdo", 0, n)...); err != nil {
		t.Fatal(err)
	}
	if err := im.Append(ctx, "Defra", scaleMails("defra", 0, n)...); err != nil {
		t.Fatal(err)
	}
	scaleOutcome(t, fcdo, fc, sink, n, outcomeOpts{})
	scaleOutcome(t, defra, fc, sink, n, outcomeOpts{advance: true}) // advances the shared clock for both
	// The clock advance above was for both desks, but FCDO's sweeper and
	// rollups run on their own: its breaches arrive when they arrive.
	var rep *sla.Report
	waitUntil(t, "FCDO: every acknowledge and first-response clock breached", 60*time.Second, func() bool {
		rep, err = fcdo.SLA().Reports.Report(ctx, sla.Query{From: fc.Now().Add(-24 * time.Hour), To: fc.Now().Add(24 * time.Hour)})
		return err == nil && rep.BreachCount >= 2*n
	})
	if err != nil || rep.BreachCount != 2*n || rep.Total.Opened != n {
		t.Errorf("FCDO report: opened %d, breaches %d (%v); want %d, %d", rep.Total.Opened, rep.BreachCount, err, n, 2*n)
	}
	noMailTwice(t, sink)

	// Where the keys are: every key of the cluster belongs to one desk,
	// and each desk's keys are all on the master of its tag's slot.
	prefixes := []string{fcdo.Store.Prefix(), defra.Store.Prefix()}
	on := map[string]map[int]int{} // prefix → master → keys
	for i, m := range cl.Masters {
		one := redis.NewClient(&redis.Options{Addr: m.Addr})
		iter := one.Scan(ctx, 0, "*", 1000).Iterator()
		for iter.Next(ctx) {
			k := iter.Val()
			p := ""
			for _, pre := range prefixes {
				if strings.HasPrefix(k, pre) {
					p = pre
				}
			}
			if p == "" {
				t.Errorf("key %q on master %d carries no desk's tag", k, i)
				continue
			}
			if on[p] == nil {
				on[p] = map[int]int{}
			}
			on[p][i]++
		}
		if err := iter.Err(); err != nil {
			t.Fatal(err)
		}
		one.Close()
	}
	masterOf := map[string]int{}
	for _, p := range prefixes {
		slot, err := rdb.ClusterKeySlot(ctx, p+"events").Result()
		if err != nil {
			t.Fatal(err)
		}
		want := cl.MasterOfSlot(int(slot))
		masterOf[p] = want
		if len(on[p]) != 1 || on[p][want] == 0 {
			t.Errorf("%s keys by master %v, want all on master %d (slot %d)", p, on[p], want, slot)
		}
		t.Logf("%s: %d keys, all on master %d (slot %d)", p, on[p][want], want, slot)
	}
	if masterOf[prefixes[0]] == masterOf[prefixes[1]] {
		t.Errorf("both desks on master %d", masterOf[prefixes[0]])
	}
}

// TestDeskThroughSentinelFailover ingests through a real Sentinel (database
// 2 of the set, so the URL's database number is kept) and fails the
// primary over to the replica in the middle: nothing is lost or recorded
// twice, every journalist is acknowledged once, no mail is sent twice and
// no reference is reused (redis.wait_replicas defaults to 1 there).
func TestDeskThroughSentinelFailover(t *testing.T) {
	if testing.Short() {
		t.Skip("scale test")
	}
	set := servertest.RedisSentinelSet(t)
	im := servertest.IMAP(t)
	sink := startSink(t)
	ctx := context.Background()
	rdb, err := ConnectRedis(ctx, set.URLWithDB(2))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rdb.Close() })
	fc := clock.NewFake(time.Now())
	cfg := loadScaleDesk(t, scaleDesk("FCDO", im.Addr, im.Username, "INBOX", sink.Addr, ""))
	d := runDesk(t, cfg, rdb, fc, im.Password)
	const n, chunk = 600, 50
	failedOver := make(chan error, 1)
	go func() {
		// Fail over once a third is in.
		for folderStats(t, d.Store, "fcdo", "INBOX").Messages < n/3 {
			time.Sleep(5 * time.Millisecond)
		}
		addr, err := set.Failover(ctx, 30*time.Second)
		t.Logf("%s failed over to %s at %d messages", time.Now().Format("15:04:05.000"), addr, folderStats(t, d.Store, "fcdo", "INBOX").Messages)
		failedOver <- err
	}()
	for i := 0; i < n; i += chunk {
		if err := im.Append(ctx, "INBOX", scaleMails("fcdo", i, chunk)...); err != nil {
			t.Fatal(err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := <-failedOver; err != nil {
		t.Fatal(err)
	}
	// Replication is asynchronous: what the old primary took in the
	// moment before the switch and had not passed on is gone from the new
	// one. The mailbox brings every such message back (it was not flagged:
	// the commit's WAIT saw no replica), so no enquiry is lost or recorded
	// twice; and nothing was sent on such a write (the outbox's claim
	// waits for the replica too), so no journalist is acknowledged twice,
	// no mail goes twice and no reference is reused.
	if got := d.Store.Wait(); got.Replicas != 1 {
		t.Errorf("replica wait through Sentinel %+v, want 1 replica by default", got)
	}
	scaleOutcome(t, d, fc, sink, n, outcomeOpts{advance: true, refs: true})
	noMailTwice(t, sink)
	// The data is in database 2 of the new primary.
	direct := redis.NewClient(&redis.Options{Addr: set.Replica.Addr, DB: 2})
	defer direct.Close()
	if n, err := direct.Exists(ctx, d.Store.Prefix()+"events").Result(); err != nil || n != 1 {
		t.Errorf("the desk's events are not in database 2 of the new primary: %v %v", n, err)
	}
}
