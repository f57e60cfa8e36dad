//! The corpus split rule, shared by the trainer (`xtask`) and the
//! evaluation program (`examples/eval.rs`, which includes this file), so
//! that both hold out the same pages. Self-contained: std only.
//!
//! - `cleaneval`, `dragnet` (2007, 2012): a page is held out for validation
//!   when the FNV-1a 64-bit hash of its id is divisible by 5 (about 20 %).
//! - `wcxb`, `fundus` (2023–2026): held out **by site** (the URL's host
//!   without `www.`): no site has pages on both sides. Sites are grouped in
//!   strata by (dataset, page type, language) of their first page (by id);
//!   within a stratum they are ordered by the hash of the site, and every
//!   fifth, from the third, is held out, so each page type and language is
//!   held out in its share.
//! - `scrapinghub` (the test set) and any other dataset: in neither part.

use std::collections::{BTreeMap, HashSet};

/// Which part of the corpus a document belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Train,
    Validation,
}

/// What the split reads of a document.
#[derive(Clone, Debug)]
pub struct Meta {
    pub id: String,
    pub dataset: String,
    pub url: Option<String>,
    pub page_type: Option<String>,
    pub lang: Option<String>,
}

/// The datasets split by site.
const BY_SITE: [&str; 2] = ["wcxb", "fundus"];

/// The validation sites of the documents split by site.
#[derive(Debug, Default)]
pub struct Split {
    held_out: HashSet<String>,
}

impl Split {
    /// Computes the held-out sites from every document of the corpora
    /// (documents of other datasets are ignored).
    pub fn new<'a>(docs: impl IntoIterator<Item = &'a Meta>) -> Split {
        // Each site's stratum: that of its first page by id.
        let mut first: BTreeMap<String, (&str, String)> = BTreeMap::new();
        for m in docs {
            if !BY_SITE.contains(&m.dataset.as_str()) {
                continue;
            }
            let site = site(m);
            let stratum = format!(
                "{}/{}/{}",
                m.dataset,
                m.page_type.as_deref().unwrap_or(""),
                m.lang.as_deref().unwrap_or("")
            );
            let e = first
                .entry(site)
                .or_insert((m.id.as_str(), stratum.clone()));
            if m.id.as_str() < e.0 {
                *e = (m.id.as_str(), stratum);
            }
        }
        let mut strata: BTreeMap<String, Vec<(u64, String)>> = BTreeMap::new();
        for (site, (_, stratum)) in first {
            strata
                .entry(stratum)
                .or_default()
                .push((fnv64(site.as_bytes()), site));
        }
        let mut held_out = HashSet::new();
        for (_, mut sites) in strata {
            sites.sort_unstable();
            for (k, (_, site)) in sites.into_iter().enumerate() {
                if k % 5 == 2 {
                    held_out.insert(site);
                }
            }
        }
        Split { held_out }
    }

    /// The part of a document.
    // `%` rather than `is_multiple_of`: this file is also compiled into the
    // crate's example, whose minimum Rust (1.85) predates it.
    #[allow(clippy::manual_is_multiple_of)]
    pub fn part(&self, m: &Meta) -> Option<Part> {
        let held = match m.dataset.as_str() {
            "cleaneval" | "dragnet" => fnv64(m.id.as_bytes()) % 5 == 0,
            d if BY_SITE.contains(&d) => self.held_out.contains(&site(m)),
            _ => return None,
        };
        Some(if held { Part::Validation } else { Part::Train })
    }
}

/// A document's site: its URL's host, lowercased, without `www.`; the id
/// when it has no URL.
pub fn site(m: &Meta) -> String {
    let Some(url) = m.url.as_deref() else {
        return m.id.clone();
    };
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next().unwrap_or(host).to_ascii_lowercase();
    host.strip_prefix("www.")
        .map(str::to_string)
        .unwrap_or(host)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(id: &str, dataset: &str, url: &str, page_type: &str) -> Meta {
        Meta {
            id: id.to_string(),
            dataset: dataset.to_string(),
            url: Some(url.to_string()),
            page_type: Some(page_type.to_string()),
            lang: Some("en".to_string()),
        }
    }

    #[test]
    fn sites_never_straddle_and_strata_are_held_out_in_share() {
        assert_eq!(
            site(&meta(
                "a",
                "wcxb",
                "https://WWW.Example.com:443/x?y",
                "article"
            )),
            "example.com"
        );
        let mut docs = Vec::new();
        for k in 0..100 {
            let kind = if k % 4 == 0 { "forum" } else { "article" };
            // Two pages a site.
            for p in 0..2 {
                docs.push(meta(
                    &format!("wcxb:{k}-{p}"),
                    "wcxb",
                    &format!("https://site{k}.example/{p}"),
                    kind,
                ));
            }
        }
        let split = Split::new(&docs);
        let mut held = BTreeMap::<&str, usize>::new();
        for pair in docs.chunks(2) {
            let a = split.part(&pair[0]);
            assert_eq!(a, split.part(&pair[1]), "a site on both sides");
            if a == Some(Part::Validation) {
                *held
                    .entry(pair[0].page_type.as_deref().unwrap())
                    .or_default() += 1;
            }
        }
        assert_eq!(held["forum"], 5);
        assert_eq!(held["article"], 15);
        assert_eq!(
            split.part(&meta("s", "scrapinghub", "https://a.b/", "article")),
            None
        );
    }
}
