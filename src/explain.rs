//! Stage 6: the explanations behind the decisions, for
//! [`Cleaner::analyze`](crate::Cleaner::analyze). Cleaning never computes a
//! reason. An analysis finds each block's strongest contributions to its
//! score when it is made (a few numbers a block, so that its memory does
//! not hold the feature rows), and spells them out as [`Reason`]s only when
//! they are asked for ([`Explainer`]).

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

use crate::analysis::{Analysis, Block, Explain, Reason, ReasonKind};
use crate::decide::{self, Decisions, Rules, Why};
use crate::dedup::{self, Dup};
use crate::feature::{CONTEXT, CONTEXT_MEANINGS, Ctx, LOCAL, LOCAL_MEANINGS};
use crate::math::sigmoid;
use crate::memory::Recurrence;
use crate::model::Model;
use crate::score::Scored;

/// How many of the model's contributions a block's reasons list.
const TOP: usize = 4;
/// Contributions (logit) smaller than this are not reasons.
const MIN_WEIGHT: f32 = 0.05;

/// The analysis of a scored and decided page: every block with its
/// decision and score, its reasons to come; `text(i)` is block `i`'s text
/// as the analysis holds it.
///
/// The page may be a window of a longer one: its blocks, text and title
/// are appended to `out`.
pub(crate) fn analysis<'s, 't>(
    rules: &Arc<Rules>,
    model: &Model,
    w: Decided<'s>,
    text: impl Fn(&Scored<'s>, usize) -> Cow<'t, str>,
    out: &mut Analysis<'t>,
) {
    let Decided {
        page,
        d,
        rec: site,
        at,
        ..
    } = w;
    decide::write_kept(&page, &d.kept, &mut out.text);
    let texts: Vec<Cow<'t, str>> = (0..page.len()).map(|i| text(&page, i)).collect();
    let spans: Vec<_> = page
        .seg
        .blocks
        .iter()
        .map(|b| b.span.start + at.byte..b.span.end + at.byte)
        .collect();
    let top = (0..page.len())
        .map(|i| strongest(rules, model, &page, &d, i))
        .collect();
    // A block the model dropped that repeats a kept one would have gone
    // anyway: "a repeat" says why better than the model's features.
    let words: Vec<u32> = page.stats.iter().map(|st| st.words).collect();
    let repeats = dedup::repeats(&page.seg, &words, &d.kept, |i| d.why[i] == Why::Model);
    let z2 = page.z2;
    let explainer = Arc::new(Explainer {
        rules: Arc::clone(rules),
        model: model.clone(),
        lines: page.seg.blocks.iter().map(|b| b.line + at.line).collect(),
        top,
        why: d.why,
        repeats: repeats
            .into_iter()
            .map(|r| r.map(|j| page.seg.blocks[j].line + at.line))
            .collect(),
        site,
    });
    if let Some(t) = d.title {
        out.title = Some(out.blocks.len() + t);
    }
    let blocks = texts
        .into_iter()
        .zip(spans)
        .enumerate()
        .map(|(i, (text, span))| Block {
            line: explainer.lines[i],
            text,
            span,
            score: sigmoid(z2[i]),
            kept: d.kept[i],
            index: i,
            explain: Arc::clone(&explainer) as Arc<dyn Explain>,
            reasons: OnceLock::new(),
        });
    out.blocks.extend(blocks);
}

/// A page, or a window of a longer one, scored and decided.
#[derive(Debug)]
pub(crate) struct Decided<'t> {
    pub page: Scored<'t>,
    pub d: Decisions,
    /// What the site memory knows of its blocks.
    pub rec: Option<Recurrence>,
    /// Where it starts in the page.
    pub at: Offsets,
}

/// Where a window of a page starts: its first line and byte in the page's
/// text, and the page's index of its first block.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Offsets {
    pub line: usize,
    pub byte: usize,
    /// Read by the Markdown writer (the `html` feature).
    #[cfg_attr(not(feature = "html"), allow(dead_code))]
    pub block: usize,
}

