//! Gradient-boosted regression trees for the weighted logistic loss,
//! boosted from a base margin (the linear context score), so that the trees
//! learn what the linear scorer cannot: interactions such as "a strong junk
//! phrase in a short block overrides a content-rich neighbourhood".
//!
//! Histogram method: every input is cut into at most [`Params::bins`]
//! quantile bins once; trees are grown level by level to a fixed depth
//! (complete trees, as the model format stores them), with second-order
//! (Newton) leaf values. Deterministic: sequential sums, ties broken by the
//! lowest input index and bin.

use dejunk::internal::Tree;

pub struct Params {
    pub trees: usize,
    pub depth: u32,
    pub rate: f64,
    /// L2 penalty on leaf values.
    pub lambda: f64,
    /// Least hessian (weighted) on each side of a split.
    pub min_hess: f64,
    pub bins: usize,
    /// Oblivious (symmetric) trees: one split for every node of a level,
    /// the one of the most gain summed over the level's nodes (a node's
    /// part counts when both its sides hold `min_hess`).
    pub oblivious: bool,
}

/// Row-major inputs `x` (`n * d`), labels `y`, weights `w`, base margins.
pub fn fit(x: &[f32], d: usize, y: &[f32], w: &[f32], base: &[f32], p: &Params) -> Vec<Tree> {
    let n = y.len();
    assert_eq!(x.len(), n * d);
    // Quantile thresholds per input, and the binned data, column-major.
    let mut thresholds: Vec<Vec<f32>> = Vec::with_capacity(d);
    let mut binned = vec![0u8; n * d];
    let mut col: Vec<f32> = Vec::with_capacity(n);
    for j in 0..d {
        col.clear();
        col.extend((0..n).map(|i| x[i * d + j]));
        let mut sorted = col.clone();
        sorted.sort_unstable_by(f32::total_cmp);
        let mut th: Vec<f32> = (1..p.bins)
            .map(|k| sorted[(k * n / p.bins).min(n - 1)])
            .collect();
        th.dedup();
        // A threshold at the maximum splits nothing off.
        if th.last() == sorted.last() {
            th.pop();
        }
        for (i, &v) in col.iter().enumerate() {
            binned[j * n + i] = th.partition_point(|&t| t < v) as u8;
        }
        thresholds.push(th);
    }
    let nb = p.bins;
    let mut margin: Vec<f64> = base.iter().map(|&b| b as f64).collect();
    let mut g = vec![0f64; n];
    let mut h = vec![0f64; n];
    let mut node = vec![0u32; n];
    let mut out = Vec::with_capacity(p.trees);
    for _ in 0..p.trees {
        for i in 0..n {
            let pr = 1.0 / (1.0 + (-margin[i]).exp());
            g[i] = w[i] as f64 * (pr - y[i] as f64);
            h[i] = (w[i] as f64 * pr * (1.0 - pr)).max(1e-12);
            node[i] = 0;
        }
        let mut splits: Vec<(u16, f32)> = Vec::new();
        for level in 0..p.depth {
            let width = 1usize << level;
            // Per input, per node, per bin: the sums of g and h, an input
            // at a time on two threads (each sum in row order, as on one).
            let mut hist = vec![(0f64, 0f64); width * d * nb];
            let fill = |j: usize, part: &mut [(f64, f64)]| {
                let col = &binned[j * n..(j + 1) * n];
                for i in 0..n {
                    let e = &mut part[node[i] as usize * nb + col[i] as usize];
                    e.0 += g[i];
                    e.1 += h[i];
                }
            };
            let half = d.div_ceil(2);
            let (lo, hi) = hist.split_at_mut(half * width * nb);
            std::thread::scope(|s| {
                s.spawn(|| {
                    for (j, part) in lo.chunks_mut(width * nb).enumerate() {
                        fill(j, part);
                    }
                });
                for (j, part) in hi.chunks_mut(width * nb).enumerate() {
                    fill(half + j, part);
                }
            });
            let level_splits = if p.oblivious {
                vec![best_level_split(&hist, &thresholds, width, p); width]
            } else {
                (0..width)
                    .map(|nd| best_node_split(&hist, &thresholds, nd, width, p))
                    .collect()
            };
            for &(j, k) in &level_splits {
                if j == usize::MAX {
                    // No split: everything goes left.
                    splits.push((0, f32::INFINITY));
                } else {
                    splits.push((j as u16, thresholds[j][k]));
                }
            }
            for i in 0..n {
                let nd = node[i] as usize;
                let right = match level_splits[nd] {
                    (usize::MAX, _) => false,
                    (j, k) => binned[j * n + i] as usize > k,
                };
                node[i] = (2 * nd + usize::from(right)) as u32;
            }
        }
        let leaves_n = 1usize << p.depth;
        let mut gs = vec![0f64; leaves_n];
        let mut hs = vec![0f64; leaves_n];
        for i in 0..n {
            gs[node[i] as usize] += g[i];
            hs[node[i] as usize] += h[i];
        }
        let leaves: Vec<f32> = (0..leaves_n)
            .map(|l| (-p.rate * gs[l] / (hs[l] + p.lambda)) as f32)
            .collect();
        for i in 0..n {
            margin[i] += leaves[node[i] as usize] as f64;
        }
        out.push(Tree {
            depth: p.depth,
            splits,
            leaves,
            level_splits: p.oblivious,
        });
    }
    out
}

