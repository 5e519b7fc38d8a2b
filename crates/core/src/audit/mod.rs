//! The consistency audit: do a scenario's targets hang together, and what
//! do they imply?
//!
//! Each check reports its figures as numbers; the words are left to the
//! presentation layer so that they can be given in any language.

use serde::Serialize;

use crate::economy::Economy;
use crate::plan::Plan;
use crate::projection::Projection;
use crate::targets::{Bound, Indicator, TargetSet};

mod investment;
mod per_capita;
mod period;
mod productivity;
mod sector_growth;
mod structure;

pub(crate) use investment::entry as investment_entry;
pub use investment::{IcorComparison, IcorReference, InvestmentFigures, InvestmentTarget};
pub use per_capita::PerCapitaFigures;
pub use period::{PeriodAverageFigures, PeriodTarget, period_check};
pub use productivity::LabourProductivityFigures;
pub use sector_growth::{GrowthSource, SectorGrowth, SectorGrowthFigures};
pub use structure::{
    ComponentPricePath, PathBasis, ShareRange, StructurePriceFigures, StructureSumFigures,
};

/// How far an implied aggregate may fall short of a target and still pass,
/// in percentage points: targets carry two decimals, so half a unit of the
/// last published digit.
pub const IMPLIED_GROWTH_TOLERANCE_PP: f64 = 0.005;

/// The outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    /// The targets are consistent on this count.
    Pass,
    /// Consistent only under an assumption worth flagging.
    Warn,
    /// Inconsistent: not every target can hold.
    Fail,
    /// The target is set below what the rest of the plan implies: it will
    /// be exceeded, not missed (a per-capita range under what growth and
    /// prices give).
    Understated,
}

/// Which check. Serialises as [`CheckId::as_str`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckId {
    /// The aggregate growth the sector targets imply, against the aggregate target.
    SectorGrowthVsAggregate,
    /// Whether the structure ranges can sum to 100 % at all.
    #[serde(rename = "structure_sums_to_100")]
    StructureSumsTo100,
    /// The sector price changes the structure targets need.
    StructurePricePath,
    /// The nominal growth and deflator a per-capita range implies.
    PerCapita,
    /// The employment growth productivity and growth targets imply together.
    LabourProductivity,
    /// The average growth a multi-year plan achieves, and what the remaining years need.
    PeriodAverage,
    /// The ICOR an investment target and the growth target imply together.
    InvestmentIcor,
}

impl CheckId {
    /// Every check, in report order.
    pub const ALL: [CheckId; 7] = [
        CheckId::SectorGrowthVsAggregate,
        CheckId::StructureSumsTo100,
        CheckId::StructurePricePath,
        CheckId::PerCapita,
        CheckId::LabourProductivity,
        CheckId::PeriodAverage,
        CheckId::InvestmentIcor,
    ];

    /// The snake_case id.
    pub fn as_str(self) -> &'static str {
        match self {
            CheckId::SectorGrowthVsAggregate => "sector_growth_vs_aggregate",
            CheckId::StructureSumsTo100 => "structure_sums_to_100",
            CheckId::StructurePricePath => "structure_price_path",
            CheckId::PerCapita => "per_capita",
            CheckId::LabourProductivity => "labour_productivity",
            CheckId::PeriodAverage => "period_average",
            CheckId::InvestmentIcor => "investment_icor",
        }
    }
}

/// One check's result: id, year, status and its figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Check {
    /// Which check.
    pub id: CheckId,
    /// The year checked.
    pub year: i32,
    /// Pass, warn or fail.
    pub status: CheckStatus,
    /// The figures behind the verdict.
    #[serde(flatten)]
    pub figures: Figures,
}

/// A check that could not run, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NotApplicable {
    /// Which check.
    pub id: CheckId,
    /// The year, where one was in question.
    pub year: Option<i32>,
    /// What was missing.
    pub reason: MissingInput,
}

/// What a check lacked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MissingInput {
    /// No target of the kind the check examines.
    NoTargets,
    /// The base year or plan lacks current-price levels or price growth.
    NoCurrentPrices,
    /// Population is unknown.
    NoPopulation,
    /// The plan does not reach the target's year.
    YearNotProjected,
}

