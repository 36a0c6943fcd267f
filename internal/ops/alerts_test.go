package ops

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/internal/clock"
	"github.com/mediadesk/mediadesk/internal/servers"
)

// rulesDir holds the example Prometheus alerting rules and their tests.
var rulesDir = filepath.Join("..", "..", "deploy", "prometheus")

// TestAlertRulesUseExportedSeries: every mediadesk_* series the example
// alert rules read is one the desk exports, so a renamed series cannot
// silently disarm an alert.
func TestAlertRulesUseExportedSeries(t *testing.T) {
	rules, err := os.ReadFile(filepath.Join(rulesDir, "alerts.yml"))
	if err != nil {
		t.Fatal(err)
	}
	m := NewMetrics(clock.Real{}, nil)
	m.SetSources(Sources{
		Folders: func() []FolderStatus { return []FolderStatus{{Mailbox: "m", Folder: "INBOX"}} },
		Outbox: func(context.Context) (OutboxStats, error) {
			return OutboxStats{Jobs: map[string]int64{}}, nil
		},
		InHours: func(time.Time) bool { return true },
		Ready:   func(context.Context) []string { return nil },
	})
	m.ObserveOutcome("enquiry", time.Now())
	m.ObserveHTTP("GET /login", 200, time.Millisecond)
	exported := map[string]bool{}
	for _, l := range strings.Split(scrapeText(t, m), "\n") {
		if name, ok := strings.CutPrefix(l, "# TYPE "); ok {
			exported[strings.Fields(name)[0]] = true
		}
	}
	used := regexp.MustCompile(`\bmediadesk_[a-z_]+`).FindAllString(string(rules), -1)
	if len(used) == 0 {
		t.Fatal("the rules use no mediadesk series")
	}
	for _, name := range used {
		base := name
		for _, suffix := range []string{"_bucket", "_count", "_sum"} {
			if b, ok := strings.CutSuffix(name, suffix); ok && exported[b] {
				base = b
			}
		}
		if !exported[base] {
			t.Errorf("alerts.yml reads %s, which the desk does not export", name)
		}
	}
}

// TestAlertRulesPromtool checks the example rules with promtool (Debian's
// prometheus package): `promtool check rules` and the rule unit tests in
// alerts_test.yml. Skipped without promtool, failed under
// MEDIADESK_REQUIRE_REAL=1 (.ci/run installs it).
func TestAlertRulesPromtool(t *testing.T) {
	promtool, err := servers.LookPromtool()
	if err != nil {
		if servers.RequireReal() {
			t.Fatalf("promtool is not installed (apt-get install prometheus) and MEDIADESK_REQUIRE_REAL=1: %v", err)
		}
		t.Skipf("promtool is not installed (apt-get install prometheus): %v", err)
	}
	for _, args := range [][]string{{"check", "rules", "alerts.yml"}, {"test", "rules", "alerts_test.yml"}} {
		cmd := exec.Command(promtool, args...)
		cmd.Dir = rulesDir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Errorf("promtool %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
}
