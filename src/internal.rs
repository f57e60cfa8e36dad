//! The featuriser, for the trainer in `xtask/`. Not public API: nothing here
//! is semver-stable.

pub use crate::feature::{CONTEXT, LOCAL, N_CONTEXT, N_LOCAL, N_TITLE, TITLE};

/// The unseeded byte hash, for `examples/hostile.rs` to craft the lines
/// that flooded the in-page tables before they were seeded.
pub fn hash_bytes(b: &[u8]) -> u64 {
    crate::hash::hash_bytes(b)
}

/// The mixer the in-page tables placed keys with before they were seeded.
pub fn mix(x: u64) -> u64 {
    crate::hash::mix(x)
}
pub use crate::model::{ModelParts, Tree, tree_input_name};

use crate::Model;
use crate::score::Scored;

/// The features of one page, as the cleaner computes them.
#[derive(Debug)]
pub struct PageFeatures {
    /// Per block: its 0-based line number in the input.
    pub lines: Vec<usize>,
    /// Per block: its normalised text (with padding spaces).
    pub norms: Vec<String>,
    /// Per block: its word count.
    pub words: Vec<u32>,
    /// Per block: the local feature vector, in [`LOCAL`] order.
    pub local: Vec<[f32; N_LOCAL]>,
    /// Per block: the model's phrase ids it contains.
    pub phrases: Vec<Vec<u32>>,
    /// Per block: the context feature vector, in [`CONTEXT`] order, from
    /// the model's local scores.
    pub context: Vec<[f32; N_CONTEXT]>,
    /// Per block: the model's local score (logit).
    pub z1: Vec<f32>,
    /// Per block: the model's final score (logit), linear context score
    /// plus trees.
    pub z2: Vec<f32>,
}

/// Featurises `text` with `model` (its phrases and function words, and its
/// local weights for the context features).
pub fn features(text: &str, model: &Model) -> PageFeatures {
    of_page(Scored::new(text, model, None))
}

/// Featurises an HTML document: converts it to lines with DOM features and
/// featurises those. Returns the converted text too.
#[cfg(feature = "html")]
pub fn features_html(html: &str, model: &Model) -> (String, PageFeatures) {
    let conv = crate::html::convert(html);
    let f = of_page(Scored::new(&conv.text, model, Some(&conv.dom)));
    (conv.text, f)
}

/// The candidates for a page's title, as the default cleaner weighs them
/// with `model`: each block's text and its title features (in [`TITLE`]
/// order). `html`: the page is an HTML document.
pub fn title_candidates(page: &str, html: bool, model: &Model) -> Vec<(String, [f32; N_TITLE])> {
    #[cfg(feature = "html")]
    if html {
        let conv = crate::html::convert(page);
        return candidates_of(Scored::new(&conv.text, model, Some(&conv.dom)));
    }
    let _ = html;
    candidates_of(Scored::new(page, model, None))
}

fn candidates_of(scored: Scored<'_>) -> Vec<(String, [f32; N_TITLE])> {
    let rules = crate::decide::Rules {
        threshold: crate::Cleaner::DEFAULT_THRESHOLD,
        title: true,
        comments: false,
        dedup: true,
        junk: None,
        keep: None,
    };
    crate::decide::title_candidates(&rules, &scored)
        .into_iter()
        .map(|(i, row)| (scored.block_text(i).to_string(), row.0))
        .collect()
}

fn of_page(page: Scored<'_>) -> PageFeatures {
    let n = page.len();
    PageFeatures {
        lines: page.seg.blocks.iter().map(|b| b.line).collect(),
        norms: (0..n).map(|i| page.seg.norm_of(i).to_string()).collect(),
        words: page.stats.iter().map(|s| s.words).collect(),
        phrases: (0..n).map(|i| page.hits.of(i).to_vec()).collect(),
        local: page.local.iter().map(|r| r.0).collect(),
        context: page.context.iter().map(|r| r.0).collect(),
        z1: page.z1,
        z2: page.z2,
    }
}

/// Builds a model from its parts, without checking its digest (the
/// trainer's models before [`ModelParts::seal`]).
pub fn model(parts: ModelParts) -> Result<Model, crate::Error> {
    Model::from_parts(parts)
}

/// Normalises a text as the matcher sees it.
pub fn normalize(s: &str) -> String {
    crate::segment::normalize(s)
}

/// Converts an HTML page, reading its metadata's facts in the same pass
/// when `reading` (for measuring what the reading costs): the length of
/// the converted text.
#[cfg(feature = "html")]
pub fn convert_html(html: &str, reading: bool) -> usize {
    match reading {
        true => crate::html::convert_reading(html).0.text.len(),
        false => crate::html::convert(html).text.len(),
    }
}
