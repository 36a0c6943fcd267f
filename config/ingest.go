package config

import "time"

// Defaults of the ingest limits.
const (
	DefaultSenderLimit  = 5
	DefaultSenderWindow = time.Hour
	DefaultMaxHTMLBytes = 256 << 10
)

// ingestLimits checks and defaults ingest.sender_limit, .sender_window
// and .max_html_bytes.
func (v *validator) ingestLimits() {
	in := &v.cfg.Ingest
	switch {
	case in.SenderLimit == 0:
		in.SenderLimit = DefaultSenderLimit
	case in.SenderLimit < 0:
		v.errorf("ingest.sender_limit", "%d: must be a positive number of new enquiries per sender", in.SenderLimit)
	}
	switch {
	case in.SenderWindow == 0:
		in.SenderWindow = DefaultSenderWindow
	case in.SenderWindow < time.Minute:
		v.errorf("ingest.sender_window", "%s is below the 1m minimum", in.SenderWindow)
	case in.SenderWindow > 30*24*time.Hour:
		v.errorf("ingest.sender_window", "%s is longer than 30 days", in.SenderWindow)
	}
	switch {
	case in.MaxHTMLBytes == 0:
		in.MaxHTMLBytes = DefaultMaxHTMLBytes
	case in.MaxHTMLBytes < 4<<10:
		v.errorf("ingest.max_html_bytes", "%d bytes is below the 4096-byte minimum", in.MaxHTMLBytes)
	}
}
