//! `grdp-core`: the model behind grdp.
//!
//! It turns a plan of sectoral growth into what a provincial resolution
//! reports: aggregate real growth, each component's contribution and share
//! of the increase, the structure at current prices, nominal growth and the
//! deflator, GRDP per capita and labour productivity. It checks whether a set
//! of targets hangs together ([`mod@audit`]) and solves for what a target needs
//! ([`solve`]).
//!
//! The crate does no I/O and never panics on user data: inputs are
//! validated once, by [`Economy::new`], [`Plan::new`], [`TargetSet::new`] and
//! [`Scenario::new`], and every later computation is total.
//!
//! Units are part of every name: `_pct` is percent (9.5 means 9.5 %),
//! `_pp` percentage points, `_bn_vnd` billion VND, `_mn_vnd` million VND,
//! `_thousand` thousand persons. Fractions appear only inside computations.
//!
//! ```
//! use grdp_core::{BaseYear, Component, ConstantPriceBase, Economy, Plan, YearPlan, project};
//!
//! let economy = Economy::new(
//!     vec![Component::value_added("farming"), Component::value_added("rest")],
//!     BaseYear {
//!         year: 2024,
//!         current_bn_vnd: None,
//!         constant: ConstantPriceBase::WeightsPct(vec![25.0, 75.0]),
//!         population_thousand: None,
//!         employed_thousand: None,
//!     },
//! )?;
//! let plan = Plan::new(&economy, vec![YearPlan {
//!     year: 2025,
//!     real_growth_pct: vec![2.0, 10.0],
//!     prices: None,
//!     population_growth_pct: None,
//!     employment_growth_pct: None,
//! }])?;
//! let projection = project(&economy, &plan);
//! // 0.25 · 2 % + 0.75 · 10 % = 8 %
//! assert!((projection.years[0].growth_pct - 8.0).abs() < 1e-12);
//! # Ok::<(), grdp_core::ModelError>(())
//! ```

pub mod audit;
pub mod derivation;
pub mod economy;
pub mod error;
pub mod merger;
pub mod plan;
pub mod projection;
pub mod quarters;
pub mod solve;
pub mod step;
pub mod targets;
pub mod uncertainty;

pub use audit::{Audit, Check, CheckId, CheckStatus, PeriodTarget, audit};
pub use economy::{BaseYear, Component, ComponentKind, ConstantPriceBase, Economy};
pub use error::ModelError;
pub use plan::{Plan, PricePath, YearPlan};
pub use projection::{ComponentYear, Projection, YearResult, project};
pub use step::{PathState, YearFigures, YearInputs, YearPrices};
pub use targets::{
    Bound, Direction, Indicator, Target, TargetOutcome, TargetSet, TargetStatus, evaluate,
};

use solve::YearGrowth;

/// A complete, validated scenario: economy, plan, targets and the known
/// outcomes of earlier years (for period-average targets).
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    /// Display name.
    pub name: String,
    economy: Economy,
    plan: Plan,
    targets: TargetSet,
    period_targets: Vec<PeriodTarget>,
    outcomes: Vec<YearGrowth>,
    investment: Option<audit::InvestmentTarget>,
    known: Option<quarters::KnownYear>,
}

impl Scenario {
    /// Bundles validated parts; checks that outcomes are finite, above
    /// -100 %, not after the base year and not repeated, and that period
    /// targets have a bound and a first year not after their last.
    pub fn new(
        name: impl Into<String>,
        economy: Economy,
        plan: Plan,
        targets: TargetSet,
        period_targets: Vec<PeriodTarget>,
        mut outcomes: Vec<YearGrowth>,
    ) -> Result<Self, ModelError> {
        for p in &period_targets {
            let invalid = |reason: String| ModelError::InvalidPeriodTarget {
                id: p.id.clone(),
                reason,
            };
            if p.last_year < p.first_year {
                return Err(invalid(format!(
                    "last_year {} is before first_year {}; expected first_year ≤ last_year",
                    p.last_year, p.first_year
                )));
            }
            if p.bound.min.is_none() && p.bound.max.is_none() {
                return Err(invalid(
                    "has neither min nor max; expected at least one".into(),
                ));
            }
            for (name, v) in [("min", p.bound.min), ("max", p.bound.max)] {
                if let Some(v) = v {
                    error::growth_pct(|| format!("period_target.{}.{name}", p.id), v)?;
                }
            }
            if let (Some(lo), Some(hi)) = (p.bound.min, p.bound.max)
                && lo > hi
            {
                return Err(invalid(format!(
                    "min {lo} is above max {hi}; expected min ≤ max"
                )));
            }
        }
        outcomes.sort_by_key(|o| o.year);
        for (i, o) in outcomes.iter().enumerate() {
            error::growth_pct(|| format!("outcome.{}.growth_pct", o.year), o.growth_pct)?;
            if i > 0 && outcomes[i - 1].year == o.year {
                return Err(ModelError::DuplicateYear {
                    field: format!("outcome.{}", o.year),
                    year: o.year,
                });
            }
            if o.year > economy.base().year {
                return Err(ModelError::OutcomeAfterBase {
                    field: format!("outcome.{}", o.year),
                    year: o.year,
                    base_year: economy.base().year,
                });
            }
        }
        Ok(Self {
            name: name.into(),
            economy,
            plan,
            targets,
            period_targets,
            outcomes,
            investment: None,
            known: None,
        })
    }

