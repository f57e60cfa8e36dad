//! The public entry points: [`clean`], [`Cleaner`], its per-site view
//! [`ForSite`], and [`CleanerBuilder`]. Each call runs the pipeline
//! (`score` → `decide`, and `explain` for an analysis); nothing else lives
//! here. (Over 500 lines for one job, the public surface: two thirds of it
//! are the doc comments and their runnable examples.)

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::{Arc, LazyLock};

use crate::analysis::Analysis;
use crate::decide::{self, Rules, UserPatterns};
use crate::error::{Error, ErrorKind};
use crate::explain;
use crate::feature::DomRow;
use crate::memory::SiteMemory;
use crate::model::Model;
use crate::score::Page;
use crate::segment;

/// The default threshold: blocks whose body-content probability is at least
/// this are kept.
pub const DEFAULT_THRESHOLD: f32 = 0.5;

/// Pages are cleaned at most this many blocks at a time (see
/// [`segment::windows`]), so that a page of millions of short lines needs
/// a bounded amount of memory beyond its text. It is above the longest
/// page of the training corpus (3,335 blocks), so that real pages are
/// cleaned whole; [`Cleaner::analyze`] always takes the page whole.
const WINDOW_BLOCKS: usize = 16_384;

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
    DEFAULT.clean_html(html)
}

/// Like [`clean_html`], for an HTML document as bytes in any encoding: the
/// encoding is found as [`decode_html`] finds it (without an HTTP header).
///
/// # Example
///
/// ```
/// // "Москва" in windows-1251, declared by the page.
/// let page = b"<meta charset=windows-1251><p>\xcc\xee\xf1\xea\xe2\xe0 is the capital of Russia, and its largest city by far.</p>";
/// assert_eq!(dejunk::clean_html_bytes(page), "Москва is the capital of Russia, and its largest city by far.");
/// ```
#[cfg(feature = "html")]
pub fn clean_html_bytes(html: &[u8]) -> String {
    DEFAULT.clean_html_bytes(html)
}

/// Like [`clean_html`], with the kept lines written as Markdown: headings
/// as `#`, list items as `-`, quotes as `>`, table rows as pipe tables
/// (the first kept row is the header), everything else a paragraph; a
/// blank line between blocks. Characters Markdown would read as markup
/// are escaped with a backslash, so that a Markdown reader shows the very
/// text [`clean_html`] returns.
///
/// # Example
///
/// ```
/// let html = "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>\
///     <h1>Council keeps the library open</h1>\
///     <p>The city council voted on Tuesday to keep the central library open, after months of debate.</p>\
///     <ul><li>Opening hours stay the same, from nine to six.</li>\
///     <li>The roof will be repaired next year, at a cost of two million.</li></ul></article>";
/// assert_eq!(
///     dejunk::clean_html_markdown(html),
///     "# Council keeps the library open\n\n\
///      The city council voted on Tuesday to keep the central library open, after months of debate.\n\n\
///      - Opening hours stay the same, from nine to six.\n\
///      - The roof will be repaired next year, at a cost of two million."
/// );
/// ```
#[cfg(feature = "html")]
pub fn clean_html_markdown(html: &str) -> String {
    DEFAULT.clean_html_markdown(html)
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
/// sequences become U+FFFD, nothing fails.
///
/// # Example
///
/// ```
/// // "日本語" in Shift_JIS, declared by the HTTP header only.
/// let bytes = b"<p>\x93\xfa\x96\x7b\x8c\xea</p>";
/// assert_eq!(dejunk::decode_html(bytes, Some("text/html; charset=Shift_JIS")), "<p>日本語</p>");
/// ```
#[cfg(feature = "html")]
pub fn decode_html(bytes: &[u8], content_type: Option<&str>) -> String {
    crate::charset::html(bytes, content_type)
}

/// Like [`clean`], for bytes that may not be valid UTF-8. A byte-order mark
/// (UTF-8, UTF-16 or UTF-32, either byte order) gives the encoding; without
/// one the text is UTF-8, and invalid sequences are replaced with U+FFFD
/// (as by [`String::from_utf8_lossy`]) before cleaning, so the output lines
/// are those of the repaired text. For HTML in other encodings, see
/// [`clean_html_bytes`](crate::clean_html_bytes).
///
/// # Example
///
/// ```
/// let out = dejunk::clean_bytes(b"A sentence of body text that is long enough to keep, \xff really.");
/// assert!(out.contains('\u{FFFD}'));
/// ```
pub fn clean_bytes(bytes: &[u8]) -> String {
    DEFAULT.clean_bytes(bytes)
}

/// Decodes raw page text as [`clean_bytes`] does: a byte-order mark (UTF-8,
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
}

