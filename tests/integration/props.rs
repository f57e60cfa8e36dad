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
