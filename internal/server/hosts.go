package server

import (
	"errors"
	"fmt"
	"net/netip"
	"strconv"
	"strings"

	"golang.org/x/net/idna"
)

// Hosts decides which Host headers (and Origin headers) the dev server
// answers. Without it, a web page on any site could point its own name at
// 127.0.0.1 (DNS rebinding) and read the preview, drafts included: the
// browser then sends that name as the Host, so refusing names the user did
// not choose is what stops it.
//
// Answered are the server's own addresses (localhost, 127.0.0.1, [::1] and
// the address it is bound to) on the port the request arrived on, and the
// names the user allowed (--allowedHosts) on any port, since a proxy or a
// tunnel in front may change it. The zero Hosts answers the loopback
// addresses only. A Hosts is a plain value, safe for concurrent use.
type Hosts struct {
	bound   string   // the bind address as hostName makes it; "" for a wildcard
	allowed []string // the same form; a leading "." also allows subdomains
	any     bool     // --allowedHosts all
}

// isLoopback reports whether name is one every dev server answers on its
// port: these reach only this machine, whatever a web page does with DNS.
func isLoopback(name string) bool {
	switch name {
	case "localhost", "127.0.0.1", "::1":
		return true
	}
	return false
}

// AllowAny is the --allowedHosts entry that turns the check off (Vite's
// `allowedHosts: true`); "true" means the same.
const AllowAny = "all"

// NewHosts returns the Hosts of a server bound to bind (a name or an IP
// address; a wildcard such as 0.0.0.0 adds nothing: other machines' names
// for this one must be allowed), which also answers the allowed entries:
// names or addresses, ".example.com" for example.com and its subdomains,
// or "all" (or "true") for any name.
func NewHosts(bind string, allowed []string) (Hosts, error) {
	var h Hosts
	if b := strings.Trim(bind, "[]"); b != "" && !isWildcard(b) {
		name, err := hostName(b)
		if err != nil {
			return Hosts{}, fmt.Errorf("--bind %q: %v", bind, err)
		}
		h.bound = name
	}
	for _, a := range allowed {
		a = strings.TrimSpace(a)
		switch strings.ToLower(a) {
		case AllowAny, "true":
			h.any = true
			continue
		case "", ".":
			return Hosts{}, fmt.Errorf("--allowedHosts: an empty name in the list; give names separated by commas, such as preview.example,.lan.example")
		}
		name, err := allowedName(a)
		if err != nil {
			return Hosts{}, fmt.Errorf("--allowedHosts %q: %v", a, err)
		}
		h.allowed = append(h.allowed, name)
	}
	return h, nil
}

// AllowsAny reports whether every name is answered (--allowedHosts all).
func (h Hosts) AllowsAny() bool { return h.any }

// allowedName is one --allowedHosts entry in the form Host headers are
// compared in.
func allowedName(a string) (string, error) {
	sub := strings.HasPrefix(a, ".")
	name, err := hostName(strings.Trim(strings.TrimPrefix(a, "."), "[]"))
	if err != nil {
		if _, port, err := splitHostPort(a); err == nil && port != 0 {
			return "", errors.New("give the name without a port (it is answered on any port)")
		}
		return "", fmt.Errorf("%v; want a name such as preview.example, .example.com for it and its subdomains, an IP address, or %s", err, AllowAny)
	}
	if sub {
		return "." + name, nil
	}
	return name, nil
}

func isWildcard(bind string) bool {
	ip, err := netip.ParseAddr(bind)
	return err == nil && ip.IsUnspecified()
}

// Refusal is why a request is not answered; its text, one line, is the
// body of the 403 answer.
type Refusal struct {
	Header string // "Host" or "Origin"
	Value  string // as the request gave it
	Reason string
	Allow  string // the --allowedHosts entry that would answer it; "" when none would
}

func (r *Refusal) Error() string {
	msg := fmt.Sprintf("sahifa serve: refusing %s %q: %s", r.Header, r.Value, r.Reason)
	if r.Value == "" {
		msg = fmt.Sprintf("sahifa serve: refusing a request without a %s header", r.Header)
	}
	if r.Allow != "" {
		msg += " (allow it with --allowedHosts " + r.Allow + ")"
	}
	return msg
}

