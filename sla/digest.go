package sla

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/store"
)

// Digest sends the managers' daily report on reports.digest_schedule (a
// cron spec in desk time) to reports.digest_to, through the notice queue.
// Every replica ticks it; the fire time is claimed in Redis (a field of
// sla:digests set only if absent, in the same script that queues the
// notice), so each fire sends one digest whoever gets there first, and the
// notice's key ("report:digest:<fire time>") keeps the outbox from
// sending it twice.
type Digest struct {
	st    *store.Store
	keys  store.KeySpace
	cfg   *config.Config
	rep   *Reporter
	sched cron.Schedule
	loc   *time.Location
	log   *slog.Logger
	// Grace is how late a missed fire is still sent (default 6h): a desk
	// started at 09:00 sends the 08:00 digest; one down all day does not
	// send yesterday's.
	Grace time.Duration

	mu   sync.Mutex
	next time.Time
}

// NewDigest returns the digest for cfg, or nil when the schedule is "off"
// or nobody is to receive it.
func NewDigest(st *store.Store, cfg *config.Config, rep *Reporter, log *slog.Logger) (*Digest, error) {
	spec := cfg.Reports.DigestSchedule
	if spec == "" {
		spec = "0 8 * * *"
	}
	if spec == "off" || len(cfg.Reports.DigestTo) == 0 {
		return nil, nil
	}
	sched, err := config.ParseCron(spec)
	if err != nil {
		return nil, fmt.Errorf("reports.digest_schedule %q: %w", spec, err)
	}
	loc := cfg.Location
	if loc == nil {
		loc = time.UTC
	}
	if log == nil {
		log = slog.Default()
	}
	return &Digest{st: st, keys: keySpace(st), cfg: cfg, rep: rep, sched: sched, loc: loc, log: log, Grace: 6 * time.Hour}, nil
}

// Next is the next fire time after the last one handled.
func (d *Digest) Next() time.Time {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.next
}

// Tick sends the digest of every fire time due by now (within Grace) not
// yet sent by any replica; it returns how many this call queued.
func (d *Digest) Tick(ctx context.Context, now time.Time) (int, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.next.IsZero() {
		d.next = d.sched.Next(now.Add(-d.Grace).In(d.loc))
	}
	sent := 0
	for i := 0; i < 100 && !d.next.IsZero() && !d.next.After(now); i++ {
		fire := d.next
		if now.Sub(fire) <= d.Grace {
			ok, err := d.send(ctx, fire, now)
			if err != nil {
				return sent, err // retried on the next tick
			}
			if ok {
				sent++
			}
		}
		d.next = d.sched.Next(fire)
	}
	return sent, nil
}

// Settle records every fire time due by now (within Grace) as done
// without sending it, and returns how many it recorded. A reindex calls it:
// it rebuilds a Redis that lost its record of the digests sent and cannot
// know whether the managers already had them, and a rebuilt desk sends
// nothing for the past (package recovery), so a digest that went before
// the loss is not sent twice; the next fire is sent as usual. A fire
// already recorded is left as it is.
func (d *Digest) Settle(ctx context.Context, now time.Time) (int, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	n := 0
	next := d.sched.Next(now.Add(-d.Grace).In(d.loc))
	for i := 0; i < 100 && !next.IsZero() && !next.After(now); i++ {
		once := next.In(d.loc).Format("2006-01-02T15:04")
		ok, err := d.keys.Client().HSetNX(ctx, d.keys.Key(keyDigests), once, now.UnixMilli()).Result()
		if err != nil {
			return n, fmt.Errorf("settle digest %s: %w", once, err)
		}
		if ok {
			n++
		}
		next = d.sched.Next(next)
	}
	return n, nil
}

// send queues the digest for one fire time, unless already done.
func (d *Digest) send(ctx context.Context, fire, now time.Time) (bool, error) {
	once := fire.In(d.loc).Format("2006-01-02T15:04")
	if done, err := d.keys.Client().HExists(ctx, d.keys.Key(keyDigests), once).Result(); err != nil {
		return false, fmt.Errorf("digest %s: %w", once, err)
	} else if done {
		return false, nil
	}
	title, text, err := d.Render(ctx, fire)
	if err != nil {
		return false, err
	}
	rec := noticeRecord{Key: "report:digest:" + once, Kind: NoticeDigest, To: d.cfg.Reports.DigestTo, At: fire.UnixMilli(), Title: title, Text: text}
	ok, err := enqueueOnce(ctx, d.st, once, rec, now)
	if err != nil {
		return false, err
	}
	if ok {
		d.log.Info("daily digest queued", "fire", once, "to", d.cfg.Reports.DigestTo)
	}
	return ok, nil
}

// Render writes the digest for a fire time: the report, by topic, on the
// enquiries opened the desk day before, with what is open and overdue now.
func (d *Digest) Render(ctx context.Context, fire time.Time) (string, string, error) {
	f := fire.In(d.loc)
	day := time.Date(f.Year(), f.Month(), f.Day()-1, 0, 0, 0, 0, d.loc)
	rep, err := d.rep.Report(ctx, Query{From: day, To: day, By: ByTopic, Breaches: 50})
	if err != nil {
		return "", "", fmt.Errorf("digest report: %w", err)
	}
	var b bytes.Buffer
	if err := WriteTable(&b, rep, d.loc); err != nil {
		return "", "", err
	}
	title := fmt.Sprintf("%s: SLA digest for %s", d.cfg.Desk.Name, day.Format("Mon 2 Jan 2006"))
	return title, b.String(), nil
}
