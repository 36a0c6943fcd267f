package servers_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/internal/servers"
	"github.com/mediadesk/mediadesk/internal/servers/servertest"
)

func redisClient(t *testing.T, r *servers.Redis) *redis.Client {
	t.Helper()
	opt, err := redis.ParseURL(r.URL)
	if err != nil {
		t.Fatal(err)
	}
	opt.MaxRetries = -1
	opt.ContextTimeoutEnabled = true // else a paused server holds a call for the 3 s ReadTimeout or more
	c := redis.NewClient(opt)
	t.Cleanup(func() { _ = c.Close() })
	return c
}

func ctxT(t *testing.T, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(t.Context(), d)
	t.Cleanup(cancel)
	return ctx
}

func TestRedisServerRestartKeepsAOFData(t *testing.T) {
	t.Parallel()
	r := servertest.RealRedis(t)
	if r.Kind != servers.KindRedisServer {
		t.Fatalf("Kind = %q", r.Kind)
	}
	ctx := ctxT(t, 20*time.Second)
	c := redisClient(t, r)
	if err := c.Ping(ctx).Err(); err != nil {
		t.Fatal(err)
	}
	if err := c.Set(ctx, "k1", "v1", 0).Err(); err != nil {
		t.Fatal(err)
	}
	addr := r.Addr
	if err := r.Restart(ctx); err != nil {
		t.Fatal(err)
	}
	if r.Addr != addr {
		t.Fatalf("Addr changed across Restart: %s -> %s", addr, r.Addr)
	}
	if got, err := c.Get(ctx, "k1").Result(); err != nil || got != "v1" {
		t.Fatalf("after Restart: GET k1 = %q, %v", got, err)
	}

	// A crash: acknowledged writes are in the AOF (written before the
	// reply), so they survive SIGKILL.
	if err := c.Set(ctx, "k2", "v2", 0).Err(); err != nil {
		t.Fatal(err)
	}
	pid := r.Pid()
	if err := r.Kill(); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Kill(pid, 0); !errors.Is(err, syscall.ESRCH) {
		t.Fatalf("redis-server pid %d still exists after Kill: %v", pid, err)
	}
	if err := c.Ping(ctx).Err(); err == nil {
		t.Fatal("PING answered after Kill")
	}
	if err := r.Restart(ctx); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"k1", "k2"} {
		if got, err := c.Get(ctx, k).Result(); err != nil || got != "v"+k[1:] {
			t.Fatalf("after Kill+Restart: GET %s = %q, %v", k, got, err)
		}
	}
	if _, err := os.Stat(filepath.Join(r.Dir, "appendonlydir")); err != nil {
		t.Errorf("no AOF directory in %s: %v", r.Dir, err)
	}
}

func TestRedisServerPause(t *testing.T) {
	t.Parallel()
	r := servertest.RealRedis(t)
	c := redisClient(t, r)
	ctx := ctxT(t, 20*time.Second)
	if err := r.Pause(); err != nil {
		t.Fatal(err)
	}
	short, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	err := c.Ping(short).Err()
	cancel()
	if err == nil {
		t.Fatal("PING answered while paused")
	}
	if err := r.Resume(); err != nil {
		t.Fatal(err)
	}
	if err := c.Ping(ctx).Err(); err != nil {
		t.Fatalf("PING after Resume: %v", err)
	}
}

func TestParallelServersGetDifferentPorts(t *testing.T) {
	t.Parallel()
	a, b := servertest.RealRedis(t), servertest.RealRedis(t)
	if a.Addr == b.Addr {
		t.Fatalf("two redis-servers on %s", a.Addr)
	}
	var (
		wg   sync.WaitGroup
		ims  [2]*servers.IMAP
		errs [2]error
	)
	for i := range ims {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ims[i], errs[i] = servers.StartDovecot(t.Context(), t.TempDir(), servers.DovecotOptions{})
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if errors.Is(err, servers.ErrBinaryNotFound) {
			t.Skip(err)
		}
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = ims[i].Stop() })
	}
	if ims[0].Addr == ims[1].Addr {
		t.Fatalf("two dovecots on %s", ims[0].Addr)
	}
}

