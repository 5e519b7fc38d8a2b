//! After the run: from the totals and the first scenarios kept whole, the
//! result: P and its interval, quantiles, sensitivity, the feasibility curve,
//! required growth and the achieved correlation.

use rayon::prelude::*;

use crate::model::Model;
use crate::stats::{
    covariance_of, pearson_matrix, quantile_sorted, ranks_of, sort_total, wilson_95,
};

use super::accumulate::Totals;
use super::options::{FeasibilityRequest, RunOptions};
use super::results::{
    CorrelationReport, FeasibilityCurve, FeasibilityPoint, Histogram, Quantiles, RequiredGrowth,
    Sensitivity, SimResult, TargetProbability, YearDistribution,
};

/// What the first scenarios kept whole give: rank correlations, the
/// covariance of the contributions, the feasibility counts and the sorted
/// required growth. It depends on the kept rows alone, so the engine
/// computes it while later chunks are still being drawn.
pub(super) struct DetailStats {
    rows: usize,
    /// Pearson correlation of the ranks: the components, then GRDP growth.
    rank_corr: Vec<Vec<f64>>,
    /// Covariance of the contributions w_i g_i and of GRDP growth (last).
    cov: Vec<Vec<f64>>,
    /// Per feasibility shift, the kept rows that reach the target.
    hits: Option<Vec<usize>>,
    /// Required growth (%) of the requested component, sorted.
    required: Option<Vec<f64>>,
}

impl DetailStats {
    /// The statistics of `detail` (rows of k growths, k weights and GRDP
    /// growth, percent).
    pub(super) fn of(model: &Model, opts: &RunOptions, detail: &[f64]) -> Self {
        let k = model.k;
        let stride = 2 * k + 1;
        let rows = detail.len() / stride;
        // Columns are read in place from `detail`'s rows.
        let column = |j: usize| detail.chunks_exact(stride).map(move |row| row[j]);
        // Each component's contribution w_i g_i, draw by draw, and GRDP
        // growth last: Cov(w_i g_i, G) / Var(G) splits the variance exactly,
        // drawn weights included (the contributions sum to G).
        let contributions = |first: usize, c: usize, out: &mut [f64]| {
            let rows = detail[first * stride..].chunks_exact(stride);
            if c < k {
                for (x, row) in out.iter_mut().zip(rows) {
                    *x = row[k + c] * row[c];
                }
            } else {
                for (x, row) in out.iter_mut().zip(rows) {
                    *x = row[2 * k];
                }
            }
        };
        let threshold = model.main.threshold_pct;
        // The parts depend on `detail` alone, so they run side by side;
        // each result lands in its own place, whatever the thread that
        // computed it.
        let (rank_corr, (cov, (hits, required))) = rayon::join(
            || {
                // Rank each column (component growths, then GRDP growth)
                // once; Spearman is Pearson on ranks.
                let rank_cols: Vec<Vec<f64>> = (0..=k)
                    .into_par_iter()
                    .map(|j| ranks_of(column(if j < k { j } else { 2 * k })))
                    .collect();
                pearson_matrix(&rank_cols)
            },
            || {
                rayon::join(
                    || covariance_of(rows, k + 1, contributions),
                    || {
                        rayon::join(
                            || {
                                opts.feasibility
                                    .as_ref()
                                    .map(|f| feasibility_hits(detail, stride, k, f, threshold))
                            },
                            || {
                                opts.required_component
                                    .map(|c| required_sorted(detail, stride, k, c, threshold))
                            },
                        )
                    },
                )
            },
        );
        Self {
            rows,
            rank_corr,
            cov,
            hits,
            required,
        }
    }
}

