package web

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/releases"
)

// Lines to take through the JSON API, as on a release's page: a line is a
// draft until a manager approves it until a set time, then expired; only
// approved lines that have not expired are offered to officers and sent.
//
//	GET  /api/releases/{id}/lines                  the lines with their states (officers: the sendable ones)
//	POST /api/releases/{id}/lines/{key}/approve    {"expires": RFC 3339 time} (managers)
//	POST /api/releases/{id}/lines/{key}/withdraw   {} (managers): back to draft
//	POST /api/releases/{id}/send                   {"line", "refs", "kind", "nonce"}: the bulk answer
//
// Approvals, withdrawals and sends are recorded in the release's line
// history (the page's "History"), by the authenticated user.

func init() {
	routeRoles["GET /api/releases/{id}/lines"] = config.RoleOfficer
	routeRoles["POST /api/releases/{id}/lines/{key}/approve"] = config.RoleManager
	routeRoles["POST /api/releases/{id}/lines/{key}/withdraw"] = config.RoleManager
	routeRoles["POST /api/releases/{id}/send"] = config.RoleOfficer // and User.Can(reply) per enquiry
}

func (a *API) registerLines(mux *http.ServeMux) {
	mux.HandleFunc("GET /api/releases/{id}/lines", a.getLines)
	mux.HandleFunc("POST /api/releases/{id}/lines/{key}/approve", a.approveLine)
	mux.HandleFunc("POST /api/releases/{id}/lines/{key}/withdraw", a.withdrawLine)
	mux.HandleFunc("POST /api/releases/{id}/send", a.sendLine)
}

// apiLine is a line to take with its state.
type apiLine struct {
	Key        string     `json:"key"`
	Text       string     `json:"text"`
	State      string     `json:"state"`
	ApprovedBy string     `json:"approved_by,omitempty"`
	ApprovedAt *time.Time `json:"approved_at,omitempty"`
	ExpiresAt  *time.Time `json:"expires_at,omitempty"`
}

func apiLineOf(l releases.Line) apiLine {
	out := apiLine{Key: l.Key, Text: l.Text, State: string(l.State)}
	if ap := l.Approval; ap != nil {
		at, exp := ap.ApprovedAt, ap.ExpiresAt
		out.ApprovedBy, out.ApprovedAt, out.ExpiresAt = ap.ApprovedBy, &at, &exp
	}
	return out
}

// linesAnswer is GET /api/releases/{id}/lines. Officers get the sendable
// lines and a count of the others (as the page shows them); managers
// every line and the history.
type linesAnswer struct {
	Release string    `json:"release"`
	Lines   []apiLine `json:"lines"`
	// Drafts and Expired count the lines awaiting approval and expired.
	Drafts  int                  `json:"drafts"`
	Expired int                  `json:"expired"`
	History []releases.LineEvent `json:"history,omitempty"`
}

