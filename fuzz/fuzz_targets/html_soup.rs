//! Fuzz target `html_soup`: see `dejunk_fuzz::html_soup` for the property it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dejunk_fuzz::html_soup(data));
