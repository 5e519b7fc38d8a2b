//! Calibration from history: sector means, standard deviations and rank
//! correlations (pairwise over the years both sectors have), repaired to
//! the nearest valid correlation matrix where needed; and the record of
//! planning optimism (targets against outcomes).

use nalgebra::{DMatrix, SymmetricEigen};
use serde::Serialize;

use crate::copula::{pearson_for_spearman, spearman_for_pearson};
use crate::error::McError;
use crate::stats::spearman;

/// A yearly series of one component: (year, growth percent).
pub type Series = Vec<(i32, f64)>;

/// One component's estimate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComponentEstimate {
    /// Component id.
    pub id: String,
    /// Years used.
    pub years: Vec<i32>,
    /// Mean growth, percent.
    pub mean_pct: f64,
    /// Sample standard deviation (divisor n − 1), percentage points.
    pub sd_pp: f64,
}

/// The estimate of a set of components.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Calibration {
    /// Per component.
    pub components: Vec<ComponentEstimate>,
    /// Rank (Spearman) correlation, positive definite.
    pub rank_correlation: Vec<Vec<f64>>,
    /// Years each pair had in common.
    pub pair_years: Vec<Vec<usize>>,
    /// Whether the pairwise estimate had to be repaired.
    pub repaired: bool,
    /// Smallest eigenvalue of the latent correlation before repair.
    pub min_eigenvalue_before: f64,
    /// Frobenius distance moved by the repair (latent correlation).
    pub repair_distance: f64,
}

/// Fewest common years for a pairwise correlation; fewer gives 0 and a note.
pub const MIN_PAIR_YEARS: usize = 4;

/// Estimates means, standard deviations and pairwise rank correlations.
pub fn estimate(series: &[(String, Series)]) -> Result<Calibration, McError> {
    let k = series.len();
    if k == 0 {
        return Err(McError::Calibration(
            "no component has growth in the years asked for; check --region, --from, --to and --exclude against the history".into(),
        ));
    }
    let mut components = Vec::with_capacity(k);
    for (id, s) in series {
        if s.len() < 2 {
            return Err(McError::Calibration(format!(
                "`{id}` has {} year(s); expected at least 2 to estimate a standard deviation",
                s.len()
            )));
        }
        let n = s.len() as f64;
        let mean = s.iter().map(|(_, v)| v).sum::<f64>() / n;
        let var = s.iter().map(|(_, v)| (v - mean) * (v - mean)).sum::<f64>() / (n - 1.0);
        if var <= 0.0 || !var.is_finite() {
            return Err(McError::Calibration(format!(
                "`{id}` grew by the same {mean}% in every one of its {} years: a constant series gives no spread to estimate (sd 0, which a scenario refuses); leave it out with --components, or give it a distribution by hand",
                s.len()
            )));
        }
        components.push(ComponentEstimate {
            id: id.clone(),
            years: s.iter().map(|(y, _)| *y).collect(),
            mean_pct: mean,
            sd_pp: var.sqrt(),
        });
    }
    let mut rank = vec![vec![0.0; k]; k];
    let mut pair_years = vec![vec![0; k]; k];
    for i in 0..k {
        rank[i][i] = 1.0;
        pair_years[i][i] = series[i].1.len();
        for j in (i + 1)..k {
            let (a, b): (Vec<f64>, Vec<f64>) = series[i]
                .1
                .iter()
                .filter_map(|(y, v)| {
                    series[j]
                        .1
                        .iter()
                        .find(|(y2, _)| y2 == y)
                        .map(|(_, w)| (*v, *w))
                })
                .unzip();
            pair_years[i][j] = a.len();
            pair_years[j][i] = a.len();
            let r = if a.len() >= MIN_PAIR_YEARS {
                spearman(&a, &b)
            } else {
                0.0
            };
            rank[i][j] = r;
            rank[j][i] = r;
        }
    }
    let latent = DMatrix::from_fn(k, k, |i, j| {
        if i == j {
            1.0
        } else {
            pearson_for_spearman(rank[i][j])
        }
    });
    let min_eig = SymmetricEigen::new(latent.clone())
        .eigenvalues
        .iter()
        .copied()
        .fold(f64::INFINITY, f64::min);
    let (repaired, distance) = if min_eig < MIN_EIGENVALUE {
        let fixed = nearest_correlation(&latent, MIN_EIGENVALUE);
        let d = (&fixed - &latent).norm();
        for i in 0..k {
            for j in 0..k {
                rank[i][j] = if i == j {
                    1.0
                } else {
                    spearman_for_pearson(fixed[(i, j)])
                };
            }
        }
        (true, d)
    } else {
        (false, 0.0)
    };
    Ok(Calibration {
        components,
        rank_correlation: rank,
        pair_years,
        repaired,
        min_eigenvalue_before: min_eig,
        repair_distance: distance,
    })
}

