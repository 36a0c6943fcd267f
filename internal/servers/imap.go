package servers

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// Folders every IMAP server started here has.
const (
	FolderInbox     = "INBOX"
	FolderSent      = "Sent"
	FolderProcessed = "Processed"
)

// DefaultFolders are created on every server: INBOX, Sent and Processed.
var DefaultFolders = []string{FolderInbox, FolderSent, FolderProcessed}

// IMAP is a running (or stopped) IMAP server on a loopback port that accepts
// LOGIN/AUTHENTICATE PLAIN without TLS: a Dovecot child process or the go-imap
// in-memory server.
type IMAP struct {
	// Addr is host:port, stable across Restart.
	Addr string
	// Username and Password of the one mail user.
	Username, Password string
	// Kind is KindDovecot or KindMemIMAP.
	Kind string
	// Dir is the server's state directory (dovecot only).
	Dir string
	// MailDir is the user's Maildir root (dovecot only): INBOX lives in
	// MailDir/INBOX, other folders in MailDir/<name> (LAYOUT=fs).
	MailDir string

	mu      sync.Mutex
	running bool
	dv      *dovecot // dovecot only
	mem     *memIMAP // memory only
}

// Pid returns the Dovecot master's process id (also its process group), or 0
// (memory server, stopped).
func (m *IMAP) Pid() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.dv == nil || m.dv.proc == nil {
		return 0
	}
	return m.dv.proc.pgid
}

// Stop shuts the server down gracefully and waits for it; connected clients
// are disconnected. Stopping a stopped server is a no-op.
func (m *IMAP) Stop() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.running {
		return nil
	}
	m.running = false
	if m.mem != nil {
		return m.mem.stop()
	}
	return m.dv.stop()
}

// Kill ends the server abruptly: SIGKILL to Dovecot's whole process group.
// For the memory server it is the same as Stop (the mail stays in memory).
func (m *IMAP) Kill() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.running {
		return nil
	}
	m.running = false
	if m.mem != nil {
		return m.mem.stop()
	}
	return m.dv.kill()
}

// Restart stops the server if it is running and starts it again on the same
// port with the same mail. Clients (including idling ones) are disconnected
// and must reconnect.
func (m *IMAP) Restart(ctx context.Context) error {
	if err := m.Stop(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	var err error
	if m.mem != nil {
		err = m.mem.start(m.Addr)
	} else {
		err = m.dv.restart(ctx)
	}
	if err != nil {
		return fmt.Errorf("restarting %s IMAP server on %s: %w", m.Kind, m.Addr, err)
	}
	m.running = true
	return nil
}

// RecreateFolder gives folder a new UIDVALIDITY while keeping its messages
// (content, flags and internal dates), as after a server migration or
// restore. The server must be running. It returns the new UIDVALIDITY.
//
// Dovecot keeps the UID numbers (doveadm mailbox update --uid-validity); a
// session that has the folder selected gets "* BYE IMAP session state is
// inconsistent, please relogin." at its next sync: its next command, or,
// while idling, when new mail arrives. The memory server renumbers the
// messages from UID 1 and is restarted around the swap, so every client is
// disconnected at once. Either way every cursor keyed by the old UIDVALIDITY
// is void, and a client that refetches must deduplicate.
func (m *IMAP) RecreateFolder(ctx context.Context, folder string) (uint32, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.running {
		return 0, fmt.Errorf("recreating folder %q: %s IMAP server on %s is not running", folder, m.Kind, m.Addr)
	}
	var (
		v   uint32
		err error
	)
	if m.mem != nil {
		v, err = m.mem.recreateFolder(ctx, m, folder)
	} else {
		v, err = m.dv.recreateFolder(ctx, folder)
	}
	if err != nil {
		return 0, fmt.Errorf("recreating folder %q on %s: %w", folder, m.Addr, err)
	}
	return v, nil
}

// SeedMaildir writes msgs straight into folder's Maildir new/ directory,
// bypassing IMAP (fast: 50,000 messages take seconds). Dovecot assigns UIDs
// in the order given on its next sync of the folder (SELECT, NOOP, IDLE).
// The folder is created on disk if it does not exist. Dovecot only: the
// memory server returns ErrUnsupported (use Append).
func (m *IMAP) SeedMaildir(folder string, msgs [][]byte) error {
	if m.dv == nil {
		return fmt.Errorf("seeding %q: %s IMAP server: %w", folder, m.Kind, ErrUnsupported)
	}
	return m.dv.seed(folder, msgs)
}

// Dial connects and logs in. opts may be nil; the caller closes the client
// (Logout, then Close). ctx bounds the connect and login.
func (m *IMAP) Dial(ctx context.Context, opts *imapclient.Options) (*imapclient.Client, error) {
	return Dial(ctx, m.Addr, m.Username, m.Password, opts)
}

// Append appends msgs to folder over one IMAP connection.
func (m *IMAP) Append(ctx context.Context, folder string, msgs ...[]byte) error {
	return appendMsgs(ctx, m.Addr, m.Username, m.Password, folder, msgs)
}

// Dial connects to an IMAP server without TLS (loopback test servers only)
// and logs in. opts may be nil. ctx bounds the connect and login; cancelling
// it later has no effect on the returned client.
func Dial(ctx context.Context, addr, user, pass string, opts *imapclient.Options) (*imapclient.Client, error) {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("connecting to IMAP server %s: %w", addr, err)
	}
	c := imapclient.New(conn, opts)
	stop := context.AfterFunc(ctx, func() { _ = c.Close() })
	err = c.Login(user, pass).Wait()
	if !stop() {
		_ = c.Close()
		return nil, fmt.Errorf("logging in to IMAP server %s as %s: %w", addr, user, ctx.Err())
	}
	if err != nil {
		_ = c.Close()
		return nil, fmt.Errorf("logging in to IMAP server %s as %s: %w", addr, user, err)
	}
	return c, nil
}

