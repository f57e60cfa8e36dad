//! The properties the fuzz targets check, one function a target: each takes
//! the fuzzer's bytes and panics when a property fails. The corpus replay
//! test (`tests/replay.rs`) runs the same functions on the checked-in
//! corpus, on the stable toolchain, in CI.
//!
//! Beyond "no panic":
//! - the output is an in-order selection of the input's trimmed lines;
//! - `analyze` gives the text `clean` gives;
//! - Markdown reads back (CommonMark) as the plain output;
//! - the readers lose and duplicate no record: every line of JSONL is one
//!   record, and every well-formed WARC record comes out once, in order,
//!   whatever damage its neighbours have;
//! - `--max-record-bytes` holds: no record over it is held.
//!
//! Time per input byte is bounded by libFuzzer's `-timeout` (see `run.sh`).

use std::io::{BufRead, Cursor};

use arbitrary::{Arbitrary, Unstructured};
use dejunk::{Cleaner, Model, Observation, SiteMemory};
use dejunk_cli::input::{Format, Item, Payload, read_from};
use dejunk_cli::page::{Fields, Input, Prepared, prepare};

#[path = "../../tests/common/letters.rs"]
mod letters;
#[path = "../../tests/common/markdown_read.rs"]
mod markdown_read;
#[path = "../../tests/common/selection.rs"]
mod selection;

use letters::letters;
use markdown_read::rendered_lines;
use selection::assert_selection;

/// Raw page text: `Page::bytes`, `clean`, `analyze`.
pub fn text(data: &[u8]) {
    let text = dejunk::decode_text(data);
    let out = dejunk::Cleaner::new().clean(dejunk::Page::bytes(data));
    assert_eq!(out, dejunk::clean(&text));
    assert_selection(&text, &out);
    let a = Cleaner::new().analyze(&*text);
    assert_eq!(a.text(), out);
    for b in a.blocks() {
        let _ = b.reasons();
    }
}

/// Checks one HTML document: its analysis agrees with its cleaning, its
/// lines are the blocks kept, in order, and the Markdown reads as the
/// plain text.
fn check_html(html: &str) {
    let c = Cleaner::new();
    let out = c.clean(dejunk::Page::html(html));
    let a = c.analyze(dejunk::Page::html(html));
    assert_eq!(a.text(), out);
    let kept: Vec<&str> = a
        .blocks()
        .iter()
        .filter(|b| b.is_kept())
        .map(|b| b.text())
        .collect();
    let lines: Vec<&str> = if out.is_empty() {
        Vec::new()
    } else {
        out.split('\n').collect()
    };
    assert_eq!(lines, kept);
    for l in &lines {
        assert!(!l.is_empty() && *l == l.trim());
    }
    let md = c
        .extract(dejunk::Page::html(html))
        .markdown()
        .unwrap_or_default()
        .to_string();
    let read: Vec<String> = rendered_lines(&md);
    assert_eq!(read, lines, "the Markdown reads differently:\n{md}");
}

/// HTML bytes: `Page::html_bytes` (the encoding found from the bytes) and
/// the checks of [`check_html`].
pub fn html(data: &[u8]) {
    let html = dejunk::decode_html(data, None);
    assert_eq!(
        dejunk::Cleaner::new().clean(dejunk::Page::html_bytes(data, None)),
        dejunk::clean_html(&html)
    );
    check_html(&html);
}

/// Tags of the tag soup: those with implied end tags, scope boundaries,
/// formatting elements, raw text, void elements.
const TAGS: [&str; 32] = [
    "p", "li", "ul", "ol", "div", "span", "b", "i", "a", "font", "table", "tr", "td", "th",
    "tbody", "select", "option", "optgroup", "dl", "dt", "dd", "h1", "h2", "form", "button", "pre",
    "template", "script", "style", "textarea", "br", "nav",
];

