//! `dejunk`: cleans single pages (HTML or raw text) and the pages of crawl
//! files (JSONL, WARC, WET; gzip'd or not) on all cores, and writes each
//! page's main content: as text for a single page, as JSONL for a crawl.
//!
//! ```text
//! dejunk [OPTIONS] [FILE]...        (`-` or no FILE: stdin)
//! ```
//!
//! Run `dejunk --help` for the options. One reader thread frames the
//! records (decompressing as it goes); a rayon pool of `--threads` workers
//! parses, cleans and serialises a chunk of records at a time; one writer
//! thread writes them in input order. A record that cannot be read or
//! parsed is reported on stderr with its file and record number, and the
//! run goes on; the exit status is 1 when any record failed.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc::{Receiver, sync_channel};
use std::time::Instant;

use clap::Parser;
use dejunk::{Cleaner, Observation, SiteMemory};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;

use dejunk_cli::input::{self, Format, Item, read_file};
use dejunk_cli::page::{Fields, Input, Prepared, prepare};
use dejunk_cli::report;

/// Remove boilerplate from web pages: a saved page (HTML or raw text), or
/// the pages of crawl files (JSONL, WARC or WET, gzip'd or not).
///
/// A single page's main content is printed as text, one paragraph a line
/// (pages of several files are separated by a blank line). For crawl files
/// one JSON object a line is written for every page, in input order:
/// {"file", "record", "id", "url", "title", "text"}. Records that hold no
/// page (WARC requests, metadata, non-HTML responses) are skipped. A file
/// or record that cannot be read is reported on stderr (with its record
/// number; for JSONL, its line number) and the run goes on; the exit
/// status is then 1.
#[derive(Parser, Debug)]
#[command(
    name = "dejunk",
    version,
    after_long_help = EXAMPLES,
    after_help = "Examples: see `dejunk --help`."
)]
struct Args {
    /// Input files; `-` is stdin (the default).
    #[arg(default_value = "-")]
    files: Vec<String>,

    /// Input format; `auto` decides per file from its first bytes.
    #[arg(long, value_enum, default_value_t = Format::Auto)]
    format: Format,

    /// Output format; `auto` writes a single page's text as text, and the
    /// pages of crawl files as JSONL.
    #[arg(long, value_enum, default_value_t = To::Auto)]
    to: To,

    /// Write the content of HTML pages as Markdown: headings as `#`, list
    /// items as `-`, tables as pipe tables (text pages stay text).
    #[arg(long)]
    markdown: bool,

    /// Start the Markdown with a YAML front matter block of the page's
    /// metadata (title, date, authors, site, language, URL, description,
    /// tags, image: those the page gives).
    #[arg(long, requires = "markdown", conflicts_with = "no_metadata")]
    front_matter: bool,

    /// Do not read pages' metadata (date, authors, site, language, ...):
    /// the JSONL records carry the title and text only, and the work is
    /// skipped.
    #[arg(long)]
    no_metadata: bool,

    /// What to clean in a JSONL record: `auto` takes the HTML field when
    /// present, else the text field.
    #[arg(long, value_enum, default_value_t = Input::Auto)]
    input: Input,

    /// JSONL field with the raw page text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    text_field: String,

    /// JSONL field with the page's HTML.
    #[arg(long, default_value = "html", value_name = "NAME")]
    html_field: String,

    /// JSONL field with the page's URL (its host is the site for
    /// --site-memory; copied to the output).
    #[arg(long, default_value = "url", value_name = "NAME")]
    url_field: String,

    /// JSONL field copied to the output as "id".
    #[arg(long, default_value = "id", value_name = "NAME")]
    id_field: String,

    /// Write the output here instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Every block with its decision, score and reasons: "blocks" in each
    /// output object; with text output, a row a block (`keep`/`drop`,
    /// score, line, text) and its reasons under it.
    #[arg(long)]
    explain: bool,

