//! The public entry points: [`clean`], [`Cleaner`] and [`CleanerBuilder`].

use std::borrow::Cow;
use std::sync::{Arc, LazyLock};

use aho_corasick::{AhoCorasick, MatchKind};

use crate::analysis::{Analysis, Block, Reason, ReasonKind};
use crate::dedup::{self, Dup};
use crate::error::{Error, ErrorKind};
use crate::feature::{CONTEXT, CTX_Z1, CTX_Z1_IN_REGION, CTX_Z1_NEG, LOCAL, Stats};
use crate::memory::{Recurrence, SiteMemory};
use crate::model::Model;
use crate::score::Page;
use crate::segment::normalize;

/// The default threshold: blocks whose body-content probability is at least
/// this are kept.
pub const DEFAULT_THRESHOLD: f32 = 0.5;

static DEFAULT: LazyLock<Cleaner> = LazyLock::new(Cleaner::new);

/// Returns the main body content of a raw page text, with the default
/// [`Cleaner`].
///
/// The output is a selection of the input's lines, each trimmed of
/// surrounding whitespace, in input order, joined with `\n`, with no blank
/// lines: the lines the model scores as body content, less repeated copies
/// (see [`CleanerBuilder::dedup`]).
///
/// # Example
///
/// ```
/// let page = "\
/// Home | News | Sport | Weather
///
/// Council keeps the library open
///
/// The city council voted on Tuesday to keep the central library open, after months of debate over its budget.
///
/// Councillors said the building would be repaired next year, and that opening hours would not change.
///
/// The decision was welcomed by residents, who had collected more than 5,000 signatures for the library.
///
/// Related Articles
///   • Council to vote on library budget
///   • Residents rally for the library
/// Share this article
/// © 2024 Example News. All rights reserved.";
/// let body = dejunk::clean(page);
/// assert!(body.contains("The city council voted on Tuesday"));
/// assert!(!body.contains("Share this article"));
/// assert!(!body.contains("All rights reserved"));
/// ```
pub fn clean(text: &str) -> String {
    DEFAULT.clean(text)
}

/// Returns the main body content of an HTML document, with the default
/// [`Cleaner`] and the built-in HTML model.
///
/// The document is parsed (html5ever), scripts, styles and hidden elements
/// are dropped, and its paragraphs, headings, list items and table rows
/// become lines that are scored like the lines of a text page, with DOM
/// features added (tag, link density, form content, the class/id words of
/// ancestors such as `nav`, `footer`, `comment`, `related`). The output is
/// the kept lines, joined with `\n`, each paragraph once.
///
/// # Example
///
/// ```
/// let html = "<html><body><nav><a href='/'>Home</a></nav>\
///     <p>The city council voted on Tuesday to keep the central library open, after months of debate.</p>\
///     <p>Councillors said the building would be repaired next year.</p></body></html>";
/// assert!(dejunk::clean_html(html).starts_with("The city council voted"));
/// ```
#[cfg(feature = "html")]
pub fn clean_html(html: &str) -> String {
    DEFAULT.clean_html(html)
}

/// Like [`clean`], for bytes that may not be valid UTF-8: invalid sequences
/// are replaced with U+FFFD (as by [`String::from_utf8_lossy`]) before
/// cleaning, so the output lines are those of the repaired text.
///
/// # Example
///
/// ```
/// let out = dejunk::clean_bytes(b"A sentence of body text that is long enough to keep, \xff really.");
/// assert!(out.contains('\u{FFFD}'));
/// ```
pub fn clean_bytes(bytes: &[u8]) -> String {
    DEFAULT.clean(&String::from_utf8_lossy(bytes))
}

/// A reusable cleaner: a model and settings.
///
/// `Send + Sync` and cheap to clone (the settings are shared), so one
/// cleaner can serve many threads. Cleaning is deterministic: the same input
/// gives the same output on every call and thread.
///
/// # Example
///
/// ```
/// use dejunk::Cleaner;
///
/// let cleaner = Cleaner::builder()
///     .threshold(0.7)                       // favour precision
///     .junk_patterns(["sponsored content"]) // the user's own junk
///     .build()?;
/// let page = "Sponsored content\nThe bridge reopened on Monday after two years of repairs, the city said.";
/// assert_eq!(cleaner.clean(page), "The bridge reopened on Monday after two years of repairs, the city said.");
/// # Ok::<(), dejunk::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Cleaner {
    inner: Arc<Settings>,
}

