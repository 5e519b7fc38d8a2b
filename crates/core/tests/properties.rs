//! Invariants of the model, checked on random economies against an
//! independent brute-force computation.
//!
//! Tolerances: every quantity is a short sum or product of numbers of
//! order 1e0..1e6, so relative error stays near 1e-15 · (a few hundred
//! operations); 1e-8 in percent leaves ample room while still catching any
//! formula error, which would show at the 1e-2 level or above.

use approx::assert_abs_diff_eq;
use grdp_core::{
    BaseYear, Component, ConstantPriceBase, Economy, Plan, PricePath, YearPlan, project, solve,
};
use proptest::prelude::*;

const TOL: f64 = 1e-8;

#[derive(Debug, Clone)]
struct Case {
    constant: Vec<f64>,
    current: Vec<f64>,
    growth: Vec<Vec<f64>>,
    prices: Vec<Vec<f64>>,
}

fn case() -> impl Strategy<Value = Case> {
    (1usize..8, 1usize..5).prop_flat_map(|(n, years)| {
        (
            prop::collection::vec(1.0f64..1e6, n),
            prop::collection::vec(1.0f64..1e6, n),
            prop::collection::vec(prop::collection::vec(-30.0f64..40.0, n), years),
            prop::collection::vec(prop::collection::vec(-10.0f64..20.0, n), years),
        )
            .prop_map(|(constant, current, growth, prices)| Case {
                constant,
                current,
                growth,
                prices,
            })
    })
}

fn build(c: &Case, scale: f64) -> (Economy, Plan) {
    let n = c.constant.len();
    let economy = Economy::new(
        (0..n)
            .map(|i| Component::value_added(format!("c{i}")))
            .collect(),
        BaseYear {
            year: 2024,
            current_bn_vnd: Some(c.current.iter().map(|v| v * scale).collect()),
            constant: ConstantPriceBase::LevelsBnVnd(
                c.constant.iter().map(|v| v * scale).collect(),
            ),
            population_thousand: Some(1000.0 * scale),
            employed_thousand: Some(600.0 * scale),
        },
    )
    .unwrap();
    let plan = Plan::new(
        &economy,
        c.growth
            .iter()
            .zip(&c.prices)
            .enumerate()
            .map(|(t, (g, p))| YearPlan {
                year: 2025 + t as i32,
                real_growth_pct: g.clone(),
                prices: Some(PricePath::PerComponentPct(p.clone())),
                population_growth_pct: Some(1.0),
                employment_growth_pct: Some(0.5),
            })
            .collect(),
    )
    .unwrap();
    (economy, plan)
}

