//! Small statistics: Wilson interval, ranks and Spearman correlation,
//! sample covariance.

/// The 97.5 % point of the standard normal, for 95 % intervals.
pub const Z_95: f64 = 1.959_963_984_540_054;

/// Wilson's 95 % interval for a proportion of `hits` in `n` (n > 0).
pub fn wilson_95(hits: u64, n: u64) -> [f64; 2] {
    if n == 0 {
        return [0.0, 1.0];
    }
    let n = n as f64;
    let p = hits as f64 / n;
    let z2 = Z_95 * Z_95;
    let denom = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denom;
    let half = Z_95 * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denom;
    [(centre - half).max(0.0), (centre + half).min(1.0)]
}

/// Ranks 1..n, ties given their average rank.
pub fn ranks(values: &[f64]) -> Vec<f64> {
    ranks_of(values.iter().copied())
}

/// [`ranks`] of values read one by one (a column read in place from a
/// row-major table, say, with no copy of it made first).
pub fn ranks_of(values: impl ExactSizeIterator<Item = f64>) -> Vec<f64> {
    // Keys that order like `f64::total_cmp`: integer comparisons instead
    // of float ones.
    let keys: Vec<u64> = values.map(order_key).collect();
    let n = keys.len();
    if n > u32::MAX as usize {
        let mut order: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
        order.sort_unstable();
        let mut out = vec![0.0; n];
        assign_ranks(&mut out, n, |i| order[i].1, |i, j| order[i].0 == order[j].0);
        return out;
    }
    let order = sorted_order(&keys);
    // Allocated after the sort, so it can take the sort's freed scratch.
    let mut out = vec![0.0; n];
    let index = |i: usize| (order[i] & 0xffff_ffff) as usize;
    // Ties share a prefix: only then are the full keys looked up.
    let same =
        |i: usize, j: usize| order[i] >> 32 == order[j] >> 32 && keys[index(i)] == keys[index(j)];
    assign_ranks(&mut out, n, index, same);
    out
}

/// Writes each item's rank (1-based, ties their average) into `out`, from
/// the sorted order: `index(i)` is the item in place i, `same(i, j)` tells
/// whether places i and j hold equal keys.
fn assign_ranks(
    out: &mut [f64],
    n: usize,
    index: impl Fn(usize) -> usize,
    same: impl Fn(usize, usize) -> bool,
) {
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j + 1 < n && same(j + 1, i) {
            j += 1;
        }
        let avg = (i + j) as f64 / 2.0 + 1.0;
        for p in i..=j {
            out[index(p)] = avg;
        }
        i = j + 1;
    }
}

/// An integer that orders like `f64::total_cmp` (equal only for the same
/// bits): sign bit flipped for positives, all bits for negatives.
fn order_key(x: f64) -> u64 {
    let b = x.to_bits();
    if b >> 63 == 1 { !b } else { b | (1 << 63) }
}

/// The value whose [`order_key`] is `k`.
fn from_order_key(k: u64) -> f64 {
    f64::from_bits(if k >> 63 == 1 { k & !(1 << 63) } else { !k })
}

/// Sorts values as `v.sort_by(f64::total_cmp)` does (the same bits in the
/// same places: values equal under `total_cmp` have the same bits), by a
/// radix sort of their order keys.
pub fn sort_total(v: &mut [f64]) {
    if v.len() > u32::MAX as usize {
        v.sort_unstable_by(f64::total_cmp);
        return;
    }
    let keys: Vec<u64> = v.iter().map(|&x| order_key(x)).collect();
    let order = sorted_order(&keys);
    for (x, o) in v.iter_mut().zip(order) {
        *x = from_order_key(keys[(o & 0xffff_ffff) as usize]);
    }
}

/// Bits of a radix-sort digit: 2,048 counters, and three passes sort 32
/// bits.
const DIGIT_BITS: u32 = 11;