/// One token of generated HTML.
#[derive(Arbitrary, Debug)]
enum Token {
    Open(u8, Option<(u8, u16)>),
    Close(u8),
    Text(u8),
    /// A token repeated (deep nesting, long lists, floods of stray tags).
    Repeat(u16, Box<Token>),
    Comment,
    Doctype,
    /// An attribute value that is long or unterminated.
    HugeAttribute(u16, bool),
    Raw(Vec<u8>),
}

const WORDS: [&str; 8] = [
    "The council voted on Tuesday to keep the library open.",
    "Home",
    "Share this article",
    "a | b * c _ d [e] <f> `g` # h",
    "1. item",
    "\u{200B}",
    "   ",
    "Read more",
];

/// The largest document the soup grows to.
const MAX_SOUP: usize = 1 << 20;

/// What a soup is made of: its tags, and whether its attributes are the
/// tree builder's (hiding, `font` colours, encodings) or plain ones.
struct Kit {
    tags: &'static [&'static str],
    tree_attrs: bool,
    /// At most this many tokens, a repeat at most `repeat` times.
    budget: usize,
    repeat: u16,
}

/// Attributes that change what the tree builder does or what a reader
/// sees.
const TREE_ATTRS: [&str; 8] = [
    " hidden",
    " aria-hidden=true",
    " style=\"display:none\"",
    " color=red",
    " encoding=\"text/html\"",
    " type=hidden",
    " href=/x",
    " class=comments",
];

fn render(kit: &Kit, t: &Token, out: &mut String, budget: &mut usize) {
    if *budget == 0 || out.len() > MAX_SOUP {
        *budget = 0;
        return;
    }
    *budget -= 1;
    let tag = |k: u8| kit.tags[k as usize % kit.tags.len()];
    match t {
        Token::Open(k, attr) => {
            out.push('<');
            out.push_str(tag(*k));
            match attr {
                Some((a, _)) if kit.tree_attrs => {
                    out.push_str(TREE_ATTRS[usize::from(*a) % TREE_ATTRS.len()]);
                }
                Some((a, v)) => out.push_str(&format!(" class=\"c{a}\" id=x{v}")),
                None => {}
            }
            out.push('>');
        }
        Token::Close(k) => {
            out.push_str("</");
            out.push_str(tag(*k));
            out.push('>');
        }
        Token::Text(k) => out.push_str(WORDS[*k as usize % WORDS.len()]),
        Token::Repeat(n, inner) => {
            for _ in 0..(*n % kit.repeat) {
                if *budget == 0 {
                    break;
                }
                render(kit, inner, out, budget);
            }
        }
        Token::Comment => out.push_str("<!-- c -->"),
        Token::Doctype => out.push_str("<!doctype html>"),
        Token::HugeAttribute(n, closed) => {
            out.push_str("<div title=\"");
            out.push_str(&"x".repeat((*n as usize * 16).min(MAX_SOUP)));
            if *closed {
                out.push_str("\">");
            }
        }
        Token::Raw(bytes) => out.push_str(&String::from_utf8_lossy(bytes)),
    }
}

/// The HTML document the soup generator makes of `data` (`None` when the
/// bytes make no tokens).
pub fn soup(data: &[u8]) -> Option<String> {
    soup_of(&SOUP_KIT, data)
}

/// What [`html_soup`]'s soup is made of: large documents (deep nesting,
/// floods of stray tags).
const SOUP_KIT: Kit = Kit {
    tags: &TAGS,
    tree_attrs: false,
    budget: 200_000,
    repeat: 20_000,
};

fn soup_of(kit: &Kit, data: &[u8]) -> Option<String> {
    let mut u = Unstructured::new(data);
    let tokens = Vec::<Token>::arbitrary(&mut u).ok()?;
    let mut html = String::new();
    let mut budget = kit.budget;
    for t in &tokens {
        render(kit, t, &mut html, &mut budget);
    }
    Some(html)
}

/// Generated tag soup ([`soup`]): stray and omitted end tags, deep
/// nesting, huge attributes, then the checks of [`check_html`].
pub fn html_soup(data: &[u8]) {
    if let Some(html) = soup(data) {
        check_html(&html);
    }
}

