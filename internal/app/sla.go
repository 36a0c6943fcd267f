package app

import (
	"context"

	"github.com/mediadesk/mediadesk/sla"
)

// setupSLA wires the SLA sweeper, notice delivery (through the outbox when
// outbound mail is set up, else logged), rollups, the daily digest and the
// report endpoints into the desk.
func (d *Desk) setupSLA(ctx context.Context, g *generation) error {
	svc, err := sla.NewService(d.Store, g.cfg, sla.Options{
		Clock: d.opts.Clock, Logger: d.log, Notifier: d.slaNotifier(g),
	})
	if err != nil {
		return err
	}
	g.addComponent("sla", svc.Run)
	g.addRoutes(svc.Register)
	g.sla = svc
	return nil
}

// SLA is the desk's SLA service: its sweeper, rollups and reports (nil
// before New finished setting it up). The demo ticks it and reads its
// live clocks and reports.
func (d *Desk) SLA() *sla.Service {
	if g := d.gen.Load(); g != nil {
		return g.sla
	}
	return nil
}
