//! The record of past shortfalls on common random numbers
//! (`simulate_paired`): its plain half is the plain run bit for bit, and
//! its record half differs from the plain paths by the shortfalls alone.

mod common;

use grdp_montecarlo::engine::RunOptions;
use grdp_montecarlo::{MainTarget, Marginal, Model, simulate, simulate_paired};

fn opts(n: u64, optimism: Option<Vec<f64>>) -> RunOptions {
    RunOptions {
        scenarios: n,
        seed: 11,
        precision: None,
        optimism_pp: optimism,
        feasibility: None,
        required_component: None,
        detail: true,
    }
}

/// Two plan years (so the general path, not the one-year linear loop),
/// three components, the target in the first year.
fn model(target: f64) -> Model {
    let s = common::years(
        &[30.0, 30.0, 40.0],
        &[vec![3.0, 9.0, 8.0], vec![3.0, 9.0, 8.0]],
        2025,
        target,
    );
    let u = common::spec_as_written(vec![
        Marginal::Normal {
            mean: None,
            sd: 1.0,
        },
        Marginal::Normal {
            mean: None,
            sd: 2.5,
        },
        Marginal::Normal {
            mean: None,
            sd: 1.5,
        },
    ]);
    let m = Model::new(&s, &u, &u.views[0], MainTarget::from_scenario(&s).unwrap()).unwrap();
    assert!(m.pairs_on_common_draws());
    m
}

#[test]
fn the_plain_half_is_the_plain_run_bit_for_bit() {
    let m = model(7.0);
    let plain = simulate(&m, &opts(100_000, None), Default::default()).unwrap();
    let (paired, _) = simulate_paired(
        &m,
        &opts(100_000, Some(vec![-2.0, -1.0, 0.5])),
        Default::default(),
    )
    .unwrap();
    assert_eq!(plain.probability.to_bits(), paired.probability.to_bits());
    assert_eq!(plain.mean_pct.to_bits(), paired.mean_pct.to_bits());
    assert_eq!(plain.sd_pp.to_bits(), paired.sd_pp.to_bits());
}

/// A record of one shortfall, −1 pp, takes exactly 1 point off every
/// component's first-year growth, so (the weights summing to one) each
/// path's aggregate growth falls by 1 point: on common paths, P(growth ≥
/// 7) with the record is the plain run's P(growth ≥ 8), path by path (up
/// to a path within rounding, 1e-12 pp, of the threshold: none in 10⁵).
#[test]
fn the_record_half_differs_from_the_plain_paths_by_the_shortfall_alone() {
    let n = 100_000;
    let (_, with) =
        simulate_paired(&model(7.0), &opts(n, Some(vec![-1.0])), Default::default()).unwrap();
    let plain_at_8 = simulate(&model(8.0), &opts(n, None), Default::default()).unwrap();
    let hits = |p: f64| (p * n as f64).round() as i64;
    assert_eq!(hits(with.probability), hits(plain_at_8.probability));
    assert!((with.mean_pct - (plain_at_8.mean_pct - 1.0)).abs() < 1e-9);
}

/// With a record of several shortfalls, the paired estimate of P agrees
/// with a separate run's within four combined standard errors.
#[test]
fn the_record_half_agrees_with_a_separate_run() {
    let record = vec![-3.0, -1.5, -0.5, 0.3];
    let n = 200_000;
    let (_, paired) = simulate_paired(
        &model(7.0),
        &opts(n, Some(record.clone())),
        Default::default(),
    )
    .unwrap();
    let separate = simulate(&model(7.0), &opts(n, Some(record)), Default::default()).unwrap();
    let se = (paired.std_error.powi(2) + separate.std_error.powi(2)).sqrt();
    assert!(
        (paired.probability - separate.probability).abs() < 4.0 * se,
        "{} against {} (se {se})",
        paired.probability,
        separate.probability
    );
}
