//! The context features ([`Ctx`]): a block's place in the page, from the
//! local scores of the blocks around it.

use super::{ContextRow, Ctx, LocalRow, Pack, Stats, Text, is_short_dated};
use crate::hash::hash_bytes;
use crate::math::{flag, ln1, sigmoid};
use crate::segment::Segmented;

/// The packs whose phrases head a section of page furniture ("Related
/// articles", "Comments", "Sign up", "Get the app", "About the author",
/// "Share this") or end the article ("All rights reserved"): a short block
/// with one of them is a *section switch*.
const SWITCH_PACKS: [Pack; 7] = [
    Pack::App,
    Pack::Subscribe,
    Pack::Share,
    Pack::Comment,
    Pack::Related,
    Pack::Legal,
    Pack::Author,
];
/// A section switch has at most this many words.
const SWITCH_WORDS: u32 = 8;
/// Dated blocks are counted this many blocks either side.
const DATED_RADIUS: usize = 5;
/// The value a missing neighbour's score takes: the page edge reads as junk.
const EDGE_Z: f32 = -2.0;
/// Local scores are clipped to this magnitude before use as context.
const Z_CLIP: f32 = 8.0;

/// For each of `n` blocks, the length of the maximal run of consecutive
/// blocks containing it in which every neighbouring pair satisfies `same`.
fn runs(n: usize, same: impl Fn(usize, usize) -> bool) -> Vec<u32> {
    let mut out = vec![1u32; n];
    let mut a = 0;
    while a < n {
        let mut b = a + 1;
        while b < n && same(b - 1, b) {
            b += 1;
        }
        for r in &mut out[a..b] {
            *r = (b - a) as u32;
        }
        a = b;
    }
    out
}

/// The lead of each block: 1 for a bulleted block, else a hash of its first
/// word with ASCII digits folded to `0` (`05 nov` and `04 nov` share it),
/// never 1.
fn leads(seg: &Segmented, local: &[LocalRow]) -> Vec<u64> {
    let mut folded: Vec<u8> = Vec::new();
    (0..local.len())
        .map(|i| {
            if local[i][Text::Bullet] > 0.0 {
                return 1;
            }
            let first = seg.norm_of(i).trim_start().split(' ').next().unwrap_or("");
            folded.clear();
            folded.extend(
                first
                    .bytes()
                    .map(|b| if b.is_ascii_digit() { b'0' } else { b }),
            );
            hash_bytes(&folded) | 2
        })
        .collect()
}

/// A block's shape, for repeated units: its words bucketed (1, 2-3, 4-7,
/// 8-15, 16-40, more), whether it ends a sentence, whether it has digits.
/// The shapes below [`PROSE`] are sentences of 8 words or more, which a
/// run of body paragraphs repeats by nature.
fn shape(st: &Stats, l: &LocalRow) -> u8 {
    let bucket = match st.words {
        0..=1 => 0,
        2..=3 => 1,
        4..=7 => 2,
        8..=15 => 3,
        16..=40 => 4,
        _ => 5,
    };
    let terminal = u8::from(l[Text::EndTerminal] > 0.0);
    let prose = bucket >= 3 && terminal == 1;
    (u8::from(!prose) << 5) | (bucket << 2) | (terminal << 1) | u8::from(st.digits > 0)
}
/// A shape of at least this is not prose (see [`shape`]).
const PROSE: u8 = 1 << 5;
/// The longest unit of a repeated run, in blocks.
const MAX_PERIOD: usize = 8;
/// A repeated run has at least this many units.
const MIN_UNITS: usize = 3;

