// Package packaging_test checks the deployment files against what
// docs/operations.md promises: the Dockerfile's static, non-root build, the
// Redis durability and the try profile in compose.yaml, the systemd unit's
// hardening, and that the trial desk still loads.
package packaging_test

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/fixture"
)

func read(t *testing.T, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixture.Root(t), rel))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestDockerfile(t *testing.T) {
	df := read(t, "Dockerfile")
	// The line after the marker is what .ci/run runs.
	build := regexp.MustCompile(`(?m)^# static build\nRUN (.+)$`).FindStringSubmatch(df)
	if build == nil {
		t.Fatal("no RUN line after '# static build'")
	}
	for _, want := range []string{"CGO_ENABLED=0 ", "go build ", "-trimpath", "timetzdata", " ./cmd/mediadesk"} {
		if !strings.Contains(build[1], want) {
			t.Errorf("static build %q lacks %q", build[1], want)
		}
	}
	froms := regexp.MustCompile(`(?m)^FROM (\S+)`).FindAllStringSubmatch(df, -1)
	if len(froms) < 2 {
		t.Fatalf("not a multi-stage build: %v", froms)
	}
	if final := froms[len(froms)-1][1]; !strings.Contains(final, "distroless/static") {
		t.Errorf("final stage %s: want distroless/static", final)
	}
	users := regexp.MustCompile(`(?m)^USER (\S+)`).FindAllStringSubmatch(df, -1)
	if len(users) == 0 {
		t.Fatal("no USER: the image would run as root")
	}
	if u := users[len(users)-1][1]; u == "root" || u == "0" || strings.HasPrefix(u, "0:") {
		t.Errorf("USER %s is root", u)
	}
}

func TestCompose(t *testing.T) {
	var c struct {
		Services map[string]struct {
			Image       string
			Command     []string
			Profiles    []string
			Volumes     []string
			NetworkMode string `yaml:"network_mode"`
			Ports       []string
		}
		Volumes map[string]any
	}
	if err := yaml.Unmarshal([]byte(read(t, "compose.yaml")), &c); err != nil {
		t.Fatal(err)
	}
	redis, ok := c.Services["redis"]
	if !ok {
		t.Fatal("no redis service")
	}
	cmd := strings.Join(redis.Command, " ")
	for _, want := range []string{"--appendonly yes", "--appendfsync everysec", "--maxmemory-policy noeviction"} {
		if !strings.Contains(cmd, want) {
			t.Errorf("redis command %q lacks %q", cmd, want)
		}
	}
	if !slices.ContainsFunc(redis.Volumes, func(v string) bool { return strings.HasSuffix(v, ":/data") }) {
		t.Errorf("redis keeps no volume on /data: %v", redis.Volumes)
	}
	md, ok := c.Services["mediadesk"]
	if !ok || len(md.Profiles) != 0 {
		t.Fatalf("mediadesk must run without a profile: %+v", md)
	}
	for _, p := range md.Ports {
		if !strings.HasPrefix(p, "127.0.0.1:") {
			t.Errorf("port %s is published beyond localhost", p)
		}
	}
	for _, name := range []string{"imap", "mail"} {
		s, ok := c.Services[name]
		if !ok || !slices.Contains(s.Profiles, "try") || s.NetworkMode != "service:mediadesk" {
			t.Errorf("%s: want profile try in mediadesk's network namespace, got %+v", name, s)
		}
	}
}

// TestSystemdUnit checks the hardening docs/operations.md lists (.ci/run
// also runs systemd-analyze verify on the unit where it can).
func TestSystemdUnit(t *testing.T) {
	got := map[string][]string{}
	sc := bufio.NewScanner(strings.NewReader(read(t, "packaging/mediadesk.service")))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' || line[0] == '[' {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			t.Errorf("not a setting: %q", line)
			continue
		}
		got[k] = append(got[k], v)
	}
	for _, w := range []struct{ key, value string }{
		{"DynamicUser", "yes"}, {"ProtectSystem", "strict"}, {"ProtectHome", "yes"}, {"PrivateTmp", "yes"},
		{"NoNewPrivileges", "yes"}, {"CapabilityBoundingSet", ""}, {"RestrictAddressFamilies", "AF_INET AF_INET6 AF_UNIX"},
		{"SystemCallFilter", "@system-service"}, {"StateDirectory", "mediadesk"},
		{"EnvironmentFile", "-/etc/mediadesk/mediadesk.env"}, {"ExecReload", "/bin/kill -HUP $MAINPID"},
		{"KillSignal", "SIGTERM"},
	} {
		if !slices.Contains(got[w.key], w.value) {
			t.Errorf("%s=%s missing (have %q)", w.key, w.value, got[w.key])
		}
	}
	if s := strings.Join(got["ExecStart"], ""); !strings.Contains(s, "mediadesk serve --config ") {
		t.Errorf("ExecStart=%s", s)
	}
}

// TestTrialDesk loads the try profile's desk as serve would, with its
// secrets set.
func TestTrialDesk(t *testing.T) {
	env := map[string]string{"TRY_IMAP_PASSWORD": "try", "MEDIADESK_REDIS_URL": "redis://redis:6379/0"}
	cfg, err := config.Load(filepath.Join(fixture.Root(t), "packaging", "try", "desk.yaml"), config.LoadOptions{
		CheckSecrets: true, Env: func(n string) (string, bool) { v, ok := env[n]; return v, ok },
	})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Web.Listen != "0.0.0.0:8080" || cfg.Ops.Listen != "0.0.0.0:9464" {
		t.Errorf("a container's desk listens on 0.0.0.0: web %s, ops %s", cfg.Web.Listen, cfg.Ops.Listen)
	}
}
