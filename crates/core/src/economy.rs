//! The economy: its components and its base year.

use serde::Serialize;

use crate::error::{ModelError, finite, positive};

/// How far a list of shares may stray from 100 %, in percentage points.
///
/// Published shares carry two decimals, so each is off by at most 0.005 pp;
/// ten components can therefore miss 100 by 0.05 pp through rounding alone.
/// Anything further is a data error, not rounding.
pub const SHARE_SUM_TOLERANCE_PP: f64 = 0.05;

/// How far constant-price weights may stray from 100 %, in percentage
/// points, before they are refused: weights worked out from rounded
/// contributions of a handful of sectors miss by up to about 0.2 (Cần Thơ's
/// 2022 release: 100.18), and are normalised. Further off is a slip.
pub const WEIGHT_SUM_TOLERANCE_PP: f64 = 0.5;

/// What a component measures, which decides how the national office's
/// "share of the increase" treats it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ComponentKind {
    /// Value added of an industry or sector (agriculture, industry, services...).
    ValueAdded,
    /// Product taxes less product subsidies: part of GRDP, not of value added.
    ProductTaxes,
}

/// One component of GRDP, such as `services`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Component {
    /// Short machine id, e.g. `industry_construction`.
    pub id: String,
    /// Whether it is value added or product taxes less subsidies.
    pub kind: ComponentKind,
}

impl Component {
    /// A value-added component.
    pub fn value_added(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            kind: ComponentKind::ValueAdded,
        }
    }

    /// The product-taxes-less-subsidies component.
    pub fn product_taxes(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            kind: ComponentKind::ProductTaxes,
        }
    }
}

/// The constant-2010-price side of the base year.
#[derive(Debug, Clone, PartialEq)]
pub enum ConstantPriceBase {
    /// Levels at constant 2010 prices, billion VND, one per component.
    LevelsBnVnd(Vec<f64>),
    /// Only the weights: each component's share of constant-2010-price GRDP,
    /// in percent, summing to 100 (within [`SHARE_SUM_TOLERANCE_PP`]).
    /// Used where levels are not published; constant-price levels are then unknown.
    WeightsPct(Vec<f64>),
}

/// The last observed year, from which the projection starts.
#[derive(Debug, Clone, PartialEq)]
pub struct BaseYear {
    /// Calendar year, e.g. 2024.
    pub year: i32,
    /// Value added (or taxes) at current prices, billion VND, one per component;
    /// `None` where unknown (structure and per-capita figures are then unknown).
    pub current_bn_vnd: Option<Vec<f64>>,
    /// Levels or weights at constant 2010 prices.
    pub constant: ConstantPriceBase,
    /// Average population, thousand persons; `None` where unknown.
    pub population_thousand: Option<f64>,
    /// Employed workers, thousand persons; `None` where unknown.
    pub employed_thousand: Option<f64>,
}

/// A validated economy: named components and a consistent base year.
///
/// Nothing here is specific to Cần Thơ or to four components.
#[derive(Debug, Clone, PartialEq)]
pub struct Economy {
    components: Vec<Component>,
    base: BaseYear,
    /// Constant-price weights as fractions summing to exactly 1.
    weights: Vec<f64>,
    /// Constant-2010-price GRDP of the base year, billion VND, where levels are known.
    constant_total_bn_vnd: Option<f64>,
}

