//! A fast standard-normal sampler: the ziggurat of Marsaglia and Tsang
//! (2000) in the symmetric form of Doornik (2005, "An improved ziggurat
//! method to generate normal random samples"), with 2,048 layers.
//!
//! One `u64` per draw on the fast path (99.77 % of draws): its low 11 bits
//! pick the layer, its top 52 bits a uniform in [−1, 1) (bit 11 goes
//! unused). With 2,048 layers rather than the usual 256, a draw misses the
//! fast path six times less often (0.23 % against 1.49 %); a miss costs a
//! mispredicted branch and often an `exp`, so this is what makes the sampler
//! fast, at the price of 48 KB of tables. Draw `n` of a chunk starts from
//! its generator's `n`-th number and takes any further numbers a miss needs
//! from a spare stream ([`ChunkRng`]), so a block's numbers can be
//! generated at once, eight streams side by side; [`Ziggurat::fill`] then
//! takes eight draws at a time through the fast path, branch-free between
//! them, and its draws are exactly [`Ziggurat::sample`]'s.
//!
//! The few transcendental functions (table setup, the wedges and the tail)
//! use the pure-Rust `libm`, and the fast path is IEEE arithmetic (no fused
//! multiply-add), so draws are identical on every platform.

use rand::Rng;

#[cfg(target_arch = "x86_64")]
use std::arch::x86_64::__m512i;

use crate::rng::ChunkRng;
#[cfg(target_arch = "x86_64")]
use crate::rng::words;

/// Bits of a draw that pick its layer (the low ones).
const LAYER_BITS: u32 = 11;
/// Layers.
const C: usize = 1 << LAYER_BITS;
/// Start of the tail (the rightmost layer edge) for 2,048 layers: the `r`
/// whose layers of equal area `V(r) = r φ(r) + ∫_r^∞ φ` (φ unnormalised,
/// `exp(−x²/2)`) close exactly at the mode, solved to 50 digits.
const R: f64 = 4.216_370_409_511_897;
/// Area of each layer (and of the base strip with the tail).
const V: f64 = 6.126_065_176_240_461e-4;
/// Draws [`Ziggurat::fill`] takes through the fast path at a time.
const LANES: usize = crate::rng::LANES;

/// The ziggurat's tables.
#[derive(Debug, Clone)]
pub struct Ziggurat {
    /// Per layer `i`: `x[i + 1] / x[i]` (below it, in absolute value, a
    /// uniform of layer `i` is inside the curve) and `x[i]`, side by side
    /// so that a fast-path draw reads one 16-byte entry.
    fast: Box<[[f64; 2]; C]>,
    /// Layer edges: `x[0]` the base strip's pseudo-width, `x[1] = R`, ..., `x[C] = 0`.
    x: Box<[f64; C + 1]>,
    /// The density at each edge, `exp(−x²/2)`.
    f: Box<[f64; C + 1]>,
}

impl Default for Ziggurat {
    fn default() -> Self {
        Self::new()
    }
}

fn density(x: f64) -> f64 {
    libm::exp(-0.5 * x * x)
}

/// A uniform in (0, 1), never 0 (for logarithms), from one `u64`.
#[inline]
fn open01(bits: u64) -> f64 {
    (((bits >> 11) as i64) as f64 + 0.5) * (1.0 / (1u64 << 53) as f64)
}

/// A draw's layer (the low [`LAYER_BITS`] bits) and a uniform in [−1, 1)
/// (the top 52 bits as the mantissa of a number in [2, 4), less 3: no
/// integer-to-float conversion).
#[inline(always)]
fn split(bits: u64) -> (usize, f64) {
    (
        (bits & (C as u64 - 1)) as usize,
        f64::from_bits((bits >> 12) | 0x4000_0000_0000_0000) - 3.0,
    )
}

