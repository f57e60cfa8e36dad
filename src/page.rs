//! [`Page`], the one input type: a page's content (raw text or HTML, as a
//! string or as bytes) and the site memory to clean it with, if any; and
//! how a page becomes the pipeline's input (decoded, and for HTML
//! converted to lines with DOM features).
//!
//! Learning a page into a [`SiteMemory`] reads it the same way, so
//! [`SiteMemory::observe`] and [`Observation::new`] are defined here (the
//! memory's table is in `memory`, below this module).

use std::borrow::Cow;

use crate::memory::{Observation, SiteMemory};

/// A page to clean: raw page text or HTML, as a string or as bytes, and
/// optionally the [`SiteMemory`] of its site. Every
/// [`Cleaner`](crate::Cleaner) method takes one (a `&str` is a text page).
///
/// Making a page costs nothing: it borrows its content, and decoding and
/// parsing happen when it is cleaned (a page made from a tree parsed with
/// scraper, feature `scraper`, is walked when made: scraper's tree cannot
/// go to another thread, and a page can). A page is cheap to clone, and
/// the methods take `&page` too.
///
/// # Example
///
/// ```
/// use dejunk::{Cleaner, Page};
///
/// let cleaner = Cleaner::new();
/// let text = "The museum will reopen in May, its director told reporters on Friday.";
/// assert_eq!(cleaner.clean(text), cleaner.clean(Page::text(text)));
/// let html = "<nav><a href='/'>Home</a></nav><p>The museum will reopen in May, its director told reporters on Friday.</p>";
/// assert_eq!(cleaner.clean(Page::html(html)), text);
/// ```
#[derive(Clone, Debug)]
pub struct Page<'a> {
    content: Content<'a>,
    site: Option<(&'a SiteMemory, &'a str)>,
    url: Option<&'a str>,
}

