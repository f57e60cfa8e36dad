//! The learned model: phrase weights, function words and the two linear
//! scorers (local and context), in one plain-text format.
//!
//! The built-in model is `model/dejunk.model`, written by the trainer
//! (`cargo xtask train`) and compiled in with `include_str!`.
//!
//! # Format
//!
//! UTF-8 text, one record a line, fields separated by single tabs (shown
//! as `→` below); blank
//! lines and lines starting with `#` are ignored:
//!
//! ```text
//! dejunk-model → 1
//! version → <string>
//! local-bias → <weight>
//! local → <feature name> → <weight> → <mean>      (one per local feature)
//! context-bias → <weight>
//! context → <feature name> → <weight> → <mean>    (one per context feature)
//! stopword → <word>
//! pack → <pack name> → <words>              (a curated phrase of a pack)
//! phrase → <weight> → <words>
//! tree → <depth> → <splits> → <leaves>
//! ```
//!
//! A `tree` record is one regression tree of the context scorer's boosted
//! ensemble, added to the linear context score. It is complete to its
//! depth `D` (1 to 12): `<splits>` lists its `2^D - 1` internal nodes in
//! breadth-first order as `<input>:<threshold>` separated by spaces, where
//! `<input>` is `context.<name>` or `local.<name>`; a block goes to the
//! right child when its input is greater than the threshold. A node that
//! does not split (every block goes left) is written `-`. `<leaves>`
//! lists the `2^D` leaf values, left to right.
//!
//! Every feature of the featuriser must appear exactly once, so a model made
//! for another featuriser is refused instead of silently misread. Phrases
//! and function words are matched on the normalised text (lowercase words
//! separated by single spaces), so they must be written that way.

use std::collections::BTreeMap;
use std::sync::{Arc, LazyLock};

use aho_corasick::automaton::Automaton;
use aho_corasick::{Anchored, MatchKind, dfa, nfa::contiguous};

use crate::error::Error;
use crate::feature::{CONTEXT, LOCAL, N_CONTEXT, N_LOCAL, PACKS, Role};
use crate::segment::normalize;

/// The built-in model's text.
const BUILTIN_TEXT: &str = include_str!("../model/dejunk.model");

/// The most phrases and function words a model may hold.
const MAX_PATTERNS: usize = 200_000;

static BUILTIN: LazyLock<Model> = LazyLock::new(|| {
    Model::from_bytes(BUILTIN_TEXT.as_bytes()).expect("the built-in model is valid (tested)")
});

/// The built-in HTML model's text.
#[cfg(feature = "html")]
const BUILTIN_HTML_TEXT: &str = include_str!("../model/dejunk-html.model");

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
    matcher: Matcher,
    roles: Vec<Role>,
    forest: Forest,
}

/// Number of tree inputs: the context features, then the local features.
pub(crate) const N_TREE_INPUTS: usize = N_CONTEXT + N_LOCAL;
/// The row stride of the tree inputs: a power of two, so that an input
/// index masked with `TREE_STRIDE - 1` needs no bounds check.
pub(crate) const TREE_STRIDE: usize = N_TREE_INPUTS.next_power_of_two();
/// Trees of this depth (all of the built-in models') take a fast path.
const FAST_DEPTH: u32 = 5;

/// The trees of a model in flat arrays. A page is scored a block at a
/// time: the block's inputs stay in the nearest cache while every tree
/// walks them, and the walks of successive trees (chains of dependent
/// loads) overlap in the processor.
#[derive(Debug, Default)]
pub(crate) struct Forest {
    /// Per tree: depth, offset of its nodes, offset of its leaves.
    trees: Vec<(u32, u32, u32)>,
    /// Internal nodes: (input index, threshold).
    nodes: Vec<(u32, f32)>,
    leaves: Vec<f32>,
}

impl Forest {
    fn new(trees: &[Tree]) -> Forest {
        let mut f = Forest::default();
        for t in trees {
            f.trees
                .push((t.depth, f.nodes.len() as u32, f.leaves.len() as u32));
            f.nodes
                .extend(t.splits.iter().map(|&(k, th)| (u32::from(k), th)));
            f.leaves.extend_from_slice(&t.leaves);
        }
        f
    }

