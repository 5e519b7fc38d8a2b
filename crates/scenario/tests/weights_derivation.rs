//! The constant-2010-price weights of the built-in scenario, recomputed
//! from the published figures in `data/history.csv`.
//!
//! Cần Thơ publishes no constant-price levels by sector. The steps (written
//! out in `data/cantho/DERIVATION.md`):
//! 1. 2021 weights = 2022 contributions / 2022 sector growth, normalised
//!    (they sum to 100.18 % before, through rounding of the contributions).
//! 2. Roll to 2022 with the published 2022 sector growth.
//! 3. 2023 sector growth is unpublished. The 2024 release's services
//!    contribution over services growth (4.13 / 7.95) gives the 2023 services
//!    weight, hence services' 2023 growth; agriculture takes its first-half
//!    growth (2.25 %, inside the year's plan of 2.2-2.5 %); industry and
//!    product taxes share one growth rate that closes the published
//!    aggregate (5.75 %).
//! 4. 2024: services growth is published (7.95 %); the others take their
//!    nine-month 2024 growth plus one common add-on that closes the
//!    full-year aggregate (7.12 %). Rolling forward gives the 2024 weights.

use approx::assert_abs_diff_eq;
use grdp_core::derivation::{
    complete_to_aggregate, growth_for_weight, normalise_pct, roll_forward,
    weights_from_contributions,
};
use grdp_core::economy::ConstantPriceBase;
use grdp_scenario::{History, builtin};

const IDS: [&str; 4] = [
    "agriculture",
    "industry_construction",
    "services",
    "product_taxes",
];
const AGRICULTURE: usize = 0;
const SERVICES: usize = 2;

fn figure(h: &History, period: &str, component: &str, indicator: &str) -> f64 {
    h.latest("can_tho", period, component, indicator)
        .unwrap_or_else(|| {
            panic!("data/history.csv lacks can_tho {period} {component} {indicator}")
        })
}

fn per_component(h: &History, period: &str, indicator: &str) -> Vec<f64> {
    IDS.iter()
        .map(|id| figure(h, period, id, indicator))
        .collect()
}

/// Steps 1-4 with a given 2024 completion: `(known services growth, aggregate)`.
fn derive(h: &History, services_2024: Option<f64>, total_2024: f64) -> Vec<f64> {
    let c22 = per_component(h, "2022", "contribution_pp");
    let g22 = per_component(h, "2022", "growth_pct");
    let raw21 = weights_from_contributions(&c22, &g22).unwrap();
    // Rounding of two-decimal contributions leaves the raw weights at 100.18 %.
    assert_abs_diff_eq!(raw21.iter().sum::<f64>(), 100.18, epsilon = 0.005);
    let w21 = normalise_pct(&raw21);
    let (w22, agg22) = roll_forward(&w21, &g22);
    // Normalised weights reproduce 2022's 12.64 % within the contributions' rounding.
    assert_abs_diff_eq!(
        agg22,
        figure(h, "2022", "total", "growth_pct"),
        epsilon = 0.03
    );

    let total23 = figure(h, "2023", "total", "growth_pct");
    let ws23 = 100.0 * figure(h, "2024", "services", "contribution_pp")
        / figure(h, "2024", "services", "growth_pct");
    let gs23 = growth_for_weight(w22[SERVICES], ws23, total23).unwrap();
    let mut known = [None; 4];
    known[SERVICES] = Some(gs23);
    // Agriculture's 2023: its first half (2.25 %, inside the year's plan of
    // 2.2-2.5 %) taken for the year.
    known[AGRICULTURE] = Some(figure(h, "2023-H1", "agriculture", "growth_ytd_pct"));
    let (g23, _) = complete_to_aggregate(&w22, &known, &[0.0; 4], total23).unwrap();
    let (w23, agg23) = roll_forward(&w22, &g23);
    assert_abs_diff_eq!(agg23, total23, epsilon = 1e-9);
    assert_abs_diff_eq!(w23[SERVICES], ws23, epsilon = 1e-9);

    let start24 = per_component(h, "2024-9M", "growth_ytd_pct");
    let mut known = [None; 4];
    known[SERVICES] = services_2024;
    let (g24, _) = complete_to_aggregate(&w23, &known, &start24, total_2024).unwrap();
    let (w24, agg24) = roll_forward(&w23, &g24);
    assert_abs_diff_eq!(agg24, total_2024, epsilon = 1e-9);
    w24
}

#[test]
fn scenario_weights_are_the_derivation_to_four_decimals() {
    let h = builtin::history().unwrap();
    let w24 = derive(
        &h,
        Some(figure(&h, "2024", "services", "growth_pct")),
        figure(&h, "2024", "total", "growth_pct"),
    );
    let loaded = builtin::can_tho_2025().unwrap();
    let ConstantPriceBase::WeightsPct(stored) = &loaded.scenario.economy().base().constant else {
        panic!("the built-in scenario should give constant-price weights");
    };
    for ((id, derived), stored) in IDS.iter().zip(&w24).zip(stored) {
        // The scenario prints four decimals: half a unit of the last is 0.00005.
        assert_abs_diff_eq!(*derived, *stored, epsilon = 0.000_05 + 1e-12);
        let _ = id;
    }
}

#[test]
fn the_draft_vintage_gives_nearly_the_same_weights() {
    let h = builtin::history().unwrap();
    let latest = derive(
        &h,
        Some(figure(&h, "2024", "services", "growth_pct")),
        figure(&h, "2024", "total", "growth_pct"),
    );
    // The draft resolution's 5.86 %, with no sector split: all four sectors
    // from their nine-month growth plus a common add-on.
    let draft_total = h
        .vintage("can_tho", "2024", "total", "growth_pct", "draft_resolution")
        .unwrap();
    assert_abs_diff_eq!(draft_total, 5.86, epsilon = 1e-12);
    let draft = derive(&h, None, draft_total);
    for (a, b) in latest.iter().zip(&draft) {
        // DERIVATION.md states the two differ by less than 0.02 pp.
        assert!((a - b).abs() < 0.02, "latest {a} vs draft {b}");
    }
}
