//! What an HTML page says about itself outside its text: `<meta>` tags
//! (name, property, itemprop, http-equiv), JSON-LD scripts, `<time
//! datetime>`, `<html lang>`, `<link rel="canonical">` and `rel="author"`
//! links. One pass of the tokeniser; bounded, so that 10,000 `<meta>` tags
//! or a 10 MB JSON-LD block cost linear time and bounded memory.

use std::borrow::Cow;

use crate::html::refs::decode;
#[cfg(test)]
use crate::html::scan::scan;
use crate::html::scan::{Attrs, Token, script_end};

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
    /// The text of `rel="author"` links and of links to an author's page
    /// (`/author/…`, `/autor/…`, `/auteur/…`).
    pub author_links: Vec<String>,
    /// The text of the first elements marked as a byline (a class, id or
    /// `itemprop` naming an author or byline), its elements' texts on
    /// lines of their own.
    pub bylines: Vec<String>,
    /// The text of the first `<h1>`.
    pub h1: Option<String>,
}

impl Facts {
    /// Reads the facts of an element's own (not of its text's): a meta
    /// tag, `<html lang>`, the canonical link, `<time datetime>`, a
    /// JSON-LD script. `attr` gives an attribute's value by name, its
    /// references resolved; `text` a script's text. The tokeniser's
    /// [`Reader`] and a parsed document's head both read them here.
    pub(crate) fn element<'v>(
        &mut self,
        name: &[u8],
        attr: impl Fn(&str) -> Option<Cow<'v, str>>,
        text: impl FnOnce() -> Cow<'v, str>,
    ) {
        let trimmed = |v: Cow<'_, str>| v[..floor(&v, MAX_VALUE)].trim().to_string();
        match name {
            b"meta" if self.metas.len() < MAX_METAS => {
                let key = ["property", "name", "itemprop", "http-equiv"]
                    .into_iter()
                    .filter_map(&attr)
                    .map(trimmed)
                    .find(|k| !k.is_empty());
                if let (Some(key), Some(content)) = (key, attr("content")) {
                    self.metas
                        .push((key.to_ascii_lowercase(), trimmed(content)));
                }
            }
            b"html" if self.lang.is_none() => {
                self.lang = attr("lang").map(trimmed).filter(|l| !l.is_empty());
            }
            b"link"
                if self.canonical.is_none()
                    && attr("rel").is_some_and(|r| has_token(&r, "canonical")) =>
            {
                self.canonical = attr("href").map(trimmed);
            }
            b"time" if self.times.len() < MAX_TIMES => {
                if let Some(d) = attr("datetime").map(trimmed).filter(|d| !d.is_empty()) {
                    self.times.push(d);
                }
            }
            b"script"
                if self.json_ld.len() < MAX_JSON_LD
                    && attr("type")
                        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
            {
                let t = text();
                if t.len() <= MAX_JSON_LD_BYTES {
                    self.json_ld.push(t.into_owned());
                }
            }
            _ => {}
        }
    }
}

/// Whether a space-separated list (`rel`) holds `token`, without case.
fn has_token(list: &str, token: &str) -> bool {
    list.split_ascii_whitespace()
        .any(|t| t.eq_ignore_ascii_case(token))
}

/// At most this many byline elements are read ...
const MAX_BYLINES: usize = 4;
/// ... and this many bytes of an element's text.
const MAX_CAPTURE: usize = 512;

/// The text of an element being read: its name, how many elements of
/// that name are open inside it, its text so far, and what separates the
/// texts of its elements (a line break for a byline, whose names are
/// often elements of their own; nothing for a headline, whose kicker may
/// be an element before a `: `).
struct Capture {
    name: Vec<u8>,
    depth: usize,
    text: String,
    apart: bool,
}

impl Capture {
    fn new(name: &[u8], apart: bool) -> Capture {
        Capture {
            name: name.to_vec(),
            depth: 0,
            text: String::new(),
            apart,
        }
    }

    /// Reads a start tag inside the element.
    fn start(&mut self, name: &[u8]) {
        if name == self.name.as_slice() {
            self.depth += 1;
        }
        if self.text.len() < MAX_CAPTURE {
            if self.apart {
                self.text.push('\n');
            } else if name == b"br" {
                self.text.push(' ');
            }
        }
    }

    /// Reads an end tag: whether the element ends.
    fn end(&mut self, name: &[u8]) -> bool {
        if name == self.name.as_slice() {
            if self.depth == 0 {
                return true;
            }
            self.depth -= 1;
        }
        if self.apart && self.text.len() < MAX_CAPTURE {
            self.text.push('\n');
        }
        false
    }

    fn text(&mut self, raw: &str) {
        if self.text.len() < MAX_CAPTURE {
            decode(&raw[..floor(raw, MAX_CAPTURE)], false, &mut self.text);
        }
    }

