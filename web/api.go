package web

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/releases"
	"github.com/mediadesk/mediadesk/store"
)

// API serves the JSON endpoints. Behind Server.Protect every call is
// authenticated (session cookie with CSRF token, or API token) and the
// acting officer is the signed-in one.
type API struct {
	Config *config.Config
	Store  *store.Store
	Log    *slog.Logger
	// Releases is the shared release catalogue (lines to take); nil leaves
	// the release endpoints out.
	Releases *releases.Store
	// Extra lets other packages add endpoints (replies, reports) to the
	// same mux under the same authentication.
	Extra func(mux *http.ServeMux)

	server *Server
}

// Register adds the API routes to mux:
//
//	GET  /api/enquiries                 list (status=open|all, officer, offset, limit); filtering by
//	                                    topic, tier, channel, lang or words is /api/search's (a 400 here)
//	GET  /api/enquiries/{ref}           one enquiry with messages and timeline
//	POST /api/enquiries/{ref}/claim     {"expect": officer shown} → assign to me
//	POST /api/enquiries/{ref}/assign    {"to", "expect", "reason"}
//	POST /api/enquiries/{ref}/notes     {"text"}
//	POST /api/enquiries/{ref}/waiting   {"on": true|false}
//	POST /api/enquiries/{ref}/resolve   {"note"}
//	POST /api/enquiries/{ref}/reopen    {"note"}
//	GET  /api/releases                  every release
//	GET  /api/releases/{id}             one release
//	PUT  /api/releases/{id}/lines       {"lines": [...]} (managers)
//	GET  /api/releases/{id}/lines       the lines' states; approve, withdraw and send (api_lines.go)
//	POST /api/enquiries/{ref}/replies   {"body", "kind", "use_lines_to_take", "id"} → 202 with the outbox job
//	                                    (when the server has a Replier; sent as the caller, never as a "by")
//	GET  /api/me                        who the caller is
//	GET  /api/status, /api/quarantine, /api/automatic (admins)
//
// Actions answer {"changed": bool, "detail": "..."}; 409 when someone got
// there first or the enquiry's state refuses it. Every body is read by
// readJSON (one strict JSON object); one it cannot read is a 400.
func (a *API) Register(mux *http.ServeMux) {
	mux.HandleFunc("GET /api/enquiries", a.listEnquiries)
	mux.HandleFunc("GET /api/enquiries/{ref}", a.getEnquiry)
	mux.HandleFunc("GET /api/status", a.status)
	mux.HandleFunc("GET /api/quarantine", a.quarantine)
	mux.HandleFunc("GET /api/automatic", a.automatic)
	mux.HandleFunc("GET /api/me", a.me)
	for _, act := range []string{"claim", "assign", "notes", "waiting", "resolve", "reopen"} {
		mux.HandleFunc("POST /api/enquiries/{ref}/"+act, a.action)
	}
	if a.server != nil && a.server.o.Replies != nil {
		mux.HandleFunc("POST /api/enquiries/{ref}/replies", a.reply)
	}
	if a.Releases != nil {
		mux.HandleFunc("GET /api/releases", a.listReleases)
		mux.HandleFunc("GET /api/releases/{id}", a.getRelease)
		mux.HandleFunc("PUT /api/releases/{id}/lines", a.putLines)
		a.registerLines(mux)
	}
	if a.Extra != nil {
		a.Extra(mux)
	}
}

type enquiryList struct {
	Total     int64            `json:"total"`
	Offset    int              `json:"offset"`
	Enquiries []*store.Enquiry `json:"enquiries"`
}

// searchFilters are filters /api/enquiries leaves to /api/search: given
// here they are refused rather than silently ignored.
var searchFilters = []string{"q", "topic", "tier", "channel", "lang", "from", "to", "sort"}

func (a *API) listEnquiries(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	for _, k := range searchFilters {
		if q.Has(k) {
			writeError(w, http.StatusBadRequest, k+": /api/enquiries lists by status and officer only; filter with GET /api/search?"+k+"=… (q, topic, officer, tier, status, channel, lang, from, to, sort)")
			return
		}
	}
	o := store.ListOptions{Officer: q.Get("officer")}
	switch q.Get("status") {
	case "", "all":
	case "open":
		o.Open = true
	default:
		writeError(w, http.StatusBadRequest, "status must be open or all")
		return
	}
	var err error
	if o.Offset, err = intParam(q.Get("offset"), 0, 0, 1<<30); err != nil {
		writeError(w, http.StatusBadRequest, "offset: "+err.Error())
		return
	}
	if o.Limit, err = intParam(q.Get("limit"), 50, 1, 500); err != nil {
		writeError(w, http.StatusBadRequest, "limit: "+err.Error())
		return
	}
	list, total, err := a.Store.List(r.Context(), o)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	if list == nil {
		list = []*store.Enquiry{}
	}
	writeJSON(w, http.StatusOK, enquiryList{Total: total, Offset: o.Offset, Enquiries: list})
}

// EnquiryDetail is an enquiry with its messages and timeline.
type EnquiryDetail struct {
	*store.Enquiry
	MessageList []store.Message `json:"message_list"`
	Timeline    []store.Event   `json:"timeline"`
}

func (a *API) getEnquiry(w http.ResponseWriter, r *http.Request) {
	ref := r.PathValue("ref")
	if !validRef.MatchString(ref) {
		writeError(w, http.StatusNotFound, "no enquiry "+ref)
		return
	}
	e, err := a.Store.Enquiry(r.Context(), ref)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusNotFound, "no enquiry "+ref)
		return
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	msgs, err := a.Store.Messages(r.Context(), ref)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	tl, err := a.Store.Timeline(r.Context(), ref)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, EnquiryDetail{Enquiry: e, MessageList: msgs, Timeline: tl})
}

func (a *API) status(w http.ResponseWriter, r *http.Request) {
	st, err := a.Store.IngestStatus(r.Context(), store.WatchedFolders(a.Config), 20)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

func (a *API) quarantine(w http.ResponseWriter, r *http.Request) {
	limit, err := intParam(r.URL.Query().Get("limit"), 100, 1, 1000)
	if err != nil {
		writeError(w, http.StatusBadRequest, "limit: "+err.Error())
		return
	}
	q, total, err := a.Store.Quarantine(r.Context(), limit)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"total": total, "entries": q})
}

func (a *API) automatic(w http.ResponseWriter, r *http.Request) {
	limit, err := intParam(r.URL.Query().Get("limit"), 100, 1, 1000)
	if err != nil {
		writeError(w, http.StatusBadRequest, "limit: "+err.Error())
		return
	}
	msgs, err := a.Store.Automatic(r.Context(), limit)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"messages": msgs})
}

func (a *API) log() *slog.Logger {
	if a.Log == nil {
		return slog.Default()
	}
	return a.Log
}

func (a *API) fail(w http.ResponseWriter, r *http.Request, err error) {
	a.log().Error("api request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	writeError(w, http.StatusInternalServerError, "internal error; see the server log")
}

func intParam(s string, def, lo, hi int) (int, error) {
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, errors.New("not a number")
	}
	if n < lo || n > hi {
		return 0, errors.New("out of range " + strconv.Itoa(lo) + ".." + strconv.Itoa(hi))
	}
	return n, nil
}

// WriteJSON writes v as JSON with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}
