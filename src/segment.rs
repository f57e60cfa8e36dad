//! Stage 1 of the pipeline: raw page text → line blocks, plus the normalised
//! text that pattern matching and deduplication run on.
//!
//! A block is one non-blank line of the input, trimmed of surrounding
//! whitespace. (A line of invisible characters, [`is_invisible`], is a
//! block the decision never keeps.) Its normalised form is its words,
//! lowercased, separated by single spaces, with one space before and after
//! (` read also `), so that a pattern padded the same way can only match
//! whole words. All blocks of a page share one normalised buffer, separated
//! by `\n` (one allocation a page). One pass over each block's characters
//! writes its normalised form, counts its [`Stats`] and hashes its
//! normalised words, which the phrase matcher and the deduplication pass
//! read instead of the text.

use std::ops::Range;

use crate::hash::{keyed_hash, mix};

/// One non-blank line of the input.
#[derive(Clone, Debug)]
pub(crate) struct RawBlock {
    /// 0-based line number in the input (lines are split on `\n`).
    pub line: usize,
    /// Byte span of the trimmed line in the input.
    pub span: Range<usize>,
    /// Byte span of the normalised words in [`Segmented::norm`], including
    /// the leading and trailing space.
    pub norm: Range<usize>,
    /// Leading whitespace of the untrimmed line, in characters (tabs count 4).
    pub indent: u32,
    /// Whether the previous line was blank (or this is the first line).
    pub blank_before: bool,
    /// Range of its words' hashes in [`Segmented::words`].
    pub words: Range<u32>,
}

/// A page split into blocks.
#[derive(Debug, Default)]
pub(crate) struct Segmented {
    pub blocks: Vec<RawBlock>,
    /// The normalised text of every block: ` w1 w2 \n w3 \n` …
    pub norm: String,
    /// Per block, its counts.
    pub stats: Vec<Stats>,
    /// The hashes ([`keyed_hash`]) of the normalised words of every block,
    /// in order.
    pub words: Vec<u64>,
}

impl Segmented {
    /// The normalised text of block `i`, with its padding spaces.
    pub fn norm_of(&self, i: usize) -> &str {
        &self.norm[self.blocks[i].norm.clone()]
    }

    /// A key of block `i`'s normalised text, from its words' hashes: the
    /// same text has the same key (in one process: the hashes are keyed).
    pub fn key_of(&self, i: usize) -> u64 {
        self.words_of(i)
            .iter()
            .fold(0x243f_6a88_85a3_08d3, |k, &w| mix(k.rotate_left(23) ^ w))
    }

    /// The hashes of the normalised words of block `i`, in order.
    pub fn words_of(&self, i: usize) -> &[u64] {
        let r = &self.blocks[i].words;
        &self.words[r.start as usize..r.end as usize]
    }
}

/// Splits `text` into blocks and builds the normalised buffer.
///
/// Linear in the input: each byte is looked at a constant number of times.
pub(crate) fn segment(text: &str) -> Segmented {
    // Room for the usual page (lines of 40 bytes or more, words of 5
    // bytes or more), so that the buffers seldom grow.
    let (blocks, words) = (text.len() / 40 + 16, text.len() / 5 + 16);
    let mut out = Segmented {
        blocks: Vec::with_capacity(blocks),
        norm: String::with_capacity(text.len() + 16),
        stats: Vec::with_capacity(blocks),
        words: Vec::with_capacity(words),
    };
    let mut offset = 0usize;
    let mut blank_before = true;
    for (line_no, raw) in text.split('\n').enumerate() {
        let start = offset;
        offset += raw.len() + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            blank_before = true;
            continue;
        }
        let lead = raw.len() - raw.trim_start().len();
        let indent = raw[..lead]
            .chars()
            .map(|c| if c == '\t' { 4 } else { 1 })
            .sum::<u32>();
        let s = start + lead;
        let norm_start = out.norm.len();
        let words_start = out.words.len() as u32;
        out.stats
            .push(read_block(trimmed, &mut out.norm, &mut out.words));
        let norm_end = out.norm.len();
        out.norm.push('\n');
        out.blocks.push(RawBlock {
            line: line_no,
            span: s..s + trimmed.len(),
            norm: norm_start..norm_end,
            indent,
            blank_before,
            words: words_start..out.words.len() as u32,
        });
        blank_before = false;
    }
    out
}

