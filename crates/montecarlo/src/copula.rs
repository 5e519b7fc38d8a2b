//! The Gaussian copula: rank correlations in, a Cholesky factor out.
//!
//! Correlated standard normals `x = L z` with `L Lᵀ = R` keep each marginal
//! exact (through `F⁻¹(Φ(x))`) and give Spearman rank correlation
//! `ρ_s = (6/π) asin(r/2)` between components; so a requested rank
//! correlation `ρ_s` needs `r = 2 sin(π ρ_s / 6)`.

use nalgebra::DMatrix;

use crate::error::McError;

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
/// unit diagonal, symmetric. `field` names it in messages.
pub fn validate(field: &str, rank: &[Vec<f64>], k: usize, ids: &[String]) -> Result<(), McError> {
    let bad = |where_: String, message: String| {
        Err(McError::InvalidCorrelation {
            field: where_,
            message,
        })
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
    for (i, row) in rank.iter().enumerate() {
        if row.len() != k {
            return bad(
                format!("{field}[{}]", i + 1),
                format!("row {} has {} entries; expected {k}", i + 1, row.len()),
            );
        }
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

/// The lower Cholesky factor (row-major `k × k`) of the latent correlation
/// matrix for a validated rank-correlation matrix; an error if it is not
/// positive definite.
pub fn cholesky_for_rank(field: &str, rank: &[Vec<f64>]) -> Result<Vec<f64>, McError> {
    let k = rank.len();
    let latent = DMatrix::from_fn(k, k, |i, j| {
        if i == j {
            1.0
        } else {
            pearson_for_spearman(rank[i][j])
        }
    });
    let chol = latent.clone().cholesky().ok_or_else(|| {
        let min_eig = latent.symmetric_eigenvalues().iter().copied().fold(f64::INFINITY, f64::min);
        McError::InvalidCorrelation {
            field: field.into(),
            message: format!(
                "is not positive definite (smallest eigenvalue {min_eig:.4}); no joint distribution has these correlations. `grdp calibrate` repairs an estimate to the nearest valid matrix (Higham 2002)"
            ),
        }
    })?;
    let l = chol.l();
    Ok((0..k)
        .flat_map(|i| (0..k).map(move |j| (i, j)))
        .map(|(i, j)| l[(i, j)])
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_abs_diff_eq;

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
        let ids: Vec<String> = vec!["a".into(), "b".into()];
        let err = |m: Vec<Vec<f64>>| validate("c", &m, 2, &ids).unwrap_err().to_string();
        assert!(err(vec![vec![1.0, 0.5]]).contains("expected 2"));
        assert!(err(vec![vec![1.0, 1.5], vec![1.5, 1.0]]).contains("between -1 and 1"));
        assert!(err(vec![vec![0.9, 0.5], vec![0.5, 1.0]]).contains("diagonal"));
        assert!(err(vec![vec![1.0, 0.5], vec![0.4, 1.0]]).contains("symmetric"));
        let not_pd = vec![
            vec![1.0, 0.9, -0.9],
            vec![0.9, 1.0, 0.9],
            vec![-0.9, 0.9, 1.0],
        ];
        assert!(
            cholesky_for_rank("c", &not_pd)
                .unwrap_err()
                .to_string()
                .contains("not positive definite")
        );
    }
}
