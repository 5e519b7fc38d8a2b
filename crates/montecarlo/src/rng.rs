//! The random numbers: named, portable generators per chunk.
//!
//! Each chunk of scenarios gets a [`ChunkRng`]: eight Xoshiro256++ streams
//! side by side, read in turn (the chunk's `n`-th number is stream
//! `n mod 8`'s `⌊n / 8⌋`-th), and a ninth stream kept apart for the normal
//! sampler's rare second tries. Every stream's 256-bit state is derived only
//! from the run's seed, the chunk's index and the stream's number (four
//! SplitMix64 outputs), so chunks can run on any thread, in any order, and
//! give the same numbers.
//!
//! Eight streams rather than one make the generator's arithmetic
//! independent across streams: where the processor has 512-bit vectors
//! (AVX-512), one instruction advances all eight, four times faster than one
//! stream a number at a time. Elsewhere the same numbers come from a
//! portable loop. Both are integer arithmetic, so the numbers are the same
//! bits on every machine; a test checks the two against each other and each
//! stream against the reference Xoshiro256++.

use std::convert::Infallible;

use rand::{Rng, RngExt, SeedableRng, TryRng};
use rand_xoshiro::Xoshiro256PlusPlus;

/// The generator's name, as recorded in every output's metadata.
pub const RNG_NAME: &str = "Xoshiro256PlusPlus x8 (eight streams read in turn, a ninth for the \
     normal sampler's second tries; each stream's state: SplitMix64 of seed, chunk and stream)";

/// Streams read in turn.
pub const LANES: usize = 8;

/// The random numbers of one chunk: eight Xoshiro256++ streams read in
/// turn, and a spare stream (see the module's documentation).
#[derive(Debug, Clone)]
pub struct ChunkRng {
    /// Word `w` of stream `l`'s state at `state[w][l]`.
    state: [[u64; LANES]; 4],
    /// The last step's eight numbers; `buf[pos..]` are not handed out yet.
    buf: [u64; LANES],
    pos: usize,
    spare: Xoshiro256PlusPlus,
}

/// SplitMix64's output function (Steele, Lea and Flood 2014).
fn splitmix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The four state words of stream `stream` (0 to 8) of chunk `chunk`.
/// `splitmix64(chunk)` spreads chunk indices over the 64-bit range (it is a
/// bijection), so two chunks' stream keys could only meet if their images
/// fell within 36 of each other.
fn stream_state(seed: u64, chunk: u64, stream: u64) -> [u64; 4] {
    let base = splitmix64(chunk);
    let words = std::array::from_fn(|i| {
        splitmix64(seed ^ splitmix64(base.wrapping_add(stream * 4 + i as u64)))
    });
    // Xoshiro's state must not be all zero (probability 2⁻²⁵⁶).
    if words == [0; 4] { [1, 0, 0, 0] } else { words }
}

/// The random numbers of chunk `chunk` in a run seeded with `seed`.
pub fn chunk_rng(seed: u64, chunk: u64) -> ChunkRng {
    let streams: [[u64; 4]; LANES] = std::array::from_fn(|l| stream_state(seed, chunk, l as u64));
    let state = std::array::from_fn(|w| std::array::from_fn(|l| streams[l][w]));
    let spare = stream_state(seed, chunk, LANES as u64);
    let mut bytes = [0u8; 32];
    for (b, w) in bytes.chunks_exact_mut(8).zip(spare) {
        b.copy_from_slice(&w.to_le_bytes());
    }
    ChunkRng {
        state,
        buf: [0; LANES],
        pos: LANES,
        spare: Xoshiro256PlusPlus::from_seed(bytes),
    }
}

/// One Xoshiro256++ step of every stream: their next numbers in `out`.
#[inline(always)]
fn step(state: &mut [[u64; LANES]; 4], out: &mut [u64; LANES]) {
    let [s0, s1, s2, s3] = state;
    for l in 0..LANES {
        out[l] = s0[l]
            .wrapping_add(s3[l])
            .rotate_left(23)
            .wrapping_add(s0[l]);
        let t = s1[l] << 17;
        s2[l] ^= s0[l];
        s3[l] ^= s1[l];
        s1[l] ^= s2[l];
        s0[l] ^= s3[l];
        s2[l] ^= t;
        s3[l] = s3[l].rotate_left(45);
    }
}

