//! Targets: an indicator of a year with a minimum, a maximum or a range,
//! and their evaluation against a projection.

use serde::Serialize;

use crate::economy::Economy;
use crate::error::{ModelError, finite};
use crate::projection::{Projection, YearResult};

/// What a target constrains. Aggregate indicators take no component;
/// component indicators need one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Indicator {
    /// Real growth, percent (of GRDP, or of a component if one is named).
    GrowthPct,
    /// Nominal GRDP growth at current prices, percent.
    NominalGrowthPct,
    /// Growth of the implicit GRDP deflator, percent.
    DeflatorGrowthPct,
    /// GRDP at current prices, billion VND.
    GrdpCurrentBnVnd,
    /// GRDP per capita at current prices, million VND per person.
    GrdpPerCapitaMnVnd,
    /// Labour productivity at current prices, million VND per worker.
    LabourProductivityMnVnd,
    /// Real growth of labour productivity, percent.
    LabourProductivityGrowthPct,
    /// A component's share of GRDP at current prices, percent.
    ShareCurrentPct,
    /// A component's contribution to real growth, percentage points.
    ContributionPp,
}

impl Indicator {
    /// Every indicator, in a fixed order.
    pub const ALL: [Indicator; 9] = [
        Indicator::GrowthPct,
        Indicator::NominalGrowthPct,
        Indicator::DeflatorGrowthPct,
        Indicator::GrdpCurrentBnVnd,
        Indicator::GrdpPerCapitaMnVnd,
        Indicator::LabourProductivityMnVnd,
        Indicator::LabourProductivityGrowthPct,
        Indicator::ShareCurrentPct,
        Indicator::ContributionPp,
    ];

    /// The snake_case name used in scenario files and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Indicator::GrowthPct => "growth_pct",
            Indicator::NominalGrowthPct => "nominal_growth_pct",
            Indicator::DeflatorGrowthPct => "deflator_growth_pct",
            Indicator::GrdpCurrentBnVnd => "grdp_current_bn_vnd",
            Indicator::GrdpPerCapitaMnVnd => "grdp_per_capita_mn_vnd",
            Indicator::LabourProductivityMnVnd => "labour_productivity_mn_vnd",
            Indicator::LabourProductivityGrowthPct => "labour_productivity_growth_pct",
            Indicator::ShareCurrentPct => "share_current_pct",
            Indicator::ContributionPp => "contribution_pp",
        }
    }

    /// Parses a snake_case name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|i| i.as_str() == name)
    }

    /// Whether the indicator may, or must, name a component.
    pub fn component_rule(self) -> ComponentRule {
        match self {
            Indicator::GrowthPct => ComponentRule::Optional,
            Indicator::ShareCurrentPct | Indicator::ContributionPp => ComponentRule::Required,
            _ => ComponentRule::Forbidden,
        }
    }
}

/// Whether an indicator takes a component.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComponentRule {
    /// Must not name a component.
    Forbidden,
    /// May name one (aggregate if absent).
    Optional,
    /// Must name one.
    Required,
}

/// The acceptable values of a target; bounds are inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Bound {
    /// Lowest acceptable value, in the indicator's unit; `null` if none.
    pub min: Option<f64>,
    /// Highest acceptable value, in the indicator's unit; `null` if none.
    pub max: Option<f64>,
}

impl Bound {
    /// Whether `value` lies within the bound (inclusive).
    pub fn contains(&self, value: f64) -> bool {
        self.min.is_none_or(|lo| value >= lo) && self.max.is_none_or(|hi| value <= hi)
    }

    /// Signed distance to the nearest bound: positive inside (room to spare),
    /// negative outside (by how much it is missed), in the indicator's unit.
    pub fn margin(&self, value: f64) -> f64 {
        let above_min = self.min.map_or(f64::INFINITY, |lo| value - lo);
        let below_max = self.max.map_or(f64::INFINITY, |hi| hi - value);
        above_min.min(below_max)
    }
}

/// A target: an indicator of a year, with a bound.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Target {
    /// Unique id, e.g. `grdp_growth_2025`.
    pub id: String,
    /// Calendar year the target applies to.
    pub year: i32,
    /// What is constrained.
    pub indicator: Indicator,
    /// The component, for component indicators.
    pub component: Option<String>,
    /// The acceptable values.
    pub bound: Bound,
    /// Which way the target points: what counts as met.
    pub direction: Direction,
}

/// A validated set of targets.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TargetSet {
    targets: Vec<Target>,
}

