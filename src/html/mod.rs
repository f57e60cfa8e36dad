//! HTML input: the document turned into the same line blocks the text
//! pipeline scores, each with DOM features ([`Dom`]).
//!
//! No tree is built: the tokeniser ([`scan`]) reads the document once, a
//! model of the tree builder's stack of open elements ([`nesting`]) says
//! which elements each tag opens and closes (the end tags the standard
//! implies included), and the converter keeps a context per open element,
//! so 100,000 nested elements cost neither stack nor quadratic time.
//! `script`, `style`, `noscript`, `template`, `head`, `title`, `svg`,
//! `iframe`, form controls' option lists and hidden elements (`hidden`,
//! `aria-hidden="true"`, inline `display:none`/`visibility:hidden`) are
//! dropped with what they hold. Block-level elements (paragraphs,
//! headings, list items, table rows, `div`, `br`, …) end a line;
//! whitespace runs become one space (inside `pre`, newlines end lines);
//! character references are resolved.

mod class;
mod nesting;
mod scan;
mod units;

use crate::feature::{Dom, DomRow};
use crate::math::{flag, ln1};
use class::{MAX_TOKEN, token_bits};
use nesting::{Change, Nesting, is_formatting, is_void};
use scan::{Attrs, Token, decode, scan};
use units::PageTypes;

/// The DOM features that are flags, set by an element or an ancestor:
/// feature `f` is bit `f as usize` of a line's bits.
const FLAGS: [Dom; 21] = [
    Dom::Heading,
    Dom::H1H2,
    Dom::P,
    Dom::Li,
    Dom::Cell,
    Dom::QuotePre,
    Dom::Caption,
    Dom::Form,
    Dom::InNav,
    Dom::ClsNav,
    Dom::ClsFooter,
    Dom::ClsSide,
    Dom::ClsComment,
    Dom::ClsRelated,
    Dom::ClsShare,
    Dom::ClsAd,
    Dom::ClsCookie,
    Dom::ClsContent,
    Dom::InArticle,
    Dom::ClsMeta,
    Dom::ClsTitle,
];

/// Characters inside links over all characters; 0 without text.
fn density(link: u64, all: u64) -> f32 {
    if all > 0 {
        link as f32 / all as f32
    } else {
        0.0
    }
}

/// The bit of a flag feature.
const fn bit(f: Dom) -> u32 {
    1 << f as u32
}

/// A page converted from HTML: its lines (one block a line, no blank
/// lines), the DOM features of each, and the shape of each (for Markdown).
#[derive(Debug, Default)]
pub(crate) struct HtmlPage {
    pub text: String,
    pub dom: Vec<DomRow>,
    pub shapes: Shapes,
}

/// What kind of block a line is, as Markdown would write it: set by the
/// line's nearest heading, list item, table row or quote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Shape {
    #[default]
    Para,
    /// `h1` … `h6`: the level.
    Heading(u8),
    /// `li`, `dt`, `dd`.
    Item,
    Quote,
    /// A table row whose cells are inline: `table` tells the rows of one
    /// table from those of the next; the cells start at the byte offsets
    /// `cells` (a range of [`Shapes::cells`]) of the line.
    Row {
        table: u32,
        cells: (u32, u32),
    },
}

/// The shapes of a page's lines, one per line.
#[derive(Debug, Default)]
pub(crate) struct Shapes {
    pub lines: Vec<Shape>,
    /// The cell offsets of every row, rows after rows.
    pub cells: Vec<u32>,
}

