//! The model's text format: [`ModelParts`], written by the trainer and read
//! back, checked, by [`Model::from_bytes`](crate::Model::from_bytes).
//!
//! UTF-8 text, one record a line, fields separated by single tabs (shown
//! as `→` below); blank lines and lines starting with `#` are ignored:
//!
//! ```text
//! dejunk-model → 2
//! version → <label>.<digest>
//! features → <registry hash>
//! records → <stopwords> → <pack phrases> → <phrases> → <trees>
//! local-bias → <weight>
//! local → <feature name> → <weight> → <mean>      (one per local feature)
//! context-bias → <weight>
//! context → <feature name> → <weight> → <mean>    (one per context feature)
//! title-bias → <weight>
//! title → <feature name> → <weight> → <mean>      (one per title feature)
//! stopword → <word>
//! pack → <pack category> → <words>          (a curated phrase of a pack)
//! phrase → <weight> → <words>
//! tree → <depth> → <splits> → <leaves>
//! ```
//!
//! - `features` is the featuriser's registry hash (16 hex digits, see
//!   `feature/mod.rs`): a model made for another featuriser — a feature
//!   added, moved, or given another meaning — is refused, not misread.
//! - `records` counts the records that follow, so a model cut short is
//!   refused, not loaded without its last trees.
//! - The version ends with the model's digest (8 hex digits: the high half
//!   of the crate's 64-bit hash of the text with an empty version), so an
//!   edited model is refused; the trainer seals a model with
//!   [`ModelParts::seal`].
//! - Every feature must appear exactly once.
//! - A `tree` record is one regression tree of the context scorer's boosted
//!   ensemble, added to the linear context score. It is complete to its
//!   depth `D` (1 to 12): `<splits>` lists its `2^D - 1` internal nodes in
//!   breadth-first order as `<input>:<threshold>` separated by spaces,
//!   where `<input>` is `context.<name>` or `local.<name>`; a block goes to
//!   the right child when its input is greater than the threshold. A node
//!   that does not split (every block goes left) is written `-`. `<leaves>`
//!   lists the `2^D` leaf values, left to right. An oblivious tree (every
//!   node of a level has the same split, see `forest.rs`) is written with
//!   its `D` level splits only, top level first.
//! - Phrases and function words are matched on the normalised text
//!   (lowercase words separated by single spaces), so they must be written
//!   that way.

use std::fmt::Write;

use super::forest::{MAX_TREE_DEPTH, Tree, tree_input, tree_input_name};
use crate::error::Error;
use crate::feature::{CONTEXT, LOCAL, N_CONTEXT, N_LOCAL, N_TITLE, Pack, TITLE, registry_hash};
use crate::hash::hash_bytes;
use crate::segment::normalize;

