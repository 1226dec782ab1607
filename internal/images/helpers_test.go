package images

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"testing"
)

// Test images are drawn here, not stored: four flat quadrants whose colours
// survive JPEG compression, so where each one ends up shows how a picture
// was turned.
var (
	red   = color.RGBA{220, 20, 20, 255}
	green = color.RGBA{20, 200, 20, 255}
	blue  = color.RGBA{20, 20, 220, 255}
	white = color.RGBA{250, 250, 250, 255}
)

// quadrants draws a w×h picture: red top left, green top right, blue
// bottom left, white bottom right.
func quadrants(w, h int) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := red
			switch {
			case x >= w/2 && y < h/2:
				c = green
			case x < w/2 && y >= h/2:
				c = blue
			case x >= w/2 && y >= h/2:
				c = white
			}
			m.SetRGBA(x, y, c)
		}
	}
	return m
}

func encodeJPEG(t testing.TB, m image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, m, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func encodePNG(t testing.TB, m image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, m); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// exifTIFF builds big-endian TIFF-structured EXIF data with an
// orientation, an image description and a GPS block holding a latitude,
// as a phone writes them.
func exifTIFF(orientation int, description string) []byte {
	be := binary.BigEndian
	var t []byte
	t = append(t, "MM\x00*"...)
	t = be.AppendUint32(t, 8)
	const entries = 3
	ifdEnd := 8 + 2 + entries*12 + 4
	desc := append([]byte(description), 0)
	gpsAt := ifdEnd + len(desc)
	t = be.AppendUint16(t, entries)
	entry := func(tag, typ uint16, count uint32, value []byte) {
		t = be.AppendUint16(t, tag)
		t = be.AppendUint16(t, typ)
		t = be.AppendUint32(t, count)
		t = append(t, value...)
	}
	entry(0x010e, 2, uint32(len(desc)), be.AppendUint32(nil, uint32(ifdEnd))) // ImageDescription
	entry(0x0112, 3, 1, []byte{0, byte(orientation), 0, 0})                   // Orientation
	entry(0x8825, 4, 1, be.AppendUint32(nil, uint32(gpsAt)))                  // GPS IFD
	t = be.AppendUint32(t, 0)
	t = append(t, desc...)
	// GPS IFD: GPSLatitudeRef "N".
	t = be.AppendUint16(t, 1)
	t = be.AppendUint16(t, 0x0001)
	t = be.AppendUint16(t, 2)
	t = be.AppendUint32(t, 2)
	t = append(t, 'N', 0, 0, 0)
	t = be.AppendUint32(t, 0)
	return t
}

// withEXIF inserts an APP1 Exif segment after a JPEG's SOI marker.
func withEXIF(jpg []byte, tiff []byte) []byte {
	seg := append([]byte("Exif\x00\x00"), tiff...)
	out := append([]byte{}, jpg[:2]...)
	out = append(out, 0xff, 0xe1)
	out = binary.BigEndian.AppendUint16(out, uint16(len(seg)+2))
	out = append(out, seg...)
	return append(out, jpg[2:]...)
}

// pngChunk encodes one PNG chunk with its CRC.
func pngChunk(typ string, data []byte) []byte {
	out := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	out = append(out, typ...)
	out = append(out, data...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(append([]byte(typ), data...)))
}

// withPNGChunks inserts chunks after a PNG's IHDR.
func withPNGChunks(p []byte, chunks ...[]byte) []byte {
	const afterIHDR = 8 + 12 + 13
	out := append([]byte{}, p[:afterIHDR]...)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return append(out, p[afterIHDR:]...)
}

// pngBomb is the header of a w×h PNG with a token IDAT: a few dozen bytes
// that would decode to gigabytes.
func pngBomb(w, h uint32) []byte {
	ihdr := binary.BigEndian.AppendUint32(nil, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, 8, 2, 0, 0, 0) // 8-bit RGB
	out := []byte("\x89PNG\r\n\x1a\n")
	out = append(out, pngChunk("IHDR", ihdr)...)
	out = append(out, pngChunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})...)
	return append(out, pngChunk("IEND", nil)...)
}

// jpegBomb is a JPEG start-of-frame claiming w×h pixels.
func jpegBomb(w, h uint16) []byte {
	out := []byte{0xff, 0xd8, 0xff, 0xc0, 0, 17, 8}
	out = binary.BigEndian.AppendUint16(out, h)
	out = binary.BigEndian.AppendUint16(out, w)
	out = append(out, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0)
	out = append(out, 0xff, 0xda, 0, 12, 3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0)
	return append(out, make([]byte, 64)...)
}

// webpBomb is an extended WebP header (VP8X) claiming w×h pixels.
func webpBomb(w, h uint32) []byte {
	vp8x := []byte{0, 0, 0, 0}
	vp8x = append(vp8x, byte(w-1), byte((w-1)>>8), byte((w-1)>>16))
	vp8x = append(vp8x, byte(h-1), byte((h-1)>>8), byte((h-1)>>16))
	body := []byte("WEBPVP8X")
	body = binary.LittleEndian.AppendUint32(body, uint32(len(vp8x)))
	body = append(body, vp8x...)
	out := []byte("RIFF")
	out = binary.LittleEndian.AppendUint32(out, uint32(len(body)))
	return append(out, body...)
}

// near reports whether two colours are within a JPEG's error of each other.
func near(a, b color.Color) bool {
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	d := func(x, y uint32) bool { return int(x>>8)-int(y>>8) < 40 && int(y>>8)-int(x>>8) < 40 }
	return d(ar, br) && d(ag, bg) && d(ab, bb)
}

func decodeAny(t testing.TB, data []byte) image.Image {
	t.Helper()
	m, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func jpegEncode(w *bytes.Buffer, m image.Image) error {
	return jpeg.Encode(w, m, &jpeg.Options{Quality: 90})
}
