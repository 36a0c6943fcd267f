package mailparse

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/internal/fixture"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// A labelled set of enquiry emails and the golden file of their parses.
type goldenSet struct {
	name, dir, golden string
	// checks are phrases that must (or must not) be in a file's NewText.
	checks map[string]struct{ must, mustNot []string }
}

// goldenSets are the project's own labelled enquiries (written for the
// routing tests: routing/testdata/enquiries and the tuning set; the
// held-out set is never read here), and the shared samples when present.
func goldenSets(t *testing.T) []goldenSet {
	t.Helper()
	sets := []goldenSet{
		{"own", filepath.Join("..", "routing", "testdata", "enquiries"), filepath.Join("testdata", "own-enquiries.golden"), nil},
		{"tuning", filepath.Join("..", "routing", "testdata", "tuning"), filepath.Join("testdata", "tuning.golden"), nil},
	}
	if dir, ok := fixture.Shared(t, "enquiries"); ok {
		sets = append(sets, goldenSet{"shared", dir, filepath.Join("testdata", "enquiries.golden"), newTextChecks})
	}
	return sets
}

type label struct {
	File      string `json:"file"`
	Automatic bool   `json:"automatic"`
	Deadline  string `json:"deadline"`
	Note      string `json:"note"`
}

func readLabels(t testing.TB, dir string) []label {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "labels.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []label
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var l label
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("labels.jsonl: %v", err)
		}
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].File < out[j].File })
	return out
}

// newTextChecks are phrases that must (or must not) be in the NewText of a
// shared sample: the journalist's own deadline stays, quoted, forwarded and
// signature times go.
var newTextChecks = map[string]struct{ must, mustNot []string }{
	"001.eml": {must: []string{"By 4pm tomorrow please."}, mustNot: []string{"Please consider", "07700"}},
	"002.eml": {must: []string{"COP Friday would be great."}, mustNot: []string{"Lewis Farrant"}},
	"004.eml": {must: []string{"Need something by 6.30pm"}},
	"006.eml": {must: []string{"by noon UK time"}},
	"007.eml": {must: []string{"give me a ring"}, mustNot: []string{"6.30pm", "wrote:"}},
	"008.eml": {must: []string{"by 11.30am"}, mustNot: []string{"confidential", "07700"}},
	"009.eml": {must: []string{"Our deadline is 15:00 CET."}},
	"010.eml": {must: []string{"within 30 minutes"}, mustNot: []string{"11.30am", "From:"}},
	"011.eml": {must: []string{"need within the hour"}, mustNot: []string{"+44"}},
	"014.eml": {must: []string{"please reply by 4pm UK time"}},
	"015.eml": {must: []string{"Deadline Thursday 12:00."}},
	"016.eml": {must: []string{"come back to me tonight"}},
	"019.eml": {must: []string{"By 10.30pm please"}, mustNot: []string{"07700"}},
	"022.eml": {must: []string{"Deadline 6pm."}},
	"023.eml": {must: []string{"Need it by 11am today please."}, mustNot: []string{"Deadline 6pm"}},
	"025.eml": {must: []string{"Deadline Monday 5pm."}, mustNot: []string{"reference FCDO-2023-000733"}},
	"028.eml": {must: []string{"Need it before 5.30pm."}, mustNot: []string{"Forwarded message", "Sinwar, Hamas"}},
	"029.eml": {must: []string{"Deadline: Wed 22 Nov 10am"}},
	"031.eml": {must: []string{"in two hours"}, mustNot: []string{"intended"}},
	"032.eml": {must: []string{"By close of play please."}},
	"034.eml": {must: []string{"Deadline 13:00."}, mustNot: []string{"FCDO-2023-000871"}},
	"035.eml": {must: []string{"First edition deadline 8.45pm."}, mustNot: []string{"5:30pm"}},
	"037.eml": {must: []string{"First thing tomorrow"}},
	"038.eml": {must: []string{"Need it by lunchtime please."}, mustNot: []string{"privileged"}},
	"039.eml": {must: []string{"Filing at 7."}, mustNot: []string{"07700"}},
	"041.eml": {must: []string{"EOD is fine."}, mustNot: []string{"07700"}},
	"043.eml": {must: []string{"Need by 9am"}},
	"044.eml": {must: []string{"Deadline 19:00."}, mustNot: []string{"01632"}},
	"045.eml": {must: []string{"Need by midday pls"}, mustNot: []string{"iPhone"}},
	"046.eml": {must: []string{"ASAP please."}, mustNot: []string{"intended recipient"}},
	"047.eml": {must: []string{"We're filing at 6"}, mustNot: []string{"ASAP", "From:"}},
	"048.eml": {must: []string{"By COP please"}},
	"049.eml": {must: []string{"ideally by 5pm"}},
	"050.eml": {must: []string{"Our deadline is 17:00 GMT."}},
	"052.eml": {must: []string{"Deadline 10:00 UTC."}, mustNot: []string{"4pm today", "From:"}},
	"053.eml": {must: []string{"Need it by 21:30 please"}},
	"054.eml": {must: []string{"No rush on this one."}, mustNot: []string{"21:30"}},
	"055.eml": {must: []string{"Deadline Monday 10am"}},
	"056.eml": {must: []string{"Deadline 3pm CET."}},
	"057.eml": {must: []string{"Deadline 2pm GMT."}},
	"059.eml": {must: []string{"within the hour"}},
	"060.eml": {must: []string{"Please by 14:00 CEST."}},
	"062.eml": {must: []string{"Need by lunchtime."}},
	"063.eml": {must: []string{"official photos"}, mustNot: []string{"18:00", "Newsroom deadline"}},
	"064.eml": {must: []string{"Need a line at 18.00"}},
	"065.eml": {must: []string{"By end of day please."}},
	"068.eml": {must: []string{"by Friday"}},
	"069.eml": {must: []string{"Need it before 6, thanks."}, mustNot: []string{"07700"}},
}

