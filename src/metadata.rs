//! A page's metadata: publication date, authors, site, language,
//! canonical URL, description, tags and image. Read, in this order of
//! trust, from what an HTML page's markup says of it (JSON-LD,
//! OpenGraph, Twitter, Dublin Core and `article:` meta tags, `itemprop`,
//! `<time datetime>`, the elements it marks as the byline, `rel="author"`
//! and links to authors' pages, `<html lang>`, the canonical link), then
//! from its text's byline and date lines about the article's start (the
//! lines the cleaner drops as a dateline), then from its URL's path (a
//! date); the language from the kept text. A field the page does not give
//! stays empty: nothing is guessed.

use crate::date;
use crate::language;
use crate::segment::is_cjk;

/// What a page says about itself: see [`Extract::metadata`](crate::Extract::metadata).
///
/// Every field is `None` (or empty) when the page does not give it.
///
/// # Example
///
/// ```
/// let html = r#"<html lang="en"><head>
///     <script type="application/ld+json">{"@type": "NewsArticle",
///       "datePublished": "2024-05-03T15:47:42+02:00", "author": {"@type": "Person", "name": "Anna Fink"}}</script>
///     </head><body><p>The city council voted on Tuesday to keep the central library open.</p></body></html>"#;
/// let e = dejunk::Cleaner::new().extract(dejunk::Page::html(html));
/// let m = e.metadata();
/// assert_eq!(m.date(), Some("2024-05-03T15:47:42+02:00"));
/// assert_eq!(m.authors(), ["Anna Fink"]);
/// assert_eq!(m.language(), Some("en"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    headline: Option<String>,
    date: Option<String>,
    modified: Option<String>,
    authors: Vec<String>,
    site_name: Option<String>,
    language: Option<String>,
    url: Option<String>,
    description: Option<String>,
    tags: Vec<String>,
    image: Option<String>,
}

impl Metadata {
    /// The headline the page declares (JSON-LD `headline`, `og:title`,
    /// `twitter:title`), as written there, without the site's name after
    /// it; else its first `<h1>` when that reads as a headline.
    /// [`Extract::title`] is the line of the page's text that reads as its
    /// title.
    ///
    /// [`Extract::title`]: crate::Extract::title
    ///
    /// # Example
    ///
    /// ```
    /// let html = r#"<meta property="og:title" content="Council keeps the library open"><p>Text.</p>"#;
    /// let e = dejunk::Cleaner::new().extract(dejunk::Page::html(html));
    /// assert_eq!(e.metadata().headline(), Some("Council keeps the library open"));
    /// ```
    pub fn headline(&self) -> Option<&str> {
        self.headline.as_deref()
    }

    /// The publication date, ISO 8601: `2024-05-03`, or
    /// `2024-05-03T15:47:42+02:00` when the page gives the time (and its
    /// offset). From the markup (the article's own date before those of
    /// `<time>` elements), else the page's date line (written in words in
    /// English, German, French, Spanish, Italian, Portuguese and Dutch,
    /// in digits, or the Chinese, Japanese and Korean way; `03/05/2024` is
    /// 5 March in English of the United States, 3 May elsewhere), else its
    /// URL's path (`/2024/05/03/`, see [`Page::url`](crate::Page::url)).
    /// Never the crawl date, never a date without its year.
    ///
    /// # Example
    ///
    /// ```
    /// let html = r#"<meta property="article:published_time" content="2024-05-03T08:00:00Z"><p>Text.</p>"#;
    /// let e = dejunk::Cleaner::new().extract(dejunk::Page::html(html));
    /// assert_eq!(e.metadata().date(), Some("2024-05-03T08:00:00+00:00"));
    /// ```
    pub fn date(&self) -> Option<&str> {
        self.date.as_deref()
    }

    /// When the page was last modified, when it says so apart.
    ///
    /// # Example
    ///
    /// ```
    /// let html = r#"<meta property="article:modified_time" content="2024-05-04"><p>Text.</p>"#;
    /// let e = dejunk::Cleaner::new().extract(dejunk::Page::html(html));
    /// assert_eq!(e.metadata().modified(), Some("2024-05-04"));
    /// ```
    pub fn modified(&self) -> Option<&str> {
        self.modified.as_deref()
    }

    /// The authors' names (no "By", no roles, no e-mail addresses), in the
    /// page's order, from its best source: a JSON-LD person, the element
    /// the page marks as its byline, a JSON-LD name, an author meta tag,
    /// the byline line of its text ("By Anna Fink"), a link to an author's
    /// page, a JSON-LD organisation.
    ///
    /// # Example
    ///
    /// ```
    /// let html = r#"<meta name="author" content="By Anna Fink and Jan Marchart"><p>Text.</p>"#;
    /// let e = dejunk::Cleaner::new().extract(dejunk::Page::html(html));
    /// assert_eq!(e.metadata().authors(), ["Anna Fink", "Jan Marchart"]);
    /// ```
    pub fn authors(&self) -> &[String] {
        &self.authors
    }

