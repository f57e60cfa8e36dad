//! Evaluates the default cleaner on a labelled corpus.
//!
//! ```text
//! cargo run --release --example eval -- CORPUS.jsonl[.gz] [--input text|html|dom|dom-body] \
//!     [--out OUTPUTS.jsonl] [--dataset NAME] [--validation] [--group-by page_type] \
//!     [--threshold T] [--title yes|no] [--baseline all|c4] [--score OUTPUTS.jsonl]
//! ```
//!
//! Reads a corpus in the format of `shared/corpus` (one JSON document a
//! line with `id`, `dataset`, `text`, `html`, `gold`), cleans each
//! document's `text` (or, with `--input html`, its `html` with
//! `Cleaner::clean_html`; with the feature `scraper`, `--input dom` cleans
//! `Page::document` of the HTML parsed by scraper, `--input dom-body`
//! `Page::element` of its `<body>`, the parse outside the timed call) with the default `Cleaner`, optionally writes one
//! `{"id","output","seconds"}` line per document (in corpus order;
//! `seconds` is the time of the clean call alone), and prints per dataset
//! and pooled: precision, recall, F1, the share of documents with
//! F1 >= 0.9, MB/s (input bytes / summed seconds), and the junk kept after
//! the body: the output's tokens after the last one a monotonic alignment
//! with the gold covers (`xtask/src/align.rs`, the corpus's labelling
//! alignment), per 100 gold tokens (summed over the documents).
//!
//! The metric: tokens are the lowercased `\w+` runs of the output and of
//! `gold`; per document, overlap = size of the multiset intersection,
//! P = overlap / output tokens, R = overlap / gold tokens, F1 = 2PR/(P+R).
//! An empty output scores F1 = 0 and is left out of the P mean. Means are
//! over documents.
//!
//! `--threshold T` sets the cleaner's threshold (default 0.5), `--title`
//! whether the output keeps the page's title (default: the cleaner's).
//! `--validation` keeps, of the training corpora, only the validation part
//! the trainer holds back (`xtask/src/split.rs`: by id for cleaneval and
//! dragnet, by site for wcxb and fundus); scrapinghub documents, the test
//! set, are always kept. `--group-by page_type` reports each dataset's page
//! types too (`wcxb/forum`, …). `--baseline all` scores the whole `text`
//! instead of the cleaner's output, `--baseline c4` the C4 line rules (line
//! filters only). `--score FILE` scores another extractor's outputs, read
//! from FILE in the `--out` format, instead of cleaning (a document
//! missing from FILE scores as an empty output; MB/s from its `seconds`).

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Write};
use std::process::ExitCode;
use std::time::Instant;

/// The trainer's split rule, from the trainer's own file.
#[path = "../xtask/src/split.rs"]
#[allow(dead_code)]
mod split;

/// The corpus's monotonic alignment, from the trainer's own file.
#[path = "../xtask/src/align.rs"]
mod align;

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
    /// Output tokens after the last one aligned with the gold.
    tail: u64,
    gold_tokens: u64,
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

