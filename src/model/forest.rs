//! The boosted regression trees of the context scorer, and the flat forms
//! they are evaluated in.
//!
//! A forest of general trees is walked node by node, a block at a time.
//! A forest of *oblivious* (symmetric) trees, as CatBoost grows them and
//! the trainer can (`xtask/src/gbdt.rs`), has the same split at every node
//! of a level, so a block's leaf is the number its `D` level tests write
//! and every block takes the same tests: it is evaluated a chunk of blocks
//! at a time, each level test one compare over a column of inputs, without
//! a branch or a dependent load. (The built-in models' trees are general:
//! see `TEXT_TREES` in `xtask/src/train.rs` for why.)

use crate::feature::{CONTEXT, ContextRow, LOCAL, LocalRow, N_CONTEXT, N_LOCAL};

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
    /// Whether the model file gives (or is to give) only its level splits:
    /// an oblivious tree fitted as one (see [`Tree::is_oblivious`]). A
    /// tree that is oblivious by chance (one that splits nothing) keeps
    /// the form it was written in, and so its model's digest.
    pub level_splits: bool,
}

impl Tree {
    /// The oblivious tree of depth `levels.len()` whose every node of level
    /// `l` splits as `levels[l]`, with `leaves` (written with its level
    /// splits).
    pub fn oblivious(levels: &[(u16, f32)], leaves: Vec<f32>) -> Tree {
        let depth = levels.len() as u32;
        Tree {
            depth,
            // Node `i` (breadth first) is on level floor(log2(i + 1)).
            splits: (1..1usize << depth)
                .map(|i| levels[i.ilog2() as usize])
                .collect(),
            leaves,
            level_splits: true,
        }
    }

    /// The split of the first node of each level, top first: an oblivious
    /// tree's level splits.
    pub fn levels(&self) -> impl Iterator<Item = (u16, f32)> + '_ {
        (0..self.depth).map(|l| self.splits[(1 << l) - 1])
    }

    /// Whether the tree is oblivious (symmetric): every node of a level
    /// has the same split, so that a block's leaf is the `D`-bit number of
    /// its `D` level tests.
    pub fn is_oblivious(&self) -> bool {
        (1..self.depth).all(|l| {
            let level = &self.splits[(1 << l) - 1..(1 << (l + 1)) - 1];
            level.iter().all(|&(k, t)| {
                let (k0, t0) = self.splits[(1 << l) - 1];
                k == k0 && t.to_bits() == t0.to_bits()
            })
        })
    }
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

/// Blocks the oblivious path scores together: their tested inputs
/// (column-major, a column of `CHUNK` floats an input) stay in the nearest
/// cache while every tree reads them, and each level test is one compare
/// over a whole column, which the compiler turns into vector instructions.
const CHUNK: usize = 64;

/// Blocks the walked path copies into rows together.
const WALK_CHUNK: usize = 32;

/// Adds the leaves `leaf` of an oblivious tree of `L` leaves to `sum`
/// (the fixed size spares the bounds checks).
#[inline]
fn add_leaves<const L: usize>(leaves: &[f32], leaf: &[u32; CHUNK], sum: &mut [f32; CHUNK]) {
    let leaves: &[f32; L] = leaves.try_into().expect("2^depth leaves");
    for (s, &i) in sum.iter_mut().zip(leaf) {
        *s += leaves[i as usize % L];
    }
}

/// The trees of a model, in the flat form they are evaluated in: when
/// every tree is oblivious, level tests over columns of blocks; otherwise
/// each block walks each tree.
#[derive(Debug, Default)]
pub(crate) struct Forest {
    /// Per tree: depth, offset of its nodes (or level tests), offset of
    /// its leaves.
    trees: Vec<(u32, u32, u32)>,
    /// Internal nodes (input index, threshold), breadth first; for an
    /// oblivious forest, the level tests (column, threshold), top first.
    nodes: Vec<(u32, f32)>,
    leaves: Vec<f32>,
    /// For an oblivious forest, the tree inputs its tests read, in column
    /// order; `None` for a forest walked node by node.
    columns: Option<Vec<u16>>,
}

