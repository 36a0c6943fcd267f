package outbound

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
)

type failingTransport struct{}

func (failingTransport) RoundTrip(*http.Request) (*http.Response, error) {
	return nil, errors.New("connection refused")
}

// TestWebhookErrorsHideTheURL: the webhook URL is the secret (its path
// holds the token), so no error from posting to it shows it, however the
// post fails.
func TestWebhookErrorsHideTheURL(t *testing.T) {
	const token = "T0kenS3cretPath"
	for _, u := range []string{
		"https://hooks.example/services/T000/B000/" + token,
		"https://user:" + token + "@hooks.example/x",
		"https://hooks.example/services/" + token + "/%zz",
		"hooks.example/services/" + token,
	} {
		w := &Webhook{URL: func() string { return u }, Client: &http.Client{Transport: failingTransport{}}}
		_, err := w.Post(context.Background(), []byte(`{"text":"x"}`))
		if err == nil {
			t.Errorf("%q: no error", u)
			continue
		}
		if strings.Contains(err.Error(), token) || strings.Contains(err.Error(), "T0ken") {
			t.Errorf("%q: the error shows the secret: %v", u, err)
		}
	}
}
