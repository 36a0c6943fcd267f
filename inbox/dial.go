package inbox

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"github.com/mediadesk/mediadesk/config"
)

// Dialer returns a Dial function for a configured mailbox: implicit TLS,
// STARTTLS, or plain (loopback only, enforced by config validation), then
// LOGIN. password is read from the environment by the caller and never
// logged.
func Dialer(mb *config.Mailbox, password string) func(ctx context.Context, opts *imapclient.Options) (*imapclient.Client, error) {
	return func(ctx context.Context, opts *imapclient.Options) (*imapclient.Client, error) {
		host, _, _ := net.SplitHostPort(mb.Address)
		o := *opts
		o.Dialer = &net.Dialer{Timeout: 15 * time.Second, KeepAlive: 30 * time.Second}
		o.TLSConfig = &tls.Config{ServerName: host, InsecureSkipVerify: mb.InsecureSkipVerify, MinVersion: tls.VersionTLS12}
		var (
			c   *imapclient.Client
			err error
		)
		switch mb.Security {
		case config.SecurityTLS:
			c, err = imapclient.DialTLS(mb.Address, &o)
		case config.SecurityStartTLS:
			c, err = imapclient.DialStartTLS(mb.Address, &o)
		default:
			c, err = imapclient.DialInsecure(mb.Address, &o)
		}
		if err != nil {
			return nil, fmt.Errorf("connect %s (%s): %w", mb.Address, mb.Security, err)
		}
		stop := context.AfterFunc(ctx, func() { c.Close() })
		defer stop()
		if err := c.WaitGreeting(); err != nil {
			c.Close()
			return nil, fmt.Errorf("greeting from %s: %w", mb.Address, err)
		}
		if err := c.Login(mb.Username, password).Wait(); err != nil {
			c.Close()
			var ie *imap.Error
			if errors.As(err, &ie) {
				return nil, fmt.Errorf("login %s at %s: %w: %s", mb.Username, mb.Address, ErrAuth, ie.Text)
			}
			return nil, fmt.Errorf("login %s at %s: %w", mb.Username, mb.Address, err)
		}
		return c, nil
	}
}
