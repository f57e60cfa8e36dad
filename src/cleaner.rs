//! The public entry points: [`clean`], [`clean_html`], [`Cleaner`] and its
//! five methods over a [`Page`], [`Extract`], and [`CleanerBuilder`]. Each
//! call prepares the page and runs the pipeline through the windowing
//! driver (`window`); nothing else lives here.

use std::borrow::Cow;
use std::sync::{Arc, LazyLock};

use crate::analysis::Analysis;
use crate::decide::{Rules, UserPatterns};
use crate::error::Error;
use crate::metadata::{self, Metadata};
use crate::model::Model;
use crate::page::{Page, Prepared};
use crate::window::{self, Found};

static DEFAULT: LazyLock<Cleaner> = LazyLock::new(Cleaner::new);

/// Returns the main body content of a raw page text, with the default
/// [`Cleaner`].
///
/// The output is a selection of the input's lines, each trimmed of
/// surrounding whitespace, in input order, joined with `\n`, with no blank
/// lines: the lines the model scores as body content, less repeated copies
/// (see [`CleanerBuilder::dedup`]). For HTML, bytes, Markdown, the title or
/// a site's memory, see [`Page`] and [`Cleaner`].
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
/// [`Cleaner`] and the built-in HTML model: the same as
/// `Cleaner::new().clean(Page::html(html))` (see [`Page::html`]).
///
/// The document is read in one pass (no tree is built), scripts, styles
/// and hidden elements are dropped, and its paragraphs, headings, list
/// items and table rows become lines that are scored like the lines of a
/// text page, with DOM features added (tag, link density, form content, the
/// class/id words of ancestors such as `nav`, `footer`, `comment`,
/// `related`). The output is the kept lines, joined with `\n`, each
/// paragraph once.
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
    DEFAULT.clean(Page::html(html))
}

/// Decodes an HTML document's bytes the way a browser finds their
/// encoding: a byte-order mark; else valid UTF-8 as UTF-8 (a crawled page
/// often declares a charset it does not use, and legacy text is almost
/// never valid UTF-8; a declared ISO-2022-JP, a 7-bit encoding, still
/// wins); else the charset of `content_type` (the HTTP `Content-Type`
/// value, or a bare label such as `"Shift_JIS"`) when given; else a
/// `<meta charset>` or `<meta http-equiv="Content-Type">` in the first
/// 1,024 bytes; else Firefox's detector (chardetng) on the first MiB.
/// Decoding follows the WHATWG Encoding Standard (encoding_rs): malformed
/// sequences become U+FFFD, nothing fails. Borrows when the bytes are
/// the page's text as they are (valid UTF-8, or ASCII in an ASCII-based
/// encoding). [`Page::html_bytes`] decodes this way.
///
/// # Example
///
/// ```
/// // "日本語" in Shift_JIS, declared by the HTTP header only.
/// let bytes = b"<p>\x93\xfa\x96\x7b\x8c\xea</p>";
/// assert_eq!(dejunk::decode_html(bytes, Some("text/html; charset=Shift_JIS")), "<p>日本語</p>");
/// ```
#[cfg(feature = "html")]
pub fn decode_html<'b>(bytes: &'b [u8], content_type: Option<&str>) -> Cow<'b, str> {
    crate::charset::html(bytes, content_type)
}

/// Decodes raw page text as [`Page::bytes`] does: a byte-order mark (UTF-8,
/// UTF-16 or UTF-32, either byte order) gives the encoding; without one the
/// text is UTF-8, invalid sequences replaced with U+FFFD. Borrows when the
/// bytes are valid UTF-8 without a mark.
///
/// # Example
///
/// ```
/// let utf16: Vec<u8> = [0xFE, 0xFF].into_iter().chain("Zürich".encode_utf16().flat_map(u16::to_be_bytes)).collect();
/// assert_eq!(dejunk::decode_text(&utf16), "Zürich");
/// assert_eq!(dejunk::decode_text(b"caf\xe9"), "caf\u{FFFD}");
/// ```
pub fn decode_text(bytes: &[u8]) -> Cow<'_, str> {
    crate::charset::text(bytes)
}