/// What a page holds.
#[derive(Clone, Debug)]
enum Content<'a> {
    Text(&'a str),
    TextBytes(&'a [u8]),
    #[cfg(feature = "html")]
    Html(&'a str),
    #[cfg(feature = "html")]
    HtmlBytes(&'a [u8], Option<&'a str>),
    /// A parsed tree, walked when the page was made (the tree cannot go
    /// to another thread; its lines can).
    #[cfg(feature = "scraper")]
    Walked(
        std::sync::Arc<crate::html::HtmlPage>,
        std::sync::Arc<Markup>,
    ),
}

/// What a parsed document's markup says of it, read when the page is made
/// (the tree cannot be kept): the facts of its `<head>` (meta tags,
/// JSON-LD, the canonical link), its `<html lang>` and its first `<h1>`,
/// read from the tree. (The body's other facts, which an HTML page's
/// conversion reads in its pass, would cost a walk of their own: bylines
/// the page marks, `<time>`, links to authors, JSON-LD in the body.)
#[cfg(feature = "scraper")]
#[derive(Debug)]
struct Markup(crate::metadata::Candidates);

#[cfg(feature = "scraper")]
impl Markup {
    /// The candidates of the document `node` is in.
    fn of(node: scraper::ElementRef<'_>) -> std::sync::Arc<Markup> {
        let root = node
            .ancestors()
            .filter_map(scraper::ElementRef::wrap)
            .last()
            .unwrap_or(node);
        let mut facts = crate::html::meta::Facts {
            lang: root.value().attr("lang").map(str::to_string),
            ..Default::default()
        };
        let head = root
            .children()
            .filter_map(scraper::ElementRef::wrap)
            .find(|e| e.value().name() == "head");
        for e in head
            .iter()
            .flat_map(|h| h.descendants())
            .filter_map(scraper::ElementRef::wrap)
        {
            facts.element(
                e.value().name().as_bytes(),
                |n| e.value().attr(n).map(std::borrow::Cow::Borrowed),
                || e.text().collect::<String>().into(),
            );
        }
        facts.h1 = root
            .descendants()
            .filter_map(scraper::ElementRef::wrap)
            .find(|e| e.value().name() == "h1")
            .map(|h| h.text().collect::<String>())
            .filter(|h| !h.trim().is_empty());
        std::sync::Arc::new(Markup(crate::metadata::of_facts(&facts)))
    }
}

impl<'a> Page<'a> {
    /// A page of raw text: every block of the page on its own line.
    ///
    /// # Example
    ///
    /// ```
    /// let page = dejunk::Page::text("Home | News\nThe bridge reopened on Monday after two years of repairs, the city said.");
    /// assert!(!page.is_html());
    /// ```
    pub fn text(text: &'a str) -> Page<'a> {
        Page::of(Content::Text(text))
    }

    /// A page of raw text as bytes that may not be valid UTF-8: a
    /// byte-order mark (UTF-8, UTF-16 or UTF-32, either byte order) gives
    /// the encoding; without one the text is UTF-8, invalid sequences
    /// replaced with U+FFFD (see [`decode_text`](crate::decode_text)).
    ///
    /// # Example
    ///
    /// ```
    /// use dejunk::{Cleaner, Page};
    ///
    /// let cleaner = Cleaner::new();
    /// let out = cleaner.clean(Page::bytes(b"A sentence of body text that is long enough to keep, \xff really."));
    /// assert!(out.contains('\u{FFFD}'));
    /// ```
    pub fn bytes(bytes: &'a [u8]) -> Page<'a> {
        Page::of(Content::TextBytes(bytes))
    }

    /// An HTML document. It is read in one pass (no tree is built):
    /// scripts, styles and hidden elements are dropped, and its
    /// paragraphs, headings, list items and table rows become lines that
    /// are scored like the lines of a text page, with DOM features added,
    /// by the HTML model ([`Model::builtin_html`](crate::Model::builtin_html)).
    ///
    /// # Example
    ///
    /// ```
    /// use dejunk::{Cleaner, Page};
    ///
    /// let html = "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>\
    ///     <article><h1>Council keeps the library open</h1>\
    ///     <p>The city council voted on Tuesday to keep the central library open, after months of debate.</p></article>\
    ///     <footer>© 2024 Example News. All rights reserved.</footer>";
    /// let out = Cleaner::new().clean(Page::html(html));
    /// assert!(out.contains("The city council voted"));
    /// assert!(!out.contains("All rights reserved"));
    /// ```
    #[cfg(feature = "html")]
    pub fn html(html: &'a str) -> Page<'a> {
        Page::of(Content::Html(html))
    }

    /// An HTML document as bytes in any encoding, found as a browser finds
    /// it (see [`decode_html`](crate::decode_html)): a byte-order mark,
    /// valid UTF-8, the charset of `content_type` (the HTTP
    /// `Content-Type` value, or a bare label), a `<meta charset>`, else
    /// Firefox's detector.
    ///
    /// # Example
    ///
    /// ```
    /// use dejunk::{Cleaner, Page};
    ///
    /// // "Москва" in windows-1251, declared by the HTTP header only.
    /// let html = b"<p>\xcc\xee\xf1\xea\xe2\xe0 is the capital of Russia, and its largest city by far.</p>";
    /// let out = Cleaner::new().clean(Page::html_bytes(html, Some("text/html; charset=windows-1251")));
    /// assert_eq!(out, "Москва is the capital of Russia, and its largest city by far.");
    /// ```
    #[cfg(feature = "html")]
    pub fn html_bytes(bytes: &'a [u8], content_type: Option<&'a str>) -> Page<'a> {
        Page::of(Content::HtmlBytes(bytes, content_type))
    }

    /// A page whose kind is not known: HTML when its `Content-Type` (the
    /// HTTP header's value, if any) says `text/html` or
    /// `application/xhtml+xml`, or, when it names no type, when its first
    /// bytes are what the WHATWG MIME Sniffing standard reads as HTML
    /// (after whitespace, and a byte-order mark: `<!DOCTYPE html`,
    /// `<html`, `<head`, `<body`, `<div`, `<p`, `<table`, `<!--` and the
    /// standard's other tags). HTML is cleaned as [`Page::html_bytes`]
    /// cleans it, anything else as [`Page::bytes`]. The command-line
    /// tool, the Python package and the examples read files this way;
    /// [`Page::text`] and [`Page::bytes`] stay literal.
    ///
    /// # Example
    ///
    /// ```
    /// use dejunk::Page;
    ///
    /// assert!(Page::auto(b"<!DOCTYPE html><title>Hi</title><p>Hello</p>", None).is_html());
    /// assert!(!Page::auto(b"Hello\nWorld", None).is_html());
    /// assert!(Page::auto(b"Hello", Some("text/html; charset=utf-8")).is_html());
    /// assert!(!Page::auto(b"<html>", Some("text/plain")).is_html());
    /// ```
    pub fn auto(bytes: &'a [u8], content_type: Option<&'a str>) -> Page<'a> {
        #[cfg(feature = "html")]
        if crate::sniff::is_html(bytes, content_type) {
            return Page::html_bytes(bytes, content_type);
        }
        let _ = content_type;
        Page::bytes(bytes)
    }

    /// A document the caller already parsed with [`scraper`](crate::scraper)
    /// (html5ever's tree): a walk of its tree makes the same lines, with
    /// the same DOM features, as [`Page::html`] makes of its source, and
    /// the HTML model scores them. Where html5ever's tree differs from
    /// what the streaming front end models (foster parenting, reopened
    /// formatting elements, foreign content: see the crate docs), the tree
    /// is what counts here.
    ///
    /// # Example
    ///
    /// ```
    /// use dejunk::scraper::Html;
    /// use dejunk::{Cleaner, Page};
    ///
    /// let source = "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>\
    ///     <article><h1>Council keeps the library open</h1>\
    ///     <p>The city council voted on Tuesday to keep the central library open, after months of debate.</p></article>\
    ///     <footer>© 2024 Example News. All rights reserved.</footer>";
    /// let parsed = Html::parse_document(source);
    /// let cleaner = Cleaner::new();
    /// assert_eq!(cleaner.clean(Page::document(&parsed)), cleaner.clean(Page::html(source)));
    /// ```
    #[cfg(feature = "scraper")]
    pub fn document(html: &'a scraper::Html) -> Page<'a> {
        Page::of(Content::Walked(
            std::sync::Arc::new(crate::html::convert_dom(crate::html::Root::Document(html))),
            Markup::of(html.root_element()),
        ))
    }

    /// One element of a parsed document and what it holds (say the
    /// `<article>` or `<main>` a crawler trusts): only that subtree's text
    /// is read, and each block's share of the page is computed from it;
    /// the schema.org types the page declares (JSON-LD, often in the
    /// `head`, and microdata) are read from the whole document.
    ///
    /// # Example
    ///
    /// ```
    /// use dejunk::scraper::{Html, Selector};
    /// use dejunk::{Cleaner, Page};
    ///
    /// let parsed = Html::parse_document(
    ///     "<nav><a href='/'>Home</a></nav><article><h1>Council keeps the library open</h1>\
    ///      <p>The city council voted on Tuesday to keep the central library open, after months of debate.</p>\
    ///      <p>Share this article</p></article><aside><p>Most read today</p></aside>",
    /// );
    /// let article = parsed.select(&Selector::parse("article").unwrap()).next().unwrap();
    /// let out = Cleaner::new().clean(Page::element(article));
    /// assert!(out.contains("The city council voted"));
    /// assert!(!out.contains("Most read") && !out.contains("Home"));
    /// ```
    #[cfg(feature = "scraper")]
    pub fn element(element: scraper::ElementRef<'a>) -> Page<'a> {
        Page::of(Content::Walked(
            std::sync::Arc::new(crate::html::convert_dom(crate::html::Root::Element(
                element,
            ))),
            Markup::of(element),
        ))
    }

    /// The same page, cleaned with the memory of its site: the lines
    /// `memory` knows as `site`'s boilerplate are dropped too, with the
    /// reason [`ReasonKind::SiteMemory`](crate::ReasonKind::SiteMemory)
    /// (see [`SiteMemory`]).
    ///
    /// # Example
    ///
    /// ```
    /// use dejunk::{Cleaner, Page, ReasonKind, SiteMemory};
    ///
    /// let memory = SiteMemory::new();
    /// let footer = "The town of Riverside sits on the east bank of the river, twenty miles north of the capital.";
    /// for i in ["first", "second", "third", "fourth"] {
    ///     memory.observe("example.com", &format!("The {i} story of the day is about the river flooding the town square.\n{footer}"));
    /// }
    /// let text = format!(
    ///     "The library will stay open late on Thursdays from next month, the council said.\n\
    ///      The library will also open on Sunday mornings, said the head librarian, who asked for the change.\n{footer}"
    /// );
    /// let page = Page::text(&text).site(&memory, "example.com");
    /// let cleaner = Cleaner::new();
    /// assert!(!cleaner.clean(&page).contains(footer));
    /// let a = cleaner.analyze(&page);
    /// let reason = &a.blocks()[2].reasons()[0];
    /// assert_eq!(reason.kind(), ReasonKind::SiteMemory);
    /// assert_eq!(reason.detail(), "on 4 of 4 pages of the site");
    /// // Without the memory, the footer reads as body text.
    /// assert!(cleaner.clean(&text).contains(footer));
    /// ```
    pub fn site(self, memory: &'a SiteMemory, site: &'a str) -> Page<'a> {
        Page {
            site: Some((memory, site)),
            ..self
        }
    }

    /// The page with the URL it was fetched from, for its metadata: a date
    /// in the URL's path (`/2024/05/03/`) is the publication date when the
    /// page gives none (see [`Metadata::date`](crate::Metadata::date)).
    /// Cleaning does not read it.
    ///
    /// # Example
    ///
    /// ```
    /// use dejunk::{Cleaner, Page};
    ///
    /// let text = "The city council voted on Tuesday to keep the central library open, after months of debate.";
    /// let page = Page::text(text).url("https://example.com/news/2024/05/03/library");
    /// assert_eq!(Cleaner::new().extract(page).metadata().date(), Some("2024-05-03"));
    /// ```
    pub fn url(self, url: &'a str) -> Page<'a> {
        Page {
            url: Some(url),
            ..self
        }
    }

    /// Whether the page is HTML (made by [`Page::html`] or
    /// [`Page::html_bytes`], or with the feature `scraper`,
    /// `Page::document` or `Page::element`).
    ///
    /// # Example
    ///
    /// ```
    /// assert!(dejunk::Page::html("<p>Hi</p>").is_html());
    /// assert!(!dejunk::Page::from("Hi").is_html());
    /// ```
    pub fn is_html(&self) -> bool {
        match &self.content {
            Content::Text(_) | Content::TextBytes(_) => false,
            #[cfg(feature = "html")]
            Content::Html(_) | Content::HtmlBytes(..) => true,
            #[cfg(feature = "scraper")]
            Content::Walked(..) => true,
        }
    }

    fn of(content: Content<'a>) -> Page<'a> {
        Page {
            content,
            site: None,
            url: None,
        }
    }

    /// The site memory and site the page is cleaned with.
    pub(crate) fn memory(&self) -> Option<(&'a SiteMemory, &'a str)> {
        self.site
    }

    /// The page as the pipeline reads it, and what its markup says of it
    /// (HTML and parsed pages; nothing for text), read in the same pass.
    pub(crate) fn prepare_reading(&self) -> (Prepared<'a>, crate::metadata::Candidates) {
        #[cfg(feature = "html")]
        let html = |(page, facts): (crate::html::HtmlPage, crate::html::meta::Facts)| {
            (Prepared::of_html(page), crate::metadata::of_facts(&facts))
        };
        match &self.content {
            #[cfg(feature = "html")]
            Content::Html(h) => html(crate::html::convert_reading(h)),
            #[cfg(feature = "html")]
            Content::HtmlBytes(b, content_type) => html(crate::html::convert_reading(
                &crate::charset::html(b, *content_type),
            )),
            #[cfg(feature = "scraper")]
            Content::Walked(_, markup) => (self.prepare(), markup.0.clone()),
            _ => (self.prepare(), crate::metadata::Candidates::default()),
        }
    }

    /// The URL given with [`Page::url`].
    pub(crate) fn source_url(&self) -> Option<&'a str> {
        self.url
    }

    /// The page as the pipeline reads it.
    pub(crate) fn prepare(&self) -> Prepared<'a> {
        let text = |text: Cow<'a, str>| Prepared {
            text,
            #[cfg(feature = "html")]
            html: None,
        };
        #[cfg(feature = "html")]
        let html = Prepared::of_html;
        match &self.content {
            Content::Text(t) => text(Cow::Borrowed(t)),
            Content::TextBytes(b) => text(crate::charset::text(b)),
            #[cfg(feature = "html")]
            Content::Html(h) => html(crate::html::convert(h)),
            #[cfg(feature = "html")]
            Content::HtmlBytes(b, content_type) => html(crate::html::convert(
                &crate::charset::html(b, *content_type),
            )),
            #[cfg(feature = "scraper")]
            Content::Walked(page, _) => html(crate::html::HtmlPage::clone(page)),
        }
    }
}

impl<'a> From<&'a str> for Page<'a> {
    /// A page of raw text ([`Page::text`]).
    ///
    /// # Example
    ///
    /// ```
    /// let page: dejunk::Page = "one line\nanother".into();
    /// assert!(!page.is_html());
    /// ```
    fn from(text: &'a str) -> Page<'a> {
        Page::text(text)
    }
}

impl<'a> From<&Page<'a>> for Page<'a> {
    /// The same page again: a page is cheap to clone (it borrows its
    /// content; a parsed page shares its walked lines), and every
    /// [`Cleaner`](crate::Cleaner) method takes `&page`.
    ///
    /// # Example
    ///
    /// ```
    /// use dejunk::{Cleaner, Page};
    ///
    /// let page = Page::html("<p>The museum will reopen in May, its director told reporters on Friday.</p>");
    /// let cleaner = Cleaner::new();
    /// assert_eq!(cleaner.clean(&page), cleaner.analyze(&page).text());
    /// ```
    fn from(page: &Page<'a>) -> Page<'a> {
        page.clone()
    }
}

impl<'a> From<&'a String> for Page<'a> {
    /// A page of raw text ([`Page::text`]).
    ///
    /// # Example
    ///
    /// ```
    /// let text = String::from("one line\nanother");
    /// assert_eq!(dejunk::clean(&text), dejunk::Cleaner::new().clean(&text));
    /// ```
    fn from(text: &'a String) -> Page<'a> {
        Page::text(text)
    }
}

/// A page as the pipeline reads it: its text, one block a line, and for
/// HTML the DOM features and Markdown shapes of its lines.
pub(crate) struct Prepared<'a> {
    pub text: Cow<'a, str>,
    #[cfg(feature = "html")]
    pub html: Option<HtmlParts>,
}

/// What an HTML page's lines carry besides their text.
#[cfg(feature = "html")]
pub(crate) struct HtmlParts {
    pub dom: Vec<crate::feature::DomRow>,
    pub shapes: crate::html::Shapes,
}

impl Prepared<'_> {
    /// A converted HTML page.
    #[cfg(feature = "html")]
    fn of_html(page: crate::html::HtmlPage) -> Prepared<'static> {
        Prepared {
            text: Cow::Owned(page.text),
            html: Some(HtmlParts {
                dom: page.dom,
                shapes: page.shapes,
            }),
        }
    }

    /// The DOM features of the lines (none for a text page).
    pub(crate) fn dom(&self) -> Option<&[crate::feature::DomRow]> {
        #[cfg(feature = "html")]
        return self.html.as_ref().map(|h| h.dom.as_slice());
        #[cfg(not(feature = "html"))]
        None
    }
}