/// Tags of the differential soup: the parts of the standard's tree
/// construction the streaming front end models (foreign content and its
/// integration points, tables and their parts, select, templates,
/// framesets, raw text, quirks, the adoption agency).
const TREE_TAGS: [&str; 56] = [
    "p", "div", "span", "b", "i", "a", "font", "nobr", "table", "caption", "colgroup", "col",
    "tbody", "thead", "tr", "td", "th", "select", "option", "optgroup", "input", "textarea",
    "keygen", "svg", "math", "foreignObject", "desc", "title", "mi", "mtext", "annotation-xml",
    "g", "mglyph", "template", "frameset", "frame", "noscript", "script", "style", "plaintext",
    "xmp", "iframe", "h2", "h3", "li", "ul", "dd", "form", "button", "br", "img", "image", "hr",
    "center", "dialog", "object",
];

/// What [`html_tree`]'s soup is made of. Small documents: html5ever takes
/// time quadratic in the nesting depth, and many small cases find more
/// than a few large ones.
const TREE_KIT: Kit = Kit {
    tags: &TREE_TAGS,
    tree_attrs: true,
    budget: 2_000,
    repeat: 300,
};

/// The non-space characters of a page's blocks (all of them, kept or
/// not), sorted: what the page shows, whatever its order and line breaks.
fn shown(page: dejunk::Page<'_>) -> Vec<char> {
    let mut out = letters(Cleaner::new().analyze(page).blocks().iter().map(|b| b.text()));
    // By design: a NUL in `plaintext` is dropped, where the standard's
    // tokeniser makes it U+FFFD.
    out.retain(|c| *c != '\u{fffd}');
    out
}

/// Whether a table, a table section or a row has a hiding attribute.
/// Foster parenting is not modelled, by design: what is written in a table
/// outside its cells stays in the table, where the tree builder moves it
/// before the table. Under a hidden table that moves text from hidden to
/// shown, so such documents are not compared.
fn hides_a_table_part(html: &str) -> bool {
    let lower = html.to_ascii_lowercase();
    let mut rest = lower.as_str();
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let name_end = rest
            .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
            .unwrap_or(rest.len());
        if matches!(&rest[..name_end], "table" | "tbody" | "thead" | "tfoot" | "tr") {
            let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
            if tag.contains("hidden") || tag.contains("none") {
                return true;
            }
        }
    }
    false
}

/// The streaming front end against html5ever's tree on one document:
/// every character html5ever's tree shows (read by the same line builder,
/// so the same elements are dropped) is in our blocks, and no other.
/// Order and line breaks are not compared: foster parenting (the builder
/// moves what is written in a table outside its cells before the table)
/// is not modelled, by design, and moves text without losing it.
fn check_tree(html: &str) {
    if hides_a_table_part(html) {
        return;
    }
    let ours = shown(dejunk::Page::html(html));
    let parsed = dejunk::scraper::Html::parse_document(html);
    let tree = shown(dejunk::Page::document(&parsed));
    assert!(
        ours == tree,
        "the streaming front end and html5ever's tree show different text:\n{html:?}\n ours: {:?}\n tree: {:?}",
        ours.iter().collect::<String>(),
        tree.iter().collect::<String>()
    );
}

/// The soup [`html_tree`] makes of `data`.
pub fn soup_tree(data: &[u8]) -> Option<String> {
    soup_of(&TREE_KIT, data)
}

/// Differential: the bytes as an HTML document, and the soup they make
/// (with the tree builder's hard parts, [`TREE_TAGS`]), each read by the
/// streaming front end and by html5ever ([`check_tree`]).
pub fn html_tree(data: &[u8]) {
    check_tree(&dejunk::decode_html(data, None));
    if let Some(html) = soup_tree(data) {
        check_tree(&html);
    }
}

