package deadline

import (
	"bufio"
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/mediadesk/mediadesk/mailparse"

	"github.com/mediadesk/mediadesk/internal/fixture"
)

const rfc3339Offset = "2006-01-02T15:04:05-07:00" // like RFC 3339 but +00:00 rather than Z

func london(tb testing.TB) *time.Location {
	tb.Helper()
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		tb.Skipf("no tz database: %v", err)
	}
	return loc
}

func mustTime(tb testing.TB, s string) time.Time {
	tb.Helper()
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		tb.Fatalf("bad time %q: %v", s, err)
	}
	return t
}

// Reference moments (Europe/London).
const (
	wed1000  = "2023-10-18T10:00:00+01:00" // Wednesday, BST
	wed0730  = "2023-10-18T07:30:00+01:00"
	wed1600  = "2023-10-18T16:00:00+01:00"
	fri1400  = "2023-10-20T14:00:00+01:00" // Friday
	fri1600  = "2023-10-20T16:00:00+01:00"
	sat1200  = "2023-10-21T12:00:00+01:00" // Saturday
	sun1000  = "2023-12-17T10:03:55+01:00" // Sunday, sent from +0100 in GMT season
	mon1100  = "2023-10-23T11:00:00+01:00" // Monday
	nov0930  = "2023-11-20T09:30:00+00:00" // Monday, GMT
	jul1420  = "2024-07-08T14:20:00+03:00" // BST, sent from +0300
	dec28    = "2023-12-28T10:00:00+00:00"
	springFw = "2024-03-31T00:30:00+00:00" // 30 minutes before clocks go forward (01:00 UTC)
	autumnBk = "2024-10-27T00:30:00+01:00" // 30 minutes before clocks go back (01:00 UTC)
	friOct24 = "2024-10-25T15:30:00+01:00" // Friday before clocks go back
	friMar24 = "2024-03-29T10:00:00+00:00" // Friday before clocks go forward
	satMar24 = "2024-03-30T12:00:00+00:00"
)

type deadlineCase struct {
	name string
	text string
	sent string
	want string // RFC 3339 with numeric offset in Europe/London, "" = no deadline
	rule string // optional
}