    /// The site's name (`og:site_name`, the publisher's name).
    ///
    /// # Example
    ///
    /// ```
    /// let html = r#"<meta property="og:site_name" content="Example News"><p>Text.</p>"#;
    /// let e = dejunk::Cleaner::new().extract(dejunk::Page::html(html));
    /// assert_eq!(e.metadata().site_name(), Some("Example News"));
    /// ```
    pub fn site_name(&self) -> Option<&str> {
        self.site_name.as_deref()
    }

    /// The page's language, a BCP 47 primary tag (`en`, `de`, `zh`): the
    /// one `<html lang>` or a language meta tag declares, when the kept
    /// text agrees (its script; for English, its function words) or is too
    /// short to say; else the one the kept text is in, told by `whatlang`
    /// (70 languages) when it is sure.
    ///
    /// # Example
    ///
    /// ```
    /// let e = dejunk::Cleaner::new().extract(dejunk::Page::html("<html lang='de-AT'><p>Text.</p>"));
    /// assert_eq!(e.metadata().language(), Some("de"));
    /// ```
    pub fn language(&self) -> Option<&str> {
        self.language.as_deref()
    }

    /// The canonical URL (`<link rel="canonical">`, `og:url`).
    ///
    /// # Example
    ///
    /// ```
    /// let html = r#"<link rel="canonical" href="https://example.com/a"><p>Text.</p>"#;
    /// let e = dejunk::Cleaner::new().extract(dejunk::Page::html(html));
    /// assert_eq!(e.metadata().url(), Some("https://example.com/a"));
    /// ```
    pub fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }

    /// The page's description (`og:description`, `description`).
    ///
    /// # Example
    ///
    /// ```
    /// let html = r#"<meta name="description" content="The library stays open."><p>Text.</p>"#;
    /// let e = dejunk::Cleaner::new().extract(dejunk::Page::html(html));
    /// assert_eq!(e.metadata().description(), Some("The library stays open."));
    /// ```
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// Tags and categories (`article:tag`, `article:section`, `keywords`,
    /// JSON-LD `keywords` and `articleSection`), each once.
    ///
    /// # Example
    ///
    /// ```
    /// let html = r#"<meta name="keywords" content="libraries, city council"><p>Text.</p>"#;
    /// let e = dejunk::Cleaner::new().extract(dejunk::Page::html(html));
    /// assert_eq!(e.metadata().tags(), ["libraries", "city council"]);
    /// ```
    pub fn tags(&self) -> &[String] {
        &self.tags
    }

    /// The page's main image (`og:image`, JSON-LD `image`).
    ///
    /// # Example
    ///
    /// ```
    /// let html = r#"<meta property="og:image" content="https://example.com/a.jpg"><p>Text.</p>"#;
    /// let e = dejunk::Cleaner::new().extract(dejunk::Page::html(html));
    /// assert_eq!(e.metadata().image(), Some("https://example.com/a.jpg"));
    /// ```
    pub fn image(&self) -> Option<&str> {
        self.image.as_deref()
    }

    /// Whether no field is given.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(dejunk::Cleaner::new().extract("Some text.").metadata().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        *self == Metadata::default()
    }
}

/// What an HTML page's markup says of it, read in a pass of its own.
#[cfg(all(test, feature = "html"))]
pub(crate) fn of_html(html: &str) -> Candidates {
    of_facts(&crate::html::meta::facts(html))
}

/// What the facts of a page's markup say of it.
#[cfg(feature = "html")]
pub(crate) fn of_facts(facts: &crate::html::meta::Facts) -> Candidates {
    let mut m = Candidates::default();
    for text in &facts.json_ld {
        json_ld::read(text, &mut m);
    }
    for (key, value) in &facts.metas {
        meta_tag(key, value, &mut m);
    }
    m.dates.extend(facts.times.iter().cloned());
    m.authors
        .extend(facts.author_links.iter().map(|a| (Rank::Link, a.clone())));
    if let Some(names) = facts
        .bylines
        .iter()
        .map(|b| byline_names(b))
        .find(|n| !n.is_empty())
    {
        m.authors
            .extend(names.into_iter().map(|n| (Rank::Byline, n)));
    }
    m.h1 = facts.h1.clone();
    m.urls.extend(facts.canonical.iter().cloned());
    if let Some(l) = &facts.lang {
        m.languages.insert(0, l.clone());
    }
    m
}