    /// Write an HTML report to look at instead: each page's blocks in
    /// order, kept ones as text, dropped ones greyed and struck through
    /// with their reasons on hover, a legend and the title on top. One
    /// self-contained file (no script, nothing loaded from elsewhere).
    #[arg(long, conflicts_with_all = ["to", "markdown", "explain"])]
    report: bool,

    /// Worker threads (default: one per core; at most 256).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    threads: Option<u16>,

    /// Two passes: first learn, per site (host of the URL), the lines that
    /// recur across its pages, then clean with that memory. Needs files,
    /// not stdin.
    #[arg(long)]
    site_memory: bool,

    /// Size of the site memory in MiB (fixed; it never grows; 1 to 16384).
    #[arg(long, default_value_t = 16, value_name = "MIB",
          value_parser = clap::value_parser!(u16).range(1..=16384))]
    memory_mib: u16,

    /// Keep blocks whose score reaches this (0..=1; higher keeps less).
    #[arg(long, value_name = "T", value_parser = threshold)]
    threshold: Option<f32>,

    /// Keep the posts of an article's comment section too (on forum and
    /// Q&A pages the posts are the content either way).
    #[arg(long)]
    comments: bool,

    /// Records (a JSONL line, a WARC record, a page file) longer than this
    /// are reported and skipped, never held in memory.
    #[arg(long, default_value_t = 64 << 20, value_name = "BYTES",
          value_parser = clap::value_parser!(u64).range(1..=(4u64 << 30)))]
    max_record_bytes: u64,

    /// No progress bar and no summary on stderr.
    #[arg(short, long)]
    quiet: bool,
}

const EXAMPLES: &str = "\
Examples:
  dejunk page.html                      the main content of a saved page, as text
  dejunk --markdown page.html           ... as Markdown
  dejunk --report page.html > report.html   what was kept and dropped, and why, to look at
  curl -s https://example.com/ | dejunk --format html
  dejunk page.txt                       a page of raw text, a block a line
  dejunk crawl.warc.gz -o clean.jsonl   every HTML response of a WARC file, as JSONL
  dejunk --threads 8 *.jsonl.gz > out.jsonl
  dejunk --site-memory --explain crawl.wet.gz | head -1";

/// What to write for each page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum To {
    /// Text for a single page, JSONL for the pages of crawl files.
    Auto,
    /// The cleaned text of every page (a blank line between pages).
    Text,
    /// One JSON object a line for every page.
    Jsonl,
}

/// Parses `--threshold`: a number in 0..=1 (a usage error otherwise).
fn threshold(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(t) if (0.0..=1.0).contains(&t) => Ok(t),
        _ => Err(format!("`{s}` is not a number in 0..=1")),
    }
}

/// Records handed to the workers at a time.
const CHUNK_RECORDS: usize = 256;
/// ... or fewer, once they hold this many bytes.
const CHUNK_BYTES: usize = 16 << 20;

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(e) => {
            eprintln!("dejunk: {e}");
            ExitCode::from(2)
        }
    }
}

