//! Markdown output: read back by a CommonMark parser (pulldown-cmark, with
//! pipe tables), the Markdown shows exactly the text of the plain output,
//! line for line (a table row's cells joined by a space, as in the plain
//! output).

use dejunk::Cleaner;

use super::corpus::each_page;
#[path = "../common/markdown_read.rs"]
mod markdown_read;

use markdown_read::rendered_lines;

/// Asserts that the Markdown of `html` reads as its plain output.
fn check(cleaner: &Cleaner, html: &str, what: &str) {
    let plain = cleaner.clean(dejunk::Page::html(html));
    let md = cleaner
        .extract(dejunk::Page::html(html))
        .markdown()
        .unwrap()
        .to_string();
    let want: Vec<&str> = plain.lines().collect();
    let got = rendered_lines(&md);
    assert_eq!(
        got, want,
        "{what}: the Markdown reads differently\n--- markdown\n{md}"
    );
}

#[test]
fn structure_and_escapes() {
    let html = "<article><h1>Results of the *spring* league: [final]</h1>\
        <p>The league ended on Sunday, and the &lt;b&gt; tag &amp;amp; a `quote` stayed text.</p>\
        <h2>Table #2</h2>\
        <table><tr><th>Team</th><th>Points</th><th>Note</th></tr>\
        <tr><td>Lions | Tigers</td><td>12</td><td></td></tr>\
        <tr><td>- Bears</td><td>9</td><td>_new_</td></tr></table>\
        <ul><li>1. First place went to the Lions, who lost only once all season.</li>\
        <li># Second place went to the Bears, who won their last five games.</li></ul>\
        <blockquote>We never gave up, said the Lions' captain after the final whistle.</blockquote>\
        <p>2024. The season before was shorter, with only eight teams in the league.</p></article>";
    let cleaner = Cleaner::new();
    let md = cleaner
        .extract(dejunk::Page::html(html))
        .markdown()
        .unwrap()
        .to_string();
    assert!(
        md.contains("| Team | Points | Note |\n| --- | --- | --- |"),
        "{md}"
    );
    assert!(md.contains("\n- 1\\. First place"), "{md}");
    assert!(md.contains("\n> We never gave up"), "{md}");
    check(&cleaner, html, "the hand-written page");
}

#[test]
#[ignore = "reads ../shared/corpus: `cargo test -- --ignored` (CI runs it)"]
fn markdown_reads_as_the_plain_output_on_every_scrapinghub_page() {
    let cleaner = Cleaner::new();
    let n = each_page(
        "dev.jsonl.gz",
        |d| d == "scrapinghub",
        |id, html| check(&cleaner, html, id),
    );
    assert_eq!(n, 181, "every scrapinghub page");
}

#[test]
#[ignore = "reads ../shared/corpus: `cargo test -- --ignored` (CI runs it)"]
fn markdown_reads_as_the_plain_output_on_every_modern_page() {
    // Forums, listings, products and documentation: tables and lists.
    let cleaner = Cleaner::new();
    let n = each_page(
        "modern.jsonl.gz",
        |_| true,
        |id, html| check(&cleaner, html, id),
    );
    assert_eq!(n, 1698);
}
