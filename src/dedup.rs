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

use crate::score::{Fnv, FnvMap};
use crate::segment::Segmented;
use std::hash::Hasher;

/// Lines shorter than this (in words) may repeat.
pub(crate) const MIN_EXACT_WORDS: u32 = 4;
/// Near-duplicate detection applies from this many words on.
pub(crate) const MIN_NEAR_WORDS: u32 = 8;
/// Share of a block's shingles found elsewhere that makes it a copy.
pub(crate) const CONTAINED: f32 = 0.6;
const SHINGLE: usize = 4;

/// Why the pass dropped a block.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Dup {
    /// Same text as the kept block with this index.
    Exact(usize),
    /// Mostly contained in other kept blocks; the first one it overlaps.
    Near(usize),
}

fn shingles(norm: &str) -> Vec<u64> {
    let words: Vec<&str> = norm.split_ascii_whitespace().collect();
    if words.len() < SHINGLE {
        return Vec::new();
    }
    let mut out: Vec<u64> = words
        .windows(SHINGLE)
        .map(|w| {
            let mut h = Fnv::default();
            for x in w {
                h.write(x.as_bytes());
                h.write(&[0xff]);
            }
            h.finish()
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Runs the pass. `kept[i]` says whether block `i` is kept so far;
/// `words[i]` is its word count. Returns, per block, why it was dropped as
/// a duplicate, and clears `kept` for those blocks.
pub(crate) fn dedup(seg: &Segmented, words: &[u32], kept: &mut [bool]) -> Vec<Option<Dup>> {
    let n = seg.blocks.len();
    let mut why = vec![None; n];

    // Rule 1: exact repeats.
    let mut first: FnvMap<&str, usize> = FnvMap::default();
    for i in 0..n {
        if !kept[i] || words[i] < MIN_EXACT_WORDS {
            continue;
        }
        match first.get(seg.norm_of(i)) {
            Some(&j) => {
                kept[i] = false;
                why[i] = Some(Dup::Exact(j));
            }
            None => {
                first.insert(seg.norm_of(i), i);
            }
        }
    }

    // Rules 2 and 3: shingle containment.
    let sh: Vec<Vec<u64>> = (0..n)
        .map(|i| {
            if kept[i] && words[i] >= MIN_NEAR_WORDS {
                shingles(seg.norm_of(i))
            } else {
                Vec::new()
            }
        })
        .collect();
    // Shingles of the kept blocks so far, with the first block holding each.
    let mut seen: FnvMap<u64, usize> = FnvMap::default();
    for i in 0..n {
        if !kept[i] {
            continue;
        }
        if !sh[i].is_empty() {
            let mut hit = 0usize;
            let mut src = usize::MAX;
            for s in &sh[i] {
                if let Some(&j) = seen.get(s) {
                    hit += 1;
                    src = src.min(j);
                }
            }
            if hit as f32 >= CONTAINED * sh[i].len() as f32 {
                kept[i] = false;
                why[i] = Some(Dup::Near(src));
                continue;
            }
        }
        // Short kept blocks feed the seen set too (a title repeated inside a
        // long copy counts as already kept).
        let own;
        let list = if sh[i].is_empty() {
            own = shingles(seg.norm_of(i));
            &own
        } else {
            &sh[i]
        };
        for &s in list {
            seen.entry(s).or_insert(i);
        }
    }
    // Rule 3: backwards, against the shingles of later kept blocks.
    let mut later: FnvMap<u64, usize> = FnvMap::default();
    for i in (0..n).rev() {
        if !kept[i] || sh[i].is_empty() {
            continue;
        }
        let mut hit = 0usize;
        let mut src = usize::MAX;
        for s in &sh[i] {
            if let Some(&j) = later.get(s) {
                hit += 1;
                src = src.min(j);
            }
        }
        if hit as f32 >= CONTAINED * sh[i].len() as f32 {
            kept[i] = false;
            why[i] = Some(Dup::Near(src));
            continue;
        }
        for &s in &sh[i] {
            later.insert(s, i);
        }
    }
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
