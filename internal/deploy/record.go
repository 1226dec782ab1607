package deploy

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"
)

// The record of what the bucket holds is kept in parts: an object per
// part under PartsDir (0000.json.gz, 0001.json.gz …) and the index
// (StateKey), which lists the hash of each. A deploy reads the index,
// and only the parts this machine does not have in its cache folder
// already (normally none: it wrote them); it writes the parts that
// changed, then the index. So a deploy after one publish sends the few
// parts its files fall in, not the whole record, which is 1.6 MB gzipped
// at 10,000 articles.
//
// A part is only written after every upload and deletion of its deploy
// succeeded, so whatever a part holds describes the bucket as a deploy
// left it. A deploy cut short while writing parts leaves parts newer
// than the index: they are read as they are (their hash then differs
// from the index's), and the deploy's journal, which extends the index
// still in place, replays what the parts not yet written miss.
const (
	// PartsDir is where the record's parts are, in the bucket.
	PartsDir = ".sahifa-deploy/"
	// indexVersion 2: the record in parts; 1 was the whole record in one
	// object, from before the first release.
	indexVersion = 2
	// A part holds about objectsPerPart files' records (6 KB gzipped):
	// a publish's files (24 at 10,000 articles) fall in at most as many
	// parts, so it sends about 200 KB of record whatever the archive's size, and a site of a few
	// hundred files has one part. The count is a power of two, at most
	// maxParts (a 24-byte hash each in the index).
	objectsPerPart = 128
	maxParts       = 4096
)

type indexFile struct {
	Version int      `json:"version"`
	Parts   []string `json:"parts"` // a power of two of hashes; "" for an empty part
}

// partsFor is how many parts hold the records of n files. When it
// changes (the site doubled or halved), every part is written anew once.
func partsFor(n int) int {
	parts := 1
	for parts < maxParts && parts*objectsPerPart < n {
		parts *= 2
	}
	return parts
}

// partOf is which of parts the record of site path p is in.
func partOf(p string, parts int) int {
	s := sha256.Sum256([]byte(p))
	return int(uint32(s[0])<<24|uint32(s[1])<<16|uint32(s[2])<<8|uint32(s[3])) & (parts - 1)
}

// IsRecordKey reports whether key is the record's, not the site's.
func IsRecordKey(key string) bool {
	return key == StateKey || strings.HasPrefix(key, PartsDir)
}

func partKey(i int) string { return fmt.Sprintf("%s%04d.json.gz", PartsDir, i) }

// partID names a part by its bytes: 24 bytes of their SHA-256, in hex.
func partID(data []byte) string { return stateID(data)[:48] }

// record is the record as read: the state and the parts it came from.
type record struct {
	state State
	parts []string // partCount hashes, "" for empty; nil for no record
}

// readRecord reads the record from b whose index is raw (nil: none yet),
// taking parts from the local cache folder where it has them.
func readRecord(ctx context.Context, b *blob.Bucket, raw []byte, cache string) (record, error) {
	rec := record{state: State{}}
	if raw == nil {
		return rec, nil
	}
	var idx indexFile
	if err := gunzipJSON(StateKey, raw, &idx); err != nil {
		return rec, err
	}
	if n := len(idx.Parts); idx.Version != indexVersion || n == 0 || n > maxParts || n&(n-1) != 0 {
		return rec, fmt.Errorf("version %d with %d parts, this sahifa reads version %d with a power of two up to %d", idx.Version, n, indexVersion, maxParts)
	}
	rec.parts = idx.Parts
	for i, h := range idx.Parts {
		if h == "" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(cache, h+".json.gz"))
		if err != nil || partID(data) != h {
			if data, err = b.ReadAll(ctx, partKey(i)); err != nil {
				return rec, fmt.Errorf("reading %s: %w", partKey(i), err)
			}
			if partID(data) == h {
				keepPart(cache, h, data)
			}
		}
		part, err := decodeState(partKey(i), data)
		if err != nil {
			return rec, err
		}
		for p, o := range part {
			rec.state[p] = o
		}
	}
	return rec, nil
}

// writeRecord writes s as the record over old: its changed parts, then
// the index; a part left empty, or past a smaller count of parts, is
// removed.
func writeRecord(ctx context.Context, b *blob.Bucket, s State, old record, cache string) error {
	split := make([]State, partsFor(len(s)))
	for p, o := range s {
		i := partOf(p, len(split))
		if split[i] == nil {
			split[i] = State{}
		}
		split[i][p] = o
	}
	same := len(old.parts) == len(split)
	parts := make([]string, len(split))
	for i, part := range split {
		if part == nil {
			if i < len(old.parts) && old.parts[i] != "" {
				if err := deleteObject(ctx, b, partKey(i)); err != nil {
					return fmt.Errorf("removing %s: %w", partKey(i), err)
				}
			}
			continue
		}
		data := EncodeState(part)
		h := partID(data)
		parts[i] = h
		if same && old.parts[i] == h {
			continue
		}
		if err := b.WriteAll(ctx, partKey(i), data, recordWriterOptions()); err != nil {
			return fmt.Errorf("writing %s: %w", partKey(i), err)
		}
		keepPart(cache, h, data)
	}
	idx := gzipJSON(indexFile{Version: indexVersion, Parts: parts})
	if err := b.WriteAll(ctx, StateKey, idx, recordWriterOptions()); err != nil {
		return fmt.Errorf("writing %s: %w", StateKey, err)
	}
	// Parts past the new count (the site shrank to fewer parts).
	for i := len(split); i < len(old.parts); i++ {
		if old.parts[i] != "" {
			if err := deleteObject(ctx, b, partKey(i)); err != nil {
				return fmt.Errorf("removing %s: %w", partKey(i), err)
			}
		}
	}
	// The local copies of parts the index no longer names.
	live := map[string]bool{}
	for _, h := range parts {
		live[h+".json.gz"] = true
	}
	if list, err := os.ReadDir(cache); err == nil {
		for _, e := range list {
			if !live[e.Name()] {
				os.Remove(filepath.Join(cache, e.Name()))
			}
		}
	}
	return nil
}

// keepPart saves a part in the local cache folder; failing costs the
// next deploy a read of it, nothing else.
func keepPart(cache, hash string, data []byte) {
	if os.MkdirAll(cache, 0o755) == nil {
		tmp := filepath.Join(cache, hash+".tmp")
		if os.WriteFile(tmp, data, 0o644) == nil {
			os.Rename(tmp, filepath.Join(cache, hash+".json.gz"))
		}
	}
}

// recordWriterOptions are the headers of the record's objects: no cache
// may keep them, the next deploy must read what the last one wrote.
func recordWriterOptions() *blob.WriterOptions {
	return &blob.WriterOptions{ContentType: "application/gzip", CacheControl: "no-store"}
}

// deleteObject deletes key from b; one already gone is no error.
func deleteObject(ctx context.Context, b *blob.Bucket, key string) error {
	if err := b.Delete(ctx, key); err != nil && gcerrors.Code(err) != gcerrors.NotFound {
		return err
	}
	return nil
}

// gzipJSON is v as JSON, gzip-compressed at the best level (the record is
// written once per deploy and read by every one after it).
func gzipJSON(v any) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	json.NewEncoder(zw).Encode(v)
	zw.Close()
	return buf.Bytes()
}

// gunzipJSON decodes the gzipped JSON of the record's object name into v.
func gunzipJSON(name string, data []byte, v any) error {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := json.NewDecoder(zr).Decode(v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