var deadlineCases = []deadlineCase{
	// clock times, that day
	{"by 4pm", "Need it by 4pm please.", wed1000, "2023-10-18T16:00:00+01:00", ruleClock},
	{"deadline 16:00", "Deadline 16:00.", wed1000, "2023-10-18T16:00:00+01:00", ruleClock},
	{"before 5.30pm", "Need it before 5.30pm.", wed1000, "2023-10-18T17:30:00+01:00", ruleClock},
	{"at 18.00 at the latest", "Need a line at 18.00 at the latest.", wed1000, "2023-10-18T18:00:00+01:00", ruleClock},
	{"by 21:30", "Need it by 21:30 please", wed1000, "2023-10-18T21:30:00+01:00", ruleClock},
	{"4 pm spaced", "Could you come back to me by 4 pm?", wed1000, "2023-10-18T16:00:00+01:00", ruleClock},
	{"4:30 p.m.", "Back to me by 4:30 p.m. please.", wed1000, "2023-10-18T16:30:00+01:00", ruleClock},
	{"4.30PM caps", "DEADLINE 4.30PM", wed1000, "2023-10-18T16:30:00+01:00", ruleClock},
	{"1600hrs", "Deadline 1600hrs.", wed1000, "2023-10-18T16:00:00+01:00", ruleClock},
	{"16h", "Deadline 16h.", wed1000, "2023-10-18T16:00:00+01:00", ruleClock},
	{"16h30", "Our deadline is 16h30.", wed1000, "2023-10-18T16:30:00+01:00", ruleClock},
	{"no later than", "Please reply no later than 3pm.", wed1000, "2023-10-18T15:00:00+01:00", ruleClock},
	{"for our deadline", "We need it for our 5pm deadline.", wed1000, "2023-10-18T17:00:00+01:00", ruleClock},
	{"ish", "Need it by 4pm-ish please", wed1000, "2023-10-18T16:00:00+01:00", ruleClock},
	{"o'clock", "Could we have it by 4 o'clock?", wed1000, "2023-10-18T16:00:00+01:00", ruleClock},
	{"half four", "Need it by half four.", wed1000, "2023-10-18T16:30:00+01:00", ruleClock},
	{"passed today stays today", "Need by 9am for the breakfast bulletins.", wed1000, "2023-10-18T09:00:00+01:00", ruleClock},
	{"hard-wrapped", "Would be great to have something by\n11.30am if at all possible.", wed0730, "2023-10-18T11:30:00+01:00", ruleClock},

	// a day named
	{"4pm tomorrow", "By 4pm tomorrow please.", wed1000, "2023-10-19T16:00:00+01:00", ruleClock},
	{"tomorrow at 4pm", "Can you get back to me tomorrow at 4pm?", wed1000, "2023-10-19T16:00:00+01:00", ruleClock},
	{"Monday 10am", "Deadline Monday 10am - it's for a long read.", wed1000, "2023-10-23T10:00:00+01:00", ruleClock},
	{"Thursday 12:00", "Deadline Thursday 12:00.", wed1000, "2023-10-19T12:00:00+01:00", ruleClock},
	{"Wed 25 Oct 10am", "Deadline: Wed 25 Oct 10am – happy to take it on background.", wed1000, "2023-10-25T10:00:00+01:00", ruleClock},
	{"10am on Friday", "Could you reply by 10am on Friday?", wed1000, "2023-10-20T10:00:00+01:00", ruleClock},
	{"3pm on 20 Oct", "Need it by 3pm on 20 Oct.", wed1000, "2023-10-20T15:00:00+01:00", ruleClock},
	{"20/10 UK order", "By 2pm on 20/10 please.", wed1000, "2023-10-20T14:00:00+01:00", ruleClock},
	{"Oct 20 noon", "Deadline Oct 20 noon.", wed1000, "2023-10-20T12:00:00+01:00", ruleNamedTime},
	{"22nd November", "Deadline 22nd November 10am.", nov0930, "2023-11-22T10:00:00+00:00", ruleClock},
	{"Nov 22nd", "Deadline Nov 22nd, 10am.", nov0930, "2023-11-22T10:00:00+00:00", ruleClock},
	{"this Friday", "Deadline this Friday at 4pm.", wed1000, "2023-10-20T16:00:00+01:00", ruleClock},
	{"next Friday is next week's", "Deadline next Friday 4pm.", wed1000, "2023-10-27T16:00:00+01:00", ruleClock},
	{"next Monday from Friday", "Deadline next Monday 10am.", fri1400, "2023-10-23T10:00:00+01:00", ruleClock},
	{"weekday = today, time ahead", "Deadline Wednesday 5pm.", wed1000, "2023-10-18T17:00:00+01:00", ruleClock},
	{"weekday = today, time passed", "Deadline Wednesday 9am.", wed1000, "2023-10-25T09:00:00+01:00", ruleClock},
	{"weekday rollover", "Deadline Monday 10am.", mon1100, "2023-10-30T10:00:00+00:00", ruleClock},
	{"Sunday from Saturday", "Deadline Sunday 5pm.", sat1200, "2023-10-22T17:00:00+01:00", ruleClock},
	{"year rollover", "Deadline 3 Jan 10am.", dec28, "2024-01-03T10:00:00+00:00", ruleClock},
	{"the 20th", "Could you let me know by the 20th?", wed1000, "2023-10-20T17:00:00+01:00", ruleDate},
	{"tomorrow's paper is not the day", "By 9.30pm please, for tomorrow's paper.", wed1000, "2023-10-18T21:30:00+01:00", ruleClock},
	{"past date", "Deadline 3 October 5pm.", wed1000, "", ""},
	{"too far ahead", "Deadline 15 March.", wed1000, "", ""},

	// bare hours
	{"filing at 6", "We're filing at 6 - can you say on background whether it was the RAF?", wed1000, "2023-10-18T18:00:00+01:00", ruleClock},
	{"before 6", "Need it before 6, thanks.", wed1000, "2023-10-18T18:00:00+01:00", ruleClock},
	{"Filing at 7.", "Filing at 7.", wed1000, "2023-10-18T19:00:00+01:00", ruleClock},
	{"by 6.30", "Need it by 6.30 please.", wed1000, "2023-10-18T18:30:00+01:00", ruleClock},
	{"by 9 later today", "By 9 please.", wed1000, "2023-10-18T21:00:00+01:00", ruleClock},
	{"by 9 still morning", "By 9 please.", wed0730, "2023-10-18T09:00:00+01:00", ruleClock},
	{"by 9 tomorrow", "By 9 tomorrow please.", wed1000, "2023-10-19T09:00:00+01:00", ruleClock},
	{"filing at 8 evening", "We're filing at 8.", wed1600, "2023-10-18T20:00:00+01:00", ruleClock},
	{"by 12", "Need it by 12.", wed1000, "2023-10-18T12:00:00+01:00", ruleClock},
	{"6 tonight", "Need it by 6 tonight.", wed1000, "2023-10-18T18:00:00+01:00", ruleClock},
	{"bare number is a quantity", "Crossings were reduced by 5 per cent.", wed1000, "", ""},
	{"bare number without cue", "There were 6 of them at the scene.", wed1000, "", ""},
	{"decimal is not a time", "The fund grew by 1.5 last year.", wed1000, "", ""},

	// 12-hour edges
	{"12pm is noon", "Deadline 12pm.", wed1000, "2023-10-18T12:00:00+01:00", ruleClock},
	{"12am is midnight", "Deadline 12am.", wed1000, "2023-10-19T00:00:00+01:00", ruleClock},
	{"midnight", "Need it by midnight.", wed1000, "2023-10-19T00:00:00+01:00", ruleNamedTime},
	{"12 noon", "Need it by 12 noon.", wed1000, "2023-10-18T12:00:00+01:00", ruleNamedTime},
	{"12.30pm", "Deadline 12.30pm.", wed1000, "2023-10-18T12:30:00+01:00", ruleClock},

	// named times
	{"noon", "I'd appreciate an answer by noon.", wed1000, "2023-10-18T12:00:00+01:00", ruleNamedTime},
	{"midday", "Need by midday pls", wed1000, "2023-10-18T12:00:00+01:00", ruleNamedTime},
	{"lunchtime", "Need it by lunchtime please.", wed1000, "2023-10-18T13:00:00+01:00", ruleNamedTime},
	{"this afternoon", "Let me know this afternoon please as we need to plan crews.", wed0730, "2023-10-18T15:00:00+01:00", ruleNamedTime},
	{"this evening", "Need something this evening please.", wed1000, "2023-10-18T19:00:00+01:00", ruleNamedTime},
	{"tonight", "Can you come back to me tonight?", wed1000, "2023-10-18T19:00:00+01:00", ruleNamedTime},
	{"tomorrow afternoon", "Need it by tomorrow afternoon.", wed1000, "2023-10-19T15:00:00+01:00", ruleNamedTime},
	{"this morning", "Need it this morning please.", wed0730, "2023-10-18T12:00:00+01:00", ruleNamedTime},

	// end of day
	{"end of day", "By end of day please.", wed1000, "2023-10-18T17:00:00+01:00", ruleEndOfDay},
	{"close of play", "By close of play please.", wed1000, "2023-10-18T17:00:00+01:00", ruleEndOfDay},
	{"EOD", "EOD is fine.", wed1000, "2023-10-18T17:00:00+01:00", ruleEndOfDay},
	{"COB", "COB please", wed1000, "2023-10-18T17:00:00+01:00", ruleEndOfDay},
	{"c.o.b.", "Need it by c.o.b. today.", wed1000, "2023-10-18T17:00:00+01:00", ruleEndOfDay},
	{"By COP", "By COP please, if possible.", wed1000, "2023-10-18T17:00:00+01:00", ruleEndOfDay},
	{"close of business", "Could we have it by close of business?", wed1000, "2023-10-18T17:00:00+01:00", ruleEndOfDay},
	{"end of play tomorrow", "End of play tomorrow is fine.", wed1000, "2023-10-19T17:00:00+01:00", ruleEndOfDay},
	{"COP Friday", "COP Friday would be great.", wed1000, "2023-10-20T17:00:00+01:00", ruleEndOfDay},
	{"COP Friday on Friday", "COP Friday would be great.", fri1400, "2023-10-20T17:00:00+01:00", ruleEndOfDay},
	{"by Friday", "Could you let us know by Friday whether this might be possible?", wed1000, "2023-10-20T17:00:00+01:00", ruleWeekday},
	{"by Friday on Friday", "Could you let us know by Friday?", fri1400, "2023-10-20T17:00:00+01:00", ruleWeekday},
	{"by tomorrow", "Need it by tomorrow.", wed1000, "2023-10-19T17:00:00+01:00", ruleDate},
	{"end of the week", "Can you get back to me by the end of the week?", wed1000, "2023-10-20T17:00:00+01:00", ruleEndOfDay},
	{"first day of COP", "The PM is announcing £1.6bn on the first day of COP today. Is it new money?", wed1000, "", ""},
	{"COP29", "As COP29 opens in Baku, what is the UK position?", wed1000, "", ""},
	{"at COP28", "Will the PM say more at COP28 please?", wed1000, "", ""},
	{"at the end of the day idiom", "At the end of the day, it is a matter for the Home Office.", wed1000, "", ""},
	{"before Friday is ambiguous", "Anything before Friday would help.", wed1000, "", ""},
	{"on Friday is not a deadline", "The minister visits on Friday.", wed1000, "", ""},

	// next morning
	{"tomorrow morning", "Deadline tomorrow morning, as this is for our Monday newsletter.", sun1000, "2023-12-18T09:00:00+00:00", ruleNextMorning},
	{"first thing tomorrow", "First thing tomorrow is fine for a response.", wed1000, "2023-10-19T09:00:00+01:00", ruleNextMorning},
	{"first thing Monday", "First thing Monday please.", wed1000, "2023-10-23T09:00:00+01:00", ruleNextMorning},
	{"first thing alone, Friday", "First thing is fine.", fri1600, "2023-10-23T09:00:00+01:00", ruleNextMorning},
	{"Monday morning", "Can you come back to me by Monday morning?", fri1600, "2023-10-23T09:00:00+01:00", ruleNextMorning},
	{"first thing I'd like", "First thing I'd like to know is the total.", wed1000, "", ""},

	// relative
	{"within the hour", "need within the hour. thx", wed1000, "2023-10-18T11:00:00+01:00", ruleRelative},
	{"within 30 minutes", "I now need the source within 30 minutes, even on background.", "2023-10-16T11:41:05+01:00", "2023-10-16T12:11:05+01:00", ruleRelative},
	{"in two hours", "Could you get back to me in two hours?", "2023-11-21T10:09:31+00:00", "2023-11-21T12:09:31+00:00", ruleRelative},
	{"in the next hour", "Need a line in the next hour please.", "2023-10-31T18:52:30+00:00", "2023-10-31T19:52:30+00:00", ruleRelative},
	{"in the next 45 mins", "Need something in the next 45 mins please.", wed1000, "2023-10-18T10:45:00+01:00", ruleRelative},
	{"half an hour", "Need a response within half an hour.", wed1000, "2023-10-18T10:30:00+01:00", ruleRelative},
	{"90 minutes", "Need something within 90 minutes.", wed1000, "2023-10-18T11:30:00+01:00", ruleRelative},
	{"1.5 hours", "Within 1.5 hours please.", wed1000, "2023-10-18T11:30:00+01:00", ruleRelative},
	{"an hour and a half", "Can you get back to me in an hour and a half?", wed1000, "2023-10-18T11:30:00+01:00", ruleRelative},
	{"30 mins", "Need it within 30 mins.", wed1000, "2023-10-18T10:30:00+01:00", ruleRelative},
	{"weeks range in release", "Your release says a first flight can be delivered within 10-12 weeks. Can you confirm?", wed1000, "", ""},
	{"within hours", "Other outlets appear to get responses within hours.", wed1000, "", ""},
	{"working days", "I understand you are required to respond within 20 working days.", wed1000, "", ""},
	{"lands in two hours", "The minister lands in two hours.", wed1000, "", ""},

	// zones
	{"GMT in summer", "Our deadline is 17:00 GMT.", jul1420, "2024-07-08T18:00:00+01:00", ruleZonedClock},
	{"GMT in winter", "Our deadline is 17:00 GMT.", nov0930, "2023-11-20T17:00:00+00:00", ruleZonedClock},
	{"CET in winter", "Deadline 3pm CET.", "2024-11-07T10:05:33+01:00", "2024-11-07T14:00:00+00:00", ruleZonedClock},
	{"CET is +1 in summer too", "Our deadline is 15:00 CET.", "2023-10-16T10:47:03+02:00", "2023-10-16T15:00:00+01:00", ruleZonedClock},
	{"CEST", "Please by 14:00 CEST.", "2025-04-02T12:15:09+02:00", "2025-04-02T13:00:00+01:00", ruleZonedClock},
	{"CEST in winter", "Deadline 14:00 CEST.", nov0930, "2023-11-20T12:00:00+00:00", ruleZonedClock},
	{"UTC in summer", "Deadline 10:00 UTC.", "2024-09-16T08:47:03+01:00", "2024-09-16T11:00:00+01:00", ruleZonedClock},
	{"London", "Deadline 14:00 London.", "2023-12-01T14:48:09+04:00", "2023-12-01T14:00:00+00:00", ruleZonedClock},
	{"noon UK time", "I'd appreciate an answer by noon UK time.", "2023-10-13T09:31:47+03:00", "2023-10-13T12:00:00+01:00", ruleNamedTime},
	{"4pm UK time", "Please reply by 4pm UK time.", wed1000, "2023-10-18T16:00:00+01:00", ruleZonedClock},
	{"BST", "Deadline 5pm BST.", wed1000, "2023-10-18T17:00:00+01:00", ruleZonedClock},
	{"ET follows New York DST", "Deadline 9am ET.", wed1000, "2023-10-18T14:00:00+01:00", ruleZonedClock},
	{"EST written in summer is New York's", "Deadline 9am EST.", wed1000, "2023-10-18T14:00:00+01:00", ruleZonedClock},
	{"EST in winter", "Deadline 9am EST.", nov0930, "2023-11-20T14:00:00+00:00", ruleZonedClock},
	{"EDT is fixed", "Deadline 9am EDT.", nov0930, "2023-11-20T13:00:00+00:00", ruleZonedClock},
	{"Brussels time", "Need it by 4pm Brussels time.", wed1000, "2023-10-18T15:00:00+01:00", ruleZonedClock},
	{"city alone", "Deadline 3pm Brussels.", nov0930, "2023-11-20T14:00:00+00:00", ruleZonedClock},
	{"Paris time", "Deadline 18:00 Paris time.", nov0930, "2023-11-20T17:00:00+00:00", ruleZonedClock},
	{"1600 GMT", "Deadline 1600 GMT.", nov0930, "2023-11-20T16:00:00+00:00", ruleZonedClock},
	{"GMT+2", "Deadline 17:00 GMT+2.", nov0930, "2023-11-20T15:00:00+00:00", ruleZonedClock},
	{"local time is the sender's", "Deadline 5pm local time.", jul1420, "2024-07-08T15:00:00+01:00", ruleZonedClock},
	{"zone in brackets", "Deadline 5pm (CET).", nov0930, "2023-11-20T16:00:00+00:00", ruleZonedClock},
	{"Tirana is a place, not a zone", "I am in Tirana today. Deadline 4pm.", wed1000, "2023-10-18T16:00:00+01:00", ruleClock},

	// DST boundaries (Europe/London: last Sunday of March and October at 01:00 UTC)
	{"in two hours across spring forward", "Could you get back to me in two hours?", springFw, "2024-03-31T03:30:00+01:00", ruleRelative},
	{"in two hours across autumn back", "Could you get back to me in two hours?", autumnBk, "2024-10-27T01:30:00+00:00", ruleRelative},
	{"Monday 10am across autumn change", "Deadline Monday 10am - it's for a long read running Monday afternoon.", friOct24, "2024-10-28T10:00:00+00:00", ruleClock},
	{"Monday 10am across spring change", "Deadline Monday 10am.", friMar24, "2024-04-01T10:00:00+01:00", ruleClock},
	{"4pm tomorrow into BST", "By 4pm tomorrow please.", satMar24, "2024-03-31T16:00:00+01:00", ruleClock},
	{"EOD on the change day", "EOD is fine.", autumnBk, "2024-10-27T17:00:00+00:00", ruleEndOfDay},

	// not deadlines
	{"ASAP", "ASAP please.", wed1000, "", ""},
	{"urgently", "Need this urgently please, thanks", wed1000, "", ""},
	{"as soon as possible", "As soon as possible please.", wed1000, "", ""},
	{"no rush", "Separately, is the Foreign Secretary going to UNGA? No rush on this one.", wed1000, "", ""},
	{"the call at 3pm", "What was discussed on the call at 3pm?", wed1000, "", ""},
	{"6pm bulletin", "We're cutting a package for the 6pm bulletin.", wed1000, "", ""},
	{"ideally by 5pm for the 6pm bulletin", "We're cutting a package for the 6pm bulletin so ideally by 5pm.", wed1000, "2023-10-18T17:00:00+01:00", ruleClock},
	{"staffed hours", "The newsroom is staffed 07:00–23:00 daily; we will reply within those hours.", wed1000, "", ""},
	{"summit at 10am", "The summit at 10am will be streamed.", wed1000, "", ""},
	{"published at 9am", "The statement was published at 9am.", wed1000, "", ""},
	{"clocks change", "Clocks change at 2am on Sunday.", wed1000, "", ""},
	{"past date", "On 3 October I emailed about this and got no reply.", wed1000, "", ""},
	{"possessive daypart", "The readout of this afternoon's call says the PM raised Rafah.", wed1000, "", ""},
	{"statement time vs deadline", "Following the PM's Commons statement at 3.30pm today – he announced £20m.\n\nDeadline 6pm.", wed1000, "2023-10-18T18:00:00+01:00", ruleClock},
	{"signature recurring deadline", "Newsroom deadline: 18:00 CET daily", wed1000, "", ""},
	// read through lang/data/fr.json since issue 11 (foreign_test.go has the other languages)
	{"French", "Merci de me répondre avant demain 11h, pour notre édition de mercredi.", wed1000, "2023-10-19T11:00:00+01:00", ruleClock},
	{"News at One", "Working on a piece for the News at One.", wed1000, "", ""},
	{"working hours range", "Our office hours are 9am to 5pm.", wed1000, "", ""},
	{"embargo", "The release is embargoed until 00:01 on Thursday.", wed1000, "", ""},
	{"quoted reply line", "Thanks, see below.\n\n> Deadline 6pm.\n> Joe", wed1000, "", ""},
	{"quoted statement", "The release says aid will arrive \"within 24 hours\". Can you confirm?", wed1000, "", ""},
	{"the call this afternoon", "On the PM's call with the Amir this afternoon - were hostages discussed? Can you come back to me tonight?", wed1000, "2023-10-18T19:00:00+01:00", ruleNamedTime},
	{"meeting yesterday", "Did they discuss it at the meeting yesterday at 3pm?", wed1000, "", ""},
	{"money", "Is the £4.50 fee new? Need it by 6pm.", wed1000, "2023-10-18T18:00:00+01:00", ruleClock},
	{"thousands", "What is the source for the 12,000 figure?", wed1000, "", ""},
	{"year is not a time", "It will invest more than half by 2030.", wed1000, "", ""},
	{"phone number", "Call me on 020 7946 0183 or 07700 900 508.", wed1000, "", ""},
	{"The Sun", "The Sun here. Two questions for you.", wed1000, "", ""},
	{"empty", "", wed1000, "", ""},

	// anchors and context
	{"go to print at", "We go to print at 9pm so need something before then.", wed1000, "2023-10-18T21:00:00+01:00", ruleClock},
	{"going to press at bare", "Any update? We're going to press at 8.", wed1000, "2023-10-18T20:00:00+01:00", ruleClock},
	{"on air at", "We're on air at 6pm.", wed1000, "", ""},
	{"deadline at bare", "I'm on deadline at 5.", wed1000, "2023-10-18T17:00:00+01:00", ruleClock},
	{"bare with question mark", "Any chance of a response by 4?", wed1000, "2023-10-18T16:00:00+01:00", ruleClock},
	{"bare with daypart", "Could you let me have something by 3 this afternoon?", wed1000, "2023-10-18T15:00:00+01:00", ruleClock},
	{"filing for", "I'm filing for 6pm.", wed1000, "2023-10-18T18:00:00+01:00", ruleClock},
	{"zone then day", "Can I get a response by 2pm GMT tomorrow?", wed1000, "2023-10-19T15:00:00+01:00", ruleZonedClock},
	{"c.o.p. Thursday", "Please send over by c.o.p. Thursday.", wed1000, "2023-10-19T17:00:00+01:00", ruleEndOfDay},
	{"cut-off", "Our cut-off is 3pm.", wed1000, "2023-10-18T15:00:00+01:00", ruleClock},
	{"deadline for comment", "The deadline for comment is 4pm.", wed1000, "2023-10-18T16:00:00+01:00", ruleClock},
	{"deadline for applications", "The deadline for applications is 5pm on 30 November.", wed1000, "", ""},
	{"Tuesday 24th", "We need it by Tuesday 24th.", wed1000, "2023-10-24T17:00:00+01:00", ruleDate},
	{"by 10.30 next occurrence", "Please could you respond by 10.30.", wed1600, "2023-10-18T22:30:00+01:00", ruleClock},
	{"couple of hours", "Could you get back to me within the next couple of hours?", wed1000, "2023-10-18T12:00:00+01:00", ruleRelative},
	{"need today", "Need a line today please.", wed1000, "2023-10-18T17:00:00+01:00", ruleDate},
	{"get back today is no time", "Can you get back to me today?", wed1000, "", ""},
	{"clause request is not an anchor", "Please let me know if the minister is travelling tonight.", wed1000, "", ""},
	{"speak at", "Please confirm the minister will speak at 3pm.", wed1000, "", ""},
	{"call me at", "Can you call me at 3pm?", wed1000, "", ""},
	{"between and", "Need it between 2 and 4pm.", wed1000, "", ""},
	{"EOD team", "The EOD team was deployed to the scene.", wed1000, "", ""},
	{"clause-initial", "4pm tomorrow if you can.", wed1000, "2023-10-19T16:00:00+01:00", ruleClock},
	{"your reply at", "Thanks for your reply at 3.15pm.", wed1000, "", ""},
	{"expected within", "The aid convoy is expected within 48 hours.", wed1000, "", ""},
	{"signature deadlines weekdays", "Deadlines: 11am & 4pm weekdays", wed1000, "", ""},
	{"yesterday", "I was told by 5pm yesterday that it was sorted.", wed1000, "", ""},
	{"story tonight", "We're running the story tonight, please respond.", wed1000, "", ""},
	{"tonight's programme", "Need it for tonight's programme.", wed1000, "", ""},
	{"Downing Street", "Written by 10 Downing Street staff.", wed1000, "", ""},
	{"question about a time", "What time is the press conference? Is it at 11?", wed1000, "", ""},
	{"on air until, before", "I'll be on air from 7 until 10 tonight, so ideally before 7.", wed1000, "2023-10-18T19:00:00+01:00", ruleClock},
	{"mid-afternoon", "We're keen to have something by mid-afternoon.", wed1000, "2023-10-18T15:00:00+01:00", ruleNamedTime},
	// finer parts of the day: early = its first working hours, late = its
	// end as a deadline (the morning's noon, the afternoon's close of
	// business), mid = its middle
	{"early afternoon", "Could you come back to us by early afternoon?", wed1000, "2023-10-18T14:00:00+01:00", ruleNamedTime},
	{"late afternoon", "A statement by late afternoon would be ideal.", wed1000, "2023-10-18T17:00:00+01:00", ruleNamedTime},
	{"in the late afternoon", "Can we have your response in the late afternoon?", wed1000, "2023-10-18T17:00:00+01:00", ruleNamedTime},
	{"early evening", "Deadline is early evening.", wed1000, "2023-10-18T18:00:00+01:00", ruleNamedTime},
	{"mid-morning", "We need the figures by mid-morning.", "2023-10-18T08:10:00+01:00", "2023-10-18T10:30:00+01:00", ruleNamedTime},
	{"mid morning tomorrow", "I'd need the answers by mid morning tomorrow.", wed1000, "2023-10-19T10:30:00+01:00", ruleNamedTime},
	{"late morning", "Please get back to me by late morning.", "2023-10-18T08:10:00+01:00", "2023-10-18T12:00:00+01:00", ruleNamedTime},
	{"Friday early afternoon", "We need it by Friday early afternoon.", wed1000, "2023-10-20T14:00:00+01:00", ruleNamedTime},
	{"tomorrow late afternoon", "Deadline tomorrow late afternoon.", wed1000, "2023-10-19T17:00:00+01:00", ruleNamedTime},
	{"end of the morning", "Please reply by the end of the morning.", "2023-10-18T08:10:00+01:00", "2023-10-18T12:00:00+01:00", ruleNamedTime},
	{"end of the afternoon", "Could you reply by the end of the afternoon?", wed1000, "2023-10-18T17:00:00+01:00", ruleEndOfDay},
	{"later today", "I need a response later today.", wed1000, "2023-10-18T17:00:00+01:00", ruleDate},
	{"course of the day", "We'd need your comment in the course of the day.", wed1000, "2023-10-18T17:00:00+01:00", ruleDate},
	{"first thing before 9", "Need it first thing.", wed0730, "2023-10-18T09:00:00+01:00", ruleNextMorning},
	{"by tomorrow", "Could we have the figures by tomorrow?", wed1000, "2023-10-19T17:00:00+01:00", ruleDate},
	{"before lunch", "Can you send a line before lunch?", wed1000, "2023-10-18T13:00:00+01:00", ruleNamedTime},
	{"after lunch is offered", "Could you send a line after lunch?", wed1000, "", ""},
	{"late afternoon told", "The minister arrived in the late afternoon.", wed1000, "", ""},
	{"early afternoon event", "The vote is expected in the early afternoon.", wed1000, "", ""},
	{"later today told", "The report comes out later today.", wed1000, "", ""},
	{"late morning past", "He was late this morning.", wed1000, "", ""},
	// a programme named by its hour is read at that hour in the evening
	{"overnight asked", "Could we have something overnight?", wed1000, "2023-10-19T09:00:00+01:00", ruleNextMorning},
	{"overnight is fine", "Overnight is fine for us.", wed1000, "2023-10-19T09:00:00+01:00", ruleNextMorning},
	{"overnight told", "Following the bill becoming law overnight, we're looking at flights.", wed1000, "", ""},
	{"overnight desk", "Our overnight desk can take it.", wed1000, "", ""},
	{"late this afternoon", "We need it late this afternoon.", wed1000, "2023-10-18T17:00:00+01:00", ruleNamedTime},
	{"early tomorrow afternoon", "Could you reply early tomorrow afternoon?", wed1000, "2023-10-19T14:00:00+01:00", ruleNamedTime},
	{"late Friday afternoon", "Could you reply late Friday afternoon?", wed1000, "2023-10-20T17:00:00+01:00", ruleNamedTime},
	{"late this afternoon told", "He arrived late this afternoon.", wed1000, "", ""},
	{"News at Ten", "Any chance of a line for News at Ten?", wed1000, "2023-10-18T22:00:00+01:00", ruleClock},
	{"ten o'clock news", "We need a line for the ten o'clock news.", wed1000, "2023-10-18T22:00:00+01:00", ruleClock},
	{"before the 9 o'clock bulletin", "Could you reply before the 9 o'clock bulletin?", wed1000, "2023-10-18T21:00:00+01:00", ruleClock},
	{"bare 10 o'clock", "Could you reply by 10 o'clock?", "2023-10-18T08:10:00+01:00", "2023-10-18T10:00:00+01:00", ruleClock},
	{"News at Ten told", "The minister was on News at Ten last night.", wed1000, "", ""},
	{"explicit date wins over weekday", "Need a response by 5pm on Monday 22nd October please", wed1000, "2023-10-22T17:00:00+01:00", ruleClock},

	// choosing between candidates
	{"deadline beats at", "The briefing is at 11am. Deadline 4pm.", wed1000, "2023-10-18T16:00:00+01:00", ruleClock},
	{"new deadline in reply", "Morning – chasing this one.\n\nNeed it by 11am today please.", "2023-10-24T09:12:40+01:00", "2023-10-24T11:00:00+01:00", ruleClock},
	{"ties go to the earliest", "Ideally by 4pm, but 5pm at the latest.", wed1000, "2023-10-18T16:00:00+01:00", ruleClock},

	// requests phrased naturally: the time sits in a clause asking the desk
	// for something
	{"grateful for a comment tonight", "I'd be grateful for a comment tonight.", wed1000, "2023-10-18T19:00:00+01:00", ruleNamedTime},
	{"appreciate a statement", "We'd really appreciate a statement this afternoon if possible.", wed1000, "2023-10-18T15:00:00+01:00", ruleNamedTime},
	{"love something this evening", "We'd love something this evening.", wed1000, "2023-10-18T19:00:00+01:00", ruleNamedTime},
	{"like a comment by 4", "I would like a comment by 4.", wed1000, "2023-10-18T16:00:00+01:00", ruleClock},
	{"come back around lunchtime", "Could you come back to me around lunchtime?", wed1000, "2023-10-18T13:00:00+01:00", ruleNamedTime},
	{"get back at about 3pm", "Could you get back to me at about 3pm?", wed1000, "2023-10-18T15:00:00+01:00", ruleClock},
	{"a line before lunch", "A line before lunch would be great.", wed1000, "2023-10-18T13:00:00+01:00", ruleNamedTime},
	{"time would work", "Thursday 11am would work for us.", wed1000, "2023-10-19T11:00:00+01:00", ruleClock},
	{"zoned time would suit", "2pm UK time would suit.", wed1000, "2023-10-18T14:00:00+01:00", ruleZonedClock},
	{"say after a dash", "Early next week works - say Tuesday at 2pm.", wed1000, "2023-10-24T14:00:00+01:00", ruleClock},
	{"negated tonight, then a day", "No rush tonight - Friday noon is fine.", wed1000, "2023-10-20T12:00:00+01:00", ruleNamedTime},
	// endl (issue 11, seventh deadline round)
	{"negated today, then COP Friday", "No rush today - COP Friday is fine.", wed1000, "2023-10-20T17:00:00+01:00", ruleEndOfDay},
	{"negated today, then first thing", "Not urgent for today - first thing tomorrow is fine.", wed1000, "2023-10-19T09:00:00+01:00", ruleNextMorning},
	{"weekday range after a dash", "We are open Monday - Friday.", wed1000, "", ""},
	{"negated today, comma, COP Friday", "No rush today, COP Friday is fine.", wed1000, "2023-10-20T17:00:00+01:00", ruleEndOfDay},
	{"today, COP", "Please reply today, COP.", wed1000, "2023-10-18T17:00:00+01:00", ruleEndOfDay},
	{"not today, then tomorrow lunchtime", "Not today - tomorrow lunchtime would do.", wed1000, "2023-10-19T13:00:00+01:00", ruleNamedTime},
	{"alternative between commas", "Could we have a line, or ideally a minister, this afternoon?", wed1000, "2023-10-18T15:00:00+01:00", ruleNamedTime},
	{"own offer, alternative between commas", "I'll send you the text, or a summary, this afternoon.", wed1000, "", ""},
	{"event, alternative between commas", "We spoke to the minister, or his aide, this afternoon.", wed1000, "", ""},
	{"anything by an hour in words tonight", "Anything by ten tonight would make our late edition.", wed1000, "2023-10-18T22:00:00+01:00", ruleClock},
	{"quantity by an hour in words tonight", "Turnout rose by ten tonight.", wed1000, "", ""},
	{"anything that fell by five", "Anything that fell by five on Tuesday.", wed1000, "", ""},
	{"can we say 10 instead", "missed the 9 - can we say 10 instead? still need the drone numbers", wed0730, "2023-10-18T10:00:00+01:00", ruleClock},
	{"can I say a number", "Can I say 5 people were hurt?", wed1000, "", ""},
	// "can you do <time>?" asks whether the desk can manage it (an
	// English rule now: it had been read only through Polish "do", by)
	{"can you do 4ish instead", "print deadline's been brought forward, can you do 4ish instead? sorry!!", wed1000, "2023-10-18T16:00:00+01:00", ruleClock},
	{"could you do Friday morning", "Could you do Friday morning?", wed1000, "2023-10-20T09:00:00+01:00", ruleNextMorning},
	{"I can do Friday", "I can do Friday.", wed1000, "", ""},
	// everyday English (eighth round): the thing asked for as "this" before
	// a broadcast, "would be appreciated", "before" after a spaced dash or
	// a comma's question, "beforehand"
	{"need this for the 6 o'clock news", "Need this for the 6 o'clock news.", wed1000, "2023-10-18T18:00:00+01:00", ruleClock},
	{"preparing this for the bulletin", "We are preparing this for the 6pm bulletin.", wed1000, "", ""},
	{"anything tonight would be appreciated", "Anything tonight would be appreciated.", wed1000, "2023-10-18T19:00:00+01:00", ruleNamedTime},
	{"much appreciated", "A response this afternoon would be much appreciated.", wed1000, "2023-10-18T15:00:00+01:00", ruleNamedTime},
	{"help was appreciated", "Your help this afternoon was much appreciated.", wed1000, "", ""},
	{"going live - a line before", "We're going live at 1pm - could we have a line before?", wed1000, "2023-10-18T13:00:00+01:00", ruleClock},
	{"going live, a line before", "We're going live at 1pm, could we have a line before?", wed1000, "2023-10-18T13:00:00+01:00", ruleClock},
	{"resigned before the news, can you confirm", "The minister resigned before the 10pm news, can you confirm?", wed1000, "", ""},
	{"who spoke before", "The vote was at 5pm, could you tell me who voted before?", wed1000, "", ""},
	{"a response beforehand", "We're on air at 6pm and would like a response beforehand.", wed1000, "2023-10-18T18:00:00+01:00", ruleClock},
	{"something beforehand", "The vote is at 5pm; could you send something beforehand?", wed1000, "2023-10-18T17:00:00+01:00", ruleClock},
	{"there beforehand", "The minister spoke at 5pm and I had been there beforehand.", wed1000, "", ""},
	{"available beforehand", "The vote is at 5pm, we are available beforehand.", wed1000, "", ""},
	{"a deadline of 4pm", "We have a hard deadline of 4pm.", wed1000, "2023-10-18T16:00:00+01:00", ruleClock},
	{"a deadline of 3pm tomorrow", "I'm working to a deadline of 3pm tomorrow.", wed1000, "2023-10-19T15:00:00+01:00", ruleClock},
	{"the deadline was missed", "We missed the deadline of 5pm yesterday.", wed1000, "", ""},
	{"over the next couple of hours", "Could you reply over the next couple of hours?", wed1000, "2023-10-18T12:00:00+01:00", ruleRelative},
	{"over the next hours, told", "Talks continued over the next two hours.", wed1000, "", ""},
	{"over two hours is more than", "Could you reply, it took over two hours?", wed1000, "", ""},
	{"or so would be perfect", "In the next hour or so would be perfect.", wed1000, "2023-10-18T11:00:00+01:00", ruleRelative},
	{"or so, told", "I'm in the office till 6 or so.", wed1000, "", ""},
	{"file my copy", "I need to file my copy at 3pm.", wed1000, "2023-10-18T15:00:00+01:00", ruleClock},
	{"send my piece", "I'll send my piece at 3pm.", wed1000, "", ""},
	{"the deadline is tight", "Our print deadline is tight today.", wed1000, "", ""},
	{"a response tonight is needed", "We publish at 6am tomorrow, so a response tonight is needed.", wed1000, "2023-10-18T19:00:00+01:00", ruleNamedTime},
	{"help was needed", "Help on Friday was needed.", wed1000, "", ""},
	{"tomorrow a.m.", "Tomorrow a.m. is fine.", wed1000, "2023-10-19T09:00:00+01:00", ruleNextMorning},
	{"by Friday p.m.", "By Friday p.m. please.", wed1000, "2023-10-20T15:00:00+01:00", ruleNamedTime},
	{"Monday a man", "On Monday a man was arrested.", wed1000, "", ""},
	{"the vote is due", "The vote is due at 7pm.", wed1000, "", ""},
	{"the flight was due", "The flight was due at 4.", wed1000, "", ""},
	{"my copy is due", "My copy is due at 4.", wed1000, "2023-10-18T16:00:00+01:00", ruleClock},
	{"the vote is due, a line by 6", "The vote is due at 7pm, so I need a line by 6.", wed1000, "2023-10-18T18:00:00+01:00", ruleClock},
	// non-native English: the 24-hour clock with "o'clock", "is needed
	// until", "respond until"
	{"before 16 o'clock", "We need the answer before 16 o'clock.", wed1000, "2023-10-18T16:00:00+01:00", ruleClock},
	{"at latest 17 o'clock", "Please give answer at latest 17 o'clock.", wed1000, "2023-10-18T17:00:00+01:00", ruleClock},
	{"open until 16 o'clock", "The office is open until 16 o'clock.", wed1000, "", ""},
	{"answer is needed until", "Answer is needed until 18.00 Brussels time.", wed1000, "2023-10-18T17:00:00+01:00", ruleZonedClock},
	{"help is needed until", "Help is needed until Friday.", wed1000, "", ""},
	{"respond until", "Please respond until 14:00 Istanbul.", wed1000, "2023-10-18T12:00:00+01:00", ruleZonedClock},
	{"results are expected by", "Results are expected by 10pm.", wed1000, "", ""},
	{"a response is expected by", "A response is expected by 4pm.", wed1000, "2023-10-18T16:00:00+01:00", ruleClock},
	{"I'll try to call before", "I'll try to call before 4.", wed1000, "", ""},
	{"I'll send you my piece by", "I'll send you my piece by 5pm.", wed1000, "", ""},
	{"could you call me before", "Could you call me before 4?", wed1000, "2023-10-18T16:00:00+01:00", ruleClock},
	{"I need to send my copy by", "I need to send my copy by 5pm.", wed1000, "2023-10-18T17:00:00+01:00", ruleClock},
	{"own questions, then the need", "I'll send my questions by 2pm and need answers by 4.", wed1000, "2023-10-18T16:00:00+01:00", ruleClock},
	{"not after 4pm", "Not after 4pm please.", wed1000, "2023-10-18T16:00:00+01:00", ruleClock},
	{"after 5pm is too late", "Anything after 5pm is too late for us.", wed1000, "2023-10-18T17:00:00+01:00", ruleClock},
	{"it's not after 4pm", "It's not after 4pm yet.", wed1000, "", ""},
	{"after 5pm, too late for the vote", "The minister arrived after 5pm, too late for the vote.", wed1000, "", ""},
	{"after 5pm I am free", "After 5pm I am free.", wed1000, "", ""},
	{"this pm", "Could you get back to me this pm?", wed1000, "2023-10-18T15:00:00+01:00", ruleNamedTime},
	{"this am", "Could you get back to me this am?", wed1000, "2023-10-18T12:00:00+01:00", ruleNamedTime},
	{"in the office this pm", "I'm in the office this pm.", wed1000, "", ""},
	{"later this morning", "Could you reply later this morning?", wed1000, "2023-10-18T12:00:00+01:00", ruleNamedTime},
	{"the minister later this afternoon", "The minister will speak later this afternoon.", wed1000, "", ""},
	{"deadline's now", "Any update? Deadline's now 2pm.", wed1000, "2023-10-18T14:00:00+01:00", ruleClock},
	{"the vote is now", "The vote is now 5pm.", wed1000, "", ""},
	{"deadline pushed back to", "Deadline has been pushed back to 6pm.", wed1000, "2023-10-18T18:00:00+01:00", ruleClock},
	{"deadline extended to", "Our deadline has been extended to tomorrow.", wed1000, "2023-10-19T17:00:00+01:00", ruleDate},
	{"talks pushed back to", "The talks were pushed back to 6pm.", wed1000, "", ""},
	{"given me till", "My editor has given me till 6.", wed1000, "2023-10-18T18:00:00+01:00", ruleClock},
	{"I've been given until", "I've been given until 5pm.", wed1000, "2023-10-18T17:00:00+01:00", ruleClock},
	{"he was given until", "He was given until Friday to leave.", wed1000, "", ""},
	{"what can you do", "What can you do about it by the way?", wed1000, "", ""},
	{"can you do an interview at 4pm", "Could you do an interview at 4pm?", wed1000, "", ""},
	{"would do", "Tomorrow lunchtime would do.", wed1000, "2023-10-19T13:00:00+01:00", ruleNamedTime},
	{"will do", "4pm will do.", wed1000, "2023-10-18T16:00:00+01:00", ruleClock},
	{"event will do", "The vote at 4pm will do little.", wed1000, "", ""},
	{"at some point this afternoon", "Could you get back to me at some point this afternoon?", wed1000, "2023-10-18T15:00:00+01:00", ruleNamedTime},
	{"sometime this afternoon", "Could you get back to me sometime this afternoon?", wed1000, "2023-10-18T15:00:00+01:00", ruleNamedTime},
	{"event at some point this afternoon", "At some point this afternoon the minister will speak.", wed1000, "", ""},
	{"tonight's fine", "Tonight's fine.", wed1000, "2023-10-18T19:00:00+01:00", ruleNamedTime},
	{"tomorrow morning's OK", "Tomorrow morning's OK?", wed1000, "2023-10-19T09:00:00+01:00", ruleNextMorning},
	{"tomorrow's good news", "Tomorrow's good news is the ceasefire.", wed1000, "", ""},
	{"tonight's fine weather", "Tonight's fine weather will help.", wed1000, "", ""},
	{"this afternoon's call is fine", "This afternoon's call is fine.", wed1000, "", ""},
	{"by a bare hour doable", "Is a response by 3 doable?", wed1000, "2023-10-18T15:00:00+01:00", ruleClock},
	{"by a bare hour ok", "Is a reply by 3 ok?", wed1000, "2023-10-18T15:00:00+01:00", ruleClock},
	{"fell by a number, good", "Prices fell by 3 good points.", wed1000, "", ""},
	{"by the time we go on air", "Could you have something for me by the time we go on air at 6?", wed1000, "2023-10-18T18:00:00+01:00", ruleClock},
	{"by the time we went on air", "By the time we went on air at 6 they had left.", wed1000, "", ""},
	{"Türkiye time", "Please reply by 19.00 Türkiye time.", wed1000, "2023-10-18T17:00:00+01:00", ruleZonedClock},
	{"weekday time would be fine", "Monday 10am would be fine.", wed1000, "2023-10-23T10:00:00+01:00", ruleClock},
	{"go to press tonight", "We go to press at 8 tonight.", wed1000, "2023-10-18T20:00:00+01:00", ruleClock},
	{"filing then before then", "Filing tomorrow at 3, so before then please.", wed1000, "2023-10-19T15:00:00+01:00", ruleClock},
	{"programme time before then", "The package runs on the 6 o'clock news, so a line before then please.", wed1000, "2023-10-18T18:00:00+01:00", ruleClock},
	{"bare 8 before it passes", "Could I have a line before 8?", wed0730, "2023-10-18T08:00:00+01:00", ruleClock},
	{"bare 9 possible", "Is a reply by 9 possible?", wed0730, "2023-10-18T09:00:00+01:00", ruleClock},
	{"journalist's own reply", "I'm travelling so I may be slow to reply this evening.", wed1000, "", ""},
	{"journalist will respond", "I'll respond to your points tonight.", wed1000, "", ""},
	{"time on another day", "I asked for a response by 4pm that day and heard nothing.", wed1000, "", ""},
	{"o'clock programme without request", "Our readers will see it on the 9 o'clock news.", wed1000, "", ""},
	{"statement as an event", "There will be a statement at 3pm.", wed1000, "", ""},
	// a part of the day offered, a comma before "would be ideal"
	{"part of day, that would be perfect", "This evening, that would be perfect for our piece.", wed1000, "2023-10-18T19:00:00+01:00", ruleNamedTime},
	{"part of day, it would be ideal", "This afternoon, it would be ideal.", wed1000, "2023-10-18T15:00:00+01:00", ruleNamedTime},
	{"event, that would be great", "The vote tonight, that would be great to cover.", wed1000, "", ""},
	{"own call, that would be great", "I'll ring the embassy tonight, which would be great.", wed1000, "", ""},
	// "a reply" asked for after "I'd like"
	{"like a reply tonight", "We'd like a reply tonight if you can manage it.", wed1000, "2023-10-18T19:00:00+01:00", ruleNamedTime},
	{"like a reply at an event", "We'd like a reply at the hearing tonight.", wed1000, "", ""},
	{"like your reply", "I'd like your reply tomorrow morning.", wed1000, "2023-10-19T09:00:00+01:00", ruleNextMorning},
	// a bare hour before a place's time; "o'clock pm"
	{"bare hour with a place's time", "Please reply by 4 Brussels time.", wed1000, "2023-10-18T15:00:00+01:00", ruleZonedClock},
	{"day, bare hour, place's time", "Please reply by Friday 9 Athens time.", wed1000, "2023-10-20T07:00:00+01:00", ruleZonedClock},
	{"o'clock pm with a zone", "Reply by six o'clock pm Paris time please.", wed1000, "2023-10-18T17:00:00+01:00", ruleZonedClock},
	// "ideally"/"preferably" opening the wished time
	{"ideally tonight", "Ideally tonight, if you can manage it.", wed1000, "2023-10-18T19:00:00+01:00", ruleNamedTime},
	{"reply, preferably", "Could you reply, preferably this afternoon?", wed1000, "2023-10-18T15:00:00+01:00", ruleNamedTime},
	{"event would ideally be", "The interview would ideally be tonight.", wed1000, "", ""},
	{"ideally, a comma", "Ideally, this afternoon.", wed1000, "2023-10-18T15:00:00+01:00", ruleNamedTime},
	{"dash, that would be ideal", "Tonight — that would be ideal.", wed1000, "2023-10-18T19:00:00+01:00", ruleNamedTime},
	// an hour and minutes as a span
	{"hour and twenty minutes", "Could you reply within an hour and twenty minutes?", wed1000, "2023-10-18T11:20:00+01:00", ruleRelative},
	{"hours and mins", "Need it within 2 hours and 15 mins please.", wed1000, "2023-10-18T12:15:00+01:00", ruleRelative},
	// "on" a weekday after a request
	{"reply on Monday morning", "Could you reply on Monday morning?", wed1000, "2023-10-23T09:00:00+01:00", ruleNextMorning},
	{"vote on Monday morning", "The vote on Monday morning will be close.", wed1000, "", ""},
	// a day, then "before" its time
	{"tomorrow before 10am", "I need an answer tomorrow before 10am.", wed1000, "2023-10-19T10:00:00+01:00", ruleClock},
	{"Friday before noon", "Please reply Friday before noon.", wed1000, "2023-10-20T12:00:00+01:00", ruleNamedTime},
	{"time before a day's event", "Please reply by 4pm before Friday's vote.", wed1000, "2023-10-18T16:00:00+01:00", ruleClock},
	// minutes in words after the hour, or before "past"/"to"
	{"five thirty", "Could you get back to me by five thirty?", wed1000, "2023-10-18T17:30:00+01:00", ruleClock},
	{"four forty-five pm", "Deadline is four forty-five pm.", wed1000, "2023-10-18T16:45:00+01:00", ruleClock},
	{"twenty-five past", "Please reply by twenty-five past four.", wed1000, "2023-10-18T16:25:00+01:00", ruleClock},
	{"twenty five to", "Need a line by twenty five to six.", wed1000, "2023-10-18T17:35:00+01:00", ruleClock},
	{"thirty-second clips", "We need five thirty-second clips.", wed1000, "", ""},
	{"five-thirty", "Please reply by five-thirty.", wed1000, "2023-10-18T17:30:00+01:00", ruleClock},
	// an hour in words after "at": a bare hour, with a strong cue only
	{"deadline at seven", "Our deadline is at seven.", wed1000, "2023-10-18T19:00:00+01:00", ruleClock},
	{"print at nine", "We go to print at nine.", wed1000, "2023-10-18T21:00:00+01:00", ruleClock},
	{"meet at seven", "We meet at seven.", wed1000, "", ""},
	{"filing around seven", "We're filing around seven.", wed1000, "2023-10-18T19:00:00+01:00", ruleClock},
	{"around seven people", "Around seven people need a reply.", wed1000, "", ""},
	{"at five people", "At five people were injured.", wed1000, "", ""},
	{"a score in words", "The vote was five thirty to nothing.", wed1000, "", ""},
	// a recurring word naming what the time is for
	{"for our weekly newsletter", "Thursday noon would work for our weekly newsletter.", wed1000, "2023-10-19T12:00:00+01:00", ruleNamedTime},
	{"weekly briefing", "The weekly briefing is at 3pm.", wed1000, "", ""},
	// zones named in words: US zones, regions and countries before "time"
	{"Eastern alone", "Could you reply by 11am Eastern?", wed1000, "2023-10-18T16:00:00+01:00", ruleZonedClock},
	{"Pacific then a day", "Deadline 9am Pacific tomorrow.", wed1000, "2023-10-19T17:00:00+01:00", ruleZonedClock},
	{"Central Time (US)", "Please reply by 3pm Central Time.", wed1000, "2023-10-18T21:00:00+01:00", ruleZonedClock},
	// a European zone named in words is the region's time on the day
	// (CEST in October, as the dev sets' authors read it); "CET" is +1
	{"Central European Time", "Reply by 4pm Central European Time.", wed1000, "2023-10-18T15:00:00+01:00", ruleZonedClock},
	{"Central European Standard Time", "Reply by 4pm Central European Standard Time.", wed1000, "2023-10-18T16:00:00+01:00", ruleZonedClock},
	{"Mountain time", "Any chance of a line by 10am Mountain time?", wed1000, "2023-10-18T17:00:00+01:00", ruleZonedClock},
	{"Eastern Standard Time", "Deadline is 5pm Eastern Standard Time.", nov0930, "2023-11-20T22:00:00+00:00", ruleZonedClock},
	{"Gulf Standard Time", "By 2pm Gulf Standard Time please.", wed1000, "2023-10-18T11:00:00+01:00", ruleZonedClock},
	{"Gulf time", "My deadline is 3pm Gulf time.", nov0930, "2023-11-20T11:00:00+00:00", ruleZonedClock},
	{"India time", "Need it by 6pm India time.", wed1000, "2023-10-18T13:30:00+01:00", ruleZonedClock},
	{"Turkish time", "Reply by 5pm Turkish time please.", wed1000, "2023-10-18T15:00:00+01:00", ruleZonedClock},
	{"Kyiv time", "Could you answer by 7pm Kyiv time?", nov0930, "2023-11-20T17:00:00+00:00", ruleZonedClock},
	{"Beirut alone", "Deadline 6pm Beirut.", nov0930, "2023-11-20T16:00:00+00:00", ruleZonedClock},
	{"Iraq time", "Need a line by 3pm Iraq time.", nov0930, "2023-11-20T12:00:00+00:00", ruleZonedClock},
	{"Iraq alone is no zone", "Deadline 3pm Iraq permitting.", nov0930, "2023-11-20T15:00:00+00:00", ruleClock},
	{"Sofia is a name too", "Please reply by 3pm Sofia will call you.", nov0930, "2023-11-20T15:00:00+00:00", ruleClock},
	{"Sofia time", "Please reply by 3pm Sofia time.", nov0930, "2023-11-20T13:00:00+00:00", ruleZonedClock},
	// "before that" / "by that time" right after the reply asked for
	// point back as "before then"; a sentence that says there is no
	// deadline after its time offers it; "that'd be great"
	{"before that", "We're going live at 6pm, can you get back to me before that?", wed1000, "2023-10-18T18:00:00+01:00", ruleClock},
	{"a line before that", "Our bulletin is at 6 and we'd need a line before that.", wed1000, "2023-10-18T18:00:00+01:00", ruleClock},
	{"by that time", "We're live at 6pm, so I'd need something by that time.", wed1000, "2023-10-18T18:00:00+01:00", ruleClock},
	{"before that, ideally", "We're live at 6pm; could we have a line before that, ideally?", wed1000, "2023-10-18T18:00:00+01:00", ruleClock},
	{"the minister speaks before that", "The vote is at 7pm and the minister will speak before that.", wed1000, "", ""},
	{"Before that, the minister", "The vote is at 7pm. Before that, the minister will speak.", wed1000, "", ""},
	{"please note … spoke before that", "The vote is at 7pm; please note the minister spoke before that.", wed1000, "", ""},
	{"before that happens", "We're live at 6pm; could we have a line before that happens?", wed1000, "", ""},
	{"before that but no strict deadline", "The IMO Assembly closes on Wednesday at 17:00, I would be happy to have a comment before that but there is no strict deadline.", wed1000, "", ""},
	{"before then but no strict deadline", "The IMO Assembly closes on Wednesday at 17:00, I would be happy to have a comment before then but there is no strict deadline.", wed1000, "", ""},
	{"by 4pm though no hard deadline", "I'd welcome a comment by 4pm, though there's no hard deadline.", wed1000, "", ""},
	{"no hard deadline, then a time", "No hard deadline, but 4pm would be ideal.", wed1000, "2023-10-18T16:00:00+01:00", ruleClock},
	{"no deadline in the next sentence", "By 4pm please. No deadline after that, the story is dead.", wed1000, "2023-10-18T16:00:00+01:00", ruleClock},
	{"by 11 that'd be great", "If you could come back to me by 11 that'd be great.", wed1000, "2023-10-18T11:00:00+01:00", ruleClock},
	{"Tonight, that'd be great", "Tonight, that'd be great.", wed1000, "2023-10-18T19:00:00+01:00", ruleNamedTime},
	{"by 3 that'd been forecast", "The index fell by 3 that'd been forecast.", wed1000, "", ""},
	// "before then"/"by then" in the time's own sentence needs a request
	// or the reply right before it, as in the next sentence
	{"then, an event's sentence", "The minister speaks at 6pm and before then he met the mayor.", wed1000, "", ""},
	{"by then the talks", "The minister speaks at 6pm and by then the talks will be over.", wed1000, "", ""},
	{"before then the minister", "The vote is at 7pm, before then the minister will speak.", wed1000, "", ""},
	{"hear from you by then", "The vote is at 7pm and we hope to hear from you by then.", wed1000, "2023-10-18T19:00:00+01:00", ruleClock},
	{"anything from you before then", "We close at 6pm, anything from you before then is welcome.", wed1000, "2023-10-18T18:00:00+01:00", ruleClock},
	{"a line by then", "We go on air at 7 and would love a line by then.", wed1000, "2023-10-18T19:00:00+01:00", ruleClock},
	{"needs to be done by then", "We print at 9pm, so the story needs to be done by then.", wed1000, "2023-10-18T21:00:00+01:00", ruleClock},
	// non-native: a span with "max"/"maximum" before it; "until" after
	// an answer asked with "can"/"would" or "grateful for"/"appreciate"
	{"within max. 2 hours", "Could you answer within max. 2 hours?", wed1000, "2023-10-18T12:00:00+01:00", ruleRelative},
	{"in maximum two hours", "Could you answer in maximum two hours?", wed1000, "2023-10-18T12:00:00+01:00", ruleRelative},
	{"within a maximum of two hours", "Could you answer within a maximum of two hours?", wed1000, "2023-10-18T12:00:00+01:00", ruleRelative},
	{"in max 30 minutes", "Could you reply in max 30 minutes?", wed1000, "2023-10-18T10:30:00+01:00", ruleRelative},
	{"for a maximum of two hours", "The minister spoke for a maximum of two hours.", wed1000, "", ""},
	{"arrives in max 2 hours", "The storm arrives in max 2 hours.", wed1000, "", ""},
	{"can you answer me today until", "Can you answer me today until 16.30?", wed1000, "2023-10-18T16:30:00+01:00", ruleClock},
	{"would you answer me until", "Would you answer me until 4pm?", wed1000, "2023-10-18T16:00:00+01:00", ruleClock},
	{"grateful for an answer until", "I would be grateful for an answer until Friday noon.", wed1000, "2023-10-20T12:00:00+01:00", ruleNamedTime},
	{"appreciate an answer until", "I would appreciate an answer until 15h.", wed1000, "2023-10-18T15:00:00+01:00", ruleClock},
	{"can you stay until", "Can you stay until 4pm?", wed1000, "", ""},
	{"can the minister answer questions until", "Can the minister answer questions until 4pm?", wed1000, "", ""},
	{"grateful for your help until", "I would be grateful for your help until Friday.", wed1000, "", ""},
	{"answer the phone until", "Could you answer the phone until 4pm?", wed1000, "", ""},
	{"I can answer you until", "I can answer you until 4pm, then I'm out.", wed1000, "", ""},
	// a place of two words whose second is a city: before "time" or
	// ending its clause
	{"Abu Dhabi time", "Deadline is 2pm Abu Dhabi time.", wed1000, "2023-10-18T11:00:00+01:00", ruleZonedClock},
	{"Abu Dhabi alone", "Deadline 2pm Abu Dhabi.", wed1000, "2023-10-18T11:00:00+01:00", ruleZonedClock},
	{"Abu Dhabi, a name that goes on", "Please reply by 3pm Abu Dhabi will announce it then.", wed1000, "2023-10-18T15:00:00+01:00", ruleClock},
	{"Los Angeles time", "Could you reply by 9am Los Angeles time?", wed1000, "2023-10-18T17:00:00+01:00", ruleZonedClock},
	{"Kuala Lumpur time", "Could you reply by 6pm Kuala Lumpur time?", wed1000, "2023-10-18T11:00:00+01:00", ruleZonedClock},
	{"New Delhi time", "We need it by 6pm New Delhi time.", wed1000, "2023-10-18T13:30:00+01:00", ruleZonedClock},
	{"noon New Delhi time", "We need it by noon New Delhi time.", wed1000, "2023-10-18T07:30:00+01:00", ""},
	{"Addis Ababa time", "Could you reply by 4pm Addis Ababa time?", wed1000, "2023-10-18T14:00:00+01:00", ruleZonedClock},
	{"East Jerusalem time", "Please reply by 4pm East Jerusalem time.", wed1000, "2023-10-18T14:00:00+01:00", ruleZonedClock},
	{"Mumbai time", "We need it by 6pm Mumbai time.", wed1000, "2023-10-18T13:30:00+01:00", ruleZonedClock},
	{"Gaza time", "Could you reply by 4pm Gaza time?", wed1000, "2023-10-18T14:00:00+01:00", ruleZonedClock},
	{"Jeddah time", "Could you reply by 4pm Jeddah time?", wed1000, "2023-10-18T14:00:00+01:00", ruleZonedClock},
	{"a street is no place", "We need a reply by 4pm Downing Street said.", wed1000, "2023-10-18T16:00:00+01:00", ruleClock},
	{"a weekday before a city", "Please reply by 3pm Friday Dubai time.", wed1000, "2023-10-20T12:00:00+01:00", ruleZonedClock},
	{"an arrival in Abu Dhabi", "The minister lands in Abu Dhabi at 2pm.", wed1000, "", ""},
	{"Central London is no zone", "Reply by 5pm Central London.", wed1000, "2023-10-18T17:00:00+01:00", ruleClock},
	{"Eastern Ukraine is no zone", "We need a reply by 4pm Eastern Ukraine is quiet.", wed1000, "2023-10-18T16:00:00+01:00", ruleClock},
	{"Gulf alone is no zone", "Deadline 4pm Gulf states permitting.", wed1000, "2023-10-18T16:00:00+01:00", ruleClock},
	{"event in Eastern time", "The talks in Eastern Ukraine resume at 4pm.", wed1000, "", ""},
	// a zone after a comma: one that ends with "time", or an abbreviation
	{"comma, UK time", "Please reply by 4pm, UK time.", wed1000, "2023-10-18T16:00:00+01:00", ruleZonedClock},
	{"comma, Paris time on noon", "An answer on 19 October before noon, Paris time, would be ideal.", wed1000, "2023-10-19T11:00:00+01:00", ruleNamedTime},
	{"comma, CET", "Deadline 4pm, CET.", nov0930, "2023-11-20T15:00:00+00:00", ruleZonedClock},
	{"comma, a city alone", "Please reply by 4pm, London.", wed1000, "2023-10-18T16:00:00+01:00", ruleClock},
	// a part of the day and a clock asked for inside it
	{"tonight then by 10pm", "I'm filing tonight; I'd need your answer by 10pm.", wed1000, "2023-10-18T22:00:00+01:00", ruleClock},
	{"this afternoon then 4.30pm", "Could you reply this afternoon? Before 4.30pm would be best.", wed1000, "2023-10-18T16:30:00+01:00", ruleClock},
	{"tonight, an event at 10pm", "I'm filing tonight, but the vote is at 10pm.", wed1000, "2023-10-18T19:00:00+01:00", ruleNamedTime},
	{"tonight, a clock tomorrow", "Tonight would be ideal; failing that by 11am tomorrow.", wed1000, "2023-10-18T19:00:00+01:00", ruleNamedTime},
}

