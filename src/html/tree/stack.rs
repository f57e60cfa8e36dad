//! The tree builder's stack of open elements, modelled: which elements a
//! start or end tag closes, without building a tree.
//!
//! [`Nesting`] follows the standard's rules that matter for blocks: the end
//! tags it implies (a `<p>`, `<li>`, `<option>`, `<td>` … closes the one
//! before), end tags that close nothing (ignored, as the builder ignores
//! them), table parts outside a table, a form inside a form, and
//! formatting elements (`b`, `font`, …) that the builder would reopen
//! after a block closes them (counted, not reopened). Every change to the
//! stack is logged ([`Change`]); the tree module turns the log into its
//! sink's events. Depth is
//! capped at [`MAX_DEPTH`] and every operation looks at no more entries
//! than that, so a page of any nesting is read in linear time.

use std::collections::HashMap;

use crate::html::scan::Span;
use crate::html::tags::{
    closes_p, is_formatting, is_heading, is_scope_boundary, is_special, is_table_body,
};

/// Start tags that would nest deeper than this are ignored (their text
/// stays): the scope checks walk the stack of open elements, so without a
/// cap 100,000 nested tags would take quadratic time.
pub(in crate::html) const MAX_DEPTH: usize = 256;
/// The heading elements: an end tag of one closes any of them.
const HEADINGS: [&[u8]; 6] = [b"h1", b"h2", b"h3", b"h4", b"h5", b"h6"];

/// At most this many formatting elements may be open or linger (closed by
/// a block, reopened by the builder in every block after it): each
/// lingering one costs a new element per block, so 100,000 paragraphs
/// after 256 distinct unclosed `<b>` tags would build 25 million elements.
/// Formatting start tags past the cap are ignored (their text stays). Real
/// pages rarely nest more than four.
const MAX_FORMATTING: usize = 8;

/// A tag name, lowercased and zero-padded; a name longer than 32 bytes is
/// its first 24 and a hash of the whole (custom elements can be long, and
/// each must close only itself).
pub(super) type Name = [u8; 32];

fn name_of(name: &[u8]) -> Name {
    let mut n = [0u8; 32];
    if name.len() <= n.len() {
        n[..name.len()].copy_from_slice(name);
    } else {
        n[..24].copy_from_slice(&name[..24]);
        n[24..].copy_from_slice(&crate::hash::hash_bytes(name).to_le_bytes());
    }
    n
}

/// The names the model looks for most: an element of one of them is
/// counted while open, so a search for one that is not open costs nothing.
const N_TRACKED: usize = 18;

/// A name's index among the tracked names.
fn tracked(name: &[u8]) -> Option<usize> {
    Some(match name {
        b"p" => 0,
        b"li" => 1,
        b"dd" => 2,
        b"dt" => 3,
        b"a" => 4,
        b"button" => 5,
        b"select" => 6,
        b"form" => 7,
        b"table" => 8,
        b"tr" => 9,
        b"td" => 10,
        b"th" => 11,
        b"tbody" => 12,
        b"thead" => 13,
        b"tfoot" => 14,
        b"nobr" => 15,
        b"option" => 16,
        b"optgroup" => 17,
        _ => return None,
    })
}

/// [`Open::flags`]: a scope boundary, a special element, a formatting one.
const SCOPE: u8 = 1;
const SPECIAL: u8 = 2;
const FORMATTING: u8 = 4;
/// An element of svg or MathML (foreign content), not of HTML.
const FOREIGN: u8 = 8;
/// Of MathML (with [`FOREIGN`]; without it, of svg).
const MATH: u8 = 16;
/// A foreign element whose children are HTML: svg `foreignObject`, `desc`
/// and `title`, a MathML `annotation-xml` that says it holds HTML.
const HTML_POINT: u8 = 32;
/// A MathML text element (`mi`, `mo`, `mn`, `ms`, `mtext`): what it holds
/// is HTML, but for `mglyph` and `malignmark`.
const TEXT_POINT: u8 = 64;

/// An open element as the model of the builder's stack holds it.
#[derive(Clone, Copy)]
struct Open {
    name: Name,
    /// The name's length in `name` (32 for a hashed long name).
    len: u8,
    flags: u8,
    /// Its index among the tracked names, if there.
    tracked: Option<u8>,
    /// Hash of the start tag's text (formatting elements: the builder keeps
    /// at most three identical ones).
    tag: u64,
    /// The length of the lingering list when it was opened (a marker's
    /// close clears the entries after it).
    lingering_at: u32,
    /// Where its start tag's attributes are in the document (to open it
    /// again).
    attrs: Span,
}

