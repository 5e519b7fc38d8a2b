//! The constant-2010-price weights of the built-in merged-city scenario
//! (`cantho-2026`), recomputed from the published figures in
//! `data/history.csv` (region `can_tho_merged`).
//!
//! The merged city publishes no constant-price levels, and only one of its
//! 2025 contributions (industry and construction, 2.25 pp). The steps
//! (written out in `data/cantho/DERIVATION-2026.md#weights`):
//! 1. A first guess at the 2024 weights: the 2025 structure at current
//!    prices deflated by each sector's 2025 real growth, normalised (an
//!    assumption: no relative price change since 2010 or during 2025).
//! 2. Industry and construction's weight from its contribution:
//!    2.25 / 8.01 = 28.09 %; the other three scaled by one factor so all
//!    four sum to 100. These give 7.285 % for 2025, against the published
//!    7.23 %: the structure-for-weights assumption costs 0.055 pp.
//! 3. The other three moved as little as possible (least squares, industry
//!    fixed, the sum held) to give 7.23 %: each by λ (gᵢ − m), m the three
//!    sectors' mean growth.
//! 4. Rolled forward with 2025's growth: the 2025 weights.

use approx::assert_abs_diff_eq;
use grdp_core::derivation::{normalise_pct, roll_forward};
use grdp_core::economy::ConstantPriceBase;
use grdp_scenario::{History, builtin};

const IDS: [&str; 4] = [
    "agriculture",
    "industry_construction",
    "services",
    "product_taxes",
];
const INDUSTRY: usize = 1;

fn figure(h: &History, component: &str, indicator: &str) -> f64 {
    h.latest("can_tho_merged", "2025", component, indicator)
        .unwrap_or_else(|| {
            panic!("data/history.csv lacks can_tho_merged 2025 {component} {indicator}")
        })
}

fn derive(h: &History) -> (Vec<f64>, f64, Vec<f64>, Vec<f64>, f64) {
    let share: Vec<f64> = IDS
        .iter()
        .map(|c| figure(h, c, "share_current_pct"))
        .collect();
    let growth: Vec<f64> = IDS.iter().map(|c| figure(h, c, "growth_pct")).collect();
    // Step 1.
    let deflated: Vec<f64> = share
        .iter()
        .zip(&growth)
        .map(|(s, g)| s / (1.0 + g / 100.0))
        .collect();
    let guess = normalise_pct(&deflated);
    // Step 2.
    let industry = 100.0 * figure(h, "industry_construction", "contribution_pp") / growth[INDUSTRY];
    let others: f64 = guess
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != INDUSTRY)
        .map(|(_, w)| w)
        .sum();
    let scale = (100.0 - industry) / others;
    let pinned: Vec<f64> = guess
        .iter()
        .enumerate()
        .map(|(i, w)| if i == INDUSTRY { industry } else { w * scale })
        .collect();
    let pinned_aggregate: f64 = pinned.iter().zip(&growth).map(|(w, g)| w * g).sum::<f64>() / 100.0;
    // Step 3: Δᵢ = λ (gᵢ − m) sums to zero over the three free sectors and
    // changes Σ wᵢ gᵢ by λ Σ (gᵢ − m) gᵢ.
    let total = figure(h, "total", "growth_pct");
    let free = |i: &usize| *i != INDUSTRY;
    let mean = (0..4).filter(free).map(|i| growth[i]).sum::<f64>() / 3.0;
    let lever: f64 = (0..4)
        .filter(free)
        .map(|i| (growth[i] - mean) * growth[i])
        .sum();
    let lambda = 100.0 * (total - pinned_aggregate) / lever;
    let w24: Vec<f64> = (0..4)
        .map(|i| {
            if i == INDUSTRY {
                pinned[i]
            } else {
                pinned[i] + lambda * (growth[i] - mean)
            }
        })
        .collect();
    // Step 4.
    let (w25, aggregate) = roll_forward(&w24, &growth);
    (pinned, pinned_aggregate, w24, w25, aggregate)
}

#[test]
fn the_merged_citys_2025_weights_follow_from_its_published_figures() {
    let h = builtin::history().unwrap();
    let (pinned, pinned_aggregate, w24, w25, aggregate) = derive(&h);
    // Step 2 as DERIVATION-2026.md writes it out (four decimals: 0.00005).
    for (got, want) in pinned.iter().zip([21.6069, 28.0899, 44.8944, 5.4088]) {
        assert_abs_diff_eq!(*got, want, epsilon = 0.000_05);
    }
    assert_abs_diff_eq!(pinned_aggregate, 7.285, epsilon = 0.000_05);
    // Step 3, by hand in DERIVATION-2026.md: 22.4414 / 28.0899 / 43.7101 /
    // 5.7587 % (four decimals).
    for (got, want) in w24.iter().zip([22.4414, 28.0899, 43.7101, 5.7587]) {
        assert_abs_diff_eq!(*got, want, epsilon = 0.000_05);
    }
    // Both published figures are reproduced: industry's contribution and
    // the total (to rounding: 1e-12).
    assert_abs_diff_eq!(w24[INDUSTRY] * 8.01 / 100.0, 2.25, epsilon = 1e-12);
    assert_abs_diff_eq!(w24.iter().sum::<f64>(), 100.0, epsilon = 1e-9);
    assert_abs_diff_eq!(aggregate, 7.23, epsilon = 1e-12);

    let loaded = builtin::by_name("cantho-2026").unwrap().load().unwrap();
    let ConstantPriceBase::WeightsPct(stored) = &loaded.scenario.economy().base().constant else {
        panic!("the built-in scenario should give constant-price weights");
    };
    for (derived, stored) in w25.iter().zip(stored) {
        // The scenario prints four decimals: half a unit of the last is 0.00005.
        assert_abs_diff_eq!(*derived, *stored, epsilon = 0.000_05 + 1e-12);
    }
}
