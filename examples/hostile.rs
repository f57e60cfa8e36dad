//! Hostile inputs, written to a folder and timed: the cases of the
//! untrusted-input issue, each beside a control of the same size and shape.
//!
//! ```text
//! cargo run --release --features _internal --example hostile -- DIR
//! ```
//!
//! Writes into DIR, then prints the best of 3 cleaning times (one core) of
//! each file with its control:
//! - `stray-*.html`: `<div></span>` (and kin) 100,000 times, stray end tags
//!   that once evaded the nesting guard (32–50 s);
//! - `omitted-*.html`: 260 `<option>` or `<li>` without their end tags,
//!   which once tripped the guard and flattened the page after them;
//! - `flood.txt`: 262,144 one-word lines crafted so that the unseeded
//!   in-page hash table of repeats put them in 1,024 neighbouring slots
//!   (18.8 s before the seed), and `flood-control.txt`, random words;
//! - `short-lines.txt`: `a\n` two million times (2.2 GB of memory once):
//!   its peak memory is measured with `/usr/bin/time -f %M` around
//!   `examples/clean` (see BENCHMARKS.md);
//! - `meta-*.html`, read with their metadata (`Cleaner::extract`): 10,000
//!   `<meta>` tags, a 10 MB JSON-LD block, a byline element holding
//!   100,000 nested elements, 100,000 links to an author's page, each
//!   beside `meta-control.html`, an article of the same size in `<p>`s.

use std::path::Path;
use std::time::Instant;

use dejunk::Cleaner;
use dejunk::internal::{hash_bytes, mix};

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn word(&mut self) -> String {
        (0..6)
            .map(|_| (b'a' + (self.next() % 26) as u8) as char)
            .collect()
    }
}

/// Lines whose normalised text (` word `) lands in the first 1,024 slots
/// of the pre-seed table for `n` lines: `mix(hash_bytes(norm)) & mask`.
fn flood(n: usize, rng: &mut Rng) -> String {
    let mask = (2 * n).next_power_of_two().max(16) - 1;
    let mut seen = std::collections::HashSet::new();
    let mut out = String::new();
    while seen.len() < n {
        let w = rng.word();
        let norm = format!(" {w} ");
        if (mix(hash_bytes(norm.as_bytes())) as usize & mask) < 1024 && seen.insert(w.clone()) {
            out.push_str(&w);
            out.push('\n');
        }
    }
    out
}

fn control(n: usize, rng: &mut Rng) -> String {
    (0..n).map(|_| rng.word() + "\n").collect()
}

fn best_of_3(f: impl Fn() -> usize) -> (f64, usize) {
    let mut best = f64::MAX;
    let mut len = 0;
    for _ in 0..3 {
        let t = Instant::now();
        len = f();
        best = best.min(t.elapsed().as_secs_f64());
    }
    (best, len)
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/hostile".to_string());
    let dir = Path::new(&dir);
    std::fs::create_dir_all(dir).expect("output folder");
    let article = "<p>The city council voted on Tuesday to keep the central library open, after months of debate over its budget.</p>";
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let metas = "<meta name=\"keywords\" content=\"library, council\">".repeat(10_000);
    let json_ld = format!(
        "<script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"x\":\"{}\"}}</script>",
        "x".repeat(10 << 20)
    );
    let files: Vec<(&str, String, bool)> = vec![
        (
            "stray-div-span.html",
            format!("<body>{}{article}", "<div></span>".repeat(100_000)),
            true,
        ),
        (
            "stray-div-i.html",
            format!("<body>{}{article}", "<div></i>x ".repeat(100_000)),
            true,
        ),
        (
            "stray-span-p.html",
            format!("<body>{}{article}", "<span></p>".repeat(40_000)),
            true,
        ),
        (
            "stray-control.html",
            format!("<body>{}{article}", "<div></div>".repeat(100_000)),
            true,
        ),
        (
            "omitted-option.html",
            format!(
                "<body><select>{}</select>{article}",
                "<option>o".repeat(260)
            ),
            true,
        ),
        (
            "omitted-li.html",
            format!("<body><ul>{}</ul>{article}", "<li>Item".repeat(260)),
            true,
        ),
        ("flood.txt", flood(262_144, &mut rng), false),
        ("flood-control.txt", control(262_144, &mut rng), false),
        ("short-lines.txt", "a\n".repeat(2_000_000), false),
        (
            "meta-tags.html",
            format!("<head>{metas}</head><body>{article}"),
            true,
        ),
        (
            "meta-json-ld.html",
            format!("<head>{json_ld}</head><body>{article}"),
            true,
        ),
        (
            "meta-byline.html",
            format!(
                "<body><div class=\"byline\">{}{article}",
                "<div>".repeat(100_000)
            ),
            true,
        ),
        (
            "meta-author-links.html",
            format!(
                "<body>{}{article}",
                "<a href=\"/author/x\">Anna Fink</a>".repeat(100_000)
            ),
            true,
        ),
        (
            "meta-control.html",
            format!("<body>{}", article.repeat(80_000)),
            true,
        ),
    ];
    let cleaner = Cleaner::new();
    println!("file\tbytes\tseconds (best of 3)\toutput lines");
    for (name, content, html) in &files {
        std::fs::write(dir.join(name), content).expect("write");
        let (s, lines) = best_of_3(|| {
            let out = if name.starts_with("meta-") {
                let e = cleaner.extract(dejunk::Page::html(content));
                std::hint::black_box(e.metadata());
                e.text().to_string()
            } else if *html {
                cleaner.clean(dejunk::Page::html(content))
            } else {
                cleaner.clean(content)
            };
            out.lines().count()
        });
        println!("{name}\t{}\t{s:.3}\t{lines}", content.len());
    }
}
