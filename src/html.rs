//! HTML input: the DOM turned into the same line blocks the text pipeline
//! scores, each with DOM features ([`DOM`]).
//!
//! The document is parsed once with html5ever (through scraper) and walked
//! without recursion (an open/close edge traversal), so 100,000 nested
//! elements cannot overflow the stack. `script`, `style`, `noscript`,
//! `template`, `head`, `svg`, `iframe`, form controls' option lists and
//! hidden elements (`hidden`, `aria-hidden="true"`, inline
//! `display:none`/`visibility:hidden`) are dropped with their subtrees.
//! Block-level elements (paragraphs, headings, list items, table rows,
//! `div`, `br`, …) end a line; whitespace runs become one space (inside
//! `pre`, newlines end lines); entities are decoded by the parser.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::feature::N_DOM;
use ego_tree::iter::Edge;
use scraper::node::Element;
use scraper::{Html, Node};

/// Index in [`DOM`](crate::feature::DOM) of the first class/id word
/// feature, and their words:
/// an ancestor's `class`, `id` or `role` token equal to one of the words,
/// or starting with one of the words of four letters or more, sets the bit.
#[cfg(test)]
const CLS0: usize = 11;
const CLASS_WORDS: [(usize, &[&str]); 11] = [
    (
        11,
        &[
            "nav",
            "navbar",
            "navigation",
            "menu",
            "breadcrumb",
            "breadcrumbs",
            "header",
            "masthead",
            "topbar",
            "toolbar",
            "skip",
        ],
    ),
    (12, &["footer", "copyright", "bottom", "legal", "colophon"]),
    (13, &["sidebar", "aside", "widget", "rail", "sidebox"]),
    (14, &["comment", "comments", "reply", "disqus", "respond"]),
    (
        15,
        &[
            "related",
            "recommend",
            "recommended",
            "popular",
            "trending",
            "teaser",
            "more",
            "readmore",
            "outbrain",
            "taboola",
        ],
    ),
    (16, &["share", "sharing", "social", "follow", "sharethis"]),
    (
        17,
        &[
            "ad",
            "ads",
            "advert",
            "advertisement",
            "sponsor",
            "sponsored",
            "promo",
            "banner",
            "dfp",
        ],
    ),
    (
        18,
        &[
            "cookie",
            "cookies",
            "consent",
            "gdpr",
            "newsletter",
            "subscribe",
            "signup",
            "modal",
            "popup",
        ],
    ),
    (
        19,
        &[
            "article", "content", "main", "post", "entry", "story", "body", "text", "prose",
        ],
    ),
    (
        22,
        &[
            "byline", "author", "date", "time", "meta", "tags", "category", "caption", "credit",
        ],
    ),
    (23, &["title", "headline", "heading"]),
];

const F_HEADING: usize = 0;
const F_H12: usize = 1;
const F_P: usize = 2;
const F_LI: usize = 3;
const F_CELL: usize = 4;
const F_QUOTE: usize = 5;
const F_CAPTION: usize = 6;
const F_LINK_DENSITY: usize = 7;
const F_ALL_LINK: usize = 8;
const F_FORM: usize = 9;
const F_IN_NAV: usize = 10;
const F_IN_ARTICLE: usize = 20;
const F_DEPTH: usize = 21;
/// The container features: of the parent and the grandparent of a line's
/// innermost block element, the share of the page's text inside it, its
/// link density and its number of paragraphs (`ln(1 + p)`). The article's
/// paragraphs share one big container with few links.
const F_PARENT: usize = 24;
const F_GRAND: usize = 27;

/// A page converted from HTML: its lines (one block a line, no blank
/// lines) and the DOM features of each.
#[derive(Debug, Default)]
pub(crate) struct HtmlPage {
    pub text: String,
    pub dom: Vec<[f32; N_DOM]>,
}

/// Text counts of an element's visible subtree.
#[derive(Clone, Copy, Default)]
struct ElemStat {
    chars: u32,
    link_chars: u32,
    paragraphs: u32,
}