func TestExtractDeadline(t *testing.T) {
	loc := london(t)
	for _, c := range deadlineCases {
		t.Run(c.name, func(t *testing.T) {
			sent := mustTime(t, c.sent)
			d, ok := Extract(c.text, sent, loc)
			got := ""
			if ok {
				got = d.At.Format(rfc3339Offset)
				if d.At.Location() != loc {
					t.Errorf("At is in %v, want %v", d.At.Location(), loc)
				}
				if d.Phrase == "" || !strings.Contains(c.text, d.Phrase) {
					t.Errorf("Phrase %q is not from the text", d.Phrase)
				}
			}
			if got != c.want {
				t.Fatalf("Extract(%q, %s) = %q (rule %q, phrase %q), want %q", c.text, c.sent, got, d.Rule, d.Phrase, c.want)
			}
			if ok && c.rule != "" && d.Rule != c.rule {
				t.Errorf("rule = %q, want %q (phrase %q)", d.Rule, c.rule, d.Phrase)
			}
		})
	}
}

// TestExtractWithSubject: a subject of the journalist's own is read when
// the body states no deadline (the caller passes "" for a reply's or a
// forward's subject); a time the subject merely names is none.
func TestExtractWithSubject(t *testing.T) {
	loc := london(t)
	const body = "Hi, a question about the sanctions list published today. Which entities are new? Thanks, Sam"
	for _, c := range []struct {
		name, subject, text, sent, want string
	}{
		{"deadline in subject", "Sanctions list - which entities? DEADLINE 5.15PM", body, wed1000, "2023-10-18T17:15:00+01:00"},
		{"body wins", "Sanctions list - deadline 5pm", "Could you reply by 3pm?", wed1000, "2023-10-18T15:00:00+01:00"},
		{"no subject (a reply's)", "", body, wed1000, ""},
		{"request in subject", "Comment needed by noon Friday", body, wed1000, "2023-10-20T12:00:00+01:00"},
		{"event time in subject", "Vote at 3pm today - UK position?", body, wed1000, ""},
		{"briefing in subject", "Briefing tomorrow 9am: attendance", body, wed1000, ""},
		{"bulletin in subject", "For the 10pm news: sanctions question", body, wed1000, ""},
		{"urgency only", "URGENT: sanctions list", body, wed1000, ""},
		{"Polish subject", "Pytanie o sankcje (odpowiedź do 16:00 czasu polskiego)", "Dzień dobry, mam pytanie o listę sankcyjną.", "2024-01-16T09:30:00Z", "2024-01-16T15:00:00+00:00"},
		{"German subject", "Anfrage zu Sanktionen – Antwort bis 17 Uhr MEZ", "Guten Tag, eine Frage zur Sanktionsliste.", "2024-01-16T09:30:00Z", "2024-01-16T16:00:00+00:00"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, ok := ExtractWithSubject(c.subject, c.text, mustTime(t, c.sent), loc)
			got := ""
			if ok {
				got = d.At.Format(rfc3339Offset)
			}
			if got != c.want {
				t.Fatalf("ExtractWithSubject(%q, %q) = %q (phrase %q), want %q", c.subject, c.text, got, d.Phrase, c.want)
			}
		})
	}
}

