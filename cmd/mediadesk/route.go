package main

import "io"

// cmdRoute is written by the routing work; placeholder.
func cmdRoute(args []string, stdout, stderr io.Writer) int { return notYet("route", stderr) }
