package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestE2EArabicMessages: a site whose sahifa.toml says language = "ar"
// gets the build summary, the articles left out and the front matter
// errors in Arabic, each error at its file:line:col with the English after
// it in parentheses; --lang en gives English (issue 16, item 8).
func TestE2EArabicMessages(t *testing.T) {
	root := e2eNewSite(t)
	e2eWrite(t, root, map[string]string{
		"sahifa.toml":    e2eConfig + "language = \"ar\"\n",
		"content/new.md": "---\ntitle: \"مسودة\"\ndate: 2024-05-22\ndraft: true\n---\nنص.\n",
	})
	r := e2eRun(t, root, nil, "build", "--now", e2eNow)
	e2eWant(t, r, exitOK)
	for _, want := range []string{"3 مقالات، و", "الملفات: كُتب ", "مسودة واحدة خارج البناء (أضف -D لتضمينها)\n"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r)
		}
	}
	r = e2eRun(t, root, nil, "build", "--now", e2eNow, "--lang", "en")
	e2eWant(t, r, exitOK)
	e2eBuilt(t, r, filepath.Join(root, "public"), 3)
	if !strings.Contains(r.stdout, "1 draft not built (use -D to include it)\n") {
		t.Errorf("--lang en: stdout lacks the English held line:\n%s", r)
	}

	pub := filepath.Join(root, "public")
	before := e2eSnapshot(t, pub)
	e2eWrite(t, root, map[string]string{"content/colon.md": "---\ntitle: عاجل: قمة الرياض\ndate: 2024-05-22\n---\nنص.\n"})
	english := `content/colon.md:2:16: front matter: title: the value holds ": " (a colon and a space), which YAML reads as the start of a key; put the whole value in double quotes: title: "عاجل: قمة الرياض"`
	r = e2eRun(t, root, nil, "build", "--now", e2eNow)
	e2eWant(t, r, exitFail)
	for _, want := range []string{
		`content/colon.md:2:16: الترويسة: title: في القيمة ": " (نقطتان بعدهما مسافة)، وYAML تقرؤهما بداية مفتاح جديد؛ ضع القيمة كلها بين علامتي تنصيص مزدوجتين: title: "عاجل: قمة الرياض" (` +
			strings.TrimPrefix(english, "content/colon.md:2:16: ") + ")\n",
		"sahifa build: فشل البناء، وفيه خطأ واحد؛ وبقي ",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks\n%s\n%s", want, r)
		}
	}
	e2eSame(t, "public/ after an Arabic error", before, e2eSnapshot(t, pub))

	r = e2eRun(t, root, nil, "build", "--now", e2eNow, "--lang", "en")
	e2eWant(t, r, exitFail)
	if !strings.Contains(r.stderr, english+"\n") || strings.Contains(r.stderr, "الترويسة") || !strings.Contains(r.stderr, "failed with 1 error;") {
		t.Errorf("--lang en: want the English error alone:\n%s", r)
	}
}

// TestE2ELangFlag: a site that does not say its language gets English
// messages; --lang ar gives Arabic; a language sahifa does not speak is a
// usage error.
func TestE2ELangFlag(t *testing.T) {
	root := e2eNewSite(t)
	r := e2eRun(t, root, nil, "build", "--now", e2eNow)
	e2eWant(t, r, exitOK)
	e2eBuilt(t, r, filepath.Join(root, "public"), 3)
	r = e2eRun(t, root, nil, "build", "--now", e2eNow, "--lang", "ar")
	e2eWant(t, r, exitOK)
	if !strings.Contains(r.stdout, "3 مقالات، و") {
		t.Errorf("--lang ar: stdout lacks the Arabic summary:\n%s", r)
	}
	r = e2eRun(t, root, nil, "new", "--lang", "ar", "خبر جديد")
	e2eWant(t, r, exitOK)
	if !strings.Contains(r.stderr, "إنه مسودة: يتركه البناء حتى تكتب draft: false") {
		t.Errorf("new --lang ar: stderr lacks the Arabic draft note:\n%s", r)
	}
	r = e2eRun(t, root, nil, "build", "--lang", "fr")
	e2eWant(t, r, exitUsage)
	if !strings.Contains(r.stderr, `sahifa build: --lang: "fr" is not a language of sahifa's messages; want ar (Arabic) or en (English)`) {
		t.Errorf("stderr:\n%s", r)
	}
}

// TestBrowserOverlayArabic: serving a site whose sahifa.toml says
// language = "ar", a broken file shows the overlay with Arabic headings,
// right to left, and the error as the terminal prints it, in Arabic.
func TestBrowserOverlayArabic(t *testing.T) {
	b := newTab(t)
	root := e2eNewSite(t)
	e2eWrite(t, root, map[string]string{"sahifa.toml": e2eConfig + "language = \"ar\"\n"})
	d := startServe(t, root)
	b.open(t, d.page(e2eG20Page))
	b.until(t, "the page connected to the dev server", connected)
	e2eWrite(t, root, map[string]string{"content/g20.md": strings.Replace(e2eSite()["content/g20.md"], "2024-05-20T10:00:00+03:00", "2024-05-40", 1)})
	box := `document.getElementById("sahifa-error-overlay").shadowRoot.querySelector(".box")`
	b.until(t, "the Arabic overlay", `!!document.getElementById("sahifa-error-overlay") && `+box+`.dir === "rtl" && `+box+`.lang === "ar" && `+
		box+`.textContent.includes("sahifa: فشل البناء") && `+box+`.textContent.includes("أصلح الملف واحفظه") && `+
		box+`.textContent.includes("content/g20.md:3:7: date: \"2024-05-40\" ليس يوما في التقويم (day out of range)؛ راجع الشهر واليوم (date: \"2024-05-40\" is not a day of the calendar")`)
	b.screenshot(t, "serve-error-overlay-ar")
}