func TestExtractDeadlinePhrase(t *testing.T) {
	loc := london(t)
	for _, c := range []struct{ text, phrase string }{
		{"By 4pm tomorrow please.", "By 4pm tomorrow"},
		{"Deadline: Wed 22 Nov 10am – happy to take answers on background.", "Deadline: Wed 22 Nov 10am"},
		{"Could you get back to me in two hours?", "get back to me in two hours"},
		{"COP Friday would be great.", "COP Friday"},
	} {
		d, ok := Extract(c.text, mustTime(t, nov0930), loc)
		if !ok || d.Phrase != c.phrase {
			t.Errorf("Extract(%q): phrase %q ok=%v, want %q", c.text, d.Phrase, ok, c.phrase)
		}
	}
}

func TestExtractDeadlineNilLocation(t *testing.T) {
	d, ok := Extract("Deadline 4pm.", mustTime(t, "2023-11-20T09:30:00Z"), nil)
	if !ok || !d.At.Equal(mustTime(t, "2023-11-20T16:00:00Z")) {
		t.Fatalf("got %v %v", d, ok)
	}
}

// TestNoWordsInGo parses the package's Go files and fails when one names a
// natural-language word in a string literal: the words the reader compares
// with are data (lang/data/en.json: word lists, zones, deadline.grammar
// for the words the Go rules name by role, as gw.Half, and
// deadline.rewrite for the English other languages are rewritten into;
// each language's own file for its words), so adding a language is adding
// a file. Every non-test file is checked, foreign.go included. Imports, struct tags, the rule names (a const
// block, the Deadline.Rule values), messages and format strings, and IANA
// zone names are not words (isWords).
func TestNoWordsInGo(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		checked++
		fset := gotoken.NewFileSet()
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		tags := map[*ast.BasicLit]bool{}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ImportSpec:
				return false
			case *ast.GenDecl:
				if n.Tok == gotoken.CONST {
					return false // rule names
				}
			case *ast.Field:
				if n.Tag != nil {
					tags[n.Tag] = true
				}
			case *ast.BasicLit:
				if n.Kind != gotoken.STRING || tags[n] {
					return true
				}
				if s, err := strconv.Unquote(n.Value); err == nil && isWords(s) {
					t.Errorf("%s: %q names a word in Go: put it in lang/data/en.json (deadline.grammar for a word a rule names)", fset.Position(n.Pos()), s)
				}
			}
			return true
		})
	}
	if checked < 2 {
		t.Fatalf("checked %d files: the walk is broken", checked)
	}
}

