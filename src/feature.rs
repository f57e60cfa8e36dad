//! Stage 2 of the pipeline: block features.
//!
//! This is the only featuriser: the trainer in `xtask/` calls it through the
//! `_internal` feature, so training and inference cannot diverge.
//!
//! Two feature sets:
//! - *local* features ([`LOCAL`]) describe one block on its own: length,
//!   punctuation, capitals, digits, function-word density, position, and the
//!   learned phrases it contains (sparse, scored by the model);
//! - *context* features ([`CONTEXT`]) describe a block's place in the page,
//!   from the local scores of its neighbours: the scores around it, whether
//!   it lies in the page's main body region, and the heading that governs
//!   its section.

use crate::model::Model;
use crate::segment::Segmented;

/// Names of the DOM features, in vector order. They are appended to the
/// local features ([`LOCAL`]); on text input they are 0.
pub const DOM: [&str; 30] = [
    "dom_heading",
    "dom_h1_h2",
    "dom_p",
    "dom_li",
    "dom_cell",
    "dom_quote_pre",
    "dom_caption",
    "dom_link_density",
    "dom_all_link",
    "dom_form",
    "dom_in_nav",
    "dom_cls_nav",
    "dom_cls_footer",
    "dom_cls_side",
    "dom_cls_comment",
    "dom_cls_related",
    "dom_cls_share",
    "dom_cls_ad",
    "dom_cls_cookie",
    "dom_cls_content",
    "dom_in_article",
    "dom_ln_depth",
    "dom_cls_meta",
    "dom_cls_title",
    "dom_parent_share",
    "dom_parent_link_density",
    "dom_ln_parent_p",
    "dom_grand_share",
    "dom_grand_link_density",
    "dom_ln_grand_p",
];

/// Number of DOM features.
pub const N_DOM: usize = DOM.len();

/// The pack features: one per pack of [`PACKS`], in the local features
/// and again in the context features.
const PACK_FEATURES: [&str; 11] = [
    "pack_gambling",
    "pack_app",
    "pack_subscribe",
    "pack_share",
    "pack_cookie",
    "pack_comment",
    "pack_related",
    "pack_legal",
    "pack_account",
    "pack_ad",
    "pack_author",
];

/// Names of the local features of any page (text or HTML), before the
/// packs.
const BASE_LOCAL: [&str; L_PACK0] = [
    "ln_chars",
    "ln_words",
    "end_terminal",
    "end_colon",
    "end_ellipsis",
    "end_alnum",
    "end_close",
    "bullet",
    "upper_ratio",
    "cap_word_ratio",
    "digit_ratio",
    "punct_ratio",
    "stop_ratio",
    "ln_stopwords",
    "mean_word_len",
    "ln_sentences",
    "comma_per_word",
    "ln_separators",
    "ln_tabs",
    "ln_indent",
    "blank_before",
    "rel_pos",
    "first3",
    "last3",
    "one_word",
    "le3_words",
    "le10_words",
    "long_terminal",
    "dup_in_page",
    "ln_page_blocks",
    "starts_upper",
    "starts_digit",
    "starts_quote",
    "ln_phrase_hits",
];

/// Names of the local features, in vector order: the text features, then
/// the DOM features ([`DOM`]), 0 for text input.
pub const LOCAL: [&str; L_DOM0 + N_DOM] =
    concat::<L_DOM0, N_DOM, { L_DOM0 + N_DOM }>(concat(BASE_LOCAL, PACK_FEATURES), DOM);

