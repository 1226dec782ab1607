package main

// `sahifa serve` and `sahifa build --watch`: the build driven by the file
// watcher. serve builds into memory and hands each good build to the dev
// server (internal/server), which tells the open pages what changed; a
// failed build is shown in the terminal and over the page, and the last
// good build stays served. build --watch rebuilds public/ instead.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/sahifa/sahifa/internal/build"
	"github.com/sahifa/sahifa/internal/diag"
	"github.com/sahifa/sahifa/internal/i18n"
	"github.com/sahifa/sahifa/internal/importer"
	"github.com/sahifa/sahifa/internal/server"
	"github.com/sahifa/sahifa/internal/site"
	"github.com/sahifa/sahifa/internal/watch"
)

// defaultPort is the port `sahifa serve` tries first (Hugo's).
const defaultPort = 1313

// serveOptions are `sahifa serve` once its flags are read.
type serveOptions struct {
	build        build.Options // Source, Drafts, Future, Expired, Now, Destination
	bind         string
	allowedHosts []string // --allowedHosts: Host names answered besides the server's own
	port         int
	portSet      bool // --port given: use it or fail, do not pick another
	renderToDisk bool
	open         bool
	debounce     time.Duration
	quiet        bool
	lang         string // --lang
	// ready, when set, is called with the site's address once it is
	// served (tests use it instead of reading stdout).
	ready func(url string)
}

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", "", stderr)
	var o serveOptions
	var now string
	fs.StringVarP(&o.build.Source, "source", "s", ".", "site root `DIR`")
	fs.StringVar(&o.bind, "bind", "127.0.0.1", "`ADDRESS` to listen on; anything but a loopback address makes the site reachable from the network")
	fs.StringSliceVar(&o.allowedHosts, "allowedHosts", nil, "host `NAMES` answered besides localhost, 127.0.0.1, [::1] and the --bind address (comma-separated; other names get 403, so other web sites cannot read the preview); .example.com allows it and its subdomains; all allows any name (unsafe)")
	fs.IntVarP(&o.port, "port", "p", defaultPort, "`PORT` to listen on (0: any free port); when the default is taken, another is chosen")
	fs.BoolVarP(&o.build.Drafts, "buildDrafts", "D", false, "include drafts")
	fs.BoolVarP(&o.build.Future, "buildFuture", "F", false, "include articles dated in the future")
	fs.BoolVarP(&o.build.Expired, "buildExpired", "E", false, "include expired articles")
	fs.BoolVar(&o.renderToDisk, "renderToDisk", false, "also write each good build to the destination (the site is still served from memory)")
	fs.StringVarP(&o.build.Destination, "destination", "d", "", "with --renderToDisk, output `DIR` (default public under the source)")
	fs.BoolVar(&o.open, "open", false, "open the site in the web browser")
	fs.DurationVar(&o.debounce, "debounce", watch.DefaultQuiet, "quiet `TIME` after the last file event before rebuilding")
	fs.StringVar(&now, "now", "", "build `TIME` (RFC 3339) deciding future and expired articles; also "+NowEnv)
	fs.BoolVar(&o.quiet, "quiet", false, "print nothing but errors and the address")
	langFlag := addLangFlag(fs)
	if code, done := parse(fs, args, stdout); done {
		return code
	}
	o.lang = *langFlag
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "sahifa serve: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	o.portSet = fs.Changed("port")
	if o.port < 0 || o.port > 65535 {
		fmt.Fprintf(stderr, "sahifa serve: --port: want 0 to 65535, got %d\n", o.port)
		return exitUsage
	}
	if o.debounce <= 0 {
		fmt.Fprintf(stderr, "sahifa serve: --debounce: want a positive time such as 30ms, got %s\n", o.debounce)
		return exitUsage
	}
	t, ok := parseNow(now, "serve", stderr)
	if !ok {
		return exitUsage
	}
	o.build.Now = t
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve(ctx, o, stdout, stderr)
}

// parseNow reads --now, or else SAHIFA_NOW; zero means the clock.
func parseNow(now, cmd string, stderr io.Writer) (time.Time, bool) {
	if now == "" {
		now = os.Getenv(NowEnv)
	}
	if now == "" {
		return time.Time{}, true
	}
	t, err := time.Parse(time.RFC3339, now)
	if err != nil {
		fmt.Fprintf(stderr, "sahifa %s: --now: want a time like 2026-01-02T15:04:05+03:00, got %q\n", cmd, now)
		return time.Time{}, false
	}
	return t, true
}

