//! The cleaner's first promise, shared by the property tests
//! (`tests/integration/props.rs`) and the fuzz targets (`fuzz/src/lib.rs`),
//! which include it with `#[path]`.

/// Asserts that `out` is an in-order subsequence of the trimmed non-blank
/// lines of `text`, with no blank or untrimmed line.
pub fn assert_selection(text: &str, out: &str) {
    if out.is_empty() {
        return;
    }
    let mut lines = text.split('\n').map(str::trim).filter(|l| !l.is_empty());
    for o in out.split('\n') {
        assert!(!o.is_empty(), "blank output line");
        assert_eq!(o, o.trim(), "untrimmed output line");
        assert!(
            lines.any(|l| l == o),
            "output line {o:?} is not an in-order input line"
        );
    }
    assert!(out.len() <= text.len());
}
