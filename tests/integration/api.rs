//! The public API: auto traits, builder validation, determinism, options.

use dejunk::{Cleaner, CleanerBuilder, Error, ErrorKind, Model, ReasonKind};

fn assert_traits<T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}

#[test]
fn public_types_are_thread_safe() {
    assert_traits::<Cleaner>();
    assert_traits::<CleanerBuilder>();
    assert_traits::<Model>();
    assert_traits::<Error>();
    assert_traits::<dejunk::Analysis<'static>>();
    assert_traits::<dejunk::Block<'static>>();
    assert_traits::<dejunk::Reason>();
    assert_traits::<dejunk::SiteMemory>();
    assert_traits::<dejunk::SiteMemoryBuilder>();
    // With every feature too (a page walked from scraper's tree, which is
    // neither, holds its lines, not the tree).
    assert_traits::<dejunk::Page<'static>>();
}

#[test]
fn builder_rejects_bad_settings() {
    for t in [-0.1, 1.01, f32::NAN, f32::INFINITY] {
        let err = Cleaner::builder().threshold(t).build().unwrap_err();
        assert!(err.kind() == ErrorKind::InvalidThreshold, "{t}");
    }
    for t in [0.0, 0.5, 1.0] {
        assert!(Cleaner::builder().threshold(t).build().is_ok());
    }
    let err = Cleaner::builder()
        .keep_patterns(["fine", "!!!"])
        .build()
        .unwrap_err();
    assert_eq!(
        (err.kind(), err.pattern()),
        (ErrorKind::EmptyPattern, Some((1, true)))
    );
    assert_eq!(err.to_string(), "keep pattern 1 has no word characters");
}

/// The free functions clean with the documented defaults: a cleaner with
/// every setting spelled out gives their output.
#[test]
fn free_functions_use_the_documented_defaults() {
    let mut builder = Cleaner::builder();
    builder
        .threshold(Cleaner::DEFAULT_THRESHOLD)
        .title(true)
        .comments(false)
        .dedup(true)
        .model(Model::builtin());
    #[cfg(feature = "html")]
    builder.html_model(Model::builtin_html());
    let spelled_out = builder.build().unwrap();
    for (name, text, _) in super::seeds::seeds() {
        assert_eq!(spelled_out.clean(&text), dejunk::clean(&text), "{name}");
        #[cfg(feature = "html")]
        {
            let html: String = text
                .lines()
                .map(|l| format!("<p>{}</p>\n", l.replace('&', "&amp;").replace('<', "&lt;")))
                .collect();
            assert_eq!(
                spelled_out.clean(dejunk::Page::html(&html)),
                dejunk::clean_html(&html),
                "{name}"
            );
        }
    }
}

#[test]
fn deterministic_across_clones_and_threads() {
    let seeds = super::seeds::seeds();
    let cleaner = Cleaner::new();
    let want: Vec<String> = seeds.iter().map(|(_, t, _)| cleaner.clean(t)).collect();
    std::thread::scope(|s| {
        for _ in 0..4 {
            let c = cleaner.clone();
            let seeds = &seeds;
            let want = &want;
            s.spawn(move || {
                for _ in 0..3 {
                    for (i, (_, t, _)) in seeds.iter().enumerate() {
                        assert_eq!(&c.clean(t), &want[i]);
                    }
                }
            });
        }
    });
}

#[test]
fn analyze_explains_every_block() {
    let (_, text, _) = &super::seeds::seeds()[3];
    let a = Cleaner::new().analyze(text);
    let non_blank = text.lines().filter(|l| !l.trim().is_empty()).count();
    assert_eq!(a.blocks().len(), non_blank);
    for b in a.blocks() {
        assert!((0.0..=1.0).contains(&b.score()));
        assert_eq!(&text[b.span()], b.text());
        assert!(!b.reasons().is_empty(), "no reason for {:?}", b.text());
    }
    // With every block kept by the model, the repeated title is reported
    // as a duplicate and the body repeated under "Related" as a near one.
    let all = Cleaner::builder().threshold(0.0).build().unwrap();
    let a = all.analyze(text);
    let first = |k: ReasonKind| a.blocks().iter().any(|b| b.reasons()[0].kind() == k);
    assert!(first(ReasonKind::Duplicate));
    assert!(first(ReasonKind::NearDuplicate));
}

#[test]
fn user_patterns_overrule_the_model() {
    let body = "The city council voted on Tuesday to keep the central library open, after months of debate.";
    let page = format!("Menu\n{body}\nSponsored by Acme");
    let c = Cleaner::builder()
        .junk_patterns(["central library"])
        .keep_patterns(["acme"])
        .build()
        .unwrap();
    let a = c.analyze(&page);
    assert!(!a.blocks()[1].is_kept());
    assert_eq!(a.blocks()[1].reasons()[0].kind(), ReasonKind::JunkPattern);
    assert!(a.blocks()[2].is_kept());
    assert_eq!(a.blocks()[2].reasons()[0].kind(), ReasonKind::KeepPattern);
    // Whole words only.
    let c = Cleaner::builder()
        .junk_patterns(["lib"])
        .keep_patterns(["council"])
        .build()
        .unwrap();
    assert!(c.clean(&page).contains("library"));
}

