package output

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"time"
)

// Written is what a build recorded about one file it wrote: enough for a
// deploy to know the file's hash without reading it, as long as the file
// still has this size and modification time.
type Written struct {
	Size   int64
	MTime  time.Time
	SHA256 [sha256.Size]byte
}

// ReadManifest returns what the manifest at path records about the files
// of dest (site paths), or nil when it describes another folder, is
// missing or damaged: the caller then hashes the files itself.
func ReadManifest(path, dest string) (map[string]Written, error) {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return nil, err
	}
	recs, _, err := loadManifest(path, resolve(abs))
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	out := make(map[string]Written, len(recs))
	for p, r := range recs {
		w := Written{Size: r.Size, MTime: time.Unix(0, r.MTime)}
		if _, err := hex.Decode(w.SHA256[:], []byte(r.SHA256)); err != nil {
			continue
		}
		out[p] = w
	}
	return out, nil
}
