package build

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestProgress: a build reports each stage as it begins and ends, in
// order, and the render stage counts towards the pages it makes.
func TestProgress(t *testing.T) {
	for _, src := range []string{"testdata/site", "../.."} {
		var events []Progress
		res, err := Run(Options{Source: src, Destination: filepath.Join(t.TempDir(), "public"), Now: buildNow, CacheDir: t.TempDir(), NoImport: true,
			Progress: func(p Progress) { events = append(events, p) }})
		if err != nil {
			t.Fatal(err)
		}
		var begun, ended []string
		for _, p := range events {
			if p.Ended {
				ended = append(ended, p.Stage)
				if len(begun) != len(ended) || begun[len(begun)-1] != p.Stage {
					t.Errorf("%s: %s ended but began %q", src, p.Stage, begun)
				}
				continue
			}
			if len(begun) == len(ended) {
				begun = append(begun, p.Stage)
			}
			if p.Stage == "render" && (p.Total != res.Pages || p.Done > p.Total) {
				t.Errorf("%s: render progress %d of %d; the build made %d pages", src, p.Done, p.Total, res.Pages)
			}
		}
		want := []string{"config+import", "load", "assemble", "render", "write"}
		if !slices.Equal(ended, want) {
			t.Errorf("%s: stages ended %q, want %q", src, ended, want)
		}
		var stages []string
		for _, st := range res.Stages {
			stages = append(stages, st.Stage)
		}
		if !slices.Equal(stages, want) {
			t.Errorf("%s: Result.Stages %q, want %q", src, stages, want)
		}
	}
}

func TestCheckSite(t *testing.T) {
	dir := t.TempDir()
	for name, files := range map[string][]string{
		"config":  {ConfigFile},
		"content": {"content/a.md"},
		"neither": {"notes.txt"},
	} {
		for _, f := range files {
			p := filepath.Join(dir, name, filepath.FromSlash(f))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, nil, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for name, want := range map[string]*NotSiteError{
		"config":  nil,
		"content": nil,
		"neither": {Dir: filepath.Join(dir, "neither")},
		"missing": {Dir: filepath.Join(dir, "missing"), Missing: true},
		// A file is no site folder either.
		"neither/notes.txt": {Dir: filepath.Join(dir, "neither/notes.txt")},
	} {
		err := CheckSite(filepath.Join(dir, name))
		var got *NotSiteError
		if errors.As(err, &got) != (want != nil) || (want != nil && *got != *want) {
			t.Errorf("CheckSite(%s) = %v, want %+v", name, err, want)
		}
	}
	// Nothing is built into a folder that is not a site.
	dest := filepath.Join(dir, "neither", "public")
	if _, err := Run(Options{Source: filepath.Join(dir, "neither"), Destination: dest, CacheDir: t.TempDir()}); err == nil {
		t.Error("Run built a folder that is not a site")
	}
	if _, err := os.Stat(dest); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Run wrote %s into a folder that is not a site", dest)
	}
}
