//! Property tests: for any input, the output is an in-order selection of
//! the input's trimmed, non-blank lines, and cleaning is deterministic.

use quickcheck::{QuickCheck, TestResult};

#[path = "../common/selection.rs"]
mod selection;

pub use selection::assert_selection;

/// Builds a page from fragments, so that inputs look like pages: repeated
/// lines, long and short ones, punctuation, blank lines.
fn page(parts: Vec<(u8, String)>) -> String {
    const WORDS: [&str; 12] = [
        "the council",
        "voted on",
        "Tuesday.",
        "Home",
        "•",
        "Share",
        "library",
        "read more",
        "©",
        "\t",
        "open,",
        "Subscribe",
    ];
    let mut s = String::new();
    for (k, text) in parts {
        match k % 5 {
            0 => s.push('\n'),
            1 => s.push_str(&text),
            2 => s.push_str(WORDS[k as usize % WORDS.len()]),
            3 => s.push(' '),
            _ => s.push_str("\r\n"),
        }
    }
    s
}

#[test]
fn output_is_an_in_order_selection() {
    fn prop(parts: Vec<(u8, String)>) -> TestResult {
        let text = page(parts);
        let out = dejunk::clean(&text);
        assert_selection(&text, &out);
        TestResult::passed()
    }
    QuickCheck::new()
        .tests(500)
        .quickcheck(prop as fn(Vec<(u8, String)>) -> TestResult);
}

#[test]
fn arbitrary_strings_never_panic() {
    fn prop(text: String) -> bool {
        let out = dejunk::clean(&text);
        assert_selection(&text, &out);
        dejunk::clean(&text) == out
    }
    QuickCheck::new()
        .tests(1000)
        .quickcheck(prop as fn(String) -> bool);
}

#[test]
fn analyze_agrees_with_clean() {
    fn prop(parts: Vec<(u8, String)>) -> bool {
        let text = page(parts);
        let c = dejunk::Cleaner::new();
        c.analyze(&text).text() == c.clean(&text)
    }
    QuickCheck::new()
        .tests(300)
        .quickcheck(prop as fn(Vec<(u8, String)>) -> bool);
}

/// Builds an HTML page from the fragments its metadata is read from
/// (meta tags, JSON-LD, bylines, headlines, dates), broken and mixed with
/// arbitrary text.
fn metadata_page(parts: Vec<(u8, String)>) -> String {
    const PIECES: [&str; 16] = [
        "<meta property=\"article:published_time\" content=\"",
        "<meta name=\"author\" content=\"By ",
        "\">",
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":[{\"@type\":\"Person\",\"name\":\"",
        "\"}],\"datePublished\":\"2024-05-03\",}</script>",
        "<div class=\"byline\">Von <span>",
        "</span></div>",
        "<h1>",
        "</h1>",
        "<time datetime=\"",
        "<a rel=\"author\" href=\"/author/x\">",
        "</a>",
        "<html lang=\"",
        "3. Mai 2024",
        "<p>The city council voted on Tuesday to keep the central library open.</p>",
        "<link rel=canonical href=",
    ];
    let mut s = String::new();
    for (k, text) in parts {
        match k % 3 {
            0 => s.push_str(&text),
            _ => s.push_str(PIECES[k as usize % PIECES.len()]),
        }
    }
    s
}

/// Metadata extraction never panics, on any markup, and what it gives is
/// well formed: dates ISO 8601, bounded lists, fields trimmed and not
/// empty.
#[test]
fn metadata_of_any_markup_is_well_formed() {
    fn prop(parts: Vec<(u8, String)>, url: String) -> bool {
        let html = metadata_page(parts);
        let c = dejunk::Cleaner::new();
        for page in [dejunk::Page::html(&html), dejunk::Page::text(&html)] {
            let e = c.extract(page.url(&url));
            let m = e.metadata();
            for d in [m.date(), m.modified()].into_iter().flatten() {
                let b = d.as_bytes();
                assert!(d.len() >= 10 && b[4] == b'-' && b[7] == b'-', "{d}");
                assert!(
                    d[..4]
                        .parse::<u16>()
                        .is_ok_and(|y| (1900..=2100).contains(&y)),
                    "{d}"
                );
            }
            assert!(m.authors().len() <= 64 && m.tags().len() <= 64);
            for v in m.authors().iter().chain(m.tags()) {
                assert!(!v.is_empty() && v.trim() == v, "{v:?}");
            }
            if let Some(l) = m.language() {
                assert!(
                    (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_lowercase()),
                    "{l}"
                );
            }
        }
        true
    }
    QuickCheck::new()
        .tests(500)
        .quickcheck(prop as fn(Vec<(u8, String)>, String) -> bool);
}

/// Arbitrary bytes read as HTML give metadata without a panic.
#[test]
fn metadata_of_arbitrary_bytes_never_panics() {
    fn prop(bytes: Vec<u8>) -> bool {
        let c = dejunk::Cleaner::new();
        let a = c.extract(dejunk::Page::html_bytes(&bytes, None));
        let b = c.extract(dejunk::Page::html_bytes(&bytes, None));
        a.metadata() == b.metadata()
    }
    QuickCheck::new()
        .tests(500)
        .quickcheck(prop as fn(Vec<u8>) -> bool);
}
