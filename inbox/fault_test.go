package inbox

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/internal/servers"
	"github.com/mediadesk/mediadesk/store"
)

// TestIngestProcess is not a test: it is the ingest process that
// TestKilledRepeatedly starts and SIGKILLs. It runs only when asked to.
func TestIngestProcess(t *testing.T) {
	if os.Getenv("MEDIADESK_INGEST_CHILD") != "1" {
		t.Skip("helper process for TestKilledRepeatedly")
	}
	opt, err := redis.ParseURL(os.Getenv("CHILD_REDIS"))
	if err != nil {
		t.Fatal(err)
	}
	rdb := redis.NewClient(opt)
	st := store.New(rdb, store.Options{RefPrefix: "TEST", Location: time.UTC})
	mb := &struct{ addr, user, pass string }{os.Getenv("CHILD_IMAP"), os.Getenv("CHILD_USER"), os.Getenv("CHILD_PASS")}
	batch, _ := strconv.Atoi(os.Getenv("CHILD_BATCH"))
	h := &harness{t: t, ctx: context.Background(), imap: &servers.IMAP{Addr: mb.addr, Username: mb.user, Password: mb.pass}, rdb: rdb, store: st}
	w, err := NewWorker(Config{
		Mailbox: "desk", Folder: "INBOX", Dial: Dialer(h.mailbox(), mb.pass), Store: st,
		Handler: &Ingest{Store: st}, UseIdle: true, BatchMessages: batch,
		MinBackoff: 20 * time.Millisecond, MaxBackoff: 200 * time.Millisecond,
		Logger: childLogger(),
	})
	if err != nil {
		t.Fatal(err)
	}
	_ = w.Run(context.Background()) // until killed
}

func childLogger() *slog.Logger {
	if os.Getenv("CHILD_LOG") != "" {
		return slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

// TestKilledRepeatedly SIGKILLs the ingest process at random moments
// during a 2,000-message ingest and restarts it: in the end exactly 2,000
// messages are accounted for, none twice, all flagged.
func TestKilledRepeatedly(t *testing.T) {
	if testing.Short() {
		t.Skip("fault test")
	}
	const total = 2000
	h := newHarness(t, nil)
	msgs := make([][]byte, total)
	for i := range msgs {
		msgs[i] = mail(i, fmt.Sprintf("reporter%d@bbc.co.uk", i%97), fmt.Sprintf("Question %d", i))
	}
	if h.imap.Kind == servers.KindDovecot {
		if err := h.imap.SeedMaildir("INBOX", msgs); err != nil {
			t.Fatal(err)
		}
	} else {
		h.append("INBOX", msgs...)
	}
	rng := rand.New(rand.NewPCG(1, uint64(time.Now().UnixNano())))
	start := func(final bool) *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^TestIngestProcess$", "-test.v")
		cmd.Env = append(os.Environ(), "MEDIADESK_INGEST_CHILD=1",
			"CHILD_REDIS="+h.redis.URL, "CHILD_IMAP="+h.imap.Addr, "CHILD_USER="+h.imap.Username,
			"CHILD_PASS="+h.imap.Password, "CHILD_BATCH="+strconv.Itoa(50+rng.IntN(200)))
		cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
		if final && os.Getenv("MEDIADESK_TEST_CHILD_LOG") != "" {
			cmd.Env = append(cmd.Env, "CHILD_LOG=1")
			cmd.Stderr = os.Stderr
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd
	}
	kills := 0
	for kills < 15 && h.stats("INBOX").Messages < total {
		cmd := start(false)
		time.Sleep(time.Duration(20+rng.IntN(180)) * time.Millisecond)
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		kills++
	}
	t.Logf("killed the ingest process %d times; %d of %d recorded before the final run", kills, h.stats("INBOX").Messages, total)
	final := start(true)
	defer func() { _ = final.Process.Kill(); _ = final.Wait() }()
	h.eventually("all messages recorded and flagged", 90*time.Second, func() bool {
		if h.stats("INBOX").Messages < total {
			return false
		}
		with, _ := h.flagged("INBOX", "$MediadeskIngested")
		return len(with) == total
	})
	s := h.stats("INBOX")
	if s.Messages != total || s.Enquiries != total {
		t.Errorf("want exactly %d messages and enquiries, got %+v", total, s)
	}
	n, err := h.rdb.ZCard(h.ctx, h.store.Prefix()+"idx:all").Result()
	if err != nil || n != total {
		t.Errorf("enquiry index has %d, want %d (%v)", n, total, err)
	}
}

// TestRedisOutage stops Redis for 30 s in the middle of an ingest: nothing
// is lost, nothing is flagged before it is recorded, and ingestion resumes
// by itself.
func TestRedisOutage(t *testing.T) {
	if testing.Short() {
		t.Skip("fault test")
	}
	h := newHarness(t, nil)
	if h.redis.Kind != servers.KindRedisServer {
		t.Skip("needs redis-server to stop and restart")
	}
	const before, during = 1500, 25
	msgs := make([][]byte, before)
	for i := range msgs {
		msgs[i] = mail(i, fmt.Sprintf("r%d@itv.com", i%31), fmt.Sprintf("Q%d", i))
	}
	h.append("INBOX", msgs...)
	h.worker("INBOX", func(c *Config) { c.BatchMessages = 50; c.MaxBackoff = time.Second })
	h.eventually("ingest under way", 30*time.Second, func() bool { return h.stats("INBOX").Messages > 0 })
	if err := h.redis.Stop(); err != nil {
		t.Fatal(err)
	}
	outage := time.Now()
	for i := 0; i < during; i++ {
		h.append("INBOX", mail(before+i, "late@ft.com", fmt.Sprintf("During the outage %d", i)))
	}
	// Nothing may be flagged that Redis has not recorded: count flags now
	// and compare with what Redis holds once it is back.
	flaggedDuring, _ := h.flagged("INBOX", "$MediadeskIngested")
	time.Sleep(30*time.Second - time.Since(outage))
	if err := h.redis.Restart(h.ctx); err != nil {
		t.Fatal(err)
	}
	if got := h.stats("INBOX").Messages; got < int64(len(flaggedDuring)) {
		t.Errorf("%d messages flagged but only %d recorded", len(flaggedDuring), got)
	}
	h.eventually("ingest resumed and finished", 60*time.Second, func() bool {
		return h.stats("INBOX").Messages == before+during
	})
	if s := h.stats("INBOX"); s.Enquiries != before+during {
		t.Errorf("stats %+v", s)
	}
}
