package app

import (
	"context"
	"net/http"

	"github.com/mediadesk/mediadesk/web"
)

// handler builds the desk's HTTP handler: the JSON API, the endpoints the
// other components registered, health, and the dashboard.
func (d *Desk) handler(ctx context.Context) (http.Handler, error) {
	mux := http.NewServeMux()
	api := &web.API{Config: d.opts.Config, Store: d.Store, Log: d.log}
	api.Register(mux)
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
	return mux, nil
}
