//! Reading the labelled corpus (`dev.jsonl.gz`, see its README) and the
//! train/validation split.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use flate2::read::GzDecoder;
use serde::Deserialize;

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

/// Which part of the corpus a document belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Train,
    Validation,
}

/// The split rule: a `cleaneval` or `dragnet` document is in the validation
/// part when the FNV-1a 64-bit hash of its id is divisible by 5 (about 20 %),
/// else in the training part. `scrapinghub` documents (the test set) are in
/// neither and are never read into memory by the trainer.
pub fn part(doc_id: &str, dataset: &str) -> Option<Part> {
    if dataset != "cleaneval" && dataset != "dragnet" {
        return None;
    }
    if fnv64(doc_id.as_bytes()).is_multiple_of(5) {
        Some(Part::Validation)
    } else {
        Some(Part::Train)
    }
}

/// The FNV-1a 64-bit offset basis.
pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a 64 of `bytes`.
pub fn fnv64(bytes: &[u8]) -> u64 {
    fnv64_extend(FNV_OFFSET, bytes)
}

/// Continues an FNV-1a 64 hash `h` over `bytes`.
pub fn fnv64_extend(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
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