// CheckHost returns nil when a request with this Host header, arrived on
// port, is answered, and a *Refusal when not.
func (h Hosts) CheckHost(host string, port int) error {
	return h.check("Host", host, host, 80, port)
}

// CheckOrigin returns nil when a request with this Origin header, arrived
// on port, is answered, and a *Refusal when not. An empty Origin (most
// requests have none) is answered; "null" is not.
func (h Hosts) CheckOrigin(origin string, port int) error {
	if origin == "" {
		return nil
	}
	scheme, hostport, _ := strings.Cut(origin, "://")
	defaultPort := 0
	switch strings.ToLower(scheme) {
	case "http":
		defaultPort = 80
	case "https":
		defaultPort = 443
	default:
		return &Refusal{Header: "Origin", Value: origin, Reason: "not an http:// or https:// origin of this server"}
	}
	return h.check("Origin", origin, hostport, defaultPort, port)
}

// check decides for a host[:port] taken from header, whose whole value is
// value; a missing port is defaultPort.
func (h Hosts) check(header, value, hostport string, defaultPort, port int) error {
	if h.any {
		return nil
	}
	refuse := func(reason, allow string) error {
		return &Refusal{Header: header, Value: value, Reason: reason, Allow: allow}
	}
	if value == "" {
		return refuse("", "")
	}
	name, p, err := splitHostPort(hostport)
	if err != nil {
		return refuse(err.Error(), "")
	}
	if p == 0 {
		p = defaultPort
	}
	if h.allows(name) {
		return nil
	}
	if isLoopback(name) || name == h.bound {
		if p == port {
			return nil
		}
		return refuse(fmt.Sprintf("this server listens on port %d, not %d", port, p), name)
	}
	return refuse("not this server's address", name)
}

// allows reports whether name is one the user allowed.
func (h Hosts) allows(name string) bool {
	for _, a := range h.allowed {
		if name == a || strings.HasPrefix(a, ".") && (name == a[1:] || strings.HasSuffix(name, a)) {
			return true
		}
	}
	return false
}

// splitHostPort reads "name", "name:port", "[ipv6]" or "[ipv6]:port"; the
// name comes back as hostName makes it, and a missing port as 0.
func splitHostPort(s string) (name string, port int, err error) {
	host, portText := s, ""
	if strings.HasPrefix(s, "[") {
		end := strings.IndexByte(s, ']')
		if end < 0 {
			return "", 0, errors.New("an IPv6 address without its closing ]")
		}
		host, portText = s[1:end], s[end+1:]
		if portText != "" && !strings.HasPrefix(portText, ":") {
			return "", 0, errors.New("not a host name with an optional :port")
		}
		portText = strings.TrimPrefix(portText, ":")
		ip, err := netip.ParseAddr(host)
		if err != nil || !ip.Is6() || ip.Zone() != "" {
			return "", 0, errors.New("not an IPv6 address between [ and ]")
		}
	} else if i := strings.IndexByte(s, ':'); i >= 0 {
		if strings.Count(s, ":") > 1 {
			return "", 0, errors.New("an IPv6 address must be between [ and ]")
		}
		host, portText = s[:i], s[i+1:]
	}
	if portText != "" {
		port, err = strconv.Atoi(portText)
		if err != nil || port < 1 || port > 65535 || portText[0] < '0' || portText[0] > '9' {
			return "", 0, fmt.Errorf("port %q is not a number from 1 to 65535", portText)
		}
	}
	name, err = hostName(host)
	return name, port, err
}

// hostName is a host as Host headers are compared: an IP address in its
// canonical form, or a DNS name in lower-case ASCII (IDNA: a name in
// Arabic letters becomes its xn-- form) without the dot that may end it.
func hostName(host string) (string, error) {
	if ip, err := netip.ParseAddr(host); err == nil {
		if ip.Zone() != "" {
			return "", errors.New("an IPv6 zone is not a host name")
		}
		return ip.Unmap().String(), nil
	}
	name := strings.TrimSuffix(host, ".") // "localhost." is localhost
	if name == "" {
		return "", errors.New("no host name")
	}
	ascii, err := idna.Lookup.ToASCII(name)
	if err != nil || strings.Contains(ascii, "..") || strings.HasPrefix(ascii, ".") || strings.HasSuffix(ascii, ".") {
		return "", errors.New("not a host name")
	}
	return ascii, nil
}