/// Whether a reader sees nothing of `c`: white space, a control character,
/// or a default-ignorable one (zero-width spaces and joiners, direction
/// marks and isolates, soft hyphen, variation selectors, the BOM, Hangul
/// fillers, tags).
#[inline]
pub(crate) fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c,
            '\u{AD}' | '\u{34F}' | '\u{61C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
            | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
            | '\u{FFA0}' | '\u{FFF0}'..='\u{FFF8}' | '\u{E0000}'..='\u{E0FFF}')
}

/// Whether a reader sees nothing of `line`.
#[inline]
pub(crate) fn is_invisible_line(line: &str) -> bool {
    // Most lines start with a visible ASCII character.
    match line.as_bytes().first() {
        None => true,
        Some(b) if b.is_ascii_graphic() => false,
        _ => line.chars().all(is_invisible),
    }
}

/// Whether `text` has more than `n` lines (more than `n` blocks is then
/// possible): a quick look at its line ends, which stops after `n`.
pub(crate) fn more_lines_than(text: &str, n: usize) -> bool {
    // More than `n` lines: at least `n` line ends, counted a page at a
    // time (a count the compiler vectorises).
    if n == 0 {
        return true;
    }
    let mut ends = 0;
    for part in text.as_bytes().chunks(4096) {
        ends += part.iter().filter(|&&b| b == b'\n').count();
        if ends >= n {
            return true;
        }
    }
    false
}

/// A part of a page cleaned on its own: [`windows`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Window {
    /// Its bytes in the page's text (whole lines).
    pub bytes: Range<usize>,
    /// The page's line (0-based, split on `\n`) it starts at.
    pub line: usize,
    /// Its blocks, as indices among the page's blocks.
    pub blocks: Range<usize>,
}

/// Splits a page into windows of at most `max_blocks` blocks (non-blank
/// lines, as [`segment`] counts them), cut at line ends: one window for
/// any page of that many blocks or fewer. A page is featurised and scored
/// a window at a time, so memory stays bounded however many lines it has.
pub(crate) fn windows(text: &str, max_blocks: usize) -> Vec<Window> {
    let max_blocks = max_blocks.max(1);
    let mut out = Vec::new();
    let (mut start, mut first_block, mut blocks) = (0usize, 0usize, 0usize);
    let mut first_line = 0usize;
    let mut offset = 0usize;
    for (n, raw) in text.split('\n').enumerate() {
        offset += raw.len() + 1;
        if raw.trim().is_empty() {
            continue;
        }
        blocks += 1;
        if blocks - first_block == max_blocks {
            let end = offset.min(text.len());
            out.push(Window {
                bytes: start..end,
                line: first_line,
                blocks: first_block..blocks,
            });
            start = end;
            first_line = n + 1;
            first_block = blocks;
        }
    }
    if blocks > first_block || out.is_empty() {
        out.push(Window {
            bytes: start..text.len(),
            line: first_line,
            blocks: first_block..blocks,
        });
    }
    out
}

/// Raw counts of one block, from one pass over its text.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Stats {
    pub chars: u32,
    pub letters: u32,
    pub upper: u32,
    pub digits: u32,
    pub punct: u32,
    pub words: u32,
    pub cap_words: u32,
    pub sentences: u32,
    pub commas: u32,
    pub separators: u32,
    pub tabs: u32,
    /// White-space characters.
    pub spaces: u32,
    /// C0 controls but white space, U+FFFD and private-use characters
    /// (U+E000 to U+F8FF): what decoded binary data is full of.
    pub odd: u32,
    /// Latin-1 signs, U+00A1 to U+00BF but the degree sign.
    pub signs: u32,
    /// The longest run of characters without white space.
    pub longest_run: u32,
    /// Han, hiragana and katakana characters ([`is_cjk`]): each one of
    /// the words.
    pub cjk: u32,
    pub first: char,
    pub last: char,
    pub ellipsis: bool,
}

