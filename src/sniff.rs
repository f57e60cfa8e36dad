//! Whether bytes are HTML: the WHATWG MIME Sniffing standard's rules for
//! an HTML resource (§7.1, "identifying a resource with an unknown MIME
//! type", the HTML patterns), and a `Content-Type` when one is given
//! (§5, "supplied MIME type").

/// The standard's HTML patterns (after leading whitespace), each followed
/// by a tag-terminating byte (a space or `>`).
const PATTERNS: [&[u8]; 17] = [
    b"<!doctype html",
    b"<html",
    b"<head",
    b"<script",
    b"<iframe",
    b"<h1",
    b"<div",
    b"<font",
    b"<table",
    b"<a",
    b"<style",
    b"<title",
    b"<b",
    b"<body",
    b"<br",
    b"<p",
    b"<!--",
];

/// Whether a resource is HTML: by its `Content-Type` when that names a
/// type (`text/html` and `application/xhtml+xml` are HTML, any other type
/// is not), else by its first bytes. A byte-order mark is skipped before
/// the patterns are read (the standard reads it as a sign of text; pages
/// of crawls that start with one and then `<html>` are HTML).
pub(crate) fn is_html(bytes: &[u8], content_type: Option<&str>) -> bool {
    if let Some(essence) = content_type.and_then(essence) {
        match essence.as_str() {
            "text/html" | "application/xhtml+xml" => return true,
            // Types that say nothing: the bytes decide.
            "unknown/unknown" | "application/unknown" | "*/*" => {}
            _ => return false,
        }
    }
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .or_else(|| bytes.strip_prefix(b"\xFE\xFF"))
        .or_else(|| bytes.strip_prefix(b"\xFF\xFE"))
        .unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' '))
        .unwrap_or(bytes.len());
    let rest = &bytes[start..];
    PATTERNS.iter().any(|p| {
        rest.len() > p.len()
            && rest[..p.len()].eq_ignore_ascii_case(p)
            && matches!(rest[p.len()], b' ' | b'>')
    })
}

/// A `Content-Type` value's type/subtype, lowercased; `None` when it has
/// none (empty, or a bare charset label).
fn essence(content_type: &str) -> Option<String> {
    let essence = content_type.split(';').next()?.trim();
    let (ty, sub) = essence.split_once('/')?;
    (!ty.is_empty() && !sub.is_empty()).then(|| essence.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::is_html;

    #[test]
    fn the_standards_patterns() {
        for html in [
            "<!DOCTYPE html><p>x",
            "  \n<HTML lang=en>",
            "<head>",
            "<p>Hello</p>",
            "<!-- a comment -->",
            "\u{FEFF}<html>",
            "<b>bold</b>",
            "<br>",
            "<div class=x>",
        ] {
            assert!(is_html(html.as_bytes(), None), "{html}");
        }
        for text in [
            "",
            "Hello <p> there",
            "<pre>",
            "<bold>",
            "<a",
            "plain text\n<html>",
            "<meta charset=utf-8>",
            "<?xml version=\"1.0\"?>",
        ] {
            assert!(!is_html(text.as_bytes(), None), "{text}");
        }
    }

    #[test]
    fn a_content_type_decides_when_it_names_a_type() {
        assert!(is_html(b"plain", Some("text/html; charset=utf-8")));
        assert!(is_html(b"plain", Some("Application/XHTML+XML")));
        assert!(!is_html(b"<html>", Some("text/plain")));
        assert!(is_html(b"<html>", Some("*/*")));
        assert!(is_html(b"<html>", Some("utf-8")));
        assert!(!is_html(b"text", Some("")));
    }
}
