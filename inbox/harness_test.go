package inbox

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/servers"
	"github.com/mediadesk/mediadesk/internal/servers/servertest"
	"github.com/mediadesk/mediadesk/store"
)

// harness is a real (or stand-in) IMAP server and Redis with a store.
type harness struct {
	t     *testing.T
	ctx   context.Context
	imap  *servers.IMAP
	redis *servers.Redis
	rdb   *redis.Client
	store *store.Store
}

func newHarness(t *testing.T, imapSrv *servers.IMAP) *harness {
	t.Helper()
	if imapSrv == nil {
		imapSrv = servertest.IMAP(t)
	}
	r := servertest.Redis(t)
	opt, err := redis.ParseURL(r.URL)
	if err != nil {
		t.Fatal(err)
	}
	rdb := redis.NewClient(opt)
	t.Cleanup(func() { rdb.Close() })
	return &harness{t: t, ctx: context.Background(), imap: imapSrv, redis: r, rdb: rdb,
		store: store.New(rdb, store.Options{RefPrefix: "TEST", Location: time.UTC})}
}

func (h *harness) mailbox() *config.Mailbox {
	return &config.Mailbox{ID: "desk", Address: h.imap.Addr, Security: config.SecurityNone, Username: h.imap.Username}
}

// worker starts a worker on folder with cfg tweaks and stops it at cleanup.
func (h *harness) worker(folder string, tweak func(c *Config)) (*Worker, func()) {
	h.t.Helper()
	ing := &Ingest{Store: h.store, WarnBefore: 15 * time.Minute}
	cfg := Config{
		Mailbox: "desk", Folder: folder, Dial: Dialer(h.mailbox(), h.imap.Password),
		Store: h.store, Handler: ing, UseIdle: true, PollInterval: 5 * time.Second,
		MinBackoff: 50 * time.Millisecond, MaxBackoff: 500 * time.Millisecond,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	if testing.Verbose() {
		cfg.Logger = slog.Default()
	}
	if tweak != nil {
		tweak(&cfg)
	}
	w, err := NewWorker(cfg)
	if err != nil {
		h.t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(h.ctx)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); _ = w.Run(ctx) }()
	stop := func() { cancel(); wg.Wait() }
	h.t.Cleanup(stop)
	return w, stop
}

// eventually polls cond until it holds or the deadline passes. It waits
// for an asynchronous outcome; it does not measure speed.
func (h *harness) eventually(what string, within time.Duration, cond func() bool) {
	h.t.Helper()
	deadline := time.Now().Add(within)
	for !cond() {
		if time.Now().After(deadline) {
			h.t.Fatalf("gave up waiting for %s after %v", what, within)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (h *harness) stats(folder string) store.FolderStats {
	h.t.Helper()
	st, err := h.store.FolderStats(h.ctx, [][2]string{{"desk", folder}})
	if err != nil {
		h.t.Fatal(err)
	}
	s := st[0]
	if s.Messages != s.Enquiries+s.Followups+s.Automatic+s.Quarantined {
		h.t.Errorf("messages %d is not the sum of %+v", s.Messages, s)
	}
	return s
}

func (h *harness) append(folder string, msgs ...[]byte) {
	h.t.Helper()
	if err := h.imap.Append(h.ctx, folder, msgs...); err != nil {
		h.t.Fatalf("append: %v", err)
	}
}

// flagged returns the UIDs in folder carrying the keyword, and all UIDs.
func (h *harness) flagged(folder, keyword string) (with, all []uint32) {
	h.t.Helper()
	c, err := h.imap.Dial(h.ctx, nil)
	if err != nil {
		h.t.Fatal(err)
	}
	defer c.Close()
	if _, err := c.Select(folder, &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		h.t.Fatal(err)
	}
	bufs, err := c.Fetch(imap.SeqSet{imap.SeqRange{Start: 1, Stop: 0}}, &imap.FetchOptions{UID: true, Flags: true}).Collect()
	if err != nil && !strings.Contains(err.Error(), "No matching") {
		h.t.Fatal(err)
	}
	for _, b := range bufs {
		all = append(all, uint32(b.UID))
		for _, f := range b.Flags {
			if strings.EqualFold(string(f), keyword) { // keywords are case-insensitive
				with = append(with, uint32(b.UID))
			}
		}
	}
	return with, all
}

func dialCount(h *harness, folder string) uint32 {
	c, err := h.imap.Dial(h.ctx, &imapclient.Options{})
	if err != nil {
		h.t.Fatal(err)
	}
	defer c.Close()
	d, err := c.Select(folder, &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil {
		h.t.Fatal(err)
	}
	return d.NumMessages
}

// mail builds a small journalist email.
func mail(i int, from, subject string, headers ...string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "From: Reporter %d <%s>\r\n", i, from)
	b.WriteString("To: Press Office <desk@example.gov.uk>\r\n")
	fmt.Fprintf(&b, "Subject: %s\r\n", subject)
	fmt.Fprintf(&b, "Date: %s\r\n", time.Date(2023, 10, 16, 9, 0, 0, 0, time.UTC).Add(time.Duration(i)*time.Minute).Format(time.RFC1123Z))
	hasID := false
	for _, hd := range headers {
		if strings.HasPrefix(strings.ToLower(hd), "message-id:") {
			hasID = true
		}
		b.WriteString(hd + "\r\n")
	}
	if !hasID {
		fmt.Fprintf(&b, "Message-ID: <msg-%d@newsroom.example>\r\n", i)
	}
	b.WriteString("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n")
	fmt.Fprintf(&b, "Hello,\r\n\r\nQuestion number %d about the announcement. By 4pm please.\r\n\r\nThanks\r\n", i)
	return []byte(b.String())
}
