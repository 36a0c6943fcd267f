package web

// Presence and collisions: who else has an enquiry open ("Ann is
// viewing", "Ann is drafting a reply"), what a change the live stream
// reports was, and whether someone else replied since a reply form was
// opened.
//
// Presence is a sorted set per enquiry in Redis, a member per user scored
// by the time (ms) the entry expires, and a hash beside it with each
// user's state. drafts.js sends a heartbeat every presenceEvery while the
// page is open; an entry not refreshed within presenceTTL is dropped when
// the set is next read. The heartbeat's answer lists the others there,
// so presence shows on every open page within one heartbeat; and a
// heartbeat that is news (someone arrives, or starts drafting) is sent at
// once to the pages open on this server over the live stream (GET
// /events, event "presence"), which then ask again.

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/jsonbody"
	"github.com/mediadesk/mediadesk/store"
)

// Presence timing: a heartbeat every 15 s, an entry gone after 45 s
// without one (variables so tests can shorten them).
var (
	presenceEvery = 15 * time.Second
	presenceTTL   = 45 * time.Second
)

// presenceEvent is the live event type that says presence on an
// enquiry changed (sent as SSE event "presence").
const presenceEvent = "presence"

// Presence states.
const (
	presenceViewing  = "viewing"
	presenceDrafting = "drafting"
	// presenceLeft is sent as the page closes: the entry goes at once.
	presenceLeft = "left"
)

// presentUser is someone else with the enquiry open.
type presentUser struct {
	User  string `json:"user"`
	Name  string `json:"name"`
	State string `json:"state"`
	// Text is the sentence to show: "Ann Officer is drafting a reply".
	Text string `json:"text"`
}

type presenceAnswer struct {
	Others []presentUser `json:"others"`
	// EveryMs is how often to send the heartbeat.
	EveryMs int64 `json:"every_ms"`
}

func init() {
	routeRoles["POST /enquiries/{ref}/presence"] = config.RoleOfficer
}

func (s *Server) registerPresence(mux *http.ServeMux) {
	mux.HandleFunc("POST /enquiries/{ref}/presence", s.presence)
}

func (s *Server) presenceKey(ref string) string { return s.keys.Key("web:presence:" + ref) }

// heartbeat records that user has ref open in state, until now+presenceTTL.
// It reports whether that is news: the user was not there, or was in
// another state.
func (s *Server) heartbeat(ctx context.Context, ref, user, state string, now time.Time) (bool, error) {
	key := s.presenceKey(ref)
	exp := now.Add(presenceTTL).UnixMilli()
	p := s.keys.Client().TxPipeline()
	added := p.ZAdd(ctx, key, redis.Z{Score: float64(exp), Member: user})
	old := p.HGet(ctx, key+":state", user)
	p.HSet(ctx, key+":state", user, state)
	// The keys outlive their newest entry a little, then go.
	p.PExpire(ctx, key, 2*presenceTTL)
	p.PExpire(ctx, key+":state", 2*presenceTTL)
	if _, err := p.Exec(ctx); err != nil && !errors.Is(err, redis.Nil) {
		return false, fmt.Errorf("presence on %s: %w", ref, err)
	}
	return added.Val() == 1 || old.Val() != state, nil
}

// leave removes user's entry on ref (the page was closed).
func (s *Server) leave(ctx context.Context, ref, user string) error {
	key := s.presenceKey(ref)
	p := s.keys.Client().TxPipeline()
	p.ZRem(ctx, key, user)
	p.HDel(ctx, key+":state", user)
	if _, err := p.Exec(ctx); err != nil {
		return fmt.Errorf("presence on %s: %w", ref, err)
	}
	return nil
}

