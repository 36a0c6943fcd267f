package sla

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/store"
)

//go:embed rollup.lua
var rollupLua string

var rollupScript = redis.NewScript(rollupLua)

// Rollups.
//
// A rollup cell counts, for one desk-local day of enquiry creation (the
// cohort: every count about an enquiry lands on the day it arrived, so a
// period's report is about the enquiries opened in it) and one combination
// of topic × officer × outlet tier × release × in/out of hours × channel ×
// language (the cube), or of outlet × in/out of hours (the outlet cells,
// beside the cube in the same day hash: outlet names would multiply the
// cube's cells by four for one grouping). Channel and language join the
// cube because they take few values on a desk (email or phone; a handful
// of languages, most mail in one), so they add few cells, and a channel or
// language report can then be filtered by topic, officer or release:
//
//	n      enquiries opened
//	<c>m   clock c met within its due time
//	<c>l   clock c met late
//	<c>b   clock c breached: its due time passed unmet (a late met counts
//	       here too, exactly once, even when no sweeper saw the breach)
//	<c>w   clock c warned;  <c>e  clock c escalated
//	<c>t   sum of the times to meet clock c, in seconds (for the mean)
//	<c><i> histogram of the times to meet clock c: bucket i (see Bucket)
//
// where c is a (acknowledge), f (first response), x (next response) or
// r (resolution). Counters of 0 are not stored. The officer of a count is
// the officer holding the enquiry when it happened (the one it was
// assigned to on arrival for n).

// Histogram buckets of times to meet a clock: 1 minute wide up to 8 h
// (buckets 0–479), 15 minutes up to 48 h (480–639), 1 hour up to 14 days
// (640–927), then one open bucket (928). Percentiles read from them are
// within half a bucket of the exact value: 30 s below 8 h.
const (
	bucketMinutes = 480
	bucketQuarter = bucketMinutes + (48-8)*4
	bucketHours   = bucketQuarter + (14*24 - 48)
	bucketOpen    = bucketHours
)

// Bucket is the histogram bucket of a time to meet a clock.
func Bucket(d time.Duration) int {
	switch {
	case d < 0:
		return 0
	case d < 8*time.Hour:
		return int(d / time.Minute)
	case d < 48*time.Hour:
		return bucketMinutes + int((d-8*time.Hour)/(15*time.Minute))
	case d < 14*24*time.Hour:
		return bucketQuarter + int((d-48*time.Hour)/time.Hour)
	default:
		return bucketOpen
	}
}

// BucketRange is bucket i's range [lo, hi); hi is 0 for the open bucket.
func BucketRange(i int) (lo, hi time.Duration) {
	switch {
	case i < bucketMinutes:
		return time.Duration(i) * time.Minute, time.Duration(i+1) * time.Minute
	case i < bucketQuarter:
		lo = 8*time.Hour + time.Duration(i-bucketMinutes)*15*time.Minute
		return lo, lo + 15*time.Minute
	case i < bucketHours:
		lo = 48*time.Hour + time.Duration(i-bucketQuarter)*time.Hour
		return lo, lo + time.Hour
	default:
		return 14 * 24 * time.Hour, 0
	}
}

// Dims are the dimensions of a rollup cell.
type Dims struct {
	Topic, Officer, Tier, Outlet, Release string
	// Channel is how the enquiry came (ChannelOf: "email" or "phone");
	// Lang the language routing told (ISO 639-1, "" when not told).
	Channel, Lang string
	InHours       bool
}

// ChannelOf is the reporting channel of an enquiry's stored channel: mail
// that reached a watched mailbox has none and counts as "email".
func ChannelOf(c string) string {
	if c == "" {
		return "email"
	}
	return c
}

// tuple is the dims as the rollup script takes them: topic, officer,
// tier, release, hours, outlet, channel, language.
func (d Dims) tuple() [8]string {
	h := "0"
	if d.InHours {
		h = "1"
	}
	return [8]string{d.Topic, d.Officer, d.Tier, d.Release, h, d.Outlet, ChannelOf(d.Channel), d.Lang}
}

// Event is one entry of the events stream, decoded.
type Event struct {
	ID   string
	Type string
	Ref  string
	At   time.Time
	Data map[string]any
}

// Str is a string field of the event's data ("" when absent).
func (e *Event) Str(k string) string { return e.str(k) }

func (e *Event) str(k string) string {
	s, _ := e.Data[k].(string)
	return s
}