    /// The text, its lines trimmed and spaces collapsed, empty lines gone.
    fn finish(self) -> String {
        self.text
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Whether a class, id or `itemprop` value marks a byline: a token
/// naming an author or a byline, not an author's picture, biography or
/// comment.
fn is_byline_mark(v: &str) -> bool {
    v.to_ascii_lowercase()
        .split(|c: char| c.is_ascii_whitespace())
        .any(|t| {
            (t.contains("author") || t.contains("byline"))
                && ![
                    "bio", "avatar", "img", "image", "photo", "pic", "comment", "about",
                ]
                .iter()
                .any(|x| t.contains(x))
        })
}

/// Whether a link's target is an author's page (paths as written,
/// lowercase).
fn is_author_href(v: &str) -> bool {
    [
        "/author/",
        "/authors/",
        "/autor/",
        "/autoren/",
        "/auteur/",
        "/autore/",
        "/autori/",
    ]
    .iter()
    .any(|p| v.contains(p))
}

/// The facts of `html`, read in a pass of their own (for tests;
/// [`crate::html::convert_reading`] reads them in the conversion's pass).
#[cfg(test)]
pub(crate) fn facts(html: &str) -> Facts {
    let mut r = Reader::new(html);
    scan(html, |t| {
        r.token(&t);
        true
    });
    r.finish()
}

/// Reads the facts from the tokens of a document, as they come.
pub(crate) struct Reader<'h> {
    html: &'h str,
    out: Facts,
    /// Where the words that mark a byline or an author link are.
    marks: Marks,
    /// Inside an author link, a byline element or the first `<h1>`: its
    /// text is read.
    link: Option<Capture>,
    byline: Option<Capture>,
    h1: Option<Capture>,
    h1_seen: bool,
}

/// The attributes a start tag's facts are read from, raw (the first of
/// each name).
#[derive(Default)]
struct Wanted<'h> {
    property: Option<&'h str>,
    name: Option<&'h str>,
    itemprop: Option<&'h str>,
    http_equiv: Option<&'h str>,
    content: Option<&'h str>,
    lang: Option<&'h str>,
    rel: Option<&'h str>,
    href: Option<&'h str>,
    datetime: Option<&'h str>,
    kind: Option<&'h str>,
    class: Option<&'h str>,
    id: Option<&'h str>,
}

impl<'a> Wanted<'a> {
    /// The raw value of the attribute `name` (one of those wanted).
    fn get(&self, name: &str) -> Option<&'a str> {
        match name {
            "property" => self.property,
            "name" => self.name,
            "itemprop" => self.itemprop,
            "http-equiv" => self.http_equiv,
            "content" => self.content,
            "lang" => self.lang,
            "rel" => self.rel,
            "href" => self.href,
            "datetime" => self.datetime,
            "type" => self.kind,
            "class" => self.class,
            "id" => self.id,
            _ => None,
        }
    }

    /// One pass over the attributes.
    fn of(attrs: &Attrs<'a>) -> Wanted<'a> {
        let mut w = Wanted::default();
        attrs.each(|n, v| {
            let slot = match n.len() {
                2 if n.eq_ignore_ascii_case("id") => &mut w.id,
                3 if n.eq_ignore_ascii_case("rel") => &mut w.rel,
                4 if n.eq_ignore_ascii_case("name") => &mut w.name,
                4 if n.eq_ignore_ascii_case("lang") => &mut w.lang,
                4 if n.eq_ignore_ascii_case("href") => &mut w.href,
                4 if n.eq_ignore_ascii_case("type") => &mut w.kind,
                5 if n.eq_ignore_ascii_case("class") => &mut w.class,
                7 if n.eq_ignore_ascii_case("content") => &mut w.content,
                8 if n.eq_ignore_ascii_case("property") => &mut w.property,
                8 if n.eq_ignore_ascii_case("itemprop") => &mut w.itemprop,
                8 if n.eq_ignore_ascii_case("datetime") => &mut w.datetime,
                10 if n.eq_ignore_ascii_case("http-equiv") => &mut w.http_equiv,
                _ => return,
            };
            if slot.is_none() {
                *slot = Some(v);
            }
        });
        w
    }
}

/// An attribute's value, its character references resolved, cut at
/// [`MAX_VALUE`] bytes and trimmed.
fn value(raw: &str) -> String {
    let mut out = String::new();
    decode(&raw[..floor(raw, MAX_VALUE)], true, &mut out);
    out.trim().to_string()
}

/// Where a document next writes `author`, `byline`, `/autor` or
/// `/auteur` (as class names and paths are written, lowercase): an
/// element whose attributes hold none of them is no byline and no link to
/// an author, and its attributes are not read. Each word's next place is
/// searched for only once the tags have passed the last one found, so
/// the searches read the document once in all, and hold nothing but
/// three places.
struct Marks {
    finders: [memchr::memmem::Finder<'static>; 3],
    /// Each word's next place at or after `searched[i]`, if any.
    next: [Option<usize>; 3],
    searched: [usize; 3],
}

impl Marks {
    fn new() -> Marks {
        use memchr::memmem::Finder;
        Marks {
            finders: [
                Finder::new("author"),
                Finder::new("byline"),
                Finder::new("/aut"),
            ],
            next: [None; 3],
            searched: [0; 3],
        }
    }

