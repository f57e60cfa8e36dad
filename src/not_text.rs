//! Blocks that are not text a reader reads: bytes decoded as if they were
//! text (control characters, U+FFFD replacements), base64 and hex blobs,
//! and minified script or style text. The decision rules drop them with a
//! reason of their own ([`ReasonKind::NotText`](crate::ReasonKind::NotText)).
//!
//! Each test is a count over the block's characters, one pass, so that a
//! long line costs what its length does. Documentation keeps its code and
//! tables: a line of code has spaces between its tokens, and a line of
//! minified code is long and nearly without them.

use crate::segment::Stats;

/// A block with at least this share of C0 control characters, U+FFFD and
/// private-use characters (and at least two of them) is not text: text
/// has none, decoded binary data about one character in nine.
const ODD_SHARE: f32 = 0.05;
/// Bytes decoded with a single-byte encoding (what a detector makes of
/// binary data): a block of at least [`SOUP_LEN`] characters with at
/// least this share of Latin-1 signs (`¡` to `¿` but the degree sign:
/// prose in any Latin script has a few in a hundred, text decoded twice a
/// few more) ...
const SOUP_SIGNS: f32 = 0.08;
/// ... and at least this share of ASCII punctuation and signs.
const SOUP_PUNCT: f32 = 0.08;
/// (A soup is long: the tokeniser of HTML makes one block of what has no
/// markup, and short lines of signs are ratings, temperatures, formulas.)
const SOUP_LEN: usize = 200;
/// A blob token is at least this long (base64 with both cases and a digit;
/// hex at least twice this: a SHA-256 digest, not a commit's short SHA).
const BLOB_TOKEN: usize = 40;
/// Blob tokens make up at least this share of a blob line's characters.
const BLOB_SHARE: f32 = 0.6;
/// A blob token has at most one separator in this many characters, all of
/// one base64 alphabet (`+ /`, or `- _` for URL-safe base64): base64 has
/// one in 32, a path or a slug one a word, often of both kinds.
const BLOB_SEPARATOR_SPAN: usize = 10;
/// Minified code: a line at least this long, ...
const MINIFIED_LEN: usize = 200;
/// ... with spaces under this share of its characters (prose has 12–20 %,
/// a line of ordinary code more than 10 %) ...
const MINIFIED_SPACES: f32 = 0.06;
/// ... and code punctuation (`{}();=`) at least this share.
const MINIFIED_PUNCT: f32 = 0.06;

/// Whether a block (a trimmed line, with its counts from the segmenter's
/// one pass) is not text.
pub(crate) fn is_not_text(line: &str, st: &Stats) -> bool {
    could_be(st) && by_chars(line)
}

/// Whether a block could be not text, from its counts: a bound on each
/// rule of [`by_chars`] that rules out nearly every block of text without
/// another pass over it (this is on the hot path of every page). Each
/// bound holds: the odd characters and the signs are counted alike, a
/// blob token is a run without white space, and every code or ASCII
/// punctuation mark is counted in `punct`.
fn could_be(st: &Stats) -> bool {
    let share = |n: u32| n as f32 / st.chars.max(1) as f32;
    (st.odd >= 2 && share(st.odd) >= ODD_SHARE)
        || st.longest_run as usize >= BLOB_TOKEN
        || (st.chars as usize >= SOUP_LEN
            && share(st.signs) >= SOUP_SIGNS
            && share(st.punct) >= SOUP_PUNCT)
        || (st.chars as usize >= MINIFIED_LEN
            && share(st.spaces) < MINIFIED_SPACES
            && share(st.punct) >= MINIFIED_PUNCT)
}