/// What an open element contributes to the lines inside it.
#[derive(Clone, Copy, Default)]
struct Ctx {
    /// This element's index in the element statistics.
    id: u32,
    /// The element's parent's index.
    parent: u32,
    /// The nearest block element (itself or an ancestor), and that
    /// element's parent and grandparent block elements.
    block: u32,
    block_parent: u32,
    block_grand: u32,
    /// Bits of the DOM features set by this element or its ancestors.
    bits: u32,
    depth: u32,
    /// Inside `pre`: newlines end lines.
    pre: bool,
    link: bool,
    /// The element is a block element (it ends lines).
    is_block: bool,
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "tr"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "caption"
            | "blockquote"
            | "pre"
            | "figure"
            | "figcaption"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "form"
            | "fieldset"
            | "address"
            | "hr"
            | "br"
            | "center"
            | "details"
            | "summary"
            | "body"
            | "html"
            | "legend"
            | "menu"
            | "noframes"
            | "object"
    )
}

/// Elements whose subtree is never page text.
fn is_dropped_tag(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "head"
            | "svg"
            | "iframe"
            | "select"
            | "textarea"
            | "canvas"
            | "math"
            | "object"
            | "embed"
    )
}

/// One pass over an element's attributes: whether they hide it (`hidden`,
/// `aria-hidden="true"`, a style with `display:none` or
/// `visibility:hidden`), and the [`CLASS_WORDS`] bits of its class, id,
/// role and itemprop words.
fn scan_attrs(e: &Element) -> (bool, u32) {
    let (mut hidden, mut bits) = (false, 0u32);
    for (name, value) in e.attrs() {
        match name {
            "hidden" => hidden = true,
            "aria-hidden" => hidden |= value == "true",
            "style" => {
                let s: String = value
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
                    .to_ascii_lowercase();
                hidden |= s.contains("display:none") || s.contains("visibility:hidden");
            }
            "class" | "id" | "role" | "itemprop" => {
                for tok in value.as_bytes().split(|c| !c.is_ascii_alphanumeric()) {
                    if !tok.is_empty() && tok.len() <= 40 {
                        bits |= token_bits(tok);
                    }
                }
            }
            _ => {}
        }
    }
    (hidden, bits)
}

/// The bits an element sets for the lines inside it: those of its tag
/// `name`, and `attr_bits` from its attributes.
fn element_bits(name: &str, attr_bits: u32) -> u32 {
    let mut bits = attr_bits;
    let set = |b: &mut u32, k: usize| *b |= 1 << k;
    match name {
        "h1" | "h2" => {
            set(&mut bits, F_HEADING);
            set(&mut bits, F_H12);
        }
        "h3" | "h4" | "h5" | "h6" => set(&mut bits, F_HEADING),
        "p" => set(&mut bits, F_P),
        "li" | "dt" | "dd" => set(&mut bits, F_LI),
        "td" | "th" | "tr" => set(&mut bits, F_CELL),
        "blockquote" | "pre" => set(&mut bits, F_QUOTE),
        "figure" | "figcaption" | "caption" => set(&mut bits, F_CAPTION),
        "form" | "button" | "label" | "input" | "fieldset" | "legend" => set(&mut bits, F_FORM),
        "nav" | "header" | "footer" | "aside" | "menu" => set(&mut bits, F_IN_NAV),
        "article" | "main" => set(&mut bits, F_IN_ARTICLE),
        _ => {}
    }
    bits
}

/// The [`CLASS_WORDS`] bits of one class/id token: a word matches the
/// token when equal to it, or, for words of 4 letters or more, when it
/// begins the token (ASCII case ignored).
fn token_bits(tok: &[u8]) -> u32 {
    static WORDS: LazyLock<ClassWords> = LazyLock::new(ClassWords::new);
    let mut lower = [0u8; 40];
    let lower = &mut lower[..tok.len()];
    lower.copy_from_slice(tok);
    lower.make_ascii_lowercase();
    let w = &*WORDS;
    if !w.first[usize::from(lower[0])] {
        return 0;
    }
    let mut bits = w.exact.get(&*lower).copied().unwrap_or(0);
    for &len in &w.prefix_lens {
        if len > lower.len() {
            break;
        }
        bits |= w.prefix.get(&lower[..len]).copied().unwrap_or(0);
    }
    bits
}

/// [`CLASS_WORDS`] as lookup tables.
struct ClassWords {
    /// The bytes words begin with: most tokens are rejected on that.
    first: [bool; 256],
    /// Words under 4 letters, matched whole.
    exact: HashMap<&'static [u8], u32, WordHash>,
    /// Words of 4 letters or more, matched as prefixes.
    prefix: HashMap<&'static [u8], u32, WordHash>,
    /// The lengths of the prefix words, ascending.
    prefix_lens: Vec<usize>,
}

