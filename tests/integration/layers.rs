//! The crate's modules form a one-way graph: each module of `src/` uses
//! only modules above it in [`LAYERS`], so there is no import cycle. The
//! check reads the sources: every `crate::<module>` path (in `use` lines,
//! code and doc links) of a module's files must name a module of a lower
//! layer.

use std::collections::BTreeMap;
use std::path::Path;

/// The modules of `src/`, bottom first; a module may use the modules of
/// the lines above its own. Modules on one line may not use each other.
const LAYERS: &[&[&str]] = &[
    &[
        "error", "hash", "math", "charset", "sniff", "date", "language",
    ],
    &["segment"],
    &["phrase", "not_text"],
    &["feature"],
    &["model", "html"],
    &["score", "dedup", "memory", "metadata"],
    &["title"],
    &["page", "decide", "analysis"],
    &["explain", "markdown", "owned"],
    &["window"],
    &["cleaner"],
    &["batch", "internal"],
];

/// The top-level module a file belongs to, or `None` for `lib.rs`.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "lib").then(|| name.to_string())
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn modules_only_use_lower_layers() {
    let layer: BTreeMap<&str, usize> = LAYERS
        .iter()
        .enumerate()
        .flat_map(|(k, ms)| ms.iter().map(move |m| (*m, k)))
        .collect();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    // The crate's modules, as `lib.rs` declares them: every one has a
    // layer; any other `crate::` path is an item the crate root re-exports.
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let modules: Vec<&str> = lib
        .lines()
        .filter_map(|l| {
            let l = l.trim().strip_prefix("pub ").unwrap_or(l.trim());
            l.strip_prefix("mod ")?.strip_suffix(';')
        })
        .collect();
    assert!(modules.len() >= 15, "modules of lib.rs: {modules:?}");
    for m in &modules {
        assert!(layer.contains_key(m), "module `{m}` is not in LAYERS");
    }
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut uses = 0;
    for file in &all {
        let Some(m) = module_of(&src, file) else {
            continue;
        };
        let Some(&own) = layer.get(m.as_str()) else {
            panic!("module `{m}` ({}) is not in LAYERS", file.display());
        };
        let text = std::fs::read_to_string(file).unwrap();
        for (at, _) in text.match_indices("crate::") {
            let rest = &text[at + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if name == m || !modules.contains(&name.as_str()) {
                continue;
            }
            let theirs = layer[name.as_str()];
            assert!(
                theirs < own,
                "{}: `{m}` (layer {own}) uses `crate::{name}` (layer {theirs}): imports go one way",
                file.display()
            );
            uses += 1;
        }
    }
    assert!(
        uses > 30,
        "only {uses} uses found: is the check reading src/?"
    );
}

/// The trainer's featuriser (`internal`, the `_internal` feature) is not
/// public API: docs.rs builds every feature, so it must be hidden.
#[test]
fn the_internal_module_is_hidden_from_the_docs() {
    let lib =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    let lines: Vec<&str> = lib.lines().map(str::trim).collect();
    let at = lines
        .iter()
        .position(|l| *l == "pub mod internal;")
        .expect("lib.rs declares `pub mod internal;`");
    let attrs: Vec<&str> = lines[..at]
        .iter()
        .rev()
        .take_while(|l| l.starts_with("#["))
        .copied()
        .collect();
    assert!(attrs.contains(&"#[doc(hidden)]"), "{attrs:?}");
}
