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
    assert!(err.kind() == ErrorKind::InvalidMemory);
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

/// A xorshift stream of bytes: the same "random" bytes on every run.
fn random_bytes(n: usize) -> Vec<u8> {
    let mut x = 0x9E37_79B9_7F4A_7C15u64;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 32) as u8
        })
        .collect()
}

#[test]
fn random_bytes_are_not_kept() {
    let bytes = random_bytes(1 << 20);
    let cleaner = Cleaner::new();
    let text = cleaner.clean(Page::bytes(&bytes));
    assert!(
        text.len() < bytes.len() / 100,
        "text: {} bytes kept",
        text.len()
    );
    #[cfg(feature = "html")]
    {
        let html = cleaner.clean(Page::html_bytes(&bytes, None));
        assert!(
            html.len() < bytes.len() / 100,
            "html: {} bytes kept",
            html.len()
        );
        let auto = cleaner.clean(Page::auto(&bytes, None));
        assert!(
            auto.len() < bytes.len() / 100,
            "auto: {} bytes kept",
            auto.len()
        );
    }
    // The reason says what it is.
    let a = cleaner.analyze(Page::bytes(&bytes[..4096]));
    assert!(a.blocks().iter().any(|b| {
        b.reasons()
            .first()
            .is_some_and(|r| r.kind() == dejunk::ReasonKind::NotText)
    }));
}

#[test]
fn a_base64_page_cleans_to_nothing() {
    // 200 lines of 76 base64 characters, as a mail or a data URL wraps them.
    let bytes = random_bytes(200 * 57);
    const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut page = String::new();
    for chunk in bytes.chunks(57) {
        for c in chunk.chunks(3) {
            let n = (u32::from(c[0]) << 16) | (u32::from(c[1]) << 8) | u32::from(c[2]);
            for k in (0..4).rev() {
                page.push(char::from(B64[(n >> (6 * k) & 63) as usize]));
            }
        }
        page.push('\n');
    }
    assert_eq!(Cleaner::new().clean(page.as_str()), "");
    // A minified script pasted into a text page goes too; the sentence stays.
    let script = "!function(e,t){\"object\"==typeof exports?module.exports=t():e.lib=t()}(this,function(){var e={};return e.a=function(t){return t*2},e});".repeat(4);
    let out = Cleaner::new().clean(format!("{BODY}\n{script}").as_str());
    assert_eq!(out, BODY);
}

#[test]
fn a_short_page_with_a_sentence_of_body_never_cleans_to_nothing() {
    let cleaner = Cleaner::new();
    for page in [
        format!("{BODY}\nSign up now"),
        format!("Download our app\n{BODY}"),
        format!("Menu\n{BODY}\nShare"),
    ] {
        assert!(cleaner.clean(page.as_str()).contains(BODY), "{page:?}");
    }
    // With site memory: pages that differ only in their numbers.
    let memory = SiteMemory::new();
    let page = |n: u32| {
        format!(
            "Home | News\nThe council met {n} times this year and approved {n} new projects for the town centre."
        )
    };
    for n in 1..=6 {
        memory.observe("town.example", page(n).as_str());
    }
    let out = cleaner.clean(Page::text(&page(7)).site(&memory, "town.example"));
    assert!(out.contains("approved 7 new projects"), "{out:?}");
    assert!(!out.contains("Home | News"));
}

/// `decode_html` borrows what needs no decoding, as `decode_text` does.
#[cfg(feature = "html")]
#[test]
fn decode_html_borrows_utf8() {
    use std::borrow::Cow;
    let page = "<p>Zürich</p>".as_bytes();
    assert!(matches!(
        dejunk::decode_html(page, None),
        Cow::Borrowed("<p>Zürich</p>")
    ));
    assert!(matches!(dejunk::decode_text(page), Cow::Borrowed(_)));
    // A declared legacy encoding: decoded, owned.
    let latin1 = b"<p>Z\xfcrich</p>";
    let d = dejunk::decode_html(latin1, Some("text/html; charset=iso-8859-1"));
    assert_eq!(d, "<p>Zürich</p>");
}

/// Errors carry typed details, not public fields.
#[test]
fn errors_have_typed_details() {
    let err = Cleaner::builder()
        .keep_patterns(["a", "..."])
        .build()
        .unwrap_err();
    assert_eq!(
        (err.kind(), err.pattern(), err.line()),
        (ErrorKind::EmptyPattern, Some((1, true)), None)
    );
    let err = dejunk::Model::from_bytes(b"dejunk-model\t1\n").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidModel);
    assert_eq!(Cleaner::DEFAULT_THRESHOLD, Cleaner::new().threshold());
    assert_eq!(SiteMemory::DEFAULT_MEMORY_BYTES, 16 << 20);
}

/// A Chinese headline of 40 characters (20 words as a reader counts them)
/// is a title candidate: a Han character is half a word, not a word.
#[cfg(feature = "html")]
#[test]
fn a_long_chinese_headline_is_the_title() {
    let headline = "城市图书馆将延长开放时间――市议会周二投票通过新的预算方案为读者提供更多的服务";
    let body = [
        "市议会周二以多数票通过了新的预算方案，中央图书馆将从下个月起每周四开放到晚上九点。",
        "馆长在接受采访时表示，延长开放时间是读者多年来的要求，图书馆也将增加周日上午的开放时段。",
        "根据方案，图书馆还将在明年完成儿童阅览室的改造，并为老年读者开设免费的电脑课程。",
        "市议员们表示，预算的增加主要来自今年的税收结余，不会影响其他公共服务的开支。",
    ];
    let html = format!(
        "<html><body><nav><a href='/'>首页</a> | <a href='/n'>新闻</a> | <a href='/s'>体育</a></nav>\
         <h1>{headline}</h1>{}<footer>版权所有 © 2026 示例新闻网</footer></body></html>",
        body.iter()
            .map(|p| format!("<p>{p}</p>"))
            .collect::<String>()
    );
    let e = Cleaner::new().extract(dejunk::Page::html(&html));
    assert_eq!(e.title(), Some(headline));
    assert!(e.text().starts_with(headline) && e.text().contains(body[3]));
    let text = format!(
        "首页 | 新闻 | 体育\n{headline}\n{}\n版权所有 © 2026 示例新闻网",
        body.join("\n")
    );
    assert_eq!(
        Cleaner::new().extract(text.as_str()).title(),
        Some(headline)
    );
}
