//! The class/id words of elements: an element's `class`, `id`, `role` or
//! `itemprop` token equal to one of a kind's words, or starting with one of
//! its words of four letters or more (ASCII case ignored), sets that kind's
//! DOM feature for the lines inside it. [`scan_attrs`] reads an element's
//! attributes once for those words, whether they hide it, and its class.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::feature::Dom;
use crate::html::dom::bit;
use crate::html::refs::decode;
use crate::html::tree::Attributes;

/// The kinds of class/id words: the DOM feature each sets, and its words.
const CLASS_WORDS: [(Dom, &[&str]); 11] = [
    (
        Dom::ClsNav,
        &[
            "nav",
            "navbar",
            "navigation",
            "menu",
            "breadcrumb",
            "breadcrumbs",
            "header",
            "masthead",
            "topbar",
            "toolbar",
            "skip",
        ],
    ),
    (
        Dom::ClsFooter,
        &["footer", "copyright", "bottom", "legal", "colophon"],
    ),
    (
        Dom::ClsSide,
        &["sidebar", "aside", "widget", "rail", "sidebox"],
    ),
    (
        Dom::ClsComment,
        &["comment", "comments", "reply", "disqus", "respond"],
    ),
    (
        Dom::ClsRelated,
        &[
            "related",
            "recommend",
            "recommended",
            "popular",
            "trending",
            "teaser",
            "more",
            "readmore",
            "outbrain",
            "taboola",
        ],
    ),
    (
        Dom::ClsShare,
        &["share", "sharing", "social", "follow", "sharethis"],
    ),
    (
        Dom::ClsAd,
        &[
            "ad",
            "ads",
            "advert",
            "advertisement",
            "sponsor",
            "sponsored",
            "promo",
            "banner",
            "dfp",
        ],
    ),
    (
        Dom::ClsCookie,
        &[
            "cookie",
            "cookies",
            "consent",
            "gdpr",
            "newsletter",
            "subscribe",
            "signup",
            "modal",
            "popup",
        ],
    ),
    (
        Dom::ClsContent,
        &[
            "article", "content", "main", "post", "entry", "story", "body", "text", "prose",
        ],
    ),
    (
        Dom::ClsMeta,
        &[
            "byline", "author", "date", "time", "meta", "tags", "category", "caption", "credit",
        ],
    ),
    (Dom::ClsTitle, &["title", "headline", "heading"]),
];

/// One pass over an element's attributes: whether they hide it (`hidden`,
/// `aria-hidden="true"`, a style with `display:none` or
/// `visibility:hidden`), a hash of its class (for the repeated units), and the class-word bits (the lists above) of its class, id,
/// role and itemprop words. Values are read with their character
/// references resolved; of a repeated attribute, the first counts (as the
/// tree builder keeps it).
pub(super) fn scan_attrs<A: Attributes>(
    attrs: &A,
    buf: &mut String,
    style: &mut String,
) -> (bool, u32, u64) {
    const NAMES: [&str; 7] = [
        "hidden",
        "class",
        "id",
        "role",
        "itemprop",
        "aria-hidden",
        "style",
    ];
    let (mut hidden, mut bits, mut class) = (false, 0u32, 0u64);
    let mut seen = 0u8;
    attrs.each(|name, raw| {
        if !(2..=11).contains(&name.len()) {
            return;
        }
        let Some(k) = NAMES.iter().position(|n| name.eq_ignore_ascii_case(n)) else {
            return;
        };
        if seen & (1 << k) != 0 {
            return;
        }
        seen |= 1 << k;
        let is = |n: &str| NAMES[k] == n;
        if is("hidden") {
            hidden = true;
            return;
        }
        let value = if A::RAW && raw.contains('&') {
            buf.clear();
            decode(raw, true, buf);
            buf.as_str()
        } else {
            raw
        };
        if is("aria-hidden") {
            hidden |= value == "true";
        } else if is("style") {
            // Without whitespace, ASCII lowercased.
            let mut s = std::mem::take(style);
            s.clear();
            for c in value.chars().filter(|c| !c.is_whitespace()) {
                s.push(c.to_ascii_lowercase());
            }
            hidden |= s.contains("display:none") || s.contains("visibility:hidden");
            *style = s;
        } else {
            if is("class") {
                class = class_hash(value);
            }
            for tok in value.as_bytes().split(|c| !c.is_ascii_alphanumeric()) {
                if !tok.is_empty() && tok.len() <= MAX_TOKEN {
                    bits |= token_bits(tok);
                }
            }
        }
    });
    (hidden, bits, class)
}

/// A hash of a `class` value without its digits, so that `post post-17`
/// and `post post-18` are one kind of element.
fn class_hash(value: &str) -> u64 {
    let mut buf = [0u8; 64];
    let mut n = 0;
    for &c in value.as_bytes().iter().filter(|c| !c.is_ascii_digit()) {
        if n == buf.len() {
            break;
        }
        buf[n] = c;
        n += 1;
    }
    crate::hash::hash_bytes(&buf[..n])
}

