//! The tree builder's rules: the events a document's tokens make, as the
//! standard's tree construction would have them, without building a tree.
//!
//! [`build`] reads a document with the tokeniser and drives a [`Sink`]:
//! an element opens (with its attributes), an open element closes, text
//! comes. The model of the stack of open elements (`stack`) says what
//! each tag opens and closes: the end tags the standard implies, end tags
//! ignored, the `tbody` and `tr` it inserts, a table's part closing what
//! is open in the part of the table it goes in, a form inside a form, a
//! `<select>` inside a select (and an `input` ending one), formatting
//! elements closed by a block, the namespaces of svg and MathML (an HTML
//! element such as `<p>` or `<div>` ends foreign content; its
//! integration points hold HTML and bound the scope of a search). The
//! rules of single tokens are here: `<image>` is `<img>`; `</br>` is a
//! line break; a `</p>` with no paragraph open makes an empty one (a line
//! break); a second `<html>` or `<body>` adds its attributes to the
//! element the builder already has; a void element, a form straight in a
//! table, or a self-closing tag in `svg` or `math` (or `<svg/>` and
//! `<math/>` themselves), opens and closes at once; a `frameset` before
//! any body content replaces the body; a document without a modern
//! doctype is in quirks mode (a table does not end a paragraph).
//!
//! Another event source (a walk of a parsed DOM) drives the same [`Sink`],
//! so what the sink makes of the events is computed one way.
//!
//! # What is not modelled
//!
//! The sink sees the elements of the standard's tree except for these
//! differences, kept on purpose (they cost a tree, or change nothing a
//! reader sees for the blocks of a page). The tests hold the front end to
//! html5ever's tree and to the standard's own cases
//! (`tests/integration/{dom,html5lib}.rs`, the fuzz target `html_tree`):
//! no text is lost or added but for the cases listed there, all of them
//! these.
//! - **No foster parenting**: text and elements misplaced in a table stay
//!   where they are written, in the table, instead of moving before it.
//!   The words stay; their order and line breaks may differ (and under a
//!   hidden table, misplaced text stays hidden).
//! - **Formatting elements are not reopened**: a `<b>` or `<a>` closed by
//!   a block is counted (for the depth cap) but not opened again in the
//!   blocks after it, so link text after a block that closed its `<a>` is
//!   not link text. The adoption agency (a block moved out of a
//!   misnested formatting element) is modelled only where it shows text:
//!   when the formatting element hides what it holds.
//! - **Insertion modes are followed only where they change the blocks**:
//!   `head` content, a `<title>` in the body and `template` contents are
//!   dropped by the sink anyway.
//! - **Scripting is on**, as in a browser: `noscript` content is raw
//!   text, not shown.
//! - **Raw text**: `xmp`, `noembed`, `noframes`, `iframe`, `noscript`,
//!   `textarea`, `title` and `style` content (outside svg and MathML) is
//!   stepped over by the tokeniser (none of it is page text), `plaintext`
//!   makes the rest of the document text.
//! - **Tokeniser corners**: CDATA outside foreign content is a bogus
//!   comment; attributes of end tags are ignored; a NUL character is
//!   dropped (in `plaintext` too, where the standard makes it U+FFFD).
//! - **Depth**: start tags that would nest deeper than 256 elements, and
//!   formatting elements past 8 open or lingering, are ignored (their
//!   text stays), so that any document is read in linear time.

mod stack;

use crate::html::refs::decode;
use crate::html::scan::{Attrs, Token, is_space, scan};
use crate::html::tags::{breaks_out, ends_frameset_ok, is_formatting, is_void};
#[cfg(feature = "scraper")]
pub(super) use stack::MAX_DEPTH;
use stack::{Change, Nesting};

/// The attributes of an element, as an event source has them.
pub(super) trait Attributes {
    /// Whether the values come with their character references
    /// unresolved (the tokeniser's) rather than resolved (a DOM's).
    const RAW: bool;

