package build

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/sahifa/sahifa/internal/output"
)

// TestBuildIntoLockedDest: a build into a folder another build is writing
// stops at once with a message naming that build, and touches nothing.
func TestBuildIntoLockedDest(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	cache := t.TempDir()
	key, err := output.DestKey(dest)
	if err != nil {
		t.Fatal(err)
	}
	held, err := output.LockDest(filepath.Join(cache, "lock-"+key), dest)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Run(Options{Source: "testdata/site", Destination: dest, Now: buildNow, CacheDir: cache, NoImport: true})
	var busy *output.BusyError
	if !errors.As(err, &busy) || busy.PID != os.Getpid() {
		t.Fatalf("build into a locked folder: %v", err)
	}
	if _, err := os.Stat(dest); err == nil {
		t.Error("the refused build created the destination")
	}
	held.Unlock()
	if _, err := Run(Options{Source: "testdata/site", Destination: dest, Now: buildNow, CacheDir: cache, NoImport: true}); err != nil {
		t.Fatalf("build after the lock was released: %v", err)
	}
}

// TestConcurrentBuildsOneDest: of two builds into one folder at once,
// each either succeeds or says the other is writing; neither fails
// halfway (they used to remove each other's staging folders).
func TestConcurrentBuildsOneDest(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	cache := t.TempDir()
	for round := range 4 {
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i := range errs {
			wg.Go(func() {
				now := buildNow.AddDate(0, 0, round) // no round is a nothing-changed build
				_, errs[i] = Run(Options{Source: "testdata/site", Destination: dest, Now: now, CacheDir: cache, NoImport: true})
			})
		}
		wg.Wait()
		ok := 0
		for _, err := range errs {
			if err == nil {
				ok++
			} else if !errors.Is(err, output.ErrBusy) {
				t.Errorf("round %d: %v", round, err)
			}
		}
		if ok == 0 {
			t.Errorf("round %d: neither build succeeded: %v", round, errs)
		}
	}
}
