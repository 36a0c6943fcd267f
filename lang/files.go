package lang

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
)

// loadFiles reads every file of fsys matching pattern with parse, and
// checks that each file's code is its name ("de.json" holds code "de").
// The files come back in the order of their names.
func loadFiles[T any](fsys fs.FS, pattern string, parse func([]byte) (T, error), code func(T) string) ([]T, error) {
	names, err := fs.Glob(fsys, pattern)
	if err != nil {
		return nil, err
	}
	var out []T
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		v, err := parse(b)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if want := strings.TrimSuffix(path.Base(name), ".json"); code(v) != want {
			return nil, fmt.Errorf("%s: code %q does not match the file name", name, code(v))
		}
		out = append(out, v)
	}
	return out, nil
}

// decodeFile decodes one data file into v strictly: exactly one JSON
// object with no unknown keys and nothing after it; a syntax error names
// its line. code is the file's "code" key, which must be set.
func decodeFile(b []byte, v any, code *string) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return fmt.Errorf("line %d: %w", lineOf(b, se.Offset), err)
		}
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return fmt.Errorf("line %d: data after the object", lineOf(b, dec.InputOffset()))
	}
	if *code == "" {
		return fmt.Errorf("no code")
	}
	return nil
}
