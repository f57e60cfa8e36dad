//! The HTML tokeniser: one linear pass over a document that yields its text
//! runs, its start tags (name and attributes) and its end tags, as the
//! standard's tokeniser reads them, without building a tree.
//!
//! Comments, doctypes, processing instructions and other bogus markup are
//! stepped over. The elements whose content is raw text (`script`,
//! `style`, `title`, `textarea`, `noscript`, `iframe`, `xmp`, `noembed`,
//! `noframes`) come as a start tag and an end tag with their content
//! stepped over (a `script` follows the tokeniser's escape states), as none
//! of them holds page text; `plaintext` makes the rest of the document
//! text. Text runs and attribute values come raw (`refs` resolves their
//! character references).
//!
//! Searches use `memchr`, so markup-free stretches and long attribute
//! values cost little; the pass never looks back, so it is linear in the
//! document's length.

use memchr::{memchr, memmem};

use crate::html::tags::{Raw, raw_text};

/// One token of a document.
#[derive(Debug)]
pub(super) enum Token<'h, 'n> {
    /// Text between markup, raw (character references not resolved).
    Text(&'h str),
    /// A start tag: its name, lowercased; its attributes; whether it ends
    /// with `/>`; its whole text.
    Start {
        name: &'n [u8],
        attrs: Attrs<'h>,
        self_closing: bool,
        text: &'h str,
    },
    /// An end tag, its name lowercased.
    End { name: &'n [u8] },
}

/// Whether `c` is the tokeniser's whitespace.
pub(super) fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Names are lowercased into a buffer this long; a longer name is read as
/// its first this many bytes.
const NAME_MAX: usize = 64;

/// Tokenises `html`, calling `f` for every token in order. For a start
/// tag, `f` says whether a raw-text element's content is read as raw
/// text (the tree builder says no for an element of svg or MathML, whose
/// `<title>` or `<style>` holds markup, and for a tag it ignores); its
/// answer to other tokens is not read.
pub(super) fn scan(html: &str, mut f: impl FnMut(Token<'_, '_>) -> bool) {
    let b = html.as_bytes();
    let mut buf = [0u8; NAME_MAX];
    // Where the pending text run starts.
    let mut text = 0;
    let mut i = 0;
    while let Some(p) = memchr(b'<', &b[i..]) {
        let lt = i + p;
        let emit_text = |f: &mut dyn FnMut(Token<'_, '_>) -> bool, text: usize| {
            if lt > text {
                f(Token::Text(&html[text..lt]));
            }
        };
        match b.get(lt + 1).copied() {
            Some(c) if c.is_ascii_alphabetic() => {
                emit_text(&mut f, text);
                let Some((name_end, gt, self_closing)) = read_tag(b, lt + 1) else {
                    // A tag cut by the end of the document is dropped.
                    return;
                };
                let name = lower(&b[lt + 1..name_end], &mut buf);
                let raw = f(Token::Start {
                    name,
                    attrs: Attrs {
                        text: &html[name_end..gt],
                    },
                    self_closing,
                    text: &html[lt..=gt],
                });
                i = gt + 1;
                text = i;
                if let Some(raw) = raw_text(name).filter(|_| raw) {
                    if raw == Raw::Plaintext {
                        if i < b.len() {
                            f(Token::Text(&html[i..]));
                        }
                        return;
                    }
                    let close = if raw == Raw::Script {
                        script_end(b, i)
                    } else {
                        find_close(b, i, name)
                    };
                    // The element ends (its end tag is read next, or the
                    // document ends).
                    f(Token::End { name });
                    // The end tag's `>`, past any attributes it has
                    // (quoted values may hold a `>`).
                    i = if close < b.len() {
                        tag_end(b, self::name_end(b, close + 2)).map_or(b.len(), |(gt, _)| gt + 1)
                    } else {
                        b.len()
                    };
                    text = i;
                }
            }
            Some(b'/') => match b.get(lt + 2).copied() {
                Some(c) if c.is_ascii_alphabetic() => {
                    emit_text(&mut f, text);
                    let Some((name_end, gt, _)) = read_tag(b, lt + 2) else {
                        return;
                    };
                    let name = lower(&b[lt + 2..name_end], &mut buf);
                    f(Token::End { name });
                    i = gt + 1;
                    text = i;
                }
                Some(b'>') => {
                    // `</>` is dropped.
                    emit_text(&mut f, text);
                    i = lt + 3;
                    text = i;
                }
                Some(_) => {
                    // A bogus comment, to the next `>`.
                    emit_text(&mut f, text);
                    i = memchr(b'>', &b[lt..]).map_or(b.len(), |q| lt + q + 1);
                    text = i;
                }
                None => break,
            },
            Some(b'!') => {
                emit_text(&mut f, text);
                let rest = &b[lt..];
                i = if rest.starts_with(b"<!--") {
                    if rest.starts_with(b"<!-->") {
                        lt + 5
                    } else if rest.starts_with(b"<!--->") {
                        lt + 6
                    } else {
                        comment_end(b, lt + 4)
                    }
                } else {
                    // A doctype, CDATA outside foreign content, or bogus.
                    memchr(b'>', rest).map_or(b.len(), |q| lt + q + 1)
                };
                text = i;
            }
            Some(b'?') => {
                emit_text(&mut f, text);
                i = memchr(b'>', &b[lt..]).map_or(b.len(), |q| lt + q + 1);
                text = i;
            }
            // A `<` that starts no markup is text.
            _ => i = lt + 1,
        }
        if i >= b.len() {
            break;
        }
    }
    if text < b.len() {
        f(Token::Text(&html[text..]));
    }
}

/// `name` lowercased into `buf` (cut to [`NAME_MAX`] bytes).
fn lower<'n>(name: &[u8], buf: &'n mut [u8; NAME_MAX]) -> &'n [u8] {
    let n = name.len().min(NAME_MAX);
    buf[..n].copy_from_slice(&name[..n]);
    buf[..n].make_ascii_lowercase();
    &buf[..n]
}

