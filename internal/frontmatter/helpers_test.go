package frontmatter

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/sahifa/sahifa/internal/diag"
)

// decodeString splits and decodes src, failing the test on a Split error.
func decodeString(t *testing.T, src string) ([]Field, error) {
	t.Helper()
	d, err := Split("content/x.md", []byte(src))
	if err != nil {
		t.Fatalf("Split: %v", err)
	}
	return Decode("content/x.md", d)
}

// checkFields compares decoded fields with want, positions included.
func checkFields(t *testing.T, got, want []Field) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d fields %v, want %d %v", len(got), got, len(want), want)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Key != w.Key || !equalValues(g.Value, w.Value) || g.Line != w.Line || g.Col != w.Col {
			t.Errorf("field %d = {%q %#v %d:%d}, want {%q %#v %d:%d}",
				i, g.Key, g.Value, g.Line, g.Col, w.Key, w.Value, w.Line, w.Col)
		}
	}
}

// checkError asserts that err is a *diag.SourceError whose text starts with
// prefix.
func checkError(t *testing.T, err error, prefix string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %q", prefix)
	}
	if !strings.HasPrefix(err.Error(), prefix) {
		t.Errorf("error = %q, want prefix %q", err, prefix)
	}
	var se *diag.SourceError
	if !errors.As(err, &se) {
		t.Errorf("error %T is not a *diag.SourceError", err)
	}
}

// equalValues is reflect.DeepEqual that also treats NaN as equal to NaN.
func equalValues(a, b any) bool {
	switch x := a.(type) {
	case float64:
		y, ok := b.(float64)
		return ok && (x == y || math.IsNaN(x) && math.IsNaN(y))
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !equalValues(x[i], y[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !equalValues(v, w) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(a, b)
}

// equalFields compares keys and values, not positions.
func equalFields(a, b []Field) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Key != b[i].Key || !equalValues(a[i].Value, b[i].Value) {
			return false
		}
	}
	return true
}

func mustInf() float64 { return math.Inf(1) }
