package deadline

import (
	"strings"
	"testing"
)

// twelfthRoundCases are the general forms the twelfth round's probe of
// hurried mail found unread, each with look-alikes that must stay unread.
// Sent Wednesday 18 October 2023 10:00 in London unless the case names
// another moment.
var twelfthRoundCases = []struct{ sent, text, want string }{
	// a day alone offered as the time wished is that day's 17:00, as "by
	// Friday" and "Tomorrow is fine." are
	{"", "If possible, today.", "2023-10-18T17:00:00+01:00"},
	{"", "Ideally today.", "2023-10-18T17:00:00+01:00"},
	{"", "Ideally, tomorrow.", "2023-10-19T17:00:00+01:00"},
	{"", "Today please.", "2023-10-18T17:00:00+01:00"},
	{"", "Today if possible.", "2023-10-18T17:00:00+01:00"},
	{"", "Today if poss.", "2023-10-18T17:00:00+01:00"},
	{"", "Friday if you can.", "2023-10-20T17:00:00+01:00"},
	{"", "Si es posible, hoy.", "2023-10-18T17:00:00+01:00"},
	{"", "If possible, today the minister will visit.", none},
	{"", "Today, the minister visited.", none},
	{"", "Today please note the new number.", none},
	{"", "Today is the anniversary.", none},
	{"", "The minister arrives today.", none},
	{"", "Ideally the minister would come today.", none},
	{"", "If possible, today please.", "2023-10-18T17:00:00+01:00"},
	{"", "If possible, today would be great.", "2023-10-18T17:00:00+01:00"},
	{"", "If possible, tomorrow would be ideal.", "2023-10-19T17:00:00+01:00"},
	{"", "If possible, today would be great news for the minister.", none},
	{"", "If possible, today please note the change.", none},
	// Russian and Ukrainian "today until 16 hours": the hour after the day
	// is the clock, as it is after "до" alone
	{"", "Нужен комментарий сегодня до 16 часов.", "2023-10-18T16:00:00+01:00"},
	{"", "Ответьте, пожалуйста, сегодня до 16 часов.", "2023-10-18T16:00:00+01:00"},
	{"", "Потрібен коментар сьогодні до 16 години.", "2023-10-18T16:00:00+01:00"},
	{"", "Нужен комментарий до 16 часов.", "2023-10-18T16:00:00+01:00"},
	{"", "Пресс-конференция начнется сегодня в 15:00.", none},
	{"", "Министр будет сегодня в течение 16 часов.", none},
	// a day and month glued with hyphens, as spreadsheets write them
	{"", "Could you get back to me by 19-Oct?", "2023-10-19T17:00:00+01:00"},
	{"", "Need a comment by 19-Oct please.", "2023-10-19T17:00:00+01:00"},
	{"", "Deadline 19-Oct-23, 5pm.", "2023-10-19T17:00:00+01:00"},
	{"", "Need it by 19-Oct-2023.", "2023-10-19T17:00:00+01:00"},
	{"", "The summit was held on 12-Oct.", none},
	{"", "Need it by 6-may.", none},
	// a tight deadline, then its time
	{"", "Deadline is tight - 2pm.", "2023-10-18T14:00:00+01:00"},
	{"", "Deadline's tight: 2pm.", "2023-10-18T14:00:00+01:00"},
	{"", "Tight deadline, 3pm.", "2023-10-18T15:00:00+01:00"},
	{"", "My deadline, 5pm, sorry.", "2023-10-18T17:00:00+01:00"},
	{"", "The minister set a deadline, 3pm, for bids.", none},
	{"", "Time is tight - 2pm.", none},
	{"", "The deadline is tight - the 2pm meeting moved.", none},
	{"", "Tight deadline, 3pm meeting.", none},
	// one time in two zones glued to a slash: the desk's is the one meant
	{"", "Please reply by 6pm CET/5pm UK.", "2023-10-18T17:00:00+01:00"},
	{"", "Deadline 18:00 CET/17:00 UK time.", "2023-10-18T17:00:00+01:00"},
	{"", "Need it by 12:00 CEST/11:00 BST.", "2023-10-18T11:00:00+01:00"},
	{"", "The summit starts at 18:00 CET/17:00 UK.", none},
	{"", "Open 24/7.", none},
	// American zones: "EST" written in summer is New York's clock, as "ET"
	// is; Central and Mountain time
	{"", "Need it by 5pm EST.", "2023-10-18T22:00:00+01:00"},
	{"2023-12-05T10:00:00+00:00", "Need it by 5pm EST.", "2023-12-05T22:00:00+00:00"},
	{"", "Need it by noon PST.", "2023-10-18T20:00:00+01:00"},
	{"", "Need it by 5pm CT.", "2023-10-18T23:00:00+01:00"},
	{"", "Need it by 9am MT tomorrow.", "2023-10-19T16:00:00+01:00"},
	{"", "Need it by 5pm CDT.", "2023-10-18T23:00:00+01:00"},
	{"", "The CT scan was at 5pm.", none},
	// a bare number of minutes after "in" ending its clause
	{"", "Need it in 30.", "2023-10-18T10:30:00+01:00"},
	{"", "Need something in the next 20.", "2023-10-18T10:20:00+01:00"},
	{"", "Need a response in 45.", "2023-10-18T10:45:00+01:00"},
	{"", "Could you get back to me in 20?", "2023-10-18T10:20:00+01:00"},
	{"", "I'll call you in 30.", none},
	{"", "Can you call me in 30?", none},
	{"", "The vote is in 30.", none},
	{"", "He was born in 1930.", none},
	{"", "Prices rose in 30 countries.", none},
	{"", "Back in 30.", none},
	// the journalist's hard stop
	{"", "Hard stop at 5.", "2023-10-18T17:00:00+01:00"},
	{"", "I have a hard stop at 5pm.", "2023-10-18T17:00:00+01:00"},
	{"", "Hard stop 4pm.", "2023-10-18T16:00:00+01:00"},
	{"", "Hard stop for the minister at 5.", none},
	{"", "The bus made a hard stop at 5.", none},
	// someone else's deadline reported is told, not asked
	{"", "Rishi Sunak set a deadline of Friday.", none},
	{"", "The Home Office had a deadline of 5pm for bids.", none},
	{"", "The EU has set a strict deadline of Friday.", none},
	{"", "Moscow imposed a deadline of midnight.", none},
	{"", "Hamas was given a deadline of Friday.", none},
	{"", "They set the deadline of 5pm for applications, and I need a line by 3pm.", "2023-10-18T15:00:00+01:00"},
	{"", "We have a hard deadline of 4pm.", "2023-10-18T16:00:00+01:00"},
	{"", "My editor set a deadline of 5pm.", "2023-10-18T17:00:00+01:00"},
	{"", "I've been set a deadline of 5pm.", "2023-10-18T17:00:00+01:00"},
	{"", "We've been given a deadline of 4pm.", "2023-10-18T16:00:00+01:00"},
	{"", "I was given a deadline of 4pm.", "2023-10-18T16:00:00+01:00"},
	// a reply in the past tense before "by" is told, not asked
	{"", "Last year they replied by 5pm.", none},
	{"", "Last time you replied by 5pm, thanks.", none},
	{"", "They answered before noon.", none},
	{"", "The FCDO responded by 3pm yesterday.", none},
	{"", "I'd be grateful if you replied by 3pm.", "2023-10-18T15:00:00+01:00"},
	{"", "It would be great if you answered by 4pm.", "2023-10-18T16:00:00+01:00"},
	{"", "I need this answered by 5pm.", "2023-10-18T17:00:00+01:00"},
	{"", "Can these be answered by 3?", "2023-10-18T15:00:00+01:00"},
	{"", "You replied to me by email; I need a follow-up by 4pm.", "2023-10-18T16:00:00+01:00"},
	// a rule others must keep, a deadline gone
	{"", "Applicants must register by Friday.", none},
	{"", "Britons have to leave by 5pm.", none},
	{"", "Airlines must submit plans by Friday.", none},
	{"", "Reporters must register by Friday for the visit, and I need a line by 3pm.", "2023-10-18T15:00:00+01:00"},
	{"", "I must file by 4.", "2023-10-18T16:00:00+01:00"},
	{"", "You must reply by 5pm.", "2023-10-18T17:00:00+01:00"},
	{"", "The statement must be with us by 5pm.", "2023-10-18T17:00:00+01:00"},
	{"", "Any comment must reach me by 4.", "2023-10-18T16:00:00+01:00"},
	{"", "Comments must be in by 4pm.", "2023-10-18T16:00:00+01:00"},
	{"", "Copy must go by 4.", "2023-10-18T16:00:00+01:00"},
	{"", "The 2pm deadline for evacuation has passed.", none},
	{"", "The 5pm deadline expired.", none},
	{"", "Our 5pm deadline is fixed.", "2023-10-18T17:00:00+01:00"},
	{"", "Need it before our 4pm deadline passes.", "2023-10-18T16:00:00+01:00"},
	// non-native: a 24-hour clock's hour alone after "deadline (is) at"
	{"", "We have deadline at 16.", "2023-10-18T16:00:00+01:00"},
	{"", "My deadline is at 16.", "2023-10-18T16:00:00+01:00"},
	{"", "Deadline at 16.", "2023-10-18T16:00:00+01:00"},
	{"", "The train leaves at 16.", none},
	{"", "The deadline at 16 countries passed.", none},
	{"", "Deadline at 16 November.", "2023-11-16T17:00:00+00:00"},
	// non-native "until" after the plural asked for
	{"", "I need the answers till 4pm.", "2023-10-18T16:00:00+01:00"},
	{"", "I need the answers till tomorrow noon.", "2023-10-19T12:00:00+01:00"},
	{"", "Answers till tomorrow noon please.", "2023-10-19T12:00:00+01:00"},
	{"", "The answers were posted until 4pm.", none},
	{"", "Comments are open until Friday.", none},
	{"", "Responses came in till 5pm.", none},
	{"", "We will take answers until 5pm.", none},
	// "Deadline?" answered at once
	{"", "Deadline? Today, 5pm.", "2023-10-18T17:00:00+01:00"},
	{"", "Deadline? 4pm.", "2023-10-18T16:00:00+01:00"},
	{"", "Deadline? Tomorrow.", "2023-10-19T17:00:00+01:00"},
	{"", "Deadline? The minister said 5pm.", none},
	{"", "What is the deadline? 5pm for applications.", none},
	{"", "Today, 5pm, the minister speaks.", none},
	// "17 h" spaced, as French writes it, in English
	{"", "Need it by 17 h.", "2023-10-18T17:00:00+01:00"},
	{"", "Could you answer before 17 h?", "2023-10-18T17:00:00+01:00"},
	{"", "We worked 17 h.", none},
	{"", "It took 14 h of work.", none},
	{"", "The conference starts at 17 h.", none},
	// "by" a bare number after a verb of change or of winning is a margin
	{"", "He won by 5.", none},
	{"", "Turnout rose by 5.", none},
	{"", "Labour won by 2.", none},
	{"", "They lost by 3.", none},
	{"", "Need it by 5.", "2023-10-18T17:00:00+01:00"},
	{"", "Prices rose by 5 today and I need a line by 4.", "2023-10-18T16:00:00+01:00"},
	// an hour in words after "by", then "please" ending the clause
	{"", "Reply by three please.", "2023-10-18T15:00:00+01:00"},
	{"", "Prices rose by three please.", none},
	{"", "Turnout fell by three, please note.", none},
	// the journalist filing for a broadcast
	{"", "I'm filing for the 6pm bulletin.", "2023-10-18T18:00:00+01:00"},
	{"", "We're filing for the 10pm news.", "2023-10-18T22:00:00+01:00"},
	{"", "He's filing for the 6pm bulletin.", none},
	{"", "The BBC is filing for the 6pm bulletin.", none},
}

