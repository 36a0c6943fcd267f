package web

import (
	"net/http"

	"github.com/mediadesk/mediadesk/store"
)

type adminData struct {
	Status     *store.IngestStatus
	Quarantine []store.Quarantined
	QTotal     int64
	Automatic  []store.Message
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
	d := adminData{Status: st, Quarantine: q, QTotal: total, Automatic: auto}
	s.render(w, r, http.StatusOK, "admin", &page{Title: "Admin", Nav: "admin", Data: d})
}
