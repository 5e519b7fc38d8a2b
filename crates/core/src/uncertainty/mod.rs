//! What a scenario says about uncertainty, as plain data: each component's
//! growth distribution, their rank correlation, persistence across years,
//! uncertain inputs, and the views of the centre to compare. Loaders build
//! it and validate it here; grdp-montecarlo compiles it into draws.

use std::collections::BTreeMap;

use serde::Serialize;

pub mod correlation;
mod marginal;

pub use marginal::{MAX_PARAMETER_PP, Marginal};

/// The largest spread of a base weight, percentage points.
pub const MAX_WEIGHT_SD_PP: f64 = 20.0;
/// The largest spread of a component's deflator growth, percentage points:
/// at 20, a price fall of 100 % in a year is a five-standard-deviation draw.
pub const MAX_PRICE_SD_PP: f64 = 20.0;
/// The largest spread of population growth, percentage points.
pub const MAX_POPULATION_SD_PP: f64 = 5.0;
/// The largest supported spread of the target year's growth, percentage
/// points: wider than any year in the shipped history (Cần Thơ's 2022
/// rebound is 15 points from the year before).
pub const MAX_SUPPORTED_SD_PP: f64 = 25.0;
/// The most supported spreads a scenario may state.
pub const MAX_SUPPORTED_SPREADS: usize = 4;

/// Why an uncertainty specification was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum UncertaintyError {
    /// A distribution parameter, an input's spread or a view is out of its domain.
    #[error("{field}: {message}")]
    InvalidParameter {
        /// Dotted path, e.g. `uncertainty.growth.services.sd`.
        field: String,
        /// What was found and what was expected.
        message: String,
    },
    /// The correlation matrix is malformed or its correlations cannot hold together.
    #[error("{field}: {message}")]
    InvalidCorrelation {
        /// Dotted path of the matrix (or one entry).
        field: String,
        /// What was found and what was expected.
        message: String,
    },
}

impl UncertaintyError {
    /// The dotted path of the field at fault.
    pub fn field(&self) -> &str {
        match self {
            UncertaintyError::InvalidParameter { field, .. }
            | UncertaintyError::InvalidCorrelation { field, .. } => field,
        }
    }
}

/// Where a view puts the centre of each component's distribution.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Centre {
    /// The plan's growth (the targets as means): distributions are moved so
    /// their centre (mean, mode or location) is the plan.
    Plan,
    /// The distributions as written; the plan only where they leave the
    /// location open.
    AsWritten,
    /// The plan less a shortfall, in percentage points, for every component.
    PlanMinus {
        /// Percentage points taken off every component's planned growth.
        shortfall_pp: f64,
    },
    /// Given growth per component, percent, for every plan year.
    Growth {
        /// One value per component, in the economy's order.
        growth_pct: Vec<f64>,
    },
}

/// A named view of the centre.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct View {
    /// Short id, e.g. `plan`.
    pub id: String,
    /// English name.
    pub name_en: String,
    /// Vietnamese name.
    pub name_vi: String,
    /// Where the centre is.
    pub centre: Centre,
}

/// Uncertainty about inputs that are themselves estimates.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct InputUncertainty {
    /// Standard deviation of each base constant-price weight, percentage
    /// points (the weights are derived, not published). Draws are clamped at
    /// zero and renormalised to sum to 100.
    pub constant_weight_sd_pp: Option<Vec<f64>>,
    /// Standard deviation of each component's deflator growth, percentage
    /// points, around the plan's price path.
    pub price_growth_sd_pp: Option<Vec<f64>>,
    /// Standard deviation of population growth, percentage points.
    pub population_growth_sd_pp: Option<f64>,
}

/// The whole uncertainty specification of a scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UncertaintySpec {
    /// Each component's growth distribution for every plan year, in the
    /// economy's order.
    pub growth: Vec<Marginal>,
    /// Per-year replacements: year → (component index → marginal).
    pub growth_by_year: BTreeMap<i32, BTreeMap<usize, Marginal>>,
    /// Rank (Spearman) correlation between components, `k × k`; identity if `None`.
    pub rank_correlation: Option<Vec<Vec<f64>>>,
    /// Persistence of shocks from one year to the next: the latent normals
    /// follow `e[t] = φ e[t−1] + √(1 − φ²) x[t]`, in [0, 1).
    pub persistence: f64,
    /// Uncertain inputs.
    pub inputs: InputUncertainty,
    /// The views of the centre to compare; at least one.
    pub views: Vec<View>,
    /// The view whose probability is the answer (the others follow as
    /// sensitivity); `None` leaves the choice to the study's rule.
    pub preferred_view: Option<String>,
    /// Other spreads of the target year's growth that the scenario's
    /// evidence supports (standard deviations, percentage points), such as
    /// what a record of past outcomes gives; the briefing states P at each
    /// beside the simulated spread. Empty: none stated.
    pub supported_sd_pp: Vec<f64>,
}