/// A page's metadata: what its markup says (`declared`), then what its
/// text says about the article's start (`head`: the byline and date
/// lines), then its URL's path (a date); the language from its kept
/// `text`.
pub(crate) fn read(mut m: Candidates, head: &[String], text: &str, url: Option<&str>) -> Metadata {
    let declared = m.languages.iter().find_map(|l| primary_tag(l));
    // The language the markup declares, when the text agrees (a cheap
    // look); else the one the text is in, when the model can tell.
    let detected = match &declared {
        Some(d) if language::agrees(d, text) => None,
        _ => language::of_text(text),
    };
    let month_first = month_first(
        m.languages.first().map(String::as_str),
        detected.or(declared.as_deref()),
    );
    for line in head {
        if let Some(names) = byline(line) {
            m.authors.extend(names.into_iter().map(|n| (Rank::Line, n)));
        } else if let Some(d) = date::in_text(line, month_first) {
            m.dates.push(d.to_string());
        }
    }
    if let Some(d) = url.and_then(date::in_url) {
        m.dates.push(d.to_string());
    }
    let mut out = m.finish();
    // The lang attribute when the text agrees or is too short to say.
    out.language = match (detected, declared) {
        (Some(t), Some(d)) if t != d && !language::close(t, &d) => Some(t.to_string()),
        (Some(t), None) => Some(t.to_string()),
        (_, d) => d,
    };
    out
}

/// Whether a date written with digits puts the month first (`05/03/2024`
/// for 3 May): in English of the United States and of the pages that do
/// not say which English.
fn month_first(locale: Option<&str>, language: Option<&str>) -> bool {
    let locale = locale.unwrap_or("").to_ascii_lowercase().replace('_', "-");
    language == Some("en") && (!locale.starts_with("en-") || locale == "en-us")
}

/// The names of a byline line ("By Anna Fink", "Von Max Muster und Erika
/// Musterfrau", "Author: Anna Fink"), `None` unless the line is one.
fn byline(line: &str) -> Option<Vec<String>> {
    let lower = line.trim().to_lowercase();
    if line.len() > 120 || !BY_WORDS.iter().any(|b| lower.starts_with(b)) {
        return None;
    }
    // A byline may end with its place, date or section ("By Anna Fink,
    // in Lisbon"): the names are those before the first that is not one.
    let names: Vec<String> = split_authors(line)
        .into_iter()
        .take_while(|n| looks_like_name(n))
        .collect();
    (!names.is_empty() && names.len() <= MAX_BYLINE_NAMES).then_some(names)
}

/// What the sources say, best first within each field.
#[derive(Clone, Debug, Default)]
pub(crate) struct Candidates {
    pub headlines: Vec<String>,
    /// The headlines of the page's JSON-LD articles.
    pub article_headlines: Vec<String>,
    /// The page's visible headline (its first `<h1>`).
    pub h1: Option<String>,
    pub dates: Vec<String>,
    pub modified: Vec<String>,
    /// Authors by how far their source is trusted: only those of the
    /// best source the page has are kept.
    pub authors: Vec<(Rank, String)>,
    pub site_names: Vec<String>,
    pub languages: Vec<String>,
    pub urls: Vec<String>,
    pub descriptions: Vec<String>,
    pub tags: Vec<String>,
    pub images: Vec<String>,
}

/// At most this many authors and tags are kept.
const MAX_LIST: usize = 64;

/// Where an author's name comes from, the most trusted first (without
/// the feature `html`, only a text's byline lines).
#[cfg_attr(not(feature = "html"), allow(dead_code))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Rank {
    /// A JSON-LD `Person`.
    Person,
    /// An element marked as the byline.
    Byline,
    /// A name given as a string in JSON-LD.
    JsonLd,
    /// An author meta tag.
    Meta,
    /// A byline line of the page's text ("By Anna Fink").
    Line,
    /// The text of a `rel="author"` link or of a link to an author's
    /// page.
    Link,
    /// A JSON-LD `Organization` (a newsroom, an agency).
    Organization,
}

/// Reads one `<meta>` tag.
#[cfg(feature = "html")]
fn meta_tag(key: &str, value: &str, m: &mut Candidates) {
    let v = value.to_string();
    match key {
        "article:published_time"
        | "og:published_time"
        | "datepublished"
        | "pubdate"
        | "publishdate"
        | "date"
        | "dc.date"
        | "dc.date.issued"
        | "dcterms.date"
        | "dcterms.created"
        | "sailthru.date"
        | "parsely-pub-date"
        | "publish-date"
        | "article.published"
        | "og:article:published_time"
        | "cxenseparse:recs:publishtime" => m.dates.push(v),
        "article:modified_time"
        | "og:updated_time"
        | "datemodified"
        | "dcterms.modified"
        | "last-modified"
        | "og:article:modified_time" => m.modified.push(v),
        "author" | "article:author" | "dc.creator" | "dcterms.creator" | "sailthru.author"
        | "parsely-author" | "byl" | "twitter:creator"
            if !v.starts_with("http") && !v.starts_with('@') =>
        {
            m.authors.push((Rank::Meta, v))
        }
        "og:site_name" | "application-name" | "twitter:site:name" => m.site_names.push(v),
        "og:title" | "twitter:title" | "headline" | "dc.title" => m.headlines.push(v),
        "og:locale" | "content-language" | "language" | "dc.language" | "inlanguage" => {
            m.languages.push(v)
        }
        "og:url" => m.urls.push(v),
        "og:description" | "description" | "twitter:description" | "dc.description" => {
            m.descriptions.push(v)
        }
        "article:tag" | "article:section" | "keywords" | "news_keywords" | "parsely-tags" => {
            m.tags.extend(v.split(',').map(|t| t.trim().to_string()))
        }
        "og:image" | "twitter:image" | "og:image:url" | "thumbnailurl" => m.images.push(v),
        _ => {}
    }
}

