package arabic

import "testing"

func TestDir(t *testing.T) {
	cases := map[string]string{
		"ar": "rtl", "ar-EG": "rtl", "AR_iq": "rtl", "fa-IR": "rtl", "ur": "rtl",
		"he": "rtl", "ps": "rtl", "ckb": "rtl", "ckb-IQ": "rtl", "yi": "rtl",
		"dv": "rtl", "sd": "rtl", "ug": "rtl",
		"en": "ltr", "en-US": "ltr", "fr": "ltr", "ku": "ltr", "": "ltr", "-": "ltr",
		"arb":     "ltr", // not the "ar" primary subtag
		"ku-Arab": "rtl", "az-Arab-IR": "rtl", "ar-Latn": "ltr", "sd-Deva-IN": "ltr",
		"ar-x-private": "rtl", "zh-yue-Hant": "ltr",
	}
	for in, want := range cases {
		if got := Dir(in); got != want {
			t.Errorf("Dir(%q) = %q, want %q", in, got, want)
		}
	}
}
