package demo

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/app"
	"github.com/mediadesk/mediadesk/outbound"
	"github.com/mediadesk/mediadesk/sla"
	"github.com/mediadesk/mediadesk/store"
	"github.com/mediadesk/mediadesk/web"
)

// officers plays the duty officers so the clocks move: every few seconds
// some open enquiries get a holding reply, some a substantive answer (with
// the release's lines to take when there are any), some are resolved —
// and some are left alone, so warnings and breaches happen too. Replies go
// through the real outbox and show in the SMTP sink.
func officers(ctx context.Context, d *app.Desk, cfg *config.Config, rng *rand.Rand, every time.Duration, log func(string, ...any)) {
	svc := d.Outbound()
	if svc == nil {
		return
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		list, _, err := d.Store.List(ctx, store.ListOptions{Open: true, Limit: 200})
		if err != nil {
			continue
		}
		now := time.Now()
		for _, e := range list {
			// Officers take a minute or two: some answer in time, some late,
			// some not at all, so the clocks warn and breach too.
			if now.Sub(e.Updated) < 40*time.Second || rng.Float64() > 0.06 {
				continue
			}
			by := e.Officer
			if cfg.Officer(by) == nil {
				continue
			}
			ack, frt := e.Clocks[store.ClockAcknowledge], e.Clocks[store.ClockFirstResponse]
			var req outbound.ReplyRequest
			switch {
			case ack.Met.IsZero() && rng.IntN(3) > 0:
				req = outbound.ReplyRequest{Kind: "holding", By: by,
					Body: "Thanks for your enquiry. We're looking into this and will come back to you as soon as we can."}
			case frt.Met.IsZero():
				req = outbound.ReplyRequest{Kind: "substantive", By: by,
					Body: "Thanks for waiting. A government spokesperson said: we keep this under close review and will set out more in due course."}
				if rel, ok := d.Router.Catalogue().Release(e.Release); ok && len(rel.LinesToTake) > 0 {
					req.UseLinesToTake = true
					req.Body = "Please see the lines below, attributable to a government spokesperson."
				}
			default:
				if _, err := d.Store.Resolve(ctx, e.Ref, by, "answered; no further questions"); err == nil {
					log("%s  resolved by %s", e.Ref, by)
				}
				continue
			}
			req.ID = fmt.Sprintf("demo-%s-%s", e.Ref, req.Kind)
			if _, err := svc.Reply(ctx, e.Ref, req); err != nil && !errors.Is(err, context.Canceled) {
				log("%s  %s reply by %s not queued: %v", e.Ref, req.Kind, by, err)
			}
		}
	}
}

// narrate prints what happens after ingest: acknowledgements and alerts
// sent, replies recorded, clocks warning, breaching and escalating.
func narrate(ctx context.Context, rdb redis.UniversalClient, st *store.Store, log func(string, ...any)) {
	_, events := st.EventStream()
	last := "$"
	for ctx.Err() == nil {
		res, err := rdb.XRead(ctx, &redis.XReadArgs{Streams: []string{events, last}, Block: 2 * time.Second, Count: 100}).Result()
		if err != nil {
			if !errors.Is(err, redis.Nil) && ctx.Err() == nil {
				time.Sleep(time.Second)
			}
			continue
		}
		for _, m := range res[0].Messages {
			last = m.ID
			e := sla.DecodeEvent(m)
			str := func(k string) string { s, _ := e.Data[k].(string); return s }
			switch e.Type {
			case "outbound.sent":
				if k := str("kind"); k != "alert" { // every assignment alerts its officer: too many to print
					log("%s  sent %s to %s", e.Ref, kindName(k), str("to"))
				}
			case "outbound.failed":
				log("%s  FAILED to send %s: %s", e.Ref, kindName(str("kind")), str("detail"))
			case "response.recorded":
				log("%s  %s reply by %s recorded (%s)", e.Ref, str("kind"), str("by"), str("via"))
			case "clock.warned":
				log("%s  WARNING   %s due soon (officer %s)", e.Ref, clockName(str("clock")), str("officer"))
			case "clock.breached":
				log("%s  BREACHED  %s (officer %s); the manager is told", e.Ref, clockName(str("clock")), str("officer"))
			case "clock.escalated":
				log("%s  ESCALATED %s still unmet", e.Ref, clockName(str("clock")))
			}
		}
	}
}

// countdown prints the nearest open clocks now and then.
func countdown(ctx context.Context, d *app.Desk, every time.Duration, w io.Writer, mu *sync.Mutex) {
	svc := d.SLA()
	if svc == nil {
		return
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		clocks, err := svc.Clocks(ctx, 200)
		if err != nil || len(clocks) == 0 {
			continue
		}
		sort.Slice(clocks, func(i, j int) bool { return clocks[i].Due.Before(clocks[j].Due) })
		var b strings.Builder
		fmt.Fprintf(&b, "-- %d open clocks; the next ones:\n", len(clocks))
		shown := 0
		for _, c := range clocks {
			if c.Remaining < 0 {
				continue
			}
			fmt.Fprintf(&b, "     %s  %-14s %s  (%s)\n", c.Ref, clockName(c.Clock), c.Countdown(), c.Officer)
			if shown++; shown == 5 {
				break
			}
		}
		mu.Lock()
		io.WriteString(w, b.String())
		mu.Unlock()
	}
}

func kindName(k string) string {
	if k == "" {
		return "mail"
	}
	return k
}

func clockName(c string) string { return sla.ClockLabel(c) }

// phoneCalls logs two calls to the duty phone, as an officer would with
// the dashboard's "Log a call" form, so queues and the reports' by-channel
// section show phone enquiries beside the mail.
func phoneCalls(ctx context.Context, d *app.Desk, cfg *config.Config, log func(string, ...any)) {
	srv := d.Web()
	if srv == nil {
		return
	}
	var u *web.User
	for _, o := range cfg.Officers {
		if o.Role == config.RoleOfficer {
			u = &web.User{ID: o.ID, Name: o.Name, Email: o.Email, Role: o.Role}
			break
		}
	}
	rels := d.CurrentRouter().Catalogue().Releases()
	if u == nil || len(rels) == 0 {
		return
	}
	sort.Slice(rels, func(i, j int) bool { return rels[i].Published.After(rels[j].Published) })
	calls := []web.CallRequest{
		{Name: "Sam Ellis", Phone: "+44 20 7946 0958", Outlet: "BBC News", Nonce: "demo-call-1",
			Question: "Rang the duty phone about \"" + rels[0].Title + "\": wants to know who will speak for the government today and whether there is a line on it."},
		{Name: "Nadia Karim", Phone: "+44 161 496 0321", Email: "nadia.karim@example.com", Outlet: "The Guardian", Nonce: "demo-call-2",
			Question: "Called about \"" + rels[min(1, len(rels)-1)].Title + "\": asks for the figures behind it and a quote.",
			Deadline: time.Now().Add(3 * time.Hour).Format(time.RFC3339)},
	}
	for _, c := range calls {
		res, err := srv.LogCall(ctx, u, c)
		if err != nil {
			if ctx.Err() == nil {
				log("phone call not logged: %v", err)
			}
			continue
		}
		log("%s  phone call logged by %s", res.Ref, u.Name)
	}
}
