package config

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// TestOps: ops.listen defaults to 127.0.0.1:9464 and may be "off";
// ops.shutdown_timeout defaults to 20s; bad values name their key.
func TestOps(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		listen     string
		timeout    time.Duration
		err        string
	}{
		{name: "defaults", listen: "127.0.0.1:9464", timeout: 20 * time.Second},
		{name: "off", yaml: "ops:\n  listen: \"off\"\n", listen: "off", timeout: 20 * time.Second},
		{name: "set", yaml: "ops:\n  listen: \"0.0.0.0:9100\"\n  shutdown_timeout: 45s\n", listen: "0.0.0.0:9100", timeout: 45 * time.Second},
		{name: "not an address", yaml: "ops:\n  listen: \"metrics\"\n", err: "ops.listen"},
		{name: "bound too short", yaml: "ops:\n  shutdown_timeout: 100ms\n", err: "ops.shutdown_timeout|100ms is outside 1s–10m"},
		{name: "unknown key", yaml: "ops:\n  listen_on: x\n", err: `unknown key "listen_on"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg, err := parse(t, append(loadValid(t), []byte("\n"+tc.yaml)...))
			if tc.err != "" {
				var es Errors
				if !errors.As(err, &es) {
					t.Fatalf("err = %v, want config errors", err)
				}
				for _, want := range strings.Split(tc.err, "|") {
					if !strings.Contains(err.Error(), want) {
						t.Errorf("err = %v, want it to mention %q", err, want)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Ops.Listen != tc.listen || cfg.Ops.ShutdownTimeout != tc.timeout || cfg.Ops.Enabled() != (tc.listen != "off") {
				t.Errorf("ops = %+v", cfg.Ops)
			}
		})
	}
}
