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

use crate::html::tags::{closes_p, is_formatting, is_heading, is_scope_boundary, is_special};

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
type Name = [u8; 32];

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
const N_TRACKED: usize = 20;

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
        b"svg" => 18,
        b"math" => 19,
        _ => return None,
    })
}

/// [`Open::flags`]: a scope boundary, a special element, a formatting one.
const SCOPE: u8 = 1;
const SPECIAL: u8 = 2;
const FORMATTING: u8 = 4;

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
    lingering_at: usize,
}

/// What a tag did to the parse: kept (its changes are in the log), or
/// ignored as nesting too deep.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Verdict {
    Keep,
    Cut,
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
    fn new(name: &[u8], tag: u64, lingering_at: usize) -> Open {
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
        }
    }

    fn bytes(&self) -> &[u8] {
        &self.name[..usize::from(self.len)]
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
    /// The formatting elements on `stack`.
    formatting: usize,
}

impl Nesting {
    /// The number of open elements.
    pub(super) fn len(&self) -> usize {
        self.stack.len()
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
            if keys.contains(&e.name) {
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
            if e.flags & SCOPE != 0 {
                self.lingering.truncate(e.lingering_at);
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

    fn top(&self) -> &[u8] {
        self.stack.last().map_or(&[], Open::bytes)
    }

    /// Whether an element named `name` is open inside foreign content
    /// (`svg` or `math`), where `/>` closes an element.
    pub(super) fn in_foreign(&self) -> bool {
        self.is_open(b"svg") || self.is_open(b"math")
    }

    /// A start tag `name` (its whole text hashes to `tag`).
    pub(super) fn open(&mut self, name: &[u8], tag: u64) -> Verdict {
        if matches!(name, b"html" | b"body" | b"head") {
            // The builder adds their attributes to the one it has.
            return Verdict::Keep;
        }
        let table_part = matches!(
            name,
            b"caption" | b"colgroup" | b"tbody" | b"thead" | b"tfoot" | b"tr" | b"td" | b"th"
        );
        if table_part && !self.is_open(b"table") {
            // Outside a table the builder ignores them.
            return Verdict::Keep;
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
                return Verdict::Keep;
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
                self.remove(i);
            }
        }
        if name == b"form" && self.is_open(b"form") {
            // The builder ignores a form inside a form.
            return Verdict::Keep;
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
            return Verdict::Cut;
        }
        self.push(Open::new(name, tag, self.lingering.len()));
        self.log.push(Change::Push);
        Verdict::Keep
    }

    /// Opens an element the builder implies (within the depth cap).
    fn implied(&mut self, name: &'static [u8]) {
        if self.depth() < MAX_DEPTH {
            self.push(Open::new(name, 0, self.lingering.len()));
            self.log.push(Change::Implied(name));
        }
    }

    /// A void start tag `name` (`br`, `hr`, `img`, …): it opens nothing,
    /// but `hr` closes an open paragraph.
    pub(super) fn void(&mut self, name: &[u8]) {
        self.close_p_before(name);
    }

    /// Closes an open paragraph when a start tag `name` implies its end.
    fn close_p_before(&mut self, name: &[u8]) {
        if closes_p(name) {
            if let Some(i) = self.in_scope(b"p", &[b"button"]) {
                self.pop_through(i);
            }
        }
    }

    /// An end tag `name`.
    pub(super) fn close(&mut self, name: &[u8]) -> Verdict {
        if let Some(k) = self.excess.get_mut(&name_of(name)) {
            if *k > 0 {
                *k -= 1;
                return Verdict::Cut;
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
            _ if is_special(name) => self.in_scope(name, &[]),
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
        Verdict::Keep
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
        let (mut deepest, mut opened, mut cut) = (0, 0, 0);
        scan(html, |t| {
            match t {
                Token::Start { name, .. } if is_void(name) => n.void(name),
                Token::Start { name, text, .. } => {
                    let tag = if is_formatting(name) {
                        crate::hash::hash_bytes(text.as_bytes())
                    } else {
                        0
                    };
                    cut += usize::from(n.open(name, tag) == Verdict::Cut);
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
        });
        (deepest, opened, cut)
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
        scan(&html, |t| match t {
            Token::Start { name, .. } => {
                n.open(name, 0);
            }
            Token::End { name } => {
                n.close(name);
            }
            Token::Text(_) => {}
        });
        assert_eq!(n.depth(), 1, "only the div is open");
    }
}
