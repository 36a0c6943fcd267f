package lifecycle

import (
	"context"
	"testing"
)

func TestInFlightOutlivesStopUntilHard(t *testing.T) {
	hard, cancelHard := context.WithCancel(context.Background())
	stop, cancelStop := context.WithCancel(WithHard(context.Background(), hard))
	in, done := InFlight(stop)
	defer done()
	cancelStop()
	if in.Err() != nil {
		t.Fatal("work in flight ended with the stop signal")
	}
	cancelHard()
	<-in.Done()
}

func TestInFlightWithoutHardEndsWithCtx(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	in, done := InFlight(ctx)
	defer done()
	cancel()
	<-in.Done()
}