/// The order of `keys` (at most 2^32 of them; equal keys in any order), as
/// words `prefix << 32 | index`: `index` is a key's place in `keys`,
/// `prefix` the top 32 significant bits of its offset from the smallest
/// key. A least-significant-digit radix sort orders the words by prefix,
/// 11 bits a pass, moving 8 bytes an item; keys that share a prefix (a few
/// among the 131,072 kept draws of a run, which differ in far more than 32
/// bits) are then put in order by their full key. About three times faster
/// than sorting (key, index) pairs a byte a pass.
fn sorted_order(keys: &[u64]) -> Vec<u64> {
    let n = keys.len();
    let (mut lo, mut hi) = (u64::MAX, 0);
    for &k in keys {
        lo = lo.min(k);
        hi = hi.max(k);
    }
    // Offsets scaled up so the range's top bit is bit 63 (range 0: all
    // prefixes 0, all keys equal).
    let up = (hi.wrapping_sub(lo)).leading_zeros() % 64;
    const BUCKETS: usize = 1 << DIGIT_BITS;
    const PASSES: usize = 32_usize.div_ceil(DIGIT_BITS as usize);
    let digit = |w: u64, pass: usize| {
        ((w >> (32 + DIGIT_BITS as usize * pass)) & (BUCKETS as u64 - 1)) as usize
    };
    let mut counts = vec![[0u32; BUCKETS]; PASSES];
    let mut v: Vec<u64> = keys
        .iter()
        .zip(0u64..)
        .map(|(&k, i)| {
            let w = ((k - lo) << up) & !0xffff_ffff | i;
            for (pass, c) in counts.iter_mut().enumerate() {
                c[digit(w, pass)] += 1;
            }
            w
        })
        .collect();
    let mut buf = vec![0u64; n];
    for (pass, c) in counts.iter_mut().enumerate() {
        if c.contains(&(n as u32)) {
            continue;
        }
        let mut sum = 0;
        for x in c.iter_mut() {
            (*x, sum) = (sum, sum + *x);
        }
        for &w in &v {
            let d = digit(w, pass);
            buf[c[d] as usize] = w;
            c[d] += 1;
        }
        std::mem::swap(&mut v, &mut buf);
    }
    // Runs of a shared prefix, in order of their full keys.
    let mut i = 0;
    while i < n {
        let mut j = i + 1;
        while j < n && v[j] >> 32 == v[i] >> 32 {
            j += 1;
        }
        if j - i > 1 {
            v[i..j].sort_unstable_by_key(|&w| keys[(w & 0xffff_ffff) as usize]);
        }
        i = j;
    }
    v
}

/// Pearson correlation; 0 when either series is constant.
pub fn pearson(a: &[f64], b: &[f64]) -> f64 {
    let n = a.len().min(b.len());
    if n < 2 {
        return 0.0;
    }
    let ma = a[..n].iter().sum::<f64>() / n as f64;
    let mb = b[..n].iter().sum::<f64>() / n as f64;
    let (mut sab, mut saa, mut sbb) = (0.0, 0.0, 0.0);
    for (x, y) in a[..n].iter().zip(&b[..n]) {
        sab += (x - ma) * (y - mb);
        saa += (x - ma) * (x - ma);
        sbb += (y - mb) * (y - mb);
    }
    if saa <= 0.0 || sbb <= 0.0 {
        0.0
    } else {
        sab / (saa * sbb).sqrt()
    }
}

/// Spearman rank correlation.
pub fn spearman(a: &[f64], b: &[f64]) -> f64 {
    pearson(&ranks(a), &ranks(b))
}

/// Sample covariance matrix (divisor n − 1) of columns given as slices, over
/// the rows every column has (the shortest column's length).
pub fn covariance(columns: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let n = columns.iter().map(Vec::len).min().unwrap_or(0);
    covariance_of(n, columns.len(), |first, c, out| {
        out.copy_from_slice(&columns[c][first..first + out.len()]);
    })
}

