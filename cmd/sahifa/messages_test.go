package main

import (
	"slices"
	"testing"
	"time"

	"github.com/sahifa/sahifa/internal/site"
)

func TestMsgHeld(t *testing.T) {
	at := time.Date(2026, 1, 5, 9, 30, 0, 0, time.FixedZone("+03", 3*3600))
	for _, c := range []struct {
		held site.Held
		want []string
	}{
		{site.Held{}, nil},
		{site.Held{Drafts: 1}, []string{"1 draft not built (use -D to include it)"}},
		{site.Held{Drafts: 2, Future: 3, Expired: 4, NextPublish: at}, []string{
			"2 drafts not built (use -D to include them)",
			"3 future articles not built; the first publishes at 2026-01-05 09:30 +03:00 (use -F to include them)",
			"4 expired articles not built (use -E to include them)",
		}},
		{site.Held{Future: 1, NextPublish: at}, []string{"1 future article not built; publishes at 2026-01-05 09:30 +03:00 (use -F to include it)"}},
	} {
		if got := msgHeld(c.held); !slices.Equal(got, c.want) {
			t.Errorf("msgHeld(%+v) =\n%q\nwant\n%q", c.held, got, c.want)
		}
	}
}
