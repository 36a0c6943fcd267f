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
	// Grace is how long past its backoff (or after taking the lease) a
	// folder may be still connecting before it counts as disconnected
	// (default 15s: dialling and logging in).
	Grace time.Duration
}

// Check returns why the desk is not ready (nil: ready): Redis unreachable,
// or a folder this replica runs that has been disconnected past its
// backoff. A folder inside its backoff (including the slow retry after a
// refused login) does not fail readiness; its connected gauge shows it.
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
	grace := r.Grace
	if grace <= 0 {
		grace = 15 * time.Second
	}
	for _, f := range r.Folders() {
		if !f.Held || f.Connected {
			continue
		}
		due := f.RetryAt
		if due.IsZero() {
			due = f.Since
		}
		if due.IsZero() || now.Before(due.Add(grace)) {
			continue
		}
		why := "mailbox " + f.Mailbox + ":" + f.Folder + " disconnected past its backoff"
		if f.LastError != "" {
			why += ": " + oneLine(f.LastError)
		}
		reasons = append(reasons, why)
	}
	return reasons
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
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// Instrument measures every request through h under its route pattern.
// The pattern is the ServeMux pattern the request matched, which inner
// (wrapping the mux itself) captures; requests that matched nothing
// count as "unmatched", so no raw path ever becomes a label.
func Instrument(m *Metrics, outer func(http.Handler) http.Handler, mux http.Handler) http.Handler {
	inner := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mux.ServeHTTP(w, r)
		if p, ok := r.Context().Value(patternKey{}).(*string); ok {
			*p = r.Pattern
		}
	})
	protected := outer(inner)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		pattern := new(string)
		r = r.WithContext(context.WithValue(r.Context(), patternKey{}, pattern))
		rw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		protected.ServeHTTP(rw, r)
		route := *pattern
		if route == "" {
			route = "unmatched"
			if rw.status == http.StatusSeeOther || rw.status == http.StatusUnauthorized || rw.status == http.StatusForbidden {
				route = "refused" // stopped before the mux (sign-in, role, CSRF)
			}
		}
		m.ObserveHTTP(route, rw.status, time.Since(start))
	})
}

type patternKey struct{}

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
