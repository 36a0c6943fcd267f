package app

import (
	"context"
	"testing"
)

// TestIsSentinelClient: the client ConnectRedis opens for a Sentinel URL
// is told apart, so redis.wait_replicas defaults to 1 there only.
func TestIsSentinelClient(t *testing.T) {
	tests := []struct {
		url  string
		want bool
	}{
		{"redis://127.0.0.1:6379/0", false},
		{"redis://127.0.0.1:26379,127.0.0.1:26380/2?master=mymaster", true},
		{"rediss+sentinel://127.0.0.1:26379?master=mymaster", true},
		{"redis+cluster://127.0.0.1:7000,127.0.0.1:7001", false},
	}
	for _, tc := range tests {
		rdb, err := ConnectRedis(context.Background(), tc.url)
		if err != nil {
			t.Fatalf("%s: %v", tc.url, err)
		}
		if got := IsSentinelClient(rdb); got != tc.want {
			t.Errorf("%s: sentinel %v, want %v", tc.url, got, tc.want)
		}
		rdb.Close()
	}
}
