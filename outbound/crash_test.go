package outbound

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/store"
)

// TestOutboxChild is not a test: it is the sender process that
// TestCrashSemantics starts and SIGKILLs. It runs only when asked to.
func TestOutboxChild(t *testing.T) {
	if os.Getenv("MEDIADESK_OUTBOX_CHILD") != "1" {
		t.Skip("helper process for TestCrashSemantics")
	}
	opt, err := redis.ParseURL(os.Getenv("CHILD_REDIS"))
	if err != nil {
		t.Fatal(err)
	}
	rdb := redis.NewClient(opt)
	cfg := DeskConfig(t, "127.0.0.1:1", "desk", os.Getenv("CHILD_SMTP"), "")
	st := store.New(rdb, store.Options{RefPrefix: TestPrefix, Location: cfg.Location})
	log := QuietLogger(t)
	if os.Getenv("CHILD_LOG") != "" {
		log = nil
	}
	svc, err := New(Options{Config: cfg, Store: st, Logger: log, Secret: func(string) string { return "" },
		Outbox: OutboxOptions{ClaimAfter: time.Second, Poll: 50 * time.Millisecond, RetryBase: 50 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	if point := os.Getenv("CHILD_CRASH_AT"); point != "" {
		svc.outbox.crash = func(p string) {
			if p == point {
				_ = syscall.Kill(os.Getpid(), syscall.SIGKILL)
				select {} // the signal is on its way
			}
		}
	}
	_ = svc.outbox.Run(context.Background()) // until killed
}

// TestCrashSemantics SIGKILLs the sending process at each point of a
// delivery and restarts it: a crash before the end of DATA or after the
// server's reply was recorded delivers exactly once; a crash between the
// end of DATA and recording the reply delivers at most twice, flagged as
// a possible duplicate.
func TestCrashSemantics(t *testing.T) {
	if testing.Short() {
		t.Skip("fault test")
	}
	e := newEnv(t, "", nil) // the parent queues; children send
	// A SIGKILLed child never removes its temporary folders: make them
	// inside this test's, which is removed at the end.
	childTmp := t.TempDir()
	start := func(crashAt string) *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^TestOutboxChild$")
		cmd.Env = append(os.Environ(), "MEDIADESK_OUTBOX_CHILD=1", "CHILD_REDIS="+e.redis.URL,
			"CHILD_SMTP="+e.sink.Addr, "CHILD_CRASH_AT="+crashAt, "TMPDIR="+childTmp)
		cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
		if os.Getenv("MEDIADESK_TEST_CHILD_LOG") != "" {
			cmd.Env = append(cmd.Env, "CHILD_LOG=1")
			cmd.Stderr = os.Stderr
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd
	}
	stop := func(cmd *exec.Cmd) { _ = cmd.Process.Kill(); _ = cmd.Wait() }
	delivered := func(mid string) int {
		n := 0
		for _, m := range e.sink.Messages() {
			if m.Parsed != nil && m.Parsed.MessageID == mid {
				n++
			}
		}
		return n
	}
	uid := uint32(0)
	queue := func(name string) (string, *Job) {
		uid++
		ref := e.commit(uid, enquiryMail(name+"@bbc", "jo."+name+"@bbc.co.uk", "Crash "+name, "q")).Ref
		j, err := e.svc.Reply(e.ctx, ref, ReplyRequest{Body: "Answer " + name, Kind: "substantive", By: "ann"})
		if err != nil {
			t.Fatal(err)
		}
		return ref, j
	}
	responses := func(ref string) int {
		tl, _ := e.st.Timeline(e.ctx, ref)
		n := 0
		for _, ev := range tl {
			if ev.Type == "response" {
				n++
			}
		}
		return n
	}

	for _, tc := range []struct {
		point     string
		wantSends int
		wantDup   bool
		why       string
	}{
		{"before-send", 1, false, "between queueing and sending: nothing reached the server"},
		{"at-end-of-data", 1, true, "after phase=dot, before the final '.': the server discarded it, but we cannot know"},
		{"after-send", 2, true, "after the server's 250, before recording it: SMTP cannot tell us, so it goes again"},
		{"after-sent-recorded", 1, false, "after recording the send, before the enquiry's records"},
		{"after-finish", 1, false, "after the enquiry's records, before the stream entry is acknowledged"},
	} {
		t.Run(tc.point, func(t *testing.T) {
			ref, j := queue(strings.ReplaceAll(tc.point, "-", ""))
			crashed := start(tc.point)
			err := crashed.Wait()
			if ws, ok := crashed.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
				t.Fatalf("the child did not die at %s: %v", tc.point, err)
			}
			child := start("")
			defer stop(child)
			got := e.waitState(j.Key, StateSent)
			Eventually(t, "stream entry acknowledged", 10*time.Second, func() bool {
				n, err := e.svc.outbox.pending(e.ctx)
				return err == nil && n == 0
			})
			if n := delivered(j.MessageID); n != tc.wantSends {
				t.Errorf("%s: delivered %d time(s), want %d", tc.why, n, tc.wantSends)
			}
			if got.PossibleDuplicate != tc.wantDup {
				t.Errorf("%s: possible_duplicate = %v, want %v (%s)", tc.why, got.PossibleDuplicate, tc.wantDup, got.DuplicateReason)
			}
			if n := responses(ref); n != 1 {
				t.Errorf("%d responses recorded, want 1", n)
			}
			enq, _ := e.st.Enquiry(e.ctx, ref)
			if enq.Status != store.StatusAnswered {
				t.Errorf("enquiry %s is %s", ref, enq.Status)
			}
		})
	}

	// Random kills while 30 messages go out.
	t.Run("random", func(t *testing.T) {
		var jobs []*Job
		var refs []string
		for i := 0; i < 30; i++ {
			ref, j := queue(fmt.Sprintf("r%d", i))
			jobs, refs = append(jobs, j), append(refs, ref)
		}
		// A slow server, so kills land in the middle of deliveries.
		e.sink.SetReject(func(string, []string, []byte) error { time.Sleep(40 * time.Millisecond); return nil })
		rng := rand.New(rand.NewPCG(7, uint64(time.Now().UnixNano())))
		for k := 0; k < 8; k++ {
			c := start("")
			time.Sleep(time.Duration(100+rng.IntN(400)) * time.Millisecond)
			stop(c)
		}
		before, _ := Totals(e.ctx, e.st)
		t.Logf("before the final run: %+v", before)
		final := start("")
		defer stop(final)
		for i, j := range jobs {
			got := e.waitState(j.Key, StateSent)
			n := delivered(j.MessageID)
			switch {
			case n < 1 || n > 2:
				t.Errorf("%s delivered %d times", j.Key, n)
			case n == 2 && !got.PossibleDuplicate:
				t.Errorf("%s delivered twice without the possible-duplicate flag", j.Key)
			}
			if r := responses(refs[i]); r != 1 {
				t.Errorf("%s: %d responses recorded", refs[i], r)
			}
		}
		c, _ := Totals(e.ctx, e.st)
		t.Logf("after 8 kills: %+v", c)
		if c.Sending != 0 || c.Queued != 0 || c.Retrying != 0 {
			t.Errorf("counts %+v", c)
		}
	})
}

// pending counts the outbox entries not yet acknowledged (the crash test's
// check that every job ends acknowledged).
func (o *Outbox) pending(ctx context.Context) (int64, error) {
	p, err := o.rdb.XPending(ctx, o.stream(), outboxGroup).Result()
	if err != nil {
		return 0, err
	}
	return p.Count, nil
}
