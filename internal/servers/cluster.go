package servers

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// RedisCluster is a Redis Cluster of real redis-server masters (no
// replicas) on loopback ports, the 16,384 hash slots split evenly between
// them in order: master 0 has the lowest slots.
type RedisCluster struct {
	Masters []*Redis
	// URL is redis+cluster://addr1,addr2,..., the form app.ConnectRedis reads.
	URL string
}

// StartRedisCluster starts masters redis-server nodes in cluster mode (each
// keeping its data in dir/node<i>), gives each its share of the slots,
// joins them with CLUSTER MEET and waits until every node reports the
// cluster ok. It is built from Go, so redis-cli is not needed.
func StartRedisCluster(ctx context.Context, dir string, masters int, opts RedisOptions) (*RedisCluster, error) {
	if masters < 1 || masters > 16 {
		return nil, fmt.Errorf("redis cluster: %d masters: want 1 to 16", masters)
	}
	opts.Cluster = true
	c := &RedisCluster{}
	fail := func(err error) (*RedisCluster, error) {
		_ = c.Stop()
		return nil, err
	}
	for i := 0; i < masters; i++ {
		r, err := StartRedisServer(ctx, filepath.Join(dir, fmt.Sprintf("node%d", i)), opts)
		if err != nil {
			return fail(fmt.Errorf("redis cluster node %d: %w", i, err))
		}
		c.Masters = append(c.Masters, r)
	}
	var addrs []string
	for i, r := range c.Masters {
		addrs = append(addrs, r.Addr)
		lo, hi := SlotRange(i, masters)
		if err := c.do(ctx, r, "CLUSTER", "ADDSLOTSRANGE", lo, hi); err != nil {
			return fail(err)
		}
	}
	for _, r := range c.Masters[1:] {
		if err := c.do(ctx, c.Masters[0], "CLUSTER", "MEET", "127.0.0.1", r.port, r.busPort); err != nil {
			return fail(err)
		}
	}
	c.URL = "redis+cluster://" + strings.Join(addrs, ",")
	if err := c.waitOK(ctx, 30*time.Second); err != nil {
		return fail(err)
	}
	slog.Info("redis cluster started", "masters", masters, "addrs", addrs)
	return c, nil
}

// SlotRange is the slots master i of n holds in a cluster StartRedisCluster
// made: [lo, hi].
func SlotRange(i, n int) (lo, hi int) {
	return i * 16384 / n, (i+1)*16384/n - 1
}

// MasterOfSlot is the index of the master holding slot.
func (c *RedisCluster) MasterOfSlot(slot int) int {
	for i := range c.Masters {
		if lo, hi := SlotRange(i, len(c.Masters)); slot >= lo && slot <= hi {
			return i
		}
	}
	return -1
}

func (c *RedisCluster) do(ctx context.Context, r *Redis, args ...any) error {
	cl := redis.NewClient(&redis.Options{Addr: r.Addr})
	defer cl.Close()
	if err := cl.Do(ctx, args...).Err(); err != nil {
		return fmt.Errorf("redis cluster: %v on %s: %w", args[:2], r.Addr, err)
	}
	return nil
}

// waitOK waits until every node knows every other and says cluster_state:ok.
func (c *RedisCluster) waitOK(ctx context.Context, within time.Duration) error {
	deadline := time.Now().Add(within)
	var last string
	for _, r := range c.Masters {
		cl := redis.NewClient(&redis.Options{Addr: r.Addr})
		for {
			info, err := cl.ClusterInfo(ctx).Result()
			if err == nil && strings.Contains(info, "cluster_state:ok") &&
				strings.Contains(info, "cluster_known_nodes:"+strconv.Itoa(len(c.Masters))+"\r") {
				break
			}
			last = fmt.Sprint(err, info)
			if time.Now().After(deadline) || ctx.Err() != nil {
				cl.Close()
				return fmt.Errorf("redis cluster not ok on %s after %s: %s", r.Addr, within, last)
			}
			time.Sleep(50 * time.Millisecond)
		}
		cl.Close()
	}
	return nil
}

// Stop stops every node.
func (c *RedisCluster) Stop() error {
	var errs []error
	for _, r := range c.Masters {
		errs = append(errs, r.Stop())
	}
	return errors.Join(errs...)
}
