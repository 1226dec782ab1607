package config

import (
	"reflect"
	"strings"
	"testing"
)

func TestDeployment(t *testing.T) {
	c := mustParse(t, `
[deployment]
maxDeletes = 1000
maxAge = 60

[[deployment.targets]]
name = "production"
URL = "s3://news?region=eu-central-1&endpoint=https://ACCOUNT.r2.cloudflarestorage.com"

[[deployment.targets]]
name = "nginx"
url = "file:///srv/news/public"

[[deployment.matchers]]
pattern = "^images/"
cacheControl = "public, max-age=86400"
gzip = false

[[deployment.matchers]]
pattern = "\\.svg$"
contentType = "image/svg+xml"
contentEncoding = "gzip"
gzip = true
force = true
`)
	want := Deployment{
		MaxDeletes: 1000,
		MaxAge:     60,
		Targets: []DeployTarget{
			{Name: "production", URL: "s3://news?region=eu-central-1&endpoint=https://ACCOUNT.r2.cloudflarestorage.com"},
			{Name: "nginx", URL: "file:///srv/news/public"},
		},
		Matchers: []DeployMatcher{
			{Pattern: "^images/", CacheControl: "public, max-age=86400"},
			{Pattern: `\.svg$`, ContentType: "image/svg+xml", ContentEncoding: "gzip", Gzip: true, Force: true},
		},
	}
	if !reflect.DeepEqual(c.Deployment, want) {
		t.Errorf("deployment:\n got %+v\nwant %+v", c.Deployment, want)
	}
	if d := mustParse(t, "").Deployment; d.MaxDeletes != 256 || d.MaxAge != 300 || d.Targets != nil {
		t.Errorf("defaults: %+v", d)
	}
}

// Each message points at the value it is about, says what is wrong and
// shows what would be right.
func TestDeploymentErrors(t *testing.T) {
	for _, tt := range []struct{ name, src, want string }{
		{"no url", "[[deployment.targets]]\nname = \"p\"\n",
			`sahifa.toml:1:14: deployment.targets: entry 1 ("p") needs a url such as "s3://BUCKET?region=eu-central-1"`},
		{"no name", "[[deployment.targets]]\nurl = \"s3://b\"\n",
			`sahifa.toml:1:14: deployment.targets: entry 1 needs a name: name = "production"`},
		{"scheme", "[[deployment.targets]]\nname = \"p\"\nurl = \"s3://b\"\n[[deployment.targets]]\nname = \"q\"\nurl = \"ftp://host/x\"\n",
			`sahifa.toml:6:7: deployment.targets: entry 2: "ftp://host/x": the scheme must be one of s3://, gs://, azblob://, file:// (e.g. s3://BUCKET?region=eu-central-1)`},
		{"relative folder", "[[deployment.targets]]\nname = \"p\"\nurl = \"file://public\"\n",
			`sahifa.toml:3:7: deployment.targets: entry 1: "file://public": a folder target needs an absolute path: file:///srv/news/public`},
		{"no bucket", "[[deployment.targets]]\nname = \"p\"\nurl = \"s3:///x\"\n",
			`sahifa.toml:3:7: deployment.targets: entry 1: "s3:///x": names no bucket: s3://BUCKET`},
		{"twice", "[[deployment.targets]]\nname = \"p\"\nurl = \"s3://a\"\n[[deployment.targets]]\nname = \"P\"\nurl = \"s3://b\"\n",
			`sahifa.toml:5:8: deployment.targets: target "P" is named twice (entries 1 and 2); names must differ`},
		{"pattern", "[[deployment.matchers]]\npattern = \"(\"\n",
			"sahifa.toml:2:11: deployment.matchers: entry 1: pattern is not a regular expression: error parsing regexp: missing closing ): `(`"},
		{"gzip quoted", "[[deployment.matchers]]\npattern = \"x\"\ngzip = \"true\"\n",
			`sahifa.toml:3:8: deployment.matchers: entry 1: gzip must be true or false, got "true" (remove the quotes)`},
		{"maxDeletes", "[deployment]\nmaxDeletes = -2\n",
			`sahifa.toml:2:14: deployment.maxDeletes:`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Parse("sahifa.toml", []byte(tt.src))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("got  %v\nwant %s", err, tt.want)
			}
		})
	}
}

func TestDeploymentUnknownKeys(t *testing.T) {
	_, warns, err := Parse("sahifa.toml", []byte("[deployment]\nmaxDelete = 3\n[[deployment.targets]]\nname = \"p\"\nurl = \"gs://b\"\ncloudFrontDistributionID = \"X\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range warns {
		got = append(got, w.String())
	}
	want := []string{
		`sahifa.toml:2:1: warning: unknown key "maxDelete" in deployment (did you mean "maxDeletes"?)`,
		`sahifa.toml:6:1: warning: unknown key "cloudFrontDistributionID" in deployment.targets (known: name, url)`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("warnings:\n got %q\nwant %q", got, want)
	}
}
