package main

import (
	"strings"
	"testing"
)

func TestCount(t *testing.T) {
	first, _ := parse(strings.NewReader(`{"file":"001.eml","release":"r1","topic":"europe"}
{"file":"002.eml","release":"r2","topic":"security"}
{"file":"003.eml","release":"","topic":"","automatic":true}
{"file":"004.eml","release":"","topic":"consular"}
{"file":"005.eml","release":"r5","topic":"trade"}`), "first")
	// the second labeller relabelled all but 005, and read 002 as europe
	second, _ := parse(strings.NewReader(`{"file":"001.eml","release":"r1","topic":"europe"}
{"file":"002.eml","release":"r2","topic":"europe"}
{"file":"003.eml","release":"","topic":"","automatic":true}
{"file":"004.eml","release":"","topic":"consular"}`), "second")
	routed, _ := parse(strings.NewReader(`{"file":"routing/testdata/x/001.eml","release":"r1","topic":"europe"}
{"file":"routing/testdata/x/002.eml","release":"r2","topic":"europe"}
{"file":"routing/testdata/x/003.eml","automatic":true}
{"file":"routing/testdata/x/004.eml","release":"","topic":"general"}
{"file":"routing/testdata/x/005.eml","release":"r5","topic":"trade"}`), "routed")
	got, err := count(first, second, routed)
	if err != nil {
		t.Fatal(err)
	}
	want := tally{n: 3, topicAgree: 2, relAgr: 3, topicOK: 1, relOK: 3, topicOKAgreed: 1, relOKAgreed: 3}
	if got != want {
		t.Fatalf("count = %+v, want %+v", got, want)
	}
}

func TestCountUnknownFile(t *testing.T) {
	first, _ := parse(strings.NewReader(`{"file":"001.eml","topic":"europe"}`), "first")
	second, _ := parse(strings.NewReader(`{"file":"009.eml","topic":"europe"}`), "second")
	if _, err := count(first, second, nil); err == nil {
		t.Fatal("a second label for a file the first labels lack was accepted")
	}
}

func TestParseError(t *testing.T) {
	if _, err := parse(strings.NewReader("{\"file\":1}\n"), "bad.jsonl"); err == nil || !strings.Contains(err.Error(), "bad.jsonl line 1") {
		t.Fatalf("err = %v, want one naming the file and line", err)
	}
}
