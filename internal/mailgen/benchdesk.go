package mailgen

import "fmt"

// BenchDesk is the desk the ingest and reindex benchmarks run: one
// mailbox (INBOX, Sent) at imapAddr, Redis from BENCH_REDIS_URL, the
// releases in releasesFile, no acknowledgements or alerts (SMTP points
// nowhere). Mail from Generator comes from a few hundred senders within
// seconds, so ingest.sender_limit is set out of reach: the limit's work is
// still done for every new enquiry, but it never trips.
func BenchDesk(imapAddr, imapUser, releasesFile string) string {
	return fmt.Sprintf(`desk: {name: Bench Desk, timezone: Europe/London, reference_prefix: BENCH, address: desk@bench.example}
mailboxes:
  - {id: bench, address: %q, security: none, username: %q, password_env: BENCH_IMAP_PASSWORD, folders: [INBOX], sent_folder: Sent}
redis: {url_env: BENCH_REDIS_URL}
smtp: {address: "127.0.0.1:1", security: none, from: "Bench <desk@bench.example>"}
acknowledgements: {enabled: false}
ingest: {sender_limit: 1000000}
alerts: {email: false}
reports: {digest_schedule: "off"}
releases: {sources: [{file: %q}]}
topics:
  - {id: migration, keywords: [small boats, migrants, asylum, returns, smugglers]}
  - {id: europe, keywords: [Albania, Kosovo, Serbia, Western Balkans]}
  - {id: middle-east, keywords: [Israel, Gaza, Iran, Houthi, Red Sea]}
  - {id: consular, keywords: [British nationals, evacuation, consular]}
  - {id: security, keywords: [NATO, troops, sanctions, Royal Navy]}
  - {id: general, fallback: true}
officers:
  - {id: a, name: A, email: a@bench.example, role: officer, topics: ["*"]}
  - {id: b, name: B, email: b@bench.example, role: officer, topics: ["*"]}
  - {id: m, name: M, email: m@bench.example, role: manager, topics: ["*"]}
rota:
  - {name: All day, topics: ["*"], officers: [a, b], start: "0 0 * * *", duration: 24h}
escalation: {manager: m, after_breach: 30m}
sla:
  policies: [{id: standard, acknowledge: 15m, first_response: 2h, resolution: 24h}]
  deadline_margin: 15m
  warn_before: 15m
outlets:
  - {domain: bbc.co.uk, name: BBC, tier: broadcast}
`, imapAddr, imapUser, releasesFile)
}
