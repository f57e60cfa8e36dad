//! From a framed record to a page to clean: JSON fields, WARC types, HTTP
//! headers, character decoding, the site of a URL.

use serde_json::{Map, Value};

use crate::input::{Payload, WarcRecord, find};

/// Which JSONL fields hold what, and which input to clean.
#[derive(Clone, Debug)]
pub struct Fields {
    pub text: String,
    pub html: String,
    pub url: String,
    pub id: String,
    pub input: Input,
}

/// What to clean in a JSONL record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Input {
    /// The HTML field when the record has one, else the text field.
    Auto,
    /// The text field (raw page text).
    Text,
    /// The HTML field.
    Html,
}

/// A page ready to clean.
#[derive(Debug)]
pub struct Page {
    pub url: Option<String>,
    pub id: Option<Value>,
    pub html: bool,
    pub content: String,
    /// The page is a whole input file (not a record of a crawl file).
    pub single: bool,
}

impl Page {
    /// The key of the page's site for the site memory: the host of its URL.
    pub fn site(&self) -> Option<String> {
        self.url.as_deref().and_then(host)
    }

    /// The page as the cleaner takes it.
    pub fn dejunk_page(&self) -> dejunk::Page<'_> {
        if self.html {
            dejunk::Page::html(&self.content)
        } else {
            dejunk::Page::text(&self.content)
        }
    }
}

/// What a record turned into.
#[derive(Debug)]
pub enum Prepared {
    Page(Page),
    /// A record that holds no page (a WARC request, an image response).
    Skip,
    Failed(String),
}

pub fn prepare(payload: Payload, fields: &Fields) -> Prepared {
    match payload {
        Payload::Json(line) => json(&line, fields),
        Payload::Warc(record) => warc(record),
        Payload::Page { html, bytes } => Prepared::Page(Page {
            url: None,
            id: None,
            html,
            content: if html {
                dejunk::decode_html(&bytes, None).into_owned()
            } else {
                dejunk::decode_text(&bytes).into_owned()
            },
            single: true,
        }),
        Payload::Failed(why) => Prepared::Failed(why),
    }
}

fn json(line: &[u8], fields: &Fields) -> Prepared {
    let parsed = serde_json::from_slice(line).or_else(|e| {
        // A lone surrogate escape (`\udc00`, text cut inside a UTF-16
        // pair) is not JSON for serde_json, but the record is good: the
        // surrogate becomes U+FFFD, as invalid UTF-8 does.
        match lone_surrogates_replaced(line) {
            Some(repaired) => serde_json::from_slice(&repaired),
            None => Err(e),
        }
    });
    let mut map: Map<String, Value> = match parsed {
        Ok(m) => m,
        Err(e) => return Prepared::Failed(format!("invalid JSON: {e}")),
    };
    let mut take_str = |name: &str| match map.remove(name) {
        Some(Value::String(s)) => Ok(Some(s)),
        Some(Value::Null) | None => Ok(None),
        Some(_) => Err(format!("field `{name}` is not a string")),
    };
    let html = if fields.input == Input::Text {
        None
    } else {
        match take_str(&fields.html) {
            Ok(h) => h.filter(|h| !h.is_empty() || fields.input == Input::Html),
            Err(e) => return Prepared::Failed(e),
        }
    };
    let (content, is_html) = match html {
        Some(h) => (h, true),
        None if fields.input == Input::Html => {
            return Prepared::Failed(format!("no `{}` field", fields.html));
        }
        None => match take_str(&fields.text) {
            Ok(Some(t)) => (t, false),
            Ok(None) => {
                return Prepared::Failed(match fields.input {
                    Input::Text => format!("no `{}` field", fields.text),
                    _ => format!("no `{}` or `{}` field", fields.html, fields.text),
                });
            }
            Err(e) => return Prepared::Failed(e),
        },
    };
    let url = match take_str(&fields.url) {
        Ok(u) => u,
        Err(e) => return Prepared::Failed(e),
    };
    Prepared::Page(Page {
        url,
        id: map.remove(&fields.id).filter(|v| !v.is_null()),
        html: is_html,
        content,
        single: false,
    })
}

/// `line` with every `\uXXXX` escape of a lone surrogate replaced by
/// `\ufffd`; `None` when it has none.
fn lone_surrogates_replaced(line: &[u8]) -> Option<Vec<u8>> {
    let unit = |at: usize| -> Option<u16> {
        let hex = line.get(at..at + 6)?;
        if hex[0] != b'\\' || hex[1] != b'u' {
            return None;
        }
        u16::from_str_radix(std::str::from_utf8(&hex[2..]).ok()?, 16).ok()
    };
    let mut out = Vec::with_capacity(line.len());
    let (mut i, mut changed) = (0, false);
    while i < line.len() {
        if line[i] != b'\\' {
            out.push(line[i]);
            i += 1;
            continue;
        }
        match unit(i) {
            Some(0xD800..=0xDBFF) if matches!(unit(i + 6), Some(0xDC00..=0xDFFF)) => {
                out.extend_from_slice(&line[i..i + 12]);
                i += 12;
            }
            Some(0xD800..=0xDFFF) => {
                out.extend_from_slice(b"\\ufffd");
                changed = true;
                i += 6;
            }
            // Any other escape, a backslash included, stays as it is.
            _ => {
                out.extend_from_slice(&line[i..(i + 2).min(line.len())]);
                i += 2;
            }
        }
    }
    changed.then_some(out)
}

