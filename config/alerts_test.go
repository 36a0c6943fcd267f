package config

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// TestAlertGrouping: alerts.group_wait, group_interval and max_per_mail
// have defaults, take values (group_interval 0s turns grouping off), and
// bad values are problems at their keys.
func TestAlertGrouping(t *testing.T) {
	base := string(loadValid(t))
	with := func(y string) string { return strings.Replace(base, "outlets:\n", "alerts: {"+y+"}\noutlets:\n", 1) }
	c, err := parse(t, []byte(base))
	if err != nil {
		t.Fatal(err)
	}
	if c.Alerts.GroupWait != 0 || c.Alerts.Grouping() != 5*time.Minute || c.Alerts.MaxPerMail != 50 {
		t.Errorf("defaults: wait %v, interval %v, max %d", c.Alerts.GroupWait, c.Alerts.Grouping(), c.Alerts.MaxPerMail)
	}
	for _, ok := range []struct {
		yaml           string
		wait, interval time.Duration
		max            int
	}{
		{"group_wait: 30s, group_interval: 10m, max_per_mail: 20", 30 * time.Second, 10 * time.Minute, 20},
		{"group_interval: 0s", 0, 0, 50},
	} {
		c, err := parse(t, []byte(with(ok.yaml)))
		if err != nil {
			t.Errorf("%s: %v", ok.yaml, err)
			continue
		}
		if c.Alerts.GroupWait != ok.wait || c.Alerts.Grouping() != ok.interval || c.Alerts.MaxPerMail != ok.max {
			t.Errorf("%s: wait %v, interval %v, max %d", ok.yaml, c.Alerts.GroupWait, c.Alerts.Grouping(), c.Alerts.MaxPerMail)
		}
	}
	for _, bad := range []struct{ yaml, path, want string }{
		{"group_wait: -1s", "alerts.group_wait", "negative"},
		{"group_wait: 2h, group_interval: 3h", "alerts.group_wait", "between 0s and 1h"},
		{"group_wait: 10m, group_interval: 5m", "alerts.group_wait", "longer than alerts.group_interval"},
		{"group_interval: 500ms", "alerts.group_interval", "below the 1s minimum"},
		{"group_interval: 48h", "alerts.group_interval", "between 0s (no grouping) and 24h"},
		{"group_interval: soon", "alerts.group_interval", ""},
		{"max_per_mail: -3", "alerts.max_per_mail", "between 1 and 1000"},
		{"max_per_mail: 5000", "alerts.max_per_mail", "between 1 and 1000"},
	} {
		_, err := parse(t, []byte(with(bad.yaml)))
		var es Errors
		if !errors.As(err, &es) || !strings.Contains(err.Error(), bad.path) || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%s: %v", bad.yaml, err)
		}
	}
}
