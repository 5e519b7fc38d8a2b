//! The engine against theory: determinism, distributions, correlation,
//! the normal case in closed form, and bad parameters.

use approx::assert_abs_diff_eq;
use grdp_core::{
    BaseYear, Bound, Component, ConstantPriceBase, Direction, Economy, Indicator, Plan, Scenario,
    Target, TargetSet, YearPlan,
};
use grdp_montecarlo::engine::{Control, FeasibilityRequest, RunOptions};
use grdp_montecarlo::{
    Centre, InputUncertainty, MainTarget, Marginal, McError, Model, RunSetting, SimResult,
    UncertaintySpec, View, simulate,
};
use statrs::distribution::{Beta, Continuous, ContinuousCDF, Normal, StudentsT};

/// An economy of `weights` (percent) with one plan year of `growth` and an
/// aggregate target of `target`.
fn scenario(weights: &[f64], growth: &[f64], target: f64) -> Scenario {
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
        vec![YearPlan {
            year: 2025,
            real_growth_pct: growth.to_vec(),
            prices: None,
            population_growth_pct: None,
            employment_growth_pct: None,
        }],
    )
    .unwrap();
    let targets = TargetSet::new(
        &economy,
        vec![Target {
            id: "growth".into(),
            year: 2025,
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

fn spec(growth: Vec<Marginal>, rank: Option<Vec<Vec<f64>>>) -> UncertaintySpec {
    UncertaintySpec {
        growth,
        growth_by_year: Default::default(),
        rank_correlation: rank,
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

fn run(s: &Scenario, u: &UncertaintySpec, n: u64, seed: u64) -> SimResult {
    let model = Model::new(s, u, &u.views[0], MainTarget::from_scenario(s).unwrap()).unwrap();
    let opts = RunOptions {
        scenarios: n,
        seed,
        precision: None,
        optimism_pp: None,
        feasibility: Some(FeasibilityRequest {
            component: 0,
            shifts_pp: vec![-1.0, 0.0, 1.0],
        }),
        required_component: Some(0),
        detail: true,
    };
    simulate(&model, &opts, Default::default()).unwrap()
}

fn in_pool<T: Send>(threads: usize, f: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap()
        .install(f)
}

fn three_sector() -> (Scenario, UncertaintySpec) {
    let s = scenario(&[10.0, 30.0, 60.0], &[2.5, 11.0, 10.0], 9.5);
    let u = spec(
        vec![
            Marginal::Normal {
                mean: Some(2.5),
                sd: 1.0,
            },
            Marginal::StudentT {
                location: Some(11.0),
                scale: 2.0,
                df: 6.0,
            },
            Marginal::SplitNormal {
                mode: Some(10.0),
                sd_lower: 2.5,
                sd_upper: 1.5,
            },
        ],
        Some(vec![
            vec![1.0, -0.2, 0.1],
            vec![-0.2, 1.0, 0.6],
            vec![0.1, 0.6, 1.0],
        ]),
    );
    (s, u)
}

#[test]
fn bit_identical_at_1_2_and_7_threads() {
    let (s, u) = three_sector();
    // 300,000 scenarios: ten chunks, the last one short.
    let json = |threads| {
        in_pool(threads, || {
            serde_json::to_string(&run(&s, &u, 300_000, 42)).unwrap()
        })
    };
    let one = json(1);
    assert_eq!(one, json(2));
    assert_eq!(one, json(7));
}

/// A change detector, not a correctness test: recorded once, it says that
/// the generator, its seeding, the copula or a marginal's transform changed
/// (the theory tests above say whether the results are still right).
#[test]
fn golden_value_for_a_small_seed_change_detector() {
    let (s, u) = three_sector();
    let r = run(&s, &u, 10_000, 7);
    assert_eq!(r.scenarios, 10_000);
    assert_eq!(
        (r.probability * 10_000.0).round() as u64,
        GOLDEN_HITS,
        "P = {}",
        r.probability
    );
    assert_eq!(
        r.mean_pct.to_bits(),
        GOLDEN_MEAN_BITS,
        "mean = {:?} bits {}",
        r.mean_pct,
        r.mean_pct.to_bits()
    );
}
const GOLDEN_HITS: u64 = 4216;
/// 9.060029733909936
const GOLDEN_MEAN_BITS: u64 = 4_621_289_961_371_458_700;

/// Normal marginals: aggregate growth is normal with mean `w·μ` and
/// variance `wᵀΣw`, Σ = D R D with the latent correlation R = 2 sin(πρ/6).
#[test]
fn all_normal_matches_the_closed_form() {
    let w = [0.1, 0.3, 0.6];
    let mu = [2.5, 11.0, 10.0];
    let sd = [1.0, 2.0, 1.5];
    let rank = vec![
        vec![1.0, -0.2, 0.1],
        vec![-0.2, 1.0, 0.6],
        vec![0.1, 0.6, 1.0],
    ];
    let s = scenario(&[10.0, 30.0, 60.0], &mu, 9.5);
    let u = spec(
        (0..3)
            .map(|i| Marginal::Normal {
                mean: Some(mu[i]),
                sd: sd[i],
            })
            .collect(),
        Some(rank.clone()),
    );
    let n = 1_000_000;
    let r = run(&s, &u, n, 11);
    let r_lat = |i: usize, j: usize| {
        if i == j {
            1.0
        } else {
            2.0 * (std::f64::consts::PI * rank[i][j] / 6.0).sin()
        }
    };
    let cov = |i: usize, j: usize| sd[i] * sd[j] * r_lat(i, j);
    let mean: f64 = (0..3).map(|i| w[i] * mu[i]).sum();
    let var: f64 = (0..3)
        .flat_map(|i| (0..3).map(move |j| (i, j)))
        .map(|(i, j)| w[i] * w[j] * cov(i, j))
        .sum();
    let sdev = var.sqrt();
    // Mean within 5 standard errors of the mean; sd within 5 of the sd's.
    assert_abs_diff_eq!(r.mean_pct, mean, epsilon = 5.0 * sdev / (n as f64).sqrt());
    assert_abs_diff_eq!(
        r.sd_pp,
        sdev,
        epsilon = 5.0 * sdev / (2.0 * n as f64).sqrt()
    );
    let p = 1.0 - Normal::new(mean, sdev).unwrap().cdf(9.5);
    assert!(
        (r.probability - p).abs() <= 4.0 * r.std_error,
        "P {} vs {p} (se {})",
        r.probability,
        r.std_error
    );
    // Variance shares w_i (Σw)_i / wᵀΣw, from the first 131,072 scenarios:
    // sample covariances there are off by ~√(2/n) ≈ 0.4 %, so 0.02 is ample.
    for (i, sens) in r.sensitivity.iter().enumerate() {
        let share = w[i] * (0..3).map(|j| cov(i, j) * w[j]).sum::<f64>() / var;
        assert_abs_diff_eq!(sens.variance_share, share, epsilon = 0.02);
    }
    let total: f64 = r.sensitivity.iter().map(|s| s.variance_share).sum();
    assert_abs_diff_eq!(total, 1.0, epsilon = 1e-9);
    // Quantiles of a normal: median at the mean, quartiles at ±0.6745 sd.
    let q = &r.quantiles_pct;
    let tol = |p: f64| {
        5.0 * (p * (1.0 - p) / n as f64).sqrt() * sdev
            / Normal::standard().pdf(Normal::standard().inverse_cdf(p))
            + r.quantile_error_pp
    };
    assert_abs_diff_eq!(q.p50, mean, epsilon = tol(0.5));
    assert_abs_diff_eq!(q.p25, mean - 0.674_489_75 * sdev, epsilon = tol(0.25));
    assert_abs_diff_eq!(q.p75, mean + 0.674_489_75 * sdev, epsilon = tol(0.75));
}

#[test]
fn achieved_rank_correlation_is_the_requested_one() {
    let (s, u) = three_sector();
    let r = run(&s, &u, 131_072, 5);
    let c = r.correlation.unwrap();
    // Spearman from 131,072 pairs has a standard error of about
    // (1 − ρ²)/√n ≤ 0.003: five of them is 0.015.
    for i in 0..3 {
        for j in 0..3 {
            assert_abs_diff_eq!(c.achieved[i][j], c.requested[i][j], epsilon = 0.015);
        }
    }
    assert_abs_diff_eq!(c.requested[1][2], 0.6, epsilon = 1e-12);
}

/// Sample moments and quartiles of each marginal against theory, one
/// component carrying all the weight so that aggregate growth is the
/// marginal itself. Tolerances: 5 standard errors (mean: σ/√n; sd:
/// σ·√((2 + κ)/(4n)) with excess kurtosis κ ≤ 3 here; a quartile:
/// √(p(1−p)/n)/f(q)), plus the histogram's stated error for quartiles.
/// The `p` quantile of a distribution given by its CDF, by bisection on
/// [lo, hi]: the theory the engine's quantile functions are checked
/// against, written from the definition (the CDF), not from their formulas.
fn by_cdf(cdf: impl Fn(f64) -> f64, lo: f64, hi: f64) -> impl Fn(f64) -> f64 {
    move |p| {
        let (mut a, mut b) = (lo, hi);
        for _ in 0..100 {
            let m = 0.5 * (a + b);
            if cdf(m) < p {
                a = m;
            } else {
                b = m;
            }
        }
        0.5 * (a + b)
    }
}

#[test]
fn every_distribution_matches_theory() {
    let n = 200_000u64;
    let phi = |x: f64| Normal::standard().pdf(x);
    let cdf = |x: f64| Normal::standard().cdf(x);
    // (marginal, mean, sd, quantile function)
    type Q = Box<dyn Fn(f64) -> f64>;
    let (mu, s, a, b) = (5.0, 2.0, 3.0, 9.0);
    let (alpha, beta) = ((a - mu) / s, (b - mu) / s);
    let z = cdf(beta) - cdf(alpha);
    let tn_mean = mu + s * (phi(alpha) - phi(beta)) / z;
    let tn_var = s
        * s
        * (1.0 + (alpha * phi(alpha) - beta * phi(beta)) / z
            - ((phi(alpha) - phi(beta)) / z).powi(2));
    let pert = Beta::new(1.0 + 4.0 * 2.0 / 8.0, 1.0 + 4.0 * 6.0 / 8.0).unwrap();
    let t8 = StudentsT::new(0.0, 1.0, 8.0).unwrap();
    let cases: Vec<(Marginal, f64, f64, Q)> = vec![
        (
            Marginal::Normal {
                mean: Some(7.0),
                sd: 1.5,
            },
            7.0,
            1.5,
            Box::new(|p| 7.0 + 1.5 * Normal::standard().inverse_cdf(p)),
        ),
        (
            Marginal::TruncatedNormal {
                mean: Some(mu),
                sd: s,
                min: a,
                max: b,
            },
            tn_mean,
            tn_var.sqrt(),
            Box::new(by_cdf(move |x| (cdf((x - mu) / s) - cdf(alpha)) / z, a, b)),
        ),
        (
            Marginal::Triangular {
                min: 1.0,
                mode: 3.0,
                max: 9.0,
            },
            13.0 / 3.0,
            ((1.0f64 + 9.0 + 81.0 - 3.0 - 9.0 - 27.0) / 18.0).sqrt(),
            // F(x) = (x − 1)² / (8 · 2) below the mode, 1 − (9 − x)² / (8 · 6) above.
            Box::new(by_cdf(
                |x| {
                    if x < 3.0 {
                        (x - 1.0).powi(2) / 16.0
                    } else {
                        1.0 - (9.0 - x).powi(2) / 48.0
                    }
                },
                1.0,
                9.0,
            )),
        ),
        (
            Marginal::Pert {
                min: 1.0,
                mode: 3.0,
                max: 9.0,
            },
            (1.0 + 12.0 + 9.0) / 6.0,
            (((22.0 / 6.0) - 1.0) * (9.0 - 22.0 / 6.0) / 7.0f64).sqrt(),
            Box::new(by_cdf(move |x| pert.cdf((x - 1.0) / 8.0), 1.0, 9.0)),
        ),
        (
            Marginal::Uniform { min: 2.0, max: 8.0 },
            5.0,
            6.0 / 12f64.sqrt(),
            Box::new(|p| 2.0 + 6.0 * p),
        ),
        (
            Marginal::StudentT {
                location: Some(6.0),
                scale: 1.2,
                df: 8.0,
            },
            6.0,
            1.2 * (8.0f64 / 6.0).sqrt(),
            Box::new(move |p| 6.0 + 1.2 * t8.inverse_cdf(p)),
        ),
        (
            Marginal::SplitNormal {
                mode: Some(8.0),
                sd_lower: 2.5,
                sd_upper: 1.0,
            },
            8.0 + (2.0 / std::f64::consts::PI).sqrt() * (1.0 - 2.5),
            ((1.0 - 2.0 / std::f64::consts::PI) * 1.5f64.powi(2) + 2.5).sqrt(),
            // Mass 2.5/3.5 below the mode: F(x) = 2w Φ((x − 8)/2.5) below it,
            // w + 2(1 − w)(Φ(x − 8) − ½) above.
            Box::new(by_cdf(
                move |x| {
                    let w = 2.5 / 3.5;
                    if x < 8.0 {
                        2.0 * w * cdf((x - 8.0) / 2.5)
                    } else {
                        w + 2.0 * (1.0 - w) * (cdf(x - 8.0) - 0.5)
                    }
                },
                -10.0,
                20.0,
            )),
        ),
    ];
    for (m, mean, sd, q) in cases {
        let s1 = scenario(&[100.0], &[5.0], 5.0);
        let r = run(&s1, &spec(vec![m.clone()], None), n, 3);
        let nf = n as f64;
        assert_abs_diff_eq!(r.mean_pct, mean, epsilon = 5.0 * sd / nf.sqrt());
        assert_abs_diff_eq!(r.sd_pp, sd, epsilon = 5.0 * sd * (5.0 / (4.0 * nf)).sqrt());
        for (p, got) in [
            (0.25, r.quantiles_pct.p25),
            (0.5, r.quantiles_pct.p50),
            (0.75, r.quantiles_pct.p75),
        ] {
            let slope = (q(p + 1e-4) - q(p - 1e-4)) / 2e-4;
            let tol = 5.0 * (p * (1.0 - p) / nf).sqrt() * slope + r.quantile_error_pp;
            assert!(
                (got - q(p)).abs() <= tol,
                "{} q{p}: {got} vs {} (tol {tol})",
                m.name(),
                q(p)
            );
        }
    }
    // Empirical: a bootstrap of the listed values, each equally likely.
    let values = vec![1.0, 2.0, 4.0, 8.0];
    let s1 = scenario(&[100.0], &[5.0], 5.0);
    let r = run(
        &s1,
        &spec(
            vec![Marginal::Empirical {
                values: values.clone(),
            }],
            None,
        ),
        n,
        3,
    );
    let mean = 3.75;
    let sd = (values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / 4.0f64).sqrt();
    assert_abs_diff_eq!(r.mean_pct, mean, epsilon = 5.0 * sd / (n as f64).sqrt());
    assert_abs_diff_eq!(
        r.sd_pp,
        sd,
        epsilon = 5.0 * sd * (5.0 / (4.0 * n as f64)).sqrt()
    );
}

#[test]
fn bad_parameters_are_named() {
    let s = scenario(&[50.0, 50.0], &[5.0, 5.0], 5.0);
    let check = |u: UncertaintySpec, words: &[&str]| {
        let e = Model::new(
            &s,
            &u,
            &u.views[0],
            MainTarget {
                year: 2025,
                threshold_pct: 5.0,
            },
        )
        .unwrap_err();
        let text = e.to_string();
        for w in words {
            assert!(text.contains(w), "`{text}` lacks `{w}`");
        }
    };
    let n = |sd| Marginal::Normal { mean: None, sd };
    check(
        spec(vec![n(0.0), n(1.0)], None),
        &["uncertainty.growth.c0.sd", "greater than zero"],
    );
    check(spec(vec![n(-1.0), n(1.0)], None), &["sd", "-1"]);
    check(
        spec(
            vec![
                Marginal::Triangular {
                    min: 3.0,
                    mode: 2.0,
                    max: 5.0,
                },
                n(1.0),
            ],
            None,
        ),
        &["mode 2 is below min 3"],
    );
    check(
        spec(
            vec![
                Marginal::Pert {
                    min: 1.0,
                    mode: 6.0,
                    max: 5.0,
                },
                n(1.0),
            ],
            None,
        ),
        &["mode 6 is above max 5"],
    );
    check(
        spec(
            vec![
                Marginal::StudentT {
                    location: None,
                    scale: 1.0,
                    df: 2.0,
                },
                n(1.0),
            ],
            None,
        ),
        &["df", "more than 2"],
    );
    check(
        spec(
            vec![n(1.0), n(1.0)],
            Some(vec![vec![1.0, 1.2], vec![1.2, 1.0]]),
        ),
        &["between -1 and 1"],
    );
    check(
        spec(
            vec![n(1.0), n(1.0)],
            Some(vec![vec![1.0, 0.2], vec![0.3, 1.0]]),
        ),
        &["symmetric"],
    );
    check(
        spec(
            vec![n(1.0), n(1.0)],
            Some(vec![vec![0.5, 0.2], vec![0.2, 1.0]]),
        ),
        &["diagonal"],
    );
    check(
        spec(vec![n(1.0), n(1.0)], Some(vec![vec![1.0]])),
        &["expected 2"],
    );
    // -n 0
    let u = spec(vec![n(1.0), n(1.0)], None);
    let model = Model::new(
        &s,
        &u,
        &u.views[0],
        MainTarget {
            year: 2025,
            threshold_pct: 5.0,
        },
    )
    .unwrap();
    let opts = RunOptions {
        scenarios: 0,
        seed: 1,
        precision: None,
        optimism_pp: None,
        feasibility: None,
        required_component: None,
        detail: true,
    };
    let e = simulate(&model, &opts, Default::default()).unwrap_err();
    assert!(
        matches!(
            e,
            McError::InvalidSetting {
                setting: RunSetting::Scenarios,
                ..
            }
        ),
        "{e}"
    );
    // The library speaks of scenarios, not of the CLI's `-n`.
    assert_eq!(
        e.to_string(),
        "scenarios: found 0; expected at least 1 scenario"
    );
}

#[test]
fn precision_stops_at_a_chunk_and_is_reproducible() {
    let (s, u) = three_sector();
    let model = Model::new(&s, &u, &u.views[0], MainTarget::from_scenario(&s).unwrap()).unwrap();
    let opts = RunOptions {
        scenarios: 10_000_000,
        seed: 9,
        precision: Some(0.005),
        optimism_pp: None,
        feasibility: None,
        required_component: None,
        detail: true,
    };
    let a = in_pool(1, || simulate(&model, &opts, Default::default()).unwrap());
    let b = in_pool(2, || simulate(&model, &opts, Default::default()).unwrap());
    assert!(a.stopped_at_precision);
    assert_eq!(a.scenarios % grdp_montecarlo::engine::CHUNK_SIZE, 0);
    assert!(0.5 * (a.probability_ci95[1] - a.probability_ci95[0]) <= 0.005);
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&b).unwrap()
    );
}

#[test]
fn feasibility_curve_rises_with_the_component_and_required_growth_is_consistent() {
    let (s, u) = three_sector();
    let r = run(&s, &u, 131_072, 1);
    let f = r.feasibility.unwrap();
    assert!(
        f.points
            .windows(2)
            .all(|w| w[1].probability >= w[0].probability)
    );
    // At zero shift the curve is P itself on the same draws.
    let mid = &f.points[1];
    assert_abs_diff_eq!(mid.probability, r.probability, epsilon = 1e-12);
    // P(target) = P(required growth of c0 ≤ its draw); the median required
    // growth must be far above c0's centre here (weight 10 %).
    let req = r.required_growth.unwrap();
    assert!(req.quantiles_pct.p50 > 2.5);
}

/// The linear model's tight loop (used unless the draws are written out; it
/// also writes the kept scenarios' rows) and its general loop (used when the
/// draws are written out, as `--save-draws` does) must agree to the bit:
/// both consume the generator in the same order and add in the same order,
/// so the totals and every statistic of the kept rows are the same.
#[test]
fn the_fast_loop_and_the_general_loop_agree_to_the_bit() {
    let s = scenario(&[10.0, 30.0, 60.0], &[2.5, 11.0, 10.0], 9.5);
    let u = spec(
        vec![
            Marginal::Normal {
                mean: None,
                sd: 1.0,
            },
            Marginal::Normal {
                mean: None,
                sd: 2.0,
            },
            Marginal::Normal {
                mean: None,
                sd: 1.5,
            },
        ],
        Some(vec![
            vec![1.0, -0.2, 0.1],
            vec![-0.2, 1.0, 0.6],
            vec![0.1, 0.6, 1.0],
        ]),
    );
    let model = Model::new(&s, &u, &u.views[0], MainTarget::from_scenario(&s).unwrap()).unwrap();
    let opts = RunOptions {
        scenarios: 4 * 32_768 + 1_000,
        seed: 5,
        precision: None,
        optimism_pp: None,
        feasibility: Some(FeasibilityRequest {
            component: 1,
            shifts_pp: vec![-1.0, 0.0, 1.5],
        }),
        required_component: Some(2),
        detail: true,
    };
    let fast = simulate(&model, &opts, Default::default()).unwrap();
    let mut rows = 0usize;
    let mut sink = |draws: &[f64]| {
        rows += draws.len() / 4;
        Ok(())
    };
    let control = Control {
        draws: Some(&mut sink),
        ..Default::default()
    };
    let general = simulate(&model, &opts, control).unwrap();
    assert_eq!(rows, 4 * 32_768 + 1_000, "every draw went to the sink");
    // The whole result, every float as its shortest exact decimal.
    assert_eq!(
        serde_json::to_string(&fast).unwrap(),
        serde_json::to_string(&general).unwrap()
    );
    assert!(fast.feasibility.is_some() && fast.required_growth.is_some());
}