/// A headline without the site's name after a separator (`Headline -
/// Example News`, `Headline | Example`).
fn without_site(h: &str, site: Option<&str>) -> String {
    if let Some(site) = site {
        for sep in [" - ", " | ", " – ", " — ", " :: "] {
            if let Some((head, tail)) = h.rsplit_once(sep) {
                if same_name(tail, site) && !head.trim().is_empty() {
                    return head.trim().to_string();
                }
            }
        }
    }
    h.to_string()
}

/// Text as a reader sees it: soft hyphens and zero-width characters
/// gone, spaces collapsed.
fn visible(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            w.replace(
                [
                    '\u{ad}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}',
                ],
                "",
            )
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The content words of a text (four letters or more, or any word of a
/// script without spaces), lowercased.
fn content_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 || w.chars().any(is_cjk))
        .map(str::to_lowercase)
        .collect()
}

/// Whether the page's `<h1>` reads as its headline (when it declares
/// none): a few words, not the site's name, and about what its
/// description says when it has one.
fn reads_as_headline(h1: &str, description: Option<&str>, site: Option<&str>) -> bool {
    let cjk = h1.chars().filter(|&c| is_cjk(c)).count() as f32;
    let words = h1
        .split_whitespace()
        .filter(|w| !w.chars().all(is_cjk))
        .count() as f32
        + cjk / 2.0;
    if !(2.0..=60.0).contains(&words) || site.is_some_and(|s| same_name(s, h1)) {
        return false;
    }
    let about: Vec<String> = description.into_iter().flat_map(content_words).collect();
    description.is_none() || content_words(h1).iter().any(|w| about.contains(w))
}

/// The names of a byline element's text (its elements' texts on lines of
/// their own): those that read as a person's or a desk's name,
/// capitalised words without digits, at least two (a one-word piece of a
/// byline is a role, a label or a button: "Redakteurin", "Listen"). A
/// block of more than [`MAX_BYLINE_NAMES`] names is a menu, not a
/// byline.
#[cfg(feature = "html")]
fn byline_names(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        let l = line.trim().trim_end_matches(':');
        if BY_WORDS
            .iter()
            .any(|b| b.trim().trim_end_matches(':').eq_ignore_ascii_case(l))
        {
            continue;
        }
        for name in split_authors(line) {
            if looks_like_name(&name) && !out.iter().any(|x| same_name(x, &name)) {
                out.push(name);
            }
        }
    }
    let full = |n: &String| n.contains(' ') || n.chars().filter(|&c| is_cjk(c)).count() >= 2;
    out.retain(full);
    if out.len() > MAX_BYLINE_NAMES {
        out.clear();
    }
    out
}

/// A byline names at most this many people.
const MAX_BYLINE_NAMES: usize = 5;

/// Whether a text reads as a name: one to five words, none with a digit,
/// each capitalised (or of a script without case), a lowercase particle
/// (`von`, `de`) aside.
fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && !s.chars().any(|c| c.is_numeric())
        && words
            .iter()
            .any(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| !c.is_lowercase())
                || matches!(
                    *w,
                    "von"
                        | "van"
                        | "der"
                        | "den"
                        | "de"
                        | "da"
                        | "del"
                        | "di"
                        | "du"
                        | "la"
                        | "le"
                        | "bin"
                        | "al"
                        | "y"
                        | "dos"
                        | "das"
                        | "ten"
                        | "zu"
                )
        })
}

/// The first non-empty value, trimmed.
fn first(v: Vec<String>) -> Option<String> {
    v.into_iter()
        .map(|s| s.trim().to_string())
        .find(|s| !s.is_empty())
}