#[derive(Debug)]
struct Settings {
    model: Model,
    #[cfg(feature = "html")]
    html_model: Model,
    threshold: f32,
    title: bool,
    dedup: bool,
    junk: Option<UserPatterns>,
    keep: Option<UserPatterns>,
}

/// A user's pattern list, compiled.
#[derive(Debug)]
struct UserPatterns {
    /// The patterns as normalised (for reasons).
    normalized: Vec<String>,
    matcher: AhoCorasick,
}

impl UserPatterns {
    fn new(list: &'static str, patterns: &[String]) -> Result<Option<UserPatterns>, Error> {
        if patterns.is_empty() {
            return Ok(None);
        }
        let mut normalized = Vec::with_capacity(patterns.len());
        for (index, p) in patterns.iter().enumerate() {
            let n = normalize(p);
            if n.trim().is_empty() {
                return Err(Error::new(ErrorKind::EmptyPattern { list, index }));
            }
            normalized.push(n);
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(&normalized)
            .map_err(|e| {
                Error::new(ErrorKind::PatternsTooLarge {
                    message: e.to_string(),
                })
            })?;
        Ok(Some(UserPatterns {
            normalized: normalized.iter().map(|s| s.trim().to_string()).collect(),
            matcher,
        }))
    }

    /// The first pattern found in a normalised block, if any.
    fn find(&self, norm: &str) -> Option<usize> {
        self.matcher.find(norm).map(|m| m.pattern().as_usize())
    }
}

impl Default for Cleaner {
    fn default() -> Cleaner {
        Cleaner::new()
    }
}

/// Why a block ended up kept or dropped, before reasons are spelled out.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Why {
    Model,
    Title,
    AboveTitle(usize),
    Keep(usize),
    Junk(usize),
    Dup(Dup),
    Site,
}

impl Cleaner {
    /// A cleaner with the built-in model and default settings (the same as
    /// [`clean`] uses).
    ///
    /// # Example
    ///
    /// ```
    /// let cleaner = dejunk::Cleaner::new();
    /// assert_eq!(cleaner.clean(""), "");
    /// ```
    pub fn new() -> Cleaner {
        CleanerBuilder::new()
            .build()
            .expect("default settings are valid")
    }

    /// A builder to configure a cleaner.
    ///
    /// # Example
    ///
    /// ```
    /// let cleaner = dejunk::Cleaner::builder().title(false).build()?;
    /// # Ok::<(), dejunk::Error>(())
    /// ```
    pub fn builder() -> CleanerBuilder {
        CleanerBuilder::new()
    }

    /// The model this cleaner scores with.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dejunk::Cleaner::new().model().version(), dejunk::MODEL_VERSION);
    /// ```
    pub fn model(&self) -> &Model {
        &self.inner.model
    }

    /// The threshold this cleaner keeps blocks at.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dejunk::Cleaner::new().threshold(), dejunk::DEFAULT_THRESHOLD);
    /// ```
    pub fn threshold(&self) -> f32 {
        self.inner.threshold
    }

    /// Returns the main body content of `text` (see [`clean`]).
    ///
    /// # Example
    ///
    /// ```
    /// let cleaner = dejunk::Cleaner::new();
    /// let page = "\
    /// Home | News | Sport | Weather
    ///
    /// Council keeps the library open
    ///
    /// The city council voted on Tuesday to keep the central library open, after months of debate over its budget.
    ///
    /// Councillors said the building would be repaired next year, and that opening hours would not change.
    ///
    /// The decision was welcomed by residents, who had collected more than 5,000 signatures for the library.
    ///
    /// Related Articles
    ///   • Council to vote on library budget
    ///   • Residents rally for the library
    /// Share this article
    /// © 2024 Example News. All rights reserved.";
    /// let body = cleaner.clean(page);
    /// assert!(body.contains("The city council voted on Tuesday"));
    /// assert!(!body.contains("All rights reserved"));
    /// ```
    pub fn clean(&self, text: &str) -> String {
        let mut out = String::new();
        self.clean_into(text, &mut out);
        out
    }

    /// Like [`Cleaner::clean`], appending to `out` (to reuse a buffer in a
    /// loop). `out` is not cleared first.
    ///
    /// # Example
    ///
    /// ```
    /// let cleaner = dejunk::Cleaner::new();
    /// let mut out = String::new();
    /// for page in ["", "The museum will reopen in May, its director told reporters on Friday."] {
    ///     out.clear();
    ///     cleaner.clean_into(page, &mut out);
    /// }
    /// assert!(out.starts_with("The museum"));
    /// ```
    pub fn clean_into(&self, text: &str, out: &mut String) {
        self.text_into(text, None, out);
    }

