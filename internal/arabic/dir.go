package arabic

import "strings"

// rtlLanguages are the primary language subtags whose default script is
// written right to left.
var rtlLanguages = map[string]bool{
	"ar": true, "fa": true, "ur": true, "he": true, "ps": true,
	"ckb": true, "yi": true, "dv": true, "sd": true, "ug": true,
}

// rtlScripts are the ISO 15924 script subtags written right to left. An
// explicit script wins over the language default: "ku-Arab" (Kurdish in
// Arabic script) is rtl although "ku" alone is Latin, "sd-Deva" is ltr.
var rtlScripts = map[string]bool{
	"arab": true, "hebr": true, "syrc": true, "thaa": true, "nkoo": true,
	"adlm": true, "rohg": true, "mand": true, "samr": true, "mend": true,
}

// Dir is the HTML dir attribute value for a BCP 47 language tag: "rtl"
// for ar, fa, ur, he, ps, ckb, yi, dv, sd and ug (or any tag whose script
// subtag is a right-to-left script), "ltr" otherwise, including for an
// empty or malformed tag. Case and "_" separators are accepted, as site
// configs often say "ar_EG".
func Dir(lang string) string {
	subtags := strings.FieldsFunc(strings.ToLower(lang), func(r rune) bool { return r == '-' || r == '_' })
	if len(subtags) == 0 {
		return "ltr"
	}
	// The script subtag, if any, follows the language and optional
	// 3-letter extended-language subtags, and is the only 4-letter one
	// in that position.
	for _, s := range subtags[1:] {
		if len(s) == 4 && isASCIIAlpha(s) {
			if rtlScripts[s] {
				return "rtl"
			}
			return "ltr"
		}
		if len(s) != 3 || !isASCIIAlpha(s) {
			break // a region, variant or extension: no script subtag
		}
	}
	if rtlLanguages[subtags[0]] {
		return "rtl"
	}
	return "ltr"
}

func isASCIIAlpha(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}
