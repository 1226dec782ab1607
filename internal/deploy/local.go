package deploy

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/sahifa/sahifa/internal/output"
)

// Scan lists the regular files under dest, the built site, with their
// sizes and hashes. A file that the build's manifest (in cacheDir)
// records with its present size and modification time takes its hash
// from there, so a deploy after one publish reads only the files that
// build wrote; any other file (one put there by hand) is read and hashed.
func Scan(dest, cacheDir string) (files map[string]Local, hashed int, err error) {
	written := builtFiles(dest, cacheDir)
	files = map[string]Local{}
	err = filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			// A build's staging folders are not the site (yet).
			if output.IsStagingDir(d.Name()) {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		if IsRecordKey(rel) {
			return fmt.Errorf("%s: the site has a file named %s, where sahifa deploy keeps its record (%s and %s); rename it", p, rel, StateKey, PartsDir)
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		if w, ok := written[rel]; ok && w.Size == fi.Size() && w.MTime.Equal(fi.ModTime()) {
			files[rel] = Local{Size: w.Size, SHA256: hex.EncodeToString(w.SHA256[:])}
			return nil
		}
		sum, err := hashFile(p)
		if err != nil {
			return err
		}
		hashed++
		files[rel] = Local{Size: fi.Size(), SHA256: sum}
		return nil
	})
	return files, hashed, err
}

// builtFiles is what the build's manifest for dest records, or nothing
// when there is none (a site built by another tool, or elsewhere).
func builtFiles(dest, cacheDir string) map[string]output.Written {
	key, err := output.DestKey(dest)
	if err != nil {
		return nil
	}
	if w, err := output.ReadManifest(output.ManifestPath(cacheDir, key), dest); err == nil {
		return w
	}
	return nil
}

func hashFile(p string) (string, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