    /// Adds the forest's value of each row of `x` (row-major,
    /// [`TREE_STRIDE`] a row, the inputs first) to `out`.
    pub(crate) fn add_to(&self, x: &[f32], out: &mut [f32]) {
        debug_assert_eq!(x.len(), out.len() * TREE_STRIDE);
        const N_FAST: usize = 1 << FAST_DEPTH;
        const MASK: usize = TREE_STRIDE - 1;
        for (row, o) in x.chunks_exact(TREE_STRIDE).zip(out.iter_mut()) {
            let row: &[f32; TREE_STRIDE] = row.try_into().expect("one stride");
            let mut sum = 0f32;
            for &(depth, s, l) in &self.trees {
                let (s, l) = (s as usize, l as usize);
                if depth == FAST_DEPTH {
                    // Fixed-size views: the walk is unrolled and its
                    // indices are in range by construction.
                    let nodes: &[(u32, f32); N_FAST - 1] =
                        self.nodes[s..s + N_FAST - 1].try_into().expect("sized");
                    let leaves: &[f32; N_FAST] =
                        self.leaves[l..l + N_FAST].try_into().expect("sized");
                    let mut i = 0usize;
                    for _ in 0..FAST_DEPTH {
                        let (k, t) = nodes[i % (N_FAST - 1)];
                        i = 2 * i + 1 + usize::from(row[k as usize & MASK] > t);
                    }
                    sum += leaves[(i - (N_FAST - 1)) % N_FAST];
                } else {
                    let nodes = &self.nodes[s..];
                    let mut i = 0usize;
                    for _ in 0..depth {
                        let (k, t) = nodes[i];
                        i = 2 * i + 1 + usize::from(row[k as usize & MASK] > t);
                    }
                    sum += self.leaves[l + i - ((1usize << depth) - 1)];
                }
            }
            *o += sum;
        }
    }
}

/// The phrase automaton: a DFA, or a contiguous NFA when the DFA would be
/// too large. Walked byte by byte (see [`Matcher::scan`]) rather than
/// through the match iterator, because nearly every word of a page ends a
/// match (function words, one-word phrases) and the per-match cost of an
/// iterator would dominate.
pub(crate) enum Matcher {
    Dfa(dfa::DFA),
    Nfa(contiguous::NFA),
}

impl Matcher {
    /// Calls `f(pattern)` for every (overlapping) match in `haystack`.
    pub(crate) fn scan(&self, haystack: &[u8], f: impl FnMut(usize)) {
        match self {
            Matcher::Dfa(a) => scan(a, haystack, f),
            Matcher::Nfa(a) => scan(a, haystack, f),
        }
    }
}

