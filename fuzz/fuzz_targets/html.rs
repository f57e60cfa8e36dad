//! Fuzz target `html`: see `dejunk_fuzz::html` for the property it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dejunk_fuzz::html(data));
