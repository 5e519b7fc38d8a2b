//! The consistency audit: do a scenario's targets hang together, and what
//! do they imply?
//!
//! Each check reports its figures as numbers; the words are left to the
//! presentation layer so that they can be given in any language.

use serde::Serialize;

use crate::economy::Economy;
use crate::plan::{Plan, PricePath};
use crate::projection::Projection;
use crate::solve::{YearGrowth, period_average};
use crate::targets::{Bound, Indicator, TargetSet};

/// How far an implied aggregate may fall short of a target and still pass,
/// in percentage points: targets carry two decimals, so half a unit of the
/// last published digit.
pub const IMPLIED_GROWTH_TOLERANCE_PP: f64 = 0.005;

/// The outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    /// The targets are consistent on this count.
    Pass,
    /// Consistent only under an assumption worth flagging.
    Warn,
    /// Inconsistent: not every target can hold.
    Fail,
}

/// Which check. Serialises as [`CheckId::as_str`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckId {
    /// The aggregate growth the sector targets imply, against the aggregate target.
    SectorGrowthVsAggregate,
    /// Whether the structure ranges can sum to 100 % at all.
    #[serde(rename = "structure_sums_to_100")]
    StructureSumsTo100,
    /// The sector price changes the structure targets need.
    StructurePricePath,
    /// The nominal growth and deflator a per-capita range implies.
    PerCapita,
    /// The employment growth productivity and growth targets imply together.
    LabourProductivity,
    /// The average growth a multi-year plan achieves, and what the remaining years need.
    PeriodAverage,
}

impl CheckId {
    /// Every check, in report order.
    pub const ALL: [CheckId; 6] = [
        CheckId::SectorGrowthVsAggregate,
        CheckId::StructureSumsTo100,
        CheckId::StructurePricePath,
        CheckId::PerCapita,
        CheckId::LabourProductivity,
        CheckId::PeriodAverage,
    ];

    /// The snake_case id.
    pub fn as_str(self) -> &'static str {
        match self {
            CheckId::SectorGrowthVsAggregate => "sector_growth_vs_aggregate",
            CheckId::StructureSumsTo100 => "structure_sums_to_100",
            CheckId::StructurePricePath => "structure_price_path",
            CheckId::PerCapita => "per_capita",
            CheckId::LabourProductivity => "labour_productivity",
            CheckId::PeriodAverage => "period_average",
        }
    }
}

/// One check's result: id, year, status and its figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Check {
    /// Which check.
    pub id: CheckId,
    /// The year checked.
    pub year: i32,
    /// Pass, warn or fail.
    pub status: CheckStatus,
    /// The figures behind the verdict.
    #[serde(flatten)]
    pub figures: Figures,
}

/// A check that could not run, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NotApplicable {
    /// Which check.
    pub id: CheckId,
    /// The year, where one was in question.
    pub year: Option<i32>,
    /// What was missing.
    pub reason: MissingInput,
}

/// What a check lacked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MissingInput {
    /// No target of the kind the check examines.
    NoTargets,
    /// The base year or plan lacks current-price levels or price growth.
    NoCurrentPrices,
    /// Population is unknown.
    NoPopulation,
    /// The plan does not reach the target's year.
    YearNotProjected,
}

/// The figures of each check, by check.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Figures {
    /// See [`SectorGrowthFigures`].
    SectorGrowth(SectorGrowthFigures),
    /// See [`StructureSumFigures`].
    StructureSum(StructureSumFigures),
    /// See [`StructurePriceFigures`].
    StructurePrice(StructurePriceFigures),
    /// See [`PerCapitaFigures`].
    PerCapita(PerCapitaFigures),
    /// See [`LabourProductivityFigures`].
    LabourProductivity(LabourProductivityFigures),
    /// See [`PeriodAverageFigures`].
    PeriodAverage(PeriodAverageFigures),
}

/// Where a sector growth figure came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GrowthSource {
    /// The sector's growth target (its minimum, or its maximum if it has only one).
    Target,
    /// No sector target: the plan's growth.
    Plan,
}

