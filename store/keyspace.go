package store

import (
	"fmt"
	"strings"

	"github.com/redis/go-redis/v9"
)

// KeySpace is the part of the store's Redis a package outside store owns
// (docs/design.md "Keys owned outside store"): the client, and key names
// under the store's prefix limited to the package's own roots. The store's
// own keys are reached only through its typed calls; the events stream,
// which the store writes and others consume, through EventStream.
type KeySpace struct {
	rdb    redis.UniversalClient
	prefix string
	roots  []string
}

// Namespace returns the key space of the given roots. A root ending in ':'
// covers the names that start with it; any other root covers itself and
// the names that start with it and ':'. The owner passes its roots
// literally, so TestKeyOwners sees who names them.
func (s *Store) Namespace(roots ...string) KeySpace {
	return KeySpace{rdb: s.rdb, prefix: s.prefix, roots: roots}
}

// Client is the Redis client, for the key space's own keys.
func (k KeySpace) Client() redis.UniversalClient { return k.rdb }

// Prefix is the store's key prefix, for the owner's Lua scripts that
// build their own key names.
func (k KeySpace) Prefix() string { return k.prefix }

// Key returns the full Redis key of name, which must fall under one of the
// key space's roots. Every caller names its root literally, so a name
// outside them is a programming error, not bad input: Key panics rather
// than touch another package's key.
func (k KeySpace) Key(name string) string {
	if !k.owns(name) {
		panic(fmt.Sprintf("store: key %q is outside the key space %q", name, k.roots))
	}
	return k.prefix + name
}

func (k KeySpace) owns(name string) bool {
	for _, r := range k.roots {
		if strings.HasSuffix(r, ":") {
			if strings.HasPrefix(name, r) {
				return true
			}
		} else if name == r || strings.HasPrefix(name, r+":") {
			return true
		}
	}
	return false
}

// EventStream is the events stream ("P events"): the client and the
// stream's key, for its consumers (outbound, sla's projector, the
// dashboard's live updates). Only the store's scripts append to it.
func (s *Store) EventStream() (redis.UniversalClient, string) {
	return s.rdb, s.key(eventsKey)
}

// eventsKey is the events stream's key suffix.
const eventsKey = "events"
