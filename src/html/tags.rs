//! The standard's sets of element names, in one place: what the
//! tokeniser reads as raw text, what the tree builder treats as void,
//! formatting, special or a scope boundary, which start tags close a
//! paragraph; and the two sets of this crate's own, the elements that end
//! a line and those whose content is never page text. Names are ASCII
//! lowercase bytes.

/// Elements that end a line: block-level elements, `br`, and the
/// document's own.
pub(super) fn is_block(name: &[u8]) -> bool {
    matches!(
        name,
        b"p" | b"div"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"li"
            | b"ul"
            | b"ol"
            | b"dl"
            | b"dt"
            | b"dd"
            | b"tr"
            | b"table"
            | b"thead"
            | b"tbody"
            | b"tfoot"
            | b"caption"
            | b"blockquote"
            | b"pre"
            | b"figure"
            | b"figcaption"
            | b"section"
            | b"article"
            | b"main"
            | b"header"
            | b"footer"
            | b"nav"
            | b"aside"
            | b"form"
            | b"fieldset"
            | b"address"
            | b"hr"
            | b"br"
            | b"center"
            | b"details"
            | b"summary"
            | b"body"
            | b"html"
            | b"legend"
            | b"menu"
            | b"noframes"
            | b"object"
    )
}

/// Elements whose subtree is never page text.
pub(super) fn is_dropped(name: &[u8]) -> bool {
    matches!(
        name,
        b"script"
            | b"style"
            | b"noscript"
            | b"template"
            | b"head"
            | b"title"
            | b"svg"
            | b"iframe"
            | b"select"
            | b"textarea"
            | b"canvas"
            | b"math"
            | b"object"
            | b"embed"
    )
}

/// Formatting elements: the builder reopens them after a block closes them
/// (its list of active formatting elements).
pub(super) fn is_formatting(n: &[u8]) -> bool {
    matches!(
        n,
        b"a" | b"b"
            | b"big"
            | b"code"
            | b"em"
            | b"font"
            | b"i"
            | b"nobr"
            | b"s"
            | b"small"
            | b"strike"
            | b"strong"
            | b"tt"
            | b"u"
    )
}

/// The standard's "special" elements (an end tag for another element does
/// not close past them).
pub(super) fn is_special(n: &[u8]) -> bool {
    matches!(
        n,
        b"address"
            | b"applet"
            | b"area"
            | b"article"
            | b"aside"
            | b"base"
            | b"basefont"
            | b"bgsound"
            | b"blockquote"
            | b"body"
            | b"br"
            | b"button"
            | b"caption"
            | b"center"
            | b"col"
            | b"colgroup"
            | b"dd"
            | b"details"
            | b"dir"
            | b"div"
            | b"dl"
            | b"dt"
            | b"embed"
            | b"fieldset"
            | b"figcaption"
            | b"figure"
            | b"footer"
            | b"form"
            | b"frame"
            | b"frameset"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"head"
            | b"header"
            | b"hgroup"
            | b"hr"
            | b"html"
            | b"iframe"
            | b"img"
            | b"input"
            | b"li"
            | b"link"
            | b"listing"
            | b"main"
            | b"marquee"
            | b"menu"
            | b"meta"
            | b"nav"
            | b"noembed"
            | b"noframes"
            | b"noscript"
            | b"object"
            | b"ol"
            | b"p"
            | b"param"
            | b"plaintext"
            | b"pre"
            | b"script"
            | b"search"
            | b"section"
            | b"select"
            | b"source"
            | b"style"
            | b"summary"
            | b"table"
            | b"tbody"
            | b"td"
            | b"template"
            | b"textarea"
            | b"tfoot"
            | b"th"
            | b"thead"
            | b"title"
            | b"tr"
            | b"track"
            | b"ul"
            | b"wbr"
            | b"xmp"
    )
}

