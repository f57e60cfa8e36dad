//! Evaluates the default cleaner on a labelled corpus.
//!
//! ```text
//! cargo run --release --example eval -- CORPUS.jsonl[.gz] [--input text|html] \
//!     [--out OUTPUTS.jsonl] [--dataset NAME] [--validation] [--threshold T] [--baseline all|c4]
//! ```
//!
//! Reads a corpus in the format of `shared/corpus` (one JSON document a
//! line with `id`, `dataset`, `text`, `html`, `gold`), cleans each
//! document's `text` (or, with `--input html`, its `html` with
//! `Cleaner::clean_html`) with the default `Cleaner`, optionally writes one
//! `{"id","output","seconds"}` line per document (in corpus order;
//! `seconds` is the time of the clean call alone), and prints per dataset
//! and pooled: precision, recall, F1, the share of documents with
//! F1 >= 0.9, and MB/s (input bytes / summed seconds).
//!
//! The metric: tokens are the lowercased `\w+` runs of the output and of
//! `gold`; per document, overlap = size of the multiset intersection,
//! P = overlap / output tokens, R = overlap / gold tokens, F1 = 2PR/(P+R).
//! An empty output scores F1 = 0 and is left out of the P mean. Means are
//! over documents.
//!
//! `--threshold T` sets the cleaner's threshold (default 0.5).
//! `--validation` keeps, of the cleaneval and dragnet documents, only the
//! validation part the trainer held back (scrapinghub documents, the test
//! set, are always kept). `--baseline all` scores the whole `text` instead of the cleaner's
//! output, `--baseline c4` the C4 line rules (line filters only).

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Write};
use std::process::ExitCode;
use std::time::Instant;

/// The trainer's split rule, from the trainer's own file.
#[path = "../xtask/src/split.rs"]
#[allow(dead_code)]
mod split;

#[derive(Default)]
struct Sums {
    docs: usize,
    p: f64,
    p_docs: usize,
    r: f64,
    f1: f64,
    good: usize,
    bytes: usize,
    seconds: f64,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("eval: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (mut path, mut out_path, mut dataset, mut baseline) = (None, None, None, None);
    let mut validation = false;
    let mut threshold = None;
    let mut html = false;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--input" => match args.next().as_deref() {
                Some("text") => html = false,
                Some("html") => html = true,
                Some(other) => return Err(format!("--input {other}: expected `text` or `html`")),
                None => return Err("--input needs a value".into()),
            },
            "--out" => out_path = Some(args.next().ok_or("--out needs a path")?),
            "--dataset" => dataset = Some(args.next().ok_or("--dataset needs a name")?),
            "--baseline" => baseline = Some(args.next().ok_or("--baseline needs all|c4")?),
            "--validation" => validation = true,
            "--threshold" => {
                let t = args.next().and_then(|t| t.parse::<f32>().ok());
                threshold = Some(t.ok_or("--threshold needs a number in 0..=1")?);
            }
            _ if path.is_none() => path = Some(a),
            _ => return Err(format!("unexpected argument {a:?}")),
        }
    }
    let path = path.ok_or(
        "usage: eval CORPUS.jsonl[.gz] [--input text|html] [--out OUT.jsonl] [--dataset NAME] [--validation] [--threshold T] [--baseline all|c4]",
    )?;
    let file = std::fs::File::open(&path).map_err(|e| format!("{path}: {e}"))?;
    let reader: Box<dyn BufRead> = if path.ends_with(".gz") {
        Box::new(BufReader::new(flate2::read::GzDecoder::new(file)))
    } else {
        Box::new(BufReader::new(file))
    };
    let mut out = match &out_path {
        Some(p) => Some(std::io::BufWriter::new(
            std::fs::File::create(p).map_err(|e| format!("{p}: {e}"))?,
        )),
        None => None,
    };
    let mut builder = dejunk::Cleaner::builder();
    if let Some(t) = threshold {
        builder.threshold(t);
    }
    let cleaner = builder.build().map_err(|e| e.to_string())?;
    // Build the model's automaton once, outside the timed calls.
    cleaner.clean("warm up");
    cleaner.clean_html("<p>warm up</p>");
    let mut sums: BTreeMap<String, Sums> = BTreeMap::new();
    for (n, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| format!("{path}: record {}: {e}", n + 1))?;
        let doc: serde_json::Value =
            serde_json::from_str(&line).map_err(|e| format!("{path}: record {}: {e}", n + 1))?;
        let ds = doc["dataset"].as_str().unwrap_or("").to_string();
        if dataset.as_deref().is_some_and(|d| d != ds) {
            continue;
        }
        let id = doc["id"].as_str().unwrap_or("");
        if validation
            && ds != "scrapinghub"
            && split::part(id, &ds) != Some(split::Part::Validation)
        {
            continue;
        }
        let text = doc[if html { "html" } else { "text" }]
            .as_str()
            .unwrap_or("");
        let gold = doc["gold"].as_str().unwrap_or("");
        let t = Instant::now();
        let output = match baseline.as_deref() {
            None if html => cleaner.clean_html(text),
            None => cleaner.clean(text),
            Some("all") => text.to_string(),
            Some("c4") => c4_lines(text),
            Some(other) => return Err(format!("unknown baseline {other:?}")),
        };
        let seconds = t.elapsed().as_secs_f64();
        if let Some(w) = out.as_mut() {
            let rec = serde_json::json!({"id": doc["id"], "output": output, "seconds": seconds});
            writeln!(w, "{rec}").map_err(|e| e.to_string())?;
        }
        let (p, r, f1) = score(&output, gold);
        for key in [ds.clone(), "pooled".to_string()] {
            let s = sums.entry(key).or_default();
            s.docs += 1;
            if let Some(p) = p {
                s.p += p;
                s.p_docs += 1;
            }
            s.r += r;
            s.f1 += f1;
            s.good += (f1 >= 0.9) as usize;
            s.bytes += text.len();
            s.seconds += seconds;
        }
    }
    println!("dataset\tdocs\tprecision\trecall\tF1\tshare F1>=0.9\tMB/s");
    for (name, s) in &sums {
        let n = s.docs.max(1) as f64;
        println!(
            "{name}\t{}\t{:.3}\t{:.3}\t{:.3}\t{:.3}\t{:.1}",
            s.docs,
            s.p / s.p_docs.max(1) as f64,
            s.r / n,
            s.f1 / n,
            s.good as f64 / n,
            s.bytes as f64 / 1e6 / s.seconds.max(1e-12)
        );
    }
    Ok(())
}

