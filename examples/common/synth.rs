//! A synthetic crawl for the site memory, built from corpus pages: sites
//! with their own menus, footers and promos around real article bodies.
//! Shared by `examples/site_memory.rs` and the integration test.
//!
//! Each site takes
//! - a *header* and a *footer*: the junk lines (label 0) before the first
//!   and after the last body line of one real corpus page (its template),
//!   at most 25 lines each;
//! - three *promos*: body paragraphs (label 1, 15 to 60 words) of other
//!   corpus pages. They read like article text, so the single-page model
//!   keeps them; only their recurrence gives them away.
//!
//! Page `k` of the crawl belongs to site `k % sites` (sites interleaved, as
//! in a crawl that is not ordered by host) and is: the site's header, the
//! body lines (label 1) of one more corpus page with two of the site's
//! promos inserted after its first and second thirds, then the footer.
//! Every corpus page is used once at most: as a template, a promo source or
//! a body. Labels: body lines are content, everything else junk.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};

/// A corpus page: its lines and per-line labels.
pub struct Doc {
    pub lines: Vec<String>,
    pub labels: Vec<bool>,
}

/// A page of the synthetic crawl.
pub struct SynthPage {
    pub site: String,
    pub text: String,
    /// Per line of `text`: body content?
    pub body: Vec<bool>,
}

/// Reads the `cleaneval` and `dragnet` pages of a corpus in the format of
/// `shared/corpus` (the `scrapinghub` test pages are skipped unparsed).
pub fn load_docs(path: &str) -> Result<Vec<Doc>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    let reader: Box<dyn BufRead> = if path.ends_with(".gz") {
        Box::new(BufReader::new(flate2::read::GzDecoder::new(file)))
    } else {
        Box::new(BufReader::new(file))
    };
    let mut docs = Vec::new();
    for (n, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| format!("{path}: {e}"))?;
        if line.contains("\"dataset\": \"scrapinghub\"")
            || line.contains("\"dataset\":\"scrapinghub\"")
        {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(&line).map_err(|e| format!("{path}: record {}: {e}", n + 1))?;
        if v["dataset"] == "scrapinghub" {
            continue;
        }
        let text = v["text"].as_str().unwrap_or_default();
        let labels: Vec<bool> = v["line_labels"]
            .as_array()
            .map(|a| a.iter().map(|x| x.as_u64() == Some(1)).collect())
            .unwrap_or_default();
        let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        if lines.len() == labels.len() {
            docs.push(Doc { lines, labels });
        }
    }
    Ok(docs)
}

struct Site {
    name: String,
    header: Vec<String>,
    footer: Vec<String>,
    promos: Vec<String>,
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Builds `pages` pages over `sites` sites, deterministically, from `docs`
/// in order. Returns fewer pages if the corpus runs out.
pub fn build(docs: &[Doc], sites: usize, pages: usize) -> Vec<SynthPage> {
    let mut docs = docs.iter().filter(|d| d.labels.iter().any(|&l| l));
    let mut made = Vec::new();
    // Site templates: pages with a real header and footer.
    while made.len() < sites {
        let Some(d) = docs.next() else {
            return Vec::new();
        };
        let first = d.labels.iter().position(|&l| l).unwrap_or(0);
        let last = d.labels.iter().rposition(|&l| l).unwrap_or(0);
        let junk = |r: &[String], l: &[bool]| -> Vec<String> {
            r.iter()
                .zip(l)
                .filter(|(s, l)| !**l && !s.trim().is_empty())
                .map(|(s, _)| s.trim().to_string())
                .collect()
        };
        let header = junk(&d.lines[..first], &d.labels[..first]);
        let footer = junk(&d.lines[last + 1..], &d.labels[last + 1..]);
        if header.len() < 3 || footer.len() < 2 {
            continue;
        }
        made.push(Site {
            name: format!("site{}.example", made.len()),
            header: header.into_iter().take(25).collect(),
            footer: footer.into_iter().rev().take(25).rev().collect(),
            promos: Vec::new(),
        });
    }
    // Promos: one body paragraph from each of three further pages a site.
    for site in &mut made {
        while site.promos.len() < 3 {
            let Some(d) = docs.next() else {
                return Vec::new();
            };
            if let Some(p) = d
                .lines
                .iter()
                .zip(&d.labels)
                .find(|(s, l)| **l && (15..=60).contains(&words(s)))
            {
                site.promos.push(p.0.trim().to_string());
            }
        }
    }
    let mut out = Vec::with_capacity(pages);
    for k in 0..pages {
        let site = &made[k % sites];
        let Some(d) = docs.next() else { break };
        let body: Vec<&str> = d
            .lines
            .iter()
            .zip(&d.labels)
            .filter(|(s, l)| **l && !s.trim().is_empty())
            .map(|(s, _)| s.trim())
            .collect();
        let (a, b) = (body.len() / 3, 2 * body.len() / 3);
        let promo = |i: usize| site.promos[(k / sites + i) % site.promos.len()].as_str();
        let mut lines: Vec<(&str, bool)> = Vec::new();
        lines.extend(site.header.iter().map(|s| (s.as_str(), false)));
        for (i, l) in body.iter().enumerate() {
            if i == a.max(1) {
                lines.push((promo(0), false));
            }
            if i == b.max(2) {
                lines.push((promo(1), false));
            }
            lines.push((l, true));
        }
        lines.extend(site.footer.iter().map(|s| (s.as_str(), false)));
        out.push(SynthPage {
            site: site.name.clone(),
            text: lines.iter().map(|(s, _)| *s).collect::<Vec<_>>().join("\n"),
            body: lines.iter().map(|(_, b)| *b).collect(),
        });
    }
    out
}

/// Recall of body lines and leakage of junk lines, pooled over pages.
#[derive(Clone, Copy, Debug, Default)]
pub struct Score {
    pub body: usize,
    pub body_kept: usize,
    pub junk: usize,
    pub junk_kept: usize,
}

impl Score {
    pub fn add(&mut self, page: &SynthPage, kept: &[bool]) {
        for (&b, &k) in page.body.iter().zip(kept) {
            if b {
                self.body += 1;
                self.body_kept += k as usize;
            } else {
                self.junk += 1;
                self.junk_kept += k as usize;
            }
        }
    }

    pub fn recall(&self) -> f64 {
        self.body_kept as f64 / self.body.max(1) as f64
    }

    pub fn leakage(&self) -> f64 {
        self.junk_kept as f64 / self.junk.max(1) as f64
    }
}

/// Which lines of `page` an analysis kept.
pub fn kept_lines(page: &SynthPage, a: &dejunk::Analysis<'_>) -> Vec<bool> {
    let mut kept = vec![false; page.body.len()];
    for b in a.blocks() {
        if b.is_kept() && b.line() <= kept.len() {
            kept[b.line() - 1] = true;
        }
    }
    kept
}
