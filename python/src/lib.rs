//! Python bindings of `dejunk`: `clean` (and, in `__init__.py`, `clean_html`,
//! `clean_html_markdown`), `Cleaner`, `SiteMemory`, `Block`, `Reason`,
//! `DejunkError`. Pages are `str` or `bytes` (decoded as the crate decodes
//! them). The GIL is released while decoding and cleaning; nothing panics
//! across the boundary (cleaning never panics, and construction errors
//! become `DejunkError`). Built for the stable ABI (abi3, CPython ≥ 3.9):
//! one wheel serves every version.

use std::sync::LazyLock;

use pyo3::create_exception;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};

create_exception!(
    dejunk,
    DejunkError,
    PyValueError,
    "A setting out of range: a threshold outside 0..=1, a pattern without words, a site memory too small."
);

fn error(e: dejunk::Error) -> PyErr {
    DejunkError::new_err(e.to_string())
}

static DEFAULT: LazyLock<dejunk::Cleaner> = LazyLock::new(dejunk::Cleaner::new);

/// A page as Python passes it, `str` or `bytes` in any encoding; owned,
/// so that it can be decoded and cleaned without the GIL.
enum Input {
    Str(String),
    Bytes(Vec<u8>),
}

impl FromPyObject<'_, '_> for Input {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<Input> {
        if let Ok(b) = obj.cast::<PyBytes>() {
            return Ok(Input::Bytes(b.as_bytes().to_vec()));
        }
        if obj.is_instance_of::<PyString>() {
            // A lone surrogate raises UnicodeEncodeError here.
            return Ok(Input::Str(obj.extract()?));
        }
        Err(PyTypeError::new_err(format!(
            "a page is str or bytes, not {}",
            obj.get_type().name()?
        )))
    }
}

impl Input {
    /// The page as the cleaner takes it (bytes decoded as the crate
    /// decodes them: HTML by the encoding a browser would find, text by its
    /// byte-order mark or as UTF-8), with the site's memory when given.
    /// `html=None` sniffs: HTML when the page starts as HTML does
    /// (`dejunk::Page::auto`, the WHATWG sniffing rules).
    fn page<'a>(&'a self, html: Option<bool>, site: Site<'a>) -> dejunk::Page<'a> {
        let page = match (self, html) {
            (Input::Str(s), Some(false)) => dejunk::Page::text(s),
            (Input::Str(s), Some(true)) => dejunk::Page::html(s),
            (Input::Str(s), None) if dejunk::Page::auto(s.as_bytes(), None).is_html() => {
                dejunk::Page::html(s)
            }
            (Input::Str(s), None) => dejunk::Page::text(s),
            (Input::Bytes(b), Some(false)) => dejunk::Page::bytes(b),
            (Input::Bytes(b), Some(true)) => dejunk::Page::html_bytes(b, None),
            (Input::Bytes(b), None) => dejunk::Page::auto(b, None),
        };
        match site {
            Some((memory, site)) => page.site(memory, site),
            None => page,
        }
    }
}

/// A site memory and the page's site.
type Site<'a> = Option<(&'a dejunk::SiteMemory, &'a str)>;

/// Builds a cleaner from keyword options.
fn build(
    threshold: Option<f32>,
    title: Option<bool>,
    comments: Option<bool>,
    dedup: Option<bool>,
    junk_patterns: Option<Vec<String>>,
    keep_patterns: Option<Vec<String>>,
) -> PyResult<dejunk::Cleaner> {
    let mut b = dejunk::Cleaner::builder();
    if let Some(t) = threshold {
        b.threshold(t);
    }
    if let Some(t) = title {
        b.title(t);
    }
    if let Some(c) = comments {
        b.comments(c);
    }
    if let Some(d) = dedup {
        b.dedup(d);
    }
    if let Some(p) = junk_patterns {
        b.junk_patterns(p);
    }
    if let Some(p) = keep_patterns {
        b.keep_patterns(p);
    }
    b.build().map_err(error)
}

/// One-off cleaner: the shared default one unless an option is given.
fn one_off(
    threshold: Option<f32>,
    title: Option<bool>,
    comments: Option<bool>,
    dedup: Option<bool>,
    junk_patterns: Option<Vec<String>>,
    keep_patterns: Option<Vec<String>>,
) -> PyResult<std::borrow::Cow<'static, dejunk::Cleaner>> {
    if threshold.is_none()
        && title.is_none()
        && comments.is_none()
        && dedup.is_none()
        && junk_patterns.is_none()
        && keep_patterns.is_none()
    {
        return Ok(std::borrow::Cow::Borrowed(&*DEFAULT));
    }
    build(
        threshold,
        title,
        comments,
        dedup,
        junk_patterns,
        keep_patterns,
    )
    .map(std::borrow::Cow::Owned)
}

