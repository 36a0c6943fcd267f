package app

import (
	"context"
	"net/http"
	"path/filepath"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/routing"
	"github.com/mediadesk/mediadesk/web"
)

// handler builds the desk's HTTP handler: the JSON API, the endpoints the
// other components registered, health, and the dashboard — all of it
// behind the web package's authentication, roles, CSRF checks and security
// headers (only /healthz, /login and /static/ are public).
func (d *Desk) handler(ctx context.Context) (http.Handler, error) {
	cfg := d.opts.Config
	o := web.Options{
		Config: cfg, Store: d.Store, Clock: d.opts.Clock, Log: d.log,
		Releases:    routing.NewReleaseStore(d.opts.Redis, cfg.Redis.KeyPrefix),
		UsersFile:   credentialFile(cfg, cfg.Web.UsersFile),
		TokensFile:  credentialFile(cfg, cfg.Web.APITokensFile),
		SessionIdle: cfg.Web.SessionIdle, SessionMax: cfg.Web.SessionMax,
	}
	if svc := d.Outbound(); svc != nil {
		o.Replies = svc
	}
	if svc := d.SLA(); svc != nil && svc.Reports != nil {
		o.Reports = svc.Reports
	}
	srv, err := web.New(o)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	srv.Register(mux)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		if err := d.Store.Ping(r.Context()); err != nil {
			http.Error(w, "redis: unavailable", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ok\n"))
	})
	for _, f := range d.routes {
		f(mux)
	}
	if d.opts.Mux != nil {
		d.opts.Mux(mux)
	}
	return srv.Protect(mux), nil
}

// credentialFile resolves a credential file named in the config ("" when
// none is configured).
func credentialFile(cfg *config.Config, p string) string {
	if p == "" {
		return ""
	}
	return filepath.Clean(cfg.Resolve(p))
}