#[inline(always)]
fn scan<A: Automaton>(a: &A, haystack: &[u8], mut f: impl FnMut(usize)) {
    let Ok(start) = a.start_state(Anchored::No) else {
        return;
    };
    let mut sid = start;
    for &b in haystack {
        sid = a.next_state(Anchored::No, sid, b);
        if a.is_special(sid) {
            if a.is_dead(sid) {
                return;
            }
            if a.is_match(sid) {
                for k in 0..a.match_len(sid) {
                    f(a.match_pattern(sid, k).as_usize());
                }
            }
        }
    }
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

/// A model's contents, before its matcher is built. The trainer fills one
/// in and writes it out with [`ModelParts::to_text`].
#[derive(Clone, Debug, PartialEq)]
pub struct ModelParts {
    /// The model's version string.
    pub version: String,
    /// Bias of the local scorer.
    pub local_bias: f32,
    /// Weights of the local features, in [`LOCAL`] order.
    pub local_weights: [f32; N_LOCAL],
    /// Training means of the local features (for explanations).
    pub local_means: [f32; N_LOCAL],
    /// Bias of the context scorer.
    pub context_bias: f32,
    /// Weights of the context features, in [`CONTEXT`] order.
    pub context_weights: [f32; N_CONTEXT],
    /// Training means of the context features (for explanations).
    pub context_means: [f32; N_CONTEXT],
    /// Function words, normalised.
    pub stopwords: Vec<String>,
    /// Phrases, normalised, with their weights in the local scorer.
    pub phrases: Vec<(String, f32)>,
    /// Curated pack phrases: (pack name, normalised phrase).
    pub packs: Vec<(String, String)>,
    /// The boosted trees of the context scorer.
    pub trees: Vec<Tree>,
}

/// Deepest tree a model may hold.
const MAX_TREE_DEPTH: u32 = 12;

/// One regression tree, complete to its depth, over the tree inputs: the
/// context features followed by the local features.
#[derive(Clone, Debug, PartialEq)]
pub struct Tree {
    /// Depth `D`: `2^D - 1` splits and `2^D` leaves.
    pub depth: u32,
    /// Internal nodes, breadth first: (input index, threshold). A block
    /// goes right when its input is greater than the threshold; a node
    /// that does not split has the threshold +∞.
    pub splits: Vec<(u16, f32)>,
    /// Leaf values, left to right.
    pub leaves: Vec<f32>,
}

/// The name of tree input `k`: `context.<name>` or `local.<name>`.
pub fn tree_input_name(k: usize) -> String {
    if k < N_CONTEXT {
        format!("context.{}", CONTEXT[k])
    } else {
        format!("local.{}", LOCAL[k - N_CONTEXT])
    }
}

fn tree_input(name: &str) -> Option<u16> {
    if let Some(c) = name.strip_prefix("context.") {
        CONTEXT.iter().position(|&x| x == c).map(|k| k as u16)
    } else if let Some(l) = name.strip_prefix("local.") {
        LOCAL
            .iter()
            .position(|&x| x == l)
            .map(|k| (k + N_CONTEXT) as u16)
    } else {
        None
    }
}

fn parse_tree(fields: &[&str], ln: usize) -> Result<Tree, Error> {
    let depth: u32 = fields[1]
        .parse()
        .ok()
        .filter(|d| (1..=MAX_TREE_DEPTH).contains(d))
        .ok_or_else(|| {
            Error::model(
                ln,
                format!("tree depth `{}` is not 1 to {MAX_TREE_DEPTH}", fields[1]),
            )
        })?;
    let n_leaves = 1usize << depth;
    let mut splits = Vec::with_capacity(n_leaves - 1);
    for sp in fields[2].split(' ') {
        if sp == "-" {
            splits.push((0, f32::INFINITY));
            continue;
        }
        let Some((name, t)) = sp.rsplit_once(':') else {
            return Err(Error::model(
                ln,
                format!("split `{sp}` is not <input>:<threshold>"),
            ));
        };
        let Some(k) = tree_input(name) else {
            return Err(Error::model(ln, format!("unknown tree input `{name}`")));
        };
        splits.push((k, num(t, ln)?));
    }
    let leaves = fields[3]
        .split(' ')
        .map(|v| num(v, ln))
        .collect::<Result<Vec<f32>, Error>>()?;
    if splits.len() != n_leaves - 1 || leaves.len() != n_leaves {
        return Err(Error::model(
            ln,
            format!(
                "a tree of depth {depth} has {} splits and {n_leaves} leaves, found {} and {}",
                n_leaves - 1,
                splits.len(),
                leaves.len()
            ),
        ));
    }
    Ok(Tree {
        depth,
        splits,
        leaves,
    })
}

impl ModelParts {
    /// An all-zero model over the given phrases and function words.
    pub fn zero(
        version: &str,
        phrases: Vec<String>,
        stopwords: Vec<String>,
        packs: Vec<(String, String)>,
    ) -> ModelParts {
        ModelParts {
            version: version.to_string(),
            local_bias: 0.0,
            local_weights: [0.0; N_LOCAL],
            local_means: [0.0; N_LOCAL],
            context_bias: 0.0,
            context_weights: [0.0; N_CONTEXT],
            context_means: [0.0; N_CONTEXT],
            stopwords,
            phrases: phrases.into_iter().map(|p| (p, 0.0)).collect(),
            packs,
            trees: Vec::new(),
        }
    }

    /// The model's text form (see the module docs). Deterministic: the same
    /// parts give the same bytes.
    pub fn to_text(&self) -> String {
        use std::fmt::Write;
        let mut s = String::new();
        let _ = writeln!(s, "dejunk-model\t1");
        let _ = writeln!(s, "version\t{}", self.version);
        let _ = writeln!(s, "local-bias\t{}", fmt_f(self.local_bias));
        for (i, name) in LOCAL.iter().enumerate() {
            let _ = writeln!(
                s,
                "local\t{name}\t{}\t{}",
                fmt_f(self.local_weights[i]),
                fmt_f(self.local_means[i])
            );
        }
        let _ = writeln!(s, "context-bias\t{}", fmt_f(self.context_bias));
        for (i, name) in CONTEXT.iter().enumerate() {
            let _ = writeln!(
                s,
                "context\t{name}\t{}\t{}",
                fmt_f(self.context_weights[i]),
                fmt_f(self.context_means[i])
            );
        }
        for w in &self.stopwords {
            let _ = writeln!(s, "stopword\t{w}");
        }
        for (k, p) in &self.packs {
            let _ = writeln!(s, "pack\t{k}\t{p}");
        }
        for (p, w) in &self.phrases {
            let _ = writeln!(s, "phrase\t{}\t{p}", fmt_f(*w));
        }
        for t in &self.trees {
            let splits: Vec<String> = t
                .splits
                .iter()
                .map(|&(k, th)| {
                    if th == f32::INFINITY {
                        "-".to_string()
                    } else {
                        format!("{}:{}", tree_input_name(k as usize), fmt_f(th))
                    }
                })
                .collect();
            let leaves: Vec<String> = t.leaves.iter().map(|&v| fmt_f(v)).collect();
            let _ = writeln!(
                s,
                "tree\t{}\t{}\t{}",
                t.depth,
                splits.join(" "),
                leaves.join(" ")
            );
        }
        s
    }

    /// Parses the text form.
    pub fn parse(bytes: &[u8]) -> Result<ModelParts, Error> {
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let line = bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            Error::model(line, "not valid UTF-8")
        })?;
        let mut parts = ModelParts::zero("", Vec::new(), Vec::new(), Vec::new());
        let mut seen_header = false;
        let mut seen_version = false;
        let mut local_seen = [false; N_LOCAL];
        let mut context_seen = [false; N_CONTEXT];
        let (mut local_bias, mut context_bias) = (false, false);
        for (n, line) in text.lines().enumerate() {
            let ln = n + 1;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            if !seen_header {
                if fields.as_slice() != ["dejunk-model", "1"] {
                    return Err(Error::model(ln, "expected the header `dejunk-model<TAB>1`"));
                }
                seen_header = true;
                continue;
            }
            let want = |k: usize| -> Result<(), Error> {
                if fields.len() == k {
                    Ok(())
                } else {
                    Err(Error::model(
                        ln,
                        format!(
                            "`{}` takes {} tab-separated fields, found {}",
                            fields[0],
                            k,
                            fields.len()
                        ),
                    ))
                }
            };
            match fields[0] {
                "version" => {
                    want(2)?;
                    if fields[1].trim().is_empty() {
                        return Err(Error::model(ln, "empty version"));
                    }
                    parts.version = fields[1].to_string();
                    seen_version = true;
                }
                "local-bias" => {
                    want(2)?;
                    parts.local_bias = num(fields[1], ln)?;
                    local_bias = true;
                }
                "context-bias" => {
                    want(2)?;
                    parts.context_bias = num(fields[1], ln)?;
                    context_bias = true;
                }
                "local" | "context" => {
                    want(4)?;
                    let names: &[&str] = if fields[0] == "local" {
                        &LOCAL
                    } else {
                        &CONTEXT
                    };
                    let Some(i) = names.iter().position(|&x| x == fields[1]) else {
                        return Err(Error::model(
                            ln,
                            format!("unknown {} feature `{}`", fields[0], fields[1]),
                        ));
                    };
                    let (w, m) = (num(fields[2], ln)?, num(fields[3], ln)?);
                    let seen = if fields[0] == "local" {
                        parts.local_weights[i] = w;
                        parts.local_means[i] = m;
                        &mut local_seen[i]
                    } else {
                        parts.context_weights[i] = w;
                        parts.context_means[i] = m;
                        &mut context_seen[i]
                    };
                    if *seen {
                        return Err(Error::model(
                            ln,
                            format!("feature `{}` given twice", fields[1]),
                        ));
                    }
                    *seen = true;
                }
                "stopword" => {
                    want(2)?;
                    parts.stopwords.push(pattern(fields[1], ln)?);
                }
                "pack" => {
                    want(3)?;
                    if !PACKS.contains(&fields[1]) {
                        return Err(Error::model(
                            ln,
                            format!("unknown pack `{}` (known: {})", fields[1], PACKS.join(", ")),
                        ));
                    }
                    parts
                        .packs
                        .push((fields[1].to_string(), pattern(fields[2], ln)?));
                }
                "phrase" => {
                    want(3)?;
                    let w = num(fields[1], ln)?;
                    parts.phrases.push((pattern(fields[2], ln)?, w));
                }
                "tree" => {
                    want(4)?;
                    parts.trees.push(parse_tree(&fields, ln)?);
                }
                other => {
                    return Err(Error::model(ln, format!("unknown record `{other}`")));
                }
            }
        }
        if !seen_header {
            return Err(Error::model(1, "empty model: no `dejunk-model` header"));
        }
        if !seen_version {
            return Err(Error::model(0, "no `version` record"));
        }
        if !local_bias || !context_bias {
            return Err(Error::model(0, "missing `local-bias` or `context-bias`"));
        }
        if let Some(i) = local_seen.iter().position(|s| !s) {
            return Err(Error::model(
                0,
                format!("missing local feature `{}`", LOCAL[i]),
            ));
        }
        if let Some(i) = context_seen.iter().position(|s| !s) {
            return Err(Error::model(
                0,
                format!("missing context feature `{}`", CONTEXT[i]),
            ));
        }
        if parts.phrases.len() + parts.stopwords.len() + parts.packs.len() > MAX_PATTERNS {
            return Err(Error::model(
                0,
                format!("more than {MAX_PATTERNS} phrases and function words"),
            ));
        }
        Ok(parts)
    }
}