/// The main body content of a page: the kept lines, trimmed, in input
/// order, one per line. The page is str, or bytes in any encoding; html=None
/// reads it as HTML when it starts as HTML does (<!DOCTYPE html>, <html>,
/// <p>, ...: the WHATWG sniffing rules), else as raw page text (one block
/// a line); html=True or False says which. markdown=True writes an HTML
/// page's content as Markdown. Options are those of `Cleaner`; reuse a
/// `Cleaner` when cleaning many pages with options. (`clean_html` and
/// `clean_html_markdown` are this with html=True.)
#[pyfunction]
#[pyo3(signature = (page, *, html=None, markdown=false, threshold=None, title=None, comments=None, dedup=None, junk_patterns=None, keep_patterns=None))]
// A Python function with keyword options: one argument each.
#[allow(clippy::too_many_arguments)]
fn clean(
    py: Python<'_>,
    page: Input,
    html: Option<bool>,
    markdown: bool,
    threshold: Option<f32>,
    title: Option<bool>,
    comments: Option<bool>,
    dedup: Option<bool>,
    junk_patterns: Option<Vec<String>>,
    keep_patterns: Option<Vec<String>>,
) -> PyResult<String> {
    let c = one_off(
        threshold,
        title,
        comments,
        dedup,
        junk_patterns,
        keep_patterns,
    )?;
    Ok(run(py, &c, page, html, markdown, None))
}

/// Decodes and cleans text or HTML, with or without a site memory, without
/// the GIL.
/// (An HTML page's Markdown when `markdown`; a text page stays text.)
fn run(
    py: Python<'_>,
    c: &dejunk::Cleaner,
    input: Input,
    html: Option<bool>,
    markdown: bool,
    site: Site<'_>,
) -> String {
    py.detach(move || {
        let page = input.page(html, site);
        if !markdown {
            return c.clean(page);
        }
        let e = c.extract(page);
        match e.markdown() {
            Some(md) => md.to_string(),
            None => e.into_text(),
        }
    })
}

/// A reusable, thread-safe cleaner.
///
/// Cleaner(*, threshold=0.5, title=True, comments=False, dedup=True, junk_patterns=(), keep_patterns=())
///
/// - threshold: keep blocks whose score reaches it (0..1; higher keeps less).
/// - title: keep the page's title (the heading-like block just before the body).
/// - comments: keep the posts of an article's comment section too.
/// - dedup: drop exact repeats and near-duplicates of kept text.
/// - junk_patterns / keep_patterns: phrases that always drop / keep a block.
///
/// Raises DejunkError for a setting out of range.
#[pyclass(frozen, module = "dejunk")]
struct Cleaner {
    inner: dejunk::Cleaner,
}

/// Checks that `memory` and `site` come together.
fn with_site<'a>(memory: Option<&'a SiteMemory>, site: Option<&'a str>) -> PyResult<Site<'a>> {
    match (memory, site) {
        (Some(m), Some(s)) => Ok(Some((&m.inner, s))),
        (None, None) => Ok(None),
        _ => Err(DejunkError::new_err(
            "memory and site go together: give both or neither",
        )),
    }
}

#[pymethods]
impl Cleaner {
    #[new]
    #[pyo3(signature = (*, threshold=None, title=None, comments=None, dedup=None, junk_patterns=None, keep_patterns=None))]
    fn new(
        threshold: Option<f32>,
        title: Option<bool>,
        comments: Option<bool>,
        dedup: Option<bool>,
        junk_patterns: Option<Vec<String>>,
        keep_patterns: Option<Vec<String>>,
    ) -> PyResult<Cleaner> {
        Ok(Cleaner {
            inner: build(
                threshold,
                title,
                comments,
                dedup,
                junk_patterns,
                keep_patterns,
            )?,
        })
    }

    /// The threshold blocks are kept at.
    #[getter]
    fn threshold(&self) -> f32 {
        self.inner.threshold()
    }

    /// The main body content of a page (str or bytes; html=None sniffs,
    /// as dejunk.clean does; markdown=True writes an HTML page's content
    /// as Markdown); with a SiteMemory and the page's site, the site's
    /// recurring lines are dropped too.
    #[pyo3(signature = (page, *, html=None, markdown=false, memory=None, site=None))]
    fn clean(
        &self,
        py: Python<'_>,
        page: Input,
        html: Option<bool>,
        markdown: bool,
        memory: Option<&SiteMemory>,
        site: Option<&str>,
    ) -> PyResult<String> {
        let site = with_site(memory, site)?;
        Ok(run(py, &self.inner, page, html, markdown, site))
    }

