//! Stage 1 of the pipeline: raw page text → line blocks, plus the normalised
//! text that pattern matching and deduplication run on.
//!
//! A block is one non-blank line of the input, trimmed of surrounding
//! whitespace. (A line of invisible characters, [`is_invisible`], is a
//! block the decision never keeps.) Its normalised form is its words,
//! lowercased, separated by single spaces, with one space before and after
//! (` read also `), so that a pattern padded the same way can only match
//! whole words. All blocks of a page share one normalised buffer, separated
//! by `\n` (one allocation a page); the phrase matcher runs over each
//! block's part of it.

use std::ops::Range;

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
}

/// A page split into blocks.
#[derive(Debug, Default)]
pub(crate) struct Segmented {
    pub blocks: Vec<RawBlock>,
    /// The normalised text of every block: ` w1 w2 \n w3 \n` …
    pub norm: String,
}

impl Segmented {
    /// The normalised text of block `i`, with its padding spaces.
    pub fn norm_of(&self, i: usize) -> &str {
        &self.norm[self.blocks[i].norm.clone()]
    }
}

/// Splits `text` into blocks and builds the normalised buffer.
///
/// Linear in the input: each byte is looked at a constant number of times.
pub(crate) fn segment(text: &str) -> Segmented {
    let mut out = Segmented {
        blocks: Vec::new(),
        norm: String::with_capacity(text.len() + 16),
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
        normalize_into(trimmed, &mut out.norm);
        let norm_end = out.norm.len();
        out.norm.push('\n');
        out.blocks.push(RawBlock {
            line: line_no,
            span: s..s + trimmed.len(),
            norm: norm_start..norm_end,
            indent,
            blank_before,
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
    text.split('\n').nth(n).is_some()
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

/// Appends the normalised form of `s` to `out`: ` word word word `.
///
/// Words are maximal runs of alphanumeric characters, lowercased. Every Han,
/// hiragana and katakana character is a word of its own, as those scripts do
/// not put spaces between words. Everything else separates words.
pub(crate) fn normalize_into(s: &str, out: &mut String) {
    out.push(' ');
    let mut in_word = false;
    for c in s.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
                in_word = true;
            } else if in_word {
                out.push(' ');
                in_word = false;
            }
        } else if is_cjk(c) {
            if in_word {
                out.push(' ');
            }
            out.push(c);
            out.push(' ');
            in_word = false;
        } else if is_alnum(c) {
            for l in c.to_lowercase() {
                out.push(l);
            }
            in_word = true;
        } else if in_word {
            out.push(' ');
            in_word = false;
        }
    }
    if in_word {
        out.push(' ');
    }
}

/// Returns `s` normalised as by [`normalize_into`].
pub(crate) fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    normalize_into(s, &mut out);
    out
}

/// Whether a non-ASCII `c` is alphanumeric; the same as
/// [`char::is_alphanumeric`] (tested on every char), with fast paths for
/// the punctuation block (quotes, dashes, ellipsis) and for common letter
/// blocks, which are slow in the Unicode tables.
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    classify(c).0
}

/// (alphanumeric, alphabetic, uppercase) of a non-ASCII `c`, as the
/// `char` methods say (tested on every char), with the fast paths of
/// [`is_alnum`].
#[inline]
pub(crate) fn classify(c: char) -> (bool, bool, bool) {
    match c as u32 {
        0x2000..=0x206F | 0xD7 | 0xF7 => (false, false, false),
        // Latin-1 letters, Latin Extended-A/B, Cyrillic: letters with case.
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
