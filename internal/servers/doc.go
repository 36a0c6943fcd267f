// Package servers owns the throwaway Redis and IMAP servers that mediadesk's
// tests, the ingest benchmark and the zero-setup demo run against.
//
// Two kinds of each are offered:
//
//   - real servers, started as child processes on a free loopback port with
//     all their state inside a caller-chosen directory: redis-server
//     (StartRedisServer) and Dovecot (StartDovecot);
//   - embedded stand-ins running inside the current process: miniredis
//     served over TCP (StartMiniredis) and the go-imap v2 in-memory server
//     (StartMemIMAP).
//
// StartRedis and StartIMAP pick the real server when its binary can be found
// and fall back to the embedded one otherwise, unless MEDIADESK_REQUIRE_REAL=1
// is set, which turns a missing binary into an error. The binaries are looked
// up through MEDIADESK_REDIS_SERVER / MEDIADESK_DOVECOT / MEDIADESK_DOVEADM
// when set, else on PATH and in /usr/sbin, /usr/local/sbin, /sbin. The other
// real programs tests drive are found the same way: Chromium
// (MEDIADESK_CHROMIUM, LookChromium) and promtool (MEDIADESK_PROMTOOL,
// LookPromtool). Setting any of them to /nonexistent hides the program, as
// .ci/run's standalone run does.
//
// Child processes run in their own process group with a parent-death signal
// (Linux), so a killed test binary does not leave servers behind; Stop and
// Kill end the whole group.
//
// This package does not import testing; the helpers that take a testing.TB
// live in the servertest subpackage.
package servers
