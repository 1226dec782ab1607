package images

import (
	"bytes"
	"encoding/binary"
	"image"
)

// exifOrientation returns the EXIF orientation (1–8) of src, 1 when it has
// none. Cameras and phones store a photo as the sensor saw it and say in
// EXIF how to turn it; since the outputs carry no metadata, the pixels
// themselves must be turned. A damaged EXIF block counts as none: it must
// not stop a build over a photo that decodes fine.
func exifOrientation(format string, src []byte) int {
	var tiff []byte
	switch format {
	case formatJPEG:
		tiff = jpegEXIF(src)
	case formatPNG:
		tiff = pngEXIF(src)
	case formatWebP:
		tiff = webpEXIF(src)
	}
	o := tiffOrientation(tiff)
	if o < 1 || o > 8 {
		return 1
	}
	return o
}

var exifHeader = []byte("Exif\x00\x00")

// jpegEXIF returns the TIFF data of a JPEG's APP1 Exif segment, or nil.
func jpegEXIF(src []byte) []byte {
	i := 2 // after SOI
	for i+4 <= len(src) {
		if src[i] != 0xff {
			return nil
		}
		marker := src[i+1]
		if marker == 0xff { // fill byte
			i++
			continue
		}
		if marker == 0xda || marker == 0xd9 { // start of scan, end of image: no metadata after
			return nil
		}
		n := int(binary.BigEndian.Uint16(src[i+2:]))
		if n < 2 || i+2+n > len(src) {
			return nil
		}
		seg := src[i+4 : i+2+n]
		if marker == 0xe1 && bytes.HasPrefix(seg, exifHeader) {
			return seg[len(exifHeader):]
		}
		i += 2 + n
	}
	return nil
}

// pngEXIF returns the data of a PNG's eXIf chunk, or nil.
func pngEXIF(src []byte) []byte {
	i := 8 // after the signature
	for i+8 <= len(src) {
		n := int(binary.BigEndian.Uint32(src[i:]))
		typ := string(src[i+4 : i+8])
		if n < 0 || i+8+n > len(src) {
			return nil
		}
		if typ == "eXIf" {
			return src[i+8 : i+8+n]
		}
		if typ == "IDAT" || typ == "IEND" {
			return nil
		}
		i += 12 + n // length, type, data, CRC
	}
	return nil
}

// webpEXIF returns the data of a WebP's EXIF chunk, or nil.
func webpEXIF(src []byte) []byte {
	i := 12 // after "RIFF", size, "WEBP"
	for i+8 <= len(src) {
		typ := string(src[i : i+4])
		n := int(binary.LittleEndian.Uint32(src[i+4:]))
		if n < 0 || i+8+n > len(src) {
			return nil
		}
		if typ == "EXIF" {
			// Some writers keep JPEG's "Exif\0\0" prefix here too.
			return bytes.TrimPrefix(src[i+8:i+8+n], exifHeader)
		}
		i += 8 + n + n&1 // chunks are padded to an even length
	}
	return nil
}

// tiffOrientation reads tag 0x0112 from IFD0 of TIFF-structured EXIF data;
// 0 when absent or unreadable.
func tiffOrientation(t []byte) int {
	if len(t) < 8 {
		return 0
	}
	var bo binary.ByteOrder
	switch string(t[:4]) {
	case "II*\x00":
		bo = binary.LittleEndian
	case "MM\x00*":
		bo = binary.BigEndian
	default:
		return 0
	}
	ifd := int(bo.Uint32(t[4:]))
	if ifd < 8 || ifd+2 > len(t) {
		return 0
	}
	n := int(bo.Uint16(t[ifd:]))
	for e := 0; e < n; e++ {
		at := ifd + 2 + 12*e
		if at+12 > len(t) {
			return 0
		}
		if bo.Uint16(t[at:]) == 0x0112 && bo.Uint16(t[at+2:]) == 3 { // Orientation, SHORT
			return int(bo.Uint16(t[at+8:]))
		}
	}
	return 0
}

// transposes reports whether orientation o swaps width and height.
func transposes(o int) bool { return o >= 5 && o <= 8 }

// orient returns m turned upright for EXIF orientation o.
func orient(m *image.RGBA, o int) *image.RGBA {
	if o <= 1 || o > 8 {
		return m
	}
	b := m.Bounds()
	w, h := b.Dx(), b.Dy()
	dw, dh := w, h
	if transposes(o) {
		dw, dh = h, w
	}
	out := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := 0; y < dh; y++ {
		for x := 0; x < dw; x++ {
			var sx, sy int
			switch o {
			case 2: // mirrored
				sx, sy = w-1-x, y
			case 3: // upside down
				sx, sy = w-1-x, h-1-y
			case 4: // upside down, mirrored
				sx, sy = x, h-1-y
			case 5: // transposed
				sx, sy = y, x
			case 6: // turned a quarter counter-clockwise: turn clockwise
				sx, sy = y, h-1-x
			case 7: // transversed
				sx, sy = w-1-y, h-1-x
			case 8: // turned a quarter clockwise: turn counter-clockwise
				sx, sy = w-1-y, x
			}
			si := m.PixOffset(b.Min.X+sx, b.Min.Y+sy)
			di := out.PixOffset(x, y)
			copy(out.Pix[di:di+4], m.Pix[si:si+4])
		}
	}
	return out
}
