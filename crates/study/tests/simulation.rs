//! The study's simulation: which target, which views, what is reported.

use grdp_study::StudyError;
use grdp_study::simulation::{SimulationOptions, main_target};

/// Regression (issue "Right answers off the built-in path", bug 7): a year
/// without a threshold kept the earliest year's (P(growth 2030 ≥ 9.50 %),
/// the 2025 target applied to 2030). It takes that year's target, or is refused.
#[test]
fn a_target_year_takes_its_own_target_or_is_refused() {
    let loaded = grdp_scenario::builtin::can_tho_2025().unwrap();
    let at = |year: Option<i32>, pct: Option<f64>| {
        main_target(
            &loaded,
            &SimulationOptions {
                target_year: year,
                target_pct: pct,
                ..Default::default()
            },
        )
    };
    // The draft's own: at least 9.5 % in 2025.
    let t = at(None, None).unwrap();
    assert_eq!(
        (t.year, t.threshold_pct.to_bits()),
        (2025, 9.5f64.to_bits())
    );
    // 2030 has no aggregate growth target in the built-in scenario.
    match at(Some(2030), None) {
        Err(StudyError::NoGrowthTarget {
            year,
            years_with_targets,
            at_most_pct,
        }) => {
            assert_eq!(year, 2030);
            assert_eq!(years_with_targets, [2025]);
            assert_eq!(at_most_pct, None);
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    // With a threshold, any plan year.
    let t = at(Some(2030), Some(7.5)).unwrap();
    assert_eq!(
        (t.year, t.threshold_pct.to_bits()),
        (2030, 7.5f64.to_bits())
    );
}

/// Issue "Right answers off the built-in path": the record of past
/// shortfalls added to a view that already subtracts the median shortfall
/// counted the same misses twice. That view is not run with it, and says so.
#[test]
fn the_record_is_not_added_to_a_view_that_already_subtracts_a_shortfall() {
    use grdp_study::calibration::{RecordVintage, shortfall_records};
    let loaded = grdp_scenario::builtin::can_tho_2025().unwrap();
    let h = grdp_scenario::builtin::history().unwrap();
    let opts = SimulationOptions {
        scenarios: 20_000,
        optimism: Some(shortfall_records(&h, "can_tho", RecordVintage::Latest).unwrap()),
        ..Default::default()
    };
    let sim = grdp_study::simulation::simulate_views(&loaded, &opts, Default::default()).unwrap();
    let by_id = |id: &str| sim.views.iter().find(|v| v.view.id == id).unwrap();
    assert!(by_id("plan").with_optimism.is_some() && !by_id("plan").optimism_overlaps);
    assert!(by_id("recent").with_optimism.is_some());
    let minus = by_id("plan_less_shortfall");
    assert!(minus.with_optimism.is_none() && minus.optimism_overlaps);
}