    fn text_into(&self, text: &str, memory: Option<(&SiteMemory, &str)>, out: &mut String) {
        let page = Page::new(text, &self.inner.model);
        let rec = memory.map(|(m, site)| m.recurrence(site, &page.seg));
        let (kept, _) = self.decide(&page, rec.as_ref());
        write_kept(&page, &kept, out);
    }

    /// Like [`Cleaner::clean`], for a page of `site`: the lines `memory`
    /// knows as that site's boilerplate are dropped as well (see
    /// [`SiteMemory`]).
    ///
    /// # Example
    ///
    /// ```
    /// use dejunk::{Cleaner, SiteMemory};
    ///
    /// let memory = SiteMemory::new();
    /// let footer = "This newsroom is funded by readers like you, and we keep our reporting free for everyone.";
    /// for i in ["first", "second", "third", "fourth"] {
    ///     memory.observe("example.com", &format!("The {i} story of the day is about the river flooding the town square.\n{footer}"));
    /// }
    /// let page = format!("The library will stay open late on Thursdays from next month, the council said.\n{footer}");
    /// let out = Cleaner::new().clean_with_memory(&page, &memory, "example.com");
    /// assert!(!out.contains(footer));
    /// ```
    pub fn clean_with_memory(&self, text: &str, memory: &SiteMemory, site: &str) -> String {
        let mut out = String::new();
        self.text_into(text, Some((memory, site)), &mut out);
        out
    }

