//! Bytes to text: byte-order marks for every input, and for HTML the
//! encoding a browser would find (the declared one, else a detector's).
//!
//! Text input ([`text`]): a UTF-8, UTF-16 or UTF-32 byte-order mark decides;
//! without one the bytes are UTF-8, invalid sequences replaced.
//!
//! HTML input ([`html`]), in this order:
//! 1. a byte-order mark;
//! 2. a declared ISO-2022-JP (a 7-bit encoding that is also valid UTF-8);
//! 3. valid UTF-8: taken as UTF-8 whatever is declared, since legacy text
//!    is almost never valid UTF-8 while crawled pages often declare a
//!    charset they do not use;
//! 4. the charset of the HTTP `Content-Type`, when the caller has one;
//! 5. `<meta charset>` or `<meta http-equiv="Content-Type">` in the first
//!    1,024 bytes (the WHATWG prescan, without its rarer cases);
//! 6. Firefox's detector (chardetng) on the first MiB.
//!
//! Encodings are decoded by encoding_rs (the WHATWG Encoding Standard:
//! `iso-8859-1` is windows-1252, `gb2312` is GBK, …); malformed sequences
//! become U+FFFD, so no byte stops the page.

use std::borrow::Cow;

/// The encodings a byte-order mark can name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Bom {
    Utf8,
    Utf16Le,
    Utf16Be,
    Utf32Le,
    Utf32Be,
}

/// The byte-order mark `bytes` start with, and its length.
fn bom(bytes: &[u8]) -> Option<(Bom, usize)> {
    // UTF-32LE's mark starts with UTF-16LE's: test it first.
    Some(match bytes {
        [0xEF, 0xBB, 0xBF, ..] => (Bom::Utf8, 3),
        [0xFF, 0xFE, 0, 0, ..] => (Bom::Utf32Le, 4),
        [0, 0, 0xFE, 0xFF, ..] => (Bom::Utf32Be, 4),
        [0xFF, 0xFE, ..] => (Bom::Utf16Le, 2),
        [0xFE, 0xFF, ..] => (Bom::Utf16Be, 2),
        _ => return None,
    })
}

/// Decodes `bytes` (after their mark) in the encoding a mark named.
fn decode_bom(b: Bom, bytes: &[u8]) -> Cow<'_, str> {
    Cow::Owned(match b {
        Bom::Utf8 => return String::from_utf8_lossy(bytes),
        Bom::Utf16Le | Bom::Utf16Be => {
            let units = bytes.chunks(2).map(|c| match (c, b) {
                ([x, y], Bom::Utf16Le) => u16::from_le_bytes([*x, *y]),
                ([x, y], _) => u16::from_be_bytes([*x, *y]),
                // An odd last byte: not a code unit.
                _ => 0xFFFD,
            });
            char::decode_utf16(units)
                .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                .collect()
        }
        Bom::Utf32Le | Bom::Utf32Be => bytes
            .chunks(4)
            .map(|c| {
                let v = match (<[u8; 4]>::try_from(c), b) {
                    (Ok(w), Bom::Utf32Le) => u32::from_le_bytes(w),
                    (Ok(w), _) => u32::from_be_bytes(w),
                    (Err(_), _) => 0xFFFD,
                };
                char::from_u32(v).unwrap_or(char::REPLACEMENT_CHARACTER)
            })
            .collect(),
    })
}

/// Text input as text: a byte-order mark decides, else UTF-8 with invalid
/// sequences replaced by U+FFFD.
pub(crate) fn text(bytes: &[u8]) -> Cow<'_, str> {
    match bom(bytes) {
        Some((b, n)) => decode_bom(b, &bytes[n..]),
        None => String::from_utf8_lossy(bytes),
    }
}

#[cfg(feature = "html")]
pub(crate) use html_bytes::html;

#[cfg(feature = "html")]
mod html_bytes {
    use super::{bom, decode_bom};
    use memchr::memmem::find;
    use std::borrow::Cow;

