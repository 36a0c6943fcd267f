package servers

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strings"
	"sync"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"
)

// memCaps are the capabilities the memory server advertises: IMAP4rev1 plus
// the extensions imapmemserver implements that Dovecot 2.3 also has, so code
// tested against it does not come to rely on anything Dovecot lacks.
// IDLE, UNSELECT, ENABLE, SASL-IR and LITERAL- are always added by
// imapserver. Not advertised: SPECIAL-USE (imapmemserver ignores
// CreateOptions.SpecialUse in beta.8) and IMAP4rev2 (Dovecot 2.3 is rev1).
var memCaps = imap.CapSet{
	imap.CapIMAP4rev1:    {},
	imap.CapNamespace:    {},
	imap.CapUIDPlus:      {},
	imap.CapESearch:      {},
	imap.CapSearchRes:    {},
	imap.CapListExtended: {},
	imap.CapListStatus:   {},
	imap.CapMove:         {},
	imap.CapStatusSize:   {},
	imap.CapLiteralPlus:  {},
	imap.CapChildren:     {},
	imap.CapBinary:       {},
}

// memIMAP is the in-process go-imap v2 memory server. The backend (users and
// mail) outlives the imapserver.Server, which cannot be reused after Close, so
// Restart serves the same backend from a new imapserver.Server.
type memIMAP struct {
	backend *imapmemserver.Server
	user    *imapmemserver.User

	listenAddr string
	srv        *imapserver.Server
	ln         *trackingListener
	done       chan struct{} // closed when Serve returns
}

// trackingListener remembers every connection it accepted, so stop can
// close them all: imapserver.Server.Close closes the connections it has
// registered, and one accepted just before the listener closed may be
// registered after that (a worker reconnecting at that moment then stayed
// connected to a "stopped" server).
type trackingListener struct {
	net.Listener
	mu    sync.Mutex
	conns map[net.Conn]struct{}
}

func (l *trackingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err == nil {
		l.mu.Lock()
		l.conns[c] = struct{}{}
		l.mu.Unlock()
	}
	return c, err
}

// closeAll closes every connection accepted so far.
func (l *trackingListener) closeAll() {
	l.mu.Lock()
	defer l.mu.Unlock()
	for c := range l.conns {
		c.Close()
	}
	clear(l.conns)
}

// StartMemIMAP starts the go-imap v2 in-memory server on a free loopback
// port with one user and the folders INBOX, Sent and Processed (plus any in
// extraFolders). Plaintext LOGIN is allowed: loopback only. An empty password
// gets a random one (see IMAP.Password).
func StartMemIMAP(username, password string, extraFolders ...string) (*IMAP, error) {
	if username == "" {
		username = "desk"
	}
	if password == "" {
		password = randomPassword()
	}
	backend := imapmemserver.New()
	user := imapmemserver.NewUser(username, password)
	for _, f := range append(append([]string{}, DefaultFolders...), extraFolders...) {
		if err := user.Create(f, nil); err != nil {
			return nil, fmt.Errorf("memory IMAP server: creating folder %q: %w", f, err)
		}
		if err := user.Subscribe(f); err != nil {
			return nil, fmt.Errorf("memory IMAP server: subscribing folder %q: %w", f, err)
		}
	}
	backend.AddUser(user)
	mem := &memIMAP{backend: backend, user: user}
	if err := mem.start("127.0.0.1:0"); err != nil {
		return nil, err
	}
	m := &IMAP{
		Addr:     mem.addr(),
		Username: username,
		Password: password,
		Kind:     KindMemIMAP,
		running:  true,
		mem:      mem,
	}
	slog.Info("memory IMAP server started", "addr", m.Addr, "user", username)
	return m, nil
}

func (s *memIMAP) addr() string {
	return s.listenAddr
}

// start serves the backend on addr ("127.0.0.1:0" for a free port).
func (s *memIMAP) start(addr string) error {
	var (
		ln  net.Listener
		err error
	)
	// On Restart the port was ours a moment ago; retry briefly in case
	// something else grabbed it.
	for attempt := 0; attempt < 10; attempt++ {
		if ln, err = net.Listen("tcp", addr); err == nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil {
		return fmt.Errorf("memory IMAP server: listening on %s: %w", addr, err)
	}
	s.listenAddr = ln.Addr().String()
	s.ln = &trackingListener{Listener: ln, conns: map[net.Conn]struct{}{}}
	s.srv = imapserver.New(&imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return &memSession{user: s.user}, nil, nil
		},
		Caps:         memCaps,
		Logger:       slogLogger{},
		InsecureAuth: true,
	})
	s.done = make(chan struct{})
	go func(srv *imapserver.Server, ln net.Listener, done chan struct{}) {
		defer close(done)
		if err := srv.Serve(ln); err != nil {
			slog.Warn("memory IMAP server stopped serving", "addr", s.listenAddr, "err", err)
		}
	}(s.srv, s.ln, s.done)
	return nil
}

// stop closes the listener and every connection.
func (s *memIMAP) stop() error {
	err := s.srv.Close()
	<-s.done
	s.ln.closeAll()
	if err != nil && !errors.Is(err, net.ErrClosed) {
		return fmt.Errorf("closing memory IMAP server on %s: %w", s.listenAddr, err)
	}
	return nil
}