impl Stats {
    /// The block's length in words as a reader counts them: a Han,
    /// hiragana or katakana character (a word of its own in the
    /// normalised text) counts half a word, as the words of Chinese and
    /// Japanese are one to two characters long.
    pub(crate) fn reading_words(&self) -> f32 {
        self.words as f32 - self.cjk as f32 / 2.0
    }
}

/// What an ASCII byte is, for [`read_block`]: bits of [`ASCII`].
const ALNUM: u8 = 1;
const ALPHA: u8 = 2;
const UPPER: u8 = 4;
const SPACE: u8 = 8;
const COMMA: u8 = 16;
const SEPARATOR: u8 = 32;
const SENTENCE: u8 = 64;

/// The classes of the ASCII bytes (0 for the others).
const ASCII: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            ALNUM | ALPHA | UPPER
        } else if c.is_ascii_lowercase() {
            ALNUM | ALPHA
        } else if c.is_ascii_digit() {
            ALNUM
        } else if c.is_ascii_whitespace() || c == 0x0B {
            SPACE
        } else {
            match c {
                b',' => COMMA,
                b'|' | b'>' | b'/' | b'<' => SEPARATOR,
                b'.' | b'!' | b'?' => SENTENCE,
                _ => 0,
            }
        };
        b += 1;
    }
    t
};

/// Appends the lowercase form of a non-ASCII alphanumeric `c` (`upper`:
/// whether it is uppercase) to `norm`, as [`char::to_lowercase`] writes it
/// (tested on every char), without the Unicode tables for the Latin-1 and
/// Cyrillic letters.
#[inline]
fn push_lowercase(c: char, upper: bool, norm: &mut String) {
    let lower = match (c as u32, upper) {
        // Latin-1 and basic Cyrillic lowercase letters are their own
        // lowercase; their capitals are a fixed distance away.
        (0xDF..=0xFF | 0x430..=0x45F, false) => Some(c),
        (0xC0..=0xDE | 0x410..=0x42F, true) => char::from_u32(c as u32 + 0x20),
        (0x400..=0x40F, true) => char::from_u32(c as u32 + 0x50),
        _ => None,
    };
    match lower {
        Some(l) => norm.push(l),
        None => norm.extend(c.to_lowercase()),
    }
}

/// Ends the word being written, if any: a space after it, and its hash.
#[inline]
fn end_word(norm: &mut String, words: &mut Vec<u64>, word_start: &mut usize) {
    if norm.len() > *word_start {
        words.push(keyed_hash(&norm.as_bytes()[*word_start..]));
        norm.push(' ');
        *word_start = norm.len();
    }
}

