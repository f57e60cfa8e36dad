//! What [`Cleaner::analyze`](crate::Cleaner::analyze) returns: every block
//! with its decision, score and the reasons behind it, and the page's
//! title. A block's reasons are spelled out when first asked for.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

/// What spells out the reasons of a page's blocks (`explain`).
pub(crate) trait Explain: Send + Sync + fmt::Debug + std::panic::RefUnwindSafe {
    /// The reasons of block `i`, the strongest first.
    fn reasons(&self, i: usize) -> Vec<Reason>;
}

/// The result of [`Cleaner::analyze`](crate::Cleaner::analyze): every block
/// of the page, kept or not, with its score and reasons, and the cleaned
/// text (the same as [`Cleaner::clean`](crate::Cleaner::clean) returns,
/// on a page of any length).
///
/// # Example
///
/// ```
/// let page = "Home | News | Sport\n\
///             The council voted on Tuesday to keep the library open, after months of debate.\n\
///             Share this article";
/// let analysis = dejunk::Cleaner::new().analyze(page);
/// for block in analysis.blocks() {
///     println!("{} {:.2} {}", block.is_kept(), block.score(), block.text());
/// }
/// assert_eq!(analysis.text(), dejunk::clean(page));
/// ```
#[derive(Clone, Debug, Default)]
pub struct Analysis<'t> {
    pub(crate) blocks: Vec<Block<'t>>,
    pub(crate) text: String,
    pub(crate) title: Option<usize>,
    pub(crate) metadata: crate::metadata::Metadata,
}

impl<'t> Analysis<'t> {
    /// What the page says of itself: see [`Extract::metadata`](crate::Extract::metadata).
    ///
    /// # Example
    ///
    /// ```
    /// let html = r#"<html lang="en"><meta name="author" content="Anna Fink"><p>Text.</p>"#;
    /// let a = dejunk::Cleaner::new().analyze(dejunk::Page::html(html));
    /// assert_eq!(a.metadata().authors(), ["Anna Fink"]);
    /// ```
    pub fn metadata(&self) -> &crate::metadata::Metadata {
        &self.metadata
    }

    /// The page's title, as the cleaner found it: the heading-like line
    /// above the start of the body (see
    /// [`CleanerBuilder::title`](crate::CleanerBuilder::title)), whether or
    /// not the output keeps it. `None` when the page has no such line.
    ///
    /// # Example
    ///
    /// ```
    /// let page = "Council keeps the library open\n\
    ///             The city council voted on Tuesday to keep the central library open, after months of debate.";
    /// let a = dejunk::Cleaner::new().analyze(page);
    /// assert_eq!(a.title(), Some("Council keeps the library open"));
    /// assert_eq!(dejunk::Cleaner::new().analyze("").title(), None);
    /// ```
    pub fn title(&self) -> Option<&str> {
        self.title.map(|t| self.blocks[t].text())
    }

    /// Every block of the page (one per non-blank input line), in input
    /// order.
    ///
    /// # Example
    ///
    /// ```
    /// let a = dejunk::Cleaner::new().analyze("one\n\ntwo");
    /// assert_eq!(a.blocks().len(), 2);
    /// assert_eq!(a.blocks()[1].line(), 3);
    /// ```
    pub fn blocks(&self) -> &[Block<'t>] {
        &self.blocks
    }

    /// The cleaned text: the kept blocks joined with `\n`, the same as
    /// [`Cleaner::clean`](crate::Cleaner::clean) returns.
    ///
    /// # Example
    ///
    /// ```
    /// let c = dejunk::Cleaner::new();
    /// let page = "Menu\nA long enough sentence of body text, with a full stop at its end.";
    /// assert_eq!(c.analyze(page).text(), c.clean(page));
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Consumes the analysis and returns the cleaned text.
    ///
    /// # Example
    ///
    /// ```
    /// let s: String = dejunk::Cleaner::new().analyze("").into_text();
    /// assert_eq!(s, "");
    /// ```
    pub fn into_text(self) -> String {
        self.text
    }
}

