//! The simulation: chunks of scenarios in parallel, reduced in order.
//!
//! `N` scenarios are cut into chunks of [`CHUNK_SIZE`]; chunk `c` draws from
//! its own generator, derived only from `(seed, c)`. Chunks run in batches of
//! [`BATCH_CHUNKS`] on rayon's pool; each batch's results are merged into the
//! totals serially, in chunk order, so the result is bit-identical whatever
//! the number of threads, and memory does not grow with `N`.

use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;
use serde::Serialize;

use crate::error::{McError, RunSetting};
use crate::model::{CompiledTarget, Model, Prices, TargetKind};
use crate::rng::{ChunkRng, chunk_rng, index};
use crate::stats::{covariance, pearson, quantile_sorted, ranks, wilson_95};

/// Scenarios per chunk (a constant: never derived from the thread count).
/// At most 65,535, so that a chunk's histogram counts fit in `u16`.
pub const CHUNK_SIZE: u64 = 32_768;
const _: () = assert!(CHUNK_SIZE <= u16::MAX as u64);
/// Chunks per batch: the unit of progress, cancellation and precision checks.
pub const BATCH_CHUNKS: u64 = 32;
/// Bins of the streaming histogram of aggregate growth.
pub const HISTOGRAM_BINS: usize = 32_768;
/// Scenarios kept in full (the first ones) for rank statistics, the
/// feasibility curve and the required-growth distribution.
pub const DETAIL_CAP: u64 = 4 * CHUNK_SIZE;
/// The most scenarios one run accepts.
pub const MAX_SCENARIOS: u64 = 100_000_000_000;
/// Scenario counts inside the first chunk recorded in the convergence trace.
const EARLY_CHECKPOINTS: [u64; 5] = [1_024, 2_048, 4_096, 8_192, 16_384];

/// How to run.
#[derive(Debug, Clone, PartialEq)]
pub struct RunOptions {
    /// Scenarios to draw (the most, when `precision` stops earlier).
    pub scenarios: u64,
    /// The seed.
    pub seed: u64,
    /// Stop, at a batch boundary, once the 95 % interval on P has a
    /// half-width at or below this (a probability, e.g. 0.005).
    pub precision: Option<f64>,
    /// Historical shortfalls (outcome − target, percentage points): each
    /// year of each scenario adds one, drawn with replacement, to every
    /// component's growth.
    pub optimism_pp: Option<Vec<f64>>,
    /// The component whose mean growth the feasibility curve varies.
    pub feasibility: Option<FeasibilityRequest>,
    /// The component whose required growth is reported per draw.
    pub required_component: Option<usize>,
    /// Keep the first [`DETAIL_CAP`] scenarios whole for rank statistics,
    /// the feasibility curve, the required growth and the achieved
    /// correlation (a fixed cost, independent of `scenarios`). Without it
    /// those results are empty; benchmarks of raw throughput turn it off.
    pub detail: bool,
}

/// A feasibility curve: P(target) as one component's centre moves.
#[derive(Debug, Clone, PartialEq)]
pub struct FeasibilityRequest {
    /// Component index.
    pub component: usize,
    /// Shifts of its centre, percentage points.
    pub shifts_pp: Vec<f64>,
}

/// Hooks for the caller: progress, cancellation, and the draws themselves.
#[derive(Default)]
pub struct Control<'a> {
    /// Called after every batch with (scenarios done, scenarios planned).
    pub progress: Option<&'a (dyn Fn(u64, u64) + Sync)>,
    /// Checked after every batch; when set, the run stops with [`McError::Cancelled`].
    pub cancel: Option<&'a AtomicBool>,
    /// Receives each chunk's draws in order: rows of the target year's
    /// component growth (percent) then aggregate growth (percent).
    pub draws: Option<DrawSink<'a>>,
}

/// Where `--save-draws` sends each chunk's rows.
pub type DrawSink<'a> = &'a mut (dyn FnMut(&[f64]) -> std::io::Result<()> + Send);

/// P and its interval at a point of the run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Checkpoint {
    /// Scenarios so far.
    pub scenarios: u64,
    /// P(growth ≥ target) so far.
    pub probability: f64,
    /// Wilson 95 % interval.
    pub ci95: [f64; 2],
}

/// Percentiles of a distribution, percent.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantiles {
    /// 1st percentile.
    pub p1: f64,
    /// 5th.
    pub p5: f64,
    /// 10th.
    pub p10: f64,
    /// 25th.
    pub p25: f64,
    /// Median.
    pub p50: f64,
    /// 75th.
    pub p75: f64,
    /// 90th.
    pub p90: f64,
    /// 95th.
    pub p95: f64,
    /// 99th.
    pub p99: f64,
}

/// The probabilities quoted.
pub const QUANTILE_LEVELS: [f64; 9] = [0.01, 0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95, 0.99];

impl Quantiles {
    fn from_fn(f: impl Fn(f64) -> f64) -> Self {
        let q = QUANTILE_LEVELS.map(f);
        Self {
            p1: q[0],
            p5: q[1],
            p10: q[2],
            p25: q[3],
            p50: q[4],
            p75: q[5],
            p90: q[6],
            p95: q[7],
            p99: q[8],
        }
    }

    /// The values in [`QUANTILE_LEVELS`] order.
    pub fn values(&self) -> [f64; 9] {
        [
            self.p1, self.p5, self.p10, self.p25, self.p50, self.p75, self.p90, self.p95, self.p99,
        ]
    }
}

/// P(one target met).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetProbability {
    /// The target's id.
    pub id: String,
    /// P(met); `null` when a draw lacked an input (unknown prices or population).
    pub probability: Option<f64>,
    /// Wilson 95 % interval.
    pub ci95: Option<[f64; 2]>,
}

