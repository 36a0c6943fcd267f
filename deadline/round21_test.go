package deadline

import "testing"

// twentyFirstRoundEnglish: English forms a probe of our own (50, written
// before the change, with look-alikes) found unread, 39 -> 47 of 50:
//   - the journalist "looking at" a time ("Deadline wise we're looking at
//     4pm", "We're looking at about 4pm"); someone else looking at one
//     stays unread;
//   - "Let's aim for 2pm", "Let's try for 2pm", "Could we try for 2pm?"
//     ("Let's" is no one else's deadline), "Let's say 2pm?";
//   - an ultimatum is someone else's ("The government set an ultimatum
//     by midnight"), and so is a deadline someone else got or received
//     ("The minister got a deadline of Monday"; "I got a deadline of 5pm"
//     is the journalist's).
//
// Sent Wednesday 18 October 2023 10:00 in London.
var twentyFirstRoundEnglish = []struct{ text, want string }{
	{"Deadline wise we're looking at 4pm.", "2023-10-18T16:00:00+01:00"},
	{"Deadline-wise we're looking at 4pm.", "2023-10-18T16:00:00+01:00"},
	{"We're looking at about 4pm.", "2023-10-18T16:00:00+01:00"},
	{"I'm looking at 3pm for this one.", "2023-10-18T15:00:00+01:00"},
	{"The minister is looking at 4pm for the statement.", none},
	{"The talks are looking at a 4pm finish. Any comment?", none},
	{"Let's aim for 2pm.", "2023-10-18T14:00:00+01:00"},
	{"Let's aim for 2pm if possible.", "2023-10-18T14:00:00+01:00"},
	{"Let's try for 2pm.", "2023-10-18T14:00:00+01:00"},
	{"Could we try for 2pm?", "2023-10-18T14:00:00+01:00"},
	{"Let's say 2pm?", "2023-10-18T14:00:00+01:00"},
	{"Negotiators aim for 2pm to resume. Will the UK attend?", none},
	{"Rescue teams will try for 3pm to reach the village. How many Britons are there?", none},
	{"The government set an ultimatum by midnight.", none},
	{"The government issued an ultimatum until midnight.", none},
	{"The ultimatum runs until midnight.", none},
	{"The minister got a deadline of Monday.", none},
	{"The minister received a deadline of Monday.", none},
	{"I got a deadline of 5pm.", "2023-10-18T17:00:00+01:00"},
	{"We'd need it by close of play.", "2023-10-18T17:00:00+01:00"},
	{"Anything before 5 would be great.", "2023-10-18T17:00:00+01:00"},
	{"I'm filing at 4.", "2023-10-18T16:00:00+01:00"},
	{"Copy by 3, please.", "2023-10-18T15:00:00+01:00"},
	{"Lawyers are filing at 4. Will the UK respond?", none},
}

func TestTwentyFirstRoundEnglish(t *testing.T) { checkCasesWed(t, twentyFirstRoundEnglish) }