    /// The main body content of an HTML document (str or bytes).
    #[pyo3(signature = (html, *, memory=None, site=None))]
    fn clean_html(
        &self,
        py: Python<'_>,
        html: Input,
        memory: Option<&SiteMemory>,
        site: Option<&str>,
    ) -> PyResult<String> {
        let site = with_site(memory, site)?;
        Ok(run(py, &self.inner, html, Some(true), false, site))
    }

    /// The main body content of an HTML document (str or bytes), as
    /// Markdown (see dejunk.clean_html_markdown).
    #[pyo3(signature = (html, *, memory=None, site=None))]
    fn clean_html_markdown(
        &self,
        py: Python<'_>,
        html: Input,
        memory: Option<&SiteMemory>,
        site: Option<&str>,
    ) -> PyResult<String> {
        let site = with_site(memory, site)?;
        Ok(run(py, &self.inner, html, Some(true), true, site))
    }

    /// Every block of the page with its decision, score and reasons: a list
    /// of Block. The page is str or bytes; html=None sniffs (as
    /// dejunk.clean does), html=True or False says which.
    #[pyo3(signature = (page, *, html=None, memory=None, site=None))]
    fn analyze(
        &self,
        py: Python<'_>,
        page: Input,
        html: Option<bool>,
        memory: Option<&SiteMemory>,
        site: Option<&str>,
    ) -> PyResult<Vec<Block>> {
        let site = with_site(memory, site)?;
        Ok(py.detach(move || {
            let a = self.inner.analyze(page.page(html, site));
            a.blocks()
                .iter()
                .map(|b| Block {
                    line: b.line(),
                    text: b.text().to_string(),
                    kept: b.is_kept(),
                    score: b.score(),
                    reasons: b
                        .reasons()
                        .iter()
                        .map(|r| Reason {
                            kind: r.kind().name().to_string(),
                            detail: r.detail().to_string(),
                            weight: r.weight(),
                            line: r.line(),
                            pattern: r.pattern().map(str::to_string),
                            feature: r.feature().map(str::to_string),
                            meaning: r.meaning().to_string(),
                            pages: r.pages(),
                            value: r.value(),
                            usual: r.usual(),
                            text: r.to_string(),
                        })
                        .collect(),
                })
                .collect()
        }))
    }

    /// The page's title and its cleaned text: a dict with "title" (str, or
    /// None when the page has no title line), "text" and "markdown" (an
    /// HTML page's content as Markdown; None for a text page), and what
    /// the page says of itself: "headline", "date", "modified", "authors"
    /// (a list), "site_name", "lang", "canonical_url", "description",
    /// "tags" (a list), "image" (None or empty when not given). The page is
    /// str or bytes; html=None sniffs (as dejunk.clean does), html=True or
    /// False says which. url: the page's URL, whose path may give the
    /// date (/2024/05/03/) when the page does not.
    #[pyo3(signature = (page, *, html=None, url=None, memory=None, site=None))]
    fn extract<'py>(
        &self,
        py: Python<'py>,
        page: Input,
        html: Option<bool>,
        url: Option<&str>,
        memory: Option<&SiteMemory>,
        site: Option<&str>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let site = with_site(memory, site)?;
        let e = py.detach(move || {
            let page = page.page(html, site);
            self.inner.extract(match url {
                Some(u) => page.url(u),
                None => page,
            })
        });
        let title = e.title().map(str::to_string);
        let markdown = e.markdown().map(str::to_string);
        let d = PyDict::new(py);
        let m = e.metadata();
        d.set_item("headline", m.headline())?;
        d.set_item("date", m.date())?;
        d.set_item("modified", m.modified())?;
        d.set_item("authors", m.authors().to_vec())?;
        d.set_item("site_name", m.site_name())?;
        d.set_item("lang", m.language())?;
        d.set_item("canonical_url", m.url())?;
        d.set_item("description", m.description())?;
        d.set_item("tags", m.tags().to_vec())?;
        d.set_item("image", m.image())?;
        let out = e.into_text();
        d.set_item("title", title)?;
        d.set_item("markdown", markdown)?;
        d.set_item("text", out)?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!("Cleaner(threshold={})", self.inner.threshold())
    }
}

