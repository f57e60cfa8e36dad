//! Developer tasks for `dejunk`. Not published.
//!
//! ```text
//! cargo xtask train [--corpus PATH]... [--input text|html] [--check] [--out PATH]
//! cargo xtask promos [--input text|html]
//! ```
//!
//! `train` fits the built-in model from the labelled corpora (default:
//! `../shared/corpus/dev.jsonl.gz` and `modern.jsonl.gz`; `--corpus`,
//! repeated, names others) and writes
//! `model/dejunk.model` and `model/VERSION` (`--input html`: the HTML
//! model, `model/dejunk-html.model` and `model/VERSION-html`); with
//! `--check` it writes nothing and fails when the checked-in files differ
//! from what it would write (run in CI, so the model cannot drift from
//! its source); `--out PATH` writes the model to PATH (and its version to
//! PATH.version) instead of the built-in model's files.
//!
//! `promos` measures what the built-in cleaner keeps of the held-out promo
//! phrasings planted in the validation pages (see `promo.rs`).

mod align;
mod augment;
mod corpus;
mod gbdt;
mod headline;
mod lr;
mod promo;
mod split;
mod train;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    match args.first().map(String::as_str) {
        Some("train") => {
            let mut corpora: Vec<PathBuf> = Vec::new();
            let mut check = false;
            let mut input = train::Input::Text;
            let mut out: Option<PathBuf> = None;
            let mut it = args[1..].iter();
            while let Some(a) = it.next() {
                match a.as_str() {
                    "--check" => check = true,
                    "--out" => match it.next() {
                        Some(p) => out = Some(PathBuf::from(p)),
                        None => return usage("--out needs a path"),
                    },
                    "--input" => match it.next().map(String::as_str) {
                        Some("text") => input = train::Input::Text,
                        Some("html") => input = train::Input::Html,
                        _ => return usage("--input needs `text` or `html`"),
                    },
                    "--corpus" => match it.next() {
                        Some(p) => corpora.push(PathBuf::from(p)),
                        None => return usage("--corpus needs a path"),
                    },
                    other => return usage(&format!("unknown argument `{other}`")),
                }
            }
            if corpora.is_empty() {
                let dir = root.join("../shared/corpus");
                corpora = vec![dir.join("dev.jsonl.gz"), dir.join("modern.jsonl.gz")];
            }
            match train::run(&root, &corpora, check, input, out.as_deref()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("xtask train: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Some("promos") => {
            let html = match args.get(1).map(String::as_str) {
                None => false,
                Some("--input") => match args.get(2).map(String::as_str) {
                    Some("text") => false,
                    Some("html") => true,
                    _ => return usage("--input needs `text` or `html`"),
                },
                Some(other) => return usage(&format!("unknown argument `{other}`")),
            };
            let dir = root.join("../shared/corpus");
            let corpora = [dir.join("dev.jsonl.gz"), dir.join("modern.jsonl.gz")];
            match promo::evaluate(&corpora, &root.join("model/promos.tsv"), html) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("xtask promos: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Some("debug") => {
            // Prints each block's local and final scores under the
            // checked-in model: `cargo xtask debug FILE`.
            let Some(path) = args.get(1) else {
                return usage("debug needs a file");
            };
            let text =
                String::from_utf8_lossy(&std::fs::read(path).unwrap_or_default()).into_owned();
            let model = dejunk::Model::builtin();
            let f = dejunk::internal::features(&text, &model);
            let lines: Vec<&str> = text.split('\n').collect();
            for (b, &l) in f.lines.iter().enumerate() {
                let t: String = lines[l].trim().chars().take(90).collect();
                println!(
                    "{:>3} z1 {:+6.2} ctx {:?} | {t}",
                    l,
                    f.z1[b],
                    &f.context[b][5..8]
                );
            }
            ExitCode::SUCCESS
        }
        _ => usage("expected a task"),
    }
}

fn usage(msg: &str) -> ExitCode {
    eprintln!(
        "xtask: {msg}\nusage: cargo xtask train [--corpus PATH]... [--input text|html] [--check] [--out PATH]"
    );
    ExitCode::from(2)
}
