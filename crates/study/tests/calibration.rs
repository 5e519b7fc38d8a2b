//! Calibration from a history: which components, in which order, and the
//! record of planning optimism.

use grdp_scenario::parse_history;
use grdp_study::calibration::{CalibrateOptions, calibrate};

/// Regression (issue "Right answers off the built-in path", bug 3): with
/// components other than the built-in four, each appeared once per year
/// (ten years of mining and farming gave 20 components and a 20 × 20 matrix).
#[test]
fn components_outside_the_usual_four_are_listed_once() {
    let mut csv = String::from("region,period,component,indicator,value\n");
    for (i, y) in (2011..=2020).enumerate() {
        // Two made-up series, different enough to estimate a correlation.
        csv += &format!("p,{y},mining,growth_pct,{}\n", 3.0 + (i % 3) as f64);
        csv += &format!("p,{y},farming,growth_pct,{}\n", 2.0 + (i % 4) as f64 * 0.5);
    }
    let history = parse_history(&csv, "test.csv").unwrap();
    let c = calibrate(
        &history,
        &CalibrateOptions {
            region: "p".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let ids: Vec<&str> = c
        .calibration
        .components
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    // Not among the usual four: alphabetical.
    assert_eq!(ids, ["farming", "mining"]);
    assert_eq!(c.calibration.rank_correlation.len(), 2);
    assert!(c.calibration.components.iter().all(|e| e.years.len() == 10));
}
