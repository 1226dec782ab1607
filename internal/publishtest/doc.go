// Package publishtest checks that a built site works on a real static
// host with nothing but the files sahifa writes: its test builds the
// example site, serves it with Debian's nginx (started by the test on a
// free loopback port, with a configuration it writes), and fetches every
// URL of the sitemap, every file of the output and every internal link of
// every page, also with the site under a sub-path and with --precompress
// twins. docs/publishing.md gives the same configuration to site owners.
//
// Without nginx the test skips with a message, unless SAHIFA_NGINX=require
// is set (as .ci/run does), in which case it fails. Settings, all optional:
//
//	SAHIFA_NGINX      "require": fail instead of skip; "off": skip
//	SAHIFA_NGINX_BIN  the nginx binary (default /usr/sbin/nginx, else nginx on PATH)
//
// The package has no code outside its tests.
package publishtest