impl SiteMemory {
    /// Learns from one page of `site`: each distinct line of the page
    /// (for HTML, each line [`Cleaner::clean`](crate::Cleaner::clean)
    /// scores) counts once for the page. A site memory the page carries
    /// ([`Page::site`]) is ignored here.
    ///
    /// # Example
    ///
    /// ```
    /// use dejunk::{Page, SiteMemory};
    ///
    /// let memory = SiteMemory::new();
    /// memory.observe("example.com", "Home | News\nA story.\nHome | News");
    /// memory.observe("example.com", Page::html("<nav>Home | News</nav><p>Another story.</p>"));
    /// assert_eq!(memory.pages("example.com"), 2);
    /// assert_eq!(memory.count("example.com", "home   NEWS"), 2);
    /// ```
    pub fn observe<'a>(&self, site: &str, page: impl Into<Page<'a>>) {
        self.observe_prepared(&Observation::new(site, page));
    }
}

impl Observation {
    /// Prepares a page of `site` for [`SiteMemory::observe_prepared`]: the work of
    /// [`SiteMemory::observe`] that needs no lock (decoding, parsing HTML,
    /// splitting and normalising the lines).
    ///
    /// # Example
    ///
    /// ```
    /// use dejunk::{Observation, Page};
    ///
    /// assert_eq!(Observation::new("a.example", "One line\n\nAnother line").lines(), 2);
    /// assert_eq!(Observation::new("a.example", Page::html("<p>One</p><p>Two</p>")).lines(), 2);
    /// ```
    pub fn new<'a>(site: &str, page: impl Into<Page<'a>>) -> Observation {
        let prepared = page.into().prepare();
        Observation::of(site, &crate::segment::segment(&prepared.text))
    }
}
