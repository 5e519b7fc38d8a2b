//! Restating a base after a merger: several provinces' base years combined
//! into one, for when the merged figures are not yet published.
//!
//! Current-price levels add up by component. Constant-2010-price levels add
//! up too where every province gives them; where a province gives only
//! weights, its constant-price GRDP is not known, and the combined weights
//! are the provinces' weights averaged with their current-price GRDP as
//! weights: exact only if every province's prices moved alike since 2010.

use serde::Serialize;

use crate::economy::Economy;
use crate::error::ModelError;

/// How the combined constant-price weights were obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CombineMethod {
    /// Every province gave constant-price levels: they are summed.
    ConstantLevels,
    /// Weights averaged with current-price GRDP as the provinces' weights
    /// (an assumption: equal price movement since 2010).
    CurrentPriceWeighted,
}

/// The combined base year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CombinedBase {
    /// The base year, common to all.
    pub year: i32,
    /// Component ids, in the first province's order.
    pub components: Vec<String>,
    /// Current-price levels, billion VND, by component.
    pub current_bn_vnd: Vec<f64>,
    /// GRDP at current prices, billion VND.
    pub grdp_current_bn_vnd: f64,
    /// Structure at current prices, percent.
    pub share_current_pct: Vec<f64>,
    /// Constant-2010-price weights, percent.
    pub constant_weight_pct: Vec<f64>,
    /// Constant-price levels, billion VND, where every province gave them.
    pub constant_bn_vnd: Option<Vec<f64>>,
    /// How the weights were obtained.
    pub method: CombineMethod,
    /// Population, thousand persons, where every province gave it.
    pub population_thousand: Option<f64>,
    /// Employed, thousand persons, where every province gave it.
    pub employed_thousand: Option<f64>,
    /// Each province's share of combined current-price GRDP, percent.
    pub province_share_pct: Vec<f64>,
}

/// Combines the base years of `economies` (in the order given; names for
/// messages in `names`).
pub fn combine(economies: &[&Economy], names: &[String]) -> Result<CombinedBase, ModelError> {
    let refuse = |reason: String| ModelError::Unsolvable {
        what: "the combined base".into(),
        reason,
    };
    let first = economies
        .first()
        .ok_or_else(|| refuse("no province given; expected two or more".into()))?;
    if economies.len() < 2 {
        return Err(refuse("one province given; expected two or more".into()));
    }
    // Each province by its name in backticks, so that a file name with a
    // comma or a space reads as one name.
    let name = |p: usize| {
        format!(
            "`{}`",
            names
                .get(p)
                .cloned()
                .unwrap_or_else(|| format!("province {}", p + 1))
        )
    };
    let ids: Vec<String> = first.components().iter().map(|c| c.id.clone()).collect();
    let year = first.base().year;
    // Each province's levels, in the first one's component order.
    let mut current = vec![0.0; ids.len()];
    let mut totals = Vec::with_capacity(economies.len());
    let mut orders = Vec::with_capacity(economies.len());
    for (p, e) in economies.iter().enumerate() {
        if e.base().year != year {
            return Err(refuse(format!(
                "{} has base year {}, {} has {year}; expected one base year",
                name(p),
                e.base().year,
                name(0)
            )));
        }
        let mut their: Vec<String> = e.components().iter().map(|c| c.id.clone()).collect();
        their.sort();
        let mut ours = ids.clone();
        ours.sort();
        if their != ours {
            return Err(refuse(format!(
                "{} has components {}, {} has {}; expected the same components",
                name(p),
                their.join(", "),
                name(0),
                ours.join(", ")
            )));
        }
        let order: Vec<usize> = ids
            .iter()
            .map(|id| e.index_of(id).expect("same components, checked above"))
            .collect();
        for (k, &i) in order.iter().enumerate() {
            let (ours, theirs) = (first.components()[k].kind, e.components()[i].kind);
            if ours != theirs {
                // As the scenario file writes a kind.
                let kind = |k: crate::ComponentKind| match k {
                    crate::ComponentKind::ValueAdded => "value_added",
                    crate::ComponentKind::ProductTaxes => "product_taxes",
                };
                return Err(refuse(format!(
                    "{} counts `{}` as kind \"{}\", {} as \"{}\"; expected the same kind in every file",
                    name(p),
                    ids[k],
                    kind(theirs),
                    name(0),
                    kind(ours)
                )));
            }
        }
        let cur = e.base().current_bn_vnd.as_ref().ok_or_else(|| {
            refuse(format!(
                "{} has no current-price levels ([base] grdp_current_bn_vnd with share_current_pct, or current_bn_vnd); expected them for every province",
                name(p)
            ))
        })?;
        for (k, &i) in order.iter().enumerate() {
            current[k] += cur[i];
        }
        totals.push(cur.iter().sum::<f64>());
        orders.push(order);
    }
    let total: f64 = totals.iter().sum();
    let share_current_pct: Vec<f64> = current.iter().map(|v| 100.0 * v / total).collect();
    let province_share_pct: Vec<f64> = totals.iter().map(|t| 100.0 * t / total).collect();
    let all_levels = economies
        .iter()
        .all(|e| e.base_constant_total_bn_vnd().is_some());
    let (constant_weight_pct, constant_bn_vnd, method) = if all_levels {
        let mut levels = vec![0.0; ids.len()];
        for (e, order) in economies.iter().zip(&orders) {
            let t = e.base_constant_total_bn_vnd().expect("checked above");
            for (k, &i) in order.iter().enumerate() {
                levels[k] += e.base_weights()[i] * t;
            }
        }
        let sum: f64 = levels.iter().sum();
        (
            levels.iter().map(|v| 100.0 * v / sum).collect(),
            Some(levels),
            CombineMethod::ConstantLevels,
        )
    } else {
        let mut w = vec![0.0; ids.len()];
        for ((e, order), t) in economies.iter().zip(&orders).zip(&totals) {
            for (k, &i) in order.iter().enumerate() {
                w[k] += 100.0 * e.base_weights()[i] * t / total;
            }
        }
        (w, None, CombineMethod::CurrentPriceWeighted)
    };
    let sum_opt = |f: &dyn Fn(&Economy) -> Option<f64>| -> Option<f64> {
        economies.iter().map(|e| f(e)).sum::<Option<f64>>()
    };
    Ok(CombinedBase {
        year,
        components: ids,
        current_bn_vnd: current,
        grdp_current_bn_vnd: total,
        share_current_pct,
        constant_weight_pct,
        constant_bn_vnd,
        method,
        population_thousand: sum_opt(&|e| e.base().population_thousand),
        employed_thousand: sum_opt(&|e| e.base().employed_thousand),
        province_share_pct,
    })
}
