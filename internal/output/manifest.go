package output

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"github.com/sahifa/sahifa/internal/wire"
)

// manifestVersion changes when the format does; an unknown version is
// ignored like a missing manifest.
const manifestVersion = 2

// manifest records what the last successful build wrote. It lives outside
// the destination (WithManifest) so it is never deployed. It serves two
// purposes: a fast "unchanged" check that need not read the old file, and
// knowing which files sahifa created, so stale removal never touches
// anyone else's.
type manifest struct {
	Version int `json:"version"`
	// Dest is the resolved destination the manifest describes. A manifest
	// for another folder is ignored: its paths say nothing about this one,
	// and trusting them could delete files here that we never wrote.
	Dest  string            `json:"dest"`
	Files map[string]record `json:"files"`
}

// record is what one output looked like right after it was written. Size
// and MTime let an unchanged file be recognised by a stat alone; rename
// keeps a file's mtime, so the staged file's stat is the final one.
type record struct {
	Size   int64  `json:"size"`
	MTime  int64  `json:"mtime"` // UnixNano
	SHA256 string `json:"sha256"`
	// Key is the File.Key the file was made from, "" for none.
	Key string `json:"key,omitempty"`
}

func newRecord(fi fs.FileInfo, sum [sha256.Size]byte) record {
	return record{Size: fi.Size(), MTime: fi.ModTime().UnixNano(), SHA256: hex.EncodeToString(sum[:])}
}

// sameStat reports whether fi still looks like the file r describes.
func (r record) sameStat(fi fs.FileInfo) bool {
	return fi.Mode().IsRegular() && fi.Size() == r.Size && fi.ModTime().UnixNano() == r.MTime
}

// loadManifest reads the manifest at path. It returns the parsed entries
// (never nil) and the raw bytes, so a failed commit can put them back.
// A missing, damaged, other-version or other-destination manifest gives
// no entries: the cost is only slower comparisons and stale files
// reported as foreign, never a deleted user file. A read error other
// than "not found" is returned, since silently ignoring it could hide a
// broken cache folder.
func loadManifest(path, dest string) (files map[string]record, raw []byte, err error) {
	raw, err = os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]record{}, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	m, ok := decodeManifest(raw)
	if !ok || m.Dest != dest {
		return map[string]record{}, raw, nil
	}
	files = make(map[string]record, len(m.Files))
	for p, r := range m.Files {
		// The manifest decides what gets deleted, so a hand-edited or
		// corrupted one must not be able to name anything outside dest.
		if CheckPath(p) != nil || len(r.SHA256) != 2*sha256.Size {
			continue
		}
		files[p] = r
	}
	return files, raw, nil
}

// The manifest's file is binary: at 100,000 articles it records 200,000
// files, which as JSON took 50 MB and most of a second to read and write
// on every build. Paths are sorted and share their prefix with the path
// before (tags/…/page/…), hashes are raw bytes.
const manifestMagic = "sahifa manifest\x00"

// encodeManifest serialises entries for dest, in path order, so equal
// manifests are equal bytes.
func encodeManifest(dest string, files map[string]record) ([]byte, error) {
	return appendManifest(nil, dest, files)
}

// appendManifest is encodeManifest into b, whose capacity a caller that
// knows about how long the manifest is (the last one's length) sets:
// growing 32 MB at 100,000 articles by appends was a third of encoding it.
func appendManifest(b []byte, dest string, files map[string]record) ([]byte, error) {
	b = append(b, manifestMagic...)
	b = binary.AppendUvarint(b, manifestVersion)
	b = wire.AppendString(b, dest)
	b = binary.AppendUvarint(b, uint64(len(files)))
	prev := ""
	for _, p := range slices.Sorted(maps.Keys(files)) {
		r := files[p]
		sum, err := hex.DecodeString(r.SHA256)
		if err != nil || len(sum) != sha256.Size {
			return nil, fmt.Errorf("manifest: %s: bad hash %q", p, r.SHA256)
		}
		shared := commonPrefix(prev, p)
		b = binary.AppendUvarint(b, uint64(shared))
		b = wire.AppendString(b, p[shared:])
		b = binary.AppendUvarint(b, uint64(r.Size))
		b = binary.AppendVarint(b, r.MTime)
		b = append(b, sum...)
		b = wire.AppendString(b, r.Key)
		prev = p
	}
	return b, nil
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// decodeManifest reads what encodeManifest wrote, or the JSON manifest of
// sahifa before it (so the first build after an upgrade still knows which
// files are its own); false for anything else.
func decodeManifest(data []byte) (manifest, bool) {
	var m manifest
	if len(data) > 0 && data[0] == '{' {
		return m, json.Unmarshal(data, &m) == nil && m.Version == 1
	}
	rest, found := bytes.CutPrefix(data, []byte(manifestMagic))
	if !found {
		return m, false
	}
	r := wire.NewReader(rest)
	err := wire.Decode(r, func() error {
		if r.Uvarint() != manifestVersion {
			return errors.New("manifest of another version")
		}
		m.Version, m.Dest = manifestVersion, r.String()
		n := r.Uvarint()
		m.Files = make(map[string]record, min(n, uint64(r.Len())))
		prev := ""
		for range n {
			shared := r.Uvarint()
			if shared > uint64(len(prev)) {
				return errors.New("bad path prefix")
			}
			p := prev[:shared] + r.String()
			var rec record
			rec.Size = int64(r.Uvarint())
			rec.MTime = r.Varint()
			rec.SHA256 = hex.EncodeToString(r.Bytes(sha256.Size))
			rec.Key = r.String()
			m.Files[p] = rec
			prev = p
		}
		return nil
	})
	return m, err == nil
}

// writeAtomic replaces path with data via a synced temporary file and a
// rename, so a crash leaves either the old manifest or the new one, never
// a torn one that would be ignored and turn every file foreign.
func writeAtomic(path string, data []byte) error {
	return replace(path, data, true)
}

// Intact reports whether dest holds, unchanged, every file the manifest
// at path records (each with the size and modification time it was
// written with), and how many that is: a build that would write the same
// files may then skip the work (internal/build's nothing-changed path).
// It only stats.
func Intact(dest, path string) (files int, ok bool) {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return 0, false
	}
	recs, raw, err := loadManifest(path, resolve(abs))
	if err != nil || raw == nil || len(recs) == 0 {
		return 0, false
	}
	for p, r := range recs {
		fi, err := os.Lstat(filepath.Join(abs, filepath.FromSlash(p)))
		if err != nil || !r.sameStat(fi) {
			return 0, false
		}
	}
	return len(recs), true
}

// DestKey names dest in the cache folder, for its manifest (what earlier
// builds wrote there) and its lock: one per destination, so building into
// public/ and into a preview folder do not confuse each other's stale
// files nor wait for each other. It hashes the path with symbolic links
// resolved, so two spellings of one folder share both.
func DestKey(dest string) (string, error) {
	resolved, err := Resolve(dest)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(resolved))
	return hex.EncodeToString(sum[:6]), nil
}

// ManifestPath is the manifest of the destination named key (DestKey) in
// cacheDir.
func ManifestPath(cacheDir, key string) string {
	return filepath.Join(cacheDir, "manifest-"+key+".bin")
}
