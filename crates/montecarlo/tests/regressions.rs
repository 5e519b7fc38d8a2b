//! Regression tests of the engine: each names the bug it guards (issue
//! "Right answers off the built-in path") and failed before its fix.

use std::sync::atomic::AtomicBool;

use grdp_montecarlo::engine::{CHUNK_SIZE, RunOptions};
use grdp_montecarlo::{Control, MainTarget, Marginal, McError, Model, simulate};

mod common;
use common::{one_year, spec_as_written};

/// Bug 1: a linear model (the fast loop) cancelled before a chunk draws
/// anything reported "non-finite aggregate growth" (exit 1) instead of the
/// cancellation (exit 130): the empty chunk's minimum stayed +∞.
#[test]
fn a_cancelled_run_of_the_fast_loop_reports_the_cancellation() {
    let s = one_year(&[30.0, 70.0], &[5.0, 8.0], 7.0);
    let u = spec_as_written(vec![
        Marginal::Normal {
            mean: None,
            sd: 2.0
        };
        2
    ]);
    let model = Model::new(&s, &u, &u.views[0], MainTarget::from_scenario(&s).unwrap()).unwrap();
    let opts = RunOptions {
        scenarios: 64 * CHUNK_SIZE,
        seed: 1,
        precision: None,
        optimism_pp: None,
        feasibility: None,
        required_component: None,
        detail: false,
    };
    let cancel = AtomicBool::new(true);
    let control = Control {
        cancel: Some(&cancel),
        ..Default::default()
    };
    let e = simulate(&model, &opts, control).unwrap_err();
    assert!(matches!(e, McError::Cancelled { done: 0, .. }), "{e}");
}

/// Bug 4: a truncated normal far in a tail collapsed onto a bound: Φ(9)
/// rounds to 1, so N(0, 1) on [9, 12] gave 12.0 every draw (true mean
/// 9.108), and on [10, 20] gave 22.56, outside its own range.
#[test]
fn a_truncated_normal_far_in_a_tail_is_drawn_across_its_range() {
    // The mean of N(0, 1) on [a, b] is (φ(a) − φ(b)) / (Φ(−a) − Φ(−b)):
    // 9.108523 on [9, 12] and 10.098093 on [10, 20] (worked out with erfc
    // in double precision, outside grdp).
    for (lo, hi, mean) in [(9.0, 12.0, 9.108_523), (10.0, 20.0, 10.098_093)] {
        for (sign, expected) in [(1.0, mean), (-1.0, -mean)] {
            let (min, max) = if sign > 0.0 { (lo, hi) } else { (-hi, -lo) };
            let s = one_year(&[100.0], &[0.0], 0.0);
            let u = spec_as_written(vec![Marginal::TruncatedNormal {
                mean: Some(0.0),
                sd: 1.0,
                min,
                max,
            }]);
            let model =
                Model::new(&s, &u, &u.views[0], MainTarget::from_scenario(&s).unwrap()).unwrap();
            let opts = RunOptions {
                scenarios: 200_000,
                seed: 3,
                precision: None,
                optimism_pp: None,
                feasibility: None,
                required_component: None,
                detail: false,
            };
            let r = simulate(&model, &opts, Default::default()).unwrap();
            assert!(
                r.min_pct >= min && r.max_pct <= max,
                "[{min}, {max}]: {r:?}"
            );
            // The conditional SD is about 0.11 (a = 9) and 0.10 (a = 10): the
            // mean's standard error is 0.0003; the 4,097-point table adds less
            // than 0.001. Tolerance 0.005.
            assert!(
                (r.mean_pct - expected).abs() < 0.005,
                "[{min}, {max}]: mean {} against {expected}",
                r.mean_pct
            );
            // Spread across the range, not a point.
            assert!(r.sd_pp > 0.05, "[{min}, {max}]: sd {}", r.sd_pp);
        }
    }
}