    use encoding_rs::{Encoding, ISO_2022_JP, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

    /// How many bytes the `<meta>` prescan reads (as browsers do).
    const PRESCAN: usize = 1024;
    /// How many bytes the detector reads.
    const DETECT: usize = 1 << 20;

    /// HTML bytes as text (see the module doc for the order of the
    /// evidence); `content_type` is the HTTP `Content-Type` value (or a
    /// bare charset label), when the caller has one.
    pub(crate) fn html<'b>(bytes: &'b [u8], content_type: Option<&str>) -> Cow<'b, str> {
        if let Some((b, n)) = bom(bytes) {
            return decode_bom(b, &bytes[n..]);
        }
        let http = content_type.and_then(http_charset);
        let meta = || prescan(&bytes[..bytes.len().min(PRESCAN)]);
        let declared = http.or_else(meta);
        if declared != Some(ISO_2022_JP) {
            if let Ok(s) = std::str::from_utf8(bytes) {
                return Cow::Borrowed(s);
            }
        }
        let encoding = declared.unwrap_or_else(|| {
            let mut d = chardetng::EncodingDetector::new();
            let head = &bytes[..bytes.len().min(DETECT)];
            d.feed(head, head.len() == bytes.len());
            d.guess(None, true)
        });
        encoding.decode_without_bom_handling(bytes).0
    }

    /// The encoding of an HTTP `Content-Type` value's `charset` parameter,
    /// or of a bare label.
    fn http_charset(value: &str) -> Option<&'static Encoding> {
        let lower = value.to_ascii_lowercase();
        let label = match lower.find("charset=") {
            Some(i) => lower[i + 8..]
                .trim_start()
                .trim_start_matches(['"', '\''])
                .split(['"', '\'', ';', ' ', ','])
                .next()
                .unwrap_or(""),
            // A media type without a charset declares nothing.
            None if lower.contains('/') => return None,
            None => lower.trim(),
        };
        Encoding::for_label(label.as_bytes())
    }

    /// The encoding a `<meta>` prescan finds, adjusted as the standard says
    /// (a UTF-16 declaration in the bytes themselves means UTF-8;
    /// `x-user-defined` means windows-1252).
    fn prescan(head: &[u8]) -> Option<&'static Encoding> {
        let e = find_meta(head)?;
        Some(if e == UTF_16LE || e == UTF_16BE {
            UTF_8
        } else if e.name() == "x-user-defined" {
            WINDOWS_1252
        } else {
            e
        })
    }

    fn find_meta(head: &[u8]) -> Option<&'static Encoding> {
        let mut i = 0;
        while i < head.len() {
            let rest = &head[i..];
            if rest.starts_with(b"<!--") {
                i += find(&rest[4..], b"-->").map_or(rest.len(), |k| k + 7);
            } else if starts_with_ci(rest, b"<meta")
                && rest
                    .get(5)
                    .is_some_and(|&c| c.is_ascii_whitespace() || c == b'/')
            {
                let (found, end) = meta_attributes(head, i + 5);
                if found.is_some() {
                    return found;
                }
                i = end;
            } else if rest.len() > 1
                && rest[0] == b'<'
                && (rest[1] == b'/' || rest[1].is_ascii_alphabetic())
            {
                // Another tag: skip its name, then its attributes.
                let mut j = i + 1;
                while j < head.len() && !head[j].is_ascii_whitespace() && head[j] != b'>' {
                    j += 1;
                }
                i = skip_attributes(head, j);
            } else if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
                i += find(rest, b">").map_or(rest.len(), |k| k + 1);
            } else {
                i += 1;
            }
        }
        None
    }

    /// Reads a `<meta>` tag's attributes from `i`; returns the encoding
    /// they declare and where the tag ends.
    fn meta_attributes(head: &[u8], mut i: usize) -> (Option<&'static Encoding>, usize) {
        let (mut charset, mut content, mut http_equiv) = (None, None, false);
        while let Some((name, value, next)) = attribute(head, i) {
            i = next;
            match name.as_slice() {
                b"charset" if charset.is_none() => {
                    charset = Some(Encoding::for_label(&value));
                }
                b"content" if content.is_none() => content = Some(value),
                b"http-equiv" => http_equiv |= value.eq_ignore_ascii_case(b"content-type"),
                _ => {}
            }
        }
        let found = match charset {
            Some(e) => e,
            None if http_equiv => content
                .and_then(|c| std::str::from_utf8(&c).ok().map(str::to_string))
                .and_then(|c| c.to_ascii_lowercase().contains("charset=").then_some(c))
                .and_then(|c| http_charset(&c)),
            None => None,
        };
        (found, i)
    }

    /// Skips a tag's attributes from `i`; returns the index after its `>`.
    fn skip_attributes(head: &[u8], mut i: usize) -> usize {
        while let Some((_, _, next)) = attribute(head, i) {
            i = next;
        }
        // `attribute` stops at the `>` or the end.
        (i + 1).min(head.len())
    }

    /// The next attribute at or after `i` in a tag: its lowercased name,
    /// its value and the index after it; `None` at the tag's `>` (or the
    /// end of the bytes).
    fn attribute(head: &[u8], mut i: usize) -> Option<(Vec<u8>, Vec<u8>, usize)> {
        let at = |k: usize| head.get(k).copied();
        while at(i).is_some_and(|c| c.is_ascii_whitespace() || c == b'/') {
            i += 1;
        }
        if at(i).is_none_or(|c| c == b'>') {
            return None;
        }
        let mut name = Vec::new();
        while let Some(c) = at(i) {
            if c.is_ascii_whitespace() || c == b'/' || c == b'>' || (c == b'=' && !name.is_empty())
            {
                break;
            }
            name.push(c.to_ascii_lowercase());
            i += 1;
        }
        while at(i).is_some_and(|c| c.is_ascii_whitespace()) {
            i += 1;
        }
        if at(i) != Some(b'=') {
            return Some((name, Vec::new(), i));
        }
        i += 1;
        while at(i).is_some_and(|c| c.is_ascii_whitespace()) {
            i += 1;
        }
        let mut value = Vec::new();
        match at(i) {
            Some(q @ (b'"' | b'\'')) => {
                i += 1;
                while let Some(c) = at(i) {
                    i += 1;
                    if c == q {
                        break;
                    }
                    value.push(c.to_ascii_lowercase());
                }
            }
            _ => {
                while let Some(c) = at(i) {
                    if c.is_ascii_whitespace() || c == b'>' {
                        break;
                    }
                    value.push(c.to_ascii_lowercase());
                    i += 1;
                }
            }
        }
        Some((name, value, i))
    }

    fn starts_with_ci(hay: &[u8], prefix: &[u8]) -> bool {
        hay.len() >= prefix.len() && hay[..prefix.len()].eq_ignore_ascii_case(prefix)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn meta_declarations() {
            let e = |s: &str| prescan(s.as_bytes()).map(Encoding::name);
            assert_eq!(e("<meta charset=Shift_JIS>"), Some("Shift_JIS"));
            assert_eq!(e("<META CHARSET='koi8-r'/>"), Some("KOI8-R"));
            assert_eq!(
                e(r#"<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">"#),
                Some("EUC-KR")
            );
            assert_eq!(
                e(r#"<meta content="text/html; charset=gb2312" http-equiv=content-type>"#),
                Some("GBK")
            );
            // A comment, another tag's attribute and a content without
            // http-equiv declare nothing.
            assert_eq!(e("<!-- <meta charset=koi8-r> --><p>x</p>"), None);
            assert_eq!(e("<div title='<meta charset=koi8-r>'>"), None);
            assert_eq!(e("<meta content='text/html; charset=koi8-r'>"), None);
            assert_eq!(e("<meta charset=utf-16le>"), Some("UTF-8"));
            assert_eq!(e("<meta charset=nonsense>"), None);
            // Unterminated input ends the scan.
            assert_eq!(e("<meta charset='shift_j"), None);
            assert_eq!(e("<meta"), None);
            assert_eq!(e("<!--"), None);
        }

        #[test]
        fn http_charsets() {
            let e = |s: &str| http_charset(s).map(Encoding::name);
            assert_eq!(e("text/html; charset=ISO-8859-2"), Some("ISO-8859-2"));
            assert_eq!(
                e("text/html;charset=\"windows-1251\""),
                Some("windows-1251")
            );
            assert_eq!(e("Shift_JIS"), Some("Shift_JIS"));
            assert_eq!(e("text/html"), None);
        }

        #[test]
        fn evidence_in_order() {
            // Valid UTF-8 wins over a wrong declaration.
            assert_eq!(
                html("<meta charset=koi8-r>café".as_bytes(), None),
                "<meta charset=koi8-r>café"
            );
            // The HTTP header wins over the meta tag.
            let bytes = b"<meta charset=windows-1252><p>\xc1\xc2";
            assert_eq!(
                html(bytes, Some("text/html; charset=koi8-r")),
                "<meta charset=windows-1252><p>аб"
            );
            assert_eq!(html(bytes, None), "<meta charset=windows-1252><p>ÁÂ");
            // ISO-2022-JP is 7-bit: its declaration wins over UTF-8 validity.
            let jis = b"<meta charset=iso-2022-jp>\x1b$B$3$s\x1b(B";
            assert_eq!(html(jis, None), "<meta charset=iso-2022-jp>こん");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_order_marks() {
        let utf16le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Zürich\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let utf16be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Zürich\n".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let utf32le: Vec<u8> = [0xFF, 0xFE, 0, 0]
            .into_iter()
            .chain("Zürich\n".chars().flat_map(|c| (c as u32).to_le_bytes()))
            .collect();
        let utf32be: Vec<u8> = [0, 0, 0xFE, 0xFF]
            .into_iter()
            .chain("Zürich\n".chars().flat_map(|c| (c as u32).to_be_bytes()))
            .collect();
        for bytes in [&utf16le, &utf16be, &utf32le, &utf32be] {
            assert_eq!(text(bytes), "Zürich\n");
        }
        assert_eq!(text(b"\xEF\xBB\xBFabc"), "abc");
        assert_eq!(text(b"ab\xffc"), "ab\u{FFFD}c");
        // An odd last byte is replaced, not dropped silently.
        assert_eq!(text(&[0xFF, 0xFE, b'a', 0, b'b']), "a\u{FFFD}");
    }
}
