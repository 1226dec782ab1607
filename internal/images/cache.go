package images

import (
	"bytes"
	"encoding/gob"
	"os"
	"path/filepath"

	"github.com/sahifa/sahifa/internal/output"
)

// cache keeps processed images between builds, one file per key under dir
// (the site's .sahifa-cache/images/). An entry that cannot be read back is
// a miss, not an error: the image is simply made again.
type cache struct {
	dir string
}

func (c *cache) path(key string) string {
	return filepath.Join(c.dir, key[:2], key+".gob")
}

func (c *cache) get(key string) (*Image, bool) {
	data, err := os.ReadFile(c.path(key))
	if err != nil {
		return nil, false
	}
	var img Image
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&img); err != nil || img.Key != key || len(img.Variants) == 0 || len(img.OG.Data) == 0 {
		return nil, false
	}
	return &img, true
}

// put stores img through package output, which writes atomically: a build
// stopped halfway leaves whole entries or none.
func (c *cache) put(key string, img *Image) error {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(img); err != nil {
		return err
	}
	return output.Replace(c.path(key), buf.Bytes())
}
