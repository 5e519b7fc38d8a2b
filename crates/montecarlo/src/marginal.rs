//! Marginal distributions of sector growth, and their transforms from a
//! standard-normal score to growth (the Gaussian copula's second half).
//!
//! Every marginal `F` becomes `h(x) = F⁻¹(Φ(x))`: a draw `x` of a standard
//! normal, correlated with the others, maps to growth with the marginal's
//! exact distribution. Normal marginals have a closed form; the others
//! are tabulated once on a fine grid of `x` (4,097 points on
//! [−6, 6]) and interpolated linearly, which keeps the hot path fast.

use serde::Serialize;
use statrs::distribution::{Beta, ContinuousCDF, Normal, StudentsT};

use crate::error::McError;

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

/// Half-width of the tabulation grid in normal scores. Scores beyond it
/// (probability 2·10⁻⁹) take the edge value.
const GRID_HALF_WIDTH: f64 = 6.0;
/// Points on the grid.
const GRID_POINTS: usize = 4097;

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
    pub fn validate(&self, field: &str) -> Result<(), McError> {
        let bad = |name: &str, message: String| {
            Err(McError::InvalidParameter {
                field: format!("{field}.{name}"),
                message,
            })
        };
        let finite = |name: &str, v: f64| -> Result<(), McError> {
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
        let positive = |name: &str, v: f64| -> Result<(), McError> {
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
        let interval = |min: f64, max: f64| -> Result<(), McError> {
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
        let ordered = |min: f64, mode: f64, max: f64| -> Result<(), McError> {
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

    /// The point a view moves: mean, mode, location, midpoint, or the mean of
    /// empirical values; `plan` where the marginal leaves its location open.
    pub fn centre(&self, plan: f64) -> f64 {
        match self {
            Marginal::Normal { mean, .. } | Marginal::TruncatedNormal { mean, .. } => {
                mean.unwrap_or(plan)
            }
            Marginal::StudentT { location, .. } => location.unwrap_or(plan),
            Marginal::SplitNormal { mode, .. } => mode.unwrap_or(plan),
            Marginal::Triangular { mode, .. } | Marginal::Pert { mode, .. } => *mode,
            Marginal::Uniform { min, max } => 0.5 * (min + max),
            Marginal::Empirical { values } => values.iter().sum::<f64>() / values.len() as f64,
            Marginal::Fixed => plan,
        }
    }

    /// The quantile function `F⁻¹(p)`, percent, with the location filled by
    /// `plan` where open. Used to tabulate transforms and for the tornado.
    pub fn quantile(&self, p: f64, plan: f64) -> f64 {
        let p = p.clamp(1e-300, 1.0 - 1e-16);
        match self {
            Marginal::Normal { mean, sd } => mean.unwrap_or(plan) + sd * std_normal_quantile(p),
            Marginal::TruncatedNormal { mean, sd, min, max } => {
                let mu = mean.unwrap_or(plan);
                let n = std_normal();
                let a = n.cdf((min - mu) / sd);
                let b = n.cdf((max - mu) / sd);
                (mu + sd * n.inverse_cdf(a + p * (b - a))).clamp(*min, *max)
            }
            Marginal::Triangular { min, mode, max } => {
                let split = (mode - min) / (max - min);
                if p < split {
                    min + (p * (max - min) * (mode - min)).sqrt()
                } else {
                    max - ((1.0 - p) * (max - min) * (max - mode)).sqrt()
                }
            }
            Marginal::Pert { min, mode, max } => {
                let (alpha, beta) = pert_shape(*min, *mode, *max);
                match Beta::new(alpha, beta) {
                    Ok(b) => min + (max - min) * b.inverse_cdf(p),
                    Err(_) => *mode,
                }
            }
            Marginal::Uniform { min, max } => min + p * (max - min),
            Marginal::StudentT {
                location,
                scale,
                df,
            } => match StudentsT::new(0.0, 1.0, *df) {
                Ok(t) => location.unwrap_or(plan) + scale * t.inverse_cdf(p),
                Err(_) => location.unwrap_or(plan),
            },
            Marginal::SplitNormal {
                mode,
                sd_lower,
                sd_upper,
            } => {
                // P(X < mode) = sd_lower / (sd_lower + sd_upper).
                let m = mode.unwrap_or(plan);
                let w = sd_lower / (sd_lower + sd_upper);
                if p < w {
                    m + sd_lower * std_normal_quantile(0.5 * p / w)
                } else {
                    m + sd_upper * std_normal_quantile(0.5 + 0.5 * (p - w) / (1.0 - w))
                }
            }
            Marginal::Empirical { values } => {
                let mut v = values.clone();
                v.sort_by(f64::total_cmp);
                let i = ((p * v.len() as f64) as usize).min(v.len() - 1);
                v[i]
            }
            Marginal::Fixed => plan,
        }
    }

    /// Compiles the transform from a standard-normal score to growth, with
    /// the location filled by `plan` where open, moved by `shift` (percentage points).
    pub(crate) fn compile(&self, plan: f64, shift: f64) -> Transform {
        match self {
            Marginal::Fixed => Transform::Constant(plan + shift),
            Marginal::Normal { mean, sd } => Transform::Normal {
                mu: mean.unwrap_or(plan) + shift,
                sd: *sd,
            },
            Marginal::Empirical { values } => {
                let mut sorted: Vec<f64> = values.iter().map(|v| v + shift).collect();
                sorted.sort_by(f64::total_cmp);
                Transform::Empirical { sorted }
            }
            other => {
                let n = std_normal();
                let step = 2.0 * GRID_HALF_WIDTH / (GRID_POINTS - 1) as f64;
                let values = (0..GRID_POINTS)
                    .map(|i| {
                        let x = -GRID_HALF_WIDTH + step * i as f64;
                        // Use the nearer tail so that p keeps its precision.
                        let p = if x <= 0.0 { n.cdf(x) } else { 1.0 - n.cdf(-x) };
                        other.quantile(p, plan) + shift
                    })
                    .collect();
                Transform::Table {
                    inv_step: 1.0 / step,
                    values,
                }
            }
        }
    }
}

/// PERT's beta shape parameters (shape 4).
fn pert_shape(min: f64, mode: f64, max: f64) -> (f64, f64) {
    let range = max - min;
    (
        1.0 + 4.0 * (mode - min) / range,
        1.0 + 4.0 * (max - mode) / range,
    )
}

fn std_normal() -> Normal {
    Normal::standard()
}

/// Φ⁻¹(p) of the standard normal.
pub fn std_normal_quantile(p: f64) -> f64 {
    std_normal().inverse_cdf(p)
}

/// Φ(x) of the standard normal, accurate in both tails.
#[inline]
pub fn std_normal_cdf(x: f64) -> f64 {
    0.5 * libm::erfc(-x / std::f64::consts::SQRT_2)
}

/// A compiled marginal: standard-normal score → growth, percent.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Transform {
    Constant(f64),
    Normal { mu: f64, sd: f64 },
    Table { inv_step: f64, values: Vec<f64> },
    Empirical { sorted: Vec<f64> },
}

impl Transform {
    /// Growth (percent) for the standard-normal score `x`.
    #[inline]
    pub(crate) fn apply(&self, x: f64) -> f64 {
        match self {
            Transform::Constant(c) => *c,
            Transform::Normal { mu, sd } => mu + sd * x,
            Transform::Table { inv_step, values } => {
                let pos = ((x + GRID_HALF_WIDTH) * inv_step).clamp(0.0, (values.len() - 1) as f64);
                let i = (pos as usize).min(values.len() - 2);
                let frac = pos - i as f64;
                values[i] + frac * (values[i + 1] - values[i])
            }
            Transform::Empirical { sorted } => {
                let p = std_normal_cdf(x);
                let i = ((p * sorted.len() as f64) as usize).min(sorted.len() - 1);
                sorted[i]
            }
        }
    }

    /// Whether the transform is `mu + sd · x` (the linear fast path).
    pub(crate) fn as_linear(&self) -> Option<(f64, f64)> {
        match self {
            Transform::Normal { mu, sd } => Some((*mu, *sd)),
            Transform::Constant(c) => Some((*c, 0.0)),
            _ => None,
        }
    }
}
