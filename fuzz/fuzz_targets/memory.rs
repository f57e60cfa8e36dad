//! Fuzz target `memory`: see `dejunk_fuzz::memory` for the property it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dejunk_fuzz::memory(data));
