//! What some blocks show, whatever their order and line breaks (foster
//! parenting moves text, it does not lose it): shared by the html5lib
//! test and the differential fuzz target.

/// The non-space characters of `blocks`, sorted.
pub fn letters<'a>(blocks: impl IntoIterator<Item = &'a str>) -> Vec<char> {
    let mut out: Vec<char> = blocks
        .into_iter()
        .flat_map(str::chars)
        .filter(|c| !c.is_whitespace())
        .collect();
    out.sort_unstable();
    out
}
