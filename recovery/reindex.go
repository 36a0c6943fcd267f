// Package recovery rebuilds a desk's enquiries from its mailboxes into an
// empty or damaged Redis: `mediadesk reindex`.
//
// The mailbox is the archive of the raw mail, so it can give the enquiries
// back: every message the desk had ingested (in processed_folder, or
// carrying the ingest keyword in a watched folder) is committed again
// through the ordinary ingest path (inbox.Ingest: parse, route, one
// store.Commit script per message), folder by folder in UID order; the
// Sent folders give the acknowledgements the desk sent (and with them each
// enquiry's old reference), the replies sent from the dashboard and the
// officers' replies from their own mail clients, which meet the clocks at
// the times they were sent.
//
// # Nothing is sent again
//
// The commits are marked replayed: their enquiry.created events carry
// "replayed": true, and the outbound consumer sends neither an
// acknowledgement nor an alert for such an event, whether a desk is
// running during the reindex, or its consumer group survived in a damaged
// Redis, or (after FLUSHALL) the group is created afresh at the end of the
// stream by the next `serve`. Relying on the group's position alone would
// not do: a damaged Redis may keep the group behind the replayed events,
// and a desk running meanwhile would read them. Time during the replay is
// a replay clock that follows the messages' arrival times; SLA transitions
// due by then are recorded by a silent sweep (sla.Sweeper.SweepSilently):
// warnings, breaches and escalations get their original timestamps, the
// events and timeline entries reports read, and no notice. Clocks still
// running at the end are scheduled as usual, and warn or breach live.
// The managers' digests due by the end are recorded as sent
// (sla.Digest.Settle): whether they went before the loss cannot be known,
// and a digest sent twice is the worse mistake; the next one goes as usual.
//
// # Idempotent
//
// A message already recorded is recognised by the commit script (the same
// mailbox source, or the same Message-ID and content elsewhere) and
// changes nothing; own messages and responses are recorded by Message-ID;
// sweeps claim each transition once. Running reindex again adds nothing.
//
// # What the mailbox cannot give back
//
// Work done only on the dashboard: notes, reassignments, resolutions and
// "waiting" pauses, lines to take; the officer who pressed send on a
// dashboard reply (recorded as "desk"). Messages never ingested (no
// keyword, still in a watched folder in processed_folder mode) are left
// where they are for `serve`, which acknowledges them as new, and each
// watched folder's cursor is set just below the first of them (each Sent
// folder's past what was read).
package recovery

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/inbox"
	"github.com/mediadesk/mediadesk/internal/app"
	"github.com/mediadesk/mediadesk/internal/clock"
	"github.com/mediadesk/mediadesk/mailparse"
	"github.com/mediadesk/mediadesk/outbound"
	"github.com/mediadesk/mediadesk/releases"
	"github.com/mediadesk/mediadesk/routing"
	"github.com/mediadesk/mediadesk/sla"
	"github.com/mediadesk/mediadesk/store"
)

// Options configure a reindex.
type Options struct {
	Config *config.Config
	Redis  redis.UniversalClient
	// Secret reads a secret from the environment variable it names
	// (default config.Secret).
	Secret func(env string) string
	// DialIMAP opens a logged-in connection to a mailbox (default
	// inbox.Dialer with the password from Secret).
	DialIMAP func(mb *config.Mailbox) func(ctx context.Context, opts *imapclient.Options) (*imapclient.Client, error)
	// Since, when set, reads only messages that arrived on or after that
	// day (IMAP SEARCH SINCE): to repair a damaged Redis whose older
	// enquiries are intact.
	Since time.Time
	// Clock is the wall clock: clocks due before its Now at the end are
	// settled silently (default the real clock).
	Clock  clock.Clock
	Logger *slog.Logger
	// Progress is told the amount of work and each step (nil: nothing).
	Progress Progress
	// Batch is how many messages are fetched and committed together
	// (default 500).
	Batch int
}

// Progress reports how far a reindex is.
type Progress interface {
	// Start is called once the messages to read are counted.
	Start(total int)
	// Add is called as messages are done.
	Add(n int)
	// Finish is called at the end.
	Finish()
}

