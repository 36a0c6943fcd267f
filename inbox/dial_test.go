package inbox

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"io"
	"log"
	"log/slog"
	"math/big"
	"net"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"

	"github.com/mediadesk/mediadesk/config"
)

// selfSigned makes a throwaway certificate for 127.0.0.1.
func selfSigned(t *testing.T) tls.Certificate {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "127.0.0.1"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}

// tlsServer serves an in-memory mailbox that refuses plaintext login,
// over implicit TLS or with STARTTLS.
func tlsServer(t *testing.T, implicit bool) string {
	t.Helper()
	mem := imapmemserver.New()
	u := imapmemserver.NewUser("desk", "secret")
	if err := u.Create("INBOX", nil); err != nil {
		t.Fatal(err)
	}
	mem.AddUser(u)
	cfg := &tls.Config{Certificates: []tls.Certificate{selfSigned(t)}}
	srv := imapserver.New(&imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return mem.NewSession(), nil, nil
		},
		Caps:      imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapIMAP4rev2: {}},
		TLSConfig: cfg,
		Logger:    log.New(io.Discard, "", 0),
	})
	var ln net.Listener
	var err error
	if implicit {
		ln, err = tls.Listen("tcp", "127.0.0.1:0", cfg)
	} else {
		ln, err = net.Listen("tcp", "127.0.0.1:0")
	}
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

func TestDialSecurity(t *testing.T) {
	for _, sec := range []config.Security{config.SecurityTLS, config.SecurityStartTLS} {
		t.Run(string(sec), func(t *testing.T) {
			addr := tlsServer(t, sec == config.SecurityTLS)
			mb := &config.Mailbox{ID: "m", Address: addr, Security: sec, Username: "desk", InsecureSkipVerify: true}
			c, err := Dialer(mb, "secret")(context.Background(), &imapclient.Options{})
			if err != nil {
				t.Fatalf("dial: %v", err)
			}
			defer c.Close()
			if _, err := c.Select("INBOX", nil).Wait(); err != nil {
				t.Fatal(err)
			}
			// Certificates are verified unless the config says otherwise.
			mb.InsecureSkipVerify = false
			if _, err := Dialer(mb, "secret")(context.Background(), &imapclient.Options{}); err == nil {
				t.Error("a self-signed certificate was accepted")
			}
		})
	}
}

// TestAuthFailureRetriedSlowly: a refused login is reported as an
// authentication failure and not retried in a hot loop.
func TestAuthFailureRetriedSlowly(t *testing.T) {
	h := newHarness(t, nil)
	var dials atomic.Int32
	wrong := Dialer(h.mailbox(), "not-the-password")
	w, err := NewWorker(Config{
		Mailbox: "desk", Folder: "INBOX", Store: h.store, Handler: &Ingest{Store: h.store},
		Dial: func(ctx context.Context, o *imapclient.Options) (*imapclient.Client, error) {
			dials.Add(1)
			return wrong(ctx, o)
		},
		MinBackoff: time.Millisecond, MaxBackoff: 10 * time.Millisecond, AuthRetry: time.Hour,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	h.eventually("the login to be refused", 20*time.Second, func() bool { return w.Status().LastError != "" })
	// With other errors it would have retried after 1-10 ms; give it time
	// to show a hot loop if there were one.
	time.Sleep(300 * time.Millisecond)
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("run: %v", err)
	}
	if n := dials.Load(); n != 1 {
		t.Errorf("%d logins attempted; an authentication failure must wait AuthRetry", n)
	}
	if e := w.Status().LastError; !strings.Contains(e, ErrAuth.Error()) {
		t.Errorf("status error %q does not say authentication failed", e)
	}
}
