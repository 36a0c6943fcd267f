package servers

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/alicebob/miniredis/v2"
)

// Kinds of server, as reported in Redis.Kind and IMAP.Kind.
const (
	KindRedisServer = "redis-server"
	KindMiniredis   = "miniredis"
	KindDovecot     = "dovecot"
	KindMemIMAP     = "memory"
)

// EnvRedisServer overrides the redis-server binary (a path or a name on PATH).
const EnvRedisServer = "MEDIADESK_REDIS_SERVER"

// RedisOptions configures a real redis-server. The zero value gives the
// production persistence settings: appendonly yes, appendfsync everysec, no
// RDB snapshots.
type RedisOptions struct {
	// AppendFsync is "everysec" (default), "always" or "no".
	AppendFsync string
	// NoAppendOnly turns the append-only file off (data then does not
	// survive a restart).
	NoAppendOnly bool
	// ExtraArgs are appended to the command line, e.g. "--maxmemory", "64mb".
	ExtraArgs []string
	// Cluster starts the server as a Redis Cluster node (cluster-enabled,
	// its nodes.conf in the data directory, a cluster bus port of its own
	// on a free port); StartRedisCluster joins nodes into a cluster.
	Cluster bool
}

// Redis is a running (or stopped) Redis server: a real redis-server child
// process or an in-process miniredis, both on a loopback TCP port.
type Redis struct {
	// Addr is host:port, stable across Restart.
	Addr string
	// URL is redis://Addr/0, for redis.ParseURL and the redis.url_env setting.
	URL string
	// Kind is KindRedisServer or KindMiniredis.
	Kind string
	// Dir holds the AOF and logs (real only).
	Dir string
	// Mini is the embedded server (miniredis only), e.g. for FastForward.
	Mini *miniredis.Miniredis

	bin  string
	port int
	// busPort is the Cluster bus port (Cluster nodes only).
	busPort int
	opts    RedisOptions

	mu      sync.Mutex
	proc    *process // nil when stopped (real only)
	running bool
}

// LookRedisServer returns the path of the redis-server binary: $MEDIADESK_REDIS_SERVER
// if set, else redis-server on PATH or in the sbin directories.
func LookRedisServer() (string, error) {
	return lookBinary(EnvRedisServer, "redis-server")
}

// StartRedisServer starts a real redis-server on 127.0.0.1 on a free port,
// keeping its append-only file in dir (created if needed), and waits until it
// answers PING. The server is not tied to ctx, which only bounds start-up.
func StartRedisServer(ctx context.Context, dir string, opts RedisOptions) (*Redis, error) {
	bin, err := LookRedisServer()
	if err != nil {
		return nil, err
	}
	if dir == "" {
		return nil, errors.New("redis-server: a data directory is required")
	}
	dir, err = filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("redis-server data directory: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("creating redis-server data directory: %w", err)
	}
	switch opts.AppendFsync {
	case "":
		opts.AppendFsync = "everysec"
	case "everysec", "always", "no":
	default:
		return nil, fmt.Errorf("redis-server: appendfsync %q: want everysec, always or no", opts.AppendFsync)
	}
	r := &Redis{Kind: KindRedisServer, Dir: dir, bin: bin, opts: opts}
	var lastErr error
	for attempt := 0; attempt < 5; attempt++ {
		port, err := freePort()
		if err != nil {
			return nil, err
		}
		r.setPort(port)
		if opts.Cluster {
			if r.busPort, err = freePort(); err != nil {
				return nil, err
			}
		}
		lastErr = r.start(ctx)
		if lastErr == nil {
			slog.Info("redis-server started", "addr", r.Addr, "dir", dir, "appendfsync", opts.AppendFsync)
			return r, nil
		}
		if !errors.Is(lastErr, errAddrInUse) || ctx.Err() != nil {
			break
		}
	}
	return nil, lastErr
}

// StartMiniredis starts an in-process miniredis on a free loopback TCP port.
// It is always served over TCP: its in-memory pipe deadlocks on long
// pipelines.
func StartMiniredis() (*Redis, error) {
	m := miniredis.NewMiniRedis()
	if err := m.StartAddr("127.0.0.1:0"); err != nil {
		return nil, fmt.Errorf("starting miniredis: %w", err)
	}
	r := &Redis{Kind: KindMiniredis, Mini: m, running: true}
	port, _ := strconv.Atoi(m.Port())
	r.setPort(port)
	slog.Info("miniredis started", "addr", r.Addr)
	return r, nil
}

func (r *Redis) setPort(port int) {
	r.port = port
	r.Addr = net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
	r.URL = "redis://" + r.Addr + "/0"
}

// errAddrInUse marks a start that failed because the port was taken.
var errAddrInUse = errors.New("address already in use")