    /// Like [`Cleaner::analyze`], with a site memory (see
    /// [`Cleaner::clean_with_memory`]): the blocks it drops carry a
    /// [`ReasonKind::SiteMemory`] reason.
    ///
    /// # Example
    ///
    /// ```
    /// use dejunk::{Cleaner, ReasonKind, SiteMemory};
    ///
    /// let memory = SiteMemory::new();
    /// for _ in 0..4 {
    ///     memory.observe("example.com", "Get the app");
    /// }
    /// let a = Cleaner::new().analyze_with_memory("Get the app", &memory, "example.com");
    /// let reason = &a.blocks()[0].reasons()[0];
    /// assert_eq!(reason.kind(), ReasonKind::SiteMemory);
    /// assert_eq!(reason.detail(), "on 4 of 4 pages of the site");
    /// ```
    pub fn analyze_with_memory<'t>(
        &self,
        text: &'t str,
        memory: &SiteMemory,
        site: &str,
    ) -> Analysis<'t> {
        self.text_analysis(text, Some((memory, site)))
    }

    fn text_analysis<'t>(
        &self,
        text: &'t str,
        memory: Option<(&SiteMemory, &str)>,
    ) -> Analysis<'t> {
        let page = Page::new(text, &self.inner.model);
        let rec = memory.map(|(m, site)| m.recurrence(site, &page.seg));
        self.analysis(&page, &self.inner.model, rec.as_ref(), |i| {
            Cow::Borrowed(page.block_text(i))
        })
    }

    /// Cleans text, or HTML when `html` (batch helper).
    #[cfg(feature = "rayon")]
    pub(crate) fn clean_any(&self, page: &str, html: bool) -> String {
        #[cfg(feature = "html")]
        if html {
            return self.clean_html(page);
        }
        let _ = html;
        self.clean(page)
    }

    /// Like [`Cleaner::clean`], for bytes that may not be valid UTF-8 (see
    /// [`clean_bytes`]).
    ///
    /// # Example
    ///
    /// ```
    /// let cleaner = dejunk::Cleaner::new();
    /// assert_eq!(cleaner.clean_bytes(b"\xff\xfe"), cleaner.clean("\u{FFFD}\u{FFFD}"));
    /// ```
    pub fn clean_bytes(&self, bytes: &[u8]) -> String {
        self.clean(&String::from_utf8_lossy(bytes))
    }

    /// Cleans `text` and returns every block with its decision, score and
    /// reasons: how to find out why a line was removed.
    ///
    /// # Example
    ///
    /// ```
    /// let page = "\
    /// Home | News | Sport | Weather
    ///
    /// Council keeps the library open
    ///
    /// The city council voted on Tuesday to keep the central library open, after months of debate over its budget.
    ///
    /// Councillors said the building would be repaired next year, and that opening hours would not change.
    ///
    /// The decision was welcomed by residents, who had collected more than 5,000 signatures for the library.
    ///
    /// Related Articles
    ///   • Council to vote on library budget
    ///   • Residents rally for the library
    /// Share this article
    /// © 2024 Example News. All rights reserved.";
    /// let a = dejunk::Cleaner::new().analyze(page);
    /// let share = a.blocks().iter().find(|b| b.text() == "Share this article").unwrap();
    /// assert!(!share.is_kept());
    /// for reason in share.reasons() {
    ///     println!("{reason}"); // e.g. `phrase "share this" -0.43`
    /// }
    /// assert!(!share.reasons().is_empty());
    /// ```
    pub fn analyze<'t>(&self, text: &'t str) -> Analysis<'t> {
        self.text_analysis(text, None)
    }

    fn analysis<'t>(
        &self,
        page: &Page<'_>,
        model: &Model,
        site: Option<&Recurrence>,
        text: impl Fn(usize) -> Cow<'t, str>,
    ) -> Analysis<'t> {
        let (kept, why) = self.decide(page, site);
        let mut out = String::new();
        write_kept(page, &kept, &mut out);
        let blocks = (0..page.len())
            .map(|i| Block {
                line: page.seg.blocks[i].line,
                text: text(i),
                span: page.seg.blocks[i].span.clone(),
                score: page.prob(i),
                kept: kept[i],
                reasons: self.reasons(page, model, site, i, why[i], kept[i]),
            })
            .collect();
        Analysis { blocks, text: out }
    }

    /// Returns the main body content of an HTML document (see
    /// [`clean_html`](crate::clean_html)).
    ///
    /// # Example
    ///
    /// ```
    /// let html = "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>\
    ///     <article><h1>Council keeps the library open</h1>\
    ///     <p>The city council voted on Tuesday to keep the central library open, after months of debate.</p>\
    ///     <p>Councillors said the building would be repaired next year, and opening hours would not change.</p></article>\
    ///     <footer>© 2024 Example News. All rights reserved.</footer>";
    /// let out = dejunk::Cleaner::new().clean_html(html);
    /// assert!(out.contains("The city council voted"));
    /// assert!(!out.contains("All rights reserved"));
    /// ```
    #[cfg(feature = "html")]
    pub fn clean_html(&self, html: &str) -> String {
        self.html(html, None)
    }

    /// Like [`Cleaner::clean_html`], for a page of `site`, with a site
    /// memory (see [`Cleaner::clean_with_memory`]).
    ///
    /// # Example
    ///
    /// ```
    /// use dejunk::{Cleaner, SiteMemory};
    ///
    /// let memory = SiteMemory::new();
    /// let promo = "<p>Members get every story first, and they keep our newsroom independent.</p>";
    /// for i in ["first", "second", "third", "fourth"] {
    ///     memory.observe_html("example.com", &format!("<p>The {i} story is about the river.</p>{promo}"));
    /// }
    /// let html = format!("<p>The council voted on Tuesday to keep the central library open after months of debate.</p>{promo}");
    /// let out = Cleaner::new().clean_html_with_memory(&html, &memory, "example.com");
    /// assert!(out.contains("The council voted"));
    /// assert!(!out.contains("Members get every story first"));
    /// ```
    #[cfg(feature = "html")]
    pub fn clean_html_with_memory(&self, html: &str, memory: &SiteMemory, site: &str) -> String {
        self.html(html, Some((memory, site)))
    }

    #[cfg(feature = "html")]
    fn html(&self, html: &str, memory: Option<(&SiteMemory, &str)>) -> String {
        let conv = crate::html::convert(html);
        let page = Page::with_dom(&conv.text, &self.inner.html_model, Some(&conv.dom));
        let rec = memory.map(|(m, site)| m.recurrence(site, &page.seg));
        let (kept, _) = self.decide(&page, rec.as_ref());
        let mut out = String::new();
        write_kept(&page, &kept, &mut out);
        out
    }

    /// Like [`Cleaner::analyze`], for an HTML document: every block of the
    /// text extracted from the HTML, with its decision, score and reasons
    /// (DOM features among them).
    ///
    /// # Example
    ///
    /// ```
    /// let html = "<p>The city council voted on Tuesday to keep the central library open.</p>\
    ///     <footer><a href='/privacy'>Privacy policy</a></footer>";
    /// let a = dejunk::Cleaner::new().analyze_html(html);
    /// assert_eq!(a.blocks().len(), 2);
    /// assert_eq!(a.blocks()[1].text(), "Privacy policy");
    /// ```
    #[cfg(feature = "html")]
    pub fn analyze_html(&self, html: &str) -> Analysis<'static> {
        self.html_analysis(html, None)
    }

    /// Like [`Cleaner::analyze_html`], with a site memory (see
    /// [`Cleaner::clean_with_memory`]).
    ///
    /// # Example
    ///
    /// ```
    /// use dejunk::{Cleaner, SiteMemory};
    ///
    /// let memory = SiteMemory::new();
    /// let a = Cleaner::new().analyze_html_with_memory("<p>Hello.</p>", &memory, "example.com");
    /// assert_eq!(a.blocks().len(), 1);
    /// ```
    #[cfg(feature = "html")]
    pub fn analyze_html_with_memory(
        &self,
        html: &str,
        memory: &SiteMemory,
        site: &str,
    ) -> Analysis<'static> {
        self.html_analysis(html, Some((memory, site)))
    }

    #[cfg(feature = "html")]
    fn html_analysis(&self, html: &str, memory: Option<(&SiteMemory, &str)>) -> Analysis<'static> {
        let conv = crate::html::convert(html);
        let page = Page::with_dom(&conv.text, &self.inner.html_model, Some(&conv.dom));
        let rec = memory.map(|(m, site)| m.recurrence(site, &page.seg));
        self.analysis(&page, &self.inner.html_model, rec.as_ref(), |i| {
            Cow::Owned(page.block_text(i).to_string())
        })
    }

    /// Decides every block of a scored page.
    fn decide(&self, page: &Page<'_>, site: Option<&Recurrence>) -> (Vec<bool>, Vec<Why>) {
        let s = &*self.inner;
        let n = page.len();
        let mut kept: Vec<bool> = (0..n).map(|i| page.prob(i) >= s.threshold).collect();
        let mut why = vec![Why::Model; n];
        // A page has a body: when no block that reads as body (a sentence
        // of at least 10 words, or any block of more than 30) reaches the
        // threshold, the blocks scoring close to the page's best are kept
        // as well.
        if !(0..n).any(|i| kept[i] && body_like(&page.stats[i])) {
            let best = (0..n).map(|i| page.prob(i)).fold(0.0f32, f32::max);
            let floor = best * FALLBACK_RATIO;
            for (i, k) in kept.iter_mut().enumerate() {
                *k |= best >= FALLBACK_MIN && page.prob(i) >= floor;
            }
        }

        // Lines the site memory knows as the site's boilerplate go, and
        // cannot be the title.
        let recurring = |i: usize| site.is_some_and(|r| r.is_recurring(i));
        if let Some(r) = site {
            for i in 0..n {
                if r.is_recurring(i) {
                    kept[i] = false;
                    why[i] = Why::Site;
                }
            }
        }
        if let Some(t) = find_title(page, &kept, recurring) {
            kept[t] = s.title;
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
            if !s.title {
                for i in t + 1..n {
                    if page.seg.norm_of(i) == page.seg.norm_of(t) {
                        kept[i] = false;
                        why[i] = Why::Title;
                    }
                }
            }
        }
        if s.junk.is_some() || s.keep.is_some() {
            for i in 0..n {
                let norm = page.seg.norm_of(i);
                if let Some(p) = s.keep.as_ref().and_then(|k| k.find(norm)) {
                    kept[i] = true;
                    why[i] = Why::Keep(p);
                } else if let Some(p) = s.junk.as_ref().and_then(|k| k.find(norm)) {
                    kept[i] = false;
                    why[i] = Why::Junk(p);
                }
            }
        }
        if s.dedup {
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
        (kept, why)
    }

    /// Spells out the reasons of block `i`.
    fn reasons(
        &self,
        page: &Page<'_>,
        model: &Model,
        site: Option<&Recurrence>,
        i: usize,
        why: Why,
        kept: bool,
    ) -> Vec<Reason> {
        let s = &*self.inner;
        let line = |j: usize| format!("line {}", page.seg.blocks[j].line);
        let rule = |kind, detail: String| Reason {
            kind,
            detail,
            weight: 0.0,
        };
        let mut out = Vec::new();
        match why {
            Why::Model => {}
            Why::Title => out.push(rule(ReasonKind::Title, String::new())),
            Why::AboveTitle(t) => out.push(rule(ReasonKind::AboveTitle, line(t))),
            Why::Keep(p) => out.push(rule(
                ReasonKind::KeepPattern,
                s.keep
                    .as_ref()
                    .map_or(String::new(), |k| k.normalized[p].clone()),
            )),
            Why::Junk(p) => out.push(rule(
                ReasonKind::JunkPattern,
                s.junk
                    .as_ref()
                    .map_or(String::new(), |k| k.normalized[p].clone()),
            )),
            Why::Dup(Dup::Exact(j)) => out.push(rule(ReasonKind::Duplicate, line(j))),
            Why::Dup(Dup::Near(j)) => out.push(rule(ReasonKind::NearDuplicate, line(j))),
            Why::Site => {
                let (count, pages) = site.map_or((0, 0), |r| {
                    (
                        r.counts[i].unwrap_or(0),
                        r.pages.max(r.counts[i].unwrap_or(0)),
                    )
                });
                out.push(rule(
                    ReasonKind::SiteMemory,
                    format!("on {count} of {pages} pages of the site"),
                ));
            }
        }
        // The model's side: contributions to the final logit, centred on the
        // training means, strongest in the direction of the score first.
        let parts = model.parts();
        let mut contrib: Vec<Reason> = Vec::new();
        let ctx = &page.context[i];
        // How much the block's own local score moves the final one.
        let gain = parts.context_weights[CTX_Z1]
            + if ctx[CTX_Z1_NEG] != 0.0 {
                parts.context_weights[CTX_Z1_NEG]
            } else {
                0.0
            }
            + if ctx[CTX_Z1_IN_REGION] != 0.0 {
                parts.context_weights[CTX_Z1_IN_REGION]
            } else {
                0.0
            };
        for (k, name) in CONTEXT.iter().enumerate() {
            if matches!(k, CTX_Z1 | CTX_Z1_NEG | CTX_Z1_IN_REGION) {
                continue;
            }
            let c = parts.context_weights[k] * (ctx[k] - parts.context_means[k]);
            contrib.push(Reason {
                kind: ReasonKind::Context,
                detail: (*name).to_string(),
                weight: c,
            });
        }
        if !parts.trees.is_empty() {
            contrib.push(Reason {
                kind: ReasonKind::Context,
                detail: "trees".to_string(),
                weight: page.tree_z[i],
            });
        }
        let x = &page.local[i];
        for (k, name) in LOCAL.iter().enumerate() {
            let c = gain * parts.local_weights[k] * (x[k] - parts.local_means[k]);
            contrib.push(Reason {
                kind: ReasonKind::Feature,
                detail: (*name).to_string(),
                weight: c,
            });
        }
        for &id in page.hits.of(i) {
            let (p, w) = model.phrase(id);
            contrib.push(Reason {
                kind: ReasonKind::Phrase,
                detail: p.to_string(),
                weight: gain * w,
            });
        }
        // The direction of the model's decision (for a block no rule
        // overruled, the decision itself: the body fallback keeps blocks
        // under the threshold).
        let model_kept = match why {
            Why::Model => kept,
            _ => page.prob(i) >= s.threshold,
        };
        let sign = if model_kept { 1.0 } else { -1.0 };
        contrib.retain(|r| r.weight * sign > 0.05);
        contrib.sort_by(|a, b| (b.weight * sign).total_cmp(&(a.weight * sign)));
        contrib.truncate(4);
        out.extend(contrib);
        out
    }
}