/// Elements that end the scope of a search down the stack (the standard's
/// "has an element in scope", with `select` since selects hold markup),
/// and the markers of the formatting list.
pub(super) fn is_scope_boundary(n: &[u8]) -> bool {
    matches!(
        n,
        b"applet"
            | b"caption"
            | b"html"
            | b"table"
            | b"td"
            | b"th"
            | b"marquee"
            | b"object"
            | b"select"
            | b"template"
    )
}

/// Start tags that close an open `p` (in button scope).
pub(super) fn closes_p(n: &[u8]) -> bool {
    matches!(
        n,
        b"address"
            | b"article"
            | b"aside"
            | b"blockquote"
            | b"center"
            | b"details"
            | b"dialog"
            | b"dir"
            | b"div"
            | b"dl"
            | b"dd"
            | b"dt"
            | b"fieldset"
            | b"figcaption"
            | b"figure"
            | b"footer"
            | b"form"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"header"
            | b"hgroup"
            | b"hr"
            | b"li"
            | b"listing"
            | b"main"
            | b"menu"
            | b"nav"
            | b"ol"
            | b"p"
            | b"plaintext"
            | b"pre"
            | b"search"
            | b"section"
            | b"summary"
            | b"ul"
            | b"xmp"
    )
}

/// `h1` … `h6`.
pub(super) fn is_heading(n: &[u8]) -> bool {
    matches!(n, [b'h', b'1'..=b'6'])
}

/// Void elements: a start tag opens and closes them at once.
pub(super) fn is_void(name: &[u8]) -> bool {
    matches!(
        name,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
            | b"keygen"
            | b"basefont"
            | b"bgsound"
            | b"frame"
    )
}

/// HTML start tags that end the svg or MathML they appear in (with `font`
/// when it has a `color`, `face` or `size`).
pub(super) fn breaks_out(name: &[u8]) -> bool {
    matches!(
        name,
        b"b" | b"big"
            | b"blockquote"
            | b"body"
            | b"br"
            | b"center"
            | b"code"
            | b"dd"
            | b"div"
            | b"dl"
            | b"dt"
            | b"em"
            | b"embed"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"head"
            | b"hr"
            | b"i"
            | b"img"
            | b"li"
            | b"listing"
            | b"menu"
            | b"meta"
            | b"nobr"
            | b"ol"
            | b"p"
            | b"pre"
            | b"ruby"
            | b"s"
            | b"small"
            | b"span"
            | b"strong"
            | b"strike"
            | b"sub"
            | b"sup"
            | b"table"
            | b"tt"
            | b"u"
            | b"ul"
            | b"var"
    )
}

/// A table, a table section or a row: the parts of a table where rows
/// and cells go, and no content.
pub(super) fn is_table_body(n: &[u8]) -> bool {
    matches!(n, b"table" | b"tbody" | b"thead" | b"tfoot" | b"tr")
}

/// Start tags after which a `frameset` no longer replaces the body (the
/// standard's "frameset-ok flag" set to "not ok": what a reader would
/// see); an `input` only when it is not `type=hidden`.
pub(super) fn ends_frameset_ok(name: &[u8]) -> bool {
    matches!(
        name,
        b"pre"
            | b"listing"
            | b"li"
            | b"dd"
            | b"dt"
            | b"button"
            | b"applet"
            | b"marquee"
            | b"object"
            | b"table"
            | b"area"
            | b"br"
            | b"embed"
            | b"img"
            | b"keygen"
            | b"wbr"
            | b"input"
            | b"hr"
            | b"textarea"
            | b"xmp"
            | b"iframe"
            | b"select"
    )
}

/// How an element's content is read.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Raw {
    /// Raw text to the element's end tag.
    Text,
    /// A script's text, with its escape states.
    Script,
    /// The rest of the document.
    Plaintext,
}

/// The elements whose content the tokeniser reads as raw text.
pub(super) fn raw_text(name: &[u8]) -> Option<Raw> {
    match name {
        b"script" => Some(Raw::Script),
        b"style" | b"title" | b"textarea" | b"noscript" | b"iframe" | b"xmp" | b"noembed"
        | b"noframes" => Some(Raw::Text),
        b"plaintext" => Some(Raw::Plaintext),
        _ => None,
    }
}