/// How much a component drives the outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sensitivity {
    /// Component id.
    pub id: String,
    /// Its exact share of the variance of aggregate growth,
    /// `w_i (Σw)_i / wᵀΣw` (can be negative under negative correlation; shares sum to 1).
    pub variance_share: f64,
    /// Spearman rank correlation of its growth with aggregate growth.
    pub spearman: f64,
    /// Aggregate growth with this component at its 10th percentile, the others at their medians, percent.
    pub tornado_low_pct: f64,
    /// The same at its 90th percentile, percent.
    pub tornado_high_pct: f64,
    /// The component's own 10th percentile, percent.
    pub growth_p10_pct: f64,
    /// Its 90th percentile, percent.
    pub growth_p90_pct: f64,
}

/// A point of the feasibility curve.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeasibilityPoint {
    /// The component's centre at this point, percent.
    pub centre_pct: f64,
    /// P(target) there.
    pub probability: f64,
}

/// P(target) as one component's centre moves (common random numbers).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeasibilityCurve {
    /// Component id.
    pub component: String,
    /// The points, by centre.
    pub points: Vec<FeasibilityPoint>,
    /// Scenarios the curve is computed on (the first ones).
    pub scenarios: u64,
}

/// What one component would have needed, draw by draw.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RequiredGrowth {
    /// Component id.
    pub component: String,
    /// Mean required growth, percent.
    pub mean_pct: f64,
    /// Its percentiles, percent.
    pub quantiles_pct: Quantiles,
    /// Scenarios it is computed on (the first ones).
    pub scenarios: u64,
}

/// Requested against achieved rank correlation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CorrelationReport {
    /// Requested Spearman matrix.
    pub requested: Vec<Vec<f64>>,
    /// Achieved Spearman matrix of the target year's growth draws.
    pub achieved: Vec<Vec<f64>>,
    /// Scenarios it is computed on (the first ones).
    pub scenarios: u64,
}

/// Everything one simulation of one view says.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SimResult {
    /// Scenarios drawn.
    pub scenarios: u64,
    /// Whether the run stopped early because `precision` was reached.
    pub stopped_at_precision: bool,
    /// The target year.
    pub target_year: i32,
    /// The threshold, percent; met when growth ≥ threshold (inclusive).
    pub target_pct: f64,
    /// P(growth ≥ target).
    pub probability: f64,
    /// Wilson 95 % interval on P.
    pub probability_ci95: [f64; 2],
    /// Monte Carlo standard error of P, `√(p(1 − p)/N)`.
    pub std_error: f64,
    /// Mean aggregate growth, percent.
    pub mean_pct: f64,
    /// Standard deviation of aggregate growth, percentage points.
    pub sd_pct: f64,
    /// Lowest and highest draw, percent.
    pub min_pct: f64,
    /// Highest draw, percent.
    pub max_pct: f64,
    /// Percentiles of aggregate growth, percent.
    pub quantiles_pct: Quantiles,
    /// Bound on the quantiles' error from the histogram, percentage points.
    pub quantile_error_pp: f64,
    /// Mean shortfall below the target when it is missed, percentage points.
    pub expected_shortfall_pp: Option<f64>,
    /// P(each scenario target met).
    pub targets: Vec<TargetProbability>,
    /// P(every scenario target met together).
    pub all_targets_probability: Option<f64>,
    /// Each component's role.
    pub sensitivity: Vec<Sensitivity>,
    /// P at checkpoints.
    pub convergence: Vec<Checkpoint>,
    /// The feasibility curve, where requested.
    pub feasibility: Option<FeasibilityCurve>,
    /// Required growth of one component, where requested.
    pub required_growth: Option<RequiredGrowth>,
    /// Achieved rank correlation.
    pub correlation: Option<CorrelationReport>,
    /// Aggregate growth of every plan year: mean and percentiles (the fan chart).
    pub years: Vec<YearDistribution>,
    /// Histogram of aggregate growth: lower edge, bin width (pp), counts.
    #[serde(skip)]
    pub histogram: Histogram,
}

/// The distribution of one plan year's aggregate growth.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearDistribution {
    /// The year.
    pub year: i32,
    /// Mean growth, percent.
    pub mean_pct: f64,
    /// Percentiles, percent (histogram midpoints; error ≤ `quantile_error_pp`).
    pub quantiles_pct: Quantiles,
}

/// A histogram of aggregate growth.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Histogram {
    /// Lower edge of the first bin, percent.
    pub lo: f64,
    /// Bin width, percentage points.
    pub width: f64,
    /// Counts per bin.
    pub counts: Vec<u64>,
    /// Draws below the first bin.
    pub under: u64,
    /// Draws above the last bin.
    pub over: u64,
}

/// Per-draw buffers, reused.
struct Scratch {
    z: Vec<f64>,
    x: Vec<f64>,
    e: Vec<f64>,
    g: Vec<f64>,
    w: Vec<f64>,
    y: Vec<f64>,
    y_new: Vec<f64>,
    pi: Vec<f64>,
    main_g: Vec<f64>,
    main_w: Vec<f64>,
    met: Vec<u8>,
    /// Aggregate growth of every plan year, percent.
    year_growth: Vec<f64>,
}

/// 0 not met, 1 met, 2 unknown.
const MET: u8 = 1;
const UNKNOWN: u8 = 2;

impl Scratch {
    fn new(k: usize, targets: usize, years: usize) -> Self {
        Self {
            z: vec![0.0; k],
            x: vec![0.0; k],
            e: vec![0.0; k],
            g: vec![0.0; k],
            w: vec![0.0; k],
            y: vec![0.0; k],
            y_new: vec![0.0; k],
            pi: vec![0.0; k],
            main_g: vec![0.0; k],
            main_w: vec![0.0; k],
            met: vec![0; targets],
            year_growth: vec![0.0; years],
        }
    }
}

/// The random parts of one draw: where they come from.
enum Source<'a> {
    Random(&'a mut ChunkRng, Option<&'a [f64]>),
    /// Fixed latent scores per year and component (for the tornado).
    Fixed(&'a [Vec<f64>]),
}

