package deadline

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/lang"
)

const none = ""

// foreignCases are sentences of our own (not from the multilingual set),
// sent Wednesday 18 October 2023 10:00 in London (BST); the fuzzer starts
// from them too.
var foreignCases = []struct {
	lang, text, want string
}{
	// German
	{"de", "Könnten Sie mir bis 14 Uhr antworten?", "2023-10-18T14:00:00+01:00"},
	{"de", "Ich bräuchte die Antwort bis morgen 12 Uhr.", "2023-10-19T12:00:00+01:00"},
	{"de", "Unsere Frist ist 16:00 MEZ.", "2023-10-18T16:00:00+01:00"},
	{"de", "Eine kurze Stellungnahme bis Freitag wäre toll.", "2023-10-20T17:00:00+01:00"},
	{"de", "Die Pressekonferenz beginnt um 15 Uhr.", none},
	// French
	{"fr", "Pourriez-vous me répondre avant 18h ?", "2023-10-18T18:00:00+01:00"},
	{"fr", "Merci de répondre avant 18h heure de Paris.", "2023-10-18T17:00:00+01:00"},
	{"fr", "J'aurais besoin d'une réponse d'ici demain midi.", "2023-10-19T12:00:00+01:00"},
	{"fr", "La conférence de presse est à 15h.", none},
	// Spanish
	{"es", "¿Podrían responder antes de las 15:00?", "2023-10-18T15:00:00+01:00"},
	{"es", "Necesito la respuesta antes de las 15:00 hora de Madrid.", "2023-10-18T14:00:00+01:00"},
	{"es", "Cierro la nota mañana a las 11:00.", "2023-10-19T11:00:00+01:00"}, // closing one's piece is filing (GUIDE 4 "filing at 6"; round 14)
	// Italian
	{"it", "Mi servirebbe una risposta entro le 17.", "2023-10-18T17:00:00+01:00"},
	{"it", "Può rispondere entro domani alle 12?", "2023-10-19T12:00:00+01:00"},
	{"it", "Chiudo il pezzo entro le 17 ora italiana.", "2023-10-18T16:00:00+01:00"},
	// Portuguese
	{"pt", "Precisamos de uma resposta até às 17h de hoje.", "2023-10-18T17:00:00+01:00"},
	// Dutch
	{"nl", "Graag een reactie vóór 16.00 uur.", "2023-10-18T16:00:00+01:00"},
	{"nl", "Kunt u uiterlijk morgenochtend reageren?", "2023-10-19T09:00:00+01:00"},
	// Albanian
	{"sq", "Ju lutem përgjigjuni deri në orën 16:00.", "2023-10-18T16:00:00+01:00"},
	{"sq", "Afati ynë është nesër në orën 12:00.", "2023-10-19T12:00:00+01:00"},
	// Serbian/Croatian/Bosnian
	{"sr", "Molim odgovor do 16.00.", "2023-10-18T16:00:00+01:00"},
	{"sr", "Treba nam izjava do petka.", "2023-10-20T17:00:00+01:00"},
	// Polish
	{"pl", "Prosimy o odpowiedź do 16.00.", "2023-10-18T16:00:00+01:00"},
	{"pl", "Potrzebujemy komentarza do piątku.", "2023-10-20T17:00:00+01:00"},
	// Ukrainian, Russian
	{"uk", "Просимо відповісти до 18:00 за київським часом.", "2023-10-18T16:00:00+01:00"},
	{"ru", "Ответ нужен до 18:00 по московскому времени.", "2023-10-18T16:00:00+01:00"},
	{"ru", "Пресс-конференция в 15:00.", none},
	// Turkish
	{"tr", "Lütfen saat 17.00'ye kadar yanıt verin.", "2023-10-18T17:00:00+01:00"},
	{"tr", "Yanıtınızı en geç 17.00 TSİ bekliyoruz.", "2023-10-18T15:00:00+01:00"},
	// Greek
	{"el", "Παρακαλώ απαντήστε έως τις 15:00.", "2023-10-18T15:00:00+01:00"},
	{"el", "Χρειαζόμαστε απάντηση έως τις 15:00 ώρα Ελλάδας.", "2023-10-18T13:00:00+01:00"},
	// Arabic
	{"ar", "نرجو الرد قبل الساعة 4", "2023-10-18T16:00:00+01:00"},
	{"ar", "نرجو الرد قبل الساعة ٤ بتوقيت لندن", "2023-10-18T16:00:00+01:00"},
	// a day before its cue, a zone after a comma or in brackets,
	// request words, spans
	{"pl", "Czekam na komentarz jutro do 15:00.", "2023-10-19T15:00:00+01:00"},
	{"ar", "نحتاج الرد غدا قبل الساعة 3 مساء", "2023-10-19T15:00:00+01:00"},
	{"es", "Necesito una respuesta antes de las 13:00, hora peninsular.", "2023-10-18T12:00:00+01:00"},
	{"tr", "Yorumunuzu yarın saat 11.00'e kadar (TSİ) bekliyoruz.", "2023-10-19T09:00:00+01:00"},
	{"nl", "Ik heb de reactie binnen het uur nodig.", "2023-10-18T11:00:00+01:00"},
	{"de", "Ich brauche die Antwort innerhalb einer Stunde.", "2023-10-18T11:00:00+01:00"},
	{"ru", "Ответ нужен до 17:00 по Лондону.", "2023-10-18T17:00:00+01:00"},
	{"pl", "Odpowiedź proszę do godz. 16.", "2023-10-18T16:00:00+01:00"},
	{"ru", "Комментарий нужен к 18 часам.", "2023-10-18T18:00:00+01:00"},
	{"de", "Bitte bis spätestens 16 Uhr.", "2023-10-18T16:00:00+01:00"},
	{"sr", "Molim odgovor najkasnije do 14 sati.", "2023-10-18T14:00:00+01:00"},
	{"sq", "Përgjigjen na duhet sot deri në orën 17.", "2023-10-18T17:00:00+01:00"},
	{"pt", "Resposta até às 18h00, por favor.", "2023-10-18T18:00:00+01:00"},
	{"es", "La respuesta antes de las 5 de la tarde, por favor.", "2023-10-18T17:00:00+01:00"},
	{"el", "Χρειαζόμαστε απάντηση έως τις 5 το απόγευμα.", "2023-10-18T17:00:00+01:00"},
	{"fr", "Merci de répondre avant la fin de la journée.", "2023-10-18T17:00:00+01:00"},
	{"tr", "Yanıtınızı yarın saat 12:00'ye kadar bekliyoruz.", "2023-10-19T12:00:00+01:00"},
	{"de", "Bitte bis 20.10. antworten.", "2023-10-20T17:00:00+01:00"},
	{"de", "Bitte bis Freitag, 20.10., 12 Uhr.", "2023-10-20T12:00:00+01:00"},
	{"hr", "Odgovor molim do 20.10.2023.", "2023-10-20T17:00:00+01:00"},
	{"tr", "Cevap 17.00'den önce lütfen.", "2023-10-18T17:00:00+01:00"},
	{"uk", "Відповідь потрібна до 18 год.", "2023-10-18T18:00:00+01:00"},
	// not deadlines: events, office hours, signatures
	{"de", "Unser Büro ist Montag bis Freitag von 9 bis 17 Uhr erreichbar.", none},
	{"de", "Pressestelle, Sprechzeiten 9-17 Uhr", none},
	{"fr", "Le point presse aura lieu à 11h.", none},
	{"it", "La conferenza stampa si terrà alle 15.", none},
	{"es", "La rueda de prensa será a las 12:00.", none},
	{"el", "Η συνέντευξη τύπου στις 15:00 θα μεταδοθεί.", none},
	{"tr", "Basın toplantısı saat 14.00'te.", none},
	// --- the grammar of each language, phrase by phrase (our own sentences)
	// German: clock forms, days, dates with declension, zones, spans
	{"de", "Wir brauchen Ihre Stellungnahme bis heute 15:30 Uhr.", "2023-10-18T15:30:00+01:00"},
	{"de", "Unser Redaktionsschluss ist um 16 Uhr.", "2023-10-18T16:00:00+01:00"},
	{"de", "Bitte antworten Sie bis morgen früh.", "2023-10-19T09:00:00+01:00"},
	{"de", "Könnten Sie bis heute Nachmittag antworten?", "2023-10-18T15:00:00+01:00"},
	{"de", "Bis Donnerstag, 12 Uhr, wäre ideal.", "2023-10-19T12:00:00+01:00"},
	{"de", "Eine Antwort bis zum 20. Oktober wäre hilfreich.", "2023-10-20T17:00:00+01:00"},
	{"de", "Bitte bis heute Abend.", "2023-10-18T19:00:00+01:00"},
	{"de", "Bis 17 Uhr MESZ bräuchten wir Ihre Antwort.", "2023-10-18T16:00:00+01:00"},
	{"de", "Bitte antworten Sie innerhalb von zwei Stunden.", "2023-10-18T12:00:00+01:00"},
	{"de", "Antwort bitte bis Mittag.", "2023-10-18T12:00:00+01:00"},
	{"de", "Spätestens um 14.30 Uhr brauche ich die Zahlen.", "2023-10-18T14:30:00+01:00"},
	{"de", "Bis Montag 10 Uhr, bitte.", "2023-10-23T10:00:00+01:00"},
	{"de", "Wir bräuchten die Antwort vor 13 Uhr deutscher Zeit.", "2023-10-18T12:00:00+01:00"},
	{"de", "Geht das bis morgen, 10 Uhr?", "2023-10-19T10:00:00+01:00"},
	{"de", "Eine Antwort bis Ende des Tages wäre gut.", "2023-10-18T17:00:00+01:00"},
	{"de", "Wir senden heute um 18 Uhr und brauchen Ihre Antwort bis 16:45 Uhr.", "2023-10-18T16:45:00+01:00"},
	{"de", "Das Interview gestern um 14 Uhr war sehr hilfreich.", none},
	{"de", "Die Sitzung findet am Freitag um 10 Uhr statt.", none},
	{"de", "Der Minister landet um 15 Uhr in Tirana.", none},
	// French
	{"fr", "Pourriez-vous nous répondre d'ici 16h30 ?", "2023-10-18T16:30:00+01:00"},
	{"fr", "J'ai besoin de votre réponse avant midi.", "2023-10-18T12:00:00+01:00"},
	{"fr", "Merci de nous répondre avant demain 10h.", "2023-10-19T10:00:00+01:00"},
	{"fr", "Une réponse avant vendredi serait parfaite.", "2023-10-20T17:00:00+01:00"},
	{"fr", "Notre bouclage est à 17 heures.", "2023-10-18T17:00:00+01:00"},
	{"fr", "Pouvez-vous répondre avant 15h, heure de Bruxelles ?", "2023-10-18T14:00:00+01:00"},
	{"fr", "Merci de répondre d'ici ce soir.", "2023-10-18T19:00:00+01:00"},
	{"fr", "Merci de répondre demain matin au plus tard.", "2023-10-19T09:00:00+01:00"},
	{"fr", "Une réponse avant le 20 octobre serait utile.", "2023-10-20T17:00:00+01:00"},
	{"fr", "Pourriez-vous répondre dans l'heure ?", "2023-10-18T11:00:00+01:00"},
	{"fr", "Nous avons besoin d'une réponse dans les deux heures.", "2023-10-18T12:00:00+01:00"},
	{"fr", "Je boucle à 16h.", "2023-10-18T16:00:00+01:00"},
	{"fr", "Au plus tard jeudi à 11h, s'il vous plaît.", "2023-10-19T11:00:00+01:00"},
	{"fr", "Réponse souhaitée avant 14h00 (heure française).", "2023-10-18T13:00:00+01:00"},
	{"fr", "Pourriez-vous me répondre cet après-midi ?", "2023-10-18T15:00:00+01:00"},
	{"fr", "La conférence de presse d'hier à 14h était intéressante.", none},
	{"fr", "Le ministre arrive à 15h à Tirana.", none},
	// Spanish
	{"es", "Necesitamos su respuesta antes de las 16:30.", "2023-10-18T16:30:00+01:00"},
	{"es", "¿Podría responder hoy antes de las 14h?", "2023-10-18T14:00:00+01:00"},
	{"es", "Nuestro cierre es a las 18:00.", "2023-10-18T18:00:00+01:00"},
	{"es", "Le agradecería una respuesta antes del viernes.", "2023-10-20T17:00:00+01:00"},
	{"es", "Necesito la información mañana por la mañana.", "2023-10-19T09:00:00+01:00"},
	{"es", "Antes del mediodía, por favor.", "2023-10-18T12:00:00+01:00"},
	{"es", "Por favor, responda antes de las 15:00 hora peninsular.", "2023-10-18T14:00:00+01:00"},
	{"es", "Necesito su respuesta antes del 20 de octubre.", "2023-10-20T17:00:00+01:00"},
	{"es", "¿Puede respondernos en la próxima hora?", "2023-10-18T11:00:00+01:00"},
	{"es", "Necesito la respuesta esta tarde.", "2023-10-18T15:00:00+01:00"},
	{"es", "Respuesta a más tardar a las 17:00, por favor.", "2023-10-18T17:00:00+01:00"},
	{"es", "Tenemos de plazo hasta las 13:00 de mañana.", "2023-10-19T13:00:00+01:00"},
	{"es", "Antes de las 6 de la tarde, por favor.", "2023-10-18T18:00:00+01:00"},
	{"es", "Necesitamos la respuesta antes de las 16:00 (hora de Madrid).", "2023-10-18T15:00:00+01:00"},
	{"es", "Ayer a las 15:00 hablamos con su oficina.", none},
	{"es", "La reunión empieza a las 11:00.", none},
	// Italian
	{"it", "Avrei bisogno di una risposta entro le 16:30.", "2023-10-18T16:30:00+01:00"},
	{"it", "Potrebbe rispondere entro stasera?", "2023-10-18T19:00:00+01:00"},
	{"it", "Ci serve un commento entro venerdì.", "2023-10-20T17:00:00+01:00"},
	{"it", "Entro domani mattina, per favore.", "2023-10-19T09:00:00+01:00"},
	{"it", "Risposta entro le ore 15, grazie.", "2023-10-18T15:00:00+01:00"},
	{"it", "Ci serve entro oggi pomeriggio.", "2023-10-18T15:00:00+01:00"},
	{"it", "Entro le 14 ora di Roma, grazie.", "2023-10-18T13:00:00+01:00"},
	{"it", "Una risposta entro il 20 ottobre sarebbe utile.", "2023-10-20T17:00:00+01:00"},
	{"it", "Può rispondere entro un'ora?", "2023-10-18T11:00:00+01:00"},
	{"it", "Al più tardi alle 12, grazie.", "2023-10-18T12:00:00+01:00"},
	{"it", "Ci serve una risposta entro fine giornata.", "2023-10-18T17:00:00+01:00"},
	{"it", "Chiudiamo il servizio alle 18, ci serve il commento entro le 16.", "2023-10-18T16:00:00+01:00"},
	{"it", "La conferenza stampa di ieri alle 15 è stata utile.", none},
	{"it", "Il ministro arriverà alle 11 a Roma.", none},
	// Portuguese
	{"pt", "Precisamos da resposta até às 16h30.", "2023-10-18T16:30:00+01:00"},
	{"pt", "Pode responder até amanhã de manhã?", "2023-10-19T09:00:00+01:00"},
	{"pt", "Até sexta-feira, por favor.", "2023-10-20T17:00:00+01:00"},
	{"pt", "Gostaríamos de uma resposta até ao meio-dia.", "2023-10-18T12:00:00+01:00"},
	{"pt", "Preciso da resposta antes das 15h (hora de Lisboa).", "2023-10-18T15:00:00+01:00"},
	{"pt", "O nosso prazo é às 18h.", "2023-10-18T18:00:00+01:00"},
	{"pt", "Uma resposta até ao final do dia seria ótima.", "2023-10-18T17:00:00+01:00"},
	{"pt", "Resposta até 20 de outubro, por favor.", "2023-10-20T17:00:00+01:00"},
	{"pt", "Consegue responder dentro de duas horas?", "2023-10-18T12:00:00+01:00"},
	{"pt", "Precisamos ainda hoje, até às 17h.", "2023-10-18T17:00:00+01:00"},
	{"pt", "Preciso da resposta hoje à tarde.", "2023-10-18T15:00:00+01:00"},
	{"pt", "O ministro chega às 15h a Lisboa.", none},
	// Dutch
	{"nl", "Kunt u vóór 15.30 uur reageren?", "2023-10-18T15:30:00+01:00"},
	{"nl", "Graag uw reactie uiterlijk vrijdag.", "2023-10-20T17:00:00+01:00"},
	{"nl", "Wij hebben een reactie nodig voor 12.00 uur.", "2023-10-18T12:00:00+01:00"},
	{"nl", "Graag een reactie vandaag voor 17 uur.", "2023-10-18T17:00:00+01:00"},
	{"nl", "Kunt u morgen vóór 10 uur reageren?", "2023-10-19T10:00:00+01:00"},
	{"nl", "Graag een reactie uiterlijk vanmiddag.", "2023-10-18T15:00:00+01:00"},
	{"nl", "Graag een reactie vanavond.", "2023-10-18T19:00:00+01:00"},
	{"nl", "Onze deadline is 16.00 uur Nederlandse tijd.", "2023-10-18T15:00:00+01:00"},
	{"nl", "Kunt u binnen twee uur reageren?", "2023-10-18T12:00:00+01:00"},
	{"nl", "Graag een reactie vóór 20 oktober.", "2023-10-20T17:00:00+01:00"},
	{"nl", "Graag een reactie voor het einde van de dag.", "2023-10-18T17:00:00+01:00"},
	{"nl", "Graag een reactie voor de middag.", "2023-10-18T12:00:00+01:00"},
	{"nl", "De persconferentie begint om 14.00 uur.", none},
	// Albanian
	{"sq", "Ju lutem na përgjigjuni deri në ora 15:30.", "2023-10-18T15:30:00+01:00"},
	{"sq", "Na duhet një koment deri nesër në mëngjes.", "2023-10-19T09:00:00+01:00"},
	{"sq", "Afati ynë është ora 17:00.", "2023-10-18T17:00:00+01:00"},
	{"sq", "Deri të premten, ju lutem.", "2023-10-20T17:00:00+01:00"},
	{"sq", "Përgjigjen e presim para orës 14:00.", "2023-10-18T14:00:00+01:00"},
	{"sq", "Na duhet përgjigja deri në mesditë.", "2023-10-18T12:00:00+01:00"},
	{"sq", "Na duhet përgjigja deri sonte.", "2023-10-18T19:00:00+01:00"},
	{"sq", "Deri në orën 16:00 sipas orës së Tiranës.", "2023-10-18T15:00:00+01:00"},
	{"sq", "Ju lutem përgjigjuni brenda një ore.", "2023-10-18T11:00:00+01:00"},
	{"sq", "Përgjigjen e presim deri më 20 tetor.", "2023-10-20T17:00:00+01:00"},
	{"sq", "Na duhet deri në fund të ditës.", "2023-10-18T17:00:00+01:00"},
	{"sq", "Sot deri në ora 17, ju lutem.", "2023-10-18T17:00:00+01:00"},
	{"sq", "Konferenca për shtyp do të mbahet në orën 11:00.", none},
	// Serbian, Croatian, Bosnian
	{"sr", "Potreban nam je odgovor do 15:30.", "2023-10-18T15:30:00+01:00"},
	{"sr", "Molimo odgovor do sutra ujutro.", "2023-10-19T09:00:00+01:00"},
	{"sr", "Rok nam je u 17 časova.", "2023-10-18T17:00:00+01:00"},
	{"sr", "Do petka, molim.", "2023-10-20T17:00:00+01:00"},
	{"sr", "Molim vas odgovor pre 14 časova.", "2023-10-18T14:00:00+01:00"},
	{"sr", "Odgovor nam treba do podneva.", "2023-10-18T12:00:00+01:00"},
	{"sr", "Odgovor nam treba do večeras.", "2023-10-18T19:00:00+01:00"},
	{"sr", "Molim odgovor u roku od dva sata.", "2023-10-18T12:00:00+01:00"},
	{"sr", "Odgovor do 20. oktobra bi bio koristan.", "2023-10-20T17:00:00+01:00"},
	{"hr", "Odgovor do 20. listopada bio bi koristan.", "2023-10-20T17:00:00+01:00"},
	{"sr", "Molim odgovor do kraja dana.", "2023-10-18T17:00:00+01:00"},
	{"sr", "Odgovor danas do 16h.", "2023-10-18T16:00:00+01:00"},
	{"hr", "Molim odgovor do četvrtka u 12 sati.", "2023-10-19T12:00:00+01:00"},
	{"bs", "Trebamo izjavu najkasnije do 15 sati po sarajevskom vremenu.", "2023-10-18T14:00:00+01:00"},
	{"sr", "Konferencija za medije je u 12 časova.", none},
	// Polish
	{"pl", "Prosimy o odpowiedź do godziny 15:30.", "2023-10-18T15:30:00+01:00"},
	{"pl", "Potrzebuję komentarza do jutra rana.", "2023-10-19T09:00:00+01:00"},
	{"pl", "Do piątku, proszę.", "2023-10-20T17:00:00+01:00"},
	{"pl", "Prosimy o odpowiedź przed 14:00.", "2023-10-18T14:00:00+01:00"},
	{"pl", "Prosimy o odpowiedź do południa.", "2023-10-18T12:00:00+01:00"},
	{"pl", "Prosimy o odpowiedź do wieczora.", "2023-10-18T19:00:00+01:00"},
	{"pl", "Prosimy o odpowiedź do 16:00 czasu polskiego.", "2023-10-18T15:00:00+01:00"},
	{"pl", "Prosimy o odpowiedź w ciągu godziny.", "2023-10-18T11:00:00+01:00"},
	{"pl", "Prosimy o odpowiedź do 20 października.", "2023-10-20T17:00:00+01:00"},
	{"pl", "Prosimy o odpowiedź do końca dnia.", "2023-10-18T17:00:00+01:00"},
	{"pl", "Odpowiedź potrzebna dzisiaj do 16.", "2023-10-18T16:00:00+01:00"},
	{"pl", "Najpóźniej jutro o 10:00.", "2023-10-19T10:00:00+01:00"},
	{"pl", "Konferencja prasowa odbędzie się o 12:00.", none},
	// Ukrainian
	{"uk", "Просимо відповісти до 15:30.", "2023-10-18T15:30:00+01:00"},
	{"uk", "Відповідь потрібна завтра зранку.", "2023-10-19T09:00:00+01:00"},
	{"uk", "До п'ятниці, будь ласка.", "2023-10-20T17:00:00+01:00"},
	{"uk", "Відповідь потрібна сьогодні до 14:00.", "2023-10-18T14:00:00+01:00"},
	{"uk", "Відповідь потрібна до вечора.", "2023-10-18T19:00:00+01:00"},
	{"uk", "Просимо відповісти до 16:00 за київським часом.", "2023-10-18T14:00:00+01:00"},
	{"uk", "Просимо відповісти протягом години.", "2023-10-18T11:00:00+01:00"},
	{"uk", "Просимо відповісти до 20 жовтня.", "2023-10-20T17:00:00+01:00"},
	{"uk", "Просимо відповісти до кінця дня.", "2023-10-18T17:00:00+01:00"},
	{"uk", "Відповідь потрібна не пізніше 15:00.", "2023-10-18T15:00:00+01:00"},
	{"uk", "Брифінг відбудеться о 12:00.", none},
	// Russian
	{"ru", "Просим ответить до 15:30.", "2023-10-18T15:30:00+01:00"},
	{"ru", "Ответ нужен завтра утром.", "2023-10-19T09:00:00+01:00"},
	{"ru", "До пятницы, пожалуйста.", "2023-10-20T17:00:00+01:00"},
	{"ru", "Ответ нужен сегодня до 14:00.", "2023-10-18T14:00:00+01:00"},
	{"ru", "Ответ нужен до полудня.", "2023-10-18T12:00:00+01:00"},
	{"ru", "Ответ нужен до вечера.", "2023-10-18T19:00:00+01:00"},
	{"ru", "Просим ответить до 16:00 по киевскому времени.", "2023-10-18T14:00:00+01:00"},
	{"ru", "Просим ответить в течение часа.", "2023-10-18T11:00:00+01:00"},
	{"ru", "Просим ответить до 20 октября.", "2023-10-20T17:00:00+01:00"},
	{"ru", "Просим ответить до конца дня.", "2023-10-18T17:00:00+01:00"},
	{"ru", "Ответ нужен не позднее 15:00 по московскому времени.", "2023-10-18T13:00:00+01:00"},
	{"ru", "Брифинг состоится в 12:00.", none},
	// Turkish
	{"tr", "Yanıtınızı saat 15:30'a kadar bekliyoruz.", "2023-10-18T15:30:00+01:00"},
	{"tr", "Yarın sabaha kadar yanıt verebilir misiniz?", "2023-10-19T09:00:00+01:00"},
	{"tr", "Cuma gününe kadar yanıt rica ediyoruz.", "2023-10-20T17:00:00+01:00"},
	{"tr", "Bugün saat 14:00'ten önce yanıt verebilir misiniz?", "2023-10-18T14:00:00+01:00"},
	{"tr", "Öğlene kadar yanıt rica ediyoruz.", "2023-10-18T12:00:00+01:00"},
	{"tr", "Bu akşama kadar yanıt rica ediyoruz.", "2023-10-18T19:00:00+01:00"},
	{"tr", "Türkiye saatiyle 16:00'ya kadar yanıt rica ediyoruz.", "2023-10-18T14:00:00+01:00"},
	{"tr", "Bir saat içinde yanıt verebilir misiniz?", "2023-10-18T11:00:00+01:00"},
	{"tr", "20 Ekim'e kadar yanıt rica ediyoruz.", "2023-10-20T17:00:00+01:00"},
	{"tr", "Gün sonuna kadar yanıt rica ediyoruz.", "2023-10-18T17:00:00+01:00"},
	{"tr", "En geç yarın saat 10:00'da yanıt bekliyoruz.", "2023-10-19T10:00:00+01:00"},
	{"tr", "Basın toplantısı dün saat 15:00'te yapıldı.", none},
	// Greek
	{"el", "Χρειαζόμαστε απάντηση μέχρι τις 15:30.", "2023-10-18T15:30:00+01:00"},
	{"el", "Μπορείτε να απαντήσετε έως αύριο το πρωί;", "2023-10-19T09:00:00+01:00"},
	{"el", "Έως την Παρασκευή, παρακαλώ.", "2023-10-20T17:00:00+01:00"},
	{"el", "Παρακαλώ απαντήστε πριν τις 14:00.", "2023-10-18T14:00:00+01:00"},
	{"el", "Χρειαζόμαστε απάντηση έως το μεσημέρι.", "2023-10-18T12:00:00+01:00"},
	{"el", "Χρειαζόμαστε απάντηση μέχρι απόψε.", "2023-10-18T19:00:00+01:00"},
	{"el", "Χρειαζόμαστε απάντηση έως τις 16:00 ώρα Ελλάδος.", "2023-10-18T14:00:00+01:00"},
	{"el", "Χρειαζόμαστε απάντηση εντός μίας ώρας.", "2023-10-18T11:00:00+01:00"},
	{"el", "Χρειαζόμαστε απάντηση έως τις 20 Οκτωβρίου.", "2023-10-20T17:00:00+01:00"},
	{"el", "Χρειαζόμαστε απάντηση μέχρι το τέλος της ημέρας.", "2023-10-18T17:00:00+01:00"},
	{"el", "Το αργότερο μέχρι τις 15:00, παρακαλώ.", "2023-10-18T15:00:00+01:00"},
	{"el", "Η συνέντευξη Τύπου θα γίνει στις 12:00.", none},
	// Arabic
	{"ar", "نرجو الرد قبل الساعة 15:30", "2023-10-18T15:30:00+01:00"},
	{"ar", "نحتاج إلى تعليقكم غدا صباحا", "2023-10-19T09:00:00+01:00"},
	{"ar", "نرجو الرد قبل يوم الجمعة", "2023-10-20T17:00:00+01:00"},
	{"ar", "نرجو الرد قبل الساعة 2 ظهرا", "2023-10-18T14:00:00+01:00"},
	{"ar", "نرجو الرد قبل الظهر", "2023-10-18T12:00:00+01:00"},
	{"ar", "نرجو الرد قبل الساعة 16:00 بتوقيت غرينتش", "2023-10-18T17:00:00+01:00"},
	{"ar", "نرجو الرد خلال ساعة", "2023-10-18T11:00:00+01:00"},
	{"ar", "نرجو الرد قبل 20 أكتوبر", "2023-10-20T17:00:00+01:00"},
	{"ar", "نرجو الرد في موعد أقصاه الساعة 17:00", "2023-10-18T17:00:00+01:00"},
	{"ar", "نرجو الرد حتى الساعة 3 عصرا", "2023-10-18T15:00:00+01:00"},
	{"ar", "المؤتمر الصحفي سيعقد في الساعة 12:00", none},
	// --- more forms per language: clock styles, a day with its time,
	// ordinals and word numbers, zones, news bulletins and office hours
	{"de", "Bitte um Rückmeldung bis morgen früh um 9 Uhr.", "2023-10-19T09:00:00+01:00"},
	{"de", "Wir bräuchten das bis spätestens morgen 10:00.", "2023-10-19T10:00:00+01:00"},
	{"de", "Eine Antwort bis heute, 17 Uhr, wäre gut.", "2023-10-18T17:00:00+01:00"},
	{"de", "Bitte bis 17.30 Uhr antworten.", "2023-10-18T17:30:00+01:00"},
	{"de", "Bitte bis Dienstag, 10 Uhr.", "2023-10-24T10:00:00+01:00"},
	{"de", "Bitte bis 15:00 (MEZ).", "2023-10-18T15:00:00+01:00"},
	{"de", "Antwort bitte bis 15 Uhr Berliner Zeit.", "2023-10-18T14:00:00+01:00"},
	{"de", "Bitte antworten Sie bis heute Mittag.", "2023-10-18T12:00:00+01:00"},
	{"de", "Bitte bis Freitag, den 20. Oktober, 12 Uhr.", "2023-10-20T12:00:00+01:00"},
	{"de", "Unsere Sendung läuft um 20 Uhr.", none},
	{"de", "Die Redaktion ist von 8 bis 18 Uhr erreichbar.", none},
	{"de", "Wir berichten in der Donnerstagsausgabe.", none},
	{"fr", "Pourriez-vous répondre avant 14 h 30 ?", "2023-10-18T14:30:00+01:00"},
	{"fr", "J'en aurais besoin pour 15h.", "2023-10-18T15:00:00+01:00"},
	{"fr", "Merci de répondre au plus tard à 14h.", "2023-10-18T14:00:00+01:00"},
	{"fr", "Merci de répondre demain avant 10h.", "2023-10-19T10:00:00+01:00"},
	{"fr", "Merci de répondre avant jeudi midi.", "2023-10-19T12:00:00+01:00"},
	{"fr", "Merci de répondre d'ici jeudi.", "2023-10-19T17:00:00+01:00"},
	{"fr", "Merci de répondre ce soir avant 19h.", "2023-10-18T19:00:00+01:00"},
	{"fr", "Merci de répondre avant le vendredi 20 octobre à 12h.", "2023-10-20T12:00:00+01:00"},
	{"fr", "Merci de nous répondre avant 16h (heure de Bruxelles).", "2023-10-18T15:00:00+01:00"},
	{"fr", "Nous bouclons à 16h.", "2023-10-18T16:00:00+01:00"},
	{"fr", "Le sujet passera dans le journal de 20h.", none},
	{"fr", "Le standard est ouvert de 9h à 18h.", none},
	{"es", "Necesitamos la respuesta antes de las 15 horas.", "2023-10-18T15:00:00+01:00"},
	{"es", "Necesitamos la respuesta para las 15:00.", "2023-10-18T15:00:00+01:00"},
	{"es", "Necesitamos la respuesta hasta las 15:00.", "2023-10-18T15:00:00+01:00"},
	{"es", "¿Podrían responder mañana antes de las 10?", "2023-10-19T10:00:00+01:00"},
	{"es", "¿Podrían responder antes del mediodía de mañana?", "2023-10-19T12:00:00+01:00"},
	{"es", "¿Podrían responder hoy antes de las 18?", "2023-10-18T18:00:00+01:00"},
	{"es", "Respuesta a más tardar el jueves, por favor.", "2023-10-19T17:00:00+01:00"},
	{"es", "Necesito la respuesta antes de las 3 de la tarde.", "2023-10-18T15:00:00+01:00"},
	{"es", "La pieza sale en el informativo de las 21:00.", none},
	{"es", "Nuestro horario de atención es de 9:00 a 18:00.", none},
	{"it", "Mi serve una risposta entro le ore 15:00.", "2023-10-18T15:00:00+01:00"},
	{"it", "Mi serve una risposta entro le 15.30.", "2023-10-18T15:30:00+01:00"},
	{"it", "Mi serve una risposta entro domani alle 10.", "2023-10-19T10:00:00+01:00"},
	{"it", "Mi serve una risposta entro mezzogiorno.", "2023-10-18T12:00:00+01:00"},
	{"it", "Mi serve una risposta entro giovedì.", "2023-10-19T17:00:00+01:00"},
	{"it", "Mi serve una risposta per le 15.", "2023-10-18T15:00:00+01:00"},
	{"it", "Mi serve una risposta non oltre le 15.", "2023-10-18T15:00:00+01:00"},
	{"it", "Mi serve una risposta entro le 15 (ora italiana).", "2023-10-18T14:00:00+01:00"},
	{"it", "Il servizio va in onda nel tg delle 20.", none},
	{"pt", "Preciso da resposta até às 15h00.", "2023-10-18T15:00:00+01:00"},
	{"pt", "Preciso da resposta até as 15h.", "2023-10-18T15:00:00+01:00"},
	{"pt", "Preciso da resposta até às 15 horas.", "2023-10-18T15:00:00+01:00"},
	{"pt", "Preciso da resposta até amanhã às 10h.", "2023-10-19T10:00:00+01:00"},
	{"pt", "Preciso da resposta até ao fim do dia.", "2023-10-18T17:00:00+01:00"},
	{"pt", "Preciso da resposta até quinta-feira.", "2023-10-19T17:00:00+01:00"},
	{"pt", "Preciso da resposta antes das 15h.", "2023-10-18T15:00:00+01:00"},
	{"pt", "Preciso da resposta até às 15h (hora de Lisboa).", "2023-10-18T15:00:00+01:00"},
	{"pt", "A peça passa no telejornal das 20h.", none},
	{"nl", "Graag een reactie voor 16:00.", "2023-10-18T16:00:00+01:00"},
	{"nl", "Graag een reactie uiterlijk 16.00 uur.", "2023-10-18T16:00:00+01:00"},
	{"nl", "Graag een reactie uiterlijk om 16.00 uur.", "2023-10-18T16:00:00+01:00"},
	{"nl", "Graag een reactie morgenochtend voor 10.00 uur.", "2023-10-19T10:00:00+01:00"},
	{"nl", "Graag een reactie voor het einde van de middag.", "2023-10-18T17:00:00+01:00"},
	{"nl", "Graag een reactie vóór 16.00 uur Belgische tijd.", "2023-10-18T15:00:00+01:00"},
	{"nl", "Het item komt in het journaal van 20.00 uur.", none},
	{"sq", "Ju lutem na përgjigjuni deri në orën 14.", "2023-10-18T14:00:00+01:00"},
	{"sq", "Ju lutem na përgjigjuni deri në orën 14.00.", "2023-10-18T14:00:00+01:00"},
	{"sq", "Ju lutem na përgjigjuni sot deri në orën 14:00.", "2023-10-18T14:00:00+01:00"},
	{"sq", "Ju lutem na përgjigjuni deri nesër në orën 9:00.", "2023-10-19T09:00:00+01:00"},
	{"sq", "Ju lutem na përgjigjuni nesër deri në ora 9.", "2023-10-19T09:00:00+01:00"},
	{"sq", "Ju lutem na përgjigjuni jo më vonë se ora 14:00.", "2023-10-18T14:00:00+01:00"},
	{"sq", "Ju lutem na përgjigjuni deri në ora 2 pasdite.", "2023-10-18T14:00:00+01:00"},
	{"sq", "Na duhet përgjigja nesër herët në mëngjes.", "2023-10-19T09:00:00+01:00"},
	{"sq", "Ju lutem na përgjigjuni deri në orën 15:00 me orën e Tiranës.", "2023-10-18T14:00:00+01:00"},
	{"sq", "Ju lutem na përgjigjuni deri të enjten.", "2023-10-19T17:00:00+01:00"},
	{"sq", "Lajmet e orës 19:30 do ta transmetojnë.", none},
	{"sq", "Dje në orën 14:00 folëm me zyrën tuaj.", none},
	{"sr", "Molimo odgovor do 15 sati.", "2023-10-18T15:00:00+01:00"},
	{"sr", "Molimo odgovor do 15h.", "2023-10-18T15:00:00+01:00"},
	{"sr", "Molimo odgovor najkasnije do 15.", "2023-10-18T15:00:00+01:00"},
	{"sr", "Molimo odgovor sutra do 10 sati.", "2023-10-19T10:00:00+01:00"},
	{"sr", "Molimo odgovor do utorka.", "2023-10-24T17:00:00+01:00"},
	{"sr", "Molimo odgovor do 15 časova po lokalnom vremenu.", "2023-10-18T15:00:00+01:00"},
	{"sr", "Прилог ће бити емитован у Дневнику у 19:30.", none},
	{"sr", "Молимо одговор до 15 часова по београдском времену.", "2023-10-18T14:00:00+01:00"},
	{"sr", "Prilog ide u Dnevniku u 19:30.", none},
	{"pl", "Prosimy o odpowiedź do godziny 16:00.", "2023-10-18T16:00:00+01:00"},
	{"pl", "Prosimy o odpowiedź najpóźniej do 16.", "2023-10-18T16:00:00+01:00"},
	{"pl", "Prosimy o odpowiedź jutro do 10.", "2023-10-19T10:00:00+01:00"},
	{"pl", "Prosimy o odpowiedź do jutra do godz. 10.", "2023-10-19T10:00:00+01:00"},
	{"pl", "Prosimy o odpowiedź do czwartku.", "2023-10-19T17:00:00+01:00"},
	{"pl", "Materiał pójdzie w Wiadomościach o 19:30.", none},
	{"uk", "Просимо відповісти до 18 години.", "2023-10-18T18:00:00+01:00"},
	{"uk", "Просимо відповісти сьогодні до 18:00.", "2023-10-18T18:00:00+01:00"},
	{"uk", "Просимо відповісти завтра до 10:00.", "2023-10-19T10:00:00+01:00"},
	{"uk", "Просимо відповісти до обіду.", "2023-10-18T13:00:00+01:00"},
	{"uk", "Сюжет вийде в новинах о 19:00.", none},
	{"ru", "Просим ответить до 18 часов.", "2023-10-18T18:00:00+01:00"},
	{"ru", "Просим ответить к 18:00.", "2023-10-18T18:00:00+01:00"},
	{"ru", "Просим ответить завтра до 12.", "2023-10-19T12:00:00+01:00"},
	{"ru", "Просим ответить к вечеру.", "2023-10-18T19:00:00+01:00"},
	{"ru", "Просим ответить до 18:00 по Москве.", "2023-10-18T16:00:00+01:00"},
	{"ru", "Сюжет выйдет в новостях в 21:00.", none},
	{"tr", "Yanıtınızı saat 17'ye kadar bekliyoruz.", "2023-10-18T17:00:00+01:00"},
	{"tr", "Yanıtınızı bugün saat 16:00'ya kadar bekliyoruz.", "2023-10-18T16:00:00+01:00"},
	{"tr", "Yanıtınızı en geç saat 16:00'da bekliyoruz.", "2023-10-18T16:00:00+01:00"},
	{"tr", "Yanıtınızı 16:00'dan önce bekliyoruz.", "2023-10-18T16:00:00+01:00"},
	{"tr", "Yanıtınızı öğleden önce bekliyoruz.", "2023-10-18T12:00:00+01:00"},
	{"tr", "Yanıtınızı yarın saat 10'a kadar bekliyoruz.", "2023-10-19T10:00:00+01:00"},
	{"tr", "Yanıtınızı Cuma günü saat 12'ye kadar bekliyoruz.", "2023-10-20T12:00:00+01:00"},
	{"tr", "Yanıtınızı Türkiye saati ile 17.00'ye kadar bekliyoruz.", "2023-10-18T15:00:00+01:00"},
	{"tr", "Haber akşam bülteninde saat 19:00'da yayınlanacak.", none},
	{"el", "Παρακαλώ απαντήστε ως τις 15:00.", "2023-10-18T15:00:00+01:00"},
	{"el", "Παρακαλώ απαντήστε πριν από τις 15:00.", "2023-10-18T15:00:00+01:00"},
	{"el", "Παρακαλώ απαντήστε έως τις 3 το απόγευμα.", "2023-10-18T15:00:00+01:00"},
	{"el", "Παρακαλώ απαντήστε έως αύριο στις 10:00.", "2023-10-19T10:00:00+01:00"},
	{"el", "Παρακαλώ απαντήστε έως την Πέμπτη.", "2023-10-19T17:00:00+01:00"},
	{"el", "Παρακαλώ απαντήστε έως τις 15:00 (ώρα Ελλάδος).", "2023-10-18T13:00:00+01:00"},
	{"el", "Το θέμα θα μεταδοθεί στο δελτίο ειδήσεων των 20:00.", none},
	{"ar", "نرجو الرد قبل الساعة الرابعة عصرا", "2023-10-18T16:00:00+01:00"},
	{"ar", "نرجو الرد بحلول الساعة 5 مساء", "2023-10-18T17:00:00+01:00"},
	{"ar", "نرجو الرد حتى الساعة 16:00", "2023-10-18T16:00:00+01:00"},
	{"ar", "نرجو الرد قبل نهاية اليوم", "2023-10-18T17:00:00+01:00"},
	{"ar", "نرجو الرد صباح الغد قبل الساعة العاشرة", "2023-10-19T10:00:00+01:00"},
	{"ar", "نرجو الرد قبل الساعة 3 بعد الظهر بتوقيت لندن", "2023-10-18T15:00:00+01:00"},
	{"ar", "سيبث التقرير في نشرة الساعة الثامنة مساء", none},
	// --- zones in each language's words, spans, ends of week, a
	// deadline on its own line, someone available until a time (not a
	// deadline)
	{"sq", "Ju lutem përgjigjuni deri në ora 15 sipas kohës së Tiranës.", "2023-10-18T14:00:00+01:00"},
	{"sq", "Na duhet një koment deri nesër në orën 10:00 me orën e Prishtinës.", "2023-10-19T09:00:00+01:00"},
	{"sq", "Përgjigjen na e dërgoni deri në orën 15:00 (ora e Tiranës).", "2023-10-18T14:00:00+01:00"},
	{"sq", "Materiali del nesër në mëngjes, prandaj na duhet përgjigja sonte.", "2023-10-18T19:00:00+01:00"},
	{"sq", "Do të ishim mirënjohës për një përgjigje deri të hënën.", "2023-10-23T17:00:00+01:00"},
	{"sq", "Ju lutem përgjigjuni brenda 2 orëve.", "2023-10-18T12:00:00+01:00"},
	{"sq", "Jam në dispozicion deri në ora 18:00.", none},
	{"es", "Necesitaríamos la respuesta antes de las 16:00 (hora peninsular española).", "2023-10-18T15:00:00+01:00"},
	{"es", "Cerramos la edición a las 17:00, así que necesitamos la respuesta antes de las 16:00.", "2023-10-18T16:00:00+01:00"},
	{"es", "¿Podrían enviarnos una respuesta antes de las cuatro de la tarde?", "2023-10-18T16:00:00+01:00"},
	{"es", "Agradeceríamos respuesta antes de las 16.00 horas, hora de Madrid.", "2023-10-18T15:00:00+01:00"},
	{"es", "Necesito respuesta en las próximas dos horas.", "2023-10-18T12:00:00+01:00"},
	{"es", "Estoy disponible hasta las 18:00.", none},
	{"de", "Könnten Sie uns bis morgen Vormittag, 11 Uhr, antworten?", "2023-10-19T11:00:00+01:00"},
	{"de", "Die Antwort bräuchten wir spätestens um 15 Uhr MESZ.", "2023-10-18T14:00:00+01:00"},
	{"de", "Bitte antworten Sie in den nächsten zwei Stunden.", "2023-10-18T12:00:00+01:00"},
	{"de", "Bitte bis Ende der Woche.", "2023-10-20T17:00:00+01:00"},
	{"de", "Bitte bis nächsten Montag antworten.", "2023-10-23T17:00:00+01:00"},
	{"de", "Frist: heute, 14 Uhr.", "2023-10-18T14:00:00+01:00"},
	{"de", "Ich bin heute bis 18 Uhr unter 0171 234 567 erreichbar.", none},
	{"de", "Ich brauche das bis 15 Uhr, weil wir um 16 Uhr senden.", "2023-10-18T15:00:00+01:00"},
	{"fr", "Merci de me faire parvenir votre réponse avant 17h, heure de Paris.", "2023-10-18T16:00:00+01:00"},
	{"fr", "Une réponse d'ici demain matin 9h serait idéale.", "2023-10-19T09:00:00+01:00"},
	{"fr", "Nous publions demain matin, une réponse ce soir serait parfaite.", "2023-10-18T19:00:00+01:00"},
	{"fr", "Merci de répondre d'ici la fin de la semaine.", "2023-10-20T17:00:00+01:00"},
	{"fr", "Merci de répondre dans les 2 heures.", "2023-10-18T12:00:00+01:00"},
	{"fr", "Je suis joignable jusqu'à 18h.", none},
	{"it", "La chiusura del pezzo è alle 19, mi serve una risposta entro le 17 ora italiana.", "2023-10-18T16:00:00+01:00"},
	{"it", "Potreste rispondere entro le 16:00 di oggi?", "2023-10-18T16:00:00+01:00"},
	{"it", "Mi serve una risposta nelle prossime due ore.", "2023-10-18T12:00:00+01:00"},
	{"it", "Sono raggiungibile fino alle 18.", none},
	{"pt", "Agradecia resposta até amanhã, às 12h.", "2023-10-19T12:00:00+01:00"},
	{"pt", "Fecho a peça às 18h, por isso preciso de resposta até às 16h.", "2023-10-18T16:00:00+01:00"},
	{"pt", "Preciso de resposta nas próximas duas horas.", "2023-10-18T12:00:00+01:00"},
	{"nl", "Graag ontvang ik uw reactie vóór 15.00 uur vandaag.", "2023-10-18T15:00:00+01:00"},
	{"nl", "Mijn deadline is vandaag om 17.00 uur.", "2023-10-18T17:00:00+01:00"},
	{"nl", "Graag binnen 2 uur een reactie.", "2023-10-18T12:00:00+01:00"},
	{"nl", "Ik ben tot 18.00 uur bereikbaar.", none},
	{"sr", "Potreban nam je odgovor najkasnije do 16h po lokalnom vremenu.", "2023-10-18T16:00:00+01:00"},
	{"sr", "Rok za odgovor je danas u 15 sati.", "2023-10-18T15:00:00+01:00"},
	{"sr", "Molimo da nam odgovorite do sutra do 10 časova.", "2023-10-19T10:00:00+01:00"},
	{"sr", "Molim odgovor u narednih 2 sata.", "2023-10-18T12:00:00+01:00"},
	{"sr", "Dostupan sam do 18 sati.", none},
	{"pl", "Uprzejmie proszę o odpowiedź do godz. 15.00 czasu polskiego.", "2023-10-18T14:00:00+01:00"},
	{"pl", "Będę wdzięczny za odpowiedź do jutra do południa.", "2023-10-19T12:00:00+01:00"},
	{"pl", "Termin: dziś 14:00.", "2023-10-18T14:00:00+01:00"},
	{"pl", "Jestem dostępny do 18:00.", none},
	{"uk", "Будемо вдячні за відповідь до 16:00 (за Києвом).", "2023-10-18T14:00:00+01:00"},
	{"uk", "Просимо надати коментар до кінця робочого дня.", "2023-10-18T17:00:00+01:00"},
	{"uk", "Дедлайн: сьогодні о 14:00.", "2023-10-18T14:00:00+01:00"},
	{"ru", "Просим прислать комментарий до 15 часов по местному времени.", "2023-10-18T15:00:00+01:00"},
	{"ru", "Ответ нужен сегодня до 18:00 по Киеву.", "2023-10-18T16:00:00+01:00"},
	{"ru", "Я на связи до 18:00.", none},
	{"tr", "Yarın öğlene kadar bir açıklama yapabilir misiniz?", "2023-10-19T12:00:00+01:00"},
	{"tr", "Haberimiz saat 18.00'de yayınlanacak, bu yüzden saat 16.00'ya kadar yanıtınızı rica ederiz.", "2023-10-18T16:00:00+01:00"},
	{"tr", "2 saat içinde yanıt verebilir misiniz?", "2023-10-18T12:00:00+01:00"},
	{"tr", "Saat 18:00'e kadar ulaşılabilirim.", none},
	{"el", "Η προθεσμία μας είναι σήμερα στις 17:00.", "2023-10-18T17:00:00+01:00"},
	{"el", "Παρακαλώ απαντήστε μέσα σε 2 ώρες.", "2023-10-18T12:00:00+01:00"},
	{"el", "Παρακαλώ απαντήστε έως τις 3 το μεσημέρι.", "2023-10-18T15:00:00+01:00"},
	{"el", "Είμαι διαθέσιμος έως τις 18:00.", none},
	{"ar", "نرجو تزويدنا بالرد قبل الساعة الخامسة مساء بتوقيت القاهرة", "2023-10-18T15:00:00+01:00"},
	{"ar", "الموعد النهائي: اليوم الساعة 14:00", "2023-10-18T14:00:00+01:00"},
	{"ar", "أنا متاح حتى الساعة 18:00", none},
	// ranges of hours (office hours in a signature) are not deadlines
	{"de", "Redaktion: Mo–Fr 9 bis 18 Uhr", none},
	{"fr", "Horaires : de 9h à 18h", none},
	{"es", "Horario: de 9:00 a 18:00", none},
	{"it", "Orari: dalle 9 alle 18", none},
	{"pt", "Horário: das 9h às 18h", none},
	{"nl", "Bereikbaar van 9 tot 18 uur", none},
	{"sq", "Orari: nga ora 9 deri në 18", none},
	{"sr", "Radno vrijeme: od 9 do 17 sati", none},
	{"pl", "Godziny pracy: od 9 do 17", none},
	{"uk", "Графік: з 9 до 18", none},
	{"ru", "Часы работы: с 9 до 18", none},
	{"el", "Ωράριο: από 9 έως 18", none},
	{"ar", "ساعات العمل: من 9 إلى 18", none},
	{"de", "Am 20.10. bis 12 Uhr bitte.", "2023-10-20T12:00:00+01:00"},
	{"tr", "Yanıtınızı TSİ 17.00'ye kadar bekliyoruz.", "2023-10-18T15:00:00+01:00"},
	{"pl", "Prosimy o odpowiedź do 16:00 naszego czasu.", "2023-10-18T16:00:00+01:00"},
	{"ru", "Ответ нужен до 18:00 (МСК).", "2023-10-18T16:00:00+01:00"},
	{"el", "Παρακαλώ απαντήστε έως τις 15:00 ώρα Λονδίνου.", "2023-10-18T15:00:00+01:00"},
	{"sr", "Moramo objaviti tekst danas u 16h, pa bi odgovor trebao stići do 15h.", "2023-10-18T15:00:00+01:00"},
	// quantities and years after "bis/do/до/hasta" are not hours
	{"de", "Bis 15 Prozent weniger Ankünfte.", none},
	{"pl", "Do 15 procent mniej przepraw.", none},
	{"uk", "До 20 мільйонів фунтів на допомогу.", none},
	{"es", "Hasta 1.500 empleos nuevos.", none},
	{"fr", "Jusqu'à 12 000 personnes sont concernées.", none},
	{"sq", "Misioni vazhdon deri në 2026.", none},
	{"ru", "Миссия продлится до 2026 года.", none},
	{"tr", "Misyon 2026'ya kadar sürecek.", none},
	{"ar", "تستمر المهمة حتى عام 2026", none},
	{"pl", "Potrzebujemy odpowiedzi do 16 bo zamykamy wydanie.", "2023-10-18T16:00:00+01:00"},
	{"it", "Il collegamento è previsto per le 14.", none},
	{"fr", "La conférence est prévue pour 14h.", none},
	{"it", "Mi serve la risposta per le 15.", "2023-10-18T15:00:00+01:00"},
	// German and Dutch "halb drei" is half past two; an hour in words
	{"de", "Bitte bis halb drei.", "2023-10-18T14:30:00+01:00"},
	{"nl", "Graag een reactie voor half drie.", "2023-10-18T14:30:00+01:00"},
	{"de", "Bitte bis drei Uhr.", "2023-10-18T15:00:00+01:00"},
	{"fr", "Merci de répondre avant trois heures de l'après-midi.", "2023-10-18T15:00:00+01:00"},
	// clock spellings: Flemish "16u", Russian "18 ч", Arabic "4 م", "16 hs"
	{"nl", "Graag een reactie tegen 16u.", "2023-10-18T16:00:00+01:00"},
	{"nl", "Graag een reactie voor 16u30.", "2023-10-18T16:30:00+01:00"},
	{"ru", "Ответ нужен до 18 ч.", "2023-10-18T18:00:00+01:00"},
	{"ar", "نرجو الرد قبل الساعة 4 م", "2023-10-18T16:00:00+01:00"},
	{"es", "Necesito la respuesta antes de las 16 hs.", "2023-10-18T16:00:00+01:00"},
	// Arabic: "و" written onto the cue, hours in words with the part of the day
	{"ar", "نرجو الرد في أقرب وقت ممكن، وقبل الساعة 3 عصرا إن أمكن", "2023-10-18T15:00:00+01:00"},
	{"ar", "نرجو الرد حتى الساعة السادسة مساء اليوم", "2023-10-18T18:00:00+01:00"},
	{"ar", "نحن بحاجة إلى الرد اليوم قبل الساعة 17:00 بتوقيت غرينتش", "2023-10-18T18:00:00+01:00"},
	{"ar", "نرجو الرد قبل الساعة ١٦:٠٠ بتوقيت لندن", "2023-10-18T16:00:00+01:00"},
	// an event's time and then the deadline
	{"sq", "Ministri mbërriti në orën 10:00 dhe konferenca për shtyp mbahet në orën 12:00. Ju lutem na përgjigjuni deri në orën 15:00.", "2023-10-18T15:00:00+01:00"},
	{"de", "Der Minister landete um 10 Uhr, die Pressekonferenz beginnt um 12 Uhr. Wir brauchen die Antwort bis 15 Uhr.", "2023-10-18T15:00:00+01:00"},
	{"tr", "Bakan saat 10:00'da geldi, basın toplantısı saat 12:00'de başlıyor. Yanıtınızı saat 15:00'e kadar bekliyoruz.", "2023-10-18T15:00:00+01:00"},
	{"el", "Ο υπουργός έφτασε στις 10:00 και η συνέντευξη Τύπου αρχίζει στις 12:00. Χρειαζόμαστε απάντηση έως τις 15:00.", "2023-10-18T15:00:00+01:00"},
	// filing the piece at a time is the journalist's deadline; asking
	// whether a time is possible
	{"fr", "Je dois rendre mon papier à 17h.", "2023-10-18T17:00:00+01:00"},
	{"it", "Devo consegnare il pezzo alle 17.", "2023-10-18T17:00:00+01:00"},
	{"pt", "Tenho de entregar o texto às 17h.", "2023-10-18T17:00:00+01:00"},
	{"sq", "Duhet ta dorëzoj shkrimin në orën 17:00.", "2023-10-18T17:00:00+01:00"},
	{"pl", "Zamykamy wydanie o 18:00.", "2023-10-18T18:00:00+01:00"},
	{"es", "Mi hora de cierre son las 17:00.", "2023-10-18T17:00:00+01:00"},
	{"de", "Wäre eine Antwort bis 14 Uhr möglich?", "2023-10-18T14:00:00+01:00"},
	{"es", "¿Sería posible tener una respuesta antes de las 14:00?", "2023-10-18T14:00:00+01:00"},
	{"ru", "Нам нужен ответ не позже 14:00.", "2023-10-18T14:00:00+01:00"},
	{"uk", "Чи могли б ви відповісти до 14:00?", "2023-10-18T14:00:00+01:00"},
	{"el", "Θα μπορούσατε να απαντήσετε έως τις 14:00;", "2023-10-18T14:00:00+01:00"},
	{"ar", "هل يمكنكم الرد قبل الساعة 14:00؟", "2023-10-18T14:00:00+01:00"},
	// the desk, a phone or an office open until a time is not a deadline
	{"de", "Mobil (bis 22 Uhr): 0171 1234567", none},
	{"sr", "Dežurni urednik do 22h: +381 11 123 456", none},
	{"pl", "Dyżur do 22:00: +48 22 123 45 67", none},
	{"uk", "Редакція працює до 22:00.", none},
	{"ru", "Редакция работает до 22:00.", none},
	{"fr", "La rédaction est ouverte jusqu'à 22h.", none},
	{"es", "La redacción está abierta hasta las 22:00.", none},
	{"pt", "A redação está aberta até às 22h.", none},
	{"nl", "De redactie is tot 22.00 uur open.", none},
	{"de", "Bitte antworten Sie bis 15 Uhr, Tel. 0171 1234567.", "2023-10-18T15:00:00+01:00"},
	// a text clearly in another language is read in it first: the English
	// rules alone would take "Deadline: 16:00" without its zone
	// an answer needed today is needed by the end of the day
	{"de", "Wir brauchen die Antwort noch heute.", "2023-10-18T17:00:00+01:00"},
	{"it", "Ci serve una risposta in giornata.", "2023-10-18T17:00:00+01:00"},
	{"es", "Necesitamos la respuesta hoy mismo.", "2023-10-18T17:00:00+01:00"},
	{"pt", "Precisamos da resposta ainda hoje.", "2023-10-18T17:00:00+01:00"},
	{"fr", "Nous avons besoin d'une réponse dans la journée.", "2023-10-18T17:00:00+01:00"},
	{"pl", "Potrzebujemy odpowiedzi jeszcze dziś.", "2023-10-18T17:00:00+01:00"},
	{"el", "Χρειαζόμαστε απάντηση σήμερα κιόλας.", "2023-10-18T17:00:00+01:00"},
	{"ar", "نحتاج الرد اليوم", "2023-10-18T17:00:00+01:00"},
	{"sq", "Na duhet përgjigja sot.", "2023-10-18T17:00:00+01:00"},
	{"de", "Der Minister spricht heute im Bundestag.", none},
	// what lasted until a time yesterday is not a deadline
	{"sr", "Sastanak je juče trajao do 15 sati.", none},
	{"uk", "Засідання вчора тривало до 15:00.", none},
	{"ru", "Заседание вчера продолжалось до 15:00.", none},
	{"el", "Η συνεδρίαση χθες διήρκεσε έως τις 15:00.", none},
	{"de", "Die Sitzung dauerte gestern bis 15 Uhr. Bitte antworten Sie bis 16 Uhr.", "2023-10-18T16:00:00+01:00"},
	// out of the office until a date is not a deadline
	{"de", "Ich bin bis 25. Oktober nicht im Büro und habe nur eingeschränkt Zugriff auf meine E-Mails.", none},
	{"fr", "Je suis absente du bureau jusqu'au 25 octobre.", none},
	{"es", "Estaré fuera de la oficina hasta el 25 de octubre.", none},
	{"sr", "Van kancelarije sam do 25. oktobra.", none},
	{"pl", "Jestem poza biurem do 25 października.", none},
	{"ru", "Я в отпуске до 25 октября.", none},
	{"tr", "25 Ekim'e kadar izindeyim.", none},
	{"ar", "سأكون خارج المكتب حتى 25 أكتوبر", none},
	{"fr", "Merci de répondre jusqu'au 20 octobre.", "2023-10-20T17:00:00+01:00"},
	// "za 16h" is for 16:00, "za 2 sata" in two hours
	{"sr", "Trebamo izjavu za 16h.", "2023-10-18T16:00:00+01:00"},
	{"sr", "Trebamo izjavu za 16:00.", "2023-10-18T16:00:00+01:00"},
	{"sr", "Trebamo izjavu za 2 sata.", "2023-10-18T12:00:00+01:00"},
	{"pl", "Odpowiedzi potrzebuję najpóźniej na 16:00.", "2023-10-18T16:00:00+01:00"},
	{"pl", "Potrzebuję odpowiedzi za 2 godziny.", "2023-10-18T12:00:00+01:00"},
	{"pl", "Będę wdzięczna za odpowiedź do 15:00.", "2023-10-18T15:00:00+01:00"},
	// the part of the day after an hour, in capitals, Bosnian time
	{"sq", "Ju lutem përgjigjuni deri në ora 12 e drekës.", "2023-10-18T12:00:00+01:00"},
	{"sq", "Ju lutem përgjigjuni deri në orën 9 të mëngjesit.", "2023-10-18T09:00:00+01:00"},
	{"sq", "Ju lutem përgjigjuni deri në orën 4 pasdite.", "2023-10-18T16:00:00+01:00"},
	{"el", "Παρακαλώ απαντήστε μέχρι τις 2 το μεσημέρι.", "2023-10-18T14:00:00+01:00"},
	{"sr", "HITNO – ODGOVOR DO 14H.", "2023-10-18T14:00:00+01:00"},
	{"bs", "Molimo odgovor do 14 h po bosanskom vremenu.", "2023-10-18T13:00:00+01:00"},
	{"tr", "Yanıtınızı saat 17.00'ye dek bekliyoruz.", "2023-10-18T17:00:00+01:00"},
	{"de", "Bitte bis 15 Uhr 30 antworten.", "2023-10-18T15:30:00+01:00"},
	{"de", "Wir sind zwischen 14 und 15 Uhr im Studio.", none},
	{"de", "Ab 15 Uhr sind wir live.", none},
	// by lunch (13:00)
	{"fr", "Merci de répondre avant l'heure du déjeuner.", "2023-10-18T13:00:00+01:00"},
	{"es", "Necesito la respuesta antes de la hora de comer.", "2023-10-18T13:00:00+01:00"},
	{"it", "Mi serve una risposta entro l'ora di pranzo.", "2023-10-18T13:00:00+01:00"},
	{"nl", "Graag een reactie voor de lunch.", "2023-10-18T13:00:00+01:00"},
	{"pl", "Prosimy o odpowiedź do obiadu.", "2023-10-18T13:00:00+01:00"},
	{"tr", "Öğle yemeğine kadar yanıt bekliyoruz.", "2023-10-18T13:00:00+01:00"},
	// dates written with numbers, and "the day 20"
	{"sq", "Ju lutem përgjigjuni deri më datë 20 tetor.", "2023-10-20T17:00:00+01:00"},
	{"de", "Bitte bis zum 20.10.", "2023-10-20T17:00:00+01:00"},
	{"sr", "Odgovor do 20.10.", "2023-10-20T17:00:00+01:00"},
	{"fr", "Réponse souhaitée avant le 20/10.", "2023-10-20T17:00:00+01:00"},
	{"ar", "نرجو الرد قبل 20/10", "2023-10-20T17:00:00+01:00"},
	{"es", "Necesito la respuesta antes del día 20.", "2023-10-20T17:00:00+01:00"},
	{"it", "Mi serve una risposta entro il giorno 20.", "2023-10-20T17:00:00+01:00"},
	{"pt", "Preciso da resposta até ao dia 20.", "2023-10-20T17:00:00+01:00"},
	{"pl", "Prosimy o odpowiedź do 16.30.", "2023-10-18T16:30:00+01:00"},
	// hard-wrapped lines
	{"pl", "Przepraszam, ale potrzebuję odpowiedzi do\n16.", "2023-10-18T16:00:00+01:00"},
	{"sr", "Molimo odgovor do 15 časova po\nbeogradskom vremenu.", "2023-10-18T14:00:00+01:00"},
	{"de", "Bitte antworten Sie bis\n15 Uhr.", "2023-10-18T15:00:00+01:00"},
	{"de", "Bitte antworten Sie bis\n\n15 Uhr war das Interview.", none},
	// a weekday and its part of the day in one word
	{"de", "Bitte bis Freitagmittag.", "2023-10-20T12:00:00+01:00"},
	{"de", "Eine Antwort bis Donnerstagabend wäre gut.", "2023-10-19T19:00:00+01:00"},
	{"nl", "Graag een reactie voor vrijdagochtend.", "2023-10-20T09:00:00+01:00"},
	{"de", "Melden Sie sich bitte heute Nachmittag.", "2023-10-18T15:00:00+01:00"},
	// a day with its time, in each language's order; spans in minutes
	{"ru", "Ответ нужен до 12:00 четверга.", "2023-10-19T12:00:00+01:00"},
	{"uk", "Відповідь потрібна до 12:00 у четвер.", "2023-10-19T12:00:00+01:00"},
	{"pl", "Prosimy o odpowiedź do czwartku do godz. 12.", "2023-10-19T12:00:00+01:00"},
	{"fr", "Merci de répondre jeudi avant midi.", "2023-10-19T12:00:00+01:00"},
	{"es", "Necesito la respuesta el jueves antes de las 12.", "2023-10-19T12:00:00+01:00"},
	{"nl", "Graag een reactie donderdag voor 12 uur.", "2023-10-19T12:00:00+01:00"},
	{"tr", "Yanıtınızı Perşembe günü saat 12:00'ye kadar bekliyoruz.", "2023-10-19T12:00:00+01:00"},
	{"ar", "نرجو الرد يوم الخميس قبل الساعة 12 ظهرا", "2023-10-19T12:00:00+01:00"},
	{"de", "Bitte innerhalb von 30 Minuten antworten.", "2023-10-18T10:30:00+01:00"},
	{"tr", "30 dakika içinde yanıt verebilir misiniz?", "2023-10-18T10:30:00+01:00"},
	{"el", "Παρακαλώ απαντήστε εντός 30 λεπτών.", "2023-10-18T10:30:00+01:00"},
	{"es", "Necesito la respuesta mañana antes de las 10 de la mañana.", "2023-10-19T10:00:00+01:00"},
	// by a part of the day: by this afternoon, this evening
	{"de", "Bitte antworten Sie bis zum Nachmittag.", "2023-10-18T15:00:00+01:00"},
	{"fr", "Merci de répondre d'ici l'après-midi.", "2023-10-18T15:00:00+01:00"},
	{"it", "Mi serve entro il pomeriggio.", "2023-10-18T15:00:00+01:00"},
	{"sr", "Molim odgovor do popodneva.", "2023-10-18T15:00:00+01:00"},
	{"pl", "Prosimy o odpowiedź do popołudnia.", "2023-10-18T15:00:00+01:00"},
	{"el", "Θα ήθελα μια απάντηση μέχρι το απόγευμα.", "2023-10-18T15:00:00+01:00"},
	{"ar", "نرجو الرد حتى المساء", "2023-10-18T19:00:00+01:00"},
	{"tr", "Yanıtınızı akşama kadar bekliyoruz.", "2023-10-18T19:00:00+01:00"},
	{"de", "Ich bitte um Rückmeldung heute Abend.", "2023-10-18T19:00:00+01:00"},
	// "the last deadline" words in each language
	{"ru", "Крайний срок — 16:00.", "2023-10-18T16:00:00+01:00"},
	{"pl", "Ostateczny termin: 16:00.", "2023-10-18T16:00:00+01:00"},
	{"sr", "Krajnji rok je 16 časova.", "2023-10-18T16:00:00+01:00"},
	{"sq", "Afati i fundit është ora 16:00.", "2023-10-18T16:00:00+01:00"},
	{"el", "Καταληκτική προθεσμία: 16:00.", "2023-10-18T16:00:00+01:00"},
	{"ar", "آخر موعد: الساعة 16:00", "2023-10-18T16:00:00+01:00"},
	{"fr", "Date butoir : 16h.", "2023-10-18T16:00:00+01:00"},
	{"es", "Fecha límite: las 16:00.", "2023-10-18T16:00:00+01:00"},
	{"it", "Termine ultimo: ore 16.", "2023-10-18T16:00:00+01:00"},
	{"pt", "Prazo final: 16h.", "2023-10-18T16:00:00+01:00"},
	// German and Dutch put the verb after its time
	{"de", "Könnten Sie heute Nachmittag antworten?", "2023-10-18T15:00:00+01:00"},
	{"nl", "Kunt u morgenochtend reageren?", "2023-10-19T09:00:00+01:00"},
	{"de", "Könnten Sie bis heute Nachmittag antworten?", "2023-10-18T15:00:00+01:00"},
	{"fr", "Une réponse ce soir serait idéale.", "2023-10-18T19:00:00+01:00"},
	{"el", "Καλησπέρα σας, γράφω για την ανακοίνωση. Deadline: 16:00 (ώρα Ελλάδας). Ευχαριστώ πολύ.", "2023-10-18T14:00:00+01:00"},
	{"tr", "Merhaba, açıklamanız hakkında bir sorum var. Deadline: 16:00 TSİ. Teşekkürler, iyi çalışmalar.", "2023-10-18T14:00:00+01:00"},
}

