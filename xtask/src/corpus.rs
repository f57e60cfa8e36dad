//! Reading the labelled corpus (`dev.jsonl.gz`, see its README), split by
//! [`part`].

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use flate2::read::GzDecoder;
use serde::Deserialize;

pub use crate::split::{FNV_OFFSET, Part, fnv64, fnv64_extend, part};

/// One labelled page.
#[derive(Debug, Deserialize)]
pub struct Doc {
    pub id: String,
    pub dataset: String,
    pub text: String,
    pub line_labels: Vec<u8>,
    /// The page's HTML (read for `--input html` only).
    #[serde(default)]
    pub html: String,
    /// The gold main content (read for `--input html` only).
    #[serde(default)]
    pub gold: String,
}

#[derive(Deserialize)]
struct Head {
    dataset: String,
}

/// Reads the training and validation documents, in corpus order; their
/// `html` and `gold` only when `with_html`.
pub fn load(path: &Path, with_html: bool) -> Result<Vec<(Part, Doc)>, String> {
    let file = File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let reader = BufReader::with_capacity(1 << 20, GzDecoder::new(file));
    let mut out = Vec::new();
    for (n, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| format!("{}: record {}: {e}", path.display(), n + 1))?;
        // Skip test-set records before parsing their bodies.
        let head: Head = serde_json::from_str(&line)
            .map_err(|e| format!("{}: record {}: {e}", path.display(), n + 1))?;
        if head.dataset == "scrapinghub" {
            continue;
        }
        let mut doc: Doc = serde_json::from_str(&line)
            .map_err(|e| format!("{}: record {}: {e}", path.display(), n + 1))?;
        if !with_html {
            doc.html = String::new();
            doc.gold = String::new();
        }
        if let Some(p) = part(&doc.id, &doc.dataset) {
            out.push((p, doc));
        }
    }
    Ok(out)
}
