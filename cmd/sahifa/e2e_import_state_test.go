package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestE2EImportNothingChanged: a re-import that finds every seed and
// article as the last import left them decides from the state it keeps
// in .sahifa-cache/ without reading them, and says and writes exactly
// what an import that reads every seed does; an edited seed or an edited
// article is still seen.
func TestE2EImportNothingChanged(t *testing.T) {
	undated := strings.Join(strings.Split(e2eOilSeed, "\n")[:2], "\n") + "\n\nبغداد – نص بلا تاريخ.\n"
	root := e2eImportSite(t, map[string]string{
		e2eSeedFile: e2eSampleSeed(t), "seeds/sub/oil.txt": e2eOilSeed, "seeds/undated.txt": undated,
	})
	e2eWant(t, e2eRun(t, root, nil, "import"), exitOK)
	state := filepath.Join(root, ".sahifa-cache", "import-state.json")
	if !e2eExists(state) {
		t.Fatalf("no import state at %s", state)
	}
	// Long ago: from here on, sizes and times are trusted.
	e2eAge(t, filepath.Join(root, "seeds"))
	e2eAge(t, filepath.Join(root, "content"))
	content := filepath.Join(root, "content")
	before := e2eSnapshot(t, content)

	checked := e2eRun(t, root, nil, "import") // times changed: checked by content
	fromState := e2eRun(t, root, nil, "import")
	if err := os.Remove(state); err != nil {
		t.Fatal(err)
	}
	full := e2eRun(t, root, nil, "import") // no state: every seed read
	for _, r := range []e2eResult{checked, fromState, full} {
		e2eWant(t, r, exitOK)
		e2eImportSummary(t, r, 0, 0, 3, 0)
		if r.stdout != full.stdout || r.stderr != full.stderr {
			t.Errorf("a re-import says other things than one reading every seed:\n%s\nwant\n%s", r, full)
		}
	}
	if !strings.Contains(full.stderr, "seeds/undated.txt:1: warning: no date line; dated by the file's modification time 2001-02-03") {
		t.Errorf("the undated seed's warning is missing: %s", full)
	}
	e2eSame(t, "content/ after re-imports", before, e2eSnapshot(t, content))

	// An edited seed is seen, though its article's size and time are as
	// the state recorded.
	e2eWrite(t, root, map[string]string{"seeds/sub/oil.txt": e2eOilSeed + "\nفقرة أضيفت لاحقا.\n"})
	r := e2eRun(t, root, nil, "import", "--verbose")
	e2eWant(t, r, exitOK)
	if want := "seeds/sub/oil.txt → content/sub/oil.md: updated"; !strings.Contains(r.stdout, want) {
		t.Errorf("edited seed not seen, stdout lacks %q: %s", want, r)
	}
	// So is an edited article, when its seed changes next.
	md := filepath.Join(root, "content", "sub", "oil.md")
	e2eWrite(t, root, map[string]string{"content/sub/oil.md": e2eRead(t, md) + "\nسطر كتبه المحرر.\n"})
	e2eWrite(t, root, map[string]string{"seeds/sub/oil.txt": e2eOilSeed + "\nفقرة أخرى.\n"})
	r = e2eRun(t, root, nil, "import")
	e2eWant(t, r, exitOK)
	if want := "content/sub/oil.md: edited by hand since it was imported from seeds/sub/oil.txt"; !strings.Contains(r.stderr, want) {
		t.Errorf("edited article not seen, stderr lacks %q: %s", want, r)
	}
	if !strings.Contains(e2eRead(t, md), "سطر كتبه المحرر.") {
		t.Error("the editor's line is gone")
	}
}
