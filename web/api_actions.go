package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

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

func decodeJSON(w http.ResponseWriter, r *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	return nil
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
	if err := decodeJSON(w, r, &req); err != nil {
		writeError(w, http.StatusBadRequest, "body: "+err.Error())
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
	if err := decodeJSON(w, r, &req); err != nil {
		writeError(w, http.StatusBadRequest, "body: "+err.Error())
		return
	}
	lines, err := parseLines(strings.Join(req.Lines, "\n"))
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	err = a.Releases.SetLinesToTake(r.Context(), r.PathValue("id"), lines)
	if errors.Is(err, routing.ErrNoRelease) {
		writeError(w, http.StatusNotFound, "no such release")
		return
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"lines": strconv.Itoa(len(lines))})
}

// bindReply makes POST /api/enquiries/{ref}/replies (outbound's) act as
// the authenticated officer: "by" is filled in when absent and must be the
// user when present, and the user must be allowed to reply to the
// enquiry. The body is passed on otherwise unchanged.
func (s *Server) bindReply(w http.ResponseWriter, r *http.Request, u *User) bool {
	raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
	if err != nil {
		writeError(w, http.StatusRequestEntityTooLarge, "body: "+err.Error())
		return false
	}
	var body map[string]json.RawMessage
	if err := json.Unmarshal(raw, &body); err != nil || body == nil {
		// Let outbound say what is wrong with it.
		r.Body = io.NopCloser(bytes.NewReader(raw))
		return true
	}
	if b, ok := body["by"]; ok {
		var by string
		if json.Unmarshal(b, &by) != nil || by != u.ID {
			writeError(w, http.StatusForbidden, `"by" must be you (`+u.ID+`) or left out`)
			return false
		}
	}
	me, _ := json.Marshal(u.ID)
	body["by"] = me
	// The mux has not matched yet, so there is no PathValue.
	ref := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/api/enquiries/"), "/replies")
	e, err := s.readEnquiry(r.Context(), ref)
	if err == nil && !u.Can(ActReply, e) {
		writeError(w, http.StatusForbidden, "only the enquiry's officer or a manager may reply; claim it first")
		return false
	}
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		s.log.Error("read enquiry", "err", err)
		writeError(w, http.StatusInternalServerError, "internal error")
		return false
	}
	nb, _ := json.Marshal(body)
	r.Body = io.NopCloser(bytes.NewReader(nb))
	r.ContentLength = int64(len(nb))
	r.Header.Set("Content-Length", strconv.Itoa(len(nb)))
	return true
}
