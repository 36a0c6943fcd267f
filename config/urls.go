package config

import (
	"errors"
	"net/url"
	"strings"

	"github.com/mediadesk/mediadesk/internal/redact"
)

// secretURLs parses the URLs held by secret environment variables, when
// secrets are checked and the variables are set: the Redis URL (with
// LoadOptions.CheckRedisURL, else as a URL) and the alert webhook's. A
// problem names the key and the variable; the Redis URL is shown with its
// credentials masked, the webhook URL (whose path is its secret) not at
// all.
func (v *validator) secretURLs() {
	if !v.secrets {
		return
	}
	if name := v.cfg.Redis.URLEnv; name != "" && envRe.MatchString(name) {
		if raw, ok := v.env(name); ok && strings.TrimSpace(raw) != "" {
			var err error
			if v.checkRedisURL != nil {
				err = v.checkRedisURL(raw)
			} else if u, perr := url.Parse(raw); perr != nil {
				err = perr
			} else if u.Host == "" {
				err = errors.New("no host")
			}
			if err != nil {
				v.errorf("redis.url_env", "environment variable %s does not hold a usable Redis URL: %v", name, redact.Error(err, raw))
			}
		}
	}
	if name := v.cfg.Alerts.WebhookURLEnv; name != "" && envRe.MatchString(name) {
		if raw, ok := v.env(name); ok && strings.TrimSpace(raw) != "" {
			u, err := url.Parse(strings.TrimSpace(raw))
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				v.errorf("alerts.webhook_url_env", "environment variable %s does not hold an http(s) URL (the URL is a secret and not shown)", name)
			}
		}
	}
}

// badURL reports raw as not an http(s) URL, with its credentials masked
// and, when it did not parse, why (the parse detail, which quotes a piece
// of the input, dropped).
func (v *validator) badURL(path, raw string, parseErr error) {
	if parseErr != nil {
		v.errorf(path, "is not an http(s) URL: %v", redact.Error(parseErr, raw))
		return
	}
	v.errorf(path, "%q is not an http(s) URL", redact.URL(raw))
}