func (a *API) getLines(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u := CurrentUser(ctx)
	if u == nil || a.server == nil {
		writeError(w, http.StatusUnauthorized, "sign in first")
		return
	}
	id := r.PathValue("id")
	lines, err := a.Releases.Lines(ctx, id, a.server.clock.Now())
	if errors.Is(err, releases.ErrNoRelease) {
		writeError(w, http.StatusNotFound, "no such release")
		return
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	manager := u.AtLeast(config.RoleManager)
	out := linesAnswer{Release: id, Lines: []apiLine{}}
	for _, l := range lines {
		switch l.State {
		case releases.LineDraft:
			out.Drafts++
		case releases.LineExpired:
			out.Expired++
		}
		if manager || l.State == releases.LineApproved {
			out.Lines = append(out.Lines, apiLineOf(l))
		}
	}
	if manager {
		if out.History, err = a.Releases.LineLog(ctx, id, maxLineHistory); err != nil {
			a.fail(w, r, err)
			return
		}
	}
	writeJSON(w, http.StatusOK, out)
}

// approveBody is the body of the approve endpoint.
type approveBody struct {
	// Expires is when the approval ends (RFC 3339, with its offset).
	Expires string `json:"expires"`
}

func (a *API) approveLine(w http.ResponseWriter, r *http.Request) {
	u := CurrentUser(r.Context())
	if u == nil || a.server == nil {
		writeError(w, http.StatusUnauthorized, "sign in first")
		return
	}
	var req approveBody
	if !readJSON(w, r, &req, false) {
		return
	}
	exp, err := time.Parse(time.RFC3339, strings.TrimSpace(req.Expires))
	if err != nil {
		writeError(w, http.StatusBadRequest, `"expires" must be a time with its offset (RFC 3339), such as 2026-12-08T18:00:00+00:00`)
		return
	}
	id, key := r.PathValue("id"), r.PathValue("key")
	l, err := a.Releases.ApproveLine(r.Context(), id, key, u.ID, a.server.clock.Now(), exp)
	if a.lineError(w, r, err) {
		return
	}
	a.log().Info("line to take approved", "release", id, "line", key, "user", u.ID, "expires", exp, "via", "api")
	writeJSON(w, http.StatusOK, map[string]any{"line": apiLineOf(l)})
}

func (a *API) withdrawLine(w http.ResponseWriter, r *http.Request) {
	u := CurrentUser(r.Context())
	if u == nil || a.server == nil {
		writeError(w, http.StatusUnauthorized, "sign in first")
		return
	}
	var req struct{}
	if !readJSON(w, r, &req, true) {
		return
	}
	id, key := r.PathValue("id"), r.PathValue("key")
	err := a.Releases.WithdrawLine(r.Context(), id, key, u.ID, a.server.clock.Now())
	if a.lineError(w, r, err) {
		return
	}
	a.log().Info("line to take withdrawn", "release", id, "line", key, "user", u.ID, "via", "api")
	lines, err := a.Releases.Lines(r.Context(), id, a.server.clock.Now())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	for _, l := range lines {
		if l.Key == key {
			writeJSON(w, http.StatusOK, map[string]any{"line": apiLineOf(l)})
			return
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"line": nil})
}

// lineError answers an approval's or withdrawal's error (and reports
// whether there was one).
func (a *API) lineError(w http.ResponseWriter, r *http.Request, err error) bool {
	switch {
	case err == nil:
		return false
	case errors.Is(err, releases.ErrNoRelease):
		writeError(w, http.StatusNotFound, "no such release")
	case errors.Is(err, releases.ErrNoLine):
		writeError(w, http.StatusConflict, "the release has no line with that key (it may have been edited: an edited line is a new draft); nothing was changed")
	case errors.Is(err, releases.ErrBadExpiry):
		writeError(w, http.StatusBadRequest, "the expiry must be in the future")
	default:
		a.fail(w, r, err)
	}
	return true
}

// sendBody is the body of the bulk answer.
type sendBody struct {
	Line string   `json:"line"`
	Refs []string `json:"refs"`
	// Kind is substantive (default) or holding.
	Kind string `json:"kind"`
	// Nonce names this send: the same nonce again sends nothing twice.
	Nonce string `json:"nonce"`
}

// apiOutcome is what became of one enquiry of a bulk answer.
type apiOutcome struct {
	Ref   string `json:"ref"`
	Sent  bool   `json:"sent"`
	Error string `json:"error,omitempty"`
}

func (a *API) sendLine(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u := CurrentUser(ctx)
	if u == nil || a.server == nil {
		writeError(w, http.StatusUnauthorized, "sign in first")
		return
	}
	var req sendBody
	if !readJSON(w, r, &req, false) {
		return
	}
	id := r.PathValue("id")
	if _, ok, err := a.Releases.Get(ctx, id); err != nil {
		a.fail(w, r, err)
		return
	} else if !ok {
		writeError(w, http.StatusNotFound, "no such release")
		return
	}
	out, sent, err := a.server.bulkAnswer(ctx, u, id, req.Line, req.Kind, req.Nonce, req.Refs)
	if err != nil {
		var c conflictInput
		status, msg := actionError(err)
		if errors.As(err, &c) {
			status, msg = http.StatusConflict, string(c)
		}
		if status == http.StatusInternalServerError {
			a.fail(w, r, err)
			return
		}
		writeError(w, status, msg)
		return
	}
	res := struct {
		Sent     []string     `json:"sent"`
		Outcomes []apiOutcome `json:"outcomes"`
	}{Sent: append([]string{}, sent...)}
	for _, o := range out {
		res.Outcomes = append(res.Outcomes, apiOutcome{Ref: o.Ref, Sent: o.OK, Error: o.Error})
	}
	status := http.StatusOK
	if len(sent) == 0 {
		status = http.StatusConflict
	}
	writeJSON(w, status, res)
}