// checkCasesWed checks each case as a subtest: its text sent on
// Wednesday 18 October 2023 at 10:00 London time (wed1000), want the
// deadline it states as RFC 3339 ("" for none).
func checkCasesWed(t *testing.T, cases []struct{ text, want string }) {
	t.Helper()
	checkCasesSent(t, wed1000, cases)
}

// checkCasesSent runs each case as a subtest, the text sent at sent
// (RFC 3339) to the London desk.
func checkCasesSent(t *testing.T, sent string, cases []struct{ text, want string }) {
	t.Helper()
	loc := london(t)
	at := mustTime(t, sent)
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			checkExtractAt(t, c.text, at, loc, c.want)
		})
	}
}

// checkExtractAt asserts the deadline Extract reads in text (RFC 3339
// with the offset, "" for none), naming the phrase and rule it used.
func checkExtractAt(t *testing.T, text string, sent time.Time, loc *time.Location, want string) {
	t.Helper()
	d, ok := Extract(text, sent, loc)
	got := ""
	if ok {
		got = d.At.Format(rfc3339Offset)
	}
	if got != want {
		t.Errorf("Extract(%q) = %q (%q, %s), want %q", text, got, d.Phrase, d.Rule, want)
	}
}

// TestExtractForeign reads deadlines written in other languages (issue 11,
// item 4), with the GUIDE section 4 rules: sent is Wednesday 18 October
// 2023 10:00 in London (BST).
func TestExtractForeign(t *testing.T) {
	loc := london(t)
	sent := mustTime(t, wed1000)
	cases := foreignCases
	for _, c := range cases {
		t.Run(c.lang+"/"+c.text, func(t *testing.T) {
			checkExtractAt(t, c.text, sent, loc, c.want)
		})
	}
}

