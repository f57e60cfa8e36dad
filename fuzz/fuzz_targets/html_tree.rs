//! Fuzz target `html_tree`: see `dejunk_fuzz::html_tree` for the property it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dejunk_fuzz::html_tree(data));
