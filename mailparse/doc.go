// Package mailparse turns raw RFC 5322 bytes into a Message: decoded headers,
// the journalist's own text split from quoted history, signatures and
// forwarded content, attachment metadata, and the automatic-mail verdict
// (auto-reply, bounce, bulk, read receipt).
//
// It owns everything between "bytes fetched from IMAP" and "a Message the
// rest of mediadesk can trust": header decoding (RFC 2047 in any charset,
// lenient addresses and dates), the MIME walk (bounded depth and part count),
// transfer and charset decoding, HTML-to-text, text splitting (SplitTextWithSubject),
// URL extraction, a stable Message-ID for mail without one, and the
// automatic-mail classification. It does no I/O and keeps no state.
//
// # Every input is hostile
//
// Parse never panics (a recover turns an unexpected panic into an error, but
// the causes are fixed as the fuzzers find them); it keeps whatever can be
// read and records the problems in Message.Warnings:
//   - an unknown charset keeps the raw bytes (valid UTF-8 as is, anything
//     else read as windows-1252), an unknown transfer encoding keeps the
//     encoded bytes; text is always valid UTF-8 with \n line endings;
//   - base64 and quoted-printable are decoded leniently (garbage skipped or
//     kept literally, never an error half-way);
//   - a multipart whose boundary is missing or never appears is read as
//     text/plain; a missing closing boundary keeps the parts read so far;
//     a part without a header is body; nesting beyond 32 levels and more
//     than 1000 parts are skipped;
//   - a header line that is not a field ends the header (the rest is body);
//   - a message over Options.MaxSize has only its header parsed (TooLarge).
//
// # What is unrecoverable
//
// Parse returns an error, and no Message, only when the input is not a
// mail at all:
//   - it is empty or only white space (ErrEmpty);
//   - its first line is neither a header field nor a continuation, so no
//     header can be read ("header: malformed MIME header line: …");
//   - it has header-like lines but none of the fields a mail has (From, To,
//     Subject, Date, Message-ID, Received, Content-Type, MIME-Version, …).
//
// A message with readable headers and a broken body parses, with warnings.
// The error text is meant for a quarantine list; these errors match
// ErrNotMail (errors.Is). Any other error is a recovered internal panic.
//
// # go-message
//
// Addresses are parsed with github.com/emersion/go-message/mail (net/mail
// with charset-aware RFC 2047), falling back to a lenient extractor; every
// charset is decoded through github.com/emersion/go-message/charset (which
// registers all of golang.org/x/text's encodings); UTF-7 and the common
// Latin-1/windows-1252 and UTF-8 cases are handled here. The MIME tree is
// walked on the in-memory bytes rather than through message.Read /
// mail.CreateReader, with the same "keep what can be read" semantics as
// go-message's IsUnknownCharset/IsUnknownEncoding errors, because the
// streaming reader loses data on hostile input: its us-ascii decoder turns
// undeclared 8-bit text into U+FFFD, its base64 decoder stops at the first
// bad byte, one malformed part header ends the whole multipart walk, and
// CreateReader returns no reader for an unknown top-level transfer encoding.
// Working on sub-slices of the raw message also means no part is copied
// and attachment sizes are counted by decoding in small chunks, without
// keeping the bytes.
//
// Measured on the shared MIME corpus (../shared/data/mime, 306 messages
// from eight other parsers' test suites) by TestGoMessageLosesMore
// (go test ./mailparse -run TestGoMessageLosesMore -v, which defines each
// loss): go-message's streaming reader (message.Read, every part walked
// and read) loses data on 83 messages — message.Read fails on 37 (25 of
// them for a leading mbox "From " line, the rest for a malformed header
// line), the multipart walk stops early on 27 (a NextPart error: EOF
// before the closing boundary, an empty boundary, a bad part header), a
// part's body fails to decode on 7, a charset fails on 7 (unknown charset,
// or 8-bit text passed through as invalid UTF-8), and on 48 more than a
// tenth of the words mailparse recovers are missing (6 of them with no
// error reported at all); a message can count under several heads.
// mailparse loses data on 3, where Parse returns ErrNotMail (no header can
// be read: two texts with no header at all, an Outlook .msg file), and
// go-message fails on the same 3; there is no message whose text
// go-message recovers and mailparse does not.
//
// # Splitting
//
// SplitTextWithSubject separates the new text from quoted history,
// forwarded content and the signature (Parse runs it); routing and the
// deadline package read the new text to find the journalist's own
// deadline. See SplitTextWithSubject for the rules; the closings and
// reply-header verbs of every language are data (lang/data/mail), and a
// line after a closing that holds a deadline cue with a time ("Frist: 14
// Uhr.") stays new text, read with the deadline reader's words
// (lang/data/<code>.json). HTMLToText converts
// HTML bodies (blockquotes become "> " lines so the splitter sees them as
// quoted).
//
// # Automatic mail
//
// Automatic is set from the first of these signals (AutoReason names it):
//  1. our own loop header X-Mediadesk-Loop → auto-reply;
//  2. multipart/report with report-type delivery-status → bounce,
//     disposition-notification → read receipt; a message/delivery-status
//     part anywhere in the tree → bounce; a
//     message/disposition-notification part → read receipt;
//  3. From local part mailer-daemon or postmaster → bounce;
//  4. Auto-Submitted present and not "no": auto-generated → bulk, other
//     values → auto-reply;
//  5. Return-Path <> → read receipt if the subject starts "Read:", else
//     bounce;
//  6. Precedence bulk/junk/list → bulk, auto_reply → auto-reply;
//  7. vacation headers (X-Autoreply, X-Autorespond, X-Autoresponder,
//     X-Auto-Reply, X-Autogenerated, X-Mail-Autoreply, X-Autoreply-From,
//     X-Vacation; X-Mailer/User-Agent naming a vacation program) →
//     auto-reply;
//  8. X-Auto-Response-Suppress, any value → auto-reply;
//  9. List-Id or List-Unsubscribe → bulk;
//  10. the subject, only with unambiguous machine phrases at its start
//     ("Automatic reply:", "AUTO:", "Out of Office:", "Abwesenheitsnotiz",
//     "Réponse automatique", "Undeliverable:", "Returned mail:", "Delivery
//     Status Notification", …) or a "[Auto-Reply]" tag.
//
// The structure comes before Auto-Submitted so that a bounce, which also
// carries "Auto-Submitted: auto-replied", is called a bounce. The design
// guide treats X-Auto-Response-Suppress as automatic; Outlook also sets it
// on some ordinary mail (meeting responses, some add-ins), but in the
// labelled samples it appears only on automatic mail, so the guide's rule
// is followed as is. An empty Auto-Submitted value is not a signal.
package mailparse