impl TargetSet {
    /// Validates targets against an economy: unique non-empty ids, known
    /// components where the indicator takes one, at least one finite bound,
    /// and a minimum not above the maximum.
    pub fn new(economy: &Economy, targets: Vec<Target>) -> Result<Self, ModelError> {
        for (i, t) in targets.iter().enumerate() {
            let invalid = |reason: String| ModelError::InvalidTarget {
                id: t.id.clone(),
                reason,
            };
            if t.id.trim().is_empty() {
                return Err(ModelError::InvalidTarget {
                    id: format!("#{}", i + 1),
                    reason: "the id is empty; expected a short unique name".into(),
                });
            }
            if targets[..i].iter().any(|o| o.id == t.id) {
                return Err(invalid(
                    "the id is used by another target; expected unique ids".into(),
                ));
            }
            match (t.indicator.component_rule(), &t.component) {
                (ComponentRule::Forbidden, Some(c)) => {
                    return Err(invalid(format!(
                        "{} is an aggregate indicator but names component `{c}`; remove the component",
                        t.indicator.as_str()
                    )));
                }
                (ComponentRule::Required, None) => {
                    return Err(invalid(format!(
                        "{} needs a component; expected one of: {}",
                        t.indicator.as_str(),
                        economy.known_ids()
                    )));
                }
                (_, Some(c)) => {
                    economy.require_index(&format!("target.{}.component", t.id), c)?;
                }
                _ => {}
            }
            if t.bound.min.is_none() && t.bound.max.is_none() {
                return Err(invalid(
                    "has neither min nor max; expected at least one".into(),
                ));
            }
            for (name, v) in [("min", t.bound.min), ("max", t.bound.max)] {
                if let Some(v) = v {
                    finite(|| format!("target.{}.{name}", t.id), v)?;
                }
            }
            if let (Some(lo), Some(hi)) = (t.bound.min, t.bound.max)
                && lo > hi
            {
                return Err(invalid(format!(
                    "min {lo} is above max {hi}; expected min ≤ max"
                )));
            }
            let needs = match t.direction {
                Direction::AtLeast if t.bound.min.is_none() => Some("min"),
                Direction::AtMost if t.bound.max.is_none() => Some("max"),
                Direction::Within if t.bound.min.is_none() || t.bound.max.is_none() => {
                    Some("min and max")
                }
                _ => None,
            };
            if let Some(what) = needs {
                return Err(invalid(format!(
                    "direction = \"{}\" needs {what}; expected a bound on the side the target points to",
                    t.direction.as_str()
                )));
            }
        }
        Ok(Self { targets })
    }

    /// The targets, in the order given.
    pub fn targets(&self) -> &[Target] {
        &self.targets
    }

    /// The first target with this indicator, year and component.
    pub fn find(
        &self,
        year: i32,
        indicator: Indicator,
        component: Option<&str>,
    ) -> Option<&Target> {
        self.targets.iter().find(|t| {
            t.year == year && t.indicator == indicator && t.component.as_deref() == component
        })
    }

    /// The lower bound of the aggregate GRDP growth target of `year`,
    /// percent at constant 2010 prices, if the set has one.
    pub fn growth_floor_pct(&self, year: i32) -> Option<f64> {
        self.find(year, Indicator::GrowthPct, None)
            .and_then(|t| t.bound.min)
    }

    /// The distinct years that have targets, ascending.
    pub fn years(&self) -> Vec<i32> {
        let mut ys: Vec<i32> = self.targets.iter().map(|t| t.year).collect();
        ys.sort_unstable();
        ys.dedup();
        ys
    }
}

/// Whether a target is met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetStatus {
    /// The projected value meets the target (đạt).
    Met,
    /// The projected value goes beyond the range the way the target points
    /// (vượt): above the maximum of an at-least target, below the minimum of
    /// an at-most one. Met, and more.
    Exceeded,
    /// The projected value falls short of the target (không đạt).
    Missed,
    /// The projection does not reach that year, or lacks an input.
    Unknown,
}

/// A target evaluated against a projection.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetOutcome {
    /// The target.
    #[serde(flatten)]
    pub target: Target,
    /// The projected value, in the indicator's unit.
    pub value: Option<f64>,
    /// Met, missed or unknown.
    pub status: TargetStatus,
    /// Distance to the bound that decides the target, in the indicator's
    /// unit: positive when met (by how much), negative when missed; the
    /// target's direction says which bound decides.
    pub margin: Option<f64>,
}

/// Which way a target points: what counts as meeting it.
///
/// A growth target of "at least 9.5 %" is met by 9.6 %; a per-capita target
/// of "113-115 million VND" is met, and exceeded, by 119; a structure share
/// of "30-31 %" is two-sided, since one share above its range means another
/// below its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Met at or above the minimum; above a stated maximum it is exceeded.
    AtLeast,
    /// Met at or below the maximum; below a stated minimum it is exceeded.
    AtMost,
    /// Met inside the range, missed on either side.
    Within,
}