/// `out.len() / 8` steps of every stream into `out`, step after step
/// (`out.len()` a multiple of eight). The compiler turns the eight streams
/// into vector lanes where the target has 64-bit vector rotations. (Used by
/// the AVX-512 path, so only on x86-64, and by the tests.)
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
#[inline(always)]
fn steps_by_step(state: &mut [[u64; LANES]; 4], out: &mut [u64]) {
    // The state is worked on where it lies: a local copy would be split
    // into 32 scalars by the optimiser and never vectorised.
    for group in out.chunks_exact_mut(LANES) {
        let mut o = [0; LANES];
        step(state, &mut o);
        group.copy_from_slice(&o);
    }
}

/// The same numbers as [`steps_by_step`], stream after stream: without
/// vector rotations (SSE2, AVX2) the vectorised form is slower than one
/// stream's chain in scalar registers.
fn steps_by_stream(state: &mut [[u64; LANES]; 4], out: &mut [u64]) {
    let steps = out.len() / LANES;
    for l in 0..LANES {
        let [mut s0, mut s1, mut s2, mut s3] = [state[0][l], state[1][l], state[2][l], state[3][l]];
        for k in 0..steps {
            out[k * LANES + l] = s0.wrapping_add(s3).rotate_left(23).wrapping_add(s0);
            let t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = s3.rotate_left(45);
        }
        [state[0][l], state[1][l], state[2][l], state[3][l]] = [s0, s1, s2, s3];
    }
}

/// [`steps_by_step`] compiled for AVX-512 (eight 64-bit lanes, a rotation
/// instruction).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512vl")]
fn steps_avx512(state: &mut [[u64; LANES]; 4], out: &mut [u64]) {
    steps_by_step(state, out);
}

/// `out.len() / 8` steps of every stream into `out`: AVX-512 where the
/// processor has it, the portable loop elsewhere (the same bits).
#[allow(unsafe_code)]
fn steps(state: &mut [[u64; LANES]; 4], out: &mut [u64]) {
    debug_assert!(out.len().is_multiple_of(LANES));
    #[cfg(target_arch = "x86_64")]
    if crate::cpu::has_avx512() {
        // SAFETY: `steps_avx512` needs AVX-512F and AVX-512VL (and what
        // they imply), and the processor was just found to have them.
        unsafe { steps_avx512(state, out) };
        return;
    }
    steps_by_stream(state, out);
}

/// The eight 64-bit lanes of a 512-bit register, lane 0 first.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512vl,avx512dq")]
#[inline]
pub(crate) fn words(v: std::arch::x86_64::__m512i) -> [u64; LANES] {
    use std::arch::x86_64::{
        _mm256_extract_epi64, _mm512_castsi512_si256, _mm512_extracti64x4_epi64,
    };
    let (lo, hi) = (_mm512_castsi512_si256(v), _mm512_extracti64x4_epi64::<1>(v));
    [
        _mm256_extract_epi64::<0>(lo),
        _mm256_extract_epi64::<1>(lo),
        _mm256_extract_epi64::<2>(lo),
        _mm256_extract_epi64::<3>(lo),
        _mm256_extract_epi64::<0>(hi),
        _mm256_extract_epi64::<1>(hi),
        _mm256_extract_epi64::<2>(hi),
        _mm256_extract_epi64::<3>(hi),
    ]
    .map(|v| v as u64)
}

impl ChunkRng {
    /// Fills `out` with the next numbers of the eight streams, in turn:
    /// exactly what `out.len()` calls of `next_u64` give, faster.
    pub fn fill_u64(&mut self, mut out: &mut [u64]) {
        while self.pos < LANES && !out.is_empty() {
            out[0] = self.buf[self.pos];
            self.pos += 1;
            out = &mut out[1..];
        }
        let whole = out.len() / LANES * LANES;
        steps(&mut self.state, &mut out[..whole]);
        for v in &mut out[whole..] {
            *v = self.next_u64();
        }
    }

    /// Numbers generated and not yet handed out (0 to 7).
    pub(crate) fn buffered(&self) -> usize {
        LANES - self.pos
    }

