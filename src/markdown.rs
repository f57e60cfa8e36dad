//! The kept lines of an HTML page as Markdown (CommonMark with GitHub's
//! pipe tables): headings as `#`, list items as `-`, quotes as `>`, table
//! rows as pipe tables, everything else a paragraph. The text is escaped
//! so that a Markdown reader shows exactly the plain output's text: with
//! the markup taken away (cells of a row joined by a space), the lines are
//! those of [`crate::decide::write_kept`].

use crate::html::{Shape, Shapes};
use crate::score::Scored;

/// Appends the kept blocks of an HTML page to `out` as Markdown; `page`
/// may be a window of the page whose first block is the page's block
/// `first` (the shapes are the whole page's).
pub(crate) fn write_kept(
    page: &Scored<'_>,
    kept: &[bool],
    shapes: &Shapes,
    first: usize,
    out: &mut String,
) {
    let shape = |i: usize| shapes.lines.get(first + i).copied().unwrap_or_default();
    let kept: Vec<usize> = (0..kept.len()).filter(|&i| kept[i]).collect();
    let mut k = 0;
    let mut last: Option<Shape> = None;
    while k < kept.len() {
        let i = kept[k];
        let s = shape(i);
        if let Shape::Row { table, .. } = s {
            // The kept rows of one table, in a run.
            let run: Vec<usize> = kept[k..]
                .iter()
                .copied()
                .take_while(|&j| matches!(shape(j), Shape::Row { table: t, .. } if t == table))
                .collect();
            k += run.len();
            let width = run
                .iter()
                .map(|&j| shapes.cells_of(first + j, page.block_text(j)).count())
                .max()
                .unwrap_or(1);
            if width > 1 {
                separate(out, false);
                table_rows(page, shapes, first, &run, width, out);
                last = Some(s);
                continue;
            }
            // A layout table of one column: its rows are paragraphs.
            for &j in &run {
                separate(out, false);
                escape(page.block_text(j), Context::Line, out);
            }
            last = Some(Shape::Para);
            continue;
        }
        let tight = matches!((last, s), (Some(Shape::Item), Shape::Item));
        separate(out, tight);
        let text = page.block_text(i);
        match s {
            Shape::Heading(level) => {
                out.extend(std::iter::repeat_n('#', level.clamp(1, 6) as usize));
                out.push(' ');
                escape(text, Context::Heading, out);
            }
            Shape::Item => {
                out.push_str("- ");
                escape(text, Context::Line, out);
            }
            Shape::Quote => {
                out.push_str("> ");
                escape(text, Context::Line, out);
            }
            Shape::Para | Shape::Row { .. } => escape(text, Context::Line, out),
        }
        last = Some(s);
        k += 1;
    }
}

/// Ends the previous block: a line break inside a list, else a blank line.
fn separate(out: &mut String, tight: bool) {
    if !out.is_empty() {
        out.push_str(if tight { "\n" } else { "\n\n" });
    }
}

/// Writes rows as a pipe table of `width` columns; the first row is its
/// header.
fn table_rows(
    page: &Scored<'_>,
    shapes: &Shapes,
    first: usize,
    rows: &[usize],
    width: usize,
    out: &mut String,
) {
    for (r, &j) in rows.iter().enumerate() {
        if r > 0 {
            out.push('\n');
        }
        let mut n = 0;
        out.push('|');
        for cell in shapes.cells_of(first + j, page.block_text(j)) {
            out.push(' ');
            escape(cell, Context::Cell, out);
            out.push_str(" |");
            n += 1;
        }
        for _ in n..width {
            out.push_str("  |");
        }
        if r == 0 {
            out.push_str("\n|");
            for _ in 0..width {
                out.push_str(" --- |");
            }
        }
    }
}

/// Whether the text after a `&` would make it an entity reference:
/// letters, digits or `#`, then `;`.
fn entity_like(after: &str) -> bool {
    let name = after
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
        .count();
    name > 0 && after.as_bytes().get(name) == Some(&b';')
}

/// Where escaped text goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    /// A paragraph, list item or quote.
    Line,
    /// A heading: a trailing `#` would close it.
    Heading,
    /// A table cell: `|` would end it.
    Cell,
}

/// Appends `text` with a backslash before each character Markdown would
/// read as markup: emphasis, code, links, raw HTML, entities, and at the
/// start of the text the block markers (`#`, `>`, list bullets and
/// numbers).
fn escape(text: &str, context: Context, out: &mut String) {
    // An ordered-list marker: up to nine digits, then `.` or `)`, then a
    // space or the end.
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let number_end = (1..=9).contains(&digits)
        && matches!(text.as_bytes().get(digits), Some(b'.' | b')'))
        && matches!(text.as_bytes().get(digits + 1), None | Some(b' ' | b'\t'));
    for (at, c) in text.char_indices() {
        let first = at == 0;
        let escaped = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '~' => true,
            '&' => entity_like(&text[at + 1..]),
            '#' => first || context == Context::Heading,
            '>' | '-' | '+' | '=' => first,
            '.' | ')' => number_end && at == digits,
            '|' => context == Context::Cell,
            _ => false,
        };
        if escaped {
            out.push('\\');
        }
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn esc(s: &str, c: Context) -> String {
        let mut out = String::new();
        escape(s, c, &mut out);
        out
    }

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(esc("# not a heading", Context::Line), "\\# not a heading");
        assert_eq!(esc("C# and F#", Context::Line), "C# and F#");
        assert_eq!(esc("C# and F#", Context::Heading), "C\\# and F\\#");
        assert_eq!(esc("- dash", Context::Line), "\\- dash");
        assert_eq!(esc("well-known", Context::Line), "well-known");
        assert_eq!(esc("1984. A year", Context::Line), "1984\\. A year");
        assert_eq!(esc("3.5 stars", Context::Line), "3.5 stars");
        assert_eq!(
            esc("a *b* _c_ [d](e) <f> `g`", Context::Line),
            "a \\*b\\* \\_c\\_ \\[d\\](e) \\<f> \\`g\\`"
        );
        assert_eq!(esc("AT&T &amp; M & S", Context::Line), "AT&T \\&amp; M & S");
        assert_eq!(esc("2.", Context::Line), "2\\.");
        assert_eq!(esc("a | b", Context::Line), "a | b");
        assert_eq!(esc("a | b", Context::Cell), "a \\| b");
    }
}