/// The fast path of a group of [`LANES`] draws from their numbers `b`:
/// each draw's `u · x[i]` into `out`, and the draws outside their layer's
/// rectangle (bit `l` for draw `l`), to be completed one by one.
#[inline(always)]
fn portable_group(fast: &[[f64; 2]; C], b: &[u64; LANES], out: &mut [f64; LANES]) -> u8 {
    let mut outside = 0u8;
    for (l, (z, &b)) in out.iter_mut().zip(b).enumerate() {
        let (i, u) = split(b);
        let [ratio, x] = fast[i];
        *z = u * x;
        outside |= u8::from(u.abs() >= ratio) << l;
    }
    outside
}

/// [`portable_group`] in 512-bit vectors, the same arithmetic and bits.
/// Each draw's table entry (ratio and edge, 16 bytes) is read whole and
/// the eight are interleaved in registers: the compiler would otherwise
/// use gather instructions, which are slow on some processors.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512vl,avx512dq")]
fn avx512_group(fast: &[[f64; 2]; C], bits: __m512i, out: &mut [f64; LANES]) -> u8 {
    use std::arch::x86_64::{
        __m256d, __m512d, _CMP_LT_OQ, _mm_cvtsd_f64, _mm_set_pd, _mm_unpackhi_pd,
        _mm256_castpd256_pd128, _mm256_extractf128_pd, _mm512_abs_pd, _mm512_castpd128_pd512,
        _mm512_castpd512_pd256, _mm512_castsi512_pd, _mm512_cmp_pd_mask, _mm512_extractf64x4_pd,
        _mm512_insertf64x2, _mm512_mul_pd, _mm512_or_si512, _mm512_permutex2var_pd,
        _mm512_set_epi64, _mm512_set1_epi64, _mm512_set1_pd, _mm512_srli_epi64, _mm512_sub_pd,
    };
    let b = words(bits);
    // `split`: the top 52 bits as the mantissa of a number in [2, 4), less 3.
    let mantissa = _mm512_or_si512(
        _mm512_srli_epi64::<12>(bits),
        _mm512_set1_epi64(0x4000_0000_0000_0000),
    );
    let u = _mm512_sub_pd(_mm512_castsi512_pd(mantissa), _mm512_set1_pd(3.0));
    let entry = |l: usize| {
        let [ratio, x] = fast[(b[l] & (C as u64 - 1)) as usize];
        _mm_set_pd(x, ratio)
    };
    let four = |l: usize| {
        let v = _mm512_castpd128_pd512(entry(l));
        let v = _mm512_insertf64x2::<1>(v, entry(l + 1));
        let v = _mm512_insertf64x2::<2>(v, entry(l + 2));
        _mm512_insertf64x2::<3>(v, entry(l + 3))
    };
    let (low, high) = (four(0), four(4));
    let ratio = _mm512_permutex2var_pd(low, _mm512_set_epi64(14, 12, 10, 8, 6, 4, 2, 0), high);
    let x = _mm512_permutex2var_pd(low, _mm512_set_epi64(15, 13, 11, 9, 7, 5, 3, 1), high);
    let z: __m512d = _mm512_mul_pd(u, x);
    let half = |h: __m256d| {
        let lo = _mm256_castpd256_pd128(h);
        let hi = _mm256_extractf128_pd::<1>(h);
        [
            _mm_cvtsd_f64(lo),
            _mm_cvtsd_f64(_mm_unpackhi_pd(lo, lo)),
            _mm_cvtsd_f64(hi),
            _mm_cvtsd_f64(_mm_unpackhi_pd(hi, hi)),
        ]
    };
    let [z0, z1, z2, z3] = half(_mm512_castpd512_pd256(z));
    let [z4, z5, z6, z7] = half(_mm512_extractf64x4_pd::<1>(z));
    *out = [z0, z1, z2, z3, z4, z5, z6, z7];
    !_mm512_cmp_pd_mask::<_CMP_LT_OQ>(_mm512_abs_pd(u), ratio)
}

