//! A two-component economy where every figure is worked out by hand.
//!
//! Base 2024: constant-2010-price levels A = 200, B = 800 billion VND
//! (weights 20 % and 80 %); current-price levels A = 300, B = 900 (shares
//! 25 % and 75 %); 100 thousand people, 50 thousand workers.
//! Plan 2025: real growth A 5 %, B 10 %; deflators A +2 %, B +4 %;
//! population +1 %, employment +2 %.
//! Plan 2026: real growth A 0 %, B −10 %; one GRDP deflator of 0 %.
//!
//! The arithmetic is exact in decimal, so the tolerance (1e-9) only absorbs
//! binary floating-point rounding.

use approx::assert_abs_diff_eq;
use grdp_core::audit::{CheckId, CheckStatus, Figures};
use grdp_core::solve::{self, YearGrowth};
use grdp_core::{
    BaseYear, Bound, Component, ConstantPriceBase, Direction, Economy, Indicator, Plan, PricePath,
    Target, TargetSet, TargetStatus, YearPlan, audit, evaluate, project,
};

const EPS: f64 = 1e-9;

fn economy() -> Economy {
    Economy::new(
        vec![Component::value_added("a"), Component::value_added("b")],
        BaseYear {
            year: 2024,
            current_bn_vnd: Some(vec![300.0, 900.0]),
            constant: ConstantPriceBase::LevelsBnVnd(vec![200.0, 800.0]),
            population_thousand: Some(100.0),
            employed_thousand: Some(50.0),
        },
    )
    .unwrap()
}

fn plan(economy: &Economy) -> Plan {
    Plan::new(
        economy,
        vec![
            YearPlan {
                year: 2025,
                real_growth_pct: vec![5.0, 10.0],
                prices: Some(PricePath::PerComponentPct(vec![2.0, 4.0])),
                population_growth_pct: Some(1.0),
                employment_growth_pct: Some(2.0),
            },
            YearPlan {
                year: 2026,
                real_growth_pct: vec![0.0, -10.0],
                prices: Some(PricePath::GrdpDeflatorPct(0.0)),
                population_growth_pct: None,
                employment_growth_pct: None,
            },
        ],
    )
    .unwrap()
}

fn target(
    id: &str,
    indicator: Indicator,
    component: Option<&str>,
    min: Option<f64>,
    max: Option<f64>,
) -> Target {
    Target {
        id: id.into(),
        year: 2025,
        indicator,
        component: component.map(str::to_string),
        bound: Bound { min, max },
        direction: Direction::default_for(indicator, &Bound { min, max }),
    }
}

