//! Reading the labelled corpora (`dev.jsonl.gz`, `modern.jsonl.gz`, see
//! their README), split by [`Split`].

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;

use flate2::read::GzDecoder;
use serde::Deserialize;

pub use crate::split::{FNV_OFFSET, Meta, Part, Split, fnv64, fnv64_extend};

/// One labelled page.
#[derive(Debug, Deserialize)]
pub struct Doc {
    pub id: String,
    pub dataset: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub lang: Option<String>,
    #[serde(default)]
    pub page_type: Option<String>,
    pub text: String,
    pub line_labels: Vec<u8>,
    /// The page's HTML (read for `--input html` only).
    #[serde(default)]
    pub html: String,
    /// The page's headline, from its HTML (see [`crate::headline`]).
    #[serde(skip)]
    pub headline: Option<String>,
    /// The gold main content (read for `--input html` only).
    #[serde(default)]
    pub gold: String,
}

impl Doc {
    pub fn meta(&self) -> Meta {
        Meta {
            id: self.id.clone(),
            dataset: self.dataset.clone(),
            url: self.url.clone(),
            page_type: self.page_type.clone(),
            lang: self.lang.clone(),
        }
    }
}

#[derive(Deserialize)]
struct Head {
    dataset: String,
}

/// Reads the training and validation documents of the corpora at `paths`,
/// in corpus order; their `html` and `gold` only when `with_html` (the
/// headline is read from the HTML either way). The
/// test set (`scrapinghub`) is skipped before its records are parsed.
pub fn load(paths: &[PathBuf], with_html: bool) -> Result<Vec<(Part, Doc)>, String> {
    let mut docs = Vec::new();
    for path in paths {
        let file = File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let reader = BufReader::with_capacity(1 << 20, GzDecoder::new(file));
        for (n, line) in reader.lines().enumerate() {
            let at =
                |e: &dyn std::fmt::Display| format!("{}: record {}: {e}", path.display(), n + 1);
            let line = line.map_err(|e| at(&e))?;
            let head: Head = serde_json::from_str(&line).map_err(|e| at(&e))?;
            if head.dataset == "scrapinghub" {
                continue;
            }
            let mut doc: Doc = serde_json::from_str(&line).map_err(|e| at(&e))?;
            doc.headline = crate::headline::of(&doc.html);
            if !with_html {
                doc.html = String::new();
                doc.gold = String::new();
            }
            docs.push(doc);
        }
    }
    let metas: Vec<Meta> = docs.iter().map(Doc::meta).collect();
    let split = Split::new(&metas);
    Ok(docs
        .into_iter()
        .zip(&metas)
        .filter_map(|(d, m)| split.part(m).map(|p| (p, d)))
        .collect())
}