/// When no block reaches the threshold, blocks scoring at least this share
/// of the page's best score are kept, if that best score is at least
/// [`FALLBACK_MIN`] (chosen on the validation pages: ratios 0.5, 0.7 and
/// 0.9 are within 0.3 F1 points of each other, and all beat an empty
/// output by about 1 point on Dragnet; a floor of 0.2 costs 0.1 point and
/// keeps pages of pure furniture empty).
const FALLBACK_RATIO: f32 = 0.5;
const FALLBACK_MIN: f32 = 0.2;

/// Finds the page's title: the heading-like block (2 to 30 words, not
/// ending in a full stop, not a list item) with the highest score among
/// the 8 blocks before the start of the body, the first kept block that is
/// a sentence of at least 10 words or any block of more than 30.
fn find_title(page: &Page<'_>, kept: &[bool], recurring: impl Fn(usize) -> bool) -> Option<usize> {
    let start = (0..page.len()).find(|&i| kept[i] && body_like(&page.stats[i]))?;
    (start.saturating_sub(8)..start)
        .filter(|&i| {
            let st = &page.stats[i];
            !recurring(i)
                && (2..=30).contains(&st.words)
                && st.last != '.'
                && !matches!(st.first, '•' | '-' | '*' | '·')
        })
        .max_by(|&a, &b| page.z2[a].total_cmp(&page.z2[b]).then(b.cmp(&a)))
}