/// Reads a tag whose name starts at `name_at`: where its name ends, where
/// its `>` is, and whether it closes itself; `None` when the document ends
/// inside it.
fn read_tag(b: &[u8], name_at: usize) -> Option<(usize, usize, bool)> {
    let name_end = name_end(b, name_at);
    let (gt, self_closing) = tag_end(b, name_end)?;
    Some((name_end, gt, self_closing))
}

/// Where a tag name starting at `from` ends.
fn name_end(b: &[u8], from: usize) -> usize {
    b[from..]
        .iter()
        .position(|&c| is_space(c) || c == b'/' || c == b'>')
        .map_or(b.len(), |k| from + k)
}

/// One step through a tag's attributes.
enum Step {
    /// An attribute: its name and value ranges, and where the next step
    /// starts.
    Attr {
        name: (usize, usize),
        value: (usize, usize),
        next: usize,
    },
    /// The tag's `>` is at `at`.
    End { at: usize, self_closing: bool },
    /// The document ends inside the tag.
    Eof,
}

/// The next attribute of a tag, or its end, from byte `i` of `b`.
fn step(b: &[u8], mut i: usize) -> Step {
    let mut slash = false;
    loop {
        match b.get(i) {
            None => return Step::Eof,
            Some(b'>') => {
                return Step::End {
                    at: i,
                    self_closing: slash,
                };
            }
            Some(b'/') => slash = true,
            Some(&c) if is_space(c) => slash = false,
            Some(_) => break,
        }
        i += 1;
    }
    // The name's first character may be anything (even `=`).
    let start = i;
    i += 1;
    while let Some(&c) = b.get(i) {
        if is_space(c) || matches!(c, b'/' | b'>' | b'=') {
            break;
        }
        i += 1;
    }
    let name = (start, i);
    let mut j = i;
    while b.get(j).is_some_and(|&c| is_space(c)) {
        j += 1;
    }
    if b.get(j) != Some(&b'=') {
        return Step::Attr {
            name,
            value: (i, i),
            next: i,
        };
    }
    j += 1;
    while b.get(j).is_some_and(|&c| is_space(c)) {
        j += 1;
    }
    match b.get(j).copied() {
        None => Step::Eof,
        Some(q @ (b'"' | b'\'')) => match memchr(q, &b[j + 1..]) {
            Some(e) => Step::Attr {
                name,
                value: (j + 1, j + 1 + e),
                next: j + 2 + e,
            },
            None => Step::Eof,
        },
        Some(b'>') => Step::Attr {
            name,
            value: (j, j),
            next: j,
        },
        Some(_) => {
            let from = j;
            while let Some(&c) = b.get(j) {
                if is_space(c) || c == b'>' {
                    break;
                }
                j += 1;
            }
            Step::Attr {
                name,
                value: (from, j),
                next: j,
            }
        }
    }
}

