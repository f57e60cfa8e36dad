//! Feature `scraper`: a page the caller parsed (`Page::document`,
//! `Page::element`) goes through every `Cleaner` method like its source,
//! and the streaming front end is held to html5ever's tree on the corpus.

use std::collections::HashMap;

use dejunk::scraper::{Html, Selector};
use dejunk::{Cleaner, Observation, Page, SiteMemory};

use super::corpus::each_page;

const SOURCE: &str = "<!doctype html><html lang=en><head><title>Library news</title></head><body>\
    <nav><a href='/'>Home</a> | <a href='/news'>News</a> | <a href='/sport'>Sport</a></nav>\
    <article><h1>Council keeps the library open</h1>\
    <p>The city council voted on Tuesday to keep the central library open, after months of debate over its budget.</p>\
    <p>Councillors said the building would be repaired next year, and that the opening hours would not change.</p>\
    <ul><li>Open on Sundays</li><li>New children's room</li></ul></article>\
    <aside class=sidebar><h3>Most read</h3><ul><li><a href='/a'>A story</a></li><li><a href='/b'>Another story</a></li></ul></aside>\
    <footer>© 2024 Example News. All rights reserved.</footer></body></html>";

/// Every block's text of a page, kept or not.
pub fn blocks(cleaner: &Cleaner, page: Page<'_>) -> Vec<String> {
    cleaner
        .analyze(page)
        .blocks()
        .iter()
        .map(|b| b.text().to_string())
        .collect()
}

#[test]
fn every_method_takes_a_parsed_page() {
    let parsed = Html::parse_document(SOURCE);
    let (doc, src) = (Page::document(&parsed), Page::html(SOURCE));
    assert!(doc.is_html());
    let cleaner = Cleaner::new();
    let out = cleaner.clean(&doc);
    assert!(out.contains("The city council voted"), "{out}");
    assert!(!out.contains("All rights reserved"), "{out}");
    assert_eq!(out, cleaner.clean(&src));
    let mut buf = String::from("before");
    cleaner.clean_into(&doc, &mut buf);
    assert_eq!(buf, format!("before\n{out}"));
    let (a, b) = (cleaner.extract(&doc), cleaner.extract(&src));
    assert_eq!(
        (a.text(), a.title(), a.markdown()),
        (b.text(), b.title(), b.markdown())
    );
    assert_eq!(a.title(), Some("Council keeps the library open"));
    assert_eq!(blocks(&cleaner, doc.clone()), blocks(&cleaner, src.clone()));
    // The site memory reads a parsed page as its source.
    let memory = SiteMemory::new();
    memory.observe("example.com", &doc);
    memory.observe("example.com", &src);
    assert_eq!(memory.count("example.com", "Home | News | Sport"), 2);
    assert_eq!(
        Observation::new("example.com", &doc).lines(),
        Observation::new("example.com", &src).lines()
    );
    assert_eq!(
        cleaner.clean(doc.clone().site(&memory, "example.com")),
        cleaner.clean(src.clone().site(&memory, "example.com"))
    );
    #[cfg(feature = "rayon")]
    assert_eq!(
        cleaner.clean_batch([doc, src]).collect::<Vec<_>>(),
        [out.clone(), out]
    );
}

#[test]
fn an_element_is_read_alone() {
    let parsed = Html::parse_document(SOURCE);
    let cleaner = Cleaner::new();
    let pick = |css: &str| {
        parsed
            .select(&Selector::parse(css).unwrap())
            .next()
            .unwrap()
    };
    let article = blocks(&cleaner, Page::element(pick("article")));
    assert_eq!(
        article.first().map(String::as_str),
        Some("Council keeps the library open")
    );
    assert_eq!(article.len(), 5, "{article:?}");
    assert!(
        !article
            .iter()
            .any(|b| b.contains("Home") || b.contains("Most read"))
    );
    // The `<body>` element reads as the whole document.
    assert_eq!(
        blocks(&cleaner, Page::element(pick("body"))),
        blocks(&cleaner, Page::document(&parsed))
    );
}

