//! The line builder: the text of a document's visible elements, a line per
//! block (paragraph, heading, list item, table row, `br` …), whitespace
//! runs folded to one space (inside `pre`, newlines end lines), with each
//! line's Markdown shape and the facts its DOM features are made of
//! ([`LineFacts`]); and the text counts of every element (characters, link
//! characters, paragraphs), summed up the tree as elements close.

/// The lines of a document: their text (a line each, no blank lines), and
/// per line its shape and facts.
#[derive(Debug, Default)]
pub(super) struct Lines {
    pub text: String,
    pub shapes: Shapes,
    pub facts: Vec<LineFacts>,
}

/// What a line's DOM features are made of (see `dom`): the context of its
/// first visible character, and its text counts.
#[derive(Clone, Copy, Debug)]
pub(super) struct LineFacts {
    /// Bits of the DOM flag features set by its elements.
    pub bits: u32,
    pub chars: u32,
    pub link_chars: u32,
    pub depth: u32,
    /// The parent and grandparent of the line's innermost block element.
    pub parent: u32,
    pub grand: u32,
    /// The innermost element of the line's first visible character.
    pub elem: u32,
}

/// What kind of block a line is, as Markdown would write it: set by the
/// line's nearest heading, list item, table row or quote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Shape {
    #[default]
    Para,
    /// `h1` … `h6`: the level.
    Heading(u8),
    /// `li`, `dt`, `dd`.
    Item,
    Quote,
    /// A table row whose cells are inline: `table` tells the rows of one
    /// table from those of the next; the cells start at the byte offsets
    /// `cells` (a range of [`Shapes::cells`]) of the line.
    Row {
        table: u32,
        cells: (u32, u32),
    },
}

/// The shapes of a page's lines, one per line.
#[derive(Clone, Debug, Default)]
pub(crate) struct Shapes {
    pub lines: Vec<Shape>,
    /// The cell offsets of every row, rows after rows.
    pub cells: Vec<u32>,
}

impl Shapes {
    /// The cells of row line `i`'s text `text` (trimmed); one cell for a
    /// line that is not a row.
    pub fn cells_of<'t>(
        &self,
        i: usize,
        text: &'t str,
    ) -> impl Iterator<Item = &'t str> + use<'t, '_> {
        let starts: &[u32] = match self.lines.get(i) {
            Some(Shape::Row { cells: (a, b), .. }) => &self.cells[*a as usize..*b as usize],
            _ => &[],
        };
        let bound = |k: usize| -> usize {
            match k {
                0 => 0,
                _ if k < starts.len() => (starts[k] as usize).min(text.len()),
                _ => text.len(),
            }
        };
        (0..starts.len().max(1)).map(move |k| {
            let (a, b) = (bound(k), bound(k + 1).max(bound(k)));
            text.get(a..b).unwrap_or("").trim()
        })
    }
}

/// Text counts of an element's visible subtree.
#[derive(Clone, Copy, Default)]
pub(super) struct ElemStat {
    pub chars: u32,
    pub link_chars: u32,
    pub paragraphs: u32,
}

/// What an open element contributes to the lines inside it.
#[derive(Clone, Copy, Default)]
pub(super) struct Ctx {
    /// This element's index in the element statistics.
    pub id: u32,
    /// The element's parent's index.
    pub parent: u32,
    /// The nearest block element (itself or an ancestor), and that
    /// element's parent and grandparent block elements.
    pub block: u32,
    pub block_parent: u32,
    pub block_grand: u32,
    /// Bits of the DOM features set by this element or its ancestors.
    pub bits: u32,
    pub depth: u32,
    /// Inside `pre`: newlines end lines.
    pub pre: bool,
    pub link: bool,
    /// The element is a block element (it ends lines).
    pub is_block: bool,
    /// The shape of the lines inside, and the innermost table.
    pub shape: Shape,
    pub table: u32,
    /// The element is dropped, or inside one that is: nothing in it is
    /// page text.
    pub dropped: bool,
}

/// The line being built.
#[derive(Default)]
struct Line {
    text: String,
    chars: u32,
    link_chars: u32,
    bits: u32,
    depth: u32,
    /// Whether the last byte pushed is a space (or the line is empty).
    space: bool,
    /// Whether the line has a visible character.
    visible: bool,
    /// The container elements: the parent and grandparent of the line's
    /// innermost block element (the DOM features of its containers).
    parent: u32,
    grand: u32,
    /// The innermost element of the line's first visible character.
    elem: u32,
    shape: Shape,
}

/// The line builder: the page's text, a line at a time, and the text
/// counts of its elements.
pub(super) struct Builder {
    pub out: Lines,
    line: Line,
    /// Per element (by [`Ctx::id`]): the text counts of its subtree.
    pub elems: Vec<ElemStat>,
    /// Where the cells of the line being built start (byte offsets).
    line_cells: Vec<u32>,
}

