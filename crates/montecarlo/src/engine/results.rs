//! What a simulation says: the result types, serialised as documented in
//! docs/json.md.

use serde::Serialize;

/// P and its interval at a point of the run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Checkpoint {
    /// Scenarios so far.
    pub scenarios: u64,
    /// P(growth ≥ target) so far.
    pub probability: f64,
    /// Wilson 95 % interval.
    pub ci95: [f64; 2],
}

/// Percentiles of a distribution, percent.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantiles {
    /// 1st percentile.
    pub p1: f64,
    /// 5th.
    pub p5: f64,
    /// 10th.
    pub p10: f64,
    /// 25th.
    pub p25: f64,
    /// Median.
    pub p50: f64,
    /// 75th.
    pub p75: f64,
    /// 90th.
    pub p90: f64,
    /// 95th.
    pub p95: f64,
    /// 99th.
    pub p99: f64,
}

/// The probabilities quoted.
pub const QUANTILE_LEVELS: [f64; 9] = [0.01, 0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95, 0.99];

impl Quantiles {
    pub(super) fn from_fn(f: impl Fn(f64) -> f64) -> Self {
        let q = QUANTILE_LEVELS.map(f);
        Self {
            p1: q[0],
            p5: q[1],
            p10: q[2],
            p25: q[3],
            p50: q[4],
            p75: q[5],
            p90: q[6],
            p95: q[7],
            p99: q[8],
        }
    }

    /// The values in [`QUANTILE_LEVELS`] order.
    pub fn values(&self) -> [f64; 9] {
        [
            self.p1, self.p5, self.p10, self.p25, self.p50, self.p75, self.p90, self.p95, self.p99,
        ]
    }
}

/// P(one target met).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetProbability {
    /// The target's id.
    pub id: String,
    /// Its year.
    pub year: i32,
    /// Which way it points: P counts a draw as meeting it that way.
    pub direction: grdp_core::Direction,
    /// P(met); `null` when a draw lacked an input (unknown prices or population).
    pub probability: Option<f64>,
    /// Wilson 95 % interval.
    pub ci95: Option<[f64; 2]>,
}

/// How much a component drives the outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sensitivity {
    /// Component id.
    pub id: String,
    /// Its share of the variance of aggregate growth `G`:
    /// `Cov(w_i g_i, G) / Var(G)`, its contribution's covariance with the
    /// whole. Exact whether or not weights are drawn (the contributions sum
    /// to `G`, so the shares sum to 1); negative where a component moves
    /// against the rest. Estimated on the first scenarios, kept whole.
    pub variance_share: f64,
    /// Spearman rank correlation of its growth with aggregate growth.
    pub spearman: f64,
    /// Aggregate growth with this component at its 10th percentile, the others at their medians, percent.
    pub tornado_low_pct: f64,
    /// The same at its 90th percentile, percent.
    pub tornado_high_pct: f64,
    /// The component's own 10th percentile, percent.
    pub growth_p10_pct: f64,
    /// Its 90th percentile, percent.
    pub growth_p90_pct: f64,
}

/// A point of the feasibility curve.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeasibilityPoint {
    /// The component's centre at this point, percent.
    pub centre_pct: f64,
    /// P(target) there.
    pub probability: f64,
}

/// P(target) as one component's centre moves (common random numbers).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeasibilityCurve {
    /// Component id.
    pub component: String,
    /// The points, by centre.
    pub points: Vec<FeasibilityPoint>,
    /// Scenarios the curve is computed on (the first ones).
    pub scenarios: u64,
}

/// What one component would have needed, draw by draw.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RequiredGrowth {
    /// Component id.
    pub component: String,
    /// Mean required growth, percent.
    pub mean_pct: f64,
    /// Its percentiles, percent.
    pub quantiles_pct: Quantiles,
    /// Scenarios it is computed on (the first ones).
    pub scenarios: u64,
}

/// Requested against achieved rank correlation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CorrelationReport {
    /// Requested Spearman matrix.
    pub requested: Vec<Vec<f64>>,
    /// Achieved Spearman matrix of the target year's growth draws.
    pub achieved: Vec<Vec<f64>>,
    /// Scenarios it is computed on (the first ones).
    pub scenarios: u64,
}

