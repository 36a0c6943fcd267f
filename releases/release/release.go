package release

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// Release is one press release or news item in the catalogue.
type Release struct {
	ID         string    `json:"id"`
	Title      string    `json:"title"`
	URL        string    `json:"url,omitempty"`
	Published  time.Time `json:"published"`
	Department string    `json:"department,omitempty"`
	Topics     []string  `json:"topics,omitempty"`
	Body       string    `json:"body,omitempty"`
	// LinesToTake are the approved lines officers reuse in replies.
	LinesToTake []string `json:"lines_to_take,omitempty"`
	// DateOnly is set when Published was given as a calendar date
	// ("2006-01-02"), which is then read in the desk's time zone.
	DateOnly bool `json:"-"`
	// Source says where the release came from (a file name or feed URL).
	Source string `json:"source,omitempty"`
}

// releaseJSON is the JSON Lines shape of a release.
type releaseJSON struct {
	ID          string          `json:"id"`
	Title       string          `json:"title"`
	URL         string          `json:"url,omitempty"`
	Published   string          `json:"published"`
	Department  string          `json:"department,omitempty"`
	Topics      []string        `json:"topics,omitempty"`
	Body        string          `json:"body,omitempty"`
	LinesToTake json.RawMessage `json:"lines_to_take,omitempty"`
	Source      string          `json:"source,omitempty"`
}

// MarshalJSON writes the JSON Lines form: published as "2006-01-02" for a
// date-only release, RFC 3339 otherwise.
func (r Release) MarshalJSON() ([]byte, error) {
	j := releaseJSON{ID: r.ID, Title: r.Title, URL: r.URL, Department: r.Department,
		Topics: r.Topics, Body: r.Body, Source: r.Source}
	if !r.Published.IsZero() {
		if r.DateOnly {
			j.Published = r.Published.Format(time.DateOnly)
		} else {
			j.Published = r.Published.Format(time.RFC3339)
		}
	}
	if len(r.LinesToTake) > 0 {
		b, err := json.Marshal(r.LinesToTake)
		if err != nil {
			return nil, err
		}
		j.LinesToTake = b
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads the JSON Lines form; lines_to_take may be a string
// (one line per paragraph) or a list of strings.
func (r *Release) UnmarshalJSON(b []byte) error {
	var j releaseJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*r = Release{ID: strings.TrimSpace(j.ID), Title: strings.TrimSpace(j.Title), URL: strings.TrimSpace(j.URL),
		Department: j.Department, Topics: j.Topics, Body: j.Body, Source: j.Source}
	if j.Published != "" {
		t, dateOnly, err := parsePublished(j.Published)
		if err != nil {
			return err
		}
		r.Published, r.DateOnly = t, dateOnly
	}
	if len(j.LinesToTake) > 0 && string(j.LinesToTake) != "null" {
		lines, err := parseLinesToTake(j.LinesToTake)
		if err != nil {
			return err
		}
		r.LinesToTake = lines
	}
	return nil
}

func parsePublished(s string) (time.Time, bool, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, true, nil
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05Z07:00"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, false, nil
		}
	}
	return time.Time{}, false, fmt.Errorf("published %q is neither a date (2006-01-02) nor RFC 3339", s)
}

func parseLinesToTake(raw json.RawMessage) ([]string, error) {
	var one string
	if err := json.Unmarshal(raw, &one); err == nil {
		var out []string
		for _, p := range strings.Split(one, "\n") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
		return out, nil
	}
	var list []string
	if err := json.Unmarshal(raw, &list); err != nil {
		return nil, errors.New("lines_to_take must be a string or a list of strings")
	}
	out := list[:0]
	for _, p := range list {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out, nil
}

// validate checks the fields every release needs.
func (r *Release) validate() error {
	var missing []string
	if r.ID == "" {
		missing = append(missing, "id")
	}
	if r.Title == "" {
		missing = append(missing, "title")
	}
	if r.Published.IsZero() {
		missing = append(missing, "published")
	}
	if len(missing) > 0 {
		return fmt.Errorf("missing %s", strings.Join(missing, ", "))
	}
	return nil
}

// LineError is a problem with one line of a JSON Lines catalogue.
type LineError struct {
	Line int
	Err  error
}

func (e LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }

func (e LineError) Unwrap() error { return e.Err }

// LineErrors lists every bad line of a JSON Lines catalogue.
type LineErrors []LineError

func (es LineErrors) Error() string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.Error()
	}
	return fmt.Sprintf("%d bad release line(s): %s", len(es), strings.Join(parts, "; "))
}

