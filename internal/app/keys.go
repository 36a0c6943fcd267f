package app

import (
	"context"
	"fmt"
	"strings"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/store"
)

// checkKeyPrefix refuses to start a desk whose key prefix comes from its
// desk id ("{md:<id>}:", the default since desk ids) when Redis has none
// of its keys but holds a desk under the one prefix every desk shared
// before ("{md}:"): starting would look like an empty desk and take the
// mail in again. The fix is one line of config, which the error gives.
func checkKeyPrefix(ctx context.Context, st *store.Store, cfg *config.Config) error {
	derived := cfg.Redis.DeskID != "" && cfg.Redis.DeskID == strings.ToLower(cfg.Desk.ReferencePrefix)
	if !derived || st.Prefix() == config.LegacyKeyPrefix {
		return nil // key_prefix or a desk id of its own: the operator chose
	}
	// The events stream: every desk that has committed anything has one.
	// One key at a time: on a Cluster the two prefixes live in different
	// slots.
	rdb, events := st.EventStream()
	ours, err := rdb.Exists(ctx, events).Result()
	if err != nil {
		return fmt.Errorf("checking the desk's keys: %w", err)
	}
	if ours > 0 {
		return nil
	}
	legacy, err := rdb.Exists(ctx, config.LegacyKeyPrefix+"events").Result()
	if err != nil {
		return fmt.Errorf("checking for keys under %s: %w", config.LegacyKeyPrefix, err)
	}
	if legacy > 0 {
		return fmt.Errorf("redis holds a desk under the old shared key prefix %q and nothing under this desk's %q: "+
			"to keep using that data set redis.key_prefix: %q in the config (or rename its keys to the new prefix)",
			config.LegacyKeyPrefix, st.Prefix(), config.LegacyKeyPrefix)
	}
	return nil
}
