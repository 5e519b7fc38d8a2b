//! The linear model's loop: one year of normal marginals with fixed weights,
//! `G = c0 + a · z`. The kept scenarios' rows (component growth, weights,
//! GRDP growth) are written beside the scoring; nothing else per component.

use std::sync::atomic::Ordering;

use crate::model::Model;
use crate::rng::chunk_rng;

use super::accumulate::{Bins, ChunkAcc, ChunkJob, LaneSums, SUM_LANES};
use super::{EARLY_CHECKPOINTS, HISTOGRAM_BINS};

/// Scenarios drawn and scored at a time.
const BLOCK: usize = 256;
const _: () = {
    // Checkpoints fall on block ends, and every block but a chunk's last
    // starts on a whole group of lanes.
    let mut i = 0;
    while i < EARLY_CHECKPOINTS.len() {
        assert!(EARLY_CHECKPOINTS[i].is_multiple_of(BLOCK as u64));
        i += 1;
    }
    assert!(BLOCK.is_multiple_of(SUM_LANES));
};

/// A chunk's histogram in the linear loop: [`HISTOGRAM_BINS`] bins and one
/// more where draws outside the range are put (and never read), so that
/// every draw is counted without a branch.
const HIST_SLOTS: usize = HISTOGRAM_BINS + 1;

/// The streaming totals of a chunk of the linear loop.
#[derive(Clone, Copy)]
struct Sums {
    hits: u64,
    under: u64,
    over: u64,
    lanes: LaneSums,
}

/// `⌊c⌋` for `c` in `[0, 2⁵¹)`, exactly, in vector-friendly arithmetic:
/// adding 2⁵² rounds `c` to the nearest integer (the sum's low mantissa
/// bits), one less where that rounded up. Rust's `as` conversion would
/// saturate, which does not vectorise.
#[inline(always)]
fn floor_index(c: f64) -> u32 {
    const TWO_52: f64 = 4_503_599_627_370_496.0;
    let r = c + TWO_52;
    let nearest = (r.to_bits() - TWO_52.to_bits()) as u32;
    nearest - u32::from(r - TWO_52 > c)
}

/// What scores a linear model's scenarios: `G = c0 + a · z` (percent),
/// the main target's threshold (percent) and the histogram's range.
#[derive(Clone, Copy)]
struct Scoring<const K: usize> {
    c0: f64,
    a: [f64; K],
    threshold: f64,
    bins: Bins,
}

impl<const K: usize> Scoring<K> {
    /// A scenario's aggregate growth `c0 + a · z` (percent), added in
    /// component order as the general loop adds it.
    #[inline(always)]
    fn growth(&self, row: &[f64; K]) -> f64 {
        let mut g = self.c0;
        for (aj, zj) in self.a.iter().zip(row) {
            g += aj * zj;
        }
        g
    }

    /// Scores one scenario of a block: its aggregate growth `g = c0 + a · z`
    /// (percent, added in component order as the general loop adds it) into
    /// lane `l` of the sums and counts, and its histogram slot into `slot`.
    #[inline(always)]
    fn one(
        &self,
        l: usize,
        row: &[f64; K],
        lanes: &mut LaneSums,
        counts: &mut [[u64; SUM_LANES]; 3],
        slot: &mut u32,
    ) {
        let g = self.growth(row);
        lanes.add(l, g, self.threshold, self.bins.reference);
        let top = HISTOGRAM_BINS as f64;
        let pos = (g - self.bins.lo) * self.bins.inv_width;
        let below = pos < 0.0;
        let inside = (pos >= 0.0) & (pos < top);
        counts[0][l] += u64::from(g >= self.threshold);
        counts[1][l] += u64::from(below);
        counts[2][l] += u64::from(!below & !inside);
        // Outside the range (or NaN): the spare slot.
        *slot = floor_index(if inside { pos } else { top });
    }

    /// Scores a block of scenarios from their normals `z` (one row of `K`
    /// per scenario, the block starting on a whole group of lanes):
    /// aggregate growth into the sums and the histogram `hist`, scenario by
    /// scenario in the order of [`LaneSums`]. The scenarios are taken
    /// [`SUM_LANES`] at a time with no branch between them, so the compiler
    /// keeps each group in vector registers; the histogram's counts follow
    /// in a second pass.
    #[inline(always)]
    fn block_body(&self, sums: &mut Sums, z: &[[f64; K]], hist: &mut [u16; HIST_SLOTS]) {
        let mut lanes = sums.lanes;
        let mut counts = [[0u64; SUM_LANES]; 3];
        let mut slots = [0u32; BLOCK];
        let slots = &mut slots[..z.len()];
        let mut rows = z.chunks_exact(SUM_LANES);
        let mut groups = slots.chunks_exact_mut(SUM_LANES);
        for (rows, slots) in (&mut rows).zip(&mut groups) {
            for (l, (row, slot)) in rows.iter().zip(slots).enumerate() {
                self.one(l, row, &mut lanes, &mut counts, slot);
            }
        }
        // A chunk's short last block: its last, partial group.
        let rest = rows.remainder().iter().zip(groups.into_remainder());
        for (l, (row, slot)) in rest.enumerate() {
            self.one(l, row, &mut lanes, &mut counts, slot);
        }
        for &slot in slots.iter() {
            hist[(slot as usize).min(HISTOGRAM_BINS)] += 1;
        }
        sums.lanes = lanes;
        let [hits, under, over] = counts.map(|c| c.iter().sum::<u64>());
        sums.hits += hits;
        sums.under += under;
        sums.over += over;
    }