impl Builder {
    /// A builder at the start of a document: element 0 is the document.
    pub fn new() -> Builder {
        Builder {
            out: Lines::default(),
            line: Line {
                space: true,
                ..Line::default()
            },
            elems: vec![ElemStat::default()],
            line_cells: Vec::new(),
        }
    }

    /// Starts a table cell in context `ctx`: a space before it, and its
    /// offset in the line.
    pub fn cell(&mut self, ctx: &Ctx) {
        self.text(" ", ctx);
        self.line_cells.push(self.line.text.len() as u32);
    }

    /// Ends the line being built (nothing when it has no visible
    /// character).
    pub fn flush(&mut self) {
        let line = std::mem::replace(
            &mut self.line,
            Line {
                space: true,
                ..Line::default()
            },
        );
        let t = line.text.trim();
        let lead = line.text.len() - line.text.trim_start().len();
        // A line of invisible characters only is blank (as `segment`
        // says), so the lines and the DOM rows stay one to one.
        let empty = !line.visible;
        if !empty {
            if !self.out.text.is_empty() {
                self.out.text.push('\n');
            }
            self.out.text.push_str(t);
        }
        // The next line reuses the buffer.
        let mut buffer = line.text;
        buffer.clear();
        self.line.text = buffer;
        if empty {
            self.line_cells.clear();
            return;
        }
        let shape = match line.shape {
            Shape::Row { table, .. } => {
                let cells = &mut self.out.shapes.cells;
                let a = cells.len() as u32;
                // Offsets in the trimmed line; the first cell starts at 0.
                cells.extend(
                    self.line_cells
                        .iter()
                        .map(|&c| (c as usize).saturating_sub(lead) as u32)
                        .filter(|&c| c > 0),
                );
                cells.insert(a as usize, 0);
                Shape::Row {
                    table,
                    cells: (a, cells.len() as u32),
                }
            }
            s => s,
        };
        self.line_cells.clear();
        self.out.shapes.lines.push(shape);
        self.out.facts.push(LineFacts {
            bits: line.bits,
            chars: line.chars,
            link_chars: line.link_chars,
            depth: line.depth,
            parent: line.parent,
            grand: line.grand,
            elem: line.elem,
        });
    }

    /// Appends text run `s`, read in context `ctx`: NUL characters are
    /// dropped, other whitespace and control runs become one space (a newline ends the line inside
    /// `pre`); runs of printable ASCII are copied whole.
    pub fn text(&mut self, s: &str, ctx: &Ctx) {
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if b[i].is_ascii_graphic() {
                let run = b[i..]
                    .iter()
                    .position(|c| !c.is_ascii_graphic())
                    .unwrap_or(b.len() - i);
                self.visible(ctx, &s[i..i + run], run as u32);
                i += run;
                continue;
            }
            let c = if b[i].is_ascii() {
                char::from(b[i])
            } else {
                s[i..].chars().next().expect("a char boundary")
            };
            i += c.len_utf8();
            if c == '\n' && ctx.pre {
                self.flush();
            } else if c == '\0' {
                // The tree builder drops NUL characters.
            } else if c.is_whitespace() || c.is_control() {
                if !self.line.space {
                    self.line.text.push(' ');
                    self.line.space = true;
                }
            } else {
                let at = i - c.len_utf8();
                self.visible(ctx, &s[at..i], 1);
            }
        }
    }

    /// Appends `run` (`chars` characters, none a space or control).
    fn visible(&mut self, ctx: &Ctx, run: &str, chars: u32) {
        if !self.line.visible && run.chars().any(|c| !crate::segment::is_invisible(c)) {
            // The line's first visible character fixes its context.
            self.line.visible = true;
            self.line.bits = ctx.bits;
            self.line.depth = ctx.depth;
            self.line.parent = ctx.block_parent;
            self.line.grand = ctx.block_grand;
            self.line.elem = ctx.id;
            self.line.shape = ctx.shape;
        }
        let e = &mut self.elems[ctx.id as usize];
        e.chars += chars;
        if ctx.link {
            e.link_chars += chars;
        }
        self.line.text.push_str(run);
        self.line.space = false;
        self.line.chars += chars;
        if ctx.link {
            self.line.link_chars += chars;
        }
    }
}

/// Post-order accumulation: a closed element's totals go to its parent.
pub(super) fn close(elems: &mut [ElemStat], c: &Ctx) {
    let done = elems[c.id as usize];
    let p = &mut elems[c.parent as usize];
    p.chars += done.chars;
    p.link_chars += done.link_chars;
    p.paragraphs += done.paragraphs;
}
