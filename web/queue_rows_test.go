package web

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

// rowCells returns, for the queue row of ref, each cell's class and text.
func rowCells(t *testing.T, page, ref string) map[string]string {
	t.Helper()
	i := strings.Index(page, `data-ref="`+ref+`"`)
	if i < 0 {
		t.Fatalf("no row for %s", ref)
	}
	row := page[i:]
	row = row[:strings.Index(row, "</tr>")]
	cells := map[string]string{}
	tags := regexp.MustCompile(`<[^>]*>`)
	for _, m := range regexp.MustCompile(`(?s)<td class="([a-z]+)"[^>]*>(.*?)</td>`).FindAllStringSubmatch(row, -1) {
		cells[m[1]] = strings.Join(strings.Fields(tags.ReplaceAllString(m[2], " ")), " ")
	}
	return cells
}

// TestQueueRowsUrgencyFirst: a queue row starts with the next clock and
// the journalist's deadline, says a clock's warning or breach in words as
// well as colour, and keeps a long release title whole in its title
// attribute (the cell cuts it with an ellipsis).
func TestQueueRowsUrgencyFirst(t *testing.T) {
	f := newFixture(t)
	breached := f.plain("Warned", "ann")
	f.clock.Advance(4 * time.Minute)
	soon := f.plain("Soon", "ann")
	f.clock.Advance(12 * time.Minute) // Warned's holding-reply clock is 1 minute overdue, Soon's has 3 minutes left
	c := f.client().loginAs("ann")
	page := c.get("/queues/open").Body.String()

	head := regexp.MustCompile(`(?s)<thead><tr>(.*?)</tr></thead>`).FindStringSubmatch(page)
	if head == nil || !strings.HasPrefix(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(head[1], "|"), "|Next due||Deadline|") {
		t.Errorf("the queue's columns do not start with Next due, Deadline: %v", head)
	}
	cases := []struct {
		ref, want string
	}{
		{breached, "overdue by 1m 00s breached Holding reply"},
		{soon, "due in 3m 00s soon Holding reply"},
	}
	for _, tc := range cases {
		cells := rowCells(t, page, tc.ref)
		if got := cells["next"]; got != tc.want {
			t.Errorf("%s next due cell %q, want %q", tc.ref, got, tc.want)
		}
	}
	if !strings.Contains(page, `title="Foreign Secretary visits Albania" tabindex="-1">Foreign Secretary visits Albania</a>`) {
		t.Error("the release link lacks the full title in its title attribute")
	}
}
