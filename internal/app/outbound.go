package app

import (
	"context"
	"fmt"

	"github.com/mediadesk/mediadesk/outbound"
	"github.com/mediadesk/mediadesk/routing"
	"github.com/mediadesk/mediadesk/sla"
)

// setupOutbound wires outbound mail (acknowledgements, alerts, replies,
// response detection) into the desk.
func (d *Desk) setupOutbound(ctx context.Context) error {
	cfg := d.opts.Config
	releases := routing.NewReleaseStore(d.opts.Redis, cfg.Redis.KeyPrefix)
	svc, err := outbound.New(outbound.Options{
		Config: cfg, Store: d.Store, Logger: d.log.With("component", "outbound"),
		Clock: d.opts.Clock, Secret: d.opts.Secret, Auth: d.auths,
		LinesToTake: func(ctx context.Context, id string) ([]string, error) {
			r, ok, err := releases.Get(ctx, id)
			if err != nil {
				return nil, err
			}
			if !ok {
				if d.Router == nil {
					return nil, nil
				}
				if r, ok = d.Router.Catalogue().Release(id); !ok {
					return nil, nil
				}
			}
			return r.LinesToTake, nil
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
		d.addComponent(c.Name, c.Run)
	}
	d.addRoutes(svc.Routes)
	d.out = svc
	return nil
}

// Outbound is the desk's outbound mail service (nil before New finished
// setting it up).
func (d *Desk) Outbound() *outbound.Service { return d.out }

// slaNotifier hands the SLA engine's notices to the outbox (email to each
// officer, the webhook when configured), idempotent by the notice key.
func (d *Desk) slaNotifier() sla.Notifier {
	svc := d.Outbound()
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
