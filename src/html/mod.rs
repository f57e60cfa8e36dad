//! HTML input: the document turned into the same line blocks the text
//! pipeline scores, each with DOM features ([`Dom`](crate::feature::Dom)).
//!
//! No tree is built. The front end is split by the standard's roles:
//! - `tags`: the standard's sets of element names, and this crate's own;
//! - `scan`: the tokeniser (text runs, start tags with their attributes
//!   read on demand, end tags), with `refs` beside it for character
//!   references;
//! - `tree`: the tree builder's rules, over a model of its stack of open
//!   elements; it drives a [`Sink`](tree::Sink) with the events of the
//!   document's tree (an element opens, closes, text), and lists what it
//!   does not model;
//! - this module's converter, the sink: a context per open element, so
//!   100,000 nested elements cost neither stack nor quadratic time;
//! - `lines`: the line builder; `dom`, `class` and `units`: the DOM
//!   features.
//!
//! `script`, `style`, `noscript`, `template`, `head`, `title`, `svg`,
//! `math`, `iframe`, `object`, `embed`, `canvas`, `select`, `textarea`
//! (`tags::is_dropped`) and hidden elements (`hidden`,
//! `aria-hidden="true"`, inline `display:none`/`visibility:hidden`) are
//! dropped with what they hold. Block-level elements (paragraphs,
//! headings, list items, table rows, `div`, `br`, …) end a line;
//! whitespace runs become one space (inside `pre`, newlines end lines);
//! character references are resolved.

mod class;
mod dom;
mod lines;
pub(crate) mod meta;
pub(crate) mod refs;
mod scan;
mod tags;
mod tree;
mod units;
#[cfg(feature = "scraper")]
mod walk;

use crate::feature::DomRow;
use class::scan_attrs;
use lines::{Builder, Ctx, ElemStat};
pub(crate) use lines::{Shape, Shapes};
use scan::Attrs;
use tags::{is_block, is_dropped};
use tree::{Attributes, Sink};
use units::PageTypes;
#[cfg(feature = "scraper")]
pub(crate) use walk::Root;

/// A page converted from HTML: its lines (one block a line, no blank
/// lines), the DOM features of each, and the shape of each (for Markdown).
#[derive(Clone, Debug, Default)]
pub(crate) struct HtmlPage {
    pub text: String,
    pub dom: Vec<DomRow>,
    pub shapes: Shapes,
}

/// The contexts below those of the tree's open elements: the document's,
/// `html`'s and `body`'s (the builder always makes those two).
const BASE: usize = 3;

/// The converter, the tree's sink: the line builder, a context per open
/// element (after [`BASE`] contexts), and the element tree the repeated
/// units are found in.
struct Convert {
    b: Builder,
    stack: Vec<Ctx>,
    /// Per element: its parent and signature.
    nodes: Vec<units::Node>,
    /// Scratch for attribute values and styles.
    attr: String,
    style: String,
}

impl Sink for Convert {
    fn open(&mut self, name: &[u8], attrs: &impl Attributes) {
        let top = *self.stack.last().expect("root context");
        // Tag names are ASCII here or match nothing; a name cut inside a
        // character (past 64 bytes) is no name.
        let name: &[u8] = if std::str::from_utf8(name).is_ok() {
            name
        } else {
            b""
        };
        // Inside a dropped element, a dropped tag, or hidden: nothing in it
        // is page text.
        let visible = !(top.dropped || is_dropped(name));
        let seen = visible.then(|| scan_attrs(attrs, &mut self.attr, &mut self.style));
        let Some((false, attr_bits, class)) = seen else {
            self.stack.push(Ctx {
                dropped: true,
                ..top
            });
            return;
        };
        let b = &mut self.b;
        let is_block = is_block(name);
        if is_block {
            b.flush();
        }
        let id = b.elems.len() as u32;
        b.elems.push(ElemStat {
            paragraphs: u32::from(name == b"p"),
            ..ElemStat::default()
        });
        self.nodes.push(units::Node {
            parent: top.id,
            sig: crate::hash::mix(crate::hash::hash_bytes(name) ^ class),
        });
        let (block, block_parent, block_grand) = if is_block {
            (id, top.block, top.block_parent)
        } else {
            (top.block, top.block_parent, top.block_grand)
        };
        let shape = if is_block {
            match name {
                [b'h', l @ b'1'..=b'6'] => Shape::Heading(l - b'0'),
                b"li" | b"dt" | b"dd" => Shape::Item,
                b"tr" => Shape::Row {
                    table: top.table,
                    cells: (0, 0),
                },
                b"blockquote" => Shape::Quote,
                // A block inside a cell is a paragraph of its own.
                _ if matches!(top.shape, Shape::Row { .. }) => Shape::Para,
                _ => top.shape,
            }
        } else {
            top.shape
        };
        let ctx = Ctx {
            id,
            parent: top.id,
            block,
            block_parent,
            block_grand,
            bits: top.bits | dom::element_bits(name, attr_bits),
            depth: top.depth + 1,
            pre: top.pre || name == b"pre",
            link: top.link || name == b"a",
            is_block,
            shape,
            table: if name == b"table" { id } else { top.table },
            dropped: false,
        };
        self.stack.push(ctx);
        if matches!(name, b"td" | b"th") {
            b.cell(&ctx);
        }
    }

