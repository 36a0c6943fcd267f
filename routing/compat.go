package routing

import (
	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/releases"
)

// The release catalogue's files, feeds, Redis copy and schedules moved to
// package releases. These names remain for callers being edited by others
// while it moved (web, internal/app/app.go, bench/reindex), and go when
// they switch to package releases.

// Deprecated: use releases.Store.
type ReleaseStore = releases.Store

// Deprecated: use releases.NewStore.
var NewReleaseStore = releases.NewStore

// Deprecated: use releases.LoadJSONL.
var LoadJSONL = releases.LoadJSONL

// SourceOptions tune LoadSources. Deprecated: use releases.SourceOptions.
type SourceOptions = releases.SourceOptions

// LoadSources reads the sources of cfg (releases.LoadSources) into a
// catalogue. Deprecated: use releases.LoadSources and NewCatalogue.
func LoadSources(cfg *config.Config, opts SourceOptions) (*Catalogue, error) {
	rels, err := releases.LoadSources(cfg, opts)
	if err != nil {
		return nil, err
	}
	return NewCatalogue(rels, cfg.Location), nil
}

// Deprecated: use releases.ErrNoRelease.
var ErrNoRelease = releases.ErrNoRelease

// Deprecated: use releases.Refresher.
type Refresher = releases.Refresher

// Deprecated: use releases.RefresherOptions.
type RefresherOptions = releases.RefresherOptions

// NewRefresher returns a releases.Refresher for router's catalogue.
// Deprecated: use releases.NewRefresher(cfg, router.ReleaseCatalogue(), opts).
func NewRefresher(cfg *config.Config, router *Router, opts RefresherOptions) *Refresher {
	return releases.NewRefresher(cfg, router.ReleaseCatalogue(), opts)
}
