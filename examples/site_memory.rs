//! Measures the site memory on a synthetic crawl built from corpus pages
//! (see `examples/common/synth.rs`): body-line recall and junk-line leakage
//! of the default cleaner without memory, with a two-pass memory (observe
//! every page, then clean) and with an online one (observe, then clean,
//! page by page).
//!
//! ```text
//! cargo run --release --example site_memory -- [CORPUS.jsonl.gz] [--sites N] [--pages N]
//! ```
//!
//! Defaults: `../shared/corpus/dev.jsonl.gz`, 10 sites, 1,000 pages.

use std::process::ExitCode;

use dejunk::{Cleaner, SiteMemory};

#[path = "common/synth.rs"]
mod synth;

use synth::{Score, kept_lines};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("site_memory: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let mut path = "../shared/corpus/dev.jsonl.gz".to_string();
    let (mut sites, mut pages) = (10usize, 1000usize);
    while let Some(a) = args.next() {
        let mut number = |name: &str| -> Result<usize, String> {
            args.next()
                .and_then(|v| v.parse().ok())
                .filter(|&n| n > 0)
                .ok_or(format!("{name} needs a positive number"))
        };
        match a.as_str() {
            "--sites" => sites = number("--sites")?,
            "--pages" => pages = number("--pages")?,
            _ => path = a,
        }
    }
    let docs = synth::load_docs(&path)?;
    let crawl = synth::build(&docs, sites, pages);
    if crawl.len() < pages {
        return Err(format!("the corpus gave only {} pages", crawl.len()));
    }
    let cleaner = Cleaner::new();

    let mut alone = Score::default();
    for p in &crawl {
        alone.add(p, &kept_lines(p, &cleaner.analyze(&p.text)));
    }

    let memory = SiteMemory::new();
    for p in &crawl {
        memory.observe(&p.site, &p.text);
    }
    let mut two_pass = Score::default();
    for p in &crawl {
        let a = cleaner.analyze(dejunk::Page::text(&p.text).site(&memory, &p.site));
        two_pass.add(p, &kept_lines(p, &a));
    }

    let memory = SiteMemory::new();
    let mut online = Score::default();
    for p in &crawl {
        memory.observe(&p.site, &p.text);
        let a = cleaner.analyze(dejunk::Page::text(&p.text).site(&memory, &p.site));
        online.add(p, &kept_lines(p, &a));
    }

    println!(
        "{} pages of {sites} sites: {} body lines, {} junk lines",
        crawl.len(),
        alone.body,
        alone.junk
    );
    println!("{:<22} {:>8} {:>8}", "", "recall", "leakage");
    for (name, s) in [
        ("no memory", alone),
        ("memory, two passes", two_pass),
        ("memory, online", online),
    ] {
        println!("{name:<22} {:>8.4} {:>8.4}", s.recall(), s.leakage());
    }
    Ok(())
}
