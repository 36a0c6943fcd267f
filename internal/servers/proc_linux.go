//go:build linux

package servers

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// sysProcAttr puts the child in its own process group (so Stop and Kill can
// reach the server's own children) and has the kernel SIGKILL it when the
// thread that started it dies (see spawner), so a killed test binary leaves
// nothing behind.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}

// liveGroupMembers lists the command names (comm) of the processes in
// process group pgid that are not zombies, from /proc. ok is false when /proc
// cannot be read.
func liveGroupMembers(pgid int) (comms []string, ok bool) {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil, false
	}
	for _, e := range entries {
		if _, err := strconv.Atoi(e.Name()); err != nil {
			continue
		}
		b, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue // exited meanwhile
		}
		// pid (comm) state ppid pgrp ...; comm may contain anything.
		j := bytes.IndexByte(b, '(')
		i := bytes.LastIndexByte(b, ')')
		if j < 0 || i < j {
			continue
		}
		f := strings.Fields(string(b[i+1:]))
		if len(f) < 3 {
			continue
		}
		if g, _ := strconv.Atoi(f[2]); g == pgid && f[0] != "Z" && f[0] != "X" {
			comms = append(comms, string(b[j+1:i]))
		}
	}
	return comms, true
}
