//! Deriving constant-price weights where statistics offices do not publish
//! constant-price levels.
//!
//! A release that gives both sector growth `g[i]` (%) and contribution
//! `c[i]` (pp) reveals last year's weights: `w[i] = c[i] / g[i]`. Weights then
//! move with growth: `w[i,t] ∝ w[i,t-1] · (1 + g[i,t])`. Where some sectors'
//! growth is unpublished but the aggregate is, a common add-on to the unknown
//! sectors closes the identity `g = Σ w[i] g[i]`. Each step is a pure function
//! so that a derivation can be written down and rerun.

use crate::error::{ModelError, finite, growth_pct};

/// Weights (percent, not normalised) revealed by contributions (pp) and
/// growth (percent): `w[i] = 100 · c[i] / g[i]`.
///
/// Fails where a growth rate is zero (the weight is then not identified)
/// or the two lists differ in length.
pub fn weights_from_contributions(
    contributions_pp: &[f64],
    growth_pct: &[f64],
) -> Result<Vec<f64>, ModelError> {
    if contributions_pp.len() != growth_pct.len() {
        return Err(ModelError::WrongLength {
            field: "contribution_pp".into(),
            found: contributions_pp.len(),
            expected: growth_pct.len(),
        });
    }
    contributions_pp
        .iter()
        .zip(growth_pct)
        .enumerate()
        .map(|(i, (&c, &g))| {
            finite(|| format!("contribution_pp[{i}]"), c)?;
            finite(|| format!("growth_pct[{i}]"), g)?;
            if g.abs() < 1e-12 {
                return Err(ModelError::Unsolvable {
                    what: format!("the weight of component {i}"),
                    reason: "its growth is zero, so its contribution reveals nothing".into(),
                });
            }
            Ok(100.0 * c / g)
        })
        .collect()
}

/// Rescales weights so they sum to exactly 100.
pub fn normalise_pct(weights_pct: &[f64]) -> Vec<f64> {
    let sum: f64 = weights_pct.iter().sum();
    weights_pct.iter().map(|w| 100.0 * w / sum).collect()
}

/// Rolls weights (percent) forward one year with each component's growth
/// (percent). Returns next year's weights (percent, summing to 100) and the
/// aggregate growth they imply (percent).
pub fn roll_forward(weights_pct: &[f64], growth_pct: &[f64]) -> (Vec<f64>, f64) {
    let moved: Vec<f64> = weights_pct
        .iter()
        .zip(growth_pct)
        .map(|(w, g)| w * (1.0 + g / 100.0))
        .collect();
    let before: f64 = weights_pct.iter().sum();
    let after: f64 = moved.iter().sum();
    (normalise_pct(&moved), 100.0 * (after / before - 1.0))
}

/// Completes a year's sector growth so that it adds up to a published aggregate.
///
/// `known_pct[i]` is `Some(g)` for a component whose growth is known and
/// kept, `None` for one that is unknown. `starting_pct[i]` is the value an
/// unknown component starts from (for example its nine-month growth, or 0).
/// The same add-on (percentage points) goes to every unknown component so
/// that `Σ w[i] g[i] = aggregate_pct`. Returns the completed growth and the add-on.
pub fn complete_to_aggregate(
    weights_pct: &[f64],
    known_pct: &[Option<f64>],
    starting_pct: &[f64],
    aggregate_pct: f64,
) -> Result<(Vec<f64>, f64), ModelError> {
    finite(|| "aggregate_pct".into(), aggregate_pct)?;
    let total_w: f64 = weights_pct.iter().sum();
    let mut fixed = 0.0;
    let mut free_w = 0.0;
    let mut free_start = 0.0;
    for ((w, g), s) in weights_pct.iter().zip(known_pct).zip(starting_pct) {
        match g {
            Some(g) => fixed += w / total_w * g,
            None => {
                free_w += w / total_w;
                free_start += w / total_w * s;
            }
        }
    }
    if free_w < 1e-12 {
        return Err(ModelError::Unsolvable {
            what: "the growth of the unpublished components".into(),
            reason: "no component is left free to close the aggregate".into(),
        });
    }
    let add_on = (aggregate_pct - fixed - free_start) / free_w;
    let completed: Vec<f64> = known_pct
        .iter()
        .zip(starting_pct)
        .map(|(g, s)| g.unwrap_or(s + add_on))
        .collect();
    for (i, g) in completed.iter().enumerate() {
        growth_pct(|| format!("completed growth_pct[{i}]"), *g)?;
    }
    Ok((completed, add_on))
}

