// Package deploy publishes a built site to object storage (S3 and any
// S3-compatible host, Google Cloud Storage, Azure Blob Storage) or a
// folder, uploading only what changed, in an order that never shows a
// reader a page linking something not yet there (docs/publishing.md).
//
// The pure part decides: MakePlan compares the built site (Scan) with
// what the bucket holds (State, kept in the bucket as one object) and
// Rules give each file its headers. Run carries the plan out.
package deploy

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"
	"golang.org/x/sync/errgroup"

	"github.com/sahifa/sahifa/internal/config"
)

// Options say what to deploy where.
type Options struct {
	Dest     string // the built site, e.g. public/
	CacheDir string // the site's .sahifa-cache (build manifest, journal)
	Target   config.DeployTarget
	Rules    *Rules
	// DryRun plans and changes nothing, neither the bucket nor the journal.
	DryRun bool
	Force  bool
	// Verify lists the bucket and trusts the state only for objects the
	// listing shows with the recorded size (and MD5, where it shows one).
	Verify bool
	// MaxDeletes refuses a plan deleting more objects; -1 for no limit.
	MaxDeletes int
	// Confirm, when set, is asked before anything changes; false stops.
	Confirm func(Plan) bool
	// Progress, when set, is told after each upload or deletion.
	Progress func(Progress)
	// Workers is how many uploads run at once; default 8.
	Workers int
}

// Progress is how far a deploy is.
type Progress struct {
	Phase       string
	Done, Total int
	Bytes       int64
}

// Summary is what a deploy did (or, in a dry run, would do).
type Summary struct {
	Plan     Plan
	Uploaded int
	Bytes    int64 // of the local files uploaded
	Deleted  int
	// Resumed is how many uploads and deletions an interrupted deploy had
	// done that this one did not repeat.
	Resumed int
	// Foreign counts objects a --verify listing found that sahifa did not
	// upload: left alone.
	Foreign  int
	Hashed   int // local files read to hash them (not in the build's manifest)
	Duration time.Duration
}

// ErrTooManyDeletes is wrapped when the plan deletes more than MaxDeletes.
var ErrTooManyDeletes = errors.New("too many deletions")

// ErrDeclined is returned when Confirm said no.
var ErrDeclined = errors.New("deploy not confirmed; nothing changed")

// Run deploys opts.Dest to opts.Target.
func Run(ctx context.Context, opts Options) (sum Summary, err error) {
	start := time.Now()
	defer func() { sum.Duration = time.Since(start) }()
	local, hashed, err := Scan(opts.Dest, opts.CacheDir)
	if err != nil {
		return sum, err
	}
	sum.Hashed = hashed
	t, err := openTarget(ctx, opts.Target.URL)
	if err != nil {
		return sum, err
	}
	defer t.bucket.Close()

	raw, err := t.bucket.ReadAll(ctx, StateKey)
	if gcerrors.Code(err) == gcerrors.NotFound {
		raw, err = nil, nil
	}
	if err != nil {
		return sum, fmt.Errorf("reading %s from %s: %w", StateKey, Redact(opts.Target.URL), err)
	}
	// What this machine keeps about the target, in the site's cache.
	cached := filepath.Join(opts.CacheDir, "deploy-"+targetKey(opts.Target.URL))
	partsCache := cached + "-record"
	rec, err := readRecord(ctx, t.bucket, raw, partsCache)
	if err != nil {
		return sum, fmt.Errorf("the deploy record in %s: %w (delete %s and %s to deploy everything again)", Redact(opts.Target.URL), err, StateKey, PartsDir)
	}
	remote := rec.state
	base := stateID(raw)
	journalPath := cached + ".journal"
	sum.Resumed, err = applyJournal(journalPath, base, opts.Target.URL, remote)
	if err != nil {
		return sum, err
	}
	if opts.Verify {
		if sum.Foreign, err = verify(ctx, t.bucket, remote); err != nil {
			return sum, err
		}
	}

	plan := MakePlan(local, remote, opts.Rules, PlanOptions{Force: opts.Force, Folder: t.folder != ""})
	sum.Plan = plan
	if opts.MaxDeletes >= 0 && len(plan.Deletes) > opts.MaxDeletes {
		return sum, fmt.Errorf("%w: this deploy would delete %d objects from %s, more than --max-deletes %d allows; nothing was changed. Check the site was built in full (sahifa deploy --dry-run lists them), then run with --max-deletes %d",
			ErrTooManyDeletes, len(plan.Deletes), opts.Target.Name, opts.MaxDeletes, len(plan.Deletes))
	}
	files, _ := plan.UploadCount()
	if opts.DryRun || (files == 0 && len(plan.Deletes) == 0 && sum.Resumed == 0 && !opts.Verify) {
		return sum, nil
	}
	if opts.Confirm != nil && !opts.Confirm(plan) {
		return sum, ErrDeclined
	}

	if err := os.MkdirAll(opts.CacheDir, 0o755); err != nil {
		return sum, err
	}
	j, err := openJournal(journalPath, base, opts.Target.URL, sum.Resumed > 0)
	if err != nil {
		return sum, err
	}
	defer j.Close()
	d := &deployer{opts: opts, t: t, j: j, state: remote, total: files}
	for ph, uploads := range plan.Uploads {
		// A phase starts only when the one before it is complete.
		if err := d.upload(ctx, Phase(ph), uploads); err != nil {
			sum.Uploaded, sum.Bytes = d.done, d.bytes
			return sum, err
		}
	}
	sum.Uploaded, sum.Bytes = d.done, d.bytes
	for _, key := range plan.Deletes {
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		if err := deleteObject(ctx, t.bucket, key); err != nil {
			return sum, fmt.Errorf("deleting %s: %w", key, err)
		}
		t.removeEmptyDirs(key)
		d.record(key, nil)
		sum.Deleted++
		d.report("deleting", sum.Deleted, len(plan.Deletes))
	}
	if d.err != nil {
		return sum, d.err
	}
	// Last: the record says what the bucket now holds. Until it is
	// written, the journal does.
	if err := writeRecord(ctx, t.bucket, d.state, rec, partsCache); err != nil {
		return sum, err
	}
	j.Close()
	os.Remove(journalPath)
	return sum, nil
}

