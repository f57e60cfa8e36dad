//! The local features: one block on its own ([`Text`], [`Pack`]), from one
//! pass over its characters ([`Stats`]) and one scan of the phrase
//! matcher over its normalised words ([`Hits`]).

use super::{DomRow, LocalRow, Pack, Text};
use crate::hash::HashIndex;
use crate::math::{flag, ln1};
use crate::phrase::Phrases;
use crate::segment::{Segmented, Stats};

/// Pages of at least this many blocks have a top and a bottom (`first3`,
/// `last3`); on shorter ones every block would be both.
const LONG_PAGE: usize = 12;

/// Phrase and function-word hits of every block of a page.
#[derive(Debug, Default)]
pub(crate) struct Hits {
    /// Per block, the range of its phrase ids in `ids`.
    ranges: Vec<(u32, u32)>,
    /// Phrase ids, grouped by block, each block's sorted and unique.
    ids: Vec<u32>,
    /// Per block, the number of function-word hits.
    stopwords: Vec<u32>,
    /// Per block, the number of hits of each pack.
    packs: Vec<[u16; Pack::ALL.len()]>,
}

impl Hits {
    /// The phrase ids that block `i` contains.
    pub fn of(&self, i: usize) -> &[u32] {
        let (a, b) = self.ranges[i];
        &self.ids[a as usize..b as usize]
    }
}

/// Scans every block's normalised text with the phrase matcher (afresh
/// for each block).
pub(crate) fn hits(seg: &Segmented, phrases: &Phrases) -> Hits {
    let n = seg.blocks.len();
    let mut out = Hits {
        ranges: Vec::with_capacity(n),
        ids: Vec::new(),
        stopwords: vec![0; n],
        packs: vec![[0; Pack::ALL.len()]; n],
    };
    let mut ids: Vec<u32> = Vec::new();
    for i in 0..n {
        ids.clear();
        let mut stop = 0u32;
        let mut packs = [0u16; Pack::ALL.len()];
        phrases.scan(seg.words_of(i), |role| {
            if let Some(id) = role.phrase {
                ids.push(id);
            }
            stop += u32::from(role.stopword);
            if role.packs != 0 {
                for (k, c) in packs.iter_mut().enumerate() {
                    if role.packs & (1 << k) != 0 {
                        *c = c.saturating_add(1);
                    }
                }
            }
        });
        ids.sort_unstable();
        ids.dedup();
        let a = out.ids.len() as u32;
        out.ids.extend_from_slice(&ids);
        out.ranges.push((a, out.ids.len() as u32));
        out.stopwords[i] = stop;
        out.packs[i] = packs;
    }
    out
}

/// A short dated block has at most this many words.
const SHORT_DATED_WORDS: u32 = 12;

/// Whether a block (its statistics and local features) is short and holds
/// a date or a time: a post's header, a byline or a date line.
pub(crate) fn is_short_dated(st: &Stats, row: &LocalRow) -> bool {
    st.words <= SHORT_DATED_WORDS && row[Text::DateTime] > 0.0
}

/// For each block, whether its normalised text occurs more than once in
/// the page, and how many blocks before it have that text.
pub(crate) fn repeated(seg: &Segmented) -> (Vec<bool>, Vec<u32>) {
    let n = seg.blocks.len();
    let mut out = vec![false; n];
    let mut before = vec![0u32; n];
    // Each text's first block; later blocks with the same text mark both
    // and count one more copy of it. (A different text with the same
    // 64-bit hash is not a repeat.)
    let mut first = HashIndex::with_room(n);
    let mut copies = vec![0u32; n];
    for i in 0..n {
        let norm = seg.norm_of(i);
        let j = first.get_or_insert(seg.key_of(i), i as u32) as usize;
        if j != i && seg.norm_of(j) == norm {
            out[i] = true;
            out[j] = true;
            copies[j] += 1;
            before[i] = copies[j];
        }
    }
    (out, before)
}

