package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/mediadesk/mediadesk/internal/jsonbody"
	"github.com/mediadesk/mediadesk/outbound"
	"github.com/mediadesk/mediadesk/releases"
	"github.com/mediadesk/mediadesk/routing"
	"github.com/mediadesk/mediadesk/store"
)

// actionRequest is the body of the action endpoints; each uses its own
// fields.
type actionRequest struct {
	Expect string `json:"expect"`
	To     string `json:"to"`
	Reason string `json:"reason"`
	Text   string `json:"text"`
	Note   string `json:"note"`
	On     *bool  `json:"on"`
}

var apiActions = map[string]Action{
	"claim": ActClaim, "assign": ActAssign, "notes": ActNote, "waiting": ActWaiting,
	"resolve": ActResolve, "reopen": ActReopen,
}

// readJSON reads the request's body into v with the API's one strict
// reader (jsonbody: one JSON object, nothing after it, no unknown fields,
// at most 1 MiB). When it cannot, it answers 400 (413 when too large)
// and returns false. allowEmpty lets an empty body mean "no fields".
func readJSON(w http.ResponseWriter, r *http.Request, v any, allowEmpty bool) bool {
	err := jsonbody.Decode(w, r, v, jsonbody.Options{AllowEmpty: allowEmpty})
	if err == nil {
		return true
	}
	status := http.StatusBadRequest
	var je *jsonbody.Error
	if errors.As(err, &je) {
		status = je.Status
	}
	writeError(w, status, err.Error())
	return false
}

// action runs an officer action as the authenticated user.
func (a *API) action(w http.ResponseWriter, r *http.Request) {
	u := CurrentUser(r.Context())
	if u == nil || a.server == nil {
		writeError(w, http.StatusUnauthorized, "sign in first")
		return
	}
	name := r.URL.Path[strings.LastIndexByte(r.URL.Path, '/')+1:]
	act, ok := apiActions[name]
	if !ok {
		writeError(w, http.StatusNotFound, "no such action")
		return
	}
	var req actionRequest
	if !readJSON(w, r, &req, true) {
		return
	}
	ref := r.PathValue("ref")
	e, err := a.server.readEnquiry(r.Context(), ref)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusNotFound, "no enquiry "+ref)
		return
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	if !u.Can(act, e) {
		writeError(w, http.StatusForbidden, "only the enquiry's officer or a manager may do that; claim it first")
		return
	}
	f := url.Values{}
	f.Set("expect", req.Expect)
	f.Set("to", req.To)
	f.Set("reason", req.Reason)
	f.Set("text", req.Text)
	f.Set("note", req.Note)
	if req.On != nil && !*req.On {
		f.Set("on", "0")
	}
	done, err := a.server.act(r.Context(), u, e, act, f)
	if err != nil {
		status, msg := actionError(err)
		if status == http.StatusInternalServerError {
			a.fail(w, r, err)
			return
		}
		writeError(w, status, msg)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"changed": done != "noop", "detail": done})
}

func (a *API) me(w http.ResponseWriter, r *http.Request) {
	u := CurrentUser(r.Context())
	if u == nil {
		writeError(w, http.StatusUnauthorized, "sign in first")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"id": u.ID, "name": u.Name, "role": u.Role, "token": u.Token})
}

func (a *API) listReleases(w http.ResponseWriter, r *http.Request) {
	rels, ver, err := a.Releases.All(r.Context())
	if err != nil && len(rels) == 0 {
		a.fail(w, r, err)
		return
	}
	if rels == nil {
		rels = []routing.Release{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"version": ver, "releases": rels})
}

func (a *API) getRelease(w http.ResponseWriter, r *http.Request) {
	rel, ok, err := a.Releases.Get(r.Context(), r.PathValue("id"))
	if err != nil {
		a.fail(w, r, err)
		return
	}
	if !ok {
		writeError(w, http.StatusNotFound, "no such release")
		return
	}
	writeJSON(w, http.StatusOK, rel)
}

func (a *API) putLines(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Lines []string `json:"lines"`
	}
	if !readJSON(w, r, &req, false) {
		return
	}
	lines, err := parseLines(strings.Join(req.Lines, "\n"))
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	err = a.Releases.SetLinesToTake(r.Context(), r.PathValue("id"), lines)
	if errors.Is(err, releases.ErrNoRelease) {
		writeError(w, http.StatusNotFound, "no such release")
		return
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"lines": strconv.Itoa(len(lines))})
}

// replyBody is the body of POST /api/enquiries/{ref}/replies. The sender
// is always the authenticated user: "by" may be left out or repeat that
// user's id, and is never passed on.
type replyBody struct {
	Body           string  `json:"body"`
	Kind           string  `json:"kind"`
	UseLinesToTake bool    `json:"use_lines_to_take"`
	ID             string  `json:"id"`
	By             *string `json:"by"`
	// Opened is when the reply was begun (ms since the epoch; optional):
	// a reply by someone else since then refuses it with 409, unless
	// SendAnyway (presence.go).
	Opened     int64 `json:"opened"`
	SendAnyway bool  `json:"send_anyway"`
}

// reply sends a reply to the journalist as the authenticated user: the
// body is read once, strictly, here, and outbound gets a typed request
// whose sender is the session's or token's user.
func (a *API) reply(w http.ResponseWriter, r *http.Request) {
	u := CurrentUser(r.Context())
	if u == nil || a.server == nil {
		writeError(w, http.StatusUnauthorized, "sign in first")
		return
	}
	var req replyBody
	if !readJSON(w, r, &req, false) {
		return
	}
	if req.By != nil && *req.By != u.ID {
		writeError(w, http.StatusForbidden, `"by" must be you (`+u.ID+`) or left out: a reply is always sent as the signed-in user`)
		return
	}
	ref := r.PathValue("ref")
	e, err := a.server.readEnquiry(r.Context(), ref)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusNotFound, "no enquiry "+ref)
		return
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	if !u.Can(ActReply, e) {
		writeError(w, http.StatusForbidden, "only the enquiry's officer or a manager may reply; claim it first")
		return
	}
	if req.Opened > 0 {
		f := url.Values{"opened": {strconv.FormatInt(req.Opened, 10)}}
		if req.SendAnyway {
			f.Set("send_anyway", "1")
		}
		msg, err := a.server.replyCollision(r.Context(), u, ref, f)
		if err != nil {
			a.fail(w, r, err)
			return
		}
		if msg != "" {
			msg, _, _ = strings.Cut(msg, " Read the reply")
			writeError(w, http.StatusConflict, msg+` Send it again with "send_anyway": true to send it anyway.`)
			return
		}
	}
	id := req.ID
	if id == "" {
		id = r.Header.Get("Idempotency-Key")
	}
	j, err := a.server.o.Replies.Reply(r.Context(), ref, outbound.ReplyRequest{
		Body: req.Body, Kind: req.Kind, UseLinesToTake: req.UseLinesToTake, ID: id, By: u.ID,
	})
	switch {
	case errors.Is(err, outbound.ErrBadRequest):
		writeError(w, http.StatusBadRequest, strings.TrimPrefix(err.Error(), outbound.ErrBadRequest.Error()+": "))
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, "no enquiry "+ref)
	case err != nil:
		a.fail(w, r, err)
	default:
		writeJSON(w, http.StatusAccepted, j)
	}
}