impl ClassWords {
    fn new() -> ClassWords {
        let mut first = [false; 256];
        let mut exact = HashMap::default();
        let mut prefix = HashMap::default();
        for &(k, words) in &CLASS_WORDS {
            for w in words {
                first[usize::from(w.as_bytes()[0])] = true;
                let table = if w.len() >= 4 {
                    &mut prefix
                } else {
                    &mut exact
                };
                *table.entry(w.as_bytes()).or_insert(0) |= 1u32 << k;
            }
        }
        let mut prefix_lens: Vec<usize> = prefix.keys().map(|w| w.len()).collect();
        prefix_lens.sort_unstable();
        prefix_lens.dedup();
        ClassWords {
            first,
            exact,
            prefix,
            prefix_lens,
        }
    }
}

/// The hash of the word tables: short keys, no adversary (the keys are
/// ours), so the crate's fast byte hash rather than SipHash.
type WordHash = std::hash::BuildHasherDefault<WordHasher>;

#[derive(Default)]
struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = crate::hash::mix(self.0 ^ crate::hash::hash_bytes(bytes));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The line being built.
#[derive(Default)]
struct Line {
    text: String,
    chars: u32,
    link_chars: u32,
    bits: u32,
    depth: u32,
    /// Whether the last byte pushed is a space (or the line is empty).
    space: bool,
    /// Whether the line has a visible character.
    visible: bool,
    /// The container elements (see [`F_PARENT`]).
    parent: u32,
    grand: u32,
}

struct Builder {
    out: HtmlPage,
    line: Line,
    elems: Vec<ElemStat>,
    /// Per emitted line: its (parent, grandparent) container.
    containers: Vec<(u32, u32)>,
}

impl Builder {
    fn flush(&mut self) {
        let line = std::mem::replace(
            &mut self.line,
            Line {
                space: true,
                ..Line::default()
            },
        );
        let t = line.text.trim();
        let empty = t.is_empty();
        if !empty {
            if !self.out.text.is_empty() {
                self.out.text.push('\n');
            }
            self.out.text.push_str(t);
        }
        // The next line reuses the buffer.
        let mut buffer = line.text;
        buffer.clear();
        self.line.text = buffer;
        if empty {
            return;
        }
        let mut f = [0f32; N_DOM];
        for (k, v) in f.iter_mut().enumerate().take(F_PARENT) {
            if k != F_LINK_DENSITY && k != F_ALL_LINK && k != F_DEPTH && line.bits & (1 << k) != 0 {
                *v = 1.0;
            }
        }
        let density = if line.chars > 0 {
            line.link_chars as f32 / line.chars as f32
        } else {
            0.0
        };
        f[F_LINK_DENSITY] = density;
        f[F_ALL_LINK] = if density >= 0.9 { 1.0 } else { 0.0 };
        f[F_DEPTH] = (1.0 + line.depth as f32).ln();
        self.out.dom.push(f);
        self.containers.push((line.parent, line.grand));
    }

    fn text(&mut self, s: &str, ctx: &Ctx) {
        for c in s.chars() {
            if c == '\n' && ctx.pre {
                self.flush();
                continue;
            }
            if c.is_whitespace() || c.is_control() {
                if !self.line.space {
                    self.line.text.push(' ');
                    self.line.space = true;
                }
                continue;
            }
            if !self.line.visible {
                // The line's first visible character fixes its context.
                self.line.visible = true;
                self.line.bits = ctx.bits;
                self.line.depth = ctx.depth;
                self.line.parent = ctx.block_parent;
                self.line.grand = ctx.block_grand;
            }
            let e = &mut self.elems[ctx.id as usize];
            e.chars += 1;
            if ctx.link {
                e.link_chars += 1;
            }
            self.line.text.push(c);
            self.line.space = false;
            self.line.chars += 1;
            if ctx.link {
                self.line.link_chars += 1;
            }
        }
    }
}

/// Elements nested deeper than this are flattened before parsing: the
/// HTML tree builder's scope checks walk the stack of open elements, so
/// without a cap 100,000 nested tags would take quadratic time.
const MAX_DEPTH: usize = 256;