/// What a page's reasons are made of: the decisions and the model's
/// strongest contributions to each block's score.
struct Explainer {
    rules: Arc<Rules>,
    model: Model,
    /// Per block: its line number.
    lines: Vec<usize>,
    /// Per block: its strongest contributions.
    top: Vec<Top>,
    why: Vec<Why>,
    /// Per block the model dropped: the 0-based line of a kept block it
    /// repeats exactly, if any.
    repeats: Vec<Option<usize>>,
    site: Option<Recurrence>,
}

/// A block's strongest contributions to its score (logit) in the direction
/// of the model's decision, strongest first; `len` of them are set.
#[derive(Clone, Copy)]
struct Top {
    parts: [Part; TOP],
    len: u8,
}

/// One contribution: its weight (logit), where it comes from, and the
/// feature's value for the block (0 for trees and phrases).
#[derive(Clone, Copy)]
struct Part {
    weight: f32,
    source: Source,
    value: f32,
}

impl std::fmt::Debug for Explainer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Explainer")
            .field("blocks", &self.lines.len())
            .finish_non_exhaustive()
    }
}

impl Explain for Explainer {
    fn reasons(&self, i: usize) -> Vec<Reason> {
        reasons(self, i)
    }
}

/// Where a contribution to the score comes from.
#[derive(Clone, Copy)]
enum Source {
    Context(u16),
    Trees,
    Local(u16),
    Phrase(u32),
}

/// Finds block `i`'s strongest contributions to its final logit, centred
/// on the training means, in the direction of the model's decision.
fn strongest(rules: &Rules, model: &Model, page: &Scored<'_>, d: &Decisions, i: usize) -> Top {
    let parts = model.parts();
    let ctx = &page.context[i];
    let own = [Ctx::Z1, Ctx::Z1Neg, Ctx::Z1InRegion];
    let w_ctx = |f: Ctx| parts.context_weights[f as usize];
    // How much the block's own local score moves the final one.
    let gain = w_ctx(Ctx::Z1)
        + if ctx[Ctx::Z1Neg] != 0.0 {
            w_ctx(Ctx::Z1Neg)
        } else {
            0.0
        }
        + if ctx[Ctx::Z1InRegion] != 0.0 {
            w_ctx(Ctx::Z1InRegion)
        } else {
            0.0
        };
    // The direction of the model's decision (for a block no rule
    // overruled, the decision itself: the body fallback keeps blocks
    // under the threshold).
    let model_kept = match d.why[i] {
        Why::Model => d.kept[i],
        _ => sigmoid(page.z2[i]) >= rules.threshold,
    };
    let sign = if model_kept { 1.0 } else { -1.0 };
    let none = Part {
        weight: 0.0,
        source: Source::Trees,
        value: 0.0,
    };
    let mut top = Top {
        parts: [none; TOP],
        len: 0,
    };
    // Kept sorted, strongest first; of equal weights the one considered
    // first stays first.
    let mut consider = |w: f32, source: Source, value: f32| {
        if w * sign <= MIN_WEIGHT {
            return;
        }
        let len = usize::from(top.len);
        let at = top.parts[..len]
            .iter()
            .position(|p| (p.weight * sign).total_cmp(&(w * sign)).is_lt())
            .unwrap_or(len);
        if at < TOP {
            top.parts.copy_within(at..TOP - 1, at + 1);
            top.parts[at] = Part {
                weight: w,
                source,
                value,
            };
            top.len = (top.len + 1).min(TOP as u8);
        }
    };
    for k in 0..CONTEXT.len() {
        if own.iter().any(|&f| f as usize == k) {
            continue;
        }
        consider(
            parts.context_weights[k] * (ctx.0[k] - parts.context_means[k]),
            Source::Context(k as u16),
            ctx.0[k],
        );
    }
    if model.has_trees() {
        consider(page.tree_z[i], Source::Trees, 0.0);
    }
    let x = &page.local[i];
    for k in 0..LOCAL.len() {
        consider(
            gain * parts.local_weights[k] * (x.0[k] - parts.local_means[k]),
            Source::Local(k as u16),
            x.0[k],
        );
    }
    for &id in page.hits.of(i) {
        consider(gain * model.phrase(id).1, Source::Phrase(id), 0.0);
    }
    top
}