/// `Model::from_bytes` on any bytes; a model it accepts cleans.
pub fn model(data: &[u8]) {
    if let Ok(m) = Model::from_bytes(data) {
        let _ = m.version();
        let _ = m.to_bytes();
        if let Ok(c) = Cleaner::builder().model(m).build() {
            let page = "Home\nThe council voted on Tuesday to keep the library open, after months of debate.";
            assert_selection(page, &c.clean(page));
        }
    }
    // The built-in model, cut or with a byte changed, is refused or works.
    let builtin = Model::builtin().to_bytes();
    if let Some(&b) = data.first() {
        let at = (usize::from(b) * 997 + data.len()) % builtin.len();
        let mut changed = builtin.clone();
        changed[at] ^= data.get(1).copied().unwrap_or(1) | 1;
        let _ = Model::from_bytes(&changed);
        let _ = Model::from_bytes(&builtin[..at]);
    }
}

/// A site memory fed pages, learned observations and lookups in an order
/// the bytes choose; cleaning with it stays an in-order selection.
pub fn memory(data: &[u8]) {
    let Ok(memory) = SiteMemory::builder().memory_bytes(64 << 10).build() else {
        return;
    };
    let cleaner = Cleaner::new();
    let sites = ["a.example", "b.example", ""];
    for chunk in data.split(|&b| b == 0xff) {
        let Some((&op, rest)) = chunk.split_first() else {
            continue;
        };
        let site = sites[usize::from(op >> 4) % sites.len()];
        let text = String::from_utf8_lossy(rest);
        match op % 5 {
            0 => memory.observe(site, &*text),
            1 => memory.observe(site, dejunk::Page::html(&text)),
            2 => memory.observe_prepared(&Observation::new(site, &*text)),
            3 => {
                let out = cleaner.clean(dejunk::Page::text(&text).site(&memory, site));
                assert_selection(&text, &out);
            }
            _ => {
                for line in text.lines() {
                    let _ = memory.is_boilerplate(site, line);
                    let _ = memory.count(site, line);
                }
                let _ = memory.pages(site);
            }
        }
    }
}

/// Reads `data` with the CLI's reader in `format`; returns the items.
fn read(data: &[u8], format: Format, max_record: u64) -> Vec<Item> {
    let mut items = Vec::new();
    let mut r = Cursor::new(data);
    let mut record = 0u64;
    let _ = read_from(
        &mut r as &mut dyn BufRead,
        0,
        format,
        max_record,
        &mut record,
        &mut |i| {
            items.push(i);
            true
        },
    );
    items
}

fn fields() -> Fields {
    Fields {
        text: "text".into(),
        html: "html".into(),
        url: "url".into(),
        id: "id".into(),
        input: Input::Auto,
    }
}

/// JSONL: every non-blank line is one record, numbered by its line, none
/// lost or duplicated, none over the size limit held; each record prepares
/// without panic. The sniffer, too, takes any bytes.
pub fn jsonl(data: &[u8]) {
    let max = 4096u64;
    let items = read(data, Format::Jsonl, max);
    // A line too long to hold is a failed record even when blank.
    let lines: Vec<(usize, &[u8])> = data
        .split_inclusive(|&b| b == b'\n')
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(i, l)| {
            let l = if *i == 1 {
                l.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(l)
            } else {
                l
            };
            l.len() as u64 > max + 1 || !l.iter().all(u8::is_ascii_whitespace)
        })
        .collect();
    assert_eq!(items.len(), lines.len(), "one record a non-blank line");
    for (item, (no, line)) in items.into_iter().zip(lines) {
        assert_eq!(item.record, no as u64);
        match item.payload {
            Payload::Json(l) => {
                assert!(l.len() as u64 <= max + 1);
                assert!(line.ends_with(&l), "the record is its line");
                let _ = prepare(Payload::Json(l), &fields());
            }
            Payload::Failed(_) => assert!(line.len() as u64 > max + 1),
            other => panic!("{other:?}"),
        }
    }
    let _ = read(data, Format::Auto, max);
}

