package main

// End-to-end tests of `sahifa import` (and of `sahifa build` importing
// first): seeds in a temporary site's seeds/ become Markdown in content/,
// without ever overwriting what an editor changed.

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// The reference sample seed the project ships in seeds/.
const (
	e2eSeedName  = "000_17373629d0573b0f"
	e2eSeedFile  = "seeds/" + e2eSeedName + ".txt"
	e2eSeedMD    = "content/" + e2eSeedName + ".md"
	e2eSeedTitle = "توافق بين بايدن والكاظمي على كبح جماح الميليشيات في العراق"
	e2eSeedSlug  = "توافق-بين-بايدن-والكاظمي-على-كبح-جماح-الميليشيات"
	e2eSeedPage  = "2021/02/24/" + e2eSeedSlug + "/index.html"
)

// e2eSampleSeed returns the sample seed's bytes.
func e2eSampleSeed(t *testing.T) string {
	t.Helper()
	return e2eRead(t, filepath.Join("..", "..", "seeds", e2eSeedName+".txt"))
}

// A second, short seed: lede, weekday and date, dateline, two paragraphs.
const e2eOilSeed = `ارتفاع أسعار النفط في الأسواق العالمية

ارتفعت أسعار النفط اليوم بعد قرار أوبك خفض الإنتاج.
الخميس 2024/05/23

بغداد – قال مسؤولون في وزارة النفط العراقية إن الأسعار ارتفعت بنسبة ثلاثة في المئة.

وتوقع محللون استمرار الارتفاع خلال الأشهر المقبلة.
`

// e2eImportSite writes a site with only sahifa.toml (Baghdad time) and the
// given files, and returns its root.
func e2eImportSite(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	e2eWrite(t, root, map[string]string{"sahifa.toml": e2eConfig})
	e2eWrite(t, root, files)
	return root
}

var e2eImportSummaryRE = regexp.MustCompile(`(?m)^import: (\d+) (?:would be )?created, (\d+) (?:would be )?updated, (\d+) unchanged, (\d+) left alone`)

// e2eImportSummary checks import's summary line: created, updated,
// unchanged, left alone (edited by hand).
func e2eImportSummary(t *testing.T, r e2eResult, want ...int) {
	t.Helper()
	m := e2eImportSummaryRE.FindAllStringSubmatch(r.stdout, -1)
	if len(m) != 1 {
		t.Fatalf("stdout does not hold one import summary line: %s", r)
	}
	var got []int
	for _, s := range m[0][1:] {
		n, _ := strconv.Atoi(s)
		got = append(got, n)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("import summary (created, updated, unchanged, edited) = %v, want %v\n%s", got, want, r)
	}
}

// e2eFront is the front matter the importer writes.
type e2eFront struct {
	Title       string   `yaml:"title"`
	Description string   `yaml:"description"`
	Date        string   `yaml:"date"`
	Dateline    string   `yaml:"dateline"`
	Agency      string   `yaml:"agency"`
	Caption     string   `yaml:"caption"`
	Tags        []string `yaml:"tags"`
	Slug        string   `yaml:"slug"`
	Source      string   `yaml:"source"`
	SourceHash  string   `yaml:"source_sha256"`
	ImportHash  string   `yaml:"import_sha256"`
}

// e2eImported reads an imported Markdown file: its front matter (parsed as
// YAML) and its body.
func e2eImported(t *testing.T, path string) (e2eFront, string) {
	t.Helper()
	md := e2eRead(t, path)
	rest, ok := strings.CutPrefix(md, "---\n")
	if !ok {
		t.Fatalf("%s does not start with front matter:\n%s", path, md)
	}
	fm, body, ok := strings.Cut(rest, "\n---\n")
	if !ok {
		t.Fatalf("%s: front matter not closed:\n%s", path, md)
	}
	var f e2eFront
	if err := yaml.Unmarshal([]byte(fm), &f); err != nil {
		t.Fatalf("%s: front matter is not YAML: %v\n%s", path, err, fm)
	}
	return f, body
}

