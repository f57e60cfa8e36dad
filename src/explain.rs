//! Stage 6: the explanations behind the decisions, for
//! [`Cleaner::analyze`](crate::Cleaner::analyze). Cleaning never computes a
//! reason, and an analysis spells out a block's reasons only when they are
//! asked for: it keeps what they are made of ([`Explainer`]).

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

use crate::analysis::{Analysis, Block, Explain, Reason, ReasonKind};
use crate::decide::{self, Decisions, Rules, Why};
use crate::dedup::Dup;
use crate::feature::{CONTEXT, ContextRow, Ctx, Hits, LOCAL, LocalRow};
use crate::math::sigmoid;
use crate::memory::Recurrence;
use crate::model::Model;
use crate::score::Page;

/// How many of the model's contributions a block's reasons list.
const TOP: usize = 4;
/// Contributions (logit) smaller than this are not reasons.
const MIN_WEIGHT: f32 = 0.05;

/// The analysis of a scored and decided page: every block with its
/// decision and score, its reasons to come; `text(i)` is block `i`'s text
/// as the analysis holds it.
pub(crate) fn analysis<'t>(
    rules: &Arc<Rules>,
    model: &Model,
    page: Page<'_>,
    site: Option<Recurrence>,
    d: Decisions,
    text: impl Fn(&Page<'_>, usize) -> Cow<'t, str>,
) -> Analysis<'t> {
    let mut out = String::new();
    decide::write_kept(&page, &d.kept, &mut out);
    let texts: Vec<Cow<'t, str>> = (0..page.len()).map(|i| text(&page, i)).collect();
    let spans: Vec<_> = page.seg.blocks.iter().map(|b| b.span.clone()).collect();
    let Page {
        seg,
        hits,
        local,
        context,
        tree_z,
        z2,
        ..
    } = page;
    let explainer = Arc::new(Explainer {
        rules: Arc::clone(rules),
        model: model.clone(),
        lines: seg.blocks.iter().map(|b| b.line).collect(),
        hits,
        local,
        context,
        tree_z,
        z2,
        why: d.why,
        kept: d.kept,
        site,
    });
    let blocks = texts
        .into_iter()
        .zip(spans)
        .enumerate()
        .map(|(i, (text, span))| Block {
            line: explainer.lines[i],
            text,
            span,
            score: sigmoid(explainer.z2[i]),
            kept: explainer.kept[i],
            index: i,
            explain: Arc::clone(&explainer) as Arc<dyn Explain>,
            reasons: OnceLock::new(),
        })
        .collect();
    Analysis {
        blocks,
        text: out,
        title: d.title,
    }
}

/// What a page's reasons are made of: the decisions and the scores'
/// parts.
#[derive(Debug)]
struct Explainer {
    rules: Arc<Rules>,
    model: Model,
    /// Per block: its line number.
    lines: Vec<usize>,
    hits: Hits,
    local: Vec<LocalRow>,
    context: Vec<ContextRow>,
    tree_z: Vec<f32>,
    z2: Vec<f32>,
    why: Vec<Why>,
    kept: Vec<bool>,
    site: Option<Recurrence>,
}

impl Explain for Explainer {
    fn reasons(&self, i: usize) -> Vec<Reason> {
        reasons(self, i)
    }
}

/// Where a contribution to the score comes from.
#[derive(Clone, Copy)]
enum Source {
    Context(usize),
    Trees,
    Local(usize),
    Phrase(u32),
}

/// Spells out the reasons of block `i`: the rule that decided it, if any,
/// then the model's strongest contributions in the direction of its
/// decision.
fn reasons(e: &Explainer, i: usize) -> Vec<Reason> {
    let (rules, model, site) = (&*e.rules, &e.model, e.site.as_ref());
    let (why, kept) = (e.why[i], e.kept[i]);
    let line = |j: usize| format!("line {}", e.lines[j]);
    let pattern = |list: &Option<decide::UserPatterns>, p: usize| {
        list.as_ref()
            .map_or(String::new(), |k| k.pattern(p).to_string())
    };
    let rule = |kind, detail: String| Reason {
        kind,
        detail,
        weight: 0.0,
    };
    let mut out = Vec::with_capacity(TOP + 1);
    match why {
        Why::Model => {}
        Why::Title => out.push(rule(ReasonKind::Title, String::new())),
        Why::AboveTitle(t) => out.push(rule(ReasonKind::AboveTitle, line(t))),
        Why::Keep(p) => out.push(rule(ReasonKind::KeepPattern, pattern(&rules.keep, p))),
        Why::Junk(p) => out.push(rule(ReasonKind::JunkPattern, pattern(&rules.junk, p))),
        Why::Dup(Dup::Exact(j)) => out.push(rule(ReasonKind::Duplicate, line(j))),
        Why::Dup(Dup::Near(j)) => out.push(rule(ReasonKind::NearDuplicate, line(j))),
        Why::Site => {
            let (count, pages) = site.map_or((0, 0), |r| {
                let c = r.counts[i].unwrap_or(0);
                (c, r.pages.max(c))
            });
            out.push(rule(
                ReasonKind::SiteMemory,
                format!("on {count} of {pages} pages of the site"),
            ));
        }
    }
    // The model's side: contributions to the final logit, centred on the
    // training means, strongest in the direction of the decision first.
    let parts = model.parts();
    let ctx = &e.context[i];
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
    let model_kept = match why {
        Why::Model => kept,
        _ => sigmoid(e.z2[i]) >= rules.threshold,
    };
    let sign = if model_kept { 1.0 } else { -1.0 };
    let mut contrib: Vec<(f32, Source)> = Vec::new();
    let mut consider = |w: f32, s: Source| {
        if w * sign > MIN_WEIGHT {
            contrib.push((w, s));
        }
    };
    for k in 0..CONTEXT.len() {
        if own.iter().any(|&f| f as usize == k) {
            continue;
        }
        consider(
            parts.context_weights[k] * (ctx.0[k] - parts.context_means[k]),
            Source::Context(k),
        );
    }
    if model.has_trees() {
        consider(e.tree_z[i], Source::Trees);
    }
    let x = &e.local[i];
    for k in 0..LOCAL.len() {
        consider(
            gain * parts.local_weights[k] * (x.0[k] - parts.local_means[k]),
            Source::Local(k),
        );
    }
    for &id in e.hits.of(i) {
        consider(gain * model.phrase(id).1, Source::Phrase(id));
    }
    // A stable sort: equal weights keep the order above.
    contrib.sort_by(|a, b| (b.0 * sign).total_cmp(&(a.0 * sign)));
    out.extend(contrib.into_iter().take(TOP).map(|(weight, s)| {
        let (kind, detail) = match s {
            Source::Context(k) => (ReasonKind::Context, CONTEXT[k].to_string()),
            Source::Trees => (ReasonKind::Context, "trees".to_string()),
            Source::Local(k) => (ReasonKind::Feature, LOCAL[k].to_string()),
            Source::Phrase(id) => (ReasonKind::Phrase, model.phrase(id).0.to_string()),
        };
        Reason {
            kind,
            detail,
            weight,
        }
    }));
    out
}