impl Candidates {
    /// The metadata: the first value of each field that reads as one.
    fn finish(self) -> Metadata {
        let first_date =
            |v: &[String]| v.iter().find_map(|d| date::parse(d)).map(|d| d.to_string());
        let date = first_date(&self.dates);
        let modified = first_date(&self.modified).filter(|m| Some(m) != date.as_ref());
        let site_name = first(self.site_names.clone());
        // The names of each source; those of the best source that has
        // any are kept. (A newsroom or the site itself may be the author:
        // pages and fundus's parsers say so when no person signs.)
        let named: Vec<(Rank, String)> = self
            .authors
            .iter()
            .flat_map(|(rank, a)| split_authors(a).into_iter().map(move |n| (*rank, n)))
            .collect();
        let best = named.iter().map(|a| a.0).min();
        let mut authors: Vec<String> = Vec::new();
        for (_, name) in named.into_iter().filter(|a| Some(a.0) == best) {
            if !authors.iter().any(|x| same_name(x, &name)) {
                authors.push(name);
            }
        }
        // A name that is one word of another name (a given or family name
        // listed apart) goes.
        let whole = authors.clone();
        authors.retain(|a| {
            a.contains(' ')
                || !whole
                    .iter()
                    .any(|b| b != a && b.split_whitespace().any(|w| w == a))
        });
        let mut tags: Vec<String> = Vec::new();
        for t in self.tags {
            if tags.len() == MAX_LIST {
                break;
            }
            if !t.is_empty() && t.len() <= 100 && !tags.iter().any(|x| x.eq_ignore_ascii_case(&t)) {
                tags.push(t);
            }
        }
        authors.truncate(MAX_LIST);
        // The article's headline, else the one for social media, else
        // the visible one when it reads as a headline.
        let declared = first(self.article_headlines)
            .or_else(|| first(self.headlines))
            .map(|h| without_site(&h, site_name.as_deref()));
        let description = first(self.descriptions);
        let headline = declared
            .or_else(|| {
                let h1 = visible(self.h1.as_deref()?);
                reads_as_headline(&h1, description.as_deref(), site_name.as_deref()).then_some(h1)
            })
            .map(|h| visible(&h));
        Metadata {
            headline,
            date,
            modified,
            authors,
            site_name,
            language: self.languages.iter().find_map(|l| primary_tag(l)),
            url: first(self.urls),
            description,
            tags,
            image: first(self.images),
        }
    }
}

/// The primary language subtag of a BCP 47 tag or locale (`de-AT`,
/// `de_AT`), lowercased; `None` unless it is 2 or 3 letters (and not a
/// character encoding given in its place: `utf-8`).
fn primary_tag(l: &str) -> Option<String> {
    let p = l.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    ((2..=3).contains(&p.len())
        && p.bytes().all(|b| b.is_ascii_lowercase())
        && p != "utf"
        && p != "iso")
        .then_some(p)
}

/// Whether two names are the same person's, written alike (case and
/// spaces aside).
fn same_name(a: &str, b: &str) -> bool {
    let n = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    n(a) == n(b)
}

/// The words a byline starts with ("By Anna Fink"), lowercased.
const BY_WORDS: [&str; 12] = [
    "by ", "von ", "par ", "por ", "door ", "di ", "av ", "af ", "text: ", "author: ", "autor: ",
    "auteur: ",
];

