package images

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image"
	"image/jpeg"
	"image/png"
	"io"

	"golang.org/x/image/webp"
)

// The source formats sahifa reads.
const (
	formatJPEG = "JPEG"
	formatPNG  = "PNG"
	formatWebP = "WebP"
)

// sniff names the format of src by its first bytes. The file extension is
// not trusted: newsroom systems rename freely.
func sniff(src []byte) string {
	switch {
	case bytes.HasPrefix(src, []byte("\xff\xd8\xff")):
		return formatJPEG
	case bytes.HasPrefix(src, []byte("\x89PNG\r\n\x1a\n")):
		return formatPNG
	case len(src) >= 12 && string(src[:4]) == "RIFF" && string(src[8:12]) == "WEBP":
		return formatWebP
	}
	return ""
}

// otherFormat names formats people try that sahifa does not read, so the
// message says what to do rather than "unknown format".
func otherFormat(src []byte) string {
	head := src[:min(len(src), 512)]
	switch {
	case bytes.HasPrefix(head, []byte("GIF8")):
		return "a GIF image"
	case len(head) >= 12 && string(head[4:8]) == "ftyp":
		switch string(head[8:12]) {
		case "heic", "heix", "mif1", "msf1", "hevc":
			return "a HEIC image"
		case "avif", "avis":
			return "an AVIF image"
		}
	case bytes.HasPrefix(head, []byte("BM")):
		return "a BMP image"
	case bytes.HasPrefix(head, []byte("II*\x00")), bytes.HasPrefix(head, []byte("MM\x00*")):
		return "a TIFF image"
	case bytes.Contains(bytes.ToLower(head), []byte("<svg")):
		return "an SVG drawing"
	}
	return ""
}

// inspect reads only the header of src: its format and pixel dimensions.
// This is the check that keeps pixel bombs from being decoded.
func inspect(src []byte) (string, image.Config, error) {
	format := sniff(src)
	var cfg image.Config
	var err error
	r := bytes.NewReader(src)
	switch format {
	case formatJPEG:
		cfg, err = jpeg.DecodeConfig(r)
	case formatPNG:
		cfg, err = png.DecodeConfig(r)
	case formatWebP:
		cfg, err = webp.DecodeConfig(r)
	default:
		if len(src) == 0 {
			return "", cfg, bad("the file is empty")
		}
		if other := otherFormat(src); other != "" {
			return "", cfg, bad("%s; sahifa reads JPEG, PNG and WebP: save it as JPEG", other)
		}
		return "", cfg, bad("not a JPEG, PNG or WebP image")
	}
	if err != nil {
		return format, cfg, decodeError(format, src, err)
	}
	return format, cfg, nil
}

// decode decodes src, whose header inspect has checked. The standard
// decoders return errors for bad input; a panic in one would still be a
// bug in the decoder, reported as a bad image rather than a crashed build.
func decode(format string, src []byte) (m image.Image, err error) {
	defer func() {
		if r := recover(); r != nil {
			m, err = nil, bad("the %s decoder failed on this file: %v", format, r)
		}
	}()
	r := bytes.NewReader(src)
	switch format {
	case formatJPEG:
		m, err = jpeg.Decode(r)
	case formatPNG:
		m, err = png.Decode(r)
	case formatWebP:
		m, err = webp.Decode(r)
	default:
		return nil, bad("not a JPEG, PNG or WebP image")
	}
	if err != nil {
		return nil, decodeError(format, src, err)
	}
	return m, nil
}

// decodeError words a decoder's error. A file that fails to decode and
// lacks its end marker was cut short, whatever the decoder noticed first.
func decodeError(format string, src []byte, err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) || !complete(format, src) {
		return bad("the %s file is cut short (truncated); export or copy it again", format)
	}
	return bad("not a valid %s image (%v)", format, err)
}

// complete reports whether src ends as a whole file of its format does:
// JPEG with its end-of-image marker, PNG with its IEND chunk. WebP's RIFF
// header states its length.
func complete(format string, src []byte) bool {
	switch format {
	case formatJPEG:
		return bytes.HasSuffix(bytes.TrimRight(src, "\x00\r\n"), []byte{0xff, 0xd9})
	case formatPNG:
		return bytes.HasSuffix(src, []byte("IEND\xae\x42\x60\x82"))
	case formatWebP:
		return len(src) >= 8 && int64(binary.LittleEndian.Uint32(src[4:]))+8 <= int64(len(src))
	}
	return true
}
