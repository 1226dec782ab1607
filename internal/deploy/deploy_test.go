package deploy

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/sahifa/sahifa/internal/config"
)

func TestPhaseOf(t *testing.T) {
	for p, want := range map[string]Phase{
		"css/main.aadbfbb8f9d9.css":           PhaseAssets,
		"images/katyusha.c9568b7b6e47-80.jpg": PhaseAssets,
		"favicon.svg":                         PhaseAssets,
		"index.html":                          PhasePages,
		"tags/العراق/index.html":              PhasePages,
		"404.html":                            PhasePages,
		"index.xml":                           PhaseIndexes,
		"tags/العراق/index.xml":               PhaseIndexes,
		"sitemap.xml":                         PhaseIndexes,
		"feed.json":                           PhaseIndexes,
		"robots.txt":                          PhaseIndexes,
		"search/data/meta.json":               PhaseIndexes,
	} {
		if got := PhaseOf(p); got != want {
			t.Errorf("PhaseOf(%q) = %s, want %s", p, got, want)
		}
	}
}

func TestRules(t *testing.T) {
	r, err := NewRules(config.Deployment{MaxAge: 60, Matchers: []config.DeployMatcher{
		{Pattern: `^images/`, CacheControl: "public, max-age=86400"},
		{Pattern: `\.svg$`, Gzip: true, Force: true},
		{Pattern: `\.svg$`, CacheControl: "never used: the first match wins"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	short := "public, max-age=60"
	for p, want := range map[string]Header{
		"index.html":                    {ContentType: "text/html; charset=utf-8", CacheControl: short},
		"tags/العراق/index.xml":         {ContentType: "application/xml; charset=utf-8", CacheControl: short},
		"feed.json":                     {ContentType: "application/json; charset=utf-8", CacheControl: short},
		"css/main.aadbfbb8f9d9.css":     {ContentType: "text/css; charset=utf-8", CacheControl: Immutable},
		"js/search.ca19031282d8.js":     {ContentType: "text/javascript; charset=utf-8", CacheControl: Immutable},
		"media/k.c9568b7b6e47-480.jpg":  {ContentType: "image/jpeg", CacheControl: Immutable},
		"images/k.c9568b7b6e47-480.jpg": {ContentType: "image/jpeg", CacheControl: "public, max-age=86400"},
		"favicon.svg":                   {ContentType: "image/svg+xml; charset=utf-8", CacheControl: short, ContentEncoding: "gzip", Gzip: true, Force: true},
		"robots.txt":                    {ContentType: "text/plain; charset=utf-8", CacheControl: short},
		"CNAME":                         {ContentType: "application/octet-stream", CacheControl: short},
	} {
		if got := r.For(p); got != want {
			t.Errorf("For(%q) =\n %+v\nwant\n %+v", p, got, want)
		}
	}
}

func TestMakePlan(t *testing.T) {
	rules, _ := NewRules(config.Deployment{MaxAge: 300})
	local := map[string]Local{
		"index.html":                {10, "aa"},
		"index.html.gz":             {5, "ab"},
		"css/main.aadbfbb8f9d9.css": {20, "bb"},
		"sitemap.xml":               {30, "cc"},
		"new/index.html":            {40, "dd"},
		"same.txt":                  {1, "ee"},
	}
	obj := func(path string, l Local) Object {
		return Object{Size: l.Size, SHA256: l.SHA256, Header: rules.For(path).Sum()}
	}
	remote := State{
		"index.html":                {Size: 10, SHA256: "old", Header: rules.For("index.html").Sum()},
		"css/main.aadbfbb8f9d9.css": {Size: 20, SHA256: "bb", Header: "a header of old rules"},
		"sitemap.xml":               obj("sitemap.xml", local["sitemap.xml"]),
		"same.txt":                  obj("same.txt", local["same.txt"]),
		"gone/index.html":           {Size: 1, SHA256: "ff"},
		"index.html.gz":             {Size: 5, SHA256: "ab"},
	}
	p := MakePlan(local, remote, rules, PlanOptions{})
	var got [phases][]string
	for ph, us := range p.Uploads {
		for _, u := range us {
			got[ph] = append(got[ph], u.Path+" "+u.Reason)
		}
	}
	want := [phases][]string{
		{"css/main.aadbfbb8f9d9.css headers"},
		{"index.html changed", "new/index.html new"},
		nil,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("uploads %q, want %q", got, want)
	}
	// A twin left in the bucket by a folder-style deploy goes too.
	if !reflect.DeepEqual(p.Deletes, []string{"gone/index.html", "index.html.gz"}) || p.Unchanged != 2 || p.Twins != 1 {
		t.Errorf("deletes %q, unchanged %d, twins %d", p.Deletes, p.Unchanged, p.Twins)
	}
	// To a folder the twins go too; --force sends the unchanged files.
	p = MakePlan(local, remote, rules, PlanOptions{Folder: true, Force: true})
	if n, _ := p.UploadCount(); n != 6 || p.Unchanged != 0 || len(p.Deletes) != 1 {
		t.Errorf("forced, with twins: %d uploads, %d unchanged, deletes %q", n, p.Unchanged, p.Deletes)
	}
	// A folder keeps no Content-Encoding: a file a gzip rule covers goes
	// as it is, and one stored compressed before goes again.
	gzRules, err := NewRules(config.Deployment{MaxAge: 300, Matchers: []config.DeployMatcher{{Pattern: `^feed\.json$`, Gzip: true}}})
	if err != nil {
		t.Fatal(err)
	}
	feed := map[string]Local{"feed.json": {7, "ff"}}
	stored := State{"feed.json": {Size: 7, SHA256: "ff", Header: gzRules.For("feed.json").Sum()}}
	p = MakePlan(feed, stored, gzRules, PlanOptions{Folder: true})
	if us := p.Uploads[PhaseOf("feed.json")]; len(us) != 1 || us[0].Header.Gzip || us[0].Header.ContentEncoding != "" || us[0].Reason != "headers" || p.Uncompressed != 1 {
		t.Errorf("to a folder, a gzip = true file: uploads %+v, %d uncompressed; want one, as it is, for its headers", us, p.Uncompressed)
	}
	// To an object store it is stored compressed, as it was.
	if p = MakePlan(feed, stored, gzRules, PlanOptions{}); p.Unchanged != 1 || p.Uncompressed != 0 {
		t.Errorf("to a bucket, a gzip = true file stored compressed: %d unchanged, %d uncompressed", p.Unchanged, p.Uncompressed)
	}
}

func TestStateRoundTrip(t *testing.T) {
	s := State{"tags/العراق/index.html": {Size: 3, SHA256: "aa", MD5: "bb", Header: "cc"}}
	got, err := DecodeState(EncodeState(s))
	if err != nil || !reflect.DeepEqual(got, s) {
		t.Errorf("round trip: %v %v", got, err)
	}
	if a, b := EncodeState(s), EncodeState(s); string(a) != string(b) {
		t.Error("equal states encode to different bytes")
	}
	if _, err := DecodeState([]byte("not gzip")); err == nil || !strings.Contains(err.Error(), StateKey) {
		t.Errorf("damaged state: %v", err)
	}
}

// The journal applies only to the state and target it was started on,
// and a line cut short by a kill ends it.
func TestJournal(t *testing.T) {
	path := filepath.Join(t.TempDir(), "j")
	j, err := openJournal(path, "base1", "s3://b", false)
	if err != nil {
		t.Fatal(err)
	}
	j.add(journalEntry{Put: "a.html", Object: &Object{Size: 1, SHA256: "x"}})
	j.add(journalEntry{Delete: "old.html"})
	j.Close()
	f, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(`{"put":"b.ht`)
	f.Close()

	s := State{"old.html": {}}
	if n, err := applyJournal(path, "base1", "s3://b", s); err != nil || n != 2 || !reflect.DeepEqual(s, State{"a.html": {Size: 1, SHA256: "x"}}) {
		t.Errorf("applied %d (%v): %v", n, err, s)
	}
	for _, other := range [][2]string{{"base2", "s3://b"}, {"base1", "s3://c"}} {
		s := State{}
		if n, _ := applyJournal(path, other[0], other[1], s); n != 0 || len(s) != 0 {
			t.Errorf("a journal of another state or target was applied: %v", s)
		}
	}
	if n, err := applyJournal(filepath.Join(t.TempDir(), "none"), "", "", State{}); n != 0 || err != nil {
		t.Errorf("no journal: %d %v", n, err)
	}
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"s3://news?region=eu-central-1&endpoint=https://x.r2.cloudflarestorage.com": "s3://news?region=eu-central-1&endpoint=https://x.r2.cloudflarestorage.com",
		"azblob://site?sig=SECRET&sv=2020":                                          "azblob://site?sig=REDACTED&sv=2020",
		"s3://user:SECRET@host/b?access_key=K1":                                     "s3://user:REDACTED@host/b?access_key=REDACTED",
	} {
		if got := Redact(in); got != want || strings.Contains(got, "SECRET") {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}