/// Where the tag whose attributes start at `from` ends: its `>` and
/// whether it closes itself; `None` when the document ends first.
fn tag_end(b: &[u8], mut from: usize) -> Option<(usize, bool)> {
    loop {
        match step(b, from) {
            Step::Attr { next, .. } => from = next,
            Step::End { at, self_closing } => return Some((at, self_closing)),
            Step::Eof => return None,
        }
    }
}

/// A range of the document's bytes, 32-bit (an open element of the tree
/// builder's stack holds one and fits a cache line); past 4 GiB a span is
/// empty.
pub(super) type Span = (u32, u32);

/// The attributes of a start tag, read on demand.
#[derive(Clone, Copy, Debug)]
pub(super) struct Attrs<'h> {
    /// From the end of the name to the `>` (exclusive).
    text: &'h str,
}

impl<'h> Attrs<'h> {
    /// No attributes.
    pub(super) const EMPTY: Attrs<'static> = Attrs { text: "" };

    /// Where these attributes are in `html`, the document they were read
    /// from (empty past 4 GiB).
    pub(super) fn span_in(&self, html: &str) -> Span {
        let at = self.text.as_ptr() as usize - html.as_ptr() as usize;
        match (u32::try_from(at), u32::try_from(at + self.text.len())) {
            (Ok(from), Ok(to)) => (from, to),
            _ => (0, 0),
        }
    }

    /// The attributes at `span` of `html` (a [`Attrs::span_in`]).
    pub(super) fn at(html: &'h str, span: Span) -> Attrs<'h> {
        Attrs {
            text: &html[span.0 as usize..span.1 as usize],
        }
    }

    /// The attributes' text, raw: from the end of the name to the `>`.
    pub(super) fn raw(&self) -> &'h str {
        self.text
    }

    /// Every attribute as (name, raw value), in order, names as written
    /// (compare them without case; a repeated name comes again, and the
    /// tree builder keeps the first).
    pub(super) fn each(&self, mut f: impl FnMut(&'h str, &'h str)) {
        let b = self.text.as_bytes();
        let mut i = 0;
        // The text ends before `>`: the steps stop at its end.
        while let Step::Attr { name, value, next } = step_in(b, i) {
            f(&self.text[name.0..name.1], &self.text[value.0..value.1]);
            i = next;
        }
    }
}

/// [`step`] within an attribute text that does not hold its `>`.
fn step_in(b: &[u8], i: usize) -> Step {
    match step(b, i) {
        // Only a quoted value can hold `>`; an unterminated one cannot
        // happen here (the tag was read whole).
        Step::Eof => Step::End {
            at: b.len(),
            self_closing: false,
        },
        s => s,
    }
}

/// The end of a comment whose text starts at `from`: just past the first
/// `-->` or `--!>` (the standard closes a comment with either), or the
/// end of the input. Linear: each `--` is looked at once.
fn comment_end(b: &[u8], from: usize) -> usize {
    let mut at = from;
    while let Some(q) = memmem::find(&b[at..], b"--") {
        let p = at + q + 2;
        match b.get(p) {
            Some(b'>') => return p + 1,
            Some(b'!') if b.get(p + 1) == Some(&b'>') => return p + 2,
            _ => at = at + q + 1,
        }
    }
    b.len()
}

