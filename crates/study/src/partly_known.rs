//! The chance of the annual target once part of the year is known.
//!
//! A release gives growth to the first quarter, half or nine months, `y` %
//! over the known part's share `S` of the year (constant prices). The year
//! then comes to `(S y + (100 − S) r) / 100`, where `r` is the rest's growth.
//! The rest is modelled on each view's simulated year: `r = μ + k (G − μ)`,
//! with `G` a draw of the year's growth, `μ` its mean and `k` the ratio of
//! the rest's spread to the year's. With independent quarterly shocks of
//! equal size, a weighted average of quarters has spread
//! `σ_q √(Σ s²) / Σ s`, so `k = (√(Σ_rest s²) / S_rest) / (√(Σ_all s²) / 100)`
//! (2 for one quarter left of four equal ones): the fewer quarters remain,
//! the more one quarter's luck decides. The year reaches `T` exactly when
//! `G ≥ μ + (r* − μ) / k`, with `r*` the growth the rest needs; its
//! probability is read off the view's histogram of `G` (32,768 bins,
//! interpolated within a bin).

use grdp_core::quarters::{KnownPart, remaining};
pub use grdp_core::quarters::{KnownYear, QuarterShares};
use grdp_montecarlo::engine::Histogram;
use serde::Serialize;

use crate::error::StudyError;
use crate::simulation::Simulation;

/// One view's chance of the target given the known part of the year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ViewGivenKnown {
    /// The view's id.
    pub view: String,
    /// The year's growth a draw needs for the rest to reach `r*`, percent.
    pub annual_threshold_pct: f64,
    /// P(the year reaches the target | the known part), a fraction.
    pub probability: f64,
    /// P before anything was known, a fraction (the view's own).
    pub probability_before: f64,
}

/// The target's chance once part of the year is known, by view.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartlyKnown {
    /// What is known.
    pub known: KnownPart,
    /// Its growth on the same period of the year before, percent.
    pub known_growth_pct: f64,
    /// The quarter shares used, percent.
    pub shares_pct: [f64; 4],
    /// Whether the shares were stated (else equal, an assumption).
    pub shares_stated: bool,
    /// What the stated shares summed to before they were scaled to 100,
    /// percent (100 where they needed no scaling).
    pub shares_given_sum_pct: f64,
    /// The target, percent.
    pub target_pct: f64,
    /// Growth the rest of the year needs, percent.
    pub required_rest_pct: f64,
    /// The rest's spread over the year's (k above).
    pub spread_ratio: f64,
    /// Whether `spread_ratio` was stated (else from independent quarters).
    pub spread_ratio_stated: bool,
    /// Where the known figure comes from: the source the scenario's
    /// `[known]` block gives, or `--known` when it was given on the
    /// command line; `None` where the scenario gives none.
    pub known_source: Option<String>,
    /// By view, in the simulation's order.
    pub views: Vec<ViewGivenKnown>,
}

impl PartlyKnown {
    /// The view `id`'s chance given the known part, if it was simulated.
    pub fn view(&self, id: &str) -> Option<&ViewGivenKnown> {
        self.views.iter().find(|w| w.view == id)
    }
}

/// The spread ratio `k` for independent, equal-size quarterly shocks.
pub fn independent_quarters_ratio(shares: &QuarterShares, known: KnownPart) -> f64 {
    let k = known.quarters();
    let ss = |s: &[f64]| s.iter().map(|x| x * x).sum::<f64>().sqrt();
    let rest = &shares.pct[k..];
    let rest_sum: f64 = rest.iter().sum();
    (ss(rest) / rest_sum) / (ss(&shares.pct) / 100.0)
}

/// P(G ≥ x) from a histogram, interpolating within the bin that holds `x`.
pub fn share_at_least(h: &Histogram, x: f64) -> f64 {
    let total: u64 = h.under + h.over + h.counts.iter().sum::<u64>();
    if total == 0 {
        return f64::NAN;
    }
    let n = h.counts.len();
    let pos = (x - h.lo) / h.width;
    let above = if pos < 0.0 {
        total - h.under
    } else if pos >= n as f64 {
        h.over
    } else {
        let i = pos.floor() as usize;
        let frac = pos - i as f64;
        let whole: u64 = h.counts[i + 1..].iter().sum::<u64>() + h.over;
        return (whole as f64 + h.counts[i] as f64 * (1.0 - frac)) / total as f64;
    };
    above as f64 / total as f64
}

/// The chance of the simulation's target for every view, given growth
/// `known_growth_pct` over the `known` part of the target year (its
/// `known_source` left for the caller, who knows where the figure came
/// from).
pub fn given_known(
    sim: &Simulation,
    known: KnownPart,
    known_growth_pct: f64,
    shares: &QuarterShares,
    spread_ratio: Option<f64>,
) -> Result<PartlyKnown, StudyError> {
    let target = sim.target.threshold_pct;
    let r = remaining(
        sim.target.year,
        shares,
        known,
        known_growth_pct,
        Some(target),
        None,
    )?;
    let need = r
        .required_remaining_pct
        .expect("a target was given, so the rest's need is computed");
    let k = spread_ratio.unwrap_or_else(|| independent_quarters_ratio(shares, known));
    if !(k.is_finite() && k > 0.0) {
        return Err(StudyError::Model(grdp_core::ModelError::Unsolvable {
            what: "the chance given the known part".into(),
            reason: format!("the spread ratio is {k}; expected a positive number"),
        }));
    }
    let views = sim
        .views
        .iter()
        .map(|v| {
            let mu = v.result.mean_pct;
            let threshold = mu + (need - mu) / k;
            ViewGivenKnown {
                view: v.view.id.clone(),
                annual_threshold_pct: threshold,
                probability: share_at_least(&v.result.histogram, threshold),
                probability_before: v.result.probability,
            }
        })
        .collect();
    Ok(PartlyKnown {
        known,
        known_growth_pct,
        shares_pct: shares.pct,
        shares_stated: shares.stated,
        shares_given_sum_pct: shares.given_sum_pct,
        target_pct: target,
        required_rest_pct: need,
        spread_ratio: k,
        spread_ratio_stated: spread_ratio.is_some(),
        known_source: None,
        views,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Four equal quarters, one left: (√625 / 25) / (√2500 / 100) = 2.
    /// Two left: (√1250 / 50) / 0.5 = √2.
    #[test]
    fn the_rests_spread_grows_as_fewer_quarters_remain() {
        let e = QuarterShares::EQUAL;
        assert!((independent_quarters_ratio(&e, KnownPart::M9) - 2.0).abs() < 1e-12);
        assert!((independent_quarters_ratio(&e, KnownPart::H1) - 2f64.sqrt()).abs() < 1e-12);
        assert!((independent_quarters_ratio(&e, KnownPart::Q1) - 2.0 / 3f64.sqrt()).abs() < 1e-12);
    }

    /// Ten draws in ten bins of width 1 from 0: P(G ≥ 3.5) is the six
    /// bins from 4 plus half of bin 3: 6.5 / 10.
    #[test]
    fn the_histogram_is_read_with_interpolation() {
        let h = Histogram {
            lo: 0.0,
            width: 1.0,
            counts: vec![1; 10],
            under: 0,
            over: 0,
        };
        assert!((share_at_least(&h, 3.5) - 0.65).abs() < 1e-12);
        assert!((share_at_least(&h, -1.0) - 1.0).abs() < 1e-12);
        assert!((share_at_least(&h, 11.0) - 0.0).abs() < 1e-12);
    }
}
