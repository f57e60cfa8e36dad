//! Throughput of `clean` on the seed pages and on a sample of corpus pages,
//! beside a naive baseline (a per-pattern `str::contains` loop over lines),
//! and of `clean_html` on the same corpus pages' HTML (group `html`: the
//! time per page is the criterion time divided by 40); with the feature
//! `scraper`, also of `Page::document` on those pages parsed by scraper,
//! with the parse and without.
//!
//! `cargo bench --bench clean`. The corpus sample (the first 40 scrapinghub
//! pages of `../shared/corpus/dev.jsonl.gz`) is read at run time and
//! skipped when the corpus is absent; it is not bundled.

use std::hint::black_box;
use std::io::{BufRead, BufReader};
use std::path::Path;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

fn seeds() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/seeds");
    let mut v: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let p = e.ok()?.path();
            (p.extension()? == "txt").then(|| {
                let name = p.file_stem().unwrap().to_string_lossy()[..3].to_string();
                (name, std::fs::read_to_string(&p).unwrap())
            })
        })
        .collect();
    v.sort();
    v
}

fn corpus_sample(n: usize, field: &str) -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev.jsonl.gz");
    let file = std::fs::File::open(path).ok()?;
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    let mut pages = Vec::new();
    for line in reader.lines() {
        let doc: serde_json::Value = serde_json::from_str(&line.ok()?).ok()?;
        if doc["dataset"] == "scrapinghub" {
            pages.push(doc[field].as_str()?.to_string());
            if pages.len() == n {
                break;
            }
        }
    }
    // One string with a separator the pages never contain, split again in
    // the bench loop, so the sample is a list of pages.
    Some(pages.join("\u{0}PAGE\u{0}"))
}

/// The naive baseline: drop every line containing one of a few junk words.
fn naive(text: &str) -> String {
    const JUNK: [&str; 8] = [
        "cookie",
        "subscribe",
        "sign up",
        "share",
        "comments",
        "related",
        "copyright",
        "login",
    ];
    let mut out = String::new();
    for line in text.lines() {
        let l = line.trim().to_lowercase();
        if !l.is_empty() && !JUNK.iter().any(|j| l.contains(j)) {
            out.push_str(line.trim());
            out.push('\n');
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let cleaner = dejunk::Cleaner::new();
    cleaner.clean("warm up the model");
    let mut g = c.benchmark_group("text");
    for (name, text) in seeds() {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("clean", &name), &text, |b, t| {
            b.iter(|| cleaner.clean(black_box(t)))
        });
        g.bench_with_input(BenchmarkId::new("baseline", &name), &text, |b, t| {
            b.iter(|| naive(black_box(t)))
        });
    }
    if let Some(sample) = corpus_sample(40, "text") {
        let pages: Vec<&str> = sample.split("\u{0}PAGE\u{0}").collect();
        g.throughput(Throughput::Bytes(
            pages.iter().map(|p| p.len() as u64).sum(),
        ));
        g.bench_function(BenchmarkId::new("clean", "scrapinghub-40"), |b| {
            b.iter(|| {
                for p in &pages {
                    black_box(cleaner.clean(black_box(*p)));
                }
            })
        });
        g.bench_function(BenchmarkId::new("baseline", "scrapinghub-40"), |b| {
            b.iter(|| {
                for p in &pages {
                    black_box(naive(black_box(p)));
                }
            })
        });
    }
    g.finish();
    if let Some(sample) = corpus_sample(40, "html") {
        let pages: Vec<&str> = sample.split("\u{0}PAGE\u{0}").collect();
        let mut g = c.benchmark_group("html");
        g.throughput(Throughput::Bytes(
            pages.iter().map(|p| p.len() as u64).sum(),
        ));
        cleaner.clean(dejunk::Page::html("<p>warm up the model</p>"));
        g.bench_function(BenchmarkId::new("clean_html", "scrapinghub-40"), |b| {
            b.iter(|| {
                for p in &pages {
                    black_box(cleaner.clean(dejunk::Page::html(black_box(p))));
                }
            })
        });
        // A parsed page (feature `scraper`): html5ever's parse and the
        // walk, and the walk alone (the pages parsed beforehand).
        #[cfg(feature = "scraper")]
        {
            use dejunk::scraper::Html;
            g.bench_function(BenchmarkId::new("parse+document", "scrapinghub-40"), |b| {
                b.iter(|| {
                    for p in &pages {
                        let parsed = Html::parse_document(black_box(p));
                        black_box(cleaner.clean(dejunk::Page::document(&parsed)));
                    }
                })
            });
            let parsed: Vec<Html> = pages.iter().map(|p| Html::parse_document(p)).collect();
            g.bench_function(BenchmarkId::new("document", "scrapinghub-40"), |b| {
                b.iter(|| {
                    for p in &parsed {
                        black_box(cleaner.clean(dejunk::Page::document(black_box(p))));
                    }
                })
            });
        }
        g.finish();
    }
    c.bench_function("model/build", |b| {
        let bytes = dejunk::Model::builtin().to_bytes();
        b.iter(|| dejunk::Model::from_bytes(black_box(&bytes)).unwrap())
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