// serve runs the dev server until ctx ends. A failed build never stops it.
func serve(ctx context.Context, o serveOptions, stdout, stderr io.Writer) int {
	stdout, stderr = &lockedWriter{w: stdout}, &lockedWriter{w: stderr}
	hosts, err := server.NewHosts(o.bind, o.allowedHosts)
	if err != nil {
		fmt.Fprintf(stderr, "sahifa serve: %v\n", err)
		return exitUsage
	}
	root := o.build.Source
	if notSite("serve", root, stderr) {
		return exitUsage
	}
	// The language is chosen once: the overlay's texts come with the
	// server, and messages do not change language between two saves.
	lang, ok := messageLang("serve", o.lang, root, stderr)
	if !ok {
		return exitUsage
	}
	o.build.Lang = &lang
	if o.renderToDisk {
		if err := build.CheckDestination(o.build); err != nil {
			fmt.Fprintf(stderr, "sahifa serve: --renderToDisk: %v\n", err)
			return exitFail
		}
	}
	ln, err := listen(o, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "sahifa serve: %v\n", err)
		return exitFail
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	site := "http://" + net.JoinHostPort(urlHost(o.bind), strconv.Itoa(port)) + "/"
	if !isLoopback(o.bind) {
		fmt.Fprintf(stderr, "warning: --bind %s makes the site reachable from the network, drafts included\n", o.bind)
		if !hosts.AllowsAny() {
			addrs, _ := net.InterfaceAddrs()
			fmt.Fprintln(stderr, lanHint(o.bind, addrs))
		}
	}
	if hosts.AllowsAny() {
		fmt.Fprintln(stderr, "warning: --allowedHosts all: requests for any host name are answered, so a web page on another site can read the preview, drafts included, by pointing its name at this machine (DNS rebinding); list the names you use instead")
	}

	// Watch before the first build, so nothing saved during it is missed.
	w, err := watch.New(root, watch.Options{
		Quiet:   o.debounce,
		OnError: func(err error) { fmt.Fprintf(stderr, "watch: %v\n", err) },
	})
	if err != nil {
		fmt.Fprintf(stderr, "sahifa serve: watching %s: %v\n", root, err)
		return exitFail
	}
	defer w.Close()

	dev := server.New(server.WithHosts(hosts), server.WithLang(lang))
	d := &devBuild{opts: o, dev: dev, stdout: stdout, stderr: stderr, edited: map[string]bool{}}
	opts := o.build
	opts.BaseURL = site // links and canonical URLs point at the dev server
	// --renderToDisk: the same build goes to the destination too, through
	// the output transaction, so a failed build leaves it as it was.
	opts.AlsoDisk = o.renderToDisk
	d.live = build.NewLive(opts)
	d.rebuild(watch.Batch{})

	hs := &http.Server{
		Handler:           dev,
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          log.New(stderr, "http: ", 0),
	}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	abs, _ := filepath.Abs(root)
	fmt.Fprintf(stdout, "Serving %s at %s (press Ctrl+C to stop)\n", abs, site)
	if o.ready != nil {
		o.ready(site)
	}
	if o.open {
		openBrowser(site, stderr)
	}

	code := exitOK
loop:
	for {
		select {
		case <-ctx.Done():
			break loop
		case err := <-served:
			fmt.Fprintf(stderr, "sahifa serve: %v\n", err)
			code = exitFail
			break loop
		case b, ok := <-w.Batches():
			if !ok {
				break loop
			}
			d.rebuild(b)
		}
	}
	// The event streams never end by themselves; end them, then let the
	// HTTP server finish what else is in flight.
	dev.Close()
	shutdown, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil {
		hs.Close()
	}
	if !o.quiet && code == exitOK {
		fmt.Fprintln(stdout, "Stopped.")
	}
	return code
}

// devBuild is the state of `sahifa serve` between builds.
type devBuild struct {
	opts           serveOptions
	dev            *server.Server
	stdout, stderr io.Writer
	warned         []string        // the last build's warnings, printed once
	edited         map[string]bool // imported Markdown edited by hand, reported once
	// live keeps the last good build, served now, and what it takes to
	// build again only what a save affects.
	live *build.Live
	held []string // what the last good build left out, said once
}

