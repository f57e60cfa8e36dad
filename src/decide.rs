//! Stage 5 of the pipeline: the decision rules over a scored page. In
//! order: the threshold, the body fallback, what is not text
//! ([`crate::not_text`]), the site memory, the title
//! (and the page header above it), the comment section's posts (when
//! asked for), the user's patterns, and the deduplication pass ([`dedup`](crate::dedup)).

use std::collections::{HashMap, hash_map::Entry};

use aho_corasick::{AhoCorasick, MatchKind};

use crate::dedup::{self, Dup};
use crate::error::Error;
use crate::feature::{Ctx, Dom, Pack, Text, TitleRow, is_short_dated};
use crate::memory::Recurrence;
use crate::model::Model;
use crate::not_text::is_not_text;
use crate::score::Scored;
use crate::segment::{is_invisible_line, normalize};
use crate::title;

/// When no block that reads as body reaches the threshold, blocks scoring
/// at least this share of the page's best score are kept, if that best
/// score is at least [`FALLBACK_MIN`] (chosen on the validation pages:
/// ratios 0.5, 0.7 and 0.9 are within 0.3 F1 points of each other, and all
/// beat an empty output by about 1 point on Dragnet; a floor of 0.2 costs
/// 0.1 point). Under the floor, the blocks that read as body and score at
/// least this share of the best of them are kept (a page with a sentence
/// of body never cleans to nothing: issue 31; validation F1 unchanged on
/// every set, 10 of 7,614 page runs changed).
const FALLBACK_RATIO: f32 = 0.5;
const FALLBACK_MIN: f32 = 0.2;
/// A comment's post has at least this many words (see [`comment_posts`]);
/// one with a phrase of the comment pack (`reply`) at least
/// `LONG_POST_WORDS`.
const POST_WORDS: u32 = 5;
const LONG_POST_WORDS: u32 = 20;

/// The settings the rules apply.
#[derive(Debug)]
pub(crate) struct Rules {
    pub threshold: f32,
    pub title: bool,
    /// Keep the posts of an article's comment section.
    pub comments: bool,
    pub dedup: bool,
    pub junk: Option<UserPatterns>,
    pub keep: Option<UserPatterns>,
}

/// A user's pattern list, compiled.
#[derive(Debug)]
pub(crate) struct UserPatterns {
    /// The patterns as normalised (for reasons).
    normalized: Vec<String>,
    matcher: AhoCorasick,
}

impl UserPatterns {
    /// Compiles the user's keep (`keep`) or junk patterns; `None` when it is
    /// empty.
    pub(crate) fn new(keep: bool, patterns: &[String]) -> Result<Option<UserPatterns>, Error> {
        if patterns.is_empty() {
            return Ok(None);
        }
        let mut normalized = Vec::with_capacity(patterns.len());
        for (index, p) in patterns.iter().enumerate() {
            let n = normalize(p);
            if n.trim().is_empty() {
                return Err(Error::empty_pattern(keep, index));
            }
            normalized.push(n);
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(&normalized)
            .map_err(|e| Error::patterns(e.to_string()))?;
        Ok(Some(UserPatterns {
            normalized: normalized.iter().map(|s| s.trim().to_string()).collect(),
            matcher,
        }))
    }

    /// The first pattern found in a normalised block, if any.
    fn find(&self, norm: &str) -> Option<usize> {
        self.matcher.find(norm).map(|m| m.pattern().as_usize())
    }

    /// Pattern `p`, normalised.
    pub(crate) fn pattern(&self, p: usize) -> &str {
        &self.normalized[p]
    }
}

/// Why a block ended up kept or dropped.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Why {
    /// The model's score (with the body fallback).
    Model,
    /// The page's title, kept or dropped by the title setting.
    Title,
    /// Above the title with this index.
    AboveTitle(usize),
    /// The user's keep pattern with this index.
    Keep(usize),
    /// The user's junk pattern with this index.
    Junk(usize),
    /// The deduplication pass.
    Dup(Dup),
    /// The site memory.
    Site,
    /// A byline or date line between the title (at this index) and the
    /// body.
    Dateline(usize),
    /// A post of the comment section, kept on the user's request.
    Comment,
    /// Kept by an earlier window of a long page, at this line of the
    /// page (see [`drop_seen`]).
    Seen(usize),
    /// Not text: decoded binary data, a base64 or hex blob, minified code
    /// ([`crate::not_text`]).
    NotText,
}

/// The decision on every block of a page.
#[derive(Debug)]
pub(crate) struct Decisions {
    pub kept: Vec<bool>,
    pub why: Vec<Why>,
    /// The page's title, kept or not.
    pub title: Option<usize>,
    /// Where the body starts (in the first window).
    pub start: Option<usize>,
}