    /// Calls `f` with every attribute's name (as written: compare it
    /// without case) and value, in order; of a repeated name, the first
    /// is the element's (later ones may come too).
    fn each<'a>(&'a self, f: impl FnMut(&'a str, &'a str));
}

impl Attributes for Attrs<'_> {
    const RAW: bool = true;

    fn each<'a>(&'a self, f: impl FnMut(&'a str, &'a str)) {
        Attrs::each(self, f);
    }
}

/// What the tree builder's events go to: the elements of the document's
/// tree, opened and closed in document order, and its text.
pub(super) trait Sink {
    /// An element `name` (ASCII lowercase) opens inside the innermost
    /// open one.
    fn open(&mut self, name: &[u8], attrs: &impl Attributes);

    /// The open element at index `at` closes (index 0 is the outermost
    /// inside `body`; one past the innermost is a void element just
    /// opened). Elements above it stay open when it is not the innermost
    /// (the builder takes a `form` or an `a` out from under others).
    fn close(&mut self, at: usize);

    /// Text, its character references resolved, inside the innermost open
    /// element.
    fn text(&mut self, text: &str);

    /// Whether text inside the innermost open element is read at all (a
    /// sink drops what hidden elements hold): the driver resolves the
    /// character references of text only for a sink that reads it.
    fn reads_text(&self) -> bool;

    /// The attributes of an `<html>` (`body: false`) or `<body>` start
    /// tag: the builder adds them to the element it always has.
    fn root_attrs(&mut self, body: bool, attrs: &impl Attributes);

    /// An element with no content ends the line here (`</br>`, and a
    /// `</p>` with no paragraph open, which make a `br` and an empty `p`).
    fn line_break(&mut self);

    /// Whether the open element at index `at` hides what it holds (it is
    /// hidden, its parent is not).
    fn hides(&self, at: usize) -> bool;

    /// How many elements are open inside `body`, as the sink counts them:
    /// the driver checks in debug builds that it follows the events.
    fn depth(&self) -> usize;
}

/// The tree builder's state while the tokeniser reads a document.
struct Tree<'s, S> {
    /// The document.
    html: &'s str,
    sink: &'s mut S,
    nesting: Nesting,
    /// Scratch for text with character references.
    decoded: String,
    /// Whether a `frameset` may still replace the body: no text and no
    /// element that rules it out has come yet.
    frameset_ok: bool,
    /// A frameset replaced the body: the rest is not read.
    frameset: bool,
}

/// Reads `html` and sends its elements and text to `sink`, showing
/// `observe` every token first.
pub(super) fn build(html: &str, sink: &mut impl Sink, mut observe: impl FnMut(&Token<'_, '_>)) {
    let mut tree = Tree {
        html,
        sink,
        nesting: Nesting::default(),
        decoded: String::new(),
        frameset_ok: true,
        frameset: false,
    };
    tree.nesting.quirks = quirks(html);
    scan(html, |t| {
        observe(&t);
        tree.token(t)
    });
}

/// The value of a start tag's attribute `name` (the first of that name),
/// raw.
fn attr<'a>(attrs: &'a Attrs<'_>, name: &str) -> Option<&'a str> {
    let mut value = None;
    attrs.each(|n, v| {
        if value.is_none() && n.eq_ignore_ascii_case(name) {
            value = Some(v);
        }
    });
    value
}

