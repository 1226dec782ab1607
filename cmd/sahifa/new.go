package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/sahifa/sahifa/internal/arabic"
	"github.com/sahifa/sahifa/internal/build"
	"github.com/sahifa/sahifa/internal/diag"
	"github.com/sahifa/sahifa/internal/frontmatter"
	"github.com/sahifa/sahifa/internal/output"
	"github.com/sahifa/sahifa/internal/site"
)

func runNew(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("new", `"TITLE" | site DIR`, stderr)
	source := fs.StringP("source", "s", ".", "site root `DIR`")
	section := fs.String("section", "", "folder under content/ to write into, e.g. economy")
	draft := fs.Bool("draft", true, "mark the article as a draft (--draft=false to publish on the next build)")
	langFlag := addLangFlag(fs)
	if code, done := parse(fs, args, stdout); done {
		return code
	}
	// "sahifa new site DIR" starts a site; "sahifa new -- site …" is an
	// article whose title begins with the word "site".
	if fs.NArg() > 0 && fs.Arg(0) == "site" && fs.ArgsLenAtDash() != 0 {
		return runNewSite(fs, stdout, stderr)
	}
	title := strings.TrimSpace(strings.Join(fs.Args(), " "))
	if title == "" {
		fmt.Fprintln(stderr, "sahifa new: give the article's title, e.g. sahifa new \"عنوان الخبر\"")
		return exitUsage
	}
	slug := arabic.Slugify(title, site.SlugWords)
	if slug == "" {
		fmt.Fprintf(stderr, "sahifa new: %q has no letters or digits to make a file name from\n", title)
		return exitUsage
	}
	if strings.Contains(*section, "..") || filepath.IsAbs(*section) {
		fmt.Fprintf(stderr, "sahifa new: --section %q must be a folder inside content/\n", *section)
		return exitUsage
	}
	chosen, ok := langChosen("new", *langFlag, stderr)
	if !ok {
		return exitUsage
	}

	if notSite("new", *source, stderr) {
		return exitUsage
	}
	st, err := build.LoadConfig(*source)
	for _, w := range st.Warnings {
		fmt.Fprintln(stderr, w)
	}
	if err != nil {
		for _, e := range diag.Flatten(err) {
			fmt.Fprintln(stderr, e)
		}
		return exitFail
	}
	now := time.Now().In(st.Config.Location).Truncate(time.Minute)
	fm, err := frontmatter.EncodeYAML([]frontmatter.Field{
		{Key: "title", Value: title},
		{Key: "date", Value: now},
		{Key: "draft", Value: *draft},
		{Key: "description", Value: ""},
		{Key: "tags", Value: []any{}},
	})
	if err != nil {
		fmt.Fprintf(stderr, "sahifa new: %v\n", err)
		return exitFail
	}
	rel := filepath.Join("content", filepath.FromSlash(*section), slug+".md")
	doc := "---\n" + string(fm) + "---\n\n"
	if err := output.CreateNew(filepath.Join(*source, rel), []byte(doc)); err != nil {
		fmt.Fprintf(stderr, "sahifa new: %v\n", err)
		return exitFail
	}
	fmt.Fprintf(stdout, "%s\n", filepath.ToSlash(rel))
	if *draft {
		fmt.Fprintln(stderr, msgNewDraft(build.MessageLang(chosen, st.Config)))
	}
	return exitOK
}