/// Decides every block of a scored page, or of a window of a long page
/// (see [`crate::segment::windows`]): the body fallback and the title are
/// looked for in the `first` window only.
pub(crate) fn decide(
    rules: &Rules,
    model: &Model,
    page: &Scored<'_>,
    site: Option<&Recurrence>,
    first: bool,
) -> Decisions {
    let n = page.len();
    let (mut kept, mut why) = by_model(rules, page, site, first);
    let recurring = |i: usize| site.is_some_and(|r| r.is_recurring(i));
    let start = first.then(|| body_start(page, &kept)).flatten();
    let title = start.and_then(|start| find_title(model, page, start, recurring));
    if let (Some(t), Some(start)) = (title, start) {
        kept[t] = rules.title;
        why[t] = Why::Title;
        // The article starts at its title: what is above it is the
        // page's header (site name and tagline, menus, breadcrumb,
        // section labels).
        for i in 0..t {
            if kept[i] {
                kept[i] = false;
                why[i] = Why::AboveTitle(t);
            }
        }
        // Between the title and the body: the byline and date lines.
        for i in t + 1..start {
            if kept[i] && is_dateline(page, i) {
                kept[i] = false;
                why[i] = Why::Dateline(t);
            }
        }
        if !rules.title {
            for i in t + 1..n {
                if page.seg.norm_of(i) == page.seg.norm_of(t) {
                    kept[i] = false;
                    why[i] = Why::Title;
                }
            }
        }
    }
    if rules.comments {
        for i in comment_posts(page) {
            if !kept[i] && !recurring(i) && title.is_none_or(|t| i > t) {
                kept[i] = true;
                why[i] = Why::Comment;
            }
        }
    }
    if rules.junk.is_some() || rules.keep.is_some() {
        for i in 0..n {
            let norm = page.seg.norm_of(i);
            if let Some(p) = rules.keep.as_ref().and_then(|k| k.find(norm)) {
                kept[i] = true;
                why[i] = Why::Keep(p);
            } else if let Some(p) = rules.junk.as_ref().and_then(|k| k.find(norm)) {
                kept[i] = false;
                why[i] = Why::Junk(p);
            }
        }
    }
    if rules.dedup {
        let words: Vec<u32> = page.stats.iter().map(|st| st.words).collect();
        for (i, d) in dedup::dedup(&page.seg, &words, &mut kept)
            .into_iter()
            .enumerate()
        {
            if let Some(d) = d {
                why[i] = Why::Dup(d);
            }
        }
    }
    Decisions {
        kept,
        why,
        title,
        start,
    }
}

/// The model's decisions on a page: the threshold, the body fallback (in
/// the `first` window), invisible lines, what is not text and the site
/// memory.
fn by_model(
    rules: &Rules,
    page: &Scored<'_>,
    site: Option<&Recurrence>,
    first: bool,
) -> (Vec<bool>, Vec<Why>) {
    let n = page.len();
    let mut kept: Vec<bool> = (0..n).map(|i| page.prob(i) >= rules.threshold).collect();
    let mut why = vec![Why::Model; n];
    // What is not text is never kept, and never counts as body below.
    let not_text: Vec<bool> = (0..n)
        .map(|i| is_not_text(page.block_text(i), &page.stats[i]))
        .collect();
    let body = |i: usize| body_like(page, i) && !not_text[i];
    // A page has a body: when no block that reads as body reaches the
    // threshold, the blocks scoring close to the page's best are kept as
    // well; and when the best is under the fallback's floor, the blocks
    // that read as body and score close to the best of them (a page with
    // a sentence of body never cleans to nothing).
    if first && !(0..n).any(|i| kept[i] && body(i)) {
        let best_of = |of: &dyn Fn(usize) -> bool| {
            (0..n)
                .filter(|&i| of(i))
                .map(|i| page.prob(i))
                .fold(0.0f32, f32::max)
        };
        let any_block = |_: usize| true;
        let of: &dyn Fn(usize) -> bool = if best_of(&any_block) >= FALLBACK_MIN {
            &any_block
        } else {
            &body
        };
        let floor = best_of(of) * FALLBACK_RATIO;
        for (i, k) in kept.iter_mut().enumerate() {
            *k |= of(i) && page.prob(i) >= floor;
        }
    }
    // A block a reader cannot see (zero-width spaces, direction marks,
    // control characters only) is never kept. (It never reads as body, so
    // the fallback above could not have hinged on it.)
    for (i, k) in kept.iter_mut().enumerate() {
        *k = *k && !is_invisible_line(page.block_text(i));
        if not_text[i] {
            *k = false;
            why[i] = Why::NotText;
        }
    }

    // Lines the site memory knows as the site's boilerplate go, and
    // cannot be the title; but the memory never takes all of a page's
    // body (pages of a site that differ only in their numbers: digits are
    // folded in the memory's keys).
    let recurring = |i: usize| site.is_some_and(|r| r.is_recurring(i));
    let spare_body =
        !(0..n).any(|i| kept[i] && body(i) && !recurring(i)) && (0..n).any(|i| kept[i] && body(i));
    for i in (0..n).filter(|&i| recurring(i)) {
        if spare_body && kept[i] && body(i) {
            continue;
        }
        kept[i] = false;
        why[i] = Why::Site;
    }
    (kept, why)
}

