//! Reading input files into records: crawl files (JSONL, WARC and WET) and
//! single pages (HTML or plain text), gzip'd or not.
//!
//! The reader only frames records (lines of JSONL, WARC records); parsing
//! JSON and HTTP happens on the worker threads (`page.rs`), so that reading
//! does not serialise the run.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};

use indicatif::ProgressBar;

use crate::gzip::Members;

/// The format of an input file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Decided per file from its first bytes (after gzip and a byte-order
    /// mark): `WARC/` is WARC or WET; `<` is one HTML page; most of the
    /// first 32 lines starting with `{` is JSONL; an `<html`, `<body` or
    /// doctype in the first 1,024 characters is one HTML page; anything
    /// else one plain-text page.
    Auto,
    /// One JSON object a line.
    Jsonl,
    /// WARC (and WET, which is WARC with `conversion` records).
    Warc,
    /// The whole file is one HTML page (its encoding found as a browser
    /// would: byte-order mark, `<meta charset>`, detector).
    Html,
    /// The whole file is one page of raw text, a block a line (UTF-8, or
    /// as its byte-order mark says).
    Text,
}

/// One record as framed by the reader.
#[derive(Debug)]
pub enum Payload {
    /// A line of JSONL (not parsed yet).
    Json(Vec<u8>),
    /// A WARC record.
    Warc(WarcRecord),
    /// A whole file that is one page (not decoded yet).
    Page { html: bool, bytes: Vec<u8> },
    /// The record could not be read; the message says why.
    Failed(String),
}

#[derive(Debug, Default)]
pub struct WarcRecord {
    pub warc_type: String,
    pub uri: Option<String>,
    pub id: Option<String>,
    pub content_type: String,
    pub body: Vec<u8>,
}

/// A record with its place in the input.
#[derive(Debug)]
pub struct Item {
    /// Index of the file in the command line.
    pub file: usize,
    /// 1-based record number in the file (the line number for JSONL); 0
    /// for the file itself (a file that cannot be read).
    pub record: u64,
    pub payload: Payload,
}

/// Counts the bytes read from a file into the progress bar.
struct Counting<R> {
    inner: R,
    progress: ProgressBar,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.progress.inc(n as u64);
        Ok(n)
    }
}

/// Opens `path` (`-` for stdin), gunzipping it when it starts with the gzip
/// magic bytes.
fn open(path: &str, progress: &ProgressBar) -> io::Result<Box<dyn BufRead + Send>> {
    let raw: Box<dyn Read + Send> = if path == "-" {
        Box::new(io::stdin())
    } else {
        Box::new(File::open(path)?)
    };
    let mut raw = BufReader::with_capacity(
        1 << 20,
        Counting {
            inner: raw,
            progress: progress.clone(),
        },
    );
    let gzip = raw.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    Ok(if gzip {
        Box::new(BufReader::with_capacity(1 << 20, Members::new(raw)))
    } else {
        Box::new(raw)
    })
}

/// Reads every record of file `file` (at `path`) and hands them to `emit`
/// in order; `emit` returns false to stop. Errors that end the file early
/// (unreadable file, truncated gzip, read error) are emitted as a failed
/// record after the last good one. A record longer than `max_record`
/// bytes is emitted as failed, and skipped without being held.
pub fn read_file(
    path: &str,
    file: usize,
    format: Format,
    max_record: u64,
    progress: &ProgressBar,
    emit: &mut dyn FnMut(Item) -> bool,
) {
    let mut record = 0u64;
    let result = open(path, progress)
        .and_then(|mut r| read_from(&mut *r, file, format, max_record, &mut record, emit));
    if let Err(e) = result {
        let (record, message) = if record == 0 {
            (0, format!("cannot read: {e}"))
        } else {
            (record + 1, format!("read error after record {record}: {e}"))
        };
        emit(Item {
            file,
            record,
            payload: Payload::Failed(message),
        });
    }
}

/// Reads every record of `r` (the decompressed content of file number
/// `file`) in `format` and hands them to `emit` in order, counting them in
/// `record`; see [`read_file`].
pub fn read_from(
    r: &mut dyn BufRead,
    file: usize,
    format: Format,
    max_record: u64,
    record: &mut u64,
    emit: &mut dyn FnMut(Item) -> bool,
) -> io::Result<()> {
    let format = match format {
        Format::Auto => sniff(r)?,
        f => f,
    };
    match format {
        Format::Jsonl | Format::Auto => read_jsonl(r, file, max_record, record, emit),
        Format::Warc => read_warc(r, file, max_record, record, emit),
        Format::Html | Format::Text => {
            let mut bytes = Vec::new();
            let got = r
                .take(max_record.saturating_add(1))
                .read_to_end(&mut bytes)?;
            *record = 1;
            let payload = if got as u64 > max_record {
                Payload::Failed(too_long(max_record))
            } else {
                Payload::Page {
                    html: format == Format::Html,
                    bytes,
                }
            };
            emit(Item {
                file,
                record: 1,
                payload,
            });
            Ok(())
        }
    }
}

