//! Constant-price weights from a statistics release held in a history file:
//! what `grdp derive` computes.
//!
//! A release is the history's rows of one region and period. Whichever it
//! prints decides the method: contributions (`contribution_pp`) or shares of
//! the increase (`share_of_increase_pct`) with growth (`growth_pct`), or
//! levels at current prices (`current_bn_vnd`) with price indices
//! (`deflator_index`, 2010 = 100). A `total` row's `growth_pct` is the
//! published aggregate the derived weights are checked against.

use grdp_core::derivation::{DerivedWeights, Release, derive_weights};
use grdp_scenario::History;
use serde::Serialize;

use crate::error::StudyError;

/// How the weights were worked out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// From contributions (pp) and growth (%).
    Contributions,
    /// From shares of the increase (%) and growth (%).
    SharesOfIncrease,
    /// From current-price levels and price indices.
    Levels,
}

/// A component the release leaves out, filled in from the published total:
/// its contribution is the total's growth less the listed contributions,
/// its weight what the listed weights leave of 100.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rest {
    /// Its id, as given (`--rest`).
    pub id: String,
    /// Its contribution, percentage points.
    pub contribution_pp: f64,
    /// Its weight in the year before the release, percent.
    pub prior_weight_pct: f64,
    /// The growth that contribution and weight imply, percent.
    pub growth_pct: f64,
}

/// Weights derived from one release, with everything a reader needs to
/// judge them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReleaseWeights {
    /// The history's region.
    pub region: String,
    /// The release's period, e.g. `2022`.
    pub period: String,
    /// The year the derived `weights_pct` belong to: the base year of a
    /// scenario that starts from this release.
    pub base_year: Option<i32>,
    /// How they were worked out.
    pub method: Method,
    /// The components, in the history's order (the rest last, if any).
    pub components: Vec<String>,
    /// The published aggregate growth (the `total` row), percent.
    pub published_growth_pct: Option<f64>,
    /// A component filled in from the total, if asked.
    pub rest: Option<Rest>,
    /// The weights and their check.
    pub derived: DerivedWeights,
    /// Where the figures came from: the `source` of each row used, once each.
    pub sources: Vec<String>,
}

impl ReleaseWeights {
    /// Implied less published aggregate growth, percentage points: the
    /// rounding residual (or the sign of a missing component).
    pub fn residual_pp(&self) -> Option<f64> {
        Some(self.derived.implied_growth_pct? - self.published_growth_pct?)
    }
}