func (e *Event) num(k string) (int64, bool) {
	switch v := e.Data[k].(type) {
	case float64:
		return int64(math.Round(v)), true
	case json.Number:
		f, err := v.Float64()
		return int64(math.Round(f)), err == nil
	case string:
		n, err := strconv.ParseInt(v, 10, 64)
		return n, err == nil
	}
	return 0, false
}

// boolean reads a flag: true, a non-zero number (a timestamp) or a
// non-empty string.
func (e *Event) boolean(k string) bool {
	switch v := e.Data[k].(type) {
	case bool:
		return v
	case float64:
		return v != 0
	case string:
		return v != "" && v != "0"
	}
	return false
}

// DecodeEvent decodes an entry of the events stream (type, ref, at, data):
// the demo prints clock.warned, clock.breached and clock.escalated from
// it, as the projector folds them.
func DecodeEvent(m redis.XMessage) Event {
	e := Event{ID: m.ID}
	e.Type, _ = m.Values["type"].(string)
	e.Ref, _ = m.Values["ref"].(string)
	if at, ok := m.Values["at"].(string); ok {
		if n, err := strconv.ParseInt(at, 10, 64); err == nil {
			e.At = time.UnixMilli(n)
		}
	}
	if data, ok := m.Values["data"].(string); ok && data != "" {
		_ = json.Unmarshal([]byte(data), &e.Data)
	}
	if e.Data == nil {
		e.Data = map[string]any{}
	}
	return e
}

// batch is what one projector step writes: increments per cell and
// breach-list entries, as the rollup script takes them.
type batch struct {
	cells map[cellKey]map[string]int64
	order []cellKey
	brl   []brlEntry
	stats map[string]int64
}

type cellKey struct {
	day  string
	dims [8]string
}

type brlEntry struct {
	D string    `json:"d"`
	V string    `json:"v"`
	C [8]string `json:"c"`
}

func newBatch() *batch {
	return &batch{cells: map[cellKey]map[string]int64{}, stats: map[string]int64{}}
}

func (b *batch) add(day string, d Dims, name string, n int64) {
	k := cellKey{day, d.tuple()}
	m := b.cells[k]
	if m == nil {
		m = map[string]int64{}
		b.cells[k] = m
		b.order = append(b.order, k)
	}
	m[name] += n
}

func (b *batch) payload() (string, error) {
	type upd struct {
		D string           `json:"d"`
		C [8]string        `json:"c"`
		I map[string]int64 `json:"i"`
	}
	p := struct {
		U []upd            `json:"u"`
		B []brlEntry       `json:"b"`
		S map[string]int64 `json:"s"`
	}{U: make([]upd, 0, len(b.order)), B: b.brl, S: b.stats}
	if p.B == nil {
		p.B = []brlEntry{}
	}
	for _, k := range b.order {
		p.U = append(p.U, upd{D: k.day, C: k.dims, I: b.cells[k]})
	}
	out, err := json.Marshal(p)
	return string(out), err
}

// Projector folds the events stream into the rollups exactly once: each
// step reads the events after the checkpoint, computes their increments
// and applies them with the new checkpoint in one script that first
// checks the checkpoint is still the one read (rollup.lua). A crash
// before the script leaves the checkpoint behind, so the events are read
// again; a second replica's step computed from the same checkpoint finds
// it moved and re-reads. Nothing is counted twice or lost.
type Projector struct {
	st   *store.Store
	keys store.KeySpace
	// events is the events stream's key (store.EventStream).
	events string
	cfg    *config.Config
	hours  *Hours
	log    *slog.Logger
	// Batch is how many events one step reads (default 500).
	Batch int

	mu    sync.Mutex
	cache map[int64]bool // in-hours by unix minute
}

// NewProjector returns a projector over st's events stream.
func NewProjector(st *store.Store, cfg *config.Config, log *slog.Logger) (*Projector, error) {
	h, err := NewHours(cfg)
	if err != nil {
		return nil, err
	}
	if log == nil {
		log = slog.Default()
	}
	_, events := st.EventStream()
	return &Projector{st: st, keys: keySpace(st), events: events, cfg: cfg, hours: h, log: log, Batch: 500, cache: map[int64]bool{}}, nil
}

// Hours is the in-hours rule the projector uses.
func (p *Projector) Hours() *Hours { return p.hours }

func (p *Projector) inHours(t time.Time) bool {
	m := t.Unix() / 60
	p.mu.Lock()
	defer p.mu.Unlock()
	if v, ok := p.cache[m]; ok {
		return v
	}
	if len(p.cache) > 100000 {
		clear(p.cache)
	}
	v := p.hours.In(t)
	p.cache[m] = v
	return v
}