/// One block of an analysed page.
#[pyclass(frozen, get_all, module = "dejunk")]
#[derive(Clone)]
struct Block {
    /// The block's line in the input, from 1 (for HTML, in the extracted text).
    line: usize,
    /// The block's text, trimmed.
    text: String,
    /// Whether the block is in the output.
    kept: bool,
    /// The model's probability that the block is body content.
    score: f32,
    /// Why: a list of Reason, strongest first.
    reasons: Vec<Reason>,
}

#[pymethods]
impl Block {
    fn __repr__(&self) -> String {
        format!(
            "Block(line={}, kept={}, score={:.3}, text={:?})",
            self.line,
            if self.kept { "True" } else { "False" },
            self.score,
            self.text
        )
    }
}

/// One reason behind a block's decision.
#[pyclass(frozen, get_all, module = "dejunk")]
#[derive(Clone)]
struct Reason {
    /// phrase, feature, context, title, above_title, dateline,
    /// keep_pattern, junk_pattern, duplicate, near_duplicate, site_memory,
    /// comment or not_text.
    kind: String,
    /// The phrase, feature, pattern or line it refers to.
    detail: String,
    /// Contribution to the block's logit (0 for rules).
    weight: f32,
    /// The line (from 1) of the block a rule refers to (the title, the
    /// kept block a duplicate repeats), or None.
    line: Option<usize>,
    /// The phrase or user pattern matched, or None.
    pattern: Option<String>,
    /// The feature's name in the model, or None.
    feature: Option<String>,
    /// What the reason means, in words.
    meaning: String,
    /// For site_memory: (pages with the line, pages of the site seen).
    pages: Option<(u32, u32)>,
    /// For a feature: its value for the block, or None.
    value: Option<f32>,
    /// For a feature: its mean on the model's training pages, or None.
    usual: Option<f32>,
    /// The reason as one line, as `str(reason)` gives it.
    text: String,
}

#[pymethods]
impl Reason {
    fn __repr__(&self) -> String {
        format!("Reason({:?})", self.text)
    }

    fn __str__(&self) -> String {
        self.text.clone()
    }
}

/// Cross-page memory of the lines that recur on a site's pages.
///
/// SiteMemory(*, memory_bytes=16 MiB, min_pages=4, min_share=0.05)
///
/// Fixed size (it never grows), thread-safe, deterministic for a given
/// order of observe calls in a process (its keys are keyed per process:
/// what a full memory forgets may differ between runs). Observe pages (site = the host of the URL,
/// say), then pass memory= and site= to Cleaner.clean / clean_html.
#[pyclass(frozen, module = "dejunk")]
struct SiteMemory {
    inner: dejunk::SiteMemory,
}

#[pymethods]
impl SiteMemory {
    #[new]
    #[pyo3(signature = (*, memory_bytes=16 << 20, min_pages=4, min_share=0.05))]
    fn new(memory_bytes: usize, min_pages: u32, min_share: f32) -> PyResult<SiteMemory> {
        let inner = dejunk::SiteMemory::builder()
            .memory_bytes(memory_bytes)
            .min_pages(min_pages)
            .min_share(min_share)
            .build()
            .map_err(error)?;
        Ok(SiteMemory { inner })
    }

    /// Observes one page of `site` (str or bytes): each of its lines
    /// counts once. html=None sniffs (as dejunk.clean does), html=True or
    /// False says which.
    #[pyo3(signature = (site, page, *, html=None))]
    fn observe(&self, py: Python<'_>, site: &str, page: Input, html: Option<bool>) {
        py.detach(move || self.inner.observe(site, page.page(html, None)));
    }

    /// observe(site, page, html=True).
    fn observe_html(&self, py: Python<'_>, site: &str, page: Input) {
        self.observe(py, site, page, Some(true));
    }

    /// The number of pages of `site` observed.
    fn pages(&self, site: &str) -> u32 {
        self.inner.pages(site)
    }

    /// On how many observed pages of `site` the line was seen.
    fn count(&self, site: &str, line: &str) -> u32 {
        self.inner.count(site, line)
    }

    /// Whether `line` is boilerplate of `site`.
    fn is_boilerplate(&self, site: &str, line: &str) -> bool {
        self.inner.is_boilerplate(site, line)
    }
}

#[pymodule]
fn _dejunk(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(clean, m)?)?;
    m.add_class::<Cleaner>()?;
    m.add_class::<SiteMemory>()?;
    m.add_class::<Block>()?;
    m.add_class::<Reason>()?;
    m.add("DejunkError", m.py().get_type::<DejunkError>())?;
    m.add("MODEL_VERSION", dejunk::Model::builtin().version())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
