package watch

import (
	"reflect"
	"testing"
	"time"
)

var t0 = time.Date(2026, 1, 2, 15, 4, 5, 0, time.UTC)

func ms(n int) time.Time { return t0.Add(time.Duration(n) * time.Millisecond) }

func all(string) (exists, dir bool) { return true, false }

// TestBatcherQuietWindow: events closer together than the quiet window
// make one batch, due one window after the last of them.
func TestBatcherQuietWindow(t *testing.T) {
	b := newBatcher(30*time.Millisecond, 0)
	if _, ok := b.due(); ok {
		t.Fatal("an empty batcher is due")
	}
	b.add("content/a.md", Content, ms(0))
	if at, _ := b.due(); !at.Equal(ms(30)) {
		t.Errorf("due at %v, want +30ms", at.Sub(t0))
	}
	// 500 files written 1 ms apart: a checkout.
	for i := 1; i <= 500; i++ {
		b.add("content/"+string(rune('a'+i%26))+".md", Content, ms(i))
	}
	if at, _ := b.due(); !at.Equal(ms(530)) {
		t.Errorf("due at %v, want +530ms", at.Sub(t0))
	}
	got := b.take(all)
	if len(got.Changes) != 26 {
		t.Errorf("%d changes, want 26 (one per path)", len(got.Changes))
	}
	if _, ok := b.due(); ok {
		t.Error("due after take")
	}
}

// TestBatcherMaxWait: a stream that never pauses is cut at maxWait after
// its first event.
func TestBatcherMaxWait(t *testing.T) {
	b := newBatcher(30*time.Millisecond, 100*time.Millisecond)
	for i := 0; i <= 90; i += 10 {
		b.add("content/log.md", Content, ms(1000+i))
	}
	if at, _ := b.due(); !at.Equal(ms(1100)) {
		t.Errorf("due at %v, want first+100ms", at.Sub(t0))
	}
	b.take(all)
	b.add("content/log.md", Content, ms(1200))
	if at, _ := b.due(); !at.Equal(ms(1230)) {
		t.Errorf("next batch due at %v, want +30ms after its own first event", at.Sub(t0))
	}
}

// TestBatcherSaves: the events of editors' saves make one change of the
// saved file; temporary files never reach the batcher (Classify drops
// them), and whether the file is still there decides Removed.
func TestBatcherSaves(t *testing.T) {
	b := newBatcher(30*time.Millisecond, 0)
	// vim: rename x.md to x.md~, write x.md, remove x.md~; plus 4913.
	// Only x.md is an input, seen three times.
	for i, p := range []string{"content/x.md", "content/x.md~", "content/4913", "content/x.md", "content/x.md", "content/x.md~"} {
		if k := Classify(p); k != Ignore {
			b.add(p, k, ms(i))
		}
	}
	// A deleted article and a created one.
	b.add("content/gone.md", Content, ms(7))
	b.add("assets/css/main.css", Style, ms(8))
	exists := func(p string) (bool, bool) { return p != "content/gone.md", false }
	got := b.take(exists)
	want := Batch{Changes: []Change{
		{Path: "assets/css/main.css", Kind: Style},
		{Path: "content/gone.md", Kind: Content, Removed: true},
		{Path: "content/x.md", Kind: Content},
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if got.String() != "assets/css/main.css and 2 more" {
		t.Errorf("String() = %q", got.String())
	}
	if !got.Has(Style) || got.Only(Style) || got.Has(Template) {
		t.Errorf("Has/Only wrong for %+v", got)
	}
}

func TestBatcherLost(t *testing.T) {
	b := newBatcher(30*time.Millisecond, 0)
	b.lost(ms(0))
	if at, ok := b.due(); !ok || !at.Equal(ms(30)) {
		t.Fatalf("a lost-events batch is due at %v, %v", at, ok)
	}
	got := b.take(all)
	if !got.Rescan || got.String() != "many files (events were lost)" || got.Only(Content) {
		t.Errorf("got %+v", got)
	}
	if got := b.take(all); got.Rescan {
		t.Error("Rescan stays set after take")
	}
}

func TestBatchString(t *testing.T) {
	cases := []struct {
		b    Batch
		want string
	}{
		{Batch{}, "nothing"},
		{Batch{Changes: []Change{{Path: "content/x.md", Kind: Content}}}, "content/x.md"},
		{Batch{Changes: []Change{{Path: "content/x.md", Kind: Content, Removed: true}}}, "content/x.md (removed)"},
		// New folders with a file: the file is named.
		{Batch{Changes: []Change{{Path: "content/2024", Kind: Content, Dir: true}, {Path: "content/2024/05", Kind: Content, Dir: true}, {Path: "content/2024/05/x.md", Kind: Content}}}, "content/2024/05/x.md"},
		{Batch{Changes: []Change{{Path: "content/2024", Kind: Content, Dir: true}, {Path: "content/2025", Kind: Content, Dir: true}}}, "content/2024 and 1 more"},
	}
	for _, c := range cases {
		if got := c.b.String(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.b, got, c.want)
		}
	}
}
