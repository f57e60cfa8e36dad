//! Fuzz target `text`: see `dejunk_fuzz::text` for the property it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dejunk_fuzz::text(data));