/// The format's number, in the header line.
const FORMAT: &str = "2";
/// The most phrases and function words a model may hold.
const MAX_PATTERNS: usize = 200_000;

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
    /// Bias of the title scorer (which heading-like block above the body
    /// is the page's headline).
    pub title_bias: f32,
    /// Weights of the title features, in [`TITLE`] order.
    pub title_weights: [f32; N_TITLE],
    /// Training means of the title features.
    pub title_means: [f32; N_TITLE],
    /// Function words, normalised.
    pub stopwords: Vec<String>,
    /// Phrases, normalised, with their weights in the local scorer.
    pub phrases: Vec<(String, f32)>,
    /// Curated pack phrases: (pack category, normalised phrase).
    pub packs: Vec<(String, String)>,
    /// The boosted trees of the context scorer.
    pub trees: Vec<Tree>,
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
            title_bias: 0.0,
            title_weights: [0.0; N_TITLE],
            title_means: [0.0; N_TITLE],
            stopwords,
            phrases: phrases.into_iter().map(|p| (p, 0.0)).collect(),
            packs,
            trees: Vec::new(),
        }
    }

    /// The digest of the model's content: 8 hex digits, the high half of
    /// the 64-bit hash of its text with an empty version.
    pub fn digest(&self) -> String {
        let text = self.text_with_version("");
        format!("{:08x}", hash_bytes(text.as_bytes()) >> 32)
    }

    /// Sets the version to `<label>.<digest>`, which loading checks.
    #[cfg_attr(not(feature = "_internal"), allow(dead_code))]
    pub fn seal(&mut self, label: &str) {
        self.version = format!("{label}.{}", self.digest());
    }

    /// The model's text form (see the module docs). Deterministic: the same
    /// parts give the same bytes.
    pub fn to_text(&self) -> String {
        self.text_with_version(&self.version)
    }

    fn text_with_version(&self, version: &str) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "dejunk-model\t{FORMAT}");
        let _ = writeln!(s, "version\t{version}");
        let _ = writeln!(s, "features\t{:016x}", registry_hash());
        let _ = writeln!(
            s,
            "records\t{}\t{}\t{}\t{}",
            self.stopwords.len(),
            self.packs.len(),
            self.phrases.len(),
            self.trees.len()
        );
        write_scorer(
            &mut s,
            "local",
            self.local_bias,
            &LOCAL,
            &self.local_weights,
            &self.local_means,
        );
        write_scorer(
            &mut s,
            "context",
            self.context_bias,
            &CONTEXT,
            &self.context_weights,
            &self.context_means,
        );
        write_scorer(
            &mut s,
            "title",
            self.title_bias,
            &TITLE,
            &self.title_weights,
            &self.title_means,
        );
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
            // An oblivious tree: its first node of each level.
            let shown: Vec<(u16, f32)> = if t.level_splits && t.is_oblivious() {
                t.levels().collect()
            } else {
                t.splits.clone()
            };
            let splits: Vec<String> = shown
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

    /// Parses and checks the text form: every record well formed, the
    /// featuriser's registry hash, the record counts and the digest.
    pub fn parse(bytes: &[u8]) -> Result<ModelParts, Error> {
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let line = bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            Error::model_at(line, "not valid UTF-8")
        })?;
        let mut reader = Reader::new();
        let mut seen_header = false;
        for (n, line) in text.lines().enumerate() {
            let ln = n + 1;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            if seen_header {
                reader.record(&fields, ln)?;
            } else if fields.as_slice() == ["dejunk-model", FORMAT] {
                seen_header = true;
            } else {
                return Err(Error::model_at(
                    ln,
                    format!("expected the header `dejunk-model<TAB>{FORMAT}`"),
                ));
            }
        }
        if !seen_header {
            return Err(Error::model_at(1, "empty model: no `dejunk-model` header"));
        }
        reader.finish()
    }
}

/// The parse of a model's records after its header: the parts read so far
/// and which of the records that must appear once have.
struct Reader {
    parts: ModelParts,
    version: bool,
    features: bool,
    /// The counts of the `records` line.
    records: Option<[usize; 4]>,
    local_seen: [bool; N_LOCAL],
    context_seen: [bool; N_CONTEXT],
    title_seen: [bool; N_TITLE],
    /// The `local-bias`, `context-bias` and `title-bias` records.
    biases: [bool; 3],
}

impl Reader {
    fn new() -> Reader {
        Reader {
            parts: ModelParts::zero("", Vec::new(), Vec::new(), Vec::new()),
            version: false,
            features: false,
            records: None,
            local_seen: [false; N_LOCAL],
            context_seen: [false; N_CONTEXT],
            title_seen: [false; N_TITLE],
            biases: [false; 3],
        }
    }

