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
//! such as "related articles" boxes print: a junk heading with a curated
//! "related" phrase (as below), then items of another page's headline (see
//! below) and junk lines (sources, times), each followed by a body paragraph
//! of that page, all labelled junk; on half the copies the last paragraph is up to eight
//! paragraphs of that page joined, as when a related box prints a whole
//! article on one line. A paragraph that reads like body but
//! sits alone among furniture after the article is not the article.
//! And it gets, between two body lines, a *read-also inset*: a short junk
//! heading of a training page that has a curated "related" phrase ("Read
//! also", "More stories"), then the headlines of other pages, as bulleted
//! items or not (the headline of a page: its first body line of 4 to 20
//! words without a sentence end), all labelled junk. Headlines are body on
//! their own page, and the inset sits in the middle of the body, so only
//! the heading and the shape of the list tell it apart.
//! Deterministic: positions and lines are chosen by hashes of the id.

use dejunk::internal;

use crate::corpus::{Doc, Part, fnv64, fnv64_extend};

/// Junk runs inserted per page copy.
const INSERTS: u64 = 2;
/// A run is at most this many lines.
const MAX_RUN: usize = 5;
/// Pages with fewer body lines get no copy.
const MIN_BODY_LINES: usize = 4;
/// Items of the teaser section.
const TEASERS: u64 = 2;
/// The last teaser joins up to this many paragraphs of its page.
const LONG_TEASER: usize = 8;
/// A teaser paragraph has at least this many words.
const MIN_TEASER_WORDS: usize = 15;
/// Junk lines of at most this many words feed the pool.
const MAX_POOL_WORDS: usize = 40;
/// An inset heading has at most this many words.
const MAX_INSET_HEAD_WORDS: usize = 6;

/// The headline of every page of `part` that has one: its first body line,
/// when that has 4 to 20 words and no sentence end; (document index,
/// line), in document order.
pub fn headlines(docs: &[(Part, Doc)], part: Part) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    for (d, (p, doc)) in docs.iter().enumerate() {
        if *p != part {
            continue;
        }
        let first = doc
            .text
            .split('\n')
            .enumerate()
            .map(|(j, l)| (j, l.trim()))
            .find(|(j, t)| !t.is_empty() && doc.line_labels.get(*j) == Some(&1));
        if let Some((_, t)) = first {
            let n = t.split_whitespace().count();
            if (4..=20).contains(&n) && !t.ends_with(['.', '!', '?', ':']) {
                out.push((d, t));
            }
        }
    }
    out
}