/// The histogram of input `j` in node `nd` of a level of `width` nodes.
fn bins_of(hist: &[(f64, f64)], j: usize, nd: usize, width: usize, nb: usize) -> &[(f64, f64)] {
    &hist[(j * width + nd) * nb..(j * width + nd + 1) * nb]
}

/// The totals (gradient, hessian) of node `nd`, from input 0's histogram.
fn node_totals(hist: &[(f64, f64)], nd: usize, width: usize, nb: usize) -> (f64, f64) {
    bins_of(hist, 0, nd, width, nb)
        .iter()
        .fold((0.0, 0.0), |a, e| (a.0 + e.0, a.1 + e.1))
}

/// The gain of splitting a node of totals `(gt, ht)` into a left part
/// `(gl, hl)` and the rest, `None` when a side holds less than `min_hess`.
fn split_gain(gt: f64, ht: f64, gl: f64, hl: f64, p: &Params) -> Option<f64> {
    let (gr, hr) = (gt - gl, ht - hl);
    if hl < p.min_hess || hr < p.min_hess {
        return None;
    }
    Some(gl * gl / (hl + p.lambda) + gr * gr / (hr + p.lambda) - gt * gt / (ht + p.lambda))
}

/// The best split of node `nd` as (input, bin), `(usize::MAX, 0)` when no
/// split has a gain.
fn best_node_split(
    hist: &[(f64, f64)],
    thresholds: &[Vec<f32>],
    nd: usize,
    width: usize,
    p: &Params,
) -> (usize, usize) {
    let nb = p.bins;
    let (gt, ht) = node_totals(hist, nd, width, nb);
    let mut best = (0f64, usize::MAX, 0usize);
    for (j, th) in thresholds.iter().enumerate() {
        let hj = bins_of(hist, j, nd, width, nb);
        let (mut gl, mut hl) = (0.0, 0.0);
        for (k, e) in hj.iter().enumerate().take(th.len()) {
            gl += e.0;
            hl += e.1;
            if let Some(gain) = split_gain(gt, ht, gl, hl, p)
                && gain > best.0 + 1e-12
            {
                best = (gain, j, k);
            }
        }
    }
    (best.1, best.2)
}

