package ops

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Readiness decides /readyz.
type Readiness struct {
	// Ping checks Redis.
	Ping func(ctx context.Context) error
	// Folders are the watched folders (nil: none).
	Folders func() []FolderStatus
	// Now is the current time (default time.Now).
	Now func() time.Time
}

// Check returns why the desk is not ready (nil: ready): Redis unreachable,
// or a folder this replica runs that has been disconnected past its
// backoff — longer than twice its longest reconnect wait (MaxBackoff), so a
// reconnection at the longest wait has had two chances. A folder connected,
// or disconnected for less (a restart of the IMAP server, a network blip),
// does not fail readiness; its connected gauge shows it either way.
func (r *Readiness) Check(ctx context.Context) []string {
	var reasons []string
	if r.Ping != nil {
		if err := r.Ping(ctx); err != nil {
			reasons = append(reasons, "redis unreachable: "+oneLine(err.Error()))
		}
	}
	if r.Folders == nil {
		return reasons
	}
	now := time.Now()
	if r.Now != nil {
		now = r.Now()
	}
	for _, f := range r.Folders() {
		if d, bad := f.DisconnectedPastBackoff(now); bad {
			why := fmt.Sprintf("mailbox %s:%s disconnected for %s, past its backoff (%s)", f.Mailbox, f.Folder,
				d.Round(time.Second), f.MaxBackoff)
			if f.LastError != "" {
				why += ": " + oneLine(f.LastError)
			}
			reasons = append(reasons, why)
		}
	}
	return reasons
}

// DisconnectedPastBackoff reports how long the folder has been without a
// connection (since its last successful sync, or since this replica took
// its lease) and whether that is past its backoff.
func (f FolderStatus) DisconnectedPastBackoff(now time.Time) (time.Duration, bool) {
	if !f.Held || f.Connected {
		return 0, false
	}
	from := f.Since
	if f.LastSync.After(from) {
		from = f.LastSync
	}
	if from.IsZero() {
		return 0, false
	}
	limit := 2 * f.MaxBackoff
	if limit <= 0 {
		limit = 2 * time.Minute
	}
	d := now.Sub(from)
	return d, d > limit
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}

// Handler serves /metrics, /healthz (the process answers) and /readyz
// (Redis reachable and every folder this replica runs connected or inside
// its backoff: 200 "ready", else 503 with one plain reason per line).
// Every other path is 404.
func Handler(m *Metrics, ready *Readiness) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(m.Registry, promhttp.HandlerOpts{ErrorLog: nil}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
		defer cancel()
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		if reasons := ready.Check(ctx); len(reasons) > 0 {
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintln(w, "not ready:")
			for _, s := range reasons {
				fmt.Fprintln(w, s)
			}
			return
		}
		w.Write([]byte("ready\n"))
	})
	mux.HandleFunc("/", http.NotFound)
	return mux
}

// Serve runs the operations listener on ln until ctx ends.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, log *slog.Logger) error {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second,
		WriteTimeout: 30 * time.Second, IdleTimeout: time.Minute}
	log.Info("operations listener (metrics, health)", "addr", ln.Addr().String())
	return ServeUntil(ctx, srv, ln, 2*time.Second)
}

// ServeUntil serves srv on ln until ctx ends, then shuts it down, giving
// requests in flight up to grace to finish. A closed server is no error.
func ServeUntil(ctx context.Context, srv *http.Server, ln net.Listener, grace time.Duration) error {
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), grace)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// Instrument measures every request through h (mux behind the dashboard's
// security) under the route pattern mux matches for it, never the raw
// path; a request that matches nothing counts as "unmatched".
func Instrument(m *Metrics, mux *http.ServeMux, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		_, route := mux.Handler(r)
		if route == "" {
			route = "unmatched"
		}
		rw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		h.ServeHTTP(rw, r)
		m.ObserveHTTP(route, rw.status, time.Since(start))
	})
}

// statusWriter remembers the status; it passes Flush on for the live
// updates stream.
type statusWriter struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	w.wrote = true
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// Unwrap lets http.ResponseController reach the real writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
