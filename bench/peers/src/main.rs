//! Writes the outputs of the two Rust crates of the field on a labelled
//! corpus, in the `examples/eval --out` format, for `examples/eval --score`:
//!
//! ```text
//! cargo run --release --manifest-path bench/peers/Cargo.toml -- \
//!     dom_smoothie ../shared/corpus/modern.jsonl.gz target/peers/dom_smoothie-modern.jsonl
//! ```
//!
//! `dom_smoothie` (a Readability port; the article's text content) and
//! `rs-trafilatura` (a trafilatura port; `content_text`), each with its
//! defaults, one page at a time. A page a peer fails on scores as an empty
//! output (counted on stderr).

use std::io::{BufRead, BufReader, Write};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [peer, corpus, out] = args.as_slice() else {
        eprintln!("usage: dejunk-peers dom_smoothie|rs-trafilatura CORPUS.jsonl.gz OUT.jsonl");
        std::process::exit(2);
    };
    let extract: fn(&str, Option<&str>) -> Result<String, String> = match peer.as_str() {
        "dom_smoothie" => |html, url| {
            let mut r = dom_smoothie::Readability::new(html, url, None).map_err(|e| e.to_string())?;
            Ok(r.parse().map_err(|e| e.to_string())?.text_content.to_string())
        },
        "rs-trafilatura" => |html, _| {
            Ok(rs_trafilatura::extract(html).map_err(|e| e.to_string())?.content_text)
        },
        other => {
            eprintln!("unknown peer {other}");
            std::process::exit(2);
        }
    };
    let file = std::fs::File::open(corpus).expect("corpus");
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    let mut w = std::io::BufWriter::new(std::fs::File::create(out).expect("out"));
    let (mut n, mut failed) = (0, 0);
    for line in reader.lines() {
        let doc: serde_json::Value = serde_json::from_str(&line.expect("line")).expect("json");
        if doc["dataset"] == "scrapinghub" {
            continue;
        }
        let html = doc["html"].as_str().unwrap_or("");
        let t = Instant::now();
        // A peer that panics on a page fails that page only.
        let r = std::panic::catch_unwind(|| extract(html, doc["url"].as_str()));
        let seconds = t.elapsed().as_secs_f64();
        let output = match r {
            Ok(Ok(s)) => s,
            _ => {
                failed += 1;
                String::new()
            }
        };
        let rec = serde_json::json!({"id": doc["id"], "output": output, "seconds": seconds});
        writeln!(w, "{rec}").expect("write");
        n += 1;
    }
    eprintln!("{peer}: {n} pages, {failed} failed");
}