/// The augmented copies of the training pages of `docs`.
///
/// `related` are the curated "related" phrases (normalised as the matcher
/// sees them, [`internal::normalize`]), which pick the headings of the
/// read-also insets.
pub fn junk_inside_body(docs: &[(Part, Doc)], related: &[&str]) -> Vec<(Part, Doc)> {
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
    // Inset headings: short junk lines with a related phrase.
    let mut heads: Vec<(usize, &str)> = Vec::new();
    for (d, (part, doc)) in docs.iter().enumerate() {
        if *part != Part::Train {
            continue;
        }
        for (j, line) in doc.text.split('\n').enumerate() {
            let t = line.trim();
            let n = t.split_whitespace().count();
            if n > 0 && n <= MAX_INSET_HEAD_WORDS && doc.line_labels.get(j) == Some(&0) {
                let w = internal::normalize(t);
                if related.iter().any(|p| w.contains(&format!(" {p} "))) {
                    heads.push((d, t));
                }
            }
        }
    }
    let headlines = headlines(docs, Part::Train);
    let mut out = Vec::new();
    if pool.is_empty() || paras.is_empty() || heads.is_empty() || headlines.len() < 8 {
        return out;
    }
    // The index of an entry of `pool` or `paras` not from page `d`, picked
    // by `h`.
    fn other_at<T>(v: &[(usize, T)], d: usize, h: u64) -> usize {
        let mut p = (h % v.len() as u64) as usize;
        for _ in 0..v.len() {
            if v[p].0 != d {
                break;
            }
            p = (p + 1) % v.len();
        }
        p
    }
    fn other<T>(v: &[(usize, T)], d: usize, h: u64) -> &T {
        &v[other_at(v, d, h)].1
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
        let mut after: Vec<(usize, Vec<String>)> = Vec::new();
        for k in 0..INSERTS {
            let h = fnv64(format!("{}#{k}", doc.id).as_bytes());
            let at = body[(h % (body.len() as u64 - 1)) as usize];
            let run = other(&pool, d, h >> 20);
            after.push((at, run.iter().map(|l| l.to_string()).collect()));
        }
        // The read-also inset.
        let h = fnv64(format!("{}#inset", doc.id).as_bytes());
        let at = body[(h % (body.len() as u64 - 1)) as usize];
        let bullet = h & (1 << 40) != 0;
        let mut inset: Vec<String> = vec![other(&heads, d, h >> 8).to_string()];
        for k in 0..2 + (h >> 50) % 3 {
            let t = other(&headlines, d, fnv64_extend(h, &k.to_le_bytes()));
            inset.push(if bullet {
                format!("  \u{2022} {t}")
            } else {
                t.to_string()
            });
        }
        after.push((at, inset));
        after.sort_unstable();
        after.dedup_by_key(|x| x.0);
        // The teaser section, after the last body line.
        let last = *body.last().expect("enough body lines");
        let h = fnv64(format!("{}#teasers", doc.id).as_bytes());
        let mut section: Vec<String> = vec![other(&heads, d, h).to_string()];
        for k in 0..TEASERS {
            let h = fnv64(format!("{}#teaser{k}", doc.id).as_bytes());
            // The teaser's page: its headline (when it has one) and a
            // junk line, or two junk lines, then its paragraph. On half
            // the copies the last teaser is a whole article printed as one
            // line: up to LONG_TEASER paragraphs of that page.
            let p = other_at(&paras, d, h >> 20);
            let junk = other(&pool, d, h).iter().map(|l| l.to_string());
            match headlines.binary_search_by_key(&paras[p].0, |(e, _)| *e) {
                Ok(i) => {
                    section.push(headlines[i].1.to_string());
                    section.extend(junk.take(1));
                }
                Err(_) => section.extend(junk.take(2)),
            }
            let n = if k + 1 == TEASERS && h & (1 << 41) != 0 {
                LONG_TEASER
            } else {
                1
            };
            let text: Vec<&str> = paras[p..]
                .iter()
                .take_while(|(e, _)| *e == paras[p].0)
                .take(n)
                .map(|(_, t)| *t)
                .collect();
            section.push(text.join(" "));
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
                    text.push(l.as_str());
                    labels.push(0);
                }
            }
        }
        out.push((
            Part::Train,
            Doc {
                id: format!("{}#junk-inside", doc.id),
                dataset: doc.dataset.clone(),
                url: doc.url.clone(),
                lang: doc.lang.clone(),
                page_type: doc.page_type.clone(),
                text: text.join("\n"),
                line_labels: labels,
                html: String::new(),
                headline: None,
                gold: String::new(),
            },
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A training page: a nav line, a headline, `n` body paragraphs that
    /// name the page, and a footer; body lines labelled 1.
    fn page(id: &str, n: usize) -> (Part, Doc) {
        let mut lines = vec![
            format!("Home | News | Sport of {id}"),
            format!("Council of {id} keeps the library open"),
        ];
        for k in 0..n {
            lines.push(format!(
                "Paragraph {k} of {id}: the city council voted on Tuesday to keep the central library open."
            ));
        }
        lines.push("Read also".to_string());
        lines.push(format!("Privacy policy of {id}"));
        let mut labels = vec![0, 1];
        labels.extend(std::iter::repeat_n(1, n));
        labels.extend([0, 0]);
        (
            Part::Train,
            Doc {
                id: id.to_string(),
                dataset: "dragnet".to_string(),
                url: None,
                lang: None,
                page_type: None,
                text: lines.join("\n"),
                line_labels: labels,
                html: String::new(),
                headline: None,
                gold: String::new(),
            },
        )
    }

    #[test]
    fn copies_keep_every_body_line_and_label_what_they_insert_junk() {
        let mut docs: Vec<(Part, Doc)> = (0..10).map(|k| page(&format!("p{k}"), 6)).collect();
        docs.push(page("short", 2));
        let mut validation = page("held", 6);
        validation.0 = Part::Validation;
        docs.push(validation);
        let copies = junk_inside_body(&docs, &["read also"]);
        // One copy per training page with enough body lines (at least 8
        // pages have a headline, as the insets need).
        assert_eq!(copies.len(), 10);
        for ((_, copy), (_, doc)) in copies.iter().zip(&docs) {
            assert_eq!(copy.id, format!("{}#junk-inside", doc.id));
            let lines: Vec<&str> = copy.text.split('\n').collect();
            assert_eq!(lines.len(), copy.line_labels.len());
            assert!(
                lines.len() > doc.text.split('\n').count(),
                "something inserted"
            );
            // The page's own lines keep their labels, in order.
            let own: Vec<(&str, u8)> = doc
                .text
                .split('\n')
                .zip(doc.line_labels.iter().copied())
                .collect();
            let mut it = lines.iter().zip(&copy.line_labels);
            for (line, label) in own {
                assert!(
                    it.any(|(l, &y)| *l == line && y == label),
                    "{line} lost or relabelled"
                );
            }
            // Every body-labelled line is the page's own: inserted lines,
            // other pages' paragraphs among them, are junk.
            for (l, &y) in lines.iter().zip(&copy.line_labels) {
                if y == 1 {
                    assert!(
                        l.contains(&format!("of {} ", doc.id))
                            || l.contains(&format!("of {}:", doc.id)),
                        "{l}"
                    );
                }
            }
        }
        // Deterministic.
        let again = junk_inside_body(&docs, &["read also"]);
        assert!(copies.iter().zip(&again).all(|(a, b)| a.1.text == b.1.text));
    }
}
