package web

import (
	"context"
	"net/http"
	"time"

	"github.com/mediadesk/mediadesk/store"
)

type adminData struct {
	Status     *store.IngestStatus
	Quarantine []store.Quarantined
	QTotal     int64
	Automatic  []store.Message
	// CanReload shows the reload button; Reload is the last reload's outcome.
	CanReload bool
	Reload    *ReloadOutcome
}

// ReloadOutcome is a configuration reload's result, as the admin page
// shows it.
type ReloadOutcome struct {
	At           time.Time
	Applied      bool
	Errors       []string
	NeedsRestart []string
}

// Reloader reloads the desk's configuration (topics, officers, rota, SLA
// policies, outlets, releases) and tells how the last reload went.
type Reloader interface {
	ReloadConfig(ctx context.Context) ReloadOutcome
	LastReloadOutcome() *ReloadOutcome
}

// reloadConfig is the admin page's reload button (admin role and CSRF are
// checked by Protect). The outcome shows on the admin page.
func (s *Server) reloadConfig(w http.ResponseWriter, r *http.Request) {
	if s.o.Reloader == nil {
		s.deny(w, r, http.StatusNotFound, "this desk cannot reload its configuration")
		return
	}
	u := CurrentUser(r.Context())
	out := s.o.Reloader.ReloadConfig(r.Context())
	s.log.Info("configuration reload from the admin page", "user", u.ID, "applied", out.Applied, "errors", len(out.Errors))
	http.Redirect(w, r, "/admin#reload", http.StatusSeeOther)
}

// adminPage shows ingestion per folder, the quarantine with reasons and
// where each raw message is, and the automatic mail that was recorded but
// not treated as an enquiry.
func (s *Server) adminPage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	st, err := s.st.IngestStatus(ctx, store.WatchedFolders(s.cfg), 0)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	q, total, err := s.st.Quarantine(ctx, 200)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	auto, err := s.st.Automatic(ctx, 200)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := adminData{Status: st, Quarantine: q, QTotal: total, Automatic: auto, CanReload: s.o.Reloader != nil}
	if s.o.Reloader != nil {
		d.Reload = s.o.Reloader.LastReloadOutcome()
	}
	s.render(w, r, http.StatusOK, "admin", &page{Title: "Admin", Nav: "admin", Data: d})
}
