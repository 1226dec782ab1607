package diag

import (
	"errors"
	"io/fs"
	"testing"
)

func TestSourceErrorFormat(t *testing.T) {
	cases := []struct {
		err  error
		want string
	}{
		{Errorf("content/x.md", 4, 7, "date: cannot parse %q", "2021/13/45"), `content/x.md:4:7: date: cannot parse "2021/13/45"`},
		{Errorf("sahifa.toml", 3, 0, "bad"), "sahifa.toml:3: bad"},
		{Errorf("content/خبر.md", 0, 0, "bad"), "content/خبر.md: bad"},
	}
	for _, c := range cases {
		if got := c.err.Error(); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
	if At("x", 1, 1, nil) != nil {
		t.Error("At(nil) must be nil")
	}
	inner := fs.ErrNotExist
	if !errors.Is(At("x", 1, 1, inner), fs.ErrNotExist) {
		t.Error("SourceError must unwrap")
	}
}

func TestStageKeepsPositionsFirst(t *testing.T) {
	err := Stage("load", errors.Join(Errorf("content/a.md", 2, 1, "title: missing"), errors.New("disk full")))
	leaves := Flatten(err)
	if len(leaves) != 2 {
		t.Fatalf("got %d errors, want 2", len(leaves))
	}
	if got := leaves[0].Error(); got != "content/a.md:2:1: title: missing" {
		t.Errorf("positioned error changed: %q", got)
	}
	if got := leaves[1].Error(); got != "load: disk full" {
		t.Errorf("unpositioned error not staged: %q", got)
	}
	if Stage("x", nil) != nil {
		t.Error("Stage(nil) must be nil")
	}
}

func TestWarningString(t *testing.T) {
	w := Warning{Path: "sahifa.toml", Line: 7, Col: 1, Msg: `unknown key "paginat"`}
	if got := w.String(); got != `sahifa.toml:7:1: warning: unknown key "paginat"` {
		t.Errorf("got %q", got)
	}
}
