//! Errors of the uncertainty specification and the engine.

/// Why an uncertainty specification or a simulation was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum McError {
    /// A distribution parameter is out of its domain.
    #[error("{field}: {message}")]
    InvalidParameter {
        /// Dotted path, e.g. `uncertainty.growth.services.sd`.
        field: String,
        /// What was found and what was expected.
        message: String,
    },
    /// The correlation matrix is malformed or not positive definite.
    #[error("{field}: {message}")]
    InvalidCorrelation {
        /// Dotted path of the matrix (or one entry).
        field: String,
        /// What was found and what was expected.
        message: String,
    },
    /// The scenario gives the simulation nothing to aim at.
    #[error("{0}")]
    NoTarget(String),
    /// A run option is out of range (`-n 0`, a precision of zero...).
    #[error("{option}: {message}")]
    InvalidOption {
        /// The option.
        option: String,
        /// What was found and what was expected.
        message: String,
    },
    /// The run was cancelled (Ctrl-C) before it finished.
    #[error("cancelled after {done} of {planned} scenarios; nothing was written")]
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
    /// Calibration could not estimate something.
    #[error("calibration: {0}")]
    Calibration(String),
}

impl McError {
    /// The dotted path of the field at fault, where there is one.
    pub fn field(&self) -> Option<&str> {
        match self {
            McError::InvalidParameter { field, .. } | McError::InvalidCorrelation { field, .. } => {
                Some(field)
            }
            _ => None,
        }
    }
}
