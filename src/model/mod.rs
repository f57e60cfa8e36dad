//! The learned model: phrase weights, function words, curated packs, the
//! two linear scorers (local and context) and the context scorer's trees.
//!
//! The built-in models are `model/dejunk.model` (text) and
//! `model/dejunk-html.model` (HTML), written by the trainer (`cargo xtask
//! train [--input html]`) and compiled in with `include_str!`. Their text
//! format is described in `format.rs`.

mod forest;
mod format;

#[cfg(feature = "_internal")]
pub use forest::{Tree, tree_input_name};
pub use format::ModelParts;

use std::collections::BTreeMap;
use std::sync::{Arc, LazyLock};

use crate::error::Error;
use crate::feature::{ContextRow, LocalRow, Pack, TitleRow};
use crate::math::dot;
use crate::phrase::{Phrases, Role};
use forest::Forest;

/// The built-in model's text.
const BUILTIN_TEXT: &str = include_str!("../../model/dejunk.model");

static BUILTIN: LazyLock<Model> = LazyLock::new(|| {
    Model::from_bytes(BUILTIN_TEXT.as_bytes()).expect("the built-in model is valid (tested)")
});

/// The built-in HTML model's text.
#[cfg(feature = "html")]
const BUILTIN_HTML_TEXT: &str = include_str!("../../model/dejunk-html.model");

#[cfg(feature = "html")]
static BUILTIN_HTML: LazyLock<Model> = LazyLock::new(|| {
    Model::from_bytes(BUILTIN_HTML_TEXT.as_bytes())
        .expect("the built-in HTML model is valid (tested)")
});

/// A trained junk model: the phrases it knows and the weights of the block
/// scorer.
///
/// Cheap to clone (the data is shared) and `Send + Sync`. The built-in model
/// ([`Model::builtin`]) is what [`clean`](crate::clean) and
/// [`Cleaner::new`](crate::Cleaner::new) use; a model trained on one's own
/// labelled pages is loaded with [`Model::from_bytes`] and given to
/// [`CleanerBuilder::model`](crate::CleanerBuilder::model).
///
/// # Example
///
/// ```
/// use dejunk::Model;
///
/// let model = Model::builtin();
/// assert!(!model.version().is_empty());
/// assert!(model.phrase_count() > 100);
/// // A model round-trips through its text form.
/// let again = Model::from_bytes(&model.to_bytes())?;
/// assert_eq!(again.version(), model.version());
/// # Ok::<(), dejunk::Error>(())
/// ```
#[derive(Clone)]
pub struct Model {
    inner: Arc<Inner>,
}

struct Inner {
    parts: ModelParts,
    phrases: Phrases,
    forest: Forest,
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Model")
            .field("version", &self.inner.parts.version)
            .field("phrases", &self.inner.parts.phrases.len())
            .field("stopwords", &self.inner.parts.stopwords.len())
            .finish()
    }
}

impl Model {
    /// The model compiled into the crate for text input, trained by `cargo
    /// xtask train` (see `model/README.md`).
    ///
    /// # Example
    ///
    /// ```
    /// let model = dejunk::Model::builtin();
    /// assert!(model.version().starts_with("2."));
    /// ```
    pub fn builtin() -> Model {
        BUILTIN.clone()
    }

    /// The model compiled into the crate for HTML input (`clean_html`),
    /// trained by `cargo xtask train --input html` on the HTML of the same
    /// pages, with the DOM features.
    ///
    /// # Example
    ///
    /// ```
    /// let model = dejunk::Model::builtin_html();
    /// assert_ne!(model.version(), dejunk::Model::builtin().version());
    /// ```
    #[cfg(feature = "html")]
    pub fn builtin_html() -> Model {
        BUILTIN_HTML.clone()
    }

