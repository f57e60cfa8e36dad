//! The few numeric helpers every scoring stage shares.

use std::sync::LazyLock;

/// Counts below this have their `ln(1 + n)` in a table.
const LN1_COUNTS: usize = 1024;

/// `ln(1 + n)` of the small counts, computed as [`ln1`] computes the rest.
static LN1: LazyLock<[f32; LN1_COUNTS]> =
    LazyLock::new(|| std::array::from_fn(|n| (1.0 + n as f32).ln()));

/// `ln(1 + x)`: the squashing of counts and lengths into features. Most
/// arguments are small counts, read from a table (the same values).
#[inline]
pub(crate) fn ln1(x: f32) -> f32 {
    let n = x as usize;
    if n < LN1_COUNTS && n as f32 == x {
        LN1[n]
    } else {
        (1.0 + x).ln()
    }
}

/// 1 for `true`, 0 for `false`.
#[inline]
pub(crate) fn flag(b: bool) -> f32 {
    if b { 1.0 } else { 0.0 }
}

/// A part over its whole, as the link density is (characters inside links
/// over all characters); 0 for an empty whole.
#[inline]
#[cfg(feature = "html")]
pub(crate) fn density(part: u64, whole: u64) -> f32 {
    if whole > 0 {
        part as f32 / whole as f32
    } else {
        0.0
    }
}

/// The logistic function: a logit as a probability.
#[inline]
pub(crate) fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

/// The dot product of two vectors of the same length.
#[inline]
pub(crate) fn dot<const N: usize>(w: &[f32; N], x: &[f32; N]) -> f32 {
    w.iter().zip(x).map(|(a, b)| a * b).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_of_counts_is_the_logarithm() {
        for x in (0..2000)
            .map(|n| n as f32)
            .chain([-0.0, 0.5, 1e9, f32::NAN])
        {
            let (a, b) = (ln1(x), (1.0 + x).ln());
            assert!(
                a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
                "{x}"
            );
        }
    }
}
