package web

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/mail"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/mailparse"
	"github.com/mediadesk/mediadesk/sla/plan"
	"github.com/mediadesk/mediadesk/store"
)

// Logging a call: an enquiry that came by phone (or by hand) is committed
// through the same path as mail. The call becomes a synthetic message
// (store.CallSource gives it a mailbox pointer in the pseudo-mailbox
// "phone"), is routed by the ingest's router (topic, release, officer
// against the live load, SLA plan), and committed by store.Commit — the
// only writer of enquiries — so it is clocked, indexed, evented, counted
// in the reports and exported exactly like mail, with channel "phone".

// CallRouter routes a logged call like the ingest routes mail
// (inbox.Router without Own; app.Router satisfies it).
type CallRouter interface {
	Officers() []string
	Route(in *store.Incoming)
	Assign(in *store.Incoming, load *store.Load)
}

// CallRequest is a call to log (the form's fields; the API's JSON body).
type CallRequest struct {
	Name     string `json:"name"`
	Email    string `json:"email"`
	Phone    string `json:"phone"`
	Outlet   string `json:"outlet"`
	Channel  string `json:"channel"` // "phone" (default) or "email"
	Question string `json:"question"`
	// Deadline is the journalist's deadline: RFC 3339, or
	// "2006-01-02T15:04" in the desk's zone (a datetime-local field).
	Deadline string `json:"deadline"`
	// SendAck asks for the automatic acknowledgement by mail (needs
	// Email). Without it nothing is mailed to the journalist.
	SendAck bool `json:"send_ack"`
	// Nonce identifies one submission: the same nonce logs one enquiry
	// however often it is sent.
	Nonce string `json:"nonce"`
}

// CallResult is what logging a call did.
type CallResult struct {
	Ref string `json:"ref"`
	// Created is false when the nonce had logged the call before.
	Created bool `json:"created"`
	// Kind is the commit's outcome ("enquiry", "dup-source", "followup").
	Kind string `json:"kind"`
}

const (
	maxCallQuestion = 20000
	maxCallField    = 200
)

func init() {
	routeRoles["GET /calls/new"] = config.RoleOfficer
	routeRoles["POST /calls"] = config.RoleOfficer
	routeRoles["POST /api/calls"] = config.RoleOfficer
}

func (s *Server) registerCalls(mux *http.ServeMux) {
	mux.HandleFunc("GET /calls/new", s.callPage)
	mux.HandleFunc("POST /calls", s.callForm)
	mux.HandleFunc("POST /api/calls", s.callAPI)
	// Search is registered with the calls (the duty officer's other
	// desk-wide tool) so that Register needs no further line.
	s.registerSearch(mux)
}

// newNonce is a fresh form nonce.
func newNonce() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

type callData struct {
	Form  CallRequest
	Ready bool // calls can be logged (a router is wired)
}

func (s *Server) callPage(w http.ResponseWriter, r *http.Request) {
	s.showCall(w, r, http.StatusOK, CallRequest{Nonce: newNonce(), Channel: store.ChannelPhone}, nil)
}

func (s *Server) showCall(w http.ResponseWriter, r *http.Request, status int, f CallRequest, fl *flash) {
	s.render(w, r, status, "call", &page{Title: "Log a call", Nav: "calls", Flash: fl,
		Data: callData{Form: f, Ready: s.o.Calls != nil}})
}

// callForm logs a call from the dashboard form (CSRF and role checked by
// Protect) and shows the new enquiry.
func (s *Server) callForm(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	if err := r.ParseForm(); err != nil {
		s.errorPage(w, r, http.StatusBadRequest, "unreadable form")
		return
	}
	f := r.PostForm
	req := CallRequest{Name: f.Get("name"), Email: f.Get("email"), Phone: f.Get("phone"), Outlet: f.Get("outlet"),
		Channel: f.Get("channel"), Question: f.Get("question"), Deadline: f.Get("deadline"),
		SendAck: f.Get("send_ack") != "", Nonce: f.Get("nonce")}
	u := CurrentUser(r.Context())
	res, err := s.LogCall(r.Context(), u, req)
	if err != nil {
		status, msg := callError(err)
		if status == http.StatusInternalServerError {
			s.log.Error("log a call", "user", u.ID, "err", err)
		}
		s.showCall(w, r, status, req, &flash{Error: true, Text: msg})
		return
	}
	http.Redirect(w, r, "/enquiries/"+url.PathEscape(res.Ref)+"?done=call", http.StatusSeeOther)
}

