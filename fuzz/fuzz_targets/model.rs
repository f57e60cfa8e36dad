//! Fuzz target `model`: see `dejunk_fuzz::model` for the property it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dejunk_fuzz::model(data));
