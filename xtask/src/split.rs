//! The corpus split rule, shared by the trainer (`xtask`) and the
//! evaluation program (`examples/eval.rs`, which includes this file), so
//! that both hold out the same pages. Self-contained: no imports.

/// Which part of the corpus a document belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Train,
    Validation,
}

/// The split rule: a `cleaneval` or `dragnet` document is in the validation
/// part when the FNV-1a 64-bit hash of its id is divisible by 5 (about 20 %),
/// else in the training part. `scrapinghub` documents (the test set) and
/// other datasets are in neither.
// `%` rather than `is_multiple_of`: this file is also compiled into the
// crate's example, whose minimum Rust (1.85) predates it.
#[allow(clippy::manual_is_multiple_of)]
pub fn part(doc_id: &str, dataset: &str) -> Option<Part> {
    if dataset != "cleaneval" && dataset != "dragnet" {
        return None;
    }
    if fnv64(doc_id.as_bytes()) % 5 == 0 {
        Some(Part::Validation)
    } else {
        Some(Part::Train)
    }
}

/// The FNV-1a 64-bit offset basis.
#[allow(dead_code)]
pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a 64 of `bytes`.
pub fn fnv64(bytes: &[u8]) -> u64 {
    fnv64_extend(FNV_OFFSET, bytes)
}

/// Continues an FNV-1a 64 hash `h` over `bytes`.
pub fn fnv64_extend(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}