/// One block of a page: a non-blank input line, trimmed.
///
/// # Example
///
/// ```
/// let a = dejunk::Cleaner::new().analyze("  Cookie settings  \n");
/// let b = &a.blocks()[0];
/// assert_eq!(b.text(), "Cookie settings");
/// assert_eq!(b.span(), 2..17);
/// assert!((0.0..=1.0).contains(&b.score()));
/// ```
#[derive(Clone)]
pub struct Block<'t> {
    pub(crate) line: usize,
    pub(crate) text: Cow<'t, str>,
    pub(crate) span: Range<usize>,
    pub(crate) score: f32,
    pub(crate) kept: bool,
    /// The block's index in the page, for `explain`.
    pub(crate) index: usize,
    pub(crate) explain: Arc<dyn Explain>,
    pub(crate) reasons: OnceLock<Vec<Reason>>,
}

impl<'t> Block<'t> {
    /// The block's line in the input, counted from 1 as in every message
    /// and reason (lines split on `\n`); for HTML input, in the text
    /// extracted from the HTML.
    ///
    /// # Example
    ///
    /// ```
    /// let a = dejunk::Cleaner::new().analyze("\n\nthird line");
    /// assert_eq!(a.blocks()[0].line(), 3);
    /// ```
    pub fn line(&self) -> usize {
        self.line + 1
    }

    /// The block's text, trimmed of surrounding whitespace.
    ///
    /// # Example
    ///
    /// ```
    /// let a = dejunk::Cleaner::new().analyze("\t hello \r\n");
    /// assert_eq!(a.blocks()[0].text(), "hello");
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The byte range of [`Block::text`] in the input. For HTML input
    /// ([`Page::html`](crate::Page::html)), the range in the text extracted
    /// from the HTML: every block's text, in order, joined with `\n`; for
    /// bytes ([`Page::bytes`](crate::Page::bytes)), in the decoded text.
    ///
    /// # Example
    ///
    /// ```
    /// let page = "a\n  b";
    /// let a = dejunk::Cleaner::new().analyze(page);
    /// assert_eq!(&page[a.blocks()[1].span()], "b");
    /// ```
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// The model's probability that the block is body content, in `0..=1`.
    /// The block is kept by the model when it reaches the cleaner's
    /// threshold; the title, user patterns and deduplication can overrule
    /// that (see [`Block::reasons`]).
    ///
    /// # Example
    ///
    /// ```
    /// let a = dejunk::Cleaner::new().analyze("Privacy Policy | Terms of Use");
    /// assert!(a.blocks()[0].score() < 0.5);
    /// ```
    pub fn score(&self) -> f32 {
        self.score
    }

    /// Whether the block is in the cleaned output.
    ///
    /// # Example
    ///
    /// ```
    /// let page = "The city council voted on Tuesday to keep the central library open, after months of debate.\n\
    ///             The vote was seven to two, and the mayor said the budget would be found.\n\
    ///             Privacy Policy | Terms of Use";
    /// let a = dejunk::Cleaner::new().analyze(page);
    /// assert!(a.blocks()[0].is_kept());
    /// assert!(!a.blocks()[2].is_kept());
    /// ```
    pub fn is_kept(&self) -> bool {
        self.kept
    }

    /// Why the block was kept or dropped, the strongest reason first
    /// (spelled out on the first call).
    ///
    /// For a model decision, these are the features and phrases that pushed
    /// the score most in the direction of the decision, each with its
    /// contribution to the score's logit. A rule that overruled the model
    /// (title, user pattern, duplicate) comes first.
    ///
    /// # Example
    ///
    /// ```
    /// use dejunk::ReasonKind;
    ///
    /// let a = dejunk::Cleaner::new().analyze("Read also\nRead also");
    /// let r = &a.blocks()[0].reasons()[0];
    /// assert!(matches!(r.kind(), ReasonKind::Phrase | ReasonKind::Feature | ReasonKind::Context));
    /// ```
    pub fn reasons(&self) -> &[Reason] {
        self.reasons
            .get_or_init(|| self.explain.reasons(self.index))
    }
}

