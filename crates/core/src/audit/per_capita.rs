//! Check: what nominal growth and deflator does the per-capita range need?

use serde::Serialize;

use super::{CheckStatus, Ctx, Figures, MissingInput, Outcome, previous_current_total, target_of};
use crate::targets::{Indicator, TargetStatus};

/// Figures of [`CheckId::PerCapita`](super::CheckId::PerCapita).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PerCapitaFigures {
    /// Target minimum, million VND per person.
    pub target_min_mn_vnd: Option<f64>,
    /// Target maximum, million VND per person.
    pub target_max_mn_vnd: Option<f64>,
    /// Projected GRDP per capita, million VND per person.
    pub projected_mn_vnd: Option<f64>,
    /// Last year's GRDP per capita, million VND per person.
    pub previous_mn_vnd: Option<f64>,
    /// Projected average population, thousand persons.
    pub population_thousand: f64,
    /// Population growth in the plan, percent.
    pub population_growth_pct: Option<f64>,
    /// Real GRDP growth in the plan, percent.
    pub real_growth_pct: f64,
    /// The plan's implicit GRDP deflator growth, percent.
    pub plan_deflator_growth_pct: Option<f64>,
    /// Nominal GRDP growth the target minimum needs, percent.
    pub required_nominal_growth_min_pct: Option<f64>,
    /// Nominal GRDP growth the target maximum allows, percent.
    pub required_nominal_growth_max_pct: Option<f64>,
    /// GRDP deflator growth the minimum needs at the plan's real growth, percent.
    pub implied_deflator_min_pct: Option<f64>,
    /// GRDP deflator growth the maximum allows at the plan's real growth, percent.
    pub implied_deflator_max_pct: Option<f64>,
    /// Years from the base year to the target's year.
    pub years_from_base: i32,
    /// Average nominal GRDP growth a year, from the base year, that the
    /// target minimum needs with the plan's population, percent a year.
    pub required_nominal_growth_from_base_min_pct: Option<f64>,
    /// The same for the target maximum, percent a year.
    pub required_nominal_growth_from_base_max_pct: Option<f64>,
}

pub(super) fn check(ctx: &Ctx, year: i32) -> Outcome {
    let Some(target) = target_of(ctx, year, Indicator::GrdpPerCapitaMnVnd, None) else {
        return Outcome::NoTargets;
    };
    let bound = target.bound;
    let (Some(this), Some(yp)) = (ctx.projection.year(year), ctx.plan.year(year)) else {
        return Outcome::Missing(MissingInput::YearNotProjected);
    };
    let Some(population) = this.population_thousand else {
        return Outcome::Missing(MissingInput::NoPopulation);
    };
    let Some(prev_y) = previous_current_total(ctx, year) else {
        return Outcome::Missing(MissingInput::NoCurrentPrices);
    };
    let prev_pop = if year == ctx.projection.base.year + 1 {
        ctx.projection.base.population_thousand
    } else {
        ctx.projection
            .year(year - 1)
            .and_then(|y| y.population_thousand)
    };
    let g = this.growth_pct / 100.0;
    let nominal = |pc: f64| 100.0 * (pc * population / prev_y - 1.0);
    let deflator = |nom: f64| 100.0 * ((1.0 + nom / 100.0) / (1.0 + g) - 1.0);
    let nom_min = bound.min.map(nominal);
    let nom_max = bound.max.map(nominal);
    // From the base year: (target · population / base GRDP)^(1/n) − 1 a year.
    let n = year - ctx.projection.base.year;
    let from_base = |pc: f64| {
        ctx.projection
            .base
            .grdp_current_bn_vnd
            .filter(|b| *b > 0.0 && n > 0)
            .map(|b| 100.0 * ((pc * population / b).powf(1.0 / f64::from(n)) - 1.0))
    };
    // Judged by the target's direction: a range set below what growth and
    // prices give is understated (it will be exceeded), not unreachable.
    let status = match this.grdp_per_capita_mn_vnd.map(|v| target.assess(v).0) {
        Some(TargetStatus::Met) => CheckStatus::Pass,
        Some(TargetStatus::Exceeded) => CheckStatus::Understated,
        Some(TargetStatus::Missed) => CheckStatus::Fail,
        Some(TargetStatus::Unknown) | None => CheckStatus::Warn,
    };
    Outcome::Ran(
        status,
        Box::new(Figures::PerCapita(PerCapitaFigures {
            target_min_mn_vnd: bound.min,
            target_max_mn_vnd: bound.max,
            projected_mn_vnd: this.grdp_per_capita_mn_vnd,
            previous_mn_vnd: prev_pop.map(|p| prev_y / p),
            population_thousand: population,
            population_growth_pct: yp.population_growth_pct,
            real_growth_pct: this.growth_pct,
            plan_deflator_growth_pct: this.deflator_growth_pct,
            required_nominal_growth_min_pct: nom_min,
            required_nominal_growth_max_pct: nom_max,
            implied_deflator_min_pct: nom_min.map(deflator),
            implied_deflator_max_pct: nom_max.map(deflator),
            years_from_base: n,
            required_nominal_growth_from_base_min_pct: bound.min.and_then(from_base),
            required_nominal_growth_from_base_max_pct: bound.max.and_then(from_base),
        })),
    )
}
