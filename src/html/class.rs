//! The class/id words of elements: an element's `class`, `id`, `role` or
//! `itemprop` token equal to one of a kind's words, or starting with one of
//! its words of four letters or more (ASCII case ignored), sets that kind's
//! DOM feature for the lines inside it.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::feature::Dom;

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

/// The longest token looked up; longer ones are skipped.
pub(super) const MAX_TOKEN: usize = 40;

/// The feature bits (bit `f as usize` for feature `f`) of one class/id
/// token of 1 to [`MAX_TOKEN`] bytes.
pub(super) fn token_bits(tok: &[u8]) -> u32 {
    static WORDS: LazyLock<ClassWords> = LazyLock::new(ClassWords::new);
    let mut lower = [0u8; MAX_TOKEN];
    let lower = &mut lower[..tok.len()];
    lower.copy_from_slice(tok);
    lower.make_ascii_lowercase();
    let w = &*WORDS;
    if !w.first[usize::from(lower[0])] {
        return 0;
    }
    let mut bits = w.exact.get(&*lower).copied().unwrap_or(0);
    for &len in &w.prefix_lens {
        if len > lower.len() {
            break;
        }
        bits |= w.prefix.get(&lower[..len]).copied().unwrap_or(0);
    }
    bits
}

/// [`CLASS_WORDS`] as lookup tables.
struct ClassWords {
    /// The bytes words begin with: most tokens are rejected on that.
    first: [bool; 256],
    /// Words under 4 letters, matched whole.
    exact: HashMap<&'static [u8], u32, WordHash>,
    /// Words of 4 letters or more, matched as prefixes.
    prefix: HashMap<&'static [u8], u32, WordHash>,
    /// The lengths of the prefix words, ascending.
    prefix_lens: Vec<usize>,
}

impl ClassWords {
    fn new() -> ClassWords {
        let mut first = [false; 256];
        let mut exact = HashMap::default();
        let mut prefix = HashMap::default();
        for &(f, words) in &CLASS_WORDS {
            for w in words {
                first[usize::from(w.as_bytes()[0])] = true;
                let table = if w.len() >= 4 {
                    &mut prefix
                } else {
                    &mut exact
                };
                *table.entry(w.as_bytes()).or_insert(0) |= 1u32 << f as u32;
            }
        }
        let mut prefix_lens: Vec<usize> = prefix.keys().map(|w| w.len()).collect();
        prefix_lens.sort_unstable();
        prefix_lens.dedup();
        ClassWords {
            first,
            exact,
            prefix,
            prefix_lens,
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

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_match_whole_or_as_prefixes() {
        let bit = |f: Dom| 1u32 << f as u32;
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
}
