package config

import "time"

// Ops is the operations side (extension): the listener Prometheus and
// probes use, and how long a shutdown may take.
type Ops struct {
	// Listen is the operations listener serving /metrics, /healthz and
	// /readyz without a session (default 127.0.0.1:9464; "off" disables it).
	Listen string `yaml:"listen"`
	// ShutdownTimeout bounds a graceful stop after SIGTERM: IDLE stops at
	// once, commits and sends in flight get this long to finish (default 20s).
	ShutdownTimeout time.Duration `yaml:"shutdown_timeout"`
}

// OpsOff is the ops.listen value that disables the operations listener.
const OpsOff = "off"

// Enabled reports whether the operations listener runs.
func (o *Ops) Enabled() bool { return o.Listen != OpsOff }

func (v *validator) ops() {
	c := v.cfg
	switch c.Ops.Listen {
	case "":
		c.Ops.Listen = "127.0.0.1:9464"
	case OpsOff:
	default:
		v.hostPort("ops.listen", c.Ops.Listen)
	}
	switch {
	case c.Ops.ShutdownTimeout == 0:
		c.Ops.ShutdownTimeout = 20 * time.Second
	case c.Ops.ShutdownTimeout < time.Second || c.Ops.ShutdownTimeout > 10*time.Minute:
		v.errorf("ops.shutdown_timeout", "%s is outside 1s–10m", c.Ops.ShutdownTimeout)
	}
}