/// One change to the stack of open elements.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Change {
    /// The top element was closed.
    Pop,
    /// The element at this index was taken out; those above stay open.
    Remove(usize),
    /// The tag's element was opened.
    Push,
    /// An element the tag implies was opened before it (`tbody` before a
    /// row directly in a table, `tr` before a cell).
    Implied(&'static [u8]),
}

impl Open {
    fn new(name: &[u8], tag: u64, lingering_at: u32, attrs: Span) -> Open {
        let flags = if is_scope_boundary(name) { SCOPE } else { 0 }
            | if is_special(name) { SPECIAL } else { 0 }
            | if is_formatting(name) { FORMATTING } else { 0 };
        Open {
            name: name_of(name),
            len: name.len().min(32) as u8,
            flags,
            tracked: tracked(name).map(|k| k as u8),
            tag,
            lingering_at,
            attrs,
        }
    }

    /// An element of svg (`math: false`) or MathML; `html_point` when it
    /// is an `annotation-xml` whose encoding says it holds HTML.
    fn foreign(name: &[u8], math: bool, html_point: bool, lingering_at: u32) -> Open {
        let point = if math {
            match name {
                b"mi" | b"mo" | b"mn" | b"ms" | b"mtext" => TEXT_POINT,
                b"annotation-xml" if html_point => HTML_POINT,
                b"annotation-xml" => SCOPE,
                _ => 0,
            }
        } else {
            match name {
                b"foreignobject" | b"desc" | b"title" => HTML_POINT,
                _ => 0,
            }
        };
        // The integration points are scope boundaries and special.
        let boundary = if point != 0 { SCOPE | SPECIAL } else { 0 };
        Open {
            name: name_of(name),
            len: name.len().min(32) as u8,
            flags: FOREIGN | if math { MATH } else { 0 } | point | boundary,
            tracked: None,
            tag: 0,
            lingering_at,
            attrs: (0, 0),
        }
    }

    fn bytes(&self) -> &[u8] {
        &self.name[..usize::from(self.len)]
    }

    fn is_foreign(&self) -> bool {
        self.flags & FOREIGN != 0
    }
}

/// A model of the tree builder's stack of open elements, at most
/// [`MAX_DEPTH`] deep: every operation looks at no more than that many
/// entries, so the scan stays linear.
#[derive(Default)]
pub(super) struct Nesting {
    stack: Vec<Open>,
    /// How many elements of each tracked name are on `stack`.
    counts: [u32; N_TRACKED],
    /// The changes since the caller last cleared it.
    pub(super) log: Vec<Change>,
    /// Formatting elements closed by another element, which the builder
    /// will reopen (its active formatting elements not on the stack).
    lingering: Vec<Open>,
    /// Start tags ignored for depth, by name, whose end tags are ignored
    /// too.
    excess: HashMap<Name, u32>,
    /// Start tags ignored for depth so far (what the tests count).
    #[cfg(test)]
    cut: usize,
    /// The formatting elements on `stack`.
    formatting: usize,
    /// The document is in quirks mode (no doctype, or an old one): a
    /// table does not end a paragraph.
    pub(super) quirks: bool,
}

impl Nesting {
    /// The number of open elements.
    pub(super) fn len(&self) -> usize {
        self.stack.len()
    }

    /// The length of the lingering list (at most [`MAX_DEPTH`]).
    fn lingering_len(&self) -> u32 {
        self.lingering.len() as u32
    }

    /// The depth the builder's stack can reach.
    fn depth(&self) -> usize {
        self.stack.len() + self.lingering.len()
    }

    /// The index of the topmost open element named `name` before a scope
    /// boundary (or one of `also`) is met.
    fn in_scope(&self, name: &[u8], also: &[&[u8]]) -> Option<usize> {
        self.topmost(&[name], |e| {
            e.flags & SCOPE != 0 || also.contains(&e.bytes())
        })
    }