// Append is a small test helper: it connects to addr, logs in, appends msg to
// folder and logs out.
func Append(ctx context.Context, addr, user, pass, folder string, msg []byte) error {
	return appendMsgs(ctx, addr, user, pass, folder, [][]byte{msg})
}

func appendMsgs(ctx context.Context, addr, user, pass, folder string, msgs [][]byte) error {
	c, err := Dial(ctx, addr, user, pass, nil)
	if err != nil {
		return err
	}
	defer c.Close()
	stop := context.AfterFunc(ctx, func() { _ = c.Close() })
	defer stop()
	for i, msg := range msgs {
		if _, err := appendOne(c, folder, msg, nil); err != nil {
			if ctx.Err() != nil {
				err = ctx.Err()
			}
			return fmt.Errorf("appending message %d of %d to %s on %s: %w", i+1, len(msgs), folder, addr, err)
		}
	}
	if err := c.Logout().Wait(); err != nil && ctx.Err() == nil {
		return fmt.Errorf("logging out of %s: %w", addr, err)
	}
	return nil
}

func appendOne(c *imapclient.Client, folder string, msg []byte, opts *imap.AppendOptions) (*imap.AppendData, error) {
	cmd := c.Append(folder, int64(len(msg)), opts)
	_, werr := cmd.Write(msg)
	cerr := cmd.Close()
	data, err := cmd.Wait()
	if err != nil {
		return nil, err
	}
	return data, errors.Join(werr, cerr)
}

// randomPassword returns a throwaway password.
func randomPassword() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func hostPort(port int) string {
	return net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
}

// imapGreeting checks that addr accepts a connection and greets with "* OK".
func imapGreeting(ctx context.Context, addr string) error {
	return dialCheck(ctx, addr, "", "* OK")
}

// uidValidityNext returns a UIDVALIDITY different from old, preferring the
// current Unix time as Dovecot does.
func uidValidityNext(old uint32) uint32 {
	now := uint32(time.Now().Unix())
	if now > old {
		return now
	}
	return old + 1
}

// fetchedMsg is one message copied out of a folder.
type fetchedMsg struct {
	uid   imap.UID
	flags []imap.Flag
	date  time.Time
	body  []byte
}

// fetchAll reads every message of folder (read-only, BODY.PEEK[]).
func fetchAll(ctx context.Context, addr, user, pass, folder string) ([]fetchedMsg, error) {
	c, err := Dial(ctx, addr, user, pass, nil)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	stop := context.AfterFunc(ctx, func() { _ = c.Close() })
	defer stop()
	sel, err := c.Select(folder, &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil {
		return nil, fmt.Errorf("selecting %s: %w", folder, err)
	}
	if sel.NumMessages == 0 {
		return nil, nil
	}
	var all imap.SeqSet
	all.AddRange(1, 0) // 1:*
	section := &imap.FetchItemBodySection{Peek: true}
	bufs, err := c.Fetch(all, &imap.FetchOptions{
		UID:          true,
		Flags:        true,
		InternalDate: true,
		BodySection:  []*imap.FetchItemBodySection{section},
	}).Collect()
	if err != nil {
		return nil, fmt.Errorf("fetching %s: %w", folder, err)
	}
	msgs := make([]fetchedMsg, 0, len(bufs))
	for _, b := range bufs {
		var flags []imap.Flag
		for _, f := range b.Flags {
			if !strings.EqualFold(string(f), `\Recent`) { // cannot be set by APPEND
				flags = append(flags, f)
			}
		}
		msgs = append(msgs, fetchedMsg{uid: b.UID, flags: flags, date: b.InternalDate, body: b.FindBodySection(section)})
	}
	_ = c.Logout().Wait()
	return msgs, nil
}
