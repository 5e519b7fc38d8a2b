//! Accumulation: one chunk's draws folded into streaming totals, and the
//! totals of the run merged chunk by chunk, in order.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::cpu::Avx512;
use crate::model::Model;
use crate::rng::chunk_rng;
use crate::stats::wilson_95;

use grdp_core::step::{Components, Paths, Real};

use super::linear::Scratch;
use super::path::{
    AnyMargins, Latent, Margins, NormalMargins, PathKernel, PathResult, PathScratch, TargetCounts,
};
use super::results::Checkpoint;
use super::{EARLY_CHECKPOINTS, HISTOGRAM_BINS};

/// Paths the general loop runs side by side (see [`Paths`]) in its
/// portable build: two fill an SSE2 register, and four keep two
/// independent chains of arithmetic in flight; more spill registers.
const PORTABLE_LANES: usize = 4;

/// Paths the general loop runs side by side in its AVX-512 build: eight
/// fill one 512-bit register.
const VECTOR_LANES: usize = 8;

/// Results of one chunk.
pub(super) struct ChunkAcc {
    pub(super) n: u64,
    pub(super) hits: u64,
    /// Running sums and extremes of the target year's aggregate growth.
    pub(super) sums: LaneSums,
    /// Counts per bin; a chunk's 32,768 scenarios fit in `u16`.
    pub(super) hist: Vec<u16>,
    pub(super) under: u64,
    pub(super) over: u64,
    pub(super) target_met: Vec<u64>,
    pub(super) target_unknown: Vec<u64>,
    pub(super) all_met: u64,
    /// Paths with a component's growth floored at −100 %.
    pub(super) collapsed: u64,
    pub(super) early: Vec<(u64, u64)>,
    /// Per plan year (multi-year models only): histogram (the years'
    /// [`HISTOGRAM_BINS`] counts one after the other) and sum of growth.
    pub(super) year_hist: Vec<u16>,
    pub(super) year_sum: Vec<f64>,
    /// Per plan year: draws outside its histogram, and its extremes.
    pub(super) year_tails: Vec<YearTails>,
    /// Per draw: k growth, k weights, aggregate (target year).
    pub(super) detail: Vec<f64>,
    pub(super) draws: Vec<f64>,
    pub(super) failure: Option<(&'static str, i32)>,
    /// The same paths with the record of past shortfalls, where the job
    /// asks for the paired run.
    pub(super) paired: Option<Box<ChunkAcc>>,
}

/// The generator stream of a chunk's shortfalls in a paired run: the
/// chunk index with its top bit set (chunk indices stay below 2⁴⁰), so it
/// never meets a chunk's own stream.
const PAIRED_STREAM: u64 = 1 << 63;

impl ChunkAcc {
    pub(super) fn empty(model: &Model, n: u64) -> Self {
        Self {
            n,
            hits: 0,
            sums: LaneSums::new(),
            hist: Vec::new(),
            under: 0,
            over: 0,
            target_met: vec![0; model.targets.len()],
            target_unknown: vec![0; model.targets.len()],
            all_met: 0,
            collapsed: 0,
            early: Vec::new(),
            year_hist: Vec::new(),
            year_sum: Vec::new(),
            year_tails: Vec::new(),
            detail: Vec::new(),
            draws: Vec::new(),
            failure: None,
            paired: None,
        }
    }
}

/// One chunk's work order.
#[derive(Clone, Copy)]
pub(super) struct ChunkJob<'a> {
    /// Set by the caller to stop: the chunk returns early (the run is
    /// abandoned, so its partial results are never reported).
    pub(super) cancel: Option<&'a AtomicBool>,
    pub(super) seed: u64,
    pub(super) chunk: u64,
    pub(super) n: u64,
    pub(super) bins: Bins,
    /// Each plan year's histogram range (multi-year models).
    pub(super) year_bins: &'a [Bins],
    pub(super) optimism: Option<&'a [f64]>,
    /// Past shortfalls for a paired run: the chunk's plain paths are run a
    /// second time with a shortfall a year added (common random numbers).
    pub(super) paired: Option<&'a [f64]>,
    pub(super) keep_detail: bool,
    pub(super) keep_draws: bool,
}

#[cfg(test)]
impl<'a> ChunkJob<'a> {
    /// The first chunk of `n` plain scenarios of `model` (seed 0, no record
    /// of shortfalls, nothing kept), for tests to vary.
    pub(super) fn plain(model: &Model, year_bins: &'a [Bins], n: u64) -> Self {
        Self {
            cancel: None,
            seed: 0,
            chunk: 0,
            n,
            bins: year_bins[model.main_index],
            year_bins,
            optimism: None,
            paired: None,
            keep_detail: false,
            keep_draws: false,
        }
    }
}

