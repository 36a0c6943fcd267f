// Package inbox owns mail pickup: one worker per mailbox folder that keeps
// an IMAP connection, waits for new mail with IDLE (polling as the
// backstop, or as the only mode when the server lacks IDLE), fetches new
// UIDs past the folder's cursor with BODY.PEEK[], hands them to a Handler
// that commits them durably, and only then flags or moves them. On any
// error it reconnects with capped, jittered exponential backoff;
// authentication failures are reported clearly and retried slowly. A
// session signed in with an OAuth2 token is renewed (a new login with a
// fresh token) shortly before the token expires.
//
// Crash safety: the Handler commits each message atomically (recorded by
// source and Message-ID); then the worker advances the folder's cursor past
// the batch, then flags or moves it. A crash between any two steps is
// repaired on the next connection: a batch above the cursor is fetched
// again and recognised by source; a reconciliation pass below the cursor
// ingests anything Redis has no record of and flags what is recorded but
// unflagged. Redis dedupes, so replaying any step never duplicates.
package inbox

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"sort"
	"sync/atomic"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"github.com/mediadesk/mediadesk/internal/lifecycle"
	"github.com/mediadesk/mediadesk/store"
)

// Folder names a watched folder and its current UIDVALIDITY.
type Folder struct {
	Mailbox     string
	Name        string
	UIDValidity uint32
}

// Fetched is one message read with BODY.PEEK[] (or only its header when
// it is larger than the size cap).
type Fetched struct {
	UID          uint32
	InternalDate time.Time
	Size         int64
	Raw          []byte
	// HeaderOnly is set when Raw holds only the header because the message
	// is larger than the cap.
	HeaderOnly bool
}

// Handler records fetched messages durably. It returns the UIDs that are
// safely recorded and may be marked done in the mailbox; an error means
// nothing more can be recorded now (e.g. Redis is down) and the worker
// will retry.
type Handler interface {
	Handle(ctx context.Context, f Folder, msgs []Fetched) (done []uint32, err error)
}

// PipelinedHandler is a Handler whose work splits into preparing a batch
// (CPU: parsing, routing) and committing it (I/O: Redis), so the worker
// prepares the next batch while the current one commits.
type PipelinedHandler interface {
	Handler
	Prepare(ctx context.Context, f Folder, msgs []Fetched) (any, error)
	Commit(ctx context.Context, prepared any) (done []uint32, err error)
	// Discard drops a prepared batch that will not be committed.
	Discard(prepared any)
}

// MarkMode is what happens to a message in the mailbox once recorded.
type MarkMode int

const (
	// MarkKeyword adds a keyword flag (default $MediadeskIngested).
	MarkKeyword MarkMode = iota
	// MarkMove moves the message to another folder.
	MarkMove
	// MarkNone leaves the message alone (e.g. the Sent folder).
	MarkNone
)

// Config configures a Worker.
type Config struct {
	Mailbox string // mailbox id (config mailboxes[].id)
	Folder  string
	// Dial opens a logged-in connection; Worker supplies the unilateral
	// data handler through opts.
	Dial    func(ctx context.Context, opts *imapclient.Options) (*imapclient.Client, error)
	Store   *store.Store
	Handler Handler
	Mark    MarkMode
	Keyword string // for MarkKeyword
	MoveTo  string // for MarkMove
	// UseIdle uses IDLE when the server supports it.
	UseIdle bool
	// PollInterval is the backstop poll (default 30s).
	PollInterval time.Duration
	// MaxSize is the largest message fetched whole (default 25 MB).
	MaxSize int64
	// BatchBytes caps the bytes fetched per batch (default 32 MB) and
	// BatchMessages the messages (default 500).
	BatchBytes    int64
	BatchMessages int
	// Backoff bounds for reconnects (defaults 500ms and 1m) and the delay
	// after an authentication failure (default 5m).
	MinBackoff, MaxBackoff, AuthRetry time.Duration
	// CredentialsExpiry, when set, says when the credentials a connection
	// logged in with expire (zero: never), e.g. MailboxDialer.Expiry.
	// Shortly before then the worker leaves IDLE and reconnects with fresh
	// ones: a server may end or refuse a session whose OAuth2 token has
	// expired.
	CredentialsExpiry func(c *imapclient.Client) time.Time
	Logger            *slog.Logger
}