/// For each block, the units of the longest periodic run of shapes it is
/// in (see [`shape`]): a unit of 1 to [`MAX_PERIOD`] blocks repeated at
/// least [`MIN_UNITS`] times whose every unit has a block that is not
/// prose (cards of a listing: title, date, summary), else 0.
fn shape_units(shapes: &[u8]) -> Vec<u32> {
    let n = shapes.len();
    let mut out = vec![0u32; n];
    for p in 1..=MAX_PERIOD.min(n) {
        // A stretch of blocks i >= p whose shape repeats the one p before,
        // each with a block that is not prose among the p ending at it,
        // covers the blocks from p before its first to its last: `mark`
        // writes the units of the stretch ending before `end`.
        let mark = |end: usize, stretch: usize, out: &mut [u32]| {
            let units = (stretch + p) / p;
            if stretch > 0 && units >= MIN_UNITS {
                for o in &mut out[end - stretch - p..end] {
                    *o = (*o).max(units as u32);
                }
            }
        };
        let mut last_free = None::<usize>;
        let mut stretch = 0usize;
        for (i, &s) in shapes.iter().enumerate() {
            if s >= PROSE {
                last_free = Some(i);
            }
            if i < p {
                continue;
            }
            if s == shapes[i - p] && last_free.is_some_and(|f| f + p > i) {
                stretch += 1;
            } else {
                mark(i, stretch, &mut out);
                stretch = 0;
            }
        }
        mark(n, stretch, &mut out);
    }
    out
}

/// Prefix sums of the length-weighted probabilities of a page's blocks,
/// for the mean over any range in constant time.
struct Means {
    cw: Vec<f64>,
    cwp: Vec<f64>,
}

impl Means {
    /// Of blocks weighing `w` with probabilities `p`.
    fn new(w: &[f32], p: &[f32]) -> Means {
        let n = w.len();
        let mut cw = vec![0f64; n + 1];
        let mut cwp = vec![0f64; n + 1];
        for i in 0..n {
            cw[i + 1] = cw[i] + w[i] as f64;
            cwp[i + 1] = cwp[i] + (w[i] * p[i]) as f64;
        }
        Means { cw, cwp }
    }

    /// The weighted mean probability of blocks `a..b`, or `empty` when the
    /// range weighs nothing.
    fn mean(&self, a: usize, b: usize, empty: f32) -> f32 {
        let ww = self.cw[b] - self.cw[a];
        if ww > 0.0 {
            ((self.cwp[b] - self.cwp[a]) / ww) as f32
        } else {
            empty
        }
    }
}

/// The main body region, blocks `a..b`: the contiguous run of blocks with
/// the largest sum of (p - 1/2) weighted by length (Kadane, linear).
fn body_region(p: &[f32], w: &[f32]) -> (usize, usize) {
    let (mut best, mut best_a, mut best_b) = (f64::MIN, 0usize, 0usize);
    let (mut run, mut run_a) = (0f64, 0usize);
    for i in 0..p.len() {
        if run <= 0.0 {
            run = 0.0;
            run_a = i;
        }
        run += ((p[i] - 0.5) * w[i]) as f64;
        if run > best {
            best = run;
            best_a = run_a;
            best_b = i + 1;
        }
    }
    (best_a, best_b)
}

/// `out[i]` is the sum of `v[..i]`.
fn prefix_sums(v: &[u32]) -> Vec<u32> {
    let mut out = vec![0u32; v.len() + 1];
    for (i, &x) in v.iter().enumerate() {
        out[i + 1] = out[i] + x;
    }
    out
}

