//! The readers of the `dejunk` command line, as a library for its fuzz
//! targets and tests: framing input files into records ([`input`], with
//! gzip member resync in [`gzip`]) and turning records into pages to clean
//! ([`page`]); the HTML report of `--report` ([`report`]). The command
//! itself is `src/main.rs`. Not published; no API promises.

pub mod gzip;
pub mod input;
pub mod page;
pub mod report;