impl Ziggurat {
    /// Builds the tables.
    pub fn new() -> Self {
        let mut x = vec![0.0; C + 1];
        let mut f = density(R);
        x[0] = V / f;
        x[1] = R;
        for i in 2..C {
            x[i] = libm::sqrt(-2.0 * libm::log(V / x[i - 1] + f));
            f = density(x[i]);
        }
        x[C] = 0.0;
        let fast: Vec<[f64; 2]> = (0..C).map(|i| [x[i + 1] / x[i], x[i]]).collect();
        let f: Vec<f64> = x.iter().map(|&x| density(x)).collect();
        // The lengths are C and C + 1 by construction.
        Self {
            fast: fast.into_boxed_slice().try_into().expect("C layers"),
            x: x.into_boxed_slice().try_into().expect("C + 1 edges"),
            f: f.into_boxed_slice().try_into().expect("C + 1 edges"),
        }
    }

    /// One standard-normal draw: the next number of the chunk's eight
    /// streams, and on the rare miss of the fast path (0.23 %) as many more
    /// from the spare stream as the draw needs.
    #[inline]
    pub fn sample(&self, rng: &mut ChunkRng) -> f64 {
        let (i, u) = split(rng.next_u64());
        let [ratio, x] = self.fast[i];
        if u.abs() < ratio {
            return u * x;
        }
        self.finish(&mut || rng.spare_u64(), i, u)
    }

    /// Fills `out` with standard-normal draws: exactly the draws of
    /// [`sample`](Self::sample) called `out.len()` times, faster.
    ///
    /// Draw `n` always starts from the eight streams' `n`-th number (a
    /// miss takes its further numbers from the spare stream), so the
    /// numbers can be generated eight streams at a time and put through the
    /// fast path eight at a time with no branch between them; a group's
    /// misses are then completed one by one, in order. Where the processor
    /// has AVX-512, each step of the eight streams goes from registers
    /// straight into a vector fast path (`ChunkRng::steps_in_registers`);
    /// elsewhere a block's numbers are generated first
    /// ([`ChunkRng::fill_u64`]). Both give the same bits.
    #[inline]
    #[allow(unsafe_code)]
    pub fn fill(&self, rng: &mut ChunkRng, out: &mut [f64]) {
        #[cfg(target_arch = "x86_64")]
        if crate::cpu::has_avx512() {
            // SAFETY: `fill_avx512` needs AVX-512 F, VL and DQ (and what
            // they imply), and the processor was just found to have them.
            unsafe { self.fill_avx512(rng, out) };
            return;
        }
        self.fill_with(rng, out, portable_group);
    }

    /// [`fill`](Self::fill) with the fast path in 512-bit vectors.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f,avx512vl,avx512dq")]
    fn fill_avx512(&self, rng: &mut ChunkRng, out: &mut [f64]) {
        // Numbers the generator has buffered, then whole steps of the eight
        // streams in registers, straight into the fast path, then the rest.
        let buffered = rng.buffered().min(out.len());
        let (first, out) = out.split_at_mut(buffered);
        for z in first {
            let b = rng.next_u64();
            *z = self.one(rng, b);
        }
        // Whole steps only once the buffered numbers are used up.
        let steps = if rng.buffered() == 0 {
            out.len() / LANES
        } else {
            0
        };
        let (whole, rest) = out.split_at_mut(steps * LANES);
        let fast: &[[f64; 2]; C] = &self.fast;
        let mut groups = whole.chunks_exact_mut(LANES);
        rng.steps_in_registers(steps, |bits, spare| {
            let Some(Ok(z)) = groups.next().map(<&mut [f64; LANES]>::try_from) else {
                unreachable!("one whole group a step")
            };
            let outside = avx512_group(fast, bits, z);
            if outside != 0 {
                self.complete(&mut || spare.next_u64(), &words(bits), z, outside);
            }
        });
        for z in rest {
            let b = rng.next_u64();
            *z = self.one(rng, b);
        }
    }

