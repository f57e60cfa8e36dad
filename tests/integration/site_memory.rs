//! The site memory: a synthetic crawl built from corpus pages (a smaller
//! version of `examples/site_memory.rs`), and the memory's rules.

use dejunk::{Cleaner, Observation, Page, ReasonKind, SiteMemory};

#[path = "../../examples/common/synth.rs"]
mod synth;

use synth::{Score, kept_lines};

/// The corpus beside the repository (`DEJUNK_CORPUS` overrides the path).
fn corpus() -> String {
    let path = std::env::var("DEJUNK_CORPUS").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/dev.jsonl.gz").to_string()
    });
    assert!(
        std::path::Path::new(&path).exists(),
        "corpus not found at {path}"
    );
    path
}

#[test]
#[ignore = "reads ../shared/corpus/dev.jsonl.gz: `cargo test -- --ignored` (CI runs it)"]
fn memory_lowers_leakage_on_a_synthetic_crawl_without_lowering_recall() {
    let path = corpus();
    let docs = synth::load_docs(&path).unwrap();
    let crawl = synth::build(&docs, 10, 200);
    assert_eq!(crawl.len(), 200);
    let cleaner = Cleaner::new();
    let memory = SiteMemory::new();
    for p in &crawl {
        memory.observe(&p.site, &p.text);
    }
    let (mut alone, mut with) = (Score::default(), Score::default());
    for p in &crawl {
        alone.add(p, &kept_lines(p, &cleaner.analyze(&p.text)));
        let a = cleaner.analyze(Page::text(&p.text).site(&memory, &p.site));
        with.add(p, &kept_lines(p, &a));
        // The site view's clean is the analysis' text.
        assert_eq!(
            cleaner.clean(Page::text(&p.text).site(&memory, &p.site)),
            a.text()
        );
    }
    eprintln!(
        "no memory: recall {:.4} leakage {:.4}; memory: recall {:.4} leakage {:.4}",
        alone.recall(),
        alone.leakage(),
        with.recall(),
        with.leakage()
    );
    // Measured: leakage 0.1627 -> 0.0086, recall 0.7400 -> 0.7438.
    assert!(
        alone.leakage() > 0.10,
        "the synthetic junk fools the model alone"
    );
    assert!(
        with.leakage() < 0.03,
        "leakage with memory {}",
        with.leakage()
    );
    assert!(with.recall() >= alone.recall() - 0.001, "recall went down");
}

const PROMO: &str =
    "Our journalism is made possible by readers who support it every month, thank you.";

fn page(i: usize) -> String {
    let body = [
        "The council approved the new cycling lanes after a long debate on Tuesday evening.",
        "The museum will reopen in May after two years of repairs, its director said.",
        "Heavy rain closed the coastal road for the third time this winter, police said.",
        "The school board voted to extend the lunch break by ten minutes from next term.",
        "A new bakery opened on the high street, the first in the village for decades.",
        "The ferry timetable changes next week as the summer season comes to an end.",
    ][i % 6];
    format!("Home\nNews\nSport\n{body}\n{PROMO}\n© 20{i} Example Media")
}