impl Shapes {
    /// The cells of row line `i`'s text `text` (trimmed); one cell for a
    /// line that is not a row.
    pub fn cells_of<'t>(
        &self,
        i: usize,
        text: &'t str,
    ) -> impl Iterator<Item = &'t str> + use<'t, '_> {
        let starts: &[u32] = match self.lines.get(i) {
            Some(Shape::Row { cells: (a, b), .. }) => &self.cells[*a as usize..*b as usize],
            _ => &[],
        };
        let bound = |k: usize| -> usize {
            match k {
                0 => 0,
                _ if k < starts.len() => (starts[k] as usize).min(text.len()),
                _ => text.len(),
            }
        };
        (0..starts.len().max(1)).map(move |k| {
            let (a, b) = (bound(k), bound(k + 1).max(bound(k)));
            text.get(a..b).unwrap_or("").trim()
        })
    }
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
    /// The shape of the lines inside, and the innermost table.
    shape: Shape,
    table: u32,
    /// The element is dropped, or inside one that is: nothing in it is
    /// page text.
    dropped: bool,
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
            | "title"
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
/// `visibility:hidden`), a hash of its class (for the repeated units, see
/// [`units`]), and the class-word bits (see [`class`]) of its class, id,
/// role and itemprop words. Values are read with their character
/// references resolved; of a repeated attribute, the first counts (as the
/// tree builder keeps it).
fn scan_attrs(attrs: &Attrs<'_>, buf: &mut String, style: &mut String) -> (bool, u32, u64) {
    const NAMES: [&str; 7] = [
        "hidden",
        "class",
        "id",
        "role",
        "itemprop",
        "aria-hidden",
        "style",
    ];
    let (mut hidden, mut bits, mut class) = (false, 0u32, 0u64);
    let mut seen = 0u8;
    attrs.each(|name, raw| {
        if !(2..=11).contains(&name.len()) {
            return;
        }
        let Some(k) = NAMES.iter().position(|n| name.eq_ignore_ascii_case(n)) else {
            return;
        };
        if seen & (1 << k) != 0 {
            return;
        }
        seen |= 1 << k;
        let is = |n: &str| NAMES[k] == n;
        if is("hidden") {
            hidden = true;
            return;
        }
        let value = if raw.contains('&') {
            buf.clear();
            decode(raw, true, buf);
            buf.as_str()
        } else {
            raw
        };
        if is("aria-hidden") {
            hidden |= value == "true";
        } else if is("style") {
            // Without whitespace, ASCII lowercased.
            let mut s = std::mem::take(style);
            s.clear();
            for c in value.chars().filter(|c| !c.is_whitespace()) {
                s.push(c.to_ascii_lowercase());
            }
            hidden |= s.contains("display:none") || s.contains("visibility:hidden");
            *style = s;
        } else {
            if is("class") {
                class = class_hash(value);
            }
            for tok in value.as_bytes().split(|c| !c.is_ascii_alphanumeric()) {
                if !tok.is_empty() && tok.len() <= MAX_TOKEN {
                    bits |= token_bits(tok);
                }
            }
        }
    });
    (hidden, bits, class)
}

/// A hash of a `class` value without its digits, so that `post post-17`
/// and `post post-18` are one kind of element.
fn class_hash(value: &str) -> u64 {
    let mut buf = [0u8; 64];
    let mut n = 0;
    for &c in value.as_bytes().iter().filter(|c| !c.is_ascii_digit()) {
        if n == buf.len() {
            break;
        }
        buf[n] = c;
        n += 1;
    }
    crate::hash::hash_bytes(&buf[..n])
}

/// The bits an element sets for the lines inside it: those of its tag
/// `name`, and `attr_bits` from its attributes.
fn element_bits(name: &str, attr_bits: u32) -> u32 {
    let mut bits = attr_bits;
    bits |= match name {
        "h1" | "h2" => bit(Dom::Heading) | bit(Dom::H1H2),
        "h3" | "h4" | "h5" | "h6" => bit(Dom::Heading),
        "p" => bit(Dom::P),
        "li" | "dt" | "dd" => bit(Dom::Li),
        "td" | "th" | "tr" => bit(Dom::Cell),
        "blockquote" | "pre" => bit(Dom::QuotePre),
        "figure" | "figcaption" | "caption" => bit(Dom::Caption),
        "form" | "button" | "label" | "input" | "fieldset" | "legend" => bit(Dom::Form),
        "nav" | "header" | "footer" | "aside" | "menu" => bit(Dom::InNav),
        "article" | "main" => bit(Dom::InArticle),
        _ => 0,
    };
    bits
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
    /// The container elements: the parent and grandparent of the line's
    /// innermost block element (see [`Dom::ParentShare`]).
    parent: u32,
    grand: u32,
    /// The innermost element of the line's first visible character.
    elem: u32,
    shape: Shape,
}

