package output

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// manifestVersion changes when the format does; an unknown version is
// ignored like a missing manifest.
const manifestVersion = 1

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
// A missing, unreadable-as-JSON, other-version or other-destination
// manifest gives no entries: the cost is only slower comparisons and
// stale files reported as foreign, never a deleted user file. A read
// error other than "not found" is returned, since silently ignoring it
// could hide a broken cache folder.
func loadManifest(path, dest string) (files map[string]record, raw []byte, err error) {
	raw, err = os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]record{}, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	var m manifest
	if json.Unmarshal(raw, &m) != nil || m.Version != manifestVersion || m.Dest != dest {
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

// encodeManifest serialises entries for dest.
func encodeManifest(dest string, files map[string]record) ([]byte, error) {
	return json.Marshal(manifest{Version: manifestVersion, Dest: dest, Files: files})
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