impl Model {
    /// One scenario, year by year. Returns aggregate growth of the target year.
    fn draw(&self, src: &mut Source, s: &mut Scratch) -> Result<f64, (&'static str, i32)> {
        let k = self.k;
        s.w.copy_from_slice(&self.base_weights);
        if let (Some(sd), Source::Random(rng, _)) = (&self.weight_sd, &mut *src) {
            for (w, sd) in s.w.iter_mut().zip(sd) {
                *w = (*w + sd * self.normal.sample(*rng)).max(0.0);
            }
            let total: f64 = s.w.iter().sum();
            if total > 0.0 {
                s.w.iter_mut().for_each(|w| *w /= total);
            } else {
                s.w.copy_from_slice(&self.base_weights);
            }
        }
        let mut levels = self.needs_levels && self.base_current.is_some();
        if levels && let Some(y) = &self.base_current {
            s.y.copy_from_slice(y);
        }
        let mut population = self.base_population;
        let mut employed = self.base_employed;
        let innovation = (1.0 - self.persistence * self.persistence).sqrt();
        let mut main_growth = f64::NAN;
        for t in 0..self.years.len() {
            match src {
                Source::Random(rng, _) => {
                    for z in s.z.iter_mut() {
                        *z = self.normal.sample(*rng);
                    }
                    match &self.chol {
                        Some(l) => {
                            for i in 0..k {
                                let row = &l[i * k..i * k + i + 1];
                                s.x[i] = row.iter().zip(&s.z).map(|(a, b)| a * b).sum();
                            }
                        }
                        None => s.x.copy_from_slice(&s.z),
                    }
                }
                Source::Fixed(scores) => s.x.copy_from_slice(&scores[t]),
            }
            for i in 0..k {
                s.e[i] = if t > 0 && self.persistence > 0.0 {
                    self.persistence * s.e[i] + innovation * s.x[i]
                } else {
                    s.x[i]
                };
                s.g[i] = self.transforms[t][i].apply(s.e[i]);
            }
            if let Source::Random(rng, Some(shortfalls)) = src {
                let add = shortfalls[index(*rng, shortfalls.len())];
                s.g.iter_mut().for_each(|g| *g += add);
            }
            let growth: f64 = s.w.iter().zip(&s.g).map(|(w, g)| w * g).sum();
            if !growth.is_finite() {
                return Err(("aggregate growth", self.years[t]));
            }
            s.year_growth[t] = growth;
            if t == self.main_index {
                main_growth = growth;
                s.main_g.copy_from_slice(&s.g);
                s.main_w.copy_from_slice(&s.w);
            }
            // Current prices, people, workers.
            let mut nominal = f64::NAN;
            let mut current_total = f64::NAN;
            let mut per_capita = f64::NAN;
            let mut productivity = f64::NAN;
            if levels {
                let y_total: f64 = s.y.iter().sum();
                let price_known = match &self.prices[t] {
                    Prices::Common(p) => {
                        let at_old: f64 =
                            s.y.iter()
                                .zip(&s.g)
                                .map(|(y, g)| y * (1.0 + g / 100.0))
                                .sum();
                        let c = (1.0 + p) * (1.0 + growth / 100.0) * y_total / at_old - 1.0;
                        s.pi.iter_mut().for_each(|x| *x = c);
                        true
                    }
                    Prices::PerComponent(v) => {
                        s.pi.copy_from_slice(v);
                        true
                    }
                    Prices::Unknown => false,
                };
                if price_known {
                    if let (Some(sd), Source::Random(rng, _)) = (&self.price_sd, &mut *src) {
                        for (pi, sd) in s.pi.iter_mut().zip(sd) {
                            *pi += sd * self.normal.sample(*rng);
                        }
                    }
                    for i in 0..k {
                        s.y_new[i] = s.y[i] * (1.0 + s.g[i] / 100.0) * (1.0 + s.pi[i]);
                    }
                    current_total = s.y_new.iter().sum();
                    nominal = 100.0 * (current_total / y_total - 1.0);
                    population = match (population, self.population_growth[t]) {
                        (Some(p), Some(gp)) => {
                            let noise = match (&self.population_sd, &mut *src) {
                                (Some(sd), Source::Random(rng, _)) => sd * self.normal.sample(*rng),
                                _ => 0.0,
                            };
                            Some(p * (1.0 + gp + noise))
                        }
                        _ => None,
                    };
                    employed = match (employed, self.employment_growth[t]) {
                        (Some(l), Some(ge)) => Some(l * (1.0 + ge)),
                        _ => None,
                    };
                    per_capita = population.map_or(f64::NAN, |p| current_total / p);
                    productivity = employed.map_or(f64::NAN, |l| current_total / l);
                    if !current_total.is_finite() {
                        return Err(("GRDP at current prices", self.years[t]));
                    }
                } else {
                    levels = false;
                }
            }
            for (m, target) in s.met.iter_mut().zip(&self.targets) {
                if target.year_index != t {
                    continue;
                }
                let figures = YearFigures {
                    growth,
                    g: &s.g,
                    w: &s.w,
                    y_new: &s.y_new,
                    current_total,
                    nominal,
                    per_capita,
                    productivity,
                    employment_growth: self.employment_growth[t],
                };
                let value = figures.value(target);
                *m = if value.is_nan() {
                    UNKNOWN
                } else if value >= target.lo && value <= target.hi {
                    MET
                } else {
                    0
                };
            }
            // Roll weights and levels forward.
            for i in 0..k {
                s.w[i] *= 1.0 + s.g[i] / 100.0;
            }
            let total: f64 = s.w.iter().sum();
            if total > 0.0 {
                s.w.iter_mut().for_each(|w| *w /= total);
            }
            if levels {
                s.y.copy_from_slice(&s.y_new);
            }
        }
        Ok(main_growth)
    }
}

