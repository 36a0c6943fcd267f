// Package sla owns response-time targets: choosing the policy for an
// enquiry, computing its due times (acknowledge, first response,
// resolution, pulled forward by a journalist's deadline), tracking the
// clocks live in Redis (warnings, breaches, escalation, exactly once across
// replicas), and the rollups and reports managers read.
package sla
