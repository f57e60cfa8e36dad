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
}

#[test]
fn builder_rejects_bad_settings() {
    for t in [-0.1, 1.01, f32::NAN, f32::INFINITY] {
        let err = Cleaner::builder().threshold(t).build().unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::InvalidThreshold { .. }),
            "{t}"
        );
    }
    for t in [0.0, 0.5, 1.0] {
        assert!(Cleaner::builder().threshold(t).build().is_ok());
    }
    let err = Cleaner::builder()
        .keep_patterns(["fine", "!!!"])
        .build()
        .unwrap_err();
    assert_eq!(
        err.kind(),
        &ErrorKind::EmptyPattern {
            list: "keep",
            index: 1
        }
    );
    assert_eq!(err.to_string(), "keep pattern 1 has no word characters");
}

#[test]
fn default_cleaner_matches_free_function() {
    for (_, text, _) in super::seeds::seeds() {
        assert_eq!(Cleaner::new().clean(&text), dejunk::clean(&text));
        assert_eq!(Cleaner::new().analyze(&text).text(), dejunk::clean(&text));
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
            Err(e) => assert!(matches!(e.kind(), ErrorKind::InvalidModel { .. }), "{e}"),
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
        assert_eq!(c.extract_html(html).title(), c.analyze_html(html).title());
    }
}
