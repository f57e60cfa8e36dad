//! `dejunk --report`: a page's blocks as one self-contained HTML file to
//! look at. Kept blocks read as text; dropped ones are greyed and struck
//! through, their reasons on hover (the `title` attribute) and their first
//! reason's kind named beside them; a legend and the page's title and
//! counts on top. No script, and a Content-Security-Policy that lets the
//! file load nothing from anywhere.

use std::fmt::Write as _;

use dejunk::{Analysis, Block, ReasonKind};

/// A block's text is shown up to this many characters (a 50 MB line
/// would make the report unreadable); the rest is counted.
const SHOWN_CHARS: usize = 2_000;

/// What the report says of a page besides its blocks.
pub struct About<'a> {
    /// Where the page came from: the file, and the record in it.
    pub source: &'a str,
    pub url: Option<&'a str>,
    /// Whether the page was read as HTML.
    pub html: bool,
}

/// The report's start, before the first page.
pub fn head() -> &'static str {
    HEAD
}

/// The report's end, after the last page.
pub fn tail() -> &'static str {
    "</main>\n</body>\n</html>\n"
}

/// One page of the report: a `<section>` with the page's title, what it
/// is, the legend of the kinds its dropped blocks show, and its blocks in
/// order (`<li class="b keep">` or `<li class="b drop k-…">`, one a block).
pub fn page(a: &Analysis<'_>, about: &About<'_>) -> String {
    let blocks = a.blocks();
    let kept = blocks.iter().filter(|b| b.is_kept()).count();
    let mut out = String::with_capacity(256 + a.text().len() * 2);
    out.push_str("<section class=\"page\">\n<h1>");
    match a.title() {
        Some(t) => escape(&mut out, t),
        None => out.push_str("<span class=\"none\">no title found</span>"),
    }
    out.push_str("</h1>\n<dl class=\"about\">\n<dt>source</dt><dd>");
    escape(&mut out, about.source);
    out.push_str("</dd>\n");
    if let Some(url) = about.url {
        out.push_str("<dt>url</dt><dd>");
        escape(&mut out, url);
        out.push_str("</dd>\n");
    }
    // What the page says of itself, the fields it gives.
    let m = a.metadata();
    let authors = m.authors().join(", ");
    let tags = m.tags().join(", ");
    for (name, value) in [
        ("headline", m.headline()),
        ("date", m.date()),
        ("modified", m.modified()),
        ("authors", Some(authors.as_str()).filter(|a| !a.is_empty())),
        ("site", m.site_name()),
        ("language", m.language()),
        ("canonical url", m.url()),
        ("description", m.description()),
        ("tags", Some(tags.as_str()).filter(|t| !t.is_empty())),
    ] {
        if let Some(v) = value {
            let _ = write!(out, "<dt>{name}</dt><dd>");
            escape(&mut out, v);
            out.push_str("</dd>\n");
        }
    }
    let _ = write!(
        out,
        "<dt>read as</dt><dd>{}</dd>\n<dt>blocks</dt><dd>{kept} kept, {} dropped, of {}</dd>\n</dl>\n",
        if about.html { "HTML" } else { "text" },
        blocks.len() - kept,
        blocks.len()
    );
    legend(&mut out, blocks);
    out.push_str("<ol class=\"blocks\">\n");
    for b in blocks {
        block(&mut out, b);
    }
    out.push_str("</ol>\n</section>\n");
    out
}