// Worker ingests one mailbox folder.
type Worker struct {
	cfg    Config
	log    *slog.Logger
	status atomic.Pointer[Status]
}

// Status is a worker's health, for status output and the dashboard.
type Status struct {
	Connected   bool      `json:"connected"`
	Idle        bool      `json:"idle"`
	LastError   string    `json:"last_error,omitempty"`
	LastErrorAt time.Time `json:"last_error_at,omitzero"`
	LastSync    time.Time `json:"last_sync,omitzero"`
	// Backoff is the wait before the next connection attempt and RetryAt
	// when it is due (zero while connected).
	Backoff time.Duration `json:"backoff,omitempty"`
	RetryAt time.Time     `json:"retry_at,omitzero"`
}

// NewWorker validates cfg and returns a worker.
func NewWorker(cfg Config) (*Worker, error) {
	if cfg.Dial == nil || cfg.Store == nil || cfg.Handler == nil {
		return nil, errors.New("inbox: Dial, Store and Handler are required")
	}
	if cfg.Folder == "" {
		cfg.Folder = "INBOX"
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = 30 * time.Second
	}
	if cfg.MaxSize <= 0 {
		cfg.MaxSize = 25 << 20
	}
	if cfg.BatchBytes <= 0 {
		cfg.BatchBytes = 32 << 20
	}
	if cfg.BatchMessages <= 0 {
		cfg.BatchMessages = 500
	}
	if cfg.MinBackoff <= 0 {
		cfg.MinBackoff = 500 * time.Millisecond
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = time.Minute
	}
	if cfg.AuthRetry <= 0 {
		cfg.AuthRetry = 5 * time.Minute
	}
	if cfg.Keyword == "" {
		cfg.Keyword = "$MediadeskIngested"
	}
	if cfg.Mark == MarkMove && cfg.MoveTo == "" {
		return nil, errors.New("inbox: MarkMove needs MoveTo")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	w := &Worker{cfg: cfg, log: cfg.Logger.With("mailbox", cfg.Mailbox, "folder", cfg.Folder)}
	w.status.Store(&Status{})
	return w, nil
}

// Status returns the worker's current health.
func (w *Worker) Status() Status { return *w.status.Load() }

func (w *Worker) setStatus(f func(s *Status)) {
	s := *w.status.Load()
	f(&s)
	w.status.Store(&s)
}

// ErrAuth marks an authentication failure.
var ErrAuth = errors.New("authentication failed")

// Run ingests until ctx ends, reconnecting on errors.
func (w *Worker) Run(ctx context.Context) error {
	delay := w.cfg.MinBackoff
	for {
		// No point holding a mailbox connection while Redis is away.
		if err := w.waitForStore(ctx); err != nil {
			return err
		}
		start := time.Now()
		err := w.session(ctx)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if errors.Is(err, errRenew) {
			w.log.Info("the session's credentials are about to expire: signing in again with fresh ones")
			delay = w.cfg.MinBackoff
			continue
		}
		w.setStatus(func(s *Status) {
			s.Connected, s.Idle = false, false
			s.LastError, s.LastErrorAt = err.Error(), time.Now()
		})
		if time.Since(start) > 2*w.cfg.MaxBackoff {
			delay = w.cfg.MinBackoff // it worked for a while: start over
		}
		wait := jitter(delay)
		if errors.Is(err, ErrAuth) {
			wait = w.cfg.AuthRetry
			w.log.Error("IMAP login refused; retrying slowly", "err", err, "retry_in", wait)
		} else {
			w.log.Warn("mailbox session ended; reconnecting", "err", err, "retry_in", wait.Round(time.Millisecond))
			delay = min(delay*2, w.cfg.MaxBackoff)
		}
		w.setStatus(func(s *Status) { s.Backoff, s.RetryAt = wait, time.Now().Add(wait) })
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
	}
}

// waitForStore blocks until Redis answers, backing off while it does not.
func (w *Worker) waitForStore(ctx context.Context) error {
	delay := w.cfg.MinBackoff
	for {
		err := w.cfg.Store.Ping(ctx)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		w.setStatus(func(s *Status) { s.LastError, s.LastErrorAt = err.Error(), time.Now() })
		w.log.Warn("waiting for Redis before reading mail", "err", err)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(jitter(delay)):
		}
		delay = min(delay*2, w.cfg.MaxBackoff)
	}
}