/// A reusable cleaner: a model and settings.
///
/// `Send + Sync` and cheap to clone (the settings are shared), so one
/// cleaner can serve many threads. Cleaning is deterministic: the same input
/// gives the same output on every call and thread.
///
/// Its methods take any [`Page`] (a `&str` is a text page): [`clean`],
/// [`clean_into`], [`extract`] (text, title, Markdown), [`analyze`] (every
/// block and why it was kept or dropped), and with the `rayon` feature
/// `clean_batch`.
///
/// [`clean`]: Cleaner::clean
/// [`clean_into`]: Cleaner::clean_into
/// [`extract`]: Cleaner::extract
/// [`analyze`]: Cleaner::analyze
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
    rules: Arc<Rules>,
    /// Whether to read pages' metadata.
    metadata: bool,
}

impl Default for Cleaner {
    fn default() -> Cleaner {
        Cleaner::new()
    }
}

impl Cleaner {
    /// The default threshold: blocks whose body-content probability is at
    /// least this are kept.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dejunk::Cleaner::DEFAULT_THRESHOLD, 0.5);
    /// ```
    pub const DEFAULT_THRESHOLD: f32 = 0.5;

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

    /// The model this cleaner scores text pages with.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dejunk::Cleaner::new().model().version(), dejunk::Model::builtin().version());
    /// ```
    pub fn model(&self) -> &Model {
        &self.inner.model
    }

    /// The model this cleaner scores HTML pages with.
    ///
    /// # Example
    ///
    /// ```
    /// let c = dejunk::Cleaner::new();
    /// assert_eq!(c.html_model().version(), dejunk::Model::builtin_html().version());
    /// ```
    #[cfg(feature = "html")]
    pub fn html_model(&self) -> &Model {
        &self.inner.html_model
    }

    /// The threshold this cleaner keeps blocks at.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dejunk::Cleaner::new().threshold(), dejunk::Cleaner::DEFAULT_THRESHOLD);
    /// ```
    pub fn threshold(&self) -> f32 {
        self.inner.rules.threshold
    }

