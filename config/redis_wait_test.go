package config

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// TestRedisWait: redis.wait_replicas defaults by topology (1 through
// Sentinel, else 0) unless set; wait_timeout defaults to 1s and is
// bounded so WAIT never blocks for ever nor outlasts the client's read
// timeout.
func TestRedisWait(t *testing.T) {
	tests := []struct {
		name, extra      string
		single, sentinel int
		timeout          time.Duration
		wantErr          string
	}{
		{"defaults", "", 0, 1, time.Second, ""},
		{"off", "  wait_replicas: 0\n", 0, 0, time.Second, ""},
		{"two", "  wait_replicas: 2\n  wait_timeout: 250ms\n", 2, 2, 250 * time.Millisecond, ""},
		{"negative", "  wait_replicas: -1\n", 0, 0, 0, "wait_replicas"},
		{"too many", "  wait_replicas: 17\n", 0, 0, 0, "wait_replicas"},
		{"timeout too long", "  wait_timeout: 9s\n", 0, 0, 0, "wait_timeout"},
		{"timeout negative", "  wait_timeout: -1s\n", 0, 0, 0, "wait_timeout"},
	}
	base := string(loadValid(t))
	const old = "redis:\n  url_env: T_REDIS_URL\n"
	if !strings.Contains(base, old) {
		t.Fatal("base config changed")
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := parse(t, []byte(strings.Replace(base, old, old+tc.extra, 1)))
			if tc.wantErr != "" {
				var es Errors
				if !errors.As(err, &es) || !strings.Contains(err.Error(), "redis."+tc.wantErr) {
					t.Fatalf("want an error about %q, got %v", tc.wantErr, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := c.Redis.ReplicasToWait(false); got != tc.single {
				t.Errorf("replicas on one server %d, want %d", got, tc.single)
			}
			if got := c.Redis.ReplicasToWait(true); got != tc.sentinel {
				t.Errorf("replicas through Sentinel %d, want %d", got, tc.sentinel)
			}
			if c.Redis.WaitTimeout != tc.timeout {
				t.Errorf("timeout %s, want %s", c.Redis.WaitTimeout, tc.timeout)
			}
		})
	}
}
