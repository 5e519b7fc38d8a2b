//! One economy, one year step: a simulation without uncertainty must give
//! the projection, every figure of every year, to the bit.

use grdp_core::{Bound, Direction, Indicator, Scenario, Target, TargetSet, TargetStatus};
use grdp_montecarlo::engine::RunOptions;
use grdp_montecarlo::{
    Centre, InputUncertainty, MainTarget, Marginal, Model, UncertaintySpec, View, simulate,
};

/// The built-in scenario with one point target (min = max = the projected
/// value) for every indicator, component and year the projection gives.
fn point_targets(s: &Scenario) -> Scenario {
    let p = s.project();
    let e = s.economy();
    let ids: Vec<String> = e.components().iter().map(|c| c.id.clone()).collect();
    let mut targets = Vec::new();
    let mut point = |year: i32, indicator: Indicator, component: Option<&str>, v: Option<f64>| {
        if let Some(v) = v {
            targets.push(Target {
                id: format!(
                    "{}_{}_{year}",
                    indicator.as_str(),
                    component.unwrap_or("total")
                ),
                year,
                indicator,
                component: component.map(str::to_string),
                bound: Bound {
                    min: Some(v),
                    max: Some(v),
                },
                direction: Direction::Within,
            });
        }
    };
    for y in &p.years {
        point(y.year, Indicator::GrowthPct, None, Some(y.growth_pct));
        point(
            y.year,
            Indicator::NominalGrowthPct,
            None,
            y.nominal_growth_pct,
        );
        point(
            y.year,
            Indicator::DeflatorGrowthPct,
            None,
            y.deflator_growth_pct,
        );
        point(
            y.year,
            Indicator::GrdpCurrentBnVnd,
            None,
            y.grdp_current_bn_vnd,
        );
        point(
            y.year,
            Indicator::GrdpPerCapitaMnVnd,
            None,
            y.grdp_per_capita_mn_vnd,
        );
        point(
            y.year,
            Indicator::LabourProductivityMnVnd,
            None,
            y.labour_productivity_mn_vnd,
        );
        point(
            y.year,
            Indicator::LabourProductivityGrowthPct,
            None,
            y.labour_productivity_growth_pct,
        );
        for (c, id) in y.components.iter().zip(&ids) {
            point(y.year, Indicator::GrowthPct, Some(id), Some(c.growth_pct));
            point(
                y.year,
                Indicator::ContributionPp,
                Some(id),
                Some(c.contribution_pp),
            );
            point(
                y.year,
                Indicator::ShareCurrentPct,
                Some(id),
                c.share_current_pct,
            );
        }
    }
    let targets = TargetSet::new(e, targets).unwrap();
    Scenario::new(
        "point targets",
        e.clone(),
        s.plan().clone(),
        targets,
        vec![],
        vec![],
    )
    .unwrap()
}

#[test]
fn a_simulation_without_uncertainty_reproduces_the_projection_to_the_bit() {
    let builtin = grdp_scenario::builtin::can_tho_2025().unwrap();
    let s = point_targets(&builtin.scenario);
    let k = s.economy().len();
    let years = s.plan().years().len();
    // Six years, four components: 6 × (7 + 3·4) figures, less none unknown.
    assert_eq!(s.targets().targets().len(), years * (7 + 3 * k));
    let spec = UncertaintySpec {
        growth: vec![Marginal::Fixed; k],
        growth_by_year: Default::default(),
        rank_correlation: None,
        persistence: 0.0,
        inputs: InputUncertainty::default(),
        views: vec![View {
            id: "plan".into(),
            name_en: "Plan".into(),
            name_vi: "Kế hoạch".into(),
            centre: Centre::Plan,
        }],
        preferred_view: None,
        supported_sd_pp: Vec::new(),
    };
    let main = MainTarget::from_scenario(&s).unwrap();
    let model = Model::new(&s, &spec, &spec.views[0], main).unwrap();
    let opts = RunOptions {
        scenarios: 3,
        seed: 1,
        precision: None,
        optimism_pp: None,
        feasibility: None,
        required_component: None,
        detail: false,
    };
    let r = simulate(&model, &opts, Default::default()).unwrap();
    // Every point target is met by every draw: the simulated figure equals
    // the projected one exactly (inclusive bounds at the same number).
    for t in &r.targets {
        assert_eq!(t.probability, Some(1.0), "{}", t.id);
    }
    assert_eq!(r.all_targets_probability, Some(1.0));
    // And the projection itself says so (its own evaluation).
    let projection = s.project();
    assert!(
        s.evaluate(&projection)
            .iter()
            .all(|o| o.status == TargetStatus::Met)
    );
    // Each year's growth distribution is a point at the projected growth
    // (its mean is a running sum over three draws divided by three: within
    // a few units in the last place, not to the bit).
    for (y, py) in r.years.iter().zip(&projection.years) {
        assert_eq!(y.year, py.year);
        approx::assert_relative_eq!(y.mean_pct, py.growth_pct, max_relative = 1e-14);
        approx::assert_relative_eq!(
            y.quantiles_pct.p50,
            py.growth_pct,
            epsilon = r.quantile_error_pp
        );
    }
}

/// Same seed, same bits, whatever the thread count, on the general path
/// with everything the built-in scenario turns on: six-year paths with
/// persistence, drawn weights, prices and population, every target, the
/// record of past shortfalls, and a precision stop decided chunk by chunk.
#[test]
fn bit_identical_at_1_2_and_7_threads_with_every_feature() {
    let loaded = grdp_scenario::builtin::can_tho_2025().unwrap();
    let s = &loaded.scenario;
    let spec = loaded.uncertainty.as_ref().unwrap();
    assert!(s.plan().years().len() > 1 && spec.persistence > 0.0);
    assert!(
        spec.inputs.constant_weight_sd_pp.is_some() && spec.inputs.price_growth_sd_pp.is_some()
    );
    let model = Model::new(
        s,
        spec,
        &spec.views[0],
        MainTarget::from_scenario(s).unwrap(),
    )
    .unwrap();
    let opts = RunOptions {
        scenarios: 400_000,
        seed: 17,
        // P near one half: a half-width of 0.003 needs about 107,000 draws,
        // so the run stops after four chunks, inside a parallel batch.
        precision: Some(0.003),
        // Cần Thơ's record (outcome − target, pp, latest estimates).
        optimism_pp: Some(vec![-1.26, 0.33, -6.80, -3.75, -0.38]),
        feasibility: Some(grdp_montecarlo::engine::FeasibilityRequest {
            component: 2,
            shifts_pp: vec![-1.0, 0.0, 1.0],
        }),
        required_component: Some(2),
        detail: true,
    };
    let json = |threads: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| {
                serde_json::to_string(&simulate(&model, &opts, Default::default()).unwrap())
            })
            .unwrap()
    };
    let one = json(1);
    assert!(
        one.contains("\"stopped_at_precision\":true"),
        "the precision stop is exercised"
    );
    assert_eq!(one, json(2));
    assert_eq!(one, json(7));
}