impl Forest {
    pub(crate) fn new(trees: &[Tree]) -> Forest {
        let mut f = Forest::default();
        if !trees.is_empty() && trees.iter().all(Tree::is_oblivious) {
            let mut columns: Vec<u16> = trees
                .iter()
                .flat_map(|t| t.levels().map(|(k, _)| k))
                .collect();
            columns.sort_unstable();
            columns.dedup();
            for t in trees {
                f.trees
                    .push((t.depth, f.nodes.len() as u32, f.leaves.len() as u32));
                f.nodes.extend(t.levels().map(|(k, th)| {
                    let c = columns.binary_search(&k).expect("collected above");
                    (c as u32, th)
                }));
                f.leaves.extend_from_slice(&t.leaves);
            }
            f.columns = Some(columns);
            return f;
        }
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

    /// Adds the forest's value of each block to `out`; block `b`'s tree
    /// inputs are `context[b]` followed by `local[b]`.
    pub(crate) fn add_to(&self, context: &[ContextRow], local: &[LocalRow], out: &mut [f32]) {
        debug_assert!(context.len() == out.len() && local.len() == out.len());
        if self.trees.is_empty() {
            return;
        }
        let input = |b: usize, k: usize| {
            if k < N_CONTEXT {
                context[b].0[k]
            } else {
                local[b].0[k - N_CONTEXT]
            }
        };
        match &self.columns {
            Some(columns) => self.add_oblivious(columns, &input, out),
            None => {
                // The rows of [`WALK_CHUNK`] blocks at a time, in a buffer
                // that stays in the nearest caches.
                let mut x = vec![0f32; WALK_CHUNK * TREE_STRIDE];
                for (c, out) in out.chunks_mut(WALK_CHUNK).enumerate() {
                    let x = &mut x[..out.len() * TREE_STRIDE];
                    for (b, row) in x.chunks_exact_mut(TREE_STRIDE).enumerate() {
                        row[..N_CONTEXT].copy_from_slice(&context[c * WALK_CHUNK + b].0);
                        row[N_CONTEXT..N_TREE_INPUTS].copy_from_slice(&local[c * WALK_CHUNK + b].0);
                    }
                    self.add_walked(x, out);
                }
            }
        }
    }

    /// The oblivious path: [`CHUNK`] blocks at a time, each tree's leaf
    /// index built a level at a time over the chunk's column.
    fn add_oblivious(
        &self,
        columns: &[u16],
        input: &impl Fn(usize, usize) -> f32,
        out: &mut [f32],
    ) {
        let mut cols = vec![0f32; columns.len() * CHUNK];
        for (c0, out) in out.chunks_mut(CHUNK).enumerate() {
            let b0 = c0 * CHUNK;
            for (col, &k) in cols.chunks_exact_mut(CHUNK).zip(columns) {
                for (b, v) in col.iter_mut().enumerate().take(out.len()) {
                    *v = input(b0 + b, k as usize);
                }
            }
            let mut sum = [0f32; CHUNK];
            let mut leaf = [0u32; CHUNK];
            for &(depth, s, l) in &self.trees {
                let tests = &self.nodes[s as usize..(s + depth) as usize];
                let leaves = &self.leaves[l as usize..l as usize + (1 << depth)];
                leaf.fill(0);
                // The top level's test is the index's highest bit, as in
                // a walk (left to right leaves).
                for (level, &(c, th)) in tests.iter().enumerate() {
                    let bit = 1u32 << (depth - 1 - level as u32);
                    let col: &[f32; CHUNK] = cols[c as usize * CHUNK..(c as usize + 1) * CHUNK]
                        .try_into()
                        .expect("one column");
                    for (i, &v) in leaf.iter_mut().zip(col) {
                        // All ones where the test holds: one compare, one
                        // mask, one or per block.
                        *i |= u32::from(v > th).wrapping_neg() & bit;
                    }
                }
                match depth {
                    5 => add_leaves::<32>(leaves, &leaf, &mut sum),
                    6 => add_leaves::<64>(leaves, &leaf, &mut sum),
                    7 => add_leaves::<128>(leaves, &leaf, &mut sum),
                    8 => add_leaves::<256>(leaves, &leaf, &mut sum),
                    _ => {
                        let mask = leaves.len() - 1;
                        for (s, &i) in sum.iter_mut().zip(&leaf) {
                            *s += leaves[i as usize & mask];
                        }
                    }
                }
            }
            for (o, s) in out.iter_mut().zip(sum) {
                *o += s;
            }
        }
    }

    /// The walked path: each row of `x` (row-major, [`TREE_STRIDE`] a
    /// row, the inputs first) through each tree.
    fn add_walked(&self, x: &[f32], out: &mut [f32]) {
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

    /// The rows of `x` (row-major, [`N_TREE_INPUTS`] a row) as context
    /// and local rows.
    fn rows(x: &[f32]) -> (Vec<ContextRow>, Vec<LocalRow>) {
        x.chunks(N_TREE_INPUTS)
            .map(|r| {
                (
                    ContextRow(r[..N_CONTEXT].try_into().unwrap()),
                    LocalRow(r[N_CONTEXT..].try_into().unwrap()),
                )
            })
            .unzip()
    }

    #[test]
    fn walks_to_the_right_leaf() {
        // Depth 1 on input 0 (context z1) and a depth-5 tree that always
        // goes right, then the same with a tree that is not oblivious.
        let t1 = Tree {
            depth: 1,
            splits: vec![(0, 0.5)],
            leaves: vec![-1.0, 1.0],
            level_splits: false,
        };
        let t5 = Tree {
            depth: 5,
            splits: vec![(0, f32::NEG_INFINITY); 31],
            leaves: (0..32).map(|v| v as f32).collect(),
            level_splits: false,
        };
        let mut t2 = Tree {
            depth: 2,
            splits: vec![(0, 0.5), (1, 0.0), (2, 0.0)],
            leaves: vec![0.0; 4],
            level_splits: false,
        };
        assert!(t1.is_oblivious() && t5.is_oblivious() && !t2.is_oblivious());
        let mut x = vec![0f32; 2 * N_TREE_INPUTS];
        x[N_TREE_INPUTS] = 1.0;
        let (c, l) = rows(&x);
        for (f, oblivious) in [
            (Forest::new(&[t1.clone(), t5.clone()]), true),
            (Forest::new(&[t1, t5, t2.clone()]), false),
        ] {
            assert_eq!(f.columns.is_some(), oblivious);
            let mut out = [0f32; 2];
            f.add_to(&c, &l, &mut out);
            assert_eq!(out, [-1.0 + 31.0, 1.0 + 31.0]);
        }
        t2.splits[2] = t2.splits[1];
        assert!(t2.is_oblivious());
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

    /// A small generator of numbers in [0, 1) (no dependency): xorshift.
    fn xorshift(mut state: u64) -> impl FnMut() -> f32 {
        move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 40) as f32 / (1u64 << 24) as f32
        }
    }

    #[test]
    fn rows_together_sum_as_one_at_a_time() {
        let mut next = xorshift(0x2545_f491_4f6c_dd1d);
        let mut split = || (((next() * N_TREE_INPUTS as f32) as u16), next());
        let mut forests = Vec::new();
        for oblivious in [false, true] {
            let trees: Vec<Tree> = [5, 3, 5, 1, 5, 7, 5, 6, 2]
                .iter()
                .map(|&depth: &u32| {
                    let leaves = (0..1 << depth).map(|v| v as f32 * 0.01 - 0.3).collect();
                    if oblivious {
                        let levels: Vec<(u16, f32)> = (0..depth).map(|_| split()).collect();
                        Tree::oblivious(&levels, leaves)
                    } else {
                        Tree {
                            depth,
                            splits: (0..(1 << depth) - 1).map(|_| split()).collect(),
                            leaves,
                            level_splits: false,
                        }
                    }
                })
                .collect();
            assert_eq!(trees.iter().all(Tree::is_oblivious), oblivious);
            forests.push(trees);
        }
        let mut next = xorshift(0x9e37_79b9_7f4a_7c15);
        for trees in &forests {
            let f = Forest::new(trees);
            for n in [1, 7, 63, 64, 65, 130] {
                let x: Vec<f32> = (0..n * N_TREE_INPUTS).map(|_| next()).collect();
                let (c, l) = rows(&x);
                let mut out: Vec<f32> = (0..n).map(|_| next()).collect();
                let want: Vec<f32> = x
                    .chunks(N_TREE_INPUTS)
                    .zip(&out)
                    .map(|(row, o)| o + trees.iter().fold(0.0, |s, t| s + walk(t, row)))
                    .collect();
                f.add_to(&c, &l, &mut out);
                assert_eq!(out, want, "{n} rows");
            }
        }
    }
}
