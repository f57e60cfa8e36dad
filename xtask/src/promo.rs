//! The mission's junk kinds, planted: casino and betting ads, app-download
//! promos, AI-feature promos, newsletter boxes, share and follow rows,
//! cookie notices and related-article blocks, in six languages, from the
//! phrasings of `model/promos.tsv`.
//!
//! The trainer plants the `train` phrasings in copies of training pages
//! (text lines, or HTML elements with plausible markup), labelled junk; the
//! evaluation (`cargo xtask promos`) plants the `heldout` phrasings, which
//! share no fragment with them, in validation pages and measures what the
//! cleaner keeps of them. Deterministic: every choice is a hash of the page
//! id.

use std::collections::BTreeMap;
use std::path::Path;

use crate::augment::headlines;
use crate::corpus::{Doc, Part, fnv64, fnv64_extend};

/// The kinds, in the file's order.
pub const KINDS: [&str; 7] = [
    "gambling",
    "app",
    "ai",
    "newsletter",
    "share",
    "cookie",
    "related",
];

/// The phrasings of one kind, language and part.
#[derive(Debug, Default)]
struct Slots {
    lead: Vec<String>,
    body: Vec<String>,
    cta: Vec<String>,
}

/// Every phrasing of the file, by (kind, language, part).
#[derive(Debug, Default)]
pub struct Phrasings {
    slots: BTreeMap<(String, String, String), Slots>,
    langs: Vec<String>,
}

impl Phrasings {
    /// Reads `model/promos.tsv`.
    pub fn load(path: &Path) -> Result<Phrasings, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut out = Phrasings::default();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let bad = || {
                format!(
                    "{}:{}: expected kind, language, part, slot, phrasings",
                    path.display(),
                    n + 1
                )
            };
            if f.len() != 5 || !KINDS.contains(&f[0]) || !matches!(f[2], "train" | "heldout") {
                return Err(bad());
            }
            let slots = out
                .slots
                .entry((f[0].to_string(), f[1].to_string(), f[2].to_string()))
                .or_default();
            let list = match f[3] {
                "lead" => &mut slots.lead,
                "body" => &mut slots.body,
                "cta" => &mut slots.cta,
                _ => return Err(bad()),
            };
            list.extend(f[4].split(" | ").map(|p| p.trim().to_string()));
            if !out.langs.iter().any(|l| l == f[1]) {
                out.langs.push(f[1].to_string());
            }
        }
        out.langs.sort();
        Ok(out)
    }

    /// The language a page's promo is written in: the page's own when the
    /// file has it, on half the pages; else one of the file's.
    pub fn lang(&self, page_lang: Option<&str>, h: u64) -> &str {
        match page_lang {
            Some(l) if h & 1 == 0 && self.langs.iter().any(|x| x == l) => {
                self.langs.iter().find(|x| *x == l).expect("present")
            }
            _ => &self.langs[((h >> 1) % self.langs.len() as u64) as usize],
        }
    }

    /// One promo of `kind`: its lines, in one of several shapes (a line a
    /// slot, or slots joined on one line), chosen by `h`. `items` are the
    /// entries of a related block (other pages' headlines).
    pub fn promo(&self, kind: &str, lang: &str, part: &str, h: u64, items: &[&str]) -> Vec<String> {
        let Some(s) = self
            .slots
            .get(&(kind.to_string(), lang.to_string(), part.to_string()))
        else {
            return Vec::new();
        };
        let pick = |v: &[String], k: u64| -> String {
            if v.is_empty() {
                String::new()
            } else {
                v[(fnv64_extend(h, &k.to_le_bytes()) % v.len() as u64) as usize].clone()
            }
        };
        let (lead, body, cta) = (pick(&s.lead, 1), pick(&s.body, 2), pick(&s.cta, 3));
        if kind == "related" {
            let mut out = vec![lead];
            out.extend(items.iter().map(|t| t.to_string()));
            return out;
        }
        let sep = if kind == "share" { "  " } else { " " };
        match (h >> 8) % 4 {
            0 => vec![lead, body, cta],
            1 => vec![format!("{lead}{sep}{body}"), cta],
            2 => vec![lead, format!("{body}{sep}{cta}")],
            _ => vec![format!("{lead}{sep}{body}{sep}{cta}")],
        }
    }
}

