//! Small scenarios and specifications the engine's tests share.
#![allow(dead_code)]

use grdp_core::{
    BaseYear, Bound, Component, ConstantPriceBase, Direction, Economy, Indicator, Plan, Scenario,
    Target, TargetSet, YearPlan,
};
use grdp_montecarlo::{Centre, InputUncertainty, Marginal, UncertaintySpec, View};

/// An economy of `weights` (percent) with one plan year (2025) of `growth`
/// and an aggregate target of at least `target`.
pub fn one_year(weights: &[f64], growth: &[f64], target: f64) -> Scenario {
    years(weights, &[growth.to_vec()], 2025, target)
}

/// An economy of `weights` (percent), base year 2024, with a plan year per
/// entry of `growth`, and an aggregate target of at least `target` in `year`.
pub fn years(weights: &[f64], growth: &[Vec<f64>], year: i32, target: f64) -> Scenario {
    let k = weights.len();
    let economy = Economy::new(
        (0..k)
            .map(|i| Component::value_added(format!("c{i}")))
            .collect(),
        BaseYear {
            year: 2024,
            current_bn_vnd: None,
            constant: ConstantPriceBase::WeightsPct(weights.to_vec()),
            population_thousand: None,
            employed_thousand: None,
        },
    )
    .unwrap();
    let plan = Plan::new(
        &economy,
        growth
            .iter()
            .enumerate()
            .map(|(t, g)| YearPlan {
                year: 2025 + t as i32,
                real_growth_pct: g.clone(),
                prices: None,
                population_growth_pct: None,
                employment_growth_pct: None,
            })
            .collect(),
    )
    .unwrap();
    let targets = TargetSet::new(
        &economy,
        vec![Target {
            id: "growth".into(),
            year,
            indicator: Indicator::GrowthPct,
            component: None,
            bound: Bound {
                min: Some(target),
                max: None,
            },
            direction: Direction::AtLeast,
        }],
    )
    .unwrap();
    Scenario::new("test", economy, plan, targets, vec![], vec![]).unwrap()
}

/// One view, the distributions as written.
pub fn spec_as_written(growth: Vec<Marginal>) -> UncertaintySpec {
    UncertaintySpec {
        growth,
        growth_by_year: Default::default(),
        rank_correlation: None,
        persistence: 0.0,
        inputs: InputUncertainty::default(),
        views: vec![View {
            id: "as_written".into(),
            name_en: "as written".into(),
            name_vi: "như đã ghi".into(),
            centre: Centre::AsWritten,
        }],
        preferred_view: None,
        supported_sd_pp: Vec::new(),
    }
}

/// Runs `f` on a pool of `threads`.
pub fn in_pool<T: Send>(threads: usize, f: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap()
        .install(f)
}
