//! Training-data augmentation: junk inside the body.
//!
//! In the corpus (pages of 2007 and 2012) page furniture almost never sits
//! between two body paragraphs, so a context scorer trained on it learns
//! that whatever is surrounded by body is body. Modern pages put ads,
//! promos and "read also" lists right inside the article. Each training
//! page therefore gets one copy with a few runs of junk lines of *other*
//! training pages (one line, or a short section such as a heading and its
//! links) inserted between its body lines (labelled junk), so that the
//! scorer learns to trust strong local junk evidence inside the body.
//!
//! The same copy also gets, after its last body line, a *teaser section*
//! such as "related articles" boxes print: a junk heading, then items of
//! junk lines (titles, sources, times) each followed by a body paragraph of
//! another page, all labelled junk. A paragraph that reads like body but
//! sits alone among furniture after the article is not the article.
//! Deterministic: positions and lines are chosen by hashes of the id.

use crate::corpus::{Doc, Part, fnv64};

/// Junk runs inserted per page copy.
const INSERTS: u64 = 2;
/// A run is at most this many lines.
const MAX_RUN: usize = 5;
/// Pages with fewer body lines get no copy.
const MIN_BODY_LINES: usize = 4;
/// Items of the teaser section.
const TEASERS: u64 = 2;
/// A teaser paragraph has at least this many words.
const MIN_TEASER_WORDS: usize = 15;
/// Junk lines of at most this many words feed the pool.
const MAX_POOL_WORDS: usize = 40;

/// The augmented copies of the training pages of `docs`.
pub fn junk_inside_body(docs: &[(Part, Doc)]) -> Vec<(Part, Doc)> {
    // The pool: (document index, lines) of runs of consecutive junk lines
    // (blank lines do not break a run) of the training pages, cut to at
    // most MAX_RUN lines, each line short.
    let mut pool: Vec<(usize, Vec<&str>)> = Vec::new();
    for (d, (part, doc)) in docs.iter().enumerate() {
        if *part != Part::Train {
            continue;
        }
        let mut run: Vec<&str> = Vec::new();
        for (j, line) in doc.text.split('\n').enumerate() {
            let t = line.trim();
            if t.is_empty() {
                continue;
            }
            let words = t.split_whitespace().count();
            if doc.line_labels.get(j) == Some(&0) && words <= MAX_POOL_WORDS {
                run.push(t);
                if run.len() == MAX_RUN {
                    pool.push((d, std::mem::take(&mut run)));
                }
            } else if !run.is_empty() {
                pool.push((d, std::mem::take(&mut run)));
            }
        }
        if !run.is_empty() {
            pool.push((d, run));
        }
    }
    // Body paragraphs of the training pages, for the teasers.
    let mut paras: Vec<(usize, &str)> = Vec::new();
    for (d, (part, doc)) in docs.iter().enumerate() {
        if *part != Part::Train {
            continue;
        }
        for (j, line) in doc.text.split('\n').enumerate() {
            let t = line.trim();
            if doc.line_labels.get(j) == Some(&1)
                && t.split_whitespace().count() >= MIN_TEASER_WORDS
            {
                paras.push((d, t));
            }
        }
    }
    let mut out = Vec::new();
    if pool.is_empty() || paras.is_empty() {
        return out;
    }
    // An entry of `pool` or `paras` not from page `d`, picked by `h`.
    fn other<T>(v: &[(usize, T)], d: usize, h: u64) -> &T {
        let mut p = (h % v.len() as u64) as usize;
        for _ in 0..v.len() {
            if v[p].0 != d {
                break;
            }
            p = (p + 1) % v.len();
        }
        &v[p].1
    }
    for (d, (part, doc)) in docs.iter().enumerate() {
        if *part != Part::Train {
            continue;
        }
        let lines: Vec<&str> = doc.text.split('\n').collect();
        let body: Vec<usize> = (0..lines.len())
            .filter(|&j| doc.line_labels.get(j) == Some(&1))
            .collect();
        if body.len() < MIN_BODY_LINES {
            continue;
        }
        // Insert after body lines that are not the last body line.
        let mut after: Vec<(usize, Vec<&str>)> = Vec::new();
        for k in 0..INSERTS {
            let h = fnv64(format!("{}#{k}", doc.id).as_bytes());
            let at = body[(h % (body.len() as u64 - 1)) as usize];
            after.push((at, other(&pool, d, h >> 20).clone()));
        }
        after.sort_unstable();
        after.dedup_by_key(|x| x.0);
        // The teaser section, after the last body line.
        let last = *body.last().expect("enough body lines");
        let h = fnv64(format!("{}#teasers", doc.id).as_bytes());
        let mut section: Vec<&str> = vec![other(&pool, d, h)[0]];
        for k in 0..TEASERS {
            let h = fnv64(format!("{}#teaser{k}", doc.id).as_bytes());
            section.extend(other(&pool, d, h).iter().take(2));
            section.push(*other(&paras, d, h >> 20));
        }
        after.push((last, section));
        let mut text: Vec<&str> = Vec::with_capacity(lines.len() + 4);
        let mut labels: Vec<u8> = Vec::with_capacity(lines.len() + 4);
        let mut next = after.iter().peekable();
        for (j, line) in lines.iter().enumerate() {
            text.push(line);
            labels.push(doc.line_labels.get(j).copied().unwrap_or(0));
            while let Some((at, junk)) = next.peek()
                && *at == j
            {
                next.next();
                // Keep the page's paragraph separation: a blank line
                // before each junk line when the body line is followed by
                // one.
                let blank = lines.get(j + 1).is_some_and(|l| l.trim().is_empty());
                for l in junk {
                    if blank {
                        text.push("");
                        labels.push(0);
                    }
                    text.push(l);
                    labels.push(0);
                }
            }
        }
        out.push((
            Part::Train,
            Doc {
                id: format!("{}#junk-inside", doc.id),
                dataset: doc.dataset.clone(),
                text: text.join("\n"),
                line_labels: labels,
                html: String::new(),
                gold: String::new(),
            },
        ));
    }
    out
}
