//! The random numbers: a named, portable generator per chunk.
//!
//! Each chunk of scenarios gets its own `Xoshiro256PlusPlus`, whose 256-bit
//! state is derived only from the run's seed and the chunk's index (four
//! SplitMix64 outputs). Chunks can therefore run on any thread, in any
//! order, and give the same draws.

use rand::{RngExt, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

/// The generator's name, as recorded in every output's metadata.
pub const RNG_NAME: &str =
    "Xoshiro256PlusPlus (state per chunk: SplitMix64 of seed and chunk index)";

/// The generator type.
pub type ChunkRng = Xoshiro256PlusPlus;

/// SplitMix64's output function (Steele, Lea and Flood 2014).
fn splitmix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The generator of chunk `chunk` in a run seeded with `seed`.
pub fn chunk_rng(seed: u64, chunk: u64) -> ChunkRng {
    let mut state = [0u8; 32];
    for (i, word) in state.chunks_exact_mut(8).enumerate() {
        let v = splitmix64(seed ^ splitmix64(chunk.wrapping_mul(4).wrapping_add(i as u64)));
        word.copy_from_slice(&v.to_le_bytes());
    }
    Xoshiro256PlusPlus::from_seed(state)
}

/// One index in `0..n`, uniformly (n > 0).
#[inline]
pub fn index<R: RngExt + ?Sized>(rng: &mut R, n: usize) -> usize {
    rng.random_range(0..n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::Rng;

    #[test]
    fn chunks_and_seeds_get_their_own_streams() {
        let a: u64 = chunk_rng(42, 0).next_u64();
        let b: u64 = chunk_rng(42, 1).next_u64();
        let c: u64 = chunk_rng(43, 0).next_u64();
        assert_ne!(a, b);
        assert_ne!(a, c);
    }

    /// A change detector, not a correctness test: the generator and its
    /// seeding must never change silently, or every published result stops
    /// reproducing. The values are what this code gave when it was written.
    #[test]
    fn golden_first_draws_change_detector() {
        assert_eq!(chunk_rng(42, 0).next_u64(), GOLDEN_42_0);
        assert_eq!(chunk_rng(42, 1).next_u64(), 1_058_344_190_578_198_622);
        assert_eq!(chunk_rng(43, 0).next_u64(), 6_940_160_242_800_101_872);
    }

    const GOLDEN_42_0: u64 = 456_817_592_776_527_357;

    /// SplitMix64's first output from state 0 is 0xE220A8397B1DCDAF in the
    /// reference implementation (Vigna's splitmix64.c).
    #[test]
    fn splitmix64_matches_the_reference() {
        assert_eq!(splitmix64(0), 0xE220_A839_7B1D_CDAF);
    }
}
