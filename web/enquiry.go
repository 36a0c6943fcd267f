package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/outbound"
	"github.com/mediadesk/mediadesk/routing"
	"github.com/mediadesk/mediadesk/store"
)

// messageView is a message as the thread shows it.
type messageView struct {
	store.Message
	// Doc is the sanitised HTML part as a whole document for srcdoc ("" when
	// the message has no HTML part).
	Doc string
	// SentBy names the officer who sent a desk reply ("" when unknown
	// or automatic), from the response record on the timeline.
	SentBy string
}

// assignee is one officer Reassign offers: officers and managers, not
// admin-only accounts; OnShift marks who is on a shift now.
type assignee struct {
	ID, Name string
	Role     config.Role
	OnShift  bool
}

// assignees lists who an enquiry can be given to, on-shift first.
func (s *Server) assignees(now time.Time) []assignee {
	on := map[string]bool{}
	if r := s.rota(); r != nil {
		for _, a := range r.Active(now) {
			for _, id := range a.Shift.Officers {
				on[id] = true
			}
		}
	}
	var out []assignee
	for _, o := range s.cfg.Officers {
		if o.Role == config.RoleAdmin {
			continue
		}
		out = append(out, assignee{ID: o.ID, Name: o.Name, Role: o.Role, OnShift: on[o.ID]})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].OnShift && !out[j].OnShift })
	return out
}

// splitTimeline keeps what people did in the timeline and folds the rest
// (ingest, clocks, outbox: by "system", a mail address or nobody).
func (s *Server) splitTimeline(tl []store.Event) (people, system []store.Event) {
	for _, ev := range tl {
		if ev.By != "" && s.cfg.Officer(ev.By) != nil {
			people = append(people, ev)
		} else {
			system = append(system, ev)
		}
	}
	return people, system
}

// sentBy maps a desk message's key to the officer who sent it, from the
// timeline's response and own-message records.
func (s *Server) sentBy(tl []store.Event) map[string]string {
	out := map[string]string{}
	for _, ev := range tl {
		mkey, _ := ev.Data["mkey"].(string)
		if mkey == "" || ev.By == "" || s.cfg.Officer(ev.By) == nil {
			continue
		}
		out[mkey] = ownerName(s.cfg, ev.By)
	}
	return out
}

type enquiryData struct {
	E      *store.Enquiry
	Clocks []clockView
	// Ack is the automatic acknowledgement, a fact of its own.
	Ack      ackFact
	Messages []messageView
	Timeline []store.Event
	// SystemEvents are the timeline's entries by nobody in particular,
	// folded under the people's.
	SystemEvents []store.Event
	Release      *routing.Release
	Officers     []config.Officer
	Assignees    []assignee
	Can          map[string]bool
	// Mine says the enquiry is the user's.
	Mine bool
	// ReplyOn says replies can be sent from here; ReplyID makes a
	// double-clicked send go once.
	ReplyOn bool
	ReplyID string
	Sandbox string
	// Form values kept after a refused action.
	Note, Body, Kind string
	// Collision says the reply was refused because someone else replied
	// since the form was opened: the button offers to send anyway.
	Collision bool
}

// flashes are the messages after a successful action (?done=code); codes,
// not text, travel in the URL, so nothing can be injected through it.
var flashes = map[string]string{
	"claimed":  "You claimed this enquiry.",
	"assigned": "Reassigned.",
	"noted":    "Note added.",
	"replied":  "Reply queued: it is sent and recorded on the timeline once the mail server accepts it.",
	"waiting":  "Waiting on the journalist: the resolution clock is paused.",
	"resumed":  "Resolution clock resumed.",
	"resolved": "Resolved.",
	"reopened": "Reopened.",
	"noop":     "Nothing to change: it was already so.",
	"saved":    "Saved.",
}

func (s *Server) readEnquiry(ctx context.Context, ref string) (*store.Enquiry, error) {
	if !validRef.MatchString(ref) {
		return nil, store.ErrNotFound
	}
	return s.st.Enquiry(ctx, ref)
}

