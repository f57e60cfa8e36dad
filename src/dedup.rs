//! Stage 5 of the pipeline: the deduplication pass over the kept blocks of
//! one page.
//!
//! Rules, applied to kept blocks in input order:
//! 1. **Exact repeats.** A block whose normalised text (lowercase words) is
//!    the same as an earlier kept block's is dropped, when it has at least
//!    [`MIN_EXACT_WORDS`] words. Shorter lines (list items, table cells,
//!    "Yes", a price) legitimately repeat and are left alone.
//! 2. **Near-duplicates.** A block of at least [`MIN_NEAR_WORDS`] words
//!    whose word 4-shingles are at least [`CONTAINED`] contained in the
//!    shingles of the blocks kept before it is dropped: a "related" teaser,
//!    or the whole article repeated as one long line.
//! 3. **Teasers before the full copy.** A block that survived rule 2 but
//!    whose shingles are at least [`CONTAINED`] contained in *later* kept
//!    blocks is dropped too, so the full copy is kept even when it comes
//!    second.
//!
//! The pass is deterministic: it uses no global state and no randomness.

use crate::hash::{HashIndex, mix};
use crate::segment::Segmented;

/// Lines shorter than this (in words) may repeat.
pub(crate) const MIN_EXACT_WORDS: u32 = 4;
/// Near-duplicate detection applies from this many words on.
pub(crate) const MIN_NEAR_WORDS: u32 = 8;
/// Share of a block's shingles found elsewhere that makes it a copy.
pub(crate) const CONTAINED: f32 = 0.6;
const SHINGLE: usize = 4;
// The shingle hash below combines exactly four words.
const _: () = assert!(SHINGLE == 4);

/// Why the pass dropped a block.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Dup {
    /// Same text as the kept block with this index.
    Exact(usize),
    /// Mostly contained in other kept blocks; the first one it overlaps.
    Near(usize),
}

/// The word 4-shingles of blocks, hashed, in one flat buffer.
struct Shingles {
    /// Per block, its range in `hashes`: sorted and unique.
    ranges: Vec<(u32, u32)>,
    hashes: Vec<u64>,
}

impl Shingles {
    /// Shingles every block for which `want(i)` holds; the others get none.
    fn of(seg: &Segmented, want: impl Fn(usize) -> bool) -> Shingles {
        let n = seg.blocks.len();
        let mut out = Shingles {
            ranges: Vec::with_capacity(n),
            hashes: Vec::new(),
        };
        for i in 0..n {
            let a = out.hashes.len();
            if want(i) {
                // Order-sensitive combination of 4 words' (keyed) hashes.
                out.hashes.extend(seg.words_of(i).windows(SHINGLE).map(|w| {
                    mix(w[0] ^ w[1].rotate_left(16) ^ w[2].rotate_left(32) ^ w[3].rotate_left(48))
                }));
                let v = &mut out.hashes[a..];
                v.sort_unstable();
                let mut m = 0;
                for j in 0..v.len() {
                    if j == 0 || v[j] != v[m - 1] {
                        v[m] = v[j];
                        m += 1;
                    }
                }
                out.hashes.truncate(a + m);
            }
            out.ranges.push((a as u32, out.hashes.len() as u32));
        }
        out
    }

    fn of_block(&self, i: usize) -> &[u64] {
        let (a, b) = self.ranges[i];
        &self.hashes[a as usize..b as usize]
    }
}

/// Counts the shingles of `sh` found in `seen`, with the smallest block
/// index among the holders found.
fn contained(sh: &[u64], seen: &HashIndex) -> (usize, usize) {
    let mut hit = 0usize;
    let mut src = usize::MAX;
    for &s in sh {
        if let Some(j) = seen.get(s) {
            hit += 1;
            src = src.min(j as usize);
        }
    }
    (hit, src)
}

/// One containment pass over the kept blocks in `order`: a `tested` block
/// whose shingles are at least [`CONTAINED`] among those of the blocks met
/// before it in that order is dropped (the reason names the first block it
/// overlaps); the others' shingles are met in turn (the untested blocks'
/// too, when `untested_feed`).
fn near_pass(
    sh: &Shingles,
    kept: &mut [bool],
    why: &mut [Option<Dup>],
    tested: &impl Fn(usize) -> bool,
    order: impl Iterator<Item = usize>,
    untested_feed: bool,
) {
    let mut met = HashIndex::with_room(sh.hashes.len());
    for i in order {
        let list = sh.of_block(i);
        if !kept[i] || list.is_empty() || !(untested_feed || tested(i)) {
            continue;
        }
        if tested(i) {
            let (hit, src) = contained(list, &met);
            if hit as f32 >= CONTAINED * list.len() as f32 {
                kept[i] = false;
                why[i] = Some(Dup::Near(src));
                continue;
            }
        }
        for &s in list {
            met.insert_min(s, i as u32);
        }
    }
}

