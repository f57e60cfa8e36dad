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

- [`clean`] and [`clean_html`]: the default cleaner, for one-off use.
- [`Page`]: the one input type. [`Page::text`] (or any `&str`),
  [`Page::bytes`] (a byte-order mark, invalid UTF-8 repaired), and with the
  default-on `html` feature [`Page::html`] and [`Page::html_bytes`] (the
  encoding found as a browser finds it); [`Page::site`] adds a site's
  [`SiteMemory`].
- [`Cleaner`]: a reusable, thread-safe cleaner built by a
  [`CleanerBuilder`] (threshold, title, deduplication, the user's own junk
  and keep patterns, a custom [`Model`]). Five methods take any page:
  [`Cleaner::clean`], [`Cleaner::clean_into`], [`Cleaner::extract`] (the
  text, the title and, for HTML, Markdown: an [`Extract`]),
  [`Cleaner::analyze`] (every block with its decision, score and
  [`Reason`]s: why a line was removed), and `Cleaner::clean_batch` (the
  `rayon` feature).
- [`SiteMemory`]: the lines that recur on a site's pages, learned over a
  crawl ([`SiteMemory::observe`]) and dropped from each of its pages.
- [`Model`]: the learned junk model. The built-in one is trained from a
  labelled corpus by `cargo xtask train` (see `model/README.md`); a model
  trained on one's own pages loads with [`Model::from_bytes`]. HTML pages
  are read in one pass (a tokeniser and a model of the standard's tree
  builder, no tree built), turned into the same blocks with DOM features
  added, and scored by their own built-in model (`Model::builtin_html`).
- [`decode_text`] and `decode_html`: a page's bytes decoded as
  [`Page::bytes`] and [`Page::html_bytes`] decode them.

# How it works

One pipeline, one module a stage, each using only the stages before it:

1. **Segment** (`segment`): each non-blank line is a block; its words are
   normalised (lowercase, punctuation removed) into one buffer for the
   page.
2. **Phrases** (`phrase`): one table of the model's learned phrases,
   function words and curated packs, run over each block's words.
3. **Features** (`feature`): per block, length, punctuation, capitals,
   digits, function-word density, list and table shapes, position, repeats
   within the page, the phrases and packs it contains, and for HTML its
   element and ancestors; every feature is declared once, by name, in a
   registry that the model file records.
4. **Score** (`score`, with the `model`): a logistic local score; then a
   context score, a logistic model plus boosted regression trees over the
   block's local score, its neighbours' scores, whether it lies in the
   page's main body region, the heading that governs its section and the
   last *section switch* (a short "Related articles", "Comments", "Sign
   up" … block) before it. A short subheading inside the article stays, a
   paragraph under "Related Articles" goes.
5. **Decide** (`decide`): keep blocks whose probability reaches the
   threshold (or, on a page where no block that reads as body does, the
   best ones: a page with a sentence of body never cleans to nothing);
   drop what is not text (decoded binary data, base64 and hex blobs,
   minified code); drop what a
   [`SiteMemory`] knows as the site's boilerplate; find the title (the
   model's title scorer weighs the heading-like lines above the body:
   `title`) and drop the page header above it; apply the user's patterns;
   drop exact
   repeats and near-duplicates of kept text (see
   [`CleanerBuilder::dedup`]).
6. **Explain** (`explain`, for [`Cleaner::analyze`] only): the rule or the
   strongest features and phrases behind each decision.

A page is prepared first (`page`: decoded, and HTML converted to lines
with DOM features by the `html` front end), and long pages go through
stages 1 to 6 a window at a time (`window`).

# HTML: two front ends, one line builder

- [`Page::html`], [`Page::html_bytes`] and `clean_html` (feature `html`,
  the default) read the source in one pass: a tokeniser, and the standard's
  tree-construction rules over a model of its stack of open elements, with
  no tree built.