/// What one simulated year shows, for testing targets.
struct YearFigures<'a> {
    growth: f64,
    g: &'a [f64],
    w: &'a [f64],
    y_new: &'a [f64],
    current_total: f64,
    nominal: f64,
    per_capita: f64,
    productivity: f64,
    employment_growth: Option<f64>,
}

impl YearFigures<'_> {
    /// The target's indicator this year; NaN where an input is unknown.
    fn value(&self, t: &CompiledTarget) -> f64 {
        match t.kind {
            TargetKind::Growth => self.growth,
            TargetKind::ComponentGrowth(i) => self.g[i],
            TargetKind::Contribution(i) => self.w[i] * self.g[i],
            TargetKind::Share(i) => 100.0 * self.y_new[i] / self.current_total,
            TargetKind::PerCapita => self.per_capita,
            TargetKind::Productivity => self.productivity,
            TargetKind::ProductivityGrowth => self.employment_growth.map_or(f64::NAN, |e| {
                100.0 * ((1.0 + self.growth / 100.0) / (1.0 + e) - 1.0)
            }),
            TargetKind::Nominal => self.nominal,
            TargetKind::Deflator => {
                100.0 * ((1.0 + self.nominal / 100.0) / (1.0 + self.growth / 100.0) - 1.0)
            }
            TargetKind::GrdpCurrent => self.current_total,
        }
    }
}

/// Results of one chunk.
struct ChunkAcc {
    n: u64,
    hits: u64,
    sum_d: f64,
    sum_d2: f64,
    min: f64,
    max: f64,
    miss_gap: f64,
    /// Counts per bin; a chunk's 32,768 scenarios fit in `u16`.
    hist: Vec<u16>,
    under: u64,
    over: u64,
    target_met: Vec<u64>,
    target_unknown: Vec<u64>,
    all_met: u64,
    early: Vec<(u64, u64)>,
    /// Per plan year (multi-year models only): histogram and sum of growth.
    year_hist: Vec<Vec<u16>>,
    year_sum: Vec<f64>,
    /// Per draw: k growth, k weights, aggregate (target year).
    detail: Vec<f64>,
    draws: Vec<f64>,
    failure: Option<(&'static str, i32)>,
}

impl ChunkAcc {
    fn empty(model: &Model, n: u64) -> Self {
        Self {
            n,
            hits: 0,
            sum_d: 0.0,
            sum_d2: 0.0,
            min: f64::INFINITY,
            max: f64::NEG_INFINITY,
            miss_gap: 0.0,
            hist: Vec::new(),
            under: 0,
            over: 0,
            target_met: vec![0; model.targets.len()],
            target_unknown: vec![0; model.targets.len()],
            all_met: 0,
            early: Vec::new(),
            year_hist: Vec::new(),
            year_sum: Vec::new(),
            detail: Vec::new(),
            draws: Vec::new(),
            failure: None,
        }
    }
}

/// One chunk's work order.
struct ChunkJob<'a> {
    /// Set by the caller to stop: the chunk returns early (the run is
    /// abandoned, so its partial results are never reported).
    cancel: Option<&'a AtomicBool>,
    seed: u64,
    chunk: u64,
    n: u64,
    bins: Bins,
    optimism: Option<&'a [f64]>,
    keep_detail: bool,
    keep_draws: bool,
}

/// Fixed per-run settings of the histogram.
#[derive(Clone, Copy)]
struct Bins {
    lo: f64,
    inv_width: f64,
    reference: f64,
}

impl Model {
    /// The deterministic aggregate growth of the target year with every
    /// latent score at `scores` (zero = every marginal at its median).
    fn fixed_path(&self, scores: &[Vec<f64>]) -> f64 {
        let mut s = Scratch::new(self.k, self.targets.len(), self.years.len());
        self.draw(&mut Source::Fixed(scores), &mut s)
            .unwrap_or(f64::NAN)
    }

    fn zero_scores(&self) -> Vec<Vec<f64>> {
        vec![vec![0.0; self.k]; self.years.len()]
    }

    /// Histogram range: the median path ± 50 robust spreads (+1 pp).
    fn bins(&self) -> Bins {
        let centre = self.fixed_path(&self.zero_scores());
        let t = self.main_index;
        let spread: f64 = (0..self.k)
            .map(|i| {
                let tr = &self.transforms[t][i];
                self.base_weights[i] * 0.5 * (tr.apply(1.0) - tr.apply(-1.0)).abs()
            })
            .sum::<f64>()
            + self
                .weight_sd
                .as_ref()
                .map_or(0.0, |sd| sd.iter().sum::<f64>() * 20.0);
        let half = 50.0 * spread + 1.0 + self.years.len() as f64 * 2.0;
        let lo = if centre.is_finite() {
            centre - half
        } else {
            -half
        };
        Bins {
            lo,
            inv_width: HISTOGRAM_BINS as f64 / (2.0 * half),
            reference: if centre.is_finite() { centre } else { 0.0 },
        }
    }

