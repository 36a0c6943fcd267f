package routing

import (
	"path/filepath"
	"testing"
)

// TestTopicDevSets pins the topic figure on the development sets written
// to exercise topic decisions (issue 11 item 3), routed against the shared
// desk and catalogue (skipped when they are absent): testdata/endev, 40
// English enquiries (a release with several topics where the question
// picks one, the desk's own business against policy questions that
// mention staffing, no release), testdata/mldev, 56 in 14 languages, and
// testdata/mldev2, 56 more by another author (42 in 13 other languages,
// 14 in English), and testdata/dldev, 48 by a third author written for
// deadlines (28 in 14 other languages). All were tuned on, so the figures say little about unseen mail; they
// guard against losing what was won. A topic miss is logged with its
// reason.
func TestTopicDevSets(t *testing.T) {
	_, r := sharedRouter(t)
	for _, c := range []struct {
		dir     string
		minTop  int // topics right (at least), of the enquiries that are not automatic
		enquiry int
	}{
		// reached: endev 38/38 = 1.00 (0.79 before issue 11 item 3's
		// work on it), mldev 52/53 = 0.981 (0.91 before); the floors leave
		// one enquiry's margin (the linker, whose vocabularies the
		// multilingual topics read through, changes too)
		{"endev", 37, 38},
		{"mldev", 51, 53},
		// mldev2: 53 enquiries (not automatic) written by another author
		// to make the topic hard; reached 53/53 = 1.00
		// (0.89 when it landed: 47/53); the floor leaves one enquiry's
		// margin
		{"mldev2", 52, 53},
		// dldev: 48 enquiries by a third author, written for deadlines
		// (28 in 14 other languages, 20 English); 46/48 when it landed,
		// 47/48 once "presence" beside a military word is the armed
		// forces' (048); 037 (RAF aircraft intercepting drones and
		// sanctions on Iran, labelled middle-east) is security as the
		// other sets label such questions on that release. The floor
		// leaves one enquiry's margin.
		{"dldev", 46, 48},
		// mldev3: 48 enquiries by a fourth author, written to make topic
		// and linking hard (34 in 14 other languages, 14 English); 44/48
		// when it landed, 47/48 after the consulate and missing-person
		// words, Albanian migration words and questions joined by a
		// conjunction that asks again; 031 (KFOR troop numbers and the
		// north's security on the [migration, europe] Lammy release,
		// labelled europe) is security as tuning 054 labels the same
		// question on that release. The floor leaves one enquiry's
		// margin.
		{"mldev3", 46, 48},
		// dldev2, dldev3, dldev4 (deadline DEV sets by other authors):
		// 48, 47, 47 of 48 reached (dldev3 039 and dldev4 008, drones
		// and sanctions on the UNSC Iran statement labelled middle-east,
		// are security as dldev 037 is). endev2 (44 mostly English,
		// topic and linking): 43 of 44 when it landed and now (011,
		// asset freeze and travel ban questions on the 13 Dec Hamas
		// sanctions labelled middle-east, is security as tuning 016
		// labels the asset-freeze questions on the 14 Nov round). mixdev
		// (45 human enquiries: 18 English, 27 in 14 languages): 43 of
		// 45 when it landed, 44 once 022 (Albanian, KFOR) is linked and
		// so Europe's; 030 (the Italy-Albania protocol's centres asked
		// about on the [migration, europe] trilateral, no migration word)
		// is europe by the places its questions name. Floors one
		// enquiry below.
		{"dldev2", 47, 48},
		{"dldev3", 46, 48},
		{"dldev4", 46, 48},
		{"endev2", 42, 44},
		{"mixdev", 43, 45},
		// mixdev2 (46 human enquiries by another author, 28 in 14 other
		// languages): 41 of 46 when it landed, 42 once 022 is linked,
		// 43 once Arabic's "البريطانيين" (British, plural) and
		// "العالقين" (stranded) are read (040, British nationals in
		// Gaza: consular as labelled) — 011 (RAF and sanctions on the
		// UNSC Iran statement) as dldev 037; 002 is unlinked (its troops
		// security's); 019 (Western Balkans countries asked about on the
		// [migration, europe] EPC release) was europe by the places its
		// question names, and is migration's, as labelled, since the
		// tenth round (its text's smuggling gangs, the region's names
		// alone: 45 of 46). Floor one enquiry below.
		{"mixdev2", 44, 46},
		// mldev4 (42 everyday enquiries by another author, 3 in each of
		// 14 languages; 39 not automatic): 37 of 39 when it landed, 38
		// once a journalist's own visa is the desk's procedure, not a
		// consular visa (036, Serbian); 019 (RAF and sanctions on the
		// UNSC Iran statement, labelled middle-east) as dldev 037. Floor
		// one enquiry below.
		{"mldev4", 37, 39},
		// mldev5 (42 everyday enquiries by another author, 3 in each of
		// 14 languages, written for topic; 40 not automatic): 37 of 40
		// when it landed; 38 once a reversed pair is read across joining
		// words only (017, Serbian "snage sa granice" is no "border
		// force"), 39 once the learnt model ties no desk but a region to
		// a name all of whose releases name that region (014, the
		// Foreign Secretary in Rome). Left: 041 (Greek: British hostages
		// and consular support asked about on the [middle-east,
		// consular] Qatar call, labelled consular) is middle-east by
		// "hostages", Hamas and Gaza, as eight other sets label hostage
		// questions on that call (endev 016, British nationals leaving
		// Gaza and no hostages, is consular, and read so). endev3 (48 English by another author,
		// 46 not automatic): 46 of 46 when it landed and now. Floors
		// one enquiry below.
		{"mldev5", 38, 40},
		{"endev3", 45, 46},
		// mixdev3 (48 human enquiries, 20 English; 46 not automatic),
		// mldev6 (42 in 14 languages, 40 not automatic) and endev4 (42
		// English, 40 not automatic), by other authors: topic 0.93, 0.95,
		// 0.95 of all when they landed (e0a5bc2), 0.98, 0.97, 0.95 at the
		// ninth round's start, 45 of 46, 39 of 40, 39 of 40 now (endev4
		// 012, a documentary crew's request for Channel 5, is no longer
		// migration's by "the Channel": a numbered name). Left, as
		// labels split on them: mixdev3 004 (unlinked; "how many UK
		// troops in Kosovo", labelled europe, is security unlinked and
		// europe once linked — tuning 004 labels the same troop question
		// on that release security); mldev6 020 (RAF and sanctions on the
		// UNSC Iran statement, labelled middle-east) as dldev 037; endev4
		// 025 (OFSI asset freezes on the 14 Nov Hamas sanctions, labelled
		// middle-east) as tuning 016 labels the same questions security.
		// Floors one enquiry below.
		{"mixdev3", 44, 46},
		{"mldev6", 38, 40},
		{"endev4", 38, 40},
		// mldev7 (42 everyday enquiries by another author, 3 in each of
		// 14 languages; 40 not automatic) and endev5 (42 English, 40 not
		// automatic), tenth round: topic 0.85 and 0.95 of all when they
		// landed (HEAD 6b00acd; mldev7's unlinked 016, 017, 026 were
		// security by their troops and sanctions, Europe's once linked),
		// 38 of 40 and 39 of 40 now — endev5 008 ("Rafah aid trucks"
		// over one aid question beside the crossing's date) stays with
		// the release's middle-east, a subject repeating the question's
		// word being one word; mldev7 014 (the EPC agreements with
		// Serbia, North Macedonia and Kosovo after the smugglers) is
		// migration's, the countries of the release's story. Left, as
		// labels split on them: mldev7 020 (aircraft, drones and
		// sanctions on the UNSC Iran statement, labelled middle-east) as
		// dldev 037; endev5 021 (sanctions designations on the 13 Dec
		// Hamas sanctions, labelled middle-east) as endev2 011; mldev7
		// 042 (Greek: the Parthenon sculptures, "the Greek embassy",
		// labelled general as three other sets label that story) is
		// europe by Greece, a place of the lexicon's Europe. Floors one
		// enquiry below.
		{"mldev7", 37, 40},
		{"endev5", 38, 40},
		// mldev8 (42 in 14 languages, 40 not automatic), endev6 (42
		// English, 40 not automatic) and dldev5 (44 English, deadline
		// focused, 42 not automatic), eleventh round: 38, 38 and 39
		// when they landed (HEAD bc41d6c), 39, 40 and 42 now — endev6
		// 006 (which agencies the £10m aid goes to) is development by
		// "agencies", 035 (Kurti and Vucic asked about on the
		// migrant-transit release) europe by its leaders' titles,
		// dldev5 036 (the EPC agreements asked about with no word of
		// migration) migration by the names of the release's story,
		// mldev8 027 and dldev5 022 (new sanctions against Iran beside
		// the RAF's part, on the UNSC statement) middle-east by measures
		// aimed at the region, and dldev5 029 is linked (the linking
		// round) and so middle-east. Left: mldev8 018 (Serbian: waiting
		// times at the Belgrade visa centre, labelled general; its
		// question names Serbia's citizens and no visa word, and is
		// europe's). Floors one enquiry below (dldev5's two: 029's link
		// is the linker's).
		//
		// The same round's measures rule (sanctions against a state
		// named in the question are the region's story) took dldev 037,
		// dldev3 039, dldev4 008, endev2 011, endev4 025, endev5 021,
		// endl 008, mixdev2 011, mldev4 019, mldev6 020 and mldev7 020
		// to middle-east as labelled; the floors above are as they were.
		{"mldev8", 38, 40},
		{"endev6", 39, 40},
		{"dldev5", 40, 42},
		// mixdev4 (48 by another author, 20 English and 28 in 14
		// languages; 46 not automatic), checkpoint-scored unseen at 43
		// of 46, a DEV set since: 45 of 46 after the twelfth round — 016
		// (spending on ambassadors' residences, "value for money at a
		// time of squeezed budgets", no release) general as labelled, no
		// longer aid's money; 027 (travel bans on violent settlers beside
		// HMS Diamond on the PM's call with Netanyahu) middle-east as
		// endev 010 and dldev 004 label settlers' travel bans. Left: 029
		// (British hostages and the families' liaison officer on the
		// [middle-east] Qatar call, labelled consular: the known split,
		// other sets label hostages on the region's calls middle-east).
		// The floor leaves one enquiry's margin.
		{"mixdev4", 44, 46},
		// mixdev5 (48 by another author, 45 not automatic),
		// checkpoint-scored unseen at 41 of 45, a DEV set since: 44 of 45
		// after the thirteenth round — 016 (which battalion the Kosovo
		// reinforcements are) europe as labelled, the unit's name no
		// third troop word; 017 (Dutch: marineschepen, NAVO on the Houthi
		// seizure release) security; 036 (British nationals in Gaza on
		// the [middle-east, consular] Qatar call, "foreign nationals" in
		// the text) consular. Left: 047 (whether Sky Sabre stays in
		// Poland, no release, labelled security: Europe by Poland, the
		// air-defence system named only in the Polish quoted history).
		// The floor leaves one enquiry's margin.
		{"mixdev5", 43, 45},
		// mldev9 (42 by another author: 14 each Portuguese, Albanian and
		// Greek; 39 not automatic), fourteenth round: 35 of 39 as it
		// landed (HEAD 13fa47a), 38 now — 024 (Albanian: an Albanian deported, "u deportua",
		// "Deportimi") migration by the deportation words; 040 (Greek: an
		// editor who asks nothing forwards a colleague's question on
		// which agencies the £10m aid goes through) development, the
		// colleague's question read as asked; 023 (the criminal-networks
		// release's returns question) migration with its link, the
		// linker's. Left: 042 (UK-Greece relations after the cancelled
		// Sunak-Mitsotakis meeting over the Parthenon marbles, no
		// release, labelled general; Europe by Greece, as English reads
		// relations with a European state). The floor leaves 023's link
		// and one enquiry's margin.
		{"mldev9", 36, 39},
		// endev7 (40 English by another author, topic-heavy),
		// fifteenth round: 37 of 38 not automatic as it landed (HEAD 9024570), 38 now
		// — 002 (which Welsh soldiers make up the Kosovo reinforcements,
		// "and roughly how long they're expected to stay in Kosovo", on
		// the [europe, security] reinforcements release) europe as
		// labelled, the question after "and roughly how" one of its own
		// (questionAdverb). The floor leaves one enquiry's margin.
		{"endev7", 37, 38},
		// mldev10 (42 by another author: 14 each Portuguese, Albanian
		// and Greek; 39 not automatic), sixteenth round: 38 of 39 as it
		// landed (HEAD 9024570), 39 now: 033 (Greek: the RAF's Typhoons
		// against the drones and new sanctions against Iran, two
		// questions ending in the Greek ';' on one line, on the UNSC
		// Iran statement) middle-east as labelled, once the Greek ';'
		// ends a sentence (otherQuestionMark) and the sanctions question
		// is one of its own. The floor leaves one enquiry's margin.
		{"mldev10", 38, 39},
		// mldev11 (36 Albanian by another author: Albania, Kosovo, North
		// Macedonia; 34 not automatic), sixteenth round: 31 of 34 as it
		// landed (HEAD 9024570), 32 at 7698601 (025 linked by the linking
		// round). Left, as labels split: 016 (are there British projects
		// in the Balkans on the FoRB statement [general], can you share
		// an example where Albania is a model) is europe by the places
		// its questions name, as an English question naming them is;
		// 022 (the ambassador in Tirana leaving early, his successor,
		// labelled europe) is the desk's own business as our tests read
		// a new ambassador anywhere (TestTopicFourteenthRoundWords). The
		// floor leaves one enquiry's margin.
		{"mldev11", 31, 34},
		// mldev14 (sr/bs/hr, 38 not automatic) and mldev15 (Albanian, 38),
		// twelfth session: 30 and 33 as they landed, 35 and 36 once the
		// desk's own business asked beside the UK's relations or a story
		// told in the text is the fallback's (deskAsked, deskOnlyAsked),
		// the Royal Navy's escorts and coal are read and 'se to odnosi'
		// (does it apply) is no relations (011). Left: mldev14 012 (an interview
		// request on UK–BiH relations labelled europe; mldev15 010, the
		// same on UK–Albania relations, general), 026 (FoRB, unlinked,
		// dialogue in BiH), 027 (NIS sanctions, no sanctions word in the
		// question); mldev15 009 (stability and north Kosovo on the
		// [migration, europe] release), 012 (Royal Navy escorts on the
		// Galaxy Leader release, Israel named). The floors leave one
		// enquiry's margin.
		{"mldev14", 34, 38},
		{"mldev15", 35, 38},
	} {
		t.Run(c.dir, func(t *testing.T) {
			n, right := 0, 0
			for _, s := range loadSamples(t, filepath.Join("testdata", c.dir)) {
				if s.label.Automatic {
					continue
				}
				n++
				d := r.Route(s.in, s.in.Date, Load{})
				if d.Topic == s.label.Topic {
					right++
				} else {
					t.Logf("%s: topic %q, want %q (%s)", s.label.File, d.Topic, s.label.Topic, d.TopicReason)
				}
			}
			t.Logf("%s: topic %d of %d (%.3f)", c.dir, right, n, float64(right)/float64(n))
			if n != c.enquiry {
				t.Errorf("%d enquiries, want %d (the set changed: pin its figure again)", n, c.enquiry)
			}
			if right < c.minTop {
				t.Errorf("topic %d of %d, want at least %d", right, n, c.minTop)
			}
		})
	}
}
