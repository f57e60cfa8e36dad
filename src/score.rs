//! Stages 3 and 4 of the pipeline: score every block with the local scorer,
//! then rescore it in its page context (smoothing over the page's
//! structure). Both scorers are linear over the features of
//! [`feature`](crate::feature), with weights from the [`Model`].

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::feature::{self, Hits, N_CONTEXT, N_LOCAL, Stats};
use crate::model::{Model, ModelParts};
use crate::segment::{Segmented, segment};

/// A page, segmented, featurised and scored.
#[derive(Debug)]
pub(crate) struct Page<'t> {
    pub text: &'t str,
    pub seg: Segmented,
    pub stats: Vec<Stats>,
    pub hits: Hits,
    pub local: Vec<[f32; N_LOCAL]>,
    /// Local scores (logits).
    #[cfg_attr(not(feature = "_internal"), allow(dead_code))]
    pub z1: Vec<f32>,
    pub context: Vec<[f32; N_CONTEXT]>,
    /// Final scores (logits).
    pub z2: Vec<f32>,
}

impl<'t> Page<'t> {
    /// Segments, featurises and scores `text` with `model`.
    pub fn new(text: &'t str, model: &Model) -> Page<'t> {
        let seg = segment(text);
        let stats: Vec<Stats> = seg
            .blocks
            .iter()
            .enumerate()
            .map(|(i, b)| Stats::of(&text[b.span.clone()], seg.norm_of(i)))
            .collect();
        let hits = feature::hits(&seg, model);
        let dup = repeated(&seg);
        let local = feature::local(text, &seg, &hits, &stats, &dup);
        let parts = model.parts();
        let z1: Vec<f32> = local
            .iter()
            .enumerate()
            .map(|(i, x)| {
                let mut z = parts.local_bias + dot(&parts.local_weights, x);
                for &id in hits.of(i) {
                    z += model.phrase(id).1;
                }
                z
            })
            .collect();
        let context = feature::context(&seg, &stats, &local, &z1);
        let z2 = context
            .iter()
            .zip(&local)
            .map(|(x, l)| parts.context_bias + dot(&parts.context_weights, x) + trees(parts, x, l))
            .collect();
        Page {
            text,
            seg,
            stats,
            hits,
            local,
            z1,
            context,
            z2,
        }
    }

    /// Number of blocks.
    pub fn len(&self) -> usize {
        self.seg.blocks.len()
    }

    /// The trimmed text of block `i`.
    pub fn block_text(&self, i: usize) -> &'t str {
        &self.text[self.seg.blocks[i].span.clone()]
    }

    /// The final score of block `i` as a probability of being body content.
    pub fn prob(&self, i: usize) -> f32 {
        sigmoid(self.z2[i])
    }
}

/// The boosted trees' part of the final score.
pub(crate) fn trees(parts: &ModelParts, ctx: &[f32; N_CONTEXT], local: &[f32; N_LOCAL]) -> f32 {
    parts.trees.iter().map(|t| t.eval(ctx, local)).sum()
}

pub(crate) fn dot<const N: usize>(w: &[f32; N], x: &[f32; N]) -> f32 {
    w.iter().zip(x).map(|(a, b)| a * b).sum()
}

pub(crate) fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

/// A fast, deterministic hasher for in-page maps (FNV-1a over 64 bits).
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
    /// Integers (already hashes, in this crate) are mixed with one multiply.
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// A `HashMap` with the [`Fnv`] hasher.
pub(crate) type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// Whether each block's normalised text occurs more than once in the page.
fn repeated(seg: &Segmented) -> Vec<bool> {
    let mut count: FnvMap<&str, u32> = FnvMap::default();
    for i in 0..seg.blocks.len() {
        *count.entry(seg.norm_of(i)).or_insert(0) += 1;
    }
    (0..seg.blocks.len())
        .map(|i| count[seg.norm_of(i)] > 1)
        .collect()
}