#[test]
fn title_setting() {
    let page = "Council keeps the library open\n\nThe city council voted on Tuesday to keep the central library open, after months of debate.\n\nCouncillors said the building would be repaired next year, and opening hours would not change.";
    let with = Cleaner::builder().title(true).build().unwrap().clean(page);
    let without = Cleaner::builder().title(false).build().unwrap().clean(page);
    assert!(with.starts_with("Council keeps the library open\n"));
    assert!(without.starts_with("The city council"));
}

/// An article with a comment section under it, as text and as HTML.
const ARTICLE: [&str; 3] = [
    "Council keeps the library open",
    "The city council voted on Tuesday to keep the central library open, after months of debate about what the repairs would cost the town.",
    "Councillors said the building would be repaired next year, and that the opening hours would not change while the work goes on.",
];
const COMMENTS: [&str; 2] = [
    "I am so glad they listened to the people who actually use the library every single week.",
    "About time. My kids have borrowed books there since they were small, and it would have been a shame to lose it.",
];

#[test]
fn comments_setting() {
    let mut text = ARTICLE.join("\n\n");
    text.push_str("\n\n2 Comments\n\nAnna, March 3, 2025 at 9:14 am\n\n");
    text.push_str(&COMMENTS.join("\n\nReply\n\nTom, March 3, 2025 at 11:02 am\n\n"));
    text.push_str("\n\nReply\n\nLeave a Reply\n\nLog in to comment");
    #[cfg(feature = "html")]
    let html = {
        let paras: String = ARTICLE[1..].iter().map(|p| format!("<p>{p}</p>")).collect();
        let posts: String = COMMENTS
            .iter()
            .map(|c| {
                format!(
                    "<li class=\"comment\"><div class=\"comment-meta\">Anna, March 3, 2025 at 9:14 am</div>\
                     <div class=\"comment-content\"><p>{c}</p></div><a class=\"reply\" href=\"#\">Reply</a></li>"
                )
            })
            .collect();
        format!(
            "<html><body><article><h1>{}</h1>{paras}</article>\
             <section id=\"comments\"><h2>2 Comments</h2><ol class=\"comment-list\">{posts}</ol>\
             <h3>Leave a Reply</h3><form><textarea></textarea></form></section></body></html>",
            ARTICLE[0]
        )
    };
    let default = Cleaner::new();
    let with = Cleaner::builder().comments(true).build().unwrap();
    #[allow(unused_mut)]
    let mut pages = vec![dejunk::Page::text(&text)];
    #[cfg(feature = "html")]
    pages.push(dejunk::Page::html(&html));
    for page in pages {
        let kept = default.clean(&page);
        for p in &ARTICLE[1..] {
            assert!(kept.contains(p), "{kept}");
        }
        for c in COMMENTS {
            assert!(!kept.contains(c), "a comment kept by default: {kept}");
        }
        let analysis = with.analyze(page);
        let kept = analysis.text();
        for p in ARTICLE[1..].iter().chain(&COMMENTS) {
            assert!(kept.contains(p), "{kept}");
        }
        assert!(!kept.contains("Reply"), "{kept}");
        assert!(!kept.contains("Log in"), "{kept}");
        let post = analysis
            .blocks()
            .iter()
            .find(|b| b.text() == COMMENTS[0])
            .unwrap();
        assert_eq!(post.reasons()[0].kind(), ReasonKind::Comment);
    }
}

#[test]
fn bylines_and_dates_under_the_title_go() {
    let page = format!(
        "{}\n\nBy Jane Doe | March 3, 2025 10:14\n\n{}\n\nOn 3 March 2025 the council met again.\n\n{}",
        ARTICLE[0], ARTICLE[1], ARTICLE[2]
    );
    for cleaner in [
        Cleaner::new(),
        Cleaner::builder().title(false).build().unwrap(),
    ] {
        let a = cleaner.analyze(page.as_str());
        let byline = &a.blocks()[1];
        assert_eq!(byline.text(), "By Jane Doe | March 3, 2025 10:14");
        assert!(!byline.is_kept());
        assert_eq!(byline.reasons()[0].kind(), ReasonKind::Dateline);
        assert_eq!(byline.reasons()[0].detail(), "line 1");
        // A dated line below the start of the body is the model's to judge.
        let later = &a.blocks()[3];
        assert!(later.reasons()[0].kind() != ReasonKind::Dateline);
    }
}

#[test]
fn custom_model_round_trip_and_errors() {
    let bytes = Model::builtin().to_bytes();
    let m = Model::from_bytes(&bytes).unwrap();
    let c = Cleaner::builder().model(m).build().unwrap();
    let (_, text, _) = &super::seeds::seeds()[0];
    assert_eq!(c.clean(text), dejunk::clean(text));
    for bad in [
        &b""[..],
        b"\x00\x01\x02",
        b"dejunk-model\t1\n",
        &bytes[..bytes.len() / 2],
    ] {
        match Model::from_bytes(bad) {
            Err(e) => assert!(e.kind() == ErrorKind::InvalidModel, "{e}"),
            Ok(_) => panic!("accepted a malformed model"),
        }
    }
}