    fn close(&mut self, at: usize) {
        let at = at + BASE;
        let c = self.stack.remove(at);
        if c.dropped {
            return;
        }
        lines::close(&mut self.b.elems, &c);
        if let Some(above) = self.stack.get_mut(at) {
            // What the element above holds from now on counts for the
            // closed element's parent.
            if above.parent == c.id {
                above.parent = c.parent;
            }
        }
        if c.is_block {
            self.b.flush();
        }
    }

    fn text(&mut self, text: &str) {
        let ctx = *self.stack.last().expect("root context");
        if !ctx.dropped {
            self.b.text(text, &ctx);
        }
    }

    fn reads_text(&self) -> bool {
        !self.stack.last().expect("root context").dropped
    }

    fn root_attrs(&mut self, body: bool, attrs: &impl Attributes) {
        let (_, bits, _) = scan_attrs(attrs, &mut self.attr, &mut self.style);
        self.stack[1 + usize::from(body)].bits |= bits;
    }

    fn line_break(&mut self) {
        self.b.flush();
    }

    fn hides(&self, at: usize) -> bool {
        self.stack[BASE + at].dropped && !self.stack[BASE + at - 1].dropped
    }

    fn depth(&self) -> usize {
        self.stack.len() - BASE
    }
}

/// Converts an HTML document into lines and their DOM features.
pub(crate) fn convert(html: &str) -> HtmlPage {
    run(|c| {
        tree::build(html, c, |_| {});
        PageTypes::of(html)
    })
}

/// [`convert`], reading the page's [`meta::Facts`] in the same pass.
pub(crate) fn convert_reading(html: &str) -> (HtmlPage, meta::Facts) {
    let mut facts = meta::Reader::new(html);
    let page = run(|c| {
        tree::build(html, c, |t| facts.token(t));
        PageTypes::of(html)
    });
    (page, facts.finish())
}

/// Converts a parsed DOM (a document, or one element and what it holds):
/// the walk of its tree drives the same sink as [`convert`]'s tree
/// builder, and the page-level features read what it holds.
#[cfg(feature = "scraper")]
pub(crate) fn convert_dom(root: Root<'_>) -> HtmlPage {
    run(|c| PageTypes::of(&walk::walk(root, c)))
}