/// Where the `</script` that ends a script's raw text starts (or the end of
/// `b`), following the tokeniser's escape states: after `<!--`, a nested
/// `<script` makes the next `</script` part of the text, up to `-->` (the
/// dashes of `<!--` count: `<!-->` and `<!--->` end the escape at once).
pub(super) fn script_end(b: &[u8], from: usize) -> usize {
    let close = find_close(b, from, b"script");
    if memmem::find(&b[from..close], b"<!--").is_none() {
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
                // On to the dashes, which may be those of a `-->`.
                state = State::Escaped;
                i += 2;
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
    while let Some(p) = memchr(b'<', &b[at.min(b.len())..]) {
        let lt = at + p;
        let after = &b[lt + 1..];
        // `</name` ends the raw text only where the name ends.
        if after.first() == Some(&b'/')
            && after.len() > name.len()
            && after[1..=name.len()].eq_ignore_ascii_case(name)
            && after
                .get(name.len() + 1)
                .is_none_or(|&c| c == b'>' || c == b'/' || is_space(c))
        {
            return lt;
        }
        at = lt + 1;
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokens of `html` as strings.
    fn tokens(html: &str) -> Vec<String> {
        let mut out = Vec::new();
        scan(html, |t| {
            out.push(match t {
                Token::Text(s) => format!("text {s:?}"),
                Token::Start {
                    name,
                    attrs,
                    self_closing,
                    ..
                } => {
                    let mut a = String::new();
                    attrs.each(|n, v| a.push_str(&format!(" {n}={v:?}")));
                    let close = if self_closing { " /" } else { "" };
                    format!("<{}{a}{close}>", String::from_utf8_lossy(name))
                }
                Token::End { name } => format!("</{}>", String::from_utf8_lossy(name)),
            });
            true
        });
        out
    }

    #[test]
    fn tags_text_and_attributes() {
        assert_eq!(
            tokens("<!DOCTYPE html><P Class='a>b' id=x hidden>Hi <b>you</b><br/></p>"),
            [
                r#"<p Class="a>b" id="x" hidden="">"#,
                r#"text "Hi ""#,
                "<b>",
                r#"text "you""#,
                "</b>",
                "<br />",
                "</p>",
            ]
        );
        // Unquoted values end at a space; `'` inside one is part of it.
        assert_eq!(
            tokens("<div class=a class=b title=it's>x"),
            [r#"<div class="a" class="b" title="it's">"#, r#"text "x""#]
        );
        // Custom elements keep their whole name.
        assert_eq!(tokens("<my-card-list>")[0], "<my-card-list>");
    }

    #[test]
    fn markup_that_is_not_a_tag() {
        assert_eq!(
            tokens("a < b <3 <!-- <p> --> c <? x ?> d </ x> e </> f <!x> g"),
            [
                r#"text "a < b <3 ""#,
                r#"text " c ""#,
                r#"text " d ""#,
                r#"text " e ""#,
                r#"text " f ""#,
                r#"text " g""#,
            ]
        );
        assert_eq!(tokens("<!-->a<!--->b"), [r#"text "a""#, r#"text "b""#]);
        // An end tag's quoted attribute may hold a `>`.
        assert_eq!(
            tokens("FOO<script></script foo=\">\" dd>BAR"),
            [r#"text "FOO""#, "<script>", "</script>", r#"text "BAR""#]
        );
        // `--!>` closes a comment too; `--` alone does not.
        assert_eq!(
            tokens("a<!-- x --!>b<!-- -- y -->c"),
            [r#"text "a""#, r#"text "b""#, r#"text "c""#]
        );
        // A tag cut by the end of the document is dropped.
        assert_eq!(tokens("a<p class='x"), [r#"text "a""#]);
        assert_eq!(tokens("a<p"), [r#"text "a""#]);
        assert_eq!(tokens("a<"), [r#"text "a<""#]);
    }

    #[test]
    fn raw_text_is_stepped_over() {
        assert_eq!(
            tokens("<title>a <b> c</title><p>x<SCRIPT>if (a</b) {}</scripts></Script >y"),
            [
                "<title>",
                "</title>",
                "<p>",
                r#"text "x""#,
                "<script>",
                "</script>",
                r#"text "y""#,
            ]
        );
        // The tokeniser's escape states: the nested script is text.
        assert_eq!(
            tokens("a<script><!-- w('<script>x</script>'); --></script>b"),
            [r#"text "a""#, "<script>", "</script>", r#"text "b""#]
        );
        assert_eq!(
            tokens("<noscript><img src=x></noscript>z<style>p{}"),
            [
                "<noscript>",
                "</noscript>",
                r#"text "z""#,
                "<style>",
                "</style>"
            ]
        );
        assert_eq!(
            tokens("<plaintext>a</plaintext><b>"),
            ["<plaintext>", r#"text "a</plaintext><b>""#]
        );
    }
}
