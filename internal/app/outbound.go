package app

import "context"

// setupOutbound wires outbound mail (acknowledgements, alerts, replies,
// response detection) into the desk.
func (d *Desk) setupOutbound(ctx context.Context) error { return nil }