    /// [`block_body`](Self::block_body) out of line, in its AVX-512 build
    /// where the processor has it (the same bits either way;
    /// [`crate::cpu`]).
    #[inline(never)]
    fn block(&self, sums: &mut Sums, z: &[[f64; K]], hist: &mut [u16; HIST_SLOTS]) {
        crate::cpu::fastest(|| self.block_body(sums, z, hist));
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
    /// A chunk whose scenarios are kept whole also writes their rows, each
    /// computed as the general loop computes it.
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
        let mut hist = vec![0u16; HIST_SLOTS];
        let hist_slots: &mut [u16; HIST_SLOTS] = match hist.as_mut_slice().try_into() {
            Ok(h) => h,
            Err(_) => unreachable!("the histogram has HIST_SLOTS slots"),
        };
        let mut sums = Sums {
            hits: 0,
            under: 0,
            over: 0,
            lanes: LaneSums::new(),
        };
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
        let scoring = Scoring {
            c0,
            a,
            threshold,
            bins,
        };
        // The kept scenarios' rows (component growth, weights, GRDP growth),
        // computed as the general loop computes them.
        let mut detail = Vec::with_capacity(if job.keep_detail {
            job.n as usize * (2 * K + 1)
        } else {
            0
        });
        let mut scratch = Scratch::new(K, 0);
        let mut z = [[0.0f64; K]; BLOCK];
        let mut j = 0u64;
        while j < job.n {
            if job.cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
                break;
            }
            let m = BLOCK.min((job.n - j) as usize);
            zig.fill(&mut rng, z[..m].as_flattened_mut());
            scoring.block(&mut sums, &z[..m], hist_slots);
            if job.keep_detail {
                for row in &z[..m] {
                    let g = scoring.growth(row);
                    scratch.z.copy_from_slice(row);
                    self.components_from_z(&mut scratch);
                    detail.extend_from_slice(&scratch.main_g);
                    detail.extend_from_slice(&scratch.main_w);
                    detail.push(g);
                }
            }
            if !same_as_main {
                for row in &z[..m] {
                    let g = scoring.growth(row);
                    for (met, t) in target_met.iter_mut().zip(&self.targets) {
                        *met += u64::from((g >= t.lo) & (g <= t.hi));
                    }
                    all_met += u64::from((g >= all_lo) & (g <= all_hi));
                }
            }
            j += m as u64;
            if job.chunk == 0 && EARLY_CHECKPOINTS.contains(&j) {
                early.push((j, sums.hits));
            }
        }
        let Sums {
            hits,
            under,
            over,
            lanes,
        } = sums;
        let totals = lanes.totals();
        if j > 0 && !(totals.d2.is_finite() && totals.min.is_finite()) {
            return ChunkAcc {
                failure: Some(("aggregate growth", self.main.year)),
                ..ChunkAcc::empty(self, job.n)
            };
        }
        if same_as_main {
            target_met.iter_mut().for_each(|m| *m = hits);
            all_met = if self.targets.is_empty() { j } else { hits };
        }
        // The spare slot's draws are counted in `under` and `over`.
        hist.truncate(HISTOGRAM_BINS);
        ChunkAcc {
            hits,
            sums: lanes,
            hist,
            under,
            over,
            all_met,
            target_unknown: vec![0; self.targets.len()],
            target_met,
            early,
            detail,
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

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_abs_diff_eq;
    use rand::{Rng, SeedableRng};
    use rand_xoshiro::Xoshiro256PlusPlus;

    fn empty() -> Sums {
        Sums {
            hits: 0,
            under: 0,
            over: 0,
            lanes: LaneSums::new(),
        }
    }

    #[test]
    fn floor_index_is_the_floor_at_and_around_every_kind_of_edge() {
        // Integers, the floats either side of them, halves (where rounding
        // to nearest ties), and the range's two ends.
        for k in [0u32, 1, 2, 3, 7, 8, 1_000, 16_383, 16_384, 32_767, 32_768] {
            let x = f64::from(k);
            assert_eq!(floor_index(x), k, "at {x}");
            assert_eq!(floor_index(x + 0.5), k, "at {x} + 0.5");
            assert_eq!(floor_index(x.next_up()), k, "just above {x}");
            if k > 0 {
                assert_eq!(floor_index(x.next_down()), k - 1, "just below {x}");
                assert_eq!(floor_index(x - 0.5), k - 1, "at {x} − 0.5");
            }
        }
        assert_eq!(floor_index(f64::MIN_POSITIVE), 0);
        // Against Rust's own conversion on a million uniform positions.
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(3);
        for _ in 0..1_000_000 {
            let c = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * 32_768.0;
            assert_eq!(floor_index(c), c as u32, "at {c}");
        }
    }

    /// Growth equal to the first normal (`c0 = 0`, `a = (1, 0)`), bins of
    /// width 1 from 0: each draw's bin, tail and lane worked out by hand.
    #[test]
    fn a_block_is_scored_as_worked_by_hand() {
        let bins = Bins {
            lo: 0.0,
            inv_width: 1.0,
            reference: 0.0,
        };
        let top = HISTOGRAM_BINS as f64;
        let growth = [
            0.0,
            5.5,
            -0.1,
            top,
            top.next_down(),
            f64::NAN,
            9.5,
            12.0,
            // Lane 0 again.
            2.0,
        ];
        let z: Vec<[f64; 2]> = growth.iter().map(|&g| [g, 100.0]).collect();
        let mut sums = empty();
        let mut hist = Box::new([0u16; HIST_SLOTS]);
        let scoring = Scoring {
            c0: 0.0,
            a: [1.0, 0.0],
            threshold: 9.5,
            bins,
        };
        scoring.block(&mut sums, &z, &mut hist);
        // At or above 9.5: the top bin's two, 9.5 and 12 (NaN is not).
        assert_eq!(sums.hits, 4);
        assert_eq!(sums.under, 1, "−0.1");
        assert_eq!(sums.over, 2, "the range's end (32,768) and NaN");
        let mut expected = vec![0u16; HISTOGRAM_BINS];
        for bin in [0, 5, HISTOGRAM_BINS - 1, 9, 12, 2] {
            expected[bin] += 1;
        }
        assert_eq!(&hist[..HISTOGRAM_BINS], &expected[..]);
        assert_eq!(hist[HISTOGRAM_BINS], 3, "the spare slot: the three outside");
        // Lane 0 holds draws 0 and 8: 0 + 2. Sums of a few numbers, exact
        // in binary but for 0.1 (one rounding): 1e-12.
        let near = |x: f64, y: f64| assert_abs_diff_eq!(x, y, epsilon = 1e-12);
        near(sums.lanes.d[0], 2.0);
        near(sums.lanes.d2[0], 4.0);
        near(sums.lanes.gap[0], 9.5 + 7.5);
        near(sums.lanes.min[0], 0.0);
        near(sums.lanes.max[0], 2.0);
        // Lane 2: −0.1 short by 9.6; lane 5 (NaN) is NaN but adds no gap.
        near(sums.lanes.gap[2], 9.5 + 0.1);
        assert!(sums.lanes.d[5].is_nan());
        near(sums.lanes.gap[5], 0.0);
        assert!(sums.lanes.min[5].is_infinite());
        near(sums.lanes.gap[7], 0.0);
    }

    /// The AVX-512 build and the portable one give the same bits, on full
    /// blocks and a chunk's short last block, with draws in both tails.
    #[test]
    fn the_vector_build_gives_the_portable_bits() {
        #[cfg(target_arch = "x86_64")]
        if crate::cpu::has_avx512() {
            let bins = Bins {
                lo: -20.0,
                inv_width: 800.0,
                reference: 8.0,
            };
            let mut rng = Xoshiro256PlusPlus::seed_from_u64(11);
            let mut z = vec![[0.0; 4]; 3 * BLOCK];
            for v in z.as_flattened_mut() {
                // Normals stretched so that some fall off the histogram.
                *v = ((rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 - 0.5) * 120.0;
            }
            let scoring = Scoring {
                c0: 8.3,
                a: [0.1, 0.3, 0.5, 0.1],
                threshold: 9.5,
                bins,
            };
            let mut portable = empty();
            let mut vector = empty();
            let mut hist_p = Box::new([0u16; HIST_SLOTS]);
            let mut hist_v = Box::new([0u16; HIST_SLOTS]);
            for block in [
                &z[..BLOCK],
                &z[BLOCK..2 * BLOCK],
                &z[2 * BLOCK..2 * BLOCK + 37],
            ] {
                crate::cpu::portable(|| scoring.block_body(&mut portable, block, &mut hist_p));
                scoring.block(&mut vector, block, &mut hist_v);
            }
            assert!(
                portable.under > 0 && portable.over > 0,
                "both tails reached"
            );
            assert_eq!(
                (portable.hits, portable.under, portable.over),
                (vector.hits, vector.under, vector.over)
            );
            let bits = |s: &Sums| {
                let l = s.lanes;
                [l.d, l.d2, l.gap, l.min, l.max].map(|x| x.map(f64::to_bits))
            };
            assert_eq!(bits(&portable), bits(&vector));
            assert_eq!(hist_p, hist_v);
        }
    }
}