    /// Loads a model from its text form, as written by the trainer (or by
    /// [`Model::to_bytes`]).
    ///
    /// # Errors
    ///
    /// An [`ErrorKind::InvalidModel`](crate::ErrorKind::InvalidModel) naming the line at fault, when there
    /// is one, when the text is not valid UTF-8, lacks a record, names an
    /// unknown feature, holds a non-finite weight or a phrase that is not
    /// normalised, was made for another featuriser, is cut short (fewer
    /// records than it declares) or was edited after training (its digest
    /// does not match); [`ErrorKind::PatternsTooLarge`](crate::ErrorKind::PatternsTooLarge) when a phrase has
    /// more than 32 words.
    ///
    /// # Example
    ///
    /// ```
    /// use dejunk::{Cleaner, Model};
    ///
    /// let bytes = Model::builtin().to_bytes();
    /// let model = Model::from_bytes(&bytes)?;
    /// let cleaner = Cleaner::builder().model(model).build()?;
    /// assert_eq!(cleaner.clean(""), "");
    ///
    /// let err = Model::from_bytes(b"dejunk-model\t2\nversion\tx\nlocal-bias\tNaN\n").unwrap_err();
    /// assert_eq!(err.to_string(), "invalid model at line 3: weight `NaN` is not finite");
    ///
    /// // A model cut short is refused, not loaded without its last trees.
    /// let cut = &bytes[..bytes.len() - 1000];
    /// let cut = &cut[..=cut.iter().rposition(|&b| b == b'\n').unwrap()];
    /// assert!(Model::from_bytes(cut).unwrap_err().to_string().contains("truncated"));
    /// # Ok::<(), dejunk::Error>(())
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, Error> {
        Model::from_parts(ModelParts::parse(bytes)?)
    }

    /// Builds a model from its parts, unchecked for digest (the trainer's
    /// models before they are sealed).
    pub(crate) fn from_parts(parts: ModelParts) -> Result<Model, Error> {
        for (i, w) in parts
            .local_weights
            .iter()
            .chain(parts.context_weights.iter())
            .chain(parts.phrases.iter().map(|(_, w)| w))
            .enumerate()
        {
            if !w.is_finite() {
                return Err(Error::model(format!("weight {i} is not finite")));
            }
        }
        // One matcher pattern per distinct string, with every role it
        // plays.
        let mut by_text: BTreeMap<&str, Role> = BTreeMap::new();
        for (i, (p, _)) in parts.phrases.iter().enumerate() {
            let r = by_text.entry(p.as_str()).or_default();
            if r.phrase.is_some() {
                return Err(Error::model(format!("phrase `{p}` given twice")));
            }
            r.phrase = Some(i as u32);
        }
        for w in &parts.stopwords {
            by_text.entry(w.as_str()).or_default().stopword = true;
        }
        for (k, p) in &parts.packs {
            let Some(pack) = Pack::of_category(k) else {
                return Err(Error::model(format!("unknown pack `{k}`")));
            };
            by_text.entry(p.as_str()).or_default().packs |= 1 << pack as u16;
        }
        let phrases = Phrases::new(by_text).map_err(Error::patterns)?;
        let forest = Forest::new(&parts.trees);
        Ok(Model {
            inner: Arc::new(Inner {
                parts,
                phrases,
                forest,
            }),
        })
    }

    /// The model's text form, which [`Model::from_bytes`] reads back.
    ///
    /// # Example
    ///
    /// ```
    /// let bytes = dejunk::Model::builtin().to_bytes();
    /// assert!(bytes.starts_with(b"dejunk-model\t2\n"));
    /// ```
    pub fn to_bytes(&self) -> Vec<u8> {
        self.inner.parts.to_text().into_bytes()
    }

    /// The model's version string: a label, then the digest of its
    /// content.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(!dejunk::Model::builtin().version().is_empty());
    /// ```
    pub fn version(&self) -> &str {
        &self.inner.parts.version
    }

