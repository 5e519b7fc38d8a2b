//! Running the binary with a clean environment.

use std::path::Path;
use std::process::{Command, Output};

/// The built-in scenario's text, for tests that mutate it.
pub const BUILTIN: &str = include_str!("../data/cantho/scenario-2025.toml");

/// Runs `grdp` with `args` in `dir` (or the current folder), with no
/// inherited backtrace settings, so output is what a user sees.
pub fn grdp_in(dir: Option<&Path>, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_grdp"));
    cmd.args(args)
        .env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE")
        .env("NO_COLOR", "1")
        // Reports carry their issue date: fix it, so goldens hold.
        .env("SOURCE_DATE_EPOCH", "1795737600");
    if let Some(d) = dir {
        cmd.current_dir(d);
    }
    cmd.output().expect("the grdp binary runs")
}

/// Runs `grdp` with `args`.
pub fn grdp(args: &[&str]) -> Output {
    grdp_in(None, args)
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The exit code (a signal counts as -1).
pub fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

/// `grdp audit SOURCE… --format json`, which must succeed, and its check
/// `id` (the first of that id); panics naming the audit where it is absent.
pub fn audit_check(source: &[&str], id: &str) -> serde_json::Value {
    let mut args = vec!["audit"];
    args.extend_from_slice(source);
    args.extend_from_slice(&["--format", "json"]);
    let o = grdp(&args);
    assert_eq!(code(&o), 0, "grdp {args:?}: {}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("audit writes JSON");
    v["checks"]
        .as_array()
        .and_then(|checks| checks.iter().find(|c| c["id"] == id))
        .cloned()
        .unwrap_or_else(|| panic!("no check {id} in the audit: {v}"))
}