// isWords reports whether a literal is natural language: letters, with
// only apostrophes, hyphens, full stops and spaces between them ("half",
// "o'clock", "a.m.", "at the latest"). Punctuation (":", "-"), format
// strings and messages ("role %q has no word"), and IANA zone names
// ("Europe/London") are not.
func isWords(s string) bool {
	letter := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letter = true
		case r == '\'' || r == '-' || r == '.' || r == ' ':
		default:
			return false
		}
	}
	return letter
}

// TestZoneData: every zone place names a zone the tz database has (a
// name it lacks would fall back to a wrong offset without a word), and
// every zone region is a zone place.
func TestZoneData(t *testing.T) {
	london(t) // skips without a tz database
	for w, name := range zonePlaces {
		if _, err := time.LoadLocation(name); err != nil {
			t.Errorf("zone_places %q: %v", w, err)
		}
	}
	for _, w := range en.Deadline.ZoneRegions {
		if _, ok := zonePlaces[w]; !ok {
			t.Errorf("zone_regions %q is not a zone place", w)
		}
	}
	for w, z := range zoneAbbrevs {
		if z.name == "" {
			continue
		}
		if _, err := time.LoadLocation(z.name); err != nil {
			t.Errorf("zone_abbrevs %q: %v", w, err)
		}
	}
}