/// The growth (percent) that takes a component's weight from `weight_before_pct`
/// to `weight_after_pct` in a year when the aggregate grew by `aggregate_pct`:
/// `(1 + g) = w_after (1 + G) / w_before`.
pub fn growth_for_weight(
    weight_before_pct: f64,
    weight_after_pct: f64,
    aggregate_pct: f64,
) -> Result<f64, ModelError> {
    crate::error::positive(|| "weight_before_pct".into(), weight_before_pct)?;
    finite(|| "weight_after_pct".into(), weight_after_pct)?;
    growth_pct(|| "aggregate_pct".into(), aggregate_pct)?;
    Ok(100.0 * (weight_after_pct * (1.0 + aggregate_pct / 100.0) / weight_before_pct - 1.0))
}

/// What a statistics release gives for one year, per component, from which
/// constant-price weights can be worked out.
#[derive(Debug, Clone, PartialEq)]
pub enum Release {
    /// Real growth (percent) and contribution to GRDP growth (percentage
    /// points), as provincial releases print them.
    Contributions {
        /// Real growth of each component, percent.
        growth_pct: Vec<f64>,
        /// Contribution of each component to aggregate growth, percentage points.
        contribution_pp: Vec<f64>,
    },
    /// Real growth (percent) and share of the increase in value added
    /// (percent of the increase), as national releases print them.
    SharesOfIncrease {
        /// Real growth of each component, percent.
        growth_pct: Vec<f64>,
        /// Each component's share of the increase, percent (summing to about 100).
        share_pct: Vec<f64>,
    },
    /// Levels at current prices (billion VND) and price indices (constant
    /// 2010 prices = 100) of the same year.
    Levels {
        /// Level of each component at current prices, billion VND.
        current_bn_vnd: Vec<f64>,
        /// Each component's implicit price index, 2010 = 100.
        deflator_index: Vec<f64>,
    },
}

/// Weights worked out from a [`Release`], with what a reader needs to
/// judge them.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DerivedWeights {
    /// The weights of the year before the release (contributions and shares:
    /// the year whose constant-price structure the release reveals), before
    /// normalising, percent. For contributions they should sum to 100 but
    /// for rounding; `None` for levels.
    pub prior_raw_pct: Option<Vec<f64>>,
    /// Their sum, percent: how far rounding (or a missing component) put
    /// them off 100.
    pub prior_raw_sum_pct: Option<f64>,
    /// The same weights normalised to sum to 100, percent.
    pub prior_pct: Option<Vec<f64>>,
    /// Aggregate growth the normalised prior weights give with the
    /// release's growth, percent at constant 2010 prices: to set against the
    /// published figure.
    pub implied_growth_pct: Option<f64>,
    /// The weights of the release's own year (the base for the year after),
    /// percent, summing to 100.
    pub weights_pct: Vec<f64>,
}

/// Constant-price weights from a release (see [`Release`]).
///
/// Contributions: `w[i] = 100 c[i] / g[i]` gives the prior year's weights,
/// normalised, then rolled forward with `g`. Shares of the increase:
/// `w[i] ∝ s[i] / g[i]` (a share is `w[i] g[i]` over the total increase),
/// normalised and rolled forward. Levels: `w[i] ∝ current[i] / index[i]`,
/// the release year's weights directly.
pub fn derive_weights(release: &Release) -> Result<DerivedWeights, ModelError> {
    let positive_list = |field: &str, v: &[f64]| -> Result<(), ModelError> {
        for (i, &x) in v.iter().enumerate() {
            finite(|| format!("{field}[{i}]"), x)?;
            if x <= 0.0 {
                return Err(ModelError::Unsolvable {
                    what: "the weights".into(),
                    reason: format!(
                        "{field} of component {} is {x}; expected a positive number",
                        i + 1
                    ),
                });
            }
        }
        Ok(())
    };
    let from_prior = |raw: Vec<f64>, growth: &[f64]| -> Result<DerivedWeights, ModelError> {
        let sum: f64 = raw.iter().sum();
        if raw.iter().any(|w| *w < 0.0) || sum <= 0.0 {
            return Err(ModelError::Unsolvable {
                what: "the weights".into(),
                reason: "a component's contribution and growth have opposite signs, so its weight would be negative".into(),
            });
        }
        let prior = normalise_pct(&raw);
        let implied: f64 = prior.iter().zip(growth).map(|(w, g)| w * g).sum::<f64>() / 100.0;
        let (weights, _) = roll_forward(&prior, growth);
        Ok(DerivedWeights {
            prior_raw_pct: Some(raw),
            prior_raw_sum_pct: Some(sum),
            prior_pct: Some(prior),
            implied_growth_pct: Some(implied),
            weights_pct: weights,
        })
    };
    match release {
        Release::Contributions {
            growth_pct,
            contribution_pp,
        } => {
            for (i, &g) in growth_pct.iter().enumerate() {
                growth_pct_in_range(i, g)?;
            }
            from_prior(
                weights_from_contributions(contribution_pp, growth_pct)?,
                growth_pct,
            )
        }
        Release::SharesOfIncrease {
            growth_pct,
            share_pct,
        } => {
            for (i, &g) in growth_pct.iter().enumerate() {
                growth_pct_in_range(i, g)?;
            }
            // s / g is proportional to the weight; scaled so the raw
            // weights read in percent of value added.
            let raw = weights_from_contributions(share_pct, growth_pct)?;
            let sum: f64 = raw.iter().sum();
            let raw: Vec<f64> = raw.iter().map(|w| 100.0 * w / sum).collect();
            let mut d = from_prior(raw, growth_pct)?;
            // The shares themselves should sum to 100 (of the increase).
            d.prior_raw_sum_pct = Some(share_pct.iter().sum());
            Ok(d)
        }
        Release::Levels {
            current_bn_vnd,
            deflator_index,
        } => {
            if current_bn_vnd.len() != deflator_index.len() {
                return Err(ModelError::WrongLength {
                    field: "deflator_index".into(),
                    found: deflator_index.len(),
                    expected: current_bn_vnd.len(),
                });
            }
            positive_list("current_bn_vnd", current_bn_vnd)?;
            positive_list("deflator_index", deflator_index)?;
            let constant: Vec<f64> = current_bn_vnd
                .iter()
                .zip(deflator_index)
                .map(|(c, p)| 100.0 * c / p)
                .collect();
            Ok(DerivedWeights {
                prior_raw_pct: None,
                prior_raw_sum_pct: None,
                prior_pct: None,
                implied_growth_pct: None,
                weights_pct: normalise_pct(&constant),
            })
        }
    }
}