// present lists who has ref open now (expired entries are removed),
// leaving out the user except.
func (s *Server) present(ctx context.Context, ref, except string, now time.Time) ([]presentUser, error) {
	key := s.presenceKey(ref)
	rdb := s.keys.Client()
	nowMs := strconv.FormatInt(now.UnixMilli(), 10)
	gone, err := rdb.ZRangeByScore(ctx, key, &redis.ZRangeBy{Min: "-inf", Max: "(" + nowMs}).Result()
	if err != nil {
		return nil, fmt.Errorf("presence on %s: %w", ref, err)
	}
	if len(gone) > 0 {
		p := rdb.TxPipeline()
		p.ZRemRangeByScore(ctx, key, "-inf", "("+nowMs)
		p.HDel(ctx, key+":state", gone...)
		if _, err := p.Exec(ctx); err != nil {
			return nil, fmt.Errorf("presence on %s: %w", ref, err)
		}
	}
	users, err := rdb.ZRangeByScore(ctx, key, &redis.ZRangeBy{Min: nowMs, Max: "+inf"}).Result()
	if err != nil {
		return nil, fmt.Errorf("presence on %s: %w", ref, err)
	}
	var states map[string]string
	if len(users) > 0 {
		if states, err = rdb.HGetAll(ctx, key+":state").Result(); err != nil && !errors.Is(err, redis.Nil) {
			return nil, fmt.Errorf("presence on %s: %w", ref, err)
		}
	}
	out := []presentUser{}
	for _, id := range users {
		if id == except {
			continue
		}
		st := states[id]
		if st != presenceDrafting {
			st = presenceViewing
		}
		p := presentUser{User: id, Name: ownerName(s.cfg, id), State: st}
		p.Text = p.Name + " is viewing"
		if st == presenceDrafting {
			p.Text = p.Name + " is drafting a reply"
		}
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// presence is POST /enquiries/{ref}/presence with {"state": "viewing" or
// "drafting"}: the heartbeat. It answers with the others present. "left"
// (sent as the page closes) removes the user's entry at once (204).
func (s *Server) presence(w http.ResponseWriter, r *http.Request) {
	ref := r.PathValue("ref")
	if _, err := s.readEnquiry(r.Context(), ref); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			writeError(w, http.StatusNotFound, "no enquiry "+ref)
			return
		}
		s.log.Error("presence: read enquiry", "ref", ref, "err", err)
		writeError(w, http.StatusInternalServerError, "internal error; see the server log")
		return
	}
	var in struct {
		State string `json:"state"`
	}
	if err := jsonbody.Decode(w, r, &in, jsonbody.Options{Limit: 1 << 10}); err != nil {
		var je *jsonbody.Error
		if errors.As(err, &je) {
			writeError(w, je.Status, je.Msg)
			return
		}
		writeError(w, http.StatusBadRequest, "unreadable body")
		return
	}
	u := CurrentUser(r.Context())
	now := s.clock.Now()
	switch in.State {
	case presenceViewing, presenceDrafting:
	case presenceLeft:
		if err := s.leave(r.Context(), ref, u.ID); err != nil {
			s.log.Error("presence", "err", err)
			writeError(w, http.StatusInternalServerError, "internal error; see the server log")
			return
		}
		s.hub.publish(liveEvent{Type: presenceEvent, Ref: ref})
		w.WriteHeader(http.StatusNoContent)
		return
	default:
		writeError(w, http.StatusBadRequest, `state must be "viewing", "drafting" or "left"`)
		return
	}
	news, err := s.heartbeat(r.Context(), ref, u.ID, in.State, now)
	if err != nil {
		s.log.Error("presence", "err", err)
		writeError(w, http.StatusInternalServerError, "internal error; see the server log")
		return
	}
	if news {
		// Pages open on this server hear it at once on the live stream
		// (an SSE "presence" event, not a "change"); the others at their
		// next heartbeat.
		s.hub.publish(liveEvent{Type: presenceEvent, Ref: ref})
	}
	others, err := s.present(r.Context(), ref, u.ID, now)
	if err != nil {
		s.log.Error("presence", "err", err)
		writeError(w, http.StatusInternalServerError, "internal error; see the server log")
		return
	}
	writeJSON(w, http.StatusOK, presenceAnswer{Others: others, EveryMs: presenceEvery.Milliseconds()})
}

// replyCollision says who replied to ref, other than u, after the reply
// form was opened (the form's "opened" field, ms since the epoch); "" when
// nobody did, the form says nothing, or it asks to send anyway.
func (s *Server) replyCollision(ctx context.Context, u *User, ref string, f url.Values) (string, error) {
	if f.Get("send_anyway") == "1" {
		return "", nil
	}
	ms, err := strconv.ParseInt(strings.TrimSpace(f.Get("opened")), 10, 64)
	if err != nil || ms <= 0 {
		return "", nil
	}
	opened := time.UnixMilli(ms)
	tl, err := s.st.Timeline(ctx, ref)
	if err != nil {
		return "", err
	}
	var who []string
	seen := map[string]bool{}
	var last time.Time
	for _, ev := range tl {
		if ev.Type != "response" || !ev.At.After(opened) || ev.By == u.ID || ev.By == "" || ev.By == "system" {
			continue
		}
		if !seen[ev.By] {
			seen[ev.By] = true
			who = append(who, ownerName(s.cfg, ev.By))
		}
		last = ev.At
	}
	if len(who) == 0 {
		return "", nil
	}
	verb := "has replied"
	if len(who) > 1 {
		verb = "have replied"
	}
	return fmt.Sprintf("Not sent: %s %s to the journalist since you opened this enquiry (last at %s). Read the reply under Messages; your text is kept below. Press “Send anyway” to send it as well.",
		strings.Join(who, " and "), verb, last.In(s.cfg.Location).Format("15:04")), nil
}

// changeText says in words what a live event was, for the "This enquiry
// has changed" banner ("note added by Ann Officer"), from the event's
// type and its data (by, to, clock).
func (s *Server) changeText(typ string, data map[string]any) string {
	str := func(k string) string { v, _ := data[k].(string); return v }
	by, to := str("by"), str("to")
	clk := "a clock"
	if c := str("clock"); c != "" {
		clk = "the " + strings.ToLower(clockName(c)) + " clock"
	}
	name := func(id string) string {
		if id == "" {
			return "someone"
		}
		if id == "system" {
			return "the desk"
		}
		return ownerName(s.cfg, id)
	}
	switch typ {
	case "note.added":
		return "note added by " + name(by)
	case "response.recorded":
		return "reply sent by " + name(by)
	case "enquiry.assigned":
		if to == by && by != "" {
			return "claimed by " + name(by)
		}
		return "assigned to " + name(to) + " by " + name(by)
	case "enquiry.resolved":
		return "resolved by " + name(by)
	case "enquiry.reopened":
		return "reopened by " + name(by)
	case "enquiry.waiting":
		return "set waiting on the journalist by " + name(by)
	case "enquiry.resumed":
		return "clock resumed by " + name(by)
	case "enquiry.followup", "enquiry.created":
		return "new message from the journalist"
	case "message.automatic":
		return "automatic reply received"
	case "clock.met":
		return clk + " was met"
	case "clock.warned":
		return clk + " is about to breach"
	case "clock.breached":
		return clk + " breached"
	case "clock.escalated":
		return clk + " breach was escalated to the manager"
	case "outbound.sent":
		return "mail sent"
	case "outbound.failed":
		return "mail failed to send"
	case "outbound.suppressed":
		return "mail held back"
	}
	if strings.HasPrefix(typ, "clock.") {
		return clk + " " + strings.TrimPrefix(typ, "clock.")
	}
	return strings.ReplaceAll(typ, ".", " ")
}
