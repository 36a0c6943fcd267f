package servers

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Environment variables overriding the Dovecot binaries (a path or a name on
// PATH).
const (
	EnvDovecot = "MEDIADESK_DOVECOT"
	EnvDoveadm = "MEDIADESK_DOVEADM"
)

// DovecotOptions configures StartDovecot. The zero value is usable.
type DovecotOptions struct {
	// Username of the one mail user (default "desk") and its Password
	// (default: random). Neither may contain ':' or a line break.
	Username, Password string
	// MailUser is the system account that owns the mail and runs the imap
	// processes when the test runs as root (default "nobody"): Dovecot
	// refuses UID 0 for mail access. Ignored when not root, where the
	// current user is used for everything.
	MailUser string
	// Folders are created in addition to INBOX, Sent and Processed.
	Folders []string
	// ExtraConfig is appended verbatim to the generated dovecot.conf.
	ExtraConfig string
	// OAuth2IntrospectionURL, when set, also accepts AUTHENTICATE XOAUTH2
	// and OAUTHBEARER for the mail user: Dovecot's oauth2 passdb asks this
	// RFC 7662 introspection endpoint (TokenServer.IntrospectionURL)
	// whether a bearer token is active, on every login (no cache).
	// Password logins keep working.
	OAuth2IntrospectionURL string
}

// dovecot is the state of one Dovecot instance.
type dovecot struct {
	bin      string
	dir      string // state directory, given by the caller
	runDir   string // base_dir: sockets, master.pid
	ownRun   bool   // runDir is a temp dir outside dir (socket path length)
	confPath string
	logPath  string
	maildir  string
	username string
	password string
	mailUID  int
	mailGID  int
	port     int
	addr     string
	// oauth2Conf is the oauth2 passdb's settings file ("" when off).
	oauth2Conf string

	proc *process
}

// LookDovecot returns the path of the dovecot binary: $MEDIADESK_DOVECOT if
// set, else dovecot on PATH or in the sbin directories.
func LookDovecot() (string, error) {
	return lookBinary(EnvDovecot, "dovecot")
}

// StartDovecot starts `dovecot -F -c <dir>/dovecot.conf` serving IMAP only on
// 127.0.0.1 on a free port, with plaintext login allowed, one passwd-file
// user, mail in <dir>/Maildir (LAYOUT=fs) and INBOX, Sent (\Sent) and
// Processed auto-created. Everything the server writes stays inside dir
// (except the sockets when dir's path is too long for a unix socket). It
// waits until the server greets and a login and SELECT INBOX work. The
// server is not tied to ctx, which only bounds start-up.
//
// The generated configuration, and what it takes to run Dovecot 2.3 as root,
// is documented in dovecotConfig.
func StartDovecot(ctx context.Context, dir string, opts DovecotOptions) (*IMAP, error) {
	bin, err := LookDovecot()
	if err != nil {
		return nil, err
	}
	if dir == "" {
		return nil, errors.New("dovecot: a state directory is required")
	}
	if dir, err = filepath.Abs(dir); err != nil {
		return nil, fmt.Errorf("dovecot state directory: %w", err)
	}
	if strings.ContainsAny(dir, " \t\n\"'%:#{}\\") {
		return nil, fmt.Errorf("dovecot state directory %q: must not contain spaces, quotes or any of %%:#{}\\", dir)
	}
	if opts.Username == "" {
		opts.Username = "desk"
	}
	if opts.Password == "" {
		opts.Password = randomPassword()
	}
	for _, s := range []string{opts.Username, opts.Password} {
		if strings.ContainsAny(s, ":\r\n") {
			return nil, errors.New("dovecot: username and password must not contain ':' or line breaks")
		}
	}
	for _, f := range opts.Folders {
		if err := checkFolderName(f); err != nil {
			return nil, err
		}
	}

	ids, err := dovecotAccounts(opts.MailUser)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("creating dovecot state directory: %w", err)
	}
	if ids.root {
		// Dovecot's auth process (default_internal_user) reads the passwd
		// file and the mail user reads the Maildir: both need to reach dir.
		if err := ensureTraversable(dir); err != nil {
			return nil, err
		}
	}

	d := &dovecot{
		bin:      bin,
		dir:      dir,
		confPath: filepath.Join(dir, "dovecot.conf"),
		logPath:  filepath.Join(dir, "dovecot.log"),
		maildir:  filepath.Join(dir, "Maildir"),
		username: opts.Username,
		password: opts.Password,
		mailUID:  ids.mailUID,
		mailGID:  ids.mailGID,
	}
	// Unix socket paths are limited to 107 bytes; Dovecot's longest socket
	// name under base_dir is about 30.
	if run := filepath.Join(dir, "run"); len(run) <= 70 {
		d.runDir = run
	} else {
		if d.runDir, err = os.MkdirTemp("", "mdv-run-"); err != nil {
			return nil, fmt.Errorf("creating dovecot base_dir: %w", err)
		}
		d.ownRun = true
		_ = os.Chmod(d.runDir, 0o755)
	}
	for _, p := range []string{d.maildir, filepath.Join(dir, "home")} {
		if err := mkdirOwned(p, d.mailUID, d.mailGID); err != nil {
			return nil, err
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "state"), 0o755); err != nil {
		return nil, fmt.Errorf("creating dovecot state_dir: %w", err)
	}
	passwd := fmt.Sprintf("%s:{PLAIN}%s:%d:%d::%s::\n", d.username, d.password, d.mailUID, d.mailGID, filepath.Join(dir, "home"))
	if err := os.WriteFile(filepath.Join(dir, "passwd"), []byte(passwd), 0o644); err != nil {
		return nil, fmt.Errorf("writing dovecot passwd file: %w", err)
	}

	if u := opts.OAuth2IntrospectionURL; u != "" {
		if strings.ContainsAny(u, " \t\r\n") || !strings.HasPrefix(u, "http") {
			return nil, fmt.Errorf("dovecot: OAuth2IntrospectionURL %q is not an http(s) URL", u)
		}
		d.oauth2Conf = filepath.Join(dir, "oauth2.conf.ext")
		if err := os.WriteFile(d.oauth2Conf, []byte(oauth2Config(u)), 0o644); err != nil {
			return nil, fmt.Errorf("writing dovecot oauth2 settings: %w", err)
		}
	}

	m := &IMAP{
		Username: d.username,
		Password: d.password,
		Kind:     KindDovecot,
		Dir:      dir,
		MailDir:  d.maildir,
		dv:       d,
	}
	var lastErr error
	for attempt := 0; attempt < 5; attempt++ {
		if d.port, err = freePort(); err != nil {
			return nil, err
		}
		d.addr = hostPort(d.port)
		conf := dovecotConfig(d, ids, append(append([]string{}, DefaultFolders[1:]...), opts.Folders...), opts.ExtraConfig)
		if err := os.WriteFile(d.confPath, []byte(conf), 0o644); err != nil {
			return nil, fmt.Errorf("writing dovecot.conf: %w", err)
		}
		lastErr = d.start(ctx)
		if lastErr == nil {
			m.Addr = d.addr
			m.running = true
			slog.Info("dovecot started", "addr", d.addr, "dir", dir, "user", d.username, "mail_uid", d.mailUID)
			return m, nil
		}
		if !errors.Is(lastErr, errAddrInUse) || ctx.Err() != nil {
			break
		}
	}
	d.cleanupRunDir()
	return nil, lastErr
}