impl Default for Cleaner {
    fn default() -> Cleaner {
        Cleaner::new()
    }
}

/// A page as the cleaner takes it.
#[derive(Clone, Copy)]
enum Input<'a> {
    Text(&'a str),
    #[cfg(feature = "html")]
    Html(&'a str),
    /// HTML, written out as Markdown.
    #[cfg(feature = "html")]
    Markdown(&'a str),
}

/// The Markdown shapes of an HTML page's lines (none without HTML).
#[cfg(feature = "html")]
type Shapes = crate::html::Shapes;
#[cfg(not(feature = "html"))]
type Shapes = std::convert::Infallible;

/// A site memory and the site a page belongs to.
type Site<'a> = Option<(&'a SiteMemory, &'a str)>;

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
        self.inner.rules.threshold
    }

    /// A view of this cleaner for the pages of `site`: the lines `memory`
    /// knows as that site's boilerplate are dropped as well (see
    /// [`SiteMemory`]), with the reason
    /// [`ReasonKind::SiteMemory`](crate::ReasonKind::SiteMemory).
    ///
    /// # Example
    ///
    /// ```
    /// use dejunk::{Cleaner, ReasonKind, SiteMemory};
    ///
    /// let memory = SiteMemory::new();
    /// let footer = "This newsroom is funded by readers like you, and we keep our reporting free for everyone.";
    /// for i in ["first", "second", "third", "fourth"] {
    ///     memory.observe("example.com", &format!("The {i} story of the day is about the river flooding the town square.\n{footer}"));
    /// }
    /// let page = format!("The library will stay open late on Thursdays from next month, the council said.\n{footer}");
    /// let cleaner = Cleaner::new();
    /// let site = cleaner.for_site(&memory, "example.com");
    /// assert!(!site.clean(&page).contains(footer));
    /// let a = site.analyze(&page);
    /// let reason = &a.blocks()[1].reasons()[0];
    /// assert_eq!(reason.kind(), ReasonKind::SiteMemory);
    /// assert_eq!(reason.detail(), "on 4 of 4 pages of the site");
    /// // Without the memory, the footer reads as body text.
    /// assert!(cleaner.clean(&page).contains(footer));
    /// ```
    pub fn for_site<'a>(&'a self, memory: &'a SiteMemory, site: &'a str) -> ForSite<'a> {
        ForSite {
            cleaner: self,
            memory,
            site,
        }
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
        self.run_clean(Input::Text(text), None, out);
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
        self.clean(&crate::charset::text(bytes))
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
        self.run_analyze(text, None)
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
        let mut out = String::new();
        self.run_clean(Input::Html(html), None, &mut out);
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
        self.run_analyze_html(html, None)
    }

    /// Cleans `text` and returns its main content with the page's title
    /// (see [`Analysis::title`]): what [`Cleaner::analyze`] tells of both,
    /// for the memory [`Cleaner::clean`] takes (an analysis holds every
    /// block; this holds the output).
    ///
    /// # Example
    ///
    /// ```
    /// let page = "Home | News\nCouncil keeps the library open\n\
    ///     The city council voted on Tuesday to keep the central library open, after months of debate.";
    /// let e = dejunk::Cleaner::new().extract(page);
    /// assert_eq!(e.title(), Some("Council keeps the library open"));
    /// assert!(e.text().ends_with("after months of debate."));
    /// ```
    pub fn extract(&self, text: &str) -> Extract {
        Extract::run(|out| self.run_clean(Input::Text(text), None, out))
    }

    /// Like [`Cleaner::extract`], for an HTML document.
    ///
    /// # Example
    ///
    /// ```
    /// let html = "<h1>Council keeps the library open</h1>\
    ///     <p>The city council voted on Tuesday to keep the central library open, after months of debate.</p>";
    /// let e = dejunk::Cleaner::new().extract_html(html);
    /// assert_eq!(e.title(), Some("Council keeps the library open"));
    /// ```
    #[cfg(feature = "html")]
    pub fn extract_html(&self, html: &str) -> Extract {
        Extract::run(|out| self.run_clean(Input::Html(html), None, out))
    }

    /// Like [`Cleaner::clean_html`], for an HTML document as bytes in any
    /// encoding (see [`clean_html_bytes`](crate::clean_html_bytes)).
    ///
    /// # Example
    ///
    /// ```
    /// // A UTF-16 page with its byte-order mark.
    /// let html = "<p>The ferry to the island runs twice a day in summer, and once in winter.</p>";
    /// let bytes: Vec<u8> = [0xFF, 0xFE].into_iter().chain(html.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    /// let cleaner = dejunk::Cleaner::new();
    /// assert_eq!(cleaner.clean_html_bytes(&bytes), cleaner.clean_html(html));
    /// ```
    #[cfg(feature = "html")]
    pub fn clean_html_bytes(&self, html: &[u8]) -> String {
        self.clean_html(&crate::charset::html(html, None))
    }

    /// Like [`Cleaner::clean_html`], with the kept lines written as
    /// Markdown (see [`clean_html_markdown`](crate::clean_html_markdown)).
    ///
    /// # Example
    ///
    /// ```
    /// let html = "<table><tr><th>Team</th><th>Points</th></tr>\
    ///     <tr><td>Lions</td><td>12</td></tr><tr><td>Tigers</td><td>9</td></tr></table>";
    /// let md = dejunk::Cleaner::new().clean_html_markdown(html);
    /// assert_eq!(md, "| Team | Points |\n| --- | --- |\n| Lions | 12 |\n| Tigers | 9 |");
    /// ```
    #[cfg(feature = "html")]
    pub fn clean_html_markdown(&self, html: &str) -> String {
        let mut out = String::new();
        self.run_clean(Input::Markdown(html), None, &mut out);
        out
    }

    /// Cleans one page into `out`; returns the page's title.
    fn run_clean(&self, input: Input<'_>, site: Site<'_>, out: &mut String) -> Option<String> {
        let s = &*self.inner;
        let mut title = None;
        let mut clean =
            |text: &str, model: &Model, dom: Option<&[DomRow]>, shapes: Option<&Shapes>| {
                // A page of more than WINDOW_BLOCKS blocks is cleaned a window
                // at a time; a paragraph kept in one window is not written
                // again from a later one.
                let windows = if segment::more_lines_than(text, WINDOW_BLOCKS) {
                    segment::windows(text, WINDOW_BLOCKS)
                } else {
                    Vec::new()
                };
                let mut seen = (windows.len() > 1 && s.rules.dedup).then(HashSet::new);
                let mut one = |k: usize, part: &str, dom: Option<&[DomRow]>, first_block: usize| {
                    #[cfg(not(feature = "html"))]
                    let _ = first_block; // the Markdown writer's
                    let page = Page::new(part, model, dom);
                    let rec = site.map(|(m, host)| m.recurrence(host, &page.seg));
                    let mut d = decide::decide(&s.rules, &page, rec.as_ref(), k == 0);
                    if let Some(t) = d.title {
                        title = Some(page.block_text(t).to_string());
                    }
                    if let Some(seen) = seen.as_mut() {
                        decide::drop_seen(&page, &mut d.kept, seen);
                    }
                    match shapes {
                        #[cfg(feature = "html")]
                        Some(shapes) => {
                            crate::markdown::write_kept(&page, &d.kept, shapes, first_block, out)
                        }
                        _ => decide::write_kept(&page, &d.kept, out),
                    }
                };
                if windows.is_empty() {
                    one(0, text, dom, 0);
                }
                for (k, w) in windows.into_iter().enumerate() {
                    let dom = dom.map(|d| &d[w.blocks.clone()]);
                    one(k, &text[w.bytes], dom, w.blocks.start);
                }
            };
        match input {
            Input::Text(text) => clean(text, &s.model, None, None),
            #[cfg(feature = "html")]
            Input::Html(html) => {
                let conv = crate::html::convert(html);
                clean(&conv.text, &s.html_model, Some(&conv.dom), None);
            }
            #[cfg(feature = "html")]
            Input::Markdown(html) => {
                let conv = crate::html::convert(html);
                clean(
                    &conv.text,
                    &s.html_model,
                    Some(&conv.dom),
                    Some(&conv.shapes),
                );
            }
        }
        title
    }

    /// Analyses a text page.
    fn run_analyze<'t>(&self, text: &'t str, site: Site<'_>) -> Analysis<'t> {
        let page = Page::new(text, &self.inner.model, None);
        self.explain(page, &self.inner.model, site, |p, i| {
            Cow::Borrowed(&text[p.seg.blocks[i].span.clone()])
        })
    }

    /// Analyses an HTML page: the blocks own their text, which lives in
    /// the converted page.
    #[cfg(feature = "html")]
    fn run_analyze_html(&self, html: &str, site: Site<'_>) -> Analysis<'static> {
        let conv = crate::html::convert(html);
        let model = &self.inner.html_model;
        let page = Page::new(&conv.text, model, Some(&conv.dom));
        self.explain(page, model, site, |p, i| {
            Cow::Owned(p.block_text(i).to_string())
        })
    }

    fn explain<'t>(
        &self,
        page: Page<'_>,
        model: &Model,
        site: Site<'_>,
        text: impl Fn(&Page<'_>, usize) -> Cow<'t, str>,
    ) -> Analysis<'t> {
        let rules = &self.inner.rules;
        let rec = site.map(|(m, host)| m.recurrence(host, &page.seg));
        let d = decide::decide(rules, &page, rec.as_ref(), true);
        explain::analysis(rules, model, page, rec, d, text)
    }
}

