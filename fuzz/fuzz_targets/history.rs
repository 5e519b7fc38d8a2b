//! Any bytes as a history file: a history or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(h) = grdp_scenario::parse_history(text, "fuzz.csv")
    {
        let _ = h.annual("x", "total", "growth_pct");
    }
});