impl Direction {
    /// Every direction, in documentation order.
    pub const ALL: [Direction; 3] = [Direction::AtLeast, Direction::AtMost, Direction::Within];

    /// The name used in scenario files and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::AtLeast => "at_least",
            Direction::AtMost => "at_most",
            Direction::Within => "within",
        }
    }

    /// The direction named `name`, if any.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.as_str() == name)
    }

    /// The direction a target takes when its file does not say: a single
    /// bound points its own way; a range is within for structure shares and
    /// the deflator, at least its lower bound for everything that is better
    /// higher (growth, contributions, levels, per capita, productivity).
    pub fn default_for(indicator: Indicator, bound: &Bound) -> Self {
        match (bound.min, bound.max) {
            (Some(_), None) => Direction::AtLeast,
            (None, Some(_)) => Direction::AtMost,
            _ => match indicator {
                Indicator::ShareCurrentPct | Indicator::DeflatorGrowthPct => Direction::Within,
                Indicator::GrowthPct
                | Indicator::NominalGrowthPct
                | Indicator::GrdpCurrentBnVnd
                | Indicator::GrdpPerCapitaMnVnd
                | Indicator::LabourProductivityMnVnd
                | Indicator::LabourProductivityGrowthPct
                | Indicator::ContributionPp => Direction::AtLeast,
            },
        }
    }
}

impl Target {
    /// The values that meet the target, `[lo, hi]` (infinite where open):
    /// the minimum and up for at-least, the maximum and down for at-most,
    /// the range for within.
    pub fn met_interval(&self) -> (f64, f64) {
        let lo = self.bound.min.unwrap_or(f64::NEG_INFINITY);
        let hi = self.bound.max.unwrap_or(f64::INFINITY);
        match self.direction {
            Direction::AtLeast => (lo, f64::INFINITY),
            Direction::AtMost => (f64::NEG_INFINITY, hi),
            Direction::Within => (lo, hi),
        }
    }

    /// Scores `value` by the target's direction: met, exceeded or missed,
    /// and the margin to the bound that decides it (positive when met).
    pub fn assess(&self, value: f64) -> (TargetStatus, f64) {
        let (lo, hi) = self.met_interval();
        let margin = (value - lo).min(hi - value);
        let status = if value < lo || value > hi {
            TargetStatus::Missed
        } else {
            match (self.direction, self.bound.min, self.bound.max) {
                (Direction::AtLeast, _, Some(max)) if value > max => TargetStatus::Exceeded,
                (Direction::AtMost, Some(min), _) if value < min => TargetStatus::Exceeded,
                _ => TargetStatus::Met,
            }
        };
        (status, margin)
    }
}

/// The value of an indicator in a projected year.
pub fn indicator_value(
    economy: &Economy,
    year: &YearResult,
    indicator: Indicator,
    component: Option<&str>,
) -> Option<f64> {
    let comp = component
        .and_then(|id| economy.index_of(id))
        .map(|i| &year.components[i]);
    match (indicator, comp) {
        (Indicator::GrowthPct, None) => Some(year.growth_pct),
        (Indicator::GrowthPct, Some(c)) => Some(c.growth_pct),
        (Indicator::ShareCurrentPct, Some(c)) => c.share_current_pct,
        (Indicator::ContributionPp, Some(c)) => Some(c.contribution_pp),
        (Indicator::NominalGrowthPct, _) => year.nominal_growth_pct,
        (Indicator::DeflatorGrowthPct, _) => year.deflator_growth_pct,
        (Indicator::GrdpCurrentBnVnd, _) => year.grdp_current_bn_vnd,
        (Indicator::GrdpPerCapitaMnVnd, _) => year.grdp_per_capita_mn_vnd,
        (Indicator::LabourProductivityMnVnd, _) => year.labour_productivity_mn_vnd,
        (Indicator::LabourProductivityGrowthPct, _) => year.labour_productivity_growth_pct,
        (Indicator::ShareCurrentPct | Indicator::ContributionPp, None) => None,
    }
}

/// Evaluates every target against the projection.
pub fn evaluate(
    economy: &Economy,
    targets: &TargetSet,
    projection: &Projection,
) -> Vec<TargetOutcome> {
    targets
        .targets()
        .iter()
        .map(|t| {
            let value = projection
                .year(t.year)
                .and_then(|y| indicator_value(economy, y, t.indicator, t.component.as_deref()));
            let assessed = value.map(|v| t.assess(v));
            TargetOutcome {
                target: t.clone(),
                value,
                status: assessed.map_or(TargetStatus::Unknown, |a| a.0),
                margin: assessed.map(|a| a.1),
            }
        })
        .collect()
}