    /// The eight streams' next `steps` steps handed to `visit` one step at
    /// a time, stream `l`'s number in lane `l` of a 512-bit register, with
    /// the spare stream: exactly the numbers `8 · steps` calls of
    /// `next_u64` give, the state kept in registers throughout. Only when
    /// no number is buffered ([`buffered`](Self::buffered) is 0) or for
    /// no step.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f,avx512vl,avx512dq")]
    #[inline]
    pub(crate) fn steps_in_registers(
        &mut self,
        steps: usize,
        mut visit: impl FnMut(std::arch::x86_64::__m512i, &mut Xoshiro256PlusPlus),
    ) {
        use std::arch::x86_64::{
            _mm512_add_epi64, _mm512_rol_epi64, _mm512_set_epi64, _mm512_slli_epi64,
            _mm512_xor_si512,
        };
        debug_assert!(steps == 0 || self.buffered() == 0, "numbers are buffered");
        let load = |w: &[u64; LANES]| {
            let w = w.map(|v| v as i64);
            _mm512_set_epi64(w[7], w[6], w[5], w[4], w[3], w[2], w[1], w[0])
        };
        let [mut s0, mut s1, mut s2, mut s3] = [0, 1, 2, 3].map(|w| load(&self.state[w]));
        for _ in 0..steps {
            // `step`, lane by lane.
            let out = _mm512_add_epi64(_mm512_rol_epi64::<23>(_mm512_add_epi64(s0, s3)), s0);
            let t = _mm512_slli_epi64::<17>(s1);
            s2 = _mm512_xor_si512(s2, s0);
            s3 = _mm512_xor_si512(s3, s1);
            s1 = _mm512_xor_si512(s1, s2);
            s0 = _mm512_xor_si512(s0, s3);
            s2 = _mm512_xor_si512(s2, t);
            s3 = _mm512_rol_epi64::<45>(s3);
            visit(out, &mut self.spare);
        }
        self.state = [words(s0), words(s1), words(s2), words(s3)];
    }

    /// The next number of the spare stream (the normal sampler's second
    /// tries, never the eight streams).
    #[inline]
    pub fn spare_u64(&mut self) -> u64 {
        self.spare.next_u64()
    }
}

impl TryRng for ChunkRng {
    type Error = Infallible;

    #[inline]
    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        // The upper bits, as Xoshiro256++'s own `next_u32`.
        Ok((self.next_u64() >> 32) as u32)
    }

    #[inline]
    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        if self.pos == LANES {
            step(&mut self.state, &mut self.buf);
            self.pos = 0;
        }
        let v = self.buf[self.pos];
        self.pos += 1;
        Ok(v)
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        for chunk in dst.chunks_mut(8) {
            let v = self.next_u64().to_le_bytes();
            chunk.copy_from_slice(&v[..chunk.len()]);
        }
        Ok(())
    }
}