    /// Reads one record, the tab-separated `fields` of line `ln`.
    fn record(&mut self, fields: &[&str], ln: usize) -> Result<(), Error> {
        let want = |k: usize| -> Result<(), Error> {
            if fields.len() == k {
                Ok(())
            } else {
                Err(Error::model_at(
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
        let parts = &mut self.parts;
        match fields[0] {
            "version" => {
                want(2)?;
                if fields[1].trim().is_empty() {
                    return Err(Error::model_at(ln, "empty version"));
                }
                parts.version = fields[1].to_string();
                self.version = true;
            }
            "features" => {
                want(2)?;
                let ours = format!("{:016x}", registry_hash());
                if fields[1] != ours {
                    return Err(Error::model_at(
                        ln,
                        format!(
                            "made for another featuriser (features {}, this build's {ours}): \
                             retrain it with this version",
                            fields[1]
                        ),
                    ));
                }
                self.features = true;
            }
            "records" => {
                want(5)?;
                let mut counts = [0usize; 4];
                for (c, f) in counts.iter_mut().zip(&fields[1..]) {
                    *c = f.parse().map_err(|_| {
                        Error::model_at(ln, format!("record count `{f}` is not a number"))
                    })?;
                }
                self.records = Some(counts);
            }
            "local-bias" | "context-bias" | "title-bias" => {
                want(2)?;
                let b = num(fields[1], ln)?;
                let k = match fields[0] {
                    "local-bias" => {
                        parts.local_bias = b;
                        0
                    }
                    "context-bias" => {
                        parts.context_bias = b;
                        1
                    }
                    _ => {
                        parts.title_bias = b;
                        2
                    }
                };
                self.biases[k] = true;
            }
            "local" | "context" | "title" => {
                want(4)?;
                self.feature(fields, ln)?;
            }
            "stopword" => {
                want(2)?;
                parts.stopwords.push(pattern(fields[1], ln)?);
            }
            "pack" => {
                want(3)?;
                if Pack::of_category(fields[1]).is_none() {
                    return Err(Error::model_at(
                        ln,
                        format!(
                            "unknown pack `{}` (known: {})",
                            fields[1],
                            Pack::ALL.map(Pack::category).join(", ")
                        ),
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
                parts.trees.push(parse_tree(fields, ln)?);
            }
            other => {
                return Err(Error::model_at(ln, format!("unknown record `{other}`")));
            }
        }
        Ok(())
    }

    /// A `local`, `context` or `title` record: a feature's weight and mean.
    fn feature(&mut self, fields: &[&str], ln: usize) -> Result<(), Error> {
        let names: &[&str] = match fields[0] {
            "local" => &LOCAL,
            "context" => &CONTEXT,
            _ => &TITLE,
        };
        let Some(i) = names.iter().position(|&x| x == fields[1]) else {
            return Err(Error::model_at(
                ln,
                format!("unknown {} feature `{}`", fields[0], fields[1]),
            ));
        };
        let (w, m) = (num(fields[2], ln)?, num(fields[3], ln)?);
        let parts = &mut self.parts;
        let seen = match fields[0] {
            "local" => {
                parts.local_weights[i] = w;
                parts.local_means[i] = m;
                &mut self.local_seen[i]
            }
            "context" => {
                parts.context_weights[i] = w;
                parts.context_means[i] = m;
                &mut self.context_seen[i]
            }
            _ => {
                parts.title_weights[i] = w;
                parts.title_means[i] = m;
                &mut self.title_seen[i]
            }
        };
        if *seen {
            return Err(Error::model_at(
                ln,
                format!("feature `{}` given twice", fields[1]),
            ));
        }
        *seen = true;
        Ok(())
    }

    /// The checks of the whole: every record that must be there is, the
    /// record counts, the patterns' number and the digest.
    fn finish(self) -> Result<ModelParts, Error> {
        let [local_bias, context_bias, title_bias] = self.biases;
        for (seen, record) in [
            (self.version, "version"),
            (self.features, "features"),
            (local_bias, "local-bias"),
            (context_bias, "context-bias"),
            (title_bias, "title-bias"),
        ] {
            if !seen {
                return Err(Error::model(format!("no `{record}` record")));
            }
        }
        for (seen, group, names) in [
            (&self.local_seen[..], "local", &LOCAL[..]),
            (&self.context_seen[..], "context", &CONTEXT[..]),
            (&self.title_seen[..], "title", &TITLE[..]),
        ] {
            if let Some(i) = seen.iter().position(|s| !s) {
                return Err(Error::model(format!(
                    "missing {group} feature `{}`",
                    names[i]
                )));
            }
        }
        let parts = self.parts;
        let found = [
            parts.stopwords.len(),
            parts.packs.len(),
            parts.phrases.len(),
            parts.trees.len(),
        ];
        let Some(declared) = self.records else {
            return Err(Error::model("no `records` record"));
        };
        for ((name, d), f) in ["stopword", "pack", "phrase", "tree"]
            .iter()
            .zip(declared)
            .zip(found)
        {
            if d != f {
                return Err(Error::model(format!(
                    "the `records` line declares {d} `{name}` records, found {f}: \
                     the model is truncated or edited"
                )));
            }
        }
        if parts.phrases.len() + parts.stopwords.len() + parts.packs.len() > MAX_PATTERNS {
            return Err(Error::model(format!(
                "more than {MAX_PATTERNS} phrases and function words"
            )));
        }
        let digest = parts.digest();
        if parts.version.rsplit_once('.').map(|(_, d)| d) != Some(digest.as_str()) {
            return Err(Error::model(format!(
                "version `{}` does not end with the model's digest `.{digest}`: \
                 the model was edited after training",
                parts.version
            )));
        }
        Ok(parts)
    }
}

/// Writes a linear scorer's records: its bias, then a line a feature.
fn write_scorer(
    s: &mut String,
    kind: &str,
    bias: f32,
    names: &[&str],
    weights: &[f32],
    means: &[f32],
) {
    let _ = writeln!(s, "{kind}-bias\t{}", fmt_f(bias));
    for ((name, &w), &m) in names.iter().zip(weights).zip(means) {
        let _ = writeln!(s, "{kind}\t{name}\t{}\t{}", fmt_f(w), fmt_f(m));
    }
}

fn parse_tree(fields: &[&str], ln: usize) -> Result<Tree, Error> {
    let depth: u32 = fields[1]
        .parse()
        .ok()
        .filter(|d| (1..=MAX_TREE_DEPTH).contains(d))
        .ok_or_else(|| {
            Error::model_at(
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
            return Err(Error::model_at(
                ln,
                format!("split `{sp}` is not <input>:<threshold>"),
            ));
        };
        let Some(k) = tree_input(name) else {
            return Err(Error::model_at(ln, format!("unknown tree input `{name}`")));
        };
        splits.push((k, num(t, ln)?));
    }
    let leaves = fields[3]
        .split(' ')
        .map(|v| num(v, ln))
        .collect::<Result<Vec<f32>, Error>>()?;
    if splits.len() == depth as usize && depth > 1 && leaves.len() == n_leaves {
        // An oblivious tree, by its level splits.
        return Ok(Tree::oblivious(&splits, leaves));
    }
    if splits.len() != n_leaves - 1 || leaves.len() != n_leaves {
        return Err(Error::model_at(
            ln,
            format!(
                "a tree of depth {depth} has {} splits (or {depth}, oblivious) and {n_leaves} leaves, found {} and {}",
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
        level_splits: false,
    })
}

/// Formats a weight so that it parses back to the same `f32`.
fn fmt_f(x: f32) -> String {
    let s = format!("{x}");
    if s == "-0" { "0".to_string() } else { s }
}

fn num(s: &str, line: usize) -> Result<f32, Error> {
    match s.parse::<f32>() {
        Ok(x) if x.is_finite() => Ok(x),
        Ok(_) => Err(Error::model_at(line, format!("weight `{s}` is not finite"))),
        Err(_) => Err(Error::model_at(line, format!("`{s}` is not a number"))),
    }
}

/// Checks that a phrase is written in normalised form.
fn pattern(s: &str, line: usize) -> Result<String, Error> {
    let norm = normalize(s);
    if norm.trim().is_empty() {
        return Err(Error::model_at(line, "empty phrase"));
    }
    if norm.trim() != s {
        return Err(Error::model_at(
            line,
            format!(
                "phrase `{s}` is not normalised (expected `{}`)",
                norm.trim()
            ),
        ));
    }
    Ok(s.to_string())
}
