package main

import (
	"fmt"
	"io"
)

// Commands not written yet; each moves to its own file.

func notYet(name string, stderr io.Writer) int {
	fmt.Fprintf(stderr, "mediadesk %s: not implemented yet\n", name)
	return 2
}