    fn run_chunk(&self, job: &ChunkJob) -> ChunkAcc {
        // The linear model's tight loop, where nothing per component is kept.
        if let Some((c0, a)) = &self.linear
            && job.optimism.is_none()
            && !job.keep_detail
            && !job.keep_draws
            && self.targets.iter().all(|t| t.kind == TargetKind::Growth)
        {
            macro_rules! dispatch {
                ($($k:literal)*) => {
                    match a.len() {
                        $($k => {
                            let mut fixed = [0.0; $k];
                            fixed.copy_from_slice(a);
                            return self.run_linear_chunk::<$k>(job, *c0, fixed);
                        })*
                        _ => {}
                    }
                };
            }
            dispatch!(1 2 3 4 5 6 7 8);
        }
        let &ChunkJob {
            cancel,
            seed,
            chunk,
            n,
            bins,
            optimism,
            keep_detail,
            keep_draws,
        } = job;
        let k = self.k;
        let threshold = self.main.threshold_pct;
        let mut rng = chunk_rng(seed, chunk);
        let mut s = Scratch::new(k, self.targets.len(), self.years.len());
        let mut acc = ChunkAcc {
            hist: vec![0; HISTOGRAM_BINS],
            year_hist: if self.years.len() > 1 {
                vec![vec![0; HISTOGRAM_BINS]; self.years.len()]
            } else {
                Vec::new()
            },
            year_sum: vec![0.0; self.years.len()],
            detail: Vec::with_capacity(if keep_detail {
                n as usize * (2 * k + 1)
            } else {
                0
            }),
            draws: Vec::with_capacity(if keep_draws { n as usize * (k + 1) } else { 0 }),
            ..ChunkAcc::empty(self, n)
        };
        let fast = self.linear.as_ref().filter(|_| {
            optimism.is_none() && self.targets.iter().all(|t| t.kind == TargetKind::Growth)
        });
        let need_components = keep_detail || keep_draws;
        for j in 0..n {
            if j % 1024 == 0 && cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
                acc.n = j;
                return acc;
            }
            let growth = match fast {
                Some((c0, a)) => {
                    let mut g = *c0;
                    for (z, aj) in s.z.iter_mut().zip(a) {
                        *z = self.normal.sample(&mut rng);
                        g += aj * *z;
                    }
                    if need_components {
                        self.components_from_z(&mut s);
                    }
                    for (m, t) in s.met.iter_mut().zip(&self.targets) {
                        *m = u8::from((g >= t.lo) & (g <= t.hi));
                    }
                    g
                }
                None => match self.draw(&mut Source::Random(&mut rng, optimism), &mut s) {
                    Ok(g) => g,
                    Err(failure) => {
                        acc.failure = Some(failure);
                        acc.n = j;
                        return acc;
                    }
                },
            };
            // Branchless: whether a draw meets the target is a coin toss.
            acc.hits += u64::from(growth >= threshold);
            acc.miss_gap += (threshold - growth).max(0.0);
            let d = growth - bins.reference;
            acc.sum_d += d;
            acc.sum_d2 += d * d;
            acc.min = acc.min.min(growth);
            acc.max = acc.max.max(growth);
            let pos = (growth - bins.lo) * bins.inv_width;
            if pos >= 0.0 && pos < HISTOGRAM_BINS as f64 {
                acc.hist[pos as usize] += 1;
            } else if pos < 0.0 {
                acc.under += 1;
            } else {
                acc.over += 1;
            }
            if !acc.year_hist.is_empty() {
                for ((hist, sum), g) in acc
                    .year_hist
                    .iter_mut()
                    .zip(&mut acc.year_sum)
                    .zip(&s.year_growth)
                {
                    *sum += g;
                    let pos = (g - bins.lo) * bins.inv_width;
                    if pos >= 0.0 && pos < HISTOGRAM_BINS as f64 {
                        hist[pos as usize] += 1;
                    }
                }
            }
            let mut all = 1u64;
            for ((m, met), unknown) in s
                .met
                .iter()
                .zip(&mut acc.target_met)
                .zip(&mut acc.target_unknown)
            {
                let is_met = u64::from(*m == MET);
                *met += is_met;
                *unknown += u64::from(*m == UNKNOWN);
                all &= is_met;
            }
            acc.all_met += all;
            if keep_detail {
                acc.detail.extend_from_slice(&s.main_g);
                acc.detail.extend_from_slice(&s.main_w);
                acc.detail.push(growth);
            }
            if keep_draws {
                acc.draws.extend_from_slice(&s.main_g);
                acc.draws.push(growth);
            }
            if chunk == 0 && EARLY_CHECKPOINTS.contains(&(j + 1)) {
                acc.early.push((j + 1, acc.hits));
            }
        }
        acc
    }

    /// The linear model `G = c0 + a · z` with `K` components: the engine's
    /// fastest loop. Accumulators live in locals; the generator is owned.
    fn run_linear_chunk<const K: usize>(&self, job: &ChunkJob, c0: f64, a: [f64; K]) -> ChunkAcc {
        let mut rng = chunk_rng(job.seed, job.chunk);
        let bins = job.bins;
        let threshold = self.main.threshold_pct;
        let zig = &self.normal;
        let mut hist = vec![0u16; HISTOGRAM_BINS];
        let (mut hits, mut under, mut over) = (0u64, 0u64, 0u64);
        let (mut sum_d, mut sum_d2, mut miss_gap) = (0.0f64, 0.0f64, 0.0f64);
        let (mut min, mut max) = (f64::INFINITY, f64::NEG_INFINITY);
        let mut target_met = vec![0u64; self.targets.len()];
        let mut early = Vec::new();
        let bins_f = HISTOGRAM_BINS as f64;
        // Targets that are all "growth ≥ the main threshold" are met exactly
        // when the main target is: no counting of their own.
        let same_as_main = self
            .targets
            .iter()
            .all(|t| t.lo.to_bits() == threshold.to_bits() && t.hi.is_infinite() && t.hi > 0.0);
        // Every target is an interval on the same growth: all are met inside their intersection.
        let all_lo = self
            .targets
            .iter()
            .map(|t| t.lo)
            .fold(f64::NEG_INFINITY, f64::max);
        let all_hi = self
            .targets
            .iter()
            .map(|t| t.hi)
            .fold(f64::INFINITY, f64::min);
        let mut all_met = 0u64;
        // Draw the normals of a block of scenarios in one tight loop, then
        // score them: the generator is consumed in exactly the same order.
        const BLOCK: usize = 256;
        let mut z = [[0.0f64; K]; BLOCK];
        let mut block_g = [0.0f64; BLOCK];
        let mut j = 0u64;
        while j < job.n {
            if job.cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
                break;
            }
            let m = BLOCK.min((job.n - j) as usize);
            for row in &mut z[..m] {
                for v in row.iter_mut() {
                    *v = zig.sample(&mut rng);
                }
            }
            for (g, row) in block_g[..m].iter_mut().zip(&z[..m]) {
                let mut acc = c0;
                for (aj, zj) in a.iter().zip(row) {
                    acc += aj * zj;
                }
                *g = acc;
            }
            for &g in &block_g[..m] {
                j += 1;
                hits += u64::from(g >= threshold);
                miss_gap += (threshold - g).max(0.0);
                let d = g - bins.reference;
                sum_d += d;
                sum_d2 += d * d;
                min = min.min(g);
                max = max.max(g);
                let pos = (g - bins.lo) * bins.inv_width;
                if pos >= 0.0 && pos < bins_f {
                    hist[pos as usize] += 1;
                } else if pos < 0.0 {
                    under += 1;
                } else {
                    over += 1;
                }
                for (met, t) in target_met.iter_mut().zip(&self.targets) {
                    *met += u64::from((g >= t.lo) & (g <= t.hi));
                }
                all_met += u64::from((g >= all_lo) & (g <= all_hi));
                if job.chunk == 0 && EARLY_CHECKPOINTS.contains(&j) {
                    early.push((j, hits));
                }
            }
        }
        if !(sum_d2.is_finite() && min.is_finite()) {
            return ChunkAcc {
                failure: Some(("aggregate growth", self.main.year)),
                ..ChunkAcc::empty(self, job.n)
            };
        }
        if same_as_main {
            target_met.iter_mut().for_each(|m| *m = hits);
            all_met = if self.targets.is_empty() { j } else { hits };
        }
        ChunkAcc {
            hits,
            sum_d,
            sum_d2,
            min,
            max,
            miss_gap,
            hist,
            under,
            over,
            all_met,
            target_unknown: vec![0; self.targets.len()],
            target_met,
            early,
            ..ChunkAcc::empty(self, j)
        }
    }

    /// Component growth from the normals in `s.z` (linear models).
    fn components_from_z(&self, s: &mut Scratch) {
        let k = self.k;
        for i in 0..k {
            let x = match &self.chol {
                Some(l) => l[i * k..i * k + i + 1]
                    .iter()
                    .zip(&s.z)
                    .map(|(a, b)| a * b)
                    .sum(),
                None => s.z[i],
            };
            s.main_g[i] = self.transforms[0][i].apply(x);
        }
        s.main_w.copy_from_slice(&self.base_weights);
    }
}

