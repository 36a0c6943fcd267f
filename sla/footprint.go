package sla

import (
	"context"
	"fmt"
	"strings"

	"github.com/mediadesk/mediadesk/store"
)

// Footprint is what sla's rollups take in Redis: every rollup key (day
// hashes, breach lists, dimensions, checkpoints) and its MEMORY USAGE.
type Footprint struct {
	Bytes, Keys int64
	// DayHashes and Cells are the per-day rollup hashes and their cells;
	// BreachLists and Breached the per-day breach lists and their entries.
	DayHashes, Cells      int64
	BreachLists, Breached int64
}

// RollupFootprint measures the rollups' keys (bench/sla). It scans, so it
// is a tool, not something a desk runs while serving.
func RollupFootprint(ctx context.Context, st *store.Store) (Footprint, error) {
	var f Footprint
	keys := keySpace(st)
	rdb := keys.Client()
	for _, pattern := range []string{keyRollPrefix + "*", keyBrlPrefix + "*", keyDims + "*", "sla:rollup:*"} {
		iter := rdb.Scan(ctx, 0, keys.Prefix()+pattern, 1000).Iterator()
		for iter.Next(ctx) {
			k := iter.Val()
			n, err := rdb.MemoryUsage(ctx, k, 0).Result()
			if err != nil {
				return f, fmt.Errorf("memory usage %s: %w", k, err)
			}
			f.Bytes += n
			f.Keys++
			switch name := strings.TrimPrefix(k, keys.Prefix()); {
			case strings.HasPrefix(name, keyRollPrefix):
				c, err := rdb.HLen(ctx, k).Result()
				if err != nil {
					return f, fmt.Errorf("rollup cells %s: %w", k, err)
				}
				f.DayHashes++
				f.Cells += c
			case strings.HasPrefix(name, keyBrlPrefix):
				c, err := rdb.LLen(ctx, k).Result()
				if err != nil {
					return f, fmt.Errorf("breach list %s: %w", k, err)
				}
				f.BreachLists++
				f.Breached += c
			}
		}
		if err := iter.Err(); err != nil {
			return f, fmt.Errorf("scan rollup keys: %w", err)
		}
	}
	return f, nil
}