func e2eSHA256(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// TestE2EImportSample: the sample seed becomes content/NAME.md with every
// element in its place, and importing it again writes nothing.
func TestE2EImportSample(t *testing.T) {
	seed := e2eSampleSeed(t)
	root := e2eImportSite(t, map[string]string{e2eSeedFile: seed})
	r := e2eRun(t, root, nil, "import")
	e2eWant(t, r, exitOK)
	e2eImportSummary(t, r, 1, 0, 0, 0)
	// The counts alone: a line per seed only with --verbose.
	if strings.Count(r.stdout, "\n") != 1 {
		t.Errorf("import without --verbose says more than its summary: %s", r)
	}
	if r.stderr != "" {
		t.Errorf("stderr of a clean import: %q", r.stderr)
	}
	if got := e2eFiles(t, filepath.Join(root, "content")); !slices.Equal(got, []string{e2eSeedName + ".md"}) {
		t.Errorf("content/ holds %q, want only %s.md", got, e2eSeedName)
	}

	f, body := e2eImported(t, filepath.Join(root, e2eSeedMD))
	for _, c := range []struct{ key, got, want string }{
		{"title", f.Title, e2eSeedTitle},
		{"description", f.Description, "الرئيس الأميركي يتفق مع رئيس الوزراء العراقي على حماية البعثات الدبلوماسية، ويتعهدان بمحاسبة المسؤولين عن الهجمات."},
		{"date", f.Date, "2021-02-24T09:00:00+03:00"},
		{"dateline", f.Dateline, "واشنطن"},
		{"agency", f.Agency, ""},
		{"caption", f.Caption, "صواريخ الكاتيوشا تقلق بايدن"},
		{"slug", f.Slug, e2eSeedSlug},
		{"source", f.Source, e2eSeedFile},
		{"source_sha256", f.SourceHash, e2eSHA256(seed)},
	} {
		if c.got != c.want {
			t.Errorf("%s: %s = %q, want %q", e2eSeedMD, c.key, c.got, c.want)
		}
	}
	if !regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(f.ImportHash) {
		t.Errorf("%s: import_sha256 = %q", e2eSeedMD, f.ImportHash)
	}
	for _, tag := range []string{"العراق", "إيران", "الولايات المتحدة", "جو بايدن", "مصطفى الكاظمي", "بغداد"} {
		if !slices.Contains(f.Tags, tag) {
			t.Errorf("%s: tags %q lack %q", e2eSeedMD, f.Tags, tag)
		}
	}
	if len(f.Tags) > 8 || len(slices.Compact(slices.Sorted(slices.Values(f.Tags)))) != len(f.Tags) {
		t.Errorf("%s: tags %q: more than import.maxTags (8), or repeated", e2eSeedMD, f.Tags)
	}

	// The body: the subheading once (the caption + heading pair is one),
	// the dateline taken off the first paragraph, every other line of the
	// seed's body kept.
	var lines []string
	for _, l := range strings.Split(body, "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	if n := strings.Count(body, "هجمات متكررة"); n != 1 || !slices.Contains(lines, "## هجمات متكررة") {
		t.Errorf("body has %q %d times, want once as \"## هجمات متكررة\"", "هجمات متكررة", n)
	}
	if len(lines) == 0 || !strings.HasPrefix(lines[0], "اتفق الرئيس الأميركي جو بايدن") {
		t.Errorf("first paragraph does not start after the dateline: %.200q", lines)
	}
	seedLines := strings.Split(seed, "\n")
	var paragraphs int
	for i, l := range seedLines {
		l = strings.TrimSpace(l)
		if i < 6 || l == "" || l == "هجمات متكررة" {
			continue // title, lede, date, caption
		}
		paragraphs++
		l = strings.TrimPrefix(l, "واشنطن – ")
		if !slices.Contains(lines, l) {
			t.Errorf("body lacks the seed's line %d: %.80q", i+1, l)
		}
	}
	if paragraphs < 20 || len(lines) != paragraphs+1 {
		t.Errorf("body has %d paragraphs and headings, want the seed's %d paragraphs and 1 heading", len(lines), paragraphs)
	}

	// Again: nothing is written, anywhere but in sahifa's own cache (the
	// import state records that it checked the files).
	e2eAge(t, root)
	siteFiles := func() map[string]e2eEntry {
		snap := e2eSnapshot(t, root)
		for p := range snap {
			if p == ".sahifa-cache" || strings.HasPrefix(p, ".sahifa-cache/") {
				delete(snap, p)
			}
		}
		return snap
	}
	before := siteFiles()
	r = e2eRun(t, root, nil, "import")
	e2eWant(t, r, exitOK)
	e2eImportSummary(t, r, 0, 0, 1, 0)
	if strings.Count(r.stdout, "\n") != 1 || r.stderr != "" {
		t.Errorf("a second import says more than its summary: %s", r)
	}
	e2eSame(t, "the site after a second import", before, siteFiles())
}

var e2eTagsLineRE = regexp.MustCompile(`(?m)^tags:.*(\n[ \t-].*)*$`)

// TestE2EImportNoClobber: Markdown an editor changed is never overwritten
// by import, only by import --force, which keeps the editor's tags.
func TestE2EImportNoClobber(t *testing.T) {
	seed := e2eSampleSeed(t)
	root := e2eImportSite(t, map[string]string{e2eSeedFile: seed})
	e2eWant(t, e2eRun(t, root, nil, "import"), exitOK)
	mdPath := filepath.Join(root, e2eSeedMD)
	content := filepath.Join(root, "content")

	// The editor rewrites a sentence and the tags.
	md := e2eRead(t, mdPath)
	edited := strings.Replace(md, "اتفق الرئيس الأميركي جو بايدن", "أكد الرئيس الأميركي جو بايدن", 1)
	editorTags := []string{"تحرير يدوي", "العراق"}
	edited = e2eTagsLineRE.ReplaceAllString(edited, `tags: ["تحرير يدوي", "العراق"]`)
	if edited == md || !strings.Contains(edited, "تحرير يدوي") {
		t.Fatalf("could not edit the imported Markdown:\n%s", md)
	}
	e2eWrite(t, root, map[string]string{e2eSeedMD: edited})

	// The seed has not changed: nothing to do, nothing said.
	e2eAge(t, content)
	before := e2eSnapshot(t, content)
	r := e2eRun(t, root, nil, "import")
	e2eWant(t, r, exitOK)
	e2eImportSummary(t, r, 0, 0, 1, 0)
	if r.stderr != "" {
		t.Errorf("import of an unchanged seed complains: %s", r)
	}
	e2eSame(t, "content/ after importing an unchanged seed over an edited article", before, e2eSnapshot(t, content))

	// The seed changes: the edited article is left alone, with a message.
	const added = "وأكدت الحكومة العراقية في بيان لاحق التزامها بحماية البعثات."
	e2eWrite(t, root, map[string]string{e2eSeedFile: seed + "\n" + added + "\n"})
	for _, args := range [][]string{{"import"}, {"import", "--dry-run"}} {
		r = e2eRun(t, root, nil, args...)
		e2eWant(t, r, exitOK)
		e2eImportSummary(t, r, 0, 0, 0, 1)
		for _, want := range []string{e2eSeedMD + ": edited by hand", e2eSeedFile, "--force"} {
			if !strings.Contains(r.stderr, want) {
				t.Errorf("stderr lacks %q: %s", want, r)
			}
		}
		e2eSame(t, "content/ after sahifa "+strings.Join(args, " ")+" of a changed seed over an edited article", before, e2eSnapshot(t, content))
	}

	// --force overwrites it, keeping the editor's tags.
	r = e2eRun(t, root, nil, "import", "--force", "--verbose")
	e2eWant(t, r, exitOK)
	e2eImportSummary(t, r, 0, 1, 0, 0)
	if want := e2eSeedFile + " → " + e2eSeedMD + ": overwritten (--force)"; !strings.Contains(r.stdout, want) {
		t.Errorf("stdout lacks %q: %s", want, r)
	}
	f, body := e2eImported(t, mdPath)
	if !strings.Contains(body, added) || strings.Contains(body, "أكد الرئيس الأميركي") || !strings.Contains(body, "اتفق الرئيس الأميركي") {
		t.Errorf("--force did not write the seed's text over the edit:\n%s", body)
	}
	if !slices.Equal(f.Tags, editorTags) {
		t.Errorf("--force wrote tags %q, want the editor's %q", f.Tags, editorTags)
	}
	if f.Title != e2eSeedTitle || f.SourceHash == e2eSHA256(seed) {
		t.Errorf("--force: title %q, source_sha256 %s (of the old seed?)", f.Title, f.SourceHash)
	}

	// And then it is in step with its seed.
	e2eAge(t, content)
	before = e2eSnapshot(t, content)
	r = e2eRun(t, root, nil, "import")
	e2eWant(t, r, exitOK)
	e2eImportSummary(t, r, 0, 0, 1, 0)
	e2eSame(t, "content/ after an import following import --force", before, e2eSnapshot(t, content))
}

// TestE2EImportUpdate: an article nobody edited follows its seed; --dry-run
// says so and writes nothing.
func TestE2EImportUpdate(t *testing.T) {
	seed := e2eSampleSeed(t)
	root := e2eImportSite(t, map[string]string{e2eSeedFile: seed})
	e2eWant(t, e2eRun(t, root, nil, "import"), exitOK)
	content := filepath.Join(root, "content")

	const added = "وأكدت الحكومة العراقية في بيان لاحق التزامها بحماية البعثات."
	changed := strings.Replace(seed, "صواريخ الكاتيوشا تقلق بايدن", "الكاظمي يتلقى اتصالا من بايدن", 1) + "\n" + added + "\n"
	e2eWrite(t, root, map[string]string{e2eSeedFile: changed})
	e2eAge(t, content)
	before := e2eSnapshot(t, content)

	r := e2eRun(t, root, nil, "import", "--dry-run")
	e2eWant(t, r, exitOK)
	if want := e2eSeedFile + " → " + e2eSeedMD + ": would update"; !strings.Contains(r.stdout, want) {
		t.Errorf("stdout lacks %q: %s", want, r)
	}
	e2eSame(t, "content/ after import --dry-run", before, e2eSnapshot(t, content))

	r = e2eRun(t, root, nil, "import", "--verbose")
	e2eWant(t, r, exitOK)
	e2eImportSummary(t, r, 0, 1, 0, 0)
	if want := e2eSeedFile + " → " + e2eSeedMD + ": updated"; !strings.Contains(r.stdout, want) || r.stderr != "" {
		t.Errorf("stdout lacks %q, or stderr is not empty: %s", want, r)
	}
	f, body := e2eImported(t, filepath.Join(root, e2eSeedMD))
	if f.Caption != "الكاظمي يتلقى اتصالا من بايدن" || !strings.Contains(body, added) || f.SourceHash != e2eSHA256(changed) {
		t.Errorf("the article does not follow its changed seed: caption %q, source_sha256 %s\n%s", f.Caption, f.SourceHash, body)
	}
	if f.Title != e2eSeedTitle || f.Date != "2021-02-24T09:00:00+03:00" {
		t.Errorf("updated article: title %q, date %q", f.Title, f.Date)
	}
}

// TestE2EImportDryRun: --dry-run on a new site says what it would create and
// writes nothing at all.
func TestE2EImportDryRun(t *testing.T) {
	root := e2eImportSite(t, map[string]string{e2eSeedFile: e2eSampleSeed(t), "seeds/sub/oil.txt": e2eOilSeed})
	before := e2eSnapshot(t, root)
	r := e2eRun(t, root, nil, "import", "--dry-run")
	e2eWant(t, r, exitOK)
	for _, want := range []string{e2eSeedFile + " → " + e2eSeedMD + ": would create", "seeds/sub/oil.txt → content/sub/oil.md: would create"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q: %s", want, r)
		}
	}
	e2eSame(t, "the site after import --dry-run", before, e2eSnapshot(t, root))
	if e2eExists(filepath.Join(root, "content")) {
		t.Errorf("import --dry-run made content/")
	}
	// --quiet says nothing, and still does the import.
	r = e2eRun(t, root, nil, "import", "--quiet")
	e2eWant(t, r, exitOK)
	if r.stdout != "" || r.stderr != "" {
		t.Errorf("import --quiet printed something: %s", r)
	}
	if !e2eExists(filepath.Join(root, "content", "sub", "oil.md")) {
		t.Errorf("import --quiet did not import seeds/sub/oil.txt")
	}
}

