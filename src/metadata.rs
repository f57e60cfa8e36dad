//! A page's metadata: publication date, authors, site, language,
//! canonical URL, description, tags and image, read from what an HTML page
//! says of itself (JSON-LD, OpenGraph, Twitter, Dublin Core and `article:`
//! meta tags, `itemprop`, `<time datetime>`, `rel="author"`, `<html
//! lang>`, the canonical link), in that order of trust. A field the page
//! does not give stays empty: nothing is guessed.

use crate::date;

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
    /// `twitter:title`), as written there; [`Extract::title`] is the line
    /// of the page's text that reads as its title.
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
    /// offset).
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

    /// The authors' names (no "By", no e-mail addresses), in the page's
    /// order.
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

    /// The page's language, a BCP 47 primary tag (`en`, `de`, `zh`), from
    /// `<html lang>` or the language meta tags.
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

/// The metadata of an HTML page.
#[cfg(feature = "html")]
pub(crate) fn of_html(html: &str) -> Metadata {
    let facts = crate::html::meta::facts(html);
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
    m.urls.extend(facts.canonical.iter().cloned());
    if let Some(l) = &facts.lang {
        m.languages.insert(0, l.clone());
    }
    m.finish()
}

/// What the sources say, best first within each field.
#[derive(Default)]
pub(crate) struct Candidates {
    pub headlines: Vec<String>,
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

/// Where an author's name comes from, the most trusted first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Rank {
    /// A JSON-LD `Person`.
    Person,
    /// A name given as a string in JSON-LD.
    JsonLd,
    /// An author meta tag.
    Meta,
    /// A JSON-LD `Organization` (a newsroom, an agency).
    Organization,
    /// The text of a `rel="author"` link.
    Link,
}

/// Reads one `<meta>` tag.
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

/// The first non-empty value, trimmed.
fn first(v: Vec<String>) -> Option<String> {
    v.into_iter()
        .map(|s| s.trim().to_string())
        .find(|s| !s.is_empty())
}

impl Candidates {
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
            if !t.is_empty() && t.len() <= 100 && !tags.iter().any(|x| x.eq_ignore_ascii_case(&t)) {
                tags.push(t);
            }
        }
        let headline = first(self.headlines).map(|h| without_site(&h, site_name.as_deref()));
        Metadata {
            headline,
            date,
            modified,
            authors,
            site_name,
            language: self.languages.iter().find_map(|l| primary_tag(l)),
            url: first(self.urls),
            description: first(self.descriptions),
            tags,
            image: first(self.images),
        }
    }
}

/// The primary language subtag of a BCP 47 tag or locale (`de-AT`,
/// `de_AT`), lowercased; `None` unless it is 2 or 3 letters.
fn primary_tag(l: &str) -> Option<String> {
    let p = l.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    ((2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase())).then_some(p)
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

/// The names in an author field: "By" dropped, split at commas,
/// semicolons, " and " and " & " (and their word in a few languages),
/// e-mail addresses, URLs and roles dropped.
pub(crate) fn split_authors(s: &str) -> Vec<String> {
    let s = s.trim();
    let lower = s.to_lowercase();
    let mut s = s;
    for by in ["by ", "von ", "par ", "por ", "door ", "di ", "av ", "af "] {
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
                m.headlines.extend(string(o.get("headline")));
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
            Some(Value::Object(o)) => o
                .get("name")
                .and_then(Value::as_str)
                .map(|s| vec![text(s)])
                .unwrap_or_default(),
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
        let m = of_html(html);
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
            assert_eq!(of_html(html).date(), None, "{html}");
        }
        let many = "<meta name=description content=x>".repeat(10_000);
        assert_eq!(of_html(&many).description(), Some("x"));
    }
}