/// Runs the converter over the events `drive` sends it; `drive` returns
/// the page's declared types.
fn run(drive: impl FnOnce(&mut Convert) -> PageTypes) -> HtmlPage {
    let mut c = Convert {
        b: Builder::new(),
        stack: vec![Ctx::default()],
        // Element 0 is the document (the root context).
        nodes: vec![units::Node::default()],
        attr: String::new(),
        style: String::new(),
    };
    c.open(b"html", &Attrs::EMPTY);
    c.open(b"body", &Attrs::EMPTY);
    let types = drive(&mut c);
    let Convert {
        mut b,
        mut stack,
        nodes,
        ..
    } = c;
    b.flush();
    // Elements left open: their totals go to their parents.
    while stack.len() > 1 {
        let c = stack.pop().expect("more than the root");
        if !c.dropped {
            lines::close(&mut b.elems, &c);
        }
    }
    let dom = dom::rows(&b.out.facts, &b.elems, &nodes, &types);
    HtmlPage {
        text: b.out.text,
        dom,
        shapes: b.out.shapes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feature::Dom;

    fn lines(html: &str) -> Vec<String> {
        convert(html).text.lines().map(str::to_string).collect()
    }

    /// An element read alone still has the types its document declares
    /// (here in the `head`): the body read as an element has the same DOM
    /// features as the whole document.
    #[cfg(feature = "scraper")]
    #[test]
    fn an_element_has_the_types_of_its_document() {
        let html = r#"<html><head><script type="application/ld+json">{"@type": "NewsArticle"}</script></head>
            <body><nav><a href="/">Home</a></nav><p>The council met on Tuesday to vote on the budget.</p></body></html>"#;
        let doc = scraper::Html::parse_document(html);
        let body = doc
            .select(&scraper::Selector::parse("body").unwrap())
            .next()
            .unwrap();
        let whole = convert_dom(Root::Document(&doc));
        let alone = convert_dom(Root::Element(body));
        assert_eq!(alone.text, whole.text);
        assert_eq!(alone.dom, whole.dom);
        let untyped = html.replace("NewsArticle", "Thing");
        let doc = scraper::Html::parse_document(&untyped);
        assert_ne!(
            convert_dom(Root::Document(&doc)).dom,
            whole.dom,
            "the type is read"
        );
    }

    #[test]
    fn the_dropped_elements_of_the_module_doc() {
        // Each element the module's doc lists is dropped with what it
        // holds (`embed` is void: it holds nothing).
        for name in [
            "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas",
            "select", "textarea",
        ] {
            let html = format!("<body><p>before</p><{name}>inside</{name}><p>after</p>");
            assert_eq!(lines(&html), ["before", "after"], "{name}");
        }
        assert_eq!(lines("<head><title>T</title></head><body><p>b</p>"), ["b"]);
        for hidden in [
            "hidden",
            "aria-hidden=true",
            "style='display: none'",
            "style='visibility:hidden'",
        ] {
            assert_eq!(
                lines(&format!("<p>a</p><div {hidden}>x</div>")),
                ["a"],
                "{hidden}"
            );
        }
    }

    #[test]
    fn blocks_become_lines() {
        let html = "<html><head><title>T</title><style>p{}</style></head><body>\
            <nav class='main-menu'><a href='/'>Home</a> <a href='/n'>News</a></nav>\
            <h1>The &amp; headline</h1><p>First   para with <b>bold</b>\ntext.</p>\
            <script>var x = 1;</script><div hidden>secret</div>\
            <ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table>\
            <p>line<br>break</p></body></html>";
        assert_eq!(
            lines(html),
            [
                "Home News",
                "The & headline",
                "First para with bold text.",
                "one",
                "two",
                "a b",
                "line",
                "break"
            ]
        );
        let p = convert(html);
        let nav = &p.dom[0];
        assert_eq!(nav[Dom::LinkDensity], 1.0);
        assert_eq!(nav[Dom::InNav], 1.0);
        assert_eq!(nav[Dom::ClsNav], 1.0, "class main-menu is a nav word");
        assert_eq!(p.dom[1][Dom::Heading], 1.0);
        assert_eq!(p.dom[2][Dom::P], 1.0);
        // The paragraphs' container is the body: most of the text, two
        // paragraphs.
        assert!(p.dom[2][Dom::ParentShare] > 0.5);
        assert_eq!(p.dom[2][Dom::LnParentP], 3f32.ln());
    }

    /// Defects the comparison with the standard found (issue 24): each
    /// lost text or marked later lines wrongly before its fix.
    #[test]
    fn the_standards_corners() {
        // `<svg/>` outside svg opens and closes: what follows is read.
        assert_eq!(
            lines("<p>a</p><svg/><p>after the icon</p>"),
            ["a", "after the icon"]
        );
        assert_eq!(lines("<math/><p>after</p>"), ["after"]);
        // A comment closed by `--!>`.
        assert_eq!(lines("FOO<!-- BAR --!>BAZ"), ["FOOBAZ"]);
        // `</h3>` closes an open `<h2>`: the paragraph after is no heading.
        let p = convert("<h2>Title</h3><p>The body, which is not a heading.</p>");
        assert_eq!(
            p.text.lines().collect::<Vec<_>>(),
            ["Title", "The body, which is not a heading."]
        );
        assert_eq!((p.dom[0][Dom::Heading], p.dom[1][Dom::Heading]), (1.0, 0.0));
        // An HTML element ends the svg or MathML it is in.
        assert_eq!(
            lines("<svg><g>icon</g><p>The caption after it.</p>"),
            ["The caption after it."]
        );
        assert_eq!(lines("<math><mi>x</mi><div>After</div>"), ["After"]);
        // So do the end tags `</p>` and `</br>`.
        assert_eq!(lines("<p>a<svg><g>x</p>b"), ["a", "b"]);
        assert_eq!(lines("<p>a<svg><g>x</br>b"), ["a", "b"]);
        assert_eq!(
            lines("<svg><font color=red>red</font></svg>"),
            ["red"],
            "a font with a colour breaks out"
        );
        // In svg, `<title>` is no raw text: the `</svg>` after it is read.
        assert_eq!(lines("<svg><title>Icon</svg><p>Read on</p>"), ["Read on"]);
        // A paragraph in an svg's foreignObject is HTML, and a `</div>`
        // there does not close the div outside the svg.
        assert_eq!(
            lines("<div><svg><foreignObject><p>inside</div>lost"),
            Vec::<String>::new()
        );
        // `</table>` closes the table from inside a cell or a caption.
        assert_eq!(lines("<table><td>A</table>B"), ["A", "B"]);
        assert_eq!(lines("<table><caption><svg>foo</table>bar"), ["bar"]);
        // `</template>` closes whatever the template holds.
        assert_eq!(lines("<template><table></template><p>Foo"), ["Foo"]);
        // A select ends at an input, or at a table's part in a table.
        assert_eq!(lines("<select><input>X"), ["X"]);
        assert_eq!(
            lines("<table><tr><td><select><option>A<tr><td>B</table>"),
            ["B"]
        );
        // A table straight in a table closes it; in a cell it nests.
        assert_eq!(lines("<table><select><table>shown"), ["shown"]);
        assert_eq!(
            lines("<table><td>a<table><td>b</table>c</table>"),
            ["a", "b", "c"]
        );
        // `</dialog>` closes the paragraph in it.
        assert_eq!(lines("<dialog><p>foo</dialog>bar"), ["foo", "bar"]);
        // A frameset before any text replaces the body; after text it is
        // ignored.
        assert_eq!(lines("<frameset>test"), Vec::<String>::new());
        assert_eq!(lines("<p>text<frameset>more"), ["textmore"]);
        // `basefont`, `bgsound` and `frame` are void: nothing nests in them.
        let depth = |html: &str| convert(html).dom[0][Dom::LnDepth];
        assert_eq!(
            depth("<basefont><bgsound><frame><p>After the void tags.</p>"),
            depth("<p>After the void tags.</p>")
        );
        // A table ends a paragraph in standards mode, not in quirks mode.
        let nested = |html: &str| convert(html).dom[1][Dom::P];
        assert_eq!(nested("<!DOCTYPE html><p>a<table><td>b</table>"), 0.0);
        assert_eq!(nested("<p>a<table><td>b</table>"), 1.0);
        // A link inside a block inside a hidden link: the block moves out
        // of the hidden link, as the tree builder moves it; what it held
        // before stays hidden.
        assert_eq!(
            lines(
                "<a aria-hidden=true href=/p><div class=card>Hidden<a href=/p>The product's title</a> and price</div></a><p>next</p>"
            ),
            ["The product's title and price", "next"]
        );
        assert_eq!(lines("<a hidden><div><span><a>t</a>"), ["t"]);
        assert_eq!(lines("<b hidden><p>x</b>shown"), ["shown"]);
        assert_eq!(lines("<a hidden><span>x<a>shown"), ["shown"]);
        // The tree builder drops NUL characters.
        assert_eq!(lines("a\0b"), ["ab"]);
    }

    #[test]
    fn quirks_mode_from_the_doctype() {
        for (html, quirks) in [
            ("<!DOCTYPE html><p>", false),
            ("\u{feff} <!-- c --><!doctype HTML>", false),
            (
                r#"<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">"#,
                false,
            ),
            (
                r#"<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">"#,
                false,
            ),
            (
                r#"<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">"#,
                true,
            ),
            (
                r#"<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">"#,
                true,
            ),
            ("<html><p>no doctype", true),
            ("<p>x<!DOCTYPE html>", true),
            ("", true),
        ] {
            assert_eq!(tree::quirks(html), quirks, "{html}");
        }
    }

    #[test]
    fn repeated_units_are_seen() {
        let post = |k: u32| {
            format!(
                "<div class='post post-{k}'><p>Reply {k}: I had the same problem with the pump, and a new seal fixed it.</p></div>"
            )
        };
        let html = format!(
            "<nav><a href=/a>A</a> <a href=/b>B</a></nav><main>{}{}{}{}</main><footer>Contact us</footer>",
            post(1),
            post(2),
            post(3),
            post(4)
        );
        let p = convert(&html);
        assert_eq!(p.text.lines().count(), 6);
        // The posts: one group of four, most of the page.
        let reply = &p.dom[2];
        assert_eq!(reply[Dom::LnUnits], 5f32.ln());
        assert!(reply[Dom::UnitsShare] > 0.8);
        assert_eq!(reply[Dom::UnitsLinkDensity], 0.0);
        assert!(reply[Dom::UnitsContainerShare] >= reply[Dom::UnitsShare]);
        // The footer is in no group; every line knows the largest group.
        let footer = &p.dom[5];
        assert_eq!(footer[Dom::LnUnits], 0.0);
        assert_eq!(footer[Dom::PageUnitsShare], reply[Dom::UnitsShare]);
        assert_eq!(footer[Dom::PageDiscussion], 0.0);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(100_000) + "deep text" + &"</div>".repeat(100_000);
        let p = convert(&html);
        assert!(p.text.contains("deep text"));
    }
}
