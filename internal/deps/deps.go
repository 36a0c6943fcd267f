// Package deps pins the project's dependencies while the packages that use
// them are being written. Delete once every import below is used elsewhere.
package deps

import (
	_ "github.com/alicebob/miniredis/v2"
	_ "github.com/emersion/go-imap/v2/imapclient"
	_ "github.com/emersion/go-imap/v2/imapserver"
	_ "github.com/emersion/go-imap/v2/imapserver/imapmemserver"
	_ "github.com/emersion/go-message/charset"
	_ "github.com/emersion/go-message/mail"
	_ "github.com/emersion/go-sasl"
	_ "github.com/emersion/go-smtp"
	_ "github.com/microcosm-cc/bluemonday"
	_ "github.com/redis/go-redis/v9"
	_ "github.com/robfig/cron/v3"
	_ "golang.org/x/net/html"
	_ "golang.org/x/text/encoding"
	_ "gopkg.in/yaml.v3"
)