/// Everything one simulation of one view says.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SimResult {
    /// Scenarios drawn.
    pub scenarios: u64,
    /// Whether the run stopped early because `precision` was reached.
    pub stopped_at_precision: bool,
    /// The target year.
    pub target_year: i32,
    /// The threshold, percent; met when growth ≥ threshold (inclusive).
    pub target_pct: f64,
    /// P(growth ≥ target).
    pub probability: f64,
    /// Wilson 95 % interval on P.
    pub probability_ci95: [f64; 2],
    /// Monte Carlo standard error of P, `√(p(1 − p)/N)`.
    pub std_error: f64,
    /// Mean aggregate growth, percent.
    pub mean_pct: f64,
    /// Standard deviation of aggregate growth, percentage points.
    pub sd_pp: f64,
    /// Lowest and highest draw, percent.
    pub min_pct: f64,
    /// Highest draw, percent.
    pub max_pct: f64,
    /// Percentiles of aggregate growth, percent.
    pub quantiles_pct: Quantiles,
    /// Bound on the quantiles' error from the histogram, percentage points.
    pub quantile_error_pp: f64,
    /// Mean shortfall below the target when it is missed, percentage points.
    pub expected_shortfall_pp: Option<f64>,
    /// P(each scenario target met).
    pub targets: Vec<TargetProbability>,
    /// P(every scenario target met together).
    pub all_targets_probability: Option<f64>,
    /// Paths in which some component's drawn growth was at or below −100 %
    /// in some year: floored there (the sector lost all its output, no
    /// weight or level turned negative) and counted. The specification is
    /// refused when this could exceed one draw in ten thousand.
    pub paths_at_or_below_minus_100_pct: u64,
    /// Each component's role.
    pub sensitivity: Vec<Sensitivity>,
    /// P at checkpoints.
    pub convergence: Vec<Checkpoint>,
    /// The feasibility curve, where requested.
    pub feasibility: Option<FeasibilityCurve>,
    /// Required growth of one component, where requested.
    pub required_growth: Option<RequiredGrowth>,
    /// Achieved rank correlation.
    pub correlation: Option<CorrelationReport>,
    /// Aggregate growth of every plan year: mean and percentiles (the fan chart).
    pub years: Vec<YearDistribution>,
    /// Histogram of aggregate growth: lower edge, bin width (pp), counts.
    #[serde(skip)]
    pub histogram: Histogram,
}

/// The distribution of one plan year's aggregate growth.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearDistribution {
    /// The year.
    pub year: i32,
    /// Mean growth, percent.
    pub mean_pct: f64,
    /// Percentiles, percent (histogram midpoints; error ≤ `quantile_error_pp`).
    pub quantiles_pct: Quantiles,
}

/// A histogram of aggregate growth.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Histogram {
    /// Lower edge of the first bin, percent.
    pub lo: f64,
    /// Bin width, percentage points.
    pub width: f64,
    /// Counts per bin.
    pub counts: Vec<u64>,
    /// Draws below the first bin.
    pub under: u64,
    /// Draws above the last bin.
    pub over: u64,
}

impl Histogram {
    /// The share of `draws` at or above `x` percent, read from the counts:
    /// whole bins above `x`, the draws above the last bin, and the part of
    /// `x`'s own bin above it (draws taken as spread evenly within a bin).
    /// The draws below the first bin count as below any `x` from there up.
    pub fn share_at_or_above(&self, x: f64, draws: u64) -> f64 {
        if draws == 0 || !x.is_finite() || self.width <= 0.0 {
            return f64::NAN;
        }
        let pos = (x - self.lo) / self.width;
        let mut above = self.over as f64;
        for (b, c) in self.counts.iter().enumerate() {
            let b = b as f64;
            if b >= pos {
                above += *c as f64;
            } else if b + 1.0 > pos {
                above += *c as f64 * (b + 1.0 - pos);
            }
        }
        above / draws as f64
    }
}

#[cfg(test)]
mod tests {
    use super::Histogram;

    #[test]
    fn the_share_at_or_above_reads_whole_and_part_bins() {
        // Bins of 1 pp from 5 %: [5,6) 10 draws, [6,7) 20, [7,8) 30;
        // 5 below 5 %, 35 above 8 %: 100 draws.
        let h = Histogram {
            lo: 5.0,
            width: 1.0,
            counts: vec![10, 20, 30],
            under: 5,
            over: 35,
        };
        // At a bin edge: 30 + 35 above 7 %.
        assert!((h.share_at_or_above(7.0, 100) - 0.65).abs() < 1e-12);
        // Half-way into [6,7): half its 20, then 30 and 35: 75.
        assert!((h.share_at_or_above(6.5, 100) - 0.75).abs() < 1e-12);
        // Above the last bin: only the 35 counted there (all of them).
        assert!((h.share_at_or_above(8.0, 100) - 0.35).abs() < 1e-12);
        // Below the first bin: all but the 5 below it.
        assert!((h.share_at_or_above(2.0, 100) - 0.95).abs() < 1e-12);
        assert!(h.share_at_or_above(f64::NAN, 100).is_nan());
    }
}