    /// The index of the topmost open element named one of `names` (at most
    /// six), unless an element for which `stop` holds is above it.
    fn topmost(&self, names: &[&[u8]], stop: impl Fn(&Open) -> bool) -> Option<usize> {
        if !names.iter().any(|n| self.may_be_open(n)) {
            return None;
        }
        let mut keys: [Name; 6] = [[0; 32]; 6];
        for (k, n) in keys.iter_mut().zip(names) {
            *k = name_of(n);
        }
        let keys = &keys[..names.len().min(6)];
        for (i, e) in self.stack.iter().enumerate().rev() {
            // An HTML name never matches an element of svg or MathML.
            if keys.contains(&e.name) && !e.is_foreign() {
                return Some(i);
            }
            if stop(e) {
                return None;
            }
        }
        None
    }

    /// False when no element named `name` is open (known for the
    /// tracked names; others may be).
    fn may_be_open(&self, name: &[u8]) -> bool {
        tracked(name).is_none_or(|k| self.counts[k] > 0)
    }

    /// Pushes an element, counted.
    fn push(&mut self, e: Open) {
        if let Some(k) = e.tracked {
            self.counts[usize::from(k)] += 1;
        }
        self.formatting += usize::from(e.flags & FORMATTING != 0);
        self.stack.push(e);
    }

    /// Takes entry `i` off the stack, counted.
    fn take(&mut self, i: usize) -> Open {
        let e = self.stack.remove(i);
        if let Some(k) = e.tracked {
            self.counts[usize::from(k)] -= 1;
        }
        self.formatting -= usize::from(e.flags & FORMATTING != 0);
        e
    }

    /// Pops the stack down to entry `i`, inclusive. Formatting elements
    /// closed on the way (not the one at `i`) linger; a marker's close
    /// drops what lingers since it opened.
    fn pop_through(&mut self, i: usize) {
        while self.stack.len() > i {
            let e = self.take(self.stack.len() - 1);
            self.log.push(Change::Pop);
            if e.flags & SCOPE != 0 && !e.is_foreign() {
                self.lingering.truncate(e.lingering_at as usize);
            } else if e.flags & FORMATTING != 0 {
                // The builder keeps three identical ones at most.
                let same = self.lingering.iter().filter(|l| l.tag == e.tag).count();
                if self.stack.len() > i && same < 3 {
                    self.lingering.push(e);
                }
            }
        }
        if !self.excess.is_empty() {
            self.excess.clear();
        }
    }

    /// Removes entry `i` alone (the builder takes it out of the stack and
    /// leaves the elements above it open).
    fn remove(&mut self, i: usize) {
        self.take(i);
        self.log.push(Change::Remove(i));
    }

    /// Whether an element named `name` is open.
    fn is_open(&self, name: &[u8]) -> bool {
        match tracked(name) {
            Some(k) => self.counts[k] > 0,
            None => {
                let key = name_of(name);
                self.stack.iter().any(|e| e.name == key)
            }
        }
    }

    /// The topmost open element named `name`, unless a special element is
    /// above it.
    fn topmost_before_special(&self, name: &[u8]) -> Option<usize> {
        self.topmost(&[name], |e| e.flags & SPECIAL != 0)
    }

    /// The name of the current node, if it is an HTML element (empty for
    /// none, or for an element of svg or MathML).
    fn top(&self) -> &[u8] {
        match self.stack.last() {
            Some(e) if !e.is_foreign() => e.bytes(),
            _ => &[],
        }
    }

    /// Whether a start tag `name` is read by the rules of foreign content:
    /// the current node is an element of svg or MathML, and not one whose
    /// children are HTML.
    pub(super) fn in_foreign(&self, name: &[u8]) -> bool {
        let Some(top) = self.stack.last() else {
            return false;
        };
        // In a MathML text element only `mglyph` and `malignmark` are
        // MathML; an `<svg>` in `annotation-xml` starts svg either way.
        let text_point = top.flags & TEXT_POINT != 0;
        top.is_foreign()
            && top.flags & HTML_POINT == 0
            && (!text_point || matches!(name, b"mglyph" | b"malignmark"))
            && !(top.bytes() == b"annotation-xml" && name == b"svg")
    }

    /// An HTML start or end tag in foreign content ends it: the elements
    /// of svg and MathML on top of the stack close, down to an HTML
    /// element or one whose children are HTML.
    pub(super) fn break_out(&mut self) {
        while let Some(top) = self.stack.last() {
            if !top.is_foreign() || top.flags & (HTML_POINT | TEXT_POINT) != 0 {
                break;
            }
            self.pop_through(self.stack.len() - 1);
        }
    }

