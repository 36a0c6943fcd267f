// Package web owns the desk's HTTP surface: the JSON API, the officers'
// dashboard (server-rendered with html/template, a little embedded vanilla
// JS, no CDN), and the security around both and around every endpoint other
// packages register on the same mux (outbound's outbox views, SLA reports).
//
// The acting user is always the session's or API token's, never a name in
// a request body: replies are sent from here (API.reply, the enquiry page)
// as the signed-in officer, and every JSON body is read once by one strict
// reader (internal/jsonbody: one object, nothing after it, no unknown
// fields, at most 1 MiB; anything else is a 400).
//
// # Authentication
//
// People are the config's officers[]; their bcrypt password hashes live in
// a users file (lines "id:<bcrypt hash>", written by `mediadesk passwd`).
// Signing in creates a session in Redis under Key("session:<sha256 of the
// id>") — the raw 256-bit id exists only in the cookie — with an idle and an
// absolute expiry checked against the desk clock, and bound to the
// password it was signed in with (a fingerprint of the user's line in the
// users file, compared at every request): changing or deleting a password
// ends that user's sessions at once. Sign-in attempts are counted in Redis,
// atomically and before the password is checked (limit.go), under the
// canonical officer id, per user and client address, per address and per
// user from new addresses; password checks run in a few slots (Options.
// LoginChecks), so a flood of sign-ins cannot starve the desk. An unknown
// user costs a bcrypt comparison of the users file's own cost and gets the
// same answer as a wrong password. Integrations use bearer tokens instead: a tokens file holds
// "id:sha256:<hex>" lines (`mediadesk passwd --token`), and a token acts as
// that officer with that officer's role, on /api/ only.
//
// The files are named by web.users_file and web.api_tokens_file in the
// desk config and are re-read when they change. Sessions last
// web.session_idle (default 2 hours) idle and web.session_max (12 hours) at
// most; 5 failed sign-ins per user and address, 50 per address, or 20 per
// user from addresses it has not signed in from in 30 days, in 15 minutes,
// block further attempts for the rest of the window.
//
// Behind a reverse proxy, list it in web.trusted_proxies: X-Forwarded-For
// (the right-most address that is not a trusted proxy) and
// X-Forwarded-Proto are believed from those peers only, and ignored from
// anyone else.
//
// # Cookies
//
// The session cookie is HttpOnly and SameSite=Lax, without Max-Age (it
// ends with the browser). It is Secure, and named with the __Host- prefix,
// when the request came over TLS, when a trusted proxy says
// X-Forwarded-Proto: https, or when
// web.base_url is https; otherwise (the demo on http://127.0.0.1) it is a
// plain cookie named "mediadesk". An https base_url is also a trusted
// origin for the cross-origin check, for proxies that rewrite Host.
//
// # Roles
//
// officer < manager < admin, each including the one before. Every route
// pattern on the mux has a minimum role in a table (routeRoles); a pattern
// missing from the table is admin-only, so a route added by another
// package is never open by accident. On an enquiry an officer may view,
// note and claim (take over) any enquiry, and reply, reassign, resolve,
// reopen or set waiting only on one that is theirs or unassigned; managers
// and admins may do everything (User.Can).
//
// # CSRF
//
// State-changing requests (anything but GET, HEAD, OPTIONS) pass
// http.CrossOriginProtection (Sec-Fetch-Site, else Origin against Host)
// and, when authenticated by cookie, must carry the session's synchronizer
// token (form field "csrf" or header X-CSRF-Token), compared in constant
// time. The sign-in form, which has no session yet, uses a double-submit
// cookie. Bearer-token requests carry no ambient credential and need no
// token.
//
// # Pages
//
// Queues (new, mine, all open, about to breach, breached, waiting,
// resolved) with live countdowns; the enquiry page (summary, every clock,
// the thread, the timeline, the linked release and its lines to take, and
// the actions: claim or take over, reassign, reply through outbound,
// note, waiting on the journalist, resolve, reopen); releases with lines
// to take edited by managers; the managers' reports (from sla.Reporter,
// charts drawn as inline SVG, CSV export); the admin page (ingest status,
// quarantine, automatic mail). Pages subscribe to GET /events, Server-Sent
// Events fed by one XREAD BLOCK loop on the events stream however many
// dashboards are open; a queue re-fetches its table when told of a change.
//
// On screens 1200 px and wider the queue has a reading pane
// (static/app.js): the selected enquiry's page is fetched, parsed with
// DOMParser (which runs nothing), its scripts dropped, and its main
// content shown beside the queue; its forms post as they would on the
// page, with the same CSRF token, and the answer replaces the pane. The
// server renders nothing new for it: the same template and escaping, the
// same sandboxed mail frame, the same CSP.
//
// # Hostile mail
//
// Everything from mail is rendered by html/template's contextual escaping.
// The HTML part of a message is shown only after sanitising with a
// bluemonday policy (the UGC policy without images or any other remote
// resource), inside <iframe sandbox srcdoc>, so even a sanitiser bug cannot
// run script or reach the dashboard's origin; the Content-Security-Policy
// (no inline script, img-src 'self' data:) is the third wall.
package web
