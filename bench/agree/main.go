// Command agree measures how far two labellers agree on the topic and the
// release of the same enquiries, and how the router does on the messages
// where they agree. Topic labels are partly a convention (is a troop
// question on a Kosovo release Europe's or security's?), so the
// labellers' own agreement is the ceiling a router can be held to, and
// the router's accuracy on the agreed messages is the figure free of
// label noise.
//
// Each argument names one set as three files joined by commas: the
// first author's labels.jsonl, a second labeller's blind labels (fields
// file, release, topic, automatic; written before the first labels or
// any router output were seen: see routing/testdata/SECOND-LABELS.md), and
// `mediadesk route` output for the same files. Only messages the second
// labeller labelled count (for a set of which only a part was relabelled),
// and only those the first author did not mark automatic. It prints
// aggregates only, per set and pooled, never a message.
//
// Usage: go run ./bench/agree labels.jsonl,second.jsonl,routed.jsonl ...
package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/mediadesk/mediadesk/internal/jsonl"
)

// label is the part of a label line or a route output line that agree reads.
type label struct {
	File      string `json:"file"`
	Release   string `json:"release"`
	Topic     string `json:"topic"`
	Automatic bool   `json:"automatic"`
}

// tally counts one set's agreement.
type tally struct {
	n                  int // messages both labelled, not automatic
	topicAgree, relAgr int // labellers agree
	topicOK, relOK     int // router = first author
	topicOKAgreed      int // router = first author where the labellers agree
	relOKAgreed        int
}

func (t *tally) add(u tally) {
	t.n += u.n
	t.topicAgree += u.topicAgree
	t.relAgr += u.relAgr
	t.topicOK += u.topicOK
	t.relOK += u.relOK
	t.topicOKAgreed += u.topicOKAgreed
	t.relOKAgreed += u.relOKAgreed
}

// count compares the three labellings by file name.
func count(first, second, routed map[string]label) (tally, error) {
	var t tally
	for f, b := range second {
		a, ok := first[f]
		if !ok {
			return t, fmt.Errorf("second labels name %s, which the first do not", f)
		}
		if a.Automatic {
			continue
		}
		r, ok := routed[f]
		if !ok {
			return t, fmt.Errorf("no route output for %s", f)
		}
		t.n++
		tAgree, rAgree := a.Topic == b.Topic, a.Release == b.Release
		tOK, rOK := r.Topic == a.Topic, r.Release == a.Release
		t.topicAgree += b2i(tAgree)
		t.relAgr += b2i(rAgree)
		t.topicOK += b2i(tOK)
		t.relOK += b2i(rOK)
		t.topicOKAgreed += b2i(tAgree && tOK)
		t.relOKAgreed += b2i(rAgree && rOK)
	}
	return t, nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// read loads a JSON-lines file of labels or route output, keyed by the
// file's base name.
func read(path string) (map[string]label, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parse(f, path)
}

func parse(r io.Reader, name string) (map[string]label, error) {
	ls, err := jsonl.Read[label](r, name)
	if err != nil {
		return nil, err
	}
	out := make(map[string]label, len(ls))
	for _, l := range ls {
		out[filepath.Base(l.File)] = l
	}
	return out, nil
}

func ratio(a, b int) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%d/%d = %.3f", a, b, float64(a)/float64(b))
}

func (t tally) String() string {
	return fmt.Sprintf("n %d | topic: labellers agree %s, router %s, router where they agree %s | release: labellers agree %s, router %s, router where they agree %s",
		t.n, ratio(t.topicAgree, t.n), ratio(t.topicOK, t.n), ratio(t.topicOKAgreed, t.topicAgree),
		ratio(t.relAgr, t.n), ratio(t.relOK, t.n), ratio(t.relOKAgreed, t.relAgr))
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: agree labels.jsonl,second.jsonl,routed.jsonl ...")
		os.Exit(2)
	}
	var pooled tally
	for _, arg := range os.Args[1:] {
		paths := strings.Split(arg, ",")
		if len(paths) != 3 {
			fmt.Fprintf(os.Stderr, "agree: %q: want three files joined by commas\n", arg)
			os.Exit(2)
		}
		var maps [3]map[string]label
		for i, p := range paths {
			m, err := read(p)
			if err != nil {
				fmt.Fprintln(os.Stderr, "agree:", err)
				os.Exit(1)
			}
			maps[i] = m
		}
		t, err := count(maps[0], maps[1], maps[2])
		if err != nil {
			fmt.Fprintf(os.Stderr, "agree: %s: %v\n", paths[1], err)
			os.Exit(1)
		}
		fmt.Printf("%-40s %v\n", filepath.Dir(paths[0]), t)
		pooled.add(t)
	}
	fmt.Printf("%-40s %v\n", "pooled", pooled)
}
