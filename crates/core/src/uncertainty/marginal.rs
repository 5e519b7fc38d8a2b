//! A component's growth distribution, as a scenario states it: the data
//! and its validation. The engine turns it into draws (grdp-montecarlo).

use serde::Serialize;

use super::UncertaintyError;

/// A sector's growth distribution, in percent. Where a location parameter
/// (`mean`, `location`, `mode`) is omitted, the plan's growth takes its place.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "distribution", rename_all = "snake_case")]
pub enum Marginal {
    /// Normal with mean and standard deviation.
    Normal {
        /// Mean, percent (plan growth if omitted).
        mean: Option<f64>,
        /// Standard deviation, percentage points.
        sd: f64,
    },
    /// Normal(mean, sd) restricted to [min, max].
    TruncatedNormal {
        /// Mean of the untruncated normal, percent (plan growth if omitted).
        mean: Option<f64>,
        /// Standard deviation of the untruncated normal, percentage points.
        sd: f64,
        /// Lowest value, percent.
        min: f64,
        /// Highest value, percent.
        max: f64,
    },
    /// Triangular on [min, max] with its peak at mode.
    Triangular {
        /// Lowest value, percent.
        min: f64,
        /// Most likely value, percent.
        mode: f64,
        /// Highest value, percent.
        max: f64,
    },
    /// PERT: a beta on [min, max] with mode, shape 4 (mean (min + 4 mode + max) / 6).
    Pert {
        /// Lowest value, percent.
        min: f64,
        /// Most likely value, percent.
        mode: f64,
        /// Highest value, percent.
        max: f64,
    },
    /// Uniform on [min, max].
    Uniform {
        /// Lowest value, percent.
        min: f64,
        /// Highest value, percent.
        max: f64,
    },
    /// Student-t with location, scale and degrees of freedom (> 2, so the variance exists).
    StudentT {
        /// Location, percent (plan growth if omitted).
        location: Option<f64>,
        /// Scale, percentage points.
        scale: f64,
        /// Degrees of freedom.
        df: f64,
    },
    /// Split normal (two-piece normal, the Bank of England fan-chart form):
    /// a normal with `sd_lower` below the mode and `sd_upper` above it.
    SplitNormal {
        /// Mode, percent (plan growth if omitted).
        mode: Option<f64>,
        /// Standard deviation below the mode, percentage points.
        sd_lower: f64,
        /// Standard deviation above the mode, percentage points.
        sd_upper: f64,
    },
    /// Bootstrap: each draw is one of the listed values, equally likely.
    Empirical {
        /// The values, percent.
        values: Vec<f64>,
    },
    /// No uncertainty: the centre every time.
    Fixed,
}

/// The largest growth rate or spread (percent, percentage points) a
/// distribution may state: beyond it the parameter is a typing error, and
/// draws would overflow the levels.
pub const MAX_PARAMETER_PP: f64 = 1000.0;

impl Marginal {
    /// The distribution's name as written in scenario files.
    pub fn name(&self) -> &'static str {
        match self {
            Marginal::Normal { .. } => "normal",
            Marginal::TruncatedNormal { .. } => "truncated_normal",
            Marginal::Triangular { .. } => "triangular",
            Marginal::Pert { .. } => "pert",
            Marginal::Uniform { .. } => "uniform",
            Marginal::StudentT { .. } => "student_t",
            Marginal::SplitNormal { .. } => "split_normal",
            Marginal::Empirical { .. } => "empirical",
            Marginal::Fixed => "fixed",
        }
    }

    /// Checks every parameter; `field` names the marginal in messages.
    pub fn validate(&self, field: &str) -> Result<(), UncertaintyError> {
        let bad = |name: &str, message: String| {
            Err(UncertaintyError::InvalidParameter {
                field: format!("{field}.{name}"),
                message,
            })
        };
        let finite = |name: &str, v: f64| -> Result<(), UncertaintyError> {
            // `{:?}` writes 1e308 as such, not as 309 digits.
            if !v.is_finite() {
                bad(name, format!("found {v:?}; expected a finite number"))
            } else if v.abs() > MAX_PARAMETER_PP {
                bad(
                    name,
                    format!(
                        "found {v:?}; expected growth and spreads within ±{MAX_PARAMETER_PP} percentage points"
                    ),
                )
            } else {
                Ok(())
            }
        };
        let positive = |name: &str, v: f64| -> Result<(), UncertaintyError> {
            finite(name, v)?;
            if v > 0.0 {
                Ok(())
            } else {
                bad(
                    name,
                    format!("found {v}; expected a number greater than zero"),
                )
            }
        };
        let interval = |min: f64, max: f64| -> Result<(), UncertaintyError> {
            finite("min", min)?;
            finite("max", max)?;
            if min >= max {
                return bad(
                    "max",
                    format!("max {max} is not above min {min}; expected min < max"),
                );
            }
            Ok(())
        };
        let ordered = |min: f64, mode: f64, max: f64| -> Result<(), UncertaintyError> {
            for (n, v) in [("min", min), ("mode", mode), ("max", max)] {
                finite(n, v)?;
            }
            if min > mode {
                return bad(
                    "mode",
                    format!("mode {mode} is below min {min}; expected min ≤ mode ≤ max"),
                );
            }
            if mode > max {
                return bad(
                    "mode",
                    format!("mode {mode} is above max {max}; expected min ≤ mode ≤ max"),
                );
            }
            interval(min, max)
        };
        let optional = |name: &str, v: Option<f64>| v.map_or(Ok(()), |v| finite(name, v));
        match self {
            Marginal::Normal { mean, sd } => {
                optional("mean", *mean)?;
                positive("sd", *sd)
            }
            Marginal::TruncatedNormal { mean, sd, min, max } => {
                optional("mean", *mean)?;
                positive("sd", *sd)?;
                interval(*min, *max)
            }
            Marginal::Triangular { min, mode, max } | Marginal::Pert { min, mode, max } => {
                ordered(*min, *mode, *max)
            }
            Marginal::Uniform { min, max } => interval(*min, *max),
            Marginal::StudentT {
                location,
                scale,
                df,
            } => {
                optional("location", *location)?;
                positive("scale", *scale)?;
                finite("df", *df)?;
                if *df <= 2.0 {
                    return bad(
                        "df",
                        format!(
                            "found {df}; expected more than 2 degrees of freedom (the variance is infinite at 2 or fewer)"
                        ),
                    );
                }
                Ok(())
            }
            Marginal::SplitNormal {
                mode,
                sd_lower,
                sd_upper,
            } => {
                optional("mode", *mode)?;
                positive("sd_lower", *sd_lower)?;
                positive("sd_upper", *sd_upper)
            }
            Marginal::Empirical { values } => {
                if values.is_empty() {
                    return bad(
                        "values",
                        "the list is empty; expected at least one value".into(),
                    );
                }
                for v in values {
                    finite("values", *v)?;
                }
                Ok(())
            }
            Marginal::Fixed => Ok(()),
        }
    }
}