fn warc(record: WarcRecord) -> Prepared {
    // The charset the HTTP response (or the WARC record) declares.
    let mut declared = Some(record.content_type.clone());
    let (html, body) = match record.warc_type.as_str() {
        // An HTTP response: its headers, a blank line, the payload.
        "response" => {
            let Some(end) = find(&record.body, b"\r\n\r\n")
                .map(|i| i + 4)
                .or_else(|| find(&record.body, b"\n\n").map(|i| i + 2))
            else {
                return Prepared::Failed("HTTP response without a header end".to_string());
            };
            let head = String::from_utf8_lossy(&record.body[..end]).to_ascii_lowercase();
            let content_type = head
                .lines()
                .find_map(|l| l.strip_prefix("content-type:"))
                .unwrap_or("text/html");
            if !content_type.contains("html") {
                return Prepared::Skip;
            }
            declared = Some(content_type.to_string());
            (true, &record.body[end..])
        }
        // WET: the text extracted from a response.
        "conversion" => (false, &record.body[..]),
        "resource" if record.content_type.contains("html") => (true, &record.body[..]),
        "resource" if record.content_type.starts_with("text/plain") => (false, &record.body[..]),
        _ => return Prepared::Skip,
    };
    let content = if html {
        dejunk::decode_html(body, declared.as_deref()).into_owned()
    } else {
        // WET text is UTF-8 (or says otherwise with a byte-order mark).
        dejunk::decode_text(body).into_owned()
    };
    Prepared::Page(Page {
        url: record.uri,
        id: record.id.map(Value::String),
        html,
        content,
        single: false,
    })
}

/// The host of a URL, lowercased, without `www.` and port: `None` when the
/// URL has no host.
pub fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if host.starts_with('[') {
        host.split_inclusive(']').next()?
    } else {
        host.split(':').next()?
    };
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        let h = |u| host(u);
        assert_eq!(
            h("https://www.Example.com:8080/a?b").as_deref(),
            Some("example.com")
        );
        assert_eq!(
            h("http://user@news.example.org").as_deref(),
            Some("news.example.org")
        );
        assert_eq!(h("example.net/path").as_deref(), Some("example.net"));
        assert_eq!(h("http://[::1]:80/").as_deref(), Some("[::1]"));
        assert_eq!(host(""), None);
        assert_eq!(host("https:///nohost"), None);
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        let fix =
            |s: &str| lone_surrogates_replaced(s.as_bytes()).map(|v| String::from_utf8(v).unwrap());
        assert_eq!(
            fix(r#"{"text": "a\udc00b"}"#).as_deref(),
            Some(r#"{"text": "a\ufffdb"}"#)
        );
        assert_eq!(
            fix(r#"{"text": "\ud83d"}"#).as_deref(),
            Some(r#"{"text": "\ufffd"}"#)
        );
        // A pair, an escaped backslash before `udc00`, and nothing to do.
        assert_eq!(fix(r#"{"text": "\ud83d\ude00"}"#), None);
        assert_eq!(fix(r#"{"text": "\\udc00"}"#), None);
        let fields = Fields {
            text: "text".into(),
            html: "html".into(),
            url: "url".into(),
            id: "id".into(),
            input: Input::Auto,
        };
        match json(br#"{"text": "caf\u00e9 \udc00 ok"}"#, &fields) {
            Prepared::Page(p) => assert_eq!(p.content, "café \u{FFFD} ok"),
            other => panic!("{other:?}"),
        }
    }

    fn response(content_type: &str, body: &[u8]) -> WarcRecord {
        let mut http =
            format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n").into_bytes();
        http.extend_from_slice(body);
        WarcRecord {
            warc_type: "response".into(),
            body: http,
            ..WarcRecord::default()
        }
    }

    #[test]
    fn responses_are_decoded_by_their_charset() {
        let content = |p: Prepared| match p {
            Prepared::Page(p) => p.content,
            other => panic!("{other:?}"),
        };
        // The header's charset, then the page's own evidence.
        let koi8 = response(
            "text/html; charset=KOI8-R",
            b"<p>\xf0\xd2\xc9\xd7\xc5\xd4</p>",
        );
        assert_eq!(content(warc(koi8)), "<p>Привет</p>");
        let latin = response("text/html", b"<p>caf\xe9 \x93quoted\x94</p>");
        assert_eq!(content(warc(latin)), "<p>café “quoted”</p>");
        let utf8 = response("text/html; charset=iso-8859-1", "<p>café</p>".as_bytes());
        assert_eq!(content(warc(utf8)), "<p>café</p>");
    }
}