/// A [`Cleaner`] for the pages of one site, with a [`SiteMemory`]:
/// returned by [`Cleaner::for_site`]. It cleans like the cleaner, and
/// drops the lines the memory knows as the site's boilerplate as well.
///
/// # Example
///
/// ```
/// use dejunk::{Cleaner, SiteMemory};
///
/// let memory = SiteMemory::new();
/// let cleaner = Cleaner::new();
/// let site = cleaner.for_site(&memory, "example.com");
/// assert_eq!(site.clean(""), "");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct ForSite<'a> {
    cleaner: &'a Cleaner,
    memory: &'a SiteMemory,
    site: &'a str,
}

impl ForSite<'_> {
    fn site(&self) -> Site<'_> {
        Some((self.memory, self.site))
    }

    /// Like [`Cleaner::clean`], for a page of the site.
    ///
    /// # Example
    ///
    /// ```
    /// let memory = dejunk::SiteMemory::new();
    /// let cleaner = dejunk::Cleaner::new();
    /// let page = "The museum will reopen in May, its director told reporters on Friday.";
    /// assert_eq!(cleaner.for_site(&memory, "a.example").clean(page), cleaner.clean(page));
    /// ```
    pub fn clean(&self, text: &str) -> String {
        let mut out = String::new();
        self.cleaner
            .run_clean(Input::Text(text), self.site(), &mut out);
        out
    }

    /// Like [`Cleaner::analyze`], for a page of the site: the blocks the
    /// memory drops carry a
    /// [`ReasonKind::SiteMemory`](crate::ReasonKind::SiteMemory) reason.
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
    /// let cleaner = Cleaner::new();
    /// let a = cleaner.for_site(&memory, "example.com").analyze("Get the app");
    /// assert_eq!(a.blocks()[0].reasons()[0].kind(), ReasonKind::SiteMemory);
    /// ```
    pub fn analyze<'t>(&self, text: &'t str) -> Analysis<'t> {
        self.cleaner.run_analyze(text, self.site())
    }

    /// Like [`Cleaner::clean_html`], for a page of the site.
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
    /// let cleaner = Cleaner::new();
    /// let out = cleaner.for_site(&memory, "example.com").clean_html(&html);
    /// assert!(out.contains("The council voted"));
    /// assert!(!out.contains("Members get every story first"));
    /// ```
    #[cfg(feature = "html")]
    pub fn clean_html(&self, html: &str) -> String {
        let mut out = String::new();
        self.cleaner
            .run_clean(Input::Html(html), self.site(), &mut out);
        out
    }

    /// Like [`Cleaner::clean_html_markdown`], for a page of the site.
    ///
    /// # Example
    ///
    /// ```
    /// let memory = dejunk::SiteMemory::new();
    /// let cleaner = dejunk::Cleaner::new();
    /// let html = "<h2>Opening hours</h2><p>The museum is open every day but Monday, from ten to six.</p>";
    /// assert_eq!(cleaner.for_site(&memory, "a.example").clean_html_markdown(html), cleaner.clean_html_markdown(html));
    /// ```
    #[cfg(feature = "html")]
    pub fn clean_html_markdown(&self, html: &str) -> String {
        let mut out = String::new();
        self.cleaner
            .run_clean(Input::Markdown(html), self.site(), &mut out);
        out
    }

    /// Like [`Cleaner::extract`], for a page of the site.
    ///
    /// # Example
    ///
    /// ```
    /// let memory = dejunk::SiteMemory::new();
    /// let cleaner = dejunk::Cleaner::new();
    /// let page = "The museum will reopen in May, its director told reporters on Friday.";
    /// assert_eq!(cleaner.for_site(&memory, "a.example").extract(page), cleaner.extract(page));
    /// ```
    pub fn extract(&self, text: &str) -> Extract {
        Extract::run(|out| self.cleaner.run_clean(Input::Text(text), self.site(), out))
    }

    /// Like [`Cleaner::extract_html`], for a page of the site.
    ///
    /// # Example
    ///
    /// ```
    /// let memory = dejunk::SiteMemory::new();
    /// let cleaner = dejunk::Cleaner::new();
    /// let e = cleaner.for_site(&memory, "a.example").extract_html("<p>Hello.</p>");
    /// assert_eq!(e.text(), "Hello.");
    /// ```
    #[cfg(feature = "html")]
    pub fn extract_html(&self, html: &str) -> Extract {
        Extract::run(|out| self.cleaner.run_clean(Input::Html(html), self.site(), out))
    }

    /// Like [`Cleaner::analyze_html`], for a page of the site.
    ///
    /// # Example
    ///
    /// ```
    /// let memory = dejunk::SiteMemory::new();
    /// let cleaner = dejunk::Cleaner::new();
    /// let a = cleaner.for_site(&memory, "example.com").analyze_html("<p>Hello.</p>");
    /// assert_eq!(a.blocks().len(), 1);
    /// ```
    #[cfg(feature = "html")]
    pub fn analyze_html(&self, html: &str) -> Analysis<'static> {
        self.cleaner.run_analyze_html(html, self.site())
    }
}

/// A page's main content and its title: returned by [`Cleaner::extract`]
/// and [`Cleaner::extract_html`].
///
/// # Example
///
/// ```
/// let e = dejunk::Cleaner::new().extract("");
/// assert_eq!((e.text(), e.title()), ("", None));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extract {
    text: String,
    title: Option<String>,
}

impl Extract {
    fn run(clean: impl FnOnce(&mut String) -> Option<String>) -> Extract {
        let mut text = String::new();
        let title = clean(&mut text);
        Extract { text, title }
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
    dedup: Option<bool>,
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
        threshold(score: f32);

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
        title(yes: bool);

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
                rules: Arc::new(Rules {
                    threshold,
                    title: self.title.unwrap_or(true),
                    dedup: self.dedup.unwrap_or(true),
                    junk: UserPatterns::new("junk", &self.junk)?,
                    keep: UserPatterns::new("keep", &self.keep)?,
                }),
            }),
        })
    }
}
