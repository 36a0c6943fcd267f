package servers

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// SentinelMaster is the master name a RedisSentinelSet's sentinel watches.
const SentinelMaster = "mediadesk"

// RedisSentinelSet is a primary, one replica of it and one sentinel
// watching them (quorum 1), all real redis-server processes on loopback.
type RedisSentinelSet struct {
	Primary, Replica *Redis
	// SentinelAddr is the sentinel's host:port.
	SentinelAddr string
	// URL names the set through its sentinel with database db:
	// redis://<sentinel>/<db>?master=mediadesk.
	URL string

	dir  string
	mu   sync.Mutex
	proc *process
}

// StartRedisSentinelSet starts a primary and a replica (data in
// dir/primary and dir/replica, the production persistence settings of
// opts), waits for the replica to be in sync, then starts a sentinel
// (`redis-server sentinel.conf --sentinel`) that declares the primary down
// after 1 s and can fail over to the replica.
func StartRedisSentinelSet(ctx context.Context, dir string, opts RedisOptions) (*RedisSentinelSet, error) {
	bin, err := LookRedisServer()
	if err != nil {
		return nil, err
	}
	s := &RedisSentinelSet{dir: dir}
	fail := func(err error) (*RedisSentinelSet, error) {
		_ = s.Stop()
		return nil, err
	}
	if s.Primary, err = StartRedisServer(ctx, filepath.Join(dir, "primary"), opts); err != nil {
		return fail(fmt.Errorf("sentinel set primary: %w", err))
	}
	ropts := opts
	ropts.ExtraArgs = append(append([]string(nil), opts.ExtraArgs...), "--replicaof", "127.0.0.1", strconv.Itoa(s.Primary.port))
	if s.Replica, err = StartRedisServer(ctx, filepath.Join(dir, "replica"), ropts); err != nil {
		return fail(fmt.Errorf("sentinel set replica: %w", err))
	}
	if err := waitInfo(ctx, s.Replica.Addr, "replication", "master_link_status:up", 30*time.Second); err != nil {
		return fail(err)
	}
	sdir := filepath.Join(dir, "sentinel")
	if err := os.MkdirAll(sdir, 0o755); err != nil {
		return fail(err)
	}
	var lastErr error
	for attempt := 0; attempt < 5; attempt++ {
		port, err := freePort()
		if err != nil {
			return fail(err)
		}
		conf := filepath.Join(sdir, "sentinel.conf")
		// Sentinel rewrites its config file: it must be writable.
		text := fmt.Sprintf(`port %d
bind 127.0.0.1
daemonize no
dir %s
logfile %s
sentinel monitor %s 127.0.0.1 %d 1
sentinel down-after-milliseconds %s 1000
sentinel failover-timeout %s 10000
sentinel parallel-syncs %s 1
`, port, sdir, filepath.Join(sdir, "sentinel.log"), SentinelMaster, s.Primary.port, SentinelMaster, SentinelMaster, SentinelMaster)
		if err := os.WriteFile(conf, []byte(text), 0o644); err != nil {
			return fail(err)
		}
		p, err := startProcess("redis-sentinel", bin, []string{conf, "--sentinel"}, filepath.Join(sdir, "sentinel.out"))
		if err != nil {
			return fail(err)
		}
		addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
		lastErr = waitReady(ctx, p, 30*time.Second, func(ctx context.Context) error {
			return dialCheck(ctx, addr, "PING\r\n", "+PONG")
		})
		if lastErr == nil {
			s.proc, s.SentinelAddr = p, addr
			break
		}
		_ = p.kill()
		lastErr = fmt.Errorf("redis sentinel on %s: %w\nsentinel.log:\n%s", addr, lastErr, tailFile(filepath.Join(sdir, "sentinel.log"), 15))
	}
	if s.proc == nil {
		return fail(lastErr)
	}
	s.URL = "redis://" + s.SentinelAddr + "/0?master=" + SentinelMaster
	// Ready when the sentinel knows the replica (it can fail over to it).
	sc := redis.NewSentinelClient(&redis.Options{Addr: s.SentinelAddr})
	defer sc.Close()
	deadline := time.Now().Add(30 * time.Second)
	for {
		reps, err := sc.Replicas(ctx, SentinelMaster).Result()
		if err == nil && len(reps) == 1 && reps[0]["flags"] == "slave" && reps[0]["master-link-status"] == "ok" {
			break
		}
		if time.Now().After(deadline) {
			return fail(fmt.Errorf("redis sentinel never saw the replica: %v %v", reps, err))
		}
		time.Sleep(50 * time.Millisecond)
	}
	slog.Info("redis sentinel set started", "sentinel", s.SentinelAddr, "primary", s.Primary.Addr, "replica", s.Replica.Addr)
	return s, nil
}

// URLWithDB is URL with database db.
func (s *RedisSentinelSet) URLWithDB(db int) string {
	return "redis://" + s.SentinelAddr + "/" + strconv.Itoa(db) + "?master=" + SentinelMaster
}

// MasterAddr asks the sentinel which server is the master now.
func (s *RedisSentinelSet) MasterAddr(ctx context.Context) (string, error) {
	sc := redis.NewSentinelClient(&redis.Options{Addr: s.SentinelAddr})
	defer sc.Close()
	hp, err := sc.GetMasterAddrByName(ctx, SentinelMaster).Result()
	if err != nil {
		return "", fmt.Errorf("sentinel get-master-addr-by-name: %w", err)
	}
	if len(hp) != 2 {
		return "", fmt.Errorf("sentinel get-master-addr-by-name: %v", hp)
	}
	return net.JoinHostPort(hp[0], hp[1]), nil
}

// Failover asks the sentinel to fail over (SENTINEL FAILOVER) and waits
// until it names the other server as master and that server says it is
// one. It returns the new master's address.
func (s *RedisSentinelSet) Failover(ctx context.Context, within time.Duration) (string, error) {
	before, err := s.MasterAddr(ctx)
	if err != nil {
		return "", err
	}
	sc := redis.NewSentinelClient(&redis.Options{Addr: s.SentinelAddr})
	defer sc.Close()
	if err := sc.Failover(ctx, SentinelMaster).Err(); err != nil {
		return "", fmt.Errorf("sentinel failover: %w", err)
	}
	deadline := time.Now().Add(within)
	for {
		now, err := s.MasterAddr(ctx)
		if err == nil && now != before {
			if err := waitInfo(ctx, now, "replication", "role:master", time.Until(deadline)); err != nil {
				return "", err
			}
			return now, nil
		}
		if time.Now().After(deadline) {
			return "", fmt.Errorf("sentinel failover: master still %s after %s", before, within)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Stop stops the sentinel, the replica and the primary.
func (s *RedisSentinelSet) Stop() error {
	var errs []error
	s.mu.Lock()
	if s.proc != nil {
		errs = append(errs, s.proc.stop(10*time.Second))
		s.proc = nil
	}
	s.mu.Unlock()
	for _, r := range []*Redis{s.Replica, s.Primary} {
		if r != nil {
			errs = append(errs, r.Stop())
		}
	}
	return errors.Join(errs...)
}

// waitInfo waits until INFO section of the server at addr holds want.
func waitInfo(ctx context.Context, addr, section, want string, within time.Duration) error {
	cl := redis.NewClient(&redis.Options{Addr: addr})
	defer cl.Close()
	deadline := time.Now().Add(within)
	for {
		info, err := cl.Info(ctx, section).Result()
		if err == nil && strings.Contains(info, want) {
			return nil
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return fmt.Errorf("redis %s: no %q in INFO %s after %s (%v)", addr, want, section, within, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
