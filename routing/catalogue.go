package routing

import (
	"sort"
	"sync"
	"time"

	"github.com/mediadesk/mediadesk/releases/release"
)

// Release is one press release. Package releases/release defines it and
// does no I/O; package releases keeps the files, feeds, Redis copy and
// schedules the catalogue is kept from.
type Release = release.Release

// Catalogue is an immutable, indexed snapshot of the releases. Routing
// reads one snapshot while a reload builds the next, which is then swapped
// in atomically (see Router.SetCatalogue), so a reload never blocks
// routing. A Catalogue is safe for concurrent use.
type Catalogue struct {
	releases []Release
	byID     map[string]int
	// byURL and bySlug map a normalised URL, or the slug of a GOV.UK-style
	// URL path or of a title, to the releases carrying it.
	byURL  map[string][]int32
	bySlug map[string][]int32
	idx    *index
	loc    *time.Location
	pool   sync.Pool // *scratch sized for this snapshot
}

// NewCatalogue indexes releases, whose dates are read in loc (the desk's
// time zone; nil means UTC). Releases with a repeated id keep the last.
func NewCatalogue(rels []Release, loc *time.Location) *Catalogue {
	if loc == nil {
		loc = time.UTC
	}
	c := &Catalogue{byID: map[string]int{}, byURL: map[string][]int32{}, bySlug: map[string][]int32{}, loc: loc}
	for _, r := range rels {
		if i, ok := c.byID[r.ID]; ok {
			c.releases[i] = r
			continue
		}
		c.byID[r.ID] = len(c.releases)
		c.releases = append(c.releases, r)
	}
	for i := range c.releases {
		r := &c.releases[i]
		if u := release.NormaliseURL(r.URL); u != "" {
			c.byURL[u] = append(c.byURL[u], int32(i))
		}
		for _, s := range uniqueStrings(release.URLSlug(r.URL), release.Slugify(r.Title)) {
			if len(s) >= 12 {
				c.bySlug[s] = append(c.bySlug[s], int32(i))
			}
		}
	}
	c.idx = buildIndex(c.releases, loc)
	c.pool.New = func() any { return newScratch(c.idx) }
	return c
}

func uniqueStrings(a, b string) []string {
	if a == b {
		return []string{a}
	}
	return []string{a, b}
}

// Len is the number of releases.
func (c *Catalogue) Len() int {
	if c == nil {
		return 0
	}
	return len(c.releases)
}

// Release returns the release with id.
func (c *Catalogue) Release(id string) (Release, bool) {
	if c == nil {
		return Release{}, false
	}
	i, ok := c.byID[id]
	if !ok {
		return Release{}, false
	}
	return c.releases[i], true
}

// release returns the release with id, nil when there is none; it must
// not be modified.
func (c *Catalogue) release(id string) *Release {
	if c == nil {
		return nil
	}
	if i, ok := c.byID[id]; ok {
		return &c.releases[i]
	}
	return nil
}

// Releases returns a copy of every release, newest first.
func (c *Catalogue) Releases() []Release {
	if c == nil {
		return nil
	}
	out := make([]Release, len(c.releases))
	copy(out, c.releases)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Published.After(out[j].Published) })
	return out
}

// With returns a new snapshot with updates merged in (see Merge) and the
// releases added or changed; c itself is unchanged. When nothing changed
// it returns c.
func (c *Catalogue) With(updates []Release) (*Catalogue, []Release) {
	var base []Release
	loc := time.UTC
	if c != nil {
		base, loc = c.releases, c.loc
	}
	merged, changed := release.Merge(base, updates)
	if len(changed) == 0 && c != nil {
		return c, nil
	}
	return NewCatalogue(merged, loc), changed
}

// Location is the time zone the catalogue reads dates in.
func (c *Catalogue) Location() *time.Location {
	if c == nil {
		return time.UTC
	}
	return c.loc
}

// day returns the calendar day of release i in the desk's zone, as days
// since 1970-01-01.
func dayNumber(t time.Time, dateOnly bool, loc *time.Location) int32 {
	if !dateOnly {
		t = t.In(loc)
	}
	y, m, d := t.Date()
	return int32(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// dayOf is dayNumber for an instant read in loc.
func dayOf(t time.Time, loc *time.Location) int32 { return dayNumber(t, false, loc) }

// dayTime is the UTC midnight of day number d (for formatting).
func dayTime(d int32) time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// ReleaseCatalogue is the router's catalogue as a releases.Catalogue, for
// a releases.Refresher to keep current: each update is indexed into a new
// snapshot (dates in the desk's zone) and swapped in.
func (r *Router) ReleaseCatalogue() LiveCatalogue { return LiveCatalogue{r} }

// LiveCatalogue is a Router's current catalogue as a list of releases
// (it satisfies releases.Catalogue without routing importing package
// releases and its I/O).
type LiveCatalogue struct{ r *Router }

func (c LiveCatalogue) Current() []Release {
	if cat := c.r.Catalogue(); cat != nil {
		return cat.releases
	}
	return nil
}

func (c LiveCatalogue) Replace(rels []Release) {
	c.r.SetCatalogue(NewCatalogue(rels, c.r.cfg.Location))
}
