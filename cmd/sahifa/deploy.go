package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/term"

	"github.com/sahifa/sahifa/internal/build"
	"github.com/sahifa/sahifa/internal/config"
	"github.com/sahifa/sahifa/internal/deploy"
)

func runDeploy(args []string, stdout, stderr io.Writer) int {
	return deployMain(args, os.Stdin, stdout, stderr)
}

// deployMain is runDeploy with its input given, for --confirm's answer.
func deployMain(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("deploy", "", stderr)
	var (
		source, dest, targetName string
		opts                     deploy.Options
		confirm, quiet           bool
	)
	fs.StringVarP(&source, "source", "s", ".", "site root `DIR`")
	fs.StringVarP(&dest, "destination", "d", "", "the built site to deploy, `DIR` (default public under the source)")
	fs.StringVar(&targetName, "target", "", "deploy to the [[deployment.targets]] entry called `NAME` (default the first)")
	fs.BoolVar(&opts.DryRun, "dry-run", false, "say what would be uploaded and deleted, and change nothing")
	fs.IntVar(&opts.MaxDeletes, "max-deletes", 256, "refuse to delete more than `N` objects (-1 for no limit; default deployment.maxDeletes)")
	fs.BoolVar(&opts.Force, "force", false, "upload every file, changed or not")
	fs.BoolVar(&confirm, "confirm", false, "show what would change and ask before changing it")
	fs.BoolVar(&opts.Verify, "verify", false, "list the bucket and upload again what is missing or differs from what the last deploy recorded")
	fs.BoolVar(&quiet, "quiet", false, "print nothing but errors")
	if code, done := parse(fs, args, stdout); done {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "sahifa deploy: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	if notSite("deploy", source, stderr) {
		return exitUsage
	}
	st, err := build.LoadConfig(source)
	if err != nil {
		fmt.Fprintf(stderr, "%v\n", err)
		return exitFail
	}
	d := st.Config.Deployment
	target, ok := chooseTarget(d.Targets, targetName, stderr)
	if !ok {
		return exitUsage
	}
	if !fs.Changed("max-deletes") {
		opts.MaxDeletes = d.MaxDeletes
	}
	opts.Target = target
	opts.Dest = dest
	if dest == "" {
		opts.Dest = filepath.Join(source, "public")
	}
	opts.CacheDir = filepath.Join(source, build.CacheDir)
	if _, err := os.Stat(filepath.Join(opts.Dest, "index.html")); err != nil {
		fmt.Fprintf(stderr, "sahifa deploy: %s holds no built site (no index.html); run sahifa build first\n", opts.Dest)
		return exitFail
	}
	if opts.Rules, err = deploy.NewRules(d); err != nil {
		fmt.Fprintf(stderr, "sahifa deploy: %v\n", err)
		return exitFail
	}
	if confirm {
		opts.Confirm = func(p deploy.Plan) bool { return askConfirm(p, target, stdin, stdout) }
	}
	var progress *deployProgress
	if !quiet {
		progress = newDeployProgress(stderr)
		opts.Progress = progress.update
	}

	// Ctrl-C stops uploading; what was uploaded is in the journal, and
	// the next deploy goes on from there.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	sum, err := deploy.Run(ctx, opts)
	progress.clear()
	if opts.DryRun && err == nil || errors.Is(err, deploy.ErrTooManyDeletes) {
		printPlan(stdout, sum.Plan)
	}
	if err != nil {
		fmt.Fprintf(stderr, "sahifa deploy: %v\n", err)
		if sum.Uploaded > 0 || sum.Deleted > 0 || ctx.Err() != nil {
			fmt.Fprintf(stderr, "sahifa deploy: stopped after %d uploads and %d deletions; run it again to finish (what is done is not done again)\n", sum.Uploaded, sum.Deleted)
		}
		if errors.Is(err, deploy.ErrDeclined) {
			return exitOK
		}
		return exitFail
	}
	if !quiet {
		fmt.Fprintln(stdout, deploySummary(target, opts.DryRun, sum))
	}
	return exitOK
}