// TestGrammarWords checks the grammar roles: every role names a word and
// every word fills a role (readGrammar), and every word the reader compares
// with is in its vocabulary (a word missing there would be interned as ""
// and never match).
func TestGrammarWords(t *testing.T) {
	if _, err := readGrammar(en.Deadline.Grammar); err != nil {
		t.Fatal(err)
	}
	if _, err := readGrammar(map[string]string{"half": "half"}); err == nil || !strings.Contains(err.Error(), "has no word") {
		t.Errorf("a missing role: %v", err)
	}
	extra := map[string]string{"no-such-role": "x"}
	for k, v := range en.Deadline.Grammar {
		extra[k] = v
	}
	if _, err := readGrammar(extra); err == nil || !strings.Contains(err.Error(), "no-such-role") {
		t.Errorf("an unknown role: %v", err)
	}
	for role, w := range en.Deadline.Grammar {
		if want := shorthand[w]; want != "" {
			if vocab[w].w != want {
				t.Errorf("grammar %s: shorthand %q is not read as %q", role, w, want)
			}
			continue
		}
		if vocab[w].w != w {
			t.Errorf("grammar %s: word %q is not in the vocabulary", role, w)
		}
	}
	for w := range weekdayWords {
		if vocab[w].w != w {
			t.Errorf("weekday %q not in vocabulary", w)
		}
	}
	for w := range monthWords {
		if vocab[w].w != w {
			t.Errorf("month %q not in vocabulary", w)
		}
	}
	for w := range numberWords {
		if vocab[w].w != w {
			t.Errorf("number %q not in vocabulary", w)
		}
	}
	for w := range zoneAbbrevs {
		if vocab[w].w != w {
			t.Errorf("zone %q not in vocabulary", w)
		}
	}
	for w := range zonePlaces {
		if vocab[w].w != w {
			t.Errorf("place %q not in vocabulary", w)
		}
	}
}

