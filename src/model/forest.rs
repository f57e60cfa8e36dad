//! The boosted regression trees of the context scorer, and the flat form
//! they are walked in.

use crate::feature::{CONTEXT, LOCAL, N_CONTEXT, N_LOCAL};

/// Number of tree inputs: the context features, then the local features.
pub(crate) const N_TREE_INPUTS: usize = N_CONTEXT + N_LOCAL;
/// The row stride of the tree inputs: a power of two, so that an input
/// index masked with `TREE_STRIDE - 1` needs no bounds check.
pub(crate) const TREE_STRIDE: usize = N_TREE_INPUTS.next_power_of_two();
/// Trees of this depth (all of the built-in models') take a fast path.
const FAST_DEPTH: u32 = 5;
/// Deepest tree a model may hold.
pub(crate) const MAX_TREE_DEPTH: u32 = 12;

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

/// The index of the tree input named `name` (see [`tree_input_name`]).
pub(crate) fn tree_input(name: &str) -> Option<u16> {
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
    pub(crate) fn new(trees: &[Tree]) -> Forest {
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

    /// Whether the forest has no tree.
    pub(crate) fn is_empty(&self) -> bool {
        self.trees.is_empty()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_to_the_right_leaf() {
        // Depth 1 on input 0 (context z1) and a depth-5 tree that always
        // goes right.
        let t1 = Tree {
            depth: 1,
            splits: vec![(0, 0.5)],
            leaves: vec![-1.0, 1.0],
        };
        let t5 = Tree {
            depth: 5,
            splits: vec![(0, f32::NEG_INFINITY); 31],
            leaves: (0..32).map(|v| v as f32).collect(),
        };
        let f = Forest::new(&[t1, t5]);
        let mut x = vec![0f32; 2 * TREE_STRIDE];
        x[TREE_STRIDE] = 1.0;
        let mut out = [0f32; 2];
        f.add_to(&x, &mut out);
        assert_eq!(out, [-1.0 + 31.0, 1.0 + 31.0]);
        assert_eq!(tree_input(&tree_input_name(3)), Some(3));
        assert_eq!(
            tree_input(&tree_input_name(N_CONTEXT + 1)),
            Some(N_CONTEXT as u16 + 1)
        );
    }

    /// One row through one tree, the plain way.
    fn walk(t: &Tree, row: &[f32]) -> f32 {
        let mut i = 0;
        for _ in 0..t.depth {
            let (k, th) = t.splits[i];
            i = 2 * i + 1 + usize::from(row[k as usize] > th);
        }
        t.leaves[i - t.splits.len()]
    }

    #[test]
    fn rows_together_sum_as_one_at_a_time() {
        // A small generator (no dependency): xorshift.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 40) as f32 / (1u64 << 24) as f32
        };
        let trees: Vec<Tree> = [5, 3, 5, 1, 5, 7, 5]
            .iter()
            .map(|&depth| Tree {
                depth,
                splits: (0..(1 << depth) - 1)
                    .map(|_| (((next() * N_TREE_INPUTS as f32) as u16), next()))
                    .collect(),
                leaves: (0..1 << depth).map(|_| next() - 0.5).collect(),
            })
            .collect();
        let f = Forest::new(&trees);
        for rows in [1, 7, 8, 9, 19] {
            let x: Vec<f32> = (0..rows * TREE_STRIDE).map(|_| next()).collect();
            let mut out: Vec<f32> = (0..rows).map(|_| next()).collect();
            let want: Vec<f32> = x
                .chunks(TREE_STRIDE)
                .zip(&out)
                .map(|(row, o)| o + trees.iter().fold(0.0, |s, t| s + walk(t, row)))
                .collect();
            f.add_to(&x, &mut out);
            assert_eq!(out, want, "{rows} rows");
        }
    }
}