// chooseTarget finds the target called name, or the first.
func chooseTarget(targets []config.DeployTarget, name string, stderr io.Writer) (config.DeployTarget, bool) {
	if len(targets) == 0 {
		fmt.Fprintf(stderr, "sahifa deploy: %s names no target; add one:\n\n[[deployment.targets]]\nname = \"production\"\nurl = \"s3://BUCKET?region=eu-central-1\"\n\n(docs/publishing.md shows S3, R2, GCS, Azure and a folder)\n", build.ConfigFile)
		return config.DeployTarget{}, false
	}
	if name == "" {
		return targets[0], true
	}
	var names []string
	for _, t := range targets {
		if strings.EqualFold(t.Name, name) {
			return t, true
		}
		names = append(names, t.Name)
	}
	fmt.Fprintf(stderr, "sahifa deploy: --target %q: %s has no such target (it has %s)\n", name, build.ConfigFile, strings.Join(names, ", "))
	return config.DeployTarget{}, false
}

// printPlan lists what a plan uploads, phase by phase, and deletes.
func printPlan(w io.Writer, p deploy.Plan) {
	for ph, uploads := range p.Uploads {
		for _, u := range uploads {
			fmt.Fprintf(w, "upload (%s, %s) %s\n", deploy.Phase(ph), u.Reason, u.Path)
		}
	}
	for _, key := range p.Deletes {
		fmt.Fprintf(w, "delete %s\n", key)
	}
}

func askConfirm(p deploy.Plan, t config.DeployTarget, stdin io.Reader, stdout io.Writer) bool {
	printPlan(stdout, p)
	files, bytes := p.UploadCount()
	fmt.Fprintf(stdout, "Upload %d %s (%s) and delete %d in %s? [y/N] ", files, plural(files, "file", "files"), config.FormatSize(bytes), len(p.Deletes), t.Name)
	answer, _ := bufio.NewReader(stdin).ReadString('\n')
	answer = strings.ToLower(strings.TrimSpace(answer))
	return answer == "y" || answer == "yes"
}

// deploySummary is the line a deploy ends with.
func deploySummary(t config.DeployTarget, dry bool, s deploy.Summary) string {
	files, bytes := s.Plan.UploadCount()
	verb := "deployed to"
	if dry {
		verb = "dry run for"
	} else {
		files, bytes = s.Uploaded, s.Bytes
	}
	line := fmt.Sprintf("%s %s: uploaded %d %s (%s), deleted %d, unchanged %d", verb, t.Name,
		files, plural(files, "file", "files"), config.FormatSize(bytes), len(s.Plan.Deletes), s.Plan.Unchanged)
	if dry {
		line = strings.Replace(line, "uploaded", "would upload", 1)
		line = strings.Replace(line, ", deleted", ", would delete", 1)
	}
	if s.Resumed > 0 {
		line += fmt.Sprintf(", %d done by the interrupted deploy", s.Resumed)
	}
	if s.Plan.Twins > 0 {
		line += fmt.Sprintf(", %d .gz/.br twins left out", s.Plan.Twins)
	}
	if n := s.Plan.Uncompressed; n > 0 {
		line += fmt.Sprintf(", %d %s a gzip = true rule covers written uncompressed (a folder keeps no Content-Encoding; --precompress twins serve compressed pages through nginx's gzip_static)", n, plural(n, "file", "files"))
	}
	if s.Foreign > 0 {
		line += fmt.Sprintf(", %d objects sahifa did not upload left alone", s.Foreign)
	}
	return line + fmt.Sprintf("; in %s", s.Duration.Round(time.Millisecond))
}

// deployProgress is a deploy's progress line: on a terminal only, redrawn
// at most ten times a second.
type deployProgress struct {
	w     io.Writer
	mu    sync.Mutex // uploads report from several goroutines
	last  time.Time
	shown bool
}

func newDeployProgress(stderr io.Writer) *deployProgress {
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return &deployProgress{w: stderr}
	}
	return nil
}

func (p *deployProgress) update(pr deploy.Progress) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if time.Since(p.last) < 100*time.Millisecond && pr.Done != pr.Total {
		return
	}
	p.last = time.Now()
	fmt.Fprintf(p.w, "\r\x1b[K%s: %d of %d (%s)", pr.Phase, pr.Done, pr.Total, config.FormatSize(pr.Bytes))
	p.shown = true
}

func (p *deployProgress) clear() {
	if p != nil && p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}