/// Bug 2: the tornado ignored persistence after the first plan year: its
/// fixed score replaced the innovation, so the shock became √(1 − φ²)·z
/// instead of z. Two years, weights 50/50, a ~ N(5, 4), b fixed at 5,
/// persistence 0.9, target year 2026: the tornado's low was 3.88.
#[test]
fn the_tornado_puts_a_component_at_its_own_percentile_in_a_later_year() {
    let s = common::years(&[50.0, 50.0], &[vec![5.0, 5.0], vec![5.0, 5.0]], 2026, 5.0);
    let mut u = spec_as_written(vec![
        Marginal::Normal {
            mean: None,
            sd: 4.0,
        },
        Marginal::Fixed,
    ]);
    u.persistence = 0.9;
    let model = Model::new(&s, &u, &u.views[0], MainTarget::from_scenario(&s).unwrap()).unwrap();
    let opts = RunOptions {
        scenarios: 200_000,
        seed: 5,
        precision: None,
        optimism_pp: None,
        feasibility: None,
        required_component: None,
        detail: true,
    };
    let r = simulate(&model, &opts, Default::default()).unwrap();
    let a = &r.sensitivity[0];
    // a's 10th percentile: 5 − 1.281552·4 = −0.126206; with both at the
    // median in 2025 the weights stay 50/50, so GRDP 2026 = ½(−0.126206)
    // + ½·5 = 2.436897 (worked by hand; the transform is closed form).
    assert!((a.growth_p10_pct + 0.126_206).abs() < 1e-5, "{a:?}");
    assert!((a.tornado_low_pct - 2.436_897).abs() < 1e-5, "{a:?}");
    assert!((a.tornado_high_pct - 7.563_103).abs() < 1e-5, "{a:?}");
    // a carries all the variance, so the aggregate's own 10th percentile
    // is close to the tornado's low: not equal, because a path low in 2026
    // was mostly low in 2025 too (φ = 0.9), which shrank a's weight (the
    // simulation gives 2.50). Before the fix the tornado's low was 3.88.
    let p10 = r
        .years
        .iter()
        .find(|y| y.year == 2026)
        .unwrap()
        .quantiles_pct
        .p10;
    assert!(
        (p10 - a.tornado_low_pct).abs() < 0.1,
        "P10 {p10} against the tornado's low {}",
        a.tornado_low_pct
    );
}

/// Bug 5: growth at or below −100 % was accepted and rolled into the
/// weights (with sd = 60, 2026 growth ran from −10,317 % to +161,423 %;
/// a shortfall of 150 pp gave mean growth −140.6 %). Such specifications
/// are refused; the rare draws a fat tail still sends across are floored
/// at −100 % and counted.
#[test]
fn growth_at_or_below_minus_100_is_refused_or_floored_and_counted() {
    let two_years = || {
        common::years(
            &[50.0, 50.0],
            &[vec![10.0, 5.0], vec![10.0, 5.0]],
            2025,
            5.0,
        )
    };
    let normal = |sd| Marginal::Normal { mean: None, sd };
    let s = two_years();
    // sd = 60 around 10 %: Φ(−110/60) = 3.3 % of draws at or below −100.
    let u = spec_as_written(vec![normal(60.0), Marginal::Fixed]);
    let main = MainTarget::from_scenario(&s).unwrap();
    let e = Model::new(&s, &u, &u.views[0], main)
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("uncertainty.growth.c0:"), "{e}");
    assert!(
        e.contains("3.3% of the draws") && e.contains("-100%"),
        "{e}"
    );
    // A shortfall that puts the centre itself below −100 %: the view is named.
    let mut u = spec_as_written(vec![normal(2.0), Marginal::Fixed]);
    u.views[0].centre = grdp_montecarlo::Centre::PlanMinus {
        shortfall_pp: 150.0,
    };
    let e = Model::new(&s, &u, &u.views[0], main)
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("uncertainty.view.as_written.shortfall_pp:"),
        "{e}"
    );
    // Spreads of prices and population have bounds too.
    let mut u = spec_as_written(vec![normal(2.0), Marginal::Fixed]);
    u.inputs.price_growth_sd_pp = Some(vec![1e308, 1.0]);
    let e = Model::new(&s, &u, &u.views[0], main)
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("uncertainty.inputs.price_growth_sd_pp.c0:"),
        "{e}"
    );
    assert!(e.contains("between 0 and 20"), "{e}");

    // sd = 28 around 10 %: p = Φ(−110/28) = 4.27e-5 a year, under the
    // 1e-4 limit. Over two years and 400,000 paths, 2p(1 − p/2)·N = 34.2
    // paths are expected to cross; Poisson, so within 4√34 ≈ 23.
    let u = spec_as_written(vec![normal(28.0), Marginal::Fixed]);
    let model = Model::new(&s, &u, &u.views[0], main).unwrap();
    let opts = RunOptions {
        scenarios: 400_000,
        seed: 8,
        precision: None,
        optimism_pp: None,
        feasibility: None,
        required_component: None,
        detail: false,
    };
    let r = simulate(&model, &opts, Default::default()).unwrap();
    let crossed = r.paths_at_or_below_minus_100_pct as f64;
    assert!((crossed - 34.2).abs() < 23.0, "{crossed} paths crossed");
    // Floored: a sector at −100 % with the other at +5 % gives −47.5 %, no lower.
    assert!(r.min_pct >= -47.5 - 1e-9, "min {}", r.min_pct);
    for y in &r.years {
        assert!(y.quantiles_pct.p1 > -100.0, "{y:?}");
    }
}

