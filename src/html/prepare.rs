//! What the HTML parser gets: the document without its `script` and
//! `style` elements, and with nesting deeper than [`MAX_DEPTH`] flattened,
//! found by one linear scan over its tags.
//!
//! The depth is that of the tree builder's stack of open elements, which
//! [`Nesting`] follows: the end tags the standard implies (a `<p>`, `<li>`,
//! `<option>`, `<td>` … closes the one before), end tags that close nothing
//! (ignored, as the builder ignores them), and formatting elements (`b`,
//! `font`, …) that the builder reopens after a block closes them.

use std::collections::HashMap;

/// Elements nested deeper than this are flattened before parsing: the
/// HTML tree builder's scope checks walk the stack of open elements, so
/// without a cap 100,000 nested tags would take quadratic time.
pub(super) const MAX_DEPTH: usize = 256;

/// At most this many formatting elements may be open or linger (closed by
/// a block, reopened by the builder in every block after it): each
/// lingering one costs a new element per block, so 100,000 paragraphs
/// after 256 distinct unclosed `<b>` tags would build 25 million elements.
/// Formatting start tags past the cap are cut (their text stays). Real
/// pages rarely nest more than four.
const MAX_FORMATTING: usize = 8;

/// A tag name, lowercased and zero-padded (names longer than 10 bytes are
/// all zeros: none of them matters here).
type Name = [u8; 10];

fn name_of(name: &[u8]) -> Name {
    let mut n = [0u8; 10];
    if name.len() <= n.len() {
        n[..name.len()].copy_from_slice(name);
    }
    n
}

/// The length of a padded name.
fn trimmed(n: &Name) -> &[u8] {
    let len = n.iter().position(|&c| c == 0).unwrap_or(n.len());
    &n[..len]
}

/// Formatting elements: the builder reopens them after a block closes them
/// (its list of active formatting elements).
fn is_formatting(n: &[u8]) -> bool {
    matches!(
        n,
        b"a" | b"b"
            | b"big"
            | b"code"
            | b"em"
            | b"font"
            | b"i"
            | b"nobr"
            | b"s"
            | b"small"
            | b"strike"
            | b"strong"
            | b"tt"
            | b"u"
    )
}

/// The standard's "special" elements (an end tag for another element does
/// not close past them).
fn is_special(n: &[u8]) -> bool {
    matches!(
        n,
        b"address"
            | b"applet"
            | b"area"
            | b"article"
            | b"aside"
            | b"base"
            | b"basefont"
            | b"bgsound"
            | b"blockquote"
            | b"body"
            | b"br"
            | b"button"
            | b"caption"
            | b"center"
            | b"col"
            | b"colgroup"
            | b"dd"
            | b"details"
            | b"dir"
            | b"div"
            | b"dl"
            | b"dt"
            | b"embed"
            | b"fieldset"
            | b"figcaption"
            | b"figure"
            | b"footer"
            | b"form"
            | b"frame"
            | b"frameset"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"head"
            | b"header"
            | b"hgroup"
            | b"hr"
            | b"html"
            | b"iframe"
            | b"img"
            | b"input"
            | b"li"
            | b"link"
            | b"listing"
            | b"main"
            | b"marquee"
            | b"menu"
            | b"meta"
            | b"nav"
            | b"noembed"
            | b"noframes"
            | b"noscript"
            | b"object"
            | b"ol"
            | b"p"
            | b"param"
            | b"plaintext"
            | b"pre"
            | b"script"
            | b"search"
            | b"section"
            | b"select"
            | b"source"
            | b"style"
            | b"summary"
            | b"table"
            | b"tbody"
            | b"td"
            | b"template"
            | b"textarea"
            | b"tfoot"
            | b"th"
            | b"thead"
            | b"title"
            | b"tr"
            | b"track"
            | b"ul"
            | b"wbr"
            | b"xmp"
    )
}

/// Elements that end the scope of a search down the stack (the standard's
/// "has an element in scope"), and the markers of the formatting list.
fn is_scope_boundary(n: &[u8]) -> bool {
    matches!(
        n,
        b"applet"
            | b"caption"
            | b"html"
            | b"table"
            | b"td"
            | b"th"
            | b"marquee"
            | b"object"
            | b"template"
    )
}

/// Start tags that close an open `p` (in button scope).
fn closes_p(n: &[u8]) -> bool {
    matches!(
        n,
        b"address"
            | b"article"
            | b"aside"
            | b"blockquote"
            | b"center"
            | b"details"
            | b"dialog"
            | b"dir"
            | b"div"
            | b"dl"
            | b"dd"
            | b"dt"
            | b"fieldset"
            | b"figcaption"
            | b"figure"
            | b"footer"
            | b"form"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"header"
            | b"hgroup"
            | b"hr"
            | b"li"
            | b"listing"
            | b"main"
            | b"menu"
            | b"nav"
            | b"ol"
            | b"p"
            | b"pre"
            | b"search"
            | b"section"
            | b"summary"
            | b"ul"
            | b"xmp"
    )
}

