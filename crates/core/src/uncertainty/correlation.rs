//! Rank correlation between components, and the latent correlation of the
//! Gaussian copula that produces it.
//!
//! Correlated standard normals `x = L z` with `L Lᵀ = R` give Spearman rank
//! correlation `ρ_s = (6/π) asin(r/2)` between components (whatever their
//! marginals), so a requested rank correlation `ρ_s` needs latent Pearson
//! correlation `r = 2 sin(π ρ_s / 6)`.

use super::UncertaintyError;

/// Pearson correlation of the latent normals that gives rank correlation `rho_s`.
pub fn pearson_for_spearman(rho_s: f64) -> f64 {
    2.0 * (std::f64::consts::PI * rho_s / 6.0).sin()
}

/// Spearman rank correlation produced by latent Pearson correlation `r`.
pub fn spearman_for_pearson(r: f64) -> f64 {
    6.0 / std::f64::consts::PI * (r / 2.0).asin()
}

/// Tolerance for symmetry and the unit diagonal of a correlation matrix.
const MATRIX_TOLERANCE: f64 = 1e-9;

/// Checks a rank-correlation matrix: `k × k`, finite, entries in [−1, 1],
/// unit diagonal, symmetric. `field` names it in messages; `ids` are the
/// components in order.
pub fn validate(field: &str, rank: &[Vec<f64>], ids: &[String]) -> Result<(), UncertaintyError> {
    let k = ids.len();
    let bad = |at: String, message: String| {
        Err(UncertaintyError::InvalidCorrelation { field: at, message })
    };
    if rank.len() != k {
        return bad(
            field.into(),
            format!(
                "has {} rows; expected {k}, one per component ({})",
                rank.len(),
                ids.join(", ")
            ),
        );
    }
    // Every row's length first: the symmetry check below reads a later
    // row's entry, which a short row would not have.
    for (i, row) in rank.iter().enumerate() {
        if row.len() != k {
            return bad(
                format!("{field}[{}]", i + 1),
                format!("row {} has {} entries; expected {k}", i + 1, row.len()),
            );
        }
    }
    for (i, row) in rank.iter().enumerate() {
        for (j, &v) in row.iter().enumerate() {
            let at = || format!("{field}[{}][{}]", i + 1, j + 1);
            if !v.is_finite() {
                return bad(at(), format!("found {v}; expected a finite number"));
            }
            if !(-1.0..=1.0).contains(&v) {
                return bad(
                    at(),
                    format!("found {v}; expected a correlation between -1 and 1"),
                );
            }
            if i == j && (v - 1.0).abs() > MATRIX_TOLERANCE {
                return bad(
                    at(),
                    format!("found {v} on the diagonal; expected 1 (each component with itself)"),
                );
            }
            if (v - rank[j][i]).abs() > MATRIX_TOLERANCE {
                return bad(
                    at(),
                    format!(
                        "found {v} but entry [{}][{}] is {}; expected a symmetric matrix",
                        j + 1,
                        i + 1,
                        rank[j][i]
                    ),
                );
            }
        }
    }
    Ok(())
}

/// The lower Cholesky factor `L` (row-major, `k × k`) of the latent
/// correlation matrix of a validated rank-correlation matrix, or an error
/// naming the components whose correlations cannot hold together (the
/// matrix is not positive definite).
///
/// Column by column, `L[i][j] = (R[i][j] − Σ_{m<j} L[i][m] L[j][m]) / L[j][j]`,
/// the sum subtracted term by term in `m` order: the same operations, in the
/// same order, as nalgebra's `Cholesky`, so the factor is identical to the
/// bit (a test in grdp-montecarlo holds the two together).
pub fn latent_cholesky(
    field: &str,
    rank: &[Vec<f64>],
    ids: &[String],
) -> Result<Vec<f64>, UncertaintyError> {
    let k = rank.len();
    let mut a: Vec<f64> = (0..k * k)
        .map(|n| {
            let (i, j) = (n / k, n % k);
            if i == j {
                1.0
            } else {
                pearson_for_spearman(rank[i][j])
            }
        })
        .collect();
    for j in 0..k {
        for m in 0..j {
            let f = a[j * k + m];
            for i in j..k {
                a[i * k + j] -= f * a[i * k + m];
            }
        }
        let diag = a[j * k + j];
        if diag.is_nan() || diag <= 0.0 {
            let names: Vec<&str> = ids.iter().take(j + 1).map(String::as_str).collect();
            return Err(UncertaintyError::InvalidCorrelation {
                field: field.into(),
                message: format!(
                    "cannot hold: the correlations among {} contradict one another (no joint distribution has them; the matrix is not positive definite). Lower the strongest of them, or let `grdp calibrate` repair an estimate to the nearest valid matrix (Higham 2002)",
                    list(&names)
                ),
            });
        }
        let d = diag.sqrt();
        a[j * k + j] = d;
        for i in j + 1..k {
            a[i * k + j] /= d;
        }
    }
    for i in 0..k {
        for j in i + 1..k {
            a[i * k + j] = 0.0;
        }
    }
    Ok(a)
}

