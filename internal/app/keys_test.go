package app

import (
	"context"
	"strings"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/internal/servers/servertest"
)

// TestLegacyKeyPrefixRefused: a desk whose keys would move to its own
// "{md:<id>}:" prefix does not start over an empty prefix while Redis holds
// a desk under the old shared "{md}:"; key_prefix: "{md}:" keeps it.
func TestLegacyKeyPrefixRefused(t *testing.T) {
	r := servertest.Redis(t)
	rdb := redis.NewClient(&redis.Options{Addr: r.Addr})
	defer rdb.Close()
	ctx := context.Background()
	if err := rdb.XAdd(ctx, &redis.XAddArgs{Stream: "{md}:events", Values: []string{"type", "enquiry.created"}}).Err(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, extra, wantErr string
	}{
		{"derived prefix, data under {md}:", "", `redis.key_prefix: "{md}:"`},
		{"key_prefix keeps the old keys", "redis: {url_env: SCALE_REDIS_URL, key_prefix: \"{md}:\"}\n", ""},
		{"a desk id of its own is a choice too", "redis: {url_env: SCALE_REDIS_URL, desk_id: fresh}\n", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			yaml := scaleDesk("FCDO", "127.0.0.1:1", "desk", "INBOX", "127.0.0.1:1", "")
			if tc.extra != "" {
				yaml = strings.Replace(yaml, "redis: {url_env: SCALE_REDIS_URL}\n", tc.extra, 1)
			}
			cfg := loadScaleDesk(t, yaml)
			_, err := New(ctx, Options{Config: cfg, Redis: rdb, Listen: "-", OpsListen: "-", Logger: quietLog()})
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Fatalf("want an error naming %s, got %v", tc.wantErr, err)
			}
		})
	}
}
