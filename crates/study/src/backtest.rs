//! The track record of grdp's own probabilities: for every past year with a
//! growth target and an outcome, what grdp would have said at the time, and
//! how that scored against what happened.
//!
//! A first, aggregate version: each year's GRDP growth is taken as normal
//! around a view's centre, with one spread `σ` for every year. The views are
//! those of the built-in scenarios, built from what was known before the
//! year: `plan` (centred on the target as set), `recent` (last year's
//! growth, the naive forecast) and `plan_less_shortfall` (the target less
//! the median shortfall of the record's earlier years). Scores: P(target),
//! whether it was met (Brier score), the outcome's position in the forecast
//! (PIT), whether it fell in the central 50 / 80 / 90 % bands, and the
//! error of the centre. The spread the record supports is the root mean
//! square of the plan's one-year-ahead errors.

use grdp_scenario::History;
use serde::Serialize;
use statrs::distribution::{ContinuousCDF, Normal};

use crate::calibration::{RecordVintage, shortfall_records};
use crate::error::StudyError;

/// One view's forecast of one year, and its scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Forecast {
    /// The view: `plan`, `recent` or `plan_less_shortfall`.
    pub view: &'static str,
    /// The centre, percent.
    pub centre_pct: f64,
    /// P(growth ≥ target), a fraction.
    pub probability: f64,
    /// (P − met)², met being 1 or 0.
    pub brier: f64,
    /// Φ((outcome − centre) / σ): where the outcome fell, a fraction.
    pub pit: f64,
    /// Outcome − centre, percentage points.
    pub error_pp: f64,
    /// Whether the outcome fell in the central 50, 80 and 90 % bands.
    pub in_bands: [bool; 3],
}

/// One past year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearScore {
    /// The year.
    pub year: i32,
    /// The growth target as set, percent.
    pub target_pct: f64,
    /// The outcome, percent (the record's vintage).
    pub outcome_pct: f64,
    /// Whether the target was met.
    pub met: bool,
    /// Each view's forecast, where its inputs existed before the year.
    pub forecasts: Vec<Forecast>,
}

/// A view's scores over the years it could forecast.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ViewScore {
    /// The view.
    pub view: &'static str,
    /// Years forecast.
    pub years: usize,
    /// Mean Brier score (0 is perfect; always saying 0.5 scores 0.25).
    pub mean_brier: f64,
    /// Outcomes inside the 50, 80 and 90 % bands.
    pub in_bands: [usize; 3],
    /// Mean error of the centre (outcome − centre), percentage points.
    pub mean_error_pp: f64,
    /// Root mean square error of the centre, percentage points.
    pub rmse_pp: f64,
}

/// Where a later outcome fell in each view's simulated distribution.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutcomeInViews {
    /// The year.
    pub year: i32,
    /// The outcome, percent.
    pub outcome_pct: f64,
    /// Where the figure comes from (e.g. the merged city's estimate).
    pub basis: String,
    /// By view.
    pub views: Vec<ViewPlacement>,
    /// The spreads the analytic P is given at, percentage points.
    pub sds_pp: Vec<f64>,
}

/// One view's forecast of a later year and where the outcome fell.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ViewPlacement {
    /// The view's id.
    pub view: String,
    /// The simulated mean growth of the year, percent.
    pub mean_pct: f64,
    /// P(growth ≥ target), simulated, a fraction.
    pub probability: f64,
    /// P(growth ≥ target) if growth were normal around the mean with each
    /// of `sds_pp`: how P moves with the spread.
    pub probability_at_sd: Vec<f64>,
    /// The share of draws at or below the outcome (its PIT).
    pub pit: f64,
}

/// Where `outcome_pct` fell in each view of `sim`: the share of draws at
/// or below it (its PIT), beside each view's P of the target.
pub fn outcome_in_views(
    sim: &crate::Simulation,
    outcome_pct: f64,
    basis: impl Into<String>,
    sds_pp: &[f64],
) -> OutcomeInViews {
    let normal = Normal::new(0.0, 1.0).expect("the standard normal exists");
    let target = sim.target.threshold_pct;
    OutcomeInViews {
        year: sim.target.year,
        outcome_pct,
        basis: basis.into(),
        views: sim
            .views
            .iter()
            .map(|v| ViewPlacement {
                view: v.view.id.clone(),
                mean_pct: v.result.mean_pct,
                probability: v.result.probability,
                probability_at_sd: sds_pp
                    .iter()
                    .map(|sd| 1.0 - normal.cdf((target - v.result.mean_pct) / sd))
                    .collect(),
                pit: 1.0 - crate::partly_known::share_at_least(&v.result.histogram, outcome_pct),
            })
            .collect(),
        sds_pp: sds_pp.to_vec(),
    }
}