/// Formats a weight so that it parses back to the same `f32`.
fn fmt_f(x: f32) -> String {
    let s = format!("{x}");
    if s == "-0" { "0".to_string() } else { s }
}

fn num(s: &str, line: usize) -> Result<f32, Error> {
    match s.parse::<f32>() {
        Ok(x) if x.is_finite() => Ok(x),
        Ok(_) => Err(Error::model(line, format!("weight `{s}` is not finite"))),
        Err(_) => Err(Error::model(line, format!("`{s}` is not a number"))),
    }
}

/// Checks that a phrase is written in normalised form.
fn pattern(s: &str, line: usize) -> Result<String, Error> {
    let norm = normalize(s);
    if norm.trim().is_empty() {
        return Err(Error::model(line, "empty phrase"));
    }
    if norm.trim() != s {
        return Err(Error::model(
            line,
            format!(
                "phrase `{s}` is not normalised (expected `{}`)",
                norm.trim()
            ),
        ));
    }
    Ok(s.to_string())
}

impl Model {
    /// The model compiled into the crate, trained by `cargo xtask train` on
    /// the CleanEval and Dragnet pages of the development corpus (see
    /// `model/README.md`).
    ///
    /// # Example
    ///
    /// ```
    /// let model = dejunk::Model::builtin();
    /// assert_eq!(model.version(), dejunk::MODEL_VERSION);
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
    /// assert_eq!(model.version(), dejunk::HTML_MODEL_VERSION);
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
    /// An [`ErrorKind::InvalidModel`](crate::ErrorKind::InvalidModel) naming
    /// the line at fault when the text is not valid UTF-8, lacks a record,
    /// names an unknown feature, holds a non-finite weight or a phrase that
    /// is not normalised; [`ErrorKind::PatternsTooLarge`](crate::ErrorKind::PatternsTooLarge)
    /// when the phrases cannot be compiled.
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
    /// let err = Model::from_bytes(b"dejunk-model\t1\nversion\tx\nlocal-bias\tNaN\n").unwrap_err();
    /// assert_eq!(err.to_string(), "invalid model at line 3: weight `NaN` is not finite");
    /// # Ok::<(), dejunk::Error>(())
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, Error> {
        Model::from_parts(ModelParts::parse(bytes)?)
    }