/// A sector's growth as used by [`CheckId::SectorGrowthVsAggregate`].
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

/// Figures of [`CheckId::SectorGrowthVsAggregate`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectorGrowthFigures {
    /// Aggregate growth target: minimum, percent.
    pub target_min_pct: Option<f64>,
    /// Aggregate growth target: maximum, percent.
    pub target_max_pct: Option<f64>,
    /// Aggregate growth the sector figures imply with constant-2010-price weights, percent.
    pub implied_constant_weights_pct: f64,
    /// The same with last year's current-price shares as weights, percent
    /// (mixes price and volume; planners sometimes do this).
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

/// Figures of [`CheckId::StructureSumsTo100`].
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

/// Figures of [`CheckId::StructurePricePath`].
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

/// Figures of [`CheckId::PerCapita`].
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

/// Figures of [`CheckId::LabourProductivity`].
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

/// A target for the average growth of a period, such as a five-year plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodTarget {
    /// Unique id, e.g. `plan_2021_2025`.
    pub id: String,
    /// First year of the period.
    pub first_year: i32,
    /// Last year of the period.
    pub last_year: i32,
    /// Acceptable geometric average growth, percent a year.
    pub bound: Bound,
}

/// Figures of [`CheckId::PeriodAverage`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodAverageFigures {
    /// The period target's id.
    pub target_id: String,
    /// First year of the period.
    pub first_year: i32,
    /// Target average: minimum, percent a year.
    pub target_min_pct: Option<f64>,
    /// Target average: maximum, percent a year.
    pub target_max_pct: Option<f64>,
    /// Years already known (outcomes), with their growth.
    pub known: Vec<YearGrowth>,
    /// Years the plan covers, with their projected growth.
    pub planned: Vec<YearGrowth>,
    /// Geometric average growth over the period, known then planned,
    /// percent a year; `null` if the period is not fully covered.
    pub achieved_average_pct: Option<f64>,
    /// Growth each year after the known ones needs for the target minimum, percent.
    pub required_for_min_pct: Option<f64>,
    /// Growth each year after the known ones may have for the target maximum, percent.
    pub required_for_max_pct: Option<f64>,
}

/// The audit of a scenario's targets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Audit {
    /// Checks that ran.
    pub checks: Vec<Check>,
    /// Checks that could not run.
    pub not_applicable: Vec<NotApplicable>,
}

/// Runs every check for every year that has targets.
pub fn audit(
    economy: &Economy,
    plan: &Plan,
    targets: &TargetSet,
    projection: &Projection,
) -> Audit {
    let mut out = Audit {
        checks: Vec::new(),
        not_applicable: Vec::new(),
    };
    let years = targets.years();
    let ctx = Ctx {
        economy,
        plan,
        targets,
        projection,
    };
    type CheckFn = fn(&Ctx, i32) -> Outcome;
    let checks: [(CheckId, CheckFn); 5] = [
        (CheckId::SectorGrowthVsAggregate, sector_growth),
        (CheckId::StructureSumsTo100, structure_sum),
        (CheckId::StructurePricePath, structure_price),
        (CheckId::PerCapita, per_capita),
        (CheckId::LabourProductivity, labour_productivity),
    ];
    for (id, check) in checks {
        let mut ran_or_missing = false;
        for &year in &years {
            match check(&ctx, year) {
                Outcome::Ran(status, figures) => {
                    ran_or_missing = true;
                    out.checks.push(Check {
                        id,
                        year,
                        status,
                        figures: *figures,
                    });
                }
                Outcome::Missing(reason) => {
                    ran_or_missing = true;
                    out.not_applicable.push(NotApplicable {
                        id,
                        year: Some(year),
                        reason,
                    });
                }
                Outcome::NoTargets => {}
            }
        }
        if !ran_or_missing {
            out.not_applicable.push(NotApplicable {
                id,
                year: None,
                reason: MissingInput::NoTargets,
            });
        }
    }
    out
}

struct Ctx<'a> {
    economy: &'a Economy,
    plan: &'a Plan,
    targets: &'a TargetSet,
    projection: &'a Projection,
}