// devSetFloor is the minimum share of labelled samples whose deadline must
// match; the extractor scores 62/62 on the shared samples with mailparse's
// NewText.
const devSetFloor = 0.95

// TestDeadlineDevSet runs the extractor on the new text of every labelled
// sample that is not automatic mail, with the message Date in Europe/London,
// and compares with labels.jsonl: the project's own labelled enquiries
// (routing/testdata/desk-enquiries, enquiries and the tuning set; the
// held-out set is never read here) and the shared samples when present.
func TestDeadlineDevSet(t *testing.T) {
	td := filepath.Join("..", "routing", "testdata")
	dirs := []string{filepath.Join(td, "desk-enquiries"), filepath.Join(td, "enquiries"), filepath.Join(td, "tuning")}
	if dir, ok := fixture.Shared(t, "enquiries"); ok {
		dirs = append(dirs, dir)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(filepath.Dir(dir))+"/"+filepath.Base(dir), func(t *testing.T) { deadlineDevSet(t, dir) })
	}
}

// TestDeadlineNewDevSets pins the deadline figures on the two dev sets
// written for issue 11 by an author who had not read this package:
// routing/testdata/mldev (56 enquiries in 14 languages) and endev (40
// English). Both score every deadline right today (mldev was 0.96 and
// endev 0.95 before the foreign-language work of 3f5455e…160a0a0); a
// change that loses one fails here and names the file. mldev2 (56 more,
// by another author) was 0.81 when it landed, 1.00 since hours and
// minutes in number words. dldev (48 enquiries in 15 languages written
// to exercise deadlines) was 0.88 when it landed, 1.00 since a subject of
// the journalist's own, zones named in words ("4pm Eastern", "Gulf
// time"), a zone after a comma ("avant midi, heure de Paris") and a clock
// inside a part of the day ("esta noche … antes de las diez de la noche").
// dldev2 (48 more, written to exercise deadlines) was 0.75 on its first
// 24 when it landed, 1.00 since European zones in words, spans of an
// hour and minutes, hyphen clocks ("18-00"), an hour in words before
// its day or with "sharp", the time of the journalist's own broadcast,
// a weekday's bare day of the month and "tomorrow at N" after a request.
// dldev3 (48 by a third author, hand-written shorthand) was 0.92 when it
// landed, 1.00 since a European zone in words is read on the day, "can
// we push to 5?", "by half five now" and a programme named before its
// time ("przed Faktami o 19:00"). endl (48 English, by a fourth author,
// everyday ways of asking without "deadline") was 0.85 when it landed,
// 1.00 since an alternative between commas ("a line, or ideally a
// minister, this afternoon"), a day negated before a spaced dash ("No
// rush today - COP Friday is fine"), "Anything by ten tonight", "can we
// say 10 instead?", "would do" and "Türkiye time". endev3 (48 English,
// another author, everyday mail) was 1.00 when it landed. mldev5 (42 in
// 14 languages) was 0.95 (38/40) when it landed and stays so: its two
// misses are labels against GUIDE 4 and the other sets' labels — 011
// "en dos horas" is Date plus two hours with the Date's seconds (tuning
// 034, mldev 026, endev 011, dldev3 045 keep them), 039 "Haberi bu akşam
// yayınlayacağız" (we will run the story this evening) tells when the
// story runs, no deadline asked (tuning 002, mldev2 053, dldev 044,
// dldev3 047; "We're running the story tonight" is none here). mldev6
// (42 in 14 languages) and endev4 (42 English), by two more authors, were
// 1.00 when they landed (40/40 non-automatic each), every deadline read
// from the phrase its label's note names. mldev7 (42 in 14 languages) was
// 0.97 (39/40 non-automatic) and endev5 (42 English) 0.95 (38/40) as landed,
// 1.00 since "Si puede ser, esta tarde" (if possible, this afternoon),
// "I need to file until 15:00 Israel time" and a time left open by "but
// I'm writing through the day" (TestTenthRoundForms). dldev5 (44 English,
// deadline-focused, natives and non-natives) was 0.64 by the scorer (16
// misses) as landed, endev6 (42 English) and mldev8 (42 in 14
// languages) 0.97 each; all three 1.00 since hurried English ("by half
// four that gives us time", "by the top of the hour", "Six-ish at the
// latest please", "By close please", AEST/AEDT, "12/4" from a US writer,
// "COB 7/12 (Thurs) is fine", "17:00 local"), non-native "until" and a
// signature's standing "On deadline: 5pm" under a telephone number
// (TestEleventhRoundForms, TestContactTail). mldev10 (42 in Portuguese,
// Albanian and Greek) was 0.90 (35/39) and endev7 (40 English) 0.92
// (35/38) as landed; 1.00 and 0.97 since a clock on the day named alone,
// "Please tomorrow morning, as …", "If possible tonight." without its
// comma, Greek "μέσα στα επόμενα 45 λεπτά", "Our copy goes in the next
// two hours" and "…, so 10:30 UTC please" (TestFourteenthRoundForms).
// endev7 022 stays a miss: "I'd be grateful for whatever you can give me
// this evening" asks for something this evening, which every other set
// labels a deadline. mldev11 (36 Albanian, Albania, Kosovo, North
// Macedonia) was 0.82 (28/34) as landed, 1.00 since "para saj" (before
// it) as "before then", "13:00 ora jonë", Gheg "mbasdite", a city's clock
// in the genitive ("me orën e Dubait"), feminine "tri" and "deri atëherë
// në orën 11" after a day (TestAlbanianRoundFifteen). mldev12 (40 in
// several languages) was 0.95 (38/40) and mldev13 (40 sr/bs/hr, it, fr,
// el, deadline-heavy) 0.975 (39/40) as landed; 0.975 and 1.00 since "Je
// dois envoyer ma dépêche d'ici une heure" (the journalist's own piece)
// and a Croatian "-----Izvorna poruka-----" separating the old deadline
// from the new (TestEighteenthRoundForms, mailparse
// TestSplitBCSGreekOutlook); mldev12 005 (Albanian "na dërgoni një
// përgjigje nesër në mëngjes" after "Nëse është e mundur,") is read
// since the imperative after "if possible," asks, and mixdev3, mixdev7
// and mixdev8 are 1.00 since "We close pages at 6", "horário de Dubai"
// and "Ju lutem nëse mundeni nesër në mëngjes" are read
// (TestRequestAfterIfPossible).
func TestDeadlineNewDevSets(t *testing.T) {
	td := filepath.Join("..", "routing", "testdata")
	for _, c := range []struct {
		set   string
		floor float64
	}{{"mldev", 1}, {"endev", 1}, {"mldev2", 1}, {"dldev", 1}, {"dldev2", 1}, {"dldev3", 1}, {"dldev4", 1}, {"endl", 1}, {"endev3", 1}, {"mldev5", 0.95}, {"mldev6", 1}, {"endev4", 1}, {"mldev7", 1}, {"endev5", 1}, {"dldev5", 1}, {"endev6", 1}, {"mldev8", 1}, {"mldev9", 1}, {"mldev10", 1}, {"endev7", 0.97}, {"mldev11", 1}, {"mldev12", 1}, {"mldev13", 1}, {"mixdev3", 1}, {"mixdev7", 1}, {"mixdev8", 1}} {
		t.Run(c.set, func(t *testing.T) {
			if good, total := deadlineSet(t, filepath.Join(td, c.set)); float64(good) < c.floor*float64(total) {
				t.Errorf("%s: %d/%d deadlines right, want at least %.2f", c.set, good, total, c.floor)
			}
		})
	}
}

func deadlineDevSet(t *testing.T, dir string) {
	good, total := deadlineSet(t, dir)
	score := float64(good) / float64(total)
	if score < devSetFloor {
		t.Errorf("deadline dev-set score %.3f below floor %.2f", score, devSetFloor)
	}
}