impl fmt::Debug for Block<'_> {
    /// The block's own fields, and its reasons if they were asked for
    /// (not what they are made of: that is the page's, shared by every
    /// block).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("Block");
        d.field("line", &self.line)
            .field("text", &self.text)
            .field("span", &self.span)
            .field("score", &self.score)
            .field("kept", &self.kept);
        if let Some(reasons) = self.reasons.get() {
            d.field("reasons", reasons);
        }
        d.finish_non_exhaustive()
    }
}

/// One reason behind a block's decision.
///
/// # Example
///
/// ```
/// let a = dejunk::Cleaner::new().analyze("Download the app today from the app store");
/// let b = &a.blocks()[0];
/// for r in b.reasons() {
///     println!("{r}"); // e.g. `phrase "download the app" -2.31`
/// }
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Reason {
    pub(crate) kind: ReasonKind,
    pub(crate) detail: String,
    pub(crate) weight: f32,
    /// The 1-based line of the block a rule refers to.
    pub(crate) line: Option<usize>,
    /// What the reason means, in words (a feature's meaning).
    pub(crate) meaning: &'static str,
    /// The site memory's counts: pages with the line, pages seen.
    pub(crate) pages: Option<(u32, u32)>,
    /// A feature's value for the block, and its mean on the training
    /// pages.
    pub(crate) value: Option<(f32, f32)>,
}

impl Reason {
    /// What kind of reason this is.
    ///
    /// # Example
    ///
    /// ```
    /// use dejunk::ReasonKind;
    /// let c = dejunk::Cleaner::builder().junk_patterns(["sponsored"]).build()?;
    /// let a = c.analyze("Sponsored: the best deals of the year, chosen by our editors.");
    /// assert_eq!(a.blocks()[0].reasons()[0].kind(), ReasonKind::JunkPattern);
    /// # Ok::<(), dejunk::Error>(())
    /// ```
    pub fn kind(&self) -> ReasonKind {
        self.kind
    }

    /// The detail: the phrase or pattern matched, the feature's name, or
    /// `line N` for the block a duplicate repeats (lines counted from 1,
    /// as in every message: [`Block::line`] + 1).
    ///
    /// # Example
    ///
    /// ```
    /// let c = dejunk::Cleaner::builder().junk_patterns(["Sponsored"]).build()?;
    /// let a = c.analyze("Sponsored content");
    /// assert_eq!(a.blocks()[0].reasons()[0].detail(), "sponsored");
    /// # Ok::<(), dejunk::Error>(())
    /// ```
    pub fn detail(&self) -> &str {
        &self.detail
    }

    /// The reason's contribution to the block's score logit (positive
    /// toward keeping); 0 for rules, which overrule the score.
    ///
    /// # Example
    ///
    /// ```
    /// let c = dejunk::Cleaner::builder().keep_patterns(["menu"]).build()?;
    /// let a = c.analyze("Menu");
    /// assert_eq!(a.blocks()[0].reasons()[0].weight(), 0.0);
    /// # Ok::<(), dejunk::Error>(())
    /// ```
    pub fn weight(&self) -> f32 {
        self.weight
    }

