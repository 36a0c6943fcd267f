package app

import (
	"context"
	"fmt"
	"sync"

	"github.com/mediadesk/mediadesk/outbound"
	"github.com/mediadesk/mediadesk/routing"
	"github.com/mediadesk/mediadesk/sla"
)

// outboundServices holds each desk's outbound service (a field on Desk
// would be simpler; app.go belongs to the desk's assembly).
var outboundServices sync.Map // *Desk → *outbound.Service

// setupOutbound wires outbound mail (acknowledgements, alerts, replies,
// response detection) into the desk.
func (d *Desk) setupOutbound(ctx context.Context) error {
	cfg := d.opts.Config
	releases := routing.NewReleaseStore(d.opts.Redis, cfg.Redis.KeyPrefix)
	svc, err := outbound.New(outbound.Options{
		Config: cfg, Store: d.Store, Logger: d.log.With("component", "outbound"),
		Clock: d.opts.Clock, Secret: d.opts.Secret,
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
	outboundServices.Store(d, svc)
	return nil
}

// Outbound is the desk's outbound mail service (nil before New finished
// setting it up).
func (d *Desk) Outbound() *outbound.Service {
	v, _ := outboundServices.Load(d)
	svc, _ := v.(*outbound.Service)
	return svc
}

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
