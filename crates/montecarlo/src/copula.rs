//! The Gaussian copula: rank correlations in, a Cholesky factor out. The
//! conversions and the factor live with the uncertainty data in grdp-core
//! (the loaders validate with them); the engine uses them from there.

pub use grdp_core::uncertainty::correlation::{
    latent_cholesky, pearson_for_spearman, spearman_for_pearson,
};

#[cfg(test)]
mod tests {
    use nalgebra::DMatrix;

    use super::*;

    #[test]
    fn the_factor_is_nalgebras_to_the_bit() {
        // The engine's draws depend on every bit of L: the plain factor in
        // grdp-core must stay what nalgebra's Cholesky gave.
        let rank = vec![
            vec![1.0, 0.45, 0.2, -0.1],
            vec![0.45, 1.0, 0.6, 0.3],
            vec![0.2, 0.6, 1.0, 0.55],
            vec![-0.1, 0.3, 0.55, 1.0],
        ];
        let ids: Vec<String> = ["a", "b", "c", "d"].map(String::from).to_vec();
        let ours = latent_cholesky("r", &rank, &ids).unwrap();
        let latent = DMatrix::from_fn(4, 4, |i, j| {
            if i == j {
                1.0
            } else {
                pearson_for_spearman(rank[i][j])
            }
        });
        let l = latent.cholesky().expect("positive definite").l();
        for i in 0..4 {
            for j in 0..4 {
                assert_eq!(
                    ours[i * 4 + j].to_bits(),
                    l[(i, j)].to_bits(),
                    "L[{i}][{j}]"
                );
            }
        }
    }
}
