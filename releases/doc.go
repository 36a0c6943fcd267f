// Package releases keeps the release catalogue the desk links enquiries
// to: where releases come from and how replicas share them. It is the I/O
// edge of routing; package routing indexes a snapshot (routing.Catalogue)
// and decides, purely.
//
// The Release type, its JSON Lines form, Merge and URL identity are package
// release's (releases/release, no I/O). Releases come from JSON Lines files
// (release.LoadJSONL: a bad line is reported with its number and skipped, so
// one typo cannot empty the catalogue) and
// from Atom/RSS feeds (ParseFeed, FeedFetcher: conditional GET with ETag and
// Last-Modified, a timeout, a size cap, errors naming the feed and what was
// wrong). An update (release.Merge) replaces a release with the same id or, failing
// that, the same normalised URL (release.NormaliseURL), keeping its id and lines to
// take. LoadSources reads the sources a desk config names. The Refresher
// refetches feeds on their cron schedules (desk time zone) and hands each
// new list to a Catalogue (routing's Router.ReleaseCatalogue, which builds
// the next snapshot aside and swaps it in atomically, so routing never
// waits for a reload). Store keeps the catalogue in Redis ({md}:releases
// hash, {md}:releases:version counter) so replicas and the dashboard share
// it; replicas poll the version and reload when it moves; lines to take are
// edited in place with SetLinesToTake.
package releases
