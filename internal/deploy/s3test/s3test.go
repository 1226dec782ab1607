// Package s3test runs a real S3 protocol server (gofakes3, the server
// rclone's `serve s3` is built on) on 127.0.0.1 for tests of sahifa
// deploy: requests go over HTTP as they would to AWS, and the server
// counts them, keeps the headers each upload was sent with, and can be
// told to fail, as a network or a host does halfway through a deploy.
package s3test

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
)

// Counts are the requests a server answered, by kind, and the body bytes
// it received.
type Counts struct {
	Get, Put, Delete, List, Other int
	BytesIn                       int64
	// Uploaded and Deleted are the keys uploaded and deleted, in the
	// order the requests came.
	Uploaded, Deleted []string
}

// Requests is the number of requests of every kind.
func (c Counts) Requests() int { return c.Get + c.Put + c.Delete + c.List + c.Other }

// Server is a running S3 server holding one bucket.
type Server struct {
	Bucket   string
	Endpoint string // http://127.0.0.1:PORT
	backend  *s3mem.Backend

	mu        sync.Mutex
	counts    Counts
	headers   map[string]http.Header // the request headers of each key's last upload
	failAfter int                    // uploads still answered before failing; -1 never fail
	failing   bool
}

// Start starts a server with an empty bucket, stopped when tb ends.
func Start(tb testing.TB, bucket string) *Server {
	tb.Helper()
	s, stop, err := Listen("127.0.0.1:0", bucket)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(stop)
	return s
}

// Listen starts a server on addr; stop closes it.
func Listen(addr, bucket string) (s *Server, stop func(), err error) {
	backend := s3mem.New()
	if err := backend.CreateBucket(bucket); err != nil {
		return nil, nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, nil, err
	}
	s = &Server{Bucket: bucket, Endpoint: "http://" + ln.Addr().String(), backend: backend,
		headers: map[string]http.Header{}, failAfter: -1}
	srv := &http.Server{Handler: s.handler(gofakes3.New(backend).Server())}
	go srv.Serve(ln)
	return s, func() { srv.Close() }, nil
}

// TargetURL is the deployment target URL of the bucket.
func (s *Server) TargetURL() string {
	q := url.Values{"region": {"us-east-1"}, "endpoint": {s.Endpoint}, "use_path_style": {"true"}}
	return "s3://" + s.Bucket + "?" + q.Encode()
}

// Env is what a deploy's environment needs to talk to the server, and
// nothing from the machine's own AWS configuration.
func Env() []string {
	return []string{
		"AWS_ACCESS_KEY_ID=sahifa-test", "AWS_SECRET_ACCESS_KEY=sahifa-test-secret",
		"AWS_REGION=us-east-1", "AWS_CONFIG_FILE=/dev/null", "AWS_SHARED_CREDENTIALS_FILE=/dev/null",
		"AWS_EC2_METADATA_DISABLED=true",
	}
}

func (s *Server) handler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := s.key(r)
		s.mu.Lock()
		if s.failing {
			s.mu.Unlock()
			http.Error(w, "failing on purpose", http.StatusServiceUnavailable)
			return
		}
		switch {
		case r.Method == http.MethodPut && key != "":
			if s.failAfter == 0 {
				s.failing = true
				s.mu.Unlock()
				http.Error(w, "failing on purpose", http.StatusServiceUnavailable)
				return
			}
			if s.failAfter > 0 {
				s.failAfter--
			}
			s.counts.Put++
			s.counts.Uploaded = append(s.counts.Uploaded, key)
			s.headers[key] = r.Header.Clone()
		case r.Method == http.MethodGet && key == "":
			s.counts.List++
		case r.Method == http.MethodGet || r.Method == http.MethodHead:
			s.counts.Get++
		case r.Method == http.MethodDelete:
			s.counts.Delete++
			s.counts.Deleted = append(s.counts.Deleted, key)
		default:
			s.counts.Other++
		}
		s.mu.Unlock()
		r.Body = &countingBody{r.Body, s}
		next.ServeHTTP(w, r)
	})
}

// key is the object key of a path-style request, "" for the bucket.
func (s *Server) key(r *http.Request) string {
	p := strings.TrimPrefix(r.URL.Path, "/"+s.Bucket)
	return strings.TrimPrefix(p, "/")
}

type countingBody struct {
	io.ReadCloser
	s *Server
}

func (b *countingBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	b.s.mu.Lock()
	b.s.counts.BytesIn += int64(n)
	b.s.mu.Unlock()
	return n, err
}

// Counts returns the counts so far and starts new ones.
func (s *Server) Counts() Counts {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.counts
	s.counts = Counts{}
	return c
}

// FailAfter makes the server answer n more uploads, then fail every
// request with 503 until Heal.
func (s *Server) FailAfter(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failAfter, s.failing = n, false
}

// Heal makes a failing server answer again.
func (s *Server) Heal() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failAfter, s.failing = -1, false
}

// UploadHeader is the request header the last upload of key was sent
// with (gofakes3 keeps only some of them on the object), or nil.
func (s *Server) UploadHeader(key string) http.Header {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.headers[key]
}

// Keys lists the bucket's object keys, sorted.
func (s *Server) Keys() ([]string, error) {
	var keys []string
	var prefix gofakes3.Prefix
	list, err := s.backend.ListBucket(s.Bucket, &prefix, gofakes3.ListBucketPage{})
	if err != nil {
		return nil, err
	}
	for _, c := range list.Contents {
		keys = append(keys, c.Key)
	}
	slices.Sort(keys)
	return keys, nil
}

// Remove deletes key from the bucket behind the deploy's back, as
// someone with the console might.
func (s *Server) Remove(key string) error {
	_, err := s.backend.DeleteObject(s.Bucket, key)
	return err
}

// Put stores an object that sahifa did not upload.
func (s *Server) Put(key string, data []byte) error {
	_, err := s.backend.PutObject(s.Bucket, key, map[string]string{}, bytes.NewReader(data), int64(len(data)), nil)
	return err
}

// Get fetches key over HTTP, as a browser fetches from a bucket's
// website: the key percent-encoded once in the path.
func (s *Server) Get(key string) (*http.Response, []byte, error) {
	u := s.Endpoint + (&url.URL{Path: "/" + s.Bucket + "/" + key}).EscapedPath()
	resp, err := http.Get(u)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp, body, err
}