#[test]
fn extract_gives_what_analyze_tells_of_title_and_text() {
    let c = dejunk::Cleaner::new();
    for (name, text, _) in super::seeds::seeds() {
        let (e, a) = (c.extract(&text), c.analyze(&text));
        assert_eq!(e.title(), a.title(), "{name}");
        assert_eq!(e.text(), a.text());
        assert_eq!(e.text(), c.clean(&text));
    }
    #[cfg(feature = "html")]
    {
        let html = "<h1>Council keeps the library open</h1>\
        <p>The city council voted on Tuesday to keep the central library open, after months of debate.</p>";
        assert_eq!(
            c.extract(dejunk::Page::html(html)).title(),
            c.analyze(dejunk::Page::html(html)).title()
        );
    }
}

/// A long page of body paragraphs, each a line: `n` blocks, every tenth a
/// repeat of one from far above (so that windows repeat what earlier
/// windows kept), a menu line every so often.
fn long_page(n: usize) -> String {
    const WORDS: &str = "council library budget river bridge school museum ferry market harbour \
        station garden mayor teacher doctor farmer baker painter driver nurse voted opened closed \
        repaired painted visited moved sold bought built green old new small large quiet busy \
        northern southern early late";
    let words: Vec<&str> = WORDS.split_whitespace().collect();
    let para = |i: usize| {
        // A linear congruential walk through the words, one a paragraph.
        let mut x = (i as u64).wrapping_mul(6_364_136_223_846_793_005) | 1;
        let mut w = || {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            words[(x >> 33) as usize % words.len()]
        };
        let body: Vec<&str> = (0..14).map(|_| w()).collect();
        format!("The {} said on Tuesday that {}.", w(), body.join(" "))
    };
    (0..n)
        .map(|i| match i % 10 {
            9 => para(i / 2),
            7 => "Home | News | Sport".to_string(),
            _ => para(i),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `analyze` cleans a long page a window at a time, as `clean` does: its
/// text is `clean`'s, and its blocks are every block of the page, with the
/// page's line numbers and byte spans.
#[test]
fn analysis_of_a_long_page_is_its_cleaning() {
    let page = long_page(40_000);
    let cleaner = Cleaner::new();
    let a = cleaner.analyze(page.as_str());
    assert_eq!(a.text(), cleaner.clean(page.as_str()));
    assert_eq!(a.blocks().len(), 40_000);
    for (i, b) in a.blocks().iter().enumerate().step_by(997) {
        assert_eq!(b.line(), i + 1);
        assert_eq!(&page[b.span()], b.text());
    }
    // A paragraph kept in an early window and repeated in a later one goes
    // as a duplicate of the first copy.
    let late = &a.blocks()[30_009];
    assert!(!late.is_kept());
    let first = a
        .blocks()
        .iter()
        .position(|b| b.text() == late.text())
        .unwrap();
    assert!(first < 16_384 && a.blocks()[first].is_kept());
    assert_eq!(late.reasons()[0].kind(), ReasonKind::Duplicate);
    assert_eq!(late.reasons()[0].detail(), format!("line {}", first + 1));
}

/// `{:?}` of an analysis grows with its blocks, not with their square.
#[test]
fn debug_of_an_analysis_is_linear() {
    let cleaner = Cleaner::new();
    let small = format!("{:?}", cleaner.analyze(long_page(1_000).as_str())).len();
    let large = format!("{:?}", cleaner.analyze(long_page(10_000).as_str())).len();
    assert!(large < 12 * small, "1k blocks: {small} bytes, 10k: {large}");
    // The model's matcher is not dumped either.
    let cleaner = Cleaner::builder()
        .junk_patterns(["sponsored"])
        .build()
        .unwrap();
    assert!(format!("{cleaner:?}").len() < 10_000);
}

/// Lines are counted from 1 in every message: a reason's `line N` and a
/// model file's error.
#[test]
fn messages_count_lines_from_one() {
    let p = "The city council voted on Tuesday to keep the central library open, after months of debate.";
    let q = "Councillors said the building would be repaired next year, and that opening hours would not change.";
    let page = format!("Council keeps the library open\n{p}\n{q}\n{p}");
    let a = Cleaner::new().analyze(page.as_str());
    let copy = &a.blocks()[3];
    assert_eq!(copy.reasons()[0].kind(), ReasonKind::Duplicate);
    assert_eq!(a.blocks()[1].line(), 2);
    assert_eq!(copy.reasons()[0].detail(), "line 2");
    assert_eq!(copy.reasons()[0].line(), Some(a.blocks()[1].line()));
    let err = Model::from_bytes(b"not a model").unwrap_err();
    assert_eq!(
        (err.kind(), err.line()),
        (ErrorKind::InvalidModel, Some(1)),
        "{err}"
    );
}