    /// The line (counted from 1, as [`Block::line`]) of the block a rule
    /// refers to: the title a block is above or under, the kept block a
    /// duplicate repeats or is contained in; `None` for other reasons.
    ///
    /// # Example
    ///
    /// ```
    /// use dejunk::ReasonKind;
    /// let line = "The mayor opened the new bridge on Monday, the city said in a statement on Tuesday.";
    /// let page = format!("{line}\n{line}");
    /// let a = dejunk::Cleaner::new().analyze(page.as_str());
    /// let r = &a.blocks()[1].reasons()[0];
    /// assert_eq!((r.kind(), r.line()), (ReasonKind::Duplicate, Some(1)));
    /// ```
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// The phrase or user pattern matched (normalised: lowercase, no
    /// punctuation), for [`ReasonKind::Phrase`], [`ReasonKind::KeepPattern`]
    /// and [`ReasonKind::JunkPattern`]; `None` for other reasons.
    ///
    /// # Example
    ///
    /// ```
    /// let c = dejunk::Cleaner::builder().junk_patterns(["Sponsored"]).build()?;
    /// let a = c.analyze("Sponsored content");
    /// assert_eq!(a.blocks()[0].reasons()[0].pattern(), Some("sponsored"));
    /// # Ok::<(), dejunk::Error>(())
    /// ```
    pub fn pattern(&self) -> Option<&str> {
        matches!(
            self.kind,
            ReasonKind::Phrase | ReasonKind::KeepPattern | ReasonKind::JunkPattern
        )
        .then_some(self.detail.as_str())
    }

    /// The feature's name in the model (`src/feature/registry.tsv`), for
    /// [`ReasonKind::Feature`] and [`ReasonKind::Context`]; `None` for
    /// other reasons. [`Reason::meaning`] says it in words.
    ///
    /// # Example
    ///
    /// ```
    /// let a = dejunk::Cleaner::new().analyze("Home | News | Sport | Weather | Contact");
    /// for r in a.blocks()[0].reasons() {
    ///     if let Some(name) = r.feature() {
    ///         assert!(!name.is_empty() && !r.meaning().is_empty());
    ///     }
    /// }
    /// ```
    pub fn feature(&self) -> Option<&str> {
        matches!(self.kind, ReasonKind::Feature | ReasonKind::Context)
            .then_some(self.detail.as_str())
    }

    /// On how many of the site's pages the site memory saw the line, and
    /// how many of the site's pages it saw, for [`ReasonKind::SiteMemory`].
    ///
    /// # Example
    ///
    /// ```
    /// let r = dejunk::Cleaner::new().analyze("Hello").blocks()[0].reasons().to_vec();
    /// assert!(r.iter().all(|r| r.pages().is_none()));
    /// ```
    pub fn pages(&self) -> Option<(u32, u32)> {
        self.pages
    }

    /// What the reason means, in words: for a feature, its meaning from
    /// the registry (`"length-weighted mean local probability of the 10
    /// blocks before"`), for a rule what the rule is.
    ///
    /// # Example
    ///
    /// ```
    /// let c = dejunk::Cleaner::builder().junk_patterns(["Sponsored"]).build()?;
    /// let a = c.analyze("Sponsored content");
    /// assert_eq!(a.blocks()[0].reasons()[0].meaning(), "a junk pattern of the user's matched");
    /// # Ok::<(), dejunk::Error>(())
    /// ```
    pub fn meaning(&self) -> &str {
        self.meaning
    }

    /// The feature's value for the block, for [`ReasonKind::Feature`] and
    /// [`ReasonKind::Context`] reasons that name a feature; `None` for
    /// other reasons (and for the context trees, which combine many).
    /// [`Reason::usual`] gives its mean on the training pages, against
    /// which the weight is counted.
    ///
    /// # Example
    ///
    /// ```
    /// let a = dejunk::Cleaner::new().analyze("Home | News | Sport | Weather | Contact");
    /// for r in a.blocks()[0].reasons() {
    ///     if r.feature().is_some_and(|f| f != "trees") {
    ///         assert!(r.value().is_some() && r.usual().is_some());
    ///     }
    /// }
    /// ```
    pub fn value(&self) -> Option<f32> {
        self.value.map(|v| v.0)
    }