/// The kind of the promo planted at slot `k` of a page.
pub fn kind_at(id: &str, k: u64) -> &'static str {
    KINDS[(fnv64(format!("{id}#promo{k}").as_bytes()) % KINDS.len() as u64) as usize]
}

/// The hash of the promo at slot `k` of page `id`.
pub fn hash_at(id: &str, k: u64) -> u64 {
    fnv64(format!("{id}#promo-text{k}").as_bytes())
}

/// Wraps a promo's lines in HTML with plausible markup for its kind: a box
/// with a heading, a paragraph and a button or link, a form, a dialog, a
/// list of links. Half the boxes carry a class naming the kind (as many
/// sites do), half a neutral one, so that the text must tell.
pub fn html(kind: &str, lines: &[String], h: u64) -> String {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let class = if h & (1 << 20) != 0 {
        match kind {
            "gambling" => "casino-promo",
            "app" => "app-banner",
            "ai" => "ai-widget",
            "newsletter" => "newsletter-signup",
            "share" => "share-buttons",
            "cookie" => "cookie-banner",
            _ => "related-posts",
        }
    } else {
        ["box", "module", "c-card", "block-inline", "wp-block-group"][((h >> 21) % 5) as usize]
    };
    let mut out = String::new();
    match kind {
        "share" => {
            out.push_str(&format!("<div class=\"{class}\">"));
            for l in lines {
                for item in l.split("  ") {
                    out.push_str(&format!("<a href=\"#\">{}</a> ", esc(item)));
                }
            }
            out.push_str("</div>");
        }
        "related" => {
            out.push_str(&format!(
                "<aside class=\"{class}\"><h3>{}</h3><ul>",
                esc(&lines[0])
            ));
            for l in &lines[1..] {
                out.push_str(&format!("<li><a href=\"/story\">{}</a></li>", esc(l)));
            }
            out.push_str("</ul></aside>");
        }
        "newsletter" | "cookie" => {
            // Paragraphs, then the last line as the box's control: a
            // sign-up form's button, or a consent dialog's.
            let (open, control, close) = if kind == "newsletter" {
                (
                    format!("<div class=\"{class}\"><form>"),
                    "<input type=\"email\" placeholder=\"Email\"><button>",
                    "</form></div>",
                )
            } else {
                (
                    format!("<div class=\"{class}\" role=\"dialog\">"),
                    "<button>",
                    "</div>",
                )
            };
            out.push_str(&open);
            for (i, l) in lines.iter().enumerate() {
                if i + 1 == lines.len() && lines.len() > 1 {
                    out.push_str(&format!("{control}{}</button>", esc(l)));
                } else {
                    out.push_str(&format!("<p>{}</p>", esc(l)));
                }
            }
            out.push_str(close);
        }
        _ => {
            out.push_str(&format!("<div class=\"{class}\">"));
            for (i, l) in lines.iter().enumerate() {
                let l = esc(l);
                if i == 0 && lines.len() > 1 {
                    out.push_str(&format!("<h4>{l}</h4>"));
                } else if i + 1 == lines.len() && lines.len() > 1 {
                    out.push_str(&format!(
                        "<a class=\"button\" href=\"https://promo.example/\">{l}</a>"
                    ));
                } else {
                    out.push_str(&format!("<p>{l}</p>"));
                }
            }
            out.push_str("</div>");
        }
    }
    out
}