/// `a` followed by `b`, at compile time.
const fn concat<const A: usize, const B: usize, const C: usize>(
    a: [&'static str; A],
    b: [&'static str; B],
) -> [&'static str; C] {
    assert!(A + B == C);
    let mut out = [""; C];
    let mut i = 0;
    while i < A {
        out[i] = a[i];
        i += 1;
    }
    let mut j = 0;
    while j < B {
        out[A + j] = b[j];
        j += 1;
    }
    out
}

/// Index in [`LOCAL`] of the first DOM feature.
pub(crate) const L_DOM0: usize = 45;

/// The curated phrase packs, by category: the local feature `pack_<name>`
/// counts the phrases of that pack a block contains. The phrases are in the
/// model; their category weights are fitted like every other feature.
pub const PACKS: [&str; 11] = [
    "gambling",
    "app",
    "subscribe",
    "share",
    "cookie",
    "comment",
    "related",
    "legal",
    "account",
    "ad",
    "author",
];
/// Index in [`LOCAL`] of the first pack feature.
const L_PACK0: usize = 34;
/// The packs whose phrases head a section of page furniture ("Related
/// articles", "Comments", "Sign up", "Get the app", "About the author",
/// "Share this") or end the article ("All rights reserved"): a short block
/// with one of them is a *section switch*.
const SWITCH_PACKS: [usize; 7] = [1, 2, 3, 5, 6, 7, 10];
/// A section switch has at most this many words.
const SWITCH_WORDS: u32 = 8;

/// Number of local features.
pub const N_LOCAL: usize = LOCAL.len();

const L_LN_WORDS: usize = 1;
const L_END_TERMINAL: usize = 2;
const L_BULLET: usize = 7;
const L_REL_POS: usize = 21;
const L_LE3: usize = 25;

/// Names of the context features, before the packs.
const BASE_CONTEXT: [&str; CTX_PACK0] = [
    "z1",
    "z1_neg",
    "z1_prev1",
    "z1_prev2",
    "z1_next1",
    "z1_next2",
    "p1_win3",
    "p1_win10",
    "in_region",
    "z1_in_region",
    "ln_before_region",
    "ln_after_region",
    "head_z1",
    "ln_head_dist",
    "ln_words",
    "end_terminal",
    "bullet",
    "le3_words",
    "rel_pos",
    "ln_neg_run",
    "ln_pos_run",
    "p1_prev10",
    "p1_next10",
    "switch",
    "ln_since_switch",
    "ln_body_since_switch",
    "ln_body_before_switch",
    "ln_headline_run",
    "ln_lead_run",
    "ln_switch_list",
];

/// Names of the context features, in vector order.
pub const CONTEXT: [&str; CTX_PACK0 + PACKS.len()] = concat(BASE_CONTEXT, PACK_FEATURES);
/// Index in [`CONTEXT`] of the first pack feature: the curated packs
/// count again in the final score, so that one strong junk phrase is not
/// averaged away by a content-rich neighbourhood.
pub(crate) const CTX_PACK0: usize = 30;

/// Indices of the context features that carry the block's own local score.
pub(crate) const CTX_Z1: usize = 0;
pub(crate) const CTX_Z1_NEG: usize = 1;
pub(crate) const CTX_Z1_IN_REGION: usize = 9;

/// Number of context features.
pub const N_CONTEXT: usize = CONTEXT.len();

/// Pages of at least this many blocks have a top and a bottom (`first3`,
/// `last3`); on shorter ones every block would be both.
const LONG_PAGE: usize = 12;
/// The value a missing neighbour's score takes: the page edge reads as junk.
const EDGE_Z: f32 = -2.0;
/// Local scores are clipped to this magnitude before use as context.
const Z_CLIP: f32 = 8.0;

/// Raw counts of one block, from one pass over its text.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Stats {
    pub chars: u32,
    pub letters: u32,
    pub upper: u32,
    pub digits: u32,
    pub punct: u32,
    pub words: u32,
    pub cap_words: u32,
    pub sentences: u32,
    pub commas: u32,
    pub separators: u32,
    pub tabs: u32,
    pub first: char,
    pub last: char,
    pub ellipsis: bool,
}

impl Stats {
    /// Counts the block text `s` (trimmed, non-empty) with its normalised
    /// form `norm`.
    pub(crate) fn of(s: &str, norm: &str) -> Stats {
        let mut st = Stats {
            words: (norm.bytes().filter(|&b| b == b' ').count() as u32).saturating_sub(1),
            ..Stats::default()
        };
        let mut prev_alnum = false;
        let mut prev = ' ';
        for c in s.chars() {
            st.chars += 1;
            // ASCII is classified without the Unicode tables.
            let (alnum, alpha, upper) = if c.is_ascii() {
                let b = c as u8;
                (
                    b.is_ascii_alphanumeric(),
                    b.is_ascii_alphabetic(),
                    b.is_ascii_uppercase(),
                )
            } else {
                crate::segment::classify(c)
            };
            if alnum {
                if alpha {
                    st.letters += 1;
                    if upper {
                        st.upper += 1;
                        if !prev_alnum {
                            st.cap_words += 1;
                        }
                    }
                } else {
                    st.digits += 1;
                }
            } else if !c.is_whitespace() {
                st.punct += 1;
                match c {
                    ',' | '、' | '，' => st.commas += 1,
                    '|' | '»' | '›' | '>' | '/' | '·' | '•' | '«' | '‹' | '<' => {
                        st.separators += 1
                    }
                    '.' | '!' | '?' | '。' | '！' | '？' if prev.is_alphanumeric() => {
                        st.sentences += 1
                    }
                    _ => {}
                }
            } else if c == '\t' {
                st.tabs += 1;
            }
            prev_alnum = alnum;
            prev = c;
        }
        st.first = s.chars().next().unwrap_or(' ');
        st.last = s.chars().next_back().unwrap_or(' ');
        st.ellipsis = s.ends_with("...") || s.ends_with('…');
        st
    }
}

/// Phrase and function-word hits of every block of a page.
#[derive(Debug, Default)]
pub(crate) struct Hits {
    /// Per block, the range of its phrase ids in `ids`.
    pub ranges: Vec<(u32, u32)>,
    /// Phrase ids, grouped by block, each block's sorted and unique.
    pub ids: Vec<u32>,
    /// Per block, the number of function-word hits.
    pub stopwords: Vec<u32>,
    /// Per block, the number of hits of each pack.
    pub packs: Vec<[u16; PACKS.len()]>,
}

impl Hits {
    /// The phrase ids that block `i` contains.
    pub fn of(&self, i: usize) -> &[u32] {
        let (a, b) = self.ranges[i];
        &self.ids[a as usize..b as usize]
    }
}

/// Runs the model's automaton once over the page's normalised buffer.
pub(crate) fn hits(seg: &Segmented, model: &Model) -> Hits {
    let n = seg.blocks.len();
    let mut out = Hits {
        ranges: Vec::with_capacity(n),
        ids: Vec::new(),
        stopwords: vec![0; n],
        packs: vec![[0; PACKS.len()]; n],
    };
    let mut ids: Vec<u32> = Vec::new();
    for (i, b) in seg.blocks.iter().enumerate() {
        ids.clear();
        let mut stop = 0u32;
        let mut packs = [0u16; PACKS.len()];
        model
            .matcher()
            .scan(seg.norm[b.norm.clone()].as_bytes(), |pid| {
                let role = model.pattern_role(pid);
                if let Some(id) = role.phrase {
                    ids.push(id);
                }
                stop += role.stopword as u32;
                if role.packs != 0 {
                    for (k, c) in packs.iter_mut().enumerate() {
                        if role.packs & (1 << k) != 0 {
                            *c = c.saturating_add(1);
                        }
                    }
                }
            });
        ids.sort_unstable();
        ids.dedup();
        let a = out.ids.len() as u32;
        out.ids.extend_from_slice(&ids);
        out.ranges.push((a, out.ids.len() as u32));
        out.stopwords[i] = stop;
        out.packs[i] = packs;
    }
    out
}

/// What a pattern of the model's automaton stands for.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Role {
    /// A learned phrase, by index into the model's phrase weights.
    pub phrase: Option<u32>,
    /// A function word, counted for the density feature.
    pub stopword: bool,
    /// Bit `k` set: the phrase belongs to pack `PACKS[k]`.
    pub packs: u16,
}

