package outbound

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/inbox"
	"github.com/mediadesk/mediadesk/internal/mailauth"
	"github.com/mediadesk/mediadesk/mailparse"
	"github.com/mediadesk/mediadesk/store"
)

// Outcomes of a Sent-folder message (counted per folder).
const (
	SentResponse   = "response"   // a reply to a journalist: recorded
	SentOwn        = "own"        // mail mediadesk sent itself (recorded by the outbox)
	SentInternal   = "internal"   // about an enquiry, but only to the desk and officers
	SentUnrelated  = "unrelated"  // not about any enquiry
	SentAutomatic  = "automatic"  // an auto-reply that landed in Sent
	SentUnreadable = "unreadable" // not a mail
)

// SentHandler is the inbox.Handler for a mailbox's Sent folder: it
// recognises replies to journalists sent from any mail client and records
// them as responses (who, when, holding or substantive). Each message is
// looked at once (store.SentSeen), and RecordResponse dedupes by
// Message-ID, so a reply the desk sent itself and later sees in Sent
// counts once.
type SentHandler struct {
	s       *Service
	Mailbox string
}

// Handle implements inbox.Handler. Nothing is flagged in Sent.
func (h *SentHandler) Handle(ctx context.Context, f inbox.Folder, msgs []inbox.Fetched) ([]uint32, error) {
	for i := range msgs {
		fm := &msgs[i]
		src := store.Source{Mailbox: f.Mailbox, Folder: f.Name, UIDValidity: f.UIDValidity, UID: fm.UID}
		outcome, mark, err := h.one(ctx, src, fm)
		if err != nil {
			return nil, fmt.Errorf("sent uid %d: %w", fm.UID, err)
		}
		if _, err := h.s.st.SentSeen(ctx, src, outcome, mark); err != nil {
			return nil, err
		}
	}
	return nil, nil
}

func (h *SentHandler) one(ctx context.Context, src store.Source, fm *inbox.Fetched) (string, string, error) {
	s := h.s
	if len(fm.Raw) == 0 {
		return SentUnreadable, "", nil
	}
	m, err := mailparse.Parse(fm.Raw, mailparse.Options{InternalDate: fm.InternalDate})
	if err != nil {
		return SentUnreadable, "", nil
	}
	if m.Header[LoopHeader] != "" {
		return SentOwn, "", nil
	}
	if k, err := s.outbox.KeyForMessageID(ctx, m.MessageID); err != nil {
		return "", "", err
	} else if k != "" {
		return SentOwn, "", nil
	}
	if m.Automatic != mailparse.NotAutomatic {
		return SentAutomatic, "", nil
	}
	ref, err := h.refOf(ctx, m)
	if err != nil {
		return "", "", err
	}
	if ref == "" {
		return SentUnrelated, "", nil
	}
	if !s.external(m) {
		return SentInternal, "", nil
	}
	by := strings.ToLower(m.From.Addr)
	if o := s.cfg.OfficerByEmail(by); o != nil {
		by = o.ID
	}
	at := sentTime(m, fm.InternalDate)
	kind := s.responseKind(m)
	msg := *m
	own, err := s.st.RecordOwnMessage(ctx, store.OwnMessage{Ref: ref, Kind: KindReply, By: by,
		Msg: store.Message{Source: src, Received: at, Message: msg}})
	if errors.Is(err, store.ErrNotFound) {
		return SentUnrelated, "", nil
	}
	if err != nil {
		return "", "", err
	}
	mkey := own.Detail
	if _, err := s.st.RecordResponse(ctx, ref, store.Response{At: at, By: by, Kind: kind, Via: "sent-folder",
		MessageID: m.MessageID, MKey: mkey}); err != nil {
		return "", "", err
	}
	s.log.Info("response seen in Sent", "ref", ref, "by", by, "kind", kind, "at", at.Format(time.RFC3339))
	return SentResponse, mkey, nil
}

// refOf finds the enquiry a sent message answers: a Message-ID it
// replies to or references (newest first), else our reference in its
// subject.
func (h *SentHandler) refOf(ctx context.Context, m *mailparse.Message) (string, error) {
	ids := append([]string{}, m.InReplyTo...)
	for i := len(m.References) - 1; i >= 0; i-- {
		ids = append(ids, m.References[i])
	}
	for _, id := range ids {
		ref, err := h.s.st.RefForMessageID(ctx, id)
		if err != nil {
			return "", err
		}
		if ref != "" {
			return ref, nil
		}
	}
	for _, ref := range h.s.st.SubjectRefs(m.Subject) {
		if _, err := h.s.st.Enquiry(ctx, ref); err == nil {
			return ref, nil
		} else if !errors.Is(err, store.ErrNotFound) {
			return "", err
		}
	}
	return "", nil
}

// sentTime is when a reply was sent: its Date header when that agrees with
// when it reached the Sent folder (within a day before, five minutes
// after), else the folder's INTERNALDATE.
func sentTime(m *mailparse.Message, internal time.Time) time.Time {
	if internal.IsZero() {
		return m.Date
	}
	if m.DateSource == mailparse.DateHeader && !m.Date.IsZero() &&
		!m.Date.Before(internal.Add(-24*time.Hour)) && !m.Date.After(internal.Add(5*time.Minute)) {
		return m.Date
	}
	return internal
}

// sentWorker builds the IMAP worker watching a mailbox's Sent folder.
func (s *Service) sentWorker(mb *config.Mailbox) (*inbox.Worker, error) {
	dial, expiry := s.dialer(mb)
	return inbox.NewWorker(inbox.Config{
		Mailbox: mb.ID, Folder: mb.SentFolder,
		Dial: dial, CredentialsExpiry: expiry,
		Store: s.st, Handler: &SentHandler{s: s, Mailbox: mb.ID},
		Mark: inbox.MarkNone, UseIdle: mb.UseIdle(), PollInterval: s.cfg.Ingest.PollInterval,
		MaxSize: s.cfg.Ingest.MaxMessageSize,
		Logger:  s.log.With("component", "sent"),
	})
}