// Result is what a reindex did.
type Result struct {
	// Messages read from inbox and processed folders and committed again,
	// by outcome (store.Outcome.Kind): enquiry, followup, automatic,
	// quarantined, dup-source (already in Redis), dup-message-id.
	Messages int            `json:"messages"`
	Outcomes map[string]int `json:"outcomes"`
	// Left are messages never ingested, left for `serve`.
	Left int `json:"left_for_serve"`
	// DigestsSettled counts the managers' digest fire times due by the
	// end of the reindex, recorded as done without being sent.
	DigestsSettled int `json:"digests_settled"`
	// Sent counts Sent-folder messages by outcome (response, own, ...).
	Sent map[string]int `json:"sent"`
	// RefsRestored counts new enquiries that got their old reference back
	// from an acknowledgement in Sent.
	RefsRestored int `json:"refs_restored"`
	// Warned, Breached, Escalated: SLA transitions recorded silently.
	Warned    int           `json:"warned"`
	Breached  int           `json:"breached"`
	Escalated int           `json:"escalated"`
	Took      time.Duration `json:"took_ns"`
}

// New reports the enquiries created (a second run: 0).
func (r *Result) New() int {
	return r.Outcomes["enquiry"] + r.Outcomes["followup"] + r.Outcomes["automatic"]
}

type runner struct {
	o      Options
	cfg    *config.Config
	log    *slog.Logger
	replay *clock.Fake
	st     *store.Store
	out    *outbound.Service
	sweep  *sla.Sweeper
	ingest *inbox.Ingest
	hints  map[string]string // journalist Message-ID -> reference, from our acknowledgements
	sent   []sentItem        // Sent-folder messages, oldest first
	next   int               // sent[next] is the first not yet replayed
	retry  []sentItem        // sent items whose enquiry was not there yet
	// sentFolders are the Sent folders read, for their cursors.
	sentFolders []*folderPlan
	res         Result
	last        time.Time // the replay clock never goes back
}

type sentItem struct {
	src store.Source
	fm  inbox.Fetched
	at  time.Time
}