/// The one pass over a block's text `s`: appends its
/// normalised form to `norm` (see [`normalize_into`]) and its words'
/// hashes to `words`, and returns its counts.
fn read_block(s: &str, norm: &mut String, words: &mut Vec<u64>) -> Stats {
    norm.push(' ');
    let mut word_start = norm.len();
    let first_word = words.len();
    let mut st = Stats::default();
    let mut prev_alnum = false;
    // `st.chars` after the last white space (the run since starts there).
    let mut run_start = 0u32;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            st.chars += 1;
            let class = ASCII[b as usize];
            if class & ALNUM != 0 {
                // A run of ASCII letters and digits: copied, then
                // lowercased in place.
                let start = i - 1;
                st.cap_words += u32::from(class & UPPER != 0 && !prev_alnum);
                // Counted in registers: digits and capitals; the rest of
                // the run is small letters.
                let (mut digits, mut upper) = (0u32, 0u32);
                let mut class = class;
                loop {
                    digits += u32::from(class & ALPHA == 0);
                    upper += u32::from(class & UPPER != 0);
                    match bytes.get(i) {
                        Some(&b) if ASCII[b as usize] & ALNUM != 0 => {
                            class = ASCII[b as usize];
                            i += 1;
                        }
                        _ => break,
                    }
                }
                let run = (i - start) as u32;
                st.chars += run - 1;
                st.digits += digits;
                st.letters += run - digits;
                st.upper += upper;
                let from = norm.len();
                norm.push_str(&s[start..i]);
                norm[from..].make_ascii_lowercase();
                prev_alnum = true;
                continue;
            }
            end_word(norm, words, &mut word_start);
            if class & SPACE == 0 {
                st.punct += 1;
                st.commas += u32::from(class & COMMA != 0);
                st.separators += u32::from(class & SEPARATOR != 0);
                st.sentences += u32::from(class & SENTENCE != 0 && prev_alnum);
                st.odd += u32::from(b < 0x20 || b == 0x7F);
            } else {
                st.tabs += u32::from(b == b'\t');
                st.spaces += 1;
                st.longest_run = st.longest_run.max(st.chars - 1 - run_start);
                run_start = st.chars;
            }
            prev_alnum = false;
            continue;
        }
        let c = s[i..].chars().next().expect("a char starts here");
        i += c.len_utf8();
        st.chars += 1;
        // (Some are letters or digits: ª º µ ¹ ² ³ ¼ ½ ¾.)
        st.signs += u32::from(matches!(c, '\u{A1}'..='\u{AF}' | '\u{B1}'..='\u{BF}'));
        let (alnum, alpha, upper) = classify(c);
        if is_cjk(c) {
            st.cjk += 1;
            end_word(norm, words, &mut word_start);
            norm.push(c);
            end_word(norm, words, &mut word_start);
        } else if alnum {
            push_lowercase(c, upper, norm);
        } else {
            end_word(norm, words, &mut word_start);
        }
        if alnum {
            if alpha {
                st.letters += 1;
                if upper {
                    st.upper += 1;
                    st.cap_words += u32::from(!prev_alnum);
                }
            } else {
                st.digits += 1;
            }
        } else if !c.is_whitespace() {
            st.punct += 1;
            match c {
                '、' | '，' => st.commas += 1,
                '»' | '›' | '·' | '•' | '«' | '‹' => st.separators += 1,
                '。' | '！' | '？' if prev_alnum => st.sentences += 1,
                '\u{FFFD}' | '\u{E000}'..='\u{F8FF}' => st.odd += 1,
                _ => {}
            }
        } else {
            st.spaces += 1;
            st.longest_run = st.longest_run.max(st.chars - 1 - run_start);
            run_start = st.chars;
        }
        prev_alnum = alnum;
    }
    st.longest_run = st.longest_run.max(st.chars - run_start);
    end_word(norm, words, &mut word_start);
    st.words = (words.len() - first_word) as u32;
    st.first = s.chars().next().unwrap_or(' ');
    st.last = s.chars().next_back().unwrap_or(' ');
    st.ellipsis = s.ends_with("...") || s.ends_with('…');
    st
}

/// Appends the normalised form of `s` to `out`: ` word word word `.
///
/// Words are maximal runs of alphanumeric characters, lowercased. Every Han,
/// hiragana and katakana character is a word of its own, as those scripts do
/// not put spaces between words. Everything else separates words.
pub(crate) fn normalize_into(s: &str, out: &mut String) {
    read_block(s, out, &mut Vec::new());
}

/// Returns `s` normalised as by [`normalize_into`].
pub(crate) fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    normalize_into(s, &mut out);
    out
}