// deadlineSet reads a labelled set's non-automatic enquiries and counts
// those whose deadline Extract finds as labelled, logging each miss.
func deadlineSet(t *testing.T, dir string) (good, total int) {
	f, err := os.Open(filepath.Join(dir, "labels.jsonl"))
	if err != nil {
		t.Fatalf("labelled samples: %v", err)
	}
	defer f.Close()
	loc := london(t)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var l struct {
			File      string `json:"file"`
			Deadline  string `json:"deadline"`
			Automatic bool   `json:"automatic"`
			Note      string `json:"note"`
		}
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("labels.jsonl: %v", err)
		}
		if l.Automatic {
			continue
		}
		var want time.Time
		if l.Deadline != "" {
			if want, err = time.Parse(time.RFC3339, l.Deadline); err != nil {
				t.Fatalf("%s: label deadline: %v", l.File, err)
			}
		}
		raw, err := os.ReadFile(filepath.Join(dir, l.File))
		if err != nil {
			t.Fatal(err)
		}
		msg, err := mailparse.Parse(raw, mailparse.Options{})
		if err != nil {
			t.Errorf("%s: parse: %v", l.File, err)
			continue
		}
		total++
		d, ok := ExtractWithSubject(msg.OwnSubject(), msg.NewText, msg.Date, loc) // as the router reads it
		if ok == !want.IsZero() && (!ok || d.At.Equal(want)) {
			good++
			continue
		}
		got := ""
		if ok {
			got = d.At.Format(rfc3339Offset)
		}
		t.Logf("miss %s: got %q (rule %q, phrase %q), want %q -- %s", l.File, got, d.Rule, d.Phrase, l.Deadline, l.Note)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if total == 0 {
		t.Fatal("no samples")
	}
	t.Logf("deadline dev set %s: %d/%d = %.3f", dir, good, total, float64(good)/float64(total))
	return good, total
}

func FuzzExtractDeadline(f *testing.F) {
	for _, c := range deadlineCases {
		f.Add(c.text, mustTime(f, c.sent).Unix())
	}
	f.Add("by 4pm tomorrow\n\n> Deadline 6pm", int64(1700000000))
	f.Add("Deadline 24:00 GMT+14 on 31/12", int64(1703980800))
	f.Add("within 72 hours, next Sunday midnight, 29 Feb 10am", int64(1709164800))
	for _, c := range foreignCases {
		f.Add(c.text, mustTime(f, wed1000).Unix())
	}
	for _, c := range eleventhRoundCases {
		f.Add(c.text, mustTime(f, wed1000).Unix()) // ("for 1" was an index before the first token)
	}
	for _, c := range twelfthRoundCases {
		f.Add(c.text, mustTime(f, wed1000).Unix())
	}
	for _, c := range thirteenthRoundCases {
		f.Add(c.text, mustTime(f, wed1000).Unix())
	}
	for _, c := range fourteenthRoundCases {
		f.Add(c.text, mustTime(f, wed1000).Unix())
	}
	for _, c := range foreignCasesAt {
		f.Add(c.text, mustTime(f, c.sent).Unix())
	}
	for _, c := range englishLookalikeCases {
		f.Add(c.text, mustTime(f, wed1000).Unix())
	}
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		f.Skip("no tz database")
	}
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		if unix < -1<<40 || unix > 1<<40 {
			return
		}
		sent := time.Unix(unix, 0)
		d, ok := Extract(text, sent, loc)
		if !ok {
			return
		}
		if d.At.Before(sent.Add(-24*time.Hour)) || d.At.After(sent.Add(60*24*time.Hour)) {
			t.Fatalf("deadline %v out of range for sent %v (phrase %q)", d.At, sent, d.Phrase)
		}
		if d.At.Location() != loc || d.Rule == "" || !strings.Contains(text, d.Phrase) {
			t.Fatalf("bad result %+v", d)
		}
	})
}

const benchBody = `Hi there,

Working on a piece for the News at One on the Foreign Secretary's trip to Tirana today.

Your release (https://www.gov.uk/government/news/foreign-secretary-to-build-on-progress-in-tackling-illegal-migration) says small boat crossings by Albanian nationals are down 90% "on last year". Is that Jan-Sept 2023 compared with the same period in 2022, or something else? And what's the source for "from over 12,000 to under 1,000" - published Home Office stats or internal management info?

Also - the readout of this afternoon's call mentions RAF surveillance aircraft and Royal Navy ships. Will any of these assets be used to help locate hostages? The minister's statement at 3.30pm today said more support would follow within days.

We're cutting a package for the 6pm bulletin, so ideally by 5pm, and no later than 5.30pm at the very latest if that is easier for the team.

Thanks,
Harriet

Harriet Vale
Producer, Home & Legal Affairs
BBC News | Broadcasting House, London
M: 07700 900 183 | T: 020 7946 0183
`

func BenchmarkExtractDeadline(b *testing.B) {
	loc := london(b)
	sent := mustTime(b, wed0730)
	b.SetBytes(int64(len(benchBody)))
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := Extract(benchBody, sent, loc); !ok {
			b.Fatal("no deadline")
		}
	}
}

// TestVocabularyFilter checks the pre-check never rules out a word of the
// vocabulary (which would change a lookup's answer).
func TestVocabularyFilter(t *testing.T) {
	for w := range vocab {
		if !vocabFilter.MayHave([]byte(w)) {
			t.Errorf("deadline word %q filtered out", w)
		}
	}
}

// TestRomanMonth reads the months in capital Roman numerals, and nothing
// else ("IIII", "VX", "XIII" and lower case are no months).
func TestRomanMonth(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{{"I", 1}, {"II", 2}, {"III", 3}, {"IV", 4}, {"V", 5}, {"VI", 6}, {"VII", 7}, {"VIII", 8}, {"IX", 9}, {"X", 10}, {"XI", 11}, {"XII", 12},
		{"IIII", 0}, {"VX", 0}, {"XIII", 0}, {"xi", 0}, {"IL", 0}, {"", 0}, {"VIIII", 0}} {
		if got := romanMonth(c.in); got != c.want {
			t.Errorf("romanMonth(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

// TestTenthRoundForms pins the forms the tenth round reads (mldev7 011,
// endev5 004 and 033 as they landed), with look-alikes that stay as they
// were: "if possible" set off by a comma before the time that ends its
// clause (or a colon or a dash) offers it, as "Ideally," does ("if at
// all possible", "if you can" too), in English and in the languages whose words for it the
// reader knows (the Arabic comma is a comma); "need to file until" a
// time is the journalist's "by" (also "must submit my article until"),
// and their delivering or submitting their text at a time is their
// filing at it, and so is closing their page or edition ("We close the
// page at 19h", "Our page closes at 8pm");
// IDT is Israel's summer time; a time the sentence goes on to leave open
// ("but I'm writing through the day", "though I'll be writing all day")
// is offered, not asked, as "but there is no strict deadline" is.
func TestTenthRoundForms(t *testing.T) {
	loc := london(t)
	sent := mustTime(t, wed1000)
	for _, c := range []struct{ text, want string }{
		{"If possible, this afternoon.", "2023-10-18T15:00:00+01:00"},
		{"If possible, tomorrow at 4pm.", "2023-10-19T16:00:00+01:00"},
		{"If possible, this afternoon, thanks.", "2023-10-18T15:00:00+01:00"},
		{"Si puede ser, esta tarde.", "2023-10-18T15:00:00+01:00"},
		{"Si es posible, esta tarde.", "2023-10-18T15:00:00+01:00"},
		{"Se possibile, oggi pomeriggio.", "2023-10-18T15:00:00+01:00"},
		{"Wenn möglich, heute Nachmittag.", "2023-10-18T15:00:00+01:00"},
		{"Jeśli to możliwe, dziś po południu.", "2023-10-18T15:00:00+01:00"},
		{"Ako je moguće, danas popodne.", "2023-10-18T15:00:00+01:00"},
		{"Если можно, сегодня днём.", "2023-10-18T15:00:00+01:00"},
		{"Якщо можливо, сьогодні вдень.", "2023-10-18T15:00:00+01:00"},
		{"Nëse është e mundur, sot pasdite.", "2023-10-18T15:00:00+01:00"},
		{"Si c'est possible, cet après-midi.", "2023-10-18T15:00:00+01:00"},
		{"Se for possível, esta tarde.", "2023-10-18T15:00:00+01:00"},
		{"إن أمكن، بعد ظهر اليوم.", "2023-10-18T15:00:00+01:00"}, // the Arabic comma
		{"If you can, this afternoon.", "2023-10-18T15:00:00+01:00"},
		{"If at all possible, this afternoon?", "2023-10-18T15:00:00+01:00"},
		{"If possible: this afternoon.", "2023-10-18T15:00:00+01:00"},
		{"If possible – tonight.", "2023-10-18T19:00:00+01:00"},
		{"I need to file until 15:00 Israel time (IDT) today.", "2023-10-18T13:00:00+01:00"},
		{"I need to file until 15:00 today.", "2023-10-18T15:00:00+01:00"},
		{"We have to file until 4pm.", "2023-10-18T16:00:00+01:00"},
		{"I need to file by 15:00 IDT today.", "2023-10-18T13:00:00+01:00"},
		{"I must file until 5pm.", "2023-10-18T17:00:00+01:00"},
		{"I need to submit my article until 17:00.", "2023-10-18T17:00:00+01:00"},
		{"I have to deliver my text until 16h.", "2023-10-18T16:00:00+01:00"},
		{"I need to file my copy until 4pm.", "2023-10-18T16:00:00+01:00"},
		{"I have to deliver my text at 16h.", "2023-10-18T16:00:00+01:00"},
		{"I need to submit my article at 17:00.", "2023-10-18T17:00:00+01:00"},
		{"We must submit our text at 6pm.", "2023-10-18T18:00:00+01:00"},
		{"We close the page at 19h.", "2023-10-18T19:00:00+01:00"},
		{"Our page closes at 8pm.", "2023-10-18T20:00:00+01:00"},
		{"We close our edition at 10pm.", "2023-10-18T22:00:00+01:00"},
		{"Please reply by 2pm, though I'm out all day.", "2023-10-18T14:00:00+01:00"},
		{"Please reply by 2pm, but I'll be travelling all day.", "2023-10-18T14:00:00+01:00"},
		{"The session starts at 2pm CET, so anything before then helps.", "2023-10-18T14:00:00+01:00"},
		{"Please reply by 4pm, but I'm out all day.", "2023-10-18T16:00:00+01:00"},
		{"Please reply by 4pm, but the minister is speaking all day.", "2023-10-18T16:00:00+01:00"},
		{"I need it by 4pm because I'm writing all day.", "2023-10-18T16:00:00+01:00"},
		// the comma left out where the time ends the sentence "if
		// possible" opens (round 14: Greek "Αν γίνεται απόψε." is
		// written so)
		{"If possible this afternoon.", "2023-10-18T15:00:00+01:00"},
		// none
		{"If possible, tonight the minister will speak.", ""},
		{"If possible this afternoon the minister will speak.", ""},
		{"If you can, tonight the minister will speak.", ""},
		{"If possible - tonight the minister will speak.", ""},
		{"If you can, call me.", ""},
		{"The minister will speak, if possible, this afternoon.", ""},
		{"Si puede ser, el ministro hablará esta tarde.", ""},
		{"Если можно, министр выступит сегодня вечером.", ""},
		{"I will file until 6pm.", ""},
		{"I need to stay until 5pm.", ""},
		{"We file until 11pm every night.", ""},
		{"The minister must file until Friday.", ""},
		{"I must stay until 5pm.", ""},
		{"I will send my piece until 5pm.", ""},
		{"I need to read my text until 5pm.", ""},
		{"They need to file their story until 6pm.", ""},
		{"The minister will deliver a speech at 4pm.", ""},
		{"The minister will deliver the text at 4pm.", ""},
		{"He has to submit the text at 4pm.", ""},
		{"The ambassador will submit his credentials at 11am.", ""},
		{"The text was published at 4pm.", ""},
		{"We close the office at 6pm.", ""},
		{"Our office closes at 6pm.", ""},
		{"The polls close at 10pm.", ""},
		{"The paper closes at 8pm.", ""},
		{"We close the edition at 10pm every night.", ""},
		{"Anything before 2pm helps, but I'll be writing all day.", ""},
		{"Anything before 2pm helps, though I'm writing through the day.", ""},
		{"The migration session he's chairing starts at 2pm CET, so anything before then helps, but I'm writing through the day.", ""},
		{"A line by 4pm would help, but we are filing throughout the day.", ""},
	} {
		checkExtractAt(t, c.text, sent, loc, c.want)
	}
}