#[test]
fn first_year_every_figure() {
    let e = economy();
    let p = project(&e, &plan(&e));
    let y = &p.years[0];
    // Levels at constant prices: 200·1.05 = 210, 800·1.10 = 880; total 1090.
    assert_abs_diff_eq!(y.grdp_constant_bn_vnd.unwrap(), 1090.0, epsilon = EPS);
    assert_abs_diff_eq!(
        y.components[0].constant_bn_vnd.unwrap(),
        210.0,
        epsilon = EPS
    );
    assert_abs_diff_eq!(
        y.components[1].constant_bn_vnd.unwrap(),
        880.0,
        epsilon = EPS
    );
    // Growth 1090/1000 − 1 = 9 %; weights 20 / 80; contributions 1.0 and 8.0 pp.
    assert_abs_diff_eq!(y.growth_pct, 9.0, epsilon = EPS);
    assert_abs_diff_eq!(y.components[0].weight_pct, 20.0, epsilon = EPS);
    assert_abs_diff_eq!(y.components[1].weight_pct, 80.0, epsilon = EPS);
    assert_abs_diff_eq!(y.components[0].contribution_pp, 1.0, epsilon = EPS);
    assert_abs_diff_eq!(y.components[1].contribution_pp, 8.0, epsilon = EPS);
    // Share of the increase: 1/9 and 8/9.
    assert_abs_diff_eq!(
        y.components[0].share_of_increase_pct.unwrap(),
        100.0 / 9.0,
        epsilon = EPS
    );
    assert_abs_diff_eq!(
        y.components[1].share_of_increase_pct.unwrap(),
        800.0 / 9.0,
        epsilon = EPS
    );
    // Current prices: 300·1.05·1.02 = 321.3; 900·1.10·1.04 = 1029.6; total 1350.9.
    assert_abs_diff_eq!(
        y.components[0].current_bn_vnd.unwrap(),
        321.3,
        epsilon = EPS
    );
    assert_abs_diff_eq!(
        y.components[1].current_bn_vnd.unwrap(),
        1029.6,
        epsilon = EPS
    );
    assert_abs_diff_eq!(y.grdp_current_bn_vnd.unwrap(), 1350.9, epsilon = EPS);
    // Structure: 321.3 / 1350.9 = 23.784143904...%.
    assert_abs_diff_eq!(
        y.components[0].share_current_pct.unwrap(),
        100.0 * 321.3 / 1350.9,
        epsilon = EPS
    );
    assert_abs_diff_eq!(
        y.components[1].share_current_pct.unwrap(),
        100.0 * 1029.6 / 1350.9,
        epsilon = EPS
    );
    // Nominal growth 1350.9/1200 − 1 = 12.575 %; deflator 1.12575/1.09 − 1 = 3.2798165...%.
    assert_abs_diff_eq!(y.nominal_growth_pct.unwrap(), 12.575, epsilon = EPS);
    assert_abs_diff_eq!(
        y.deflator_growth_pct.unwrap(),
        100.0 * (1.12575 / 1.09 - 1.0),
        epsilon = EPS
    );
    // People: 101 thousand; per capita 1350.9/101 = 13.3752475 million VND.
    assert_abs_diff_eq!(y.population_thousand.unwrap(), 101.0, epsilon = EPS);
    assert_abs_diff_eq!(
        y.grdp_per_capita_mn_vnd.unwrap(),
        1350.9 / 101.0,
        epsilon = EPS
    );
    // Workers: 51 thousand; productivity 1350.9/51 = 26.488235 million VND;
    // real productivity growth 1.09/1.02 − 1 = 6.862745 %.
    assert_abs_diff_eq!(y.employed_thousand.unwrap(), 51.0, epsilon = EPS);
    assert_abs_diff_eq!(
        y.labour_productivity_mn_vnd.unwrap(),
        1350.9 / 51.0,
        epsilon = EPS
    );
    assert_abs_diff_eq!(
        y.labour_productivity_growth_pct.unwrap(),
        100.0 * (1.09 / 1.02 - 1.0),
        epsilon = EPS
    );
    // The base snapshot: per capita 12, productivity 24.
    assert_abs_diff_eq!(p.base.grdp_per_capita_mn_vnd.unwrap(), 12.0, epsilon = EPS);
    assert_abs_diff_eq!(
        p.base.labour_productivity_mn_vnd.unwrap(),
        24.0,
        epsilon = EPS
    );
}

#[test]
fn second_year_rolls_weights_and_holds_the_deflator() {
    let e = economy();
    let p = project(&e, &plan(&e));
    let y = &p.years[1];
    // Weights are 2025's constant-price structure: 210/1090 and 880/1090.
    assert_abs_diff_eq!(
        y.components[0].weight_pct,
        100.0 * 210.0 / 1090.0,
        epsilon = EPS
    );
    // Levels 210 and 792; growth 1002/1090 − 1.
    assert_abs_diff_eq!(y.grdp_constant_bn_vnd.unwrap(), 1002.0, epsilon = EPS);
    assert_abs_diff_eq!(y.growth_pct, 100.0 * (1002.0 / 1090.0 - 1.0), epsilon = EPS);
    // One GRDP deflator of 0 %: nominal growth equals real growth.
    assert_abs_diff_eq!(y.deflator_growth_pct.unwrap(), 0.0, epsilon = EPS);
    assert_abs_diff_eq!(y.nominal_growth_pct.unwrap(), y.growth_pct, epsilon = EPS);
    // The whole fall is B's: share of the decrease 0 % and 100 %.
    assert_abs_diff_eq!(
        y.components[0].share_of_increase_pct.unwrap(),
        0.0,
        epsilon = EPS
    );
    assert_abs_diff_eq!(
        y.components[1].share_of_increase_pct.unwrap(),
        100.0,
        epsilon = EPS
    );
    // Population growth unknown in 2026: per capita unknown, not invented.
    assert!(y.population_thousand.is_none());
    assert!(y.grdp_per_capita_mn_vnd.is_none());
}

