//! Any bytes as a scenario file: the loader must return a scenario or an
//! error, never panic; a loaded scenario must project, audit and evaluate
//! without panicking either.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(loaded) = grdp_scenario::parse_scenario_bytes(data, "fuzz.toml") {
        let s = &loaded.scenario;
        let p = s.project();
        let _ = s.evaluate(&p);
        let _ = s.audit(&p);
    }
});