    /// A start tag of an element of svg or MathML: `svg` or `math` itself,
    /// or any tag read in foreign content (its namespace is its parent's);
    /// `html_point` for an `annotation-xml` whose encoding is HTML.
    pub(super) fn open_foreign(&mut self, name: &[u8], html_point: bool) {
        let math = match (name, self.stack.last()) {
            (b"svg", _) => false,
            (b"math", _) => true,
            (_, Some(top)) if top.is_foreign() => top.flags & MATH != 0,
            _ => false,
        };
        if self.depth() >= MAX_DEPTH {
            *self.excess.entry(name_of(name)).or_default() += 1;
            #[cfg(test)]
            {
                self.cut += 1;
            }
            return;
        }
        self.push(Open::foreign(name, math, html_point, self.lingering_len()));
        self.log.push(Change::Push);
    }

    /// An end tag `name` whose current node is an element of svg or
    /// MathML: it closes the nearest element of that name in foreign
    /// content; false when the HTML rules read it (an HTML element is met
    /// first).
    fn close_foreign(&mut self, name: &[u8]) -> bool {
        let key = name_of(name);
        let Some(mut i) = self.stack.len().checked_sub(1) else {
            return false;
        };
        loop {
            if self.stack[i].name == key {
                self.pop_through(i);
                return true;
            }
            if i == 0 {
                // The body is next: an HTML element.
                return false;
            }
            i -= 1;
            if !self.stack[i].is_foreign() {
                return false;
            }
        }
    }

    /// For a formatting element `name` the builder's adoption agency
    /// runs on (an end tag `</b>`, or a start tag `<a>` while a link is
    /// open) with a block inside it: the element's index and the block's,
    /// the first special element above it, which the builder moves out.
    pub(super) fn formatting_with_block(&self, name: &[u8]) -> Option<(usize, usize)> {
        let a = self.in_scope(name, &[])?;
        Some((a, self.block_above(a)?))
    }

    /// The first special HTML element above index `i`: the block a
    /// misnested formatting element at `i` holds.
    fn block_above(&self, i: usize) -> Option<usize> {
        (i + 1..self.stack.len())
            .find(|&k| self.stack[k].flags & SPECIAL != 0 && !self.stack[k].is_foreign())
    }

    /// Closes the formatting element at `a` and all it holds, and opens
    /// again the block at `block` (inside it) where the element was: the
    /// block, moved out, holds what follows. Returns the block's name and
    /// where its attributes are.
    pub(super) fn move_out(&mut self, a: usize, block: usize) -> (Name, usize, Span) {
        let f = self.stack[block];
        self.pop_through(a);
        self.push(Open {
            lingering_at: self.lingering_len(),
            ..f
        });
        self.log.push(Change::Push);
        (f.name, usize::from(f.len), f.attrs)
    }

    /// The innermost open element of a table's structure (a table, a
    /// section, a row, a cell, a caption) or a template.
    fn table_context(&self) -> Option<usize> {
        self.stack.iter().rposition(|e| {
            !e.is_foreign()
                && (is_table_body(e.bytes())
                    || matches!(e.bytes(), b"td" | b"th" | b"caption" | b"template"))
        })
    }

    /// A `<table>` start tag straight in a table (not in a cell or a
    /// caption) closes the open table first.
    fn close_table_before(&mut self) {
        let Some(c) = self.table_context() else {
            return;
        };
        if is_table_body(self.stack[c].bytes())
            && let Some(t) = self.topmost(&[b"table"], |_| false)
        {
            self.pop_through(t);
        }
    }

    /// A table's part `name` closes what is open inside the part of the
    /// table it goes in (the builder closes an open cell, caption, row or
    /// section the part cannot go in, and clears the stack back to the
    /// row, the section or the table): an element written between cells
    /// or rows, which the builder moves before the table, holds no later
    /// cell.
    fn clear_to_table_context(&mut self, name: &[u8]) {
        loop {
            let Some(c) = self.table_context() else {
                return;
            };
            let context = self.stack[c].bytes();
            let fits = match name {
                b"td" | b"th" => is_table_body(context),
                b"tr" => is_table_body(context) && context != b"tr",
                _ => context == b"table",
            };
            if fits {
                if c + 1 < self.stack.len() {
                    self.pop_through(c + 1);
                }
                return;
            }
            if context == b"template" {
                return;
            }
            // A cell, a caption, a row or a section the part cannot go
            // in closes.
            self.pop_through(c);
        }
    }

