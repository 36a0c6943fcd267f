package servers

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/redis/go-redis/v9"
)

// BenchRedis is the Redis a bench command measures against: the server at
// url, or (url "") a throwaway redis-server without an append-only file
// in a temporary directory. Close stops what it started.
func BenchRedis(ctx context.Context, url string) (rdb *redis.Client, closeAll func(), err error) {
	var cleanup []func()
	closeAll = func() {
		for i := len(cleanup) - 1; i >= 0; i-- {
			cleanup[i]()
		}
	}
	if url == "" {
		dir, err := os.MkdirTemp("", "mediadesk-bench-")
		if err != nil {
			return nil, closeAll, err
		}
		cleanup = append(cleanup, func() { os.RemoveAll(dir) })
		r, err := StartRedisServer(ctx, dir, RedisOptions{NoAppendOnly: true})
		if err != nil {
			closeAll()
			return nil, func() {}, fmt.Errorf("needs redis-server: %w", err)
		}
		cleanup = append(cleanup, func() { r.Stop() })
		url = r.URL
	}
	opt, err := redis.ParseURL(url)
	if err != nil {
		closeAll()
		return nil, func() {}, err
	}
	rdb = redis.NewClient(opt)
	cleanup = append(cleanup, func() { rdb.Close() })
	return rdb, closeAll, nil
}

// DeletePrefix removes every key under prefix (a bench's keys from an
// earlier run), a thousand at a time.
func DeletePrefix(ctx context.Context, rdb *redis.Client, prefix string) error {
	iter := rdb.Scan(ctx, 0, prefix+"*", 1000).Iterator()
	var batch []string
	for iter.Next(ctx) {
		batch = append(batch, iter.Val())
		if len(batch) == 1000 {
			if err := rdb.Unlink(ctx, batch...).Err(); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	if len(batch) > 0 {
		if err := rdb.Unlink(ctx, batch...).Err(); err != nil {
			return err
		}
	}
	return iter.Err()
}

// MainThreadCPU is the CPU time Redis's main thread has used (INFO cpu).
func MainThreadCPU(ctx context.Context, rdb *redis.Client) (time.Duration, error) {
	info, err := rdb.Info(ctx, "cpu").Result()
	if err != nil {
		return 0, fmt.Errorf("redis cpu: %w", err)
	}
	return time.Duration(InfoSum(info, "used_cpu_user_main_thread", "used_cpu_sys_main_thread") * float64(time.Second)), nil
}
