package web

// Reply drafts: what an officer has typed in an enquiry's reply box is
// saved on the server as they type (drafts.js, debounced), per user and
// enquiry, so a reload, a crash or another device brings it back. A draft
// lives in Redis under a key of the web layer's own, expires after
// draftTTL and is dropped when the reply is sent.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"
	"unicode/utf8"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/jsonbody"
	"github.com/mediadesk/mediadesk/store"
)

// Draft limits: a draft is kept 7 days, and may be as long as a reply
// (100,000 bytes of text) inside a request of at most 128 KiB.
const (
	draftTTL      = 7 * 24 * time.Hour
	maxDraftBody  = 100_000
	maxDraftBytes = 128 << 10
)

// draft is one saved reply draft.
type draft struct {
	Body    string    `json:"body"`
	Kind    string    `json:"kind,omitempty"`
	SavedAt time.Time `json:"saved_at,omitzero"`
}

func init() {
	routeRoles["GET /enquiries/{ref}/draft"] = config.RoleOfficer
	routeRoles["PUT /enquiries/{ref}/draft"] = config.RoleOfficer
	routeRoles["DELETE /enquiries/{ref}/draft"] = config.RoleOfficer
}

func (s *Server) registerDrafts(mux *http.ServeMux) {
	mux.HandleFunc("GET /enquiries/{ref}/draft", s.getDraft)
	mux.HandleFunc("PUT /enquiries/{ref}/draft", s.putDraft)
	mux.HandleFunc("DELETE /enquiries/{ref}/draft", s.deleteDraft)
}

// draftKey is the Redis key of a user's draft on an enquiry.
func (s *Server) draftKey(user, ref string) string {
	return s.keys.Key("web:draft:" + user + ":" + ref)
}

// draftEnquiry checks the {ref} of a draft request names an enquiry; it
// answers the request itself when not.
func (s *Server) draftEnquiry(w http.ResponseWriter, r *http.Request) (string, bool) {
	ref := r.PathValue("ref")
	if _, err := s.readEnquiry(r.Context(), ref); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			writeError(w, http.StatusNotFound, "no enquiry "+ref)
		} else {
			s.log.Error("draft: read enquiry", "ref", ref, "err", err)
			writeError(w, http.StatusInternalServerError, "internal error; see the server log")
		}
		return "", false
	}
	return ref, true
}

// loadDraft reads a user's draft (the zero draft when none).
func (s *Server) loadDraft(ctx context.Context, user, ref string) (draft, error) {
	var d draft
	b, err := s.keys.Client().Get(ctx, s.draftKey(user, ref)).Bytes()
	if errors.Is(err, redis.Nil) {
		return d, nil
	}
	if err != nil {
		return d, fmt.Errorf("read draft of %s on %s: %w", user, ref, err)
	}
	if err := json.Unmarshal(b, &d); err != nil {
		return draft{}, fmt.Errorf("draft of %s on %s is unreadable: %w", user, ref, err)
	}
	return d, nil
}

// dropDraft forgets a user's draft on an enquiry (after the reply went).
func (s *Server) dropDraft(ctx context.Context, user, ref string) {
	if err := s.keys.Client().Del(ctx, s.draftKey(user, ref)).Err(); err != nil {
		s.log.Warn("draft: delete", "user", user, "ref", ref, "err", err)
	}
}

// getDraft is GET /enquiries/{ref}/draft: the signed-in user's draft, or
// an empty one.
func (s *Server) getDraft(w http.ResponseWriter, r *http.Request) {
	ref, ok := s.draftEnquiry(w, r)
	if !ok {
		return
	}
	u := CurrentUser(r.Context())
	d, err := s.loadDraft(r.Context(), u.ID, ref)
	if err != nil {
		s.log.Error("draft", "err", err)
		writeError(w, http.StatusInternalServerError, "internal error; see the server log")
		return
	}
	writeJSON(w, http.StatusOK, d)
}

// putDraft is PUT /enquiries/{ref}/draft with {"body": …, "kind": …}: it
// saves the draft for draftTTL (an empty body deletes it).
func (s *Server) putDraft(w http.ResponseWriter, r *http.Request) {
	ref, ok := s.draftEnquiry(w, r)
	if !ok {
		return
	}
	u := CurrentUser(r.Context())
	var in struct {
		Body string `json:"body"`
		Kind string `json:"kind"`
	}
	if err := jsonbody.Decode(w, r, &in, jsonbody.Options{Limit: maxDraftBytes}); err != nil {
		var je *jsonbody.Error
		if errors.As(err, &je) {
			writeError(w, je.Status, je.Msg)
			return
		}
		writeError(w, http.StatusBadRequest, "unreadable body")
		return
	}
	switch {
	case len(in.Body) > maxDraftBody:
		writeError(w, http.StatusRequestEntityTooLarge, "the draft is longer than 100,000 bytes, the longest reply the desk sends")
		return
	case !utf8.ValidString(in.Body):
		writeError(w, http.StatusBadRequest, "the draft is not valid UTF-8")
		return
	case in.Kind != "" && in.Kind != string(store.Holding) && in.Kind != string(store.Substantive):
		writeError(w, http.StatusBadRequest, `kind must be "holding" or "substantive"`)
		return
	}
	ctx := r.Context()
	if in.Body == "" {
		s.dropDraft(ctx, u.ID, ref)
		writeJSON(w, http.StatusOK, draft{})
		return
	}
	d := draft{Body: in.Body, Kind: in.Kind, SavedAt: s.clock.Now().UTC()}
	b, _ := json.Marshal(d)
	if err := s.keys.Client().Set(ctx, s.draftKey(u.ID, ref), b, draftTTL).Err(); err != nil {
		s.log.Error("draft: save", "user", u.ID, "ref", ref, "err", err)
		writeError(w, http.StatusInternalServerError, "the draft was not saved; see the server log")
		return
	}
	writeJSON(w, http.StatusOK, d)
}

// deleteDraft is DELETE /enquiries/{ref}/draft.
func (s *Server) deleteDraft(w http.ResponseWriter, r *http.Request) {
	ref, ok := s.draftEnquiry(w, r)
	if !ok {
		return
	}
	s.dropDraft(r.Context(), CurrentUser(r.Context()).ID, ref)
	w.WriteHeader(http.StatusNoContent)
}
