// Package servertest gives tests throwaway Redis and IMAP servers from
// package servers, stopped by t.Cleanup: the real redis-server and Dovecot
// when installed, else miniredis and the go-imap memory server, unless
// MEDIADESK_REQUIRE_REAL=1, which makes a missing binary a test failure.
package servertest

import (
	"testing"

	"github.com/mediadesk/mediadesk/internal/servers"
)

// Redis returns a running Redis: redis-server if installed, else miniredis.
func Redis(t testing.TB) *servers.Redis {
	t.Helper()
	return RedisWith(t, servers.RedisOptions{})
}

// RedisWith is Redis with options for the real server.
func RedisWith(t testing.TB, opts servers.RedisOptions) *servers.Redis {
	t.Helper()
	c, err := servers.ChooseRedis()
	if err != nil {
		t.Fatal(err)
	}
	if !c.Real {
		t.Logf("servertest: redis-server unavailable (%s): using miniredis", c.Reason)
		return miniredis(t)
	}
	return realRedis(t, opts)
}

// RealRedis returns a running redis-server; the test is skipped when it is
// not installed (failed when MEDIADESK_REQUIRE_REAL=1).
func RealRedis(t testing.TB) *servers.Redis {
	t.Helper()
	c, err := servers.ChooseRedis()
	if err != nil {
		t.Fatal(err)
	}
	if !c.Real {
		t.Skipf("servertest: needs redis-server: %s", c.Reason)
	}
	return realRedis(t, servers.RedisOptions{})
}

// Miniredis returns a running miniredis (over TCP).
func Miniredis(t testing.TB) *servers.Redis {
	t.Helper()
	return miniredis(t)
}

func miniredis(t testing.TB) *servers.Redis {
	t.Helper()
	r, err := servers.StartMiniredis()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stop(t, r.Stop) })
	t.Logf("servertest: miniredis at %s", r.Addr)
	return r
}

func realRedis(t testing.TB, opts servers.RedisOptions) *servers.Redis {
	t.Helper()
	r, err := servers.StartRedisServer(t.Context(), t.TempDir(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stop(t, r.Stop) })
	t.Logf("servertest: redis-server at %s (dir %s)", r.Addr, r.Dir)
	return r
}

// IMAP returns a running IMAP server: Dovecot if installed, else the memory
// server. opts (at most one) sets the user and extra folders.
func IMAP(t testing.TB, opts ...servers.DovecotOptions) *servers.IMAP {
	t.Helper()
	o := one(t, opts)
	c, err := servers.ChooseIMAP()
	if err != nil {
		t.Fatal(err)
	}
	if !c.Real {
		t.Logf("servertest: dovecot unavailable (%s): using the memory IMAP server", c.Reason)
		return memIMAP(t, o)
	}
	return dovecot(t, o)
}

// RealDovecot returns a running Dovecot; the test is skipped when it is not
// installed (failed when MEDIADESK_REQUIRE_REAL=1).
func RealDovecot(t testing.TB, opts ...servers.DovecotOptions) *servers.IMAP {
	t.Helper()
	o := one(t, opts)
	c, err := servers.ChooseIMAP()
	if err != nil {
		t.Fatal(err)
	}
	if !c.Real {
		t.Skipf("servertest: needs dovecot: %s", c.Reason)
	}
	return dovecot(t, o)
}

// MemIMAP returns a running go-imap memory server.
func MemIMAP(t testing.TB, opts ...servers.DovecotOptions) *servers.IMAP {
	t.Helper()
	return memIMAP(t, one(t, opts))
}

func memIMAP(t testing.TB, o servers.DovecotOptions) *servers.IMAP {
	t.Helper()
	m, err := servers.StartMemIMAP(o.Username, o.Password, o.Folders...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stop(t, m.Stop) })
	t.Logf("servertest: memory IMAP server at %s", m.Addr)
	return m
}

func dovecot(t testing.TB, o servers.DovecotOptions) *servers.IMAP {
	t.Helper()
	m, err := servers.StartDovecot(t.Context(), t.TempDir(), o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stop(t, m.Stop) })
	t.Logf("servertest: dovecot at %s (dir %s)", m.Addr, m.Dir)
	return m
}

func one(t testing.TB, opts []servers.DovecotOptions) servers.DovecotOptions {
	t.Helper()
	switch len(opts) {
	case 0:
		return servers.DovecotOptions{}
	case 1:
		return opts[0]
	default:
		t.Fatal("servertest: at most one DovecotOptions")
		return servers.DovecotOptions{}
	}
}

func stop(t testing.TB, f func() error) {
	if err := f(); err != nil {
		t.Errorf("servertest: %v", err)
	}
}

// RedisCluster returns a running Redis Cluster of masters real
// redis-server nodes; the test is skipped when redis-server is not
// installed (failed when MEDIADESK_REQUIRE_REAL=1).
func RedisCluster(t testing.TB, masters int) *servers.RedisCluster {
	t.Helper()
	needRedis(t)
	c, err := servers.StartRedisCluster(t.Context(), t.TempDir(), masters, servers.RedisOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stop(t, c.Stop) })
	t.Logf("servertest: redis cluster %s", c.URL)
	return c
}

// RedisSentinelSet returns a running primary, replica and sentinel (real
// redis-server); skipped like RedisCluster.
func RedisSentinelSet(t testing.TB) *servers.RedisSentinelSet {
	t.Helper()
	needRedis(t)
	s, err := servers.StartRedisSentinelSet(t.Context(), t.TempDir(), servers.RedisOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stop(t, s.Stop) })
	t.Logf("servertest: redis sentinel %s (primary %s, replica %s)", s.SentinelAddr, s.Primary.Addr, s.Replica.Addr)
	return s
}

func needRedis(t testing.TB) {
	t.Helper()
	c, err := servers.ChooseRedis()
	if err != nil {
		t.Fatal(err)
	}
	if !c.Real {
		t.Skipf("servertest: needs redis-server: %s", c.Reason)
	}
}
