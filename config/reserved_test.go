package config

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestReservedCallMailbox: a mailbox may not take the id of the logged
// calls' pseudo-mailbox.
func TestReservedCallMailbox(t *testing.T) {
	data := strings.Replace(ownDesk, "{id: other,", "{id: phone,", 1)
	abs, _ := filepath.Abs("testdata/valid.yaml")
	_, err := Parse([]byte(data), abs, LoadOptions{Env: fullEnv})
	if err == nil || !strings.Contains(err.Error(), "mailboxes[1].id") || !strings.Contains(err.Error(), "reserved") {
		t.Errorf("mailbox id phone: %v", err)
	}
	if _, err := Parse([]byte(ownDesk), abs, LoadOptions{Env: fullEnv}); err != nil {
		t.Errorf("the desk itself: %v", err)
	}
}
