package store

import (
	"context"

	"github.com/mediadesk/mediadesk/config"
)

// Totals sums folder stats.
type Totals struct {
	Messages    int64 `json:"messages"`
	Enquiries   int64 `json:"enquiries"`
	Followups   int64 `json:"followups"`
	Automatic   int64 `json:"automatic"`
	Quarantined int64 `json:"quarantined"`
	Duplicates  int64 `json:"duplicates"`
}

// IngestStatus is what `mediadesk status` prints about ingestion.
type IngestStatus struct {
	Mailboxes  []FolderStats `json:"mailboxes"`
	Totals     Totals        `json:"totals"`
	Open       int64         `json:"open_enquiries"`
	Quarantine []Quarantined `json:"quarantine"`
}

// WatchedFolders lists (mailbox, folder) for every watched inbox folder
// of a config.
func WatchedFolders(cfg *config.Config) [][2]string {
	var out [][2]string
	for _, m := range cfg.Mailboxes {
		for _, f := range m.Folders {
			out = append(out, [2]string{m.ID, f})
		}
	}
	return out
}

// IngestStatus reads counters for the folders, the open count and the
// newest quarantine entries.
func (s *Store) IngestStatus(ctx context.Context, folders [][2]string, quarantine int) (*IngestStatus, error) {
	st, err := s.FolderStats(ctx, folders)
	if err != nil {
		return nil, err
	}
	out := &IngestStatus{Mailboxes: st, Quarantine: []Quarantined{}}
	for _, f := range st {
		out.Totals.Messages += f.Messages
		out.Totals.Enquiries += f.Enquiries
		out.Totals.Followups += f.Followups
		out.Totals.Automatic += f.Automatic
		out.Totals.Quarantined += f.Quarantined
		out.Totals.Duplicates += f.Duplicates
	}
	if out.Open, err = s.rdb.ZCard(ctx, s.key("idx:open")).Result(); err != nil {
		return nil, err
	}
	q, _, err := s.Quarantine(ctx, quarantine)
	if err != nil {
		return nil, err
	}
	out.Quarantine = q
	return out, nil
}
