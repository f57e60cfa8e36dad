//! The text a Markdown reader shows of our Markdown: shared by the
//! Markdown test (`tests/integration/markdown.rs`) and the fuzz targets
//! (`fuzz/src/lib.rs`), which include it with `#[path]`.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The text a Markdown reader shows, one line per paragraph, heading, list
/// item or table row. Anything that is not text (raw HTML, a link, an
/// image, emphasis, a line break) is written out in brackets, so that it
/// cannot match a plain line.
pub fn rendered_lines(md: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let (mut buf, mut cells) = (String::new(), Vec::<String>::new());
    let flush = |buf: &mut String, lines: &mut Vec<String>| {
        if !buf.is_empty() {
            lines.push(std::mem::take(buf));
        }
    };
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Text(t) => buf.push_str(&t),
            Event::Code(t) => buf.push_str(&format!("[code {t}]")),
            Event::Html(t) | Event::InlineHtml(t) => buf.push_str(&format!("[html {t}]")),
            Event::SoftBreak | Event::HardBreak => buf.push_str("[break]"),
            Event::Start(
                Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Link { .. }
                | Tag::Image { .. },
            ) => buf.push_str("[markup]"),
            Event::Start(Tag::TableCell) => buf.clear(),
            Event::End(TagEnd::TableCell) => cells.push(std::mem::take(&mut buf)),
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                let row: Vec<String> = cells.drain(..).filter(|c| !c.is_empty()).collect();
                if !row.is_empty() {
                    lines.push(row.join(" "));
                }
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => {
                flush(&mut buf, &mut lines)
            }
            Event::Rule => lines.push("[rule]".into()),
            _ => {}
        }
    }
    flush(&mut buf, &mut lines);
    lines
}