/// Runs the simulation of `model`.
pub fn simulate(
    model: &Model,
    opts: &RunOptions,
    mut control: Control,
) -> Result<SimResult, McError> {
    if opts.scenarios == 0 {
        return Err(McError::InvalidSetting {
            setting: RunSetting::Scenarios,
            message: "found 0; expected at least 1 scenario".into(),
        });
    }
    if opts.scenarios > MAX_SCENARIOS {
        return Err(McError::InvalidSetting {
            setting: RunSetting::Scenarios,
            message: format!(
                "found {}; expected at most {MAX_SCENARIOS}",
                opts.scenarios
            ),
        });
    }
    if let Some(p) = opts.precision
        && !(p > 0.0 && p < 0.5)
    {
        return Err(McError::InvalidSetting {
            setting: RunSetting::Precision,
            message: format!(
                "found {p}; expected a half-width of the 95% interval between 0 and 0.5, such as 0.005"
            ),
        });
    }
    if let Some(o) = &opts.optimism_pp
        && (o.is_empty() || o.iter().any(|x| !x.is_finite()))
    {
        return Err(McError::InvalidSetting {
            setting: RunSetting::OptimismRecord,
            message: "the historical shortfalls are empty or not finite".into(),
        });
    }
    let bins = model.bins();
    let optimism = opts.optimism_pp.as_deref();
    let chunks = opts.scenarios.div_ceil(CHUNK_SIZE);
    let keep_draws = control.draws.is_some();
    let mut tot = Totals::new(model, bins);
    let mut detail: Vec<f64> = Vec::new();
    let mut stopped = false;
    let mut next = 0u64;
    // With a precision goal, smaller batches waste less work past the stop;
    // the batch size never changes the result, only the chunk order does.
    let batch = if opts.precision.is_some() {
        4
    } else {
        BATCH_CHUNKS
    };
    'batches: while next < chunks {
        let end = (next + batch).min(chunks);
        let results: Vec<ChunkAcc> = (next..end)
            .into_par_iter()
            .map(|c| {
                let n = CHUNK_SIZE.min(opts.scenarios - c * CHUNK_SIZE);
                model.run_chunk(&ChunkJob {
                    cancel: control.cancel,
                    seed: opts.seed,
                    chunk: c,
                    n,
                    bins,
                    optimism,
                    keep_detail: opts.detail && c * CHUNK_SIZE < DETAIL_CAP,
                    keep_draws,
                })
            })
            .collect();
        for (offset, acc) in results.into_iter().enumerate() {
            if let Some((what, year)) = acc.failure {
                return Err(McError::NonFinite {
                    what: what.into(),
                    year,
                });
            }
            if let Some(sink) = control.draws.as_mut() {
                sink(&acc.draws).map_err(McError::Draws)?;
            }
            if !acc.detail.is_empty() {
                detail.extend_from_slice(&acc.detail);
            }
            tot.merge(&acc);
            let chunk = next + offset as u64;
            if let Some(p) = opts.precision {
                let [lo, hi] = wilson_95(tot.hits, tot.n);
                if 0.5 * (hi - lo) <= p && chunk + 1 < chunks {
                    stopped = true;
                    break 'batches;
                }
            }
        }
        next = end;
        if let Some(progress) = control.progress {
            progress(tot.n, opts.scenarios);
        }
        if control.cancel.is_some_and(|c| c.load(Ordering::SeqCst)) {
            return Err(McError::Cancelled {
                done: tot.n,
                planned: opts.scenarios,
            });
        }
    }
    let result = tot.finish(model, opts, &detail, stopped);
    if !(result.mean_pct.is_finite()
        && result.sd_pct.is_finite()
        && result.min_pct.is_finite()
        && result.max_pct.is_finite())
    {
        return Err(McError::NonFinite {
            what: "mean or spread of aggregate growth".into(),
            year: model.main.year,
        });
    }
    Ok(result)
}