/// [`covariance`] of `k` columns of `n` rows read in place: `fill(first,
/// c, out)` writes rows `first..first + out.len()` of column `c` into `out`
/// (it is called twice for each block, so it must give the same values each
/// time). Each sum still adds its terms in row order, from the start
/// `Iterator::sum` uses, so the matrix has the bits [`covariance`] of the
/// copied columns has.
pub fn covariance_of(n: usize, k: usize, fill: impl Fn(usize, usize, &mut [f64])) -> Vec<Vec<f64>> {
    let start: f64 = std::iter::empty::<f64>().sum();
    // Means: each column times a column of ones (x·1 = x exactly).
    let means_of: Vec<(usize, usize)> = (0..k).map(|i| (i, k)).collect();
    let mut sums = vec![start; k];
    for_blocks(n, k, &fill, |block, len| {
        add_products(&mut sums, &means_of, block, len);
    });
    let means: Vec<f64> = sums.iter().map(|s| s / n.max(1) as f64).collect();
    let mut out = vec![vec![0.0; k]; k];
    if n < 2 {
        return out;
    }
    let pairs: Vec<(usize, usize)> = (0..k).flat_map(|i| (i..k).map(move |j| (i, j))).collect();
    let mut acc = vec![start; pairs.len()];
    let centred = |first: usize, c: usize, out: &mut [f64]| {
        fill(first, c, out);
        for x in out.iter_mut() {
            *x -= means[c];
        }
    };
    for_blocks(n, k, centred, |block, len| {
        add_products(&mut acc, &pairs, block, len);
    });
    for (s, &(i, j)) in acc.iter().zip(&pairs) {
        out[i][j] = s / (n - 1) as f64;
        out[j][i] = out[i][j];
    }
    out
}

/// Rows a block: `k + 1` columns of them stay in the first-level cache.
const BLOCK_ROWS: usize = 256;

/// Hands `n` rows to `each`, a block at a time, column-major (`len` rows a
/// column, then a column of ones): `fill(first, c, out)` writes column c of
/// the block's rows `first..first + len`. Filled a column at a time, the
/// copies run over contiguous memory.
fn for_blocks(
    n: usize,
    k: usize,
    fill: impl Fn(usize, usize, &mut [f64]),
    mut each: impl FnMut(&[f64], usize),
) {
    let mut block = vec![1.0; (k + 1) * BLOCK_ROWS];
    for first in (0..n).step_by(BLOCK_ROWS) {
        let len = BLOCK_ROWS.min(n - first);
        let (columns, ones) = block[..(k + 1) * len].split_at_mut(k * len);
        for (c, out) in columns.chunks_exact_mut(len).enumerate() {
            fill(first, c, out);
        }
        ones.fill(1.0);
        each(&block, len);
    }
}

/// Adds to `acc[p]`, for each pair `(i, j)` of `pairs`, the products of
/// columns i and j of `block` (column-major, `len` rows a column), row by
/// row in order. Four sums advance side by side, so each add need not wait
/// for the one before it.
fn add_products(acc: &mut [f64], pairs: &[(usize, usize)], block: &[f64], len: usize) {
    const LANES: usize = 4;
    let col = |c: usize| &block[c * len..(c + 1) * len];
    for (acc, group) in acc.chunks_mut(LANES).zip(pairs.chunks(LANES)) {
        // A short last group repeats its first pair; those sums are dropped.
        let pair = |l: usize| *group.get(l).unwrap_or(&group[0]);
        let x: [&[f64]; LANES] = std::array::from_fn(|l| col(pair(l).0));
        let y: [&[f64]; LANES] = std::array::from_fn(|l| col(pair(l).1));
        let mut a = [0.0; LANES];
        a[..acc.len()].copy_from_slice(acc);
        for r in 0..len {
            for l in 0..LANES {
                a[l] += x[l][r] * y[l][r];
            }
        }
        acc.copy_from_slice(&a[..acc.len()]);
    }
}

