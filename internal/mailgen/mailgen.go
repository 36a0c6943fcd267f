// Package mailgen writes realistic journalist enquiries about a release
// catalogue — new questions (some quoting the release or linking to it,
// some with a deadline), follow-ups, off-catalogue questions and
// auto-replies — for the demo and the ingest benchmark.
package mailgen

import (
	"fmt"
	"math/rand/v2"
	"mime"
	"regexp"
	"strings"
	"time"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/routing"
)

// Generator writes realistic enquiries about a catalogue of releases.
type Generator struct {
	rng      *rand.Rand
	releases []routing.Release
	outlets  []config.Outlet
	desk     string
	seq      int
	history  []sentMail
}

type sentMail struct {
	name, addr, messageID, subject string
}

// NewGenerator returns a generator seeded with seed.
func NewGenerator(seed uint64, releases []routing.Release, cfg *config.Config) *Generator {
	return &Generator{
		rng:      rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		releases: releases,
		outlets:  cfg.Outlets,
		desk:     cfg.Desk.Address,
	}
}

var (
	firstNames = []string{"Alex", "Priya", "Tom", "Hannah", "Marcus", "Eilidh", "Kofi", "Sian", "Daniel", "Leila", "Rob", "Chloe", "Niamh", "Arjun", "Beth", "Oliver"}
	lastNames  = []string{"Hart", "Sandhu", "Okoro", "Price", "McLeod", "Jones", "Bennett", "Rahman", "Walker", "Doyle", "Fischer", "Moreau", "Evans", "Quinn"}
	deadlines  = []string{
		"By 4pm today please.", "Deadline 17:00.", "Could you come back to me within the hour?",
		"We're filing at 6.", "Need a line by lunchtime.", "By close of play if possible.",
		"Grateful for something in the next two hours.", "First thing tomorrow is fine.",
		"No rush - this is for a weekend feature.", "ASAP please.", "", "",
	}
	openers = []string{"Hi,", "Hello press office,", "Hi team,", "Good afternoon,", "Morning,"}
	asks    = []string{
		"Can you confirm %s?", "Could you tell me %s?", "I'd be grateful for a line on %s.",
		"Is someone available to explain %s?", "Can you clarify %s?",
	}
	offCatalogue = []string{
		"We're hearing reports that a British journalist has been detained at an airport overseas. Can you confirm whether consular staff are in touch with the family?",
		"Can you send me the minister's diary for next week, and say whether she'll be at the summit?",
		"A reader says her visa application has been stuck for four months. Who is the right person to speak to?",
		"Is the department planning to respond to the committee report published this morning on staff numbers?",
	}
	autoReplies = []string{
		"Thank you for your email. I am out of the office until Monday with limited access to email.",
		"This mailbox is not monitored at weekends. For urgent matters please call the newsdesk.",
	}
	sentenceRe = regexp.MustCompile(`[^.!?]+[.!?]`)
)

// Next returns the next message, dated now in loc.
func (g *Generator) Next(now time.Time, loc *time.Location) []byte {
	g.seq++
	r := g.rng.Float64()
	switch {
	case r < 0.15 && len(g.history) > 0:
		return g.followUp(now, loc)
	case r < 0.23 && len(g.history) > 0:
		return g.autoReply(now, loc)
	case r < 0.33 || len(g.releases) == 0:
		return g.offCatalogue(now, loc)
	default:
		return g.aboutRelease(now, loc)
	}
}

func (g *Generator) pick(list []string) string { return list[g.rng.IntN(len(list))] }

// journalist invents a sender: a staffer at one of the desk's outlets or a
// freelancer on a webmail domain.
func (g *Generator) journalist() (name, addr, outlet string) {
	first, last := g.pick(firstNames), g.pick(lastNames)
	name = first + " " + last
	if len(g.outlets) == 0 || g.rng.IntN(6) == 0 {
		return name, strings.ToLower(first+"."+last) + "@freelance-mail.example", ""
	}
	o := g.outlets[g.rng.IntN(len(g.outlets))]
	return name, strings.ToLower(first+"."+last) + "@" + o.Domain, o.Name
}