/// Runs the command; returns the number of failed records.
fn run(args: &Args) -> Result<u64, String> {
    let started = Instant::now();
    // No file and a terminal for stdin: a newcomer's first try, not a page
    // being typed in.
    if args.files.len() == 1 && args.files[0] == "-" && io::stdin().is_terminal() {
        return Err("no input: give files, or pipe a page into stdin (see `dejunk --help`)".into());
    }
    let mut builder = Cleaner::builder();
    if let Some(t) = args.threshold {
        builder.threshold(t);
    }
    builder.comments(args.comments);
    builder.metadata(!args.no_metadata);
    let cleaner = builder.build().map_err(|e| e.to_string())?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.map_or(0, usize::from))
        .build()
        .map_err(|e| e.to_string())?;
    let fields = Fields {
        text: args.text_field.clone(),
        html: args.html_field.clone(),
        url: args.url_field.clone(),
        id: args.id_field.clone(),
        input: args.input,
    };

    let memory = if args.site_memory {
        if args.files.iter().any(|f| f == "-") {
            return Err("--site-memory reads the input twice: give files, not stdin".into());
        }
        let memory = SiteMemory::builder()
            .memory_bytes(usize::from(args.memory_mib) << 20)
            .build()
            .map_err(|e| e.to_string())?;
        let progress = progress_bar(args, "learning");
        for_each_chunk(args, &progress, |chunk| {
            // Prepared on the workers, learnt in input order (the memory
            // depends on the order).
            let seen: Vec<Option<Observation>> = pool.install(|| {
                chunk
                    .into_par_iter()
                    .map(|item| match prepare(item.payload, &fields) {
                        Prepared::Page(p) => p
                            .site()
                            .map(|site| Observation::new(&site, p.dejunk_page())),
                        _ => None,
                    })
                    .collect()
            });
            for o in seen.iter().flatten() {
                memory.observe_prepared(o);
            }
            Ok(())
        })?;
        progress.finish_and_clear();
        Some(memory)
    } else {
        None
    };

    let progress = progress_bar(args, "cleaning");
    let out: Box<dyn Write + Send> = match &args.output {
        Some(path) => Box::new(File::create(path).map_err(|e| format!("{}: {e}", path.display()))?),
        // (A closed stdout is /dev/null by the time main runs: Rust's
        // runtime reopens it so; write errors, a full disk say, are
        // reported and end the run with status 2.)
        None => Box::new(io::stdout()),
    };
    // Chunks in flight, in input order: the writer waits for each chunk's
    // result in turn while the pool works on the next ones (no barrier
    // between chunks). The bound keeps memory flat.
    let (send, receive) = sync_channel::<Receiver<Vec<Out>>>(2 * pool.current_num_threads() + 2);
    let report = args.report;
    let writer = {
        let progress = progress.clone();
        std::thread::spawn(move || {
            write_all(
                receive,
                BufWriter::with_capacity(1 << 20, out),
                report,
                &progress,
            )
        })
    };
    let job = Job {
        cleaner: &cleaner,
        memory: memory.as_ref(),
        fields: &fields,
        files: &args.files,
        explain: args.explain,
        report: args.report,
        to: args.to,
        markdown: args.markdown,
        front_matter: args.front_matter,
    };
    let read = pool.in_place_scope(|scope| {
        let job = &job;
        for_each_chunk(args, &progress, |chunk| {
            let (done, result) = sync_channel(1);
            send.send(result)
                .map_err(|_| "the writer stopped".to_string())?;
            scope.spawn(move |_| {
                let outs: Vec<Out> = chunk
                    .into_par_iter()
                    .map(|item| job.process(item))
                    .collect();
                let _ = done.send(outs);
            });
            Ok(())
        })
    });
    drop(send);
    let counts = writer
        .join()
        .map_err(|_| "the writer panicked".to_string())?;
    progress.finish_and_clear();
    let counts = match (counts, read) {
        (Err(e), _) => return Err(format!("writing the output: {e}")),
        (Ok(_), Err(e)) => return Err(e),
        (Ok(c), Ok(())) => c,
    };
    // A run of one page says nothing unless something went wrong.
    let records = counts.pages + counts.skipped + counts.failed;
    if !args.quiet && (records > 1 || counts.failed + counts.skipped > 0) {
        eprintln!(
            "dejunk: {} pages cleaned, {} records skipped, {} failed, in {:.1} s",
            counts.pages,
            counts.skipped,
            counts.failed,
            started.elapsed().as_secs_f64()
        );
    }
    Ok(counts.failed)
}