/// The backtest a study of a scenario carries: `region`'s record in
/// `history`, at the spread of the plan view's simulated target year (the
/// first view's where there is no plan view), with the target year's
/// outcome placed in every view where `history` has it for the region as
/// merged (`{region}_merged`: a successor on another basis, said so).
pub fn for_simulation(
    history: &History,
    region: &str,
    sim: &crate::Simulation,
) -> Result<Backtest, StudyError> {
    let sd = sim
        .views
        .iter()
        .find(|v| v.view.id == "plan")
        .unwrap_or_else(|| sim.main())
        .result
        .sd_pp;
    let mut b = backtest(history, region, RecordVintage::Latest, sd)?;
    let merged = format!("{region}_merged");
    let year = sim.target.year.to_string();
    b.later = history
        .latest(&merged, &year, "total", "growth_pct")
        .map(|g| {
            let sds = [b.sd_pp, b.record_sd_pp, b.pit_uniform_sd_pp];
            outcome_in_views(sim, g, MERGED_BASIS, &sds)
        });
    Ok(b)
}

/// The basis note of an outcome of the region as merged.
pub const MERGED_BASIS: &str = "the region as merged on 1 July 2025 (Cần Thơ with Hậu Giang and Sóc Trăng); the target was set before the merger";

/// The backtest.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Backtest {
    /// The history's region.
    pub region: String,
    /// Which estimate of the outcomes.
    pub vintage: RecordVintage,
    /// The spread used, percentage points.
    pub sd_pp: f64,
    /// Year by year.
    pub years: Vec<YearScore>,
    /// By view.
    pub views: Vec<ViewScore>,
    /// The spread the record supports: RMSE of the plan view's errors, pp.
    pub record_sd_pp: f64,
    /// The plan view's errors' standard deviation about their mean (the
    /// sample form, dividing by n − 1, as the record of past shortfalls
    /// does), pp: the record's scatter with its bias set aside; `NaN` with
    /// fewer than two years.
    pub errors_sd_pp: f64,
    /// A later outcome placed in the built-in scenario's views, where known.
    pub later: Option<OutcomeInViews>,
    /// The spread that makes the plan view's PITs closest to uniform
    /// (smallest Kolmogorov-Smirnov distance), percentage points.
    pub pit_uniform_sd_pp: f64,
    /// The spreads whose PITs a KS test at 5 % does not reject, percentage
    /// points (lowest, highest on a 0.01 pp grid from 0.25 to 15): with a
    /// handful of years, a wide range.
    pub pit_consistent_sd_pp: Option<[f64; 2]>,
}

/// The largest spread the search for the PIT-consistent range tries,
/// percentage points: a range ending here is open above.
pub const LARGEST_SD_TRIED_PP: f64 = 15.0;

/// Kolmogorov-Smirnov distance of `u` (values in 0..1) from the uniform.
pub fn ks_uniform(u: &[f64]) -> f64 {
    let mut s = u.to_vec();
    s.sort_by(f64::total_cmp);
    let n = s.len() as f64;
    s.iter()
        .enumerate()
        .map(|(i, x)| ((i as f64 + 1.0) / n - x).max(x - i as f64 / n))
        .fold(0.0, f64::max)
}

/// The two-sided 5 % critical value of the KS distance for `n` points:
/// 1.36 / √n (Massey's approximation; for n = 5 the exact 0.565 is 0.563
/// here).
fn ks_critical(n: usize) -> f64 {
    1.358 / (n as f64).sqrt()
}