    /// [`fill`](Self::fill) with `group` as the fast path of each group of
    /// [`LANES`] draws.
    #[inline(always)]
    fn fill_with(
        &self,
        rng: &mut ChunkRng,
        out: &mut [f64],
        group: impl Fn(&[[f64; 2]; C], &[u64; LANES], &mut [f64; LANES]) -> u8,
    ) {
        /// Numbers generated at a time (2 KB).
        const BLOCK: usize = 256;
        let mut bits = [0u64; BLOCK];
        for piece in out.chunks_mut(BLOCK) {
            let bits = &mut bits[..piece.len()];
            rng.fill_u64(bits);
            let mut groups = piece.chunks_exact_mut(LANES);
            let mut words = bits.chunks_exact(LANES);
            let fast: &[[f64; 2]; C] = &self.fast;
            for (out_group, b) in (&mut groups).zip(&mut words) {
                let (Ok(z), Ok(w)) = (
                    <&mut [f64; LANES]>::try_from(&mut *out_group),
                    <&[u64; LANES]>::try_from(b),
                ) else {
                    unreachable!("chunks_exact gives whole groups")
                };
                let outside = group(fast, w, z);
                if outside != 0 {
                    self.complete(&mut || rng.spare_u64(), w, z, outside);
                }
            }
            for (z, &b) in groups.into_remainder().iter_mut().zip(words.remainder()) {
                *z = self.one(rng, b);
            }
        }
    }

    /// A draw from its first number `b`, a miss completed from the spare
    /// stream.
    #[inline]
    fn one(&self, rng: &mut ChunkRng, b: u64) -> f64 {
        let (i, u) = split(b);
        let [ratio, x] = self.fast[i];
        if u.abs() < ratio {
            u * x
        } else {
            self.finish(&mut || rng.spare_u64(), i, u)
        }
    }

    /// A group of [`fill`](Self::fill) with draws outside the fast path
    /// (bit `l` of `outside` set for draw `l`): those draws completed in
    /// order, so the spare stream is read as `sample` reads it.
    #[cold]
    #[inline(never)]
    fn complete(
        &self,
        spare: &mut impl FnMut() -> u64,
        bits: &[u64; LANES],
        out: &mut [f64; LANES],
        outside: u8,
    ) {
        for (l, (z, &b)) in out.iter_mut().zip(bits).enumerate() {
            if outside & (1 << l) != 0 {
                let (i, u) = split(b);
                *z = self.finish(spare, i, u);
            }
        }
    }

    /// Completes a draw whose first layer `i` and uniform `u` missed the
    /// fast path, taking further `u64`s from `next`: the base strip's tail,
    /// or the wedge between the layer's edges (accepted under the curve),
    /// or a fresh try.
    #[cold]
    fn finish(&self, next: &mut impl FnMut() -> u64, mut i: usize, mut u: f64) -> f64 {
        loop {
            if i == 0 {
                return self.tail(next, u < 0.0);
            }
            let x = u * self.x[i];
            if self.under_curve(
                i,
                x,
                self.f[i + 1] + open01(next()) * (self.f[i] - self.f[i + 1]),
            ) {
                return x;
            }
            (i, u) = split(next());
            let [ratio, x] = self.fast[i];
            if u.abs() < ratio {
                return u * x;
            }
        }
    }

    /// Whether the point (`x`, `y`) of layer `i`'s wedge (`|x|` between the
    /// edges `x[i + 1]` and `x[i]`, `y` between their densities) lies under
    /// the curve: `y < exp(−x²/2)`, exactly as that test decides, but most
    /// often without the `exp`. Between two edges the curve lies on one side
    /// of the chord joining them and on the other side of the tangent at
    /// the inner edge: above the chord and below the tangent where it is
    /// concave (`|x| ≤ 1`), the other way round where it is convex (`|x| ≥
    /// 1`). A point clearly below the lower line or above the upper one is
    /// settled; "clearly" is a margin of 10⁻¹² of the density, over two
    /// hundred times the rounding of either side (the most found, next to
    /// the tail, is 0.4 % of it), so the answer is the `exp` test's and the
    /// draws do not change. Only points in the thin sliver between
    /// the lines (and the one layer that straddles 1) need the `exp`.
    #[inline]
    fn under_curve(&self, i: usize, x: f64, y: f64) -> bool {
        let (inner, outer) = (self.x[i + 1], self.x[i]);
        let (f_inner, f_outer) = (self.f[i + 1], self.f[i]);
        let t = x.abs() - inner;
        let chord = f_inner + t * ((f_outer - f_inner) / (outer - inner));
        // The slope of exp(−x²/2) at `inner` is −inner · f_inner.
        let tangent = f_inner * (1.0 - inner * t);
        let margin = 1e-12 * f_inner;
        let (lower, upper) = if outer <= 1.0 {
            (chord, tangent)
        } else if inner >= 1.0 {
            (tangent, chord)
        } else {
            return y < density(x);
        };
        if y < lower - margin {
            true
        } else if y > upper + margin {
            false
        } else {
            y < density(x)
        }
    }