// jitter spreads d over [d/2, d).
func jitter(d time.Duration) time.Duration {
	return d/2 + time.Duration(rand.Int64N(int64(d/2)+1))
}

// session is one connection's life: connect, catch up, wait, repeat.
func (w *Worker) session(ctx context.Context) error {
	newMail := make(chan struct{}, 1)
	signal := func() {
		select {
		case newMail <- struct{}{}:
		default:
		}
	}
	opts := &imapclient.Options{
		UnilateralDataHandler: &imapclient.UnilateralDataHandler{
			// Runs on the client's reader goroutine: only signal.
			Mailbox: func(d *imapclient.UnilateralDataMailbox) {
				if d.NumMessages != nil {
					signal()
				}
			},
		},
	}
	c, err := w.cfg.Dial(ctx, opts)
	if err != nil {
		return err
	}
	defer c.Close()
	// Close the connection when ctx ends so blocked commands return (on a
	// graceful stop, once the commit in flight is done and marked).
	live, liveDone := lifecycle.InFlight(ctx)
	defer liveDone()
	stop := context.AfterFunc(live, func() { c.Close() })
	defer stop()
	renew, stopRenew := w.renewal(c)
	defer stopRenew()

	sel, err := c.Select(w.cfg.Folder, nil).Wait()
	if err != nil {
		return fmt.Errorf("select %s: %w", w.cfg.Folder, err)
	}
	f := Folder{Mailbox: w.cfg.Mailbox, Name: w.cfg.Folder, UIDValidity: sel.UIDValidity}
	cur, err := w.cfg.Store.Cursor(ctx, f.Mailbox, f.Name)
	if err != nil {
		return err
	}
	if cur.UIDValidity != sel.UIDValidity {
		if cur.UIDValidity != 0 {
			w.log.Warn("UIDVALIDITY changed: rescanning the folder; messages already recorded are recognised by Message-ID",
				"old", cur.UIDValidity, "new", sel.UIDValidity)
		}
		if err := w.cfg.Store.ResetCursor(ctx, f.Mailbox, f.Name, sel.UIDValidity); err != nil {
			return err
		}
		cur = store.Cursor{UIDValidity: sel.UIDValidity}
	}
	mark := w.markMode(c, sel)
	idle := w.cfg.UseIdle && (c.Caps().Has(imap.CapIdle) || c.Caps().Has(imap.CapIMAP4rev2))
	w.setStatus(func(s *Status) { s.Connected, s.LastError, s.Backoff, s.RetryAt = true, "", 0, time.Time{} })
	w.log.Info("mailbox connected", "uidvalidity", sel.UIDValidity, "messages", sel.NumMessages,
		"last_uid", cur.LastUID, "idle", idle, "mark", mark.describe())

	if err := w.reconcile(ctx, c, f, mark, cur.LastUID); err != nil {
		return err
	}
	for {
		// Drain the signal before looking, so mail that arrives while we
		// look (or while IDLE starts) triggers another look.
		select {
		case <-newMail:
		default:
		}
		if err := w.catchUp(ctx, c, f, mark); err != nil {
			return err
		}
		w.setStatus(func(s *Status) { s.LastSync = time.Now() })
		if err := w.wait(ctx, c, idle, newMail, renew); err != nil {
			if errors.Is(err, errRenew) {
				_ = c.Logout().Wait()
			}
			return err
		}
	}
}