/// [`is_not_text`]'s rules, on the line's characters.
fn by_chars(line: &str) -> bool {
    let mut chars = 0usize;
    let mut odd = 0usize;
    let mut spaces = 0usize;
    let mut punct = 0usize;
    let mut signs = 0usize;
    let mut ascii_punct = 0usize;
    let mut blob = 0usize;
    let mut token = Token::default();
    for c in line.chars() {
        chars += 1;
        if c.is_whitespace() {
            spaces += 1;
            blob += token.end();
            continue;
        }
        token.push(c);
        signs += usize::from(matches!(c, '\u{A1}'..='\u{AF}' | '\u{B1}'..='\u{BF}'));
        ascii_punct += usize::from(c.is_ascii_punctuation());
        match c {
            '{' | '}' | '(' | ')' | ';' | '=' => punct += 1,
            '\u{FFFD}' | '\u{E000}'..='\u{F8FF}' => odd += 1,
            // C0 controls but the tab (C1 ones are left: text decoded
            // with the wrong single-byte encoding is full of them, and it
            // is text).
            '\u{0}'..='\u{8}' | '\u{B}'..='\u{1F}' | '\u{7F}' => odd += 1,
            _ => {}
        }
    }
    blob += token.end();
    let share = |n: usize| n as f32 / chars.max(1) as f32;
    (odd >= 2 && share(odd) >= ODD_SHARE)
        || (blob > 0 && share(blob) >= BLOB_SHARE)
        || (chars >= SOUP_LEN && share(signs) >= SOUP_SIGNS && share(ascii_punct) >= SOUP_PUNCT)
        || (chars >= MINIFIED_LEN
            && share(spaces) < MINIFIED_SPACES
            && share(punct) >= MINIFIED_PUNCT)
}

/// The token being read, as a blob candidate.
#[derive(Default)]
struct Token {
    len: usize,
    /// Only base64 (or URL-safe base64) characters so far.
    base64: bool,
    hex: bool,
    separators: usize,
    /// Separators of standard base64 (`+ /`), of URL-safe base64 (`- _`).
    std_sep: bool,
    url_sep: bool,
    lower: bool,
    upper: bool,
    digit: bool,
}

impl Token {
    fn push(&mut self, c: char) {
        if self.len == 0 {
            *self = Token {
                base64: true,
                hex: true,
                ..Token::default()
            };
        }
        self.len += 1;
        self.lower |= c.is_ascii_lowercase();
        self.upper |= c.is_ascii_uppercase();
        self.digit |= c.is_ascii_digit();
        self.base64 &= c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=' | '-' | '_');
        self.hex &= c.is_ascii_hexdigit();
        self.separators += usize::from(matches!(c, '+' | '/' | '-' | '_'));
        self.std_sep |= matches!(c, '+' | '/');
        self.url_sep |= matches!(c, '-' | '_');
    }

    /// Ends the token: its length if it is a blob, else 0.
    fn end(&mut self) -> usize {
        let t = std::mem::take(self);
        let base64 = t.base64
            && t.len >= BLOB_TOKEN
            && t.lower
            && t.upper
            && t.digit
            && !(t.std_sep && t.url_sep)
            && t.separators * BLOB_SEPARATOR_SPAN <= t.len;
        let hex = t.hex && t.len >= 2 * BLOB_TOKEN && t.digit;
        if base64 || hex { t.len } else { 0 }
    }
}

#[cfg(test)]
mod tests {
    use super::{by_chars, could_be};
    use crate::segment::Stats;

    fn stats(line: &str) -> Stats {
        crate::segment::segment(line)
            .stats
            .first()
            .copied()
            .unwrap_or_default()
    }

    fn is_not_text(line: &str) -> bool {
        super::is_not_text(line, &stats(line))
    }