// TestE2EImportBadSeeds: seeds that cannot be imported are reported as
// seeds/NAME.txt:LINE: reason, get no Markdown, and do not stop the others;
// the command exits 1.
func TestE2EImportBadSeeds(t *testing.T) {
	root := e2eImportSite(t, map[string]string{
		e2eSeedFile:           e2eSampleSeed(t),
		"seeds/oil.txt":       e2eOilSeed,
		"seeds/empty.txt":     "",
		"seeds/binary.txt":    "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\xff\xfe\x00\x00",
		"seeds/titleonly.txt": "\n\nعنوان بلا نص\n\n",
	})
	r := e2eRun(t, root, nil, "import")
	e2eWant(t, r, exitFail)
	for _, re := range []string{
		`(?m)^seeds/empty\.txt:1: \S`,
		`(?m)^seeds/binary\.txt:[1-9][0-9]*: \S`,
		`(?m)^seeds/titleonly\.txt:3: \S`, // the title's line
	} {
		if !regexp.MustCompile(re).MatchString(r.stderr) {
			t.Errorf("stderr does not match %s: %s", re, r)
		}
	}
	e2eImportSummary(t, r, 2, 0, 0, 0)
	if got, want := e2eFiles(t, filepath.Join(root, "content")), []string{e2eSeedName + ".md", "oil.md"}; !slices.Equal(got, want) {
		t.Errorf("content/ holds %q, want only the good seeds' %q", got, want)
	}
	if f, _ := e2eImported(t, filepath.Join(root, "content", "oil.md")); f.Title != "ارتفاع أسعار النفط في الأسواق العالمية" || f.Dateline != "بغداد" || f.Date != "2024-05-23T09:00:00+03:00" {
		t.Errorf("content/oil.md: %+v", f)
	}

	// Still broken the next time: still exit 1, and the good ones are
	// left as they are.
	e2eAge(t, filepath.Join(root, "content"))
	before := e2eSnapshot(t, filepath.Join(root, "content"))
	r = e2eRun(t, root, nil, "import")
	e2eWant(t, r, exitFail)
	e2eImportSummary(t, r, 0, 0, 2, 0)
	e2eSame(t, "content/ after a second import with bad seeds", before, e2eSnapshot(t, filepath.Join(root, "content")))
}

