//! Stages 3 and 4 of the pipeline: score every block with the local scorer,
//! then rescore it in its page context (smoothing over the page's
//! structure). Both scorers are linear over the features of
//! [`feature`](crate::feature), with weights from the [`Model`].

use crate::feature::{self, Hits, N_CONTEXT, N_DOM, N_LOCAL, Stats};
use crate::hash::{HashIndex, hash_bytes};
use crate::model::{Model, TREE_STRIDE};
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
    /// The boosted trees' part of the final scores.
    pub tree_z: Vec<f32>,
    /// Final scores (logits).
    pub z2: Vec<f32>,
}

impl<'t> Page<'t> {
    /// Segments, featurises and scores `text` with `model`.
    pub fn new(text: &'t str, model: &Model) -> Page<'t> {
        Page::with_dom(text, model, None)
    }

    /// Like [`Page::new`], with the DOM features of each block (one line a
    /// block, as [`crate::html`] writes them).
    pub fn with_dom(text: &'t str, model: &Model, dom: Option<&[[f32; N_DOM]]>) -> Page<'t> {
        let seg = segment(text);
        let stats: Vec<Stats> = seg
            .blocks
            .iter()
            .enumerate()
            .map(|(i, b)| Stats::of(&text[b.span.clone()], seg.norm_of(i)))
            .collect();
        let hits = feature::hits(&seg, model);
        let dup = repeated(&seg);
        let local = feature::local(text, &seg, &hits, &stats, &dup, dom);
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
        let mut tree_z = vec![0f32; local.len()];
        if !parts.trees.is_empty() {
            let mut x = vec![0f32; local.len() * TREE_STRIDE];
            for ((c, l), row) in context
                .iter()
                .zip(&local)
                .zip(x.chunks_exact_mut(TREE_STRIDE))
            {
                row[..N_CONTEXT].copy_from_slice(c);
                row[N_CONTEXT..N_CONTEXT + N_LOCAL].copy_from_slice(l);
            }
            model.forest().add_to(&x, &mut tree_z);
        }
        let z2 = context
            .iter()
            .zip(&tree_z)
            .map(|(x, t)| parts.context_bias + dot(&parts.context_weights, x) + t)
            .collect();
        Page {
            text,
            seg,
            stats,
            hits,
            local,
            z1,
            context,
            tree_z,
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

pub(crate) fn dot<const N: usize>(w: &[f32; N], x: &[f32; N]) -> f32 {
    w.iter().zip(x).map(|(a, b)| a * b).sum()
}

pub(crate) fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

/// Whether each block's normalised text occurs more than once in the page.
fn repeated(seg: &Segmented) -> Vec<bool> {
    let n = seg.blocks.len();
    let mut out = vec![false; n];
    // Each text's first block; later blocks with the same text mark both.
    // (A different text with the same 64-bit hash is not a repeat.)
    let mut first = HashIndex::with_room(n);
    for i in 0..n {
        let norm = seg.norm_of(i);
        let j = first.get_or_insert(hash_bytes(norm.as_bytes()), i as u32) as usize;
        if j != i && seg.norm_of(j) == norm {
            out[i] = true;
            out[j] = true;
        }
    }
    out
}
