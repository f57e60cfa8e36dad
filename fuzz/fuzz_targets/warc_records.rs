//! Fuzz target `warc_records`: see `dejunk_fuzz::warc_records` for the property it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dejunk_fuzz::warc_records(data));