#[test]
fn targets_met_and_missed_by_how_much() {
    let e = economy();
    let p = project(&e, &plan(&e));
    let targets = TargetSet::new(
        &e,
        vec![
            target("growth", Indicator::GrowthPct, None, Some(9.5), None),
            target(
                "b_share",
                Indicator::ShareCurrentPct,
                Some("b"),
                Some(76.0),
                Some(77.0),
            ),
            target(
                "per_capita",
                Indicator::GrdpPerCapitaMnVnd,
                None,
                Some(13.0),
                Some(13.5),
            ),
        ],
    )
    .unwrap();
    let out = evaluate(&e, &targets, &p);
    assert_eq!(out[0].status, TargetStatus::Missed);
    assert_abs_diff_eq!(out[0].margin.unwrap(), -0.5, epsilon = EPS);
    assert_eq!(out[1].status, TargetStatus::Met);
    // 76.2158... − 76 (nearer than 77).
    assert_abs_diff_eq!(
        out[1].margin.unwrap(),
        100.0 * 1029.6 / 1350.9 - 76.0,
        epsilon = EPS
    );
    // Per capita 13-13.5 is at least 13 (the default for a range of a level
    // that is better higher): 13.375 meets it by 0.375 above the minimum.
    assert_eq!(out[2].status, TargetStatus::Met);
    assert_abs_diff_eq!(out[2].margin.unwrap(), 1350.9 / 101.0 - 13.0, epsilon = EPS);
}

#[test]
fn solvers_by_hand() {
    let e = economy();
    let pl = plan(&e);
    // B needs (10 − 0.2·5) / 0.8 = 11.25 % for 10 % in 2025.
    let s = solve::component_for_target(&e, &pl, 2025, 10.0, "b").unwrap();
    assert_abs_diff_eq!(s.required_growth_pct, 11.25, epsilon = EPS);
    assert_abs_diff_eq!(s.change_pp, 1.25, epsilon = EPS);
    // Outside A (5 % on a weight of 0.2): (10 − 0.2·5) / 0.8 = 11.25 % for
    // 10 %, against (9 − 1) / 0.8 = 10 % as planned.
    let r = solve::rest_for_target(&e, &pl, 2025, 10.0, "a").unwrap();
    assert_abs_diff_eq!(r.required_rest_pct, 11.25, epsilon = EPS);
    assert_abs_diff_eq!(r.planned_rest_pct, 10.0, epsilon = EPS);
    assert_abs_diff_eq!(r.held_weight_pct, 20.0, epsilon = EPS);
    // Uniform add-on: 10 − 9 = 1 pp.
    let u = solve::uniform_for_target(&e, &pl, 2025, 10.0).unwrap();
    assert_abs_diff_eq!(u.add_on_pp, 1.0, epsilon = EPS);
    assert_abs_diff_eq!(u.components[0].required_growth_pct, 6.0, epsilon = EPS);
    // Period 2021-2025 averaging 7.5 % after −2.79, 12.64, 5.75, 7.12:
    // 1.075^5 = 1.4356293262, Π = 0.9721·1.1264·1.0575·1.0712 = 1.2403793430,
    // so 2025 needs 1.4356293262 / 1.2403793430 − 1 = 15.7411508 %.
    let known: Vec<YearGrowth> = [(2021, -2.79), (2022, 12.64), (2023, 5.75), (2024, 7.12)]
        .into_iter()
        .map(|(year, growth_pct)| YearGrowth { year, growth_pct })
        .collect();
    let period = solve::period_average(2021, 2025, 7.5, &known).unwrap();
    assert_abs_diff_eq!(period.required_pct, 15.741_150_8, epsilon = 1e-6);
    assert_eq!(period.remaining_years, vec![2025]);
}