    /// The feature's mean value on the pages the model was trained on
    /// (see [`Reason::value`]); `None` where `value` is.
    ///
    /// # Example
    ///
    /// ```
    /// let a = dejunk::Cleaner::new().analyze("Hello");
    /// for r in a.blocks()[0].reasons() {
    ///     assert_eq!(r.value().is_some(), r.usual().is_some());
    /// }
    /// ```
    pub fn usual(&self) -> Option<f32> {
        self.value.map(|v| v.1)
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self.kind {
            ReasonKind::Phrase => "phrase",
            ReasonKind::Feature => "feature",
            ReasonKind::Context => "context",
            ReasonKind::Title => "title",
            ReasonKind::AboveTitle => "above-title",
            ReasonKind::Dateline => "dateline-under-title",
            ReasonKind::KeepPattern => "keep-pattern",
            ReasonKind::JunkPattern => "junk-pattern",
            ReasonKind::Duplicate => "duplicate-of",
            ReasonKind::NearDuplicate => "near-duplicate-of",
            ReasonKind::SiteMemory => "site-memory",
            ReasonKind::Comment => "comment",
            ReasonKind::NotText => "not-text",
        };
        match self.kind {
            ReasonKind::Phrase | ReasonKind::KeepPattern | ReasonKind::JunkPattern => {
                write!(f, "{name} \"{}\"", self.detail)?
            }
            ReasonKind::Feature | ReasonKind::Context => match self.value {
                Some((value, usual)) => {
                    // A count the model reads as ln(1 + n) reads as n.
                    let (meaning, value, usual) = match unlog(self.meaning) {
                        Some((before, after)) => {
                            (format!("{before}{after}"), value.exp_m1(), usual.exp_m1())
                        }
                        None => (self.meaning.to_string(), value, usual),
                    };
                    write!(
                        f,
                        "{name} {meaning}: {}, usually {} ({})",
                        Number(value),
                        Number(usual),
                        self.detail
                    )?
                }
                None => write!(f, "{name} {} ({})", self.meaning, self.detail)?,
            },
            _ if self.detail.is_empty() => write!(f, "{name}")?,
            _ => write!(f, "{name} {}", self.detail)?,
        }
        if self.weight != 0.0 {
            write!(f, " {:+.2}", self.weight)?;
        }
        Ok(())
    }
}

/// The parts of a meaning `ln(1 + X)Y` around the logarithm, `X` and
/// `Y`; `None` for other meanings.
fn unlog(meaning: &str) -> Option<(&str, &str)> {
    let inner = meaning.strip_prefix("ln(1 + ")?;
    // The parenthesis that closes the logarithm's.
    let mut depth = 0usize;
    for (i, c) in inner.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return Some((&inner[..i], &inner[i + 1..])),
            ')' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// A feature's value as a reason shows it: whole numbers whole, others
/// to two decimals (three under 0.1).
struct Number(f32);

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = self.0;
        if (v - v.round()).abs() < 1e-3 && v.abs() < 1e9 {
            // (+ 0.0: no "-0")
            write!(f, "{:.0}", v.round() + 0.0)
        } else if v.abs() < 0.1 {
            write!(f, "{v:.3}")
        } else {
            write!(f, "{v:.2}")
        }
    }
}