func TestMiniredis(t *testing.T) {
	t.Parallel()
	r := servertest.Miniredis(t)
	if r.Kind != servers.KindMiniredis || r.Mini == nil {
		t.Fatalf("Kind = %q, Mini = %v", r.Kind, r.Mini)
	}
	ctx := ctxT(t, 10*time.Second)
	c := redisClient(t, r)
	if err := c.Set(ctx, "k", "v", 0).Err(); err != nil {
		t.Fatal(err)
	}
	// A pipeline of 100 commands: the in-memory pipe would deadlock.
	pipe := c.Pipeline()
	for i := range 100 {
		pipe.Set(ctx, fmt.Sprint("p", i), i, 0)
	}
	if _, err := pipe.Exec(ctx); err != nil {
		t.Fatal(err)
	}
	if err := r.Kill(); err != nil {
		t.Fatal(err)
	}
	if err := c.Ping(ctx).Err(); err == nil {
		t.Fatal("PING answered after Kill")
	}
	if err := r.Restart(ctx); err != nil {
		t.Fatal(err)
	}
	if got, err := c.Get(ctx, "k").Result(); err != nil || got != "v" {
		t.Fatalf("after Restart: GET k = %q, %v", got, err)
	}
	if err := r.Pause(); !errors.Is(err, servers.ErrUnsupported) {
		t.Fatalf("Pause on miniredis = %v, want ErrUnsupported", err)
	}
}

