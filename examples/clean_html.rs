//! Cleans one HTML document: `cargo run --release --example clean_html -- [FILE|-] [--explain] [--threshold T] [--markdown]`.
//!
//! Reads FILE, or standard input when FILE is `-` or absent, and prints the
//! main body content as text lines (as Markdown with `--markdown`). The
//! document's encoding is found as a browser would (`dejunk::decode_html`:
//! a byte-order mark, valid UTF-8, `<meta charset>`, else a detector). With
//! `--explain`, prints one tab-separated row per block of the text
//! extracted from the HTML instead: keep/drop, score, reasons, text.

#[path = "common/cli.rs"]
mod cli;

fn main() -> std::process::ExitCode {
    cli::main("clean_html", cli::Input::Html)
}