/// One plan year's draws outside its histogram, and its extremes.
#[derive(Clone, Copy)]
pub(super) struct YearTails {
    pub(super) under: u64,
    pub(super) over: u64,
    pub(super) min: f64,
    pub(super) max: f64,
}

impl Default for YearTails {
    fn default() -> Self {
        Self {
            under: 0,
            over: 0,
            min: f64::INFINITY,
            max: f64::NEG_INFINITY,
        }
    }
}

/// Fixed per-run settings of the histogram.
#[derive(Clone, Copy)]
pub(super) struct Bins {
    pub(super) lo: f64,
    pub(super) inv_width: f64,
    pub(super) reference: f64,
}

impl Model {
    /// Histogram ranges, one per plan year: that year's median path ± 50
    /// robust spreads (+1 pp, +2 pp a plan year), so no year's draws fall
    /// outside its own histogram but in the far tails (and those are counted).
    pub(super) fn year_bins(&self) -> Vec<Bins> {
        let centres = self.median_years();
        let weight_spread = self
            .weight_sd
            .as_ref()
            .map_or(0.0, |sd| sd.iter().sum::<f64>() * 20.0);
        centres
            .iter()
            .enumerate()
            .map(|(t, &centre)| {
                let spread: f64 = (0..self.k)
                    .map(|i| {
                        let tr = &self.transforms[t][i];
                        self.base_weights[i] * 0.5 * (tr.apply(1.0) - tr.apply(-1.0)).abs()
                    })
                    .sum::<f64>()
                    + weight_spread;
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
            })
            .collect()
    }

    pub(super) fn run_chunk(&self, job: &ChunkJob) -> ChunkAcc {
        // The linear model's tight loop, where no draw is written out (the
        // kept scenarios' rows are written beside it).
        if let Some((c0, a)) = &self.linear
            && job.optimism.is_none()
            && job.paired.is_none()
            && !job.keep_draws
            && self.targets.iter().all(|t| t.is_aggregate_growth())
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
        // The linear model, writing each draw's components out.
        if let Some((c0, a)) = &self.linear
            && job.optimism.is_none()
            && job.paired.is_none()
            && self.targets.iter().all(|t| t.is_aggregate_growth())
        {
            return self.run_linear_detail_chunk(job, *c0, a);
        }
        self.run_general_chunk(job, Avx512::detect())
    }

    /// Paths through the year step, several side by side, in fixed-size
    /// arrays for small economies: in the AVX-512 build where `avx512` is
    /// given, else in the portable build (the same bits).
    fn run_general_chunk(&self, job: &ChunkJob, avx512: Option<Avx512>) -> ChunkAcc {
        macro_rules! components {
            ($lanes:expr; $($k:literal)*) => {{
                type R = Paths<$lanes>;
                match self.k {
                    $($k => self.run_paths::<R, [R; $k]>(job, avx512),)*
                    _ => self.run_paths::<R, Vec<R>>(job, avx512),
                }
            }};
        }
        if avx512.is_some() {
            components!(VECTOR_LANES; 1 2 3 4 5 6 7 8)
        } else {
            components!(PORTABLE_LANES; 1 2 3 4 5 6 7 8)
        }
    }

    /// The general path's chunk in `C`, its margins resolved, in the
    /// AVX-512 build where `avx512` is given.
    fn run_paths<R: Real, C: Components<R>>(
        &self,
        job: &ChunkJob,
        avx512: Option<Avx512>,
    ) -> ChunkAcc {
        match NormalMargins::<C>::new::<R>(self) {
            Some(normal) => self.run_path_chunk_in(job, PathKernel::new(self, normal), avx512),
            None => self.run_path_chunk_in(
                job,
                PathKernel::<R, C, _>::new(self, AnyMargins(&self.transforms)),
                avx512,
            ),
        }
    }

    /// [`run_path_chunk`](Self::run_path_chunk), in its AVX-512 build
    /// where `avx512` is given.
    #[allow(unsafe_code)]
    fn run_path_chunk_in<R: Real, C: Components<R>, M: Margins<R, C>>(
        &self,
        job: &ChunkJob,
        kernel: PathKernel<'_, R, C, M>,
        avx512: Option<Avx512>,
    ) -> ChunkAcc {
        match avx512 {
            #[cfg(target_arch = "x86_64")]
            // SAFETY: the build needs AVX-512 F, VL and DQ (and what they
            // imply), and an `Avx512` exists only where the processor was
            // found to have all of them.
            Some(_) => unsafe { self.run_path_chunk_avx512(job, kernel) },
            _ => self.run_path_chunk(job, kernel),
        }
    }

