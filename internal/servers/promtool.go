package servers

// EnvPromtool names the environment variable overriding the promtool binary
// (Debian's prometheus package) that checks the example alert rules; set
// it to a path that does not exist to run as on a machine without it.
const EnvPromtool = "MEDIADESK_PROMTOOL"

// LookPromtool returns the path of promtool: $MEDIADESK_PROMTOOL if set,
// else promtool on PATH or in the sbin directories.
func LookPromtool() (string, error) {
	return lookBinary(EnvPromtool, "promtool")
}
