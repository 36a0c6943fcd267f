package demo

import (
	"bytes"
	"net/mail"
	"sort"
	"time"
)

// recentDates moves the sample enquiries' Date headers to recent times, so
// the demo is not a wall of deadlines years overdue: in the order of
// their original dates (unreadable ones keep their place in the file
// order), spaced step apart, the latest one step before now. Deadline
// words ("by 5pm today", "by Friday") are read against the Date header, so
// they stay as sensible as in the original mail. A message without a Date
// header gets one. Nothing else in the message changes; the original is
// kept in X-Demo-Original-Date.
func recentDates(seeds [][]byte, now time.Time, step time.Duration) [][]byte {
	type item struct {
		i    int
		date time.Time
	}
	items := make([]item, len(seeds))
	var last time.Time
	for i, raw := range seeds {
		d := headerDate(raw)
		if d.IsZero() {
			d = last // keeps its place after the one before it
		}
		last = d
		items[i] = item{i: i, date: d}
	}
	sort.SliceStable(items, func(a, b int) bool { return items[a].date.Before(items[b].date) })
	out := make([][]byte, len(seeds))
	for rank, it := range items {
		at := now.Add(-time.Duration(len(seeds)-rank) * step).Truncate(time.Second)
		out[it.i] = setDate(seeds[it.i], at)
	}
	return out
}

// headerDate is a message's Date header (zero when absent or unreadable).
func headerDate(raw []byte) time.Time {
	m, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return time.Time{}
	}
	d, err := m.Header.Date()
	if err != nil {
		return time.Time{}
	}
	return d
}

// setDate replaces the Date header of the message's header section (or
// adds one), keeping the original in X-Demo-Original-Date.
func setDate(raw []byte, at time.Time) []byte {
	nl := []byte("\n")
	end := bytes.Index(raw, []byte("\r\n\r\n"))
	crlf := end >= 0
	if alt := bytes.Index(raw, []byte("\n\n")); end < 0 || (alt >= 0 && alt < end) {
		end, crlf = alt, false
	}
	if end < 0 {
		return raw
	}
	if crlf {
		nl = []byte("\r\n")
	}
	head, body := raw[:end], raw[end:]
	lines := bytes.Split(head, nl)
	date := []byte("Date: " + at.Format(time.RFC1123Z))
	var outLines [][]byte
	replaced := false
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if !replaced && len(l) >= 5 && bytes.EqualFold(l[:5], []byte("date:")) {
			orig := append([]byte("X-Demo-Original-Date:"), l[5:]...)
			// folded continuation lines belong to the old header
			for i+1 < len(lines) && len(lines[i+1]) > 0 && (lines[i+1][0] == ' ' || lines[i+1][0] == '\t') {
				i++
			}
			outLines = append(outLines, date, orig)
			replaced = true
			continue
		}
		outLines = append(outLines, l)
	}
	if !replaced {
		outLines = append(outLines, date)
	}
	var b bytes.Buffer
	b.Write(bytes.Join(outLines, nl))
	b.Write(body)
	return b.Bytes()
}