// errRenew ends a session whose credentials are about to expire.
var errRenew = errors.New("credentials about to expire")

// renewal returns a channel that fires when the session should sign in
// again (nil when its credentials do not expire): a quarter of the token's
// remaining life before expiry, at most a minute before, and never within
// a second of signing in. Tokens with less than 2 s to live are left to
// the server.
func (w *Worker) renewal(c *imapclient.Client) (<-chan time.Time, func()) {
	if w.cfg.CredentialsExpiry == nil {
		return nil, func() {}
	}
	exp := w.cfg.CredentialsExpiry(c)
	life := time.Until(exp)
	if exp.IsZero() || life < 2*time.Second {
		return nil, func() {}
	}
	after := life - min(time.Minute, life/4)
	t := time.NewTimer(max(after, time.Second))
	return t.C, func() { t.Stop() }
}

// wait blocks until new mail is signalled or the poll interval passes. It
// returns errRenew when renew fires (the session's credentials are about
// to expire), after ending IDLE cleanly.
func (w *Worker) wait(ctx context.Context, c *imapclient.Client, idle bool, newMail <-chan struct{}, renew <-chan time.Time) error {
	timer := time.NewTimer(w.cfg.PollInterval)
	defer timer.Stop()
	if !idle {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-c.Closed():
			return errors.New("connection closed by the server")
		case <-newMail:
			return nil
		case <-renew:
			return errRenew
		case <-timer.C:
			// NOOP lets the server report new mail.
			if err := c.Noop().Wait(); err != nil {
				return fmt.Errorf("noop: %w", err)
			}
			return nil
		}
	}
	cmd, err := c.Idle()
	if err != nil {
		return fmt.Errorf("idle: %w", err)
	}
	w.setStatus(func(s *Status) { s.Idle = true })
	defer w.setStatus(func(s *Status) { s.Idle = false })
	var reason, after error
	select {
	case <-ctx.Done():
		reason = ctx.Err()
	case <-c.Closed():
		reason = errors.New("connection closed by the server during IDLE")
	case <-newMail:
	case <-renew:
		after = errRenew
	case <-timer.C:
	}
	if reason != nil {
		return reason
	}
	if err := cmd.Close(); err != nil {
		return fmt.Errorf("stop idle: %w", err)
	}
	if err := cmd.Wait(); err != nil {
		return fmt.Errorf("idle: %w", err)
	}
	return after
}

// catchUp ingests every message past the cursor.
func (w *Worker) catchUp(ctx context.Context, c *imapclient.Client, f Folder, mark marker) error {
	for {
		cur, err := w.cfg.Store.Cursor(ctx, f.Mailbox, f.Name)
		if err != nil {
			return err
		}
		var set imap.UIDSet
		set.AddRange(imap.UID(cur.LastUID+1), 0) // last+1:*
		data, err := c.UIDSearch(&imap.SearchCriteria{UID: []imap.UIDSet{set}}, nil).Wait()
		if err != nil {
			return fmt.Errorf("search uid %d:*: %w", cur.LastUID+1, err)
		}
		var uids []uint32
		for _, u := range data.AllUIDs() {
			// "n:*" always matches the last message, even when older.
			if uint32(u) > cur.LastUID {
				uids = append(uids, uint32(u))
			}
		}
		if len(uids) == 0 {
			return nil
		}
		if err := w.ingest(ctx, c, f, mark, uids); err != nil {
			return err
		}
		after, err := w.cfg.Store.Cursor(ctx, f.Mailbox, f.Name)
		if err != nil {
			return err
		}
		if after.LastUID < uids[len(uids)-1] {
			// The handler could not advance past these (e.g. they vanished
			// between search and fetch): move on rather than loop.
			if err := w.cfg.Store.SetCursor(ctx, f.Mailbox, f.Name, store.Cursor{UIDValidity: f.UIDValidity, LastUID: uids[len(uids)-1]}); err != nil {
				return err
			}
		}
	}
}