enum Outcome {
    Ran(CheckStatus, Box<Figures>),
    Missing(MissingInput),
    NoTargets,
}

fn bound_of(ctx: &Ctx, year: i32, indicator: Indicator, component: Option<&str>) -> Option<Bound> {
    ctx.targets
        .find(year, indicator, component)
        .map(|t| t.bound)
}

fn sector_growth(ctx: &Ctx, year: i32) -> Outcome {
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

fn structure_sum(ctx: &Ctx, year: i32) -> Outcome {
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

fn structure_price(ctx: &Ctx, year: i32) -> Outcome {
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

fn previous_current_total(ctx: &Ctx, year: i32) -> Option<f64> {
    if year == ctx.projection.base.year + 1 {
        ctx.projection.base.grdp_current_bn_vnd
    } else {
        ctx.projection.year(year - 1)?.grdp_current_bn_vnd
    }
}

fn per_capita(ctx: &Ctx, year: i32) -> Outcome {
    let Some(bound) = bound_of(ctx, year, Indicator::GrdpPerCapitaMnVnd, None) else {
        return Outcome::NoTargets;
    };
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
    let status = match this.grdp_per_capita_mn_vnd {
        Some(v) if bound.contains(v) => CheckStatus::Pass,
        Some(_) => CheckStatus::Fail,
        None => CheckStatus::Warn,
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

fn labour_productivity(ctx: &Ctx, year: i32) -> Outcome {
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

/// Checks a period-average target against known outcomes and the projection.
///
/// Passes when known and planned growth together average inside the bound,
/// fails when they average outside it, and warns when neither outcomes nor
/// plan cover every year of the period (the required growth is then the
/// figure to read).
pub fn period_check(
    target: &PeriodTarget,
    outcomes: &[YearGrowth],
    projection: &Projection,
) -> Check {
    let in_period = |y: i32| (target.first_year..=target.last_year).contains(&y);
    let known: Vec<YearGrowth> = outcomes
        .iter()
        .filter(|o| in_period(o.year))
        .cloned()
        .collect();
    let planned: Vec<YearGrowth> = projection
        .years
        .iter()
        .filter(|y| in_period(y.year) && !known.iter().any(|k| k.year == y.year))
        .map(|y| YearGrowth {
            year: y.year,
            growth_pct: y.growth_pct,
        })
        .collect();
    let mut path: Vec<YearGrowth> = known.iter().chain(&planned).cloned().collect();
    path.sort_by_key(|g| g.year);
    let n = (target.last_year - target.first_year + 1).max(0) as usize;
    let covered = path.len() == n
        && path
            .iter()
            .zip(target.first_year..)
            .all(|(g, y)| g.year == y);
    let achieved = covered.then(|| {
        let log: f64 = path.iter().map(|g| (g.growth_pct / 100.0).ln_1p()).sum();
        100.0 * (log / n as f64).exp_m1()
    });
    let required = |avg: Option<f64>| {
        avg.and_then(|a| period_average(target.first_year, target.last_year, a, &known).ok())
            .map(|s| s.required_pct)
    };
    let required_for_min_pct = required(target.bound.min);
    let required_for_max_pct = required(target.bound.max);
    let status = match achieved {
        Some(a) if target.bound.contains(a) => CheckStatus::Pass,
        Some(_) => CheckStatus::Fail,
        None => CheckStatus::Warn,
    };
    Check {
        id: CheckId::PeriodAverage,
        year: target.last_year,
        status,
        figures: Figures::PeriodAverage(PeriodAverageFigures {
            target_id: target.id.clone(),
            first_year: target.first_year,
            target_min_pct: target.bound.min,
            target_max_pct: target.bound.max,
            known,
            planned,
            achieved_average_pct: achieved,
            required_for_min_pct,
            required_for_max_pct,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_ids_serialise_as_their_names() {
        for id in CheckId::ALL {
            assert_eq!(serde_json::to_value(id).unwrap(), id.as_str());
        }
    }
}