/// The figures of each check, by check.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Figures {
    /// See [`SectorGrowthFigures`].
    SectorGrowth(SectorGrowthFigures),
    /// See [`StructureSumFigures`].
    StructureSum(StructureSumFigures),
    /// See [`StructurePriceFigures`].
    StructurePrice(StructurePriceFigures),
    /// See [`PerCapitaFigures`].
    PerCapita(PerCapitaFigures),
    /// See [`LabourProductivityFigures`].
    LabourProductivity(LabourProductivityFigures),
    /// See [`PeriodAverageFigures`].
    PeriodAverage(PeriodAverageFigures),
    /// See [`InvestmentFigures`].
    Investment(InvestmentFigures),
}

/// The audit of a scenario's targets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Audit {
    /// Checks that ran.
    pub checks: Vec<Check>,
    /// Checks that could not run.
    pub not_applicable: Vec<NotApplicable>,
}

/// Runs every check for every year that has targets.
pub fn audit(
    economy: &Economy,
    plan: &Plan,
    targets: &TargetSet,
    projection: &Projection,
) -> Audit {
    let mut out = Audit {
        checks: Vec::new(),
        not_applicable: Vec::new(),
    };
    let years = targets.years();
    let ctx = Ctx {
        economy,
        plan,
        targets,
        projection,
    };
    type CheckFn = fn(&Ctx, i32) -> Outcome;
    let checks: [(CheckId, CheckFn); 5] = [
        (CheckId::SectorGrowthVsAggregate, sector_growth::check),
        (CheckId::StructureSumsTo100, structure::sum_check),
        (CheckId::StructurePricePath, structure::price_check),
        (CheckId::PerCapita, per_capita::check),
        (CheckId::LabourProductivity, productivity::check),
    ];
    for (id, check) in checks {
        let mut ran_or_missing = false;
        for &year in &years {
            match check(&ctx, year) {
                Outcome::Ran(status, figures) => {
                    ran_or_missing = true;
                    out.checks.push(Check {
                        id,
                        year,
                        status,
                        figures: *figures,
                    });
                }
                Outcome::Missing(reason) => {
                    ran_or_missing = true;
                    out.not_applicable.push(NotApplicable {
                        id,
                        year: Some(year),
                        reason,
                    });
                }
                Outcome::NoTargets => {}
            }
        }
        if !ran_or_missing {
            out.not_applicable.push(NotApplicable {
                id,
                year: None,
                reason: MissingInput::NoTargets,
            });
        }
    }
    out
}

pub(super) struct Ctx<'a> {
    pub(super) economy: &'a Economy,
    pub(super) plan: &'a Plan,
    pub(super) targets: &'a TargetSet,
    pub(super) projection: &'a Projection,
}

pub(super) enum Outcome {
    Ran(CheckStatus, Box<Figures>),
    Missing(MissingInput),
    NoTargets,
}

/// The target on `indicator` (of `component`) in `year`, if any.
pub(super) fn target_of<'a>(
    ctx: &Ctx<'a>,
    year: i32,
    indicator: Indicator,
    component: Option<&str>,
) -> Option<&'a crate::targets::Target> {
    ctx.targets.find(year, indicator, component)
}

pub(super) fn bound_of(
    ctx: &Ctx,
    year: i32,
    indicator: Indicator,
    component: Option<&str>,
) -> Option<Bound> {
    ctx.targets
        .find(year, indicator, component)
        .map(|t| t.bound)
}

pub(super) fn previous_current_total(ctx: &Ctx, year: i32) -> Option<f64> {
    if year == ctx.projection.base.year + 1 {
        ctx.projection.base.grdp_current_bn_vnd
    } else {
        ctx.projection.year(year - 1)?.grdp_current_bn_vnd
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_ids_serialise_as_their_names() {
        for id in CheckId::ALL {
            assert_eq!(serde_json::to_value(id).unwrap(), id.as_str());
        }
    }
}