    /// [`run_path_chunk`](Self::run_path_chunk) compiled for AVX-512: its
    /// body, down to grdp-core's year step, is `#[inline(always)]`, so it
    /// is built here with these instructions (a closure would not be).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f,avx512vl,avx512dq")]
    fn run_path_chunk_avx512<R: Real, C: Components<R>, M: Margins<R, C>>(
        &self,
        job: &ChunkJob,
        kernel: PathKernel<'_, R, C, M>,
    ) -> ChunkAcc {
        self.run_path_chunk(job, kernel)
    }

    /// The accumulator of a chunk that keeps what `job` asks for.
    fn chunk_acc(&self, job: &ChunkJob) -> ChunkAcc {
        let n = job.n as usize;
        ChunkAcc {
            hist: vec![0; HISTOGRAM_BINS],
            year_hist: if self.years.len() > 1 {
                vec![0; HISTOGRAM_BINS * self.years.len()]
            } else {
                Vec::new()
            },
            year_sum: vec![0.0; self.years.len()],
            year_tails: vec![YearTails::default(); self.years.len()],
            detail: Vec::with_capacity(if job.keep_detail {
                n * (2 * self.k + 1)
            } else {
                0
            }),
            draws: Vec::with_capacity(if job.keep_draws { n * (self.k + 1) } else { 0 }),
            ..ChunkAcc::empty(self, job.n)
        }
    }

    /// Paths through the year step: the draws of a block of paths first,
    /// then the paths, `R::LANES` side by side, then each path's record.
    #[inline(always)]
    fn run_path_chunk<R: Real, C: Components<R>, M: Margins<R, C>>(
        &self,
        job: &ChunkJob,
        kernel: PathKernel<'_, R, C, M>,
    ) -> ChunkAcc {
        /// Numbers drawn at a time (a block of whole paths): 16 KB.
        const BLOCK_DRAWS: usize = 2048;
        let mut rng = chunk_rng(job.seed, job.chunk);
        let mut s = PathScratch::<R, C>::new(self);
        s.keep_main = job.keep_detail || job.keep_draws;
        let mut counts = TargetCounts::new(self.targets.len());
        let mut counts2 = TargetCounts::new(self.targets.len());
        let mut acc = self.chunk_acc(job);
        let layout = self.draw_layout(job.optimism.is_some());
        let per_path = layout.per_path.max(1);
        let block = (BLOCK_DRAWS / per_path).max(1).next_multiple_of(R::LANES);
        let mut draws = vec![0.0; block * per_path];
        // The paired run: the same paths again with a shortfall a year, the
        // shortfalls from a stream of their own.
        let paired_job = job.paired.map(|record| ChunkJob {
            optimism: Some(record),
            paired: None,
            keep_draws: false,
            ..*job
        });
        let mut paired = paired_job.as_ref().map(|pj| {
            let layout = self.draw_layout(true);
            let draws = vec![0.0; block * layout.per_path];
            (
                pj,
                layout,
                draws,
                chunk_rng(job.seed, job.chunk | PAIRED_STREAM),
                self.chunk_acc(pj),
            )
        });
        let mut j = 0u64;
        while j < job.n {
            if job.cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
                acc.n = j;
                return acc;
            }
            let m = block.min((job.n - j) as usize);
            let draws = &mut draws[..m * per_path];
            layout.fill(&mut rng, &self.normal, job.optimism, draws);
            let start = j;
            for first in (0..m).step_by(R::LANES) {
                let lanes = R::LANES.min(m - first);
                let latent = Latent::Drawn {
                    draws,
                    first,
                    lanes,
                    per_path,
                };
                kernel.run(latent, layout.shortfall, &mut s, Some(&mut counts));
                for p in 0..lanes {
                    match s.path(p) {
                        Ok(path) => {
                            j += 1;
                            acc.record(job, self.main.threshold_pct, j, &path);
                        }
                        Err(failure) => {
                            acc.failure = Some(failure);
                            acc.n = j;
                            return acc;
                        }
                    }
                }
                acc.record_years(s.year_growth(), R::LANES, lanes, job.year_bins);
            }
            if let Some((pj, layout2, draws2, rng2, acc2)) = paired.as_mut() {
                let per2 = layout2.per_path;
                let draws2 = &mut draws2[..m * per2];
                let record = pj.optimism.unwrap_or_default();
                layout2.fill_paired(draws, per_path, rng2, record, draws2);
                let mut j2 = start;
                for first in (0..m).step_by(R::LANES) {
                    let lanes = R::LANES.min(m - first);
                    let latent = Latent::Drawn {
                        draws: draws2,
                        first,
                        lanes,
                        per_path: per2,
                    };
                    kernel.run(latent, true, &mut s, Some(&mut counts2));
                    for p in 0..lanes {
                        match s.path(p) {
                            Ok(path) => {
                                j2 += 1;
                                acc2.record(pj, self.main.threshold_pct, j2, &path);
                            }
                            Err(failure) => {
                                acc.failure = Some(failure);
                                acc.n = start;
                                return acc;
                            }
                        }
                    }
                    acc2.record_years(s.year_growth(), R::LANES, lanes, pj.year_bins);
                }
            }
        }
        acc.add_counts(&mut counts);
        acc.paired = paired.map(|(.., mut acc2)| {
            acc2.add_counts(&mut counts2);
            Box::new(acc2)
        });
        acc
    }

    /// The linear model `G = c0 + a · z` when each draw is written out
    /// (`--save-draws`): the normals of a block of draws at once (the
    /// same numbers as draw by draw), then one draw at a time, components
    /// from the same normals.
    fn run_linear_detail_chunk(&self, job: &ChunkJob, c0: f64, a: &[f64]) -> ChunkAcc {
        /// Draws whose normals are drawn at a time; cancellation is checked
        /// every four blocks.
        const BLOCK: usize = 256;
        let mut rng = chunk_rng(job.seed, job.chunk);
        let mut s = Scratch::new(self.k, self.targets.len());
        let mut acc = self.chunk_acc(job);
        let need_components = job.keep_detail || job.keep_draws;
        let mut normals = vec![0.0; BLOCK * self.k];
        let mut j = 0u64;
        while j < job.n {
            if j.is_multiple_of(1024) && job.cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
                acc.n = j;
                return acc;
            }
            let m = BLOCK.min((job.n - j) as usize);
            let normals = &mut normals[..m * self.k];
            self.normal.fill(&mut rng, normals);
            for z in normals.chunks_exact(self.k) {
                s.z.copy_from_slice(z);
                let mut g = c0;
                for (z, aj) in s.z.iter().zip(a) {
                    g += aj * z;
                }
                if need_components {
                    self.components_from_z(&mut s);
                }
                for (m, t) in s.met.iter_mut().zip(&self.targets) {
                    *m = u8::from((g >= t.lo) & (g <= t.hi));
                }
                let path = PathResult {
                    growth: g,
                    main_g: &s.main_g,
                    main_w: &s.main_w,
                    collapsed: false,
                };
                j += 1;
                acc.record(job, self.main.threshold_pct, j, &path);
                let mut all = 1;
                for (m, met) in s.met.iter().zip(&mut acc.target_met) {
                    *met += u64::from(*m);
                    all &= *m;
                }
                acc.all_met += u64::from(all);
            }
        }
        acc
    }
}

