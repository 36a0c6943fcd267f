package config

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// TestIngestLimits: the sender limit and HTML cap have defaults, take
// values, and bad values are problems at their keys.
func TestIngestLimits(t *testing.T) {
	base := string(loadValid(t))
	c, err := parse(t, []byte(base))
	if err != nil {
		t.Fatal(err)
	}
	if c.Ingest.SenderLimit != 5 || c.Ingest.SenderWindow != time.Hour || c.Ingest.MaxHTMLBytes != 256<<10 {
		t.Errorf("defaults: %+v", c.Ingest)
	}
	c, err = parse(t, []byte(strings.Replace(base, "outlets:\n", "ingest: {sender_limit: 3, sender_window: 30m, max_html_bytes: 65536}\noutlets:\n", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if c.Ingest.SenderLimit != 3 || c.Ingest.SenderWindow != 30*time.Minute || c.Ingest.MaxHTMLBytes != 65536 {
		t.Errorf("set: %+v", c.Ingest)
	}
	for _, bad := range []struct{ yaml, path, want string }{
		{"sender_limit: -1", "ingest.sender_limit", "must be a positive number"},
		{"sender_limit: lots", "ingest.sender_limit", ""},
		{"sender_window: 10s", "ingest.sender_window", "below the 1m minimum"},
		{"sender_window: 800h", "ingest.sender_window", "longer than 30 days"},
		{"max_html_bytes: 100", "ingest.max_html_bytes", "below the 4096-byte minimum"},
	} {
		_, err := parse(t, []byte(strings.Replace(base, "outlets:\n", "ingest: {"+bad.yaml+"}\noutlets:\n", 1)))
		var es Errors
		if !errors.As(err, &es) || !strings.Contains(err.Error(), bad.path) || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%s: %v", bad.yaml, err)
		}
	}
}
