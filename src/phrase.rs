//! Stage 2a of the pipeline: the phrase matcher. Every phrase, function
//! word and pack phrase of a model is a sequence of normalised words; each
//! stands for a [`Role`]. A block's normalised text is matched a word at a
//! time, on the word hashes the segmenter wrote (keyed with this process's
//! seed, as the table is built with it), against one table of the
//! patterns' word sequences; a small filter in front of it answers most
//! lookups of a word no pattern holds.
//!
//! A normalised block is ` word word word ` (single spaces, see
//! `segment::normalize_into`), so a pattern occurs in it exactly where its
//! words occur in a row: the matches are those of the padded pattern
//! ` p ` as a byte string, overlapping, each occurrence once. The table
//! holds a 64-bit key for every pattern and for every shorter prefix of
//! one (so a walk goes on only while a longer pattern could still match);
//! it fits in the processor's second-level cache, where a byte automaton
//! over the same patterns took megabytes. A word sequence whose key equals
//! a pattern's without being it would match too: with 64-bit keys and a
//! few thousand patterns that has a chance of about 10⁻¹⁵ a lookup.

use crate::hash::{keyed_hash, mix};

/// What a pattern stands for.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Role {
    /// A learned phrase, by index into the model's phrase weights.
    pub phrase: Option<u32>,
    /// A function word, counted for the density features.
    pub stopword: bool,
    /// Bit `k` set: the phrase belongs to the `k`-th curated pack.
    pub packs: u16,
}

/// The longest pattern, in words.
pub(crate) const MAX_WORDS: usize = 32;

/// The key of the empty word sequence; a sequence's key is its prefix's
/// key mixed with its last word's hash ([`extend`]).
const START: u64 = 0x51_7cc1_b727_220a;

/// Table value: the pattern's role index, or [`NO_ROLE`] for a prefix
/// that is no pattern itself; bit [`PREFIX`] set when a longer pattern
/// starts with the sequence.
const NO_ROLE: u32 = (1 << 31) - 1;
const PREFIX: u32 = 1 << 31;

/// The filter's size in 64-bit words (8 KiB).
const FILTER_WORDS: usize = 1024;

/// A key's bit in the filter: from its high bits (the slot is from its
/// low bits).
#[inline]
fn filter_bit(key: u64) -> (usize, u64) {
    let b = (key >> 40) as usize % (FILTER_WORDS * 64);
    (b / 64, 1 << (b % 64))
}

#[inline]
fn extend(key: u64, word: u64) -> u64 {
    match mix(key ^ word) {
        // 0 marks an empty slot.
        0 => 1,
        k => k,
    }
}

/// The compiled patterns of a model and their roles.
pub(crate) struct Phrases {
    /// Open addressing, linear probing, at most half full: (key, value)
    /// side by side, so that a lookup reads one cache line; key 0 is
    /// empty.
    slots: Vec<(u64, u32)>,
    mask: usize,
    /// A bit for every key's [`filter_bit`]: most words of a page start no
    /// pattern, and this table, small enough for the first-level cache,
    /// says so without a look in the large one.
    filter: Box<[u64; FILTER_WORDS]>,
    roles: Vec<Role>,
}

impl std::fmt::Debug for Phrases {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Phrases")
            .field("patterns", &self.roles.len())
            .finish()
    }
}

impl Phrases {
    /// Compiles `patterns` (normalised words separated by single spaces,
    /// each string once), each with its role. A pattern with an empty word
    /// (a leading, trailing or double space) can occur in no normalised
    /// text and is left out.
    ///
    /// Errors when a pattern has more than [`MAX_WORDS`] words.
    pub(crate) fn new<'p>(
        patterns: impl IntoIterator<Item = (&'p str, Role)>,
    ) -> Result<Phrases, String> {
        let patterns: Vec<(&str, Role)> = patterns.into_iter().collect();
        let mut entries: Vec<(u64, u32)> = Vec::new();
        let mut roles = Vec::with_capacity(patterns.len());
        for (p, role) in patterns {
            if p.split(' ').any(str::is_empty) {
                continue;
            }
            let words = p.split(' ').count();
            if words > MAX_WORDS {
                return Err(format!(
                    "phrase `{p}` has {words} words, more than {MAX_WORDS}"
                ));
            }
            let mut key = START;
            for (k, w) in p.split(' ').enumerate() {
                key = extend(key, keyed_hash(w.as_bytes()));
                let value = if k + 1 == words {
                    roles.len() as u32
                } else {
                    NO_ROLE | PREFIX
                };
                entries.push((key, value));
            }
            roles.push(role);
        }
        let cap = (2 * entries.len()).next_power_of_two().max(16);
        let mut table = Phrases {
            slots: vec![(0, NO_ROLE); cap],
            mask: cap - 1,
            filter: Box::new([0; FILTER_WORDS]),
            roles,
        };
        for (key, value) in entries {
            let (w, bit) = filter_bit(key);
            table.filter[w] |= bit;
            let i = table.slot(key);
            let slot = &mut table.slots[i];
            if slot.0 == 0 {
                *slot = (key, value);
            } else if value & PREFIX != 0 {
                slot.1 |= PREFIX;
            } else {
                // A pattern whose sequence was a prefix (or, for distinct
                // strings, a 64-bit key collision: the later one wins).
                slot.1 = (slot.1 & PREFIX) | value;
            }
        }
        Ok(table)
    }

