package config

import (
	"errors"
	"strings"
	"testing"
)

// TestAutoAckMeetsHolding: sla.policies[].auto_ack_meets_holding is off by
// default, takes true per policy, and anything but a boolean (or a
// misspelt key) is a problem at its key.
func TestAutoAckMeetsHolding(t *testing.T) {
	base := string(loadValid(t))
	with := func(y string) string {
		return strings.Replace(base, "      resolution: 4h\n", "      resolution: 4h\n      "+y+"\n", 1)
	}
	c, err := parse(t, []byte(base))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range c.SLA.Policies {
		if p.AutoAckMeetsHolding {
			t.Errorf("policy %s: auto_ack_meets_holding on by default", p.ID)
		}
	}
	for _, tc := range []struct {
		yaml string
		want bool
	}{{"auto_ack_meets_holding: true", true}, {"auto_ack_meets_holding: false", false}} {
		c, err := parse(t, []byte(with(tc.yaml)))
		if err != nil {
			t.Fatalf("%s: %v", tc.yaml, err)
		}
		if got := c.SLA.Policies[0].AutoAckMeetsHolding; got != tc.want || c.SLA.Policies[1].AutoAckMeetsHolding {
			t.Errorf("%s: wire %v, standard %v", tc.yaml, got, c.SLA.Policies[1].AutoAckMeetsHolding)
		}
	}
	for _, bad := range []struct{ yaml, want string }{
		{"auto_ack_meets_holding: sometimes", "auto_ack_meets_holding"},
		{"auto_ack_meets_holding: 1h", "auto_ack_meets_holding"},
		{"auto_ack_meet_holding: true", "auto_ack_meet_holding"},
	} {
		_, err := parse(t, []byte(with(bad.yaml)))
		var es Errors
		if !errors.As(err, &es) || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%s: %v", bad.yaml, err)
		}
	}
}