/// Regression (panic audit): a library caller's period of two billion
/// years overflowed the year arithmetic; it is refused as no plan, and the
/// extremes of `i32` are safe.
#[test]
fn a_period_of_centuries_is_refused_not_overflowed() {
    for (first, last) in [(0, i32::MAX), (i32::MIN, i32::MAX), (2024, 3024)] {
        let e = solve::period_average(first, last, 7.5, &[]).unwrap_err();
        assert!(e.to_string().contains("expected at most 1000"), "{e}");
    }
    let near_end = solve::period_average(i32::MAX - 1, i32::MAX, 7.5, &[]).unwrap();
    assert_eq!(near_end.remaining_years, vec![i32::MAX - 1, i32::MAX]);
    // A thousand years is still a period (the bound is inclusive).
    assert!(solve::period_average(2024, 3023, 7.5, &[]).is_ok());
}

#[test]
fn audit_by_hand() {
    let e = economy();
    let pl = plan(&e);
    let p = project(&e, &pl);
    let targets = TargetSet::new(
        &e,
        vec![
            target("growth", Indicator::GrowthPct, None, Some(9.5), None),
            target("a_growth", Indicator::GrowthPct, Some("a"), Some(5.0), None),
            target(
                "b_growth",
                Indicator::GrowthPct,
                Some("b"),
                Some(10.0),
                None,
            ),
            target(
                "a_share",
                Indicator::ShareCurrentPct,
                Some("a"),
                Some(23.0),
                Some(24.0),
            ),
            target(
                "b_share",
                Indicator::ShareCurrentPct,
                Some("b"),
                Some(76.0),
                Some(77.0),
            ),
            target(
                "per_capita",
                Indicator::GrdpPerCapitaMnVnd,
                None,
                Some(13.0),
                Some(13.5),
            ),
            target(
                "lp",
                Indicator::LabourProductivityMnVnd,
                None,
                Some(26.0),
                Some(27.0),
            ),
            target(
                "lp_growth",
                Indicator::LabourProductivityGrowthPct,
                None,
                Some(6.0),
                Some(7.0),
            ),
        ],
    )
    .unwrap();
    let a = audit(&e, &pl, &targets, &p);
    let find = |id: CheckId| a.checks.iter().find(|c| c.id == id).unwrap();

    // Sector targets imply 0.2·5 + 0.8·10 = 9.0 (constant weights) and
    // 0.25·5 + 0.75·10 = 8.75 (current shares): both short of 9.5.
    let c = find(CheckId::SectorGrowthVsAggregate);
    assert_eq!(c.status, CheckStatus::Fail);
    let Figures::SectorGrowth(f) = &c.figures else {
        panic!("wrong figures")
    };
    assert_abs_diff_eq!(f.implied_constant_weights_pct, 9.0, epsilon = EPS);
    assert_abs_diff_eq!(f.implied_current_shares_pct.unwrap(), 8.75, epsilon = EPS);
    assert_abs_diff_eq!(f.gap_constant_pp, -0.5, epsilon = EPS);
    // The weights' uncertainty, to first order: moving a weight by d moves
    // the 9.0 by d·(g − 9.0)/100. Agriculture's ±1 pp gives (5 − 9)/100 =
    // 0.04; with industry's ±0.5 pp, 0.5·(10 − 9)/100 = 0.005, independent:
    // √(0.04² + 0.005²) = √0.001625 = 0.0403113.
    assert_abs_diff_eq!(
        f.sd_from_weights_pp(&[1.0, 0.0]).unwrap(),
        0.04,
        epsilon = EPS
    );
    assert_abs_diff_eq!(
        f.sd_from_weights_pp(&[1.0, 0.5]).unwrap(),
        0.040_311_3,
        epsilon = 1e-7
    );
    // First order is close to the exact move: weights 21 and 80, rescaled,
    // give (21·5 + 80·10)/101 = 8.960396, 0.0396 below 9.0 (1 % off 0.04).
    assert!(
        f.sd_from_weights_pp(&[1.0]).is_none(),
        "one spread for two sectors"
    );

    // Ranges sum to 99..101: 100 is reachable.
    let c = find(CheckId::StructureSumsTo100);
    assert_eq!(c.status, CheckStatus::Pass);
    let Figures::StructureSum(f) = &c.figures else {
        panic!("wrong figures")
    };
    assert_abs_diff_eq!(f.sum_min_pct, 99.0, epsilon = EPS);
    assert_abs_diff_eq!(f.sum_max_pct, 101.0, epsilon = EPS);

    // At common prices A would hold 315/1305 = 24.1379 %, above its 24 % cap.
    // The nearest feasible structure is 24 / 76: A's prices must fall
    // 24/24.1379 − 1 = −0.5714 % against the average, B's rise 76/75.8621 − 1.
    // The plan's own deflators (+2 %, +4 %) already land inside: pass.
    let c = find(CheckId::StructurePricePath);
    assert_eq!(c.status, CheckStatus::Pass);
    let Figures::StructurePrice(f) = &c.figures else {
        panic!("wrong figures")
    };
    assert!(f.feasible);
    assert_abs_diff_eq!(
        f.components[0].share_at_common_prices_pct,
        100.0 * 315.0 / 1305.0,
        epsilon = EPS
    );
    assert_abs_diff_eq!(f.components[0].share_required_pct, 24.0, epsilon = 1e-9);
    assert_abs_diff_eq!(f.components[1].share_required_pct, 76.0, epsilon = 1e-9);
    assert_abs_diff_eq!(
        f.components[0].relative_price_change_pct.unwrap(),
        100.0 * (24.0 / (100.0 * 315.0 / 1305.0) - 1.0),
        epsilon = 1e-9
    );

    // Per capita 13..13.5 with 101 thousand people on a base of 1200:
    // nominal growth 13·101/1200 − 1 = 9.41667 % to 13.5·101/1200 − 1 = 13.625 %.
    let c = find(CheckId::PerCapita);
    assert_eq!(c.status, CheckStatus::Pass);
    let Figures::PerCapita(f) = &c.figures else {
        panic!("wrong figures")
    };
    assert_abs_diff_eq!(
        f.required_nominal_growth_min_pct.unwrap(),
        100.0 * (13.0 * 101.0 / 1200.0 - 1.0),
        epsilon = EPS
    );
    assert_abs_diff_eq!(
        f.required_nominal_growth_max_pct.unwrap(),
        13.625,
        epsilon = EPS
    );
    assert_abs_diff_eq!(
        f.implied_deflator_min_pct.unwrap(),
        100.0 * ((13.0 * 101.0 / 1200.0) / 1.09 - 1.0),
        epsilon = EPS
    );

    // Productivity growth 6..7 % at 9 % real growth: employment grows
    // 1.09/1.07 − 1 = 1.869 % to 1.09/1.06 − 1 = 2.830 %.
    let c = find(CheckId::LabourProductivity);
    assert_eq!(c.status, CheckStatus::Pass);
    let Figures::LabourProductivity(f) = &c.figures else {
        panic!("wrong figures")
    };
    assert_abs_diff_eq!(
        f.implied_employment_growth_min_pct.unwrap(),
        100.0 * (1.09 / 1.07 - 1.0),
        epsilon = EPS
    );
    assert_abs_diff_eq!(
        f.implied_employment_growth_max_pct.unwrap(),
        100.0 * (1.09 / 1.06 - 1.0),
        epsilon = EPS
    );
    assert_abs_diff_eq!(
        f.implied_employed_min_thousand.unwrap(),
        1350.9 / 27.0,
        epsilon = EPS
    );
}

