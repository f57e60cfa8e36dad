//! The DOM features of a document's lines (see [`Dom`]): the flags an
//! element and its ancestors set (by tag here, by class/id words in
//! `class`), link density and depth, the text shares of a line's
//! containers, its repeated units and the page's declared types.

use crate::feature::{Dom, DomRow};
use crate::html::lines::{ElemStat, LineFacts};
use crate::html::units::{self, PageTypes};
use crate::math::{density, flag, ln1};

/// The DOM features that are flags, set by an element or an ancestor:
/// feature `f` is bit `f as usize` of a line's bits.
pub(super) const FLAGS: [Dom; 21] = [
    Dom::Heading,
    Dom::H1H2,
    Dom::P,
    Dom::Li,
    Dom::Cell,
    Dom::QuotePre,
    Dom::Caption,
    Dom::Form,
    Dom::InNav,
    Dom::ClsNav,
    Dom::ClsFooter,
    Dom::ClsSide,
    Dom::ClsComment,
    Dom::ClsRelated,
    Dom::ClsShare,
    Dom::ClsAd,
    Dom::ClsCookie,
    Dom::ClsContent,
    Dom::InArticle,
    Dom::ClsMeta,
    Dom::ClsTitle,
];

/// The bit of flag feature `f` in a line's bits: its place in [`FLAGS`]
/// (not its index among the features, which may pass 31).
pub(super) const fn bit(f: Dom) -> u32 {
    let mut k = 0;
    while k < FLAGS.len() {
        if FLAGS[k] as usize == f as usize {
            return 1 << k;
        }
        k += 1;
    }
    panic!("not a flag feature")
}

const _: () = assert!(FLAGS.len() <= 32, "the flags are bits of a u32");

/// The bits an element sets for the lines inside it: those of its tag
/// `name`, and `attr_bits` from its attributes.
pub(super) fn element_bits(name: &[u8], attr_bits: u32) -> u32 {
    let mut bits = attr_bits;
    bits |= match name {
        b"h1" | b"h2" => const { bit(Dom::Heading) | bit(Dom::H1H2) },
        b"h3" | b"h4" | b"h5" | b"h6" => const { bit(Dom::Heading) },
        b"p" => const { bit(Dom::P) },
        b"li" | b"dt" | b"dd" => const { bit(Dom::Li) },
        b"td" | b"th" | b"tr" => const { bit(Dom::Cell) },
        b"blockquote" | b"pre" => const { bit(Dom::QuotePre) },
        b"figure" | b"figcaption" | b"caption" => const { bit(Dom::Caption) },
        b"form" | b"button" | b"label" | b"input" | b"fieldset" | b"legend" => {
            const { bit(Dom::Form) }
        }
        b"nav" | b"header" | b"footer" | b"aside" | b"menu" => const { bit(Dom::InNav) },
        b"article" | b"main" => const { bit(Dom::InArticle) },
        _ => 0,
    };
    bits
}

/// The DOM features of every line: from its facts, the text counts of
/// the elements (`elems`, by id, summed up the tree), the element tree
/// (`nodes`) and the page's declared types.
pub(super) fn rows(
    facts: &[LineFacts],
    elems: &[ElemStat],
    nodes: &[units::Node],
    types: &PageTypes,
) -> Vec<DomRow> {
    let mut dom: Vec<DomRow> = facts
        .iter()
        .map(|line| {
            let mut f = DomRow::unset();
            for k in FLAGS {
                f[k] = flag(line.bits & bit(k) != 0);
            }
            let density = density(line.link_chars.into(), line.chars.into());
            f[Dom::LinkDensity] = density;
            f[Dom::AllLink] = flag(density >= 0.9);
            f[Dom::LnDepth] = ln1(line.depth as f32);
            f
        })
        .collect();
    let lines: Vec<u32> = facts.iter().map(|l| l.elem).collect();
    units::write(
        nodes,
        |e| (elems[e].chars, elems[e].link_chars),
        &lines,
        &mut dom,
    );
    let total = elems[0].chars.max(1) as f32;
    for (f, line) in dom.iter_mut().zip(facts) {
        let container = |id: u32| {
            let e = elems[id as usize];
            (
                e.chars as f32 / total,
                density(e.link_chars.into(), e.chars.into()),
                ln1(e.paragraphs as f32),
            )
        };
        (
            f[Dom::ParentShare],
            f[Dom::ParentLinkDensity],
            f[Dom::LnParentP],
        ) = container(line.parent);
        (
            f[Dom::GrandShare],
            f[Dom::GrandLinkDensity],
            f[Dom::LnGrandP],
        ) = container(line.grand);
        types.write(f);
        debug_assert!(f.is_complete(), "a DOM feature is not written");
    }
    dom
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_bits_are_places_in_the_list() {
        // A flag feature's bit is its place among the flags, so a flag
        // added past the 32nd feature still fits.
        for (k, &f) in FLAGS.iter().enumerate() {
            assert_eq!(bit(f), 1 << k, "{f:?}");
        }
        let all = FLAGS.iter().fold(0u64, |acc, &f| acc | u64::from(bit(f)));
        assert_eq!(
            all,
            (1u64 << FLAGS.len()) - 1,
            "one bit a flag, below 2^{}",
            FLAGS.len()
        );
    }
}