fn growth_pct_in_range(i: usize, g: f64) -> Result<(), ModelError> {
    growth_pct(|| format!("growth_pct[{i}]"), g).map(|_| ())
}

#[cfg(test)]
mod release_tests {
    use super::*;

    fn close(a: &[f64], b: &[f64]) {
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(b) {
            assert!((x - y).abs() < 1e-4, "{a:?} against {b:?}");
        }
    }

    /// By hand: c = (1, 4) pp, g = (5, 10) % give raw weights 20 and 40
    /// (sum 60, as if a third of the economy were missing), normalised
    /// 33.3333 / 66.6667; they give 8.3333 %; rolled forward
    /// 35 : 73.3333, i.e. 32.3077 / 67.6923.
    #[test]
    fn contributions_reveal_last_years_weights() {
        let d = derive_weights(&Release::Contributions {
            growth_pct: vec![5.0, 10.0],
            contribution_pp: vec![1.0, 4.0],
        })
        .unwrap();
        close(d.prior_raw_pct.as_deref().unwrap(), &[20.0, 40.0]);
        assert!((d.prior_raw_sum_pct.unwrap() - 60.0).abs() < 1e-12);
        close(d.prior_pct.as_deref().unwrap(), &[33.3333, 66.6667]);
        assert!((d.implied_growth_pct.unwrap() - 8.3333).abs() < 1e-4);
        close(&d.weights_pct, &[32.3077, 67.6923]);
    }

    /// By hand: shares (20, 80) % of the increase with g = (5, 10) %: the
    /// weights are in the ratio 20/5 : 80/10 = 4 : 8, so the same as above.
    #[test]
    fn shares_of_the_increase_reveal_the_same_weights() {
        let d = derive_weights(&Release::SharesOfIncrease {
            growth_pct: vec![5.0, 10.0],
            share_pct: vec![20.0, 80.0],
        })
        .unwrap();
        close(d.prior_pct.as_deref().unwrap(), &[33.3333, 66.6667]);
        assert!((d.prior_raw_sum_pct.unwrap() - 100.0).abs() < 1e-12);
        close(&d.weights_pct, &[32.3077, 67.6923]);
    }

    /// By hand: 100 bn at index 200 and 300 bn at index 100 are 50 and 300
    /// bn at 2010 prices: 14.2857 / 85.7143 %.
    #[test]
    fn levels_and_deflators_give_this_years_weights() {
        let d = derive_weights(&Release::Levels {
            current_bn_vnd: vec![100.0, 300.0],
            deflator_index: vec![200.0, 100.0],
        })
        .unwrap();
        close(&d.weights_pct, &[14.2857, 85.7143]);
        assert!(d.prior_pct.is_none() && d.implied_growth_pct.is_none());
    }

    #[test]
    fn zero_growth_or_opposite_signs_are_refused() {
        assert!(
            derive_weights(&Release::Contributions {
                growth_pct: vec![0.0, 10.0],
                contribution_pp: vec![0.0, 4.0],
            })
            .is_err()
        );
        assert!(
            derive_weights(&Release::Contributions {
                growth_pct: vec![-5.0, 10.0],
                contribution_pp: vec![1.0, 4.0],
            })
            .is_err()
        );
        assert!(
            derive_weights(&Release::Levels {
                current_bn_vnd: vec![100.0, 0.0],
                deflator_index: vec![200.0, 100.0],
            })
            .is_err()
        );
    }
}