/// (alphanumeric, alphabetic, uppercase) of a non-ASCII `c`, as the
/// `char` methods say (tested on every char), with fast paths for the
/// punctuation block (quotes, dashes, ellipsis) and for common letter
/// blocks, which are slow in the Unicode tables.
#[inline]
pub(crate) fn classify(c: char) -> (bool, bool, bool) {
    match c as u32 {
        0x2000..=0x206F | 0xD7 | 0xF7 => (false, false, false),
        // Latin-1 and basic Cyrillic letters: capitals, then small letters.
        0xC0..=0xDE | 0x400..=0x42F => (true, true, true),
        0xDF..=0xFF | 0x430..=0x45F => (true, true, false),
        // Latin Extended-A/B, the rest of Cyrillic: letters with case.
        0xC0..=0x24F | 0x400..=0x481 | 0x48A..=0x52F => (true, true, c.is_uppercase()),
        // CJK ideographs (extension A and the unified block) and Hangul
        // syllables: every code point a letter without case.
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3 => (true, true, false),
        _ => (c.is_alphanumeric(), c.is_alphabetic(), c.is_uppercase()),
    }
}

/// Han ideographs, hiragana and katakana: one word per character.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF   // hiragana, katakana
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified ideographs
        | 0xF900..=0xFAFF // compatibility ideographs
        | 0x20000..=0x2FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_words() {
        assert_eq!(normalize("Read also:"), " read also ");
        assert_eq!(normalize("  • Sign-Up NOW!! "), " sign up now ");
        assert_eq!(normalize("Ünïcode ÉTÉ"), " ünïcode été ");
        assert_eq!(normalize("日本語 text"), " 日 本 語 text ");
        assert_eq!(normalize("…"), " ");
    }

    #[test]
    fn fast_paths_agree_with_unicode() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if !c.is_ascii() {
                let want = (c.is_alphanumeric(), c.is_alphabetic(), c.is_uppercase());
                assert_eq!(classify(c), want, "{c:?}");
                if want.0 {
                    let mut fast = String::new();
                    push_lowercase(c, want.2, &mut fast);
                    assert_eq!(fast, c.to_lowercase().to_string(), "{c:?}");
                }
            }
        }
    }

    /// The counts of a block, one question at a time (the reference the
    /// fused pass is held to).
    fn stats_plainly(s: &str, norm: &str) -> Stats {
        let mut st = Stats {
            words: (norm.bytes().filter(|&b| b == b' ').count() as u32).saturating_sub(1),
            ..Stats::default()
        };
        let mut prev = ' ';
        for c in s.chars() {
            st.chars += 1;
            if c.is_alphanumeric() {
                if c.is_alphabetic() {
                    st.letters += 1;
                    if c.is_uppercase() {
                        st.upper += 1;
                        st.cap_words += u32::from(!prev.is_alphanumeric());
                    }
                } else {
                    st.digits += 1;
                }
            } else if !c.is_whitespace() {
                st.punct += 1;
                match c {
                    ',' | '、' | '，' => st.commas += 1,
                    '|' | '»' | '›' | '>' | '/' | '·' | '•' | '«' | '‹' | '<' => {
                        st.separators += 1
                    }
                    '.' | '!' | '?' | '。' | '！' | '？' if prev.is_alphanumeric() => {
                        st.sentences += 1
                    }
                    _ => {}
                }
            } else if c == '\t' {
                st.tabs += 1;
            }
            st.spaces += u32::from(c.is_whitespace());
            st.odd += u32::from(
                (c.is_control() && !c.is_whitespace() && (c as u32) < 0x80)
                    || c == '\u{FFFD}'
                    || ('\u{E000}'..='\u{F8FF}').contains(&c),
            );
            st.signs += u32::from(('\u{A1}'..='\u{BF}').contains(&c) && c != '°');
            st.cjk += u32::from(is_cjk(c));
            prev = c;
        }
        st.longest_run = s
            .split(char::is_whitespace)
            .map(|t| t.chars().count() as u32)
            .max()
            .unwrap_or(0);
        st.first = s.chars().next().unwrap_or(' ');
        st.last = s.chars().next_back().unwrap_or(' ');
        st.ellipsis = s.ends_with("...") || s.ends_with('…');
        st
    }

    /// The normalised words of `s`, plainly.
    fn words_plainly(s: &str) -> String {
        let mut out = String::from(" ");
        for c in s.chars() {
            if is_cjk(c) {
                out.push(' ');
                out.push(c);
                out.push(' ');
            } else if c.is_alphanumeric() {
                out.extend(c.to_lowercase());
            } else {
                out.push(' ');
            }
        }
        let words: Vec<&str> = out.split(' ').filter(|w| !w.is_empty()).collect();
        match words.is_empty() {
            true => " ".to_string(),
            false => format!(" {} ", words.join(" ")),
        }
    }

    #[test]
    fn one_pass_counts_normalises_and_hashes_as_plainly() {
        let palette: Vec<char> = "aZ09 \t\u{b},.!?|/<>:;'\"()-_\u{1}\u{7f}ÀßÿÉ×÷ЖжЀѐ日本カ・、，。！？»«•·‹›…\u{a0}\u{2003}\u{200b}ǅİΣς😀ﬁ\u{0}\r\u{fffd}\u{e000}¡²º°¿"
            .chars()
            .collect();
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            let len = (state % 24) as usize;
            let s: String = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    palette[(state >> 33) as usize % palette.len()]
                })
                .collect();
            state = state.wrapping_add(1);
            let (mut norm, mut words) = (String::new(), Vec::new());
            let st = read_block(&s, &mut norm, &mut words);
            assert_eq!(norm, words_plainly(&s), "{s:?}");
            assert_eq!(st, stats_plainly(&s, &norm), "{s:?}");
            let want: Vec<u64> = norm
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(|w| keyed_hash(w.as_bytes()))
                .collect();
            assert_eq!(words, want, "{s:?}");
        }
    }

    #[test]
    fn counts_lines_as_split_does() {
        let long = "a\n".repeat(5000);
        for text in ["", "a", "a\n", "\n\n", "a\nb\nc", long.as_str()] {
            for n in [0, 1, 2, 3, 4999, 5000, 5001] {
                assert_eq!(
                    more_lines_than(text, n),
                    text.split('\n').nth(n).is_some(),
                    "{n} {:?}",
                    &text[..text.len().min(9)]
                );
            }
        }
    }

    #[test]
    fn invisible_lines() {
        for line in ["\u{200B}", " \u{200E}\u{2069} ", "\u{1}\u{FEFF}", ""] {
            assert!(is_invisible_line(line), "{line:?}");
        }
        for line in ["a", "b\u{200B}", "\u{200B}日"] {
            assert!(!is_invisible_line(line), "{line:?}");
        }
    }

    #[test]
    fn windows_cut_at_line_ends() {
        let text = "a\n\n b \nc\nd";
        let w = windows(text, 2);
        assert_eq!(
            w,
            [
                Window {
                    bytes: 0..7,
                    line: 0,
                    blocks: 0..2
                },
                Window {
                    bytes: 7..10,
                    line: 3,
                    blocks: 2..4
                },
            ]
        );
        assert_eq!(segment(&text[w[1].bytes.clone()]).blocks.len(), 2);
        assert_eq!(
            windows(text, 10),
            [Window {
                bytes: 0..10,
                line: 0,
                blocks: 0..4
            }]
        );
        assert_eq!(
            windows("", 10),
            [Window {
                bytes: 0..0,
                line: 0,
                blocks: 0..0
            }]
        );
        // A page that ends exactly at a window's end has no empty window.
        assert_eq!(
            windows("a\nb\n", 2),
            [Window {
                bytes: 0..4,
                line: 0,
                blocks: 0..2
            }]
        );
    }

    #[test]
    fn segments_lines() {
        let text = "  a b\r\n\n\tc\n";
        let seg = segment(text);
        assert_eq!(seg.blocks.len(), 2);
        assert_eq!(&text[seg.blocks[0].span.clone()], "a b");
        assert_eq!(seg.blocks[0].line, 0);
        assert_eq!(seg.blocks[0].indent, 2);
        assert!(seg.blocks[0].blank_before);
        assert_eq!(&text[seg.blocks[1].span.clone()], "c");
        assert_eq!(seg.blocks[1].line, 2);
        assert!(seg.blocks[1].blank_before);
        assert_eq!(seg.norm_of(0), " a b ");
        assert_eq!(seg.norm_of(1), " c ");
    }
}