/// Whether a block reads as body text: a sentence of at least 10 words, or
/// any block of more than 30.
fn body_like(st: &Stats) -> bool {
    st.words > 30 || (st.words >= 10 && st.sentences > 0)
}

fn write_kept(page: &Page<'_>, kept: &[bool], out: &mut String) {
    let mut first = out.is_empty();
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

/// Configures and builds a [`Cleaner`].
///
/// Setters take and return `&mut self`, and [`CleanerBuilder::build`]
/// borrows, so a builder can be reused.
///
/// # Example
///
/// ```
/// use dejunk::CleanerBuilder;
///
/// let mut builder = CleanerBuilder::new();
/// builder.threshold(0.3).title(true);
/// let recall = builder.build()?;
/// let precision = builder.threshold(0.8).build()?;
/// assert!(recall.threshold() < precision.threshold());
/// # Ok::<(), dejunk::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct CleanerBuilder {
    threshold: Option<f32>,
    title: Option<bool>,
    dedup: Option<bool>,
    model: Option<Model>,
    #[cfg(feature = "html")]
    html_model: Option<Model>,
    junk: Vec<String>,
    keep: Vec<String>,
}

impl CleanerBuilder {
    /// A builder with default settings.
    ///
    /// # Example
    ///
    /// ```
    /// let cleaner = dejunk::CleanerBuilder::new().build()?;
    /// # Ok::<(), dejunk::Error>(())
    /// ```
    pub fn new() -> CleanerBuilder {
        CleanerBuilder::default()
    }

