//! `grdp`: project a provincial economy by sector, audit its targets, solve
//! for what they need. See `grdp --help`.
//!
//! This file is deliberately thin: parse, run, report. Exit codes: 0
//! success, 1 bad input or data, 2 usage.

mod args;
mod audit_cmd;
mod calibrate_cmd;
mod output;
mod project_cmd;
mod report_cmd;
mod simulate_cmd;
mod solve_cmd;
mod table;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

/// A mistake in how the command was called (exit code 2).
#[derive(Debug)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

fn main() -> ExitCode {
    let cli = match args::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout (exit 0), errors to stderr (exit 2).
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            let mut stderr = std::io::stderr().lock();
            let _ = write!(stderr, "error: {err}");
            for cause in err.chain().skip(1) {
                let _ = write!(stderr, "\n  caused by: {cause}");
            }
            let _ = writeln!(stderr);
            let usage = err.downcast_ref::<UsageError>().is_some();
            ExitCode::from(if usage { 2 } else { 1 })
        }
    }
}

fn run(cli: args::Cli) -> anyhow::Result<()> {
    match cli.command {
        args::Command::Project(a) => project_cmd::run(&a),
        args::Command::Audit(a) => audit_cmd::run(&a),
        args::Command::Solve(a) => solve_cmd::run(&a),
        args::Command::Calibrate(a) => calibrate_cmd::run(&a),
        args::Command::Simulate(a) => simulate_cmd::run(&a),
        args::Command::Report(a) => report_cmd::run(&a),
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