/// Running totals over chunks, merged in order.
struct Totals {
    n: u64,
    hits: u64,
    mean: f64,
    m2: f64,
    min: f64,
    max: f64,
    miss_gap: f64,
    misses: u64,
    hist: Vec<u64>,
    under: u64,
    over: u64,
    target_met: Vec<u64>,
    target_unknown: Vec<u64>,
    all_met: u64,
    convergence: Vec<Checkpoint>,
    year_hist: Vec<Vec<u64>>,
    year_sum: Vec<f64>,
    bins: Bins,
}

impl Totals {
    fn new(model: &Model, bins: Bins) -> Self {
        Self {
            n: 0,
            hits: 0,
            mean: 0.0,
            m2: 0.0,
            min: f64::INFINITY,
            max: f64::NEG_INFINITY,
            miss_gap: 0.0,
            misses: 0,
            hist: vec![0; HISTOGRAM_BINS],
            under: 0,
            over: 0,
            target_met: vec![0; model.targets.len()],
            target_unknown: vec![0; model.targets.len()],
            all_met: 0,
            convergence: Vec::new(),
            year_hist: if model.years.len() > 1 {
                vec![vec![0; HISTOGRAM_BINS]; model.years.len()]
            } else {
                Vec::new()
            },
            year_sum: vec![0.0; model.years.len()],
            bins,
        }
    }

    fn merge(&mut self, a: &ChunkAcc) {
        if a.n == 0 {
            return;
        }
        for &(n, hits) in &a.early {
            self.convergence.push(Checkpoint {
                scenarios: n,
                probability: hits as f64 / n as f64,
                ci95: wilson_95(hits, n),
            });
        }
        // Chan et al.: combine (n, mean, M2) of the totals and the chunk.
        let nb = a.n as f64;
        let mean_b = self.bins.reference + a.sum_d / nb;
        let m2_b = (a.sum_d2 - a.sum_d * a.sum_d / nb).max(0.0);
        let na = self.n as f64;
        let n = na + nb;
        let delta = mean_b - self.mean;
        self.mean += delta * nb / n;
        self.m2 += m2_b + delta * delta * na * nb / n;
        self.n += a.n;
        self.hits += a.hits;
        self.min = self.min.min(a.min);
        self.max = self.max.max(a.max);
        self.miss_gap += a.miss_gap;
        self.misses += a.n - a.hits;
        for (t, c) in self.hist.iter_mut().zip(&a.hist) {
            *t += u64::from(*c);
        }
        self.under += a.under;
        self.over += a.over;
        for (t, c) in self.year_hist.iter_mut().zip(&a.year_hist) {
            for (x, y) in t.iter_mut().zip(c) {
                *x += u64::from(*y);
            }
        }
        for (t, c) in self.year_sum.iter_mut().zip(&a.year_sum) {
            *t += c;
        }
        for (t, c) in self.target_met.iter_mut().zip(&a.target_met) {
            *t += c;
        }
        for (t, c) in self.target_unknown.iter_mut().zip(&a.target_unknown) {
            *t += c;
        }
        self.all_met += a.all_met;
        self.convergence.push(Checkpoint {
            scenarios: self.n,
            probability: self.hits as f64 / self.n as f64,
            ci95: wilson_95(self.hits, self.n),
        });
    }

    /// The `p` quantile of plan year `t` from its histogram (bin midpoint).
    fn year_quantile(&self, t: usize, p: f64) -> f64 {
        let width = 1.0 / self.bins.inv_width;
        let need = ((p * self.n as f64).ceil() as u64).max(1);
        let mut cum = 0;
        for (i, c) in self.year_hist[t].iter().enumerate() {
            cum += c;
            if cum >= need {
                return self.bins.lo + (i as f64 + 0.5) * width;
            }
        }
        f64::NAN
    }

    /// The `p` quantile from the histogram: the midpoint of the bin where
    /// the cumulative count first reaches `p·n` (error ≤ half a bin).
    fn quantile(&self, p: f64) -> f64 {
        let width = 1.0 / self.bins.inv_width;
        let need = ((p * self.n as f64).ceil() as u64).max(1);
        let mut cum = self.under;
        if cum >= need {
            return self.min;
        }
        for (i, c) in self.hist.iter().enumerate() {
            cum += c;
            if cum >= need {
                return self.bins.lo + (i as f64 + 0.5) * width;
            }
        }
        self.max
    }

