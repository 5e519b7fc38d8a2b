//! Errors of the engine, in the model's terms: the CLI maps run options to
//! its own flags.

use grdp_core::uncertainty::UncertaintyError;

/// A run setting the engine checks (the CLI knows them by its flags).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RunSetting {
    /// The number of scenarios to draw.
    Scenarios,
    /// The precision goal: half-width of the 95 % interval on P.
    Precision,
    /// The record of past shortfalls added to every draw.
    OptimismRecord,
    /// The aggregate growth threshold, percent.
    Target,
    /// The year of the target.
    TargetYear,
}

impl std::fmt::Display for RunSetting {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            RunSetting::Scenarios => "scenarios",
            RunSetting::Precision => "precision (half-width of the 95% interval on P)",
            RunSetting::OptimismRecord => "the record of past shortfalls",
            RunSetting::Target => "growth target",
            RunSetting::TargetYear => "target year",
        })
    }
}

/// Why a simulation was refused or stopped.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum McError {
    /// The uncertainty specification is invalid.
    #[error(transparent)]
    Spec(#[from] UncertaintyError),
    /// A run setting is out of range (no scenarios, a precision of zero...).
    #[error("{setting}: {message}")]
    InvalidSetting {
        /// The setting.
        setting: RunSetting,
        /// What was found and what was expected.
        message: String,
    },
    /// The run was cancelled (Ctrl-C) before it finished.
    #[error("cancelled after {done} of {planned} draws; no file was written")]
    Cancelled {
        /// Scenarios completed.
        done: u64,
        /// Scenarios planned.
        planned: u64,
    },
    /// A simulated figure overflowed (growth so large that levels leave `f64`).
    #[error(
        "the simulation produced a non-finite {what} in {year}; check the distributions' ranges (growth of thousands of percent?)"
    )]
    NonFinite {
        /// What overflowed.
        what: String,
        /// The year.
        year: i32,
    },
    /// The draws could not be handed over (the caller's sink failed).
    #[error("writing the draws failed")]
    Draws(#[source] std::io::Error),
    /// Calibration could not estimate something.
    #[error("calibration: {0}")]
    Calibration(String),
}

impl McError {
    /// The dotted path of the scenario field at fault, where there is one.
    pub fn field(&self) -> Option<&str> {
        match self {
            McError::Spec(e) => Some(e.field()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn error_is_send_sync() {
        fn bounds<T: Send + Sync + 'static>() {}
        bounds::<super::McError>();
    }
}