// reconcile makes the mailbox and Redis agree below the cursor: a message
// the store has no record of (a crash between fetch and commit of a later
// batch, or Redis losing its last second of writes) is ingested again, and
// a recorded message still unflagged is flagged. The mailbox is the source
// of truth; Redis dedupes, so this is always safe to run.
func (w *Worker) reconcile(ctx context.Context, c *imapclient.Client, f Folder, mark marker, last uint32) error {
	if last == 0 {
		return nil
	}
	search := func(crit *imap.SearchCriteria) ([]uint32, error) {
		var set imap.UIDSet
		set.AddRange(1, imap.UID(last))
		crit.UID = []imap.UIDSet{set}
		data, err := c.UIDSearch(crit, nil).Wait()
		if err != nil {
			return nil, fmt.Errorf("reconcile search: %w", err)
		}
		var out []uint32
		for _, u := range data.AllUIDs() {
			if uint32(u) <= last {
				out = append(out, uint32(u))
			}
		}
		return out, nil
	}
	all, err := search(&imap.SearchCriteria{})
	if err != nil || len(all) == 0 {
		return err
	}
	rec, err := w.cfg.Store.Recorded(ctx, f.Mailbox, f.Name, f.UIDValidity, all)
	if err != nil {
		return err
	}
	var missing []uint32
	for _, u := range all {
		if !rec[u] {
			missing = append(missing, u)
		}
	}
	if mark.mode == MarkKeyword {
		unflagged, err := search(&imap.SearchCriteria{NotFlag: []imap.Flag{imap.Flag(w.cfg.Keyword)}})
		if err != nil {
			return err
		}
		var recorded []uint32
		for _, u := range unflagged {
			if rec[u] {
				recorded = append(recorded, u)
			}
		}
		if err := w.markDone(ctx, c, f, mark, recorded); err != nil {
			return err
		}
	} else if mark.mode == MarkMove {
		// Everything still here below the cursor is recorded but unmoved,
		// or missing.
		var recorded []uint32
		for _, u := range all {
			if rec[u] {
				recorded = append(recorded, u)
			}
		}
		if err := w.markDone(ctx, c, f, mark, recorded); err != nil {
			return err
		}
	}
	if len(missing) > 0 {
		w.log.Warn("reconcile: ingesting messages below the cursor that Redis has no record of", "count", len(missing))
		return w.ingest(ctx, c, f, mark, missing)
	}
	return nil
}

// ingest fetches uids in size-bounded batches, hands each to the handler
// and marks what it recorded. Fetching the next batch overlaps recording
// the current one; marking waits for the recording, so nothing is flagged
// before it is durable.
func (w *Worker) ingest(ctx context.Context, c *imapclient.Client, f Folder, mark marker, uids []uint32) error {
	sort.Slice(uids, func(i, j int) bool { return uids[i] < uids[j] })
	// A stop (ctx) ends fetching and preparing; the commit under way, its
	// cursor advance and its marking finish under live.
	live, liveDone := lifecycle.InFlight(ctx)
	defer liveDone()
	type batch struct {
		msgs []Fetched
		err  error
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan batch, 1)
	go func() {
		defer close(batches)
		send := func(b batch) bool {
			select {
			case batches <- b:
				return b.err == nil
			case <-ctx.Done():
				return false
			}
		}
		for start := 0; start < len(uids); {
			end := min(start+w.cfg.BatchMessages*4, len(uids))
			sizes, err := w.sizes(c, uids[start:end])
			if err != nil {
				send(batch{err: err})
				return
			}
			for _, b := range w.plan(uids[start:end], sizes) {
				msgs, err := w.fetch(c, b, sizes)
				if !send(batch{msgs: msgs, err: err}) {
					return
				}
			}
			start = end
		}
	}()
	// Preparing (parse, route) overlaps committing when the handler can
	// split its work; marking always waits for the commit.
	stages := make(chan readyBatch, 1)
	go func() {
		defer close(stages)
		ph, split := w.cfg.Handler.(PipelinedHandler)
		for b := range batches {
			r := readyBatch{msgs: b.msgs, err: b.err}
			if r.err == nil && split && len(b.msgs) > 0 {
				r.prepared, r.err = ph.Prepare(ctx, f, b.msgs)
			}
			select {
			case stages <- r:
			case <-ctx.Done():
				return
			}
			if r.err != nil {
				return
			}
		}
	}()
	defer func() {
		// On an early return, drop what was prepared but not committed.
		cancel()
		for r := range stages {
			if r.prepared != nil {
				w.cfg.Handler.(PipelinedHandler).Discard(r.prepared)
			}
		}
	}()
	// Marking runs beside the next commit: a batch is marked only after its
	// own commit and cursor advance, in order.
	marks := make(chan []uint32, 2)
	markErr := make(chan error, 1)
	go func() {
		var err error
		for done := range marks {
			if err == nil {
				if err = w.markDone(live, c, f, mark, done); err != nil {
					cancel() // stop fetching and committing too
				}
			}
		}
		markErr <- err
	}()
	err := w.commitAll(live, f, stages, marks)
	close(marks)
	if merr := <-markErr; merr != nil && (err == nil || errors.Is(err, context.Canceled)) {
		err = merr
	}
	return err
}

