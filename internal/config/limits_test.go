package config

import "testing"

func TestLimits(t *testing.T) {
	tests := []struct {
		src  string
		want Limits
	}{
		{"", DefaultLimits()},
		{"[limits]\ncontentFileSize = \"16 MiB\"\nstaticFileSize = \"2 GiB\"\n", func() Limits {
			l := DefaultLimits()
			l.ContentFile, l.StaticFile = 16*MiB, 2<<30
			return l
		}()},
		{"[limits]\nseedFileSize = 1000\nlayoutFileSize = \"500 kb\"\ndataFileSize = \"3MB\"\n", func() Limits {
			l := DefaultLimits()
			l.SeedFile, l.LayoutFile, l.DataFile = 1000, 500_000, 3_000_000
			return l
		}()},
	}
	for _, tt := range tests {
		cfg, warns, err := Parse("sahifa.toml", []byte(tt.src))
		if err != nil || len(warns) > 0 {
			t.Fatalf("%q: %v %v", tt.src, err, warns)
		}
		if cfg.Limits != tt.want {
			t.Errorf("%q: got %+v, want %+v", tt.src, cfg.Limits, tt.want)
		}
	}
}

func TestLimitErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"[limits]\ncontentFileSize = \"lots\"", `sahifa.toml:2:19: limits.contentFileSize: must be a size such as "16 MiB" or a number of bytes, got "lots"`},
		{"[limits]\nassetFileSize = 0", `sahifa.toml:2:17: limits.assetFileSize: must be at least 1 byte, got 0`},
		{"[limits]\nimageFileSize = true", `sahifa.toml:2:17: limits.imageFileSize: must be a size such as "16 MiB" or a number of bytes, got true`},
		{"[limits]\nstaticFileSize = \"99999999999 GiB\"", `sahifa.toml:2:18: limits.staticFileSize: "99999999999 GiB" is too large`},
	}
	for _, tt := range tests {
		_, _, err := Parse("sahifa.toml", []byte(tt.src))
		if err == nil || err.Error() != tt.want {
			t.Errorf("%q:\ngot  %v\nwant %s", tt.src, err, tt.want)
		}
	}
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{8 * MiB: "8 MiB", 9*MiB + MiB/10: "9.1 MiB", 512 << 10: "512 KiB", 100: "100 bytes"} {
		if got := FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", n, got, want)
		}
	}
}
