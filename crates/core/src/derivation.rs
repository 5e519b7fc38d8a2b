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