/// Whether a block's last characters end a sentence: a sentence mark, or
/// closing quotes and brackets after one.
fn ends_sentence(text: &str, last: char) -> bool {
    matches!(last, '.' | '!' | '?' | '。' | '！' | '？')
        || (matches!(last, '"' | '\'' | '”' | '’' | ')' | '»')
            && text
                .trim_end_matches(['"', '\'', '”', '’', ')', '»'])
                .ends_with(['.', '!', '?']))
}

/// Whether a block holds a date or a time: a clock time (a digit, a
/// colon, two digits), a numeric date (three groups of digits joined by
/// `.`, `/` or `-`: a year of four digits first, or a year of two or four
/// digits last, the others of one or two digits: `2024-11-02`, `2.11.24`,
/// not `1.2.3` or `0800-123-4567`), or digits with `date_words` phrases
/// of the date pack (`3 March`, `5 hours ago`).
pub(crate) fn dated(text: &str, digits: u32, date_words: u16) -> bool {
    if digits == 0 {
        return false;
    }
    if date_words > 0 {
        return true;
    }
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        // A run of digit groups from `i`: their lengths and separators.
        let mut groups = [0usize; 3];
        let mut g = 0;
        let mut j = i;
        let mut sep = 0u8;
        loop {
            let a = j;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            groups[g] = j - a;
            g += 1;
            if g == 1
                && j + 2 < b.len()
                && b[j] == b':'
                && b[j + 1].is_ascii_digit()
                && b[j + 2].is_ascii_digit()
            {
                return true;
            }
            if g == 3 || j + 1 >= b.len() || !b[j + 1].is_ascii_digit() {
                break;
            }
            let s = b[j];
            if !matches!(s, b'.' | b'/' | b'-') || (sep != 0 && s != sep) {
                break;
            }
            sep = s;
            j += 1;
        }
        let [a, m, c] = groups;
        if g == 3 && m <= 2 && ((a == 4 && c <= 2) || (a <= 2 && (c == 2 || c == 4))) {
            return true;
        }
        i = j.max(i + 1);
    }
    false
}