#[test]
fn infeasible_structure_is_reported_with_its_sum() {
    let e = economy();
    let pl = plan(&e);
    let p = project(&e, &pl);
    let targets = TargetSet::new(
        &e,
        vec![
            target(
                "a_share",
                Indicator::ShareCurrentPct,
                Some("a"),
                Some(30.0),
                Some(31.0),
            ),
            target(
                "b_share",
                Indicator::ShareCurrentPct,
                Some("b"),
                Some(71.0),
                Some(72.0),
            ),
        ],
    )
    .unwrap();
    let a = audit(&e, &pl, &targets, &p);
    let sum = a
        .checks
        .iter()
        .find(|c| c.id == CheckId::StructureSumsTo100)
        .unwrap();
    assert_eq!(sum.status, CheckStatus::Fail);
    let path = a
        .checks
        .iter()
        .find(|c| c.id == CheckId::StructurePricePath)
        .unwrap();
    assert_eq!(path.status, CheckStatus::Fail);
    let Figures::StructurePrice(f) = &path.figures else {
        panic!("wrong figures")
    };
    assert!(!f.feasible);
    // Midpoints 30.5 and 71.5 rescaled to sum to 100: 30.5/102.
    assert_abs_diff_eq!(
        f.components[0].share_required_pct,
        100.0 * 30.5 / 102.0,
        epsilon = EPS
    );
}