// TestE2EImportSeedRemoved: the Markdown of a seed that was deleted is the
// editor's copy now: it stays as it is.
func TestE2EImportSeedRemoved(t *testing.T) {
	root := e2eImportSite(t, map[string]string{e2eSeedFile: e2eSampleSeed(t), "seeds/oil.txt": e2eOilSeed})
	e2eWant(t, e2eRun(t, root, nil, "import"), exitOK)
	content := filepath.Join(root, "content")
	e2eAge(t, content)
	before := e2eSnapshot(t, content)
	if err := os.Remove(filepath.Join(root, "seeds", "oil.txt")); err != nil {
		t.Fatal(err)
	}
	r := e2eRun(t, root, nil, "import")
	e2eWant(t, r, exitOK)
	e2eImportSummary(t, r, 0, 0, 1, 0)
	e2eSame(t, "content/ after its seed was deleted", before, e2eSnapshot(t, content))
	// With no seeds/ at all, too.
	if err := os.RemoveAll(filepath.Join(root, "seeds")); err != nil {
		t.Fatal(err)
	}
	r = e2eRun(t, root, nil, "import")
	e2eWant(t, r, exitOK)
	e2eImportSummary(t, r, 0, 0, 0, 0)
	e2eSame(t, "content/ after seeds/ was deleted", before, e2eSnapshot(t, content))
}