    /// The precision/recall knob: a block is kept when the model's
    /// probability that it is body content is at least `score`, on a `0..=1`
    /// scale. Lower keeps more (recall), higher keeps less (precision).
    /// Default: [`DEFAULT_THRESHOLD`] (0.5).
    ///
    /// A page always keeps its most likely body: when no block reaches the
    /// threshold, the blocks scoring at least half the page's best score
    /// are kept instead, when that best score is at least 0.2 (user
    /// patterns and dedup still apply after).
    ///
    /// # Example
    ///
    /// ```
    /// let strict = dejunk::Cleaner::builder().threshold(0.9).build()?;
    /// assert_eq!(strict.threshold(), 0.9);
    /// # Ok::<(), dejunk::Error>(())
    /// ```
    pub fn threshold(&mut self, score: f32) -> &mut CleanerBuilder {
        self.threshold = Some(score);
        self
    }

    /// Whether to keep the page's title (headline). Default: `true`.
    ///
    /// In raw text the title is not marked, so it is defined as: the
    /// heading-like line (2 to 30 words, not ending in a full stop, not a
    /// list item) with the highest score among the 8 lines above the start
    /// of the body (the first kept line that is a sentence of at least 10
    /// words, or of more than 30 words). With `true`
    /// it is kept even if the model would drop it; with `false` it is dropped,
    /// with every later line of the same text. Either way the article starts
    /// at its title: lines above it are the page's header (site name and
    /// tagline, menus, breadcrumb) and are dropped
    /// ([`ReasonKind::AboveTitle`](crate::ReasonKind::AboveTitle)).
    ///
    /// # Example
    ///
    /// ```
    /// let page = "Council keeps the library open\n\
    ///             The city council voted on Tuesday to keep the central library open, after months of debate.";
    /// let no_title = dejunk::Cleaner::builder().title(false).build()?;
    /// assert!(!no_title.clean(page).contains("Council keeps"));
    /// let with_title = dejunk::Cleaner::builder().title(true).build()?;
    /// assert!(with_title.clean(page).starts_with("Council keeps"));
    /// # Ok::<(), dejunk::Error>(())
    /// ```
    pub fn title(&mut self, yes: bool) -> &mut CleanerBuilder {
        self.title = Some(yes);
        self
    }

    /// Whether to run the deduplication pass. Default: `true`.
    ///
    /// The pass drops, among the kept lines: exact repeats (same words,
    /// ignoring case and punctuation) of lines of 4 words or more, keeping
    /// the first (shorter lines such as list items and table cells may
    /// repeat); lines of 8 words or more whose word 4-shingles are at least
    /// 60 % contained in the lines kept before them (a "related" teaser, the
    /// body repeated as one long line); and lines at least 60 % contained in
    /// later kept lines (a teaser printed before the full text).
    ///
    /// # Example
    ///
    /// ```
    /// let p = "The city council voted on Tuesday to keep the central library open.";
    /// let q = "The vote followed months of debate about the cost of the building, which needs a new roof.";
    /// let page = format!("{p}\n{p}\n{q}");
    /// assert_eq!(dejunk::clean(&page), format!("{p}\n{q}"));
    /// let keep_all = dejunk::Cleaner::builder().dedup(false).build()?;
    /// assert_eq!(keep_all.clean(&page), page);
    /// # Ok::<(), dejunk::Error>(())
    /// ```
    pub fn dedup(&mut self, yes: bool) -> &mut CleanerBuilder {
        self.dedup = Some(yes);
        self
    }