/// The legend: what kept and dropped look like, and each kind of reason
/// the page's dropped blocks show first, with what it means.
fn legend(out: &mut String, blocks: &[Block<'_>]) {
    out.push_str(
        "<ul class=\"legend\">\n<li class=\"sw keep\">kept: the main content</li>\n\
         <li class=\"sw\"><span class=\"gone\">dropped</span>: greyed and struck through; \
         hover a block for its reasons</li>\n",
    );
    let mut shown: Vec<ReasonKind> = Vec::new();
    for b in blocks.iter().filter(|b| !b.is_kept()) {
        if let Some(r) = b.reasons().first()
            && !shown.contains(&r.kind())
        {
            shown.push(r.kind());
        }
    }
    for kind in shown {
        let (class, name, meaning) = describe(kind);
        let _ = writeln!(
            out,
            "<li class=\"sw {class}\"><span class=\"kind\">{name}</span> {meaning}</li>"
        );
    }
    out.push_str("</ul>\n");
}

fn block(out: &mut String, b: &Block<'_>) {
    let kept = b.is_kept();
    // A dropped block is labelled with the kind of its first reason.
    let label = match kept {
        true => None,
        false => b.reasons().first().map(|r| describe(r.kind())),
    };
    let _ = write!(out, "<li class=\"b {}", if kept { "keep" } else { "drop" });
    if let Some((class, ..)) = label {
        let _ = write!(out, " {class}");
    }
    let _ = write!(out, "\" value=\"{}\" title=\"", b.line());
    let mut hover = format!(
        "{} · score {:.2} · line {}",
        if kept { "kept" } else { "dropped" },
        b.score(),
        b.line()
    );
    for r in b.reasons() {
        let _ = write!(hover, "\n{r}");
    }
    escape(out, &hover);
    out.push_str("\">");
    if let Some((_, name, _)) = label {
        let _ = write!(out, "<span class=\"kind\">{name}</span> ");
    }
    let text = b.text();
    match text.char_indices().nth(SHOWN_CHARS) {
        Some((cut, _)) => {
            escape(out, &text[..cut]);
            let _ = write!(
                out,
                "<span class=\"more\">… {} more characters</span>",
                text[cut..].chars().count()
            );
        }
        None => escape(out, text),
    }
    out.push_str("</li>\n");
}

/// A kind's CSS class, short name and meaning.
fn describe(kind: ReasonKind) -> (&'static str, &'static str, &'static str) {
    match kind {
        ReasonKind::Phrase => ("k-phrase", "phrase", "a learned junk phrase"),
        ReasonKind::Feature => ("k-feature", "feature", "what the block itself looks like"),
        ReasonKind::Context => (
            "k-context",
            "context",
            "its place in the page, its neighbours",
        ),
        ReasonKind::Title => ("k-title", "title", "the page's title"),
        ReasonKind::AboveTitle => (
            "k-above",
            "above title",
            "the page's header, above its title",
        ),
        ReasonKind::Dateline => (
            "k-dateline",
            "dateline",
            "a byline or date line under the title",
        ),
        ReasonKind::KeepPattern => ("k-pattern", "keep pattern", "a keep pattern of the user's"),
        ReasonKind::JunkPattern => ("k-pattern", "junk pattern", "a junk pattern of the user's"),
        ReasonKind::Duplicate => ("k-dup", "duplicate", "a repeat of a kept block"),
        ReasonKind::NearDuplicate => ("k-dup", "near duplicate", "mostly in other kept blocks"),
        ReasonKind::SiteMemory => ("k-site", "site memory", "recurs on the site's pages"),
        ReasonKind::Comment => ("k-comment", "comment", "a post of the comment section"),
        ReasonKind::NotText => ("k-nottext", "not text", "bytes, a blob or minified code"),
        _ => ("k-other", "other", "another reason"),
    }
}

/// Appends `s` with the five characters that HTML gives meaning escaped
/// (in text and in quoted attributes alike).
fn escape(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(i) = rest.find(['&', '<', '>', '"', '\'']) {
        out.push_str(&rest[..i]);
        out.push_str(match rest.as_bytes()[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
}

const HEAD: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>dejunk report</title>
<style>
body { font: 16px/1.45 system-ui, sans-serif; margin: 0; background: #fff; color: #111; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem; }
.page { border-top: 4px solid #222; margin-bottom: 3rem; }
h1 { font-size: 1.6rem; margin: 0.8rem 0; }
.none { color: #999; font-style: italic; }
.about { display: grid; grid-template-columns: max-content auto; gap: 0 1rem; margin: 0 0 1rem; font-size: 0.9rem; }
.about dt { color: #666; }
.about dd { margin: 0; overflow-wrap: anywhere; }
.legend { list-style: none; padding: 0.5rem; margin: 0 0 1rem; background: #f4f4f4; font-size: 0.85rem; }
.legend li { margin: 0.15rem 0; }
.sw { border-left: 5px solid #bbb; padding-left: 0.5rem; }
.gone { color: #8a8a8a; text-decoration: line-through; background: #f2f2f2; }
.blocks { padding-left: 3.5rem; }
.b { white-space: pre-wrap; overflow-wrap: anywhere; padding: 0.15rem 0.5rem; margin: 0.1rem 0; border-left: 5px solid transparent; }
.keep { border-left-color: #1a9850; }
.drop { font-size: 0.85rem; color: #8a8a8a; text-decoration: line-through; text-decoration-color: #b0b0b0; background: #f2f2f2; border-left-color: #bbb; }
li.b:hover { outline: 1px solid #888; }
.blocks li::marker { color: #aaa; font-size: 0.75rem; }
.kind { display: inline-block; text-decoration: none; font-size: 0.7rem; text-transform: uppercase; letter-spacing: 0.03em; color: #555; background: #e2e2e2; padding: 0 0.3rem; border-radius: 3px; }
.more { color: #666; font-style: italic; }
.k-phrase { border-left-color: #d73027; }
.k-feature { border-left-color: #fc8d59; }
.k-context { border-left-color: #fee08b; }
.k-title, .k-above, .k-dateline { border-left-color: #91bfdb; }
.k-pattern { border-left-color: #7b3294; }
.k-dup { border-left-color: #4575b4; }
.k-site { border-left-color: #c51b7d; }
.k-comment { border-left-color: #80cdc1; }
.k-nottext { border-left-color: #333; }
</style>
</head>
<body>
<main>
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_html_reads() {
        let mut s = String::new();
        escape(&mut s, "a<b>&\"c'</li>");
        assert_eq!(s, "a&lt;b&gt;&amp;&quot;c&#39;&lt;/li&gt;");
    }

    /// What the report says of a text page read from `source`.
    fn text_page(source: &str) -> About<'_> {
        About {
            source,
            url: None,
            html: false,
        }
    }

    #[test]
    fn a_block_a_list_item_in_order() {
        let body = "The council voted on Tuesday to keep the central library open, after months of debate.";
        let page_text =
            format!("Home | News | Sport\n{body}\n<script>alert(1)</script> Download our app");
        let a = dejunk::Cleaner::new().analyze(page_text.as_str());
        let r = page(&a, &text_page("x.txt"));
        assert_eq!(r.matches("<li class=\"b ").count(), a.blocks().len());
        assert!(r.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!r.contains("<script"));
        let at = r.find(body).unwrap();
        let li = r[..at].rfind("<li ").unwrap();
        assert!(
            r[li..at].starts_with("<li class=\"b keep\" value=\"2\""),
            "{}",
            &r[li..at]
        );
    }

    #[test]
    fn long_blocks_are_cut() {
        let line = "word ".repeat(10_000);
        let a = dejunk::Cleaner::new().analyze(line.as_str());
        let r = page(&a, &text_page("-"));
        assert!(r.len() < 4 * SHOWN_CHARS + 2_000, "{}", r.len());
        let more = line.trim().chars().count() - SHOWN_CHARS;
        assert!(r.contains(&format!("… {more} more characters")));
    }
}