/// The longest token looked up; longer ones are skipped.
const MAX_TOKEN: usize = 40;

/// The feature bits (bit `f as usize` for feature `f`) of one class/id
/// token of 1 to [`MAX_TOKEN`] bytes.
fn token_bits(tok: &[u8]) -> u32 {
    static WORDS: LazyLock<ClassWords> = LazyLock::new(ClassWords::new);
    let w = &*WORDS;
    if !w.first[usize::from(tok[0].to_ascii_lowercase())] {
        return 0;
    }
    let mut lower = [0u8; MAX_TOKEN];
    let lower = &mut lower[..tok.len()];
    lower.copy_from_slice(tok);
    lower.make_ascii_lowercase();
    if lower.len() < 4 {
        return w.exact.get(&*lower).copied().unwrap_or(0);
    }
    let head = u32::from_le_bytes(lower[..4].try_into().expect("4 bytes"));
    let mut bits = 0;
    if let Some(words) = w.prefix.get(&head) {
        for &(word, b) in words {
            if lower.starts_with(word) {
                bits |= b;
            }
        }
    }
    bits
}

/// [`CLASS_WORDS`] as lookup tables.
struct ClassWords {
    /// The bytes words begin with: most tokens are rejected on that.
    first: [bool; 256],
    /// Words under 4 letters, matched whole.
    exact: HashMap<&'static [u8], u32, WordHash>,
    /// Words of 4 letters or more, matched as prefixes, by their first
    /// four bytes.
    prefix: HashMap<u32, Vec<(&'static [u8], u32)>, WordHash>,
}

impl ClassWords {
    fn new() -> ClassWords {
        let mut first = [false; 256];
        let mut exact = HashMap::default();
        let mut prefix: HashMap<u32, Vec<(&'static [u8], u32)>, WordHash> = HashMap::default();
        for &(f, words) in &CLASS_WORDS {
            for w in words {
                let w = w.as_bytes();
                first[usize::from(w[0])] = true;
                let bit = bit(f);
                if w.len() >= 4 {
                    let head = u32::from_le_bytes(w[..4].try_into().expect("4 bytes"));
                    let list = prefix.entry(head).or_default();
                    match list.iter_mut().find(|(x, _)| *x == w) {
                        Some((_, b)) => *b |= bit,
                        None => list.push((w, bit)),
                    }
                } else {
                    *exact.entry(w).or_insert(0) |= bit;
                }
            }
        }
        ClassWords {
            first,
            exact,
            prefix,
        }
    }
}

/// The hash of the word tables: short keys, no adversary (the keys are
/// ours), so the crate's fast byte hash rather than SipHash.
type WordHash = std::hash::BuildHasherDefault<WordHasher>;

#[derive(Default)]
struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = crate::hash::mix(self.0 ^ crate::hash::hash_bytes(bytes));
    }

    fn write_u32(&mut self, n: u32) {
        self.0 = crate::hash::mix(self.0 ^ u64::from(n));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_match_whole_or_as_prefixes() {
        assert_eq!(token_bits(b"nav"), bit(Dom::ClsNav));
        assert_eq!(token_bits(b"Navigation-Main"), bit(Dom::ClsNav));
        assert_eq!(token_bits(b"navx"), 0, "short words match whole");
        assert_eq!(token_bits(b"commentlist"), bit(Dom::ClsComment));
        assert_eq!(
            token_bits(b"footer"),
            bit(Dom::ClsFooter),
            "footer is a footer word only"
        );
        assert_eq!(token_bits(b"zzz"), 0);
    }

    #[test]
    fn tables_say_what_the_word_lists_say() {
        // The definition, word by word.
        let want = |tok: &[u8]| -> u32 {
            let lower = tok.to_ascii_lowercase();
            let mut bits = 0;
            for &(f, words) in &CLASS_WORDS {
                for w in words {
                    let w = w.as_bytes();
                    let hit = if w.len() >= 4 {
                        lower.starts_with(w)
                    } else {
                        lower == w
                    };
                    if hit {
                        bits |= bit(f);
                    }
                }
            }
            bits
        };
        for &(_, words) in &CLASS_WORDS {
            for w in words {
                for tok in [
                    w.to_string(),
                    w.to_uppercase(),
                    format!("{w}s"),
                    format!("{w}-list"),
                    format!("x{w}"),
                    w[..w.len() - 1].to_string(),
                ] {
                    if !tok.is_empty() && tok.len() <= MAX_TOKEN {
                        assert_eq!(token_bits(tok.as_bytes()), want(tok.as_bytes()), "{tok}");
                    }
                }
            }
        }
    }
}
