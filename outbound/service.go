package outbound

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/mail"
	"strings"
	"text/template"
	"time"

	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/clock"
	"github.com/mediadesk/mediadesk/internal/mailauth"
	"github.com/mediadesk/mediadesk/mailparse"
	"github.com/mediadesk/mediadesk/store"
)

type mailAddress = mail.Address

// Options configure a Service.
type Options struct {
	Config *config.Config
	Store  *store.Store
	Logger *slog.Logger
	// Clock is the desk clock (default: the store's).
	Clock clock.Clock
	// Secret reads a secret from the environment variable it names
	// (default config.Secret).
	Secret func(env string) string
	// Mailer delivers mail (default: SMTP from the config).
	Mailer Mailer
	// LinesToTake returns a release's approved lines (nil: none).
	LinesToTake func(ctx context.Context, release string) ([]string, error)
	// HTTPClient posts webhooks (default: 30 s timeout).
	HTTPClient *http.Client
	// Auth is how each mailbox and the SMTP server sign in (default: built
	// from the config with Secret). Pass the desk's own so the inbox and
	// Sent-folder workers of a mailbox share one OAuth2 token cache.
	Auth *mailauth.Set
	// DialIMAP opens a logged-in connection to a mailbox (default
	// inbox.NewDialer with the mailbox's Auth).
	DialIMAP func(mb *config.Mailbox) func(ctx context.Context, opts *imapclient.Options) (*imapclient.Client, error)
	Outbox   OutboxOptions
	// AckMaxAge: an enquiry older than this when its event is handled is
	// not acknowledged (default 24h).
	AckMaxAge time.Duration
}

// Service is outbound mail for one desk: the outbox and its sender, the
// events consumer (acknowledgements, alerts), the Sent-folder watchers
// (responses), the Sent-copy archiver and the replies API.
type Service struct {
	opts Options
	cfg  *config.Config
	st   *store.Store
	keys store.KeySpace
	rdb  redis.UniversalClient
	// events is the events stream's key (store.EventStream).
	events   string
	log      *slog.Logger
	clock    clock.Clock
	secret   func(string) string
	auths    *mailauth.Set
	outbox   *Outbox
	composer *Composer
	ackTmpl  *template.Template
	// ackByLang are the acknowledgement templates per language
	// (acknowledgements.templates.<lang>).
	ackByLang map[string]*template.Template
	// from is the header From (smtp.from); replyTo the desk address when
	// it differs; envelopeFrom the SMTP MAIL FROM.
	from, replyTo *mail.Address
	envelopeFrom  string
	appendKick    chan struct{}
	// beforeEvent, when set (tests), runs before each event is handled.
	beforeEvent func(redis.XMessage)
}