// dovecotIDs are the accounts Dovecot runs its processes as.
type dovecotIDs struct {
	root          bool
	internalUser  string // default_internal_user
	internalGroup string // default_internal_group
	loginUser     string // default_login_user
	mailUID       int
	mailGID       int
}

// dovecotAccounts picks the accounts. As root, Dovecot's own Debian accounts
// run its internal (dovecot) and login (dovenull) processes, and mail is
// accessed as mailUser (default nobody): Dovecot rejects UID 0 for mail
// ("User has invalid UID '0'"). As any other user, that user is everything.
func dovecotAccounts(mailUser string) (dovecotIDs, error) {
	if os.Geteuid() != 0 {
		u, err := user.Current()
		if err != nil {
			return dovecotIDs{}, fmt.Errorf("dovecot: current user: %w", err)
		}
		g, err := user.LookupGroupId(u.Gid)
		if err != nil {
			return dovecotIDs{}, fmt.Errorf("dovecot: current group: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		return dovecotIDs{internalUser: u.Username, internalGroup: g.Name, loginUser: u.Username, mailUID: uid, mailGID: gid}, nil
	}
	ids := dovecotIDs{root: true, internalUser: "dovecot", internalGroup: "dovecot", loginUser: "dovenull"}
	for _, name := range []string{ids.internalUser, ids.loginUser} {
		if _, err := user.Lookup(name); err != nil {
			return dovecotIDs{}, fmt.Errorf("dovecot: system account %q missing (created by the dovecot-core package): %w", name, err)
		}
	}
	if _, err := user.LookupGroup(ids.internalGroup); err != nil {
		return dovecotIDs{}, fmt.Errorf("dovecot: system group %q missing: %w", ids.internalGroup, err)
	}
	if mailUser == "" {
		mailUser = "nobody"
	}
	u, err := user.Lookup(mailUser)
	if err != nil {
		return dovecotIDs{}, fmt.Errorf("dovecot: mail user %q: %w", mailUser, err)
	}
	ids.mailUID, _ = strconv.Atoi(u.Uid)
	ids.mailGID, _ = strconv.Atoi(u.Gid)
	if ids.mailUID == 0 {
		return dovecotIDs{}, fmt.Errorf("dovecot: mail user %q has UID 0, which Dovecot refuses", mailUser)
	}
	return ids, nil
}

// dovecotConfig renders a self-contained dovecot.conf (no includes of
// /etc/dovecot). What it takes to make Dovecot 2.3.19 run as root here:
//
//   - default_internal_user/group = dovecot and default_login_user =
//     dovenull: the Debian package's accounts; Dovecot will not run its
//     internal or login processes as root.
//   - The mail user must not be root: a passwd-file entry with UID 0 fails
//     with "User has invalid UID '0'". first_valid_uid/last_valid_uid admit
//     exactly the mail user's UID (nobody, 65534, by default).
//   - The auth process (running as dovecot) reads the passwd file and the
//     mail user reads the Maildir, so both must be able to traverse the
//     directory (t.TempDir() is 0700 root: ensureTraversable adds o+x).
//   - ssl = no with disable_plaintext_auth = no allows LOGIN without TLS;
//     imaps gets port 0 (no listener). protocols = imap starts no pop3,
//     lmtp or submission; every unix socket lives in base_dir.
//   - mailbox_idle_check_interval = 1 secs: the fallback poll when inotify
//     is unavailable (the default is 30 s); with inotify Dovecot tells an
//     idling client about new mail in about 0.5 s.
//   - mail_max_userip_connections = 100: the default 10 per user and IP is
//     easily reached by one IDLE connection per folder plus test clients.
//   - auth_failure_delay = 0 and anvil's auth-penalty socket made
//     unusable (mode 0): otherwise every failed login from 127.0.0.1 waits
//     2 s and the next ones 4-15 s (the per-IP penalty, which also delays
//     the good logins that follow). A failed login still takes ~0.5 s.
//   - mail_fsync = never: throwaway data; a killed process loses nothing
//     that was written, only an OS crash would.
func dovecotConfig(d *dovecot, ids dovecotIDs, folders []string, extra string) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	p("# Generated by mediadesk internal/servers for a throwaway IMAP server.")
	p("instance_name = mediadesk-%d", d.port)
	p("base_dir = %s", d.runDir)
	p("state_dir = %s", filepath.Join(d.dir, "state"))
	p("log_path = %s", d.logPath)
	p("info_log_path = %s", d.logPath)
	p("protocols = imap")
	p("listen = 127.0.0.1")
	p("ssl = no")
	p("disable_plaintext_auth = no")
	if d.oauth2Conf != "" {
		p("auth_mechanisms = plain login xoauth2 oauthbearer")
	} else {
		p("auth_mechanisms = plain login")
	}
	p("auth_failure_delay = 0")
	p("default_internal_user = %s", ids.internalUser)
	p("default_internal_group = %s", ids.internalGroup)
	p("default_login_user = %s", ids.loginUser)
	p("first_valid_uid = %d", d.mailUID)
	p("last_valid_uid = %d", d.mailUID)
	p("first_valid_gid = %d", min(d.mailGID, 1))
	p("mail_location = maildir:%s:LAYOUT=fs:INBOX=%s", d.maildir, filepath.Join(d.maildir, FolderInbox))
	p("mail_fsync = never")
	p("mailbox_idle_check_interval = 1 secs")
	p("mail_max_userip_connections = 100")
	if d.oauth2Conf != "" {
		// Each passdb serves its own mechanisms: passwords through the
		// passwd file, bearer tokens through introspection. The userdb
		// (the passwd file) is the same for both.
		p("passdb {\n  driver = passwd-file\n  mechanisms = plain login\n  args = scheme=PLAIN username_format=%%u %s\n}", filepath.Join(d.dir, "passwd"))
		p("passdb {\n  driver = oauth2\n  mechanisms = xoauth2 oauthbearer\n  args = %s\n}", d.oauth2Conf)
	} else {
		p("passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%%u %s\n}", filepath.Join(d.dir, "passwd"))
	}
	p("userdb {\n  driver = passwd-file\n  args = username_format=%%u %s\n}", filepath.Join(d.dir, "passwd"))
	p("namespace inbox {\n  inbox = yes\n  separator = /")
	for _, f := range folders {
		p("  mailbox %q {\n    auto = subscribe", f)
		if f == FolderSent {
			p("    special_use = \\Sent")
		}
		p("  }")
	}
	p("}")
	p("service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = %d\n  }\n  inet_listener imaps {\n    port = 0\n  }", d.port)
	if !ids.root {
		p("  chroot =")
	}
	p("}")
	// The auth process cannot open anvil's penalty socket, so it runs
	// without the per-IP auth penalty (up to 15 s per failed login).
	p("service anvil {\n  unix_listener anvil-auth-penalty {\n    mode = 0\n  }")
	if !ids.root {
		p("  chroot =") // without root there is no chroot
	}
	p("}")
	if extra != "" {
		p("%s", extra)
	}
	return b.String()
}

// oauth2Config is the oauth2 passdb's settings file: POST introspection
// (Dovecot sends token=<token>&client_id=&client_secret=) and the user
// named by the answer's username when active is true. An empty
// tokeninfo_url keeps Dovecot from trying a second lookup.
func oauth2Config(introspectionURL string) string {
	return "introspection_mode = post\n" +
		"introspection_url = " + introspectionURL + "\n" +
		"username_attribute = username\n" +
		"active_attribute = active\n" +
		"active_value = true\n" +
		"tokeninfo_url =\n"
}

// start runs the master on d.port and waits until IMAP works.
func (d *dovecot) start(ctx context.Context) error {
	// A master.pid left by a killed master would make Dovecot refuse to
	// start if its PID were reused; ours is known to be gone.
	_ = os.Remove(filepath.Join(d.runDir, "master.pid"))
	logStart := fileSize(d.logPath)
	p, err := startProcess("dovecot", d.bin, []string{"-F", "-c", d.confPath}, filepath.Join(d.dir, "dovecot.out"))
	if err != nil {
		return err
	}
	err = waitReady(ctx, p, 30*time.Second, func(ctx context.Context) error {
		return imapGreeting(ctx, d.addr)
	})
	if err == nil {
		// Log in and select INBOX once: configuration errors about mail
		// access only show up then, and it creates the folders.
		err = d.probe(ctx)
	}
	if err != nil {
		_ = p.kill()
		logTail := tailFrom(d.logPath, logStart, 20)
		err = fmt.Errorf("dovecot on %s: %w\n%s:\n%s\noutput:\n%s", d.addr, err, d.logPath, logTail, p.outputTail(10))
		if strings.Contains(logTail, "Address already in use") {
			return fmt.Errorf("%w: %w", errAddrInUse, err)
		}
		return err
	}
	d.proc = p
	return nil
}

func (d *dovecot) probe(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	c, err := Dial(ctx, d.addr, d.username, d.password, nil)
	if err != nil {
		return err
	}
	defer c.Close()
	if _, err := c.Select(FolderInbox, nil).Wait(); err != nil {
		return fmt.Errorf("probe SELECT INBOX: %w", err)
	}
	return c.Logout().Wait()
}

func (d *dovecot) stop() error {
	p := d.proc
	d.proc = nil
	if p == nil {
		return nil
	}
	defer d.cleanupRunDir()
	start := time.Now()
	defer func() {
		slog.Debug("dovecot stopped", "addr", d.addr, "took", time.Since(start).Round(time.Millisecond))
	}()
	// SIGTERM to the whole group: each imap process says "* BYE Server
	// shutting down." and exits at once (signalled by the master alone, an
	// idling one lingers for seconds), and the master stops its services but
	// then waits about a second for its log process. Once only those two are
	// left the rest is skipped with SIGKILL: a Restart costs ~0.1 s.
	if err := p.signalGroup(syscall.SIGTERM); err != nil {
		return err
	}
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) && !p.exited() {
		live, ok := liveGroupMembers(p.pgid)
		if !ok {
			break
		}
		if onlyMasterAndLog(live) {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := p.kill(); err != nil {
		return fmt.Errorf("stopping dovecot on %s: %w", d.addr, err)
	}
	return nil
}

// onlyMasterAndLog reports whether the live processes are just Dovecot's
// master and log process.
func onlyMasterAndLog(comms []string) bool {
	for _, c := range comms {
		if c != "dovecot" && c != "log" {
			return false
		}
	}
	return true
}

func (d *dovecot) kill() error {
	p := d.proc
	d.proc = nil
	if p == nil {
		return nil
	}
	defer d.cleanupRunDir()
	if err := p.kill(); err != nil {
		return fmt.Errorf("killing dovecot on %s: %w", d.addr, err)
	}
	return nil
}

func (d *dovecot) restart(ctx context.Context) error {
	var err error
	for attempt := 0; attempt < 10; attempt++ {
		if err = d.start(ctx); err == nil || !errors.Is(err, errAddrInUse) || ctx.Err() != nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err == nil {
		slog.Info("dovecot restarted", "addr", d.addr)
	}
	return err
}

// cleanupRunDir removes a base_dir created outside dir.
func (d *dovecot) cleanupRunDir() {
	if d.ownRun {
		_ = os.RemoveAll(d.runDir)
	}
}

// doveadm runs doveadm against this instance's configuration.
func (d *dovecot) doveadm(ctx context.Context, args ...string) (string, error) {
	bin, err := lookBinary(EnvDoveadm, "doveadm")
	if err != nil {
		if alt := filepath.Join(filepath.Dir(d.bin), "doveadm"); isExecutable(alt) {
			bin, err = alt, nil
		} else if alt := "/usr/bin/doveadm"; isExecutable(alt) {
			bin, err = alt, nil
		}
	}
	if err != nil {
		return "", err
	}
	cmd := exec.CommandContext(ctx, bin, append([]string{"-c", d.confPath}, args...)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("doveadm %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(string(out)))
	}
	return string(out), nil
}

// recreateFolder sets a new UIDVALIDITY on folder with doveadm, keeping
// messages and UIDs. Dovecot disconnects clients that have it selected.
func (d *dovecot) recreateFolder(ctx context.Context, folder string) (uint32, error) {
	out, err := d.doveadm(ctx, "-f", "flow", "mailbox", "status", "-u", d.username, "uidvalidity", folder)
	if err != nil {
		return 0, err
	}
	old, err := parseFlowField(out, "uidvalidity")
	if err != nil {
		return 0, err
	}
	next := uidValidityNext(uint32(old))
	if _, err := d.doveadm(ctx, "mailbox", "update", "-u", d.username, "--uid-validity", strconv.FormatUint(uint64(next), 10), folder); err != nil {
		return 0, err
	}
	return next, nil
}

// parseFlowField reads key=value from doveadm's flow output.
func parseFlowField(out, key string) (uint64, error) {
	for _, f := range strings.Fields(out) {
		if v, ok := strings.CutPrefix(f, key+"="); ok {
			n, err := strconv.ParseUint(v, 10, 32)
			if err != nil {
				return 0, fmt.Errorf("doveadm %s=%q: %w", key, v, err)
			}
			return n, nil
		}
	}
	return 0, fmt.Errorf("doveadm output has no %s: %q", key, strings.TrimSpace(out))
}

// maildirSeq makes seeded file names unique and increasing within this
// process, so Dovecot (which sorts new files by name when it assigns UIDs)
// numbers them in seeding order.
var maildirSeq struct {
	sync.Mutex
	sec, usec, n int64
}

func nextMaildirName(size int) string {
	maildirSeq.Lock()
	defer maildirSeq.Unlock()
	now := time.Now()
	sec, usec := now.Unix(), int64(now.Nanosecond()/1000)
	if sec < maildirSeq.sec || (sec == maildirSeq.sec && usec <= maildirSeq.usec) {
		sec, usec = maildirSeq.sec, maildirSeq.usec+1
		if usec >= 1e6 {
			sec, usec = sec+1, 0
		}
	}
	maildirSeq.sec, maildirSeq.usec = sec, usec
	maildirSeq.n++
	return fmt.Sprintf("%d.M%06dP%dQ%d.mediadesk,S=%d", sec, usec, os.Getpid(), maildirSeq.n, size)
}

// folderDir maps an IMAP folder name to its Maildir directory (LAYOUT=fs).
func (d *dovecot) folderDir(folder string) (string, error) {
	if strings.EqualFold(folder, FolderInbox) {
		return filepath.Join(d.maildir, FolderInbox), nil
	}
	if err := checkFolderName(folder); err != nil {
		return "", err
	}
	return filepath.Join(d.maildir, filepath.FromSlash(folder)), nil
}

// checkFolderName accepts printable ASCII names with '/' as the hierarchy
// separator: Dovecot stores other names modified-UTF-7-encoded on disk, which
// SeedMaildir does not do.
func checkFolderName(folder string) error {
	if folder == "" || strings.HasPrefix(folder, "/") || strings.HasSuffix(folder, "/") {
		return fmt.Errorf("folder name %q: must be non-empty and not start or end with '/'", folder)
	}
	for _, r := range folder {
		if r < 0x20 || r > 0x7e || r == '&' || r == '\\' || r == '%' || r == '*' || r == '"' {
			return fmt.Errorf("folder name %q: only printable ASCII without &\\%%*\" is supported", folder)
		}
	}
	for _, part := range strings.Split(folder, "/") {
		if part == "" || part == "." || part == ".." || strings.HasPrefix(part, ".") {
			return fmt.Errorf("folder name %q: empty or dot-prefixed path element", folder)
		}
	}
	return nil
}

// seed writes msgs into folder's new/ directory, each through tmp/ so
// Dovecot never sees a partial file.
func (d *dovecot) seed(folder string, msgs [][]byte) error {
	fdir, err := d.folderDir(folder)
	if err != nil {
		return err
	}
	// Every directory from the Maildir root down belongs to the mail user,
	// so Dovecot can create its index files and subfolders there.
	rel, err := filepath.Rel(d.maildir, fdir)
	if err != nil {
		return fmt.Errorf("seeding %s: %w", folder, err)
	}
	dir := d.maildir
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		dir = filepath.Join(dir, part)
		if err := mkdirOwned(dir, d.mailUID, d.mailGID); err != nil {
			return fmt.Errorf("seeding %s: %w", folder, err)
		}
	}
	for _, sub := range []string{"cur", "new", "tmp"} {
		if err := mkdirOwned(filepath.Join(fdir, sub), d.mailUID, d.mailGID); err != nil {
			return fmt.Errorf("seeding %s: %w", folder, err)
		}
	}
	// Sequential on purpose: parallel writers contend on the directory and
	// were slower here.
	chown := os.Geteuid() == 0
	for i, msg := range msgs {
		if err := d.deliver(fdir, nextMaildirName(len(msg)), msg, chown); err != nil {
			return fmt.Errorf("seeding %s: message %d of %d: %w", folder, i+1, len(msgs), err)
		}
	}
	return nil
}

// deliver writes one message to tmp/ and renames it into new/.
func (d *dovecot) deliver(fdir, name string, msg []byte, chown bool) error {
	tmp := filepath.Join(fdir, "tmp", name)
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(msg)
	if err == nil && chown {
		err = f.Chown(d.mailUID, d.mailGID)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, filepath.Join(fdir, "new", name))
	}
	if err != nil {
		_ = os.Remove(tmp)
	}
	return err
}

// mkdirOwned creates dir (and parents) and, when root, gives dir itself to
// uid:gid.
func mkdirOwned(dir string, uid, gid int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", dir, err)
	}
	if os.Geteuid() == 0 {
		if err := os.Chown(dir, uid, gid); err != nil {
			return fmt.Errorf("chown %s: %w", dir, err)
		}
	}
	return nil
}

// ensureTraversable makes dir and its ancestors searchable by other users
// (o+x), so Dovecot's unprivileged processes can reach files inside it.
// Ancestors are only changed when they lie inside the system temp directory
// (t.TempDir() creates them 0700); elsewhere a missing o+x is an error.
func ensureTraversable(dir string) error {
	tmp, err := filepath.EvalSymlinks(os.TempDir())
	if err != nil {
		tmp = os.TempDir()
	}
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return fmt.Errorf("resolving %s: %w", dir, err)
	}
	for p := real; ; p = filepath.Dir(p) {
		fi, err := os.Stat(p)
		if err != nil {
			return fmt.Errorf("checking %s: %w", p, err)
		}
		if fi.Mode().Perm()&0o001 == 0 {
			inTemp := strings.HasPrefix(p, tmp+string(filepath.Separator))
			if p != real && !inTemp {
				return fmt.Errorf("dovecot: %s is not searchable by other users (mode %v); Dovecot's unprivileged processes cannot reach %s: chmod o+x it or use a directory under %s", p, fi.Mode().Perm(), dir, tmp)
			}
			if err := os.Chmod(p, fi.Mode().Perm()|0o001); err != nil {
				return fmt.Errorf("chmod o+x %s: %w", p, err)
			}
		}
		if p == filepath.Dir(p) || p == tmp {
			return nil
		}
	}
}

func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// tailFrom returns the last n lines written to path after offset.
func tailFrom(path string, offset int64, n int) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Sprintf("(cannot read %s: %v)", path, err)
	}
	if offset > int64(len(b)) {
		offset = 0
	}
	lines := strings.Split(strings.TrimRight(string(b[offset:]), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