proptest! {
    #[test]
    fn contributions_sum_to_growth_recomputed_from_levels(c in case()) {
        let (e, p) = build(&c, 1.0);
        let proj = project(&e, &p);
        let mut levels = c.constant.clone();
        for (y, g) in proj.years.iter().zip(&c.growth) {
            let before: f64 = levels.iter().sum();
            for (l, gi) in levels.iter_mut().zip(g) {
                *l *= 1.0 + gi / 100.0;
            }
            let after: f64 = levels.iter().sum();
            let brute = 100.0 * (after / before - 1.0);
            let sum_contrib: f64 = y.components.iter().map(|k| k.contribution_pp).sum();
            assert_abs_diff_eq!(sum_contrib, y.growth_pct, epsilon = TOL);
            assert_abs_diff_eq!(y.growth_pct, brute, epsilon = TOL);
        }
    }

    #[test]
    fn shares_and_weights_match_levels_rolled_by_hand(c in case()) {
        // Each component's weight is its share of last year's constant-price
        // GRDP, its structure its share of this year's current-price GRDP:
        // both recomputed here from levels grown year by year, one component
        // at a time, not from the projection's own shares.
        let (e, p) = build(&c, 1.0);
        let mut constant = c.constant.clone();
        let mut current = c.current.clone();
        for ((y, g), pi) in project(&e, &p).years.iter().zip(&c.growth).zip(&c.prices) {
            let constant_total: f64 = constant.iter().sum();
            for (i, k) in y.components.iter().enumerate() {
                assert_abs_diff_eq!(
                    k.weight_pct,
                    100.0 * constant[i] / constant_total,
                    epsilon = TOL
                );
            }
            for i in 0..constant.len() {
                constant[i] *= 1.0 + g[i] / 100.0;
                current[i] *= (1.0 + g[i] / 100.0) * (1.0 + pi[i] / 100.0);
            }
            let current_total: f64 = current.iter().sum();
            for (i, k) in y.components.iter().enumerate() {
                assert_abs_diff_eq!(
                    k.share_current_pct.unwrap(),
                    100.0 * current[i] / current_total,
                    epsilon = TOL
                );
            }
        }
    }

    #[test]
    fn solving_one_component_then_projecting_hits_the_target(
        c in case(), target in -5.0f64..20.0, pick in 0usize..8,
    ) {
        let (e, p) = build(&c, 1.0);
        let k = pick % e.len();
        let id = e.components()[k].id.clone();
        for yp in p.years() {
            let s = solve::component_for_target(&e, &p, yp.year, target, &id).unwrap();
            let mut g = yp.real_growth_pct.clone();
            g[k] = s.required_growth_pct;
            prop_assume!(g[k] > -100.0);
            let solved = p.with_real_growth(yp.year, g);
            let y = project(&e, &solved);
            assert_abs_diff_eq!(y.year(yp.year).unwrap().growth_pct, target, epsilon = 1e-6);
        }
    }

    /// The rest of the economy at its required combined growth (one
    /// add-on to each of its components), the held one as planned, gives
    /// the target.
    #[test]
    fn the_rest_at_its_required_growth_hits_the_target(
        c in case(), target in -5.0f64..20.0, pick in 0usize..8,
    ) {
        let (e, p) = build(&c, 1.0);
        let k = pick % e.len();
        let id = e.components()[k].id.clone();
        let yp = &p.years()[0];
        let Ok(r) = solve::rest_for_target(&e, &p, yp.year, target, &id) else {
            // Only a component that is the whole economy has no rest.
            prop_assert!(e.len() == 1 || e.base_weights()[k] > 1.0 - 1e-9);
            return Ok(());
        };
        let add_on = r.required_rest_pct - r.planned_rest_pct;
        let g: Vec<f64> = yp
            .real_growth_pct
            .iter()
            .enumerate()
            .map(|(i, g)| if i == k { *g } else { g + add_on })
            .collect();
        prop_assume!(g.iter().all(|x| *x > -100.0));
        let y = project(&e, &p.with_real_growth(yp.year, g));
        assert_abs_diff_eq!(y.years[0].growth_pct, target, epsilon = 1e-6);
    }

    #[test]
    fn uniform_add_on_then_projecting_hits_the_target(c in case(), target in -5.0f64..20.0) {
        let (e, p) = build(&c, 1.0);
        let year = p.years()[0].year;
        let u = solve::uniform_for_target(&e, &p, year, target).unwrap();
        let g: Vec<f64> = u.components.iter().map(|k| k.required_growth_pct).collect();
        prop_assume!(g.iter().all(|x| *x > -100.0));
        let y = project(&e, &p.with_real_growth(year, g));
        assert_abs_diff_eq!(y.years[0].growth_pct, target, epsilon = 1e-6);
    }

    #[test]
    fn period_solution_compounds_to_the_average(
        known in prop::collection::vec(-20.0f64..30.0, 0..6), extra in 1usize..4, average in -5.0f64..15.0,
    ) {
        let first = 2020;
        let last = first + (known.len() + extra) as i32 - 1;
        let ks: Vec<solve::YearGrowth> = known.iter().enumerate()
            .map(|(i, g)| solve::YearGrowth { year: first + i as i32, growth_pct: *g })
            .collect();
        let s = solve::period_average(first, last, average, &ks).unwrap();
        let path: f64 = known.iter().map(|g| 1.0 + g / 100.0).product::<f64>()
            * (1.0 + s.required_pct / 100.0).powi(extra as i32);
        let n = (last - first + 1) as f64;
        assert_abs_diff_eq!(100.0 * (path.powf(1.0 / n) - 1.0), average, epsilon = 1e-8);
    }

    #[test]
    fn scaling_every_level_changes_no_percentage(c in case(), scale in 1e-3f64..1e3) {
        let (e1, p1) = build(&c, 1.0);
        let (e2, p2) = build(&c, scale);
        let a = project(&e1, &p1);
        let b = project(&e2, &p2);
        for (x, y) in a.years.iter().zip(&b.years) {
            assert_abs_diff_eq!(x.growth_pct, y.growth_pct, epsilon = TOL);
            assert_abs_diff_eq!(x.nominal_growth_pct.unwrap(), y.nominal_growth_pct.unwrap(), epsilon = TOL);
            assert_abs_diff_eq!(x.deflator_growth_pct.unwrap(), y.deflator_growth_pct.unwrap(), epsilon = TOL);
            // Per capita and productivity are ratios of two scaled levels.
            assert_abs_diff_eq!(x.grdp_per_capita_mn_vnd.unwrap(), y.grdp_per_capita_mn_vnd.unwrap(), epsilon = 1e-6);
            for (cx, cy) in x.components.iter().zip(&y.components) {
                assert_abs_diff_eq!(cx.contribution_pp, cy.contribution_pp, epsilon = TOL);
                assert_abs_diff_eq!(cx.share_current_pct.unwrap(), cy.share_current_pct.unwrap(), epsilon = TOL);
                assert_abs_diff_eq!(cx.weight_pct, cy.weight_pct, epsilon = TOL);
            }
        }
    }

    #[test]
    fn one_grdp_deflator_is_exactly_the_implicit_deflator(c in case(), deflator in -5.0f64..15.0) {
        let (e, p) = build(&c, 1.0);
        let years = p.years().iter().map(|yp| YearPlan {
            prices: Some(PricePath::GrdpDeflatorPct(deflator)),
            ..yp.clone()
        }).collect();
        let p = Plan::new(&e, years).unwrap();
        for y in project(&e, &p).years {
            assert_abs_diff_eq!(y.deflator_growth_pct.unwrap(), deflator, epsilon = TOL);
        }
    }
}