/// Where to plant `n` promos in an HTML page: after a `</p>` of the middle
/// of the page (in the article, most often) and after the last one, chosen
/// by `h`; byte offsets, ascending.
pub fn html_spots(html: &str, n: u64, h: u64) -> Vec<usize> {
    let ends: Vec<usize> = p_ends(html);
    if ends.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<usize> = (0..n)
        .map(|k| {
            let (a, b) = (
                ends.len() / 5,
                (4 * ends.len()).div_ceil(5).max(ends.len() / 5 + 1),
            );
            let i = a + (fnv64_extend(h, &k.to_le_bytes()) % (b - a) as u64) as usize;
            ends[i.min(ends.len() - 1)]
        })
        .collect();
    out.push(*ends.last().expect("non-empty"));
    out.sort_unstable();
    out.dedup();
    out
}

/// The byte offsets just after every `</p>` (ASCII case ignored).
fn p_ends(html: &str) -> Vec<usize> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 <= b.len() {
        if b[i] == b'<' && b[i + 1] == b'/' && (b[i + 2] | 0x20) == b'p' && b[i + 3] == b'>' {
            out.push(i + 4);
            i += 4;
        } else {
            i += 1;
        }
    }
    out
}

/// How many promos a page gets: one inside the body, one around it.
const PER_PAGE: u64 = 2;
/// One training page in this many gets a promo copy.
const EVERY: u64 = 3;

/// The promos of page `d`: per slot, its kind and lines.
pub fn promos_of(
    p: &Phrasings,
    doc: &Doc,
    d: usize,
    part: &str,
    heads: &[(usize, &str)],
) -> Vec<(&'static str, Vec<String>)> {
    (0..PER_PAGE)
        .map(|k| {
            let kind = kind_at(&doc.id, k);
            let h = hash_at(&doc.id, k);
            let lang = p.lang(doc.lang.as_deref(), h >> 30);
            let items: Vec<&str> = (0..3u64)
                .filter(|_| !heads.is_empty())
                .map(|j| {
                    let mut i = (fnv64_extend(h, &j.to_le_bytes()) % heads.len() as u64) as usize;
                    if heads[i].0 == d {
                        i = (i + 1) % heads.len();
                    }
                    heads[i].1
                })
                .collect();
            (kind, p.promo(kind, lang, part, h, &items))
        })
        .collect()
}

