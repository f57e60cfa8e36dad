//! Cleans one page, raw text or HTML (recognised by its first bytes,
//! `dejunk::Page::auto`): `cargo run --release -p dejunk-clean -- [FILE|-]
//! [--explain] [--threshold T]`. The `clean` example's command line, as a
//! package of its own: building it compiles the library and its
//! dependencies only (an example also builds the crate's dev-dependencies:
//! criterion, html5ever and the rest), so the README's first command runs
//! in well under a minute on a fresh machine.

#[path = "../../examples/common/cli.rs"]
mod cli;

fn main() -> std::process::ExitCode {
    cli::main("clean", cli::Input::Text)
}
