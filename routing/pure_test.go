package routing

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/mediadesk/mediadesk/"

// TestRoutingIsPure: routing's own code (and the deadline and lang code it
// reads with) does no I/O: no network, files, Redis or logging. The
// release catalogue's files, feeds, Redis copy and schedules are package
// releases'; routing reaches releases only through the Release type of
// package releases/release, which does no I/O, and Router.ReleaseCatalogue.
func TestRoutingIsPure(t *testing.T) {
	banned := []string{"net", "os", "io/fs", "log", "github.com/redis/", "github.com/emersion/", "database/"}
	for _, dir := range []string{".", "../deadline", "../lang", "../releases/release", "../sla/plan"} {
		for _, p := range dirImports(t, dir) {
			for _, b := range banned {
				if p == b || strings.HasPrefix(p, b+"/") || strings.HasSuffix(b, "/") && strings.HasPrefix(p, b) {
					if !(dir == "../lang" && p == "io/fs") && !(dir == "../releases/release" && p == "net/url") { // lang reads its embedded files through fs.FS; net/url only parses
						t.Errorf("%s imports %s", dir, p)
					}
				}
			}
		}
	}
}

// TestRoutingImportsNoIOTransitively follows routing's imports through the
// module's packages: none of them may be one of the desk's I/O packages
// (Redis, IMAP, SMTP, HTTP, the release feeds), nor import a Redis, IMAP
// or SMTP client or net/http. config (read from a file at start) and
// mailparse (bytes in, a parsed message out) are data, and allowed.
//
// knownImpure lists the packages routing still reaches that break the
// rule, with why; the test fails when one of them is no longer reached,
// so the list cannot go stale.
func TestRoutingImportsNoIOTransitively(t *testing.T) {
	bannedPkgs := []string{"releases", "sla", "store", "inbox", "outbound", "web", "internal/app", "internal/servers", "ops", "search"}
	bannedExt := []string{"github.com/redis/", "github.com/emersion/go-imap", "github.com/emersion/go-smtp", "net/http", "database/"}
	knownImpure := map[string]string{}
	seen := map[string]bool{}
	var walk func(pkg, from string)
	walk = func(pkg, from string) {
		if seen[pkg] {
			return
		}
		seen[pkg] = true
		if why, ok := knownImpure[pkg]; ok {
			t.Logf("known exception %s (from %s): %s", pkg, from, why)
			return
		}
		rel := strings.TrimPrefix(pkg, module)
		for _, b := range bannedPkgs {
			// releases/release (the Release type) and sla/plan (due times
			// from the config) are pure parts of I/O packages.
			if rel == b || strings.HasPrefix(rel, b+"/") && !(b == "releases" && rel == "releases/release") && !(b == "sla" && rel == "sla/plan") {
				t.Errorf("routing reaches %s (through %s)", pkg, from)
			}
		}
		for _, p := range dirImports(t, filepath.Join("..", filepath.FromSlash(rel))) {
			if strings.HasPrefix(p, module) {
				walk(p, pkg)
				continue
			}
			for _, b := range bannedExt {
				if p == b || strings.HasPrefix(p, b) {
					t.Errorf("routing reaches %s through %s", p, pkg)
				}
			}
		}
	}
	walk(module+"routing", "routing")
	for pkg := range knownImpure {
		if !seen[pkg] {
			t.Errorf("%s is no longer reached from routing: drop it from knownImpure", pkg)
		}
	}
	if len(seen) < 5 {
		t.Fatalf("walked only %d packages: the walk is broken", len(seen))
	}
}

// dirImports returns the imports of the non-test Go files in dir.
func dirImports(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("%s: no Go files (%v)", dir, err)
	}
	var out []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		if _, err := os.Stat(f); err != nil {
			t.Fatal(err)
		}
		af, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, im := range af.Imports {
			p, _ := strconv.Unquote(im.Path.Value)
			out = append(out, p)
		}
	}
	return out
}