    /// Returns the main body content of a page: its kept lines, trimmed,
    /// in input order, joined with `\n`, each paragraph once (see
    /// [`clean`](crate::clean) and [`Page`]).
    ///
    /// # Example
    ///
    /// ```
    /// use dejunk::{Cleaner, Page};
    ///
    /// let cleaner = Cleaner::new();
    /// let page = "\
    /// Home | News | Sport | Weather
    ///
    /// Council keeps the library open
    ///
    /// The city council voted on Tuesday to keep the central library open, after months of debate over its budget.
    ///
    /// Councillors said the building would be repaired next year, and that opening hours would not change.
    ///
    /// Related Articles
    ///   • Council to vote on library budget
    /// © 2024 Example News. All rights reserved.";
    /// let body = cleaner.clean(page);
    /// assert!(body.contains("The city council voted on Tuesday"));
    /// assert!(!body.contains("All rights reserved"));
    ///
    /// let html = "<nav><a href='/'>Home</a></nav><article><h1>Council keeps the library open</h1>\
    ///     <p>The city council voted on Tuesday to keep the central library open, after months of debate.</p></article>\
    ///     <footer>© 2024 Example News. All rights reserved.</footer>";
    /// let body = cleaner.clean(Page::html(html));
    /// assert!(body.contains("The city council voted"));
    /// assert!(!body.contains("All rights reserved"));
    /// ```
    pub fn clean<'a>(&self, page: impl Into<Page<'a>>) -> String {
        let mut out = String::new();
        self.clean_into(page, &mut out);
        out
    }

    /// Like [`Cleaner::clean`], appending to `out` (to reuse a buffer in a
    /// loop). `out` is not cleared first; text already in it is followed
    /// by a line break, unless it ends with one.
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
    ///
    /// let mut out = String::from("previous\n");
    /// cleaner.clean_into("The museum will reopen in May, its director told reporters on Friday.", &mut out);
    /// assert!(out.starts_with("previous\nThe museum"));
    /// ```
    pub fn clean_into<'a>(&self, page: impl Into<Page<'a>>, out: &mut String) {
        self.run_clean(page.into(), out, None);
    }

    /// Cleans a page and returns its main content with the page's title
    /// (see [`Analysis::title`]) and, for HTML, the content as Markdown:
    /// what [`Cleaner::analyze`] tells of them, for the memory
    /// [`Cleaner::clean`] takes (an analysis holds every block; this holds
    /// the output).
    ///
    /// # Example
    ///
    /// ```
    /// use dejunk::{Cleaner, Page};
    ///
    /// let page = "Council keeps the library open\n\
    ///     The city council voted on Tuesday to keep the central library open, after months of debate.";
    /// let e = Cleaner::new().extract(page);
    /// assert_eq!(e.title(), Some("Council keeps the library open"));
    /// assert!(e.text().ends_with("after months of debate."));
    /// assert_eq!(e.markdown(), None);
    ///
    /// let html = "<h1>Council keeps the library open</h1>\
    ///     <p>The city council voted on Tuesday to keep the central library open, after months of debate.</p>";
    /// let e = Cleaner::new().extract(Page::html(html));
    /// assert_eq!(e.title(), Some("Council keeps the library open"));
    /// assert!(e.markdown().unwrap().starts_with("# Council keeps the library open\n\nThe city council"));
    /// ```
    pub fn extract<'a>(&self, page: impl Into<Page<'a>>) -> Extract {
        let page = page.into();
        let (prepared, declared) = match self.inner.metadata {
            true => {
                let (p, d) = page.prepare_reading();
                (p, Some(d))
            }
            false => (page.prepare(), None),
        };
        let mut text = String::new();
        let mut markdown = page.is_html().then(String::new);
        let found = self.run_prepared(
            &page,
            &prepared,
            &mut text,
            markdown.as_mut(),
            declared.is_some(),
        );
        let metadata = declared
            .map(|d| metadata::read(d, &found.head, &text, page.source_url()))
            .unwrap_or_default();
        Extract {
            text,
            title: found.title,
            markdown,
            metadata,
        }
    }

    /// Cleans a page and returns every block with its decision, score and
    /// reasons: how to find out why a line was removed. Its text is what
    /// [`Cleaner::clean`] returns, on a page of any length. For HTML, the
    /// blocks are the lines of the text extracted from the HTML, with DOM
    /// features among the reasons.
    ///
    /// # Example
    ///
    /// ```
    /// use dejunk::{Cleaner, Page};
    ///
    /// let page = "\
    /// Home | News | Sport | Weather
    ///
    /// The city council voted on Tuesday to keep the central library open, after months of debate over its budget.
    ///
    /// Councillors said the building would be repaired next year, and that opening hours would not change.
    ///
    /// Share this article
    /// © 2024 Example News. All rights reserved.";
    /// let a = Cleaner::new().analyze(page);
    /// let share = a.blocks().iter().find(|b| b.text() == "Share this article").unwrap();
    /// assert!(!share.is_kept());
    /// for reason in share.reasons() {
    ///     println!("{reason}"); // e.g. `phrase "share this" -0.43`
    /// }
    /// assert!(!share.reasons().is_empty());
    ///
    /// let html = "<p>The city council voted on Tuesday to keep the central library open.</p>\
    ///     <footer><a href='/privacy'>Privacy policy</a></footer>";
    /// let a = Cleaner::new().analyze(Page::html(html));
    /// assert_eq!(a.blocks().len(), 2);
    /// assert_eq!(a.blocks()[1].text(), "Privacy policy");
    /// ```
    pub fn analyze<'a>(&self, page: impl Into<Page<'a>>) -> Analysis<'a> {
        let page = page.into();
        let (prepared, declared) = match self.inner.metadata {
            true => {
                let (p, d) = page.prepare_reading();
                (p, Some(d))
            }
            false => (page.prepare(), None),
        };
        let model = self.model_for(&prepared);
        let (mut analysis, head) =
            window::analyze(&self.inner.rules, model, &prepared, page.memory());
        if let Some(d) = declared {
            analysis.metadata = metadata::read(d, &head, &analysis.text, page.source_url());
        }
        analysis
    }

    /// Cleans `page` into `out` (and its Markdown into `markdown`, for
    /// HTML); returns its title.
    fn run_clean(&self, page: Page<'_>, out: &mut String, markdown: Option<&mut String>) -> Found {
        self.run_prepared(&page, &page.prepare(), out, markdown, false)
    }

    /// [`Cleaner::run_clean`] on the page as prepared; with `head`, the
    /// lines about the article's start too (for its metadata).
    fn run_prepared(
        &self,
        page: &Page<'_>,
        prepared: &Prepared<'_>,
        out: &mut String,
        markdown: Option<&mut String>,
        head: bool,
    ) -> Found {
        window::clean(
            &self.inner.rules,
            self.model_for(prepared),
            prepared,
            page.memory(),
            out,
            markdown,
            head,
        )
    }

    /// The model for a page: the HTML model for HTML.
    fn model_for(&self, page: &Prepared<'_>) -> &Model {
        #[cfg(feature = "html")]
        if page.html.is_some() {
            return &self.inner.html_model;
        }
        let _ = page;
        &self.inner.model
    }
}