func TestChooseFallbackAndRequireReal(t *testing.T) {
	// Not parallel: it changes the environment.
	t.Setenv(servers.EnvRedisServer, "/nonexistent/redis-server")
	t.Setenv(servers.EnvDovecot, "/nonexistent/dovecot")

	for _, look := range []func() (string, error){servers.LookRedisServer, servers.LookDovecot} {
		if _, err := look(); !errors.Is(err, servers.ErrBinaryNotFound) {
			t.Fatalf("look with override to /nonexistent: %v, want ErrBinaryNotFound", err)
		}
		c, err := servers.Choose(look, false)
		if err != nil || c.Real || c.Reason == "" {
			t.Fatalf("Choose(missing, requireReal=false) = %+v, %v; want embedded with a reason", c, err)
		}
		if _, err := servers.Choose(look, true); err == nil || !strings.Contains(err.Error(), servers.EnvRequireReal) {
			t.Fatalf("Choose(missing, requireReal=true) error = %v; want one naming %s", err, servers.EnvRequireReal)
		}
	}
	found := func() (string, error) { return "/usr/bin/true", nil }
	for _, req := range []bool{false, true} {
		if c, err := servers.Choose(found, req); err != nil || !c.Real || c.Binary != "/usr/bin/true" {
			t.Fatalf("Choose(found, %v) = %+v, %v", req, c, err)
		}
	}

	t.Setenv(servers.EnvRequireReal, "0")
	if servers.RequireReal() {
		t.Fatal("RequireReal with 0")
	}
	r, err := servers.StartRedis(t.Context(), t.TempDir(), servers.RedisOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Stop()
	if r.Kind != servers.KindMiniredis {
		t.Fatalf("fallback Redis kind = %q", r.Kind)
	}
	m, err := servers.StartIMAP(t.Context(), t.TempDir(), servers.DovecotOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Stop()
	if m.Kind != servers.KindMemIMAP {
		t.Fatalf("fallback IMAP kind = %q", m.Kind)
	}

	t.Setenv(servers.EnvRequireReal, "1")
	if !servers.RequireReal() {
		t.Fatal("RequireReal with 1")
	}
	if _, err := servers.StartRedis(t.Context(), t.TempDir(), servers.RedisOptions{}); err == nil {
		t.Fatal("StartRedis with a missing binary and MEDIADESK_REQUIRE_REAL=1 succeeded")
	}
	if _, err := servers.StartIMAP(t.Context(), t.TempDir(), servers.DovecotOptions{}); err == nil {
		t.Fatal("StartIMAP with a missing binary and MEDIADESK_REQUIRE_REAL=1 succeeded")
	}
}

func TestRequireRealUsesRealServers(t *testing.T) {
	if !servers.RequireReal() {
		t.Skip("only with MEDIADESK_REQUIRE_REAL=1")
	}
	t.Parallel()
	if r := servertest.Redis(t); r.Kind != servers.KindRedisServer {
		t.Fatalf("Redis kind = %q", r.Kind)
	}
	if m := servertest.IMAP(t); m.Kind != servers.KindDovecot {
		t.Fatalf("IMAP kind = %q", m.Kind)
	}
}

// imapKinds runs f against Dovecot and the memory server.
func imapKinds(t *testing.T, f func(t *testing.T, m *servers.IMAP)) {
	t.Run("dovecot", func(t *testing.T) {
		t.Parallel()
		f(t, servertest.RealDovecot(t))
	})
	t.Run("memory", func(t *testing.T) {
		t.Parallel()
		f(t, servertest.MemIMAP(t))
	})
}

func testMessage(i int) []byte {
	return []byte(fmt.Sprintf("From: Jo Reporter <jo@example.com>\r\n"+
		"To: press@example.gov\r\n"+
		"Subject: Enquiry %d\r\n"+
		"Message-ID: <enquiry-%d@example.com>\r\n"+
		"Date: Mon, 16 Oct 2023 09:30:00 +0100\r\n"+
		"\r\n"+
		"Could you comment by 4pm? (%d)\r\n", i, i, i))
}

// messageIDs fetches folder's Message-ID headers in UID order.
func messageIDs(t *testing.T, ctx context.Context, m *servers.IMAP, folder string) (uidValidity uint32, uids []imap.UID, ids []string) {
	t.Helper()
	c, err := m.Dial(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	sel, err := c.Select(folder, &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil {
		t.Fatal(err)
	}
	if sel.NumMessages == 0 {
		return sel.UIDValidity, nil, nil
	}
	section := &imap.FetchItemBodySection{Specifier: imap.PartSpecifierHeader, HeaderFields: []string{"Message-ID"}, Peek: true}
	var all imap.SeqSet
	all.AddRange(1, 0)
	msgs, err := c.Fetch(all, &imap.FetchOptions{UID: true, BodySection: []*imap.FetchItemBodySection{section}}).Collect()
	if err != nil {
		t.Fatal(err)
	}
	for _, msg := range msgs {
		uids = append(uids, msg.UID)
		h := strings.TrimSpace(string(msg.FindBodySection(section)))
		ids = append(ids, strings.TrimSpace(strings.TrimPrefix(h, "Message-ID:")))
	}
	return sel.UIDValidity, uids, ids
}

func TestIMAPBasics(t *testing.T) {
	t.Parallel()
	imapKinds(t, func(t *testing.T, m *servers.IMAP) {
		ctx := ctxT(t, 20*time.Second)
		c, err := m.Dial(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		boxes, err := c.List("", "*", nil).Collect()
		if err != nil {
			t.Fatal(err)
		}
		have := map[string]bool{}
		for _, b := range boxes {
			have[b.Mailbox] = true
		}
		for _, f := range servers.DefaultFolders {
			if !have[f] {
				t.Errorf("folder %s missing from LIST: %v", f, have)
			}
		}
		if !c.Caps().Has(imap.CapIdle) {
			t.Errorf("no IDLE capability: %v", c.Caps())
		}
		if err := m.Append(ctx, servers.FolderInbox, testMessage(1), testMessage(2)); err != nil {
			t.Fatal(err)
		}
		if err := servers.Append(ctx, m.Addr, m.Username, m.Password, servers.FolderSent, testMessage(3)); err != nil {
			t.Fatal(err)
		}
		if _, _, ids := messageIDs(t, ctx, m, servers.FolderInbox); strings.Join(ids, " ") != "<enquiry-1@example.com> <enquiry-2@example.com>" {
			t.Errorf("INBOX Message-IDs = %v", ids)
		}
		if _, _, ids := messageIDs(t, ctx, m, servers.FolderSent); len(ids) != 1 {
			t.Errorf("Sent Message-IDs = %v", ids)
		}
		if _, err := servers.Dial(ctx, m.Addr, m.Username, "wrong", nil); err == nil {
			t.Error("login with a wrong password succeeded")
		}
	})
}

func TestIMAPIdleReportsAppend(t *testing.T) {
	t.Parallel()
	imapKinds(t, func(t *testing.T, m *servers.IMAP) {
		ctx := ctxT(t, 20*time.Second)
		exists := make(chan uint32, 16)
		c, err := m.Dial(ctx, &imapclient.Options{UnilateralDataHandler: &imapclient.UnilateralDataHandler{
			// Runs on the client's reader goroutine: only signal.
			Mailbox: func(data *imapclient.UnilateralDataMailbox) {
				if data.NumMessages != nil {
					exists <- *data.NumMessages
				}
			},
		}})
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if _, err := c.Select(servers.FolderInbox, nil).Wait(); err != nil {
			t.Fatal(err)
		}
		idle, err := c.Idle()
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		if err := m.Append(ctx, servers.FolderInbox, testMessage(1)); err != nil {
			t.Fatal(err)
		}
		select {
		case n := <-exists:
			t.Logf("%s: EXISTS %d %v after APPEND started", m.Kind, n, time.Since(start).Round(time.Millisecond))
			if n != 1 {
				t.Errorf("EXISTS %d, want 1", n)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("no EXISTS within 5s of an APPEND from another connection")
		}
		if err := idle.Close(); err != nil {
			t.Fatal(err)
		}
		if err := idle.Wait(); err != nil {
			t.Fatal(err)
		}
	})
}

// Mail that arrives between a client's last command and its IDLE must be
// reported when IDLE starts (stock imapmemserver beta.8 misses it).
func TestIMAPIdleReportsMailFromBeforeIdle(t *testing.T) {
	t.Parallel()
	imapKinds(t, func(t *testing.T, m *servers.IMAP) {
		ctx := ctxT(t, 20*time.Second)
		exists := make(chan uint32, 16)
		c, err := m.Dial(ctx, &imapclient.Options{UnilateralDataHandler: &imapclient.UnilateralDataHandler{
			Mailbox: func(data *imapclient.UnilateralDataMailbox) {
				if data.NumMessages != nil {
					exists <- *data.NumMessages
				}
			},
		}})
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if _, err := c.Select(servers.FolderInbox, nil).Wait(); err != nil {
			t.Fatal(err)
		}
		if err := m.Append(ctx, servers.FolderInbox, testMessage(1)); err != nil {
			t.Fatal(err)
		}
		time.Sleep(100 * time.Millisecond)
		idle, err := c.Idle()
		if err != nil {
			t.Fatal(err)
		}
		defer idle.Close()
		select {
		case n := <-exists:
			if n != 1 {
				t.Errorf("EXISTS %d, want 1", n)
			}
		case <-time.After(3 * time.Second):
			t.Fatal("mail appended before IDLE not reported within 3s of IDLE")
		}
	})
}

func TestIMAPRestartDuringIdleKeepsMail(t *testing.T) {
	t.Parallel()
	imapKinds(t, func(t *testing.T, m *servers.IMAP) {
		ctx := ctxT(t, 30*time.Second)
		if err := m.Append(ctx, servers.FolderInbox, testMessage(1)); err != nil {
			t.Fatal(err)
		}
		c, err := m.Dial(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if _, err := c.Select(servers.FolderInbox, nil).Wait(); err != nil {
			t.Fatal(err)
		}
		idle, err := c.Idle()
		if err != nil {
			t.Fatal(err)
		}
		addr := m.Addr
		if err := m.Restart(ctx); err != nil {
			t.Fatal(err)
		}
		select {
		case <-c.Closed():
		case <-time.After(5 * time.Second):
			t.Fatal("idling client not disconnected by Restart")
		}
		_ = idle.Close()
		if m.Addr != addr {
			t.Fatalf("Addr changed: %s -> %s", addr, m.Addr)
		}
		if err := m.Append(ctx, servers.FolderInbox, testMessage(2)); err != nil {
			t.Fatal(err)
		}
		if _, _, ids := messageIDs(t, ctx, m, servers.FolderInbox); len(ids) != 2 {
			t.Fatalf("after Restart: %v", ids)
		}

		if err := m.Kill(); err != nil {
			t.Fatal(err)
		}
		if _, err := m.Dial(ctx, nil); err == nil {
			t.Fatal("login works after Kill")
		}
		if err := m.Restart(ctx); err != nil {
			t.Fatal(err)
		}
		if _, _, ids := messageIDs(t, ctx, m, servers.FolderInbox); len(ids) != 2 {
			t.Fatalf("after Kill+Restart: %v", ids)
		}
	})
}

func TestIMAPRecreateFolderChangesUIDValidity(t *testing.T) {
	t.Parallel()
	imapKinds(t, func(t *testing.T, m *servers.IMAP) {
		ctx := ctxT(t, 30*time.Second)
		if err := m.Append(ctx, servers.FolderInbox, testMessage(1), testMessage(2), testMessage(3)); err != nil {
			t.Fatal(err)
		}
		v1, uids1, ids1 := messageIDs(t, ctx, m, servers.FolderInbox)

		// A client with the folder selected must notice: it is disconnected.
		c, err := m.Dial(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if _, err := c.Select(servers.FolderInbox, nil).Wait(); err != nil {
			t.Fatal(err)
		}
		idle, err := c.Idle()
		if err != nil {
			t.Fatal(err)
		}

		v2, err := m.RecreateFolder(ctx, servers.FolderInbox)
		if err != nil {
			t.Fatal(err)
		}
		if v2 == v1 {
			t.Fatalf("UIDVALIDITY unchanged: %d", v1)
		}
		got, uids2, ids2 := messageIDs(t, ctx, m, servers.FolderInbox)
		if got != v2 {
			t.Errorf("SELECT UIDVALIDITY = %d, RecreateFolder said %d", got, v2)
		}
		if strings.Join(ids1, " ") != strings.Join(ids2, " ") {
			t.Errorf("messages changed: %v -> %v", ids1, ids2)
		}
		t.Logf("%s: UIDVALIDITY %d -> %d, UIDs %v -> %v", m.Kind, v1, v2, uids1, uids2)

		// The idling client is told: Dovecot sends BYE at its next sync
		// (here: new mail), the memory server restarted at once.
		if err := m.Append(ctx, servers.FolderInbox, testMessage(4)); err != nil {
			t.Fatal(err)
		}
		select {
		case <-c.Closed():
		case <-time.After(5 * time.Second):
			t.Error("client idling in the folder was not disconnected")
		}
		_ = idle.Close()
	})
}

func TestIMAPKeywordsAndMove(t *testing.T) {
	t.Parallel()
	imapKinds(t, func(t *testing.T, m *servers.IMAP) {
		ctx := ctxT(t, 20*time.Second)
		if err := m.Append(ctx, servers.FolderInbox, testMessage(1), testMessage(2), testMessage(3)); err != nil {
			t.Fatal(err)
		}
		expunged := make(chan uint32, 16)
		c, err := m.Dial(ctx, &imapclient.Options{UnilateralDataHandler: &imapclient.UnilateralDataHandler{
			Expunge: func(seqNum uint32) { expunged <- seqNum },
		}})
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if _, err := c.Select(servers.FolderInbox, nil).Wait(); err != nil {
			t.Fatal(err)
		}
		const ingested = imap.Flag("$MediadeskIngested")
		store := &imap.StoreFlags{Op: imap.StoreFlagsAdd, Silent: true, Flags: []imap.Flag{ingested}}
		if err := c.Store(imap.UIDSetNum(1), store, nil).Close(); err != nil {
			t.Fatal(err)
		}
		msgs, err := c.Fetch(imap.UIDSetNum(1), &imap.FetchOptions{UID: true, Flags: true}).Collect()
		if err != nil || len(msgs) != 1 {
			t.Fatalf("FETCH FLAGS: %v, %v", msgs, err)
		}
		found := false
		for _, f := range msgs[0].Flags {
			// The memory server lower-cases keywords: compare with EqualFold.
			found = found || strings.EqualFold(string(f), string(ingested))
		}
		if !found {
			t.Errorf("keyword not set: %v", msgs[0].Flags)
		}
		unflagged, err := c.UIDSearch(&imap.SearchCriteria{NotFlag: []imap.Flag{ingested}}, nil).Wait()
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(unflagged.AllUIDs()); got != "[2 3]" {
			t.Errorf("UID SEARCH UNKEYWORD = %s, want [2 3]", got)
		}

		if !c.Caps().Has(imap.CapMove) {
			t.Fatalf("no MOVE capability: %v", c.Caps())
		}
		moved, err := c.Move(imap.UIDSetNum(2), servers.FolderProcessed).Wait()
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(moved.SourceUIDs) != "2" || fmt.Sprint(moved.DestUIDs) != "1" {
			t.Errorf("MOVE COPYUID: %+v", moved)
		}
		if err := c.Noop().Wait(); err != nil {
			t.Fatal(err)
		}
		close(expunged)
		var seqs []uint32
		for s := range expunged {
			seqs = append(seqs, s)
		}
		if fmt.Sprint(seqs) != "[2]" {
			t.Errorf("EXPUNGE responses for moving message 2 of 3: %v, want [2]", seqs)
		}
		_, _, inbox := messageIDs(t, ctx, m, servers.FolderInbox)
		_, _, processed := messageIDs(t, ctx, m, servers.FolderProcessed)
		if len(inbox) != 2 || fmt.Sprint(processed) != "[<enquiry-2@example.com>]" {
			t.Errorf("after MOVE: INBOX %v, Processed %v", inbox, processed)
		}
	})
}

func TestDovecotSeedMaildir(t *testing.T) {
	t.Parallel()
	m := servertest.RealDovecot(t)
	ctx := ctxT(t, 30*time.Second)
	const n = 2000
	msgs := make([][]byte, n)
	for i := range msgs {
		msgs[i] = testMessage(i)
	}
	start := time.Now()
	if err := m.SeedMaildir(servers.FolderInbox, msgs); err != nil {
		t.Fatal(err)
	}
	seeded := time.Since(start)
	_, uids, ids := messageIDs(t, ctx, m, servers.FolderInbox)
	t.Logf("seeded %d messages in %v, SELECT+FETCH in %v", n, seeded.Round(time.Millisecond), (time.Since(start) - seeded).Round(time.Millisecond))
	if len(ids) != n {
		t.Fatalf("%d messages visible, want %d", len(ids), n)
	}
	for i, id := range ids {
		if want := fmt.Sprintf("<enquiry-%d@example.com>", i); id != want || uids[i] != imap.UID(i+1) {
			t.Fatalf("message %d: UID %d %s, want UID %d %s (seeding order)", i, uids[i], id, i+1, want)
		}
	}
	// A new folder is created on disk and selectable.
	if err := m.SeedMaildir("Archive/2023", msgs[:3]); err != nil {
		t.Fatal(err)
	}
	if _, _, ids := messageIDs(t, ctx, m, "Archive/2023"); len(ids) != 3 {
		t.Fatalf("Archive/2023: %v", ids)
	}
	// Dovecot (as the mail user) can work in the parent it did not create.
	c, err := m.Dial(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Create("Archive/2024", nil).Wait(); err != nil {
		t.Fatalf("CREATE next to a seeded folder: %v", err)
	}
	boxes, err := c.List("", "Archive/*", nil).Collect()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, b := range boxes {
		names = append(names, b.Mailbox)
	}
	if fmt.Sprint(names) != "[Archive/2023 Archive/2024]" && fmt.Sprint(names) != "[Archive/2024 Archive/2023]" {
		t.Errorf("LIST Archive/* = %v", names)
	}
	if err := m.SeedMaildir("../escape", msgs[:1]); err == nil {
		t.Fatal("SeedMaildir accepted ../escape")
	}
}

func TestDovecotSeedWhileIdle(t *testing.T) {
	t.Parallel()
	m := servertest.RealDovecot(t)
	ctx := ctxT(t, 20*time.Second)
	exists := make(chan uint32, 16)
	c, err := m.Dial(ctx, &imapclient.Options{UnilateralDataHandler: &imapclient.UnilateralDataHandler{
		Mailbox: func(data *imapclient.UnilateralDataMailbox) {
			if data.NumMessages != nil {
				exists <- *data.NumMessages
			}
		},
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := c.Select(servers.FolderInbox, nil).Wait(); err != nil {
		t.Fatal(err)
	}
	idle, err := c.Idle()
	if err != nil {
		t.Fatal(err)
	}
	defer idle.Close()
	start := time.Now()
	if err := m.SeedMaildir(servers.FolderInbox, [][]byte{testMessage(1)}); err != nil {
		t.Fatal(err)
	}
	select {
	case n := <-exists:
		t.Logf("EXISTS %d %v after a Maildir delivery", n, time.Since(start).Round(time.Millisecond))
	case <-time.After(5 * time.Second):
		t.Fatal("no EXISTS within 5s of a Maildir delivery")
	}
}

func TestMemIMAPHasNoMaildir(t *testing.T) {
	t.Parallel()
	m := servertest.MemIMAP(t)
	if err := m.SeedMaildir(servers.FolderInbox, nil); !errors.Is(err, servers.ErrUnsupported) {
		t.Fatalf("SeedMaildir on memory server = %v", err)
	}
}

// The helper process for TestServersDieWithTheirParent: it starts servers,
// prints their pids and blocks until killed.
func TestHelperProcess(t *testing.T) {
	if os.Getenv("SERVERS_TEST_HELPER") != "1" {
		t.Skip("helper process")
	}
	r, err := servers.StartRedisServer(context.Background(), filepath.Join(os.Getenv("SERVERS_TEST_DIR"), "redis"), servers.RedisOptions{})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	m, err := servers.StartDovecot(context.Background(), filepath.Join(os.Getenv("SERVERS_TEST_DIR"), "dovecot"), servers.DovecotOptions{})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	fmt.Println("redis", r.Pid(), r.Addr)
	fmt.Println("dovecot", m.Pid(), m.Addr)
	fmt.Println("ready")
	select {}
}

func TestServersDieWithTheirParent(t *testing.T) {
	t.Parallel()
	for _, look := range []func() (string, error){servers.LookRedisServer, servers.LookDovecot} {
		if _, err := look(); err != nil {
			t.Skip(err)
		}
	}
	ctx := ctxT(t, 30*time.Second)
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestHelperProcess$", "-test.v")
	cmd.Env = append(os.Environ(), "SERVERS_TEST_HELPER=1", "SERVERS_TEST_DIR="+t.TempDir())
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var redisPid, dovecotPid int
	var addrs []string
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			continue
		}
		switch f[0] {
		case "redis":
			redisPid, _ = strconv.Atoi(f[1])
			addrs = append(addrs, f[2])
		case "dovecot":
			dovecotPid, _ = strconv.Atoi(f[1])
			addrs = append(addrs, f[2])
		case "error":
			t.Fatal(sc.Text())
		}
		if f[0] == "ready" {
			break
		}
	}
	if redisPid == 0 || dovecotPid == 0 || len(addrs) != 2 {
		t.Fatalf("helper did not report its servers (pid %d, %v)", redisPid, addrs)
	}
	_ = cmd.Process.Kill()
	_ = cmd.Wait()
	deadline := time.Now().Add(5 * time.Second)
	for {
		// Both are process group leaders: check their whole groups.
		alive := syscall.Kill(-redisPid, 0) == nil || syscall.Kill(-dovecotPid, 0) == nil
		for _, a := range addrs {
			var d net.Dialer
			if conn, err := d.DialContext(ctx, "tcp", a); err == nil {
				conn.Close()
				alive = true
			}
		}
		if !alive {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("servers of a killed parent still running: redis pid %d, dovecot pid %d, addrs %v", redisPid, dovecotPid, addrs)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Linux sends the parent-death signal when the thread that forked the child
// exits, and Go ends a thread whose locked goroutine returns (except the
// main thread): servers started from such goroutines must survive them.
func TestServerOutlivesLockedStarterGoroutine(t *testing.T) {
	t.Parallel()
	if _, err := servers.LookRedisServer(); err != nil {
		t.Skip(err)
	}
	type result struct {
		r   *servers.Redis
		err error
	}
	const n = 3 // at most one of them can run on the main thread
	ch := make(chan result, n)
	for range n {
		dir := t.TempDir()
		go func() {
			runtime.LockOSThread() // never unlocked: the thread ends with this goroutine
			r, err := servers.StartRedisServer(t.Context(), dir, servers.RedisOptions{})
			ch <- result{r, err}
		}()
	}
	var rs []*servers.Redis
	for range n {
		res := <-ch
		if res.err != nil {
			t.Fatal(res.err)
		}
		t.Cleanup(func() { _ = res.r.Stop() })
		rs = append(rs, res.r)
	}
	time.Sleep(300 * time.Millisecond)
	for _, r := range rs {
		if err := redisClient(t, r).Ping(ctxT(t, 5*time.Second)).Err(); err != nil {
			t.Errorf("server started from a locked goroutine died with its thread: %v", err)
		}
	}
}
