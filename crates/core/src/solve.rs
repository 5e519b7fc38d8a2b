//! Solvers: what growth a target needs.
//!
//! - One component, the others fixed: `g[k] = (G* − Σ_{i≠k} w[i] g[i]) / w[k]`.
//! - A uniform add-on to every component: `a = G* − Σ w[i] g[i]` (weights sum to one).
//! - The rest of the economy, one component `k` held at its plan: the
//!   others' combined growth `(G* − w[k] g[k]) / (1 − w[k])`.
//! - A period average: after `m` known years of an `n`-year period, each
//!   remaining year needs `((1 + G*)^n / Π(1 + g[j]))^(1/(n−m)) − 1`.

use serde::Serialize;

use crate::economy::Economy;
use crate::error::{ModelError, finite, growth_pct};
use crate::plan::Plan;
use crate::projection::project;

/// Below this constant-price weight (a fraction) a component is too small
/// to carry a target: the required growth would be astronomically large.
const MIN_SOLVABLE_WEIGHT: f64 = 1e-9;

/// The growth one component needs for an aggregate target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComponentSolution {
    /// Calendar year.
    pub year: i32,
    /// Component id.
    pub component: String,
    /// Aggregate real growth target, percent.
    pub target_pct: f64,
    /// Aggregate real growth under the plan, percent.
    pub planned_aggregate_pct: f64,
    /// The component's planned growth, percent.
    pub planned_growth_pct: f64,
    /// The growth it needs, the others as planned, percent.
    pub required_growth_pct: f64,
    /// Required minus planned growth, percentage points.
    pub change_pp: f64,
    /// The component's weight (share of last year's constant-price GRDP), percent.
    pub weight_pct: f64,
}

/// The add-on to every component's growth that meets an aggregate target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UniformSolution {
    /// Calendar year.
    pub year: i32,
    /// Aggregate real growth target, percent.
    pub target_pct: f64,
    /// Aggregate real growth under the plan, percent.
    pub planned_aggregate_pct: f64,
    /// The add-on to every component's growth, percentage points.
    pub add_on_pp: f64,
    /// Each component's growth with the add-on, percent.
    pub components: Vec<ComponentGrowth>,
}

/// What the rest of the economy needs with one component held at its plan
/// (growth outside agriculture, agriculture as planned).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RestSolution {
    /// Calendar year.
    pub year: i32,
    /// The component held at its planned growth.
    pub held: String,
    /// Aggregate real growth target, percent.
    pub target_pct: f64,
    /// The held component's planned growth, percent.
    pub held_growth_pct: f64,
    /// The held component's weight (share of last year's constant-price
    /// GRDP), percent.
    pub held_weight_pct: f64,
    /// The other components' combined growth under the plan (their growth
    /// weighted at constant 2010 prices), percent.
    pub planned_rest_pct: f64,
    /// The other components' combined growth the target needs, percent.
    pub required_rest_pct: f64,
}

/// A component and a growth rate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComponentGrowth {
    /// Component id.
    pub id: String,
    /// Planned growth, percent.
    pub planned_growth_pct: f64,
    /// Growth that meets the target, percent.
    pub required_growth_pct: f64,
}

/// The growth the remaining years of a period need for a period average.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodSolution {
    /// First year of the period.
    pub first_year: i32,
    /// Last year of the period.
    pub last_year: i32,
    /// Target average growth, percent a year (geometric).
    pub average_pct: f64,
    /// The years already known and their growth, percent.
    pub known: Vec<YearGrowth>,
    /// Geometric average growth of the known years, percent a year.
    pub known_average_pct: Option<f64>,
    /// The years still to come.
    pub remaining_years: Vec<i32>,
    /// Growth each remaining year needs, percent (the same every year).
    pub required_pct: f64,
}

/// A year and its growth.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearGrowth {
    /// Calendar year.
    pub year: i32,
    /// Real growth, percent.
    pub growth_pct: f64,
}

fn weights_and_growth(
    economy: &Economy,
    plan: &Plan,
    year: i32,
) -> Result<(Vec<f64>, Vec<f64>), ModelError> {
    let projection = project(economy, plan);
    let (weights, _) = projection
        .weights_for(year)
        .ok_or_else(|| ModelError::Unsolvable {
            what: format!("growth for {year}"),
            reason: format!(
                "the plan does not cover {year}; it covers {}",
                plan_years(plan)
            ),
        })?;
    let growth = plan
        .year(year)
        .map(|y| y.real_growth_pct.clone())
        .unwrap_or_default();
    Ok((weights, growth))
}

fn plan_years(plan: &Plan) -> String {
    match (plan.years().first(), plan.years().last()) {
        (Some(a), Some(b)) => format!("{}-{}", a.year, b.year),
        _ => "no years".into(),
    }
}

/// The growth component `component` needs in `year` for aggregate real
/// growth of `target_pct`, every other component as planned.
pub fn component_for_target(
    economy: &Economy,
    plan: &Plan,
    year: i32,
    target_pct: f64,
    component: &str,
) -> Result<ComponentSolution, ModelError> {
    finite(|| "target_pct".into(), target_pct)?;
    let k = economy.require_index("component", component)?;
    let (w, g) = weights_and_growth(economy, plan, year)?;
    if w[k] < MIN_SOLVABLE_WEIGHT {
        return Err(ModelError::Unsolvable {
            what: format!("the growth of `{component}` for {target_pct}% in {year}"),
            reason: if w[k] == 0.0 {
                "its weight at constant 2010 prices is 0 %: its growth does not move the aggregate"
                    .to_string()
            } else {
                format!(
                    "its weight at constant 2010 prices is {:.2e} %, too small for its growth to move the aggregate",
                    100.0 * w[k]
                )
            },
        });
    }
    let others: f64 = (0..w.len()).filter(|&i| i != k).map(|i| w[i] * g[i]).sum();
    let required = (target_pct - others) / w[k];
    let planned_aggregate: f64 = w.iter().zip(&g).map(|(wi, gi)| wi * gi).sum();
    Ok(ComponentSolution {
        year,
        component: component.to_string(),
        target_pct,
        planned_aggregate_pct: planned_aggregate,
        planned_growth_pct: g[k],
        required_growth_pct: required,
        change_pp: required - g[k],
        weight_pct: 100.0 * w[k],
    })
}

