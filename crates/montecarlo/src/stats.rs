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
    // Sort (key, index) pairs by a key that orders like `f64::total_cmp`:
    // contiguous integer comparisons instead of indirect float ones.
    let key = |x: f64| {
        let b = x.to_bits();
        if b >> 63 == 1 { !b } else { b | (1 << 63) }
    };
    let mut order: Vec<(u64, u32)> = values
        .iter()
        .enumerate()
        .map(|(i, &v)| (key(v), i as u32))
        .collect();
    if values.len() > u32::MAX as usize {
        order.sort_unstable();
    } else {
        radix_sort(&mut order);
    }
    let mut out = vec![0.0; values.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && order[j + 1].0 == order[i].0 {
            j += 1;
        }
        let avg = (i + j) as f64 / 2.0 + 1.0;
        for &(_, k) in &order[i..=j] {
            out[k as usize] = avg;
        }
        i = j + 1;
    }
    out
}

/// Sorts `(key, index)` pairs by key: a least-significant-digit radix sort,
/// a byte a pass, skipping the bytes every key shares (the order of equal
/// keys, which `ranks` averages over, does not matter). Several times
/// faster than a comparison sort on the 131,072 kept draws of a run.
fn radix_sort(v: &mut Vec<(u64, u32)>) {
    let n = v.len();
    if n < 2 {
        return;
    }
    let mut counts = [[0usize; 256]; 8];
    for &(k, _) in v.iter() {
        for (b, c) in counts.iter_mut().enumerate() {
            c[((k >> (8 * b)) & 0xff) as usize] += 1;
        }
    }
    let mut buf = vec![(0u64, 0u32); n];
    for (b, c) in counts.iter().enumerate() {
        if c.contains(&n) {
            continue;
        }
        let mut at = [0usize; 256];
        let mut sum = 0;
        for (slot, &x) in at.iter_mut().zip(c) {
            *slot = sum;
            sum += x;
        }
        for &(k, i) in v.iter() {
            let d = ((k >> (8 * b)) & 0xff) as usize;
            buf[at[d]] = (k, i);
            at[d] += 1;
        }
        std::mem::swap(v, &mut buf);
    }
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

/// Sample covariance matrix (divisor n − 1) of columns given as slices.
pub fn covariance(columns: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let k = columns.len();
    let n = columns.first().map_or(0, Vec::len);
    let means: Vec<f64> = columns
        .iter()
        .map(|c| c.iter().sum::<f64>() / n.max(1) as f64)
        .collect();
    let mut out = vec![vec![0.0; k]; k];
    if n < 2 {
        return out;
    }
    for i in 0..k {
        for j in i..k {
            let s: f64 = columns[i]
                .iter()
                .zip(&columns[j])
                .map(|(x, y)| (x - means[i]) * (y - means[j]))
                .sum();
            out[i][j] = s / (n - 1) as f64;
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

    #[test]
    fn radix_sort_orders_keys_as_a_comparison_sort_does() {
        // Keys with shared and differing bytes, repeats, extremes.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut v: Vec<(u64, u32)> = (0..5_000u32)
            .map(|i| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let k = match i % 4 {
                    0 => x,
                    1 => x & 0xffff,
                    2 => u64::MAX - (x & 0xff),
                    _ => 42,
                };
                (k, i)
            })
            .collect();
        let mut expected: Vec<u64> = v.iter().map(|p| p.0).collect();
        expected.sort_unstable();
        super::radix_sort(&mut v);
        assert_eq!(v.iter().map(|p| p.0).collect::<Vec<_>>(), expected);
        let mut indices: Vec<u32> = v.iter().map(|p| p.1).collect();
        indices.sort_unstable();
        assert_eq!(indices, (0..5_000).collect::<Vec<_>>());
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
    fn quantile_type_1() {
        let v = [1.0, 2.0, 3.0, 4.0];
        assert_abs_diff_eq!(quantile_sorted(&v, 0.5), 2.0, epsilon = 0.0);
        assert_abs_diff_eq!(quantile_sorted(&v, 0.51), 3.0, epsilon = 0.0);
        assert_abs_diff_eq!(quantile_sorted(&v, 0.0), 1.0, epsilon = 0.0);
    }
}
