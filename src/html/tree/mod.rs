//! The tree builder's rules: the events a document's tokens make, as the
//! standard's tree construction would have them, without building a tree.
//!
//! [`build`] reads a document with the tokeniser and drives a [`Sink`]:
//! an element opens (with its attributes), an open element closes, text
//! comes. The model of the stack of open elements (`stack`) says what
//! each tag opens and closes: the end tags the standard implies, end tags
//! ignored, the `tbody` and `tr` it inserts, a form inside a form, a
//! `<select>` inside a select, formatting elements closed by a block. The
//! rules of single tokens are here: `<image>` is `<img>`; `</br>` is a
//! line break; a `</p>` with no paragraph open makes an empty one (a line
//! break); a second `<html>` or `<body>` adds its attributes to the
//! element the builder already has; a void element, or a self-closing tag
//! in `svg` or `math` (or `<svg/>` and `<math/>` themselves), opens and
//! closes at once.
//!
//! Another event source (a walk of a parsed DOM) drives the same [`Sink`],
//! so what the sink makes of the events is computed one way.
//!
//! # What is not modelled
//!
//! The sink sees the elements of the standard's tree except for these
//! differences, kept on purpose (they cost a tree, or change nothing a
//! reader sees for the blocks of a page):
//! - **No foster parenting**: text and elements misplaced in a table stay
//!   where they are written, in the table, instead of moving before it.
//! - **Formatting elements are not reopened**: a `<b>` or `<a>` closed by
//!   a block is counted (for the depth cap) but not opened again in the
//!   blocks after it, so link text after a block that closed its `<a>` is
//!   not link text.
//! - **Insertion modes are not followed**: `head` content, a `<title>` in
//!   the body, `template` contents, `frameset` documents and the "in
//!   select" and "in table" token rules are not modelled beyond what the
//!   stack model does; the sink drops `head`, `title` and `template`
//!   content anyway.
//! - **Foreign content** (`svg`, `math`) is not broken out of by HTML
//!   elements such as `<p>` or `<div>` inside it (the sink drops both).
//! - **Raw text**: `xmp`, `noembed`, `noframes`, `iframe`, `noscript`,
//!   `textarea`, `title` and `style` content is stepped over by the
//!   tokeniser (none of it is page text), `plaintext` makes the rest of
//!   the document text.
//! - **Tokeniser corners**: CDATA outside foreign content is a bogus
//!   comment; attributes of end tags are ignored.
//! - **Depth**: start tags that would nest deeper than 256 elements, and
//!   formatting elements past 8 open or lingering, are ignored (their
//!   text stays), so that any document is read in linear time.

mod stack;

use crate::html::refs::decode;
use crate::html::scan::{Attrs, Token, scan};
use crate::html::tags::{is_formatting, is_void};
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

    /// How many elements are open inside `body`, as the sink counts them:
    /// the driver checks in debug builds that it follows the events.
    fn depth(&self) -> usize;
}

/// The tree builder's state while the tokeniser reads a document.
struct Tree<'s, S> {
    sink: &'s mut S,
    nesting: Nesting,
    /// Scratch for text with character references.
    decoded: String,
}

/// Reads `html` and sends its elements and text to `sink`.
pub(super) fn build(html: &str, sink: &mut impl Sink) {
    let mut tree = Tree {
        sink,
        nesting: Nesting::default(),
        decoded: String::new(),
    };
    scan(html, |t| tree.token(t));
}

impl<S: Sink> Tree<'_, S> {
    fn token(&mut self, token: Token<'_, '_>) {
        self.read(token);
        debug_assert_eq!(
            self.sink.depth(),
            self.nesting.len(),
            "the sink follows the stack"
        );
    }

    fn read(&mut self, token: Token<'_, '_>) {
        match token {
            Token::Text(t) => {
                if !self.sink.reads_text() {
                    return;
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
                let name = if name == b"image" { b"img" } else { name };
                if matches!(name, b"html" | b"body") {
                    self.sink.root_attrs(name == b"body", &attrs);
                    return;
                }
                // A self-closing tag in foreign content, or one that starts
                // it (`<svg/>`), opens and closes at once.
                let foreign = self.nesting.in_foreign() || matches!(name, b"svg" | b"math");
                if is_void(name) || (self_closing && foreign) {
                    // Opened and closed at once.
                    self.nesting.void(name);
                    self.follow(name, &Attrs::EMPTY);
                    self.sink.open(name, &attrs);
                    self.sink.close(self.nesting.len());
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
                    self.sink.line_break();
                    return;
                }
                self.nesting.close(name);
                if name == b"p" && self.nesting.log.is_empty() {
                    // A `</p>` with no paragraph open makes an empty one.
                    self.sink.line_break();
                }
                self.follow(name, &Attrs::EMPTY);
            }
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