impl ChunkAcc {
    /// Adds `counts` to the chunk's counts of targets met and unknown and
    /// of paths meeting every target, and empties them.
    fn add_counts<R: Real>(&mut self, counts: &mut TargetCounts<R>) {
        counts.drain_into(
            &mut self.target_met,
            &mut self.target_unknown,
            &mut self.all_met,
        );
    }

    /// Folds in each plan year's aggregate growth (percent) of the first
    /// `lanes` of `side` paths side by side, stored year after year
    /// (`growth[t * side + p]`): the year's sum, in path order as one path
    /// at a time would add it, its extremes and its histogram.
    #[inline(always)]
    fn record_years(&mut self, growth: &[f64], side: usize, lanes: usize, year_bins: &[Bins]) {
        if self.year_hist.is_empty() {
            return;
        }
        for ((((hist, sum), tails), g), b) in self
            .year_hist
            .chunks_exact_mut(HISTOGRAM_BINS)
            .zip(&mut self.year_sum)
            .zip(&mut self.year_tails)
            .zip(growth.chunks_exact(side))
            .zip(year_bins)
        {
            for &g in &g[..lanes] {
                *sum += g;
                running_min(&mut tails.min, g);
                running_max(&mut tails.max, g);
                let pos = (g - b.lo) * b.inv_width;
                if pos >= 0.0 && pos < HISTOGRAM_BINS as f64 {
                    hist[pos as usize] += 1;
                } else if pos < 0.0 {
                    tails.under += 1;
                } else {
                    tails.over += 1;
                }
            }
        }
    }

    /// Folds in the `j`-th draw of the chunk (counting from 1): aggregate
    /// growth of the target year and its component growth and weights
    /// (each plan year's growth is folded in by
    /// [`record_years`](Self::record_years)) (the targets are
    /// counted in the lanes: [`TargetCounts`]).
    #[inline]
    fn record(&mut self, job: &ChunkJob, threshold: f64, j: u64, path: &PathResult) {
        let PathResult {
            growth,
            main_g,
            main_w,
            collapsed,
            ..
        } = *path;
        self.collapsed += u64::from(collapsed);
        let bins = job.bins;
        // Branchless: whether a draw meets the target is a coin toss.
        self.hits += u64::from(growth >= threshold);
        self.sums
            .add((j - 1) as usize, growth, threshold, bins.reference);
        let pos = (growth - bins.lo) * bins.inv_width;
        if pos >= 0.0 && pos < HISTOGRAM_BINS as f64 {
            self.hist[pos as usize] += 1;
        } else if pos < 0.0 {
            self.under += 1;
        } else {
            self.over += 1;
        }
        if job.keep_detail {
            self.detail.extend_from_slice(main_g);
            self.detail.extend_from_slice(main_w);
            self.detail.push(growth);
        }
        if job.keep_draws {
            self.draws.extend_from_slice(main_g);
            self.draws.push(growth);
        }
        if job.chunk == 0 && EARLY_CHECKPOINTS.contains(&j) {
            self.early.push((j, self.hits));
        }
    }
}