    /// The bounds on the counts never rule out a line the characters flag.
    #[test]
    fn the_bounds_hold() {
        let pieces = [
            "a", "Z", "9", " ", "+", "/", "-", "_", "=", "{", ";", "(", "\u{1}", "\t", "\u{FFFD}",
            "\u{E000}", "¡", "°", "¿", "²", "º", "é", "€", "大", "\u{A0}", "\u{2003}", "aB3",
            "xY9+/", ".",
        ];
        let mut x = 0x2545_F491_4F6C_DD1Du64;
        let mut flagged = 0;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            // Lines of 1 to 400 pieces, from a few pieces each.
            let kinds = 1 + (x % 5) as usize;
            let start = (x >> 8) as usize % pieces.len();
            let len = 1 + (x >> 16) as usize % 400;
            let mut line = String::from("x");
            let mut y = x;
            for _ in 0..len {
                y = y
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                line.push_str(pieces[(start + (y >> 33) as usize % kinds) % pieces.len()]);
            }
            line.push('x');
            if by_chars(&line) {
                flagged += 1;
                assert!(could_be(&stats(&line)), "{line:?}");
            }
        }
        assert!(flagged > 1_000, "{flagged}");
    }

    #[test]
    fn text_and_code_are_text() {
        for line in [
            "The bridge reopened on Monday after two years of repairs, the city said.",
            "大桥在经过两年的维修后于周一重新开放，市政府表示。",
            "fn main() { let x = vec![1, 2, 3]; println!(\"{x:?}\"); }",
            "| Name | Type | Default |",
            "curl -H 'Authorization: Bearer $TOKEN' https://api.example.com/v1/items?page=2",
            "commit 3f2a9c1d7e8b6a5f4c3d2e1f0a9b8c7d6e5f4a3b",
            "https://example.com/a/very/long/path/with/many/segments/and-a-slug-that-goes-on-and-on-forever",
            "Ünïcödé text with accents: café, naïve, façade, Zürich, São Paulo.",
            "Prix : 25 € (½ tarif pour les « jeunes »), par 20 °C au soleil, a-t-il dit.",
            "Temperature Range: 104°F - 212°F / 40°C - 100°C",
            "Sf2f260c3-bf1f-466a-b856-6f031758a086p16207f0d-5442-4472-ad51-162a45a8",
            // Text decoded with the wrong encoding is still text.
            "Ã\u{a9}tÃ\u{a9} Ã\u{a0} Paris, la ville Ã\u{a9}tait calme, dit le prÃ\u{a9}fet.",
            "Now let\u{e2}\u{80}\u{99}s look at the String version: it\u{e2}\u{80}\u{99}s shorter.",
            "# chattr -i /sys/firmware/efi/efivars/LoaderDevicePartUUID-4a67b082-0a4c-41cf-b6c7-440b29bb8c4f",
            "",
        ] {
            assert!(!is_not_text(line), "{line}");
        }
        // A long line of ordinary code, with spaces.
        let code = "if (a == b) { c = d(e); } else { f = g(h); } ".repeat(8);
        assert!(!is_not_text(&code));
    }

    #[test]
    fn blobs_binary_and_minified_code_are_not() {
        let b64 = "TWFuIGlzIGRpc3Rpbmd1aXNoZWQsIG5vdCBvbmx5IGJ5IGhpcyByZWFzb24sIGJ1dCBieSB0aGlz";
        assert!(is_not_text(b64));
        assert!(is_not_text(&format!("data: {b64}")));
        let hex = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        assert!(is_not_text(&format!("{hex}{hex}")));
        assert!(is_not_text("\u{1}\u{2}abc\u{FFFD}\u{FFFD}defgh\u{7}ij"));
        assert!(is_not_text(
            &"®¹‘ àÎD.…ÓÿGø›èy8¿±ÏÇ~Õ èÓÂ , !zä6°³ ¡ÿˆíIˆ«A gø}..éóŽ þ›;ë©ÝØ &¼t +_>rW v0‡9¶"
                .repeat(3)
        ));
        let js = "!function(e,t){\"object\"==typeof exports&&(module.exports=t());}(this,function(){var e=[];return{a:function(t){e.push(t)}};});"
            .repeat(3);
        assert!(is_not_text(&js));
        let css =
            ".a{color:red;margin:0}.b>p{padding:0 1px}@media(max-width:600px){.c{display:none}}"
                .repeat(4);
        assert!(is_not_text(&css));
    }
}