struct Builder {
    out: HtmlPage,
    line: Line,
    elems: Vec<ElemStat>,
    /// Per element: its parent and signature.
    nodes: Vec<units::Node>,
    /// Per emitted line: its (parent, grandparent) container and its
    /// innermost element.
    containers: Vec<(u32, u32, u32)>,
    /// Where the cells of the line being built start (byte offsets).
    line_cells: Vec<u32>,
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
        let lead = line.text.len() - line.text.trim_start().len();
        // A line of invisible characters only is blank (as `segment`
        // says), so the lines and the DOM rows stay one to one.
        let empty = !line.visible;
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
            self.line_cells.clear();
            return;
        }
        let shape = match line.shape {
            Shape::Row { table, .. } => {
                let cells = &mut self.out.shapes.cells;
                let a = cells.len() as u32;
                // Offsets in the trimmed line; the first cell starts at 0.
                cells.extend(
                    self.line_cells
                        .iter()
                        .map(|&c| (c as usize).saturating_sub(lead) as u32)
                        .filter(|&c| c > 0),
                );
                cells.insert(a as usize, 0);
                Shape::Row {
                    table,
                    cells: (a, cells.len() as u32),
                }
            }
            s => s,
        };
        self.line_cells.clear();
        self.out.shapes.lines.push(shape);
        let mut f = DomRow::unset();
        for k in FLAGS {
            f[k] = flag(line.bits & bit(k) != 0);
        }
        let density = density(line.link_chars.into(), line.chars.into());
        f[Dom::LinkDensity] = density;
        f[Dom::AllLink] = flag(density >= 0.9);
        f[Dom::LnDepth] = ln1(line.depth as f32);
        self.out.dom.push(f);
        self.containers.push((line.parent, line.grand, line.elem));
    }

    /// Appends text run `s`, read in context `ctx`: whitespace and
    /// control runs become one space (a newline ends the line inside
    /// `pre`); runs of printable ASCII are copied whole.
    fn text(&mut self, s: &str, ctx: &Ctx) {
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if b[i].is_ascii_graphic() {
                let run = b[i..]
                    .iter()
                    .position(|c| !c.is_ascii_graphic())
                    .unwrap_or(b.len() - i);
                self.visible(ctx, &s[i..i + run], run as u32);
                i += run;
                continue;
            }
            let c = if b[i].is_ascii() {
                char::from(b[i])
            } else {
                s[i..].chars().next().expect("a char boundary")
            };
            i += c.len_utf8();
            if c == '\n' && ctx.pre {
                self.flush();
            } else if c.is_whitespace() || c.is_control() {
                if !self.line.space {
                    self.line.text.push(' ');
                    self.line.space = true;
                }
            } else {
                let at = i - c.len_utf8();
                self.visible(ctx, &s[at..i], 1);
            }
        }
    }

    /// Appends `run` (`chars` characters, none a space or control).
    fn visible(&mut self, ctx: &Ctx, run: &str, chars: u32) {
        if !self.line.visible && run.chars().any(|c| !crate::segment::is_invisible(c)) {
            // The line's first visible character fixes its context.
            self.line.visible = true;
            self.line.bits = ctx.bits;
            self.line.depth = ctx.depth;
            self.line.parent = ctx.block_parent;
            self.line.grand = ctx.block_grand;
            self.line.elem = ctx.id;
            self.line.shape = ctx.shape;
        }
        let e = &mut self.elems[ctx.id as usize];
        e.chars += chars;
        if ctx.link {
            e.link_chars += chars;
        }
        self.line.text.push_str(run);
        self.line.space = false;
        self.line.chars += chars;
        if ctx.link {
            self.line.link_chars += chars;
        }
    }
}

/// Post-order accumulation: a closed element's totals go to its parent.
fn close(elems: &mut [ElemStat], c: &Ctx) {
    let done = elems[c.id as usize];
    let p = &mut elems[c.parent as usize];
    p.chars += done.chars;
    p.link_chars += done.link_chars;
    p.paragraphs += done.paragraphs;
}

/// The contexts below the model of the builder's stack: the document's,
/// `html`'s and `body`'s (the builder always makes those two).
const BASE: usize = 3;

/// The converter's state while the tokeniser reads a document: the line
/// builder, a context per open element (in step with the model of the
/// builder's stack, after [`BASE`] contexts), and that model.
struct Convert {
    b: Builder,
    stack: Vec<Ctx>,
    nesting: Nesting,
    /// Scratch for decoded text and attribute values, and styles.
    decoded: String,
    attr: String,
    style: String,
}