/// Issue "Right answers off the built-in path": the variance shares were
/// documented as exact but used mean weights. With drawn weights and fixed
/// growth (a at 20 %, b at 0 %) GRDP growth 20·w_a varies only through a's
/// contribution: a carries all of it. The mean-weight formula saw no
/// variance at all and gave 0 and 0.
#[test]
fn variance_shares_are_exact_when_weights_are_drawn() {
    let s = common::years(&[50.0, 50.0], &[vec![20.0, 0.0]], 2025, 10.0);
    let mut u = spec_as_written(vec![Marginal::Fixed, Marginal::Fixed]);
    u.inputs.constant_weight_sd_pp = Some(vec![5.0, 5.0]);
    let model = Model::new(&s, &u, &u.views[0], MainTarget::from_scenario(&s).unwrap()).unwrap();
    let opts = RunOptions {
        scenarios: 40_000,
        seed: 9,
        precision: None,
        optimism_pp: None,
        feasibility: None,
        required_component: None,
        detail: true,
    };
    let r = simulate(&model, &opts, Default::default()).unwrap();
    // sd of w_a: about 5 pp · √2 / 2 after renormalising, so G moves by ~0.7 pp.
    assert!(
        r.sd_pp > 0.5,
        "the weights move GRDP growth: sd {}",
        r.sd_pp
    );
    let shares: Vec<f64> = r.sensitivity.iter().map(|x| x.variance_share).collect();
    // b contributes w_b · 0 = 0 in every draw: its share is exactly 0, a's 1.
    assert!((shares[0] - 1.0).abs() < 1e-12, "{shares:?}");
    assert!(shares[1].abs() < 1e-12, "{shares:?}");
}

/// Issue "Right answers off the built-in path": the histograms of plan
/// years other than the target's used the target year's range and dropped
/// what fell outside it, silently. A calm 2025 (sd 0.1) and a wild 2026
/// (sd 20): 2026's quantiles must be its own.
#[test]
fn every_plan_year_has_its_own_histogram_and_counts_its_tails() {
    let s = common::years(&[100.0], &[vec![5.0], vec![5.0]], 2025, 5.0);
    let mut u = spec_as_written(vec![Marginal::Normal {
        mean: None,
        sd: 0.1,
    }]);
    u.growth_by_year.insert(
        2026,
        [(
            0,
            Marginal::Normal {
                mean: None,
                sd: 20.0,
            },
        )]
        .into(),
    );
    let model = Model::new(&s, &u, &u.views[0], MainTarget::from_scenario(&s).unwrap()).unwrap();
    let opts = RunOptions {
        scenarios: 100_000,
        seed: 10,
        precision: None,
        optimism_pp: None,
        feasibility: None,
        required_component: None,
        detail: false,
    };
    let r = simulate(&model, &opts, Default::default()).unwrap();
    let y = r.years.iter().find(|y| y.year == 2026).unwrap();
    // 5 ∓ 1.281552·20 = −20.631 and 30.631; the sampling SE of a tenth
    // percentile at N = 10⁵ is about 0.11 pp.
    assert!((y.quantiles_pct.p10 + 20.631).abs() < 0.5, "{y:?}");
    assert!((y.quantiles_pct.p90 - 30.631).abs() < 0.5, "{y:?}");
    assert!((y.quantiles_pct.p50 - 5.0).abs() < 0.5, "{y:?}");
}

/// Issue "Right answers off the built-in path": skewed marginals were
/// centred on their mode, so "on average the plan" held only for symmetric
/// ones (a triangular 2-6-9 around a plan of 6 averaged 5.67). The view
/// now puts the mean at the plan.
#[test]
fn a_view_centres_every_marginal_by_its_mean() {
    let s = one_year(&[100.0], &[6.0], 6.0);
    for m in [
        Marginal::Triangular {
            min: 2.0,
            mode: 6.0,
            max: 9.0,
        },
        Marginal::Pert {
            min: 2.0,
            mode: 6.0,
            max: 9.0,
        },
        Marginal::SplitNormal {
            mode: None,
            sd_lower: 2.0,
            sd_upper: 1.0,
        },
        Marginal::TruncatedNormal {
            mean: None,
            sd: 2.0,
            min: 4.0,
            max: 20.0,
        },
    ] {
        let mut u = spec_as_written(vec![m.clone()]);
        u.views[0].centre = grdp_montecarlo::Centre::Plan;
        let model =
            Model::new(&s, &u, &u.views[0], MainTarget::from_scenario(&s).unwrap()).unwrap();
        let opts = RunOptions {
            scenarios: 200_000,
            seed: 11,
            precision: None,
            optimism_pp: None,
            feasibility: None,
            required_component: None,
            detail: false,
        };
        let r = simulate(&model, &opts, Default::default()).unwrap();
        // SE of the mean: at most 2 pp / √200,000 = 0.0045; the 4,097-point
        // table adds under 0.001. Tolerance 0.02 (four SE and more).
        assert!(
            (r.mean_pct - 6.0).abs() < 0.02,
            "{}: mean {} against the plan's 6",
            m.name(),
            r.mean_pct
        );
    }
}
