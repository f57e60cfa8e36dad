//! The command line shared by the `clean` and `clean_html` examples.

use std::io::{Read, Write};
use std::process::ExitCode;

/// Which input the command reads (each example uses one).
#[derive(Clone, Copy, PartialEq)]
#[allow(dead_code)]
pub enum Input {
    Text,
    Html,
}

/// Runs the command `name` on its arguments: parse, read, clean, print.
pub fn main(name: &str, input: Input) -> ExitCode {
    let mut path: Option<String> = None;
    let mut explain = false;
    let mut markdown = false;
    let mut builder = dejunk::Cleaner::builder();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--explain" => explain = true,
            "--markdown" if input == Input::Html => markdown = true,
            "--threshold" => match args.next().and_then(|t| t.parse::<f32>().ok()) {
                Some(t) => {
                    builder.threshold(t);
                }
                None => {
                    eprintln!("{name}: --threshold needs a number in 0..=1");
                    return ExitCode::from(2);
                }
            },
            "-h" | "--help" => {
                println!(
                    "usage: {name} [FILE|-] [--explain] [--threshold T]{}",
                    usage_extra(input)
                );
                return ExitCode::SUCCESS;
            }
            _ if arg.starts_with("--") => {
                eprintln!(
                    "{name}: unknown option {arg}\nusage: {name} [FILE|-] [--explain] [--threshold T]{}",
                    usage_extra(input)
                );
                return ExitCode::from(2);
            }
            _ if path.is_none() => path = Some(arg),
            _ => {
                eprintln!(
                    "{name}: unexpected argument {arg:?}\nusage: {name} [FILE|-] [--explain] [--threshold T]{}",
                    usage_extra(input)
                );
                return ExitCode::from(2);
            }
        }
    }
    let mut bytes = Vec::new();
    let read = match path.as_deref() {
        None | Some("-") => std::io::stdin().read_to_end(&mut bytes).map(|_| ()),
        Some(p) => std::fs::read(p).map(|b| bytes = b),
    };
    if let Err(e) = read {
        eprintln!(
            "{name}: cannot read {}: {e}",
            path.as_deref().unwrap_or("standard input")
        );
        return ExitCode::FAILURE;
    }
    // Text: HTML when its first bytes say so (the WHATWG sniffing rules:
    // a saved page given to `clean` is cleaned as HTML), else text, a
    // byte-order mark deciding its encoding, else UTF-8. HTML: the
    // encoding a browser would find.
    let page = match input {
        Input::Text => dejunk::Page::auto(&bytes, None),
        #[cfg(feature = "html")]
        Input::Html => dejunk::Page::html_bytes(&bytes, None),
        #[cfg(not(feature = "html"))]
        Input::Html => unreachable!("the html example needs the html feature"),
    };
    let cleaner = match builder.build() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{name}: {e}");
            return ExitCode::from(2);
        }
    };
    let mut stdout = std::io::stdout().lock();
    let result = if explain {
        let analysis = cleaner.analyze(page);
        analysis.blocks().iter().try_for_each(|b| {
            let reasons: Vec<String> = b.reasons().iter().map(|r| r.to_string()).collect();
            let text = b.text().replace('\t', " ");
            let verdict = if b.is_kept() { "keep" } else { "drop" };
            writeln!(
                stdout,
                "{verdict}\t{:.3}\t{}\t{text}",
                b.score(),
                reasons.join("; ")
            )
        })
    } else {
        let out = match cleaner.extract(page) {
            e if markdown => e.markdown().unwrap_or_default().to_string(),
            e => e.into_text(),
        };
        if out.is_empty() {
            Ok(())
        } else {
            writeln!(stdout, "{out}")
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{name}: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The options only the HTML example has.
fn usage_extra(input: Input) -> &'static str {
    match input {
        Input::Html => " [--markdown]",
        Input::Text => "",
    }
}