/// The context feature rows of every block, from the local scores `z1`.
pub(crate) fn context(
    seg: &Segmented,
    stats: &[Stats],
    local: &[LocalRow],
    z1: &[f32],
) -> Vec<ContextRow> {
    let n = local.len();
    if n == 0 {
        return Vec::new();
    }
    let z: Vec<f32> = z1.iter().map(|z| z.clamp(-Z_CLIP, Z_CLIP)).collect();
    let p: Vec<f32> = z.iter().map(|&z| sigmoid(z)).collect();
    let w: Vec<f32> = stats.iter().map(|s| ln1(s.chars as f32)).collect();
    let means = Means::new(&w, &p);
    // Centred windows include the block; one-sided ones exclude it, and an
    // empty side says nothing (1/2).
    let win = |i: usize, r: usize| means.mean(i.saturating_sub(r), (i + r + 1).min(n), 0.0);
    let (best_a, best_b) = body_region(&p, &w);
    // Lengths of the runs of same-sign local scores.
    let run_len = runs(n, |a, b| (z[a] < 0.0) == (z[b] < 0.0));

    // Section switches: short blocks with a section pack phrase. After one,
    // the distance to it and the words of body-like blocks since.
    let switch: Vec<bool> = (0..n)
        .map(|i| stats[i].words <= SWITCH_WORDS && SWITCH_PACKS.iter().any(|&k| local[i][k] > 0.0))
        .collect();
    // List runs. A block is headline-shaped when it has 3 to 20 words and
    // no sentence end: a run of them is a list of links, a single one a
    // subheading. Runs of equal leads (see [`leads`]) are lists of dated or
    // numbered entries. The blocks right after a section switch that are
    // list entries (headline-shaped, bulleted or of at most 3 words) are
    // counted from the switch on, so that the one-word entries of a "Read
    // also" inset are told from the body.
    let headline: Vec<bool> = (0..n)
        .map(|i| {
            (3..=20).contains(&stats[i].words)
                && local[i][Text::EndTerminal] == 0.0
                && stats[i].last != ':'
        })
        .collect();
    let headline_run = runs(n, |a, b| headline[a] && headline[b]);
    let lead = leads(seg, local);
    let lead_run = runs(n, |a, b| lead[a] == lead[b]);
    let list_entry: Vec<bool> = (0..n)
        .map(|i| headline[i] || local[i][Text::Bullet] > 0.0 || stats[i].words <= 3)
        .collect();
    let mut switch_list = 0u32;
    let mut in_switch_list = false;
    let shapes: Vec<u8> = (0..n).map(|i| shape(&stats[i], &local[i])).collect();
    let units = shape_units(&shapes);
    // Comment sections: the last switch was a comments heading; around a
    // block, the short dated blocks (the name-and-time headers of posts).
    let mut comment_switch = false;
    let dated: Vec<u32> = (0..n)
        .map(|i| u32::from(is_short_dated(&stats[i], &local[i])))
        .collect();
    let cdated = prefix_sums(&dated);

    let mut out = Vec::with_capacity(n);
    let mut last_switch: Option<usize> = None;
    let mut body_words = 0u32;
    let mut body_total = 0u32;
    let mut body_before_switch = 0u32;
    // The nearest preceding short block (a heading or label).
    let mut head: Option<usize> = None;
    let at = |j: isize| -> f32 {
        if j < 0 || j as usize >= n {
            EDGE_Z
        } else {
            z[j as usize]
        }
    };
    for i in 0..n {
        if switch[i] {
            comment_switch = local[i][Pack::Comment] > 0.0;
            switch_list = 0;
            in_switch_list = true;
        } else if in_switch_list && list_entry[i] {
            switch_list += 1;
        } else {
            in_switch_list = false;
            switch_list = 0;
        }
        let ii = i as isize;
        let in_region = i >= best_a && i < best_b;
        let before = best_a.saturating_sub(i);
        let after = if i >= best_b { i + 1 - best_b } else { 0 };
        let (head_z, head_dist) = match head {
            Some(h) => (z[h], (i - h) as f32),
            None => (EDGE_Z, n as f32),
        };
        let l = &local[i];
        let mut r = ContextRow::unset();
        r[Ctx::Z1] = z[i];
        r[Ctx::Z1Neg] = z[i].min(0.0);
        r[Ctx::Z1Prev1] = at(ii - 1);
        r[Ctx::Z1Prev2] = at(ii - 2);
        r[Ctx::Z1Next1] = at(ii + 1);
        r[Ctx::Z1Next2] = at(ii + 2);
        r[Ctx::P1Win3] = win(i, 3);
        r[Ctx::P1Win10] = win(i, 10);
        r[Ctx::InRegion] = flag(in_region);
        r[Ctx::Z1InRegion] = if in_region { z[i] } else { 0.0 };
        r[Ctx::LnBeforeRegion] = ln1(before as f32);
        r[Ctx::LnAfterRegion] = ln1(after as f32);
        r[Ctx::HeadZ1] = head_z;
        r[Ctx::LnHeadDist] = ln1(head_dist);
        r[Ctx::LnWords] = l[Text::LnWords];
        r[Ctx::EndTerminal] = l[Text::EndTerminal];
        r[Ctx::Bullet] = l[Text::Bullet];
        r[Ctx::Le3Words] = l[Text::Le3Words];
        r[Ctx::RelPos] = l[Text::RelPos];
        r[Ctx::LnNegRun] = flag(z[i] < 0.0) * ln1(run_len[i] as f32);
        r[Ctx::LnPosRun] = flag(z[i] >= 0.0) * ln1(run_len[i] as f32);
        r[Ctx::P1Prev10] = means.mean(i.saturating_sub(10), i, 0.5);
        r[Ctx::P1Next10] = means.mean(i + 1, (i + 11).min(n), 0.5);
        r[Ctx::Switch] = flag(switch[i]);
        r[Ctx::LnSinceSwitch] = ln1(match last_switch {
            Some(s) => (i - s) as f32,
            None => (i + n) as f32,
        });
        r[Ctx::LnBodySinceSwitch] = ln1(body_words as f32);
        r[Ctx::LnBodyBeforeSwitch] = ln1(body_before_switch as f32);
        r[Ctx::LnHeadlineRun] = flag(headline[i]) * ln1(headline_run[i] as f32);
        r[Ctx::LnLeadRun] = flag(lead_run[i] >= 2) * ln1(lead_run[i] as f32);
        r[Ctx::LnSwitchList] = ln1(switch_list as f32);
        r[Ctx::CommentSwitch] = flag(comment_switch);
        r[Ctx::LnShapeUnits] = ln1(units[i] as f32);
        let near = cdated[(i + DATED_RADIUS + 1).min(n)] - cdated[i.saturating_sub(DATED_RADIUS)];
        r[Ctx::LnDatedNear] = ln1((near - dated[i]) as f32);
        r.set_packs(l.packs());
        debug_assert!(r.is_complete(), "a context feature is not written");
        out.push(r);
        if switch[i] {
            last_switch = Some(i);
            body_words = 0;
            body_before_switch = body_total;
        } else if z[i] > 0.0 {
            body_words += stats[i].words;
            body_total += stats[i].words;
        }
        if stats[i].words <= 6 && l[Text::EndTerminal] == 0.0 {
            head = Some(i);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_cover_each_block() {
        let v = [1, 1, 2, 3, 3, 3];
        assert_eq!(runs(v.len(), |a, b| v[a] == v[b]), [2, 2, 1, 3, 3, 3]);
        assert!(runs(0, |_, _| true).is_empty());
    }

    #[test]
    fn repeated_units_of_shapes() {
        // title, date, summary x 3 after two prose paragraphs.
        let (t, d, p) = (PROSE | 8, PROSE | 5, 18);
        let shapes = [p, p, t, d, p, t, d, p, t, d, p, p];
        let u = shape_units(&shapes);
        // (The paragraph before the cards has the summary's shape, so the
        // run may start there: its phase is not known.)
        assert_eq!((u[0], u[11]), (0, 0));
        assert!(u[2..11].iter().all(|&x| x == 3), "{u:?}");
        // Prose alone repeats by nature: no unit.
        assert_eq!(shape_units(&[p; 10]), vec![0; 10]);
        // A list of short lines: one unit a line.
        assert_eq!(shape_units(&[t; 5]), vec![5; 5]);
    }

    #[test]
    fn switch_packs_are_the_section_packs() {
        let names: Vec<&str> = SWITCH_PACKS.iter().map(|p| p.name()).collect();
        assert_eq!(
            names,
            [
                "pack_app",
                "pack_subscribe",
                "pack_share",
                "pack_comment",
                "pack_related",
                "pack_legal",
                "pack_author"
            ]
        );
    }
}
