package mailparse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mediadesk/mediadesk/internal/fixture"
)

// corpusFiles lists the files of the third-party MIME test corpus (shared
// data beside the checkout, never copied into the repository) from its
// MANIFEST.tsv (first column, header row skipped), or nil when the corpus
// folder is absent. A present but unreadable manifest fails the test.
func corpusFiles(tb testing.TB) []string {
	tb.Helper()
	mimeDir, ok := fixture.Shared(tb, "mime")
	if !ok {
		return nil
	}
	man, err := os.ReadFile(filepath.Join(mimeDir, "MANIFEST.tsv"))
	if err != nil {
		tb.Fatalf("MIME corpus: %v", err)
	}
	var files []string
	for i, line := range strings.Split(string(man), "\n") {
		if i == 0 || strings.TrimSpace(line) == "" {
			continue
		}
		name, _, _ := strings.Cut(line, "\t")
		files = append(files, filepath.Join(mimeDir, filepath.FromSlash(name)))
	}
	return files
}

func TestMIMECorpus(t *testing.T) {
	files := corpusFiles(t)
	if files == nil {
		t.Skip("needs the shared MIME corpus (absent)")
	}
	var ok, failed, warned, withText, automatic int
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		// the inner parse: a panic here fails the test instead of being
		// recovered by Parse
		m, err := parse(raw, Options{})
		if err != nil {
			if strings.TrimSpace(err.Error()) == "" {
				t.Errorf("%s: error without a reason", f)
			}
			failed++
			t.Logf("quarantined %s: %v", filepath.Base(f), err)
			continue
		}
		ok++
		if len(m.Warnings) > 0 {
			warned++
		}
		if strings.TrimSpace(m.Text) != "" {
			withText++
		}
		if m.Automatic != NotAutomatic {
			automatic++
		}
		checkInvariants(t, f, m)
	}
	t.Logf("%d files: %d parsed (%d with warnings, %d with text, %d automatic), %d unrecoverable",
		len(files), ok, warned, withText, automatic, failed)
	if ok < len(files)*9/10 {
		t.Errorf("only %d of %d corpus files parsed", ok, len(files))
	}
}