func (g *Generator) aboutRelease(now time.Time, loc *time.Location) []byte {
	rel := g.releases[g.rng.IntN(len(g.releases))]
	name, addr, outlet := g.journalist()
	subjects := []string{rel.Title, "Query: " + rel.Title, "Request for comment - " + shorten(rel.Title, 6), "Your announcement on " + strings.ToLower(shorten(rel.Title, 5))}
	subject := g.pick(subjects)
	var b strings.Builder
	b.WriteString(g.pick(openers) + "\n\n")
	who := "I'm a reporter"
	if outlet != "" {
		who = "I'm a reporter at " + outlet
	}
	fmt.Fprintf(&b, "%s working on a piece about %s.", who, lowerFirst(rel.Title))
	if g.rng.IntN(3) == 0 {
		fmt.Fprintf(&b, " (%s)", rel.URL)
	}
	b.WriteString("\n\n")
	if s := sentences(rel.Body); len(s) > 0 {
		quote := strings.TrimSpace(s[g.rng.IntN(len(s))])
		fmt.Fprintf(&b, "Your release says: \"%s\"\n\n", quote)
	}
	fmt.Fprintf(&b, g.pick(asks)+"\n\n", g.pick([]string{"how many people this affects", "when this takes effect", "what it will cost", "who will be responsible for it", "whether this has been agreed with partners"}))
	if d := g.pick(deadlines); d != "" {
		b.WriteString(d + "\n\n")
	}
	fmt.Fprintf(&b, "Thanks,\n%s\n", name)
	if outlet != "" {
		fmt.Fprintf(&b, "%s | %s\nM: 07700 900%03d\n", name, outlet, g.rng.IntN(1000))
	}
	return g.write(name, addr, subject, b.String(), now, loc, nil)
}

func (g *Generator) offCatalogue(now time.Time, loc *time.Location) []byte {
	name, addr, outlet := g.journalist()
	var b strings.Builder
	b.WriteString(g.pick(openers) + "\n\n" + g.pick(offCatalogue) + "\n\n")
	if d := g.pick(deadlines); d != "" {
		b.WriteString(d + "\n\n")
	}
	fmt.Fprintf(&b, "Best,\n%s\n", name)
	if outlet != "" {
		b.WriteString(outlet + "\n")
	}
	return g.write(name, addr, g.pick([]string{"Quick question", "Media enquiry", "Press query", "Request for information"}), b.String(), now, loc, nil)
}

func (g *Generator) followUp(now time.Time, loc *time.Location) []byte {
	prev := g.history[g.rng.IntN(len(g.history))]
	body := g.pick([]string{
		"Just chasing this - is there anything you can give me yet?",
		"Following up on the below. My editor has moved the deadline forward: by 3pm please.",
		"Thanks for the acknowledgement. One more question: has the minister commented?",
	}) + "\n\n" + strings.Split(prev.name, " ")[0] + "\n\n> (earlier message)\n"
	subject := prev.subject
	if !strings.HasPrefix(strings.ToLower(subject), "re:") {
		subject = "Re: " + subject
	}
	return g.write(prev.name, prev.addr, subject, body, now, loc, []string{"In-Reply-To: " + prev.messageID, "References: " + prev.messageID})
}

func (g *Generator) autoReply(now time.Time, loc *time.Location) []byte {
	prev := g.history[g.rng.IntN(len(g.history))]
	return g.write(prev.name, prev.addr, "Automatic reply: "+prev.subject, g.pick(autoReplies)+"\n",
		now, loc, []string{"Auto-Submitted: auto-replied", "X-Auto-Response-Suppress: All"})
}

func (g *Generator) write(name, addr, subject, body string, now time.Time, loc *time.Location, extra []string) []byte {
	id := fmt.Sprintf("<demo-%d-%d@%s>", now.UnixNano(), g.seq, domainOf(addr))
	var b strings.Builder
	fmt.Fprintf(&b, "From: %s <%s>\r\n", mime.QEncoding.Encode("utf-8", name), addr)
	fmt.Fprintf(&b, "To: Press Office <%s>\r\n", g.desk)
	fmt.Fprintf(&b, "Subject: %s\r\n", mime.QEncoding.Encode("utf-8", subject))
	fmt.Fprintf(&b, "Date: %s\r\n", now.In(loc).Format(time.RFC1123Z))
	fmt.Fprintf(&b, "Message-ID: %s\r\n", id)
	for _, h := range extra {
		b.WriteString(h + "\r\n")
	}
	b.WriteString("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
	b.WriteString(strings.ReplaceAll(body, "\n", "\r\n"))
	if len(extra) == 0 || !strings.HasPrefix(extra[0], "Auto-Submitted") {
		g.history = append(g.history, sentMail{name: name, addr: addr, messageID: id, subject: subject})
		if len(g.history) > 50 {
			g.history = g.history[1:]
		}
	}
	return []byte(b.String())
}

func sentences(s string) []string {
	var out []string
	for _, m := range sentenceRe.FindAllString(s, 12) {
		if len(m) > 30 && len(m) < 240 {
			out = append(out, m)
		}
	}
	return out
}

func shorten(s string, words int) string {
	f := strings.Fields(s)
	if len(f) > words {
		f = f[:words]
	}
	return strings.Join(f, " ")
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

func domainOf(addr string) string {
	if i := strings.LastIndexByte(addr, '@'); i >= 0 {
		return addr[i+1:]
	}
	return "demo.example"
}
