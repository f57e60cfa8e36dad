//! Markdown output: read back by a CommonMark parser (pulldown-cmark, with
//! pipe tables), the Markdown shows exactly the text of the plain output,
//! line for line (a table row's cells joined by a space, as in the plain
//! output).

use std::io::BufRead;

use dejunk::Cleaner;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The text a Markdown reader shows, one line per paragraph, heading, list
/// item or table row. Anything that is not text (raw HTML, a link, an
/// image, emphasis, a line break) is written out in brackets, so that it
/// cannot match a plain line.
fn rendered_lines(md: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let (mut buf, mut cells) = (String::new(), Vec::<String>::new());
    let flush = |buf: &mut String, lines: &mut Vec<String>| {
        if !buf.is_empty() {
            lines.push(std::mem::take(buf));
        }
    };
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Text(t) => buf.push_str(&t),
            Event::Code(t) => buf.push_str(&format!("[code {t}]")),
            Event::Html(t) | Event::InlineHtml(t) => buf.push_str(&format!("[html {t}]")),
            Event::SoftBreak | Event::HardBreak => buf.push_str("[break]"),
            Event::Start(
                Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Link { .. }
                | Tag::Image { .. },
            ) => buf.push_str("[markup]"),
            Event::Start(Tag::TableCell) => buf.clear(),
            Event::End(TagEnd::TableCell) => cells.push(std::mem::take(&mut buf)),
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                let row: Vec<String> = cells.drain(..).filter(|c| !c.is_empty()).collect();
                if !row.is_empty() {
                    lines.push(row.join(" "));
                }
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => {
                flush(&mut buf, &mut lines)
            }
            Event::Rule => lines.push("[rule]".into()),
            _ => {}
        }
    }
    flush(&mut buf, &mut lines);
    lines
}

/// Asserts that the Markdown of `html` reads as its plain output.
fn check(cleaner: &Cleaner, html: &str, what: &str) {
    let plain = cleaner.clean_html(html);
    let md = cleaner.clean_html_markdown(html);
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
    let md = cleaner.clean_html_markdown(html);
    assert!(
        md.contains("| Team | Points | Note |\n| --- | --- | --- |"),
        "{md}"
    );
    assert!(md.contains("\n- 1\\. First place"), "{md}");
    assert!(md.contains("\n> We never gave up"), "{md}");
    check(&cleaner, html, "the hand-written page");
}

/// The corpus beside the repository (`DEJUNK_CORPUS_DIR` overrides it).
fn corpus(name: &str) -> std::path::PathBuf {
    let dir = std::env::var("DEJUNK_CORPUS_DIR")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus").to_string());
    let path = std::path::Path::new(&dir).join(name);
    assert!(path.exists(), "corpus not found at {}", path.display());
    path
}

/// Calls `f` with the id and HTML of every page of a corpus file that
/// `wanted` accepts (by its dataset).
fn each_page(name: &str, wanted: impl Fn(&str) -> bool, mut f: impl FnMut(&str, &str)) -> usize {
    let file = std::fs::File::open(corpus(name)).unwrap();
    let reader = std::io::BufReader::new(flate2::read::GzDecoder::new(file));
    let mut n = 0;
    for line in reader.lines() {
        let v: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
        let (Some(id), Some(dataset), Some(html)) =
            (v["id"].as_str(), v["dataset"].as_str(), v["html"].as_str())
        else {
            continue;
        };
        if wanted(dataset) {
            f(id, html);
            n += 1;
        }
    }
    n
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