/// Lanes of a chunk's running sums: the chunk's scenario `j` (counting
/// from 0) is added to lane `j % SUM_LANES`, and the lanes are added
/// pairwise at the chunk's end. Eight sums of 4,096 terms each rather than
/// one of 32,768 are more accurate, and they are independent, so they fill
/// one 512-bit vector; the fast loop and the general loop add in this same
/// order and give the same bits.
pub(super) const SUM_LANES: usize = 8;

/// A chunk's running sums and extremes of the target year's aggregate
/// growth, in [`SUM_LANES`] lanes.
#[derive(Clone, Copy)]
pub(super) struct LaneSums {
    /// Σ (growth − the histogram's reference), percentage points.
    pub(super) d: [f64; SUM_LANES],
    /// Σ (growth − the histogram's reference)², pp².
    pub(super) d2: [f64; SUM_LANES],
    /// Σ max(threshold − growth, 0): the shortfalls below the main
    /// target, pp.
    pub(super) gap: [f64; SUM_LANES],
    /// Smallest growth, percent (+∞ before the first).
    pub(super) min: [f64; SUM_LANES],
    /// Largest growth, percent (−∞ before the first).
    pub(super) max: [f64; SUM_LANES],
}

/// A chunk's [`LaneSums`] with the lanes added up.
#[derive(Clone, Copy)]
pub(super) struct SumTotals {
    /// Σ (growth − reference), pp.
    pub(super) d: f64,
    /// Σ (growth − reference)², pp².
    pub(super) d2: f64,
    /// Σ shortfall below the main target, pp.
    pub(super) gap: f64,
    /// Smallest growth, percent.
    pub(super) min: f64,
    /// Largest growth, percent.
    pub(super) max: f64,
}

impl LaneSums {
    /// Nothing added yet.
    pub(super) fn new() -> Self {
        Self {
            d: [0.0; SUM_LANES],
            d2: [0.0; SUM_LANES],
            gap: [0.0; SUM_LANES],
            min: [f64::INFINITY; SUM_LANES],
            max: [f64::NEG_INFINITY; SUM_LANES],
        }
    }

    /// Adds the chunk's scenario `j` (counting from 0) with aggregate
    /// growth `g` (percent), against the main target `threshold` and the
    /// histogram's `reference` (both percent). Selects rather than
    /// `f64::max`/`min`, so the vector form is one instruction each: a NaN
    /// growth adds no shortfall and moves no extreme (and is reported by
    /// its sums, which turn NaN).
    #[inline(always)]
    pub(super) fn add(&mut self, j: usize, g: f64, threshold: f64, reference: f64) {
        let l = j % SUM_LANES;
        let short = threshold - g;
        self.gap[l] += if short > 0.0 { short } else { 0.0 };
        let d = g - reference;
        self.d[l] += d;
        self.d2[l] += d * d;
        self.min[l] = if g < self.min[l] { g } else { self.min[l] };
        self.max[l] = if g > self.max[l] { g } else { self.max[l] };
    }

    /// The lanes added pairwise, in a fixed order.
    pub(super) fn totals(&self) -> SumTotals {
        const _: () = assert!(SUM_LANES == 8, "pairwise adds eight lanes");
        fn pairwise(x: &[f64; SUM_LANES]) -> f64 {
            ((x[0] + x[1]) + (x[2] + x[3])) + ((x[4] + x[5]) + (x[6] + x[7]))
        }
        let lowest = |x: &[f64; SUM_LANES]| {
            x.iter()
                .fold(f64::INFINITY, |m, &v| if v < m { v } else { m })
        };
        let highest = |x: &[f64; SUM_LANES]| {
            x.iter()
                .fold(f64::NEG_INFINITY, |m, &v| if v > m { v } else { m })
        };
        SumTotals {
            d: pairwise(&self.d),
            d2: pairwise(&self.d2),
            gap: pairwise(&self.gap),
            min: lowest(&self.min),
            max: highest(&self.max),
        }
    }
}

/// `*min = min.min(x)`, exactly (a running minimum never NaN), with a
/// branch that is almost never taken once the minimum settles, instead of
/// a blend on the loop's critical path every draw.
#[inline(always)]
pub(super) fn running_min(min: &mut f64, x: f64) {
    if x <= *min {
        *min = min.min(x);
    }
}