fn is_heading(n: &[u8]) -> bool {
    matches!(n, [b'h', b'1'..=b'6'])
}

/// An open element as the model of the builder's stack holds it.
#[derive(Clone, Copy)]
struct Open {
    name: Name,
    /// Hash of the start tag's text (formatting elements: the builder keeps
    /// at most three identical ones).
    tag: u64,
    /// The length of the lingering list when it was opened (a marker's
    /// close clears the entries after it).
    lingering_at: usize,
}

/// What a tag does to the parse: kept, or cut as nesting too deep.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Verdict {
    Keep,
    Cut,
}

/// A model of the tree builder's stack of open elements, at most
/// [`MAX_DEPTH`] deep: every operation looks at no more than that many
/// entries, so the scan stays linear.
#[derive(Default)]
struct Nesting {
    stack: Vec<Open>,
    /// Formatting elements closed by another element, which the builder
    /// will reopen (its active formatting elements not on the stack).
    lingering: Vec<Open>,
    /// Start tags cut for depth, by name, whose end tags are cut too.
    excess: HashMap<Name, u32>,
    /// The formatting elements on `stack`.
    formatting: usize,
}

impl Nesting {
    /// The depth the builder's stack can reach.
    fn depth(&self) -> usize {
        self.stack.len() + self.lingering.len()
    }

    /// The index of the topmost open element named `name` before a scope
    /// boundary (or one of `also`) is met.
    fn in_scope(&self, name: &[u8], also: &[&[u8]]) -> Option<usize> {
        for (i, e) in self.stack.iter().enumerate().rev() {
            let n = trimmed(&e.name);
            if n == name {
                return Some(i);
            }
            if is_scope_boundary(n) || also.contains(&n) {
                return None;
            }
        }
        None
    }

