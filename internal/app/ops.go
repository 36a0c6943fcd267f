package app

import (
	"context"
	"fmt"
	"net"
	"time"

	"github.com/mediadesk/mediadesk/internal/ops"
	"github.com/mediadesk/mediadesk/outbound"
)

// setupMetrics points the metrics at what they read when scraped: the
// workers' status, the outbox in Redis and the live desk hours.
func (d *Desk) setupMetrics() {
	d.metrics.SetSources(ops.Sources{
		Folders: d.folderStatuses,
		Outbox: func(ctx context.Context) (ops.OutboxStats, error) {
			s, err := outbound.ReadStats(ctx, d.Store, d.opts.Clock.Now())
			return ops.OutboxStats{Jobs: s.Jobs, OldestQueued: s.OldestQueued, DeadLetters: s.DeadLetters}, err
		},
		InHours: func(t time.Time) bool {
			if h := d.gen.Load().hours; h != nil {
				return h.In(t)
			}
			return false
		},
		Ready: d.Readiness().Check,
	})
}

// Metrics are the desk's Prometheus series.
func (d *Desk) Metrics() *ops.Metrics { return d.metrics }

// folderStatuses is every watched folder as this replica sees it.
func (d *Desk) folderStatuses() []ops.FolderStatus {
	out := make([]ops.FolderStatus, 0, len(d.workers))
	for i, w := range d.workers {
		st := w.Status()
		mb, folder := d.workerFolder(i)
		fs := ops.FolderStatus{Mailbox: mb, Folder: folder, Held: d.held[i].Load(), Connected: st.Connected,
			LastSync: st.LastSync, Backoff: st.Backoff, RetryAt: st.RetryAt, LastError: st.LastError,
			MaxBackoff: d.opts.ReconnectMax}
		if ns := d.since[i].Load(); ns > 0 {
			fs.Since = time.Unix(0, ns)
		}
		if fs.Connected {
			fs.Backoff, fs.RetryAt = 0, time.Time{}
		}
		out = append(out, fs)
	}
	return out
}

func (d *Desk) workerFolder(i int) (mailbox, folder string) {
	n := 0
	for _, mb := range d.opts.Config.Mailboxes {
		for _, f := range mb.Folders {
			if n == i {
				return mb.ID, f
			}
			n++
		}
	}
	return fmt.Sprint(i), ""
}

// Readiness is what /readyz checks: Redis, and each folder this replica
// runs connected or inside its backoff.
func (d *Desk) Readiness() *ops.Readiness {
	return &ops.Readiness{Ping: d.Store.Ping, Folders: d.folderStatuses}
}

// OpsAddr is the operations listener's address once it listens ("" when
// it is off).
func (d *Desk) OpsAddr() string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.opsAddr
}

// listenOps opens the operations listener (/metrics, /healthz, /readyz,
// no session); serve it with ops.Serve.
func (d *Desk) listenOps() (net.Listener, error) {
	ln, err := net.Listen("tcp", d.opts.OpsListen)
	if err != nil {
		return nil, fmt.Errorf("ops.listen %s: %w", d.opts.OpsListen, err)
	}
	d.mu.Lock()
	d.opsAddr = ln.Addr().String()
	d.mu.Unlock()
	return ln, nil
}
