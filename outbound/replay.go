package outbound

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/mediadesk/mediadesk/inbox"
	"github.com/mediadesk/mediadesk/mailparse"
	"github.com/mediadesk/mediadesk/store"
)

// Replaying the Sent folder (`mediadesk reindex`)
//
// A reindex rebuilds enquiries from the mailbox into an empty or damaged
// Redis. The Sent folder holds what the desk said: copies of its
// acknowledgements and dashboard replies (carrying our loop header) and
// officers' replies from their own mail clients. ReplaySent records each
// as the Sent-folder watcher and the outbox did the first time; nothing
// here queues or sends mail.

// ReplaySent records one message of a Sent folder: mail the desk sent
// itself (our loop header) on its enquiry's thread — a dashboard reply
// also as a response, by "desk" (who pressed send is not in the mail) —
// and an officer's reply to a journalist as a response, at the time it
// was sent. It returns the outcome (SentResponse, SentOwn, SentUnrelated,
// ...); SentUnrelated when the enquiry is not there (yet). Idempotent:
// messages are recorded by Message-ID.
func (s *Service) ReplaySent(ctx context.Context, src store.Source, fm inbox.Fetched) (string, error) {
	h := &SentHandler{s: s, Mailbox: src.Mailbox}
	if len(fm.Raw) == 0 {
		return SentUnreadable, nil
	}
	m, err := mailparse.Parse(fm.Raw, mailparse.Options{InternalDate: fm.InternalDate})
	if err != nil {
		return SentUnreadable, nil
	}
	outcome, mark := "", ""
	if m.Header[LoopHeader] != "" {
		outcome, mark, err = h.replayOwn(ctx, src, fm, m)
	} else {
		outcome, mark, err = h.one(ctx, src, &fm)
	}
	if err != nil {
		return "", fmt.Errorf("sent uid %d: %w", fm.UID, err)
	}
	if outcome == SentUnrelated {
		return outcome, nil // not marked seen: it may be offered again
	}
	if _, err := s.st.SentSeen(ctx, src, outcome, mark); err != nil {
		return "", err
	}
	return outcome, nil
}

// replayOwn records a message the desk sent (found in Sent with our loop
// header) on its enquiry.
func (h *SentHandler) replayOwn(ctx context.Context, src store.Source, fm inbox.Fetched, m *mailparse.Message) (string, string, error) {
	s := h.s
	ref, err := h.refOf(ctx, m)
	if err != nil || ref == "" {
		return SentUnrelated, "", err
	}
	kind, by := KindReply, "desk"
	if strings.EqualFold(strings.TrimSpace(m.Header["Auto-Submitted"]), "auto-replied") {
		kind, by = KindAck, "system"
	}
	at := sentTime(m, fm.InternalDate)
	msg := *m
	msg.Automatic, msg.AutoReason = mailparse.NotAutomatic, ""
	own, err := s.st.RecordOwnMessage(ctx, store.OwnMessage{Ref: ref, Kind: kind, By: by,
		Msg: store.Message{Source: src, Received: at, Message: msg}})
	if errors.Is(err, store.ErrNotFound) {
		return SentUnrelated, "", nil
	}
	if err != nil {
		return "", "", err
	}
	if kind == KindReply && s.external(m) {
		if _, err := s.st.RecordResponse(ctx, ref, store.Response{At: at, By: by, Kind: s.responseKind(m),
			Via: "dashboard", MessageID: m.MessageID, MKey: own.Detail}); err != nil {
			return "", "", err
		}
	}
	return SentOwn, own.Detail, nil
}

// ReplayInternal records an officer's mail threaded into enquiry ref
// through a watched folder (enquiry.internal), as the events consumer
// does: a response when it went to someone outside the desk.
func (s *Service) ReplayInternal(ctx context.Context, ref, mkey string) error {
	err := s.internalCopy(ctx, ref, mkey)
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	return err
}

// RefusingMailer is the Mailer of a Service that must never send (a
// reindex): every delivery fails permanently.
type RefusingMailer struct{}

// Send refuses.
func (RefusingMailer) Send(context.Context, string, []string, []byte, func() error) (string, error) {
	return "", &SendError{Permanent: true, Err: errors.New("this process never sends mail")}
}
