package app

import (
	"context"
	"fmt"

	"github.com/mediadesk/mediadesk/outbound"
	"github.com/mediadesk/mediadesk/releases"
	"github.com/mediadesk/mediadesk/sla"
)

// setupOutbound wires outbound mail (acknowledgements, alerts, replies,
// response detection) into the desk.
func (d *Desk) setupOutbound(ctx context.Context, g *generation) error {
	cfg := g.cfg
	relStore := releases.NewStore(d.opts.Redis, cfg.Redis.KeyPrefix)
	svc, err := outbound.New(outbound.Options{
		Config: cfg, Store: d.Store, Logger: d.log.With("component", "outbound"),
		Clock: d.opts.Clock, Secret: d.opts.Secret, Outbox: outbound.OutboxOptions{ClaimAfter: d.opts.OutboxClaimAfter}, Auth: d.auths,
		// Only lines a manager approved, and not yet expired, go out
		// (releases/linestate.go).
		LinesToTake: func(ctx context.Context, id string) ([]string, error) {
			return relStore.SendableLines(ctx, id, d.opts.Clock.Now())
		},
	})
	if err != nil {
		return err
	}
	// The groups exist before any worker commits, so no event is missed.
	if err := svc.Init(ctx); err != nil {
		return err
	}
	comps, err := svc.Components()
	if err != nil {
		return fmt.Errorf("outbound components: %w", err)
	}
	for _, c := range comps {
		g.addComponent(c.Name, c.Run)
	}
	g.addRoutes(svc.Routes)
	g.out = svc
	return nil
}

// Outbound is the desk's live outbound mail service.
func (d *Desk) Outbound() *outbound.Service {
	if g := d.gen.Load(); g != nil {
		return g.out
	}
	return nil
}

// slaNotifier hands the SLA engine's notices to g's outbox (email to each
// officer, the webhook when configured), idempotent by the notice key.
func (d *Desk) slaNotifier(g *generation) sla.Notifier {
	svc := g.out
	if svc == nil {
		return nil
	}
	return sla.NotifierFunc(func(ctx context.Context, n sla.Notice) error {
		return svc.Notify(ctx, outbound.Notification{
			Key: n.Key, Kind: n.Kind, Ref: n.Ref, To: n.To, Clock: n.Clock, Due: n.Due,
			Subject: n.Subject, Text: n.Text, Urgent: n.Urgent,
		})
	})
}
