package importer

import (
	"testing"

	"github.com/sahifa/sahifa/internal/config"
	"github.com/sahifa/sahifa/internal/content"
)

// config refuses an [import] dir the build would not load from; it cannot
// import content's rule (content depends on config), so this keeps the
// two in step: a dir config accepts is one whose articles the loader reads.
func TestImportDirAgreesWithLoader(t *testing.T) {
	for _, dir := range []string{"content", "content/imported", "content/.drafts", "content/a/.b", "content/_x", "content/#x#", "content/x~", "content/أخبار"} {
		_, _, err := config.Parse("sahifa.toml", []byte("[import]\ndir = \""+dir+"\"\n"))
		accepted := err == nil
		if reads := content.Reads(dir + "/خبر.md"); accepted != reads {
			t.Errorf("[import] dir %q: config accepts it %v, the loader reads its articles %v (%v)", dir, accepted, reads, err)
		}
	}
}
