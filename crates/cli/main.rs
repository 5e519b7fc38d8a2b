//! `grdp`: project a provincial economy by sector, audit its targets, solve
//! for what they need. See `grdp --help`.
//!
//! This file is deliberately thin: parse, run, report. Exit codes: 0
//! success, 1 bad input or data, 2 usage.

mod args;
mod audit_cmd;
mod backtest_cmd;
mod batch_cmd;
mod calibrate_cmd;
mod combine_cmd;
mod derive_cmd;
mod errors;
mod errors_vi;
mod help_vi;
mod output;
mod progress;
mod project_cmd;
mod report_cmd;
mod scenarios_cmd;
mod simulate_cmd;
mod solve_cmd;

use std::io::Write;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::Parser;

/// Set by Ctrl-C; long runs check it between batches and stop cleanly.
pub static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// A line of warning or note on standard error. A standard error that
/// cannot be written (full, closed) loses the line but never ends the run:
/// `eprintln!` would panic.
pub fn say(line: impl std::fmt::Display) {
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// Exit code after Ctrl-C (128 + SIGINT, as shells report it).
const EXIT_INTERRUPTED: u8 = 130;

/// A mistake in how the command was called (exit code 2).
#[derive(Debug)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// The allocator: mimalloc keeps freed memory for the next allocation,
/// where the system allocator hands large blocks back to the kernel and
/// faults fresh pages in for the next (each chunk's histograms, the
/// analysis' columns): about 18 ms of a 250 ms simulation.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let lang = args::requested_lang();
    let parsed = match lang {
        // The same command line, its help in Vietnamese.
        grdp_report::Lang::Vi => help_vi::try_parse(),
        grdp_report::Lang::En => args::Cli::try_parse(),
    };
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            // A command line refused, in Vietnamese when asked.
            if let Some(line) = errors::clap_vi(&e, lang) {
                say(line);
                return ExitCode::from(2);
            }
            // clap prints help and version to stdout (exit 0), errors to stderr (exit 2).
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    // The first Ctrl-C asks the run to stop at the next batch, so temporary
    // files are removed; a second one ends the process at once, removing
    // them first (the outputs they were for stay as they were).
    let _ = ctrlc::set_handler(|| {
        if INTERRUPTED.swap(true, Ordering::SeqCst) {
            grdp_report::write::remove_unfinished();
            std::process::exit(i32::from(EXIT_INTERRUPTED));
        }
    });
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            let cancelled = err.chain().find_map(|c| match c.downcast_ref() {
                Some(grdp_montecarlo::McError::Cancelled { done, planned }) => {
                    Some((*done, *planned))
                }
                _ => None,
            });
            if let Some((done, planned)) = cancelled {
                let line = match lang {
                    grdp_report::Lang::Vi => format!(
                        "đã dừng sau {} trên {} lần mô phỏng; chưa ghi tệp nào",
                        lang.num(done as f64, 0),
                        lang.num(planned as f64, 0)
                    ),
                    grdp_report::Lang::En => format!("interrupted: {err}"),
                };
                let _ = writeln!(std::io::stderr(), "{line}");
                return ExitCode::from(EXIT_INTERRUPTED);
            }
            let mut stderr = std::io::stderr().lock();
            let mut chain = err.chain();
            let (error, caused_by) = match lang {
                grdp_report::Lang::Vi => ("lỗi", "nguyên nhân"),
                grdp_report::Lang::En => ("error", "caused by"),
            };
            if let Some(top) = chain.next() {
                let _ = write!(stderr, "{error}: {}", errors::display(top, lang));
            }
            for cause in chain {
                let _ = write!(stderr, "\n  {caused_by}: {}", errors::display(cause, lang));
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
        args::Command::Scenarios(a) => scenarios_cmd::run(&a),
        args::Command::Derive(a) => derive_cmd::run(&a),
        args::Command::Combine(a) => combine_cmd::run(&a),
        args::Command::Backtest(a) => backtest_cmd::run(&a),
        args::Command::Batch(a) => batch_cmd::run(&a),
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