/// How many of the first lines the sniffer reads to tell JSONL from text.
const SNIFF_LINES: usize = 32;

/// Decides the format from the first bytes the reader holds (see
/// [`Format::Auto`]). An empty file is JSONL without records.
fn sniff(r: &mut dyn BufRead) -> io::Result<Format> {
    let head = r.fill_buf()?;
    let text = dejunk::decode_text(&head[..head.len().min(64 << 10)]);
    let head = text.trim_start();
    if head.is_empty() {
        return Ok(Format::Jsonl);
    }
    if head.starts_with("WARC/") {
        return Ok(Format::Warc);
    }
    if head.starts_with('<') {
        return Ok(Format::Html);
    }
    // JSONL when most of the first lines are objects: a stray first line
    // (a `[`, a header, garbage) does not make the file a text page.
    let lines = head.lines().filter(|l| !l.trim().is_empty());
    let (mut objects, mut all) = (0, 0);
    for l in lines.take(SNIFF_LINES) {
        all += 1;
        objects += usize::from(l.trim_start().starts_with('{'));
    }
    if 2 * objects > all {
        return Ok(Format::Jsonl);
    }
    // A page with something before its markup.
    let start: String = head
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    let html = ["<!doctype html", "<html", "<body"]
        .iter()
        .any(|tag| start.contains(tag));
    Ok(if html { Format::Html } else { Format::Text })
}

fn too_long(max_record: u64) -> String {
    format!("record longer than {max_record} bytes (--max-record-bytes): skipped")
}

/// A line read by [`read_line`].
enum Line {
    End,
    Full(Vec<u8>),
    /// Longer than the limit: skipped, not held.
    TooLong,
}

/// Reads one line (with its `\n`) of at most `max` bytes; a longer one is
/// read through to its end without being kept.
fn read_line(r: &mut dyn BufRead, max: u64) -> io::Result<Line> {
    let mut line = Vec::new();
    let mut too_long = false;
    loop {
        let buf = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(match (too_long, line.is_empty()) {
                (true, _) => Line::TooLong,
                (false, true) => Line::End,
                (false, false) => Line::Full(line),
            });
        }
        let (take, done) = match memchr::memchr(b'\n', buf) {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        if !too_long && (line.len() + take) as u64 > max.saturating_add(1) {
            too_long = true;
            line = Vec::new();
        }
        if !too_long {
            line.extend_from_slice(&buf[..take]);
        }
        r.consume(take);
        if done {
            return Ok(if too_long {
                Line::TooLong
            } else {
                Line::Full(line)
            });
        }
    }
}

fn read_jsonl(
    r: &mut dyn BufRead,
    file: usize,
    max_record: u64,
    record: &mut u64,
    emit: &mut dyn FnMut(Item) -> bool,
) -> io::Result<()> {
    let mut line_no = 0u64;
    loop {
        let payload = match read_line(r, max_record)? {
            Line::End => return Ok(()),
            Line::Full(mut line) => {
                // A UTF-8 byte-order mark before the first record.
                if line_no == 0 && line.starts_with(b"\xEF\xBB\xBF") {
                    line.drain(..3);
                }
                if line.iter().all(u8::is_ascii_whitespace) {
                    line_no += 1;
                    *record = line_no;
                    continue;
                }
                Payload::Json(line)
            }
            Line::TooLong => Payload::Failed(too_long(max_record)),
        };
        line_no += 1;
        *record = line_no;
        if !emit(Item {
            file,
            record: line_no,
            payload,
        }) {
            return Ok(());
        }
    }
}

/// The longest WARC header block accepted (a record whose header runs
/// longer is malformed).
const MAX_HEADER: u64 = 1 << 20;

/// The start of a WARC record's first line, after a line end.
const NEXT_RECORD: &[u8] = b"\nWARC/1.";

