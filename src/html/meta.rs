//! What an HTML page says about itself outside its text: `<meta>` tags
//! (name, property, itemprop, http-equiv), JSON-LD scripts, `<time
//! datetime>`, `<html lang>`, `<link rel="canonical">` and `rel="author"`
//! links. One pass of the tokeniser; bounded, so that 10,000 `<meta>` tags
//! or a 10 MB JSON-LD block cost linear time and bounded memory.

use crate::html::refs::decode;
use crate::html::scan::{Token, scan, script_end};

/// At most this many `<meta>` tags are kept ...
const MAX_METAS: usize = 512;
/// ... and of `<time>` elements ...
const MAX_TIMES: usize = 32;
/// ... and of JSON-LD scripts.
const MAX_JSON_LD: usize = 16;
/// A JSON-LD script longer than this is not read.
pub(crate) const MAX_JSON_LD_BYTES: usize = 1 << 20;
/// Attribute values are cut at this many bytes.
const MAX_VALUE: usize = 4096;

/// The raw facts of a page's markup, which the metadata is read from.
#[derive(Clone, Debug, Default)]
pub(crate) struct Facts {
    /// `<meta>` tags: the name, property or itemprop (lowercased) and the
    /// content.
    pub metas: Vec<(String, String)>,
    /// The text of JSON-LD scripts.
    pub json_ld: Vec<String>,
    /// `datetime` of `<time>` elements, in document order.
    pub times: Vec<String>,
    /// `<html lang>`.
    pub lang: Option<String>,
    /// `<link rel="canonical" href>`.
    pub canonical: Option<String>,
    /// The text of `rel="author"` links.
    pub author_links: Vec<String>,
}

/// The facts of `html`.
pub(crate) fn facts(html: &str) -> Facts {
    let mut out = Facts::default();
    let mut value = String::new();
    // Inside an `a rel=author`: its text is read.
    let mut in_author: Option<String> = None;
    scan(html, |t| match t {
        Token::Start {
            name, attrs, text, ..
        } => {
            let attr = |want: &str, value: &mut String| -> bool {
                let mut found = false;
                attrs.each(|n, v| {
                    if !found && n.eq_ignore_ascii_case(want) {
                        found = true;
                        value.clear();
                        let v = &v[..floor(v, MAX_VALUE)];
                        decode(v, true, value);
                    }
                });
                found
            };
            match name {
                b"meta" if out.metas.len() < MAX_METAS => {
                    let mut key = String::new();
                    for k in ["property", "name", "itemprop", "http-equiv"] {
                        if attr(k, &mut key) && !key.trim().is_empty() {
                            break;
                        }
                    }
                    if !key.trim().is_empty() && attr("content", &mut value) {
                        out.metas
                            .push((key.trim().to_ascii_lowercase(), value.trim().to_string()));
                    }
                }
                b"html"
                    if out.lang.is_none()
                        && attr("lang", &mut value)
                        && !value.trim().is_empty() =>
                {
                    out.lang = Some(value.trim().to_string());
                }
                b"link" if attr("rel", &mut value) => {
                    let rel = value.to_ascii_lowercase();
                    if rel.split_ascii_whitespace().any(|r| r == "canonical")
                        && out.canonical.is_none()
                        && attr("href", &mut value)
                    {
                        out.canonical = Some(value.trim().to_string());
                    }
                }
                b"a" if attr("rel", &mut value)
                    && value
                        .to_ascii_lowercase()
                        .split_ascii_whitespace()
                        .any(|r| r == "author") =>
                {
                    in_author = Some(String::new());
                }
                b"time"
                    if out.times.len() < MAX_TIMES
                        && attr("datetime", &mut value)
                        && !value.trim().is_empty() =>
                {
                    out.times.push(value.trim().to_string());
                }
                b"script"
                    if out.json_ld.len() < MAX_JSON_LD
                        && attr("type", &mut value)
                        && value.trim().eq_ignore_ascii_case("application/ld+json") =>
                {
                    let from = text.as_ptr() as usize - html.as_ptr() as usize + text.len();
                    let to = script_end(html.as_bytes(), from);
                    if to - from <= MAX_JSON_LD_BYTES {
                        out.json_ld.push(html[from..to].to_string());
                    }
                }
                _ => {}
            }
            true
        }
        Token::Text(t) => {
            if let Some(a) = in_author.as_mut() {
                if a.len() < 256 {
                    decode(t, false, a);
                }
            }
            true
        }
        Token::End { name } => {
            if name == b"a" {
                if let Some(a) = in_author.take() {
                    let a = a.split_whitespace().collect::<Vec<_>>().join(" ");
                    if !a.is_empty() && out.author_links.len() < 16 {
                        out.author_links.push(a);
                    }
                }
            }
            true
        }
    });
    out
}

/// The largest char boundary of `s` at or under `n`.
fn floor(s: &str, n: usize) -> usize {
    if n >= s.len() {
        return s.len();
    }
    (0..=n).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_a_page_says_of_itself() {
        let html = r#"<!doctype html><html lang="de-AT"><head>
            <meta property="og:site_name" content="Example &amp; Co">
            <meta name="author" content="Anna Fink">
            <link rel="canonical" href="https://example.com/a">
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-05-03"}</script>
            <script>var x = "<meta name=x content=y>";</script>
            </head><body><a rel="author" href="/anna">Anna  Fink</a><time datetime="2024-05-03T10:00:00Z">3 May</time></body></html>"#;
        let f = facts(html);
        assert_eq!(f.lang.as_deref(), Some("de-AT"));
        assert_eq!(
            f.metas,
            [
                ("og:site_name".to_string(), "Example & Co".to_string()),
                ("author".to_string(), "Anna Fink".to_string())
            ]
        );
        assert_eq!(f.canonical.as_deref(), Some("https://example.com/a"));
        assert_eq!(
            f.json_ld,
            [r#"{"@type":"NewsArticle","datePublished":"2024-05-03"}"#]
        );
        assert_eq!(f.times, ["2024-05-03T10:00:00Z"]);
        assert_eq!(f.author_links, ["Anna Fink"]);
    }

    #[test]
    fn many_metas_and_a_huge_script_are_bounded() {
        let many = "<meta name=a content=b>".repeat(10_000);
        assert_eq!(facts(&many).metas.len(), MAX_METAS);
        let huge = format!(
            "<script type=application/ld+json>{{\"a\":\"{}\"}}</script>",
            "x".repeat(MAX_JSON_LD_BYTES)
        );
        assert!(facts(&huge).json_ld.is_empty());
    }
}
