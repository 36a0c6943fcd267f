package config

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// TestSecretURLsChecked: with secrets checked, the URLs held by secret
// variables are parsed and a bad one is a problem at its key, never
// showing the credentials; without (--no-env) they are not read. Feed and
// base URLs in the file are shown redacted too.
func TestSecretURLsChecked(t *testing.T) {
	const pw = "Hunter2pw"
	base := string(loadValid(t))
	abs, _ := filepath.Abs("testdata/valid.yaml")
	strictRedis := func(raw string) error {
		if strings.Contains(raw, "notadb") {
			return errors.New("redis url: database \"notadb\" is not a number")
		}
		return nil
	}
	cases := []struct {
		name     string
		yaml     string
		vars     map[string]string
		check    func(string) error
		path     string
		want     string // in the message; "" = valid
		noSecret bool   // also valid with CheckSecrets off
	}{
		{"good redis", base, map[string]string{"T_REDIS_URL": "redis://:" + pw + "@r.example:6379/0"}, nil, "", "", true},
		{"unparsable redis", base, map[string]string{"T_REDIS_URL": "redis://user:" + pw + "%zz@r.example:6379/0"}, nil,
			"redis.url_env", "environment variable T_REDIS_URL does not hold a usable Redis URL", true},
		{"redis password with a slash", base, map[string]string{"T_REDIS_URL": "redis://user:" + pw + "/x@r.example:6379/0"}, nil,
			"redis.url_env", "does not hold a usable Redis URL", true},
		{"redis without host", base, map[string]string{"T_REDIS_URL": "/var/run/redis.sock"}, nil,
			"redis.url_env", "no host", true},
		{"redis checked by the desk's parser", base, map[string]string{"T_REDIS_URL": "redis://:" + pw + "@r.example:6379/notadb"}, strictRedis,
			"redis.url_env", "is not a number", true},
		{"unset redis is the embedded store", base, map[string]string{}, nil, "", "", true},
		{"bad webhook", strings.Replace(base, "outlets:\n", "alerts: {webhook_url_env: T_HOOK}\noutlets:\n", 1),
			map[string]string{"T_HOOK": "hooks.example/services/" + pw}, nil,
			"alerts.webhook_url_env", "does not hold an http(s) URL (the URL is a secret and not shown)", true},
		{"good webhook", strings.Replace(base, "outlets:\n", "alerts: {webhook_url_env: T_HOOK}\noutlets:\n", 1),
			map[string]string{"T_HOOK": "https://hooks.example/services/" + pw}, nil, "", "", true},
		{"feed with credentials, unparsable", strings.Replace(base, "file: releases.jsonl", "feed: https://u:"+pw+"%zz@feeds.example/atom", 1),
			map[string]string{}, nil, "releases.sources[0].feed", "is not an http(s) URL", false},
		{"feed with a token, wrong scheme", strings.Replace(base, "file: releases.jsonl", "feed: ftp://feeds.example/atom?token="+pw, 1),
			map[string]string{}, nil, "releases.sources[0].feed", `"ftp://feeds.example/atom?token=xxxxx" is not an http(s) URL`, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.vars["T_IMAP_PW"] = "secret"
			_, err := Parse([]byte(c.yaml), abs, LoadOptions{Env: env(c.vars), CheckSecrets: true, CheckRedisURL: c.check})
			if c.want == "" {
				if err != nil {
					t.Fatalf("want valid, got %v", err)
				}
				return
			}
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("want problems, got %v", err)
			}
			t.Log(err)
			found := false
			for _, e := range es {
				if e.Path == c.path && strings.Contains(e.Msg, c.want) {
					found = true
				}
			}
			if !found {
				t.Errorf("want %s: %q, got %v", c.path, c.want, err)
			}
			if strings.Contains(err.Error(), pw) || strings.Contains(err.Error(), pw[:5]) {
				t.Errorf("the password shows: %v", err)
			}
			_, err = Parse([]byte(c.yaml), abs, LoadOptions{Env: env(c.vars), CheckSecrets: false, CheckRedisURL: c.check})
			if c.noSecret && err != nil {
				t.Errorf("with secrets unchecked (--no-env): %v", err)
			}
		})
	}
}