impl Totals {
    pub(super) fn finish(
        mut self,
        model: &Model,
        opts: &RunOptions,
        detail: DetailStats,
        stopped: bool,
    ) -> SimResult {
        // The run's last point, wherever the log spacing left off.
        if self
            .convergence
            .last()
            .is_none_or(|c| c.scenarios != self.n)
        {
            self.push_checkpoint();
        }
        let k = model.k;
        let p = self.hits as f64 / self.n as f64;
        let width = 1.0 / self.bins.inv_width;
        let threshold = model.main.threshold_pct;
        let DetailStats {
            rows,
            rank_corr,
            cov,
            hits,
            required,
        } = detail;
        let total_var = cov[k][k];
        let zero = model.zero_scores();
        let z10 = crate::marginal::std_normal_quantile(0.10);
        let sensitivity = (0..k)
            .map(|i| {
                let at = |z: f64| {
                    let mut s = zero.clone();
                    s[model.main_index][i] = z;
                    model.fixed_path(&s)
                };
                let tr = &model.transforms[model.main_index][i];
                Sensitivity {
                    id: model.ids[i].clone(),
                    variance_share: if total_var > 0.0 {
                        cov[i][k] / total_var
                    } else {
                        0.0
                    },
                    spearman: rank_corr[i][k],
                    tornado_low_pct: at(z10),
                    tornado_high_pct: at(-z10),
                    growth_p10_pct: tr.apply(z10),
                    growth_p90_pct: tr.apply(-z10),
                }
            })
            .collect();
        let feasibility = opts.feasibility.as_ref().map(|f| {
            let c = f.component;
            let points = f
                .shifts_pp
                .iter()
                .zip(hits.unwrap_or_default())
                .map(|(d, hits)| FeasibilityPoint {
                    centre_pct: model.centres[c] + d,
                    probability: hits as f64 / rows.max(1) as f64,
                })
                .collect();
            FeasibilityCurve {
                component: model.ids[c].clone(),
                points,
                scenarios: rows as u64,
            }
        });
        let required_growth =
            opts.required_component
                .zip(required)
                .map(|(c, req)| RequiredGrowth {
                    component: model.ids[c].clone(),
                    mean_pct: req.iter().sum::<f64>() / req.len().max(1) as f64,
                    quantiles_pct: Quantiles::from_fn(|q| quantile_sorted(&req, q)),
                    scenarios: req.len() as u64,
                });
        let correlation = Some(CorrelationReport {
            requested: model.requested_rank(),
            achieved: rank_corr[..k].iter().map(|r| r[..k].to_vec()).collect(),
            scenarios: rows as u64,
        });
        let targets = model
            .targets
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let known = self.target_unknown[i] == 0;
                TargetProbability {
                    id: t.id.clone(),
                    year: model.years[t.year_index],
                    direction: t.direction,
                    probability: known.then(|| self.target_met[i] as f64 / self.n as f64),
                    ci95: known.then(|| wilson_95(self.target_met[i], self.n)),
                }
            })
            .collect::<Vec<_>>();
        let all_known = self.target_unknown.iter().all(|u| *u == 0);
        let quantiles = Quantiles::from_fn(|q| self.quantile(q));
        let years = model
            .years
            .iter()
            .enumerate()
            .map(|(t, &year)| {
                if self.year_hist.is_empty() || t == model.main_index {
                    YearDistribution {
                        year,
                        mean_pct: if t == model.main_index {
                            self.mean
                        } else {
                            self.year_sum[t] / self.n as f64
                        },
                        quantiles_pct: quantiles.clone(),
                    }
                } else {
                    YearDistribution {
                        year,
                        mean_pct: self.year_sum[t] / self.n as f64,
                        quantiles_pct: Quantiles::from_fn(|q| self.year_quantile(t, q)),
                    }
                }
            })
            .collect();
        SimResult {
            scenarios: self.n,
            stopped_at_precision: stopped,
            target_year: model.main.year,
            target_pct: threshold,
            probability: p,
            probability_ci95: wilson_95(self.hits, self.n),
            std_error: (p * (1.0 - p) / self.n as f64).sqrt(),
            mean_pct: self.mean,
            sd_pp: if self.n > 1 {
                (self.m2 / (self.n - 1) as f64).sqrt()
            } else {
                0.0
            },
            min_pct: self.min,
            max_pct: self.max,
            quantiles_pct: quantiles,
            quantile_error_pp: 0.5 * width,
            years,
            expected_shortfall_pp: (self.misses > 0).then(|| self.miss_gap / self.misses as f64),
            paths_at_or_below_minus_100_pct: self.collapsed,
            all_targets_probability: (!model.targets.is_empty() && all_known)
                .then(|| self.all_met as f64 / self.n as f64),
            targets,
            sensitivity,
            convergence: self.convergence.clone(),
            feasibility,
            required_growth,
            correlation,
            histogram: Histogram {
                lo: self.bins.lo,
                width,
                counts: self.hist,
                under: self.under,
                over: self.over,
            },
        }
    }
}

impl Model {
    /// The requested rank correlation (identity if none was given).
    pub(super) fn requested_rank(&self) -> Vec<Vec<f64>> {
        let k = self.k;
        match &self.chol {
            None => (0..k)
                .map(|i| (0..k).map(|j| if i == j { 1.0 } else { 0.0 }).collect())
                .collect(),
            Some(l) => (0..k)
                .map(|i| {
                    (0..k)
                        .map(|j| {
                            let r: f64 = (0..k).map(|m| l[i * k + m] * l[j * k + m]).sum();
                            if i == j {
                                1.0
                            } else {
                                crate::copula::spearman_for_pearson(r)
                            }
                        })
                        .collect()
                })
                .collect(),
        }
    }
}

/// For each shift d (pp) of component `c`'s centre, how many kept rows
/// reach `threshold` when it is added: G + w_c d ≥ threshold. One pass over
/// the rows for all shifts.
fn feasibility_hits(
    detail: &[f64],
    stride: usize,
    k: usize,
    f: &FeasibilityRequest,
    threshold: f64,
) -> Vec<usize> {
    let mut hits = vec![0usize; f.shifts_pp.len()];
    for row in detail.chunks_exact(stride) {
        let (w, g) = (row[k + f.component], row[2 * k]);
        for (h, d) in hits.iter_mut().zip(&f.shifts_pp) {
            *h += usize::from(g + w * d >= threshold);
        }
    }
    hits
}

/// The growth (%) component `c` needs, row by row, for GRDP growth to reach
/// `threshold` with the other components as drawn, where that is finite;
/// sorted.
fn required_sorted(detail: &[f64], stride: usize, k: usize, c: usize, threshold: f64) -> Vec<f64> {
    // Room for every row up front: no growing (and copying) as it fills.
    let mut req = Vec::with_capacity(detail.len() / stride);
    req.extend(detail.chunks_exact(stride).map(|row| {
        let (w, g) = (row[k + c], row[c]);
        let others = row[2 * k] - w * g;
        if w > 0.0 {
            (threshold - others) / w
        } else {
            f64::NAN
        }
    }));
    req.retain(|v| v.is_finite());
    sort_total(&mut req);
    req
}
