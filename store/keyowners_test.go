package store

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// keyOwners is who owns which Redis keys (under the prefix), as
// docs/design.md lists them: a key name is written in the sources of its
// owner only. A root ending in ':' matches names that start with it;
// others match the whole literal or its start followed by ':'.
var keyOwners = []struct {
	owner string // top-level directory of the owning package
	roots []string
}{
	{"store", []string{"enq:", "msg:", "mid:", "idx:", "seq:", "src:", "cursor:", "stats:", "sender:",
		"quarantine:", "lease:", "calls:", "officer:last",
		// The clock schedule (store/clock.lua); the schedules of earlier
		// versions kept historical sla: names and are only drained.
		"clock:wake", "sla:warn", "sla:breach", "sla:escalate"}},
	{"sla", []string{"sla:notify", "sla:notices", "sla:digests", "sla:rollup", "sla:dims", "sla:r:", "sla:brl:"}},
	{"outbound", []string{"outbox", "outbound:dead", "alerts:"}},
	{"web", []string{"session:", "login:", "web:draft:", "web:presence:", "bulk:"}},
	{"releases", []string{"releases:version"}},
}

// keyDebts are the known places that still name another package's keys
// (file → key roots). Each must go: the test fails when one is fixed but
// still listed, so the list stays true.
var keyDebts = map[string][]string{}

func keyRootOf(lit string) (owner, root string) {
	for _, o := range keyOwners {
		for _, r := range o.roots {
			if strings.HasSuffix(r, ":") {
				if strings.HasPrefix(lit, r) {
					return o.owner, r
				}
			} else if lit == r || strings.HasPrefix(lit, r+":") {
				return o.owner, r
			}
		}
	}
	return "", ""
}

var luaString = regexp.MustCompile(`'([^'\\\n]*)'|"([^"\\\n]*)"`)

// TestKeyOwners walks the Go (non-test) and Lua sources of the module and
// fails when a package names a key another package owns.
func TestKeyOwners(t *testing.T) {
	root := ".."
	found := map[string]map[string]bool{} // file → roots named that it does not own
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "vendor") {
				return filepath.SkipDir
			}
			return nil
		}
		isGo := strings.HasSuffix(rel, ".go") && !strings.HasSuffix(rel, "_test.go")
		isLua := strings.HasSuffix(rel, ".lua")
		if !isGo && !isLua {
			return nil
		}
		pkg, _, _ := strings.Cut(rel, "/")
		var lits []string
		if isGo {
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
			if err != nil {
				return err
			}
			tags := map[*ast.BasicLit]bool{}
			ast.Inspect(f, func(n ast.Node) bool {
				switch x := n.(type) {
				case *ast.Field:
					if x.Tag != nil {
						tags[x.Tag] = true
					}
				case *ast.BasicLit:
					if x.Kind == token.STRING && !tags[x] {
						if s, err := strconv.Unquote(x.Value); err == nil {
							lits = append(lits, s)
						}
					}
				}
				return true
			})
		} else {
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, m := range luaString.FindAllStringSubmatch(string(b), -1) {
				lits = append(lits, m[1]+m[2])
			}
		}
		for _, l := range lits {
			if owner, r := keyRootOf(l); owner != "" && owner != pkg {
				if found[rel] == nil {
					found[rel] = map[string]bool{}
				}
				found[rel][r] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for file, roots := range found {
		debt := map[string]bool{}
		for _, r := range keyDebts[file] {
			debt[r] = true
		}
		var bad []string
		for r := range roots {
			if !debt[r] {
				bad = append(bad, r)
			}
		}
		sort.Strings(bad)
		for _, r := range bad {
			o, _ := keyRootOf(strings.TrimSuffix(r, ":") + ":x")
			if o == "" {
				o, _ = keyRootOf(r)
			}
			t.Errorf("%s names %q, a key owned by %s: go through %s's API", file, r, o, o)
		}
	}
	for file, roots := range keyDebts {
		for _, r := range roots {
			if !found[file][r] {
				t.Errorf("%s no longer names %q: remove it from keyDebts", file, r)
			}
		}
	}
}