#[test]
fn product_taxes_stay_out_of_the_share_of_increase() {
    let e = Economy::new(
        vec![
            Component::value_added("va"),
            Component::product_taxes("taxes"),
        ],
        BaseYear {
            year: 2024,
            current_bn_vnd: None,
            constant: ConstantPriceBase::WeightsPct(vec![90.0, 10.0]),
            population_thousand: None,
            employed_thousand: None,
        },
    )
    .unwrap();
    let pl = Plan::new(
        &e,
        vec![YearPlan {
            year: 2025,
            real_growth_pct: vec![5.0, 20.0],
            prices: None,
            population_growth_pct: None,
            employment_growth_pct: None,
        }],
    )
    .unwrap();
    let y = &project(&e, &pl).years[0];
    // 0.9·5 + 0.1·20 = 6.5; value added alone is 100 % of the value-added increase.
    assert_abs_diff_eq!(y.growth_pct, 6.5, epsilon = EPS);
    assert_abs_diff_eq!(
        y.components[0].share_of_increase_pct.unwrap(),
        100.0,
        epsilon = EPS
    );
    assert!(y.components[1].share_of_increase_pct.is_none());
    // Levels were not given: constant-price levels stay unknown, not invented.
    assert!(y.grdp_constant_bn_vnd.is_none());
    assert!(y.components[0].current_bn_vnd.is_none());
}

/// Numeric edges: a component of weight zero, growth of −99.9 %, a
/// hundred-year horizon, and growth that overflows the levels.
mod edges {
    use super::*;
    use grdp_core::ModelError;

    fn economy(weights: Vec<f64>) -> Economy {
        Economy::new(
            (0..weights.len())
                .map(|i| Component::value_added(format!("c{i}")))
                .collect(),
            BaseYear {
                year: 2024,
                current_bn_vnd: Some(vec![100.0; weights.len()]),
                constant: ConstantPriceBase::WeightsPct(weights),
                population_thousand: Some(10.0),
                employed_thousand: Some(5.0),
            },
        )
        .unwrap()
    }

    fn years(e: &Economy, growth: Vec<f64>, n: i32) -> Plan {
        Plan::new(
            e,
            (0..n)
                .map(|i| YearPlan {
                    year: 2025 + i,
                    real_growth_pct: growth.clone(),
                    prices: Some(PricePath::GrdpDeflatorPct(3.0)),
                    population_growth_pct: Some(1.0),
                    employment_growth_pct: Some(1.0),
                })
                .collect(),
        )
        .unwrap()
    }

    fn all_finite(p: &grdp_core::Projection) -> bool {
        p.years.iter().all(|y| {
            y.growth_pct.is_finite()
                && y.grdp_current_bn_vnd.is_some_and(f64::is_finite)
                && y.components.iter().all(|c| {
                    c.contribution_pp.is_finite() && c.share_current_pct.is_some_and(f64::is_finite)
                })
        })
    }

    #[test]
    fn a_component_of_weight_zero_contributes_nothing_and_cannot_carry_a_target() {
        let e = economy(vec![0.0, 100.0]);
        let pl = years(&e, vec![50.0, 5.0], 1);
        let p = project(&e, &pl);
        assert!(all_finite(&p));
        assert_abs_diff_eq!(p.years[0].growth_pct, 5.0, epsilon = EPS);
        assert_abs_diff_eq!(p.years[0].components[0].contribution_pp, 0.0, epsilon = EPS);
        let err = solve::component_for_target(&e, &pl, 2025, 6.0, "c0").unwrap_err();
        assert!(matches!(err, ModelError::Unsolvable { .. }), "{err}");
        assert!(err.to_string().contains("weight"), "{err}");
    }