// TestForeignAliasesEnglish checks that every replacement is made of words
// the English reader knows.
func TestForeignAliasesEnglish(t *testing.T) {
	for _, l := range lang.All() {
		check := func(key, repl string) {
			for _, w := range strings.Fields(repl) {
				if _, err := strconv.Atoi(strings.TrimSuffix(w, gw.H)); err == nil {
					continue // "العاشرة": "10", "السابعة عشرة": "17h"
				}
				if _, ok := vocab[strings.ToLower(w)]; !ok {
					t.Errorf("%s: %q reads as %q: %q is not a word of the English reader", l.Code, key, repl, w)
				}
			}
		}
		for w, r := range l.Deadline.Aliases {
			check(w, r)
		}
		for p, r := range l.Deadline.Phrases {
			check(p, r)
		}
	}
}

// TestForeignVote: a word two languages spell alike reads as the language
// the text's other words vote for.
func TestForeignVote(t *testing.T) {
	for _, c := range []struct{ text, word, want string }{
		{"Kunt u morgen reageren?", "u", "nl"},          // Dutch "u" (you)
		{"Molim odgovor u 17 sati.", "u", "sr"},         // Serbian "u" (at)
		{"do 20 listopada, molim", "listopada", "sr"},   // Croatian October
		{"do 20 listopada, prosimy", "listopada", "pl"}, // Polish November
	} {
		ws := foreign.splitWords(c.text)
		rd := foreign.vote(ws)
		if rd.lang < 0 || foreign.langs[rd.lang] != c.want {
			got := "none"
			if rd.lang >= 0 {
				got = foreign.langs[rd.lang]
			}
			t.Errorf("%q: voted %s, want %s (votes %v)", c.text, got, c.want, rd.votes)
		}
	}
}