// commitAll commits prepared batches in order, advancing the cursor after
// each, and hands the recorded UIDs on to be marked.
func (w *Worker) commitAll(ctx context.Context, f Folder, stages <-chan readyBatch, marks chan<- []uint32) error {
	for r := range stages {
		if r.err != nil {
			return r.err
		}
		if len(r.msgs) == 0 {
			continue
		}
		var done []uint32
		var err error
		if r.prepared != nil {
			done, err = w.cfg.Handler.(PipelinedHandler).Commit(ctx, r.prepared)
		} else {
			done, err = w.cfg.Handler.Handle(ctx, f, r.msgs)
		}
		if err != nil {
			return fmt.Errorf("record batch of %d: %w", len(r.msgs), err)
		}
		// Every message of the batch is now accounted for (recorded or
		// quarantined): the cursor may pass it. Then mark them done.
		if err := w.cfg.Store.AdvanceCursor(ctx, f.Mailbox, f.Name, f.UIDValidity, r.msgs[len(r.msgs)-1].UID); err != nil {
			return err
		}
		select {
		case marks <- done:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return ctx.Err()
}

// readyBatch is a fetched (and, for a PipelinedHandler, prepared) batch.
type readyBatch struct {
	prepared any
	msgs     []Fetched
	err      error
}

// sizes fetches RFC822.SIZE for uids.
func (w *Worker) sizes(c *imapclient.Client, uids []uint32) (map[uint32]int64, error) {
	set := uidSet(uids)
	bufs, err := c.Fetch(set, &imap.FetchOptions{UID: true, RFC822Size: true}).Collect()
	if err != nil {
		return nil, fmt.Errorf("fetch sizes of %d message(s): %w", len(uids), err)
	}
	out := make(map[uint32]int64, len(bufs))
	for _, b := range bufs {
		out[uint32(b.UID)] = b.RFC822Size
	}
	return out, nil
}

// plan splits uids into batches bounded by message count and bytes,
// skipping UIDs that no longer exist.
func (w *Worker) plan(uids []uint32, sizes map[uint32]int64) [][]uint32 {
	var out [][]uint32
	var cur []uint32
	var bytes int64
	for _, u := range uids {
		sz, ok := sizes[u]
		if !ok {
			continue // expunged meanwhile
		}
		if sz > w.cfg.MaxSize {
			sz = 64 << 10 // header only
		}
		if len(cur) > 0 && (len(cur) >= w.cfg.BatchMessages || bytes+sz > w.cfg.BatchBytes) {
			out = append(out, cur)
			cur, bytes = nil, 0
		}
		cur = append(cur, u)
		bytes += sz
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// fetch reads one batch: whole messages under the cap, headers of larger
// ones.
func (w *Worker) fetch(c *imapclient.Client, uids []uint32, sizes map[uint32]int64) ([]Fetched, error) {
	var small, large []uint32
	for _, u := range uids {
		if sizes[u] > w.cfg.MaxSize {
			large = append(large, u)
		} else {
			small = append(small, u)
		}
	}
	var out []Fetched
	get := func(set []uint32, section *imap.FetchItemBodySection, headerOnly bool) error {
		if len(set) == 0 {
			return nil
		}
		cmd := c.Fetch(uidSet(set), &imap.FetchOptions{
			UID: true, InternalDate: true, RFC822Size: true,
			BodySection: []*imap.FetchItemBodySection{section},
		})
		bufs, err := cmd.Collect()
		if err != nil {
			return fmt.Errorf("fetch %d message(s) from uid %d: %w", len(set), set[0], err)
		}
		for _, b := range bufs {
			var raw []byte
			if len(b.BodySection) > 0 {
				raw = b.BodySection[0].Bytes
			}
			out = append(out, Fetched{UID: uint32(b.UID), InternalDate: b.InternalDate, Size: b.RFC822Size, Raw: raw, HeaderOnly: headerOnly})
		}
		return nil
	}
	if err := get(small, &imap.FetchItemBodySection{Peek: true}, false); err != nil {
		return nil, err
	}
	if err := get(large, &imap.FetchItemBodySection{Peek: true, Specifier: imap.PartSpecifierHeader}, true); err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool { return out[i].UID < out[j].UID })
	return out, nil
}

// marker is the resolved marking strategy for a session.
type marker struct {
	mode    MarkMode
	keyword string
	moveTo  string
}

func (m marker) describe() string {
	switch m.mode {
	case MarkMove:
		return "move to " + m.moveTo
	case MarkKeyword:
		return "keyword " + m.keyword
	}
	return "none"
}

// markMode picks how to mark: a move needs MOVE or UIDPLUS (a plain
// EXPUNGE could remove other people's deleted mail), and a keyword needs
// the server to accept new keywords.
func (w *Worker) markMode(c *imapclient.Client, sel *imap.SelectData) marker {
	m := marker{mode: w.cfg.Mark, keyword: w.cfg.Keyword, moveTo: w.cfg.MoveTo}
	caps := c.Caps()
	if m.mode == MarkMove && !caps.Has(imap.CapMove) && !caps.Has(imap.CapUIDPlus) && !caps.Has(imap.CapIMAP4rev2) {
		w.log.Warn("server has neither MOVE nor UIDPLUS: flagging with a keyword instead of moving", "keyword", m.keyword)
		m.mode = MarkKeyword
	}
	if m.mode == MarkKeyword && !keywordsAllowed(sel.PermanentFlags, m.keyword) {
		w.log.Warn("server does not keep new keywords: relying on the cursor alone", "permanent_flags", sel.PermanentFlags)
		m.mode = MarkNone
	}
	return m
}

func keywordsAllowed(perm []imap.Flag, kw string) bool {
	for _, f := range perm {
		if f == imap.FlagWildcard || string(f) == kw {
			return true
		}
	}
	return false
}

// markDone flags or moves recorded messages. A crash before it leaves
// them unflagged; the next session's reconcile pass flags them.
func (w *Worker) markDone(ctx context.Context, c *imapclient.Client, f Folder, m marker, uids []uint32) error {
	if len(uids) == 0 {
		return nil
	}
	set := uidSet(uids)
	switch m.mode {
	case MarkKeyword:
		err := c.Store(set, &imap.StoreFlags{Op: imap.StoreFlagsAdd, Silent: true, Flags: []imap.Flag{imap.Flag(m.keyword)}}, nil).Close()
		if err != nil {
			return fmt.Errorf("flag %d message(s) %s: %w", len(uids), m.keyword, err)
		}
	case MarkMove:
		if _, err := c.Move(set, m.moveTo).Wait(); err != nil {
			return fmt.Errorf("move %d message(s) to %s: %w", len(uids), m.moveTo, err)
		}
	}
	return nil
}

func uidSet(uids []uint32) imap.UIDSet {
	var s imap.UIDSet
	for _, u := range uids {
		s.AddNum(imap.UID(u))
	}
	return s
}