/// What the eval cleans: the text, the HTML, or (feature `scraper`) the
/// HTML parsed by scraper, whole or its `<body>` element.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Input {
    Text,
    Html,
    #[cfg(feature = "scraper")]
    Dom,
    #[cfg(feature = "scraper")]
    DomBody,
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (mut path, mut out_path, mut dataset, mut baseline) = (None, None, None, None);
    let mut validation = false;
    let mut group_by_type = false;
    let mut score_path: Option<String> = None;
    let mut threshold = None;
    let mut title = None;
    let mut input = Input::Text;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--input" => match args.next().as_deref() {
                Some("text") => input = Input::Text,
                Some("html") => input = Input::Html,
                #[cfg(feature = "scraper")]
                Some("dom") => input = Input::Dom,
                #[cfg(feature = "scraper")]
                Some("dom-body") => input = Input::DomBody,
                Some(other) => {
                    return Err(format!(
                        "--input {other}: expected `text` or `html` (or, with the feature `scraper`, `dom` or `dom-body`)"
                    ));
                }
                None => return Err("--input needs a value".into()),
            },
            "--out" => out_path = Some(args.next().ok_or("--out needs a path")?),
            "--dataset" => dataset = Some(args.next().ok_or("--dataset needs a name")?),
            "--baseline" => baseline = Some(args.next().ok_or("--baseline needs all|c4")?),
            "--validation" => validation = true,
            "--title" => match args.next().as_deref() {
                Some("yes") => title = Some(true),
                Some("no") => title = Some(false),
                _ => return Err("--title takes `yes` or `no`".into()),
            },
            "--group-by" => match args.next().as_deref() {
                Some("page_type") => group_by_type = true,
                _ => return Err("--group-by takes `page_type`".into()),
            },
            "--score" => score_path = Some(args.next().ok_or("--score needs a path")?),
            "--threshold" => {
                let t = args.next().and_then(|t| t.parse::<f32>().ok());
                threshold = Some(t.ok_or("--threshold needs a number in 0..=1")?);
            }
            _ if path.is_none() => path = Some(a),
            _ => return Err(format!("unexpected argument {a:?}")),
        }
    }
    let path = path.ok_or(
        "usage: eval CORPUS.jsonl[.gz] [--input text|html|dom|dom-body] [--out OUT.jsonl] [--dataset NAME] [--validation] [--group-by page_type] [--threshold T] [--title yes|no] [--baseline all|c4] [--score OUT.jsonl]",
    )?;
    let open = || -> Result<Box<dyn BufRead>, String> {
        let file = std::fs::File::open(&path).map_err(|e| format!("{path}: {e}"))?;
        Ok(if path.ends_with(".gz") {
            Box::new(BufReader::new(flate2::read::GzDecoder::new(file)))
        } else {
            Box::new(BufReader::new(file))
        })
    };
    // The split needs every document's site first: one pass over the
    // corpus for their metadata.
    let split = if validation {
        let mut metas = Vec::new();
        for (n, line) in open()?.lines().enumerate() {
            let line = line.map_err(|e| format!("{path}: record {}: {e}", n + 1))?;
            let doc: serde_json::Value = serde_json::from_str(&line)
                .map_err(|e| format!("{path}: record {}: {e}", n + 1))?;
            metas.push(meta(&doc));
        }
        Some(split::Split::new(&metas))
    } else {
        None
    };
    let scored: Option<HashMap<String, (String, f64)>> = match &score_path {
        Some(p) => Some(read_outputs(p)?),
        None => None,
    };
    let reader = open()?;
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
    if let Some(t) = title {
        builder.title(t);
    }
    // Only a run that cleans builds the cleaner (and loads the models).
    let cleaner = if score_path.is_none() && baseline.is_none() {
        Some(builder.build().map_err(|e| e.to_string())?)
    } else {
        None
    };
    // Build the model's automaton once, outside the timed calls.
    if let Some(c) = &cleaner {
        c.clean("warm up");
        c.clean(dejunk::Page::html("<p>warm up</p>"));
    }
    #[cfg(feature = "scraper")]
    let body = dejunk::scraper::Selector::parse("body").expect("a selector");
    let mut sums: BTreeMap<String, Sums> = BTreeMap::new();
    for (n, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| format!("{path}: record {}: {e}", n + 1))?;
        let doc: serde_json::Value =
            serde_json::from_str(&line).map_err(|e| format!("{path}: record {}: {e}", n + 1))?;
        let ds = doc["dataset"].as_str().unwrap_or("").to_string();
        if dataset.as_deref().is_some_and(|d| d != ds) {
            continue;
        }
        if let Some(split) = &split
            && ds != "scrapinghub"
            && split.part(&meta(&doc)) != Some(split::Part::Validation)
        {
            continue;
        }
        let id = doc["id"].as_str().unwrap_or("");
        let text = doc[if input == Input::Text { "text" } else { "html" }]
            .as_str()
            .unwrap_or("");
        let gold = doc["gold"].as_str().unwrap_or("");
        // A parsed page is parsed outside the timed call.
        #[cfg(feature = "scraper")]
        let parsed = matches!(input, Input::Dom | Input::DomBody)
            .then(|| dejunk::scraper::Html::parse_document(text));
        let t = Instant::now();
        let mut peer_seconds = None;
        let output = match baseline.as_deref() {
            _ if scored.is_some() => {
                let (o, secs) = scored
                    .as_ref()
                    .and_then(|m| m.get(id).cloned())
                    .unwrap_or_default();
                peer_seconds = Some(secs);
                o
            }
            None => match (&cleaner, input) {
                (Some(c), Input::Html) => c.clean(dejunk::Page::html(text)),
                (Some(c), Input::Text) => c.clean(text),
                #[cfg(feature = "scraper")]
                (Some(c), Input::Dom) => {
                    c.clean(dejunk::Page::document(parsed.as_ref().expect("parsed")))
                }
                #[cfg(feature = "scraper")]
                (Some(c), Input::DomBody) => {
                    let parsed = parsed.as_ref().expect("parsed");
                    match parsed.select(&body).next() {
                        Some(b) => c.clean(dejunk::Page::element(b)),
                        None => c.clean(dejunk::Page::document(parsed)),
                    }
                }
                (None, _) => unreachable!("a cleaning run has a cleaner"),
            },
            Some("all") => text.to_string(),
            Some("c4") => c4_lines(text),
            Some(other) => return Err(format!("unknown baseline {other:?}")),
        };
        let seconds = peer_seconds.unwrap_or(t.elapsed().as_secs_f64());
        if let Some(w) = out.as_mut() {
            let rec = serde_json::json!({"id": doc["id"], "output": output, "seconds": seconds});
            writeln!(w, "{rec}").map_err(|e| e.to_string())?;
        }
        let (p, r, f1) = score(&output, gold);
        let (tail, gold_tokens) = tail_junk(&output, gold);
        let mut keys = vec![ds.clone(), "pooled".to_string()];
        if group_by_type && let Some(t) = doc["page_type"].as_str() {
            keys.push(format!("{ds}/{t}"));
        }
        for key in keys {
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
            s.tail += tail;
            s.gold_tokens += gold_tokens;
        }
    }
    println!("dataset\tdocs\tprecision\trecall\tF1\tshare F1>=0.9\tMB/s\ttail/100");
    for (name, s) in &sums {
        let n = s.docs.max(1) as f64;
        println!(
            "{name}\t{}\t{:.3}\t{:.3}\t{:.3}\t{:.3}\t{:.1}\t{:.2}",
            s.docs,
            s.p / s.p_docs.max(1) as f64,
            s.r / n,
            s.f1 / n,
            s.good as f64 / n,
            s.bytes as f64 / 1e6 / s.seconds.max(1e-12),
            100.0 * s.tail as f64 / s.gold_tokens.max(1) as f64
        );
    }
    Ok(())
}

