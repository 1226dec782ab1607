package build

import (
	"os"
	"testing"
	"time"
)

func TestZZProfile(t *testing.T) {
	src := os.Getenv("ZZ_SRC")
	if src == "" {
		t.Skip()
	}
	dest := os.Getenv("ZZ_DEST")
	start := time.Now()
	res, err := Run(Options{Source: src, Destination: dest + "/p", CacheDir: dest + "/c", Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), NoImport: true})
	t.Logf("%v %+v %v", err, res.Files, time.Since(start))
}