    /// The economy.
    pub fn economy(&self) -> &Economy {
        &self.economy
    }

    /// The plan.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The targets.
    pub fn targets(&self) -> &TargetSet {
        &self.targets
    }

    /// Targets for the average growth of a period.
    pub fn period_targets(&self) -> &[PeriodTarget] {
        &self.period_targets
    }

    /// Adds an investment target (checked against the growth target by the
    /// audit). Refused when its base is not a positive level or its year is
    /// not after the base year.
    pub fn with_investment(mut self, inv: audit::InvestmentTarget) -> Result<Self, ModelError> {
        if let Some(base) = inv.base_bn_vnd {
            crate::error::positive(|| "investment.base_bn_vnd".into(), base)?;
        }
        if inv.year <= self.economy.base().year {
            return Err(ModelError::InvalidInvestment {
                reason: format!(
                    "[investment] year {} is not after the base year {}; expected a plan year",
                    inv.year,
                    self.economy.base().year
                ),
            });
        }
        let growth_set = inv.growth_min_pct.is_some() || inv.growth_max_pct.is_some();
        match (inv.base_bn_vnd.is_some(), growth_set) {
            (true, false) => {
                return Err(ModelError::InvalidInvestment {
                    reason: "[investment] has neither growth_min_pct nor growth_max_pct; expected at least one".into(),
                });
            }
            (false, true) => {
                return Err(ModelError::InvalidInvestment {
                    reason: "[investment] sets investment growth without base_bn_vnd; expected the base year's investment it grows from".into(),
                });
            }
            (false, false) if inv.icor_references.is_empty() => {
                return Err(ModelError::InvalidInvestment {
                    reason: "[investment] has no investment target and no icor_reference; expected a base_bn_vnd with its growth, or at least one icor_reference".into(),
                });
            }
            _ => {}
        }
        for (field, g) in [
            ("investment.growth_min_pct", inv.growth_min_pct),
            ("investment.growth_max_pct", inv.growth_max_pct),
        ] {
            if let Some(g) = g {
                crate::error::growth_pct(|| field.into(), g)?;
            }
        }
        if let (Some(lo), Some(hi)) = (inv.growth_min_pct, inv.growth_max_pct)
            && lo > hi
        {
            return Err(ModelError::InvalidInvestment {
                reason: format!(
                    "[investment] growth_min_pct {lo} is above growth_max_pct {hi}; expected the lower bound first"
                ),
            });
        }
        for r in &inv.icor_references {
            crate::error::positive(|| format!("investment.icor_reference.{}", r.id), r.icor)?;
        }
        self.investment = Some(inv);
        Ok(self)
    }

    /// Adds what is known of a plan year so far. Refused unless the year is
    /// a plan year and the growth a rate above −100 %.
    pub fn with_known(mut self, known: quarters::KnownYear) -> Result<Self, ModelError> {
        crate::error::growth_pct(|| "known.growth_pct".into(), known.growth_pct)?;
        if self.plan.year(known.year).is_none() {
            return Err(ModelError::InvalidTarget {
                id: "known".into(),
                reason: format!(
                    "[known] year {} is not a plan year; expected the year a release covers in part",
                    known.year
                ),
            });
        }
        self.known = Some(known);
        Ok(self)
    }

    /// What is known of a plan year so far, if anything.
    pub fn known(&self) -> Option<&quarters::KnownYear> {
        self.known.as_ref()
    }

    /// The investment target, if any.
    pub fn investment(&self) -> Option<&audit::InvestmentTarget> {
        self.investment.as_ref()
    }

    /// Known aggregate real growth of past years, ascending.
    pub fn outcomes(&self) -> &[YearGrowth] {
        &self.outcomes
    }

    /// Projects the plan.
    pub fn project(&self) -> Projection {
        project(&self.economy, &self.plan)
    }

    /// Evaluates every target against the projection.
    pub fn evaluate(&self, projection: &Projection) -> Vec<TargetOutcome> {
        evaluate(&self.economy, &self.targets, projection)
    }

    /// Runs the consistency audit, period targets included.
    pub fn audit(&self, projection: &Projection) -> Audit {
        let mut out = audit(&self.economy, &self.plan, &self.targets, projection);
        if self.period_targets.is_empty() {
            out.not_applicable.push(audit::NotApplicable {
                id: CheckId::PeriodAverage,
                year: None,
                reason: audit::MissingInput::NoTargets,
            });
        }
        for p in &self.period_targets {
            out.checks
                .push(audit::period_check(p, &self.outcomes, projection));
        }
        // Investment last: a scenario without it says so.
        match &self.investment {
            None => out.not_applicable.push(audit::NotApplicable {
                id: CheckId::InvestmentIcor,
                year: None,
                reason: audit::MissingInput::NoTargets,
            }),
            Some(inv) => match audit::investment_entry(inv, &self.targets, projection) {
                Ok(c) => out.checks.push(c),
                Err(n) => out.not_applicable.push(n),
            },
        }
        out
    }
}
