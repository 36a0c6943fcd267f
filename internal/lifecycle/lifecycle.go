// Package lifecycle separates "stop taking new work" from "abandon the
// work in flight" for a graceful shutdown.
//
// A component runs under a context that ends when the process is asked to
// stop (SIGTERM): it then takes no new work (stops IDLE, reads no more
// events). The step it is in the middle of — a commit to Redis, an SMTP
// delivery — runs under InFlight(ctx), which keeps going after the stop and
// ends only at the hard deadline the process set with WithHard (the
// shutdown bound). Without WithHard, InFlight(ctx) ends with ctx, as before.
package lifecycle

import "context"

type hardKey struct{}

// WithHard returns ctx carrying hard: work in flight under the returned
// context outlives ctx until hard ends.
func WithHard(ctx, hard context.Context) context.Context {
	return context.WithValue(ctx, hardKey{}, hard)
}

// InFlight returns a context for a step already under way: it keeps ctx's
// values, is not cancelled when ctx is (if ctx carries a hard context),
// and ends when the hard context ends. Call cancel when the step is done.
func InFlight(ctx context.Context) (context.Context, context.CancelFunc) {
	hard, ok := ctx.Value(hardKey{}).(context.Context)
	if !ok {
		return context.WithCancel(ctx)
	}
	out, cancel := context.WithCancelCause(context.WithoutCancel(ctx))
	stop := context.AfterFunc(hard, func() { cancel(context.Cause(hard)) })
	return out, func() { stop(); cancel(context.Canceled) }
}