// TestE2EImportNamedFiles: `sahifa import FILES…` imports only those (with
// the tags they get among all the site's seeds); a file that is not a seed
// under seeds/ is an error.
func TestE2EImportNamedFiles(t *testing.T) {
	seeds := map[string]string{e2eSeedFile: e2eSampleSeed(t), "seeds/sub/oil.txt": e2eOilSeed}
	root := e2eImportSite(t, seeds)
	e2eWrite(t, root, map[string]string{"content/notes.txt": e2eOilSeed, "notes.txt": e2eOilSeed})

	r := e2eRun(t, root, nil, "import", "seeds/sub/oil.txt")
	e2eWant(t, r, exitOK)
	e2eImportSummary(t, r, 1, 0, 0, 0)
	if got := e2eFiles(t, filepath.Join(root, "content")); !slices.Equal(got, []string{"notes.txt", "sub/oil.md"}) {
		t.Errorf("import seeds/sub/oil.txt left content/ holding %q", got)
	}
	// The same tags as when every seed is imported.
	all := e2eImportSite(t, seeds)
	e2eWant(t, e2eRun(t, all, nil, "import"), exitOK)
	if one, every := e2eRead(t, filepath.Join(root, "content", "sub", "oil.md")), e2eRead(t, filepath.Join(all, "content", "sub", "oil.md")); one != every {
		t.Errorf("importing one seed gives other Markdown than importing all:\n%s\nvs\n%s", one, every)
	}

	// An absolute path, from another folder, with -s.
	r = e2eRun(t, t.TempDir(), nil, "import", "-s", root, filepath.Join(root, filepath.FromSlash(e2eSeedFile)))
	e2eWant(t, r, exitOK)
	e2eImportSummary(t, r, 1, 0, 0, 0)
	if !e2eExists(filepath.Join(root, filepath.FromSlash(e2eSeedMD))) {
		t.Errorf("import -s ROOT ABSPATH did not write %s", e2eSeedMD)
	}

	e2eAge(t, root)
	before := e2eSnapshot(t, root)
	for _, c := range []struct {
		dir  string
		args []string
		want string
	}{
		{root, []string{"content/notes.txt"}, "not inside"},
		{root, []string{"notes.txt"}, "not inside"},
		{root, []string{"seeds"}, "not inside"},
		{filepath.Join(root, "seeds"), []string{"-s", "..", "../notes.txt"}, "not inside"},
		{root, []string{"seeds/nosuch.txt"}, "no such seed"},
		{root, []string{"seeds/sub/oil.txt", "sahifa.toml"}, "not inside"},
	} {
		r := e2eRun(t, c.dir, nil, append([]string{"import"}, c.args...)...)
		if r.code == exitOK || !strings.Contains(r.stderr, c.want) {
			t.Errorf("want a failure saying %q, got %s", c.want, r)
		}
		if name := c.args[len(c.args)-1]; !strings.Contains(r.stderr, name) {
			t.Errorf("stderr does not name %s: %s", name, r)
		}
	}
	e2eSame(t, "the site after imports of files that are not seeds", before, e2eSnapshot(t, root))
}

