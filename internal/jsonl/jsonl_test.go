package jsonl

import (
	"strings"
	"testing"
)

type row struct {
	File  string `json:"file"`
	Topic string `json:"topic"`
}

func TestRead(t *testing.T) {
	got, err := Read[row](strings.NewReader("{\"file\":\"001.eml\",\"topic\":\"europe\"}\n\n  \n{\"file\":\"002.eml\"}\n"), "x")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0] != (row{"001.eml", "europe"}) || got[1] != (row{File: "002.eml"}) {
		t.Errorf("got %+v", got)
	}
	_, err = Read[row](strings.NewReader("{\"file\":\"001.eml\"}\n{not json}\n"), "labels.jsonl")
	if err == nil || !strings.Contains(err.Error(), "labels.jsonl line 2") {
		t.Errorf("err %v, want one naming labels.jsonl line 2", err)
	}
	if _, err := ReadFile[row]("testdata/none.jsonl"); err == nil {
		t.Error("a missing file read without error")
	}
}