// Checkpoint is the ID of the last event applied ("" before the first).
func (p *Projector) Checkpoint(ctx context.Context) (string, error) {
	v, err := p.keys.Client().Get(ctx, p.keys.Key(keyCheckpoint)).Result()
	if errors.Is(err, redis.Nil) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read rollup checkpoint: %w", err)
	}
	return v, nil
}

// CatchUp applies every event after the checkpoint and returns how many it
// applied (events another replica applied meanwhile are not counted).
func (p *Projector) CatchUp(ctx context.Context) (int, error) {
	total := 0
	ckpt, err := p.Checkpoint(ctx)
	if err != nil {
		return 0, err
	}
	if err := p.checkGap(ctx, ckpt); err != nil {
		return 0, err
	}
	for i := 0; i < 100000; i++ {
		n, next, err := p.step(ctx, ckpt)
		if err != nil {
			return total, err
		}
		total += n
		if next == ckpt {
			return total, nil
		}
		ckpt = next
	}
	return total, nil
}

// checkGap warns when events after the checkpoint may have been trimmed
// from the stream before they were applied.
func (p *Projector) checkGap(ctx context.Context, ckpt string) error {
	if ckpt == "" {
		return nil
	}
	first, err := p.keys.Client().XRangeN(ctx, p.events, "-", "+", 1).Result()
	if err != nil {
		return fmt.Errorf("read events stream: %w", err)
	}
	if len(first) == 1 && streamIDLess(ckpt, first[0].ID) {
		if n, _ := p.keys.Client().XRangeN(ctx, p.events, ckpt, ckpt, 1).Result(); len(n) == 0 {
			p.log.Warn("events may have been trimmed from the stream before the rollups applied them",
				"checkpoint", ckpt, "oldest", first[0].ID)
		}
	}
	return nil
}

func streamIDLess(a, b string) bool {
	am, as, _ := strings.Cut(a, "-")
	bm, bs, _ := strings.Cut(b, "-")
	x, _ := strconv.ParseUint(am, 10, 64)
	y, _ := strconv.ParseUint(bm, 10, 64)
	if x != y {
		return x < y
	}
	xs, _ := strconv.ParseUint(as, 10, 64)
	ys, _ := strconv.ParseUint(bs, 10, 64)
	return xs < ys
}

// step applies the events after ckpt (one batch) and returns how many it
// applied and the checkpoint now (ckpt itself when there was nothing new).
func (p *Projector) step(ctx context.Context, ckpt string) (int, string, error) {
	start := "-"
	if ckpt != "" {
		start = "(" + ckpt
	}
	msgs, err := p.keys.Client().XRangeN(ctx, p.events, start, "+", int64(p.Batch)).Result()
	if err != nil {
		return 0, ckpt, fmt.Errorf("read events after %q: %w", ckpt, err)
	}
	if len(msgs) == 0 {
		return 0, ckpt, nil
	}
	evs := make([]Event, len(msgs))
	for i, m := range msgs {
		evs[i] = DecodeEvent(m)
	}
	if err := p.enrich(ctx, evs); err != nil {
		return 0, ckpt, err
	}
	b := newBatch()
	for i := range evs {
		p.project(b, &evs[i])
	}
	last := msgs[len(msgs)-1].ID
	applied, now, err := p.apply(ctx, ckpt, last, b)
	if err != nil {
		return 0, ckpt, err
	}
	if !applied {
		return 0, now, nil // another replica applied it: carry on from there
	}
	return len(msgs), last, nil
}

// apply writes a batch if the checkpoint is still from; it returns whether
// it did and the checkpoint now.
func (p *Projector) apply(ctx context.Context, from, to string, b *batch) (bool, string, error) {
	payload, err := b.payload()
	if err != nil {
		return false, from, fmt.Errorf("encode rollup batch: %w", err)
	}
	res, err := rollupScript.Run(ctx, p.keys.Client(), []string{p.keys.Key(keyCheckpoint)}, p.keys.Prefix(), from, to, payload).Slice()
	if err != nil {
		return false, from, fmt.Errorf("apply rollup batch up to %s: %w", to, err)
	}
	if len(res) != 2 {
		return false, from, fmt.Errorf("apply rollup batch: unexpected reply %v", res)
	}
	ok, _ := res[0].(int64)
	now, _ := res[1].(string)
	return ok == 1, now, nil
}

