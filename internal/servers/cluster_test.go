package servers_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/internal/servers"
	"github.com/mediadesk/mediadesk/internal/servers/servertest"
)

// TestRedisCluster: three masters share the slots evenly and a key lives
// on the master whose range holds its slot.
func TestRedisCluster(t *testing.T) {
	c := servertest.RedisCluster(t, 3)
	ctx := context.Background()
	addrs := make([]string, len(c.Masters))
	for i, m := range c.Masters {
		addrs[i] = m.Addr
	}
	cc := redis.NewClusterClient(&redis.ClusterOptions{Addrs: addrs})
	defer cc.Close()
	for i := 0; i < 30; i++ {
		key := fmt.Sprintf("{tag%d}:k", i)
		if err := cc.Set(ctx, key, i, 0).Err(); err != nil {
			t.Fatal(err)
		}
		slot, err := cc.ClusterKeySlot(ctx, key).Result()
		if err != nil {
			t.Fatal(err)
		}
		m := c.Masters[c.MasterOfSlot(int(slot))]
		one := redis.NewClient(&redis.Options{Addr: m.Addr})
		n, err := one.Exists(ctx, key).Result()
		one.Close()
		if err != nil || n != 1 {
			t.Errorf("%s (slot %d) not on master %s: %v %v", key, slot, m.Addr, n, err)
		}
	}
}

// TestRedisSentinelSet: writes through the sentinel keep their database
// and survive a failover to the replica.
func TestRedisSentinelSet(t *testing.T) {
	s := servertest.RedisSentinelSet(t)
	ctx := context.Background()
	rdb := redis.NewFailoverClient(&redis.FailoverOptions{MasterName: servers.SentinelMaster, SentinelAddrs: []string{s.SentinelAddr}, DB: 3})
	defer rdb.Close()
	if err := rdb.Set(ctx, "k", "v", 0).Err(); err != nil {
		t.Fatal(err)
	}
	if err := rdb.Do(ctx, "WAIT", 1, 5000).Err(); err != nil {
		t.Fatal(err)
	}
	newMaster, err := s.Failover(ctx, 30*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if newMaster != s.Replica.Addr {
		t.Errorf("new master %s, want the replica %s", newMaster, s.Replica.Addr)
	}
	direct := redis.NewClient(&redis.Options{Addr: s.Replica.Addr, DB: 3})
	defer direct.Close()
	if v, err := direct.Get(ctx, "k").Result(); err != nil || v != "v" {
		t.Errorf("after failover the new master has %q %v in db 3", v, err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		err := rdb.Set(ctx, "k2", "v2", 0).Err()
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no write through the sentinel after failover: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