/// A page's main content, its title and, for HTML, its Markdown: returned
/// by [`Cleaner::extract`].
///
/// # Example
///
/// ```
/// let e = dejunk::Cleaner::new().extract("");
/// assert_eq!((e.text(), e.title(), e.markdown()), ("", None, None));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extract {
    text: String,
    title: Option<String>,
    markdown: Option<String>,
    metadata: Metadata,
}

impl Extract {
    /// What the page says of itself: publication date, authors, site,
    /// language, canonical URL, description, tags, image (see
    /// [`Metadata`]; empty with
    /// [`CleanerBuilder::metadata`]`(false)`).
    ///
    /// # Example
    ///
    /// ```
    /// let html = r#"<html lang="en"><meta name="author" content="Anna Fink"><p>Text.</p>"#;
    /// let e = dejunk::Cleaner::new().extract(dejunk::Page::html(html));
    /// assert_eq!(e.metadata().authors(), ["Anna Fink"]);
    /// assert_eq!(e.metadata().language(), Some("en"));
    /// ```
    pub fn metadata(&self) -> &Metadata {
        &self.metadata
    }

    /// The main content: what [`Cleaner::clean`] returns.
    ///
    /// # Example
    ///
    /// ```
    /// let page = "The city council voted on Tuesday to keep the central library open, after months of debate.";
    /// let cleaner = dejunk::Cleaner::new();
    /// assert_eq!(cleaner.extract(page).text(), cleaner.clean(page));
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The page's title (see [`Analysis::title`]), kept in the text or not
    /// as [`CleanerBuilder::title`] says; `None` when none is found.
    ///
    /// # Example
    ///
    /// ```
    /// let cleaner = dejunk::Cleaner::builder().title(false).build()?;
    /// let e = cleaner.extract("Council keeps the library open\n\
    ///     The city council voted on Tuesday to keep the central library open, after months of debate.");
    /// assert_eq!(e.title(), Some("Council keeps the library open"));
    /// assert!(!e.text().contains("Council keeps"));
    /// # Ok::<(), dejunk::Error>(())
    /// ```
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// For an HTML page, the main content as Markdown (CommonMark with
    /// GitHub's pipe tables): headings as `#`, list items as `-`, quotes
    /// as `>`, table rows as pipe tables (the first kept row is the
    /// header), everything else a paragraph; a blank line between blocks.
    /// Characters Markdown would read as markup are escaped with a
    /// backslash, so that a Markdown reader shows the very text of
    /// [`Extract::text`]. `None` for a text page.
    ///
    /// # Example
    ///
    /// ```
    /// use dejunk::{Cleaner, Page};
    ///
    /// let html = "<table><tr><th>Team</th><th>Points</th></tr>\
    ///     <tr><td>Lions</td><td>12</td></tr><tr><td>Tigers</td><td>9</td></tr></table>";
    /// let e = Cleaner::new().extract(Page::html(html));
    /// assert_eq!(e.markdown(), Some("| Team | Points |\n| --- | --- |\n| Lions | 12 |\n| Tigers | 9 |"));
    /// ```
    pub fn markdown(&self) -> Option<&str> {
        self.markdown.as_deref()
    }