    /// Builds a model from its parts (used by the trainer).
    pub(crate) fn from_parts(parts: ModelParts) -> Result<Model, Error> {
        for (i, w) in parts
            .local_weights
            .iter()
            .chain(parts.context_weights.iter())
            .chain(parts.phrases.iter().map(|(_, w)| w))
            .enumerate()
        {
            if !w.is_finite() {
                return Err(Error::model(0, format!("weight {i} is not finite")));
            }
        }
        // One automaton pattern per distinct string, padded with spaces so
        // it matches whole words only.
        const NONE: Role = Role {
            phrase: None,
            stopword: false,
            packs: 0,
        };
        let mut by_text: BTreeMap<&str, Role> = BTreeMap::new();
        for (i, (p, _)) in parts.phrases.iter().enumerate() {
            let r = by_text.entry(p.as_str()).or_insert(NONE);
            if r.phrase.is_some() {
                return Err(Error::model(0, format!("phrase `{p}` given twice")));
            }
            r.phrase = Some(i as u32);
        }
        for w in &parts.stopwords {
            by_text.entry(w.as_str()).or_insert(NONE).stopword = true;
        }
        for (k, p) in &parts.packs {
            let bit = PACKS.iter().position(|x| x == k).unwrap_or(0);
            by_text.entry(p.as_str()).or_insert(NONE).packs |= 1 << bit;
        }
        let patterns: Vec<String> = by_text.keys().map(|p| format!(" {p} ")).collect();
        let roles: Vec<Role> = by_text.values().copied().collect();
        let matcher = match dfa::Builder::new()
            .match_kind(MatchKind::Standard)
            .prefilter(false)
            .start_kind(aho_corasick::StartKind::Unanchored)
            .build(&patterns)
        {
            Ok(d) => Matcher::Dfa(d),
            Err(_) => Matcher::Nfa(
                contiguous::Builder::new()
                    .match_kind(MatchKind::Standard)
                    .prefilter(false)
                    .build(&patterns)
                    .map_err(|e| {
                        Error::new(crate::ErrorKind::PatternsTooLarge {
                            message: e.to_string(),
                        })
                    })?,
            ),
        };
        let forest = Forest::new(&parts.trees);
        Ok(Model {
            inner: Arc::new(Inner {
                parts,
                matcher,
                roles,
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
    /// assert!(bytes.starts_with(b"dejunk-model\t1\n"));
    /// ```
    pub fn to_bytes(&self) -> Vec<u8> {
        self.inner.parts.to_text().into_bytes()
    }

    /// The model's version string.
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

    pub(crate) fn forest(&self) -> &Forest {
        &self.inner.forest
    }

    pub(crate) fn matcher(&self) -> &Matcher {
        &self.inner.matcher
    }

    pub(crate) fn pattern_role(&self, pid: usize) -> Role {
        self.inner.roles[pid]
    }

    pub(crate) fn phrase(&self, id: u32) -> (&str, f32) {
        let (p, w) = &self.inner.parts.phrases[id as usize];
        (p, *w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_round_trips() {
        let m = Model::builtin();
        let text = m.to_bytes();
        assert_eq!(text, BUILTIN_TEXT.as_bytes());
        let again = ModelParts::parse(&text).unwrap();
        assert_eq!(&again, m.parts());
    }

    #[cfg(feature = "html")]
    #[test]
    fn builtin_html_round_trips() {
        let m = Model::builtin_html();
        assert_eq!(m.to_bytes(), BUILTIN_HTML_TEXT.as_bytes());
    }

    #[test]
    fn rejects_bad_models() {
        let good = Model::builtin().to_bytes();
        let good = String::from_utf8(good).unwrap();
        let cases: Vec<(String, &str)> = vec![
            (String::new(), "no `dejunk-model` header"),
            (good.replace("dejunk-model\t1", "dejunk-model\t2"), "header"),
            (
                good.replacen("local\tln_chars", "local\tln_charz", 1),
                "unknown local feature",
            ),
            (
                good.lines()
                    .filter(|l| !l.starts_with("context\tz1\t"))
                    .collect::<Vec<_>>()
                    .join("\n"),
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
                good.clone() + "tree\t1\tlocal.ln_chars:NaN\t1 2\n",
                "not finite",
            ),
            (
                good.clone() + "tree\t2\tlocal.ln_chars\t1 2\n",
                "<input>:<threshold>",
            ),
        ];
        for (text, want) in cases {
            let err = Model::from_bytes(text.as_bytes()).unwrap_err();
            assert!(err.to_string().contains(want), "{err} !~ {want}");
        }
        let err = Model::from_bytes(&[0xff, 0xfe]).unwrap_err();
        assert!(err.to_string().contains("UTF-8"));
    }
}
