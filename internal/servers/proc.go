package servers

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"
)

// ErrBinaryNotFound is returned (wrapped) when a real server's binary cannot
// be found.
var ErrBinaryNotFound = errors.New("server binary not found")

// ErrUnsupported is returned (wrapped) by operations that the embedded
// stand-ins cannot perform, such as pausing miniredis.
var ErrUnsupported = errors.New("not supported by this kind of server")

// sbinDirs are searched after PATH: Dovecot lives in /usr/sbin, which is not
// on PATH in every non-login shell.
var sbinDirs = []string{"/usr/sbin", "/usr/local/sbin", "/sbin"}

// lookBinary finds a server binary. When the environment variable envVar is
// set it is used as is (a path, or a name looked up on PATH), so tests can
// simulate a missing binary with e.g. MEDIADESK_REDIS_SERVER=/nonexistent.
func lookBinary(envVar, name string) (string, error) {
	if v := os.Getenv(envVar); v != "" {
		p, err := exec.LookPath(v)
		if err != nil {
			return "", fmt.Errorf("%s=%q: %w: %v", envVar, v, ErrBinaryNotFound, err)
		}
		return p, nil
	}
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	for _, dir := range sbinDirs {
		p := filepath.Join(dir, name)
		if isExecutable(p) {
			return p, nil
		}
	}
	return "", fmt.Errorf("%s: %w on PATH or in %s (set %s to its path)",
		name, ErrBinaryNotFound, strings.Join(sbinDirs, ", "), envVar)
}

func isExecutable(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular() && fi.Mode().Perm()&0o111 != 0
}

// freePort asks the kernel for a free loopback TCP port. The port is released
// before it is returned, so a server started on it may lose a race with
// another process; callers retry with a fresh port when the bind fails.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("finding a free loopback port: %w", err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	if err := ln.Close(); err != nil {
		return 0, fmt.Errorf("releasing free port %d: %w", port, err)
	}
	return port, nil
}

// process is a child server process running in its own process group.
type process struct {
	name    string
	cmd     *exec.Cmd
	pgid    int
	outPath string // the child's stdout and stderr

	done    chan struct{} // closed when the leader has been waited for
	waitErr error         // valid after done is closed
}

// startProcess starts bin with args in a new process group whose leader gets
// SIGKILL when this process dies. Stdout and stderr are appended to outPath.
//
// The process is deliberately not tied to a context: the servers outlive the
// context of the call that starts them, and the parent-death signal is what
// keeps them from outliving the test binary.
func startProcess(name, bin string, args []string, outPath string) (*process, error) {
	out, err := os.OpenFile(outPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, fmt.Errorf("opening %s output file: %w", name, err)
	}
	defer out.Close() // the child has its own copy

	cmd := exec.Command(bin, args...)
	cmd.Stdout = out
	cmd.Stderr = out
	cmd.Stdin = nil
	cmd.SysProcAttr = sysProcAttr()
	if err := spawn(cmd); err != nil {
		return nil, fmt.Errorf("starting %s (%s): %w", name, bin, err)
	}
	p := &process{
		name:    name,
		cmd:     cmd,
		pgid:    cmd.Process.Pid,
		outPath: outPath,
		done:    make(chan struct{}),
	}
	go func() {
		p.waitErr = cmd.Wait()
		close(p.done)
	}()
	return p, nil
}

// spawner starts every child from one goroutine locked to its OS thread for
// the life of the process. Linux delivers the parent-death signal when the
// *thread* that forked the child exits, and Go retires a thread when a
// goroutine locked to it returns; a caller in such a goroutine would
// otherwise take its servers down with it.
var spawner struct {
	once sync.Once
	reqs chan spawnReq
}

type spawnReq struct {
	cmd  *exec.Cmd
	done chan error
}

func spawn(cmd *exec.Cmd) error {
	spawner.once.Do(func() {
		spawner.reqs = make(chan spawnReq)
		go func() {
			runtime.LockOSThread() // never unlocked: the thread lives on
			for r := range spawner.reqs {
				r.done <- r.cmd.Start()
			}
		}()
	})
	done := make(chan error, 1)
	spawner.reqs <- spawnReq{cmd: cmd, done: done}
	return <-done
}