// Enquiry hash fields of the channel and language dimensions (package
// store writes them; EnquiryFields decodes them into Channel and Lang).
const (
	fieldChannel = "channel"
	fieldLang    = "lang"
)

// enrich fills in what events lack: the dimensions of enquiry.created
// (read from the enquiry), the channel and language of an event written
// before events carried them, and for a clock met late whether a breach
// was already recorded.
func (p *Projector) enrich(ctx context.Context, evs []Event) error {
	var created, met, chans []int
	var createdRefs, metRefs, chanRefs []string
	for i := range evs {
		e := &evs[i]
		switch e.Type {
		case "enquiry.created", "clock.met", "clock.warned", "clock.breached", "clock.escalated":
		default:
			continue
		}
		_, hasTopic := e.Data["topic"]
		_, hasCreated := e.Data["created"]
		_, hasChannel := e.Data["channel"]
		switch {
		case e.Type == "enquiry.created" && !(hasTopic && hasCreated):
			created, createdRefs = append(created, i), append(createdRefs, e.Ref)
		case !hasChannel:
			chans, chanRefs = append(chans, i), append(chanRefs, e.Ref)
		}
		if e.Type == "clock.met" {
			if _, ok := e.Data["breached"]; ok || e.boolean("within") {
				continue
			}
			met, metRefs = append(met, i), append(metRefs, e.Ref)
		}
	}
	if len(created) > 0 {
		es, err := p.st.EnquiryFields(ctx, createdRefs, store.FieldTopic, store.FieldOutletTier, store.FieldOutlet,
			store.FieldRelease, store.FieldCreated, store.FieldOfficer, fieldChannel, fieldLang)
		if err != nil {
			return fmt.Errorf("read enquiries for rollups: %w", err)
		}
		for j, i := range created {
			e, q := &evs[i], es[j]
			if q == nil {
				q = &store.Enquiry{}
			}
			e.Data["topic"], e.Data["tier"], e.Data["outlet"], e.Data["release"] = q.Topic, q.OutletTier, q.Outlet, q.Release
			if !q.Created.IsZero() {
				e.Data["created"] = float64(q.Created.UnixMilli())
			}
			if _, ok := e.Data["officer"]; !ok {
				e.Data["officer"] = q.Officer
			}
			if _, ok := e.Data["channel"]; !ok {
				e.Data["channel"], e.Data["lang"] = q.Channel, q.Lang
			}
		}
	}
	if len(chans) > 0 {
		es, err := p.st.EnquiryFields(ctx, chanRefs, fieldChannel, fieldLang)
		if err != nil {
			return fmt.Errorf("read enquiries for rollups: %w", err)
		}
		for j, i := range chans {
			if q := es[j]; q != nil {
				evs[i].Data["channel"], evs[i].Data["lang"] = q.Channel, q.Lang
			}
		}
	}
	// A met clock's breach, one read per clock (the field differs).
	byClock := map[string][]int{}
	for j, i := range met {
		c := evs[i].str("clock")
		byClock[c] = append(byClock[c], j)
	}
	for c, js := range byClock {
		refs := make([]string, len(js))
		for k, j := range js {
			refs[k] = metRefs[j]
		}
		es, err := p.st.EnquiryFields(ctx, refs, store.ClockFields(c, "breached")...)
		if err != nil {
			return fmt.Errorf("read enquiries for rollups: %w", err)
		}
		for k, j := range js {
			e := &evs[met[j]]
			e.Data["breached"] = es[k] != nil && !es[k].Clocks[c].Breached.IsZero()
		}
	}
	return nil
}

// dims reads an event's reporting dimensions and creation instant.
func (p *Projector) dims(e *Event) (Dims, time.Time, bool) {
	c, ok := e.num("created")
	if !ok || c <= 0 {
		return Dims{}, time.Time{}, false
	}
	created := time.UnixMilli(c)
	return Dims{
		Topic: e.str("topic"), Officer: e.str("officer"), Tier: e.str("tier"),
		Outlet: e.str("outlet"), Release: e.str("release"), InHours: p.inHours(created),
		Channel: ChannelOf(e.str("channel")), Lang: e.str("lang"),
	}, created, true
}

