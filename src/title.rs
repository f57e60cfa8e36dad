//! The page's title: the candidates for it and their features ([`Title`]).
//! The heading-like blocks just above the start of the body are the
//! candidates; the model's title scorer, fitted by the trainer on pages
//! whose headline is known, says which of them is the headline a reader
//! sees, if any (`decide` picks the best one that scores as a title).

use crate::feature::{Dom, Text, Title, TitleRow};
use crate::math::{flag, ln1};
use crate::score::Scored;

/// The title is looked for among this many blocks above the body's start.
const TITLE_WINDOW: usize = 12;

/// The most words of a heading-like block ([`most_words`]) ...
const MOST_WORDS: f32 = 30.0;
/// ... and inside a heading element.
const MOST_WORDS_HEADING: f32 = 50.0;

/// The candidates for the page's title, each with its features: the
/// heading-like blocks (2 to [`most_words`] words as a reader counts
/// them; not ending in a full stop, not a list item, not a
/// menu of two or more separators) among the
/// [`TITLE_WINDOW`] blocks before block `start`, the
/// start of the body, that `recurring` (the site memory's lines) does not
/// hold.
pub(crate) fn candidates(
    page: &Scored<'_>,
    start: usize,
    recurring: impl Fn(usize) -> bool,
) -> Vec<(usize, TitleRow)> {
    let from = start.saturating_sub(TITLE_WINDOW);
    let heading_like = |i: usize| {
        let st = &page.stats[i];
        !recurring(i)
            && (2.0..=most_words(page, i)).contains(&st.reading_words())
            && !matches!(st.last, '.' | '。')
            && !matches!(st.first, '•' | '-' | '*' | '·')
            && st.separators < 2
    };
    let mut out: Vec<(usize, TitleRow)> = Vec::new();
    for i in (from..start).filter(|&i| heading_like(i)) {
        let local = &page.local[i];
        let norm = page.seg.norm_of(i);
        let mut row = TitleRow::unset();
        row[Title::Logit] = page.z2[i].clamp(-8.0, 8.0);
        row[Title::LnDist] = ln1((start - i) as f32);
        row[Title::First] = flag(out.is_empty());
        row[Title::LnWords] = ln1(page.stats[i].reading_words());
        row[Title::Repeated] = flag((0..start).any(|j| j != i && page.seg.norm_of(j) == norm));
        row[Title::Clock] = flag(has_clock(page.block_text(i)));
        row[Title::Digits] = local[Text::DigitRatio];
        row[Title::CapWords] = local[Text::CapWordRatio];
        row[Title::Stops] = local[Text::StopRatio];
        row[Title::Separators] = local[Text::LnSeparators];
        row[Title::EndColon] = local[Text::EndColon];
        row[Title::Heading] = local[Dom::Heading];
        row[Title::H1H2] = local[Dom::H1H2];
        row[Title::HeadlineClass] = local[Dom::ClsTitle];
        row[Title::MetaClass] = local[Dom::ClsMeta];
        row[Title::LinkDensity] = local[Dom::LinkDensity];
        debug_assert!(row.is_complete(), "a title feature is not written");
        out.push((i, row));
    }
    out
}

/// The most words ([`Stats::reading_words`]) a heading-like block has:
/// 30, or 50 inside a heading element (a headline and its subtitle). A
/// longer block reads as body.
///
/// [`Stats::reading_words`]: crate::segment::Stats::reading_words
pub(crate) fn most_words(page: &Scored<'_>, i: usize) -> f32 {
    if page.local[i][Dom::Heading] > 0.0 {
        MOST_WORDS_HEADING
    } else {
        MOST_WORDS
    }
}

/// Whether `s` holds a clock time: a digit, a colon, two digits.
fn has_clock(s: &str) -> bool {
    s.as_bytes().windows(4).any(|w| {
        w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit() && w[3].is_ascii_digit()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_times() {
        assert!(has_clock("Heute, 12:37 Uhr"));
        assert!(has_clock("2:05 Russia launches"));
        assert!(!has_clock("Chapter 3: the river"));
        assert!(!has_clock("12:3"));
    }
}