/// `*max = max.max(x)`, exactly (see [`running_min`]).
#[inline(always)]
pub(super) fn running_max(max: &mut f64, x: f64) {
    if x >= *max {
        *max = max.max(x);
    }
}

/// Running totals over chunks, merged in order.
pub(super) struct Totals {
    pub(super) n: u64,
    pub(super) hits: u64,
    pub(super) mean: f64,
    pub(super) m2: f64,
    pub(super) min: f64,
    pub(super) max: f64,
    pub(super) miss_gap: f64,
    pub(super) misses: u64,
    pub(super) hist: Vec<u64>,
    pub(super) under: u64,
    pub(super) over: u64,
    pub(super) target_met: Vec<u64>,
    pub(super) target_unknown: Vec<u64>,
    pub(super) all_met: u64,
    pub(super) convergence: Vec<Checkpoint>,
    /// Chunks merged so far.
    pub(super) merged: u64,
    /// Paths with a component's growth floored at −100 %.
    pub(super) collapsed: u64,
    pub(super) year_hist: Vec<Vec<u64>>,
    pub(super) year_sum: Vec<f64>,
    pub(super) year_tails: Vec<YearTails>,
    pub(super) bins: Bins,
    pub(super) year_bins: Vec<Bins>,
}

/// Adds a chunk's histogram counts `chunk` (on the range `bins`; empty
/// where the chunk kept none) into the totals `total`. Only the bins
/// between the chunk's extremes `min` and `max` (percent) can hold its
/// draws, since a draw's bin never decreases with its growth; where an
/// extreme is not finite, every bin is added.
fn add_bins(total: &mut [u64], chunk: &[u16], bins: Bins, min: f64, max: f64) {
    let slot =
        |g: f64| ((g - bins.lo) * bins.inv_width).clamp(0.0, (HISTOGRAM_BINS - 1) as f64) as usize;
    let touched = if min.is_finite() && max.is_finite() {
        slot(min)..=slot(max)
    } else {
        0..=HISTOGRAM_BINS - 1
    };
    let chunk_bins = chunk.get(touched.clone()).unwrap_or_default();
    for (t, c) in total[touched].iter_mut().zip(chunk_bins) {
        *t += u64::from(*c);
    }
}

impl Totals {
    pub(super) fn new(model: &Model, year_bins: Vec<Bins>) -> Self {
        let bins = year_bins[model.main_index];
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
            merged: 0,
            collapsed: 0,
            year_hist: if model.years.len() > 1 {
                vec![vec![0; HISTOGRAM_BINS]; model.years.len()]
            } else {
                Vec::new()
            },
            year_sum: vec![0.0; model.years.len()],
            year_tails: vec![YearTails::default(); model.years.len()],
            bins,
            year_bins,
        }
    }

    pub(super) fn merge(&mut self, a: &ChunkAcc) {
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
        let sums = a.sums.totals();
        let nb = a.n as f64;
        let mean_b = self.bins.reference + sums.d / nb;
        let m2_b = (sums.d2 - sums.d * sums.d / nb).max(0.0);
        let na = self.n as f64;
        let n = na + nb;
        let delta = mean_b - self.mean;
        self.mean += delta * nb / n;
        self.m2 += m2_b + delta * delta * na * nb / n;
        self.n += a.n;
        self.hits += a.hits;
        self.min = self.min.min(sums.min);
        self.max = self.max.max(sums.max);
        self.miss_gap += sums.gap;
        self.misses += a.n - a.hits;
        add_bins(&mut self.hist, &a.hist, self.bins, sums.min, sums.max);
        self.under += a.under;
        self.over += a.over;
        for (((t, c), bins), tails) in self
            .year_hist
            .iter_mut()
            .zip(a.year_hist.chunks_exact(HISTOGRAM_BINS))
            .zip(&self.year_bins)
            .zip(&a.year_tails)
        {
            add_bins(t, c, *bins, tails.min, tails.max);
        }
        for (t, c) in self.year_sum.iter_mut().zip(&a.year_sum) {
            *t += c;
        }
        for (t, c) in self.year_tails.iter_mut().zip(&a.year_tails) {
            t.under += c.under;
            t.over += c.over;
            t.min = t.min.min(c.min);
            t.max = t.max.max(c.max);
        }
        for (t, c) in self.target_met.iter_mut().zip(&a.target_met) {
            *t += c;
        }
        for (t, c) in self.target_unknown.iter_mut().zip(&a.target_unknown) {
            *t += c;
        }
        self.all_met += a.all_met;
        self.collapsed += a.collapsed;
        self.merged += 1;
        if is_checkpoint(self.merged) {
            self.push_checkpoint();
        }
    }

    /// Records P and its interval at the scenarios merged so far.
    pub(super) fn push_checkpoint(&mut self) {
        self.convergence.push(Checkpoint {
            scenarios: self.n,
            probability: self.hits as f64 / self.n as f64,
            ci95: wilson_95(self.hits, self.n),
        });
    }

    /// The `p` quantile of plan year `t` from its own histogram (bin
    /// midpoint), counting the draws outside it: a quantile among them is
    /// the year's lowest or highest draw.
    pub(super) fn year_quantile(&self, t: usize, p: f64) -> f64 {
        let b = &self.year_bins[t];
        let tails = &self.year_tails[t];
        let width = 1.0 / b.inv_width;
        let need = ((p * self.n as f64).ceil() as u64).max(1);
        let mut cum = tails.under;
        if cum >= need {
            return tails.min;
        }
        for (i, c) in self.year_hist[t].iter().enumerate() {
            cum += c;
            if cum >= need {
                return b.lo + (i as f64 + 0.5) * width;
            }
        }
        tails.max
    }

    /// The `p` quantile from the histogram: the midpoint of the bin where
    /// the cumulative count first reaches `p·n` (error ≤ half a bin).
    pub(super) fn quantile(&self, p: f64) -> f64 {
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
}

