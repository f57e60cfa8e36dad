//! Fuzz target `jsonl`: see `dejunk_fuzz::jsonl` for the property it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dejunk_fuzz::jsonl(data));