// TestE2EBuildImportsFirst: a seed dropped into seeds/ is on the site after
// one build, tag pages included; a bad seed fails the build; with
// [import] onBuild = false the build leaves seeds alone.
func TestE2EBuildImportsFirst(t *testing.T) {
	root := e2eNewSite(t)
	e2eWrite(t, root, map[string]string{e2eSeedFile: e2eSampleSeed(t)})
	pub := filepath.Join(root, "public")
	r := e2eRun(t, root, nil, "build", "--now", e2eNow)
	e2eFirstBuild(t, r, pub, 4)
	if !e2eExists(filepath.Join(root, filepath.FromSlash(e2eSeedMD))) {
		t.Fatalf("build did not import %s into %s", e2eSeedFile, e2eSeedMD)
	}
	// The import's counts, not a line per seed (that is for --verbose).
	e2eImportSummary(t, r, 1, 0, 0, 0)
	if strings.Contains(r.stdout, e2eSeedFile+" → ") {
		t.Errorf("build without --verbose lists the seeds it imported: %s", r)
	}
	page := e2ePlain(e2eRead(t, filepath.Join(pub, filepath.FromSlash(e2eSeedPage))))
	for _, want := range []string{"<title>" + e2eSeedTitle, "هجمات متكررة</h2>", `datetime="2021-02-24T09:00:00+03:00"`, `<strong class="dateline">واشنطن</strong>`} {
		if !strings.Contains(page, want) {
			t.Errorf("%s lacks %q", e2eSeedPage, want)
		}
	}
	// Its tags have pages, linked from it by percent-encoded URLs.
	for _, tag := range []string{"tags/جو-بايدن/index.html", "tags/مصطفى-الكاظمي/index.html", "tags/العراق/index.html"} {
		if !e2eExists(filepath.Join(pub, filepath.FromSlash(tag))) || !e2eExists(filepath.Join(pub, filepath.FromSlash(strings.TrimSuffix(tag, ".html")+".xml"))) {
			t.Errorf("no public/%s and its feed", tag)
		}
		if link := `href="` + e2eURLPath(tag) + `"`; !strings.Contains(page, link) {
			t.Errorf("%s does not link %s", e2eSeedPage, link)
		}
	}
	if home := e2ePlain(e2eRead(t, filepath.Join(pub, "index.html"))); !strings.Contains(home, e2eSeedTitle) {
		t.Errorf("index.html does not list the imported article")
	}
	e2eCheckLinks(t, pub, "https://example.com/")

	// Nothing new: nothing imported, nothing written.
	content := filepath.Join(root, "content")
	e2eAge(t, content)
	before := e2eSnapshot(t, content)
	r = e2eRun(t, root, nil, "build", "--now", e2eNow, "--verbose")
	e2eNoChange(t, r, pub, 4)
	e2eSame(t, "content/ after a rebuild with nothing new", before, e2eSnapshot(t, content))
	if strings.Contains(r.stdout, "import:") {
		t.Errorf("a build whose import did nothing reports it: %s", r)
	}

	// A bad seed fails the build, naming it; the output stays as it was.
	e2eWrite(t, root, map[string]string{"seeds/empty.txt": " \n"})
	beforePub := e2eSnapshot(t, pub)
	r = e2eRun(t, root, nil, "build", "--now", e2eNow)
	e2eWant(t, r, exitFail)
	if !regexp.MustCompile(`(?m)^seeds/empty\.txt:1: \S`).MatchString(r.stderr) || !strings.Contains(r.stderr, "left as it was") {
		t.Errorf("stderr does not name the bad seed or say the output was left alone: %s", r)
	}
	e2eSame(t, "public/ after a build with a bad seed", beforePub, e2eSnapshot(t, pub))
	if e2eExists(filepath.Join(root, "content", "empty.md")) {
		t.Errorf("a bad seed got Markdown")
	}

	// onBuild = false: the build does not import; import still does.
	off := e2eNewSite(t)
	e2eWrite(t, off, map[string]string{
		"sahifa.toml":     e2eConfig + "\n[import]\nonBuild = false\n",
		e2eSeedFile:       e2eSampleSeed(t),
		"seeds/empty.txt": "",
	})
	r = e2eRun(t, off, nil, "build", "--now", e2eNow)
	e2eFirstBuild(t, r, filepath.Join(off, "public"), 3)
	if e2eExists(filepath.Join(off, filepath.FromSlash(e2eSeedMD))) || e2eExists(filepath.Join(off, "public", filepath.FromSlash(e2eSeedPage))) {
		t.Errorf("build imported a seed with [import] onBuild = false")
	}
	if err := os.Remove(filepath.Join(off, "seeds", "empty.txt")); err != nil {
		t.Fatal(err)
	}
	r = e2eRun(t, off, nil, "import", e2eSeedFile)
	e2eWant(t, r, exitOK)
	if !e2eExists(filepath.Join(off, filepath.FromSlash(e2eSeedMD))) {
		t.Errorf("import with [import] onBuild = false did not import: %s", r)
	}
}