/// Spells out the reasons of block `i`: the rule that decided it, if any,
/// then the model's strongest contributions in the direction of its
/// decision.
fn reasons(e: &Explainer, i: usize) -> Vec<Reason> {
    let (rules, model, site) = (&*e.rules, &e.model, e.site.as_ref());
    let pattern = |list: &Option<decide::UserPatterns>, p: usize| {
        list.as_ref()
            .map_or(String::new(), |k| k.pattern(p).to_string())
    };
    // Lines are counted from 1 in reasons, as in every message.
    let rule = |kind, detail: String, line: Option<usize>, meaning: &'static str| Reason {
        kind,
        detail: line.map_or(detail, |l| format!("line {l}")),
        weight: 0.0,
        line,
        meaning,
        pages: None,
        value: None,
    };
    let at = |j: usize| Some(e.lines[j] + 1);
    let mut out = Vec::with_capacity(TOP + 1);
    let r = match e.why[i] {
        Why::Model => e.repeats[i].map(|j| {
            rule(
                ReasonKind::Duplicate,
                String::new(),
                Some(j + 1),
                "an exact repeat of a kept block",
            )
        }),
        Why::Title => Some(rule(
            ReasonKind::Title,
            String::new(),
            None,
            "the page's title",
        )),
        Why::Comment => Some(rule(
            ReasonKind::Comment,
            String::new(),
            None,
            "a post of the page's comment section",
        )),
        Why::NotText => Some(rule(
            ReasonKind::NotText,
            String::new(),
            None,
            "not text: decoded binary data, a base64 or hex blob, or minified code",
        )),
        Why::AboveTitle(t) => Some(rule(
            ReasonKind::AboveTitle,
            String::new(),
            at(t),
            "above the page's title: the page's header",
        )),
        Why::Dateline(t) => Some(rule(
            ReasonKind::Dateline,
            String::new(),
            at(t),
            "a byline or date line under the page's title",
        )),
        Why::Keep(p) => Some(rule(
            ReasonKind::KeepPattern,
            pattern(&rules.keep, p),
            None,
            "a keep pattern of the user's matched",
        )),
        Why::Junk(p) => Some(rule(
            ReasonKind::JunkPattern,
            pattern(&rules.junk, p),
            None,
            "a junk pattern of the user's matched",
        )),
        Why::Dup(Dup::Exact(j)) => Some(rule(
            ReasonKind::Duplicate,
            String::new(),
            at(j),
            "an exact repeat of a kept block",
        )),
        Why::Dup(Dup::Near(j)) => Some(rule(
            ReasonKind::NearDuplicate,
            String::new(),
            at(j),
            "mostly contained in other kept blocks",
        )),
        Why::Seen(l) => Some(rule(
            ReasonKind::Duplicate,
            String::new(),
            Some(l + 1),
            "an exact repeat of a kept block",
        )),
        Why::Site => {
            let (count, pages) = site.map_or((0, 0), |r| {
                let c = r.counts[i].unwrap_or(0);
                (c, r.pages.max(c))
            });
            Some(Reason {
                pages: Some((count, pages)),
                ..rule(
                    ReasonKind::SiteMemory,
                    format!("on {count} of {pages} pages of the site"),
                    None,
                    "a line the site memory saw on many of the site's pages",
                )
            })
        }
    };
    out.extend(r);
    let top = &e.top[i];
    let parts = model.parts();
    out.extend(top.parts[..usize::from(top.len)].iter().map(|p| {
        let k = |k: u16| usize::from(k);
        let (kind, detail, meaning, value) = match p.source {
            Source::Context(c) => (
                ReasonKind::Context,
                CONTEXT[k(c)].to_string(),
                CONTEXT_MEANINGS[k(c)],
                Some((p.value, parts.context_means[k(c)])),
            ),
            Source::Trees => (
                ReasonKind::Context,
                "trees".to_string(),
                "the context trees: the block's score, its neighbours' and its place in the page, together",
                None,
            ),
            Source::Local(l) => (
                ReasonKind::Feature,
                LOCAL[k(l)].to_string(),
                LOCAL_MEANINGS[k(l)],
                Some((p.value, parts.local_means[k(l)])),
            ),
            Source::Phrase(id) => (
                ReasonKind::Phrase,
                model.phrase(id).0.to_string(),
                "a phrase the model learned",
                None,
            ),
        };
        Reason {
            kind,
            detail,
            weight: p.weight,
            line: None,
            meaning,
            pages: None,
            value,
        }
    }));
    out
}
