//! Marginal distributions of sector growth turned into draws: each
//! [`Marginal`] (the scenario's data, defined in grdp-core) becomes a
//! transform from a standard-normal score to growth (the Gaussian copula's
//! second half).
//!
//! Every marginal `F` becomes `h(x) = F⁻¹(Φ(x))`: a draw `x` of a standard
//! normal, correlated with the others, maps to growth with the marginal's
//! exact distribution. Normal marginals have a closed form; the others
//! are tabulated once on a fine grid of `x` (4,097 points on
//! [−6, 6]) and interpolated linearly, which keeps the hot path fast.

use statrs::distribution::{Beta, ContinuousCDF, Normal, StudentsT};

pub use grdp_core::uncertainty::Marginal;

/// Half-width of the tabulation grid in normal scores. Scores beyond it
/// (probability 2·10⁻⁹) take the edge value.
const GRID_HALF_WIDTH: f64 = 6.0;
/// Points on the grid.
const GRID_POINTS: usize = 4097;

/// The mean of `m`, percent, with the location filled by `plan` where open:
/// the statistic a view puts at its centre ("on average, the plan"), so that
/// a skewed distribution (split normal, PERT, triangular, an asymmetric
/// truncation) is centred by its mean, not by its mode.
pub fn mean(m: &Marginal, plan: f64) -> f64 {
    match m {
        Marginal::Normal { mean, .. } => mean.unwrap_or(plan),
        Marginal::TruncatedNormal { mean, sd, min, max } => {
            let mu = mean.unwrap_or(plan);
            mu + sd * truncated_std_normal_mean((min - mu) / sd, (max - mu) / sd)
        }
        Marginal::Triangular { min, mode, max } => (min + mode + max) / 3.0,
        Marginal::Pert { min, mode, max } => (min + 4.0 * mode + max) / 6.0,
        Marginal::Uniform { min, max } => 0.5 * (min + max),
        Marginal::StudentT { location, .. } => location.unwrap_or(plan),
        Marginal::SplitNormal {
            mode,
            sd_lower,
            sd_upper,
        } => mode.unwrap_or(plan) + (2.0 / std::f64::consts::PI).sqrt() * (sd_upper - sd_lower),
        Marginal::Empirical { values } => values.iter().sum::<f64>() / values.len() as f64,
        Marginal::Fixed => plan,
    }
}

/// The mean of a standard normal restricted to `[a, b]`:
/// `(φ(a) − φ(b)) / (Φ(b) − Φ(a))`, the mass taken in the tail the interval
/// lies in; beyond the reach of the survival function, the exponential
/// tail's `a + 1/a`.
fn truncated_std_normal_mean(a: f64, b: f64) -> f64 {
    if b <= 0.0 {
        return -truncated_std_normal_mean(-b, -a);
    }
    let density = |x: f64| (-0.5 * x * x).exp() / (2.0 * std::f64::consts::PI).sqrt();
    let mass = if a >= 0.0 {
        std_normal_cdf(-a) - std_normal_cdf(-b)
    } else {
        std_normal_cdf(b) - std_normal_cdf(a)
    };
    if mass > 0.0 {
        (density(a) - density(b)) / mass
    } else {
        a + 1.0 / a
    }
}

/// The quantile function `F⁻¹(p)` of `m`, percent, with the location filled
/// by `plan` where open. Used to tabulate transforms.
pub fn quantile(m: &Marginal, p: f64, plan: f64) -> f64 {
    let p = p.clamp(1e-300, 1.0 - 1e-16);
    match m {
        Marginal::Normal { mean, sd } => mean.unwrap_or(plan) + sd * std_normal_quantile(p),
        Marginal::TruncatedNormal { mean, sd, min, max } => {
            let mu = mean.unwrap_or(plan);
            let z = truncated_std_normal_quantile((min - mu) / sd, (max - mu) / sd, p);
            (mu + sd * z).clamp(*min, *max)
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

/// Compiles the transform of `m` from a standard-normal score to growth,
/// with the location filled by `plan` where open, moved by `shift`
/// (percentage points).
pub(crate) fn compile(m: &Marginal, plan: f64, shift: f64) -> Transform {
    match m {
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
                    quantile(other, p, plan) + shift
                })
                .collect();
            Transform::Table {
                inv_step: 1.0 / step,
                values,
            }
        }
    }
}

/// The `p` quantile of a standard normal restricted to `[a, b]`.
///
/// Where the interval lies in a tail, the computation works in that tail
/// (with the survival function `Φ(−x)`, which keeps its precision where
/// `Φ(x)` rounds to 1): a range such as [9, 12] standard deviations above
/// the mean is drawn across the range, not collapsed onto a bound. Beyond
/// about 37 standard deviations, where even the survival function
/// underflows, the tail is exponential to first order: `X − a ≈ E / a`,
/// `E` a unit exponential truncated at `a (b − a)`.
fn truncated_std_normal_quantile(a: f64, b: f64, p: f64) -> f64 {
    if b <= 0.0 {
        // The lower tail, by symmetry.
        return -truncated_std_normal_quantile(-b, -a, 1.0 - p);
    }
    let n = std_normal();
    if a < 0.0 {
        // The interval holds the centre: Φ keeps its precision.
        let fa = n.cdf(a);
        let fb = n.cdf(b);
        return n.inverse_cdf(fa + p * (fb - fa));
    }
    let sa = std_normal_cdf(-a);
    let sb = std_normal_cdf(-b);
    if sa > 0.0 && sa > sb {
        let s = (sa - p * (sa - sb)).clamp(sb, sa);
        -std_normal_quantile(s)
    } else {
        (a - (-(p * -(-a * (b - a)).exp_m1())).ln_1p() / a).clamp(a, b)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_far_tail_of_a_truncated_normal_is_exponential() {
        // Beyond where Φ(−x) underflows (x ≈ 38), the density above a falls
        // as e^{−a t}: the median of a [40, 41] truncation is a + ln 2 / a
        // = 40.017329 to first order (the next term is of order 1/a³,
        // 1.6e-5 here).
        let z = truncated_std_normal_quantile(40.0, 41.0, 0.5);
        assert!(
            (z - (40.0 + std::f64::consts::LN_2 / 40.0)).abs() < 5e-5,
            "{z}"
        );
        // And by symmetry in the lower tail.
        let z = truncated_std_normal_quantile(-41.0, -40.0, 0.5);
        assert!(
            (z + 40.0 + std::f64::consts::LN_2 / 40.0).abs() < 5e-5,
            "{z}"
        );
        // Every quantile inside the range.
        for p in [0.0, 1e-9, 0.3, 0.999_999, 1.0] {
            let z = truncated_std_normal_quantile(40.0, 41.0, p);
            assert!((40.0..=41.0).contains(&z), "p = {p}: {z}");
        }
    }
}