// callAPI is POST /api/calls: the same with a strict JSON body.
func (s *Server) callAPI(w http.ResponseWriter, r *http.Request) {
	var req CallRequest
	if !readJSON(w, r, &req, false) {
		return
	}
	u := CurrentUser(r.Context())
	res, err := s.LogCall(r.Context(), u, req)
	if err != nil {
		status, msg := callError(err)
		if status == http.StatusInternalServerError {
			s.log.Error("log a call", "user", u.ID, "err", err)
		}
		writeError(w, status, msg)
		return
	}
	status := http.StatusCreated
	if !res.Created {
		status = http.StatusOK
	}
	writeJSON(w, status, res)
}

func callError(err error) (int, string) {
	var bad badInput
	if errors.As(err, &bad) {
		return http.StatusBadRequest, string(bad)
	}
	if errors.Is(err, errCallsOff) {
		return http.StatusServiceUnavailable, err.Error()
	}
	return http.StatusInternalServerError, "internal error; see the server log"
}

var errCallsOff = errors.New("logging calls is not available: this server has no router")

// call is a validated CallRequest.
type call struct {
	CallRequest
	deadline time.Time
}

// validate checks and normalises a request.
func (s *Server) validateCall(req CallRequest, now time.Time) (call, error) {
	c := call{CallRequest: req}
	trim := func(p *string) { *p = strings.TrimSpace(*p) }
	trim(&c.Name)
	trim(&c.Email)
	trim(&c.Phone)
	trim(&c.Outlet)
	trim(&c.Deadline)
	trim(&c.Nonce)
	c.Question = strings.TrimSpace(strings.ReplaceAll(c.Question, "\r\n", "\n"))
	for _, f := range []struct{ name, v string }{{"name", c.Name}, {"email", c.Email}, {"phone", c.Phone}, {"outlet", c.Outlet}} {
		if len(f.v) > maxCallField {
			return c, badInput(fmt.Sprintf("%s is longer than %d bytes", f.name, maxCallField))
		}
		if !utf8.ValidString(f.v) || strings.ContainsFunc(f.v, unicode.IsControl) {
			return c, badInput(f.name + " contains control characters")
		}
	}
	switch {
	case c.Nonce == "" || len(c.Nonce) > 100:
		return c, badInput("the form has no nonce; reload it and try again")
	case c.Question == "":
		return c, badInput("write down the journalist's question")
	case len(c.Question) > maxCallQuestion || !utf8.ValidString(c.Question):
		return c, badInput(fmt.Sprintf("the question must be UTF-8 text of at most %d bytes", maxCallQuestion))
	case c.Email == "" && c.Phone == "":
		return c, badInput("give the journalist's email address or phone number")
	case c.SendAck && c.Email == "":
		return c, badInput("an acknowledgement needs the journalist's email address")
	}
	if c.Channel == "" {
		c.Channel = store.ChannelPhone
	}
	if c.Channel != store.ChannelPhone && c.Channel != "email" {
		return c, badInput(`channel must be "phone" or "email"`)
	}
	if c.Email != "" {
		a, err := mail.ParseAddress(c.Email)
		if err != nil || a.Name != "" || !strings.Contains(a.Address, "@") {
			return c, badInput("the email address is not valid: " + c.Email)
		}
		c.Email = strings.ToLower(a.Address)
		if s.cfg.IsOwnAddress(c.Email) {
			return c, badInput("that is the desk's own address, not the journalist's")
		}
	}
	if c.Phone != "" && strings.ContainsFunc(c.Phone, func(r rune) bool {
		return !unicode.IsDigit(r) && !strings.ContainsRune("+()-. /x", r)
	}) {
		return c, badInput("the phone number may contain digits, spaces and + ( ) - . / x only")
	}
	if c.Deadline != "" {
		t, err := time.Parse(time.RFC3339, c.Deadline)
		if err != nil {
			t, err = time.ParseInLocation("2006-01-02T15:04", c.Deadline, s.cfg.Location)
		}
		if err != nil {
			return c, badInput("the deadline is not a date and time: " + c.Deadline)
		}
		if !t.After(now) {
			return c, badInput("the deadline has already passed")
		}
		c.deadline = t
	}
	return c, nil
}

