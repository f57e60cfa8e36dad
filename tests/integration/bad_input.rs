//! Bad input never panics and gives an in-order selection of input lines.

use super::props::assert_selection;

fn check(text: &str) -> String {
    let out = dejunk::clean(text);
    assert_selection(text, &out);
    out
}

#[test]
fn empty_and_blank() {
    assert_eq!(dejunk::clean(""), "");
    assert_eq!(check("   \n\t\n\r\n  "), "");
    assert_eq!(dejunk::Cleaner::new().clean(dejunk::Page::bytes(b"")), "");
}

#[test]
fn one_fifty_megabyte_line() {
    let line = "word ".repeat(10 * 1024 * 1024);
    let out = check(&line);
    assert!(out.len() <= line.len());
    let long = "x".repeat(50 * 1024 * 1024);
    check(&long);
}

#[test]
fn a_million_short_lines() {
    let mut text = String::with_capacity(12_000_000);
    for i in 0..1_000_000 {
        text.push_str(if i % 3 == 0 { "Home\n" } else { "item 42\n" });
    }
    check(&text);
}

#[test]
fn control_bytes_nul_and_binary() {
    check("\0\0\0\n\x01\x02\x7f text \x1b[31m\n\u{feff}BOM line");
    let bytes: Vec<u8> = (0..=255u8).cycle().take(100_000).collect();
    let out = dejunk::Cleaner::new().clean(dejunk::Page::bytes(&bytes));
    assert_selection(&String::from_utf8_lossy(&bytes), &out);
}

#[test]
fn crlf_line_ends() {
    let body = "The city council voted on Tuesday to keep the central library open, after months of debate.";
    let lf = format!("Menu\n\n{body}\n\nMore from us\n");
    let crlf = lf.replace('\n', "\r\n");
    assert_eq!(check(&crlf), check(&lf));
    assert!(!check(&crlf).contains('\r'));
}

#[test]
fn mixed_scripts() {
    let text = "首页 | 新闻 | 体育\n\
        北京市政府周二宣布，中央图书馆将继续开放，此前各方就预算问题争论了数月。\n\
        أعلن المجلس البلدي يوم الثلاثاء أن المكتبة المركزية ستبقى مفتوحة بعد أشهر من النقاش.\n\
        Городской совет во вторник проголосовал за то, чтобы центральная библиотека осталась открытой.\n\
        東京都は火曜日、中央図書館を引き続き開館すると発表した。\n\
        ✓ 🎉 ∑ ← \u{202e} \u{200b}";
    check(text);
    for line in text.lines() {
        check(line);
    }
}

#[test]
fn invalid_utf8_is_replaced() {
    let bytes: &[u8] =
        b"The council voted on Tuesday to keep the \xff\xfe library open, after months of debate.";
    let repaired = String::from_utf8_lossy(bytes);
    assert_eq!(repaired.matches('\u{FFFD}').count(), 2);
    // The sentence is body text: it is kept, repaired.
    assert_eq!(
        dejunk::Cleaner::new().clean(dejunk::Page::bytes(bytes)),
        repaired
    );
    assert_eq!(dejunk::clean(&repaired), repaired);
}

#[test]
fn invisible_lines_are_not_kept() {
    let body = "The city council voted on Tuesday to keep the central library open, after months of debate.";
    for invisible in [
        "\u{200B}",
        "\u{200E}\u{200F}",
        "\u{2066}\u{2069}",
        "\u{FEFF}",
        "\u{AD}\u{2060}",
        "\u{1}\u{7}",
    ] {
        let more = "Councillors said the building would be repaired next year, and that opening hours would not change.";
        let page = format!("{body}\n{invisible}\n{more}\n{invisible}{invisible}");
        let out = check(&page);
        assert!(out.starts_with(body), "{invisible:?}: {out}");
        for line in out.lines() {
            assert!(line == body || line == more, "{invisible:?}: {line:?} kept");
        }
        #[cfg(feature = "html")]
        {
            let html = format!("<p>{body}</p><p>{invisible}</p><div>{invisible}</div>");
            assert_eq!(dejunk::clean_html(&html), body, "{invisible:?}");
        }
    }
}

#[test]
fn a_page_of_millions_of_lines_is_cleaned_in_windows() {
    // 40,000 blocks: more than one window; the article and a copy of it
    // far below (in another window) come out once, in order.
    let body = "The city council voted on Tuesday to keep the central library open, after months of debate.";
    let mut page = format!(
        "Council keeps the library open\n{body}\nCouncillors said the building would be repaired next year, and that opening hours would not change.\n"
    );
    for i in 0..40_000 {
        page.push_str(if i % 2 == 0 { "Home\n" } else { "Menu\n" });
    }
    page.push_str(body);
    let out = check(&page);
    assert_eq!(
        out.matches(body).count(),
        1,
        "{}",
        &out[..out.len().min(500)]
    );
    assert!(out.starts_with("Council keeps the library open\n"));
}

/// Bad metadata leaves its field empty and the cleaning goes on: broken
/// JSON-LD, dates of year 0 and 99999, 10,000 `<meta>` tags, a 10 MB
/// JSON-LD block, a byline element with 100,000 nested elements.
#[test]
fn bad_metadata_leaves_fields_empty() {
    let body = "<p>The city council voted on Tuesday to keep the central library open, after months of debate.</p>";
    let c = dejunk::Cleaner::new();
    let extract = |head: &str| {
        c.extract(dejunk::Page::html(&format!(
            "<head>{head}</head><body>{body}</body>"
        )))
    };
    for head in [
        r#"<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": </script>"#,
        r#"<script type="application/ld+json">{"datePublished": "0000-01-01"}</script>"#,
        r#"<meta property="article:published_time" content="99999-05-03">"#,
        r#"<script type="application/ld+json">[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[</script>"#,
    ] {
        let e = extract(head);
        assert_eq!(e.metadata().date(), None, "{head}");
        assert!(e.text().starts_with("The city council"), "{head}");
    }
    let many = "<meta name=\"keywords\" content=\"library, council\">".repeat(10_000);
    let e = extract(&many);
    assert_eq!(e.metadata().tags(), ["library", "council"]);
    assert!(e.text().starts_with("The city council"));
    let huge = format!(
        r#"<script type="application/ld+json">{{"@type":"NewsArticle","datePublished":"2024-05-03","x":"{}"}}</script>"#,
        "x".repeat(10 << 20)
    );
    let e = extract(&huge);
    assert_eq!(e.metadata().date(), None);
    assert!(e.text().starts_with("The city council"));
    let nested = format!("<div class=\"byline\">{}Anna Fink", "<div>".repeat(100_000));
    let e = extract(&nested);
    assert!(e.metadata().authors().len() <= 1);
}