    /// The model to score text with. Default: [`Model::builtin`].
    ///
    /// # Example
    ///
    /// ```
    /// let model = dejunk::Model::from_bytes(&dejunk::Model::builtin().to_bytes())?;
    /// let cleaner = dejunk::Cleaner::builder().model(model).build()?;
    /// # Ok::<(), dejunk::Error>(())
    /// ```
    pub fn model(&mut self, model: Model) -> &mut CleanerBuilder {
        self.model = Some(model);
        self
    }

    /// The model to score HTML with (its blocks carry DOM features).
    /// Default: [`Model::builtin_html`].
    ///
    /// # Example
    ///
    /// ```
    /// let model = dejunk::Model::from_bytes(&dejunk::Model::builtin_html().to_bytes())?;
    /// let cleaner = dejunk::Cleaner::builder().html_model(model).build()?;
    /// # Ok::<(), dejunk::Error>(())
    /// ```
    #[cfg(feature = "html")]
    pub fn html_model(&mut self, model: Model) -> &mut CleanerBuilder {
        self.html_model = Some(model);
        self
    }

    /// Extra junk patterns: a line containing any of them is dropped,
    /// whatever its score (unless a [keep
    /// pattern](CleanerBuilder::keep_patterns) matches too). Patterns match
    /// whole words, ignoring case and punctuation: `"sign up"` matches
    /// `Sign-Up!` but not `signups`. Appends to earlier calls.
    ///
    /// # Example
    ///
    /// ```
    /// let c = dejunk::Cleaner::builder().junk_patterns(["promo code"]).build()?;
    /// let page = "Use PROMO-CODE save10 at checkout, the shop said in a statement today.";
    /// assert_eq!(c.clean(page), "");
    /// # Ok::<(), dejunk::Error>(())
    /// ```
    pub fn junk_patterns<I, P>(&mut self, patterns: I) -> &mut CleanerBuilder
    where
        I: IntoIterator<Item = P>,
        P: AsRef<str>,
    {
        self.junk
            .extend(patterns.into_iter().map(|p| p.as_ref().to_string()));
        self
    }

    /// "Always keep" patterns: a line containing any of them is kept,
    /// whatever its score or junk patterns; deduplication still applies.
    /// Matched like [`junk_patterns`](CleanerBuilder::junk_patterns).
    /// Appends to earlier calls.
    ///
    /// # Example
    ///
    /// ```
    /// let c = dejunk::Cleaner::builder().keep_patterns(["ingredients"]).build()?;
    /// assert_eq!(c.clean("Ingredients"), "Ingredients");
    /// # Ok::<(), dejunk::Error>(())
    /// ```
    pub fn keep_patterns<I, P>(&mut self, patterns: I) -> &mut CleanerBuilder
    where
        I: IntoIterator<Item = P>,
        P: AsRef<str>,
    {
        self.keep
            .extend(patterns.into_iter().map(|p| p.as_ref().to_string()));
        self
    }

    /// Builds the cleaner.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidThreshold`] when the threshold is not in `0..=1`;
    /// [`ErrorKind::EmptyPattern`] when a user pattern has no word in it;
    /// [`ErrorKind::PatternsTooLarge`] when the user patterns cannot be
    /// compiled.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(dejunk::Cleaner::builder().threshold(f32::NAN).build().is_err());
    /// ```
    pub fn build(&self) -> Result<Cleaner, Error> {
        let threshold = self.threshold.unwrap_or(DEFAULT_THRESHOLD);
        if !(0.0..=1.0).contains(&threshold) {
            return Err(Error::new(ErrorKind::InvalidThreshold { got: threshold }));
        }
        Ok(Cleaner {
            inner: Arc::new(Settings {
                model: self.model.clone().unwrap_or_else(Model::builtin),
                #[cfg(feature = "html")]
                html_model: self.html_model.clone().unwrap_or_else(Model::builtin_html),
                threshold,
                title: self.title.unwrap_or(true),
                dedup: self.dedup.unwrap_or(true),
                junk: UserPatterns::new("junk", &self.junk)?,
                keep: UserPatterns::new("keep", &self.keep)?,
            }),
        })
    }
}