// recreateFolder copies folder's messages out over IMAP, deletes and creates
// the folder (imapmemserver gives a re-created folder the next UIDVALIDITY)
// and appends them back. The server is restarted around the swap because
// sessions that have the old folder selected would otherwise keep a view of
// the deleted mailbox and never hear of new mail.
func (s *memIMAP) recreateFolder(ctx context.Context, m *IMAP, folder string) (uint32, error) {
	msgs, err := fetchAll(ctx, s.listenAddr, m.Username, m.Password, folder)
	if err != nil {
		return 0, err
	}
	if err := s.stop(); err != nil {
		return 0, err
	}
	restart := func() error { return s.start(s.listenAddr) }
	if err := s.user.Delete(folder); err != nil {
		return 0, errors.Join(fmt.Errorf("deleting: %w", err), restart())
	}
	if err := s.user.Create(folder, nil); err != nil {
		return 0, errors.Join(fmt.Errorf("creating: %w", err), restart())
	}
	_ = s.user.Subscribe(folder)
	for _, msg := range msgs {
		if _, err := s.user.Append(folder, literal{bytes.NewReader(msg.body), int64(len(msg.body))}, &imap.AppendOptions{
			Flags: msg.flags,
			Time:  msg.date,
		}); err != nil {
			return 0, errors.Join(fmt.Errorf("re-appending: %w", err), restart())
		}
	}
	st, err := s.user.Status(folder, &imap.StatusOptions{UIDValidity: true})
	if err != nil {
		return 0, errors.Join(err, restart())
	}
	return st.UIDValidity, restart()
}

// memSession is imapmemserver's session for our one user with two beta.8
// bugs fixed, IDLE and MOVE.
//
// IDLE: SessionTracker.Idle only writes updates when it is woken by a new
// one, and it registers for wake-ups some time after "+ idling" was sent; an
// APPEND by another client in between (or just before IDLE) is not reported
// until the next change to the mailbox. Here IDLE polls the session's update
// queue every idlePoll instead, from the one goroutine that writes them.
//
// MOVE: in beta.8 UserSession.Move writes each EXPUNGE with a sequence number
// that is already shifted by the expunge it queued for every session, and
// that queued expunge is then sent too: moving one message of three gives
// "* 3 EXPUNGE" and "* 2 EXPUNGE", and the client's view of the mailbox is
// one message short from then on. Here MOVE is COPY, then \Deleted and
// UID EXPUNGE of exactly the copied UIDs, whose EXPUNGE responses the server
// sends (correctly numbered) before the tagged OK, as RFC 6851 requires.
type memSession struct {
	*imapmemserver.UserSession // nil until Login
	user                       *imapmemserver.User
}

var (
	_ imapserver.Session     = (*memSession)(nil)
	_ imapserver.SessionMove = (*memSession)(nil)
)

func (s *memSession) Login(username, password string) error {
	if err := s.user.Login(username, password); err != nil {
		return err
	}
	s.UserSession = imapmemserver.NewUserSession(s.user)
	return nil
}

func (s *memSession) Close() error {
	if s.UserSession == nil {
		return nil
	}
	return s.UserSession.Close()
}

// idlePoll is how often an idling memory session looks for updates.
const idlePoll = 25 * time.Millisecond

func (s *memSession) Idle(w *imapserver.UpdateWriter, stop <-chan struct{}) error {
	t := time.NewTicker(idlePoll)
	defer t.Stop()
	for {
		if err := s.UserSession.Poll(w, true); err != nil {
			return err
		}
		select {
		case <-stop:
			return nil
		case <-t.C:
		}
	}
}

func (s *memSession) Move(w *imapserver.MoveWriter, numSet imap.NumSet, dest string) error {
	data, err := s.UserSession.Copy(numSet, dest)
	if err != nil {
		return err
	}
	if err := w.WriteCopyData(data); err != nil {
		return err
	}
	if len(data.SourceUIDs) == 0 {
		return nil
	}
	// Neither call writes to its writer: Silent STORE returns before
	// fetching and Expunge only queues updates for the sessions.
	deleted := &imap.StoreFlags{Op: imap.StoreFlagsAdd, Silent: true, Flags: []imap.Flag{imap.FlagDeleted}}
	if err := s.UserSession.Store(nil, data.SourceUIDs, deleted, &imap.StoreOptions{}); err != nil {
		return err
	}
	uids := data.SourceUIDs
	return s.UserSession.Expunge(nil, &uids)
}

// literal adapts a bytes.Reader to imap.LiteralReader.
type literal struct {
	*bytes.Reader
	size int64
}

func (l literal) Size() int64 { return l.size }

// slogLogger routes imapserver's log lines to slog. Read errors from clients
// that hang up are routine in tests, so only panics and command failures are
// warnings.
type slogLogger struct{}

func (slogLogger) Printf(format string, args ...any) {
	msg := strings.TrimSpace(fmt.Sprintf(format, args...))
	if strings.HasPrefix(msg, "panic") || strings.HasPrefix(msg, "handling ") {
		slog.Warn("memory IMAP server", "msg", msg)
		return
	}
	slog.Debug("memory IMAP server", "msg", msg)
}
