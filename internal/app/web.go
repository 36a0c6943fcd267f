package app

import (
	"context"
	"net/http"
	"path/filepath"

	"github.com/mediadesk/mediadesk/routing"
	"github.com/mediadesk/mediadesk/web"
)

// Environment variables naming the credential files, until the config has
// keys for them (web.users_file, web.api_tokens_file). They are read
// through Options.Secret, so the demo and tests can hand them over without
// touching the environment.
const (
	UsersFileEnv  = "MEDIADESK_USERS_FILE"
	TokensFileEnv = "MEDIADESK_API_TOKENS_FILE"
)

// handler builds the desk's HTTP handler: the JSON API, the endpoints the
// other components registered, health, and the dashboard — all of it
// behind the web package's authentication, roles, CSRF checks and security
// headers (only /healthz, /login and /static/ are public).
func (d *Desk) handler(ctx context.Context) (http.Handler, error) {
	cfg := d.opts.Config
	o := web.Options{
		Config: cfg, Store: d.Store, Clock: d.opts.Clock, Log: d.log,
		Releases:   routing.NewReleaseStore(d.opts.Redis, cfg.Redis.KeyPrefix),
		UsersFile:  d.credentialFile(UsersFileEnv),
		TokensFile: d.credentialFile(TokensFileEnv),
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

// credentialFile is the path in the named variable (a relative one is
// read from the working directory).
func (d *Desk) credentialFile(env string) string {
	if p := d.opts.Secret(env); p != "" {
		return filepath.Clean(p)
	}
	return ""
}