/// What the split reads of a document.
fn meta(doc: &serde_json::Value) -> split::Meta {
    let field = |k: &str| doc[k].as_str().map(str::to_string);
    split::Meta {
        id: field("id").unwrap_or_default(),
        dataset: field("dataset").unwrap_or_default(),
        url: field("url"),
        page_type: field("page_type"),
        lang: field("lang"),
    }
}

/// Another extractor's outputs: `{"id", "output", "seconds"}` lines.
fn read_outputs(path: &str) -> Result<HashMap<String, (String, f64)>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut out = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        let rec: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{path}: line {}: {e}", n + 1))?;
        if let (Some(id), Some(o)) = (rec["id"].as_str(), rec["output"].as_str()) {
            let secs = rec["seconds"].as_f64().unwrap_or(0.0);
            out.insert(id.to_string(), (o.to_string(), secs));
        }
    }
    Ok(out)
}

/// Lowercased `\w+` runs (Unicode word characters), in order.
fn token_seq(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// (output tokens after the last output token that the monotonic
/// alignment with the gold covers, gold tokens): the junk kept after the
/// article's end. An output that aligns with nothing is all tail.
fn tail_junk(output: &str, gold: &str) -> (u64, u64) {
    let (o, g) = (token_seq(output), token_seq(gold));
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let mut oi = Vec::with_capacity(o.len());
    let mut gi = Vec::with_capacity(g.len());
    for (v, out) in [(&o, &mut oi), (&g, &mut gi)] {
        for t in v {
            let n = ids.len() as u32;
            out.push(*ids.entry(t.as_str()).or_insert(n));
        }
    }
    let covered = align::align(&oi, &gi);
    let after = covered.iter().rposition(|&c| c).map_or(0, |i| i + 1);
    ((o.len() - after) as u64, g.len() as u64)
}

/// Lowercased `\w+` runs (Unicode word characters), as a multiset.
fn tokens(s: &str) -> HashMap<String, u32> {
    let mut out = HashMap::new();
    for t in token_seq(s) {
        *out.entry(t).or_insert(0) += 1;
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
