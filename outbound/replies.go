package outbound

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/mediadesk/mediadesk/store"
)

// ReplyRequest is a reply to send. The web layer builds it from the body
// of POST /api/enquiries/{ref}/replies (or the dashboard's form) and the
// authenticated user; outbound serves no route that reads one.
type ReplyRequest struct {
	Body string `json:"body"`
	// Kind is "holding" or "substantive".
	Kind string `json:"kind"`
	// UseLinesToTake appends the linked release's approved lines.
	UseLinesToTake bool `json:"use_lines_to_take"`
	// By is the officer id sending it: the caller sets it from an
	// authenticated identity. It is never read from JSON, so no request
	// body can name the sender.
	By string `json:"-"`
	// ID, when given, makes the request idempotent (a double click or a
	// retried request sends once). The Idempotency-Key header does the
	// same.
	ID string `json:"id,omitempty"`
}

// ErrBadRequest wraps reply requests that cannot be sent as asked.
var ErrBadRequest = errors.New("bad request")

// Reply queues a reply to the journalist from the desk address. It is
// recorded on the enquiry (message, timeline, response clocks) once the
// SMTP server accepts it.
func (s *Service) Reply(ctx context.Context, ref string, r ReplyRequest) (*Job, error) {
	kind := store.ResponseKind(strings.ToLower(strings.TrimSpace(r.Kind)))
	if kind != store.Holding && kind != store.Substantive {
		return nil, fmt.Errorf("%w: kind must be \"holding\" or \"substantive\"", ErrBadRequest)
	}
	if r.By == "" {
		return nil, fmt.Errorf("%w: no sender: By must be the authenticated officer", ErrBadRequest)
	}
	off := s.cfg.Officer(r.By)
	if off == nil {
		return nil, fmt.Errorf("%w: by %q is not a known officer", ErrBadRequest, r.By)
	}
	e, err := s.st.Enquiry(ctx, ref)
	if err != nil {
		return nil, err
	}
	body := strings.TrimSpace(strings.ReplaceAll(r.Body, "\r\n", "\n"))
	if r.UseLinesToTake {
		if e.Release == "" {
			return nil, fmt.Errorf("%w: the enquiry has no linked release, so no lines to take", ErrBadRequest)
		}
		var lines []string
		if s.opts.LinesToTake != nil {
			if lines, err = s.opts.LinesToTake(ctx, e.Release); err != nil {
				return nil, fmt.Errorf("lines to take of %s: %w", e.Release, err)
			}
		}
		if len(lines) == 0 {
			return nil, fmt.Errorf("%w: release %s has no lines to take", ErrBadRequest, e.Release)
		}
		if body != "" {
			body += "\n\n"
		}
		body += strings.Join(lines, "\n\n")
	}
	if body == "" {
		return nil, fmt.Errorf("%w: the reply is empty", ErrBadRequest)
	}
	if len(body) > 100_000 {
		return nil, fmt.Errorf("%w: the reply is longer than 100,000 bytes", ErrBadRequest)
	}
	msgs, err := s.st.Messages(ctx, ref)
	if err != nil {
		return nil, err
	}
	// Answer the journalist's newest message.
	var last *store.Message
	for i := len(msgs) - 1; i >= 0; i-- {
		if msgs[i].Direction == "in" && msgs[i].Kind != "automatic" && strings.EqualFold(msgs[i].From.Addr, e.From) {
			last = &msgs[i]
			break
		}
	}
	to := mailAddress{Name: e.FromName, Address: e.From}
	var irt, refs []string
	if last != nil {
		ra := replyAddress(&last.Message)
		to = mailAddress{Name: ra.Name, Address: ra.Addr}
		irt, refs = threadIDs(&last.Message, false), threadIDs(&last.Message, true)
	}
	if to.Address == "" {
		return nil, fmt.Errorf("%w: the enquiry has no journalist address", ErrBadRequest)
	}
	text := body + "\n\n-- \n" + off.Name + "\n" + s.cfg.Desk.Name + "\n" + s.cfg.Desk.Address +
		"\nReference: " + ref + " (please keep it in the subject line)\n"
	id := strings.TrimSpace(r.ID)
	if id == "" {
		b := make([]byte, 12)
		_, _ = rand.Read(b)
		id = hex.EncodeToString(b)
	}
	key := "reply:" + ref + ":" + id
	if j, err := s.outbox.Job(ctx, key); err == nil {
		return j, nil // the same request again
	}
	subject := ReplySubject(ref, e.Subject)
	raw, mid, err := s.composer.Compose(Draft{
		From: s.from, ReplyTo: s.replyTo, To: []*mailAddress{&to}, Subject: subject,
		InReplyTo: irt, References: refs, Text: text, Ref: ref, Date: s.clock.Now(),
		MessageID: s.composer.NewMessageID(ref, "reply"),
	})
	if err != nil {
		return nil, err
	}
	_, err = s.outbox.Enqueue(ctx, Outgoing{Key: key, Kind: KindReply, Ref: ref, From: s.envelopeFrom,
		To: []string{to.Address}, Raw: raw, MessageID: mid, Subject: subject, Append: s.appendMailbox(e.Mailbox),
		Record: Record{By: off.ID, Response: string(kind), Via: "api",
			Timeline: string(kind) + " reply sent to " + to.Address + " by " + off.ID}})
	if err != nil {
		return nil, err
	}
	return s.outbox.Job(ctx, key)
}

// Routes adds the read-only HTTP API (behind the web layer's
// authentication):
//
//	GET  /api/enquiries/{ref}/outbox    the enquiry's outgoing mail and its state
//	GET  /api/outbox                    totals and the newest failures
//
// Sending a reply is POST /api/enquiries/{ref}/replies, served by the web
// package: it reads the body and calls Reply with the signed-in user as By.
func (s *Service) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /api/enquiries/{ref}/outbox", s.getEnquiryOutbox)
	mux.HandleFunc("GET /api/outbox", s.getOutbox)
}

func (s *Service) getEnquiryOutbox(w http.ResponseWriter, r *http.Request) {
	jobs, err := s.outbox.ForEnquiry(r.Context(), r.PathValue("ref"))
	if err != nil {
		s.log.Error("read outbox", "err", err)
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "internal error"})
		return
	}
	if jobs == nil {
		jobs = []*Job{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"jobs": jobs})
}

func (s *Service) getOutbox(w http.ResponseWriter, r *http.Request) {
	c, err := s.outbox.Counts(r.Context())
	if err == nil {
		var failed []*Job
		if failed, err = s.outbox.Recent(r.Context(), 20, StateFailed); err == nil {
			if failed == nil {
				failed = []*Job{}
			}
			writeJSON(w, http.StatusOK, map[string]any{"counts": c, "failed": failed})
			return
		}
	}
	s.log.Error("read outbox", "err", err)
	writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "internal error"})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