/// Lowercased `\w+` runs (Unicode word characters).
fn tokens(s: &str) -> HashMap<String, u32> {
    let mut out = HashMap::new();
    for t in s
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
    {
        *out.entry(t.to_lowercase()).or_insert(0) += 1;
    }
    out
}

/// (precision or None for an empty output, recall, F1).
fn score(output: &str, gold: &str) -> (Option<f64>, f64, f64) {
    let (o, g) = (tokens(output), tokens(gold));
    let (no, ng): (u32, u32) = (o.values().sum(), g.values().sum());
    if no == 0 || ng == 0 {
        return (None, 0.0, 0.0);
    }
    let overlap: u32 = o
        .iter()
        .map(|(t, &c)| c.min(g.get(t).copied().unwrap_or(0)))
        .sum();
    let (p, r) = (overlap as f64 / no as f64, overlap as f64 / ng as f64);
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (Some(p), r, f1)
}

/// The C4 line rules (datatrove `C4QualityFilter`, line filters only, no
/// whole-document drops): keep a line that ends in terminal punctuation
/// (not an ellipsis), has at least 3 words, has no word over 1000
/// characters, and mentions neither "javascript" nor a policy phrase.
fn c4_lines(text: &str) -> String {
    const POLICY: [&str; 7] = [
        "terms of use",
        "privacy policy",
        "cookie policy",
        "uses cookies",
        "use of cookies",
        "use cookies",
        "javascript",
    ];
    let mut out = Vec::new();
    for line in text.split('\n') {
        let l = line.trim();
        let words: Vec<&str> = l.split_whitespace().collect();
        let lower = l.to_lowercase();
        let ends = l.ends_with(['.', '?', '!', '"', '\'']) && !l.ends_with("...");
        if ends
            && words.len() >= 3
            && words.iter().all(|w| w.len() <= 1000)
            && !POLICY.iter().any(|p| lower.contains(p))
        {
            out.push(l);
        }
    }
    out.join("\n")
}
