/*!
`dejunk` removes boilerplate from web pages given as raw page text: every
block of the page on its own line, the article mixed with menus, sign-up and
cookie widgets, ads, app promos, author bios, footers, "Read also" lists and
"Related Articles" blocks that repeat the body. [`clean`] returns the main
body content: the kept lines, trimmed, in input order, each paragraph once.

```
let page = "\
Home | News | Sport | Weather

Council keeps the library open

The city council voted on Tuesday to keep the central library open, after months of debate over its budget.

Councillors said the building would be repaired next year, and that opening hours would not change.

The decision was welcomed by residents, who had collected more than 5,000 signatures for the library.

Related Articles
  • Council to vote on library budget
  • Residents rally for the library
Share this article
© 2024 Example News. All rights reserved.";

let body = dejunk::clean(page);
assert!(body.contains("The city council voted on Tuesday"));
assert!(body.contains("Councillors said"));
assert!(!body.contains("Share this article"));
assert!(!body.contains("Residents rally"));
assert!(!body.contains("All rights reserved"));
```

# Overview

- [`clean`] and [`clean_bytes`]: the default cleaner, for one-off use.
- [`Cleaner`]: a reusable, thread-safe cleaner built by a [`CleanerBuilder`]
  (threshold, title, deduplication, the user's own junk and keep patterns,
  a custom [`Model`]). [`Cleaner::analyze`] returns every block with its
  decision, score and [`Reason`]s: why a line was removed.
- [`Model`]: the learned junk model. The built-in one is trained from a
  labelled corpus by `cargo xtask train` (see `model/README.md`); a model
  trained on one's own pages loads with [`Model::from_bytes`].
- `clean_html` and `Cleaner::clean_html` / `Cleaner::analyze_html` (the
  default-on `html` feature): HTML input, parsed with html5ever, turned into
  the same blocks with DOM features added, and scored by its own built-in
  model (`Model::builtin_html`).

# How it works

One pipeline, one module a stage:

1. **Segment**: each non-blank line is a block; its words are normalised
   (lowercase, punctuation removed) into one buffer for the whole page.
2. **Features**: per block, length, punctuation, capitals, digits,
   function-word density, list and table shapes, position, repeats within
   the page, and the learned phrases it contains (one aho-corasick pass over
   the page).
3. **Local score**: a logistic model over those features and phrase weights.
4. **Context score**: a second logistic model plus boosted regression trees
   over the block's local score, its neighbours' scores, whether it lies in
   the page's main body region, the score of the heading that governs its
   section and the last *section switch* (a short "Related articles",
   "Comments", "Sign up" … block) before it. This smooths the decisions
   over the page: a short subheading inside the article stays, a paragraph
   under "Related Articles" goes.
5. **Decide**: keep blocks whose probability reaches the threshold; apply
   the title setting and the user's patterns.
6. **Deduplicate**: drop exact repeats and near-duplicates of kept text
   (see [`CleanerBuilder::dedup`]).

# Example: why was a line removed?

```
let page = "Download our app for the latest news\n\
            The city council voted on Tuesday to keep the central library open, after months of debate.";
for block in dejunk::Cleaner::new().analyze(page).blocks() {
    let reasons: Vec<String> = block.reasons().iter().map(|r| r.to_string()).collect();
    println!("{}\t{:.2}\t{}\t{}", block.is_kept(), block.score(), reasons.join("; "), block.text());
}
```

# Example: the user's own patterns and a stricter threshold

```
let cleaner = dejunk::Cleaner::builder()
    .threshold(0.7)
    .junk_patterns(["advertisement", "promo code"])
    .keep_patterns(["editor's note"])
    .build()?;
let out = cleaner.clean("Advertisement\nThe city council voted on Tuesday to keep the central library open.");
assert_eq!(out, "The city council voted on Tuesday to keep the central library open.");
# Ok::<(), dejunk::Error>(())
```

# Untrusted input

Cleaning never fails and never panics: empty input, binary data, control
characters, one 50 MB line or a million short lines all give an in-order
selection of the input's lines. Time and memory are linear in the input's
size (the pattern automaton is linear; every other stage does a constant
amount of work per byte or per block). Invalid UTF-8 is repaired by
[`clean_bytes`]. Only construction returns errors ([`Error`]).

# Crate features

- `html` (default): `clean_html` and the HTML model, on scraper/html5ever.
- `_internal`: exposes the featuriser to the trainer in `xtask/`. Not part
  of the public API and not semver-stable.
*/