/// WARC and WET from any bytes: no panic; records numbered in order; no
/// body over the size limit; each record prepares without panic.
pub fn warc(data: &[u8]) {
    let max = 1 << 16;
    let items = read(data, Format::Warc, max);
    let mut last = 0;
    for item in items {
        assert!(item.record > last, "records in order, once each");
        last = item.record;
        if let Payload::Warc(r) = &item.payload {
            assert!(r.body.len() as u64 <= max);
        }
        if let Prepared::Page(p) = prepare(item.payload, &fields()) {
            let out = if p.html {
                dejunk::clean_html(&p.content)
            } else {
                dejunk::clean(&p.content)
            };
            let _ = out;
        }
    }
}

/// A generated WARC record, and the damage done to it.
#[derive(Arbitrary, Debug)]
struct Record {
    body: Vec<u8>,
    kind: u8,
    damage: Option<Damage>,
}

#[derive(Arbitrary, Debug)]
enum Damage {
    /// Content-Length plus or minus this.
    Length(i16),
    /// A digit added to Content-Length.
    Digit,
    /// No blank line after the header.
    NoBlankLine,
    /// No Content-Length.
    NoLength,
    /// The header's first line garbled.
    Version,
}

/// Generated WARC files with damaged records: every undamaged record comes
/// out once, in order, with its body; the damaged ones are reported (or,
/// when the damage leaves the record well-formed, read).
pub fn warc_records(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let Ok(records) = Vec::<Record>::arbitrary(&mut u) else {
        return;
    };
    let mut file = Vec::new();
    for (i, r) in records.iter().enumerate() {
        // A body holding a WARC version line is another test's business.
        let body: Vec<u8> = r
            .body
            .iter()
            .map(|&b| if b == b'W' { b'w' } else { b })
            .collect();
        let kind = ["response", "resource", "conversion", "request"][usize::from(r.kind) % 4];
        let mut length = body.len().to_string();
        let mut version = "WARC/1.0".to_string();
        let mut blank = "\r\n";
        let mut length_line = true;
        match &r.damage {
            Some(Damage::Length(d)) => {
                length = (body.len() as i64 + i64::from(*d)).max(0).to_string()
            }
            Some(Damage::Digit) => length.push('7'),
            Some(Damage::NoBlankLine) => blank = "",
            Some(Damage::NoLength) => length_line = false,
            Some(Damage::Version) => version = "WRAC/1.0".to_string(),
            None => {}
        }
        file.extend_from_slice(
            format!("{version}\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:r{i}>\r\n").as_bytes(),
        );
        if length_line {
            file.extend_from_slice(format!("Content-Length: {length}\r\n").as_bytes());
        }
        file.extend_from_slice(format!("Content-Type: text/plain\r\n{blank}").as_bytes());
        file.extend_from_slice(&body);
        file.extend_from_slice(b"\r\n\r\n");
    }
    let items = read(&file, Format::Warc, 1 << 20);
    let got: Vec<(String, Vec<u8>)> = items
        .into_iter()
        .filter_map(|i| match i.payload {
            Payload::Warc(r) => Some((r.id.unwrap_or_default(), r.body)),
            _ => None,
        })
        .collect();
    // Every undamaged record, once, in order, with its body.
    let mut at = got.iter();
    for (i, r) in records.iter().enumerate() {
        let harmless = matches!(r.damage, None | Some(Damage::Length(0)));
        if !harmless {
            continue;
        }
        let id = format!("<urn:r{i}>");
        let body: Vec<u8> = r
            .body
            .iter()
            .map(|&b| if b == b'W' { b'w' } else { b })
            .collect();
        assert!(
            at.any(|(gid, gbody)| *gid == id && *gbody == body),
            "record {i} lost or out of order"
        );
    }
    let ids: Vec<&String> = got.iter().map(|(id, _)| id).collect();
    let mut unique = ids.clone();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "a record read twice");
}