func (s *Service) dial(mb *config.Mailbox) func(ctx context.Context, opts *imapclient.Options) (*imapclient.Client, error) {
	d, _ := s.dialer(mb)
	return d
}

// dialer opens logged-in connections to a mailbox with its sign-in (a
// password or OAuth2 tokens, shared with the mailbox's other workers), and
// tells when a connection's token expires (nil with Options.DialIMAP).
func (s *Service) dialer(mb *config.Mailbox) (func(ctx context.Context, opts *imapclient.Options) (*imapclient.Client, error), func(*imapclient.Client) time.Time) {
	if s.opts.DialIMAP != nil {
		return s.opts.DialIMAP(mb), nil
	}
	auth := s.auths.Mailbox(mb.ID)
	if auth == nil {
		auth = mailauth.Password(mb.Username, s.secret(mb.PasswordEnv))
	}
	d := inbox.NewDialer(mb, auth)
	return d.Dial, d.Expiry
}

// appendMailbox is the mailbox whose Sent folder keeps copies of an
// enquiry's outgoing mail: the enquiry's own, else the first with one.
func (s *Service) appendMailbox(id string) string {
	if mb := s.cfg.Mailbox(id); mb != nil && mb.SentFolder != "" {
		return mb.ID
	}
	for _, mb := range s.cfg.Mailboxes {
		if mb.SentFolder != "" {
			return mb.ID
		}
	}
	return ""
}

// runArchiver appends copies of sent journalist mail to the Sent folders,
// so the mailbox stays the complete record. It runs under a lease (one
// replica at a time) and is idempotent: a copy already in the folder
// (found by Message-ID) is not appended again.
func (s *Service) runArchiver(ctx context.Context) error {
	delay := time.Second
	for ctx.Err() == nil {
		n, err := s.archiveOnce(ctx)
		if err != nil && ctx.Err() == nil {
			s.log.Warn("sent copies: will try again", "err", err, "in", delay)
			select {
			case <-ctx.Done():
			case <-time.After(jitter(delay)):
			}
			delay = min(delay*2, time.Minute)
			continue
		}
		delay = time.Second
		if n > 0 {
			continue
		}
		select {
		case <-ctx.Done():
		case <-s.appendKick:
		case <-time.After(s.outbox.opts.Poll * 2):
		}
	}
	return nil
}

// archiveOnce appends up to a batch of pending copies; it returns how many
// it handled.
func (s *Service) archiveOnce(ctx context.Context) (int, error) {
	keys, err := s.rdb.ZRange(ctx, s.keys.Key("outbox:toappend"), 0, 49).Result()
	if err != nil || len(keys) == 0 {
		return 0, err
	}
	byMailbox := map[string][]*Job{}
	for _, k := range keys {
		j, err := s.outbox.Job(ctx, k)
		if errors.Is(err, store.ErrNotFound) {
			s.rdb.ZRem(ctx, s.keys.Key("outbox:toappend"), k)
			continue
		}
		if err != nil {
			return 0, err
		}
		byMailbox[j.Append] = append(byMailbox[j.Append], j)
	}
	done := 0
	for id, jobs := range byMailbox {
		mb := s.cfg.Mailbox(id)
		if mb == nil || mb.SentFolder == "" {
			for _, j := range jobs {
				if _, err := s.outbox.run(ctx, "appended", map[string]any{"key": j.Key}); err != nil {
					return done, err
				}
			}
			continue
		}
		n, err := s.appendCopies(ctx, mb, jobs)
		done += n
		if err != nil {
			return done, err
		}
	}
	return done, nil
}

func (s *Service) appendCopies(ctx context.Context, mb *config.Mailbox, jobs []*Job) (int, error) {
	c, err := s.dial(mb)(ctx, &imapclient.Options{})
	if err != nil {
		return 0, err
	}
	defer c.Close()
	stop := context.AfterFunc(ctx, func() { c.Close() })
	defer stop()
	if _, err := c.Select(mb.SentFolder, &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		return 0, fmt.Errorf("select %s: %w", mb.SentFolder, err)
	}
	n := 0
	for _, j := range jobs {
		found := false
		if j.MessageID != "" {
			data, err := c.UIDSearch(&imap.SearchCriteria{Header: []imap.SearchCriteriaHeaderField{{Key: "Message-ID", Value: j.MessageID}}}, nil).Wait()
			if err != nil {
				return n, fmt.Errorf("search %s for %s: %w", mb.SentFolder, j.MessageID, err)
			}
			found = len(data.AllUIDs()) > 0
		}
		if !found {
			when := j.SentAt
			if when.IsZero() {
				when = time.Now()
			}
			cmd := c.Append(mb.SentFolder, int64(len(j.Raw)), &imap.AppendOptions{Flags: []imap.Flag{imap.FlagSeen}, Time: when})
			_, werr := cmd.Write(j.Raw)
			cerr := cmd.Close()
			if _, err := cmd.Wait(); err != nil {
				return n, fmt.Errorf("append to %s: %w", mb.SentFolder, err)
			}
			if err := errors.Join(werr, cerr); err != nil {
				return n, fmt.Errorf("append to %s: %w", mb.SentFolder, err)
			}
		}
		if _, err := s.outbox.run(ctx, "appended", map[string]any{"key": j.Key}); err != nil {
			return n, err
		}
		n++
	}
	_ = c.Logout().Wait()
	return n, nil
}

var _ = redis.Nil