/// Whether a document is read in quirks mode: it does not start with a
/// doctype (past whitespace and comments), or its doctype is not `html`
/// or names an old public text. The standard's list of old texts is
/// long; this keeps the modern ones (none, XHTML, HTML 4.01 with a system
/// identifier, HTML 4.0 strict) and takes the rest for old.
pub(super) fn quirks(html: &str) -> bool {
    let mut rest = html.trim_start_matches('\u{feff}');
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii() && is_space(c as u8));
        if let Some(r) = rest.strip_prefix("<!--") {
            match r.find("-->") {
                Some(end) => rest = &r[end + 3..],
                None => return true,
            }
        } else if rest.starts_with("<?") {
            match rest.find('>') {
                Some(end) => rest = &rest[end + 1..],
                None => return true,
            }
        } else {
            break;
        }
    }
    let Some(head) = rest.get(..9) else {
        return true;
    };
    if !head.eq_ignore_ascii_case("<!doctype") {
        return true;
    }
    let doctype = &rest[9..rest.find('>').unwrap_or(rest.len())];
    let mut words = doctype.split_ascii_whitespace();
    if !words.next().is_some_and(|n| n.eq_ignore_ascii_case("html")) {
        return true;
    }
    let mut quoted = doctype.split(['"', '\'']).skip(1).step_by(2);
    let keyword = words.next().unwrap_or("");
    if !keyword.eq_ignore_ascii_case("public") {
        // `<!DOCTYPE html>`, or a system identifier alone.
        return false;
    }
    let public = quoted.next().unwrap_or("").to_ascii_lowercase();
    let system = quoted.next().is_some();
    let modern = public.is_empty()
        || public.starts_with("-//w3c//dtd xhtml")
        || (public.starts_with("-//w3c//dtd html 4.01")
            && (system || !public.contains("transitional") && !public.contains("frameset")))
        || public.starts_with("-//w3c//dtd html 4.0//");
    !modern
}