/// The WARC framing's input: the reader, with bytes pushed back in front of
/// it (a record found inside a body that ran too long), and the offset of
/// the next byte in the (decompressed) stream.
struct Source<'a> {
    back: Vec<u8>,
    at: usize,
    inner: &'a mut dyn BufRead,
    offset: u64,
}

impl Source<'_> {
    /// Puts `bytes` back in front of the input.
    fn push_back(&mut self, bytes: &[u8]) {
        let mut back = bytes.to_vec();
        back.extend_from_slice(&self.back[self.at..]);
        self.back = back;
        self.at = 0;
        self.offset -= bytes.len() as u64;
    }
}

impl Read for Source<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = {
            let avail = self.fill_buf()?;
            let n = avail.len().min(buf.len());
            buf[..n].copy_from_slice(&avail[..n]);
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for Source<'_> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.at < self.back.len() {
            if self.back.len() - self.at < 64 {
                // Too few bytes to look ahead at a boundary: the reader's
                // next ones join them.
                let more = self.inner.fill_buf()?.to_vec();
                self.inner.consume(more.len());
                self.back.extend_from_slice(&more);
            }
            Ok(&self.back[self.at..])
        } else {
            self.inner.fill_buf()
        }
    }

    fn consume(&mut self, n: usize) {
        self.offset += n as u64;
        if self.at < self.back.len() {
            self.at += n;
            if self.at >= self.back.len() {
                self.back.clear();
                self.at = 0;
            }
        } else {
            self.inner.consume(n);
        }
    }
}

/// Frames WARC records: a header block (parsed by the `warc` crate) ended
/// by a blank line, then `Content-Length` bytes of body, then (after blank
/// lines) the next `WARC/` line or the end. A record that breaks the
/// frame is reported with its byte offset, and reading resumes at the next
/// record: at the next line that starts with `WARC/` after a malformed
/// header or a body shorter than its length; inside the body when it runs
/// into the next record (a length too long); so one bad record costs only
/// itself.
fn read_warc(
    r: &mut dyn BufRead,
    file: usize,
    max_record: u64,
    record: &mut u64,
    emit: &mut dyn FnMut(Item) -> bool,
) -> io::Result<()> {
    let mut src = Source {
        back: Vec::new(),
        at: 0,
        inner: r,
        offset: 0,
    };
    let mut pending: Option<Vec<u8>> = None;
    loop {
        // The first line of the next record, skipping blank lines.
        let first = match pending.take() {
            Some(l) => l,
            None => match line_where(&mut src, |l| !l.iter().all(u8::is_ascii_whitespace))? {
                Some(l) => l,
                None => return Ok(()),
            },
        };
        *record += 1;
        let start = src.offset - first.len() as u64;
        let mut fail = |src: &mut Source, why: String, resync: bool| -> io::Result<bool> {
            let go_on = emit(Item {
                file,
                record: *record,
                payload: Payload::Failed(format!("at byte {start}: {why}")),
            });
            if resync {
                pending = line_where(src, |l| l.starts_with(b"WARC/"))?;
                if pending.is_none() {
                    return Ok(false);
                }
            }
            Ok(go_on)
        };
        let parsed = if first.starts_with(b"WARC/") {
            read_header(&mut src, first)?
        } else {
            Err(("expected a `WARC/` header line".to_string(), None))
        };
        let (header, length) = match parsed {
            Ok(h) => h,
            Err((why, next)) => {
                // A `WARC/` line inside the header starts the next record.
                let resync = next.is_none();
                let go_on = fail(&mut src, format!("malformed WARC record: {why}"), resync)?;
                pending = pending.or(next);
                if !go_on || (pending.is_none() && !resync) {
                    return Ok(());
                }
                continue;
            }
        };
        if length > max_record {
            let why = match skip_body(&mut src, length)? {
                Some(at) => format!(
                    "record of {length} bytes (over --max-record-bytes) runs into another record at byte {at}: Content-Length is wrong"
                ),
                None => format!("record of {length} bytes, over --max-record-bytes: skipped"),
            };
            if !fail(&mut src, why, false)? {
                return Ok(());
            }
            continue;
        }
        let body_start = src.offset;
        let mut body = Vec::with_capacity(length as usize);
        let got = (&mut src).take(length).read_to_end(&mut body)?;
        let truncated = (got as u64) < length;
        // Where the next record starts inside the body when the length is
        // wrong; the rest of the body is then read again as records.
        let start_at = if truncated {
            // The input ends inside the body: a truncated file, or a
            // length too long for the records that follow it.
            record_start(&body)
        } else {
            // A length too long can also end right at a later record: the
            // records it swallowed show as whole WARC headers inside the
            // body. Otherwise it is wrong when the input is not at a record
            // boundary and the body holds the next record's version line
            // (after a line end, or anywhere, when a damaged gzip member
            // cut the record short), or ends with the start of one that the
            // input goes on with. Otherwise the length is taken as given (a
            // length too short cannot be told from a damaged next record),
            // and what follows is reported as the next record.
            let swallowed = embedded_record(&body);
            if swallowed.is_some() || !at_boundary(&mut src)? {
                swallowed.or_else(|| record_start(&body)).or_else(|| {
                    let p = partial_start(&body)?;
                    let mut line = body[p..].to_vec();
                    line.extend_from_slice(src.fill_buf().ok()?);
                    record_start(&line).is_some_and(|q| q == 0).then_some(p)
                })
            } else {
                None
            }
        };
        if let Some(p) = start_at {
            src.push_back(&body[p..]);
            let at = body_start + p as u64;
            let why = format!("Content-Length {length} runs into the next record, at byte {at}");
            if !fail(&mut src, why, false)? {
                return Ok(());
            }
            continue;
        }
        if truncated {
            let why = format!("truncated WARC record: {got} of {length} body bytes");
            fail(&mut src, why, false)?;
            return Ok(());
        }
        if !emit(Item {
            file,
            record: *record,
            payload: Payload::Warc(WarcRecord { body, ..header }),
        }) {
            return Ok(());
        }
    }
}