- `Page::document` and `Page::element` (feature `scraper`) walk the tree
  html5ever built (scraper's `Html`).

Their speeds, with the model (criterion: `html/clean_html`,
`html/document` and `html/parse+document`), are measured in the
repository's `BENCHMARKS.md`, beside the history of each figure.

Both drive the same events (an element opens with its attributes, closes,
text) into the same line builder, so the blocks, their DOM features and the
model are the same. Where they differ is where the streaming builder does
not model the standard, on purpose (its module docs list it): no foster
parenting (text misplaced in a table stays in the table: the words stay,
their order and line breaks may differ), formatting elements not reopened
after a block closes them, scripting on (`noscript` is not shown, as in a
browser), a NUL character dropped where the standard makes it U+FFFD. On
the 3,988 pages of the project's corpus the two give the same words on
every page and the same lines on 3,984. Of the standard's own 1,573
tree-construction document cases (html5lib-tests, scripting on), 12 order
text or break lines differently (foster parenting) and 1 differs by a
U+FFFD; none other loses or adds text. Tests and a differential fuzz
target (`html_tree`) hold the front end to this.

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
size (the phrase matcher hashes each word once; every other stage does a
constant amount of work per byte or per block). Memory stays within a small
multiple of the input: a page of many lines is featurised 16,384 blocks at
a time (a paragraph kept in one window is not repeated from a later one),
and the in-page hash tables are seeded per process, so that lines cannot be
crafted to collide in them (the output does not depend on the seed). HTML
start tags that would nest deeper than 256 elements are ignored (their text
stays). Lines of
invisible characters only are never kept. Invalid UTF-8 is repaired
by [`Page::bytes`] (which honours UTF-8, UTF-16 and UTF-32 byte-order
marks). Only construction returns errors ([`Error`]), and a
model file is checked whole when it is loaded (its features, its record
counts and its digest).

# Crate features

- `html` (default): `clean_html`, `Page::html`, `Page::html_bytes` and
  the HTML model (dependencies: memchr, servo's `web_atoms` for the named
  character references, encoding_rs and chardetng for bytes).
- `rayon`: `Cleaner::clean_batch`, many pages cleaned in parallel on
  rayon's pool, in input order.
- `scraper`: `Page::document` and `Page::element`, for a page already
  parsed with [scraper](https://docs.rs/scraper) (html5ever's tree): a
  walk of the tree drives the same line builder as the streaming front
  end, so every `Cleaner` method takes a parsed page. The crate is
  re-exported as `dejunk::scraper`; its types appear in this crate's API
  only behind this feature, which ties it to scraper's 0.x releases (0.26
  now).
- `_internal`: exposes the featuriser to the trainer in `xtask/`. Not part
  of the public API and not semver-stable.
*/

#![forbid(unsafe_code)]
#![deny(missing_docs, rustdoc::broken_intra_doc_links)]
#![warn(missing_debug_implementations)]

// One module a stage of the pipeline; each uses only the modules below it
// in the layers of `tests/integration/layers.rs`, which checks it.
mod analysis;
#[cfg(feature = "rayon")]
mod batch;
mod charset;
mod cleaner;
mod date;
mod decide;
mod dedup;
mod error;
mod explain;
mod feature;
mod hash;
#[cfg(feature = "html")]
mod html;
#[cfg(feature = "_internal")]
#[doc(hidden)]
pub mod internal;
mod language;
#[cfg(feature = "html")]
mod markdown;
mod math;
mod memory;
mod metadata;
mod model;
mod not_text;
mod owned;
mod page;
mod phrase;
mod score;
mod segment;
#[cfg(feature = "html")]
mod sniff;
mod title;
mod window;

pub use crate::analysis::{Analysis, Block, Reason, ReasonKind};
#[cfg(feature = "rayon")]
pub use crate::batch::Batch;
pub use crate::cleaner::{Cleaner, CleanerBuilder, Extract, clean, decode_text};
#[cfg(feature = "html")]
pub use crate::cleaner::{clean_html, decode_html};
pub use crate::error::{Error, ErrorKind};
pub use crate::memory::{Observation, SiteMemory, SiteMemoryBuilder};
pub use crate::metadata::Metadata;
pub use crate::model::Model;
pub use crate::owned::{AsPage, OwnedPage};
pub use crate::page::Page;
/// The scraper crate (feature `scraper`), whose parsed documents
/// [`Page::document`] and [`Page::element`] take.
#[cfg(feature = "scraper")]
pub use scraper;

#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
