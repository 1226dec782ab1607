package output

import (
	"encoding/json"
	"maps"
	"strings"
	"testing"
)

func sampleManifest() map[string]record {
	h := strings.Repeat("ab", 32)
	return map[string]record{
		"index.html":                     {Size: 10, MTime: 1700000000123456789, SHA256: h, Key: strings.Repeat("c", 64)},
		"tags/العراق/index.html":         {Size: 2048, MTime: -5, SHA256: h},
		"tags/العراق/page/2/index.html":  {Size: 1, MTime: 0, SHA256: h, Key: "k"},
		"tags/العراق/page/10/index.html": {Size: 0, MTime: 1, SHA256: h},
	}
}

func TestManifestRoundTrip(t *testing.T) {
	files := sampleManifest()
	data, err := encodeManifest("/srv/public", files)
	if err != nil {
		t.Fatal(err)
	}
	m, ok := decodeManifest(data)
	if !ok || m.Dest != "/srv/public" || !maps.Equal(m.Files, files) {
		t.Fatalf("round trip: ok=%v dest=%q files=%v", ok, m.Dest, m.Files)
	}
	again, _ := encodeManifest("/srv/public", m.Files)
	if string(again) != string(data) {
		t.Error("equal manifests encode to different bytes")
	}
	// Cut anywhere, it is refused, never half read.
	for n := range len(data) {
		if _, ok := decodeManifest(data[:n]); ok {
			t.Fatalf("a manifest cut at %d of %d bytes was read", n, len(data))
		}
	}
}

// The JSON manifest of sahifa before the binary one is still read, so
// the first build after an upgrade removes the files it no longer makes.
func TestManifestReadsVersion1JSON(t *testing.T) {
	files := sampleManifest()
	data, _ := json.Marshal(manifest{Version: 1, Dest: "/srv/public", Files: files})
	m, ok := decodeManifest(data)
	if !ok || !maps.Equal(m.Files, files) {
		t.Errorf("JSON manifest: ok=%v files=%v", ok, m.Files)
	}
}