// rebuild builds the site into memory after the changes of b (none for
// the first build) and serves it, or shows why it failed.
func (d *devBuild) rebuild(b watch.Batch) {
	start := time.Now()
	what := ""
	if len(b.Changes) > 0 || b.Rescan {
		what = b.String()
	}
	res, files, err := d.live.Build(changedPaths(b))
	d.report(res)
	stamp := start.Format("15:04:05")
	label := what
	if label == "" {
		label = "first build"
	}
	if err != nil {
		d.dev.Fail(err)
		errs := diag.Flatten(err)
		fmt.Fprintf(d.stderr, "%s %s: build failed with %d %s; still serving the last good build\n", stamp, label, len(errs), plural(len(errs), "error", "errors"))
		for _, e := range errs {
			fmt.Fprintf(d.stderr, "  %v\n", e)
		}
		return
	}
	var change server.Change
	if written, ok := d.live.Written(); ok {
		change = d.dev.PublishAt(files, written) // only those may differ
	} else {
		change = d.dev.Publish(files)
	}
	if !d.opts.quiet {
		var parts []string
		if what == "" {
			parts = append(parts, fmt.Sprintf("%d articles", res.Articles))
		}
		parts = append(parts, fmt.Sprintf("%d pages rendered", res.Rendered))
		if what != "" {
			parts = append(parts, fmt.Sprintf("%d changed", len(change.Pages)))
			if n := len(change.Styles); n > 0 {
				parts = append(parts, fmt.Sprintf("%d %s swapped", n, plural(n, "stylesheet", "stylesheets")))
			}
		}
		fmt.Fprintf(d.stdout, "%s %s: %s, in %s\n", stamp, label, strings.Join(parts, ", "), time.Since(start).Round(time.Millisecond))
	}
	if !d.opts.quiet {
		sayHeld(d.stdout, stamp, langOf(d.opts.build), res.Held, &d.held)
	}
}

// changedPaths are the files a batch changed, for build.Live; nil when
// that is not known (the first build, lost events).
func changedPaths(b watch.Batch) []string {
	if b.Rescan {
		return nil
	}
	var paths []string
	for _, c := range b.Changes {
		paths = append(paths, c.Path)
	}
	return paths
}

// sayHeld prints what a build left out (msgHeld) when it is not what was
// said last (*said): a draft saved while serving without -D is not on the
// page, and this says why, once.
func sayHeld(w io.Writer, stamp string, l i18n.Lang, h site.Held, said *[]string) {
	held := msgHeld(l, h)
	if slices.Equal(held, *said) {
		return
	}
	*said = held
	for _, l := range held {
		fmt.Fprintf(w, "%s %s\n", stamp, l)
	}
}

// report prints what the import did and the build's warnings, each only
// when it is news: a rebuild every few seconds must not repeat them.
func (d *devBuild) report(res build.Result) {
	for _, done := range res.Imported.Done {
		switch done.Action {
		case importer.Create, importer.Update, importer.Force:
			if !d.opts.quiet {
				fmt.Fprintf(d.stdout, "%s → %s: imported\n", done.Seed, done.Markdown)
			}
		case importer.Edited, importer.Foreign:
			if !d.edited[done.Markdown] {
				d.edited[done.Markdown] = true
				fmt.Fprintln(d.stderr, done.LeftAlone("run sahifa import --force"))
			}
		}
	}
	var warned []string
	for _, w := range res.Warnings {
		warned = append(warned, w.String())
	}
	if !d.opts.quiet {
		for _, w := range warned {
			if !slices.Contains(d.warned, w) {
				fmt.Fprintln(d.stderr, w)
			}
		}
	}
	d.warned = warned
}

