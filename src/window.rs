//! The windowing driver: a prepared page is scored and decided at most
//! [`WINDOW_BLOCKS`] blocks at a time (see [`segment::windows`]), so that a
//! page of millions of short lines needs a bounded amount of memory beyond
//! its text and its output; a paragraph kept in one window is not kept
//! again from a later one. Cleaning, extracting and analysing all run
//! through [`each_window`], so they decide every block alike.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use crate::analysis::Analysis;
use crate::decide::{self, Rules};
use crate::explain::{self, Decided, Offsets};
use crate::feature::DomRow;
use crate::memory::SiteMemory;
use crate::model::Model;
use crate::page::Prepared;
use crate::score::Scored;
use crate::segment;

/// Pages are cleaned at most this many blocks at a time. It is above the
/// longest page of the training corpus (3,335 blocks), so that real pages
/// are cleaned whole.
pub(crate) const WINDOW_BLOCKS: usize = 16_384;

/// A site memory and the site a page belongs to.
pub(crate) type Site<'a> = Option<(&'a SiteMemory, &'a str)>;

/// Scores and decides `text` (with the DOM rows `dom` of its blocks, for
/// HTML) a window at a time, and gives each window to `f` in order.
fn each_window<'t>(
    rules: &Rules,
    model: &Model,
    text: &'t str,
    dom: Option<&[DomRow]>,
    site: Site<'_>,
    mut f: impl FnMut(Decided<'t>),
) {
    let windows = if segment::more_lines_than(text, WINDOW_BLOCKS) {
        segment::windows(text, WINDOW_BLOCKS)
    } else {
        Vec::new()
    };
    let mut seen = (windows.len() > 1 && rules.dedup).then(HashMap::new);
    let mut one = |k: usize, part: &'t str, dom: Option<&[DomRow]>, at: Offsets| {
        let page = Scored::new(part, model, dom);
        let rec = site.map(|(m, host)| m.recurrence(host, &page.seg));
        let mut d = decide::decide(rules, model, &page, rec.as_ref(), k == 0);
        if let Some(seen) = seen.as_mut() {
            decide::drop_seen(&page, &mut d, seen, |i| page.seg.blocks[i].line + at.line);
        }
        f(Decided { page, d, rec, at });
    };
    if windows.is_empty() {
        one(0, text, dom, Offsets::default());
        return;
    }
    for (k, w) in windows.into_iter().enumerate() {
        let at = Offsets {
            line: w.line,
            byte: w.bytes.start,
            block: w.blocks.start,
        };
        let dom = dom.map(|d| &d[w.blocks.clone()]);
        one(k, &text[w.bytes], dom, at);
    }
}

/// Cleans a prepared page: appends its kept lines to `out` (and, for an
/// HTML page, writes them as Markdown to `markdown` when given); returns
/// the page's title.
pub(crate) fn clean(
    rules: &Rules,
    model: &Model,
    page: &Prepared<'_>,
    site: Site<'_>,
    out: &mut String,
    mut markdown: Option<&mut String>,
    want_head: bool,
) -> Found {
    let mut found = Found::default();
    each_window(rules, model, &page.text, page.dom(), site, |w| {
        if let Some(t) = w.d.title {
            found.title = Some(w.page.block_text(t).to_string());
        }
        if let (Some(start), true) = (w.d.start, want_head) {
            found.head = head(&w.page, w.d.title, start);
        }
        decide::write_kept(&w.page, &w.d.kept, out);
        #[cfg(feature = "html")]
        if let (Some(md), Some(html)) = (markdown.as_deref_mut(), &page.html) {
            crate::markdown::write_kept(&w.page, &w.d.kept, &html.shapes, w.at.block, md);
        }
        #[cfg(not(feature = "html"))]
        let _ = &mut markdown;
    });
    found
}

/// What cleaning a page finds besides its text (its head lines only when
/// asked for).
#[derive(Debug, Default)]
pub(crate) struct Found {
    /// The page's title.
    pub title: Option<String>,
    /// The short lines about the article's start (a few above its title,
    /// those between the title and the body, the body's first): where a
    /// page writes its byline and date.
    pub head: Vec<String>,
}

/// At most this many lines are read about the article's start ...
const HEAD_LINES: usize = 12;
/// ... each of at most this many bytes.
const HEAD_LINE_BYTES: usize = 300;

/// The short lines about the article's start (see [`Found::head`]).
fn head(page: &Scored<'_>, title: Option<usize>, start: usize) -> Vec<String> {
    let from = title.unwrap_or(start).saturating_sub(3);
    let to = (start + 2).min(page.len());
    (from..to)
        .filter(|&i| Some(i) != title)
        .map(|i| page.block_text(i))
        .filter(|t| t.len() <= HEAD_LINE_BYTES)
        .take(HEAD_LINES)
        .map(str::to_string)
        .collect()
}

/// Analyses a prepared page: every block with its decision, score and
/// reasons to come. The blocks borrow the page's text where the page does
/// (a text page given as a string), and own it otherwise.
pub(crate) fn analyze<'a>(
    rules: &Arc<Rules>,
    model: &Model,
    page: &Prepared<'a>,
    site: Site<'_>,
) -> (Analysis<'a>, Vec<String>) {
    let mut out = Analysis::default();
    let mut found = Vec::new();
    let dom = page.dom();
    let mut head_of = |w: &Decided<'_>| {
        if let Some(start) = w.d.start {
            found = head(&w.page, w.d.title, start);
        }
    };
    match page.text {
        Cow::Borrowed(text) => each_window(rules, model, text, dom, site, |w| {
            head_of(&w);
            let text = |p: &Scored<'a>, i| Cow::Borrowed(p.block_text(i));
            explain::analysis(rules, model, w, text, &mut out);
        }),
        Cow::Owned(ref text) => each_window(rules, model, text, dom, site, |w| {
            head_of(&w);
            let text = |p: &Scored<'_>, i| Cow::Owned(p.block_text(i).to_string());
            explain::analysis(rules, model, w, text, &mut out);
        }),
    }
    (out, found)
}