/// One index in `0..n`, uniformly (n > 0).
#[inline]
pub fn index<R: RngExt + ?Sized>(rng: &mut R, n: usize) -> usize {
    rng.random_range(0..n)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Steps kept in registers hand out exactly the numbers `next_u64`
    /// gives, and leave the state where `next_u64` would: before, between
    /// and after them the two generators agree.
    #[test]
    fn steps_in_registers_give_the_numbers_of_next_u64() {
        #[cfg(target_arch = "x86_64")]
        if crate::cpu::has_avx512() {
            let (mut a, mut b) = (chunk_rng(8, 3), chunk_rng(8, 3));
            for steps in [0, 1, 5, 128] {
                let mut seen = Vec::new();
                let mut spare_seen = Vec::new();
                #[allow(unsafe_code)]
                // SAFETY: the processor was just found to have AVX-512 F, VL and DQ.
                unsafe {
                    a.steps_in_registers(steps, |v, spare| {
                        seen.extend(words(v));
                        spare_seen.push(spare.next_u64());
                    })
                };
                let expected: Vec<u64> = (0..8 * steps).map(|_| b.next_u64()).collect();
                let expected_spare: Vec<u64> = (0..steps).map(|_| b.spare_u64()).collect();
                assert_eq!(seen, expected, "{steps} steps");
                assert_eq!(
                    spare_seen, expected_spare,
                    "the spare stream over {steps} steps"
                );
                // Eight more numbers, one at a time, from the state left.
                for _ in 0..LANES {
                    assert_eq!(a.next_u64(), b.next_u64());
                }
            }
        }
    }

    #[test]
    fn chunks_and_seeds_get_their_own_streams() {
        let a: u64 = chunk_rng(42, 0).next_u64();
        let b: u64 = chunk_rng(42, 1).next_u64();
        let c: u64 = chunk_rng(43, 0).next_u64();
        assert_ne!(a, b);
        assert_ne!(a, c);
        // The paired run's stream (top bit set) is not its chunk's.
        assert_ne!(a, chunk_rng(42, 1 << 63).next_u64());
    }

    /// Each of the nine streams is Xoshiro256++ itself: stream `l`'s numbers
    /// are the chunk's numbers `l`, `l + 8`, `l + 16`, ..., and the spare
    /// stream's are its own; both against `rand_xoshiro`'s implementation
    /// (tested against the reference C code) started from the same state.
    #[test]
    fn every_stream_is_the_reference_xoshiro256plusplus() {
        let reference = |words: [u64; 4]| {
            let mut bytes = [0u8; 32];
            for (b, w) in bytes.chunks_exact_mut(8).zip(words) {
                b.copy_from_slice(&w.to_le_bytes());
            }
            Xoshiro256PlusPlus::from_seed(bytes)
        };
        let mut rng = chunk_rng(9, 5);
        let mut all = vec![0u64; 8 * 1_000];
        rng.fill_u64(&mut all);
        for lane in 0..LANES {
            let mut r = reference(stream_state(9, 5, lane as u64));
            for (k, v) in all.iter().skip(lane).step_by(LANES).enumerate() {
                assert_eq!(*v, r.next_u64(), "stream {lane}, number {k}");
            }
        }
        let mut spare = reference(stream_state(9, 5, LANES as u64));
        for _ in 0..100 {
            assert_eq!(rng.spare_u64(), spare.next_u64());
        }
    }

    /// The vectorised steps, the portable ones and one number at a time
    /// give the same numbers, however a fill is cut.
    #[test]
    fn fills_and_single_numbers_agree_on_every_path() {
        let mut one = chunk_rng(3, 2);
        let singles: Vec<u64> = (0..4_000).map(|_| one.next_u64()).collect();
        let mut filled = chunk_rng(3, 2);
        let mut got = Vec::new();
        for len in [0, 1, 7, 8, 9, 16, 1_000, 3, 2_956] {
            let mut v = vec![0; len];
            filled.fill_u64(&mut v);
            got.extend(v);
        }
        assert_eq!(got, singles);
        let (mut a, mut b) = (chunk_rng(3, 2).state, chunk_rng(3, 2).state);
        let (mut x, mut y) = (vec![0; 8 * 100], vec![0; 8 * 100]);
        steps_by_step(&mut a, &mut x);
        steps_by_stream(&mut b, &mut y);
        assert_eq!(x, y);
        assert_eq!(a, b);
        assert_eq!(x[..], singles[..800]);
    }

    /// A change detector, not a correctness test: the generator and its
    /// seeding must never change silently, or every published result stops
    /// reproducing. The values are what this code gave when it was written.
    #[test]
    fn golden_first_draws_change_detector() {
        assert_eq!(chunk_rng(42, 0).next_u64(), GOLDEN_42_0);
        assert_eq!(chunk_rng(42, 1).next_u64(), GOLDEN_42_1);
        assert_eq!(chunk_rng(43, 0).next_u64(), GOLDEN_43_0);
    }

    const GOLDEN_42_0: u64 = 2_597_483_557_693_653_791;
    const GOLDEN_42_1: u64 = 7_339_562_782_506_677_099;
    const GOLDEN_43_0: u64 = 13_624_834_018_588_134_058;

    /// SplitMix64's first output from state 0 is 0xE220A8397B1DCDAF in the
    /// reference implementation (Vigna's splitmix64.c).
    #[test]
    fn splitmix64_matches_the_reference() {
        assert_eq!(splitmix64(0), 0xE220_A839_7B1D_CDAF);
    }
}
