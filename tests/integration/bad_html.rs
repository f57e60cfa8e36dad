//! Bad HTML never panics. (Its cost is linear: start tags past a depth of
//! 256 are ignored, see `src/html/tree/stack.rs`; speed is measured in
//! `examples/hostile.rs`, not in timed tests.)

/// Cleans `html` and checks that the output is the analysis's kept blocks,
/// in order, each a trimmed line, and that every word of it is written in
/// the document (where the document has no character reference to make a
/// word of its own).
fn check(html: &str) -> String {
    let out = dejunk::clean_html(html);
    let analysis = dejunk::Cleaner::new().analyze(dejunk::Page::html(html));
    assert_eq!(analysis.text(), out);
    let kept: Vec<&str> = analysis
        .blocks()
        .iter()
        .filter(|b| b.is_kept())
        .map(|b| b.text())
        .collect();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines, kept);
    for line in &lines {
        assert!(!line.trim().is_empty());
        assert_eq!(*line, line.trim());
    }
    if !html.contains('&') {
        let words: std::collections::HashSet<&str> = out.split_whitespace().collect();
        for w in words {
            assert!(html.contains(w), "{w:?} is not in the document");
        }
    }
    out
}

#[test]
fn empty_and_blank() {
    assert_eq!(dejunk::clean_html(""), "");
    assert_eq!(check("   \n\t "), "");
    assert_eq!(check("<html><head></head><body></body></html>"), "");
}

#[test]
fn truncated_and_unclosed() {
    let body = "The city council voted on Tuesday to keep the central library open, after months of debate.";
    for html in [
        format!("<html><body><div><p>{body}"),
        format!("<p>{body}</p><div class=\"x"),
        format!("<p>{body}</p><a href='"),
        format!("<p>{body}</p><!-- never closed"),
        format!("<p>{body}<script>var x = '</p>"),
        format!("<table><tr><td>{body}<td><li>{body}"),
    ] {
        check(&html);
    }
    assert!(check(&format!("<html><body><div><p>{body}")).contains("city council"));
}

#[test]
fn a_hundred_thousand_nested_divs() {
    let body = "The city council voted on Tuesday to keep the central library open, after months of debate.";
    let html = "<div>".repeat(100_000) + body + &"</div>".repeat(100_000);
    assert_eq!(check(&html), body);
    // Unclosed, and nested inline elements too.
    check(&"<span><b>".repeat(50_000));
}

#[test]
fn fifty_megabytes_of_one_text_node() {
    let html = format!("<p>{}</p>", "word ".repeat(10 * 1024 * 1024));
    let out = check(&html);
    assert!(out.len() <= html.len());
}

#[test]
fn binary_junk_and_wrong_charset() {
    let bytes: Vec<u8> = (0..=255u8).cycle().take(200_000).collect();
    check(&String::from_utf8_lossy(&bytes));
    // Declared Latin-1, but the string is what the caller decoded: the
    // declaration is not acted on, the text is kept as given.
    let text = "Caf\u{e9} cr\u{e8}me: the council voted on Tuesday to keep the library open, after months of debate.";
    let html = format!("<meta charset=\"iso-8859-1\"><p>{text}</p>");
    assert_eq!(check(&html), text);
}

#[test]
fn omitted_end_tags_keep_the_page() {
    // 260 options, or 260 list items without their end tags, once
    // flattened the rest of the page away (a depth count of 256).
    let body = "The city council voted on Tuesday to keep the central library open, after months of debate.";
    let select = format!(
        "<body><select>{}</select><p>{body}</p>",
        "<option>o".repeat(260)
    );
    assert_eq!(check(&select), body);
    let list = format!("<body><ul>{}</ul><p>{body}</p>", "<li>Item".repeat(260));
    let a = dejunk::Cleaner::new().analyze(dejunk::Page::html(&list));
    let lines: Vec<&str> = a.blocks().iter().map(|b| b.text()).collect();
    assert_eq!(lines.len(), 261, "each item a line of its own");
    assert!(lines[..260].iter().all(|l| *l == "Item"));
    assert_eq!(lines[260], body);
}

#[test]
fn stray_end_tags_keep_the_page() {
    let body = "The city council voted on Tuesday to keep the central library open, after months of debate.";
    for unit in ["<div></span>", "<span></p>", "<div></i>x "] {
        let html = format!("<body>{}<p>{body}</p>", unit.repeat(100_000));
        assert!(check(&html).contains(body), "{unit}");
    }
}
