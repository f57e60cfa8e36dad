//! The monotonic alignment of two token sequences that the corpus's line
//! labels use (Python's `difflib.SequenceMatcher`): the trainer labels the
//! blocks of HTML pages with it, and the evaluation program
//! (`examples/eval.rs`, which includes this file) finds where a cleaned
//! page's body ends.

use std::collections::HashMap;

/// Which tokens of `a` lie in the matching blocks of a monotonic alignment
/// of `a` with `b`: the longest common run (the earliest of equal ones),
/// then recursively the parts left and right of it.
pub fn align(a: &[u32], b: &[u32]) -> Vec<bool> {
    let mut b2j: HashMap<u32, Vec<usize>> = HashMap::new();
    for (j, &x) in b.iter().enumerate() {
        b2j.entry(x).or_default().push(j);
    }
    let mut covered = vec![false; a.len()];
    // Lengths of the common runs ending at b[j], for the previous and the
    // current i; only the touched entries are non-zero.
    let mut prev = vec![0usize; b.len()];
    let mut cur = vec![0usize; b.len()];
    let mut touched_prev: Vec<usize> = Vec::new();
    let mut touched_cur: Vec<usize> = Vec::new();
    let mut stack = vec![(0usize, a.len(), 0usize, b.len())];
    while let Some((alo, ahi, blo, bhi)) = stack.pop() {
        if alo >= ahi || blo >= bhi {
            continue;
        }
        let (mut bi, mut bj, mut size) = (alo, blo, 0usize);
        for (i, x) in a.iter().enumerate().take(ahi).skip(alo) {
            if let Some(js) = b2j.get(x) {
                let start = js.partition_point(|&j| j < blo);
                for &j in js[start..].iter().take_while(|&&j| j < bhi) {
                    let k = if j > blo { prev[j - 1] } else { 0 } + 1;
                    cur[j] = k;
                    touched_cur.push(j);
                    if k > size {
                        bi = i + 1 - k;
                        bj = j + 1 - k;
                        size = k;
                    }
                }
            }
            for &j in &touched_prev {
                prev[j] = 0;
            }
            touched_prev.clear();
            for &j in &touched_cur {
                prev[j] = cur[j];
                cur[j] = 0;
            }
            std::mem::swap(&mut touched_prev, &mut touched_cur);
        }
        for &j in &touched_prev {
            prev[j] = 0;
        }
        touched_prev.clear();
        if size == 0 {
            continue;
        }
        covered[bi..bi + size].iter_mut().for_each(|c| *c = true);
        stack.push((alo, bi, blo, bj));
        stack.push((bi + size, ahi, bj + size, bhi));
    }
    covered
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alignment_is_monotonic_and_counts_repeats_once() {
        // The gold's run is matched at its first place in the page only.
        assert_eq!(
            align(&[1, 2, 3, 9, 1, 2, 3], &[1, 2, 3]),
            [true, true, true, false, false, false, false]
        );
        // The longest run wins, then the parts left and right of it.
        assert_eq!(
            align(&[5, 1, 2, 3, 4, 6, 7], &[5, 7, 1, 2, 3, 4, 6, 7]),
            [true, true, true, true, true, true, true]
        );
        // Of equal runs the earliest in the page; what crosses it is lost.
        assert_eq!(
            align(&[4, 5, 1, 2], &[1, 2, 4, 5, 6]),
            [true, true, false, false]
        );
    }
}
