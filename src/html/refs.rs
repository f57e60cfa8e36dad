//! Character references: `&amp;`, `&#x41;`, `&copy` … resolved as the
//! standard's tokeniser resolves them, with its table of named references
//! (servo's `web_atoms`, the one html5ever uses) and its numeric rules.

use memchr::memchr;

/// Appends `raw` to `out` with its character references resolved, as in
/// text (`attribute: false`) or in an attribute value.
pub(crate) fn decode(raw: &str, attribute: bool, out: &mut String) {
    let b = raw.as_bytes();
    let mut last = 0;
    let mut i = 0;
    while let Some(p) = memchr(b'&', &b[i..]) {
        let amp = i + p;
        out.push_str(&raw[last..amp]);
        match reference(raw, amp + 1, attribute) {
            Some((c1, c2, end)) => {
                out.push(c1);
                if let Some(c2) = c2 {
                    out.push(c2);
                }
                last = end;
            }
            None => {
                out.push('&');
                last = amp + 1;
            }
        }
        i = last;
    }
    out.push_str(&raw[last..]);
}

/// The character reference after an `&` at byte `at`: its characters and
/// where it ends.
fn reference(s: &str, at: usize, attribute: bool) -> Option<(char, Option<char>, usize)> {
    let b = s.as_bytes();
    match b.get(at).copied() {
        Some(b'#') => {
            let hex = matches!(b.get(at + 1), Some(b'x' | b'X'));
            let from = at + 1 + usize::from(hex);
            let mut j = from;
            let mut value: u32 = 0;
            while let Some(&c) = b.get(j) {
                let d = match (hex, c) {
                    (_, b'0'..=b'9') => u32::from(c - b'0'),
                    (true, b'a'..=b'f') => u32::from(c - b'a' + 10),
                    (true, b'A'..=b'F') => u32::from(c - b'A' + 10),
                    _ => break,
                };
                value = value
                    .saturating_mul(if hex { 16 } else { 10 })
                    .saturating_add(d)
                    .min(0x11_0000);
                j += 1;
            }
            if j == from {
                // `&#` without digits is text.
                return None;
            }
            if b.get(j) == Some(&b';') {
                j += 1;
            }
            Some((numeric(value), None, j))
        }
        Some(c) if c.is_ascii_alphanumeric() => {
            // The longest name in the table: every prefix of a name is a
            // key (a prefix that is no reference maps to (0, 0)).
            let mut best = None;
            let mut j = at;
            while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b';') {
                let semi = b[j] == b';';
                j += 1;
                match web_atoms::NAMED_ENTITIES.get(&s[at..j]) {
                    None => break,
                    Some(&(0, _)) => {}
                    Some(&(c1, c2)) => best = Some((c1, c2, j)),
                }
                if semi {
                    break;
                }
            }
            let (c1, c2, end) = best?;
            // In an attribute, a reference without `;` followed by `=` or
            // an alphanumeric stays text.
            if attribute
                && b[end - 1] != b';'
                && b.get(end)
                    .is_some_and(|&c| c == b'=' || c.is_ascii_alphanumeric())
            {
                return None;
            }
            let c1 = char::from_u32(c1)?;
            Some((c1, char::from_u32(c2).filter(|&c| c != '\0'), end))
        }
        _ => None,
    }
}

/// The character of a numeric reference, with the standard's
/// replacements: NUL, surrogates and values past Unicode become U+FFFD,
/// and 0x80–0x9F are read as windows-1252.
fn numeric(v: u32) -> char {
    if let 0x80..=0x9F = v {
        if let Some(c) = web_atoms::C1_REPLACEMENTS[(v - 0x80) as usize] {
            return c;
        }
    }
    match v {
        0 => '\u{FFFD}',
        v => char::from_u32(v).unwrap_or('\u{FFFD}'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(s: &str, attribute: bool) -> String {
        let mut out = String::new();
        decode(s, attribute, &mut out);
        out
    }

    #[test]
    fn references_are_resolved() {
        assert_eq!(decoded("a &amp; b &lt;&gt;&quot;", false), "a & b <>\"");
        assert_eq!(decoded("&copy 2024 &notit; &amp", false), "© 2024 ¬it; &");
        assert_eq!(
            decoded("&#65;&#x42;&#X43&#0;&#x110000;&#xD800;", false),
            "ABC\u{FFFD}\u{FFFD}\u{FFFD}"
        );
        assert_eq!(decoded("&#150; &#x80;", false), "– €");
        assert_eq!(decoded("&# &#x; &bogus; & x", false), "&# &#x; &bogus; & x");
        assert_eq!(decoded("&NotEqualTilde;", false), "\u{2242}\u{338}");
        // In attributes, a reference without `;` before `=` or a letter
        // stays text.
        assert_eq!(decoded("?a=1&copy=2&amp;b", true), "?a=1&copy=2&b");
        assert_eq!(decoded("&copy=2", false), "©=2");
    }
}