// TestForeignKeepsEnglish: the English reading goes first, so an English
// text reads as before even when it holds words of other languages.
func TestForeignKeepsEnglish(t *testing.T) {
	loc := london(t)
	sent := mustTime(t, wed1000)
	for _, text := range []string{"Could you do 4pm?", "Hope to hear by 4pm, a demain!"} {
		d1, ok1 := Extract(text, sent, loc)
		sc := new(scanner)
		sc.reset(text, sent, loc)
		sc.tokenize()
		sc.markBreaks()
		sc.parseAtoms()
		sc.buildMentions()
		d2, ok2 := sc.best()
		if ok2 && (!ok1 || !d1.At.Equal(d2.At)) {
			t.Errorf("%q: %v %v, English alone %v %v", text, d1.At, ok1, d2.At, ok2)
		}
	}
}

// englishLookalikeCases are English sentences with words another
// language's file spells alike (Polish and Serbian "do" is "by", Italian
// "serve" is "need", "per" is "for", Spanish "a" is "at"), which stay
// English and so no deadline; and mail that mixes English with another
// language, read where it is not English (an English chaser above a
// Polish original, a Polish enquiry above an English signature). Sent
// Wednesday 18 October 2023 10:00 in London.
var englishLookalikeCases = []struct{ name, text, want string }{
	{"do it tomorrow", "The minister will do it tomorrow.", none},
	{"what will you do", "What will you do tomorrow?", none},
	{"will do today", "Will do today.", none},
	{"do it today", "Do it today if you like.", none},
	{"do a piece tonight", "We'd like to do a piece tonight.", none},
	{"happy to do tonight", "Happy to do tonight.", none},
	{"serve lunch", "The embassy will serve lunch tomorrow.", none},
	{"serve tonight", "The ambassador will serve tonight.", none},
	{"to and to", "I hope to talk to you tomorrow.", none},
	{"per cent", "Gas rose 5 per cent tonight.", none},
	{"a day", "He was in Paris a day on Friday.", none},
	{"die", "They will die in Gaza tomorrow unless aid gets in.", none},
	{"English still reads its own", "We do need it by tomorrow.", "2023-10-19T17:00:00+01:00"},
	{"chaser above a Polish original",
		"Hi, just chasing this - I sent it on Monday and had no reply. Could someone take a look?\n\n" +
			"Dzień dobry, piszę z PAP. Czy MSZ potwierdza te dane? Proszę o odpowiedź do jutra do 12:00.\n\nPozdrawiam, Anna",
		"2023-10-19T12:00:00+01:00"},
	{"English, then Polish on its line", "Following up on my question. Proszę o odpowiedź do 16.00.", "2023-10-18T16:00:00+01:00"},
	{"Polish above an English signature",
		"Dzień dobry,\nproszę o komentarz do piątku.\n\nBest regards,\nJan Kowalski, Warsaw correspondent\nWe do our best to reply to every email.",
		"2023-10-20T17:00:00+01:00"},
	{"Serbian, then an English sentence", "Molim odgovor do sutra u 15h. Thanks, I will do the interview tomorrow if you like.", "2023-10-19T15:00:00+01:00"},
	{"Polish without its letters, English thanks", "Odpowiedz do jutra please, thanks.", "2023-10-19T17:00:00+01:00"},
	{"a unit after a number in English", "Could you answer until 15 Uhr?", "2023-10-18T15:00:00+01:00"},
	{"a day of another language in English", "Could you reply by demain?", "2023-10-19T17:00:00+01:00"},
	{"another language's cue before a clock", "Could you answer me avant 18h?", "2023-10-18T18:00:00+01:00"},
	{"another language's day after until", "Could you reply until sutra 12h?", "2023-10-19T12:00:00+01:00"},
	{"a paragraph is no cue", "See para 5 of the release, and the talks of Friday.", none},
	{"Spanish with an English please", "Necesito una respuesta a las 17h, please.", "2023-10-18T17:00:00+01:00"},
	{"Polish alone", "Do jutra proszę.", "2023-10-19T17:00:00+01:00"},
	{"English, then Polish in one sentence", "Witam, do you have a comment do jutra?", "2023-10-19T17:00:00+01:00"},
	{"Polish above an English signature with do", "Dzień dobry, czy mogliby Państwo odpowiedzieć do piątku? Regards, Piotr (Warsaw). To do: call back.", "2023-10-20T17:00:00+01:00"},
	{"Italian above an English sign-off", "Buongiorno, mi servirebbe una risposta entro le 17. Grazie!\n\nSent from my iPhone. I do apologise for any typos.", "2023-10-18T17:00:00+01:00"},
}