/// The best split of a whole level of `width` nodes (an oblivious tree's
/// level): the gain summed over the nodes.
fn best_level_split(
    hist: &[(f64, f64)],
    thresholds: &[Vec<f32>],
    width: usize,
    p: &Params,
) -> (usize, usize) {
    let nb = p.bins;
    let totals: Vec<(f64, f64)> = (0..width)
        .map(|nd| node_totals(hist, nd, width, nb))
        .collect();
    let mut best = (0f64, usize::MAX, 0usize);
    let mut gains = vec![0f64; nb];
    for (j, th) in thresholds.iter().enumerate() {
        gains[..th.len()].fill(0.0);
        for (nd, &(gt, ht)) in totals.iter().enumerate() {
            let hj = bins_of(hist, j, nd, width, nb);
            let (mut gl, mut hl) = (0.0, 0.0);
            for (k, e) in hj.iter().enumerate().take(th.len()) {
                gl += e.0;
                hl += e.1;
                gains[k] += split_gain(gt, ht, gl, hl, p).unwrap_or(0.0);
            }
        }
        for (k, &gain) in gains[..th.len()].iter().enumerate() {
            if gain > best.0 + 1e-12 {
                best = (gain, j, k);
            }
        }
    }
    (best.1, best.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(trees: usize) -> Params {
        params_of(trees, false)
    }

    fn params_of(trees: usize, oblivious: bool) -> Params {
        Params {
            trees,
            depth: 2,
            rate: 0.3,
            lambda: 1.0,
            min_hess: 1.0,
            bins: 16,
            oblivious,
        }
    }

    /// The value of `trees` on row `x`, as the crate walks them.
    fn predict(trees: &[Tree], x: &[f32]) -> f32 {
        trees
            .iter()
            .map(|t| {
                let mut i = 0usize;
                for _ in 0..t.depth {
                    let (k, th) = t.splits[i];
                    i = 2 * i + 1 + usize::from(x[k as usize] > th);
                }
                t.leaves[i - ((1 << t.depth) - 1)]
            })
            .sum()
    }

    /// Rows of three inputs (`x`, row-major) and labels `y`: the XOR of two
    /// inputs (one of them set on a third of the rows, so that a greedy
    /// first split has a gain); the third input is noise.
    fn xor_rows() -> (Vec<f32>, Vec<f32>) {
        let (mut x, mut y) = (Vec::new(), Vec::new());
        for i in 0..600 {
            let a = f32::from(i % 3 == 0);
            let b = ((i / 3) % 2) as f32;
            let noise = ((i * 37) % 11) as f32;
            x.extend_from_slice(&[a, b, noise]);
            y.push(f32::from((a > 0.5) != (b > 0.5)));
        }
        (x, y)
    }

    #[test]
    fn learns_an_interaction_a_linear_model_cannot() {
        let (x, y) = xor_rows();
        let w = vec![1.0; y.len()];
        let base = vec![0.0; y.len()];
        let trees = fit(&x, 3, &y, &w, &base, &params(30));
        assert_eq!(trees.len(), 30);
        for t in &trees {
            assert_eq!(t.splits.len(), 3);
            assert_eq!(t.leaves.len(), 4);
        }
        for i in 0..y.len() {
            let z = predict(&trees, &x[3 * i..3 * i + 3]);
            assert_eq!(z > 0.0, y[i] > 0.5, "row {i}: {z}");
        }
        // Deterministic.
        assert_eq!(trees, fit(&x, 3, &y, &w, &base, &params(30)));
    }

    #[test]
    fn oblivious_trees_learn_it_too_with_one_split_a_level() {
        let (x, y) = xor_rows();
        let (w, base) = (vec![1.0; y.len()], vec![0.0; y.len()]);
        let trees = fit(&x, 3, &y, &w, &base, &params_of(30, true));
        assert!(trees.iter().all(Tree::is_oblivious));
        for i in 0..y.len() {
            let z = predict(&trees, &x[3 * i..3 * i + 3]);
            assert_eq!(z > 0.0, y[i] > 0.5, "row {i}: {z}");
        }
        assert_eq!(trees, fit(&x, 3, &y, &w, &base, &params_of(30, true)));
    }

    #[test]
    fn a_perfect_base_margin_leaves_little_to_learn() {
        let x: Vec<f32> = (0..100).map(|i| i as f32).collect();
        let y: Vec<f32> = (0..100).map(|i| f32::from(i >= 50)).collect();
        let base: Vec<f32> = y
            .iter()
            .map(|&v| if v > 0.5 { 8.0 } else { -8.0 })
            .collect();
        let trees = fit(&x, 1, &y, &vec![1.0; 100], &base, &params(5));
        for (i, &b) in base.iter().enumerate() {
            assert!(predict(&trees, &x[i..=i]).abs() < 0.1 * b.abs());
        }
    }
}
