//! Fuzz target `warc`: see `dejunk_fuzz::warc` for the property it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dejunk_fuzz::warc(data));