/// The kinds of [`Reason`].
///
/// **This enum is non-exhaustive**: new kinds may be added in minor
/// releases, so a `match` on it needs a wildcard arm.
///
/// # Example
///
/// ```
/// use dejunk::ReasonKind;
/// let kind = ReasonKind::Duplicate;
/// assert_ne!(kind, ReasonKind::NearDuplicate);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ReasonKind {
    /// A learned phrase found in the block (detail: the phrase).
    Phrase,
    /// A feature of the block itself: length, punctuation, capitals, … (detail:
    /// the feature's name).
    Feature,
    /// The block's place in the page: its neighbours' scores, the main body
    /// region, the heading above it (detail: the feature's name).
    Context,
    /// The block is the page's title, kept or dropped by the builder's
    /// [`title`](crate::CleanerBuilder::title) setting.
    Title,
    /// Above the page's title, so part of the page's header, not of the
    /// article (detail: `line N` of the title).
    AboveTitle,
    /// A byline or date line (a date or time in a short line, not a
    /// sentence) between the page's title and its body (detail: `line N`
    /// of the title).
    Dateline,
    /// A user "always keep" pattern matched (detail: the pattern).
    KeepPattern,
    /// A user junk pattern matched (detail: the pattern).
    JunkPattern,
    /// An exact repeat of a kept block (detail: `line N` of that block).
    Duplicate,
    /// Mostly contained in other kept blocks (detail: `line N` of the first).
    NearDuplicate,
    /// A line the [`SiteMemory`](crate::SiteMemory) knows as the site's
    /// boilerplate (detail: `on N of M pages of the site`).
    SiteMemory,
    /// A post of the page's comment section, kept by the builder's
    /// [`comments`](crate::CleanerBuilder::comments) setting.
    Comment,
    /// Not text a reader reads: bytes decoded as text (control characters,
    /// replacement characters), a base64 or hex blob, or minified script
    /// or style text.
    NotText,
}

impl ReasonKind {
    /// The kind's name in machine-read output (the CLI's JSON, Python's
    /// `Reason.kind`): `phrase`, `feature`, `context`, `title`,
    /// `above_title`, `dateline`, `keep_pattern`, `junk_pattern`,
    /// `duplicate`, `near_duplicate`, `site_memory`, `comment`, `not_text`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dejunk::ReasonKind::NearDuplicate.name(), "near_duplicate");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            ReasonKind::Phrase => "phrase",
            ReasonKind::Feature => "feature",
            ReasonKind::Context => "context",
            ReasonKind::Title => "title",
            ReasonKind::AboveTitle => "above_title",
            ReasonKind::Dateline => "dateline",
            ReasonKind::KeepPattern => "keep_pattern",
            ReasonKind::JunkPattern => "junk_pattern",
            ReasonKind::Duplicate => "duplicate",
            ReasonKind::NearDuplicate => "near_duplicate",
            ReasonKind::SiteMemory => "site_memory",
            ReasonKind::Comment => "comment",
            ReasonKind::NotText => "not_text",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feature(meaning: &'static str, value: f32, usual: f32) -> Reason {
        Reason {
            kind: ReasonKind::Context,
            detail: "f".into(),
            weight: -1.5,
            line: None,
            meaning,
            pages: None,
            value: Some((value, usual)),
        }
    }

    #[test]
    fn features_read_with_their_values() {
        let r = feature("local score of the block after", 1.123, -1.36);
        assert_eq!(
            r.to_string(),
            "context local score of the block after: 1.12, usually -1.36 (f) -1.50"
        );
        // A count read as ln(1 + n) shows n.
        let r = feature(
            "ln(1 + words of positively scored blocks since the last switch)",
            3f32.ln_1p(),
            16.5f32.ln_1p(),
        );
        assert_eq!(
            r.to_string(),
            "context words of positively scored blocks since the last switch: 3, usually 16.50 (f) -1.50"
        );
        let r = feature("ln(1 + length of the run (of blocks)), else 0", 0.0, 0.04);
        assert_eq!(
            r.to_string(),
            "context length of the run (of blocks), else 0: 0, usually 0.041 (f) -1.50"
        );
        assert_eq!((r.value(), r.usual()), (Some(0.0), Some(0.04)));
    }

    #[test]
    fn unlog_finds_the_closing_parenthesis() {
        assert_eq!(unlog("ln(1 + a (b) c) d"), Some(("a (b) c", " d")));
        assert_eq!(unlog("ln(1 + a"), None);
        assert_eq!(unlog("a / b"), None);
    }
}