/// The combined growth every component but `held` needs in `year` for
/// aggregate real growth of `target_pct`, `held` as planned: how fast the
/// economy outside agriculture must grow with agriculture at its plan.
pub fn rest_for_target(
    economy: &Economy,
    plan: &Plan,
    year: i32,
    target_pct: f64,
    held: &str,
) -> Result<RestSolution, ModelError> {
    finite(|| "target_pct".into(), target_pct)?;
    let k = economy.require_index("component", held)?;
    let (w, g) = weights_and_growth(economy, plan, year)?;
    let rest_weight = 1.0 - w[k];
    if rest_weight < MIN_SOLVABLE_WEIGHT {
        return Err(ModelError::Unsolvable {
            what: format!("the growth of the economy outside `{held}` for {target_pct}% in {year}"),
            reason: format!(
                "`{held}` is the whole economy at constant 2010 prices ({:.2} %): nothing else moves the aggregate",
                100.0 * w[k]
            ),
        });
    }
    let rest: f64 = (0..w.len()).filter(|&i| i != k).map(|i| w[i] * g[i]).sum();
    Ok(RestSolution {
        year,
        held: held.to_string(),
        target_pct,
        held_growth_pct: g[k],
        held_weight_pct: 100.0 * w[k],
        planned_rest_pct: rest / rest_weight,
        required_rest_pct: (target_pct - w[k] * g[k]) / rest_weight,
    })
}

/// The add-on to every component's growth in `year` for aggregate real
/// growth of `target_pct`.
pub fn uniform_for_target(
    economy: &Economy,
    plan: &Plan,
    year: i32,
    target_pct: f64,
) -> Result<UniformSolution, ModelError> {
    finite(|| "target_pct".into(), target_pct)?;
    let (w, g) = weights_and_growth(economy, plan, year)?;
    let planned: f64 = w.iter().zip(&g).map(|(wi, gi)| wi * gi).sum();
    let add_on = target_pct - planned;
    Ok(UniformSolution {
        year,
        target_pct,
        planned_aggregate_pct: planned,
        add_on_pp: add_on,
        components: economy
            .components()
            .iter()
            .zip(&g)
            .map(|(c, gi)| ComponentGrowth {
                id: c.id.clone(),
                planned_growth_pct: *gi,
                required_growth_pct: gi + add_on,
            })
            .collect(),
    })
}

/// The growth each remaining year of `first_year..=last_year` needs so
/// that the period's geometric average growth is `average_pct`, given the
/// growth of the years already known (`known`, in any order, each inside
/// the period).
pub fn period_average(
    first_year: i32,
    last_year: i32,
    average_pct: f64,
    known: &[YearGrowth],
) -> Result<PeriodSolution, ModelError> {
    let what =
        || format!("the growth {first_year}-{last_year} needs for an average of {average_pct}%");
    growth_pct(|| "average_pct".into(), average_pct)?;
    if last_year < first_year {
        return Err(ModelError::Unsolvable {
            what: what(),
            reason: format!("the period ends ({last_year}) before it starts ({first_year})"),
        });
    }
    // Plans run years, not centuries: the bound also keeps the year
    // arithmetic below far from overflowing.
    const LONGEST_PERIOD_YEARS: i64 = 1000;
    let span = i64::from(last_year) - i64::from(first_year) + 1;
    if span > LONGEST_PERIOD_YEARS {
        return Err(ModelError::Unsolvable {
            what: what(),
            reason: format!(
                "the period runs {span} years; expected at most {LONGEST_PERIOD_YEARS}"
            ),
        });
    }
    let mut known: Vec<YearGrowth> = known
        .iter()
        .filter(|k| (first_year..=last_year).contains(&k.year))
        .cloned()
        .collect();
    known.sort_by_key(|k| k.year);
    for k in &known {
        growth_pct(|| format!("outcome {}", k.year), k.growth_pct)?;
    }
    // Known years must be the period's first years, without gaps.
    for (i, k) in known.iter().enumerate() {
        // Inside the period (at most LONGEST_PERIOD_YEARS long), so no
        // overflow; a repeated year shows as a gap.
        let expected = first_year.saturating_add(i32::try_from(i).unwrap_or(i32::MAX));
        if k.year != expected {
            return Err(ModelError::Unsolvable {
                what: what(),
                reason: format!(
                    "no outcome is given for {expected}; expected the period's known years to run from {first_year} without gaps"
                ),
            });
        }
    }
    let n = span as usize;
    let m = known.len();
    if m >= n {
        return Err(ModelError::Unsolvable {
            what: what(),
            reason: "every year of the period is already known; nothing remains to solve".into(),
        });
    }
    let log_known: f64 = known.iter().map(|k| (k.growth_pct / 100.0).ln_1p()).sum();
    let log_total = n as f64 * (average_pct / 100.0).ln_1p();
    let required = ((log_total - log_known) / (n - m) as f64).exp_m1();
    Ok(PeriodSolution {
        first_year,
        last_year,
        average_pct,
        known_average_pct: (m > 0).then(|| 100.0 * (log_known / m as f64).exp_m1()),
        known,
        remaining_years: (first_year + m as i32..=last_year).collect(),
        required_pct: 100.0 * required,
    })
}