    /// How many learned phrases the model scores.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(dejunk::Model::builtin().phrase_count() > 0);
    /// ```
    pub fn phrase_count(&self) -> usize {
        self.inner.parts.phrases.len()
    }

    pub(crate) fn parts(&self) -> &ModelParts {
        &self.inner.parts
    }

    pub(crate) fn phrases(&self) -> &Phrases {
        &self.inner.phrases
    }

    /// The phrase with id `id` and its weight.
    pub(crate) fn phrase(&self, id: u32) -> (&str, f32) {
        let (p, w) = &self.inner.parts.phrases[id as usize];
        (p, *w)
    }

    /// The local scorer: the logit of a block's local features and the
    /// phrases it contains.
    pub(crate) fn local_logit(&self, x: &LocalRow, phrase_ids: &[u32]) -> f32 {
        let parts = &self.inner.parts;
        let mut z = parts.local_bias + dot(&parts.local_weights, x);
        for &id in phrase_ids {
            z += self.phrase(id).1;
        }
        z
    }

    /// The linear part of the context scorer.
    pub(crate) fn context_logit(&self, x: &ContextRow) -> f32 {
        let parts = &self.inner.parts;
        parts.context_bias + dot(&parts.context_weights, x)
    }

    /// The title scorer's logit of a candidate block.
    pub(crate) fn title_logit(&self, x: &TitleRow) -> f32 {
        let parts = &self.inner.parts;
        parts.title_bias + dot(&parts.title_weights, x)
    }

    /// Adds the trees' values of each block (its context features, then
    /// its local features) to `out`; nothing when the model has no trees.
    pub(crate) fn add_trees(&self, context: &[ContextRow], local: &[LocalRow], out: &mut [f32]) {
        self.inner.forest.add_to(context, local, out);
    }

