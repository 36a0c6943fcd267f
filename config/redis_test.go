package config

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// TestRedisKeyPrefix: each desk's keys carry a hash tag of their own,
// derived from the desk, so desks on one Redis Cluster spread over its
// masters while each desk's scripts stay in one slot; key_prefix still
// overrides it.
func TestRedisKeyPrefix(t *testing.T) {
	tests := []struct {
		name, redis        string
		wantPrefix, wantID string
		wantErr            string
	}{
		{"from the reference prefix", "redis:\n  url_env: T_REDIS_URL\n", "{md:test}:", "test", ""},
		{"desk id", "redis:\n  url_env: T_REDIS_URL\n  desk_id: press-office_2\n", "{md:press-office_2}:", "press-office_2", ""},
		{"key_prefix overrides", "redis:\n  url_env: T_REDIS_URL\n  key_prefix: \"{md}:\"\n", "{md}:", "", ""},
		{"key_prefix of its own", "redis:\n  url_env: T_REDIS_URL\n  key_prefix: \"desk1:{x}:\"\n", "desk1:{x}:", "", ""},
		{"both", "redis:\n  url_env: T_REDIS_URL\n  desk_id: a\n  key_prefix: \"{a}:\"\n", "", "", "give one"},
		{"key_prefix without a tag", "redis:\n  url_env: T_REDIS_URL\n  key_prefix: \"md:\"\n", "", "", "hash tag"},
		{"key_prefix with an empty tag", "redis:\n  url_env: T_REDIS_URL\n  key_prefix: \"{}md:\"\n", "", "", "hash tag"},
		{"bad desk id", "redis:\n  url_env: T_REDIS_URL\n  desk_id: \"Press Office\"\n", "", "", "lower-case"},
	}
	base := string(loadValid(t))
	const old = "redis:\n  url_env: T_REDIS_URL\n"
	if !strings.Contains(base, old) {
		t.Fatal("base config changed")
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := parse(t, []byte(strings.Replace(base, old, tc.redis, 1)))
			if tc.wantErr != "" {
				var es Errors
				if !errors.As(err, &es) || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("want an error about %q, got %v", tc.wantErr, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.Redis.KeyPrefix != tc.wantPrefix || c.Redis.DeskID != tc.wantID {
				t.Errorf("prefix %q id %q, want %q %q", c.Redis.KeyPrefix, c.Redis.DeskID, tc.wantPrefix, tc.wantID)
			}
		})
	}
}

func TestLeaseTTL(t *testing.T) {
	base := string(loadValid(t))
	c, err := parse(t, []byte(base))
	if err != nil {
		t.Fatal(err)
	}
	if c.Ingest.LeaseTTL != 30*time.Second {
		t.Errorf("default lease %s", c.Ingest.LeaseTTL)
	}
	c, err = parse(t, []byte(base+"ingest: {lease_ttl: 3s}\n"))
	if err != nil || c.Ingest.LeaseTTL != 3*time.Second {
		t.Errorf("lease_ttl 3s: %v %v", c, err)
	}
	if _, err := parse(t, []byte(base+"ingest: {lease_ttl: 10ms}\n")); err == nil || !strings.Contains(err.Error(), "ingest.lease_ttl") {
		t.Errorf("lease_ttl 10ms: %v", err)
	}
}