impl Convert {
    /// Opens an element `name` with its attributes.
    fn open(&mut self, name: &[u8], attrs: &Attrs<'_>) {
        let top = *self.stack.last().expect("root context");
        // Tag names are ASCII here or match nothing below.
        let name = std::str::from_utf8(name).unwrap_or("");
        // Inside a dropped element, a dropped tag, or hidden: nothing in it
        // is page text.
        let visible = !(top.dropped || is_dropped_tag(name));
        let seen = visible.then(|| scan_attrs(attrs, &mut self.attr, &mut self.style));
        let Some((false, attr_bits, class)) = seen else {
            self.stack.push(Ctx {
                dropped: true,
                ..top
            });
            return;
        };
        let b = &mut self.b;
        let is_block = is_block(name);
        if is_block {
            b.flush();
        }
        let id = b.elems.len() as u32;
        b.elems.push(ElemStat {
            paragraphs: u32::from(name == "p"),
            ..ElemStat::default()
        });
        b.nodes.push(units::Node {
            parent: top.id,
            sig: crate::hash::mix(crate::hash::hash_bytes(name.as_bytes()) ^ class),
        });
        let (block, block_parent, block_grand) = if is_block {
            (id, top.block, top.block_parent)
        } else {
            (top.block, top.block_parent, top.block_grand)
        };
        let shape = if is_block {
            match name.as_bytes() {
                [b'h', l @ b'1'..=b'6'] => Shape::Heading(l - b'0'),
                b"li" | b"dt" | b"dd" => Shape::Item,
                b"tr" => Shape::Row {
                    table: top.table,
                    cells: (0, 0),
                },
                b"blockquote" => Shape::Quote,
                // A block inside a cell is a paragraph of its own.
                _ if matches!(top.shape, Shape::Row { .. }) => Shape::Para,
                _ => top.shape,
            }
        } else {
            top.shape
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
            shape,
            table: if name == "table" { id } else { top.table },
            dropped: false,
        };
        self.stack.push(ctx);
        if matches!(name, "td" | "th") {
            b.text(" ", &ctx);
            b.line_cells.push(b.line.text.len() as u32);
        }
    }

    /// Closes the element at `at` in the stack (the top one, or one the
    /// builder takes out from under others).
    fn close(&mut self, at: usize) {
        let c = self.stack.remove(at);
        if c.dropped {
            return;
        }
        close(&mut self.b.elems, &c);
        if let Some(above) = self.stack.get_mut(at) {
            // What the element above holds from now on counts for the
            // closed element's parent.
            if above.parent == c.id {
                above.parent = c.parent;
            }
        }
        if c.is_block {
            self.b.flush();
        }
    }

    /// Follows the changes the last tag made to the builder's stack; a
    /// push opens `name`.
    fn follow(&mut self, name: &[u8], attrs: &Attrs<'_>) {
        for k in 0..self.nesting.log.len() {
            match self.nesting.log[k] {
                Change::Pop => self.close(self.stack.len() - 1),
                Change::Remove(i) => self.close(i + BASE),
                Change::Push => self.open(name, attrs),
                Change::Implied(n) => self.open(n, &Attrs::EMPTY),
            }
        }
        self.nesting.log.clear();
    }

    fn token(&mut self, token: Token<'_, '_>) {
        self.read(token);
        debug_assert_eq!(
            self.stack.len(),
            self.nesting.len() + BASE,
            "the contexts follow the stack"
        );
    }

    fn read(&mut self, token: Token<'_, '_>) {
        const NONE: Attrs<'static> = Attrs::EMPTY;
        match token {
            Token::Text(t) => {
                let ctx = *self.stack.last().expect("root context");
                if ctx.dropped {
                    return;
                }
                if t.contains('&') {
                    self.decoded.clear();
                    decode(t, false, &mut self.decoded);
                    self.b.text(&self.decoded, &ctx);
                } else {
                    self.b.text(t, &ctx);
                }
            }
            Token::Start {
                name,
                attrs,
                self_closing,
                text,
            } => {
                let name = if name == b"image" { b"img" } else { name };
                if let Some(k) = [b"html".as_slice(), b"body"]
                    .iter()
                    .position(|n| *n == name)
                {
                    // The builder adds their attributes to the ones it made.
                    let (_, bits, _) = scan_attrs(&attrs, &mut self.attr, &mut self.style);
                    self.stack[k + 1].bits |= bits;
                    return;
                }
                if is_void(name) || (self_closing && self.nesting.in_foreign()) {
                    // Opened and closed at once.
                    self.nesting.void(name);
                    self.follow(name, &NONE);
                    self.open(name, &attrs);
                    self.close(self.stack.len() - 1);
                    return;
                }
                let tag = if is_formatting(name) {
                    crate::hash::hash_bytes(text.as_bytes())
                } else {
                    0
                };
                // A tag ignored for depth may still have closed elements
                // (its log has no push then).
                self.nesting.open(name, tag);
                self.follow(name, &attrs);
            }
            Token::End { name } => {
                if name == b"br" {
                    // `</br>` is read as `<br>`.
                    self.b.flush();
                    return;
                }
                self.nesting.close(name);
                if name == b"p" && self.nesting.log.is_empty() {
                    // A `</p>` with no paragraph open makes an empty one.
                    self.b.flush();
                }
                self.follow(name, &NONE);
            }
        }
    }
}