/// The blocks of a page that read as the posts of a comment section: in
/// the section (after a comments heading such as `12 Comments` or `Leave a
/// reply`, up to the next section switch; in HTML also inside an element
/// whose class or id names comments), prose of at least
/// [`POST_WORDS`] words, and not one of the section's controls (a block
/// with a comment-pack phrase such as `Reply` or `Report abuse`, unless it
/// is a long post).
fn comment_posts<'p>(page: &'p Scored<'_>) -> impl Iterator<Item = usize> + 'p {
    (0..page.len()).filter(move |&i| {
        let (st, local) = (&page.stats[i], &page.local[i]);
        let in_section = page.context[i][Ctx::CommentSwitch] > 0.0 || local[Dom::ClsComment] > 0.0;
        in_section
            && st.words >= POST_WORDS
            && (local[Pack::Comment] == 0.0 || st.words >= LONG_POST_WORDS)
    })
}

/// The candidates for the title of a page and their title features, as
/// [`decide`] weighs them (for the trainer, which fits the title scorer).
#[cfg_attr(not(feature = "_internal"), allow(dead_code))]
pub(crate) fn title_candidates(rules: &Rules, page: &Scored<'_>) -> Vec<(usize, TitleRow)> {
    let (kept, _) = by_model(rules, page, None, true);
    body_start(page, &kept).map_or_else(Vec::new, |start| title::candidates(page, start, |_| false))
}

/// Finds the page's title: of the candidates above the start of the body
/// (the first kept block that reads as body, [`body_like`]; see
/// [`title::candidates`]), the one the model's title scorer rates highest,
/// if it rates it a title at all (a logit of at least 0).
fn find_title(
    model: &Model,
    page: &Scored<'_>,
    start: usize,
    recurring: impl Fn(usize) -> bool,
) -> Option<usize> {
    title::candidates(page, start, recurring)
        .into_iter()
        .map(|(i, row)| (i, model.title_logit(&row)))
        .filter(|&(_, z)| z >= 0.0)
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(i, _)| i)
}

/// Whether block `i` reads as a byline or date line: short and dated
/// ([`is_short_dated`]), not a sentence.
fn is_dateline(page: &Scored<'_>, i: usize) -> bool {
    is_short_dated(&page.stats[i], &page.local[i]) && page.local[i][Text::EndTerminal] == 0.0
}

/// The start of the body: the first kept block that reads as body.
fn body_start(page: &Scored<'_>, kept: &[bool]) -> Option<usize> {
    (0..page.len()).find(|&i| kept[i] && body_like(page, i))
}

/// Whether a block reads as body text: a sentence of at least 10 words, or
/// any block longer than a heading-like one ([`title::most_words`]);
/// words as a reader counts them
/// ([`Stats::reading_words`](crate::segment::Stats::reading_words)).
fn body_like(page: &Scored<'_>, i: usize) -> bool {
    let st = &page.stats[i];
    let words = st.reading_words();
    words > title::most_words(page, i) || (words >= 10.0 && st.sentences > 0)
}

/// Drops the kept blocks of a window whose text a window before it kept
/// (`seen`: the keyed hashes of kept texts, as the exact-repeat rule of
/// [`dedup`] counts them, and the page line of each), and adds the
/// window's kept texts to `seen`; `line(i)` is block `i`'s page line.
pub(crate) fn drop_seen(
    page: &Scored<'_>,
    d: &mut Decisions,
    seen: &mut HashMap<u64, usize>,
    line: impl Fn(usize) -> usize,
) {
    for i in 0..page.len() {
        if d.kept[i] && page.stats[i].words >= dedup::MIN_EXACT_WORDS {
            match seen.entry(page.seg.key_of(i)) {
                Entry::Occupied(first) => {
                    d.kept[i] = false;
                    d.why[i] = Why::Seen(*first.get());
                }
                Entry::Vacant(v) => {
                    v.insert(line(i));
                }
            }
        }
    }
}

/// Appends the kept blocks' text to `out`, one a line; text already in
/// `out` is followed by one line break (none added after one it ends with).
pub(crate) fn write_kept(page: &Scored<'_>, kept: &[bool], out: &mut String) {
    let mut first = out.is_empty() || out.ends_with('\n');
    for (i, &k) in kept.iter().enumerate() {
        if k {
            if !first {
                out.push('\n');
            }
            out.push_str(page.block_text(i));
            first = false;
        }
    }
}