    /// Whether the model has trees.
    pub(crate) fn has_trees(&self) -> bool {
        !self.inner.forest.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const N_CONTEXT_U16: u16 = crate::feature::N_CONTEXT as u16;

    #[test]
    fn builtin_round_trips() {
        let m = Model::builtin();
        let text = m.to_bytes();
        assert_eq!(text, BUILTIN_TEXT.as_bytes());
        let again = ModelParts::parse(&text).unwrap();
        assert_eq!(&again, m.parts());
    }

    #[test]
    fn oblivious_trees_are_written_with_their_level_splits() {
        let mut parts = ModelParts::zero("", vec![], vec![], vec![]);
        let level = [(0u16, 0.5f32), (N_CONTEXT_U16, 2.0), (0, f32::INFINITY)];
        parts.trees.push(forest::Tree::oblivious(
            &level,
            (0..8).map(|v| v as f32).collect(),
        ));
        parts.seal("7");
        let text = parts.to_text();
        let tree = text.lines().find(|l| l.starts_with("tree\t")).unwrap();
        assert_eq!(
            tree,
            "tree\t3\tcontext.z1:0.5 local.ln_chars:2 -\t0 1 2 3 4 5 6 7"
        );
        let m = Model::from_bytes(text.as_bytes()).unwrap();
        assert_eq!(m.parts(), &parts);
        assert!(m.parts().trees[0].is_oblivious());
        // A general tree that splits nothing is oblivious by chance: it is
        // written as it was, complete, so its model's digest holds.
        parts.trees[0].splits = vec![(0, f32::INFINITY); 7];
        parts.trees[0].level_splits = false;
        parts.seal("7");
        let text = parts.to_text();
        assert!(text.contains("tree\t3\t- - - - - - -\t"));
        assert_eq!(Model::from_bytes(text.as_bytes()).unwrap().parts(), &parts);
    }

    #[cfg(feature = "html")]
    #[test]
    fn builtin_html_round_trips() {
        let m = Model::builtin_html();
        assert_eq!(m.to_bytes(), BUILTIN_HTML_TEXT.as_bytes());
    }

    #[test]
    fn rejects_bad_models() {
        let good = String::from_utf8(Model::builtin().to_bytes()).unwrap();
        let lines: Vec<&str> = good.lines().collect();
        let without = |pred: &dyn Fn(&str) -> bool| -> String {
            lines
                .iter()
                .filter(|l| !pred(l))
                .map(|l| format!("{l}\n"))
                .collect()
        };
        let last_tree = lines.iter().rposition(|l| l.starts_with("tree\t")).unwrap();
        let cases: Vec<(String, &str)> = vec![
            (String::new(), "no `dejunk-model` header"),
            (good.replace("dejunk-model\t2", "dejunk-model\t1"), "header"),
            (
                good.replacen("local\tln_chars", "local\tln_charz", 1),
                "unknown local feature",
            ),
            (
                without(&|l| l.starts_with("context\tz1\t")),
                "missing context feature `z1`",
            ),
            (good.clone() + "phrase\t1\tRead Also\n", "not normalised"),
            (good.clone() + "phrase\tinf\tread also\n", "not finite"),
            (good.clone() + "phrase\t1\n", "takes 3"),
            (good.clone() + "bogus\t1\n", "unknown record"),
            (good.clone() + "tree\t0\tx\t1\n", "tree depth"),
            (
                good.clone() + "tree\t1\tlocal.nope:1\t1 2\n",
                "unknown tree input",
            ),
            (
                good.clone() + "tree\t1\tlocal.ln_chars:1\t1\n",
                "has 1 splits",
            ),
            (
                good.clone() + "tree\t3\tlocal.ln_chars:1 local.ln_words:2\t1 2 3 4 5 6 7 8\n",
                "has 7 splits (or 3, oblivious)",
            ),
            (
                good.clone() + "tree\t1\tlocal.ln_chars:NaN\t1 2\n",
                "not finite",
            ),
            (
                good.clone() + "tree\t2\tlocal.ln_chars\t1 2\n",
                "<input>:<threshold>",
            ),
            // Cut at a line boundary: the last tree is missing.
            (
                lines[..last_tree]
                    .iter()
                    .map(|l| format!("{l}\n"))
                    .collect(),
                "declares",
            ),
            (without(&|l| l.starts_with("records\t")), "no `records`"),
            (without(&|l| l.starts_with("features\t")), "no `features`"),
            // Another featuriser.
            (
                good.replacen(
                    &format!("features\t{:016x}", crate::feature::registry_hash()),
                    "features\t0123456789abcdef",
                    1,
                ),
                "another featuriser",
            ),
            // One weight edited: the digest no longer matches. (The digest
            // covers the values: an edit that parses to the same numbers
            // is the same model.)
            (
                lines
                    .iter()
                    .map(|l| match l.strip_prefix("local-bias\t") {
                        Some(w) => format!("local-bias\t{}\n", w.parse::<f32>().unwrap() + 1.0),
                        None => format!("{l}\n"),
                    })
                    .collect(),
                "digest",
            ),
            // A valid record added: the counts no longer match.
            (good.clone() + "stopword\tzzz\n", "declares"),
        ];
        for (text, want) in cases {
            let err = Model::from_bytes(text.as_bytes()).unwrap_err();
            assert!(err.to_string().contains(want), "{err} !~ {want}");
            assert_eq!(err.kind(), crate::ErrorKind::InvalidModel);
        }
        let err = Model::from_bytes(&[0xff, 0xfe]).unwrap_err();
        assert!(err.to_string().contains("UTF-8"));
    }

    #[test]
    fn sealing_makes_a_loadable_model() {
        let mut parts = ModelParts::zero("", vec!["read also".into()], vec!["the".into()], vec![]);
        parts.seal("7");
        assert!(parts.version.starts_with("7."));
        let m = Model::from_bytes(parts.to_text().as_bytes()).unwrap();
        assert_eq!(m.phrase_count(), 1);
    }
}