/// Converts an HTML document into lines and their DOM features.
pub(crate) fn convert(html: &str) -> HtmlPage {
    let types = PageTypes::of(html);
    let mut c = Convert {
        b: Builder {
            out: HtmlPage::default(),
            line: Line {
                space: true,
                ..Line::default()
            },
            // Element 0 is the document (the root context).
            elems: vec![ElemStat::default()],
            nodes: vec![units::Node::default()],
            containers: Vec::new(),
            line_cells: Vec::new(),
        },
        stack: vec![Ctx::default()],
        nesting: Nesting::default(),
        decoded: String::new(),
        attr: String::new(),
        style: String::new(),
    };
    c.open(b"html", &Attrs::EMPTY);
    c.open(b"body", &Attrs::EMPTY);
    scan(html, |t| c.token(t));
    let Convert {
        mut b, mut stack, ..
    } = c;
    b.flush();
    // Elements left open: their totals go to their parents.
    while stack.len() > 1 {
        let c = stack.pop().expect("more than the root");
        if !c.dropped {
            close(&mut b.elems, &c);
        }
    }
    let total = b.elems[0].chars.max(1) as f32;
    let elems = &b.elems;
    let lines: Vec<u32> = b.containers.iter().map(|c| c.2).collect();
    units::write(
        &b.nodes,
        |e| (elems[e].chars, elems[e].link_chars),
        &lines,
        &mut b.out.dom,
    );
    for (f, &(parent, grand, _)) in b.out.dom.iter_mut().zip(&b.containers) {
        let container = |id: u32| {
            let e = b.elems[id as usize];
            (
                e.chars as f32 / total,
                density(e.link_chars.into(), e.chars.into()),
                ln1(e.paragraphs as f32),
            )
        };
        (
            f[Dom::ParentShare],
            f[Dom::ParentLinkDensity],
            f[Dom::LnParentP],
        ) = container(parent);
        (
            f[Dom::GrandShare],
            f[Dom::GrandLinkDensity],
            f[Dom::LnGrandP],
        ) = container(grand);
        types.write(f);
        debug_assert!(f.is_complete(), "a DOM feature is not written");
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
        assert_eq!(nav[Dom::LinkDensity], 1.0);
        assert_eq!(nav[Dom::InNav], 1.0);
        assert_eq!(nav[Dom::ClsNav], 1.0, "class main-menu is a nav word");
        assert_eq!(p.dom[1][Dom::Heading], 1.0);
        assert_eq!(p.dom[2][Dom::P], 1.0);
        // The paragraphs' container is the body: most of the text, two
        // paragraphs.
        assert!(p.dom[2][Dom::ParentShare] > 0.5);
        assert_eq!(p.dom[2][Dom::LnParentP], 3f32.ln());
    }

    #[test]
    fn repeated_units_are_seen() {
        let post = |k: u32| {
            format!(
                "<div class='post post-{k}'><p>Reply {k}: I had the same problem with the pump, and a new seal fixed it.</p></div>"
            )
        };
        let html = format!(
            "<nav><a href=/a>A</a> <a href=/b>B</a></nav><main>{}{}{}{}</main><footer>Contact us</footer>",
            post(1),
            post(2),
            post(3),
            post(4)
        );
        let p = convert(&html);
        assert_eq!(p.text.lines().count(), 6);
        // The posts: one group of four, most of the page.
        let reply = &p.dom[2];
        assert_eq!(reply[Dom::LnUnits], 5f32.ln());
        assert!(reply[Dom::UnitsShare] > 0.8);
        assert_eq!(reply[Dom::UnitsLinkDensity], 0.0);
        assert!(reply[Dom::UnitsContainerShare] >= reply[Dom::UnitsShare]);
        // The footer is in no group; every line knows the largest group.
        let footer = &p.dom[5];
        assert_eq!(footer[Dom::LnUnits], 0.0);
        assert_eq!(footer[Dom::PageUnitsShare], reply[Dom::UnitsShare]);
        assert_eq!(footer[Dom::PageDiscussion], 0.0);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(100_000) + "deep text" + &"</div>".repeat(100_000);
        let p = convert(&html);
        assert!(p.text.contains("deep text"));
    }
}
