package deadline

import (
	"strings"
	"testing"
)

// eleventhRoundCases are the forms of the eleventh round (dldev5, endev6,
// mldev8 and hurried English written for it), each with look-alikes that
// must stay unread. Sent Wednesday 18 October 2023 10:00 in London unless
// the case names another moment.
var eleventhRoundCases = []struct{ sent, text, want string }{
	// American style: a month's abbreviation with its full stop
	{"", "Need it by Oct. 20, please.", "2023-10-20T17:00:00+01:00"},
	{"", "Need a comment by Oct. 19 at noon.", "2023-10-19T12:00:00+01:00"},
	{"", "Deadline: Thu., Oct. 19, 3 p.m. ET.", "2023-10-19T20:00:00+01:00"},
	{"", "It happened on Oct. 12.", none},
	{"", "The summit ends Oct. 20, and we need a comment by Fri.", "2023-10-20T17:00:00+01:00"},
	// a weekday abbreviation that is also a word, alone after "by" or
	// "deadline" where the sentence asks
	{"", "Need a line by Wed.", "2023-10-18T17:00:00+01:00"},
	{"", "Could you get back to me by Wed?", "2023-10-18T17:00:00+01:00"},
	{"", "Deadline: Mon", "2023-10-23T17:00:00+01:00"},
	{"", "Can you reply by Sat, please?", "2023-10-21T17:00:00+01:00"},
	{"", "The story was published by Sun.", none},
	{"", "Quoted by Sun journalists.", none},
	{"", "The vote was won by Mon, not by Wed.", none},
	// the top of the hour: the next full hour after sent
	{"2023-10-17T16:47:10+01:00", "Need it by the top of the hour.", "2023-10-17T17:00:00+01:00"},
	{"", "Any chance of a response before the top of the hour?", "2023-10-18T11:00:00+01:00"},
	{"", "We're going to it at the top of the hour.", none},
	{"", "The minister promised a decision by the top of the hour.", none},
	{"", "The announcement came just before the top of the hour.", none},
	// Australian zones
	{"2025-08-10T07:15:48+10:00", "So I need a response by 9am AEST Monday.", "2025-08-11T00:00:00+01:00"},
	{"2023-12-02T06:30:14+11:00", "Deadline 5pm AEDT today.", "2023-12-02T06:00:00+00:00"},
	{"", "Need a line by 4pm AET.", "2023-10-18T06:00:00+01:00"},
	// "by close" alone, and "close of biz"
	{"", "By close please.", "2023-10-18T17:00:00+01:00"},
	{"", "Could you reply by close?", "2023-10-18T17:00:00+01:00"},
	{"", "Please reply by close of biz.", "2023-10-18T17:00:00+01:00"},
	{"", "Shares fell by close.", none},
	{"", "The markets were down by close, and the pound fell.", none},
	{"", "The close of biz figures were strong.", none},
	// an hour in words before "at the latest" ending its clause
	{"", "It's for the Ten, so by nine at the latest please.", "2023-10-18T21:00:00+01:00"},
	{"", "Six-ish at the latest please.", "2023-10-18T18:00:00+01:00"},
	{"", "Six at the latest please.", "2023-10-18T18:00:00+01:00"},
	{"", "Six at the latest count were hurt.", none},
	{"", "Turnout rose by five at the latest count.", none},
	{"", "Five at the latest, they said, had died.", none},
	{"", "We expect six at the latest.", none},
	// a run-on "that gives us time" after a bare hour
	{"", "If you can come back to me by half four that gives us time to get it into the running order.", "2023-10-18T16:30:00+01:00"},
	{"", "The ratio rose by four that leaves us short.", none},
	// "could (really) do with" is the journalist's need
	{"", "Could really do with something before the 1 o'clock news.", "2023-10-18T13:00:00+01:00"},
	{"", "We could do with a line before the 10 o'clock news.", "2023-10-18T22:00:00+01:00"},
	{"", "The minister could do with a rest before the 6 o'clock news.", none},
	// the journalist's own sending that they must do is their deadline
	{"", "I must send my article before 22:00 Rome time.", "2023-10-18T21:00:00+01:00"},
	{"", "I will send my article before 22:00.", none},
	{"", "I'll send you my piece by 5pm.", none},
	// the journalist closing their own article, and non-native "until"
	{"", "I will close the article until 9 in the evening Israel time.", "2023-10-18T19:00:00+01:00"},
	{"", "We must close the story at 6pm.", "2023-10-18T18:00:00+01:00"},
	{"", "They close the paper at 8pm.", none},
	{"", "The office will close the page at 6pm.", none},
	{"", "The minister will close the session at 6pm.", none},
	{"", "We publish at noon, so please till 11:30 Belgrade time (10:30 BST).", "2023-10-18T10:30:00+01:00"},
	{"", "Please until 5pm.", "2023-10-18T17:00:00+01:00"},
	{"", "Please, until 5pm I am out.", none},
	{"", "Please reply within today Seoul time, until 11pm KST.", "2023-10-18T15:00:00+01:00"},
	{"", "Please reply today, until 6pm I am at my desk.", none},
	{"", "The minister will reply today, until 6pm he is in meetings.", none},
	{"", "It rained, until 5pm.", none},
	// "local" alone ending its clause is the zone of sent, as "local time"
	{"2023-10-16T12:44:09+02:00", "We need the answer until 17:00 local, for our main edition.", "2023-10-16T16:00:00+01:00"},
	{"2023-10-16T12:44:09+02:00", "By 5pm local please.", "2023-10-16T16:00:00+01:00"},
	{"2023-10-16T12:44:09+02:00", "We met 5 local journalists.", none},
	// a date's weekday in brackets after it
	{"2023-12-05T10:15:29+00:00", "For our appointments round-up: COB 7/12 (Thurs) is fine.", "2023-12-07T17:00:00+00:00"},
	{"2023-12-05T10:15:29+00:00", "COB 7/12 (Thurs).", none},
	// the US month/day where the day/month can be no deadline
	{"2023-12-01T16:40:55-05:00", "I'm putting together a roundup of pledges so I need it by 12/4, 10am ET.", "2023-12-04T15:00:00+00:00"},
	{"", "Need it by 5/12.", "2023-12-05T17:00:00+00:00"},
	{"", "Need it by 10/19.", "2023-10-19T17:00:00+01:00"},
	{"", "Need it by 3/4.", none},
	// Albanian "do ta kisha shumë të vlefshme" (I would find it very
	// valuable) asks as "would appreciate" does
	{"2025-05-15T17:30:05+02:00", "Afati i sotëm për ne kaloi, por artikulli tani del nesër – do ta kisha shumë të vlefshme një përgjigje nesër në mëngjes.", "2025-05-16T09:00:00+01:00"},
	{"2025-05-15T17:30:05+02:00", "Informacioni ishte shumë i vlefshëm për ne.", none},
	// hurried English of our own
	{"", "We've got a 3pm cut-off.", "2023-10-18T15:00:00+01:00"},
	{"", "The 3pm cut off the debate.", none},
	{"", "Our deadline has been moved up to 2pm.", "2023-10-18T14:00:00+01:00"},
	{"", "The vote has been moved up to 2pm.", none},
	{"", "Any chance of something in the next hour?", "2023-10-18T11:00:00+01:00"},
	{"", "Any chance of a line within the hour?", "2023-10-18T11:00:00+01:00"},
	{"", "Is there any chance the minister will speak in the next hour?", none},
	{"", "Any chance the vote happens in the next hour?", none},
	{"", "We're going live at 7 - anything before would be great.", "2023-10-18T19:00:00+01:00"},
	{"", "We're live at 7pm, so a line before would be great.", "2023-10-18T19:00:00+01:00"},
	{"", "The vote is at 7 - anything before would be a surprise.", none},
	{"", "The minister speaks at 7; anything before would be great news for him.", none},
	{"", "Could you reply by 3 Eastern?", "2023-10-18T20:00:00+01:00"},
	{"", "Need it by 11 Pacific.", "2023-10-18T19:00:00+01:00"},
	// the start of business is first thing
	{"", "Need it by start of business tomorrow.", "2023-10-19T09:00:00+01:00"},
	{"", "Can you get something to me by opening of business tomorrow?", "2023-10-19T09:00:00+01:00"},
	{"", "By start of day Monday please.", "2023-10-23T09:00:00+01:00"},
	{"", "At the start of play the minister spoke.", none},
	{"", "The start of business tomorrow is 9am.", none},
	// non-native English of our own
	{"", "We are closing the edition at 21h.", "2023-10-18T21:00:00+01:00"},
	{"", "We close edition at 21h.", "2023-10-18T21:00:00+01:00"},
	{"", "They are closing the office at 6pm.", none},
	{"", "We are closing the office at 6pm.", none},
	{"", "I must finish my article until 18h.", "2023-10-18T18:00:00+01:00"},
	{"", "I must finish my story at 6pm.", "2023-10-18T18:00:00+01:00"},
	{"", "I will finish my article until 18h.", none},
	{"", "I finish work at 6pm.", none},
	{"", "The minister will finish his speech at 4pm.", none},
	{"", "We finish at 6.", none},
	{"", "Please reply in 2 hours from now.", "2023-10-18T12:00:00+01:00"},
	{"", "The minister arrives in 2 hours from now.", none},
	{"", "We need the information for the evening news at 19:30.", "2023-10-18T19:30:00+01:00"},
	{"", "We are preparing information for the evening news at 19:30.", none},
	// a yes/no question about someone else's doing asks nothing of the desk
	{"", "Is it true the minister will visit Kyiv by Friday?", none},
	{"", "Will the UK announce sanctions by the end of the week?", none},
	{"", "Did the minister meet them before 4pm?", none},
	{"", "Will there be an update by the top of the hour?", none},
	{"", "Is a response by 3 doable?", "2023-10-18T15:00:00+01:00"},
	{"", "Will you be able to reply by 4?", "2023-10-18T16:00:00+01:00"},
	{"", "Is it possible to get a line by 4?", "2023-10-18T16:00:00+01:00"},
	{"", "Is there any chance of a line by 4?", "2023-10-18T16:00:00+01:00"},
	{"", "Will it be possible to have something by 4?", "2023-10-18T16:00:00+01:00"},
	{"", "Is the minister going to announce it by Friday? We need to know by 3pm.", "2023-10-18T15:00:00+01:00"},
	{"", "Do Britons need to register by Friday?", none},
	{"", "Should Britons register by 5pm?", none},
	{"", "Do Britons need to register by Friday? We need to know by 3pm.", "2023-10-18T15:00:00+01:00"},
	{"", "Do I need a line by 4?", "2023-10-18T16:00:00+01:00"},
	{"", "Should I expect a reply by 5pm?", "2023-10-18T17:00:00+01:00"},
	// a day alone opening its clause and offered as the time, as "COP
	// Friday would be great" is
	{"", "Tomorrow is fine.", "2023-10-19T17:00:00+01:00"},
	{"", "Tomorrow's fine.", "2023-10-19T17:00:00+01:00"},
	{"", "Friday would be great for us.", "2023-10-20T17:00:00+01:00"},
	{"", "Friday is fine for the interview.", none},
	{"", "Monday would be great for a visit.", none},
	{"", "The vote on Friday is fine by me.", none},
	{"", "Tomorrow's good news.", none},
	// "my time" after a bare hour; "for" a time after the words asked for
	{"2023-10-18T12:00:00+03:00", "Need a line by 5 my time.", "2023-10-18T15:00:00+01:00"},
	{"", "A line for 3pm please.", "2023-10-18T15:00:00+01:00"},
	{"", "Could we have it for 6?", "2023-10-18T18:00:00+01:00"},
	{"", "Can you get me something for 3?", "2023-10-18T15:00:00+01:00"},
	{"", "Is the statement for 3pm?", none},
	{"", "Could we book a table for 6?", none},
	{"", "Can you get me something for 3 people?", none},
	{"", "The minister made it for 6.", none},
	{"", "It is for 6pm tonight.", none},
	// non-native "within today", "until the end of the day"
	{"", "Please reply within today.", "2023-10-18T17:00:00+01:00"},
	{"", "Please answer within tomorrow.", "2023-10-19T17:00:00+01:00"},
	{"", "The minister will arrive within today.", none},
	{"", "Please answer until the end of the day.", "2023-10-18T17:00:00+01:00"},
	{"", "The office is open until the end of the day.", none},
	// one time in two zones: the desk's is the one meant ("CET" written
	// in Paris's summer is an hour off)
	{"", "By 17:00 CET (16:00 UK).", "2023-10-18T16:00:00+01:00"},
	{"", "Please reply by 18:00 CET (17:00 UK time).", "2023-10-18T17:00:00+01:00"},
	{"", "By 5pm UK / 6pm CET.", "2023-10-18T17:00:00+01:00"},
	{"", "The summit starts at 18:00 CET (17:00 UK).", none},
	{"", "Need it by 3pm NY.", "2023-10-18T20:00:00+01:00"},
	{"", "We met in NY last week.", none},
	// shorthand: Australian "arvo" (afternoon), "tmr"
	{"", "Need it this arvo.", "2023-10-18T15:00:00+01:00"},
	{"", "Need it by tmrw arvo.", "2023-10-19T15:00:00+01:00"},
	{"", "Need a line by tmr.", "2023-10-19T17:00:00+01:00"},
	{"", "The arvo was nice.", none},
	// a deadline changed, and a need denied
	{"", "Our deadline has changed from 5pm to 3pm.", "2023-10-18T15:00:00+01:00"},
	{"", "The meeting has moved from 5pm to 3pm.", none},
	{"", "Open from 9am to 5pm.", none},
	{"", "Deadline was 5pm but is now 3pm.", "2023-10-18T15:00:00+01:00"},
	{"", "The vote was at 5pm but is now 3pm.", none},
	{"", "No longer need it by 4 - tomorrow morning is fine.", "2023-10-19T09:00:00+01:00"},
	{"", "We don't need it by 4 - tomorrow is fine.", "2023-10-19T17:00:00+01:00"},
	{"", "We do not need it by 4.", none},
	{"", "We don't need much, but need it by 4.", "2023-10-18T16:00:00+01:00"},
	// American "3p", "10a" glued to the hour
	{"", "Need it by 3p ET.", "2023-10-18T20:00:00+01:00"},
	{"", "Need it by 10a tomorrow.", "2023-10-19T10:00:00+01:00"},
	{"", "Can you respond by 2:30p?", "2023-10-18T14:30:00+01:00"},
	{"", "See section 3a of the act.", none},
	{"", "Plan B by 3p said.", none},
	// a bare hour with "-ish" offered as the time
	{"", "Around 2ish would be good.", "2023-10-18T14:00:00+01:00"},
	{"", "4-ish works.", "2023-10-18T16:00:00+01:00"},
	{"", "The 2ish crowd was big.", none},
	{"", "We had 5ish people, which was great.", none},
	// someone else's word reported is told, not asked
	{"", "The embassy said it would respond by Friday.", none},
	{"", "He said he'd call back by COB but didn't.", none},
	{"", "The spokesman told me he would get back to me by 3pm, but nothing yet. I now need it by 5pm.", "2023-10-18T17:00:00+01:00"},
	{"", "The FCDO says it will publish the figures by Friday.", none},
	{"", "I said I would need it by 4pm.", "2023-10-18T16:00:00+01:00"},
	{"", "My editor said he would need it by 5pm.", "2023-10-18T17:00:00+01:00"},
	// "before we publish at 4" as "before we go to print at 6"
	{"", "It would be great to have your comment before we publish at 4.", "2023-10-18T16:00:00+01:00"},
	{"", "We publish at 4.", none},
	{"", "The report was published at 4.", none},
	{"", "Before they publish at 4, the minister will speak.", none},
	// "for" opening the text (found by FuzzExtractDeadline: an index
	// before the first token)
	{"", "for 1", none},
}

