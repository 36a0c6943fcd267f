package inbox

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/internal/fixture"
	"github.com/mediadesk/mediadesk/internal/servers"
)

// corpusFiles lists real messy messages from public MIME test corpora,
// beside the checkout (shared data, not copied into the repository); the
// test is skipped when the corpus folder is absent.
func corpusFiles(t *testing.T) []string {
	t.Helper()
	corpusDir := fixture.RequireShared(t, "mime")
	f, err := os.Open(filepath.Join(corpusDir, "MANIFEST.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var files []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 2 || cols[0] == "file" {
			continue
		}
		files = append(files, filepath.Join(corpusDir, cols[0]))
	}
	if len(files) == 0 {
		t.Fatal("empty manifest")
	}
	return files
}

// TestCorpusIngest puts every corpus message through a real ingest: each
// one ends up an enquiry, a follow-up, an automatic record, a quarantine
// entry with a reason, or a recognised duplicate — none lost, no panic.
func TestCorpusIngest(t *testing.T) {
	files := corpusFiles(t)
	h := newHarness(t, nil)
	msgs := make([][]byte, 0, len(files))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		msgs = append(msgs, b)
	}
	if h.imap.Kind == servers.KindDovecot {
		// Straight into the Maildir: the server must not clean them up first.
		if err := h.imap.SeedMaildir("INBOX", msgs); err != nil {
			t.Fatal(err)
		}
	} else {
		h.append("INBOX", msgs...)
	}
	h.worker("INBOX", nil)
	n := int64(len(msgs))
	h.eventually("corpus accounted for", 60*time.Second, func() bool {
		s := h.stats("INBOX")
		return s.Messages+s.Duplicates == n
	})
	s := h.stats("INBOX")
	t.Logf("%d corpus files: %+v", n, s)
	q, total, err := h.store.Quarantine(h.ctx, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if total != s.Quarantined {
		t.Errorf("quarantine list %d, counter %d", total, s.Quarantined)
	}
	for _, e := range q {
		if e.Reason == "" {
			t.Errorf("quarantine entry %s without a reason", e.ID)
		}
		t.Logf("quarantined uid %d: %s", e.Source.UID, e.Reason)
	}
}