// TestForeignEnglishLookalikes: a sentence in English is read as English
// only (englishSentences), one in another language as before.
func TestForeignEnglishLookalikes(t *testing.T) {
	loc := london(t)
	sent := mustTime(t, wed1000)
	for _, c := range englishLookalikeCases {
		t.Run(c.name, func(t *testing.T) {
			checkExtractAt(t, c.text, sent, loc, c.want)
		})
	}
}

func TestForeignTranslate(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"bis 14 Uhr", "by 14h"}, {"vóór 16.00 uur", "before 16.00"}, {"entro le 17.", "by 17h."},
		{"saat 17.00'ye kadar", "by at 17.00 "},
		{"قبل الساعة ٤", "before  4"}, {"antes de las 17:00, hora de Madrid", "before  17:00 Madrid time"}, {"17.00'ye kadar (TSİ)", "by 17.00 Istanbul time"},
		{"Cuma gününe kadar", "by Friday  "}, {"20. Oktober", "20 October"}, {"Kunt u morgen", "could  tomorrow"},
		{"nothing here", "nothing here"},
		{"The minister will do it tomorrow.", "The minister will do it tomorrow."}, // English: "do" stays
		{"Dzień dobry. Proszę o odpowiedź do jutra.", "Dzień dobry. please reply   by tomorrow."},
	} {
		if got, _, _ := foreign.translate(c.in); got != c.want {
			t.Errorf("translate(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	_ = time.Now
}

// BenchmarkExtractNoDeadline measures an English text with no deadline,
// which the reader reads twice (the second time through the aliases).
func BenchmarkExtractNoDeadline(b *testing.B) {
	loc := london(b)
	sent := mustTime(b, wed0730)
	text := strings.Repeat("The minister met his counterpart in Tirana on Monday to discuss migration and the returns agreement. ", 20)
	if _, ok := Extract(text, sent, loc); ok {
		b.Fatal("a deadline")
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Extract(text, sent, loc)
	}
}

// BenchmarkExtractForeign measures a German enquiry with a deadline.
func BenchmarkExtractForeign(b *testing.B) {
	loc := london(b)
	sent := mustTime(b, wed0730)
	text := "Guten Tag,\n\nich schreibe für die Süddeutsche Zeitung über den Besuch des Außenministers in Tirana. " +
		"Ihre Pressemitteilung nennt 20 Mio. Pfund für die Zusammenarbeit mit Albanien. Woher stammt diese Zahl, " +
		"und über welchen Zeitraum wird sie ausgezahlt?\n\nIch bräuchte Ihre Antwort bis morgen 12 Uhr MEZ.\n\n" +
		"Mit freundlichen Grüßen\nAnna Schmidt\n"
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := Extract(text, sent, loc); !ok {
			b.Fatal("no deadline")
		}
	}
}

// TestForeignZonesResolve: every zone a language's words read as is one
// the English rules convert ("by 15:00 Tirana time" is a zoned clock).
func TestForeignZonesResolve(t *testing.T) {
	loc := london(t)
	sent := mustTime(t, wed1000)
	seen := map[string]bool{}
	for _, l := range lang.All() {
		for _, m := range []map[string]string{l.Deadline.Aliases, l.Deadline.Phrases} {
			for _, r := range m {
				if !isZone(r) || seen[r] {
					continue
				}
				seen[r] = true
				d, ok := Extract("Need a reply by 15:00 "+r+".", sent, loc)
				if !ok || d.Rule != ruleZonedClock {
					t.Errorf("%s: %q is not read as a zone (%v %+v)", l.Code, r, ok, d)
				}
			}
		}
	}
}

// TestRewriteData checks the data the rewriting rules read: every role of
// deadline.rewrite.words names a word and every word fills a role, and the
// other languages' folds, proclitics, "half" and hour suffixes load from
// their files.
func TestRewriteData(t *testing.T) {
	var r rewriteWords
	if err := readRoles(en.Deadline.Rewrite.Words, &r); err != nil {
		t.Fatal(err)
	}
	if err := readRoles(map[string]string{"answer": "answer"}, &r); err == nil || !strings.Contains(err.Error(), "has no word") {
		t.Errorf("a missing role: %v", err)
	}
	for _, tc := range []struct{ in, want string }{
		{"Straße", "strasse"}, // de.json fold
		{"ΤΕΛΟΣ", "τελοσ"},    // el.json fold: final sigma
		{"τέλος", "τελοσ"},
		{"YARIN", "yarin"}, // tr.json fold: dotless i
		{"yarın", "yarin"},
		{"l’heure", "l'heure"},
	} {
		if got := foldWord(tc.in); got != tc.want {
			t.Errorf("foldWord(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if len(proclitics) == 0 || !hourSuffixes["u"] {
		t.Errorf("proclitics %q, hour suffixes %v: ar.json, nl.json not read", proclitics, hourSuffixes)
	}
	half := map[string]bool{}
	for i, c := range foreign.langs {
		if foreign.halfPrior[i] {
			half[c] = true
		}
	}
	if !half["de"] || !half["nl"] || !half["sr"] || len(half) != 3 {
		t.Errorf("half before the hour in %v, want de, nl and sr ('pola pet': 4:30)", half)
	}
	if !isMonth("October") || !isDay("Friday") || !isZone("CET") || !isZone("Paris time") || isZone("time") {
		t.Error("month, day or zone names not read from en.json")
	}
}
