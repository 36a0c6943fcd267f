package routing

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestRoutingIsPure: routing's own code (and the deadline and lang code it
// reads with) does no I/O: no network, files, Redis or logging. The
// release catalogue's files, feeds, Redis copy and schedules are package
// releases'; routing reaches them only through its Release type and
// Router.ReleaseCatalogue (and the deprecated names in compat.go).
func TestRoutingIsPure(t *testing.T) {
	banned := []string{"net", "os", "io/fs", "log", "github.com/redis/", "github.com/emersion/", "database/"}
	for _, dir := range []string{".", "../deadline", "../lang"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: %v", dir, err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			af, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, im := range af.Imports {
				p, _ := strconv.Unquote(im.Path.Value)
				for _, b := range banned {
					if p == b || strings.HasPrefix(p, b+"/") || strings.HasSuffix(b, "/") && strings.HasPrefix(p, b) {
						if !(dir == "../lang" && p == "io/fs") { // lang reads its embedded files through fs.FS
							t.Errorf("%s imports %s", f, p)
						}
					}
				}
			}
		}
	}
}