// project adds one event's increments to b.
func (p *Projector) project(b *batch, e *Event) {
	b.stats["events"]++
	switch e.Type {
	case "enquiry.created", "clock.met", "clock.warned", "clock.breached", "clock.escalated":
	default:
		return
	}
	d, created, ok := p.dims(e)
	if !ok {
		b.stats["undated"]++
		return
	}
	day := DayKey(created, p.cfg.Location)
	b.stats["applied"]++
	if e.Type == "enquiry.created" {
		b.add(day, d, "n", 1)
		return
	}
	c := clockLetter(e.str("clock"))
	if c == "" {
		b.stats["unknown_clock"]++
		return
	}
	switch e.Type {
	case "clock.met":
		elapsed, _ := e.num("elapsed_ms")
		if e.boolean("within") {
			b.add(day, d, c+"m", 1)
		} else {
			b.add(day, d, c+"l", 1)
			if !e.boolean("breached") {
				// Met late before any sweeper recorded the breach.
				b.add(day, d, c+"b", 1)
				b.brl = append(b.brl, brlEntry{day, e.Ref + "|" + c, d.tuple()})
			}
		}
		if elapsed < 0 {
			elapsed = 0
		}
		b.add(day, d, c+strconv.Itoa(Bucket(time.Duration(elapsed)*time.Millisecond)), 1)
		b.add(day, d, c+"t", (elapsed+500)/1000)
	case "clock.breached":
		b.add(day, d, c+"b", 1)
		b.brl = append(b.brl, brlEntry{day, e.Ref + "|" + c, d.tuple()})
	case "clock.warned":
		b.add(day, d, c+"w", 1)
	case "clock.escalated":
		b.add(day, d, c+"e", 1)
	}
}

// ProjectorStats are the projection's counters.
type ProjectorStats struct {
	Checkpoint string `json:"checkpoint"`
	// Events read, Applied to rollups (the rest are types rollups ignore).
	Events  int64 `json:"events"`
	Applied int64 `json:"applied"`
	Undated int64 `json:"undated"`
	// Lag is how many events wait after the checkpoint.
	Lag int64 `json:"lag"`
}

// Stats reads the projection's counters and lag.
func (p *Projector) Stats(ctx context.Context) (ProjectorStats, error) {
	ckpt, err := p.Checkpoint(ctx)
	if err != nil {
		return ProjectorStats{}, err
	}
	h, err := p.keys.Client().HGetAll(ctx, p.keys.Key(keyProjStats)).Result()
	if err != nil {
		return ProjectorStats{}, fmt.Errorf("read rollup stats: %w", err)
	}
	n := func(k string) int64 { v, _ := strconv.ParseInt(h[k], 10, 64); return v }
	s := ProjectorStats{Checkpoint: ckpt, Events: n("events"), Applied: n("applied"), Undated: n("undated")}
	start := "-"
	if ckpt != "" {
		start = "(" + ckpt
	}
	lag, err := p.keys.Client().XRangeN(ctx, p.events, start, "+", 10000).Result()
	if err != nil {
		return s, fmt.Errorf("read events stream: %w", err)
	}
	s.Lag = int64(len(lag))
	return s, nil
}

// keyBulkCheckpoint is the checkpoint of ApplyEvents, apart from the
// stream's so a backfill never moves the live projection.
const keyBulkCheckpoint = "sla:rollup:bulk"

// ApplyEvents folds events that are not on the stream (a backfill, a
// benchmark's synthetic history) into the rollups through the same code
// and script as the stream: each call is one atomic step guarded by its
// own checkpoint, a counter of batches applied. Events lacking dimensions
// get them from their enquiries, as on the stream.
func (p *Projector) ApplyEvents(ctx context.Context, evs []Event) error {
	if err := p.enrich(ctx, evs); err != nil {
		return err
	}
	b := newBatch()
	for i := range evs {
		p.project(b, &evs[i])
	}
	key := p.keys.Key(keyBulkCheckpoint)
	for attempt := 0; attempt < 100; attempt++ {
		cur, err := p.keys.Client().Get(ctx, key).Result()
		if err != nil && !errors.Is(err, redis.Nil) {
			return fmt.Errorf("read bulk checkpoint: %w", err)
		}
		n, _ := strconv.ParseInt(cur, 10, 64)
		payload, err := b.payload()
		if err != nil {
			return fmt.Errorf("encode rollup batch: %w", err)
		}
		res, err := rollupScript.Run(ctx, p.keys.Client(), []string{key}, p.keys.Prefix(), cur, strconv.FormatInt(n+1, 10), payload).Slice()
		if err != nil {
			return fmt.Errorf("apply %d events: %w", len(evs), err)
		}
		if ok, _ := res[0].(int64); ok == 1 {
			return nil
		}
	}
	return errors.New("apply events: the bulk checkpoint keeps moving")
}
