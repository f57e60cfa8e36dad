//! The language a text is written in, told by its words (`whatlang`'s
//! trigram model), as a BCP 47 primary tag.

/// At most this many bytes of a text are read: enough to tell its
/// language, and a bound on the time.
const MAX_BYTES: usize = 1024;

/// A text with fewer letters than this is too short to tell.
const MIN_LETTERS: usize = 40;

/// The first [`MAX_BYTES`] of a text, at a character boundary.
fn head(text: &str) -> &str {
    let mut end = text.len().min(MAX_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Whether `text` may be in the language a page declares (`tag`), by a
/// look far cheaper than telling its language: its script is one the
/// language is written in, and English (the language a page template
/// declares when nobody set it) reads with English function words. A
/// language the model does not know passes.
pub(crate) fn agrees(tag: &str, text: &str) -> bool {
    let text = head(text);
    let Some(script) = whatlang::detect_script(text) else {
        return true;
    };
    let known = whatlang::Lang::all()
        .iter()
        .any(|l| self::tag(l.code()) == tag);
    if known && !script.langs().iter().any(|l| self::tag(l.code()) == tag) {
        return false;
    }
    tag != "en" || english_share(text) >= MIN_ENGLISH_SHARE
}

/// English function words: a fifth of English running text.
const ENGLISH: [&str; 20] = [
    "the", "and", "of", "to", "is", "that", "for", "with", "on", "are", "was", "this", "be", "at",
    "from", "or", "have", "it", "as", "by",
];

/// Under this share of English function words, a text declared English
/// is looked at by the model.
const MIN_ENGLISH_SHARE: f32 = 0.08;

/// The share of a text's words that are English function words.
fn english_share(text: &str) -> f32 {
    let (mut n, mut hits) = (0usize, 0usize);
    for w in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        n += 1;
        if w.len() <= 4 && ENGLISH.iter().any(|e| w.eq_ignore_ascii_case(e)) {
            hits += 1;
        }
    }
    if n < 20 {
        return 1.0;
    }
    hits as f32 / n as f32
}

/// The primary language tag (ISO 639-1 where the language has one) of
/// `text`, from its first [`MAX_BYTES`], when it is long enough and the
/// model is confident.
pub(crate) fn of_text(text: &str) -> Option<&'static str> {
    let text = head(text);
    if text.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    let info = whatlang::detect(text)?;
    if !info.is_reliable() {
        return None;
    }
    Some(tag(info.lang().code()))
}

/// Whether two tags name languages close enough that the model may take
/// one for the other (Norwegian and Danish, Serbian and Croatian,
/// Indonesian and Malay): a page's `lang` attribute decides between them.
pub(crate) fn close(a: &str, b: &str) -> bool {
    const GROUPS: &[&[&str]] = &[
        &["nb", "no", "nn", "da", "sv"],
        &["hr", "sr", "bs", "sl", "mk", "bg"],
        &["id", "ms"],
        &["es", "gl", "ca", "pt"],
        &["cs", "sk"],
        &["ru", "uk", "be"],
        &["hi", "mr", "ne"],
        &["fa", "ur", "ar"],
        &["zh", "ja"],
    ];
    GROUPS.iter().any(|g| g.contains(&a) && g.contains(&b))
}

/// The BCP 47 primary tag of an ISO 639-3 code `whatlang` gives: its
/// two-letter ISO 639-1 code where it has one.
fn tag(code: &'static str) -> &'static str {
    const TWO: &[(&str, &str)] = &[
        ("afr", "af"),
        ("aka", "ak"),
        ("amh", "am"),
        ("ara", "ar"),
        ("aze", "az"),
        ("bel", "be"),
        ("ben", "bn"),
        ("bul", "bg"),
        ("cat", "ca"),
        ("ces", "cs"),
        ("cmn", "zh"),
        ("cym", "cy"),
        ("dan", "da"),
        ("deu", "de"),
        ("ell", "el"),
        ("eng", "en"),
        ("epo", "eo"),
        ("est", "et"),
        ("fin", "fi"),
        ("fra", "fr"),
        ("guj", "gu"),
        ("heb", "he"),
        ("hin", "hi"),
        ("hrv", "hr"),
        ("hun", "hu"),
        ("hye", "hy"),
        ("ind", "id"),
        ("ita", "it"),
        ("jav", "jv"),
        ("jpn", "ja"),
        ("kan", "kn"),
        ("kat", "ka"),
        ("khm", "km"),
        ("kor", "ko"),
        ("lat", "la"),
        ("lav", "lv"),
        ("lit", "lt"),
        ("mal", "ml"),
        ("mar", "mr"),
        ("mkd", "mk"),
        ("mya", "my"),
        ("nep", "ne"),
        ("nld", "nl"),
        ("nob", "nb"),
        ("ori", "or"),
        ("pan", "pa"),
        ("pes", "fa"),
        ("pol", "pl"),
        ("por", "pt"),
        ("ron", "ro"),
        ("rus", "ru"),
        ("sin", "si"),
        ("slk", "sk"),
        ("slv", "sl"),
        ("sna", "sn"),
        ("spa", "es"),
        ("srp", "sr"),
        ("swe", "sv"),
        ("tam", "ta"),
        ("tel", "te"),
        ("tgl", "tl"),
        ("tha", "th"),
        ("tuk", "tk"),
        ("tur", "tr"),
        ("ukr", "uk"),
        ("urd", "ur"),
        ("uzb", "uz"),
        ("vie", "vi"),
        ("yid", "yi"),
        ("zul", "zu"),
    ];
    TWO.iter()
        .find(|(three, _)| *three == code)
        .map_or(code, |&(_, two)| two)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_languages_of_long_texts_only() {
        let de = "Die Stadt hat am Dienstag beschlossen, die Zentralbibliothek offen zu halten, nachdem monatelang darüber gestritten worden war.";
        let en = "The city council voted on Tuesday to keep the central library open, after months of debate about its future.";
        assert_eq!(of_text(de), Some("de"));
        assert_eq!(of_text(en), Some("en"));
        assert_eq!(of_text("Hello world"), None);
        assert_eq!(of_text(""), None);
    }

    #[test]
    fn a_declared_language_is_checked_cheaply() {
        let de = "Der Gemeinderat hat am Dienstag beschlossen, die Zentralbibliothek offen zu halten, nachdem monatelang darüber gestritten worden war, wer das neue Dach bezahlt und wann.";
        let en = "The city council voted on Tuesday to keep the central library open, after months of debate about who pays for the roof and when it is to be mended.";
        assert!(agrees("en", en));
        assert!(agrees("de", de));
        // A template's English over German text; Russian over Latin.
        assert!(!agrees("en", de));
        assert!(!agrees("ru", en));
        // Too short to say, or a language the model does not know.
        assert!(agrees("en", "Hallo Welt"));
        assert!(agrees("tg", en));
    }

    #[test]
    fn every_code_is_two_letters() {
        for l in whatlang::Lang::all() {
            assert_eq!(tag(l.code()).len(), 2, "{}", l.code());
        }
    }
}
