package deploy

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"

	"gocloud.dev/blob"
	_ "gocloud.dev/blob/azureblob" // azblob://
	"gocloud.dev/blob/fileblob"    // file://
	_ "gocloud.dev/blob/gcsblob"   // gs://
	_ "gocloud.dev/blob/s3blob"    // s3://
)

// target is an opened bucket; folder is the local folder of a file://
// target, "" for an object store.
type target struct {
	bucket *blob.Bucket
	folder string
}

// openTarget opens the bucket at rawURL with gocloud.dev, which takes
// credentials from the standard environment variables and files of each
// cloud (AWS_ACCESS_KEY_ID, ~/.aws/credentials, GOOGLE_APPLICATION_CREDENTIALS,
// AZURE_STORAGE_ACCOUNT …); sahifa never reads or prints them.
func openTarget(ctx context.Context, rawURL string) (*target, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("target %s: %w", Redact(rawURL), err)
	}
	if strings.EqualFold(u.Scheme, "file") {
		// A folder served by nginx holds the site's files and nothing
		// else: no metadata files beside them, the folder made if need
		// be, temporary files beside their final name so the rename
		// that publishes each file stays on one file system.
		dir := filepath.FromSlash(u.Path)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
		b, err := fileblob.OpenBucket(dir, &fileblob.Options{Metadata: fileblob.MetadataDontWrite, NoTempDir: true})
		if err != nil {
			return nil, fmt.Errorf("target %s: %w", Redact(rawURL), err)
		}
		return &target{bucket: b, folder: dir}, nil
	}
	b, err := blob.OpenBucket(ctx, rawURL)
	if err != nil {
		return nil, fmt.Errorf("target %s: %w", Redact(rawURL), err)
	}
	return &target{bucket: b}, nil
}

// removeEmptyDirs removes the folders of a file:// target that deleting
// key left empty: nginx answers an empty folder with 403, not the 404
// the site's 404.html gives.
func (t *target) removeEmptyDirs(key string) {
	if t.folder == "" {
		return
	}
	for dir := path.Dir(key); dir != "." && dir != "/"; dir = path.Dir(dir) {
		if os.Remove(filepath.Join(t.folder, filepath.FromSlash(dir))) != nil {
			return // not empty, or gone
		}
	}
}

// secretParams are URL query parameters that may carry a credential.
var secretParams = []string{"key", "secret", "token", "sig", "password", "credential"}

// Redact is rawURL fit to print: a password or a query value whose name
// suggests a credential (an Azure SAS signature) is replaced with
// "REDACTED".
func Redact(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return "(a URL that does not parse)"
	}
	if _, has := u.User.Password(); has {
		u.User = url.UserPassword(u.User.Username(), "REDACTED")
	}
	q := u.Query()
	changed := false
	for k := range q {
		for _, s := range secretParams {
			if strings.Contains(strings.ToLower(k), s) {
				q.Set(k, "REDACTED")
				changed = true
			}
		}
	}
	if changed {
		u.RawQuery = q.Encode()
	}
	return u.String()
}
