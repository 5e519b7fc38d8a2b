//! The linear model's loop: one year of normal marginals with fixed weights,
//! `G = c0 + a · z`, and nothing per component kept.

use std::sync::atomic::Ordering;

use crate::model::Model;
use crate::rng::chunk_rng;

use super::accumulate::{Bins, ChunkAcc, ChunkJob, running_max, running_min};
use super::{EARLY_CHECKPOINTS, HISTOGRAM_BINS};

// The histogram's index is masked with `HISTOGRAM_BINS - 1`.
const _: () = assert!(HISTOGRAM_BINS.is_power_of_two());

/// The streaming totals of a chunk of the linear loop.
#[derive(Clone, Copy)]
struct Sums {
    hits: u64,
    under: u64,
    over: u64,
    sum_d: f64,
    sum_d2: f64,
    miss_gap: f64,
    min: f64,
    max: f64,
}

impl Sums {
    /// Nothing added yet.
    fn new() -> Self {
        Self {
            hits: 0,
            under: 0,
            over: 0,
            sum_d: 0.0,
            sum_d2: 0.0,
            miss_gap: 0.0,
            min: f64::INFINITY,
            max: f64::NEG_INFINITY,
        }
    }

    /// Adds a block of aggregate growth (percent) to the totals and to
    /// `hist` (the chunk's histogram), scenario by scenario in order. On its
    /// own, out of line, so its sums stay in registers.
    #[inline(never)]
    fn add_block(&mut self, block: &[f64], threshold: f64, bins: &Bins, hist: &mut [u16]) {
        // A copy in locals, written back at the end: the compiler keeps
        // its fields in registers through the loop.
        let mut t = *self;
        let hist: &mut [u16; HISTOGRAM_BINS] = match hist.try_into() {
            Ok(h) => h,
            Err(_) => unreachable!("a chunk's histogram has HISTOGRAM_BINS bins"),
        };
        for &g in block {
            t.hits += u64::from(g >= threshold);
            t.miss_gap += (threshold - g).max(0.0);
            let d = g - bins.reference;
            t.sum_d += d;
            t.sum_d2 += d * d;
            running_min(&mut t.min, g);
            running_max(&mut t.max, g);
            let pos = (g - bins.lo) * bins.inv_width;
            if pos >= 0.0 && pos < HISTOGRAM_BINS as f64 {
                // In range, so the mask changes nothing (and spares the
                // bounds check).
                hist[pos as usize & (HISTOGRAM_BINS - 1)] += 1;
            } else if pos < 0.0 {
                t.under += 1;
            } else {
                t.over += 1;
            }
        }
        *self = t;
    }
}

/// Per-draw buffers of the linear model when components are kept.
pub(super) struct Scratch {
    pub(super) z: Vec<f64>,
    pub(super) main_g: Vec<f64>,
    pub(super) main_w: Vec<f64>,
    pub(super) met: Vec<u8>,
}

impl Scratch {
    pub(super) fn new(k: usize, targets: usize) -> Self {
        Self {
            z: vec![0.0; k],
            main_g: vec![0.0; k],
            main_w: vec![0.0; k],
            met: vec![0; targets],
        }
    }
}

impl Model {
    /// The linear model `G = c0 + a · z` with `K` components: the engine's
    /// fastest loop. Accumulators live in locals; the generator is owned.
    pub(super) fn run_linear_chunk<const K: usize>(
        &self,
        job: &ChunkJob,
        c0: f64,
        a: [f64; K],
    ) -> ChunkAcc {
        let mut rng = chunk_rng(job.seed, job.chunk);
        let bins = job.bins;
        let threshold = self.main.threshold_pct;
        let zig = &self.normal;
        let mut hist = vec![0u16; HISTOGRAM_BINS];
        let mut sums = Sums::new();
        let mut target_met = vec![0u64; self.targets.len()];
        let mut early = Vec::new();
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
        const _: () = {
            let mut i = 0;
            while i < EARLY_CHECKPOINTS.len() {
                assert!(EARLY_CHECKPOINTS[i].is_multiple_of(BLOCK as u64));
                i += 1;
            }
        };
        let mut z = [[0.0f64; K]; BLOCK];
        let mut block_g = [0.0f64; BLOCK];
        let mut j = 0u64;
        while j < job.n {
            if job.cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
                break;
            }
            let m = BLOCK.min((job.n - j) as usize);
            zig.fill(&mut rng, z[..m].as_flattened_mut());
            for (g, row) in block_g[..m].iter_mut().zip(&z[..m]) {
                let mut acc = c0;
                for (aj, zj) in a.iter().zip(row) {
                    acc += aj * zj;
                }
                *g = acc;
            }
            sums.add_block(&block_g[..m], threshold, &bins, &mut hist);
            if !same_as_main {
                for &g in &block_g[..m] {
                    for (met, t) in target_met.iter_mut().zip(&self.targets) {
                        *met += u64::from((g >= t.lo) & (g <= t.hi));
                    }
                    all_met += u64::from((g >= all_lo) & (g <= all_hi));
                }
            }
            // Checkpoints fall on block ends (multiples of the block), so
            // the loop above keeps its sums in registers.
            j += m as u64;
            if job.chunk == 0 && EARLY_CHECKPOINTS.contains(&j) {
                early.push((j, sums.hits));
            }
        }
        let Sums {
            hits,
            under,
            over,
            sum_d,
            sum_d2,
            miss_gap,
            min,
            max,
        } = sums;
        if j > 0 && !(sum_d2.is_finite() && min.is_finite()) {
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
    pub(super) fn components_from_z(&self, s: &mut Scratch) {
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