impl<S: Sink> Tree<'_, S> {
    /// Reads a token; for a start tag, whether a raw-text element's
    /// content is read as raw text (not so for an element of svg or
    /// MathML, or a tag the builder ignores).
    fn token(&mut self, token: Token<'_, '_>) -> bool {
        let raw = self.read(token);
        debug_assert_eq!(
            self.sink.depth(),
            self.nesting.len(),
            "the sink follows the stack"
        );
        raw
    }

    fn read(&mut self, token: Token<'_, '_>) -> bool {
        if self.frameset {
            // A frameset document shows no text.
            return false;
        }
        match token {
            Token::Text(t) => {
                if self.frameset_ok && !t.bytes().all(is_space) {
                    self.frameset_ok = false;
                }
                if !self.sink.reads_text() {
                    return true;
                }
                if t.contains('&') {
                    self.decoded.clear();
                    decode(t, false, &mut self.decoded);
                    self.sink.text(&self.decoded);
                } else {
                    self.sink.text(t);
                }
            }
            Token::Start {
                name,
                attrs,
                self_closing,
                text,
            } => {
                if self.nesting.in_foreign(name) {
                    let font = name == b"font"
                        && ["color", "face", "size"]
                            .iter()
                            .any(|a| attr(&attrs, a).is_some());
                    if !(breaks_out(name) || font) {
                        // An `annotation-xml` whose encoding is HTML holds
                        // HTML.
                        let point = name == b"annotation-xml"
                            && attr(&attrs, "encoding").is_some_and(|e| {
                                e.eq_ignore_ascii_case("text/html")
                                    || e.eq_ignore_ascii_case("application/xhtml+xml")
                            });
                        self.open_foreign(name, &attrs, self_closing, point);
                        return false;
                    }
                    // An HTML element ends the svg or MathML it is in.
                    self.nesting.break_out();
                    self.follow(name, &Attrs::EMPTY);
                }
                let name = if name == b"image" { b"img" } else { name };
                if matches!(name, b"html" | b"body") {
                    self.frameset_ok &= name == b"html";
                    self.sink.root_attrs(name == b"body", &attrs);
                    return true;
                }
                if name == b"frameset" {
                    if self.frameset_ok {
                        // A frameset before any body content replaces
                        // the body, and nothing after it is shown.
                        self.nesting.close_all();
                        self.follow(name, &Attrs::EMPTY);
                        self.frameset = true;
                    }
                    return false;
                }
                if self.frameset_ok
                    && ends_frameset_ok(name)
                    && !(name == b"input"
                        && attr(&attrs, "type").is_some_and(|t| t.eq_ignore_ascii_case("hidden")))
                {
                    self.frameset_ok = false;
                }
                if matches!(name, b"svg" | b"math") {
                    self.open_foreign(name, &attrs, self_closing, false);
                    return false;
                }
                if is_void(name) || (name == b"form" && self.nesting.form_in_table()) {
                    // Opened and closed at once (a form straight in a table
                    // holds nothing).
                    self.nesting.void(name);
                    self.follow(name, &Attrs::EMPTY);
                    self.sink.open(name, &attrs);
                    self.sink.close(self.nesting.len());
                    return true;
                }
                let tag = if is_formatting(name) {
                    crate::hash::hash_bytes(text.as_bytes())
                } else {
                    0
                };
                if name == b"a" {
                    self.adopt(b"a");
                }
                // A tag ignored for depth may still have closed elements
                // (its log has no push then).
                self.nesting.open(name, tag, attrs.span_in(self.html));
                self.follow(name, &attrs);
            }
            Token::End { name } => {
                if name == b"br" {
                    // `</br>` is read as `<br>` (its end tag ends svg or
                    // MathML, as `</p>` does).
                    self.nesting.close(name);
                    self.follow(name, &Attrs::EMPTY);
                    self.sink.line_break();
                    return true;
                }
                if !self.sink.reads_text() && is_formatting(name) && self.adopt(name) {
                    return true;
                }
                self.nesting.close(name);
                if name == b"p" && self.nesting.log.is_empty() {
                    // A `</p>` with no paragraph open makes an empty one.
                    self.sink.line_break();
                }
                self.follow(name, &Attrs::EMPTY);
            }
        }
        true
    }

    /// The adoption agency of the tree builder where it changes what a
    /// reader sees: a formatting element `name` (a link a new `<a>` ends,
    /// or the element of an end tag) that hides what it holds, and holds a
    /// block. The builder moves the block out, so what follows in the
    /// block shows (what it held before stays hidden): the element closes
    /// with all it holds, and the block opens again where it was. Whether
    /// it did.
    fn adopt(&mut self, name: &[u8]) -> bool {
        if self.sink.reads_text() {
            // What is open shows: no open element hides what it holds.
            return false;
        }
        let Some((a, block)) = self.nesting.formatting_with_block(name) else {
            return false;
        };
        if !self.sink.hides(a) {
            return false;
        }
        let (n, len, span) = self.nesting.move_out(a, block);
        self.follow(&n[..len], &Attrs::at(self.html, span));
        true
    }

    /// An element of svg or MathML; a self-closing one opens and closes
    /// at once.
    fn open_foreign(&mut self, name: &[u8], attrs: &Attrs<'_>, self_closing: bool, point: bool) {
        if self_closing {
            self.sink.open(name, attrs);
            self.sink.close(self.nesting.len());
        } else {
            self.nesting.open_foreign(name, point);
            self.follow(name, attrs);
        }
    }

    /// Sends the changes the last tag made to the stack to the sink; a
    /// push opens `name` with `attrs`.
    fn follow(&mut self, name: &[u8], attrs: &impl Attributes) {
        // The stack's length before the changes (a pop closes the element
        // at the top).
        let mut len = self.nesting.len();
        for c in &self.nesting.log {
            match c {
                Change::Pop | Change::Remove(_) => len += 1,
                Change::Push | Change::Implied(_) => len -= 1,
            }
        }
        for k in 0..self.nesting.log.len() {
            match self.nesting.log[k] {
                Change::Pop => {
                    len -= 1;
                    self.sink.close(len);
                }
                Change::Remove(i) => {
                    len -= 1;
                    self.sink.close(i);
                }
                Change::Push => {
                    len += 1;
                    self.sink.open(name, attrs);
                }
                Change::Implied(n) => {
                    len += 1;
                    self.sink.open(n, &Attrs::EMPTY);
                }
            }
        }
        self.nesting.log.clear();
    }
}
