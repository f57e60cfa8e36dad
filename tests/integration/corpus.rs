//! The corpus beside the repository, for the tests that read it (ignored
//! by plain `cargo test`; CI runs them).

use std::io::BufRead;

/// The path of a corpus file (`DEJUNK_CORPUS_DIR` overrides the
/// directory, `../shared/corpus`).
pub fn corpus(name: &str) -> std::path::PathBuf {
    let dir = std::env::var("DEJUNK_CORPUS_DIR")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus").to_string());
    let path = std::path::Path::new(&dir).join(name);
    assert!(path.exists(), "corpus not found at {}", path.display());
    path
}

/// Calls `f` with the id and HTML of every page of a corpus file that
/// `wanted` accepts (by its dataset); returns how many.
pub fn each_page(
    name: &str,
    wanted: impl Fn(&str) -> bool,
    mut f: impl FnMut(&str, &str),
) -> usize {
    let file = std::fs::File::open(corpus(name)).unwrap();
    let reader = std::io::BufReader::new(flate2::read::GzDecoder::new(file));
    let mut n = 0;
    for line in reader.lines() {
        let v: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
        let (Some(id), Some(dataset), Some(html)) =
            (v["id"].as_str(), v["dataset"].as_str(), v["html"].as_str())
        else {
            continue;
        };
        if wanted(dataset) {
            f(id, html);
            n += 1;
        }
    }
    n
}