// LogCall logs a call as user u: the enquiry it opened (or, for a nonce
// seen before, the one it opened then).
func (s *Server) LogCall(ctx context.Context, u *User, req CallRequest) (CallResult, error) {
	now := s.clock.Now()
	c, err := s.validateCall(req, now)
	if err != nil {
		return CallResult{}, err
	}
	if s.o.Calls == nil {
		return CallResult{}, errCallsOff
	}
	src, err := s.st.CallSource(ctx, u.ID+"\x00"+c.Nonce)
	if err != nil {
		return CallResult{}, err
	}
	sum := sha256.Sum256([]byte(u.ID + "\x00" + c.Nonce))
	in := s.callIncoming(c, src, hex.EncodeToString(sum[:6]), now)
	s.o.Calls.Route(&in)
	if in.New == nil {
		return CallResult{}, errors.New("log a call: the router returned no routing")
	}
	s.applyCallFacts(&in, c, now)
	load, err := s.st.Load(ctx, s.o.Calls.Officers())
	if err != nil {
		return CallResult{}, err
	}
	s.o.Calls.Assign(&in, &load)
	n := in.New
	n.Channel = c.Channel
	n.AckRequested = c.SendAck
	contact := strings.TrimSpace(strings.Join([]string{c.Email, c.Phone}, " "))
	n.Timeline = append([]store.Event{{At: now, Type: "call-logged", By: u.ID,
		Text: c.Channel + " enquiry logged by " + u.Name + " (" + contact + ")",
		Data: map[string]any{"channel": c.Channel, "phone": c.Phone, "email": c.Email, "send_ack": c.SendAck}}}, n.Timeline...)
	outs, err := s.st.Commit(ctx, []store.Incoming{in}, store.CommitOptions{WarnBefore: s.cfg.SLA.WarnBefore})
	if err != nil {
		return CallResult{}, err
	}
	o := outs[0]
	switch o.Kind {
	case "enquiry", "followup":
		s.log.Info("call logged", "ref", o.Ref, "kind", o.Kind, "user", u.ID, "channel", c.Channel)
		return CallResult{Ref: o.Ref, Created: true, Kind: o.Kind}, nil
	case "dup-source", "dup-message-id":
		if o.Ref == "" {
			return CallResult{}, fmt.Errorf("call logged before but its enquiry is unknown (%s)", o.Kind)
		}
		return CallResult{Ref: o.Ref, Kind: o.Kind}, nil
	}
	return CallResult{}, fmt.Errorf("log a call: the commit %s it (%s)", o.Kind, o.Detail)
}

// callIncoming is the synthetic message of a call.
func (s *Server) callIncoming(c call, src store.Source, idTag string, now time.Time) store.Incoming {
	first, _, _ := strings.Cut(c.Question, "\n")
	subject := "Phone call"
	if c.Channel != store.ChannelPhone {
		subject = "Logged enquiry"
	}
	if c.Outlet != "" {
		subject += " (" + c.Outlet + ")"
	}
	subject += ": " + clipRunes(strings.TrimSpace(first), 100)
	text := c.Question
	m := &mailparse.Message{
		MessageID:  fmt.Sprintf("call.%d.%s@%s", src.UID, idTag, callDomain(s.cfg)),
		From:       mailparse.Address{Name: c.Name, Addr: c.Email},
		Subject:    subject,
		Date:       now,
		DateSource: mailparse.DateInternal,
		Text:       text,
		NewText:    text,
		Size:       int64(len(text)),
	}
	if c.Email == "" {
		m.From.Addr = ""
	}
	return store.Incoming{Source: src, Received: now, Size: m.Size, Msg: m}
}

// applyCallFacts puts what the officer wrote down over what routing read
// from the text: the outlet (and its tier, from outlets[] by name) and the
// stated deadline, re-planning the clocks with the same planner.
func (s *Server) applyCallFacts(in *store.Incoming, c call, now time.Time) {
	n := in.New
	replan := false
	if c.Outlet != "" && n.Outlet == "" {
		n.Outlet = c.Outlet
		for _, o := range s.cfg.Outlets {
			if strings.EqualFold(o.Name, c.Outlet) {
				n.Outlet, n.OutletTier, replan = o.Name, o.Tier, true
				break
			}
		}
	}
	if !c.deadline.IsZero() {
		n.Deadline, n.DeadlinePhrase, replan = c.deadline, "stated on the call", true
		n.Timeline = append(n.Timeline, store.Event{At: now, Type: "deadline", By: "system",
			Text: "journalist deadline " + c.deadline.In(s.cfg.Location).Format("Mon 2 Jan 2006 15:04") + " (stated on the call)"})
	}
	if !replan {
		return
	}
	p := plan.For(s.cfg, n.OutletTier, n.Topic, in.Received, n.Deadline)
	n.Policy, n.AcknowledgeDue, n.FirstResponseDue, n.ResolutionDue = p.Policy, p.AcknowledgeDue, p.FirstResponseDue, p.ResolutionDue
	if pol := s.cfg.PolicyFor(n.OutletTier, n.Topic); pol != nil {
		n.PolicyAck, n.PolicyFRT, n.PolicyRes = pol.Acknowledge, pol.FirstResponse, pol.Resolution
	}
	in.DeadlineTarget = plan.DeadlineTarget(s.cfg.SLA.DeadlineMargin, n.Deadline, in.Received)
}

// callDomain is the domain of synthetic call Message-IDs: the desk's.
func callDomain(cfg *config.Config) string {
	if _, d, ok := strings.Cut(cfg.Desk.Address, "@"); ok && d != "" {
		return "calls." + d
	}
	return "calls.mediadesk.invalid"
}

func clipRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
