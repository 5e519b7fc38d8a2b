//! Checks: can the structure ranges sum to 100, and which price path puts
//! every share in its range?

use serde::Serialize;

use super::{CheckStatus, Ctx, Figures, MissingInput, Outcome, bound_of};
use crate::plan::PricePath;
use crate::targets::Indicator;

/// A component's structure range.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShareRange {
    /// Component id.
    pub id: String,
    /// Lowest share, percent (0 where no target).
    pub min_pct: f64,
    /// Highest share, percent (100 where no target).
    pub max_pct: f64,
}

/// Figures of [`CheckId::StructureSumsTo100`](super::CheckId::StructureSumsTo100).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StructureSumFigures {
    /// Sum of the lower bounds, percent.
    pub sum_min_pct: f64,
    /// Sum of the upper bounds, percent.
    pub sum_max_pct: f64,
    /// The ranges.
    pub ranges: Vec<ShareRange>,
}

/// One component's price path for the structure targets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComponentPricePath {
    /// Component id.
    pub id: String,
    /// Real growth used (the plan), percent.
    pub real_growth_pct: f64,
    /// Last year's current-price share, percent.
    pub share_previous_pct: f64,
    /// Share if every price moved alike (volume effect only), percent.
    pub share_at_common_prices_pct: f64,
    /// Share under the plan's own prices, percent.
    pub share_planned_pct: Option<f64>,
    /// Target range: lowest share, percent.
    pub share_min_pct: f64,
    /// Target range: highest share, percent.
    pub share_max_pct: f64,
    /// The share the path aims at, percent.
    pub share_required_pct: f64,
    /// Price change relative to the GRDP-wide price change, percent.
    pub relative_price_change_pct: Option<f64>,
    /// The component's deflator growth on that path, percent, given the
    /// plan's GRDP deflator growth.
    pub price_growth_pct: Option<f64>,
}

/// How the target shares of a price path were chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PathBasis {
    /// The shares inside every range nearest to common price growth.
    NearestFeasible,
    /// No shares fit every range: the range midpoints, rescaled to sum to 100.
    RescaledMidpoints,
}

/// Figures of [`CheckId::StructurePricePath`](super::CheckId::StructurePricePath).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StructurePriceFigures {
    /// Whether any price path puts every share inside its range.
    pub feasible: bool,
    /// Whether the plan's own price assumptions already do.
    pub plan_meets_structure: Option<bool>,
    /// How the path's shares were chosen.
    pub basis: PathBasis,
    /// The plan's GRDP deflator growth, percent.
    pub deflator_growth_pct: Option<f64>,
    /// Largest absolute relative price change on the path, percent.
    pub max_relative_price_change_pct: Option<f64>,
    /// The components.
    pub components: Vec<ComponentPricePath>,
}

/// The structure ranges of a year, or `None` if it has no share targets.
fn share_ranges(ctx: &Ctx, year: i32) -> Option<Vec<ShareRange>> {
    let mut any = false;
    let ranges = ctx
        .economy
        .components()
        .iter()
        .map(|c| {
            let b = bound_of(ctx, year, Indicator::ShareCurrentPct, Some(&c.id));
            any |= b.is_some();
            ShareRange {
                id: c.id.clone(),
                min_pct: b.and_then(|b| b.min).unwrap_or(0.0),
                max_pct: b.and_then(|b| b.max).unwrap_or(100.0),
            }
        })
        .collect();
    any.then_some(ranges)
}

/// Rounding slack when comparing sums of shares with 100, percent.
const SUM_SLACK_PCT: f64 = 1e-9;

pub(super) fn sum_check(ctx: &Ctx, year: i32) -> Outcome {
    let Some(ranges) = share_ranges(ctx, year) else {
        return Outcome::NoTargets;
    };
    let sum_min: f64 = ranges.iter().map(|r| r.min_pct).sum();
    let sum_max: f64 = ranges.iter().map(|r| r.max_pct).sum();
    let ok = sum_min <= 100.0 + SUM_SLACK_PCT && sum_max >= 100.0 - SUM_SLACK_PCT;
    Outcome::Ran(
        if ok {
            CheckStatus::Pass
        } else {
            CheckStatus::Fail
        },
        Box::new(Figures::StructureSum(StructureSumFigures {
            sum_min_pct: sum_min,
            sum_max_pct: sum_max,
            ranges,
        })),
    )
}

