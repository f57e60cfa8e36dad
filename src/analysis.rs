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
}

impl<'t> Analysis<'t> {
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
            ReasonKind::Feature | ReasonKind::Context => {
                write!(f, "{name} {} ({})", self.meaning, self.detail)?
            }
            _ if self.detail.is_empty() => write!(f, "{name}")?,
            _ => write!(f, "{name} {}", self.detail)?,
        }
        if self.weight != 0.0 {
            write!(f, " {:+.2}", self.weight)?;
        }
        Ok(())
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