/// Reads every file on a reader thread and calls `f` on chunks of records,
/// in input order.
fn for_each_chunk(
    args: &Args,
    progress: &ProgressBar,
    mut f: impl FnMut(Vec<Item>) -> Result<(), String>,
) -> Result<(), String> {
    std::thread::scope(|s| {
        let (send, receive) = sync_channel::<Vec<Item>>(2);
        let progress = progress.clone();
        let format = args.format;
        let files = &args.files;
        s.spawn(move || {
            let mut chunk = Vec::with_capacity(CHUNK_RECORDS);
            let mut bytes = 0usize;
            for (i, path) in files.iter().enumerate() {
                let mut emit = |item: Item| {
                    bytes += match &item.payload {
                        input::Payload::Json(l) => l.len(),
                        input::Payload::Warc(r) => r.body.len(),
                        input::Payload::Page { bytes, .. } => bytes.len(),
                        input::Payload::Failed(_) => 0,
                    };
                    chunk.push(item);
                    if chunk.len() >= CHUNK_RECORDS || bytes >= CHUNK_BYTES {
                        bytes = 0;
                        let full = std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK_RECORDS));
                        return send.send(full).is_ok();
                    }
                    true
                };
                read_file(path, i, format, args.max_record_bytes, &progress, &mut emit);
            }
            if !chunk.is_empty() {
                let _ = send.send(chunk);
            }
        });
        for chunk in receive {
            f(chunk)?;
        }
        Ok(())
    })
}

fn progress_bar(args: &Args, what: &'static str) -> ProgressBar {
    if args.quiet {
        return ProgressBar::hidden();
    }
    let sizes: Option<u64> = args
        .files
        .iter()
        .map(|f| {
            (f != "-")
                .then(|| std::fs::metadata(f).map(|m| m.len()).ok())
                .flatten()
        })
        .sum();
    let bar = match sizes {
        Some(total) => ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr())
            .with_style(
                ProgressStyle::with_template(
                    "{msg} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} ({bytes_per_sec}, {eta})",
                )
                .expect("valid template"),
            ),
        None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()).with_style(
            ProgressStyle::with_template("{spinner} {msg} [{elapsed_precise}] {bytes} ({bytes_per_sec})")
                .expect("valid template"),
        ),
    };
    bar.with_message(what)
}

/// What a record became.
enum Out {
    /// A JSONL line.
    Line(String),
    /// A page's text, without its final newline.
    Text(String),
    /// A page of the HTML report.
    Report(String),
    Skip,
    Failed(String),
}

#[derive(Default)]
struct Counts {
    pages: u64,
    skipped: u64,
    failed: u64,
}

/// Writes the pages' outputs in order; with `report`, inside the report's
/// head and tail.
fn write_all(
    receive: Receiver<Receiver<Vec<Out>>>,
    mut w: impl Write,
    report: bool,
    progress: &ProgressBar,
) -> io::Result<Counts> {
    let mut counts = Counts::default();
    if report {
        w.write_all(report::head().as_bytes())?;
    }
    // Whether a page's text has been written (the next one gets a blank
    // line before it).
    let mut texts = false;
    for chunk in receive {
        let chunk = chunk
            .recv()
            .map_err(|_| io::Error::other("a worker stopped"))?;
        for out in chunk {
            let written = match out {
                Out::Line(line) | Out::Report(line) => w.write_all(line.as_bytes()),
                Out::Text(text) => {
                    let gap = if texts { "\n" } else { "" };
                    texts = true;
                    if text.is_empty() {
                        w.write_all(gap.as_bytes())
                    } else {
                        writeln!(w, "{gap}{text}")
                    }
                }
                Out::Skip => {
                    counts.skipped += 1;
                    continue;
                }
                Out::Failed(message) => {
                    counts.failed += 1;
                    progress.suspend(|| eprintln!("dejunk: {message}"));
                    continue;
                }
            };
            match written {
                // The reader of our output is gone (`dejunk … | head`):
                // stop quietly, as Unix tools do.
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => std::process::exit(0),
                r => r?,
            }
            counts.pages += 1;
        }
    }
    if report {
        w.write_all(report::tail().as_bytes())?;
    }
    match w.flush() {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => std::process::exit(0),
        r => r?,
    }
    Ok(counts)
}

struct Job<'a> {
    cleaner: &'a Cleaner,
    memory: Option<&'a SiteMemory>,
    fields: &'a Fields,
    files: &'a [String],
    explain: bool,
    report: bool,
    to: To,
    markdown: bool,
    front_matter: bool,
}