    #[test]
    fn growth_of_minus_99_9_percent_stays_finite() {
        let e = economy(vec![50.0, 50.0]);
        let p = project(&e, &years(&e, vec![-99.9, -99.9], 3));
        assert!(all_finite(&p));
        // Three years at −99.9 %: each level is a thousandth of the year before.
        assert_abs_diff_eq!(p.years[2].growth_pct, -99.9, epsilon = 1e-9);
    }

    #[test]
    fn a_hundred_year_horizon_stays_finite() {
        let e = economy(vec![30.0, 70.0]);
        let p = project(&e, &years(&e, vec![3.0, 8.0], 100));
        assert_eq!(p.years.len(), 100);
        assert!(all_finite(&p));
        assert_eq!(p.years[99].year, 2124);
    }

    #[test]
    fn growth_that_overflows_the_levels_shows_as_non_finite() {
        // 1e6 % a year for a hundred years: levels pass f64::MAX. The
        // projection does not hide it; the CLI checks and reports the year.
        let e = economy(vec![50.0, 50.0]);
        let p = project(&e, &years(&e, vec![1e6, 1e6], 100));
        assert!(!all_finite(&p));
        let first_bad = p
            .years
            .iter()
            .find(|y| !y.grdp_current_bn_vnd.is_some_and(f64::is_finite))
            .unwrap();
        assert!(first_bad.year > 2025 && first_bad.year < 2124);
    }
}

/// A target is scored by the way it points (issue "Right answers off the
/// built-in path"): at least, at most, or within its range.
#[test]
fn targets_are_scored_by_their_direction() {
    let mk = |direction, min, max| Target {
        id: "t".into(),
        year: 2025,
        indicator: Indicator::GrdpPerCapitaMnVnd,
        component: None,
        bound: Bound { min, max },
        direction,
    };
    // Status exactly; the margin to 1e-12 (decimal inputs, one subtraction).
    let scored = |t: &Target, value: f64, status: TargetStatus, margin: f64| {
        let (got, m) = t.assess(value);
        assert_eq!(got, status, "{value}");
        approx::assert_abs_diff_eq!(m, margin, epsilon = 1e-12);
    };
    // "113-115 million VND" read as at least 113: 119 meets it and goes
    // beyond (exceeded), by 6 above the minimum; 110 misses it by 3.
    let at_least = mk(Direction::AtLeast, Some(113.0), Some(115.0));
    scored(&at_least, 119.0, TargetStatus::Exceeded, 6.0);
    scored(&at_least, 114.0, TargetStatus::Met, 1.0);
    scored(&at_least, 110.0, TargetStatus::Missed, -3.0);
    // The same range as a two-sided structure target: 119 misses by 4.
    let within = mk(Direction::Within, Some(113.0), Some(115.0));
    scored(&within, 119.0, TargetStatus::Missed, -4.0);
    scored(&within, 114.5, TargetStatus::Met, 0.5);
    // At most 4.5 (an inflation ceiling): 3 is met with room 1.5, below a
    // stated floor of 4 it is beyond the range the good way.
    let at_most = mk(Direction::AtMost, Some(4.0), Some(4.5));
    scored(&at_most, 4.2, TargetStatus::Met, 0.3);
    scored(&at_most, 3.0, TargetStatus::Exceeded, 1.5);
    scored(&at_most, 5.0, TargetStatus::Missed, -0.5);
    // Defaults: a single bound points its own way; a range is within for
    // shares and the deflator, at least for everything better higher.
    let range = Bound {
        min: Some(1.0),
        max: Some(2.0),
    };
    assert_eq!(
        Direction::default_for(Indicator::GrdpPerCapitaMnVnd, &range),
        Direction::AtLeast
    );
    assert_eq!(
        Direction::default_for(Indicator::ShareCurrentPct, &range),
        Direction::Within
    );
    assert_eq!(
        Direction::default_for(
            Indicator::ShareCurrentPct,
            &Bound {
                min: None,
                max: Some(2.0)
            }
        ),
        Direction::AtMost
    );
    // A direction needs the bound on its side.
    let e = TargetSet::new(&economy(), vec![mk(Direction::AtMost, Some(113.0), None)]).unwrap_err();
    assert!(e.to_string().contains("at_most\" needs max"), "{e}");
}