    /// Pops the stack down to entry `i`, inclusive. Formatting elements
    /// closed on the way (not the one at `i`) linger; a marker's close
    /// drops what lingers since it opened.
    fn pop_through(&mut self, i: usize) {
        while self.stack.len() > i {
            let e = self.stack.pop().expect("non-empty above i");
            let n = trimmed(&e.name);
            if is_scope_boundary(n) {
                self.lingering.truncate(e.lingering_at);
            } else if is_formatting(n) {
                self.formatting -= 1;
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
        if is_formatting(trimmed(&self.stack[i].name)) {
            self.formatting -= 1;
        }
        self.stack.remove(i);
    }

    /// Whether an element named `name` is open.
    fn is_open(&self, name: &[u8]) -> bool {
        self.stack.iter().any(|e| trimmed(&e.name) == name)
    }

    /// The topmost open element named `name`, unless a special element is
    /// above it.
    fn topmost_before_special(&self, name: &[u8]) -> Option<usize> {
        for (i, e) in self.stack.iter().enumerate().rev() {
            let n = trimmed(&e.name);
            if n == name {
                return Some(i);
            }
            if is_special(n) {
                return None;
            }
        }
        None
    }

    fn top(&self) -> &[u8] {
        self.stack.last().map_or(&[], |e| trimmed(&e.name))
    }

    /// A start tag `name` (its whole text hashes to `tag`).
    fn open(&mut self, name: &[u8], tag: u64) -> Verdict {
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
        if closes_p(name) {
            if let Some(i) = self.in_scope(b"p", &[b"button"]) {
                self.pop_through(i);
            }
        }
        let close_item = |s: &Nesting, items: &[&[u8]]| {
            for (i, e) in s.stack.iter().enumerate().rev() {
                let n = trimmed(&e.name);
                if items.contains(&n) {
                    return Some(i);
                }
                if is_special(n) && !matches!(n, b"address" | b"div" | b"p") {
                    return None;
                }
            }
            None
        };
        let table_cell = |s: &Nesting, names: &[&[u8]], stop: &[&[u8]]| {
            for (i, e) in s.stack.iter().enumerate().rev() {
                let n = trimmed(&e.name);
                if names.contains(&n) {
                    return Some(i);
                }
                if n == b"table" || n == b"html" || stop.contains(&n) {
                    return None;
                }
            }
            None
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
            if let Some(k) = self
                .lingering
                .iter()
                .rposition(|l| trimmed(&l.name) == b"a")
            {
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
        let formatting = is_formatting(name);
        let too_many = formatting && self.formatting + self.lingering.len() >= MAX_FORMATTING;
        if self.depth() >= MAX_DEPTH || too_many {
            *self.excess.entry(name_of(name)).or_default() += 1;
            return Verdict::Cut;
        }
        self.formatting += usize::from(formatting);
        self.stack.push(Open {
            name: name_of(name),
            tag,
            lingering_at: self.lingering.len(),
        });
        Verdict::Keep
    }

    /// An end tag `name`.
    fn close(&mut self, name: &[u8]) -> Verdict {
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
                if let Some(k) = self
                    .lingering
                    .iter()
                    .rposition(|l| trimmed(&l.name) == name)
                {
                    self.lingering.remove(k);
                }
            }
            None => {}
        }
        Verdict::Keep
    }
}

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

/// Calls `f(range, tag, name)` for every tag of `html`, in order, in one
/// linear pass (`name` lowercased; empty when longer than 10 bytes):
/// comments, doctypes and the raw text of `textarea` and `title` are
/// stepped over; a `script` or `style` element comes as one
/// [`Tag::Script`] range.
fn scan_tags(html: &str, mut f: impl FnMut(std::ops::Range<usize>, Tag, &[u8])) {
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
            f(start..close_end, Tag::Script, name);
            i = close_end;
            continue;
        }
        f(start..end, tag, name);
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
pub(super) fn prepare(html: &str) -> std::borrow::Cow<'_, str> {
    // One scan: the ranges to cut, then one copy without them.
    let mut cuts: Vec<std::ops::Range<usize>> = Vec::new();
    let mut nesting = Nesting::default();
    scan_tags(html, |r, t, name| {
        let cut = match t {
            Tag::Open => {
                let tag = if is_formatting(name) {
                    crate::hash::hash_bytes(html[r.clone()].as_bytes())
                } else {
                    0
                };
                nesting.open(name, tag) == Verdict::Cut
            }
            Tag::Close => nesting.close(name) == Verdict::Cut,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_scanned() {
        let mut tags = Vec::new();
        let html = "<p a='>'>x<br/><!-- <b> --><script>if (a<b) {}</script></p><img src=x>";
        scan_tags(html, |r, t, _| {
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
        let deep = "<span>".repeat(300) + "x" + &"</span>".repeat(300);
        let capped = prepare(&deep);
        assert_eq!(capped.matches("<span>").count(), MAX_DEPTH);
        assert_eq!(capped.matches("</span>").count(), MAX_DEPTH);
        // Formatting elements have a cap of their own.
        let bold = "<b>".repeat(300) + "x" + &"</b>".repeat(300);
        let capped = prepare(&bold);
        assert_eq!(capped.matches("<b>").count(), MAX_FORMATTING);
        assert_eq!(capped.matches("</b>").count(), MAX_FORMATTING);
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

    /// The deepest element and the number of elements of the tree the
    /// builder makes of `html` once prepared.
    fn tree(html: &str) -> (usize, usize) {
        let doc = scraper::Html::parse_document(&prepare(html));
        let (mut depth, mut deepest, mut elements) = (0usize, 0usize, 0usize);
        for edge in doc.root_element().traverse() {
            match edge {
                ego_tree::iter::Edge::Open(n) if n.value().is_element() => {
                    depth += 1;
                    elements += 1;
                    deepest = deepest.max(depth);
                }
                ego_tree::iter::Edge::Close(n) if n.value().is_element() => depth -= 1,
                _ => {}
            }
        }
        (deepest, elements)
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
            let (deepest, _) = tree(&format!("<body>{}<p>x</p>", unit.repeat(20_000)));
            // The tree can be deeper than the builder's stack: a closed
            // form leaves what it holds open, a level below it.
            assert!(deepest <= 2 * MAX_DEPTH + 4, "{unit}: {deepest} deep");
        }
    }

    #[test]
    fn omitted_end_tags_do_not_trip_it() {
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
            assert!(
                matches!(prepare(&page), std::borrow::Cow::Borrowed(_)),
                "{}",
                &page[..60]
            );
        }
    }

    #[test]
    fn formatting_elements_left_open_stay_few() {
        // The builder reopens unclosed formatting elements in every
        // paragraph after them: distinct ones are capped.
        for unit in ["<b id={k}>x<p>", "<font color={k}><p>y", "<i>x<p>"] {
            let n = 2_000;
            let page: String = (0..n)
                .map(|k| unit.replace("{k}", &k.to_string()))
                .collect();
            let (_, elements) = tree(&page);
            assert!(
                elements <= (MAX_FORMATTING + 4) * n,
                "{unit}: {elements} elements"
            );
        }
    }
}