    /// Whether `key` may be in the table (false: it is not).
    #[inline]
    fn may_hold(&self, key: u64) -> bool {
        let (w, bit) = filter_bit(key);
        self.filter[w] & bit != 0
    }

    /// The slot of `key`: where it is, or the empty slot where it goes.
    #[inline]
    fn slot(&self, key: u64) -> usize {
        let mut i = (key as usize) & self.mask;
        loop {
            let k = self.slots[i].0;
            if k == key || k == 0 {
                return i;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Calls `f(role)` for every (overlapping) match in a block's
    /// normalised words, given as their hashes ([`keyed_hash`], see
    /// `Segmented::words`).
    pub(crate) fn scan(&self, words: &[u64], mut f: impl FnMut(Role)) {
        // The keys of the word sequences ending at the last word that are
        // prefixes of longer patterns; at most MAX_WORDS − 1 of them.
        // Two buffers, read and written in turn.
        let mut open = [[0u64; MAX_WORDS]; 2];
        let mut n_open = 0;
        for (t, &h) in words.iter().enumerate() {
            let (a, b) = open.split_at_mut(1);
            let (read, next) = match t % 2 {
                0 => (&a[0], &mut b[0]),
                _ => (&b[0], &mut a[0]),
            };
            let mut n_next = 0;
            for &from in read[..n_open].iter().chain(std::iter::once(&START)) {
                let key = extend(from, h);
                if !self.may_hold(key) {
                    continue;
                }
                let (k, v) = self.slots[self.slot(key)];
                if k == 0 {
                    continue;
                }
                if v & !PREFIX != NO_ROLE {
                    f(self.roles[(v & !PREFIX) as usize]);
                }
                if v & PREFIX != 0 && n_next < MAX_WORDS - 1 {
                    next[n_next] = key;
                    n_next += 1;
                }
            }
            n_open = n_next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word hashes of a normalised text, as the segmenter writes them.
    fn words(hay: &str) -> Vec<u64> {
        hay.split(' ')
            .filter(|w| !w.is_empty())
            .map(|w| keyed_hash(w.as_bytes()))
            .collect()
    }

    #[test]
    fn matches_whole_words_with_their_roles() {
        let stop = Role {
            stopword: true,
            ..Role::default()
        };
        let phrase = Role {
            phrase: Some(7),
            packs: 0b10,
            ..Role::default()
        };
        let p = Phrases::new([("the", stop), ("read also", phrase)]).unwrap();
        let mut seen = Vec::new();
        p.scan(&words(" read also the theory "), |r| {
            seen.push((r.phrase, r.stopword, r.packs))
        });
        assert_eq!(seen, [(Some(7), false, 0b10), (None, true, 0)]);
    }

    /// The matches a byte search for every padded pattern finds, by role.
    fn by_bytes(patterns: &[(&str, u32)], hay: &str) -> Vec<u32> {
        let mut out = Vec::new();
        for &(p, id) in patterns {
            let padded = format!(" {p} ");
            let mut from = 0;
            while let Some(k) = hay[from..].find(&padded) {
                out.push(id);
                from += k + 1;
            }
        }
        out.sort_unstable();
        out
    }

    #[test]
    fn finds_what_a_byte_search_finds() {
        let patterns = [
            ("a", 0),
            ("a b", 1),
            ("a b c", 2),
            ("b c", 3),
            ("b", 4),
            ("a a", 5),
            ("c a b c d", 6),
            ("日 本", 7),
            ("x  y", 8),
        ];
        let p = Phrases::new(patterns.iter().map(|&(s, id)| {
            (
                s,
                Role {
                    phrase: Some(id),
                    ..Role::default()
                },
            )
        }))
        .unwrap();
        for hay in [
            " a b c a b c d ",
            " a a a b ",
            " b c b a ",
            " 日 本 a b ",
            " x y ",
            " ",
            "",
            " abc ab c ",
        ] {
            let mut seen = Vec::new();
            p.scan(&words(hay), |r| seen.push(r.phrase.unwrap()));
            seen.sort_unstable();
            assert_eq!(seen, by_bytes(&patterns, hay), "{hay:?}");
        }
    }

    #[test]
    fn refuses_overlong_patterns() {
        let long = vec!["w"; MAX_WORDS + 1].join(" ");
        assert!(Phrases::new([(long.as_str(), Role::default())]).is_err());
        let ok = vec!["w"; MAX_WORDS].join(" ");
        let p = Phrases::new([(
            ok.as_str(),
            Role {
                stopword: true,
                ..Role::default()
            },
        )])
        .unwrap();
        let mut n = 0;
        p.scan(&words(&format!(" {ok} w ")), |_| n += 1);
        assert_eq!(n, 2);
    }
}