    /// Whether a `<form>` start tag comes straight in a table, a section
    /// or a row (no form open): the builder opens and closes it at once.
    pub(super) fn form_in_table(&self) -> bool {
        is_table_body(self.top()) && !self.is_open(b"form")
    }

    /// Closes every open element (a `frameset` replaces the body).
    pub(super) fn close_all(&mut self) {
        self.pop_through(0);
        self.lingering.clear();
    }

    /// Closes an open `select` when a start tag `name` ends it: an
    /// `input`, `keygen` or `textarea`. (A table's part ends it too, by
    /// clearing the stack back to the table.)
    fn close_select_before(&mut self, name: &[u8]) {
        if self.is_open(b"select")
            && matches!(name, b"input" | b"keygen" | b"textarea")
            && let Some(s) = self.in_scope(b"select", &[])
        {
            self.pop_through(s);
        }
    }

    /// A start tag `name` (its whole text hashes to `tag`; its attributes
    /// are at `attrs` in the document).
    pub(super) fn open(&mut self, name: &[u8], tag: u64, attrs: Span) {
        if matches!(name, b"html" | b"body" | b"head") {
            // The builder adds their attributes to the one it has.
            return;
        }
        let table_part = matches!(
            name,
            b"caption" | b"colgroup" | b"tbody" | b"thead" | b"tfoot" | b"tr" | b"td" | b"th"
        );
        self.close_select_before(name);
        let in_table = self.is_open(b"table");
        if table_part && !in_table {
            // Outside a table the builder ignores them.
            return;
        }
        if in_table && self.top() == b"colgroup" && name != b"template" {
            // A column group holds only columns.
            let i = self.stack.len() - 1;
            self.pop_through(i);
        }
        self.close_p_before(name);
        let close_item = |s: &Nesting, items: &[&[u8]]| {
            s.topmost(items, |e| {
                e.flags & SPECIAL != 0 && !matches!(e.bytes(), b"address" | b"div" | b"p")
            })
        };
        let table_cell = |s: &Nesting, names: &[&[u8]], stop: &[&[u8]]| {
            s.topmost(names, |e| {
                matches!(e.bytes(), b"table" | b"html") || stop.contains(&e.bytes())
            })
        };
        let closed = match name {
            b"li" => close_item(self, &[b"li"]),
            b"dd" | b"dt" => close_item(self, &[b"dd", b"dt"]),
            b"tr" => table_cell(self, &[b"tr"], &[]),
            b"td" | b"th" => table_cell(self, &[b"td", b"th"], &[b"tr"]),
            b"tbody" | b"thead" | b"tfoot" => {
                table_cell(self, &[b"tbody", b"thead", b"tfoot"], &[])
            }
            b"button" => self.in_scope(b"button", &[]),
            b"nobr" => self.topmost_before_special(b"nobr"),
            b"select" => self.in_scope(b"select", &[]),
            _ if is_heading(name) && is_heading(self.top()) => Some(self.stack.len() - 1),
            b"option" | b"optgroup" if self.top() == b"option" => Some(self.stack.len() - 1),
            _ => None,
        };
        if let Some(i) = closed {
            self.pop_through(i);
            if name == b"select" {
                // A `<select>` inside a select closes it and opens nothing.
                return;
            }
        }
        if name == b"optgroup" && self.top() == b"optgroup" && self.is_open(b"select") {
            let i = self.stack.len() - 1;
            self.pop_through(i);
        }
        if name == b"a" {
            // A new link ends the one still open.
            if let Some(k) = self.lingering.iter().rposition(|l| l.bytes() == b"a") {
                self.lingering.remove(k);
            }
            if let Some(i) = self.in_scope(b"a", &[]) {
                if self.block_above(i).is_some() {
                    // The block moves out of the link (the adoption
                    // agency): modelled as the link's end alone.
                    self.remove(i);
                } else {
                    self.pop_through(i);
                }
            }
        }
        if name == b"form" && self.is_open(b"form") {
            // The builder ignores a form inside a form.
            return;
        }
        if table_part {
            self.clear_to_table_context(name);
        }
        if name == b"table" && in_table {
            self.close_table_before();
        }
        // Rows and cells straight in a table get the section and row the
        // builder inserts.
        if matches!(name, b"tr" | b"td" | b"th") && self.top() == b"table" {
            self.implied(b"tbody");
        }
        if matches!(name, b"td" | b"th") && matches!(self.top(), b"tbody" | b"thead" | b"tfoot") {
            self.implied(b"tr");
        }
        let formatting = is_formatting(name);
        let too_many = formatting && self.formatting + self.lingering.len() >= MAX_FORMATTING;
        if self.depth() >= MAX_DEPTH || too_many {
            *self.excess.entry(name_of(name)).or_default() += 1;
            #[cfg(test)]
            {
                self.cut += 1;
            }
            return;
        }
        self.push(Open::new(name, tag, self.lingering_len(), attrs));
        self.log.push(Change::Push);
    }