/// "a, b and c".
fn list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_abs_diff_eq;

    fn ids(k: usize) -> Vec<String> {
        ["a", "b", "c", "d"][..k]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    #[test]
    fn spearman_pearson_round_trip() {
        for rho in [-0.9, -0.3, 0.0, 0.2, 0.5, 0.99] {
            assert_abs_diff_eq!(
                spearman_for_pearson(pearson_for_spearman(rho)),
                rho,
                epsilon = 1e-12
            );
        }
        // Rank 1 maps to latent 1, rank ½ to 2 sin(π/12) = 0.5176.
        assert_abs_diff_eq!(pearson_for_spearman(1.0), 1.0, epsilon = 1e-12);
        assert_abs_diff_eq!(
            pearson_for_spearman(0.5),
            0.517_638_090_205_041_5,
            epsilon = 1e-12
        );
    }

    #[test]
    fn rejects_what_is_not_a_correlation_matrix() {
        let err = |m: Vec<Vec<f64>>| validate("c", &m, &ids(2)).unwrap_err().to_string();
        assert!(err(vec![vec![1.0, 0.5]]).contains("expected 2"));
        assert!(err(vec![vec![1.0, 1.5], vec![1.5, 1.0]]).contains("between -1 and 1"));
        assert!(err(vec![vec![0.9, 0.5], vec![0.5, 1.0]]).contains("diagonal"));
        assert!(err(vec![vec![1.0, 0.5], vec![0.4, 1.0]]).contains("symmetric"));
    }

    #[test]
    fn a_short_later_row_is_refused_not_read_past_its_end() {
        // Row 1 is whole; checking its symmetry would read row 2's first
        // entry, which row 2 does not have.
        for short in [vec![], vec![0.5]] {
            let m = vec![vec![1.0, 0.5, 0.0], short.clone(), vec![0.0, 0.0, 1.0]];
            let e = validate("c", &m, &ids(3)).unwrap_err();
            assert_eq!(e.field(), "c[2]");
            assert!(
                e.to_string()
                    .contains(&format!("row 2 has {} entries; expected 3", short.len())),
                "{e}"
            );
        }
    }

    #[test]
    fn a_contradictory_matrix_names_the_components_that_clash() {
        // a and b move together, b and c move together, yet a and c move
        // against each other: no joint distribution has that.
        let not_pd = vec![
            vec![1.0, 0.9, -0.9],
            vec![0.9, 1.0, 0.9],
            vec![-0.9, 0.9, 1.0],
        ];
        let e = latent_cholesky("c", &not_pd, &ids(3))
            .unwrap_err()
            .to_string();
        assert!(e.contains("among a, b and c"), "{e}");
        assert!(
            e.contains("not positive definite") && e.contains("Higham"),
            "{e}"
        );
    }

    #[test]
    fn the_factor_reproduces_the_latent_matrix() {
        // L Lᵀ against R, entry by entry (R worked out from 2 sin(πρ/6)).
        let rank = vec![
            vec![1.0, 0.3, 0.1],
            vec![0.3, 1.0, 0.5],
            vec![0.1, 0.5, 1.0],
        ];
        let l = latent_cholesky("c", &rank, &ids(3)).unwrap();
        for i in 0..3 {
            for j in 0..3 {
                let llt: f64 = (0..3).map(|m| l[i * 3 + m] * l[j * 3 + m]).sum();
                // 2 sin(πρ/6) for ρ = 0.3, 0.1, 0.5, worked out by hand.
                let r = match (i.min(j), i.max(j)) {
                    (0, 1) => 0.312_868_930_080_462,
                    (0, 2) => 0.104_671_912_485_886,
                    (1, 2) => 0.517_638_090_205_041,
                    _ => 1.0,
                };
                assert_abs_diff_eq!(llt, r, epsilon = 1e-14); // the literals' rounding
            }
            for j in i + 1..3 {
                assert_abs_diff_eq!(l[i * 3 + j], 0.0);
            }
        }
    }
}