#![forbid(unsafe_code)]
#![deny(missing_docs, rustdoc::broken_intra_doc_links)]
#![warn(missing_debug_implementations)]

mod analysis;
#[cfg(feature = "rayon")]
mod batch;
mod cleaner;
mod dedup;
mod error;
mod feature;
mod hash;
#[cfg(feature = "html")]
mod html;
mod memory;
mod model;
mod score;
mod segment;

pub use crate::analysis::{Analysis, Block, Reason, ReasonKind};
#[cfg(feature = "rayon")]
pub use crate::batch::Batch;
#[cfg(feature = "html")]
pub use crate::cleaner::clean_html;
pub use crate::cleaner::{Cleaner, CleanerBuilder, DEFAULT_THRESHOLD, clean, clean_bytes};
pub use crate::error::{Error, ErrorKind};
pub use crate::memory::{Observation, SiteMemory, SiteMemoryBuilder};
pub use crate::model::Model;

/// The version of the built-in model (see `model/README.md`).
///
/// # Example
///
/// ```
/// assert_eq!(dejunk::Model::builtin().version(), dejunk::MODEL_VERSION);
/// ```
pub const MODEL_VERSION: &str = include_str!("../model/VERSION").trim_ascii();

/// The version of the built-in HTML model (see `model/README.md`).
///
/// # Example
///
/// ```
/// assert_eq!(dejunk::Model::builtin_html().version(), dejunk::HTML_MODEL_VERSION);
/// ```
#[cfg(feature = "html")]
pub const HTML_MODEL_VERSION: &str = include_str!("../model/VERSION-html").trim_ascii();

/// The featuriser, for the trainer in `xtask/`. Not public API.
#[cfg(feature = "_internal")]
pub mod internal {
    pub use crate::feature::{CONTEXT, DOM, LOCAL, N_CONTEXT, N_DOM, N_LOCAL};
    pub use crate::model::{ModelParts, Tree, tree_input_name};

    use crate::Model;
    use crate::score::Page;

    /// The features of one page, as the cleaner computes them.
    #[derive(Debug)]
    pub struct PageFeatures {
        /// Per block: its 0-based line number in the input.
        pub lines: Vec<usize>,
        /// Per block: its normalised text (with padding spaces).
        pub norms: Vec<String>,
        /// Per block: its word count.
        pub words: Vec<u32>,
        /// Per block: the local feature vector.
        pub local: Vec<[f32; N_LOCAL]>,
        /// Per block: the model's phrase ids it contains.
        pub phrases: Vec<Vec<u32>>,
        /// Per block: the context feature vector, from the model's local
        /// scores.
        pub context: Vec<[f32; N_CONTEXT]>,
        /// Per block: the model's local score (logit).
        pub z1: Vec<f32>,
        /// Per block: the model's final score (logit), linear context
        /// score plus trees.
        pub z2: Vec<f32>,
    }

    /// Featurises `text` with `model` (its phrases and function words, and
    /// its local weights for the context features).
    pub fn features(text: &str, model: &Model) -> PageFeatures {
        of_page(Page::new(text, model))
    }

    /// Featurises an HTML document: converts it to lines with DOM features
    /// and featurises those. Returns the converted text too.
    #[cfg(feature = "html")]
    pub fn features_html(html: &str, model: &Model) -> (String, PageFeatures) {
        let conv = crate::html::convert(html);
        let f = of_page(Page::with_dom(&conv.text, model, Some(&conv.dom)));
        (conv.text, f)
    }

    fn of_page(page: Page<'_>) -> PageFeatures {
        let n = page.len();
        PageFeatures {
            lines: page.seg.blocks.iter().map(|b| b.line).collect(),
            norms: (0..n).map(|i| page.seg.norm_of(i).to_string()).collect(),
            words: page.stats.iter().map(|s| s.words).collect(),
            phrases: (0..n).map(|i| page.hits.of(i).to_vec()).collect(),
            local: page.local,
            context: page.context,
            z1: page.z1,
            z2: page.z2,
        }
    }

    /// Builds a model from its parts.
    pub fn model(parts: ModelParts) -> Result<Model, crate::Error> {
        Model::from_parts(parts)
    }

    /// Normalises a text as the matcher sees it.
    pub fn normalize(s: &str) -> String {
        crate::segment::normalize(s)
    }
}

#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