    /// A draw from the tail beyond `R` (Marsaglia 1964).
    #[cold]
    fn tail(&self, next: &mut impl FnMut() -> u64, negative: bool) -> f64 {
        loop {
            let x = libm::log(open01(next())) / R;
            let y = libm::log(open01(next()));
            if -2.0 * y >= x * x {
                return if negative { x - R } else { R - x };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::marginal::std_normal_cdf;
    use crate::rng::chunk_rng;

    /// The constants and the tables: every layer and the base strip with
    /// the tail have area `V`, and the layers close at the mode.
    #[test]
    fn every_layer_has_area_v_and_the_tables_close_at_the_mode() {
        let z = Ziggurat::new();
        // Base strip R·φ(R) plus the tail ∫_R^∞ φ = √(π/2) erfc(R/√2).
        let tail = (std::f64::consts::PI / 2.0).sqrt() * libm::erfc(R / std::f64::consts::SQRT_2);
        let base = R * density(R) + tail;
        assert!((base / V - 1.0).abs() < 1e-13, "base strip {base} vs {V}");
        // Layer i: width x[i], between the densities at x[i] and x[i + 1];
        // the top layer, from the mode, ends at x[C] = 0.
        for i in 1..C {
            let area = z.x[i] * (z.f[i + 1] - z.f[i]);
            assert!((area / V - 1.0).abs() < 1e-9, "layer {i}: {area} vs {V}");
        }
        assert!(z.x[C - 1] > 0.0 && z.x[C - 1] < 0.2, "{}", z.x[C - 1]);
        // Each layer's fast-path share is x[i + 1]/x[i]; on average a draw
        // misses it 0.23 % of the time (2,048 layers).
        let miss = z.fast.iter().map(|[r, _]| 1.0 - r).sum::<f64>() / C as f64;
        assert!((miss - 0.002_271).abs() < 1e-5, "{miss}");
    }

    /// The chord and tangent shortcuts decide every wedge point as the
    /// `exp` test does: a million points spread over every layer's wedge,
    /// a million within a few rounding errors of the curve, and points a
    /// few rounding errors either side of where the shortcut's margins end
    /// (where a too-small margin would show).
    #[test]
    fn the_wedge_shortcut_decides_as_the_exp_test() {
        let z = Ziggurat::new();
        let mut rng = chunk_rng(9, 0);
        let mut settled = 0u32;
        for k in 0..3_000_000u32 {
            let i = 1 + (rng.next_u64() % (C as u64 - 1)) as usize;
            let (inner, outer) = (z.x[i + 1], z.x[i]);
            let x = inner + open01(rng.next_u64()) * (outer - inner);
            let x = if k % 2 == 0 { x } else { -x };
            let exact = density(x);
            let (lower, upper) = {
                let t = x.abs() - inner;
                let chord = z.f[i + 1] + t * ((z.f[i] - z.f[i + 1]) / (outer - inner));
                let tangent = z.f[i + 1] * (1.0 - inner * t);
                (chord.min(tangent), chord.max(tangent))
            };
            let mut near = |v: f64| {
                // Within ±64 units in the last place of `v`.
                let ulps = (rng.next_u64() % 129) as i64 - 64;
                f64::from_bits((v.to_bits() as i64 + ulps) as u64)
            };
            let margin = 1e-12 * z.f[i + 1];
            let y = match k / 1_000_000 {
                0 => z.f[i + 1] + open01(rng.next_u64()) * (z.f[i] - z.f[i + 1]),
                1 => near(exact),
                // Where the margins end, below the lower line or above the upper.
                _ if k % 4 < 2 => near(lower - margin),
                _ => near(upper + margin),
            };
            assert_eq!(
                z.under_curve(i, x, y),
                y < exact,
                "layer {i}, x = {x}, y = {y}"
            );
            settled += u32::from(k < 1_000_000 && (y < lower || y > upper));
        }
        // Nearly all wedge points are settled without the exp.
        assert!(settled > 990_000, "{settled} of a million settled");
    }

    /// The AVX-512 fast path and the portable one give the same draws and
    /// the same misses, bit for bit, over every layer (the numbers' low
    /// bits), both signs and the ends of each layer's uniform.
    #[test]
    fn the_vector_fast_path_gives_the_portable_bits() {
        let z = Ziggurat::new();
        let mut rng = chunk_rng(21, 4);
        let mut words: Vec<u64> = (0..C as u64)
            .flat_map(|layer| {
                // The top 52 bits all clear, all set, and the middle.
                [
                    0,
                    u64::MAX << LAYER_BITS,
                    1 << 63,
                    !0 >> 1 & !(C as u64 - 1),
                ]
                .map(|w| w | layer)
            })
            .collect();
        words.extend((0..1 << 16).map(|_| rng.next_u64()));
        for w in words.chunks_exact(LANES) {
            let w: &[u64; LANES] = w.try_into().unwrap();
            let (mut vector, mut portable) = ([0.0; LANES], [0.0; LANES]);
            let portable_outside = portable_group(&z.fast, w, &mut portable);
            #[cfg(target_arch = "x86_64")]
            if crate::cpu::has_avx512() {
                #[allow(unsafe_code)]
                // SAFETY: the processor was just found to have AVX-512 F,
                // VL and DQ.
                let vector_outside = unsafe {
                    let v = w.map(|v| v as i64);
                    let bits = std::arch::x86_64::_mm512_set_epi64(
                        v[7], v[6], v[5], v[4], v[3], v[2], v[1], v[0],
                    );
                    avx512_group(&z.fast, bits, &mut vector)
                };
                assert_eq!(vector_outside, portable_outside, "misses of {w:x?}");
                assert_eq!(
                    vector.map(f64::to_bits),
                    portable.map(f64::to_bits),
                    "draws of {w:x?}"
                );
            }
        }
    }

    /// `fill` gives exactly `sample`'s draws, however the draws are cut
    /// (groups of eight, remainders, groups that replay a miss).
    #[test]
    fn fill_draws_exactly_what_sample_draws() {
        let z = Ziggurat::new();
        let (mut a, mut b) = (chunk_rng(3, 1), chunk_rng(3, 1));
        let mut out = vec![0.0; 100_003];
        // The lengths leave numbers buffered, so the fills start at every
        // position of a step.
        for len in [0, 1, 7, 8, 9, 17, 1_000, 100_003, 100_000, 100_003] {
            let out = &mut out[..len];
            z.fill(&mut a, out);
            for (i, v) in out.iter().enumerate() {
                let s = z.sample(&mut b);
                assert_eq!(v.to_bits(), s.to_bits(), "draw {i} of a fill of {len}");
            }
        }
    }

    /// The portable fill (what `fill` runs on a processor without
    /// AVX-512) gives exactly `sample`'s draws too, on any processor.
    #[test]
    fn the_portable_fill_draws_what_sample_draws() {
        let z = Ziggurat::new();
        let (mut a, mut b) = (chunk_rng(5, 2), chunk_rng(5, 2));
        let mut out = vec![0.0; 100_003];
        for len in [1, 7, 8, 9, 17, 1_000, 100_003, 100_000] {
            let out = &mut out[..len];
            z.fill_with(&mut a, out, portable_group);
            for (i, v) in out.iter().enumerate() {
                let s = z.sample(&mut b);
                assert_eq!(v.to_bits(), s.to_bits(), "draw {i} of a fill of {len}");
            }
        }
    }

    /// 10⁷ draws, from one chunk's generator through `fill`.
    fn draws(n: usize) -> Vec<f64> {
        let z = Ziggurat::new();
        let mut rng = chunk_rng(1, 0);
        let mut v = vec![0.0; n];
        z.fill(&mut rng, &mut v);
        v
    }

    /// Moments of 10⁷ draws against the standard normal's (0, 1, 0, 3).
    /// Standard errors at n draws: mean √(1/n), variance √(2/n), skewness
    /// √(6/n), excess kurtosis √(24/n) (0.0003, 0.0004, 0.0008, 0.0015 at
    /// 10⁷). Tolerance: 5 standard errors (a false alarm once in 10⁶).
    /// The tails: P(Z > c) and P(Z < −c) for c = 2, 3, 4 and the ziggurat's
    /// own tail start R, against Φ, within 5 binomial standard errors
    /// √(p(1 − p)/n) (about 317 ± 18 draws beyond 4).
    #[test]
    fn moments_and_tails_of_ten_million_draws_are_the_standard_normals() {
        let v = draws(10_000_000);
        let n = v.len() as f64;
        let mean = v.iter().sum::<f64>() / n;
        let m = |k: i32| v.iter().map(|x| (x - mean).powi(k)).sum::<f64>() / n;
        let (m2, m3, m4) = (m(2), m(3), m(4));
        let skew = m3 / m2.powf(1.5);
        let kurt = m4 / (m2 * m2) - 3.0;
        let se = |var: f64| 5.0 * (var / n).sqrt();
        assert!(mean.abs() < se(1.0), "mean {mean}");
        assert!((m2 - 1.0).abs() < se(2.0), "variance {m2}");
        assert!(skew.abs() < se(6.0), "skewness {skew}");
        assert!(kurt.abs() < se(24.0), "excess kurtosis {kurt}");
        for c in [2.0, 3.0, 4.0, R] {
            let p = std_normal_cdf(-c);
            for (side, count) in [
                ("above", v.iter().filter(|&&x| x > c).count()),
                ("below", v.iter().filter(|&&x| x < -c).count()),
            ] {
                let got = count as f64 / n;
                assert!(
                    (got - p).abs() < se(p * (1.0 - p)),
                    "P(Z {side} ±{c}) = {got} vs {p}"
                );
            }
        }
    }

    /// The Kolmogorov–Smirnov statistic of `n` draws: the largest gap
    /// between their empirical distribution and Φ.
    fn ks(n: usize) -> f64 {
        let mut v = draws(n);
        v.sort_unstable_by(f64::total_cmp);
        let n = v.len() as f64;
        v.iter()
            .enumerate()
            .map(|(i, &x)| {
                let f = std_normal_cdf(x);
                ((i + 1) as f64 / n - f).max(f - i as f64 / n)
            })
            .fold(0.0, f64::max)
    }

    /// Kolmogorov–Smirnov at 10⁶ draws: D below 1.95/√n (the 0.1 %
    /// critical value of √n·D), 0.0019.
    #[test]
    fn kolmogorov_smirnov_at_a_million_draws() {
        let d = ks(1_000_000);
        assert!(d < 1.95 / 1e3, "D = {d}");
    }

    /// Kolmogorov–Smirnov at 10⁷ draws: D below 1.95/√n = 6.2·10⁻⁴, which
    /// also bounds the error of any probability estimated from these
    /// draws. About 5 s in the unoptimised test build (the sort): run with
    /// the rest, since it is the test the sampler answers to.
    #[test]
    fn kolmogorov_smirnov_at_ten_million_draws() {
        let d = ks(10_000_000);
        assert!(d < 1.95 / 10_000_000f64.sqrt(), "D = {d}");
    }
}
