package fold

import "testing"

func TestAppend(t *testing.T) {
	for in, want := range map[string]string{"Durrës": "durres", "Straße": "strasse", "ŁÓDŹ": "lodz", "Ærø": "aero", "Тирана": "tirana", "Сунак": "sunak", "Μητσοτάκης": "mitsotakis", "Ердоган": "erdogan", "A-1": "a-1"} {
		var b []byte
		for _, r := range in {
			b = Append(b, r)
		}
		if string(b) != want {
			t.Errorf("fold %q = %q, want %q", in, b, want)
		}
	}
}
