//! What reading a page's metadata costs: the corpus's pages cleaned with
//! `Cleaner::clean`, with `Cleaner::extract` without metadata
//! (`CleanerBuilder::metadata(false)`) and with it, in turns.
//!
//! ```text
//! cargo run --release --features _internal --example metadata_cost -- \
//!     CORPUS.jsonl[.gz] [--input text|html] [--turns N] [--convert]
//! ```
//!
//! Reads the `html` (or `text`) of every document of a corpus in the format
//! of `shared/corpus` into memory, then runs the three variants over all
//! pages, one after the other, N times (default 5), on one thread, and
//! prints each turn's seconds and each variant's median and MB/s. The cost
//! of the metadata is extract with it over extract without it (the same
//! cleaning, title and Markdown). `--convert` times, instead, the HTML
//! conversion alone without and with the reading of the markup's facts
//! in its pass (the best of N turns each).

use std::io::{BufRead, BufReader};
use std::time::Instant;

use dejunk::{Cleaner, Page};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: metadata_cost CORPUS [--input text|html] [--turns N]");
    let mut field = "html".to_string();
    let mut turns = 5;
    let mut convert = false;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--input" => field = args.next().expect("--input text|html"),
            "--convert" => convert = true,
            "--turns" => turns = args.next().and_then(|n| n.parse().ok()).expect("--turns N"),
            _ => panic!("unknown argument {a}"),
        }
    }
    let file = std::fs::File::open(&path).expect("the corpus");
    let reader: Box<dyn std::io::Read> = if path.ends_with(".gz") {
        Box::new(flate2::read::MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let pages: Vec<String> = BufReader::new(reader)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(&l.expect("a line")).expect("JSON");
            v[field.as_str()].as_str().unwrap_or_default().to_string()
        })
        .collect();
    let bytes: usize = pages.iter().map(String::len).sum();
    let html = field == "html";
    fn page(p: &str, html: bool) -> Page<'_> {
        match html {
            true => Page::html(p),
            false => Page::text(p),
        }
    }
    let with = Cleaner::new();
    let without = Cleaner::builder()
        .metadata(false)
        .build()
        .expect("a cleaner");
    let mut seconds: [Vec<f64>; 3] = Default::default();
    let mut sink = 0usize;
    if convert {
        let mut best = [f64::MAX; 2];
        for _ in 0..turns {
            for (k, b) in best.iter_mut().enumerate() {
                let t = Instant::now();
                let n: usize = pages
                    .iter()
                    .map(|p| dejunk::internal::convert_html(p, k == 1))
                    .sum();
                *b = b.min(t.elapsed().as_secs_f64());
                std::hint::black_box(n);
            }
        }
        println!(
            "convert best {:.3} s, reading best {:.3} s",
            best[0], best[1]
        );
        return;
    }
    for turn in 0..turns {
        let t = Instant::now();
        sink += pages
            .iter()
            .map(|p| with.clean(page(p, html)).len())
            .sum::<usize>();
        seconds[0].push(t.elapsed().as_secs_f64());
        let t = Instant::now();
        sink += pages
            .iter()
            .map(|p| without.extract(page(p, html)).text().len())
            .sum::<usize>();
        seconds[1].push(t.elapsed().as_secs_f64());
        let t = Instant::now();
        sink += pages
            .iter()
            .map(|p| with.extract(page(p, html)).metadata().authors().len())
            .sum::<usize>();
        seconds[2].push(t.elapsed().as_secs_f64());
        println!(
            "turn {turn}: clean {:.2} s, extract without metadata {:.2} s, with {:.2} s",
            seconds[0][turn], seconds[1][turn], seconds[2][turn]
        );
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let names = ["clean", "extract, no metadata", "extract, metadata"];
    let mut medians = [0.0; 3];
    for (i, s) in seconds.iter_mut().enumerate() {
        medians[i] = median(s);
        println!(
            "{:<22} median {:.3} s (best {:.3} s), {:.1} MB/s",
            names[i],
            medians[i],
            s[0],
            bytes as f64 / 1e6 / medians[i]
        );
    }
    println!(
        "{} pages, {:.1} MB; metadata adds {:+.1} % to extract, extract with metadata is {:+.1} % over clean (checksum {sink})",
        pages.len(),
        bytes as f64 / 1e6,
        (medians[2] / medians[1] - 1.0) * 100.0,
        (medians[2] / medians[0] - 1.0) * 100.0
    );
}