    /// Opens an element the builder implies (within the depth cap).
    fn implied(&mut self, name: &'static [u8]) {
        if self.depth() < MAX_DEPTH {
            self.push(Open::new(name, 0, self.lingering_len(), (0, 0)));
            self.log.push(Change::Implied(name));
        }
    }

    /// A void start tag `name` (`br`, `hr`, `img`, …): it opens nothing,
    /// but `hr` closes an open paragraph.
    pub(super) fn void(&mut self, name: &[u8]) {
        if name == b"col" && self.is_open(b"table") {
            self.clear_to_table_context(name);
        }
        self.close_select_before(name);
        self.close_p_before(name);
    }

    /// Closes an open paragraph when a start tag `name` implies its end.
    fn close_p_before(&mut self, name: &[u8]) {
        if closes_p(name) || (name == b"table" && !self.quirks) {
            if let Some(i) = self.in_scope(b"p", &[b"button"]) {
                self.pop_through(i);
            }
        }
    }

    /// An end tag `name`.
    pub(super) fn close(&mut self, name: &[u8]) {
        if let Some(k) = self.excess.get_mut(&name_of(name)) {
            if *k > 0 {
                *k -= 1;
                return;
            }
        }
        if self.stack.last().is_some_and(Open::is_foreign) {
            if matches!(name, b"p" | b"br") {
                // An HTML element's end tag: it ends foreign content.
                self.break_out();
            } else if self.close_foreign(name) {
                return;
            }
        }
        let found = match name {
            b"html" | b"body" | b"head" | b"br" => None,
            b"p" => self.in_scope(b"p", &[b"button"]),
            b"li" => self.in_scope(b"li", &[b"ol", b"ul"]),
            // Any heading's end tag closes the open heading, whichever
            // level it is (`<h2>…</h3>`).
            [b'h', b'1'..=b'6'] => self.topmost(&HEADINGS, |e| e.flags & SCOPE != 0),
            b"form" => {
                // The builder takes the form out and leaves what is in it
                // open.
                if let Some(i) = self.in_scope(b"form", &[]) {
                    self.remove(i);
                }
                None
            }
            // A table's parts close within the table (a cell or a caption
            // is no boundary for them).
            b"table" | b"tbody" | b"tfoot" | b"thead" | b"tr" | b"td" | b"th" | b"caption" => self
                .topmost(&[name], |e| {
                    !e.is_foreign() && matches!(e.bytes(), b"html" | b"table" | b"template")
                }),
            // A template closes whatever it holds.
            b"template" => self.topmost(&[name], |_| false),
            _ if is_special(name) || name == b"dialog" => self.in_scope(name, &[]),
            // Another element: the topmost one of that name, unless a
            // special element comes first.
            _ => self.topmost_before_special(name),
        };
        match found {
            Some(i) => self.pop_through(i),
            None if is_formatting(name) => {
                if let Some(k) = self.lingering.iter().rposition(|l| l.name == name_of(name)) {
                    self.lingering.remove(k);
                }
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::scan::{Token, scan};
    use crate::html::tags::is_void;

    /// Runs the tags of `html` through the model: the deepest the stack
    /// got, the elements opened, and the start tags ignored for depth.
    fn run(html: &str) -> (usize, usize, usize) {
        let mut n = Nesting::default();
        let (mut deepest, mut opened) = (0, 0);
        scan(html, |t| {
            match t {
                Token::Start { name, .. } if is_void(name) => n.void(name),
                Token::Start { name, text, .. } => {
                    let tag = if is_formatting(name) {
                        crate::hash::hash_bytes(text.as_bytes())
                    } else {
                        0
                    };
                    n.open(name, tag, (0, 0));
                }
                Token::End { name } => {
                    n.close(name);
                }
                Token::Text(_) => {}
            }
            opened += n
                .log
                .iter()
                .filter(|c| matches!(c, Change::Push | Change::Implied(_)))
                .count();
            n.log.clear();
            deepest = deepest.max(n.depth());
            true
        });
        (deepest, opened, n.cut)
    }

    #[test]
    fn an_open_element_fits_a_cache_line() {
        assert!(std::mem::size_of::<Open>() <= 64);
    }

    #[test]
    fn stray_end_tags_do_not_evade_the_cap() {
        for unit in [
            "<div></span>",
            "<div></i>x ",
            "<span></p>",
            "<p><div></b>",
            "<div></div></div><div><div>",
            // Elements the builder ignores or keeps open where a close
            // might be assumed: an optgroup outside a select, a row
            // outside a table, what a form holds when it closes.
            "<optgroup class=c id=x1>",
            "<tr><div><tr>",
            "<form><div></form>",
            "<nobr><div><nobr>",
        ] {
            let (deepest, _, cut) = run(&format!("<body>{}<p>x</p>", unit.repeat(20_000)));
            assert!(deepest <= MAX_DEPTH, "{unit}: {deepest} deep");
            assert!(cut > 0, "{unit}: nests past the cap");
        }
    }

    #[test]
    fn omitted_end_tags_close_what_they_imply() {
        let article = "<p>The council voted on Tuesday.</p>";
        for page in [
            format!("<select>{}</select>{article}", "<option>o".repeat(300)),
            format!("<select>{}</select>", "<optgroup><option>o".repeat(300)),
            format!("<ul>{}</ul>{article}", "<li>Item".repeat(300)),
            format!("<ul>{}</ul>", "<li><a href=/x>Item</a> text".repeat(300)),
            format!("<ul>{}</ul>", "<li><a href=/x>Item text".repeat(300)),
            format!("<dl>{}</dl>", "<dt>term<dd>meaning".repeat(300)),
            format!("<table>{}</table>", "<tr><td>a<td>b".repeat(300)),
            format!("<table>{}</table>", "<tbody><tr><th>a".repeat(300)),
            "<p>para".repeat(300),
            "<h2>one<h3>two".repeat(300),
            format!("<div>{}</div>", "<a href=/x>link ".repeat(300)),
            format!("<form>{}</form>", "<form><button>a<button>b".repeat(300)),
        ] {
            let (deepest, _, cut) = run(&page);
            assert!(deepest <= 8 && cut == 0, "{}: {deepest} deep", &page[..60]);
        }
    }

    #[test]
    fn formatting_elements_left_open_stay_few() {
        // The builder reopens unclosed formatting elements in every
        // paragraph after them: distinct ones are capped.
        for unit in ["<b id={k}>x<p>", "<font color={k}><p>y", "<i>x<p>"] {
            let page: String = (0..2_000)
                .map(|k| unit.replace("{k}", &k.to_string()))
                .collect();
            let (deepest, _, _) = run(&page);
            assert!(deepest <= MAX_FORMATTING + 2, "{unit}: {deepest} deep");
        }
    }

    #[test]
    fn implied_elements_and_long_names() {
        // A row and a cell straight in a table get a tbody and a row.
        assert_eq!(run("<table><td>a</table>"), (4, 4, 0));
        assert_eq!(run("<table><tbody><tr><td>a</table>"), (4, 4, 0));
        // Custom elements longer than a name slot close only themselves.
        let long = "my-very-long-custom-element-name-number";
        let html = format!("<div><{long}-one><{long}-two>x</{long}-two></{long}-one>");
        let mut n = Nesting::default();
        scan(&html, |t| {
            match t {
                Token::Start { name, .. } => {
                    n.open(name, 0, (0, 0));
                }
                Token::End { name } => {
                    n.close(name);
                }
                Token::Text(_) => {}
            }
            true
        });
        assert_eq!(n.depth(), 1, "only the div is open");
    }
}