/// Backtests grdp's views on `region`'s record in `history`, with spread
/// `sd_pp` (percentage points) for every year.
pub fn backtest(
    history: &History,
    region: &str,
    vintage: RecordVintage,
    sd_pp: f64,
) -> Result<Backtest, StudyError> {
    if !(sd_pp.is_finite() && sd_pp > 0.0) {
        return Err(StudyError::Model(grdp_core::ModelError::Unsolvable {
            what: "the backtest".into(),
            reason: format!(
                "the spread is {sd_pp}; expected a positive number of percentage points"
            ),
        }));
    }
    let records = shortfall_records(history, region, vintage)?;
    let record = &records.used.record.years;
    let normal = Normal::new(0.0, 1.0).expect("the standard normal exists");
    let phi = |z: f64| normal.cdf(z);
    let growth_before = |year: i32| {
        history
            .annual(region, "total", "growth_pct")
            .into_iter()
            .find(|(y, _)| *y == year - 1)
            .map(|(_, g)| g)
    };
    let mut years = Vec::new();
    for (k, r) in record.iter().enumerate() {
        let met = r.outcome_pct >= r.target_pct;
        let mut centres: Vec<(&'static str, f64)> = vec![("plan", r.target_pct)];
        if let Some(g) = growth_before(r.year) {
            centres.push(("recent", g));
        }
        let earlier: Vec<f64> = record[..k].iter().map(|e| e.shortfall_pp).collect();
        if !earlier.is_empty() {
            centres.push(("plan_less_shortfall", r.target_pct + median(&earlier)));
        }
        let forecasts = centres
            .into_iter()
            .map(|(view, mu)| {
                let p = 1.0 - phi((r.target_pct - mu) / sd_pp);
                let pit = phi((r.outcome_pct - mu) / sd_pp);
                let tail = |cover: f64| (pit - 0.5).abs() <= cover / 2.0;
                Forecast {
                    view,
                    centre_pct: mu,
                    probability: p,
                    brier: (p - if met { 1.0 } else { 0.0 }).powi(2),
                    pit,
                    error_pp: r.outcome_pct - mu,
                    in_bands: [tail(0.5), tail(0.8), tail(0.9)],
                }
            })
            .collect();
        years.push(YearScore {
            year: r.year,
            target_pct: r.target_pct,
            outcome_pct: r.outcome_pct,
            met,
            forecasts,
        });
    }
    let views = ["plan", "recent", "plan_less_shortfall"]
        .into_iter()
        .filter_map(|view| {
            let f: Vec<&Forecast> = years
                .iter()
                .flat_map(|y| y.forecasts.iter())
                .filter(|f| f.view == view)
                .collect();
            let n = f.len();
            (n > 0).then(|| {
                let m = n as f64;
                let band = |i: usize| f.iter().filter(|x| x.in_bands[i]).count();
                ViewScore {
                    view,
                    years: n,
                    mean_brier: f.iter().map(|x| x.brier).sum::<f64>() / m,
                    in_bands: [band(0), band(1), band(2)],
                    mean_error_pp: f.iter().map(|x| x.error_pp).sum::<f64>() / m,
                    rmse_pp: (f.iter().map(|x| x.error_pp.powi(2)).sum::<f64>() / m).sqrt(),
                }
            })
        })
        .collect::<Vec<_>>();
    // The spread the record's PITs support: the plan view's errors, scaled.
    let errors: Vec<f64> = years
        .iter()
        .flat_map(|y| y.forecasts.iter())
        .filter(|f| f.view == "plan")
        .map(|f| f.error_pp)
        .collect();
    let grid: Vec<f64> = (25..=1500).map(|k| f64::from(k) / 100.0).collect();
    debug_assert_eq!(grid.last().copied(), Some(LARGEST_SD_TRIED_PP));
    let distance = |sd: f64| ks_uniform(&errors.iter().map(|e| phi(e / sd)).collect::<Vec<_>>());
    let pit_uniform_sd_pp = grid
        .iter()
        .copied()
        .min_by(|a, b| distance(*a).total_cmp(&distance(*b)))
        .unwrap_or(f64::NAN);
    let critical = ks_critical(errors.len().max(1));
    let ok: Vec<f64> = grid
        .iter()
        .copied()
        .filter(|sd| distance(*sd) <= critical)
        .collect();
    let pit_consistent_sd_pp = match (ok.first(), ok.last()) {
        (Some(lo), Some(hi)) => Some([*lo, *hi]),
        _ => None,
    };
    let record_sd_pp = views
        .iter()
        .find(|v| v.view == "plan")
        .map_or(f64::NAN, |v| v.rmse_pp);
    let errors_sd_pp = if errors.len() < 2 {
        f64::NAN
    } else {
        let m = errors.len() as f64;
        let mean = errors.iter().sum::<f64>() / m;
        (errors.iter().map(|e| (e - mean).powi(2)).sum::<f64>() / (m - 1.0)).sqrt()
    };
    Ok(Backtest {
        region: region.to_string(),
        vintage,
        sd_pp,
        years,
        views,
        record_sd_pp,
        errors_sd_pp,
        later: None,
        pit_uniform_sd_pp,
        pit_consistent_sd_pp,
    })
}

fn median(v: &[f64]) -> f64 {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    let n = s.len();
    if n % 2 == 1 {
        s[n / 2]
    } else {
        0.5 * (s[n / 2 - 1] + s[n / 2])
    }
}
