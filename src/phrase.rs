//! Stage 2a of the pipeline: the phrase matcher. Every phrase, function
//! word and pack phrase of a model is a sequence of normalised words; each
//! stands for a [`Role`]. A block's normalised text is matched a word at a
//! time, on word hashes, against one table of the patterns' word
//! sequences.
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

use crate::hash::{hash_bytes, mix};

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
    /// Open addressing, linear probing, at most half full; key 0 is empty.
    keys: Vec<u64>,
    values: Vec<u32>,
    mask: usize,
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
                key = extend(key, hash_bytes(w.as_bytes()));
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
            keys: vec![0; cap],
            values: vec![NO_ROLE; cap],
            mask: cap - 1,
            roles,
        };
        for (key, value) in entries {
            let slot = table.slot(key);
            if table.keys[slot] == 0 {
                table.keys[slot] = key;
                table.values[slot] = value;
            } else if value & PREFIX != 0 {
                table.values[slot] |= PREFIX;
            } else {
                // A pattern whose sequence was a prefix (or, for distinct
                // strings, a 64-bit key collision: the later one wins).
                table.values[slot] = (table.values[slot] & PREFIX) | value;
            }
        }
        Ok(table)
    }

    /// The slot of `key`: where it is, or the empty slot where it goes.
    #[inline]
    fn slot(&self, key: u64) -> usize {
        let mut i = (key as usize) & self.mask;
        loop {
            let k = self.keys[i];
            if k == key || k == 0 {
                return i;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Calls `f(role)` for every (overlapping) match in `haystack`, a
    /// block's normalised text.
    pub(crate) fn scan(&self, haystack: &[u8], mut f: impl FnMut(Role)) {
        // The keys of the word sequences ending at the last word that are
        // prefixes of longer patterns; at most MAX_WORDS − 1 of them.
        let (mut open, mut next) = ([0u64; MAX_WORDS], [0u64; MAX_WORDS]);
        let mut n_open = 0;
        for word in haystack.split(|&c| c == b' ').filter(|w| !w.is_empty()) {
            let h = hash_bytes(word);
            let mut n_next = 0;
            for &from in open[..n_open].iter().chain(std::iter::once(&START)) {
                let key = extend(from, h);
                let slot = self.slot(key);
                if self.keys[slot] == 0 {
                    continue;
                }
                let v = self.values[slot];
                if v & !PREFIX != NO_ROLE {
                    f(self.roles[(v & !PREFIX) as usize]);
                }
                if v & PREFIX != 0 && n_next < MAX_WORDS - 1 {
                    next[n_next] = key;
                    n_next += 1;
                }
            }
            std::mem::swap(&mut open, &mut next);
            n_open = n_next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        p.scan(b" read also the theory ", |r| {
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
            p.scan(hay.as_bytes(), |r| seen.push(r.phrase.unwrap()));
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
        p.scan(format!(" {ok} w ").as_bytes(), |_| n += 1);
        assert_eq!(n, 2);
    }
}
