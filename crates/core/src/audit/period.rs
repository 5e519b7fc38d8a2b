//! Check: does a period-average target (a five-year plan) hold, and what
//! do the remaining years need?

use serde::Serialize;

use super::{Check, CheckId, CheckStatus, Figures};
use crate::projection::Projection;
use crate::solve::{YearGrowth, period_average};
use crate::targets::{Bound, Direction};

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
    /// Which side of the bound meets it: a range of growth is met at its
    /// minimum and above unless the file says `within`.
    pub direction: Direction,
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
    /// Which side of the bound meets it.
    pub direction: Direction,
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
    /// Where the plan covers some of the remaining years but not all:
    /// growth each year after the plan needs for the target minimum, the
    /// plan's years taken as projected, percent (`null` otherwise).
    pub required_after_plan_for_min_pct: Option<f64>,
    /// The same for the target maximum, percent.
    pub required_after_plan_for_max_pct: Option<f64>,
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
    // A plan shorter than the period: what the years after it need, the
    // plan's years taken as projected (they must follow the known years
    // without a gap, as outcomes must).
    let after_plan = |avg: Option<f64>| {
        let partly_planned = !planned.is_empty() && !covered;
        avg.filter(|_| partly_planned)
            .and_then(|a| period_average(target.first_year, target.last_year, a, &path).ok())
            .map(|s| s.required_pct)
    };
    let required_after_plan_for_min_pct = after_plan(target.bound.min);
    let required_after_plan_for_max_pct = after_plan(target.bound.max);
    let lo = target.bound.min.unwrap_or(f64::NEG_INFINITY);
    let hi = target.bound.max.unwrap_or(f64::INFINITY);
    let met = |a: f64| match target.direction {
        Direction::AtLeast => a >= lo,
        Direction::AtMost => a <= hi,
        Direction::Within => (lo..=hi).contains(&a),
    };
    let status = match achieved {
        Some(a) if met(a) => CheckStatus::Pass,
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
            direction: target.direction,
            known,
            planned,
            achieved_average_pct: achieved,
            required_for_min_pct,
            required_for_max_pct,
            required_after_plan_for_min_pct,
            required_after_plan_for_max_pct,
        }),
    }
}
