//! From a framed record to a page to clean: JSON fields, WARC types, HTTP
//! headers, character decoding, the site of a URL.

use serde_json::{Map, Value};

use crate::input::{Payload, WarcRecord};

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
}

impl Page {
    /// The key of the page's site for the site memory: the host of its URL.
    pub fn site(&self) -> Option<String> {
        self.url.as_deref().and_then(host)
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
        Payload::Failed(why) => Prepared::Failed(why),
    }
}

fn json(line: &[u8], fields: &Fields) -> Prepared {
    let mut map: Map<String, Value> = match serde_json::from_slice(line) {
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
    })
}

fn warc(record: WarcRecord) -> Prepared {
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
            (true, &record.body[end..])
        }
        // WET: the text extracted from a response.
        "conversion" => (false, &record.body[..]),
        "resource" if record.content_type.contains("html") => (true, &record.body[..]),
        "resource" if record.content_type.starts_with("text/plain") => (false, &record.body[..]),
        _ => return Prepared::Skip,
    };
    Prepared::Page(Page {
        url: record.uri,
        id: record.id.map(Value::String),
        html,
        content: decode(body),
    })
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// UTF-8 when the bytes are valid UTF-8, else Windows-1252 (the usual
/// charset of pages that are not UTF-8, and a superset of Latin-1's
/// printable range): every byte becomes a character, none is lost.
pub fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|&b| cp1252(b)).collect(),
    }
}

fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
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
    fn decoding_falls_back_to_windows_1252() {
        assert_eq!(decode("café".as_bytes()), "café");
        assert_eq!(decode(b"caf\xe9 \x93quoted\x94"), "café “quoted”");
    }
}