/// Plants promos in the text of page `doc`: the first inside the body
/// (after a body line that is not the last), the second before its first
/// body line or after its last. Returns the new text and its line labels
/// (planted lines 0).
pub fn plant_text(doc: &Doc, promos: &[(&'static str, Vec<String>)]) -> Option<(String, Vec<u8>)> {
    let lines: Vec<&str> = doc.text.split('\n').collect();
    let body: Vec<usize> = (0..lines.len())
        .filter(|&j| doc.line_labels.get(j) == Some(&1))
        .collect();
    if body.len() < 3 || promos.len() < 2 {
        return None;
    }
    let h = hash_at(&doc.id, 99);
    let inside = body[(h % (body.len() as u64 - 1)) as usize];
    // Before line `at` (usize::MAX: never) or after it.
    let (before, after) = if h & (1 << 40) != 0 {
        (body[0], usize::MAX)
    } else {
        (usize::MAX, *body.last().expect("body"))
    };
    let mut out: Vec<&str> = Vec::with_capacity(lines.len() + 8);
    let mut labels = Vec::with_capacity(lines.len() + 8);
    fn plant<'a>(out: &mut Vec<&'a str>, labels: &mut Vec<u8>, promo: &'a [String]) {
        out.extend(promo.iter().map(String::as_str));
        labels.extend(std::iter::repeat_n(0, promo.len()));
    }
    for (j, line) in lines.iter().enumerate() {
        if j == before {
            plant(&mut out, &mut labels, &promos[1].1);
        }
        out.push(line);
        labels.push(doc.line_labels.get(j).copied().unwrap_or(0));
        if j == inside {
            plant(&mut out, &mut labels, &promos[0].1);
        }
        if j == after {
            plant(&mut out, &mut labels, &promos[1].1);
        }
    }
    Some((out.join("\n"), labels))
}

/// Plants promos in the HTML of page `doc` (see [`html_spots`]).
pub fn plant_html(doc: &Doc, promos: &[(&'static str, Vec<String>)]) -> Option<String> {
    let h = hash_at(&doc.id, 98);
    let spots = html_spots(&doc.html, 1, h);
    if spots.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(doc.html.len() + 2048);
    let mut last = 0;
    for (k, &at) in spots.iter().enumerate() {
        let (kind, lines) = &promos[k.min(promos.len() - 1)];
        out.push_str(&doc.html[last..at]);
        out.push_str(&html(kind, lines, hash_at(&doc.id, k as u64)));
        last = at;
    }
    out.push_str(&doc.html[last..]);
    Some(out)
}

/// The promo copies of the training pages (one in [`EVERY`]): text (lines
/// planted, labelled 0) or HTML (elements planted; the gold is the page's,
/// so the alignment labels them junk).
pub fn copies(docs: &[(Part, Doc)], p: &Phrasings, html_input: bool) -> Vec<(Part, Doc)> {
    let heads = headlines(docs, Part::Train);
    let mut out = Vec::new();
    for (d, (part, doc)) in docs.iter().enumerate() {
        if *part != Part::Train
            || !fnv64(format!("{}#promo-page", doc.id).as_bytes()).is_multiple_of(EVERY)
        {
            continue;
        }
        let promos = promos_of(p, doc, d, "train", &heads);
        let mut copy = Doc {
            id: format!("{}#promo", doc.id),
            dataset: doc.dataset.clone(),
            url: doc.url.clone(),
            lang: doc.lang.clone(),
            page_type: doc.page_type.clone(),
            text: String::new(),
            line_labels: Vec::new(),
            html: String::new(),
            headline: None,
            gold: doc.gold.clone(),
        };
        if html_input {
            let Some(h) = plant_html(doc, &promos) else {
                continue;
            };
            copy.html = h;
        } else {
            let Some((t, y)) = plant_text(doc, &promos) else {
                continue;
            };
            copy.text = t;
            copy.line_labels = y;
        }
        out.push((Part::Train, copy));
    }
    out
}

/// `cargo xtask promos [--input text|html]`: plants the `heldout`
/// phrasings in the validation pages (never trained on, like the
/// phrasings) and cleans them with the built-in cleaner. Prints, per kind,
/// the leakage (the planted characters found in the output, over the
/// planted characters) and the body recall (the tokens the cleaner keeps
/// of the page without promos that it still keeps with them).
pub fn evaluate(
    corpora: &[std::path::PathBuf],
    phrasings: &Path,
    html_input: bool,
) -> Result<(), String> {
    let docs = crate::corpus::load(corpora, html_input)?;
    let p = Phrasings::load(phrasings)?;
    let heads = headlines(&docs, Part::Validation);
    let cleaner = dejunk::Cleaner::new();
    let clean = |s: &str| {
        if html_input {
            cleaner.clean(dejunk::Page::html(s))
        } else {
            cleaner.clean(s)
        }
    };
    // Per kind: (planted chars, leaked chars); body: (kept before, kept
    // still).
    let mut leak: BTreeMap<&str, (u64, u64)> = BTreeMap::new();
    let (mut before_all, mut kept_all) = (0u64, 0u64);
    let mut pages = 0;
    for (d, (part, doc)) in docs.iter().enumerate() {
        if *part != Part::Validation {
            continue;
        }
        let promos = promos_of(&p, doc, d, "heldout", &heads);
        let planted = if html_input {
            plant_html(doc, &promos)
        } else {
            plant_text(doc, &promos).map(|(t, _)| t)
        };
        let Some(planted) = planted else { continue };
        pages += 1;
        let base = clean(if html_input { &doc.html } else { &doc.text });
        let out = clean(&planted);
        let out_lines: Vec<&str> = out.lines().collect();
        for (kind, lines) in &promos {
            for l in lines {
                for piece in l.split("  ").map(str::trim).filter(|x| !x.is_empty()) {
                    // A piece the page itself has (a headline listed in a
                    // related block) is not the promo's.
                    if base.contains(piece) {
                        continue;
                    }
                    let e = leak.entry(kind).or_default();
                    let n = piece.chars().count() as u64;
                    e.0 += n;
                    if out_lines.iter().any(|o| o.contains(piece)) {
                        e.1 += n;
                    }
                }
            }
        }
        let (before, still) = overlap(&base, &out);
        before_all += before;
        kept_all += still;
    }
    println!("kind\tplanted chars\tleakage");
    let (mut all_p, mut all_l) = (0, 0);
    for (kind, (planted, leaked)) in &leak {
        all_p += planted;
        all_l += leaked;
        println!(
            "{kind}\t{planted}\t{:.4}",
            *leaked as f64 / (*planted).max(1) as f64
        );
    }
    println!("all\t{all_p}\t{:.4}", all_l as f64 / all_p.max(1) as f64);
    println!(
        "body recall (tokens kept without promos that are kept with them): {:.4} over {pages} validation pages",
        kept_all as f64 / before_all.max(1) as f64
    );
    Ok(())
}

/// (tokens of `a`, tokens of `a` also in `b`), as multisets of lowercased
/// words.
fn overlap(a: &str, b: &str) -> (u64, u64) {
    let mut counts: std::collections::HashMap<String, i64> = std::collections::HashMap::new();
    for w in b
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *counts.entry(w.to_lowercase()).or_default() += 1;
    }
    let (mut all, mut kept) = (0, 0);
    for w in a
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        all += 1;
        if let Some(c) = counts.get_mut(&w.to_lowercase())
            && *c > 0
        {
            *c -= 1;
            kept += 1;
        }
    }
    (all, kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrasings() -> Phrasings {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../model/promos.tsv");
        Phrasings::load(&root).unwrap()
    }

    #[test]
    fn every_kind_and_language_has_both_parts_and_they_share_nothing() {
        let p = phrasings();
        assert!(p.langs.len() >= 5, "{:?}", p.langs);
        for kind in KINDS {
            for lang in &p.langs {
                let get = |part: &str| {
                    p.slots
                        .get(&(kind.to_string(), lang.clone(), part.to_string()))
                        .unwrap_or_else(|| panic!("{kind} {lang} {part}"))
                };
                let (train, held) = (get("train"), get("heldout"));
                assert!(!train.lead.is_empty() && !held.lead.is_empty());
                for (a, b) in [
                    (&train.lead, &held.lead),
                    (&train.body, &held.body),
                    (&train.cta, &held.cta),
                ] {
                    for x in a {
                        assert!(!b.contains(x), "{kind} {lang}: `{x}` in both parts");
                    }
                }
            }
        }
    }

    #[test]
    fn promos_and_their_markup() {
        let p = phrasings();
        for h in 0..8u64 {
            let lines = p.promo("cookie", "fr", "heldout", h, &[]);
            assert!(!lines.is_empty() && lines.len() <= 3);
            let html = html("cookie", &lines, h);
            assert!(html.contains("role=\"dialog\""));
        }
        let rel = p.promo("related", "en", "train", 3, &["One headline", "Two"]);
        assert_eq!(rel.len(), 3);
        assert!(html("related", &rel, 1).contains("<li><a href=\"/story\">Two</a></li>"));
        let page = "<p>a</p><p>b</p><p>c</p><p>d</p><p>e</p>";
        let spots = html_spots(page, 1, 7);
        assert!(spots.len() <= 2 && *spots.last().unwrap() == page.len());
    }
}
