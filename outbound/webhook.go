package outbound

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/mediadesk/mediadesk/internal/redact"
)

// Webhook posts alert payloads to a Slack/Teams-style incoming webhook.
// The URL is read from the environment when each alert is posted, so it
// never sits in Redis or in a log line.
type Webhook struct {
	URL    func() string
	Client *http.Client
}

// Post sends payload (JSON). 2xx is success; 429, 5xx and network errors
// are temporary; any other status is permanent.
func (w *Webhook) Post(ctx context.Context, payload []byte) (string, error) {
	url := ""
	if w.URL != nil {
		url = strings.TrimSpace(w.URL())
	}
	if url == "" {
		return "", permanent(errors.New("webhook URL variable is unset or empty"))
	}
	c := w.Client
	if c == nil {
		c = &http.Client{Timeout: 30 * time.Second}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(payload))
	if err != nil {
		// The error would quote the URL, which is a secret.
		return "", permanent(errors.New("webhook URL is not a valid URL"))
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.Do(req)
	if err != nil {
		// The client's error quotes the URL, which is the secret.
		return "", temporary(fmt.Errorf("webhook post: %w", redact.Hidden(err, url)))
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	status := fmt.Sprintf("HTTP %d %s", resp.StatusCode, strings.TrimSpace(string(body)))
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		return status, nil
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		return "", temporary(errors.New("webhook: " + status))
	default:
		return "", permanent(errors.New("webhook: " + status))
	}
}