/// Where `needle` first occurs in `hay`.
pub(crate) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

/// Where a line that may be the start of a WARC version line cut by the
/// end of `body` starts: `W`, `WA`, … `WARC/1.0` after its last line end
/// (or at its start, when it has none).
fn partial_start(body: &[u8]) -> Option<usize> {
    let p = memchr::memrchr(b'\n', body).map_or(0, |n| n + 1);
    let rest = &body[p..];
    (!rest.is_empty() && rest.len() < 10 && b"WARC/1.0".starts_with(&rest[..rest.len().min(7)]))
        .then_some(p)
}

/// Where the first WARC version line (`WARC/1.0` or `WARC/1.1`, then a
/// line end) starts in `body`.
fn record_start(body: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = find(&body[from..], b"WARC/1.") {
        let at = from + p;
        let rest = &body[at + 7..];
        if rest.len() >= 2 && rest[0].is_ascii_digit() && (rest[1] == b'\r' || rest[1] == b'\n') {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Where a whole WARC record header starts inside `body`: a version line
/// at its start or after a blank line, then a `WARC-` field (a body that
/// merely mentions `WARC/1.0` does not count).
fn embedded_record(body: &[u8]) -> Option<usize> {
    let header_at = |at: usize| {
        let Some(end) = body[at..].iter().position(|&b| b == b'\n') else {
            return false;
        };
        let next = at + end + 1;
        record_start(&body[at..next]) == Some(0) && body[next..].starts_with(b"WARC-")
    };
    if header_at(0) {
        return Some(0);
    }
    let mut from = 0;
    while let Some(p) = find(&body[from..], b"\nWARC/1.") {
        let at = from + p + 1;
        let before = &body[..at - 1];
        if (before.ends_with(b"\n") || before.ends_with(b"\n\r")) && header_at(at) {
            return Some(at);
        }
        from = at;
    }
    None
}

/// Whether the input is at a record boundary after a body: blank lines,
/// then a `WARC/` line or the end. The blank lines are consumed when it is.
fn at_boundary(src: &mut Source) -> io::Result<bool> {
    let buf = src.fill_buf()?;
    let blank = buf
        .iter()
        .take_while(|&&b| b == b'\r' || b == b'\n')
        .count();
    let rest = &buf[blank..];
    let ok = if rest.len() >= 5 {
        rest.starts_with(b"WARC/")
    } else if blank == buf.len() && blank > 0 {
        // Blank to the end of the buffer: consume and look again.
        src.consume(blank);
        return at_boundary(src);
    } else {
        // The end of the input, or too few bytes buffered to tell.
        rest.is_empty() || b"WARC/".starts_with(rest)
    };
    if ok {
        src.consume(blank);
    }
    Ok(ok)
}

/// Skips a body of `length` bytes without holding it; stops early where
/// the next record's first line shows that the length is wrong, and
/// returns that line's offset.
fn skip_body(src: &mut Source, length: u64) -> io::Result<Option<u64>> {
    let mut left = length;
    // The last bytes of the previous chunk, for a boundary split across
    // chunks.
    let mut tail: Vec<u8> = Vec::new();
    while left > 0 {
        let buf = src.fill_buf()?;
        if buf.is_empty() {
            return Ok(None);
        }
        let n = buf.len().min(left as usize);
        let mut window = std::mem::take(&mut tail);
        let keep = window.len();
        window.extend_from_slice(&buf[..n.min(NEXT_RECORD.len())]);
        if let Some(p) = find(&window, NEXT_RECORD) {
            // The `W` is at `p + 1 - keep` in this chunk.
            let consume = p + 1 - keep;
            src.consume(consume);
            return Ok(Some(src.offset));
        }
        if let Some(p) = find(&buf[..n], NEXT_RECORD) {
            src.consume(p + 1);
            return Ok(Some(src.offset));
        }
        tail = buf[n.saturating_sub(NEXT_RECORD.len() - 1)..n].to_vec();
        src.consume(n);
        left -= n as u64;
    }
    Ok(None)
}

/// Reads lines (of at most 1 MiB; longer ones are skipped) until one
/// satisfies `wanted` and returns it (`None` at the end of the input).
fn line_where(src: &mut Source, wanted: impl Fn(&[u8]) -> bool) -> io::Result<Option<Vec<u8>>> {
    loop {
        match read_line(src, MAX_HEADER)? {
            Line::End => return Ok(None),
            Line::Full(l) if wanted(&l) => return Ok(Some(l)),
            _ => {}
        }
    }
}

type Header = (WarcRecord, u64);

/// Why a header is malformed, and the next record's first line when a
/// `WARC/` line came where the header should have ended.
type Malformed = (String, Option<Vec<u8>>);

/// Whether a header line is `Name: value` (a token, then a colon) or the
/// continuation of one (it starts with a space or a tab).
fn is_header_line(l: &[u8]) -> bool {
    if matches!(l.first(), Some(b' ' | b'\t')) {
        return true;
    }
    let name = l
        .iter()
        .take_while(|&&c| c.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&c))
        .count();
    name > 0 && l.get(name) == Some(&b':')
}

/// Reads the rest of a header block whose first line is `first`, and
/// parses it. The outer error is an I/O error; the inner one a malformed
/// header.
fn read_header(src: &mut Source, mut block: Vec<u8>) -> io::Result<Result<Header, Malformed>> {
    loop {
        let line = match read_line(src, MAX_HEADER)? {
            Line::End => return Ok(Err(("the file ends inside the header".to_string(), None))),
            Line::TooLong => return Ok(Err(("a header line longer than 1 MiB".to_string(), None))),
            Line::Full(l) => l,
        };
        if line.iter().all(u8::is_ascii_whitespace) {
            break;
        }
        if line.starts_with(b"WARC/") {
            return Ok(Err((
                "no blank line after the header: the next record starts".to_string(),
                Some(line),
            )));
        }
        if !is_header_line(&line) {
            let shown = String::from_utf8_lossy(&line[..line.len().min(40)])
                .trim_end()
                .to_string();
            return Ok(Err((
                format!("`{shown}` is not a header line (no blank line after the header?)"),
                None,
            )));
        }
        block.extend_from_slice(&line);
        if block.len() as u64 > MAX_HEADER {
            return Ok(Err(("header longer than 1 MiB".to_string(), None)));
        }
    }
    // The `warc` crate wants CRLF line ends and a blank line at the end;
    // accept bare LF as well.
    let block: Vec<u8> = block
        .split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
        .filter(|l| !l.is_empty())
        .flat_map(|l| l.iter().copied().chain(*b"\r\n"))
        .chain(*b"\r\n")
        .collect();
    let (_, (_version, headers, length)) = match warc::parser::headers(&block) {
        Ok(parsed) => parsed,
        Err(_) => return Ok(Err(("the header block does not parse".to_string(), None))),
    };
    let get = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| String::from_utf8_lossy(v).trim().to_string())
    };
    if get("Content-Length").is_none() {
        return Ok(Err(("no Content-Length header".to_string(), None)));
    }
    let uri = get("WARC-Target-URI").map(|u| u.trim_matches(['<', '>']).to_string());
    Ok(Ok((
        WarcRecord {
            warc_type: get("WARC-Type").unwrap_or_default().to_ascii_lowercase(),
            uri,
            id: get("WARC-Record-ID"),
            content_type: get("Content-Type").unwrap_or_default().to_ascii_lowercase(),
            body: Vec::new(),
        },
        length as u64,
    )))
}
