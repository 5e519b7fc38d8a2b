//! What this processor can run: the runtime check for 512-bit vectors
//! (AVX-512), [`Avx512`], the proof of it, and [`fastest`], which runs a
//! kernel in its build for them.
//!
//! Four hot loops have an AVX-512 build beside the portable one: the
//! linear loop's scoring of a block (plain arithmetic on small arrays, run
//! through [`fastest`]), the general loop's chunk of paths (eight paths
//! side by side through grdp-core's year step, given an [`Avx512`]), the
//! generator's step ([`crate::rng`]) and the normal sampler's fast path
//! ([`crate::normal`]), each behind [`has_avx512`]. Every build is the same
//! integer and IEEE arithmetic in the same order (no fused multiply-add),
//! so all give the same bits; tests run both builds and compare. The four
//! calls into them are the crate's only `unsafe` code outside its tests:
//! each calls a function compiled for instructions the processor was found
//! to have.

/// Whether the processor has AVX-512 F, VL and DQ, the instructions the
/// AVX-512 builds are compiled for, and every feature the compiler takes
/// them to imply (`avx512f` enables AVX2, FMA and F16C, and through them
/// AVX and SSE3 to SSE4.2), so that no instruction of a build can be
/// missing even where a hypervisor hides some of them (checked once; the
/// standard library caches the answer).
#[cfg(target_arch = "x86_64")]
#[inline]
pub(crate) fn has_avx512() -> bool {
    std::is_x86_feature_detected!("avx512f")
        && std::is_x86_feature_detected!("avx512vl")
        && std::is_x86_feature_detected!("avx512dq")
        && std::is_x86_feature_detected!("avx2")
        && std::is_x86_feature_detected!("fma")
        && std::is_x86_feature_detected!("f16c")
        && std::is_x86_feature_detected!("avx")
        && std::is_x86_feature_detected!("sse4.2")
        && std::is_x86_feature_detected!("sse4.1")
        && std::is_x86_feature_detected!("ssse3")
        && std::is_x86_feature_detected!("sse3")
}

/// Proof that the processor has AVX-512 F, VL and DQ and what they imply
/// ([`has_avx512`]): only [`Avx512::detect`] makes one, so a function given
/// one may call a build compiled for those instructions.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Avx512(());

impl Avx512 {
    /// `Some` where the processor has AVX-512 F, VL and DQ and what they
    /// imply ([`has_avx512`]).
    #[inline]
    pub(crate) fn detect() -> Option<Self> {
        #[cfg(target_arch = "x86_64")]
        if has_avx512() {
            return Some(Self(()));
        }
        None
    }
}

/// `kernel()`, compiled for AVX-512 (the kernel's body is inlined here, so
/// it is built with these instructions enabled).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512vl,avx512dq")]
fn with_avx512<T>(kernel: impl FnOnce() -> T) -> T {
    kernel()
}

/// Runs `kernel`, in its AVX-512 build where the processor has AVX-512 and
/// in the portable build elsewhere (the same bits). The kernel's work should
/// be `#[inline(always)]` functions, so that it is compiled into each build.
#[inline]
#[allow(unsafe_code)]
pub(crate) fn fastest<T>(kernel: impl FnOnce() -> T) -> T {
    #[cfg(target_arch = "x86_64")]
    if has_avx512() {
        // SAFETY: `with_avx512` needs AVX-512 F, VL and DQ (and what they
        // imply), and the processor was just found to have all of them.
        return unsafe { with_avx512(kernel) };
    }
    kernel()
}

/// `kernel()` in its portable build, whatever the processor (for tests
/// that compare the two builds).
#[cfg(test)]
pub(crate) fn portable<T>(kernel: impl FnOnce() -> T) -> T {
    kernel()
}