#[derive(Serialize)]
struct Record<'a> {
    file: &'a str,
    record: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<serde_json::Value>,
    /// The page's canonical URL when it gives one, else the input's.
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    /// The page's title (see `Analysis::title`), `null` when none is found.
    title: Option<String>,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    metadata: Option<Meta>,
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    blocks: Option<Blocks<'a>>,
}

/// What a page says of itself (`Extract::metadata`), as JSONL fields;
/// a field the page does not give is absent.
#[derive(Serialize)]
struct Meta {
    #[serde(skip_serializing_if = "Option::is_none")]
    headline: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    modified: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    authors: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    site_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tags: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<String>,
}

impl Meta {
    fn of(m: &dejunk::Metadata) -> Option<Meta> {
        let s = |v: Option<&str>| v.map(str::to_string);
        (!m.is_empty()).then(|| Meta {
            headline: s(m.headline()),
            date: s(m.date()),
            modified: s(m.modified()),
            authors: m.authors().to_vec(),
            site_name: s(m.site_name()),
            lang: s(m.language()),
            description: s(m.description()),
            tags: m.tags().to_vec(),
            image: s(m.image()),
        })
    }
}

/// A YAML front matter block of a page's title and metadata (the fields
/// it gives), each value a double-quoted scalar (JSON's strings are
/// YAML's).
fn front_matter(title: Option<&str>, m: &dejunk::Metadata, url: Option<&str>) -> String {
    let q = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let mut out = String::from("---\n");
    let mut one = |key: &str, v: Option<&str>| {
        if let Some(v) = v {
            out.push_str(&format!("{key}: {}\n", q(v)));
        }
    };
    one("title", title.or(m.headline()));
    one("date", m.date());
    one("modified", m.modified());
    one("site_name", m.site_name());
    one("lang", m.language());
    one("url", url);
    one("description", m.description());
    one("image", m.image());
    for (key, list) in [("authors", m.authors()), ("tags", m.tags())] {
        if !list.is_empty() {
            out.push_str(key);
            out.push_str(":\n");
            for v in list {
                out.push_str(&format!("  - {}\n", q(v)));
            }
        }
    }
    out.push_str("---\n\n");
    out
}

/// The blocks of an analysis, written as they are serialised (no copy of
/// every block's text and reasons is built first).
struct Blocks<'a>(&'a dejunk::Analysis<'a>);

impl Serialize for Blocks<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.blocks().iter().map(|b| BlockOut {
            line: b.line(),
            kept: b.is_kept(),
            score: b.score(),
            reasons: Reasons(b.reasons()),
            text: b.text(),
        }))
    }
}

#[derive(Serialize)]
struct BlockOut<'a> {
    line: usize,
    kept: bool,
    score: f32,
    reasons: Reasons<'a>,
    text: &'a str,
}

/// A block's reasons, each an object: `kind` (its name), `text` (as
/// `--explain` prints it), `weight`, `meaning`, and the typed fields a
/// kind has (`line`, `pattern`, `feature`, `value` and `usual`, `pages`).
struct Reasons<'a>(&'a [dejunk::Reason]);

impl Serialize for Reasons<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|r| ReasonOut {
            kind: r.kind().name(),
            text: r.to_string(),
            weight: r.weight(),
            meaning: r.meaning(),
            line: r.line(),
            pattern: r.pattern(),
            feature: r.feature(),
            value: r.value(),
            usual: r.usual(),
            pages: r.pages(),
        }))
    }
}

#[derive(Serialize)]
struct ReasonOut<'a> {
    kind: &'static str,
    text: String,
    weight: f32,
    meaning: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pattern: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    feature: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    usual: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pages: Option<(u32, u32)>,
}

