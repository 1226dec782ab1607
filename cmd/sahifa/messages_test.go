package main

import (
	"slices"
	"testing"
	"time"

	"github.com/sahifa/sahifa/internal/build"
	"github.com/sahifa/sahifa/internal/i18n"
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
		if got := msgHeld(i18n.English, c.held); !slices.Equal(got, c.want) {
			t.Errorf("msgHeld(%+v) =\n%q\nwant\n%q", c.held, got, c.want)
		}
	}
}

// TestMsgHeldArabic: the held lines in Arabic, the counted noun agreeing
// with its number (1 مسودة واحدة، 2 مسودتان، 3–10 مسودات، 11+ مسودة).
func TestMsgHeldArabic(t *testing.T) {
	at := time.Date(2026, 1, 5, 9, 30, 0, 0, time.FixedZone("+03", 3*3600))
	for _, c := range []struct {
		held site.Held
		want []string
	}{
		{site.Held{Drafts: 1}, []string{"مسودة واحدة خارج البناء (أضف -D لتضمينها)"}},
		{site.Held{Drafts: 2}, []string{"مسودتان خارج البناء (أضف -D لتضمين المسودات)"}},
		{site.Held{Drafts: 3}, []string{"3 مسودات خارج البناء (أضف -D لتضمين المسودات)"}},
		{site.Held{Drafts: 11}, []string{"11 مسودة خارج البناء (أضف -D لتضمين المسودات)"}},
		{site.Held{Future: 1, Expired: 2, NextPublish: at}, []string{
			"مقال واحد خارج البناء قبل موعد نشره، وهو 2026-01-05 09:30 +03:00 (أضف -F لتضمينه)",
			"مقالان خارج البناء بعد انتهاء مدة النشر (أضف -E لتضمين المقالات المنتهية)",
		}},
	} {
		if got := msgHeld(i18n.Arabic, c.held); !slices.Equal(got, c.want) {
			t.Errorf("msgHeld(%+v) =\n%q\nwant\n%q", c.held, got, c.want)
		}
	}
}

func TestMsgBuilt(t *testing.T) {
	res := build.Result{Articles: 1, Pages: 12, Rendered: 3, Duration: 1500 * time.Millisecond}
	res.Files.Written, res.Files.Unchanged, res.Files.Removed = 4, 8, 0
	for l, want := range map[i18n.Lang]string{
		i18n.English: "1 article, 12 pages (3 rendered); files: 4 written, 8 unchanged, 0 removed; in 1.5s",
		i18n.Arabic:  "مقال واحد، و12 صفحة (صُيِّر منها 3)؛ الملفات: كُتب 4، وبقي 8 دون تغيير، وحُذف 0؛ في 1.5s",
	} {
		if got := msgBuilt(l, res); got != want {
			t.Errorf("%v:\n%s\nwant\n%s", l, got, want)
		}
	}
	if got, want := msgFailed(i18n.Arabic, 2, ""), "sahifa build: فشل البناء، وفيه خطآن؛ وبقي مجلد النشر كما كان"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
