package app

import (
	"context"
	"fmt"
	"net/http"
	"path/filepath"

	"github.com/emersion/go-imap/v2/imapclient"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/inbox"
	"github.com/mediadesk/mediadesk/internal/ops"
	"github.com/mediadesk/mediadesk/releases"
	"github.com/mediadesk/mediadesk/web"
)

// handler builds the desk's HTTP handler: the JSON API, the endpoints the
// other components registered, health, and the dashboard — all of it
// behind the web package's authentication, roles, CSRF checks and security
// headers (only /healthz, /login and /static/ are public).
func (d *Desk) handler(g *generation) (http.Handler, error) {
	cfg := g.cfg
	o := web.Options{
		Config: cfg, Store: d.Store, Clock: d.opts.Clock, Log: d.log,
		Releases:    releases.NewStore(d.opts.Redis, cfg.Redis.KeyPrefix),
		UsersFile:   credentialFile(cfg, cfg.Web.UsersFile),
		TokensFile:  credentialFile(cfg, cfg.Web.APITokensFile),
		SessionIdle: cfg.Web.SessionIdle, SessionMax: cfg.Web.SessionMax,
	}
	if svc := g.out; svc != nil {
		o.Replies = svc
	}
	if svc := g.sla; svc != nil && svc.Reports != nil {
		o.Reports = svc.Reports
	}
	if d.opts.LoadConfig != nil {
		o.Reloader = webReloader{d}
	}
	o.Calls = liveRouter{d}
	o.DialIMAP = func(ctx context.Context, id string) (*imapclient.Client, error) {
		mb, auth := cfg.Mailbox(id), d.auths.Mailbox(id)
		if mb == nil || auth == nil {
			return nil, fmt.Errorf("mailbox %q is not configured", id)
		}
		return inbox.NewDialer(mb, auth).Dial(ctx, nil)
	}
	srv, err := web.New(o)
	if err != nil {
		return nil, err
	}
	g.web = srv
	mux := http.NewServeMux()
	srv.Register(mux)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		if err := d.Store.Ping(r.Context()); err != nil {
			http.Error(w, "redis: unavailable", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ok\n"))
	})
	for _, f := range g.routes {
		f(mux)
	}
	if d.opts.Mux != nil {
		d.opts.Mux(mux)
	}
	return ops.Instrument(d.metrics, mux, srv.Protect(mux)), nil
}

// credentialFile resolves a credential file named in the config ("" when
// none is configured).
func credentialFile(cfg *config.Config, p string) string {
	if p == "" {
		return ""
	}
	return filepath.Clean(cfg.Resolve(p))
}

// webReloader is the admin page's reload button.
type webReloader struct{ d *Desk }

func (w webReloader) ReloadConfig(ctx context.Context) web.ReloadOutcome {
	return outcome(w.d.Reload(ctx))
}

func (w webReloader) LastReloadOutcome() *web.ReloadOutcome {
	st := w.d.LastReload()
	if st == nil {
		return nil
	}
	o := outcome(*st)
	return &o
}

func outcome(st ReloadStatus) web.ReloadOutcome {
	return web.ReloadOutcome{At: st.At, Applied: st.Applied, Errors: st.Errors, NeedsRestart: st.NeedsRestart}
}
