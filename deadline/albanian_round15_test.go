package deadline

import "testing"

// albanianRound15Cases are Albanian forms written afresh for round 15
// (mldev11's unread kinds, none copied from the set), each with the
// look-alikes that must stay unread. Sent Wednesday 18 October 2023 10:00
// from Tirana (+02:00, CEST), 09:00 in London: "ora jonë" (our time) is
// the sender's.
var albanianRound15Cases = []struct{ text, want string }{
	// "para saj/tij" (before it) pointing back to the programme's time
	// where the sentence asks, as "before then"
	{"Emisioni ynë del sonte, ju lutem nëse mundeni para tij.", "2023-10-18T19:00:00+01:00"},
	{"Kemi lidhje direkte në orën 14:00 ora jonë, prandaj na duhet një koment para saj.", "2023-10-18T13:00:00+01:00"},
	{"Ministri foli para saj në orën 13:00.", none},
	{"Kemi lidhje direkte në 13:00 ora jonë.", none},
	// Gheg "mbasdite" (afternoon) after an hour is pm
	{"Ju lutem deri n'ora 3 mbasdite.", "2023-10-18T15:00:00+01:00"},
	{"Ju lutem deri ne oren 2 mbasdite, sepse lajmet dalin ne 3.", "2023-10-18T14:00:00+01:00"},
	{"Emisioni transmetohet në orën 4 mbasdite.", none},
	{"Mbasdite ministri takoi ambasadorin.", none},
	// a city's or a country's clock in the genitive ("me orën e Dubait")
	{"Na duhet përgjigjja deri në 17:00 me orën e Stambollit.", "2023-10-18T15:00:00+01:00"},
	{"Pres përgjigje deri në 18:00 sipas orës së Moskës.", "2023-10-18T16:00:00+01:00"},
	{"Zyra është e hapur deri në 16:00 me orën e Dubait.", none},
	{"Konferenca për shtyp fillon në 15:00 me orën e Moskës.", none},
	// feminine "tri" (three) with hours; "para N orësh" is N hours ago
	{"Ju lutem përgjigjuni brenda tri orëve.", "2023-10-18T12:00:00+01:00"},
	{"Takimi zgjati tri orë.", none},
	{"Ministri mbërriti para tri orësh.", none},
	{"Ministri mbërriti para dy orësh.", none},
	{"Lajmi u publikua para një ore.", none},
	{"Deklarata doli para gjysmë ore.", none},
	// "deri atëherë në orën 10" (by then at 10): the day named before,
	// at that hour, where the sentence asks (English alike)
	{"Reportazhi im mbyllet të premten, ndaj ju lutem deri atëherë në orën 10.", "2023-10-20T10:00:00+01:00"},
	{"Shkrimi dorëzohet të enjten; ju lutem përgjigjuni deri atëherë, në orën 3.", "2023-10-19T15:00:00+01:00"},
	{"The feature closes on Friday, so please by then at 10.", "2023-10-20T10:00:00+01:00"},
	{"Our feature runs on Friday. Could you reply by then, at 2pm?", "2023-10-20T14:00:00+01:00"},
	{"Ministri mbërrin të hënën dhe deri atëherë në orën 11 do të takojë kryetarin.", none},
	{"Bisedimet mbyllen të premten, ndërsa deri atëherë në orën 10 mbahet konferenca.", none},
	{"The minister lands on Friday, and by then at 10 the summit is over.", none},
	// "brenda ditës" (within the day) asked is the day's end
	{"Ju lutem na dërgoni një koment brenda ditës.", "2023-10-18T17:00:00+01:00"},
	{"Ambasadori do të mbërrijë brenda ditës.", none},
	// someone's time or deadline told ("ka afat/kohë deri", "i dha
	// afat"), the journalist's own ("kemi kohë deri"), opening hours
	{"Komuna ka afat deri të enjten për të paraqitur planin.", none},
	{"Deputetët kanë kohë deri në orën 16:00 për amendamentet.", none},
	{"Ministria i dha afat deri nesër kompanisë.", none},
	{"Kemi kohë deri në 16:00 për ta mbyllur lajmin.", "2023-10-18T16:00:00+01:00"},
	{"Muzeu është i hapur deri në orën 18:00.", none},
	{"Sportelet janë të hapura deri në 15:00 ora e Tiranës.", none},
	// someone's word reported ("tha se do të", "premtoi se do të")
	{"Zëdhënësi tha se do të përgjigjet deri në orën 4.", none},
	{"Ministria premtoi se do të publikojë raportin deri të premten.", none},
	{"Redaktori im tha se duhet ta dorëzoj shkrimin deri në orën 5.", "2023-10-18T17:00:00+01:00"},
	// Gheg: "n'ora" (at the hour), "mbramje" (evening), "ma së voni"
	// (at the latest), "jo ma vonë se" (no later than); "para tyre"
	// (before them) as "before then"
	{"Na duhet pergjigja deri n'ora 2.", "2023-10-18T14:00:00+01:00"},
	{"Na duhet një koment deri n'mbramje.", "2023-10-18T19:00:00+01:00"},
	{"Jo ma vonë se ora 4, ju lutem.", "2023-10-18T16:00:00+01:00"},
	{"Ma së voni n'ora 5, ju lutem.", "2023-10-18T17:00:00+01:00"},
	{"Lajmet e mbrëmjes dalin në ora 7, ju lutem një përgjigje para tyre.", "2023-10-18T19:00:00+01:00"},
	{"Ministri foli n'ora 5.", none},
	{"Ministri mbërrin n'mbramje.", none},
	// something that lasts until a time ("vazhdon/zgjat deri")
	{"Seminari vazhdon deri në orën 15:00.", none},
	{"Vizita zgjat deri të premten.", none},
	{"Redaksia punon deri në orën 22:00.", none},
	// the programme in the genitive ("para emisionit të orës 9")
	{"Ju lutem një koment para emisionit të orës 9 të mbrëmjes.", "2023-10-18T21:00:00+01:00"},
	{"Emisioni i orës 9 të mbrëmjes e ftoi ministrin.", none},
	// "gjatë" (during) a part of today; the desk's own clock ("sipas
	// orës suaj", by your time)
	{"Ju lutem një përgjigje gjatë ditës së sotme.", "2023-10-18T17:00:00+01:00"},
	{"Na dërgoni diçka sot gjatë pasdites, ju lutem.", "2023-10-18T15:00:00+01:00"},
	{"Ambasadori do të flasë gjatë pasdites.", none},
	{"Ju lutem deri në orën 3 sipas orës suaj.", "2023-10-18T15:00:00+01:00"},
	{"Sa është ora juaj tani?", none},
	// the part of the day in its definite form ("pasditen", "mbrëmjen")
	{"Na duhet një koment nesër pasditen.", "2023-10-19T15:00:00+01:00"},
	{"Ju lutem deri të enjten mbrëmjen.", "2023-10-19T19:00:00+01:00"},
	{"Ju lutem nesër gjatë paradites.", "2023-10-19T09:00:00+01:00"},
	{"Ministri foli mbrëmjen e djeshme në televizion.", none},
	{"Ambasadori do të mbërrijë nesër pasditen.", none},
}

func TestAlbanianRoundFifteen(t *testing.T) {
	loc := london(t)
	sent := mustTime(t, "2023-10-18T10:00:00+02:00")
	for _, c := range albanianRound15Cases {
		t.Run(c.text, func(t *testing.T) {
			checkExtractAt(t, c.text, sent, loc, c.want)
		})
	}
}