#[test]
fn deep_and_wide_parsed_trees_are_read() {
    // html5ever nests 10,000 divs (it takes time quadratic in the depth
    // to build them: 100,000 take half a minute); the walk is a loop, and
    // elements past the stack model's cap are not opened (their text
    // stays).
    let n = 10_000;
    let deep = format!(
        "{}<p>The deepest paragraph of the page is still read and kept by the cleaner here.</p>{}",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    let parsed = Html::parse_document(&deep);
    let cleaner = Cleaner::new();
    assert_eq!(
        blocks(&cleaner, Page::document(&parsed)),
        blocks(&cleaner, Page::html(&deep))
    );
    assert!(
        cleaner
            .clean(Page::document(&parsed))
            .contains("deepest paragraph")
    );
    let wide = "<p>A short paragraph of body text that is long enough to keep.</p>".repeat(20_000);
    let parsed = Html::parse_document(&wide);
    assert_eq!(blocks(&cleaner, Page::document(&parsed)).len(), 20_000);
}

/// The words of some blocks, as a multiset.
fn words(blocks: &[String]) -> HashMap<String, i64> {
    let mut out = HashMap::new();
    for w in blocks.iter().flat_map(|b| b.split_whitespace()) {
        *out.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    out
}

/// The corpus pages, read by the streaming front end and by a walk of
/// html5ever's tree (scraper's): how many pages' lines differ, and how
/// many words our front end loses or adds against the tree. What differs
/// is the part of the standard the streaming tree builder does not model
/// (see `src/html/tree`: no foster parenting, formatting elements not
/// reopened, foreign content and `--!>` comments) and the defects issue
/// 24 lists. The counts are a ratchet: the figures measured when the test
/// was written (BENCHMARKS.md, 2026-12-03), which a fix lowers and no
/// change may raise.
#[test]
#[ignore = "reads ../shared/corpus: `cargo test -- --ignored` (CI runs it)"]
fn the_streaming_front_end_against_html5evers_tree() {
    let cleaner = Cleaner::new();
    let (mut pages, mut differ, mut losing) = (0usize, 0usize, 0usize);
    let (mut lost, mut added, mut total) = (0i64, 0i64, 0i64);
    for file in ["modern.jsonl.gz", "dev.jsonl.gz"] {
        pages += each_page(
            file,
            |_| true,
            |id, html| {
                let ours = blocks(&cleaner, Page::html(html));
                let tree = blocks(&cleaner, Page::document(&Html::parse_document(html)));
                if ours == tree {
                    total += words(&ours).values().sum::<i64>();
                    return;
                }
                differ += 1;
                let (a, b) = (words(&ours), words(&tree));
                total += b.values().sum::<i64>();
                let mut page_lost = 0;
                for (w, &n) in &b {
                    page_lost += (n - a.get(w).copied().unwrap_or(0)).max(0);
                }
                for (w, &n) in &a {
                    added += (n - b.get(w).copied().unwrap_or(0)).max(0);
                }
                if page_lost > 0 {
                    losing += 1;
                    eprintln!("{id}: {page_lost} words of html5ever's tree lost");
                }
                lost += page_lost;
            },
        );
    }
    eprintln!(
        "{pages} pages: lines differ on {differ}, words lost on {losing}; \
         {lost} words lost and {added} added of {total}"
    );
    assert_eq!(pages, 1698 + 2290);
    assert!(
        differ <= DIFFER && losing <= LOSING,
        "{differ} pages differ, {losing} lose words"
    );
    assert!(
        lost <= LOST && added <= ADDED,
        "{lost} words lost, {added} added"
    );
}

/// The ratchet of [`the_streaming_front_end_against_html5evers_tree`].
const DIFFER: usize = 9;
const LOSING: usize = 4;
const LOST: i64 = 291;
const ADDED: i64 = 24;