// TestEleventhRoundForms reads the eleventh round's forms and leaves their
// look-alikes unread.
func TestEleventhRoundForms(t *testing.T) {
	loc := london(t)
	for _, c := range eleventhRoundCases {
		t.Run(c.text, func(t *testing.T) {
			at := wed1000
			if c.sent != "" {
				at = c.sent
			}
			checkExtractAt(t, c.text, mustTime(t, at), loc, c.want)
		})
	}
}

// TestContactTail: the lines under a telephone number in the last
// paragraph are a signature's standing lines, not this message's
// deadline; a number in the body, or in the first paragraph, is not.
func TestContactTail(t *testing.T) {
	loc := london(t)
	sent := mustTime(t, wed1000)
	for _, c := range []struct{ text, want string }{
		{"Hi,\n\nIs the PM looking at an Italy-style deal?\n\nKirsty\n\nKirsty Blane\nPolitical Correspondent, i\n07700 900 420 | @kblane_i\nOn deadline: 5pm", none},
		{"Hi,\n\nIs the PM looking at an Italy-style deal?\n\nKirsty Blane\nT: +44 (0)20 7946 0311\nDeadline 5pm", none},
		{"Hi,\n\nIs the PM looking at an Italy-style deal? Deadline 5pm.\n\nKirsty Blane\n07700 900 420\nOn deadline: 5pm", "2023-10-18T17:00:00+01:00"},
		{"Call me on 07700 900 420\nNeed a line by 4pm.", "2023-10-18T16:00:00+01:00"},
		{"Hi,\n\nCall me on 07700 900 420\nNeed a line by 4pm.", "2023-10-18T16:00:00+01:00"},
		{"Hi,\n\nKirsty Blane\n07700 900 420\n\nP.S. Need a line by 4pm.", "2023-10-18T16:00:00+01:00"},
		{"Hi,\n\nThanks for this.\nCall me on 07700 900 420\nNeed a line by 4pm.", "2023-10-18T16:00:00+01:00"},
		{"Hi,\n\nQuestion on Rwanda.\n\nJo\n07700 900 420\nPlease reply by 4pm.", "2023-10-18T16:00:00+01:00"},
		{"Hi,\n\nQuestion on Rwanda.\n\nJo\n07700 900 420\nDeadline 5pm today", "2023-10-18T17:00:00+01:00"},
		{"Hi,\n\nQuestion on Rwanda.\n\nKirsty Blane, 07700 900 420. Need a line by 4pm.", "2023-10-18T16:00:00+01:00"},
	} {
		checkExtractAt(t, c.text, sent, loc, c.want)
	}
}

// BenchmarkExtractRepeatedEleventh reads the eleventh round's forms over
// and over in one sentence with no break (256 kB each): hostile text must
// not make every mention read all of it.
func BenchmarkExtractRepeatedEleventh(b *testing.B) {
	loc := london(b)
	sent := mustTime(b, wed1000)
	for _, unit := range []string{"Will the UK act by 4pm, ", "By close please, ", "need a line by Wed, ", "by the top of the hour need it, ",
		"Six-ish at the latest please, ", "anything before would be great, ", "any chance of something in the next hour, ",
		"Tomorrow is fine, ", "by Oct. 20 ", "COB 7/12 (Thurs) is fine, ", "please reply today, until 11pm KST, ", "07700 900 420\n",
		"could we have it for 6, ", "do Britons need to register by Friday, ", "deadline was 5pm but is now 3pm, ", "we don't need it by 4, ",
		"please reply within today, ", "by 17:00 CET (16:00 UK), ", "he said he'd call back by 4 and "} {
		text := strings.Repeat(unit, MaxText/len(unit))
		b.Run(strings.Fields(unit)[0], func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				Extract(text, sent, loc)
			}
		})
	}
}
