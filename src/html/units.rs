//! The page's structure as the model sees it: repeated units (sibling
//! elements of one tag and class: forum posts, product cards, list entries,
//! menu items) and the schema.org types a page declares.
//!
//! On a forum the posts are the content, on a listing the cards are, beside
//! an article they are furniture: the features say how big a block's
//! repeated group is, how much of the page it holds, how linky it is and
//! where it sits, and the model learns what that means.

use std::collections::HashMap;

use crate::feature::{Dom, DomRow};
use crate::math::{density, flag, ln1};

/// A repeated group has at least this many members.
const MIN_UNITS: u32 = 3;
/// A line's repeated group is looked for this many elements up at most.
const MAX_CLIMB: usize = 8;

/// What the walk records of an element for the structure features.
#[derive(Clone, Copy, Default)]
pub(super) struct Node {
    /// The parent element (0: the document).
    pub parent: u32,
    /// The element's tag and class, hashed.
    pub sig: u64,
}

#[derive(Clone, Copy, Default)]
struct Group {
    members: u32,
    chars: u64,
    link_chars: u64,
}

/// Writes the repeated-unit features of every line: `lines[i]` is the
/// innermost element of line `i`; `nodes` are per element, element 0 the
/// document, and `totals(e)` is element `e`'s (characters, characters in
/// links).
pub(super) fn write(
    nodes: &[Node],
    totals: impl Fn(usize) -> (u32, u32),
    lines: &[u32],
    rows: &mut [DomRow],
) {
    let page = u64::from(totals(0).0.max(1));
    let key = |e: usize| (nodes[e].parent, nodes[e].sig);
    let mut groups: HashMap<(u32, u64), Group> = HashMap::with_capacity(nodes.len());
    for e in 1..nodes.len() {
        let g = groups.entry(key(e)).or_default();
        let (chars, link_chars) = totals(e);
        g.members += 1;
        g.chars += u64::from(chars);
        g.link_chars += u64::from(link_chars);
    }
    let largest = groups
        .values()
        .filter(|g| g.members >= MIN_UNITS)
        .map(|g| g.chars)
        .max()
        .unwrap_or(0);
    for (row, &elem) in rows.iter_mut().zip(lines) {
        let mut e = elem as usize;
        let mut found = None;
        for _ in 0..MAX_CLIMB {
            if e == 0 {
                break;
            }
            let g = groups[&key(e)];
            if g.members >= MIN_UNITS {
                found = Some((g, nodes[e].parent));
                break;
            }
            e = nodes[e].parent as usize;
        }
        let (units, share, links, per_unit, container) = match found {
            Some((g, parent)) => (
                ln1(g.members as f32),
                g.chars as f32 / page as f32,
                density(g.link_chars, g.chars),
                ln1(g.chars as f32 / g.members as f32),
                totals(parent as usize).0 as f32 / page as f32,
            ),
            None => (0.0, 0.0, 0.0, 0.0, 0.0),
        };
        row[Dom::LnUnits] = units;
        row[Dom::UnitsShare] = share;
        row[Dom::UnitsLinkDensity] = links;
        row[Dom::LnUnitChars] = per_unit;
        row[Dom::UnitsContainerShare] = container;
        row[Dom::PageUnitsShare] = largest as f32 / page as f32;
    }
}

/// The kinds of schema.org types a page can declare.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct PageTypes {
    pub product: bool,
    pub discussion: bool,
    pub article: bool,
    pub list: bool,
}

impl PageTypes {
    /// The schema.org types `html` declares: the values of JSON-LD `@type`
    /// keys and the types of microdata `itemtype` URLs (`schema.org/X`).
    /// One linear scan.
    pub(super) fn of(html: &str) -> PageTypes {
        let b = html.as_bytes();
        let mut out = PageTypes::default();
        for pat in [&b"\"@type\""[..], &b"schema.org/"[..]] {
            for at in memchr::memmem::find_iter(b, pat) {
                let rest = &b[at + pat.len()..];
                // JSON-LD: `"@type": "X"` or `"@type": ["X", …]`; microdata:
                // the name right after the path.
                let rest = if pat[0] == b'"' {
                    let skip = rest
                        .iter()
                        .take(16)
                        .take_while(|c| matches!(c, b' ' | b':' | b'[' | b'"' | b'\n' | b'\t'))
                        .count();
                    &rest[skip..]
                } else {
                    rest
                };
                let name_len = rest
                    .iter()
                    .take(40)
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .count();
                out.add(&rest[..name_len]);
            }
        }
        out
    }

    fn add(&mut self, name: &[u8]) {
        match name {
            b"Product" | b"ProductGroup" | b"Offer" | b"AggregateOffer" | b"IndividualProduct" => {
                self.product = true
            }
            b"DiscussionForumPosting"
            | b"Comment"
            | b"QAPage"
            | b"Question"
            | b"Answer"
            | b"SocialMediaPosting" => self.discussion = true,
            b"Article"
            | b"NewsArticle"
            | b"BlogPosting"
            | b"TechArticle"
            | b"Report"
            | b"ScholarlyArticle"
            | b"ReportageNewsArticle"
            | b"AnalysisNewsArticle" => self.article = true,
            b"ItemList" | b"CollectionPage" | b"SearchResultsPage" | b"OfferCatalog" => {
                self.list = true
            }
            _ => {}
        }
    }

    /// Writes the page-type features of a line.
    pub(super) fn write(&self, row: &mut DomRow) {
        row[Dom::PageProduct] = flag(self.product);
        row[Dom::PageDiscussion] = flag(self.discussion);
        row[Dom::PageArticle] = flag(self.article);
        row[Dom::PageList] = flag(self.list);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_types_are_found() {
        let html = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type": ["Product"]}</script>
            <div itemscope itemtype="https://schema.org/DiscussionForumPosting">"#;
        let t = PageTypes::of(html);
        assert_eq!(
            t,
            PageTypes {
                product: true,
                discussion: true,
                article: false,
                list: false
            }
        );
        assert_eq!(
            PageTypes::of("<p>schema.org/Productive</p>"),
            PageTypes::default()
        );
    }
}
