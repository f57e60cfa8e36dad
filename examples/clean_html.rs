//! Cleans one HTML document: `cargo run --release --example clean_html -- [FILE|-] [--explain] [--threshold T]`.
//!
//! Reads FILE, or standard input when FILE is `-` or absent, and prints the
//! main body content as text lines. The document is read as UTF-8; invalid
//! sequences (a page in another encoding) are replaced, not fatal. With
//! `--explain`, prints one tab-separated row per block of the text
//! extracted from the HTML instead: keep/drop, score, reasons, text.

#[path = "common/cli.rs"]
mod cli;

fn main() -> std::process::ExitCode {
    cli::main("clean_html", cli::Input::Html)
}
