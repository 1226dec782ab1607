package config

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// The URL helpers below join strings only. Callers pass unescaped,
// site-relative paths (Arabic letters welcome, e.g. "/2021/02/24/خبر/") and
// get unescaped results: nothing is percent-encoded or decoded here, so
// encoding happens once, where a URL is written into HTML.

// SetBaseURL replaces BaseURL with s (a command-line override), checked and
// normalised as the baseURL key in the file is. On error BaseURL is left
// alone; the message does not name a key, since the caller knows where s
// came from (a flag, an environment variable).
func (c *Config) SetBaseURL(s string) error {
	u, err := normalizeBaseURL(s)
	if err != nil {
		return err
	}
	c.BaseURL = u
	return nil
}

// BasePath is the path part of BaseURL with a trailing "/": "/news/" for
// "https://example.github.io/news/", "/" for "https://example.com/".
func (c Config) BasePath() string {
	b := c.BaseURL
	if i := strings.Index(b, "://"); i >= 0 {
		host := b[i+3:]
		j := strings.IndexByte(host, '/')
		if j < 0 {
			return "/"
		}
		b = host[j:]
	}
	return withSlash(b)
}

// AbsURL is the absolute URL of the site-relative path rel, e.g.
// "https://example.github.io/news/2021/02/24/x/" for "/2021/02/24/x/". When
// BaseURL is only a path the result is that path joined with rel, since no
// host is known. A rel that is already absolute ("https://…") is returned
// unchanged. rel is unescaped and nothing is percent-encoded.
func (c Config) AbsURL(rel string) string {
	if isAbsURL(rel) {
		return rel
	}
	if !strings.Contains(c.BaseURL, "://") {
		return c.RelURL(rel)
	}
	return join(c.BaseURL, rel)
}

// RelURL is BasePath joined with the site-relative path rel, with one "/"
// between them: "/news/2021/02/24/x/" for "/2021/02/24/x/". A rel that is
// already absolute is returned unchanged. rel is unescaped and nothing is
// percent-encoded.
func (c Config) RelURL(rel string) string {
	if isAbsURL(rel) {
		return rel
	}
	return join(c.BasePath(), rel)
}

func join(base, rel string) string {
	return strings.TrimSuffix(base, "/") + "/" + strings.TrimLeft(rel, "/")
}

func withSlash(s string) string {
	if !strings.HasSuffix(s, "/") {
		s += "/"
	}
	return s
}

// isAbsURL reports whether s has a scheme ("https:", "mailto:") or is
// protocol-relative ("//cdn…"), so it must not be put under the base path.
func isAbsURL(s string) bool {
	if strings.HasPrefix(s, "//") {
		return true
	}
	i := strings.IndexByte(s, ':')
	if i <= 0 {
		return false
	}
	for k, r := range s[:i] {
		letter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		if !letter && (k == 0 || !(r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.')) {
			return false
		}
	}
	return true
}

// normalizeBaseURL checks a baseURL value and adds the trailing "/". The
// text is otherwise kept as written (not re-encoded by net/url), so an
// Arabic path stays readable. Empty means the default, "/".
func normalizeBaseURL(s string) (string, error) {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return "/", nil
	case strings.ContainsAny(s, "?#"):
		return "", fmt.Errorf("%q must not have a query or fragment", s)
	case strings.HasPrefix(s, "//"):
		// Protocol-relative URLs would make feeds and sitemaps, which need
		// absolute URLs, depend on how the page was fetched.
		return "", fmt.Errorf("%q has no scheme; write \"https:%s\"", s, s)
	case strings.HasPrefix(s, "/"):
		return withSlash(s), nil
	}
	u, err := url.Parse(s)
	if err == nil && (strings.EqualFold(u.Scheme, "http") || strings.EqualFold(u.Scheme, "https")) && u.Host != "" {
		return withSlash(s), nil
	}
	msg := fmt.Sprintf("must be an absolute http(s) URL or a path starting with \"/\", got %q", s)
	if !strings.Contains(s, "://") && strings.Contains(s, ".") && !strings.ContainsAny(s, " \t") {
		msg += fmt.Sprintf(" (did you mean \"https://%s\"?)", withSlash(s))
	}
	return "", errors.New(msg)
}
