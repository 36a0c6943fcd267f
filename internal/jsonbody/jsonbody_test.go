package jsonbody

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

type reply struct {
	Body string `json:"body"`
	Kind string `json:"kind"`
}

// TestDecode: exactly one JSON object, nothing after it, no unknown
// fields, valid UTF-8, within the limit — or an error with its status.
func TestDecode(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		o          Options
		status     int // 0: accepted
		want       reply
	}{
		{"object", `{"body":"hi","kind":"holding"}`, Options{}, 0, reply{"hi", "holding"}},
		{"whitespace around", " \r\n\t{\"body\":\"hi\"}\n ", Options{}, 0, reply{Body: "hi"}},
		{"trailing object", `{"kind":"holding","body":"x"}{}`, Options{}, 400, reply{}},
		{"trailing garbage", `{"body":"x"} x`, Options{}, 400, reply{}},
		{"second value after space", `{"body":"x"} {"body":"y"}`, Options{}, 400, reply{}},
		{"trailing comma", `{"body":"x"},`, Options{}, 400, reply{}},
		{"unknown field", `{"body":"x","by":"meg"}`, Options{}, 400, reply{}},
		{"unknown field allowed", `{"body":"x","extra":1}`, Options{AllowUnknown: true}, 0, reply{Body: "x"}},
		{"empty", ``, Options{}, 400, reply{}},
		{"empty allowed", "  \n", Options{AllowEmpty: true}, 0, reply{}},
		{"null", `null`, Options{}, 400, reply{}},
		{"array", `[{"body":"x"}]`, Options{}, 400, reply{}},
		{"string", `"x"`, Options{}, 400, reply{}},
		{"not json", `not json`, Options{}, 400, reply{}},
		{"truncated", `{"body":"x"`, Options{}, 400, reply{}},
		{"bad utf-8", "{\"body\":\"\xff\"}", Options{}, 400, reply{}},
		{"wrong type", `{"body":1}`, Options{}, 400, reply{}},
		{"duplicate key", `{"body":"x","body":"y"}`, Options{}, 400, reply{}},
		{"duplicate key, other case", `{"kind":"holding","KIND":"substantive"}`, Options{}, 400, reply{}},
		{"duplicate key, Kelvin sign", "{\"kind\":\"a\",\"\u212aind\":\"b\"}", Options{}, 400, reply{}},
		{"duplicate nested key", `{"body":"x","extra":{"a":1,"a":2}}`, Options{AllowUnknown: true}, 400, reply{}},
		{"same key in sibling objects", `{"body":"x","e1":{"a":1},"e2":[{"a":1},{"a":2}],"e3":{"a":{"a":1}}}`, Options{AllowUnknown: true}, 0, reply{Body: "x"}},
		{"strings as values are not keys", `{"body":"body","kind":"kind"}`, Options{}, 0, reply{"body", "kind"}},
		{"too large", `{"body":"` + strings.Repeat("a", 100) + `"}`, Options{Limit: 64}, 413, reply{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest("POST", "/", strings.NewReader(tc.body))
			var got reply
			err := Decode(httptest.NewRecorder(), r, &got, tc.o)
			var je *Error
			switch {
			case tc.status == 0 && err != nil:
				t.Fatalf("refused: %v", err)
			case tc.status == 0 && got != tc.want:
				t.Fatalf("decoded %+v, want %+v", got, tc.want)
			case tc.status != 0 && !errors.As(err, &je):
				t.Fatalf("want an *Error with status %d, got %v", tc.status, err)
			case tc.status != 0 && je.Status != tc.status:
				t.Fatalf("status %d, want %d (%v)", je.Status, tc.status, err)
			}
		})
	}
	if err := Decode(nil, &http.Request{}, &reply{}, Options{AllowEmpty: true}); err != nil {
		t.Errorf("no body, empty allowed: %v", err)
	}
}

// FuzzDecode: whatever the bytes, Decode never panics, and what it
// accepts is one valid JSON object.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{`{"body":"x"}`, `{"a":{"a":[1,{"a":2}]}}`, `{"a":1}{}`, `{"a":1,"A":2}`, `[]`, `{"a":"\u017f"}`, ""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var m map[string]any
		if err := DecodeBytes(b, &m, Options{AllowUnknown: true}); err == nil {
			if !json.Valid(b) || m == nil {
				t.Fatalf("accepted %q", b)
			}
		}
	})
}