/// [`pearson`] of every pair of columns (1 on the diagonal), each pair
/// once; every value has the bits [`pearson`] gives it (the same sums in
/// the same order).
pub fn pearson_matrix(columns: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let k = columns.len();
    let n = columns.iter().map(Vec::len).min().unwrap_or(0);
    let mut out: Vec<Vec<f64>> = (0..k)
        .map(|i| (0..k).map(|j| if i == j { 1.0 } else { 0.0 }).collect())
        .collect();
    if n < 2 {
        return out;
    }
    let means: Vec<f64> = columns
        .iter()
        .map(|c| c[..n].iter().sum::<f64>() / n as f64)
        .collect();
    // Each column with itself (the spreads) and with each later one.
    let pairs: Vec<(usize, usize)> = (0..k).flat_map(|i| (i..k).map(move |j| (i, j))).collect();
    let mut acc = vec![0.0; pairs.len()];
    let centred = |first: usize, c: usize, out: &mut [f64]| {
        for (x, v) in out.iter_mut().zip(&columns[c][first..]) {
            *x = v - means[c];
        }
    };
    for_blocks(n, k, centred, |block, len| {
        add_products(&mut acc, &pairs, block, len);
    });
    let spread = |i: usize| acc[pairs.iter().position(|&p| p == (i, i)).unwrap_or(0)];
    for (&s, &(i, j)) in acc.iter().zip(&pairs) {
        if i != j {
            let (saa, sbb) = (spread(i), spread(j));
            out[i][j] = if saa <= 0.0 || sbb <= 0.0 {
                0.0
            } else {
                s / (saa * sbb).sqrt()
            };
            out[j][i] = out[i][j];
        }
    }
    out
}

