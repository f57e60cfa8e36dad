//! Replays the checked-in fuzzing corpus (`fuzz/corpus/<target>/`) through
//! the targets' properties, on the stable toolchain (CI runs it):
//! `cargo test --manifest-path fuzz/Cargo.toml --no-default-features`.

use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(target);
    let mut n = 0;
    if let Ok(entries) = std::fs::read_dir(&dir) {
        let mut paths: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
        paths.sort();
        for p in paths {
            let data = std::fs::read(&p).unwrap();
            let result = std::panic::catch_unwind(|| check(&data));
            assert!(result.is_ok(), "{target}: {} fails", p.display());
            n += 1;
        }
    }
    assert!(n > 0, "no corpus for {target} in {}", dir.display());
}

#[test]
fn text() {
    replay("text", dejunk_fuzz::text);
}

#[test]
fn html() {
    replay("html", dejunk_fuzz::html);
}

#[test]
fn html_soup() {
    replay("html_soup", dejunk_fuzz::html_soup);
}

/// The differential target on its own corpus, the `html` corpus (real
/// pages) and the `html_soup` one.
#[test]
fn html_tree() {
    replay("html_tree", dejunk_fuzz::html_tree);
    replay("html", dejunk_fuzz::html_tree);
    replay("html_soup", dejunk_fuzz::html_tree);
}

#[test]
fn model() {
    replay("model", dejunk_fuzz::model);
}

#[test]
fn memory() {
    replay("memory", dejunk_fuzz::memory);
}

#[test]
fn jsonl() {
    replay("jsonl", dejunk_fuzz::jsonl);
}

#[test]
fn warc() {
    replay("warc", dejunk_fuzz::warc);
}

#[test]
fn warc_records() {
    replay("warc_records", dejunk_fuzz::warc_records);
}
