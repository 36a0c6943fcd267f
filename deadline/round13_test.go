package deadline

import "testing"

// thirteenthRoundCases are the Portuguese, Albanian and Greek forms the
// mldev9 DEV set found unread, written afresh, each with look-alikes that
// must stay unread. Sent Wednesday 18 October 2023 10:00 in London.
var thirteenthRoundCases = []struct{ text, want string }{
	// Portuguese "fechar" (to close the piece) after a need is to file;
	// a place's closing stays an event
	{"Tenho que fechar às 14h.", "2023-10-18T14:00:00+01:00"},
	{"Precisamos fechar às 16h.", "2023-10-18T16:00:00+01:00"},
	{"A embaixada vai fechar às 15h.", none},
	{"As urnas fecham às 17h.", none},
	{"Preciso de fechar às 15h.", "2023-10-18T15:00:00+01:00"},
	// "aqui em São Paulo" after a time is Brasília's clock (UTC-3)
	{"Tenho que fechar às 14h aqui em São Paulo.", "2023-10-18T18:00:00+01:00"},
	{"Preciso da resposta até às 11h, hora de São Paulo.", "2023-10-18T15:00:00+01:00"},
	{"A votação é às 14h aqui em São Paulo.", none},
	{"Preciso fechar às 15h aqui no Rio.", "2023-10-18T19:00:00+01:00"},
	{"A festa começa às 15h aqui no Rio.", none},
	// "seria ótimo/bom ter" a reply at a time is the time wished
	{"Seria bom ter uma resposta amanhã de manhã.", "2023-10-19T09:00:00+01:00"},
	{"Seria óptimo ter uma reação hoje à noite.", "2023-10-18T19:00:00+01:00"},
	{"Seria ótimo ter mais voos para Lisboa.", none},
	// "(até) <day> chega" ending its clause: that day is enough
	{"Até sexta chega.", "2023-10-20T17:00:00+01:00"},
	{"Amanhã chega, obrigada.", "2023-10-19T17:00:00+01:00"},
	{"Até sexta-feira chega o relatório final.", none},
	{"Quinta-feira chega o novo cônsul.", none},
	{"O embaixador chega amanhã.", none},
	{"Sexta-feira serve, obrigado.", "2023-10-20T17:00:00+01:00"},
	{"Até sexta serve o jantar.", none},
	// Albanian "përgjigjja" (the answer), as the other forms of the word
	{"Na duhet përgjigjja sonte.", "2023-10-18T19:00:00+01:00"},
	{"Përgjigjja e ministrit erdhi sonte.", none},
	// "është mirë / në rregull" (is fine) after a time offered
	{"E premte është mirë.", "2023-10-20T17:00:00+01:00"},
	{"Ministri është mirë sot.", none},
	{"Situata është në rregull nesër.", none},
	// Greek "είναι καλά / εντάξει" (is fine) after a time offered
	{"Αύριο το πρωί είναι καλά.", "2023-10-19T09:00:00+01:00"},
	{"Πέμπτη είναι εντάξει.", "2023-10-19T17:00:00+01:00"},
	{"Ο πρέσβης είναι καλά σήμερα.", none},
	{"Ο υπουργός είναι μια χαρά σήμερα.", none},
	{"Η Παρασκευή είναι εντάξει για το ταξίδι του υπουργού.", none},
}

func TestThirteenthRoundForms(t *testing.T) {
	checkCasesWed(t, thirteenthRoundCases)
}