// TestTwelfthRoundForms reads the twelfth round's forms and leaves their
// look-alikes unread.
func TestTwelfthRoundForms(t *testing.T) {
	loc := london(t)
	for _, c := range twelfthRoundCases {
		t.Run(c.text, func(t *testing.T) {
			at := wed1000
			if c.sent != "" {
				at = c.sent
			}
			checkExtractAt(t, c.text, mustTime(t, at), loc, c.want)
		})
	}
}

// BenchmarkExtractRepeatedTwelfth reads the twelfth round's forms over and
// over in one sentence with no break (256 kB each): hostile text must not
// make every mention read all of it.
func BenchmarkExtractRepeatedTwelfth(b *testing.B) {
	loc := london(b)
	sent := mustTime(b, wed1000)
	for _, unit := range []string{"If possible, today ", "Today if poss ", "by 19-Oct-23 ", "Deadline is tight - 2pm ", "Tight deadline, 3pm ",
		"6pm CET/5pm UK/", "Need it in 30 ", "Hard stop at 5 ", "Rishi Sunak set a deadline of Friday ", "they replied by 5pm ",
		"Applicants must register by Friday ", "The 2pm deadline for evacuation has passed ", "сегодня до 16 часов ", "Labour won by 2 ",
		"Deadline? 4pm. ", "We have deadline at 16 ", "I need the answers till 4pm ", "Need it by 17 h, "} {
		text := strings.Repeat(unit, MaxText/len(unit))
		b.Run(strings.Fields(unit)[0], func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				Extract(text, sent, loc)
			}
		})
	}
}
