//! What the HTML parser gets: the document without its `script` and
//! `style` elements, and with nesting deeper than [`MAX_DEPTH`] flattened,
//! found by one linear scan over its tags.

/// Elements nested deeper than this are flattened before parsing: the
/// HTML tree builder's scope checks walk the stack of open elements, so
/// without a cap 100,000 nested tags would take quadratic time.
pub(super) const MAX_DEPTH: usize = 256;

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
pub(super) fn prepare(html: &str) -> std::borrow::Cow<'_, str> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
