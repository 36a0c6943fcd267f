// Package release is the press release itself, with no I/O: the Release
// type and its JSON Lines form (LoadJSONL reads from an io.Reader; a bad
// line is reported with its number and skipped), merging an update into a
// list (Merge: the same id or, failing that, the same normalised URL) and
// URL identity (NormaliseURL, URLSlug, Slugify). Package routing indexes
// releases and package releases fetches, stores and schedules them; both
// import this one, so routing's imports stay free of Redis, HTTP and cron.
package release