func (s *Server) enquiryPage(w http.ResponseWriter, r *http.Request) {
	ref := r.PathValue("ref")
	e, err := s.readEnquiry(r.Context(), ref)
	if errors.Is(err, store.ErrNotFound) {
		s.errorPage(w, r, http.StatusNotFound, "no enquiry "+ref)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var fl *flash
	if t, ok := flashes[r.URL.Query().Get("done")]; ok {
		fl = &flash{Text: t}
	}
	s.showEnquiry(w, r, http.StatusOK, e, fl, enquiryData{})
}

// showEnquiry renders the enquiry page; form carries text to keep in the
// note and reply boxes after a refused action.
func (s *Server) showEnquiry(w http.ResponseWriter, r *http.Request, status int, e *store.Enquiry, fl *flash, form enquiryData) {
	ctx := r.Context()
	u := CurrentUser(ctx)
	msgs, err := s.st.Messages(ctx, e.Ref)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	tl, err := s.st.Timeline(ctx, e.Ref)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := enquiryData{
		E: e, Clocks: s.clockViews(e, s.clock.Now()), Ack: ackFactOf(tl, s.autoAckMeets(e.Policy)), Timeline: tl, Officers: s.cfg.Officers,
		Can: map[string]bool{}, Mine: e.Officer == u.ID, ReplyOn: s.o.Replies != nil, ReplyID: randomToken(12),
		Sandbox: sandbox, Note: form.Note, Body: form.Body, Kind: form.Kind,
		Collision: form.Collision,
	}
	if d.Kind == "" {
		d.Kind = string(store.Holding)
		if e.Fields["acknowledge:met"] != "" {
			d.Kind = string(store.Substantive)
		}
	}
	for _, a := range []Action{ActNote, ActClaim, ActAssign, ActReply, ActWaiting, ActResolve, ActReopen} {
		d.Can[string(a)] = u.Can(a, e)
	}
	d.Timeline, d.SystemEvents = s.splitTimeline(tl)
	d.Assignees = s.assignees(s.clock.Now())
	by := s.sentBy(tl)
	for _, m := range msgs {
		v := messageView{Message: m, Doc: s.sanitiseHTML(m.HTML)}
		if m.Direction == "out" {
			v.SentBy = by[m.Key]
		}
		d.Messages = append(d.Messages, v)
	}
	if e.Release != "" {
		if rel, ok, err := s.releases.Get(ctx, e.Release); err != nil {
			s.log.Warn("read release", "release", e.Release, "err", err)
		} else if ok {
			// Only approved, unexpired lines are offered (releases/linestate.go).
			if rel.LinesToTake, err = s.releases.SendableLines(ctx, rel.ID, s.clock.Now()); err != nil {
				s.log.Warn("read line states", "release", e.Release, "err", err)
			}
			d.Release = &rel
		}
	}
	s.render(w, r, status, "enquiry", &page{Title: e.Ref, Nav: "queues", Live: "enquiry", Ref: e.Ref, Flash: fl, Data: d})
}

// enquiryAction runs one officer action from the enquiry page's forms
// (the CSRF token was checked by Protect), then redirects back with a
// done code, or shows the page again with what went wrong.
func (s *Server) enquiryAction(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u := CurrentUser(ctx)
	ref := r.PathValue("ref")
	action := Action(r.PathValue("action"))
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	if err := r.ParseForm(); err != nil {
		s.errorPage(w, r, http.StatusBadRequest, "unreadable form")
		return
	}
	e, err := s.readEnquiry(ctx, ref)
	if errors.Is(err, store.ErrNotFound) {
		s.errorPage(w, r, http.StatusNotFound, "no enquiry "+ref)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	switch action {
	case ActClaim, ActAssign, ActNote, ActReply, ActWaiting, ActResolve, ActReopen:
	default:
		s.errorPage(w, r, http.StatusNotFound, "no such action")
		return
	}
	if !u.Can(action, e) {
		s.errorPage(w, r, http.StatusForbidden, "only "+ownerName(s.cfg, e.Officer)+" (who has this enquiry) or a manager may do that; claim it first")
		return
	}
	f := r.PostForm
	form := enquiryData{Note: f.Get("text"), Body: f.Get("body"), Kind: f.Get("kind")}
	if action == ActReply { // someone else replied since the form was opened (presence.go)
		if msg, err := s.replyCollision(ctx, u, ref, f); err != nil {
			s.fail(w, r, err)
			return
		} else if msg != "" {
			form.Collision = true
			s.showEnquiry(w, r, http.StatusConflict, e, &flash{Error: true, Text: msg}, form)
			return
		}
	}
	done, err := s.act(ctx, u, e, action, f)
	if err != nil {
		status, msg := actionError(err)
		if status == http.StatusInternalServerError {
			s.log.Error("enquiry action", "ref", ref, "action", action, "user", u.ID, "err", err)
		}
		if e2, rerr := s.st.Enquiry(ctx, ref); rerr == nil {
			e = e2
		}
		s.showEnquiry(w, r, status, e, &flash{Error: true, Text: msg}, form)
		return
	}
	s.log.Info("enquiry action", "ref", ref, "action", action, "user", u.ID)
	if action == ActReply {
		s.dropDraft(ctx, u.ID, ref) // sent: the draft is done with (drafts.go)
	}
	http.Redirect(w, r, "/enquiries/"+url.PathEscape(ref)+"?done="+done, http.StatusSeeOther)
}

// badInput is an action refused because of what was typed.
type badInput string

func (b badInput) Error() string { return string(b) }

// actionError maps an action's error to a status and a message for the
// officer.
func actionError(err error) (int, string) {
	var bad badInput
	switch {
	case errors.As(err, &bad):
		return http.StatusBadRequest, string(bad)
	case errors.Is(err, outbound.ErrBadRequest):
		return http.StatusBadRequest, "Not sent: " + strings.TrimPrefix(err.Error(), outbound.ErrBadRequest.Error()+": ")
	case errors.Is(err, store.ErrConflict):
		return http.StatusConflict, "Someone got there first: " + strings.TrimSuffix(err.Error(), ": "+store.ErrConflict.Error()) + ". Nothing was changed."
	case errors.Is(err, store.ErrRefused):
		return http.StatusConflict, "Refused: " + strings.TrimSuffix(err.Error(), ": "+store.ErrRefused.Error()) + "."
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound, "No such enquiry."
	}
	return http.StatusInternalServerError, "Something went wrong; the server log has the details."
}

func ownerName(cfg *config.Config, id string) string {
	if o := cfg.Officer(id); o != nil {
		return o.Name
	}
	if id == "" {
		return "the owner"
	}
	return id
}

// act does one action as u; it is shared by the pages and the JSON API.
// It returns the done code for the flash.
func (s *Server) act(ctx context.Context, u *User, e *store.Enquiry, action Action, f url.Values) (string, error) {
	ref := e.Ref
	var res store.Result
	var err error
	code := string(action)
	switch action {
	case ActClaim:
		if e.Officer == u.ID {
			return "noop", nil // a double click
		}
		expect := strings.TrimSpace(f.Get("expect"))
		switch {
		case expect == "" && e.Officer == "":
			expect = store.Unassigned // a claim of what nobody holds, atomically
		case expect == "" && e.Officer != u.ID:
			// Taking over from someone needs the confirmed owner in expect.
			return "", fmt.Errorf("enquiry %s is now assigned to %s: %w", ref, e.Officer, store.ErrConflict)
		}
		res, err = s.st.Assign(ctx, ref, u.ID, u.ID, expect, "claimed on the dashboard")
		code = "claimed"
	case ActAssign:
		to := strings.TrimSpace(f.Get("to"))
		if s.cfg.Officer(to) == nil {
			return "", badInput("Choose an officer to reassign to.")
		}
		expect := strings.TrimSpace(f.Get("expect"))
		if expect == "" {
			expect = e.Officer
			if expect == "" {
				expect = store.Unassigned
			}
		}
		reason := strings.TrimSpace(f.Get("reason"))
		if len(reason) > 500 {
			return "", badInput("The reason is longer than 500 characters.")
		}
		res, err = s.st.Assign(ctx, ref, to, u.ID, expect, reason)
		code = "assigned"
		if to == u.ID {
			code = "claimed"
		}
	case ActNote:
		text := strings.TrimSpace(f.Get("text"))
		if text == "" {
			return "", badInput("The note is empty.")
		}
		if len(text) > 20_000 {
			return "", badInput("The note is longer than 20,000 characters.")
		}
		res, err = s.st.AddNote(ctx, ref, u.ID, text)
		code = "noted"
	case ActReply:
		if s.o.Replies == nil {
			return "", badInput("Replying from the dashboard is not available on this desk.")
		}
		_, err = s.o.Replies.Reply(ctx, ref, outbound.ReplyRequest{
			Body: f.Get("body"), Kind: f.Get("kind"), UseLinesToTake: f.Get("use_lines") == "1",
			By: u.ID, ID: f.Get("reply_id"),
		})
		res.Changed = true
		code = "replied"
	case ActWaiting:
		on := f.Get("on") != "0"
		res, err = s.st.SetWaiting(ctx, ref, u.ID, on, s.cfg.SLA.WarnBefore)
		code = "waiting"
		if !on {
			code = "resumed"
		}
	case ActResolve:
		res, err = s.st.Resolve(ctx, ref, u.ID, strings.TrimSpace(f.Get("note")))
		code = "resolved"
	case ActReopen:
		res, err = s.st.Reopen(ctx, ref, u.ID, strings.TrimSpace(f.Get("note")), s.cfg.SLA.WarnBefore)
		code = "reopened"
	default:
		return "", badInput("no such action")
	}
	if err != nil {
		return "", err
	}
	if !res.Changed {
		return "noop", nil
	}
	return code, nil
}

// ackFact is what became of the automatic acknowledgement of an enquiry,
// read from its timeline.
type ackFact struct {
	// State is "sent", "suppressed", "failed" or "" (none recorded yet).
	State string
	At    time.Time
	// Detail is who it went to ("sent"), or why not.
	Detail string
	// MeetsHolding says the enquiry's policy lets it meet the
	// holding-reply clock (sla.policies[].auto_ack_meets_holding).
	MeetsHolding bool
}

// ackFactOf finds the automatic acknowledgement on a timeline: the sent
// message (type acknowledgement), or its suppression or failure.
func ackFactOf(tl []store.Event, meets bool) ackFact {
	f := ackFact{MeetsHolding: meets}
	for _, ev := range tl {
		switch {
		case ev.Type == outbound.KindAck:
			f.State, f.At, f.Detail = "sent", ev.At, strings.TrimPrefix(ev.Text, "acknowledgement ")
		case (ev.Type == "outbound.suppressed" || ev.Type == "outbound.failed") && ev.Data["kind"] == outbound.KindAck && f.State != "sent":
			f.State, f.At = strings.TrimPrefix(ev.Type, "outbound."), ev.At
			if d, ok := ev.Data["detail"].(string); ok && d != "" {
				f.Detail = d
			} else {
				f.Detail = ev.Text
			}
		}
	}
	return f
}

// autoAckMeets reports whether the policy lets the automatic
// acknowledgement meet the holding-reply clock.
func (s *Server) autoAckMeets(policy string) bool {
	for i := range s.cfg.SLA.Policies {
		if p := &s.cfg.SLA.Policies[i]; p.ID == policy {
			return p.AutoAckMeetsHolding
		}
	}
	return false
}
