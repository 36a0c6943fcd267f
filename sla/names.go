package sla

import "strings"

// ChannelLabel is how reports name a channel ("Email", "Phone").
func ChannelLabel(c string) string {
	switch c = ChannelOf(c); c {
	case "email":
		return "Email"
	case "phone":
		return "Phone"
	}
	return c
}

// languageNames are the English names of the ISO 639-1 codes a desk may
// configure (the languages the detector knows).
var languageNames = map[string]string{
	"af": "Afrikaans", "ar": "Arabic", "az": "Azerbaijani", "be": "Belarusian", "bg": "Bulgarian",
	"bn": "Bengali", "bs": "Bosnian", "ca": "Catalan", "cs": "Czech", "cy": "Welsh", "da": "Danish",
	"de": "German", "el": "Greek", "en": "English", "eo": "Esperanto", "es": "Spanish", "et": "Estonian",
	"eu": "Basque", "fa": "Persian", "fi": "Finnish", "fr": "French", "ga": "Irish", "gu": "Gujarati",
	"he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "hy": "Armenian",
	"id": "Indonesian", "is": "Icelandic", "it": "Italian", "ja": "Japanese", "ka": "Georgian",
	"kk": "Kazakh", "ko": "Korean", "la": "Latin", "lg": "Ganda", "lt": "Lithuanian", "lv": "Latvian",
	"mi": "Maori", "mk": "Macedonian", "mn": "Mongolian", "mr": "Marathi", "ms": "Malay",
	"nb": "Norwegian Bokmål", "nl": "Dutch", "nn": "Norwegian Nynorsk", "pa": "Punjabi", "pl": "Polish",
	"pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovene",
	"sn": "Shona", "so": "Somali", "sq": "Albanian", "sr": "Serbian", "st": "Sotho", "sv": "Swedish",
	"sw": "Swahili", "ta": "Tamil", "te": "Telugu", "th": "Thai", "tl": "Tagalog", "tn": "Tswana",
	"tr": "Turkish", "ts": "Tsonga", "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese",
	"xh": "Xhosa", "yo": "Yoruba", "zh": "Chinese", "zu": "Zulu",
}

// LanguageLabel names a language for people: "German (de)"; the code
// alone for one without a known name; "(not detected)" for "".
func LanguageLabel(code string) string {
	code = strings.ToLower(strings.TrimSpace(code))
	if code == "" || code == LangNone {
		return "(not detected)"
	}
	if n, ok := languageNames[code]; ok {
		return n + " (" + code + ")"
	}
	return code
}