    fn finish(self, model: &Model, opts: &RunOptions, detail: &[f64], stopped: bool) -> SimResult {
        let k = model.k;
        let p = self.hits as f64 / self.n as f64;
        let width = 1.0 / self.bins.inv_width;
        let stride = 2 * k + 1;
        let rows = detail.len() / stride;
        let col = |j: usize| -> Vec<f64> { (0..rows).map(|r| detail[r * stride + j]).collect() };
        let growth_cols: Vec<Vec<f64>> = (0..k).map(col).collect();
        let weight_means: Vec<f64> = (0..k)
            .map(|i| {
                let c = col(k + i);
                c.iter().sum::<f64>() / c.len().max(1) as f64
            })
            .collect();
        let aggregate = col(2 * k);
        // Rank each column once; Spearman is Pearson on ranks.
        // Columns are ranked independently, so in parallel; each result
        // lands in its own place, whatever the thread that computed it.
        let (growth_ranks, aggregate_ranks): (Vec<Vec<f64>>, Vec<f64>) = rayon::join(
            || growth_cols.par_iter().map(|c| ranks(c)).collect(),
            || ranks(&aggregate),
        );
        let cov = covariance(&growth_cols);
        let sw: Vec<f64> = (0..k)
            .map(|i| (0..k).map(|j| cov[i][j] * weight_means[j]).sum())
            .collect();
        let total_var: f64 = (0..k).map(|i| weight_means[i] * sw[i]).sum();
        let zero = model.zero_scores();
        let z10 = crate::marginal::std_normal_quantile(0.10);
        let sensitivity = (0..k)
            .map(|i| {
                let at = |z: f64| {
                    let mut s = zero.clone();
                    s[model.main_index][i] = z;
                    model.fixed_path(&s)
                };
                let tr = &model.transforms[model.main_index][i];
                Sensitivity {
                    id: model.ids[i].clone(),
                    variance_share: if total_var > 0.0 {
                        weight_means[i] * sw[i] / total_var
                    } else {
                        0.0
                    },
                    spearman: pearson(&growth_ranks[i], &aggregate_ranks),
                    tornado_low_pct: at(z10),
                    tornado_high_pct: at(-z10),
                    growth_p10_pct: tr.apply(z10),
                    growth_p90_pct: tr.apply(-z10),
                }
            })
            .collect();
        let threshold = model.main.threshold_pct;
        let feasibility = opts.feasibility.as_ref().map(|f| {
            let c = f.component;
            let points = f
                .shifts_pp
                .iter()
                .map(|d| {
                    let hits = (0..rows)
                        .filter(|&r| {
                            let w = detail[r * stride + k + c];
                            detail[r * stride + 2 * k] + w * d >= threshold
                        })
                        .count();
                    FeasibilityPoint {
                        centre_pct: model.centres[c] + d,
                        probability: hits as f64 / rows.max(1) as f64,
                    }
                })
                .collect();
            FeasibilityCurve {
                component: model.ids[c].clone(),
                points,
                scenarios: rows as u64,
            }
        });
        let required_growth = opts.required_component.map(|c| {
            let mut req: Vec<f64> = (0..rows)
                .map(|r| {
                    let w = detail[r * stride + k + c];
                    let g = detail[r * stride + c];
                    let others = detail[r * stride + 2 * k] - w * g;
                    if w > 0.0 {
                        (threshold - others) / w
                    } else {
                        f64::NAN
                    }
                })
                .filter(|v| v.is_finite())
                .collect();
            req.sort_by(f64::total_cmp);
            RequiredGrowth {
                component: model.ids[c].clone(),
                mean_pct: req.iter().sum::<f64>() / req.len().max(1) as f64,
                quantiles_pct: Quantiles::from_fn(|q| quantile_sorted(&req, q)),
                scenarios: req.len() as u64,
            }
        });
        let correlation = Some(CorrelationReport {
            requested: model.requested_rank(),
            achieved: (0..k)
                .map(|i| {
                    (0..k)
                        .map(|j| {
                            if i == j {
                                1.0
                            } else {
                                pearson(&growth_ranks[i], &growth_ranks[j])
                            }
                        })
                        .collect()
                })
                .collect(),
            scenarios: rows as u64,
        });
        let targets = model
            .targets
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let known = self.target_unknown[i] == 0;
                TargetProbability {
                    id: t.id.clone(),
                    probability: known.then(|| self.target_met[i] as f64 / self.n as f64),
                    ci95: known.then(|| wilson_95(self.target_met[i], self.n)),
                }
            })
            .collect::<Vec<_>>();
        let all_known = self.target_unknown.iter().all(|u| *u == 0);
        let quantiles = Quantiles::from_fn(|q| self.quantile(q));
        let years = model
            .years
            .iter()
            .enumerate()
            .map(|(t, &year)| {
                if self.year_hist.is_empty() || t == model.main_index {
                    YearDistribution {
                        year,
                        mean_pct: if t == model.main_index {
                            self.mean
                        } else {
                            self.year_sum[t] / self.n as f64
                        },
                        quantiles_pct: quantiles.clone(),
                    }
                } else {
                    YearDistribution {
                        year,
                        mean_pct: self.year_sum[t] / self.n as f64,
                        quantiles_pct: Quantiles::from_fn(|q| self.year_quantile(t, q)),
                    }
                }
            })
            .collect();
        SimResult {
            scenarios: self.n,
            stopped_at_precision: stopped,
            target_year: model.main.year,
            target_pct: threshold,
            probability: p,
            probability_ci95: wilson_95(self.hits, self.n),
            std_error: (p * (1.0 - p) / self.n as f64).sqrt(),
            mean_pct: self.mean,
            sd_pct: if self.n > 1 {
                (self.m2 / (self.n - 1) as f64).sqrt()
            } else {
                0.0
            },
            min_pct: self.min,
            max_pct: self.max,
            quantiles_pct: quantiles,
            quantile_error_pp: 0.5 * width,
            years,
            expected_shortfall_pp: (self.misses > 0).then(|| self.miss_gap / self.misses as f64),
            all_targets_probability: (!model.targets.is_empty() && all_known)
                .then(|| self.all_met as f64 / self.n as f64),
            targets,
            sensitivity,
            convergence: self.convergence.clone(),
            feasibility,
            required_growth,
            correlation,
            histogram: Histogram {
                lo: self.bins.lo,
                width,
                counts: self.hist,
                under: self.under,
                over: self.over,
            },
        }
    }
}

impl Model {
    /// The requested rank correlation (identity if none was given).
    fn requested_rank(&self) -> Vec<Vec<f64>> {
        let k = self.k;
        match &self.chol {
            None => (0..k)
                .map(|i| (0..k).map(|j| if i == j { 1.0 } else { 0.0 }).collect())
                .collect(),
            Some(l) => (0..k)
                .map(|i| {
                    (0..k)
                        .map(|j| {
                            let r: f64 = (0..k).map(|m| l[i * k + m] * l[j * k + m]).sum();
                            if i == j {
                                1.0
                            } else {
                                crate::copula::spearman_for_pearson(r)
                            }
                        })
                        .collect()
                })
                .collect(),
        }
    }
}
