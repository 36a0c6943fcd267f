package releases

import "github.com/mediadesk/mediadesk/releases/release"

// Release is one press release in the catalogue. Package release defines it
// with its JSON Lines form, merging and URL identity, and does no I/O, so
// package routing can read releases without importing this package's
// Redis, HTTP and cron edges.
type Release = release.Release