/// Whether the trace keeps a checkpoint after `chunks` chunks: ten a decade
/// (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten, rounded to whole
/// chunks), so a run of 10¹¹ scenarios keeps 63 and memory does not
/// grow with N. The run's last point is added at the end.
pub(super) fn is_checkpoint(chunks: u64) -> bool {
    const TENTHS: [u64; 10] = [10, 12, 15, 20, 25, 30, 40, 50, 60, 80];
    if chunks < 10 {
        return TENTHS.contains(&(chunks * 10));
    }
    let mut scale = 1;
    while chunks / scale >= 100 {
        scale *= 10;
    }
    chunks.is_multiple_of(scale) && TENTHS.contains(&(chunks / scale))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{CHUNK_SIZE, MAX_SCENARIOS};
    use crate::model::MainTarget;

    #[test]
    fn a_chunk_histogram_is_added_between_its_extremes_only() {
        // Bins of width 0.5 pp from 0 %: growth 5.0 % is bin 10, 10.25 %
        // bin 20 (worked by hand).
        let bins = Bins {
            lo: 0.0,
            inv_width: 2.0,
            reference: 0.0,
        };
        let mut chunk = vec![0u16; HISTOGRAM_BINS];
        chunk[10] = 3;
        chunk[20] = 4;
        // A count outside the extremes cannot come from the chunk's draws:
        // it is left out, which shows the range added.
        chunk[21] = 100;
        let mut total = vec![1u64; HISTOGRAM_BINS];
        add_bins(&mut total, &chunk, bins, 5.0, 10.25);
        assert_eq!((total[9], total[10], total[20], total[21]), (1, 4, 5, 1));
        // Extremes below and above the range: clamped to its ends.
        let mut total = vec![0u64; HISTOGRAM_BINS];
        add_bins(&mut total, &chunk, bins, -1e9, 1e9);
        assert_eq!(total.iter().sum::<u64>(), 107);
        // An extreme that is not finite: every bin.
        for (min, max) in [(f64::NEG_INFINITY, 10.25), (5.0, f64::NAN)] {
            let mut total = vec![0u64; HISTOGRAM_BINS];
            add_bins(&mut total, &chunk, bins, min, max);
            assert_eq!(total.iter().sum::<u64>(), 107, "{min} {max}");
        }
        // A chunk that kept no histogram adds nothing.
        let mut total = vec![0u64; HISTOGRAM_BINS];
        add_bins(&mut total, &[], bins, 5.0, 10.25);
        assert_eq!(total.iter().sum::<u64>(), 0);
    }

    /// Everything a chunk reports, as bits.
    fn bits(a: &ChunkAcc) -> Vec<u64> {
        let mut v = vec![a.n, a.hits, a.under, a.over, a.all_met, a.collapsed];
        let s = a.sums.totals();
        v.extend([s.d, s.d2, s.min, s.max, s.gap].map(f64::to_bits));
        v.extend(a.hist.iter().map(|&c| u64::from(c)));
        v.extend(a.year_hist.iter().map(|&c| u64::from(c)));
        v.extend(a.year_sum.iter().map(|x| x.to_bits()));
        v.extend(
            a.year_tails
                .iter()
                .flat_map(|t| [t.under, t.over, t.min.to_bits(), t.max.to_bits()]),
        );
        v.extend(&a.target_met);
        v.extend(&a.target_unknown);
        v.extend(a.detail.iter().map(|x| x.to_bits()));
        v.extend(a.early.iter().flat_map(|&(n, h)| [n, h]));
        v
    }

    /// The general loop runs four paths side by side in its portable
    /// build and eight in its AVX-512 build; one at a time, in a vector of
    /// any length, it must give the same bits: for every view of the
    /// built-in scenario (uncertain weights, prices and population, every
    /// target), with and without the record of shortfalls and paired with
    /// it, in a chunk whose size is not a multiple of four or eight.
    #[test]
    fn paths_side_by_side_give_the_bits_of_one_at_a_time() {
        let loaded = grdp_scenario::builtin::can_tho_2025().unwrap();
        let spec = loaded.uncertainty.unwrap();
        let main = MainTarget::from_scenario(&loaded.scenario).unwrap();
        let shortfalls = [-1.2, 0.4, -2.5, 0.0, -0.3];
        for view in &spec.views {
            let model = Model::new(&loaded.scenario, &spec, view, main).unwrap();
            let year_bins = model.year_bins();
            let record = Some(&shortfalls[..]);
            for (optimism, paired) in [(None, None), (record, None), (None, record)] {
                let job = ChunkJob {
                    seed: 7,
                    optimism,
                    paired,
                    keep_detail: true,
                    ..ChunkJob::plain(&model, &year_bins, 1_001)
                };
                type Four = Paths<PORTABLE_LANES>;
                let runs = [
                    model.run_chunk(&job),
                    model.run_paths::<Four, [Four; 4]>(&job, None),
                    model.run_paths::<f64, Vec<f64>>(&job, None),
                ];
                let all_bits = |a: &ChunkAcc| {
                    let mut b = bits(a);
                    b.extend(a.paired.as_deref().map(bits).unwrap_or_default());
                    b
                };
                assert_eq!(runs[0].n, 1_001);
                assert_eq!(runs[0].paired.is_some(), paired.is_some());
                for run in &runs[1..] {
                    assert!(all_bits(&runs[0]) == all_bits(run), "view {}", view.id);
                }
            }
        }
    }

    /// The general loop in its AVX-512 build at eight lanes gives the bits
    /// of its portable build at eight (the build alone differs): every view
    /// of the built-in scenario, with and without the record of shortfalls
    /// and paired with it, keeping each scenario's draws. Without AVX-512
    /// there is no second build to compare (the test says so and passes).
    #[test]
    fn the_vector_build_of_the_paths_gives_the_portable_bits() {
        let Some(avx512) = Avx512::detect() else {
            eprintln!("no AVX-512 on this processor: one build only, nothing to compare");
            return;
        };
        let loaded = grdp_scenario::builtin::can_tho_2025().unwrap();
        let spec = loaded.uncertainty.unwrap();
        let main = MainTarget::from_scenario(&loaded.scenario).unwrap();
        let shortfalls = [-1.2, 0.4, -2.5, 0.0, -0.3];
        let record = Some(&shortfalls[..]);
        for view in &spec.views {
            let model = Model::new(&loaded.scenario, &spec, view, main).unwrap();
            let year_bins = model.year_bins();
            for (optimism, paired) in [(None, None), (record, None), (None, record)] {
                let job = ChunkJob {
                    seed: 11,
                    chunk: 3,
                    optimism,
                    paired,
                    keep_detail: true,
                    keep_draws: true,
                    ..ChunkJob::plain(&model, &year_bins, 2_003)
                };
                type Eight = Paths<VECTOR_LANES>;
                let vector = model.run_paths::<Eight, [Eight; 4]>(&job, Some(avx512));
                let portable = model.run_paths::<Eight, [Eight; 4]>(&job, None);
                let all_bits = |a: &ChunkAcc| {
                    let mut b = bits(a);
                    b.extend(a.draws.iter().map(|x| x.to_bits()));
                    b.extend(a.paired.as_deref().map(bits).unwrap_or_default());
                    b
                };
                assert_eq!(vector.n, 2_003);
                assert!(all_bits(&vector) == all_bits(&portable), "view {}", view.id);
            }
        }
    }

    /// Regression (issue "Right answers off the built-in path", bug 8): one
    /// checkpoint per chunk meant 3,057 at 10⁸ scenarios and three million
    /// at the most a run accepts.
    #[test]
    fn the_trace_is_log_spaced_and_bounded() {
        let kept: Vec<u64> = (1..=MAX_SCENARIOS.div_ceil(CHUNK_SIZE))
            .filter(|&c| is_checkpoint(c))
            .collect();
        assert_eq!(
            kept[..17],
            [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 80]
        );
        assert_eq!(kept[17..21], [100, 120, 150, 200]);
        // Up to 3,051,758 chunks: 7 below ten, ten in each of the five
        // decades from 10 to 999,999, and 1, 1.2, 1.5, 2, 2.5, 3 million.
        assert_eq!(kept.len(), 7 + 5 * 10 + 6);
    }
}