impl Economy {
    /// Validates components and base year.
    ///
    /// Fails on an empty or duplicated id, a vector of the wrong length, a
    /// level that is not finite or not above zero, negative weights, or weights
    /// that do not sum to 100 %.
    pub fn new(components: Vec<Component>, base: BaseYear) -> Result<Self, ModelError> {
        if components.is_empty() {
            return Err(ModelError::NoComponents);
        }
        for (i, c) in components.iter().enumerate() {
            if c.id.trim().is_empty() {
                return Err(ModelError::EmptyComponentId { position: i + 1 });
            }
            if components[..i].iter().any(|o| o.id == c.id) {
                return Err(ModelError::DuplicateComponent { id: c.id.clone() });
            }
        }
        let n = components.len();
        let check_len = |field: &str, v: &[f64]| {
            if v.len() == n {
                Ok(())
            } else {
                Err(ModelError::WrongLength {
                    field: field.to_string(),
                    found: v.len(),
                    expected: n,
                })
            }
        };
        if let Some(cur) = &base.current_bn_vnd {
            check_len("base.current_bn_vnd", cur)?;
            for (c, &v) in components.iter().zip(cur) {
                positive(|| format!("base.current_bn_vnd.{}", c.id), v)?;
            }
        }
        let (weights, constant_total_bn_vnd) = match &base.constant {
            ConstantPriceBase::LevelsBnVnd(levels) => {
                check_len("base.constant_bn_vnd", levels)?;
                for (c, &v) in components.iter().zip(levels) {
                    positive(|| format!("base.constant_bn_vnd.{}", c.id), v)?;
                }
                let total: f64 = levels.iter().sum();
                (levels.iter().map(|v| v / total).collect(), Some(total))
            }
            ConstantPriceBase::WeightsPct(w) => {
                check_len("base.constant_weight_pct", w)?;
                for (c, &v) in components.iter().zip(w) {
                    let field = || format!("base.constant_weight_pct.{}", c.id);
                    finite(field, v)?;
                    if v < 0.0 {
                        return Err(ModelError::Negative {
                            field: field(),
                            value: v,
                        });
                    }
                }
                let sum: f64 = w.iter().sum();
                if (sum - 100.0).abs() > WEIGHT_SUM_TOLERANCE_PP {
                    return Err(ModelError::WeightsDoNotSumTo100 {
                        field: "base.constant_weight_pct".into(),
                        sum_pct: sum,
                        tolerance_pct: WEIGHT_SUM_TOLERANCE_PP,
                    });
                }
                (w.iter().map(|v| v / sum).collect(), None)
            }
        };
        if let Some(p) = base.population_thousand {
            positive(|| "base.population_thousand".into(), p)?;
        }
        if let Some(l) = base.employed_thousand {
            positive(|| "base.employed_thousand".into(), l)?;
        }
        Ok(Self {
            components,
            base,
            weights,
            constant_total_bn_vnd,
        })
    }

    /// The components, in the order every per-component vector follows.
    pub fn components(&self) -> &[Component] {
        &self.components
    }

    /// The base year as given.
    pub fn base(&self) -> &BaseYear {
        &self.base
    }

    /// Number of components.
    pub fn len(&self) -> usize {
        self.components.len()
    }

    /// Always false: a validated economy has at least one component.
    pub fn is_empty(&self) -> bool {
        self.components.is_empty()
    }

    /// Position of the component with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.components.iter().position(|c| c.id == id)
    }

    /// Position of the component with this id, or an error naming `field`.
    pub fn require_index(&self, field: &str, id: &str) -> Result<usize, ModelError> {
        self.index_of(id)
            .ok_or_else(|| ModelError::UnknownComponent {
                field: field.to_string(),
                id: id.to_string(),
                known: self.known_ids(),
            })
    }

    /// The component ids, comma separated (for error messages).
    pub fn known_ids(&self) -> String {
        self.components
            .iter()
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Base-year constant-price weights as fractions (sum exactly 1).
    pub fn base_weights(&self) -> &[f64] {
        &self.weights
    }

    /// Base-year constant-2010-price GRDP, billion VND, where levels are known.
    pub fn base_constant_total_bn_vnd(&self) -> Option<f64> {
        self.constant_total_bn_vnd
    }

    /// Base-year current-price structure, percent, where levels are known.
    pub fn base_shares_current_pct(&self) -> Option<Vec<f64>> {
        self.base.current_bn_vnd.as_ref().map(|cur| {
            let total: f64 = cur.iter().sum();
            cur.iter().map(|v| 100.0 * v / total).collect()
        })
    }
}