/// The smallest eigenvalue a repaired matrix keeps, so that rounding it
/// for a scenario file cannot make it indefinite again.
pub const MIN_EIGENVALUE: f64 = 1e-3;

/// The nearest correlation matrix to a symmetric `a` in the Frobenius norm
/// (Higham 2002, alternating projections with Dykstra's correction), then
/// lifted so its smallest eigenvalue is at least `floor`.
pub fn nearest_correlation(a: &DMatrix<f64>, floor: f64) -> DMatrix<f64> {
    let n = a.nrows();
    let mut y = a.clone();
    let mut ds = DMatrix::<f64>::zeros(n, n);
    for _ in 0..10_000 {
        let r = &y - &ds;
        let x = project_psd(&r, 0.0);
        ds = &x - &r;
        let mut y_new = x;
        for i in 0..n {
            y_new[(i, i)] = 1.0;
        }
        let change = (&y_new - &y).norm() / y.norm().max(1e-300);
        y = y_new;
        if change < 1e-12 {
            break;
        }
    }
    // Lift the smallest eigenvalue to `floor` by shrinking toward the identity.
    let min_eig = SymmetricEigen::new(y.clone())
        .eigenvalues
        .iter()
        .copied()
        .fold(f64::INFINITY, f64::min);
    if min_eig < floor {
        let t = (floor - min_eig) / (1.0 - min_eig);
        y = y * (1.0 - t) + DMatrix::identity(n, n) * t;
    }
    y
}

/// Projection onto symmetric matrices with eigenvalues ≥ `floor`.
fn project_psd(m: &DMatrix<f64>, floor: f64) -> DMatrix<f64> {
    let sym = (m + m.transpose()) * 0.5;
    let eig = SymmetricEigen::new(sym);
    let clipped = eig.eigenvalues.map(|v| v.max(floor));
    &eig.eigenvectors * DMatrix::from_diagonal(&clipped) * eig.eigenvectors.transpose()
}

/// The ratio of two regions' aggregate-growth standard deviations over
/// the years both have: how much more volatile `target` is than `source`.
pub fn volatility_ratio(target: &Series, source: &Series) -> Result<(f64, Vec<i32>), McError> {
    let common: Vec<(i32, f64, f64)> = target
        .iter()
        .filter_map(|(y, a)| {
            source
                .iter()
                .find(|(y2, _)| y2 == y)
                .map(|(_, b)| (*y, *a, *b))
        })
        .collect();
    if common.len() < 3 {
        return Err(McError::Calibration(format!(
            "the two regions share {} year(s) of aggregate growth; expected at least 3 to compare volatility",
            common.len()
        )));
    }
    let sd = |v: Vec<f64>| {
        let n = v.len() as f64;
        let m = v.iter().sum::<f64>() / n;
        (v.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (n - 1.0)).sqrt()
    };
    let a = sd(common.iter().map(|c| c.1).collect());
    let b = sd(common.iter().map(|c| c.2).collect());
    if b <= 0.0 {
        return Err(McError::Calibration(
            "the source region's growth does not vary".into(),
        ));
    }
    Ok((a / b, common.iter().map(|c| c.0).collect()))
}

/// A year's target against its outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Shortfall {
    /// The year.
    pub year: i32,
    /// The growth target (its minimum), percent.
    pub target_pct: f64,
    /// The outcome, percent.
    pub outcome_pct: f64,
    /// Outcome minus target, percentage points (negative: the target was missed).
    pub shortfall_pp: f64,
}

/// The record of planning optimism.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Optimism {
    /// Year by year.
    pub years: Vec<Shortfall>,
    /// Mean of outcome − target, percentage points.
    pub mean_pp: f64,
    /// Median, percentage points.
    pub median_pp: f64,
    /// Sample standard deviation, percentage points.
    pub sd_pp: f64,
}

