package wire

import (
	"encoding/binary"
	"strings"
	"testing"
)

func TestRoundTripAndCut(t *testing.T) {
	b := AppendString(nil, "بغداد")
	b = binary.AppendUvarint(b, 300)
	b = binary.AppendVarint(b, -7)
	var s string
	var u uint64
	var v int64
	r := NewReader(b)
	if err := Decode(r, func() error { s, u, v = r.String(), r.Uvarint(), r.Varint(); return nil }); err != nil {
		t.Fatal(err)
	}
	if s != "بغداد" || u != 300 || v != -7 {
		t.Errorf("read %q %d %d", s, u, v)
	}
	for n := range len(b) {
		r := NewReader(b[:n])
		err := Decode(r, func() error { _ = r.String(); r.Uvarint(); r.Varint(); return nil })
		if err == nil || !strings.Contains(err.Error(), "damaged") {
			t.Errorf("cut at %d: %v", n, err)
		}
	}
	r = NewReader(append(b, 0))
	if err := Decode(r, func() error { _ = r.String(); r.Uvarint(); r.Varint(); return nil }); err == nil {
		t.Error("trailing bytes accepted")
	}
}