impl UncertaintySpec {
    /// Validates against component ids (in the economy's order) and plan years.
    pub fn validate(&self, ids: &[String], plan_years: &[i32]) -> Result<(), UncertaintyError> {
        let k = ids.len();
        if self.growth.len() != k {
            return Err(UncertaintyError::InvalidParameter {
                field: "uncertainty.growth".into(),
                message: format!(
                    "has {} components; expected {k} ({})",
                    self.growth.len(),
                    ids.join(", ")
                ),
            });
        }
        for (m, id) in self.growth.iter().zip(ids) {
            m.validate(&format!("uncertainty.growth.{id}"))?;
        }
        for (year, by) in &self.growth_by_year {
            if !plan_years.contains(year) {
                return Err(UncertaintyError::InvalidParameter {
                    field: format!("uncertainty.by_year.{year}"),
                    message: format!("{year} is not a plan year; expected one of {plan_years:?}"),
                });
            }
            for (i, m) in by {
                let id = ids.get(*i).map_or("?", String::as_str);
                m.validate(&format!("uncertainty.by_year.{year}.{id}"))?;
            }
        }
        if let Some(r) = &self.rank_correlation {
            correlation::validate("uncertainty.rank_correlation", r, ids)?;
            correlation::latent_cholesky("uncertainty.rank_correlation", r, ids)?;
        }
        if !(0.0..1.0).contains(&self.persistence) {
            return Err(UncertaintyError::InvalidParameter {
                field: "uncertainty.persistence".into(),
                message: format!("found {}; expected a number in [0, 1)", self.persistence),
            });
        }
        // One spread of an input: finite, zero or more, and at most `max`
        // percentage points, with why in the words of the field.
        let spread = |field: String, x: f64, max: f64, why: &str| {
            if x.is_finite() && (0.0..=max).contains(&x) {
                Ok(())
            } else {
                Err(UncertaintyError::InvalidParameter {
                    field,
                    message: format!(
                        "found {x:?}; expected a standard deviation between 0 and {max} percentage points ({why})"
                    ),
                })
            }
        };
        let sds = |field: &str, v: &Option<Vec<f64>>, max: f64, why: &str| {
            if let Some(v) = v {
                if v.len() != k {
                    return Err(UncertaintyError::InvalidParameter {
                        field: field.into(),
                        message: format!("has {} values; expected {k}", v.len()),
                    });
                }
                for (x, id) in v.iter().zip(ids) {
                    spread(format!("{field}.{id}"), *x, max, why)?;
                }
            }
            Ok(())
        };
        sds(
            "uncertainty.inputs.constant_weight_sd_pp",
            &self.inputs.constant_weight_sd_pp,
            MAX_WEIGHT_SD_PP,
            "a weight is a share of GRDP; a spread beyond that says nothing is known of it",
        )?;
        sds(
            "uncertainty.inputs.price_growth_sd_pp",
            &self.inputs.price_growth_sd_pp,
            MAX_PRICE_SD_PP,
            "beyond it prices falling by 100% in a year stop being a one-in-a-million draw",
        )?;
        if let Some(p) = self.inputs.population_growth_sd_pp {
            spread(
                "uncertainty.inputs.population_growth_sd_pp".into(),
                p,
                MAX_POPULATION_SD_PP,
                "a province's population grows by a point or two a year at most",
            )?;
        }
        if self.supported_sd_pp.len() > MAX_SUPPORTED_SPREADS {
            return Err(UncertaintyError::InvalidParameter {
                field: "uncertainty.supported_spread.sd_pp".into(),
                message: format!(
                    "has {} values; expected at most {MAX_SUPPORTED_SPREADS}",
                    self.supported_sd_pp.len()
                ),
            });
        }
        for (i, x) in self.supported_sd_pp.iter().enumerate() {
            if !(x.is_finite() && *x > 0.0 && *x <= MAX_SUPPORTED_SD_PP) {
                return Err(UncertaintyError::InvalidParameter {
                    field: format!("uncertainty.supported_spread.sd_pp[{}]", i + 1),
                    message: format!(
                        "found {x:?}; expected a standard deviation above 0 and at most {MAX_SUPPORTED_SD_PP} percentage points"
                    ),
                });
            }
        }
        if let Some(p) = &self.preferred_view
            && !self.views.iter().any(|v| &v.id == p)
        {
            let known: Vec<&str> = self.views.iter().map(|v| v.id.as_str()).collect();
            return Err(UncertaintyError::InvalidParameter {
                field: "uncertainty.preferred_view".into(),
                message: format!(
                    "found \"{p}\"; expected one of the views: {}",
                    known.join(", ")
                ),
            });
        }
        if self.views.is_empty() {
            return Err(UncertaintyError::InvalidParameter {
                field: "uncertainty.view".into(),
                message: "no views; expected at least one [[uncertainty.view]]".into(),
            });
        }
        for (i, v) in self.views.iter().enumerate() {
            if self.views[..i].iter().any(|o| o.id == v.id) {
                return Err(UncertaintyError::InvalidParameter {
                    field: format!("uncertainty.view.{}", v.id),
                    message: "the id is used twice; expected unique view ids".into(),
                });
            }
            match &v.centre {
                Centre::Growth { growth_pct } if growth_pct.len() != k => {
                    return Err(UncertaintyError::InvalidParameter {
                        field: format!("uncertainty.view.{}.growth_pct", v.id),
                        message: format!("has {} values; expected {k}", growth_pct.len()),
                    });
                }
                Centre::Growth { growth_pct } => {
                    for (g, id) in growth_pct.iter().zip(ids) {
                        if !g.is_finite() || *g <= -100.0 {
                            return Err(UncertaintyError::InvalidParameter {
                                field: format!("uncertainty.view.{}.growth_pct.{id}", v.id),
                                message: format!("found {g}; expected growth above -100%"),
                            });
                        }
                    }
                }
                Centre::PlanMinus { shortfall_pp } if !shortfall_pp.is_finite() => {
                    return Err(UncertaintyError::InvalidParameter {
                        field: format!("uncertainty.view.{}.shortfall_pp", v.id),
                        message: format!("found {shortfall_pp}; expected a finite number"),
                    });
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// The marginal of component `i` in `year`.
    pub fn marginal(&self, year: i32, i: usize) -> &Marginal {
        self.growth_by_year
            .get(&year)
            .and_then(|m| m.get(&i))
            .unwrap_or(&self.growth[i])
    }
}