/// Derives constant-price weights from the release of `region` in `period`
/// held in `history`; `rest` names a component the release leaves out, to
/// be filled in from the total (contributions only).
pub fn derive(
    history: &History,
    region: &str,
    period: &str,
    rest: Option<&str>,
) -> Result<ReleaseWeights, StudyError> {
    let rows: Vec<_> = history
        .records
        .iter()
        .filter(|r| {
            r.region == region && r.period == period && r.vintage == grdp_scenario::history::LATEST
        })
        .collect();
    if !history.records.iter().any(|r| r.region == region) {
        let mut known: Vec<String> = history.records.iter().map(|r| r.region.clone()).collect();
        known.dedup();
        known.sort();
        known.dedup();
        return Err(StudyError::UnknownRegion {
            id: region.to_string(),
            known,
        });
    }
    let no_release = |why: String| StudyError::NoRelease {
        region: region.to_string(),
        period: period.to_string(),
        why,
    };
    if rows.is_empty() {
        let mut periods: Vec<&str> = history
            .records
            .iter()
            .filter(|r| r.region == region)
            .map(|r| r.period.as_str())
            .collect();
        periods.sort_unstable();
        periods.dedup();
        return Err(no_release(format!(
            "no rows for that period; the history has {region} for {}",
            periods.join(", ")
        )));
    }
    // Components in file order, the total apart; their ids become TOML keys.
    let mut components: Vec<String> = Vec::new();
    for r in &rows {
        if r.component != "total" && !components.contains(&r.component) {
            if !valid_id(&r.component) {
                return Err(no_release(format!(
                    "line {}: component `{}`; expected an id of letters, digits, `_` or `-` (it becomes a key of [base.constant_weight_pct])",
                    r.line, r.component
                )));
            }
            components.push(r.component.clone());
        }
    }
    // Weights are the components': a release of the total alone has none
    // (with `--rest`, one listed component and the total are enough).
    if components.is_empty() {
        return Err(no_release(
            "it lists the total only; expected its components (e.g. agriculture, industry_construction, services), each with its growth and its contribution, share of the increase, or level".into(),
        ));
    }
    let value = |component: &str, indicator: &str| {
        rows.iter()
            .find(|r| r.component == component && r.indicator == indicator)
            .map(|r| r.value)
    };
    let column = |indicator: &str| -> Option<Vec<f64>> {
        components.iter().map(|c| value(c, indicator)).collect()
    };
    let has = |indicator: &str| rows.iter().any(|r| r.indicator == indicator);
    let published = value("total", "growth_pct");
    let missing = |indicator: &str| {
        let lacking: Vec<&str> = components
            .iter()
            .filter(|c| value(c, indicator).is_none())
            .map(String::as_str)
            .collect();
        no_release(format!(
            "{indicator} is missing for {}; every component needs it",
            lacking.join(", ")
        ))
    };
    if let Some(id) = rest
        && (!valid_id(id) || id == "total" || components.iter().any(|c| c == id))
    {
        return Err(no_release(format!(
            "--rest {id:?}: expected the id of a component the release leaves out (letters, digits, `_` or `-`), not `total` nor one of {}",
            components.join(", ")
        )));
    }
    if rest.is_some() && !has("contribution_pp") {
        return Err(no_release(
            "--rest fills a component in from contributions; this release prints none".into(),
        ));
    }
    // Each component's figures, checked by name before the arithmetic.
    let check_growth = |growth: &[f64]| -> Result<(), StudyError> {
        for (c, g) in components.iter().zip(growth) {
            if g.abs() < 1e-12 {
                return Err(no_release(format!(
                    "{c}: growth_pct is 0, so its weight cannot be worked out from its contribution or share"
                )));
            }
            if *g <= -100.0 {
                return Err(no_release(format!(
                    "{c}: growth_pct is {g}; expected growth above −100 %"
                )));
            }
        }
        Ok(())
    };
    let check_signs = |growth: &[f64], part: &[f64], what: &str| -> Result<(), StudyError> {
        for ((c, g), p) in components.iter().zip(growth).zip(part) {
            if g * p < 0.0 {
                return Err(no_release(format!(
                    "{c}: {what} {p} and growth_pct {g} have opposite signs, so its weight would be negative"
                )));
            }
        }
        Ok(())
    };
    let (method, release, rest) = if has("contribution_pp") {
        let mut growth = column("growth_pct").ok_or_else(|| missing("growth_pct"))?;
        let mut contribution =
            column("contribution_pp").ok_or_else(|| missing("contribution_pp"))?;
        check_growth(&growth)?;
        check_signs(&growth, &contribution, "contribution_pp")?;
        let rest = match rest {
            None => None,
            Some(id) => {
                let total = published.ok_or_else(|| {
                    no_release(format!(
                        "--rest {id} needs the published total (a `total` row with growth_pct)"
                    ))
                })?;
                let listed: f64 = contribution.iter().sum();
                let raw: f64 = contribution
                    .iter()
                    .zip(&growth)
                    .map(|(c, g)| 100.0 * c / g)
                    .sum();
                let (c_rest, w_rest) = (total - listed, 100.0 - raw);
                if w_rest <= 0.0 {
                    return Err(no_release(format!(
                        "the listed components' weights already sum to {raw:.2} %, leaving nothing for {id}"
                    )));
                }
                let g_rest = 100.0 * c_rest / w_rest;
                growth.push(g_rest);
                contribution.push(c_rest);
                components.push(id.to_string());
                Some(Rest {
                    id: id.to_string(),
                    contribution_pp: c_rest,
                    prior_weight_pct: w_rest,
                    growth_pct: g_rest,
                })
            }
        };
        (
            Method::Contributions,
            Release::Contributions {
                growth_pct: growth,
                contribution_pp: contribution,
            },
            rest,
        )
    } else if has("share_of_increase_pct") {
        let growth = column("growth_pct").ok_or_else(|| missing("growth_pct"))?;
        let share =
            column("share_of_increase_pct").ok_or_else(|| missing("share_of_increase_pct"))?;
        check_growth(&growth)?;
        check_signs(&growth, &share, "share_of_increase_pct")?;
        let sum: f64 = share.iter().sum();
        if (sum - 100.0).abs() > 1.0 {
            return Err(no_release(format!(
                "the shares of the increase sum to {sum:.2} %; expected 100 (a component missing, or a slip)"
            )));
        }
        (
            Method::SharesOfIncrease,
            Release::SharesOfIncrease {
                growth_pct: growth,
                share_pct: share,
            },
            None,
        )
    } else if has("current_bn_vnd") {
        let current = column("current_bn_vnd").ok_or_else(|| missing("current_bn_vnd"))?;
        let index = column("deflator_index").ok_or_else(|| missing("deflator_index"))?;
        for ((c, l), p) in components.iter().zip(&current).zip(&index) {
            if *l <= 0.0 || *p <= 0.0 {
                return Err(no_release(format!(
                    "{c}: current_bn_vnd {l} and deflator_index {p}; expected both above zero"
                )));
            }
        }
        (
            Method::Levels,
            Release::Levels {
                current_bn_vnd: current,
                deflator_index: index,
            },
            None,
        )
    } else {
        return Err(no_release(
            "it prints no contribution_pp, share_of_increase_pct or current_bn_vnd; expected growth with contributions or shares of the increase, or levels with price indices".into(),
        ));
    };
    let derived = derive_weights(&release)?;
    // Weights far from 100 before normalising mean a component is missing:
    // normalising them would quietly give the missing one's weight away.
    if let (Method::Contributions, Some(sum)) = (method, derived.prior_raw_sum_pct)
        && (sum - 100.0).abs() > 1.0
    {
        return Err(no_release(format!(
            "the contributions give weights summing to {sum:.2} %, too far from 100 for rounding: a component is missing (product taxes?); --rest ID fills it in from the total"
        )));
    }
    let mut sources: Vec<String> = Vec::new();
    for r in &rows {
        let s = r.source.trim();
        if !s.is_empty() && !sources.iter().any(|o| o == s) {
            sources.push(s.to_string());
        }
    }
    let year: Option<i32> = period.get(..4).and_then(|y| y.parse().ok());
    Ok(ReleaseWeights {
        region: region.to_string(),
        period: period.to_string(),
        base_year: year,
        method,
        components,
        published_growth_pct: published,
        rest,
        derived,
        sources,
    })
}

/// An id that can be a bare TOML key and a component id.
fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}