#[test]
fn recurring_lines_go_and_chance_repeats_stay() {
    let memory = SiteMemory::new();
    for i in 0..6 {
        memory.observe("example.com", &page(i));
    }
    let quote = "\"We will not give up on this town,\" the mayor told the crowd on Saturday.";
    for _ in 0..2 {
        memory.observe("example.com", quote);
    }
    assert_eq!(memory.pages("example.com"), 8);
    assert!(memory.is_boilerplate("example.com", PROMO));
    assert!(memory.is_boilerplate("example.com", "© 2031 Example Media"));
    assert!(!memory.is_boilerplate("example.com", quote));
    // One-word lines need a larger share: these are on 6 of 8 pages.
    assert!(memory.is_boilerplate("example.com", "Sport"));

    let cleaner = Cleaner::new();
    let text = format!("{}\n{quote}", page(0));
    let a = cleaner.analyze(Page::text(&text).site(&memory, "example.com"));
    let kept: Vec<&str> = a
        .blocks()
        .iter()
        .filter(|b| b.is_kept())
        .map(|b| b.text())
        .collect();
    assert!(kept.contains(&quote));
    assert!(!kept.contains(&PROMO));
    let promo = a.blocks().iter().find(|b| b.text() == PROMO).unwrap();
    assert_eq!(promo.reasons()[0].kind(), ReasonKind::SiteMemory);
    // Without memory the promo reads as body text.
    assert!(cleaner.clean(&text).contains(PROMO));
    // Another site is untouched.
    assert_eq!(
        cleaner.clean(Page::text(&text).site(&memory, "other.example")),
        cleaner.clean(&text)
    );
}

#[test]
fn keep_patterns_overrule_the_memory() {
    let memory = SiteMemory::new();
    for i in 0..6 {
        memory.observe("example.com", &page(i));
    }
    let cleaner = Cleaner::builder()
        .keep_patterns(["made possible by readers"])
        .build()
        .unwrap();
    assert!(
        cleaner
            .clean(Page::text(&page(0)).site(&memory, "example.com"))
            .contains(PROMO)
    );
}

/// Pages prepared on many threads and learnt in page order make the table
/// that observing them in turn makes, in a memory small enough that the
/// order matters (learnt in another order, the table differs).
#[test]
fn observations_prepared_on_threads_learnt_in_order_match_observing_in_turn() {
    // 4,096 bytes: 512 slots, for about 900 distinct lines.
    let small = || SiteMemory::builder().memory_bytes(4096).build().unwrap();
    // A line no other page has: its number spelled in letters (digit runs
    // count as one word).
    let unique = |i: usize| -> String {
        let letters: String = i
            .to_string()
            .bytes()
            .map(|c| char::from(c - b'0' + b'a'))
            .collect();
        format!("Story {letters} of the day")
    };
    let pages: Vec<(String, String)> = (0..800)
        .map(|i| {
            (
                format!("site{}", i % 4),
                format!("{}\n{}", page(i), unique(i)),
            )
        })
        .collect();
    let in_turn = small();
    for (site, text) in &pages {
        in_turn.observe(site, text);
    }
    let prepared: Vec<Observation> = std::thread::scope(|s| {
        let parts: Vec<_> = pages
            .chunks(200)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|(site, text)| Observation::new(site, text))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        parts.into_iter().flat_map(|p| p.join().unwrap()).collect()
    });
    let learnt = small();
    for o in &prepared {
        learnt.observe_prepared(o);
    }
    let reversed = small();
    for o in prepared.iter().rev() {
        reversed.observe_prepared(o);
    }
    let mut order_mattered = false;
    for (site, text) in &pages {
        assert_eq!(learnt.pages(site), in_turn.pages(site));
        for line in text.lines() {
            assert_eq!(
                learnt.count(site, line),
                in_turn.count(site, line),
                "{line}"
            );
            order_mattered |= reversed.count(site, line) != in_turn.count(site, line);
        }
    }
    assert!(order_mattered, "the memory was not under pressure");
}

#[test]
fn bad_settings_are_errors() {
    use dejunk::ErrorKind;
    for b in [
        SiteMemory::builder().memory_bytes(0).build(),
        SiteMemory::builder().memory_bytes(4095).build(),
        SiteMemory::builder().min_pages(0).build(),
        SiteMemory::builder().min_share(f32::NAN).build(),
        SiteMemory::builder().min_share(-0.1).build(),
    ] {
        assert_eq!(b.unwrap_err().kind(), ErrorKind::InvalidMemory);
    }
    // The smallest memory the docs give (4 KiB) builds.
    assert!(SiteMemory::builder().memory_bytes(4096).build().is_ok());
}