    /// Whether one of the words is written within `b[from..to]`.
    fn within(&mut self, b: &[u8], from: usize, to: usize) -> bool {
        let mut found = false;
        for i in 0..3 {
            if self.next[i].is_none_or(|m| m < from) && self.searched[i] <= b.len() {
                // Searched again from this tag on (never before where the
                // last search ended).
                let start = from.max(self.searched[i]).min(b.len());
                self.next[i] = self.finders[i].find(&b[start..]).map(|m| m + start);
                self.searched[i] = match self.next[i] {
                    Some(m) => m + 1,
                    None => b.len() + 1,
                };
            }
            found |= self.next[i].is_some_and(|m| {
                m + 6 <= to
                    && (i < 2
                        || b[m + 1..].starts_with(b"autor")
                        || b[m + 1..].starts_with(b"auteur"))
            });
        }
        found
    }
}

impl<'h> Reader<'h> {
    pub(crate) fn new(html: &'h str) -> Reader<'h> {
        Reader {
            html,
            out: Facts::default(),
            marks: Marks::new(),
            link: None,
            byline: None,
            h1: None,
            h1_seen: false,
        }
    }

    /// Reads one token of the document.
    pub(super) fn token(&mut self, t: &Token<'_, '_>) {
        match t {
            Token::Start {
                name,
                attrs,
                text,
                self_closing,
            } => self.start(name, attrs, text, *self_closing),
            Token::Text(t) => {
                for c in [&mut self.link, &mut self.byline, &mut self.h1]
                    .into_iter()
                    .flatten()
                {
                    c.text(t);
                }
            }
            Token::End { name } => self.end(name),
        }
    }

    fn start(&mut self, name: &[u8], attrs: &Attrs<'_>, text: &str, self_closing: bool) {
        for c in [&mut self.link, &mut self.byline, &mut self.h1]
            .into_iter()
            .flatten()
        {
            c.start(name);
        }
        // A byline element is looked for on every element: its attributes
        // are read only when their text names an author or a byline.
        let raw = attrs.raw();
        // (Attributes are a slice of the document; any other reads as
        // unmarked.)
        let from = (raw.as_ptr() as usize).wrapping_sub(self.html.as_ptr() as usize);
        let marked = from.checked_add(raw.len()).is_some_and(|to| {
            to <= self.html.len() && self.marks.within(self.html.as_bytes(), from, to)
        });
        if name == b"a" && !marked {
            return;
        }
        let out = &mut self.out;
        let byline_wanted =
            marked && self.byline.is_none() && out.bylines.len() < MAX_BYLINES && !self_closing;
        // The tags facts are read from, when their attributes' text may
        // hold one (a stylesheet's `<link>`, a plain `<script>` are many).
        let holds = |what: &str| raw.contains(what);
        let interesting = match name {
            b"meta" | b"a" | b"h1" => true,
            b"html" => holds("lang"),
            b"link" => holds("anonical"),
            b"time" => holds("atetime"),
            b"script" => holds("ld+json"),
            _ => false,
        };
        if !interesting && !byline_wanted {
            return;
        }
        let w = Wanted::of(attrs);
        match name {
            b"a" if self.link.is_none()
                && (w.rel.is_some_and(|r| has_token(r, "author"))
                    || w.href.is_some_and(is_author_href)) =>
            {
                self.link = Some(Capture::new(name, false));
            }
            b"h1" if !self.h1_seen => {
                self.h1_seen = true;
                self.h1 = Some(Capture::new(name, false));
            }
            _ => {
                let html = self.html;
                out.element(
                    name,
                    |n| w.get(n).map(|v| Cow::Owned(value(v))),
                    || {
                        let from = text.as_ptr() as usize - html.as_ptr() as usize + text.len();
                        Cow::Borrowed(&html[from..script_end(html.as_bytes(), from)])
                    },
                );
            }
        }
        if byline_wanted
            && !matches!(name, b"meta" | b"link" | b"img" | b"script" | b"style")
            && [w.class, w.id, w.itemprop]
                .into_iter()
                .flatten()
                .any(is_byline_mark)
        {
            self.byline = Some(Capture::new(name, true));
        }
    }

    fn end(&mut self, name: &[u8]) {
        let out = &mut self.out;
        if self.link.as_mut().is_some_and(|c| c.end(name)) {
            let a = self.link.take().map(Capture::finish).unwrap_or_default();
            if !a.is_empty() && out.author_links.len() < 16 {
                out.author_links.push(a.replace('\n', " "));
            }
        }
        if self.byline.as_mut().is_some_and(|c| c.end(name)) {
            let b = self.byline.take().map(Capture::finish).unwrap_or_default();
            if !b.is_empty() {
                out.bylines.push(b);
            }
        }
        if self.h1.as_mut().is_some_and(|c| c.end(name)) {
            let h = self.h1.take().map(Capture::finish).unwrap_or_default();
            if !h.is_empty() {
                out.h1 = Some(h.replace('\n', " "));
            }
        }
    }

    /// The facts read.
    pub(crate) fn finish(self) -> Facts {
        self.out
    }
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
