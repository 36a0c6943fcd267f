package store

import "testing"

// TestEnquiryLang: the language routing told is stored on the new enquiry
// and read back; an enquiry of unknown language has none.
func TestEnquiryLang(t *testing.T) {
	both(t, func(t *testing.T, f *fixture) {
		in := f.in(msg("lang-de@x", "jo@zeit.example", "Migration"))
		in.New.Lang = "de"
		r := f.one(in)
		e, err := f.s.Enquiry(f.ctx, r.Ref)
		if err != nil {
			t.Fatal(err)
		}
		if e.Lang != "de" {
			t.Errorf("lang %q, want de", e.Lang)
		}
		r = f.one(f.in(msg("lang-none@x", "jo@zeit.example", "Other")))
		if e, err = f.s.Enquiry(f.ctx, r.Ref); err != nil || e.Lang != "" {
			t.Errorf("unknown language: %q %v", e.Lang, err)
		}
	})
}