// watchBuild is `sahifa build --watch`: build into the destination, then
// again after every batch of changes, until interrupted. A failed build
// leaves the destination as it was and waits for the next change.
func watchBuild(opts build.Options, debounce time.Duration, quiet bool, stdout, stderr io.Writer) int {
	if debounce <= 0 {
		fmt.Fprintf(stderr, "sahifa build: --debounce: want a positive time such as 30ms, got %s\n", debounce)
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return watchBuildLoop(ctx, opts, debounce, quiet, stdout, stderr)
}

func watchBuildLoop(ctx context.Context, opts build.Options, debounce time.Duration, quiet bool, stdout, stderr io.Writer) int {
	stdout, stderr = &lockedWriter{w: stdout}, &lockedWriter{w: stderr}
	root := opts.Source
	if root == "" {
		root = "."
	}
	w, err := watch.New(root, watch.Options{
		Quiet:   debounce,
		OnError: func(err error) { fmt.Fprintf(stderr, "watch: %v\n", err) },
	})
	if err != nil {
		fmt.Fprintf(stderr, "sahifa build: watching %s: %v\n", root, err)
		return exitFail
	}
	defer w.Close()
	var warned, held []string
	once := func(what string) {
		start := time.Now()
		res, err := build.Run(opts)
		var now []string
		for _, w := range res.Warnings {
			now = append(now, w.String())
			if !quiet && !slices.Contains(warned, w.String()) {
				fmt.Fprintln(stderr, w)
			}
		}
		warned = now
		stamp := start.Format("15:04:05")
		if err != nil {
			errs := diag.Flatten(err)
			fmt.Fprintf(stderr, "%s %s: build failed with %d %s; %s left as it was\n", stamp, what, len(errs), plural(len(errs), "error", "errors"), orDefault(res.Destination, "the destination"))
			for _, e := range errs {
				fmt.Fprintf(stderr, "  %v\n", e)
			}
			return
		}
		if !quiet {
			fmt.Fprintf(stdout, "%s %s: %d pages rendered; files: %d written, %d unchanged, %d removed; in %s\n",
				stamp, what, res.Rendered, res.Files.Written, res.Files.Unchanged, res.Files.Removed, time.Since(start).Round(time.Millisecond))
			sayHeld(stdout, stamp, langOf(opts), res.Held, &held)
		}
	}
	once("first build")
	if !quiet {
		fmt.Fprintln(stdout, "Watching for changes (press Ctrl+C to stop)")
	}
	for {
		select {
		case <-ctx.Done():
			return exitOK
		case b, ok := <-w.Batches():
			if !ok {
				return exitOK
			}
			once(b.String())
		}
	}
}

// listen opens the port; when the default port is taken, any free one.
func listen(o serveOptions, stderr io.Writer) (net.Listener, error) {
	ln, err := net.Listen("tcp", net.JoinHostPort(o.bind, strconv.Itoa(o.port)))
	if err == nil || o.portSet || !errors.Is(err, syscall.EADDRINUSE) {
		return ln, err
	}
	ln, err2 := net.Listen("tcp", net.JoinHostPort(o.bind, "0"))
	if err2 != nil {
		return nil, err
	}
	fmt.Fprintf(stderr, "port %d is taken; using %d\n", o.port, ln.Addr().(*net.TCPAddr).Port)
	return ln, nil
}

// urlHost is the host to put into the site's URLs: a wildcard address is
// not one a browser can open.
func urlHost(bind string) string {
	switch bind {
	case "", "0.0.0.0", "::", "[::]":
		return "localhost"
	}
	return strings.Trim(bind, "[]")
}

// lanHint tells how to open a site bound to a network address from another
// device: the names and addresses it uses there are refused unless allowed.
// addrs are this machine's addresses, for an example.
func lanHint(bind string, addrs []net.Addr) string {
	if urlHost(bind) != "localhost" {
		return "other devices may open it at the address printed; to let them use a name for this machine, allow it: --allowedHosts mybox.local"
	}
	example := "192.168.1.20"
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && n.IP.To4() != nil && n.IP.IsGlobalUnicast() {
			example = n.IP.String()
			break
		}
	}
	return "other devices must use an address or name allowed with --allowedHosts, such as --allowedHosts " + example + ",mybox.local"
}

func isLoopback(bind string) bool {
	if bind == "localhost" {
		return true
	}
	ip := net.ParseIP(strings.Trim(bind, "[]"))
	return ip != nil && ip.IsLoopback()
}

// openBrowser asks the desktop to open url; failing is only a note.
func openBrowser(url string, stderr io.Writer) {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(stderr, "could not open a browser (%v); open %s yourself\n", err, url)
		return
	}
	go cmd.Wait()
}

// lockedWriter serialises writes from the build loop, the watcher and the
// HTTP server, so their lines do not interleave.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
