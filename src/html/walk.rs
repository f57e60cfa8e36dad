//! A parsed DOM as an event source: a walk of a [`scraper`] tree drives the
//! same [`Sink`] as the tokeniser's tree builder (`tree`), so a parsed page
//! becomes the same lines with the same DOM features, computed one way.
//!
//! The walk sends what the tree holds: html5ever has already applied every
//! rule of the standard's tree construction (foster parenting, reopened
//! formatting elements, foreign content), which the streaming builder
//! models only in part (see `tree`'s "What is not modelled"). What the
//! walk adds to match the streaming path:
//! - the `html` and `body` elements give their attributes only (the sink
//!   always has both);
//! - the text of `xmp`, `noembed` and `noframes` is skipped, as the
//!   tokeniser steps over it (the other raw-text elements are dropped by
//!   the sink with all they hold);
//! - elements deeper than the stack model's cap are not opened (their text
//!   stays), so that a walk of any tree is linear and bounded like a read.

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};

use super::tags::{Raw, raw_text};
use super::tree::{Attributes, MAX_DEPTH, Sink};

/// An element's attributes, resolved by the parser.
struct Attrs<'a>(&'a scraper::node::Element);

impl Attributes for Attrs<'_> {
    const RAW: bool = false;

    fn each<'a>(&'a self, mut f: impl FnMut(&'a str, &'a str)) {
        for (name, value) in self.0.attrs() {
            f(name, value);
        }
    }
}

/// Where a walk starts: a whole document, or one element and what it holds.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Root<'a> {
    Document(&'a Html),
    Element(ElementRef<'a>),
}

/// Walks `root` and sends its elements and text to `sink`; returns the
/// JSON-LD and microdata the page-level features read (the text of
/// `script` elements of type `application/ld+json` and every `itemtype`
/// value, one a line): the whole document's, also for an element (the
/// types a page declares, often in its `head`, are the page's).
pub(super) fn walk(root: Root<'_>, sink: &mut impl Sink) -> String {
    let mut types = String::new();
    match root {
        // The walk reads the types as it goes ...
        Root::Document(_) => walk_subtree(root, sink, Some(&mut types)),
        // ... of its subtree only: the document's are read apart.
        Root::Element(e) => {
            walk_subtree(root, sink, None);
            for n in e.tree().root().descendants() {
                add_types(n, &mut types);
            }
        }
    }
    types
}

/// Appends what `node` declares, one a line: an element's `itemtype`, the
/// text of a JSON-LD `script`.
fn add_types(node: ego_tree::NodeRef<'_, Node>, out: &mut String) {
    let declared = match node.value() {
        Node::Element(e) => e.attr("itemtype"),
        Node::Text(t) if is_json_ld(node) => Some(&**t),
        _ => None,
    };
    if let Some(t) = declared {
        out.push_str(t);
        out.push('\n');
    }
}

/// Whether a text node is the content of a JSON-LD `script`.
fn is_json_ld(text: ego_tree::NodeRef<'_, Node>) -> bool {
    text.parent()
        .and_then(|p| p.value().as_element())
        .is_some_and(|p| {
            p.name().eq_ignore_ascii_case("script")
                && p.attr("type")
                    .is_some_and(|ty| ty.trim().eq_ignore_ascii_case("application/ld+json"))
        })
}

/// [`walk`] over `root`'s own subtree, adding the types found in it to
/// `types` when given.
fn walk_subtree(root: Root<'_>, sink: &mut impl Sink, mut types: Option<&mut String>) {
    let start = match root {
        Root::Document(html) => html.tree.root(),
        Root::Element(e) => *e,
    };
    // Per open node: whether it was sent to the sink as an open element,
    // and whether its text is skipped.
    let mut opened: Vec<(bool, bool)> = Vec::new();
    // Nodes entered whose text is skipped: the elements whose content the
    // tokeniser reads as raw text (`script`, `style`, `xmp`, `noembed`…),
    // which the streaming front end steps over, whether or not the sink
    // drops them (it does not open those past the depth cap).
    let mut skip_text = 0usize;
    let mut name = Vec::new();
    for edge in start.traverse() {
        if let (Edge::Open(node), Some(types)) = (&edge, types.as_deref_mut()) {
            add_types(*node, types);
        }
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    name.clear();
                    name.extend(e.name().bytes().map(|b| b.to_ascii_lowercase()));
                    let sent = match name.as_slice() {
                        b"html" | b"body" => {
                            sink.root_attrs(name == b"body", &Attrs(e));
                            false
                        }
                        _ if sink.depth() >= MAX_DEPTH => false,
                        _ => {
                            sink.open(&name, &Attrs(e));
                            true
                        }
                    };
                    let raw = raw_text(&name).is_some_and(|r| r != Raw::Plaintext);
                    skip_text += usize::from(raw);
                    opened.push((sent, raw));
                }
                Node::Text(t) if skip_text == 0 && sink.reads_text() => sink.text(t),
                _ => {}
            },
            Edge::Close(node) => {
                if node.value().is_element() {
                    let (sent, raw) = opened.pop().expect("an element entered");
                    if sent {
                        sink.close(sink.depth() - 1);
                    }
                    skip_text -= usize::from(raw);
                }
            }
        }
    }
}
