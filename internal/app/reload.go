package app

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"time"

	"github.com/mediadesk/mediadesk/config"
)

// ReloadStatus is the outcome of a configuration reload.
type ReloadStatus struct {
	At      time.Time `json:"at"`
	Applied bool      `json:"applied"`
	// Errors are why the new configuration was refused (the old one keeps
	// running).
	Errors []string `json:"errors,omitempty"`
	// NeedsRestart lists changed settings that only a restart applies.
	NeedsRestart []string `json:"needs_restart,omitempty"`
}

// LastReload is the last reload's outcome (nil: none since start).
func (d *Desk) LastReload() *ReloadStatus { return d.reloadSt.Load() }

// Reload reads the configuration again (Options.LoadConfig) and, when it
// is valid, swaps in what it decides live: topics, officers, rota, SLA
// policies and escalation, outlets, releases, templates and the dashboard's
// users and roles. An invalid configuration is refused with its errors and
// the old one keeps running. Changed settings that only a restart applies
// (listen addresses, mailboxes, Redis, SMTP, ingest, the desk's reference
// prefix and time zone, sla.warn_before for new clocks) are reported, not
// ignored.
// Safe to call from any goroutine (SIGHUP, the admin page).
func (d *Desk) Reload(ctx context.Context) ReloadStatus {
	d.reloadMu.Lock()
	defer d.reloadMu.Unlock()
	st := d.reload(ctx)
	st.At = d.opts.Clock.Now()
	d.reloadSt.Store(&st)
	d.metrics.Reloaded(st.Applied, len(st.NeedsRestart) > 0)
	switch {
	case !st.Applied:
		d.log.Error("configuration reload refused; the running configuration is unchanged", "errors", len(st.Errors))
		for _, e := range st.Errors {
			d.log.Error("configuration reload: " + e)
		}
	case len(st.NeedsRestart) > 0:
		d.log.Warn("configuration reloaded; some changes need a restart", "needs_restart", st.NeedsRestart)
	default:
		d.log.Info("configuration reloaded")
	}
	return st
}

func (d *Desk) reload(ctx context.Context) ReloadStatus {
	if d.opts.LoadConfig == nil {
		return ReloadStatus{Errors: []string{"this desk was not started from a configuration file, so it cannot reload"}}
	}
	cfg, err := d.opts.LoadConfig()
	if err != nil {
		var es config.Errors
		if errors.As(err, &es) {
			st := ReloadStatus{}
			for _, e := range es {
				st.Errors = append(st.Errors, e.Error())
			}
			return st
		}
		return ReloadStatus{Errors: []string{err.Error()}}
	}
	d.run.mu.Lock()
	running := d.run.ctx
	d.run.mu.Unlock()
	if running != nil && running.Err() != nil {
		return ReloadStatus{Errors: []string{"the desk is stopping"}}
	}
	old := d.gen.Load()
	restart := NeedsRestart(d.opts.Config, cfg)
	g, err := d.build(ctx, cfg, old)
	if err != nil {
		return ReloadStatus{Errors: []string{err.Error()}, NeedsRestart: restart}
	}
	d.run.mu.Lock()
	defer d.run.mu.Unlock()
	if d.run.ctx == nil {
		// Not running yet: the new generation starts with Run.
		d.gen.Store(g)
		return ReloadStatus{Applied: true, NeedsRestart: restart}
	}
	// Stop the old generation's components (their work in flight finishes),
	// then start the new one's. The workers keep ingesting throughout and
	// route with the new rules from the swap on.
	old.stop()
	done := make(chan struct{})
	go func() { old.wg.Wait(); close(done) }()
	bound := d.opts.Config.Ops.ShutdownTimeout
	if bound <= 0 {
		bound = 20 * time.Second
	}
	select {
	case <-done:
	case <-time.After(bound):
		d.log.Warn("reload: the old configuration's components are still finishing; starting the new ones beside them", "bound", bound)
	}
	d.gen.Store(g)
	if d.run.ctx.Err() == nil {
		d.startGeneration(g)
	}
	return ReloadStatus{Applied: true, NeedsRestart: restart}
}

// NeedsRestart lists the settings that differ between the configuration
// the desk started with and next but only apply on a restart.
func NeedsRestart(started, next *config.Config) []string {
	var out []string
	check := func(key string, a, b any) {
		if !reflect.DeepEqual(a, b) {
			out = append(out, key)
		}
	}
	check("mailboxes", started.Mailboxes, next.Mailboxes)
	check("redis", started.Redis, next.Redis)
	// The SMTP sign-in (password or OAuth2 token cache) is built once.
	check("smtp", started.SMTP, next.SMTP)
	check("web.listen", started.Web.Listen, next.Web.Listen)
	check("ops", started.Ops, next.Ops)
	check("ingest", started.Ingest, next.Ingest)
	check("desk.reference_prefix", started.Desk.ReferencePrefix, next.Desk.ReferencePrefix)
	check("desk.timezone", started.Desk.Timezone, next.Desk.Timezone)
	check("sla.warn_before", started.SLA.WarnBefore, next.SLA.WarnBefore)
	return out
}

// String is a one-line summary for logs and the admin page.
func (s ReloadStatus) String() string {
	switch {
	case !s.Applied:
		return fmt.Sprintf("refused (%d error(s)); the running configuration is unchanged", len(s.Errors))
	case len(s.NeedsRestart) > 0:
		return fmt.Sprintf("applied; needs a restart for %v", s.NeedsRestart)
	}
	return "applied"
}