// TestE2EImportEncodings: a seed saved as Windows-1256 or as UTF-16LE with a
// byte-order mark (and Windows line endings) imports exactly as the UTF-8
// one does.
func TestE2EImportEncodings(t *testing.T) {
	seed := e2eSampleSeed(t)
	cp1256, err := charmap.Windows1256.NewEncoder().String(seed)
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(strings.ReplaceAll(seed, "\n", "\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if utf8.ValidString(cp1256) || !strings.HasPrefix(utf16, "\xff\xfe") || utf8.ValidString(utf16) {
		t.Fatal("the encoded seeds are not what this test means to import")
	}
	root := e2eImportSite(t, map[string]string{"seeds/utf8.txt": seed, "seeds/cp1256.txt": cp1256, "seeds/utf16.txt": utf16})
	r := e2eRun(t, root, nil, "import")
	e2eWant(t, r, exitOK)
	e2eImportSummary(t, r, 3, 0, 0, 0)
	if r.stderr != "" {
		t.Errorf("stderr: %q", r.stderr)
	}
	// The same Markdown but for the source and the hashes.
	sourceLines := regexp.MustCompile(`(?m)^(source|source_sha256|import_sha256): .*\n`)
	want := sourceLines.ReplaceAllString(e2eRead(t, filepath.Join(root, "content", "utf8.md")), "")
	for _, name := range []string{"cp1256", "utf16"} {
		md := filepath.Join(root, "content", name+".md")
		f, _ := e2eImported(t, md)
		if f.Title != e2eSeedTitle || f.Dateline != "واشنطن" || f.Source != "seeds/"+name+".txt" {
			t.Errorf("content/%s.md: title %q, dateline %q, source %q", name, f.Title, f.Dateline, f.Source)
		}
		if got := sourceLines.ReplaceAllString(e2eRead(t, md), ""); got != want {
			t.Errorf("content/%s.md differs from the UTF-8 seed's Markdown:\n%s", name, got)
		}
	}
}

// Regressions: a broken seed elsewhere does not fail an import of named
// good seeds; tags an editor kept with --force survive a later import of a
// changed seed; a build reports an article it left alone because it was
// edited.
func TestE2EImportEditorTagsAndNamedSeeds(t *testing.T) {
	seed := e2eSampleSeed(t)
	root := e2eImportSite(t, map[string]string{e2eSeedFile: seed, "seeds/broken.txt": ""})
	r := e2eRun(t, root, nil, "import", e2eSeedFile)
	e2eWant(t, r, exitOK)
	if strings.Contains(r.stderr, "broken.txt") {
		t.Errorf("a seed that was not named was reported: %s", r)
	}

	md := filepath.Join(root, filepath.FromSlash(e2eSeedMD))
	text := e2eRead(t, md)
	front, _ := e2eImported(t, md)
	edited := strings.Replace(text, "tags: [", `tags: ["ملف خاص", `, 1)
	e2eWrite(t, root, map[string]string{e2eSeedMD: edited, e2eSeedFile: seed + "\n\nفقرة أضيفت لاحقا إلى الخبر.\n"})

	// A build fails on the broken seed (bad input is an error), so it goes.
	if err := os.Remove(filepath.Join(root, "seeds", "broken.txt")); err != nil {
		t.Fatal(err)
	}
	r = e2eRun(t, root, nil, "build", "-d", "out")
	e2eWant(t, r, exitOK)
	if !strings.Contains(r.stderr, "edited by hand") {
		t.Errorf("build did not say it left an edited article alone: %s", r)
	}
	e2eWant(t, e2eRun(t, root, nil, "import", "--force", e2eSeedFile), exitOK)
	after, body := e2eImported(t, md)
	if len(after.Tags) != len(front.Tags)+1 || after.Tags[0] != "ملف خاص" || !strings.Contains(body, "فقرة أضيفت لاحقا") {
		t.Fatalf("--force did not keep the editor's tags with the new text: %q", after.Tags)
	}
	// The seed changes again; the file is untouched since --force, so it is
	// updated, and the editor's tags stay.
	e2eWrite(t, root, map[string]string{e2eSeedFile: seed + "\n\nفقرة ثالثة.\n"})
	r = e2eRun(t, root, nil, "import", e2eSeedFile)
	e2eWant(t, r, exitOK)
	e2eImportSummary(t, r, 0, 1, 0, 0)
	again, body := e2eImported(t, md)
	if !slices.Equal(again.Tags, after.Tags) || !strings.Contains(body, "فقرة ثالثة") {
		t.Errorf("editor's tags lost on a later import: %q", again.Tags)
	}
}