fn is_void(name: &[u8]) -> bool {
    matches!(
        name,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
            | b"keygen"
    )
}

/// One tag found by [`scan_tags`]: its byte range and whether it opens or
/// closes an element (void and self-closing tags do neither), or a whole
/// `script` or `style` element, start tag to end tag.
#[derive(Clone, Copy, PartialEq)]
enum Tag {
    Open,
    Close,
    Other,
    Script,
}

/// Calls `f(range, tag)` for every tag of `html`, in order, in one linear
/// pass: comments, doctypes and the raw text of `textarea` and `title` are
/// stepped over; a `script` or `style` element comes as one
/// [`Tag::Script`] range.
fn scan_tags(html: &str, mut f: impl FnMut(std::ops::Range<usize>, Tag)) {
    let b = html.as_bytes();
    let mut i = 0;
    while let Some(p) = memchr::memchr(b'<', &b[i.min(b.len())..]) {
        let start = i + p;
        let rest = &b[start + 1..];
        if rest.starts_with(b"!--") {
            i = memchr::memmem::find(&b[start + 4..], b"-->")
                .map_or(b.len(), |q| start + 4 + q + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_at = start + 1 + usize::from(closing);
        let name_len = b[name_at.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !b[name_at].is_ascii_alphabetic() {
            i = start + 1;
            continue;
        }
        // The end of the tag, stepping over quoted attribute values.
        let mut j = name_at + name_len;
        loop {
            let Some(q) = memchr::memchr3(b'>', b'"', b'\'', &b[j..]) else {
                j = b.len();
                break;
            };
            j += q;
            let c = b[j];
            if c == b'>' {
                break;
            }
            // A quoted value: to its closing quote, or to the end.
            j = memchr::memchr(c, &b[j + 1..]).map_or(b.len(), |e| j + 1 + e + 1);
            if j >= b.len() {
                break;
            }
        }
        let j = j.min(b.len());
        let end = (j + 1).min(b.len());
        // Names longer than any we look for are kept to their start.
        let mut lower = [0u8; 10];
        let name = &mut lower[..name_len.min(10)];
        name.copy_from_slice(&b[name_at..name_at + name.len()]);
        name.make_ascii_lowercase();
        let name: &[u8] = if name_len > 10 { b"" } else { name };
        let self_closing = end >= 2 && b[end - 2] == b'/';
        let tag = if closing {
            Tag::Close
        } else if is_void(name) || self_closing {
            Tag::Other
        } else {
            Tag::Open
        };
        if tag == Tag::Open && matches!(name, b"script" | b"style") {
            let close = if name == b"script" {
                script_end(b, end)
            } else {
                find_close(b, end, name)
            };
            let close_end = memchr::memchr(b'>', &b[close..]).map_or(b.len(), |q| close + q + 1);
            f(start..close_end, Tag::Script);
            i = close_end;
            continue;
        }
        f(start..end, tag);
        i = end;
        if tag == Tag::Open && matches!(name, b"textarea" | b"title") {
            i = find_close(b, end, name);
        }
    }
}

/// Where the `</script` that ends a script's raw text starts (or the end of
/// `b`), following the tokeniser's escape states: after `<!--`, a nested
/// `<script` makes the next `</script` part of the text, up to `-->`.
fn script_end(b: &[u8], from: usize) -> usize {
    let close = find_close(b, from, b"script");
    if memchr::memmem::find(&b[from..close], b"<!--").is_none() {
        return close;
    }
    #[derive(PartialEq)]
    enum State {
        Data,
        Escaped,
        DoubleEscaped,
    }
    let tag_at = |i: usize, end: bool| {
        let name_at = i + 1 + usize::from(end);
        (!end || b.get(i + 1) == Some(&b'/'))
            && b.len() > name_at + 6
            && b[name_at..name_at + 6].eq_ignore_ascii_case(b"script")
            && matches!(
                b[name_at + 6],
                b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'
            )
    };
    let mut state = State::Data;
    let mut i = from;
    while let Some(p) = memchr::memchr2(b'<', b'-', &b[i.min(b.len())..]) {
        i += p;
        let rest = &b[i..];
        match state {
            State::Data if rest.starts_with(b"<!--") => {
                state = State::Escaped;
                i += 4;
                continue;
            }
            State::Data | State::Escaped if tag_at(i, true) => return i,
            State::Escaped | State::DoubleEscaped if rest.starts_with(b"-->") => {
                state = State::Data;
                i += 3;
                continue;
            }
            State::Escaped if tag_at(i, false) => state = State::DoubleEscaped,
            State::DoubleEscaped if tag_at(i, true) => state = State::Escaped,
            _ => {}
        }
        i += 1;
    }
    b.len()
}

/// Where the closing tag `</name` (ASCII case ignored) starts at or after
/// `from`, or the end of `b`.
fn find_close(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut at = from;
    while let Some(p) = memchr::memchr(b'<', &b[at.min(b.len())..]) {
        let lt = at + p;
        let after = &b[lt + 1..];
        // `</name` ends the raw text only where the name ends.
        if after.first() == Some(&b'/')
            && after.len() > name.len()
            && after[1..=name.len()].eq_ignore_ascii_case(name)
            && after
                .get(name.len() + 1)
                .is_none_or(|&c| c == b'>' || c == b'/' || c.is_ascii_whitespace())
        {
            return lt;
        }
        at = lt + 1;
    }
    b.len()
}

/// What the parser gets: `html` without its `script` and `style` elements
/// (they never hold page text, and the tokeniser steps through their raw
/// text a character at a time), and with elements nested deeper than
/// [`MAX_DEPTH`] flattened. Borrowed when there is nothing to change.
fn prepare(html: &str) -> std::borrow::Cow<'_, str> {
    // One scan: the ranges to cut, then one copy without them.
    let mut cuts: Vec<std::ops::Range<usize>> = Vec::new();
    let mut depth = 0usize;
    scan_tags(html, |r, t| {
        let cut = match t {
            Tag::Open => {
                depth += 1;
                depth > MAX_DEPTH
            }
            Tag::Close => {
                let d = depth;
                depth = depth.saturating_sub(1);
                d > MAX_DEPTH
            }
            Tag::Other => false,
            Tag::Script => true,
        };
        if cut {
            cuts.push(r);
        }
    });
    if cuts.is_empty() {
        return std::borrow::Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut last = 0;
    for r in cuts {
        out.push_str(&html[last..r.start]);
        last = r.end;
    }
    out.push_str(&html[last..]);
    std::borrow::Cow::Owned(out)
}

/// Post-order accumulation: a closed element's totals go to its parent.
fn close(elems: &mut [ElemStat], c: &Ctx) {
    let done = elems[c.id as usize];
    let p = &mut elems[c.parent as usize];
    p.chars += done.chars;
    p.link_chars += done.link_chars;
    p.paragraphs += done.paragraphs;
}

/// Converts an HTML document into lines and their DOM features.
pub(crate) fn convert(html: &str) -> HtmlPage {
    let doc = Html::parse_document(&prepare(html));
    let mut b = Builder {
        out: HtmlPage::default(),
        line: Line {
            space: true,
            ..Line::default()
        },
        // Element 0 is the document (the root context).
        elems: vec![ElemStat::default()],
        containers: Vec::new(),
    };
    let mut stack: Vec<Ctx> = vec![Ctx::default()];
    // Depth of dropped subtrees we are inside (0: visible).
    let mut dropped = 0u32;
    for edge in doc.root_element().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let name = e.name();
                    if dropped > 0 || is_dropped_tag(name) {
                        dropped += 1;
                        continue;
                    }
                    let (hidden, attr_bits) = scan_attrs(e);
                    if hidden {
                        dropped += 1;
                        continue;
                    }
                    let top = *stack.last().expect("root context");
                    let is_block = is_block(name);
                    if is_block {
                        b.flush();
                    }
                    let id = b.elems.len() as u32;
                    b.elems.push(ElemStat {
                        paragraphs: u32::from(name == "p"),
                        ..ElemStat::default()
                    });
                    let (block, block_parent, block_grand) = if is_block {
                        (id, top.block, top.block_parent)
                    } else {
                        (top.block, top.block_parent, top.block_grand)
                    };
                    let ctx = Ctx {
                        id,
                        parent: top.id,
                        block,
                        block_parent,
                        block_grand,
                        bits: top.bits | element_bits(name, attr_bits),
                        depth: top.depth + 1,
                        pre: top.pre || name == "pre",
                        link: top.link || name == "a",
                        is_block,
                    };
                    stack.push(ctx);
                    if matches!(name, "td" | "th") {
                        b.text(" ", &ctx);
                    }
                }
                Node::Text(t) if dropped == 0 => {
                    let ctx = *stack.last().expect("root context");
                    b.text(t, &ctx);
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(_) = node.value() {
                    if dropped > 0 {
                        dropped -= 1;
                        continue;
                    }
                    // Every element not dropped pushed its context.
                    if stack.len() > 1 {
                        let c = stack.pop().expect("more than the root");
                        close(&mut b.elems, &c);
                        if c.is_block {
                            b.flush();
                        }
                    }
                }
            }
        }
    }
    b.flush();
    // Elements left open (the root context's children) are already
    // counted; the document total is element 0 plus what is still open.
    while stack.len() > 1 {
        let c = stack.pop().expect("more than the root");
        close(&mut b.elems, &c);
    }
    let total = b.elems[0].chars.max(1) as f32;
    for (f, &(parent, grand)) in b.out.dom.iter_mut().zip(&b.containers) {
        for (k, id) in [(F_PARENT, parent), (F_GRAND, grand)] {
            let e = b.elems[id as usize];
            f[k] = e.chars as f32 / total;
            f[k + 1] = if e.chars > 0 {
                e.link_chars as f32 / e.chars as f32
            } else {
                0.0
            };
            f[k + 2] = (1.0 + e.paragraphs as f32).ln();
        }
    }
    b.out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(html: &str) -> Vec<String> {
        convert(html).text.lines().map(str::to_string).collect()
    }

    #[test]
    fn blocks_become_lines() {
        let html = "<html><head><title>T</title><style>p{}</style></head><body>\
            <nav class='main-menu'><a href='/'>Home</a> <a href='/n'>News</a></nav>\
            <h1>The &amp; headline</h1><p>First   para with <b>bold</b>\ntext.</p>\
            <script>var x = 1;</script><div hidden>secret</div>\
            <ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table>\
            <p>line<br>break</p></body></html>";
        assert_eq!(
            lines(html),
            [
                "Home News",
                "The & headline",
                "First para with bold text.",
                "one",
                "two",
                "a b",
                "line",
                "break"
            ]
        );
        let p = convert(html);
        let nav = &p.dom[0];
        assert_eq!(nav[F_LINK_DENSITY], 1.0);
        assert_eq!(nav[F_IN_NAV], 1.0);
        assert_eq!(nav[CLS0], 1.0, "class main-menu is a nav word");
        assert_eq!(p.dom[1][F_HEADING], 1.0);
        assert_eq!(p.dom[2][F_P], 1.0);
        // The paragraphs' container is the body: most of the text, two
        // paragraphs.
        assert!(p.dom[2][F_PARENT] > 0.5);
        assert_eq!(p.dom[2][F_PARENT + 2], 3f32.ln());
    }

    #[test]
    fn tags_are_scanned() {
        let mut tags = Vec::new();
        let html = "<p a='>'>x<br/><!-- <b> --><script>if (a<b) {}</script></p><img src=x>";
        scan_tags(html, |r, t| {
            tags.push((&html[r], t == Tag::Open, t == Tag::Close))
        });
        assert_eq!(
            tags,
            [
                ("<p a='>'>", true, false),
                ("<br/>", false, false),
                ("<script>if (a<b) {}</script>", false, false),
                ("</p>", false, true),
                ("<img src=x>", false, false),
            ]
        );
        let deep = "<b>".repeat(300) + "x" + &"</b>".repeat(300);
        let capped = prepare(&deep);
        assert_eq!(capped.matches("<b>").count(), MAX_DEPTH);
        assert_eq!(capped.matches("</b>").count(), MAX_DEPTH);
        assert!(matches!(prepare("<p>x</p>"), std::borrow::Cow::Borrowed(_)));
        assert_eq!(
            prepare(
                "a<SCRIPT type=x>if (a</b) {}</scripts></Script >b<style>p{}</style>c<script>d"
            ),
            "abc"
        );
        // The tokeniser's escape states: the nested script is text.
        assert_eq!(
            prepare("a<script><!-- w('<script>x</script>'); --></script>b"),
            "ab"
        );
        assert_eq!(prepare("a<script><!-- x --></script>b"), "ab");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(100_000) + "deep text" + &"</div>".repeat(100_000);
        let p = convert(&html);
        assert!(p.text.contains("deep text"));
    }
}