/// Targets against outcomes: `pairs` of (year, target minimum, outcome).
pub fn optimism(pairs: &[(i32, f64, f64)]) -> Result<Optimism, McError> {
    if pairs.len() < 2 {
        return Err(McError::Calibration(format!(
            "{} year(s) with both a growth target and an outcome; expected at least 2",
            pairs.len()
        )));
    }
    let years: Vec<Shortfall> = pairs
        .iter()
        .map(|&(year, target_pct, outcome_pct)| Shortfall {
            year,
            target_pct,
            outcome_pct,
            shortfall_pp: outcome_pct - target_pct,
        })
        .collect();
    let mut v: Vec<f64> = years.iter().map(|s| s.shortfall_pp).collect();
    let n = v.len() as f64;
    let mean = v.iter().sum::<f64>() / n;
    let sd = (v.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (n - 1.0)).sqrt();
    v.sort_by(f64::total_cmp);
    let median = if v.len() % 2 == 1 {
        v[v.len() / 2]
    } else {
        0.5 * (v[v.len() / 2 - 1] + v[v.len() / 2])
    };
    Ok(Optimism {
        years,
        mean_pp: mean,
        median_pp: median,
        sd_pp: sd,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_abs_diff_eq;

    fn is_correlation(m: &DMatrix<f64>) -> bool {
        let min = SymmetricEigen::new(m.clone())
            .eigenvalues
            .iter()
            .copied()
            .fold(f64::INFINITY, f64::min);
        (0..m.nrows()).all(|i| (m[(i, i)] - 1.0).abs() < 1e-12) && min > -1e-10
    }

    /// Higham (2002), section 4: the nearest correlation matrix to
    /// [[1, 1, 0], [1, 1, 1], [0, 1, 1]] has off-diagonals 0.7607 and 0.1573.
    #[test]
    fn higham_example() {
        let a = DMatrix::from_row_slice(3, 3, &[1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 0.0, 1.0, 1.0]);
        let x = nearest_correlation(&a, 0.0);
        assert!(is_correlation(&x));
        assert_abs_diff_eq!(x[(0, 1)], 0.7607, epsilon = 1e-4);
        assert_abs_diff_eq!(x[(1, 2)], 0.7607, epsilon = 1e-4);
        assert_abs_diff_eq!(x[(0, 2)], 0.1573, epsilon = 1e-4);
    }

    #[test]
    fn a_valid_matrix_is_left_alone() {
        let a = DMatrix::from_row_slice(2, 2, &[1.0, 0.3, 0.3, 1.0]);
        let x = nearest_correlation(&a, 0.0);
        assert_abs_diff_eq!((&x - &a).norm(), 0.0, epsilon = 1e-10);
    }

    #[test]
    fn pairwise_estimate_that_is_not_positive_definite_is_repaired_and_says_so() {
        // Three series over different years: pairwise correlations +1, +1, −1
        // cannot hold together.
        let up: Series = (2010..2016).map(|y| (y, f64::from(y - 2010))).collect();
        let down: Series = (2010..2016).map(|y| (y, -f64::from(y - 2010))).collect();
        let s = vec![
            ("a".to_string(), up.clone()),
            ("b".to_string(), up),
            ("c".to_string(), down.clone()),
        ];
        let mut bad = s.clone();
        // b moves with a, c with b over other years, c against a: break transitivity.
        bad[1].1 = (2010..2016)
            .map(|y| (y, f64::from((y - 2010) % 3)))
            .collect();
        let c = estimate(&bad).unwrap();
        let c2 = estimate(&s).unwrap();
        for cal in [&c, &c2] {
            let k = cal.rank_correlation.len();
            let latent = DMatrix::from_fn(k, k, |i, j| {
                pearson_for_spearman(cal.rank_correlation[i][j])
            });
            let min = SymmetricEigen::new(latent)
                .eigenvalues
                .iter()
                .copied()
                .fold(f64::INFINITY, f64::min);
            assert!(min >= MIN_EIGENVALUE * 0.999, "min eigenvalue {min}");
        }
        // Perfect +1, +1, −1 is singular: repaired.
        assert!(c2.repaired);
        assert!(c2.min_eigenvalue_before < MIN_EIGENVALUE);
        assert!(c2.repair_distance > 0.0);
    }

    #[test]
    fn optimism_record_by_hand() {
        // Cần Thơ: 2017 7.8 vs 6.54; 2019 7.51 vs 7.84; 2020 7.82 vs 1.02;
        // 2023 9.5 vs 5.75; 2024 7.5 vs 7.12.
        let o = optimism(&[
            (2017, 7.8, 6.54),
            (2019, 7.51, 7.84),
            (2020, 7.82, 1.02),
            (2023, 9.5, 5.75),
            (2024, 7.5, 7.12),
        ])
        .unwrap();
        // Shortfalls −1.26, +0.33, −6.80, −3.75, −0.38: mean −2.372, median −1.26.
        assert_abs_diff_eq!(o.mean_pp, -2.372, epsilon = 1e-9);
        assert_abs_diff_eq!(o.median_pp, -1.26, epsilon = 1e-9);
    }

    #[test]
    fn moments_by_hand() {
        let s: Series = vec![(2020, 1.0), (2021, 2.0), (2022, 3.0), (2023, 6.0)];
        let c = estimate(&[("a".to_string(), s)]).unwrap();
        // mean 3, deviations −2 −1 0 3, sum of squares 14, variance 14/3.
        assert_abs_diff_eq!(c.components[0].mean_pct, 3.0, epsilon = 1e-12);
        assert_abs_diff_eq!(
            c.components[0].sd_pp,
            (14.0f64 / 3.0).sqrt(),
            epsilon = 1e-12
        );
    }
}