// Run rebuilds the enquiries of o.Config's mailboxes into o.Redis.
func Run(ctx context.Context, o Options) (*Result, error) {
	if o.Config == nil || o.Redis == nil {
		return nil, errors.New("recovery: Config and Redis are required")
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Secret == nil {
		o.Secret = config.Secret
	}
	if o.Clock == nil {
		o.Clock = clock.Real{}
	}
	if o.Batch <= 0 {
		o.Batch = 500
	}
	if o.DialIMAP == nil {
		o.DialIMAP = func(mb *config.Mailbox) func(ctx context.Context, opts *imapclient.Options) (*imapclient.Client, error) {
			return inbox.Dialer(mb, o.Secret(mb.PasswordEnv))
		}
	}
	started := time.Now()
	cfg := o.Config
	r := &runner{o: o, cfg: cfg, log: o.Logger, replay: clock.NewFake(time.Unix(0, 0)), hints: map[string]string{},
		res: Result{Outcomes: map[string]int{}, Sent: map[string]int{}}}
	r.st = store.New(o.Redis, store.Options{Prefix: cfg.Redis.KeyPrefix, RefPrefix: cfg.Desk.ReferencePrefix,
		Location: cfg.Location, Clock: r.replay})
	if err := r.st.Ping(ctx); err != nil {
		return nil, fmt.Errorf("redis: %w", err)
	}
	router, err := routing.NewRouter(cfg, nil)
	if err != nil {
		return nil, fmt.Errorf("routing: %w", err)
	}
	refresh := releases.NewRefresher(cfg, router.ReleaseCatalogue(), releases.RefresherOptions{
		Store: releases.NewStore(o.Redis, cfg.Redis.KeyPrefix), Log: o.Logger.With("component", "releases"),
	})
	if err := refresh.Init(ctx); err != nil {
		return nil, fmt.Errorf("release catalogue: %w", err)
	}
	r.out, err = outbound.New(outbound.Options{Config: cfg, Store: r.st, Logger: o.Logger.With("component", "outbound"),
		Clock: r.replay, Secret: o.Secret, Mailer: outbound.RefusingMailer{}, DialIMAP: o.DialIMAP})
	if err != nil {
		return nil, fmt.Errorf("outbound: %w", err)
	}
	r.sweep = sla.NewSweeper(r.st, cfg, r.replay, o.Logger.With("component", "sla"))
	r.ingest = &inbox.Ingest{
		Store:      r.st,
		Router:     &replayRouter{Router: &app.Router{Config: cfg, Router: router, Clock: r.replay}, hints: r.hints},
		MaxSize:    cfg.Ingest.MaxMessageSize,
		WarnBefore: cfg.SLA.WarnBefore,
		OnOutcome:  r.outcome,
	}
	if err := r.run(ctx); err != nil {
		return &r.res, err
	}
	r.res.Took = time.Since(started)
	return &r.res, nil
}

// folderPlan is one folder to replay.
type folderPlan struct {
	mb      *config.Mailbox
	name    string
	watched bool
	uidval  uint32
	uids    []uint32 // to replay, ascending
	left    []uint32 // never ingested: left for serve
}

func (r *runner) run(ctx context.Context) error {
	var plans []*folderPlan
	for i := range r.cfg.Mailboxes {
		mb := &r.cfg.Mailboxes[i]
		if err := r.readSent(ctx, mb); err != nil {
			return err
		}
		ps, err := r.plan(ctx, mb)
		if err != nil {
			return err
		}
		plans = append(plans, ps...)
	}
	sort.SliceStable(r.sent, func(i, j int) bool { return r.sent[i].at.Before(r.sent[j].at) })
	total := len(r.sent)
	for _, p := range plans {
		total += len(p.uids)
		r.res.Left += len(p.left)
	}
	r.log.Info("reindex: counted", "messages", total-len(r.sent), "sent", len(r.sent), "left_for_serve", r.res.Left)
	if r.o.Progress != nil {
		r.o.Progress.Start(total)
		defer r.o.Progress.Finish()
	}
	for _, p := range plans {
		if err := r.replayFolder(ctx, p); err != nil {
			return err
		}
	}
	if err := r.replaySentUntil(ctx, time.Time{}); err != nil {
		return err
	}
	// Sent messages whose enquiry came later (another mailbox).
	retry := r.retry
	r.retry = nil
	for _, it := range retry {
		if err := r.replaySent(ctx, it, false); err != nil {
			return err
		}
	}
	if err := r.settle(ctx, r.o.Clock.Now()); err != nil {
		return err
	}
	// The managers' digests due by now are the past too: recorded as
	// done, never sent again by the next serve (a digest that went before
	// the loss would otherwise go twice).
	dg, err := sla.NewDigest(r.st, r.cfg, nil, r.log.With("component", "sla"))
	if err != nil {
		return fmt.Errorf("digest: %w", err)
	}
	if dg != nil {
		if r.res.DigestsSettled, err = dg.Settle(ctx, r.o.Clock.Now()); err != nil {
			return err
		}
	}
	for _, p := range append(plans, r.sentFolders...) {
		if err := r.setCursor(ctx, p); err != nil {
			return err
		}
	}
	return nil
}

func (r *runner) dial(ctx context.Context, mb *config.Mailbox) (*imapclient.Client, error) {
	c, err := r.o.DialIMAP(mb)(ctx, &imapclient.Options{})
	if err != nil {
		return nil, fmt.Errorf("mailbox %s: %w", mb.ID, err)
	}
	return c, nil
}

// search lists a folder's UIDs (since o.Since), ascending, and those
// carrying keyword (when not "").
func (r *runner) search(c *imapclient.Client, folder, keyword string) (uint32, []uint32, map[uint32]bool, error) {
	sel, err := c.Select(folder, &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil {
		return 0, nil, nil, fmt.Errorf("select %s: %w", folder, err)
	}
	crit := func() *imap.SearchCriteria {
		sc := &imap.SearchCriteria{}
		if !r.o.Since.IsZero() {
			sc.Since = r.o.Since
		}
		return sc
	}
	var uids []uint32
	if sel.NumMessages > 0 {
		data, err := c.UIDSearch(crit(), nil).Wait()
		if err != nil {
			return 0, nil, nil, fmt.Errorf("search %s: %w", folder, err)
		}
		for _, u := range data.AllUIDs() {
			uids = append(uids, uint32(u))
		}
	}
	slices.Sort(uids)
	var flagged map[uint32]bool
	if keyword != "" && len(uids) > 0 {
		sc := crit()
		sc.Flag = []imap.Flag{imap.Flag(keyword)}
		data, err := c.UIDSearch(sc, nil).Wait()
		if err != nil {
			return 0, nil, nil, fmt.Errorf("search %s for %s: %w", folder, keyword, err)
		}
		flagged = map[uint32]bool{}
		for _, u := range data.AllUIDs() {
			flagged[uint32(u)] = true
		}
	}
	return sel.UIDValidity, uids, flagged, nil
}

// plan lists what to replay from a mailbox: processed_folder first (the
// older mail), then each watched folder (in keyword mode the messages
// carrying the keyword; in processed_folder mode none: what is still
// there was never ingested).
func (r *runner) plan(ctx context.Context, mb *config.Mailbox) ([]*folderPlan, error) {
	c, err := r.dial(ctx, mb)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	var plans []*folderPlan
	if mb.ProcessedFolder != "" {
		v, uids, _, err := r.search(c, mb.ProcessedFolder, "")
		if err != nil {
			return nil, err
		}
		plans = append(plans, &folderPlan{mb: mb, name: mb.ProcessedFolder, uidval: v, uids: uids})
	}
	for _, f := range mb.Folders {
		p := &folderPlan{mb: mb, name: f, watched: true}
		if mb.ProcessedFolder != "" {
			if p.uidval, p.left, _, err = r.search(c, f, ""); err != nil {
				return nil, err
			}
		} else {
			var all []uint32
			var flagged map[uint32]bool
			if p.uidval, all, flagged, err = r.search(c, f, r.cfg.Ingest.Keyword); err != nil {
				return nil, err
			}
			for _, u := range all {
				if flagged[u] {
					p.uids = append(p.uids, u)
				} else {
					p.left = append(p.left, u)
				}
			}
		}
		plans = append(plans, p)
	}
	_ = c.Logout().Wait()
	return plans, nil
}

// fetch reads uids (ascending) with BODY.PEEK[], in UID order.
func fetch(c *imapclient.Client, uids []uint32) ([]inbox.Fetched, error) {
	var set imap.UIDSet
	for _, u := range uids {
		set.AddNum(imap.UID(u))
	}
	sec := &imap.FetchItemBodySection{Peek: true}
	bufs, err := c.Fetch(set, &imap.FetchOptions{UID: true, InternalDate: true, RFC822Size: true,
		BodySection: []*imap.FetchItemBodySection{sec}}).Collect()
	if err != nil {
		return nil, fmt.Errorf("fetch %d message(s): %w", len(uids), err)
	}
	out := make([]inbox.Fetched, 0, len(bufs))
	for _, b := range bufs {
		out = append(out, inbox.Fetched{UID: uint32(b.UID), InternalDate: b.InternalDate, Size: b.RFC822Size,
			Raw: b.FindBodySection(sec)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].UID < out[j].UID })
	return out, nil
}

// readSent reads a mailbox's Sent folder: our acknowledgements give the
// references of the enquiries they answered; every message is kept to be
// replayed at its time.
func (r *runner) readSent(ctx context.Context, mb *config.Mailbox) error {
	if mb.SentFolder == "" {
		return nil
	}
	c, err := r.dial(ctx, mb)
	if err != nil {
		return err
	}
	defer c.Close()
	v, uids, _, err := r.search(c, mb.SentFolder, "")
	if err != nil {
		return err
	}
	// The Sent-folder watcher of `serve` carries on after what was read.
	r.sentFolders = append(r.sentFolders, &folderPlan{mb: mb, name: mb.SentFolder, watched: true, uidval: v, uids: uids})
	for start := 0; start < len(uids); start += r.o.Batch {
		msgs, err := fetch(c, uids[start:min(start+r.o.Batch, len(uids))])
		if err != nil {
			return fmt.Errorf("%s %s: %w", mb.ID, mb.SentFolder, err)
		}
		for _, fm := range msgs {
			it := sentItem{src: store.Source{Mailbox: mb.ID, Folder: mb.SentFolder, UIDValidity: v, UID: fm.UID}, fm: fm, at: fm.InternalDate}
			if m, err := mailparse.Parse(fm.Raw, mailparse.Options{InternalDate: fm.InternalDate}); err == nil {
				it.at = sentAt(m, fm.InternalDate)
				// Our acknowledgement: "[REF] Re: ..." in reply to the
				// journalist's message.
				if m.Header[outbound.LoopHeader] != "" && strings.EqualFold(strings.TrimSpace(m.Header["Auto-Submitted"]), "auto-replied") {
					if refs := r.st.SubjectRefs(m.Subject); len(refs) > 0 {
						for _, id := range m.InReplyTo {
							r.hints[id] = refs[0]
						}
					}
				}
			}
			r.sent = append(r.sent, it)
		}
	}
	_ = c.Logout().Wait()
	return nil
}

// replayFolder commits a folder's messages in UID order, a batch at a
// time, replaying the Sent folder and the clocks up to each batch's time
// first.
func (r *runner) replayFolder(ctx context.Context, p *folderPlan) error {
	if len(p.uids) == 0 {
		return nil
	}
	c, err := r.dial(ctx, p.mb)
	if err != nil {
		return err
	}
	defer c.Close()
	if _, err := c.Select(p.name, &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		return fmt.Errorf("select %s: %w", p.name, err)
	}
	f := inbox.Folder{Mailbox: p.mb.ID, Name: p.name, UIDValidity: p.uidval}
	// The next batch is fetched while this one is parsed and committed.
	// Messages this folder's source records already hold (a second run)
	// are not fetched: the commit would find them recorded and change
	// nothing.
	type fetched struct {
		msgs     []inbox.Fetched
		recorded int
		err      error
	}
	batches := make(chan fetched, 1)
	fctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		defer close(batches)
		for start := 0; start < len(p.uids); start += r.o.Batch {
			uids := p.uids[start:min(start+r.o.Batch, len(p.uids))]
			rec, err := r.st.Recorded(fctx, p.mb.ID, p.name, p.uidval, uids)
			var todo []uint32
			for _, u := range uids {
				if !rec[u] {
					todo = append(todo, u)
				}
			}
			var msgs []inbox.Fetched
			if err == nil && len(todo) > 0 {
				msgs, err = fetch(c, todo)
			}
			select {
			case batches <- fetched{msgs, len(uids) - len(todo), err}:
			case <-fctx.Done():
				return
			}
			if err != nil {
				return
			}
		}
	}()
	for b := range batches {
		msgs, err := b.msgs, b.err
		if err != nil {
			return fmt.Errorf("%s %s: %w", p.mb.ID, p.name, err)
		}
		if b.recorded > 0 {
			r.res.Messages += b.recorded
			r.res.Outcomes["dup-source"] += b.recorded
			if r.o.Progress != nil {
				r.o.Progress.Add(b.recorded)
			}
		}
		// A batch is cut where a Sent message falls between two of its
		// messages, so a reply is recorded before the journalist's answer
		// to it is threaded.
		for len(msgs) > 0 {
			n := len(msgs)
			if r.next < len(r.sent) {
				nextSent := r.sent[r.next].at
				n = 0
				for n < len(msgs) && !msgs[n].InternalDate.After(nextSent) {
					n++
				}
				if n == 0 {
					if err := r.replaySentUntil(ctx, msgs[0].InternalDate); err != nil {
						return err
					}
					continue
				}
			}
			if err := r.commit(ctx, f, msgs[:n]); err != nil {
				return err
			}
			msgs = msgs[n:]
		}
	}
	return nil
}

// commit replays a run of messages at the time of its first.
func (r *runner) commit(ctx context.Context, f inbox.Folder, msgs []inbox.Fetched) error {
	if err := r.settle(ctx, msgs[0].InternalDate); err != nil {
		return err
	}
	if _, err := r.ingest.Handle(ctx, f, msgs); err != nil {
		return fmt.Errorf("commit %s %s: %w", f.Mailbox, f.Name, err)
	}
	r.res.Messages += len(msgs)
	if r.o.Progress != nil {
		r.o.Progress.Add(len(msgs))
	}
	return nil
}

// outcome counts a committed message and replays what the events
// consumer would have done for an officer's mail threaded in.
func (r *runner) outcome(o store.Outcome, in *store.Incoming) {
	r.res.Outcomes[o.Kind]++
	if o.Kind == "enquiry" && in.RefHint != "" && o.Ref == in.RefHint {
		r.res.RefsRestored++
	}
	if o.Kind == "followup" && in.Own && o.Err == nil {
		if err := r.out.ReplayInternal(context.Background(), o.Ref, o.MKey); err != nil {
			r.log.Warn("reindex: could not record an officer's copy as a response", "ref", o.Ref, "err", err)
		}
	}
}

// replaySentUntil replays the Sent messages sent before t (all when t is
// zero).
func (r *runner) replaySentUntil(ctx context.Context, t time.Time) error {
	for r.next < len(r.sent) && (t.IsZero() || r.sent[r.next].at.Before(t) || r.sent[r.next].at.Equal(t)) {
		it := r.sent[r.next]
		r.next++
		if err := r.settle(ctx, it.at); err != nil {
			return err
		}
		if err := r.replaySent(ctx, it, true); err != nil {
			return err
		}
	}
	return nil
}

func (r *runner) replaySent(ctx context.Context, it sentItem, mayRetry bool) error {
	outcome, err := r.out.ReplaySent(ctx, it.src, it.fm)
	if err != nil {
		return err
	}
	if outcome == outbound.SentUnrelated && mayRetry {
		r.retry = append(r.retry, it)
		return nil
	}
	r.res.Sent[outcome]++
	if r.o.Progress != nil && mayRetry {
		r.o.Progress.Add(1)
	}
	return nil
}

// settle moves the replay clock to t (never back) and records, without
// notices, the SLA transitions due by then.
func (r *runner) settle(ctx context.Context, t time.Time) error {
	if t.Before(r.last) {
		t = r.last
	}
	r.last = t
	r.replay.Set(t)
	res, err := r.sweep.SweepSilently(ctx, t)
	if err != nil {
		return err
	}
	r.res.Warned += res.Warned
	r.res.Breached += res.Breached
	r.res.Escalated += res.Escalated
	return nil
}

// setCursor moves a watched folder's (or a Sent folder's) cursor to just below its first
// message never ingested (past the last replayed one when there is none),
// so `serve` starts there and ingests the rest as new mail.
func (r *runner) setCursor(ctx context.Context, p *folderPlan) error {
	if !p.watched || len(p.uids) == 0 {
		return nil
	}
	last := p.uids[len(p.uids)-1]
	if len(p.left) > 0 && p.left[0] <= last {
		last = p.left[0] - 1
	}
	cur, err := r.st.Cursor(ctx, p.mb.ID, p.name)
	if err != nil {
		return err
	}
	if cur.UIDValidity == p.uidval && cur.LastUID >= last {
		return nil
	}
	return r.st.SetCursor(ctx, p.mb.ID, p.name, store.Cursor{UIDValidity: p.uidval, LastUID: last})
}

// sentAt is when a Sent message was sent, as the Sent-folder watcher
// reads it: its Date when that agrees with when it reached the folder
// (within a day before, five minutes after), else INTERNALDATE.
func sentAt(m *mailparse.Message, internal time.Time) time.Time {
	if internal.IsZero() {
		return m.Date
	}
	if m.DateSource == mailparse.DateHeader && !m.Date.IsZero() &&
		!m.Date.Before(internal.Add(-24*time.Hour)) && !m.Date.After(internal.Add(5*time.Minute)) {
		return m.Date
	}
	return internal
}

// replayRouter marks every routed message replayed and gives it the
// reference our acknowledgement of it carried.
type replayRouter struct {
	*app.Router
	hints map[string]string
}

// Route routes in and marks it.
func (rr *replayRouter) Route(in *store.Incoming) {
	rr.Router.Route(in)
	in.Replay = true
	if in.Msg != nil {
		in.RefHint = rr.hints[in.Msg.MessageID]
	}
}
