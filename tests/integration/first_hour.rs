//! What a newcomer tripped on in their first hour (issue 31), each case as
//! it was reported.

use dejunk::{Cleaner, ErrorKind, Page, SiteMemory};

const BODY: &str = "The bridge reopened on Monday after two years of repairs, the city said.";

#[test]
fn clean_into_after_a_line_break_adds_no_blank_line() {
    let cleaner = Cleaner::new();
    let mut out = String::from("previous\n");
    cleaner.clean_into(BODY, &mut out);
    assert_eq!(out, format!("previous\n{BODY}"));
    let mut out = String::from("previous");
    cleaner.clean_into(BODY, &mut out);
    assert_eq!(out, format!("previous\n{BODY}"));
}

#[test]
fn a_memory_too_large_to_allocate_is_an_error() {
    let err = SiteMemory::builder()
        .memory_bytes(1 << 50)
        .build()
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::InvalidMemory { .. }));
    assert!(err.to_string().contains("cannot allocate"), "{err}");
}

#[cfg(feature = "html")]
#[test]
fn html_given_as_bytes_of_unknown_kind_is_read_as_html() {
    let html = format!(
        "<!DOCTYPE html>\n<html><head><link rel=\"stylesheet\" href=\"/a.css\"><style>p {{ color: red }}</style>\
         <title>The bridge</title></head><body><p>{BODY}</p></body></html>"
    );
    let cleaner = Cleaner::new();
    let out = cleaner.clean(Page::auto(html.as_bytes(), None));
    assert_eq!(out, BODY);
    // Given literally as text, it stays text (the constructor says so).
    assert!(cleaner.clean(Page::text(&html)).contains("<"));
    // A text page is not sniffed as HTML.
    assert_eq!(cleaner.clean(Page::auto(BODY.as_bytes(), None)), BODY);
}
