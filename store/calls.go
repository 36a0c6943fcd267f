package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

// Logged phone calls are committed like mail: a synthetic message whose
// Source points into the pseudo-mailbox CallMailbox/CallFolder (UIDVALIDITY
// 1, a UID allocated per form nonce). The commit's first dedupe (the same
// mailbox message again) then makes a form submitted twice one enquiry.
const (
	CallMailbox = "phone"
	CallFolder  = "calls"
	// CallNonceTTL is how long a form nonce keeps its UID.
	CallNonceTTL = 7 * 24 * time.Hour
)

// ChannelPhone is the enquiry channel of a logged call.
const ChannelPhone = "phone"

// CallSource returns the source of the call logged with form nonce: the
// same Source for the same nonce for CallNonceTTL, a new UID otherwise.
// It writes only its own counter and nonce keys (a UID allocated by a
// submission that lost the race is simply never used).
func (s *Store) CallSource(ctx context.Context, nonce string) (Source, error) {
	if nonce == "" || len(nonce) > 200 {
		return Source{}, errors.New("call nonce: missing or too long")
	}
	nkey := s.key("calls:nonce:" + hash(nonce, 32))
	if uid, err := s.callUID(ctx, nkey); err != nil || uid != 0 {
		return callSource(uid), err
	}
	n, err := s.rdb.Incr(ctx, s.key("calls:uid")).Result()
	if err != nil {
		return Source{}, fmt.Errorf("allocate call uid: %w", err)
	}
	if n <= 0 || n > 1<<32-1 {
		return Source{}, fmt.Errorf("call uid counter out of range: %d", n)
	}
	ok, err := s.rdb.SetNX(ctx, nkey, n, CallNonceTTL).Result()
	if err != nil {
		return Source{}, fmt.Errorf("record call nonce: %w", err)
	}
	if ok {
		return callSource(uint32(n)), nil
	}
	uid, err := s.callUID(ctx, nkey) // a concurrent submission won
	if err == nil && uid == 0 {
		err = errors.New("call nonce vanished while being recorded")
	}
	return callSource(uid), err
}

func (s *Store) callUID(ctx context.Context, nkey string) (uint32, error) {
	v, err := s.rdb.Get(ctx, nkey).Result()
	if errors.Is(err, redis.Nil) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("read call nonce: %w", err)
	}
	n, err := strconv.ParseUint(v, 10, 32)
	if err != nil {
		return 0, fmt.Errorf("call nonce holds %q: %w", v, err)
	}
	return uint32(n), nil
}

func callSource(uid uint32) Source {
	if uid == 0 {
		return Source{}
	}
	return Source{Mailbox: CallMailbox, Folder: CallFolder, UIDValidity: 1, UID: uid}
}

// IsCall reports whether src is a logged call rather than a mailbox
// message (there is nothing to fetch from a mailbox for it).
func (src Source) IsCall() bool { return src.Mailbox == CallMailbox && src.Folder == CallFolder }