// New checks the configuration (templates, addresses) and returns a
// Service. Nothing runs until its components do.
func New(o Options) (*Service, error) {
	if o.Config == nil || o.Store == nil {
		return nil, errors.New("outbound: Config and Store are required")
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Clock == nil {
		o.Clock = o.Store.Clock()
	}
	if o.Secret == nil {
		o.Secret = config.Secret
	}
	if o.AckMaxAge <= 0 {
		o.AckMaxAge = 24 * time.Hour
	}
	cfg := o.Config
	keys := keySpace(o.Store)
	_, events := o.Store.EventStream()
	s := &Service{opts: o, cfg: cfg, st: o.Store, keys: keys, rdb: keys.Client(), events: events, log: o.Logger, clock: o.Clock,
		secret: o.Secret, appendKick: make(chan struct{}, 1)}
	from, err := mail.ParseAddress(cfg.SMTP.From)
	if err != nil {
		return nil, fmt.Errorf("smtp.from %q: %w", cfg.SMTP.From, err)
	}
	s.from = from
	s.envelopeFrom = from.Address
	if cfg.Desk.Address != "" && !strings.EqualFold(cfg.Desk.Address, from.Address) {
		s.replyTo = &mail.Address{Name: cfg.Desk.Name, Address: cfg.Desk.Address}
	}
	deskAddr := cfg.Desk.Address
	if deskAddr == "" {
		deskAddr = from.Address
	}
	s.composer = &Composer{DeskAddress: deskAddr}
	if s.ackTmpl, err = parseAckTemplate(cfg); err != nil {
		return nil, err
	}
	if s.ackByLang, err = parseAckTemplates(cfg); err != nil {
		return nil, err
	}
	s.auths = o.Auth
	if s.auths == nil && (o.Mailer == nil || o.DialIMAP == nil) {
		if s.auths, err = mailauth.NewSet(cfg, mailauth.Options{Secret: o.Secret}); err != nil {
			return nil, fmt.Errorf("mail sign-in: %w", err)
		}
	}
	mailer := o.Mailer
	if mailer == nil {
		mailer = NewSMTPAuth(&cfg.SMTP, s.auths.SMTP())
	}
	var hook *Webhook
	if cfg.Alerts.WebhookURLEnv != "" {
		env := cfg.Alerts.WebhookURLEnv
		hook = &Webhook{URL: func() string { return o.Secret(env) }, Client: o.HTTPClient}
	}
	s.outbox = NewOutbox(o.Store, mailer, hook, o.Logger.With("component", "outbox"), o.Outbox)
	s.outbox.finish = s.finish
	s.outbox.failed = s.failedJob
	return s, nil
}

// Outbox is the service's outbox.
func (s *Service) Outbox() *Outbox { return s.outbox }

// Init creates the consumer groups. Call it before the desk starts
// ingesting, so no event is missed.
func (s *Service) Init(ctx context.Context) error {
	if err := s.outbox.Init(ctx); err != nil {
		return err
	}
	return s.initEvents(ctx)
}

// Component is a long-running part of the service.
type Component struct {
	Name string
	Run  func(ctx context.Context) error
}

// Components are the service's long-running parts: the sender, the events
// consumer, the Sent-copy archiver (under a lease) and one Sent-folder
// watcher per mailbox with a sent_folder (each under a lease, like the
// inbox workers).
func (s *Service) Components() ([]Component, error) {
	cs := []Component{
		{"outbox", s.outbox.Run},
		{"outbound events", s.runEvents},
		{"sent copies", s.leased("outbound:archiver", s.runArchiver)},
		{"alert groups", s.runAlertGroups},
	}
	for i := range s.cfg.Mailboxes {
		mb := &s.cfg.Mailboxes[i]
		if mb.SentFolder == "" {
			continue
		}
		w, err := s.sentWorker(mb)
		if err != nil {
			return nil, err
		}
		name := "sent " + mb.ID + ":" + mb.SentFolder
		cs = append(cs, Component{name, s.leased("sent:"+mb.ID+":"+mb.SentFolder, w.Run)})
	}
	return cs, nil
}

// leased runs fn while holding a Redis lease, taking it again if lost.
func (s *Service) leased(name string, fn func(ctx context.Context) error) func(ctx context.Context) error {
	return func(ctx context.Context) error {
		lease := s.st.NewLease(name, 30*time.Second)
		for ctx.Err() == nil {
			err := lease.Hold(ctx, fn)
			if ctx.Err() == nil {
				s.log.Warn("lease lost; waiting to take it again", "lease", name, "err", err)
			}
		}
		return nil
	}
}

// finish writes a sent message's records on its enquiry.
func (s *Service) finish(ctx context.Context, j *Job) error {
	if j.Ref == "" {
		return nil
	}
	var err error
	switch j.Kind {
	case KindAck, KindReply:
		m, perr := mailparse.Parse(j.Raw, mailparse.Options{})
		if perr != nil {
			return fmt.Errorf("parse our own message: %w", perr)
		}
		// It is ours, not an auto-reply to us.
		m.Automatic, m.AutoReason = mailparse.NotAutomatic, ""
		sent := j.SentAt
		if sent.IsZero() {
			sent = s.clock.Now()
		}
		var own store.Result
		own, err = s.st.RecordOwnMessage(ctx, store.OwnMessage{Ref: j.Ref, Kind: j.Kind, By: j.Record.By,
			Msg: store.Message{Received: sent, Message: *m}, Timeline: j.Record.Timeline})
		if err == nil && j.Record.Response != "" {
			_, err = s.st.RecordResponse(ctx, j.Ref, store.Response{At: sent, By: j.Record.By,
				Kind: store.ResponseKind(j.Record.Response), Via: j.Record.Via, MessageID: j.MessageID, MKey: own.Detail})
		}
		if err == nil && j.Append != "" {
			select {
			case s.appendKick <- struct{}{}:
			default:
			}
		}
	default:
		_, err = s.st.RecordOutbound(ctx, j.Ref, store.Outbound{Key: j.Key, Kind: j.Kind, Status: StateSent,
			To: strings.Join(j.To, ", "), Detail: j.Reply, Text: j.Record.Timeline})
	}
	if errors.Is(err, store.ErrNotFound) {
		s.log.Warn("outbound: sent mail for a missing enquiry", "ref", j.Ref, "key", j.Key)
		return nil
	}
	return err
}

// failedJob puts a permanent failure on the enquiry's timeline.
func (s *Service) failedJob(ctx context.Context, j *Job) {
	if j.Ref == "" {
		return
	}
	_, err := s.st.RecordOutbound(ctx, j.Ref, store.Outbound{Key: j.Key, Kind: j.Kind, Status: StateFailed,
		To: strings.Join(j.To, ", "), Detail: j.LastError,
		Text: j.Kind + " to " + strings.Join(j.To, ", ") + " failed: " + clip(j.LastError, 300)})
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		s.log.Warn("outbound: could not record a failure on the timeline", "ref", j.Ref, "err", err)
	}
}