/// The `p` quantile (type 1: the smallest value with at least `p·n` at or
/// below it) of sorted values.
pub fn quantile_sorted(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = (p * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Columns of unequal length: the covariance of the rows all of them
    /// have. [1, 2] and [1, 5] (the first two rows): means 1.5 and 3,
    /// variances 0.5 and 8, covariance ((−0.5)(−2) + (0.5)(2)) / 1 = 2.
    #[test]
    fn covariance_uses_the_rows_every_column_has() {
        let c = covariance(&[vec![1.0, 2.0, 3.0, 4.0], vec![1.0, 5.0]]);
        for (got, want) in c.iter().flatten().zip([0.5, 2.0, 2.0, 8.0]) {
            assert!((got - want).abs() < 1e-12, "{c:?}");
        }
    }
    use approx::assert_abs_diff_eq;

    #[test]
    fn wilson_matches_a_hand_computation() {
        // 50 of 100: centre 0.5, half-width 1.96·√(0.0025 + 0.000096)/1.0384 = 0.0961.
        let [lo, hi] = wilson_95(50, 100);
        assert_abs_diff_eq!(lo, 0.403_831, epsilon = 1e-5);
        assert_abs_diff_eq!(hi, 0.596_169, epsilon = 1e-5);
        // Near zero it stays inside [0, 1] and is not degenerate.
        let [lo, hi] = wilson_95(0, 1000);
        assert_abs_diff_eq!(lo, 0.0, epsilon = 1e-15);
        assert!(hi > 0.003 && hi < 0.004, "{hi}");
    }

    /// Values that crowd the radix sort's buckets: many binades near zero,
    /// both signed zeros, infinities, NaNs, repeats.
    fn awkward_values(n: usize) -> Vec<f64> {
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        (0..n)
            .map(|i| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let u = (x >> 11) as f64 / (1u64 << 53) as f64;
                match i % 11 {
                    0 => 3.0 + u,
                    1 => -(u * 1e-6),
                    2 => u.powi(40),
                    3 => [0.0, -0.0, f64::INFINITY, f64::NEG_INFINITY][(x % 4) as usize],
                    4 => f64::from_bits(f64::NAN.to_bits() ^ (x & (1 << 63))),
                    5 => ((x % 7) as f64) / 4.0,
                    _ => 9.5 + 2.0 * (u - 0.5),
                }
            })
            .collect()
    }

    #[test]
    fn sorted_order_orders_keys_that_share_a_prefix() {
        // Keys a few units apart under one far outlier share their top
        // 32 significant bits; with repeats, and the extremes.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let keys: Vec<u64> = (0..5_000u64)
            .map(|i| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                match i % 5 {
                    0 => x,
                    1 => 1_000 + (x & 0xffff),
                    2 => u64::MAX - (x & 0xff),
                    3 => 0,
                    _ => 42,
                }
            })
            .collect();
        let order = super::sorted_order(&keys);
        let sorted: Vec<u64> = order
            .iter()
            .map(|&w| keys[(w & 0xffff_ffff) as usize])
            .collect();
        let mut expected = keys.clone();
        expected.sort_unstable();
        assert_eq!(sorted, expected);
        let mut indices: Vec<u64> = order.iter().map(|&w| w & 0xffff_ffff).collect();
        indices.sort_unstable();
        assert_eq!(indices, (0..5_000).collect::<Vec<_>>());
    }

    #[test]
    fn sort_total_matches_sort_by_total_cmp() {
        for n in [0, 1, 2, 5, 24, 25, 100, 3_000, 70_000] {
            let v = awkward_values(n);
            let mut a = v.clone();
            a.sort_by(f64::total_cmp);
            let mut b = v;
            sort_total(&mut b);
            let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&a), bits(&b), "n = {n}");
        }
    }

    #[test]
    fn ranks_match_a_comparison_sort() {
        for n in [1, 3, 24, 25, 1_000, 70_000] {
            let v = awkward_values(n);
            let mut order: Vec<usize> = (0..n).collect();
            order.sort_by(|&a, &b| v[a].total_cmp(&v[b]));
            let mut expected = vec![0.0; n];
            let mut i = 0;
            while i < n {
                let mut j = i;
                while j + 1 < n && v[order[j + 1]].to_bits() == v[order[i]].to_bits() {
                    j += 1;
                }
                for &k in &order[i..=j] {
                    expected[k] = (i + j) as f64 / 2.0 + 1.0;
                }
                i = j + 1;
            }
            let got = ranks(&v);
            assert!(
                got.iter()
                    .zip(&expected)
                    .all(|(a, b)| a.to_bits() == b.to_bits()),
                "n = {n}"
            );
        }
    }

    #[test]
    fn ranks_average_ties_and_spearman_is_rank_based() {
        assert_eq!(ranks(&[10.0, 30.0, 20.0, 20.0]), vec![1.0, 4.0, 2.5, 2.5]);
        assert_eq!(
            ranks(&[-1.5, 0.0, -0.0, 2.0, -3.0]),
            vec![2.0, 4.0, 3.0, 5.0, 1.0]
        );
        let a = [1.0, 2.0, 3.0, 4.0, 5.0];
        let b = [1.0, 4.0, 9.0, 16.0, 100.0];
        assert_abs_diff_eq!(spearman(&a, &b), 1.0, epsilon = 1e-12);
        assert!(pearson(&a, &b) < 0.99);
    }

    #[test]
    fn covariance_and_pearson_matrix_match_the_pairwise_sums() {
        let v = awkward_values(2_000);
        let columns: Vec<Vec<f64>> = (0..4)
            .map(|c| {
                v.iter()
                    .skip(c)
                    .step_by(4)
                    .map(|x| if x.is_finite() { *x } else { 1.0 })
                    .collect()
            })
            .collect();
        let mut constant = columns.clone();
        constant.push(vec![2.0; 500]);
        let bits = |m: &Vec<Vec<f64>>| m.iter().flatten().map(|x| x.to_bits()).collect::<Vec<_>>();
        // Covariance, summed pair by pair as it was before.
        let n = 500;
        let means: Vec<f64> = constant
            .iter()
            .map(|c| c.iter().sum::<f64>() / n as f64)
            .collect();
        let expected: Vec<Vec<f64>> = (0..5)
            .map(|i| {
                (0..5)
                    .map(|j| {
                        let s: f64 = constant[i]
                            .iter()
                            .zip(&constant[j])
                            .map(|(x, y)| (x - means[i]) * (y - means[j]))
                            .sum();
                        s / (n - 1) as f64
                    })
                    .collect()
            })
            .collect();
        assert_eq!(bits(&covariance(&constant)), bits(&expected));
        let r = pearson_matrix(&constant);
        for i in 0..5 {
            for j in 0..5 {
                let e = if i == j {
                    1.0
                } else {
                    pearson(&constant[i], &constant[j])
                };
                assert_eq!(r[i][j].to_bits(), e.to_bits(), "{i} {j}");
            }
        }
    }

    #[test]
    fn quantile_type_1() {
        let v = [1.0, 2.0, 3.0, 4.0];
        assert_abs_diff_eq!(quantile_sorted(&v, 0.5), 2.0, epsilon = 0.0);
        assert_abs_diff_eq!(quantile_sorted(&v, 0.51), 3.0, epsilon = 0.0);
        assert_abs_diff_eq!(quantile_sorted(&v, 0.0), 1.0, epsilon = 0.0);
    }
}
