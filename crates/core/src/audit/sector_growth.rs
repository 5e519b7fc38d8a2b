//! Check: do the sector growth targets give the aggregate growth target?

use serde::Serialize;

use super::{
    CheckStatus, Ctx, Figures, IMPLIED_GROWTH_TOLERANCE_PP, MissingInput, Outcome, bound_of,
};
use crate::targets::{Bound, Indicator};

/// Where a sector growth figure came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GrowthSource {
    /// The sector's growth target (its minimum, or its maximum if it has only one).
    Target,
    /// No sector target: the plan's growth.
    Plan,
}

/// A sector's growth as used by [`CheckId::SectorGrowthVsAggregate`](super::CheckId::SectorGrowthVsAggregate).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectorGrowth {
    /// Component id.
    pub id: String,
    /// Growth used, percent.
    pub growth_pct: f64,
    /// Target or plan.
    pub source: GrowthSource,
    /// Constant-price weight (last year's constant-price share), percent.
    pub weight_constant_pct: f64,
    /// Last year's current-price share, percent.
    pub weight_current_pct: Option<f64>,
}

/// Figures of [`CheckId::SectorGrowthVsAggregate`](super::CheckId::SectorGrowthVsAggregate).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectorGrowthFigures {
    /// Aggregate growth target: minimum, percent.
    pub target_min_pct: Option<f64>,
    /// Aggregate growth target: maximum, percent.
    pub target_max_pct: Option<f64>,
    /// Aggregate growth the sector figures imply with constant-2010-price weights, percent.
    pub implied_constant_weights_pct: f64,
    /// The same with last year's current-price shares as weights, percent
    /// (growth at last year's prices, not at constant 2010 prices; planners
    /// sometimes weight so).
    pub implied_current_shares_pct: Option<f64>,
    /// Implied (constant weights) minus target, percentage points.
    pub gap_constant_pp: f64,
    /// Implied (current shares) minus target, percentage points.
    pub gap_current_pp: Option<f64>,
    /// Tolerance applied, percentage points.
    pub tolerance_pp: f64,
    /// The sectors.
    pub sectors: Vec<SectorGrowth>,
}

impl SectorGrowthFigures {
    /// How far the implied growth
    /// ([`implied_constant_weights_pct`](Self::implied_constant_weights_pct))
    /// moves with the constant-price weights: its standard deviation in
    /// percentage points, to first order, when each sector's weight (percent)
    /// is uncertain with the standard deviation `weight_sd_pp` (percentage
    /// points, one a sector, errors independent, the weights then rescaled to
    /// add up to 100 %, as the simulation draws them). Moving sector `j`'s
    /// weight by `d` moves the implied growth `G` by `d (g_j − G) / W`, `W`
    /// the weights' total: a sector growing at `G` moves nothing. `None`
    /// where `weight_sd_pp` has not one entry a sector, or the weights add up
    /// to nothing.
    pub fn sd_from_weights_pp(&self, weight_sd_pp: &[f64]) -> Option<f64> {
        if weight_sd_pp.len() != self.sectors.len() {
            return None;
        }
        let total: f64 = self.sectors.iter().map(|s| s.weight_constant_pct).sum();
        if total <= 0.0 {
            return None;
        }
        let g = self
            .sectors
            .iter()
            .map(|s| s.weight_constant_pct * s.growth_pct)
            .sum::<f64>()
            / total;
        let variance: f64 = self
            .sectors
            .iter()
            .zip(weight_sd_pp)
            .map(|(s, sd)| (sd * (s.growth_pct - g) / total).powi(2))
            .sum();
        Some(variance.sqrt())
    }
}

pub(super) fn check(ctx: &Ctx, year: i32) -> Outcome {
    let Some(aggregate) = bound_of(ctx, year, Indicator::GrowthPct, None) else {
        return Outcome::NoTargets;
    };
    let has_sector_target = ctx
        .economy
        .components()
        .iter()
        .any(|c| bound_of(ctx, year, Indicator::GrowthPct, Some(&c.id)).is_some());
    if !has_sector_target {
        return Outcome::NoTargets;
    }
    let (Some((w_const, w_cur)), Some(yp)) =
        (ctx.projection.weights_for(year), ctx.plan.year(year))
    else {
        return Outcome::Missing(MissingInput::YearNotProjected);
    };
    let sectors: Vec<SectorGrowth> = ctx
        .economy
        .components()
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let target = bound_of(ctx, year, Indicator::GrowthPct, Some(&c.id))
                .and_then(|b| b.min.or(b.max));
            SectorGrowth {
                id: c.id.clone(),
                growth_pct: target.unwrap_or(yp.real_growth_pct[i]),
                source: if target.is_some() {
                    GrowthSource::Target
                } else {
                    GrowthSource::Plan
                },
                weight_constant_pct: 100.0 * w_const[i],
                weight_current_pct: w_cur.as_ref().map(|w| 100.0 * w[i]),
            }
        })
        .collect();
    let implied_constant: f64 = sectors
        .iter()
        .map(|s| s.weight_constant_pct * s.growth_pct / 100.0)
        .sum();
    let implied_current: Option<f64> = w_cur.as_ref().map(|w| {
        let total: f64 = w.iter().sum();
        sectors
            .iter()
            .zip(w)
            .map(|(s, wi)| wi / total * s.growth_pct)
            .sum()
    });
    let reference = aggregate.min.or(aggregate.max).unwrap_or(0.0);
    let tolerant = Bound {
        min: aggregate.min.map(|v| v - IMPLIED_GROWTH_TOLERANCE_PP),
        max: aggregate.max.map(|v| v + IMPLIED_GROWTH_TOLERANCE_PP),
    };
    let status = if tolerant.contains(implied_constant) {
        CheckStatus::Pass
    } else if implied_current.is_some_and(|v| tolerant.contains(v)) {
        CheckStatus::Warn
    } else {
        CheckStatus::Fail
    };
    Outcome::Ran(
        status,
        Box::new(Figures::SectorGrowth(SectorGrowthFigures {
            target_min_pct: aggregate.min,
            target_max_pct: aggregate.max,
            implied_constant_weights_pct: implied_constant,
            implied_current_shares_pct: implied_current,
            gap_constant_pp: implied_constant - reference,
            gap_current_pp: implied_current.map(|v| v - reference),
            tolerance_pp: IMPLIED_GROWTH_TOLERANCE_PP,
            sectors,
        })),
    )
}