func (r *Redis) args() []string {
	appendonly := "yes"
	if r.opts.NoAppendOnly {
		appendonly = "no"
	}
	args := []string{
		"--port", strconv.Itoa(r.port),
		"--bind", "127.0.0.1",
		"--dir", r.Dir,
		"--appendonly", appendonly,
		"--appendfsync", r.opts.AppendFsync,
		"--save", "",
		"--daemonize", "no",
		"--logfile", filepath.Join(r.Dir, "redis.log"),
		"--databases", "16",
	}
	if r.opts.Cluster {
		args = append(args,
			"--cluster-enabled", "yes",
			"--cluster-config-file", filepath.Join(r.Dir, "nodes.conf"),
			"--cluster-port", strconv.Itoa(r.busPort),
			"--cluster-node-timeout", "2000",
			"--cluster-require-full-coverage", "yes",
		)
	}
	return append(args, r.opts.ExtraArgs...)
}

// start runs the real server on r.port; r.mu must not be held by others.
func (r *Redis) start(ctx context.Context) error {
	p, err := startProcess("redis-server", r.bin, r.args(), filepath.Join(r.Dir, "redis.out"))
	if err != nil {
		return err
	}
	err = waitReady(ctx, p, 30*time.Second, func(ctx context.Context) error {
		return dialCheck(ctx, r.Addr, "PING\r\n", "+PONG")
	})
	if err != nil {
		_ = p.kill()
		logTail := tailFile(filepath.Join(r.Dir, "redis.log"), 15)
		err = fmt.Errorf("redis-server on %s: %w\nredis.log:\n%s\noutput:\n%s", r.Addr, err, logTail, p.outputTail(10))
		if strings.Contains(logTail, "Address already in use") {
			return fmt.Errorf("%w: %w", errAddrInUse, err)
		}
		return err
	}
	r.mu.Lock()
	r.proc = p
	r.running = true
	r.mu.Unlock()
	return nil
}

// Stop shuts the server down gracefully (SIGTERM: redis-server fsyncs its AOF)
// and waits for it to exit. Stopping a stopped server is a no-op. Data of a
// miniredis is kept in memory for Restart.
func (r *Redis) Stop() error {
	return r.halt("stopping", func(p *process) error {
		_ = p.signalGroup(syscall.SIGCONT) // in case it is paused
		return p.stop(15 * time.Second)
	})
}

// Kill ends a real server with SIGKILL, like a crash: writes acknowledged
// before the kill survive in the AOF (they are written before the reply),
// anything else is lost. For miniredis it is the same as Stop.
func (r *Redis) Kill() error {
	return r.halt("killing", (*process).kill)
}

// halt ends a running server with end (a miniredis is just closed).
func (r *Redis) halt(verb string, end func(*process) error) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.running {
		return nil
	}
	r.running = false
	if r.Mini != nil {
		r.Mini.Close()
		return nil
	}
	p := r.proc
	r.proc = nil
	if err := end(p); err != nil {
		return fmt.Errorf("%s redis-server on %s: %w", verb, r.Addr, err)
	}
	return nil
}

// Restart stops the server if it is running and starts it again on the same
// port and directory. A real server reloads its data from the AOF; miniredis
// keeps its data in memory.
func (r *Redis) Restart(ctx context.Context) error {
	if err := r.Stop(); err != nil {
		return err
	}
	if r.Mini != nil {
		r.mu.Lock()
		defer r.mu.Unlock()
		if err := r.Mini.Restart(); err != nil {
			return fmt.Errorf("restarting miniredis on %s: %w", r.Addr, err)
		}
		r.running = true
		return nil
	}
	// The port was ours a moment ago; retry briefly in case the kernel or
	// another process holds it.
	var err error
	for attempt := 0; attempt < 10; attempt++ {
		if err = r.start(ctx); err == nil || !errors.Is(err, errAddrInUse) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		return fmt.Errorf("restarting: %w", err)
	}
	slog.Info("redis-server restarted", "addr", r.Addr)
	return nil
}

// Pause freezes a real server with SIGSTOP: connections stay open but nothing
// is answered, like a server stalled on disk. Resume undoes it. miniredis
// returns ErrUnsupported.
func (r *Redis) Pause() error { return r.sendGroup(syscall.SIGSTOP) }

// Resume continues a paused real server (SIGCONT).
func (r *Redis) Resume() error { return r.sendGroup(syscall.SIGCONT) }

func (r *Redis) sendGroup(sig syscall.Signal) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.Mini != nil {
		return fmt.Errorf("miniredis: %v: %w", sig, ErrUnsupported)
	}
	if r.proc == nil {
		return fmt.Errorf("redis-server on %s is not running", r.Addr)
	}
	return r.proc.signalGroup(sig)
}

// Pid returns the redis-server process id, or 0 (miniredis, stopped).
func (r *Redis) Pid() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.proc == nil {
		return 0
	}
	return r.proc.pgid
}

// InfoSum adds up the numeric fields named keys in the text of a Redis
// INFO reply (e.g. used_cpu_user and used_cpu_sys for its CPU seconds).
func InfoSum(info string, keys ...string) float64 {
	var total float64
	for _, l := range strings.Split(info, "\n") {
		k, v, ok := strings.Cut(strings.TrimSpace(l), ":")
		if ok && slices.Contains(keys, k) {
			f, _ := strconv.ParseFloat(v, 64)
			total += f
		}
	}
	return total
}