/// The names in an author field: "By" dropped, split at commas,
/// semicolons, " and " and " & " (and their word in a few languages),
/// e-mail addresses, URLs and roles dropped.
pub(crate) fn split_authors(s: &str) -> Vec<String> {
    let s = s.trim();
    let lower = s.to_lowercase();
    let mut s = s;
    for by in BY_WORDS {
        if lower.starts_with(by) {
            s = &s[by.len()..];
            break;
        }
    }
    // Addresses (e-mail, web) and parenthesised asides (a short sign, a
    // role) go.
    let s: String = s
        .split_whitespace()
        .filter(|w| !w.contains("://") && !w.contains('@'))
        .collect::<Vec<_>>()
        .join(" ");
    let mut plain = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for part in plain.split([',', ';', '|', '/', '\n']) {
        for name in split_words(
            part,
            &[
                " and ", " & ", " und ", " et ", " y ", " e ", " og ", " en ",
            ],
        ) {
            let name = name
                .trim()
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
            if name.is_empty()
                || name.contains('@')
                || name.contains("://")
                || name.chars().count() > 60
                || name.split_whitespace().count() > 6
                || !name.chars().any(char::is_alphabetic)
                // A slug (`chuck-ross`), not a name.
                || (!name.contains(' ') && name.contains(['-', '_']))
            {
                continue;
            }
            out.push(name.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
    out
}

/// `s` split at any of `seps`, case-insensitively.
fn split_words<'s>(s: &'s str, seps: &[&str]) -> Vec<&'s str> {
    let lower = s.to_lowercase();
    if lower.len() != s.len() {
        return vec![s];
    }
    let mut out = Vec::new();
    let mut from = 0;
    let mut i = 0;
    while i < s.len() {
        if let Some(sep) = seps.iter().find(|sep| lower[i..].starts_with(**sep)) {
            out.push(&s[from..i]);
            i += sep.len();
            from = i;
        } else {
            i += lower[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out.push(&s[from..]);
    out
}

#[cfg(feature = "html")]
mod json_ld {
    //! JSON-LD: the article objects of a page's scripts (`@graph`, arrays,
    //! nested `mainEntity`), read with serde_json; a script that does not
    //! parse is read again with its control characters and trailing
    //! commas removed, else skipped.

    use serde_json::Value;

    use super::{Candidates, Rank};

    /// The types whose dates and authors are the page's.
    fn is_article(t: &str) -> bool {
        let t = t.rsplit('/').next().unwrap_or(t);
        t.ends_with("Article")
            || matches!(
                t,
                "BlogPosting"
                    | "Report"
                    | "LiveBlogPosting"
                    | "WebPage"
                    | "ItemPage"
                    | "Review"
                    | "ClaimReview"
                    | "SocialMediaPosting"
                    | "DiscussionForumPosting"
                    | "Recipe"
                    | "VideoObject"
            )
    }

    fn types(v: &Value) -> Vec<&str> {
        match v.get("@type") {
            Some(Value::String(s)) => vec![s.as_str()],
            Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        }
    }

    /// Reads a script's text into `m`.
    pub(super) fn read(text: &str, m: &mut Candidates) {
        let v: Value = match serde_json::from_str(text.trim()) {
            Ok(v) => v,
            Err(_) => match serde_json::from_str(&repair(text)) {
                Ok(v) => v,
                Err(_) => return,
            },
        };
        let mut objects = Vec::new();
        collect(&v, 0, &mut objects);
        // Articles first (the more specific before WebPage), then the rest
        // for the site's name.
        objects.sort_by_key(|o| {
            let t = types(o);
            if t.iter()
                .any(|t| t.ends_with("Article") || *t == "BlogPosting")
            {
                0
            } else if t.iter().any(|t| is_article(t)) {
                1
            } else {
                2
            }
        });
        for o in objects {
            let article = types(o).iter().any(|t| is_article(t));
            if article {
                m.article_headlines.extend(string(o.get("headline")));
                m.dates.extend(string(o.get("datePublished")));
                m.dates.extend(string(o.get("dateCreated")));
                m.modified.extend(string(o.get("dateModified")));
                m.authors.extend(authors(o.get("author")));
                m.authors.extend(authors(o.get("creator")));
                m.descriptions.extend(string(o.get("description")));
                m.tags.extend(list(o.get("keywords")));
                m.tags.extend(list(o.get("articleSection")));
                m.images.extend(url(o.get("image")));
                m.images.extend(url(o.get("thumbnailUrl")));
                m.languages.extend(string(o.get("inLanguage")));
                m.site_names.extend(names(o.get("publisher")));
            }
            if types(o)
                .iter()
                .any(|t| matches!(*t, "WebSite" | "NewsMediaOrganization" | "Organization"))
            {
                m.site_names.extend(string(o.get("name")));
            }
        }
    }

    /// The objects of `v`: itself, `@graph` members, array items and the
    /// objects of `mainEntity` (to a small depth).
    fn collect<'v>(v: &'v Value, depth: usize, out: &mut Vec<&'v Value>) {
        if depth > 4 || out.len() > 256 {
            return;
        }
        match v {
            Value::Array(a) => a.iter().for_each(|x| collect(x, depth + 1, out)),
            Value::Object(o) => {
                out.push(v);
                for k in ["@graph", "mainEntity", "mainEntityOfPage"] {
                    if let Some(x) = o.get(k) {
                        collect(x, depth + 1, out);
                    }
                }
            }
            _ => {}
        }
    }

    /// A string's text, its HTML character references resolved (pages
    /// write `&quot;` in JSON-LD as in their markup).
    fn text(s: &str) -> String {
        if !s.contains('&') {
            return s.to_string();
        }
        let mut out = String::with_capacity(s.len());
        crate::html::refs::decode(s, true, &mut out);
        out
    }

    fn string(v: Option<&Value>) -> Option<String> {
        match v? {
            Value::String(s) => Some(text(s)),
            Value::Array(a) => a.iter().find_map(|x| x.as_str()).map(text),
            _ => None,
        }
    }

    /// Names: a string, an object with a `name`, or an array of them.
    fn names(v: Option<&Value>) -> Vec<String> {
        match v {
            Some(Value::String(s)) => vec![text(s)],
            Some(Value::Object(o)) => match o.get("name").and_then(Value::as_str) {
                Some(s) => vec![text(s)],
                None => {
                    let part = |k| o.get(k).and_then(Value::as_str).unwrap_or("").trim();
                    let full = format!("{} {}", part("givenName"), part("familyName"));
                    let full = full.trim();
                    if full.is_empty() {
                        Vec::new()
                    } else {
                        vec![text(full)]
                    }
                }
            },
            Some(Value::Array(a)) => a.iter().flat_map(|x| names(Some(x))).collect(),
            _ => Vec::new(),
        }
    }

    /// Authors: a string, a `Person` or `Organization` object with a
    /// `name`, or an array of them, each with its [`Rank`].
    fn authors(v: Option<&Value>) -> Vec<(Rank, String)> {
        match v {
            Some(Value::String(s)) => vec![(Rank::JsonLd, text(s))],
            Some(o @ Value::Object(_)) => {
                let rank = if types(o).contains(&"Person") {
                    Rank::Person
                } else if types(o).is_empty() {
                    Rank::JsonLd
                } else {
                    Rank::Organization
                };
                names(Some(o)).into_iter().map(|n| (rank, n)).collect()
            }
            Some(Value::Array(a)) => a.iter().flat_map(|x| authors(Some(x))).collect(),
            _ => Vec::new(),
        }
    }

    /// A list: a comma-separated string or an array of strings.
    fn list(v: Option<&Value>) -> Vec<String> {
        match v {
            Some(Value::String(s)) => s.split(',').map(|t| t.trim().to_string()).collect(),
            Some(Value::Array(a)) => a
                .iter()
                .filter_map(Value::as_str)
                .map(|t| t.trim().to_string())
                .collect(),
            _ => Vec::new(),
        }
    }

    /// A URL: a string, an object with `url`, or the first of an array.
    fn url(v: Option<&Value>) -> Option<String> {
        match v? {
            Value::String(s) => Some(s.clone()),
            Value::Object(o) => o.get("url").and_then(Value::as_str).map(str::to_string),
            Value::Array(a) => a.iter().find_map(|x| url(Some(x))),
            _ => None,
        }
    }

    /// The script without control characters (raw newlines in strings)
    /// and without commas before a closing bracket.
    fn repair(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for c in text.trim().chars() {
            if c.is_control() {
                out.push(' ');
            } else {
                out.push(c);
            }
        }
        let mut fixed = String::with_capacity(out.len());
        let mut pending_comma = false;
        for c in out.chars() {
            if c == ',' {
                if pending_comma {
                    fixed.push(',');
                }
                pending_comma = true;
                continue;
            }
            if pending_comma && !c.is_whitespace() {
                if c != '}' && c != ']' {
                    fixed.push(',');
                }
                pending_comma = false;
            }
            fixed.push(c);
        }
        fixed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The metadata of an HTML page's markup alone.
    #[cfg(feature = "html")]
    fn html_meta(html: &str) -> Metadata {
        of_html(html).finish()
    }

    #[test]
    fn author_fields_become_names() {
        assert_eq!(
            split_authors("By Anna Fink and Jan Marchart"),
            ["Anna Fink", "Jan Marchart"]
        );
        assert_eq!(
            split_authors("Birgit Baumann, Anna Giulia Fink"),
            ["Birgit Baumann", "Anna Giulia Fink"]
        );
        assert_eq!(split_authors("anna@example.com"), Vec::<String>::new());
        assert_eq!(
            split_authors("Von Max Muster und Erika Musterfrau"),
            ["Max Muster", "Erika Musterfrau"]
        );
        assert_eq!(
            split_authors("https://example.com/anna"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn languages_are_primary_tags() {
        assert_eq!(primary_tag("de-AT").as_deref(), Some("de"));
        assert_eq!(primary_tag("en_US").as_deref(), Some("en"));
        assert_eq!(primary_tag("english"), None);
    }

    #[cfg(feature = "html")]
    #[test]
    fn json_ld_graphs_arrays_and_broken_json() {
        let html = r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"Example News"},
            {"@type":["NewsArticle"],"datePublished":"2024-05-03T15:47:42+02:00","dateModified":"2024-05-04",
             "author":[{"@type":"Person","name":"Birgit Baumann"},{"@type":"Person","name":"Jan Marchart"}],
             "keywords":["Politik","Hamburg"]}]}</script>
            <script type="application/ld+json">{"@type":"Article","author":"Someone Else",}</script>"#;
        let m = html_meta(html);
        assert_eq!(m.date(), Some("2024-05-03T15:47:42+02:00"));
        assert_eq!(m.modified(), Some("2024-05-04"));
        assert_eq!(m.authors(), ["Birgit Baumann", "Jan Marchart"]);
        assert_eq!(m.site_name(), Some("Example News"));
        assert_eq!(m.tags(), ["Politik", "Hamburg"]);
    }

    #[cfg(feature = "html")]
    #[test]
    fn bad_input_leaves_fields_empty() {
        for html in [
            r#"<script type="application/ld+json">{"datePublished": "0000-01-01"</script>"#,
            r#"<meta property="article:published_time" content="99999-01-01">"#,
            r#"<meta property="article:published_time" content="2023-02-29">"#,
            "",
            "<meta>",
        ] {
            assert_eq!(html_meta(html).date(), None, "{html}");
        }
        let many = "<meta name=description content=x>".repeat(10_000);
        assert_eq!(html_meta(&many).description(), Some("x"));
    }

    #[cfg(feature = "html")]
    #[test]
    fn bylines_the_page_marks() {
        // The byline element's names, each an element of its own; a role
        // and a one-word label are not names.
        let html = r#"<h1>Title</h1><div class="article-byline"><span>Von</span>
            <span class="simple">Birgit Baumann</span> <span class="simple">Anna Giulia Fink</span>
            <span>Redakteurin</span></div><p>Text.</p>
            <div class="teaser"><span class="author">Someone Else</span></div>"#;
        assert_eq!(
            html_meta(html).authors(),
            ["Birgit Baumann", "Anna Giulia Fink"]
        );
        // A menu whose class names authors is not a byline.
        let menu = r#"<ul class="menu-authors"><li>Home Page</li><li>World News</li><li>Local Sport</li>
            <li>Arts Culture</li><li>Food Drink</li><li>Travel Guide</li></ul>"#;
        assert!(html_meta(menu).authors().is_empty());
        // A link to an author's page names the author, above a newsroom.
        let link = r#"<script type="application/ld+json">{"@type":"NewsArticle",
            "author":{"@type":"Organization","name":"Example News"}}</script>
            <p>von <a href="/autoren/name/max-kolter">Dr. Max Kolter</a></p>"#;
        assert_eq!(html_meta(link).authors(), ["Dr. Max Kolter"]);
        // A JSON-LD person named by given and family name.
        let parts = r#"<script type="application/ld+json">{"@type":"NewsArticle",
            "author":[{"@type":"Person","givenName":"Birgit","familyName":"Baumann"}]}</script>"#;
        assert_eq!(html_meta(parts).authors(), ["Birgit Baumann"]);
    }

    #[cfg(feature = "html")]
    #[test]
    fn headline_declared_else_visible() {
        let og = r#"<meta property="og:title" content="Library stays open - Example News">
            <meta property="og:site_name" content="Example News"><h1>Council keeps the library open</h1>"#;
        assert_eq!(html_meta(og).headline(), Some("Library stays open"));
        let h1 = "<h1>Trump plant Helikopter&shy;landeplatz <span>beim</span> Weissen Haus</h1>";
        assert_eq!(
            html_meta(h1).headline(),
            Some("Trump plant Helikopterlandeplatz beim Weissen Haus")
        );
        let kicker = "<h1><span>Kultur</span><span>: Ehrengast der Buchmesse</span></h1>";
        assert_eq!(
            html_meta(kicker).headline(),
            Some("Kultur: Ehrengast der Buchmesse")
        );
        let logo = r#"<meta property="og:site_name" content="Example News"><h1>Example News</h1>"#;
        assert_eq!(html_meta(logo).headline(), None);
    }

    #[test]
    fn text_pages_give_bylines_dates_and_language() {
        let head = [
            "By Anna Fink and Jan Marchart, in Lisbon".to_string(),
            "3 May 2024".to_string(),
        ];
        let text = "The city council voted on Tuesday to keep the central library open, after months of debate about its roof.";
        let m = read(Candidates::default(), &head, text, None);
        assert_eq!(m.authors(), ["Anna Fink", "Jan Marchart"]);
        assert_eq!(m.date(), Some("2024-05-03"));
        assert_eq!(m.language(), Some("en"));
        // Nothing said, nothing guessed.
        let m = read(Candidates::default(), &["Home".to_string()], "Short.", None);
        assert!(m.is_empty());
        // A line that only starts like a byline is not one.
        assert_eq!(
            byline("By the way, the council voted on Tuesday to keep it open"),
            None
        );
        // The URL's date comes after the page's own.
        let m = read(
            Candidates::default(),
            &head,
            text,
            Some("https://example.com/2024/05/01/x"),
        );
        assert_eq!(m.date(), Some("2024-05-03"));
        let m = read(
            Candidates::default(),
            &[],
            text,
            Some("https://example.com/2024/05/01/x"),
        );
        assert_eq!(m.date(), Some("2024-05-01"));
    }

    #[test]
    fn the_lang_attribute_unless_the_text_says_otherwise() {
        let en = "The city council voted on Tuesday to keep the central library open, after months of debate about its roof.";
        let with = |lang: &str, text: &str| {
            let c = Candidates {
                languages: vec![lang.to_string()],
                ..Candidates::default()
            };
            read(c, &[], text, None).language().map(str::to_string)
        };
        // Agrees, or the text is too short to say: the attribute.
        assert_eq!(with("en-GB", en).as_deref(), Some("en"));
        assert_eq!(with("de", "Kurz.").as_deref(), Some("de"));
        // A template's lang="en" over a German text: the text.
        let de = "Der Gemeinderat hat am Dienstag beschlossen, die Zentralbibliothek offen zu halten, nachdem monatelang darüber gestritten worden war, wer das neue Dach bezahlt und wann.";
        assert_eq!(with("en", de).as_deref(), Some("de"));
        // Close languages the model may confuse: the attribute decides.
        assert!(language::close("nb", "da"));
        // Day or month first in digits.
        assert!(month_first(Some("en-US"), Some("en")));
        assert!(month_first(None, Some("en")));
        assert!(!month_first(Some("en-GB"), Some("en")));
        assert!(!month_first(Some("de-DE"), Some("de")));
    }
}