func TestGoldenEnquiries(t *testing.T) {
	for _, set := range goldenSets(t) {
		t.Run(set.name, func(t *testing.T) { testGolden(t, set) })
	}
}

func testGolden(t *testing.T, set goldenSet) {
	labels := readLabels(t, set.dir)
	if len(labels) == 0 {
		t.Fatal("no labels")
	}
	var golden bytes.Buffer
	for _, l := range labels {
		raw, err := os.ReadFile(filepath.Join(set.dir, l.File))
		if err != nil {
			t.Errorf("%s: %v", l.File, err)
			continue
		}
		m, err := parse(raw, Options{})
		if err != nil {
			t.Errorf("%s: Parse error: %v", l.File, err)
			continue
		}
		if (m.Automatic != NotAutomatic) != l.Automatic {
			t.Errorf("%s: Automatic = %q (%s), label says automatic=%v", l.File, m.Automatic, m.AutoReason, l.Automatic)
		}
		if !l.Automatic && strings.TrimSpace(m.NewText) == "" {
			t.Errorf("%s: empty NewText", l.File)
		}
		for _, bad := range []string{"Sent from my", "wrote:", "-----Original Message-----", "Forwarded message"} {
			if strings.Contains(m.NewText, bad) {
				t.Errorf("%s: NewText contains %q", l.File, bad)
			}
		}
		if c, ok := set.checks[l.File]; ok {
			for _, s := range c.must {
				if !strings.Contains(m.NewText, s) {
					t.Errorf("%s: NewText lacks %q:\n%s", l.File, s, m.NewText)
				}
			}
			for _, s := range c.mustNot {
				if strings.Contains(m.NewText, s) {
					t.Errorf("%s: NewText contains %q:\n%s", l.File, s, m.NewText)
				}
			}
		}
		writeGolden(&golden, l.File, m)
	}

	path := set.golden
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, golden.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", path)
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./mailparse -run TestGoldenEnquiries -update)", err)
	}
	if !bytes.Equal(want, golden.Bytes()) {
		t.Errorf("golden mismatch (run with -update if the change is intended):\n%s", firstDiff(string(want), golden.String()))
	}
}

func writeGolden(w *bytes.Buffer, file string, m *Message) {
	fmt.Fprintf(w, "== %s\n", file)
	fmt.Fprintf(w, "from: %s <%s>\n", m.From.Name, m.From.Addr)
	fmt.Fprintf(w, "subject: %s\n", m.Subject)
	date := "-"
	if !m.Date.IsZero() {
		date = m.Date.Format(time.RFC3339)
	}
	fmt.Fprintf(w, "date: %s (%s)\n", date, m.DateSource)
	derived := ""
	if m.DerivedID {
		derived = " (derived)"
	}
	fmt.Fprintf(w, "message_id: %s%s\n", m.MessageID, derived)
	if len(m.InReplyTo) > 0 {
		fmt.Fprintf(w, "in_reply_to: %s\n", strings.Join(m.InReplyTo, " "))
	}
	if m.Automatic != NotAutomatic {
		fmt.Fprintf(w, "automatic: %s (%s)\n", m.Automatic, m.AutoReason)
	}
	for _, a := range m.Attachments {
		fmt.Fprintf(w, "attachment: #%d %s %s %d inline=%v cid=%s\n", a.Index, a.Filename, a.ContentType, a.Size, a.Inline, a.ContentID)
	}
	for _, u := range m.URLs {
		fmt.Fprintf(w, "url: %s\n", u)
	}
	for _, x := range m.Warnings {
		fmt.Fprintf(w, "warning: %s\n", x)
	}
	fmt.Fprintf(w, "new_text:\n")
	lines := strings.Split(m.NewText, "\n")
	if len(lines) > 40 {
		lines = append(lines[:40], "…")
	}
	for _, l := range lines {
		fmt.Fprintf(w, "  | %s\n", l)
	}
	if m.Signature != "" {
		fmt.Fprintf(w, "signature: %d lines, first %q\n", strings.Count(m.Signature, "\n")+1, strings.SplitN(m.Signature, "\n", 2)[0])
	}
	if m.QuotedText != "" {
		fmt.Fprintf(w, "quoted: %d lines, first %q\n", strings.Count(m.QuotedText, "\n")+1, strings.SplitN(m.QuotedText, "\n", 2)[0])
	}
	if m.ForwardedText != "" {
		fmt.Fprintf(w, "forwarded: %d lines, first %q\n", strings.Count(m.ForwardedText, "\n")+1, strings.SplitN(m.ForwardedText, "\n", 2)[0])
	}
	w.WriteString("\n")
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, x, y)
		}
	}
	return "(no line differs)"
}