/// Shares `t` (fractions) inside `[lo, hi]`, summing to 1, nearest to `v` in
/// the metric `Σ (t − v)² / v`, which makes relative prices `t / v` as close
/// to one as the ranges allow. The solution is `t = clamp(v (1 + λ), lo, hi)`
/// with `λ` found by bisection. `None` if no such shares exist.
fn nearest_feasible_shares(v: &[f64], lo: &[f64], hi: &[f64]) -> Option<Vec<f64>> {
    let sum_lo: f64 = lo.iter().sum();
    let sum_hi: f64 = hi.iter().sum();
    if sum_lo > 1.0 + 1e-12 || sum_hi < 1.0 - 1e-12 {
        return None;
    }
    let at = |lambda: f64| -> Vec<f64> {
        v.iter()
            .zip(lo.iter().zip(hi))
            .map(|(vi, (l, h))| (vi * (1.0 + lambda)).clamp(*l, *h))
            .collect()
    };
    let total = |t: &[f64]| t.iter().sum::<f64>();
    let mut a = -1.0;
    let mut b = v
        .iter()
        .zip(hi)
        .filter(|(vi, _)| **vi > 0.0)
        .map(|(vi, h)| h / vi)
        .fold(1.0, f64::max);
    if total(&at(b)) < 1.0 - 1e-9 {
        return None; // a component with zero share would need an infinite price rise
    }
    for _ in 0..200 {
        let m = 0.5 * (a + b);
        if total(&at(m)) < 1.0 {
            a = m;
        } else {
            b = m;
        }
    }
    Some(at(b))
}

pub(super) fn price_check(ctx: &Ctx, year: i32) -> Outcome {
    let Some(ranges) = share_ranges(ctx, year) else {
        return Outcome::NoTargets;
    };
    let (Some((_, prev_shares)), Some(yp), Some(this)) = (
        ctx.projection.weights_for(year),
        ctx.plan.year(year),
        ctx.projection.year(year),
    ) else {
        return Outcome::Missing(MissingInput::YearNotProjected);
    };
    let Some(prev) = prev_shares else {
        return Outcome::Missing(MissingInput::NoCurrentPrices);
    };
    let g: Vec<f64> = yp.real_growth_pct.iter().map(|p| p / 100.0).collect();
    let moved: Vec<f64> = prev.iter().zip(&g).map(|(s, gi)| s * (1.0 + gi)).collect();
    let moved_total: f64 = moved.iter().sum();
    let v: Vec<f64> = moved.iter().map(|m| m / moved_total).collect();
    let lo: Vec<f64> = ranges.iter().map(|r| r.min_pct / 100.0).collect();
    let hi: Vec<f64> = ranges.iter().map(|r| r.max_pct / 100.0).collect();
    let (t, basis, feasible) = match nearest_feasible_shares(&v, &lo, &hi) {
        Some(t) => (t, PathBasis::NearestFeasible, true),
        None => {
            let mid: Vec<f64> = lo.iter().zip(&hi).map(|(l, h)| 0.5 * (l + h)).collect();
            let s: f64 = mid.iter().sum();
            (
                mid.iter().map(|m| m / s).collect(),
                PathBasis::RescaledMidpoints,
                false,
            )
        }
    };
    // GRDP-wide deflator growth of the plan.
    let deflator = match &yp.prices {
        Some(PricePath::GrdpDeflatorPct(p)) => Some(*p),
        _ => this.deflator_growth_pct,
    };
    // Common price factor that gives that GRDP deflator: (1 + c) = (1 + p)(1 + g) / Σ s(1 + g).
    let common =
        deflator.map(|p| (1.0 + p / 100.0) * (1.0 + this.growth_pct / 100.0) / moved_total);
    let planned_shares: Option<Vec<f64>> = this
        .components
        .iter()
        .map(|c| c.share_current_pct)
        .collect();
    let plan_meets = planned_shares.as_ref().map(|s| {
        s.iter()
            .zip(&ranges)
            .all(|(x, r)| *x >= r.min_pct - SUM_SLACK_PCT && *x <= r.max_pct + SUM_SLACK_PCT)
    });
    let components: Vec<ComponentPricePath> = ctx
        .economy
        .components()
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let rel = (v[i] > 0.0).then(|| t[i] / v[i]);
            ComponentPricePath {
                id: c.id.clone(),
                real_growth_pct: yp.real_growth_pct[i],
                share_previous_pct: 100.0 * prev[i],
                share_at_common_prices_pct: 100.0 * v[i],
                share_planned_pct: planned_shares.as_ref().map(|s| s[i]),
                share_min_pct: ranges[i].min_pct,
                share_max_pct: ranges[i].max_pct,
                share_required_pct: 100.0 * t[i],
                relative_price_change_pct: rel.map(|r| 100.0 * (r - 1.0)),
                price_growth_pct: rel.zip(common).map(|(r, c)| 100.0 * (r * c - 1.0)),
            }
        })
        .collect();
    let max_rel = components
        .iter()
        .filter_map(|c| c.relative_price_change_pct)
        .map(f64::abs)
        .reduce(f64::max);
    let status = match (feasible, plan_meets) {
        (false, _) => CheckStatus::Fail,
        (true, Some(true)) => CheckStatus::Pass,
        (true, _) => CheckStatus::Warn,
    };
    Outcome::Ran(
        status,
        Box::new(Figures::StructurePrice(StructurePriceFigures {
            feasible,
            plan_meets_structure: plan_meets,
            basis,
            deflator_growth_pct: deflator,
            max_relative_price_change_pct: max_rel,
            components,
        })),
    )
}
