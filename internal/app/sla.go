package app

import (
	"context"

	"github.com/mediadesk/mediadesk/sla"
)

// setupSLA wires the SLA sweeper, notice delivery (through the outbox when
// outbound mail is set up, else logged), rollups, the daily digest and the
// report endpoints into the desk.
func (d *Desk) setupSLA(ctx context.Context) error {
	svc, err := sla.NewService(d.Store, d.opts.Config, sla.Options{
		Clock: d.opts.Clock, Logger: d.log, Notifier: d.slaNotifier(),
	})
	if err != nil {
		return err
	}
	d.addComponent("sla", svc.Run)
	d.addRoutes(svc.Register)
	d.sla = svc
	return nil
}

// SLA is the desk's SLA service: its sweeper, rollups and reports (nil
// before New finished setting it up). The demo ticks it and reads its
// live clocks and reports.
func (d *Desk) SLA() *sla.Service { return d.sla }
