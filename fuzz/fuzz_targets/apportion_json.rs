//! Any bytes as the JSON input of `urna apportion`: refused with an error or run to the end,
//! never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(input) = apportion::parse_input(text) {
        common::run_and_check(input);
    }
});
