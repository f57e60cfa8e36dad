//! Cleans one raw page text: `cargo run --release --example clean -- [FILE|-] [--explain] [--threshold T]`.
//!
//! Reads FILE, or standard input when FILE is `-` or absent (invalid UTF-8
//! is replaced, not fatal), and prints the main body content. A file that
//! starts as HTML does (`<!DOCTYPE html`, `<html`, …: `dejunk::Page::auto`)
//! is cleaned as HTML. With
//! `--explain`, prints one tab-separated row per block instead: keep/drop,
//! score, reasons, text.

#[path = "common/cli.rs"]
mod cli;

fn main() -> std::process::ExitCode {
    cli::main("clean", cli::Input::Text)
}
