//go:build !linux

package servers

import "syscall"

// sysProcAttr puts the child in its own process group. Outside Linux there is
// no parent-death signal: a killed test binary may leave servers behind.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true}
}

// liveGroupMembers is unknown outside Linux; callers fall back to kill(2).
func liveGroupMembers(int) ([]string, bool) { return nil, false }
