//! The few numeric helpers every scoring stage shares.

/// `ln(1 + x)`: the squashing of counts and lengths into features.
#[inline]
pub(crate) fn ln1(x: f32) -> f32 {
    (1.0 + x).ln()
}

/// 1 for `true`, 0 for `false`.
#[inline]
pub(crate) fn flag(b: bool) -> f32 {
    if b { 1.0 } else { 0.0 }
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