    /// The main content, owned.
    ///
    /// # Example
    ///
    /// ```
    /// let text: String = dejunk::Cleaner::new().extract("").into_text();
    /// assert!(text.is_empty());
    /// ```
    pub fn into_text(self) -> String {
        self.text
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
    comments: Option<bool>,
    dedup: Option<bool>,
    metadata: Option<bool>,
    model: Option<Model>,
    #[cfg(feature = "html")]
    html_model: Option<Model>,
    junk: Vec<String>,
    keep: Vec<String>,
}

/// Declares setters that store `Some(value)` in the field of the same
/// name, and (`name(patterns) appends field`) setters that append patterns
/// to a list.
macro_rules! setters {
    ($($(#[$attr:meta])* $name:ident($arg:ident: $ty:ty);)*) => {
        $(
            $(#[$attr])*
            pub fn $name(&mut self, $arg: $ty) -> &mut CleanerBuilder {
                self.$name = Some($arg);
                self
            }
        )*
    };
    ($($(#[$attr:meta])* $name:ident(patterns) appends $field:ident;)*) => {
        $(
            $(#[$attr])*
            pub fn $name(
                &mut self,
                patterns: impl IntoIterator<Item = impl AsRef<str>>,
            ) -> &mut CleanerBuilder {
                self.$field
                    .extend(patterns.into_iter().map(|p| p.as_ref().to_string()));
                self
            }
        )*
    };
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

    setters! {
        /// The precision/recall knob: a block is kept when the model's
        /// probability that it is body content is at least `score`, on a `0..=1`
        /// scale. Lower keeps more (recall), higher keeps less (precision).
        /// Default: [`Cleaner::DEFAULT_THRESHOLD`] (0.5).
        ///
        /// A page always keeps its most likely body: when no block that reads
        /// as body (a sentence of at least 10 words, or more than 30 words)
        /// reaches the threshold, the blocks scoring at least half the
        /// page's best score are kept as well, when that best score is at
        /// least 0.2; under 0.2, the blocks that read as body and score at
        /// least half the best of them. A page with a sentence of body never
        /// cleans to nothing (what is not text, user patterns and dedup
        /// still apply after).
        ///
        /// # Example
        ///
        /// ```
        /// let strict = dejunk::Cleaner::builder().threshold(0.9).build()?;
        /// assert_eq!(strict.threshold(), 0.9);
        /// # Ok::<(), dejunk::Error>(())
        /// ```
        threshold(score: f32);

        /// Whether to keep the page's title (headline). Default: `true`.
        ///
        /// In raw text the title is not marked, so it is found as: of the
        /// heading-like lines (2 to 30 words, not ending in a full stop, not a
        /// list item, not a menu) among the 12 lines above the start of the body (the
        /// first kept line that is a sentence of at least 10 words, or of more
        /// than 30 words), the one the model's title scorer rates highest, if
        /// it rates it a title at all (a date line, a byline or a standfirst
        /// is not; a page may have no title). The scorer is fitted by the
        /// trainer on pages whose headline is known. With `true`
        /// it is kept even if the model would drop it; with `false` it is dropped,
        /// with every later line of the same text. Either way the article starts
        /// at its title: lines above it are the page's header (site name and
        /// tagline, menus, breadcrumb) and are dropped
        /// ([`ReasonKind::AboveTitle`](crate::ReasonKind::AboveTitle)), and
        /// so are the byline and date lines between it and the body (a date
        /// or time in at most 12 words, not a sentence:
        /// [`ReasonKind::Dateline`](crate::ReasonKind::Dateline)).
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
        title(yes: bool);

        /// Whether to keep the posts of an article's comment section.
        /// Default: `false`.
        ///
        /// Under an article, the comments are not its body, and the model
        /// drops them (as every benchmark's gold does). With `true`, the
        /// blocks of the comment section that read as posts are kept too:
        /// the section starts at a comments heading (`12 Comments`,
        /// `Leave a reply`, `Kommentare`, …) and runs to the next section
        /// heading, and in HTML it is also any element whose class or id
        /// names comments (`comment`, `reply`, `disqus`, …); a post has at
        /// least 5 words, and the section's controls (`Reply`, `Report
        /// abuse`, `Log in to comment`) stay dropped. On a forum or Q&A
        /// page the posts are the content either way.
        ///
        /// # Example
        ///
        /// ```
        /// let page = "Council keeps the library open\n\
        ///     The city council voted on Tuesday to keep the central library open, after months of debate about its cost.\n\
        ///     The building needs a new roof, which the council will pay for from next year's budget.\n\
        ///     2 Comments\n\
        ///     I am so glad they listened to the people who actually use the library every week.\n\
        ///     Reply";
        /// let with = dejunk::Cleaner::builder().comments(true).build()?;
        /// assert!(with.clean(page).contains("I am so glad"));
        /// assert!(!with.clean(page).contains("Reply"));
        /// # Ok::<(), dejunk::Error>(())
        /// ```
        comments(yes: bool);

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
        dedup(yes: bool);

        /// Whether [`Cleaner::extract`] and [`Cleaner::analyze`] read the
        /// page's [`Metadata`] (the facts of an HTML page's markup, read in
        /// the pass that converts it; the byline and date lines; the
        /// language of the kept text). Default: `true`; with `false` the
        /// metadata is empty and the work is skipped. [`Cleaner::clean`]
        /// never reads it.
        ///
        /// # Example
        ///
        /// ```
        /// let html = r#"<meta name="author" content="Anna Fink"><p>The city council voted on Tuesday to keep the library open.</p>"#;
        /// let c = dejunk::Cleaner::builder().metadata(false).build()?;
        /// assert!(c.extract(dejunk::Page::html(html)).metadata().is_empty());
        /// # Ok::<(), dejunk::Error>(())
        /// ```
        metadata(yes: bool);

        /// The model to score text with. Default: [`Model::builtin`].
        ///
        /// # Example
        ///
        /// ```
        /// let model = dejunk::Model::from_bytes(&dejunk::Model::builtin().to_bytes())?;
        /// let cleaner = dejunk::Cleaner::builder().model(model).build()?;
        /// # Ok::<(), dejunk::Error>(())
        /// ```
        model(model: Model);

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
        html_model(model: Model);
    }

    setters! {
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
        junk_patterns(patterns) appends junk;

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
        keep_patterns(patterns) appends keep;
    }

    /// Builds the cleaner.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidThreshold`](crate::ErrorKind::InvalidThreshold) when the threshold is not in `0..=1`;
    /// [`ErrorKind::EmptyPattern`](crate::ErrorKind::EmptyPattern) when a user pattern has no word in it;
    /// [`ErrorKind::PatternsTooLarge`](crate::ErrorKind::PatternsTooLarge) when the user patterns cannot be
    /// compiled.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(dejunk::Cleaner::builder().threshold(f32::NAN).build().is_err());
    /// ```
    pub fn build(&self) -> Result<Cleaner, Error> {
        let threshold = self.threshold.unwrap_or(Cleaner::DEFAULT_THRESHOLD);
        if !(0.0..=1.0).contains(&threshold) {
            return Err(Error::threshold(threshold));
        }
        Ok(Cleaner {
            inner: Arc::new(Settings {
                model: self.model.clone().unwrap_or_else(Model::builtin),
                #[cfg(feature = "html")]
                html_model: self.html_model.clone().unwrap_or_else(Model::builtin_html),
                rules: Arc::new(Rules {
                    threshold,
                    title: self.title.unwrap_or(true),
                    comments: self.comments.unwrap_or(false),
                    dedup: self.dedup.unwrap_or(true),
                    junk: UserPatterns::new(false, &self.junk)?,
                    keep: UserPatterns::new(true, &self.keep)?,
                }),
                metadata: self.metadata.unwrap_or(true),
            }),
        })
    }
}