/// The local feature rows of every block of a page; `dom` gives the DOM
/// features of each block (HTML input), or none (text input: all 0).
pub(crate) fn local(
    text: &str,
    seg: &Segmented,
    hits: &Hits,
    stats: &[Stats],
    dup_in_page: &(Vec<bool>, Vec<u32>),
    dom: Option<&[DomRow]>,
) -> Vec<LocalRow> {
    let n = seg.blocks.len();
    let ln_page = ln1(n as f32);
    let mut out = Vec::with_capacity(n);
    for (i, b) in seg.blocks.iter().enumerate() {
        let st = &stats[i];
        let chars = st.chars.max(1) as f32;
        let words = st.words as f32;
        let letters = st.letters.max(1) as f32;
        let per_word = |x: f32| if words > 0.0 { x / words } else { 0.0 };
        let (first, last) = (st.first, st.last);
        let end_terminal = ends_sentence(&text[b.span.clone()], last);
        let stop = hits.stopwords[i] as f32;

        let mut f = LocalRow::unset();
        f[Text::LnChars] = ln1(chars);
        f[Text::LnWords] = ln1(words);
        f[Text::EndTerminal] = flag(end_terminal && !st.ellipsis);
        f[Text::EndColon] = flag(last == ':');
        f[Text::EndEllipsis] = flag(st.ellipsis);
        f[Text::EndAlnum] = flag(last.is_alphanumeric());
        f[Text::EndClose] =
            flag(!end_terminal && matches!(last, '"' | '\'' | '”' | '’' | ')' | ']'));
        f[Text::Bullet] = flag(matches!(
            first,
            '•' | '-' | '*' | '·' | '–' | '—' | '►' | '▶' | '»'
        ));
        f[Text::UpperRatio] = st.upper as f32 / letters;
        f[Text::CapWordRatio] = per_word(st.cap_words as f32).min(1.0);
        f[Text::DigitRatio] = st.digits as f32 / chars;
        f[Text::PunctRatio] = st.punct as f32 / chars;
        f[Text::StopRatio] = per_word(stop);
        f[Text::LnStopwords] = ln1(stop);
        f[Text::MeanWordLen] = per_word((st.letters + st.digits) as f32).min(20.0) / 10.0;
        f[Text::LnSentences] = ln1(st.sentences as f32);
        f[Text::CommaPerWord] = per_word(st.commas as f32).min(1.0);
        f[Text::LnSeparators] = ln1(st.separators as f32);
        f[Text::LnTabs] = ln1(st.tabs as f32);
        f[Text::LnIndent] = ln1(b.indent as f32);
        f[Text::BlankBefore] = flag(b.blank_before);
        f[Text::RelPos] = if n > 1 {
            i as f32 / (n - 1) as f32
        } else {
            0.0
        };
        f[Text::First3] = flag(i < 3 && n >= LONG_PAGE);
        f[Text::Last3] = flag(i + 3 >= n && n >= LONG_PAGE);
        f[Text::OneWord] = flag(st.words == 1);
        f[Text::Le3Words] = flag(st.words <= 3);
        f[Text::Le10Words] = flag(st.words <= 10);
        f[Text::LongTerminal] = ln1(words) * flag(end_terminal);
        f[Text::DupInPage] = flag(dup_in_page.0[i]);
        f[Text::LnCopiesBefore] = ln1(dup_in_page.1[i] as f32);
        f[Text::LnPageBlocks] = ln_page;
        f[Text::StartsUpper] = flag(first.is_uppercase());
        f[Text::StartsDigit] = flag(first.is_ascii_digit());
        f[Text::StartsQuote] = flag(matches!(first, '"' | '“' | '\'' | '‘' | '«'));
        f[Text::LnPhraseHits] = ln1(hits.of(i).len() as f32);
        f[Text::DateTime] = flag(dated(
            &text[b.span.clone()],
            st.digits,
            hits.packs[i][Pack::Date as usize],
        ));
        for (p, &c) in Pack::ALL.iter().zip(&hits.packs[i]) {
            f[*p] = ln1(c as f32);
        }
        f.set_dom(dom.and_then(|d| d.get(i)).unwrap_or(&DomRow::TEXT));
        debug_assert!(f.is_complete(), "a local feature is not written");
        out.push(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stats_count() {
        let s = "Hello World, this is a Test. OK!";
        let st = crate::segment::segment(s).stats[0];
        assert_eq!(st.words, 7);
        assert_eq!(st.cap_words, 4);
        assert_eq!(st.sentences, 2);
        assert_eq!(st.commas, 1);
        assert_eq!(st.last, '!');
    }

    #[test]
    fn repeats_and_copies_before() {
        let seg = crate::segment::segment(
            "Bridge reopens\nCity desk\nBridge reopens!\nOther\nbridge REOPENS",
        );
        let (any, before) = repeated(&seg);
        assert_eq!(any, [true, false, true, false, true]);
        assert_eq!(before, [0, 0, 1, 0, 2]);
    }

    #[test]
    fn dates_and_times() {
        assert!(dated("Posted: 2024-11-02 02:40:09", 18, 0));
        assert!(dated("Heute, 12:37 Uhr", 4, 0));
        assert!(dated("am 02.11.24 geschrieben", 6, 0));
        assert!(dated("11/2/2024", 7, 0));
        assert!(dated("John, 3 March", 1, 1));
        assert!(!dated("version 1.2.3 is out", 3, 0));
        assert!(!dated("Chapter 3: the river", 1, 0));
        assert!(!dated("call 0800-123-4567", 11, 0));
        assert!(!dated("March madness", 0, 1));
        assert!(!dated("12.5 percent", 3, 0));
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("He left.", '.'));
        assert!(ends_sentence("\"He left.\"", '"'));
        assert!(!ends_sentence("\"He left\"", '"'));
        assert!(!ends_sentence("Read also:", ':'));
    }
}
