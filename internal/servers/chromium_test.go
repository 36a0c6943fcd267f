package servers

import (
	"errors"
	"testing"
)

func TestLookChromiumOverride(t *testing.T) {
	cases := []struct {
		env     string
		missing bool
	}{
		{"/nonexistent/chromium", true}, // hides an installed Chromium
		{"sh", false},                   // any name on PATH is taken as is
	}
	for _, c := range cases {
		t.Setenv(EnvChromium, c.env)
		p, err := LookChromium()
		if c.missing != errors.Is(err, ErrBinaryNotFound) || (!c.missing && p == "") {
			t.Errorf("%s=%s: %q, %v", EnvChromium, c.env, p, err)
		}
	}
}