fn ln1(x: f32) -> f32 {
    (1.0 + x).ln()
}

fn flag(b: bool) -> f32 {
    if b { 1.0 } else { 0.0 }
}

/// The local feature vectors of every block of a page.
pub(crate) fn local(
    text: &str,
    seg: &Segmented,
    hits: &Hits,
    stats: &[Stats],
    dup_in_page: &[bool],
    dom: Option<&[[f32; N_DOM]]>,
) -> Vec<[f32; N_LOCAL]> {
    let n = seg.blocks.len();
    let ln_page = ln1(n as f32);
    let mut out = Vec::with_capacity(n);
    for (i, b) in seg.blocks.iter().enumerate() {
        let st = &stats[i];
        let chars = st.chars.max(1) as f32;
        let words = st.words as f32;
        let letters = st.letters.max(1) as f32;
        let last = st.last;
        let end_terminal = matches!(last, '.' | '!' | '?' | '。' | '！' | '？')
            || (matches!(last, '"' | '\'' | '”' | '’' | ')' | '»')
                && text[b.span.clone()]
                    .trim_end_matches(['"', '\'', '”', '’', ')', '»'])
                    .ends_with(['.', '!', '?']));
        let end_alnum = last.is_alphanumeric();
        let end_close = !end_terminal && matches!(last, '"' | '\'' | '”' | '’' | ')' | ']');
        let stop = hits.stopwords[i] as f32;
        let phrase_hits = hits.of(i).len() as f32;
        let first = st.first;
        let pk = &hits.packs[i];
        let head: [f32; L_PACK0] = [
            ln1(chars),
            ln1(words),
            flag(end_terminal && !st.ellipsis),
            flag(last == ':'),
            flag(st.ellipsis),
            flag(end_alnum),
            flag(end_close),
            flag(matches!(
                first,
                '•' | '-' | '*' | '·' | '–' | '—' | '►' | '▶' | '»'
            )),
            st.upper as f32 / letters,
            if words > 0.0 {
                (st.cap_words as f32 / words).min(1.0)
            } else {
                0.0
            },
            st.digits as f32 / chars,
            st.punct as f32 / chars,
            if words > 0.0 { stop / words } else { 0.0 },
            ln1(stop),
            if words > 0.0 {
                ((st.letters + st.digits) as f32 / words).min(20.0) / 10.0
            } else {
                0.0
            },
            ln1(st.sentences as f32),
            if words > 0.0 {
                (st.commas as f32 / words).min(1.0)
            } else {
                0.0
            },
            ln1(st.separators as f32),
            ln1(st.tabs as f32),
            ln1(b.indent as f32),
            flag(b.blank_before),
            if n > 1 {
                i as f32 / (n - 1) as f32
            } else {
                0.0
            },
            flag(i < 3 && n >= LONG_PAGE),
            flag(i + 3 >= n && n >= LONG_PAGE),
            flag(st.words == 1),
            flag(st.words <= 3),
            flag(st.words <= 10),
            ln1(words) * flag(end_terminal),
            flag(dup_in_page[i]),
            ln_page,
            flag(first.is_uppercase()),
            flag(first.is_ascii_digit()),
            flag(matches!(first, '"' | '“' | '\'' | '‘' | '«')),
            ln1(phrase_hits),
        ];
        let mut f = [0f32; N_LOCAL];
        f[..L_PACK0].copy_from_slice(&head);
        for (k, &c) in pk.iter().enumerate() {
            f[L_PACK0 + k] = ln1(c as f32);
        }
        if let Some(d) = dom.and_then(|d| d.get(i)) {
            f[L_DOM0..].copy_from_slice(d);
        }
        out.push(f);
    }
    out
}

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

fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

/// The context feature vectors of every block, from the local scores `z1`.
pub(crate) fn context(
    seg: &Segmented,
    stats: &[Stats],
    local: &[[f32; N_LOCAL]],
    z1: &[f32],
) -> Vec<[f32; N_CONTEXT]> {
    let n = seg.blocks.len();
    if n == 0 {
        return Vec::new();
    }
    let z: Vec<f32> = z1.iter().map(|z| z.clamp(-Z_CLIP, Z_CLIP)).collect();
    let p: Vec<f32> = z.iter().map(|&z| sigmoid(z)).collect();
    let w: Vec<f32> = stats.iter().map(|s| ln1(s.chars as f32)).collect();

    // Prefix sums of weight and weighted probability, for window means.
    let mut cw = vec![0f64; n + 1];
    let mut cwp = vec![0f64; n + 1];
    for i in 0..n {
        cw[i + 1] = cw[i] + w[i] as f64;
        cwp[i + 1] = cwp[i] + (w[i] * p[i]) as f64;
    }
    let win = |i: usize, r: usize| -> f32 {
        let a = i.saturating_sub(r);
        let b = (i + r + 1).min(n);
        let ww = cw[b] - cw[a];
        if ww > 0.0 {
            ((cwp[b] - cwp[a]) / ww) as f32
        } else {
            0.0
        }
    };

    // The main body region: the contiguous run of blocks with the largest
    // sum of (p - 1/2) weighted by length (Kadane, linear).
    let (mut best, mut best_a, mut best_b) = (f64::MIN, 0usize, 0usize);
    let (mut run, mut run_a) = (0f64, 0usize);
    for i in 0..n {
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
    // One-sided window means, excluding the block itself; an empty side
    // says nothing (1/2).
    let side = |a: usize, b: usize| -> f32 {
        let ww = cw[b] - cw[a];
        if ww > 0.0 {
            ((cwp[b] - cwp[a]) / ww) as f32
        } else {
            0.5
        }
    };
    // Lengths of the runs of same-sign local scores.
    let run_len = runs(n, |a, b| (z[a] < 0.0) == (z[b] < 0.0));

    // Section switches: short blocks with a section pack phrase. After one,
    // the distance to it and the words of body-like blocks since.
    let switch: Vec<bool> = (0..n)
        .map(|i| {
            stats[i].words <= SWITCH_WORDS
                && SWITCH_PACKS.iter().any(|&k| local[i][L_PACK0 + k] > 0.0)
        })
        .collect();
    // List runs. A block is headline-shaped when it has 3 to 20 words and
    // no sentence end: a run of them is a list of links, a single one a
    // subheading. Its lead is its first word with digits folded (`05 nov` and
    // `04 nov` share it), or the bullet: runs of equal leads are lists of
    // dated or numbered entries. The blocks right after a section switch
    // that are list entries (headline-shaped, bulleted or of at most 3
    // words) are counted from the switch on, so that the one-word entries
    // of a "Read also" inset are told from the body.
    let headline: Vec<bool> = (0..n)
        .map(|i| {
            (3..=20).contains(&stats[i].words)
                && local[i][L_END_TERMINAL] == 0.0
                && stats[i].last != ':'
        })
        .collect();
    let headline_run = runs(n, |a, b| headline[a] && headline[b]);
    let lead: Vec<u64> = (0..n)
        .map(|i| {
            if local[i][L_BULLET] > 0.0 {
                return 1;
            }
            let first = seg.norm_of(i).trim_start().split(' ').next().unwrap_or("");
            // FNV-1a over the word with digits folded; never 1.
            let h = first.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
                let b = if b.is_ascii_digit() { b'0' } else { b };
                (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
            });
            h | 2
        })
        .collect();
    let lead_run = runs(n, |a, b| lead[a] == lead[b]);
    let list_entry: Vec<bool> = (0..n)
        .map(|i| headline[i] || local[i][L_BULLET] > 0.0 || stats[i].words <= 3)
        .collect();
    let mut switch_list = 0u32;
    let mut in_switch_list = false;

    let mut out = Vec::with_capacity(n);
    let mut last_switch: Option<usize> = None;
    let mut body_words = 0u32;
    let mut body_total = 0u32;
    let mut body_before_switch = 0u32;
    // The nearest preceding short block (a heading or label).
    let mut head: Option<usize> = None;
    for i in 0..n {
        if switch[i] {
            switch_list = 0;
            in_switch_list = true;
        } else if in_switch_list && list_entry[i] {
            switch_list += 1;
        } else {
            in_switch_list = false;
            switch_list = 0;
        }
        let at = |j: isize| -> f32 {
            if j < 0 || j as usize >= n {
                EDGE_Z
            } else {
                z[j as usize]
            }
        };
        let ii = i as isize;
        let in_region = i >= best_a && i < best_b;
        let before = best_a.saturating_sub(i);
        let after = if i >= best_b { i + 1 - best_b } else { 0 };
        let (head_z, head_dist) = match head {
            Some(h) => (z[h], (i - h) as f32),
            None => (EDGE_Z, n as f32),
        };
        let l = &local[i];
        out.push([
            z[i],
            z[i].min(0.0),
            at(ii - 1),
            at(ii - 2),
            at(ii + 1),
            at(ii + 2),
            win(i, 3),
            win(i, 10),
            flag(in_region),
            if in_region { z[i] } else { 0.0 },
            ln1(before as f32),
            ln1(after as f32),
            head_z,
            ln1(head_dist),
            l[L_LN_WORDS],
            l[L_END_TERMINAL],
            l[L_BULLET],
            l[L_LE3],
            l[L_REL_POS],
            flag(z[i] < 0.0) * ln1(run_len[i] as f32),
            flag(z[i] >= 0.0) * ln1(run_len[i] as f32),
            side(i.saturating_sub(10), i),
            side(i + 1, (i + 11).min(n)),
            flag(switch[i]),
            ln1(match last_switch {
                Some(s) => (i - s) as f32,
                None => (i + n) as f32,
            }),
            ln1(body_words as f32),
            ln1(body_before_switch as f32),
            flag(headline[i]) * ln1(headline_run[i] as f32),
            flag(lead_run[i] >= 2) * ln1(lead_run[i] as f32),
            ln1(switch_list as f32),
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
        ]);
        let row = out.last_mut().expect("just pushed");
        row[CTX_PACK0..].copy_from_slice(&l[L_PACK0..L_PACK0 + PACKS.len()]);
        if switch[i] {
            last_switch = Some(i);
            body_words = 0;
            body_before_switch = body_total;
        } else if z[i] > 0.0 {
            body_words += stats[i].words;
            body_total += stats[i].words;
        }
        if stats[i].words <= 6 && l[L_END_TERMINAL] == 0.0 {
            head = Some(i);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stats_count() {
        let s = "Hello World, this is a Test. OK!";
        let st = Stats::of(s, &crate::segment::normalize(s));
        assert_eq!(st.words, 7);
        assert_eq!(st.cap_words, 4);
        assert_eq!(st.sentences, 2);
        assert_eq!(st.commas, 1);
        assert_eq!(st.last, '!');
    }

    #[test]
    fn indices_match_names() {
        assert_eq!(LOCAL[L_LN_WORDS], "ln_words");
        assert_eq!(LOCAL[L_END_TERMINAL], "end_terminal");
        assert_eq!(LOCAL[L_BULLET], "bullet");
        assert_eq!(LOCAL[L_REL_POS], "rel_pos");
        assert_eq!(LOCAL[L_LE3], "le3_words");
        assert_eq!(CONTEXT[CTX_Z1], "z1");
        assert_eq!(CONTEXT[CTX_Z1_NEG], "z1_neg");
        assert_eq!(CONTEXT[CTX_Z1_IN_REGION], "z1_in_region");
        for (k, p) in PACKS.iter().enumerate() {
            assert_eq!(LOCAL[L_PACK0 + k], format!("pack_{p}"));
        }
        for (k, p) in PACKS.iter().enumerate() {
            assert_eq!(CONTEXT[CTX_PACK0 + k], format!("pack_{p}"));
        }
        for (k, d) in DOM.iter().enumerate() {
            assert_eq!(LOCAL[L_DOM0 + k], *d);
        }
        let switch: Vec<&str> = SWITCH_PACKS.iter().map(|&k| PACKS[k]).collect();
        assert_eq!(
            switch,
            [
                "app",
                "subscribe",
                "share",
                "comment",
                "related",
                "legal",
                "author"
            ]
        );
    }

    #[test]
    fn runs_cover_each_block() {
        let v = [1, 1, 2, 3, 3, 3];
        assert_eq!(runs(v.len(), |a, b| v[a] == v[b]), [2, 2, 1, 3, 3, 3]);
        assert!(runs(0, |_, _| true).is_empty());
    }

    #[test]
    fn names_are_unique() {
        let mut v: Vec<&str> = LOCAL.to_vec();
        v.sort_unstable();
        v.dedup();
        assert_eq!(v.len(), N_LOCAL);
        let mut v: Vec<&str> = CONTEXT.to_vec();
        v.sort_unstable();
        v.dedup();
        assert_eq!(v.len(), N_CONTEXT);
    }
}