// LoadJSONL reads releases, one JSON object a line (blank lines and lines
// starting with '#' are skipped). A bad line does not stop the load: the
// good releases are returned together with a LineErrors naming every bad
// line, so one typo cannot empty the catalogue. A later line with an id
// already seen replaces the earlier one and is reported too. A read error
// is returned as is, with what was read so far.
func LoadJSONL(r io.Reader) ([]Release, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	var out []Release
	var errs LineErrors
	seen := map[string]int{}
	n := 0
	for sc.Scan() {
		n++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		var rel Release
		if err := json.Unmarshal(line, &rel); err != nil {
			errs = append(errs, LineError{n, fmt.Errorf("not a release: %w", err)})
			continue
		}
		if err := rel.validate(); err != nil {
			errs = append(errs, LineError{n, err})
			continue
		}
		if prev, dup := seen[rel.ID]; dup {
			errs = append(errs, LineError{n, fmt.Errorf("id %q repeats line %d; the later line wins", rel.ID, prev)})
			for i := range out {
				if out[i].ID == rel.ID {
					out = append(out[:i], out[i+1:]...)
					break
				}
			}
		}
		seen[rel.ID] = n
		out = append(out, rel)
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("reading releases after line %d: %w", n, err)
	}
	if len(errs) > 0 {
		return out, errs
	}
	return out, nil
}

// Merge applies updates to base: an update replaces the release with the
// same id, or else the one with the same normalised URL (keeping the old
// id, so links already made stay valid); other updates are added. A URL
// identifies a release only when it is unique: one that several releases
// share (a mirror's tag or listing page) on either side never merges two
// different releases into one. An update
// without lines to take or topics keeps the old ones (feeds carry neither).
// It returns the merged list (base is not modified) and the releases added
// or changed, as merged.
func Merge(base, updates []Release) ([]Release, []Release) {
	out := make([]Release, len(base))
	copy(out, base)
	byID := make(map[string]int, len(out))
	byURL := make(map[string]int, len(out)) // -1: shared by several releases
	for i := range out {
		byID[out[i].ID] = i
		if u := NormaliseURL(out[i].URL); u != "" {
			if _, dup := byURL[u]; dup {
				byURL[u] = -1
			} else {
				byURL[u] = i
			}
		}
	}
	updURL := make(map[string]string, len(updates)) // URL → the one id using it, "" when shared
	for _, u := range updates {
		if nu := NormaliseURL(u.URL); nu != "" {
			if id, dup := updURL[nu]; dup && id != u.ID {
				updURL[nu] = ""
			} else if !dup {
				updURL[nu] = u.ID
			}
		}
	}
	var changed []int
	for _, u := range updates {
		i, ok := byID[u.ID]
		nu := NormaliseURL(u.URL)
		if !ok && nu != "" && updURL[nu] != "" {
			if j, ok2 := byURL[nu]; ok2 && j >= 0 {
				i, ok = j, true
				u.ID = out[j].ID
			}
		}
		if ok {
			if len(u.LinesToTake) == 0 {
				u.LinesToTake = out[i].LinesToTake // a feed never carries them
			}
			if len(u.Topics) == 0 {
				u.Topics = out[i].Topics
			}
			if !sameRelease(&out[i], &u) {
				out[i] = u
				changed = append(changed, i)
			}
		} else {
			byID[u.ID] = len(out)
			changed = append(changed, len(out))
			out = append(out, u)
		}
	}
	var rels []Release
	seen := map[int]bool{}
	for _, i := range changed {
		if !seen[i] {
			seen[i] = true
			rels = append(rels, out[i])
		}
	}
	return out, rels
}

func sameRelease(a, b *Release) bool {
	return a.ID == b.ID && a.Title == b.Title && a.URL == b.URL && a.Published.Equal(b.Published) &&
		a.DateOnly == b.DateOnly && a.Department == b.Department && a.Body == b.Body &&
		strings.Join(a.Topics, "\x00") == strings.Join(b.Topics, "\x00") &&
		strings.Join(a.LinesToTake, "\x00") == strings.Join(b.LinesToTake, "\x00")
}