// exited reports whether the group leader has exited.
func (p *process) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// signal sends sig to the group leader.
func (p *process) signal(sig syscall.Signal) error {
	if p.exited() {
		return nil
	}
	if err := syscall.Kill(p.pgid, sig); err != nil && !errors.Is(err, syscall.ESRCH) {
		return fmt.Errorf("sending %v to %s (pid %d): %w", sig, p.name, p.pgid, err)
	}
	return nil
}

// signalGroup sends sig to every process in the group.
func (p *process) signalGroup(sig syscall.Signal) error {
	if err := syscall.Kill(-p.pgid, sig); err != nil && !errors.Is(err, syscall.ESRCH) {
		return fmt.Errorf("sending %v to %s process group %d: %w", sig, p.name, p.pgid, err)
	}
	return nil
}

// groupAlive reports whether any process of the group is still running.
// Zombies do not count: they hold no ports or files, and this sandbox's init
// reaps orphans only every couple of seconds.
func (p *process) groupAlive() bool {
	if syscall.Kill(-p.pgid, 0) != nil {
		return false
	}
	live, ok := liveGroupMembers(p.pgid)
	return !ok || len(live) > 0
}

// stop asks the leader to terminate with SIGTERM and waits up to grace for the
// whole group to go; whatever is left then is killed.
func (p *process) stop(grace time.Duration) error {
	if err := p.signal(syscall.SIGTERM); err != nil {
		return err
	}
	if p.waitGroup(grace) {
		return nil
	}
	return p.kill()
}

// kill sends SIGKILL to the whole group and waits for it to disappear.
func (p *process) kill() error {
	if err := p.signalGroup(syscall.SIGKILL); err != nil {
		return err
	}
	// SIGCONT too, in case the group was paused: a stopped process still
	// dies from SIGKILL, this only keeps things tidy.
	_ = p.signalGroup(syscall.SIGCONT)
	if !p.waitGroup(10 * time.Second) {
		return fmt.Errorf("%s process group %d still alive 10s after SIGKILL", p.name, p.pgid)
	}
	return nil
}

// waitGroup waits until the leader has been reaped and no process of its group
// is left (children reparented to init are reaped there), or until d passes.
func (p *process) waitGroup(d time.Duration) bool {
	deadline := time.Now().Add(d)
	select {
	case <-p.done:
	case <-time.After(d):
		return false
	}
	for p.groupAlive() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(5 * time.Millisecond)
	}
	return true
}

// outputTail returns the last n lines of the child's stdout/stderr.
func (p *process) outputTail(n int) string {
	return tailFile(p.outPath, n)
}

// tailFile returns the last n lines of the file at path, or a note saying why
// it could not be read.
func tailFile(path string, n int) string {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Sprintf("(no %s: %v)", filepath.Base(path), err)
	}
	defer f.Close()
	const maxTail = 64 << 10
	if fi, err := f.Stat(); err == nil && fi.Size() > maxTail {
		_, _ = f.Seek(fi.Size()-maxTail, io.SeekStart)
	}
	b, _ := io.ReadAll(f)
	lines := bytes.Split(bytes.TrimRight(b, "\n"), []byte("\n"))
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return string(bytes.Join(lines, []byte("\n")))
}

// waitReady polls ready until it succeeds, the process exits, ctx ends or
// timeout passes.
func waitReady(ctx context.Context, p *process, timeout time.Duration, ready func(context.Context) error) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var last error
	for {
		if p.exited() {
			return fmt.Errorf("%s exited during start-up: %v", p.name, p.waitErr)
		}
		attempt, cancelAttempt := context.WithTimeout(ctx, time.Second)
		last = ready(attempt)
		cancelAttempt()
		if last == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%s not ready: %w (last error: %v)", p.name, ctx.Err(), last)
		case <-p.done:
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// dialCheck connects to addr and reads the first line the server sends, which
// must start with prefix (an empty prefix skips reading).
func dialCheck(ctx context.Context, addr, send, prefix string) error {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	if dl, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(dl)
	}
	if send != "" {
		if _, err := io.WriteString(conn, send); err != nil {
			return err
		}
	}
	buf := make([]byte, 512)
	n, err := conn.Read(buf)
	if n == 0 && err != nil {
		return err
	}
	if !strings.HasPrefix(string(buf[:n]), prefix) {
		return fmt.Errorf("unexpected greeting %q", strings.TrimSpace(string(buf[:n])))
	}
	return nil
}