/// Per block that `ask` names and that is not kept: the first kept block
/// before it whose text it repeats exactly, by rule 1's test (at least
/// [`MIN_EXACT_WORDS`] words, the same key and the same normalised text).
/// For the reasons of blocks the model dropped, which the pass never sees.
pub(crate) fn repeats(
    seg: &Segmented,
    words: &[u32],
    kept: &[bool],
    ask: impl Fn(usize) -> bool,
) -> Vec<Option<usize>> {
    let mut first = HashIndex::with_room(seg.blocks.len());
    (0..seg.blocks.len())
        .map(|i| {
            if words[i] < MIN_EXACT_WORDS {
                return None;
            }
            if kept[i] {
                first.get_or_insert(seg.key_of(i), i as u32);
                return None;
            }
            if !ask(i) {
                return None;
            }
            let j = first.get(seg.key_of(i))? as usize;
            (seg.norm_of(j) == seg.norm_of(i)).then_some(j)
        })
        .collect()
}

/// Runs the pass. `kept[i]` says whether block `i` is kept so far;
/// `words[i]` is its word count. Returns, per block, why it was dropped as
/// a duplicate, and clears `kept` for those blocks.
pub(crate) fn dedup(seg: &Segmented, words: &[u32], kept: &mut [bool]) -> Vec<Option<Dup>> {
    let n = seg.blocks.len();
    let mut why = vec![None; n];

    // Rule 1: exact repeats.
    // (A different text with the same 64-bit hash is not a repeat.)
    let mut first = HashIndex::with_room(n);
    for i in 0..n {
        if !kept[i] || words[i] < MIN_EXACT_WORDS {
            continue;
        }
        let norm = seg.norm_of(i);
        let j = first.get_or_insert(seg.key_of(i), i as u32) as usize;
        if j != i && seg.norm_of(j) == norm {
            kept[i] = false;
            why[i] = Some(Dup::Exact(j));
        }
    }

    // Rules 2 and 3: shingle containment. Every kept block is shingled:
    // short ones are not tested but feed the seen set (a title repeated
    // inside a long copy counts as already kept).
    let sh = Shingles::of(seg, |i| kept[i] && words[i] as usize >= SHINGLE);
    let tested = |i: usize| words[i] >= MIN_NEAR_WORDS;
    near_pass(&sh, kept, &mut why, &tested, 0..n, true);
    // Rule 3: backwards, against the shingles of later kept blocks.
    near_pass(&sh, kept, &mut why, &tested, (0..n).rev(), false);
    why
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn run(text: &str) -> Vec<bool> {
        let seg = segment(text);
        let words: Vec<u32> = (0..seg.blocks.len())
            .map(|i| seg.norm_of(i).split_whitespace().count() as u32)
            .collect();
        let mut kept = vec![true; seg.blocks.len()];
        dedup(&seg, &words, &mut kept);
        kept
    }

    #[test]
    fn exact_repeats_of_long_lines_go_short_stay() {
        let k =
            run("The headline of the story\nYes\nBody text here.\nThe HEADLINE of the story!\nYes");
        assert_eq!(k, [true, true, true, false, true]);
    }

    #[test]
    fn body_repeated_as_one_line_goes() {
        let p1 =
            "North Korea will stand by Russia until its victory in Ukraine, the minister said.";
        let p2 =
            "Western sources suggest thousands of troops are on the brink of entering the war.";
        let text = format!("{p1}\n{p2}\nRelated\nHeadline {p1} {p2} and more");
        assert_eq!(run(&text), [true, true, true, false]);
    }

    #[test]
    fn teaser_before_full_copy_goes() {
        let teaser = "the minister said the country would always stand firmly by its allies";
        let full = format!(
            "In Moscow on Friday {teaser} until the day of victory, and more words follow here."
        );
        let text =
            format!("{teaser}\nOther body paragraph with enough words to count here.\n{full}");
        assert_eq!(run(&text), [false, true, true]);
    }
}