/// An analysis as text: a row a block (`keep` or `drop`, score, line,
/// text), each reason on a line under it.
fn rows(a: &dejunk::Analysis<'_>) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    for b in a.blocks() {
        let verdict = if b.is_kept() { "keep" } else { "drop" };
        let _ = write!(
            out,
            "{verdict} {:.2} {:>5}  {}",
            b.score(),
            b.line(),
            b.text()
        );
        for r in b.reasons() {
            let _ = write!(out, "\n             - {r}");
        }
        out.push('\n');
    }
    out.pop();
    out
}

impl Job<'_> {
    fn process(&self, item: Item) -> Out {
        let file = &self.files[item.file];
        let record = item.record;
        // A panic would be a bug; it costs the record, not the run.
        let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.clean(item)));
        // A file that cannot be read is named as a file, not a record.
        let place = match record {
            0 => file.to_string(),
            _ => format!("{file}: record {record}"),
        };
        match out {
            Ok(Ok(out)) => out,
            Ok(Err(why)) => Out::Failed(format!("{place}: {why}")),
            Err(_) => Out::Failed(format!("{place}: internal error (panic)")),
        }
    }

    fn clean(&self, item: Item) -> Result<Out, String> {
        let mut page = match prepare(item.payload, self.fields) {
            Prepared::Page(p) => p,
            Prepared::Skip => return Ok(Out::Skip),
            Prepared::Failed(why) => return Err(why),
        };
        let site = self.memory.and_then(|m| page.site().map(|s| (m, s)));
        // Copied to the output; the page's content is borrowed below.
        let (id, url) = (page.id.take(), page.url.take());
        let mut input = page.dejunk_page();
        if let Some(u) = &url {
            input = input.url(u);
        }
        if let Some((memory, site)) = &site {
            input = input.site(memory, site);
        }
        let c = self.cleaner;
        if self.report {
            let file = &self.files[item.file];
            let source = match page.single {
                true => file.clone(),
                false => format!("{file}, record {}", item.record),
            };
            let about = report::About {
                source: &source,
                url: url.as_deref(),
                html: page.html,
            };
            return Ok(Out::Report(report::page(&c.analyze(input), &about)));
        }
        let markdown = self.markdown && page.html;
        let as_text = match self.to {
            To::Auto => page.single,
            To::Text => true,
            To::Jsonl => false,
        };
        if as_text && !markdown && !self.explain {
            return Ok(Out::Text(c.clean(input)));
        }
        if as_text && self.explain {
            return Ok(Out::Text(rows(&c.analyze(input))));
        }
        // The title and the text (Markdown, when asked for, from the same
        // run); with --explain, every block and its reasons (an analysis
        // holds every block: more memory).
        let analysis = (self.explain && !as_text).then(|| c.analyze(input.clone()));
        let canonical = |m: &dejunk::Metadata| m.url().map(str::to_string).or_else(|| url.clone());
        let (title, text, metadata, url) = match &analysis {
            // The analysis holds the title, text and metadata already.
            Some(a) if !markdown && !self.front_matter => (
                a.title().map(str::to_string),
                a.text().to_string(),
                Meta::of(a.metadata()),
                canonical(a.metadata()),
            ),
            _ => {
                let e = c.extract(input);
                let title = e.title().map(str::to_string);
                let metadata = Meta::of(e.metadata());
                let url = canonical(e.metadata());
                let mut text = match self.front_matter {
                    true => front_matter(e.title(), e.metadata(), url.as_deref()),
                    false => String::new(),
                };
                match e.markdown() {
                    Some(md) if markdown => text.push_str(md),
                    _ if text.is_empty() => text = e.into_text(),
                    _ => text.push_str(e.text()),
                }
                (title, text, metadata, url)
            }
        };
        if as_text {
            return Ok(Out::Text(text));
        }
        let mut line = serde_json::to_string(&Record {
            file: &self.files[item.file],
            record: item.record,
            id,
            url,
            title,
            metadata,
            text,
            blocks: analysis.as_ref().map(Blocks),
        })
        .map_err(|e| e.to_string())?;
        line.push('\n');
        Ok(Out::Line(line))
    }
}
