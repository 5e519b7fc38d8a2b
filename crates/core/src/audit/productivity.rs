//! Check: what employment growth do the labour-productivity targets imply?

use serde::Serialize;

use super::{CheckStatus, Ctx, Figures, MissingInput, Outcome, bound_of};
use crate::targets::Indicator;

/// Figures of [`CheckId::LabourProductivity`](super::CheckId::LabourProductivity).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LabourProductivityFigures {
    /// Productivity level target minimum, million VND per worker.
    pub level_min_mn_vnd: Option<f64>,
    /// Productivity level target maximum, million VND per worker.
    pub level_max_mn_vnd: Option<f64>,
    /// Productivity growth target minimum, percent.
    pub growth_min_pct: Option<f64>,
    /// Productivity growth target maximum, percent.
    pub growth_max_pct: Option<f64>,
    /// Real GRDP growth in the plan, percent.
    pub real_growth_pct: f64,
    /// Nominal GRDP growth in the plan, percent.
    pub nominal_growth_pct: Option<f64>,
    /// Employment growth the growth target's maximum implies at the plan's
    /// real growth (productivity growth at constant prices), percent.
    pub implied_employment_growth_min_pct: Option<f64>,
    /// Employment growth the growth target's minimum implies, percent.
    pub implied_employment_growth_max_pct: Option<f64>,
    /// The same if productivity growth were measured at current prices
    /// (nominal GRDP growth), lowest, percent.
    pub implied_employment_growth_current_prices_min_pct: Option<f64>,
    /// The same, highest, percent.
    pub implied_employment_growth_current_prices_max_pct: Option<f64>,
    /// Workers the level target implies at the projected current-price GRDP,
    /// lowest (at the level maximum), thousand persons.
    pub implied_employed_min_thousand: Option<f64>,
    /// Workers the level target implies, highest (at the level minimum), thousand persons.
    pub implied_employed_max_thousand: Option<f64>,
    /// Employed workers last year, thousand persons.
    pub employed_previous_thousand: Option<f64>,
    /// Employment growth in the plan, percent.
    pub plan_employment_growth_pct: Option<f64>,
    /// Projected productivity, million VND per worker.
    pub projected_mn_vnd: Option<f64>,
    /// Projected real productivity growth, percent.
    pub projected_growth_pct: Option<f64>,
}

pub(super) fn check(ctx: &Ctx, year: i32) -> Outcome {
    let level = bound_of(ctx, year, Indicator::LabourProductivityMnVnd, None);
    let growth = bound_of(ctx, year, Indicator::LabourProductivityGrowthPct, None);
    if level.is_none() && growth.is_none() {
        return Outcome::NoTargets;
    }
    let (Some(this), Some(yp)) = (ctx.projection.year(year), ctx.plan.year(year)) else {
        return Outcome::Missing(MissingInput::YearNotProjected);
    };
    let g = this.growth_pct / 100.0;
    let employment_for = |gdp_growth: f64, prod_pct: f64| {
        100.0 * ((1.0 + gdp_growth) / (1.0 + prod_pct / 100.0) - 1.0)
    };
    let growth_min = growth.and_then(|b| b.min);
    let growth_max = growth.and_then(|b| b.max);
    let nominal = this.nominal_growth_pct.map(|n| n / 100.0);
    let employed_previous = if year == ctx.projection.base.year + 1 {
        ctx.projection.base.employed_thousand
    } else {
        ctx.projection
            .year(year - 1)
            .and_then(|y| y.employed_thousand)
    };
    let implied_employed = |lvl: Option<f64>| lvl.zip(this.grdp_current_bn_vnd).map(|(l, y)| y / l);
    let projected_meets = [
        (level, this.labour_productivity_mn_vnd),
        (growth, this.labour_productivity_growth_pct),
    ]
    .into_iter()
    .filter_map(|(b, v)| b.map(|b| v.map(|v| b.contains(v))))
    .collect::<Option<Vec<bool>>>();
    let status = match projected_meets {
        Some(all) if all.iter().all(|x| *x) => CheckStatus::Pass,
        Some(_) => CheckStatus::Fail,
        None => CheckStatus::Warn,
    };
    Outcome::Ran(
        status,
        Box::new(Figures::LabourProductivity(LabourProductivityFigures {
            level_min_mn_vnd: level.and_then(|b| b.min),
            level_max_mn_vnd: level.and_then(|b| b.max),
            growth_min_pct: growth_min,
            growth_max_pct: growth_max,
            real_growth_pct: this.growth_pct,
            nominal_growth_pct: this.nominal_growth_pct,
            implied_employment_growth_min_pct: growth_max.map(|p| employment_for(g, p)),
            implied_employment_growth_max_pct: growth_min.map(|p| employment_for(g, p)),
            implied_employment_growth_current_prices_min_pct: growth_max
                .zip(nominal)
                .map(|(p, n)| employment_for(n, p)),
            implied_employment_growth_current_prices_max_pct: growth_min
                .zip(nominal)
                .map(|(p, n)| employment_for(n, p)),
            implied_employed_min_thousand: implied_employed(level.and_then(|b| b.max)),
            implied_employed_max_thousand: implied_employed(level.and_then(|b| b.min)),
            employed_previous_thousand: employed_previous,
            plan_employment_growth_pct: yp.employment_growth_pct,
            projected_mn_vnd: this.labour_productivity_mn_vnd,
            projected_growth_pct: this.labour_productivity_growth_pct,
        })),
    )
}