// targetKey names a target in the cache folder.
func targetKey(rawURL string) string {
	s := sha256.Sum256([]byte(rawURL))
	return hex.EncodeToString(s[:6])
}

// deployer carries out the uploads of a plan.
type deployer struct {
	opts  Options
	t     *target
	j     *journal
	total int

	mu    sync.Mutex // guards what follows
	state State
	done  int
	bytes int64
	err   error // a journal write that failed
}

// upload sends one phase's files, Workers at a time; the first error
// stops the others.
func (d *deployer) upload(parent context.Context, ph Phase, uploads []Upload) error {
	g, ctx := errgroup.WithContext(parent)
	workers := d.opts.Workers
	if workers <= 0 {
		workers = 8
	}
	g.SetLimit(workers)
	for _, u := range uploads {
		if ctx.Err() != nil {
			break
		}
		g.Go(func() error {
			obj, err := d.put(ctx, u)
			if err != nil {
				return fmt.Errorf("uploading %s: %w", u.Path, err)
			}
			d.record(u.Path, &obj)
			d.mu.Lock()
			d.done++
			d.bytes += u.Local.Size
			done, bytes := d.done, d.bytes
			d.mu.Unlock()
			if d.opts.Progress != nil {
				d.opts.Progress(Progress{Phase: "uploading " + ph.String(), Done: done, Total: d.total, Bytes: bytes})
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	return parent.Err()
}

func (d *deployer) put(ctx context.Context, u Upload) (Object, error) {
	data, err := os.ReadFile(filepath.Join(d.opts.Dest, filepath.FromSlash(u.Path)))
	if err != nil {
		return Object{}, err
	}
	// The file may have changed since the scan (a build running now):
	// upload it only as scanned, or the state would lie.
	if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != u.Local.SHA256 {
		return Object{}, fmt.Errorf("the file changed while deploying; build, then deploy again")
	}
	if u.Header.Gzip {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write(data)
		zw.Close()
		data = buf.Bytes()
	}
	md := md5.Sum(data)
	err = d.t.bucket.WriteAll(ctx, u.Path, data, &blob.WriterOptions{
		ContentType:                 u.Header.ContentType,
		DisableContentTypeDetection: true,
		CacheControl:                u.Header.CacheControl,
		ContentEncoding:             u.Header.ContentEncoding,
		ContentMD5:                  md[:],
	})
	if err != nil {
		return Object{}, err
	}
	return Object{Size: u.Local.Size, SHA256: u.Local.SHA256, MD5: hex.EncodeToString(md[:]), Header: u.Header.Sum()}, nil
}

// record notes a finished upload (obj) or deletion (nil) of key in the
// state and the journal.
func (d *deployer) record(key string, obj *Object) {
	d.mu.Lock()
	defer d.mu.Unlock()
	e := journalEntry{Put: key, Object: obj}
	if obj != nil {
		d.state[key] = *obj
	} else {
		delete(d.state, key)
		e = journalEntry{Delete: key}
	}
	if err := d.j.add(e); err != nil && d.err == nil {
		d.err = fmt.Errorf("writing the deploy journal: %w", err)
	}
}

func (d *deployer) report(phase string, done, total int) {
	if d.opts.Progress != nil {
		d.opts.Progress(Progress{Phase: phase, Done: done, Total: total})
	}
}

// verify lists the bucket and drops from s every object the listing does
// not show as recorded, so the plan uploads it again. It returns how many
// listed objects s does not know (left alone: sahifa did not put them).
func verify(ctx context.Context, b *blob.Bucket, s State) (foreign int, err error) {
	listed := map[string]*blob.ListObject{}
	it := b.List(nil)
	for {
		o, err := it.Next(ctx)
		if err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return 0, fmt.Errorf("listing the bucket: %w", err)
		}
		if !IsRecordKey(o.Key) {
			listed[o.Key] = o
		}
	}
	for key := range listed {
		if _, ok := s[key]; !ok {
			foreign++
		}
	}
	for key, obj := range s {
		o, ok := listed[key]
		switch {
		case !ok:
			delete(s, key) // gone: upload it again if the site has it
		case len(o.MD5) > 0 && hex.EncodeToString(o.MD5) != obj.MD5:
			// Not what sahifa put there: replace it, or delete it if the
			// site no longer has it.
			obj.SHA256 = ""
			s[key] = obj
		}
	}
	return foreign, nil
}
