package servers

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// EnvChromium names the environment variable overriding the Chromium binary
// the browser tests drive (a path or a name on PATH); set it to a path that
// does not exist to run as on a machine without Chromium.
const EnvChromium = "MEDIADESK_CHROMIUM"

// chromiumNames are tried in order when MEDIADESK_CHROMIUM is unset:
// Debian's chromium package first.
var chromiumNames = []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"}

// LookChromium returns the path of a Chromium binary: $MEDIADESK_CHROMIUM if
// set, else the first of /usr/bin/chromium, chromium, chromium-browser and
// google-chrome that exists.
func LookChromium() (string, error) {
	if os.Getenv(EnvChromium) != "" {
		return lookBinary(EnvChromium, "chromium")
	}
	for _, name := range chromiumNames {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("chromium: %w (tried %s; set %s to its path)",
		ErrBinaryNotFound, strings.Join(chromiumNames, ", "), EnvChromium)
}
