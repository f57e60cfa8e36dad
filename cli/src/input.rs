//! Reading input files into records: crawl files (JSONL, WARC and WET) and
//! single pages (HTML or plain text), gzip'd or not.
//!
//! The reader only frames records (lines of JSONL, WARC records); parsing
//! JSON and HTTP happens on the worker threads (`page.rs`), so that reading
//! does not serialise the run.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};

use flate2::read::MultiGzDecoder;
use indicatif::ProgressBar;

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
        Box::new(BufReader::with_capacity(1 << 20, MultiGzDecoder::new(raw)))
    } else {
        Box::new(raw)
    })
}

/// Reads every record of file `file` (at `path`) and hands them to `emit`
/// in order; `emit` returns false to stop. Errors that end the file early
/// (unreadable file, truncated gzip, read error) are emitted as a failed
/// record after the last good one.
pub fn read_file(
    path: &str,
    file: usize,
    format: Format,
    progress: &ProgressBar,
    emit: &mut dyn FnMut(Item) -> bool,
) {
    let mut record = 0u64;
    let result = (|| -> io::Result<()> {
        let mut r = open(path, progress)?;
        let format = match format {
            Format::Auto => sniff(&mut *r)?,
            f => f,
        };
        match format {
            Format::Jsonl | Format::Auto => read_jsonl(&mut *r, file, &mut record, emit),
            Format::Warc => read_warc(&mut *r, file, &mut record, emit),
            Format::Html | Format::Text => {
                let mut bytes = Vec::new();
                r.read_to_end(&mut bytes)?;
                record = 1;
                emit(Item {
                    file,
                    record,
                    payload: Payload::Page {
                        html: format == Format::Html,
                        bytes,
                    },
                });
                Ok(())
            }
        }
    })();
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

fn read_jsonl(
    r: &mut dyn BufRead,
    file: usize,
    record: &mut u64,
    emit: &mut dyn FnMut(Item) -> bool,
) -> io::Result<()> {
    let mut line_no = 0u64;
    loop {
        let mut line = Vec::new();
        if r.read_until(b'\n', &mut line)? == 0 {
            return Ok(());
        }
        line_no += 1;
        *record = line_no;
        // A UTF-8 byte-order mark before the first record.
        if line_no == 1 && line.starts_with(b"\xEF\xBB\xBF") {
            line.drain(..3);
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if !emit(Item {
            file,
            record: line_no,
            payload: Payload::Json(line),
        }) {
            return Ok(());
        }
    }
}

/// The longest WARC header block accepted (a record whose header runs
/// longer is malformed).
const MAX_HEADER: usize = 1 << 20;

/// Frames WARC records: a header block (parsed by the `warc` crate) ended
/// by a blank line, then `Content-Length` bytes of body. After a malformed
/// header, reading resumes at the next line that starts with `WARC/`, so
/// one bad record costs only itself.
fn read_warc(
    r: &mut dyn BufRead,
    file: usize,
    record: &mut u64,
    emit: &mut dyn FnMut(Item) -> bool,
) -> io::Result<()> {
    let mut offset = 0u64;
    let mut pending: Option<Vec<u8>> = None;
    loop {
        // The first line of the next record, skipping blank lines.
        let first = match pending.take() {
            Some(l) => l,
            None => match line_where(r, &mut offset, |l| !l.iter().all(u8::is_ascii_whitespace))? {
                Some(l) => l,
                None => return Ok(()),
            },
        };
        *record += 1;
        let start = offset - first.len() as u64;
        let parsed = if first.starts_with(b"WARC/") {
            read_header(r, first, &mut offset)?
        } else {
            Err("expected a `WARC/` header line".to_string())
        };
        let (header, length) = match parsed {
            Ok(h) => h,
            Err(why) => {
                let go_on = emit(Item {
                    file,
                    record: *record,
                    payload: Payload::Failed(format!(
                        "at byte {start}: malformed WARC record: {why}"
                    )),
                });
                // Resynchronise on the next record.
                pending = line_where(r, &mut offset, |l| l.starts_with(b"WARC/"))?;
                if pending.is_none() || !go_on {
                    return Ok(());
                }
                continue;
            }
        };
        let mut body = Vec::with_capacity(length.min(64 << 20) as usize);
        let got = r.take(length).read_to_end(&mut body)?;
        offset += got as u64;
        let payload = if (got as u64) < length {
            Payload::Failed(format!(
                "at byte {start}: truncated WARC record: {got} of {length} body bytes"
            ))
        } else {
            Payload::Warc(WarcRecord { body, ..header })
        };
        if !emit(Item {
            file,
            record: *record,
            payload,
        }) {
            return Ok(());
        }
    }
}

/// Reads lines until one satisfies `wanted` and returns it (`None` at the
/// end of the input), counting the bytes read into `offset`.
fn line_where(
    r: &mut dyn BufRead,
    offset: &mut u64,
    wanted: impl Fn(&[u8]) -> bool,
) -> io::Result<Option<Vec<u8>>> {
    loop {
        let mut l = Vec::new();
        let n = r.read_until(b'\n', &mut l)?;
        *offset += n as u64;
        if n == 0 {
            return Ok(None);
        }
        if wanted(&l) {
            return Ok(Some(l));
        }
    }
}

type Header = (WarcRecord, u64);

/// Reads the rest of a header block whose first line is `first`, and
/// parses it. The outer error is an I/O error; the inner one a malformed
/// header.
fn read_header(
    r: &mut dyn BufRead,
    mut block: Vec<u8>,
    offset: &mut u64,
) -> io::Result<Result<Header, String>> {
    loop {
        let before = block.len();
        let n = r.read_until(b'\n', &mut block)?;
        *offset += n as u64;
        if n == 0 {
            return Ok(Err("the file ends inside the header".to_string()));
        }
        if block[before..].iter().all(u8::is_ascii_whitespace) {
            break;
        }
        if block.len() > MAX_HEADER {
            return Ok(Err("header longer than 1 MiB".to_string()));
        }
    }
    // The `warc` crate wants CRLF line ends; accept bare LF as well.
    let block = if block.windows(2).any(|w| w == b"\r\n") {
        block
    } else {
        block
            .split(|&b| b == b'\n')
            .flat_map(|l| l.iter().copied().chain(*b"\r\n"))
            .collect()
    };
    let (_, (_version, headers, length)) = match warc::parser::headers(&block) {
        Ok(parsed) => parsed,
        Err(_) => return Ok(Err("the header block does not parse".to_string())),
    };
    let get = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| String::from_utf8_lossy(v).trim().to_string())
    };
    if get("Content-Length").is_none() {
        return Ok(Err("no Content-Length header".to_string()));
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
